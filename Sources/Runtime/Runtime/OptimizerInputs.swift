import Foundation
import Graph

/// The two optimizer inputs of a compiled update entry, built in one place: `optimizer.hyper`
/// (`Hyper.count` floats, slots named by `Hyper`) and `optimizer.bias_correction`
/// (`groups` rows of (1 - β1^t, 1 - β2^t), one row per parameter group).
public struct OptimizerInputs: Sendable, Equatable {
    /// Parameter groups: group g holds the parameters phase g+1 unfreezes (`AdamAttrs.group`).
    public static let groups = Phase.recipe.count
    /// Floats of `optimizer.bias_correction`.
    public static let biasCorrectionCount = 2 * groups

    public var hyper: [Float]
    public var biasCorrection: [Float]

    /// `gradScale` is 1 / micro-batches; `maxGradNorm` 0 disables clipping; `emaDecay` 0 skips EMA.
    /// `adamSteps[g]` is group g's Adam step count; a group that never stepped gets (1, 1).
    public init(learningRate: Float, weightDecay: Float, gradScale: Float = 1, maxGradNorm: Float = 0,
                emaDecay: Float = 0, adamSteps: [Int]) {
        precondition(adamSteps.count == Self.groups, "\(adamSteps.count) step counts for \(Self.groups) groups")
        hyper = [Float](repeating: 0, count: Hyper.count)
        hyper[Hyper.learningRate.rawValue] = learningRate
        hyper[Hyper.weightDecay.rawValue] = weightDecay
        hyper[Hyper.gradScale.rawValue] = gradScale
        hyper[Hyper.maxGradNorm.rawValue] = maxGradNorm
        hyper[Hyper.emaDecay.rawValue] = emaDecay
        biasCorrection = adamSteps.flatMap { Self.biasCorrection(step: $0) }
    }

    /// (1 - β1^t, 1 - β2^t) for Adam step `t` (1-based) with `AdamAttrs.defaultBetas`; (1, 1) for t = 0.
    public static func biasCorrection(step t: Int) -> [Float] {
        guard t > 0 else { return [1, 1] }
        let b = AdamAttrs.defaultBetas
        return [Float(1 - pow(b.beta1, Double(t))), Float(1 - pow(b.beta2, Double(t)))]
    }
}
