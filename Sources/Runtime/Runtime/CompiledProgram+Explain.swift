import Foundation
import Graph
import Formats

extension CompiledProgram {
    /// The explain entry (`manifest.explain`, an explain artifact) on one batch: NHWC `images`
    /// (`batch * size * size * 3` floats) and one class per image (`classes.count == batch`)
    /// with the weights of `block`. Returns the logits and probabilities (`batch * classes`) and
    /// the Grad-CAM maps ReLU(Σ_k w_k A_k), `batch * mapCells` floats.
    public func explain(_ images: [Float], classes: [Int], mapCells: Int, state: StateBlocks, arena: Arena,
                        block: StateBlocks.Block = .model) throws -> (logits: [Float], probabilities: [Float], maps: [Float]) {
        let m = manifest
        guard let entry = m.explain else {
            throw RuntimeError.artifact(path: directory.appendingPathComponent("manifest.json").path,
                                        problem: "has no explain entry; it is not an explain artifact (compileExplainArtifact)")
        }
        guard images.count == m.batch * m.imageSize * m.imageSize * 3 else {
            throw RuntimeError.tensor(name: "images", problem: "expected \(m.batch) x \(m.imageSize) x \(m.imageSize) x 3 floats, got \(images.count)")
        }
        guard classes.count == m.batch, classes.allSatisfy({ (0..<m.classes).contains($0) }) else {
            throw RuntimeError.tensor(name: "explain.selector", problem: "expected \(m.batch) class indices in 0..<\(m.classes), got \(classes)")
        }
        var images = images
        var selector = [Float](repeating: 0, count: m.batch * m.classes)
        for (i, c) in classes.enumerated() { selector[i * m.classes + c] = 1 }
        var logits = [Float](repeating: 0, count: m.batch * m.classes), probabilities = logits
        var maps = [Float](repeating: 0, count: m.batch * mapCells)
        try images.withUnsafeMutableBytes { i in
            try selector.withUnsafeMutableBytes { s in
                try logits.withUnsafeMutableBytes { l in
                    try probabilities.withUnsafeMutableBytes { p in
                        try maps.withUnsafeMutableBytes { h in
                            try run(entry.entry, state: state, arena: arena, inputs: [
                                .images: i.baseAddress!, .selector: s.baseAddress!, .logits: l.baseAddress!,
                                .probabilities: p.baseAddress!, .heatmap: h.baseAddress!,
                                .model: UnsafeMutableRawPointer(state.pointer(block)),
                            ])
                        }
                    }
                }
            }
        }
        return (logits, probabilities, maps)
    }
}
