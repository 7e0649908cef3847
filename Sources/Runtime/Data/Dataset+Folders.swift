import Foundation
import Formats
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Dataset {
    /// The class-folder layout: `<root>/{train,val,test}/<class>/`, sub-folders per `recursive`.
    static func scanFolders(root: String, classNames: [String], recursive: Recursion) throws(RuntimeError) -> Found {
        var found = Found()
        let classSet = Set(classNames)
        var walker = FolderWalk()
        // Per split present: per class folder, its walk (nil: folder missing).
        var walks: [(split: Split, label: Int, path: String, walk: FolderWalk.Result)] = []
        for split in Split.allCases {
            let splitPath = root + "/" + split.rawValue
            switch FolderWalk.kind(splitPath) {
            case .missing:
                if split == .train {
                    throw .io(path: splitPath, problem: "missing: expected train/<class>/ folders for \(classNames.joined(separator: ", "))")
                }
                continue
            case .file:
                if split == .train { throw .io(path: splitPath, problem: "is a file, expected a directory of class folders") }
                found.warnings.append("\(splitPath): is a file, not a directory; ignored")
                continue
            case .directory: break
            }
            found.splits[split] = []
            for entry in try FolderWalk.entries(splitPath) where !classSet.contains(entry) {
                let p = splitPath + "/" + entry
                if entry.hasPrefix(".") {
                    found.ignored.addHidden()
                } else if FolderWalk.kind(p) == .directory {
                    found.warnings.append("\(p): not one of the classes (\(classNames.joined(separator: ", "))); ignored")
                } else if case .ignored(let kind) = ScanFile.classify(entry, head: { ScanFile.head(p) }) {
                    found.ignored.add(kind)
                } else {
                    found.ignored.add("images outside a class folder")
                }
            }
            for (label, name) in classNames.enumerated() {
                let classPath = splitPath + "/" + name
                guard FolderWalk.kind(classPath) == .directory else {
                    if split == .train { throw .io(path: classPath, problem: "class folder missing") }
                    found.warnings.append("\(classPath): class folder missing")
                    continue
                }
                let walk = try walker.walk(classPath, relative: split.rawValue + "/" + name, recurse: recursive != .never)
                walks.append((split, label, classPath, walk))
            }
        }
        let readSubfolders = recursive == .always || (recursive == .auto && walks.contains { $0.walk.hasDICOM })
        for (split, label, classPath, walk) in walks {
            var samples: [Sample] = []
            for file in walk.files where readSubfolders || file.depth == 0 {
                switch file.verdict {
                case .image:
                    samples.append(Sample(url: URL(fileURLWithPath: root + "/" + file.relativePath), label: label, relativePath: file.relativePath))
                case .ignored(let kind): found.ignored.add(kind)
                case .hidden: found.ignored.addHidden()
                }
            }
            if !readSubfolders && !walk.subfolders.isEmpty {
                let n = walk.subfolders.count
                let hint = recursive == .never ? "data.recursive is false" : "no DICOM files found; set data.recursive: true to read them"
                found.warnings.append("\(classPath) has \(n) sub-folder\(n == 1 ? "" : "s") (not read; \(hint)): "
                                      + walk.subfolders.prefix(3).joined(separator: ", ") + (n > 3 ? ", ..." : ""))
            }
            for loop in walk.loops { found.warnings.append("\(root)/\(loop): a folder already scanned (symlink loop or repeat); not followed") }
            if samples.isEmpty {
                if split == .train { throw .io(path: classPath, problem: "no images (PNG, JPEG, DICOM or TIFF)") }
                found.warnings.append("\(classPath): no images (PNG, JPEG, DICOM or TIFF)")
            }
            found.splits[split]! += samples
        }
        for split in Split.allCases where found.splits[split] != nil { found.splits[split] = ordered(found.splits[split]!) }
        return found
    }
}

/// A walk over folders that follows symbolic links but enters each folder (device, inode) once,
/// so a link loop cannot hang it.
struct FolderWalk {
    enum Kind { case missing, file, directory }

    struct File {
        /// Relative to the data folder.
        var relativePath: String
        /// 0 for a file directly in the walked folder.
        var depth: Int
        var verdict: ScanFile.Verdict
    }

    struct Result {
        var files: [File] = []
        /// Sub-folders directly below the walked folder (names), sorted.
        var subfolders: [String] = []
        /// Relative paths of folders not entered because they were entered before.
        var loops: [String] = []
        /// Whether any DICOM file was found (by extension or preamble), at any depth.
        var hasDICOM = false
    }

    private var visited: Set<[UInt64]> = []

    /// Walks `path` (whose path relative to the data folder is `relative`), entering sub-folders
    /// when `recurse`; files sorted by relative path.
    mutating func walk(_ path: String, relative: String, recurse: Bool) throws(RuntimeError) -> Result {
        var result = Result()
        if let id = Self.identity(path) { visited.insert(id) }
        try visit(path, relative: relative, depth: 0, recurse: recurse, into: &result)
        result.files.sort { Array($0.relativePath.utf8).lexicographicallyPrecedes(Array($1.relativePath.utf8)) }
        return result
    }

    private mutating func visit(_ path: String, relative: String, depth: Int, recurse: Bool,
                                into result: inout Result) throws(RuntimeError) {
        for name in try Self.entries(path) {
            let full = path + "/" + name, rel = relative + "/" + name
            switch Self.kind(full) {
            case .missing:
                continue  // a dangling link
            case .directory:
                if name.hasPrefix(".") { continue }
                if depth == 0 { result.subfolders.append(name) }
                guard recurse else { continue }
                if let id = Self.identity(full) {
                    guard visited.insert(id).inserted else { result.loops.append(rel); continue }
                }
                try visit(full, relative: rel, depth: depth + 1, recurse: recurse, into: &result)
            case .file:
                var head: Data??
                let read = { () -> Data? in
                    if head == nil { head = .some(ScanFile.head(full)) }
                    return head!
                }
                let verdict = ScanFile.classify(name, head: read)
                if verdict == .image && !result.hasDICOM && ScanFile.isDICOM(name, head: read) { result.hasDICOM = true }
                result.files.append(File(relativePath: rel, depth: depth, verdict: verdict))
            }
        }
    }

    /// (device, inode) of a folder, following links.
    private static func identity(_ path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }

    static func kind(_ path: String) -> Kind {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return .missing }
        return isDir.boolValue ? .directory : .file
    }

    /// Entry names of a directory (hidden ones included), sorted by bytes.
    static func entries(_ path: String) throws(RuntimeError) -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw .io(path: path, problem: "cannot list directory: \(error.localizedDescription)")
        }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
