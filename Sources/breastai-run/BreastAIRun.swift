import ArgumentParser
import Codegen
import Foundation
import Graph
import Formats
import Runtime

@main
struct BreastAIRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breastai-run",
        abstract: "Train, check and benchmark compiled BreastAI programs.",
        subcommands: [Demo.self, Train.self, Eval.self, Predict.self, Export.self, Forward.self, Step.self, Bench.self,
                      Cache.self, ConfigKeys.self, Serve.self, Validate.self, Launch.self])

    /// `--resume` may come without a value (meaning `latest`); the parser needs one.
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if let i = arguments.firstIndex(of: "--resume"), i + 1 == arguments.count || arguments[i + 1].hasPrefix("-") {
            arguments.insert("latest", at: i + 1)
        }
        main(arguments)
    }
}

/// Options naming a model configuration and where its artifact lives.
struct ModelOptions: ParsableArguments {
    @Option(name: .long, help: "Model: S, M, L or tiny.")
    var model: String = "S"
    @Option(name: .long, help: "Input height and width in pixels (default 512; tiny: 32).")
    var imageSize: Int?
    @Option(name: .long, help: "Physical batch size.")
    var batch: Int = 4
    @Option(name: .long, help: "Number of classes.")
    var classes: Int = 3
    @Flag(name: .long, help: "Stock torchvision classifier instead of the BreastAI head.")
    var plainTorchvision = false
    @Option(name: .long, help: "Artifact directory (default build/<model>[-<size>-b<batch>]); compiled when missing or stale. Must be new, empty or an artifact.")
    var artifact: String?
    @Flag(name: .long, help: "Recompile the artifact even if it is current.")
    var rebuild = false
    @Option(name: .long, help: "Contractions: fp32 or bf16 (bfloat16 inputs, fp32 accumulation; needs AVX512-BF16).")
    var precision: Precision = .fp32

    func config() throws -> ModelConfig {
        try ModelConfig(model: model, classes: classes, imageSize: imageSize, batch: batch, plainTorchvision: plainTorchvision)
    }

    func load(log: @escaping (String) -> Void) throws -> CompiledProgram {
        let c = try config()
        let loss = c.defaultLoss
        var tag = c.variant.rawValue
        if c.imageSize != c.variant.defaultImageSize || c.batch != 4 { tag += "-\(c.imageSize)-b\(c.batch)" }
        if c.classes != 3 { tag += "-c\(c.classes)" }
        if plainTorchvision { tag += "-tv" }
        if precision != .fp32 { tag += "-\(precision.rawValue)"; try BF16Support.require(for: "--precision bf16") }
        let dir = URL(fileURLWithPath: artifact ?? "build/\(tag)")
        return try CompiledProgram(directory: ensureArtifact(c, loss: loss, directory: dir, options: EmitOptions(precision: precision),
                                                             rebuild: rebuild, log: log))
    }
}

/// The NCHW float32 tensor `input` of a safetensors file, checked to be N x 3 x S x S, as NHWC pixels.
func loadImages(_ path: String) throws -> (shape: [Int], nhwc: [Float]) {
    let file = try SafeTensors(contentsOf: URL(fileURLWithPath: path))
    let shape = try file.shape("input")
    guard shape.count == 4, shape[1] == 3, shape[2] == shape[3] else {
        throw ValidationError("\(path): 'input' must be N x 3 x S x S, found \(shape)")
    }
    return (shape, ImageLayout.nchwToNHWC(try file.floats("input"), shape))
}

/// Eval-mode logits of a state dict on an input tensor, for checking against PyTorch.
struct Forward: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Eval-mode logits for an NCHW float32 tensor named `input`, with weights from a torchvision-named state dict.",
        discussion: "Batch and image size come from the input. Example:\n  breastai-run forward --model S --plain-torchvision --classes 1000 --weights s.safetensors --input x.safetensors --output y.safetensors")
    @Option(name: .long, help: "Model: S, M, L or tiny.")
    var model: String = "S"
    @Option(name: .long, help: "Number of classes.")
    var classes: Int = 3
    @Flag(name: .long, help: "Stock torchvision classifier instead of the BreastAI head.")
    var plainTorchvision = false
    @Option(name: .long, help: "safetensors state dict with torchvision names.")
    var weights: String
    @Option(name: .long, help: "safetensors file with an NCHW float32 tensor named `input`.")
    var input: String
    @Option(name: .long, help: "Write `logits` to this safetensors file (default: print them as JSON); an existing file is refused without --force.")
    var output: String?
    @Flag(name: .long, help: "Replace an existing --output file.")
    var force = false
    @Option(name: .long, help: "Artifact directory (default build/<model>-<size>-b<batch>...).")
    var artifact: String?

    func run() throws {
        if let output { try OutputPath.checkFile(URL(fileURLWithPath: output), force: force, option: "--output") }
        let (shape, pixels) = try loadImages(input)
        var options = try ModelOptions.parse(["--model", model, "--classes", "\(classes)", "--batch", "\(shape[0])",
                                              "--image-size", "\(shape[2])"] + (plainTorchvision ? ["--plain-torchvision"] : []))
        options.artifact = artifact
        let program = try options.load { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        let state = try StateBlocks(layout: program.manifest.layout)
        let report = try Weights.load(try Weights.open(URL(fileURLWithPath: weights)), into: state, strict: true)
        FileHandle.standardError.write(Data("weights: \(report.summary)\n".utf8))
        let n = shape[0], k = program.manifest.classes
        let arena = try Arena(bytes: program.manifest.eval.arenaBytes)
        let logits = try program.evaluate(pixels, state: state, arena: arena).logits
        if let output {
            var writer = SafeTensorsWriter(metadata: ["generator": "breastai-run forward"])
            try writer.add("logits", floats: logits, shape: [n, k])
            try writer.write(to: URL(fileURLWithPath: output))
        } else {
            let rows = (0..<n).map { i in "[" + (0..<k).map { "\(logits[i * k + $0])" }.joined(separator: ", ") + "]" }
            print("{\"logits\": [\(rows.joined(separator: ", "))]}")
        }
    }
}

/// K training steps on given tensors, for checking against PyTorch.
struct Step: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "K training steps (dropout, stochastic depth and augmentation off; AdamW as PyTorch) on an NCHW `input` and int64 `labels`.",
        discussion: "Prints one JSON line per step. Example:\n  breastai-run step --model S --plain-torchvision --weights w.safetensors --input x.safetensors --labels y.safetensors --steps 3 --output w3.safetensors")
    @Option(name: .long, help: "Model: S, M, L or tiny.")
    var model: String = "S"
    @Option(name: .long, help: "Number of classes.")
    var classes: Int = 3
    @Flag(name: .long, help: "Stock torchvision classifier instead of the BreastAI head.")
    var plainTorchvision = false
    @Option(name: .long, help: "safetensors state dict with torchvision names.")
    var weights: String
    @Option(name: .long, help: "safetensors file with an NCHW float32 tensor named `input`.")
    var input: String
    @Option(name: .long, help: "safetensors file with an int64 tensor named `labels`.")
    var labels: String
    @Option(name: .long, help: "Number of steps.")
    var steps: Int = 1
    @Option(name: .long, help: "Unfreezing phase (1-4) whose parameters train.")
    var phase: Int = 4
    @Option(name: .long, help: "Learning rate.")
    var lr: Float = 3e-4
    @Option(name: .long, help: "AdamW weight decay.")
    var weightDecay: Float = 1e-4
    @Option(name: .long, help: "Loss: focal (alpha [0.25, 0.5, 0.25] for 3 classes, gamma 2.5) or ce.")
    var loss: String = "focal"
    @Option(name: .long, help: "Label smoothing.")
    var labelSmoothing: Float = 0.12
    @Option(name: .long, help: "Write the updated weights and BatchNorm statistics here (an existing file is refused without --force).")
    var output: String?
    @Option(name: .long, help: "Write the first step's parameter gradients here (an existing file is refused without --force).")
    var grads: String?
    @Flag(name: .long, help: "Replace existing --output and --grads files.")
    var force = false
    @Option(name: .long, help: "Contractions: fp32 or bf16 (bfloat16 inputs, fp32 accumulation; needs AVX512-BF16).")
    var precision: Precision = .fp32

    func run() throws {
        if let output { try OutputPath.checkFile(URL(fileURLWithPath: output), force: force, option: "--output") }
        if let grads { try OutputPath.checkFile(URL(fileURLWithPath: grads), force: force, option: "--grads") }
        if let output, let grads, URL(fileURLWithPath: output).standardizedFileURL == URL(fileURLWithPath: grads).standardizedFileURL {
            throw ValidationError("--output and --grads name the same file \(output)")
        }
        let (shape, pixels) = try loadImages(input)
        var config = try ModelConfig(model: model, classes: classes, imageSize: shape[2], batch: shape[0],
                                     plainTorchvision: plainTorchvision, dropout: 0)
        config.stochasticDepthProb = 0
        config.backbone.dropout = 0
        let attrs: LossAttrs
        switch loss {
        case "focal": attrs = LossAttrs(alpha: config.defaultLoss.alpha, gamma: LossAttrs.recipe.gamma, smoothing: labelSmoothing)
        case "ce": attrs = .crossEntropy(classes: classes, smoothing: labelSmoothing)
        default: throw ValidationError("unknown loss '\(loss)': expected focal or ce")
        }
        if precision != .fp32 { try BF16Support.require(for: "--precision bf16") }
        let tag = "step-\(config.variant.rawValue)-\(shape[2])-b\(shape[0])-c\(classes)-\(loss)\(labelSmoothing)\(plainTorchvision ? "-tv" : "")"
            + (precision == .fp32 ? "" : "-\(precision.rawValue)")
        let dir = try ensureArtifact(config, loss: attrs, directory: URL(fileURLWithPath: "build/\(tag)"),
                                     options: EmitOptions(precision: precision)) {
            FileHandle.standardError.write(Data(($0 + "\n").utf8))
        }
        let program = try CompiledProgram(directory: dir)
        FileHandle.standardError.write(Data((program.precisionSummary + "\n").utf8))
        let state = try StateBlocks(layout: program.manifest.layout)
        let report = try Weights.load(try Weights.open(URL(fileURLWithPath: weights)), into: state, strict: true)
        FileHandle.standardError.write(Data("weights: \(report.summary)\n".utf8))
        let labelValues = try SafeTensors(contentsOf: URL(fileURLWithPath: labels)).int64s("labels").map { Int32(truncatingIfNeeded: $0) }
        let images = pixels
        let stepper = try Stepper(program: program, state: state, phase: phase)
        for t in 1...max(1, steps) {
            let r = try stepper.step(images: images, labels: labelValues, t: t, learningRate: lr, weightDecay: weightDecay,
                                     keepGradients: t == 1 && grads != nil)
            print("{\"step\": \(t), \"loss\": \(r.loss)}")
            if let g = r.gradients, let path = grads {
                var writer = SafeTensorsWriter(metadata: ["generator": "breastai-run step", "step": "1"])
                for e in program.manifest.layout.parameters { try writer.add(e.name, floats: g[e.name]!, shape: e.shape) }
                try writer.write(to: URL(fileURLWithPath: path))
            }
        }
        if let output { try Weights.save(state, to: URL(fileURLWithPath: output), metadata: ["generator": "breastai-run step"]) }
    }
}

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmarks: every fused kernel in isolation, or whole training steps.",
        subcommands: [BenchKernels.self, BenchStep.self, BenchSchedule.self, BenchGemmBF16.self, BenchGemmF32.self])
}

struct BenchKernels: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernels",
        abstract: "Time every fused kernel of a phase's step on its real shapes, against the machine's roofline.",
        discussion: """
            First measures the machine with the artifact's own compiler, OpenMP and OpenBLAS: sgemm, triad, and the \
            peak multiply rates of register-only fp32 FMA and AVX512-BF16 loops. `--top 0 --json` output feeds \
            `python3 bench/kernel_families.py`, which groups the kernels by family and prints the floor at those peaks.
            """)
    @OptionGroup var model: ModelOptions
    @Option(name: .long, help: "Phase (1-4) whose step and update programs are timed, or eval (the eval forward).")
    var phase: String = "4"
    @Option(name: .long, help: "Only kernels whose function, scope or ops contain this text.")
    var filter: String?
    @Option(name: .long, help: "Timed runs per kernel (median reported).")
    var repeats: Int = 5
    @Option(name: .long, help: "Rows of the table (0: all).")
    var top: Int = 40
    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() throws {
        let program = try model.load { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        let entries: [String]
        if phase == "eval" {
            entries = [program.manifest.eval.entry]
        } else if let p = program.manifest.phases.first(where: { "\($0.phase)" == phase }) {
            entries = [p.stepEntry, p.updateEntry]
        } else {
            throw ValidationError("phase \(phase) is not in the artifact (phases \(program.manifest.phases.map(\.phase)) and eval)")
        }
        let table = try JSONDecoder().decode([String: [KernelInfo]].self,
                                             from: Data(contentsOf: program.directory.appendingPathComponent("kernels.json")))
        let session = try BenchSession(program: program)
        let machine = session.machine()
        var timings: [KernelTiming] = []
        for entry in entries {
            timings += try session.kernels(entry, table: table[entry] ?? [], repeats: repeats, filter: filter, machine: machine)
        }
        let total = timings.reduce(0) { $0 + $1.seconds }
        for i in timings.indices { timings[i].share = timings[i].seconds / total }
        timings.sort { $0.seconds > $1.seconds }
        if json {
            struct Out: Codable { var machine: MachineFigures; var phase: String; var precision: String; var total_s: Double; var kernels: [KernelTiming] }
            let e = JSONEncoder(); e.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try e.encode(Out(machine: machine, phase: phase, precision: program.precision, total_s: total, kernels: timings)),
                         as: UTF8.self))
            return
        }
        let peak = { (v: Double?) in v.map { String(format: "%.0f GFLOP/s", $0) } ?? "none" }
        print(String(format: "machine: sgemm %.0f GFLOP/s, triad %.1f GB/s, peak fp32 FMA %@, bf16 dot products %@, %d threads, OpenBLAS core %@",
                     machine.sgemmGFLOPS, machine.triadGBps, peak(machine.fmaPeakGFLOPS), peak(machine.bf16PeakGFLOPS),
                     machine.threads, machine.blasCoreType))
        print(String(format: "phase %@: %d kernels, %.1f ms in total (sum of isolated medians)", phase, timings.count, total * 1e3))
        print("time ms   share  GFLOP/s   GB/s  roof  bound    kernel  (scope; fused ops)")
        for t in (top > 0 ? Array(timings.prefix(top)) : timings) {
            print(String(format: "%8.2f  %5.1f%%  %7.1f  %5.1f  %3.0f%%  %-7@  %@  (%@; %@)", t.seconds * 1e3, 100 * t.share, t.gflops, t.gbps,
                         100 * t.roofline, t.bound, t.kernel.function, t.kernel.scope, t.kernel.ops.joined(separator: " ")))
        }
    }
}

struct BenchStep: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "step",
        abstract: "Time whole training steps (micro-batch + optimizer update) per phase and the eval forward.")
    @OptionGroup var model: ModelOptions
    @Option(name: .long, help: "Phase: all, 1, 2, 3, 4 or eval.")
    var phase: String = "all"
    @Option(name: .long, help: "Timed steps (median, min, max reported).")
    var steps: Int = 5
    @Option(name: .long, help: "Untimed steps first.")
    var warmup: Int = 1
    @Option(name: .long, help: "Micro-batches per timed step (gradient accumulation, as train runs it): that many step programs, then one update.")
    var accumulation: Int = 1
    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() throws {
        guard accumulation >= 1, steps >= 1 else { throw ValidationError("--accumulation and --steps must be at least 1") }
        let program = try model.load { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        let m = program.manifest
        let session = try BenchSession(program: program)
        let stateBytes = m.layout.stateBytes
        var rows: [StepTiming] = []
        for p in m.phases where phase == "all" || phase == "\(p.phase)" {
            rows.append(try session.trainingStep("\(p.phase)", stepEntry: p.stepEntry, updateEntry: p.updateEntry, accumulation: accumulation,
                                                 warmup: warmup, steps: steps, plannedBytes: p.arenaBytes + stateBytes))
        }
        if phase == "all" || phase == "eval" {
            rows.append(try session.step("eval", entries: [m.eval.entry], warmup: warmup, steps: steps,
                                         plannedBytes: m.eval.arenaBytes + stateBytes))
        }
        guard !rows.isEmpty else { throw ValidationError("unknown phase '\(phase)': expected all, 1-4 or eval") }
        if json {
            let e = JSONEncoder(); e.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try e.encode(BenchStepReport(model: m.model, image_size: m.imageSize, batch: m.batch,
                                                                blas: program.blasSummary, precision: program.precision, phases: rows)), as: UTF8.self))
            return
        }
        print("\(m.architecture) (\(m.model)), batch \(m.batch), \(m.imageSize)x\(m.imageSize); \(program.blasSummary)")
        print(program.precisionSummary)
        print("threads: \(ThreadPlacement.summary(for: program))")
        print(HugePages.summary())
        if accumulation > 1 { print("a step: \(accumulation) micro-batches, then one optimizer update") }
        print("phase   median s   min s    max s   images/s  peak RSS    planned   micro-batch s  update s")
        for r in rows {
            print(String(format: "%-6@  %8.3f  %7.3f  %7.3f  %8.2f  %9.2f GB  %6.2f GB  %@  %@", r.phase, r.medianS, r.minS, r.maxS,
                         r.imagesPerSecond, Double(r.peakRSSBytes) / 1e9, Double(r.plannedBytes) / 1e9,
                         r.microBatchS.map { String(format: "%13.4f", $0) } ?? String(repeating: " ", count: 12) + "-",
                         r.updateS.map { String(format: "%8.4f", $0) } ?? "       -"))
        }
    }
}

extension Precision: ExpressibleByArgument {}
