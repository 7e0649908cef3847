import Foundation

/// Where the training seconds of an epoch (or of a phase) went: in the compiled programs, waiting
/// for the loader, or on the host.
///
/// `seconds` is wall time of training only (validation is timed apart), from the start of the
/// epoch's loop to its last optimizer step; it splits exactly into
/// `stepSeconds + updateSeconds` (compute: the phase's step program per micro-batch, its update
/// program per optimizer step), `dataWaitSeconds` (inside the loader's `next()`, i.e. a batch
/// that was not ready) and `hostSeconds`, the rest (the progress bar and live files, the loss
/// check, the ranks' sums under MPI, the copies around the programs).
public struct TrainingSpeed: Codable, Equatable, Sendable {
    public var seconds = 0.0
    public var stepSeconds = 0.0
    public var updateSeconds = 0.0
    public var dataWaitSeconds = 0.0
    /// CPU seconds the loader threads used (decoding, augmentation) while this training ran: on
    /// cores that the compute threads fill, the time they took from the compute.
    public var loaderCPUSeconds = 0.0
    /// Real images trained on (padding not counted).
    public var images = 0
    public var microBatches = 0
    public var optimizerSteps = 0

    public init() {}

    enum CodingKeys: String, CodingKey {
        case seconds, images
        case stepSeconds = "step_seconds", updateSeconds = "update_seconds", dataWaitSeconds = "data_wait_seconds"
        case loaderCPUSeconds = "loader_cpu_seconds"
        case microBatches = "micro_batches", optimizerSteps = "optimizer_steps"
    }

    /// Seconds in the compiled programs: step plus update.
    public var computeSeconds: Double { stepSeconds + updateSeconds }
    /// Everything that is neither compute nor waiting for data (never negative).
    public var hostSeconds: Double { max(0, seconds - computeSeconds - dataWaitSeconds) }
    /// Images per second of training wall time; nil before any time passed.
    public var imagesPerSecond: Double? { seconds > 0 ? Double(images) / seconds : nil }
    /// Wall seconds per optimizer step (its micro-batches, the update and the host work around them).
    public var secondsPerOptimizerStep: Double? { optimizerSteps > 0 ? seconds / Double(optimizerSteps) : nil }
    /// `part` as a fraction of `seconds` (0 before any time passed).
    public func share(_ part: Double) -> Double { seconds > 0 ? part / seconds : 0 }

    /// The sum of two spans of training (an epoch added to its phase's total).
    public static func + (a: TrainingSpeed, b: TrainingSpeed) -> TrainingSpeed {
        var s = a
        s.seconds += b.seconds; s.stepSeconds += b.stepSeconds; s.updateSeconds += b.updateSeconds
        s.dataWaitSeconds += b.dataWaitSeconds; s.loaderCPUSeconds += b.loaderCPUSeconds; s.images += b.images; s.microBatches += b.microBatches
        s.optimizerSteps += b.optimizerSteps
        return s
    }

    /// "9.8 img/s, 1.63 s per optimizer step, compute 94%, data wait 1%, host 5%".
    public var summary: String {
        var parts = [imagesPerSecond.map { String(format: "%.3g img/s", $0) } ?? "n/a img/s"]
        if let s = secondsPerOptimizerStep { parts.append(String(format: "%.3g s per optimizer step", s)) }
        parts.append(String(format: "compute %.0f%%", 100 * share(computeSeconds)))
        parts.append(String(format: "data wait %.0f%%", 100 * share(dataWaitSeconds)))
        parts.append(String(format: "host %.0f%%", 100 * share(hostSeconds)))
        parts.append(String(format: "loaders %.0f%% of a core", 100 * share(loaderCPUSeconds)))
        return parts.joined(separator: ", ")
    }
}

/// A monotonic clock in seconds (`DispatchTime`, not the wall clock).
@inline(__always) func monotonicSeconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

extension Trainer {
    /// The end-of-run summary, one line per phase trained by this process:
    /// `phase 4 (2 epochs): 9.8 img/s, 1.63 s per optimizer step, compute 94%, data wait 1%, host 5%; validation 64.1 img/s, 11.2 s per epoch`.
    public var speedLines: [String] {
        phaseSpeed.keys.sorted().map { phase in
            let s = phaseSpeed[phase]!
            var line = "phase \(phase)"
            if let v = phaseValidation[phase], v.epochs > 0 {
                line += " (\(v.epochs) epoch\(v.epochs == 1 ? "" : "s")): \(s.summary)"
                line += String(format: "; validation %.3g img/s, %.1f s per epoch", v.seconds > 0 ? Double(v.images) / v.seconds : 0,
                               v.seconds / Double(v.epochs))
            } else {
                line += ": \(s.summary)"
            }
            return line
        }
    }
}
