import Foundation
import XCTest
@testable import Graph
import Formats

/// A PyTorch golden fixture (`Tests/Fixtures/<name>.safetensors`, written by
/// `tools/make_golden_fixtures.py`), read into the interpreter's `Tensor`s.
///
/// Fixtures are in PyTorch layout: activations NCHW (or N,C), conv weights OIHW, linear weights
/// [out, in]. The IR keeps weight shapes as they are but lays activations out NHWC, so
/// `activation(_:)` transposes rank-4 tensors NCHW -> NHWC; `tensor(_:)` returns the stored
/// layout (use it for weights, biases, BN buffers, rank-2 activations and scalars).
struct Fixture {
    /// The fixture format this helper understands (`FORMAT_VERSION` in the generator).
    static let formatVersion = "1"

    /// `Tests/Fixtures`, found from this source file (no resource bundle).
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // GraphTests
        .deletingLastPathComponent()   // Tests
        .appendingPathComponent("Fixtures", isDirectory: true)

    let name: String
    let file: SafeTensors

    /// Loads `<name>.safetensors` and checks its `format_version`.
    init(_ name: String) throws {
        self.name = name
        let url = Self.directory.appendingPathComponent("\(name).safetensors")
        file = try SafeTensors(contentsOf: url)
        try Self.checkFormat(file.metadata, path: url.path)
    }

    /// Fails clearly when a fixture was written by a generator with another format.
    static func checkFormat(_ metadata: [String: String], path: String) throws {
        guard let version = metadata["format_version"] else {
            throw FixtureError("\(path): no format_version in __metadata__; regenerate it with tools/make_golden_fixtures.py")
        }
        guard version == formatVersion else {
            throw FixtureError("\(path): format_version is \"\(version)\", these tests read format \"\(formatVersion)\"; "
                               + "update Tests/GraphTests (Fixtures.swift, GoldenTests.swift) to the new format")
        }
    }

    var names: [String] { file.names }
    func has(_ tensor: String) -> Bool { file.entries[tensor] != nil }

    /// A tensor in the stored (PyTorch) layout, as Double.
    func tensor(_ tensor: String) throws -> Tensor {
        Tensor(shape: try file.shape(tensor), scalars: try file.doubles(tensor))
    }

    /// An activation in the IR's layout: rank 4 NCHW -> NHWC, anything else as stored.
    func activation(_ tensor: String) throws -> Tensor {
        let t = try self.tensor(tensor)
        return t.shape.count == 4 ? FixtureLayout.nchwToNHWC(t) : t
    }

    /// Integer labels (int64 in the fixture) as the IR's i32 tensor holding integral Doubles.
    func labels(_ tensor: String) throws -> Tensor {
        let values = try file.int64s(tensor)
        return Tensor(shape: try file.shape(tensor), scalars: values.map { Double($0) })
    }

    /// The single value of a scalar tensor.
    func scalar(_ tensor: String) throws -> Double {
        let t = try self.tensor(tensor)
        guard t.count == 1 else { throw FixtureError("\(name): '\(tensor)' has shape \(t.shape), expected a scalar") }
        return t.scalars[0]
    }

    /// A metadata entry, parsed as JSON (structured entries are JSON strings).
    func metadataJSON(_ key: String) throws -> Any {
        guard let text = file.metadata[key] else { throw FixtureError("\(name): no metadata entry '\(key)'") }
        return try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// NCHW <-> NHWC for rank-4 tensors.
enum FixtureLayout {
    static func nchwToNHWC(_ t: Tensor) -> Tensor {
        precondition(t.shape.count == 4, "nchwToNHWC needs rank 4, got \(t.shape)")
        let (n, c, h, w) = (t.shape[0], t.shape[1], t.shape[2], t.shape[3])
        var out = [Double](repeating: 0, count: t.count)
        for b in 0..<n { for ch in 0..<c { for y in 0..<h { for x in 0..<w {
            out[((b * h + y) * w + x) * c + ch] = t.scalars[((b * c + ch) * h + y) * w + x]
        }}}}
        return Tensor(shape: [n, h, w, c], scalars: out)
    }

    static func nhwcToNCHW(_ t: Tensor) -> Tensor {
        precondition(t.shape.count == 4, "nhwcToNCHW needs rank 4, got \(t.shape)")
        let (n, h, w, c) = (t.shape[0], t.shape[1], t.shape[2], t.shape[3])
        var out = [Double](repeating: 0, count: t.count)
        for b in 0..<n { for ch in 0..<c { for y in 0..<h { for x in 0..<w {
            out[((b * c + ch) * h + y) * w + x] = t.scalars[((b * h + y) * w + x) * c + ch]
        }}}}
        return Tensor(shape: [n, c, h, w], scalars: out)
    }
}

/// Element-wise comparison of an interpreter result with a PyTorch value.
///
/// An element passes when `|a - b| <= atol + rtol·|b|`: relative error below `rtol`, with an
/// absolute floor `atol` for values that are (near) zero in exact arithmetic and come out of
/// float32 PyTorch as rounding noise.
struct GoldenTolerance: CustomStringConvertible {
    var rtol: Double = 1e-4
    var atol: Double = 1e-6
    static let standard = GoldenTolerance()
    /// For running statistics: a few ops from the fixture's float32 inputs, so PyTorch's rounding
    /// is ~1e-7 relative. The standard 1e-4 would not notice an off-by-one Bessel count
    /// (n/(n-1) with n = 48 vs 47 moves running_var by ~5e-5 relative).
    static let runningStats = GoldenTolerance(rtol: 1e-5, atol: 1e-7)
    var description: String { "rtol \(rtol), atol \(atol)" }
}

struct GoldenComparison: CustomStringConvertible {
    let name: String
    let count: Int
    let maxAbs: Double
    /// max |a-b| / |b| over elements with |b| > atol (the relative error where it means something).
    let worstRelative: Double
    /// max |a-b| / (atol + rtol·|b|): <= 1 passes.
    let worstRatio: Double
    let worstIndex: Int
    let actualAtWorst: Double
    let expectedAtWorst: Double
    let tolerance: GoldenTolerance
    var passed: Bool { worstRatio <= 1 }

    var description: String {
        func e(_ x: Double) -> String { String(format: "%.2e", x) }
        var s = "\(name.padding(toLength: max(name.count, 44), withPad: " ", startingAt: 0)) n=\(count)"
            + "  max|diff| \(e(maxAbs))  worst rel \(e(worstRelative))  (\(tolerance))"
        if !passed {
            s += "  FAIL at [\(worstIndex)]: got \(actualAtWorst), expected \(expectedAtWorst)"
        }
        return s
    }
}

/// Compares `actual` (interpreter) with `expected` (PyTorch), prints one line, and records an
/// XCTest failure when the shapes differ or some element is out of tolerance.
@discardableResult
func assertGoldenClose(_ name: String, _ actual: Tensor, _ expected: Tensor, _ tol: GoldenTolerance = .standard,
                 file: StaticString = #filePath, line: UInt = #line) -> GoldenComparison? {
    guard actual.shape == expected.shape else {
        XCTFail("\(name): shape \(actual.shape) != expected \(expected.shape)", file: file, line: line)
        return nil
    }
    var maxAbs = 0.0, worstRel = 0.0, worstRatio = -1.0, worst = 0
    for i in 0..<actual.count {
        let a = actual.scalars[i], b = expected.scalars[i]
        let d = abs(a - b)
        let ratio = d.isNaN ? .infinity : d / (tol.atol + tol.rtol * abs(b))
        maxAbs = max(maxAbs, d.isNaN ? .infinity : d)
        if abs(b) > tol.atol { worstRel = max(worstRel, d / abs(b)) }
        if ratio > worstRatio { worstRatio = ratio; worst = i }
    }
    let c = GoldenComparison(name: name, count: actual.count, maxAbs: maxAbs, worstRelative: worstRel,
                       worstRatio: max(worstRatio, 0), worstIndex: worst,
                       actualAtWorst: actual.count > 0 ? actual.scalars[worst] : 0,
                       expectedAtWorst: expected.count > 0 ? expected.scalars[worst] : 0, tolerance: tol)
    print("  " + c.description)
    XCTAssertTrue(c.passed, c.description, file: file, line: line)
    return c
}

/// Scalar convenience for `assertGoldenClose`.
@discardableResult
func assertGoldenClose(_ name: String, _ actual: Double, _ expected: Double, _ tol: GoldenTolerance = .standard,
                 file: StaticString = #filePath, line: UInt = #line) -> GoldenComparison? {
    assertGoldenClose(name, Tensor(shape: [], scalars: [actual]), Tensor(shape: [], scalars: [expected]), tol, file: file, line: line)
}
