import CImageCodecs
import Foundation
import Formats

/// PNG and JPEG decoding to `RGBImage`, and encoding, through libpng and libjpeg (the C target
/// CImageCodecs). Safe to call from several threads at once.
///
/// Decoding picks the format from the content (the PNG signature, or the JPEG start-of-image
/// marker FF D8), not from the file name. Every PNG (any bit depth and color type, interlaced or
/// not) and every 8-bit JPEG (gray, color, CMYK) becomes 8-bit RGB: gray is replicated, 16-bit
/// samples are rounded to 8 bits, alpha is composited on black, gamma and color profiles are
/// ignored. Failures are `RuntimeError.image(path:problem:)` (or `.io` when the file cannot be read).
public enum ImageCodec {
    /// The formats `decode` understands.
    public enum Format: String, Sendable {
        case png = "PNG"
        case jpeg = "JPEG"
    }

    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The format of encoded bytes by their first bytes, or nil if neither.
    public static func format(of data: Data) -> Format? {
        if data.starts(with: pngSignature) { return .png }
        if data.starts(with: [0xFF, 0xD8]) { return .jpeg }
        return nil
    }

    /// Reads and decodes the PNG or JPEG file at `url`.
    public static func decode(contentsOf url: URL) throws -> RGBImage {
        let path = url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
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
        return try decode(data: data, path: path)
    }

    /// Decodes PNG or JPEG bytes; `path` only labels error messages.
    public static func decode(data: Data, path: String = "<memory>") throws -> RGBImage {
        func fail(_ problem: String) -> RuntimeError { .image(path: path, problem: problem) }
        guard let format = format(of: data) else {
            if data.isEmpty { throw fail("empty file, not a PNG or JPEG image") }
            if data.count < pngSignature.count && pngSignature.starts(with: data) {
                throw fail("truncated PNG (only \(data.count) bytes)")
            }
            throw fail("not a PNG or JPEG file (starts with \(describePrefix(data)))")
        }
        var image = ba_image()
        let (status, message) = callWithMessage { message, size in
            data.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self).baseAddress
                switch format {
                case .png: return ba_png_decode(bytes, raw.count, &image, message, size)
                case .jpeg: return ba_jpeg_decode(bytes, raw.count, &image, message, size)
                }
            }
        }
        guard status == 0 else { throw fail(message) }
        defer { ba_image_free(&image) }
        let width = Int(image.width), height = Int(image.height)
        let pixels = [UInt8](UnsafeBufferPointer(start: image.pixels, count: width * height * 3))
        return RGBImage(width: width, height: height, pixels: pixels)
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
