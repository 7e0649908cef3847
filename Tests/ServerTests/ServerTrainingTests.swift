import Foundation
import XCTest
@testable import Server
@testable import Data

/// A real tiny training driven through the API: the child starts, holds the workspace (409 for a
/// second start), a second server instance on the same workspace (a restart) sees the same
/// process from the files, stops it gracefully (a checkpoint, exit 130), resumes it to the end;
/// then eval (a report with its figures), export (a download) and predict (probabilities) run
/// as jobs on its checkpoints.
final class ServerTrainingTests: XCTestCase {
    var workspace: URL!
    var servers: [LiveServer] = []

    override func setUp() async throws {
        workspace = try temporaryWorkspace("training")
    }

    override func tearDown() async throws {
        for s in servers { s.stop() }
        // A child still running (a failed test) is stopped through its lock's PID.
        for run in Workspace.runNamesIn(workspace) {
            if let pid = RunFiles(folder: workspace.appendingPathComponent("runs/\(run)")).lockHolder() { kill(pid, SIGKILL) }
        }
        try? FileManager.default.removeItem(at: workspace)
    }

    func state(_ server: LiveServer, _ run: String) async throws -> [String: Any] { try await server.get("/api/runs/\(run)").json }

    func testStartStopRestartResumeEvalExportPredict() async throws {
        _ = try Phantoms.write(to: workspace.appendingPathComponent("data"), perClass: .init(train: 12, val: 4, test: 4), size: 64, seed: 7)
        let first = try await LiveServer.start(workspace: workspace)
        servers.append(first)
        // A configuration file (early stopping off, so every epoch runs) under the form's values.
        try Data(#"{"training": {"early_stopping": {"enabled": false}}}"#.utf8).write(to: workspace.appendingPathComponent("short.json"))
        let form: [String: Any] = ["model": "tiny", "data_dir": "data", "config": "short.json", "epochs": 12, "batch_size": 4,
                                   "accumulation": 1, "image_size": 32, "random_init": true, "cbam": false, "lr": 0.003]
        let started = try await first.post("/api/start", form)
        XCTAssertEqual(started.status, 202, started.error)
        let run = try XCTUnwrap(started.json["run"] as? String)
        let pid = try XCTUnwrap((started.json["pid"] as? NSNumber)?.int32Value)
        let counts = started.json["counts"] as? [String: [String: Int]]
        XCTAssertEqual(counts?["train"], ["benign": 12, "malignant": 12, "normal": 12], "the data was scanned before the start")
        let folder = workspace.appendingPathComponent("runs/\(run)")
        for file in ["config.json", "process.json", "console.txt"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), file)
        }

        // One training at a time: the second start names the holder.
        let second = try await first.post("/api/start", form)
        XCTAssertEqual(second.status, 409, second.error)
        XCTAssertTrue(second.error.contains(run) && second.error.contains("PID \(pid)"), second.error)

        // Training: the trainer holds the checkpoint lock and writes its first epoch.
        _ = try await first.waitFor("/api/runs/\(run)/metrics", timeout: 600, what: "the first epoch record") {
            (($0["records"] as? [Any])?.count ?? 0) >= 1
        }
        XCTAssertEqual(RunFiles(folder: folder).lockHolder(), pid, "the child holds the checkpoint lock")

        // A restarted server (a new instance on the same workspace) sees the run as it is.
        first.stop()
        let restarted = try await LiveServer.start(workspace: workspace)
        servers.append(restarted)
        let seen = try await state(restarted, run)
        XCTAssertEqual((seen["pid"] as? NSNumber)?.int32Value, pid, "\(seen)")
        XCTAssertTrue(["running", "starting"].contains(seen["state"] as? String ?? ""), "\(seen)")
        let stats = seen["stats"] as? [String: Any]
        XCTAssertGreaterThan((stats?["rss_bytes"] as? NSNumber)?.intValue ?? 0, 1 << 20, "resident memory of the child: \(seen)")
        let status = try await restarted.get("/api/status").json
        XCTAssertEqual((status["active"] as? [String: Any])?["name"] as? String, run)

        // Stop: SIGTERM, a checkpoint at the next optimizer step, exit 130.
        let stop = try await restarted.post("/api/runs/\(run)/stop")
        XCTAssertEqual(stop.status, 202, stop.error)
        let stopped = try await restarted.waitFor("/api/runs/\(run)", timeout: 120, what: "the run to stop") {
            ["stopped", "finished", "failed"].contains($0["state"] as? String ?? "")
        }
        XCTAssertEqual(stopped["state"] as? String, "stopped", "\(stopped); console: \(RunFiles.tail(folder.appendingPathComponent("console.txt"), lines: 5))")
        let checkpoints = try await restarted.get("/api/runs/\(run)/checkpoints").json["checkpoints"] as? [[String: Any]] ?? []
        XCTAssertFalse(checkpoints.isEmpty, "the stop left a checkpoint")

        // Resume from latest to the end.
        let resumed = try await restarted.post("/api/runs/\(run)/resume", ["from": "latest"])
        XCTAssertEqual(resumed.status, 202, resumed.error)
        let finished = try await restarted.waitFor("/api/runs/\(run)", timeout: 900, what: "the run to finish") {
            ["finished", "failed", "stopped"].contains($0["state"] as? String ?? "")
        }
        XCTAssertEqual(finished["state"] as? String, "finished", "\(finished)")
        let metrics = try await restarted.get("/api/runs/\(run)/metrics").json["records"] as? [[String: Any]] ?? []
        XCTAssertEqual(Set(metrics.filter { $0["split"] as? String == "val" }.compactMap { ($0["epoch"] as? NSNumber)?.intValue }), Set(1...12),
                       "every epoch validated once across the stop")
        let list = try await restarted.get("/api/runs/\(run)/checkpoints").json["checkpoints"] as? [[String: Any]] ?? []
        XCTAssertEqual(list.filter { $0["best"] as? Bool == true }.count, 1, "one checkpoint marked best: \(list.map { $0["name"] ?? "" })")
        let log = try await restarted.get("/api/runs/\(run)/log?lines=5").json["lines"] as? [String] ?? []
        XCTAssertEqual(log.count, 5)

        // Eval on test: a report with the figures, served from the run's folder.
        let eval = try await restarted.post("/api/runs/\(run)/eval", ["checkpoint": "best", "split": "test"])
        XCTAssertEqual(eval.status, 202, eval.error)
        let evalJob = try await restarted.waitFor("/api/jobs/\(eval.json["id"] as? String ?? "")", timeout: 300, what: "eval") { $0["state"] as? String != "running" }
        XCTAssertEqual(evalJob["state"] as? String, "done", "\(evalJob)")
        let reportName = try XCTUnwrap(evalJob["result"] as? String)
        let report = try await restarted.get("/api/runs/\(run)/reports/\(reportName)").json
        XCTAssertTrue((report["markdown"] as? String ?? "").contains("test"), "\(report)")
        let figures = report["figures"] as? [String] ?? []
        XCTAssertGreaterThanOrEqual(figures.count, 4, "\(figures)")
        let png = try await restarted.get(figures[0])
        XCTAssertEqual(png.status, 200)
        XCTAssertTrue(png.body.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")

        // Export ONNX and download it.
        let export = try await restarted.post("/api/runs/\(run)/export", ["checkpoint": "best", "format": "onnx"])
        XCTAssertEqual(export.status, 202, export.error)
        let exportJob = try await restarted.waitFor("/api/jobs/\(export.json["id"] as? String ?? "")", timeout: 300, what: "export") { $0["state"] as? String != "running" }
        let file = try XCTUnwrap(exportJob["result"] as? String, "\(exportJob)")
        let download = try await restarted.get("/api/runs/\(run)/exports/\(file)")
        XCTAssertEqual(download.status, 200)
        XCTAssertTrue(download.headers["content-disposition"]?.contains("attachment") ?? false)
        let onDisk = try Data(contentsOf: folder.appendingPathComponent("exports/\(file)"))
        XCTAssertEqual(download.body, onDisk, "the download is the exported file")

        // Predict on an uploaded phantom, TTA on.
        let image = try Data(contentsOf: workspace.appendingPathComponent("data/test/malignant").appendingPathComponent(
            try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: workspace.appendingPathComponent("data/test/malignant").path).sorted().first)))
        let predict = try await restarted.request("POST", "/api/runs/\(run)/predict?name=scan.png&tta=1&checkpoint=best", body: image)
        XCTAssertEqual(predict.status, 202, predict.error)
        let predictJob = try await restarted.waitFor("/api/jobs/\(predict.json["id"] as? String ?? "")", timeout: 300, what: "predict") { $0["state"] as? String != "running" }
        let lines = predictJob["result"] as? [[String: Any]] ?? []
        XCTAssertEqual(lines.count, 1, "\(predictJob)")
        let probabilities = lines.first?["probabilities"] as? [String: Double] ?? [:]
        XCTAssertEqual(Set(probabilities.keys), ["benign", "malignant", "normal"])
        XCTAssertEqual(probabilities.values.reduce(0, +), 1, accuracy: 1e-6)
        XCTAssertEqual(lines.first?["file"] as? String, "scan.png", "only the uploaded name is echoed")
        XCTAssertEqual(lines.first?["tta"] as? Bool, true)
    }
}
