import Foundation
import Graph
import Data
import Evaluation

extension TrainingConfig {
    /// The network the configuration trains: `model.architecture` at `data.image_size`, batch
    /// `data.batch_size`, the BreastAI head (CBAM per `model.use_cbam`, dropout `model.dropout_rate`).
    public var modelConfig: ModelConfig {
        ModelConfig(variant: model.variant, classes: model.numClasses, imageSize: data.imageSize, batch: data.batchSize,
                    head: .breastAI(cbam: model.useCBAM, dropout: Float(model.dropoutRate)))
    }

    /// The per-image decoding and preprocessing done once and cached (`data.intensity_window`,
    /// `data.dicom.*`, `data.breast_cropping`, `data.augmentation.use_clahe`, `data.image_size`): one
    /// path for training, evaluation and prediction.
    public var preprocessor: Preprocessor {
        Preprocessor(crop: data.breastCropping, clahe: data.useCLAHE, size: data.imageSize, decoding: data.decoding)
    }

    /// The loss compiled into the training step: focal loss (α, γ, label smoothing) or, with
    /// `training.focal_loss.enabled` false, cross-entropy with label smoothing.
    public var lossAttrs: LossAttrs {
        let smoothing = Float(training.labelSmoothing)
        guard training.focalLoss.enabled else { return .crossEntropy(classes: model.numClasses, smoothing: smoothing) }
        return LossAttrs(alpha: training.focalLoss.alpha.map(Float.init), gamma: Float(training.focalLoss.gamma), smoothing: smoothing)
    }

    /// The phase ends and LR multipliers of the schedule: the four phases of
    /// `model.progressive_unfreezing`, or one phase at the base rate when it is disabled.
    public var phasePlan: (ends: [Int], multipliers: [Double]) {
        let u = model.progressiveUnfreezing
        guard u.enabled else { return ([], [1]) }
        return ([u.phase1Epochs, u.phase2Epochs, u.phase3Epochs],
                [1, u.lrReductionPhase2, u.lrReductionPhase3, u.lrReductionPhase4])
    }

    /// The compiled phase (1-4) that trains `epoch` (1-based): phase 4 (everything) when
    /// progressive unfreezing is disabled.
    public func phase(ofEpoch epoch: Int) -> Int {
        let plan = phasePlan
        guard !plan.ends.isEmpty else { return 4 }
        return 1 + plan.ends.filter { $0 < epoch }.count
    }

    /// The recipe's phases with the configured unfreeze fractions (phase 1 frozen, phase 4 all).
    public var phases: [Phase] {
        let u = model.progressiveUnfreezing
        return [Phase(number: 1, unfreezeFraction: 0), Phase(number: 2, unfreezeFraction: u.phase2UnfreezePercent),
                Phase(number: 3, unfreezeFraction: u.phase3UnfreezePercent), Phase(number: 4, unfreezeFraction: 1)]
    }

    /// The value of `metrics.primary_metric` (or any name of `metricNames`) in a report; nil
    /// when undefined on this data (no positives, ...). The binary ones are malignant vs rest at
    /// the report's threshold.
    public static func metric(_ name: String, of r: ClassificationMetrics) -> Double? {
        switch name {
        case "accuracy": return r.accuracy
        case "balanced_accuracy": return r.balancedAccuracy
        case "auc_roc": return r.aucROC
        case "auc_pr": return r.aucPR
        case "sensitivity": return r.atThreshold.sensitivity
        case "specificity": return r.atThreshold.specificity
        case "ppv": return r.atThreshold.ppv
        case "npv": return r.atThreshold.npv
        case "f1_macro": return r.f1Macro
        case "f1_weighted": return r.f1Weighted
        case "ece": return r.eceAdaptive
        default: return nil
        }
    }
}
