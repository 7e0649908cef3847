import Formats

/// The configuration schema: every key once, with its type, bounds, default and meaning. The
/// built-in defaults (`defaultTree`, equal to the shipped `config_ultra_S.json`), the key checks,
/// the typed reading (`ConfigReader`) and README's key table (`markdownTable`) all derive from it.
/// Constraints between keys are in `TrainingConfig.checkConsistency`.
public enum ConfigSchema {
    public static let keys: [ConfigKey] = [
        .init("paths.data_dir", .path, #""./data""#, "Holds `train/` and optionally `val/`, `test/`, one folder per class."),
        .init("paths.checkpoint_dir", .path, #""./checkpoints""#, "Checkpoints of the run (one run per folder)."),
        .init("paths.export_dir", .path, #""./exports""#, "Exported models."),
        .init("paths.logs_dir", .path, #""./logs""#, "`training.log`, `metrics.jsonl` and `tensorboard/`."),

        .init("model.architecture", .oneOf(TrainingConfig.architectures.map(\.name)), #""efficientnetv2_s""#,
              "The backbone (`tiny` is the test network)."),
        .init("model.pretrained", .bool, "true", "Start from ImageNet weights (a torchvision weights file)."),
        .init("model.num_classes", .int(min: 2), "3", "Must equal the number of `data.class_names`."),
        .init("model.dropout_rate", .double(.halfOpenUnit), "0.45", "Head dropout p (the head's three dropouts use p, p/2, 0.3p)."),
        .init("model.use_cbam", .bool, "true", "CBAM attention before the head."),
        .init("model.cbam_reduction", .int(min: 1), "16", "CBAM channel reduction (mid channels = max(1280 / r, 8))."),
        .init("model.progressive_unfreezing.enabled", .bool, "true", "false: the whole network trains from the first epoch."),
        .init("model.progressive_unfreezing.phase1_epochs", .int(min: 1), "8", "Last epoch of phase 1 (head only)."),
        .init("model.progressive_unfreezing.phase2_epochs", .int(min: 1), "20", "Last epoch of phase 2; phase ends strictly increase."),
        .init("model.progressive_unfreezing.phase3_epochs", .int(min: 1), "40", "Last epoch of phase 3."),
        .init("model.progressive_unfreezing.phase4_epochs", .int(min: 1), "80", "Last epoch of phase 4; <= `training.epochs`."),
        .init("model.progressive_unfreezing.phase2_unfreeze_percent", .double(.openClosedUnit), "0.25",
              "Fraction of backbone feature modules (from the end) unfrozen in phase 2."),
        .init("model.progressive_unfreezing.phase3_unfreeze_percent", .double(.openClosedUnit), "0.50", "Same for phase 3; >= phase 2's."),
        .init("model.progressive_unfreezing.lr_reduction_phase2", .double(.openClosedUnit), "0.5", "LR multiplier of the base rate in phase 2."),
        .init("model.progressive_unfreezing.lr_reduction_phase3", .double(.openClosedUnit), "0.3", "LR multiplier in phase 3."),
        .init("model.progressive_unfreezing.lr_reduction_phase4", .double(.openClosedUnit), "0.1", "LR multiplier in phase 4."),

        .init("data.image_size", .int(min: 32), "512", "Square input size."),
        .init("data.batch_size", .int(min: 1), "4", "Physical batch of one step; at least 2 (the head's BatchNorm1d)."),
        .init("data.gradient_accumulation_steps", .int(min: 1), "4", "Steps accumulated per optimizer step."),
        .init("data.num_workers", .int(min: 0), "2", "Background threads decoding and augmenting."),
        .init("data.pin_memory", .bool, "false", "Accepted for compatibility; no effect on a CPU-only runtime."),
        .init("data.class_names", .stringList(minCount: 2, allowed: nil), #"["benign", "malignant", "normal"]"#,
              "Class folder names, in label order; unique folder names."),
        .init("data.malignant_class", .string, #""malignant""#, "The class whose sensitivity is tracked and thresholded; one of `data.class_names`."),
        .init("data.val_split", .double(.halfOpenUnit), "0.15", "Fraction of `train/` split off (seeded, stratified, by group) when `val/` is missing."),
        .init("data.test_split", .double(.halfOpenUnit), "0.10", "Same for `test/`; with `data.val_split` < 1."),
        .init("data.recursive", .autoBool, #""auto""#,
              "Read sub-folders of class folders: `auto` when the tree holds DICOM files (else they are reported), `true`, `false`."),
        .init("data.group_by", .string, #""""#,
              "Patient/study grouping: a regex on the relative path whose first group is the id, `dicom:PatientID`, `dicom:StudyInstanceUID`; empty: per image."),
        .init("data.manifest", .string, #""""#,
              "A CSV (`path,label[,split,group]`, paths relative to `paths.data_dir`) that alone defines the samples; empty: class folders."),
        .init("data.allow_cross_split_duplicates", .bool, "false",
              "Go on (with a warning) when the same file content is in two splits; false: an error at train start."),
        .init("data.breast_cropping", .bool, "true", "Crop to the breast region before CLAHE."),
        .init("data.intensity_window", .intensityWindow, #""percentile""#,
              "How images of more than 8 bits (16-bit PNG/TIFF, DICOM without a window) become 8-bit: min to max, the percentiles below, or fixed [low, high] values. 8-bit images are used as stored."),
        .init("data.intensity_percentiles", .pair(.range(0, 100)), "[0.5, 99.5]", "The low and high percentiles of `\"percentile\"`."),
        .init("data.dicom.window_index", .int(min: 0), "0", "Which DICOM Window Center/Width pair to use (0 = the first)."),
        .init("data.dicom.frame", .optionalInt(min: 0), "null", "The frame of multi-frame DICOM files (from 0); null refuses them."),
        .init("data.oversampling.enabled", .bool, "true", "The partial oversampling sampler."),
        .init("data.oversampling.ratio", .double(.closedUnit), "0.85", "How far towards balanced: weight = (max count / class count)^ratio."),
        .init("data.oversampling.max_weight", .double(.atLeast(1)), "2.0", "Cap on a sample's weight."),
        .init("data.augmentation.horizontal_flip", .double(.closedUnit), "0.5", "Probability of a horizontal flip (training only)."),
        .init("data.augmentation.vertical_flip", .double(.closedUnit), "0.3", "Probability of a vertical flip."),
        .init("data.augmentation.rotation", .double(.range(0, 180)), "15", "Maximum rotation in degrees."),
        .init("data.augmentation.brightness", .double(.halfOpenUnit), "0.2", "Brightness factor drawn from [1 - s, 1 + s]."),
        .init("data.augmentation.contrast", .double(.halfOpenUnit), "0.2", "Contrast factor drawn from [1 - s, 1 + s]."),
        .init("data.augmentation.use_clahe", .bool, "true", "CLAHE on luminance (clip 2.0, 8x8 tiles), once at preprocessing."),
        .init("data.augmentation.translate", .double(.halfOpenUnit), "0.05", "Maximum translation, a fraction of the image size per axis."),
        .init("data.augmentation.scale", .pair(.positive), "[0.95, 1.05]", "Scale range."),
        .init("data.augmentation.random_erasing.p", .double(.closedUnit), "0.15", "Probability of random erasing."),
        .init("data.augmentation.random_erasing.scale", .pair(.openClosedUnit), "[0.02, 0.08]", "Erased area fraction range."),
        .init("data.augmentation.random_erasing.ratio", .pair(.positive), "[0.3, 3.3]", "Erased aspect ratio range."),

        .init("training.epochs", .int(min: 1), "80", "Epochs of the run."),
        .init("training.learning_rate", .double(.positive), "0.0003", "Base learning rate."),
        .init("training.weight_decay", .double(.nonNegative), "0.0001", "AdamW decoupled weight decay."),
        .init("training.optimizer", .oneOf(["adamw"]), #""adamw""#, "The optimizer."),
        .init("training.scheduler", .oneOf(["cosine_warmup_restarts"]), #""cosine_warmup_restarts""#, "The LR schedule."),
        .init("training.warmup_epochs", .int(min: 0), "8", "Linear warmup epochs; < `training.epochs`."),
        .init("training.restart_epochs", .intList(min: 1), "[25, 50, 70]",
              "Epochs at which the cosine restarts; strictly increasing, each after warmup and before the end."),
        .init("training.label_smoothing", .double(.halfOpenUnit), "0.12", "Label smoothing of the loss."),
        .init("training.gradient_clip", .double(.positive), "1.0", "Global gradient-norm clip."),
        .init("training.precision", .oneOf(["fp32", "bf16"]), #""fp32""#,
              "Contractions: `fp32`, or `bf16` (bfloat16 inputs, fp32 accumulation; AVX512-BF16 CPUs only). BatchNorm, loss, optimizer, EMA and weights stay fp32."),
        .init("training.use_ema", .bool, "true", "Keep an exponential moving average of the weights."),
        .init("training.ema_decay", .double(.openUnit), "0.9998", "EMA decay per optimizer step."),
        .init("training.focal_loss.enabled", .bool, "true", "Focal loss; false: cross-entropy (with label smoothing)."),
        .init("training.focal_loss.alpha", .doubleList(.nonNegative), "[0.25, 0.50, 0.25]", "One weight per class, in `data.class_names` order."),
        .init("training.focal_loss.gamma", .double(.nonNegative), "2.5", "Focusing exponent."),
        .init("training.early_stopping.enabled", .bool, "true", "Stop when `metrics.primary_metric` stops improving."),
        .init("training.early_stopping.patience", .int(min: 1), "10", "Epochs without improvement before stopping."),
        .init("training.early_stopping.min_delta", .double(.halfOpenUnit), "0.001", "Smallest improvement that counts, on the metric's scale."),

        .init("metrics.primary_metric", .oneOf(TrainingConfig.primaryMetricNames), #""f1_weighted""#,
              "Chooses the best checkpoint and drives early stopping."),
        .init("metrics.track_metrics", .stringList(minCount: 0, allowed: TrainingConfig.metricNames),
              #"["accuracy", "auc_roc", "auc_pr", "sensitivity", "specificity", "ppv", "npv", "f1_macro", "f1_weighted"]"#,
              "Reported each epoch; no repeats."),
        .init("metrics.clinical_thresholds.sensitivity_min", .double(.closedUnit), "0.96",
              "Malignant sensitivity target: the decision threshold is tuned to reach it."),
        .init("metrics.clinical_thresholds.specificity_min", .double(.closedUnit), "0.91", "Specificity target, reported as met or not."),
        .init("metrics.clinical_thresholds.auc_roc_min", .double(.closedUnit), "0.955", "AUC-ROC target, reported as met or not."),
        .init("clinical.min_sensitivity_malignant", .double(.openClosedUnit), "0.96",
              "The original's tuning target, kept for its files; a value differing from `sensitivity_min` is warned about."),

        .init("inference.tta_enabled", .bool, "true", "Average predictions over `inference.tta_transforms`."),
        .init("inference.tta_transforms", .stringList(minCount: 1, allowed: TrainingConfig.ttaTransformNames),
              #"["original", "horizontal_flip", "vertical_flip", "rotate_5", "brightness_5", "contrast_5"]"#, "TTA views; no repeats."),
        .init("inference.temperature_scaling", .bool, "true", "Fit a temperature on validation NLL."),
        .init("inference.initial_temperature", .double(.positive), "1.3", "Starting temperature of the fit."),

        .init("system.device", .oneOf(["auto", "cpu"]), #""auto""#, "The runtime is CPU-only."),
        .init("system.seed", .int(min: 0), "42", "Seed of splits, sampling, augmentation and initialisation."),
        .init("system.deterministic", .bool, "true", "Same seed, data and threads give the same weights bit for bit."),
        .init("system.num_threads", .int(min: 0), "8", "Compute threads; 0 means one per core."),

        .init("checkpoints.keep_latest", .int(min: 1), "3", "How many `latest` checkpoints are kept."),
        .init("checkpoints.save_every_n_epochs", .int(min: 0), "10", "A periodic checkpoint every N epochs; 0 disables."),
        .init("checkpoints.backup_dir", .string, #""""#, "A second folder every saved checkpoint is mirrored to; empty: none."),

        .init("logging.tensorboard", .bool, "true", "Write TensorBoard event files to `<paths.logs_dir>/tensorboard/<run id>/`."),
    ]

    /// The metadata sections' defaults (free-form; nothing is driven by them).
    static let metadataText = #"""
    {
      "project_info": {
        "name": "BreastAI Ultra-Performance CPU",
        "version": "3.3.1-ULTRA-S",
        "description": "Configuration optimale EfficientNetV2-S pour résultats rapides",
        "profile": "Clinical Grade - Small Model (30 days)",
        "author": "BreastAI Team",
        "created": "2024-09-30"
      },
      "estimated_time": {
        "phase1_days": 2, "phase2_days": 6, "phase3_days": 8, "phase4_days": 14, "total_days": 30, "total_weeks": 4
      },
      "expected_performance": {
        "auc_roc": "0.970-0.973", "sensitivity": "0.960-0.965", "specificity": "0.925-0.935", "f1_weighted": "0.95-0.96"
      }
    }
    """#

    /// The rows by dotted key.
    static let byKey: [String: ConfigKey] = Dictionary(uniqueKeysWithValues: keys.map { ($0.key, $0) })

    /// The row of `key` (every key the reader asks for is in the table).
    static func row(_ key: String) -> ConfigKey {
        guard let row = byKey[key] else { preconditionFailure("'\(key)' is not in ConfigSchema.keys") }
        return row
    }

    /// The defaults as one tree (metadata sections included); also the structure known keys are
    /// checked against.
    public static let defaultTree: ConfigJSON = {
        do {
            var tree = try ConfigJSON.parse(Array(metadataText.utf8)).value
            for row in keys {
                let path = row.key.split(separator: ".").map(String.init)
                tree = tree.setting(path[...], to: try ConfigJSON.parse(Array(row.defaultText.utf8)).value)
            }
            return tree
        } catch {
            fatalError("a built-in default of the configuration schema does not parse: \(error)")
        }
    }()

    /// Every non-metadata key, dotted.
    public static let leafPaths = Set(keys.map(\.key))

    /// README's key table (markdown): key, type and bounds, default, meaning.
    public static func markdownTable() -> String {
        var lines = ["| key | type | default | meaning |", "| --- | --- | --- | --- |"]
        for row in keys {
            lines.append("| `\(row.key)` | \(row.kind.text) | `\(row.defaultText)` | \(row.doc) |")
        }
        return lines.joined(separator: "\n")
    }
}
