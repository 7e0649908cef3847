import Foundation
import Graph

/// Runs the compiled eval program over a list of samples: deterministic preprocessing (the
/// cached images, never augmented), batches of the compiled size (the last one padded, its
/// padding dropped), with the weights of the `model` or the `ema` block.
public final class Evaluator {
    public let program: CompiledProgram
    public let state: StateBlocks
    private let arena: Arena
    private let loader: BatchLoader

    /// What one pass produced, in sample order.
    public struct Output: Sendable {
        public var logits: [[Float]]
        public var probabilities: [[Double]]
        public var labels: [Int]
        public var seconds: Double

        /// Mean negative log-likelihood of the true class (softmax of the logits at `temperature`).
        public func nll(temperature: Double = 1) -> Double? {
            guard !labels.isEmpty else { return nil }
            var total = 0.0
            for (row, y) in zip(logits, labels) {
                let z = row.map { Double($0) / temperature }
                let m = z.max()!
                let logSum = m + log(z.reduce(0) { $0 + exp($1 - m) })
                total += logSum - z[y]
            }
            return total / Double(labels.count)
        }

        /// Softmax probabilities at `temperature` (the program's own probabilities at 1).
        public func probabilities(temperature: Double) -> [[Double]] {
            guard temperature != 1 else { return probabilities }
            return logits.map { row in
                let z = row.map { Double($0) / temperature }
                let m = z.max()!
                let e = z.map { exp($0 - m) }
                let s = e.reduce(0, +)
                return e.map { $0 / s }
            }
        }
    }

    /// `arena` may be shared with the training entries (it must hold the eval entry's bytes).
    public init(program: CompiledProgram, state: StateBlocks, arena: Arena, cache: ImageCache, workers: Int) throws {
        guard arena.bytes >= program.manifest.eval.arenaBytes else {
            throw RuntimeError.artifact(path: program.libraryPath, problem: "eval needs an arena of \(program.manifest.eval.arenaBytes) bytes")
        }
        self.program = program; self.state = state; self.arena = arena
        loader = BatchLoader(cache: cache, imageSize: program.manifest.imageSize, batchSize: program.manifest.batch,
                             augmentation: nil, workers: workers)
    }

    /// Logits and probabilities of every sample with the weights of `block` (`.ema` or `.model`).
    public func run(_ samples: [Dataset.Sample], block: StateBlocks.Block = .ema,
                    progress: ((Int) -> Void)? = nil) throws -> Output {
        let start = DispatchTime.now().uptimeNanoseconds
        let m = program.manifest
        let items = samples.map { BatchItem(sample: $0, seed: 0) }
        let stream = loader.start(BatchLoader.batches(of: items, batchSize: m.batch))
        defer { stream.cancel() }
        var output = Output(logits: [], probabilities: [], labels: [], seconds: 0)
        while let batch = try stream.next() {
            let (logits, probabilities) = try program.evaluate(batch.images, state: state, arena: arena, block: block)
            for i in 0..<batch.valid {
                output.logits.append(Array(logits[i * m.classes ..< (i + 1) * m.classes]))
                output.probabilities.append(probabilities[i * m.classes ..< (i + 1) * m.classes].map(Double.init))
                output.labels.append(Int(batch.labels[i]))
            }
            progress?(output.labels.count)
        }
        output.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return output
    }
}
