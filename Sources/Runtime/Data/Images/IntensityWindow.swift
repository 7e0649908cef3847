import Foundation

/// How samples of more than 8 bits (16-bit PNG and TIFF, DICOM without a VOI LUT or window) are
/// mapped to 8 bits: `v' = clamp(round((v - low) / (high - low) * 255), 0, 255)` with `low` and
/// `high` chosen by the rule. 8-bit images are used as stored.
public enum IntensityWindow: Sendable, Equatable, Codable {
    /// `low` and `high` are the image's smallest and largest value.
    case minmax
    /// `low` and `high` are the image's `low`th and `high`th percentiles (numpy's default linear
    /// interpolation between order statistics).
    case percentile(low: Double, high: Double)
    /// Fixed values, the same for every image (in modality units for DICOM).
    case fixed(low: Double, high: Double)

    public static let `default` = IntensityWindow.percentile(low: 0.5, high: 99.5)

    /// The rule as the config writes it and as `ImageFacts.windowSource` names it:
    /// "minmax", "percentile 0.5-99.5", "fixed 100-3000".
    public var name: String {
        switch self {
        case .minmax: return "minmax"
        case .percentile(let low, let high): return "percentile \(Self.number(low))-\(Self.number(high))"
        case .fixed(let low, let high): return "fixed \(Self.number(low))-\(Self.number(high))"
        }
    }

    static func number(_ value: Double) -> String { String(format: "%g", value) }
}

/// The decoding choices that change pixels: the window rule for more than 8 bits, which DICOM
/// window to use, and which frame of a multi-frame DICOM file.
public struct DecodeOptions: Sendable, Equatable {
    public var window: IntensityWindow
    /// Which Window Center/Width pair of a DICOM file to use (0 = the first).
    public var dicomWindowIndex: Int
    /// The frame of a multi-frame DICOM file (0-based); nil refuses multi-frame files.
    public var dicomFrame: Int?

    public init(window: IntensityWindow = .default, dicomWindowIndex: Int = 0, dicomFrame: Int? = nil) {
        self.window = window
        self.dicomWindowIndex = dicomWindowIndex
        self.dicomFrame = dicomFrame
    }

    public static let `default` = DecodeOptions()

    /// The options as a canonical string, part of the image cache key (a changed window re-decodes).
    public var cacheKeyComponent: String {
        "window=\(window.name) dicom-window=\(dicomWindowIndex) dicom-frame=\(dicomFrame.map(String.init) ?? "none")"
    }
}

/// What decoding learned about an image: where its values came from and how they were windowed.
public struct ImageFacts: Sendable {
    public var format: ImageCodec.Format
    public var width: Int
    public var height: Int
    /// 1 for gray sources (and 8-bit images whose pixels are all gray), 3 for color.
    public var channels: Int
    /// Bits per sample as stored (8 for JPEG; BitsStored for DICOM).
    public var bitsStored: Int
    /// The smallest and largest modality value (DICOM) or stored sample, before windowing.
    public var sourceMin: Double
    public var sourceMax: Double
    /// The window mapped to 0...255 (for a VOI LUT: its input range).
    public var windowLow: Double
    public var windowHigh: Double
    /// Where the window came from: "DICOM VOI LUT", "DICOM window 1 of 2", "percentile 0.5-99.5",
    /// "minmax", "fixed 100-3000", "8-bit as stored", "DICOM color rendered by DCMTK".
    public var windowSource: String
    /// Distinct 8-bit values after windowing (over all channels).
    public var distinctLevels: Int
    /// Problems worth telling the user, one line each, without the file name.
    public var warnings: [String]
    /// The header of a DICOM file.
    public var dicom: DicomHeader?

    public init(format: ImageCodec.Format, width: Int, height: Int, channels: Int, bitsStored: Int, sourceMin: Double,
                sourceMax: Double, windowLow: Double, windowHigh: Double, windowSource: String, distinctLevels: Int,
                warnings: [String] = [], dicom: DicomHeader? = nil) {
        self.format = format
        self.width = width
        self.height = height
        self.channels = channels
        self.bitsStored = bitsStored
        self.sourceMin = sourceMin
        self.sourceMax = sourceMax
        self.windowLow = windowLow
        self.windowHigh = windowHigh
        self.windowSource = windowSource
        self.distinctLevels = distinctLevels
        self.warnings = warnings
        self.dicom = dicom
    }

    /// Fewer distinct levels than this after windowing draws a warning.
    public static let minimumLevels = 32
}
