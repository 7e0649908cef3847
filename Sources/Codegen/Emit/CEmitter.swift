import Graph

/// One program of the artifact: an entry point over a planned schedule.
public struct ProgramCode: Sendable {
    public var entry: String
    public var schedule: Schedule
    public var plan: MemoryPlan
    public init(entry: String, schedule: Schedule, plan: MemoryPlan) {
        self.entry = entry; self.schedule = schedule; self.plan = plan
    }
}

/// Choices of the emitter that do not change results beyond float rounding.
public struct EmitOptions: Hashable, Sendable {
    /// Plain-loop templates for every op (the naive twins the fast kernels are tested against).
    public var naiveKernels: Bool
    /// The contractions' precision; fp32 emits exactly what it always has.
    public var precision: Precision
    public init(naiveKernels: Bool = false, precision: Precision = .fp32) {
        self.naiveKernels = naiveKernels; self.precision = precision
    }
}

/// A parameter of a kernel function: a pointer named by its role, or a scalar.
struct Param: Hashable {
    var name: String
    var ctype: String
}

/// The text of one kernel function, before it is named. Two kernels with equal functions share
/// one C function.
struct KernelFunction: Hashable {
    var label: String
    var params: [Param]
    var body: String
}

/// A kernel's function and what one call site passes: the arguments and the shape of each
/// pointer parameter (`[4,128,128,48]`, empty for scalars).
struct KernelCode {
    var function: KernelFunction
    var args: [String]
    var shapes: [String]
}

/// What a kernel template sees: its nodes, the parameter holding each value, and the graph.
/// Attributes that differ between otherwise identical kernels (a random op's salt and rate)
/// become scalar parameters, so one function serves every block of a stage.
final class KernelContext {
    let graph: Graph
    let kernel: Kernel
    let pointer: [NodeID: String]
    let options: EmitOptions
    private var names: RoleNames
    /// The anchor adds into its output (`+=`, or sgemm with beta 1) instead of storing (rule 5).
    var accumulate: Bool { kernel.accumulates }
    private(set) var scalars: [(param: Param, value: String)] = []

    init(graph: Graph, kernel: Kernel, pointer: [NodeID: String], names: RoleNames, options: EmitOptions) {
        self.graph = graph; self.kernel = kernel; self.pointer = pointer; self.names = names; self.options = options
    }

    /// A scalar parameter named after `role`, passed `value` at the call site; returns its name.
    func scalar(_ ctype: String, _ value: String, role: String) -> String {
        let name = names.claim(role)
        scalars.append((Param(name: name, ctype: ctype + " "), value))
        return name
    }

    func node(_ id: NodeID) -> Node { graph.nodes[id] }
    func shape(_ id: NodeID) -> [Int] { graph.nodes[id].type.shape }
    func count(_ id: NodeID) -> Int { graph.nodes[id].type.count }
    func ptr(_ id: NodeID) -> String {
        guard let p = pointer[id] else { preconditionFailure("%\(id) (\(graph.nodes[id].name)) is not in memory") }
        return p
    }
}

/// The C expression of a location inside an entry function (offsets in floats).
func location(_ l: Location) -> String { l.description }

/// The kernel's function and the arguments of its call: one pointer parameter per distinct
/// location (written ones first), named by role; then the template of the kernel's kind.
func emitKernel(_ k: Kernel, _ g: Graph, _ plan: MemoryPlan, _ options: EmitOptions) throws(CodegenError) -> KernelCode {
    switch k.kind {
    case .gradNorm, .adamW, .ema: return try emitOptimizer(k, g, plan)
    case .fill, .elementwise, .op, .prologue, .depthwiseStatistics, .loss: break
    }
    var params: [Param] = [], args: [String] = [], shapes: [String] = [], pointer: [NodeID: String] = [:]
    var names = RoleNames()
    var byLocation: [Location: Int] = [:]
    let written = Set(k.writes.compactMap { plan.locations[$0] })
    for v in k.writes + k.reads {
        guard let l = plan.locations[v] else { throw .invalidPlan("%\(v) (\(g.nodes[v].name)) has no location") }
        if let i = byLocation[l] { pointer[v] = params[i].name; continue }
        let isInt = g.nodes[v].type.dtype == .i32
        let const = written.contains(l) ? "" : "const "
        let name = names.claim(role(of: v, in: k, g, written: written.contains(l)))
        params.append(Param(name: name, ctype: "\(const)\(isInt ? "int32_t" : "float") *restrict "))
        shapes.append(shapeComment(g.nodes[v].type))
        byLocation[l] = params.count - 1
        pointer[v] = name
        let expr = location(l)
        args.append(expr.hasPrefix("io[") ? "(\(const)\(isInt ? "int32_t" : "float") *)\(expr)" : expr)
    }
    switch k.kind {   // an accumulating anchor writes straight into the accumulator
    case .op(let anchor, let e), .prologue(let anchor, _, let e): if let acc = e.accumulation { pointer[anchor] = pointer[acc.sum] }
    case .elementwise, .depthwiseStatistics, .fill, .loss, .gradNorm, .adamW, .ema: break
    }
    let ctx = KernelContext(graph: g, kernel: k, pointer: pointer, names: names, options: options)
    var w = CWriter()
    let label: String
    switch k.kind {
    case .fill(let id):
        guard case .constant(let c) = g.nodes[id].op else { throw .unsupported("fill of a non-constant") }
        label = "fill"
        w.line("for (long i = 0; i < \(ctx.count(id)); i++) \(ctx.ptr(id))[i] = \(cFloat(c));")
    case .elementwise(let root):
        label = emitElementwise(ctx, root: root, &w)
    case .op(let anchor, _):
        label = try emitOp(ctx, anchor, &w)
    case .prologue(let anchor, let prologue, _):
        label = try emitPrologueKernel(ctx, anchor, prologue: prologue, &w)
    case .depthwiseStatistics(let conv, let stats, let updates):
        label = try emitDepthwiseStatisticsKernel(ctx, conv: conv, stats: stats, updates: updates, &w)
    case .loss(let forward, let backward):
        guard case .focalLoss(let a) = g.nodes[forward].op else { throw .unsupported("loss kernel without a focal loss") }
        let x = g.nodes[backward].inputs
        emitFocalLoss(a, logits: ctx.ptr(x[0]), labels: ctx.ptr(x[1]), shape: ctx.shape(x[0]), dloss: ctx.ptr(x[2]),
                      loss: ctx.ptr(forward), dlogits: ctx.ptr(backward), &w)
        label = "focal_loss_fwd_bwd"
    case .gradNorm, .adamW, .ema:
        preconditionFailure("handled above")
    }
    for (p, v) in ctx.scalars { params.append(p); args.append(v); shapes.append("") }
    return KernelCode(function: KernelFunction(label: label, params: params, body: routeContractions(w.text, options.precision)),
                      args: args, shapes: shapes)
}

/// The comment above a kernel function: every fused IR node of its first call site and where
/// its values live (offsets in floats, as in the calls), and how many call sites share it.
func describe(_ k: Kernel, _ g: Graph, _ plan: MemoryPlan, callSites: Int) -> [String] {
    var lines = ["/*"]
    let computed = k.computed(in: g)
    for id in computed.prefix(12) {
        let n = g.nodes[id]
        let args = n.inputs.map { "%\($0)" }.joined(separator: ", ")
        lines.append(" * %\(id) = \(n.op.name)(\(args)) : \(n.type)  \(n.name)")
    }
    if computed.count > 12 { lines.append(" * ... and \(computed.count - 12) more nodes of the same kinds") }
    if callSites > 1 { lines.append(" * \(callSites) call sites share this function; the nodes and locations above are the first one's.") }
    if k.writes.count + k.reads.count > 16 {
        lines.append(" * \(k.writes.count) values written, \(k.reads.count) read (flat over the state blocks)")
        lines.append(" */")
        return lines
    }
    for v in k.writes { if let l = plan.locations[v] { lines.append(" * out %\(v) -> \(l)") } }
    for v in k.reads {
        if let l = plan.locations[v] { lines.append(" * in  %\(v) \(g.nodes[v].type) <- \(l)" + (g.nodes[v].op.isLeaf ? " (\(g.nodes[v].name))" : "")) }
    }
    lines.append(" */")
    return lines
}

/// Whether C text `text` uses `identifier` as a token (not as part of a longer name).
func mentions(_ text: String, _ identifier: String) -> Bool {
    func isName(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
    var rest = text[...]
    while let r = rest.range(of: identifier) {
        let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
        let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
        if !(before.map(isName) ?? false) && !(after.map(isName) ?? false) { return true }
        rest = text[r.upperBound...]
    }
    return false
}

extension String {
    var trimmingTrailingNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}
