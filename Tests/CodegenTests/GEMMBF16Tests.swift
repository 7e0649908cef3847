import Foundation
import XCTest
@testable import Codegen
import Graph
#if canImport(Glibc)
import Glibc
#endif

/// `breastai_gemm_bf16` against references computed here in double.
///
/// Tolerances. bfloat16 keeps 8 significant bits: rounding to nearest even has a relative error
/// of at most u = 2⁻⁸ per input, so a product of two rounded inputs is within 2u + u² ≈ 2⁻⁷ of
/// the fp32 product. Against the exact dot product of the *rounded* inputs only the float32
/// summation remains: at most (K + 4)·2⁻²⁴·Σ|aᵢbᵢ| (K additions, the block-wise adds into C,
/// alpha and beta; the products of two bf16 values are exact in float32). So:
/// - vs double on bf16-rounded inputs: |C − ref| ≤ (K + 4)·2⁻²⁴·(Σ|aᵢbᵢ| + |β·c|) — near exact;
///   truncating instead of rounding (a bias of ½ bf16 ulp per input) or losing one k breaks it.
/// - vs double on the fp32 inputs: |C − ref| ≤ (2⁻⁷ + (K + 4)·2⁻²⁴)·Σ|aᵢbᵢ| + (K + 4)·2⁻²⁴·|β·c|.
final class GEMMBF16Tests: XCTestCase {
    typealias Entry = @convention(c) (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Float, UnsafePointer<Float>, Int32,
                                      UnsafePointer<Float>, Int32, Float, UnsafeMutablePointer<Float>, Int32) -> Void
    nonisolated(unsafe) static var entry: Entry?
    nonisolated(unsafe) static var packedEntry: Entry?
    nonisolated(unsafe) static var loadError: String?
    /// The C rules of rows per micro-kernel call (breastai_gemm_bf16_rows, breastai_gemm_f32_rows).
    typealias Rows = @convention(c) (Int) -> Int32
    nonisolated(unsafe) static var rows: (bf16: Rows, f32: Rows)?

    override class func setUp() {
        super.setUp()
        guard let toolchain = Harness.toolchain else { loadError = "no C toolchain"; return }
        do {
            let dir = try Harness.temporaryDirectory("gemm-bf16")
            let lib = try GEMMProbe.build(in: dir, toolchain: toolchain)
            let s = try Harness.symbols(in: lib, ["breastai_gemm_bf16_entry", "breastai_gemm_bf16_packed_entry",
                                                  "breastai_gemm_bf16_rows", "breastai_gemm_f32_rows"])
            entry = unsafeBitCast(s[0], to: Entry.self)
            packedEntry = unsafeBitCast(s[1], to: Entry.self)
            rows = (unsafeBitCast(s[2], to: Rows.self), unsafeBitCast(s[3], to: Rows.self))
        } catch { loadError = "\(error)" }
    }

    func gemm(packed: Bool = false) throws -> Entry {
        guard (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?.contains("avx512_bf16") == true else {
            throw XCTSkip("this CPU has no avx512_bf16")
        }
        guard let e = packed ? Self.packedEntry : Self.entry else { XCTFail(Self.loadError ?? "no entry"); throw XCTSkip("no probe library") }
        return e
    }

    /// torch's float -> bfloat16 (round to nearest even), as a float.
    static func bf16(_ x: Float) -> Float {
        if x.isNaN { return .nan }
        let u = x.bitPattern
        let r = (u &+ 0x7FFF &+ ((u >> 16) & 1)) & 0xFFFF_0000
        return Float(bitPattern: r)
    }

    struct Case { var m, n, k: Int; var ta, tb: Bool; var alpha: Float = 1, beta: Float = 0; var pad = 0; var threads: Int32 = 0; var inside = false
                 /// op(B) packed once by breastai_gemm_bf16_pack, then breastai_gemm_bf16_packed (the tiled convolutions' weights).
                 var packed = false }

    /// Runs one case; returns (C, exact-on-rounded, exact-on-fp32, Σ|ab| + |βc|) per element.
    func run(_ c: Case, seed: UInt64, reference: Bool = true) throws -> (out: [Float], rounded: [Double], full: [Double], scale: [Double], betaPart: [Double]) {
        let e = try gemm(packed: c.packed)
        var rng = SplitMix64(seed: seed)
        let (rowsA, colsA) = c.ta ? (c.k, c.m) : (c.m, c.k)
        let (rowsB, colsB) = c.tb ? (c.n, c.k) : (c.k, c.n)
        let lda = colsA + c.pad, ldb = colsB + c.pad, ldc = c.n + c.pad
        let a = (0..<(rowsA * lda)).map { _ in Float(rng.normal()) }
        let b = (0..<(rowsB * ldb)).map { _ in Float(rng.normal()) }
        var out = (0..<(c.m * ldc)).map { _ in c.beta == 0 ? Float.nan : Float(rng.normal()) }   // beta 0: C is never read
        let before = out
        out.withUnsafeMutableBufferPointer { o in
            e(c.threads, c.inside ? 1 : 0, c.ta ? 1 : 0, c.tb ? 1 : 0, Int32(c.m), Int32(c.n), Int32(c.k), c.alpha, a, Int32(lda), b, Int32(ldb),
              c.beta, o.baseAddress!, Int32(ldc))
        }
        if !reference { return ((0..<c.m).flatMap { i in out[(i * ldc)..<(i * ldc + c.n)] }, [], [], [], []) }
        var result: [Float] = [], rounded: [Double] = [], full: [Double] = [], scale: [Double] = [], betaPart: [Double] = []
        for i in 0..<(reference ? c.m : 0) {
            for j in 0..<c.n {
                var r = 0.0, f = 0.0, s = 0.0
                for q in 0..<c.k {
                    let x = c.ta ? a[q * lda + i] : a[i * lda + q], y = c.tb ? b[j * ldb + q] : b[q * ldb + j]
                    r += Double(Self.bf16(x)) * Double(Self.bf16(y)); f += Double(x) * Double(y); s += abs(Double(x) * Double(y))
                }
                let cb = c.beta == 0 ? 0 : Double(c.beta) * Double(before[i * ldc + j])
                result.append(out[i * ldc + j])
                rounded.append(Double(c.alpha) * r + cb); full.append(Double(c.alpha) * f + cb)
                scale.append(abs(Double(c.alpha)) * s); betaPart.append(abs(cb))
            }
            // the padding columns of C are never written
            for j in c.n..<ldc where !(before[i * ldc + j].isNaN && out[i * ldc + j].isNaN) {
                XCTAssertEqual(out[i * ldc + j], before[i * ldc + j], "C[\(i), \(j)] (padding) was written")
            }
        }
        return (result, rounded, full, scale, betaPart)
    }

    func check(_ c: Case, seed: UInt64 = 1) throws {
        let r = try run(c, seed: seed)
        let fp32Sum = Double(c.k + 4) * pow(2, -24)
        var worstRounded = 0.0, worstFull = 0.0
        for i in r.out.indices {
            let y = Double(r.out[i])
            XCTAssertFalse(y.isNaN, "\(c): C[\(i)] is NaN (beta 0 must not read C)")
            let e1 = abs(y - r.rounded[i]) / (fp32Sum * (r.scale[i] + r.betaPart[i]) + 1e-30)
            let e2 = abs(y - r.full[i]) / ((pow(2, -7) + fp32Sum) * r.scale[i] + fp32Sum * r.betaPart[i] + 1e-30)
            worstRounded = max(worstRounded, e1); worstFull = max(worstFull, e2)
        }
        XCTAssertLessThanOrEqual(worstRounded, 1, "\(c): error vs double on bf16-rounded inputs exceeds (K+4)·2⁻²⁴·Σ|ab| by \(worstRounded)x")
        XCTAssertLessThanOrEqual(worstFull, 1, "\(c): error vs double on fp32 inputs exceeds the bf16 bound by \(worstFull)x")
    }

    func testShapesAndTransposesAgainstDouble() throws {
        // Blocking: MR 12, NR 32 (two vectors of 16), KC 384, MC 96 — tails on every side.
        let cases = [
            Case(m: 1, n: 1, k: 1, ta: false, tb: false),
            Case(m: 13, n: 33, k: 1000, ta: false, tb: false),
            Case(m: 37, n: 70, k: 129, ta: true, tb: false),
            Case(m: 100, n: 50, k: 77, ta: false, tb: true),
            Case(m: 12, n: 32, k: 384, ta: true, tb: true),
            Case(m: 97, n: 17, k: 385, ta: false, tb: true),
            Case(m: 193, n: 31, k: 769, ta: true, tb: false),
            Case(m: 5, n: 48, k: 3, ta: false, tb: false),
        ]
        for (i, c) in cases.enumerated() { try check(c, seed: UInt64(i + 1)) }
    }

    /// N a multiple of 16 but of neither 32 nor 48 (M's 80, 176 and 304 channels): 48-column panels
    /// then one or two 32-column ones, 8-row micro-kernels. Against double, packed weight or not,
    /// every transpose, several KC blocks, tails of rows, on 1, 2 and 3 threads (the same bits).
    func testMixedPanelsForOtherMultiplesOf16() throws {
        let cases = [
            Case(m: 101, n: 80, k: 500, ta: false, tb: false),    // 48 + 32
            Case(m: 77, n: 176, k: 1056, ta: false, tb: true),    // 3 x 48 + 32 (M's features.5 dx)
            Case(m: 45, n: 304, k: 385, ta: true, tb: false),     // 5 x 48 + 2 x 32
            Case(m: 30, n: 112, k: 96, ta: true, tb: true, beta: 1, pad: 3),   // 48 + 2 x 32, ldc > N
        ]
        for (i, c) in cases.enumerated() {
            try check(c, seed: UInt64(80 + i))
            var p = c; p.packed = true
            try check(p, seed: UInt64(80 + i))
            let plain = try run(c, seed: UInt64(90 + i), reference: false).out, packed = try run(p, seed: UInt64(90 + i), reference: false).out
            XCTAssertEqual(plain.map(\.bitPattern), packed.map(\.bitPattern), "\(c): packed weight")
            for threads: Int32 in [1, 3] {
                var t = c; t.threads = threads
                XCTAssertEqual(plain.map(\.bitPattern), try run(t, seed: UInt64(90 + i), reference: false).out.map(\.bitPattern),
                               "\(c): \(threads) threads")
            }
        }
    }

    /// The compiler sizes Winograd's chunks of tiles by `gemmMicroKernelRows`, a Swift copy of the
    /// GEMMs' C rule (`ba_mr`, `gf_mr(gf_nr)`): the two must agree for every width, or a chunk ends in a
    /// part-empty micro-kernel. No AVX512-BF16 needed: the rules are plain C.
    func testSwiftMicroKernelRowsMatchTheC() throws {
        guard let rows = Self.rows else { return XCTFail(Self.loadError ?? "no rows entries in the probe library") }
        for n in 1...2048 {
            XCTAssertEqual(gemmMicroKernelRows(columns: n, .bf16), Int(rows.bf16(n)), "bf16, \(n) columns")
            XCTAssertEqual(gemmMicroKernelRows(columns: n, .fp32), Int(rows.f32(n)), "fp32, \(n) columns")
        }
    }

    func testAlphaBetaAndLeadingDimensions() throws {
        try check(Case(m: 29, n: 45, k: 400, ta: false, tb: true, beta: 1), seed: 11)          // dw accumulation (beta 1)
        try check(Case(m: 29, n: 45, k: 400, ta: true, tb: false, alpha: 0.5, beta: 0.25), seed: 12)
        try check(Case(m: 40, n: 20, k: 70, ta: false, tb: false, pad: 5), seed: 13)          // lda > K, ldb > N, ldc > N
        try check(Case(m: 40, n: 20, k: 70, ta: true, tb: true, beta: 1, pad: 3), seed: 14)
    }

    /// The tiled convolutions call it inside their parallel regions; the 1x1 ones from outside.
    func testSameBitsForAnyThreadCountAndInsideParallelRegions() throws {
        let c = Case(m: 500, n: 70, k: 900, ta: false, tb: true)   // 6 blocks of 96 rows, 3 of 384 k
        func bits(_ threads: Int32, inside: Bool = false) throws -> [Float] {
            try run(Case(m: c.m, n: c.n, k: c.k, ta: c.ta, tb: c.tb, threads: threads, inside: inside), seed: 21, reference: false).out
        }
        let one = try bits(1), two = try bits(2), three = try bits(3), inside = try bits(2, inside: true)
        XCTAssertEqual(one.count, c.m * c.n)
        XCTAssertEqual(one.map(\.bitPattern), two.map(\.bitPattern))
        XCTAssertEqual(one.map(\.bitPattern), three.map(\.bitPattern))
        XCTAssertEqual(one.map(\.bitPattern), inside.map(\.bitPattern))
    }

    /// A weight packed once and multiplied tile by tile gives the same bits as packing it in every
    /// call, for every blocking edge, transpose, alpha/beta, leading dimension and inside a region;
    /// and it meets the same bounds against double.
    func testPackedWeightGivesTheSameBits() throws {
        let cases = [
            Case(m: 13, n: 33, k: 1000, ta: false, tb: false), Case(m: 37, n: 70, k: 129, ta: true, tb: false),
            Case(m: 100, n: 50, k: 77, ta: false, tb: true), Case(m: 97, n: 17, k: 385, ta: false, tb: true),
            Case(m: 193, n: 31, k: 769, ta: true, tb: false), Case(m: 5, n: 48, k: 3, ta: false, tb: false),
            Case(m: 128, n: 48, k: 1728, ta: false, tb: false, inside: true),   // a tile of features.2's 3x3 dx
            Case(m: 29, n: 45, k: 400, ta: true, tb: false, alpha: 0.5, beta: 0.25),
            Case(m: 40, n: 20, k: 70, ta: false, tb: true, beta: 1, pad: 3),
        ]
        for (i, c) in cases.enumerated() {
            var p = c; p.packed = true
            let plain = try run(c, seed: UInt64(40 + i), reference: false).out, packed = try run(p, seed: UInt64(40 + i), reference: false).out
            XCTAssertEqual(plain.count, c.m * c.n)
            let differing = zip(plain, packed).filter { $0.bitPattern != $1.bitPattern }.count
            XCTAssertEqual(differing, 0, "\(c): the packed weight changes \(differing) of \(plain.count) results")
            try check(p, seed: UInt64(60 + i))
        }
    }

    /// C = bf16(a) · 1 for hand-computed roundings: ties go to the even mantissa (truncation
    /// would give 1.0078125 for the second), NaN stays NaN, infinities stay, overflow rounds to
    /// infinity.
    func testRoundingToNearestEven() throws {
        let e = try gemm()
        let cases: [(Float, Float)] = [
            (1 + 0x1p-8, 1),                        // tie, even is 1
            (1 + 3 * 0x1p-8, 1 + 0x1p-6),           // tie, even is 1 + 2/128
            (1 + 0x1p-8 + 0x1p-20, 1 + 0x1p-7),     // above the tie: up
            (-(1 + 3 * 0x1p-8), -(1 + 0x1p-6)),
            (3.0, 3.0), (0.1, 0.10009765625),
            (.infinity, .infinity), (-.infinity, -.infinity), (.greatestFiniteMagnitude, .infinity),
        ]
        let a = cases.map(\.0) + [.nan], one: [Float] = [1]
        var c = [Float](repeating: 7, count: a.count)
        c.withUnsafeMutableBufferPointer { o in e(1, 0, 0, 0, Int32(a.count), 1, 1, 1, a, 1, one, 1, 0, o.baseAddress!, 1) }
        for (i, (x, want)) in cases.enumerated() {
            XCTAssertEqual(c[i].bitPattern, want.bitPattern, "bf16(\(x)) = \(c[i]), expected \(want)")
        }
        XCTAssertTrue(c[cases.count].isNaN, "NaN must stay NaN")
    }
}
