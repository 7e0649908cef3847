import Foundation
import XCTest
@testable import Codegen
#if canImport(Glibc)
import Glibc
#endif

/// The generated C's exp and sigmoid (`ba_expf`, `ba_sigmoid` in the prelude) against `exp` in double,
/// compiled with the artifacts' flags and called from a `#pragma omp simd` loop, as the kernels call them.
///
/// Bounds. exp: 1 ulp on [-87, 88] (the fitted polynomial measures 0.89 ulp over every float there).
/// sigmoid = 1 / (1 + exp(-x)) adds two roundings to exp's error: 3 ulp where the result is a normal
/// float (2.45 ulp measured). One coefficient changed in its fifth digit (a mutation) gives 7.7 and 8.0 ulp.
final class ElementwiseMathTests: XCTestCase {
    typealias Entry = @convention(c) (UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void
    nonisolated(unsafe) static var exp: Entry?
    nonisolated(unsafe) static var sigmoid: Entry?
    nonisolated(unsafe) static var loadError: String?

    override class func setUp() {
        super.setUp()
        guard let toolchain = Harness.toolchain else { loadError = "no C toolchain"; return }
        do {
            let dir = try Harness.temporaryDirectory("elementwise-math")
            let source = dir.appendingPathComponent("math_probe.c")
            let text = cPrelude + """

            void breastai_test_exp(const float *restrict x, float *restrict y, long n) {
                #pragma omp simd
                for (long i = 0; i < n; i++) y[i] = ba_expf(x[i]);
            }
            void breastai_test_sigmoid(const float *restrict x, float *restrict y, long n) {
                #pragma omp simd
                for (long i = 0; i < n; i++) y[i] = ba_sigmoid(x[i]);
            }
            """
            try Data(text.utf8).write(to: source)
            let lib = dir.appendingPathComponent("libmathprobe.so")
            // The prelude's helpers that this file does not call are unused statics: not an error here.
            _ = try toolchain.compileSharedLibrary(sources: [source], output: lib, extraFlags: ["-Wno-unused-function"])
            let s = try Harness.symbols(in: lib, ["breastai_test_exp", "breastai_test_sigmoid"])
            exp = unsafeBitCast(s[0], to: Entry.self)
            sigmoid = unsafeBitCast(s[1], to: Entry.self)
        } catch { loadError = "\(error)" }
    }

    func entry(_ e: Entry?) throws -> Entry {
        guard let e else { XCTFail(Self.loadError ?? "no entry"); throw XCTSkip("no probe library") }
        return e
    }

    /// Every 1,021st float bit pattern (4.2 M floats of both signs and all exponents), and the edges.
    static let inputs: [Float] = {
        var xs = stride(from: UInt64(0), to: 1 << 32, by: 1021).map { Float(bitPattern: UInt32($0)) }
        xs += [0, -0, 1, -1, -87, 88, -87.5, 88.5, 1e-30, -1e-30, .infinity, -.infinity, .nan,
               .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude]
        return xs
    }()

    func run(_ e: Entry, _ xs: [Float]) -> [Float] {
        var ys = [Float](repeating: 0, count: xs.count)
        xs.withUnsafeBufferPointer { x in ys.withUnsafeMutableBufferPointer { y in e(x.baseAddress!, y.baseAddress!, xs.count) } }
        return ys
    }

    /// |got - want| in units of the last place of `want` as a float (normal range).
    func ulps(_ got: Float, _ want: Double) -> Double {
        abs(Double(got) - want) / Foundation.pow(2.0, Double(Float(want).exponent) - 23)
    }

    func testExpWithinOneUlp() throws {
        let xs = Self.inputs, ys = run(try entry(Self.exp), xs)
        var worst = 0.0, at: Float = 0
        for (x, y) in zip(xs, ys) {
            if x.isNaN { XCTAssertTrue(y.isNaN, "exp(NaN) = \(y)"); continue }
            if x >= -87, x <= 88 {
                let e = ulps(y, Foundation.exp(Double(x)))
                if e > worst { worst = e; at = x }
            } else {   // outside: the clamps' values, finite and positive, never NaN
                XCTAssertTrue(y.isFinite && y > 0, "exp(\(x)) = \(y)")
            }
        }
        XCTAssertLessThanOrEqual(worst, 1.0, "exp: \(worst) ulp at \(at)")
    }

    func testSigmoidWithinThreeUlps() throws {
        let xs = Self.inputs, ys = run(try entry(Self.sigmoid), xs)
        var worst = 0.0, at: Float = 0
        for (x, y) in zip(xs, ys) {
            if x.isNaN { XCTAssertTrue(y.isNaN, "sigmoid(NaN) = \(y)"); continue }
            XCTAssertTrue(y >= 0 && y <= 1, "sigmoid(\(x)) = \(y)")
            guard x > -80, x < 80 else { continue }   // beyond, the result is subnormal or rounds to 1
            let e = ulps(y, 1 / (1 + Foundation.exp(-Double(x))))
            if e > worst { worst = e; at = x }
        }
        XCTAssertLessThanOrEqual(worst, 3.0, "sigmoid: \(worst) ulp at \(at)")
        XCTAssertEqual(ys[xs.firstIndex(of: .infinity)!], 1)
    }
}
