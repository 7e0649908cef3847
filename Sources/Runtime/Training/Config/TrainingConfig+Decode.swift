import Foundation
import Graph
import Data
import Evaluation
import Formats

extension TrainingConfig {
    /// The typed configuration from the merged tree; types and bounds come from `ConfigSchema`.
    init(reader r: inout ConfigReader, source: String) throws(RuntimeError) {
        let p = "paths."
        paths = Paths(
            dataDir: try r.path(p + "data_dir"), checkpointDir: try r.path(p + "checkpoint_dir"),
            exportDir: try r.path(p + "export_dir"), logsDir: try r.path(p + "logs_dir"))

        let m = "model.", u = "model.progressive_unfreezing."
        let architecture = try r.oneOf(m + "architecture")
        let unfreezing = ProgressiveUnfreezing(
            enabled: try r.bool(u + "enabled"),
            phase1Epochs: try r.int(u + "phase1_epochs"), phase2Epochs: try r.int(u + "phase2_epochs"),
            phase3Epochs: try r.int(u + "phase3_epochs"), phase4Epochs: try r.int(u + "phase4_epochs"),
            phase2UnfreezePercent: try r.double(u + "phase2_unfreeze_percent"),
            phase3UnfreezePercent: try r.double(u + "phase3_unfreeze_percent"),
            lrReductionPhase2: try r.double(u + "lr_reduction_phase2"),
            lrReductionPhase3: try r.double(u + "lr_reduction_phase3"),
            lrReductionPhase4: try r.double(u + "lr_reduction_phase4"))
        model = Model(
            architecture: architecture, variant: Self.architectures.first { $0.name == architecture }!.variant,
            pretrained: try r.bool(m + "pretrained"), numClasses: try r.int(m + "num_classes"),
            dropoutRate: try r.double(m + "dropout_rate"), useCBAM: try r.bool(m + "use_cbam"),
            cbamReduction: try r.int(m + "cbam_reduction"), progressiveUnfreezing: unfreezing)

        let d = "data.", a = "data.augmentation.", e = "data.augmentation.random_erasing.", o = "data.oversampling."
        data = DataSettings(
            imageSize: try r.int(d + "image_size"), batchSize: try r.int(d + "batch_size"),
            gradientAccumulationSteps: try r.int(d + "gradient_accumulation_steps"),
            numWorkers: try r.int(d + "num_workers"), pinMemory: try r.bool(d + "pin_memory"),
            classNames: try r.stringList(d + "class_names"),
            malignantClass: try r.string(d + "malignant_class"),
            valSplit: try r.double(d + "val_split"), testSplit: try r.double(d + "test_split"),
            recursive: try r.autoBool(d + "recursive"),
            groupBy: try Self.groupRule(try r.string(d + "group_by"), reader: r),
            manifest: try r.string(d + "manifest").nonEmpty,
            allowCrossSplitDuplicates: try r.bool(d + "allow_cross_split_duplicates"),
            breastCropping: try r.bool(d + "breast_cropping"),
            decoding: DecodeOptions(
                window: try r.intensityWindow(d + "intensity_window", percentilesKey: d + "intensity_percentiles"),
                dicomWindowIndex: try r.int(d + "dicom.window_index"), dicomFrame: try r.optionalInt(d + "dicom.frame")),
            oversampling: Oversampling(
                enabled: try r.bool(o + "enabled"), ratio: try r.double(o + "ratio"),
                maxWeight: try r.double(o + "max_weight")),
            augmentation: Augmentation(
                horizontalFlip: try r.double(a + "horizontal_flip"),
                verticalFlip: try r.double(a + "vertical_flip"),
                rotation: try r.double(a + "rotation"),
                brightness: try r.double(a + "brightness"),
                contrast: try r.double(a + "contrast"),
                useCLAHE: try r.bool(a + "use_clahe"),
                translate: try r.double(a + "translate"),
                scale: try r.pair(a + "scale"),
                randomErasing: RandomErasing(
                    p: try r.double(e + "p"), scale: try r.pair(e + "scale"),
                    ratio: try r.pair(e + "ratio"))))

        let t = "training.", f = "training.focal_loss.", s = "training.early_stopping."
        training = Training(
            epochs: try r.int(t + "epochs"), learningRate: try r.double(t + "learning_rate"),
            weightDecay: try r.double(t + "weight_decay"),
            optimizer: try r.oneOf(t + "optimizer"),
            scheduler: try r.oneOf(t + "scheduler"),
            warmupEpochs: try r.int(t + "warmup_epochs"), restartEpochs: try r.intList(t + "restart_epochs"),
            labelSmoothing: try r.double(t + "label_smoothing"),
            gradientClip: try r.double(t + "gradient_clip"), precision: try r.oneOf(t + "precision"), useEMA: try r.bool(t + "use_ema"),
            emaDecay: try r.double(t + "ema_decay"),
            focalLoss: FocalLoss(
                enabled: try r.bool(f + "enabled"), alpha: try r.doubleList(f + "alpha"),
                gamma: try r.double(f + "gamma")),
            earlyStopping: EarlyStopping(
                enabled: try r.bool(s + "enabled"), patience: try r.int(s + "patience"),
                minDelta: try r.double(s + "min_delta")))

        let c = "metrics.clinical_thresholds."
        metrics = Metrics(
            primaryMetric: try r.oneOf("metrics.primary_metric"),
            trackMetrics: try r.stringList("metrics.track_metrics"),
            clinicalThresholds: ClinicalThresholds(
                sensitivityMin: try r.double(c + "sensitivity_min"),
                specificityMin: try r.double(c + "specificity_min"),
                aucROCMin: try r.double(c + "auc_roc_min")))
        clinical = Clinical(minSensitivityMalignant: try r.double("clinical.min_sensitivity_malignant"))

        let i = "inference."
        inference = Inference(
            ttaEnabled: try r.bool(i + "tta_enabled"),
            ttaTransforms: try r.stringList(i + "tta_transforms"),
            temperatureScaling: try r.bool(i + "temperature_scaling"),
            initialTemperature: try r.double(i + "initial_temperature"))

        system = SystemSettings(
            device: try r.oneOf("system.device"),
            seed: UInt64(try r.int("system.seed")), deterministic: try r.bool("system.deterministic"),
            numThreads: try r.int("system.num_threads"))
        checkpoints = Checkpoints(
            keepLatest: try r.int("checkpoints.keep_latest"),
            saveEveryNEpochs: try r.int("checkpoints.save_every_n_epochs"),
            backupDir: try r.string("checkpoints.backup_dir").nonEmpty)
        logging = Logging(tensorboard: try r.bool("logging.tensorboard"))

        var metadata: [String: ConfigJSON] = [:]
        if case .object(let root) = r.tree {
            for key in Self.metadataSections { if let value = root[key] { metadata[key] = value } }
        }
        self.metadata = metadata
        self.source = source
        canonicalJSON = r.tree.canonical
        configHash = String(SHA256.hex(canonicalJSON).prefix(16))

        try checkConsistency(&r)
    }

    /// The constraints between keys.
    private func checkConsistency(_ r: inout ConfigReader) throws(RuntimeError) {
        // Classes.
        let names = data.classNames
        if let bad = names.first(where: { $0.isEmpty || $0.contains("/") || $0 == "." || $0 == ".." }) {
            throw r.fail("data.class_names", "must be folder names (non-empty, no '/'), found \"\(bad)\"")
        }
        if let duplicate = names.enumerated().first(where: { names[..<$0.offset].contains($0.element) })?.element {
            throw r.fail("data.class_names", "must be unique, found \"\(duplicate)\" twice")
        }
        guard model.numClasses == names.count else {
            throw r.fail("model.num_classes", "(\(model.numClasses)) must equal the number of 'data.class_names' (\(names.count))")
        }
        guard names.contains(data.malignantClass) else {
            throw r.fail("data.malignant_class", "must be one of 'data.class_names' (\(names.joined(separator: ", "))), found \"\(data.malignantClass)\"")
        }
        guard training.focalLoss.alpha.count == names.count else {
            throw r.fail("training.focal_loss.alpha", "must have one value per class (\(names.count)), found \(training.focalLoss.alpha.count)")
        }
        // Training-mode BatchNorm1d of the head needs two samples (PyTorch raises for one).
        guard data.batchSize >= 2 else {
            throw r.fail("data.batch_size", "must be at least 2: the head's BatchNorm1d cannot train on a batch of one (PyTorch raises the same)")
        }
        // Splits.
        guard data.valSplit + data.testSplit < 1 else {
            throw r.fail("data.test_split", "plus 'data.val_split' must be < 1, found \(data.testSplit) + \(data.valSplit)")
        }
        // Phases.
        let u = model.progressiveUnfreezing, prefix = "model.progressive_unfreezing."
        let ends = u.phaseEnds
        for k in 1 ..< 4 where ends[k] <= ends[k - 1] {
            throw r.fail(prefix + "phase\(k + 1)_epochs", "(\(ends[k])) must be greater than '\(prefix)phase\(k)_epochs' (\(ends[k - 1]))")
        }
        guard u.phase4Epochs <= training.epochs else {
            throw r.fail(prefix + "phase4_epochs", "(\(u.phase4Epochs)) must be <= 'training.epochs' (\(training.epochs)); a shorter run needs shorter phases")
        }
        guard u.phase3UnfreezePercent >= u.phase2UnfreezePercent else {
            throw r.fail(prefix + "phase3_unfreeze_percent", "(\(u.phase3UnfreezePercent)) must be >= '\(prefix)phase2_unfreeze_percent' (\(u.phase2UnfreezePercent))")
        }
        // Schedule.
        guard training.warmupEpochs < training.epochs else {
            throw r.fail("training.warmup_epochs", "(\(training.warmupEpochs)) must be < 'training.epochs' (\(training.epochs))")
        }
        var previous = training.warmupEpochs
        for restart in training.restartEpochs {
            guard restart > previous else {
                throw r.fail("training.restart_epochs", restart <= training.warmupEpochs
                    ? "must all be after 'training.warmup_epochs' (\(training.warmupEpochs)), found \(restart)"
                    : "must be strictly increasing, found \(restart) after \(previous)")
            }
            guard restart < training.epochs else {
                throw r.fail("training.restart_epochs", "must all be before 'training.epochs' (\(training.epochs)), found \(restart)")
            }
            previous = restart
        }
        // Lists without repeats.
        for (key, list) in [("metrics.track_metrics", metrics.trackMetrics), ("inference.tta_transforms", inference.ttaTransforms)] {
            if let duplicate = list.enumerated().first(where: { list[..<$0.offset].contains($0.element) })?.element {
                throw r.fail(key, "must not repeat \"\(duplicate)\"")
            }
        }
    }
}
