import Foundation
import XCTest
@testable import Training

/// The files a live run writes for followers: `progress.json` (states, throttle, what a reader
/// sees) and `steps.jsonl` (torn lines, truncation on resume). Whole runs writing them are in
/// CodegenTests/LiveProgressRunTests.
final class LiveFilesTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("live-files-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    /// A clock the test moves by hand.
    final class Clock: @unchecked Sendable {
        var now = Date(timeIntervalSince1970: 1_800_000_000)
        func advance(_ seconds: Double) { now += seconds }
    }

    func event(epoch: Int, batch: Int, of perEpoch: Int = 10, step: Int, phase: Int = 1, seconds: Double = 2) -> Trainer.StepEvent {
        Trainer.StepEvent(epoch: epoch, epochs: 4, phase: phase, batch: batch, batchesPerEpoch: perEpoch, optimizerStep: step,
                          loss: 1.0 / Double(step), lr: 1e-3, epochSeconds: seconds, imagesPerSecond: 8, runSecondsLeft: 100,
                          stepLoss: 0.5 / Double(step))
    }

    func read() throws -> ProgressFile.Snapshot { try XCTUnwrap(try ProgressFile.read(root.appendingPathComponent("progress.json"))) }

    func testProgressStatesThrottleAndContents() throws {
        let clock = Clock()
        var warnings: [String] = []
        let file = ProgressFile(logsDirectory: root, runID: "run-a", epochs: 4, now: { clock.now }, warn: { warnings.append($0) })
        var s = try read()
        XCTAssertEqual(s.state, .preparing)
        XCTAssertEqual(s.pid, getpid())
        XCTAssertEqual(s.runID, "run-a")
        XCTAssertEqual(s.startedAt, "2027-01-15T08:00:00.000Z")
        file.set(.compiling)
        XCTAssertEqual(try read().state, .compiling)

        // Steps 0.25 s apart: the first (a state change) is written, the next ones only once 1 s has passed.
        file.step(event(epoch: 1, batch: 2, step: 1))
        XCTAssertEqual(try read().state, .training)
        XCTAssertEqual(try read().optimizerStep, 1)
        let written = file.writes
        for k in 2...4 { clock.advance(0.25); file.step(event(epoch: 1, batch: 2 * k, step: k)) }
        XCTAssertEqual(file.writes, written, "steps within a second of the last write are not written")
        XCTAssertEqual(try read().optimizerStep, 1)
        clock.advance(0.25)
        file.step(event(epoch: 1, batch: 10, of: 12, step: 5, seconds: 5))
        XCTAssertEqual(file.writes, written + 1, "a step a second after the last write is written")
        s = try read()
        XCTAssertEqual(s.optimizerStep, 5)
        XCTAssertEqual(s.batch, 10)
        XCTAssertEqual(s.batchesPerEpoch, 12)
        XCTAssertEqual(try XCTUnwrap(s.epochETASeconds), 5.0 / 10 * 2, accuracy: 1e-12, "seconds per micro-batch times those left")
        XCTAssertEqual(s.runETASeconds, 100)
        XCTAssertEqual(s.lr, 1e-3)
        XCTAssertEqual(s.trainLoss, 1.0 / 5)
        XCTAssertEqual(s.imagesPerSecond, 8)
        XCTAssertEqual(s.epochsDone, 0)
        XCTAssertEqual(s.updatedAt, "2027-01-15T08:00:01.000Z")

        // The epoch's last step means validation; a new epoch or phase is written at once.
        clock.advance(0.25)
        file.step(event(epoch: 1, batch: 12, of: 12, step: 6))
        XCTAssertEqual(try read().state, .validating)
        XCTAssertNil(try read().epochETASeconds)
        clock.advance(0.25)
        file.step(event(epoch: 2, batch: 1, of: 12, step: 7, phase: 2))
        s = try read()
        XCTAssertEqual(s.state, .training)
        XCTAssertEqual(s.epoch, 2)
        XCTAssertEqual(s.phase, 2)
        XCTAssertEqual(s.epochsDone, 1)

        file.set(.stopped, message: "checkpoint epoch-0002-step-0001")
        s = try read()
        XCTAssertEqual(s.state, .stopped)
        XCTAssertNil(s.runETASeconds)
        XCTAssertEqual(s.message, "checkpoint epoch-0002-step-0001")
        XCTAssertEqual(warnings, [])
    }

    /// Every key is present (null when unknown), so a reader sees the whole schema; NaN is null.
    func testProgressJSONHasEveryKey() throws {
        let file = ProgressFile(logsDirectory: root, runID: "r", epochs: 2, warn: { _ in })
        var e = event(epoch: 1, batch: 1, step: 1)
        e.imagesPerSecond = .nan
        file.step(e)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: file.url)) as? [String: Any])
        XCTAssertEqual(Set(object.keys), ["run_id", "pid", "state", "activity", "phase", "epoch", "epochs", "epochs_done", "batch",
                                          "batches_per_epoch", "optimizer_step", "images_per_second", "epoch_eta_seconds",
                                          "run_eta_seconds", "lr", "train_loss", "message", "started_at", "updated_at"])
        XCTAssertTrue(object["images_per_second"] is NSNull)
        XCTAssertTrue(object["message"] is NSNull)
        XCTAssertEqual(object["state"] as? String, "training")
    }

    /// A folder that cannot be written: the run goes on, the failure is said once.
    func testProgressWriteFailureWarnsOnce() throws {
        var warnings: [String] = []
        let missing = root.appendingPathComponent("no/such/folder")
        let file = ProgressFile(logsDirectory: missing, runID: "r", epochs: 2, warn: { warnings.append($0) })
        file.set(.compiling)
        file.step(event(epoch: 1, batch: 1, step: 1))
        XCTAssertEqual(warnings.count, 1, "\(warnings)")
        XCTAssertTrue(warnings[0].contains(missing.path), warnings[0])
        XCTAssertEqual(file.writes, 0)
    }

    func testStepLogAppendsReadsAndSkipsATornLine() throws {
        let log = try StepLog(logsDirectory: root, runID: "a", now: { Date(timeIntervalSince1970: 1_800_000_000.125) }, warn: { _ in })
        for k in 1...3 { log.append(event(epoch: 1, batch: 2 * k, step: k)) }
        log.close()
        let text = try String(contentsOf: log.url, encoding: .utf8)
        XCTAssertEqual(text.split(separator: "\n").first,
                       #"{"batch":2,"epoch":1,"loss":1,"lr":0.001,"phase":1,"run_id":"a","step":1,"step_loss":0.5,"t":1800000000.125}"#)
        // A reader during a write sees a torn last line: skipped.
        let handle = try FileHandle(forWritingTo: log.url)
        handle.seekToEndOfFile()
        handle.write(Data(#"{"batch":8,"epoch":1,"lo"#.utf8))
        try handle.close()
        XCTAssertEqual(StepLog.read(log.url).map(\.step), [1, 2, 3])
        // A writer opening the file trims it, so its lines start whole.
        let again = try StepLog(logsDirectory: root, runID: "a", warn: { _ in })
        again.append(event(epoch: 1, batch: 8, step: 4))
        XCTAssertEqual(StepLog.read(log.url).map(\.step), [1, 2, 3, 4])
        XCTAssertFalse(try String(contentsOf: log.url, encoding: .utf8).contains(#""lo{"#))
    }

    /// A user's file named steps.jsonl or progress.json, and a live run's progress, are left as they
    /// are (a warning, no live files); a finished run's progress is replaced.
    func testLiveFilesLeaveWhatIsNotTheirs() throws {
        let steps = root.appendingPathComponent("steps.jsonl"), progress = root.appendingPathComponent("progress.json")
        let mine = Data("my notes, no newline at the end".utf8)
        try mine.write(to: steps)
        try mine.write(to: progress)
        var warnings: [String] = []
        let log = try StepLog(logsDirectory: root, runID: "b", warn: { warnings.append($0) })
        log.append(event(epoch: 1, batch: 1, step: 1))
        XCTAssertEqual(try log.truncate(afterStep: 0), 0)
        let file = ProgressFile(logsDirectory: root, runID: "b", epochs: 2, warn: { warnings.append($0) })
        file.set(.training)
        XCTAssertEqual(try Data(contentsOf: steps), mine)
        XCTAssertEqual(try Data(contentsOf: progress), mine)
        XCTAssertEqual(warnings.count, 2, "\(warnings)")
        XCTAssertTrue(warnings.allSatisfy { $0.contains("left as it is") }, "\(warnings)")

        // Another run's progress: kept while its process lives (this test process stands in), replaced once it ended.
        try FileManager.default.removeItem(at: progress)
        let other = ProgressFile(logsDirectory: root, runID: "a", epochs: 2, warn: { _ in })
        var live = other.current
        live.pid = getppid()
        try JSONEncoder().encode(live).write(to: progress)
        warnings = []
        _ = ProgressFile(logsDirectory: root, runID: "c", epochs: 2, warn: { warnings.append($0) })
        XCTAssertEqual(try ProgressFile.read(progress)?.runID, "a")
        XCTAssertTrue(warnings.first?.contains("live progress of run a") == true, "\(warnings)")
        live.state = .finished
        try JSONEncoder().encode(live).write(to: progress)
        _ = ProgressFile(logsDirectory: root, runID: "c", epochs: 2, warn: { _ in })
        XCTAssertEqual(try ProgressFile.read(progress)?.runID, "c")
    }

    /// Resume drops this run's steps after the checkpoint's step; other runs' lines stay.
    func testStepLogTruncateDropsOnlyThisRunsLaterSteps() throws {
        let other = try StepLog(logsDirectory: root, runID: "other", warn: { _ in })
        for k in 1...5 { other.append(event(epoch: 1, batch: k, step: k)) }
        let log = try StepLog(logsDirectory: root, runID: "a", warn: { _ in })
        for k in 1...6 { log.append(event(epoch: 1, batch: k, step: k)) }
        XCTAssertEqual(try log.truncate(afterStep: 4), 2)
        XCTAssertEqual(try log.truncate(afterStep: 4), 0, "nothing more to drop")
        log.append(event(epoch: 1, batch: 5, step: 5))
        XCTAssertEqual(StepLog.read(log.url, runID: "a").map(\.step), [1, 2, 3, 4, 5])
        XCTAssertEqual(StepLog.read(log.url, runID: "other").map(\.step), [1, 2, 3, 4, 5])
        XCTAssertEqual(StepLog.read(log.url).count, 10)
    }
}
