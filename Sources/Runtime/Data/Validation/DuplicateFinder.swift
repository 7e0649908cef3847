/// Exact duplicates (equal keys, e.g. content hashes) and near duplicates (64-bit perceptual
/// hashes within a Hamming distance) among many images.
///
/// Near pairs use multi-index hashing: the 64 bits are cut into m = d + 1 chunks; two hashes
/// at distance ≤ d differ in at most d chunks, so (pigeonhole) at least one chunk is equal.
/// Each chunk indexes the hashes by its value, and only hashes sharing a bucket are compared
/// (a pair is counted in the first chunk where it matches). For uniform hashes that compares
/// about n²·m / 2^(64/m + 1) pairs instead of n²/2 — at n = 100,000 and d = 8, about 2·10⁸
/// popcounts instead of 5·10⁹. `nearPairsBruteForce` is the naive twin the tests compare with.
public enum DuplicateFinder {
    /// Two indices (i < j) whose hashes are `distance` bits apart.
    public struct Pair: Hashable, Sendable, Codable {
        public let i: Int
        public let j: Int
        public let distance: Int
        public init(i: Int, j: Int, distance: Int) {
            self.i = i; self.j = j; self.distance = distance
        }
    }

    /// Groups of indices (ascending, each of at least two) whose keys are equal, ordered by
    /// their first index; nil keys never match.
    public static func exactGroups<Key: Hashable>(_ keys: [Key?]) -> [[Int]] {
        var byKey: [Key: [Int]] = [:]
        for (i, key) in keys.enumerated() { if let key { byKey[key, default: []].append(i) } }
        return byKey.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
    }

    /// Every pair (i < j) of non-nil hashes at Hamming distance ≤ `maxDistance`, sorted by (i, j).
    public static func nearPairs(_ hashes: [UInt64?], maxDistance: Int) -> [Pair] {
        precondition(maxDistance >= 0, "the near-duplicate distance must be >= 0, got \(maxDistance)")
        if maxDistance >= 63 { return nearPairsBruteForce(hashes, maxDistance: maxDistance) }
        let chunks = chunkRanges(count: maxDistance + 1)
        let present = hashes.indices.filter { hashes[$0] != nil }
        var pairs: [Pair] = []
        for (c, chunk) in chunks.enumerated() {
            var buckets: [UInt64: [Int]] = [:]
            for i in present { buckets[value(hashes[i]!, chunk), default: []].append(i) }
            for bucket in buckets.values where bucket.count > 1 {
                for a in 0 ..< bucket.count {
                    let i = bucket[a], hi = hashes[i]!
                    for b in a + 1 ..< bucket.count {
                        let j = bucket[b], hj = hashes[j]!
                        let d = PerceptualHash.distance(hi, hj)
                        guard d <= maxDistance else { continue }
                        // Count the pair once: in the first chunk where it is equal.
                        if chunks[..<c].contains(where: { value(hi, $0) == value(hj, $0) }) { continue }
                        pairs.append(Pair(i: i, j: j, distance: d))
                    }
                }
            }
        }
        return pairs.sorted { ($0.i, $0.j) < ($1.i, $1.j) }
    }

    /// The naive twin of `nearPairs`: every pair compared.
    public static func nearPairsBruteForce(_ hashes: [UInt64?], maxDistance: Int) -> [Pair] {
        var pairs: [Pair] = []
        for i in hashes.indices {
            guard let hi = hashes[i] else { continue }
            for j in i + 1 ..< hashes.count {
                guard let hj = hashes[j] else { continue }
                let d = PerceptualHash.distance(hi, hj)
                if d <= maxDistance { pairs.append(Pair(i: i, j: j, distance: d)) }
            }
        }
        return pairs
    }

    /// `count` contiguous bit ranges covering 0..<64, sizes differing by at most one.
    static func chunkRanges(count: Int) -> [Range<Int>] {
        (0..<count).map { c in c * 64 / count ..< (c + 1) * 64 / count }
    }

    /// The bits of `hash` in `range` (bit 0 is the least significant).
    static func value(_ hash: UInt64, _ range: Range<Int>) -> UInt64 {
        let width = range.count
        let mask: UInt64 = width >= 64 ? ~0 : (1 << UInt64(width)) - 1
        return (hash >> UInt64(range.lowerBound)) & mask
    }
}
