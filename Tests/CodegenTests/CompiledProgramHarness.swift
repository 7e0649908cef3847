import Foundation
import XCTest
@testable import Codegen
import Graph
import Runtime
#if canImport(Glibc)
import Glibc
#endif

/// Compiles graphs to C, loads them, and runs them next to the reference interpreter.
enum Harness {
    static let toolchain: Toolchain? = try? Toolchain.detect()

    /// A fresh temporary directory.
    static func temporaryDirectory(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("breastai-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Opens a shared library a test built and looks up `names` in it, in order (the GEMM and math
    /// probes); the error names the library and the first symbol missing.
    static func symbols(in library: URL, _ names: [String]) throws -> [UnsafeMutableRawPointer] {
        struct LoadError: Error, CustomStringConvertible { var description: String }
        guard let handle = dlopen(library.path, RTLD_NOW | RTLD_LOCAL) else {
            throw LoadError(description: "\(library.path): \(String(cString: dlerror()))")
        }
        return try names.map { name in
            guard let symbol = dlsym(handle, name) else { throw LoadError(description: "\(library.path): no symbol \(name)") }
            return symbol
        }
    }

    /// Writes, compiles and loads an artifact.
    static func load(_ artifact: Artifact, name: String) throws -> (Runtime.CompiledProgram, URL) {
        guard let toolchain else { throw XCTSkip("no C toolchain with OpenMP and OpenBLAS") }
        let dir = try temporaryDirectory(name)
        try artifact.write(to: dir)
        try artifact.build(in: dir, toolchain: toolchain)
        return (try Runtime.CompiledProgram(directory: dir), dir)
    }

    /// Random but sensible parameters and buffers: weights ~ N(0, 1/fan_in), BatchNorm γ ~ U(0.5, 1.5),
    /// β ~ N(0, 0.1), running mean ~ N(0, 0.1), running var ~ U(0.5, 1.5).
    static func initialState(_ layout: Manifest.StateLayout, seed: UInt64) -> [String: [Float]] {
        var rng = SplitMix64(seed: seed)
        var values: [String: [Float]] = [:]
        for e in layout.parameters {
            let isBN = e.shape.count == 1 && (layout.buffers.contains { $0.name == e.name.replacingOccurrences(of: ".weight", with: ".running_mean") })
            if isBN && e.name.hasSuffix(".weight") {
                values[e.name] = (0..<e.count).map { _ in Float(0.5 + rng.unit()) }
            } else if e.shape.count == 1 {
                values[e.name] = (0..<e.count).map { _ in Float(0.1 * rng.normal()) }
            } else {
                let fanIn = e.shape.dropFirst().reduce(1, *)
                values[e.name] = (0..<e.count).map { _ in Float(rng.normal() / Double(fanIn).squareRoot()) }
            }
        }
        for e in layout.buffers {
            values[e.name] = (0..<e.count).map { _ in e.name.hasSuffix("running_var") ? Float(0.5 + rng.unit()) : Float(0.1 * rng.normal()) }
        }
        return values
    }

    /// Compares two tensors with a norm-wise relative tolerance:
    /// max|a - b| <= rtol·max|b| + atol. Element-wise relative error is meaningless for gradient
    /// elements that are sums of many signed float32 products cancelling to near zero (a bias
    /// before a training-mode BatchNorm has an exact gradient of 0 and a float32 one of ~1e-7).
    /// Returns max|a - b| / max|b|.
    @discardableResult
    static func compare(_ name: String, _ a: [Float], _ b: [Double], rtol: Double = 1e-4, atol: Double = 1e-6,
                        file: StaticString = #filePath, line: UInt = #line) -> Double {
        XCTAssertEqual(a.count, b.count, "\(name): count", file: file, line: line)
        let scale = b.map { abs($0) }.max() ?? 0
        var maxDiff = 0.0, at = 0
        for i in 0..<min(a.count, b.count) {
            let d = abs(Double(a[i]) - b[i])
            if d > maxDiff { maxDiff = d; at = i }
        }
        XCTAssertLessThanOrEqual(maxDiff, rtol * scale + atol,
                                 "\(name): element \(at) compiled \(a.isEmpty ? 0 : a[at]) vs reference \(b.isEmpty ? 0 : b[at]); "
                                 + "max |diff| \(maxDiff) > \(rtol)·max|ref| (\(scale)) + \(atol)", file: file, line: line)
        return scale > 0 ? maxDiff / scale : maxDiff
    }
}
