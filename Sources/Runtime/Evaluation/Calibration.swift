import Foundation

/// Calibration of a trained model on the validation split: the temperature, then the malignant
/// threshold tuned again on the calibrated probabilities (a threshold tuned on uncalibrated
/// probabilities would mean something else after scaling).
public enum Calibration {
    public struct Result: Sendable {
        public var fit: TemperatureFit
        /// nil when the validation split lacks positives or negatives (keep the previous threshold).
        public var threshold: Metrics.ThresholdChoice?
    }

    /// T fitted on the first view's logits (from `inference.initial_temperature`), then the
    /// threshold reaching `clinical.min_sensitivity_malignant` on the view-averaged probabilities
    /// at that T.
    public static func calibrate(_ val: Evaluator.Output, config: TrainingConfig) -> Result {
        let fit = TemperatureScaling.fit(logits: val.logits, labels: val.labels, initial: config.inference.initialTemperature)
        let p = val.probabilities(temperature: fit.temperature)
        let m = config.data.malignantIndex
        let choice = Metrics.tuneThreshold(scores: p.map { $0[m] }, isPositive: val.labels.map { $0 == m },
                                           targetSensitivity: config.clinical.minSensitivityMalignant)
        return Result(fit: fit, threshold: choice)
    }

    /// Stores a result in a trainer state (temperature, its fit, and the threshold when defined).
    public static func apply(_ r: Result, to state: inout TrainerState) {
        state.temperatureFit = r.fit
        state.temperature = r.fit.temperature
        if let t = r.threshold { state.threshold = t.threshold }
    }
}
