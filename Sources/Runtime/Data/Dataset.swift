import Foundation
import Formats

/// The image files of a dataset: class folders `<dataDir>/{train,val,test}/<class>/...`, or the rows
/// of a CSV manifest (`Options.manifest`), each with its label, relative path and group.
///
/// Scanning looks at names (and the first 132 bytes of files whose name does not say, for the
/// DICOM preamble); decoding comes later. What is read and skipped is described in `ScanFile`;
/// every skipped file is counted in `ignored` (one line, `IgnoredFiles.summary`). Sub-folders of a
/// class folder are read or reported per `Options.recursive`. Samples are ordered by label, then
/// by relative path (byte order), so a scan is deterministic. Labels are indices into
/// `classNames` (the config's `data.class_names`, in that order).
public struct Dataset: Sendable {
    /// One image file: where it is, its class index, its path relative to the data folder
    /// (`train/benign/p12/img1.dcm`) and its group (patient or study; the relative path itself
    /// when no grouping rule applies, i.e. one group per image).
    public struct Sample: Equatable, Sendable {
        public let url: URL
        public let label: Int
        public let relativePath: String
        public var group: String
        /// `relativePath` defaults to the file's path and `group` to `relativePath`.
        public init(url: URL, label: Int, relativePath: String? = nil, group: String? = nil) {
            self.url = url
            self.label = label
            self.relativePath = relativePath ?? url.path
            self.group = group ?? self.relativePath
        }
    }

    public enum Split: String, CaseIterable, Sendable, Codable {
        case train, val, test
    }

    /// Whether sub-folders of a class folder are read (`data.recursive`).
    public enum Recursion: String, Sendable, CaseIterable {
        /// Read them when the tree holds DICOM files, else report them.
        case auto
        case always = "true"
        case never = "false"
    }

    /// How to scan: sub-folders, a manifest, the grouping rule.
    public struct Options: Sendable {
        public var recursive: Recursion
        /// A CSV manifest (`path,label,split,group`); nil: class folders.
        public var manifest: URL?
        public var groupBy: GroupRule
        /// Reads a DICOM tag (`PatientID`, `StudyInstanceUID`) of a file, for `dicom:` grouping.
        public var dicomTag: DicomTagReader?
        public init(recursive: Recursion = .auto, manifest: URL? = nil, groupBy: GroupRule = .perImage,
                    dicomTag: DicomTagReader? = GroupRule.dicomHeaderTag) {
            self.recursive = recursive; self.manifest = manifest; self.groupBy = groupBy; self.dicomTag = dicomTag
        }
    }

    /// The scanned directory, as given.
    public let dataDir: URL
    public let classNames: [String]
    /// Every split that exists (`train` always; `val` and `test` when their folders exist, or
    /// when a manifest row names them).
    public let splits: [Split: [Sample]]
    /// Non-fatal findings, one line each naming the path: folders that are not a class name, a class
    /// folder missing or empty in `val`/`test`, sub-folders not read, symlink loops not followed.
    public let warnings: [String]
    /// The files skipped, by kind.
    public let ignored: IgnoredFiles

    public var train: [Sample] { splits[.train] ?? [] }
    /// nil when `<dataDir>/val` does not exist.
    public var val: [Sample]? { splits[.val] }
    /// nil when `<dataDir>/test` does not exist.
    public var test: [Sample]? { splits[.test] }
    public func has(_ split: Split) -> Bool { splits[split] != nil }

    /// Images per class (indexed like `classNames`) in `split`; all zero for a missing split.
    public func counts(_ split: Split) -> [Int] {
        var c = [Int](repeating: 0, count: classNames.count)
        for s in splits[split] ?? [] { c[s.label] += 1 }
        return c
    }

    /// Scans `dataDir` and assigns groups. Throws `.io` (one line naming the path) when `dataDir`
    /// or `dataDir/train` is missing, a class folder of `train` is missing or has no images, or a
    /// manifest or grouping problem (see `Manifest`, `GroupRule`).
    public static func scan(dataDir: URL, classNames: [String], options: Options = Options()) throws(RuntimeError) -> Dataset {
        let root = dataDir.path
        switch FolderWalk.kind(root) {
        case .missing: throw .io(path: root, problem: "data directory does not exist")
        case .file: throw .io(path: root, problem: "is a file, expected the data directory")
        case .directory: break
        }
        var found: Found
        if let manifest = options.manifest {
            found = try DataManifest.scan(manifest, dataDir: dataDir, classNames: classNames)
        } else {
            found = try scanFolders(root: root, classNames: classNames, recursive: options.recursive)
        }
        let all = Split.allCases.flatMap { found.splits[$0] ?? [] }
        let groups = try options.groupBy.groups(of: all, given: found.groups, dicomTag: options.dicomTag, dataDir: root)
        var next = 0
        for split in Split.allCases where found.splits[split] != nil {
            for i in found.splits[split]!.indices {
                found.splits[split]![i].group = groups[next]
                next += 1
            }
        }
        return Dataset(dataDir: dataDir, classNames: classNames, splits: found.splits, warnings: found.warnings, ignored: found.ignored)
    }

    /// What a folder or manifest scan found, before groups are assigned.
    struct Found {
        var splits: [Split: [Sample]] = [:]
        var warnings: [String] = []
        var ignored = IgnoredFiles()
        /// Groups given by a manifest, in the order of `Split.allCases` then samples; nil: none given.
        var groups: [String?]?
    }

    /// True for a PNG or JPEG name (case-insensitive) that is neither hidden nor a BUSI mask.
    public static func isImageName(_ name: String) -> Bool {
        if name.hasPrefix(".") { return false }
        guard let dot = name.lastIndex(of: ".") else { return false }
        let ext = name[name.index(after: dot)...].lowercased()
        guard ext == "png" || ext == "jpg" || ext == "jpeg" else { return false }
        return !ScanFile.isMaskStem(name[..<dot].lowercased())
    }

    /// Sorts samples by label, then relative path (byte order).
    static func ordered(_ samples: [Sample]) -> [Sample] {
        samples.sorted { a, b in
            a.label != b.label ? a.label < b.label : Array(a.relativePath.utf8).lexicographicallyPrecedes(Array(b.relativePath.utf8))
        }
    }
}
