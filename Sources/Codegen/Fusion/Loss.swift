import Graph

// Rule 3: the loss and its gradient are one kernel over the logits:
//
//     l = focal_loss(z, y)   dz = focal_loss_bwd(z, y, dl)   →  l, dz in one pass over z

/// Rule 3: each focal-loss backward node with the forward node on the same logits and labels
/// (backward → forward).
func lossPairs(_ g: Graph) -> [NodeID: NodeID] {
    var pairs: [NodeID: NodeID] = [:]
    for (id, n) in g.nodes.enumerated() {
        guard case .focalLossBackward(let a) = n.op else { continue }
        if let f = g.nodes.indices.first(where: { g.nodes[$0].op == .focalLoss(a) && g.nodes[$0].inputs == Array(n.inputs.prefix(2)) }) {
            pairs[id] = f
        }
    }
    return pairs
}

/// Rule 3: the kernel computing the loss `forward` and its gradient `backward`.
func lossKernel(forward: NodeID, backward: NodeID, _ g: Graph) -> Kernel {
    let reads = Array(Set(g.nodes[forward].inputs + g.nodes[backward].inputs)).sorted()
    return Kernel(kind: .loss(forward: forward, backward: backward), nodes: [forward, backward], reads: reads, writes: [forward, backward])
}
