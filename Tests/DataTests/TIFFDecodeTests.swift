import Foundation
import XCTest
@testable import Data
import Formats

/// TIFF through libtiff against the samples written by tools/make_tiff_fixtures.py (Pillow and a
/// small hand-written encoder for 16-bit RGB, tiles, planes and big-endian strips): 8-bit files as
/// stored, 16-bit files windowed by the direct formula computed here from the stored samples.
final class TIFFDecodeTests: XCTestCase {
    struct Expected: Decodable {
        struct Case: Decodable {
            var file: String
            var bits: Int
            var channels: Int
            var width: Int
            var height: Int
            var samples: [Int]
        }
        var cases: [Case]
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/tiff").standardized

    static func fixture(_ name: String) -> URL { folder.appendingPathComponent(name) }

    func testEveryFixtureMatchesItsSamples() throws {
        let data = try Data(contentsOf: Self.fixture("expected.json"))
        let expected = try JSONDecoder().decode(Expected.self, from: data)
        XCTAssertEqual(expected.cases.count, 8)
        for c in expected.cases {
            let rule = IntensityWindow.minmax
            let (image, facts) = try ImageCodec.decodeWithFacts(contentsOf: Self.fixture(c.file), options: DecodeOptions(window: rule))
            XCTAssertEqual(facts.format, .tiff, c.file)
            XCTAssertEqual(image.width, c.width, c.file)
            XCTAssertEqual(image.height, c.height, c.file)
            XCTAssertEqual(facts.bitsStored, c.bits, c.file)
            var want: [Int]
            if c.bits == 8 {
                want = c.samples
                XCTAssertEqual(facts.windowSource, "8-bit as stored", c.file)
            } else {
                let low = Double(c.samples.min()!), high = Double(c.samples.max()!)
                want = c.samples.map { v in Int(max(0, min(255, ((Double(v) - low) / (high - low) * 255 + 0.5).rounded(.down)))) }
                XCTAssertEqual(facts.windowSource, "minmax", c.file)
                XCTAssertEqual(facts.sourceMin, low, c.file)
                XCTAssertEqual(facts.sourceMax, high, c.file)
            }
            let got: [Int]
            if c.channels == 1 {
                XCTAssertTrue(image.isGray, c.file)
                got = stride(from: 0, to: image.pixels.count, by: 3).map { Int(image.pixels[$0]) }
            } else {
                got = image.pixels.map(Int.init)
            }
            XCTAssertEqual(got.count, want.count, c.file)
            let wrong = zip(got, want).enumerated().filter { $0.element.0 != $0.element.1 }
            XCTAssertTrue(wrong.isEmpty, "\(c.file): \(wrong.count) values differ; first (index, got, expected): "
                          + "\(wrong.prefix(5).map { ($0.offset, $0.element.0, $0.element.1) })")
        }
    }

    func testMultiPageAndBrokenFilesAreRefusedNamingTheFile() throws {
        let pages = Self.fixture("three_pages.tif")
        XCTAssertThrowsError(try ImageCodec.decode(contentsOf: pages)) { error in
            XCTAssertEqual("\(error)", "\(pages.path): TIFF: 3 pages; multi-page TIFF is not supported (save one page per file)")
        }
        let whole = try Data(contentsOf: Self.fixture("gray16.tif"))
        for cut in [6, 100, whole.count - 20] {
            XCTAssertThrowsError(try ImageCodec.decode(data: whole.prefix(cut), path: "cut.tif")) { error in
                XCTAssertTrue("\(error)".hasPrefix("cut.tif: TIFF: "), "\(error)")
                XCTAssertFalse("\(error)".contains("\n"))
            }
        }
    }

    func testTIFFAndDICOMDecodeFromSeveralThreadsAtOnce() throws {
        let files = ["gray16_tiled.tif", "rgb8_lzw.tif"].map(Self.fixture)
            + ["jpegls_12bit.dcm", "rle_12bit.dcm", "jpeg_baseline_8bit.dcm", "rgb.dcm"].map(DicomDecodeTests.fixture)
        let reference = try files.map { try ImageCodec.decode(contentsOf: $0) }
        let results = Results(count: 48)
        DispatchQueue.concurrentPerform(iterations: 48) { i in
            results.set(i, try? ImageCodec.decode(contentsOf: files[i % files.count]))
        }
        for i in 0 ..< 48 { XCTAssertEqual(results.get(i), reference[i % files.count], files[i % files.count].lastPathComponent) }
    }

    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var images: [RGBImage?]
        init(count: Int) { images = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ image: RGBImage?) { lock.withLock { images[i] = image } }
        func get(_ i: Int) -> RGBImage? { lock.withLock { images[i] } }
    }
}
