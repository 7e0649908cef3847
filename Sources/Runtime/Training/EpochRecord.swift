import Foundation
import Evaluation
import Runtime

/// One line of `logs/metrics.jsonl`: an epoch's training figures and its validation metrics
/// (EMA weights), or the final test evaluation. Every class-prediction figure (`metrics`,
/// `confusion_matrix`) is of the decision rule at `threshold`; the `*_at_argmax` fields are the
/// labelled secondary figures of the plain argmax.
public struct EpochRecord: Codable, Equatable, Sendable {
    /// "val" for an epoch, "test" for the final evaluation.
    public var split: String
    public var epoch: Int
    public var phase: Int
    /// Learning rate of the epoch's last optimizer step.
    public var lr: Double
    public var trainLoss: Double?
    /// Mean negative log-likelihood of the evaluated split's probabilities at `temperature`.
    public var nll: Double?
    public var samples: Int
    /// Every metric of `TrainingConfig.metricNames` that is defined on this data.
    public var metrics: [String: Double]
    public var aucMacro: Double?
    public var eceUniform: Double?
    public var brier: Double?
    public var threshold: Double
    /// Softmax temperature of the probabilities (1 before calibration).
    public var temperature: Double?
    /// Secondary: figures of the plain argmax.
    public var sensitivityAtArgmax: Double?
    public var specificityAtArgmax: Double?
    public var accuracyAtArgmax: Double?
    public var f1WeightedAtArgmax: Double?
    /// `[truth][predicted]`, predictions at `threshold`.
    public var confusionMatrix: [[Int]]
    public var epochSeconds: Double
    /// Mean seconds per micro-batch step (forward, backward, and its share of the updates).
    public var stepSeconds: Double?
    public var imagesPerSecond: Double?
    public var evalSeconds: Double
    /// Images through the eval program per second of `evalSeconds` (TTA views counted: samples x views).
    public var evalImagesPerSecond: Double?
    /// Where the training part of the epoch went (see `TrainingSpeed`): `trainSeconds` =
    /// `computeSeconds` (= `stepComputeSeconds` + `updateComputeSeconds`) + `dataWaitSeconds` +
    /// `hostSeconds`; `imagesPerSecond` = `trainImages` / `trainSeconds`. nil on test records.
    public var trainSeconds: Double?
    public var computeSeconds: Double?
    public var stepComputeSeconds: Double?
    public var updateComputeSeconds: Double?
    public var dataWaitSeconds: Double?
    public var hostSeconds: Double?
    /// CPU seconds of the loader threads during the training part (not a part of `trainSeconds`).
    public var loaderCPUSeconds: Double?
    public var trainImages: Int?
    public var optimizerSteps: Int?
    public var secondsPerOptimizerStep: Double?
    public var peakRSSBytes: Int
    public var isBest: Bool
    public var earlyStoppingWait: Int

    enum CodingKeys: String, CodingKey {
        case split, epoch, phase, lr, nll, samples, metrics, threshold, temperature, brier
        case trainLoss = "train_loss", aucMacro = "auc_macro", eceUniform = "ece_uniform"
        case sensitivityAtArgmax = "sensitivity_at_argmax", specificityAtArgmax = "specificity_at_argmax"
        case accuracyAtArgmax = "accuracy_at_argmax", f1WeightedAtArgmax = "f1_weighted_at_argmax"
        case confusionMatrix = "confusion_matrix", epochSeconds = "epoch_seconds", stepSeconds = "step_seconds"
        case imagesPerSecond = "images_per_second", evalSeconds = "eval_seconds", peakRSSBytes = "peak_rss_bytes"
        case isBest = "is_best", earlyStoppingWait = "early_stopping_wait"
        case evalImagesPerSecond = "eval_images_per_second", trainSeconds = "train_seconds", computeSeconds = "compute_seconds"
        case stepComputeSeconds = "step_compute_seconds", updateComputeSeconds = "update_compute_seconds"
        case dataWaitSeconds = "data_wait_seconds", hostSeconds = "host_seconds", trainImages = "train_images"
        case loaderCPUSeconds = "loader_cpu_seconds"
        case optimizerSteps = "optimizer_steps", secondsPerOptimizerStep = "seconds_per_optimizer_step"
    }

    /// Fills the training-speed fields from `speed` (the epoch's training part).
    public mutating func setTraining(_ speed: TrainingSpeed) {
        trainSeconds = speed.seconds; computeSeconds = speed.computeSeconds
        stepComputeSeconds = speed.stepSeconds; updateComputeSeconds = speed.updateSeconds
        dataWaitSeconds = speed.dataWaitSeconds; hostSeconds = speed.hostSeconds; loaderCPUSeconds = speed.loaderCPUSeconds
        trainImages = speed.images; optimizerSteps = speed.optimizerSteps
        secondsPerOptimizerStep = speed.secondsPerOptimizerStep
        imagesPerSecond = speed.imagesPerSecond
    }

    /// The record of an evaluation: every metric of the report by its config name; `temperature`
    /// is the one the report's probabilities were computed at.
    public init(split: String, epoch: Int, phase: Int, lr: Double, trainLoss: Double?, output: Evaluator.Output,
                report: ClassificationMetrics, temperature: Double = 1) {
        self.split = split; self.epoch = epoch; self.phase = phase; self.lr = lr; self.trainLoss = trainLoss
        nll = output.nll(temperature: temperature)
        self.temperature = temperature
        samples = report.samples
        var values: [String: Double] = [:]
        for name in TrainingConfig.metricNames { values[name] = TrainingConfig.metric(name, of: report) }
        metrics = values
        aucMacro = report.aucMacro; eceUniform = report.eceUniform; brier = report.brier
        threshold = report.threshold
        sensitivityAtArgmax = report.atArgmax.binary.sensitivity; specificityAtArgmax = report.atArgmax.binary.specificity
        accuracyAtArgmax = report.atArgmax.accuracy; f1WeightedAtArgmax = report.atArgmax.f1Weighted
        confusionMatrix = report.confusionMatrix
        epochSeconds = 0; stepSeconds = nil; imagesPerSecond = nil; evalSeconds = output.seconds
        let evaluated = report.samples * max(1, output.viewLogits.count)
        evalImagesPerSecond = output.seconds > 0 ? Double(evaluated) / output.seconds : nil
        peakRSSBytes = ResidentMemory.peak(); isBest = false; earlyStoppingWait = 0
    }

    /// The short summary printed after an epoch: the tracked metrics and the threshold.
    public func summary(tracked: [String]) -> String {
        func f(_ v: Double?) -> String { v.map { String(format: "%.3f", $0) } ?? "n/a" }
        var parts = tracked.map { "\(Self.shortName($0)) \(f(metrics[$0]))" }
        parts.append("Threshold \(String(format: "%.3f", threshold))")
        return parts.joined(separator: " · ")
    }

    /// The names the log prints: the original guide's (`AUC`, `Sensitivity`, ...), so its monitoring
    /// command `grep -E "(Phase|Epoch|AUC|Sensitivity)"` finds the epoch lines.
    static func shortName(_ metric: String) -> String {
        ["balanced_accuracy": "BalAcc", "accuracy": "Acc", "auc_roc": "AUC", "auc_pr": "AUC-PR", "sensitivity": "Sensitivity",
         "specificity": "Specificity", "ppv": "PPV", "npv": "NPV", "f1_macro": "F1-macro", "f1_weighted": "F1-weighted",
         "ece": "ECE"][metric] ?? metric
    }
}
