import Foundation
import XCTest
import Graph
@testable import Data

/// Breast crop, CLAHE, resize, normalisation and the preprocessor's cache key, against hand-computed values.
final class PreprocessTests: XCTestCase {
    /// A black `w`×`h` gray image with the given rectangles filled with `value`.
    private func image(_ w: Int, _ h: Int, rects: [(x: Int, y: Int, w: Int, h: Int)], value: UInt8 = 200) -> RGBImage {
        var gray = [UInt8](repeating: 0, count: w * h)
        for r in rects {
            for y in r.y ..< r.y + r.h { for x in r.x ..< r.x + r.w { gray[y * w + x] = value } }
        }
        return RGBImage(width: w, height: h, gray: gray)
    }

    // MARK: Crop

    func testCropOfBrightRectangleIsItsBoxPlusPadding() {
        // 40×30 at (20, 10): aspect 1.33, pad Int(40 · 0.05) = 2 → 44×34 at (18, 8).
        let img = image(100, 80, rects: [(20, 10, 40, 30)])
        let box = Preprocess.breastBox(img)
        XCTAssertEqual(box?.x, 18); XCTAssertEqual(box?.y, 8)
        XCTAssertEqual(box?.width, 44); XCTAssertEqual(box?.height, 34)
        let out = Preprocess.breastCrop(img)
        XCTAssertEqual(out.width, 44); XCTAssertEqual(out.height, 34)
        XCTAssertEqual(out[0, 0].red, 0)
        XCTAssertEqual(out[2, 2].red, 200)
        XCTAssertEqual(out[41, 31].red, 200)
        XCTAssertEqual(out[42, 32].red, 0)
        XCTAssertEqual(out, Preprocess.crop(img, x: 18, y: 8, width: 44, height: 34))
    }

    func testCropPaddingIsClampedToTheImage() {
        let img = image(100, 80, rects: [(0, 0, 40, 30)])
        let box = Preprocess.breastBox(img)
        XCTAssertEqual(box?.x, 0); XCTAssertEqual(box?.y, 0)
        XCTAssertEqual(box?.width, 42); XCTAssertEqual(box?.height, 32)
    }

    func testNoForegroundKeepsTheWholeImage() {
        // 10 is not above the threshold.
        let img = image(60, 50, rects: [(5, 5, 30, 30)], value: 10)
        XCTAssertNil(Preprocess.breastBox(img))
        XCTAssertEqual(Preprocess.breastCrop(img), img)
    }

    func testElongatedComponentIsSkippedForTheNext() {
        // A 90×5 bar (area 450, aspect 18) and a 20×20 square (area 400): the square wins, pad 1.
        let img = image(100, 60, rects: [(5, 2, 90, 5), (40, 30, 20, 20)])
        let box = Preprocess.breastBox(img)
        XCTAssertEqual(box?.x, 39); XCTAssertEqual(box?.y, 29)
        XCTAssertEqual(box?.width, 22); XCTAssertEqual(box?.height, 22)
        // Only the bar: nothing qualifies, the image is kept.
        let barOnly = image(100, 60, rects: [(5, 2, 90, 5)])
        XCTAssertEqual(Preprocess.breastCrop(barOnly), barOnly)
    }

    func testDiagonalPixelsAreOneComponent() {
        // A 20-pixel diagonal is one 8-connected component with a 20×20 box, pad 1.
        var gray = [UInt8](repeating: 0, count: 50 * 50)
        for i in 0 ..< 20 { gray[(10 + i) * 50 + 10 + i] = 255 }
        let box = Preprocess.breastBox(RGBImage(width: 50, height: 50, gray: gray))
        XCTAssertEqual(box?.x, 9); XCTAssertEqual(box?.y, 9)
        XCTAssertEqual(box?.width, 22); XCTAssertEqual(box?.height, 22)
    }

    // MARK: CLAHE

    func testCLAHEOfConstantImageIsTheHandComputedConstant() {
        // 64×64, tiles of 8×8 = 64 px: clip = max(Int(2 · 64 / 256), 1) = 1; bin 100 keeps 1, the 63
        // excess go one each to bins 0, 4, …, 248 (step 256 / 63 = 4). cdf(100) = 26 + 1 = 27;
        // LUT = round(27 · 255 / 64) = round(107.58) = 108, the same in every tile.
        let img = RGBImage(width: 64, height: 64, red: 100, green: 100, blue: 100)
        let out = Preprocess.clahe(img)
        XCTAssertEqual(out, RGBImage(width: 64, height: 64, red: 108, green: 108, blue: 108))
        // Not a multiple of the grid (padding path): still constant.
        let odd = Preprocess.clahe(RGBImage(width: 61, height: 53, red: 100, green: 100, blue: 100))
        XCTAssertEqual(Set(odd.pixels).count, 1)
    }

    private func std(_ v: [UInt8]) -> Double {
        let m = v.reduce(0.0) { $0 + Double($1) } / Double(v.count)
        return (v.reduce(0.0) { $0 + (Double($1) - m) * (Double($1) - m) } / Double(v.count)).squareRoot()
    }

    func testCLAHEIncreasesContrastOfALowContrastRamp() {
        // Vertical ramp 100…115 over 256 rows (16 rows a level); tiles of 32×32, clip 8.
        let w = 256, h = 256
        let gray = (0 ..< w * h).map { UInt8(100 + ($0 / w) / 16) }
        let out = Preprocess.clahePlane(gray, width: w, height: h)
        XCTAssertGreaterThan(std(out), std(gray))
        // One tile: a single monotone LUT, so the ramp stays monotone.
        let single = Preprocess.clahePlane(gray, width: w, height: h, tiles: 1)
        XCTAssertGreaterThan(std(single), 2 * std(gray))
        for y in 1 ..< h { XCTAssertGreaterThanOrEqual(single[y * w], single[(y - 1) * w], "row \(y)") }
        XCTAssertGreaterThan(single[(h - 1) * w], single[0])
    }

    func testHugeClipLimitOnOneTileIsPlainHistogramEqualisation() {
        let w = 37, h = 23
        var state: UInt32 = 12345
        let gray: [UInt8] = (0 ..< w * h).map { _ in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(60 + (state >> 24) % 50)
        }
        let out = Preprocess.clahePlane(gray, width: w, height: h, clipLimit: 1e9, tiles: 1)
        var hist = [Int](repeating: 0, count: 256)
        for v in gray { hist[Int(v)] += 1 }
        var cdf = [Int](repeating: 0, count: 256)
        var sum = 0
        for i in 0 ..< 256 { sum += hist[i]; cdf[i] = sum }
        let expected = gray.map { UInt8((Double(cdf[Int($0)]) * 255 / Double(w * h)).rounded()) }
        XCTAssertEqual(out, expected)
    }

    func testLabRoundTripIsWithinOneLevel() {
        var worst = 0
        for r in stride(from: 0, through: 255, by: 15) {
            for g in stride(from: 0, through: 255, by: 15) {
                for b in stride(from: 0, through: 255, by: 15) {
                    let lab = Preprocess.rgbToLab(UInt8(r), UInt8(g), UInt8(b))
                    let back = Preprocess.labToRGB(l: lab.l, a: lab.a, b: lab.b)
                    worst = max(worst, abs(Int(back.r) - r), abs(Int(back.g) - g), abs(Int(back.b) - b))
                }
            }
        }
        XCTAssertLessThanOrEqual(worst, 1)
        // As the CLAHE path (L rounded to 8 bits): grays come back within 1 level. (Saturated
        // colours can move up to 4 levels from the 8-bit L, as in OpenCV.)
        for v in 0 ... 255 {
            let lab = Preprocess.rgbToLab(UInt8(v), UInt8(v), UInt8(v))
            let back = Preprocess.labToRGB(l: (lab.l * 255 / 100).rounded() * 100 / 255, a: lab.a, b: lab.b)
            XCTAssertLessThanOrEqual(max(abs(Int(back.r) - v), abs(Int(back.g) - v), abs(Int(back.b) - v)), 1, "gray \(v)")
        }
        // Known value: white is L 100, a = b = 0.
        let white = Preprocess.rgbToLab(255, 255, 255)
        XCTAssertEqual(white.l, 100, accuracy: 0.01)
        XCTAssertEqual(white.a, 0, accuracy: 0.01)
        XCTAssertEqual(white.b, 0, accuracy: 0.01)
    }

    func testColorCLAHEOfConstantImageIsConstantAndKeepsHue() {
        let img = RGBImage(width: 32, height: 32, red: 120, green: 90, blue: 80)
        let out = Preprocess.clahe(img)
        XCTAssertEqual(Set(stride(from: 0, to: out.pixels.count, by: 3).map { out.pixels[$0] }).count, 1)
        let p = out[0, 0]
        XCTAssertGreaterThan(p.red, p.green); XCTAssertGreaterThan(p.green, p.blue)
    }

    // MARK: Resize

    func testResizeOfConstantIsConstant() {
        let img = RGBImage(width: 37, height: 23, red: 77, green: 140, blue: 3)
        for filter in [Preprocess.ResizeFilter.bilinear, .lanczos] {
            XCTAssertEqual(Preprocess.resize(img, to: 16, filter: filter), RGBImage(width: 16, height: 16, red: 77, green: 140, blue: 3))
            XCTAssertEqual(Preprocess.resize(img, to: 50, filter: filter), RGBImage(width: 50, height: 50, red: 77, green: 140, blue: 3))
        }
    }

    func testCheckerDownscaledAverages() {
        // 2×2 checker → 1×1: both pixels weigh 0.75 on each axis, 127.5 rounds to 128.
        let img = RGBImage(width: 2, height: 2, gray: [0, 255, 255, 0])
        XCTAssertEqual(Preprocess.resize(img, to: 1), RGBImage(width: 1, height: 1, gray: [128]))
    }

    func testIdentitySizeIsIdentity() {
        let gray = (0 ..< 20 * 20).map { UInt8(($0 * 37) % 256) }
        let img = RGBImage(width: 20, height: 20, gray: gray)
        XCTAssertEqual(Preprocess.resize(img, to: 20), img)
        XCTAssertEqual(Preprocess.resize(img, to: 20, filter: .lanczos), img)
    }

    // MARK: Normalisation

    func testNormalizationOfBlackAndWhite() {
        let img = RGBImage(width: 2, height: 1, pixels: [0, 0, 0, 255, 255, 255])
        let v = Preprocess.normalizedNHWC(img)
        let expected: [Float] = [-0.485 / 0.229, -0.456 / 0.224, -0.406 / 0.225,
                                 0.515 / 0.229, 0.544 / 0.224, 0.594 / 0.225]
        XCTAssertEqual(v.count, 6)
        for (a, b) in zip(v, expected) { XCTAssertEqual(a, b, accuracy: 1e-5) }
        XCTAssertEqual(v[0], -2.117904, accuracy: 1e-5)
        XCTAssertEqual(v[3], 2.248908, accuracy: 1e-5)
    }

    // MARK: Preprocessor

    func testFNV1aKnownValues() {
        XCTAssertEqual(FNV1a64().hex, "cbf29ce484222325")
        var h = FNV1a64()
        h.add(Array("a".utf8))
        XCTAssertEqual(h.hex, "af63dc4c8601ec8c")
    }

    func testPreprocessorChainsAndCacheKeyIsStable() {
        let img = image(120, 90, rects: [(30, 20, 50, 40)])
        let p = Preprocessor(crop: true, clahe: true, size: 32)
        let out = p(img)
        XCTAssertEqual(out.width, 32); XCTAssertEqual(out.height, 32)
        let manual = Preprocess.resize(Preprocess.clahe(Preprocess.breastCrop(img)), to: 32)
        XCTAssertEqual(out, manual)

        let bytes: [UInt8] = Array("some file".utf8)
        let key = p.cacheKey(fileData: bytes)
        XCTAssertEqual(key.count, 16)
        XCTAssertEqual(key, p.cacheKey(fileData: Data(bytes)))
        XCTAssertEqual(key, Preprocessor(crop: true, clahe: true, size: 32).cacheKey(fileData: bytes))
        XCTAssertNotEqual(key, Preprocessor(crop: false, clahe: true, size: 32).cacheKey(fileData: bytes))
        XCTAssertNotEqual(key, Preprocessor(crop: true, clahe: false, size: 32).cacheKey(fileData: bytes))
        XCTAssertNotEqual(key, Preprocessor(crop: true, clahe: true, size: 64).cacheKey(fileData: bytes))
        XCTAssertNotEqual(key, p.cacheKey(fileData: Array("some filf".utf8)))
    }
}
