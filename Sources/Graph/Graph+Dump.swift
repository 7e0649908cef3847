extension Graph {
    /// One line per node: `%id = op(%inputs) attrs : type  # scope`, then outputs and assignments.
    public func dump() -> String {
        var lines: [String] = []
        for (id, node) in nodes.enumerated() {
            let args = node.inputs.map { "%\($0)" }.joined(separator: ", ")
            let attrs = node.op.attributeDescription
            var line = "%\(id) = \(node.op.name)"
            if !node.op.isLeaf { line += "(\(args))" }
            if !attrs.isEmpty { line += " " + attrs }
            line += " : \(node.type)"
            if !node.name.isEmpty { line += "  # \(node.name)" }
            lines.append(line)
        }
        for o in outputs { lines.append("output \(o.name) = %\(o.node)") }
        for a in assignments { lines.append("assign \(nodes[a.target].op.name) \(nodes[a.target].name) <- %\(a.value)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
