import Foundation
import Formats
import Training

/// The server's one stateful part: starts trainings and jobs as child processes of
/// `breastai-run`, signals them, and answers what runs are in the workspace and in which state.
///
/// Everything it reports is read back from files (`RunStatus`), so a second instance on the same
/// workspace (a restarted server) sees the same runs; what only it knows is which children it
/// started (for the exit status) and its jobs (eval, export, predict).
final class Supervisor: @unchecked Sendable {
    let workspace: Workspace
    /// The `breastai-run` executable children run.
    let executable: String
    let stats = ProcessStats()
    private let lock = NSLock()
    /// Live training children this instance started: run name -> PID.
    private var children: [String: Int32] = [:]
    private var jobs: [String: Job] = [:]
    private var jobCounter = 0

    init(workspace: Workspace, executable: String) {
        self.workspace = workspace
        self.executable = executable
    }

    // MARK: Runs

    func files(_ run: String) throws(APIError) -> RunFiles { RunFiles(folder: try workspace.run(run)) }

    func status(of run: RunFiles) -> RunStatus {
        let child = lock.withLock { children[run.name] }
        return RunStatus.of(run, liveChild: child)
    }

    /// The run holding the workspace's one training slot, if any.
    func active() -> (name: String, status: RunStatus)? {
        for name in workspace.runNames().reversed() {
            let s = status(of: RunFiles(folder: workspace.runsDirectory.appendingPathComponent(name)))
            if s.isLive { return (name, s) }
        }
        return nil
    }

    /// Serialises starts across server instances on one workspace (flock on `runs/.start.lock`).
    private func withStartLock<T>(_ body: () throws(APIError) -> T) throws(APIError) -> T {
        try? FileManager.default.createDirectory(at: workspace.runsDirectory, withIntermediateDirectories: true)
        let fd = open(workspace.runsDirectory.appendingPathComponent(".start.lock").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw APIError(.internalServerError, "\(workspace.runsDirectory.path)/.start.lock: cannot open") }
        defer { _ = close(fd) }
        _ = flock(fd, LOCK_EX)
        lock.lock(); defer { lock.unlock() }
        return try body()
    }

    /// Checks the request and the data, creates `runs/<name>/` with its `config.json`, and starts
    /// `train --config` there. Nothing is created when a check fails.
    func start(_ request: StartRequest) throws(APIError) -> [String: Any] {
        try withStartLock { () throws(APIError) -> [String: Any] in
            try checkFreeLocked()
            let name = try request.name.map { n throws(APIError) in try Workspace.checkName(n, what: "run"); return n } ?? newRunName()
            let folder = workspace.runsDirectory.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: folder.path) { throw .conflict("run \(name) exists already; choose another name") }
            let plan = try request.plan(workspace: workspace, run: folder)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try AtomicFile.write(Data(plan.config.canonicalJSON.utf8), to: folder.appendingPathComponent("config.json").path)
            } catch {
                throw APIError(.internalServerError, "\(folder.path): cannot create the run folder: \(error)")
            }
            let arguments = ["train", "--config", folder.appendingPathComponent("config.json").path] + plan.extraArguments
            let pid = try launch(run: RunFiles(folder: folder), command: "train", arguments: arguments)
            return ["run": name, "pid": Int(pid), "counts": plan.counts, "warnings": plan.warnings]
        }
    }

    /// `train --resume <from>` in the run's folder.
    func resume(_ run: String, from reference: String) throws(APIError) -> [String: Any] {
        let files = try files(run)
        if !["latest", "best"].contains(reference) { try Workspace.checkName(reference, what: "checkpoint") }
        return try withStartLock { () throws(APIError) -> [String: Any] in
            try checkFreeLocked()
            guard (try? CheckpointStore(directory: files.checkpoints, access: .read).checkpoints().isEmpty) == false else {
                throw .conflict("run \(run) has no checkpoint to resume from yet")
            }
            let arguments = ["train", "--resume", reference, "--checkpoint-dir", files.checkpoints.path, "--logs-dir", files.logs.path]
            let pid = try launch(run: files, command: "resume", arguments: arguments)
            return ["run": run, "pid": Int(pid), "from": reference]
        }
    }

    /// SIGTERM to the run's live process: the trainer writes a checkpoint at the next optimizer step and exits.
    func stop(_ run: String) throws(APIError) -> [String: Any] {
        let files = try files(run)
        let s = status(of: files)
        guard let pid = s.pid, pid > 0 else { throw .conflict("run \(run) is not running (\(s.state))") }
        // The PID must still be a breastai-run child of this workspace (a reused PID is left alone).
        guard ProcessStats.isAlive(pid, commandLineContains: "train") else { throw .conflict("run \(run): process \(pid) is not a training") }
        var record = ProcessRecord.read(run: files.folder) ?? ProcessRecord(command: "train", pid: pid, arguments: [], startedAt: "")
        if record.pid == pid {
            record.stopRequestedAt = ProcessRecord.now()
            try? record.write(run: files.folder)
        }
        guard kill(pid, SIGTERM) == 0 else { throw APIError(.internalServerError, "run \(run): cannot signal process \(pid): \(String(cString: strerror(errno)))") }
        return ["run": run, "pid": Int(pid), "state": "stopping"]
    }

    private func checkFreeLocked() throws(APIError) {
        for name in workspace.runNames().reversed() {
            let files = RunFiles(folder: workspace.runsDirectory.appendingPathComponent(name))
            let s = RunStatus.of(files, liveChild: children[name])
            if s.isLive {
                throw .conflict("a training is already running in this workspace: run \(name), PID \(s.pid.map(String.init) ?? "?")"
                                + (s.since.map { ", since \($0)" } ?? "") + "; stop it first (one training at a time)")
            }
        }
    }

    /// Spawns the child with output appended to `console.txt` and records it in `process.json`.
    /// Called with `lock` held.
    private func launch(run: RunFiles, command: String, arguments: [String]) throws(APIError) -> Int32 {
        let folder = run.folder, name = run.name
        let pid: Int32
        do {
            pid = try ChildProcess.spawn(executable: executable, arguments: arguments, directory: workspace.root, output: run.console) { [weak self] code in
                guard let self else { return }
                self.lock.withLock {
                    if self.children[name] != nil { self.children[name] = nil }
                    if var record = ProcessRecord.read(run: folder), record.exitCode == nil {
                        record.exitCode = code
                        record.endedAt = ProcessRecord.now()
                        try? record.write(run: folder)
                    }
                }
            }
        } catch let error as APIError { throw error } catch { throw APIError(.internalServerError, "\(error)") }
        children[name] = pid
        let record = ProcessRecord(command: command, pid: pid, arguments: arguments, startedAt: ProcessRecord.now())
        do { try record.write(run: folder) } catch {
            throw APIError(.internalServerError, "\(folder.path)/process.json: cannot write: \(error)")
        }
        return pid
    }

    private func newRunName() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd-HHmmss"
        let base = "run-" + f.string(from: Date())
        var name = base, n = 2
        while FileManager.default.fileExists(atPath: workspace.runsDirectory.appendingPathComponent(name).path) { name = "\(base)-\(n)"; n += 1 }
        return name
    }

    // MARK: Jobs

    /// Starts a job child; one job at a time (eval, export and predict share the cores with training).
    func startJob(kind: String, run: RunFiles, arguments: [String], output: URL,
                  finish: @escaping @Sendable (_ exitCode: Int32, _ job: inout Job) -> Void) throws(APIError) -> Job {
        lock.lock(); defer { lock.unlock() }
        if let busy = jobs.values.first(where: { $0.state == "running" }) {
                throw .conflict("job \(busy.id) (\(busy.kind) of run \(busy.run)) is still running; wait for it")
            }
            jobCounter += 1
            let id = "\(kind)-\(jobCounter)-\(UInt32.random(in: 0 ... .max) % 100_000)"
            var job = Job(id: id, kind: kind, run: run.name, state: "running", startedAt: ProcessRecord.now())
            do {
                try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
                job.pid = try ChildProcess.spawn(executable: executable, arguments: arguments, directory: workspace.root, output: output) { [weak self] code in
                    guard let self else { return }
                    self.lock.withLock {
                        guard var j = self.jobs[id] else { return }
                        j.exitCode = code
                        j.endedAt = ProcessRecord.now()
                        j.state = code == 0 ? "done" : "failed"
                        finish(code, &j)
                        if j.state == "failed", j.error == nil {
                            j.error = RunFiles.tail(output, lines: 1).first ?? "exit status \(code)"
                        }
                        self.jobs[id] = j
                    }
                }
            } catch let error as APIError { throw error } catch { throw APIError(.internalServerError, "\(error)") }
            jobs[id] = job
            return job
    }

    func job(_ id: String) throws(APIError) -> Job {
        guard let job = lock.withLock({ jobs[id] }) else { throw .notFound("job \(id): no such job (jobs live as long as the server)") }
        return job
    }

    func allJobs() -> [Job] { lock.withLock { jobs.values.sorted { $0.startedAt < $1.startedAt } } }
}

/// An eval, export or predict child and what came of it.
struct Job: Sendable {
    var id: String
    var kind: String
    var run: String
    /// running, done or failed.
    var state: String
    var startedAt: String
    var endedAt: String?
    var pid: Int32?
    var exitCode: Int32?
    var error: String?
    /// The job's product: a report name, an export file name, or prediction lines (JSON text).
    var result: String?

    var json: [String: Any] {
        var d: [String: Any] = ["id": id, "kind": kind, "run": run, "state": state, "started_at": startedAt]
        if let endedAt { d["ended_at"] = endedAt }
        if let pid { d["pid"] = Int(pid) }
        if let exitCode { d["exit_code"] = Int(exitCode) }
        if let error { d["error"] = error }
        if let result, let data = result.data(using: .utf8), let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) {
            d["result"] = value
        }
        return d
    }
}
