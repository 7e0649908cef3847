import ArgumentParser
import Codegen
import Data
import Foundation
import Graph
import Synchronization
import Runtime
import Training

/// Ctrl-C, SIGTERM (a scheduler, `kill`) and SIGHUP (a closed terminal): the first stops training
/// at the next optimizer step and writes a checkpoint, a second one exits at once. SIGPIPE is
/// ignored, so a closed pipe or terminal does not kill a run mid-write; console output that
/// cannot be written is dropped (the log file has it).
enum Interrupt {
    static let requested = Atomic<Bool>(false)
    /// SIGUSR1 too: Open MPI's `mpirun` passes it to every rank (its own SIGINT/SIGTERM kill them
    /// 1-2 s later); `breastai-run launch` turns Ctrl-C into it.
    static let signals = [SIGINT, SIGTERM, SIGHUP, SIGUSR1]

    static func install() {
        signal(SIGPIPE, SIG_IGN)
        for s in signals {
            signal(s) { _ in
                if Interrupt.requested.exchange(true, ordering: .relaxed) { _exit(130) }
                let message = "\nstopping at the next step boundary to write a checkpoint (Ctrl-C again to quit now)\n"
                _ = message.withCString { write(2, $0, strlen($0)) }
            }
        }
    }

    static var isRequested: Bool { requested.load(ordering: .relaxed) }
}

/// One line to standard output, unbuffered; a failed write (a closed terminal or pipe) is ignored.
func consoleLine(_ line: String) {
    let text = line + "\n"
    _ = text.withCString { write(1, $0, strlen($0)) }
}

/// Options shared by `train` and `demo`: configuration overrides and where things go.
struct TrainOptions: ParsableArguments {
    @Option(name: .long, help: "Model: efficientnetv2_s, efficientnetv2_m, efficientnetv2_l (or S, M, L, tiny).")
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
    @Flag(name: .long, help: "A fresh run into a checkpoint folder that holds another run moves that folder aside (renamed <dir>.moved-<time>, never deleted) instead of refusing.")
    var overwriteRun = false
    @Flag(name: .long, help: "Train from random weights on purpose although model.pretrained is true.")
    var randomInit = false

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
            let short = ModelVariant.allCases.first { $0.rawValue.lowercased() == model.lowercased() }
            o["model.architecture"] = short?.architectureName ?? model
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
        guard let epochs else { return try load(overrides).withAbsolutePaths() }
        // The schedule follows the new epoch count, except for keys the user set explicitly.
        let scaled = try load(base).epochScalingOverrides(to: epochs, keep: Set(user.keys))
        return try load(base.merging(scaled) { _, new in new }.merging(user) { _, new in new }
            .merging(["training.epochs": "\(epochs)"]) { _, new in new }).withAbsolutePaths()
    }

    /// Compiles (when needed) and loads the artifact of `config`.
    func program(for config: TrainingConfig, log: (String) -> Void) throws -> CompiledProgram {
        let model = config.modelConfig, loss = config.lossAttrs
        var hash = FNV1a64()
        hash.add(Array("\(model) \(loss) \(config.phases)".utf8))
        let precision = Precision(rawValue: config.training.precision) ?? .fp32
        if precision != .fp32 { try BF16Support.require(for: "training.precision") }
        let tag = "train-\(model.variant.rawValue)-\(model.imageSize)-b\(model.batch)-\(hash.hex.prefix(8))"
            + (precision == .fp32 ? "" : "-\(precision.rawValue)")
        let dir = URL(fileURLWithPath: artifact ?? "build/\(tag)")
        return try CompiledProgram(directory: ensureArtifact(model, phases: config.phases, loss: loss, directory: dir,
                                                             options: EmitOptions(precision: precision), rebuild: rebuild, log: log))
    }
}

/// Runs a configured training run to the end and prints the outcome. The data is checked (and
/// the image cache filled) before the artifact is compiled.
func runTraining(config: TrainingConfig, options: TrainOptions, start: TrainingRun.Start, allowDataChange: Bool = false,
                 started: ((TrainingRun) throws -> Void)? = nil) throws -> TrainingRun.Summary {
    if config.model.cbamReduction != 16 {
        throw ValidationError("model.cbam_reduction \(config.model.cbamReduction): only 16 (the original's value) is compiled")
    }
    // The stop signals first: under mpirun a SIGUSR1 (launch's Ctrl-C) may come while the run starts.
    Interrupt.install()
    // Under mpirun: join the job (libmpi is loaded only then). Rank 0 alone prints and writes.
    let parallel = try DataParallel.join()
    do {
        return try runTrainingProcess(config: config, options: options, start: start, allowDataChange: allowDataChange, parallel: parallel,
                                      started: started)
    } catch {
        guard let parallel, parallel.size > 1, !(error is ExitCode) else { throw error }
        // The other ranks wait in a collective: end the whole job, naming this rank.
        let line = "breastai-run train (MPI rank \(parallel.rank) of \(parallel.size)): error: \(error)\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
        parallel.abort(code: 1)
    }
}

private func runTrainingProcess(config: TrainingConfig, options: TrainOptions, start: TrainingRun.Start, allowDataChange: Bool,
                                parallel: DataParallel?,
                                started: ((TrainingRun) throws -> Void)?) throws -> TrainingRun.Summary {
    // OpenMP reads its thread count when the library loads: the configured count fitted to the cores
    // (under mpirun, the cores this rank is bound to).
    let threads = SystemThreads.resolve(configured: config.system.numThreads)
    setenv("OMP_NUM_THREADS", "\(threads.threads)", 1)
    // Before the program (and OpenMP) loads: the loader threads get this mask back when OpenMP binds.
    ThreadAffinity.saveProcessMask()
    let placement = ThreadPlacement.configure(preferred: ThreadPlacement.preferred, threads: threads.threads,
                                              cores: SystemThreads.available(), load: ThreadPlacement.loadAverage())
    let follower = parallel.map { !$0.isLeader } ?? false
    let console: (String) -> Void = { line in if !follower { consoleLine(line) } }
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
    var runOptions = TrainingRun.Options(start: start, cacheDirectory: URL(fileURLWithPath: options.cacheDir))
    runOptions.overwriteRun = options.overwriteRun
    runOptions.randomInit = options.randomInit
    runOptions.preamble = [threads.note, placement, parallel == nil ? "single process (not started by an MPI launcher)" : nil].compactMap { $0 }
    runOptions.allowDataChange = allowDataChange
    runOptions.parallel = parallel
    let run = try TrainingRun(
        config: config, options: runOptions, console: console,
        progress: { label, done, total, fields in
            if !follower { bars.update(label, done, total, fields, batch: config.data.batchSize) }
        },
        compile: { try options.program(for: config, log: console) })
    try started?(run)
    let summary = try run.execute(interrupted: { Interrupt.isRequested })
    parallel?.finish()
    if follower { return summary }
    switch summary.outcome {
    case .interrupted:
        console("stopped on request (a signal); continue with: breastai-run train --resume --checkpoint-dir \(config.paths.checkpointDir)")
        throw ExitCode(130)
    case .earlyStopped: console("stopped early: \(config.metrics.primaryMetric) did not improve for \(config.training.earlyStopping.patience) epochs")
    case .finished: break
    }
    if let report = summary.testReport {
        console(report.table(title: "test metrics", classNames: config.data.classNames))
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
            A new run freezes its split in <checkpoint_dir>/split.json (every file's path,
            size, SHA-256, class, group and split); --resume checks the data folder against
            it and stops on any change (--allow-data-change goes on, logging the changes).
            """)
    @Option(name: .long, help: "Training configuration (JSON, the schema of config_ultra_S.json); default: the built-in ULTRA-S values.")
    var config: String?
    @Option(name: .long, help: ArgumentHelp("Continue a run: latest (default), best, a checkpoint name or folder.", valueName: "checkpoint"))
    var resume: String?
    @Option(name: .long, help: "Start from pretrained weights: a safetensors file or a torch .pth (torchvision names; read natively). Default with model.pretrained: torchvision's file in the torch cache ($TORCH_HOME/hub/checkpoints).")
    var initWeights: String?
    @Flag(name: .long, help: "With --resume: go on although the data differs from the run's frozen split (split.json); the changes are written to training.log. Missing files are dropped, new files ignored, changed files used as they are now.")
    var allowDataChange = false
    @OptionGroup var options: TrainOptions

    func run() throws {
        if allowDataChange && resume == nil { throw ValidationError("--allow-data-change goes with --resume (a new run freezes the data as it is)") }
        let config: TrainingConfig
        let start: TrainingRun.Start
        if let resume {
            if initWeights != nil { throw ValidationError("--init-weights and --resume exclude each other") }
            if options.overwriteRun { throw ValidationError("--overwrite-run starts a new run; it does not go with --resume") }
            // A checkpoint given as a path belongs to the folder that holds it: the run continues there.
            let (folder, reference) = try ResumeReference.split(resume, checkpointDir: options.checkpointDir)
            let base = folder.map { ["paths.checkpoint_dir": $0] } ?? [:]
            // The run's own configuration, from the checkpoint, unless a file is given.
            if let file = self.config {
                config = try options.configuration(file: file, base: base)
            } else {
                let probe = try TrainingConfig.defaults(overrides: base.merging(try options.overrides().filter { $0.key.hasPrefix("paths.") }) { _, new in new })
                let checkpoint = try TrainedCheckpoint.open(reference, checkpointDirectory: probe.paths.checkpointDir)
                let stateURL = checkpoint.url.appendingPathComponent(CheckpointStore.trainerStateFile)
                let stored = try TrainingConfig(jsonText: checkpoint.state.config, source: stateURL.path)
                if stored.paths.dataDir.hasPrefix("/") == false {
                    consoleLine("note: \(stateURL.path) stores relative paths (written before paths were stored absolute); they are read against \(FileManager.default.currentDirectoryPath)")
                }
                config = try options.configuration(file: nil, storedJSON: (checkpoint.state.config, stateURL.path), base: base)
            }
            start = .resume(reference)
        } else {
            config = try options.configuration(file: self.config)
            start = .fresh(initWeights: initWeights.map { URL(fileURLWithPath: $0) })
        }
        _ = try runTraining(config: config, options: options, start: start, allowDataChange: allowDataChange)
    }
}
