import Foundation
import XCTest
import Data
import Formats
import Training

/// Issue 10 through the command line, as a user meets it: a tiny model trained by `breastai-run
/// train`, then the mistakes that used to lose or alter data (a second fresh train into the
/// folder, a report into a used folder, an export over a file, eval's refit) and SIGTERM.
final class CLITrustTests: XCTestCase {
    nonisolated(unsafe) static var workspace: URL?

    /// Options of a 4-epoch tiny run (one epoch per phase) on the phantoms of `root`.
    static func trainArguments(_ root: URL, checkpoints: String = "ckpt", epochs: Int = 4) -> [String] {
        let ends = epochs == 4 ? [1, 2, 3, 4] : [1, 2, 3, epochs]
        return ["train", "--model", "tiny", "--image-size", "32", "--batch-size", "4", "--data", "data",
                "--checkpoint-dir", checkpoints, "--logs-dir", "logs", "--cache-dir", "cache", "--artifact", artifact(root).path,
                "--set", "model.pretrained=false", "--set", "data.gradient_accumulation_steps=2", "--set", "system.num_threads=2",
                "--set", "training.epochs=\(epochs)", "--set", "training.warmup_epochs=1", "--set", "training.restart_epochs=[3]",
                "--set", "training.ema_decay=0.9", "--set", "checkpoints.keep_latest=2",
                "--set", "model.progressive_unfreezing.phase1_epochs=\(ends[0])", "--set", "model.progressive_unfreezing.phase2_epochs=\(ends[1])",
                "--set", "model.progressive_unfreezing.phase3_epochs=\(ends[2])", "--set", "model.progressive_unfreezing.phase4_epochs=\(ends[3])"]
    }

    static func artifact(_ root: URL) -> URL { root.appendingPathComponent("artifact") }

    /// A folder with phantoms and one finished tiny run in `ckpt` (made once for the class).
    func trainedWorkspace() throws -> URL {
        if let w = Self.workspace { return w }
        let root = try Harness.temporaryDirectory("cli-trust")
        try Phantoms.write(to: root.appendingPathComponent("data"), perClass: Phantoms.SplitCounts(train: 6, val: 4, test: 4), size: 64, seed: 3)
        let r = try CommandLineHarness.run(Self.trainArguments(root), in: root)
        XCTAssertTrue(r.succeeded, r.output)
        guard r.succeeded else { throw RuntimeError.io(path: root.path, problem: "the tiny training failed") }
        Self.workspace = root
        return root
    }

    override class func tearDown() {
        if let w = workspace { try? FileManager.default.removeItem(at: w) }
        workspace = nil
    }

    func testMistakesLeaveTheRunAsItWas() throws {
        let root = try trainedWorkspace()
        let ckpt = root.appendingPathComponent("ckpt")
        let before = CommandLineHarness.snapshot(ckpt)
        XCTAssertFalse(before.isEmpty)

        // Item 2: a second fresh train into the folder is refused, the run untouched.
        let again = try CommandLineHarness.run(Self.trainArguments(root), in: root)
        XCTAssertFalse(again.succeeded)
        XCTAssertTrue(again.output.contains("--overwrite-run") && again.output.contains("--resume"), again.output)
        XCTAssertEqual(CommandLineHarness.snapshot(ckpt), before, "a refused train changed the checkpoint folder")

        // Item 9: a report into a used folder is refused.
        let used = root.appendingPathComponent("used-report")
        try FileManager.default.createDirectory(at: used, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: used.appendingPathComponent("notes.md"))
        let common = ["--checkpoint-dir", "ckpt", "--cache-dir", "cache", "--artifact", Self.artifact(root).path]
        let refused = try CommandLineHarness.run(["eval", "--report", "used-report", "--bootstrap", "20"] + common, in: root)
        XCTAssertFalse(refused.succeeded)
        XCTAssertTrue(refused.output.contains("not empty"), refused.output)
        XCTAssertEqual(try Data(contentsOf: used.appendingPathComponent("notes.md")), Data("mine".utf8))

        // Item 8: eval --refit never rewrites the checkpoint; the fit goes to a file beside it.
        let eval = try CommandLineHarness.run(["eval", "--refit", "--report", "report", "--bootstrap", "20"] + common, in: root)
        XCTAssertTrue(eval.succeeded, eval.output)
        let after = CommandLineHarness.snapshot(ckpt)
        for (path, data) in before { XCTAssertEqual(after[path], data, "eval changed \(path)") }
        let added = Set(after.keys).subtracting(before.keys)
        XCTAssertEqual(added.count, 1, "\(added)")
        XCTAssertTrue(added.first?.hasSuffix(".calibration.json") == true, "\(added)")
        XCTAssertTrue(eval.output.contains("the checkpoint is unchanged"), eval.output)
        // predict and export say which calibration they use.
        let image = root.appendingPathComponent("data/test/benign").appendingPathComponent(
            try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("data/test/benign").path).sorted()[0])
        let predict = try CommandLineHarness.run(["predict", image.path] + common, in: root)
        XCTAssertTrue(predict.succeeded, predict.output)
        XCTAssertTrue(predict.output.contains("calibration: ") && predict.output.contains(".calibration.json"), predict.output)

        // Item 9: export does not replace a file without --force.
        let out = ["export", "--format", "safetensors", "--out", "model.safetensors"] + common
        XCTAssertTrue(try CommandLineHarness.run(out, in: root).succeeded)
        let second = try CommandLineHarness.run(out, in: root)
        XCTAssertFalse(second.succeeded)
        XCTAssertTrue(second.output.contains("--force"), second.output)
        XCTAssertTrue(try CommandLineHarness.run(out + ["--force"], in: root).succeeded)

        // Item 18: the guide's monitoring grep finds the epoch lines.
        let log = try String(contentsOf: root.appendingPathComponent("logs/training.log"), encoding: .utf8)
        let grep = try NSRegularExpression(pattern: "(Phase|Epoch|AUC|Sensitivity)")
        let matching = log.split(separator: "\n").filter { grep.firstMatch(in: String($0), range: NSRange($0.startIndex..., in: $0)) != nil }
        XCTAssertGreaterThanOrEqual(matching.filter { $0.contains("Epoch") && $0.contains("AUC") && $0.contains("Sensitivity") }.count, 4,
                                    matching.joined(separator: "\n"))
        XCTAssertTrue(matching.contains { $0.contains("Phase") })
    }

    /// Item 4: `--resume /other/run/checkpoints/epoch-N` started from another folder wrote into
    /// the current folder's paths. Now the run continues in the folder holding the checkpoint,
    /// nothing appears in the working folder, and the result equals the uninterrupted run's.
    func testResumeByPathFromAnotherFolderContinuesThere() throws {
        let root = try trainedWorkspace()
        let copy = root.appendingPathComponent("copied-run")
        try FileManager.default.copyItem(at: root.appendingPathComponent("ckpt"), to: copy)
        let elsewhere = root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: copy.path).filter { CheckpointStore.order(of: $0) != nil }
            .sorted { CheckpointStore.order(of: $0)! < CheckpointStore.order(of: $1)! }
        let oldest = try XCTUnwrap(names.first), last = try XCTUnwrap(names.last)
        XCTAssertNotEqual(oldest, last)
        func inode(_ url: URL) throws -> Int { try XCTUnwrap(FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int) }
        let lastModel = copy.appendingPathComponent(last).appendingPathComponent(CheckpointStore.modelFile)
        let inodeBefore = try inode(lastModel)
        let original = CommandLineHarness.snapshot(root.appendingPathComponent("ckpt"))
        let r = try CommandLineHarness.run(["train", "--resume", copy.appendingPathComponent(oldest).path,
                                            "--logs-dir", root.appendingPathComponent("copied-logs").path,
                                            "--cache-dir", root.appendingPathComponent("cache").path,
                                            "--artifact", Self.artifact(root).path], in: elsewhere)
        XCTAssertTrue(r.succeeded, r.output)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).filter { !$0.hasPrefix(".cli-") }, [],
                       "the resumed run wrote into the working folder")
        XCTAssertNotEqual(try inode(lastModel), inodeBefore, "\(last) was not written again in the copied folder")
        XCTAssertEqual(CommandLineHarness.snapshot(root.appendingPathComponent("ckpt")), original, "the original run was touched")
        for file in [CheckpointStore.modelFile, CheckpointStore.emaFile, CheckpointStore.optimizerFile] {
            XCTAssertEqual(try Data(contentsOf: copy.appendingPathComponent(last).appendingPathComponent(file)),
                           try Data(contentsOf: root.appendingPathComponent("ckpt").appendingPathComponent(last).appendingPathComponent(file)),
                           "\(last)/\(file) differs from the uninterrupted run's")
        }
    }

    /// Item 10: SIGTERM (a scheduler, `kill`) and SIGHUP (a closed terminal) stop like Ctrl-C: a checkpoint at the next optimizer step, exit 130.
    func testSIGTERMAndSIGHUPWriteACheckpoint() throws {
        let root = try trainedWorkspace()
        for (sig, tag) in [(SIGTERM, "term"), (SIGHUP, "hup")] {
            let log = root.appendingPathComponent("sig\(tag).out")
            let p = try CommandLineHarness.start(Self.trainArguments(root, checkpoints: "ckpt-\(tag)", epochs: 300), in: root, outputTo: log)
            let latest = root.appendingPathComponent("ckpt-\(tag)/latest")
            let deadline = Date().addingTimeInterval(300)
            while p.isRunning && Date() < deadline && (try? FileManager.default.destinationOfSymbolicLink(atPath: latest.path)) == nil { usleep(50_000) }
            XCTAssertTrue(p.isRunning, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
            let first = try FileManager.default.destinationOfSymbolicLink(atPath: latest.path)
            kill(p.processIdentifier, sig)
            p.waitUntilExit()
            let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            XCTAssertEqual(p.terminationStatus, 130, output)
            XCTAssertTrue(output.contains("stopping at the next step boundary"), output)
            XCTAssertTrue(output.contains("--resume"), output)
            let last = try FileManager.default.destinationOfSymbolicLink(atPath: latest.path)
            // A signal between an epoch's checkpoint and the next step stops at that boundary: the
            // checkpoint already holds the state, and the run says so. Otherwise a new one was written.
            if last == first {
                XCTAssertTrue(output.contains("interrupted after epoch"), "no checkpoint was written after the signal: \(output)")
            } else {
                XCTAssertTrue(output.contains("interrupted: checkpoint") || output.contains("interrupted after epoch"), output)
            }
            let state = try TrainerState.decode(try Data(contentsOf: root.appendingPathComponent("ckpt-\(tag)").appendingPathComponent(last)
                                                                            .appendingPathComponent(CheckpointStore.trainerStateFile)), path: last)
            XCTAssertEqual(state.epoch < 300, true)
            XCTAssertNotNil(state.runID)
        }
    }
}
