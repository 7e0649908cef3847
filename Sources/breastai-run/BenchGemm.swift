import ArgumentParser
import Codegen
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `breastai-run bench gemm-bf16`: the bf16 GEMM against OpenBLAS sgemm and oneDNN on the
/// largest contraction shapes of EfficientNetV2-S at 512 px, batch 4.
struct BenchGemmBF16: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gemm-bf16",
        abstract: "GFLOP/s of breastai_gemm_bf16, OpenBLAS sgemm and oneDNN bf16 (with its fp32->bf16 conversion) on S's largest GEMM shapes.")
    @Option(name: .long, help: "Timed calls per shape and method (best reported).")
    var repeats: Int = 5
    @Option(name: .long, help: "Extra shape M,N,K,TA,TB (TA/TB 0 or 1), repeatable.")
    var shape: [String] = []

    /// (label, M, N, K, transA, transB, single thread inside a parallel region).
    static let shapes: [(String, Int, Int, Int, Bool, Bool, Bool)] = [
        ("1x1 fwd 256->1536 @16x16", 1024, 1536, 256, false, true, false),
        ("1x1 fwd 160->960 @32x32", 4096, 960, 160, false, true, false),
        ("1x1 fwd 1536->256 @16x16", 1024, 256, 1536, false, true, false),
        ("1x1 dx 1536->256", 1024, 256, 1536, false, false, false),
        ("1x1 dx 960->160", 4096, 160, 960, false, false, false),
        ("1x1 dw 1536x256", 1536, 256, 1024, true, false, false),
        ("1x1 dw 960x160", 960, 160, 4096, true, false, false),
        ("tile 3x3 fwd 48->192 (1 thread)", 288, 192, 432, false, true, true),
        ("tile 3x3 dw 192x432 (1 thread)", 192, 432, 288, true, false, true),
        ("tile prologue 1x1 256->1536 (1 thread)", 256, 1536, 256, false, true, true),
        ("tile prologue 1x1 1536->256 (1 thread)", 42, 256, 1536, false, true, true),
    ]

    func run() throws {
        let toolchain = try Toolchain.detect()
        let (probe, dir) = try buildGEMMProbe(toolchain)
        defer { try? FileManager.default.removeItem(at: dir) }
        var shapes = Self.shapes
        for s in shape {
            let v = s.split(separator: ",").compactMap { Int($0) }
            guard v.count == 5 else { throw ValidationError("--shape \(s): expected M,N,K,TA,TB") }
            shapes.append(("custom", v[0], v[1], v[2], v[3] != 0, v[4] != 0, false))
        }
        let core = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"].map { "OPENBLAS_CORETYPE=\($0)" } ?? "OPENBLAS_CORETYPE unset"
        print("GEMM GFLOP/s, best of \(repeats); \(core); \(toolchain.description)")
        print(String(format: "%-40@ %5@ %5@ %5@ %2@  %8@ %8@ %8@  %@", "shape", "M", "N", "K", "op", "sgemm", "bf16", "oneDNN", "bf16/sgemm"))
        for (label, m, n, k, ta, tb, single) in shapes {
            let flop = 2.0 * Double(m) * Double(n) * Double(k)
            func rate(_ which: Int32) -> Double {
                let s = probe(which, single ? 1 : 0, Int32(m), Int32(n), Int32(k), ta ? 1 : 0, tb ? 1 : 0, Int32(repeats))
                return s > 0 ? flop / s / 1e9 : .nan
            }
            let (s, b, d) = (rate(0), rate(1), rate(2))
            print(String(format: "%-40@ %5d %5d %5d %@%@  %8.1f %8.1f %8.1f  %.2fx", label, m, n, k, ta ? "T" : "N", tb ? "T" : "N", s, b, d, b / s))
        }
    }
}

/// `breastai_probe_gemm(which, single, m, n, k, transA, transB, repeats)`: GFLOP/s (GEMMProbe).
typealias GEMMProbeFunction = @convention(c) (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32) -> Double

/// Builds the GEMM probe library in a new temporary folder and resolves its entry; the caller
/// removes the folder (on an error here it is removed before throwing). The folder's name is
/// unique and created without intermediates, so an existing folder is an error, never reused or
/// removed.
func buildGEMMProbe(_ toolchain: Toolchain) throws -> (GEMMProbeFunction, URL) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("breastai-gemm-probe-\(getpid())-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: false)
    do {
        let library = try GEMMProbe.build(in: dir, toolchain: toolchain)
        guard let handle = dlopen(library.path, RTLD_NOW | RTLD_LOCAL) else {
            throw ValidationError("\(library.path): cannot load it: \(dlerror().map { String(cString: $0) } ?? "unknown reason")")
        }
        guard let symbol = dlsym(handle, "breastai_probe_gemm") else { throw ValidationError("\(library.path): no breastai_probe_gemm") }
        return (unsafeBitCast(symbol, to: GEMMProbeFunction.self), dir)
    } catch {
        try? FileManager.default.removeItem(at: dir)
        throw error
    }
}
