import Foundation

/// Classification metrics with a fixed class order (`0 ..< classCount`), the binary ones for
/// one positive class (malignant) against the rest.
///
/// Conventions (sklearn's where it has one):
/// - the confusion matrix is `counts[truth][predicted]`, every class present even when absent
///   from the data;
/// - precision, recall and F1 of a class with a zero denominator are 0 (`zero_division=0`);
///   F1 macro averages the classes present in the truth **or** the predictions (sklearn's
///   default label set), F1 weighted weights by support in the truth;
/// - balanced accuracy is the mean recall over classes present in the truth;
/// - a rate whose denominator is 0 (sensitivity without positives, ...) is `nil`, never 0;
/// - AUC-ROC is the Mann-Whitney U statistic with ties counted half, `nil` when one side is
///   empty; AUC-PR is sklearn's `average_precision_score`.
public enum Metrics {
    // MARK: Predictions

    /// The index of the largest value (the first one on ties, as numpy's argmax).
    public static func argmax(_ row: [Double]) -> Int {
        var best = 0
        for i in row.indices where row[i] > row[best] { best = i }
        return best
    }

    public static func argmaxPredictions(_ probabilities: [[Double]]) -> [Int] {
        probabilities.map(argmax)
    }

    /// The decision for one sample, the one rule of every table, report, model selection and
    /// prediction: `positive` when P(positive) ≥ threshold, otherwise the most probable of the
    /// other classes (the first on ties). The class label and the binary decision always agree:
    /// a sample is called positive exactly when its score reaches the threshold. (The original
    /// kept the plain argmax below the threshold, so a sample could be "malignant" by argmax
    /// while the binary rule said it was not.)
    public static func decide(_ row: [Double], positive: Int, threshold: Double) -> Int {
        if row[positive] >= threshold { return positive }
        var best = -1
        for i in row.indices where i != positive && (best < 0 || row[i] > row[best]) { best = i }
        return best < 0 ? positive : best
    }

    /// `decide` for every row.
    public static func thresholdPredictions(_ probabilities: [[Double]], positive: Int, threshold: Double) -> [Int] {
        probabilities.map { decide($0, positive: positive, threshold: threshold) }
    }

    // MARK: Confusion-matrix metrics

    /// `counts[t][p]`: samples of true class t predicted as p.
    public static func confusionMatrix(truth: [Int], predicted: [Int], classCount: Int) -> [[Int]] {
        precondition(truth.count == predicted.count, "truth and predictions differ in length")
        var m = Array(repeating: Array(repeating: 0, count: classCount), count: classCount)
        for (t, p) in zip(truth, predicted) {
            precondition((0..<classCount).contains(t) && (0..<classCount).contains(p), "class index out of range")
            m[t][p] += 1
        }
        return m
    }

    /// Fraction correct; nil for no samples.
    public static func accuracy(_ cm: [[Int]]) -> Double? {
        let total = cm.joined().reduce(0, +)
        guard total > 0 else { return nil }
        return Double(cm.indices.map { cm[$0][$0] }.reduce(0, +)) / Double(total)
    }

    /// Recall of each class; nil for a class absent from the truth.
    public static func recall(_ cm: [[Int]]) -> [Double?] {
        cm.indices.map { c in
            let support = cm[c].reduce(0, +)
            return support == 0 ? nil : Double(cm[c][c]) / Double(support)
        }
    }

    /// Precision of each class; nil for a class never predicted.
    public static func precision(_ cm: [[Int]]) -> [Double?] {
        cm.indices.map { c in
            let predicted = cm.indices.map { cm[$0][c] }.reduce(0, +)
            return predicted == 0 ? nil : Double(cm[c][c]) / Double(predicted)
        }
    }

    /// Mean recall over the classes present in the truth (sklearn's balanced_accuracy_score).
    public static func balancedAccuracy(_ cm: [[Int]]) -> Double? {
        let r = recall(cm).compactMap { $0 }
        return r.isEmpty ? nil : r.reduce(0, +) / Double(r.count)
    }

    /// F1 of each class, 2·TP / (2·TP + FP + FN), 0 when that is 0/0 (zero_division=0).
    public static func f1PerClass(_ cm: [[Int]]) -> [Double] {
        cm.indices.map { c in
            let tp = cm[c][c]
            let fn = cm[c].reduce(0, +) - tp
            let fp = cm.indices.map { cm[$0][c] }.reduce(0, +) - tp
            let d = 2 * tp + fp + fn
            return d == 0 ? 0 : Double(2 * tp) / Double(d)
        }
    }

    /// Mean F1 over classes present in the truth or the predictions; nil without samples.
    public static func f1Macro(_ cm: [[Int]]) -> Double? {
        let f1 = f1PerClass(cm)
        let used = cm.indices.filter { c in cm[c].reduce(0, +) > 0 || cm.indices.contains { cm[$0][c] > 0 } }
        guard !used.isEmpty else { return nil }
        return used.map { f1[$0] }.reduce(0, +) / Double(used.count)
    }

    /// F1 weighted by the support of each class in the truth; nil without samples.
    public static func f1Weighted(_ cm: [[Int]]) -> Double? {
        let f1 = f1PerClass(cm)
        let support = cm.map { $0.reduce(0, +) }
        let total = support.reduce(0, +)
        guard total > 0 else { return nil }
        return cm.indices.map { f1[$0] * Double(support[$0]) }.reduce(0, +) / Double(total)
    }

    /// Class predictions under one decision rule and everything counted from them: the
    /// confusion matrix, accuracy, balanced accuracy, F1 and positive vs rest. The report types
    /// build theirs here, so one set of predictions gives one set of figures everywhere.
    public struct DecisionMetrics: Sendable, Equatable, Codable {
        /// `counts[truth][predicted]`.
        public var confusionMatrix: [[Int]]
        public var accuracy: Double?
        public var balancedAccuracy: Double?
        public var f1PerClass: [Double]
        public var f1Macro: Double?
        public var f1Weighted: Double?
        /// Positive vs rest: called positive when the predicted class is `positive`.
        public var binary: Binary

        public init(truth: [Int], predicted: [Int], classCount: Int, positive: Int) {
            let cm = Metrics.confusionMatrix(truth: truth, predicted: predicted, classCount: classCount)
            confusionMatrix = cm
            accuracy = Metrics.accuracy(cm)
            balancedAccuracy = Metrics.balancedAccuracy(cm)
            f1PerClass = Metrics.f1PerClass(cm)
            f1Macro = Metrics.f1Macro(cm)
            f1Weighted = Metrics.f1Weighted(cm)
            binary = Metrics.binary(isPositive: truth.map { $0 == positive }, calledPositive: predicted.map { $0 == positive })
        }

        /// The figures of the decision rule (`decide` at `threshold`).
        public static func atThreshold(_ probabilities: [[Double]], truth: [Int], classCount: Int, positive: Int,
                                       threshold: Double) -> DecisionMetrics {
            DecisionMetrics(truth: truth, predicted: thresholdPredictions(probabilities, positive: positive, threshold: threshold),
                            classCount: classCount, positive: positive)
        }

        /// The figures of the plain argmax (a secondary view, never the decision).
        public static func atArgmax(_ probabilities: [[Double]], truth: [Int], classCount: Int, positive: Int) -> DecisionMetrics {
            DecisionMetrics(truth: truth, predicted: argmaxPredictions(probabilities), classCount: classCount, positive: positive)
        }
    }

    // MARK: Binary (positive class vs the rest)

    public struct Binary: Sendable, Equatable, Codable {
        public var tp = 0, fp = 0, tn = 0, fn = 0
        public init(tp: Int = 0, fp: Int = 0, tn: Int = 0, fn: Int = 0) {
            self.tp = tp; self.fp = fp; self.tn = tn; self.fn = fn
        }
        private static func ratio(_ a: Int, _ b: Int) -> Double? { b == 0 ? nil : Double(a) / Double(b) }
        /// TP / (TP + FN), nil without positives.
        public var sensitivity: Double? { Self.ratio(tp, tp + fn) }
        /// TN / (TN + FP), nil without negatives.
        public var specificity: Double? { Self.ratio(tn, tn + fp) }
        /// TP / (TP + FP), nil when nothing is called positive.
        public var ppv: Double? { Self.ratio(tp, tp + fp) }
        /// TN / (TN + FN), nil when nothing is called negative.
        public var npv: Double? { Self.ratio(tn, tn + fn) }
    }

    public static func binary(isPositive: [Bool], calledPositive: [Bool]) -> Binary {
        precondition(isPositive.count == calledPositive.count)
        var b = Binary()
        for (y, p) in zip(isPositive, calledPositive) {
            switch (y, p) {
            case (true, true): b.tp += 1
            case (false, true): b.fp += 1
            case (false, false): b.tn += 1
            case (true, false): b.fn += 1
            }
        }
        return b
    }

    /// Positive vs rest at a threshold: called positive when P(positive) ≥ threshold.
    public static func binary(probabilities: [[Double]], truth: [Int], positive: Int, threshold: Double) -> Binary {
        binary(isPositive: truth.map { $0 == positive }, calledPositive: probabilities.map { $0[positive] >= threshold })
    }

    /// Positive vs rest at the argmax: called positive when the argmax is the positive class.
    public static func binaryAtArgmax(probabilities: [[Double]], truth: [Int], positive: Int) -> Binary {
        binary(isPositive: truth.map { $0 == positive }, calledPositive: probabilities.map { argmax($0) == positive })
    }

    // MARK: Ranking

    /// AUC-ROC = P(score of a random positive > score of a random negative) + ½·P(equal),
    /// from average ranks (Mann-Whitney U). nil when there are no positives or no negatives.
    public static func aucROC(scores: [Double], isPositive: [Bool]) -> Double? {
        precondition(scores.count == isPositive.count)
        let nPos = isPositive.filter { $0 }.count, nNeg = isPositive.count - nPos
        guard nPos > 0, nNeg > 0 else { return nil }
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSumPos = 0.0
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
            let averageRank = Double(i + j + 2) / 2          // ranks are 1-based: i+1 ... j+1
            for k in i...j where isPositive[order[k]] { rankSumPos += averageRank }
            i = j + 1
        }
        let u = rankSumPos - Double(nPos) * Double(nPos + 1) / 2
        return u / (Double(nPos) * Double(nNeg))
    }

    /// One-vs-rest AUC of each class on its own probability; nil for a class absent from the
    /// truth or present in every sample.
    public static func aucPerClass(probabilities: [[Double]], truth: [Int], classCount: Int) -> [Double?] {
        (0..<classCount).map { c in aucROC(scores: probabilities.map { $0[c] }, isPositive: truth.map { $0 == c }) }
    }

    /// Mean of the defined one-vs-rest AUCs (sklearn's `multi_class="ovr", average="macro"`
    /// when every class is present; sklearn raises otherwise, here the absent classes are left
    /// out); nil when none is defined.
    public static func aucMacro(probabilities: [[Double]], truth: [Int], classCount: Int) -> Double? {
        let a = aucPerClass(probabilities: probabilities, truth: truth, classCount: classCount).compactMap { $0 }
        return a.isEmpty ? nil : a.reduce(0, +) / Double(a.count)
    }

    /// Average precision as sklearn's `average_precision_score`: Σₙ (Rₙ − Rₙ₋₁)·Pₙ over the
    /// distinct score thresholds in decreasing order (tied scores form one threshold).
    /// nil without positives.
    public static func averagePrecision(scores: [Double], isPositive: [Bool]) -> Double? {
        precondition(scores.count == isPositive.count)
        let nPos = isPositive.filter { $0 }.count
        guard nPos > 0 else { return nil }
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        var tp = 0, fp = 0, previousRecall = 0.0, ap = 0.0
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
            for k in i...j { if isPositive[order[k]] { tp += 1 } else { fp += 1 } }
            let recall = Double(tp) / Double(nPos), precision = Double(tp) / Double(tp + fp)
            ap += (recall - previousRecall) * precision
            previousRecall = recall
            i = j + 1
        }
        return ap
    }

    // MARK: Threshold tuning (§5.4 of the original)

    public struct ThresholdChoice: Sendable, Equatable, Codable {
        public var threshold: Double
        public var sensitivity: Double
        public var specificity: Double
    }

    /// The decision threshold on P(positive): the one with the highest specificity among those
    /// reaching `targetSensitivity`, ties toward more sensitivity.
    ///
    /// A sample is called positive when its score is ≥ the threshold (`decide`). Candidates are
    /// the distinct scores (each one the lowest score called positive, so every distinct operating
    /// point of the ROC curve is reached exactly) and one value just above the highest score
    /// (nothing called positive). Among the candidates with sensitivity ≥ target (1e-12 slack for
    /// rounding of the target), the fewest false positives win; among those, the most true
    /// positives, which is the lowest such threshold. The returned sensitivity and specificity
    /// are exactly those of `decide` at the threshold on these scores. nil without positives or
    /// without negatives (keep the previous threshold).
    public static func tuneThreshold(scores: [Double], isPositive: [Bool], targetSensitivity: Double) -> ThresholdChoice? {
        precondition(scores.count == isPositive.count)
        let nPos = isPositive.filter { $0 }.count, nNeg = isPositive.count - nPos
        guard nPos > 0, nNeg > 0 else { return nil }
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        var tp = 0, fp = 0
        // Nothing called positive: sensitivity 0, specificity 1 (only a target of 0 accepts it).
        var best: (threshold: Double, tp: Int, fp: Int)? = targetSensitivity <= 1e-12 ? (scores[order[0]].nextUp, 0, 0) : nil
        var i = 0
        while i < order.count {                      // thresholds from the highest down: tp and fp only grow
            var j = i
            while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
            for k in i...j { if isPositive[order[k]] { tp += 1 } else { fp += 1 } }
            let sensitivity = Double(tp) / Double(nPos)
            // Fewer false positives wins; on equal FP the lower threshold has more TP and wins.
            if sensitivity >= targetSensitivity - 1e-12, best == nil || fp <= best!.fp {
                best = (scores[order[i]], tp, fp)
            }
            i = j + 1
        }
        guard let b = best else { return nil }   // only when the target exceeds 1
        return ThresholdChoice(threshold: b.threshold, sensitivity: Double(b.tp) / Double(nPos),
                               specificity: Double(nNeg - b.fp) / Double(nNeg))
    }
}
