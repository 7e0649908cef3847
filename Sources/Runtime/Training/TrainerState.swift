import Foundation
import Evaluation
import Runtime
import Formats

/// Everything besides the tensors that a run needs to continue exactly: `trainer_state.json`
/// of a checkpoint.
///
/// **RNG state.** Every random draw of a run is a pure function of `seed` and counters kept
/// here: the sampler's indices of epoch e are `OversamplingSampler.epoch(seed:epoch:)`, the
/// augmentation of position i of epoch e uses `BatchLoader.itemSeed(runSeed:epoch:position:)`,
/// the dropout / stochastic-depth seed of a micro-batch is `Trainer.dropoutSeed(run:batch:)` of
/// its index over the run, and the split is seeded by `seed`. So (`seed`, `epoch`,
/// `batchInEpoch`) is the whole RNG state, and a resumed run draws exactly what an
/// uninterrupted one draws.
public struct TrainerState: Codable, Equatable, Sendable {
    public static let currentFormat = 1
    public var format = TrainerState.currentFormat
    /// Completed epochs.
    public var epoch = 0
    /// Micro-batches already done of epoch `epoch + 1` (an interrupted epoch; 0 at an epoch
    /// boundary). Interruption happens after an optimizer step, so gradients are zero.
    public var batchInEpoch = 0
    /// Optimizer steps taken over the run (the LR schedule's step counter).
    public var optimizerSteps = 0
    /// AdamW step count of each parameter group (the phase that first trains it).
    public var adamSteps = [Int](repeating: 0, count: OptimizerInputs.groups)
    /// Training-mode forward passes in each phase: a BatchNorm's `num_batches_tracked` is the sum
    /// over the phases that train it.
    public var forwardsPerPhase = [0, 0, 0, 0]
    public var seed: UInt64
    /// The run these checkpoints belong to (nil in checkpoints written before run ids).
    public var runID: String?
    /// Malignant decision threshold tuned on the last validation.
    public var threshold = 0.5
    /// Softmax temperature (1 until calibrated).
    public var temperature = 1.0
    /// How `temperature` was fitted on the validation split (nil: not fitted).
    public var temperatureFit: TemperatureFit?
    public var best = Best()
    public var earlyStopping = EarlyStoppingState()
    /// Sums of the interrupted epoch so far (zero at an epoch boundary).
    public var partial = EpochSums()
    public var schedule: LRSchedule
    /// The configuration of the run, canonical JSON, and its hash.
    public var config: String
    public var configHash: String
    /// Samples per split after removing unreadable images (a resumed run must see the same data).
    public var splitSizes: [String: Int] = [:]

    /// The best validation result by `metrics.primary_metric`.
    public struct Best: Codable, Equatable, Sendable {
        public var metric = ""
        public var value: Double?
        public var epoch: Int?
        /// Checkpoint name holding these weights.
        public var checkpoint: String?
        public init() {}
    }

    /// Early stopping on the primary metric: an epoch improves when its value exceeds `best +
    /// min_delta`; training stops after `patience` epochs without improvement.
    public struct EarlyStoppingState: Codable, Equatable, Sendable {
        public var best: Double?
        public var wait = 0
        public var stopped = false
        public init() {}

        /// Records an epoch's value; returns whether it counted as an improvement.
        public mutating func record(_ value: Double?, minDelta: Double, patience: Int) -> Bool {
            if let value, best.map({ value > $0 + minDelta }) ?? true {
                best = value; wait = 0
                return true
            }
            wait += 1
            if wait >= patience { stopped = true }
            return false
        }
    }

    /// Running sums of an epoch's training.
    public struct EpochSums: Codable, Equatable, Sendable {
        public var loss = 0.0
        public var batches = 0
        public var images = 0
        public var seconds = 0.0
        /// Where the seconds went (compute, data wait, host); absent in checkpoints written before it.
        public var speed = TrainingSpeed()
        public init() {}

        enum CodingKeys: String, CodingKey { case loss, batches, images, seconds, speed }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            loss = try c.decode(Double.self, forKey: .loss); batches = try c.decode(Int.self, forKey: .batches)
            images = try c.decode(Int.self, forKey: .images); seconds = try c.decode(Double.self, forKey: .seconds)
            speed = try c.decodeIfPresent(TrainingSpeed.self, forKey: .speed) ?? TrainingSpeed()
        }
    }

    public init(seed: UInt64, schedule: LRSchedule, config: String, configHash: String) {
        self.seed = seed; self.schedule = schedule; self.config = config; self.configHash = configHash
    }

    /// The JSON of `trainer_state.json` (sorted keys, readable).
    public func encoded() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try e.encode(self)
    }

    /// Reads `trainer_state.json`; `path` names it in errors.
    public static func decode(_ data: Data, path: String) throws -> TrainerState {
        struct Probe: Decodable { var format: Int? }
        guard let format = try? JSONDecoder().decode(Probe.self, from: data).format else {
            throw RuntimeError.io(path: path, problem: "not a BreastAI trainer state (no \"format\")")
        }
        guard format == currentFormat else {
            throw RuntimeError.io(path: path, problem: "trainer state format \(format), this runtime reads format \(currentFormat)")
        }
        do { return try JSONDecoder().decode(TrainerState.self, from: data) } catch {
            throw RuntimeError.io(path: path, problem: "invalid trainer state: \(DecodingFailure.describe(error))")
        }
    }
}
