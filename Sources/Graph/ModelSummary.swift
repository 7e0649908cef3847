import Foundation

/// The figures `breastai-compile --summary` reports: sizes, op counts and FLOPs per phase.
public struct ModelSummary: Codable, Sendable {
    public struct PhaseSummary: Codable, Sendable {
        public var phase: Int
        public var trainableParameters: Int
        /// Trainable tensors (weights, biases) in the phase.
        public var trainableTensors: Int
        /// First trainable `features` module (= number of modules when the backbone is frozen).
        public var firstTrainableFeature: Int
        public var ops: OpCounts
        /// All FLOPs of one micro-batch step plus one optimizer step.
        public var flopsPerStep: Int
        /// Of which convolutions and matrix products (2 per multiply-accumulate).
        public var contractionFlopsPerStep: Int

        enum CodingKeys: String, CodingKey {
            case phase, ops
            case trainableParameters = "trainable_parameters", trainableTensors = "trainable_tensors"
            case firstTrainableFeature = "first_trainable_feature"
            case flopsPerStep = "flops_per_step", contractionFlopsPerStep = "contraction_flops_per_step"
        }
    }

    /// Compute nodes (leaves excluded) by part of the step.
    public struct OpCounts: Codable, Sendable {
        public var forward: Int
        public var backward: Int
        public var optimizer: Int
        public var total: Int { forward + backward + optimizer }
        enum CodingKeys: String, CodingKey { case forward, backward, optimizer, total }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(forward, forKey: .forward); try c.encode(backward, forKey: .backward)
            try c.encode(optimizer, forKey: .optimizer); try c.encode(total, forKey: .total)
        }
        public init(forward: Int, backward: Int, optimizer: Int) {
            self.forward = forward; self.backward = backward; self.optimizer = optimizer
        }
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            forward = try c.decode(Int.self, forKey: .forward); backward = try c.decode(Int.self, forKey: .backward)
            optimizer = try c.decode(Int.self, forKey: .optimizer)
        }
    }

    public var model: String
    public var architecture: String
    public var head: String
    public var imageSize: Int
    public var batch: Int
    public var classes: Int
    public var parameters: Int
    public var parameterTensors: Int
    public var bufferElements: Int
    /// Modules in `features` (stem, stages, head conv).
    public var featureModules: Int
    /// Convolution and matrix-product FLOPs of one image's forward pass (PyTorch's convention).
    public var forwardFlopsPerImage: Int
    /// Elementwise, normalisation and reduction FLOPs of one image's forward pass.
    public var forwardOtherFlopsPerImage: Int
    public var phases: [PhaseSummary]

    enum CodingKeys: String, CodingKey {
        case model, architecture, head, batch, classes, parameters, phases
        case imageSize = "image_size", featureModules = "feature_modules", parameterTensors = "parameter_tensors", bufferElements = "buffer_elements"
        case forwardFlopsPerImage = "forward_flops_per_image", forwardOtherFlopsPerImage = "forward_other_flops_per_image"
    }

    /// Builds every phase's graphs and measures them.
    public init(config: ModelConfig, phases: [Phase] = Phase.recipe, loss: LossAttrs? = nil) throws(GraphError) {
        try config.validate()
        let loss = loss ?? config.defaultLoss
        let eval = TrainingProgram.buildEval(config)
        let params = eval.states(.parameter).map { eval.nodes[$0] }
        model = config.variant.rawValue
        architecture = config.backbone.name
        head = config.head.summary
        imageSize = config.imageSize; batch = config.batch; classes = config.classes
        parameters = params.reduce(0) { $0 + $1.type.count }
        parameterTensors = params.count
        featureModules = config.backbone.featureModules
        bufferElements = eval.states(.buffer).reduce(0) { $0 + eval.nodes[$1].type.count }
        let cost = eval.totalCost
        forwardFlopsPerImage = cost.contractionFLOPs / config.batch
        forwardOtherFlopsPerImage = cost.otherFLOPs / config.batch
        self.phases = []
        for phase in phases {
            let program = try TrainingProgram(config: config, phase: phase, loss: loss)
            let lossNode = program.step.output("loss")!
            let computeStep = program.step.computeNodes
            let ops = OpCounts(forward: computeStep.filter { $0 <= lossNode }.count,
                               backward: computeStep.filter { $0 > lossNode }.count,
                               optimizer: program.update.computeNodes.count)
            let stepCost = program.step.totalCost + program.update.totalCost
            let trainable = Set(program.trainable)
            self.phases.append(PhaseSummary(
                phase: phase.number,
                trainableParameters: params.filter { trainable.contains($0.name) }.reduce(0) { $0 + $1.type.count },
                trainableTensors: trainable.count,
                firstTrainableFeature: phase.firstTrainableFeature(of: config.backbone.featureModules),
                ops: ops, flopsPerStep: stepCost.flops, contractionFlopsPerStep: stepCost.contractionFLOPs))
        }
    }

    /// The human-readable table.
    public var text: String {
        func g(_ x: Int) -> String { String(format: "%.2f G", Double(x) / 1e9) }
        func n(_ x: Int) -> String {
            let s = String(x)
            return String(s.reversed().enumerated().map { $0.offset > 0 && $0.offset % 3 == 0 ? ",\($0.element)" : "\($0.element)" }
                .joined().reversed())
        }
        var lines = [
            "model         \(architecture) (\(model)), head \(head)",
            "input         batch \(batch) x \(imageSize)x\(imageSize)x3 (NHWC), \(classes) classes",
            "parameters    \(n(parameters)) in \(parameterTensors) tensors; BatchNorm buffers \(n(bufferElements)) floats",
            "forward       \(g(forwardFlopsPerImage))FLOP per image in convolutions and matmuls (2 per MAC), "
                + "\(g(forwardOtherFlopsPerImage))FLOP other",
            "",
            "phase  first trainable  trainable params  tensors  ops fwd / bwd / opt     FLOP per step  (contractions)",
        ]
        func pad(_ s: String, _ w: Int, left: Bool = false) -> String {
            let fill = String(repeating: " ", count: max(0, w - s.count))
            return left ? s + fill : fill + s
        }
        for p in phases {
            let first = p.firstTrainableFeature < featureModules ? "features.\(p.firstTrainableFeature)" : "head only"
            lines.append([pad("\(p.phase)", 5), pad(first, 15, left: true), pad(n(p.trainableParameters), 16),
                          pad("\(p.trainableTensors)", 7),
                          pad("\(p.ops.forward)", 6) + " / " + pad("\(p.ops.backward)", 5) + " / " + pad("\(p.ops.optimizer)", 5),
                          pad(g(p.flopsPerStep), 13), " " + g(p.contractionFlopsPerStep)].joined(separator: "  "))
        }
        return lines.joined(separator: "\n")
    }
}
