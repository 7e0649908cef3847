import Foundation
import Graph
import Data
import Formats
import Runtime

/// Runs the compiled eval program over a list of samples: deterministic preprocessing (the
/// cached images, never augmented), batches of the compiled size (the last one padded, its
/// padding dropped), with the weights of the `model` or the `ema` block, once per view (the
/// original image, or TTA transforms applied before normalisation).
public final class Evaluator {
    public let program: CompiledProgram
    public let state: StateBlocks
    private let arena: Arena
    /// The preprocessed images (the same cache as training).
    public let cache: ImageCache
    private let workers: Int
    /// Image evaluations run so far (an image under two views counts twice; padding not counted).
    public private(set) var imagesEvaluated = 0

    /// A transform of the preprocessed image in [0, 1] before normalisation; nil is the image itself.
    public typealias View = (@Sendable (FloatImage) -> FloatImage)?

    /// What one pass produced, in sample order.
    public struct Output: Sendable {
        /// Logits of each view (`viewLogits[v][i]`); view 0 is the first view asked for.
        public var viewLogits: [[[Float]]]
        public var labels: [Int]
        public var seconds: Double

        /// Logits of the first view.
        public var logits: [[Float]] { viewLogits.first ?? [] }

        /// Softmax probabilities at `temperature`, averaged over the views (TTA averages
        /// probabilities, not logits): the deployed prediction, the one the temperature is fitted on.
        public func probabilities(temperature: Double = 1) -> [[Double]] {
            TemperatureScaling.probabilities(viewLogits: viewLogits, temperature: temperature)
        }

        public var probabilities: [[Double]] { probabilities(temperature: 1) }

        /// Mean negative log-likelihood of the true class under `probabilities(temperature:)`.
        public func nll(temperature: Double = 1) -> Double? {
            TemperatureScaling.nll(probabilities: probabilities(temperature: temperature), labels: labels)
        }
    }

    /// The views of TTA transform names (`inference.tta_transforms`); "original" is the image itself.
    public static func views(_ names: [String]) throws -> [View] {
        try TTAView.views(names).map { view -> View in
            if view == .original { return nil }
            return { @Sendable image in view.apply(image) }
        }
    }

    /// Softmax of `logits / temperature` in Double.
    public static func softmax(_ logits: [Float], temperature: Double = 1) -> [Double] {
        TemperatureScaling.softmax(logits.map(Double.init), temperature: temperature)
    }

    /// `arena` may be shared with the training entries (it must hold the eval entry's bytes).
    public init(program: CompiledProgram, state: StateBlocks, arena: Arena, cache: ImageCache, workers: Int) throws {
        guard arena.bytes >= program.manifest.eval.arenaBytes else {
            throw RuntimeError.artifact(path: program.libraryPath, problem: "eval needs an arena of \(program.manifest.eval.arenaBytes) bytes")
        }
        self.program = program; self.state = state; self.arena = arena; self.cache = cache; self.workers = workers
    }

    /// Logits of every sample under each of `views` with the weights of `block` (`.ema` or `.model`).
    public func run(_ samples: [Dataset.Sample], block: StateBlocks.Block = .ema, views: [View] = [nil],
                    progress: ((Int, Int) -> Void)? = nil) throws -> Output {
        precondition(!views.isEmpty, "at least one view")
        let start = DispatchTime.now().uptimeNanoseconds
        let m = program.manifest
        let items = samples.map { BatchItem(sample: $0, seed: 0) }
        var output = Output(viewLogits: [], labels: samples.map(\.label), seconds: 0)
        for (v, view) in views.enumerated() {
            let loader = BatchLoader(cache: cache, imageSize: m.imageSize, batchSize: m.batch, augmentation: nil,
                                     view: view, workers: workers)
            let stream = loader.start(BatchLoader.batches(of: items, batchSize: m.batch))
            defer { stream.cancel() }
            var logits: [[Float]] = []
            while let batch = try stream.next() {
                let out = try program.evaluate(batch.images, state: state, arena: arena, block: block).logits
                for i in 0..<batch.valid { logits.append(Array(out[i * m.classes ..< (i + 1) * m.classes])) }
                imagesEvaluated += batch.valid
                progress?(v * samples.count + logits.count, views.count * samples.count)
            }
            output.viewLogits.append(logits)
        }
        output.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return output
    }
}
