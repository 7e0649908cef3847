import Foundation
import XCTest
@testable import Data

/// The scan's file kinds, the ignored-files line, sub-folders (`data.recursive`), DICOM found by
/// its preamble, symlink loops, and order.
final class DatasetScanTests: XCTestCase {
    private var root: URL!
    private let classes = ["benign", "malignant", "normal"]

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("dataset-scan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func write(_ relative: String, _ data: Data = Data("x".utf8)) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// 128 zero bytes, `DICM`, then a few more: what a DICOM Part 10 file starts with.
    private let dicomBytes = Data(repeating: 0, count: 128) + Data("DICM".utf8) + Data([2, 0, 0, 0])
    /// 132 bytes that are not DICOM (`DICX` at 128).
    private let notDicomBytes = Data(repeating: 0, count: 128) + Data("DICX".utf8)

    private func scan(_ recursive: Dataset.Recursion = .auto) throws -> Dataset {
        try Dataset.scan(dataDir: root, classNames: classes, options: .init(recursive: recursive))
    }

    func testIgnoredFilesAreCountedByKindInOneLine() throws {
        for c in classes { try write("train/\(c)/a.png") }
        for i in 0 ..< 12 { try write("train/benign/notes\(i).txt") }
        try write("train/benign/a.xml")
        try write("train/malignant/b.xml")
        try write("train/malignant/scan.BMP")
        try write("train/normal/x_mask.png")
        try write("train/normal/x_mask_2.png")
        try write("train/normal/.DS_Store")
        try write("train/normal/README", notDicomBytes)
        try write("train/labels.csv")          // a file beside the class folders
        let d = try scan()
        XCTAssertEqual(d.counts(.train), [1, 1, 1])
        XCTAssertEqual(d.ignored.counts, [".txt": 12, ".xml": 2, ".bmp (not read — convert to PNG)": 1,
                                          ScanFile.maskKind: 2, ScanFile.noExtensionKind: 1, ".csv": 1])
        XCTAssertEqual(d.ignored.summary, "ignored 19 files: 12 .txt, 2 .xml, 2 segmentation masks (*_mask.png), 1 .bmp (not read — convert to PNG), "
                       + "1 .csv, 1 without extension (no DICOM preamble); 1 hidden entry (names starting with '.') not counted")
    }

    func testSummaryFormatsThousands() {
        var ignored = IgnoredFiles()
        ignored.add(".txt", 1200)
        ignored.add(".xml", 4)
        XCTAssertEqual(ignored.summary, "ignored 1,204 files: 1,200 .txt, 4 .xml")
        XCTAssertNil(IgnoredFiles().summary)
        XCTAssertEqual(IgnoredFiles.thousands(1_234_567), "1,234,567")
        XCTAssertEqual(IgnoredFiles.thousands(999), "999")
    }

    func testDICOMFoundByExtensionAndPreamble() throws {
        try write("train/benign/IM0001", dicomBytes)          // no extension, DICM preamble
        try write("train/benign/IM0002.1", dicomBytes)        // unknown extension, DICM preamble
        try write("train/benign/IM0003", notDicomBytes)       // no preamble: ignored
        try write("train/benign/short", Data("DICM".utf8))    // too short to hold the preamble
        try write("train/malignant/m.dcm")
        try write("train/malignant/m2.DICOM")
        try write("train/normal/n.TIF")
        try write("train/normal/n2.tiff")
        let d = try scan()
        XCTAssertEqual(d.train.map(\.relativePath), ["train/benign/IM0001", "train/benign/IM0002.1", "train/malignant/m.dcm",
                                                     "train/malignant/m2.DICOM", "train/normal/n.TIF", "train/normal/n2.tiff"])
        XCTAssertEqual(d.ignored.counts, [ScanFile.noExtensionKind: 2])
        XCTAssertTrue(DicomFile.hasPreamble(dicomBytes))
        XCTAssertFalse(DicomFile.hasPreamble(notDicomBytes))
        XCTAssertFalse(DicomFile.hasPreamble(dicomBytes.prefix(131)))
    }

    func testSubfoldersReportedWithoutDICOMAndReadWithIt() throws {
        for c in classes { try write("train/\(c)/top.png") }
        try write("train/benign/p1/a.png")
        try write("train/benign/p2/b.png")
        try write("train/benign/p2/deeper/c.png")
        // auto, no DICOM anywhere: sub-folders reported, not read.
        var d = try scan(.auto)
        XCTAssertEqual(d.counts(.train), [1, 1, 1])
        XCTAssertEqual(d.warnings, [root.path + "/train/benign has 2 sub-folders (not read; no DICOM files found; set data.recursive: true to read them): p1, p2"])
        // true: read at every depth, in relative-path order.
        d = try scan(.always)
        XCTAssertEqual(d.train.filter { $0.label == 0 }.map(\.relativePath),
                       ["train/benign/p1/a.png", "train/benign/p2/b.png", "train/benign/p2/deeper/c.png", "train/benign/top.png"])
        XCTAssertEqual(d.warnings, [])
        // false: reported, with the reason.
        d = try scan(.never)
        XCTAssertEqual(d.counts(.train), [1, 1, 1])
        XCTAssertEqual(d.warnings, [root.path + "/train/benign has 2 sub-folders (not read; data.recursive is false): p1, p2"])
        // auto with a DICOM file somewhere in the tree: every sub-folder is read.
        try write("train/malignant/p9/IMG", dicomBytes)
        d = try scan(.auto)
        XCTAssertEqual(d.counts(.train), [4, 2, 1])
        XCTAssertEqual(d.warnings, [])
    }

    func testSymlinkLoopDoesNotHang() throws {
        for c in classes { try write("train/\(c)/a.png") }
        try write("train/benign/p1/b.png")
        // p1/loop -> .. (the class folder): following it would never end.
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("train/benign/p1/loop").path,
                                                   withDestinationPath: "..")
        let d = try scan(.always)
        XCTAssertEqual(d.train.filter { $0.label == 0 }.map(\.relativePath), ["train/benign/a.png", "train/benign/p1/b.png"])
        XCTAssertEqual(d.warnings, [root.path + "/train/benign/p1/loop: a folder already scanned (symlink loop or repeat); not followed"])
    }

    func testOrderDoesNotDependOnCreationOrder() throws {
        let names = (0 ..< 40).map { "train/\(classes[$0 % 3])/p\($0 % 7)/img\($0).png" }
        for name in names.reversed() { try write(name) }
        let a = try scan(.always)
        try FileManager.default.removeItem(at: root)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for name in names.shuffled() { try write(name) }
        let b = try scan(.always)
        XCTAssertEqual(a.train.map(\.relativePath), b.train.map(\.relativePath))
        // Label first, then the relative path in byte order.
        let expected = names.sorted { x, y in
            let lx = classes.firstIndex { x.hasPrefix("train/\($0)/") }!, ly = classes.firstIndex { y.hasPrefix("train/\($0)/") }!
            return lx != ly ? lx < ly : Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8))
        }
        XCTAssertEqual(a.train.map(\.relativePath), expected)
    }
}
