import Foundation
import XCTest
@testable import Data
@testable import Evaluation
@testable import Reports

/// Curves, reliability bins, the canvas and font, and every report figure.
/// With CHART_SAMPLES_DIR set, `testWriteSamples` writes the sample figures there as PNG.
final class ChartTests: XCTestCase {
    // scores 0.9 0.8 0.8 0.4 0.2, truth + + − − +: the 0.8 tie holds a positive and a negative.
    let scores = [0.9, 0.8, 0.8, 0.4, 0.2]
    let isPositive = [true, true, false, false, true]

    func assertPoints(_ got: [(x: Double, y: Double)]?, _ want: [(Double, Double)], file: StaticString = #filePath, line: UInt = #line) {
        guard let got else { return XCTFail("no curve", file: file, line: line) }
        XCTAssertEqual(got.count, want.count, "\(got) vs \(want)", file: file, line: line)
        for (g, w) in zip(got, want) {
            XCTAssertEqual(g.x, w.0, accuracy: 1e-12, "\(got)", file: file, line: line)
            XCTAssertEqual(g.y, w.1, accuracy: 1e-12, "\(got)", file: file, line: line)
        }
    }

    func testROCCurveStepsOncePerThresholdAndMatchesAUC() throws {
        let roc = Metrics.rocCurve(scores: scores, isPositive: isPositive)
        // thresholds 0.9: TP1 FP0; 0.8: TP2 FP1 (the diagonal tie step); 0.4: TP2 FP2; 0.2: TP3 FP2.
        assertPoints(roc, [(0, 0), (0, 1.0 / 3), (0.5, 2.0 / 3), (1, 2.0 / 3), (1, 1)])
        let points = try XCTUnwrap(roc)
        let trapezoid = zip(points, points.dropFirst()).map { ($1.x - $0.x) * ($1.y + $0.y) / 2 }.reduce(0, +)
        XCTAssertEqual(trapezoid, 7.0 / 12, accuracy: 1e-12)
        XCTAssertEqual(trapezoid, try XCTUnwrap(Metrics.aucROC(scores: scores, isPositive: isPositive)), accuracy: 1e-12)
        XCTAssertNil(Metrics.rocCurve(scores: [0.1, 0.2], isPositive: [true, true]))
        XCTAssertNil(Metrics.rocCurve(scores: [0.1, 0.2], isPositive: [false, false]))
        XCTAssertNil(Metrics.rocCurve(scores: [], isPositive: []))
    }

    func testPrecisionRecallCurveMatchesAveragePrecision() throws {
        let pr = Metrics.precisionRecallCurve(scores: scores, isPositive: isPositive)
        assertPoints(pr, [(0, 1), (1.0 / 3, 1), (2.0 / 3, 2.0 / 3), (2.0 / 3, 0.5), (1, 0.6)])
        let points = try XCTUnwrap(pr)
        let ap = zip(points, points.dropFirst()).map { ($1.x - $0.x) * $1.y }.reduce(0, +)
        XCTAssertEqual(ap, 1.0 / 3 + 2.0 / 9 + 0.2, accuracy: 1e-12)
        XCTAssertEqual(ap, try XCTUnwrap(Metrics.averagePrecision(scores: scores, isPositive: isPositive)), accuracy: 1e-12)
        XCTAssertNil(Metrics.precisionRecallCurve(scores: [0.3], isPositive: [false]))
        assertPoints(Metrics.precisionRecallCurve(scores: [0.3, 0.7], isPositive: [true, true]), [(0, 1), (0.5, 1), (1, 1)])
    }

    func testReliabilityBinsByHand() throws {
        let p: [[Double]] = [[0.9, 0.05, 0.05], [0.1, 0.7, 0.2], [0.5, 0.3, 0.2], [0.2, 0.2, 0.6], [0.4, 0.4, 0.2]]
        let truth = [0, 2, 0, 2, 1]          // right, wrong, right, right, wrong (the 0.4 tie argmaxes to 0)
        let bins = Metrics.reliabilityBins(probabilities: p, truth: truth, bins: 5)
        XCTAssertEqual(bins.map(\.count), [0, 1, 2, 1, 1])    // 0.6 sits in (0.4, 0.6]
        XCTAssertEqual(bins.map(\.lowerBound), [0, 0.2, 0.4, 0.6, 0.8])
        XCTAssertEqual(bins.map(\.upperBound), [0.2, 0.4, 0.6, 0.8, 1])
        XCTAssertNil(bins[0].meanConfidence)
        XCTAssertNil(bins[0].accuracy)
        let want: [(Double, Double)] = [(0.4, 0), (0.55, 1), (0.7, 0), (0.9, 1)]
        for (b, w) in zip(bins.dropFirst(), want) {
            XCTAssertEqual(try XCTUnwrap(b.meanConfidence), w.0, accuracy: 1e-12)
            XCTAssertEqual(try XCTUnwrap(b.accuracy), w.1, accuracy: 1e-12)
        }
        let ece = bins.filter { $0.count > 0 }.map { Double($0.count) / 5 * abs($0.meanConfidence! - $0.accuracy!) }.reduce(0, +)
        let expected = try XCTUnwrap(Metrics.expectedCalibrationError(probabilities: p, truth: truth, bins: 5, binning: .uniform))
        XCTAssertEqual(ece, expected, accuracy: 1e-12)
        XCTAssertEqual(Metrics.reliabilityBins(probabilities: [], truth: [], bins: 3).map(\.count), [0, 0, 0])
    }

    func testNiceTicks() {
        let a = Chart.ticks(data: 0.03...0.93, fixed: nil, scale: .linear, integer: false)
        XCTAssertEqual(a.range, 0...1)
        XCTAssertEqual(a.ticks.map { Chart.label($0, ticks: a.ticks, scale: .linear) }, ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        let b = Chart.ticks(data: 1...37, fixed: nil, scale: .linear, integer: true)
        XCTAssertEqual(b.ticks, [0, 10, 20, 30, 40])
        let c = Chart.ticks(data: 2e-6...3e-4, fixed: nil, scale: .log, integer: false)
        XCTAssertEqual(c.range, 1e-6...1e-3)
        XCTAssertEqual(c.ticks.map { Chart.label($0, ticks: c.ticks, scale: .log) }, ["1e-6", "1e-5", "1e-4", "1e-3"])
        let narrow = Chart.ticks(data: 1.5e-4...8e-4, fixed: nil, scale: .log, integer: false)
        XCTAssertEqual(narrow.ticks.map { Chart.label($0, ticks: narrow.ticks, scale: .log) }, ["1e-4", "2e-4", "5e-4", "1e-3"])
        let plain = Chart.ticks(data: 0.03...0.4, fixed: nil, scale: .log, integer: false)
        XCTAssertEqual(plain.ticks.map { Chart.label($0, ticks: plain.ticks, scale: .log) }, ["0.02", "0.05", "0.1", "0.2", "0.5"])
        let d = Chart.ticks(data: 3e-4...3e-4, fixed: nil, scale: .linear, integer: false)
        XCTAssertEqual(d.ticks.map { Chart.label($0, ticks: d.ticks, scale: .linear) }, ["2.7e-4", "2.8e-4", "2.9e-4", "3.0e-4", "3.1e-4", "3.2e-4", "3.3e-4"])
        let e = Chart.ticks(data: 0...0, fixed: nil, scale: .linear, integer: false)
        XCTAssertEqual(e.range, -0.1...0.1)
    }

    func testTextPutsInkWhereTheTextGoes() {
        var canvas = Canvas(width: 120, height: 60)
        canvas.text("Hi", x: 10, y: 10, .black, scale: 2)
        let w = BitmapFont.width(of: "Hi", scale: 2), h = BitmapFont.height(scale: 2)
        XCTAssertEqual(w, 22)
        var inside = 0, outside = 0
        for y in 0..<60 { for x in 0..<120 where canvas.pixel(x: x, y: y) != .white {
            if x >= 10 && x < 10 + w && y >= 10 && y < 10 + h { inside += 1 } else { outside += 1 }
        } }
        XCTAssertGreaterThan(inside, 40)
        XCTAssertEqual(outside, 0)
        XCTAssertEqual(canvas.pixel(x: 10, y: 10), .black)          // top of the H's left stem
        var rotated = Canvas(width: 60, height: 120)
        rotated.verticalText("Hi", x: 5, centerY: 60, .black, scale: 2)
        var box = (x0: 999, y0: 999, x1: -1, y1: -1)
        for y in 0..<120 { for x in 0..<60 where rotated.pixel(x: x, y: y) != .white {
            box = (min(box.x0, x), min(box.y0, y), max(box.x1, x), max(box.y1, y))
        } }
        XCTAssertTrue(box.x0 >= 5 && box.x1 < 5 + h && box.y0 >= 60 - w / 2 && box.y1 < 60 - w / 2 + w, "\(box)")
        XCTAssertGreaterThan(box.y1 - box.y0, box.x1 - box.x0)           // reads upwards: taller than wide
        // The H comes first, so it sits at the bottom; its stems are horizontal bars there.
        XCTAssertEqual(rotated.pixel(x: 5, y: 60 - w / 2 + w - 1), .black)
    }

    func testLinesAndShapes() {
        var canvas = Canvas(width: 50, height: 50)
        canvas.line(from: (5, 25.5), to: (45, 25.5), .black, lineWidth: 3)
        XCTAssertEqual(canvas.pixel(x: 25, y: 25), .black)
        XCTAssertEqual(canvas.pixel(x: 25, y: 20), .white)
        canvas.line(from: (5, 10.5), to: (45, 10.5), .black, lineWidth: 1, dash: (4, 4))
        let row = (0..<50).map { canvas.pixel(x: $0, y: 10) == .black }
        XCTAssertTrue(row[6] && !row[10] && row[14])                    // on 5-9, off 9-13, on 13-17
        canvas.fillCircle(center: (10, 40), radius: 3, .black)
        XCTAssertEqual(canvas.pixel(x: 9, y: 39), .black)
        canvas.strokeRect(x: 30, y: 35, width: 10, height: 10, .black)
        XCTAssertEqual(canvas.pixel(x: 30, y: 40), .black)
        XCTAssertEqual(canvas.pixel(x: 35, y: 40), .white)
        canvas.clip = (0, 0, 10, 10)
        canvas.line(from: (0, 5), to: (50, 5), .black, lineWidth: 1)
        XCTAssertEqual(canvas.pixel(x: 30, y: 5), .white)
    }

    func testReadMetricsJSONL() throws {
        let lines = [
            #"{"split":"val","epoch":1,"phase":1,"lr":0.001,"train_loss":1.2,"nll":1.1,"metrics":{"auc_roc":0.6}}"#,
            #"{"split":"val","epoch":2,"phase":1,"lr":0.0005,"train_loss":"nan","nll":0.9,"metrics":{"auc_roc":0.7}}"#,
            #"{"split":"val","epoch":3,"phase":2,"lr":0.0002,"train_lo"#,                         // cut short
            #"{"split":"val","epoch":2,"phase":1,"lr":0.0004,"train_loss":0.8,"metrics":{"auc_roc":0.75,"f1_macro":0.5}}"#,
            #"{"split":"test","epoch":2,"phase":1,"lr":0.0004,"nll":0.5,"metrics":{"auc_roc":0.99}}"#,
            #"{"split":"val","epoch":"x","phase":1,"lr":0.1}"#,
            "",
            #"{"split":"val","epoch":3,"phase":2,"lr":0.0002,"train_loss":null,"nll":0.7,"metrics":{}}"#,
        ]
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chart-metrics-\(UUID().uuidString).jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let points = try Charts.readMetricsJSONL(url)
        XCTAssertEqual(points, [
            TrainingCurvePoint(epoch: 1, phase: 1, lr: 0.001, trainLoss: 1.2, valNLL: 1.1, metrics: ["auc_roc": 0.6]),
            TrainingCurvePoint(epoch: 2, phase: 1, lr: 0.0004, trainLoss: 0.8, valNLL: nil, metrics: ["auc_roc": 0.75, "f1_macro": 0.5]),
            TrainingCurvePoint(epoch: 3, phase: 2, lr: 0.0002, trainLoss: nil, valNLL: 0.7, metrics: [:]),
        ])
        XCTAssertThrowsError(try Charts.readMetricsJSONL(url.appendingPathExtension("missing")))
    }

    func testEveryChartRendersDeterministicPNG() throws {
        for (name, (render, size)) in Self.samples() {
            let image = render()
            XCTAssertEqual(image.width, size.0, name)
            XCTAssertEqual(image.height, size.1, name)
            let inked = stride(from: 0, to: image.pixels.count, by: 3).filter { image.pixels[$0] < 128 }.count
            XCTAssertGreaterThan(inked, 2000, "\(name) looks blank")
            let png = ImageCodec.encodePNG(image)
            XCTAssertEqual(png, ImageCodec.encodePNG(render()), "\(name) is not deterministic")
            XCTAssertEqual(try ImageCodec.decode(data: png), image, name)
        }
    }

    func testWriteSamples() throws {
        guard let dir = ProcessInfo.processInfo.environment["CHART_SAMPLES_DIR"] else { throw XCTSkip("set CHART_SAMPLES_DIR to write the samples") }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, (render, _)) in Self.samples() {
            try ImageCodec.writePNG(render(), to: URL(fileURLWithPath: dir).appendingPathComponent(name + ".png"))
        }
        var font = Canvas(width: 16 * 6 * 3 + 20, height: 6 * 12 * 3 + 20)
        for k in 0..<95 {
            font.text(String(UnicodeScalar(UInt8(32 + k))), x: 10 + (k % 16) * 18, y: 10 + (k / 16) * 36, .black, scale: 3)
        }
        try ImageCodec.writePNG(font.image, to: URL(fileURLWithPath: dir).appendingPathComponent("font.png"))
    }

    // MARK: A sample report

    /// The sample figures by file name, each with its renderer and expected size.
    static func samples() -> [(String, (() -> RGBImage, (Int, Int)))] {
        var rng = SplitMix(seed: 7)
        let names = ["normal", "benign", "malignant"]
        var probabilities: [[Double]] = [], truth: [Int] = []
        for i in 0..<600 {
            let t = i % 3
            var logits = (0..<3).map { _ in rng.normal() * 1.1 }
            logits[t] += 1.6
            let e = logits.map { exp(2.2 * $0) }, sum = e.reduce(0, +)    // overconfident: sharpened
            probabilities.append(e.map { $0 / sum }); truth.append(t)
        }
        let calibrated = probabilities.map { row -> [Double] in
            let e = row.map { pow($0, 1 / 1.6) }, sum = e.reduce(0, +); return e.map { $0 / sum }
        }
        let roc = (0..<3).map { c in
            (name: names[c], points: Metrics.rocCurve(scores: probabilities.map { $0[c] }, isPositive: truth.map { $0 == c })!,
             auc: Metrics.aucROC(scores: probabilities.map { $0[c] }, isPositive: truth.map { $0 == c }))
        }
        let pr = (0..<3).map { c in
            (name: names[c], points: Metrics.precisionRecallCurve(scores: probabilities.map { $0[c] }, isPositive: truth.map { $0 == c })!,
             averagePrecision: Metrics.averagePrecision(scores: probabilities.map { $0[c] }, isPositive: truth.map { $0 == c }))
        }
        let before = Metrics.reliabilityBins(probabilities: probabilities, truth: truth)
        let after = Metrics.reliabilityBins(probabilities: calibrated, truth: truth)
        let eceBefore = Metrics.expectedCalibrationError(probabilities: probabilities, truth: truth, binning: .uniform)
        let eceAfter = Metrics.expectedCalibrationError(probabilities: calibrated, truth: truth, binning: .uniform)
        let cm = Metrics.confusionMatrix(truth: truth, predicted: Metrics.argmaxPredictions(probabilities), classCount: 3)
        var records: [TrainingCurvePoint] = []
        let phases = [(1, 6, 1e-3), (2, 10, 3e-4), (3, 12, 1e-4), (4, 12, 3e-5)]
        var epoch = 0
        for (phase, epochs, peak) in phases {
            for k in 0..<epochs {
                epoch += 1
                let progress = Double(epoch) / 40, noise = rng.normal() * 0.02
                let lr = k == 0 ? peak * 0.3 : peak * 0.5 * (1 + cos(Double.pi * Double(k) / Double(epochs)))
                records.append(TrainingCurvePoint(
                    epoch: epoch, phase: phase, lr: lr, trainLoss: 1.1 * exp(-2.2 * progress) + 0.15 + noise,
                    valNLL: 1.05 * exp(-1.6 * progress) + 0.3 + noise * 1.5 + (epoch > 30 ? 0.01 * Double(epoch - 30) : 0),
                    metrics: ["balanced_accuracy": 0.4 + 0.45 * (1 - exp(-3 * progress)) + noise,
                              "auc_roc": 0.6 + 0.33 * (1 - exp(-3.5 * progress)) + noise / 2,
                              "f1_macro": 0.35 + 0.45 * (1 - exp(-2.8 * progress)) + noise,
                              "sensitivity": 0.5 + 0.4 * (1 - exp(-3 * progress)) - noise,
                              "specificity": 0.7 + 0.2 * (1 - exp(-2 * progress)) + noise]))
            }
        }
        return [
            ("roc", ({ Charts.roc(curves: roc, title: "ROC curves, one-vs-rest (test)") }, (900, 700))),
            ("pr", ({ Charts.precisionRecall(curves: pr, title: "Precision-recall (one vs rest)") }, (900, 700))),
            ("reliability", ({ Charts.reliability(before: before, after: after, eceBefore: eceBefore, eceAfter: eceAfter) }, (900, 700))),
            ("reliability-single", ({ Charts.reliability(before: before, after: nil, eceBefore: eceBefore, eceAfter: nil) }, (900, 700))),
            ("confusion", ({ Charts.confusionMatrix(cm, classNames: names, title: "Confusion matrix (test)") }, (800, 700))),
            ("training", ({ Charts.trainingCurves(records) }, (900, 1200))),
            ("training-close-phases", ({ Charts.trainingCurves(records.prefix(12).enumerated().map { k, r in
                var r = r; r.phase = k < 6 ? 1 : k < 7 ? 2 : k < 11 ? 3 : 4; return r
            }) }, (900, 1200))),
            ("confusion-many", ({ Charts.confusionMatrix((0..<6).map { i in (0..<6).map { j in i == j ? 40 + 9 * i : (i * 7 + j * 3) % 11 } },
                                                         classNames: ["normal", "benign", "malignant", "architectural distortion", "calc", "x"],
                                                         title: "Confusion matrix (validation, threshold 0.35), six classes with long names") }, (800, 700))),
            ("training-short", ({ Charts.trainingCurves(Array(records.prefix(1))) }, (900, 1200))),
        ]
    }
}

/// A small deterministic generator (SplitMix64) with Box-Muller normals.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func normal() -> Double { (-2 * log(max(uniform(), 1e-300))).squareRoot() * cos(2 * .pi * uniform()) }
}
