import Graph

/// The compiler's passes, in order: two graph rewrites, then `fuse` (the graph cut into kernels,
/// `Fusion/`), after which the schedule is planned (`plan`) and emitted (`emitC`, `Artifact.swift`).
/// `--dump-after NAME` prints the graph after a graph pass, the kernel dump after `fuse`.
public enum Pass: String, CaseIterable, Sendable {
    /// Folds eval-mode (frozen) BatchNorm into the preceding convolution.
    case foldBatchNorm = "fold-batchnorm"
    /// Removes what no output or assignment needs.
    case eliminate
    /// Cuts the graph into kernels.
    case fuse

    /// The passes that rewrite the graph.
    public static let graphPasses: [Pass] = [.foldBatchNorm, .eliminate]

    /// The graph rewrite of a graph pass (nil for `fuse`, whose result is a schedule).
    var rewrite: ((Graph) -> Graph)? {
        switch self {
        case .foldBatchNorm: return foldFrozenBatchNorm
        case .eliminate: return Codegen.eliminate
        case .fuse: return nil
        }
    }
}

/// One program (a phase's step or update, or eval) through the pipeline.
public struct LoweredProgram: Sendable {
    public var entry: String
    public var graph: Graph
    public var schedule: Schedule
    public var plan: MemoryPlan
}

/// The pipeline of one program: the selected graph passes in order (`dumpAfter` receives each
/// result), then fuse, then plan memory.
public func compileProgram(_ graph: Graph, entry: String, layout: Manifest.StateLayout,
                           passes: [Pass] = Pass.graphPasses, rules: FusionRules = .all,
                           dumpAfter: ((Pass, Graph) -> Void)? = nil) throws(CodegenError) -> LoweredProgram {
    var g = graph
    for pass in Pass.graphPasses where passes.contains(pass) {
        if let rewrite = pass.rewrite { g = rewrite(g) }
        dumpAfter?(pass, g)
    }
    let schedule = fuse(g, rules: rules)
    let memory = try plan(schedule, layout: layout)
    return LoweredProgram(entry: entry, graph: g, schedule: schedule, plan: memory)
}
