import Foundation
import XCTest
@testable import Codegen
import Graph
import Formats
import Runtime

/// `ForwardStockSTests` for EfficientNetV2-L: a stock torchvision `efficientnet_v2_l` with 1000
/// classes, built from the stage table alone, loaded strictly by torchvision's names and run through
/// the compiled eval program, gives PyTorch's eval logits. Fixture from tools/make_forward_fixture_l.py:
/// the 118.5 M parameters come from S's integer formula (`ForwardStockSTests.formulaValues`, checked
/// against the fixture's checksum); the BatchNorm running statistics, calibrated by PyTorch, are
/// stored as uint8 codes into two float32 codebooks (one byte each keeps the file under 1 MB).
final class ForwardStockLTests: XCTestCase {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/forward_l.safetensors")

    func testStockEfficientNetV2LEvalLogits() throws {
        let file = try SafeTensors(contentsOf: Self.fixture)
        let codebooks = ["running_mean": try file.floats("codebook.running_mean"),
                         "running_var": try file.floats("codebook.running_var")]
        try ForwardStockSTests.checkEvalLogits(file, variant: .l, name: "L", parameters: 118_515_272, batchNorms: 217,
                                               stateDictEntries: 1548, buffer: { e in
            let kind = String(e.name.split(separator: ".").last ?? "")
            let book = try XCTUnwrap(codebooks[kind], "\(e.name): not a running_mean or running_var")
            XCTAssertEqual(try file.shape(e.name), e.shape, e.name)
            return try file.int64s(e.name).map { book[Int($0)] }
        })
    }
}
