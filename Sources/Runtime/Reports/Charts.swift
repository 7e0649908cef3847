import Foundation
import Data
import Evaluation
import Formats

/// One validation epoch of `logs/metrics.jsonl`, as the training-curve figure plots it.
public struct TrainingCurvePoint: Sendable, Equatable {
    public var epoch: Int
    public var phase: Int
    public var lr: Double
    public var trainLoss: Double?
    /// Mean negative log-likelihood on the validation split.
    public var valNLL: Double?
    /// Validation metrics by config name (`balanced_accuracy`, `auc_roc`, ...).
    public var metrics: [String: Double]

    public init(epoch: Int, phase: Int, lr: Double, trainLoss: Double?, valNLL: Double?, metrics: [String: Double]) {
        self.epoch = epoch; self.phase = phase; self.lr = lr; self.trainLoss = trainLoss; self.valNLL = valNLL; self.metrics = metrics
    }
}

/// The evaluation report's figures, each an `RGBImage` to write with `ImageCodec.writePNG`.
public enum Charts {
    /// ROC curves (false positive rate → true positive rate), one per class or model, with the
    /// chance diagonal; the legend reads "name (AUC 0.912)".
    public static func roc(curves: [(name: String, points: [(x: Double, y: Double)], auc: Double?)],
                           title: String = "ROC curve", width: Int = 900, height: Int = 700) -> RGBImage {
        var chart = Chart(title: title, xAxis: .init(title: "False positive rate", range: 0...1),
                          yAxis: .init(title: "True positive rate", range: 0...1))
        chart.series = curves.map { .init(name: $0.name + ($0.auc.map { " (AUC \(fixed($0, 3)))" } ?? ""), points: $0.points) }
        chart.diagonal = "chance"
        return chart.render(width: width, height: height)
    }

    /// Precision-recall curves (recall → precision) with the legend "name (AP 0.873)".
    public static func precisionRecall(curves: [(name: String, points: [(x: Double, y: Double)], averagePrecision: Double?)],
                                       title: String = "Precision-recall curve", width: Int = 900, height: Int = 700) -> RGBImage {
        var chart = Chart(title: title, xAxis: .init(title: "Recall", range: 0...1), yAxis: .init(title: "Precision", range: 0...1))
        chart.series = curves.map {
            .init(name: $0.name + ($0.averagePrecision.map { " (AP \(fixed($0, 3)))" } ?? ""), points: $0.points)
        }
        return chart.render(width: width, height: height)
    }

    /// A reliability diagram: accuracy against mean top-class confidence per bin, before and
    /// (optionally) after calibration, with the diagonal of perfect calibration and each bin's
    /// share of samples as bars along the bottom (the fullest bin a quarter of the height).
    public static func reliability(before: [Metrics.ReliabilityBin], after: [Metrics.ReliabilityBin]?,
                                   eceBefore: Double?, eceAfter: Double?, title: String = "Reliability diagram",
                                   width: Int = 900, height: Int = 700) -> RGBImage {
        var chart = Chart(title: title, xAxis: .init(title: "Mean confidence (top class)", range: 0...1),
                          yAxis: .init(title: "Accuracy", range: 0...1))
        chart.diagonal = "perfect calibration"
        let states = [(after == nil ? "model" : "before calibration", before, eceBefore, Chart.palette[1])]
            + (after.map { [("after calibration", $0, eceAfter, Chart.palette[0])] } ?? [])
        let most = Double(max(states.flatMap { $0.1.map(\.count) }.max() ?? 0, 1))
        for (k, (name, bins, ece, color)) in states.enumerated() {
            let points = bins.compactMap { b in b.meanConfidence.flatMap { c in b.accuracy.map { (x: c, y: $0) } } }
            chart.series.append(.init(name: name + (ece.map { " (ECE \(fixed($0, 3)))" } ?? ""), points: points,
                                      color: color, style: .lineAndMarkers))
            let tint = color.mixed(with: .white, 0.6)
            for b in bins where b.count > 0 {                // side by side when there are two states
                let w = (b.upperBound - b.lowerBound) / Double(states.count)
                let x0 = b.lowerBound + w * Double(k)
                chart.bars.append(.init(x0: x0 + w * 0.08, x1: x0 + w * 0.92, fraction: 0.25 * Double(b.count) / most, color: tint))
            }
            chart.legendExtras.append(.init(name: "samples per bin" + (after == nil ? "" : k == 0 ? " (before)" : " (after)"),
                                            color: tint, isBox: true))
        }
        // Over-confident curves fill the upper left, under-confident ones the lower right: the
        // legend goes below the plot so it never covers either.
        chart.legend = .below
        return chart.render(width: width, height: height)
    }

    /// A confusion-matrix heatmap, truth down the rows and predictions across the columns; each
    /// cell shows its count and its share of the row (recall on the diagonal), coloured by that share.
    public static func confusionMatrix(_ counts: [[Int]], classNames: [String], title: String,
                                       width: Int = 800, height: Int = 700) -> RGBImage {
        let n = counts.count
        precondition(counts.allSatisfy { $0.count == n } && classNames.count == n, "confusion matrix must be n×n with n class names")
        var canvas = Canvas(width: width, height: height)
        let s = 2, lineH = BitmapFont.height(scale: s)
        let heading = Canvas.fitting(title, width: width - 24, preferred: 3)
        canvas.text(heading.text, x: width / 2, y: 14 + (3 - heading.scale) * 4, .black, scale: heading.scale, alignment: .center, bold: true)
        let barW = 20, barLabelW = Canvas.textWidth("100%", scale: s)
        let nameW = min(classNames.map { Canvas.textWidth($0, scale: s) }.max() ?? 0, width / 4)
        let areaX = 12 + lineH + 14 + nameW + 10, areaY = 14 + 24 + 24
        let areaW = width - areaX - (24 + barW + 8 + barLabelW + 12), areaH = height - areaY - (10 + lineH + 12 + lineH + 14)
        guard n > 0, areaW > 20, areaH > 20 else { return canvas.image }
        let cell = min(areaW, areaH) / n, gridX = areaX + (areaW - cell * n) / 2, gridY = areaY + (areaH - cell * n) / 2
        for (i, row) in counts.enumerated() {
            let total = row.reduce(0, +)
            for (j, count) in row.enumerated() {
                let share = total > 0 ? Double(count) / Double(total) : 0
                let fill = heat(share), ink: Canvas.Color = fill.luminance < 0.5 ? .white : .black
                let x = gridX + j * cell, y = gridY + i * cell
                canvas.fillRect(x: x, y: y, width: cell, height: cell, fill)
                let countText = String(count), shareText = total > 0 ? fixed(100 * share, 1) + "%" : "-"
                let fits = [(3, 2), (2, 2), (2, 1), (1, 1)].first { big, small in
                    max(Canvas.textWidth(countText, scale: big, bold: true), Canvas.textWidth(shareText, scale: small)) <= cell - 8
                        && BitmapFont.height(scale: big) + 8 + BitmapFont.height(scale: small) <= cell - 6
                }
                if let (big, small) = fits {
                    let block = BitmapFont.height(scale: big) + 8 + BitmapFont.height(scale: small), top = y + (cell - block) / 2
                    canvas.text(countText, x: x + cell / 2, y: top, ink, scale: big, alignment: .center, bold: true)
                    canvas.text(shareText, x: x + cell / 2, y: top + block - BitmapFont.height(scale: small), ink, scale: small, alignment: .center)
                } else {
                    canvas.text(countText, x: x + cell / 2, y: y + (cell - 8) / 2, ink, scale: 1, alignment: .center)
                }
            }
        }
        for k in 0...n {                                     // cell borders
            canvas.fillRect(x: gridX + k * cell, y: gridY, width: 1, height: cell * n + 1, .white)
            canvas.fillRect(x: gridX, y: gridY + k * cell, width: cell * n + 1, height: 1, .white)
        }
        canvas.strokeRect(x: gridX - 1, y: gridY - 1, width: cell * n + 3, height: cell * n + 3, .black)
        for (k, name) in classNames.enumerated() {
            let label = truncated(name, to: min(nameW, cell - 4), scale: s)
            canvas.text(truncated(name, to: nameW, scale: s), x: gridX - 10, y: gridY + k * cell + cell / 2 - lineH / 2, .black, scale: s, alignment: .right)
            canvas.text(label, x: gridX + k * cell + cell / 2, y: gridY + cell * n + 10, .black, scale: s, alignment: .center)
        }
        canvas.text("Predicted class", x: gridX + cell * n / 2, y: gridY + cell * n + 10 + lineH + 12, .black, scale: s, alignment: .center)
        canvas.verticalText("True class", x: 12, centerY: gridY + cell * n / 2, .black, scale: s)
        // Colour bar of the row share, 0% at the bottom.
        let barX = gridX + cell * n + 24, barH = cell * n
        for y in 0..<barH { canvas.fillRect(x: barX, y: gridY + y, width: barW, height: 1, heat(1 - Double(y) / Double(max(barH - 1, 1)))) }
        canvas.strokeRect(x: barX - 1, y: gridY - 1, width: barW + 2, height: barH + 2, .black)
        for share in [0.0, 0.25, 0.5, 0.75, 1.0] {
            let y = gridY + Int((1 - share) * Double(barH - 1))
            canvas.fillRect(x: barX + barW + 1, y: y, width: 4, height: 1, .black)
            canvas.text("\(Int(share * 100))%", x: barX + barW + 8, y: y - lineH / 2 + 1, .black, scale: s)
        }
        return canvas.image
    }

    /// Training curves from the validation records: three stacked panels sharing the epoch axis,
    /// losses (train loss, validation NLL), validation metrics (those present of
    /// balanced_accuracy, auc_roc, f1_macro, sensitivity, specificity, on 0–1) and the learning
    /// rate (log scale when it spans a factor of 10 or more), with a dashed line labelled
    /// "phase N" where each phase after the first begins.
    public static func trainingCurves(_ records: [TrainingCurvePoint], title: String = "Training curves",
                                      width: Int = 900, height: Int = 1200) -> RGBImage {
        let records = records.sorted { $0.epoch < $1.epoch }
        var canvas = Canvas(width: width, height: height)
        let heading = Canvas.fitting(title, width: width - 24, preferred: 3)
        canvas.text(heading.text, x: width / 2, y: 14 + (3 - heading.scale) * 4, .black, scale: heading.scale, alignment: .center, bold: true)
        let first = Double(records.first?.epoch ?? 0), last = Double(records.last?.epoch ?? 1)
        let epochs = first < last ? first...last : (first - 1)...(last + 1)
        let markers = zip(records, records.dropFirst()).compactMap { a, b in
            a.phase != b.phase ? Chart.Marker(x: Double(b.epoch) - 0.5, label: "phase \(b.phase)") : nil
        }
        func line(_ name: String, _ value: (TrainingCurvePoint) -> Double?) -> Chart.Series? {
            let points = records.compactMap { r in value(r).map { (x: Double(r.epoch), y: $0) } }
            return points.isEmpty ? nil : Chart.Series(name: name, points: points)
        }
        let lrs = records.map(\.lr).filter { $0.isFinite }
        let logLR = !lrs.isEmpty && lrs.allSatisfy { $0 > 0 } && lrs.max()! >= 10 * lrs.min()!
        let names = ["balanced_accuracy", "auc_roc", "f1_macro", "sensitivity", "specificity"]
        let panels: [(String, String, ClosedRange<Double>?, Chart.Scale, [Chart.Series])] = [
            ("Loss", "loss", nil, .linear, [line("train loss", \.trainLoss), line("val NLL", \.valNLL)].compactMap { $0 }),
            ("Validation metrics", "metric", 0...1, .linear, names.compactMap { name in line(name) { $0.metrics[name] } }),
            ("Learning rate", "learning rate", nil, logLR ? .log : .linear, [line("lr") { $0.lr }].compactMap { $0 }),
        ]
        let top = 14 + 24 + 8, panelH = (height - top) / panels.count
        for (k, (name, yTitle, range, scale, series)) in panels.enumerated() {
            var chart = Chart(title: name, xAxis: .init(title: "epoch", range: epochs, integerTicks: true),
                              yAxis: .init(title: yTitle, range: range, scale: scale), series: series)
            chart.markers = markers
            chart.titleScale = 2
            chart.minimumYLabelWidth = Canvas.textWidth("0.0000", scale: 2)
            chart.legend = name == "Learning rate" ? .hidden : .below
            chart.draw(on: &canvas, x: 0, y: top + k * panelH, width: width, height: panelH)
        }
        return canvas.image
    }

    /// The validation records of a `metrics.jsonl`: lines whose `split` is "val" with an integer
    /// `epoch` and `phase` and a numeric `lr` (`train_loss`, `nll` and `metrics` optional; the
    /// strings "nan", "inf", "-inf" read as numbers). A later line for an epoch replaces an
    /// earlier one (a resumed run); malformed lines are skipped. Sorted by epoch. With `runID`, only
    /// that run's records (`"run_id"`); a log folder can hold several runs.
    public static func readMetricsJSONL(_ url: URL, runID: String? = nil) throws -> [TrainingCurvePoint] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw RuntimeError.io(path: url.path, problem: "cannot read the metrics log: \(error.localizedDescription)")
        }
        return parseMetricsJSONL(data, runID: runID)
    }

    /// `readMetricsJSONL` on the file's bytes.
    static func parseMetricsJSONL(_ data: Data, runID: String? = nil) -> [TrainingCurvePoint] {
        func number(_ v: Any?) -> Double? {
            if let s = v as? String { return ["nan": .nan, "inf": .infinity, "-inf": -.infinity][s] }
            if let i = v as? Int { return Double(i) }
            return v as? Double
        }
        func integer(_ v: Any?) -> Int? { number(v).flatMap { $0.isFinite && $0 == $0.rounded() ? Int(exactly: $0) : nil } }
        var byEpoch: [Int: TrainingCurvePoint] = [:]
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any],
                  object["split"] as? String == "val", runID == nil || object["run_id"] as? String == runID,
                  let epoch = integer(object["epoch"]),
                  let phase = integer(object["phase"]), let lr = number(object["lr"]) else { continue }
            let metrics = (object["metrics"] as? [String: Any] ?? [:]).compactMapValues { number($0) }
            byEpoch[epoch] = TrainingCurvePoint(epoch: epoch, phase: phase, lr: lr, trainLoss: number(object["train_loss"]),
                                                valNLL: number(object["nll"]), metrics: metrics)
        }
        return byEpoch.keys.sorted().map { byEpoch[$0]! }
    }

    // MARK: Helpers

    /// `v` with `decimals` digits after the point.
    static func fixed(_ v: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", v) }

    /// The sequential blue of a share in [0, 1] (ColorBrewer Blues, light to dark).
    static func heat(_ share: Double) -> Canvas.Color {
        let stops: [Canvas.Color] = [0xF7FBFF, 0xC6DBEF, 0x6BAED6, 0x2171B5, 0x08306B].map { Canvas.Color(hex: $0) }
        let t = min(max(share, 0), 1) * Double(stops.count - 1), k = min(Int(t), stops.count - 2)
        return stops[k].mixed(with: stops[k + 1], t - Double(k))
    }

    /// `text` shortened with ".." to fit `width` pixels at `scale`.
    static func truncated(_ text: String, to width: Int, scale: Int) -> String {
        guard Canvas.textWidth(text, scale: scale) > width else { return text }
        var t = text
        while !t.isEmpty && Canvas.textWidth(t + "..", scale: scale) > width { t.removeLast() }
        return t + ".."
    }
}
