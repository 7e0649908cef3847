import Foundation
import Formats

/// Reads every image of a class-folder dataset once and reports what would hurt training:
/// unreadable or too-small files, near-empty intensity windows, exact and near duplicates
/// within and across splits, patient groups in two splits, empty classes and imbalance, sizes,
/// bit depths and DICOM header consistency (see `ValidationResult`, `Finding.Kind`).
///
/// Read-only: files are opened for reading and decoded in memory (no image cache, no temporary
/// file); nothing in the data folder is created, changed, moved or deleted.
public enum DatasetValidator {
    /// What to check and how.
    public struct Options: Sendable {
        public var classNames: [String]
        public var threads: Int
        /// Perceptual hashes at most this many bits apart are near duplicates.
        public var nearDistance: Int
        /// How files are grouped by patient or study (`data.group_by`); `.perImage`: no groups.
        public var groupBy: GroupRule
        /// Reads a DICOM tag of a file, for `dicom:` grouping.
        public var dicomTag: DicomTagReader?
        /// A split whose largest class has more than this many times the images of its smallest is flagged.
        public var imbalanceWarning: Double
        /// How 16-bit and DICOM samples are windowed to 8 bits (the configuration's `data.intensity_window`, ...).
        public var decoding: DecodeOptions
        /// Sub-folders of class folders (`data.recursive`), as training reads them.
        public var recursive: Dataset.Recursion
        /// A CSV manifest that alone defines the samples (`data.manifest`), as training reads it.
        public var manifest: URL?

        public init(classNames: [String], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                    nearDistance: Int = DatasetValidator.defaultNearDistance,
                    groupBy: GroupRule = .perImage, dicomTag: DicomTagReader? = nil, imbalanceWarning: Double = 10,
                    decoding: DecodeOptions = .default, recursive: Dataset.Recursion = .auto, manifest: URL? = nil) {
            self.classNames = classNames; self.threads = threads; self.nearDistance = nearDistance
            self.groupBy = groupBy; self.dicomTag = dicomTag; self.imbalanceWarning = imbalanceWarning; self.decoding = decoding
            self.recursive = recursive; self.manifest = manifest
        }
    }

    /// The default near-duplicate distance (bits of 64), chosen by measurement: see `PerceptualHashTests`.
    public static let defaultNearDistance = 8

    /// The splits and class folders found, before any image is read.
    struct Inventory {
        var records: [ImageRecord] = []
        var findings: [Finding] = []
        /// Splits whose folder exists.
        var splits: [String] = []
        var ignored: [String: Int] = [:]
        /// The ignored files, relative to the data folder.
        var ignoredPaths: [String] = []
    }

    /// Validates `dataDir`. `progress(done, total)` is called after each image (from worker
    /// threads, never two at once). Throws `.io` only when `dataDir` is not a readable folder;
    /// everything else is a finding.
    public static func run(dataDir: URL, options: Options, progress: ((Int, Int) -> Void)? = nil) throws -> ValidationResult {
        let started = Date()
        let root = dataDir.standardizedFileURL
        var inventory = try inventory(root, options: options)
        try read(&inventory.records, root: root, options: options, progress: progress)
        var result = ValidationChecks.analyze(inventory, options: options)
        result.dataDir = root.path
        result.seconds = Date().timeIntervalSince(started)
        return result
    }

    // MARK: Scan

    /// The files to read, found exactly as training finds them (`Dataset.scan`: class folders or the
    /// manifest, `data.recursive`, the scan's file rules, groups by `data.group_by`). When training
    /// would refuse the layout (no `train/`, a train class folder missing or empty, a bad manifest or
    /// group rule), that is a blocking finding and, for class folders, the folders are still walked
    /// one level deep so the report shows everything else.
    static func inventory(_ root: URL, options: Options) throws -> Inventory {
        guard isDirectory(root.path) else {
            throw RuntimeError.io(path: root.path, problem: FileManager.default.fileExists(atPath: root.path)
                                  ? "is a file, expected the data folder" : "data folder does not exist")
        }
        do {
            let dataset = try Dataset.scan(dataDir: root, classNames: options.classNames,
                                           options: Dataset.Options(recursive: options.recursive, manifest: options.manifest,
                                                                    groupBy: options.groupBy, dicomTag: options.dicomTag))
            return inventory(of: dataset, root: root, options: options)
        } catch {
            let refused = Finding(.layoutRefused, "training refuses this data: \(oneLine("\(error)"))", paths: [])
            guard options.manifest == nil else {
                var inv = Inventory()
                inv.findings.append(refused)
                return inv
            }
            var inv = try scan(root, options: options)
            assignGroups(&inv, root: root, options: options)
            // A group rule that cannot group the files is the reason already reported.
            if !inv.findings.contains(where: { $0.kind == .groupingFailed }) { inv.findings.insert(refused, at: 0) }
            return inv
        }
    }

    /// The records of a scanned dataset; a class without images in an existing split is blocking,
    /// the scan's other remarks (folders that are not classes, unread sub-folders, loops) are warnings.
    static func inventory(of dataset: Dataset, root: URL, options: Options) -> Inventory {
        var inv = Inventory()
        let names = options.classNames
        for split in Dataset.Split.allCases where dataset.has(split) {
            inv.splits.append(split.rawValue)
            for sample in dataset.splits[split] ?? [] {
                // Per image (no rule, no manifest groups) the scan's group is the path itself: no group.
                let group = sample.group == sample.relativePath ? nil : ValidationResult.anonymize(sample.group)
                inv.records.append(ImageRecord(path: sample.relativePath, split: split.rawValue, className: names[sample.label],
                                               group: group, bytes: 0))
            }
            for (c, n) in dataset.counts(split).enumerated() where n == 0 {
                let rel = "\(split.rawValue)/\(names[c])"
                inv.findings.append(Finding(.emptyClass, "\(rel): no images of this class", paths: [rel]))
            }
        }
        let prefix = root.path + "/"
        for warning in dataset.warnings where !warning.hasSuffix("class folder missing") && !warning.contains(": no images") {
            let text = warning.hasPrefix(prefix) ? String(warning.dropFirst(prefix.count)) : warning
            inv.findings.append(Finding(.notAClass, text, paths: []))
        }
        let read = Set(inv.records.map(\.path))
        let manifest = options.manifest?.standardizedFileURL.path
        for file in visibleFiles(root) where !read.contains(file) && root.path + "/" + file != manifest {
            let kind: String
            switch ScanFile.classify((file as NSString).lastPathComponent, head: { ScanFile.head(root.path + "/" + file) }) {
            case .ignored(let k): kind = k.hasPrefix(".") ? String(k.dropFirst()) : k
            case .image: kind = "images outside the read folders"
            case .hidden: continue
            }
            inv.ignored[kind, default: 0] += 1
            inv.ignoredPaths.append(file)
        }
        return inv
    }

    /// Every file below `root` (relative paths, sorted), hidden entries and links to folders not entered.
    static func visibleFiles(_ root: URL) -> [String] {
        guard let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                         options: [.skipsHiddenFiles]) else { return [] }
        let prefix = root.resolvingSymlinksInPath().path + "/", plain = root.path + "/"
        var files: [String] = []
        for case let url as URL in walk where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let path = url.path
            if path.hasPrefix(plain) { files.append(String(path.dropFirst(plain.count))) }
            else if path.hasPrefix(prefix) { files.append(String(path.dropFirst(prefix.count))) }
        }
        return files.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// The class folders walked one level deep: the report's fallback when training's scan refuses the data.
    static func scan(_ root: URL, options: Options) throws -> Inventory {
        guard isDirectory(root.path) else {
            throw RuntimeError.io(path: root.path, problem: FileManager.default.fileExists(atPath: root.path)
                                  ? "is a file, expected the data folder" : "data folder does not exist")
        }
        var inv = Inventory()
        let classes = options.classNames, classList = classes.joined(separator: ", ")
        for split in Dataset.Split.allCases.map(\.rawValue) {
            let splitPath = root.path + "/" + split
            guard isDirectory(splitPath) else {
                if split == "train" {
                    inv.findings.append(Finding(.missingTrain, "\(split)/: missing; expected train/<class>/ folders for \(classList)",
                                                paths: [split]))
                }
                continue
            }
            inv.splits.append(split)
            for entry in try entries(splitPath) where !classes.contains(entry) {
                if isDirectory(splitPath + "/" + entry) {
                    inv.findings.append(Finding(.notAClass, "\(split)/\(entry)/: not one of the classes (\(classList)); not read",
                                                paths: ["\(split)/\(entry)"]))
                } else {
                    inv.ignored[ignoredKey(entry), default: 0] += 1
                    inv.ignoredPaths.append("\(split)/\(entry)")
                }
            }
            for name in classes {
                let rel = "\(split)/\(name)", classPath = root.path + "/" + rel
                guard isDirectory(classPath) else {
                    inv.findings.append(Finding(.emptyClass, "\(rel)/: class folder missing", paths: [rel]))
                    continue
                }
                var count = 0
                for file in try entries(classPath) {
                    let path = classPath + "/" + file
                    if isDirectory(path) {
                        inv.findings.append(Finding(.notAClass, "\(rel)/\(file)/: a sub-folder of a class folder; not read",
                                                    paths: ["\(rel)/\(file)"]))
                    } else if isImageFile(file, path: path) {
                        let relative = "\(rel)/\(file)"
                        inv.records.append(ImageRecord(path: relative, split: split, className: name, group: nil, bytes: 0))
                        count += 1
                    } else {
                        inv.ignored[ignoredKey(file), default: 0] += 1
                        inv.ignoredPaths.append("\(rel)/\(file)")
                    }
                }
                if count == 0 {
                    inv.findings.append(Finding(.emptyClass, "\(rel)/: no images (PNG, JPEG, TIFF or DICOM)", paths: [rel]))
                }
            }
        }
        return inv
    }

    /// An image of the fallback walk: a PNG or JPEG name (`Dataset.isImageName`), a DICOM or TIFF
    /// extension, or a file without extension starting with the DICOM preamble.
    static func isImageFile(_ name: String, path: String) -> Bool {
        if Dataset.isImageName(name) { return true }
        guard !name.hasPrefix(".") else { return false }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else {
            guard let handle = FileHandle(forReadingAtPath: path) else { return false }
            defer { try? handle.close() }
            return DicomFile.hasPreamble((try? handle.read(upToCount: 132)) ?? Data())
        }
        return ["dcm", "dicom", "tif", "tiff"].contains(name[name.index(after: dot)...].lowercased())
    }

    /// Sets each record's group by `options.groupBy` (helper B's `GroupRule`, as training does),
    /// anonymized; a rule that cannot group every file is a blocking finding (training refuses it).
    static func assignGroups(_ inv: inout Inventory, root: URL, options: Options) {
        guard options.groupBy != .perImage, !inv.records.isEmpty else { return }
        let samples = inv.records.map { Dataset.Sample(url: root.appendingPathComponent($0.path), label: 0, relativePath: $0.path) }
        do {
            let keys = try options.groupBy.groups(of: samples, given: nil, dicomTag: options.dicomTag, dataDir: root.path)
            for i in keys.indices { inv.records[i].group = ValidationResult.anonymize(keys[i]) }
        } catch {
            inv.findings.append(Finding(.groupingFailed, oneLine("\(error)"), paths: []))
        }
    }

    /// How an ignored file is counted: its lower-cased extension, `mask` for a segmentation mask.
    static func ignoredKey(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "(none)" }
        let ext = name[name.index(after: dot)...].lowercased()
        if ["png", "jpg", "jpeg"].contains(ext) { return "\(ext) mask" }
        return ext.isEmpty ? "(none)" : ext
    }

    // MARK: Reading

    /// Reads, hashes and decodes every record's file on `threads` threads; fills the records.
    static func read(_ records: inout [ImageRecord], root: URL, options: Options, progress: ((Int, Int) -> Void)?) throws {
        let work = Work(records, progress: progress)
        let workers = max(1, min(options.threads, records.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let item = work.claim() {
                work.finish(item.index, inspect(item.record, root: root, decoding: options.decoding))
            }
        }
        records = work.records
    }

    /// One file read: size, content hash, decode facts and perceptual hash, or the problem.
    static func inspect(_ record: ImageRecord, root: URL, decoding: DecodeOptions) -> ImageRecord {
        var r = record
        let path = root.path + "/" + record.path
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            r.problem = "cannot read the file (\(oneLine(error.localizedDescription)))"
            return r
        }
        r.bytes = data.count
        r.sha256 = SHA256.hex(data)
        do {
            let d = try ValidationDecode.decode(data: data, path: path, options: decoding)
            let f = d.facts
            r.format = f.format.rawValue
            r.width = d.width; r.height = d.height; r.channels = f.channels; r.bitsStored = f.bitsStored
            r.sourceMin = f.sourceMin; r.sourceMax = f.sourceMax
            r.windowLow = f.windowLow; r.windowHigh = f.windowHigh; r.windowSource = f.windowSource
            r.distinctLevels = f.distinctLevels
            r.decoderWarnings = d.warnings.isEmpty ? nil : d.warnings
            r.dicom = d.dicom
            r.phash = PerceptualHash.hex(PerceptualHash.hash(gray: d.gray, width: d.width, height: d.height))
        } catch {
            r.problem = DataPreflight.describe(error, path: path)
        }
        return r
    }

    /// The records being filled and the work queue of the reading threads.
    private final class Work: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0, done = 0
        private let progress: ((Int, Int) -> Void)?
        private(set) var records: [ImageRecord]

        init(_ records: [ImageRecord], progress: ((Int, Int) -> Void)?) {
            self.records = records
            self.progress = progress
        }

        func claim() -> (index: Int, record: ImageRecord)? {
            lock.withLock {
                guard next < records.count else { return nil }
                defer { next += 1 }
                return (next, records[next])
            }
        }

        func finish(_ i: Int, _ record: ImageRecord) {
            lock.withLock {
                records[i] = record
                done += 1
                progress?(done, records.count)
            }
        }
    }

    // MARK: Helpers

    static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// Visible entry names of a folder, sorted by bytes.
    static func entries(_ path: String) throws -> [String] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
            throw RuntimeError.io(path: path, problem: "cannot list the folder: \(oneLine(error.localizedDescription))")
        }
        return names.filter { !$0.hasPrefix(".") }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
