import Foundation

extension ClassificationMetrics {
    /// The report as the console table printed at the end of training: the figures of the
    /// decision (at the threshold) first, the argmax figures on a row labelled "at argmax
    /// (secondary)", the ranking and calibration figures, then the confusion matrix at the
    /// threshold with each class's F1 and one-vs-rest AUC.
    public func table(title: String, classNames: [String]) -> String {
        precondition(classNames.count == confusionMatrix.count, "one class name per confusion-matrix row")
        func f(_ v: Double?) -> String { v.map { String(format: "%.3f", $0) } ?? "  n/a" }
        let name = classNames[positive], t = String(format: "%.3f", threshold)
        let a = atArgmax
        var lines = ["\(title) (\(samples) images)"]
        lines.append("  at threshold \(t) (the decision: \(name) when P(\(name)) >= \(t), else the most probable other class)")
        lines.append("    accuracy \(f(accuracy))  balanced accuracy \(f(balancedAccuracy))  F1 macro \(f(f1Macro))  F1 weighted \(f(f1Weighted))")
        lines.append("    \(name) vs rest: sensitivity \(f(atThreshold.sensitivity))  specificity \(f(atThreshold.specificity))  "
                     + "PPV \(f(atThreshold.ppv))  NPV \(f(atThreshold.npv))")
        lines.append("  at argmax (secondary): accuracy \(f(a.accuracy))  balanced accuracy \(f(a.balancedAccuracy))  "
                     + "F1 macro \(f(a.f1Macro))  F1 weighted \(f(a.f1Weighted))  sensitivity \(f(a.binary.sensitivity))  "
                     + "specificity \(f(a.binary.specificity))")
        lines.append("  \(name) vs rest: AUC-ROC \(f(aucROC))  AUC-PR \(f(aucPR))  AUC macro (one-vs-rest) \(f(aucMacro))")
        lines.append("  ECE (15 adaptive bins) \(f(eceAdaptive))  ECE (uniform) \(f(eceUniform))  Brier \(f(brier))")
        let width = max(11, (classNames.map(\.count).max() ?? 0) + 1)
        func pad(_ s: String) -> String { s.count >= width ? s : s + String(repeating: " ", count: width - s.count) }
        lines.append("  confusion matrix at threshold \(t) (rows truth, columns predicted)")
        lines.append("  " + pad("truth\\pred") + classNames.map { pad($0) }.joined() + "F1     AUC")
        for (c, className) in classNames.enumerated() {
            lines.append("  " + pad(className) + confusionMatrix[c].map { pad("\($0)") }.joined() + "\(f(f1PerClass[c]))  \(f(aucPerClass[c]))")
        }
        return lines.joined(separator: "\n")
    }
}
