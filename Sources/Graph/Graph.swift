/// A program in SSA form: nodes in execution order, named outputs, and state assignments.
///
/// A graph is a pure function of its `input` and `state` leaves; its effects are the
/// `assignments`, applied together when the call ends.
public struct Graph: Hashable, Codable, Sendable {
    public var nodes: [Node] = []
    public var outputs: [Output] = []
    public var assignments: [Assignment] = []

    public init() {}

    public subscript(id: NodeID) -> Node { nodes[id] }

    /// Appends a node and returns its id. The caller guarantees its type (see `GraphBuilder`).
    @discardableResult
    public mutating func append(_ node: Node) -> NodeID {
        nodes.append(node)
        return nodes.count - 1
    }

    public func output(_ name: String) -> NodeID? { outputs.first { $0.name == name }?.node }

    /// Ids of the `state` leaves of a kind, in graph order.
    public func states(_ kind: StateKind) -> [NodeID] {
        nodes.indices.filter { nodes[$0].op == .state(kind) }
    }

    /// Ids of the `input` leaves, in graph order.
    public var inputs: [NodeID] { nodes.indices.filter { nodes[$0].op == .input } }

    /// The state leaf with this kind and name, if present.
    public func state(_ kind: StateKind, _ name: String) -> NodeID? {
        nodes.indices.first { nodes[$0].op == .state(kind) && nodes[$0].name == name }
    }

    /// For each node, the nodes that read it.
    public func users() -> [[NodeID]] {
        var users = Array(repeating: [NodeID](), count: nodes.count)
        for (id, node) in nodes.enumerated() { for i in node.inputs { users[i].append(id) } }
        return users
    }

    /// Nodes computing something (not leaves).
    public var computeNodes: [NodeID] { nodes.indices.filter { !nodes[$0].op.isLeaf } }
}
