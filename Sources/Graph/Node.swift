/// Index of a node in its graph. Inputs always have smaller ids than their users (SSA order).
public typealias NodeID = Int

/// One SSA value: an op applied to earlier nodes, with its inferred type and the torchvision
/// scope it belongs to (`features.2.0.block.1.0`), which dumps, checkpoints and PyTorch
/// comparisons share.
public struct Node: Hashable, Codable, Sendable {
    public var op: Op
    public var inputs: [NodeID]
    public var type: TensorType
    public var name: String

    public init(op: Op, inputs: [NodeID], type: TensorType, name: String) {
        self.op = op; self.inputs = inputs; self.type = type; self.name = name
    }
}

/// `target ← value` at the end of a call: how a program updates its persistent state.
/// All reads of `target` in the same call see the old value.
public struct Assignment: Hashable, Codable, Sendable {
    public var target: NodeID
    public var value: NodeID
    public init(target: NodeID, value: NodeID) { self.target = target; self.value = value }
}

/// A named result of a program (`loss`, `logits`).
public struct Output: Hashable, Codable, Sendable {
    public var name: String
    public var node: NodeID
    public init(name: String, node: NodeID) { self.name = name; self.node = node }
}

/// Identifies a persistent tensor across graphs: its role and its torchvision name.
public struct StateKey: Hashable, Sendable, CustomStringConvertible {
    public var kind: StateKind
    public var name: String
    public init(_ kind: StateKind, _ name: String) { self.kind = kind; self.name = name }
    public var description: String { "\(kind.rawValue):\(name)" }
}
