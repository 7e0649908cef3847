import Graph

/// Names of a kernel function's parameters by the role of the value they carry (`x`, `w`,
/// `gamma`, `dy`, `stats`, ...), as llm.c names its pointers. A written value is named by what
/// its op produces; a read value by the operand position of its first consumer in the kernel.
/// Role names never equal a template's C locals (`mean`, `var`, `p`, `s`, loop letters).
extension Op {
    /// The name of this op's result as a kernel parameter.
    func resultRole(row: Int = 0) -> String {
        switch self {
        case .conv2dBackwardInput, .reduceMaxBackward, .softmaxBackward, .unaryBackward, .dropoutBackward,
             .stochasticDepthBackward, .batchNormBackwardInput, .batchNormEvalBackward:
            return "dx"
        case .conv2dBackwardWeight: return "dw"
        case .batchNormStats: return "stats"
        case .batchNormBackwardReduce: return "dstats"
        case .runningStatUpdate(let a): return a.row == 0 ? "running_mean" : "running_var"
        case .batchNormFoldWeight: return "w_folded"
        case .batchNormFoldBias: return "bias_folded"
        case .focalLoss: return "loss"
        case .focalLossBackward: return "dlogits"
        case .clipCoefficient: return "coef"
        case .adamMoment(_, let squared): return squared ? "v" : "m"
        case .adamWUpdate: return "p"
        case .emaUpdate: return "ema"
        case .input, .state, .constant, .conv2d, .linear, .matmul, .batchNormTrain, .batchNormEval, .unary, .add, .mul,
             .addN, .scale, .dropout, .stochasticDepth, .reduce, .expand, .reshape, .concat, .slice, .softmax:
            return "y"
        }
    }

    /// The name of operand `position` of this op as a kernel parameter.
    func operandRole(_ position: Int) -> String {
        let roles: [String]
        switch self {
        case .conv2d: roles = ["x", "w"]
        case .conv2dBackwardInput: roles = ["dy", "w"]
        case .conv2dBackwardWeight: roles = ["dy", "x"]
        case .linear: roles = ["x", "w", "bias"]
        case .matmul: roles = ["a", "b"]
        case .batchNormStats: roles = ["x"]
        case .batchNormTrain: roles = ["x", "stats", "gamma", "beta"]
        case .batchNormEval: roles = ["x", "gamma", "beta", "running_mean", "running_var"]
        case .batchNormBackwardReduce: roles = ["dy", "x", "stats"]
        case .batchNormBackwardInput: roles = ["dy", "x", "stats", "gamma", "dstats"]
        case .batchNormEvalBackward: roles = ["dy", "gamma", "running_var"]
        case .runningStatUpdate: roles = ["running", "stats"]
        case .batchNormFoldWeight: roles = ["w", "gamma", "running_var"]
        case .batchNormFoldBias: roles = ["gamma", "beta", "running_mean", "running_var"]
        case .unary, .scale, .reduce, .expand, .reshape, .slice, .softmax: roles = ["x"]
        case .unaryBackward, .reduceMaxBackward: roles = ["dy", "x"]
        case .add, .mul: roles = ["a", "b"]
        case .addN, .concat: roles = ["x"]
        case .dropout, .stochasticDepth: roles = ["x", "seed"]
        case .dropoutBackward, .stochasticDepthBackward: roles = ["dy", "seed"]
        case .softmaxBackward: roles = ["dy", "y"]
        case .focalLoss: roles = ["logits", "labels"]
        case .focalLossBackward: roles = ["logits", "labels", "dloss"]
        case .clipCoefficient: roles = ["sumsq", "hyper"]
        case .adamMoment: roles = ["m", "grad", "coef"]
        case .adamWUpdate: roles = ["p", "m", "v", "hyper", "bias_correction"]
        case .emaUpdate: roles = ["ema", "value", "hyper"]
        case .input, .state, .constant: roles = []
        }
        return position < roles.count ? roles[position] : (roles.last ?? "x")
    }
}

/// Unique C identifiers from role names: the first `x` is `x`, the next `x2`, then `x3`.
struct RoleNames {
    private var used: Set<String> = []

    mutating func claim(_ role: String) -> String {
        var name = role, n = 2
        while used.contains(name) { name = "\(role)\(n)"; n += 1 }
        used.insert(name)
        return name
    }
}

/// The role of value `v` in kernel `k`: the result name of the op writing it (`grad` for an
/// accumulator), else the operand name at its first consumer among the kernel's nodes (`bias`
/// or `scale` for a smaller operand broadcast into an add or a mul).
func role(of v: NodeID, in k: Kernel, _ g: Graph, written: Bool) -> String {
    if written {
        if let acc = k.kind.epilogue.accumulation, acc.sum == v { return "grad" }
        return g.nodes[v].op.resultRole()
    }
    for u in k.nodes where !g.nodes[u].op.isLeaf {
        guard let pos = g.nodes[u].inputs.firstIndex(of: v) else { continue }
        // A per-channel operand broadcast into an add or a mul is a bias or a scale.
        // The full-size operand beside it is `x`.
        let broadcast = g.nodes[v].type.count < g.nodes[u].type.count
        let besideBroadcast = g.nodes[u].inputs.contains { g.nodes[$0].type.count < g.nodes[u].type.count }
        switch g.nodes[u].op {
        case .add where broadcast: return "bias"
        case .mul where broadcast: return "scale"
        case .add where besideBroadcast, .mul where besideBroadcast: return "x"
        default: break   // every other op names its operands by position
        }
        return g.nodes[u].op.operandRole(pos)
    }
    return "x"
}

/// A shape as written in parameter comments: `[4,128,128,48]`.
func shapeComment(_ t: TensorType) -> String { "[" + t.shape.map(String.init).joined(separator: ",") + "]" }
