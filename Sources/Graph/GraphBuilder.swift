/// Builds a graph node by node, inferring each node's type and naming it after the current
/// torchvision scope.
///
/// Builder misuse (shapes that do not fit) is a programming error in a model definition and
/// stops with the op's message; user-facing configurations are validated before building.
public final class GraphBuilder {
    public private(set) var graph = Graph()
    private var scopes: [String] = []
    private var nextSalt: UInt32 = 1
    private var stateIndex: [StateKey: NodeID] = [:]

    public init() {}

    /// The current scope, e.g. `features.2.0.block.1.0`.
    public var scope: String { scopes.joined(separator: ".") }

    /// Runs `body` with `name` appended to the scope.
    public func scoped<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        scopes.append(name)
        defer { scopes.removeLast() }
        return try body()
    }

    /// Runs `body` with the scope replaced by `name` (backward nodes take their forward node's scope).
    public func named<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        let saved = scopes
        scopes = name.isEmpty ? [] : [name]
        defer { scopes = saved }
        return try body()
    }

    /// Appends `op` applied to `inputs`; the type is inferred (and checked against `type`).
    @discardableResult
    public func add(_ op: Op, _ inputs: [NodeID], type: TensorType? = nil, name: String? = nil) -> NodeID {
        let types = inputs.map { graph.nodes[$0].type }
        do {
            let t = try inferType(op, types, declared: type)
            return graph.append(Node(op: op, inputs: inputs, type: t, name: name ?? scope))
        } catch {
            preconditionFailure("building \(name ?? scope): \(error)")
        }
    }

    /// Appends a copy of `node` (from another graph) reading `inputs`, keeping its name and type.
    @discardableResult
    public func appendCopy(_ node: Node, inputs: [NodeID]) -> NodeID {
        var n = node
        n.inputs = inputs
        let id = graph.append(n)
        if case .state(let kind) = n.op { stateIndex[StateKey(kind, n.name)] = id }
        return id
    }

    public func type(_ id: NodeID) -> TensorType { graph.nodes[id].type }
    public func shape(_ id: NodeID) -> [Int] { graph.nodes[id].type.shape }

    // MARK: leaves

    /// A per-call input named exactly `name`.
    public func input(_ name: String, _ type: TensorType) -> NodeID {
        add(.input, [], type: type, name: name)
    }

    /// A persistent tensor named `scope.local` (`local` at top level, `scope` when `local` is
    /// empty); reuses an existing one.
    public func state(_ kind: StateKind, _ local: String, _ shape: [Int]) -> NodeID {
        let name = scope.isEmpty ? local : local.isEmpty ? scope : "\(scope).\(local)"
        if let id = stateIndex[StateKey(kind, name)] { return id }
        let id = add(.state(kind), [], type: TensorType(shape), name: name)
        stateIndex[StateKey(kind, name)] = id
        return id
    }

    public func parameter(_ local: String, _ shape: [Int]) -> NodeID { state(.parameter, local, shape) }

    public func constant(_ value: Float, _ shape: [Int]) -> NodeID {
        add(.constant(value), [], type: TensorType(shape))
    }

    /// A fresh salt for a random op, unique within this graph and stable across builds.
    public func salt() -> UInt32 {
        defer { nextSalt += 1 }
        return nextSalt
    }

    // MARK: outputs and effects

    public func output(_ name: String, _ node: NodeID) {
        graph.outputs.append(Output(name: name, node: node))
    }

    public func assign(_ target: NodeID, _ value: NodeID) {
        precondition(graph.nodes[target].op.isLeaf && graph.nodes[target].type == graph.nodes[value].type,
                     "assignment to \(graph.nodes[target].name) has type \(graph.nodes[value].type)")
        graph.assignments.append(Assignment(target: target, value: value))
    }

    // MARK: ops (thin wrappers, so model code reads like PyTorch)

    public func conv2d(_ x: NodeID, _ w: NodeID, stride: Int = 1, padding: Int = 0, groups: Int = 1) -> NodeID {
        add(.conv2d(Conv2DAttrs(stride: stride, padding: padding, groups: groups)), [x, w])
    }
    public func linear(_ x: NodeID, _ w: NodeID, _ b: NodeID? = nil) -> NodeID {
        add(.linear, b.map { [x, w, $0] } ?? [x, w])
    }
    public func unary(_ f: UnaryOp, _ x: NodeID) -> NodeID { add(.unary(f), [x]) }
    public func silu(_ x: NodeID) -> NodeID { unary(.silu, x) }
    public func sigmoid(_ x: NodeID) -> NodeID { unary(.sigmoid, x) }
    public func relu(_ x: NodeID) -> NodeID { unary(.relu, x) }
    public func add(_ a: NodeID, _ b: NodeID) -> NodeID { add(.add, [a, b]) }
    public func mul(_ a: NodeID, _ b: NodeID) -> NodeID { add(.mul, [a, b]) }
    public func scale(_ x: NodeID, _ k: Float) -> NodeID { add(.scale(k), [x]) }
    public func reduce(_ kind: ReduceKind, _ x: NodeID, axes: [Int]) -> NodeID { add(.reduce(kind, axes: axes), [x]) }
    public func reshape(_ x: NodeID, _ shape: [Int]) -> NodeID {
        add(.reshape, [x], type: TensorType(shape, type(x).dtype))
    }
    public func expand(_ x: NodeID, _ shape: [Int]) -> NodeID {
        add(.expand, [x], type: TensorType(shape, type(x).dtype))
    }
    public func concat(_ xs: [NodeID], axis: Int) -> NodeID { add(.concat(axis: axis), xs) }
    public func slice(_ x: NodeID, axis: Int, start: Int, length: Int) -> NodeID {
        var s = shape(x); s[axis] = length
        return add(.slice(axis: axis, start: start), [x], type: TensorType(s, type(x).dtype))
    }
    public func softmax(_ x: NodeID) -> NodeID { add(.softmax, [x]) }
    /// Sums gradient contributions; one contribution passes through unchanged.
    public func sum(_ xs: [NodeID]) -> NodeID { xs.count == 1 ? xs[0] : add(.addN, xs) }
}
