import Foundation
import XCTest
@testable import Data
import Formats

/// DICOM decoding against pixels computed independently by pydicom (tools/make_dicom_fixtures.py:
/// `pixel_array` → `apply_modality_lut` → VOI LUT / the PS3.3 C.11.2.1.2.1 window formula / numpy's
/// percentile rule → MONOCHROME1 inversion → floor(y + 0.5)), stored in Tests/Fixtures/dicom/expected.json.
final class DicomDecodeTests: XCTestCase {
    struct Expected: Decodable {
        struct Case: Decodable {
            var file: String
            var window_index: Int
            var frame: Int?
            var rule: String
            var window_low: Double?
            var window_high: Double?
            var width: Int
            var height: Int
            var channels: Int
            var pixels: [Int]
        }
        var patient_id: String
        var cases: [Case]
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/dicom").standardized

    static func fixture(_ name: String) -> URL { folder.appendingPathComponent(name) }

    static let expected: Expected = {
        let data = try! Data(contentsOf: fixture("expected.json"))
        return try! JSONDecoder().decode(Expected.self, from: data)
    }()

    /// The 8-bit values of a decoded image in the fixture's layout (gray: one a pixel, checked to be
    /// replicated to R, G, B; color: R, G, B a pixel).
    func values(_ image: RGBImage, channels: Int, file: String) -> [Int] {
        if channels == 3 { return image.pixels.map(Int.init) }
        XCTAssertTrue(image.isGray, "\(file): a monochrome DICOM must decode to gray")
        return stride(from: 0, to: image.pixels.count, by: 3).map { Int(image.pixels[$0]) }
    }

    /// Checks a case; `tolerance` is the largest allowed difference in gray levels.
    func check(_ c: Expected.Case, tolerance: Int, line: UInt = #line) throws -> ImageFacts {
        let options = DecodeOptions(window: .default, dicomWindowIndex: c.window_index, dicomFrame: c.frame)
        let (image, facts) = try ImageCodec.decodeWithFacts(contentsOf: Self.fixture(c.file), options: options)
        XCTAssertEqual(image.width, c.width, c.file, line: line)
        XCTAssertEqual(image.height, c.height, c.file, line: line)
        XCTAssertEqual(facts.format, .dicom, line: line)
        let got = values(image, channels: c.channels, file: c.file)
        XCTAssertEqual(got.count, c.pixels.count, c.file, line: line)
        let differences = zip(got, c.pixels).enumerated().filter { abs($0.element.0 - $0.element.1) > tolerance }
        let maxDifference = zip(got, c.pixels).map { abs($0 - $1) }.max() ?? 0
        XCTAssertTrue(differences.isEmpty, "\(c.file) (window \(c.window_index), frame \(String(describing: c.frame))): "
                      + "\(differences.count) of \(got.count) values differ by more than \(tolerance) (max \(maxDifference)); "
                      + "first (index, got, expected): \(differences.prefix(5).map { ($0.offset, $0.element.0, $0.element.1) })",
                      line: line)
        // The pixels must not be trivially constant: each fixture spans many levels.
        XCTAssertGreaterThan(Set(got).count, 20, "\(c.file): the fixture should span many gray levels", line: line)
        return facts
    }

    func testEveryFixtureMatchesPydicom() throws {
        XCTAssertGreaterThanOrEqual(Self.expected.cases.count, 15)
        for c in Self.expected.cases {
            // JPEG baseline is lossy: DCMTK's IJG decoder and pylibjpeg's libjpeg may round the
            // inverse DCT differently by one level. Everything else is exact.
            let tolerance = c.file.hasPrefix("jpeg_baseline") ? 1 : 0
            let facts = try check(c, tolerance: tolerance)
            switch c.rule {
            case "voi-lut": XCTAssertEqual(facts.windowSource, "DICOM VOI LUT", c.file)
            case "window": XCTAssertTrue(facts.windowSource.hasPrefix("DICOM window \(c.window_index + 1) of "), "\(c.file): \(facts.windowSource)")
            case "percentile": XCTAssertEqual(facts.windowSource, "percentile 0.5-99.5", c.file)
            case "as-stored": XCTAssertEqual(facts.windowSource, "8-bit as stored", c.file)
            default: break
            }
            if c.rule != "rgb", let low = c.window_low, let high = c.window_high {
                XCTAssertEqual(facts.windowLow, low, accuracy: 1e-9, c.file)
                XCTAssertEqual(facts.windowHigh, high, accuracy: 1e-9, c.file)
            }
        }
    }

    func testLossyYBRColorIsConvertedToRGB() throws {
        // dcmcjpeg stores RGB as YBR_FULL_422 JPEG; DCMTK converts back to RGB. Lossy (quality 95, 4:2:2
        // chroma) on a noisy 24x20 image: close to the uncompressed original, not equal.
        let original = try ImageCodec.decode(contentsOf: Self.fixture("rgb.dcm"))
        let (image, facts) = try ImageCodec.decodeWithFacts(contentsOf: Self.fixture("rgb_jpeg_baseline.dcm"))
        XCTAssertEqual(facts.channels, 3)
        XCTAssertEqual(facts.dicom?.transferSyntaxUID, "1.2.840.10008.1.2.4.50")
        let difference = image.meanAbsoluteDifference(to: original)
        XCTAssertLessThan(difference, 12, "mean absolute difference \(difference)")
        // Channel order: the blue channel of the original is the constant 77.
        let blue = stride(from: 2, to: image.pixels.count, by: 3).map { Double(image.pixels[$0]) }
        XCTAssertEqual(blue.reduce(0, +) / Double(blue.count), 77, accuracy: 6)
    }

    /// Timing on a real-size file, only when BREASTAI_DICOM_TIMING names one (not part of the suite).
    func testTimingOfALargeFile() throws {
        guard let path = ProcessInfo.processInfo.environment["BREASTAI_DICOM_TIMING"] else {
            throw XCTSkip("set BREASTAI_DICOM_TIMING to a DICOM file to time header reading and decoding")
        }
        let url = URL(fileURLWithPath: path)
        var start = Date()
        let header = try DicomFile.readHeader(contentsOf: url)
        let headerTime = Date().timeIntervalSince(start)
        start = Date()
        let (image, facts) = try ImageCodec.decodeWithFacts(contentsOf: url)
        let decodeTime = Date().timeIntervalSince(start)
        print("timing \(url.lastPathComponent): \(header.columns)x\(header.rows) \(header.transferSyntaxName): header "
              + String(format: "%.1f ms", headerTime * 1000) + ", decode + window " + String(format: "%.0f ms", decodeTime * 1000)
              + " (\(facts.windowSource), \(image.width)x\(image.height))")
    }

    func testWindowIndexSelectsTheSecondWindow() throws {
        let first = try ImageCodec.decode(contentsOf: Self.fixture("two_windows.dcm"))
        let second = try ImageCodec.decode(contentsOf: Self.fixture("two_windows.dcm"), options: DecodeOptions(dicomWindowIndex: 1))
        XCTAssertNotEqual(first, second)
        XCTAssertThrowsError(try ImageCodec.decode(contentsOf: Self.fixture("two_windows.dcm"), options: DecodeOptions(dicomWindowIndex: 2))) {
            XCTAssertTrue("\($0)".contains("window_index is 2 but the file has 2 window(s)"), "\($0)")
        }
    }

    func testMonochrome1IsInverted() throws {
        // The same window on inverted data: bright must stay dense. The fixture's first stored value
        // is the ramp's low end, so it decodes bright.
        let facts = try ImageCodec.decodeWithFacts(contentsOf: Self.fixture("mono1_12bit.dcm"))
        XCTAssertGreaterThan(facts.image.pixels[0], 200)
        XCTAssertEqual(facts.facts.dicom?.photometric, "MONOCHROME1")
    }

    func testMultiFrameIsRefusedUnlessAFrameIsChosen() throws {
        let url = Self.fixture("multiframe.dcm")
        XCTAssertThrowsError(try ImageCodec.decode(contentsOf: url)) { error in
            XCTAssertEqual("\(error)", "\(url.path): DICOM: 3 frames; set data.dicom.frame to choose one")
        }
        XCTAssertThrowsError(try ImageCodec.decode(contentsOf: url, options: DecodeOptions(dicomFrame: 3))) {
            XCTAssertTrue("\($0)".contains("data.dicom.frame is 3 but the file has 3 frame(s)"), "\($0)")
        }
        let frames = try (0 ..< 3).map { try ImageCodec.decode(contentsOf: url, options: DecodeOptions(dicomFrame: $0)) }
        XCTAssertNotEqual(frames[0], frames[1])
    }

    func testErrorsNameTheFileAndTheProblem() throws {
        let sr = Self.fixture("report_sr.dcm")
        XCTAssertThrowsError(try ImageCodec.decode(contentsOf: sr)) { error in
            XCTAssertEqual("\(error)", "\(sr.path): DICOM: DICOM file without Pixel Data: SOP class BasicTextSRStorage "
                           + "(1.2.840.10008.5.1.4.1.1.88.11) is not an image")
        }
        let j2k = Self.fixture("jpeg2000.dcm")
        XCTAssertThrowsError(try ImageCodec.decode(contentsOf: j2k)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("\(j2k.path): DICOM: transfer syntax JPEG 2000"), text)
            XCTAssertTrue(text.contains("cannot be decoded"), text)
        }
        // Truncated: the first 900 bytes of a 1.7 KB file (inside the pixel data) and 300 bytes (inside the header).
        let whole = try Data(contentsOf: Self.fixture("mono2_12bit_rescale.dcm"))
        let rle = try Data(contentsOf: Self.fixture("rle_12bit.dcm"))
        // Cut between two elements before the pixel data: DCMTK parses it as a complete data set.
        XCTAssertThrowsError(try ImageCodec.decode(data: rle.prefix(700), path: "cut.dcm")) { error in
            XCTAssertEqual("\(error)", "cut.dcm: DICOM: DICOM image attributes (24x20, 16 bits) but no Pixel Data: "
                           + "the file is truncated or damaged")
        }
        for length in [300, 900, whole.count - 1] {
            XCTAssertThrowsError(try ImageCodec.decode(data: whole.prefix(length), path: "cut.dcm")) { error in
                let text = "\(error)"
                XCTAssertTrue(text.hasPrefix("cut.dcm: DICOM: truncated DICOM file (DCMTK: "), text)
                XCTAssertFalse(text.contains("\n"), text)
            }
        }
    }

    func testPatientIDNeverAppearsInMessagesOrDescriptions() throws {
        let secret = Self.expected.patient_id
        var texts: [String] = []
        for name in ["report_sr.dcm", "jpeg2000.dcm", "multiframe.dcm"] {
            do { _ = try ImageCodec.decode(contentsOf: Self.fixture(name)) } catch { texts.append("\(error)") }
        }
        let whole = try Data(contentsOf: Self.fixture("mono2_12bit_rescale.dcm"))
        do { _ = try ImageCodec.decode(data: whole.prefix(900)) } catch { texts.append("\(error)") }
        let header = try DicomFile.readHeader(contentsOf: Self.fixture("mono2_12bit_rescale.dcm"))
        XCTAssertEqual(header.patientID, secret)
        texts.append(header.description)
        texts.append("\(header)")
        texts.append(String(reflecting: header))
        var dumped = ""
        dump(header, to: &dumped)
        texts.append(dumped)
        let facts = try ImageCodec.decodeWithFacts(contentsOf: Self.fixture("mono2_12bit_rescale.dcm")).facts
        texts.append("\(facts)")
        texts.append(String(reflecting: facts))
        XCTAssertEqual(texts.count, 10)
        for text in texts { XCTAssertFalse(text.contains(secret), text) }
        XCTAssertTrue(header.description.contains(DicomHeader.patientTag(secret)), header.description)
        XCTAssertEqual(DicomHeader.patientTag(secret), "patient#" + String(SHA256.hex(secret).prefix(8)))
    }

    func testHeaderWithoutPixels() throws {
        let header = try DicomFile.readHeader(contentsOf: Self.fixture("signed_16bit.dcm"))
        XCTAssertEqual(header.modality, "CT")
        XCTAssertEqual(header.photometric, "MONOCHROME2")
        XCTAssertEqual(header.viewPosition, "CC")
        XCTAssertEqual(header.laterality, "L")
        XCTAssertEqual(header.imageLaterality, "L")
        XCTAssertEqual(header.bitsAllocated, 16)
        XCTAssertEqual(header.bitsStored, 16)
        XCTAssertEqual(header.pixelRepresentation, 1)
        XCTAssertEqual(header.rows, 20)
        XCTAssertEqual(header.columns, 24)
        XCTAssertEqual(header.numberOfFrames, 1)
        XCTAssertEqual(header.windowCount, 1)
        XCTAssertEqual(header.studyInstanceUID, "1.2.826.0.1.3680043.8.498.1")
        XCTAssertEqual(header.seriesInstanceUID, "1.2.826.0.1.3680043.8.498.2")
        XCTAssertEqual(header.transferSyntaxUID, "1.2.840.10008.1.2.1")
        XCTAssertFalse(header.hasVOILUT)
        XCTAssertTrue(try DicomFile.readHeader(contentsOf: Self.fixture("voi_lut.dcm")).hasVOILUT)
        XCTAssertEqual(try DicomFile.readHeader(contentsOf: Self.fixture("two_windows.dcm")).windowCount, 2)
        XCTAssertEqual(try DicomFile.readHeader(contentsOf: Self.fixture("multiframe.dcm")).numberOfFrames, 3)
        XCTAssertEqual(try DicomFile.readHeader(contentsOf: Self.fixture("rle_12bit.dcm")).transferSyntaxUID, "1.2.840.10008.1.2.5")
        let sr = try DicomFile.readHeader(contentsOf: Self.fixture("report_sr.dcm"))
        XCTAssertFalse(sr.hasPixelData)
        XCTAssertEqual(sr.modality, "SR")
        XCTAssertThrowsError(try DicomFile.readHeader(contentsOf: Self.folder.appendingPathComponent("expected.json"))) {
            XCTAssertTrue("\($0)".hasPrefix(Self.fixture("expected.json").path + ": not a DICOM file (no DICM preamble; starts with '{"), "\($0)")
        }
        let tiff = TIFFDecodeTests.fixture("gray8.tif")
        XCTAssertThrowsError(try DicomFile.readHeader(contentsOf: tiff)) {
            XCTAssertEqual("\($0)", tiff.path + ": not a DICOM file (no DICM preamble; a TIFF file)")
        }
        XCTAssertEqual(try DicomFile.readHeader(contentsOf: Self.fixture("bare_dataset.raw")).bitsStored, 12)
        XCTAssertThrowsError(try DicomFile.readHeader(contentsOf: Self.fixture("missing.dcm"))) {
            XCTAssertEqual("\($0)", Self.fixture("missing.dcm").path + ": no such file")
        }
    }

    func testDetectionByContent() throws {
        let noExtension = try Data(contentsOf: Self.fixture("IM0001"))
        XCTAssertTrue(DicomFile.hasPreamble(noExtension))
        XCTAssertEqual(ImageCodec.format(of: noExtension), .dicom)
        XCTAssertFalse(DicomFile.hasPreamble(Data(repeating: 0, count: 131)))
        XCTAssertFalse(DicomFile.hasPreamble(try Data(contentsOf: Self.fixture("expected.json"))))
        // A data set without preamble or meta header (implicit VR, starting with (0008,0016)).
        let bare = Data([0x08, 0x00, 0x16, 0x00, 0x04, 0x00, 0x00, 0x00]) + Data("1.2\0".utf8)
        XCTAssertEqual(ImageCodec.format(of: bare), .dicom)
        XCTAssertEqual(ImageCodec.format(of: Data([0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0])), .tiff)
        XCTAssertEqual(ImageCodec.format(of: Data([0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8])), .tiff)
        XCTAssertThrowsError(try ImageCodec.decode(data: Data("hello world".utf8), path: "x.txt")) {
            XCTAssertEqual("\($0)", "x.txt: not a PNG, JPEG, TIFF or DICOM file (starts with 'hello world')")
        }
    }
}
