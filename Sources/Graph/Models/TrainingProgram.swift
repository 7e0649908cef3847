/// The graphs of one phase: what the compiled program runs.
///
/// - `step`: one micro-batch. Inputs `images` (N,H,W,3), `labels` i32 (N), `seed` i32 (1).
///   Forward in training mode (frozen modules in eval mode), the loss, the backward pass, and
///   assignments: each trainable parameter's gradient accumulator `+=` its gradient; BatchNorm
///   running statistics updated. Outputs `loss`, `logits`.
/// - `update`: one optimizer step over the accumulated gradients. Inputs `optimizer.hyper`
///   (`Hyper` slots) and `optimizer.bias_correction` (groups,2). Global-norm clipping, AdamW,
///   gradient accumulators reset to 0, EMA of every parameter and buffer.
/// - `eval`: inference (every BatchNorm on running statistics, no dropout). Input `images`;
///   outputs `logits`, `probabilities`.
public struct TrainingProgram: Sendable {
    public var config: ModelConfig
    public var phase: Phase
    public var loss: LossAttrs
    public var step: Graph
    public var update: Graph
    public var eval: Graph
    /// Names of the parameters trained in this phase, in graph order.
    public var trainable: [String]

    /// `unfreezing` lists the four phases of the run (the recipe's, or the configuration's
    /// fractions); it decides each parameter's AdamW step-count group.
    public init(config: ModelConfig, phase: Phase, loss: LossAttrs = .recipe,
                unfreezing: [Phase] = Phase.recipe) throws(GraphError) {
        guard unfreezing.count == Phase.recipe.count else {
            throw .invalidConfiguration("unfreezing needs the \(Phase.recipe.count) phases, got \(unfreezing.count)")
        }
        try config.validate()
        guard loss.alpha.count == config.classes else {
            throw .invalidConfiguration("focal alpha has \(loss.alpha.count) values for \(config.classes) classes")
        }
        self.config = config; self.phase = phase; self.loss = loss
        (step, trainable) = Self.buildStep(config, phase, loss)
        update = Self.buildUpdate(config, trainable: Set(trainable), unfreezing: unfreezing)
        eval = Self.buildEval(config)
    }

    /// The inference graph alone.
    public static func buildEval(_ config: ModelConfig) -> Graph {
        let b = GraphBuilder()
        let images = b.input("images", TensorType([config.batch, config.imageSize, config.imageSize, 3]))
        let logits = ModelBuilder(b, config: config, featureMode: { _ in .eval }, headMode: .eval).forward(images)
        b.output("logits", logits)
        b.output("probabilities", b.named("softmax") { b.softmax(logits) })
        return b.graph
    }

    static func buildStep(_ config: ModelConfig, _ phase: Phase, _ loss: LossAttrs) -> (Graph, [String]) {
        let b = GraphBuilder()
        let first = phase.firstTrainableFeature(of: config.backbone.featureModules)
        let n = config.batch
        let images = b.input("images", TensorType([n, config.imageSize, config.imageSize, 3]))
        let labels = b.input("labels", TensorType([n], .i32))
        let model = ModelBuilder(b, config: config, featureMode: { $0 >= first ? .train : .eval }, headMode: .train)
        let logits = model.forward(images)
        let l = b.named("loss") { b.add(.focalLoss(loss), [logits, labels]) }
        b.output("loss", l)
        b.output("logits", logits)
        let params = b.graph.states(.parameter).filter { config.isTrainable(b.graph.nodes[$0].name, in: phase) }
        let grads = Backward.append(to: b, loss: l, parameters: params)
        for p in params {
            let name = b.graph.nodes[p].name
            guard let g = grads[p] else { preconditionFailure("\(name) is trainable but does not reach the loss") }
            b.named(name) {
                let acc = b.state(.gradient, "", b.shape(p))
                b.assign(acc, b.add(acc, g))
            }
        }
        return (b.graph, params.map { b.graph.nodes[$0].name })
    }

    /// The optimizer step. It declares the parameters and buffers of the step graph again, by name.
    static func buildUpdate(_ config: ModelConfig, trainable: Set<String>, unfreezing: [Phase]) -> Graph {
        let b = GraphBuilder()
        let hyper = b.input("optimizer.hyper", TensorType([Hyper.count]))
        let biasCorrection = b.input("optimizer.bias_correction", TensorType([Phase.recipe.count, 2]))
        // All parameters and buffers of the full model (frozen ones too: the EMA covers them).
        let all = TrainingProgram.buildEval(config)
        var params: [(name: String, node: NodeID, acc: NodeID?)] = []
        for id in all.nodes.indices {
            guard case .state(let kind) = all.nodes[id].op, kind == .parameter || kind == .buffer else { continue }
            let node = all.nodes[id]
            let p = b.named(node.name) { b.state(kind, "", node.type.shape) }
            let acc = kind == .parameter && trainable.contains(node.name) ? b.named(node.name) { b.state(.gradient, "", node.type.shape) } : nil
            params.append((node.name, p, acc))
        }
        // Global gradient norm over every accumulated gradient, as torch.nn.utils.clip_grad_norm_.
        let squares = params.compactMap { entry -> NodeID? in
            guard let acc = entry.acc else { return nil }
            return b.named(entry.name) {
                b.reshape(b.reduce(.sumSquares, acc, axes: Array(0..<b.shape(acc).count)), [])
            }
        }
        let coefficient = b.named("optimizer") { b.add(.clipCoefficient, [b.sum(squares), hyper]) }
        for entry in params {
            var value = entry.node
            if let acc = entry.acc {
                b.named(entry.name) {
                    let shape = b.shape(entry.node)
                    let m = b.state(.adamM, "", shape), v = b.state(.adamV, "", shape)
                    let attrs = AdamAttrs(group: config.adamGroup(entry.name, unfreezing: unfreezing))
                    let m1 = b.add(.adamMoment(beta: attrs.beta1, squared: false), [m, acc, coefficient])
                    let v1 = b.add(.adamMoment(beta: attrs.beta2, squared: true), [v, acc, coefficient])
                    value = b.add(.adamWUpdate(attrs), [entry.node, m1, v1, hyper, biasCorrection])
                    b.assign(m, m1); b.assign(v, v1); b.assign(entry.node, value)
                    b.assign(acc, b.constant(0, shape))
                }
            }
            b.named(entry.name) {
                let e = b.state(.ema, "", b.shape(entry.node))
                b.assign(e, b.add(.emaUpdate, [e, value, hyper]))
            }
        }
        return b.graph
    }
}
