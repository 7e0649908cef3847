import Foundation
import XCTest
@testable import Data
@testable import Formats

/// 16-bit PNG windowing by `data.intensity_window` against values computed here from the raw
/// samples by the direct formula, the few-levels and empty-window warnings, and how warnings and
/// decode options travel through the image cache and the preflight.
final class IntensityWindowTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("IntensityWindowTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Deterministic 16-bit samples in `range` (a linear congruential generator).
    private func samples(_ count: Int, in range: ClosedRange<Int>, seed: UInt64) -> [UInt16] {
        var state = seed &* 6364136223846793005 &+ 1442695040888963407
        return (0 ..< count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt16(range.lowerBound + Int(state >> 33) % (range.count))
        }
    }

    private func png16(_ values: [UInt16], width: Int, height: Int, colorType: Int = 0) throws -> Data {
        try ImageCodec.encodeRawPNG(samples: values.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] },
                                    width: width, height: height, bitDepth: 16, colorType: colorType)
    }

    /// The direct formula: clamp(round((v - low) / (high - low) * 255), 0, 255), halves rounded up.
    private func reference(_ values: [UInt16], low: Double, high: Double) -> [UInt8] {
        values.map { v in
            let y = (Double(v) - low) / (high - low) * 255
            return UInt8(max(0, min(255, (y + 0.5).rounded(.down))))
        }
    }

    /// numpy's percentile (linear) written plainly over the sorted samples.
    private func percentile(_ values: [UInt16], _ p: Double) -> Double {
        let sorted = values.map(Double.init).sorted()
        let position = p / 100 * Double(sorted.count - 1)
        let i = Int(position.rounded(.down)), j = min(i + 1, sorted.count - 1)
        return sorted[i] + (sorted[j] - sorted[i]) * (position - Double(i))
    }

    private func grayValues(_ image: RGBImage) -> [UInt8] {
        XCTAssertTrue(image.isGray)
        return stride(from: 0, to: image.pixels.count, by: 3).map { image.pixels[$0] }
    }

    func testGrayMinmaxPercentileAndFixedWindows() throws {
        // A 12-bit-like range with a few outliers, so the three rules give different windows.
        var values = samples(40 * 30, in: 900 ... 3800, seed: 1)
        values[7] = 60000
        values[100] = 5
        values[555] = 65535
        let data = try png16(values, width: 40, height: 30)
        let minmax = try ImageCodec.decodeWithFacts(data: data, options: DecodeOptions(window: .minmax))
        XCTAssertEqual(grayValues(minmax.image), reference(values, low: 5, high: 65535))
        XCTAssertEqual(minmax.facts.windowSource, "minmax")
        XCTAssertEqual(minmax.facts.sourceMin, 5)
        XCTAssertEqual(minmax.facts.sourceMax, 65535)
        XCTAssertEqual(minmax.facts.bitsStored, 16)
        XCTAssertEqual(minmax.facts.channels, 1)

        let low = percentile(values, 0.5), high = percentile(values, 99.5)
        let percent = try ImageCodec.decodeWithFacts(data: data)  // the default rule
        XCTAssertEqual(percent.facts.windowSource, "percentile 0.5-99.5")
        XCTAssertEqual(percent.facts.windowLow, low, accuracy: 1e-9)
        XCTAssertEqual(percent.facts.windowHigh, high, accuracy: 1e-9)
        XCTAssertEqual(grayValues(percent.image), reference(values, low: low, high: high))
        XCTAssertGreaterThan(percent.facts.distinctLevels, 200)
        XCTAssertEqual(percent.facts.warnings, [])

        let fixed = try ImageCodec.decodeWithFacts(data: data, options: DecodeOptions(window: .fixed(low: 1000, high: 3000)))
        XCTAssertEqual(grayValues(fixed.image), reference(values, low: 1000, high: 3000))
        XCTAssertEqual(fixed.facts.windowSource, "fixed 1000-3000")
        // Not the old /257 scaling.
        XCTAssertNotEqual(grayValues(percent.image), values.map { UInt8((UInt32($0) * 255 + 32767) / 65535) })
    }

    func testRGBSixteenBitSharesOneWindowAcrossChannels() throws {
        let values = samples(9 * 7 * 3, in: 20000 ... 30000, seed: 2)
        let data = try png16(values, width: 9, height: 7, colorType: 2)
        let decoded = try ImageCodec.decodeWithFacts(data: data, options: DecodeOptions(window: .minmax))
        let low = Double(values.min()!), high = Double(values.max()!)
        XCTAssertEqual(decoded.image.pixels, reference(values, low: low, high: high))
        XCTAssertEqual(decoded.facts.channels, 3)
    }

    func testGrayAlphaSixteenBitIsCompositedOnBlackThenWindowed() throws {
        // Gray+alpha: pairs (value, alpha).
        let gray = samples(6 * 5, in: 0 ... 65535, seed: 3), alpha = samples(6 * 5, in: 0 ... 65535, seed: 4)
        let interleaved = zip(gray, alpha).flatMap { [$0, $1] }
        let data = try png16(interleaved, width: 6, height: 5, colorType: 4)
        let composited = zip(gray, alpha).map { UInt16((UInt64($0) * UInt64($1) + 32767) / 65535) }
        let decoded = try ImageCodec.decode(data: data, options: DecodeOptions(window: .fixed(low: 0, high: 65535)))
        XCTAssertEqual(grayValues(decoded), reference(composited, low: 0, high: 65535))
    }

    func testFewLevelsAndEmptyWindowsWarn() throws {
        // 10 distinct 16-bit values: fewer than 32 levels whatever the window.
        let few: [UInt16] = (0 ..< 600).map { (i: Int) -> UInt16 in UInt16(1000 + 100 * (i % 10)) }
        let decoded = try ImageCodec.decodeWithFacts(data: png16(few, width: 30, height: 20))
        XCTAssertEqual(decoded.facts.distinctLevels, 10)
        XCTAssertEqual(decoded.facts.warnings.count, 1)
        XCTAssertTrue(decoded.facts.warnings[0].hasPrefix("only 10 distinct gray levels after windowing (percentile 0.5-99.5"),
                      decoded.facts.warnings[0])

        // A constant image: high == low, all black, two warnings (empty window, 1 level).
        let flat = try ImageCodec.decodeWithFacts(data: png16([UInt16](repeating: 4242, count: 100), width: 10, height: 10))
        XCTAssertEqual(flat.image.pixels, [UInt8](repeating: 0, count: 300))
        XCTAssertEqual(flat.facts.warnings.count, 2)
        XCTAssertTrue(flat.facts.warnings[0].hasPrefix("empty intensity window (percentile 0.5-99.5: low = high = 4242)"),
                      flat.facts.warnings[0])

        // An 8-bit PNG is used as stored, and warned about too when it has few levels.
        let levels: [UInt8] = (0 ..< 400).map { (i: Int) -> UInt8 in UInt8((i % 5) * 60) }
        let eight = ImageCodec.encodeGrayPNG(levels, width: 20, height: 20)
        let stored = try ImageCodec.decodeWithFacts(data: eight)
        XCTAssertEqual(stored.facts.windowSource, "8-bit as stored")
        XCTAssertEqual(stored.facts.distinctLevels, 5)
        XCTAssertEqual(stored.facts.warnings.count, 1)
    }

    func testPhantomsDecodeAsStoredWithoutWarnings() throws {
        for (i, kind) in Phantoms.Kind.allCases.enumerated() {
            let phantom = Phantoms.generate(kind, size: 96, seed: UInt64(i + 1))
            let decoded = try ImageCodec.decodeWithFacts(data: ImageCodec.encodePNG(phantom.image))
            XCTAssertEqual(decoded.image, phantom.image)
            XCTAssertEqual(decoded.facts.warnings, [], "\(kind)")
        }
    }

    func testCacheKeyFollowsDecodeOptionsAndWarningsSurviveAHit() throws {
        let few: [UInt16] = (0 ..< 64 * 64).map { (i: Int) -> UInt16 in UInt16(1000 + 100 * (i % 10)) }
        let file = directory.appendingPathComponent("few.png")
        try png16(few, width: 64, height: 64).write(to: file)
        let bytes = try Data(contentsOf: file)
        let base = Preprocessor(crop: false, clahe: false, size: 48)
        let fixed = Preprocessor(crop: false, clahe: false, size: 48, decoding: DecodeOptions(window: .fixed(low: 0, high: 2000)))
        let frame = Preprocessor(crop: false, clahe: false, size: 48, decoding: DecodeOptions(dicomFrame: 1))
        let index = Preprocessor(crop: false, clahe: false, size: 48, decoding: DecodeOptions(dicomWindowIndex: 1))
        let keys = Set([base, fixed, frame, index].map { $0.cacheKey(fileData: bytes) })
        XCTAssertEqual(keys.count, 4)

        let cache = try ImageCache(directory: directory.appendingPathComponent("cache"), preprocessor: base)
        let miss = try cache.loadWithWarnings(file)
        XCTAssertEqual(miss.warnings.count, 1)
        let fresh = try ImageCache(directory: directory.appendingPathComponent("cache"), preprocessor: base)
        let hit = try fresh.loadWithWarnings(file)
        XCTAssertEqual(fresh.hits, 1)
        XCTAssertEqual(hit.image, miss.image)
        XCTAssertEqual(hit.warnings, miss.warnings)

        let samples = [Dataset.Sample(url: file, label: 0)]
        let result = try DataPreflight.run(samples: samples, split: "train", cache: fresh, threads: 1)
        XCTAssertEqual(result.warnings.map(\.url), [file])
        let lines = result.warningLines()
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines[0], "1 image with decoding warnings (1 warning):")
        XCTAssertTrue(lines[1].hasPrefix(file.path + ": only 10 distinct gray levels"), lines[1])
    }
}
