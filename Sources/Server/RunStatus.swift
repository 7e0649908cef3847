import Foundation

/// The state of a run as the page shows it, worked out from its files and live processes only,
/// so a restarted server sees a running child as running.
///
/// | state      | when |
/// |------------|------|
/// | `starting` | a live process, and the trainer's progress says preparing or compiling (or nothing yet) |
/// | `running`  | a live process, training or validating |
/// | `stopping` | a live process that was sent SIGTERM (it checkpoints at the next optimizer step) |
/// | `stopped`  | ended with exit status 130 (stopped on request), progress says stopped, or it ended after a stop was asked |
/// | `finished` | ended with status 0, or progress says finished |
/// | `failed`   | ended with another status, progress says failed, or the process vanished mid-run |
/// | `idle`     | no process was ever started for it |
struct RunStatus {
    var state: String
    /// The live process of the run (the checkpoint lock's holder, or the recorded child).
    var pid: Int32?
    var since: String?
    var exitCode: Int32?

    static func of(_ run: RunFiles, liveChild: Int32?, stats: ProcessStats? = nil) -> RunStatus {
        let record = ProcessRecord.read(run: run.folder)
        let progress = run.progress()
        let phase = progress?["state"] as? String
        let holder = run.lockHolder()
        var pid = liveChild ?? holder
        if pid == nil, let record, record.exitCode == nil,
           ProcessStats.isAlive(record.pid, commandLineContains: run.folder.path) {
            pid = record.pid
        }
        if let pid {
            let stopping = record?.stopRequestedAt != nil && record?.pid == pid
            let state: String
            if stopping { state = "stopping" }
            // Without a progress file (an older trainer), holding the checkpoint lock means training.
            else if phase == "preparing" || phase == "compiling" || (phase == nil && holder == nil) { state = "starting" }
            else { state = "running" }
            return RunStatus(state: state, pid: pid, since: record?.pid == pid ? record?.startedAt : nil, exitCode: nil)
        }
        if let code = record?.exitCode {
            // 130: the trainer stopped on request; 143 (SIGTERM's default action): the stop came
            // before the trainer took the signal (during start-up), nothing to lose either.
            let asked = record?.stopRequestedAt != nil
            let state = code == 0 ? (phase == "stopped" ? "stopped" : "finished")
                : code == 130 || (asked && code == 128 + SIGTERM) ? "stopped" : "failed"
            return RunStatus(state: state, pid: nil, since: record?.endedAt, exitCode: code)
        }
        if let phase, ["stopped", "finished", "failed"].contains(phase) {
            return RunStatus(state: phase, pid: nil, since: progress?["updated_at"] as? String, exitCode: nil)
        }
        // Ended without a recorded status (a server restarted since it started the child): a stop
        // that was asked for is a stop; anything else ended unexpectedly.
        if let record, record.stopRequestedAt != nil { return RunStatus(state: "stopped", pid: nil, since: record.stopRequestedAt, exitCode: nil) }
        if record != nil || progress != nil { return RunStatus(state: "failed", pid: nil, since: nil, exitCode: nil) }
        return RunStatus(state: "idle", pid: nil, since: nil, exitCode: nil)
    }

    var isLive: Bool { pid != nil }
}
