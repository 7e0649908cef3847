import Foundation
import Hummingbird

/// The JSON API (README "Web interface" has the table) and the page's files.
struct Routes: Sendable {
    let supervisor: Supervisor
    let assets: WebAssets
    let options: ServerOptions

    func register<Context: RequestContext>(on router: Router<Context>) {
        for (path, asset) in assets.files {
            let handler: @Sendable (Request, Context) async throws -> Response = { _, _ in asset.response() }
            router.get(RouterPath(path), use: handler)
            if path == "/index.html" { router.get("/", use: handler) }
        }
        router.get("/api/status") { _, _ in JSONResponse.make(self.status()) }
        router.post("/api/start") { request, context in
            let body: StartRequest = try await Self.decode(request)
            return JSONResponse.make(try self.supervisor.start(body), status: .accepted)
        }
        router.get("/api/runs/:run") { _, context in JSONResponse.make(try self.runDetail(try Self.run(context))) }
        router.post("/api/runs/:run/stop") { _, context in JSONResponse.make(try self.supervisor.stop(try Self.run(context)), status: .accepted) }
        router.post("/api/runs/:run/resume") { request, context in
            let body: ResumeBody = try await Self.decode(request)
            return JSONResponse.make(try self.supervisor.resume(try Self.run(context), from: body.from ?? "latest"), status: .accepted)
        }
        router.get("/api/runs/:run/metrics") { _, context in
            JSONResponse.make(["records": try self.supervisor.files(try Self.run(context)).metrics()])
        }
        router.get("/api/runs/:run/steps") { request, context in
            let after = Int(request.uri.queryParameters.get("after") ?? "") ?? 0
            return JSONResponse.make(["records": try self.supervisor.files(try Self.run(context)).steps(after: after)])
        }
        router.get("/api/runs/:run/log") { request, context in
            let files = try self.supervisor.files(try Self.run(context))
            let which = request.uri.queryParameters.get("file") ?? "training"
            let lines = min(2000, max(1, Int(request.uri.queryParameters.get("lines") ?? "") ?? 200))
            let url: URL
            switch which {
            case "training": url = files.logs.appendingPathComponent("training.log")
            case "console": url = files.console
            default: throw APIError.badRequest("file '\(which)': expected training or console")
            }
            return JSONResponse.make(["file": which, "lines": RunFiles.tail(url, lines: lines)])
        }
        router.get("/api/runs/:run/checkpoints") { _, context in
            JSONResponse.make(["checkpoints": try self.supervisor.files(try Self.run(context)).checkpointList()])
        }
        router.post("/api/runs/:run/eval") { request, context in
            let body: EvalBody = try await Self.decode(request)
            return JSONResponse.make(try self.supervisor.evaluate(run: try Self.run(context), checkpoint: body.checkpoint, split: body.split).json, status: .accepted)
        }
        router.post("/api/runs/:run/export") { request, context in
            let body: ExportBody = try await Self.decode(request)
            return JSONResponse.make(try self.supervisor.export(run: try Self.run(context), checkpoint: body.checkpoint, format: body.format).json, status: .accepted)
        }
        router.post("/api/runs/:run/predict") { request, context in
            let run = try Self.run(context)
            let q = request.uri.queryParameters
            guard let name = q.get("name") else { throw APIError.badRequest("predict needs ?name=<file name> (the image's name, e.g. scan.png)") }
            if let length = request.headers[.contentLength].flatMap(Int.init), length > self.options.uploadLimit {
                throw APIError(.contentTooLarge, "upload of \(length) bytes: the limit is \(self.options.uploadLimit) bytes")
            }
            let buffer: ByteBuffer
            do { buffer = try await request.body.collect(upTo: self.options.uploadLimit) } catch {
                throw APIError(.contentTooLarge, "upload: larger than the limit of \(self.options.uploadLimit) bytes")
            }
            let tta = ["1", "true", "on"].contains(q.get("tta") ?? "0")
            let explain = ["1", "true", "on"].contains(q.get("explain") ?? "0")
            let job = try self.supervisor.predict(run: run, checkpoint: q.get("checkpoint"), tta: tta, explain: explain, fileName: name,
                                                  bytes: Data(buffer.readableBytesView))
            return JSONResponse.make(job.json, status: .accepted)
        }
        // A predict job's Grad-CAM overlay (uploads/<upload>/explain/<file>).
        router.get("/api/uploads/:upload/:file") { _, context in
            let upload = context.parameters.get("upload") ?? ""
            try Workspace.checkName(upload, what: "upload")
            let folder = self.supervisor.workspace.uploadsDirectory.appendingPathComponent(upload).appendingPathComponent("explain")
            return try self.fileResponse(folder, context.parameters.get("file") ?? "", download: false)
        }
        router.get("/api/jobs") { _, _ in JSONResponse.make(["jobs": self.supervisor.allJobs().map(\.json)]) }
        router.get("/api/jobs/:id") { _, context in
            JSONResponse.make(try self.supervisor.job(context.parameters.get("id") ?? "").json)
        }
        router.get("/api/runs/:run/reports") { _, context in
            JSONResponse.make(["reports": try self.supervisor.files(try Self.run(context)).reportNames()])
        }
        router.get("/api/runs/:run/reports/:report") { _, context in
            let run = try Self.run(context)
            let files = try self.supervisor.files(run)
            let name = context.parameters.get("report") ?? ""
            try Workspace.checkName(name, what: "report")
            let folder = files.reports.appendingPathComponent(name)
            guard let markdown = try? String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8) else {
                throw APIError.notFound("report \(name): no report.md in \(files.reports.path)")
            }
            let figures = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".png") }.sorted()
            return JSONResponse.make(["name": name, "markdown": markdown,
                                      "figures": figures.map { "/api/runs/\(run)/reports/\(name)/\($0)" }])
        }
        router.get("/api/runs/:run/reports/:report/:file") { _, context in
            let files = try self.supervisor.files(try Self.run(context))
            let report = context.parameters.get("report") ?? "", file = context.parameters.get("file") ?? ""
            try Workspace.checkName(report, what: "report")
            return try self.fileResponse(files.reports.appendingPathComponent(report), file, download: false)
        }
        router.get("/api/runs/:run/exports") { _, context in
            JSONResponse.make(["exports": try self.supervisor.files(try Self.run(context)).exportNames()])
        }
        router.get("/api/runs/:run/exports/:file") { _, context in
            let files = try self.supervisor.files(try Self.run(context))
            return try self.fileResponse(files.exports, context.parameters.get("file") ?? "", download: true)
        }
        router.get("/api/events") { request, _ in
            let run = request.uri.queryParameters.get("run").map { String($0) }
            if let run { _ = try self.supervisor.files(run) }
            return EventStream(supervisor: self.supervisor, run: run).response()
        }
    }

    static func run<Context: RequestContext>(_ context: Context) throws(APIError) -> String {
        let name = context.parameters.get("run") ?? ""
        try Workspace.checkName(name, what: "run")
        return name
    }

    /// A JSON body (at most 1 MB) as `T`; malformed JSON or wrong types are a 400 naming the problem.
    static func decode<T: Decodable>(_ request: Request) async throws -> T {
        var request = request
        let buffer: ByteBuffer
        do { buffer = try await request.collectBody(upTo: 1 << 20) } catch {
            throw APIError(.contentTooLarge, "request body: larger than 1 MB")
        }
        let data = Data(buffer.readableBytesView)
        do {
            return try JSONDecoder().decode(T.self, from: data.isEmpty ? Data("{}".utf8) : data)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let key = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw APIError.badRequest("request body: '\(key)' has the wrong type (\(context.debugDescription))")
        } catch {
            throw APIError.badRequest("request body: not valid JSON of the expected form")
        }
    }

    /// A file of a run's reports or exports folder; the name must be plain (no path).
    func fileResponse(_ folder: URL, _ name: String, download: Bool) throws(APIError) -> Response {
        try Workspace.checkName(name, what: "file")
        let url = folder.appendingPathComponent(name)
        guard let real = Workspace.realPath(url.path), supervisor.workspace.contains(real),
              let data = FileManager.default.contents(atPath: real) else {
            throw .notFound("\(name): no such file in \(folder.path)")
        }
        var headers = HTTPFields()
        headers[.contentType] = WebAssets.contentType(name)
        if download { headers[.contentDisposition] = "attachment; filename=\"\(name)\"" }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The workspace's runs and jobs and which run holds the training slot.
    func status() -> [String: Any] {
        var runs: [[String: Any]] = []
        var active: [String: Any]?
        for name in supervisor.workspace.runNames() {
            let s = supervisor.status(of: RunFiles(folder: supervisor.workspace.runsDirectory.appendingPathComponent(name)))
            var entry: [String: Any] = ["name": name, "state": s.state]
            if let pid = s.pid { entry["pid"] = Int(pid) }
            if let since = s.since { entry["since"] = since }
            if s.isLive { active = entry }
            runs.append(entry)
        }
        return ["workspace": supervisor.workspace.root.path, "runs": runs, "active": active ?? NSNull(),
                "token_required": options.token != nil, "upload_limit": options.uploadLimit,
                "jobs": supervisor.allJobs().map(\.json)]
    }

    /// One run: its state, the trainer's progress, the child's memory and CPU, its settings, reports and exports.
    func runDetail(_ run: String) throws(APIError) -> [String: Any] {
        let files = try supervisor.files(run)
        let s = supervisor.status(of: files)
        var d: [String: Any] = ["name": run, "state": s.state]
        if let pid = s.pid { d["pid"] = Int(pid) }
        if let since = s.since { d["since"] = since }
        if let code = s.exitCode { d["exit_code"] = Int(code) }
        if let progress = files.progress() { d["progress"] = progress }
        if let pid = s.pid, pid > 0, let sample = supervisor.stats.sample(pid) {
            var stats: [String: Any] = [:]
            if let rss = sample.rssBytes { stats["rss_bytes"] = rss }
            if let cpu = sample.cpuPercent { stats["cpu_percent"] = cpu }
            d["stats"] = stats
        }
        if s.state == "failed", let last = RunFiles.tail(files.console, lines: 20).last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            d["error"] = last
        }
        if let data = FileManager.default.contents(atPath: files.config.path),
           let config = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] {
            func value(_ path: String) -> Any? {
                var node: Any? = config
                for key in path.split(separator: ".") { node = (node as? [String: Any])?[String(key)] }
                return node
            }
            var summary: [String: Any] = [:]
            for (name, key) in [("architecture", "model.architecture"), ("epochs", "training.epochs"), ("batch_size", "data.batch_size"),
                                ("accumulation", "data.gradient_accumulation_steps"), ("lr", "training.learning_rate"),
                                ("weight_decay", "training.weight_decay"), ("cbam", "model.use_cbam"), ("image_size", "data.image_size"),
                                ("data_dir", "paths.data_dir"), ("phase_ends", "model.progressive_unfreezing")] {
                if let v = value(key) { summary[name] = v }
            }
            d["config"] = summary
        }
        d["reports"] = files.reportNames()
        d["exports"] = files.exportNames()
        return d
    }
}

struct ResumeBody: Decodable { var from: String? }
struct EvalBody: Decodable { var checkpoint: String?; var split: String? }
struct ExportBody: Decodable { var checkpoint: String?; var format: String? }
