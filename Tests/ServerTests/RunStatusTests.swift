import Foundation
import XCTest
@testable import Server

/// The state the page shows, from a run's files alone (the table in RunStatus), and the /proc
/// readings behind the memory and CPU figures.
final class RunStatusTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = try temporaryWorkspace("status").appendingPathComponent("runs/r")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("logs"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder.deletingLastPathComponent().deletingLastPathComponent())
    }

    func write(record exitCode: Int32?, pid: Int32 = 999_999, stopRequested: Bool = false) throws {
        var r = ProcessRecord(command: "train", pid: pid, arguments: [], startedAt: "2026-12-04T20:00:00Z")
        r.exitCode = exitCode
        if exitCode != nil { r.endedAt = "2026-12-04T20:10:00Z" }
        if stopRequested { r.stopRequestedAt = "2026-12-04T20:05:00Z" }
        try r.write(run: folder)
    }

    func progress(_ state: String) throws {
        try Data(#"{"state": "\#(state)", "epoch": 3, "epochs": 8}"#.utf8).write(to: folder.appendingPathComponent("logs/progress.json"))
    }

    var state: String { RunStatus.of(RunFiles(folder: folder), liveChild: nil).state }

    func testEndedRunsByExitStatusAndProgress() throws {
        XCTAssertEqual(state, "idle", "nothing started")
        try write(record: 0); XCTAssertEqual(state, "finished")
        try write(record: 130); XCTAssertEqual(state, "stopped", "130: stopped on request with a checkpoint")
        try write(record: 1); XCTAssertEqual(state, "failed")
        try write(record: 128 + 9); XCTAssertEqual(state, "failed", "killed")
        try write(record: 128 + 15); XCTAssertEqual(state, "failed", "SIGTERM from elsewhere")
        try write(record: 128 + 15, stopRequested: true); XCTAssertEqual(state, "stopped", "our SIGTERM before the trainer took it")
        // No exit status (the server that started it is gone): progress decides, then the stop request.
        try write(record: nil)
        try progress("finished"); XCTAssertEqual(state, "finished")
        try progress("training"); XCTAssertEqual(state, "failed", "vanished mid-run (PID 999999 is not alive)")
        try write(record: nil, stopRequested: true); XCTAssertEqual(state, "stopped", "ended after a stop was asked")
    }

    func testLiveRunsByProcessAndProgress() throws {
        let me = getpid()
        XCTAssertEqual(RunStatus.of(RunFiles(folder: folder), liveChild: me).state, "starting", "a child without progress or lock")
        try progress("compiling")
        XCTAssertEqual(RunStatus.of(RunFiles(folder: folder), liveChild: me).state, "starting")
        try progress("validating")
        XCTAssertEqual(RunStatus.of(RunFiles(folder: folder), liveChild: me).state, "running")
        try write(record: nil, pid: me, stopRequested: true)
        XCTAssertEqual(RunStatus.of(RunFiles(folder: folder), liveChild: me).state, "stopping")
        // The recorded PID alone counts when its command line names the run (a reused PID does not).
        try progress("training")
        try write(record: nil, pid: me)
        let own = RunStatus.of(RunFiles(folder: folder), liveChild: nil)
        XCTAssertEqual(own.state, "failed", "this test process's command line does not name the run folder")
    }

    func testProcReadings() throws {
        // The command name may hold spaces and parentheses; fields count after the last ')'.
        let stat = "4242 (breastai (run) x) S 1 4242 4242 0 -1 4194560 1000 0 0 0 1500 250 0 0 20 0 5 0 100 2000000 3000"
        XCTAssertEqual(ProcessStats.cpuTicks(stat), 1750)
        // /proc/<pid>/status pads with a tab and spaces.
        let status = folder.appendingPathComponent("status")
        try Data("Name:\tx\nVmPeak:\t  200 kB\nVmRSS:\t   12345 kB\n".utf8).write(to: status)
        XCTAssertEqual(ProcessStats.statusField(status.path, "VmRSS"), 12345)
        XCTAssertNil(ProcessStats.statusField(status.path, "VmSwap"))
        // This process's RSS against /proc/self/statm (resident pages), an independent reading.
        let statm = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8).split(separator: " ")
        let pages = Int(statm[1])! * Int(sysconf(Int32(_SC_PAGESIZE)))
        let rss = try XCTUnwrap(ProcessStats().sample(getpid())?.rssBytes)
        XCTAssertEqual(Double(rss), Double(pages), accuracy: Double(pages) * 0.2 + 8_000_000)
        // CPU% needs two samples; a busy loop between them shows use.
        let stats = ProcessStats()
        _ = stats.sample(getpid())
        let end = Date().addingTimeInterval(0.3)
        var x = 0.0
        while Date() < end { x += sin(x) + 1 }
        XCTAssertGreaterThan(stats.sample(getpid())?.cpuPercent ?? 0, 20, "\(x)")
        XCTAssertNil(stats.sample(999_999), "a missing process has no figures")
    }

    func testWorkspaceResolution() throws {
        let root = folder.deletingLastPathComponent().deletingLastPathComponent()
        let workspace = try Workspace(root.path)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("data/train"), withIntermediateDirectories: true)
        XCTAssertEqual(try workspace.resolve("data", what: "d").path, root.appendingPathComponent("data").path)
        XCTAssertEqual(try workspace.resolve(root.appendingPathComponent("data/train").path, what: "d").path, root.appendingPathComponent("data/train").path)
        XCTAssertEqual(try workspace.resolve("./data/", what: "d").path, root.appendingPathComponent("data").path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("inner").path, withDestinationPath: "data/train")
        XCTAssertEqual(try workspace.resolve("inner", what: "d").path, root.appendingPathComponent("data/train").path, "a link inside stays allowed")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("out").path, withDestinationPath: "/tmp")
        for (path, status) in [("out", 403), ("out/x", 403), ("data/../data", 403), ("/", 403), ("", 400), ("missing", 404)] {
            XCTAssertThrowsError(try workspace.resolve(path, what: "d"), path) { XCTAssertEqual(($0 as? APIError)?.status.code, status, "\(path): \($0)") }
        }
        for name in ["run-1", "epoch-0004", "a.b_c"] { XCTAssertNoThrow(try Workspace.checkName(name, what: "n"), name) }
        for name in ["", ".", "..", ".hidden", "a/b", "a b", "é", String(repeating: "x", count: 101)] {
            XCTAssertThrowsError(try Workspace.checkName(name, what: "n"), name)
        }
    }
}
