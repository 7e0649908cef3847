import Foundation
import XCTest
@testable import Codegen
import Graph
import Formats
import Runtime

/// One compiled training step (phase 4, train-mode BatchNorm, focal loss with smoothing, dropout and
/// stochastic depth off) loaded with a PyTorch state dict gives PyTorch's loss, every parameter
/// gradient and the updated BatchNorm running statistics (fixtures from tools/make_golden_fixtures.py).
final class StepAgainstPyTorchTests: XCTestCase {
    func testTorchvisionHead() throws { try check("tiny_plain", head: .torchvision) }
    func testBreastAIHead() throws { try check("tiny_breastai", head: .breastAI(cbam: true, dropout: 0)) }

    /// `Stepper` (what `breastai-run step` runs): the first step's gradients are PyTorch's, and
    /// AdamW steps on one batch lower the loss.
    func testStepperTrainsOnOneBatch() throws {
        let file = try SafeTensors(contentsOf: ForwardAgainstPyTorchTests.fixtures.appendingPathComponent("tiny_plain.safetensors"))
        var config = ModelConfig(variant: .tiny, head: .torchvision, stochasticDepthProb: 0)
        config.backbone.dropout = 0
        let artifact = try compileArtifact(config, phases: [Phase.recipe[3]], loss: LossAttrs(alpha: [0.25, 0.5, 0.25], gamma: 2.5, smoothing: 0.12))
        let (program, dir) = try Harness.load(artifact, name: "stepper")
        defer { try? FileManager.default.removeItem(at: dir) }
        let state = try StateBlocks(layout: program.manifest.layout)
        try Weights.load(file, into: state, strict: true)
        let stepper = try Stepper(program: program, state: state, phase: 4)
        let images = ImageLayout.nchwToNHWC(try file.floats("input"), try file.shape("input"))
        let labels = try file.int64s("labels").map { Int32($0) }
        var losses: [Float] = []
        for t in 1...4 {
            let r = try stepper.step(images: images, labels: labels, t: t, learningRate: 1e-2, weightDecay: 1e-4, keepGradients: t == 1)
            losses.append(r.loss)
            if let g = r.gradients {
                for e in program.manifest.layout.parameters {
                    Harness.compare("stepper gradient \(e.name)", g[e.name]!, try file.floats("grad.\(e.name)").map(Double.init))
                }
            }
        }
        XCTAssertEqual(Double(losses[0]), Double(try file.floats("loss")[0]), accuracy: 1e-5)
        XCTAssertLessThan(losses[3], losses[0], "losses \(losses)")
        XCTAssertThrowsError(try stepper.step(images: images, labels: [0, 1, 2, 5], t: 5, learningRate: 1e-2, weightDecay: 0)) {
            XCTAssertTrue("\($0)".contains("label 5"), "\($0)")
        }
    }

    func check(_ name: String, head: HeadKind) throws {
        let file = try SafeTensors(contentsOf: ForwardAgainstPyTorchTests.fixtures.appendingPathComponent("\(name).safetensors"))
        var config = ModelConfig(variant: .tiny, classes: 3, imageSize: 32, batch: 4, head: head, stochasticDepthProb: 0)
        config.backbone.dropout = 0
        let loss = LossAttrs(alpha: [0.25, 0.5, 0.25], gamma: 2.5, smoothing: 0.12)
        let artifact = try compileArtifact(config, phases: [Phase.recipe[3]], loss: loss)
        let (program, dir) = try Harness.load(artifact, name: "step")
        defer { try? FileManager.default.removeItem(at: dir) }
        let state = try StateBlocks(layout: program.manifest.layout)
        try Weights.load(file, into: state, strict: true)

        var images = ImageLayout.nchwToNHWC(try file.floats("input"), try file.shape("input"))
        var labels = try file.int64s("labels").map { Int32($0) }
        var seed: [Int32] = [0]
        var lossValue: [Float] = [0]
        var logits = [Float](repeating: 0, count: 12)
        let arena = try Arena(bytes: program.manifest.phases[0].arenaBytes)
        try images.withUnsafeMutableBytes { i in try labels.withUnsafeMutableBytes { l in try seed.withUnsafeMutableBytes { s in
            try lossValue.withUnsafeMutableBytes { o in try logits.withUnsafeMutableBytes { z in
                try program.run(program.manifest.phases[0].stepEntry, state: state, arena: arena,
                                inputs: [.images: i.baseAddress!, .labels: l.baseAddress!, .seed: s.baseAddress!,
                                         .loss: o.baseAddress!, .logits: z.baseAddress!])
            } }
        } } }
        Harness.compare("\(name) logits", logits, try file.floats("logits").map(Double.init))
        Harness.compare("\(name) loss", lossValue, try file.floats("loss").map(Double.init))
        var worst = 0.0
        for e in program.manifest.layout.parameters {
            let reference = try file.floats("grad.\(e.name)").map(Double.init)
            let ratio = Harness.compare("\(name) gradient \(e.name)", try state.gradient(e.name), reference)
            // Gradients PyTorch computes as rounding noise (exactly 0 in exact arithmetic) are judged
            // by the absolute floor only; report the relative error of the others.
            if (reference.map { abs($0) }.max() ?? 0) > 1e-3 { worst = max(worst, ratio) }
        }
        for e in program.manifest.layout.buffers {
            Harness.compare("\(name) \(e.name) after the step", try state.buffer(e.name), try file.floats("after.\(e.name)").map(Double.init))
        }
        print("\(name): compiled training step vs PyTorch, worst gradient max|diff|/max|ref| = \(worst) (tensors with max|ref| > 1e-3)")
    }
}
