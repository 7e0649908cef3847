import Foundation
import XCTest
import Graph
@testable import Data
@testable import Evaluation
@testable import Reports
@testable import Training

/// TTA views image by image, temperature scaling on synthetic logits, the bootstrap, and every
/// number of the evaluation report against values worked out by hand.
final class EvaluationTests: XCTestCase {
    private func assertClose(_ a: Double?, _ b: Double, _ tol: Double = 1e-12, _ what: String = "",
                             file: StaticString = #filePath, line: UInt = #line) {
        guard let a else { return XCTFail("\(what): nil, expected \(b)", file: file, line: line) }
        XCTAssertEqual(a, b, accuracy: tol, what, file: file, line: line)
    }

    // MARK: TTA

    /// Channel c of pixel (x, y) = (x + 10·y + 100·c) / 1000: every pixel differs.
    private func gradient(_ w: Int, _ h: Int) -> FloatImage {
        var v = [Float]()
        for y in 0..<h { for x in 0..<w { for c in 0..<3 { v.append(Float(x + 10 * y + 100 * c) / 1000) } } }
        return FloatImage(width: w, height: h, values: v)
    }

    func testFlipsMirrorAGradientExactly() {
        let img = gradient(5, 4)
        let h = TTAView.horizontalFlip.apply(img), v = TTAView.verticalFlip.apply(img)
        for y in 0..<4 { for x in 0..<5 { for c in 0..<3 {
            XCTAssertEqual(h.values[(y * 5 + x) * 3 + c], Float((4 - x) + 10 * y + 100 * c) / 1000)
            XCTAssertEqual(v.values[(y * 5 + x) * 3 + c], Float(x + 10 * (3 - y) + 100 * c) / 1000)
        }}}
        XCTAssertEqual(TTAView.original.apply(img), img)
    }

    func testBrightnessScalesAndClamps() {
        let img = FloatImage(width: 2, height: 1, values: [0, 0.5, 0.9, 0.96, 1, 0.2])
        let b = TTAView.brightness5.apply(img)
        // 1.05·x: 0, 0.525, 0.945, 1.008 → 1, 1.05 → 1, 0.21
        for (got, want) in zip(b.values, [0, 0.525, 0.945, 1, 1, 0.21] as [Float]) { XCTAssertEqual(got, want, accuracy: 1e-6) }
    }

    func testContrastBlendsWithTheGrayMean() {
        let img = FloatImage(width: 2, height: 1, values: [0.2, 0.4, 0.6, 1, 1, 1])
        // gray = 0.299 R + 0.587 G + 0.114 B: 0.0598 + 0.2348 + 0.0684 = 0.363 and 1; mean 0.6815.
        // out = 1.05·x − 0.05·0.6815 = 1.05·x − 0.034075: 0.175925, 0.385925, 0.595925, 1.015925 → 1.
        let c = TTAView.contrast5.apply(img)
        for (got, want) in zip(c.values, [0.175925, 0.385925, 0.595925, 1, 1, 1] as [Float]) { XCTAssertEqual(got, want, accuracy: 1e-6) }
    }

    func testRotateMovesASinglePixelWhereTheRotationSays() {
        // 41×41, centre (20, 20); a pixel 20 to the right of the centre. Rotating 5° counter-clockwise
        // on screen (y down): (dx, dy) → (dx cos5 + dy sin5, −dx sin5 + dy cos5)
        // = (19.924, −1.743) → pixel (39.92, 18.26), nearest (40, 18).
        var img = FloatImage(width: 41, height: 41, values: [Float](repeating: 0, count: 41 * 41 * 3))
        for c in 0..<3 { img.values[(20 * 41 + 40) * 3 + c] = 0.5 + Float(c) / 10 }
        let r = TTAView.rotate5.apply(img)
        let a = 5.0 * Double.pi / 180
        let x = Int((20 + 20 * cos(a)).rounded()), y = Int((20 - 20 * sin(a)).rounded())
        XCTAssertEqual([x, y], [40, 18])
        for c in 0..<3 { XCTAssertEqual(r.values[(y * 41 + x) * 3 + c], 0.5 + Float(c) / 10) }
        XCTAssertEqual(r.values.filter { $0 != 0 }.count, 3, "the pixel appears exactly once")
        // The centre pixel stays.
        var centre = FloatImage(width: 41, height: 41, values: [Float](repeating: 0, count: 41 * 41 * 3))
        centre.values[(20 * 41 + 20) * 3] = 1
        XCTAssertEqual(TTAView.rotate5.apply(centre).values[(20 * 41 + 20) * 3], 1)
    }

    func testViewNamesAndAveraging() throws {
        XCTAssertEqual(try TTAView.views(TrainingConfig.ttaTransformNames), TTAView.allCases)
        XCTAssertEqual(TTAView.allCases.map(\.rawValue), TrainingConfig.ttaTransformNames)
        XCTAssertThrowsError(try TTAView.views(["original", "rotate_90"])) { error in
            XCTAssertTrue("\(error)".contains("'rotate_90'"), "\(error)")
        }
        // Two views, two samples: means (0.2+0.4)/2, (0.8+0.6)/2 and (1+0.5)/2, (0+0.5)/2.
        let mean = TTAView.average([[[0.2, 0.8], [1, 0]], [[0.4, 0.6], [0.5, 0.5]]])
        for (got, want) in zip(mean.joined(), [0.3, 0.7, 0.75, 0.25]) { XCTAssertEqual(got, want, accuracy: 1e-15) }
    }

    // MARK: Temperature scaling

    /// `n` samples of 3 classes: z_true ~ N(0, 1.5²) per class, label ~ softmax(z_true), logits = scale·z_true.
    private func synthetic(n: Int, scale: Double, seed: UInt64) -> (logits: [[Double]], labels: [Int]) {
        var rng = SplitMix64(seed: seed)
        var logits = [[Double]](), labels = [Int]()
        for _ in 0..<n {
            let z = (0..<3).map { _ in 1.5 * rng.normal() }
            let p = TemperatureScaling.softmax(z, temperature: 1)
            let u = rng.unit()
            labels.append(u < p[0] ? 0 : (u < p[0] + p[1] ? 1 : 2))
            logits.append(z.map { scale * $0 })
        }
        return (logits, labels)
    }

    func testTemperatureRecoversThreeFromOverconfidentLogits() {
        let (logits, labels) = synthetic(n: 4000, scale: 3, seed: 11)
        let fit = TemperatureScaling.fit(logits: logits, labels: labels, initial: 1.3)
        XCTAssertEqual(fit.temperature, 3, accuracy: 0.15)
        XCTAssertLessThan(fit.nllAfter, fit.nllBefore)
        XCTAssertLessThan(fit.eceAfter, fit.eceBefore)
        assertClose(fit.nllAfter, TemperatureScaling.nll(logits: logits, labels: labels, temperature: fit.temperature), 1e-12)
        // At the optimum the derivative vanishes: NLL(T·(1±1%)) is not lower.
        for f in [0.99, 1.01] {
            XCTAssertGreaterThanOrEqual(TemperatureScaling.nll(logits: logits, labels: labels, temperature: fit.temperature * f), fit.nllAfter)
        }
        // The Float overload agrees.
        let fitF = TemperatureScaling.fit(logits: logits.map { $0.map(Float.init) }, labels: labels, initial: 1.3)
        XCTAssertEqual(fitF.temperature, fit.temperature, accuracy: 1e-4)
    }

    func testCalibratedLogitsGiveTemperatureOne() {
        let (logits, labels) = synthetic(n: 4000, scale: 1, seed: 12)
        let fit = TemperatureScaling.fit(logits: logits, labels: labels, initial: 1.3)
        XCTAssertEqual(fit.temperature, 1, accuracy: 0.08)
        XCTAssertLessThanOrEqual(fit.nllAfter, fit.nllBefore)
        XCTAssertLessThan(fit.iterations, 20)
    }

    func testSoftmaxAtATemperature() {
        // softmax([0, ln 2, ln 4] / 2) = [1, √2, 2] / (3 + √2)
        let p = TemperatureScaling.softmax([0, log(2), log(4)], temperature: 2)
        let s = 3 + 2.0.squareRoot()
        for (got, want) in zip(p, [1 / s, 2.0.squareRoot() / s, 2 / s]) { XCTAssertEqual(got, want, accuracy: 1e-15) }
    }

    // MARK: Bootstrap

    func testPercentileIsNumpysLinearRule() {
        // numpy.percentile([1, 2, 4, 8], [0, 2.5, 50, 97.5, 100]): h = 3q → 1, 1.075, 3, 7.7, 8.
        let x: [Double] = [1, 2, 4, 8]
        for (q, want) in [(0.0, 1.0), (0.025, 1.075), (0.5, 3.0), (0.975, 7.7), (1.0, 8.0)] {
            XCTAssertEqual(Bootstrap.percentile(sorted: x, q), want, accuracy: 1e-12, "q \(q)")
        }
    }

    func testBootstrapIsDeterministicAndBracketsAccuracy() {
        let correct = [1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1, 1, 0, 1].map(Double.init)  // 15 of 20
        let accuracy: ([Int]) -> Double? = { idx in idx.map { correct[$0] }.reduce(0, +) / Double(idx.count) }
        let a = Bootstrap.interval(samples: 20, seed: 7, metric: accuracy)
        let b = Bootstrap.interval(samples: 20, seed: 7, metric: accuracy)
        let c = Bootstrap.interval(samples: 20, seed: 8, metric: accuracy)
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, c)
        guard let a else { return XCTFail("no interval") }
        XCTAssertEqual(a.replicates, 1000)
        XCTAssertLessThan(a.lower, 0.75); XCTAssertGreaterThan(a.upper, 0.75)
        // Binomial sd √(0.75·0.25/20) ≈ 0.097: the 95% interval is about ±0.19.
        XCTAssertEqual(a.lower, 0.55, accuracy: 0.06); XCTAssertEqual(a.upper, 0.95, accuracy: 0.06)
        // The multi-metric form gives the same interval on the same resamples.
        XCTAssertEqual(Bootstrap.intervals(samples: 20, seed: 7, count: 2) { [accuracy($0), nil] }, [a, nil])
    }

    func testBootstrapSkipsResamplesWhereTheMetricIsUndefined() {
        // One positive among 4: a resample misses it with probability (3/4)^4 ≈ 0.32; sensitivity is then undefined.
        let isPositive = [true, false, false, false]
        var undefined = 0
        let ci = Bootstrap.interval(samples: 4, seed: 3) { idx -> Double? in
            guard idx.contains(where: { isPositive[$0] }) else { undefined += 1; return nil }
            return 1
        }
        XCTAssertEqual(ci?.replicates, 1000 - undefined)
        XCTAssertEqual(Double(undefined), 316, accuracy: 60)
        XCTAssertEqual(ci?.lower, 1); XCTAssertEqual(ci?.upper, 1)
        XCTAssertNil(Bootstrap.interval(samples: 4, seed: 3) { _ in nil })
        XCTAssertNil(Bootstrap.interval(samples: 0, seed: 3) { _ in 1 })
    }

    // MARK: Report

    /// Classes normal, benign, malignant (2); benign absent from the truth; ties at P(m) = 0.4 and 0.3.
    private let names = ["normal", "benign", "malignant"]
    private let probabilities: [[Double]] = [
        [0.7, 0.2, 0.1],   // 0 normal
        [0.3, 0.3, 0.4],   // 0 normal     (tied with the next-but-one)
        [0.2, 0.5, 0.3],   // 0 normal
        [0.3, 0.3, 0.4],   // 2 malignant
        [0.1, 0.1, 0.8],   // 2 malignant
        [0.6, 0.1, 0.3],   // 2 malignant
    ]
    private let labels = [0, 0, 0, 2, 2, 2]

    func testReportOnAHandMadeExample() {
        let r = EvaluationReport(probabilities: probabilities, labels: labels, classNames: names, malignant: 2, threshold: 0.4,
                                 split: "test", checkpoint: "best", bootstrapReplicates: 200, seed: 1)
        // Predictions at t = 0.4 (malignant if P(m) ≥ 0.4, else argmax of the others, first on ties):
        // 0, 2, 1, 2, 2, 0.
        XCTAssertEqual(r.confusionMatrix, [[1, 1, 1], [0, 0, 0], [1, 0, 2]])
        XCTAssertEqual(r.samples, 6)
        assertClose(r.accuracy.value, 3.0 / 6, 1e-12, "accuracy")                          // (1 + 0 + 2) / 6
        assertClose(r.balancedAccuracy.value, (1.0 / 3 + 2.0 / 3) / 2, 1e-12, "balanced")  // benign has no support
        // F1 = 2TP/(2TP+FP+FN): normal 2/(2+1+2) = 0.4; benign 0/(0+1+0) = 0; malignant 4/(4+1+1) = 2/3.
        let f1 = [0.4, 0, 2.0 / 3]
        for c in 0..<3 { assertClose(r.perClass[c].f1.value, f1[c], 1e-12, "F1 \(names[c])") }
        assertClose(r.f1Macro.value, (0.4 + 0 + 2.0 / 3) / 3, 1e-12, "F1 macro")          // benign predicted → counted
        assertClose(r.f1Weighted.value, (0.4 * 3 + 2.0 / 3 * 3) / 6, 1e-12, "F1 weighted")
        XCTAssertEqual(r.perClass.map(\.support), [3, 0, 3])
        // AUC malignant: positives {0.4, 0.8, 0.3} vs negatives {0.1, 0.4, 0.3}, ties ½:
        // 0.4 → 1 + ½ + 1, 0.8 → 3, 0.3 → 1 + 0 + ½; 7/9.
        assertClose(r.aucROC.value, 7.0 / 9, 1e-12, "AUC malignant")
        // AUC normal: positives {0.7, 0.3, 0.2} vs {0.3, 0.1, 0.6}: 3 + (½ + 1) + 1 = 5.5 of 9.
        assertClose(r.perClass[0].aucOvR.value, 5.5 / 9, 1e-12, "AUC normal")
        XCTAssertNil(r.perClass[1].aucOvR.value, "benign never in the truth")
        XCTAssertEqual(r.perClass[1].aucOvR.ciReplicates, 0)
        assertClose(r.perClass[2].aucOvR.value, 7.0 / 9, 1e-12, "AUC malignant per class")
        assertClose(r.aucMacro.value, (5.5 / 9 + 7.0 / 9) / 2, 1e-12, "AUC macro")        // defined classes only
        // AUC-PR: thresholds 0.8 (R 1/3, P 1), 0.4 (R 2/3, P 2/3), 0.3 (R 1, P 3/5):
        // 1/3·1 + 1/3·2/3 + 1/3·3/5 = 34/45.
        assertClose(r.aucPR.value, 34.0 / 45, 1e-12, "AUC-PR")
        // t = 0.4: called [F,T,F,T,T,F] vs truth [F,F,F,T,T,T]: TP 2, FP 1, TN 2, FN 1.
        XCTAssertEqual(r.atThreshold.counts, Metrics.Binary(tp: 2, fp: 1, tn: 2, fn: 1))
        for (e, v) in [(r.atThreshold.sensitivity, 2.0 / 3), (r.atThreshold.specificity, 2.0 / 3),
                       (r.atThreshold.ppv, 2.0 / 3), (r.atThreshold.npv, 2.0 / 3)] { assertClose(e.value, v) }
        // t = 0.5: only 0.8 called: TP 1, FP 0, TN 3, FN 2 → 1/3, 1, 1, 3/5.
        XCTAssertEqual(r.atHalf.counts, Metrics.Binary(tp: 1, fp: 0, tn: 3, fn: 2))
        for (e, v) in [(r.atHalf.sensitivity, 1.0 / 3), (r.atHalf.specificity, 1.0),
                       (r.atHalf.ppv, 1.0), (r.atHalf.npv, 3.0 / 5)] { assertClose(e.value, v) }
        // ECE: confidence 0.7, 0.4, 0.5, 0.4, 0.8, 0.6; argmax correct 1, 0, 0, 1, 1, 0.
        // Adaptive (6 samples, 15 bins: one per bin): (0.3 + 0.4 + 0.5 + 0.6 + 0.2 + 0.6)/6 = 2.6/6.
        assertClose(r.eceAdaptive.value, 2.6 / 6, 1e-12, "ECE adaptive")
        // Uniform: the two 0.4s share a bin (|0.4 − ½|·2/6), the rest alone: (0.2 + 0.5 + 0.3 + 0.2 + 0.6)/6 = 1.8/6.
        assertClose(r.eceUniform.value, 1.8 / 6, 1e-12, "ECE uniform")
        // Brier: 0.14 + 0.74 + 0.98 + 0.54 + 0.06 + 0.86 = 3.32, / 6.
        assertClose(r.brier.value, 3.32 / 6, 1e-12, "Brier")
        // Every defined metric has an ordered interval inside [0, 1] from at most 200 resamples.
        for (label, e) in r.rows() where e.value != nil {
            guard let lo = e.ciLower, let hi = e.ciUpper else { XCTFail("\(label): no interval"); continue }
            XCTAssertTrue(0 <= lo && lo <= hi && hi <= 1, "\(label): [\(lo), \(hi)]")
            XCTAssertGreaterThan(e.ciReplicates, 0); XCTAssertLessThanOrEqual(e.ciReplicates, 200)
        }
        // Same seed, same report; the AUC is undefined in the resamples without a malignant or without a negative.
        XCTAssertEqual(r, EvaluationReport(probabilities: probabilities, labels: labels, classNames: names, malignant: 2,
                                           threshold: 0.4, split: "test", checkpoint: "best", bootstrapReplicates: 200, seed: 1))
        XCTAssertLessThan(r.aucROC.ciReplicates, 200)
        XCTAssertEqual(r.accuracy.ciReplicates, 200)
    }

    func testReportWithPerfectScores() {
        let r = EvaluationReport(probabilities: [[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 0, 1]], labels: [0, 1, 2, 2],
                                 classNames: names, malignant: 2, threshold: 0.4, split: "val", checkpoint: "c", bootstrapReplicates: 50, seed: 2)
        XCTAssertEqual(r.confusionMatrix, [[1, 0, 0], [0, 1, 0], [0, 0, 2]])
        for e in [r.accuracy, r.balancedAccuracy, r.aucROC, r.aucMacro, r.aucPR, r.f1Macro, r.f1Weighted,
                  r.atThreshold.sensitivity, r.atThreshold.specificity, r.atHalf.ppv, r.atHalf.npv] {
            assertClose(e.value, 1); assertClose(e.ciLower, 1); assertClose(e.ciUpper, 1)
        }
        for e in [r.eceAdaptive, r.eceUniform, r.brier] { assertClose(e.value, 0); assertClose(e.ciUpper, 0) }
    }

    func testReportWithUninformativeScores() {
        // Every row (⅓, ⅓, ⅓), truth 0, 1, 2, 2. At t = 0.5 nothing is malignant; the others tie → normal.
        let third = 1.0 / 3
        let r = EvaluationReport(probabilities: Array(repeating: [third, third, third], count: 4), labels: [0, 1, 2, 2],
                                 classNames: names, malignant: 2, threshold: 0.5, split: "val", checkpoint: "c", bootstrapReplicates: 50, seed: 2)
        XCTAssertEqual(r.confusionMatrix, [[1, 0, 0], [1, 0, 0], [2, 0, 0]])
        assertClose(r.accuracy.value, 0.25)
        assertClose(r.balancedAccuracy.value, 1.0 / 3)                     // recalls 1, 0, 0
        assertClose(r.f1Macro.value, 0.4 / 3)                              // normal 2/(2+3+0) = 0.4
        assertClose(r.f1Weighted.value, 0.4 / 4)
        for c in 0..<3 { assertClose(r.perClass[c].aucOvR.value, 0.5) }   // all tied
        assertClose(r.aucROC.value, 0.5); assertClose(r.aucMacro.value, 0.5)
        assertClose(r.aucPR.value, 0.5)                                     // one threshold: R 1, P 2/4
        XCTAssertEqual(r.atHalf.counts, Metrics.Binary(tp: 0, fp: 0, tn: 2, fn: 2))
        assertClose(r.atHalf.sensitivity.value, 0); assertClose(r.atHalf.specificity.value, 1)
        XCTAssertNil(r.atHalf.ppv.value, "nothing called malignant")
        XCTAssertNil(r.atHalf.ppv.ciLower)
        assertClose(r.atHalf.npv.value, 0.5)
        // Confidence ⅓, accuracy ¼ (argmax 0): uniform one bin |⅓ − ¼| = 1/12; adaptive per sample (⅔ + 3·⅓)/4 = 5/12.
        assertClose(r.eceUniform.value, 1.0 / 12); assertClose(r.eceAdaptive.value, 5.0 / 12)
        assertClose(r.brier.value, 2.0 / 3)                                // (⅔)² + 2·(⅓)²
    }

    func testRandomScoresGiveChanceAUC() {
        var rng = SplitMix64(seed: 5)
        let labels = (0..<3000).map { _ in RandomDraws.uniformIndex(below: 3, &rng) }
        let probabilities = labels.map { _ -> [Double] in
            let e = (0..<3).map { _ in rng.unit() + 1e-9 }, s = e.reduce(0, +)
            return e.map { $0 / s }
        }
        let r = EvaluationReport(probabilities: probabilities, labels: labels, classNames: names, malignant: 2, threshold: 0.4,
                                 split: "test", checkpoint: "c", bootstrapReplicates: 100, seed: 3)
        assertClose(r.aucROC.value, 0.5, 0.04); assertClose(r.aucMacro.value, 0.5, 0.03)
        XCTAssertLessThan(r.aucROC.ciLower!, 0.5 + 0.04); XCTAssertGreaterThan(r.aucROC.ciUpper!, 0.5 - 0.04)
    }

    func testReportOutputs() throws {
        let fit = TemperatureFit(temperature: 1.5, nllBefore: 0.9, nllAfter: 0.8, eceBefore: 0.1, eceAfter: 0.05, iterations: 4)
        let r = EvaluationReport(probabilities: probabilities, labels: labels, classNames: names, malignant: 2, threshold: 0.4,
                                 split: "test", checkpoint: "checkpoints/best", views: TTAView.allCases.map(\.rawValue),
                                 temperature: 1.5, temperatureFit: fit, bootstrapReplicates: 100, seed: 9)
        let decoded = try JSONDecoder().decode(EvaluationReport.self, from: r.json())
        XCTAssertEqual(decoded, r)
        let json = String(decoding: r.json(), as: UTF8.self)
        XCTAssertTrue(json.contains("\"auc_roc_malignant\""), json)
        XCTAssertTrue(json.contains("\"ci_lower\""))
        XCTAssertTrue(json.contains("\"value\" : null"), "undefined benign AUC is written as null")
        let md = r.markdown(figures: ["ROC curve": "roc.png", "Reliability diagram": "reliability.png"])
        XCTAssertTrue(md.contains("![ROC curve](roc.png)"))
        XCTAssertTrue(md.contains("![Reliability diagram](reliability.png)"))
        XCTAssertTrue(md.contains("| metric | value | 95% CI | resamples |"))
        XCTAssertTrue(md.contains("| Accuracy | 0.5000 | ["), md)
        XCTAssertTrue(md.contains("| truth \\ predicted | normal | benign | malignant | support |"))
        XCTAssertTrue(md.contains("| malignant | 1 | 0 | 2 | 3 |"), md)
        XCTAssertTrue(md.contains("NLL 0.9000 → 0.8000"))
        let table = r.table()
        XCTAssertTrue(table.contains("AUC-ROC (malignant vs rest)"))
        XCTAssertTrue(table.contains("0.7778"), table)
        XCTAssertTrue(table.contains("AUC-ROC benign vs rest"))
        // Fixed width: every metric line puts its value in the same column.
        let metricLines = table.split(separator: "\n").filter { $0.contains("[") || $0.hasSuffix("n/a") }
        XCTAssertEqual(Set(metricLines.map { line in line.firstIndex(of: "[").map { line.distance(from: line.startIndex, to: $0) } ?? -1 }
                            .filter { $0 >= 0 }).count, 1, table)
    }
}
