import Foundation
import Graph
import Data
import Evaluation
import Formats
import Runtime

/// Drives a compiled artifact through a whole run of the recipe: the four phases, the
/// per-optimizer-step learning rate, gradient accumulation, clipping, AdamW and EMA, validation
/// with the EMA weights after every epoch, the malignant threshold, early stopping and
/// checkpoints.
///
/// An epoch: the sampler's indices for (seed, epoch), padded up to whole batches by further
/// draws; micro-batches through the phase's step entry (gradients accumulate in the `grads`
/// block); after every `gradient_accumulation_steps` micro-batches, and after the last one of the
/// epoch (a partial group is stepped, not dropped), the phase's update entry with
/// `gradScale = 1 / micro-batches in the group` (so the step uses the mean gradient), the
/// schedule's LR, clipping at `gradient_clip` and the EMA decay (0 when EMA is off: the EMA block
/// then equals the weights). Then validation, the threshold tuned for
/// `TrainingConfig.decisionTarget` (metrics.clinical_thresholds.sensitivity_min), the primary metric, a checkpoint.
public final class Trainer {
    public let config: TrainingConfig
    public let program: CompiledProgram
    public let state: StateBlocks
    public let data: TrainingData
    public private(set) var run: TrainerState
    private let store: CheckpointStore
    private let arena: Arena
    private let loader: BatchLoader
    private let evaluator: Evaluator
    /// The evaluator over whole splits (validation, calibration, test): sharded over the MPI ranks.
    private let splits: ShardedEvaluation
    private let sampler: OversamplingSampler
    /// Validation views (TTA when `inference.tta_enabled`).
    private let views: [Evaluator.View]
    /// Console and log lines.
    private let say: (String) -> Void
    /// Called after each epoch with its record (for metrics.jsonl).
    private let record: (EpochRecord) -> Void
    /// Draws the progress line: (done, total, fields).
    public var progress: ((String, Int, Int, [(String, String)]) -> Void)?
    /// Called after every optimizer step (progress files, event logs); must be quick.
    public var onStep: ((StepEvent) -> Void)?
    /// Called after each epoch's validation with its record (after metrics.jsonl has it).
    public var onEpoch: ((EpochRecord) -> Void)?
    /// The MPI job (nil: one process). Rank r runs micro-batches r, r+N, ... of every epoch; the
    /// ranks' gradient sums are added before each optimizer step, so N ranks with accumulation A
    /// step exactly as one process with accumulation N x A. Only rank 0 writes checkpoints.
    public let parallel: DataParallel?
    /// Micro-batches per optimizer step over all ranks: `gradient_accumulation_steps` x ranks.
    public var accumulation: Int { config.data.gradientAccumulationSteps * (parallel?.size ?? 1) }
    private var writes: Bool { parallel?.isLeader ?? true }
    /// Seconds spent in the ranks' sums this epoch (gradients, BatchNorm statistics, losses) and the steps.
    private var communication = (seconds: 0.0, waiting: 0.0, steps: 0)
    /// Training speed per phase over the epochs this process finished (key: phase 1-4).
    public private(set) var phaseSpeed: [Int: TrainingSpeed] = [:]
    /// Validation per phase over the same epochs: seconds, images through the eval program (x views), epochs.
    public private(set) var phaseValidation: [Int: (seconds: Double, images: Int, epochs: Int)] = [:]

    /// One optimizer step, as observers see it.
    public struct StepEvent: Sendable {
        public var epoch: Int
        public var epochs: Int
        public var phase: Int
        /// Micro-batches done in this epoch, of `batchesPerEpoch`.
        public var batch: Int
        public var batchesPerEpoch: Int
        /// Optimizer steps done in the run (this one included).
        public var optimizerStep: Int
        /// The mean training loss of the epoch so far.
        public var loss: Double
        public var lr: Double
        /// Training seconds of this epoch so far (validation not counted).
        public var epochSeconds: Double
        public var imagesPerSecond: Double?
        /// The remaining training seconds of the run at this epoch's pace (validation not counted).
        public var runSecondsLeft: Double
        /// The mean loss of this step's own micro-batches (the accumulation group).
        public var stepLoss: Double? = nil
    }

    /// How a call to `train` ended.
    public enum Outcome: Equatable, Sendable {
        case finished, earlyStopped
        /// Stopped at a step boundary on request; the checkpoint holds the state.
        case interrupted(checkpoint: URL)
    }

    public var batchesPerEpoch: Int { (data.train.count + program.manifest.batch - 1) / program.manifest.batch }

    public init(config: TrainingConfig, program: CompiledProgram, state: StateBlocks, data: TrainingData,
                cache: ImageCache, store: CheckpointStore, resumeFrom: TrainerState?, runID: String? = nil,
                parallel: DataParallel? = nil, say: @escaping (String) -> Void, record: @escaping (EpochRecord) -> Void) throws {
        let m = program.manifest
        let expected = config.modelConfig
        guard m.batch == expected.batch, m.imageSize == expected.imageSize, m.classes == expected.classes else {
            throw RuntimeError.artifact(path: program.libraryPath, problem: "compiled for batch \(m.batch), \(m.imageSize) px, \(m.classes) classes; the configuration needs \(expected.batch), \(expected.imageSize), \(expected.classes)")
        }
        for n in 1...4 where !m.phases.contains(where: { $0.phase == n }) {
            throw RuntimeError.artifact(path: program.libraryPath, problem: "phase \(n) is not compiled in")
        }
        self.config = config; self.program = program; self.state = state; self.data = data; self.store = store
        self.say = say; self.record = record; self.parallel = parallel
        arena = try Arena(bytes: ([m.eval.arenaBytes] + m.phases.map(\.arenaBytes)).max()!)
        let workers = config.data.numWorkers
        loader = BatchLoader(cache: cache, imageSize: m.imageSize, batchSize: m.batch,
                             augmentation: Trainer.augmentation(config), workers: workers)
        evaluator = try Evaluator(program: program, state: state, arena: arena, cache: cache, workers: workers)
        splits = ShardedEvaluation(evaluator: evaluator, parallel: parallel, batch: m.batch, say: say)
        views = try Trainer.views(config)
        let o = config.data.oversampling
        sampler = OversamplingSampler(labels: data.train.map(\.label), classCount: data.classNames.count,
                                      mode: o.enabled ? .partial(ratio: o.ratio, maxWeight: o.maxWeight) : .shuffle)
        let batches = (data.train.count + m.batch - 1) / m.batch
        let plan = config.phasePlan
        let schedule = LRSchedule(base: config.training.learningRate, epochs: config.training.epochs,
                                  stepsPerEpoch: LRSchedule.optimizerSteps(batches: batches, accumulation: config.data.gradientAccumulationSteps * (parallel?.size ?? 1)),
                                  warmupEpochs: config.training.warmupEpochs, restartEpochs: config.training.restartEpochs,
                                  phaseEnds: plan.ends, multipliers: plan.multipliers)
        if let resumeFrom {
            guard resumeFrom.schedule == schedule else {
                throw RuntimeError.io(path: store.directory.path, problem: "the checkpoint's schedule (\(resumeFrom.schedule.stepsPerEpoch) steps per epoch, \(resumeFrom.schedule.epochs) epochs) differs from this run's (\(schedule.stepsPerEpoch), \(schedule.epochs)); the data or the configuration changed")
            }
            run = resumeFrom
        } else {
            run = TrainerState(seed: config.system.seed, schedule: schedule, config: config.canonicalJSON, configHash: config.configHash)
            run.runID = runID
            run.best.metric = config.metrics.primaryMetric
            run.splitSizes = data.sizes
        }
    }

    /// The training augmentation of the configuration (`data.augmentation`).
    public static func augmentation(_ config: TrainingConfig) -> Augmentation {
        let a = config.data.augmentation
        var g = Augmentation()
        g.horizontalFlip = a.horizontalFlip; g.verticalFlip = a.verticalFlip; g.rotation = a.rotation
        g.translate = a.translate; g.scale = a.scale[0]...a.scale[1]
        g.brightness = a.brightness; g.contrast = a.contrast
        g.erasingProbability = a.randomErasing.p
        g.erasingScale = a.randomErasing.scale[0]...a.randomErasing.scale[1]
        g.erasingRatio = a.randomErasing.ratio[0]...a.randomErasing.ratio[1]
        return g
    }

    /// The dropout / stochastic-depth seed of micro-batch `batch` (0-based over the run).
    public static func dropoutSeed(run seed: UInt64, batch: Int) -> Int32 {
        var g = RandomDraws.generator(seed: seed ^ 0x6472_6F70_6F75_7473, stream: UInt64(batch))
        return Int32(truncatingIfNeeded: g.next() >> 33)
    }

    /// `num_batches_tracked` of every BatchNorm: the training forwards of the phases that train it.
    public func batchesTracked() -> [String: Int64] {
        let model = config.modelConfig, phases = config.phases
        var out: [String: Int64] = [:]
        for b in state.layout.buffers where b.name.hasSuffix(".running_mean") {
            let prefix = String(b.name.dropLast(".running_mean".count))
            var n = 0
            for (i, phase) in phases.enumerated() where model.isTrainable(prefix + ".weight", in: phase) {
                n += run.forwardsPerPhase[i]
            }
            out[prefix] = Int64(n)
        }
        return out
    }

    /// Estimates every BatchNorm's running statistics from `batches` training batches run in
    /// training mode (phase 4's step, every BatchNorm on batch statistics), then discards the
    /// gradients: the weights do not change. For a network that starts from random weights: the
    /// frozen backbone of phase 1 runs its BatchNorms in eval mode, and with the initial 0/1
    /// statistics its activations are not normalised at all (offsets and scales compound over
    /// the blocks), so the head would learn on features that eval mode later shifts. The EMA
    /// starts from the calibrated model. ("Precise BN", as pycls; the statistics start at zero and
    /// are debiased, so none of the initial values remain.)
    public func reestimateBatchNormStatistics(batches count: Int) throws {
        let m = program.manifest
        guard count > 0, let phase = m.phases.first(where: { $0.phase == 4 }) else { return }
        let indices = sampler.epoch(seed: run.seed, epoch: 0, count: count * m.batch)
        let items = indices.enumerated().map { position, i in
            BatchItem(sample: data.train[i], seed: BatchLoader.itemSeed(runSeed: run.seed, epoch: 0, position: position))
        }
        let stream = loader.start(BatchLoader.batches(of: items, batchSize: m.batch))
        defer { stream.cancel() }
        // Zeroed statistics and, after k updates with momentum μ, division by 1 - (1-μ)^k: the
        // exact weighted mean of the k batches' statistics, nothing left of the initial 0/1.
        let running = state.layout.buffers.filter { $0.name.hasSuffix(".running_mean") || $0.name.hasSuffix(".running_var") }
        for e in running { (state.model + e.offset).update(repeating: 0, count: e.count) }
        progress?("BatchNorm statistics", 0, count, [])
        var done = 0
        for b in 0..<count {
            guard var batch = try stream.next() else { break }
            _ = try step(&batch, entry: phase.stepEntry, seed: Trainer.dropoutSeed(run: ~run.seed, batch: b))
            done += 1
            progress?("BatchNorm statistics", b + 1, count, [])
        }
        let scale = 1 / (1 - pow(1 - Double(config.modelConfig.bnMomentum), Double(done)))
        for e in running {
            let p = state.model + e.offset
            for i in 0..<e.count { p[i] = Float(Double(p[i]) * scale) }
        }
        state.zero(.grads)
        state.copyModelToEMA()
        arena.discard()
    }

    // MARK: - The run

    /// Trains from the current state to the last epoch (or early stopping, or `interrupted()`
    /// turning true, checked after every optimizer step).
    public func train(interrupted: () -> Bool) throws -> Outcome {
        let m = program.manifest
        let accumulation = self.accumulation
        let ranks = parallel?.size ?? 1, rank = parallel?.rank ?? 0
        let perEpoch = batchesPerEpoch
        var lastPhase = 0
        while run.epoch < config.training.epochs && !run.earlyStopping.stopped {
            let epoch = run.epoch + 1
            let phaseNumber = config.phase(ofEpoch: epoch)
            guard let phase = m.phases.first(where: { $0.phase == phaseNumber }) else { preconditionFailure("phases checked in init") }
            if phaseNumber != lastPhase {
                arena.discard()
                say("Phase \(phaseNumber): \(phase.trainableParameters) trainable parameters, LR x\(run.schedule.multiplier(epoch: epoch))")
                lastPhase = phaseNumber
            }
            let indices = sampler.epoch(seed: run.seed, epoch: epoch, count: perEpoch * m.batch)
            let items = indices.enumerated().map { position, i in
                BatchItem(sample: data.train[i], seed: BatchLoader.itemSeed(runSeed: run.seed, epoch: epoch, position: position))
            }
            let batches = BatchLoader.batches(of: items, batchSize: m.batch)
            let first = run.batchInEpoch
            let stream = loader.start((first..<perEpoch).filter { $0 % ranks == rank }.map { batches[$0] })
            defer { stream.cancel() }
            ResidentMemory.resetPeak()
            let epochStart = DispatchTime.now().uptimeNanoseconds
            let secondsBefore = run.partial.seconds
            var lr = 0.0, groupLoss = 0.0, groupImages = 0, groupStart = first
            var statistics = parallel.map { _ in RunningStatistics(state: state, config: config, phase: phaseNumber) }
            progress?("epoch \(epoch)/\(config.training.epochs)", first, perEpoch, [])
            for b in first..<perEpoch {
                if b == groupStart { statistics?.beginGroup(state) }
                if b % ranks == rank {
                    let waitStart = monotonicSeconds()
                    guard var batch = try stream.next() else { preconditionFailure("the loader ended early") }
                    run.partial.speed.dataWaitSeconds += monotonicSeconds() - waitStart
                    let globalBatch = (epoch - 1) * perEpoch + b
                    statistics?.beforeMicroBatch(state)
                    let stepStart = monotonicSeconds()
                    let loss = try step(&batch, entry: phase.stepEntry, seed: Trainer.dropoutSeed(run: run.seed, batch: globalBatch))
                    run.partial.speed.stepSeconds += monotonicSeconds() - stepStart
                    run.partial.speed.microBatches += 1
                    guard loss.isFinite else {
                        throw RuntimeError.tensor(name: "loss", problem: "is \(loss) at epoch \(epoch), batch \(b + 1); lower training.learning_rate or check the data")
                    }
                    statistics?.afterMicroBatch(state, index: b - groupStart)
                    groupLoss += Double(loss); groupImages += batch.valid
                }
                if (b + 1) % accumulation == 0 || b == perEpoch - 1 {
                    let microBatches = b + 1 - groupStart
                    // One process: the group's own sums. Several: every rank's.
                    var sums = [groupLoss, Double(groupImages)]
                    if let parallel {
                        // A barrier first, so the sums' time is the transfer alone (waiting counted apart).
                        let t = DispatchTime.now().uptimeNanoseconds
                        try parallel.barrier()
                        let t0 = DispatchTime.now().uptimeNanoseconds
                        communication.waiting += Double(t0 - t) / 1e9
                        try parallel.sumInPlace(state.grads, count: state.count(.grads))
                        try statistics?.finish(state, parallel: parallel, groupSize: microBatches)
                        sums = try parallel.sum(sums)
                        communication.seconds += Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
                        communication.steps += 1
                    }
                    run.partial.loss += sums[0]; run.partial.batches += microBatches; run.partial.images += Int(sums[1])
                    run.forwardsPerPhase[phaseNumber - 1] += microBatches
                    lr = run.schedule.lr(step: run.optimizerSteps)
                    let updateStart = monotonicSeconds()
                    try update(entry: phase.updateEntry, phase: phaseNumber, lr: lr, microBatches: microBatches)
                    run.partial.speed.updateSeconds += monotonicSeconds() - updateStart
                    run.partial.speed.optimizerSteps += 1
                    run.partial.speed.images += Int(sums[1])
                    run.partial.speed.loaderCPUSeconds += stream.takeCPUSeconds()
                    run.batchInEpoch = b + 1
                    let elapsed = secondsBefore + Double(DispatchTime.now().uptimeNanoseconds - epochStart) / 1e9
                    run.partial.seconds = elapsed
                    run.partial.speed.seconds = elapsed
                    // The run's ETA: this epoch's seconds per micro-batch over the remaining ones (validation not counted).
                    let left = (config.training.epochs - epoch) * perEpoch + perEpoch - b - 1
                    let meanLoss = run.partial.loss / Double(run.partial.batches)
                    let secondsLeft = elapsed / Double(run.partial.batches) * Double(left)
                    progress?("epoch \(epoch)/\(config.training.epochs)", b + 1, perEpoch, [
                        ("loss", String(format: "%.4f", meanLoss)),
                        ("lr", String(format: "%.2e", lr)),
                        ("run ETA", ProgressBar.formatDuration(secondsLeft)),
                    ])
                    onStep?(StepEvent(epoch: epoch, epochs: config.training.epochs, phase: phaseNumber, batch: b + 1,
                                      batchesPerEpoch: perEpoch, optimizerStep: run.optimizerSteps, loss: meanLoss, lr: lr,
                                      epochSeconds: elapsed,
                                      imagesPerSecond: elapsed > 0 ? Double(run.partial.images) / elapsed : nil,
                                      runSecondsLeft: secondsLeft, stepLoss: sums[0] / Double(microBatches)))
                    groupLoss = 0; groupImages = 0; groupStart = b + 1
                    // Every rank stops at the same step when any was asked to (mpirun passes a signal to all).
                    if try agreed(interrupted()) && b + 1 < perEpoch {
                        let name = CheckpointStore.stepName(epoch: epoch, step: (b + 1 + accumulation - 1) / accumulation)
                        let url = try saveCheckpoint(name)
                        say("interrupted: checkpoint \(url.path) \(writes ? "written" : "(rank 0 writes it)") at optimizer step \(run.optimizerSteps); continue with --resume")
                        return .interrupted(checkpoint: url)
                    }
                }
            }
            // The training part ends here: the last step's observers (progress, live files) count as host time.
            run.partial.seconds = secondsBefore + Double(DispatchTime.now().uptimeNanoseconds - epochStart) / 1e9
            run.partial.speed.seconds = run.partial.seconds
            if let parallel, communication.steps > 0 {
                let n = Double(communication.steps)
                say(String(format: "MPI: %d ranks summed %.1f MB of gradients in %.1f ms per optimizer step, after %.1f ms waiting for the slowest rank (%d steps)",
                           parallel.size, Double(state.count(.grads) * 4) / 1e6, communication.seconds / n * 1000,
                           communication.waiting / n * 1000, communication.steps))
                communication = (0, 0, 0)
            }
            try finishEpoch(epoch, phase: phaseNumber, lr: lr)
            if try agreed(interrupted()) && run.epoch < config.training.epochs {
                say("interrupted after epoch \(epoch) at optimizer step \(run.optimizerSteps); continue with --resume")
                return .interrupted(checkpoint: store.directory.appendingPathComponent("latest"))
            }
        }
        return run.earlyStopping.stopped && run.epoch < config.training.epochs ? .earlyStopped : .finished
    }

    /// `flag` on one process; whether any rank's is true on several (all ranks get the same answer).
    private func agreed(_ flag: Bool) throws -> Bool { try parallel?.any(flag) ?? flag }

    /// One micro-batch through `entry`; returns its loss.
    private func step(_ batch: inout Batch, entry: String, seed: Int32) throws -> Float {
        var seeds = [seed], loss: [Float] = [0], logits = [Float](repeating: 0, count: program.manifest.batch * program.manifest.classes)
        try batch.images.withUnsafeMutableBytes { i in try batch.labels.withUnsafeMutableBytes { l in
            try seeds.withUnsafeMutableBytes { s in try loss.withUnsafeMutableBytes { o in try logits.withUnsafeMutableBytes { z in
                try program.run(entry, state: state, arena: arena, inputs: [
                    .images: i.baseAddress!, .labels: l.baseAddress!, .seed: s.baseAddress!, .loss: o.baseAddress!, .logits: z.baseAddress!])
            } } }
        } }
        return loss[0]
    }

    /// One optimizer step of `phase` over the accumulated gradients of `microBatches` micro-batches.
    private func update(entry: String, phase: Int, lr: Double, microBatches: Int) throws {
        // Parameter group g (the phase that first trains it) trains in phases g+1...4.
        for g in 0..<phase { run.adamSteps[g] += 1 }
        let t = config.training
        let inputs = OptimizerInputs(learningRate: Float(lr), weightDecay: Float(t.weightDecay), gradScale: 1 / Float(microBatches),
                                     maxGradNorm: Float(t.gradientClip), emaDecay: t.useEMA ? Float(t.emaDecay) : 0,
                                     adamSteps: run.adamSteps)
        var hyper = inputs.hyper, biasCorrection = inputs.biasCorrection
        try hyper.withUnsafeMutableBytes { h in try biasCorrection.withUnsafeMutableBytes { bc in
            try program.run(entry, state: state, arena: arena, inputs: [.hyper: h.baseAddress!, .biasCorrection: bc.baseAddress!])
        } }
        run.optimizerSteps += 1
    }

    /// Validation, threshold, best and early stopping, the metrics record, the checkpoint.
    private func finishEpoch(_ epoch: Int, phase: Int, lr: Double) throws {
        let sums = run.partial
        let output = try splits.run(data.val, views: views, what: "val")
        // The decision rule on this validation: the threshold for `decisionTarget`, and the primary
        // metric (model selection, early stopping) counted from the decisions at that threshold.
        let probabilities = output.probabilities
        if let choice = DecisionFit.tuneThreshold(probabilities, labels: output.labels, config: config) {
            run.threshold = choice.threshold
        }
        let report = ClassificationMetrics(probabilities: probabilities, truth: output.labels, classCount: data.classNames.count,
                                          positive: config.data.malignantIndex, threshold: run.threshold)
        let value = TrainingConfig.metric(config.metrics.primaryMetric, of: report)
        run.epoch = epoch; run.batchInEpoch = 0; run.partial = TrainerState.EpochSums()
        let isBest = value.map { v in run.best.value.map { v > $0 } ?? true } ?? false
        let es = config.training.earlyStopping
        if es.enabled {
            _ = run.earlyStopping.record(value, minDelta: es.minDelta, patience: es.patience)
        }
        var r = EpochRecord(split: "val", epoch: epoch, phase: phase, lr: lr,
                            trainLoss: sums.batches > 0 ? sums.loss / Double(sums.batches) : nil, output: output, report: report)
        r.epochSeconds = sums.seconds + output.seconds
        r.stepSeconds = sums.batches > 0 ? sums.seconds / Double(sums.batches) : nil
        r.imagesPerSecond = sums.seconds > 0 ? Double(sums.images) / sums.seconds : nil
        r.setTraining(sums.speed)
        phaseSpeed[phase, default: TrainingSpeed()] = phaseSpeed[phase, default: TrainingSpeed()] + sums.speed
        let evaluated = (phaseValidation[phase] ?? (0, 0, 0))
        phaseValidation[phase] = (evaluated.seconds + output.seconds, evaluated.images + output.labels.count * max(1, output.viewLogits.count),
                                  evaluated.epochs + 1)
        r.isBest = isBest; r.earlyStoppingWait = run.earlyStopping.wait
        let name = Trainer.checkpointName(epoch: epoch)
        if isBest { run.best.value = value; run.best.epoch = epoch; run.best.checkpoint = name }
        record(r)
        onEpoch?(r)
        let loss = r.trainLoss.map { String(format: "%.4f", $0) } ?? "n/a"
        say("Epoch \(epoch)/\(config.training.epochs) · Phase \(phase) · lr \(String(format: "%.2e", lr)) · loss \(loss) · val "
            + r.summary(tracked: config.metrics.trackMetrics) + String(format: " · %.1f s", r.epochSeconds)
            + " · train \(sums.speed.summary)" + String(format: " · validation %.1f s", output.seconds)
            + (isBest ? " · best \(config.metrics.primaryMetric)" : "")
            + (run.earlyStopping.stopped ? " · early stopping (no improvement for \(es.patience) epochs)" : ""))
        _ = try saveCheckpoint(name)
        guard writes else { return }
        if isBest { try store.markBest(name) }
        var protected: Set<String> = []
        let every = config.checkpoints.saveEveryNEpochs
        if every > 0 {
            for e in stride(from: every, through: epoch, by: every) { protected.insert(Trainer.checkpointName(epoch: e)) }
        }
        if let best = run.best.checkpoint { protected.insert(best) }
        try store.prune(protected: protected)
    }

    /// The evaluation views of the configuration: the TTA transforms of `inference.tta_transforms`
    /// when `inference.tta_enabled`, else the image alone.
    public static func views(_ config: TrainingConfig) throws -> [Evaluator.View] {
        guard config.inference.ttaEnabled else { return [nil] }
        return try Evaluator.views(config.inference.ttaTransforms)
    }

    /// The end of a run: the best checkpoint's EMA weights (the state blocks are overwritten with
    /// that checkpoint); with `inference.temperature_scaling`, the temperature fitted on the
    /// validation TTA average (the deployed prediction), the threshold re-tuned on its calibrated
    /// probabilities for `decisionTarget`, both stored in that checkpoint's state; then the test
    /// split with that threshold and temperature, counted by the decision rule. nil record without
    /// a test split; nil without a best checkpoint.
    public func finishWithBest() throws -> (fit: TemperatureFit?, test: (record: EpochRecord, report: ClassificationMetrics)?)? {
        // Every rank: the evaluations are sharded; rank 0 alone writes (the other ranks' records go to their own logs).
        guard let best = run.best.checkpoint else { return nil }
        let url = store.directory.appendingPathComponent(best)
        // Rank 0 has written it before any rank reads it, and every rank has read it before rank 0 replaces its trainer state.
        try parallel?.barrier()
        let loaded = try CheckpointStore.load(url, into: state)
        try parallel?.barrier()
        var bestState = try TrainerState.decode(loaded.trainerState, path: best)
        var fit: TemperatureFit?
        if config.inference.temperatureScaling {
            let calibration = DecisionFit.fit(try splits.run(data.val, views: views, what: "val (calibration)"),
                                                    views: DecisionFit.viewNames(config), config: config)
            DecisionFit.apply(calibration, to: &bestState)
            if writes { try store.replaceTrainerState(of: best, with: try bestState.encoded()) }
            fit = calibration.fit
        }
        guard !data.test.isEmpty else { return (fit, nil) }
        let output = try splits.run(data.test, views: try Trainer.views(config), what: "test")
        let report = ClassificationMetrics(probabilities: output.probabilities(temperature: bestState.temperature), truth: output.labels,
                                          classCount: data.classNames.count, positive: config.data.malignantIndex,
                                          threshold: bestState.threshold)
        var r = EpochRecord(split: "test", epoch: bestState.epoch, phase: config.phase(ofEpoch: bestState.epoch), lr: 0,
                            trainLoss: nil, output: output, report: report, temperature: bestState.temperature)
        r.isBest = true
        record(r)
        return (fit, (r, report))
    }

    public static func checkpointName(epoch: Int) -> String { CheckpointStore.epochName(epoch) }

    /// Writes checkpoint `name` (weights, EMA, optimizer state and `run`) and points `latest` at it.
    @discardableResult
    public func saveCheckpoint(_ name: String) throws -> URL {
        guard writes else { return store.directory.appendingPathComponent(name) }
        return try store.save(name: name, state: state, batchesTracked: batchesTracked(), trainerState: try run.encoded(),
                       best: run.best.checkpoint)
    }
}
