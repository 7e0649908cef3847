import Graph

// Rule 5: a gradient is added into its accumulator by the kernel that computes it:
//
//     g = matmul(...) | slice | reduce_sum | conv_bwd_weight     →  acc += g  inside g's kernel
//     acc' = add(acc, reshape?(g))        (g used nowhere else)      (sgemm with beta 1, or +=)

/// Rule 5: for each anchor whose result only feeds `acc <- add(acc, view?(anchor))`, that
/// accumulation. Claims the add and the view.
func accumulations(_ f: FusionState) -> [NodeID: Accumulation] {
    let g = f.g, users = f.users
    var result: [NodeID: Accumulation] = [:]
    for a in g.assignments where g.nodes[a.target].op == .state(.gradient) {
        let v = g.nodes[a.value]
        guard v.op == .add, v.inputs.contains(a.target) else { continue }
        let grad = v.inputs[0] == a.target ? v.inputs[1] : v.inputs[0]
        guard users[grad] == [a.value] else { continue }
        var anchor = grad, view: NodeID? = nil
        if g.nodes[grad].op == .reshape { view = grad; anchor = g.nodes[grad].inputs[0] }
        guard view == nil || users[anchor] == [view!], g.nodes[anchor].type.count == v.type.count,
              supportsAccumulate(g.nodes[anchor].op) else { continue }
        result[anchor] = Accumulation(sum: a.value, view: view, target: a.target)
        f.claimed.insert(a.value)
        if let view { f.claimed.insert(view) }
    }
    return result
}

/// Rule 5 applied to a kernel: it writes the sum (into the accumulator) instead of the anchor.
func accumulate(_ acc: Accumulation, into kernel: inout Kernel) {
    kernel.nodes += [acc.view, acc.sum].compactMap { $0 }
    kernel.writes = [acc.sum]
    kernel.reads.append(acc.target)
    kernel.inPlaceReads.insert(acc.target)
    var epilogue = kernel.kind.epilogue
    epilogue.accumulation = acc
    kernel.kind = kernel.kind.with(epilogue)
}

/// Ops whose template can add its result into the output instead of storing it.
func supportsAccumulate(_ op: Op) -> Bool {
    switch op {
    case .matmul, .slice, .reduce(.sum, _), .conv2dBackwardWeight: return true
    case .reduce(.mean, _), .reduce(.max, _), .reduce(.sumSquares, _): return false
    case .input, .state, .constant, .conv2d, .conv2dBackwardInput, .linear, .batchNormStats, .batchNormTrain,
         .batchNormEval, .batchNormBackwardReduce, .batchNormBackwardInput, .batchNormEvalBackward, .runningStatUpdate,
         .batchNormFoldWeight, .batchNormFoldBias, .unary, .unaryBackward, .add, .mul, .addN, .scale, .dropout,
         .dropoutBackward, .stochasticDepth, .stochasticDepthBackward, .reduceMaxBackward, .expand, .reshape,
         .concat, .softmax, .softmaxBackward, .focalLoss, .focalLossBackward, .clipCoefficient, .adamMoment,
         .adamWUpdate, .emaUpdate:
        return false
    }
}
