import Foundation
import Formats

/// The image files of a class-folder dataset: `<dataDir>/{train,val,test}/<class>/*.{png,jpg,jpeg}`.
///
/// Scanning only looks at names (decoding comes later). Extensions are matched case-insensitively;
/// hidden entries (a leading `.`) and BUSI segmentation masks (`*_mask.*`, also `*_mask_N.*`) are
/// skipped. Paths are sorted by file name (byte order), so a scan is deterministic. Labels are
/// indices into `classNames` (the config's `data.class_names`, in that order).
public struct Dataset: Sendable {
    /// One image file and its class index.
    public struct Sample: Equatable, Sendable {
        public let url: URL
        public let label: Int
        public init(url: URL, label: Int) {
            self.url = url
            self.label = label
        }
    }

    public enum Split: String, CaseIterable, Sendable {
        case train, val, test
    }

    /// The scanned directory, as given.
    public let dataDir: URL
    public let classNames: [String]
    /// Every split that exists on disk (`train` always; `val` and `test` when their folders exist).
    public let splits: [Split: [Sample]]
    /// Non-fatal findings, one line each naming the path: folders that are not a class name, a class
    /// folder missing or empty in `val`/`test`.
    public let warnings: [String]

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

    /// Scans `dataDir`. Throws `.io` (one line naming the path) when `dataDir` or `dataDir/train`
    /// is missing, or a class folder of `train` is missing or has no PNG or JPEG images.
    public static func scan(dataDir: URL, classNames: [String]) throws(RuntimeError) -> Dataset {
        let root = dataDir.path
        switch kind(root) {
        case .missing: throw .io(path: root, problem: "data directory does not exist")
        case .file: throw .io(path: root, problem: "is a file, expected the data directory")
        case .directory: break
        }
        var splits: [Split: [Sample]] = [:]
        var warnings: [String] = []
        let classSet = Set(classNames)

        for split in Split.allCases {
            let splitPath = root + "/" + split.rawValue
            switch kind(splitPath) {
            case .missing:
                if split == .train {
                    throw .io(path: splitPath, problem: "missing: expected train/<class>/ folders for \(classNames.joined(separator: ", "))")
                }
                continue
            case .file:
                if split == .train { throw .io(path: splitPath, problem: "is a file, expected a directory of class folders") }
                warnings.append("\(splitPath): is a file, not a directory; ignored")
                continue
            case .directory: break
            }
            for extra in try visibleEntries(splitPath) where !classSet.contains(extra) {
                let p = splitPath + "/" + extra
                warnings.append("\(p): not one of the classes (\(classNames.joined(separator: ", "))); ignored")
            }
            var samples: [Sample] = []
            for (label, name) in classNames.enumerated() {
                let classPath = splitPath + "/" + name
                guard kind(classPath) == .directory else {
                    if split == .train { throw .io(path: classPath, problem: "class folder missing") }
                    warnings.append("\(classPath): class folder missing")
                    continue
                }
                let files = try visibleEntries(classPath).filter { isImageName($0) && kind(classPath + "/" + $0) == .file }
                if files.isEmpty {
                    if split == .train { throw .io(path: classPath, problem: "no PNG or JPEG images") }
                    warnings.append("\(classPath): no PNG or JPEG images")
                }
                samples += files.map { Sample(url: URL(fileURLWithPath: classPath + "/" + $0), label: label) }
            }
            splits[split] = samples
        }
        return Dataset(dataDir: dataDir, classNames: classNames, splits: splits, warnings: warnings)
    }

    /// True for a PNG or JPEG name (case-insensitive) that is neither hidden nor a BUSI mask.
    public static func isImageName(_ name: String) -> Bool {
        if name.hasPrefix(".") { return false }
        guard let dot = name.lastIndex(of: ".") else { return false }
        let ext = name[name.index(after: dot)...].lowercased()
        guard ext == "png" || ext == "jpg" || ext == "jpeg" else { return false }
        let stem = name[..<dot].lowercased()
        if stem.hasSuffix("_mask") { return false }
        // BUSI's extra masks: "benign (4)_mask_1.png".
        if let r = stem.range(of: "_mask_", options: .backwards),
           !stem[r.upperBound...].isEmpty, stem[r.upperBound...].allSatisfy(\.isNumber) {
            return false
        }
        return true
    }

    // MARK: Helpers

    private enum Kind { case missing, file, directory }

    private static func kind(_ path: String) -> Kind {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return .missing }
        return isDir.boolValue ? .directory : .file
    }

    /// Entry names of a directory, without hidden ones, sorted by bytes.
    private static func visibleEntries(_ path: String) throws(RuntimeError) -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw .io(path: path, problem: "cannot list directory: \(error.localizedDescription)")
        }
        return names.filter { !$0.hasPrefix(".") }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
