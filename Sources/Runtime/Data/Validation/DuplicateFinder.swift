/// Exact duplicates (equal keys, e.g. content hashes) and near duplicates (64-bit perceptual
/// hashes within a Hamming distance) among many images.
///
/// Near pairs use multi-index hashing: the 64 bits are cut into m = ⌊d/2⌋ + 1 chunks and
/// r = ⌊d/m⌋ (1 for d ≥ 1). Two hashes at distance ≤ d cannot differ in more than r bits in
/// every chunk (that would make at least m·(r+1) > d bits), so (pigeonhole) some chunk is within
/// r bits. Each chunk indexes the hashes by its value; each hash probes the buckets of its
/// chunk value with up to r bits flipped and only those candidates are compared (a pair is
/// counted in the first chunk where it is within r). For uniform hashes, n = 100,000 and
/// d = 8 (5 chunks of 12-13 bits, 14 probes each) that is about 5·10⁷ comparisons instead of
/// the 5·10⁹ of all pairs. `nearPairsBruteForce` is the naive twin the tests compare with.
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
        if maxDistance >= 32 { return nearPairsBruteForce(hashes, maxDistance: maxDistance) }
        let m = maxDistance / 2 + 1, r = maxDistance / m
        let chunks = chunkRanges(count: m)
        let present = hashes.indices.filter { hashes[$0] != nil }
        var pairs: [Pair] = []
        for (c, chunk) in chunks.enumerated() {
            let index = ChunkIndex(present.map { (value(hashes[$0]!, chunk), $0) }, width: chunk.count)
            let masks = flipMasks(width: chunk.count, upTo: r)
            for i in present {
                let hi = hashes[i]!, vi = value(hi, chunk)
                for mask in masks {
                    index.forEach(vi ^ mask) { j in
                        guard j > i else { return }
                        let hj = hashes[j]!
                        let d = PerceptualHash.distance(hi, hj)
                        guard d <= maxDistance else { return }
                        // Count the pair once: in the first chunk where it is within r bits.
                        if chunks[..<c].contains(where: { PerceptualHash.distance(value(hi, $0), value(hj, $0)) <= r }) { return }
                        pairs.append(Pair(i: i, j: j, distance: d))
                    }
                }
            }
        }
        return pairs.sorted { ($0.i, $0.j) < ($1.i, $1.j) }
    }

    /// The indices of the hashes by one chunk's value: a direct table of bucket starts over the
    /// members sorted by value (chunks of up to 20 bits), else a dictionary.
    struct ChunkIndex {
        private var starts: [Int32] = []
        private var members: [Int32] = []
        private var dictionary: [UInt64: [Int]] = [:]

        init(_ entries: [(value: UInt64, index: Int)], width: Int) {
            guard width <= 20 else {
                for e in entries { dictionary[e.value, default: []].append(e.index) }
                return
            }
            var counts = [Int32](repeating: 0, count: (1 << width) + 1)
            for e in entries { counts[Int(e.value) + 1] += 1 }
            for k in 1 ..< counts.count { counts[k] += counts[k - 1] }
            starts = counts
            var next = counts, out = [Int32](repeating: 0, count: entries.count)
            for e in entries {
                out[Int(next[Int(e.value)])] = Int32(e.index)
                next[Int(e.value)] += 1
            }
            members = out
        }

        /// Calls `body` with every index whose chunk value is `value`, ascending.
        func forEach(_ value: UInt64, _ body: (Int) -> Void) {
            if starts.isEmpty {
                for j in dictionary[value] ?? [] { body(j) }
                return
            }
            for k in Int(starts[Int(value)]) ..< Int(starts[Int(value) + 1]) { body(Int(members[k])) }
        }
    }

    /// Every value of `width` bits with at most `r` bits set (0 first).
    static func flipMasks(width: Int, upTo r: Int) -> [UInt64] {
        var masks: [UInt64] = [0]
        func extend(_ mask: UInt64, from bit: Int, left: Int) {
            guard left > 0 else { return }
            for b in bit ..< width {
                let next = mask | 1 << UInt64(b)
                masks.append(next)
                extend(next, from: b + 1, left: left - 1)
            }
        }
        extend(0, from: 0, left: r)
        return masks
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
