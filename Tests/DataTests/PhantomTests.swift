import Foundation
import XCTest
@testable import Data

/// The synthetic breast-ultrasound phantoms of the demo.
final class PhantomTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("phantom-tests-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func testLayoutCountsAndDecoding() throws {
        let counts = try Phantoms.write(to: root, perClass: .init(train: 3, val: 2, test: 1), size: 64, seed: 7)
        XCTAssertEqual(counts[.train], ["benign": 3, "malignant": 3, "normal": 3])
        XCTAssertEqual(counts[.val], ["benign": 2, "malignant": 2, "normal": 2])
        XCTAssertEqual(counts[.test], ["benign": 1, "malignant": 1, "normal": 1])
        let d = try Dataset.scan(dataDir: root, classNames: Phantoms.classNames)
        XCTAssertEqual(d.counts(.train), [3, 3, 3])
        XCTAssertEqual(d.counts(.val), [2, 2, 2])
        XCTAssertEqual(d.counts(.test), [1, 1, 1])
        XCTAssertEqual(d.warnings, [])
        XCTAssertEqual(d.train.first?.url.lastPathComponent, "benign_0000.png")
        XCTAssertEqual(d.train.last?.url.lastPathComponent, "normal_0002.png")
        for s in d.train + d.val! + d.test! {
            let image = try ImageCodec.decode(contentsOf: s.url)
            XCTAssertEqual(image.width, 64)
            XCTAssertEqual(image.height, 64)
            XCTAssertTrue(image.isGray)
        }
        // No temporary files left behind.
        let all = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }
        XCTAssertFalse(all.contains { $0.contains(".tmp-") })
    }

    func testDeterministicForASeed() throws {
        let a = root.appendingPathComponent("a"), b = root.appendingPathComponent("b"), c = root.appendingPathComponent("c")
        try Phantoms.write(to: a, perClass: .init(train: 2, val: 1, test: 1), size: 48, seed: 11)
        try Phantoms.write(to: b, perClass: .init(train: 2, val: 1, test: 1), size: 48, seed: 11)
        try Phantoms.write(to: c, perClass: .init(train: 2, val: 1, test: 1), size: 48, seed: 12)
        var differs = 0
        for split in ["train", "val", "test"] {
            for cls in Phantoms.classNames {
                let files = try FileManager.default.contentsOfDirectory(atPath: a.path + "/\(split)/\(cls)").sorted()
                XCTAssertFalse(files.isEmpty)
                for f in files {
                    let rel = "/\(split)/\(cls)/\(f)"
                    let da = try Data(contentsOf: URL(fileURLWithPath: a.path + rel))
                    XCTAssertEqual(da, try Data(contentsOf: URL(fileURLWithPath: b.path + rel)), rel)
                    if da != (try Data(contentsOf: URL(fileURLWithPath: c.path + rel))) { differs += 1 }
                }
            }
        }
        XCTAssertEqual(differs, 12, "another seed gives other images")
        // Images within one run differ from each other.
        let x = Phantoms.generate(.normal, size: 48, seed: Phantoms.imageSeed(11, split: 0, classIndex: 2, index: 0))
        let y = Phantoms.generate(.normal, size: 48, seed: Phantoms.imageSeed(11, split: 0, classIndex: 2, index: 1))
        XCTAssertNotEqual(x.gray, y.gray)
    }

    /// Mean of the darkest 5% of a 7x7 box-smoothed image below the fat layer (rows from 35%).
    private func darkestMean(_ p: Phantoms.Phantom) -> Double {
        let s = p.size, r = 3
        var values: [Double] = []
        for y in (s * 35 / 100)..<(s - r) {
            for x in r..<(s - r) {
                var sum = 0
                for dy in -r...r { for dx in -r...r { sum += Int(p.gray[(y + dy) * s + x + dx]) } }
                values.append(Double(sum) / Double((2 * r + 1) * (2 * r + 1)))
            }
        }
        values.sort()
        let k = max(1, values.count / 20)
        return values[..<k].reduce(0, +) / Double(k)
    }

    func testStatisticsSeparateClasses() {
        let n = 12, size = 96
        func phantoms(_ kind: Phantoms.Kind) -> [Phantoms.Phantom] {
            (0..<n).map { Phantoms.generate(kind, size: size, seed: UInt64(1000 + $0)) }
        }
        let benign = phantoms(.benign), malignant = phantoms(.malignant), normal = phantoms(.normal)
        func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(xs.count) }

        let darkB = mean(benign.map(darkestMean)), darkM = mean(malignant.map(darkestMean)), darkN = mean(normal.map(darkestMean))
        XCTAssertLessThan(darkB, 0.75 * darkN, "benign \(darkB) vs normal \(darkN)")
        XCTAssertLessThan(darkM, 0.75 * darkN, "malignant \(darkM) vs normal \(darkN)")

        XCTAssertTrue(normal.allSatisfy { !$0.mask.contains(true) })
        XCTAssertTrue((benign + malignant).allSatisfy { $0.mask.contains(true) })
        let irrB = benign.map { Phantoms.irregularity($0.mask, size: size) }
        let irrM = malignant.map { Phantoms.irregularity($0.mask, size: size) }
        XCTAssertGreaterThan(mean(irrM), 1.3 * mean(irrB), "malignant \(irrM) vs benign \(irrB)")
        XCTAssertGreaterThan(irrM.min()!, irrB.max()!, "every malignant mask more irregular than every benign one")

        // Posterior shadowing: below a malignant mass is darker than the same band beside it.
        // (Checked on the clean geometry through the mask: the rows just under the mask bottom.)
        var shadowRatios: [Double] = []
        for p in malignant {
            let s = p.size
            let rows = (0..<s).filter { y in (0..<s).contains { p.mask[y * s + $0] } }
            let cols = (0..<s).filter { x in (0..<s).contains { p.mask[$0 * s + x] } }
            let bottom = rows.max()!, cx = (cols.min()! + cols.max()!) / 2
            let y0 = min(s - 1, bottom + 3), y1 = min(s, bottom + 3 + s / 8)
            guard y1 > y0 else { continue }
            var under = 0.0, count = 0
            for y in y0..<y1 { for x in max(0, cx - 3)...min(s - 1, cx + 3) { under += Double(p.gray[y * s + x]); count += 1 } }
            under /= Double(count)
            var side = 0.0, sideCount = 0
            for y in y0..<y1 { for x in 0..<s where abs(x - cx) > s / 3 { side += Double(p.gray[y * s + x]); sideCount += 1 } }
            side /= Double(max(1, sideCount))
            shadowRatios.append(under / side)
        }
        XCTAssertLessThan(mean(shadowRatios), 0.8, "\(shadowRatios)")
    }

    func testBenignRimIsBright() {
        // Around the benign boundary the tissue is brighter than just inside it.
        var ratios: [Double] = []
        for i in 0..<8 {
            let p = Phantoms.generate(.benign, size: 96, seed: UInt64(50 + i))
            let s = p.size
            var edge = 0.0, ec = 0, inner = 0.0, ic = 0
            for y in 1..<(s - 1) {
                for x in 1..<(s - 1) where p.mask[y * s + x] {
                    let boundary = !p.mask[(y - 1) * s + x] || !p.mask[(y + 1) * s + x] || !p.mask[y * s + x - 1] || !p.mask[y * s + x + 1]
                    if boundary { edge += Double(p.gray[y * s + x]); ec += 1 } else { inner += Double(p.gray[y * s + x]); ic += 1 }
                }
            }
            ratios.append((edge / Double(ec)) / (inner / Double(ic)))
        }
        XCTAssertGreaterThan(ratios.reduce(0, +) / Double(ratios.count), 1.5, "\(ratios)")
    }
}

/// The lesion region the Grad-CAM measurement uses.
final class PhantomLesionMaskTests: XCTestCase {
    func testLesionMaskFollowsPreprocessing() throws {
        let p = Phantoms.phantom(.malignant, split: .test, index: 3, size: 96, seed: 7)
        XCTAssertEqual(p.image.pixels, Phantoms.generate(.malignant, size: 96, seed: Phantoms.imageSeed(7, split: 2, classIndex: 1, index: 3)).image.pixels)
        // Without crop and at the same size the region is the mask itself.
        XCTAssertEqual(Phantoms.lesionMask(p, preprocessor: Preprocessor(crop: false, clahe: false, size: 96)), p.mask)
        // Halving keeps the area fraction (within the boundary's sampling error).
        let half = Phantoms.lesionMask(p, preprocessor: Preprocessor(crop: false, clahe: false, size: 48))
        let a = Double(p.mask.filter { $0 }.count) / Double(p.mask.count), b = Double(half.filter { $0 }.count) / Double(half.count)
        XCTAssertGreaterThan(a, 0.01)
        XCTAssertEqual(a, b, accuracy: 0.01)
        // With the breast crop the mask moves with the box: the phantom framed in black is cropped.
        var gray = [UInt8](repeating: 0, count: 128 * 128), mask = [Bool](repeating: false, count: 128 * 128)
        for y in 0..<96 { for x in 0..<96 { gray[(y + 20) * 128 + x + 16] = max(p.gray[y * 96 + x], 30); mask[(y + 20) * 128 + x + 16] = p.mask[y * 96 + x] } }
        let framed = Phantoms.Phantom(size: 128, gray: gray, mask: mask)
        let box = try XCTUnwrap(Preprocess.breastBox(framed.image))
        XCTAssertLessThan(box.width * box.height, 128 * 128, "the black frame is cropped")
        let cropped = Phantoms.lesionMask(framed, preprocessor: Preprocessor(crop: true, clahe: false, size: 64))
        for y in 0..<64 {
            for x in 0..<64 {
                let sx = box.x + Int((Double(x) + 0.5) * Double(box.width) / 64), sy = box.y + Int((Double(y) + 0.5) * Double(box.height) / 64)
                XCTAssertEqual(cropped[y * 64 + x], mask[sy * 128 + sx])
            }
        }
        XCTAssertGreaterThan(cropped.filter { $0 }.count, 0)
        XCTAssertTrue(Phantoms.lesionMask(Phantoms.phantom(.normal, split: .test, index: 0, size: 96, seed: 7),
                                          preprocessor: Preprocessor(crop: true, clahe: false, size: 64)).allSatisfy { !$0 })
    }
}
