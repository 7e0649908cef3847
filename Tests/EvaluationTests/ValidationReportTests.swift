import Foundation
import XCTest
@testable import Data
@testable import Reports

/// The validation report's text outputs: JSON that reads back, lists capped per kind, the verdict.
final class ValidationReportTests: XCTestCase {
    private func result(findings: [Finding]) -> ValidationResult {
        ValidationResult(dataDir: "/data", classNames: ["a", "b"], nearDistance: 8, findings: findings,
                         splits: [SplitCounts(split: "train", files: [3, 1], usable: [3, 1], imbalance: 3)],
                         images: [ImageRecord(path: "train/a/x.png", split: "train", className: "a", group: nil, bytes: 10)],
                         sizeHistogram: [HistogramBin(label: "50-255", count: 4)], aspectHistogram: [], bitDepths: ["8": 4],
                         dicom: nil, ignoredFiles: ["txt": 2], seconds: 1.5)
    }

    func testJSONReadsBackWithSnakeCaseKeys() throws {
        let r = result(findings: [Finding(.groupLeakage, "patient group abc is in 2 splits", paths: ["train/a/x.png", "val/a/y.png"])])
        let data = ValidationReport.json(r)
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.contains("\"class_names\""), text)
        XCTAssertTrue(text.contains("\"kind\" : \"group_leakage\""), text)
        XCTAssertTrue(text.contains("\"severity\" : \"blocking\""), text)
        let back = try ValidationReport.decode(data)
        XCTAssertEqual(back.findings, r.findings)
        XCTAssertEqual(back.splits, r.splits)
        XCTAssertEqual(back.ignoredFiles, r.ignoredFiles)
        XCTAssertTrue(back.isBlocked)
    }

    func testListsAreCappedPerKindAndBlockingComesFirst() {
        let near = (0..<25).map { Finding(.nearDuplicate, "pair \($0)", paths: ["p\($0)", "q\($0)"]) }
        let r = result(findings: [Finding(.emptyClass, "val/b/: class folder missing", paths: ["val/b"])] + near)
        let md = ValidationReport.markdown(r, examples: [])
        XCTAssertTrue(md.contains("**Blocked: 1 blocking problem**"), md)
        XCTAssertTrue(md.contains("pair 19"))
        XCTAssertFalse(md.contains("pair 20"))
        XCTAssertTrue(md.contains("... and 5 more near\\_duplicate (all in validation.json)"), md)
        XCTAssertLessThan(md.range(of: "## Blocking problems")!.lowerBound, md.range(of: "## Warnings")!.lowerBound)
        let console = ValidationReport.summaryLines(r)
        XCTAssertEqual(console[1], "BLOCKING: 1 problem (exit status 1)")
        XCTAssertTrue(console.contains("  [near_duplicate] pair 4"))
        XCTAssertFalse(console.contains("  [near_duplicate] pair 5"))
        XCTAssertEqual(console.suffix(2), ["  split  a  b  imbalance", "  train  3  1       3.00"])
    }

    func testCleanVerdict() {
        XCTAssertEqual(ValidationReport.summaryLines(result(findings: []))[1], "no blocking problem, no warning")
        XCTAssertTrue(ValidationReport.markdown(result(findings: []), examples: []).contains("**No blocking problem** and no warning."))
    }

    func testThumbnailsFitTheBoxAndKeepTheAspect() {
        let wide = RGBImage(width: 400, height: 100, red: 10)
        let t = ValidationFigures.thumbnail(wide)
        XCTAssertEqual(t.width, 128)
        XCTAssertEqual(t.height, 32)
        XCTAssertEqual(ValidationFigures.thumbnail(RGBImage(width: 60, height: 90)).width, 60, "never enlarged")
        XCTAssertEqual(ValidationFigures.niceStep(130), 200)
        XCTAssertEqual(ValidationFigures.niceStep(0.4), 1)
    }
}
