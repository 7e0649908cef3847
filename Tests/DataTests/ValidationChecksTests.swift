import Foundation
import XCTest
@testable import Data

/// The checks on hand-made records: DICOM header counts and mixed modalities, imbalance, and
/// duplicates of unreadable files (not reported: they are skipped anyway).
final class ValidationChecksTests: XCTestCase {
    private func record(_ path: String, sha: String?, dicom: DicomInfo? = nil, problem: String? = nil, side: Int = 64) -> ImageRecord {
        let parts = path.split(separator: "/").map(String.init)
        var r = ImageRecord(path: path, split: parts[0], className: parts[1], group: nil, bytes: 100)
        r.sha256 = sha
        r.problem = problem
        if problem == nil {
            r.width = side; r.height = side; r.bitsStored = dicom?.bitsStored ?? 8; r.distinctLevels = 200
            r.phash = PerceptualHash.hex(UInt64(truncatingIfNeeded: (sha ?? path).hashValue))
            r.windowSource = "8-bit"
        }
        r.dicom = dicom
        return r
    }

    private func analyze(_ records: [ImageRecord], classes: [String] = ["a", "b"], imbalance: Double = 10) -> ValidationResult {
        var inventory = DatasetValidator.Inventory()
        inventory.records = records
        inventory.splits = Array(Set(records.map(\.split))).sorted()
        return ValidationChecks.analyze(inventory, options: .init(classNames: classes, threads: 1, imbalanceWarning: imbalance))
    }

    func testDicomHeaderCountsAndMixedModalities() {
        let mg = DicomInfo(modality: "MG", photometric: "MONOCHROME1", viewPosition: "CC", laterality: "L", bitsStored: 12,
                           patientHash: ValidationResult.anonymize("P1"))
        var us = mg
        us.modality = "US"; us.photometric = "MONOCHROME2"; us.viewPosition = nil; us.patientHash = ValidationResult.anonymize("P2")
        var mlo = mg
        mlo.viewPosition = "MLO"
        let result = analyze([record("train/a/1.dcm", sha: "1", dicom: mg), record("train/a/2.dcm", sha: "2", dicom: mlo),
                              record("train/b/3.dcm", sha: "3", dicom: us), record("train/b/4.png", sha: "4")])
        let d = try! XCTUnwrap(result.dicom)
        XCTAssertEqual(d.files, 3)
        XCTAssertEqual(d.modality, ["MG": 2, "US": 1])
        XCTAssertEqual(d.photometric, ["MONOCHROME1": 2, "MONOCHROME2": 1])
        XCTAssertEqual(d.viewPosition, ["CC": 1, "MLO": 1, "(missing)": 1])
        XCTAssertEqual(d.bitsStored, ["12": 3])
        XCTAssertEqual(d.patients, 2)
        let mixed = result.findings.filter { $0.kind == .mixedModalities }
        XCTAssertEqual(mixed.map(\.paths), [["train/a/1.dcm", "train/a/2.dcm", "train/b/3.dcm"]])
        XCTAssertEqual(mixed.first?.severity, .warning)
        XCTAssertFalse(result.isBlocked)
        XCTAssertEqual(result.bitDepths, ["12": 3, "8": 1])
    }

    func testNoDicomMeansNoHeaderSection() {
        XCTAssertNil(analyze([record("train/a/1.png", sha: "1"), record("train/b/2.png", sha: "2")]).dicom)
    }

    func testImbalanceIsFlaggedAboveTheLimit() {
        var records = (0..<11).map { record("train/a/\($0).png", sha: "a\($0)") }
        records.append(record("train/b/0.png", sha: "b0"))
        let flagged = analyze(records)
        XCTAssertEqual(flagged.splits.first?.imbalance, 11)
        XCTAssertEqual(flagged.findings.map(\.kind), [.classImbalance])
        XCTAssertEqual(analyze(records, imbalance: 11).findings.map(\.kind), [])
    }

    func testIdenticalUnreadableFilesAreNotDuplicates() {
        let result = analyze([record("train/a/1.png", sha: "x"), record("train/b/2.png", sha: "y"),
                              record("train/a/empty.png", sha: "e", problem: "empty file"),
                              record("test/a/empty.png", sha: "e", problem: "empty file"),
                              record("test/a/1.png", sha: "z"), record("test/b/2.png", sha: "w")])
        XCTAssertEqual(result.findings.map(\.kind), [.unreadable, .unreadable])
    }

    func testIdenticalFilesOfTwoClassesInOneSplitAreAWarningThatSaysSo() {
        let result = analyze([record("train/a/1.png", sha: "x"), record("train/b/1.png", sha: "x")])
        XCTAssertEqual(result.findings.map(\.kind), [.duplicateWithinSplit])
        XCTAssertEqual(result.findings.first?.message, "identical files in train with different classes (a, b): train/a/1.png, train/b/1.png")
    }
}
