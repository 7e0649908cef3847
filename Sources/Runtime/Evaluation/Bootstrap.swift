import Foundation
import Graph
import Data

/// A two-sided percentile bootstrap interval.
public struct ConfidenceInterval: Codable, Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    /// Resamples on which the metric was defined (the percentiles are over these).
    public var replicates: Int
    /// Nominal coverage, e.g. 0.95.
    public var level: Double

    public init(lower: Double, upper: Double, replicates: Int, level: Double) {
        self.lower = lower; self.upper = upper; self.replicates = replicates; self.level = level
    }
}

/// Seeded percentile bootstrap over samples.
///
/// Replicate r draws n sample indices uniformly with replacement (`SplitMix64(seed)`, one stream
/// for all replicates, `RandomDraws.uniformIndex`), so the same seed gives the same
/// resamples and every metric computed with it sees the same resamples (paired intervals).
/// A replicate where the metric is undefined (nil, e.g. AUC without a positive) is skipped; the
/// interval reports how many were used. The bounds are the (1−level)/2 and (1+level)/2
/// percentiles of the defined values with numpy's default "linear" rule (`percentile`).
public enum Bootstrap {
    /// The interval of one metric; nil when n = 0 or the metric is undefined on every resample.
    /// `metric` receives the resampled indices (length n, values in 0..<n).
    public static func interval(samples n: Int, replicates: Int = 1000, seed: UInt64, level: Double = 0.95,
                                metric: ([Int]) -> Double?) -> ConfidenceInterval? {
        intervals(samples: n, replicates: replicates, seed: seed, level: level, count: 1, metrics: { [metric($0)] })[0]
    }

    /// The intervals of `count` metrics computed together on each resample: `metrics` returns
    /// `count` values (nil where undefined). Identical, metric by metric, to calling `interval`
    /// with the same seed for each, at a fraction of the cost.
    public static func intervals(samples n: Int, replicates: Int = 1000, seed: UInt64, level: Double = 0.95,
                                 count: Int, metrics: ([Int]) -> [Double?]) -> [ConfidenceInterval?] {
        precondition(n >= 0 && replicates >= 1 && level > 0 && level < 1 && count >= 0)
        var rng = SplitMix64(seed: seed)
        var values = Array(repeating: [Double](), count: count)
        var indices = [Int](repeating: 0, count: n)
        for _ in 0..<(n > 0 ? replicates : 0) {
            for i in 0..<n { indices[i] = RandomDraws.uniformIndex(below: n, &rng) }
            let v = metrics(indices)
            precondition(v.count == count, "expected \(count) metric values, got \(v.count)")
            for (k, x) in v.enumerated() { if let x, x.isFinite { values[k].append(x) } }
        }
        let alpha = (1 - level) / 2
        return values.map { v in
            guard !v.isEmpty else { return nil }
            let sorted = v.sorted()
            return ConfidenceInterval(lower: percentile(sorted: sorted, alpha), upper: percentile(sorted: sorted, 1 - alpha),
                                      replicates: v.count, level: level)
        }
    }

    /// The q-quantile (q in [0, 1]) of ascending `sorted` by linear interpolation, as
    /// `numpy.percentile(x, 100·q)`: h = (m−1)·q, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
    public static func percentile(sorted: [Double], _ q: Double) -> Double {
        precondition(!sorted.isEmpty && (0...1).contains(q))
        let h = Double(sorted.count - 1) * q
        let i = Int(h.rounded(.down))
        guard i + 1 < sorted.count else { return sorted[sorted.count - 1] }
        return sorted[i] + (h - Double(i)) * (sorted[i + 1] - sorted[i])
    }
}
