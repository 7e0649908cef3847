import Foundation
import XCTest
@testable import Data
@testable import Formats

/// PNG and JPEG decoding and encoding (ImageCodec over libpng and libjpeg). Every file is built in
/// the test with the encoders, so there are no fixtures.
final class ImageTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ImageTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: Helpers

    /// Deterministic bytes from a small LCG (independent of the code under test).
    private func noise(_ count: Int, seed: UInt32 = 1) -> [UInt8] {
        var state = seed
        return (0 ..< count).map { _ in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: state >> 24)
        }
    }

    /// A smooth color image (JPEG-friendly): gradients in x and y plus a soft disc.
    private func smoothImage(width: Int, height: Int) -> RGBImage {
        var image = RGBImage(width: width, height: height)
        for y in 0 ..< height {
            for x in 0 ..< width {
                let dx = Double(x - width / 2), dy = Double(y - height / 2)
                let disc = max(0, 1 - (dx * dx + dy * dy) / Double(width * width / 9))
                image[x, y] = (UInt8(x * 255 / (width - 1)), UInt8(y * 255 / (height - 1)), UInt8(60 + 150 * disc))
            }
        }
        return image
    }

    private func noiseImage(width: Int, height: Int, seed: UInt32 = 1) -> RGBImage {
        RGBImage(width: width, height: height, pixels: noise(width * height * 3, seed: seed))
    }

    private func write(_ data: Data, _ name: String) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    /// The byte range of the data of the first chunk of `type` in a PNG.
    private func chunkData(_ png: Data, _ type: String) -> Range<Int>? {
        let bytes = [UInt8](png)
        var offset = 8
        while offset + 8 <= bytes.count {
            let length = bytes[offset ..< offset + 4].reduce(0) { $0 << 8 | Int($1) }
            if String(decoding: bytes[offset + 4 ..< offset + 8], as: UTF8.self) == type {
                return offset + 8 ..< offset + 8 + length
            }
            offset += 12 + length
        }
        return nil
    }

    /// Asserts that decoding the file at `url` throws `.image` (or `kind`) whose one-line message is
    /// `path: problem` with `fragments` in the problem.
    private func assertRejects(
        _ url: URL, _ fragments: String..., io: Bool = false, file: StaticString = #filePath, line: UInt = #line
    ) {
        do {
            let image = try ImageCodec.decode(contentsOf: url)
            XCTFail("expected an error containing \(fragments), decoded \(image.width)x\(image.height)", file: file, line: line)
        } catch let error as RuntimeError {
            switch (error, io) {
            case (.image(let path, _), false), (.io(let path, _), true):
                XCTAssertEqual(path, url.path, file: file, line: line)
            default:
                return XCTFail("unexpected kind of error: \(error)", file: file, line: line)
            }
            let message = error.description
            XCTAssertTrue(message.hasPrefix(url.path + ": "), "message should start with the path: \(message)", file: file, line: line)
            XCTAssertFalse(message.contains("\n"), "message should be one line: \(message)", file: file, line: line)
            for fragment in fragments {
                XCTAssertTrue(message.contains(fragment), "'\(message)' should contain '\(fragment)'", file: file, line: line)
            }
        } catch {
            XCTFail("expected a RuntimeError, got \(error)", file: file, line: line)
        }
    }

    // MARK: PNG

    func testRGBPNGRoundTripIsExact() throws {
        let image = noiseImage(width: 37, height: 23)
        let data = ImageCodec.encodePNG(image)
        XCTAssertEqual(ImageCodec.format(of: data), .png)
        XCTAssertEqual(try ImageCodec.decode(data: data), image)
        let url = try write(data, "noise.png")
        XCTAssertEqual(try ImageCodec.decode(contentsOf: url), image)
    }

    func testGrayPNGRoundTripIsExact() throws {
        let gray = noise(19 * 41, seed: 7)
        let decoded = try ImageCodec.decode(data: ImageCodec.encodeGrayPNG(gray, width: 19, height: 41))
        XCTAssertEqual(decoded.width, 19)
        XCTAssertEqual(decoded.height, 41)
        XCTAssertTrue(decoded.isGray)
        XCTAssertEqual(decoded.grayPixels, gray)
        XCTAssertEqual(decoded, RGBImage(width: 19, height: 41, gray: gray))
    }

    /// With the fixed window [0, 65535] the 16-bit path gives the old linear scaling (v * 255 / 65535,
    /// rounded): this checks that 16-bit gray and RGB samples are read in the right order and byte order.
    func testSixteenBitPNGsWithTheFullFixedWindowAreRoundedToEightBits() throws {
        let full = DecodeOptions(window: .fixed(low: 0, high: 65535))
        let values: [UInt16] = [0, 1, 127, 128, 129, 255, 256, 0x7F7F, 0x8080, 0x80FF, 0xFEFF, 0xFF00, 0xFFFF]
            + noise(2 * 4 * 3 * 3 - 13, seed: 3).enumerated().map { UInt16($1) << 8 | UInt16($0 * 37 % 256) }
        let be = values.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let expected = values.map { UInt8((UInt32($0) * 255 + 32767) / 65535) }

        let rgb = try ImageCodec.encodeRawPNG(samples: be, width: 4, height: 6, bitDepth: 16, colorType: 2)
        XCTAssertEqual(try ImageCodec.decode(data: rgb, options: full).pixels, expected)

        let gray = try ImageCodec.encodeRawPNG(samples: be, width: 12, height: 6, bitDepth: 16, colorType: 0)
        XCTAssertEqual(try ImageCodec.decode(data: gray, options: full).grayPixels, expected)
    }

    func testPalettePNGsIncludingSubByteDepthsAndTransparency() throws {
        let palette: [UInt8] = [10, 20, 30, 200, 100, 50, 0, 255, 0, 255, 255, 255]
        // 8-bit indices.
        let indices: [UInt8] = [0, 1, 2, 3, 3, 2, 1, 0]
        let eight = try ImageCodec.encodeRawPNG(samples: indices, width: 4, height: 2, bitDepth: 8, colorType: 3, palette: palette)
        XCTAssertEqual(try ImageCodec.decode(data: eight).pixels, indices.flatMap { palette[Int($0) * 3 ..< Int($0) * 3 + 3] })
        // 2-bit indices, 4 a byte (first pixel in the high bits): rows 0 1 2 3 / 3 2 1 0.
        let two = try ImageCodec.encodeRawPNG(samples: [0b00_01_10_11, 0b11_10_01_00], width: 4, height: 2, bitDepth: 2,
                                              colorType: 3, palette: palette)
        XCTAssertEqual(try ImageCodec.decode(data: two).pixels, indices.flatMap { palette[Int($0) * 3 ..< Int($0) * 3 + 3] })
        // tRNS: entry 1 half transparent, entry 2 fully: composited on black.
        let trans = try ImageCodec.encodeRawPNG(samples: indices, width: 4, height: 2, bitDepth: 8, colorType: 3,
                                                palette: palette, transparency: [255, 128, 0])
        let alpha: [UInt32] = [255, 128, 0, 255]
        var expected: [UInt8] = []
        for i in indices.map(Int.init) {
            for c in 0 ..< 3 { expected.append(UInt8((UInt32(palette[i * 3 + c]) * alpha[i] + 127) / 255)) }
        }
        XCTAssertEqual(try ImageCodec.decode(data: trans).pixels, expected)
    }

    func testLowBitDepthGrayPNGsExpandToFullRange() throws {
        // 1-bit: 10110000 -> 255 0 255 255 0 0 0 0 (width 5 uses the first five).
        let one = try ImageCodec.encodeRawPNG(samples: [0b1011_0000], width: 5, height: 1, bitDepth: 1, colorType: 0)
        XCTAssertEqual(try ImageCodec.decode(data: one).grayPixels, [255, 0, 255, 255, 0])
        // 4-bit: v -> v * 17.
        let four = try ImageCodec.encodeRawPNG(samples: [0x0F, 0x58], width: 4, height: 1, bitDepth: 4, colorType: 0)
        XCTAssertEqual(try ImageCodec.decode(data: four).grayPixels, [0, 255, 85, 136])
    }

    func testAlphaIsCompositedOnBlack() throws {
        let rgba: [UInt8] = [200, 100, 50, 255, 200, 100, 50, 128, 200, 100, 50, 0, 1, 2, 3, 255]
        let decoded = try ImageCodec.decode(data: ImageCodec.encodeRawPNG(samples: rgba, width: 2, height: 2, bitDepth: 8, colorType: 6))
        XCTAssertEqual(decoded.pixels, [200, 100, 50, 100, 50, 25, 0, 0, 0, 1, 2, 3])

        let grayAlpha: [UInt8] = [90, 255, 90, 85, 90, 0]
        let gray = try ImageCodec.decode(data: ImageCodec.encodeRawPNG(samples: grayAlpha, width: 3, height: 1, bitDepth: 8, colorType: 4))
        XCTAssertEqual(gray.grayPixels, [90, 30, 0])

        // 16-bit RGBA: scaled, then composited.
        let rgba16: [UInt8] = [0xFF, 0xFF, 0x80, 0x80, 0x00, 0x00, 0xFF, 0xFF]
        let deep = try ImageCodec.decode(data: ImageCodec.encodeRawPNG(samples: rgba16, width: 1, height: 1, bitDepth: 16, colorType: 6))
        XCTAssertEqual(deep.pixels, [255, 128, 0])
    }

    func testInterlacedPNGDecodesLikeTheProgressiveOne() throws {
        let image = noiseImage(width: 29, height: 17, seed: 5)
        let interlaced = try ImageCodec.encodeRawPNG(samples: image.pixels, width: 29, height: 17, bitDepth: 8, colorType: 2, interlaced: true)
        XCTAssertNotEqual(interlaced, ImageCodec.encodePNG(image))
        XCTAssertEqual(try ImageCodec.decode(data: interlaced), image)
    }

    func testEncoderRejectsInvalidCombinations() {
        XCTAssertThrowsError(try ImageCodec.encodeRawPNG(samples: [0, 0], width: 1, height: 1, bitDepth: 16, colorType: 3,
                                                         palette: [0, 0, 0])) { error in
            XCTAssertTrue("\(error)".contains("cannot encode PNG (libpng: "), "\(error)")
        }
    }

    func testWritePNGIsAtomicAndReadable() throws {
        let url = directory.appendingPathComponent("out.png")
        let first = smoothImage(width: 16, height: 8)
        try ImageCodec.writePNG(first, to: url)
        let second = noiseImage(width: 5, height: 3)
        try ImageCodec.writePNG(second, to: url)
        XCTAssertEqual(try ImageCodec.decode(contentsOf: url), second)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["out.png"])
    }

    // MARK: JPEG

    func testJPEGRoundTripIsClose() throws {
        let image = smoothImage(width: 64, height: 48)
        let data = ImageCodec.encodeJPEG(image, quality: 95)
        XCTAssertEqual(ImageCodec.format(of: data), .jpeg)
        let decoded = try ImageCodec.decode(data: data)
        XCTAssertEqual(decoded.width, 64)
        XCTAssertEqual(decoded.height, 48)
        let error = decoded.meanAbsoluteDifference(to: image)
        XCTAssertLessThan(error, 2.0, "mean absolute error at quality 95")
        XCTAssertGreaterThan(decoded.meanAbsoluteDifference(to: RGBImage(width: 64, height: 48)), 50)
        // Lower quality, larger error, smaller file.
        let rough = ImageCodec.encodeJPEG(image, quality: 20)
        XCTAssertLessThan(rough.count, data.count)
        XCTAssertGreaterThan(try ImageCodec.decode(data: rough).meanAbsoluteDifference(to: image), error)

        let url = directory.appendingPathComponent("photo.jpg")
        try ImageCodec.writeJPEG(image, to: url, quality: 95)
        XCTAssertEqual(try ImageCodec.decode(contentsOf: url), decoded)
    }

    func testGrayJPEGDecodesToReplicatedGray() throws {
        let gray: [UInt8] = (0 ..< 40 * 30).map { (i: Int) -> UInt8 in UInt8(i % 40 * 5 + i / 40) }
        let decoded = try ImageCodec.decode(data: ImageCodec.encodeGrayJPEG(gray, width: 40, height: 30, quality: 95))
        XCTAssertTrue(decoded.isGray)
        XCTAssertLessThan(decoded.meanAbsoluteDifference(to: RGBImage(width: 40, height: 30, gray: gray)), 2.0)
    }

    func testCMYKJPEGIsConvertedToRGB() throws {
        // Adobe-inverted CMYK with K = 255 stored (no black ink): stored C, M, Y are R, G, B.
        let image = smoothImage(width: 32, height: 32)
        var cmyk: [UInt8] = []
        for i in 0 ..< 32 * 32 { cmyk += image.pixels[3 * i ..< 3 * i + 3] + [255] }
        let data = ImageCodec.encodeJPEG(samples: cmyk, width: 32, height: 32, components: 4, quality: 95)
        XCTAssertLessThan(try ImageCodec.decode(data: data).meanAbsoluteDifference(to: image), 2.0)
    }

    // MARK: Errors

    func testCorruptPNGIsAnError() throws {
        var data = ImageCodec.encodePNG(noiseImage(width: 20, height: 20))
        let idat = try XCTUnwrap(chunkData(data, "IDAT"))
        for i in stride(from: idat.lowerBound + 10, to: idat.lowerBound + 20, by: 3) { data[i] ^= 0xFF }
        // libpng inflates a chunk's data before it reaches the CRC, so zlib notices first.
        assertRejects(try write(data, "corrupt.png"), "corrupt PNG (libpng: IDAT: incorrect data check)")
        // A damaged header is caught by its CRC.
        var header = ImageCodec.encodePNG(noiseImage(width: 20, height: 20))
        header[try XCTUnwrap(chunkData(header, "IHDR")).lowerBound + 3] ^= 0x01
        assertRejects(try write(header, "header.png"), "corrupt PNG (libpng: IHDR: CRC error)")
    }

    func testCorruptCompressedDataWithValidCRCIsAnError() throws {
        // Recompute the CRC so that zlib, not the CRC check, sees the damage.
        var bytes = [UInt8](ImageCodec.encodePNG(noiseImage(width: 20, height: 20)))
        let idat = try XCTUnwrap(chunkData(Data(bytes), "IDAT"))
        for i in idat.lowerBound + 2 ..< idat.lowerBound + 40 { bytes[i] = 0xFF }
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes[idat.lowerBound - 4 ..< idat.upperBound] {
            crc ^= UInt32(byte)
            for _ in 0 ..< 8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        crc ^= 0xFFFF_FFFF
        for k in 0 ..< 4 { bytes[idat.upperBound + k] = UInt8(truncatingIfNeeded: crc >> (24 - 8 * k)) }
        assertRejects(try write(Data(bytes), "zlib.png"), "corrupt PNG (libpng: ")
    }

    func testTruncatedPNGIsAnError() throws {
        let data = ImageCodec.encodePNG(noiseImage(width: 30, height: 30))
        assertRejects(try write(data.prefix(data.count / 2), "half.png"), "truncated PNG (libpng: unexpected end of data)")
        assertRejects(try write(data.prefix(data.count - 12), "no-iend.png"), "truncated PNG")
        assertRejects(try write(data.prefix(20), "header.png"), "truncated PNG")
        assertRejects(try write(data.prefix(5), "signature.png"), "truncated PNG (only 5 bytes)")
    }

    func testTruncatedAndCorruptJPEGAreErrors() throws {
        let data = ImageCodec.encodeJPEG(smoothImage(width: 64, height: 64), quality: 90)
        assertRejects(try write(data.prefix(data.count / 2), "half.jpg"), "truncated JPEG (libjpeg: Premature end of JPEG file)")
        assertRejects(try write(data.prefix(40), "header.jpg"), "truncated JPEG")
        assertRejects(try write(data.prefix(2), "soi.jpg"), "JPEG (libjpeg: ")
        assertRejects(try write(Data([0xFF, 0xD8]) + Data(noise(200)), "garbage.jpg"), "corrupt JPEG (libjpeg: ")
    }

    func testNonImageFilesAreErrors() throws {
        assertRejects(try write(Data("hello\tworld\n".utf8), "text.png"), "not a PNG, JPEG, TIFF or DICOM file (starts with 'hello\\tworld\\n')")
        assertRejects(try write(Data("<html><body>not found</body></html>".utf8), "page.png"),
                      "not a PNG, JPEG, TIFF or DICOM file (starts with '<html><body>not '...)")
        assertRejects(try write(Data("GIF89a".utf8), "anim.gif"), "not a PNG, JPEG, TIFF or DICOM file (starts with 'GIF89a')")
        assertRejects(try write(Data([0, 1, 2, 0xFE, 4, 5, 6, 7, 8, 9]), "binary.jpg"), "not a PNG, JPEG, TIFF or DICOM file (starts with bytes 00 01 02 FE 04 05 06 07 ...)")
        assertRejects(try write(Data(), "empty.png"), "empty file, not an image")
        assertRejects(directory.appendingPathComponent("missing.png"), "no such file", io: true)
        assertRejects(directory, "is a directory", io: true)
    }

    func testErrorDescriptionIsPathThenProblem() {
        XCTAssertEqual(RuntimeError.image(path: "data/train/benign/x.png", problem: "truncated PNG").description,
                       "data/train/benign/x.png: truncated PNG")
        XCTAssertThrowsError(try ImageCodec.decode(data: Data("nope".utf8))) { error in
            XCTAssertEqual("\(error)", "<memory>: not a PNG, JPEG, TIFF or DICOM file (starts with 'nope')")
        }
    }

    // MARK: Threads

    func testConcurrentDecodingIsIndependent() throws {
        let images = (0 ..< 4).map { noiseImage(width: 50 + $0, height: 40, seed: UInt32($0 + 1)) }
        let pngs = images.map { ImageCodec.encodePNG($0) }
        let smooth = smoothImage(width: 64, height: 64)
        let jpeg = ImageCodec.encodeJPEG(smooth, quality: 90)
        let expectedJPEG = try ImageCodec.decode(data: jpeg)
        let truncatedPNG = pngs[0].prefix(pngs[0].count / 2)
        let truncatedJPEG = jpeg.prefix(jpeg.count / 2)

        let count = 200
        let lock = NSLock()
        nonisolated(unsafe) var failures: [String] = []
        DispatchQueue.concurrentPerform(iterations: count) { i in
            var problem: String?
            switch i % 4 {
            case 0:
                if (try? ImageCodec.decode(data: pngs[i / 4 % 4])) != images[i / 4 % 4] { problem = "PNG \(i) differs" }
            case 1:
                if (try? ImageCodec.decode(data: jpeg)) != expectedJPEG { problem = "JPEG \(i) differs" }
            case 2:
                do {
                    _ = try ImageCodec.decode(data: truncatedPNG, path: "t\(i).png")
                    problem = "truncated PNG \(i) decoded"
                } catch {
                    if "\(error)" != "t\(i).png: truncated PNG (libpng: unexpected end of data)" { problem = "\(error)" }
                }
            default:
                do {
                    _ = try ImageCodec.decode(data: truncatedJPEG, path: "t\(i).jpg")
                    problem = "truncated JPEG \(i) decoded"
                } catch {
                    if !"\(error)".hasPrefix("t\(i).jpg: truncated JPEG") { problem = "\(error)" }
                }
            }
            if let problem {
                lock.lock()
                failures.append(problem)
                lock.unlock()
            }
        }
        XCTAssertEqual(failures, [])
    }
}
