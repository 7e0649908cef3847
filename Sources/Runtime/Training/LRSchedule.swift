import Foundation

/// The learning rate of every optimizer step: linear warmup, cosine decay with warm restarts,
/// times the multiplier of the progressive-unfreezing phase.
///
/// Steps are **optimizer steps** (after gradient accumulation; the last, partial accumulation
/// group of an epoch is a step), counted from 0 over the whole run. Epochs are 1-based as in
/// the original. With `S = stepsPerEpoch`, `W = warmupEpochs·S` and the cycle boundaries
/// `b₀ = W < b₁ = r₁·S < … < b_k = r_k·S < b_{k+1} = epochs·S` (the restart epochs `r_i` strictly
/// between `warmupEpochs` and `epochs`; others are ignored):
///
///     epoch(s) = s / S + 1                                   (integer division)
///     g(s)     = base · (s + 1) / W                           for s < W  (first step base/W, step W-1 = base)
///     g(s)     = etaMin + (base − etaMin) · (1 + cos(π·t/T)) / 2
///                with b_i ≤ s < b_{i+1},  t = s − b_i,  T = b_{i+1} − b_i
///     lr(s)    = M[phase(epoch(s)) − 1] · g(s)
///     phase(e) = 1 + #{ p in phaseEnds : p < e }              (phase ends are the last epoch of phases 1, 2, 3)
///
/// A restart at epoch `r` means: the cycle ends with epoch `r`, and epoch `r+1` starts again at
/// `base` (the same "after epoch N" convention as the phase ends and the warmup). Each cycle
/// starts at exactly `base` (t = 0) and its last step is just above `etaMin`; the step after
/// the warmup is `base`, equal to the last warmup step, so there is no jump there. The phase
/// multiplier is applied to the whole value (including `etaMin`), so LR drops by the
/// multiplier's ratio at a phase boundary. Steps past the end are clamped to the last step.
///
/// With the ULTRA recipe (base 3e-4, 80 epochs, warmup 8, restarts 25/50/70, phases 8/20/40,
/// multipliers 1/0.5/0.3/0.1) the warmup covers all of phase 1, then phase 2 runs the first
/// cosine cycle at half the base, and so on.
public struct LRSchedule: Sendable, Equatable, Codable {
    public let base: Double
    public let epochs: Int
    public let stepsPerEpoch: Int
    public let warmupEpochs: Int
    /// The restart epochs actually used (strictly between `warmupEpochs` and `epochs`, sorted, unique).
    public let restartEpochs: [Int]
    public let phaseEnds: [Int]
    public let multipliers: [Double]
    public let etaMin: Double

    public init(base: Double, epochs: Int, stepsPerEpoch: Int, warmupEpochs: Int = 0,
                restartEpochs: [Int] = [], phaseEnds: [Int] = [8, 20, 40],
                multipliers: [Double] = [1, 0.5, 0.3, 0.1], etaMin: Double = 0) {
        precondition(epochs >= 1 && stepsPerEpoch >= 1, "LRSchedule needs epochs >= 1 and stepsPerEpoch >= 1")
        precondition(warmupEpochs >= 0, "warmup_epochs must be >= 0")
        precondition(multipliers.count == phaseEnds.count + 1, "one multiplier per phase (phase ends + 1)")
        precondition(zip(phaseEnds, phaseEnds.dropFirst()).allSatisfy { $0 < $1 }, "phase ends must increase")
        self.base = base
        self.epochs = epochs
        self.stepsPerEpoch = stepsPerEpoch
        self.warmupEpochs = min(warmupEpochs, epochs)
        self.restartEpochs = Array(Set(restartEpochs.filter { $0 > warmupEpochs && $0 < epochs })).sorted()
        self.phaseEnds = phaseEnds
        self.multipliers = multipliers
        self.etaMin = etaMin
    }

    /// Optimizer steps of an epoch of `batches` physical batches with gradient accumulation
    /// over `accumulation` batches: ⌈batches / accumulation⌉ (the partial group counts).
    public static func optimizerSteps(batches: Int, accumulation: Int) -> Int {
        precondition(accumulation >= 1)
        return (batches + accumulation - 1) / accumulation
    }

    public var totalSteps: Int { epochs * stepsPerEpoch }
    public var warmupSteps: Int { warmupEpochs * stepsPerEpoch }

    /// The 1-based epoch an optimizer step (0-based) belongs to.
    public func epoch(step: Int) -> Int { min(max(step, 0), totalSteps - 1) / stepsPerEpoch + 1 }

    /// The 1-based phase of a 1-based epoch: 1 + the number of phase ends before it.
    public func phase(epoch: Int) -> Int { 1 + phaseEnds.filter { $0 < epoch }.count }

    /// The phase multiplier of a 1-based epoch.
    public func multiplier(epoch: Int) -> Double { multipliers[phase(epoch: epoch) - 1] }

    /// The start steps of the cosine cycles, then the end of training.
    public var cycleBoundaries: [Int] {
        [warmupSteps] + restartEpochs.map { $0 * stepsPerEpoch } + [totalSteps]
    }

    /// The warmup/cosine value before the phase multiplier.
    public func unscaled(step: Int) -> Double {
        let s = min(max(step, 0), totalSteps - 1)
        if s < warmupSteps { return base * Double(s + 1) / Double(warmupSteps) }
        let bounds = cycleBoundaries
        var i = 0
        while i + 2 < bounds.count && s >= bounds[i + 1] { i += 1 }
        let t = Double(s - bounds[i]), period = Double(bounds[i + 1] - bounds[i])
        return etaMin + (base - etaMin) * (1 + cos(Double.pi * t / period)) / 2
    }

    /// The learning rate of optimizer step `step` (0-based over the run).
    public func lr(step: Int) -> Double {
        multiplier(epoch: epoch(step: step)) * unscaled(step: step)
    }

    /// The learning rate of step `stepInEpoch` (0-based) of the 1-based `epoch`.
    public func lr(epoch: Int, stepInEpoch: Int) -> Double {
        lr(step: (epoch - 1) * stepsPerEpoch + stepInEpoch)
    }
}
