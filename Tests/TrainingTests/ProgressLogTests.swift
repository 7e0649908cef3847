import Foundation
import XCTest
@testable import Reports
@testable import Training

/// Tests for the progress line (ETA, durations, throttling) and the run's log files.
final class ProgressLogTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("progress-log-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    // MARK: - ProgressBar

    func testFormatDuration() {
        XCTAssertEqual(ProgressBar.formatDuration(0), "0:00")
        XCTAssertEqual(ProgressBar.formatDuration(9.4), "0:09")
        XCTAssertEqual(ProgressBar.formatDuration(59.6), "1:00")
        XCTAssertEqual(ProgressBar.formatDuration(83), "1:23")
        XCTAssertEqual(ProgressBar.formatDuration(3599), "59:59")
        XCTAssertEqual(ProgressBar.formatDuration(3723), "1:02:03")
        XCTAssertEqual(ProgressBar.formatDuration(100 * 3600 + 5), "100:00:05")
        XCTAssertEqual(ProgressBar.formatDuration(-1), "--:--")
        XCTAssertEqual(ProgressBar.formatDuration(.nan), "--:--")
        XCTAssertEqual(ProgressBar.formatDuration(.infinity), "--:--")
    }

    func testETAAndRate() {
        XCTAssertNil(ProgressBar.eta(done: 0, total: 100, elapsed: 5))
        XCTAssertEqual(ProgressBar.eta(done: 25, total: 100, elapsed: 10), 30)
        XCTAssertEqual(ProgressBar.eta(done: 100, total: 100, elapsed: 10), 0)
        XCTAssertEqual(ProgressBar.eta(done: 120, total: 100, elapsed: 10), 0)
        XCTAssertNil(ProgressBar.rate(done: 0, elapsed: 3, itemsPerUnit: 8))
        XCTAssertNil(ProgressBar.rate(done: 3, elapsed: 0, itemsPerUnit: 8))
        XCTAssertEqual(ProgressBar.rate(done: 10, elapsed: 4, itemsPerUnit: 8), 20)
    }

    func testRenderedLine() {
        let line = ProgressBar.render(label: "epoch 3/40", done: 42, total: 100, elapsed: 42, itemsPerUnit: 16, unit: "img",
                                      fields: [("loss", "0.512"), ("run ETA", "12:05")])
        XCTAssertEqual(line, "epoch 3/40 [########............] 42/100  42% · 16.0 img/s · loss 0.512 · run ETA 12:05 · ETA 0:58")
        let start = ProgressBar.render(label: "eval", done: 0, total: 7, elapsed: 0, itemsPerUnit: 4, unit: "img", fields: [])
        XCTAssertEqual(start, "eval [....................] 0/7  0%")
        let end = ProgressBar.render(label: "eval", done: 7, total: 7, elapsed: 14, itemsPerUnit: 4, unit: "img", fields: [])
        XCTAssertEqual(end, "eval [####################] 7/7  100% · 2.00 img/s")
    }

    /// An empty file and a handle writing to it.
    func outputFile(_ name: String) throws -> (URL, FileHandle) {
        let url = root.appendingPathComponent(name)
        try Data().write(to: url)
        return (url, try FileHandle(forWritingTo: url))
    }

    func testPlainOutputPrintsAtTenPercentStepsAndOnFinish() throws {
        let (url, handle) = try outputFile("plain.txt")
        var t = 0.0
        let bar = ProgressBar(total: 100, label: "epoch 1", itemsPerUnit: 2, output: handle, isTTY: false, now: { t })
        for done in 1 ... 100 {
            t = Double(done)  // one unit per second: 100 s, well over the 30 s time trigger only at 10% steps
            bar.update(done: done, fields: [("loss", "0.5")])
        }
        bar.finish(summary: "val auc 0.91")
        try handle.close()
        let lines = String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(lines.count, 10, lines.joined(separator: "\n"))  // 10%...90%, then the final line
        XCTAssertTrue(lines[0].hasPrefix("epoch 1 [##.................."), String(lines[0]))
        XCTAssertTrue(lines[0].contains("10/100  10% · 2.00 img/s · loss 0.5 · ETA 1:30"), String(lines[0]))
        XCTAssertEqual(lines.last, "epoch 1 [####################] 100/100  100% · 2.00 img/s · loss 0.5 · val auc 0.91")
        XCTAssertFalse(lines.contains { $0.contains("\r") })
    }

    func testPlainOutputAlsoPrintsAfterTheTimeInterval() throws {
        let (url, handle) = try outputFile("slow.txt")
        var t = 0.0
        let bar = ProgressBar(total: 1000, label: "slow", output: handle, isTTY: false, now: { t })
        for done in 1 ... 50 {  // 5% of the work, one unit every 2 s: a line every 30 s
            t = Double(2 * done)
            bar.update(done: done)
        }
        try handle.close()
        XCTAssertEqual(String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n").count, 3)  // at 30, 60, 90 s
    }

    func testTerminalOutputRedrawsInPlaceAtMostTenTimesASecond() throws {
        let (url, handle) = try outputFile("tty.txt")
        var t = 0.0
        let bar = ProgressBar(total: 100, label: "epoch 1", output: handle, isTTY: true, now: { t })
        for done in 1 ... 100 {
            t = Double(done) * 0.01  // 100 updates over 1 s
            bar.update(done: done)
        }
        bar.finish()
        try handle.close()
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        let draws = text.components(separatedBy: "\r\u{1B}[K").count - 1
        XCTAssertTrue((10 ... 13).contains(draws), "\(draws) redraws")
        XCTAssertTrue(text.hasSuffix("100/100  100% · 100.0 img/s\n"), text)
    }

    // MARK: - TrainingLog

    func testLinesAreTimestampedAndAppendedAcrossReopens() throws {
        let dir = root.appendingPathComponent("logs")
        var date = Date(timeIntervalSince1970: 1_700_000_000.25)
        let log = try TrainingLog(directory: dir, echo: .none, clock: { date })
        log.line("epoch 1 started")
        date += 61
        log.line("epoch 1 done")
        log.close()
        let again = try TrainingLog(directory: dir, echo: .none, clock: { date })
        again.line("resumed")
        again.close()
        let text = String(decoding: try Data(contentsOf: dir.appendingPathComponent("training.log")), as: UTF8.self)
        XCTAssertEqual(text, """
            2023-11-14T22:13:20.250Z epoch 1 started
            2023-11-14T22:14:21.250Z epoch 1 done
            2023-11-14T22:14:21.250Z resumed

            """)
        XCTAssertNil(again.firstError)
    }

    struct Record: Encodable { let epoch: Int; let phase: Int; let loss: Double; let split: String }

    func testMetricsAreOneSortedJSONObjectPerLine() throws {
        let log = try TrainingLog(directory: root, echo: .none)
        try log.metrics(["epoch": 1, "val": ["auc": 0.9, "f1": Float(0.5)], "loss": Double.nan, "note": "a\nb/c"])
        try log.metrics(Record(epoch: 2, phase: 1, loss: .infinity, split: "val"))
        XCTAssertThrowsError(try log.metrics([1, 2, 3]))  // not an object
        log.close()
        XCTAssertThrowsError(try log.metrics(["epoch": 3]), "closed")
        let text = String(decoding: try Data(contentsOf: log.metricsURL), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines[2], "")
        XCTAssertEqual(lines[0], #"{"epoch":1,"loss":"nan","note":"a\nb/c","val":{"auc":0.9,"f1":0.5}}"#)
        XCTAssertEqual(lines[1], #"{"epoch":2,"loss":"inf","phase":1,"split":"val"}"#)
        for line in lines.dropLast() {
            XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    func testTruncateMetricsKeepsEpochsThroughTheResumedOne() throws {
        let log = try TrainingLog(directory: root, echo: .none)
        try log.metrics(["event": "start"])
        for epoch in 1 ... 5 { try log.metrics(["epoch": epoch, "loss": 1.0 / Double(epoch)]) }
        try log.truncateMetrics(keepingEpochsThrough: 3)
        try log.metrics(["epoch": 4, "loss": 0.2])  // appends to the rewritten file
        log.close()
        let objects = try String(decoding: Data(contentsOf: log.metricsURL), as: UTF8.self).split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        XCTAssertEqual(objects.map { $0["epoch"] as? Int }, [nil, 1, 2, 3, 4])
        XCTAssertEqual(objects.last?["loss"] as? Double, 0.2)
    }

    /// Issue 10, item 5: resuming truncated every record after the resume epoch, whichever run
    /// wrote it. Two runs share a log folder; the resume of run A drops only A's later records.
    func testTruncateMetricsTouchesOnlyItsOwnRun() throws {
        let a = try TrainingLog(directory: root, runID: "aaaa", echo: .none, clock: { Date(timeIntervalSince1970: 0) })
        for epoch in 1 ... 4 { try a.metrics(["epoch": epoch, "split": "val", "phase": 1, "lr": 0.1]) }
        a.line("from a")
        a.close()
        let b = try TrainingLog(directory: root, runID: "bbbb", echo: .none)
        for epoch in 1 ... 6 { try b.metrics(Record(epoch: epoch, phase: 1, loss: 0.5, split: "val")) }
        b.close()
        let resumedA = try TrainingLog(directory: root, runID: "aaaa", echo: .none)
        try resumedA.truncateMetrics(keepingEpochsThrough: 2)
        resumedA.close()
        let objects = try String(decoding: Data(contentsOf: a.metricsURL), as: UTF8.self).split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let byRun = Dictionary(grouping: objects, by: { $0["run_id"] as? String ?? "?" }).mapValues { $0.map { $0["epoch"] as? Int } }
        XCTAssertEqual(byRun["aaaa"], [1, 2])
        XCTAssertEqual(byRun["bbbb"], [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(byRun.count, 2)
        let log = String(decoding: try Data(contentsOf: a.logURL), as: UTF8.self)
        XCTAssertEqual(log, "1970-01-01T00:00:00.000Z [run aaaa] from a\n")
        // The training curves of one run ignore the other's records.
        XCTAssertEqual(try Charts.readMetricsJSONL(a.metricsURL, runID: "aaaa").map(\.epoch), [1, 2])
    }

    func testACutLastLineIsRepairedOnOpen() throws {
        let metrics = root.appendingPathComponent("metrics.jsonl")
        let training = root.appendingPathComponent("training.log")
        try Data("{\"epoch\":1}\n{\"epoch\":2,\"lo".utf8).write(to: metrics)
        try Data("2023-11-14T22:13:20.250Z half".utf8).write(to: training)
        let log = try TrainingLog(directory: root, echo: .none, clock: { Date(timeIntervalSince1970: 0) })
        try log.metrics(["epoch": 2])
        log.line("next")
        log.close()
        XCTAssertEqual(String(decoding: try Data(contentsOf: metrics), as: UTF8.self), "{\"epoch\":1}\n{\"epoch\":2}\n")
        XCTAssertEqual(String(decoding: try Data(contentsOf: training), as: UTF8.self),
                       "2023-11-14T22:13:20.250Z half\n1970-01-01T00:00:00.000Z next\n")
    }
}
