import Foundation
import Graph
import XCTest
@testable import Data

/// The group-level stratified split, over many random corpora and seeds, and its checks.
final class GroupSplitTests: XCTestCase {
    /// A random corpus: `groups` patients, each with 1-6 images; a patient's images mostly share a
    /// class (sometimes mixed), and some files are exact copies of another patient's file.
    private func corpus(_ rng: inout SplitMix64, groups: Int, classes: Int) -> (labels: [Int], groups: [String], hashes: [String]) {
        var labels: [Int] = [], keys: [String] = [], hashes: [String] = []
        for g in 0 ..< groups {
            let main = Int(rng.next() % UInt64(classes))
            for _ in 0 ..< 1 + Int(rng.next() % 6) {
                labels.append(rng.next() % 5 == 0 ? Int(rng.next() % UInt64(classes)) : main)
                keys.append("P\(g)")
                hashes.append(hashes.isEmpty || rng.next() % 20 != 0 ? "h\(hashes.count)" : hashes[Int(rng.next() % UInt64(hashes.count))])
            }
        }
        // Interleave patients, as folder order (by class, then path) does.
        var order = Array(labels.indices)
        RandomDraws.shuffle(&order, &rng)
        return (order.map { labels[$0] }, order.map { keys[$0] }, order.map { hashes[$0] })
    }

    func testNoGroupInTwoSplitsStratifiedWithinOneGroupAndDuplicatesTogether() {
        var rng = SplitMix64(seed: 2024)
        for trial in 0 ..< 200 {
            let classes = 2 + Int(rng.next() % 3)
            let c = corpus(&rng, groups: 5 + Int(rng.next() % 120), classes: classes)
            let val = [0.0, 0.15, 0.3][trial % 3], test = [0.1, 0.0, 0.2][trial % 3]
            let s = GroupSplit(labels: c.labels, groups: c.groups, contentHashes: c.hashes, classCount: classes,
                               valFraction: val, testFraction: test, seed: rng.next(), priority: trial % 2 == 0 ? 1 : nil)
            let split = s.split
            XCTAssertEqual((split.train + split.val + split.test).sorted(), Array(c.labels.indices), "trial \(trial): not a partition")
            var side = [Int](repeating: -1, count: c.labels.count)
            for (k, list) in [split.train, split.val, split.test].enumerated() { for i in list { side[i] = k } }
            // One split per joined group, per original group, and per content hash.
            for key in [s.groups, c.groups, c.hashes] {
                var seen: [String: Int] = [:]
                for (i, g) in key.enumerated() {
                    if let k = seen[g] { XCTAssertEqual(k, side[i], "trial \(trial): \(g) in two splits") } else { seen[g] = side[i] }
                }
            }
            // Stratification: per group label, the groups in val/test are within one of the target.
            var members: [String: [Int]] = [:]
            for (i, g) in s.groups.enumerated() { members[g, default: []].append(i) }
            var frequency = [Int](repeating: 0, count: classes)
            for l in c.labels { frequency[l] += 1 }
            var perLabel = [[Int]](repeating: [0, 0, 0], count: classes)   // groups in train, val, test
            for (_, m) in members {
                let present = Set(m.map { c.labels[$0] })
                let label = (trial % 2 == 0 && present.contains(1)) ? 1
                    : present.min { frequency[$0] != frequency[$1] ? frequency[$0] < frequency[$1] : $0 < $1 }!
                perLabel[label][side[m[0]]] += 1
            }
            for (label, counts) in perLabel.enumerated() {
                let n = Double(counts.reduce(0, +))
                guard !split.tooSmall.contains(label), n > 0 else { continue }
                XCTAssertLessThanOrEqual(abs(Double(counts[1]) - n * val), 1, "trial \(trial) class \(label): val \(counts[1]) of \(n)")
                XCTAssertLessThanOrEqual(abs(Double(counts[2]) - n * test), 1, "trial \(trial) class \(label): test \(counts[2]) of \(n)")
            }
        }
    }

    /// One group per image and no duplicates: exactly the per-image `StratifiedSplit`.
    func testPerImageIsTheOldSplit() {
        var rng = SplitMix64(seed: 7)
        for _ in 0 ..< 50 {
            let labels = (0 ..< Int(rng.next() % 300)).map { _ in Int(rng.next() % 4) }
            let seed = rng.next()
            let s = GroupSplit(labels: labels, groups: labels.indices.map { "f\($0)" }, contentHashes: labels.indices.map { "h\($0)" },
                               classCount: 4, valFraction: 0.15, testFraction: 0.10, seed: seed, priority: nil)
            XCTAssertEqual(s.split, StratifiedSplit(labels: labels, classCount: 4, seed: seed))
        }
    }

    func testDuplicatesJoinGroupsAndTakeTheSmallestKey() {
        let s = GroupSplit(labels: [0, 0, 1, 1], groups: ["b", "a", "c", "d"], contentHashes: ["x", "y", "x", "z"],
                           classCount: 2, valFraction: 0, testFraction: 0, seed: 1)
        XCTAssertEqual(s.groups, ["b", "a", "b", "d"])
        XCTAssertEqual(s.groupCount, 3)
        XCTAssertEqual(s.duplicateJoins, 1)
    }

    // MARK: Given splits and the checks

    private func file(_ path: String, _ label: Int, group: String? = nil, split: Dataset.Split, hash: String) -> ScannedFile {
        ScannedFile(sample: Dataset.Sample(url: URL(fileURLWithPath: "/data/" + path), label: label, relativePath: path, group: group),
                    givenSplit: split, digest: FileDigest(size: 1, sha256: hash))
    }

    private let settings = SplitPlan.Settings(valFraction: 0.2, testFraction: 0.2, seed: 1, priority: nil)

    func testGroupSpanningGivenTrainAndTestIsAnError() {
        let files: [Dataset.Split: [ScannedFile]] = [
            .train: [file("train/benign/P1_a.png", 0, group: "P1", split: .train, hash: "1"),
                     file("train/benign/P1_b.png", 0, group: "P1", split: .train, hash: "2"),
                     file("train/normal/P2_a.png", 1, group: "P2", split: .train, hash: "3")],
            .val: [file("val/normal/P3_a.png", 1, group: "P3", split: .val, hash: "4")],
            .test: [file("test/benign/P1_c.png", 0, group: "P1", split: .test, hash: "5")],
        ]
        let readable = files.mapValues { $0.map { _ in true } }
        XCTAssertThrowsError(try SplitPlan.fresh(files: files, readable: readable, classNames: ["benign", "normal"], dataDir: "/data", settings: settings)) { error in
            XCTAssertEqual("\(error)", "/data: 1 group is in more than one split (images of one patient or study must stay in one split; move them into one split folder "
                           + "or fix data.group_by / the manifest): group P1: train 2, test 1 (train/benign/P1_a.png, train/benign/P1_b.png and 1 more)")
        }
    }

    func testDuplicateAcrossGivenSplitsIsAnErrorUnlessAllowed() throws {
        let files: [Dataset.Split: [ScannedFile]] = [
            .train: [file("train/benign/a.png", 0, split: .train, hash: "same"), file("train/normal/b.png", 1, split: .train, hash: "2")],
            .val: [file("val/normal/c.png", 1, split: .val, hash: "3")],
            .test: [file("test/benign/copy.png", 0, split: .test, hash: "same")],
        ]
        let readable = files.mapValues { $0.map { _ in true } }
        XCTAssertThrowsError(try SplitPlan.fresh(files: files, readable: readable, classNames: ["benign", "normal"], dataDir: "/data", settings: settings)) { error in
            XCTAssertEqual("\(error)", "/data: 1 file content is in more than one split (exact duplicates): train/benign/a.png (train) = test/benign/copy.png (test); "
                           + "remove the copies, or set data.allow_cross_split_duplicates true to go on")
        }
        var allowed = settings
        allowed.allowCrossSplitDuplicates = true
        let plan = try SplitPlan.fresh(files: files, readable: readable, classNames: ["benign", "normal"], dataDir: "/data", settings: allowed)
        XCTAssertTrue(plan.notes.contains { $0.hasPrefix("warning: 1 exact duplicate across splits (allowed)") }, "\(plan.notes)")
    }

    func testFreshPlanCarvesByGroupAndRecordsEveryFile() throws {
        var train: [ScannedFile] = []
        for p in 0 ..< 30 {
            for v in 0 ..< 3 { train.append(file("train/c\(p % 2)/P\(p)_\(v).png", p % 2, group: "P\(p)", split: .train, hash: "\(p)-\(v)")) }
        }
        train.append(file("train/c0/broken.png", 0, split: .train, hash: "b"))
        var readable = train.map { _ in true }
        readable[readable.count - 1] = false
        let plan = try SplitPlan.fresh(files: [.train: train], readable: [.train: readable], classNames: ["c0", "c1"], dataDir: "/data", settings: settings)
        // 15 groups per class: val and test get max(1, Int(15 * 0.2)) = 3 groups (9 images) each per class.
        XCTAssertEqual(plan.splits[.val]?.count, 18)
        XCTAssertEqual(plan.splits[.test]?.count, 18)
        XCTAssertEqual(plan.splits[.train]?.count, 54)
        XCTAssertEqual(plan.entries.count, 91)
        XCTAssertEqual(plan.entries.last?.split, "unreadable")
        XCTAssertEqual(Set(plan.entries.filter { $0.group == "P7" }.map(\.split)).count, 1)
    }
}
