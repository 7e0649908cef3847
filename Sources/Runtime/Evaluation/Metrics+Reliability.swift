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
