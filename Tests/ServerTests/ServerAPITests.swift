import Foundation
import XCTest
@testable import Server
@testable import Data
import Hummingbird

/// The API over a real socket, without a browser: refusals (paths, tokens, sizes, bodies), the
/// page's files, and the workspace's one training slot seen from the run's files.
final class ServerAPITests: XCTestCase {
    var workspace: URL!
    var server: LiveServer?
    var holders: [Process] = []

    override func setUp() async throws {
        workspace = try temporaryWorkspace("api")
    }

    override func tearDown() async throws {
        server?.stop()
        for p in holders where p.isRunning { Self.kill(p) }
        try? FileManager.default.removeItem(at: workspace)
    }

    func testThePageAndItsFilesAreServedFromTheBuild() async throws {
        let server = try await LiveServer.start(workspace: workspace)
        self.server = server
        let page = try await server.get("/")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.headers["content-type"]?.hasPrefix("text/html") ?? false)
        let html = String(decoding: page.body, as: UTF8.self)
        // The DOM contract the browser test relies on.
        for id in ["start-form", "start", "stop", "resume", "resume-from", "run-state", "progress", "charts", "log-tail",
                   "checkpoints", "eval-split", "report", "error"] {
            XCTAssertTrue(html.contains("id=\"\(id)\""), "index.html has #\(id)")
        }
        for name in ["model", "data_dir", "config", "epochs", "batch_size", "accumulation", "lr", "weight_decay", "cbam",
                     "image_size", "weights", "random_init"] {
            XCTAssertTrue(html.contains("name=\"\(name)\""), "#start-form has a field named \(name)")
        }
        XCTAssertFalse(html.contains("http://") || html.contains("https://"), "the page loads nothing from elsewhere")
        for (path, type) in [("/app.js", "text/javascript"), ("/charts.js", "text/javascript"), ("/style.css", "text/css")] {
            let asset = try await server.get(path)
            XCTAssertEqual(asset.status, 200, path)
            XCTAssertTrue(asset.headers["content-type"]?.hasPrefix(type) ?? false, "\(path): \(asset.headers["content-type"] ?? "")")
            XCTAssertGreaterThan(asset.body.count, 1000, path)
        }
        let missing = try await server.get("/nothing-here")
        XCTAssertEqual(missing.status, 404)
        XCTAssertFalse(missing.error.isEmpty, "a 404 is a JSON error too")
    }

    func testPathsOutsideTheWorkspaceAreRefused() async throws {
        let server = try await LiveServer.start(workspace: workspace)
        self.server = server
        let outside = try temporaryWorkspace("outside")
        defer { try? FileManager.default.removeItem(at: outside) }
        _ = try Phantoms.write(to: outside.appendingPathComponent("data"), perClass: .init(train: 4, val: 2, test: 2), size: 64, seed: 1)
        try FileManager.default.createSymbolicLink(at: workspace.appendingPathComponent("escape"), withDestinationURL: outside)
        try FileManager.default.createDirectory(at: workspace.appendingPathComponent("inside"), withIntermediateDirectories: true)
        let cases: [(String, Int, String)] = [
            ("../\(outside.lastPathComponent)/data", 403, "'..' is not allowed"),
            ("inside/../inside", 403, "'..' is not allowed"),
            (outside.appendingPathComponent("data").path, 403, "outside the workspace"),
            ("/etc", 403, "outside the workspace"),
            ("escape/data", 403, "outside the workspace"),
            ("no-such-folder", 404, "no such file"),
        ]
        for (path, status, message) in cases {
            let reply = try await server.post("/api/start", ["model": "tiny", "data_dir": path, "random_init": true])
            XCTAssertEqual(reply.status, status, "data_dir \(path): \(reply.error)")
            XCTAssertTrue(reply.error.contains(message), "data_dir \(path): \(reply.error)")
        }
        // The same rule for the other paths a start names.
        let config = try await server.post("/api/start", ["data_dir": "inside", "config": "/etc/passwd"])
        XCTAssertEqual(config.status, 403, config.error)
        let weights = try await server.post("/api/start", ["data_dir": "inside", "weights": "escape/data/train"])
        XCTAssertEqual(weights.status, 403, weights.error)
        // A configuration file may not send checkpoints outside either.
        _ = try Phantoms.write(to: workspace.appendingPathComponent("data"), perClass: .init(train: 4, val: 2, test: 2), size: 64, seed: 1)
        try Data(#"{"checkpoints": {"backup_dir": "/tmp/elsewhere"}}"#.utf8).write(to: workspace.appendingPathComponent("c.json"))
        let backup = try await server.post("/api/start", ["data_dir": "data", "config": "c.json", "random_init": true])
        XCTAssertEqual(backup.status, 403, backup.error)
        XCTAssertTrue(backup.error.contains("backup_dir"), backup.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.appendingPathComponent("runs").path)
                       && !Workspace.runNamesIn(workspace).isEmpty, "no run folder was created")
        // Names in URLs are plain names only.
        let traversal = try await server.get("/api/runs/..%2F..%2Fetc/log")
        XCTAssertTrue([400, 404].contains(traversal.status), "\(traversal.status)")
        let report = try await server.get("/api/runs/x/reports/..")
        XCTAssertTrue([400, 404].contains(report.status), "\(report.status)")
        // Grad-CAM overlays are served from uploads/<upload>/explain/ only, by plain names.
        let explain = workspace.appendingPathComponent("uploads/u1/explain")
        try FileManager.default.createDirectory(at: explain, withIntermediateDirectories: true)
        try Data("png".utf8).write(to: explain.appendingPathComponent("scan.gradcam.png"))
        try Data("secret".utf8).write(to: workspace.appendingPathComponent("uploads/u1/scan.png"))
        let overlay = try await server.get("/api/uploads/u1/scan.gradcam.png")
        XCTAssertEqual(overlay.status, 200)
        for path in ["/api/uploads/u1/..%2Fscan.png", "/api/uploads/..%2Fu1/scan.png", "/api/uploads/u1/scan.png", "/api/uploads/u2/x.png"] {
            let r = try await server.get(path)
            XCTAssertTrue([400, 404].contains(r.status), "\(path): \(r.status)")
        }
    }

    func testMalformedRequestsGetA4xxWithAJSONError() async throws {
        let server = try await LiveServer.start(workspace: workspace)
        self.server = server
        let bad = try await server.request("POST", "/api/start", body: Data("{not json".utf8))
        XCTAssertEqual(bad.status, 400)
        XCTAssertTrue(bad.error.contains("not valid JSON"), bad.error)
        let wrongType = try await server.post("/api/start", ["epochs": "many"])
        XCTAssertEqual(wrongType.status, 400)
        XCTAssertTrue(wrongType.error.contains("epochs"), wrongType.error)
        let model = try await server.post("/api/start", ["model": "XXL", "data_dir": "."])
        XCTAssertEqual(model.status, 400)
        XCTAssertTrue(model.error.contains("model 'XXL'"), model.error)
        let noGuard = try await server.request("POST", "/api/start", json: [String: Any](), guardHeader: false)
        XCTAssertEqual(noGuard.status, 403, "a POST without X-BreastAI is refused")
        let otherHost = try await server.get("/api/status", headers: ["Host": "attacker.example:\(server.port)"])
        XCTAssertEqual(otherHost.status, 403, "a non-loopback Host is refused on a loopback bind")
        let badName = try await server.get("/api/runs/.hidden")
        XCTAssertEqual(badName.status, 400)
        let noRun = try await server.get("/api/runs/nothing")
        XCTAssertEqual(noRun.status, 404)
        XCTAssertTrue(noRun.error.contains("no such run"), noRun.error)
        let noJob = try await server.get("/api/jobs/nope")
        XCTAssertEqual(noJob.status, 404)
        // Still serving after all that.
        let status = try await server.get("/api/status")
        XCTAssertEqual(status.status, 200)
    }

    func testStartOnBadDataSaysWhyAndStartsNothing() async throws {
        let server = try await LiveServer.start(workspace: workspace)
        self.server = server
        let data = workspace.appendingPathComponent("data")
        _ = try Phantoms.write(to: data, perClass: .init(train: 4, val: 2, test: 2), size: 64, seed: 1)
        // A class folder of train/ missing.
        try FileManager.default.moveItem(at: data.appendingPathComponent("train/benign"), to: workspace.appendingPathComponent("benign-aside"))
        let reply = try await server.post("/api/start", ["model": "tiny", "data_dir": "data", "random_init": true, "image_size": 32])
        XCTAssertEqual(reply.status, 400)
        XCTAssertTrue(reply.error.contains("train/benign") && reply.error.contains("class folder missing"), reply.error)
        // A configuration value the schema refuses.
        try FileManager.default.moveItem(at: workspace.appendingPathComponent("benign-aside"), to: data.appendingPathComponent("train/benign"))
        let epochs = try await server.post("/api/start", ["model": "tiny", "data_dir": "data", "epochs": 0])
        XCTAssertEqual(epochs.status, 400, epochs.error)
        let both = try await server.post("/api/start", ["data_dir": "data", "weights": "data", "random_init": true])
        XCTAssertEqual(both.status, 400, both.error)
        XCTAssertEqual(Workspace.runNamesIn(workspace), [], "no run folder, so no child")
        let status = try await server.get("/api/status").json
        XCTAssertTrue(status["active"] is NSNull, "\(status)")
    }

    func testUploadsAboveTheLimitAreRefusedAndNothingIsSaved() async throws {
        let server = try await LiveServer.start(workspace: workspace, uploadLimit: 4096)
        self.server = server
        try FileManager.default.createDirectory(at: workspace.appendingPathComponent("runs/r1/checkpoints"), withIntermediateDirectories: true)
        let big = try await server.request("POST", "/api/runs/r1/predict?name=scan.png", body: Data(repeating: 7, count: 10_000))
        XCTAssertEqual(big.status, 413, big.error)
        XCTAssertTrue(big.error.contains("4096"), big.error)
        let notImage = try await server.request("POST", "/api/runs/r1/predict?name=notes.txt", body: Data("hello".utf8))
        XCTAssertEqual(notImage.status, 400, notImage.error)
        let pathName = try await server.request("POST", "/api/runs/r1/predict?name=..%2F..%2Fx.png", body: Data("x".utf8))
        XCTAssertEqual(pathName.status, 400, pathName.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.appendingPathComponent("uploads").path), "nothing saved")
    }

    func testATokenIsCheckedOnEveryRequestWhenSet() async throws {
        let token = "test-token-1234"
        let server = try await LiveServer.start(workspace: workspace, token: token)
        self.server = server
        let none = try await server.get("/api/status")
        XCTAssertEqual(none.status, 401)
        XCTAssertTrue(none.error.contains("token"), none.error)
        let r1 = try await server.get("/")
        XCTAssertEqual(r1.status, 401, "the page too")
        let r2 = try await server.get("/api/status", headers: ["Authorization": "Bearer wrong-token-000"])
        XCTAssertEqual(r2.status, 401)
        let r3 = try await server.get("/api/status", headers: ["Authorization": "Bearer \(token)"])
        XCTAssertEqual(r3.status, 200)
        let first = try await server.get("/?token=\(token)")
        XCTAssertEqual(first.status, 200)
        XCTAssertTrue(first.headers["set-cookie"]?.contains("breastai_token=\(token)") ?? false, "\(first.headers)")
        let r4 = try await server.get("/api/status", headers: ["Cookie": "other=1; breastai_token=\(token)"])
        XCTAssertEqual(r4.status, 200)
        let r5 = try await server.get("/api/status", headers: ["Cookie": "breastai_token=nope"])
        XCTAssertEqual(r5.status, 401)
    }

    /// A non-loopback bind is refused without a token, and one is generated when asked.
    func testANonLoopbackAddressNeedsAToken() throws {
        let exe = try LiveServer.breastaiRun().path
        XCTAssertThrowsError(try BreastAIServer(options: ServerOptions(host: "0.0.0.0", port: 0, workspace: workspace.path, executable: exe))) {
            XCTAssertTrue("\($0)".contains("token"), "\($0)")
        }
        var options = ServerOptions(host: "192.0.2.10", port: 0, workspace: workspace.path, executable: exe)
        XCTAssertTrue(try options.resolveToken(), "generated")
        XCTAssertEqual(options.token?.count, 32)
        var loopback = ServerOptions(host: "127.0.0.1", workspace: workspace.path, executable: exe)
        XCTAssertFalse(try loopback.resolveToken())
        XCTAssertNil(loopback.token, "loopback needs none")
        var short = ServerOptions(host: "0.0.0.0", workspace: workspace.path, token: "abc", executable: exe)
        XCTAssertThrowsError(try short.resolveToken())
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "::1"] { XCTAssertTrue(ServerOptions.isLoopback(host), host) }
        for host in ["0.0.0.0", "10.0.0.1", "::", "example.com", "127.0.0.1.example.com"] { XCTAssertFalse(ServerOptions.isLoopback(host), host) }
        XCTAssertTrue(AccessGuard<BasicRequestContext>.isLoopbackHost("127.0.0.1:8080"))
        XCTAssertTrue(AccessGuard<BasicRequestContext>.isLoopbackHost("[::1]:8080"))
        XCTAssertFalse(AccessGuard<BasicRequestContext>.isLoopbackHost("evil.example:8080"))
    }

    /// A training held by a process no server of this instance started (a restarted server):
    /// the lock's holder makes the run live, a second start gets 409 naming it.
    func testARunningTrainingFoundByItsLockHoldsTheWorkspace() async throws {
        let data = workspace.appendingPathComponent("data")
        _ = try Phantoms.write(to: data, perClass: .init(train: 4, val: 2, test: 2), size: 64, seed: 1)
        let checkpoints = workspace.appendingPathComponent("runs/run-held/checkpoints")
        try FileManager.default.createDirectory(at: checkpoints, withIntermediateDirectories: true)
        // flock(1) holds the lock the way a trainer does (an flock on checkpoints/.lock); with -o
        // its command does not inherit the lock, so ending flock frees it.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["-o", checkpoints.appendingPathComponent(".lock").path, "sleep", "60"]
        try holder.run()
        holders.append(holder)
        let lockPID = holder.processIdentifier
        let deadline = Date().addingTimeInterval(10)
        while RunFiles(folder: checkpoints.deletingLastPathComponent()).lockHolder() == nil && Date() < deadline { usleep(50_000) }

        let server = try await LiveServer.start(workspace: workspace)
        self.server = server
        let status = try await server.get("/api/status").json
        let active = status["active"] as? [String: Any]
        XCTAssertEqual(active?["name"] as? String, "run-held", "\(status)")
        XCTAssertEqual((active?["pid"] as? NSNumber)?.int32Value, lockPID)
        XCTAssertEqual(active?["state"] as? String, "running", "a held lock without a progress file is a training")
        let second = try await server.post("/api/start", ["model": "tiny", "data_dir": "data", "random_init": true])
        XCTAssertEqual(second.status, 409, second.error)
        XCTAssertTrue(second.error.contains("run-held") && second.error.contains("PID \(lockPID)"), second.error)
        let resume = try await server.post("/api/runs/run-held/resume", ["from": "latest"])
        XCTAssertEqual(resume.status, 409, resume.error)
        // The holder is not a training: stop refuses to signal it.
        let stop = try await server.post("/api/runs/run-held/stop")
        XCTAssertEqual(stop.status, 409, stop.error)
        XCTAssertTrue(holder.isRunning)

        // SIGKILL, as a crash (the server's process ignores SIGTERM, which Process's children inherit).
        Self.kill(holder)
        let after = try await server.waitFor("/api/status", timeout: 10, what: "the slot to be free") { $0["active"] is NSNull }
        let runs = after["runs"] as? [[String: Any]] ?? []
        XCTAssertEqual(runs.first?["state"] as? String, "idle", "no process record, no progress: never started here")
    }
}

extension ServerAPITests {
    /// SIGKILL to a process and its children (flock's `sleep`), as a crash; the server's own
    /// process ignores SIGTERM, which Process's children inherit, so SIGTERM would not do.
    static func kill(_ process: Process) {
        let pid = process.processIdentifier
        let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
        _ = Glibc.kill(pid, SIGKILL)
        for child in children.split(separator: " ").compactMap({ Int32($0) }) { _ = Glibc.kill(child, SIGKILL) }
        process.waitUntilExit()
    }
}

extension Workspace {
    /// The run folders of a workspace, for tests.
    static func runNamesIn(_ root: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("runs").path)) ?? []).filter { !$0.hasPrefix(".") }
    }
}
