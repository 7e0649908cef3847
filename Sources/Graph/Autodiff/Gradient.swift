/// The derivative rules: one case per op, each appending the ops that compute the gradients of
/// a node's inputs from the gradient `dy` of its output.
///
/// `needs(i)` says whether input i wants a gradient; a rule builds nothing for the others, so a
/// frozen weight gets no weight-gradient op and the input below the lowest trainable layer gets
/// no input-gradient op. Every rule is checked by finite differences in `GradientCheckTests`.
func gradientRule(_ b: GraphBuilder, node id: NodeID, dy: NodeID, needs: (Int) -> Bool) -> [Int: NodeID] {
    let node = b.graph.nodes[id]
    let x = node.inputs
    func shape(_ i: Int) -> [Int] { b.shape(x[i]) }
    var g: [Int: NodeID] = [:]
    func set(_ i: Int, _ make: () -> NodeID) { if needs(i) { g[i] = make() } }

    switch node.op {
    case .conv2d(let a):
        // y = x ⋆ w   ⇒  dx = dy ⋆ᵀ w,  dw = dy ⋆ x
        set(0) { b.add(.conv2dBackwardInput(a), [dy, x[1]], type: b.type(x[0])) }
        set(1) { b.add(.conv2dBackwardWeight(a), [dy, x[0]], type: b.type(x[1])) }
    case .linear:
        // y = x·wᵀ + b  ⇒  dx = dy·w,  dw = dyᵀ·x,  db = Σ_n dy
        set(0) { b.add(.matmul(transposeA: false, transposeB: false), [dy, x[1]]) }
        set(1) { b.add(.matmul(transposeA: true, transposeB: false), [dy, x[0]]) }
        if x.count == 3 { set(2) { b.reshape(b.reduce(.sum, dy, axes: [0]), shape(2)) } }
    case .matmul(let ta, let tb):
        // C = op(A)·op(B)  ⇒  dA = dC·op(B)ᵀ (or its transpose), dB = op(A)ᵀ·dC (or its transpose)
        set(0) {
            ta ? b.add(.matmul(transposeA: tb, transposeB: true), [x[1], dy])
               : b.add(.matmul(transposeA: false, transposeB: !tb), [dy, x[1]])
        }
        set(1) {
            tb ? b.add(.matmul(transposeA: true, transposeB: ta), [dy, x[0]])
               : b.add(.matmul(transposeA: !ta, transposeB: false), [x[0], dy])
        }
    case .batchNormTrain(let eps):
        // The x gradient is the total one, through the batch statistics too; stats get none.
        let c = shape(0).last!
        let reduced = b.add(.batchNormBackwardReduce(eps: eps), [dy, x[0], x[1]])
        set(0) { b.add(.batchNormBackwardInput(eps: eps), [dy, x[0], x[1], x[2], reduced]) }
        set(2) { b.reshape(b.slice(reduced, axis: 0, start: 1, length: 1), [c]) }   // dγ = Σ dy·x̂
        set(3) { b.reshape(b.slice(reduced, axis: 0, start: 0, length: 1), [c]) }   // dβ = Σ dy
    case .batchNormEval(let eps):
        precondition(!needs(1) && !needs(2), "\(node.name): eval-mode BatchNorm parameters are frozen")
        set(0) { b.add(.batchNormEvalBackward(eps: eps), [dy, x[1], x[4]]) }
    case .unary(let f):
        set(0) { b.add(.unaryBackward(f), [dy, x[0]]) }
    case .add:
        set(0) { sumTo(b, dy, shape(0)) }
        set(1) { sumTo(b, dy, shape(1)) }
    case .mul:
        set(0) { sumTo(b, b.mul(dy, x[1]), shape(0)) }
        set(1) { sumTo(b, b.mul(dy, x[0]), shape(1)) }
    case .addN:
        for i in x.indices { set(i) { dy } }
    case .scale(let k):
        set(0) { b.scale(dy, k) }
    case .dropout(let a):
        set(0) { b.add(.dropoutBackward(a), [dy, x[1]]) }
    case .stochasticDepth(let a):
        set(0) { b.add(.stochasticDepthBackward(a), [dy, x[1]]) }
    case .reduce(let kind, let axes):
        let s = shape(0)
        switch kind {
        case .sum: set(0) { b.expand(dy, s) }
        case .mean:
            let n = axes.reduce(1) { $0 * s[$1] }
            set(0) { b.scale(b.expand(dy, s), 1 / Float(n)) }
        case .max: set(0) { b.add(.reduceMaxBackward(axes: axes), [dy, x[0]]) }
        case .sumSquares: set(0) { b.mul(b.scale(x[0], 2), b.expand(dy, s)) }
        }
    case .expand:
        set(0) { sumTo(b, dy, shape(0)) }
    case .reshape:
        set(0) { b.reshape(dy, shape(0)) }
    case .concat(let axis):
        var start = 0
        for i in x.indices {
            let n = shape(i)[axis]
            set(i) { b.slice(dy, axis: axis, start: start, length: n) }
            start += n
        }
    case .softmax:
        set(0) { b.add(.softmaxBackward, [dy, id]) }
    case .focalLoss(let a):
        set(0) { b.add(.focalLossBackward(a), [x[0], x[1], dy]) }

    case .input, .state, .constant, .batchNormStats:
        break
    case .slice, .conv2dBackwardInput, .conv2dBackwardWeight, .batchNormBackwardReduce, .batchNormBackwardInput,
         .batchNormEvalBackward, .runningStatUpdate, .batchNormFoldWeight, .batchNormFoldBias, .unaryBackward, .dropoutBackward, .stochasticDepthBackward,
         .reduceMaxBackward, .softmaxBackward, .focalLossBackward, .clipCoefficient, .adamMoment, .adamWUpdate,
         .emaUpdate:
        preconditionFailure("\(node.name): \(node.op.name) has no derivative rule (it never lies between a parameter and the loss)")
    }
    return g
}

/// Sums a broadcast gradient back to the shape of the operand that was broadcast.
private func sumTo(_ b: GraphBuilder, _ dy: NodeID, _ shape: [Int]) -> NodeID {
    let s = b.shape(dy)
    let axes = s.indices.filter { shape[$0] == 1 && s[$0] != 1 }
    return axes.isEmpty ? dy : b.reduce(.sum, dy, axes: axes)
}
