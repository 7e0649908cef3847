import Foundation
import XCTest
@testable import Data
import Formats

/// `DatasetValidator` on phantom corpora: a clean one has no finding; a corpus with one planted
/// problem of each kind has each one found, with its paths, and the data folder is unchanged.
final class DatasetValidatorTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("validator-tests-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    /// Every entry under `directory`: relative path → kind, size, modification time and SHA-256.
    static func fingerprint(_ directory: URL) throws -> [String: String] {
        var out: [String: String] = [:]
        let fm = FileManager.default
        let base = directory.path
        guard let e = fm.enumerator(atPath: base) else { return out }
        for case let relative as String in e {
            let attributes = try fm.attributesOfItem(atPath: base + "/" + relative)
            let kind = attributes[.type] as? FileAttributeType
            let mtime = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
            var line = "\(kind?.rawValue ?? "?") mtime \(mtime)"
            if kind == .typeRegular {
                let data = try Data(contentsOf: URL(fileURLWithPath: base + "/" + relative))
                line += " bytes \(data.count) sha \(SHA256.hex(data))"
            }
            out[relative] = line
        }
        return out
    }

    /// Writes the planted corpus under `data` and returns it (shared with the CLI test's copy).
    static func plantedCorpus(at data: URL) throws {
        try Phantoms.write(to: data, perClass: .init(train: 3, val: 2, test: 2), size: 96, seed: 5)
        let fm = FileManager.default
        func file(_ relative: String) -> URL { data.appendingPathComponent(relative) }
        // An empty class folder in val.
        for name in try fm.contentsOfDirectory(atPath: file("val/normal").path) { try fm.removeItem(at: file("val/normal/" + name)) }
        // A corrupt PNG (signature, then garbage) and a text file.
        try Data(ImageCodec.pngSignature + [0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3]).write(to: file("train/benign/corrupt.png"))
        try Data("scanner notes\n".utf8).write(to: file("train/benign/notes.txt"))
        // A 40 x 40 image (too small).
        let tiny = Phantoms.generate(.normal, size: 40, seed: 1)
        try ImageCodec.writePNG(tiny.image, to: file("train/normal/tiny.png"))
        // An exact copy of a train image in test.
        try fm.copyItem(at: file("train/malignant/malignant_0000.png"), to: file("test/malignant/copy.png"))
        // A JPEG re-encode of a train image in val (a near duplicate across splits).
        let original = try ImageCodec.decode(contentsOf: file("train/benign/benign_0001.png"))
        try ImageCodec.encodeJPEG(original, quality: 85).write(to: file("val/benign/reencoded.jpg"))
        // A 16-bit gray PNG with only 10 levels.
        var samples: [UInt8] = []
        for i in 0 ..< 64 * 64 {
            let v = UInt16((i % 10) * 6000)
            samples += [UInt8(v >> 8), UInt8(v & 0xFF)]
        }
        try ImageCodec.encodeRawPNG(samples: samples, width: 64, height: 64, bitDepth: 16, colorType: 0).write(to: file("train/normal/flat16.png"))
        // One patient (pat7) in train and val.
        try ImageCodec.writePNG(Phantoms.generate(.malignant, size: 96, seed: 70).image, to: file("train/malignant/pat7_a.png"))
        try ImageCodec.writePNG(Phantoms.generate(.malignant, size: 96, seed: 71).image, to: file("val/malignant/pat7_b.png"))
        // A sub-folder of a class folder.
        try fm.createDirectory(at: file("train/benign/extra"), withIntermediateDirectories: true)
    }

    /// The group rule of the planted corpus: `pat<N>` of a file named `pat<N>_...`, else the whole relative path.
    static let patientGroup = try! GroupRule(parsing: #"(pat[0-9]+|^[^/]+/[^/]+/[^p][^/]*$)"#)

    func testCleanPhantomsHaveNoFinding() throws {
        try Phantoms.write(to: root, perClass: .init(train: 6, val: 3, test: 3), size: 96, seed: 8)
        let result = try DatasetValidator.run(dataDir: root, options: .init(classNames: Phantoms.classNames, threads: 2))
        XCTAssertEqual(result.findings.map(\.message), [])
        XCTAssertFalse(result.isBlocked)
        XCTAssertEqual(result.splits.map(\.split), ["train", "val", "test"])
        XCTAssertEqual(result.splits.map(\.usable), [[6, 6, 6], [3, 3, 3], [3, 3, 3]])
        XCTAssertEqual(result.splits.first?.imbalance, 1)
        XCTAssertEqual(result.readableCount, 36)
        XCTAssertEqual(result.bitDepths, ["8": 36])
        XCTAssertEqual(result.sizeHistogram.first { $0.label == "50-255" }?.count, 36)
        XCTAssertEqual(result.aspectHistogram.first { $0.label == "0.95-1.05" }?.count, 36)
        let r = try XCTUnwrap(result.images.first)
        XCTAssertEqual(r.path, "train/benign/benign_0000.png")
        let bytes = try Data(contentsOf: root.appendingPathComponent(r.path))
        XCTAssertEqual(r.sha256, SHA256.hex(bytes))
        XCTAssertEqual(r.bytes, bytes.count)
        let image = try ImageCodec.decode(data: bytes)
        XCTAssertEqual(r.phash, PerceptualHash.hex(PerceptualHash.hash(image)))
        XCTAssertEqual(r.distinctLevels, Set(image.grayPixels).count)
    }

    func testPlantedProblemsAreFoundAndNothingIsModified() throws {
        try Self.plantedCorpus(at: root)
        let before = try Self.fingerprint(root)
        var calls = 0
        let result = try DatasetValidator.run(dataDir: root, options: .init(classNames: Phantoms.classNames, threads: 2,
                                                                             groupBy: Self.patientGroup)) { done, total in
            calls += 1
            XCTAssertLessThanOrEqual(done, total)
        }
        XCTAssertEqual(try Self.fingerprint(root), before, "the data folder changed")
        XCTAssertEqual(calls, result.images.count)

        func paths(_ kind: Finding.Kind) -> [[String]] { result.findings.filter { $0.kind == kind }.map(\.paths) }
        XCTAssertEqual(paths(.unreadable), [["train/benign/corrupt.png"]])
        XCTAssertEqual(paths(.tooSmall), [["train/normal/tiny.png"]])
        XCTAssertEqual(paths(.duplicateAcrossSplits), [["train/malignant/malignant_0000.png", "test/malignant/copy.png"]])
        XCTAssertEqual(paths(.nearDuplicate), [["train/benign/benign_0001.png", "val/benign/reencoded.jpg"]])
        XCTAssertEqual(paths(.emptyClass), [["val/normal"]])
        XCTAssertEqual(paths(.groupLeakage), [["train/malignant/pat7_a.png", "val/malignant/pat7_b.png"]])
        XCTAssertEqual(paths(.nearEmptyWindow), [["train/normal/flat16.png"]])
        XCTAssertEqual(paths(.ignoredFiles), [["train/benign/notes.txt"]])
        // The training scan's remark on the unread sub-folder (data.recursive: auto, no DICOM here).
        XCTAssertEqual(result.findings.filter { $0.kind == .notAClass }.map(\.message),
                       ["train/benign has 1 sub-folder (not read; no DICOM files found; set data.recursive: true to read them): extra"])
        XCTAssertEqual(paths(.duplicateWithinSplit), [])
        XCTAssertTrue(result.isBlocked)
        XCTAssertEqual(Set(result.blocking.map(\.kind)), [.duplicateAcrossSplits, .emptyClass, .groupLeakage])
        XCTAssertEqual(result.findings.first?.severity, .blocking, "blocking problems come first")

        let flat = try XCTUnwrap(result.images.first { $0.path == "train/normal/flat16.png" })
        XCTAssertEqual(flat.bitsStored, 16)
        XCTAssertEqual(flat.distinctLevels, 10)
        XCTAssertEqual(result.ignoredFiles, ["txt": 1])
        // The group is anonymized, never the name found in the path.
        let leaked = try XCTUnwrap(result.images.first { $0.path == "val/malignant/pat7_b.png" })
        XCTAssertEqual(leaked.group, ValidationResult.anonymize("pat7"))
        XCTAssertFalse(result.findings.contains { $0.message.contains("patient group pat7") })
        // val: normal is empty, so no imbalance ratio; train counts only usable images.
        XCTAssertEqual(result.splits.first { $0.split == "val" }?.imbalance, nil)
        XCTAssertEqual(result.splits.first { $0.split == "train" }?.files, [4, 4, 5])
        XCTAssertEqual(result.splits.first { $0.split == "train" }?.usable, [3, 4, 4])
    }

    func testNoReadableImagesInAClassIsBlocking() throws {
        try Phantoms.write(to: root, perClass: .init(train: 2, val: 0, test: 0), size: 64, seed: 2)
        let fm = FileManager.default
        let folder = root.appendingPathComponent("train/normal")
        for name in try fm.contentsOfDirectory(atPath: folder.path) { try fm.removeItem(at: folder.appendingPathComponent(name)) }
        try Data("not an image".utf8).write(to: folder.appendingPathComponent("broken.jpg"))
        let result = try DatasetValidator.run(dataDir: root, options: .init(classNames: Phantoms.classNames, threads: 1))
        XCTAssertEqual(result.blocking.map(\.kind), [Finding.Kind](repeating: .emptyClass, count: 6) + [.noReadableImages])
        XCTAssertEqual(result.findings.first { $0.kind == .unreadable }?.message,
                       "train/normal/broken.jpg: not a PNG, JPEG, TIFF or DICOM file (starts with 'not an image')")
    }

    /// DICOM fixtures of helper A (20 x 24, Patient ID `PAT-SECRET-4711`): found by extension and
    /// by preamble, headers counted, two modalities flagged, a multi-frame file unreadable, and the
    /// Patient ID nowhere in the result.
    func testDicomFilesAreReadAndThePatientIDNeverAppears() throws {
        try Phantoms.write(to: root, perClass: .init(train: 2, val: 2, test: 2), size: 64, seed: 6)
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/dicom")
        for (name, target) in [("mono1_12bit.dcm", "train/benign/a.dcm"), ("rgb.dcm", "train/benign/b.dcm"),
                               ("IM0001", "train/malignant/IM0001"), ("multiframe.dcm", "train/normal/c.dcm")] {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: root.appendingPathComponent(target))
        }
        let result = try DatasetValidator.run(dataDir: root, options: .init(classNames: Phantoms.classNames, threads: 2))
        let d = try XCTUnwrap(result.dicom)
        XCTAssertEqual(d.files, 3)
        XCTAssertEqual(d.modality, ["MG": 2, "US": 1])
        XCTAssertEqual(d.photometric, ["MONOCHROME1": 1, "MONOCHROME2": 1, "RGB": 1])
        XCTAssertEqual(d.bitsStored, ["12": 2, "8": 1])
        XCTAssertEqual(d.patients, 1)
        XCTAssertEqual(result.findings.filter { $0.kind == .mixedModalities }.map(\.paths),
                       [["train/benign/a.dcm", "train/benign/b.dcm", "train/malignant/IM0001"]])
        XCTAssertEqual(result.findings.filter { $0.kind == .unreadable }.map(\.paths), [["train/normal/c.dcm"]])
        XCTAssertEqual(Set(result.findings.filter { $0.kind == .tooSmall }.flatMap(\.paths)),
                       ["train/benign/a.dcm", "train/benign/b.dcm", "train/malignant/IM0001"])
        let a = try XCTUnwrap(result.images.first { $0.path == "train/benign/a.dcm" })
        XCTAssertEqual(a.format, "DICOM")
        XCTAssertEqual(a.bitsStored, 12)
        let encoder = JSONEncoder()
        let text = String(decoding: try encoder.encode(result), as: UTF8.self)
        XCTAssertFalse(text.contains("PAT-SECRET"), "the Patient ID reached the validation result")
        XCTAssertTrue(text.contains(ValidationResult.anonymize("PAT-SECRET-4711")))
    }

    /// A data.group_by rule that cannot group every file is blocking (training refuses it too).
    func testAGroupRuleThatMissesFilesIsBlocking() throws {
        try Phantoms.write(to: root, perClass: .init(train: 2, val: 1, test: 1), size: 64, seed: 9)
        let result = try DatasetValidator.run(dataDir: root, options: .init(classNames: Phantoms.classNames, threads: 2,
                                                                             groupBy: try GroupRule(parsing: "(pat[0-9]+)")))
        XCTAssertEqual(result.blocking.map(\.kind), [.groupingFailed])
        XCTAssertTrue(result.blocking[0].message.contains("does not match"), result.blocking[0].message)
        XCTAssertTrue(result.images.allSatisfy { $0.group == nil })
    }

    func testMissingDataFolderThrows() {
        XCTAssertThrowsError(try DatasetValidator.run(dataDir: root, options: .init(classNames: ["a"]))) { error in
            XCTAssertEqual("\(error)", "\(root.path): data folder does not exist")
        }
    }
}
