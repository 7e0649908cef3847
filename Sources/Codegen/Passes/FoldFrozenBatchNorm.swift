import Graph

/// Folds every eval-mode (frozen) BatchNorm into the convolution that feeds it:
///
///     y = conv2d(x, w)                      w' = bn_fold_weight(w, γ, var)      (per output channel)
///     z = bn_eval(y, γ, β, mean, var)   →   b' = bn_fold_bias(γ, β, mean, var)
///                                           z  = add(conv2d(x, w'), reshape(b', 1,1,1,K))
///
/// The folded weights depend only on state, so they cost one pass over the weights; the bias
/// add then fuses into the elementwise kernel after the convolution (with its SiLU). Applies when
/// the convolution's output has no other user (true for every frozen layer: backward never
/// reads a frozen layer's activations).
public func foldFrozenBatchNorm(_ g: Graph) -> Graph {
    let users = g.users()
    var foldable = Set<NodeID>()   // bn_eval nodes to fold
    for (id, n) in g.nodes.enumerated() {
        guard case .batchNormEval = n.op else { continue }
        let y = n.inputs[0]
        guard case .conv2d = g.nodes[y].op, users[y] == [id] else { continue }
        foldable.insert(id)
    }
    if foldable.isEmpty { return g }
    let folded = Set(foldable.map { g.nodes[$0].inputs[0] })

    let b = GraphBuilder()
    var map: [NodeID: NodeID] = [:]
    for (id, n) in g.nodes.enumerated() {
        if folded.contains(id) { continue }
        if foldable.contains(id), case .batchNormEval(let eps) = n.op {
            let conv = g.nodes[n.inputs[0]]
            guard case .conv2d(let attrs) = conv.op else { continue }
            let (gamma, beta, mean, variance) = (map[n.inputs[1]]!, map[n.inputs[2]]!, map[n.inputs[3]]!, map[n.inputs[4]]!)
            let k = n.type.shape.last!
            map[id] = b.named(n.name) {
                let w = b.add(.batchNormFoldWeight(eps: eps), [map[conv.inputs[1]]!, gamma, variance])
                let bias = b.add(.batchNormFoldBias(eps: eps), [gamma, beta, mean, variance])
                let y = b.named(conv.name) { b.add(.conv2d(attrs), [map[conv.inputs[0]]!, w]) }
                return b.add(y, b.reshape(bias, [1, 1, 1, k]))
            }
            continue
        }
        map[id] = b.appendCopy(n, inputs: n.inputs.map { map[$0]! })
    }
    var out = b.graph
    out.outputs = g.outputs.map { Output(name: $0.name, node: map[$0.node]!) }
    out.assignments = g.assignments.map { Assignment(target: map[$0.target]!, value: map[$0.value]!) }
    return out
}
