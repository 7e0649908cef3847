import Foundation
import XCTest
@testable import Data
import Formats

/// `validate` finds the files training finds: a CSV manifest, sub-folders per `data.recursive`,
/// and a layout training refuses reported as blocking while the rest is still checked.
final class DatasetValidatorLayoutTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("validator-layout-\(UUID().uuidString)")
        try Phantoms.write(to: root, perClass: .init(train: 2, val: 1, test: 1), size: 64, seed: 11)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    /// A manifest defines the samples (its splits, its groups); a patient in train and test is
    /// leakage; a file it does not list is an ignored file, the manifest itself is not.
    func testManifestSamplesGroupsAndLeakage() throws {
        let rows = [
            "train/benign/benign_0000.png,benign,train,P1", "train/benign/benign_0001.png,benign,train,P2",
            "train/malignant/malignant_0000.png,malignant,train,P3", "train/malignant/malignant_0001.png,malignant,train,P4",
            "train/normal/normal_0000.png,normal,train,P5", "train/normal/normal_0001.png,normal,train,P6",
            "test/benign/benign_0000.png,benign,test,P1", "test/malignant/malignant_0000.png,malignant,test,P7",
            "test/normal/normal_0000.png,normal,test,P8",
        ]
        let manifest = root.appendingPathComponent("list.csv")
        try Data((["path,label,split,group"] + rows).joined(separator: "\n").utf8).write(to: manifest)
        let before = try DatasetValidatorTests.fingerprint(root)
        let result = try DatasetValidator.run(dataDir: root, options: .init(classNames: Phantoms.classNames, threads: 2,
                                                                             manifest: manifest))
        XCTAssertEqual(try DatasetValidatorTests.fingerprint(root), before, "the data folder changed")
        XCTAssertEqual(Set(result.images.map(\.path)), Set(rows.map { String($0.split(separator: ",")[0]) }))
        XCTAssertEqual(result.findings.filter { $0.kind == .groupLeakage }.map(\.paths),
                       [["train/benign/benign_0000.png", "test/benign/benign_0000.png"]])
        let ignored = try XCTUnwrap(result.findings.first { $0.kind == .ignoredFiles })
        XCTAssertEqual(Set(ignored.paths), ["val/benign/benign_0000.png", "val/malignant/malignant_0000.png", "val/normal/normal_0000.png"])
        XCTAssertTrue(result.images.allSatisfy { $0.group != "P1" }, "manifest groups are stored anonymized")
    }

    /// Sub-folders of class folders: reported under `auto` without DICOM, read with `.always`.
    func testSubFoldersFollowDataRecursive() throws {
        let sub = root.appendingPathComponent("train/benign/study2")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: root.appendingPathComponent("train/malignant/malignant_0001.png"),
                                         to: sub.appendingPathComponent("img.png"))
        let auto = try DatasetValidator.run(dataDir: root, options: .init(classNames: Phantoms.classNames, threads: 2))
        XCTAssertFalse(auto.images.contains { $0.path == "train/benign/study2/img.png" })
        XCTAssertEqual(auto.findings.first { $0.kind == .ignoredFiles }?.paths, ["train/benign/study2/img.png"])
        XCTAssertTrue(auto.findings.contains { $0.kind == .notAClass && $0.message.contains("train/benign has 1 sub-folder") })
        let always = try DatasetValidator.run(dataDir: root, options: .init(classNames: Phantoms.classNames, threads: 2,
                                                                             recursive: .always))
        XCTAssertTrue(always.images.contains { $0.path == "train/benign/study2/img.png" })
        // Now the same content is in two classes of train: a duplicate within the split, named as such.
        XCTAssertTrue(always.findings.contains { $0.kind == .duplicateWithinSplit })
    }

    /// Training refuses a train/ without one of its classes: blocking, and the other folders are
    /// still read and checked.
    func testARefusedLayoutIsBlockingAndTheRestIsChecked() throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent("train/normal"))
        let result = try DatasetValidator.run(dataDir: root, options: .init(classNames: Phantoms.classNames, threads: 2))
        let refused = try XCTUnwrap(result.findings.first { $0.kind == .layoutRefused })
        XCTAssertEqual(refused.severity, .blocking)
        XCTAssertTrue(refused.message.contains("train/normal: class folder missing"), refused.message)
        XCTAssertEqual(result.images.count, 4 + 3 + 3)
    }
}
