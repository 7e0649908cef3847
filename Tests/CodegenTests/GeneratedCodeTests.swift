import Foundation
import XCTest
@testable import Codegen
import Graph

/// `generated/` is what the compiler emits today, and emission is deterministic.
final class GeneratedCodeTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Two compiles of the same configuration give identical bytes.
    func testTwoCompilesAreIdentical() throws {
        for config in [ModelConfig(variant: .tiny), ModelConfig(variant: .tiny, head: .torchvision)] {
            let a = try compileArtifact(config, loss: .recipe)
            let b = try compileArtifact(config, loss: .recipe)
            XCTAssertEqual(a.sourceFiles, b.sourceFiles)
            XCTAssertGreaterThan(a.source.kernelUnits.count, 1, "the kernels are split into several units")
            XCTAssertEqual(a.manifestJSON, b.manifestJSON)
            XCTAssertEqual(a.kernelTableJSON, b.kernelTableJSON)
        }
    }

    /// The files under generated/S and generated/M equal a fresh emission (regenerate with
    /// `bash tools/regenerate.sh`).
    func testGeneratedDirectoryIsCurrent() throws {
        for variant in [ModelVariant.s, .m] {
            let artifact = try compileArtifact(ModelConfig(variant: variant), loss: .recipe)
            let dir = Self.repository.appendingPathComponent("generated/\(variant.rawValue)")
            // No C file the compiler no longer emits (a unit of an older split) is left there.
            let emitted = Set(artifact.sourceFiles.map(\.name))
            let cFiles = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".c") || $0.hasSuffix(".h") }
            for stale in cFiles where !emitted.contains(stale) {
                XCTFail("generated/\(variant.rawValue)/\(stale) is not emitted any more; run: bash tools/regenerate.sh")
            }
            let files = artifact.sourceFiles.map { ($0.name, Data($0.text.utf8)) }
            for (name, expected) in files + [(Artifact.manifestFile, artifact.manifestJSON), (Artifact.kernelTableFile, artifact.kernelTableJSON)] {
                let url = dir.appendingPathComponent(name)
                guard let found = try? Data(contentsOf: url) else {
                    XCTFail("\(url.path) is missing; run: bash tools/regenerate.sh"); continue
                }
                if found != expected {
                    let a = String(decoding: found, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                    let b = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                    let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
                    XCTFail("generated/\(variant.rawValue)/\(name) differs from what the compiler emits today at line \(line + 1): "
                            + "found '\(line < a.count ? a[line] : "<end>")', expected '\(line < b.count ? b[line] : "<end>")'; "
                            + "run: bash tools/regenerate.sh")
                }
            }
        }
    }

    /// The plan validator passes for S and M in every phase, within the budgets (6 GB, 12 GB).
    func testFullSizePlansFitTheBudget() throws {
        for variant in [ModelVariant.s, .m] {
            let artifact = try compileArtifact(ModelConfig(variant: variant), loss: .recipe)
            for p in artifact.programs { try p.plan.validate() }
            let budget = defaultBudget(variant)!
            for f in artifact.memoryFigures {
                XCTAssertLessThanOrEqual(f.total, budget, "\(variant) \(f.name): \(CompilerListing.bytes(f.total)) > \(CompilerListing.bytes(budget))")
                XCTAssertGreaterThanOrEqual(f.arena, f.lowerBound)
                print("\(variant) \(f.name): arena \(CompilerListing.bytes(f.arena)), lower bound \(CompilerListing.bytes(f.lowerBound)), total \(CompilerListing.bytes(f.total))")
            }
        }
    }

    /// The emitted C reads like llm.c: parameters named by role with their shapes, the number of
    /// call sites of a shared kernel in its header, float constants as floats, no `(void)` noise,
    /// and each backward kernel named after the forward kernel of its scope.
    func testEmittedCReadsLikeLLMC() throws {
        let artifact = try compileArtifact(ModelConfig(variant: .tiny), loss: .recipe)
        let text = artifact.kernels + artifact.program
        XCTAssertFalse(text.contains("(void)i;") || text.contains("(void)A;"), "(void) noise in the emitted C")
        // Positional parameter names (y0, x3, a1) are gone; every pointer parameter has its shape.
        let signatures = text.split(separator: "\n").filter { $0.hasPrefix("void k") }
        XCTAssertFalse(signatures.isEmpty)
        for line in signatures {
            for positional in ["*restrict y0", "*restrict x0", "uint32_t a0"] { XCTAssertFalse(line.contains(positional), String(line)) }
        }
        let pointers = text.split(separator: "\n").flatMap { $0.components(separatedBy: "*restrict ").dropFirst() }
            .filter { !$0.hasPrefix("tile") && !$0.hasPrefix("col") && !$0.hasPrefix("wt") && !$0.hasPrefix("mine") }
        XCTAssertTrue(pointers.contains { $0.contains(" /* [") }, "no parameter carries a shape comment")
        // Decimal literals of 10+ digits must be true doubles, never a float widened to double.
        var widened: [String] = []
        var digits = "", inNumber = false
        for ch in text + " " {
            if ch.isNumber || ch == "." { digits.append(ch); inNumber = true; continue }
            if inNumber, let dot = digits.firstIndex(of: "."), digits.distance(from: dot, to: digits.endIndex) > 10,
               let d = Double(digits), Double(Float(d)) == d { widened.append(digits) }
            digits = ""; inNumber = false
        }
        XCTAssertEqual(widened, [], "float constants printed widened")
        // Shared kernels say how many call sites use them.
        for k in artifact.source.kernels where k.callSites > 1 {
            XCTAssertTrue(k.text.contains("\(k.callSites) call sites share this function"), k.name)
        }
        // Backward kernels pair with a forward kernel by name: kNNNb_... next to kNNN_...
        let names = Set(artifact.source.kernels.map(\.name))
        let backward = names.filter { $0.dropFirst(4).hasPrefix("b") }
        XCTAssertFalse(backward.isEmpty, "no backward kernel is named after its forward kernel")
        for name in backward {
            XCTAssertTrue(names.contains { $0.hasPrefix(name.prefix(4) + "_") }, "\(name) has no forward kernel \(name.prefix(4))_...")
        }
    }
}
