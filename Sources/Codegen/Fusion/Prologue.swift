import Graph

// Rule 2: a reduction reads its operand through a fused elementwise prologue:
//
//     p = reduce_mean(silu(bn(y)))          →  one pass over y (SE and CBAM pooling)
//     r = bn_bwd_reduce(mul(dz, gate), y)   →  one pass over dz and y
//
// Rule 6: a 1×1 convolution (forward, and its weight gradient) reads its input through an
// elementwise prologue, tile by tile:
//
//     z = conv1x1(silu(bn(y)), w)           →  tiles of silu(bn(y)) in scratch, one sgemm each
//     dw = conv1x1_bwd_weight(dz, silu(bn(y)))

/// Rules 2 and 6: the kernel of `id` when one of its prologue operands is an inlined elementwise
/// value, else nil.
func prologueKernel(_ id: NodeID, _ f: FusionState) -> Kernel? {
    let node = f.g.nodes[id]
    let positions = prologueOperands(id, f.g, f.rules)
    guard positions.contains(where: { f.inlined.contains(node.inputs[$0]) }) else { return nil }
    let (members, reads) = gather(id, operands: positions, f)
    return Kernel(kind: .prologue(anchor: id, prologue: members.filter { $0 != id }, epilogue: Epilogue()),
                  nodes: members, reads: reads, writes: [id])
}

/// Operand positions of node `id` that can be read through a fused elementwise prologue.
func prologueOperands(_ id: NodeID, _ g: Graph, _ rules: FusionRules) -> [Int] {
    let node = g.nodes[id]
    switch node.op {
    case .conv2d(let a) where rules.contains(.convolutionPrologue) && isPointwise(a, g.nodes[node.inputs[1]].type.shape):
        return [0]
    case .conv2dBackwardWeight(let a) where rules.contains(.convolutionPrologue) && isPointwise(a, node.type.shape):
        return [1]
    case .reduce, .batchNormStats:
        return rules.contains(.prologue) ? [0] : []
    case .batchNormBackwardReduce:
        return rules.contains(.prologue) ? [0, 1] : []
    case .input, .state, .constant, .conv2d, .conv2dBackwardInput, .conv2dBackwardWeight, .linear, .matmul,
         .batchNormTrain, .batchNormEval, .batchNormBackwardInput, .batchNormEvalBackward, .runningStatUpdate,
         .batchNormFoldWeight, .batchNormFoldBias, .unary, .unaryBackward, .add, .mul, .addN, .scale, .dropout,
         .dropoutBackward, .stochasticDepth, .stochasticDepthBackward, .reduceMaxBackward, .expand, .reshape,
         .concat, .slice, .softmax, .softmaxBackward, .focalLoss, .focalLossBackward, .clipCoefficient,
         .adamMoment, .adamWUpdate, .emaUpdate:
        return []
    }
}

/// A 1×1 stride-1 unpadded dense convolution: a matrix product over (N·H·W, C).
func isPointwise(_ a: Conv2DAttrs, _ weight: [Int]) -> Bool {
    a.stride == 1 && a.padding == 0 && a.groups == 1 && weight.count == 4 && weight[2] == 1 && weight[3] == 1
}
