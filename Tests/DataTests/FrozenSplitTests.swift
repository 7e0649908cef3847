import Foundation
import XCTest
@testable import Data
import Formats

/// The frozen split: its file, and the detection of each kind of change in the data folder.
final class FrozenSplitTests: XCTestCase {
    private let classes = ["benign", "malignant"]

    private func file(_ path: String, _ label: Int, _ split: Dataset.Split, _ hash: String, size: Int = 10) -> ScannedFile {
        ScannedFile(sample: Dataset.Sample(url: URL(fileURLWithPath: "/data/" + path), label: label, relativePath: path),
                    givenSplit: split, digest: FileDigest(size: size, sha256: hash))
    }

    /// Train a, b, c (c carved into val), test t1, t2.
    private var original: [ScannedFile] {
        [file("train/benign/a.png", 0, .train, "ha"), file("train/benign/b.png", 0, .train, "hb"),
         file("train/malignant/c.png", 1, .train, "hc"), file("test/benign/t1.png", 0, .test, "ht1"),
         file("test/malignant/t2.png", 1, .test, "ht2")]
    }

    private func frozen() -> FrozenSplit {
        let split = ["a": "train", "b": "train", "c": "val", "t1": "test", "t2": "test"]
        return FrozenSplit(runID: "run-1", dataDir: "/data", rule: .init(groupBy: "", manifest: "", recursive: "auto"), files: original.map { f in
            let stem = (f.sample.relativePath as NSString).lastPathComponent.replacingOccurrences(of: ".png", with: "")
            return FrozenSplit.Entry(path: f.sample.relativePath, size: f.digest!.size, sha256: f.digest!.sha256, label: classes[f.sample.label],
                                     group: f.sample.group, givenSplit: f.givenSplit.rawValue, split: split[stem]!)
        })
    }

    func testUnchangedDataHasNoChangesAndKeepsTheSplit() {
        let f = frozen()
        XCTAssertTrue(f.changes(original, classNames: classes).isEmpty)
        let (splits, _) = f.assign(original, classNames: classes)
        XCTAssertEqual(splits[.train]?.map(\.sample.relativePath), ["train/benign/a.png", "train/benign/b.png"])
        XCTAssertEqual(splits[.val]?.map(\.sample.relativePath), ["train/malignant/c.png"])
        XCTAssertEqual(splits[.test]?.map(\.sample.relativePath), ["test/benign/t1.png", "test/malignant/t2.png"])
    }

    func testEachKindOfChangeIsFound() {
        let f = frozen()
        var now = original
        now.remove(at: 1)                                                         // b missing
        now[0] = file("train/benign/a.png", 0, .train, "ha-edited", size: 11)     // a changed
        now[1] = file("train/benign/c.png", 0, .train, "hc")                       // c moved malignant -> benign
        now[2] = file("train/benign/t1.png", 0, .train, "ht1")                     // t1 moved test -> train (the case)
        now.append(file("test/malignant/t2-renamed.png", 1, .test, "ht2"))         // t2 renamed
        now.remove(at: 3)
        now.append(file("train/malignant/new.png", 1, .train, "hn"))               // new
        let changes = f.changes(now, classNames: classes)
        XCTAssertEqual(changes.missing, ["train/benign/b.png"])
        XCTAssertEqual(changes.changed, ["train/benign/a.png"])
        XCTAssertEqual(changes.movedClass, ["train/malignant/c.png -> train/benign/c.png"])
        XCTAssertEqual(changes.movedSplit, ["test/benign/t1.png -> train/benign/t1.png"])
        XCTAssertEqual(changes.renamed, ["test/malignant/t2.png -> test/malignant/t2-renamed.png"])
        XCTAssertEqual(changes.new, ["train/malignant/new.png"])
        XCTAssertEqual(changes.summary, "1 missing: train/benign/b.png; 1 changed content (size or SHA-256): train/benign/a.png; "
                       + "1 moved to another class: train/malignant/c.png -> train/benign/c.png; "
                       + "1 moved to another split: test/benign/t1.png -> train/benign/t1.png; "
                       + "1 renamed: test/malignant/t2.png -> test/malignant/t2-renamed.png; 1 new (not in the frozen split): train/malignant/new.png")
        // Going on: the test image moved into train/ stays in test; the new file is in no split;
        // c keeps val with its new class; a is used as it is.
        let (splits, _) = f.assign(now, classNames: classes)
        XCTAssertEqual(splits[.train]?.map(\.sample.relativePath), ["train/benign/a.png"])
        XCTAssertEqual(splits[.val]?.map(\.sample.relativePath), ["train/benign/c.png"])
        XCTAssertEqual(splits[.val]?.first?.sample.label, 0)
        XCTAssertEqual(splits[.test]?.map(\.sample.relativePath), ["train/benign/t1.png", "test/malignant/t2-renamed.png"])
    }

    func testManifestRelabelAndResplitAtTheSamePath() {
        let f = frozen()
        var now = original
        now[0] = file("train/benign/a.png", 1, .train, "ha")    // the manifest now says malignant
        now[3] = file("test/benign/t1.png", 0, .val, "ht1")     // the manifest now says val
        let changes = f.changes(now, classNames: classes)
        XCTAssertEqual(changes.movedClass, ["train/benign/a.png (benign -> malignant)"])
        XCTAssertEqual(changes.movedSplit, ["test/benign/t1.png (test -> val)"])
        XCTAssertEqual(changes.all.map(\.items.count).reduce(0, +), 2)
    }

    func testPlanStopsWithOneLineUnlessAllowed() throws {
        let f = frozen()
        var now = original
        now[3] = file("train/benign/t1.png", 0, .train, "ht1")  // a test image moved into train/
        let files = Dictionary(grouping: now, by: \.givenSplit)
        let readable = files.mapValues { $0.map { _ in true } }
        XCTAssertThrowsError(try SplitPlan.frozen(f, files: files, readable: readable, classNames: classes, dataDir: "/data",
                                                  source: "/ckpt/split.json", allowDataChange: false, allowCrossSplitDuplicates: false)) { error in
            let text = "\(error)"
            XCTAssertEqual(text, "/data: differs from the frozen split of run run-1 (/ckpt/split.json): 1 moved to another split: "
                           + "test/benign/t1.png -> train/benign/t1.png; restore the data, or pass --allow-data-change to go on with these changes "
                           + "(missing files dropped, new files ignored, changed files used as they are now)")
            XCTAssertFalse(text.contains("\n"))
        }
        let plan = try SplitPlan.frozen(f, files: files, readable: readable, classNames: classes, dataDir: "/data",
                                        source: "/ckpt/split.json", allowDataChange: true, allowCrossSplitDuplicates: false)
        XCTAssertEqual(plan.samples(.test).map(\.relativePath), ["train/benign/t1.png", "test/malignant/t2.png"])
        XCTAssertEqual(plan.samples(.train).map(\.relativePath), ["train/benign/a.png", "train/benign/b.png"])
        XCTAssertTrue(plan.notes.contains("data change: 1 moved to another split: test/benign/t1.png -> train/benign/t1.png"), "\(plan.notes)")
    }

    func testWriteAndReadBack() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("frozen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertNil(try FrozenSplit.read(from: dir))
        let f = frozen()
        try f.write(to: dir)
        XCTAssertEqual(try FrozenSplit.read(from: dir), f)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["split.json"])  // no temporary left
        let text = try String(contentsOf: FrozenSplit.url(in: dir), encoding: .utf8)
        XCTAssertTrue(text.contains("\"given_split\" : \"test\""), text)
        XCTAssertEqual(f.counts, ["train": 2, "val": 1, "test": 2])
        // A newer format is refused with the path.
        try Data(text.replacingOccurrences(of: "\"format\" : 1", with: "\"format\" : 9").utf8).write(to: FrozenSplit.url(in: dir))
        XCTAssertThrowsError(try FrozenSplit.read(from: dir)) { error in
            XCTAssertEqual("\(error)", FrozenSplit.url(in: dir).path + ": frozen split format 9; this program reads format 1")
        }
    }
}
