extension Graph {
    /// Checks the graph's invariants; throws the first violation found.
    ///
    /// - SSA order: every input of a node is an earlier node.
    /// - Every node's type is what shape inference gives for its op and inputs.
    /// - `state` leaves are unique per (kind, name); `input` leaves unique per name.
    /// - Assignments target `state` leaves, with a value of the same type, at most once each.
    /// - Outputs are named once and refer to existing nodes.
    /// - Random ops read the `seed` input; BatchNorm training reads the statistics of its own input.
    public func verify() throws(GraphError) {
        var states = Set<StateKey>(), inputNames = Set<String>()
        for (id, node) in nodes.enumerated() {
            func fail(_ problem: String) -> GraphError { .invalidGraph(node: id, name: node.name, problem: problem) }
            for i in node.inputs where i < 0 || i >= id { throw fail("input %\(i) is not an earlier node") }
            do {
                _ = try inferType(node.op, node.inputs.map { nodes[$0].type }, declared: node.type)
            } catch {
                throw fail("\(error)")
            }
            switch node.op {
            case .state(let kind):
                guard states.insert(StateKey(kind, node.name)).inserted else { throw fail("duplicate state \(kind.rawValue) '\(node.name)'") }
            case .input:
                guard inputNames.insert(node.name).inserted else { throw fail("duplicate input '\(node.name)'") }
            case .batchNormTrain, .batchNormBackwardReduce, .batchNormBackwardInput:
                let isForward: Bool
                if case .batchNormTrain = node.op { isForward = true } else { isForward = false }
                let s = node.inputs[isForward ? 1 : 2]
                guard nodes[s].op == .batchNormStats else { throw fail("statistics input %\(s) is not bn_stats") }
                if isForward, nodes[s].inputs[0] != node.inputs[0] {
                    throw fail("bn_train normalises %\(node.inputs[0]) with the statistics of %\(nodes[s].inputs[0])")
                }
            default:
                if node.op.isRandom, nodes[node.inputs[1]].op != .input || nodes[node.inputs[1]].name != "seed" {
                    throw fail("random op must read the 'seed' input")
                }
            }
        }
        var targets = Set<NodeID>()
        for a in assignments {
            guard a.target >= 0, a.target < nodes.count, a.value >= 0, a.value < nodes.count else {
                throw .invalidGraph(node: a.target, name: "?", problem: "assignment refers to a missing node")
            }
            let t = nodes[a.target]
            guard case .state = t.op else { throw .invalidGraph(node: a.target, name: t.name, problem: "assignment target is not a state") }
            guard t.type == nodes[a.value].type else {
                throw .invalidGraph(node: a.target, name: t.name, problem: "assigned \(nodes[a.value].type) to \(t.type)")
            }
            guard targets.insert(a.target).inserted else { throw .invalidGraph(node: a.target, name: t.name, problem: "assigned twice") }
        }
        var names = Set<String>()
        for o in outputs {
            guard names.insert(o.name).inserted, o.node >= 0, o.node < nodes.count else {
                throw .invalidGraph(node: o.node, name: o.name, problem: "bad or duplicate output")
            }
        }
    }
}
