import XCTest
import Graph
@testable import Data

final class AugmentTests: XCTestCase {
    func ramp(_ w: Int, _ h: Int) -> FloatImage {
        FloatImage(width: w, height: h, values: (0..<(w * h * 3)).map { Float($0 % 97) / 96 })
    }

    func testFlipsAreInvolutionsAndMovePixels() {
        let img = ramp(5, 4)
        XCTAssertEqual(Augmentation.flipHorizontal(Augmentation.flipHorizontal(img)), img)
        XCTAssertEqual(Augmentation.flipVertical(Augmentation.flipVertical(img)), img)
        let h = Augmentation.flipHorizontal(img)
        XCTAssertEqual(h.values[h.index(0, 1, 2)], img.values[img.index(4, 1, 2)])
        let v = Augmentation.flipVertical(img)
        XCTAssertEqual(v.values[v.index(3, 0, 1)], img.values[img.index(3, 3, 1)])
    }

    func testAffineIdentityAndQuarterTurn() {
        let img = ramp(5, 5)
        XCTAssertEqual(Augmentation.affine(img, degrees: 0, translateX: 0, translateY: 0, scale: 1), img)
        // 90° counter-clockwise about the centre: output (x, y) reads source (cx - (y - cy), cy + (x - cx)).
        let r = Augmentation.affine(img, degrees: 90, translateX: 0, translateY: 0, scale: 1)
        XCTAssertEqual(r.values[r.index(0, 0, 0)], img.values[img.index(4, 0, 0)])
        XCTAssertEqual(r.values[r.index(4, 4, 1)], img.values[img.index(0, 4, 1)])
        // A translation by one pixel shifts and fills the border with 0.
        let t = Augmentation.affine(img, degrees: 0, translateX: 1, translateY: 0, scale: 1)
        XCTAssertEqual(t.values[t.index(0, 2, 0)], 0)
        XCTAssertEqual(t.values[t.index(3, 2, 0)], img.values[img.index(2, 2, 0)])
    }

    func testBrightnessAndContrastFollowTorchvision() {
        let img = FloatImage(width: 2, height: 1, values: [0.2, 0.4, 0.6, 0.8, 0.9, 1.0])
        let b = Augmentation.brightness(img, factor: 1.5)
        XCTAssertEqual(b.values[0], 0.3, accuracy: 1e-6)
        XCTAssertEqual(b.values[5], 1.0, accuracy: 1e-6)   // clamped
        // Gray mean = mean over pixels of 0.299 R + 0.587 G + 0.114 B.
        let mean = Float((0.299 * 0.2 + 0.587 * 0.4 + 0.114 * 0.6 + 0.299 * 0.8 + 0.587 * 0.9 + 0.114 * 1.0) / 2)
        let c = Augmentation.contrast(img, factor: 0.5)
        XCTAssertEqual(c.values[0], 0.5 * 0.2 + 0.5 * mean, accuracy: 1e-6)
        XCTAssertEqual(Augmentation.contrast(img, factor: 1), img)
    }

    func testErasingAreaAndDeterminism() {
        let img = FloatImage(width: 64, height: 64, values: [Float](repeating: 1, count: 64 * 64 * 3))
        var aug = Augmentation()
        aug.erasingProbability = 1
        for seed in 0..<20 {
            var rng = SplitMix64(seed: UInt64(seed))
            let e = aug.erase(img, rng: &rng)
            let zeros = e.values.filter { $0 == 0 }.count / 3
            XCTAssertGreaterThan(zeros, 0)
            XCTAssertLessThanOrEqual(Double(zeros), 0.09 * 64 * 64 + 64, "seed \(seed)")
        }
        var a = SplitMix64(seed: 7), b = SplitMix64(seed: 7)
        XCTAssertEqual(Augmentation().apply(ramp(16, 16), rng: &a), Augmentation().apply(ramp(16, 16), rng: &b))
    }
}
