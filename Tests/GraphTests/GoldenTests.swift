import Foundation
import XCTest
@testable import Graph

/// The reference interpreter (Double) against PyTorch (float32) on the golden fixtures of
/// `tools/make_golden_fixtures.py` (see `tools/README.md` for what each file holds).
///
/// Input gradients come from treating the input as a parameter and differentiating
/// `loss = Σ y·dy` with PyTorch's stored upstream gradient `dy`, which is what the fixtures store
/// (`(y * dy).sum().backward()`).
final class GoldenTests: XCTestCase {
    // MARK: helpers

    /// A config for `ModelBuilder` when a test builds single layers with it.
    static let layerConfig = ModelConfig(variant: .tiny, classes: 3, imageSize: 32, batch: 2,
                                         head: .torchvision, stochasticDepthProb: 0)

    /// A layer under test: `y` computed from states, differentiated through `Σ y·dy` (dy fed as
    /// the input `dy`) with respect to the parameters named in `wrt` (nil: every parameter).
    struct Probe {
        let graph: Graph
        /// Outputs: `y`, and `grad.<name>` for each differentiated parameter.
        func run(dy: Tensor, state: [String: Tensor], buffers: [String: Tensor] = [:],
                 inputs: [String: Tensor] = [:]) throws -> Interpreter.Result {
            var s: [StateKey: Tensor] = [:]
            for (k, v) in state { s[StateKey(.parameter, k)] = v }
            for (k, v) in buffers { s[StateKey(.buffer, k)] = v }
            var i = inputs
            i["dy"] = dy
            return try Interpreter.run(graph, inputs: i, state: s)
        }
    }

    static func probe(wrt: Set<String>? = nil, _ body: (GraphBuilder) -> NodeID) -> Probe {
        let b = GraphBuilder()
        let y = body(b)
        let dy = b.input("dy", b.type(y))
        let rank = b.shape(y).count
        let total = b.named("probe_loss") { b.reshape(b.reduce(.sum, b.mul(y, dy), axes: Array(0..<rank)), []) }
        let params = b.graph.states(.parameter).filter { wrt?.contains(b.graph.nodes[$0].name) ?? true }
        let grads = Backward.append(to: b, loss: total, parameters: params)
        b.output("y", y)
        for p in params {
            let name = b.graph.nodes[p].name
            guard let g = grads[p] else { preconditionFailure("\(name) does not reach y") }
            b.output("grad.\(name)", g)
        }
        return Probe(graph: b.graph)
    }

    private func out(_ r: Interpreter.Result, _ name: String) throws -> Tensor {
        guard let t = r.outputs[name] else { throw FixtureError("no output '\(name)'; has \(r.outputs.keys.sorted())") }
        return t
    }

    private func state(_ r: Interpreter.Result, _ kind: StateKind, _ name: String) throws -> Tensor {
        guard let t = r.state[StateKey(kind, name)] else { throw FixtureError("no state \(kind.rawValue) '\(name)' after the run") }
        return t
    }

    // MARK: 0. the fixture format

    func testFixtureFormatVersionIsChecked() throws {
        for name in ["adamw", "batchnorm", "conv", "focal", "se", "silu", "tiny_breastai", "tiny_plain"] {
            let f = try Fixture(name)
            XCTAssertEqual(f.file.metadata["format_version"], Fixture.formatVersion, name)
        }
        XCTAssertThrowsError(try Fixture.checkFormat(["format_version": "2"], path: "x.safetensors")) { error in
            XCTAssertTrue("\(error)".contains("format_version is \"2\""), "\(error)")
        }
        XCTAssertThrowsError(try Fixture.checkFormat([:], path: "x.safetensors")) { error in
            XCTAssertTrue("\(error)".contains("no format_version"), "\(error)")
        }
    }

    func testLayoutRoundTrip() {
        let t = Tensor(shape: [2, 3, 4, 5], scalars: (0..<120).map(Double.init))
        let nhwc = FixtureLayout.nchwToNHWC(t)
        XCTAssertEqual(nhwc.shape, [2, 4, 5, 3])
        // element (n=1, c=2, h=3, w=4) of NCHW is at (1, 3, 4, 2) in NHWC
        let nhwcIndex: Int = ((1 * 4 + 3) * 5 + 4) * 3 + 2
        let nchwIndex: Int = ((1 * 3 + 2) * 4 + 3) * 5 + 4
        XCTAssertEqual(nhwc.scalars[nhwcIndex], t.scalars[nchwIndex])
        XCTAssertEqual(FixtureLayout.nhwcToNCHW(nhwc), t)
    }

    // MARK: 1. convolution

    func testConvolution() throws {
        let f = try Fixture("conv")
        guard let cases = try f.metadataJSON("cases") as? [String: [String: Int]] else {
            throw FixtureError("conv: metadata 'cases' is not {case: {attr: int}}")
        }
        XCTAssertEqual(Set(cases.keys), ["dense_s1", "dense_s2", "dw_s1", "dw_s2", "pw", "k7"])
        for name in cases.keys.sorted() {
            let c = cases[name]!
            let (stride, padding, groups, kernel) = (c["stride"]!, c["padding"]!, c["groups"]!, c["kernel"]!)
            let x = try f.activation("\(name).x"), w = try f.tensor("\(name).w")
            XCTAssertEqual(Array(w.shape[2...]), [kernel, kernel], name)
            print("conv \(name): x \(x.shape) w \(w.shape) stride \(stride) padding \(padding) groups \(groups)")
            let p = Self.probe { b in
                b.conv2d(b.parameter("x", x.shape), b.parameter("w", w.shape), stride: stride, padding: padding, groups: groups)
            }
            let r = try p.run(dy: try f.activation("\(name).dy"), state: ["x": x, "w": w])
            assertGoldenClose("conv.\(name).y", try out(r, "y"), try f.activation("\(name).y"))
            assertGoldenClose("conv.\(name).dx", try out(r, "grad.x"), try f.activation("\(name).dx"))
            assertGoldenClose("conv.\(name).dw", try out(r, "grad.w"), try f.tensor("\(name).dw"))
        }
    }

    // MARK: 2. batch normalization

    /// Training mode as `ModelBuilder.batchNorm` builds it (batchNormStats, batchNormTrain, two
    /// runningStatUpdate assignments with momentum 0.1 and count N·H·W), then eval mode.
    private func checkBatchNorm(_ f: Fixture, prefix: String, eps: Float, label: String) throws {
        let x = try f.activation(prefix + "x")
        let params = ["x": x, "weight": try f.tensor(prefix + "weight"), "bias": try f.tensor(prefix + "bias")]
        let buffers = ["running_mean": try f.tensor(prefix + "running_mean"), "running_var": try f.tensor(prefix + "running_var")]
        let dy = try f.activation(prefix + "dy")

        let train = Self.probe { b in
            let m = ModelBuilder(b, config: Self.layerConfig, featureMode: { _ in .train }, headMode: .train)
            return m.batchNorm(b.parameter("x", x.shape), eps: eps)
        }
        // The ops and attributes the brief pins down.
        let count = x.count / x.shape.last!
        let updates = train.graph.nodes.compactMap { n -> RunningStatAttrs? in
            if case .runningStatUpdate(let a) = n.op { return a } else { return nil }
        }
        XCTAssertEqual(updates.map(\.row).sorted(), [0, 1], label)
        XCTAssertTrue(updates.allSatisfy { $0.count == count && $0.momentum == 0.1 }, "\(label): \(updates)")
        XCTAssertTrue(train.graph.nodes.contains { $0.op == .batchNormStats }, label)

        let r = try train.run(dy: dy, state: params, buffers: buffers)
        assertGoldenClose("\(label).y", try out(r, "y"), try f.activation(prefix + "y"))
        assertGoldenClose("\(label).dx", try out(r, "grad.x"), try f.activation(prefix + "dx"))
        assertGoldenClose("\(label).dweight", try out(r, "grad.weight"), try f.tensor(prefix + "dweight"))
        assertGoldenClose("\(label).dbias", try out(r, "grad.bias"), try f.tensor(prefix + "dbias"))
        assertGoldenClose("\(label).new_running_mean", try state(r, .buffer, "running_mean"), try f.tensor(prefix + "new_running_mean"), .runningStats)
        assertGoldenClose("\(label).new_running_var", try state(r, .buffer, "running_var"), try f.tensor(prefix + "new_running_var"), .runningStats)

        // Eval mode: running statistics; weight and bias are frozen there (no gradient rule for them).
        let eval = Self.probe(wrt: ["x"]) { b in
            let m = ModelBuilder(b, config: Self.layerConfig, featureMode: { _ in .eval }, headMode: .eval)
            return m.batchNorm(b.parameter("x", x.shape), eps: eps)
        }
        XCTAssertTrue(eval.graph.assignments.isEmpty, "\(label): eval mode must not update running statistics")
        let e = try eval.run(dy: dy, state: params, buffers: buffers)
        assertGoldenClose("\(label).eval_y", try out(e, "y"), try f.activation(prefix + "eval_y"))
        assertGoldenClose("\(label).eval_dx", try out(e, "grad.x"), try f.activation(prefix + "eval_dx"))
    }

    func testBatchNorm2d() throws {
        let f = try Fixture("batchnorm")
        let eps = Float(try f.metadataJSON("eps") as? Double ?? .nan)
        XCTAssertEqual(eps, 1e-3)
        XCTAssertEqual(try f.metadataJSON("momentum") as? Double, 0.1)
        XCTAssertEqual(try f.tensor("x").shape, [3, 5, 4, 4])
        try checkBatchNorm(f, prefix: "", eps: eps, label: "bn2d")
    }

    func testBatchNorm1d() throws {
        let f = try Fixture("batchnorm")
        let eps = Float(try f.metadataJSON("bn1d_eps") as? Double ?? .nan)
        XCTAssertEqual(eps, 1e-5)
        XCTAssertEqual(try f.tensor("bn1d.x").shape, [4, 6])
        try checkBatchNorm(f, prefix: "bn1d.", eps: eps, label: "bn1d")
    }

    // MARK: 3. activations

    func testActivations() throws {
        let f = try Fixture("silu")
        for (op, prefix) in [(UnaryOp.silu, ""), (.sigmoid, "sigmoid."), (.relu, "relu.")] {
            let x = try f.tensor(prefix + "x")
            let p = Self.probe { b in b.unary(op, b.parameter("x", x.shape)) }
            let r = try p.run(dy: try f.tensor(prefix + "dy"), state: ["x": x])
            assertGoldenClose("\(op.rawValue).y", try out(r, "y"), try f.tensor(prefix + "y"))
            assertGoldenClose("\(op.rawValue).dx", try out(r, "grad.x"), try f.tensor(prefix + "dx"))
        }
    }

    // MARK: 4. squeeze-excitation

    func testSqueezeExcitation() throws {
        let f = try Fixture("se")
        let x = try f.activation("x")
        let w1 = try f.tensor("fc1.weight"), w2 = try f.tensor("fc2.weight")
        XCTAssertEqual(w1.shape, [2, 8, 1, 1])
        XCTAssertEqual(w2.shape, [8, 2, 1, 1])
        let p = Self.probe { b in
            let m = ModelBuilder(b, config: Self.layerConfig, featureMode: { _ in .train }, headMode: .train)
            return m.squeezeExcitation(b.parameter("x", x.shape), squeeze: w1.shape[0])
        }
        // The builder names the parameters as torchvision does.
        let names = Set(p.graph.states(.parameter).map { p.graph.nodes[$0].name })
        XCTAssertEqual(names, ["x", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"])
        let r = try p.run(dy: try f.activation("dy"), state: [
            "x": x, "fc1.weight": w1, "fc1.bias": try f.tensor("fc1.bias"),
            "fc2.weight": w2, "fc2.bias": try f.tensor("fc2.bias"),
        ])
        assertGoldenClose("se.y", try out(r, "y"), try f.activation("y"))
        assertGoldenClose("se.dx", try out(r, "grad.x"), try f.activation("dx"))
        for k in ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"] {
            assertGoldenClose("se.grad.\(k)", try out(r, "grad.\(k)"), try f.tensor("grad.\(k)"))
        }
    }

    // MARK: 5. focal loss

    func testFocalLoss() throws {
        let f = try Fixture("focal")
        guard let cases = try f.metadataJSON("cases") as? [String: [String: Any]] else {
            throw FixtureError("focal: metadata 'cases' is not {case: {...}}")
        }
        XCTAssertEqual(Set(cases.keys), ["focal", "focal_weighted", "ce_smooth", "focal_nosmooth"])
        for name in cases.keys.sorted() {
            let c = cases[name]!
            let gamma = Float(c["gamma"] as! Double), eps = Float(c["eps"] as! Double)
            let alpha = try f.tensor("\(name).alpha").floats
            let weights = try f.tensor("\(name).class_weights").floats
            XCTAssertEqual(alpha, (c["alpha"] as! [Double]).map(Float.init), name)
            XCTAssertEqual(c["weighted"] as? Bool, weights != [1, 1, 1], name)
            let attrs = LossAttrs(alpha: alpha, gamma: gamma, smoothing: eps, classWeights: weights)
            let z = try f.tensor("\(name).logits"), labels = try f.labels("\(name).labels")

            let b = GraphBuilder()
            let zn = b.parameter("logits", z.shape)
            let ln = b.input("labels", TensorType(labels.shape, .i32))
            let loss = b.add(.focalLoss(attrs), [zn, ln])
            let grads = Backward.append(to: b, loss: loss, parameters: [zn])
            b.output("loss", loss)
            b.output("dlogits", grads[zn]!)
            let r = try Interpreter.run(b.graph, inputs: ["labels": labels], state: [StateKey(.parameter, "logits"): z])
            print("focal \(name): gamma \(gamma) eps \(eps) alpha \(alpha) weights \(weights)")
            assertGoldenClose("focal.\(name).loss", try out(r, "loss"), try f.tensor("\(name).loss"))
            assertGoldenClose("focal.\(name).dlogits", try out(r, "dlogits"), try f.tensor("\(name).dlogits"))
        }
    }

    // MARK: 6. AdamW

    /// Three AdamW steps with the update ops wired as `TrainingProgram.buildUpdate` wires them
    /// (no clipping, gradScale 1), against `torch.optim.AdamW`.
    func testAdamW() throws {
        let f = try Fixture("adamw")
        let p0 = try f.tensor("p0")
        let shape = p0.shape
        let (lr, wd): (Float, Float) = (1e-2, 0.1)
        XCTAssertEqual(try f.metadataJSON("lr") as? Double, 1e-2)
        XCTAssertEqual(try f.metadataJSON("weight_decay") as? Double, 0.1)
        XCTAssertEqual(try f.metadataJSON("eps") as? Double, 1e-8)

        let b = GraphBuilder()
        let hyper = b.input("optimizer.hyper", TensorType([Hyper.count]))
        let biasCorrection = b.input("optimizer.bias_correction", TensorType([Phase.recipe.count, 2]))
        let p = b.named("p") { b.state(.parameter, "", shape) }
        let acc = b.named("p") { b.state(.gradient, "", shape) }
        let square = b.named("p") { b.reshape(b.reduce(.sumSquares, acc, axes: Array(0..<shape.count)), []) }
        let coefficient = b.named("optimizer") { b.add(.clipCoefficient, [b.sum([square]), hyper]) }
        b.named("p") {
            let m = b.state(.adamM, "", shape), v = b.state(.adamV, "", shape)
            let attrs = AdamAttrs(beta1: 0.9, beta2: 0.999, eps: 1e-8, group: 0)
            let m1 = b.add(.adamMoment(beta: attrs.beta1, squared: false), [m, acc, coefficient])
            let v1 = b.add(.adamMoment(beta: attrs.beta2, squared: true), [v, acc, coefficient])
            let value = b.add(.adamWUpdate(attrs), [p, m1, v1, hyper, biasCorrection])
            b.assign(m, m1); b.assign(v, v1); b.assign(p, value)
            b.assign(acc, b.constant(0, shape))
        }
        var h = [Double](repeating: 0, count: Hyper.count)
        h[Hyper.learningRate.rawValue] = Double(lr)     // the runtime feeds f32
        h[Hyper.weightDecay.rawValue] = Double(wd)
        h[Hyper.gradScale.rawValue] = 1
        h[Hyper.maxGradNorm.rawValue] = 0

        var s: [StateKey: Tensor] = [
            StateKey(.parameter, "p"): p0, StateKey(.adamM, "p"): Tensor(zeros: shape),
            StateKey(.adamV, "p"): Tensor(zeros: shape),
        ]
        for t in 1...3 {
            s[StateKey(.gradient, "p")] = try f.tensor("g\(t)")
            var bc = [Double](repeating: 1, count: Phase.recipe.count * 2)
            bc[0] = 1 - pow(Double(Float(0.9)), Double(t))
            bc[1] = 1 - pow(Double(Float(0.999)), Double(t))
            let r = try Interpreter.run(b.graph, inputs: [
                "optimizer.hyper": Tensor(shape: [Hyper.count], scalars: h),
                "optimizer.bias_correction": Tensor(shape: [Phase.recipe.count, 2], scalars: bc),
            ], state: s)
            s = r.state
            assertGoldenClose("adamw.p\(t)", try state(r, .parameter, "p"), try f.tensor("p\(t)"))
            XCTAssertEqual(try state(r, .gradient, "p"), Tensor(zeros: shape), "the accumulator is reset")
        }
        assertGoldenClose("adamw.exp_avg", s[StateKey(.adamM, "p")]!, try f.tensor("exp_avg"))
        assertGoldenClose("adamw.exp_avg_sq", s[StateKey(.adamV, "p")]!, try f.tensor("exp_avg_sq"))
    }

    // MARK: 7. the tiny networks

    /// Tensors of a tiny fixture that are not state-dict entries.
    static let tinyExtras: Set<String> = ["input", "labels", "logits", "loss", "eval_logits"]

    /// The fixtures' networks: dropout 0 and stochastic depth 0. The BreastAI head takes its
    /// dropout from `HeadKind`, but torchvision's `classifier.0` Dropout comes from
    /// `BackboneSpec.dropout` (0.2 for `.tiny`), which `ModelConfig.init` cannot override, so it
    /// is zeroed through `backbone` here.
    static func tinyConfig(_ head: HeadKind) -> ModelConfig {
        var config = ModelConfig(variant: .tiny, classes: 3, imageSize: 32, batch: 4, head: head, stochasticDepthProb: 0)
        config.backbone.dropout = 0
        return config
    }

    static let tinyLoss = LossAttrs(alpha: [0.25, 0.5, 0.25], gamma: 2.5, smoothing: 0.12)

    /// The state a graph reads, from the fixture: parameters and buffers as stored (weights keep
    /// PyTorch's layout in the IR), gradient accumulators zero.
    private func tinyState(_ f: Fixture, for graph: Graph) throws -> [StateKey: Tensor] {
        var s: [StateKey: Tensor] = [:]
        for id in graph.nodes.indices {
            guard case .state(let kind) = graph.nodes[id].op else { continue }
            let node = graph.nodes[id]
            switch kind {
            case .parameter, .buffer:
                let t = try f.tensor(node.name)
                XCTAssertEqual(t.shape, node.type.shape, "\(f.name): shape of \(node.name)")
                s[StateKey(kind, node.name)] = t
            case .gradient:
                s[StateKey(kind, node.name)] = Tensor(zeros: node.type.shape)
            default:
                XCTFail("\(f.name): unexpected state \(kind.rawValue) \(node.name) in a step/eval graph")
            }
        }
        return s
    }

    /// The fixtures run with dropout and stochastic depth 0: a training graph must contain no
    /// active random op. This reports any as a failure and returns the graph with their p set to
    /// 0 (keep everything, scale 1), so the remaining comparisons still say something.
    private func requireNoDropout(_ graph: Graph, _ label: String, file: StaticString = #filePath, line: UInt = #line) -> Graph {
        var g = graph
        var active: [String] = []
        for id in g.nodes.indices {
            switch g.nodes[id].op {
            case .dropout(let a) where a.p > 0:
                active.append("\(g.nodes[id].name) (p \(a.p))")
                g.nodes[id].op = .dropout(RandomAttrs(p: 0, salt: a.salt))
            case .dropoutBackward(let a) where a.p > 0:
                g.nodes[id].op = .dropoutBackward(RandomAttrs(p: 0, salt: a.salt))
            case .stochasticDepth(let a) where a.p > 0:
                active.append("\(g.nodes[id].name) stochastic depth (p \(a.p))")
                g.nodes[id].op = .stochasticDepth(RandomAttrs(p: 0, salt: a.salt))
            case .stochasticDepthBackward(let a) where a.p > 0:
                g.nodes[id].op = .stochasticDepthBackward(RandomAttrs(p: 0, salt: a.salt))
            default: break
            }
        }
        if !active.isEmpty {
            XCTFail("\(label): the fixture runs without dropout or stochastic depth, but the graph drops at "
                    + "\(active.joined(separator: ", ")); comparing with those ops neutralised (p = 0)", file: file, line: line)
        }
        return g
    }

    private func checkTinyNetwork(_ fixtureName: String, head: HeadKind) throws {
        let f = try Fixture(fixtureName)
        let config = Self.tinyConfig(head)
        let start = Date()
        let program = try TrainingProgram(config: config, phase: Phase.recipe[3], loss: Self.tinyLoss)
        let step = requireNoDropout(program.step, fixtureName)

        // Names: the graph's parameters and buffers are exactly the fixture's state dict.
        let stateDict = Set(f.names.filter { !Self.tinyExtras.contains($0) && !$0.hasPrefix("grad.") && !$0.hasPrefix("after.") })
        let paramNames = Set(step.states(.parameter).map { step.nodes[$0].name })
        let bufferNames = Set(step.states(.buffer).map { step.nodes[$0].name })
        XCTAssertEqual(paramNames.union(bufferNames), stateDict, "\(fixtureName): graph state vs fixture state dict")
        XCTAssertEqual(paramNames.count + bufferNames.count, paramNames.union(bufferNames).count)
        let fixtureGrads = Set(f.names.filter { $0.hasPrefix("grad.") }.map { String($0.dropFirst(5)) })
        let fixtureAfter = Set(f.names.filter { $0.hasPrefix("after.") }.map { String($0.dropFirst(6)) })
        XCTAssertEqual(Set(program.trainable), fixtureGrads, "\(fixtureName): gradients vs fixture grad.*")
        XCTAssertEqual(paramNames, fixtureGrads, "\(fixtureName): every parameter trains in phase 4")
        XCTAssertEqual(bufferNames, fixtureAfter, "\(fixtureName): running statistics vs fixture after.*")
        let expectedParameters = Int(f.file.metadata["num_parameters"] ?? "") ?? -1
        let parameterCount = step.states(.parameter).reduce(0) { $0 + step.nodes[$1].type.count }
        XCTAssertEqual(parameterCount, expectedParameters, "\(fixtureName): parameter count")

        // The training step.
        let images = try f.activation("input")
        let labels = try f.labels("labels")
        let initial = try tinyState(f, for: step)
        let r = try Interpreter.run(step, inputs: ["images": images, "labels": labels,
                                                   "seed": Tensor(shape: [1], scalars: [0])], state: initial)
        print("\(fixtureName): step graph \(step.nodes.count) nodes, \(paramNames.count) parameters, \(bufferNames.count) buffers")
        var comparisons: [GoldenComparison?] = []
        comparisons.append(assertGoldenClose("\(fixtureName).logits", try out(r, "logits"), try f.tensor("logits")))
        comparisons.append(assertGoldenClose("\(fixtureName).loss", try out(r, "loss"), try f.tensor("loss")))
        for name in program.trainable.sorted() {
            comparisons.append(assertGoldenClose("\(fixtureName).grad.\(name)", try state(r, .gradient, name), try f.tensor("grad.\(name)")))
        }
        for name in bufferNames.sorted() {
            comparisons.append(assertGoldenClose("\(fixtureName).after.\(name)", try state(r, .buffer, name), try f.tensor("after.\(name)"), .runningStats))
        }

        // The eval graph (every BatchNorm on the initial running statistics).
        let evalState = try tinyState(f, for: program.eval)
        let e = try Interpreter.run(program.eval, inputs: ["images": images], state: evalState)
        comparisons.append(assertGoldenClose("\(fixtureName).eval_logits", try out(e, "logits"), try f.tensor("eval_logits")))

        let done = comparisons.compactMap { $0 }
        let worst = done.max { $0.worstRatio < $1.worstRatio }
        print("\(fixtureName): \(done.count) comparisons, \(done.filter(\.passed).count) pass; "
              + "largest max|diff| \(String(format: "%.2e", done.map(\.maxAbs).max() ?? 0)), "
              + "closest to tolerance: \(worst?.name ?? "-") (ratio \(String(format: "%.3f", worst?.worstRatio ?? 0))); "
              + String(format: "%.1f s", Date().timeIntervalSince(start)))
    }

    func testTinyPlain() throws {
        try checkTinyNetwork("tiny_plain", head: .torchvision)
    }

    func testTinyBreastAI() throws {
        try checkTinyNetwork("tiny_breastai", head: .breastAI(cbam: true, dropout: 0))
    }

    /// Phase 1 on `tiny_plain`: the whole backbone is frozen and runs BatchNorm on running
    /// statistics, and torchvision's head (avgpool, dropout 0, Linear) has no BatchNorm, so the
    /// step's forward pass is PyTorch's eval-mode forward: its logits must equal `eval_logits`.
    /// The classifier bias gradient is then Σ_n dL/dlogits at those logits, and the frozen
    /// backbone's running statistics must not move.
    ///
    /// (For `tiny_breastai` phase 1 has no PyTorch counterpart in the fixture: the head's
    /// BatchNorm1d trains on eval-mode backbone features PyTorch never computed.)
    func testTinyPlainPhase1MatchesEvalForward() throws {
        let f = try Fixture("tiny_plain")
        let program = try TrainingProgram(config: Self.tinyConfig(.torchvision), phase: Phase.recipe[0], loss: Self.tinyLoss)
        XCTAssertEqual(Set(program.trainable), ["classifier.1.weight", "classifier.1.bias"])
        let images = try f.activation("input"), labels = try f.labels("labels")
        let step = requireNoDropout(program.step, "tiny_plain phase 1")
        let initial = try tinyState(f, for: step)
        let r = try Interpreter.run(step, inputs: ["images": images, "labels": labels,
                                                           "seed": Tensor(shape: [1], scalars: [0])], state: initial)
        let evalLogits = try f.tensor("eval_logits")
        assertGoldenClose("tiny_plain.phase1.logits", try out(r, "logits"), evalLogits)

        // Expected loss and bias gradient from PyTorch's eval logits (focal loss checked above).
        let (loss, dlogits) = Kernels.focalLoss(evalLogits, labels: labels, Self.tinyLoss)
        assertGoldenClose("tiny_plain.phase1.loss", try out(r, "loss"), loss)
        let (n, k) = (dlogits.shape[0], dlogits.shape[1])
        let dbias = Tensor(shape: [k], scalars: (0..<k).map { j in (0..<n).reduce(0) { $0 + dlogits.scalars[$1 * k + j] } })
        assertGoldenClose("tiny_plain.phase1.grad.classifier.1.bias", try state(r, .gradient, "classifier.1.bias"), dbias)

        // Frozen BatchNorm: running statistics unchanged, no assignments to them.
        for id in step.states(.buffer) {
            let name = step.nodes[id].name
            XCTAssertEqual(r.state[StateKey(.buffer, name)], initial[StateKey(.buffer, name)], name)
        }
    }
}
