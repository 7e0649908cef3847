import Foundation
import XCTest
@testable import Codegen
import Graph
import Runtime

/// Throughput of the compiled explain program (eval forward + backward to the feature map +
/// Grad-CAM), batched like eval. A measurement, not a unit test (it compiles S at 512):
///
///     BREASTAI_GRADCAM_BENCH=S swift test --skip-build --filter GradCAMThroughputTests
///
/// (BREASTAI_GRADCAM_BENCH=tiny for a quick run.) Prints images/s of explain and of eval.
final class GradCAMThroughputTests: XCTestCase {
    func testExplainThroughput() throws {
        guard let variantName = ProcessInfo.processInfo.environment["BREASTAI_GRADCAM_BENCH"] else {
            throw XCTSkip("set BREASTAI_GRADCAM_BENCH=S (or tiny) to measure explain throughput")
        }
        let variant = try XCTUnwrap(ModelVariant(rawValue: variantName == "tiny" ? "tiny" : variantName.uppercased()))
        let config = ModelConfig(variant: variant, classes: 3, imageSize: variant.defaultImageSize, batch: 4,
                                 head: .breastAI(cbam: true, dropout: ModelConfig.breastAIDropout))
        let compileStart = Date()
        let (program, dir) = try Harness.load(try compileExplainArtifact(config), name: "explain-bench")
        defer { try? FileManager.default.removeItem(at: dir) }
        let compileSeconds = Date().timeIntervalSince(compileStart)
        let state = try StateBlocks(layout: program.manifest.layout)
        let values = Harness.initialState(program.manifest.layout, seed: 3)
        for (name, v) in values { try state.write(.model, name, v) }
        let m = program.manifest
        var rng = SplitMix64(seed: 9)
        let images = (0..<(m.batch * m.imageSize * m.imageSize * 3)).map { _ in Float(rng.normal()) }
        let side = ExplainProgram.mapSide(config.backbone, imageSize: config.imageSize)
        let arena = try Arena(bytes: max(m.explain!.arenaBytes, m.eval.arenaBytes))
        func time(_ batches: Int, _ body: () throws -> Void) rethrows -> Double {
            try body()   // warm-up
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<batches { try body() }
            return Double(batches * m.batch) / (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        let batches = variant == .tiny ? 50 : 5
        let explain = try time(batches) { _ = try program.explain(images, classes: [1, 1, 1, 1], mapCells: side * side, state: state, arena: arena) }
        let eval = try time(batches) { _ = try program.evaluate(images, state: state, arena: arena) }
        print(String(format: "explain %@ at %d, batch %d: %.2f images/s (eval alone %.2f images/s); map %dx%d; arena %.0f MB; compile+build %.0f s; load %@",
                     variant.rawValue, m.imageSize, m.batch, explain, eval, side, side, Double(m.explain!.arenaBytes) / 1e6, compileSeconds,
                     (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"))
    }
}
