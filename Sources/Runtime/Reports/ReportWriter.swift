import Foundation
import Data
import Evaluation
import Formats

/// Writes an evaluation's report folder: `report.json`, `report.md` and the figures as PNG —
/// ROC and precision-recall curves per class (one-vs-rest), the reliability diagram before and
/// after temperature scaling, the confusion matrix at the tuned threshold, and the training
/// curves from `logs/metrics.jsonl` when that file exists.
public enum ReportWriter {
    /// Writes everything into `directory` (created); returns the figure files written, by title.
    @discardableResult
    public static func write(_ report: EvaluationReport, output: Evaluator.Output, temperature: Double, fit: TemperatureFit?,
                             metricsLog: URL?, runID: String? = nil, to directory: URL) throws -> [String: String] {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw RuntimeError.io(path: directory.path, problem: "cannot create the report folder: \(error.localizedDescription)")
        }
        var figures: [(title: String, file: String)] = []
        func save(_ image: RGBImage, _ file: String, _ title: String) throws {
            try ImageCodec.writePNG(image, to: directory.appendingPathComponent(file))
            figures.append((title, file))
        }
        let calibrated = output.probabilities(temperature: temperature)
        let raw = output.probabilities(temperature: 1)
        let labels = output.labels, names = report.classNames

        var roc: [(name: String, points: [(x: Double, y: Double)], auc: Double?)] = []
        var pr: [(name: String, points: [(x: Double, y: Double)], averagePrecision: Double?)] = []
        for (c, name) in names.enumerated() {
            let scores = calibrated.map { $0[c] }, positive = labels.map { $0 == c }
            if let points = Metrics.rocCurve(scores: scores, isPositive: positive) {
                roc.append((name, points, Metrics.aucROC(scores: scores, isPositive: positive)))
            }
            if let points = Metrics.precisionRecallCurve(scores: scores, isPositive: positive) {
                pr.append((name, points, Metrics.averagePrecision(scores: scores, isPositive: positive)))
            }
        }
        let split = report.split
        if !roc.isEmpty { try save(Charts.roc(curves: roc, title: "ROC curves, one-vs-rest (\(split))"), "roc.png", "ROC curves") }
        if !pr.isEmpty {
            try save(Charts.precisionRecall(curves: pr, title: "Precision-recall curves, one-vs-rest (\(split))"), "pr.png", "Precision-recall curves")
        }
        let before = Metrics.reliabilityBins(probabilities: raw, truth: labels)
        let after = temperature != 1 ? Metrics.reliabilityBins(probabilities: calibrated, truth: labels) : nil
        try save(Charts.reliability(before: before, after: after,
                                    eceBefore: Metrics.expectedCalibrationError(probabilities: raw, truth: labels, binning: .uniform),
                                    eceAfter: after == nil ? nil : Metrics.expectedCalibrationError(probabilities: calibrated, truth: labels, binning: .uniform),
                                    title: temperature != 1 ? String(format: "Reliability, T = %.2f", temperature)
                                        : "Reliability diagram"),
                 "reliability.png", "Reliability diagram")
        try save(Charts.confusionMatrix(report.confusionMatrix, classNames: names,
                                        title: String(format: "Confusion matrix (%@, threshold %.2f)", split, report.threshold)),
                 "confusion_matrix.png", "Confusion matrix")
        if let metricsLog, FileManager.default.fileExists(atPath: metricsLog.path) {
            let points = try Charts.readMetricsJSONL(metricsLog, runID: runID)
            if !points.isEmpty { try save(Charts.trainingCurves(points), "training_curves.png", "Training curves") }
        }

        let byTitle = Dictionary(uniqueKeysWithValues: figures.map { ($0.title, $0.file) })
        try AtomicFile.write(report.json(), to: directory.appendingPathComponent("report.json").path)
        try AtomicFile.write(Data(report.markdown(figures: byTitle).utf8), to: directory.appendingPathComponent("report.md").path)
        return byTitle
    }
}
