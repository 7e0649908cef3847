import Graph
import Data

/// The training sampler: which sample indices an epoch visits, in which order.
///
/// Weighted modes draw `count` indices (default: the dataset size) **with replacement**, each
/// index with probability weight[i] / Σ weight (torch's `WeightedRandomSampler(weights, N,
/// replacement=True)`; the draws are SplitMix64, not torch's stream):
/// - `.partial(ratio:maxWeight:)`, the original's default: `target = Int(Double(maxCount)·ratio)`,
///   weight of a sample of class c = `min(Double(target) / Double(count[c]), maxWeight)`;
/// - `.full`: weight `1 / count[c]` (every class equally likely);
/// - `.shuffle`: no weighting, a seeded permutation of all samples (each once per epoch).
///
/// `epoch(seed:epoch:)` is a pure function of (seed, epoch), so a resumed run draws the same
/// indices as an uninterrupted one.
public struct OversamplingSampler: Sendable {
    public enum Mode: Sendable, Equatable {
        case partial(ratio: Double, maxWeight: Double)
        case full
        case shuffle
        /// The original's defaults: ratio 0.85, cap 2.0.
        public static let original = Mode.partial(ratio: 0.85, maxWeight: 2.0)
    }

    public let labels: [Int]
    public let classCount: Int
    public let mode: Mode
    /// Samples per class.
    public let classCounts: [Int]
    /// The weight of a sample of each class (0 for a class without samples).
    public let classWeights: [Double]
    /// Per-sample weights, `classWeights[labels[i]]`.
    public let weights: [Double]
    private let cumulative: [Double]

    public init(labels: [Int], classCount: Int, mode: Mode = .original) {
        precondition(labels.allSatisfy { (0..<classCount).contains($0) }, "label out of range")
        self.labels = labels
        self.classCount = classCount
        self.mode = mode
        var counts = Array(repeating: 0, count: classCount)
        for l in labels { counts[l] += 1 }
        classCounts = counts
        let perClass = Self.classWeights(counts: counts, mode: mode)
        let perSample = labels.map { perClass[$0] }
        var running = 0.0
        classWeights = perClass
        weights = perSample
        cumulative = perSample.map { running += $0; return running }
    }

    /// The weight of one sample of each class for the given class counts.
    public static func classWeights(counts: [Int], mode: Mode) -> [Double] {
        switch mode {
        case let .partial(ratio, maxWeight):
            let target = Int(Double(counts.max() ?? 0) * ratio)
            return counts.map { $0 == 0 ? 0 : min(Double(target) / Double($0), maxWeight) }
        case .full:
            return counts.map { $0 == 0 ? 0 : 1 / Double($0) }
        case .shuffle:
            return counts.map { $0 == 0 ? 0 : 1 }
        }
    }

    /// The expected fraction of draws of each class: classWeight·count / Σ.
    public var expectedClassFractions: [Double] {
        let mass = (0..<classCount).map { classWeights[$0] * Double(classCounts[$0]) }
        let total = mass.reduce(0, +)
        return mass.map { total > 0 ? $0 / total : 0 }
    }

    /// One draw with replacement, proportional to the weights (inverse CDF, binary search).
    public func drawOne(_ rng: inout SplitMix64) -> Int {
        let total = cumulative.last ?? 0
        precondition(total > 0, "the sampler has no samples")
        let u = rng.unit() * total
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {                 // first i with cumulative[i] > u
            let mid = (lo + hi) / 2
            if cumulative[mid] > u { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// `count` indices (default: all samples): weighted draws with replacement, or a permutation
    /// in `.shuffle` mode (where `count` larger than the dataset repeats whole permutations).
    public func draw(count: Int? = nil, rng: inout SplitMix64) -> [Int] {
        let n = count ?? labels.count
        guard n > 0, !labels.isEmpty else { return [] }
        if mode == .shuffle {
            var out: [Int] = []
            while out.count < n { out += RandomDraws.permutation(labels.count, &rng) }
            return Array(out.prefix(n))
        }
        return (0..<n).map { _ in drawOne(&rng) }
    }

    /// The indices of a 1-based (or any) epoch, deterministic in (seed, epoch).
    public func epoch(seed: UInt64, epoch: Int, count: Int? = nil) -> [Int] {
        var rng = RandomDraws.generator(seed: seed, stream: UInt64(bitPattern: Int64(epoch)))
        return draw(count: count, rng: &rng)
    }
}
