import Foundation
import Graph
import Formats

/// Runs whole training steps of a compiled phase on given tensors: one micro-batch (forward, loss,
/// backward into the gradient accumulators) then one optimizer update (AdamW as
/// `torch.optim.AdamW`, no clipping, one micro-batch per step). For `breastai-run step` and tests
/// against PyTorch.
public final class Stepper {
    public let program: CompiledProgram
    public let state: StateBlocks
    public let phase: Manifest.PhaseEntry
    private let arena: Arena

    public init(program: CompiledProgram, state: StateBlocks, phase number: Int) throws {
        guard let p = program.manifest.phases.first(where: { $0.phase == number }) else {
            throw RuntimeError.artifact(path: program.libraryPath, problem: "phase \(number) is not compiled in (phases \(program.manifest.phases.map(\.phase)))")
        }
        self.program = program; self.state = state; self.phase = p
        arena = try Arena(bytes: p.arenaBytes)
        // Accumulators start at zero; each update resets the trainable ones, frozen ones stay zero.
        state.zero(.grads)
    }

    /// What one step produced.
    public struct Result: Sendable {
        public var loss: Float
        public var logits: [Float]
        /// Parameter gradients of this step, by name, when asked for.
        public var gradients: [String: [Float]]?
    }

    /// One step at Adam step count `t` (1-based) for every parameter group. `images` are NHWC.
    public func step(images: [Float], labels: [Int32], t: Int, learningRate: Float, weightDecay: Float,
                     seed: Int32 = 0, keepGradients: Bool = false) throws -> Result {
        let m = program.manifest
        guard images.count == m.batch * m.imageSize * m.imageSize * 3, labels.count == m.batch else {
            throw RuntimeError.tensor(name: "input", problem: "expected \(m.batch) images of \(m.imageSize)x\(m.imageSize)x3 and \(m.batch) labels")
        }
        if let bad = labels.first(where: { $0 < 0 || Int($0) >= m.classes }) {
            throw RuntimeError.tensor(name: "labels", problem: "label \(bad) outside 0..<\(m.classes)")
        }
        var images = images, labels = labels, seed = [seed]
        var loss: [Float] = [0], logits = [Float](repeating: 0, count: m.batch * m.classes)
        let inputs = OptimizerInputs(learningRate: learningRate, weightDecay: weightDecay, emaDecay: 0.9998,
                                     adamSteps: Array(repeating: t, count: OptimizerInputs.groups))
        var hyper = inputs.hyper, biasCorrection = inputs.biasCorrection
        var gradients: [String: [Float]]?
        try images.withUnsafeMutableBytes { i in try labels.withUnsafeMutableBytes { l in try seed.withUnsafeMutableBytes { s in
            try loss.withUnsafeMutableBytes { o in try logits.withUnsafeMutableBytes { z in
                try hyper.withUnsafeMutableBytes { h in try biasCorrection.withUnsafeMutableBytes { bc in
                    let io: [IOSlot: UnsafeMutableRawPointer] = [.images: i.baseAddress!, .labels: l.baseAddress!, .seed: s.baseAddress!,
                                                                 .loss: o.baseAddress!, .logits: z.baseAddress!, .hyper: h.baseAddress!,
                                                                 .biasCorrection: bc.baseAddress!]
                    try program.run(phase.stepEntry, state: state, arena: arena, inputs: io)
                    if keepGradients {
                        gradients = [:]
                        for e in m.layout.parameters { gradients![e.name] = try state.gradient(e.name) }
                    }
                    try program.run(phase.updateEntry, state: state, arena: arena, inputs: io)
                } }
            } }
        } } }
        return Result(loss: loss[0], logits: logits, gradients: gradients)
    }
}
