import Foundation
import XCTest
@testable import Data
import Graph

/// The 64-bit DCT perceptual hash: its DCT against the textbook formula, and its distances on the
/// demo phantoms (the measurement behind `DatasetValidator.defaultNearDistance`).
final class PerceptualHashTests: XCTestCase {
    /// The separable low-frequency DCT equals the direct double sum
    /// D[u][v] = Σ_y Σ_x g[y][x]·cos(π(2x+1)v/64)·cos(π(2y+1)u/64) on a random 32 x 32 input.
    func testDCTMatchesTheDirectFormula() {
        var rng = SplitMix64(seed: 11)
        let n = PerceptualHash.side
        let g = (0 ..< n * n).map { _ in Double(rng.next() % 256) }
        let fast = PerceptualHash.lowFrequencies(g)
        var worst = 0.0
        for u in 1...8 {
            for v in 1...8 {
                var s = 0.0
                for y in 0..<n {
                    for x in 0..<n {
                        let cx: Double = cos(Double.pi * Double(2 * x + 1) * Double(v) / Double(2 * n))
                        let cy: Double = cos(Double.pi * Double(2 * y + 1) * Double(u) / Double(2 * n))
                        s += g[y * n + x] * cx * cy
                    }
                }
                worst = max(worst, abs(s - fast[(u - 1) * 8 + (v - 1)]))
            }
        }
        XCTAssertLessThan(worst, 1e-6, "max |separable - direct| over the 64 coefficients")
    }

    /// The area average of a 64 x 64 image onto 32 x 32 is the mean of each 2 x 2 block; a 10 x 10
    /// image repeats its pixels.
    func testDownscale() {
        let gray = (0 ..< 64 * 64).map { UInt8($0 % 251) }
        let small = PerceptualHash.downscale(gray, width: 64, height: 64)
        for (i, j) in [(0, 0), (5, 17), (31, 31)] {
            let block = [gray[2 * i * 64 + 2 * j], gray[2 * i * 64 + 2 * j + 1], gray[(2 * i + 1) * 64 + 2 * j], gray[(2 * i + 1) * 64 + 2 * j + 1]]
            XCTAssertEqual(small[i * 32 + j], Double(block.map(Int.init).reduce(0, +)) / 4, accuracy: 1e-9)
        }
        let tiny = (0 ..< 100).map { UInt8($0) }
        let up = PerceptualHash.downscale(tiny, width: 10, height: 10)
        XCTAssertEqual(up[0], 0)
        XCTAssertEqual(up[31 * 32 + 31], 99)
    }

    func testIdenticalPixelsGiveTheSameHashAndHexRoundTrips() {
        let p = Phantoms.generate(.benign, size: 96, seed: 3).image
        let copy = RGBImage(width: p.width, height: p.height, pixels: p.pixels)
        XCTAssertEqual(PerceptualHash.hash(p), PerceptualHash.hash(copy))
        let h = PerceptualHash.hash(p)
        XCTAssertEqual(UInt64(PerceptualHash.hex(h), radix: 16), h)
        XCTAssertEqual(PerceptualHash.hex(1), "0000000000000001")
        XCTAssertEqual(PerceptualHash.distance(0, ~0), 64)
    }

    /// On 300 phantoms (100 per class, 160 px): a JPEG re-encode (quality 85), a 0.9x resize and
    /// +5% brightness stay within `defaultNearDistance`, and every pair of different phantoms is
    /// farther. Prints both distributions (the report's measurement).
    func testCopiesAreNearAndDifferentPhantomsAreFar() {
        let d = DatasetValidator.defaultNearDistance
        var originals: [UInt64] = [], copies: [String: [Int]] = ["jpeg85": [], "resize0.9": [], "bright+5%": []]
        for (k, kind) in Phantoms.Kind.allCases.enumerated() {
            for i in 0..<100 {
                let image = Phantoms.generate(kind, size: 160, seed: Phantoms.imageSeed(99, split: 0, classIndex: k, index: i)).image
                let h = PerceptualHash.hash(image)
                originals.append(h)
                let jpeg = try! ImageCodec.decode(data: ImageCodec.encodeJPEG(image, quality: 85))
                copies["jpeg85"]!.append(PerceptualHash.distance(h, PerceptualHash.hash(jpeg)))
                let small = Preprocess.resize(image, width: 144, height: 144)
                copies["resize0.9"]!.append(PerceptualHash.distance(h, PerceptualHash.hash(small)))
                var bright = image
                bright.pixels = image.pixels.map { UInt8(min(255, (Double($0) * 1.05).rounded())) }
                copies["bright+5%"]!.append(PerceptualHash.distance(h, PerceptualHash.hash(bright)))
            }
        }
        var different: [Int] = []
        for i in originals.indices { for j in i + 1 ..< originals.count { different.append(PerceptualHash.distance(originals[i], originals[j])) } }
        func summary(_ v: [Int]) -> String {
            let s = v.sorted()
            return "min \(s.first!) p1 \(s[s.count / 100]) median \(s[s.count / 2]) p99 \(s[s.count * 99 / 100]) max \(s.last!) (n \(s.count))"
        }
        for (name, v) in copies.sorted(by: { $0.key < $1.key }) {
            print("pHash distance, phantom vs \(name): \(summary(v))")
            XCTAssertLessThanOrEqual(v.max()!, d, "\(name): a copy farther than the default near distance \(d)")
        }
        print("pHash distance, different phantoms: \(summary(different)); pairs <= \(d): \(different.filter { $0 <= d }.count)")
        XCTAssertGreaterThan(different.min()!, d, "two different phantoms within the default near distance \(d)")
    }
}
