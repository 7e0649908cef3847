import Foundation

/// Who a checkpoint folder, a log line and a metrics record belong to.
///
/// A run id is 12 lowercase hex digits drawn when a fresh `train` starts; it is stored in every
/// checkpoint's `trainer_state.json`, in the checkpoint folder's `run.json` (written by the
/// store's writer) and in every `training.log` line and `metrics.jsonl` record of the run.
public enum RunIdentity {
    /// A new run id: 48 random bits as 12 hex digits.
    public static func make() -> String {
        String(format: "%012llx", UInt64.random(in: 0 ..< (1 << 48)))
    }

    /// The run id of checkpoint folder `directory`: its `run.json`, else the `trainer_state.json`
    /// of its newest checkpoint; nil when neither names one.
    public static func runID(of directory: URL) -> String? {
        func object(_ url: URL) -> [String: Any]? {
            (try? Data(contentsOf: url)).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        }
        if let id = object(directory.appendingPathComponent("run.json"))?["run_id"] as? String { return id }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        guard let newest = names.filter({ CheckpointStore.order(of: $0) != nil })
            .max(by: { CheckpointStore.order(of: $0)! < CheckpointStore.order(of: $1)! }) else { return nil }
        return object(directory.appendingPathComponent(newest).appendingPathComponent(CheckpointStore.trainerStateFile))?["runID"] as? String
    }

    /// What `directory` (a checkpoint folder) already holds of a run, in words, or nil when a fresh
    /// run may start there: a `run.json`, or managed checkpoints (`epoch-NNNN...`, also from runs
    /// written before run ids), or `latest`/`best` links.
    public static func occupant(of directory: URL) -> String? {
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: directory.path) else { return nil }
        let runFile = directory.appendingPathComponent("run.json")
        if entries.contains("run.json") {
            let id = (try? Data(contentsOf: runFile))
                .flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }?["run_id"] as? String
            let count = entries.filter { CheckpointStore.order(of: $0) != nil }.count
            return "run \(id ?? "(unreadable run.json)") with \(count) checkpoint\(count == 1 ? "" : "s")"
        }
        let checkpoints = entries.filter { CheckpointStore.order(of: $0) != nil }
        if !checkpoints.isEmpty {
            return "\(checkpoints.count) checkpoint\(checkpoints.count == 1 ? "" : "s") of an earlier run (\(checkpoints.sorted().last!))"
        }
        if entries.contains("latest") || entries.contains("best") { return "`latest`/`best` links of an earlier run" }
        return nil
    }
}
