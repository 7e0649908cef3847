import Foundation
import Evaluation

/// The deployed decision fitted on the validation split: the temperature (probability
/// calibration), then the malignant threshold tuned again on the calibrated probabilities (a
/// threshold tuned on uncalibrated probabilities would mean something else after scaling). Both
/// are of the deployed prediction: the TTA average when TTA is on.
///
/// Names: "calibration" means the temperature only (and ECE measures it); BatchNorm statistics
/// are re-estimated (`Trainer.reestimateBatchNormStatistics`), not calibrated.
public enum DecisionFit {
    public struct Result: Sendable {
        public var fit: TemperatureFit
        /// nil when the validation split lacks positives or negatives (keep the previous threshold).
        public var threshold: Metrics.ThresholdChoice?
    }

    /// T fitted on the average over the views of softmax(z_v / T) (from
    /// `inference.initial_temperature`), then the threshold reaching `config.decisionTarget` on
    /// `val.probabilities(temperature: T)`, the same probabilities every report and `predict`
    /// compute. `views` names the views of `val` (recorded in the fit).
    public static func fit(_ val: Evaluator.Output, views: [String], config: TrainingConfig) -> Result {
        precondition(views.count == val.viewLogits.count, "\(views.count) view names for \(val.viewLogits.count) views")
        var fit = TemperatureScaling.fit(viewLogits: val.viewLogits, labels: val.labels, initial: config.inference.initialTemperature)
        fit.views = views
        return Result(fit: fit, threshold: tuneThreshold(val.probabilities(temperature: fit.temperature), labels: val.labels, config: config))
    }

    /// The decision threshold on `probabilities` for `config.decisionTarget` (every tuning goes
    /// through here); nil without malignant or without other samples.
    public static func tuneThreshold(_ probabilities: [[Double]], labels: [Int], config: TrainingConfig) -> Metrics.ThresholdChoice? {
        let m = config.data.malignantIndex
        return Metrics.tuneThreshold(scores: probabilities.map { $0[m] }, isPositive: labels.map { $0 == m },
                                     targetSensitivity: config.decisionTarget)
    }

    /// The names of the views `Trainer.views(config)` evaluates: the TTA transforms when
    /// `inference.tta_enabled`, else the image alone.
    public static func viewNames(_ config: TrainingConfig) -> [String] {
        config.inference.ttaEnabled ? config.inference.ttaTransforms : ["original"]
    }

    /// Stores a result in a trainer state (temperature, its fit, and the threshold when defined).
    public static func apply(_ r: Result, to state: inout TrainerState) {
        state.temperatureFit = r.fit
        state.temperature = r.fit.temperature
        if let t = r.threshold { state.threshold = t.threshold }
    }
}
