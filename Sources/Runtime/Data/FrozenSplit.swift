import Foundation
import Formats

/// The split a run was started on, frozen: `split.json` in the run's checkpoint folder, written
/// once (atomically) before the first checkpoint. Resume, `eval` and `predict --split` check the
/// data folder against it (`FrozenSplit.changes`) and take every file's split from it, so a file
/// can never change sides after training started.
///
///     {"format": 1, "run_id": "...", "data_dir": "/abs/data",
///      "rule": {"group_by": "", "manifest": "", "recursive": "auto"},
///      "files": [{"path": "train/benign/a.png", "size": 123, "sha256": "...", "label": "benign",
///                 "group": "train/benign/a.png", "given_split": "train", "split": "val"}, ...]}
///
/// `given_split` is where the folders (or the manifest) put the file (`train` for the pool that
/// `val`/`test` are carved from); `split` is where the run uses it: `train`, `val`, `test`, or
/// `unreadable` (scanned but not decodable: in no split). Groups derived from DICOM tags or a
/// manifest are hashes (see `GroupRule`); no patient identity is stored.
public struct FrozenSplit: Codable, Equatable, Sendable {
    public static let fileName = "split.json"
    public static let formatVersion = 1
    public static let unreadable = "unreadable"

    public struct Rule: Codable, Equatable, Sendable {
        public var groupBy: String
        public var manifest: String
        public var recursive: String
        enum CodingKeys: String, CodingKey { case groupBy = "group_by", manifest, recursive }
        public init(groupBy: String, manifest: String, recursive: String) {
            self.groupBy = groupBy; self.manifest = manifest; self.recursive = recursive
        }
    }

    public struct Entry: Codable, Equatable, Sendable {
        public var path: String
        /// -1 and "" when the file could not be read at all.
        public var size: Int
        public var sha256: String
        public var label: String
        public var group: String
        public var givenSplit: String
        public var split: String
        enum CodingKeys: String, CodingKey {
            case path, size, sha256, label, group, split
            case givenSplit = "given_split"
        }
        public init(path: String, size: Int, sha256: String, label: String, group: String, givenSplit: String, split: String) {
            self.path = path; self.size = size; self.sha256 = sha256; self.label = label
            self.group = group; self.givenSplit = givenSplit; self.split = split
        }
    }

    public var format: Int
    public var runID: String
    public var dataDir: String
    public var rule: Rule
    /// Sorted by path (byte order).
    public var files: [Entry]

    enum CodingKeys: String, CodingKey {
        case format, rule, files
        case runID = "run_id", dataDir = "data_dir"
    }

    public init(runID: String, dataDir: String, rule: Rule, files: [Entry]) {
        format = Self.formatVersion
        self.runID = runID; self.dataDir = dataDir; self.rule = rule
        self.files = files.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
    }

    /// `<checkpointDir>/split.json`.
    public static func url(in checkpointDir: URL) -> URL { checkpointDir.appendingPathComponent(fileName) }

    /// Writes `split.json` into `checkpointDir` atomically (temporary file, fsync, rename).
    public func write(to checkpointDir: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        var text = try encoder.encode(self)
        text.append(0x0A)
        try AtomicFile.write(text, to: Self.url(in: checkpointDir).path)
    }

    /// The frozen split of `checkpointDir`, nil when the folder has none (a run from before
    /// frozen splits); throws naming the file when it is unreadable or of a newer format.
    public static func read(from checkpointDir: URL) throws(RuntimeError) -> FrozenSplit? {
        let url = Self.url(in: checkpointDir)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let split: FrozenSplit
        do {
            split = try JSONDecoder().decode(FrozenSplit.self, from: Data(contentsOf: url))
        } catch {
            throw .io(path: url.path, problem: "cannot read the frozen split (\(oneLine("\(error)")))")
        }
        guard split.format == formatVersion else {
            throw .io(path: url.path, problem: "frozen split format \(split.format); this program reads format \(formatVersion)")
        }
        return split
    }

    /// Files per split (`train`, `val`, `test`, `unreadable`).
    public var counts: [String: Int] { files.reduce(into: [:]) { $0[$1.split, default: 0] += 1 } }
}
