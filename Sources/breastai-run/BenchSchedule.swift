import ArgumentParser
import Foundation
import Runtime
import Training

/// The JSON of `bench step --json` (also read back by `bench schedule --times`).
struct BenchStepReport: Codable {
    var model: String
    var image_size: Int
    var batch: Int
    var blas: String
    /// `fp32` or `bf16` (absent in reports written before the bf16 mode).
    var precision: String?
    var phases: [StepTiming]
}

/// `bench schedule`: a configuration's whole run projected from measured program times.
struct BenchSchedule: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Project a configuration's whole run (wall time per phase and in total) from measured step times.",
        discussion: """
            Measures the compiled programs of the configuration (each phase's step and update, the eval
            forward) with the configuration's threads, then counts the run: micro-batches and optimizer
            steps per epoch, the phase plan, validation with the TTA views every epoch, calibration and
            test at the end. Every epoch is counted (early stopping can only shorten the run).
            Examples:
              breastai-run bench schedule --config config_ultra_S.json --images 53000
              breastai-run bench step --model M --phase all --accumulation 4 --json > m.json
              breastai-run bench schedule --config config_ultra_M.json --times m.json
            """)
    @Option(name: .long, help: "Training configuration (JSON); default: the built-in ULTRA-S values.")
    var config: String?
    @Option(name: .long, help: "Images in the data set, split by data.val_split and data.test_split.")
    var images: Int = 53_000
    @Option(name: .long, help: "Training images (instead of --images' split).")
    var train: Int?
    @Option(name: .long, help: "Validation images (with --train).")
    var val: Int?
    @Option(name: .long, help: "Test images (with --train).")
    var test: Int?
    @Option(name: .long, help: "Program times from `bench step --json` (phases 1-4 and eval, same model, size and batch) instead of measuring.")
    var times: String?
    @Option(name: .long, help: "Timed steps per phase.")
    var steps: Int = 3
    @Option(name: .long, help: "Untimed steps first.")
    var warmup: Int = 1
    @Option(name: .long, help: "Fraction train adds over the programs (data wait, host work), e.g. 0.03.")
    var overhead: Double = 0
    @Flag(name: .long, help: "Print JSON.")
    var json = false
    @OptionGroup var options: TrainOptions

    func run() throws {
        let config = try options.configuration(file: self.config)
        let split: RunProjection.Split
        if let train {
            split = RunProjection.Split(train: train, val: val ?? 0, test: test ?? 0)
        } else {
            guard val == nil && test == nil else { throw ValidationError("--val and --test go with --train") }
            split = RunProjection.Split(images: images, valFraction: config.data.valSplit, testFraction: config.data.testSplit)
        }
        let phases: [StepTiming], source: String
        if let times {
            let report: BenchStepReport
            do { report = try JSONDecoder().decode(BenchStepReport.self, from: Data(contentsOf: URL(fileURLWithPath: times))) } catch {
                throw ValidationError("\(times): not the JSON of bench step --json (\(error.localizedDescription))")
            }
            guard report.batch == config.data.batchSize, report.image_size == config.data.imageSize else {
                throw ValidationError("\(times): measured at batch \(report.batch), \(report.image_size) px; the configuration trains at batch \(config.data.batchSize), \(config.data.imageSize) px")
            }
            let measured = report.precision ?? "fp32"
            guard measured == config.training.precision else {
                throw ValidationError("\(times): measured in \(measured); the configuration trains in \(config.training.precision) (training.precision)")
            }
            phases = report.phases
            source = "\(times) (\(report.model), \(report.blas), \(measured))"
        } else {
            let threads = SystemThreads.resolve(configured: config.system.numThreads)
            setenv("OMP_NUM_THREADS", "\(threads.threads)", 1)
            let log: (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
            log(threads.note)
            let program = try options.program(for: config, log: log)
            let session = try BenchSession(program: program)
            let m = program.manifest
            var rows: [StepTiming] = []
            for p in m.phases {
                log("measuring phase \(p.phase)")
                rows.append(try session.trainingStep("\(p.phase)", stepEntry: p.stepEntry, updateEntry: p.updateEntry,
                                                     accumulation: config.data.gradientAccumulationSteps, warmup: warmup, steps: steps,
                                                     plannedBytes: p.arenaBytes + m.layout.stateBytes))
            }
            rows.append(try session.step("eval", entries: [m.eval.entry], warmup: warmup, steps: steps, plannedBytes: m.eval.arenaBytes))
            phases = rows
            source = "measured now (\(m.model), \(threads.threads) threads; \(program.blasSummary); \(program.precision))"
        }
        var perPhase: [Int: RunProjection.PhaseTimes] = [:]
        for r in phases {
            guard let p = Int(r.phase), let micro = r.microBatchS, let update = r.updateS else { continue }
            perPhase[p] = RunProjection.PhaseTimes(microBatch: micro, update: update)
        }
        guard let eval = phases.first(where: { $0.phase == "eval" })?.medianS else {
            throw ValidationError("no eval timing\(times.map { " in \($0)" } ?? "")")
        }
        let views = config.inference.ttaEnabled ? config.inference.ttaTransforms.count : 1
        let projection = try RunProjection(split: split, batch: config.data.batchSize, accumulation: config.data.gradientAccumulationSteps,
                                           epochs: config.training.epochs, phaseOfEpoch: config.phase(ofEpoch:), times: perPhase,
                                           evalBatch: eval, views: views, calibration: config.inference.temperatureScaling,
                                           overhead: overhead)
        if json {
            struct Row: Codable { var phase, epochs, micro_batches_per_epoch, optimizer_steps_per_epoch: Int
                                  var train_seconds_per_epoch, validation_seconds_per_epoch, images_per_second, total_seconds: Double }
            struct Out: Codable { var train, val, test, views: Int; var phases: [Row]; var final_seconds, total_seconds, validation_share: Double
                                  var source: String }
            let rows = projection.rows.map { Row(phase: $0.phase, epochs: $0.epochs, micro_batches_per_epoch: $0.microBatchesPerEpoch,
                                                 optimizer_steps_per_epoch: $0.optimizerStepsPerEpoch, train_seconds_per_epoch: $0.trainSecondsPerEpoch,
                                                 validation_seconds_per_epoch: $0.validationSecondsPerEpoch, images_per_second: $0.imagesPerSecond,
                                                 total_seconds: $0.totalSeconds) }
            let e = JSONEncoder(); e.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try e.encode(Out(train: split.train, val: split.val, test: split.test, views: views, phases: rows,
                                                    final_seconds: projection.finalSeconds, total_seconds: projection.totalSeconds,
                                                    validation_share: projection.validationShare, source: source)), as: UTF8.self))
            return
        }
        print("\(config.model.architecture) at \(config.data.imageSize) px, batch \(config.data.batchSize) x \(config.data.gradientAccumulationSteps) accumulation, \(config.training.epochs) epochs")
        print("images: train \(split.train), val \(split.val), test \(split.test); validation \(views) view\(views == 1 ? "" : "s") per image every epoch")
        print("program times: " + source)
        for p in perPhase.keys.sorted() {
            print(String(format: "  phase %d: micro-batch %.3f s, update %.3f s", p, perPhase[p]!.microBatch, perPhase[p]!.update))
        }
        print(String(format: "  eval: %.3f s per batch", eval))
        if overhead != 0 { print(String(format: "training times include %.1f%% for data wait and host work (--overhead)", 100 * overhead)) }
        print("")
        print(projection.table(title: config.model.architecture))
        print("")
        print("the whole run will take about \(RunProjection.duration(projection.totalSeconds)) (every epoch; early stopping can shorten it)")
    }
}
