import Foundation
import Hummingbird

/// Server-Sent Events for one run (`GET /api/events?run=NAME`): once a second the run's files are
/// read again and what changed is sent. Events, each `data:` one JSON object:
///
/// | event | data |
/// |-------|------|
/// | `state` | `{run, state, pid?, since?, exit_code?}` when the state changes (and first) |
/// | `progress` | `logs/progress.json` as the trainer wrote it, when it changes |
/// | `stats` | `{rss_bytes, cpu_percent}` of the live process, every second |
/// | `steps` | `{records: [...]}` new `logs/steps.jsonl` records (`reset: true`: the whole list, replacing) |
/// | `epoch` | one new `logs/metrics.jsonl` record |
/// | `log` | `{lines: [...]}` new `logs/training.log` lines |
/// | `checkpoints` | `{checkpoints: [...]}` when the list changes |
/// | `jobs` | `{jobs: [...]}` when a job's state changes |
/// Without `run`, only `status` events (the workspace's runs) are sent. A stream ends after ten
/// minutes; EventSource reconnects by itself.
struct EventStream: Sendable {
    let supervisor: Supervisor
    let run: String?

    func response() -> Response {
        let supervisor = self.supervisor, run = self.run
        let body = ResponseBody { writer in
            var memory = Memory()
            let deadline = Date().addingTimeInterval(600)
            try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
            while Date() < deadline {
                let text = Self.changes(supervisor: supervisor, run: run, memory: &memory)
                // An empty comment keeps proxies and the client's idle timers quiet and detects a gone client.
                try await writer.write(ByteBuffer(string: text.isEmpty ? ": tick\n\n" : text))
                try await Task.sleep(nanoseconds: 1_000_000_000)
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"], body: body)
    }

    /// What one stream has sent so far.
    struct Memory: Sendable {
        var state = ""
        var progress = ""
        var lastStep = 0
        var epochs = 0
        var logOffset: UInt64?
        var checkpoints = ""
        var jobs = ""
        var status = ""
    }

    static func event(_ name: String, _ object: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "" }
        return "event: \(name)\ndata: \(String(decoding: data, as: UTF8.self))\n\n"
    }

    static func json(_ object: Any) -> String {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    static func changes(supervisor: Supervisor, run: String?, memory: inout Memory) -> String {
        var out = ""
        let jobs = supervisor.allJobs().map(\.json)
        let jobsText = json(jobs)
        if jobsText != memory.jobs { memory.jobs = jobsText; out += event("jobs", ["jobs": jobs]) }
        guard let run, let files = try? supervisor.files(run) else {
            let status = supervisor.workspace.runNames().map { name -> [String: Any] in
                let s = supervisor.status(of: RunFiles(folder: supervisor.workspace.runsDirectory.appendingPathComponent(name)))
                return ["name": name, "state": s.state]
            }
            let text = json(status)
            if text != memory.status { memory.status = text; out += event("status", ["runs": status]) }
            return out
        }
        let s = supervisor.status(of: files)
        var state: [String: Any] = ["run": run, "state": s.state]
        if let pid = s.pid { state["pid"] = Int(pid) }
        if let since = s.since { state["since"] = since }
        if let code = s.exitCode { state["exit_code"] = Int(code) }
        if s.state == "failed", let last = RunFiles.tail(files.console, lines: 20).last(where: { !$0.isEmpty }) { state["error"] = last }
        let stateText = json(state)
        if stateText != memory.state { memory.state = stateText; out += event("state", state) }
        if let progress = files.progress() {
            let text = json(progress)
            if text != memory.progress { memory.progress = text; out += event("progress", progress) }
        }
        if let pid = s.pid, pid > 0, let sample = supervisor.stats.sample(pid) {
            var stats: [String: Any] = [:]
            if let rss = sample.rssBytes { stats["rss_bytes"] = rss }
            if let cpu = sample.cpuPercent { stats["cpu_percent"] = cpu }
            out += event("stats", stats)
        }
        // A resumed run drops its step records after the checkpoint's step: then the whole list is sent again.
        let steps = files.steps()
        let last = steps.compactMap { ($0["step"] as? NSNumber)?.intValue }.max() ?? 0
        if last < memory.lastStep {
            out += event("steps", ["records": steps, "reset": true])
        } else if last > memory.lastStep {
            out += event("steps", ["records": steps.filter { (($0["step"] as? NSNumber)?.intValue ?? 0) > memory.lastStep }])
        }
        memory.lastStep = last
        let metrics = files.metrics()
        if metrics.count < memory.epochs { memory.epochs = 0 }
        for record in metrics.dropFirst(memory.epochs) { out += event("epoch", record) }
        memory.epochs = metrics.count
        out += newLogLines(files.logs.appendingPathComponent("training.log"), memory: &memory)
        let checkpoints = files.checkpointList()
        let names = checkpoints.map { "\($0["name"] ?? "")\($0["best"] ?? "")" }.joined(separator: ",")
        if names != memory.checkpoints { memory.checkpoints = names; out += event("checkpoints", ["checkpoints": checkpoints]) }
        return out
    }

    /// The whole lines added to the log since the last call (the first call sends none: the page
    /// loads the tail itself).
    static func newLogLines(_ url: URL, memory: inout Memory) -> String {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return "" }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        guard let offset = memory.logOffset, offset <= size else { memory.logOffset = size; return "" }
        guard size > offset else { return "" }
        try? handle.seek(toOffset: offset)
        let data = (try? handle.read(upToCount: Int(min(size - offset, 262_144)))) ?? Data()
        guard let lastNewline = data.lastIndex(of: UInt8(ascii: "\n")) else { return "" }
        let whole = data[data.startIndex...lastNewline]
        memory.logOffset = offset + UInt64(whole.count)
        let lines = String(decoding: whole, as: UTF8.self).split(separator: "\n").map(String.init)
        return lines.isEmpty ? "" : event("log", ["lines": lines])
    }
}
