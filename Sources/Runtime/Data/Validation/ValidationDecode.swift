import Foundation
import Formats

/// The one place validation decodes an image file: the 8-bit (windowed) gray image and the
/// facts about its stored intensities.
///
/// SEAM (helper A): once `ImageCodec.decodeWithFacts` lands, `decode(data:path:)` takes its
/// `ImageFacts` (bits stored, source range, window and its source, distinct levels, warnings,
/// `DicomHeader`) instead of computing them from the 8-bit decode; nothing else changes.
public enum ValidationDecode {
    /// A decoded file: gray pixels after windowing and what is known about the stored values.
    public struct Decoded: Sendable {
        public var gray: [UInt8]
        public var width: Int
        public var height: Int
        public var format: String
        public var channels: Int
        public var bitsStored: Int
        public var sourceMin: Double
        public var sourceMax: Double
        public var windowLow: Double
        public var windowHigh: Double
        public var windowSource: String
        public var distinctLevels: Int
        public var warnings: [String]
        public var dicom: DicomInfo?
    }

    /// Decodes encoded bytes; `path` labels error messages. Throws the decoder's error.
    public static func decode(data: Data, path: String) throws -> Decoded {
        let image = try ImageCodec.decode(data: data, path: path)
        let gray = image.grayPixels
        var seen = [Bool](repeating: false, count: 256)
        var low = 255, high = 0
        for v in gray {
            seen[Int(v)] = true
            low = min(low, Int(v)); high = max(high, Int(v))
        }
        let header = pngHeader(data)
        let bits = header?.bitDepth ?? 8
        return Decoded(gray: gray, width: image.width, height: image.height,
                       format: ImageCodec.format(of: data)?.rawValue ?? "?", channels: header?.channels ?? (image.isGray ? 1 : 3),
                       bitsStored: bits, sourceMin: Double(low), sourceMax: Double(high),
                       windowLow: 0, windowHigh: 255, windowSource: bits > 8 ? "16-bit rounded to 8" : "8-bit",
                       distinctLevels: seen.filter { $0 }.count, warnings: [], dicom: nil)
    }

    /// The windowed 8-bit image of a file, for thumbnails.
    public static func image(contentsOf url: URL) throws -> RGBImage {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw RuntimeError.io(path: url.path, problem: "cannot read the file (\(oneLine(error.localizedDescription)))")
        }
        let d = try decode(data: data, path: url.path)
        return RGBImage(width: d.width, height: d.height, gray: d.gray)
    }

    /// Bit depth and channel count from a PNG's IHDR chunk (the 8-bit decoder hides them).
    static func pngHeader(_ data: Data) -> (bitDepth: Int, channels: Int)? {
        guard data.count >= 26, ImageCodec.format(of: data) == .png else { return nil }
        let bytes = [UInt8](data.prefix(26))
        guard bytes[12 ..< 16] == [0x49, 0x48, 0x44, 0x52][...] else { return nil }  // "IHDR"
        let channels: Int
        switch bytes[25] {
        case 0: channels = 1
        case 4: channels = 2
        case 2, 3: channels = 3
        case 6: channels = 4
        default: return nil
        }
        return (Int(bytes[24]), channels)
    }
}
