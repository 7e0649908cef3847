import Graph

// Rule 4: the optimizer step is three flat loops over the state blocks, when the update graph
// has the shape `TrainingProgram.buildUpdate` gives it:
//
//     c = clip_coefficient(add_n(reshape(reduce_sumsq(G_i))...), h)   →  grad_norm: one loop over G
//     m_i' = adam_moment(m_i, G_i, c)  v_i' = ...  p_i' = adamw_update(p_i, m_i', v_i', h, bc)
//     G_i' = 0                                                        →  adamw: one loop over the trainable range
//     e_i' = ema_update(e_i, p_i, h)                                  →  ema: one loop over the model block

/// Rule 4: the optimizer's flat kernels, each with the nodes it claims.
func optimizerKernels(_ f: FusionState) -> [(Kernel, Set<NodeID>)] {
    let g = f.g
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
