import Graph

extension Op {
    /// Ops an elementwise kernel can compute inline: one output element from the same element
    /// of each operand (after broadcasting, or by channel for BatchNorm's per-channel vectors).
    var isFusableElementwise: Bool {
        if isElementwise { return true }
        switch self {
        case .expand, .constant: return true
        case .input, .state, .conv2d, .conv2dBackwardInput, .conv2dBackwardWeight, .linear, .matmul, .batchNormStats,
             .batchNormTrain, .batchNormEval, .batchNormBackwardReduce, .batchNormBackwardInput, .batchNormEvalBackward,
             .runningStatUpdate, .batchNormFoldWeight, .batchNormFoldBias, .unary, .unaryBackward, .add, .mul, .addN,
             .scale, .dropout, .dropoutBackward, .stochasticDepth, .stochasticDepthBackward, .reduce, .reduceMaxBackward,
             .reshape, .concat, .slice, .softmax, .softmaxBackward, .focalLoss, .focalLossBackward, .clipCoefficient,
             .adamMoment, .adamWUpdate, .emaUpdate:
            return false   // elementwise ops answered above
        }
    }
}

/// Largest elementwise expression (in ops) inlined into a consumer, and into several consumers.
let inlineLimit = 24
let duplicateLimit = 8

// Rule 1: elementwise chains become one kernel. An elementwise value is inlined into every
// elementwise consumer of its shape (recomputed rather than stored when it has several, rule 1b,
// up to `duplicateLimit` ops), so BatchNorm-apply and SiLU outputs are recomputed in the
// backward pass instead of being kept:
//
//     y = conv(x)  a = bn_train(y)  b = silu(a)  c = add(b, r)    →  c = silu(bn(y)) + r
//     da = silu_bwd(db, a)  (a recomputed from y)                 →  da = silu_bwd(db, bn(y))

/// Rule 1: the elementwise values computed inside their consumers, decided in graph order.
func inlinedValues(_ f: FusionState) -> Set<NodeID> {
    let g = f.g, users = f.users
    var pinned = Set(g.outputs.map(\.node))
    for a in g.assignments { pinned.insert(a.value) }
    var inlined = Set<NodeID>()
    var cost = [Int](repeating: 0, count: g.nodes.count)
    for (id, node) in g.nodes.enumerated() where node.op.isFusableElementwise && !f.claimed.contains(id) {
        if case .constant = node.op {
            if !users[id].contains(where: { !canInline(id, into: $0, g, rules: .all) }) && !pinned.contains(id) { inlined.insert(id) }
            continue
        }
        cost[id] = 1 + node.inputs.reduce(0) { $0 + (inlined.contains($1) ? cost[$1] : 0) }
        guard f.rules.contains(.elementwise), !pinned.contains(id), !users[id].isEmpty,
              users[id].count == 1 || f.rules.contains(.recompute),
              users[id].allSatisfy({ canInline(id, into: $0, g, rules: f.rules) }),
              cost[id] <= (users[id].count > 1 ? duplicateLimit : inlineLimit) else { continue }
        inlined.insert(id)
    }
    return inlined
}

/// The inlined producers of `root` (transitively) with `root`, and the memory operands they
/// read, both sorted. `operands` limits the walk from `root` to those operand positions.
func gather(_ root: NodeID, operands: [Int]? = nil, _ f: FusionState) -> (members: [NodeID], reads: [NodeID]) {
    let g = f.g
    var members = Set<NodeID>([root]), reads: [NodeID] = []
    var stack = [(root, operands)]
    while let (v, only) = stack.popLast() {
        for (pos, i) in g.nodes[v].inputs.enumerated() {
            if let only, !only.contains(pos) { if !reads.contains(i) { reads.append(i) }; continue }
            if members.contains(i) { continue }
            if f.inlined.contains(i) {
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

/// Operand positions an elementwise op reads at the iteration index (the others are read by
/// channel or as scalars). Empty for ops that are not elementwise.
func pointwiseOperands(_ op: Op, arity: Int) -> [Int] {
    switch op {
    case .batchNormTrain, .batchNormEval, .batchNormEvalBackward, .runningStatUpdate: return [0]
    case .batchNormBackwardInput: return [0, 1]
    case .dropout, .dropoutBackward, .stochasticDepth, .stochasticDepthBackward: return [0]
    case .adamMoment, .emaUpdate: return [0, 1]
    case .adamWUpdate: return [0, 1, 2]
    case .unary, .unaryBackward, .add, .mul, .addN, .scale, .expand: return Array(0..<arity)
    case .input, .state, .constant, .conv2d, .conv2dBackwardInput, .conv2dBackwardWeight, .linear, .matmul,
         .batchNormStats, .batchNormBackwardReduce, .batchNormFoldWeight, .batchNormFoldBias, .reduce,
         .reduceMaxBackward, .reshape, .concat, .slice, .softmax, .softmaxBackward, .focalLoss,
         .focalLossBackward, .clipCoefficient:
        return []
    }
}
