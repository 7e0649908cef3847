import Foundation
import Graph
import Formats

/// A folder of training checkpoints that belongs to one run, written by one process at a time
/// and recoverable from a crash at any step.
///
/// A checkpoint `<directory>/<name>/` holds five files:
/// - `model.safetensors`: the model block (parameters and buffers, torchvision names) plus one
///   I64 scalar `<bn>.num_batches_tracked` per BatchNorm, so torchvision's
///   `load_state_dict(strict=True)` accepts it as is;
/// - `ema.safetensors`: the EMA block, the same names and the same `num_batches_tracked`;
/// - `optimizer.safetensors`: `exp_avg.<parameter>` and `exp_avg_sq.<parameter>` (Adam moments);
/// - `trainer_state.json`: the caller's bytes, opaque here;
/// - `manifest.json`, written last: the run id and each file's size and SHA-256 (`CheckpointManifest`).
/// A checkpoint written before manifests existed (the four files, no manifest) still loads: it
/// counts as complete when the four files exist, and `load` parses them strictly.
///
/// Names. `epochName(7)` = `epoch-0007` is the state after epoch 7 finished;
/// `stepName(epoch: 8, step: 123)` = `epoch-0008-step-000123` is the state 123 optimizer steps
/// into epoch 8. Checkpoints are ordered by (epoch, step), an epoch's end after all its steps.
/// Only names of these two forms are *managed*: `prune` deletes nothing else, and `latest` is
/// the newest complete managed checkpoint. Other names (no `/`, not hidden, not `latest`/`best`)
/// can be saved and are kept forever.
///
/// Ownership. `run.json` names the run (`RunIdentity`); `.lock` is held with flock by the writer
/// and holds its PID. A writer (`.write(runID:)`) takes the lock first, then checks or writes
/// `run.json`, then recovers. A reader (`.read`) takes no lock, writes nothing, recovers nothing
/// and ignores hidden entries: it sees only complete checkpoints, so it can run next to a writer.
///
/// Links. `latest` and `best` are relative symlinks, replaced atomically; they are conveniences
/// for people: `resolve("latest")` is the newest complete checkpoint whatever the link says, and
/// recovery re-points both.
///
/// States a crash (at any single file-system step) can leave, and what the writer's recovery
/// does (readers do nothing and skip hidden entries):
///
/// | state on disk                                        | left by                         | recovery                                   |
/// |------------------------------------------------------|---------------------------------|--------------------------------------------|
/// | `.tmp-<name>-*` folder, partial or complete          | save killed before its rename   | removed (the trainer redoes that save)     |
/// | `.tmp-run.json-*` file                               | run.json being written          | removed; run.json is written again         |
/// | `.old-<name>-*` and no `<name>`                      | replace killed between renames  | renamed back to `<name>`                   |
/// | `.old-<name>-*` and a new `<name>`                   | replace killed before the delete| removed                                    |
/// | `.trash-<name>-*`, possibly half-removed             | prune killed while deleting     | the rest removed                           |
/// | `.link-<link>-*` symlink                             | link update killed              | removed                                    |
/// | complete checkpoint newer than `latest`              | killed between save and link    | `latest` re-pointed; resume uses it anyway |
/// | `latest`/`best` pointing at a missing folder         | killed mid-prune, or by hand    | re-pointed (newest; newest manifest's best) or removed |
/// | `best` older than the newest manifest's `best`       | killed between save and link    | re-pointed                                 |
/// | backup lacking a checkpoint / holding a pruned one   | killed between primary and backup | copied from the primary / deleted       |
/// | `.lock` with the PID of a dead process               | any kill                        | taken over, with a note                    |
/// | managed folder without manifest and missing files    | not the store (a person, a bug) | left alone, never a candidate              |
///
/// A managed `<name>` only ever appears by renaming a complete temporary folder, so it is
/// never half-written, and it is deleted only after being renamed to `.trash-*`, so it is never
/// half-deleted; pruning a name that is already gone is a no-op.
///
/// Backup. With `backupDirectory`, every saved checkpoint is written the same way to that folder
/// (same files, same manifest), and `latest`, `best` and pruning follow; a backup that fails is
/// an error. The backup has its own `run.json` and `.lock`.
public struct CheckpointStore {
    /// How a store is opened.
    public enum Access: Sendable {
        /// Look and load only: no lock, no writes, no recovery.
        case read
        /// The run's writer: lock, `run.json`, recovery, then save, link and prune.
        case write(runID: String)
    }

    public let directory: URL
    /// How many managed checkpoints `prune` keeps besides `best`, `latest` and the protected ones.
    public let keepLatest: Int
    public let access: Access
    public let backupDirectory: URL?
    /// Lines the caller should log (lock taken over from dead PID N, recovery actions taken).
    public private(set) var notes: [String] = []

    let primary: CheckpointFolder
    let backup: CheckpointFolder?
    private let locks: [RunLock]

    public static let modelFile = "model.safetensors"
    public static let emaFile = "ema.safetensors"
    public static let optimizerFile = "optimizer.safetensors"
    public static let trainerStateFile = "trainer_state.json"
    public static let files = [modelFile, emaFile, optimizerFile, trainerStateFile]
    /// `<directory>/run.json`: `{"run_id": ..., "created": ISO 8601, "format": 1}`.
    public static let runFile = "run.json"

    /// Opens the store at `directory`. A writer creates the folder if needed, takes its lock (and
    /// the backup's), writes or checks `run.json`, and recovers from a crash (see the table above).
    public init(directory: URL, keepLatest: Int = 3, access: Access, backupDirectory: URL? = nil,
                fileSystem: CheckpointFileSystem = POSIXFileSystem()) throws {
        guard keepLatest >= 0 else { throw RuntimeError.io(path: directory.path, problem: "keepLatest must be >= 0, got \(keepLatest)") }
        self.directory = directory.standardizedFileURL
        self.keepLatest = keepLatest
        self.access = access
        self.backupDirectory = backupDirectory?.standardizedFileURL
        primary = CheckpointFolder(directory: self.directory, fs: fileSystem)
        backup = self.backupDirectory.map { CheckpointFolder(directory: $0, fs: fileSystem) }
        guard case .write(let runID) = access else { locks = []; return }
        guard !runID.isEmpty, !runID.contains("\n") else { throw RuntimeError.io(path: directory.path, problem: "invalid run id '\(runID)'") }
        if let b = self.backupDirectory, b == self.directory {
            throw RuntimeError.io(path: b.path, problem: "the backup folder is the checkpoint folder itself")
        }
        var locks: [RunLock] = []
        var notes: [String] = []
        for folder in [primary] + (backup.map { [$0] } ?? []) {
            do {
                try FileManager.default.createDirectory(at: folder.directory, withIntermediateDirectories: true)
            } catch {
                throw RuntimeError.io(path: folder.directory.path, problem: "cannot create the checkpoint folder: \(error.localizedDescription)")
            }
            let (lock, note) = try RunLock.acquire(folder.directory)
            locks.append(lock)
            if let note { notes.append(note) }
            try Self.claim(folder, runID: runID)
        }
        self.locks = locks
        for folder in [primary] + (backup.map { [$0] } ?? []) {
            notes += try folder.recoverHidden().map { "\(folder.directory.path): \($0)" }
            notes += try folder.repairLinks().map { "\(folder.directory.path): \($0)" }
        }
        if let backup { notes += try synchronize(backup) }
        self.notes = notes
    }

    /// Releases the lock (also done when the last copy of the store goes away, or by the kernel at exit).
    public func close() { for lock in locks { lock.release() } }

    /// The identity in `directory/run.json`, or nil when there is none; never writes.
    public static func runIdentity(at directory: URL) throws -> RunIdentity? {
        let path = directory.appendingPathComponent(runFile).path
        let fs = POSIXFileSystem()
        guard fs.kind(path) != nil else { return nil }
        return try RunIdentity.decode(try fs.read(path), path: path)
    }

    /// A fresh run id: UTC time and 32 random bits, e.g. `20261204-183421-9f3a1c07`.
    public static func newRunID(now: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: now) + "-" + String(format: "%08x", UInt32.random(in: 0 ... .max))
    }

    /// Writes `run.json` with `runID` when absent; throws when it names another run.
    private static func claim(_ folder: CheckpointFolder, runID: String) throws {
        let path = folder.path(runFile)
        if folder.fs.kind(path) != nil {
            let identity = try RunIdentity.decode(try folder.fs.read(path), path: path)
            guard identity.runID == runID else {
                throw RuntimeError.io(path: folder.directory.path, problem: "the folder holds run \(identity.runID) (\(runFile)); use --resume to continue it, another --checkpoint-dir, or --overwrite-run to move it aside")
            }
            return
        }
        try folder.writeAtomically(RunIdentity(runID: runID).encoded(), to: runFile)
    }

    /// Renames the whole folder to a fresh sibling `<name>.moved-<UTC yyyyMMdd-HHmmss>` (never
    /// deletes); refuses while a live process holds its lock. Returns the new URL.
    public static func moveAside(_ directory: URL) throws -> URL {
        let source = directory.standardizedFileURL
        if let pid = RunLock.holder(of: source) {
            throw RuntimeError.io(path: source.path, problem: "locked by process \(pid), which is writing this checkpoint folder; it cannot be moved aside while that runs")
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let base = source.lastPathComponent + ".moved-" + formatter.string(from: Date())
        let parent = source.deletingLastPathComponent()
        let fs = POSIXFileSystem()
        var target = parent.appendingPathComponent(base)
        var n = 2
        while fs.kind(target.path) != nil { target = parent.appendingPathComponent("\(base)-\(n)"); n += 1 }
        try fs.rename(source.path, to: target.path)
        try fs.syncDirectory(parent.path)
        return target
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

    /// The complete managed checkpoints, oldest first.
    public func checkpoints() throws -> [String] {
        guard primary.fs.kind(directory.path) == .directory else { return [] }
        return try primary.managed().map(\.name)
    }

    // MARK: - Finding

    /// The checkpoint folder `reference` names: `latest` (the newest complete checkpoint, whatever
    /// the link says), `best`, a name in the store, or a path (anything containing `/`). Throws
    /// `.io` naming the path when it is missing or incomplete.
    public func resolve(_ reference: String) throws -> URL {
        if reference == "latest" {
            if let newest = try checkpoints().last { return directory.appendingPathComponent(newest) }
            if let linked = primary.target("latest"), !linked.contains("/"), primary.status(linked) != nil {
                return directory.appendingPathComponent(linked)
            }
            throw RuntimeError.io(path: primary.path("latest"), problem: "no checkpoint here (no complete checkpoint in \(directory.path))")
        }
        var target = reference.contains("/") ? URL(fileURLWithPath: reference) : directory.appendingPathComponent(reference)
        if let destination = primary.fs.readLink(target.path) {
            target = destination.hasPrefix("/") ? URL(fileURLWithPath: destination)
                : target.deletingLastPathComponent().appendingPathComponent(destination)
        }
        _ = try CheckpointFolder.inspect(target.path, fs: primary.fs).get()
        return target.standardizedFileURL
    }
}
