import Foundation
import Formats

/// What the dataset scan makes of one file name: an image it reads, or a kind of file it skips.
///
/// Images: PNG and JPEG (`.png`, `.jpg`, `.jpeg`), DICOM (`.dcm`, `.dicom`, or any other name
/// whose bytes 128..<132 are `DICM`), TIFF (`.tif`, `.tiff`); extensions case-insensitive.
/// Skipped: hidden names (a leading `.`), BUSI segmentation masks (`*_mask.png`, `*_mask_N.png`),
/// `.bmp` (not read: convert to PNG), and everything else, counted by extension.
public enum ScanFile {
    /// The extensions read as images.
    public static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "dcm", "dicom", "tif", "tiff"]

    /// The verdict on one name.
    public enum Verdict: Equatable, Sendable {
        case image
        /// Skipped, with the kind it is counted under (see `IgnoredFiles`).
        case ignored(String)
        case hidden
    }

    /// The kind a BUSI mask is counted under.
    public static let maskKind = "segmentation masks (*_mask.png)"
    /// The kind of a name without extension and without the DICOM preamble.
    public static let noExtensionKind = "without extension (no DICOM preamble)"

    /// Classifies `name`; `head` reads the first 132 bytes of the file when the name alone does not
    /// decide (no extension or an unknown one), to look for the DICOM preamble.
    public static func classify(_ name: String, head: () -> Data?) -> Verdict {
        if name.hasPrefix(".") { return .hidden }
        let dot = name.lastIndex(of: ".")
        let ext = dot.map { name[name.index(after: $0)...].lowercased() } ?? ""
        if ["png", "jpg", "jpeg"].contains(ext) {
            return isMaskStem(name[..<dot!].lowercased()) ? .ignored(maskKind) : .image
        }
        if imageExtensions.contains(ext) { return .image }
        if ext == "bmp" { return .ignored(".bmp (not read — convert to PNG)") }
        if let data = head(), DicomFile.hasPreamble(data) { return .image }
        return .ignored(ext.isEmpty ? noExtensionKind : "." + ext)
    }

    /// True for a name the scan counts as DICOM: a `.dcm`/`.dicom` extension, or (via `head`) the preamble.
    static func isDICOM(_ name: String, head: () -> Data?) -> Bool {
        let ext = name.lastIndex(of: ".").map { name[name.index(after: $0)...].lowercased() } ?? ""
        if ext == "dcm" || ext == "dicom" { return true }
        if imageExtensions.contains(ext) || ext == "bmp" { return false }
        return head().map(DicomFile.hasPreamble) ?? false
    }

    /// The first 132 bytes of the file at `path` (fewer for a short file), nil when it cannot be opened.
    public static func head(_ path: String) -> Data? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return try? handle.read(upToCount: 132)
    }

    /// BUSI's masks: `benign (4)_mask`, `benign (4)_mask_1` (a lowercased stem).
    static func isMaskStem(_ stem: String) -> Bool {
        if stem.hasSuffix("_mask") { return true }
        if let r = stem.range(of: "_mask_", options: .backwards),
           !stem[r.upperBound...].isEmpty, stem[r.upperBound...].allSatisfy(\.isNumber) {
            return true
        }
        return false
    }
}

/// The files a scan skipped, counted by kind, for the one line that reports them.
public struct IgnoredFiles: Equatable, Sendable {
    /// Files per kind (`.txt`, `segmentation masks (*_mask.png)`, ...).
    public private(set) var counts: [String: Int] = [:]
    /// Hidden files and folders (a leading `.`): not in `counts`, mentioned once.
    public private(set) var hidden = 0

    public init() {}

    public mutating func add(_ kind: String, _ n: Int = 1) { counts[kind, default: 0] += n }
    public mutating func addHidden() { hidden += 1 }

    /// Files counted in `counts`.
    public var total: Int { counts.values.reduce(0, +) }

    /// `ignored 1,204 files: 1,200 .txt, 4 .xml` (largest kinds first, then by name), with
    /// `; N hidden entries not counted` when there are any; nil when nothing was skipped.
    public var summary: String? {
        guard total > 0 || hidden > 0 else { return nil }
        let kinds = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\(Self.thousands($0.value)) \($0.key)" }
        var line = total > 0 ? "ignored \(Self.thousands(total)) file\(total == 1 ? "" : "s"): " + kinds.joined(separator: ", ") : "ignored no files"
        if hidden > 0 { line += "; \(Self.thousands(hidden)) hidden entr\(hidden == 1 ? "y" : "ies") (names starting with '.') not counted" }
        return line
    }

    /// `1204` → `1,204`.
    static func thousands(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }
}
