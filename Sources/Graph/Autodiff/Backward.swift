/// Reverse-mode differentiation over the IR.
public enum Backward {
    /// Appends to `b` the gradient of the scalar `loss` with respect to each of `parameters`.
    ///
    /// Only nodes that depend on some parameter *and* reach the loss get a gradient, so the
    /// backward pass stops at the lowest trainable layer. Gradient nodes carry the scope of the
    /// forward node they differentiate. Returns parameter → gradient node.
    @discardableResult
    public static func append(to b: GraphBuilder, loss: NodeID, parameters: [NodeID]) -> [NodeID: NodeID] {
        let nodes = b.graph.nodes
        precondition(nodes[loss].type.shape.isEmpty, "the loss must be a scalar")
        var needs = Array(repeating: false, count: nodes.count)
        for p in parameters { needs[p] = true }
        for id in nodes.indices where !needs[id] { needs[id] = nodes[id].inputs.contains { needs[$0] } }
        var reaches = Array(repeating: false, count: nodes.count)
        reaches[loss] = true
        for id in stride(from: loss, through: 0, by: -1) where reaches[id] {
            for i in nodes[id].inputs { reaches[i] = true }
        }

        var contributions: [NodeID: [NodeID]] = [:]
        contributions[loss] = [b.named(nodes[loss].name) { b.constant(1, []) }]
        for id in stride(from: loss, through: 0, by: -1) where needs[id] && reaches[id] && !nodes[id].op.isLeaf {
            guard let parts = contributions[id] else { continue }
            let node = nodes[id]
            b.named(node.name) {
                let dy = b.sum(parts)
                let grads = gradientRule(b, node: id, dy: dy, needs: { needs[node.inputs[$0]] && reaches[node.inputs[$0]] })
                for (i, g) in grads.sorted(by: { $0.key < $1.key }) { contributions[node.inputs[i], default: []].append(g) }
            }
        }
        var result: [NodeID: NodeID] = [:]
        for p in parameters {
            guard let parts = contributions[p] else { continue }
            result[p] = b.named(nodes[p].name) { b.sum(parts) }
        }
        return result
    }
}
