import Graph
import XCTest
@testable import Data
@testable import Training

/// The original's partial oversampling (ratio 0.85, cap 2.0), full balancing and plain shuffling.
final class SamplerTests: XCTestCase {
    /// 100 / 20 / 10 samples of classes 0 / 1 / 2, interleaved.
    private let labels: [Int] = {
        var l = Array(repeating: 0, count: 100) + Array(repeating: 1, count: 20) + Array(repeating: 2, count: 10)
        var rng = SplitMix64(seed: 7)
        RandomDraws.shuffle(&l, &rng)
        return l
    }()

    func testPartialWeightsByHand() {
        let s = OversamplingSampler(labels: labels, classCount: 3)
        XCTAssertEqual(s.classCounts, [100, 20, 10])
        // target = Int(100·0.85) = 85: 85/100 = 0.85; 85/20 = 4.25 → cap 2.0; 85/10 = 8.5 → 2.0
        XCTAssertEqual(s.classWeights, [0.85, 2.0, 2.0])
        for (w, l) in zip(s.weights, labels) { XCTAssertEqual(w, s.classWeights[l]) }
        // Expected class fractions: 85 : 40 : 20 of 145.
        let e = s.expectedClassFractions
        XCTAssertEqual(e[0], 85.0 / 145, accuracy: 1e-12)
        XCTAssertEqual(e[1], 40.0 / 145, accuracy: 1e-12)
        XCTAssertEqual(e[2], 20.0 / 145, accuracy: 1e-12)
        // Below the cap: 85/60 = 1.41667; a class without samples weighs 0.
        XCTAssertEqual(OversamplingSampler.classWeights(counts: [100, 60, 0], mode: .original)[1], 85.0 / 60, accuracy: 1e-15)
        XCTAssertEqual(OversamplingSampler.classWeights(counts: [100, 60, 0], mode: .original)[2], 0)
        // Int() truncates the target: Int(7·0.85) = Int(5.95) = 5 → 5/7 and min(5/3, 2)
        let w = OversamplingSampler.classWeights(counts: [7, 3], mode: .original)
        XCTAssertEqual(w[0], 5.0 / 7, accuracy: 1e-15)
        XCTAssertEqual(w[1], 5.0 / 3, accuracy: 1e-15)
        XCTAssertEqual(OversamplingSampler.classWeights(counts: [100, 20, 10], mode: .full), [0.01, 0.05, 0.1])
    }

    private func frequencies(_ idx: [Int], _ classCount: Int) -> [Double] {
        var c = Array(repeating: 0.0, count: classCount)
        for i in idx { c[labels[i]] += 1 }
        return c.map { $0 / Double(idx.count) }
    }

    func testEmpiricalFrequencies() {
        for mode in [OversamplingSampler.Mode.original, .full] {
            let s = OversamplingSampler(labels: labels, classCount: 3, mode: mode)
            var rng = SplitMix64(seed: 123)
            let idx = s.draw(count: 200_000, rng: &rng)
            let f = frequencies(idx, 3), e = s.expectedClassFractions
            for c in 0..<3 { XCTAssertEqual(f[c], e[c], accuracy: 0.005, "\(mode) class \(c)") }
            // Within a class, every sample is drawn about equally often.
            var perSample = Array(repeating: 0, count: labels.count)
            for i in idx { perSample[i] += 1 }
            let minority = labels.indices.filter { labels[$0] == 2 }.map { perSample[$0] }
            let mean = Double(minority.reduce(0, +)) / Double(minority.count)
            for m in minority { XCTAssertEqual(Double(m), mean, accuracy: mean * 0.1) }
        }
        // Full balancing: thirds.
        let full = OversamplingSampler(labels: labels, classCount: 3, mode: .full)
        for f in full.expectedClassFractions { XCTAssertEqual(f, 1.0 / 3, accuracy: 1e-12) }
    }

    func testEpochsAreDeterministicAndDiffer() {
        let s = OversamplingSampler(labels: labels, classCount: 3)
        let e1 = s.epoch(seed: 42, epoch: 1)
        XCTAssertEqual(e1.count, labels.count)                          // num_samples = N
        XCTAssertTrue(e1.allSatisfy { (0..<labels.count).contains($0) })
        XCTAssertEqual(e1, s.epoch(seed: 42, epoch: 1))                 // same seed and epoch → same draws
        XCTAssertEqual(e1, OversamplingSampler(labels: labels, classCount: 3).epoch(seed: 42, epoch: 1))
        XCTAssertNotEqual(e1, s.epoch(seed: 42, epoch: 2))
        XCTAssertNotEqual(e1, s.epoch(seed: 43, epoch: 1))
        XCTAssertGreaterThan(Set(e1).count, 1)
        XCTAssertLessThan(Set(e1).count, labels.count)                  // with replacement: repeats
        XCTAssertEqual(s.epoch(seed: 42, epoch: 3, count: 10).count, 10)
    }

    func testShuffleModeIsAPermutation() {
        let s = OversamplingSampler(labels: labels, classCount: 3, mode: .shuffle)
        let a = s.epoch(seed: 1, epoch: 1), b = s.epoch(seed: 1, epoch: 2)
        XCTAssertEqual(a.sorted(), Array(0..<labels.count))
        XCTAssertEqual(b.sorted(), Array(0..<labels.count))
        XCTAssertNotEqual(a, b)
        XCTAssertEqual(a, s.epoch(seed: 1, epoch: 1))
        XCTAssertEqual(s.epoch(seed: 1, epoch: 1, count: 300).count, 300)
    }

    func testUniformIndexIsUniform() {
        var rng = SplitMix64(seed: 5)
        var c = [0, 0, 0]
        for _ in 0..<30_000 { c[RandomDraws.uniformIndex(below: 3, &rng)] += 1 }
        for x in c { XCTAssertEqual(Double(x), 10_000, accuracy: 400) }
    }
}
