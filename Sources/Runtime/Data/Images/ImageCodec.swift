import CImageCodecs
import Foundation
import Formats

/// Image decoding to 8-bit `RGBImage` — PNG and JPEG (libpng, libjpeg), TIFF (libtiff) through the
/// C target CImageCodecs, DICOM through DCMTK (CDicom, see `DicomFile`) — and PNG/JPEG encoding.
/// Safe to call from several threads at once.
///
/// Decoding picks the format from the content, not the file name: the PNG signature, the JPEG
/// start-of-image marker FF D8, TIFF's `II*\0` / `MM\0*`, DICOM's "DICM" at byte 128 (or a data set
/// without preamble starting with a group 0002/0008 element). 8-bit images (every JPEG; PNG and TIFF
/// of 8 bits or fewer) are used as stored: gray is replicated, palettes expanded, alpha composited on
/// black, gamma and color profiles ignored. 16-bit PNG and TIFF samples are windowed to 8 bits by
/// `DecodeOptions.window` (`SampleWindowing`); DICOM follows its own VOI (see `DicomFile.decode`).
/// Failures are `RuntimeError.image(path:problem:)` naming the detected format (or `.io` when the
/// file cannot be read).
public enum ImageCodec {
    /// The formats `decode` understands.
    public enum Format: String, Sendable {
        case png = "PNG"
        case jpeg = "JPEG"
        case tiff = "TIFF"
        case dicom = "DICOM"
    }

    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The format of encoded bytes by their first bytes (132 are enough), or nil if none.
    public static func format(of data: Data) -> Format? {
        if data.starts(with: pngSignature) { return .png }
        if data.starts(with: [0xFF, 0xD8]) { return .jpeg }
        if data.starts(with: [0x49, 0x49, 0x2A, 0x00]) || data.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        if DicomFile.hasPreamble(data) || DicomFile.looksLikeBareDataSet(data) { return .dicom }
        return nil
    }

    /// Reads and decodes the image file at `url`.
    public static func decode(contentsOf url: URL, options: DecodeOptions = .default) throws -> RGBImage {
        try decodeWithFacts(contentsOf: url, options: options).image
    }

    /// Reads and decodes the image file at `url`, with what decoding learned about it.
    public static func decodeWithFacts(contentsOf url: URL, options: DecodeOptions = .default) throws
        -> (image: RGBImage, facts: ImageFacts) {
        try decodeWithFacts(data: read(url), path: url.path, options: options)
    }

    /// Decodes image bytes; `path` only labels error messages.
    public static func decode(data: Data, path: String = "<memory>", options: DecodeOptions = .default) throws -> RGBImage {
        try decodeWithFacts(data: data, path: path, options: options).image
    }

    /// Decodes image bytes with their facts; `path` only labels error messages.
    public static func decodeWithFacts(data: Data, path: String = "<memory>", options: DecodeOptions = .default) throws
        -> (image: RGBImage, facts: ImageFacts) {
        func fail(_ problem: String) -> RuntimeError { .image(path: path, problem: problem) }
        guard let format = format(of: data) else {
            if data.isEmpty { throw fail("empty file, not an image") }
            if data.count < pngSignature.count && pngSignature.starts(with: data) {
                throw fail("truncated PNG (only \(data.count) bytes)")
            }
            throw fail("not a PNG, JPEG, TIFF or DICOM file (starts with \(describePrefix(data)))")
        }
        switch format {
        case .dicom:
            return try DicomFile.decode(data: data, path: path, options: options)
        case .png where data.count > 24 && data[data.startIndex + 24] == 16:
            var samples = ba_samples()
            let (status, message) = callWithMessage { message, size in
                data.withUnsafeBytes { raw in
                    ba_png_decode16(raw.bindMemory(to: UInt8.self).baseAddress, raw.count, &samples, message, size)
                }
            }
            guard status == 0 else { throw fail(message) }
            defer { ba_samples_free(&samples) }
            return windowed(samples, format: .png, options: options)
        case .tiff:
            var image = ba_image(), samples = ba_samples()
            let (status, message) = callWithMessage { message, size in
                data.withUnsafeBytes { raw in
                    ba_tiff_decode(raw.bindMemory(to: UInt8.self).baseAddress, raw.count, &image, &samples, message, size)
                }
            }
            guard status == 0 else { throw fail("TIFF: " + message) }
            defer { ba_image_free(&image); ba_samples_free(&samples) }
            if samples.samples != nil { return windowed(samples, format: .tiff, options: options) }
            return asStored(take(image), format: .tiff)
        case .png, .jpeg:
            var image = ba_image()
            let (status, message) = callWithMessage { message, size in
                data.withUnsafeBytes { raw in
                    let bytes = raw.bindMemory(to: UInt8.self).baseAddress
                    return format == .png ? ba_png_decode(bytes, raw.count, &image, message, size)
                        : ba_jpeg_decode(bytes, raw.count, &image, message, size)
                }
            }
            guard status == 0 else { throw fail(message) }
            defer { ba_image_free(&image) }
            return asStored(take(image), format: format)
        }
    }

    /// The file's bytes; `.io` naming the path when it cannot be read.
    static func read(_ url: URL) throws -> Data {
        let path = url.path
        do {
            return try Data(contentsOf: url)
        } catch {
            var isDirectory: ObjCBool = false
            let problem: String
            if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                problem = "no such file"
            } else if isDirectory.boolValue {
                problem = "is a directory, not an image file"
            } else {
                problem = "cannot read the file (\(oneLine(error.localizedDescription)))"
            }
            throw RuntimeError.io(path: path, problem: problem)
        }
    }

    private static func take(_ image: ba_image) -> RGBImage {
        let width = Int(image.width), height = Int(image.height)
        return RGBImage(width: width, height: height,
                        pixels: [UInt8](UnsafeBufferPointer(start: image.pixels, count: width * height * 3)))
    }

    /// An 8-bit image used as stored, and its facts.
    private static func asStored(_ image: RGBImage, format: Format) -> (image: RGBImage, facts: ImageFacts) {
        var used = [Bool](repeating: false, count: 256)
        var low: UInt8 = 255, high: UInt8 = 0
        for v in image.pixels {
            used[Int(v)] = true
            low = min(low, v)
            high = max(high, v)
        }
        let distinct = used.lazy.filter { $0 }.count
        let facts = ImageFacts(format: format, width: image.width, height: image.height, channels: image.isGray ? 1 : 3,
                               bitsStored: 8, sourceMin: Double(low), sourceMax: Double(high), windowLow: 0, windowHigh: 255,
                               windowSource: "8-bit as stored", distinctLevels: distinct, warnings: [], dicom: nil)
        return (image, DicomFile.withLevelsWarning(facts))
    }

    /// 16-bit samples windowed to 8 bits by `options.window`.
    private static func windowed(_ samples: ba_samples, format: Format, options: DecodeOptions)
        -> (image: RGBImage, facts: ImageFacts) {
        let width = Int(samples.width), height = Int(samples.height), channels = Int(samples.channels)
        let values = UnsafeBufferPointer(start: samples.samples, count: width * height * channels).map { Int32($0) }
        let windowing = SampleWindowing(values: values)
        let result = windowing.windowed(rule: options.window)
        let pixels = channels == 1 ? windowing.applyGrayToRGB(result.table, to: values) : windowing.apply(result.table, to: values)
        let image = RGBImage(width: width, height: height, pixels: pixels)
        let facts = ImageFacts(format: format, width: width, height: height, channels: channels, bitsStored: Int(samples.bits),
                               sourceMin: windowing.sourceMin, sourceMax: windowing.sourceMax, windowLow: result.low,
                               windowHigh: result.high, windowSource: options.window.name, distinctLevels: result.distinct,
                               warnings: result.warnings, dicom: nil)
        return (image, DicomFile.withLevelsWarning(facts))
    }

    /// An 8-bit RGB PNG of `image` (not interlaced, default zlib compression).
    public static func encodePNG(_ image: RGBImage) -> Data {
        checkEncodable(image.width, image.height)
        return encoded("PNG") { out, message, size in
            ba_png_encode_rgb8(image.pixels, UInt32(image.width), UInt32(image.height), out, message, size)
        }
    }

    /// An 8-bit gray PNG of `gray` (`width * height` values, row-major).
    public static func encodeGrayPNG(_ gray: [UInt8], width: Int, height: Int) -> Data {
        checkEncodable(width, height)
        precondition(gray.count == width * height, "a \(width)x\(height) gray PNG needs \(width * height) values, got \(gray.count)")
        return encoded("PNG") { out, message, size in
            ba_png_encode_gray8(gray, UInt32(width), UInt32(height), out, message, size)
        }
    }

    /// A baseline JPEG of `image` at `quality` (1...100; 4:2:0 chroma subsampling).
    public static func encodeJPEG(_ image: RGBImage, quality: Int = 90) -> Data {
        encodeJPEG(samples: image.pixels, width: image.width, height: image.height, components: 3, quality: quality)
    }

    /// A gray baseline JPEG of `gray` (`width * height` values, row-major) at `quality` (1...100).
    public static func encodeGrayJPEG(_ gray: [UInt8], width: Int, height: Int, quality: Int = 90) -> Data {
        encodeJPEG(samples: gray, width: width, height: height, components: 1, quality: quality)
    }

    /// Writes `image` as a PNG at `url` atomically (a temporary file renamed over it).
    public static func writePNG(_ image: RGBImage, to url: URL) throws {
        try AtomicFile.write(encodePNG(image), to: url.path)
    }

    /// Writes `image` as a JPEG at `url` atomically (a temporary file renamed over it).
    public static func writeJPEG(_ image: RGBImage, to url: URL, quality: Int = 90) throws {
        try AtomicFile.write(encodeJPEG(image, quality: quality), to: url.path)
    }

    // MARK: Raw encoders (tests build unusual files with them)

    /// A PNG from raw samples in PNG's own layout (see `ba_png_encode`): rows of
    /// ceil(width * channels * bitDepth / 8) bytes, 16-bit samples big-endian. `colorType` is PNG's
    /// (0 gray, 2 RGB, 3 palette, 4 gray+alpha, 6 RGBA); `palette` is RGB triples; `transparency`
    /// the palette alphas. Throws `.image` (path "<encoder>") for combinations libpng rejects.
    static func encodeRawPNG(samples: [UInt8], width: Int, height: Int, bitDepth: Int, colorType: Int,
                             palette: [UInt8] = [], transparency: [UInt8] = [], interlaced: Bool = false) throws -> Data {
        checkEncodable(width, height)
        var out = ba_buffer()
        let (status, message) = callWithMessage { message, size in
            ba_png_encode(samples, UInt32(width), UInt32(height), Int32(bitDepth), Int32(colorType),
                          palette.isEmpty ? nil : palette, Int32(palette.count / 3),
                          transparency.isEmpty ? nil : transparency, Int32(transparency.count),
                          interlaced ? 1 : 0, &out, message, size)
        }
        guard status == 0 else { throw RuntimeError.image(path: "<encoder>", problem: message) }
        defer { ba_buffer_free(&out) }
        return Data(bytes: out.data, count: out.size)
    }

    /// A JPEG of 1 (gray), 3 (RGB) or 4 (CMYK, Adobe-inverted as stored) interleaved components.
    static func encodeJPEG(samples: [UInt8], width: Int, height: Int, components: Int, quality: Int) -> Data {
        checkEncodable(width, height)
        precondition((1 ... 100).contains(quality), "JPEG quality \(quality) is not in 1...100")
        precondition(samples.count == width * height * components,
                     "a \(width)x\(height) JPEG of \(components) components needs \(width * height * components) samples, got \(samples.count)")
        return encoded("JPEG") { out, message, size in
            ba_jpeg_encode(samples, UInt32(width), UInt32(height), Int32(components), Int32(quality), out, message, size)
        }
    }

    // MARK: Helpers

    /// Encoding fails only for sizes outside the C limits (checked here first) or out of memory.
    private static func checkEncodable(_ width: Int, _ height: Int) {
        precondition(width >= 1 && height >= 1 && width <= Int(BA_IMAGE_MAX_SIDE) && height <= Int(BA_IMAGE_MAX_SIDE)
                     && width * height <= Int(BA_IMAGE_MAX_PIXELS),
                     "cannot encode a \(width)x\(height) image (1...\(BA_IMAGE_MAX_SIDE) a side, at most \(BA_IMAGE_MAX_PIXELS) pixels)")
    }

    private static func encoded(
        _ format: String, _ encode: (UnsafeMutablePointer<ba_buffer>, UnsafeMutablePointer<CChar>, Int) -> Int32
    ) -> Data {
        var out = ba_buffer()
        let (status, message) = callWithMessage { encode(&out, $0, $1) }
        guard status == 0 else { fatalError("\(format) encoding failed: \(message)") }
        defer { ba_buffer_free(&out) }
        return Data(bytes: out.data, count: out.size)
    }

    /// Runs a C codec call with a message buffer; returns its status and the message it wrote.
    private static func callWithMessage(_ call: (UnsafeMutablePointer<CChar>, Int) -> Int32) -> (Int32, String) {
        var buffer = [CChar](repeating: 0, count: 512)
        let status = buffer.withUnsafeMutableBufferPointer { call($0.baseAddress!, $0.count - 1) }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return (status, String(decoding: bytes, as: UTF8.self))
    }

    /// The first bytes of an unrecognized file, quoted if they are text, else in hex.
    static func describePrefix(_ data: Data) -> String {
        let head = [UInt8](data.prefix(16))
        let isText = head.allSatisfy { (0x20 ... 0x7E).contains($0) || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        if isText {
            var text = ""
            for byte in head {
                switch byte {
                case 0x0A: text += "\\n"
                case 0x0D: text += "\\r"
                case 0x09: text += "\\t"
                default: text.append(Character(Unicode.Scalar(byte)))
                }
            }
            return "'\(text)'" + (data.count > head.count ? "..." : "")
        }
        return "bytes " + head.prefix(8).map { String(format: "%02X", $0) }.joined(separator: " ")
            + (data.count > 8 ? " ..." : "")
    }
}
