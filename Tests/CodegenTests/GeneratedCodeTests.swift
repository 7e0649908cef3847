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
            XCTAssertEqual(a.kernels, b.kernels)
            XCTAssertEqual(a.program, b.program)
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
            for (name, expected) in [(Artifact.kernelsFile, Data(artifact.kernels.utf8)), (Artifact.programFile, Data(artifact.program.utf8)),
                                     (Artifact.manifestFile, artifact.manifestJSON), (Artifact.kernelTableFile, artifact.kernelTableJSON)] {
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
                XCTAssertLessThanOrEqual(f.total, budget, "\(variant) \(f.name): \(Report.bytes(f.total)) > \(Report.bytes(budget))")
                XCTAssertGreaterThanOrEqual(f.arena, f.lowerBound)
                print("\(variant) \(f.name): arena \(Report.bytes(f.arena)), lower bound \(Report.bytes(f.lowerBound)), total \(Report.bytes(f.total))")
            }
        }
    }
}
