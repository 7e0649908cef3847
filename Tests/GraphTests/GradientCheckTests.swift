import XCTest
@testable import Graph

/// Test-data helpers on the shared seeded generator.
extension SplitMix64 {
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func tensor(_ shape: [Int], _ lo: Double = -1, _ hi: Double = 1) -> Tensor {
        Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { _ in uniform(lo, hi) })
    }
    /// Values of magnitude in [lo, hi] with a random sign: keeps ReLU away from its kink.
    mutating func awayFromZero(_ shape: [Int], _ lo: Double = 0.05, _ hi: Double = 1) -> Tensor {
        Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { _ in
            (next() & 1 == 0 ? 1 : -1) * uniform(lo, hi)
        })
    }
    /// Pairwise distinct values (a shuffled ladder with step 0.05), so a max has a unique argmax
    /// that a finite-difference step of 1e-5 cannot change.
    mutating func distinct(_ shape: [Int]) -> Tensor {
        let n = shape.reduce(1, *)
        var v = (0..<n).map { (Double($0) - Double(n) / 2) * 0.05 + 0.01 }
        for i in stride(from: n - 1, to: 0, by: -1) { v.swapAt(i, int(i + 1)) }
        return Tensor(shape: shape, scalars: v)
    }
}

/// Element-wise comparison of the autodiff gradients of a small graph against central finite
/// differences.
struct GradientCheckReport {
    var label: String
    var checked = 0
    /// max |analytic - numeric| over every checked element.
    var maxAbsDiff = 0.0
    /// max |analytic - numeric| / max(|analytic|, |numeric|) over elements with a gradient of at
    /// least 1e-3 (where the relative part of the tolerance governs).
    var maxRelDiff = 0.0
    var failures: [String] = []
    /// Tensors whose numeric gradient was zero everywhere it was checked (a vacuous check).
    var allZero: [String] = []
}

/// Per-op finite-difference checks of every derivative rule in `Autodiff/Gradient.swift`.
///
/// Each test builds y = op(parameters...) with `GraphBuilder`, forms L = Σ y·R for a fixed random R
/// fed as an input, appends the backward pass with `Backward.append`, evaluates it with the
/// (Double) reference interpreter and compares each gradient element with (L(x+h) - L(x-h)) / 2h.
/// An element passes when |a - n| <= rtol·max(|a|, |n|) + atol (rtol 1e-6, atol 1e-9 by default).
final class GradientCheckTests: XCTestCase {
    static let rtol = 1e-6
    static let atol = 1e-9
    /// Largest differences over the whole class, printed at the end.
    nonisolated(unsafe) static var worstAbs = 0.0
    nonisolated(unsafe) static var worstRel = 0.0

    override class func tearDown() {
        print(String(format: "[gradcheck] overall max |diff| = %.3e, max rel diff = %.3e", worstAbs, worstRel))
        super.tearDown()
    }

    // MARK: the harness

    /// Builds the check and returns the report without asserting. `tamper` edits the analytic
    /// gradients before the comparison (used to show that the checker catches wrong gradients).
    func runGradientCheck(_ label: String, values: [String: Tensor] = [:], inputs: [String: Tensor] = [:],
                          seed: UInt64 = 0x5EED, h: Double = 1e-5, rtol: Double = GradientCheckTests.rtol,
                          atol: Double = GradientCheckTests.atol, maxPerTensor: Int = .max,
                          tamper: ((String, inout Tensor) -> Void)? = nil,
                          _ build: (GraphBuilder) -> NodeID) throws -> GradientCheckReport {
        var rng = SplitMix64(seed: seed)
        let b = GraphBuilder()
        let y = build(b)
        let yShape = b.shape(y)
        let r = b.input("R", TensorType(yShape))
        let product = b.mul(y, r)
        let loss = yShape.isEmpty ? product
            : b.reshape(b.reduce(.sum, product, axes: Array(yShape.indices)), [])
        b.output("loss", loss)
        let forward = b.graph
        let params = b.graph.states(.parameter)
        precondition(!params.isEmpty, "\(label): nothing to differentiate")
        let grads = Backward.append(to: b, loss: loss, parameters: params)
        var report = GradientCheckReport(label: label)
        for p in params {
            let name = b.graph.nodes[p].name
            guard let g = grads[p] else {
                report.failures.append("\(name): Backward.append returned no gradient")
                continue
            }
            b.output("grad.\(name)", g)
        }
        try b.graph.verify()

        // Values: parameters uniform in [-1, 1), other states (running statistics) in [0.5, 1.5).
        var state: [StateKey: Tensor] = [:]
        for id in b.graph.nodes.indices {
            guard case .state(let kind) = b.graph.nodes[id].op else { continue }
            let node = b.graph.nodes[id]
            let v = values[node.name] ?? (kind == .parameter ? rng.tensor(node.type.shape) : rng.tensor(node.type.shape, 0.5, 1.5))
            precondition(v.shape == node.type.shape, "\(label): value for \(node.name) has shape \(v.shape)")
            state[StateKey(kind, node.name)] = v
        }
        var feeds = inputs
        feeds["R"] = rng.tensor(yShape)

        let full = try Interpreter.run(b.graph, inputs: feeds, state: state)
        func lossValue(_ s: [StateKey: Tensor]) throws -> Double {
            try Interpreter.run(forward, inputs: feeds, state: s).outputs["loss"]!.scalars[0]
        }
        let l0 = try lossValue(state)
        if full.outputs["loss"]!.scalars[0] != l0 {
            report.failures.append("loss differs between the forward and the full graph: \(l0) vs \(full.outputs["loss"]!.scalars[0])")
        }

        for p in params {
            let name = b.graph.nodes[p].name
            guard var analytic = full.outputs["grad.\(name)"] else { continue }
            tamper?(name, &analytic)
            let key = StateKey(.parameter, name)
            let n = state[key]!.count
            var indices = Array(0..<n)
            if n > maxPerTensor {
                // A deterministic sample that always includes both ends.
                for i in stride(from: n - 1, to: 0, by: -1) { indices.swapAt(i, rng.int(i + 1)) }
                indices = Array(Set(indices.prefix(maxPerTensor - 2) + [0, n - 1])).sorted()
            }
            var maxNumeric = 0.0
            for i in indices {
                var s = state
                s[key]!.scalars[i] += h
                let lp = try lossValue(s)
                s[key]!.scalars[i] -= 2 * h
                let lm = try lossValue(s)
                let numeric = (lp - lm) / (2 * h)
                let a = analytic.scalars[i]
                let diff = abs(a - numeric), scale = max(abs(a), abs(numeric))
                maxNumeric = max(maxNumeric, abs(numeric))
                report.checked += 1
                report.maxAbsDiff = max(report.maxAbsDiff, diff)
                if scale >= 1e-3 { report.maxRelDiff = max(report.maxRelDiff, diff / scale) }
                if diff > rtol * scale + atol {
                    report.failures.append("\(name)[\(i)]: analytic \(a), numeric \(numeric), |diff| \(diff)")
                }
            }
            if maxNumeric < 1e-7 { report.allZero.append(name) }
        }
        return report
    }

    /// Runs the check and asserts that every element matches within the tolerance.
    @discardableResult
    func checkGradients(_ label: String, values: [String: Tensor] = [:], inputs: [String: Tensor] = [:],
                        seed: UInt64 = 0x5EED, h: Double = 1e-5, rtol: Double = GradientCheckTests.rtol,
                        atol: Double = GradientCheckTests.atol, maxPerTensor: Int = .max,
                        expectZero: Set<String> = [],
                        file: StaticString = #filePath, line: UInt = #line,
                        _ build: (GraphBuilder) -> NodeID) throws -> GradientCheckReport {
        let report = try runGradientCheck(label, values: values, inputs: inputs, seed: seed, h: h, rtol: rtol,
                                          atol: atol, maxPerTensor: maxPerTensor, build)
        Self.worstAbs = max(Self.worstAbs, report.maxAbsDiff)
        Self.worstRel = max(Self.worstRel, report.maxRelDiff)
        print(String(format: "[gradcheck] %@: %d elements, max |diff| = %.3e, max rel diff = %.3e",
                     label, report.checked, report.maxAbsDiff, report.maxRelDiff))
        XCTAssertGreaterThan(report.checked, 0, "\(label): nothing checked", file: file, line: line)
        XCTAssertTrue(report.failures.isEmpty,
                      "\(label): \(report.failures.count) of \(report.checked) gradient elements differ from central "
                      + "differences (h \(h)) by more than rtol \(rtol)·max(|a|,|n|) + atol \(atol); "
                      + "max |diff| \(report.maxAbsDiff), max rel \(report.maxRelDiff); first: "
                      + report.failures.prefix(5).joined(separator: "; "), file: file, line: line)
        XCTAssertEqual(Set(report.allZero), expectZero,
                       "\(label): the tensors whose numeric gradient is zero everywhere (a vacuous check unless expected)",
                       file: file, line: line)
        return report
    }

    static func seedTensor(_ s: Int32) -> Tensor { Tensor(shape: [1], scalars: [Double(s)]) }

    // MARK: the checker itself

    /// The checker must catch a gradient that is off by 1e-4 relative in a single element, and one
    /// whose elements are permuted.
    func testCheckerDetectsWrongGradients() throws {
        let build: (GraphBuilder) -> NodeID = { b in
            b.conv2d(b.parameter("x", [1, 4, 4, 2]), b.parameter("w", [3, 2, 3, 3]), padding: 1)
        }
        let clean = try runGradientCheck("clean", build)
        XCTAssertTrue(clean.failures.isEmpty, "\(clean.failures.prefix(3))")
        let scaled = try runGradientCheck("scaled", tamper: { name, g in
            if name == "w" { g.scalars[7] *= 1 + 1e-4 }
        }, build)
        XCTAssertEqual(scaled.failures.count, 1, "a 1e-4 relative error in one element must be the only failure: \(scaled.failures)")
        let permuted = try runGradientCheck("permuted", tamper: { name, g in
            if name == "x" { g.scalars.swapAt(0, 5) }
        }, build)
        XCTAssertEqual(permuted.failures.count, 2, "\(permuted.failures)")
    }

    // MARK: convolution

    func testConv2DGroups1() throws {
        try checkGradients("conv2d 3x3 g1 s1 p0") { b in
            b.conv2d(b.parameter("x", [2, 5, 5, 3]), b.parameter("w", [4, 3, 3, 3]))
        }
    }

    func testConv2DPadding() throws {
        try checkGradients("conv2d 3x3 g1 s1 p1") { b in
            b.conv2d(b.parameter("x", [2, 4, 5, 3]), b.parameter("w", [2, 3, 3, 3]), padding: 1)
        }
        try checkGradients("conv2d 1x3 g1 s1 p0 (non-square kernel)") { b in
            b.conv2d(b.parameter("x", [1, 3, 5, 2]), b.parameter("w", [2, 2, 1, 3]))
        }
    }

    func testConv2DStride2() throws {
        // Odd and even extents: with stride 2 the last row/column of x is not always read.
        try checkGradients("conv2d 3x3 g1 s2 p1") { b in
            b.conv2d(b.parameter("x", [2, 6, 7, 3]), b.parameter("w", [4, 3, 3, 3]), stride: 2, padding: 1)
        }
        try checkGradients("conv2d 3x3 g1 s2 p0") { b in
            b.conv2d(b.parameter("x", [1, 6, 6, 2]), b.parameter("w", [3, 2, 3, 3]), stride: 2)
        }
        try checkGradients("conv2d 1x1 g1 s2 p0") { b in
            b.conv2d(b.parameter("x", [2, 5, 5, 3]), b.parameter("w", [4, 3, 1, 1]), stride: 2)
        }
    }

    func testConv2DDepthwise() throws {
        try checkGradients("conv2d 3x3 depthwise s1 p1") { b in
            b.conv2d(b.parameter("x", [2, 5, 5, 4]), b.parameter("w", [4, 1, 3, 3]), padding: 1, groups: 4)
        }
        try checkGradients("conv2d 5x5 depthwise s2 p2") { b in
            b.conv2d(b.parameter("x", [1, 7, 6, 3]), b.parameter("w", [3, 1, 5, 5]), stride: 2, padding: 2, groups: 3)
        }
        try checkGradients("conv2d 3x3 groups 2 (multiplier 3)") { b in
            b.conv2d(b.parameter("x", [1, 4, 4, 4]), b.parameter("w", [6, 2, 3, 3]), padding: 1, groups: 2)
        }
    }

    func testConv2D7x7() throws {
        // CBAM's spatial attention conv: 2 -> 1 channels, 7x7, padding 3.
        try checkGradients("conv2d 7x7 p3") { b in
            b.conv2d(b.parameter("x", [2, 7, 7, 2]), b.parameter("w", [1, 2, 7, 7]), padding: 3)
        }
    }

    // MARK: matrix products

    func testLinear() throws {
        try checkGradients("linear with bias") { b in
            b.linear(b.parameter("x", [3, 4]), b.parameter("w", [5, 4]), b.parameter("b", [5]))
        }
        try checkGradients("linear without bias") { b in
            b.linear(b.parameter("x", [3, 4]), b.parameter("w", [5, 4]))
        }
    }

    func testMatmulAllTransposes() throws {
        for (ta, tb) in [(false, false), (false, true), (true, false), (true, true)] {
            // Square operands first: a rule with a wrong transposition still type-checks there, so
            // it fails numerically (on the rectangular ones it stops the builder).
            try checkGradients("matmul 4x4 transA=\(ta) transB=\(tb)") { b in
                b.add(.matmul(transposeA: ta, transposeB: tb), [b.parameter("a", [4, 4]), b.parameter("b", [4, 4])])
            }
            try checkGradients("matmul 3x4·4x5 transA=\(ta) transB=\(tb)") { b in
                let a = b.parameter("a", ta ? [4, 3] : [3, 4])
                let c = b.parameter("b", tb ? [5, 4] : [4, 5])
                return b.add(.matmul(transposeA: ta, transposeB: tb), [a, c])
            }
        }
    }

    // MARK: batch normalization

    /// Training-mode BatchNorm: the gradient of x is the total one, through the batch statistics.
    func testBatchNormTrain() throws {
        try checkGradients("bn_train NHWC eps 1e-3") { b in
            let x = b.parameter("x", [2, 3, 3, 4])
            let stats = b.add(.batchNormStats, [x])
            return b.add(.batchNormTrain(eps: 1e-3), [x, stats, b.parameter("gamma", [4]), b.parameter("beta", [4])])
        }
        try checkGradients("bn_train N,C eps 1e-5") { b in
            let x = b.parameter("x", [5, 3])
            let stats = b.add(.batchNormStats, [x])
            return b.add(.batchNormTrain(eps: 1e-5), [x, stats, b.parameter("gamma", [3]), b.parameter("beta", [3])])
        }
    }

    /// Eval-mode BatchNorm: only the input is differentiated (gamma and beta are frozen there).
    func testBatchNormEval() throws {
        var rng = SplitMix64(seed: 11)
        try checkGradients("bn_eval", inputs: ["gamma": rng.tensor([4]), "beta": rng.tensor([4])]) { b in
            let x = b.parameter("x", [2, 3, 2, 4])
            return b.add(.batchNormEval(eps: 1e-3), [x, b.input("gamma", TensorType([4])), b.input("beta", TensorType([4])),
                                                    b.state(.buffer, "running_mean", [4]), b.state(.buffer, "running_var", [4])])
        }
    }

    // MARK: elementwise

    func testUnary() throws {
        var rng = SplitMix64(seed: 12)
        try checkGradients("silu", values: ["x": rng.tensor([3, 4, 5], -4, 4)]) { b in b.silu(b.parameter("x", [3, 4, 5])) }
        try checkGradients("sigmoid", values: ["x": rng.tensor([3, 4, 5], -4, 4)]) { b in b.sigmoid(b.parameter("x", [3, 4, 5])) }
        // ReLU away from its kink at 0 (|x| >= 0.05 >> h).
        try checkGradients("relu", values: ["x": rng.awayFromZero([3, 4, 5])]) { b in b.relu(b.parameter("x", [3, 4, 5])) }
    }

    func testAddAndMulBroadcasting() throws {
        let big = [2, 3, 4, 5]
        for small in [[2, 3, 4, 5], [2, 1, 1, 5], [1, 1, 1, 5], [2, 3, 4, 1], [1, 1, 1, 1]] {
            for op in [Op.add, .mul] {
                try checkGradients("\(op.name) \(big) with \(small)") { b in
                    b.add(op, [b.parameter("a", big), b.parameter("b", small)])
                }
                if small == big { continue }
                try checkGradients("\(op.name) \(small) with \(big)") { b in
                    b.add(op, [b.parameter("a", small), b.parameter("b", big)])
                }
            }
        }
        for op in [Op.add, .mul] {
            try checkGradients("\(op.name) [2,1,4,1] with [1,3,1,5] (both broadcast)") { b in
                b.add(op, [b.parameter("a", [2, 1, 4, 1]), b.parameter("b", [1, 3, 1, 5])])
            }
        }
    }

    /// x·x: two gradient contributions to one node are summed.
    func testMulOfItself() throws {
        try checkGradients("mul x*x") { b in let x = b.parameter("x", [3, 4]); return b.mul(x, x) }
    }

    func testAddN() throws {
        try checkGradients("add_n a+b+c+a") { b in
            let a = b.parameter("a", [2, 3, 2]), c = b.parameter("b", [2, 3, 2]), d = b.parameter("c", [2, 3, 2])
            return b.add(.addN, [a, c, d, a])
        }
    }

    func testScale() throws {
        try checkGradients("scale -2.5") { b in b.scale(b.parameter("x", [3, 4]), -2.5) }
    }

    // MARK: randomness (a fixed seed makes the mask a constant, so finite differences apply)

    func testDropout() throws {
        let report = try checkGradients("dropout p 0.3", inputs: ["seed": Self.seedTensor(1234)]) { b in
            let seed = b.input("seed", TensorType([1], .i32))
            return b.add(.dropout(RandomAttrs(p: 0.3, salt: 7)), [b.parameter("x", [4, 5, 6]), seed])
        }
        XCTAssertEqual(report.checked, 120)
        // The mask is not trivial: some elements dropped, some kept.
        let kept = (0..<120).filter { Random.keep(seed: 1234, salt: 7, index: UInt32($0), p: 0.3) }.count
        XCTAssertTrue(kept > 60 && kept < 110, "kept \(kept) of 120")
    }

    func testStochasticDepth() throws {
        // A seed whose mask over 6 samples has both kept and dropped samples.
        let seed = (1...1000).first { s in
            let keep = (0..<6).map { Random.keep(seed: UInt32(s), salt: 3, index: UInt32($0), p: 0.5) }
            return keep.contains(true) && keep.contains(false)
        }!
        try checkGradients("stochastic_depth p 0.5", inputs: ["seed": Self.seedTensor(Int32(seed))]) { b in
            let s = b.input("seed", TensorType([1], .i32))
            return b.add(.stochasticDepth(RandomAttrs(p: 0.5, salt: 3)), [b.parameter("x", [6, 2, 2, 3]), s])
        }
    }

    // MARK: reductions and layout

    func testReduceSumAndMean() throws {
        let shape = [2, 3, 4, 5]
        for axes in [[0], [3], [1, 2], [0, 2], [0, 1, 2, 3]] {
            try checkGradients("reduce_sum axes \(axes)") { b in b.reduce(.sum, b.parameter("x", shape), axes: axes) }
            try checkGradients("reduce_mean axes \(axes)") { b in b.reduce(.mean, b.parameter("x", shape), axes: axes) }
        }
    }

    func testReduceSumSquares() throws {
        for axes in [[1], [0, 1], [0, 1, 2]] {
            try checkGradients("reduce_sumSquares axes \(axes)") { b in b.reduce(.sumSquares, b.parameter("x", [3, 4, 2]), axes: axes) }
        }
    }

    func testReduceMax() throws {
        var rng = SplitMix64(seed: 13)
        let shape = [2, 3, 4, 5]
        for axes in [[3], [1, 2], [0], [0, 1, 2, 3]] {
            try checkGradients("reduce_max axes \(axes)", values: ["x": rng.distinct(shape)]) { b in
                b.reduce(.max, b.parameter("x", shape), axes: axes)
            }
        }
    }

    func testExpand() throws {
        try checkGradients("expand [2,1,1,5] -> [2,3,4,5]") { b in b.expand(b.parameter("x", [2, 1, 1, 5]), [2, 3, 4, 5]) }
        try checkGradients("expand [1,3,1,1] -> [2,3,4,5]") { b in b.expand(b.parameter("x", [1, 3, 1, 1]), [2, 3, 4, 5]) }
    }

    func testReshape() throws {
        try checkGradients("reshape [2,3,4] -> [6,4]") { b in b.reshape(b.parameter("x", [2, 3, 4]), [6, 4]) }
    }

    func testConcat() throws {
        try checkGradients("concat axis 3") { b in
            b.concat([b.parameter("a", [2, 2, 2, 3]), b.parameter("b", [2, 2, 2, 1]), b.parameter("c", [2, 2, 2, 2])], axis: 3)
        }
        try checkGradients("concat axis 1") { b in
            b.concat([b.parameter("a", [2, 1, 3, 2]), b.parameter("b", [2, 3, 3, 2])], axis: 1)
        }
        try checkGradients("concat axis 0") { b in
            b.concat([b.parameter("a", [1, 3]), b.parameter("b", [2, 3])], axis: 0)
        }
    }

    func testSoftmax() throws {
        var rng = SplitMix64(seed: 14)
        try checkGradients("softmax [3,5]", values: ["x": rng.tensor([3, 5], -3, 3)]) { b in b.softmax(b.parameter("x", [3, 5])) }
        try checkGradients("softmax [2,3,4]", values: ["x": rng.tensor([2, 3, 4], -3, 3)]) { b in b.softmax(b.parameter("x", [2, 3, 4])) }
    }

    // MARK: the whole tiny model

    /// The step graph of the tiny model (phase 4: every block type in training mode, CBAM, the
    /// BreastAI head with dropout, stochastic depth, the recipe's focal loss) against central
    /// differences of its forward part, on a few elements of parameters spread over the network.
    func testTinyModelStepEndToEnd() throws {
        let config = ModelConfig(variant: .tiny)
        let program = try TrainingProgram(config: config, phase: Phase.recipe[3])
        let step = program.step
        let lossID = step.output("loss")!
        // The forward part: every node up to the loss (Backward appends after it).
        var forward = Graph()
        forward.nodes = Array(step.nodes[...lossID])
        forward.outputs = [Output(name: "loss", node: lossID)]
        try forward.verify()

        var rng = SplitMix64(seed: 77)
        var state: [StateKey: Tensor] = [:]
        for node in step.nodes {
            guard case .state(let kind) = node.op else { continue }
            let shape = node.type.shape
            switch kind {
            case .parameter where shape.count >= 2:
                let bound = (3.0 / Double(shape.dropFirst().reduce(1, *))).squareRoot()
                state[StateKey(kind, node.name)] = rng.tensor(shape, -bound, bound)
            case .parameter:
                state[StateKey(kind, node.name)] = node.name.hasSuffix(".weight") ? rng.tensor(shape, 0.8, 1.2) : rng.tensor(shape, -0.1, 0.1)
            case .buffer:
                state[StateKey(kind, node.name)] = rng.tensor(shape, 0.5, 1.5)
            default:
                state[StateKey(kind, node.name)] = Tensor(zeros: shape)
            }
        }
        let inputs = ["images": rng.tensor([config.batch, config.imageSize, config.imageSize, 3]),
                      "labels": Tensor(shape: [config.batch], scalars: [2, 0, 1, 1]), "seed": Self.seedTensor(4242)]
        let result = try Interpreter.run(step, inputs: inputs, state: state)
        let h = 1e-5
        var report = GradientCheckReport(label: "tiny model step")
        for name in ["features.0.0.weight", "features.0.1.weight", "features.1.1.block.0.0.weight", "features.2.0.block.0.1.bias",
                     "features.3.0.block.1.0.weight", "features.3.1.block.2.fc1.weight", "features.3.1.block.2.fc2.bias",
                     "features.4.0.block.3.0.weight", "features.5.0.weight", "cbam.channel_attention.fc.0.weight",
                     "cbam.spatial_attention.conv.weight", "classifier.1.weight", "classifier.6.weight", "classifier.9.bias"] {
            let key = StateKey(.parameter, name)
            guard state[key] != nil else { XCTFail("no parameter \(name)"); continue }
            let analytic = result.state[StateKey(.gradient, name)]!
            // One element per parameter (a forward pass of the tiny model takes ~0.2 s in debug),
            // among those with a nonzero gradient (dropout zeroes some).
            let candidates = analytic.scalars.indices.filter { abs(analytic.scalars[$0]) > 1e-6 }
            if candidates.isEmpty { report.allZero.append(name); continue }
            do {
                let i = candidates[rng.int(candidates.count)]
                var s = state
                s[key]!.scalars[i] += h
                let lp = try Interpreter.run(forward, inputs: inputs, state: s).outputs["loss"]!.scalars[0]
                s[key]!.scalars[i] -= 2 * h
                let lm = try Interpreter.run(forward, inputs: inputs, state: s).outputs["loss"]!.scalars[0]
                let numeric = (lp - lm) / (2 * h), a = analytic.scalars[i]
                let diff = abs(a - numeric), scale = max(abs(a), abs(numeric))
                report.checked += 1
                report.maxAbsDiff = max(report.maxAbsDiff, diff)
                if scale >= 1e-3 { report.maxRelDiff = max(report.maxRelDiff, diff / scale) }
                if diff > Self.rtol * scale + Self.atol { report.failures.append("\(name)[\(i)]: analytic \(a), numeric \(numeric)") }
                if scale < 1e-9 { report.allZero.append("\(name)[\(i)]") }
            }
        }
        Self.worstAbs = max(Self.worstAbs, report.maxAbsDiff)
        Self.worstRel = max(Self.worstRel, report.maxRelDiff)
        print(String(format: "[gradcheck] tiny model step: %d elements, max |diff| = %.3e, max rel diff = %.3e",
                     report.checked, report.maxAbsDiff, report.maxRelDiff))
        XCTAssertTrue(report.failures.isEmpty, "tiny model: gradients differ from central differences (h \(h)) by more than rtol \(Self.rtol)·max + atol \(Self.atol): \(report.failures)")
        XCTAssertTrue(report.allZero.isEmpty, "vacuous elements: \(report.allZero)")
    }
}
