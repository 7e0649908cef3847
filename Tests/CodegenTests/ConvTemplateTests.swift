import Foundation
import XCTest
@testable import Codegen
import Graph
import Runtime

/// The convolution templates (forward, backward-input, backward-weight), fast and naive, against
/// the reference interpreter on a matrix of shapes, and run twice to check they are bit-identical.
///
/// Each case compiles `loss = Σ conv(x, w) · R` with x, w and R parameters, outputs y as `logits`,
/// and accumulates dL/dx = conv_bwd_input(R, w) and dL/dw = conv_bwd_weight(R, x) into the
/// gradient accumulators of x and w, as a training step does.
///
/// x is a parameter (not the `images` input) so that autodiff produces its gradient.
///
/// `bash bench/conv_templates.sh` (`BREASTAI_BENCH=1`, see `testBenchmark`) times the templates on
/// EfficientNetV2-S shapes instead. `BREASTAI_CONV_DUMP=dir` writes each program's emitted C there.
final class ConvTemplateTests: XCTestCase {
    struct Case {
        var name: String
        var n, h, w, c, k, r: Int
        var stride = 1, pad = 0, groups = 1
        /// Kernel width, when not `r`.
        var s: Int? = nil
        var wShape: [Int] { [k, c / groups, r, s ?? r] }
        var attrs: Conv2DAttrs { Conv2DAttrs(stride: stride, padding: pad, groups: groups) }
        var isDepthwise: Bool { groups == c && k == c }
        var isPointwise: Bool { r == 1 && (s ?? r) == 1 && stride == 1 && pad == 0 && groups == 1 }
    }

    override class func setUp() {
        super.setUp()
        // Workaround: `LoadedObjects` reads /proc/self/maps with Foundation, which stops at 4 KB, so
        // `CompiledProgram` can miss libgomp when pinning what a library loads; unloading a program
        // right after a parallel region then unmaps the code its spinning worker threads run.
        _ = dlopen("libgomp.so.1", RTLD_NOW | RTLD_NODELETE)
    }

    func testStem() throws { try check(Case(name: "stem", n: 2, h: 33, w: 31, c: 3, k: 8, r: 3, stride: 2, pad: 1)) }
    func testDense3x3() throws { try check(Case(name: "dense3x3", n: 2, h: 13, w: 11, c: 16, k: 24, r: 3, pad: 1)) }
    func testDense3x3ManyTiles() throws { try check(Case(name: "dense3x3_tiles", n: 2, h: 33, w: 31, c: 16, k: 24, r: 3, pad: 1)) }
    /// Winograd's chunks of tiles (several, the last one partial), 48-column panels, even sizes.
    func testDense3x3Wide() throws { try check(Case(name: "dense3x3_wide", n: 3, h: 20, w: 18, c: 40, k: 96, r: 3, pad: 1)) }
    /// Winograd's weight gradient (bf16: >= 32 channels) with odd sizes: the tiles past the last row and column.
    func testDense3x3OddWide() throws { try check(Case(name: "dense3x3_odd_wide", n: 2, h: 13, w: 11, c: 32, k: 40, r: 3, pad: 1)) }
    /// Winograd F(4x4, 3x3) (fp32) with 48 outputs, whose GEMM runs 8 rows at a time: chunks of 24
    /// tiles (the last one partial), heights and widths multiples of 4 (no tile past the edge). Its
    /// error, like every fp32 fast path's, within 1e-4 of max|ref| (F(4x4)'s transforms multiply by up
    /// to 5 and 8 and divide by 24: measured 2026-12-06 up to 7.8e-6 on this file's Winograd cases,
    /// against 3.7e-7 for im2col and 2.5e-7 for the naive loops).
    func testDense3x3FortyEight() throws { try check(Case(name: "dense3x3_48", n: 2, h: 20, w: 24, c: 48, k: 48, r: 3, pad: 1)) }
    func testDense3x3NoPadding() throws { try check(Case(name: "dense3x3_valid", n: 1, h: 9, w: 12, c: 8, k: 12, r: 3)) }
    func testDense3x3Stride2() throws { try check(Case(name: "dense3x3s2", n: 2, h: 15, w: 13, c: 12, k: 20, r: 3, stride: 2, pad: 1)) }
    func testDense3x3Stride2ManyTiles() throws {
        try check(Case(name: "dense3x3s2_tiles", n: 2, h: 65, w: 63, c: 8, k: 16, r: 3, stride: 2, pad: 1))
    }
    func testStemManyTiles() throws { try check(Case(name: "stem_tiles", n: 2, h: 65, w: 63, c: 3, k: 8, r: 3, stride: 2, pad: 1)) }
    /// dx by rows of dy (`emitStridedBackwardInputByRows`) past one buffer of rows: 49 dy rows of 48 x 432 products,
    /// 6 per buffer, 4 blocks of dx rows per image, odd sizes.
    func testDense3x3Stride2RowBuffers() throws {
        try check(Case(name: "dense3x3s2_rows", n: 2, h: 97, w: 95, c: 48, k: 16, r: 3, stride: 2, pad: 1))
    }
    func testDense3x3Stride3() throws { try check(Case(name: "dense3x3s3", n: 1, h: 14, w: 10, c: 8, k: 8, r: 3, stride: 3, pad: 1)) }
    func testDense2x2Stride2() throws { try check(Case(name: "dense2x2s2", n: 2, h: 9, w: 8, c: 8, k: 16, r: 2, stride: 2)) }
    func testDense3x5Stride2() throws {
        try check(Case(name: "dense3x5s2", n: 2, h: 13, w: 17, c: 6, k: 10, r: 3, stride: 2, pad: 1, s: 5))
    }
    func testDepthwise3x5() throws { try check(Case(name: "dw3x5", n: 1, h: 9, w: 11, c: 24, k: 24, r: 3, pad: 1, groups: 24, s: 5)) }
    func testCBAM7x7() throws { try check(Case(name: "cbam7x7", n: 2, h: 9, w: 11, c: 2, k: 1, r: 7, pad: 3)) }
    func testDepthwise3x3() throws { try check(Case(name: "dw3x3", n: 2, h: 9, w: 7, c: 40, k: 40, r: 3, pad: 1, groups: 40)) }
    /// The sliding-window kernels (3x3, stride 1) at their edges: one row or one column (no neighbour
    /// in the window), and 16 + 1 channels (one vector block and the scalar rest).
    func testDepthwise3x3OneRowOneColumn() throws {
        try check(Case(name: "dw3x3_row", n: 2, h: 1, w: 5, c: 17, k: 17, r: 3, pad: 1, groups: 17))
        try check(Case(name: "dw3x3_column", n: 1, h: 4, w: 1, c: 16, k: 16, r: 3, pad: 1, groups: 16))
        try check(Case(name: "dw3x3_pixel", n: 1, h: 1, w: 1, c: 33, k: 33, r: 3, pad: 1, groups: 33))
    }
    func testDepthwise3x3Stride2() throws {
        try check(Case(name: "dw3x3s2", n: 2, h: 11, w: 9, c: 40, k: 40, r: 3, stride: 2, pad: 1, groups: 40))
    }
    func testDepthwise5x5() throws { try check(Case(name: "dw5x5", n: 2, h: 9, w: 11, c: 40, k: 40, r: 5, pad: 2, groups: 40)) }
    func testDepthwise5x5Stride2() throws {
        try check(Case(name: "dw5x5s2", n: 1, h: 13, w: 10, c: 24, k: 24, r: 5, stride: 2, pad: 2, groups: 24))
    }
    func testGroups2() throws { try check(Case(name: "groups2", n: 2, h: 9, w: 7, c: 8, k: 12, r: 3, pad: 1, groups: 2)) }
    func testGroups2Stride2() throws {
        try check(Case(name: "groups2s2", n: 2, h: 11, w: 9, c: 12, k: 8, r: 3, stride: 2, pad: 1, groups: 2))
    }
    func testPointwiseStride2() throws { try check(Case(name: "1x1s2", n: 2, h: 9, w: 7, c: 16, k: 8, r: 1, stride: 2)) }
    func testPointwisePadded() throws { try check(Case(name: "1x1p1", n: 1, h: 5, w: 6, c: 8, k: 8, r: 1, pad: 1)) }
    func testPointwise() throws { try check(Case(name: "1x1", n: 2, h: 7, w: 5, c: 16, k: 24, r: 1)) }
    /// 4,320 rows: forward and dx in row tiles of the packed GEMM (16 tiles, the last one partial).
    func testPointwiseRowTiles() throws { try check(Case(name: "1x1_rows", n: 2, h: 48, w: 45, c: 16, k: 24, r: 1)) }

    // MARK: - Checking one case

    /// loss = Σ conv(x, w) · R; outputs y as logits; gradients of x and w into their accumulators.
    static func graph(_ t: Case) -> Graph {
        let b = GraphBuilder()
        let x = b.parameter("x", [t.n, t.h, t.w, t.c])
        let w = b.parameter("weight", t.wShape)
        let y = b.add(.conv2d(t.attrs), [x, w])
        let r = b.parameter("r", b.shape(y))
        let loss = b.reshape(b.reduce(.sum, b.mul(y, r), axes: [0, 1, 2, 3]), [])
        b.output("loss", loss)
        b.output("logits", y)
        let grads = Backward.append(to: b, loss: loss, parameters: [x, w])
        for p in [x, w] {
            b.named(b.graph.nodes[p].name) {
                let acc = b.state(.gradient, "", b.shape(p))
                b.assign(acc, b.add(acc, grads[p]!))
            }
        }
        return b.graph
    }

    // MARK: - bf16

    /// bf16 rounds the GEMMs' inputs: im2col rounds x and w, Winograd the transformed V = Bᵀ d B and
    /// U = G g Gᵀ (and E = A dY Aᵀ for dw). Each rounding is at most 2⁻⁹ relative, so a product is
    /// off by at most about 2⁻⁸ of its size, random in sign: a sum of many is off by about 2⁻⁸ of
    /// the root-sum-square of its terms, well under 1% of max|y| for im2col. Winograd's transforms
    /// add and subtract up to 4 inputs (Bᵀ) and 9 weights (G), and the output transform adds 9 of
    /// the 16 products, so its terms are up to a few times larger than the result they sum to: a few
    /// times im2col's error. Bound: 2% of max|ref| for y, dx and dw, against the fp32 interpreter
    /// (measured 2026-12-05: Winograd 0.35-0.52%, im2col 0.20-0.25%); fp32 sums keep the runs bit-identical.
    func testDense3x3WideBF16() throws {
        try check(Case(name: "dense3x3_wide", n: 3, h: 20, w: 18, c: 40, k: 96, r: 3, pad: 1), precision: .bf16)
    }
    func testDense3x3OddWideBF16() throws {
        try check(Case(name: "dense3x3_odd_wide", n: 2, h: 13, w: 11, c: 32, k: 40, r: 3, pad: 1), precision: .bf16)
    }
    /// Winograd's weight gradient with bf16 products (from 64 channels in and out).
    func testDense3x3SixtyFourBF16() throws {
        try check(Case(name: "dense3x3_64", n: 2, h: 10, w: 9, c: 64, k: 72, r: 3, pad: 1), precision: .bf16)
    }
    /// A narrow Winograd convolution in a bf16 program: F(4x4) with fp32 products, fp32's accuracy.
    func testDense3x3NarrowInBF16() throws {
        try check(Case(name: "dense3x3_narrow", n: 2, h: 13, w: 11, c: 24, k: 24, r: 3, pad: 1), precision: .bf16)
    }
    /// im2col in bf16, for scale.
    func testDense3x3Stride2BF16() throws {
        try check(Case(name: "dense3x3s2", n: 2, h: 15, w: 13, c: 32, k: 40, r: 3, stride: 2, pad: 1), precision: .bf16)
    }

    func check(_ t: Case, precision: Precision = .fp32, file: StaticString = #filePath, line: UInt = #line) throws {
        if precision == .bf16, let reason = BF16Support.unavailableReason() { throw XCTSkip("bf16 cannot run here: \(reason)") }
        let g = Self.graph(t)
        var rng = SplitMix64(seed: 17)
        let yShape = g.outputs.first { $0.name == "logits" }.map { g.nodes[$0.node].type.shape }!
        let shapes = ["x": [t.n, t.h, t.w, t.c], "weight": t.wShape, "r": yShape]
        var values: [String: [Float]] = [:]
        for (name, shape) in shapes.sorted(by: { $0.key < $1.key }) {
            let scale = name == "weight" ? 1 / Double(shape.dropFirst().reduce(1, *)).squareRoot() : 1
            values[name] = (0..<shape.reduce(1, *)).map { _ in Float(scale * rng.normal()) }
        }
        var state: [StateKey: Tensor] = [:]
        for (name, v) in values { state[StateKey(.parameter, name)] = Tensor(shape: shapes[name]!, floats: v) }
        for name in ["x", "weight"] { state[StateKey(.gradient, name)] = Tensor(zeros: shapes[name]!) }
        let ref = try Interpreter.run(g, inputs: [:], state: state)
        let refY = ref.outputs["logits"]!.scalars
        let refDx = ref.state[StateKey(.gradient, "x")]!.scalars
        let refDw = ref.state[StateKey(.gradient, "weight")]!.scalars

        for naive in precision == .bf16 ? [false] : [true, false] {
            let mode = (naive ? "naive" : "fast") + (precision == .bf16 ? " bf16" : "")
            let artifact = try compileStandalone(g, title: "ConvTemplateTests \(t.name) \(mode)",
                                                 options: EmitOptions(naiveKernels: naive, precision: precision))
            // Dense 3x3, stride 1, padding 1, at least 16 channels in and out: forward, dx and dw are Winograd,
            // F(4x4, 3x3) with fp32 products in fp32; in bf16 F(2x2, 3x3) with bf16 products from 32 channels
            // in and out (forward, dx) and 64 (dw), and as in fp32 below.
            let winograd = !naive && t.r == 3 && (t.s ?? 3) == 3 && t.stride == 1 && t.pad == 1 && t.groups == 1 && t.c >= 16 && t.k >= 16
            let bf16Products = precision == .bf16 && t.c >= 32 && t.k >= 32, bf16Dw = precision == .bf16 && t.c >= 64 && t.k >= 64
            // (the kernels' own comments; kernels.h's helpers say "Winograd F(2x2, 3x3) (Lavin" and "Winograd F(4x4, 3x3) (Lavin")
            let count = { (text: String) in artifact.source.kernels.map { $0.text.components(separatedBy: text).count - 1 }.reduce(0, +) }
            let tile = { (bf16: Bool) in bf16 ? "F(2x2, 3x3)" : "F(4x4, 3x3)" }
            if winograd {
                XCTAssertEqual(count("/* Winograd \(tile(bf16Products)):"), 2, "\(t.name) \(mode): Winograd forward and dx", file: file, line: line)
                XCTAssertEqual(count("/* Winograd \(tile(bf16Dw)) weight gradient:"), 1, "\(t.name) \(mode): Winograd dw", file: file, line: line)
            } else {
                XCTAssertEqual(count("/* Winograd F("), 0, "\(t.name) \(mode): no Winograd", file: file, line: line)
            }
            // 1x1: row tiles of the packed GEMM from 4,096 rows (forward and dx), else sgemm
            let expected = naive ? "naive:" : t.isPointwise ? (t.n * t.h * t.w >= 4096 ? "breastai_gemm_f32_packed" : "cblas_sgemm")
                : precision == .bf16 && !winograd ? "breastai_gemm_bf16_packed("
                : t.isDepthwise ? "Depthwise"
                : winograd ? "/* Winograd \(tile(bf16Products)):" : "Implicit GEMM"
            XCTAssertTrue(artifact.kernels.contains(expected), "\(t.name) \(mode): the kernels do not use the expected template (\(expected))",
                          file: file, line: line)
            // dx of a strided dense convolution: by rows of dy
            let byRows = !naive && t.stride > 1 && t.groups == 1 && !t.isDepthwise
            XCTAssertEqual(artifact.kernels.contains("/* Transposed convolution by rows of dy"), byRows,
                           "\(t.name) \(mode): dx by rows of dy", file: file, line: line)
            if let dump = ProcessInfo.processInfo.environment["BREASTAI_CONV_DUMP"] {  // a directory for the emitted C
                try Data(artifact.kernels.utf8).write(to: URL(fileURLWithPath: "\(dump)/\(t.name)-\(mode).c"))
            }
            if precision == .bf16 {
                // fp32 products in a bf16 artifact only in the narrow Winograd kernels
                XCTAssertEqual(count("cblas_sgemm("), 0, "\(t.name) \(mode): sgemm in a bf16 kernel", file: file, line: line)
                XCTAssertEqual(count("breastai_gemm_f32_packed("), winograd && !bf16Products ? 2 : 0, "\(t.name) \(mode): fp32 forward and dx products",
                               file: file, line: line)
                XCTAssertEqual(count("breastai_gemm_f32_tn("), winograd && !bf16Dw ? 1 : 0, "\(t.name) \(mode): fp32 dw products", file: file, line: line)
                XCTAssertEqual(artifact.source.extraUnits.map(\.name), winograd && !(bf16Products && bf16Dw) ? ["gemm_bf16.c", "gemm_f32.c"] : ["gemm_bf16.c"],
                               "\(t.name) \(mode): the GEMM units", file: file, line: line)
            }
            let (program, dir) = try Harness.load(artifact, name: "conv-\(t.name)-\(mode)".replacingOccurrences(of: " ", with: "-"))
            defer { try? FileManager.default.removeItem(at: dir) }
            let blocks = try StateBlocks(layout: artifact.manifest.layout)
            for (name, v) in values { try blocks.write(.model, name, v) }
            let arena = try Arena(bytes: max(artifact.manifest.eval.arenaBytes, 64))
            var y = [Float](repeating: 0, count: refY.count), loss: [Float] = [0]

            var runs: [[[Float]]] = []
            for _ in 0..<2 {
                blocks.zero(.grads)
                try y.withUnsafeMutableBytes { yb in
                    try loss.withUnsafeMutableBytes { lb in
                        try program.run(artifact.manifest.eval.entry, state: blocks, arena: arena,
                                        inputs: [.logits: yb.baseAddress!, .loss: lb.baseAddress!])
                    }
                }
                runs.append([y, try blocks.gradient("x"), try blocks.gradient("weight")])
            }
            for (i, what) in ["y", "dx", "dw"].enumerated() {
                XCTAssertTrue(runs[0][i].elementsEqual(runs[1][i]) { $0.bitPattern == $1.bitPattern },
                              "\(t.name) \(mode) \(what): two runs differ", file: file, line: line)
            }
            let label = "\(t.name) \(mode)"
            // in bf16 which results took bf16 products: every one but the narrow Winograd kernels' (fp32 products)
            let rounded = precision == .bf16 ? [!winograd || bf16Products, !winograd || bf16Products, !winograd || bf16Dw] : [false, false, false]
            for (i, (what, got, want)) in [("y", runs[0][0], refY), ("dx", runs[0][1], refDx), ("dw", runs[0][2], refDw)].enumerated() {
                let floor = 1e-6 * (want.map(abs).max() ?? 0) + 1e-7
                let error = Harness.compare("\(label) \(what)", got, want, rtol: rounded[i] ? 0.02 : 1e-4, atol: floor, file: file, line: line)
                if rounded[i] {
                    print("\(label) \(what): max|diff| / max|ref| = \(error)")
                    XCTAssertGreaterThan(error, 1e-5, "\(label) \(what): exact to fp32: were the products really bf16?", file: file, line: line)
                }
            }
        }
    }

    // MARK: - Benchmark (opt-in)

    /// Times forward, dx and dw of representative EfficientNetV2-S convolutions at batch 4,
    /// 512×512 input, naive against fast, in GFLOP/s (2 FLOPs per multiply-add). Prints a table;
    /// asserts nothing about time. Run with BREASTAI_BENCH=1.
    func testBenchmark() throws {
        guard ProcessInfo.processInfo.environment["BREASTAI_BENCH"] == "1" else {
            throw XCTSkip("set BREASTAI_BENCH=1 to time the convolution templates")
        }
        let only = ProcessInfo.processInfo.environment["BREASTAI_BENCH_ONLY"]
        let naiveRuns = Int(ProcessInfo.processInfo.environment["BREASTAI_BENCH_NAIVE_RUNS"] ?? "") ?? 2
        let cases = [
            Case(name: "stem 3x3 s2 3->24 512", n: 4, h: 512, w: 512, c: 3, k: 24, r: 3, stride: 2, pad: 1),
            Case(name: "features.1 3x3 24->24 256", n: 4, h: 256, w: 256, c: 24, k: 24, r: 3, pad: 1),
            Case(name: "features.2.0 3x3 s2 24->96 256", n: 4, h: 256, w: 256, c: 24, k: 96, r: 3, stride: 2, pad: 1),
            Case(name: "features.2.1 3x3 48->192 128", n: 4, h: 128, w: 128, c: 48, k: 192, r: 3, pad: 1),
            Case(name: "features.3.1 3x3 64->256 64", n: 4, h: 64, w: 64, c: 64, k: 256, r: 3, pad: 1),
            Case(name: "dw 3x3 C960 32", n: 4, h: 32, w: 32, c: 960, k: 960, r: 3, pad: 1, groups: 960),
            Case(name: "dw 3x3 s2 C960 32", n: 4, h: 32, w: 32, c: 960, k: 960, r: 3, stride: 2, pad: 1, groups: 960),
            Case(name: "dw 3x3 C1536 16", n: 4, h: 16, w: 16, c: 1536, k: 1536, r: 3, pad: 1, groups: 1536),
            Case(name: "1x1 64->256 64 (sgemm, for reference)", n: 4, h: 64, w: 64, c: 64, k: 256, r: 1),
        ].filter { only == nil || $0.name.contains(only!) }
        var report = ["shape | pass | naive GFLOP/s | fast GFLOP/s | speed-up | max rel diff"]
        for t in cases {
            for pass in ["fwd", "dx", "dw"] {
                let (g, inputCount, outputCount) = Self.singleOpGraph(t, pass)
                let ho = (t.h + 2 * t.pad - t.r) / t.stride + 1, wo = (t.w + 2 * t.pad - (t.s ?? t.r)) / t.stride + 1
                let flops = 2.0 * Double(t.n * ho * wo * t.k * (t.c / t.groups) * t.r * (t.s ?? t.r))
                var rng = SplitMix64(seed: 5)
                let input = (0..<inputCount).map { _ in Float(rng.normal()) }
                var rates: [Double] = [], outputs: [[Float]] = []
                for naive in naiveRuns > 0 ? [true, false] : [false] {
                    var rng = SplitMix64(seed: 6)
                    let artifact = try compileStandalone(g, title: "bench \(t.name) \(pass)", options: EmitOptions(naiveKernels: naive))
                    if let dump = ProcessInfo.processInfo.environment["BREASTAI_CONV_DUMP"] {
                        let file = "\(dump)/bench-\(t.name)-\(pass)-\(naive ? "naive" : "fast").c".replacingOccurrences(of: " ", with: "_")
                        try Data(artifact.kernels.utf8).write(to: URL(fileURLWithPath: file))
                    }
                    let (program, dir) = try Harness.load(artifact, name: "bench")
                    defer { try? FileManager.default.removeItem(at: dir) }
                    if report.count == 1 { report.insert(program.blasSummary, at: 0) }
                    let blocks = try StateBlocks(layout: artifact.manifest.layout)
                    for e in artifact.manifest.layout.parameters {
                        try blocks.write(.model, e.name, (0..<e.count).map { _ in Float(rng.normal() * 0.1) })
                    }
                    let arena = try Arena(bytes: max(artifact.manifest.eval.arenaBytes, 64))
                    var x = input, y = [Float](repeating: 0, count: outputCount)
                    var best = Double.infinity
                    for _ in 0..<(naive ? naiveRuns : 6) {
                        let start = DispatchTime.now().uptimeNanoseconds
                        try x.withUnsafeMutableBytes { xb in
                            try y.withUnsafeMutableBytes { yb in
                                try program.run(artifact.manifest.eval.entry, state: blocks, arena: arena,
                                                inputs: [.images: xb.baseAddress!, .logits: yb.baseAddress!])
                            }
                        }
                        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                    }
                    rates.append(flops / best / 1e9)
                    outputs.append(y)
                }
                if rates.count == 1 { rates.insert(.nan, at: 0); outputs.insert(outputs[0], at: 0) }
                let scale = outputs[0].map { abs(Double($0)) }.max() ?? 1
                let diff = zip(outputs[0], outputs[1]).map { abs(Double($0) - Double($1)) }.max() ?? 0
                let line = "\(t.name) | \(pass) | \(String(format: "%.1f", rates[0])) | \(String(format: "%.1f", rates[1])) | "
                    + "\(String(format: "%.1fx", rates[1] / rates[0])) | \(String(format: "%.1e", diff / max(scale, 1e-30)))"
                report.append(line)
            }
        }
        print((["=== conv templates"] + report + ["=== end"]).joined(separator: "\n"))
    }

    /// A graph of one convolution op: `images` is x (fwd) or dy (dx, dw), the weight (fwd, dx) or
    /// x (dw) a parameter, the result the `logits` output. Returns the graph and the input and
    /// output sizes.
    static func singleOpGraph(_ t: Case, _ pass: String) -> (Graph, Int, Int) {
        let b = GraphBuilder()
        let xType = TensorType([t.n, t.h, t.w, t.c])
        let ho = (t.h + 2 * t.pad - t.r) / t.stride + 1, wo = (t.w + 2 * t.pad - (t.s ?? t.r)) / t.stride + 1
        let yType = TensorType([t.n, ho, wo, t.k])
        let out: NodeID
        switch pass {
        case "fwd":
            out = b.add(.conv2d(t.attrs), [b.input("images", xType), b.parameter("weight", t.wShape)])
        case "dx":
            out = b.add(.conv2dBackwardInput(t.attrs), [b.input("images", yType), b.parameter("weight", t.wShape)], type: xType)
        default:
            out = b.add(.conv2dBackwardWeight(t.attrs), [b.input("images", yType), b.parameter("x", xType.shape)],
                        type: TensorType(t.wShape))
        }
        b.output("logits", out)
        return (b.graph, pass == "fwd" ? xType.count : yType.count, b.type(out).count)
    }
}
