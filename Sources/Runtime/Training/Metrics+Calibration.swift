import Foundation

extension Metrics {
    public enum Binning: String, Sendable, Codable {
        /// `bins` equal-width bins on [0, 1]: bin i holds i/bins < confidence ≤ (i+1)/bins
        /// (a confidence of exactly 0 goes to the first bin).
        case uniform
        /// `bins` equal-count bins: the samples sorted by confidence (stable), bin b holds the
        /// sorted positions ⌊b·N/bins⌋ ..< ⌊(b+1)·N/bins⌋; empty bins (N < bins) are skipped.
        /// Unlike the original's percentile edges, every sample is in exactly one bin.
        case adaptive
    }

    /// Expected calibration error on the top-class confidence:
    /// ECE = Σ_b (n_b / N) · |mean(confidence_b) − accuracy_b|, with confidence = max probability
    /// and a sample correct when its argmax is the truth. nil without samples.
    public static func expectedCalibrationError(probabilities: [[Double]], truth: [Int], bins: Int = 15,
                                                binning: Binning) -> Double? {
        precondition(probabilities.count == truth.count && bins >= 1)
        let n = truth.count
        guard n > 0 else { return nil }
        let confidence = probabilities.map { $0.max() ?? 0 }
        let correct = zip(probabilities, truth).map { argmax($0) == $1 ? 1.0 : 0.0 }
        var members = Array(repeating: [Int](), count: bins)
        switch binning {
        case .uniform:
            for i in 0..<n { members[uniformBin(confidence[i], bins: bins)].append(i) }
        case .adaptive:
            let order = (0..<n).sorted { confidence[$0] < confidence[$1] || (confidence[$0] == confidence[$1] && $0 < $1) }
            for b in 0..<bins { members[b] = Array(order[(b * n / bins) ..< ((b + 1) * n / bins)]) }
        }
        var ece = 0.0
        for m in members where !m.isEmpty {
            let conf = m.map { confidence[$0] }.reduce(0, +) / Double(m.count)
            let acc = m.map { correct[$0] }.reduce(0, +) / Double(m.count)
            ece += Double(m.count) / Double(n) * abs(conf - acc)
        }
        return ece
    }

    /// The equal-width bin of a confidence: b with b/bins < confidence ≤ (b+1)/bins (0 goes to bin 0).
    public static func uniformBin(_ confidence: Double, bins: Int) -> Int {
        var b = 0
        while b < bins - 1 && confidence > Double(b + 1) / Double(bins) { b += 1 }
        return b
    }

    /// Multi-class Brier score: mean over samples of Σ_c (p_c − y_c)², y one-hot (range 0...2).
    /// nil without samples.
    public static func brierScore(probabilities: [[Double]], truth: [Int]) -> Double? {
        precondition(probabilities.count == truth.count)
        guard !truth.isEmpty else { return nil }
        var total = 0.0
        for (row, t) in zip(probabilities, truth) {
            for c in row.indices { let d = row[c] - (c == t ? 1 : 0); total += d * d }
        }
        return total / Double(truth.count)
    }
}

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
public struct ClassificationReport: Sendable, Equatable, Codable {
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
