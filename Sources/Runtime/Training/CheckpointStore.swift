import Foundation
import Graph
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A directory of training checkpoints, each one a directory written atomically.
///
/// A checkpoint `<directory>/<name>/` holds four files:
/// - `model.safetensors`: the model block (parameters and buffers, torchvision names) plus one
///   I64 scalar `<bn>.num_batches_tracked` per BatchNorm, so torchvision's
///   `load_state_dict(strict=True)` accepts it as is;
/// - `ema.safetensors`: the EMA block, the same names and the same `num_batches_tracked`;
/// - `optimizer.safetensors`: `exp_avg.<parameter>` and `exp_avg_sq.<parameter>` (Adam moments);
/// - `trainer_state.json`: the caller's bytes, opaque here.
///
/// Names. `epochName(7)` = `epoch-0007` is the state after epoch 7 finished;
/// `stepName(epoch: 8, step: 123)` = `epoch-0008-step-000123` is the state 123 optimizer steps
/// into epoch 8 (an interrupted epoch). Checkpoints are ordered by (epoch, step), an epoch's end
/// after all its steps. Only names of these two forms are *managed*: `prune` deletes nothing
/// else. Other names (no `/`, not hidden, not `latest`/`best`) can be saved and are kept forever.
///
/// Links. `latest` and `best` are relative symlinks to a checkpoint name, replaced atomically.
///
/// Crash safety. Every file is fsynced inside a hidden `.tmp-*` directory that is renamed into
/// place; a checkpoint being replaced is first renamed to `.old-<name>-*` and deleted after.
/// `init` removes leftover `.tmp-*`, `.trash-*` and `.link-*` entries and puts back an `.old-*`
/// whose replacement never arrived. One process writes a store at a time.
public struct CheckpointStore {
    public let directory: URL
    /// How many managed checkpoints `prune` keeps besides `best`, `latest` and the protected ones.
    public let keepLatest: Int

    public static let modelFile = "model.safetensors"
    public static let emaFile = "ema.safetensors"
    public static let optimizerFile = "optimizer.safetensors"
    public static let trainerStateFile = "trainer_state.json"
    public static let files = [modelFile, emaFile, optimizerFile, trainerStateFile]

    /// Test hook: called after each stage of `save` (a file name, then "rename"); throwing simulates a crash there.
    var faultInjection: ((String) throws -> Void)?

    /// Opens (creating it if needed) the store at `directory` and cleans up after an interrupted save.
    public init(directory: URL, keepLatest: Int) throws {
        guard keepLatest >= 0 else { throw RuntimeError.io(path: directory.path, problem: "keepLatest must be >= 0, got \(keepLatest)") }
        self.directory = directory
        self.keepLatest = keepLatest
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw RuntimeError.io(path: directory.path, problem: "cannot create the checkpoint directory: \(error.localizedDescription)")
        }
        try recover()
    }

    // MARK: - Names

    /// `epoch-0007`: the state after epoch `epoch` finished.
    public static func epochName(_ epoch: Int) -> String { String(format: "epoch-%04d", epoch) }

    /// `epoch-0008-step-000123`: the state `step` optimizer steps into epoch `epoch`.
    public static func stepName(epoch: Int, step: Int) -> String { epochName(epoch) + String(format: "-step-%06d", step) }

    /// The order of a managed name: (epoch, step), where an epoch's end has step `Int.max`; nil if not managed.
    public static func order(of name: String) -> (epoch: Int, step: Int)? {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        func number(_ s: Substring, _ width: Int) -> Int? {
            s.count >= width && s.allSatisfy({ $0.isASCII && $0.isNumber }) ? Int(s) : nil
        }
        guard parts.count == 2 || parts.count == 4, parts[0] == "epoch", let epoch = number(parts[1], 4) else { return nil }
        if parts.count == 2 { return (epoch, Int.max) }
        guard parts[2] == "step", let step = number(parts[3], 6) else { return nil }
        return (epoch, step)
    }

    /// The managed checkpoints present, oldest first.
    public func checkpoints() throws -> [String] {
        try entries().filter { Self.order(of: $0) != nil && type(url($0)) == S_IFDIR }
            .sorted { Self.order(of: $0)! < Self.order(of: $1)! }
    }

    // MARK: - Saving

    /// Writes checkpoint `name` atomically, then (by default) points `latest` at it; returns its URL.
    ///
    /// `batchesTracked` maps BatchNorm prefixes (a prefix P with buffers P.running_mean and
    /// P.running_var) to their `num_batches_tracked`; a missing prefix is written as 0.
    @discardableResult
    public func save(name: String, state: StateBlocks, batchesTracked: [String: Int64], trainerState: Data,
                     updateLatest: Bool = true) throws -> URL {
        try validate(name)
        let prefixes = Self.batchNormPrefixes(state.layout)
        if let unknown = batchesTracked.keys.sorted().first(where: { !prefixes.contains($0) }) {
            throw RuntimeError.tensor(name: unknown + ".num_batches_tracked", problem: "not a BatchNorm of the layout (no running_mean and running_var buffers)")
        }
        let target = url(name)
        let existing = type(target)
        if let existing, existing != S_IFDIR {
            throw RuntimeError.io(path: target.path, problem: "exists and is not a checkpoint directory; refusing to replace it")
        }

        let temporary = url(".tmp-\(name)-\(Self.unique())")
        try posix(mkdir(temporary.path, 0o755), temporary, "cannot create the temporary checkpoint directory")
        var placed = false
        defer { if !placed { try? FileManager.default.removeItem(at: temporary) } }

        for block in [StateBlocks.Block.model, .ema] {
            var writer = SafeTensorsWriter(metadata: ["format": "pt"])
            for entry in state.layout.parameters + state.layout.buffers {
                try writer.add(entry.name, floats: try state.read(block, entry.name), shape: entry.shape)
            }
            for prefix in prefixes.sorted() {
                try writer.add(prefix + ".num_batches_tracked", int64s: [batchesTracked[prefix] ?? 0], shape: [])
            }
            let file = block == .model ? Self.modelFile : Self.emaFile
            try writer.write(to: temporary.appendingPathComponent(file))
            try faultInjection?(file)
        }
        var optimizer = SafeTensorsWriter(metadata: ["format": "pt"])
        for entry in state.layout.parameters {
            try optimizer.add("exp_avg." + entry.name, floats: try state.read(.adamM, entry.name), shape: entry.shape)
            try optimizer.add("exp_avg_sq." + entry.name, floats: try state.read(.adamV, entry.name), shape: entry.shape)
        }
        try optimizer.write(to: temporary.appendingPathComponent(Self.optimizerFile))
        try faultInjection?(Self.optimizerFile)
        try AtomicFile.write(trainerState, to: temporary.appendingPathComponent(Self.trainerStateFile).path)
        try faultInjection?(Self.trainerStateFile)

        var old: URL?
        if existing != nil {
            old = url(".old-\(name)-\(Self.unique())")
            try posix(rename(target.path, old!.path), target, "cannot move the previous checkpoint aside")
        }
        do {
            try faultInjection?("rename")
            try posix(rename(temporary.path, target.path), temporary, "cannot rename it to \(name)")
        } catch {
            if let old { _ = rename(old.path, target.path) }
            throw error
        }
        placed = true
        try Self.syncDirectory(directory)
        if let old { try? FileManager.default.removeItem(at: old) }
        if updateLatest { try link("latest", to: name) }
        return target
    }

    /// Points the symlink `best` at checkpoint `name` atomically.
    public func markBest(_ name: String) throws {
        try validate(name)
        try Self.requireComplete(url(name))
        try link("best", to: name)
    }

    /// Deletes managed checkpoints except the newest `keepLatest`, the targets of `best` and
    /// `latest`, and `protected` (e.g. periodic keepers); returns the deleted names.
    @discardableResult
    public func prune(protected: Set<String> = []) throws -> [String] {
        let all = try checkpoints()
        var keep = protected.union(all.suffix(keepLatest))
        for link in ["latest", "best"] { if let target = linkTarget(link) { keep.insert(target) } }
        let doomed = all.filter { !keep.contains($0) }
        for name in doomed {
            let trash = url(".trash-\(name)-\(Self.unique())")
            try posix(rename(url(name).path, trash.path), url(name), "cannot move the checkpoint aside to delete it")
            try? FileManager.default.removeItem(at: trash)
        }
        if !doomed.isEmpty { try Self.syncDirectory(directory) }
        return doomed
    }

    // MARK: - Finding and loading

    /// The checkpoint directory `reference` names: `latest`, `best`, a name in the store, or a
    /// path (anything containing `/`). Throws `.io` naming the path when it is missing or incomplete.
    public func resolve(_ reference: String) throws -> URL {
        var target = reference.contains("/") ? URL(fileURLWithPath: reference) : url(reference)
        if type(target) == S_IFLNK, let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: target.path) {
            target = destination.hasPrefix("/") ? URL(fileURLWithPath: destination)
                : target.deletingLastPathComponent().appendingPathComponent(destination)
        }
        try Self.requireComplete(target)
        return target.standardizedFileURL
    }

    /// Loads checkpoint `url` into the model, EMA and Adam blocks of `state`, strictly: every
    /// tensor present with its shape and dtype and nothing else; nothing is changed unless all
    /// three files check. Returns the trainer state bytes and `num_batches_tracked` by BatchNorm.
    public static func load(_ url: URL, into state: StateBlocks) throws -> (trainerState: Data, batchesTracked: [String: Int64]) {
        try requireComplete(url)
        let layout = state.layout
        let prefixes = batchNormPrefixes(layout)
        var blockTensors: [String: (SafeTensorsDType, [Int])] = [:]
        for entry in layout.parameters + layout.buffers { blockTensors[entry.name] = (.F32, entry.shape) }
        for prefix in prefixes { blockTensors[prefix + ".num_batches_tracked"] = (.I64, []) }
        var optimizerTensors: [String: (SafeTensorsDType, [Int])] = [:]
        for entry in layout.parameters {
            optimizerTensors["exp_avg." + entry.name] = (.F32, entry.shape)
            optimizerTensors["exp_avg_sq." + entry.name] = (.F32, entry.shape)
        }
        let model = try SafeTensors(contentsOf: url.appendingPathComponent(modelFile))
        let ema = try SafeTensors(contentsOf: url.appendingPathComponent(emaFile))
        let optimizer = try SafeTensors(contentsOf: url.appendingPathComponent(optimizerFile))
        for (file, expected) in [(model, blockTensors), (ema, blockTensors), (optimizer, optimizerTensors)] {
            try check(file, expected)
        }
        let trainerStateURL = url.appendingPathComponent(trainerStateFile)
        guard let trainerState = try? Data(contentsOf: trainerStateURL) else {
            throw RuntimeError.io(path: trainerStateURL.path, problem: "cannot read the trainer state")
        }

        for entry in layout.parameters + layout.buffers {
            try state.write(.model, entry.name, try model.floats(entry.name))
            try state.write(.ema, entry.name, try ema.floats(entry.name))
        }
        for entry in layout.parameters {
            try state.write(.adamM, entry.name, try optimizer.floats("exp_avg." + entry.name))
            try state.write(.adamV, entry.name, try optimizer.floats("exp_avg_sq." + entry.name))
        }
        var tracked: [String: Int64] = [:]
        for prefix in prefixes { tracked[prefix] = try model.int64s(prefix + ".num_batches_tracked")[0] }
        return (trainerState, tracked)
    }

    /// BatchNorm prefixes of `layout`: every P with buffers P.running_mean and P.running_var.
    public static func batchNormPrefixes(_ layout: Manifest.StateLayout) -> Set<String> {
        let buffers = Set(layout.buffers.map(\.name))
        return Set(buffers.compactMap { name in
            guard name.hasSuffix(".running_mean") else { return nil }
            let prefix = String(name.dropLast(".running_mean".count))
            return buffers.contains(prefix + ".running_var") ? prefix : nil
        })
    }

    // MARK: - Helpers

    /// Throws unless `file` holds exactly the `expected` tensors with their dtypes and shapes.
    private static func check(_ file: SafeTensors, _ expected: [String: (SafeTensorsDType, [Int])]) throws {
        func fail(_ problem: String) -> RuntimeError { .safetensors(path: file.path, problem: problem) }
        for name in expected.keys.sorted() {
            let (dtype, shape) = expected[name]!
            guard let entry = file.entries[name] else { throw fail("tensor '\(name)' is missing (the file has \(file.entries.count) tensors)") }
            guard entry.dtype == dtype, entry.shape == shape else {
                throw fail("tensor '\(name)' is \(entry.dtype.rawValue) \(entry.shape), expected \(dtype.rawValue) \(shape)")
            }
        }
        if let extra = file.names.first(where: { expected[$0] == nil }) {
            throw fail("unexpected tensor '\(extra)' (not in the model's layout)")
        }
    }

    /// Throws `.io` naming `url` unless it is a directory holding all four files.
    private static func requireComplete(_ url: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RuntimeError.io(path: url.path, problem: "no checkpoint here (expected a directory holding \(files.joined(separator: ", ")))")
        }
        let missing = files.filter { !FileManager.default.fileExists(atPath: url.appendingPathComponent($0).path) }
        guard missing.isEmpty else {
            throw RuntimeError.io(path: url.path, problem: "incomplete checkpoint: \(missing.joined(separator: ", ")) missing")
        }
    }

    /// Removes temporary leftovers of an interrupted save, prune or link, and restores a checkpoint
    /// moved aside (`.old-<name>-*`) whose replacement never arrived.
    private func recover() throws {
        for entry in try entries() where entry.hasPrefix(".") {
            let path = url(entry)
            if entry.hasPrefix(".tmp-") || entry.hasPrefix(".trash-") || entry.hasPrefix(".link-") {
                try? FileManager.default.removeItem(at: path)
            } else if entry.hasPrefix(".old-") {
                let name = entry.dropFirst(".old-".count).split(separator: "-", omittingEmptySubsequences: false).dropLast(2).joined(separator: "-")
                if !name.isEmpty, !FileManager.default.fileExists(atPath: url(name).path), rename(path.path, url(name).path) == 0 { continue }
                try? FileManager.default.removeItem(at: path)
            }
        }
    }

    /// Points symlink `link` at `name` atomically: a temporary symlink renamed over it.
    private func link(_ link: String, to name: String) throws {
        let temporary = url(".link-\(link)-\(Self.unique())")
        try posix(symlink(name, temporary.path), temporary, "cannot create a symlink to \(name)")
        guard rename(temporary.path, url(link).path) == 0 else {
            let error = RuntimeError.io(path: url(link).path, problem: "cannot point it at \(name): \(String(cString: strerror(errno)))")
            _ = unlink(temporary.path)
            throw error
        }
        try Self.syncDirectory(directory)
    }

    /// The name symlink `link` points at, or nil.
    private func linkTarget(_ link: String) -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: url(link).path)
    }

    private func validate(_ name: String) throws {
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix("."), name != "latest", name != "best" else {
            throw RuntimeError.io(path: url(name).path, problem: "invalid checkpoint name '\(name)' (no '/', not hidden, not 'latest' or 'best')")
        }
    }

    private func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    private func entries() throws -> [String] {
        do { return try FileManager.default.contentsOfDirectory(atPath: directory.path) } catch {
            throw RuntimeError.io(path: directory.path, problem: "cannot list the checkpoint directory: \(error.localizedDescription)")
        }
    }

    /// The file type bits of `url` itself (a symlink is not followed), or nil if nothing is there.
    private func type(_ url: URL) -> mode_t? {
        var status = stat()
        return lstat(url.path, &status) == 0 ? status.st_mode & S_IFMT : nil
    }

    private func posix(_ result: Int32, _ url: URL, _ what: String) throws {
        guard result == 0 else { throw RuntimeError.io(path: url.path, problem: "\(what): \(String(cString: strerror(errno)))") }
    }

    /// fsyncs `directory` so renames in it are durable (EINVAL, a filesystem without directory fsync, is ignored).
    static func syncDirectory(_ directory: URL) throws {
        let fd = open(directory.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw RuntimeError.io(path: directory.path, problem: "cannot open to fsync: \(String(cString: strerror(errno)))") }
        defer { _ = close(fd) }
        if fsync(fd) != 0 && errno != EINVAL {
            throw RuntimeError.io(path: directory.path, problem: "cannot fsync: \(String(cString: strerror(errno)))")
        }
    }

    private static func unique() -> String { "\(getpid())-\(UInt32.random(in: 0 ... .max))" }
}
