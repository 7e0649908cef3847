import Foundation
import Graph

/// A whole `breastai-run train`: the state (fresh, pretrained or resumed), the data, the logs,
/// the trainer, and the final test evaluation. The command line and the tests use it alike;
/// compiling the artifact is the caller's (Runtime does not know Codegen).
public final class TrainingRun {
    public let config: TrainingConfig
    public let program: CompiledProgram
    public let state: StateBlocks
    public let trainer: Trainer
    public let log: TrainingLog
    /// A line to the console and to `logs/training.log`.
    private let say: (String) -> Void

    /// Where the weights start.
    public enum Start: Sendable {
        /// Random initialisation (seeded), then `model.pretrained` / `--init-weights` if a file is given.
        case fresh(initWeights: URL?)
        /// A checkpoint reference: `latest`, `best`, a name under `checkpoint_dir`, or a path.
        case resume(String)
    }

    public struct Options: Sendable {
        public var start: Start = .fresh(initWeights: nil)
        /// The on-disk cache of preprocessed images.
        public var cacheDirectory: URL
        /// Threads decoding images in the preparation pass.
        public var preparationThreads = max(1, ProcessInfo.processInfo.activeProcessorCount)
        public init(start: Start = .fresh(initWeights: nil), cacheDirectory: URL) {
            self.start = start; self.cacheDirectory = cacheDirectory
        }
    }

    /// Sets everything up; `console` receives every log line (also written to `logs/training.log`),
    /// `progress` the progress-bar updates.
    public init(config: TrainingConfig, program: CompiledProgram, options: Options,
                console: @escaping (String) -> Void,
                progress: ((String, Int, Int, [(String, String)]) -> Void)? = nil) throws {
        self.config = config; self.program = program
        let logDir = URL(fileURLWithPath: config.paths.logsDir)
        let log = try TrainingLog(directory: logDir, echo: .none)
        self.log = log
        let say: (String) -> Void = { line in console(line); log.line(line) }
        self.say = say
        say("config \(config.source) (hash \(config.configHash)); \(config.model.architecture) at \(config.data.imageSize) px, batch \(config.data.batchSize) x \(config.data.gradientAccumulationSteps) accumulation, \(config.training.epochs) epochs")
        say("compiled program \(program.directory.path); \(program.blasSummary)")

        let cache = try ImageCache(directory: options.cacheDirectory, preprocessor: config.preprocessor)
        let data = try TrainingData.prepare(config: config, cache: cache, threads: options.preparationThreads,
                                            progress: { split, done, total in progress?("preparing \(split)", done, total, []) })
        for note in data.notes { say(note) }
        for (split, samples) in [("train", data.train), ("val", data.val), ("test", data.test)] {
            let counts = data.counts(samples)
            say("\(split): \(samples.count) images (" + zip(data.classNames, counts).map { "\($0) \($1)" }.joined(separator: ", ") + ")")
        }

        let state = try StateBlocks(layout: program.manifest.layout)
        self.state = state
        // A fresh run gets a new id (the store refuses a folder that holds another run); a resumed one keeps its folder's.
        let checkpointDir = URL(fileURLWithPath: config.paths.checkpointDir)
        var runID = CheckpointStore.newRunID()
        if case .resume = options.start, let identity = try CheckpointStore.runIdentity(at: checkpointDir) { runID = identity.runID }
        let store = try CheckpointStore(directory: checkpointDir, keepLatest: config.checkpoints.keepLatest, access: .write(runID: runID))
        for note in store.notes { say(note) }
        var resumed: TrainerState?
        switch options.start {
        case .resume(let reference):
            let url = try store.resolve(reference)
            let loaded = try CheckpointStore.load(url, into: state)
            let run = try TrainerState.decode(loaded.trainerState, path: url.appendingPathComponent("trainer_state.json").path)
            if run.configHash != config.configHash {
                say("warning: the configuration (hash \(config.configHash)) differs from the checkpoint's (\(run.configHash)); the run is not an exact continuation")
            }
            if run.splitSizes != data.sizes {
                throw RuntimeError.io(path: config.paths.dataDir, problem: "the data differs from the checkpoint's (split sizes \(data.sizes) vs \(run.splitSizes)); a resumed run needs the same images")
            }
            resumed = run
            say("resumed from \(url.path): epoch \(run.epoch)\(run.batchInEpoch > 0 ? " + \(run.batchInEpoch) batches" : ""), \(run.optimizerSteps) optimizer steps")
            try? log.truncateMetrics(keepingEpochsThrough: run.epoch)
        case .fresh(let initWeights):
            Initializer.initialize(state, head: config.modelConfig.head, seed: config.system.seed)
            if let initWeights {
                let file = try SafeTensors(contentsOf: initWeights)
                let report = try Weights.load(file, into: state)
                say("initial weights \(initWeights.path): \(report.summary)")
                if !report.shapeMismatch.isEmpty || !report.missing.isEmpty {
                    say("tensors not in the file or of another shape (the classifier and CBAM of a torchvision ImageNet file) start from random initialisation")
                }
            } else {
                say(config.model.pretrained
                    ? "warning: model.pretrained is true but no weights file was given (--init-weights FILE.safetensors; make one with tools/convert_torchvision.py); starting from RANDOM weights"
                    : "starting from random weights (model.pretrained is false)")
            }
            state.copyModelToEMA()
        }
        trainer = try Trainer(config: config, program: program, state: state, data: data, cache: cache, store: store,
                              resumeFrom: resumed, say: say, record: { try? log.metrics($0) })
        trainer.progress = progress
        if case .fresh(nil) = options.start {
            // Random weights: frozen BatchNorms need statistics before phase 1 (see calibrateBatchNorm).
            let batches = min(50, max(10, trainer.batchesPerEpoch))
            say("estimating BatchNorm statistics of the randomly initialised network on \(batches) training batches")
            try trainer.calibrateBatchNorm(batches: batches)
        }
        let steps = trainer.run.schedule.totalSteps
        if config.training.useEMA && Double(steps) < 1 / (1 - config.training.emaDecay) {
            say(String(format: "warning: training.ema_decay %g averages over about %.0f optimizer steps but this run has %d; the EMA weights used for validation will stay close to the initial ones",
                       config.training.emaDecay, 1 / (1 - config.training.emaDecay), steps))
        }
    }

    /// What a finished (or stopped) run reports.
    public struct Summary: Sendable {
        public var outcome: Trainer.Outcome
        public var best: TrainerState.Best
        public var test: EpochRecord?
        public var testReport: ClassificationReport?
    }

    /// Trains, then evaluates the best checkpoint on the test split (unless interrupted).
    public func execute(interrupted: () -> Bool) throws -> Summary {
        let outcome = try trainer.train(interrupted: interrupted)
        var summary = Summary(outcome: outcome, best: trainer.run.best)
        if case .interrupted = outcome { return summary }
        if let best = trainer.run.best.epoch, let value = trainer.run.best.value {
            say(String(format: "best %@ %.4f at epoch %d (checkpoint %@)", config.metrics.primaryMetric, value, best,
                       trainer.run.best.checkpoint ?? "?"))
        }
        if let (fit, test) = try trainer.finishWithBest() {
            if let f = fit {
                say(String(format: "temperature fitted on val: T = %.3f, NLL %.4f -> %.4f, ECE %.4f -> %.4f (stored with the best checkpoint)",
                           f.temperature, f.nllBefore, f.nllAfter, f.eceBefore, f.eceAfter))
            }
            if let (record, report) = test {
                summary.test = record; summary.testReport = report
                say("test (\(record.samples) images, best checkpoint, EMA weights\(config.inference.ttaEnabled ? ", TTA" : "")\(fit != nil ? ", calibrated" : "")): "
                    + record.summary(tracked: TrainingConfig.metricNames))
            }
        }
        return summary
    }
}
