import Foundation
import XCTest
import Data
import Formats

extension CLITrustTests {
    /// `predict --explain` on the tiny run: per image an overlay PNG and the raw map, the JSON
    /// line naming the overlay; the same overlay bytes on a second run (deterministic rendering);
    /// a used --out folder refused without --force; `eval --report` writes errors.md.
    func testPredictExplainWritesOverlaysDeterministically() throws {
        let root = try trainedWorkspace()
        let common = ["--checkpoint-dir", "ckpt", "--cache-dir", "cache"]
        let folder = root.appendingPathComponent("data/test/malignant")
        let images = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().prefix(3).map { folder.appendingPathComponent($0).path }
        let first = try CommandLineHarness.run(["predict", "--json", "--explain", "--out", "expl1"] + images + common, in: root)
        XCTAssertTrue(first.succeeded, first.output)
        let lines = first.output.split(separator: "\n").filter { $0.hasPrefix("{") }
        XCTAssertEqual(lines.count, 3, first.output)
        for (line, image) in zip(lines, images) {
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let stem = URL(fileURLWithPath: image).deletingPathExtension().lastPathComponent
            XCTAssertEqual(object["gradcam"] as? String, root.appendingPathComponent("expl1/\(stem).gradcam.png").path)
            let png = try ImageCodec.decode(contentsOf: root.appendingPathComponent("expl1/\(stem).gradcam.png"))
            XCTAssertGreaterThanOrEqual(png.width, 256)
            let raw = try SafeTensors(contentsOf: root.appendingPathComponent("expl1/\(stem).gradcam.safetensors"))
            XCTAssertEqual(try raw.shape("heatmap"), [32, 32])
            XCTAssertEqual(try raw.shape("map"), [4, 4])   // tiny at 32: the stem and two stride-2 stages
            let heat = try raw.floats("heatmap"), map = try raw.floats("map")
            XCTAssertTrue(heat.allSatisfy { (0...1).contains($0) })
            XCTAssertTrue(map.allSatisfy { $0 >= 0 }, "ReLU")
            XCTAssertTrue(heat.max() == 1 || map.max() == map.min(), "normalised to [0, 1]")
            XCTAssertEqual(raw.metadata["explained_class"], "1", "malignant by default")
        }
        let second = try CommandLineHarness.run(["predict", "--explain", "--out", "expl2"] + images + common, in: root)
        XCTAssertTrue(second.succeeded, second.output)
        for image in images {
            let name = URL(fileURLWithPath: image).deletingPathExtension().lastPathComponent + ".gradcam.png"
            XCTAssertEqual(SHA256.hex(try Data(contentsOf: root.appendingPathComponent("expl1/\(name)"))),
                           SHA256.hex(try Data(contentsOf: root.appendingPathComponent("expl2/\(name)"))), "\(name) differs between runs")
        }
        let refused = try CommandLineHarness.run(["predict", "--explain", "--out", "expl1"] + images + common, in: root)
        XCTAssertFalse(refused.succeeded)
        XCTAssertTrue(refused.output.contains("--force"), refused.output)
        let other = try CommandLineHarness.run(["predict", "--explain", "--class", "benign", "--out", "expl1", "--force"] + images + common, in: root)
        XCTAssertTrue(other.succeeded, other.output)
        let badClass = try CommandLineHarness.run(["predict", "--explain", "--class", "tumour", "--out", "expl3"] + images + common, in: root)
        XCTAssertFalse(badClass.succeeded)
        XCTAssertTrue(badClass.output.contains("--class tumour"), badClass.output)

        let eval = try CommandLineHarness.run(["eval", "--report", "report-explain", "--bootstrap", "20"] + common, in: root)
        XCTAssertTrue(eval.succeeded, eval.output)
        let page = try String(contentsOf: root.appendingPathComponent("report-explain/errors.md"), encoding: .utf8)
        XCTAssertTrue(page.contains("## False negatives") && page.contains("## False positives"), page)
        let report = try String(contentsOf: root.appendingPathComponent("report-explain/report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("](errors.md)"), "report.md links the mistakes page")
        for match in page.split(separator: "(").compactMap({ $0.hasPrefix("errors/") ? $0.split(separator: ")").first : nil }) {
            XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("report-explain/\(match)").path), String(match))
        }
    }
}
