import Graph

/// The fusion rules `fuse` applies; each can be switched off to test it against the unfused code.
/// Each rule lives in `Fusion/<Family>.swift` with its pattern drawn above it.
public struct FusionRules: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// Rule 1: elementwise chains in one kernel (`Elementwise.swift`).
    public static let elementwise = FusionRules(rawValue: 1)
    /// Rule 1b: an elementwise value with several consumers is recomputed in each.
    public static let recompute = FusionRules(rawValue: 2)
    /// Rule 2: reductions read through an elementwise prologue (`Prologue.swift`); rule 2b:
    /// BatchNorm statistics update the running statistics in the same kernel (`Statistics.swift`).
    public static let prologue = FusionRules(rawValue: 4)
    /// Rule 3: loss and its gradient in one kernel (`Loss.swift`).
    public static let loss = FusionRules(rawValue: 8)
    /// Rule 4: flat optimizer kernels (`Optimizer.swift`).
    public static let optimizer = FusionRules(rawValue: 16)
    /// Rule 5: a gradient is added into its accumulator by the kernel that computes it
    /// (`Accumulate.swift`).
    public static let accumulate = FusionRules(rawValue: 32)
    /// Rule 6: a 1×1 convolution (forward and weight gradient) reads its input through an
    /// elementwise prologue, tile by tile, so the activation it consumes is never stored
    /// (`Prologue.swift`).
    public static let convolutionPrologue = FusionRules(rawValue: 64)
    /// Rule 7: a depthwise convolution computes the BatchNorm statistics of its output (and the
    /// running-statistic updates) in the same pass (`Statistics.swift`).
    public static let statisticsEpilogue = FusionRules(rawValue: 128)
    public static let all: FusionRules = [.elementwise, .recompute, .prologue, .loss, .optimizer, .accumulate, .convolutionPrologue,
                                          .statisticsEpilogue]
}

/// What the rules share while `fuse` runs: the graph, its users, and what is already decided.
final class FusionState {
    let g: Graph
    let rules: FusionRules
    let users: [[NodeID]]
    /// Nodes some kernel already computes.
    var claimed = Set<NodeID>()
    /// Elementwise values computed inside their consumers instead of stored (rule 1).
    var inlined = Set<NodeID>()

    init(_ g: Graph, rules: FusionRules) { self.g = g; self.rules = rules; self.users = g.users() }
}

/// Cuts a graph into kernels: each fusion rule matches its pattern and returns a `KernelKind`
/// carrying what its template needs; every other op is a kernel of its own. In order:
///
/// 4. the optimizer's flat kernels claim the update graph (`optimizerKernels`);
/// 3. loss forward and backward pair up (`lossPairs`);
/// 5. gradients feeding an accumulator add into it (`accumulations`);
/// 1. elementwise values are inlined into their consumers (`inlinedValues`);
/// then, in graph order, each remaining node anchors a kernel: a fill, the loss pair, an
/// elementwise chain (rule 1), a depthwise convolution with its statistics (rule 7), an op
/// reading through a prologue (rules 2, 6), or a plain op; its epilogue takes the running-
/// statistic updates (rule 2b) and the accumulation (rule 5).
public func fuse(_ g: Graph, rules: FusionRules = .all) -> Schedule {
    let f = FusionState(g, rules: rules)
    var kernels: [Kernel] = []
    if rules.contains(.optimizer) {
        for (k, nodes) in optimizerKernels(f) { kernels.append(k); f.claimed.formUnion(nodes) }
    }
    let lossPair = rules.contains(.loss) ? lossPairs(g) : [:]
    let lossForwards = Set(lossPair.values)
    let accumulation = rules.contains(.accumulate) ? accumulations(f) : [:]
    f.inlined = inlinedValues(f)

    for (id, node) in g.nodes.enumerated() where !f.claimed.contains(id) && !f.inlined.contains(id) {
        switch node.op {
        case .input, .state, .reshape: continue
        case .constant:
            kernels.append(Kernel(kind: .fill(id), nodes: [id], reads: [], writes: [id]))
            continue
        default: break   // every other op anchors a kernel below
        }
        if lossForwards.contains(id) { continue }
        if let forward = lossPair[id] {
            kernels.append(lossKernel(forward: forward, backward: id, g))
            continue
        }
        if node.op.isFusableElementwise {
            let (members, reads) = gather(id, f)
            kernels.append(Kernel(kind: .elementwise(root: id), nodes: members, reads: reads, writes: [id]))
            continue
        }
        if let kernel = depthwiseStatisticsKernel(id, f) {
            kernels.append(kernel)
            continue
        }
        var kernel = prologueKernel(id, f) ?? Kernel(kind: .op(anchor: id, epilogue: Epilogue()), nodes: [id], reads: node.inputs, writes: [id])
        if node.op == .batchNormStats && rules.contains(.prologue) { absorbRunningUpdates(of: id, into: &kernel, f) }
        if let acc = accumulation[id] { accumulate(acc, into: &kernel) }
        kernels.append(kernel)
    }
    kernels = topologicalOrder(kernels)
    var materialized = Set<NodeID>()
    for k in kernels { materialized.formUnion(k.reads); materialized.formUnion(k.writes) }
    return Schedule(graph: g, kernels: kernels, materialized: materialized)
}

/// Kernels in an order where each runs after the kernels writing what it reads (and after the
/// readers of any state it overwrites); ties keep graph order.
private func topologicalOrder(_ kernels: [Kernel]) -> [Kernel] {
    // A kernel's place in graph order is its anchor's (a gradient kernel that accumulates writes a
    // node created at the very end of the graph, but belongs where its gradient is computed).
    func position(_ k: Kernel) -> NodeID {
        switch k.kind {
        case .op(let a, _), .prologue(let a, _, _), .depthwiseStatistics(let a, _, _): return a
        case .loss(let f, _): return f
        case .elementwise, .fill, .gradNorm, .adamW, .ema: return k.writes.min() ?? 0
        }
    }
    let base = kernels.sorted { position($0) < position($1) }
    var writer: [NodeID: Int] = [:]
    for (i, k) in base.enumerated() { for w in k.writes { writer[w] = i } }
    var indegree = [Int](repeating: 0, count: base.count)
    var next = [[Int]](repeating: [], count: base.count)
    for (i, k) in base.enumerated() {
        for r in Set(k.reads) { if let w = writer[r], w != i { next[w].append(i); indegree[i] += 1 } }
    }
    var ready = (0..<base.count).filter { indegree[$0] == 0 }
    var order: [Kernel] = []
    while !ready.isEmpty {
        ready.sort(by: >)
        let i = ready.removeLast()
        order.append(base[i])
        for j in next[i] { indegree[j] -= 1; if indegree[j] == 0 { ready.append(j) } }
    }
    precondition(order.count == base.count, "kernel dependencies form a cycle")
    return order
}
