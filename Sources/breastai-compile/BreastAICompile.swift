import ArgumentParser
import Codegen
import Foundation
import Graph

/// `breastai-compile`: builds a model's training graphs, fuses them into kernels, plans their
/// memory, emits C and compiles it; or reports on any of those stages.
@main
struct BreastAICompile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breastai-compile",
        abstract: "Compile the training step of an EfficientNetV2 BreastAI model into a C program of fused kernels.",
        discussion: """
            By default emits kernels.h, kernels_k*.c, program.c and manifest.json into --out and builds libbreastai.so
            (the units compile in parallel; objects of unchanged units are reused from --out/objects).
            Examples:
              breastai-compile --model S                      emit and build all phases into build/S
              breastai-compile --model S --summary            parameters, ops and FLOPs per phase
              breastai-compile --model tiny --phase 2 --dump  the fused-kernel listing
              breastai-compile --model tiny --dump-after eliminate --graph step
              breastai-compile --model M --plain-torchvision --classes 1000 --summary --json
            The C compiler is $CC (default gcc, else clang with libomp).
            """)

    @Option(name: .long, help: "Model: S, M, L or tiny.")
    var model: String = "S"
    @Option(name: .long, help: "Input height and width in pixels (default 512; tiny: 32).")
    var imageSize: Int?
    @Option(name: .long, help: "Physical batch size of one step.")
    var batch: Int = 4
    @Option(name: .long, help: "Number of classes.")
    var classes: Int = 3
    @Flag(name: .long, help: "Stock torchvision classifier (Dropout + Linear) instead of the BreastAI head.")
    var plainTorchvision = false
    @Flag(name: .long, inversion: .prefixedNo, help: "CBAM attention before pooling (BreastAI head only).")
    var cbam = true
    @Option(name: .long, help: "Dropout rate p of the BreastAI head (layers use p, p/2, 0.3p).")
    var dropout: Float = ModelConfig.breastAIDropout
    @Option(name: .long, help: "Phase: all, 1, 2, 3 or 4.")
    var phase: String = "all"
    @Option(name: .long, help: "Output directory (default build/<model>): a new or empty folder, or an artifact this program wrote (other folders are refused).")
    var out: String?
    @Flag(name: .long, help: "Write the C sources and manifest but do not run the C compiler.")
    var emitOnly = false
    @Option(name: .long, help: "Memory budget in GB for arena + state (default: S 6, M 12, L and tiny none).")
    var memoryBudget: Double?
    @Flag(name: .long, help: "Emit and build even when the planned memory exceeds the budget.")
    var allowOverBudget = false
    @Flag(name: .long, help: "Plain-loop kernels everywhere (the naive twins; slow, for debugging).")
    var naiveKernels = false
    @Option(name: .long, help: "Contractions: fp32 (OpenBLAS sgemm) or bf16 (bfloat16 inputs, fp32 accumulation; needs AVX512-BF16 to run).")
    var precision: Precision = .fp32
    @Flag(name: .long, help: "Print parameters, ops and FLOPs per phase (no code is generated).")
    var summary = false
    @Flag(name: .long, help: "With --summary: print JSON.")
    var json = false
    @Flag(name: .long, help: "Print the IR as built, one line per node (phase 4 unless --phase is given).")
    var dumpIr = false
    @Option(name: .long, help: "Print the IR after a pass: \(Pass.allCases.map(\.rawValue).joined(separator: ", ")).")
    var dumpAfter: String?
    @Option(name: .long, help: "With --dump-ir / --dump-after: which graph, step, update or eval.")
    var graph: String = "step"
    @Flag(name: .long, help: "Print the fused-kernel dump (kernels, fused IR nodes, shapes, FLOPs, bytes, offsets).")
    var dump = false

    func config() throws -> ModelConfig {
        try ModelConfig(model: model, classes: classes, imageSize: imageSize, batch: batch,
                        plainTorchvision: plainTorchvision, cbam: cbam, dropout: dropout)
    }

    func phases() throws -> [Phase] {
        if phase == "all" { return Phase.recipe }
        guard let n = Int(phase) else { throw ValidationError("unknown phase '\(phase)': expected all, 1, 2, 3 or 4") }
        return [try Phase.recipe(n)]
    }

    func defaultLoss(_ c: ModelConfig) -> LossAttrs { c.defaultLoss }

    func selectedGraph(_ config: ModelConfig) throws -> Graph {
        let p = phase == "all" ? Phase.recipe[3] : try phases()[0]
        let program = try TrainingProgram(config: config, phase: p, loss: defaultLoss(config))
        switch graph {
        case "step": return program.step
        case "update": return program.update
        case "eval": return program.eval
        default: throw ValidationError("unknown graph '\(graph)': expected step, update or eval")
        }
    }

    func run() throws {
        let config = try config()
        if dumpIr {
            let g = try selectedGraph(config)
            try g.verify()
            print(g.dump(), terminator: "")
            return
        }
        if let name = dumpAfter {
            guard let pass = Pass(rawValue: name) else {
                throw ValidationError("unknown pass '\(name)': expected \(Pass.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let g = try selectedGraph(config)
            let layout = Manifest.StateLayout(config: config)
            let lowered = try compileProgram(g, entry: graph, layout: layout) { p, after in
                if p == pass { print(after.dump(), terminator: "") }
            }
            if pass == .fuse { print(CompilerListing.kernelDump(lowered, functions: []), terminator: "") }
            return
        }
        if summary {
            let s = try ModelSummary(config: config, phases: phases(), loss: defaultLoss(config))
            if json {
                let e = JSONEncoder()
                e.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try e.encode(s), as: UTF8.self))
            } else {
                print(s.text)
            }
            return
        }
        try compile(config)
    }

    func compile(_ config: ModelConfig) throws {
        let dir = URL(fileURLWithPath: out ?? "build/\(config.variant.rawValue)")
        if !dump { try checkArtifactDirectory(dir, option: "--out") }
        let started = Date()
        let artifact = try compileArtifact(config, phases: phases(), loss: defaultLoss(config),
                                           options: EmitOptions(naiveKernels: naiveKernels, precision: precision))
        let emitSeconds = Date().timeIntervalSince(started)
        if dump {
            for p in artifact.programs { print(CompilerListing.kernelDump(p, functions: artifact.calls[p.entry] ?? [])) }
            return
        }
        let budget = memoryBudget.map { Int($0 * 1e9) } ?? (config.batch == 4 && config.imageSize == 512 ? defaultBudget(config.variant) : nil)
        print("\(config.backbone.name) (\(config.variant.rawValue)), batch \(config.batch), \(config.imageSize)x\(config.imageSize), "
              + "\(config.classes) classes, head \(artifact.manifest.head)")
        print(artifact.summary(budget: budget))
        if let budget, let worst = artifact.memoryFigures.max(by: { $0.total < $1.total }), worst.total > budget, !allowOverBudget {
            throw CodegenError.overBudget("\(worst.name) needs \(CompilerListing.bytes(worst.total)) (arena \(CompilerListing.bytes(worst.arena)) + state "
                                          + "\(CompilerListing.bytes(worst.state))) > \(CompilerListing.bytes(budget)); pass --allow-over-budget or --memory-budget GB")
        }
        try artifact.write(to: dir)
        print(String(format: "emitted %@ (kernels.h and %d kernel units %@, program.c %@, manifest.json) in %.1f s", dir.path,
                     artifact.source.kernelUnits.count, CompilerListing.bytes(artifact.kernels.utf8.count),
                     CompilerListing.bytes(artifact.program.utf8.count), emitSeconds))
        if emitOnly { return }
        let toolchain = try Toolchain.detect()
        print("building with \(toolchain.description) ...")
        let result = try artifact.build(in: dir, toolchain: toolchain)
        print(String(format: "built %@ in %.1f s: %@", dir.appendingPathComponent(artifact.manifest.library).path, result.seconds,
                     result.summary))
        print("link: \(result.linkCommand)")
        print("every command: \(Artifact.buildRecordFile) (command)")
    }
}

extension Precision: ExpressibleByArgument {}
