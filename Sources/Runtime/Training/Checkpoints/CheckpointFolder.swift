import Foundation
import Formats
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One folder of checkpoints (the store's, or its backup) and the crash-safe steps on it.
///
/// Every change goes through `fs`. Hidden names the store creates: `.tmp-<name>-<pid>-<r>` (a
/// checkpoint or file being written), `.old-<name>-<pid>-<r>` (a checkpoint being replaced),
/// `.trash-<name>-<pid>-<r>` (one being deleted), `.link-<link>-<pid>-<r>` (a link being
/// replaced), and `.lock`. See `CheckpointStore` for the table of states and their recovery.
struct CheckpointFolder {
    let directory: URL
    let fs: CheckpointFileSystem

    /// What `inspect` finds at a checkpoint folder.
    enum Status {
        /// A manifest whose files are all there with their sizes (hashes are checked by `load`).
        case complete(CheckpointManifest)
        /// No manifest (written before manifests existed), the four files present.
        case legacy
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func entries() throws -> [String] { try fs.list(directory.path) }

    /// The status of the checkpoint folder at `path`, or the one-line reason it is not one.
    static func inspect(_ path: String, fs: CheckpointFileSystem) -> Result<Status, RuntimeError> {
        guard fs.kind(path) == .directory else {
            return .failure(.io(path: path, problem: "no checkpoint here (expected a folder holding \(CheckpointStore.files.joined(separator: ", ")) and \(CheckpointManifest.fileName))"))
        }
        let manifestPath = path + "/" + CheckpointManifest.fileName
        guard fs.kind(manifestPath) != nil else {
            let missing = CheckpointStore.files.filter { fs.kind(path + "/" + $0) != .file }
            return missing.isEmpty ? .success(.legacy)
                : .failure(.io(path: path, problem: "incomplete checkpoint: \(missing.joined(separator: ", ")) missing"))
        }
        let manifest: CheckpointManifest
        do { manifest = try CheckpointManifest.decode(try fs.read(manifestPath), path: manifestPath) } catch {
            return .failure(error as? RuntimeError ?? .io(path: manifestPath, problem: "\(error)"))
        }
        let missing = CheckpointStore.files.filter { fs.kind(path + "/" + $0) != .file }
        guard missing.isEmpty else { return .failure(.io(path: path, problem: "incomplete checkpoint: \(missing.joined(separator: ", ")) missing")) }
        for file in CheckpointStore.files {
            guard let entry = manifest.files[file] else {
                return .failure(.io(path: manifestPath, problem: "does not list \(file)"))
            }
            let size = fs.size(path + "/" + file)
            guard size == entry.size else {
                return .failure(.io(path: path + "/" + file, problem: "damaged checkpoint file: \(size ?? -1) bytes, the manifest says \(entry.size)"))
            }
        }
        return .success(.complete(manifest))
    }

    func status(_ name: String) -> Status? { try? Self.inspect(path(name), fs: fs).get() }

    /// The complete checkpoints with managed names (`epoch-NNNN`, `epoch-NNNN-step-NNNNNN`), oldest first.
    func managed() throws -> [(name: String, status: Status)] {
        try entries().filter { CheckpointStore.order(of: $0) != nil }
            .sorted { CheckpointStore.order(of: $0)! < CheckpointStore.order(of: $1)! }
            .compactMap { name in status(name).map { (name, $0) } }
    }

    /// `prefix-<name>-<pid>-<random>`, a fresh hidden name for a step of this process.
    static func hidden(_ prefix: String, _ name: String) -> String {
        ".\(prefix)-\(name)-\(getpid())-\(UInt32.random(in: 0 ... .max))"
    }

    /// The `<name>` inside a hidden `.prefix-<name>-<pid>-<random>`, or nil.
    static func nameInside(_ entry: String, prefix: String) -> String? {
        guard entry.hasPrefix(".\(prefix)-") else { return nil }
        let parts = entry.dropFirst(prefix.count + 2).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return nil }
        let name = parts.dropLast(2).joined(separator: "-")
        return name.isEmpty ? nil : name
    }

    // MARK: - Steps

    /// Writes checkpoint `name` with `files` (in order, the manifest last) into a temporary folder,
    /// then renames it into place, moving a previous `name` aside first and deleting it after.
    func place(_ name: String, files: [(String, Data)]) throws {
        try place(name) { temporary in
            for (file, data) in files { try fs.writeFile(data, to: temporary + "/" + file) }
        }
    }

    /// `place` with the folder's contents made by `fill` (given the temporary folder's path).
    func place(_ name: String, fill: (String) throws -> Void) throws {
        let target = path(name)
        let existing = fs.kind(target)
        if let existing, existing != .directory {
            throw RuntimeError.io(path: target, problem: "exists and is not a checkpoint folder; refusing to replace it")
        }
        if existing != nil, status(name) == nil {
            throw RuntimeError.io(path: target, problem: "exists and is not a complete checkpoint of this store; refusing to replace it")
        }
        let temporary = path(Self.hidden("tmp", name))
        try fs.createDirectory(temporary)
        try fill(temporary)
        try fs.syncDirectory(temporary)
        var old: String?
        if existing != nil {
            old = path(Self.hidden("old", name))
            try fs.rename(target, to: old!)
        }
        try fs.rename(temporary, to: target)
        try fs.syncDirectory(directory.path)
        if let old { try removeTree(old) }
    }

    /// Deletes checkpoint `name`: renamed to a hidden trash name, then removed; nothing there is a no-op.
    func discard(_ name: String) throws {
        guard fs.kind(path(name)) == .directory else { return }
        let trash = path(Self.hidden("trash", name))
        try fs.rename(path(name), to: trash)
        try fs.syncDirectory(directory.path)
        try removeTree(trash)
    }

    /// Removes the tree at `path` (a folder the store made), entry by entry; symlinks are removed, not followed.
    func removeTree(_ path: String) throws {
        guard let kind = fs.kind(path) else { return }
        guard kind == .directory else { return try fs.removeFile(path) }
        for entry in try fs.list(path) { try removeTree(path + "/" + entry) }
        try fs.removeDirectory(path)
    }

    /// Points symlink `link` at `name` atomically (a temporary symlink renamed over it).
    func link(_ link: String, to name: String) throws {
        if let kind = fs.kind(path(link)), kind != .symlink {
            throw RuntimeError.io(path: path(link), problem: "exists and is not a symlink; refusing to replace it")
        }
        if fs.readLink(path(link)) == name { return }
        let temporary = path(Self.hidden("link", link))
        try fs.symlink(name, at: temporary)
        try fs.rename(temporary, to: path(link))
        try fs.syncDirectory(directory.path)
    }

    /// Removes symlink `link` if it is one.
    func unlink(_ link: String) throws {
        guard fs.kind(path(link)) == .symlink else { return }
        try fs.removeFile(path(link))
        try fs.syncDirectory(directory.path)
    }

    /// The name symlink `link` points at, or nil.
    func target(_ link: String) -> String? { fs.readLink(path(link)) }

    /// Writes `data` to `file` atomically (`.tmp-<file>-*`, fsync, rename).
    func writeAtomically(_ data: Data, to file: String) throws {
        let temporary = path(Self.hidden("tmp", file))
        try fs.writeFile(data, to: temporary)
        try fs.rename(temporary, to: path(file))
        try fs.syncDirectory(directory.path)
    }

    // MARK: - Recovery

    /// Undoes or finishes what a crashed writer left in this folder (the table in `CheckpointStore`);
    /// returns one note per action. Only hidden names the store creates are touched.
    func recoverHidden() throws -> [String] {
        var notes: [String] = []
        var removed = false
        for entry in try entries().sorted() where entry.hasPrefix(".") {
            let full = path(entry)
            if entry.hasPrefix(".tmp-") || entry.hasPrefix(".trash-") || entry.hasPrefix(".link-") {
                try removeTree(full)
                notes.append("removed \(entry), left by an interrupted \(entry.hasPrefix(".tmp-") ? "save" : entry.hasPrefix(".trash-") ? "deletion" : "link update")")
                removed = true
            } else if let name = Self.nameInside(entry, prefix: "old") {
                if fs.kind(path(name)) == nil, case .some = status(entry) {
                    try fs.rename(full, to: path(name))
                    notes.append("put back \(name): its replacement was interrupted (\(entry))")
                } else {
                    try removeTree(full)
                    notes.append("removed \(entry), the previous \(name) whose replacement had arrived")
                }
                removed = true
            }
        }
        if removed { try fs.syncDirectory(directory.path) }
        return notes
    }

    /// Points `latest` at the newest complete managed checkpoint and `best` at what the newest
    /// checkpoint's manifest names (or removes a `best` that points at nothing complete).
    func repairLinks() throws -> [String] {
        var notes: [String] = []
        let complete = try managed()
        if let newest = complete.last {
            let was = target("latest")
            if was != newest.name {
                try link("latest", to: newest.name)
                notes.append("latest -> \(newest.name) (was \(was ?? "absent"): the newest complete checkpoint)")
            }
        } else if let was = target("latest"), status(was) == nil {
            try unlink("latest")
            notes.append("removed latest -> \(was): no complete checkpoint there")
        }
        let named: String? = {
            if let newest = complete.last, case .complete(let m) = newest.status { return m.best }
            return nil
        }()
        let was = target("best")
        if let named, status(named) != nil {
            if was != named {
                try link("best", to: named)
                notes.append("best -> \(named) (was \(was ?? "absent"): as the newest checkpoint records)")
            }
        } else if let was, status(was) == nil {
            try unlink("best")
            notes.append("removed best -> \(was): no complete checkpoint there")
        }
        return notes
    }
}
