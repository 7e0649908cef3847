/// Shape inference: the output type of an op applied to inputs of the given types.
///
/// `declared` is the node's stated type; ops whose result is not determined by their inputs
/// (leaves, `reshape`, `expand`, `slice`, the convolution backward ops) need it, and every op
/// checks it against what it infers. The verifier re-runs this on every node.
public func inferType(_ op: Op, _ inputs: [TensorType], declared: TensorType? = nil) throws(GraphError) -> TensorType {
    func fail(_ problem: String) -> GraphError { .invalidOp(op: op.name, problem: problem) }
    func arity(_ n: ClosedRange<Int>) throws(GraphError) {
        guard n.contains(inputs.count) else { throw fail("takes \(n) inputs, found \(inputs.count)") }
    }
    func f32(_ i: Int) throws(GraphError) {
        guard inputs[i].dtype == .f32 else { throw fail("input \(i) must be f32, found \(inputs[i])") }
    }
    func same(_ i: Int, _ j: Int) throws(GraphError) {
        guard inputs[i] == inputs[j] else { throw fail("inputs \(i) and \(j) must match, found \(inputs[i]) and \(inputs[j])") }
    }
    func shape(_ i: Int, _ s: [Int]) throws(GraphError) {
        guard inputs[i].shape == s else { throw fail("input \(i) must be \(TensorType(s)), found \(inputs[i])") }
    }
    func needDeclared() throws(GraphError) -> TensorType {
        guard let d = declared else { throw fail("needs the node's declared type") }
        return d
    }
    func seed(_ i: Int) throws(GraphError) {
        guard inputs[i] == TensorType([1], .i32) else { throw fail("seed must be i32[1], found \(inputs[i])") }
    }
    func channels(_ t: TensorType) throws(GraphError) -> Int {
        guard t.rank >= 2, let c = t.shape.last else { throw fail("needs rank >= 2, found \(t)") }
        return c
    }
    let hyper = TensorType([Hyper.count])

    let result: TensorType
    switch op {
    case .input, .state, .constant:
        try arity(0...0)
        result = try needDeclared()

    case .conv2d(let a):
        try arity(2...2); try f32(0); try f32(1)
        result = try convOutput(a, x: inputs[0], w: inputs[1], fail: fail)
    case .conv2dBackwardInput(let a):
        try arity(2...2); try f32(0); try f32(1)
        let x = try needDeclared()
        guard try convOutput(a, x: x, w: inputs[1], fail: fail) == inputs[0] else {
            throw fail("dy \(inputs[0]) is not the output of conv2d on \(x) with \(inputs[1])")
        }
        result = x
    case .conv2dBackwardWeight(let a):
        try arity(2...2); try f32(0); try f32(1)
        let w = try needDeclared()
        guard try convOutput(a, x: inputs[1], w: w, fail: fail) == inputs[0] else {
            throw fail("dy \(inputs[0]) is not the output of conv2d on \(inputs[1]) with \(w)")
        }
        result = w
    case .linear:
        try arity(2...3); try f32(0); try f32(1)
        let x = inputs[0].shape, w = inputs[1].shape
        guard x.count == 2, w.count == 2, x[1] == w[1] else { throw fail("x \(inputs[0]) and w \(inputs[1]) do not fit x·wᵀ") }
        if inputs.count == 3 { try shape(2, [w[0]]) }
        result = TensorType([x[0], w[0]])
    case .matmul(let ta, let tb):
        try arity(2...2); try f32(0); try f32(1)
        guard inputs[0].rank == 2, inputs[1].rank == 2 else { throw fail("needs 2-D operands") }
        let a = inputs[0].shape, b = inputs[1].shape
        let (m, k1) = ta ? (a[1], a[0]) : (a[0], a[1])
        let (k2, n) = tb ? (b[1], b[0]) : (b[0], b[1])
        guard k1 == k2 else { throw fail("inner dimensions differ: \(inputs[0]) and \(inputs[1])") }
        result = TensorType([m, n])

    case .batchNormStats:
        try arity(1...1); try f32(0)
        result = TensorType([2, try channels(inputs[0])])
    case .batchNormTrain:
        try arity(4...4)
        let c = try channels(inputs[0])
        try shape(1, [2, c]); try shape(2, [c]); try shape(3, [c])
        result = inputs[0]
    case .batchNormEval:
        try arity(5...5)
        let c = try channels(inputs[0])
        for i in 1...4 { try shape(i, [c]) }
        result = inputs[0]
    case .batchNormBackwardReduce:
        try arity(3...3); try same(0, 1)
        let c = try channels(inputs[1])
        try shape(2, [2, c])
        result = TensorType([2, c])
    case .batchNormBackwardInput:
        try arity(5...5); try same(0, 1)
        let c = try channels(inputs[1])
        try shape(2, [2, c]); try shape(3, [c]); try shape(4, [2, c])
        result = inputs[0]
    case .batchNormEvalBackward:
        try arity(3...3)
        let c = try channels(inputs[0])
        try shape(1, [c]); try shape(2, [c])
        result = inputs[0]
    case .runningStatUpdate(let a):
        try arity(2...2)
        guard inputs[0].rank == 1 else { throw fail("running statistic must be 1-D, found \(inputs[0])") }
        try shape(1, [2, inputs[0].shape[0]])
        guard a.row == 0 || a.row == 1, a.count > 1 else { throw fail("row must be 0 or 1 and count > 1") }
        result = inputs[0]

    case .batchNormFoldWeight:
        try arity(3...3)
        guard inputs[0].rank >= 1 else { throw fail("weight needs an output-channel dimension") }
        let k = inputs[0].shape[0]
        try shape(1, [k]); try shape(2, [k])
        result = inputs[0]
    case .batchNormFoldBias:
        try arity(4...4)
        guard inputs[0].rank == 1 else { throw fail("gamma must be 1-D, found \(inputs[0])") }
        for i in 1...3 { try same(0, i) }
        result = inputs[0]

    case .unary:
        try arity(1...1); try f32(0)
        result = inputs[0]
    case .unaryBackward:
        try arity(2...2); try same(0, 1); try f32(0)
        result = inputs[0]
    case .add, .mul:
        try arity(2...2); try f32(0); try f32(1)
        guard let s = broadcastShape(inputs[0].shape, inputs[1].shape) else {
            throw fail("shapes \(inputs[0]) and \(inputs[1]) do not broadcast")
        }
        result = TensorType(s)
    case .addN:
        guard !inputs.isEmpty else { throw fail("needs at least one input") }
        for i in inputs.indices { try same(0, i) }
        result = inputs[0]
    case .scale:
        try arity(1...1); try f32(0)
        result = inputs[0]

    case .dropout(let a), .dropoutBackward(let a), .stochasticDepth(let a), .stochasticDepthBackward(let a):
        try arity(2...2); try f32(0); try seed(1)
        guard a.p >= 0, a.p < 1 else { throw fail("p must be in [0, 1), found \(a.p)") }
        result = inputs[0]

    case .reduce(_, let axes):
        try arity(1...1); try f32(0)
        result = TensorType(try reducedShape(inputs[0].shape, axes, fail: fail))
    case .reduceMaxBackward(let axes):
        try arity(2...2)
        try shape(0, try reducedShape(inputs[1].shape, axes, fail: fail))
        result = inputs[1]
    case .expand:
        try arity(1...1)
        let d = try needDeclared()
        guard d.rank == inputs[0].rank, broadcastShape(inputs[0].shape, d.shape) == d.shape, d.dtype == inputs[0].dtype else {
            throw fail("cannot expand \(inputs[0]) to \(d)")
        }
        result = d
    case .reshape:
        try arity(1...1)
        let d = try needDeclared()
        guard d.count == inputs[0].count, d.dtype == inputs[0].dtype else { throw fail("cannot reshape \(inputs[0]) to \(d)") }
        result = d
    case .concat(let axis):
        guard !inputs.isEmpty else { throw fail("needs at least one input") }
        var s = inputs[0].shape
        guard axis >= 0, axis < s.count else { throw fail("axis \(axis) out of range for \(inputs[0])") }
        for t in inputs.dropFirst() {
            var a = t.shape, b = inputs[0].shape
            guard a.count == b.count, t.dtype == inputs[0].dtype else { throw fail("inputs differ in rank or dtype") }
            a[axis] = 0; b[axis] = 0
            guard a == b else { throw fail("inputs differ outside axis \(axis): \(inputs[0]) and \(t)") }
            s[axis] += t.shape[axis]
        }
        result = TensorType(s, inputs[0].dtype)
    case .slice(let axis, let start):
        try arity(1...1)
        let d = try needDeclared()
        var a = d.shape, b = inputs[0].shape
        guard a.count == b.count, axis >= 0, axis < a.count, start >= 0, start + a[axis] <= b[axis] else {
            throw fail("cannot take \(d) at \(start) along axis \(axis) of \(inputs[0])")
        }
        a[axis] = 0; b[axis] = 0
        guard a == b else { throw fail("slice \(d) differs from \(inputs[0]) outside axis \(axis)") }
        result = d
    case .softmax:
        try arity(1...1); try f32(0)
        result = inputs[0]
    case .softmaxBackward:
        try arity(2...2); try same(0, 1)
        result = inputs[0]

    case .focalLoss(let a):
        try arity(2...2); try f32(0)
        try lossInputs(a, inputs, fail: fail)
        result = TensorType([])
    case .focalLossBackward(let a):
        try arity(3...3); try f32(0)
        try lossInputs(a, inputs, fail: fail)
        try shape(2, [])
        result = inputs[0]

    case .clipCoefficient:
        try arity(2...2); try shape(0, []); try shape(1, hyper.shape)
        result = TensorType([])
    case .adamMoment:
        try arity(3...3); try same(0, 1); try shape(2, [])
        result = inputs[0]
    case .adamWUpdate(let a):
        try arity(5...5); try same(0, 1); try same(0, 2); try shape(3, hyper.shape)
        guard inputs[4].rank == 2, inputs[4].shape[1] == 2, a.group < inputs[4].shape[0] else {
            throw fail("bias_correction must be [groups, 2] with group \(a.group) in range, found \(inputs[4])")
        }
        result = inputs[0]
    case .emaUpdate:
        try arity(3...3); try same(0, 1); try shape(2, hyper.shape)
        result = inputs[0]
    }
    if let d = declared, d != result {
        throw fail("declared type \(d) differs from inferred \(result)")
    }
    return result
}

/// Output type of `conv2d(x, w)`: Ho = (H + 2·pad - R) / stride + 1.
private func convOutput(_ a: Conv2DAttrs, x: TensorType, w: TensorType, fail: (String) -> GraphError) throws(GraphError) -> TensorType {
    guard x.rank == 4, w.rank == 4 else { throw fail("needs x N,H,W,C and w K,C/g,R,S; found \(x) and \(w)") }
    let (n, h, wd, c) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
    let (k, cg, r, s) = (w.shape[0], w.shape[1], w.shape[2], w.shape[3])
    guard a.groups >= 1, a.stride >= 1, a.padding >= 0, c % a.groups == 0, k % a.groups == 0, cg == c / a.groups else {
        throw fail("weight \(w) does not fit input \(x) with groups=\(a.groups)")
    }
    let ho = (h + 2 * a.padding - r) / a.stride + 1
    let wo = (wd + 2 * a.padding - s) / a.stride + 1
    guard h + 2 * a.padding >= r, wd + 2 * a.padding >= s, ho >= 1, wo >= 1 else {
        throw fail("input \(x) is smaller than the \(r)x\(s) kernel")
    }
    return TensorType([n, ho, wo, k])
}

private func reducedShape(_ s: [Int], _ axes: [Int], fail: (String) -> GraphError) throws(GraphError) -> [Int] {
    guard !axes.isEmpty, axes == axes.sorted(), Set(axes).count == axes.count, axes.allSatisfy({ $0 >= 0 && $0 < s.count }) else {
        throw fail("axes \(axes) invalid for rank \(s.count)")
    }
    var out = s
    for a in axes { out[a] = 1 }
    return out
}

private func lossInputs(_ a: LossAttrs, _ inputs: [TensorType], fail: (String) -> GraphError) throws(GraphError) {
    guard inputs[0].rank == 2, inputs[1] == TensorType([inputs[0].shape[0]], .i32) else {
        throw fail("needs logits N,K and i32 labels N; found \(inputs[0]) and \(inputs[1])")
    }
    let k = inputs[0].shape[1]
    guard a.alpha.count == k, a.classWeights.count == k else {
        throw fail("alpha and class weights need \(k) values, found \(a.alpha.count) and \(a.classWeights.count)")
    }
    guard a.gamma >= 0, a.smoothing >= 0, a.smoothing < 1 else { throw fail("needs gamma >= 0 and smoothing in [0, 1)") }
}
