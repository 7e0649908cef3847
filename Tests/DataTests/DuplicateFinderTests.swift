import Foundation
import XCTest
@testable import Data
import Graph

/// Multi-index near-duplicate search against its naive twin, and exact groups.
final class DuplicateFinderTests: XCTestCase {
    /// Random hashes with planted near pairs (1...d+2 bits flipped, so some fall just outside) and
    /// a few missing ones: the multi-index result equals brute force for several seeds and distances.
    func testNearPairsEqualBruteForce() {
        for seed in UInt64(1)...6 {
            var rng = SplitMix64(seed: seed)
            for d in [0, 1, 3, 8, 12] {
                var hashes: [UInt64?] = (0..<400).map { _ in rng.next() }
                for k in 0..<60 {
                    let source = Int(rng.next() % 400), target = Int(rng.next() % 400)
                    guard let h = hashes[source] else { continue }
                    var copy = h
                    for _ in 0 ..< 1 + Int(rng.next() % UInt64(d + 2)) { copy ^= 1 << (rng.next() % 64) }
                    hashes[target] = copy
                    if k % 20 == 0 { hashes[Int(rng.next() % 400)] = nil }
                }
                hashes[7] = hashes[3]  // an identical pair
                let fast = DuplicateFinder.nearPairs(hashes, maxDistance: d)
                let slow = DuplicateFinder.nearPairsBruteForce(hashes, maxDistance: d)
                assertSame(fast, slow, "seed \(seed), distance \(d)")
                XCTAssertGreaterThan(slow.count, d >= 1 ? 10 : 0, "seed \(seed), distance \(d): too few planted pairs to test anything")
                XCTAssertEqual(Set(fast).count, fast.count, "a pair listed twice")
            }
        }
    }

    /// Clustered hashes (all sharing most bits, like similar scans) still match brute force.
    func testClusteredHashes() {
        var rng = SplitMix64(seed: 42)
        let base: UInt64 = 0xF0F0_1234_5678_9ABC
        let hashes: [UInt64?] = (0..<300).map { _ in base ^ (rng.next() & rng.next() & rng.next() & rng.next()) }
        for d in [2, 6, 10] {
            assertSame(DuplicateFinder.nearPairs(hashes, maxDistance: d), DuplicateFinder.nearPairsBruteForce(hashes, maxDistance: d),
                       "clustered, distance \(d)")
        }
    }

    /// Equal lists, or a short message: the counts and the first pair missing and extra.
    private func assertSame(_ fast: [DuplicateFinder.Pair], _ slow: [DuplicateFinder.Pair], _ label: String,
                            file: StaticString = #filePath, line: UInt = #line) {
        guard fast != slow else { return }
        let missing = slow.first { !fast.contains($0) }, extra = fast.first { !slow.contains($0) }
        XCTFail("\(label): multi-index \(fast.count) pairs, brute force \(slow.count); first missing \(String(describing: missing)), "
                + "first extra \(String(describing: extra))", file: file, line: line)
    }

    func testChunksCoverAllBits() {
        for m in 1...64 {
            let chunks = DuplicateFinder.chunkRanges(count: m)
            XCTAssertEqual(chunks.count, m)
            XCTAssertEqual(chunks.first?.lowerBound, 0)
            XCTAssertEqual(chunks.last?.upperBound, 64)
            for (a, b) in zip(chunks, chunks.dropFirst()) { XCTAssertEqual(a.upperBound, b.lowerBound) }
            XCTAssertLessThanOrEqual(Set(chunks.map(\.count)).count, 2)
        }
        XCTAssertEqual(DuplicateFinder.value(0xABCD, 4 ..< 12), 0xBC)
        XCTAssertEqual(DuplicateFinder.flipMasks(width: 13, upTo: 1).count, 14)
        let two = DuplicateFinder.flipMasks(width: 13, upTo: 2)
        XCTAssertEqual(two.count, 1 + 13 + 78)
        XCTAssertEqual(Set(two).count, two.count)
        XCTAssertTrue(two.allSatisfy { $0.nonzeroBitCount <= 2 && $0 < 1 << 13 })
        XCTAssertEqual(DuplicateFinder.value(~0, 0 ..< 64), ~0)
    }

    func testExactGroups() {
        let keys: [String?] = ["a", "b", nil, "a", nil, "c", "b", "a"]
        XCTAssertEqual(DuplicateFinder.exactGroups(keys), [[0, 3, 7], [1, 6]])
        XCTAssertEqual(DuplicateFinder.exactGroups([String?]()), [])
    }
}
