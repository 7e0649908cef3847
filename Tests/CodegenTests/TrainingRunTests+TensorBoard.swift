import Foundation
import XCTest
@testable import Formats
@testable import Runtime
@testable import Training

/// The TensorBoard events of whole tiny runs, read back with the TFRecord reader and Event decoder
/// (both checked against tensorboard's own file in FormatsTests): every optimizer step and epoch is
/// there with the values of metrics.jsonl and of the LR schedule, a run stopped mid-epoch and resumed
/// writes a second file that continues the first with the same values as the uninterrupted run, and
/// `logging.tensorboard: false` writes nothing.
extension TrainingRunTests {
    /// Scalars by tag, step -> value, over every events file of `folder` in name order (a later
    /// file's point at a step replaces an earlier one, as TensorBoard shows it); texts as (step, text).
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
        XCTAssertEqual(tb.texts.map(\.0), [1, 2, 3, 4])
        XCTAssertEqual(tb.texts.map { String($0.1.prefix(25)) }, (1 ... 4).map { "Phase \($0) starts at epoch \($0)" })
        // Each epoch's scalars are metrics.jsonl's values of that epoch.
        let text = try String(contentsOf: straight.appendingPathComponent("logs/metrics.jsonl"), encoding: .utf8)
        let records = try text.split(separator: "\n").map { try JSONDecoder().decode(EpochRecord.self, from: Data($0.utf8)) }
            .filter { $0.split == "val" }
        XCTAssertEqual(records.map(\.epoch), [1, 2, 3, 4])
        for r in records {
            let e = Int64(r.epoch)
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

        // Stopped after the first optimizer step of epoch 3, then resumed: a second file continues the first.
        let (r2, s2, _) = try run(resumed, start: .fresh(initWeights: nil), interruptWhen: { $0.optimizerSteps == 7 })
        guard case .interrupted = s2.outcome else { return XCTFail("expected an interruption, got \(s2.outcome)") }
        let (r3, _, _) = try run(resumed, start: .resume("latest"))
        XCTAssertEqual(r2.runID, r3.runID)
        let folder = TensorBoardLog.folder(logsDirectory: resumed.appendingPathComponent("logs"), runID: r3.runID)
        let first = try tensorBoard(folder)
        XCTAssertEqual(first.files.count, 2)
        XCTAssertEqual(first.texts.map(\.0), [1, 2, 3, 3, 4])
        XCTAssertTrue(first.texts[3].1.hasPrefix("Resumed in phase 3 at epoch 3 of 4, batch 4 of 6; optimizer step 8"), first.texts[3].1)
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
