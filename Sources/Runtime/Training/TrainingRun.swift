import Foundation
import Graph
import Data
import Evaluation
import Formats
import Runtime

/// A whole `breastai-run train`: the run's identity, the data (checked before anything is
/// compiled), the state (fresh, pretrained or resumed), the logs, the trainer, and the final test
/// evaluation. The command line and the tests use it alike; compiling the artifact is the caller's
/// (Runtime does not know Codegen), handed in as a closure so bad data fails before the compile.
public final class TrainingRun {
    public let config: TrainingConfig
    public let runID: String
    public let program: CompiledProgram
    public let state: StateBlocks
    public let trainer: Trainer
    public let log: TrainingLog
    /// The checkpoint folder, held (locked) by this run until `execute` returns.
    private var store: CheckpointStore?
    /// A line to the console and to `logs/training.log`.
    private let say: (String) -> Void
    /// `logs/progress.json` (from the moment the checkpoint folder is held; nil before).
    public private(set) var live: ProgressFile?

    /// Where the weights start.
    public enum Start: Sendable {
        /// Random initialisation (seeded), then the pretrained weights (`initWeights`, or found in the torch cache).
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
        /// A fresh start into a checkpoint folder holding another run moves that run aside (never deletes it).
        public var overwriteRun = false
        /// A fresh start with `model.pretrained: true` and no weights proceeds from random weights on purpose.
        public var randomInit = false
        /// Lines printed before this run's log exists (e.g. the thread count), logged first.
        public var preamble: [String] = []
        /// A resumed run goes on although the data differs from its frozen split (the changes are logged).
        public var allowDataChange = false
        /// The MPI job when launched by `mpirun` (`DataParallel.join()`); nil for one process.
        /// Ranks other than 0 write nothing in the run's folders: they read the checkpoint folder,
        /// keep their own log under the temporary directory and wait for rank 0's set-up first.
        public var parallel: DataParallel?
        public init(start: Start = .fresh(initWeights: nil), cacheDirectory: URL) {
            self.start = start; self.cacheDirectory = cacheDirectory
        }
    }

    /// Sets up a run on an already compiled program (tests).
    public convenience init(config: TrainingConfig, program: CompiledProgram, options: Options,
                            console: @escaping (String) -> Void,
                            progress: ((String, Int, Int, [(String, String)]) -> Void)? = nil) throws {
        try self.init(config: config, options: options, console: console, progress: progress, compile: { program })
    }

    /// Sets everything up; `console` receives every log line (also written to `logs/training.log`),
    /// `progress` the progress-bar updates, `compile` makes the program once the data has checked.
    /// Every error after the log is open is logged too.
    public init(config: TrainingConfig, options: Options, console: @escaping (String) -> Void,
                progress: ((String, Int, Int, [(String, String)]) -> Void)? = nil,
                compile: () throws -> CompiledProgram) throws {
        self.config = config
        let checkpointDir = URL(fileURLWithPath: config.paths.checkpointDir)
        let follower = options.parallel.map { !$0.isLeader } ?? false
        // Followers start once rank 0 holds the folder and has filled the image cache.
        if follower { try options.parallel?.barrier() }
        var start = try RunStart.prepare(options, config: config, checkpointDir: checkpointDir)
        runID = start.runID
        let logsDirectory = follower ? FileManager.default.temporaryDirectory
            .appendingPathComponent("breastai-rank\(options.parallel!.rank)-\(getpid())") : URL(fileURLWithPath: config.paths.logsDir)
        let log = try TrainingLog(directory: logsDirectory, runID: runID, echo: .none)
        self.log = log
        let say: (String) -> Void = { line in console(line); log.line(line) }
        self.say = say
        do {
            for line in options.preamble + config.decisionWarnings { say(line) }
            if let p = options.parallel { say(p.modeLine) }
            say("\(start.resumed != nil ? "resumed run" : "new run"): config \(config.source) (hash \(config.configHash)); \(config.model.architecture) at \(config.data.imageSize) px, batch \(config.data.batchSize) x \(config.data.gradientAccumulationSteps) accumulation, \(config.training.epochs) epochs")
            for note in start.notes { say(note) }
            // The folder's lock and identity first: a second writer fails here, before any work.
            let store = try CheckpointStore(directory: checkpointDir, keepLatest: config.checkpoints.keepLatest,
                                            access: follower ? .read : .write(runID: runID),
                                            backupDirectory: config.checkpoints.backupDir.map { URL(fileURLWithPath: $0) })
            self.store = store
            // The live files for followers, once this run holds the folder (never over another run's).
            let live = ProgressFile(logsDirectory: log.directory, runID: runID, epochs: config.training.epochs, warn: say)
            self.live = live
            let stepLog = try StepLog(logsDirectory: log.directory, runID: runID, warn: say)
            let tracked: (String, Int, Int, [(String, String)]) -> Void = { label, done, total, fields in
                live.activity(label, done: done, total: total); progress?(label, done, total, fields)
            }
            for note in store.notes { say(note) }
            // The writer's recovery may have completed a checkpoint the read-only lookup could not see.
            if case .resume(let reference) = options.start, let before = start.checkpoint {
                let url = try store.resolve(reference)
                if url.standardizedFileURL != before.standardizedFileURL {
                    start.resumed = try RunStart.trainerState(at: url)
                    start.checkpoint = url
                    say("after recovery the newest checkpoint is \(url.lastPathComponent), not \(before.lastPathComponent)")
                }
            }

            // Pretrained weights are read (and a bad file refused) before the data pass and the compile.
            let weights = try start.initialWeights.map { url in (url: url, source: try Weights.open(url)) }

            let cache = try ImageCache(directory: options.cacheDirectory, preprocessor: config.preprocessor)
            // A resumed run takes its frozen split (split.json); a new run makes one and freezes it.
            // MPI ranks other than 0 always take the split rank 0 froze (before its barrier).
            let frozen = start.resumed == nil && !follower ? nil : try FrozenSplit.read(from: checkpointDir)
            if follower && frozen == nil {
                throw RuntimeError.io(path: FrozenSplit.url(in: checkpointDir).path, problem: "missing: MPI rank \(options.parallel!.rank) needs the split rank 0 froze")
            }
            if start.resumed != nil && frozen == nil {
                say("WARNING: \(checkpointDir.path) has no \(FrozenSplit.fileName) (a run from before frozen splits): the data is split again as then, and only the split sizes are compared; the split is frozen now")
            }
            let data = try TrainingData.prepare(
                config: config, cache: cache, threads: options.preparationThreads,
                split: frozen.map { .frozen($0, source: FrozenSplit.url(in: checkpointDir).path, allowDataChange: options.allowDataChange) } ?? .fresh,
                progress: { split, done, total in tracked("preparing \(split)", done, total, []) })
            for note in data.notes { say(note) }
            for (split, samples) in [("train", data.train), ("val", data.val), ("test", data.test)] {
                let counts = data.counts(samples)
                say("\(split): \(samples.count) images (" + zip(data.classNames, counts).map { "\($0) \($1)" }.joined(separator: ", ") + ")")
            }
            if let run = start.resumed, frozen == nil, run.splitSizes != data.sizes {
                throw RuntimeError.io(path: config.paths.dataDir, problem: "the data differs from the checkpoint's (split sizes \(data.sizes) vs \(run.splitSizes)); a resumed run needs the same images")
            }
            if frozen == nil { try Self.freeze(data, runID: runID, config: config, in: checkpointDir, say: say) }
            // The other MPI ranks start now: the folder is held, the image cache filled, the split frozen.
            if let p = options.parallel, p.isLeader { try p.barrier() }
            let existing = (try? FileManager.default.contentsOfDirectory(atPath: checkpointDir.path))?
                .filter { CheckpointStore.order(of: $0) != nil }.count ?? 0
            try DiskSpace.check(DiskSpace.needs(config, checkpointBytes: DiskSpace.checkpointBytes(config.modelConfig),
                                                existingCheckpoints: existing))

            live.set(.compiling, activity: "compiling the program")
            let program = try compile()
            live.set(.preparing, activity: "loading the state")
            self.program = program
            say("compiled program \(program.directory.path); \(program.blasSummary)")
            say(program.precisionSummary)
            if let warning = program.precisionWarning { say(warning) }
            say("threads: " + ThreadPlacement.summary(for: program))
            say(HugePages.summary())
            let state = try StateBlocks(layout: program.manifest.layout)
            self.state = state
            if let run = start.resumed, let url = start.checkpoint {
                _ = try CheckpointStore.load(url, into: state)
                if run.configHash != config.configHash {
                    say("warning: the configuration (hash \(config.configHash)) differs from the checkpoint's (\(run.configHash)); the run is not an exact continuation")
                }
                say("resumed from \(url.path): epoch \(run.epoch)\(run.batchInEpoch > 0 ? " + \(run.batchInEpoch) batches" : ""), \(run.optimizerSteps) optimizer steps")
                try log.truncateMetrics(keepingEpochsThrough: run.epoch)
                try stepLog.truncate(afterStep: run.optimizerSteps)
            } else {
                Initializer.initialize(state, head: config.modelConfig.head, seed: config.system.seed)
                if let weights {
                    let report = try Weights.load(weights.source, into: state)
                    say("initial weights \(weights.url.path): \(report.summary)")
                }
                state.copyModelToEMA()
            }
            var resumed = start.resumed
            resumed?.runID = runID
            trainer = try Trainer(config: config, program: program, state: state, data: data, cache: cache, store: store,
                                  resumeFrom: resumed, runID: runID, parallel: options.parallel, say: say, record: { record in
                                      do { try log.metrics(record) } catch { say("warning: \(error) (the epoch's record is not in metrics.jsonl)") }
                                  })
            trainer.progress = tracked
            let previousStep = trainer.onStep, previousEpoch = trainer.onEpoch
            trainer.onStep = { e in previousStep?(e); stepLog.append(e); live.step(e) }
            trainer.onEpoch = { r in previousEpoch?(r); live.epochDone(r) }
            if config.logging.tensorboard && !follower {
                TensorBoardLog(logsDirectory: URL(fileURLWithPath: config.paths.logsDir), runID: runID, say: say).install(on: trainer)
            }
            if start.resumed == nil && start.initialWeights == nil {
                // Random weights: frozen BatchNorms need statistics before phase 1 (see reestimateBatchNormStatistics).
                let batches = min(50, max(10, trainer.batchesPerEpoch))
                say("estimating BatchNorm statistics of the randomly initialised network on \(batches) training batches")
                try trainer.reestimateBatchNormStatistics(batches: batches)
            }
            let steps = trainer.run.schedule.totalSteps
            if config.training.useEMA && Double(steps) < 1 / (1 - config.training.emaDecay) {
                say(String(format: "warning: training.ema_decay %g averages over about %.0f optimizer steps but this run has %d; the EMA weights used for validation will stay close to the initial ones",
                           config.training.emaDecay, 1 / (1 - config.training.emaDecay), steps))
            }
        } catch {
            log.line("error: \(error)")
            live?.set(.failed, message: "\(error)")
            store?.close()
            throw error
        }
    }

    /// Writes the run's frozen split (`split.json`) into its checkpoint folder, replacing only a
    /// frozen split of this same run (a start that saved no checkpoint).
    static func freeze(_ data: TrainingData, runID: String, config: TrainingConfig, in checkpointDir: URL,
                       say: (String) -> Void) throws {
        let url = FrozenSplit.url(in: checkpointDir)
        if FileManager.default.fileExists(atPath: url.path) {
            let existing = try? FrozenSplit.read(from: checkpointDir)
            guard existing?.runID == runID else {
                throw RuntimeError.io(path: url.path, problem: "exists and was not written by this run (\(runID)); move it away or use another --checkpoint-dir")
            }
        }
        let split = data.frozenSplit(runID: runID, config: config)
        try split.write(to: checkpointDir)
        let counts = split.counts
        say("froze the split in \(url.path): " + ["train", "val", "test", FrozenSplit.unreadable].compactMap { k in counts[k].map { "\(k) \($0)" } }.joined(separator: ", ") + " files")
    }

    /// What a finished (or stopped) run reports.
    public struct Summary: Sendable {
        public var outcome: Trainer.Outcome
        public var best: TrainerState.Best
        public var test: EpochRecord?
        public var testReport: ClassificationMetrics?
    }

    /// Trains, then evaluates the best checkpoint on the test split (unless interrupted). An error
    /// is logged before it is thrown.
    public func execute(interrupted: () -> Bool) throws -> Summary {
        defer { store?.close() }
        do {
            let summary = try train(interrupted: interrupted)
            switch summary.outcome {
            case .interrupted(let checkpoint): live?.set(.stopped, activity: "stopped", message: "checkpoint \(checkpoint.lastPathComponent)")
            case .earlyStopped: live?.set(.finished, activity: "finished", message: "stopped early (no improvement)")
            case .finished: live?.set(.finished, activity: "finished")
            }
            return summary
        } catch {
            log.line("error: \(error)")
            live?.set(.failed, message: "\(error)")
            throw error
        }
    }

    private func train(interrupted: () -> Bool) throws -> Summary {
        let outcome = try trainer.train(interrupted: interrupted)
        for line in trainer.speedLines { say("training speed, " + line) }
        var summary = Summary(outcome: outcome, best: trainer.run.best)
        if case .interrupted = outcome { return summary }
        if let best = trainer.run.best.epoch, let value = trainer.run.best.value {
            say(String(format: "best %@ %.4f at epoch %d (checkpoint %@)", config.metrics.primaryMetric, value, best,
                       trainer.run.best.checkpoint ?? "?"))
        }
        live?.set(.validating, activity: "calibration and test with the best checkpoint")
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
