import Graph

extension Op {
    /// Ops an elementwise kernel can compute inline: one output element from the same element
    /// of each operand (after broadcasting, or by channel for BatchNorm's per-channel vectors).
    var isFusableElementwise: Bool {
        if isElementwise { return true }
        switch self { case .expand, .constant: return true; default: return false }
    }

    /// Which operands a reduction can read through a fused elementwise prologue.
    var prologueOperands: [Int] {
        switch self {
        case .reduce: return [0]
        case .batchNormStats: return [0]
        case .batchNormBackwardReduce: return [0, 1]
        default: return []
        }
    }
}

/// The fusion rules `fuse` applies; each can be switched off to test it against the unfused code.
public struct FusionRules: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// Rule 1: elementwise chains in one kernel.
    public static let elementwise = FusionRules(rawValue: 1)
    /// Rule 1b: an elementwise value with several consumers is recomputed in each.
    public static let recompute = FusionRules(rawValue: 2)
    /// Rule 2: reductions read through an elementwise prologue.
    public static let prologue = FusionRules(rawValue: 4)
    /// Rule 3: loss and its gradient in one kernel.
    public static let loss = FusionRules(rawValue: 8)
    /// Rule 4: flat optimizer kernels.
    public static let optimizer = FusionRules(rawValue: 16)
    /// Rule 5: a gradient is added into its accumulator by the kernel that computes it.
    public static let accumulate = FusionRules(rawValue: 32)
    /// Rule 6: a 1×1 convolution (forward and weight gradient) reads its input through an
    /// elementwise prologue, tile by tile, so the activation it consumes is never stored.
    public static let convolutionPrologue = FusionRules(rawValue: 64)
    /// Rule 7: a depthwise convolution computes the BatchNorm statistics of its output (and the
    /// running-statistic updates) in the same pass.
    public static let statisticsEpilogue = FusionRules(rawValue: 128)
    public static let all: FusionRules = [.elementwise, .recompute, .prologue, .loss, .optimizer, .accumulate, .convolutionPrologue,
                                          .statisticsEpilogue]
}

/// Largest elementwise expression (in ops) inlined into a consumer, and into several consumers.
let inlineLimit = 24
let duplicateLimit = 8

/// Cuts a graph into kernels. The fusion rules, each one pass over memory:
///
/// 1. Elementwise chains become one kernel; an elementwise value is inlined into every
///    elementwise consumer of its shape (recomputed rather than stored when it has several,
///    up to `duplicateLimit` ops), so BatchNorm-apply and SiLU outputs are recomputed in the
///    backward pass instead of being kept:
///
///        y = conv(x)  a = bn_train(y)  b = silu(a)  c = add(b, r)    →  c = silu(bn(y)) + r
///        da = silu_bwd(db, a)  (a recomputed from y)                 →  da = silu_bwd(db, bn(y))
///
/// 2. A reduction reads its operand through a fused elementwise prologue:
///
///        p = reduce_mean(silu(bn(y)))         →  one pass over y (SE and CBAM pooling)
///        r = bn_bwd_reduce(mul(dz, gate), y)   →  one pass over dz and y
///
/// 3. The loss and its gradient are one kernel over the logits.
/// 4. The optimizer step is three flat loops over the state blocks: the global gradient norm,
///    AdamW over every trainable parameter (accumulators reset in the same loop), and the EMA.
///
/// Everything else (convolutions, matrix products, the remaining reductions) is a kernel of
/// its own reading its operands from memory.
public func fuse(_ g: Graph, rules: FusionRules = .all) -> Schedule {
    let users = g.users()
    var pinned = Set(g.outputs.map(\.node))
    for a in g.assignments { pinned.insert(a.value) }

    var kernels: [Kernel] = []
    var claimed = Set<NodeID>()
    let optimizer = rules.contains(.optimizer) ? optimizerKernels(g, users: users) : []
    for (k, nodes) in optimizer { kernels.append(k); claimed.formUnion(nodes) }

    // Rule 3: loss forward and backward on the same logits and labels.
    var lossPair: [NodeID: NodeID] = [:]   // backward -> forward
    for (id, n) in g.nodes.enumerated() where rules.contains(.loss) {
        guard case .focalLossBackward(let a) = n.op else { continue }
        if let f = g.nodes.indices.first(where: { g.nodes[$0].op == .focalLoss(a) && g.nodes[$0].inputs == Array(n.inputs.prefix(2)) }) {
            lossPair[id] = f
        }
    }
    let lossForwards = Set(lossPair.values)

    // Rule 5: `acc <- add(acc, g)` where g is (a view of) an anchor's output used nowhere else.
    var accumulation: [NodeID: (value: NodeID, view: NodeID?, target: NodeID)] = [:]   // anchor -> ...
    for a in g.assignments where rules.contains(.accumulate) && g.nodes[a.target].op == .state(.gradient) {
        let v = g.nodes[a.value]
        guard v.op == .add, v.inputs.contains(a.target) else { continue }
        let grad = v.inputs[0] == a.target ? v.inputs[1] : v.inputs[0]
        guard users[grad] == [a.value] else { continue }
        var anchor = grad, view: NodeID? = nil
        if g.nodes[grad].op == .reshape { view = grad; anchor = g.nodes[grad].inputs[0] }
        guard view == nil || users[anchor] == [view!], g.nodes[anchor].type.count == v.type.count,
              supportsAccumulate(g.nodes[anchor].op) else { continue }
        accumulation[anchor] = (a.value, view, a.target)
        claimed.insert(a.value)
        if let view { claimed.insert(view) }
    }

    // Rule 1 and 2: decide, in graph order, which elementwise values are inlined.
    var inlined = Set<NodeID>()
    var cost = [Int](repeating: 0, count: g.nodes.count)
    for (id, node) in g.nodes.enumerated() where node.op.isFusableElementwise && !claimed.contains(id) {
        if case .constant = node.op {
            if !users[id].contains(where: { !canInline(id, into: $0, g, rules: .all) }) && !pinned.contains(id) { inlined.insert(id) }
            continue
        }
        cost[id] = 1 + node.inputs.reduce(0) { $0 + (inlined.contains($1) ? cost[$1] : 0) }
        guard rules.contains(.elementwise), !pinned.contains(id), !users[id].isEmpty,
              users[id].count == 1 || rules.contains(.recompute),
              users[id].allSatisfy({ canInline(id, into: $0, g, rules: rules) }),
              cost[id] <= (users[id].count > 1 ? duplicateLimit : inlineLimit) else { continue }
        inlined.insert(id)
    }

    /// The inlined producers of `root` (transitively), and the memory operands they read.
    func gather(_ root: NodeID, operands: [Int]? = nil) -> (members: [NodeID], reads: [NodeID]) {
        var members = Set<NodeID>([root]), reads: [NodeID] = []
        var stack = [(root, operands)]
        while let (v, only) = stack.popLast() {
            for (pos, i) in g.nodes[v].inputs.enumerated() {
                if let only, !only.contains(pos) { if !reads.contains(i) { reads.append(i) }; continue }
                if members.contains(i) { continue }
                if inlined.contains(i) {
                    members.insert(i)
                    if case .constant = g.nodes[i].op { continue }
                    stack.append((i, nil))
                } else if !reads.contains(i) {
                    reads.append(i)
                }
            }
        }
        return (members.sorted(), reads.sorted())
    }

    /// The running-statistic updates reading `stats` are computed (in place) by the kernel that
    /// computes `stats`.
    func absorbRunningUpdates(of stats: NodeID, into kernel: inout Kernel) {
        for u in users[stats] where !claimed.contains(u) {
            guard case .runningStatUpdate = g.nodes[u].op else { continue }
            let running = g.nodes[u].inputs[0]
            kernel.nodes.append(u); kernel.writes.append(u); kernel.reads.append(running)
            kernel.inPlaceReads.insert(running)
            claimed.insert(u)
        }
    }

    for (id, node) in g.nodes.enumerated() where !claimed.contains(id) && !inlined.contains(id) {
        switch node.op {
        case .input, .state, .reshape: continue
        case .constant:
            kernels.append(Kernel(kind: .fill, nodes: [id], reads: [], writes: [id]))
            continue
        default: break
        }
        if lossForwards.contains(id) { continue }
        if let f = lossPair[id] {
            let reads = Array(Set(g.nodes[f].inputs + node.inputs)).sorted()
            kernels.append(Kernel(kind: .loss(forward: f, backward: id), nodes: [f, id], reads: reads, writes: [f, id]))
            continue
        }
        if node.op.isFusableElementwise {
            let (members, reads) = gather(id)
            kernels.append(Kernel(kind: .elementwise, nodes: members, reads: reads, writes: [id]))
        } else {
            var kernel: Kernel
            let positions = prologueOperands(id, g, rules)
            if !positions.isEmpty && positions.contains(where: { inlined.contains(node.inputs[$0]) }) {
                let (members, reads) = gather(id, operands: positions)
                kernel = Kernel(kind: .prologue(anchor: id), nodes: members, reads: reads, writes: [id])
            } else {
                kernel = Kernel(kind: .op(anchor: id), nodes: [id], reads: node.inputs, writes: [id])
            }
            // Rule 7: a depthwise convolution takes its output's BatchNorm statistics.
            if case .conv2d(let a) = node.op, rules.contains(.statisticsEpilogue), case .op = kernel.kind,
               a.groups > 1, a.groups == node.type.shape[3], g.nodes[node.inputs[1]].type.shape[1] == 1,
               let stats = users[id].first(where: { g.nodes[$0].op == .batchNormStats && !claimed.contains($0) }) {
                kernel.nodes.append(stats); kernel.writes.append(stats)
                claimed.insert(stats)
                absorbRunningUpdates(of: stats, into: &kernel)
            }
            if let acc = accumulation[id] {
                kernel.nodes += [acc.view, acc.value].compactMap { $0 }
                kernel.writes = [acc.value]
                kernel.reads.append(acc.target)
                kernel.inPlaceReads.insert(acc.target)
                kernel.accumulates = true
            }
            // Rule 2b: BatchNorm statistics update the running statistics in the same kernel.
            if node.op == .batchNormStats && rules.contains(.prologue) { absorbRunningUpdates(of: id, into: &kernel) }
            kernels.append(kernel)
        }
    }
    kernels = topologicalOrder(kernels)
    var materialized = Set<NodeID>()
    for k in kernels { materialized.formUnion(k.reads); materialized.formUnion(k.writes) }
    return Schedule(graph: g, kernels: kernels, materialized: materialized)
}

/// Operand positions of node `id` that can be read through a fused elementwise prologue.
func prologueOperands(_ id: NodeID, _ g: Graph, _ rules: FusionRules) -> [Int] {
    let node = g.nodes[id]
    switch node.op {
    case .conv2d(let a) where rules.contains(.convolutionPrologue) && isPointwise(a, g.nodes[node.inputs[1]].type.shape):
        return [0]
    case .conv2dBackwardWeight(let a) where rules.contains(.convolutionPrologue) && isPointwise(a, node.type.shape):
        return [1]
    default:
        return rules.contains(.prologue) ? node.op.prologueOperands : []
    }
}

/// A 1×1 stride-1 unpadded dense convolution: a matrix product over (N·H·W, C).
func isPointwise(_ a: Conv2DAttrs, _ weight: [Int]) -> Bool {
    a.stride == 1 && a.padding == 0 && a.groups == 1 && weight.count == 4 && weight[2] == 1 && weight[3] == 1
}

/// Ops whose template can add its result into the output instead of storing it.
func supportsAccumulate(_ op: Op) -> Bool {
    switch op {
    case .matmul, .slice, .reduce(.sum, _), .conv2dBackwardWeight: return true
    default: return false
    }
}

/// Whether elementwise value `v` can be computed inside its consumer `u`.
private func canInline(_ v: NodeID, into u: NodeID, _ g: Graph, rules: FusionRules) -> Bool {
    let consumer = g.nodes[u], value = g.nodes[v]
    if consumer.op.isFusableElementwise && !consumer.op.isLeaf {
        guard consumer.type.shape == value.type.shape else { return false }
        // Only at pointwise positions: BatchNorm's per-channel vectors and statistics are read by channel.
        return pointwiseOperands(consumer.op, arity: consumer.inputs.count).contains { consumer.inputs[$0] == v }
    }
    let positions = prologueOperands(u, g, rules).filter { consumer.inputs[$0] == v }
    return !positions.isEmpty && value.type.count > 1
}

/// Operand positions an elementwise op reads at the iteration index.
func pointwiseOperands(_ op: Op, arity: Int) -> [Int] {
    switch op {
    case .batchNormTrain, .batchNormEval, .batchNormEvalBackward, .runningStatUpdate: return [0]
    case .batchNormBackwardInput: return [0, 1]
    case .dropout, .dropoutBackward, .stochasticDepth, .stochasticDepthBackward: return [0]
    case .adamMoment, .emaUpdate: return [0, 1]
    case .adamWUpdate: return [0, 1, 2]
    default: return Array(0..<arity)
    }
}

/// Rule 4: the optimizer's flat kernels, when the update graph has the shape
/// `TrainingProgram.buildUpdate` gives it. Returns each kernel with the nodes it claims.
private func optimizerKernels(_ g: Graph, users: [[NodeID]]) -> [(Kernel, Set<NodeID>)] {
    var result: [(Kernel, Set<NodeID>)] = []
    // Global norm: Σ reshape(reduce_sumsq(grad)) → add_n → clip_coefficient.
    if let clip = g.nodes.indices.first(where: { g.nodes[$0].op == .clipCoefficient }) {
        var nodes = Set<NodeID>([clip])
        var grads: [NodeID] = []
        var stack = [g.nodes[clip].inputs[0]]
        var ok = true
        while let v = stack.popLast() {
            let n = g.nodes[v]
            switch n.op {
            case .addN, .reshape: nodes.insert(v); stack.append(contentsOf: n.inputs)
            case .reduce(.sumSquares, _):
                nodes.insert(v)
                if g.nodes[n.inputs[0]].op == .state(.gradient) { grads.append(n.inputs[0]) } else { ok = false }
            default: ok = false
            }
        }
        if ok && !grads.isEmpty {
            let reads = grads.sorted() + [g.nodes[clip].inputs[1]]
            result.append((Kernel(kind: .gradNorm, nodes: nodes.sorted(), reads: reads, writes: [clip]), nodes))
        }
    }
    // AdamW: moments, update and the accumulator reset.
    let updates = g.nodes.indices.filter { if case .adamWUpdate = g.nodes[$0].op { return true }; return false }
    if !updates.isEmpty {
        var nodes = Set<NodeID>(), reads = Set<NodeID>(), writes = Set<NodeID>()
        for u in updates {
            nodes.insert(u); writes.insert(u)
            let n = g.nodes[u]
            reads.formUnion([n.inputs[0], n.inputs[3], n.inputs[4]])
            for m in [n.inputs[1], n.inputs[2]] {
                nodes.insert(m); writes.insert(m)
                reads.formUnion(g.nodes[m].inputs)
            }
        }
        for a in g.assignments where g.nodes[a.value].op == .constant(0) && g.nodes[a.target].op == .state(.gradient) {
            nodes.insert(a.value); writes.insert(a.value)
        }
        reads.subtract(writes)
        result.append((Kernel(kind: .adamW, nodes: nodes.sorted(), reads: reads.sorted(), writes: writes.sorted()), nodes))
    }
    let emas = g.nodes.indices.filter { g.nodes[$0].op == .emaUpdate }
    if !emas.isEmpty {
        let reads = Set(emas.flatMap { g.nodes[$0].inputs })
        result.append((Kernel(kind: .ema, nodes: emas, reads: reads.sorted(), writes: emas), Set(emas)))
    }
    return result
}

/// Kernels in an order where each runs after the kernels writing what it reads (and after the
/// readers of any state it overwrites); ties keep graph order.
private func topologicalOrder(_ kernels: [Kernel]) -> [Kernel] {
    // A kernel's place in graph order is its anchor's (a gradient kernel that accumulates writes a
    // node created at the very end of the graph, but belongs where its gradient is computed).
    func position(_ k: Kernel) -> NodeID {
        switch k.kind {
        case .op(let a), .prologue(let a): return a
        case .loss(let f, _): return f
        default: return k.writes.min() ?? 0
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
