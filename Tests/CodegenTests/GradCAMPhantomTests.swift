import Foundation
import XCTest
@testable import Codegen
import Graph
import Data
import Evaluation
import Formats
import Runtime
import Training

/// Does the heatmap point at the lesion? On phantoms the generator knows where the mass is
/// (`Phantoms.lesionMask`, taken through the same crop and resize as the image): for the
/// malignant test images of a trained demo, count how often the Grad-CAM peak (of the malignant
/// logit) falls inside the mass.
///
/// Training is too long for the suite, so this is a measurement on a finished demo run:
///
///     breastai-run demo --dir /tmp/demo [--model tiny --image-size 96 --epochs 12]
///     BREASTAI_GRADCAM_DEMO=/tmp/demo swift test --skip-build --filter GradCAMPhantomTests
///
/// (skipped without it). It checks first that the regenerated phantoms are the files on disk.
final class GradCAMPhantomTests: XCTestCase {
    func testHeatmapPeakFallsInsideTheLesion() throws {
        guard let demo = ProcessInfo.processInfo.environment["BREASTAI_GRADCAM_DEMO"] else {
            throw XCTSkip("set BREASTAI_GRADCAM_DEMO to a finished `breastai-run demo` folder (a measurement, not a unit test)")
        }
        let root = URL(fileURLWithPath: demo)
        let checkpoint = try TrainedCheckpoint.open("best", checkpointDirectory: root.appendingPathComponent("checkpoints").path)
        let config = checkpoint.config
        let work = try Harness.temporaryDirectory("gradcam-phantoms")
        defer { try? FileManager.default.removeItem(at: work) }
        guard let toolchain = Harness.toolchain else { throw XCTSkip("no C toolchain") }
        let program = try CompiledProgram(directory: try ensureArtifact(try compileExplainArtifact(config.modelConfig),
                                                                         directory: work.appendingPathComponent("explain"),
                                                                         toolchain: toolchain, log: { _ in }))
        let state = try StateBlocks(layout: program.manifest.layout)
        try checkpoint.load(into: state)
        let cache = try ImageCache(directory: work.appendingPathComponent("cache"), preprocessor: config.preprocessor)
        let explainer = try Explainer(program: program, state: state, cache: cache, workers: 2)

        let folder = URL(fileURLWithPath: config.paths.dataDir).appendingPathComponent("test/malignant")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".png") }.sorted()
        XCTAssertFalse(files.isEmpty, "\(folder.path): no malignant test images")
        let (seed, size) = (UInt64(2024), 160)   // the demo's defaults (--data-seed, --phantom-size)
        let malignant = config.data.malignantIndex
        var inside = 0, total = 0, chance = 0.0, malignantCalls = 0
        let start = Date()
        try explainer.run(files.map { Dataset.Sample(url: folder.appendingPathComponent($0), label: malignant) },
                          classes: files.map { _ in malignant }) { e in
            let index = Int(e.sample.url.deletingPathExtension().lastPathComponent.split(separator: "_").last!)!
            let phantom = Phantoms.phantom(.malignant, split: .test, index: index, size: size, seed: seed)
            XCTAssertEqual(try ImageCodec.decode(contentsOf: e.sample.url).pixels, phantom.image.pixels,
                           "\(e.sample.url.path): not the phantom regenerated with seed \(seed), size \(size)")
            let mask = Phantoms.lesionMask(phantom, preprocessor: config.preprocessor)
            let peak = GradCAM.peak(e.heatmap, width: e.image.width)
            if mask[peak.row * e.image.width + peak.column] { inside += 1 }
            chance += Double(mask.filter { $0 }.count) / Double(mask.count)
            if e.probabilities[malignant] == e.probabilities.max() { malignantCalls += 1 }
            total += 1
        }
        let fraction = Double(inside) / Double(total)
        print(String(format: "Grad-CAM peak inside the lesion: %d of %d malignant test images (%.1f%%); chance (mean lesion area "
                     + "fraction) %.1f%%; argmax malignant on %d; %@ %d px; %.1f s",
                     inside, total, 100 * fraction, 100 * chance / Double(total), malignantCalls,
                     config.modelConfig.variant.rawValue, config.modelConfig.imageSize, Date().timeIntervalSince(start)))
        XCTAssertGreaterThan(fraction, 0.5, "the peak should fall inside the lesion for most malignant images")
    }
}
