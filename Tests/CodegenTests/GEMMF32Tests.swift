import Foundation
import XCTest
@testable import Codegen
import Graph
#if canImport(Glibc)
import Glibc
#endif

/// `breastai_gemm_f32_pack` + `breastai_gemm_f32_packed` (the tiled convolutions' fp32 GEMM)
/// against references computed here in double.
///
/// Tolerance: a float32 dot product of K terms summed with fused multiply-adds in any fixed order
/// (plus the block-wise adds into C, alpha and beta) is within (K + 4)·2⁻²⁴·(|α|·Σ|aᵢbᵢ| + |β·c|)
/// of the exact result (the standard γ bound, one rounding per step). Losing, repeating or
/// misplacing one product, a wrong panel column or a wrong stride breaks it by orders of magnitude.
final class GEMMF32Tests: XCTestCase {
    /// (threads, inside, portable, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
    typealias Entry = @convention(c) (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32, Float, UnsafePointer<Float>, Int32,
                                      UnsafePointer<Float>, Int32, Float, UnsafeMutablePointer<Float>, Int32) -> Void
    nonisolated(unsafe) static var entry: Entry?
    /// breastai_gemm_f32_tn_entry: (threads, inside, portable, m, n, k, a, lda, b, ldb, c, ldc), C += Aᵀ·B.
    typealias TNEntry = @convention(c) (Int32, Int32, Int32, Int32, Int32, Int32, UnsafePointer<Float>, Int32, UnsafePointer<Float>, Int32,
                                        UnsafeMutablePointer<Float>, Int32) -> Void
    nonisolated(unsafe) static var tnEntry: TNEntry?
    nonisolated(unsafe) static var loadError: String?

    override class func setUp() {
        super.setUp()
        guard let toolchain = Harness.toolchain else { loadError = "no C toolchain"; return }
        do {
            let dir = try Harness.temporaryDirectory("gemm-f32")
            let lib = try GEMMProbe.build(in: dir, toolchain: toolchain)
            let s = try Harness.symbols(in: lib, ["breastai_gemm_f32_packed_entry", "breastai_gemm_f32_tn_entry"])
            entry = unsafeBitCast(s[0], to: Entry.self)
            tnEntry = unsafeBitCast(s[1], to: TNEntry.self)
        } catch { loadError = "\(error)" }
    }

    func gemm() throws -> Entry {
        guard let e = Self.entry else { XCTFail(Self.loadError ?? "no entry"); throw XCTSkip("no probe library") }
        return e
    }

    struct Case {
        var m, n, k: Int; var ta = false, tb = false; var alpha: Float = 1, beta: Float = 0; var pad = 0
        var threads: Int32 = 0; var inside = false
        /// The layout of CPUs without AVX-512F (op(B) row-major, cblas_sgemm), on any CPU.
        var portable = false
    }

    /// Runs one case; returns C and, per element, the exact result and its error bound.
    func run(_ c: Case, seed: UInt64, reference: Bool = true) throws -> (out: [Float], exact: [Double], bound: [Double]) {
        let e = try gemm()
        var rng = SplitMix64(seed: seed)
        let (rowsA, colsA) = c.ta ? (c.k, c.m) : (c.m, c.k)
        let (rowsB, colsB) = c.tb ? (c.n, c.k) : (c.k, c.n)
        let lda = colsA + c.pad, ldb = colsB + c.pad, ldc = c.n + c.pad
        let a = (0..<(max(rowsA, 1) * lda)).map { _ in Float(rng.normal()) }
        let b = (0..<(max(rowsB, 1) * ldb)).map { _ in Float(rng.normal()) }
        var out = (0..<(c.m * ldc)).map { _ in c.beta == 0 ? Float.nan : Float(rng.normal()) }   // beta 0: C is never read
        let before = out
        out.withUnsafeMutableBufferPointer { o in
            e(c.threads, c.inside ? 1 : 0, c.portable ? 1 : 0, c.ta ? 1 : 0, c.tb ? 1 : 0, Int32(c.m), Int32(c.n), Int32(c.k), c.alpha,
              a, Int32(lda), b, Int32(ldb), c.beta, o.baseAddress!, Int32(ldc))
        }
        var result: [Float] = [], exact: [Double] = [], bound: [Double] = []
        for i in 0..<c.m {
            for j in 0..<c.n {
                result.append(out[i * ldc + j])
                guard reference else { continue }
                var f = 0.0, s = 0.0
                for q in 0..<c.k {
                    let x = c.ta ? a[q * lda + i] : a[i * lda + q], y = c.tb ? b[j * ldb + q] : b[q * ldb + j]
                    f += Double(x) * Double(y); s += abs(Double(x) * Double(y))
                }
                let cb = c.beta == 0 ? 0 : Double(c.beta) * Double(before[i * ldc + j])
                exact.append(Double(c.alpha) * f + cb)
                bound.append(Double(c.k + 4) * pow(2, -24) * (abs(Double(c.alpha)) * s + abs(cb)))
            }
            // the padding columns of C are never written
            for j in c.n..<ldc where !(before[i * ldc + j].isNaN && out[i * ldc + j].isNaN) {
                XCTAssertEqual(out[i * ldc + j], before[i * ldc + j], "C[\(i), \(j)] (padding) was written")
            }
        }
        return (result, exact, bound)
    }

    func check(_ c: Case, seed: UInt64 = 1) throws {
        let r = try run(c, seed: seed)
        XCTAssertEqual(r.out.count, c.m * c.n)
        var worst = 0.0, nans = 0
        for i in r.out.indices {
            if r.out[i].isNaN { nans += 1; continue }
            worst = max(worst, abs(Double(r.out[i]) - r.exact[i]) / (r.bound[i] + 1e-300))
        }
        XCTAssertEqual(nans, 0, "\(c): \(nans) elements of C are NaN (beta 0 must not read C)")
        XCTAssertLessThanOrEqual(worst, 1, "\(c): error vs double exceeds (K+4)·2⁻²⁴·(|α|Σ|ab| + |βc|) by \(worst)x")
    }

    /// Blocking: MR 12 (8 for 48-column panels), NR 16, 32 or 48, k in equal blocks of at most 384.
    static let shapes: [Case] = [
        Case(m: 1, n: 1, k: 1),
        Case(m: 13, n: 33, k: 1000),                  // 3 k blocks of 334/333, a 1-column panel tail
        Case(m: 37, n: 70, k: 129, ta: true),
        Case(m: 100, n: 50, k: 77, tb: true),
        Case(m: 12, n: 32, k: 384, ta: true, tb: true),   // exact blocks
        Case(m: 97, n: 17, k: 385, tb: true),         // 2 k blocks of 193/192
        Case(m: 193, n: 31, k: 769, ta: true),
        Case(m: 5, n: 48, k: 3),                      // 8 x 48 kernel, m below MR
        Case(m: 25, n: 144, k: 432, tb: true),        // 8 x 48, three panels, k blocks 216/216
        Case(m: 11, n: 7, k: 50),                     // 12 x 16 kernel, n below it
        Case(m: 30, n: 16, k: 20, ta: true, tb: true),
        Case(m: 128, n: 48, k: 1728),                 // a tile of S's features.2 3x3 dx
        Case(m: 40, n: 1040, k: 160, tb: true),       // several chunks of panels; B (166,400 floats) packed by the team
        Case(m: 20, n: 200, k: 400),                  // packed by the team, op(B) = B; the last panel 8 columns wide
        Case(m: 20, n: 200, k: 400, tb: true, pad: 3),  // the same gathered from B's rows (op(B) = Bᵀ), padded rows
    ]

    func testShapesAndTransposesAgainstDouble() throws {
        for (i, c) in Self.shapes.enumerated() { try check(c, seed: UInt64(i + 1)) }
    }

    func testAlphaBetaLeadingDimensionsAndInsideARegion() throws {
        try check(Case(m: 29, n: 45, k: 400, tb: true, beta: 1), seed: 11)
        try check(Case(m: 29, n: 45, k: 400, ta: true, alpha: 0.5, beta: 0.25), seed: 12)
        try check(Case(m: 29, n: 96, k: 800, alpha: -2, beta: -1), seed: 13)
        try check(Case(m: 40, n: 20, k: 70, pad: 5), seed: 14)          // lda > K, ldb > N, ldc > N
        try check(Case(m: 40, n: 20, k: 70, ta: true, tb: true, beta: 1, pad: 3), seed: 15)
        try check(Case(m: 59, n: 48, k: 500, pad: 7, inside: true), seed: 16)
        try check(Case(m: 7, n: 9, k: 0, beta: 0.5), seed: 17)           // k = 0: C = beta · C
        try check(Case(m: 7, n: 9, k: 0), seed: 18)                      // k = 0, beta 0: C = 0 (NaN not read)
    }

    /// The layout packed on CPUs without AVX-512F (cblas_sgemm on op(B) row-major) meets the same bound.
    func testPortableLayoutAgainstDouble() throws {
        for (i, var c) in Self.shapes.enumerated() { c.portable = true; try check(c, seed: UInt64(30 + i)) }
        try check(Case(m: 40, n: 20, k: 70, ta: true, tb: true, alpha: 0.5, beta: 1, pad: 3, portable: true), seed: 50)
        try check(Case(m: 40, n: 20, k: 70, pad: 3, portable: true), seed: 51)
    }

    /// Each element is summed in a fixed order whatever the threads around: the same bits on 1, 2 or
    /// 3 OpenMP threads and inside a parallel region.
    func testSameBitsForAnyThreadCountAndInsideParallelRegions() throws {
        func bits(_ threads: Int32, inside: Bool = false) throws -> [UInt32] {
            try run(Case(m: 500, n: 70, k: 900, tb: true, threads: threads, inside: inside), seed: 21, reference: false).out.map(\.bitPattern)
        }
        let one = try bits(1)
        XCTAssertEqual(one.count, 500 * 70)
        XCTAssertEqual(one, try bits(2))
        XCTAssertEqual(one, try bits(3))
        XCTAssertEqual(one, try bits(2, inside: true))
    }

    /// `breastai_gemm_f32_tn` (the Winograd weight gradient's C += Aᵀ · B, B packed into scratch per
    /// call): against double with the same bound, C's padding untouched, portable path, inside a
    /// region, and the same bits on 1 and 3 threads.
    func testTransposedAccumulateAgainstDouble() throws {
        guard let e = Self.tnEntry else { XCTFail(Self.loadError ?? "no breastai_gemm_f32_tn_entry"); return }
        func run(m: Int, n: Int, k: Int, pad: Int, portable: Bool = false, inside: Bool = false, threads: Int32 = 0, seed: UInt64) -> [Float] {
            var rng = SplitMix64(seed: seed)
            let lda = m + pad, ldb = n + pad, ldc = n + pad
            let a = (0..<(k * lda)).map { _ in Float(rng.normal()) }, b = (0..<(k * ldb)).map { _ in Float(rng.normal()) }
            let before = (0..<(m * ldc)).map { _ in Float(rng.normal()) }
            var out = before
            out.withUnsafeMutableBufferPointer { o in
                e(threads, inside ? 1 : 0, portable ? 1 : 0, Int32(m), Int32(n), Int32(k), a, Int32(lda), b, Int32(ldb), o.baseAddress!, Int32(ldc))
            }
            var worst = 0.0
            for i in 0..<m {
                for j in 0..<ldc {
                    guard j < n else { XCTAssertEqual(out[i * ldc + j], before[i * ldc + j], "C[\(i), \(j)] (padding) was written"); continue }
                    var f = Double(before[i * ldc + j]), sum = abs(f)
                    for q in 0..<k { let p = Double(a[q * lda + i]) * Double(b[q * ldb + j]); f += p; sum += abs(p) }
                    worst = max(worst, abs(Double(out[i * ldc + j]) - f) / (Double(k + 4) * pow(2, -24) * sum + 1e-300))
                }
            }
            XCTAssertLessThanOrEqual(worst, 1, "m \(m) n \(n) k \(k) pad \(pad) portable \(portable): error exceeds (K+4)·2⁻²⁴·Σ|·| by \(worst)x")
            return (0..<m).flatMap { i in out[(i * ldc)..<(i * ldc + n)] }
        }
        for (i, (m, n, k, pad)) in [(24, 16, 84, 0), (5, 17, 1, 0), (13, 33, 385, 3), (25, 48, 128, 0), (192, 48, 128, 1), (40, 96, 777, 2),
                                    (7, 7, 9, 0)].enumerated() {
            _ = run(m: m, n: n, k: k, pad: pad, seed: UInt64(60 + i))
            _ = run(m: m, n: n, k: k, pad: pad, portable: true, seed: UInt64(70 + i))
        }
        _ = run(m: 30, n: 40, k: 200, pad: 2, inside: true, seed: 80)
        let one = run(m: 64, n: 80, k: 500, pad: 0, threads: 1, seed: 81).map(\.bitPattern)
        XCTAssertEqual(one, run(m: 64, n: 80, k: 500, pad: 0, threads: 3, seed: 81).map(\.bitPattern))
    }

    /// The routing in the emitted C: the tiled convolutions of an fp32 artifact (k x k forward, dx)
    /// multiply by a weight packed once, except with fewer than 16 output columns (CBAM's 7x7 with
    /// 1 and 2 channels keeps sgemm); the GEMM is one unit of its own; bf16 artifacts use it only for
    /// their narrow Winograd convolutions.
    func testFP32ArtifactsRouteTheirTilesToThePackedGEMM() throws {
        let config = ModelConfig(variant: .tiny), loss = ModelConfig(variant: .tiny).defaultLoss
        let a = try compileArtifact(config, phases: [Phase.recipe[3]], loss: loss)
        XCTAssertEqual(a.source.extraUnits.map(\.name), ["gemm_f32.c"])
        let tiled = a.source.kernels.filter { $0.text.contains("Implicit GEMM") && !$0.name.contains("bwd_weight") }
        XCTAssertGreaterThan(tiled.filter { $0.text.contains("breastai_gemm_f32_packed(") }.count, 0, "no tiled convolution multiplies by a packed weight")
        for k in a.source.kernels where k.text.contains("breastai_gemm_f32_pack(") {
            if k.text.contains("Winograd F(4x4, 3x3)") {   // 36 transformed weights, packed and freed in loops over ξ
                XCTAssertEqual(k.text.components(separatedBy: "packed[xi] = breastai_gemm_f32_pack(").count, 2, k.name)
                XCTAssertEqual(k.text.components(separatedBy: "for (int xi = 0; xi < 36; xi++) free(packed[xi]);").count, 2, k.name)
                continue
            }
            // each copy (`<weight>_f32`) is packed before its parallel region and freed after it: `free(<weight>_f32);`
            XCTAssertEqual(k.text.components(separatedBy: "breastai_gemm_f32_pack(").count, k.text.components(separatedBy: "_f32);").count,
                           "\(k.name): every packed copy is freed")
        }
        let narrow = tiled.filter { $0.name.contains("conv7x7") }
        XCTAssertFalse(narrow.isEmpty, "the tiny model has CBAM's 7x7 convolution")
        for k in narrow { XCTAssertTrue(k.text.contains("cblas_sgemm(") && !k.text.contains("breastai_gemm_f32"), k.name) }
        // bf16 artifacts call it only from their narrow Winograd convolutions (F(4x4) as in fp32, `Winograd.roundsInBF16`)
        let bf16 = try compileArtifact(config, phases: [Phase.recipe[3]], loss: loss, options: EmitOptions(precision: .bf16))
        let callers = bf16.source.kernels.filter { $0.text.contains("breastai_gemm_f32") }
        XCTAssertFalse(callers.isEmpty, "the tiny model's 16 -> 64 channel 3x3 convolution")
        for k in callers { XCTAssertTrue(k.text.contains("/* Winograd F(4x4, 3x3)"), k.name) }
    }
}
