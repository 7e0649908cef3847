import ArgumentParser
import Foundation
import Codegen
import Graph
import Data
import Evaluation
import Formats
import Reports
import Runtime
import Training

/// `predict --explain`: Grad-CAM of each image from the compiled explain program.
struct ExplainOptions: ParsableArguments {
    @Flag(name: .long, help: "Also write a Grad-CAM overlay (<name>.gradcam.png) and the raw map (<name>.gradcam.safetensors) per image.")
    var explain = false
    @Option(name: .long, help: "Folder for the --explain files (default explanations); created, or an empty folder (--force: files of the same names replaced).")
    var out: String = "explanations"
    @Option(name: .customLong("class"), help: ArgumentHelp("Class whose logit --explain differentiates: malignant (default), predicted, or a class name.", valueName: "NAME"))
    var explainClass: String = "malignant"
    @Flag(name: .long, help: "Replace --explain files of the same names in a non-empty --out folder.")
    var force = false

    /// The class index explained for each image, given the decisions.
    func classes(names: [String], malignant: Int, predicted: [Int]) throws -> [Int] {
        switch explainClass {
        case "predicted": return predicted
        case "malignant": return predicted.map { _ in malignant }
        default:
            guard let c = names.firstIndex(of: explainClass) else {
                throw ValidationError("--class \(explainClass): not malignant, predicted or a class name (\(names.joined(separator: ", ")))")
            }
            return predicted.map { _ in c }
        }
    }
}

extension TrainOptions {
    /// Compiles (when needed) and loads the explain artifact of `config` (eval + explain entries,
    /// `compileExplainArtifact`) in build/explain-<model>-<size>-b<batch>-<hash>.
    func explainProgram(for config: TrainingConfig, log: (String) -> Void) throws -> CompiledProgram {
        let model = config.modelConfig
        var hash = FNV1a64()
        hash.add(Array("\(model)".utf8))
        let dir = URL(fileURLWithPath: "build/explain-\(model.variant.rawValue)-\(model.imageSize)-b\(model.batch)-\(hash.hex.prefix(8))")
        return try CompiledProgram(directory: ensureArtifact(try compileExplainArtifact(model), directory: dir, rebuild: rebuild, log: log))
    }
}

/// Explains every sample (batched like eval) and writes its overlay and raw map into `directory`;
/// returns the overlay of each sample, in order. `probabilities` and `decisions` are the
/// deployed ones (TTA, temperature, threshold) shown in the captions.
func writeExplanations(_ samples: [Dataset.Sample], classes: [Int], probabilities: [[Double]], decisions: [Int],
                       explainer: Explainer, names: [String], malignant: Int, threshold: Double,
                       to directory: URL) throws -> [URL] {
    var stems: [String: Int] = [:]
    var index = 0
    var written: [URL] = []
    try explainer.run(samples, classes: classes) { e in
        defer { index += 1 }
        var stem = e.sample.url.deletingPathExtension().lastPathComponent
        stems[stem, default: 0] += 1
        if stems[stem]! > 1 { stem += "-\(stems[stem]!)" }
        let caption = HeatmapOverlay.caption(e, classNames: names, probabilities: probabilities[index], decision: decisions[index],
                                             threshold: threshold, malignant: malignant)
        let files = try HeatmapOverlay.write(e, caption: [e.sample.url.lastPathComponent] + caption, to: directory, stem: stem)
        written.append(files.png)
    }
    return written
}
