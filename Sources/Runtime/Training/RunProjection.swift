import Foundation
import Formats

/// The wall time of a whole run of a configuration, projected from measured program times before
/// the run starts ("it will take 13.2 days").
///
/// Per epoch e of phase p (the configuration's phase plan):
///
///     micro-batches  B = ceil(train / batch)
///     optimizer steps U = ceil(B / accumulation)            (a partial last group is stepped)
///     training       T_p = B · microBatch_p + U · update_p, times (1 + overhead)
///     validation     V   = ceil(val / batch) · views · evalBatch   (views: TTA transforms, or 1)
///
/// and once at the end: calibration on validation (V again, when temperature scaling is on) and
/// the test split, ceil(test / batch) · views · evalBatch. All epochs are counted (early stopping
/// can only shorten the run); checkpoint writes and the start (data pass, compile) are not.
/// `overhead` is the measured fraction `train` adds over the programs' time (data wait, host
/// work; 0 for the programs alone).
public struct RunProjection: Sendable {
    /// Images per split.
    public struct Split: Equatable, Sendable {
        public var train: Int, val: Int, test: Int
        public init(train: Int, val: Int, test: Int) { self.train = train; self.val = val; self.test = test }

        /// `images` split by the configured fractions: val and test rounded to the nearest image, train the rest.
        public init(images: Int, valFraction: Double, testFraction: Double) {
            val = Int((Double(images) * valFraction).rounded())
            test = Int((Double(images) * testFraction).rounded())
            train = max(0, images - val - test)
        }
    }

    /// Measured seconds of one call of each program of a phase.
    public struct PhaseTimes: Equatable, Sendable {
        /// The step program: one micro-batch's forward, loss and backward.
        public var microBatch: Double
        /// The update program: one optimizer step (clipping, AdamW, EMA).
        public var update: Double
        public init(microBatch: Double, update: Double) { self.microBatch = microBatch; self.update = update }
    }

    /// One phase of the projected run.
    public struct PhaseRow: Equatable, Sendable {
        public var phase: Int
        public var epochs: Int
        public var microBatchesPerEpoch: Int
        public var optimizerStepsPerEpoch: Int
        /// Training seconds of one epoch, and validation seconds of one epoch.
        public var trainSecondsPerEpoch: Double
        public var validationSecondsPerEpoch: Double
        /// Training images per second of this phase.
        public var imagesPerSecond: Double
        public var totalSeconds: Double { Double(epochs) * (trainSecondsPerEpoch + validationSecondsPerEpoch) }
    }

    public var rows: [PhaseRow]
    /// Calibration and test at the end.
    public var finalSeconds: Double
    public var totalSeconds: Double { rows.reduce(finalSeconds) { $0 + $1.totalSeconds } }
    /// The share of the total spent in validation (every epoch's, calibration and test).
    public var validationShare: Double {
        let v = rows.reduce(finalSeconds) { $0 + Double($1.epochs) * $1.validationSecondsPerEpoch }
        return totalSeconds > 0 ? v / totalSeconds : 0
    }

    /// The projection of `epochs` epochs, `phaseOfEpoch` giving each epoch's phase (1-4).
    /// `times[p]` must exist for every phase an epoch falls in.
    public init(split: Split, batch: Int, accumulation: Int, epochs: Int, phaseOfEpoch: (Int) -> Int,
                times: [Int: PhaseTimes], evalBatch: Double, views: Int, calibration: Bool, overhead: Double = 0) throws {
        guard batch > 0, accumulation > 0, views > 0, epochs > 0 else {
            throw RuntimeError.config(source: "projection", problem: "batch, accumulation, views and epochs must be positive")
        }
        let microBatches = (split.train + batch - 1) / batch
        let steps = (microBatches + accumulation - 1) / accumulation
        let validation = Double((split.val + batch - 1) / batch * views) * evalBatch
        var epochsPerPhase: [Int: Int] = [:]
        for e in 1...epochs { epochsPerPhase[phaseOfEpoch(e), default: 0] += 1 }
        rows = try epochsPerPhase.keys.sorted().map { p in
            guard let t = times[p] else {
                throw RuntimeError.config(source: "projection", problem: "no measured times for phase \(p)")
            }
            let train = (Double(microBatches) * t.microBatch + Double(steps) * t.update) * (1 + overhead)
            return PhaseRow(phase: p, epochs: epochsPerPhase[p]!, microBatchesPerEpoch: microBatches, optimizerStepsPerEpoch: steps,
                            trainSecondsPerEpoch: train, validationSecondsPerEpoch: validation,
                            imagesPerSecond: train > 0 ? Double(split.train) / train : 0)
        }
        finalSeconds = (calibration ? validation : 0) + Double((split.test + batch - 1) / batch * views) * evalBatch
    }

    /// "13.2 days", "5.4 h", "12 min", "40 s".
    public static func duration(_ seconds: Double) -> String {
        if seconds >= 2 * 86_400 { return String(format: "%.1f days", seconds / 86_400) }
        if seconds >= 2 * 3600 { return String(format: "%.1f h", seconds / 3600) }
        if seconds >= 120 { return String(format: "%.0f min", seconds / 60) }
        return String(format: "%.0f s", seconds)
    }

    /// A markdown table: one row per phase, then the end and the total.
    public func table(title: String) -> String {
        var lines = ["| \(title) | epochs | micro-batches / optimizer steps per epoch | train img/s | training per epoch | validation per epoch | phase total |",
                     "| --- | --- | --- | --- | --- | --- | --- |"]
        for r in rows {
            lines.append(String(format: "| phase %d | %d | %d / %d | %.2f | %@ | %@ | %@ |", r.phase, r.epochs, r.microBatchesPerEpoch,
                                r.optimizerStepsPerEpoch, r.imagesPerSecond, Self.duration(r.trainSecondsPerEpoch),
                                Self.duration(r.validationSecondsPerEpoch), Self.duration(r.totalSeconds)))
        }
        lines.append("| calibration + test | | | | | | \(Self.duration(finalSeconds)) |")
        lines.append(String(format: "| **total** | %d | | | | validation %.0f%% | **%@** |", rows.reduce(0) { $0 + $1.epochs },
                            100 * validationShare, Self.duration(totalSeconds)))
        return lines.joined(separator: "\n")
    }
}
