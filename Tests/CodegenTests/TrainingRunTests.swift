import Foundation
import XCTest
@testable import Codegen
import Graph
@testable import Data
@testable import Runtime
@testable import Training

/// Whole training runs of the tiny network on phantoms: resume is bit-identical (after an epoch
/// and in the middle of one), unreadable training images are skipped and counted, and the run
/// leaves its logs and checkpoints.
final class TrainingRunTests: XCTestCase {
    nonisolated(unsafe) static var artifact: (program: Runtime.CompiledProgram, dir: URL)?

    /// A tiny run of 4 epochs (one per phase), 26 training files of which 2 are unreadable.
    func makeConfig(_ root: URL, epochs: Int = 4) throws -> TrainingConfig {
        try TrainingConfig.defaults(overrides: [
            "paths.data_dir": root.appendingPathComponent("data").path,
            "paths.checkpoint_dir": root.appendingPathComponent("checkpoints").path,
            "paths.logs_dir": root.appendingPathComponent("logs").path,
            "model.architecture": "tiny", "model.pretrained": "false",
            "data.image_size": "32", "data.batch_size": "4", "data.gradient_accumulation_steps": "2", "data.num_workers": "2",
            "training.epochs": "\(epochs)", "training.warmup_epochs": "1", "training.restart_epochs": "[3]",
            "training.ema_decay": "0.9", "training.learning_rate": "0.001",
            "model.progressive_unfreezing.phase1_epochs": "1", "model.progressive_unfreezing.phase2_epochs": "2",
            "model.progressive_unfreezing.phase3_epochs": "3", "model.progressive_unfreezing.phase4_epochs": "4",
            "checkpoints.keep_latest": "2",
        ])
    }

    func makeData(_ root: URL) throws {
        let data = root.appendingPathComponent("data")
        try Phantoms.write(to: data, perClass: Phantoms.SplitCounts(train: 8, val: 4, test: 4), size: 64, seed: 7)
        let benign = data.appendingPathComponent("train/benign")
        try Data("not an image".utf8).write(to: benign.appendingPathComponent("notes.png"))
        let png = try Data(contentsOf: benign.appendingPathComponent("benign_0000.png"))
        try png.prefix(png.count / 2).write(to: benign.appendingPathComponent("truncated.png"))
    }

    func program(_ config: TrainingConfig) throws -> Runtime.CompiledProgram {
        if let a = Self.artifact { return a.program }
        let artifact = try compileArtifact(config.modelConfig, phases: config.phases, loss: config.lossAttrs)
        let loaded = try Harness.load(artifact, name: "train")
        Self.artifact = loaded
        return loaded.0
    }

    func run(_ root: URL, start: TrainingRun.Start, interruptWhen: ((TrainerState) -> Bool)? = nil) throws -> (TrainingRun, TrainingRun.Summary, [String]) {
        let config = try makeConfig(root)
        var lines: [String] = []
        let run = try TrainingRun(config: config, program: try program(config),
                                  options: TrainingRun.Options(start: start, cacheDirectory: root.appendingPathComponent("cache")),
                                  console: { lines.append($0) })
        let summary = try run.execute(interrupted: { interruptWhen?(run.trainer.run) ?? false })
        return (run, summary, lines)
    }

    func blocks(_ state: StateBlocks) -> [StateBlocks.Block: [Float]] {
        var out: [StateBlocks.Block: [Float]] = [:]
        for b in [StateBlocks.Block.model, .ema, .adamM, .adamV] {
            out[b] = Array(UnsafeBufferPointer(start: state.pointer(b), count: state.count(b)))
        }
        return out
    }

    func assertBitIdentical(_ a: [StateBlocks.Block: [Float]], _ b: [StateBlocks.Block: [Float]], _ what: String) {
        for (block, x) in a {
            let y = b[block]!
            let differing = zip(x, y).filter { $0.bitPattern != $1.bitPattern }.count
            XCTAssertEqual(differing, 0, "\(what): \(differing) of \(x.count) floats of \(block) differ")
        }
    }

    func testResumeIsBitIdentical() throws {
        let base = try Harness.temporaryDirectory("resume")
        defer { try? FileManager.default.removeItem(at: base) }
        let straight = base.appendingPathComponent("straight"), afterEpoch = base.appendingPathComponent("after-epoch"),
            midEpoch = base.appendingPathComponent("mid-epoch")
        for root in [straight, afterEpoch, midEpoch] { try makeData(root) }

        // Uninterrupted: 4 epochs. The final blocks are those of the last epoch (testBest reloads best).
        let (r1, s1, lines) = try run(straight, start: .fresh(initWeights: nil))
        XCTAssertEqual(s1.outcome, .finished)
        XCTAssertTrue(lines.contains { $0.contains("skipped unreadable image") && $0.contains("notes.png") }, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.contains("skipped unreadable image") && $0.contains("truncated.png") })
        XCTAssertEqual(r1.trainer.data.train.count, 24)
        let latest = try CheckpointStore(directory: straight.appendingPathComponent("checkpoints"), access: .read).resolve("latest")
        let reference = try StateBlocks(layout: r1.state.layout)
        let referenceState = try TrainerState.decode(try CheckpointStore.load(latest, into: reference).trainerState, path: "latest")
        XCTAssertEqual(referenceState.epoch, 4)
        XCTAssertEqual(referenceState.adamSteps, [12, 9, 6, 3], "3 optimizer steps per epoch; group g trains from phase g+1")
        // The end of the run fitted a temperature on validation and stored it with the best checkpoint.
        let best = try TrainedCheckpoint.open("best", checkpointDirectory: straight.appendingPathComponent("checkpoints").path)
        let fit = try XCTUnwrap(best.state.temperatureFit)
        XCTAssertEqual(best.state.temperature, fit.temperature)
        XCTAssertLessThanOrEqual(fit.nllAfter, fit.nllBefore + 1e-12)
        XCTAssertNotNil(s1.test, "the test split was evaluated")

        // Stopped after epoch 1, then resumed to the end.
        let (_, s2, _) = try run(afterEpoch, start: .fresh(initWeights: nil), interruptWhen: { $0.epoch == 1 })
        guard case .interrupted = s2.outcome else { return XCTFail("expected an interruption, got \(s2.outcome)") }
        let (r2, _, resumedLines) = try run(afterEpoch, start: .resume("latest"))
        XCTAssertTrue(resumedLines.contains { $0.hasPrefix("resumed from") })
        // Stopped in the middle of epoch 3 (after its first optimizer step), then resumed.
        let (_, s3, _) = try run(midEpoch, start: .fresh(initWeights: nil), interruptWhen: { $0.optimizerSteps == 7 })
        guard case .interrupted(let checkpoint) = s3.outcome else { return XCTFail("expected an interruption") }
        XCTAssertTrue(checkpoint.lastPathComponent.contains("step"), checkpoint.path)
        let (r3, _, _) = try run(midEpoch, start: .resume("latest"))

        for (root, what) in [(afterEpoch, "resumed after epoch 1"), (midEpoch, "resumed in epoch 3")] {
            let url = try CheckpointStore(directory: root.appendingPathComponent("checkpoints"), access: .read).resolve("latest")
            let state = try StateBlocks(layout: r1.state.layout)
            let resumedState = try TrainerState.decode(try CheckpointStore.load(url, into: state).trainerState, path: what)
            assertBitIdentical(blocks(reference), blocks(state), what)
            XCTAssertEqual(resumedState.adamSteps, referenceState.adamSteps)
            XCTAssertEqual(resumedState.forwardsPerPhase, referenceState.forwardsPerPhase)
            XCTAssertEqual(resumedState.threshold, referenceState.threshold)
            XCTAssertEqual(resumedState.best, referenceState.best)
        }
        // The metrics log of a resumed run has each epoch once, as the uninterrupted one.
        for root in [straight, afterEpoch, midEpoch] {
            let text = try String(contentsOf: root.appendingPathComponent("logs/metrics.jsonl"), encoding: .utf8)
            let epochs = text.split(separator: "\n").compactMap { line -> String? in
                let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                return o.map { "\($0["split"]!) \($0["epoch"]!)" }
            }
            XCTAssertEqual(epochs.filter { $0.hasPrefix("val") }, ["val 1", "val 2", "val 3", "val 4"], root.lastPathComponent)
        }
        _ = (r2, r3)
    }
}
