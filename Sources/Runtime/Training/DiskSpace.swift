import Foundation
import Graph
import Formats
#if canImport(Glibc)
import Glibc
#endif

/// Whether the disks can hold what a run will write, checked before the first epoch.
///
/// A run writes checkpoints (each: the model and EMA blocks, both Adam moments, a few KB of JSON),
/// keeps `checkpoints.keep_latest` of them plus `best`, the periodic ones and the one being
/// written, mirrors them to `checkpoints.backup_dir`, and appends logs. Needs on one filesystem are
/// added up; a shortfall stops the run with the figures, before hours of training end in ENOSPC.
public enum DiskSpace {
    /// Bytes a filesystem needs to hold for a run: where, how much, and what for.
    public struct Need: Sendable {
        public var path: URL
        public var bytes: Int64
        public var what: String
        public init(path: URL, bytes: Int64, what: String) { self.path = path; self.bytes = bytes; self.what = what }
    }

    /// Bytes of one checkpoint of `model`: model and EMA (parameters and buffers), both Adam moments, JSON.
    public static func checkpointBytes(_ model: ModelConfig) -> Int64 {
        let g = TrainingProgram.buildEval(model)
        func floats(_ kind: StateKind) -> Int64 { g.states(kind).reduce(0) { $0 + Int64(g.nodes[$1].type.count) } }
        let parameters = floats(.parameter), buffers = floats(.buffer)
        return 2 * 4 * (parameters + buffers) + 2 * 4 * parameters + 256 * 1024
    }

    /// The most checkpoints a run of `config` holds at once: the newest `keep_latest`, `best`, the
    /// periodic ones, one interrupted-step checkpoint and the one being written.
    public static func maxCheckpoints(_ config: TrainingConfig) -> Int {
        let every = config.checkpoints.saveEveryNEpochs
        let periodic = every > 0 ? config.training.epochs / every : 0
        return min(config.training.epochs + 1, config.checkpoints.keepLatest + periodic + 1) + 2
    }

    /// What a run of `config` will write, for a checkpoint of `checkpointBytes` bytes, given the
    /// checkpoints already present (which count against the total).
    public static func needs(_ config: TrainingConfig, checkpointBytes: Int64, existingCheckpoints: Int) -> [Need] {
        let count = Int64(max(0, maxCheckpoints(config) - existingCheckpoints))
        var needs = [Need(path: URL(fileURLWithPath: config.paths.checkpointDir), bytes: count * checkpointBytes,
                          what: "\(count) checkpoints of \(format(checkpointBytes))")]
        if let backup = config.checkpoints.backupDir {
            needs.append(Need(path: URL(fileURLWithPath: backup), bytes: count * checkpointBytes,
                              what: "their backups (checkpoints.backup_dir)"))
        }
        needs.append(Need(path: URL(fileURLWithPath: config.paths.logsDir), bytes: Int64(config.training.epochs) * 16 * 1024 + 1 << 20,
                          what: "logs"))
        return needs
    }

    /// Throws when the filesystem of some need has less free space than the needs on it add up to;
    /// `free` reports a path's free bytes (injectable for tests).
    public static func check(_ needs: [Need], free: (URL) -> (device: UInt64, bytes: Int64)? = freeSpace) throws {
        var byDevice: [UInt64: (free: Int64, needs: [Need])] = [:]
        for need in needs {
            guard let (device, bytes) = free(need.path) else { continue }
            byDevice[device, default: (bytes, [])].needs.append(need)
        }
        for (_, entry) in byDevice.sorted(by: { $0.key < $1.key }) {
            let total = entry.needs.reduce(0) { $0 + $1.bytes }
            guard total > entry.free else { continue }
            let parts = entry.needs.map { "\($0.what) \(format($0.bytes)) in \($0.path.path)" }.joined(separator: ", ")
            throw RuntimeError.io(path: entry.needs[0].path.path, problem: "not enough disk space: the run will write up to \(format(total)) (\(parts)) but only \(format(entry.free)) are free; free space, lower checkpoints.keep_latest / save_every_n_epochs, or choose another folder")
        }
    }

    /// Free bytes for an unprivileged user on the filesystem of `url` (or of its nearest existing
    /// ancestor), and that filesystem's device number.
    public static func freeSpace(_ url: URL) -> (device: UInt64, bytes: Int64)? {
        var path = url.standardizedFileURL
        while !FileManager.default.fileExists(atPath: path.path) && path.path != "/" { path.deleteLastPathComponent() }
        var fs = statvfs(), st = stat()
        guard statvfs(path.path, &fs) == 0, stat(path.path, &st) == 0 else { return nil }
        return (UInt64(st.st_dev), Int64(fs.f_bavail) * Int64(fs.f_frsize))
    }

    /// `1.23 GB`.
    static func format(_ bytes: Int64) -> String {
        let b = Double(bytes)
        if b >= 1e9 { return String(format: "%.2f GB", b / 1e9) }
        if b >= 1e6 { return String(format: "%.1f MB", b / 1e6) }
        return String(format: "%.0f KB", b / 1e3)
    }
}
