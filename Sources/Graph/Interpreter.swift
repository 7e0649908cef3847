import Foundation

/// The reference interpreter: a plain, obviously-correct evaluator of any graph, in Double.
///
/// It is the oracle the generated code is tested against; speed does not matter beyond a tiny
/// model's training step running in about a second.
public enum Interpreter {
    /// What the contractions (convolutions other than depthwise, linear, matmul) see: the exact
    /// operands, or the operands rounded to bfloat16 first, as the compiled program's `bf16`
    /// precision rounds them before its GEMM (the sums stay exact here).
    public enum ContractionInputs: Sendable { case exact, bfloat16 }

    public struct Result: Sendable {
        /// Every node's value, by node id.
        public var values: [Tensor]
        public var outputs: [String: Tensor]
        /// The state after the graph's assignments (states not assigned are unchanged).
        public var state: [StateKey: Tensor]
    }

    /// Runs `graph` on the given inputs (by name) and state; applies its assignments.
    public static func run(_ graph: Graph, inputs: [String: Tensor], state: [StateKey: Tensor],
                           contractionInputs: ContractionInputs = .exact) throws(GraphError) -> Result {
        var values: [Tensor] = []
        values.reserveCapacity(graph.nodes.count)
        for (id, node) in graph.nodes.enumerated() {
            let v: Tensor
            switch node.op {
            case .input:
                guard let t = inputs[node.name] else { throw .missingValue("input '\(node.name)'") }
                v = t
            case .state(let kind):
                guard let t = state[StateKey(kind, node.name)] else { throw .missingValue("state \(kind.rawValue) '\(node.name)'") }
                v = t
            default:
                let operands = node.inputs.map { values[$0] }
                if contractionInputs == .bfloat16, let w = winogradBF16(node, operands) {
                    v = w
                } else {
                    let rounded = contractionInputs == .bfloat16 && roundsOperands(node, operands)
                    v = evaluate(node, rounded ? operands.enumerated().map { $0.offset < 2 ? Kernels.bfloat16($0.element) : $0.element } : operands)
                }
            }
            guard v.shape == node.type.shape else {
                throw .invalidGraph(node: id, name: node.name, problem: "value has shape \(v.shape), type says \(node.type)")
            }
            values.append(v)
        }
        var newState = state
        for a in graph.assignments {
            guard case .state(let kind) = graph.nodes[a.target].op else { continue }
            newState[StateKey(kind, graph.nodes[a.target].name)] = values[a.value]
        }
        var outputs: [String: Tensor] = [:]
        for o in graph.outputs { outputs[o.name] = values[o.node] }
        return Result(values: values, outputs: outputs, state: newState)
    }

    /// Whether `node` is a contraction whose two operands the bf16 precision rounds: every
    /// convolution except depthwise ones (float32 loops in the compiled code) and Winograd ones
    /// (`Winograd.applies`: F(2x2) with rounded transforms, `winogradBF16`, or F(4x4) in fp32), every
    /// linear and matmul (a linear's bias, added after the sum, is not rounded).
    static func roundsOperands(_ node: Node, _ x: [Tensor]) -> Bool {
        func direct(_ a: Conv2DAttrs, channels: Int, weight w: [Int]) -> Bool {
            !(a.groups == channels && w[1] == 1 && w[0] == channels) && !Winograd.applies(a, c: w[1], k: w[0], r: w[2], s: w[3])
        }
        switch node.op {
        case .conv2d(let a): return direct(a, channels: x[0].shape[3], weight: x[1].shape)
        case .conv2dBackwardInput(let a): return direct(a, channels: node.type.shape[3], weight: x[1].shape)
        case .conv2dBackwardWeight(let a): return direct(a, channels: x[1].shape[3], weight: node.type.shape)
        case .linear, .matmul: return true
        default: return false
        }
    }

    /// A convolution the compiled bf16 program runs as Winograd F(2x2, 3x3) (`Winograd.roundsInBF16`,
    /// `roundsWeightGradientInBF16`), as it computes it: the transformed operands (V and U, or E and V
    /// for dw) rounded to bfloat16 before their products, the sums exact. nil for every other node.
    static func winogradBF16(_ node: Node, _ x: [Tensor]) -> Tensor? {
        switch node.op {
        case .conv2d(let a):
            let w = x[1].shape
            guard Winograd.roundsInBF16(a, c: x[0].shape[3], k: w[0], r: w[2], s: w[3]) else { return nil }
            return Winograd.forward(x[0], x[1], round: Kernels.bfloat16)
        case .conv2dBackwardInput(let a):
            let w = x[1].shape
            guard Winograd.roundsInBF16(a, c: w[1], k: w[0], r: w[2], s: w[3]) else { return nil }
            return Winograd.backwardInput(x[0], x[1], round: Kernels.bfloat16)
        case .conv2dBackwardWeight(let a):
            let w = node.type.shape
            guard Winograd.roundsWeightGradientInBF16(a, c: w[1], k: w[0], r: w[2], s: w[3]) else { return nil }
            return Winograd.backwardWeight(x[0], x[1], round: Kernels.bfloat16)
        default:
            return nil
        }
    }

    /// The value of one non-leaf node.
    static func evaluate(_ node: Node, _ x: [Tensor]) -> Tensor {
        let outShape = node.type.shape
        switch node.op {
        case .input, .state: preconditionFailure("leaves are fed, not evaluated")
        case .constant(let c): return Tensor(repeating: Double(c), shape: outShape)
        case .conv2d(let a): return Kernels.conv2d(x[0], x[1], a)
        case .conv2dBackwardInput(let a): return Kernels.conv2dBackwardInput(x[0], x[1], a, inputShape: outShape)
        case .conv2dBackwardWeight(let a): return Kernels.conv2dBackwardWeight(x[0], x[1], a, weightShape: outShape)
        case .linear:
            var y = Kernels.matmul(x[0], x[1], transposeA: false, transposeB: true)
            if x.count == 3 { y = Kernels.binary(y, x[2].reshaped([1, x[2].count]), +) }
            return y
        case .matmul(let ta, let tb): return Kernels.matmul(x[0], x[1], transposeA: ta, transposeB: tb)
        case .batchNormStats: return Kernels.batchNormStats(x[0])
        case .batchNormTrain(let eps): return Kernels.batchNormTrain(x[0], stats: x[1], gamma: x[2], beta: x[3], eps: eps)
        case .batchNormEval(let eps):
            let stats = Tensor(shape: [2, x[3].count], scalars: x[3].scalars + x[4].scalars)
            return Kernels.batchNormTrain(x[0], stats: stats, gamma: x[1], beta: x[2], eps: eps)
        case .batchNormBackwardReduce(let eps): return Kernels.batchNormBackwardReduce(dy: x[0], x: x[1], stats: x[2], eps: eps)
        case .batchNormBackwardInput(let eps):
            return Kernels.batchNormBackwardInput(dy: x[0], x: x[1], stats: x[2], gamma: x[3], reduced: x[4], eps: eps)
        case .batchNormEvalBackward(let eps):
            let c = x[1].count
            let scale = (0..<c).map { Double(x[1].scalars[$0]) / (x[2].scalars[$0] + Double(eps)).squareRoot() }
            return x[0].mapIndexed { i, v in v * scale[i % c] }
        case .runningStatUpdate(let a):
            let c = x[0].count, m = Double(a.momentum)
            let correction = a.row == 1 ? Double(a.count) / Double(a.count - 1) : 1
            return x[0].mapIndexed { i, r in (1 - m) * r + m * x[1].scalars[a.row * c + i] * correction }
        case .batchNormFoldWeight(let eps):
            let k = x[0].shape[0], per = x[0].count / k
            return x[0].mapIndexed { i, w in w * x[1].scalars[i / per] / (x[2].scalars[i / per] + Double(eps)).squareRoot() }
        case .batchNormFoldBias(let eps):
            return x[1].mapIndexed { i, beta in
                beta - x[2].scalars[i] * x[0].scalars[i] / (x[3].scalars[i] + Double(eps)).squareRoot()
            }
        case .unary(let f): return x[0].map { Kernels.unary(f, $0) }
        case .unaryBackward(let f): return Kernels.zip(x[0], x[1]) { dy, v in dy * Kernels.derivative(f, v) }
        case .add: return Kernels.binary(x[0], x[1], +)
        case .mul: return Kernels.binary(x[0], x[1], *)
        case .addN:
            var y = x[0]
            for t in x.dropFirst() { for i in 0..<y.count { y.scalars[i] += t.scalars[i] } }
            return y
        case .scale(let k): return x[0].map { $0 * Double(k) }
        case .dropout(let a), .dropoutBackward(let a):
            let seed = UInt32(bitPattern: Int32(x[1].scalars[0]))
            let s = 1 / (1 - Double(a.p))
            return x[0].mapIndexed { i, v in Random.keep(seed: seed, salt: a.salt, index: UInt32(i), p: a.p) ? v * s : 0 }
        case .stochasticDepth(let a), .stochasticDepthBackward(let a):
            let seed = UInt32(bitPattern: Int32(x[1].scalars[0]))
            let s = 1 / (1 - Double(a.p)), perSample = x[0].count / x[0].shape[0]
            return x[0].mapIndexed { i, v in
                Random.keep(seed: seed, salt: a.salt, index: UInt32(i / perSample), p: a.p) ? v * s : 0
            }
        case .reduce(let kind, _): return Kernels.reduce(kind, x[0], to: outShape)
        case .reduceMaxBackward: return Kernels.reduceMaxBackward(dy: x[0], x: x[1])
        case .expand:
            let map = flatIndexMap(from: outShape, to: x[0].shape)
            return Tensor(shape: outShape, scalars: map.map { x[0].scalars[$0] })
        case .reshape: return x[0].reshaped(outShape)
        case .concat(let axis): return Kernels.concat(x, axis: axis)
        case .slice(let axis, let start): return Kernels.slice(x[0], axis: axis, start: start, shape: outShape)
        case .softmax: return Kernels.softmax(x[0])
        case .softmaxBackward:
            let (dy, y) = (x[0], x[1]), k = y.shape.last!
            var dx = dy
            for row in 0..<(y.count / k) {
                var dot = 0.0
                for j in 0..<k { dot += dy.scalars[row * k + j] * y.scalars[row * k + j] }
                for j in 0..<k { dx.scalars[row * k + j] = y.scalars[row * k + j] * (dy.scalars[row * k + j] - dot) }
            }
            return dx
        case .focalLoss(let a): return Kernels.focalLoss(x[0], labels: x[1], a).loss
        case .focalLossBackward(let a):
            let g = Kernels.focalLoss(x[0], labels: x[1], a).dlogits
            return g.map { $0 * x[2].scalars[0] }
        case .clipCoefficient:
            let s = x[1].scalars[Hyper.gradScale.rawValue], maxNorm = x[1].scalars[Hyper.maxGradNorm.rawValue]
            let norm = s * x[0].scalars[0].squareRoot()
            let c = maxNorm > 0 ? s * min(1, maxNorm / (norm + 1e-6)) : s
            return Tensor(shape: [], scalars: [c])
        case .adamMoment(let beta, let squared):
            let b = Double(beta), c = x[2].scalars[0]
            return Kernels.zip(x[0], x[1]) { m, g in
                let gc = g * c
                return b * m + (1 - b) * (squared ? gc * gc : gc)
            }
        case .adamWUpdate(let a):
            let h = x[3].scalars
            let lr = h[Hyper.learningRate.rawValue], wd = h[Hyper.weightDecay.rawValue]
            let bc1 = x[4].scalars[a.group * 2], bc2 = x[4].scalars[a.group * 2 + 1]
            let (m, v) = (x[1], x[2])
            return x[0].mapIndexed { i, p in
                p * (1 - lr * wd) - lr / bc1 * m.scalars[i] / (v.scalars[i].squareRoot() / bc2.squareRoot() + Double(a.eps))
            }
        case .emaUpdate:
            let d = x[2].scalars[Hyper.emaDecay.rawValue]
            return Kernels.zip(x[0], x[1]) { e, v in d * e + (1 - d) * v }
        }
    }
}

extension Tensor {
    func map(_ f: (Double) -> Double) -> Tensor { Tensor(shape: shape, scalars: scalars.map(f)) }
    func mapIndexed(_ f: (Int, Double) -> Double) -> Tensor {
        Tensor(shape: shape, scalars: scalars.indices.map { f($0, scalars[$0]) })
    }
    public func reshaped(_ s: [Int]) -> Tensor { Tensor(shape: s, scalars: scalars) }
}
