import Foundation
import XCTest
@testable import Data

/// Scanning `<data>/{train,val,test}/<class>/` folders.
final class DatasetTests: XCTestCase {
    private var root: URL!
    private let classes = ["benign", "malignant", "normal"]

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("dataset-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func touch(_ relative: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: url)
    }

    private func mkdir(_ relative: String) throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent(relative), withIntermediateDirectories: true)
    }

    private func expectError(_ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try Dataset.scan(dataDir: root, classNames: classes), file: file, line: line) { error in
            let text = "\(error)"
            XCTAssertEqual(text, expected, file: file, line: line)
            XCTAssertFalse(text.contains("\n"), file: file, line: line)
        }
    }

    func testScanSortsFiltersAndLabels() throws {
        for f in ["train/benign/b2.png", "train/benign/b1.JPG", "train/benign/b10.jpeg",
                  "train/benign/b1_mask.png", "train/benign/b1_mask_1.png", "train/benign/.hidden.png",
                  "train/benign/notes.txt", "train/benign/noext",
                  "train/malignant/m.PNG", "train/normal/n.Jpeg",
                  "test/benign/t.png", "test/malignant/t.png", "test/normal/t.png"] {
            try touch(f)
        }
        try mkdir("train/benign/sub.png") // a directory with an image-like name is not an image
        let d = try Dataset.scan(dataDir: root, classNames: classes)
        XCTAssertEqual(d.train.map { $0.url.lastPathComponent }, ["b1.JPG", "b10.jpeg", "b2.png", "m.PNG", "n.Jpeg"])
        XCTAssertEqual(d.train.map(\.label), [0, 0, 0, 1, 2])
        XCTAssertEqual(d.counts(.train), [3, 1, 1])
        XCTAssertNil(d.val)
        XCTAssertFalse(d.has(.val))
        XCTAssertTrue(d.has(.test))
        XCTAssertEqual(d.counts(.test), [1, 1, 1])
        XCTAssertEqual(d.counts(.val), [0, 0, 0])
        // The directory named like an image is a sub-folder, reported (no DICOM in the tree: not read).
        XCTAssertEqual(d.warnings, [root.path + "/train/benign has 1 sub-folder (not read; no DICOM files found; set data.recursive: true to read them): sub.png"])
        XCTAssertEqual(d.ignored.summary, "ignored 4 files: 2 segmentation masks (*_mask.png), 1 .txt, 1 without extension (no DICOM preamble); "
                       + "1 hidden entry (names starting with '.') not counted")
        XCTAssertEqual(d.train.map(\.relativePath), ["train/benign/b1.JPG", "train/benign/b10.jpeg", "train/benign/b2.png", "train/malignant/m.PNG", "train/normal/n.Jpeg"])
        XCTAssertEqual(d.train.map(\.group), d.train.map(\.relativePath))
        XCTAssertEqual(d.train[0].url.path, root.path + "/train/benign/b1.JPG")
        // Deterministic.
        XCTAssertEqual(try Dataset.scan(dataDir: root, classNames: classes).train, d.train)
    }

    func testLabelsFollowClassOrder() throws {
        for c in classes { try touch("train/\(c)/a.png") }
        let d = try Dataset.scan(dataDir: root, classNames: ["normal", "benign", "malignant"])
        XCTAssertEqual(d.train.map { $0.url.deletingLastPathComponent().lastPathComponent }, ["normal", "benign", "malignant"])
        XCTAssertEqual(d.train.map(\.label), [0, 1, 2])
    }

    func testExtraFoldersAreWarnings() throws {
        for c in classes { try touch("train/\(c)/a.png") }
        try touch("train/other/a.png")
        try mkdir("train/.cache")
        try touch("val/benign/a.png")
        try touch("val/normal/a.png")
        try mkdir("val/malignant")
        let d = try Dataset.scan(dataDir: root, classNames: classes)
        XCTAssertEqual(d.counts(.train), [1, 1, 1])
        XCTAssertEqual(d.counts(.val), [1, 0, 1])
        XCTAssertEqual(d.warnings.count, 2, "\(d.warnings)")
        XCTAssertTrue(d.warnings[0].hasPrefix(root.path + "/train/other: not one of the classes"), d.warnings[0])
        XCTAssertEqual(d.warnings[1], root.path + "/val/malignant: no images (PNG, JPEG, DICOM or TIFF)")
    }

    func testMissingDataDir() {
        let missing = root.appendingPathComponent("nope")
        XCTAssertThrowsError(try Dataset.scan(dataDir: missing, classNames: classes)) { error in
            XCTAssertEqual("\(error)", missing.path + ": data directory does not exist")
        }
    }

    func testMissingTrain() throws {
        try touch("val/benign/a.png")
        expectError(root.path + "/train: missing: expected train/<class>/ folders for benign, malignant, normal")
    }

    func testMissingClassFolder() throws {
        try touch("train/benign/a.png")
        try touch("train/normal/a.png")
        expectError(root.path + "/train/malignant: class folder missing")
    }

    func testEmptyClassFolder() throws {
        try touch("train/malignant/a.png")
        try touch("train/normal/a.png")
        try touch("train/benign/a_mask.png")
        try touch("train/benign/readme.txt")
        expectError(root.path + "/train/benign: no images (PNG, JPEG, DICOM or TIFF)")
    }

    func testImageNames() {
        for ok in ["a.png", "A.PNG", "b.jpg", "c.JPEG", "benign (3).png", "mask.png", "x_mask2.png", "y_masked.png"] {
            XCTAssertTrue(Dataset.isImageName(ok), ok)
        }
        for no in ["a.txt", ".a.png", "a_mask.png", "benign (4)_mask_1.png", "A_MASK.JPG", "png", "a.png.bak", "a.gif"] {
            XCTAssertFalse(Dataset.isImageName(no), no)
        }
    }
}
