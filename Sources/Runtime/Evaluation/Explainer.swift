import Foundation
import Graph
import Data
import Formats
import Runtime

/// Runs the compiled explain program (`ExplainProgram`, in an explain artifact) over samples in
/// batches of the compiled size, like `Evaluator`: the same cached preprocessing, no augmentation,
/// the last batch padded (its padding dropped). One class is explained per sample.
public final class Explainer {
    public let program: CompiledProgram
    public let state: StateBlocks
    private let arena: Arena
    public let cache: ImageCache
    private let workers: Int
    private let entry: Manifest.EvalEntry
    /// Side of the feature map the heatmap is computed at (`ExplainProgram.mapSide`).
    public let mapSide: Int

    /// What the explain program says about one sample.
    public struct Explanation: Sendable {
        public var sample: Dataset.Sample
        /// The class whose logit was differentiated.
        public var explainedClass: Int
        public var logits: [Float]
        /// Softmax of the logits (temperature 1, the original view).
        public var probabilities: [Float]
        /// ReLU(Σ_k w_k A_k) at the feature resolution (`mapHeight`×`mapWidth`, row-major), not normalised.
        public var map: [Float]
        public var mapHeight: Int
        public var mapWidth: Int
        /// The map upsampled bilinearly to the input and normalised to [0, 1] (`imageSize`², row-major).
        public var heatmap: [Float]
        /// The preprocessed image the network saw, RGB in [0, 1] (before ImageNet normalisation).
        public var image: FloatImage
    }

    /// `program` must be an explain artifact (`compileExplainArtifact`); `state` holds its layout.
    public init(program: CompiledProgram, state: StateBlocks, cache: ImageCache, workers: Int) throws {
        guard let entry = program.manifest.explain else {
            throw RuntimeError.artifact(path: program.directory.appendingPathComponent("manifest.json").path,
                                        problem: "has no explain entry; it is not an explain artifact (compileExplainArtifact)")
        }
        guard let variant = ModelVariant(rawValue: program.manifest.model) else {
            throw RuntimeError.artifact(path: program.directory.appendingPathComponent("manifest.json").path,
                                        problem: "unknown model '\(program.manifest.model)'")
        }
        mapSide = ExplainProgram.mapSide(variant.backbone, imageSize: program.manifest.imageSize)
        self.program = program; self.state = state; self.cache = cache; self.workers = workers; self.entry = entry
        arena = try Arena(bytes: entry.arenaBytes)
    }

    /// Explains `classes[i]` for `samples[i]` with the weights of `block`, calling `body` per
    /// sample in order (so only one batch of explanations is held at a time).
    public func run(_ samples: [Dataset.Sample], classes: [Int], block: StateBlocks.Block = .ema,
                    body: (Explanation) throws -> Void) throws {
        precondition(samples.count == classes.count, "one class per sample")
        let m = program.manifest
        guard classes.allSatisfy({ (0..<m.classes).contains($0) }) else {
            throw RuntimeError.tensor(name: "explain.selector", problem: "class index outside 0..<\(m.classes)")
        }
        let featureSide = mapSide
        let items = samples.map { BatchItem(sample: $0, seed: 0) }
        var offset = 0   // batches arrive in order
        let loader = BatchLoader(cache: cache, imageSize: m.imageSize, batchSize: m.batch, augmentation: nil, view: nil, workers: workers)
        let stream = loader.start(BatchLoader.batches(of: items, batchSize: m.batch))
        defer { stream.cancel() }
        let pixels = m.imageSize * m.imageSize
        while let batch = try stream.next() {
            // The padding rows of the last batch explain class 0; their results are dropped.
            let batchClasses = (0..<m.batch).map { i in i < batch.valid ? classes[offset + i] : 0 }
            let (logits, probabilities, maps) = try program.explain(batch.images, classes: batchClasses,
                                                                   mapCells: featureSide * featureSide, state: state, arena: arena, block: block)
            let cells = featureSide * featureSide
            for i in 0..<batch.valid {
                let map = Array(maps[i * cells ..< (i + 1) * cells])
                let image = Self.denormalize(Array(batch.images[i * pixels * 3 ..< (i + 1) * pixels * 3]), size: m.imageSize)
                try body(Explanation(sample: batch.items[i].sample, explainedClass: classes[offset + i],
                                     logits: Array(logits[i * m.classes ..< (i + 1) * m.classes]),
                                     probabilities: Array(probabilities[i * m.classes ..< (i + 1) * m.classes]),
                                     map: map, mapHeight: featureSide, mapWidth: featureSide,
                                     heatmap: GradCAM.heatmap(map, height: featureSide, width: featureSide, imageSize: m.imageSize),
                                     image: image))
            }
            offset += batch.valid
        }
    }

    /// The [0, 1] RGB image behind ImageNet-normalised NHWC values.
    static func denormalize(_ values: [Float], size: Int) -> FloatImage {
        var out = values
        for i in out.indices {
            let c = i % 3
            out[i] = min(max(values[i] * Preprocess.imageNetStd[c] + Preprocess.imageNetMean[c], 0), 1)
        }
        return FloatImage(width: size, height: size, values: out)
    }
}
