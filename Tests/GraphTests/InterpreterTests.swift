import Foundation
import XCTest
@testable import Graph

/// The reference interpreter and the IR plumbing against hand-computed values.
final class InterpreterTests: XCTestCase {
    // MARK: helpers

    func run(_ g: Graph, _ inputs: [String: Tensor] = [:], _ state: [StateKey: Tensor] = [:]) throws -> Interpreter.Result {
        try Interpreter.run(g, inputs: inputs, state: state)
    }

    static func hyper(lr: Double = 0, weightDecay: Double = 0, gradScale: Double = 1, maxGradNorm: Double = 0,
                      emaDecay: Double = 0) -> Tensor {
        var h = [Double](repeating: 0, count: Hyper.count)
        h[Hyper.learningRate.rawValue] = lr
        h[Hyper.weightDecay.rawValue] = weightDecay
        h[Hyper.gradScale.rawValue] = gradScale
        h[Hyper.maxGradNorm.rawValue] = maxGradNorm
        h[Hyper.emaDecay.rawValue] = emaDecay
        return Tensor(shape: [Hyper.count], scalars: h)
    }

    static func seed(_ s: Int32) -> Tensor { Tensor(shape: [1], scalars: [Double(s)]) }

    func assertClose(_ a: [Double], _ b: [Double], accuracy: Double, _ message: String = "",
                     file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, message, file: file, line: line)
        let bad = zip(a, b).enumerated().filter { !(abs($0.element.0 - $0.element.1) <= accuracy) }
        guard let first = bad.first else { return }
        XCTFail("\(message): \(bad.count) of \(a.count) differ by more than \(accuracy); first [\(first.offset)]: "
                + "\(first.element.0) vs expected \(first.element.1)", file: file, line: line)
    }

    // MARK: Random

    /// Pinned values from an independent (Python) implementation of lowbias32 and the draw
    /// formula: the generated C must reproduce exactly these.
    func testRandomPinnedValues() {
        XCTAssertEqual(Random.hash(0), 0)
        XCTAssertEqual(Random.hash(1), 0x6889_90C0)
        XCTAssertEqual(Random.hash(2), 0xD113_2181)
        XCTAssertEqual(Random.hash(0xDEAD_BEEF), 0xE628_C683)
        XCTAssertEqual(Random.uniform(seed: 1, salt: 1, index: 0), 0.13681453466415405)
        XCTAssertEqual(Random.uniform(seed: 1234, salt: 7, index: 42), 0.25547200441360474)
        XCTAssertEqual(Random.uniform(seed: 0xFFFF_FFFF, salt: 3, index: 5), 0.6774921417236328)
    }

    func testRandomIsDeterministicInRangeAndUniform() {
        let n = 100_000
        let draws = (0..<n).map { Random.uniform(seed: 42, salt: 1, index: UInt32($0)) }
        XCTAssertEqual(draws, (0..<n).map { Random.uniform(seed: 42, salt: 1, index: UInt32($0)) }, "not deterministic")
        XCTAssertTrue(draws.allSatisfy { $0 >= 0 && $0 < 1 }, "a draw outside [0, 1)")
        let mean = draws.reduce(0) { $0 + Double($1) } / Double(n)
        // Standard error of the mean: 0.2887/sqrt(1e5) ≈ 0.0009; allow 5.5σ.
        XCTAssertEqual(mean, 0.5, accuracy: 0.005, "mean of \(n) draws")
        var buckets = [Int](repeating: 0, count: 10)
        for u in draws { buckets[Int(u * 10)] += 1 }
        // Each bucket ~ Binomial(1e5, 0.1): σ ≈ 95; allow ±600 (> 6σ).
        for (i, c) in buckets.enumerated() { XCTAssertEqual(Double(c), 10_000, accuracy: 600, "bucket \(i): \(buckets)") }
        // Variance of U(0,1) is 1/12.
        let variance = draws.reduce(0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(n)
        XCTAssertEqual(variance, 1.0 / 12, accuracy: 0.002)
        // Lag-1 serial correlation is small.
        var lag = 0.0
        for i in 1..<n { lag += (Double(draws[i]) - mean) * (Double(draws[i - 1]) - mean) }
        XCTAssertLessThan(abs(lag / Double(n - 1) / variance), 0.02, "lag-1 correlation")
    }

    func testRandomStreamsDifferBySaltAndSeed() {
        let n = 10_000
        func stream(_ seed: UInt32, _ salt: UInt32) -> [Float] { (0..<n).map { Random.uniform(seed: seed, salt: salt, index: UInt32($0)) } }
        let base = stream(42, 1)
        func correlation(_ a: [Float], _ b: [Float]) -> Double {
            let ma = a.reduce(0) { $0 + Double($1) } / Double(n), mb = b.reduce(0) { $0 + Double($1) } / Double(n)
            var sab = 0.0, saa = 0.0, sbb = 0.0
            for i in 0..<n {
                let x = Double(a[i]) - ma, y = Double(b[i]) - mb
                sab += x * y; saa += x * x; sbb += y * y
            }
            return sab / (saa * sbb).squareRoot()
        }
        for (label, other) in [("salt 2", stream(42, 2)), ("salt 3", stream(42, 3)), ("seed 43", stream(43, 1)),
                               ("seed -1", stream(UInt32(bitPattern: -1), 1)), ("seed 0", stream(0, 1))] {
            let equal = zip(base, other).filter { $0 == $1 }.count
            XCTAssertLessThan(equal, 5, "\(label): \(equal) of \(n) draws equal to the base stream")
            XCTAssertLessThan(abs(correlation(base, other)), 0.05, "\(label): correlated with the base stream")
        }
    }

    // MARK: dropout and stochastic depth

    func testDropoutKeepsOneMinusPAndScales() throws {
        let n = 100_000, p: Float = 0.3
        let b = GraphBuilder()
        let x = b.input("x", TensorType([n]))
        let seed = b.input("seed", TensorType([1], .i32))
        b.output("y", b.add(.dropout(RandomAttrs(p: p, salt: 5)), [x, seed]))
        b.output("dx", b.add(.dropoutBackward(RandomAttrs(p: p, salt: 5)), [x, seed]))
        let ones = Tensor(repeating: 1, shape: [n])
        let r = try run(b.graph, ["x": ones, "seed": Self.seed(99)])
        let y = r.outputs["y"]!.scalars
        let scale = 1 / (1 - Double(p))
        XCTAssertTrue(y.allSatisfy { $0 == 0 || $0 == scale }, "values are 0 or 1/(1-p)")
        let kept = y.filter { $0 != 0 }.count
        // σ of the kept fraction: sqrt(0.21/1e5) ≈ 0.0014.
        XCTAssertEqual(Double(kept) / Double(n), 0.7, accuracy: 0.0075, "kept fraction")
        XCTAssertEqual(y.reduce(0, +) / Double(n), 1, accuracy: 0.011, "dropout keeps the expectation")
        for i in 0..<n where (y[i] != 0) != Random.keep(seed: 99, salt: 5, index: UInt32(i), p: p) {
            XCTFail("element \(i) disagrees with Random.keep"); break
        }
        XCTAssertEqual(r.outputs["dx"]!.scalars, y, "the backward op draws the same mask")
        let other = try run(b.graph, ["x": ones, "seed": Self.seed(100)]).outputs["y"]!.scalars
        XCTAssertNotEqual(other, y, "another seed gives another mask")
        // Negative seeds are valid i32 values.
        let negative = try run(b.graph, ["x": ones, "seed": Self.seed(-7)]).outputs["y"]!.scalars
        XCTAssertEqual(negative[17] != 0, Random.keep(seed: UInt32(bitPattern: -7), salt: 5, index: 17, p: p))
    }

    func testStochasticDepthDropsWholeSamples() throws {
        let shape = [64, 2, 3, 4], per = 24, p: Float = 0.5
        let b = GraphBuilder()
        let x = b.input("x", TensorType(shape))
        let seed = b.input("seed", TensorType([1], .i32))
        b.output("y", b.add(.stochasticDepth(RandomAttrs(p: p, salt: 9)), [x, seed]))
        b.output("dx", b.add(.stochasticDepthBackward(RandomAttrs(p: p, salt: 9)), [x, seed]))
        var rng = SplitMix64(seed: 3)
        let input = rng.tensor(shape, 0.5, 1.5)
        let r = try run(b.graph, ["x": input, "seed": Self.seed(2024)])
        let y = r.outputs["y"]!.scalars
        var kept = 0
        for s in 0..<64 {
            let keep = Random.keep(seed: 2024, salt: 9, index: UInt32(s), p: p)
            let expected = (0..<per).map { keep ? input.scalars[s * per + $0] * 2 : 0 }
            XCTAssertEqual(Array(y[(s * per)..<((s + 1) * per)]), expected, "sample \(s) (keep \(keep))")
            if keep { kept += 1 }
        }
        XCTAssertTrue(kept > 16 && kept < 48, "kept \(kept) of 64 samples")
        XCTAssertEqual(r.outputs["dx"]!.scalars, y)
    }

    // MARK: BatchNorm running statistics

    /// x (4 samples, 2 channels): channel 0 = 1,2,3,4 (mean 2.5, biased var 1.25, unbiased 5/3),
    /// channel 1 = 0,0,2,2 (mean 1, biased var 1, unbiased 4/3); momentum 0.1.
    func testRunningStatUpdateUsesUnbiasedVariance() throws {
        let b = GraphBuilder()
        let x = b.input("x", TensorType([4, 2]))
        let stats = b.add(.batchNormStats, [x])
        let mean = b.state(.buffer, "running_mean", [2]), variance = b.state(.buffer, "running_var", [2])
        b.assign(mean, b.add(.runningStatUpdate(RunningStatAttrs(momentum: 0.1, row: 0, count: 4)), [mean, stats]))
        b.assign(variance, b.add(.runningStatUpdate(RunningStatAttrs(momentum: 0.1, row: 1, count: 4)), [variance, stats]))
        b.output("stats", stats)
        try b.graph.verify()
        let r = try run(b.graph, ["x": Tensor(shape: [4, 2], scalars: [1, 0, 2, 0, 3, 2, 4, 2])],
                        [StateKey(.buffer, "running_mean"): Tensor(shape: [2], scalars: [0, 1]),
                         StateKey(.buffer, "running_var"): Tensor(shape: [2], scalars: [1, 2])])
        assertClose(r.outputs["stats"]!.scalars, [2.5, 1, 1.25, 1], accuracy: 1e-15, "stats: mean row, biased variance row")
        // The momentum attribute is a Float: 0.1f = 0.10000000149011612.
        let m = Double(Float(0.1))
        assertClose(r.state[StateKey(.buffer, "running_mean")]!.scalars, [(1 - m) * 0 + m * 2.5, (1 - m) * 1 + m * 1],
                    accuracy: 1e-15, "running mean")
        assertClose(r.state[StateKey(.buffer, "running_var")]!.scalars, [(1 - m) * 1 + m * 5.0 / 3, (1 - m) * 2 + m * 4.0 / 3],
                    accuracy: 1e-15, "running var (unbiased 5/3 and 4/3: 1.0666667, 1.9333333; biased would give 1.025, 1.9)")
        XCTAssertEqual(r.state[StateKey(.buffer, "running_var")]!.scalars[0], 1.0666666676600773, accuracy: 1e-15)
    }

    // MARK: optimizer ops

    func testClipCoefficient() throws {
        let b = GraphBuilder()
        let s = b.input("sumsq", TensorType([]))
        let h = b.input("hyper", TensorType([Hyper.count]))
        b.output("c", b.add(.clipCoefficient, [s, h]))
        func c(_ sumsq: Double, _ hyper: Tensor) throws -> Double {
            try run(b.graph, ["sumsq": Tensor(shape: [], scalars: [sumsq]), "hyper": hyper]).outputs["c"]!.scalars[0]
        }
        // maxNorm 0 disables clipping: just the gradient scale.
        XCTAssertEqual(try c(1e6, Self.hyper(gradScale: 0.25, maxGradNorm: 0)), 0.25)
        // Norm of the mean gradient 0.5·sqrt(16) = 2 below the max 10: no clipping.
        XCTAssertEqual(try c(16, Self.hyper(gradScale: 0.5, maxGradNorm: 10)), 0.5)
        // Norm 2 above the max 1: s·max/(norm+1e-6) = 0.5/2.000001.
        XCTAssertEqual(try c(16, Self.hyper(gradScale: 0.5, maxGradNorm: 1)), 0.5 / 2.000001, accuracy: 1e-15)
        // Norm 5 (s = 1), max 1: 1/5.000001, and the clipped norm is max·5/5.000001.
        let k = try c(25, Self.hyper(gradScale: 1, maxGradNorm: 1))
        XCTAssertEqual(k, 1 / 5.000001, accuracy: 1e-15)
        XCTAssertEqual(k * 5, 1, accuracy: 1e-6)
        // Norm exactly at the max: factor just below s (1e-6 in the denominator).
        XCTAssertEqual(try c(4, Self.hyper(gradScale: 1, maxGradNorm: 2)), 2 / 2.000001, accuracy: 1e-15)
    }

    func testEMAUpdate() throws {
        let b = GraphBuilder()
        let e = b.state(.ema, "w", [3])
        let v = b.input("v", TensorType([3]))
        let h = b.input("hyper", TensorType([Hyper.count]))
        b.assign(e, b.add(.emaUpdate, [e, v, h]))
        try b.graph.verify()
        let r = try run(b.graph, ["v": Tensor(shape: [3], scalars: [3, -2, 0]), "hyper": Self.hyper(emaDecay: 0.75)],
                        [StateKey(.ema, "w"): Tensor(shape: [3], scalars: [1, 2, 4])])
        // 0.75·ema + 0.25·value
        XCTAssertEqual(r.state[StateKey(.ema, "w")]!.scalars, [1.5, 1.0, 3.0])
    }

    /// Builds m' = adam_m(m, g, c), v' = adam_v(v, g, c), p' = adamw(p, m', v', hyper, bc).
    func adamGraph(count: Int, group: Int, groups: Int) -> Graph {
        let b = GraphBuilder()
        let p = b.state(.parameter, "p", [count]), g = b.state(.gradient, "p", [count])
        let m = b.state(.adamM, "p", [count]), v = b.state(.adamV, "p", [count])
        let c = b.input("c", TensorType([]))
        let h = b.input("hyper", TensorType([Hyper.count]))
        let bc = b.input("bc", TensorType([groups, 2]))
        let attrs = AdamAttrs(group: group)
        let m1 = b.add(.adamMoment(beta: attrs.beta1, squared: false), [m, g, c])
        let v1 = b.add(.adamMoment(beta: attrs.beta2, squared: true), [v, g, c])
        b.assign(m, m1); b.assign(v, v1)
        b.assign(p, b.add(.adamWUpdate(attrs), [p, m1, v1, h, bc]))
        return b.graph
    }

    /// One `torch.optim.AdamW` step from zero moments. β1, β2 and eps are Float attributes
    /// (0.9f = 0.8999999761581421, 0.999f = 0.9990000128746033), so the step-1 bias corrections
    /// 1 - β1, 1 - β2 are fed with the same Float betas; then m̂ = g, v̂ = g², and
    /// p' = p·(1 - lr·wd) - lr·g/(|g| + eps):
    /// p = 1, g = 0.1:   0.9995 - 0.01·0.1/0.10000001 = 0.9895000009999999
    /// p = -2, g = -0.2: -1.999 + 0.01·0.2/0.20000001 = -1.9890000005000001
    /// p = 0.5, g = 0:   0.5·0.9995 = 0.49975 (weight decay only)
    func testAdamWFirstStep() throws {
        let g = adamGraph(count: 3, group: 0, groups: 1)
        try g.verify()
        let b1 = Double(Float(0.9)), b2 = Double(Float(0.999))
        let r = try run(g, ["c": Tensor(shape: [], scalars: [1]), "hyper": Self.hyper(lr: 0.01, weightDecay: 0.05),
                            "bc": Tensor(shape: [1, 2], scalars: [1 - b1, 1 - b2])],
                        [StateKey(.parameter, "p"): Tensor(shape: [3], scalars: [1, -2, 0.5]),
                         StateKey(.gradient, "p"): Tensor(shape: [3], scalars: [0.1, -0.2, 0]),
                         StateKey(.adamM, "p"): Tensor(zeros: [3]), StateKey(.adamV, "p"): Tensor(zeros: [3])])
        assertClose(r.state[StateKey(.adamM, "p")]!.scalars, [(1 - b1) * 0.1, (1 - b1) * -0.2, 0], accuracy: 1e-17, "m = (1-β1)·g")
        assertClose(r.state[StateKey(.adamV, "p")]!.scalars, [(1 - b2) * 0.01, (1 - b2) * 0.04, 0], accuracy: 1e-19, "v = (1-β2)·g²")
        assertClose(r.state[StateKey(.parameter, "p")]!.scalars, [0.9895000009999999, -1.9890000005000001, 0.49975],
                    accuracy: 1e-14, "p")
    }

    /// A second step with nonzero moments, a clip coefficient 0.5 and the bias corrections of group 2
    /// (step 2: 1 - 0.9² = 0.19, 1 - 0.999² = 0.001999); the other rows hold garbage that must not be read.
    /// With the Float betas:
    /// m' = β1·[0.01, -0.02] + (1-β1)·0.5·[0.3, 0.1] = [0.024000003337860107, -0.012999998331069946]
    /// v' = β2·[1e-5, 4e-5] + (1-β2)·(0.5·[0.3, 0.1])² = [3.248971045017243e-05, 4.245996832847596e-05]
    /// p' = p·(1 - 1e-3·0.01) - 1e-3/0.19 · m' / (sqrt(v')/sqrt(0.001999) + eps) = [0.39900518826033166, -0.6995235317461829]
    func testAdamWLaterStepUsesItsGroupRow() throws {
        let g = adamGraph(count: 2, group: 2, groups: 4)
        try g.verify()
        let r = try run(g, ["c": Tensor(shape: [], scalars: [0.5]), "hyper": Self.hyper(lr: 0.001, weightDecay: 0.01),
                            "bc": Tensor(shape: [4, 2], scalars: [7, 7, 7, 7, 0.19, 0.001999, 7, 7])],
                        [StateKey(.parameter, "p"): Tensor(shape: [2], scalars: [0.4, -0.7]),
                         StateKey(.gradient, "p"): Tensor(shape: [2], scalars: [0.3, 0.1]),
                         StateKey(.adamM, "p"): Tensor(shape: [2], scalars: [0.01, -0.02]),
                         StateKey(.adamV, "p"): Tensor(shape: [2], scalars: [1e-5, 4e-5])])
        assertClose(r.state[StateKey(.adamM, "p")]!.scalars, [0.024000003337860107, -0.012999998331069946], accuracy: 1e-15, "m")
        assertClose(r.state[StateKey(.adamV, "p")]!.scalars, [3.248971045017243e-05, 4.245996832847596e-05], accuracy: 1e-18, "v")
        assertClose(r.state[StateKey(.parameter, "p")]!.scalars, [0.39900518826033166, -0.6995235317461829], accuracy: 1e-14, "p")
    }

    // MARK: reductions and layout

    func testReduceMaxBackwardRoutesToFirstMaximum() throws {
        let b = GraphBuilder()
        let x = b.input("x", TensorType([2, 4]))
        let dy = b.input("dy", TensorType([2, 1]))
        b.output("max", b.reduce(.max, x, axes: [1]))
        b.output("dx", b.add(.reduceMaxBackward(axes: [1]), [dy, x]))
        let r = try run(b.graph, ["x": Tensor(shape: [2, 4], scalars: [1, 3, 3, 0, 5, 5, 5, 5]),
                                  "dy": Tensor(shape: [2, 1], scalars: [10, 20])])
        XCTAssertEqual(r.outputs["max"]!.scalars, [3, 5])
        XCTAssertEqual(r.outputs["dx"]!.scalars, [0, 10, 0, 0, 20, 0, 0, 0])

        // Over axis 0 and over two axes (row-major order decides): x (1,2,2,2).
        let c = GraphBuilder()
        let x2 = c.input("x", TensorType([3, 2]))
        let dy2 = c.input("dy", TensorType([1, 2]))
        c.output("dx", c.add(.reduceMaxBackward(axes: [0]), [dy2, x2]))
        let x3 = c.input("x3", TensorType([1, 2, 2, 2]))
        let dy3 = c.input("dy3", TensorType([1, 1, 1, 2]))
        c.output("dx3", c.add(.reduceMaxBackward(axes: [1, 2]), [dy3, x3]))
        let r2 = try run(c.graph, ["x": Tensor(shape: [3, 2], scalars: [1, 2, 1, 2, 0, 2]), "dy": Tensor(shape: [1, 2], scalars: [1, 2]),
                                   // channel 0: 4 at (0,1) and (1,0); channel 1: -1 everywhere
                                   "x3": Tensor(shape: [1, 2, 2, 2], scalars: [0, -1, 4, -1, 4, -1, 1, -1]),
                                   "dy3": Tensor(shape: [1, 1, 1, 2], scalars: [7, 8])])
        XCTAssertEqual(r2.outputs["dx"]!.scalars, [1, 2, 0, 0, 0, 0])
        XCTAssertEqual(r2.outputs["dx3"]!.scalars, [0, 8, 7, 0, 0, 0, 0, 0])
    }

    func testConcatSliceRoundTrip() throws {
        // Hand-computed: [[1,2],[3,4]] ++ [[5],[6]] along axis 1.
        let h = GraphBuilder()
        let a = h.input("a", TensorType([2, 2])), c = h.input("c", TensorType([2, 1]))
        h.output("y", h.concat([a, c], axis: 1))
        h.output("y0", h.concat([a, h.reshape(c, [1, 2])], axis: 0))
        let r = try run(h.graph, ["a": Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]), "c": Tensor(shape: [2, 1], scalars: [5, 6])])
        XCTAssertEqual(r.outputs["y"]!.scalars, [1, 2, 5, 3, 4, 6])
        XCTAssertEqual(r.outputs["y0"]!.scalars, [1, 2, 3, 4, 5, 6])

        var rng = SplitMix64(seed: 4)
        for axis in 0..<3 {
            let sizes = [2, 1, 3]
            var shapes: [[Int]] = []
            for s in sizes { var shape = [2, 3, 4]; shape[axis] = s; shapes.append(shape) }
            let b = GraphBuilder()
            let xs = shapes.enumerated().map { b.input("x\($0.offset)", TensorType($0.element)) }
            let y = b.concat(xs, axis: axis)
            var start = 0
            for (i, s) in sizes.enumerated() {
                b.output("s\(i)", b.slice(y, axis: axis, start: start, length: s))
                start += s
            }
            b.output("y", y)
            try b.graph.verify()
            var feeds: [String: Tensor] = [:]
            for (i, s) in shapes.enumerated() { feeds["x\(i)"] = rng.tensor(s) }
            let out = try run(b.graph, feeds)
            for i in sizes.indices { XCTAssertEqual(out.outputs["s\(i)"], feeds["x\(i)"], "axis \(axis) part \(i)") }
            // Element check: y[i0,i1,i2] comes from the part covering index i_axis.
            let ys = out.outputs["y"]!
            var yShape = [2, 3, 4]; yShape[axis] = sizes.reduce(0, +)
            XCTAssertEqual(ys.shape, yShape)
            for i0 in 0..<yShape[0] { for i1 in 0..<yShape[1] { for i2 in 0..<yShape[2] {
                var idx = [i0, i1, i2]
                var part = 0
                while idx[axis] >= sizes[part] { idx[axis] -= sizes[part]; part += 1 }
                let ps = shapes[part]
                let expected = feeds["x\(part)"]!.scalars[(idx[0] * ps[1] + idx[1]) * ps[2] + idx[2]]
                XCTAssertEqual(ys.scalars[(i0 * yShape[1] + i1) * yShape[2] + i2], expected)
            }}}
        }
    }

    // MARK: the tiny model's training program

    /// Values for every state leaf of the program: Kaiming-uniform-like weights, BN gamma near 1,
    /// small biases, running statistics near (0, 1), zero accumulators, moments and EMA.
    fileprivate static func initialState(_ graphs: [Graph], rng: inout SplitMix64) -> [StateKey: Tensor] {
        var state: [StateKey: Tensor] = [:]
        for g in graphs {
            for node in g.nodes {
                guard case .state(let kind) = node.op else { continue }
                let key = StateKey(kind, node.name)
                guard state[key] == nil else { continue }
                let shape = node.type.shape
                switch kind {
                case .parameter where shape.count >= 2:
                    let bound = (3.0 / Double(shape.dropFirst().reduce(1, *))).squareRoot()
                    state[key] = rng.tensor(shape, -bound, bound)
                case .parameter:
                    state[key] = node.name.hasSuffix(".weight") ? rng.tensor(shape, 0.8, 1.2) : rng.tensor(shape, -0.1, 0.1)
                case .buffer:
                    state[key] = node.name.hasSuffix("running_var") ? rng.tensor(shape, 0.5, 1.5) : rng.tensor(shape, -0.1, 0.1)
                case .gradient, .adamM, .adamV, .ema:
                    state[key] = Tensor(zeros: shape)
                }
            }
        }
        return state
    }

    func testTinyTrainingProgramStepAndUpdate() throws {
        let config = ModelConfig(variant: .tiny)
        let phase = Phase.recipe[1]   // phase 2: features.4 and .5, CBAM and the head train
        let program = try TrainingProgram(config: config, phase: phase)
        let frozenModules = 0...3
        XCTAssertEqual(phase.firstTrainableFeature(of: config.backbone.featureModules), 4)
        func isFrozen(_ name: String) -> Bool { ModelConfig.featureIndex(ofParameter: name).map(frozenModules.contains) ?? false }

        let allParameters = program.update.states(.parameter).map { program.update.nodes[$0].name }
        let trainable = Set(program.trainable)
        XCTAssertEqual(trainable, Set(allParameters.filter { !isFrozen($0) }))
        XCTAssertTrue(allParameters.contains { isFrozen($0) })

        var rng = SplitMix64(seed: 2025)
        let state0 = Self.initialState([program.step, program.update], rng: &rng)
        let images = rng.tensor([config.batch, config.imageSize, config.imageSize, 3])
        let labels = Tensor(shape: [config.batch], scalars: [0, 1, 2, 1])

        let start = Date()
        let step = try run(program.step, ["images": images, "labels": labels, "seed": Self.seed(12345)], state0)
        let stepTime = Date().timeIntervalSince(start)
        let loss = step.outputs["loss"]!.scalars[0]
        XCTAssertTrue(loss.isFinite && loss > 0, "loss \(loss)")
        XCTAssertEqual(step.outputs["logits"]!.shape, [config.batch, config.classes])
        XCTAssertTrue(step.outputs["logits"]!.scalars.allSatisfy(\.isFinite))

        // The step: accumulators of trainable parameters filled, parameters untouched; running
        // statistics updated where BatchNorm trains, untouched in frozen (eval-mode) modules.
        var zeroGradients: [String] = []
        for name in trainable.sorted() {
            let g = step.state[StateKey(.gradient, name)]!
            XCTAssertTrue(g.scalars.allSatisfy(\.isFinite), name)
            if !g.scalars.contains(where: { abs($0) > 1e-12 }) { zeroGradients.append(name) }
            XCTAssertEqual(step.state[StateKey(.parameter, name)], state0[StateKey(.parameter, name)], name)
        }
        // Exactly zero, mathematically: a per-channel constant added before a training-mode
        // BatchNorm is removed by its mean. That is the case for the biases of the linear layers
        // before the head's BatchNorms, and for the last BN bias of features.4 (no residual), whose
        // output goes through the unpadded 1x1 conv of features.5 into another BatchNorm.
        XCTAssertEqual(zeroGradients, ["classifier.1.bias", "classifier.5.bias", "features.4.0.block.3.1.bias"],
                       "gradient accumulators that stay zero")
        for id in program.step.states(.buffer) {
            let key = StateKey(.buffer, program.step.nodes[id].name)
            if isFrozen(key.name) {
                XCTAssertEqual(step.state[key], state0[key], "frozen \(key.name) changed")
            } else {
                XCTAssertNotEqual(step.state[key], state0[key], "\(key.name) not updated")
            }
        }

        // The update.
        let lr = 1e-3, wd = 0.01, decay = 0.9
        let updateStart = Date()
        let update = try run(program.update, [
            "optimizer.hyper": Self.hyper(lr: lr, weightDecay: wd, gradScale: 1, maxGradNorm: 1, emaDecay: decay),
            // Step 1 for every group, with the Float betas of the attributes.
            "optimizer.bias_correction": Tensor(shape: [Phase.recipe.count, 2],
                                                scalars: [1 - Double(Float(0.9)), 1 - Double(Float(0.999))].repeated(Phase.recipe.count)),
        ], step.state)
        let updateTime = Date().timeIntervalSince(updateStart)
        print(String(format: "[interpreter] tiny phase-2 step %.2f s, update %.2f s, loss %.6f", stepTime, updateTime, loss))
        XCTAssertLessThan(stepTime + updateTime, 15, "the tiny model's step + update should take seconds")

        for name in allParameters {
            let key = StateKey(.parameter, name)
            let before = state0[key]!, after = update.state[key]!
            if trainable.contains(name) {
                XCTAssertNotEqual(after, before, "trainable \(name) did not change")
                // Step 1 of Adam moves each element by at most lr (|m̂| / sqrt(v̂) <= 1) after the decay.
                let worst = zip(before.scalars, after.scalars).map { abs($1 - $0 * (1 - lr * wd)) }.max()!
                XCTAssertLessThanOrEqual(worst, lr * (1 + 1e-6), name)
                XCTAssertEqual(update.state[StateKey(.gradient, name)], Tensor(zeros: before.shape), "\(name): accumulator not reset")
                XCTAssertNotEqual(update.state[StateKey(.adamM, name)], Tensor(zeros: before.shape), "\(name): m not updated")
            } else {
                XCTAssertEqual(after, before, "frozen \(name) changed")
                XCTAssertNil(update.state[StateKey(.gradient, name)], "frozen \(name) has an accumulator")
                XCTAssertNil(update.state[StateKey(.adamM, name)], "frozen \(name) has Adam moments")
            }
            // EMA from 0: (1 - d) · the new value, for frozen parameters too.
            let ema = update.state[StateKey(.ema, name)]!
            assertClose(ema.scalars, after.scalars.map { (1 - decay) * $0 }, accuracy: 1e-15, "ema \(name)")
        }
        for id in program.update.states(.buffer) {
            let name = program.update.nodes[id].name
            assertClose(update.state[StateKey(.ema, name)]!.scalars, step.state[StateKey(.buffer, name)]!.scalars.map { (1 - decay) * $0 },
                        accuracy: 1e-15, "ema \(name)")
        }
        // All accumulators are zero after the update.
        for id in program.update.states(.gradient) {
            let key = StateKey(.gradient, program.update.nodes[id].name)
            XCTAssertTrue(update.state[key]!.scalars.allSatisfy { $0 == 0 }, "\(key.name) not zero")
        }
        XCTAssertEqual(program.update.states(.gradient).count, trainable.count)
        // AdamW step-count groups: the head and CBAM train from phase 1 (group 0), features.4 and .5 from phase 2.
        var groups: [String: Int] = [:]
        for node in program.update.nodes { if case .adamWUpdate(let a) = node.op { groups[node.name] = a.group } }
        XCTAssertEqual(groups.count, trainable.count)
        XCTAssertEqual(groups["classifier.9.weight"], 0)
        XCTAssertEqual(groups["cbam.spatial_attention.conv.weight"], 0)
        XCTAssertEqual(groups["features.4.0.block.1.0.weight"], 1)
        XCTAssertEqual(groups["features.5.1.bias"], 1)
    }
}

extension Array {
    fileprivate func repeated(_ n: Int) -> [Element] { (0..<n).flatMap { _ in self } }
}
