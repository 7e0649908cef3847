import CDicom
import Foundation
import Formats

/// The attributes of a DICOM file that grouping and checks need, read without the pixel data.
///
/// Patient identity is never shown: `description` gives `patientTag` (a short SHA-256 of the
/// Patient ID, `patient#3fa2c1d0`) instead of the value, and so do BreastAI's messages.
public struct DicomHeader: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var patientID: String
    public var studyInstanceUID: String
    public var seriesInstanceUID: String
    public var sopInstanceUID: String
    public var sopClassUID: String
    public var modality: String
    public var photometric: String
    public var viewPosition: String
    /// Image Laterality (0020,0062) as stored ("" when absent).
    public var imageLaterality: String
    /// Image Laterality (0020,0062), else Laterality (0020,0060), else "".
    public var laterality: String
    public var bitsAllocated: Int
    public var bitsStored: Int
    public var pixelRepresentation: Int
    public var rows: Int
    public var columns: Int
    public var numberOfFrames: Int
    public var transferSyntaxUID: String
    /// DCMTK's name of the transfer syntax ("JPEG Baseline", "RLE Lossless", ...).
    public var transferSyntaxName: String
    public var windowCount: Int
    public var hasVOILUT: Bool
    public var hasPixelData: Bool

    /// `patient#` and the first 8 hex digits of the SHA-256 of the Patient ID ("patient#none" when empty).
    public var patientTag: String { Self.patientTag(patientID) }

    /// The short hash that stands for a patient identifier in messages and logs.
    public static func patientTag(_ id: String) -> String {
        id.isEmpty ? "patient#none" : "patient#" + String(SHA256.hex(Array(id.utf8)).prefix(8))
    }

    public var description: String {
        "DICOM \(modality.isEmpty ? "?" : modality) \(photometric) \(columns)x\(rows) \(bitsStored)/\(bitsAllocated) bits"
            + "\(pixelRepresentation == 1 ? " signed" : "") frames=\(numberOfFrames) view=\(viewPosition) "
            + "laterality=\(laterality) \(transferSyntaxName) \(patientTag)"
    }

    public var debugDescription: String { description }

    /// What `dump` and reflection show: every field, with the Patient ID replaced by its tag.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "patient": patientTag, "studyInstanceUID": studyInstanceUID, "seriesInstanceUID": seriesInstanceUID,
            "sopInstanceUID": sopInstanceUID, "sopClassUID": sopClassUID, "modality": modality, "photometric": photometric,
            "viewPosition": viewPosition, "imageLaterality": imageLaterality, "laterality": laterality, "bitsAllocated": bitsAllocated, "bitsStored": bitsStored,
            "pixelRepresentation": pixelRepresentation, "rows": rows, "columns": columns, "numberOfFrames": numberOfFrames,
            "transferSyntaxUID": transferSyntaxUID, "windowCount": windowCount, "hasVOILUT": hasVOILUT,
            "hasPixelData": hasPixelData,
        ])
    }

    init(_ h: ba_dicom_header) {
        func text<T>(_ field: T) -> String {
            withUnsafeBytes(of: field) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
        }
        patientID = text(h.patient_id)
        studyInstanceUID = text(h.study_instance_uid)
        seriesInstanceUID = text(h.series_instance_uid)
        sopInstanceUID = text(h.sop_instance_uid)
        sopClassUID = text(h.sop_class_uid)
        modality = text(h.modality)
        photometric = text(h.photometric)
        viewPosition = text(h.view_position)
        imageLaterality = text(h.image_laterality)
        laterality = imageLaterality.isEmpty ? text(h.laterality) : imageLaterality
        bitsAllocated = Int(h.bits_allocated)
        bitsStored = Int(h.bits_stored)
        pixelRepresentation = Int(h.pixel_representation)
        rows = Int(h.rows)
        columns = Int(h.columns)
        numberOfFrames = Int(h.number_of_frames)
        transferSyntaxUID = text(h.transfer_syntax_uid)
        transferSyntaxName = text(h.transfer_syntax_name)
        windowCount = Int(h.window_count)
        hasVOILUT = h.has_voi_lut != 0
        hasPixelData = h.has_pixel_data != 0
    }
}

/// DICOM files through DCMTK (the C++ target CDicom): detection, header reading, decoding to 8 bits.
public enum DicomFile {
    static let magic: [UInt8] = Array("DICM".utf8)

    /// True when bytes 128..<132 are "DICM" (the DICOM file preamble).
    public static func hasPreamble(_ head: Data) -> Bool {
        guard head.count >= 132 else { return false }
        let start = head.startIndex + 128
        return head[start ..< start + 4].elementsEqual(magic)
    }

    /// True for a DICOM data set without preamble: it starts with an element of group 0002 or 0008
    /// (little endian) followed by an explicit VR of two capital letters or an implicit length.
    static func looksLikeBareDataSet(_ head: Data) -> Bool {
        let b = [UInt8](head.prefix(8))
        guard b.count == 8, (b[0] == 0x02 || b[0] == 0x08), b[1] == 0 else { return false }
        let explicitVR = (0x41 ... 0x5A).contains(b[4]) && (0x41 ... 0x5A).contains(b[5])
        let implicitLength = b[7] == 0 && b[6] == 0 && (Int(b[4]) | Int(b[5]) << 8) < 1024
        return explicitVR || implicitLength
    }

    /// The header of the DICOM file at `url`, reading no large values (pixel data stays on disk).
    /// Throws `.io` when the file cannot be read and `.image` when it is not readable DICOM.
    public static func readHeader(contentsOf url: URL) throws -> DicomHeader {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw RuntimeError.io(path: path, problem: "no such file")
        }
        if isDirectory.boolValue { throw RuntimeError.io(path: path, problem: "is a directory, not a DICOM file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw RuntimeError.io(path: path, problem: "cannot open the file for reading")
        }
        let head = (try? handle.read(upToCount: 132)) ?? Data()
        try? handle.close()
        guard hasPreamble(head) || looksLikeBareDataSet(head) else {
            let format = ImageCodec.format(of: head).map { "a \($0.rawValue) file" } ?? "starts with \(ImageCodec.describePrefix(head))"
            throw RuntimeError.image(path: path, problem: "not a DICOM file (no DICM preamble; \(format))")
        }
        var header = ba_dicom_header()
        let (status, message) = callWithMessage { ba_dicom_read_header(path, &header, $0, $1) }
        guard status == 0 else { throw RuntimeError.image(path: path, problem: message) }
        return DicomHeader(header)
    }

    /// The pixels of a DICOM file's frame as DICOM defines them, mapped to 8-bit RGB: Rescale
    /// Slope/Intercept (or the Modality LUT), then the VOI LUT, else Window Center/Width number `options.dicomWindowIndex`
    /// (its VOI LUT Function: LINEAR, LINEAR_EXACT or SIGMOID), else `options.window`; MONOCHROME1
    /// inverted so bright is dense. 8-bit data without rescale or window is used as stored.
    static func decode(data: Data, path: String, options: DecodeOptions) throws -> (RGBImage, ImageFacts) {
        var image = ba_dicom_image()
        let frame = Int32(options.dicomFrame ?? -1)
        let (status, message) = callWithMessage { message, size in
            data.withUnsafeBytes { raw in
                ba_dicom_decode(raw.bindMemory(to: UInt8.self).baseAddress, raw.count, frame, &image, message, size)
            }
        }
        defer { ba_dicom_image_free(&image) }
        guard status == 0 else { throw RuntimeError.image(path: path, problem: "DICOM: " + message) }
        let header = DicomHeader(image.header)
        let width = Int(image.width), height = Int(image.height), count = width * height
        var facts = ImageFacts(format: .dicom, width: width, height: height, channels: Int(image.channels),
                               bitsStored: header.bitsStored, sourceMin: 0, sourceMax: 255, windowLow: 0, windowHigh: 255,
                               windowSource: "DICOM color rendered by DCMTK", distinctLevels: 0, warnings: [], dicom: header)
        if image.channels == 3 {
            let rgb = [UInt8](UnsafeBufferPointer(start: image.rgb, count: count * 3))
            var used = [Bool](repeating: false, count: 256)
            for v in rgb { used[Int(v)] = true }
            facts.distinctLevels = used.lazy.filter { $0 }.count
            facts.sourceMin = Double(rgb.min() ?? 0)
            facts.sourceMax = Double(rgb.max() ?? 0)
            if header.bitsStored <= 8 { facts.windowSource = "8-bit as stored" }
            return (RGBImage(width: width, height: height, pixels: rgb), facts)
        }
        let values = [Int32](UnsafeBufferPointer(start: image.values, count: count))
        let modalityLUT = image.modality_lut.data.map {
            (first: Int(image.modality_lut.first), data: [UInt16](UnsafeBufferPointer(start: $0, count: Int(image.modality_lut.entries))))
        }
        let samples = SampleWindowing(values: values, slope: image.header.rescale_slope,
                                      intercept: image.header.rescale_intercept, modalityLUT: modalityLUT)
        facts.sourceMin = samples.sourceMin
        facts.sourceMax = samples.sourceMax
        let invert = header.photometric == "MONOCHROME1"
        let result: (table: [UInt8], distinct: Int)
        if let data = image.voi_lut.data {
            let entries = Int(image.voi_lut.entries), first = Int(image.voi_lut.first)
            let lut = [UInt16](UnsafeBufferPointer(start: data, count: entries))
            let top = Double((1 << Int(image.voi_lut.bits)) - 1)
            result = samples.table(invert: invert) { x in
                // pydicom's apply_voi_lut: inputs outside the LUT take its first or last entry.
                let index = max(0, min(entries - 1, Int(x.rounded(.down)) - first))
                return Double(lut[index]) / top * 255.0
            }
            facts.windowLow = Double(first)
            facts.windowHigh = Double(first + entries - 1)
            facts.windowSource = "DICOM VOI LUT"
        } else if header.windowCount > 0 {
            let index = options.dicomWindowIndex
            guard index < header.windowCount else {
                throw RuntimeError.image(path: path, problem: "DICOM: data.dicom.window_index is \(index) but the file has "
                                         + "\(header.windowCount) window(s) (counted from 0)")
            }
            let (c, w) = withUnsafeBytes(of: image.header.window_center) { centers in
                withUnsafeBytes(of: image.header.window_width) { widths in
                    (centers.load(fromByteOffset: index * 8, as: Double.self), widths.load(fromByteOffset: index * 8, as: Double.self))
                }
            }
            let function = withUnsafeBytes(of: image.header.voi_lut_function) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }.uppercased()
            guard w > 0 && (w >= 1 || function != "LINEAR" && !function.isEmpty) else {
                throw RuntimeError.image(path: path, problem: "DICOM: window \(index + 1) has width \(w) "
                                         + "(LINEAR needs at least 1)")
            }
            let transfer = windowFunction(function, center: c, width: w)
            result = samples.table(invert: invert, transfer.map)
            facts.windowLow = transfer.low
            facts.windowHigh = transfer.high
            facts.windowSource = "DICOM window \(index + 1) of \(header.windowCount)"
                + (function.isEmpty || function == "LINEAR" ? "" : " (\(function))")
        } else if header.bitsStored <= 8 && modalityLUT == nil && image.header.rescale_slope == 1
                    && image.header.rescale_intercept == 0 {
            result = samples.table(invert: invert) { $0 }
            facts.windowHigh = 255
            facts.windowSource = "8-bit as stored"
        } else {
            let windowed = samples.windowed(rule: options.window, invert: invert)
            facts.windowLow = windowed.low
            facts.windowHigh = windowed.high
            facts.windowSource = options.window.name
            facts.warnings = windowed.warnings
            result = (windowed.table, windowed.distinct)
        }
        facts.distinctLevels = result.distinct
        let rgb = samples.applyGrayToRGB(result.table, to: values)
        return (RGBImage(width: width, height: height, pixels: rgb), withLevelsWarning(facts))
    }

    /// The VOI LUT Function of PS3.3 C.11.2.1.2 with an output range of 0...255 (before rounding).
    static func windowFunction(_ function: String, center c: Double, width w: Double)
        -> (map: (Double) -> Double, low: Double, high: Double) {
        switch function {
        case "SIGMOID":
            return ({ x in 255.0 / (1 + exp(-4 * (x - c) / w)) }, c - w / 2, c + w / 2)
        case "LINEAR_EXACT":
            return ({ x in x <= c - w / 2 ? 0 : x > c + w / 2 ? 255 : ((x - c) / w + 0.5) * 255.0 }, c - w / 2, c + w / 2)
        default:
            let low = c - 0.5 - (w - 1) / 2, high = c - 0.5 + (w - 1) / 2
            return ({ x in x <= low ? 0 : x > high ? 255 : ((x - (c - 0.5)) / (w - 1) + 0.5) * 255.0 }, low, high)
        }
    }

    static func withLevelsWarning(_ facts: ImageFacts) -> ImageFacts {
        var facts = facts
        if let warning = SampleWindowing.levelsWarning(facts.distinctLevels, source: facts.windowSource,
                                                       low: facts.windowLow, high: facts.windowHigh) {
            facts.warnings.append(warning)
        }
        return facts
    }

    /// Runs a C call with a message buffer; returns its status and the message it wrote.
    static func callWithMessage(_ call: (UnsafeMutablePointer<CChar>, Int) -> Int32) -> (Int32, String) {
        var buffer = [CChar](repeating: 0, count: 512)
        let status = buffer.withUnsafeMutableBufferPointer { call($0.baseAddress!, $0.count - 1) }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return (status, String(decoding: bytes, as: UTF8.self))
    }
}
