import Foundation
import Graph
import Data
import Formats
import Evaluation

/// A training run's configuration: the schema of the original's `config_ultra_S.json` /
/// `config_ultra_M.json`, every key typed and checked.
///
/// **Loading.** `load(url:overrides:)` parses the file strictly and deep-merges it over the built-in
/// defaults, which are the ULTRA-S values (`config_ultra_S.json`), like the original's
/// `_merge_config`: a user file holds only the keys it changes, and a section it names is merged key
/// by key, not replaced. Command-line overrides (`"training.epochs": "3"`) are applied last. Then
/// every key is type- and range-checked, and the cross-field constraints are checked. Any failure
/// is a `RuntimeError.config` naming the file (or the override), the full dotted key and the problem;
/// an unknown key comes with a "did you mean" suggestion.
///
/// **Metadata.** `project_info`, `estimated_time` and `expected_performance` are accepted with any
/// content and kept in `metadata` (and in `canonicalJSON` and the hash), but drive nothing.
///
/// **Keys beyond the original's ULTRA files** (each placed where the original's `config.json` or
/// its injected defaults put it): `data.class_names`, `data.malignant_class`, `data.val_split`,
/// `data.test_split`, `data.breast_cropping`, `data.oversampling.{enabled,ratio,max_weight}`,
/// `data.augmentation.{translate,scale}`, `data.augmentation.random_erasing.{p,scale,ratio}`,
/// `training.early_stopping.{enabled,patience,min_delta}`, `clinical.min_sensitivity_malignant`,
/// `checkpoints.{keep_latest,save_every_n_epochs}`, `logging.tensorboard`.
///
/// **Identity.** `canonicalJSON` is the merged configuration with sorted keys, no whitespace and
/// normalised numbers (store it in checkpoints; `init(jsonText:source:)` reads it back to an equal
/// value); `configHash` is the first 16 hex characters of its SHA-256, as the original's
/// `config_hash`.
public struct TrainingConfig: Equatable, Sendable {
    public let paths: Paths
    public let model: Model
    public let data: DataSettings
    public let training: Training
    public let metrics: Metrics
    public let clinical: Clinical
    public let inference: Inference
    public let system: SystemSettings
    public let checkpoints: Checkpoints
    public let logging: Logging
    /// `project_info`, `estimated_time`, `expected_performance`: free-form, not used by training.
    public let metadata: [String: ConfigJSON]
    /// Where the configuration came from (the file path as given, or "defaults").
    public let source: String
    /// The merged configuration as canonical JSON (sorted keys, no whitespace).
    public let canonicalJSON: String
    /// SHA-256 of `canonicalJSON`, first 16 hex characters.
    public let configHash: String

    /// The top-level sections that are metadata: any content accepted, nothing driven by them.
    public static let metadataSections: Set<String> = ["project_info", "estimated_time", "expected_performance"]

    /// `paths`: where data is read and results are written. Relative paths are relative to the
    /// working directory.
    public struct Paths: Equatable, Sendable {
        /// Holds `train/` and optionally `val/`, `test/`, one folder per class.
        public let dataDir: String
        public let checkpointDir: String
        public let exportDir: String
        /// `training.log` and `metrics.jsonl` go here.
        public let logsDir: String
    }

    /// `model`.
    public struct Model: Equatable, Sendable {
        /// `efficientnetv2_s`, `efficientnetv2_m`, or `tiny` (the test network; not in the original).
        public let architecture: String
        /// `architecture` as the graph library's variant.
        public let variant: ModelVariant
        /// Start from ImageNet weights (the runtime needs a weights file for that).
        public let pretrained: Bool
        /// Must equal `data.class_names.count`.
        public let numClasses: Int
        /// Head dropout p (the head's three dropouts use p, p/2, 0.3p); in [0, 1).
        public let dropoutRate: Double
        public let useCBAM: Bool
        /// CBAM channel reduction (mid channels = max(1280 / r, 8)); >= 1.
        public let cbamReduction: Int
        public let progressiveUnfreezing: ProgressiveUnfreezing
    }

    /// `model.progressive_unfreezing`. Phase k covers epochs (phase(k-1)_epochs, phase(k)_epochs];
    /// the boundaries are strictly increasing and `phase4_epochs <= training.epochs`.
    public struct ProgressiveUnfreezing: Equatable, Sendable {
        /// false: the whole network trains from the first epoch at the base learning rate.
        public let enabled: Bool
        public let phase1Epochs: Int
        public let phase2Epochs: Int
        public let phase3Epochs: Int
        public let phase4Epochs: Int
        /// Fraction of backbone feature modules (by index, from the end) unfrozen in phase 2; in (0, 1].
        public let phase2UnfreezePercent: Double
        /// Same for phase 3; >= phase 2's.
        public let phase3UnfreezePercent: Double
        /// Learning-rate multipliers of the base rate in phases 2, 3, 4; in (0, 1].
        public let lrReductionPhase2: Double
        public let lrReductionPhase3: Double
        public let lrReductionPhase4: Double

        /// The four phase end epochs, in order.
        public var phaseEnds: [Int] { [phase1Epochs, phase2Epochs, phase3Epochs, phase4Epochs] }
    }

    /// `data`.
    public struct DataSettings: Equatable, Sendable {
        /// Square input size; >= 32.
        public let imageSize: Int
        /// Physical batch of one step; >= 1.
        public let batchSize: Int
        /// Steps accumulated per optimizer step; >= 1.
        public let gradientAccumulationSteps: Int
        /// Background threads decoding and augmenting; >= 0.
        public let numWorkers: Int
        /// Accepted for compatibility; has no effect on a CPU-only runtime.
        public let pinMemory: Bool
        /// Class folder names, in label order (added; the original's alphabetical order by default).
        public let classNames: [String]
        /// The class whose sensitivity is tracked and thresholded (added); one of `classNames`.
        public let malignantClass: String
        /// Fractions of `train/` split off (seeded, stratified) when `val/` or `test/` is missing
        /// (added; the original's 75/15/10). Each in [0, 1), together < 1.
        public let valSplit: Double
        public let testSplit: Double
        /// `auto`, `true` or `false`: whether sub-folders of class folders are read.
        public let recursive: String
        /// The grouping rule (`data.group_by`; `.perImage` when empty).
        public let groupBy: GroupRule
        /// A CSV manifest defining the samples (`data.manifest`), nil: class folders.
        public let manifest: String?
        /// Same content in two splits is a warning instead of an error.
        public let allowCrossSplitDuplicates: Bool
        /// Crop to the breast region before CLAHE (added; the original's `data.breast_cropping`).
        public let breastCropping: Bool
        /// How sources are decoded to 8 bits: `data.intensity_window` (+ `data.intensity_percentiles`),
        /// `data.dicom.window_index`, `data.dicom.frame`.
        public let decoding: DecodeOptions
        public let oversampling: Oversampling
        public let augmentation: Augmentation

        /// Index of `malignantClass` in `classNames`.
        public var malignantIndex: Int { classNames.firstIndex(of: malignantClass)! }
        /// CLAHE on luminance (`data.augmentation.use_clahe`, where the ULTRA files put it).
        public var useCLAHE: Bool { augmentation.useCLAHE }
    }

    /// `data.oversampling` (added; the original's injected default): the partial oversampling sampler.
    public struct Oversampling: Equatable, Sendable {
        public let enabled: Bool
        /// How far towards balanced: weight = (max count / class count)^ratio, in [0, 1].
        public let ratio: Double
        /// Cap on a sample's weight; >= 1.
        public let maxWeight: Double
    }

    /// `data.augmentation`: training only; validation and test are never augmented.
    public struct Augmentation: Equatable, Sendable {
        /// Probabilities in [0, 1].
        public let horizontalFlip: Double
        public let verticalFlip: Double
        /// Maximum rotation in degrees, in [0, 180].
        public let rotation: Double
        /// Colour jitter strengths: factor drawn from [1 - s, 1 + s]; in [0, 1).
        public let brightness: Double
        public let contrast: Double
        /// CLAHE on luminance (clip 2.0, 8x8 tiles), done once at preprocessing, not per epoch.
        public let useCLAHE: Bool
        /// Maximum translation as a fraction of the image size per axis, in [0, 1) (added).
        public let translate: Double
        /// Scale range [min, max], 0 < min <= max (added).
        public let scale: [Double]
        public let randomErasing: RandomErasing
    }

    /// `data.augmentation.random_erasing` (added; the original trainer's `RandomErasing`).
    public struct RandomErasing: Equatable, Sendable {
        /// Probability in [0, 1].
        public let p: Double
        /// Erased area fraction range, 0 < min <= max <= 1.
        public let scale: [Double]
        /// Aspect ratio range, 0 < min <= max.
        public let ratio: [Double]
    }

    /// `training`.
    public struct Training: Equatable, Sendable {
        /// >= 1.
        public let epochs: Int
        /// Base learning rate; > 0.
        public let learningRate: Double
        /// AdamW decoupled weight decay; >= 0.
        public let weightDecay: Double
        /// Only `adamw`.
        public let optimizer: String
        /// Only `cosine_warmup_restarts`.
        public let scheduler: String
        /// Linear warmup epochs; 0 <= warmup < epochs.
        public let warmupEpochs: Int
        /// Epochs at which the cosine restarts; strictly increasing, each in (warmup, epochs).
        public let restartEpochs: [Int]
        /// In [0, 1).
        public let labelSmoothing: Double
        /// Global-norm clip; > 0.
        public let gradientClip: Double
        /// `fp32` or `bf16`: the contractions' precision (the artifact is compiled for it).
        public let precision: String
        public let useEMA: Bool
        /// In (0, 1).
        public let emaDecay: Double
        public let focalLoss: FocalLoss
        public let earlyStopping: EarlyStopping
    }

    /// `training.focal_loss`; when disabled, cross-entropy (with label smoothing).
    public struct FocalLoss: Equatable, Sendable {
        public let enabled: Bool
        /// One weight >= 0 per class, in `data.class_names` order.
        public let alpha: [Double]
        /// >= 0.
        public let gamma: Double
    }

    /// `training.early_stopping` (added; the original's `config.json` values). Monitors
    /// `metrics.primary_metric`; `min_delta` is on that metric's scale, in [0, 1).
    public struct EarlyStopping: Equatable, Sendable {
        public let enabled: Bool
        /// Epochs without improvement before stopping; >= 1.
        public let patience: Int
        public let minDelta: Double
    }

    /// `metrics`.
    public struct Metrics: Equatable, Sendable {
        /// Chooses the best checkpoint and drives early stopping; one of `primaryMetricNames`.
        public let primaryMetric: String
        /// Reported each epoch; each one of `metricNames`.
        public let trackMetrics: [String]
        public let clinicalThresholds: ClinicalThresholds
    }

    /// `metrics.clinical_thresholds`: targets reported as met or not; each in [0, 1].
    public struct ClinicalThresholds: Equatable, Sendable {
        public let sensitivityMin: Double
        public let specificityMin: Double
        public let aucROCMin: Double
    }

    /// `clinical` (added; the original's injected `clinical` defaults).
    public struct Clinical: Equatable, Sendable {
        /// The original's tuning target, kept for its files; the threshold targets
        /// `metrics.clinical_thresholds.sensitivity_min` (`decisionTarget`) and a differing value is warned about. In (0, 1].
        public let minSensitivityMalignant: Double
    }

    /// `inference`.
    public struct Inference: Equatable, Sendable {
        public let ttaEnabled: Bool
        /// Non-empty, unique, each one of `ttaTransformNames`.
        public let ttaTransforms: [String]
        public let temperatureScaling: Bool
        /// > 0.
        public let initialTemperature: Double
    }

    /// `system`.
    public struct SystemSettings: Equatable, Sendable {
        /// `auto` or `cpu` (the runtime is CPU-only).
        public let device: String
        /// >= 0.
        public let seed: UInt64
        public let deterministic: Bool
        /// Compute threads; 0 means one per core.
        public let numThreads: Int
    }

    /// `checkpoints` (added; the original's `checkpoints` section, values from the issue).
    public struct Checkpoints: Equatable, Sendable {
        /// How many `latest` checkpoints are kept; >= 1.
        public let keepLatest: Int
        /// A periodic checkpoint every N epochs; 0 disables.
        public let saveEveryNEpochs: Int
        /// A second folder every saved checkpoint is mirrored to (`""` in the file: none).
        public let backupDir: String?
    }

    /// `logging` (added): what a run writes besides `training.log` and `metrics.jsonl`.
    public struct Logging: Equatable, Sendable {
        /// TensorBoard event files under `paths.logs_dir`/tensorboard/<run id>/.
        public let tensorboard: Bool
    }

    /// Metric names `metrics.track_metrics` accepts.
    public static let metricNames = [
        "accuracy", "balanced_accuracy", "auc_roc", "auc_pr", "sensitivity", "specificity", "ppv", "npv",
        "f1_macro", "f1_weighted", "ece",
    ]
    /// Metric names `metrics.primary_metric` accepts (higher is better).
    public static let primaryMetricNames = metricNames.filter { $0 != "ece" }
    /// TTA view names `inference.tta_transforms` accepts.
    public static let ttaTransformNames = [
        "original", "horizontal_flip", "vertical_flip", "rotate_5", "brightness_5", "contrast_5",
    ]
    /// `model.architecture` values and their network, one per `ModelVariant` (a new variant is
    /// accepted without a change here).
    public static let architectures: [(name: String, variant: ModelVariant)] = ModelVariant.allCases.map { ($0.architectureName, $0) }
}
