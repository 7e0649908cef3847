import Foundation

/// The decision rule's configuration: one sensitivity target for the malignant threshold.
extension TrainingConfig {
    /// The malignant sensitivity the decision threshold is tuned for on validation:
    /// `metrics.clinical_thresholds.sensitivity_min`, the same value the clinical gate checks.
    ///
    /// Every tuning (each epoch's validation, the re-tuning after the temperature fit, `eval
    /// --refit`) passes this to `Metrics.tuneThreshold`: the threshold maximises specificity
    /// subject to sensitivity ≥ this target, ties toward more sensitivity.
    public var decisionTarget: Double { metrics.clinicalThresholds.sensitivityMin }

    /// Lines to print when a run starts: `clinical.min_sensitivity_malignant` (the original's
    /// tuning target, still accepted) is not used when it differs from `decisionTarget`, and
    /// the line says which value the threshold targets and how to make the two agree. Empty
    /// when they agree.
    public var decisionWarnings: [String] {
        let target = decisionTarget, legacy = clinical.minSensitivityMalignant
        guard abs(legacy - target) > 1e-12 else { return [] }
        func f(_ v: Double) -> String { String(format: "%g", v) }
        return ["warning: clinical.min_sensitivity_malignant is \(f(legacy)) but metrics.clinical_thresholds.sensitivity_min is "
            + "\(f(target)); the malignant threshold targets sensitivity >= \(f(target)) (metrics.clinical_thresholds.sensitivity_min). "
            + "To make them agree, set clinical.min_sensitivity_malignant to \(f(target)) (--set clinical.min_sensitivity_malignant=\(f(target))), "
            + "or set metrics.clinical_thresholds.sensitivity_min to \(f(legacy)) to target \(f(legacy))"]
    }
}
