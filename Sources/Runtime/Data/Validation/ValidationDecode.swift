import Foundation
import Formats

/// The one place validation decodes an image file: the 8-bit (windowed) gray image and the
/// facts about its stored intensities, from `ImageCodec.decodeWithFacts` (PNG, JPEG, TIFF,
/// DICOM; 16-bit samples windowed by `DecodeOptions`, DICOM by its own VOI).
public enum ValidationDecode {
    /// A decoded file: gray pixels after windowing and the decoder's facts about the stored values.
    public struct Decoded: Sendable {
        public var gray: [UInt8]
        public var width: Int
        public var height: Int
        public var facts: ImageFacts
        /// The decoder's warnings, without the few-gray-levels one (a finding of its own).
        public var warnings: [String]
        /// The DICOM header values validation counts, the patient only as a hash.
        public var dicom: DicomInfo?
    }

    /// Decodes encoded bytes with `options` (the configured intensity window); `path` labels
    /// error messages. Throws the decoder's error.
    public static func decode(data: Data, path: String, options: DecodeOptions = .default) throws -> Decoded {
        let (image, f) = try ImageCodec.decodeWithFacts(data: data, path: path, options: options)
        let dicom = f.dicom.map { h in
            DicomInfo(modality: h.modality, photometric: h.photometric, viewPosition: h.viewPosition, laterality: h.laterality,
                      bitsStored: h.bitsStored, patientHash: h.patientID.isEmpty ? nil : ValidationResult.anonymize(h.patientID))
        }
        return Decoded(gray: image.grayPixels, width: image.width, height: image.height, facts: f,
                       warnings: f.warnings.filter { !$0.contains("distinct gray levels") }, dicom: dicom)
    }

    /// The windowed 8-bit image of a file, for thumbnails.
    public static func image(contentsOf url: URL, options: DecodeOptions = .default) throws -> RGBImage {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw RuntimeError.io(path: url.path, problem: "cannot read the file (\(oneLine(error.localizedDescription)))")
        }
        let d = try decode(data: data, path: url.path, options: options)
        return RGBImage(width: d.width, height: d.height, gray: d.gray)
    }
}
