import Foundation
import XCTest
@testable import Codegen

/// The loops the emitter marks `simd` vectorise, as gcc reports them (`-fopt-info-vec-optimized`):
/// every fused elementwise kernel's channel loop and AdamW's loops, in generated/S. A loop left
/// scalar fails nothing else: AdamW's was scalar (sqrtf's errno branch; S's optimizer kernels 28-31
/// ms instead of 7-9), and an elementwise kernel with many inputs lost its loop to gcc's limit on run-time
/// alias checks (BENCHMARKS, "exp with fused multiply-adds, loops that did not vectorise").
final class VectorizationTests: XCTestCase {
    func testEverySIMDLoopOfGeneratedSVectorises() throws {
        let toolchain = try Toolchain.detect()
        try XCTSkipUnless(toolchain.kind == .gcc, "-fopt-info-vec is gcc's report; this toolchain is \(toolchain.kind)")
        let dir = GeneratedCodeTests.repository.appendingPathComponent("generated/S")
        let units = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0.hasPrefix("kernels_k") && $0.hasSuffix(".c") }.sorted()
        XCTAssertGreaterThan(units.count, 4)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("breastai-vec-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: scratch) }

        // Each unit compiled as an artifact's build compiles it, plus the report; two at a time.
        let results = UnitResults(count: units.count)
        DispatchQueue.concurrentPerform(iterations: units.count) { i in
            let source = dir.appendingPathComponent(units[i]).path
            let args = toolchain.objectArguments(source: source, output: scratch.appendingPathComponent("\(i).o").path, warningsAsErrors: true)
                + ["-fopt-info-vec-optimized"]
            results.set(i, Result { try Toolchain.run(toolchain.compiler, args) })
        }

        var marked = 0, elementwise = 0, adamw = 0
        for (i, unit) in units.enumerated() {
            let (status, report) = try results.get(i)
            XCTAssertEqual(status, 0, "\(unit) does not compile: \(report.prefix(400))")
            // Lines gcc reports a vectorised loop at (the `for`, or the first statement of its body).
            var vectorised = Set<Int>()
            for line in report.split(separator: "\n") where line.contains("optimized: loop vectorized") {
                let parts = line.split(separator: ":")
                if parts.count > 2, parts[0].hasSuffix(unit), let n = Int(parts[1]) { vectorised.insert(n) }
            }
            let lines = try String(contentsOf: dir.appendingPathComponent(unit), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            var function = ""
            for (index, text) in lines.enumerated() {
                if text.hasPrefix("void k") { function = String(text.dropFirst(5).prefix { $0 != "(" }) }
                guard text.contains("#pragma omp simd") || text.contains("#pragma omp parallel for simd") else { continue }
                marked += 1
                if function.contains("adamw") { adamw += 1 } else { elementwise += 1 }
                let pragma = index + 1  // 1-based line of the pragma
                XCTAssertFalse((pragma + 1 ... pragma + 3).allSatisfy { !vectorised.contains($0) },
                               "\(unit):\(pragma + 1) (\(function)): the loop after `\(text.trimmingCharacters(in: .whitespaces))` is not vectorised")
            }
        }
        print("vectorisation: \(marked) simd loops in \(units.count) units of generated/S (\(elementwise) elementwise, \(adamw) AdamW), each reported vectorised")
        XCTAssertGreaterThan(elementwise, 50, "the elementwise kernels' loops are marked simd")
        XCTAssertGreaterThanOrEqual(adamw, 4, "AdamW's step-count groups are marked simd")
    }
}

/// Results written from `concurrentPerform`'s threads.
private final class UnitResults: @unchecked Sendable {
    private var results: [Result<(status: Int32, output: String), Error>?]
    private let lock = NSLock()
    init(count: Int) { results = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: Result<(status: Int32, output: String), Error>) { lock.lock(); results[i] = r; lock.unlock() }
    func get(_ i: Int) throws -> (status: Int32, output: String) {
        lock.lock(); defer { lock.unlock() }
        return try results[i]!.get()
    }
}
