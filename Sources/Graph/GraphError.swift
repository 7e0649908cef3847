/// Errors of the Graph module. Messages name the node (its id and scope), what was expected and
/// what was found.
public enum GraphError: Error, CustomStringConvertible, Equatable {
    /// An op got inputs it cannot take.
    case invalidOp(op: String, problem: String)
    /// A graph-level invariant is broken (the verifier's findings).
    case invalidGraph(node: Int, name: String, problem: String)
    /// A model configuration that cannot be built.
    case invalidConfiguration(String)
    /// A value the interpreter was not given.
    case missingValue(String)

    public var description: String {
        switch self {
        case .invalidOp(let op, let problem): return "\(op): \(problem)"
        case .invalidGraph(let node, let name, let problem): return "node %\(node) (\(name)): \(problem)"
        case .invalidConfiguration(let s): return "invalid configuration: \(s)"
        case .missingValue(let s): return "missing value: \(s)"
        }
    }
}
