import Foundation
import Evaluation

/// A metric on the evaluated samples with its bootstrap interval; nil where undefined.
public struct MetricEstimate: Codable, Sendable, Equatable {
    public var value: Double?
    public var ciLower: Double?
    public var ciUpper: Double?
    /// Bootstrap resamples on which the metric was defined (0 without an interval).
    public var ciReplicates: Int

    public init(value: Double?, interval: ConfidenceInterval?) {
        self.value = value
        ciLower = interval?.lower; ciUpper = interval?.upper; ciReplicates = interval?.replicates ?? 0
    }

    enum CodingKeys: String, CodingKey {
        case value, ciLower = "ci_lower", ciUpper = "ci_upper", ciReplicates = "ci_replicates"
    }

    /// Writes undefined values as `null` (the keys are always present).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value); try c.encode(ciLower, forKey: .ciLower)
        try c.encode(ciUpper, forKey: .ciUpper); try c.encode(ciReplicates, forKey: .ciReplicates)
    }
}

/// Every metric of one evaluated split with a seeded 95% percentile-bootstrap interval, as a
/// console table, `report.json` and `report.md`.
///
/// Definitions are those of `Metrics` (sklearn's conventions). Class predictions — the confusion
/// matrix, accuracy, balanced accuracy and F1 — are those of the decision rule (`Metrics.decide`
/// at the tuned malignant threshold: malignant when P(malignant) ≥ threshold, else the most
/// probable other class), counted by `Metrics.DecisionMetrics` exactly as `ClassificationMetrics`
/// counts them. The binary metrics are malignant vs rest at the tuned threshold and at 0.5. The
/// same figures at the plain argmax are a labelled secondary set (`at_argmax_secondary`). AUCs,
/// AUC-PR, ECE (15 bins, top-class confidence) and Brier use the probabilities. Every interval
/// comes from the same `Bootstrap` resamples (same seed), skipping those where a metric is
/// undefined (`ci_replicates` says how many were used).
public struct EvaluationReport: Codable, Sendable, Equatable {
    /// Malignant vs rest at one threshold (called malignant when P(malignant) ≥ threshold).
    public struct Binary: Codable, Sendable, Equatable {
        public var threshold: Double
        public var counts: Metrics.Binary
        public var sensitivity: MetricEstimate
        public var specificity: MetricEstimate
        public var ppv: MetricEstimate
        public var npv: MetricEstimate
    }

    /// Secondary: the class-prediction figures at the plain argmax, which is not the decision.
    public struct AtArgmax: Codable, Sendable, Equatable {
        /// `confusionMatrix[truth][argmax]`.
        public var confusionMatrix: [[Int]]
        public var accuracy: MetricEstimate
        public var balancedAccuracy: MetricEstimate
        public var f1Macro: MetricEstimate
        public var f1Weighted: MetricEstimate
        /// Malignant vs rest, called malignant when the argmax is malignant.
        public var counts: Metrics.Binary
        public var sensitivity: MetricEstimate
        public var specificity: MetricEstimate
        enum CodingKeys: String, CodingKey {
            case accuracy, counts, sensitivity, specificity
            case confusionMatrix = "confusion_matrix", balancedAccuracy = "balanced_accuracy"
            case f1Macro = "f1_macro", f1Weighted = "f1_weighted"
        }
    }

    /// One class: its support in the truth, F1 and one-vs-rest AUC.
    public struct PerClass: Codable, Sendable, Equatable {
        public var name: String
        public var support: Int
        public var f1: MetricEstimate
        public var aucOvR: MetricEstimate
        enum CodingKeys: String, CodingKey { case name, support, f1, aucOvR = "auc_ovr" }
    }

    public var split: String
    public var checkpoint: String
    public var samples: Int
    public var classNames: [String]
    /// Index of the malignant (positive) class in `classNames`.
    public var malignant: Int
    /// The tuned decision threshold on P(malignant).
    public var threshold: Double
    /// The malignant sensitivity the threshold was tuned for on validation
    /// (`TrainingConfig.decisionTarget`), when known.
    public var targetSensitivity: Double?
    /// TTA views whose probabilities were averaged (`["original"]` without TTA).
    public var views: [String]
    /// Temperature the probabilities were computed at (1 without scaling) and its fit, if known.
    public var temperature: Double
    public var temperatureFit: TemperatureFit?
    public var bootstrapReplicates: Int
    public var seed: UInt64
    public var level: Double
    /// `confusionMatrix[truth][predicted]` in `classNames` order, predictions at `threshold`.
    public var confusionMatrix: [[Int]]
    public var accuracy: MetricEstimate
    public var balancedAccuracy: MetricEstimate
    /// AUC-ROC of P(malignant), malignant vs rest.
    public var aucROC: MetricEstimate
    /// Mean of the defined one-vs-rest AUCs.
    public var aucMacro: MetricEstimate
    /// Average precision of P(malignant), malignant vs rest.
    public var aucPR: MetricEstimate
    public var f1Macro: MetricEstimate
    public var f1Weighted: MetricEstimate
    public var perClass: [PerClass]
    public var atThreshold: Binary
    public var atHalf: Binary
    /// Secondary figures at the plain argmax.
    public var atArgmax: AtArgmax
    public var eceAdaptive: MetricEstimate
    public var eceUniform: MetricEstimate
    public var brier: MetricEstimate

    enum CodingKeys: String, CodingKey {
        case split, checkpoint, samples, malignant, threshold, views, targetSensitivity = "target_sensitivity", temperature, seed, level, accuracy, brier
        case classNames = "class_names", temperatureFit = "temperature_fit", bootstrapReplicates = "bootstrap_replicates"
        case confusionMatrix = "confusion_matrix", balancedAccuracy = "balanced_accuracy"
        case aucROC = "auc_roc_malignant", aucMacro = "auc_roc_macro_ovr", aucPR = "auc_pr_malignant"
        case f1Macro = "f1_macro", f1Weighted = "f1_weighted", perClass = "per_class"
        case atThreshold = "malignant_at_threshold", atHalf = "malignant_at_0_5", atArgmax = "at_argmax_secondary"
        case eceAdaptive = "ece_adaptive_15", eceUniform = "ece_uniform_15"
    }

    /// `probabilities[i]` has one entry per class name; `labels[i]` is in 0..<classNames.count.
    public init(probabilities: [[Double]], labels: [Int], classNames: [String], malignant: Int, threshold: Double,
                targetSensitivity: Double? = nil, split: String, checkpoint: String, views: [String] = ["original"], temperature: Double = 1,
                temperatureFit: TemperatureFit? = nil, bootstrapReplicates: Int = 1000, seed: UInt64 = 42, level: Double = 0.95) {
        let k = classNames.count
        precondition(probabilities.count == labels.count, "\(probabilities.count) probability rows for \(labels.count) labels")
        precondition(probabilities.allSatisfy { $0.count == k }, "every probability row needs \(k) entries")
        precondition((0..<k).contains(malignant), "malignant index \(malignant) outside 0..<\(k)")
        self.split = split; self.checkpoint = checkpoint; samples = labels.count
        self.classNames = classNames; self.malignant = malignant; self.threshold = threshold
        self.targetSensitivity = targetSensitivity
        self.views = views; self.temperature = temperature; self.temperatureFit = temperatureFit
        self.bootstrapReplicates = bootstrapReplicates; self.seed = seed; self.level = level

        func values(_ p: [[Double]], _ y: [Int]) -> [Double?] {
            Self.metricValues(probabilities: p, labels: y, classCount: k, malignant: malignant, threshold: threshold)
        }
        let point = values(probabilities, labels)
        let ci = Bootstrap.intervals(samples: labels.count, replicates: bootstrapReplicates, seed: seed, level: level,
                                     count: point.count) { idx in values(idx.map { probabilities[$0] }, idx.map { labels[$0] }) }
        let m = point.indices.map { MetricEstimate(value: point[$0], interval: ci[$0]) }

        let decision = Metrics.DecisionMetrics.atThreshold(probabilities, truth: labels, classCount: k, positive: malignant,
                                                           threshold: threshold)
        let argmax = Metrics.DecisionMetrics.atArgmax(probabilities, truth: labels, classCount: k, positive: malignant)
        confusionMatrix = decision.confusionMatrix
        (accuracy, balancedAccuracy, aucROC, aucMacro, aucPR) = (m[0], m[1], m[2], m[3], m[4])
        (f1Macro, f1Weighted, eceAdaptive, eceUniform, brier) = (m[5], m[6], m[7], m[8], m[9])
        perClass = (0..<k).map { c in
            PerClass(name: classNames[c], support: labels.filter { $0 == c }.count, f1: m[10 + c], aucOvR: m[10 + k + c])
        }
        func binary(_ t: Double, _ at: Int) -> Binary {
            Binary(threshold: t, counts: Metrics.binary(probabilities: probabilities, truth: labels, positive: malignant, threshold: t),
                   sensitivity: m[at], specificity: m[at + 1], ppv: m[at + 2], npv: m[at + 3])
        }
        atThreshold = binary(threshold, 10 + 2 * k)
        atHalf = binary(0.5, 14 + 2 * k)
        let a = 18 + 2 * k
        atArgmax = AtArgmax(confusionMatrix: argmax.confusionMatrix, accuracy: m[a], balancedAccuracy: m[a + 1],
                            f1Macro: m[a + 2], f1Weighted: m[a + 3], counts: argmax.binary,
                            sensitivity: m[a + 4], specificity: m[a + 5])
    }

    /// Every bootstrapped metric of one sample set, in this order:
    /// accuracy, balanced accuracy, AUC malignant, AUC macro, AUC-PR, F1 macro, F1 weighted,
    /// ECE adaptive, ECE uniform, Brier, F1 per class (k), AUC per class (k),
    /// sensitivity, specificity, PPV, NPV at `threshold`, the same four at 0.5, then at the argmax
    /// (secondary): accuracy, balanced accuracy, F1 macro, F1 weighted, sensitivity, specificity.
    static func metricValues(probabilities p: [[Double]], labels y: [Int], classCount k: Int, malignant: Int,
                             threshold: Double) -> [Double?] {
        let decision = Metrics.DecisionMetrics.atThreshold(p, truth: y, classCount: k, positive: malignant, threshold: threshold)
        let cm = decision.confusionMatrix
        let scores = p.map { $0[malignant] }, isMalignant = y.map { $0 == malignant }
        var v: [Double?] = [
            Metrics.accuracy(cm), Metrics.balancedAccuracy(cm),
            Metrics.aucROC(scores: scores, isPositive: isMalignant),
            Metrics.aucMacro(probabilities: p, truth: y, classCount: k),
            Metrics.averagePrecision(scores: scores, isPositive: isMalignant),
            Metrics.f1Macro(cm), Metrics.f1Weighted(cm),
            Metrics.expectedCalibrationError(probabilities: p, truth: y, bins: 15, binning: .adaptive),
            Metrics.expectedCalibrationError(probabilities: p, truth: y, bins: 15, binning: .uniform),
            Metrics.brierScore(probabilities: p, truth: y),
        ]
        v += y.isEmpty ? Array(repeating: nil, count: k) : Metrics.f1PerClass(cm).map { Optional($0) }
        v += Metrics.aucPerClass(probabilities: p, truth: y, classCount: k)
        for b in [decision.binary, Metrics.binary(probabilities: p, truth: y, positive: malignant, threshold: 0.5)] {
            v += [b.sensitivity, b.specificity, b.ppv, b.npv]
        }
        let a = Metrics.DecisionMetrics.atArgmax(p, truth: y, classCount: k, positive: malignant)
        v += [a.accuracy, a.balancedAccuracy, a.f1Macro, a.f1Weighted, a.binary.sensitivity, a.binary.specificity]
        return v
    }

    // MARK: Output

    /// report.json: pretty-printed, keys sorted, undefined metrics as null.
    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do { return try encoder.encode(self) } catch { preconditionFailure("EvaluationReport encodes: \(error)") }
    }

    /// The metric rows of the table and report.md: label and estimate, in reading order.
    public func rows() -> [(label: String, estimate: MetricEstimate)] {
        let positive = classNames[malignant], t = Self.format(threshold, 3)
        var rows: [(String, MetricEstimate)] = [
            ("Accuracy", accuracy), ("Balanced accuracy", balancedAccuracy),
            ("AUC-ROC (\(positive) vs rest)", aucROC), ("AUC-ROC (macro one-vs-rest)", aucMacro),
            ("AUC-PR (\(positive) vs rest)", aucPR),
        ]
        for (name, b) in [("t=\(t)", atThreshold), ("t=0.5", atHalf)] {
            rows += [("Sensitivity @ \(name)", b.sensitivity), ("Specificity @ \(name)", b.specificity),
                     ("PPV @ \(name)", b.ppv), ("NPV @ \(name)", b.npv)]
        }
        rows += [("F1 macro", f1Macro), ("F1 weighted", f1Weighted)]
        rows += perClass.map { ("F1 \($0.name)", $0.f1) }
        rows += perClass.map { ("AUC-ROC \($0.name) vs rest", $0.aucOvR) }
        rows += [("ECE (15 adaptive bins)", eceAdaptive), ("ECE (15 uniform bins)", eceUniform), ("Brier score", brier)]
        let a = atArgmax, secondary = "at argmax (secondary)"
        rows += [("Accuracy \(secondary)", a.accuracy), ("Balanced accuracy \(secondary)", a.balancedAccuracy),
                 ("F1 macro \(secondary)", a.f1Macro), ("F1 weighted \(secondary)", a.f1Weighted),
                 ("Sensitivity \(secondary)", a.sensitivity), ("Specificity \(secondary)", a.specificity)]
        return rows
    }

    /// A fixed-width console table: the setting, every metric with its interval, the confusion matrix.
    public func table() -> String {
        let rows = rows()
        let width = max(28, rows.map(\.label.count).max() ?? 0)
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        func left(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }
        var lines = ["\(split): \(samples) images, checkpoint \(checkpoint)",
                     "views \(views.joined(separator: ", ")); temperature \(Self.format(temperature, 3)); "
                         + "threshold \(Self.format(threshold, 3))\(targetNote); \(Self.percent(level)) CI from \(bootstrapReplicates) bootstrap resamples (seed \(seed))",
                     "", pad("metric", width) + "   value   \(Self.percent(level)) CI"]
        for (label, e) in rows {
            lines.append(pad(label, width) + "  " + left(Self.format(e.value), 6) + "   " + Self.interval(e))
        }
        let cell = max(8, classNames.map(\.count).max() ?? 0) + 1
        lines += ["", "confusion matrix (rows truth, columns predicted at t=\(Self.format(threshold, 3)))",
                  pad("", cell) + classNames.map { left($0, cell) }.joined()]
        for (c, row) in confusionMatrix.enumerated() {
            lines.append(pad(classNames[c], cell) + row.map { left("\($0)", cell) }.joined())
        }
        return lines.joined(separator: "\n")
    }

    /// report.md: the setting, the metrics table with intervals, per-class metrics, the
    /// malignant-vs-rest counts, the confusion matrix and `![title](file)` for each figure
    /// (`figures` maps title to file path, listed by title).
    public func markdown(figures: [String: String]) -> String {
        let pct = Self.percent(level)
        var md = ["# Evaluation report: \(split)", "", "| | |", "|---|---|",
                  "| checkpoint | `\(checkpoint)` |", "| split | \(split), \(samples) images |",
                  "| classes | \(classNames.joined(separator: ", ")) (positive: \(classNames[malignant])) |",
                  "| decision threshold | P(\(classNames[malignant])) ≥ \(Self.format(threshold))\(targetNote); "
                      + "below it the most probable other class |",
                  "| TTA views | \(views.joined(separator: ", ")) |"]
        if let f = temperatureFit {
            md.append("| temperature | \(Self.format(f.temperature, 3)) (NLL \(Self.format(f.nllBefore)) → \(Self.format(f.nllAfter)), "
                + "ECE \(Self.format(f.eceBefore)) → \(Self.format(f.eceAfter)), \(f.iterations) Newton steps) |")
        } else {
            md.append("| temperature | \(Self.format(temperature, 3)) |")
        }
        md += ["| intervals | \(pct) percentile bootstrap, \(bootstrapReplicates) resamples, seed \(seed) |", "",
               "## Metrics", "", "| metric | value | \(pct) CI | resamples |", "|---|---:|---|---:|"]
        md += rows().map { "| \($0.label) | \(Self.format($0.estimate.value)) | \(Self.interval($0.estimate)) | \($0.estimate.ciReplicates) |" }
        md += ["", "## \(classNames[malignant].capitalized) vs rest", "", "| threshold | TP | FP | TN | FN |", "|---:|---:|---:|---:|---:|"]
        for b in [atThreshold, atHalf] {
            md.append("| \(Self.format(b.threshold)) | \(b.counts.tp) | \(b.counts.fp) | \(b.counts.tn) | \(b.counts.fn) |")
        }
        md += ["", "## Confusion matrix", "", "Rows: truth; columns: predicted at the tuned threshold.", "",
               "| truth \\ predicted | " + classNames.joined(separator: " | ") + " | support |",
               "|---|" + String(repeating: "---:|", count: classNames.count + 1)]
        for (c, row) in confusionMatrix.enumerated() {
            md.append("| \(classNames[c]) | " + row.map(String.init).joined(separator: " | ") + " | \(row.reduce(0, +)) |")
        }
        md += ["", "## At argmax (secondary)", "",
               "The plain argmax, which is not the decision; its figures are the rows marked \"at argmax (secondary)\".", "",
               "| truth \\ argmax | " + classNames.joined(separator: " | ") + " |",
               "|---|" + String(repeating: "---:|", count: classNames.count)]
        for (c, row) in atArgmax.confusionMatrix.enumerated() {
            md.append("| \(classNames[c]) | " + row.map(String.init).joined(separator: " | ") + " |")
        }
        if !figures.isEmpty {
            md += ["", "## Figures"]
            for (title, file) in figures.sorted(by: { $0.key < $1.key }) { md += ["", "![\(title)](\(file))"] }
        }
        return md.joined(separator: "\n") + "\n"
    }

    /// " (tuned on validation for sensitivity ≥ x, ties toward sensitivity)", or "" when the target is unknown.
    var targetNote: String {
        guard let targetSensitivity else { return "" }
        return " (tuned on validation for sensitivity ≥ \(Self.format(targetSensitivity, 3)), ties toward sensitivity)"
    }

    static func format(_ v: Double?, _ digits: Int = 4) -> String {
        guard let v else { return "n/a" }
        return String(format: "%.\(digits)f", v)
    }

    static func interval(_ e: MetricEstimate) -> String {
        guard let lo = e.ciLower, let hi = e.ciUpper else { return "n/a" }
        return "[\(format(lo)), \(format(hi))]"
    }

    static func percent(_ level: Double) -> String {
        let p = level * 100
        return p == p.rounded() ? "\(Int(p))%" : String(format: "%.1f%%", p)
    }
}
