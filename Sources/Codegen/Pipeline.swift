import Foundation
import Graph

/// The compiler's passes, in order. Each graph pass returns a new graph; `--dump-after NAME`
/// prints the graph after it.
public enum Pass: String, CaseIterable, Sendable {
    /// Folds eval-mode (frozen) BatchNorm into the preceding convolution.
    case foldBatchNorm = "fold-batchnorm"
    /// Removes what no output or assignment needs.
    case eliminate
    /// Cuts the graph into kernels (`fuse`), then plans memory and emits C.
    case fuse

    public static let graphPasses: [Pass] = [.foldBatchNorm, .eliminate]
}

/// One program (a phase's step or update, or eval) through the pipeline.
public struct LoweredProgram: Sendable {
    public var entry: String
    public var graph: Graph
    public var schedule: Schedule
    public var plan: MemoryPlan
}

/// Runs the graph passes, then fuses and plans. `dumpAfter` receives each graph pass's result.
public func compileProgram(_ graph: Graph, entry: String, layout: Manifest.StateLayout,
                           passes: [Pass] = Pass.graphPasses, rules: FusionRules = .all,
                           dumpAfter: ((Pass, Graph) -> Void)? = nil) throws(CodegenError) -> LoweredProgram {
    var g = graph
    for pass in Pass.graphPasses where passes.contains(pass) {
        switch pass {
        case .foldBatchNorm: g = foldFrozenBatchNorm(g)
        case .eliminate: g = eliminate(g)
        case .fuse: break
        }
        dumpAfter?(pass, g)
    }
    let schedule = fuse(g, rules: rules)
    let memory = try plan(schedule, layout: layout)
    return LoweredProgram(entry: entry, graph: g, schedule: schedule, plan: memory)
}

/// Everything an artifact directory holds, in memory.
public struct Artifact: Sendable {
    public var config: ModelConfig
    public var programs: [LoweredProgram]
    public var manifest: Manifest
    /// `kernels.c`: prelude and the shared kernel functions.
    public var kernels: String
    /// `program.c`: one entry function per program (includes kernels.c).
    public var program: String
    public var functions: Int
    /// The function each kernel calls, by program entry, in schedule order.
    public var calls: [String: [String]]

    /// Every kernel of every program, by entry (`kernels.json`).
    public var kernelTable: [String: [KernelInfo]] {
        var table: [String: [KernelInfo]] = [:]
        for p in programs {
            let g = p.graph
            let names = calls[p.entry] ?? []
            table[p.entry] = p.schedule.kernels.enumerated().map { i, k in
                let computed = k.nodes.filter { !g.nodes[$0].op.isLeaf }
                let cost = computed.reduce(Cost()) { $0 + g.cost($1) }
                let bytes = Set(k.reads + k.writes).reduce(0) { $0 + g.nodes[$1].type.byteCount }
                return KernelInfo(index: i, function: i < names.count ? names[i] : "?",
                                  scope: g.nodes[k.writes.first ?? k.nodes[0]].name,
                                  ops: computed.map { g.nodes[$0].op.name }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } },
                                  contractionFlops: cost.contractionFLOPs, flops: cost.flops, bytes: bytes)
            }
        }
        return table
    }
}

/// Compiles every phase's step and update program and the eval program of a configuration into
/// C source and a manifest (nothing is written or built here).
public func compileArtifact(_ config: ModelConfig, phases: [Phase] = Phase.recipe, loss: LossAttrs,
                            options: EmitOptions = EmitOptions(),
                            dumpAfter: ((String, Pass, Graph) -> Void)? = nil) throws -> Artifact {
    let layout = Manifest.StateLayout(config: config)
    var programs: [LoweredProgram] = []
    var phaseEntries: [Manifest.PhaseEntry] = []
    // The run's four phases: the compiled ones replace the recipe's of the same number (their
    // fractions decide the AdamW step-count groups).
    let unfreezing = Phase.recipe.map { r in phases.first { $0.number == r.number } ?? r }
    for phase in phases {
        let tp = try TrainingProgram(config: config, phase: phase, loss: loss, unfreezing: unfreezing)
        let step = try compileProgram(tp.step, entry: "breastai_phase\(phase.number)_step", layout: layout,
                                      dumpAfter: dumpAfter.map { f in { f("phase\(phase.number)_step", $0, $1) } })
        let update = try compileProgram(tp.update, entry: "breastai_phase\(phase.number)_update", layout: layout,
                                        dumpAfter: dumpAfter.map { f in { f("phase\(phase.number)_update", $0, $1) } })
        programs += [step, update]
        guard let range = layout.range(of: tp.trainable) else {
            throw CodegenError.unsupported("the trainable parameters of phase \(phase.number) are not contiguous")
        }
        phaseEntries.append(Manifest.PhaseEntry(
            phase: phase.number, stepEntry: step.entry, updateEntry: update.entry,
            arenaBytes: max(step.plan.arenaBytes, update.plan.arenaBytes),
            lowerBoundBytes: max(step.plan.lowerBoundBytes, update.plan.lowerBoundBytes),
            noReuseBytes: max(step.plan.noReuseBytes, update.plan.noReuseBytes),
            kernels: step.schedule.kernels.count + update.schedule.kernels.count,
            trainableParameters: range.count, trainableRange: [range.lowerBound, range.upperBound]))
    }
    let eval = try compileProgram(TrainingProgram.buildEval(config), entry: "breastai_eval", layout: layout,
                                  dumpAfter: dumpAfter.map { f in { f("eval", $0, $1) } })
    programs.append(eval)

    let head: String
    switch config.head {
    case .torchvision: head = "torchvision"
    case .breastAI(let cbam, let p): head = "breastai(cbam: \(cbam), dropout: \(p))"
    }
    let title = [
        "BreastAI generated program: \(config.backbone.name) (\(config.variant.rawValue)), head \(head)",
        "batch \(config.batch), image \(config.imageSize)x\(config.imageSize), \(config.classes) classes, "
            + "phases \(phases.map { String($0.number) }.joined(separator: ",")), loss \(LossDescription(loss))",
        "Generated by: \(compileCommand(config, phases: phases, options: options))",
        "Do not edit: regenerate with the command above.",
    ]
    let source = try emitC(programs.map { ProgramCode(entry: $0.entry, schedule: $0.schedule, plan: $0.plan) }, title: title,
                           options: options)
    let (kernels, program) = split(source.text)
    let optionsHash = fnv1a(title.joined(separator: "\n"))
    let manifest = Manifest(
        model: config.variant.rawValue, architecture: config.backbone.name, head: head, imageSize: config.imageSize,
        batch: config.batch, classes: config.classes, optionsHash: optionsHash, library: "libbreastai.so",
        compileCommand: "$CC -O3 -march=native -fopenmp -fPIC -shared -std=c11 -Wall -Wextra -Werror program.c -lopenblas (OpenMP build) -o libbreastai.so", ioSlots: IOSlot.allCases.map(\.name), layout: layout, phases: phaseEntries,
        eval: Manifest.EvalEntry(entry: eval.entry, arenaBytes: eval.plan.arenaBytes,
                                 lowerBoundBytes: eval.plan.lowerBoundBytes, kernels: eval.schedule.kernels.count))
    return Artifact(config: config, programs: programs, manifest: manifest, kernels: kernels, program: program,
                    functions: source.functions, calls: source.calls)
}

/// The `breastai-compile` command that reproduces this configuration (flags that differ from the
/// defaults only), so the emitted files depend on the configuration and never on how the
/// command was spelled.
public func compileCommand(_ c: ModelConfig, phases: [Phase], options: EmitOptions) -> String {
    var flags = ["breastai-compile", "--model", c.variant.rawValue]
    if c.imageSize != c.variant.defaultImageSize { flags += ["--image-size", "\(c.imageSize)"] }
    if c.batch != 4 { flags += ["--batch", "\(c.batch)"] }
    if c.classes != 3 { flags += ["--classes", "\(c.classes)"] }
    switch c.head {
    case .torchvision: flags.append("--plain-torchvision")
    case .breastAI(let cbam, let p):
        if !cbam { flags.append("--no-cbam") }
        if p != ModelConfig.breastAIDropout { flags += ["--dropout", "\(p)"] }
    }
    if phases != Phase.recipe { flags += ["--phase", phases.map { "\($0.number)" }.joined(separator: ",")] }
    if options.naiveKernels { flags.append("--naive-kernels") }
    return flags.joined(separator: " ")
}

/// Splits the emitted translation unit into kernels.c (everything up to the first entry) and
/// program.c (the entries, which include kernels.c).
private func split(_ text: String) -> (String, String) {
    guard let r = text.range(of: "\n/* breastai_") else { return (text, "#include \"kernels.c\"\n") }
    let kernels = String(text[..<r.lowerBound]) + "\n"
    let entries = "/* Entry points: one per program, each a plain list of kernel calls. */\n#include \"kernels.c\"\n"
        + String(text[r.lowerBound...])
    return (kernels, entries)
}

private func LossDescription(_ l: LossAttrs) -> String {
    "focal(alpha \(l.alpha), gamma \(l.gamma), smoothing \(l.smoothing)" + (l.classWeights.allSatisfy { $0 == 1 } ? ")" : ", weights \(l.classWeights))")
}

/// A stable 64-bit FNV-1a hash, hex (without leading zeros, as manifests have always written it).
func fnv1a(_ s: String) -> String {
    var h = FNV1a64()
    h.add(s.utf8)
    return String(h.value, radix: 16)
}

/// Compiles one arbitrary graph as the `eval` entry of an artifact (used by tests of single ops
/// and fusion rules). Its parameters and buffers, in graph order, form the state layout; states
/// of the other kinds must name a parameter.
public func compileStandalone(_ graph: Graph, entry: String = "breastai_eval", title: String = "standalone graph",
                              options: EmitOptions = EmitOptions(), passes: [Pass] = Pass.graphPasses,
                              rules: FusionRules = .all) throws -> Artifact {
    var parameters: [Manifest.TensorEntry] = [], buffers: [Manifest.TensorEntry] = []
    var seen = Set<String>()
    var offset = 0
    for kind in [StateKind.parameter, .gradient, .adamM, .adamV] {
        for id in graph.states(kind) where seen.insert(graph.nodes[id].name).inserted {
            let t = graph.nodes[id].type
            parameters.append(.init(name: graph.nodes[id].name, shape: t.shape, offset: offset, count: t.count))
            offset += t.count
        }
    }
    let parameterFloats = offset
    for id in graph.states(.buffer) where seen.insert(graph.nodes[id].name).inserted {
        let t = graph.nodes[id].type
        buffers.append(.init(name: graph.nodes[id].name, shape: t.shape, offset: offset, count: t.count))
        offset += t.count
    }
    let layout = Manifest.StateLayout(parameters: parameters, buffers: buffers, parameterFloats: parameterFloats, modelFloats: offset)
    let lowered = try compileProgram(graph, entry: entry, layout: layout, passes: passes, rules: rules)
    let source = try emitC([ProgramCode(entry: entry, schedule: lowered.schedule, plan: lowered.plan)], title: [title], options: options)
    let (kernels, program) = split(source.text)
    let manifest = Manifest(model: "standalone", architecture: "standalone", head: "none", imageSize: 0, batch: 0, classes: 0,
                            optionsHash: fnv1a(source.text), library: "libbreastai.so", compileCommand: "",
                            ioSlots: IOSlot.allCases.map(\.name), layout: layout, phases: [],
                            eval: .init(entry: entry, arenaBytes: lowered.plan.arenaBytes,
                                        lowerBoundBytes: lowered.plan.lowerBoundBytes, kernels: lowered.schedule.kernels.count))
    return Artifact(config: ModelConfig(variant: .tiny), programs: [lowered], manifest: manifest, kernels: kernels,
                    program: program, functions: source.functions, calls: source.calls)
}
