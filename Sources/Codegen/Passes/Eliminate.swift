import Graph

extension Graph {
    /// The graph restricted to `keep` (closed under inputs), renumbered in the same order.
    func keeping(_ keep: Set<NodeID>) -> Graph {
        var map: [NodeID: NodeID] = [:]
        var g = Graph()
        for (id, node) in nodes.enumerated() where keep.contains(id) {
            var n = node
            n.inputs = node.inputs.map { map[$0]! }
            map[id] = g.append(n)
        }
        g.outputs = outputs.map { Output(name: $0.name, node: map[$0.node]!) }
        g.assignments = assignments.map { Assignment(target: map[$0.target]!, value: map[$0.value]!) }
        return g
    }
}

/// Dead-code elimination: drops every node that no output or assignment needs, and assignments
/// that write a state its own unchanged value.
///
///     %5 = reshape(%4)   (no user)     →   (removed)
///     assign p <- %p                   →   (removed)
public func eliminate(_ g: Graph) -> Graph {
    var g = g
    g.assignments.removeAll { $0.target == $0.value }
    var live = Set<NodeID>()
    var stack = g.outputs.map(\.node) + g.assignments.flatMap { [$0.target, $0.value] }
    while let v = stack.popLast() {
        guard live.insert(v).inserted else { continue }
        stack.append(contentsOf: g.nodes[v].inputs)
    }
    return g.keeping(live)
}
