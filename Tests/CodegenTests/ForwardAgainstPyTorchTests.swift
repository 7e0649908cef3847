import Foundation
import XCTest
@testable import Codegen
import Graph
import Formats
import Runtime

/// The compiled eval program, loaded with a PyTorch state dict, gives PyTorch's eval logits
/// (fixtures from tools/make_golden_fixtures.py: torchvision's EfficientNet classes with a tiny
/// configuration, and the BreastAI head with CBAM).
final class ForwardAgainstPyTorchTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    func testTorchvisionHead() throws { try check("tiny_plain", head: .torchvision) }
    func testBreastAIHead() throws { try check("tiny_breastai", head: .breastAI(cbam: true, dropout: 0)) }

    func check(_ name: String, head: HeadKind) throws {
        let file = try SafeTensors(contentsOf: Self.fixtures.appendingPathComponent("\(name).safetensors"))
        let config = ModelConfig(variant: .tiny, classes: 3, imageSize: 32, batch: 4, head: head)
        let artifact = try compileArtifact(config, phases: [Phase.recipe[0]], loss: .recipe)
        let (program, dir) = try Harness.load(artifact, name: "forward")
        defer { try? FileManager.default.removeItem(at: dir) }
        let state = try StateBlocks(layout: program.manifest.layout)
        let report = try Weights.load(file, into: state, strict: true)
        XCTAssertEqual(report.loaded.count, program.manifest.layout.parameters.count + program.manifest.layout.buffers.count)
        let input = ImageLayout.nchwToNHWC(try file.floats("input"), try file.shape("input"))
        let arena = try Arena(bytes: program.manifest.eval.arenaBytes)
        let logits = try program.evaluate(input, state: state, arena: arena).logits
        let expected = try file.floats("eval_logits").map(Double.init)
        let ratio = Harness.compare("\(name) eval logits vs PyTorch", Array(logits), expected)
        print("\(name): compiled eval logits vs PyTorch, max |diff| / max |ref| = \(ratio)")
    }
}
