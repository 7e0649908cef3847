import Foundation

extension Metrics {
    /// The ROC curve as sklearn's `roc_curve(drop_intermediate=False)`: (false positive rate,
    /// true positive rate) from (0, 0), then one point per distinct score threshold from the
    /// highest down (called positive when score ≥ threshold), ending at (1, 1).
    ///
    /// Tied scores form one threshold, so a tie of positives and negatives is one diagonal step.
    /// The trapezoid area under these points equals `aucROC`. nil without positives or negatives.
    public static func rocCurve(scores: [Double], isPositive: [Bool]) -> [(x: Double, y: Double)]? {
        precondition(scores.count == isPositive.count)
        let nPos = isPositive.filter { $0 }.count, nNeg = isPositive.count - nPos
        guard nPos > 0, nNeg > 0 else { return nil }
        return [(0, 0)] + cumulativeCounts(scores: scores, isPositive: isPositive).map {
            (Double($0.fp) / Double(nNeg), Double($0.tp) / Double(nPos))
        }
    }

    /// The precision-recall curve as sklearn's `precision_recall_curve`, in increasing recall:
    /// (recall 0, precision 1) first, then (recall, precision) at each distinct score threshold
    /// from the highest down (tied scores form one threshold).
    ///
    /// Σ (Rₙ − Rₙ₋₁)·Pₙ over these points is `averagePrecision`. nil without positives (recall
    /// is undefined); without negatives every precision is 1.
    public static func precisionRecallCurve(scores: [Double], isPositive: [Bool]) -> [(x: Double, y: Double)]? {
        precondition(scores.count == isPositive.count)
        let nPos = isPositive.filter { $0 }.count
        guard nPos > 0 else { return nil }
        return [(0, 1)] + cumulativeCounts(scores: scores, isPositive: isPositive).map {
            (Double($0.tp) / Double(nPos), Double($0.tp) / Double($0.tp + $0.fp))
        }
    }

    /// True and false positives at each distinct threshold, highest score first.
    private static func cumulativeCounts(scores: [Double], isPositive: [Bool]) -> [(tp: Int, fp: Int)] {
        let order = scores.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
        var counts: [(tp: Int, fp: Int)] = []
        var tp = 0, fp = 0, i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
            for k in i...j { if isPositive[order[k]] { tp += 1 } else { fp += 1 } }
            counts.append((tp, fp))
            i = j + 1
        }
        return counts
    }

    /// One bin of a reliability diagram: the samples whose top-class confidence falls in
    /// (lowerBound, upperBound], their mean confidence and the fraction predicted correctly.
    public struct ReliabilityBin: Sendable, Equatable, Codable {
        public var lowerBound: Double
        public var upperBound: Double
        public var count: Int
        /// Mean top-class probability of the bin; nil when the bin is empty.
        public var meanConfidence: Double?
        /// Fraction of the bin whose argmax is the truth; nil when the bin is empty.
        public var accuracy: Double?

        public init(lowerBound: Double, upperBound: Double, count: Int, meanConfidence: Double?, accuracy: Double?) {
            self.lowerBound = lowerBound; self.upperBound = upperBound; self.count = count
            self.meanConfidence = meanConfidence; self.accuracy = accuracy
        }
    }

    /// Reliability-diagram bins: `bins` equal-width bins of the top-class confidence on [0, 1],
    /// bin b holding b/bins < confidence ≤ (b+1)/bins (0 goes to the first bin), the rule of
    /// `expectedCalibrationError(binning: .uniform)`, so
    /// ECE = Σ_b (count_b / N)·|meanConfidence_b − accuracy_b|. Every bin is returned, empty ones
    /// with count 0; a sample is correct when its argmax (first on ties) is the truth.
    public static func reliabilityBins(probabilities: [[Double]], truth: [Int], bins: Int = 15) -> [ReliabilityBin] {
        precondition(probabilities.count == truth.count && bins >= 1)
        var count = [Int](repeating: 0, count: bins)
        var confidenceSum = [Double](repeating: 0, count: bins), correctSum = [Double](repeating: 0, count: bins)
        for (row, t) in zip(probabilities, truth) {
            let confidence = row.max() ?? 0
            let b = uniformBin(confidence, bins: bins)
            count[b] += 1
            confidenceSum[b] += confidence
            correctSum[b] += argmax(row) == t ? 1 : 0
        }
        return (0..<bins).map { b in
            let n = Double(count[b])
            return ReliabilityBin(lowerBound: Double(b) / Double(bins), upperBound: Double(b + 1) / Double(bins), count: count[b],
                                  meanConfidence: count[b] > 0 ? confidenceSum[b] / n : nil,
                                  accuracy: count[b] > 0 ? correctSum[b] / n : nil)
        }
    }
}
