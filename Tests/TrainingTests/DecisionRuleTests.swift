import Foundation
import XCTest
import Graph
@testable import Data
@testable import Evaluation
@testable import Reports
@testable import Training

/// One decision rule everywhere (issue 10, items 15-17): the threshold's tie rule and target, the
/// same class-prediction figures in the training-end table and in `eval`, and the temperature
/// fitted on the TTA-averaged prediction that is deployed.
final class DecisionRuleTests: XCTestCase {
    // MARK: Item 15: the threshold

    /// Validation AUC 1: ten malignant scores above ten others. Every threshold down to the
    /// lowest malignant score has no false positive; the old rule (ties toward the higher
    /// threshold) stopped at sensitivity 0.90, the new one takes the free 1.00.
    func testThresholdTiesTowardMoreSensitivity() {
        let positives = (0..<10).map { 0.5 + 0.05 * Double($0) }      // 0.50 ... 0.95
        let negatives = (0..<10).map { 0.03 * Double($0) }            // 0.00 ... 0.27
        let choice = Metrics.tuneThreshold(scores: positives + negatives, isPositive: positives.map { _ in true } + negatives.map { _ in false },
                                           targetSensitivity: 0.9)
        XCTAssertEqual(choice, Metrics.ThresholdChoice(threshold: 0.5, sensitivity: 1, specificity: 1))
    }

    /// The tuner against a brute-force search written from the rule's words: over every
    /// threshold that gives a distinct decision (each distinct score and one above them all),
    /// with `decide` counting, keep sensitivity ≥ target, then the highest specificity, then the
    /// highest sensitivity. Scores rounded to two decimals so ties across classes are common.
    func testThresholdTunerMatchesABruteForceSearch() {
        var rng = SplitMix64(seed: 21)
        for trial in 0..<300 {
            let n = 2 + RandomDraws.uniformIndex(below: 40, &rng)
            var isPositive = (0..<n).map { _ in rng.unit() < 0.4 }
            isPositive[0] = true; isPositive[1] = false
            let scores = isPositive.map { p in ((p ? 0.15 : 0) + 0.85 * rng.unit()).rounded(toPlaces: 2) }
            let target = [0, 0.5, 0.8, 0.9, 0.96, 1][trial % 6]
            let nPos = isPositive.filter { $0 }.count, nNeg = n - nPos
            var best: Metrics.ThresholdChoice?
            for t in Set(scores).union([scores.max()! + 0.01]) {
                let tp = zip(scores, isPositive).filter { $0.0 >= t && $0.1 }.count
                let fp = zip(scores, isPositive).filter { $0.0 >= t && !$0.1 }.count
                let c = Metrics.ThresholdChoice(threshold: t, sensitivity: Double(tp) / Double(nPos), specificity: Double(nNeg - fp) / Double(nNeg))
                guard c.sensitivity >= target else { continue }
                if let b = best, (b.specificity, b.sensitivity) >= (c.specificity, c.sensitivity) { continue }
                best = c
            }
            let got = Metrics.tuneThreshold(scores: scores, isPositive: isPositive, targetSensitivity: target)
            XCTAssertEqual(got?.sensitivity, best?.sensitivity, "trial \(trial)")
            XCTAssertEqual(got?.specificity, best?.specificity, "trial \(trial)")
            if let g = got, let b = best, b.sensitivity > 0 { XCTAssertEqual(g.threshold, b.threshold, "trial \(trial)") }
        }
    }

    /// The decision `predict` applies (`Metrics.decide` through `thresholdPredictions`) gives
    /// back exactly the tuned sensitivity and specificity on the tuning data, also after the
    /// threshold has been through JSON (a checkpoint's trainer_state.json).
    func testDecisionReproducesTheTunedRatesExactly() throws {
        var rng = SplitMix64(seed: 4)
        let m = 2
        let labels = (0..<300).map { _ in RandomDraws.uniformIndex(below: 3, &rng) }
        let probabilities = labels.map { y -> [Double] in
            let z = (0..<3).map { c in (c == y ? 1.0 : 0) + rng.normal() }
            return TemperatureScaling.softmax(z, temperature: 1)
        }
        for target in [0.8, 0.9, 0.96] {
            let tuned = try XCTUnwrap(Metrics.tuneThreshold(scores: probabilities.map { $0[m] }, isPositive: labels.map { $0 == m },
                                                            targetSensitivity: target))
            let stored = try JSONDecoder().decode(Metrics.ThresholdChoice.self, from: JSONEncoder().encode(tuned))
            XCTAssertEqual(stored.threshold, tuned.threshold, "the threshold survives JSON bit for bit")
            let predicted = Metrics.thresholdPredictions(probabilities, positive: m, threshold: stored.threshold)
            let b = Metrics.binary(isPositive: labels.map { $0 == m }, calledPositive: predicted.map { $0 == m })
            XCTAssertEqual(b.sensitivity, tuned.sensitivity, "target \(target)")
            XCTAssertEqual(b.specificity, tuned.specificity, "target \(target)")
            XCTAssertGreaterThanOrEqual(tuned.sensitivity, target)
            let report = ClassificationMetrics(probabilities: probabilities, truth: labels, classCount: 3, positive: m, threshold: stored.threshold)
            XCTAssertEqual(report.atThreshold, b)
        }
    }

    /// The threshold targets `metrics.clinical_thresholds.sensitivity_min` (0.96 by default), not
    /// `clinical.min_sensitivity_malignant` (the original's 0.90, now 0.96 in the shipped configs);
    /// a loud line says so while the two differ.
    func testThresholdTargetIsTheClinicalGate() throws {
        let config = try TrainingConfig.defaults()
        XCTAssertEqual(config.decisionTarget, config.metrics.clinicalThresholds.sensitivityMin)
        XCTAssertEqual(config.decisionTarget, 0.96)
        XCTAssertEqual(config.decisionWarnings, [], "the shipped configuration agrees with itself")
        let original = try TrainingConfig.defaults(overrides: ["clinical.min_sensitivity_malignant": "0.90"])
        XCTAssertEqual(original.decisionTarget, 0.96)
        XCTAssertEqual(original.decisionWarnings.count, 1)
        let line = original.decisionWarnings[0]
        for part in ["clinical.min_sensitivity_malignant is 0.9", "sensitivity_min is 0.96", "targets sensitivity >= 0.96",
                     "--set clinical.min_sensitivity_malignant=0.96"] {
            XCTAssertTrue(line.contains(part), line)
        }
        XCTAssertFalse(line.contains("\n"))
        XCTAssertEqual(try TrainingConfig.defaults(overrides: ["clinical.min_sensitivity_malignant": "0.96"]).decisionWarnings, [])
        let lowered = try TrainingConfig.defaults(overrides: ["metrics.clinical_thresholds.sensitivity_min": "0.9", "clinical.min_sensitivity_malignant": "0.9"])
        XCTAssertEqual(lowered.decisionTarget, 0.9); XCTAssertEqual(lowered.decisionWarnings, [])

        // Calibration (end of training, eval) tunes for 0.96: 50 malignant and 50 others with
        // overlapping scores, logits [0, 0, z] so P(malignant) ranks the samples as z at any T.
        let m = config.data.malignantIndex
        var rng = SplitMix64(seed: 8)
        var logits: [[Float]] = [], labels: [Int] = []
        for i in 0..<100 {
            let malignant = i < 50
            var row: [Float] = [0, 0, 0]
            row[m] = Float(malignant ? rng.uniform(-1, 4) : rng.uniform(-3, 2))
            logits.append(row); labels.append(malignant ? m : (m + 1 + i % 2) % 3)
        }
        let val = Evaluator.Output(viewLogits: [logits], labels: labels, seconds: 0)
        let result = DecisionFit.fit(val, views: ["original"], config: config)
        let p = val.probabilities(temperature: result.fit.temperature)
        let scores = p.map { $0[m] }, isMalignant = labels.map { $0 == m }
        let at96 = Metrics.tuneThreshold(scores: scores, isPositive: isMalignant, targetSensitivity: 0.96)
        let at90 = Metrics.tuneThreshold(scores: scores, isPositive: isMalignant, targetSensitivity: 0.90)
        XCTAssertEqual(result.threshold, at96)
        XCTAssertNotEqual(at96, at90, "the example separates the two targets")
        XCTAssertGreaterThanOrEqual(result.threshold!.sensitivity, 0.96)
    }

    // MARK: Item 16: one set of figures

    /// Probabilities whose argmax and threshold decisions differ: the training-end report counts
    /// accuracy, F1 and the confusion matrix at the threshold (the primary metric for model
    /// selection too), with the argmax figures kept apart as the secondary set.
    func testTrainingEndReportCountsAtTheThreshold() {
        // Malignant = 2, threshold 0.3: rows 1 and 3 become malignant although their argmax is not.
        let p: [[Double]] = [[0.8, 0.1, 0.1], [0.5, 0.15, 0.35], [0.1, 0.6, 0.3], [0.2, 0.45, 0.35], [0.1, 0.1, 0.8]]
        let truth = [0, 2, 1, 2, 2]
        let r = ClassificationMetrics(probabilities: p, truth: truth, classCount: 3, positive: 2, threshold: 0.3)
        // Threshold: 0, 2, 2, 2, 2 (row 2 has P(m) = 0.3 ≥ 0.3); argmax: 0, 0, 1, 1, 2.
        XCTAssertEqual(r.confusionMatrix, [[1, 0, 0], [0, 0, 1], [0, 0, 3]])
        XCTAssertEqual(r.accuracy, 0.8)
        XCTAssertEqual(r.f1PerClass, [1, 0, 6.0 / 7])
        XCTAssertEqual(r.atArgmax.confusionMatrix, [[1, 0, 0], [0, 1, 0], [1, 1, 1]])
        XCTAssertEqual(r.atArgmax.accuracy, 0.6)
        // Model selection and early stopping read the primary metric from these figures.
        XCTAssertEqual(TrainingConfig.metric("f1_weighted", of: r), r.f1Weighted)
        XCTAssertEqual(TrainingConfig.metric("accuracy", of: r), 0.8)
        XCTAssertNotEqual(r.f1Weighted, r.atArgmax.f1Weighted)
        let table = r.table(title: "test metrics", classNames: ["normal", "benign", "malignant"])
        XCTAssertTrue(table.contains("at threshold 0.300"), table)
        XCTAssertTrue(table.contains("accuracy 0.800"), table)
        XCTAssertTrue(table.contains("at argmax (secondary): accuracy 0.600"), table)
    }

    /// One set of probabilities through the training-end report and through `eval`'s report:
    /// identical accuracy, balanced accuracy, F1 (macro, weighted, per class), confusion matrix
    /// and malignant sensitivity/specificity, at the threshold and at the argmax.
    func testTrainingEndTableAndEvalReportAgree() throws {
        var rng = SplitMix64(seed: 17)
        let names = ["normal", "benign", "malignant"], m = 2
        let labels = (0..<150).map { _ in RandomDraws.uniformIndex(below: 3, &rng) }
        let probabilities = labels.map { y -> [Double] in
            TemperatureScaling.softmax((0..<3).map { c in (c == y ? 0.8 : 0) + rng.normal() }, temperature: 1.3)
        }
        let threshold = try XCTUnwrap(Metrics.tuneThreshold(scores: probabilities.map { $0[m] }, isPositive: labels.map { $0 == m },
                                                            targetSensitivity: 0.96)).threshold
        let train = ClassificationMetrics(probabilities: probabilities, truth: labels, classCount: 3, positive: m, threshold: threshold)
        let eval = EvaluationReport(probabilities: probabilities, labels: labels, classNames: names, malignant: m, threshold: threshold,
                                    targetSensitivity: 0.96, split: "test", checkpoint: "best", bootstrapReplicates: 20, seed: 1)
        XCTAssertNotEqual(train.confusionMatrix, train.atArgmax.confusionMatrix, "the example separates the two rules")
        XCTAssertEqual(train.confusionMatrix, eval.confusionMatrix)
        XCTAssertEqual(train.accuracy, eval.accuracy.value)
        XCTAssertEqual(train.balancedAccuracy, eval.balancedAccuracy.value)
        XCTAssertEqual(train.f1Macro, eval.f1Macro.value)
        XCTAssertEqual(train.f1Weighted, eval.f1Weighted.value)
        XCTAssertEqual(train.f1PerClass, eval.perClass.map { $0.f1.value! })
        XCTAssertEqual(train.atThreshold, eval.atThreshold.counts)
        XCTAssertEqual(train.atThreshold.sensitivity, eval.atThreshold.sensitivity.value)
        XCTAssertEqual(train.atThreshold.specificity, eval.atThreshold.specificity.value)
        // The secondary argmax figures agree too.
        XCTAssertEqual(train.atArgmax.confusionMatrix, eval.atArgmax.confusionMatrix)
        XCTAssertEqual(train.atArgmax.accuracy, eval.atArgmax.accuracy.value)
        XCTAssertEqual(train.atArgmax.f1Weighted, eval.atArgmax.f1Weighted.value)
        XCTAssertEqual(train.atArgmax.binary, eval.atArgmax.counts)
        // Both tables print the primary accuracy, and label the argmax row as secondary.
        let trainTable = train.table(title: "test metrics", classNames: names), evalTable = eval.table()
        XCTAssertTrue(trainTable.contains("accuracy " + String(format: "%.3f", train.accuracy!)), trainTable)
        XCTAssertTrue(evalTable.contains(String(format: "%.4f", eval.accuracy.value!)), evalTable)
        XCTAssertTrue(trainTable.contains("at argmax (secondary)"))
        XCTAssertTrue(evalTable.contains("Accuracy at argmax (secondary)"), evalTable)
        XCTAssertTrue(evalTable.contains("sensitivity ≥ 0.960"), evalTable)
        let md = eval.markdown(figures: [:])
        XCTAssertTrue(md.contains("## At argmax (secondary)"), md)
        XCTAssertTrue(md.contains("| Accuracy at argmax (secondary) | "), md)
        let json = String(decoding: eval.json(), as: UTF8.self)
        XCTAssertTrue(json.contains("\"at_argmax_secondary\""))
        XCTAssertTrue(json.contains("\"target_sensitivity\" : 0.96"), json)
    }

    // MARK: Item 17: the temperature of the deployed prediction

    /// Six views, each 3·(z + ε_v) with independent noise ε_v ~ N(0, 1) around the true logits z:
    /// one view alone is very overconfident (its own T is about 5.3, by scipy on the same
    /// construction), their average much less (about 3.0). Fitting on the first view (the old
    /// code) gives the first; the deployed prediction, mean_v softmax(z_v / T), needs the second,
    /// and the reported NLL and ECE are those of `Evaluator.Output.probabilities(temperature:)`.
    func testTemperatureFittedOnTheTTAAverage() throws {
        var rng = SplitMix64(seed: 31)
        var labels: [Int] = [], truth: [[Double]] = []
        for _ in 0..<1000 {
            let z = (0..<3).map { _ in 1.5 * rng.normal() }
            let p = TemperatureScaling.softmax(z, temperature: 1), u = rng.unit()
            labels.append(u < p[0] ? 0 : (u < p[0] + p[1] ? 1 : 2)); truth.append(z)
        }
        let views: [[[Float]]] = (0..<6).map { v in
            truth.map { z in z.map { Float(3 * ($0 + rng.normal())) } }
        }
        let output = Evaluator.Output(viewLogits: views, labels: labels, seconds: 0)
        let config = try TrainingConfig.defaults()
        let names = TTAView.allCases.map(\.rawValue)
        let result = DecisionFit.fit(output, views: names, config: config)
        let fit = result.fit
        let firstView = TemperatureScaling.fit(logits: output.logits, labels: labels, initial: 1.3)
        XCTAssertEqual(firstView.temperature, 5.3, accuracy: 0.8)
        XCTAssertEqual(fit.temperature, 3.0, accuracy: 0.5)
        XCTAssertGreaterThan(firstView.temperature - fit.temperature, 1.5,
                             "average T \(fit.temperature), first-view T \(firstView.temperature)")
        XCTAssertEqual(fit.views, names)
        // The reported figures are those of the deployed prediction.
        XCTAssertEqual(fit.nllAfter, output.nll(temperature: fit.temperature)!, accuracy: 1e-12)
        XCTAssertEqual(fit.nllBefore, output.nll(temperature: 1)!, accuracy: 1e-12)
        let ece = { (t: Double) in Metrics.expectedCalibrationError(probabilities: output.probabilities(temperature: t), truth: labels, binning: .adaptive)! }
        XCTAssertEqual(fit.eceAfter, ece(fit.temperature), accuracy: 1e-12)
        XCTAssertEqual(fit.eceBefore, ece(1), accuracy: 1e-12)
        // The minimum of that NLL: a dense log grid over the whole range finds nothing lower, nor
        // do ±0.1% around T; the first view's T is clearly worse for the deployed prediction.
        for k in 0...200 {
            let t = 0.05 * pow(400, Double(k) / 200)
            XCTAssertGreaterThanOrEqual(output.nll(temperature: t)!, fit.nllAfter - 1e-12, "T \(t)")
        }
        for f in [0.999, 1.001] { XCTAssertGreaterThanOrEqual(output.nll(temperature: fit.temperature * f)!, fit.nllAfter) }
        XCTAssertGreaterThan(output.nll(temperature: firstView.temperature)!, fit.nllAfter + 0.01)
        // The threshold is tuned on those same probabilities.
        let m = config.data.malignantIndex
        XCTAssertEqual(result.threshold, Metrics.tuneThreshold(scores: output.probabilities(temperature: fit.temperature).map { $0[m] },
                                                               isPositive: labels.map { $0 == m }, targetSensitivity: config.decisionTarget))
        // The test record's NLL is at the temperature of its probabilities.
        let report = ClassificationMetrics(probabilities: output.probabilities(temperature: fit.temperature), truth: labels,
                                          classCount: 3, positive: m, threshold: result.threshold!.threshold)
        let record = EpochRecord(split: "test", epoch: 1, phase: 1, lr: 0, trainLoss: nil, output: output, report: report,
                                 temperature: fit.temperature)
        XCTAssertEqual(record.nll, fit.nllAfter)
    }

    /// The analytic first and second derivatives of the averaged-prediction NLL in u = log T
    /// against central differences of its value, for one and for three views.
    func testMixtureObjectiveDerivativesMatchFiniteDifferences() {
        var rng = SplitMix64(seed: 2)
        let labels = (0..<40).map { _ in RandomDraws.uniformIndex(below: 3, &rng) }
        for views in [1, 3] {
            let logits: [[[Double]]] = (0..<views).map { _ in labels.map { _ in (0..<3).map { _ in 3 * rng.normal() } } }
            for u in [-1.0, 0, 0.7, 2] {
                let h = 1e-4
                let o = TemperatureScaling.objective(logits, labels, u)
                let plus = TemperatureScaling.objective(logits, labels, u + h), minus = TemperatureScaling.objective(logits, labels, u - h)
                XCTAssertEqual(o.d1, (plus.value - minus.value) / (2 * h), accuracy: 1e-6 * max(1, abs(o.d1)), "views \(views) u \(u)")
                XCTAssertEqual(o.d2, (plus.d1 - minus.d1) / (2 * h), accuracy: 1e-5 * max(1, abs(o.d2)), "views \(views) u \(u)")
                let nll = TemperatureScaling.nll(probabilities: TemperatureScaling.probabilities(viewLogits: logits, temperature: exp(u)),
                                                 labels: labels)!
                XCTAssertEqual(o.value, nll, accuracy: 1e-12)
            }
        }
    }

    /// An older fit (no views recorded) and a fit on other views are called out; the same views are not.
    func testFitNamesTheViewsItWasFittedOn() {
        var fit = TemperatureFit(temperature: 1.2, nllBefore: 1, nllAfter: 0.9, eceBefore: 0.1, eceAfter: 0.05, iterations: 3)
        XCTAssertNotNil(fit.mismatch(views: ["original"]))
        fit.views = ["original", "horizontal_flip"]
        XCTAssertNil(fit.mismatch(views: ["original", "horizontal_flip"]))
        XCTAssertTrue(fit.mismatch(views: ["original"])!.contains("--refit"))
        // Old checkpoints (no "views" key) still decode.
        let old = #"{"temperature":1.2,"nll_before":1,"nll_after":0.9,"ece_before":0.1,"ece_after":0.05,"iterations":3}"#
        XCTAssertNil(try JSONDecoder().decode(TemperatureFit.self, from: Data(old.utf8)).views)
    }
}

private extension Double {
    func rounded(toPlaces places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (self * scale).rounded() / scale
    }
}
