import Graph

/// The seeded stratified split of `StratifiedSplit`, over groups (patients, studies) instead of
/// images, so every image of a group lands in one split.
///
/// 1. Groups: samples with the same group key, and samples with the same content hash (exact
///    duplicate files), are joined (transitively); a joined group's key is the smallest of its
///    keys (byte order).
/// 2. Each group gets one label to stratify by: the `priority` class (the malignant one) when any
///    of its images has it, else the least frequent class (over all samples) among its images,
///    ties to the lower class index. A patient with one malignant image counts as malignant.
/// 3. `StratifiedSplit` splits the groups (ordered by their first sample) by these labels, so per
///    group label the number of groups in val and test is `max(1, Int(n·fraction))`, within one
///    group of the target; then each group's samples follow it.
///
/// With one group per sample and no duplicates this is exactly `StratifiedSplit` of the labels.
public struct GroupSplit: Sendable, Equatable {
    /// Sample indices per split, ascending.
    public var split: StratifiedSplit
    /// The (joined) group key of each sample.
    public var groups: [String]
    /// How many groups, and how many were joined because of duplicate content.
    public var groupCount: Int
    public var duplicateJoins: Int

    /// Splits samples given by `labels`, `groups` and optional `contentHashes` (all indexed alike).
    public init(labels: [Int], groups: [String], contentHashes: [String]? = nil, classCount: Int,
                valFraction: Double, testFraction: Double, seed: UInt64, priority: Int? = nil) {
        precondition(labels.count == groups.count && (contentHashes?.count ?? labels.count) == labels.count)
        let n = labels.count
        var parent = Array(0 ..< n)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        func union(_ a: Int, _ b: Int) -> Bool {
            let ra = find(a), rb = find(b)
            guard ra != rb else { return false }
            parent[max(ra, rb)] = min(ra, rb)
            return true
        }
        var firstOfKey: [String: Int] = [:]
        for i in 0 ..< n {
            if let j = firstOfKey[groups[i]] { _ = union(j, i) } else { firstOfKey[groups[i]] = i }
        }
        var joins = 0
        if let contentHashes {
            var firstOfHash: [String: Int] = [:]
            for i in 0 ..< n {
                if let j = firstOfHash[contentHashes[i]] { if union(j, i) { joins += 1 } } else { firstOfHash[contentHashes[i]] = i }
            }
        }
        // Groups in order of their first sample.
        var groupOfRoot: [Int: Int] = [:]
        var members: [[Int]] = []
        for i in 0 ..< n {
            let r = find(i)
            if let g = groupOfRoot[r] { members[g].append(i) } else { groupOfRoot[r] = members.count; members.append([i]) }
        }
        var frequency = [Int](repeating: 0, count: classCount)
        for l in labels { frequency[l] += 1 }
        let groupLabels = members.map { m -> Int in
            let present = Set(m.map { labels[$0] })
            if let priority, present.contains(priority) { return priority }
            return present.min { frequency[$0] != frequency[$1] ? frequency[$0] < frequency[$1] : $0 < $1 }!
        }
        let byGroup = StratifiedSplit(labels: groupLabels, classCount: classCount, valFraction: valFraction,
                                      testFraction: testFraction, seed: seed)
        func expand(_ g: [Int]) -> [Int] { g.flatMap { members[$0] }.sorted() }
        split = StratifiedSplit(train: expand(byGroup.train), val: expand(byGroup.val), test: expand(byGroup.test),
                                tooSmall: byGroup.tooSmall)
        var joined = [String](repeating: "", count: n)
        for m in members {
            let key = m.map { groups[$0] }.min { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }!
            for i in m { joined[i] = key }
        }
        self.groups = joined
        groupCount = members.count
        duplicateJoins = joins
    }
}
