import Graph

/// A seeded stratified split of the training samples into train / val / test, used when
/// `data/val` or `data/test` is missing (the original's `PatientWiseSplitter` stratified
/// branch, per sample instead of per "patient").
///
/// Per class c with n samples (in the order of the input), shuffled by SplitMix64 seeded from
/// (seed, c):
///
///     n_test = testFraction > 0 ? max(1, Int(Double(n)·testFraction)) : 0
///     n_val  = valFraction  > 0 ? max(1, Int(Double(n)·valFraction))  : 0
///     first n_test → test, next n_val → val, the rest → train
///
/// A class with fewer than n_test + n_val + 1 samples under this rule (for the defaults
/// 0.15/0.10: n < 3) goes entirely to train and is listed in `tooSmall`, as is a class whose
/// val or test share would leave train empty. Index lists are sorted ascending.
public struct StratifiedSplit: Sendable, Equatable, Codable {
    public var train: [Int]
    public var val: [Int]
    public var test: [Int]
    /// Classes kept whole in train because they are too small to split (to report).
    public var tooSmall: [Int]

    public init(train: [Int], val: [Int], test: [Int], tooSmall: [Int]) {
        self.train = train; self.val = val; self.test = test; self.tooSmall = tooSmall
    }

    /// Split `labels` (one class index per sample). Pass 0 for a fraction whose folder exists.
    public init(labels: [Int], classCount: Int, valFraction: Double = 0.15, testFraction: Double = 0.10, seed: UInt64) {
        precondition(valFraction >= 0 && testFraction >= 0 && valFraction + testFraction < 1, "split fractions out of range")
        precondition(labels.allSatisfy { (0..<classCount).contains($0) }, "label out of range")
        var train: [Int] = [], val: [Int] = [], test: [Int] = [], tooSmall: [Int] = []
        for c in 0..<classCount {
            var members = labels.indices.filter { labels[$0] == c }
            let n = members.count
            guard n > 0 else { continue }
            let nTest = testFraction > 0 ? max(1, Int(Double(n) * testFraction)) : 0
            let nVal = valFraction > 0 ? max(1, Int(Double(n) * valFraction)) : 0
            if n < nTest + nVal + 1 {
                if nTest + nVal > 0 { tooSmall.append(c) }
                train += members
                continue
            }
            var rng = RandomDraws.generator(seed: seed, stream: UInt64(c))
            RandomDraws.shuffle(&members, &rng)
            test += members[0 ..< nTest]
            val += members[nTest ..< nTest + nVal]
            train += members[(nTest + nVal)...]
        }
        self.init(train: train.sorted(), val: val.sorted(), test: test.sorted(), tooSmall: tooSmall)
    }
}
