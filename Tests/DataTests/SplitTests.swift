import Graph
import XCTest
@testable import Data

/// The seeded stratified train/val/test split.
final class SplitTests: XCTestCase {
    /// Classes 0..4 with 100, 20, 10, 2 and 0 samples, interleaved; class 5 has 3.
    private let labels: [Int] = {
        var l = Array(repeating: 0, count: 100) + Array(repeating: 1, count: 20) + Array(repeating: 2, count: 10)
            + [3, 3] + [5, 5, 5]
        var rng = SplitMix64(seed: 99)
        RandomDraws.shuffle(&l, &rng)
        return l
    }()

    private func count(_ idx: [Int], _ c: Int) -> Int { idx.filter { labels[$0] == c }.count }

    func testSizesPerClass() {
        let s = StratifiedSplit(labels: labels, classCount: 6, seed: 42)
        // (test, val, train): 100 → (10, 15, 75); 20 → (2, 3, 15); 10 → (1, Int(1.5)=1, 8); 3 → (1, 1, 1)
        let expected: [Int: (Int, Int, Int)] = [0: (10, 15, 75), 1: (2, 3, 15), 2: (1, 1, 8), 3: (0, 0, 2), 4: (0, 0, 0), 5: (1, 1, 1)]
        for (c, e) in expected {
            XCTAssertEqual(count(s.test, c), e.0, "test of class \(c)")
            XCTAssertEqual(count(s.val, c), e.1, "val of class \(c)")
            XCTAssertEqual(count(s.train, c), e.2, "train of class \(c)")
        }
        XCTAssertEqual(s.tooSmall, [3])      // 2 samples; the empty class 4 is not reported
    }

    func testDisjointAndCovering() {
        let s = StratifiedSplit(labels: labels, classCount: 6, seed: 42)
        let all = s.train + s.val + s.test
        XCTAssertEqual(all.count, labels.count)
        XCTAssertEqual(Set(all), Set(labels.indices))
        XCTAssertTrue(Set(s.train).isDisjoint(with: s.val))
        XCTAssertTrue(Set(s.train).isDisjoint(with: s.test))
        XCTAssertTrue(Set(s.val).isDisjoint(with: s.test))
        XCTAssertEqual(s.train, s.train.sorted())
    }

    func testDeterministicForASeed() {
        let a = StratifiedSplit(labels: labels, classCount: 6, seed: 42)
        XCTAssertEqual(a, StratifiedSplit(labels: labels, classCount: 6, seed: 42))
        let b = StratifiedSplit(labels: labels, classCount: 6, seed: 43)
        XCTAssertNotEqual(a.val, b.val)
        XCTAssertEqual(a.val.count, b.val.count)
    }

    func testOnlyOneSplitMissingAndTinyClasses() {
        // data/val exists, only test is carved out: 20 → 2 test, 18 train; 1 sample → too small.
        let l = Array(repeating: 0, count: 20) + [1]
        let s = StratifiedSplit(labels: l, classCount: 2, valFraction: 0, testFraction: 0.10, seed: 1)
        XCTAssertEqual(s.test.count, 2)
        XCTAssertEqual(s.val, [])
        XCTAssertEqual(s.train.count, 19)
        XCTAssertTrue(s.train.contains(20))
        XCTAssertEqual(s.tooSmall, [1])
        // Nothing to carve: everything is train, nothing reported.
        let none = StratifiedSplit(labels: [0, 1, 1], classCount: 2, valFraction: 0, testFraction: 0, seed: 1)
        XCTAssertEqual(none, StratifiedSplit(train: [0, 1, 2], val: [], test: [], tooSmall: []))
        // Floating-point products as Python's int(): int(30·0.1) = 3, int(70·0.15) = 10.
        let big = StratifiedSplit(labels: Array(repeating: 0, count: 30) + Array(repeating: 1, count: 70), classCount: 2, seed: 3)
        XCTAssertEqual(big.test.count, 3 + 7)
        XCTAssertEqual(big.val.count, 4 + 10)
    }
}
