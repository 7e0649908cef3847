import Foundation
import Graph
import XCTest
@testable import Data
import Formats

/// Grouping rules (regex, DICOM tag, manifest) and the manifest's checks.
final class GroupingTests: XCTestCase {
    private var root: URL!
    private let classes = ["benign", "malignant", "normal"]

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("grouping-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func write(_ relative: String, _ text: String = "x") throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func scan(_ options: Dataset.Options) throws -> Dataset {
        try Dataset.scan(dataDir: root, classNames: classes, options: options)
    }

    private func errorText(_ body: () throws -> Void) -> String {
        do { try body() } catch { return "\(error)" }
        return "(no error)"
    }

    func testRegexGroupsByCapture() throws {
        for f in ["train/benign/P1_cc.png", "train/benign/P1_mlo.png", "train/malignant/P2_cc.png", "train/normal/P10_cc.png"] { try write(f) }
        let d = try scan(.init(groupBy: try GroupRule(parsing: #"^[^/]+/[^/]+/(P\d+)_"#)))
        XCTAssertEqual(d.train.map(\.group), ["P1", "P1", "P2", "P10"])
    }

    func testRegexThatMissesIsAnErrorWithCountAndFirstPaths() throws {
        for f in ["train/benign/P1_cc.png", "train/benign/x1.png", "train/benign/x2.png", "train/malignant/y.png",
                  "train/normal/z.png", "train/normal/P3_a.png"] { try write(f) }
        let text = errorText { _ = try scan(.init(groupBy: try GroupRule(parsing: #"(P\d+)_"#))) }
        XCTAssertEqual(text, root.path + #": data.group_by (P\d+)_ does not match (or captures nothing in) 4 of 6 files: "#
                       + #"train/benign/x1.png, train/benign/x2.png, train/malignant/y.png and 1 more; fix the pattern or set data.group_by to "" for one group per image"#)
    }

    func testRuleParsing() throws {
        XCTAssertEqual(try GroupRule(parsing: ""), .perImage)
        XCTAssertEqual(try GroupRule(parsing: "dicom:PatientID"), .dicom(tag: "PatientID"))
        XCTAssertEqual(try GroupRule(parsing: "dicom:StudyInstanceUID").text, "dicom:StudyInstanceUID")
        XCTAssertThrowsError(try GroupRule(parsing: "dicom:PatientName"))
        XCTAssertThrowsError(try GroupRule(parsing: "P\\d+"))        // no capture group
        XCTAssertThrowsError(try GroupRule(parsing: "(P\\d+"))       // does not compile
    }

    func testDICOMTagGroupsAreHashedNeverPlain() throws {
        for f in ["train/benign/a.dcm", "train/benign/b.dcm", "train/malignant/c.dcm", "train/normal/d.dcm"] { try write(f) }
        let ids = ["a.dcm": "DOE^JANE 123", "b.dcm": "DOE^JANE 123", "c.dcm": "ROE^MARY 456", "d.dcm": "ROE^MARY 456"]
        let reader: DicomTagReader = { url, tag in
            XCTAssertEqual(tag, "PatientID")
            return ids[url.lastPathComponent]
        }
        let d = try scan(.init(groupBy: .dicom(tag: "PatientID"), dicomTag: reader))
        let jane = "dicom:" + String(SHA256.hex("DOE^JANE 123").prefix(16))
        let mary = "dicom:" + String(SHA256.hex("ROE^MARY 456").prefix(16))
        XCTAssertEqual(d.train.map(\.group), [jane, jane, mary, mary])
        XCTAssertFalse(d.train.map(\.group).joined().contains("DOE"))
    }

    func testDICOMTagMissingIsAnErrorWithoutTheIdentity() throws {
        for f in ["train/benign/a.dcm", "train/malignant/b.dcm", "train/normal/c.dcm"] { try write(f) }
        let reader: DicomTagReader = { url, _ in url.lastPathComponent == "b.dcm" ? "SECRET-ID" : nil }
        let text = errorText { _ = try scan(.init(groupBy: .dicom(tag: "PatientID"), dicomTag: reader)) }
        XCTAssertEqual(text, root.path + ": data.group_by dicom:PatientID: 2 of 3 files have no PatientID: train/benign/a.dcm, train/normal/c.dcm; "
                       + "group them with a regex or a manifest instead")
        XCTAssertFalse(text.contains("SECRET"))
        struct Unreadable: Error {}
        let failing: DicomTagReader = { _, _ in throw Unreadable() }
        XCTAssertTrue(errorText { _ = try scan(.init(groupBy: .dicom(tag: "PatientID"), dicomTag: failing)) }
            .contains("3 of 3 files have no readable DICOM header: train/benign/a.dcm"))
    }

    // MARK: Manifest

    private func manifest(_ text: String) throws -> URL {
        let url = root.appendingPathComponent("manifest.csv")
        try Data(text.utf8).write(to: url)
        return url
    }

    func testCSVParsesQuotesCommasAndLineEnds() throws {
        let rows = try DataManifest.parseCSV("\u{FEFF}path,label\r\n\"a, b.png\",benign\r\n\"say \"\"hi\"\".png\",normal\nlast,malignant")
        XCTAssertEqual(rows, [["path", "label"], ["a, b.png", "benign"], ["say \"hi\".png", "normal"], ["last", "malignant"]])
        XCTAssertEqual(try DataManifest.parseCSV("a,b\n\n"), [["a", "b"]])
        XCTAssertThrowsError(try DataManifest.parseCSV("a,\"open\nb"))
    }

    func testManifestDefinesSamplesSplitsAndHashedGroups() throws {
        for f in ["img/p1_cc.dcm", "img/p1_mlo.dcm", "img/p2 cc, left.png", "img/p3.png", "img/p4.png", "img/extra.png", "notes.txt"] { try write(f) }
        let url = try manifest("""
            path,label,split,group,comment
            img/p1_cc.dcm,malignant,,P-0001,x
            img/p1_mlo.dcm,malignant,train,P-0001,
            "img/p2 cc, left.png",benign,,P-0002,"a, b"
            img/p3.png,normal,test,P-0003
            img/p4.png,benign,,P-0004
            """)
        let d = try scan(.init(manifest: url))
        XCTAssertEqual(d.train.map(\.relativePath), ["img/p2 cc, left.png", "img/p4.png", "img/p1_cc.dcm", "img/p1_mlo.dcm"])
        XCTAssertEqual(d.train.map(\.label), [0, 0, 1, 1])
        XCTAssertEqual(d.test?.map(\.relativePath), ["img/p3.png"])
        XCTAssertNil(d.val)
        let p1 = "manifest:" + String(SHA256.hex("P-0001").prefix(16))
        XCTAssertEqual(d.train[2].group, p1)
        XCTAssertEqual(d.train[3].group, p1)
        XCTAssertFalse(d.train.map(\.group).joined().contains("P-000"))
        // The manifest itself is not counted; the unlisted image and the text file are.
        XCTAssertEqual(d.ignored.counts, ["images not in the manifest": 1, ".txt": 1])
    }

    func testManifestErrors() throws {
        for f in ["a.png", "b.png"] { try write(f) }
        func problem(_ csv: String) throws -> String {
            let url = try manifest(csv)
            return errorText { _ = try scan(.init(manifest: url)) }
        }
        let path = root.appendingPathComponent("manifest.csv").path
        XCTAssertEqual(try problem("path,label\na.png,benign\nb.png,Malignant\n"),
                       path + ": row 3: label 'Malignant' is not one of data.class_names (benign, malignant, normal)")
        XCTAssertEqual(try problem("path,label\na.png,benign\nc.png,normal\nd/e.png,normal\n"),
                       path + ": 2 of 3 listed files are missing under \(root.path): c.png, d/e.png")
        XCTAssertEqual(try problem("path,label,split\na.png,benign,holdout\n"), path + ": row 2: split 'holdout' must be train, val, test or empty")
        XCTAssertEqual(try problem("file,class\na.png,benign\n"),
                       path + ": the header row must name the columns path and label (and optionally split, group); found file,class")
        XCTAssertEqual(try problem("path,label\n../a.png,benign\n"), path + ": row 2: path ../a.png must be relative to the data folder \(root.path), without '..'")
        XCTAssertEqual(try problem("path,label\na.png,benign\n./a.png,normal\n"), path + ": row 3: ./a.png is already listed in row 2")
        let both = try manifest("path,label,group\na.png,benign,P1\n")
        XCTAssertEqual(errorText { _ = try scan(.init(manifest: both, groupBy: try GroupRule(parsing: "(a)"))) },
                       root.path + ": both data.group_by ((a)) and the manifest's group column give groups; use one of them")
        XCTAssertEqual(try problem("path,label,group\na.png,benign,P1\nb.png,normal,\n"),
                       root.path + ": the manifest gives a group for 1 of 2 files but not for 1: b.png; give every row a group (or none)")
    }

    /// A manifest is enough: no class folders are needed, and paths may be anywhere below the data folder.
    func testManifestWithoutClassFolders() throws {
        try write("scans/2019/x.png")
        try write("scans/2020/y.png")
        let d = try scan(.init(manifest: try manifest("path,label\nscans/2020/y.png,normal\nscans/2019/x.png,benign\n")))
        XCTAssertEqual(d.train.map(\.relativePath), ["scans/2019/x.png", "scans/2020/y.png"])
        XCTAssertEqual(d.train.map(\.group), d.train.map(\.relativePath))
    }
}

/// `dicom:` grouping on real DICOM files (helper A's fixtures, all of one patient and one study):
/// the headers are read through DCMTK, the group is a hash, and a patient in train/ and test/ is
/// found as leakage without the identity in any message.
final class DicomGroupingTests: XCTestCase {
    private func fixture(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/dicom").appendingPathComponent(name)
    }

    func testPatientAcrossTrainAndTestIsLeakageByHash() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dicom-grouping-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let layout = ["train/benign/a.dcm": "mono2_8bit.dcm", "train/malignant/IM0001": "IM0001",
                      "train/normal/p7/c.dcm": "rle_12bit.dcm", "test/benign/d.dcm": "mono1_12bit.dcm"]
        for (to, from) in layout {
            let url = root.appendingPathComponent(to)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: fixture(from), to: url)
        }
        let secret = "PAT-SECRET-4711"
        for tag in ["PatientID", "StudyInstanceUID"] {
            let d = try Dataset.scan(dataDir: root, classNames: ["benign", "malignant", "normal"],
                                     options: .init(groupBy: .dicom(tag: tag)))
            // IM0001 has no extension (found by its preamble); p7/ is read because the tree holds DICOM.
            XCTAssertEqual(d.train.map(\.relativePath), ["train/benign/a.dcm", "train/malignant/IM0001", "train/normal/p7/c.dcm"])
            let value = tag == "PatientID" ? secret : "1.2.826.0.1.3680043.8.498.1"
            let group = "dicom:" + String(SHA256.hex(value).prefix(16))
            XCTAssertEqual(Set((d.train + (d.test ?? [])).map(\.group)), [group])
            let files = d.splits.mapValues { list in list.map { ScannedFile(sample: $0, givenSplit: .train, digest: nil) } }
            XCTAssertThrowsError(try SplitChecks.check(files, dataDir: root.path, allowCrossSplitDuplicates: false)) { error in
                let text = "\(error)"
                XCTAssertTrue(text.contains("group \(group): train 3, test 1 (train/benign/a.dcm, train/malignant/IM0001 and 2 more)"), text)
                XCTAssertFalse(text.contains(secret), text)
            }
        }
    }
}
