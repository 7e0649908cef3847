import Foundation
import XCTest
import Data
import Formats

/// `breastai-run validate` as a user runs it: the exit status, the summary, the report folder, and
/// a data folder left exactly as it was (listing, sizes, modification times, contents).
final class ValidateCommandTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = try Harness.temporaryDirectory("validate-cli")
        try Phantoms.write(to: root.appendingPathComponent("data"), perClass: .init(train: 3, val: 2, test: 2), size: 64, seed: 4)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    /// Every entry under `directory` with its kind, size, modification time and SHA-256.
    private func fingerprint(_ directory: URL) throws -> [String: String] {
        var out: [String: String] = [:]
        let fm = FileManager.default
        for case let relative as String in fm.enumerator(atPath: directory.path)! {
            let path = directory.path + "/" + relative
            let a = try fm.attributesOfItem(atPath: path)
            var line = "\((a[.type] as? FileAttributeType)?.rawValue ?? "?") \((a[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1)"
            if (a[.type] as? FileAttributeType) == .typeRegular { line += " \(SHA256.hex(try Data(contentsOf: URL(fileURLWithPath: path))))" }
            out[relative] = line
        }
        return out
    }

    func testCleanDataExitsZero() throws {
        let r = try CommandLineHarness.run(["validate", "--data", "data", "--threads", "2"], in: root)
        XCTAssertEqual(r.status, 0, r.output)
        XCTAssertTrue(r.output.contains("21 image files in 3 splits, 21 readable, 21 usable"), r.output)
        XCTAssertTrue(r.output.contains("no blocking problem, no warning"), r.output)
    }

    func testBlockingProblemsExitOneWriteTheReportAndChangeNothing() throws {
        let data = root.appendingPathComponent("data")
        try FileManager.default.copyItem(at: data.appendingPathComponent("train/benign/benign_0000.png"),
                                         to: data.appendingPathComponent("test/benign/leaked.png"))
        try Data("notes".utf8).write(to: data.appendingPathComponent("train/normal/readme.txt"))
        try Data([0x89, 0x50, 0x4E]).write(to: data.appendingPathComponent("val/normal/cut.png"))
        let before = try fingerprint(data)

        let r = try CommandLineHarness.run(["validate", "--data", "data", "--report", "out"], in: root)
        XCTAssertEqual(r.status, 1, r.output)
        XCTAssertTrue(r.output.contains("BLOCKING: 1 problem (exit status 1)"), r.output)
        XCTAssertTrue(r.output.contains("identical files in train and test: train/benign/benign_0000.png, test/benign/leaked.png"), r.output)
        XCTAssertTrue(r.output.contains("val/normal/cut.png: truncated PNG (only 3 bytes)"), r.output)
        XCTAssertEqual(try fingerprint(data), before, "validate changed the data folder")

        let out = root.appendingPathComponent("out")
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        XCTAssertTrue(files.isSuperset(of: ["validation.json", "validation.md", "class_balance.png", "example_01_duplicate_across_splits.png"]),
                      "\(files)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("validation.json"))) as! [String: Any]
        let findings = json["findings"] as! [[String: Any]]
        XCTAssertEqual(findings.first?["kind"] as? String, "duplicate_across_splits")
        XCTAssertEqual(findings.first?["paths"] as? [String], ["train/benign/benign_0000.png", "test/benign/leaked.png"])
        XCTAssertEqual(findings.first?["severity"] as? String, "blocking")
        XCTAssertTrue(findings.contains { $0["kind"] as? String == "ignored_files" && $0["paths"] as? [String] == ["train/normal/readme.txt"] })
        XCTAssertEqual((json["images"] as! [Any]).count, 23)
        let md = try String(contentsOf: out.appendingPathComponent("validation.md"), encoding: .utf8)
        XCTAssertTrue(md.contains("**Blocked: 1 blocking problem**"), md)
        XCTAssertLessThan(md.range(of: "## Blocking problems")!.lowerBound, md.range(of: "## Warnings")!.lowerBound)
        let pair = try ImageCodec.decode(contentsOf: out.appendingPathComponent("example_01_duplicate_across_splits.png"))
        XCTAssertEqual(pair.height, 64)
        XCTAssertEqual(pair.width, 64 + 6 + 64)
        let chart = try ImageCodec.decode(contentsOf: out.appendingPathComponent("class_balance.png"))
        XCTAssertEqual(chart.width, 800)
    }

    func testReportInsideTheDataOrInAUsedFolderIsRefused() throws {
        let data = root.appendingPathComponent("data")
        let before = try fingerprint(data)
        let inside = try CommandLineHarness.run(["validate", "--data", "data", "--report", "data/train/report"], in: root)
        XCTAssertNotEqual(inside.status, 0)
        XCTAssertEqual(inside.status, 2, "a refused command must not look like 'blocking problems' (1)")
        XCTAssertTrue(inside.output.contains("is inside the data folder"), inside.output)
        XCTAssertEqual(try fingerprint(data), before)

        let used = root.appendingPathComponent("used")
        try FileManager.default.createDirectory(at: used, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: used.appendingPathComponent("notes.md"))
        let refused = try CommandLineHarness.run(["validate", "--data", "data", "--report", "used"], in: root)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.output.contains("is not empty"), refused.output)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: used.path), ["notes.md"])
    }
}
