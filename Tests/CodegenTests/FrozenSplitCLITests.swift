import Foundation
import XCTest
import Data
import Formats
import Training

/// Issue 11's frozen split through the command line: a tiny run freezes its split; after a test
/// image is moved into `train/`, `eval`, `predict --split` and `train --resume` stop and say so,
/// and go on with `--allow-data-change`, keeping the moved image in test.
final class FrozenSplitCLITests: XCTestCase {
    func testEvalPredictAndResumeCheckTheFrozenSplit() throws {
        let root = try Harness.temporaryDirectory("frozen-split-cli")
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("data")
        try Phantoms.write(to: data, perClass: Phantoms.SplitCounts(train: 8, val: 0, test: 3), size: 64, seed: 5)
        try FileManager.default.removeItem(at: data.appendingPathComponent("val"))   // val is carved from train
        try Data("notes".utf8).write(to: data.appendingPathComponent("train/benign/notes.txt"))
        let train = try CommandLineHarness.run(CLITrustTests.trainArguments(root), in: root)
        XCTAssertTrue(train.succeeded, train.output)
        XCTAssertTrue(train.output.contains("ignored 1 file: 1 .txt"), train.output)

        // split.json: every image with its digest; val carved from train/ (given_split train).
        let ckpt = root.appendingPathComponent("ckpt")
        let frozen = try XCTUnwrap(try FrozenSplit.read(from: ckpt))
        XCTAssertEqual(frozen.files.count, 3 * 8 + 3 * 3)
        XCTAssertEqual(frozen.counts, ["train": 21, "val": 3, "test": 9])
        XCTAssertTrue(frozen.files.filter { $0.split == "val" }.allSatisfy { $0.givenSplit == "train" })
        let moved = "test/benign/benign_0000.png"
        let entry = try XCTUnwrap(frozen.files.first { $0.path == moved })
        let bytes = try Data(contentsOf: data.appendingPathComponent(moved))
        XCTAssertEqual(entry.sha256, SHA256.hex(bytes))
        XCTAssertEqual(entry.size, bytes.count)
        XCTAssertTrue(try String(contentsOf: root.appendingPathComponent("logs/training.log"), encoding: .utf8).contains("froze the split in "))

        let common = ["--checkpoint-dir", "ckpt", "--cache-dir", "cache", "--artifact", CLITrustTests.artifact(root).path]
        let eval = try CommandLineHarness.run(["eval", "--split", "test", "--bootstrap", "20"] + common, in: root)
        XCTAssertTrue(eval.succeeded, eval.output)

        // The case: a test image moved into train/ after training.
        try FileManager.default.moveItem(at: data.appendingPathComponent(moved), to: data.appendingPathComponent("train/benign/moved.png"))
        let change = "1 moved to another split: test/benign/benign_0000.png -> train/benign/moved.png"
        let refused = try CommandLineHarness.run(["eval", "--split", "test", "--bootstrap", "20"] + common, in: root)
        XCTAssertFalse(refused.succeeded)
        XCTAssertTrue(refused.output.contains("differs from the frozen split of run \(frozen.runID)") && refused.output.contains(change)
                      && refused.output.contains("--allow-data-change"), refused.output)
        let allowed = try CommandLineHarness.run(["eval", "--split", "test", "--bootstrap", "20", "--allow-data-change"] + common, in: root)
        XCTAssertTrue(allowed.succeeded, allowed.output)
        XCTAssertTrue(allowed.output.contains("data change: " + change), allowed.output)

        // predict --split test: one line per frozen test file, the moved one included, with its class.
        XCTAssertFalse(try CommandLineHarness.run(["predict", "--split", "test"] + common, in: root).succeeded)
        let predict = try CommandLineHarness.run(["predict", "--split", "test", "--allow-data-change", "--no-tta"] + common, in: root)
        XCTAssertTrue(predict.succeeded, predict.output)
        let lines = predict.output.split(separator: "\n").filter { $0.contains(".png: ") }
        XCTAssertEqual(lines.count, 9, predict.output)
        XCTAssertTrue(lines.contains { $0.contains("train/benign/moved.png: ") && $0.hasSuffix("(class benign)") }, predict.output)
        let both = try CommandLineHarness.run(["predict", "--split", "test", data.appendingPathComponent("train").path] + common, in: root)
        XCTAssertFalse(both.succeeded)
        XCTAssertTrue(both.output.contains("not both"), both.output)

        // A resume stops the same way, before anything is compiled or written.
        let before = CommandLineHarness.snapshot(ckpt)
        let resume = try CommandLineHarness.run(["train", "--resume", "--checkpoint-dir", "ckpt", "--cache-dir", "cache",
                                                 "--artifact", CLITrustTests.artifact(root).path], in: root)
        XCTAssertFalse(resume.succeeded)
        XCTAssertTrue(resume.output.contains(change), resume.output)
        XCTAssertEqual(CommandLineHarness.snapshot(ckpt).keys.sorted(), before.keys.sorted())
        XCTAssertEqual(CommandLineHarness.snapshot(ckpt)["/split.json"], before["/split.json"])
        // With --allow-data-change it goes on, the changes in training.log, split.json unchanged.
        let resumed = try CommandLineHarness.run(["train", "--resume", "--allow-data-change", "--checkpoint-dir", "ckpt", "--cache-dir", "cache",
                                                  "--artifact", CLITrustTests.artifact(root).path], in: root)
        XCTAssertTrue(resumed.succeeded, resumed.output)
        let log = try String(contentsOf: root.appendingPathComponent("logs/training.log"), encoding: .utf8)
        XCTAssertTrue(log.contains("data change: " + change), log)
        XCTAssertEqual(CommandLineHarness.snapshot(ckpt)["/split.json"], before["/split.json"])

        // A run from before frozen splits: a loud warning and the old re-split.
        try FileManager.default.removeItem(at: ckpt.appendingPathComponent("split.json"))
        let legacy = try CommandLineHarness.run(["eval", "--split", "val", "--bootstrap", "20"] + common, in: root)
        XCTAssertTrue(legacy.succeeded, legacy.output)
        XCTAssertTrue(legacy.output.contains("WARNING: ") && legacy.output.contains("has no split.json"), legacy.output)
    }
}
