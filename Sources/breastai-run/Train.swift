import ArgumentParser
import Codegen
import Foundation
import Graph
import Runtime
import Synchronization

/// Ctrl-C: the first stops training at the next optimizer step (and writes a checkpoint), the
/// second exits at once.
enum Interrupt {
    static let requested = Atomic<Bool>(false)

    static func install() {
        signal(SIGINT) { _ in
            if Interrupt.requested.exchange(true, ordering: .relaxed) { _exit(130) }
            let message = "\nstopping at the next step boundary to write a checkpoint (Ctrl-C again to quit now)\n"
            _ = message.withCString { write(2, $0, strlen($0)) }
        }
    }

    static var isRequested: Bool { requested.load(ordering: .relaxed) }
}

/// Options shared by `train` and `demo`: configuration overrides and where things go.
struct TrainOptions: ParsableArguments {
    @Option(name: .long, help: "Model: efficientnetv2_s, efficientnetv2_m (or S, M, tiny).")
    var model: String?
    @Option(name: .long, help: "Data folder with train/ (and val/, test/) class folders (paths.data_dir).")
    var data: String?
    @Option(name: .long, help: "Epochs (training.epochs); the phase ends, warmup and restarts scale with it unless set too.")
    var epochs: Int?
    @Option(name: .long, help: "Physical batch size (data.batch_size).")
    var batchSize: Int?
    @Option(name: .long, help: "Input size in pixels (data.image_size).")
    var imageSize: Int?
    @Option(name: .long, help: "Base learning rate (training.learning_rate).")
    var lr: Double?
    @Option(name: .long, help: "Run seed (system.seed).")
    var seed: UInt64?
    @Option(name: .long, help: "Loader threads (data.num_workers).")
    var workers: Int?
    @Option(name: .long, help: "Checkpoint folder (paths.checkpoint_dir).")
    var checkpointDir: String?
    @Option(name: .long, help: "Log folder (paths.logs_dir).")
    var logsDir: String?
    @Option(name: .customLong("set"), help: ArgumentHelp("Any configuration key, e.g. --set training.ema_decay=0.999 (repeatable).", valueName: "key=value"))
    var set: [String] = []
    @Option(name: .long, help: "Folder of cached preprocessed images.")
    var cacheDir: String = ".breastai-cache"
    @Option(name: .long, help: "Artifact folder (default build/train-<model>-<size>-b<batch>-<hash>); compiled when missing or stale.")
    var artifact: String?
    @Flag(name: .long, help: "Recompile the artifact even if it is current.")
    var rebuild = false

    /// The overrides these options name, as dotted key → value text.
    func overrides() throws -> [String: String] {
        var o: [String: String] = [:]
        for item in set {
            guard let eq = item.firstIndex(of: "="), eq != item.startIndex else {
                throw ValidationError("--set needs key=value, got '\(item)'")
            }
            o[String(item[..<eq])] = String(item[item.index(after: eq)...])
        }
        if let model {
            let names = ["s": "efficientnetv2_s", "m": "efficientnetv2_m", "tiny": "tiny"]
            o["model.architecture"] = names[model.lowercased()] ?? model
        }
        if let data { o["paths.data_dir"] = data }
        if let batchSize { o["data.batch_size"] = "\(batchSize)" }
        if let imageSize { o["data.image_size"] = "\(imageSize)" }
        if let lr { o["training.learning_rate"] = "\(lr)" }
        if let seed { o["system.seed"] = "\(seed)" }
        if let workers { o["data.num_workers"] = "\(workers)" }
        if let checkpointDir { o["paths.checkpoint_dir"] = checkpointDir }
        if let logsDir { o["paths.logs_dir"] = logsDir }
        return o
    }

    /// The configuration: the file (or the built-in ULTRA-S defaults, or a checkpoint's stored
    /// configuration) with `base` overrides, then these options; `--epochs` rescales the schedule.
    func configuration(file: String?, storedJSON: (text: String, source: String)? = nil,
                       base: [String: String] = [:]) throws -> TrainingConfig {
        let user = try self.overrides()
        let overrides = base.merging(user) { _, new in new }
        func load(_ o: [String: String]) throws -> TrainingConfig {
            if let storedJSON { return try TrainingConfig(jsonText: storedJSON.text, source: storedJSON.source, overrides: o) }
            if let file { return try TrainingConfig.load(url: URL(fileURLWithPath: file), overrides: o) }
            return try TrainingConfig.defaults(overrides: o)
        }
        guard let epochs else { return try load(overrides) }
        // The schedule follows the new epoch count, except for keys the user set explicitly.
        let scaled = try load(base).epochScalingOverrides(to: epochs, keep: Set(user.keys))
        return try load(base.merging(scaled) { _, new in new }.merging(user) { _, new in new }
            .merging(["training.epochs": "\(epochs)"]) { _, new in new })
    }

    /// Compiles (when needed) and loads the artifact of `config`.
    func program(for config: TrainingConfig, log: (String) -> Void) throws -> CompiledProgram {
        let model = config.modelConfig, loss = config.lossAttrs
        var hash = FNV1a64()
        hash.add(Array("\(model) \(loss) \(config.phases)".utf8))
        let tag = "train-\(model.variant.rawValue)-\(model.imageSize)-b\(model.batch)-\(hash.hex.prefix(8))"
        let dir = URL(fileURLWithPath: artifact ?? "build/\(tag)")
        return try CompiledProgram(directory: ensureArtifact(model, phases: config.phases, loss: loss, directory: dir,
                                                             rebuild: rebuild, log: log))
    }
}

/// Runs a configured training run to the end and prints the outcome.
func runTraining(config: TrainingConfig, options: TrainOptions, start: TrainingRun.Start) throws -> TrainingRun.Summary {
    if config.model.cbamReduction != 16 {
        throw ValidationError("model.cbam_reduction \(config.model.cbamReduction): only 16 (the original's value) is compiled")
    }
    // A missing or empty data folder is reported before the (long) compile.
    _ = try Dataset.scan(config: config)
    // OpenMP reads its thread count when the library loads (0 = one per core, OpenMP's default).
    if config.system.numThreads > 0 { setenv("OMP_NUM_THREADS", "\(config.system.numThreads)", 1) }
    // Unbuffered, so a log file or pipe gets each line as it is printed.
    let console: (String) -> Void = { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }
    let program = try options.program(for: config, log: console)
    /// One bar per task (an epoch, the preparation of a split); a new label finishes the previous.
    final class Bars {
        var bar: ProgressBar?
        var label = ""
        func update(_ label: String, _ done: Int, _ total: Int, _ fields: [(String, String)], batch: Int) {
            if label != self.label || bar == nil {
                bar?.finish()
                self.label = label
                bar = ProgressBar(total: total, label: label, itemsPerUnit: label.hasPrefix("epoch") || label.hasPrefix("BatchNorm") ? batch : 1)
            }
            bar?.update(done: done, fields: fields)
            if done >= total { bar?.finish(); bar = nil }
        }
    }
    let bars = Bars()
    let run = try TrainingRun(
        config: config, program: program,
        options: TrainingRun.Options(start: start, cacheDirectory: URL(fileURLWithPath: options.cacheDir)),
        console: console,
        progress: { label, done, total, fields in bars.update(label, done, total, fields, batch: config.data.batchSize) })
    Interrupt.install()
    let summary = try run.execute(interrupted: { Interrupt.isRequested })
    switch summary.outcome {
    case .interrupted: throw ExitCode(130)
    case .earlyStopped: console("stopped early: \(config.metrics.primaryMetric) did not improve for \(config.training.earlyStopping.patience) epochs")
    case .finished: break
    }
    if let report = summary.testReport {
        console(TestTable.render(report, classNames: config.data.classNames))
        let t = config.metrics.clinicalThresholds
        func check(_ name: String, _ value: Double?, _ target: Double) -> String {
            "\(name) \(value.map { String(format: "%.3f", $0) } ?? "n/a") \(value.map { $0 >= target } ?? false ? ">=" : "<") \(target)"
        }
        console("clinical targets (metrics.clinical_thresholds): " + [
            check("sensitivity", report.atThreshold.sensitivity, t.sensitivityMin),
            check("specificity", report.atThreshold.specificity, t.specificityMin),
            check("AUC-ROC", report.aucROC, t.aucROCMin),
        ].joined(separator: ", "))
    }
    console("logs: \(config.paths.logsDir)/training.log, \(config.paths.logsDir)/metrics.jsonl; checkpoints: \(config.paths.checkpointDir)")
    return summary
}

struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a BreastAI model through the four phases of the recipe.",
        discussion: """
            Examples:
              breastai-run train --config config_ultra_S.json --data data
              breastai-run train --config config_ultra_S.json --epochs 20 --set training.ema_decay=0.999
              breastai-run train --resume                 (continue from checkpoint_dir/latest)
              breastai-run train --resume checkpoints/epoch-0012
            Ctrl-C stops at the next optimizer step and writes a checkpoint; --resume continues it exactly.
            """)
    @Option(name: .long, help: "Training configuration (JSON, the schema of config_ultra_S.json); default: the built-in ULTRA-S values.")
    var config: String?
    @Option(name: .long, help: ArgumentHelp("Continue a run: latest (default), best, a checkpoint name or folder.", valueName: "checkpoint"))
    var resume: String?
    @Option(name: .long, help: "Start from a safetensors state dict with torchvision names (ImageNet weights; tools/convert_torchvision.py).")
    var initWeights: String?
    @OptionGroup var options: TrainOptions

    func run() throws {
        let config: TrainingConfig
        let start: TrainingRun.Start
        if let resume {
            if initWeights != nil { throw ValidationError("--init-weights and --resume exclude each other") }
            // The run's own configuration, from the checkpoint, unless a file is given.
            if let file = self.config {
                config = try options.configuration(file: file)
            } else {
                let probe = try TrainingConfig.defaults(overrides: try options.overrides().filter { $0.key.hasPrefix("paths.") })
                let store = try CheckpointStore(directory: URL(fileURLWithPath: probe.paths.checkpointDir), access: .read)
                let url = try store.resolve(resume)
                let stateURL = url.appendingPathComponent("trainer_state.json")
                let stored = try TrainerState.decode(try Data(contentsOf: stateURL), path: stateURL.path)
                config = try options.configuration(file: nil, storedJSON: (stored.config, stateURL.path))
            }
            start = .resume(resume)
        } else {
            config = try options.configuration(file: self.config)
            start = .fresh(initWeights: initWeights.map { URL(fileURLWithPath: $0) })
        }
        _ = try runTraining(config: config, options: options, start: start)
    }
}
