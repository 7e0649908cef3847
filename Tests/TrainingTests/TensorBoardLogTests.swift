import Foundation
import XCTest
@testable import Formats
@testable import Training
#if canImport(Glibc)
import Glibc
#endif

/// A run's TensorBoard log, read back with the TFRecord reader and the Event decoder (both checked
/// against tensorboard's own file in FormatsTests): the file's name and folder, the records of
/// steps, epochs and phases, a new file per process start, and a failing write that warns once.
final class TensorBoardLogTests: XCTestCase {
    var root: URL!
    let runID = "20261204-211250-1a2b3c4d"

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("tensorboard-log-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    /// The events of a file, checking that it has no torn tail.
    static func events(_ url: URL) throws -> [TensorBoardEvent] {
        let (records, torn) = try TFRecord.records(in: [UInt8](try Data(contentsOf: url)), path: url.path)
        XCTAssertFalse(torn, url.path)
        return try records.map { try TensorBoardEvent(protobuf: $0) }
    }

    static func values(_ event: TensorBoardEvent) -> [TensorBoardEvent.Value] {
        guard case .summary(let values) = event.content else { return [] }
        return values
    }

    func step(epoch: Int, phase: Int, batch: Int, optimizerStep: Int, loss: Double, lr: Double) -> Trainer.StepEvent {
        Trainer.StepEvent(epoch: epoch, epochs: 4, phase: phase, batch: batch, batchesPerEpoch: 6, optimizerStep: optimizerStep,
                          loss: loss, lr: lr, epochSeconds: 2, imagesPerSecond: 16, runSecondsLeft: 40)
    }

    func record(epoch: Int, phase: Int) throws -> EpochRecord {
        let json = """
        {"split": "val", "epoch": \(epoch), "phase": \(phase), "lr": 0.00025, "train_loss": 0.75, "nll": 0.5, "samples": 12,
         "metrics": {"auc_roc": 0.875, "sensitivity": 1, "f1_weighted": 0.625}, "threshold": 0.3125,
         "confusion_matrix": [[1, 0], [0, 1]], "epoch_seconds": 3.5, "images_per_second": 20, "eval_seconds": 1,
         "peak_rss_bytes": 1000, "is_best": true, "early_stopping_wait": 0}
        """
        return try JSONDecoder().decode(EpochRecord.self, from: Data(json.utf8))
    }

    func testStepsEpochsAndPhasesAreRecorded() throws {
        var now = 1_764_800_000.5
        var warnings: [String] = []
        let log = TensorBoardLog(logsDirectory: root, runID: runID, say: { warnings.append($0) },
                                 clock: { Date(timeIntervalSince1970: now) }, host: "ward/7", pid: 4242)
        let file = try XCTUnwrap(log.file)
        XCTAssertEqual(file.path, root.path + "/tensorboard/\(runID)/events.out.tfevents.1764800000.ward_7.4242.1a2b3c4d")
        now += 1; log.step(step(epoch: 1, phase: 1, batch: 2, optimizerStep: 1, loss: 1.25, lr: 1e-4))
        now += 1; log.step(step(epoch: 1, phase: 1, batch: 4, optimizerStep: 2, loss: 1.0, lr: 2e-4))
        now += 1; log.epoch(try record(epoch: 1, phase: 1))
        now += 1; log.step(step(epoch: 2, phase: 2, batch: 2, optimizerStep: 3, loss: 0.5, lr: 5e-5))
        log.close()
        XCTAssertEqual(warnings, [])

        let events = try Self.events(file)
        // One x axis: the optimizer step; the epoch's records at its last step (2).
        XCTAssertEqual(events.map(\.step), [0, 1, 1, 2, 2, 3, 3])
        XCTAssertEqual(events.map(\.wallTime), [1_764_800_000.5, 1_764_800_001.5, 1_764_800_001.5, 1_764_800_002.5,
                                                1_764_800_003.5, 1_764_800_004.5, 1_764_800_004.5])
        XCTAssertEqual(events[0].content, .fileVersion("brain.Event:2", writer: "breastai-run"))
        XCTAssertEqual(Self.values(events[1]), [.text("phase", "Phase 1 starts at epoch 1 of 4; optimizer step 1, LR 0.0001")])
        XCTAssertEqual(Self.values(events[2]), [.scalar("train/loss_running", 1.25), .scalar("train/lr", 1e-4),
                                                .scalar("train/images_per_sec", 16)])
        XCTAssertEqual(Self.values(events[3]).map(\.tag), ["train/loss_running", "train/lr", "train/images_per_sec"])
        XCTAssertEqual(Self.values(events[4]), [
            .scalar("val/loss", 0.5), .scalar("val/auc_roc", 0.875), .scalar("val/f1_weighted", 0.625),
            .scalar("val/sensitivity", 1), .scalar("val/threshold", 0.3125), .scalar("train/loss_epoch", 0.75),
            .scalar("epoch/epoch", 1), .scalar("epoch/phase", 1), .scalar("epoch/lr", Float(0.00025)), .scalar("epoch/seconds", 3.5),
            .scalar("epoch/images_per_sec", 20),
        ])
        XCTAssertEqual(Self.values(events[5]), [.text("phase", "Phase 2 starts at epoch 2 of 4; optimizer step 3, LR 5e-05")])
        XCTAssertEqual(Self.values(events[6]).first, .scalar("train/loss_running", 0.5))
    }

    func testEachProcessStartWritesItsOwnFileAndSaysWhenItResumesMidPhase() throws {
        let first = TensorBoardLog(logsDirectory: root, runID: runID, say: { XCTFail($0) },
                                   clock: { Date(timeIntervalSince1970: 1_000_000_000) }, pid: 1)
        first.step(step(epoch: 1, phase: 1, batch: 2, optimizerStep: 1, loss: 1, lr: 1e-3))
        first.close()
        let before = try Data(contentsOf: try XCTUnwrap(first.file))
        // The resumed process: same run id, so the same folder; a new file; the phase said again.
        let second = TensorBoardLog(logsDirectory: root, runID: runID, say: { XCTFail($0) },
                                    clock: { Date(timeIntervalSince1970: 1_000_000_100) }, pid: 2)
        second.step(step(epoch: 1, phase: 1, batch: 4, optimizerStep: 2, loss: 1, lr: 1e-3))
        second.close()
        let folder = TensorBoardLog.folder(logsDirectory: root, runID: runID)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(),
                       [first.file!.lastPathComponent, second.file!.lastPathComponent])
        XCTAssertEqual(first.file!.lastPathComponent, TensorBoardLog.fileName(time: Date(timeIntervalSince1970: 1_000_000_000),
                                                                              host: TensorBoardLog.hostName(), pid: 1, runID: runID))
        XCTAssertTrue(second.file!.lastPathComponent.hasPrefix("events.out.tfevents.1000000100."), second.file!.path)
        XCTAssertEqual(try Data(contentsOf: try XCTUnwrap(first.file)), before, "the first file is not touched")
        // It starts with a restart marker at its first step, so TensorBoard drops the first file's
        // points from there on (steps a crashed run did after its checkpoint are written again).
        let events = try Self.events(try XCTUnwrap(second.file))
        XCTAssertEqual(events.map(\.step), [0, 2, 2, 2])
        XCTAssertEqual(events[1].content, .sessionStart)
        XCTAssertEqual(Self.values(events[2]), [.text("phase", "Resumed in phase 1 at epoch 1 of 4, batch 4 of 6; optimizer step 2, LR 0.001")])
        // A second log started in the same second by the same process (a run resumed in-process)
        // takes the next free name and never opens the earlier file.
        let again = TensorBoardLog(logsDirectory: root, runID: runID, say: { XCTFail($0) },
                                   clock: { Date(timeIntervalSince1970: 1_000_000_100) }, pid: 2)
        again.step(step(epoch: 1, phase: 1, batch: 6, optimizerStep: 3, loss: 1, lr: 1e-3))
        again.close()
        XCTAssertEqual(again.file?.lastPathComponent, second.file!.lastPathComponent + ".2")
        XCTAssertEqual(try Self.events(try XCTUnwrap(second.file)).count, events.count)
        XCTAssertEqual(try Self.events(try XCTUnwrap(again.file)).count, 4)
    }

    func testARunIDCannotLeaveTheTensorBoardFolder() {
        let logs = URL(fileURLWithPath: "/logs")
        XCTAssertEqual(TensorBoardLog.folder(logsDirectory: logs, runID: "../../etc").path, "/logs/tensorboard/______etc")
        XCTAssertEqual(TensorBoardLog.folder(logsDirectory: logs, runID: "").path, "/logs/tensorboard/_")
        XCTAssertEqual(TensorBoardLog.folder(logsDirectory: logs, runID: runID).path, "/logs/tensorboard/\(runID)")
        XCTAssertEqual(TensorBoardLog.fileName(time: Date(timeIntervalSince1970: 5), host: "a.b/é", pid: 3, runID: "x/../..y"),
                       "events.out.tfevents.0000000005.a_b__.3.x______y")
    }

    func testAFailingWriteWarnsOnceAndTheRunGoesOn() throws {
        // A full disk: every write to /dev/full fails with ENOSPC.
        let fd = open("/dev/full", O_WRONLY | O_CLOEXEC)
        try XCTSkipIf(fd < 0, "no /dev/full")
        var warnings: [String] = []
        let log = TensorBoardLog(writer: .success(TFRecordWriter(adopting: fd, path: "/dev/full")), file: nil,
                                 wallTime: Date(), say: { warnings.append($0) }, clock: Date.init)
        for s in 1 ... 5 { log.step(step(epoch: 1, phase: 1, batch: 2 * s, optimizerStep: s, loss: 1, lr: 1e-3)) }
        log.epoch(try record(epoch: 1, phase: 1))
        XCTAssertEqual(warnings, ["warning: TensorBoard events are not written from here on: /dev/full: cannot write: No space left on device (training continues; training.log, metrics.jsonl and checkpoints are not affected)"])
        XCTAssertNotNil(log.firstError)

        // A logs folder that cannot be created (a file is in the way): one warning, nothing thrown.
        let blocker = root.appendingPathComponent("logs")
        try Data("a user's file".utf8).write(to: blocker)
        var more: [String] = []
        let blocked = TensorBoardLog(logsDirectory: blocker, runID: runID, say: { more.append($0) })
        blocked.step(step(epoch: 1, phase: 1, batch: 2, optimizerStep: 1, loss: 1, lr: 1e-3))
        blocked.epoch(try record(epoch: 1, phase: 1))
        XCTAssertNil(blocked.file)
        XCTAssertEqual(more.count, 1, more.joined(separator: "\n"))
        XCTAssertTrue(more[0].hasPrefix("warning: TensorBoard events are not written from here on: \(blocker.path)/tensorboard/\(runID): cannot create the TensorBoard folder"), more[0])
        XCTAssertEqual(String(decoding: try Data(contentsOf: blocker), as: UTF8.self), "a user's file")
    }
}
