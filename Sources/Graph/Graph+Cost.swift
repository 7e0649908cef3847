/// What a node costs: arithmetic and memory traffic.
public struct Cost: Hashable, Sendable {
    /// Multiply-accumulates of contractions (convolutions, matrix products) counted at 2 FLOPs,
    /// the convention of `torch.utils.flop_counter`.
    public var contractionFLOPs: Int = 0
    /// Everything else (BatchNorm, activations, reductions, loss, optimizer), about one FLOP per
    /// element and elementary operation; reported separately.
    public var otherFLOPs: Int = 0
    /// Bytes read from inputs plus bytes written, with no reuse assumed.
    public var bytes: Int = 0

    public var flops: Int { contractionFLOPs + otherFLOPs }

    public init(contractionFLOPs: Int = 0, otherFLOPs: Int = 0, bytes: Int = 0) {
        self.contractionFLOPs = contractionFLOPs; self.otherFLOPs = otherFLOPs; self.bytes = bytes
    }

    public static func + (a: Cost, b: Cost) -> Cost {
        Cost(contractionFLOPs: a.contractionFLOPs + b.contractionFLOPs, otherFLOPs: a.otherFLOPs + b.otherFLOPs, bytes: a.bytes + b.bytes)
    }
}

extension Graph {
    /// The cost of one node.
    public func cost(_ id: NodeID) -> Cost {
        let node = nodes[id]
        if node.op.isLeaf { return Cost() }
        let ins = node.inputs.map { nodes[$0].type }
        let out = node.type
        let bytes = ins.reduce(out.byteCount) { $0 + $1.byteCount }
        switch node.op {
        case .conv2d, .conv2dBackwardInput, .conv2dBackwardWeight:
            // Every (output, tap) pair of the forward convolution is one MAC in all three.
            let (x, w, y): ([Int], [Int], [Int])
            switch node.op {
            case .conv2d: (x, w, y) = (ins[0].shape, ins[1].shape, out.shape)
            case .conv2dBackwardInput: (x, w, y) = (out.shape, ins[1].shape, ins[0].shape)
            default: (x, w, y) = (ins[1].shape, out.shape, ins[0].shape)
            }
            _ = x
            let macs = y[0] * y[1] * y[2] * y[3] * w[1] * w[2] * w[3]
            return Cost(contractionFLOPs: 2 * macs, bytes: bytes)
        case .linear:
            let macs = ins[0].shape[0] * ins[0].shape[1] * ins[1].shape[0]
            return Cost(contractionFLOPs: 2 * macs, otherFLOPs: ins.count == 3 ? out.count : 0, bytes: bytes)
        case .matmul(let ta, _):
            let k = ta ? ins[0].shape[0] : ins[0].shape[1]
            return Cost(contractionFLOPs: 2 * out.count * k, bytes: bytes)
        case .reshape:
            return Cost()   // a view: no work, no traffic
        default:
            let perElement: Int
            switch node.op {
            case .batchNormTrain, .batchNormEval, .batchNormBackwardInput: perElement = 4
            case .batchNormStats, .batchNormBackwardReduce: perElement = 3
            case .unary, .unaryBackward: perElement = 4
            case .focalLoss, .focalLossBackward, .softmax, .softmaxBackward: perElement = 8
            case .adamMoment, .emaUpdate: perElement = 3
            case .adamWUpdate: perElement = 6
            default: perElement = 1
            }
            let elements = max(out.count, ins.map(\.count).max() ?? 0)
            return Cost(otherFLOPs: perElement * elements, bytes: bytes)
        }
    }

    /// The total cost of the graph.
    public var totalCost: Cost { nodes.indices.reduce(Cost()) { $0 + cost($1) } }
}
