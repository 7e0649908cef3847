import Foundation
import XCTest
import Data
import Formats
@testable import Training

/// The data keys of issue 11 (`data.recursive`, `data.group_by`, `data.manifest`,
/// `data.allow_cross_split_duplicates`) and `TrainingData.prepare` with groups and a frozen split
/// on real (phantom) images.
final class DataSplitConfigTests: XCTestCase {
    func testDefaultsAndValues() throws {
        let d = try TrainingConfig.defaults()
        XCTAssertEqual(d.data.recursive, "auto")
        XCTAssertEqual(d.data.groupBy, .perImage)
        XCTAssertNil(d.data.manifest)
        XCTAssertFalse(d.data.allowCrossSplitDuplicates)
        XCTAssertEqual(try TrainingConfig.defaults(overrides: ["data.recursive": "true"]).data.recursive, "true")
        let file = try TrainingConfig(jsonText: #"{"data": {"recursive": false, "group_by": "dicom:PatientID"}}"#, source: "t.json")
        XCTAssertEqual(file.data.recursive, "false")
        XCTAssertEqual(file.data.groupBy, .dicom(tag: "PatientID"))
        XCTAssertThrowsError(try TrainingConfig.defaults(overrides: ["data.recursive": "yes"])) { error in
            XCTAssertEqual("\(error)", #"override data.recursive=yes: 'data.recursive' must be "auto", true or false, found "yes""#)
        }
        XCTAssertThrowsError(try TrainingConfig.defaults(overrides: ["data.group_by": "(P\\d+"])) { error in
            XCTAssertEqual("\(error)", #"override data.group_by=(P\d+: 'data.group_by' "(P\d+" is not a valid regular expression"#)
        }
        XCTAssertThrowsError(try TrainingConfig.defaults(overrides: ["data.group_by": "P\\d+"])) { error in
            XCTAssertTrue("\(error)".contains("has no capture group"), "\(error)")
        }
        let manifest = try TrainingConfig.defaults(overrides: ["data.manifest": "lists/all.csv"]).withAbsolutePaths(base: URL(fileURLWithPath: "/work/x"))
        XCTAssertEqual(manifest.data.manifest, "/work/x/lists/all.csv")
    }

    func testPrepareGroupsFreezesAndChecksRealImages() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("data-split-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("data")
        try Phantoms.write(to: data, perClass: Phantoms.SplitCounts(train: 12, val: 0, test: 0), size: 64, seed: 9)
        for split in ["val", "test"] { try FileManager.default.removeItem(at: data.appendingPathComponent(split)) }
        // Patients of 3 images each: <class>_0000..0002.png become <class>_p0_0..2.png, and so on.
        for c in Phantoms.classNames {
            let folder = data.appendingPathComponent("train/\(c)")
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                let n = Int(name.dropFirst(c.count + 1).prefix(4))!
                try FileManager.default.moveItem(at: folder.appendingPathComponent(name), to: folder.appendingPathComponent("\(c)_p\(n / 3)_\(n % 3).png"))
            }
        }
        let grouped = try TrainingConfig.defaults(overrides: [
            "paths.data_dir": data.path, "data.image_size": "32", "data.val_split": "0.25", "data.test_split": "0.25",
            "data.group_by": #"/([a-z]+_p\d+)_\d\.png$"#,
        ])
        let cache = try ImageCache(directory: root.appendingPathComponent("cache"), preprocessor: grouped.preprocessor)
        let fresh = try TrainingData.prepare(config: grouped, cache: cache, threads: 2)
        // 4 patients per class: one to val, one to test, two to train, whole.
        XCTAssertEqual(fresh.sizes, ["train": 18, "val": 9, "test": 9])
        var sideOfGroup: [String: String] = [:]
        for (split, samples) in [("train", fresh.train), ("val", fresh.val), ("test", fresh.test)] {
            for s in samples {
                XCTAssertEqual(sideOfGroup[s.group] ?? split, split, "group \(s.group) in two splits")
                sideOfGroup[s.group] = split
            }
        }
        XCTAssertEqual(sideOfGroup.count, 12)
        // Digests come from the preflight's read and equal an independent hash of the file.
        let frozen = fresh.frozenSplit(runID: "r1", config: grouped)
        let first = try XCTUnwrap(frozen.files.first)
        XCTAssertEqual(first.sha256, SHA256.hex(try Data(contentsOf: data.appendingPathComponent(first.path))))
        XCTAssertEqual(frozen.rule.groupBy, #"/([a-z]+_p\d+)_\d\.png$"#)

        // Same data against the frozen split: the same three lists, in the same order.
        let again = try TrainingData.prepare(config: grouped, cache: cache, threads: 1, split: .frozen(frozen, source: "split.json", allowDataChange: false))
        XCTAssertEqual(again.train, fresh.train)
        XCTAssertEqual(again.val, fresh.val)
        XCTAssertEqual(again.test, fresh.test)

        // A changed file stops it; --allow-data-change uses it as it is and says so.
        let victim = data.appendingPathComponent(fresh.val[0].relativePath)
        let phantom = Phantoms.generate(.benign, size: 64, seed: 12345)
        try ImageCodec.writePNG(phantom.image, to: victim)
        XCTAssertThrowsError(try TrainingData.prepare(config: grouped, cache: cache, threads: 1, split: .frozen(frozen, source: "split.json", allowDataChange: false))) { error in
            XCTAssertTrue("\(error)".contains("1 changed content (size or SHA-256): \(fresh.val[0].relativePath)"), "\(error)")
        }
        let allowed = try TrainingData.prepare(config: grouped, cache: cache, threads: 1, split: .frozen(frozen, source: "split.json", allowDataChange: true))
        XCTAssertEqual(allowed.val.map(\.relativePath), fresh.val.map(\.relativePath))
        XCTAssertEqual(allowed.changes.changed, [fresh.val[0].relativePath])
        XCTAssertTrue(allowed.notes.contains("data change: 1 changed content (size or SHA-256): \(fresh.val[0].relativePath)"), "\(allowed.notes)")
    }
}
