import Foundation
import Formats

/// What `breastai-run validate` found in a dataset folder: one record per image file, the
/// findings (blocking problems first), class counts per split, size and aspect histograms and
/// the DICOM header values. Encoded as `validation.json` (snake_case keys).
///
/// Paths are relative to `dataDir`. Patient identity never appears: DICOM PatientID and group
/// names are replaced by `ValidationResult.anonymize` (12 hex digits of their SHA-256).
public struct ValidationResult: Codable, Sendable {
    public static let currentFormatVersion = 1

    public var formatVersion = ValidationResult.currentFormatVersion
    /// The data folder as an absolute path.
    public var dataDir: String
    public var classNames: [String]
    /// The Hamming distance up to which two perceptual hashes are near duplicates.
    public var nearDistance: Int
    /// Blocking problems first, then warnings; within each, in the order of `Finding.Kind`.
    public var findings: [Finding]
    public var splits: [SplitCounts]
    public var images: [ImageRecord]
    /// Images by their longer side (readable images).
    public var sizeHistogram: [HistogramBin]
    /// Images by width / height (readable images).
    public var aspectHistogram: [HistogramBin]
    /// Readable images by bits stored ("8", "12", "16").
    public var bitDepths: [String: Int]
    /// Counts of DICOM header values; nil when no DICOM file was read.
    public var dicom: DicomConsistency?
    /// Files under the split folders that are not images, by extension ("txt": 3; "(none)").
    public var ignoredFiles: [String: Int]
    public var seconds: Double

    public var blocking: [Finding] { findings.filter { $0.severity == .blocking } }
    public var warnings: [Finding] { findings.filter { $0.severity == .warning } }
    /// True when a blocking problem was found (`validate` exits with status 1).
    public var isBlocked: Bool { findings.contains { $0.severity == .blocking } }
    public var readableCount: Int { images.filter { $0.problem == nil }.count }

    /// The stand-in for a patient identifier or group name: 12 hex digits of its SHA-256.
    public static func anonymize(_ identifier: String) -> String {
        String(SHA256.hex(identifier).prefix(12))
    }
}

/// One problem, in one line, with every file it concerns.
public struct Finding: Codable, Sendable, Equatable {
    public enum Severity: String, Codable, Sendable { case blocking, warning }

    /// The kinds, blocking ones first; the order findings are listed in.
    public enum Kind: String, Codable, CaseIterable, Sendable {
        // Blocking: training on this data would give wrong or inflated results, or cannot run.
        case missingTrain = "missing_train"
        case emptyClass = "empty_class"
        case noReadableImages = "no_readable_images"
        case duplicateAcrossSplits = "duplicate_across_splits"
        case groupLeakage = "group_leakage"
        case groupingFailed = "grouping_failed"
        /// Training's scan refuses the layout (no train/, a train class without images, a bad manifest).
        case layoutRefused = "layout_refused"
        // Warnings.
        case unreadable
        case tooSmall = "too_small"
        case nearEmptyWindow = "near_empty_window"
        case duplicateWithinSplit = "duplicate_within_split"
        case nearDuplicate = "near_duplicate"
        case classImbalance = "class_imbalance"
        case mixedModalities = "mixed_modalities"
        case decoderWarning = "decoder_warning"
        case notAClass = "not_a_class"
        case ignoredFiles = "ignored_files"

        public var severity: Severity {
            switch self {
            case .missingTrain, .emptyClass, .noReadableImages, .duplicateAcrossSplits, .groupLeakage, .groupingFailed, .layoutRefused: .blocking
            default: .warning
            }
        }
    }

    public var kind: Kind
    public var severity: Severity
    public var message: String
    /// The files or folders concerned, relative to the data folder.
    public var paths: [String]

    public init(_ kind: Kind, _ message: String, paths: [String]) {
        self.kind = kind
        self.severity = kind.severity
        self.message = message
        self.paths = paths
    }
}

/// What one image file is, as far as validation read it.
public struct ImageRecord: Codable, Sendable {
    /// Relative to the data folder, e.g. `train/benign/b_0001.png`.
    public var path: String
    public var split: String
    public var className: String
    /// The anonymized patient group, when grouping is configured.
    public var group: String?
    public var bytes: Int
    /// SHA-256 of the file's bytes (hex); nil only when the file could not be read.
    public var sha256: String?
    /// Why the file could not be decoded (the decoder's one-line message); nil when it decoded.
    public var problem: String?
    public var format: String?
    public var width: Int?
    public var height: Int?
    public var channels: Int?
    public var bitsStored: Int?
    /// The stored intensity range and the window mapped to 0...255.
    public var sourceMin: Double?
    public var sourceMax: Double?
    public var windowLow: Double?
    public var windowHigh: Double?
    /// Where the window came from (e.g. `8-bit`, `percentile 0.5-99.5`, `DICOM VOI`).
    public var windowSource: String?
    /// Distinct gray levels after windowing (fewer than 32: a near-empty window).
    public var distinctLevels: Int?
    /// The 64-bit perceptual hash (16 hex digits).
    public var phash: String?
    public var decoderWarnings: [String]?
    public var dicom: DicomInfo?

    public init(path: String, split: String, className: String, group: String?, bytes: Int) {
        self.path = path; self.split = split; self.className = className; self.group = group; self.bytes = bytes
    }

    /// True when the image decoded and is at least `ImageCache.minimumSide` on both sides.
    public var isUsable: Bool {
        guard problem == nil, let width, let height else { return false }
        return width >= ImageCache.minimumSide && height >= ImageCache.minimumSide
    }
}

/// The DICOM header values validation reports for one file (patient identity hashed).
public struct DicomInfo: Codable, Sendable, Equatable {
    public var modality: String?
    public var photometric: String?
    public var viewPosition: String?
    public var laterality: String?
    public var bitsStored: Int?
    /// `ValidationResult.anonymize(PatientID)`.
    public var patientHash: String?

    public init(modality: String?, photometric: String?, viewPosition: String?, laterality: String?,
                bitsStored: Int?, patientHash: String?) {
        self.modality = modality; self.photometric = photometric; self.viewPosition = viewPosition
        self.laterality = laterality; self.bitsStored = bitsStored; self.patientHash = patientHash
    }
}

/// How often each DICOM header value occurs among the DICOM files read ("(missing)" when absent).
public struct DicomConsistency: Codable, Sendable, Equatable {
    public var files: Int
    public var modality: [String: Int]
    public var photometric: [String: Int]
    public var viewPosition: [String: Int]
    public var laterality: [String: Int]
    public var bitsStored: [String: Int]
    /// Distinct (hashed) patient IDs.
    public var patients: Int
}

/// Image counts of one split per class (indexed like `classNames`).
public struct SplitCounts: Codable, Sendable, Equatable {
    public var split: String
    /// Image files found per class.
    public var files: [Int]
    /// Images that decode and are large enough, per class (what training can use).
    public var usable: [Int]
    /// max / min of `usable`; nil when a class has none.
    public var imbalance: Double?
}

/// One bar of a histogram.
public struct HistogramBin: Codable, Sendable, Equatable {
    public var label: String
    public var count: Int
    public init(label: String, count: Int) { self.label = label; self.count = count }
}
