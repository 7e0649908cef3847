import Foundation

/// Every metric of one evaluation, for the epoch log, the checkpoint choice and the table at the
/// end of training. Binary metrics are the positive (malignant) class against the rest.
/// Undefined values are nil.
///
/// The class predictions are those of the decision rule (`Metrics.decide`: positive when
/// P(positive) ≥ `threshold`, otherwise the most probable other class): the confusion matrix,
/// accuracy, balanced accuracy, F1 and `atThreshold` all count them, as `EvaluationReport` does,
/// so a checkpoint has one set of figures. `atArgmax` is the same set for the plain argmax, a
/// labelled secondary view. ECE and the reliability bins judge the top-class confidence (is the
/// argmax right), the usual definition, independent of the threshold.
public struct ClassificationMetrics: Sendable, Equatable, Codable {
    public var samples: Int
    /// Index of the positive (malignant) class.
    public var positive: Int
    /// `counts[truth][predicted]`, predictions at `threshold`.
    public var confusionMatrix: [[Int]]
    public var accuracy: Double?
    public var balancedAccuracy: Double?
    public var f1PerClass: [Double]
    public var f1Macro: Double?
    public var f1Weighted: Double?
    /// The decision threshold on P(positive).
    public var threshold: Double
    /// Positive vs rest with P(positive) ≥ threshold.
    public var atThreshold: Metrics.Binary
    /// Secondary: every class-prediction figure at the plain argmax.
    public var atArgmax: Metrics.DecisionMetrics
    public var aucROC: Double?
    public var aucPerClass: [Double?]
    public var aucMacro: Double?
    public var aucPR: Double?
    public var eceAdaptive: Double?
    public var eceUniform: Double?
    public var brier: Double?

    /// `probabilities[i]` has `classCount` entries; class predictions at `threshold`.
    public init(probabilities: [[Double]], truth: [Int], classCount: Int, positive: Int, threshold: Double = 0.5) {
        precondition(probabilities.allSatisfy { $0.count == classCount }, "every row needs classCount probabilities")
        let decision = Metrics.DecisionMetrics.atThreshold(probabilities, truth: truth, classCount: classCount,
                                                           positive: positive, threshold: threshold)
        let scores = probabilities.map { $0[positive] }, isPositive = truth.map { $0 == positive }
        samples = truth.count
        self.positive = positive
        confusionMatrix = decision.confusionMatrix
        accuracy = decision.accuracy
        balancedAccuracy = decision.balancedAccuracy
        f1PerClass = decision.f1PerClass
        f1Macro = decision.f1Macro
        f1Weighted = decision.f1Weighted
        self.threshold = threshold
        atThreshold = decision.binary
        atArgmax = Metrics.DecisionMetrics.atArgmax(probabilities, truth: truth, classCount: classCount, positive: positive)
        aucROC = Metrics.aucROC(scores: scores, isPositive: isPositive)
        aucPerClass = Metrics.aucPerClass(probabilities: probabilities, truth: truth, classCount: classCount)
        aucMacro = Metrics.aucMacro(probabilities: probabilities, truth: truth, classCount: classCount)
        aucPR = Metrics.averagePrecision(scores: scores, isPositive: isPositive)
        eceAdaptive = Metrics.expectedCalibrationError(probabilities: probabilities, truth: truth, binning: .adaptive)
        eceUniform = Metrics.expectedCalibrationError(probabilities: probabilities, truth: truth, binning: .uniform)
        brier = Metrics.brierScore(probabilities: probabilities, truth: truth)
    }
}
