import ArgumentParser
import Foundation
import Codegen
import Graph
import Data
import Evaluation
import Formats
import ONNX
import Reports
import Runtime
import Training

/// Options naming a trained checkpoint and what evaluating it needs.
struct CheckpointOptions: ParsableArguments {
    @Option(name: .long, help: "Checkpoint: best (default), latest, a name under the checkpoint folder, or a folder.")
    var checkpoint: String = "best"
    @Flag(inversion: .prefixedNo, help: "Test-time augmentation x6 (inference.tta_transforms); default: inference.tta_enabled.")
    var tta: Bool?
    @Option(name: .long, help: ArgumentHelp("Temperature and threshold from this file (written by eval); default: <checkpoint>.calibration.json beside the checkpoint when present, else the checkpoint's own.", valueName: "file"))
    var calibration: String?
    @OptionGroup var options: TrainOptions

    /// The checkpoint folder: --checkpoint-dir, else ./checkpoints, else ./demo/checkpoints (after `breastai-run demo`).
    func checkpointDirectory() -> String {
        if let dir = options.checkpointDir { return dir }
        let fm = FileManager.default
        if !fm.fileExists(atPath: "checkpoints"), fm.fileExists(atPath: "demo/checkpoints") { return "demo/checkpoints" }
        return "checkpoints"
    }

    func open() throws -> TrainedCheckpoint {
        var overrides = try options.overrides()
        overrides.removeValue(forKey: "paths.checkpoint_dir")
        var checkpoint = try TrainedCheckpoint.open(self.checkpoint, checkpointDirectory: checkpointDirectory(), overrides: overrides)
        var source = "the checkpoint's own (\(CheckpointStore.trainerStateFile))"
        let beside = CalibrationFile.defaultURL(for: checkpoint)
        if let file = calibration.map({ URL(fileURLWithPath: $0) }) ?? (FileManager.default.fileExists(atPath: beside.path) ? beside : nil) {
            let values = try CalibrationFile.read(file)
            try values.apply(to: &checkpoint, source: file)
            source = "\(file.path) (fitted by eval on \(values.split) of \(values.dataDir), \(values.created))"
        }
        say("checkpoint \(checkpoint.url.path): epoch \(checkpoint.state.epoch), threshold \(String(format: "%.3f", checkpoint.state.threshold)), "
            + "temperature \(checkpoint.state.temperatureFit.map { String(format: "%.3f", $0.temperature) } ?? "not fitted"); calibration: \(source)")
        return checkpoint
    }

    /// The TTA views to run (just the original without TTA).
    func views(_ config: TrainingConfig) throws -> (names: [String], views: [Evaluator.View]) {
        guard tta ?? config.inference.ttaEnabled else { return (["original"], [nil]) }
        return (config.inference.ttaTransforms, try Evaluator.views(config.inference.ttaTransforms))
    }

    /// The checkpoint's data: its run's frozen split (`split.json` beside the checkpoint) checked
    /// against the data folder, or, for a run from before frozen splits, the folders split again
    /// (warned about). With `allowDataChange` the differences are printed and the run goes on.
    func data(_ checkpoint: TrainedCheckpoint, cache: ImageCache, allowDataChange: Bool) throws -> TrainingData {
        let folder = checkpoint.url.deletingLastPathComponent()
        let frozen = try FrozenSplit.read(from: folder)
        if frozen == nil {
            say("WARNING: \(folder.path) has no \(FrozenSplit.fileName) (a run from before frozen splits): the data folder is split again as at training time; files moved or changed since then are NOT detected")
        }
        let data = try TrainingData.prepare(
            config: checkpoint.config, cache: cache, threads: ProcessInfo.processInfo.activeProcessorCount,
            split: frozen.map { .frozen($0, source: FrozenSplit.url(in: folder).path, allowDataChange: allowDataChange) } ?? .fresh)
        if !data.changes.isEmpty {
            say("--allow-data-change: the data differs from the frozen split; missing files dropped, new files ignored, changed files used as they are now, moved files kept in their frozen split")
            for line in data.changes.lines { say("data change: \(line)") }
        }
        return data
    }

    /// The compiled program, the checkpoint's weights and an evaluator over them.
    func evaluator(_ checkpoint: TrainedCheckpoint, program: CompiledProgram? = nil) throws -> Evaluator {
        let config = checkpoint.config
        let program = try program ?? options.program(for: config, log: say)
        let state = try StateBlocks(layout: program.manifest.layout)
        try checkpoint.load(into: state)
        let arena = try Arena(bytes: program.manifest.eval.arenaBytes)
        let cache = try ImageCache(directory: URL(fileURLWithPath: options.cacheDir), preprocessor: config.preprocessor)
        return try Evaluator(program: program, state: state, arena: arena, cache: cache, workers: config.data.numWorkers)
    }
}

/// One line to standard output, unbuffered.
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate a checkpoint's EMA weights: every metric with a 95% bootstrap interval, TTA, temperature scaling, a report with plots.",
        discussion: """
            Examples:
              breastai-run eval                                  (best checkpoint, test split)
              breastai-run eval --checkpoint best --split val --tta --report reports/val
            The val and test files are those of the run's frozen split (split.json in the
            checkpoint folder); a file missing, changed, moved to another class or split, or
            new stops eval (--allow-data-change goes on with the changes, printed).
            When the checkpoint has no temperature (or with --refit), it is fitted on the validation split
            (inference.temperature_scaling) and written to <checkpoint>.calibration.json beside the
            checkpoint; the checkpoint itself is never changed. --report writes into a new or empty folder.
            """)
    @Option(name: .long, help: "Split: val or test.")
    var split: String = "test"
    @Option(name: .long, help: "Write report.json, report.md and the plots (PNG) into this folder.")
    var report: String?
    @Option(name: .long, help: "Bootstrap replicates for the 95% intervals.")
    var bootstrap: Int = 1000
    @Flag(name: .long, help: "Fit the temperature again even if the checkpoint has one (written beside the checkpoint).")
    var refit = false
    @Flag(name: .long, help: "Write the report into a non-empty folder and replace an earlier calibration file.")
    var force = false
    @Flag(name: .long, help: "Go on although the data differs from the run's frozen split (split.json); the changes are printed. Missing files are dropped, new files ignored, changed files used as they are now.")
    var allowDataChange = false
    @OptionGroup var checkpointOptions: CheckpointOptions

    func run() throws {
        guard ["val", "test"].contains(split) else { throw ValidationError("--split must be val or test, got '\(split)'") }
        if let dir = self.report { try OutputPath.prepareDirectory(URL(fileURLWithPath: dir), force: force, option: "--report") }
        var checkpoint = try checkpointOptions.open()
        let config = checkpoint.config
        let evaluator = try checkpointOptions.evaluator(checkpoint)
        let data = try checkpointOptions.data(checkpoint, cache: evaluator.cache, allowDataChange: allowDataChange)
        let (viewNames, views) = try checkpointOptions.views(config)
        say("views: \(viewNames.joined(separator: ", "))")

        // Temperature (fitted on the validation prediction averaged over these views, the deployed
        // one) and the threshold re-tuned on it for config.decisionTarget, written beside the checkpoint.
        var fit = checkpoint.state.temperatureFit
        var valOutput: Evaluator.Output?
        if config.inference.temperatureScaling && (fit == nil || refit) {
            let val = try evaluator.run(data.val, views: views)
            valOutput = val
            let calibration = DecisionFit.fit(val, views: viewNames, config: config)
            DecisionFit.apply(calibration, to: &checkpoint.state)
            let file = CalibrationFile.defaultURL(for: checkpoint)
            try CalibrationFile(checkpoint: checkpoint, temperature: calibration.fit.temperature, temperatureFit: calibration.fit,
                                threshold: checkpoint.state.threshold, split: "val", dataDir: config.paths.dataDir, views: viewNames)
                .write(to: file, force: force || refit)
            fit = calibration.fit
            let f = calibration.fit
            let tuned = calibration.threshold.map { String(format: " (val sensitivity %.3f, specificity %.3f)", $0.sensitivity, $0.specificity) }
                ?? " (kept: val lacks malignant or other images)"
            say(String(format: "temperature fitted on val (%d images, mean of %d views): T = %.3f, NLL %.4f -> %.4f, ECE %.4f -> %.4f; "
                       + "threshold %.3f for sensitivity >= %.3f%@ (written to %@; the checkpoint is unchanged)",
                       val.labels.count, viewNames.count, f.temperature, f.nllBefore, f.nllAfter, f.eceBefore, f.eceAfter,
                       checkpoint.state.threshold, config.decisionTarget, tuned, CalibrationFile.defaultURL(for: checkpoint).path))
        } else if config.inference.temperatureScaling, let note = fit?.mismatch(views: viewNames) {
            say("warning: \(note)")
        }
        let temperature = config.inference.temperatureScaling ? (fit?.temperature ?? 1) : 1
        let samples = split == "val" ? data.val : data.test
        guard !samples.isEmpty else { throw ValidationError("the \(split) split is empty") }
        let output: Evaluator.Output
        if split == "val", let valOutput { output = valOutput } else { output = try evaluator.run(samples, views: views) }
        let report = EvaluationReport(
            probabilities: output.probabilities(temperature: temperature), labels: output.labels,
            classNames: config.data.classNames, malignant: config.data.malignantIndex, threshold: checkpoint.state.threshold,
            targetSensitivity: config.decisionTarget, split: split, checkpoint: checkpoint.url.path, views: viewNames, temperature: temperature,
            temperatureFit: config.inference.temperatureScaling ? fit : nil, bootstrapReplicates: bootstrap, seed: config.system.seed)
        say(report.table())
        if let dir = self.report {
            let url = URL(fileURLWithPath: dir)
            let written = try ReportWriter.write(report, output: output, temperature: temperature, fit: fit,
                                                 metricsLog: URL(fileURLWithPath: config.paths.logsDir).appendingPathComponent("metrics.jsonl"),
                                                 runID: checkpoint.state.runID,
                                                 to: url)
            say("report: \(url.appendingPathComponent("report.md").path), report.json and \(written.count) plots")
            // The most confident mistakes with Grad-CAM (the explain artifact is compiled only when there are some).
            let probabilities = output.probabilities(temperature: temperature), malignant = config.data.malignantIndex
            let decisions = Metrics.thresholdPredictions(probabilities, positive: malignant, threshold: checkpoint.state.threshold)
            let mistakes = ErrorGallery.select(probabilities: probabilities, labels: output.labels, malignant: malignant,
                                               threshold: checkpoint.state.threshold, limit: 8)
            let explainer = mistakes.falseNegatives.isEmpty && mistakes.falsePositives.isEmpty ? nil
                : try Explainer(program: checkpointOptions.options.explainProgram(for: config, log: say), state: evaluator.state,
                                cache: evaluator.cache, workers: config.data.numWorkers)
            let page = try ErrorGallery.write(samples: samples, probabilities: probabilities, labels: output.labels,
                                              classNames: config.data.classNames, malignant: malignant, threshold: checkpoint.state.threshold,
                                              decisions: decisions, explainer: explainer, to: url)
            // report.md (written above, by this command) links the page.
            let reportPage = url.appendingPathComponent("report.md")
            let text = try String(contentsOf: reportPage, encoding: .utf8)
            try AtomicFile.write(Data((text + "\n[The most confident mistakes, with Grad-CAM heatmaps](errors.md)\n").utf8), to: reportPage.path)
            say("most confident mistakes with Grad-CAM: \(page.path) (\(mistakes.falseNegatives.count) false negatives, "
                + "\(mistakes.falsePositives.count) false positives shown)")
        }
    }
}

struct Predict: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Calibrated class probabilities and the decision (tuned malignant threshold) for images or folders of images.",
        discussion: """
            Examples:
              breastai-run predict scan1.png scans/ --tta --json
              breastai-run predict --split test --checkpoint best
            One line (or JSON object) per image; unreadable files are reported and skipped.
            --split predicts the val or test files of the run's frozen split (split.json),
            checked as eval checks them, and adds each file's class.
            """)
    @Argument(help: "Image files or folders (searched recursively for PNG, JPEG, DICOM and TIFF).")
    var paths: [String] = []
    @Option(name: .long, help: "Predict on the val or test files of the run's frozen split instead of paths.")
    var split: String?
    @Flag(name: .long, help: "With --split: go on although the data differs from the frozen split (the changes are printed).")
    var allowDataChange = false
    @Flag(name: .long, help: "One JSON object per line.")
    var json = false
    @OptionGroup var checkpointOptions: CheckpointOptions
    @OptionGroup var explainOptions: ExplainOptions

    func run() throws {
        if let split, !["val", "test"].contains(split) { throw ValidationError("--split must be val or test, got '\(split)'") }
        if split != nil && !paths.isEmpty { throw ValidationError("give image paths or --split, not both") }
        if split == nil && paths.isEmpty { throw ValidationError("give image files or folders, or --split val|test") }
        if allowDataChange && split == nil { throw ValidationError("--allow-data-change goes with --split") }
        let checkpoint = try checkpointOptions.open()
        if let split {
            let explainProgram = try explain(checkpoint)
            let evaluator = try checkpointOptions.evaluator(checkpoint, program: explainProgram)
            let data = try checkpointOptions.data(checkpoint, cache: evaluator.cache, allowDataChange: allowDataChange)
            let samples = split == "val" ? data.val : data.test
            guard !samples.isEmpty else { throw ValidationError("the \(split) split is empty") }
            try predict(samples, checkpoint: checkpoint, evaluator: evaluator, labels: true, explainProgram: explainProgram)
            return
        }
        var files: [URL] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("\(path): no such file or folder")
            }
            if isDirectory.boolValue {
                let found = FileManager.default.enumerator(at: URL(fileURLWithPath: path), includingPropertiesForKeys: [.isRegularFileKey])?
                    .compactMap { $0 as? URL }
                    .filter { url in (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
                        && ScanFile.classify(url.lastPathComponent, head: { ScanFile.head(url.path) }) == .image } ?? []
                files += found.sorted { $0.path < $1.path }
            } else {
                files.append(URL(fileURLWithPath: path))
            }
        }
        guard !files.isEmpty else { throw ValidationError("no PNG, JPEG, DICOM or TIFF images in \(paths.joined(separator: ", "))") }
        let explainProgram = try explain(checkpoint)
        let evaluator = try checkpointOptions.evaluator(checkpoint, program: explainProgram)
        try predict(files.map { Dataset.Sample(url: $0, label: 0) }, checkpoint: checkpoint, evaluator: evaluator, labels: false,
                    explainProgram: explainProgram)
    }

    /// With --explain, the explain artifact (eval + explain entries, it serves both) after checking --out; else nil.
    func explain(_ checkpoint: TrainedCheckpoint) throws -> CompiledProgram? {
        guard explainOptions.explain else { return nil }
        try OutputPath.prepareDirectory(URL(fileURLWithPath: explainOptions.out), force: explainOptions.force, option: "--out")
        return try checkpointOptions.options.explainProgram(for: checkpoint.config, log: say)
    }

    /// Predicts `samples` and prints one line each (with the true class when `labels`, the overlay
    /// with --explain); exits 2 when some were unreadable, 1 when all were.
    func predict(_ samples: [Dataset.Sample], checkpoint: TrainedCheckpoint, evaluator: Evaluator, labels: Bool,
                 explainProgram: CompiledProgram?) throws {
        let config = checkpoint.config
        let outDirectory = URL(fileURLWithPath: explainOptions.out)
        let checked = try DataPreflight.run(samples: samples, split: "input", cache: evaluator.cache,
                                            threads: ProcessInfo.processInfo.activeProcessorCount, maxUnreadableFraction: 1)
        for bad in checked.unreadable {
            FileHandle.standardError.write(Data("\(bad.url.path): unreadable, skipped: \(bad.problem)\n".utf8))
        }
        for line in checked.warningLines(limit: 20) { FileHandle.standardError.write(Data("warning: \(line)\n".utf8)) }
        guard !checked.readable.isEmpty else { throw ExitCode(1) }
        let (viewNames, views) = try checkpointOptions.views(config)
        let temperature = config.inference.temperatureScaling ? checkpoint.state.temperature : 1
        if config.inference.temperatureScaling, let note = checkpoint.state.temperatureFit?.mismatch(views: viewNames) {
            FileHandle.standardError.write(Data("warning: \(note)\n".utf8))
        }
        let output = try evaluator.run(checked.readable, views: views)
        let names = config.data.classNames, malignant = config.data.malignantIndex
        let probabilities = output.probabilities(temperature: temperature)
        let predicted = Metrics.thresholdPredictions(probabilities, positive: malignant, threshold: checkpoint.state.threshold)
        var overlays: [URL] = []
        if let explainProgram {
            let explainer = try Explainer(program: explainProgram, state: evaluator.state, cache: evaluator.cache, workers: config.data.numWorkers)
            let classes = try explainOptions.classes(names: names, malignant: malignant, predicted: predicted)
            overlays = try writeExplanations(checked.readable, classes: classes, probabilities: probabilities, decisions: predicted,
                                             explainer: explainer, names: names, malignant: malignant,
                                             threshold: checkpoint.state.threshold, to: outDirectory)
        }
        for (i, sample) in checked.readable.enumerated() {
            let p = probabilities[i]
            if json {
                struct Line: Encodable {
                    var file: String; var label: String?; var prediction: String; var probabilities: [String: Double]
                    var threshold: Double; var temperature: Double; var gradcam: String?
                }
                let e = JSONEncoder()
                e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                let line = Line(file: sample.url.path, label: labels ? names[sample.label] : nil, prediction: names[predicted[i]],
                                probabilities: Dictionary(uniqueKeysWithValues: zip(names, p)),
                                threshold: checkpoint.state.threshold, temperature: temperature,
                                gradcam: i < overlays.count ? overlays[i].path : nil)
                say(String(decoding: try e.encode(line), as: UTF8.self))
            } else {
                say("\(sample.url.path): \(names[predicted[i]])  " + zip(names, p).map { "\($0) \(String(format: "%.3f", $1))" }.joined(separator: "  ")
                    + (labels ? "  (class \(names[sample.label]))" : "") + (i < overlays.count ? "  gradcam \(overlays[i].path)" : ""))
            }
        }
        if !checked.unreadable.isEmpty { throw ExitCode(2) }
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a checkpoint's EMA weights as safetensors (torchvision names) or ONNX (opset 17).",
        discussion: """
            Examples:
              breastai-run export --checkpoint best --format safetensors --out model.safetensors
              breastai-run export --checkpoint best --format onnx --out model.onnx
            """)
    @Option(name: .long, help: "safetensors or onnx.")
    var format: String = "onnx"
    @Option(name: .long, help: "Output file (default <paths.export_dir>/breastai-<model>.<format>); an existing file is not replaced without --force.")
    var out: String?
    @Flag(name: .long, help: "Replace an existing output file.")
    var force = false
    @OptionGroup var checkpointOptions: CheckpointOptions

    func run() throws {
        guard ["safetensors", "onnx"].contains(format) else { throw ValidationError("--format must be safetensors or onnx, got '\(format)'") }
        let checkpoint = try checkpointOptions.open()
        let config = checkpoint.config
        let file = URL(fileURLWithPath: out ?? "\(config.paths.exportDir)/breastai-\(config.model.architecture).\(format)")
        try OutputPath.checkFile(file, force: force, option: "--out")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let metadata = [
            "class_names": "[" + config.data.classNames.map { "\"\($0)\"" }.joined(separator: ",") + "]",
            "malignant_class": config.data.malignantClass,
            "threshold": "\(checkpoint.state.threshold)",
            "temperature": "\(config.inference.temperatureScaling ? checkpoint.state.temperature : 1)",
            "image_size": "\(config.data.imageSize)",
            "normalization": "{\"mean\":[0.485,0.456,0.406],\"std\":[0.229,0.224,0.225]}",
            "preprocessing": "breast_crop=\(config.data.breastCropping) clahe=\(config.data.useCLAHE) (clip 2.0, 8x8) resize \(config.data.imageSize)",
            "architecture": config.model.architecture, "checkpoint": checkpoint.name, "config_hash": config.configHash,
        ]
        switch format {
        case "safetensors":
            // The checkpoint's EMA file as it is (torchvision names, num_batches_tracked), with the metadata added.
            let ema = try SafeTensors(contentsOf: checkpoint.url.appendingPathComponent(CheckpointStore.emaFile))
            var writer = SafeTensorsWriter(metadata: ema.metadata.merging(metadata) { _, new in new })
            for name in ema.names {
                let e = ema.entries[name]!
                try writer.add(name, dtype: e.dtype, shape: e.shape, bytes: try ema.bytes(name))
            }
            try writer.write(to: file)
        default:
            let state = try StateBlocks(layout: Manifest.StateLayout(config: config.modelConfig))
            try checkpoint.load(into: state)
            let data = try ONNXExport.model(config: config.modelConfig, weights: { try state.read(.ema, $0) }, metadata: metadata)
            try AtomicFile.write(data, to: file.path)
        }
        say("wrote \(file.path) (EMA weights of \(checkpoint.url.path), \(format))")
    }
}
