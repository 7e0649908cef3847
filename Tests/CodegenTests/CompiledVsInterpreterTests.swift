import Foundation
import XCTest
@testable import Codegen
import Graph
import Runtime

/// The compiled program of the tiny model against the reference interpreter, every phase: one
/// training step (loss, logits, every gradient, running statistics), one optimizer step
/// (parameters, AdamW moments, accumulators, EMA), and the eval forward.
final class CompiledVsInterpreterTests: XCTestCase {
    func testTinyWithCBAM() throws { try check(ModelConfig(variant: .tiny)) }
    func testTinyWithoutCBAM() throws { try check(ModelConfig(variant: .tiny, head: .breastAI(cbam: false, dropout: 0.3))) }
    func testTinyTorchvisionHead() throws { try check(ModelConfig(variant: .tiny, head: .torchvision)) }

    func check(_ config: ModelConfig) throws {
        let loss = LossAttrs.recipe
        let artifact = try compileArtifact(config, loss: loss)
        let (program, dir) = try Harness.load(artifact, name: "tiny")
        defer { try? FileManager.default.removeItem(at: dir) }
        let layout = artifact.manifest.layout
        let initial = Harness.initialState(layout, seed: 7)
        var rng = SplitMix64(seed: 99)
        let n = config.batch, s = config.imageSize, k = config.classes
        let images = (0..<(n * s * s * 3)).map { _ in Float(rng.normal()) }
        let labels: [Int32] = (0..<n).map { Int32($0 % k) }
        let seed: Int32 = 12345
        let hyper: [Float] = [1e-3, 1e-2, 0.5, 0.05, 0.9, 0, 0, 0]          // lr, wd, 1/2 micro-batches, clip 0.05, EMA 0.9
        let biasCorrection: [Float] = [1 - pow(0.9, 3), 1 - pow(0.999, 3), 1 - 0.9, 1 - 0.999,
                                       1 - pow(0.9, 2), 1 - pow(0.999, 2), 1 - 0.9, 1 - 0.999]
        // Non-zero optimizer state, so accumulation and moments are exercised.
        var extra: [StateKind: [String: [Float]]] = [:]
        for kind in [StateKind.gradient, .adamM, .adamV] {
            for e in layout.parameters {
                extra[kind, default: [:]][e.name] = (0..<e.count).map { _ in kind == .adamV ? Float(1e-4 * rng.unit()) : Float(1e-3 * rng.normal()) }
            }
        }

        let arena = try Arena(bytes: max(artifact.manifest.phases.map(\.arenaBytes).max() ?? 0, artifact.manifest.eval.arenaBytes))
        let io = IOBuffers(n: n, s: s, k: k, images: images, labels: labels, seed: seed, hyper: hyper, biasCorrection: biasCorrection)

        for phase in artifact.manifest.phases {
            let state = try StateBlocks(layout: layout)
            for (name, v) in initial {
                try state.write(.model, name, v)
                try state.write(.ema, name, v)
            }
            for e in layout.parameters {
                try state.setGradient(e.name, extra[.gradient]![e.name]!)
                try state.setAdamM(e.name, extra[.adamM]![e.name]!)
                try state.setAdamV(e.name, extra[.adamV]![e.name]!)
            }
            var ref: [StateKey: Tensor] = [:]
            for e in layout.parameters {
                ref[StateKey(.parameter, e.name)] = Tensor(shape: e.shape, floats: initial[e.name]!)
                ref[StateKey(.ema, e.name)] = Tensor(shape: e.shape, floats: initial[e.name]!)
                for kind in [StateKind.gradient, .adamM, .adamV] {
                    ref[StateKey(kind, e.name)] = Tensor(shape: e.shape, floats: extra[kind]![e.name]!)
                }
            }
            for e in layout.buffers {
                ref[StateKey(.buffer, e.name)] = Tensor(shape: e.shape, floats: initial[e.name]!)
                ref[StateKey(.ema, e.name)] = Tensor(shape: e.shape, floats: initial[e.name]!)
            }
            let tp = try TrainingProgram(config: config, phase: try Phase.recipe(phase.phase), loss: loss)

            // One micro-batch.
            try program.run(phase.stepEntry, state: state, arena: arena, inputs: io.pointers)
            let step = try Interpreter.run(tp.step, inputs: io.tensors, state: ref)
            let label = "phase \(phase.phase) step"
            Harness.compare("\(label) loss", [io.loss[0]], step.outputs["loss"]!.scalars)
            Harness.compare("\(label) logits", Array(io.logits), step.outputs["logits"]!.scalars)
            for name in tp.trainable {
                Harness.compare("\(label) gradient \(name)", try state.gradient(name), step.state[StateKey(.gradient, name)]!.scalars)
            }
            for e in layout.buffers {
                Harness.compare("\(label) \(e.name)", try state.buffer(e.name), step.state[StateKey(.buffer, e.name)]!.scalars)
            }

            // One optimizer step on the state the reference step produced (the compiled state matches it).
            try program.run(phase.updateEntry, state: state, arena: arena, inputs: io.pointers)
            let update = try Interpreter.run(tp.update, inputs: io.tensors, state: step.state)
            let u = "phase \(phase.phase) update"
            for e in layout.parameters {
                Harness.compare("\(u) \(e.name)", try state.parameter(e.name), update.state[StateKey(.parameter, e.name)]!.scalars)
                Harness.compare("\(u) ema \(e.name)", try state.ema(e.name), update.state[StateKey(.ema, e.name)]!.scalars)
                Harness.compare("\(u) grad \(e.name)", try state.gradient(e.name), update.state[StateKey(.gradient, e.name)]!.scalars)
                Harness.compare("\(u) adam_m \(e.name)", try state.adamM(e.name), update.state[StateKey(.adamM, e.name)]!.scalars)
                Harness.compare("\(u) adam_v \(e.name)", try state.adamV(e.name), update.state[StateKey(.adamV, e.name)]!.scalars)
            }
            for e in layout.buffers {
                Harness.compare("\(u) ema \(e.name)", try state.ema(e.name), update.state[StateKey(.ema, e.name)]!.scalars)
            }

            // Eval forward on the updated weights.
            if phase.phase == artifact.manifest.phases.last?.phase {
                try program.run(artifact.manifest.eval.entry, state: state, arena: arena, inputs: io.pointers)
                let eval = try Interpreter.run(tp.eval, inputs: io.tensors, state: update.state)
                Harness.compare("eval logits", Array(io.logits), eval.outputs["logits"]!.scalars)
                Harness.compare("eval probabilities", Array(io.probabilities), eval.outputs["probabilities"]!.scalars)
            }
        }
    }
}

/// The per-call buffers of a test, as pointers for the compiled program and tensors for the interpreter.
final class IOBuffers {
    let images: UnsafeMutableBufferPointer<Float>
    let labels: UnsafeMutableBufferPointer<Int32>
    let seed: UnsafeMutableBufferPointer<Int32>
    let hyper: UnsafeMutableBufferPointer<Float>
    let biasCorrection: UnsafeMutableBufferPointer<Float>
    let loss: UnsafeMutableBufferPointer<Float>
    let logits: UnsafeMutableBufferPointer<Float>
    let probabilities: UnsafeMutableBufferPointer<Float>
    let tensors: [String: Tensor]

    init(n: Int, s: Int, k: Int, images: [Float], labels: [Int32], seed: Int32, hyper: [Float], biasCorrection: [Float]) {
        func buffer<T>(_ values: [T]) -> UnsafeMutableBufferPointer<T> {
            let b = UnsafeMutableBufferPointer<T>.allocate(capacity: max(values.count, 1))
            _ = b.initialize(from: values)
            return b
        }
        self.images = buffer(images); self.labels = buffer(labels); self.seed = buffer([seed])
        self.hyper = buffer(hyper); self.biasCorrection = buffer(biasCorrection)
        loss = buffer([Float(0)]); logits = buffer([Float](repeating: 0, count: n * k))
        probabilities = buffer([Float](repeating: 0, count: n * k))
        tensors = [
            "images": Tensor(shape: [n, s, s, 3], floats: images),
            "labels": Tensor(shape: [n], scalars: labels.map(Double.init)),
            "seed": Tensor(shape: [1], scalars: [Double(seed)]),
            "optimizer.hyper": Tensor(shape: [Hyper.count], floats: hyper),
            "optimizer.bias_correction": Tensor(shape: [4, 2], floats: biasCorrection),
        ]
    }

    var pointers: [IOSlot: UnsafeMutableRawPointer] {
        [.images: UnsafeMutableRawPointer(images.baseAddress!), .labels: UnsafeMutableRawPointer(labels.baseAddress!),
         .seed: UnsafeMutableRawPointer(seed.baseAddress!), .hyper: UnsafeMutableRawPointer(hyper.baseAddress!),
         .biasCorrection: UnsafeMutableRawPointer(biasCorrection.baseAddress!), .loss: UnsafeMutableRawPointer(loss.baseAddress!),
         .logits: UnsafeMutableRawPointer(logits.baseAddress!), .probabilities: UnsafeMutableRawPointer(probabilities.baseAddress!)]
    }

    deinit {
        for b in [images, hyper, biasCorrection, loss, logits, probabilities] { b.deallocate() }
        labels.deallocate(); seed.deallocate()
    }
}
