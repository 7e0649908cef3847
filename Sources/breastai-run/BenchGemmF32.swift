import ArgumentParser
import Codegen
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `breastai-run bench gemm-f32`: the fp32 packed GEMM of the tiled convolutions against OpenBLAS
/// sgemm on the tile shapes of EfficientNetV2-S at 512 px, batch 4, one thread (as each thread of
/// a tiled convolution runs them).
struct BenchGemmF32: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gemm-f32",
        abstract: "GFLOP/s of breastai_gemm_f32_packed (weight packed once) and OpenBLAS sgemm, one thread, on S's tile shapes.")
    @Option(name: .long, help: "Timed calls per shape and method (best reported).")
    var repeats: Int = 20
    @Option(name: .long, help: "Extra shape M,N,K,TB (TB 0 or 1: op(B) = Bᵀ), repeatable.")
    var shape: [String] = []

    /// (label, M, N, K, transB): the tiles of generated/S (M the tile's rows, N the weight's columns,
    /// K its rows; dx per stride phase).
    static let shapes: [(String, Int, Int, Int, Bool)] = [
        ("k002 stem 3x3s2 fwd", 1024, 24, 27, true),
        ("k005 3x3 fwd 24->24", 592, 24, 216, true),
        ("k009 3x3s2 fwd 24->96", 592, 96, 216, true),
        ("k016/k020 3x3 fwd 48->192", 288, 192, 432, true),
        ("k027 3x3 fwd 64->256", 224, 256, 576, true),
        ("k137 7x7 fwd 2->1", 1024, 1, 98, true),
        ("k005b 3x3 dx", 592, 24, 216, false),
        ("k009b 3x3s2 dx phase 2x2", 336, 24, 384, false),
        ("k009b 3x3s2 dx phase 2x1", 336, 24, 192, false),
        ("k009b 3x3s2 dx phase 1x1", 336, 24, 96, false),
        ("k016b 3x3 dx", 128, 48, 1728, false),
        ("k020b 3x3s2 dx phase 2x2", 160, 48, 768, false),
        ("k020b 3x3s2 dx phase 2x1", 160, 48, 384, false),
        ("k027b 3x3 dx", 128, 64, 2304, false),
        ("k137b 7x7 dx", 1024, 2, 49, false),
        ("prologue 1x1 96->48", 682, 48, 96, true),
        ("prologue 1x1 192->64", 341, 64, 192, true),
        ("prologue 1x1 64->256", 1024, 256, 64, true),
        ("prologue 1x1 256->128", 256, 128, 256, true),
        ("prologue 1x1 128->512", 512, 512, 128, true),
        ("prologue 1x1 768->160", 256, 160, 768, true),
        ("prologue 1x1 160->960", 409, 960, 160, true),
        ("prologue 1x1 960->256", 256, 256, 960, true),
        ("prologue 1x1 256->1536", 256, 1536, 256, true),
        ("prologue 1x1 1536->256", 256, 256, 1536, true),
        ("prologue 1x1 256->1280", 256, 1280, 256, true),
    ]

    func run() throws {
        let toolchain = try Toolchain.detect()
        let (probe, dir) = try buildGEMMProbe(toolchain)
        defer { try? FileManager.default.removeItem(at: dir) }
        var shapes = Self.shapes
        for s in shape {
            let v = s.split(separator: ",").compactMap { Int($0) }
            guard v.count == 4 else { throw ValidationError("--shape \(s): expected M,N,K,TB") }
            shapes.append(("custom", v[0], v[1], v[2], v[3] != 0))
        }
        let core = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"].map { "OPENBLAS_CORETYPE=\($0)" } ?? "OPENBLAS_CORETYPE unset"
        print("GEMM GFLOP/s on one thread, best of \(repeats) (the packing of the weight not timed); \(core); \(toolchain.description)")
        print(String(format: "%-32@ %5@ %5@ %5@ %2@  %8@ %8@  %@", "shape", "M", "N", "K", "op", "sgemm", "packed", "packed/sgemm"))
        for (label, m, n, k, tb) in shapes {
            let flop = 2.0 * Double(m) * Double(n) * Double(k)
            func rate(_ which: Int32) -> Double {
                let s = probe(which, 1, Int32(m), Int32(n), Int32(k), 0, tb ? 1 : 0, Int32(repeats))
                return s > 0 ? flop / s / 1e9 : .nan
            }
            // Alternated, twice, best of each: the machine is shared.
            let (s1, p1, s2, p2) = (rate(0), rate(3), rate(0), rate(3))
            let (s, p) = (max(s1, s2), max(p1, p2))
            print(String(format: "%-32@ %5d %5d %5d N%@  %8.1f %8.1f  %.2fx", label, m, n, k, tb ? "T" : "N", s, p, p / s))
        }
    }
}
