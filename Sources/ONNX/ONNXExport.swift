import Foundation
import Graph
import Formats

/// ONNX export: the eval graph of a model, translated node by node into ONNX opset 17 (NCHW).
///
/// The file has one input `input` f32[batch, 3, H, W] (ImageNet-normalised RGB, H = W = the
/// configuration's image size, `batch` a named dynamic dimension) and one output `output`
/// f32[batch, classes] (logits, before temperature scaling). Weights and BatchNorm statistics are
/// initializers with their torchvision names; `metadata` goes into `metadata_props`.
///
/// The IR is NHWC and ONNX convolutions are NCHW, so every 4-D value that depends on the images
/// lives in ONNX as NCHW, and axes are mapped (IR N,H,W,C = ONNX 0,2,3,1); weights already have
/// torchvision's OIHW / [out, in] layouts. Per IR op:
///
/// | IR | ONNX |
/// | --- | --- |
/// | conv2d | Conv (pads, strides, group, kernel_shape) |
/// | batchNormEval | BatchNormalization (epsilon; NCHW, or (N, C) for the head's BatchNorm1d) |
/// | linear, matmul | Gemm (transB = 1 for linear) |
/// | silu | Sigmoid, Mul |
/// | sigmoid, relu, add, mul, addN, scale | Sigmoid, Relu, Add, Mul, Sum, Mul by a scalar |
/// | reduce mean/max over H, W | GlobalAveragePool / GlobalMaxPool; other axes ReduceMean/ReduceMax/ReduceSum/ReduceSumSquare (keepdims) |
/// | reshape, expand, concat, slice, softmax | Reshape (through Transpose when the layouts disagree), Expand, Concat, Slice, Softmax |
/// | dropout, stochasticDepth | nothing (the identity at inference) |
///
/// Training-only ops (batch statistics, backward ops, loss, optimizer) are errors naming the node.
public enum ONNXExport {
    /// The values of a parameter or buffer by torchvision name (e.g. `{ try state.read(.ema, $0) }`),
    /// in the layout of the graph's state node.
    public typealias WeightSource = (String) throws -> [Float]

    /// The `.onnx` file's bytes for `config` with the values `weights` gives.
    public static func model(config: ModelConfig, weights: @escaping WeightSource, metadata: [String: String]) throws -> Data {
        try modelProto(config: config, weights: weights, metadata: metadata).serialized()
    }

    /// The model as ONNX messages (what `model` serialises).
    public static func modelProto(config: ModelConfig, weights: @escaping WeightSource,
                                  metadata: [String: String]) throws -> ONNX.ModelProto {
        try config.validate()
        let eval = TrainingProgram.buildEval(config)
        guard let logits = eval.output("logits") else { throw failure("the eval graph has no 'logits' output") }
        let graph = try translate(eval, output: logits, weights: weights, name: "\(config.backbone.name)_\(config.head.identifier)")
        let props = metadata.sorted { $0.key < $1.key }.map { ONNX.StringStringEntryProto(key: $0.key, value: $0.value) }
        return ONNX.ModelProto(graph: graph, metadata: props)
    }

    /// Translates the part of `graph` that computes `output` into an ONNX graph whose output is
    /// named `output`. The graph's only input must be `images` (N,H,W,3).
    public static func translate(_ graph: Graph, output: NodeID, weights: @escaping WeightSource,
                                 name: String) throws -> ONNX.GraphProto {
        var t = Translator(g: graph, weights: weights, name: name)
        try t.run(output: output)
        return t.onnx
    }

    static func failure(_ problem: String) -> RuntimeError { .artifact(path: "ONNX export", problem: problem) }
}

/// The node-by-node translation (see `ONNXExport`).
private struct Translator {
    let g: Graph
    let weights: ONNXExport.WeightSource
    var onnx: ONNX.GraphProto
    /// The ONNX value holding each translated IR node.
    var values: [NodeID: String] = [:]
    /// Whether an IR value depends on the images: its first dimension is then the dynamic batch.
    var batched: [Bool]
    /// int64/float constants already written, by their content.
    var constants: [String: String] = [:]

    /// ONNX axis i holds IR axis `nchw[i]` for a batched 4-D value.
    static let nchw = [0, 3, 1, 2]
    /// Transpose perms between the layouts (output axis i = input axis perm[i]).
    static let toNCHW = [0, 3, 1, 2], toNHWC = [0, 2, 3, 1]

    init(g: Graph, weights: @escaping ONNXExport.WeightSource, name: String) {
        self.g = g; self.weights = weights
        onnx = ONNX.GraphProto(name: name)
        batched = Array(repeating: false, count: g.nodes.count)
    }

    // MARK: layout

    func shape(_ id: NodeID) -> [Int] { g[id].type.shape }
    /// A batched 4-D value: NCHW in ONNX.
    func isNCHW(_ id: NodeID) -> Bool { batched[id] && shape(id).count == 4 }
    /// `perm[i]` = the IR axis at ONNX axis i.
    func perm(_ id: NodeID) -> [Int] { isNCHW(id) ? Self.nchw : Array(shape(id).indices) }
    func onnxShape(_ id: NodeID) -> [Int] { perm(id).map { shape(id)[$0] } }
    /// The ONNX axis of IR axis `axis` of value `id`.
    func onnxAxis(_ axis: Int, of id: NodeID) -> Int { perm(id).firstIndex(of: axis)! }
    /// The ONNX shape with the batch dimension as 0 ("copy from the input", for Reshape) or 1
    /// (for Expand's broadcast), so the graph works for any batch size.
    func shapeOperand(_ id: NodeID, batchAs marker: Int) -> [Int64] {
        var s = onnxShape(id).map(Int64.init)
        if batched[id] { s[0] = Int64(marker) }
        return s
    }

    // MARK: the walk

    /// The IR inputs a node's ONNX translation reads (random ops drop their seed).
    func usedInputs(_ id: NodeID) -> [NodeID] {
        switch g[id].op {
        case .dropout, .stochasticDepth: return [g[id].inputs[0]]
        case .input, .state, .constant, .conv2d, .conv2dBackwardInput, .conv2dBackwardWeight, .linear, .matmul,
             .batchNormStats, .batchNormTrain, .batchNormEval, .batchNormBackwardReduce, .batchNormBackwardInput,
             .batchNormEvalBackward, .runningStatUpdate, .batchNormFoldWeight, .batchNormFoldBias, .unary,
             .unaryBackward, .add, .mul, .addN, .scale, .dropoutBackward, .stochasticDepthBackward, .reduce,
             .reduceMaxBackward, .expand, .reshape, .concat, .slice, .softmax, .softmaxBackward, .focalLoss,
             .focalLossBackward, .clipCoefficient, .adamMoment, .adamWUpdate, .emaUpdate:
            return g[id].inputs
        }
    }

    mutating func run(output: NodeID) throws {
        var live = Array(repeating: false, count: g.nodes.count)
        live[output] = true
        for id in stride(from: output, through: 0, by: -1) where live[id] {
            for i in usedInputs(id) { live[i] = true }
        }
        for id in g.nodes.indices where live[id] {
            batched[id] = g[id].op == .input || usedInputs(id).contains { batched[$0] }
            try translate(id)
        }
        try nameOutput(output)
    }

    /// Renames the value of `id` to `output` and declares it.
    mutating func nameOutput(_ id: NodeID) throws {
        let old = values[id]!
        if onnx.node.contains(where: { $0.output.contains(old) }) {
            for k in onnx.node.indices {
                onnx.node[k].input = onnx.node[k].input.map { $0 == old ? "output" : $0 }
                onnx.node[k].output = onnx.node[k].output.map { $0 == old ? "output" : $0 }
            }
        } else {
            onnx.node.append(.init("Identity", [old], ["output"], name: "output"))
        }
        let dims = onnxShape(id).enumerated().map { i, d -> ONNX.ValueInfoProto.Dimension in
            i == 0 && batched[id] ? .param("batch") : .value(Int64(d))
        }
        onnx.output.append(.init(name: "output", shape: dims))
    }

    func error(_ id: NodeID, _ problem: String) -> RuntimeError {
        ONNXExport.failure("node \(id) '\(g[id].name)' (\(g[id].op.name) \(g[id].type)): \(problem)")
    }

    // MARK: emitting

    /// The ONNX value name of IR node `id`, or of one of its intermediate steps.
    func valueName(_ id: NodeID, _ step: String? = nil) -> String {
        let base = g[id].name.isEmpty ? "\(g[id].op.name)_\(id)" : "\(g[id].name)/\(g[id].op.name)_\(id)"
        return step.map { "\(base)/\($0)" } ?? base
    }

    /// Appends an ONNX node computing IR node `id` (or, with `step`, an intermediate of it).
    @discardableResult
    mutating func emit(_ opType: String, _ inputs: [String], for id: NodeID, step: String? = nil,
                       _ attributes: [ONNX.AttributeProto] = []) -> String {
        let out = valueName(id, step)
        onnx.node.append(.init(opType, inputs, [out], name: out, attributes: attributes))
        if step == nil { values[id] = out }
        return out
    }

    /// An int64 initializer (shapes, axes, slice bounds), shared by equal contents.
    mutating func int64s(_ v: [Int64]) -> String {
        let key = "i64\(v)"
        if let name = constants[key] { return name }
        let name = "const/int64_\(constants.count)"
        onnx.initializer.append(.init(name: name, dims: [v.count], int64s: v))
        constants[key] = name
        return name
    }

    /// A float initializer of one repeated value, shared by equal contents.
    mutating func floats(_ value: Float, dims: [Int]) -> String {
        let key = "f32\(dims)=\(value.bitPattern)"
        if let name = constants[key] { return name }
        let name = "const/float_\(constants.count)"
        onnx.initializer.append(.init(name: name, dims: dims, floats: Array(repeating: value, count: dims.reduce(1, *))))
        constants[key] = name
        return name
    }

    /// The inputs of a broadcasting op with output `id`, all in the output's layout.
    mutating func broadcastOperands(_ id: NodeID) throws -> [String] {
        try g[id].inputs.map { i in
            if batched[id] && !batched[i] && shape(i).first.map({ $0 != 1 }) == true {
                throw error(id, "operand \(i) '\(g[i].name)' \(g[i].type) has a fixed first dimension, so the export would fix the batch size")
            }
            guard isNCHW(id) && !isNCHW(i) else { return values[i]! }
            return emit("Transpose", [values[i]!], for: id, step: "nchw_\(i)", [.ints("perm", Self.toNCHW)])
        }
    }

    // MARK: one node

    mutating func translate(_ id: NodeID) throws {
        let node = g[id]
        let x = node.inputs.first.flatMap { values[$0] } ?? ""
        let in0 = node.inputs.first ?? id
        switch node.op {
        case .input:
            let s = shape(id)
            guard node.name == "images", s.count == 4, s[3] == 3, node.type.dtype == .f32 else {
                throw error(id, "the only graph input an export supports is 'images' f32 (N,H,W,3)")
            }
            values[id] = "input"
            onnx.input.append(.init(name: "input", shape: [.param("batch"), .value(3), .value(Int64(s[1])), .value(Int64(s[2]))]))
        case .state(let kind):
            guard kind == .parameter || kind == .buffer else { throw error(id, "only parameters and buffers can be exported") }
            let v = try weights(node.name)
            guard v.count == node.type.count else {
                throw error(id, "the state holds \(v.count) values, the model needs \(node.type.count) (shape \(node.type.shape))")
            }
            onnx.initializer.append(.init(name: node.name, dims: node.type.shape, floats: v))
            values[id] = node.name
        case .constant(let v):
            values[id] = floats(v, dims: node.type.shape)

        case .conv2d(let a):
            let k = shape(node.inputs[1])
            guard isNCHW(in0), k.count == 4, !batched[node.inputs[1]] else {
                throw error(id, "needs a batched 4-D input and a fixed OIHW weight")
            }
            emit("Conv", [x, values[node.inputs[1]]!], for: id, [
                .ints("kernel_shape", [k[2], k[3]]), .ints("strides", [a.stride, a.stride]),
                .ints("pads", Array(repeating: a.padding, count: 4)), .ints("dilations", [1, 1]), .int("group", a.groups)])
        case .batchNormEval(let eps):
            guard isNCHW(in0) || shape(in0).count == 2 else {
                throw error(id, "BatchNormalization needs the channel at ONNX axis 1 (a batched NCHW or (N, C) value)")
            }
            emit("BatchNormalization", node.inputs.map { values[$0]! }, for: id, [.float("epsilon", eps)])
        case .linear:
            guard shape(in0).count == 2, !batched[node.inputs[1]] else { throw error(id, "needs (N, C) input and a fixed weight") }
            emit("Gemm", node.inputs.map { values[$0]! }, for: id, [.int("transB", 1)])
        case .matmul(let ta, let tb):
            guard !(batched[in0] && ta), !batched[node.inputs[1]] else {
                throw error(id, "a transposed batched operand would move the batch dimension")
            }
            emit("Gemm", node.inputs.map { values[$0]! }, for: id, [.int("transA", ta ? 1 : 0), .int("transB", tb ? 1 : 0)])

        case .unary(.silu):
            let s = emit("Sigmoid", [x], for: id, step: "sigmoid")
            emit("Mul", [x, s], for: id)
        case .unary(.sigmoid): emit("Sigmoid", [x], for: id)
        case .unary(.relu): emit("Relu", [x], for: id)
        case .add: emit("Add", try broadcastOperands(id), for: id)
        case .mul: emit("Mul", try broadcastOperands(id), for: id)
        case .addN: emit("Sum", try broadcastOperands(id), for: id)
        case .scale(let k): emit("Mul", [x, floats(k, dims: [])], for: id)
        case .dropout, .stochasticDepth:
            values[id] = x  // the identity at inference

        case .reduce(let kind, let axes):
            if batched[in0] && axes.contains(0) { throw error(id, "reduces over the batch dimension") }
            let onnxAxes = axes.map { onnxAxis($0, of: in0) }.sorted()
            switch (kind, isNCHW(in0) && onnxAxes == [2, 3]) {
            case (.mean, true): emit("GlobalAveragePool", [x], for: id)
            case (.max, true): emit("GlobalMaxPool", [x], for: id)
            case (.mean, false): emit("ReduceMean", [x], for: id, [.ints("axes", onnxAxes), .int("keepdims", 1)])
            case (.max, false): emit("ReduceMax", [x], for: id, [.ints("axes", onnxAxes), .int("keepdims", 1)])
            case (.sumSquares, _): emit("ReduceSumSquare", [x], for: id, [.ints("axes", onnxAxes), .int("keepdims", 1)])
            case (.sum, _): emit("ReduceSum", [x, int64s(onnxAxes.map(Int64.init))], for: id, [.int("keepdims", 1)])
            }
        case .reshape:
            try reshape(id)
        case .expand:
            emit("Expand", [x, int64s(shapeOperand(id, batchAs: 1))], for: id)
        case .concat(let axis):
            guard node.inputs.allSatisfy({ batched[$0] == batched[id] }), !(batched[id] && axis == 0) else {
                throw error(id, "concatenates batched with fixed values, or along the batch")
            }
            emit("Concat", try broadcastOperands(id), for: id, [.int("axis", onnxAxis(axis, of: id))])
        case .slice(let axis, let start):
            if batched[id] && axis == 0 { throw error(id, "slices the batch dimension") }
            let a = Int64(onnxAxis(axis, of: id)), s = Int64(start), n = Int64(shape(id)[axis])
            emit("Slice", [x, int64s([s]), int64s([s + n]), int64s([a])], for: id)
        case .softmax:
            if batched[id] && shape(id).count < 2 { throw error(id, "a softmax over the batch dimension") }
            emit("Softmax", [x], for: id, [.int("axis", onnxAxis(shape(id).count - 1, of: id))])

        case .conv2dBackwardInput, .conv2dBackwardWeight, .batchNormStats, .batchNormTrain,
             .batchNormBackwardReduce, .batchNormBackwardInput, .batchNormEvalBackward, .runningStatUpdate,
             .batchNormFoldWeight, .batchNormFoldBias, .unaryBackward, .dropoutBackward,
             .stochasticDepthBackward, .reduceMaxBackward, .softmaxBackward, .focalLoss, .focalLossBackward,
             .clipCoefficient, .adamMoment, .adamWUpdate, .emaUpdate:
            throw error(id, "a training op; only eval graphs can be exported to ONNX")
        }
    }

    /// IR reshape (row-major in IR axis order) in ONNX.
    ///
    /// When both values keep their non-unit axes in IR order (e.g. N,1,1,C NHWC = N,C,1,1 NCHW
    /// -> N,C), the elements are in the same order and one Reshape does; otherwise
    /// Transpose to NHWC, Reshape, Transpose back to NCHW.
    mutating func reshape(_ id: NodeID) throws {
        let in0 = g[id].inputs[0]
        let (from, to) = (shape(in0), shape(id))
        if batched[id] && (from.first != to.first || to.isEmpty) {
            throw error(id, "changes the batch dimension (\(from) -> \(to))")
        }
        func keepsOrder(_ v: NodeID) -> Bool {
            let axes = perm(v).filter { $0 == 0 || shape(v)[$0] != 1 }
            return axes == axes.sorted()
        }
        if keepsOrder(in0) && keepsOrder(id) {
            emit("Reshape", [values[in0]!, int64s(shapeOperand(id, batchAs: 0))], for: id)
            return
        }
        var x = values[in0]!
        if isNCHW(in0) { x = emit("Transpose", [x], for: id, step: "nhwc", [.ints("perm", Self.toNHWC)]) }
        var target = to.map(Int64.init)
        if batched[id] { target[0] = 0 }
        guard isNCHW(id) else { emit("Reshape", [x, int64s(target)], for: id); return }
        x = emit("Reshape", [x, int64s(target)], for: id, step: "reshape")
        emit("Transpose", [x], for: id, [.ints("perm", Self.toNCHW)])
    }
}
