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
        XCTAssertEqual(file.metadata["format_version"], "1")
        let seed = try XCTUnwrap(UInt32(file.metadata["seed"] ?? ""), "fixture metadata has no seed")
        let expectedChecksum = try XCTUnwrap(UInt64(file.metadata["parameter_checksum"] ?? ""))
        let inputShape = try file.shape("input")
        XCTAssertEqual(inputShape, [2, 3, 64, 64])

        let config = ModelConfig(variant: .l, classes: 1000, imageSize: inputShape[2], batch: inputShape[0], head: .torchvision)
        let layout = Manifest.StateLayout(config: config)
        XCTAssertEqual(layout.parameterFloats, 118_515_272, "torchvision's efficientnet_v2_l(num_classes=1000) parameter count")
        XCTAssertEqual(layout.buffers.count, 434, "running_mean and running_var of 217 BatchNorms")
        XCTAssertEqual(layout.parameters.count + layout.buffers.count, 1548 - 217, "state_dict entries without num_batches_tracked")

        // The state dict: parameters from the formula, buffers decoded from the fixture's codebooks.
        var writer = SafeTensorsWriter(metadata: ["generator": "ForwardStockLTests"])
        var checksum: UInt64 = 0
        for e in layout.parameters {
            let values = ForwardStockSTests.formulaValues(e.name, e.shape, seed: seed)
            checksum &+= ForwardStockSTests.checksum(values) &* (ForwardStockSTests.fnv1a64(e.name) | 1)
            try writer.add(e.name, floats: values, shape: e.shape)
        }
        XCTAssertEqual(checksum, expectedChecksum, "the parameter formula does not reproduce the fixture's parameters bit for bit")
        let codebooks = ["running_mean": try file.floats("codebook.running_mean"),
                         "running_var": try file.floats("codebook.running_var")]
        for e in layout.buffers {
            let kind = String(e.name.split(separator: ".").last ?? "")
            let book = try XCTUnwrap(codebooks[kind], "\(e.name): not a running_mean or running_var")
            let values = try file.int64s(e.name).map { book[Int($0)] }
            XCTAssertEqual(try file.shape(e.name), e.shape, e.name)
            try writer.add(e.name, floats: values, shape: e.shape)
        }
        let weights = try SafeTensors(data: writer.serialized(), path: "<formula state dict>")
        writer = SafeTensorsWriter(metadata: [:])  // release the serialized copy's source (0.5 GB)

        let artifact = try compileArtifact(config, phases: [], loss: config.defaultLoss)
        let (program, dir) = try Harness.load(artifact, name: "forward-l")
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertEqual(program.manifest.layout, layout)
        let state = try StateBlocks(layout: program.manifest.layout)
        let report = try Weights.load(weights, into: state, strict: true)
        XCTAssertEqual(report.loaded.count, layout.parameters.count + layout.buffers.count)
        XCTAssertTrue(report.unused.isEmpty, report.summary)

        let images = ImageLayout.nchwToNHWC(try file.floats("input"), inputShape)
        let arena = try Arena(bytes: program.manifest.eval.arenaBytes)
        let logits = try program.evaluate(images, state: state, arena: arena).logits
        let expected = try file.floats("eval_logits").map(Double.init)
        for i in 0..<4 { print("logit[\(i)] compiled \(logits[i]) PyTorch \(expected[i])") }
        let ratio = Harness.compare("L eval logits vs PyTorch", logits, expected, rtol: 1e-4, atol: 0)
        print("stock EfficientNetV2-L (1000 classes, 2x3x64x64): compiled eval logits vs PyTorch, "
              + "max |diff| / max |ref| = \(ratio) (tolerance 1e-4; PyTorch float32 vs float64: \(file.metadata["float64_noise"] ?? "?"))")
    }
}
