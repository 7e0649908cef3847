import Foundation
import Graph
import XCTest
@testable import Data
@testable import Evaluation
@testable import Reports

/// The report folder of an evaluation: JSON, markdown and every figure, readable PNGs.
final class ReportWriterTests: XCTestCase {
    func testWritesEveryFigure() throws {
        var rng = SplitMix64(seed: 5)
        let labels = (0..<60).map { $0 % 3 }
        // Two views of logits that favour the true class, with noise.
        let views: [[[Float]]] = (0..<2).map { _ in
            labels.map { y in (0..<3).map { c in Float((c == y ? 1.5 : 0) + rng.normal()) } }
        }
        let output = Evaluator.Output(viewLogits: views, labels: labels, seconds: 0)
        XCTAssertEqual(output.probabilities(temperature: 2)[0].reduce(0, +), 1, accuracy: 1e-12)
        // The view average is the mean of the views' softmax, not the softmax of the mean.
        let single = Evaluator.softmax(views[0][0], temperature: 2), other = Evaluator.softmax(views[1][0], temperature: 2)
        XCTAssertEqual(output.probabilities(temperature: 2)[0][1], (single[1] + other[1]) / 2, accuracy: 1e-12)

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("breastai-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("metrics.jsonl")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let lines = (1...4).map { e in
            #"{"split":"val","epoch":\#(e),"phase":\#(e),"lr":0.001,"train_loss":\#(1.0 / Double(e)),"nll":0.9,"metrics":{"auc_roc":0.\#(5 + e)}}"#
        }
        try Data(lines.joined(separator: "\n").utf8).write(to: log)
        let fit = TemperatureScaling.fit(logits: output.logits, labels: labels, initial: 1.3)
        let report = EvaluationReport(probabilities: output.probabilities(temperature: fit.temperature), labels: labels,
                                      classNames: ["benign", "malignant", "normal"], malignant: 1, threshold: 0.4,
                                      split: "test", checkpoint: "epoch-0004", views: ["original", "horizontal_flip"],
                                      temperature: fit.temperature, temperatureFit: fit, bootstrapReplicates: 50)
        let out = dir.appendingPathComponent("report")
        let figures = try ReportWriter.write(report, output: output, temperature: fit.temperature, fit: fit, metricsLog: log, to: out)
        XCTAssertEqual(Set(figures.values), ["roc.png", "pr.png", "reliability.png", "confusion_matrix.png", "training_curves.png"])
        for file in figures.values {
            let image = try ImageCodec.decode(contentsOf: out.appendingPathComponent(file))
            XCTAssertGreaterThan(image.width, 300, file)
        }
        let md = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        for file in figures.values { XCTAssertTrue(md.contains("(\(file))"), "report.md links \(file)") }
        let decoded = try JSONDecoder().decode(EvaluationReport.self, from: Data(contentsOf: out.appendingPathComponent("report.json")))
        XCTAssertEqual(decoded, report)
    }
}
