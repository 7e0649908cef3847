import Foundation
import XCTest
@testable import Server

/// What the live stream sends as a run's files change: the first look sends the state, every
/// epoch record and the steps; later looks only what is new; a resumed run's cut steps resend
/// the list; a torn last line (a writer mid-line) is not sent until whole.
final class EventStreamTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws { root = try temporaryWorkspace("events") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    func events(_ text: String) -> [(name: String, data: [String: Any])] {
        text.components(separatedBy: "\n\n").compactMap { block in
            let lines = block.split(separator: "\n")
            guard let name = lines.first(where: { $0.hasPrefix("event: ") })?.dropFirst(7),
                  let data = lines.first(where: { $0.hasPrefix("data: ") })?.dropFirst(6),
                  let object = (try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: Any] else { return nil }
            return (String(name), object)
        }
    }

    func append(_ url: URL, _ text: String) throws {
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    func testChangesAreSentOnceAndCutStepsAreResent() throws {
        let workspace = try Workspace(root.path)
        let run = root.appendingPathComponent("runs/r")
        let logs = run.appendingPathComponent("logs")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        var record = ProcessRecord(command: "train", pid: 999_999, arguments: [], startedAt: "t0")
        record.exitCode = 130
        try record.write(run: run)
        let metrics = logs.appendingPathComponent("metrics.jsonl"), steps = logs.appendingPathComponent("steps.jsonl")
        let log = logs.appendingPathComponent("training.log")
        try Data(#"{"split":"val","epoch":1,"phase":1,"metrics":{"auc_roc":0.5}}"#.utf8 + [10] + Data(#"{"split":"val","epoch":2,"#.utf8)).write(to: metrics)
        try Data((1...4).map { #"{"step":\#($0),"loss":1.0,"lr":0.001,"phase":1}"# + "\n" }.joined().utf8).write(to: steps)
        try Data("line one\n".utf8).write(to: log)
        let supervisor = Supervisor(workspace: workspace, executable: "/bin/true")
        var memory = EventStream.Memory()

        let first = events(EventStream.changes(supervisor: supervisor, run: "r", memory: &memory))
        XCTAssertEqual(first.first { $0.name == "state" }?.data["state"] as? String, "stopped")
        XCTAssertEqual(first.filter { $0.name == "epoch" }.count, 1, "the torn second record is not sent")
        XCTAssertEqual((first.first { $0.name == "steps" }?.data["records"] as? [Any])?.count, 4)
        XCTAssertNil(first.first { $0.name == "log" }, "the page loads the log tail itself")

        XCTAssertTrue(events(EventStream.changes(supervisor: supervisor, run: "r", memory: &memory)).filter { $0.name != "jobs" }.isEmpty,
                      "nothing changed, nothing sent")

        try append(metrics, #""phase":1,"metrics":{"auc_roc":0.6}}"# + "\n")
        try append(steps, #"{"step":5,"loss":0.9,"lr":0.001,"phase":2}"# + "\n")
        try append(log, "line two\nline thr")
        let second = events(EventStream.changes(supervisor: supervisor, run: "r", memory: &memory))
        XCTAssertEqual(second.filter { $0.name == "epoch" }.map { $0.data["epoch"] as? Int }, [2])
        let newSteps = second.first { $0.name == "steps" }?.data
        XCTAssertEqual((newSteps?["records"] as? [[String: Any]])?.map { $0["step"] as? Int }, [5])
        XCTAssertNil(newSteps?["reset"])
        XCTAssertEqual(second.first { $0.name == "log" }?.data["lines"] as? [String], ["line two"], "only whole lines")

        // A resume cut the steps after 3: the whole list again, marked as a reset.
        try Data((1...3).map { #"{"step":\#($0),"loss":1.0,"lr":0.001,"phase":1}"# + "\n" }.joined().utf8).write(to: steps)
        let third = events(EventStream.changes(supervisor: supervisor, run: "r", memory: &memory))
        let reset = third.first { $0.name == "steps" }?.data
        XCTAssertEqual(reset?["reset"] as? Bool, true)
        XCTAssertEqual((reset?["records"] as? [Any])?.count, 3)
        XCTAssertNil(third.first { $0.name == "state" }, "the state did not change")
    }
}
