import Foundation
import XCTest
@testable import Codegen
import Graph
import Formats
import Runtime
import Evaluation

/// The compiled explain program (eval forward, backward from one logit per image to
/// `features.<last>`, Grad-CAM) against PyTorch Grad-CAM with forward and backward hooks on the
/// same layer (fixture from tools/make_gradcam_fixture.py over the tiny networks of
/// tools/make_golden_fixtures.py), to 1e-4 of the maximum.
final class GradCAMAgainstPyTorchTests: XCTestCase {
    func testTorchvisionHead() throws { try check("tiny_plain", head: .torchvision) }
    func testBreastAIHeadWithCBAM() throws { try check("tiny_breastai", head: .breastAI(cbam: true, dropout: 0)) }

    func check(_ name: String, head: HeadKind) throws {
        let fixtures = ForwardAgainstPyTorchTests.fixtures
        let weights = try SafeTensors(contentsOf: fixtures.appendingPathComponent("\(name).safetensors"))
        let reference = try SafeTensors(contentsOf: fixtures.appendingPathComponent("gradcam_tiny.safetensors"))
        let config = ModelConfig(variant: .tiny, classes: 3, imageSize: 32, batch: 4, head: head)
        let (program, dir) = try Harness.load(try compileExplainArtifact(config), name: "explain")
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertEqual(program.entryNames, ["breastai_eval", ExplainProgram.entry])
        let state = try StateBlocks(layout: program.manifest.layout)
        try Weights.load(weights, into: state, strict: true)
        let input = ImageLayout.nchwToNHWC(try weights.floats("input"), try weights.shape("input"))
        let classes = try reference.int64s("\(name).classes").map { Int($0) }
        let camShape = try reference.shape("\(name).cam")
        let side = ExplainProgram.mapSide(config.backbone, imageSize: config.imageSize)
        XCTAssertEqual(camShape, [4, side, side])
        let arena = try Arena(bytes: program.manifest.explain!.arenaBytes)
        let out = try program.explain(input, classes: classes, mapCells: side * side, state: state, arena: arena)

        Harness.compare("\(name) explain logits vs PyTorch", out.logits, try reference.floats("\(name).logits").map(Double.init))
        let cam = try reference.floats("\(name).cam").map(Double.init)
        let camRatio = Harness.compare("\(name) Grad-CAM map vs PyTorch", out.maps, cam, rtol: 1e-4, atol: 0)
        // The runtime's upsampling and normalisation, per image.
        var heatmaps: [Float] = []
        for i in 0..<4 {
            heatmaps += GradCAM.heatmap(Array(out.maps[i * side * side ..< (i + 1) * side * side]), height: side, width: side, imageSize: 32)
        }
        let heatRatio = Harness.compare("\(name) heatmap vs PyTorch", heatmaps, try reference.floats("\(name).heatmap").map(Double.init),
                                        rtol: 1e-4, atol: 0)
        print("\(name): Grad-CAM max|diff|/max \(camRatio), heatmap \(heatRatio)")

        // The selector matters: explaining other classes gives other maps.
        let other = try program.explain(input, classes: classes.map { ($0 + 1) % 3 }, mapCells: side * side, state: state, arena: arena)
        XCTAssertNotEqual(other.maps, out.maps)
    }
}
