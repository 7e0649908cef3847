import Foundation
import XCTest
@testable import Formats
@testable import Runtime
@testable import Training

/// The TensorBoard events of whole tiny runs, read back with the TFRecord reader and Event decoder
/// (both checked against tensorboard's own file in FormatsTests): every optimizer step and epoch is
/// there with the values of metrics.jsonl and of the LR schedule; a run that went on past its
/// checkpoint and is resumed from it (as after a crash) writes a second file whose restart marker
/// drops the repeated steps, leaving the uninterrupted run's values; `logging.tensorboard: false`
/// writes nothing.
extension TrainingRunTests {
    /// Scalars by tag, step -> value, over every events file of `folder` in name order, as
    /// TensorBoard shows them: a restart marker (`SessionLog.START`) at step s drops every earlier
    /// point at s and after. Texts as (step, text).
    func tensorBoard(_ folder: URL) throws -> (files: [String], scalars: [String: [Int64: Float]], texts: [(Int64, String)]) {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        var scalars: [String: [Int64: Float]] = [:], texts: [(Int64, String)] = []
        for name in files {
            let url = folder.appendingPathComponent(name)
            let (records, torn) = try TFRecord.records(in: [UInt8](try Data(contentsOf: url)), path: url.path)
            XCTAssertFalse(torn, name)
            let events = try records.map { try TensorBoardEvent(protobuf: $0) }
            XCTAssertEqual(events.first?.content, .fileVersion("brain.Event:2", writer: "breastai-run"), name)
            for event in events.dropFirst() {
                if event.content == .sessionStart {
                    for tag in scalars.keys { scalars[tag] = scalars[tag]!.filter { $0.key < event.step } }
                    texts.removeAll { $0.0 >= event.step }
                    continue
                }
                guard case .summary(let values) = event.content else { XCTFail("\(name): a second header"); continue }
                for value in values {
                    switch value.data {
                    case .scalar(let x): scalars[value.tag, default: [:]][event.step] = x
                    case .text(let t): texts.append((event.step, t))
                    }
                }
            }
        }
        return (files, scalars, texts)
    }

    func testTensorBoardEventsOfARunAndOfItsResumedTwin() throws {
        let base = try Harness.temporaryDirectory("tensorboard")
        defer { try? FileManager.default.removeItem(at: base) }
        let straight = base.appendingPathComponent("straight"), resumed = base.appendingPathComponent("resumed")
        for root in [straight, resumed] { try makeData(root) }

        let (r1, _, _) = try run(straight, start: .fresh(initWeights: nil))
        let tb = try tensorBoard(TensorBoardLog.folder(logsDirectory: straight.appendingPathComponent("logs"), runID: r1.runID))
        XCTAssertEqual(tb.files.count, 1)
        // 4 epochs of 3 optimizer steps; the LR of step s is the schedule's for step s - 1 (0-based).
        let steps = Array(Int64(1) ... 12)
        for tag in ["train/loss_running", "train/lr", "train/images_per_sec"] {
            XCTAssertEqual(tb.scalars[tag]?.keys.sorted(), steps, tag)
        }
        for s in steps {
            XCTAssertEqual(tb.scalars["train/lr"]?[s], Float(r1.trainer.run.schedule.lr(step: Int(s) - 1)), "lr at step \(s)")
        }
        XCTAssertTrue(tb.scalars["train/loss_running"]!.values.allSatisfy { $0.isFinite && $0 > 0 })
        XCTAssertEqual(tb.texts.map(\.0), [1, 4, 7, 10])
        XCTAssertEqual(tb.texts.map { String($0.1.prefix(25)) }, (1 ... 4).map { "Phase \($0) starts at epoch \($0)" })
        // Each epoch's scalars are metrics.jsonl's values of that epoch, at its last optimizer step.
        let text = try String(contentsOf: straight.appendingPathComponent("logs/metrics.jsonl"), encoding: .utf8)
        let records = try text.split(separator: "\n").map { try JSONDecoder().decode(EpochRecord.self, from: Data($0.utf8)) }
            .filter { $0.split == "val" }
        XCTAssertEqual(records.map(\.epoch), [1, 2, 3, 4])
        for r in records {
            let e = Int64(3 * r.epoch)
            XCTAssertEqual(tb.scalars["epoch/epoch"]?[e], Float(r.epoch))
            XCTAssertEqual(tb.scalars["val/loss"]?[e], r.nll.map(Float.init), "epoch \(e)")
            XCTAssertEqual(tb.scalars["train/loss_epoch"]?[e], r.trainLoss.map(Float.init), "epoch \(e)")
            XCTAssertEqual(tb.scalars["epoch/phase"]?[e], Float(r.phase))
            XCTAssertEqual(tb.scalars["val/threshold"]?[e], Float(r.threshold))
            XCTAssertFalse(r.metrics.isEmpty)
            for (name, value) in r.metrics { XCTAssertEqual(tb.scalars["val/\(name)"]?[e], Float(value), "val/\(name) at epoch \(e)") }
        }
        for tag in ["val/auc_roc", "val/auc_pr", "val/sensitivity", "val/specificity", "val/f1_weighted", "val/accuracy"] {
            XCTAssertEqual(tb.scalars[tag]?.count, 4, tag)
        }

        // A run that went on to step 8 after its epoch-2 checkpoint and is resumed from that
        // checkpoint (as after a crash): steps 7 and 8 are written again in a second file.
        let (r2, s2, _) = try run(resumed, start: .fresh(initWeights: nil), interruptWhen: { $0.optimizerSteps == 8 })
        guard case .interrupted = s2.outcome else { return XCTFail("expected an interruption, got \(s2.outcome)") }
        let (r3, _, _) = try run(resumed, start: .resume("epoch-0002"))
        XCTAssertEqual(r2.runID, r3.runID)
        let folder = TensorBoardLog.folder(logsDirectory: resumed.appendingPathComponent("logs"), runID: r3.runID)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(files.count, 2)
        let firstFile = try TFRecord.records(in: [UInt8](try Data(contentsOf: folder.appendingPathComponent(files[0]))), path: files[0])
        let secondFile = try TFRecord.records(in: [UInt8](try Data(contentsOf: folder.appendingPathComponent(files[1]))), path: files[1])
        XCTAssertEqual(try firstFile.records.map { try TensorBoardEvent(protobuf: $0).step }.max(), 8)
        let restart = try TensorBoardEvent(protobuf: secondFile.records[1])
        XCTAssertEqual(restart.content, .sessionStart)
        XCTAssertEqual(restart.step, 7)
        let first = try tensorBoard(folder)
        XCTAssertEqual(first.texts.map(\.0), [1, 4, 7, 10])
        XCTAssertTrue(first.texts[2].1.hasPrefix("Resumed in phase 3 at epoch 3 of 4, batch 2 of 6; optimizer step 7"), first.texts[2].1)
        // Resuming is bit-identical, so every value but the timings equals the uninterrupted run's.
        let timings: Set<String> = ["train/images_per_sec", "epoch/seconds", "epoch/images_per_sec"]
        XCTAssertEqual(Set(first.scalars.keys), Set(tb.scalars.keys))
        for (tag, points) in tb.scalars where !timings.contains(tag) {
            XCTAssertEqual(first.scalars[tag], points, tag)
        }

        // Another observer installed later runs alongside, and the earlier one still gets each step.
        let second = TensorBoardLog(logsDirectory: base.appendingPathComponent("extra"), runID: r3.runID, say: { XCTFail($0) })
        second.install(on: r3.trainer)
        r3.trainer.onStep?(Trainer.StepEvent(epoch: 4, epochs: 4, phase: 4, batch: 6, batchesPerEpoch: 6, optimizerStep: 99,
                                             loss: 0.25, lr: 1e-5, epochSeconds: 1, imagesPerSecond: nil, runSecondsLeft: 0))
        second.close()
        XCTAssertEqual(try tensorBoard(second.file!.deletingLastPathComponent()).scalars["train/loss_running"], [99: 0.25])
        XCTAssertEqual(try tensorBoard(folder).scalars["train/loss_running"]?[99], 0.25)
    }

    func testTensorBoardCanBeTurnedOff() throws {
        let root = try Harness.temporaryDirectory("tensorboard-off")
        defer { try? FileManager.default.removeItem(at: root) }
        try makeData(root)
        for enabled in [false, true] {
            let config = try TrainingConfig(jsonText: try makeConfig(root).canonicalJSON, source: "test",
                                            overrides: ["logging.tensorboard": "\(enabled)",
                                                        "paths.checkpoint_dir": root.appendingPathComponent("checkpoints-\(enabled)").path])
            let run = try TrainingRun(config: config, program: try program(config),
                                      options: TrainingRun.Options(cacheDirectory: root.appendingPathComponent("cache")), console: { _ in })
            _ = try run.execute(interrupted: { true })
            let folder = root.appendingPathComponent("logs/tensorboard").appendingPathComponent(run.runID)
            XCTAssertEqual(FileManager.default.fileExists(atPath: folder.path), enabled, "logging.tensorboard \(enabled)")
        }
    }
}
