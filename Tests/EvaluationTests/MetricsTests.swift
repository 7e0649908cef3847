import Foundation
import XCTest
@testable import Evaluation

/// Every metric against values worked out by hand (and checked against sklearn's definitions).
final class MetricsTests: XCTestCase {
    private func assertClose(_ a: Double?, _ b: Double, _ tol: Double = 1e-12, file: StaticString = #filePath, line: UInt = #line) {
        guard let a else { return XCTFail("nil, expected \(b)", file: file, line: line) }
        XCTAssertEqual(a, b, accuracy: tol, file: file, line: line)
    }

    // MARK: Confusion matrix, accuracy, balanced accuracy, F1

    func testF1WithAClassNeverPredicted() {
        // truth 0,0,0,1,1,2; predicted 0,0,1,1,1,1: class 2 is never predicted.
        let cm = Metrics.confusionMatrix(truth: [0, 0, 0, 1, 1, 2], predicted: [0, 0, 1, 1, 1, 1], classCount: 3)
        XCTAssertEqual(cm, [[2, 1, 0], [0, 2, 0], [0, 1, 0]])
        assertClose(Metrics.accuracy(cm), 4.0 / 6)
        assertClose(Metrics.balancedAccuracy(cm), (2.0 / 3 + 1 + 0) / 3)
        let f1 = Metrics.f1PerClass(cm)
        XCTAssertEqual(f1[0], 0.8, accuracy: 1e-12)          // 2·2/(4+0+1)
        XCTAssertEqual(f1[1], 2.0 / 3, accuracy: 1e-12)      // 4/(4+2+0)
        XCTAssertEqual(f1[2], 0)                             // zero_division=0
        assertClose(Metrics.f1Macro(cm), (0.8 + 2.0 / 3) / 3)                  // sklearn: 0.48889
        assertClose(Metrics.f1Weighted(cm), (0.8 * 3 + 2.0 / 3 * 2) / 6)       // sklearn: 0.62222
        XCTAssertEqual(Metrics.precision(cm)[2], nil)
        assertClose(Metrics.precision(cm)[1], 0.5)
    }

    func testMissingClassKeepsItsPlace() {
        // Class 2 absent from truth and predictions: still a row and a column, left out of the averages.
        let cm = Metrics.confusionMatrix(truth: [0, 0, 1, 1], predicted: [0, 1, 1, 1], classCount: 3)
        XCTAssertEqual(cm, [[1, 1, 0], [0, 2, 0], [0, 0, 0]])
        XCTAssertEqual(Metrics.recall(cm)[2], nil)
        assertClose(Metrics.balancedAccuracy(cm), 0.75)
        assertClose(Metrics.f1Macro(cm), (2.0 / 3 + 0.8) / 2)
        assertClose(Metrics.f1Weighted(cm), (2.0 / 3 * 2 + 0.8 * 2) / 4)
        // A class predicted but absent from the truth counts in F1 macro (as sklearn), not in balanced accuracy.
        let cm2 = Metrics.confusionMatrix(truth: [0, 0, 1], predicted: [0, 2, 1], classCount: 3)
        assertClose(Metrics.balancedAccuracy(cm2), 0.75)
        assertClose(Metrics.f1Macro(cm2), (2.0 / 3 + 1 + 0) / 3)
        // No samples: undefined, not 0.
        let empty = Metrics.confusionMatrix(truth: [], predicted: [], classCount: 3)
        XCTAssertNil(Metrics.accuracy(empty))
        XCTAssertNil(Metrics.balancedAccuracy(empty))
        XCTAssertNil(Metrics.f1Macro(empty))
    }

    // MARK: Binary metrics

    private let probs: [[Double]] = [[0.2, 0.5, 0.3], [0.5, 0.35, 0.15], [0.6, 0.3, 0.1], [0.1, 0.1, 0.8], [0.3, 0.2, 0.5]]
    private let truth = [1, 1, 0, 2, 1]

    func testBinaryAtThresholdAndArgmax() {
        let t = Metrics.binary(probabilities: probs, truth: truth, positive: 1, threshold: 0.3)
        XCTAssertEqual(t, Metrics.Binary(tp: 2, fp: 1, tn: 1, fn: 1))   // 0.3 ≥ 0.3 is called positive
        assertClose(t.sensitivity, 2.0 / 3); assertClose(t.specificity, 0.5)
        assertClose(t.ppv, 2.0 / 3); assertClose(t.npv, 0.5)
        let a = Metrics.binaryAtArgmax(probabilities: probs, truth: truth, positive: 1)
        XCTAssertEqual(a, Metrics.Binary(tp: 1, fp: 0, tn: 2, fn: 2))
        assertClose(a.sensitivity, 1.0 / 3); assertClose(a.specificity, 1)
        assertClose(a.ppv, 1); assertClose(a.npv, 0.5)
        let none = Metrics.binary(isPositive: [false, false], calledPositive: [false, false])
        XCTAssertNil(none.sensitivity); XCTAssertNil(none.ppv); assertClose(none.specificity, 1)
        XCTAssertEqual(Metrics.thresholdPredictions(probs, positive: 1, threshold: 0.3), [1, 1, 1, 2, 2])
        XCTAssertEqual(Metrics.thresholdPredictions(probs, positive: 1, threshold: 0.6), [2, 0, 0, 2, 2])
        XCTAssertEqual(Metrics.argmaxPredictions(probs), [1, 0, 0, 2, 2])
        XCTAssertEqual(Metrics.argmax([0.4, 0.4, 0.2]), 0)
    }

    // MARK: AUC-ROC

    func testAUCExtremesAndTies() {
        let y = [false, false, true, true]
        assertClose(Metrics.aucROC(scores: [0.1, 0.2, 0.8, 0.9], isPositive: y), 1)
        assertClose(Metrics.aucROC(scores: [0.9, 0.8, 0.2, 0.1], isPositive: y), 0)
        assertClose(Metrics.aucROC(scores: [0.5, 0.5, 0.5, 0.5], isPositive: y), 0.5)
        // pos 0.4 vs neg 0.1 → 1, pos 0.4 vs neg 0.4 → ½, pos 0.8 vs both → 2: 3.5/4
        assertClose(Metrics.aucROC(scores: [0.1, 0.4, 0.4, 0.8], isPositive: [false, true, false, true]), 0.875)
        // 3 positives × 3 negatives, 8 of 9 pairs ordered
        assertClose(Metrics.aucROC(scores: [0.9, 0.8, 0.7, 0.6, 0.55, 0.54],
                                   isPositive: [true, true, false, true, false, false]), 8.0 / 9)
        XCTAssertNil(Metrics.aucROC(scores: [0.1, 0.2], isPositive: [true, true]))
        XCTAssertNil(Metrics.aucROC(scores: [0.1, 0.2], isPositive: [false, false]))
        XCTAssertNil(Metrics.aucROC(scores: [], isPositive: []))
    }

    func testMacroAUCWithAMissingClass() {
        let p: [[Double]] = [[0.7, 0.2, 0.1], [0.5, 0.4, 0.1], [0.55, 0.35, 0.1], [0.45, 0.5, 0.05]]
        let t = [0, 0, 1, 1]
        let per = Metrics.aucPerClass(probabilities: p, truth: t, classCount: 3)
        assertClose(per[0], 0.75)   // pos {0.7, 0.5} vs neg {0.55, 0.45}: 3 of 4 pairs
        assertClose(per[1], 0.75)   // pos {0.35, 0.5} vs neg {0.2, 0.4}: 3 of 4 pairs
        XCTAssertNil(per[2])
        assertClose(Metrics.aucMacro(probabilities: p, truth: t, classCount: 3), 0.75)
        XCTAssertNil(Metrics.aucMacro(probabilities: [[1, 0]], truth: [0], classCount: 2))
    }

    // MARK: AUC-PR

    func testAveragePrecision() {
        // sklearn's documented example: 0.8333
        assertClose(Metrics.averagePrecision(scores: [0.1, 0.4, 0.35, 0.8], isPositive: [false, false, true, true]), 5.0 / 6)
        // Tied scores form one threshold: recall 1 at precision 2/3 at once.
        assertClose(Metrics.averagePrecision(scores: [0.5, 0.5, 0.5, 0.1], isPositive: [true, false, true, false]), 2.0 / 3)
        assertClose(Metrics.averagePrecision(scores: [0.1, 0.2, 0.8, 0.9], isPositive: [false, false, true, true]), 1)
        // Constant scores: precision = prevalence.
        assertClose(Metrics.averagePrecision(scores: [0.3, 0.3, 0.3, 0.3], isPositive: [false, true, false, false]), 0.25)
        XCTAssertNil(Metrics.averagePrecision(scores: [0.3, 0.4], isPositive: [false, false]))
    }

    // MARK: Calibration

    func testECEUniformAndAdaptiveByHand() {
        let p: [[Double]] = [[0.9, 0.05, 0.05], [0.9, 0.05, 0.05], [0.58, 0.32, 0.1], [0.2, 0.7, 0.1]]
        let t = [0, 1, 0, 2]
        // uniform: bin (13/15, 14/15] holds the two 0.9 (accuracy ½): 2/4·0.4; bin (8/15, 9/15] holds 0.58
        // (correct): 1/4·0.42; bin (10/15, 11/15] holds 0.7 (wrong): 1/4·0.7 → 0.2 + 0.105 + 0.175
        assertClose(Metrics.expectedCalibrationError(probabilities: p, truth: t, binning: .uniform), 0.48)
        // adaptive with 4 < 15 samples: one sample per bin → mean |conf − correct| = (0.1 + 0.9 + 0.42 + 0.7)/4
        assertClose(Metrics.expectedCalibrationError(probabilities: p, truth: t, binning: .adaptive), 0.53)
        // 30 samples, 2 per adaptive bin: pair k has confidence 0.5 + 0.03k, one right and one wrong →
        // ECE = mean_k 0.03k = 0.21.
        var q: [[Double]] = [], y: [Int] = []
        for k in 0..<15 {
            let c = 0.5 + 0.03 * Double(k)
            q += [[c, 1 - c], [c, 1 - c]]; y += [0, 1]
        }
        assertClose(Metrics.expectedCalibrationError(probabilities: q, truth: y, binning: .adaptive), 0.21, 1e-9)
        // Perfect confident predictions: 0 either way.
        assertClose(Metrics.expectedCalibrationError(probabilities: [[1, 0], [0, 1]], truth: [0, 1], binning: .uniform), 0)
        XCTAssertNil(Metrics.expectedCalibrationError(probabilities: [], truth: [], binning: .adaptive))
    }

    func testBrier() {
        // (0.1² + 0.05² + 0.05²) and (0.2² + 0.7² + 0.9²): (0.015 + 1.34)/2
        assertClose(Metrics.brierScore(probabilities: [[0.9, 0.05, 0.05], [0.2, 0.7, 0.1]], truth: [0, 2]), 0.6775)
        assertClose(Metrics.brierScore(probabilities: [[1, 0, 0]], truth: [0]), 0)
        assertClose(Metrics.brierScore(probabilities: [[0, 1, 0]], truth: [0]), 2)
    }

    // MARK: Threshold tuning

    func testThresholdTuner() {
        let pos = [0.9, 0.8, 0.6, 0.3], neg = [0.7, 0.5, 0.4, 0.2, 0.1]
        let s = pos + neg, y = pos.map { _ in true } + neg.map { _ in false }
        // sensitivity ≥ 0.75 first at 0.6 with one false positive (0.7)
        let a = Metrics.tuneThreshold(scores: s, isPositive: y, targetSensitivity: 0.75)
        XCTAssertEqual(a, Metrics.ThresholdChoice(threshold: 0.6, sensitivity: 0.75, specificity: 0.8))
        // 0.9 needs every positive: threshold 0.3, false positives 0.7, 0.5, 0.4
        let b = Metrics.tuneThreshold(scores: s, isPositive: y, targetSensitivity: 0.9)
        XCTAssertEqual(b, Metrics.ThresholdChoice(threshold: 0.3, sensitivity: 1, specificity: 0.4))
        // Equal FPR at 0.6 (sensitivity 2/3) and 0.5 (sensitivity 1): the more sensitive (lower) threshold wins.
        let c = Metrics.tuneThreshold(scores: [0.9, 0.6, 0.5, 0.7, 0.1], isPositive: [true, true, true, false, false],
                                      targetSensitivity: 2.0 / 3)
        XCTAssertEqual(c, Metrics.ThresholdChoice(threshold: 0.5, sensitivity: 1, specificity: 0.5))
        // Tied scores move together: positive and negative at 0.5.
        let d = Metrics.tuneThreshold(scores: [0.8, 0.5, 0.5, 0.2], isPositive: [true, true, false, false], targetSensitivity: 0.9)
        XCTAssertEqual(d, Metrics.ThresholdChoice(threshold: 0.5, sensitivity: 1, specificity: 0.5))
        XCTAssertNil(Metrics.tuneThreshold(scores: [0.2, 0.3], isPositive: [true, true], targetSensitivity: 0.9))
        // Target 0: the highest specificity is calling nothing positive when a negative has the top score.
        let e = Metrics.tuneThreshold(scores: [0.9, 0.8], isPositive: [false, true], targetSensitivity: 0)
        XCTAssertEqual(e?.sensitivity, 0); XCTAssertEqual(e?.specificity, 1)
        XCTAssertGreaterThan(e!.threshold, 0.9)
    }

    // MARK: The report

    func testReportCollectsEverything() {
        let r = ClassificationMetrics(probabilities: probs, truth: truth, classCount: 3, positive: 1, threshold: 0.3)
        XCTAssertEqual(r.samples, 5)
        // At the threshold the predictions are 1, 1, 1, 2, 2 (truth 1, 1, 0, 2, 1).
        XCTAssertEqual(r.confusionMatrix, [[0, 1, 0], [0, 2, 1], [0, 0, 1]])
        assertClose(r.accuracy, 0.6)
        // F1: class 0 0/(0+0+1); class 1 4/(4+1+1); class 2 2/(2+1+0).
        XCTAssertEqual(r.f1PerClass, [0, 4.0 / 6, 2.0 / 3])
        XCTAssertEqual(r.atThreshold, Metrics.Binary(tp: 2, fp: 1, tn: 1, fn: 1))
        // Secondary, argmax 1, 0, 0, 2, 2.
        XCTAssertEqual(r.atArgmax.confusionMatrix, [[1, 0, 0], [1, 1, 1], [0, 0, 1]])
        XCTAssertEqual(r.atArgmax.f1PerClass, [2.0 / 3, 0.5, 2.0 / 3])
        XCTAssertEqual(r.atArgmax.binary, Metrics.Binary(tp: 1, fp: 0, tn: 2, fn: 2))
        // malignant scores: pos {0.5, 0.35, 0.2} vs neg {0.3, 0.1}: 0.5 → 2, 0.35 → 2, 0.2 → 1 of 6
        assertClose(r.aucROC, 5.0 / 6)
        XCTAssertEqual(r.aucPerClass.count, 3)
        XCTAssertNotNil(r.eceAdaptive); XCTAssertNotNil(r.eceUniform); XCTAssertNotNil(r.brier); XCTAssertNotNil(r.aucPR)
        let json = try? JSONEncoder().encode(r)
        XCTAssertNotNil(json)
    }
}
