import Foundation
import XCTest
@testable import Codegen
import Graph
@testable import Data
@testable import Runtime
@testable import Training

/// A tiny run on phantoms writes the live files for followers: `progress.json` goes through its
/// states (preparing, compiling, training, validating, stopped; then again to finished after a
/// resume) and always matches the trainer when unthrottled; `steps.jsonl` holds every optimizer
/// step exactly once after a stop, a crash's extra lines and a resume, and its epoch-final
/// losses are the epochs' train losses of `metrics.jsonl`.
final class LiveProgressRunTests: XCTestCase {
    /// The tiny configuration of TrainingRunTests (4 epochs, one per phase, 3 optimizer steps each),
    /// so both share the compiled artifact.
    func makeConfig(_ root: URL) throws -> TrainingConfig {
        try TrainingConfig.defaults(overrides: [
            "paths.data_dir": root.appendingPathComponent("data").path,
            "paths.checkpoint_dir": root.appendingPathComponent("checkpoints").path,
            "paths.logs_dir": root.appendingPathComponent("logs").path,
            "model.architecture": "tiny", "model.pretrained": "false",
            "data.image_size": "32", "data.batch_size": "4", "data.gradient_accumulation_steps": "2", "data.num_workers": "2",
            "training.epochs": "4", "training.warmup_epochs": "1", "training.restart_epochs": "[3]",
            "training.ema_decay": "0.9", "training.learning_rate": "0.001",
            "model.progressive_unfreezing.phase1_epochs": "1", "model.progressive_unfreezing.phase2_epochs": "2",
            "model.progressive_unfreezing.phase3_epochs": "3", "model.progressive_unfreezing.phase4_epochs": "4",
            "checkpoints.keep_latest": "2",
        ])
    }

    func program(_ config: TrainingConfig) throws -> Runtime.CompiledProgram {
        if let a = TrainingRunTests.artifact { return a.program }
        let artifact = try compileArtifact(config.modelConfig, phases: config.phases, loss: config.lossAttrs)
        let loaded = try Harness.load(artifact, name: "train")
        TrainingRunTests.artifact = loaded
        return loaded.0
    }

    /// One `TrainingRun` (fresh or resumed) with an unthrottled progress file; returns the states
    /// the file showed (in order, repeats collapsed) and checks it against the trainer at every step.
    func run(_ root: URL, start: TrainingRun.Start, stopAtStep: Int? = nil) throws -> (TrainingRun.Summary, [ProgressFile.State], String) {
        let config = try makeConfig(root)
        let url = root.appendingPathComponent("logs/progress.json")
        var states: [ProgressFile.State] = []
        func note() {
            guard let s = try? ProgressFile.read(url) else { return XCTFail("no readable progress.json") }
            if states.last != s.state { states.append(s.state) }
        }
        let compiled = try program(config)
        let run = try TrainingRun(config: config, options: TrainingRun.Options(start: start, cacheDirectory: root.appendingPathComponent("cache")),
                                  console: { _ in }, progress: { _, _, _, _ in note() }, compile: { note(); return compiled })
        let live = try XCTUnwrap(run.live)
        live.minInterval = 0
        let summary = try run.execute(interrupted: {
            note()
            let s = live.current, t = run.trainer.run
            XCTAssertEqual(try? ProgressFile.read(url), s, "the file holds the latest snapshot")
            XCTAssertEqual(s.optimizerStep, t.optimizerSteps)
            XCTAssertEqual(s.epochsDone, t.epoch, "epochs done")
            XCTAssertEqual(s.runID, run.runID)
            XCTAssertEqual(s.pid, getpid())
            return stopAtStep.map { t.optimizerSteps == $0 } ?? false
        })
        note()
        return (summary, states, run.runID)
    }

    func testProgressStatesAndStepsAcrossStopAndResume() throws {
        let root = try Harness.temporaryDirectory("live-progress")
        defer { try? FileManager.default.removeItem(at: root) }
        try Phantoms.write(to: root.appendingPathComponent("data"), perClass: Phantoms.SplitCounts(train: 8, val: 4, test: 4), size: 64, seed: 7)

        // Stopped after step 4 (the first step of epoch 2, in the middle of the epoch).
        let (first, states1, runID) = try run(root, start: .fresh(initWeights: nil), stopAtStep: 4)
        guard case .interrupted = first.outcome else { return XCTFail("expected a stop, got \(first.outcome)") }
        XCTAssertEqual(states1, [.preparing, .compiling, .preparing, .training, .validating, .training, .stopped])
        let stopped = try XCTUnwrap(try ProgressFile.read(root.appendingPathComponent("logs/progress.json")))
        XCTAssertEqual(stopped.optimizerStep, 4)
        XCTAssertEqual(stopped.epoch, 2)
        XCTAssertEqual(stopped.epochsDone, 1)
        XCTAssertNotNil(stopped.message)

        // The process died after logging two more steps (and half a line) that no checkpoint holds.
        let steps = root.appendingPathComponent("logs/steps.jsonl")
        let handle = try FileHandle(forWritingTo: steps)
        handle.seekToEndOfFile()
        for step in [5, 6] {
            handle.write(Data(#"{"batch":\#(2 * (step - 3)),"epoch":2,"loss":99,"lr":1,"phase":2,"run_id":"\#(runID)","step":\#(step),"t":0}"#.utf8 + [10]))
        }
        handle.write(Data(#"{"batch":8,"ep"#.utf8))
        try handle.close()
        XCTAssertEqual(StepLog.read(steps, runID: runID).map(\.step), [1, 2, 3, 4, 5, 6])

        // Resumed to the end.
        let (second, states2, resumedID) = try run(root, start: .resume("latest"))
        XCTAssertEqual(second.outcome, .finished)
        XCTAssertEqual(resumedID, runID)
        XCTAssertEqual(states2, [.preparing, .compiling, .preparing, .training, .validating, .training, .validating,
                                 .training, .validating, .finished])
        let end = try XCTUnwrap(try ProgressFile.read(root.appendingPathComponent("logs/progress.json")))
        XCTAssertEqual(end.optimizerStep, 12)
        XCTAssertEqual(end.epochsDone, 4)
        XCTAssertNil(end.runETASeconds)

        // Every step once, in order, with its epoch and phase (3 steps per epoch, one phase per epoch).
        let records = StepLog.read(steps, runID: runID)
        XCTAssertEqual(records.map(\.step), Array(1...12), "each optimizer step exactly once")
        XCTAssertEqual(records.map(\.epoch), [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4])
        XCTAssertEqual(records.map(\.phase), records.map(\.epoch))
        XCTAssertEqual(records.map(\.batch), [2, 4, 6, 2, 4, 6, 2, 4, 6, 2, 4, 6])
        XCTAssertFalse(records.contains { $0.loss == 99 }, "the crash's lines were dropped, not kept beside the real ones")
        XCTAssertTrue(records.allSatisfy { $0.loss.isFinite && $0.lr > 0 && $0.t > 1_700_000_000 })
        // The last step of an epoch carries the epoch's mean train loss, as metrics.jsonl has it.
        let metrics = try String(contentsOf: root.appendingPathComponent("logs/metrics.jsonl"), encoding: .utf8)
            .split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .filter { $0["split"] as? String == "val" }
        XCTAssertEqual(metrics.count, 4)
        for m in metrics {
            let epoch = try XCTUnwrap(m["epoch"] as? Int), trainLoss = try XCTUnwrap(m["train_loss"] as? Double)
            let last = try XCTUnwrap(records.last { $0.epoch == epoch })
            XCTAssertEqual(last.loss, trainLoss, accuracy: 1e-12 * max(1, abs(trainLoss)), "epoch \(epoch)")
            XCTAssertEqual(last.lr, try XCTUnwrap(m["lr"] as? Double), accuracy: 1e-15, "epoch \(epoch)")
            // The steps' own losses, weighted by their micro-batches, average to the same epoch loss.
            var previousBatch = 0, sum = 0.0
            for r in records where r.epoch == epoch {
                sum += try XCTUnwrap(r.stepLoss) * Double(r.batch - previousBatch)
                previousBatch = r.batch
            }
            XCTAssertEqual(sum / Double(previousBatch), trainLoss, accuracy: 1e-9 * max(1, abs(trainLoss)), "epoch \(epoch) from step losses")
        }
        XCTAssertFalse(Set(records.map(\.stepLoss)).count == 1, "step losses differ from step to step")
    }
}
