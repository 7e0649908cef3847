import Foundation
import Training

/// What a run's files say, read fresh on every call: the trainer's progress and logs, the
/// checkpoints with their metrics, the reports and exports. Never writes.
struct RunFiles {
    let folder: URL
    var name: String { folder.lastPathComponent }
    var checkpoints: URL { folder.appendingPathComponent("checkpoints") }
    var logs: URL { folder.appendingPathComponent("logs") }
    var reports: URL { folder.appendingPathComponent("reports") }
    var exports: URL { folder.appendingPathComponent("exports") }
    var console: URL { folder.appendingPathComponent("console.txt") }
    var config: URL { folder.appendingPathComponent("config.json") }

    /// `logs/progress.json` as written by the trainer, or nil.
    func progress() -> [String: Any]? {
        guard let data = FileManager.default.contents(atPath: logs.appendingPathComponent("progress.json").path) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    /// The whole JSON lines of a `.jsonl` file; a torn or malformed line (a writer killed mid-line) is skipped.
    static func jsonLines(_ url: URL) -> [[String: Any]] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        return data.split(separator: UInt8(ascii: "\n")).compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0))) as? [String: Any]
        }
    }

    /// `logs/metrics.jsonl`: one record per validated epoch (split "val") and the final test ("test").
    func metrics() -> [[String: Any]] { Self.jsonLines(logs.appendingPathComponent("metrics.jsonl")) }

    /// `logs/steps.jsonl` records whose `step` is above `after`.
    func steps(after: Int = 0) -> [[String: Any]] {
        Self.jsonLines(logs.appendingPathComponent("steps.jsonl")).filter { (($0["step"] as? NSNumber)?.intValue ?? 0) > after }
    }

    /// The last `count` lines of `url` (at most the last 256 kB are read); carriage-return
    /// progress redraws keep only their last state.
    static func tail(_ url: URL, lines count: Int) -> [String] {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return [] }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        let start = size > 262_144 ? size - 262_144 : 0
        try? handle.seek(toOffset: start)
        let data = (try? handle.readToEnd()) ?? Data()
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.split(separator: "\r", omittingEmptySubsequences: true).last ?? "")
        }
        if start > 0, !lines.isEmpty { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return Array(lines.suffix(max(0, count)))
    }

    /// The PID of the live process holding `checkpoints/.lock` (the trainer's flock), else nil.
    ///
    /// Read from `/proc/locks` by the file's device and inode, so looking never takes the lock
    /// (a probe with flock could make a starting trainer's own lock attempt fail).
    func lockHolder() -> Int32? {
        var info = stat()
        guard stat(checkpoints.appendingPathComponent(".lock").path, &info) == 0,
              let locks = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return nil }
        let dev = UInt64(info.st_dev)
        let major = ((dev >> 8) & 0xfff) | ((dev >> 32) & ~UInt64(0xfff))
        let minor = (dev & 0xff) | ((dev >> 12) & ~UInt64(0xff))
        let key = String(format: "%02llx:%02llx:%llu", major, minor, UInt64(info.st_ino))
        for line in locks.split(separator: "\n") {
            // "1: FLOCK  ADVISORY  WRITE 12345 08:01:123456 0 EOF" (blocked waiters have "->").
            let f = line.split(separator: " ", omittingEmptySubsequences: true)
            guard f.count >= 6, f[1] == "FLOCK", f[2] != "->", String(f[5]) == key, let pid = Int32(f[4]) else { continue }
            return pid
        }
        return nil
    }

    /// The complete checkpoints, oldest first, each with its trainer state's figures and, for an
    /// epoch's end, that epoch's validation metrics; `best` and `latest` marked.
    func checkpointList() -> [[String: Any]] {
        guard let store = try? CheckpointStore(directory: checkpoints, access: .read),
              let names = try? store.checkpoints() else { return [] }
        let best = (try? FileManager.default.destinationOfSymbolicLink(atPath: checkpoints.appendingPathComponent("best").path))
            .map { URL(fileURLWithPath: $0).lastPathComponent }
        let byEpoch = Dictionary(metrics().filter { $0["split"] as? String == "val" }
            .compactMap { r in (r["epoch"] as? NSNumber).map { ($0.intValue, r) } }, uniquingKeysWith: { _, new in new })
        return names.map { name in
            var entry: [String: Any] = ["name": name, "best": name == best, "latest": name == names.last]
            let statePath = checkpoints.appendingPathComponent(name).appendingPathComponent(CheckpointStore.trainerStateFile).path
            if let data = FileManager.default.contents(atPath: statePath), let state = try? TrainerState.decode(data, path: statePath) {
                entry["epoch"] = state.epoch
                entry["batch_in_epoch"] = state.batchInEpoch
                entry["optimizer_steps"] = state.optimizerSteps
                entry["threshold"] = state.threshold
            }
            if let order = CheckpointStore.order(of: name), order.step == Int.max, let record = byEpoch[order.epoch] {
                entry["metrics"] = record["metrics"] ?? [:]
                entry["phase"] = record["phase"]
            }
            return entry
        }
    }

    /// The report folders (those holding `report.md`), newest name last.
    func reportNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: reports.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: reports.appendingPathComponent($0).appendingPathComponent("report.md").path) }.sorted()
    }

    /// The exported files.
    func exportNames() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: exports.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }
}
