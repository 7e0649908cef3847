import Foundation
import Data
import Evaluation
import Formats

/// The report page of the most confident mistakes at the tuned threshold, with Grad-CAM:
/// `errors.md` and `errors/*.gradcam.png` (+ raw maps) in the report folder.
public enum ErrorGallery {
    /// Malignant images called otherwise, lowest P(malignant) first, and other images called
    /// malignant, highest P(malignant) first; at most `limit` of each (sample indices).
    public static func select(probabilities: [[Double]], labels: [Int], malignant: Int, threshold: Double,
                              limit: Int) -> (falseNegatives: [Int], falsePositives: [Int]) {
        let p = probabilities.map { $0[malignant] }
        let fn = labels.indices.filter { labels[$0] == malignant && p[$0] < threshold }
            .sorted { (p[$0], $0) < (p[$1], $1) }
        let fp = labels.indices.filter { labels[$0] != malignant && p[$0] >= threshold }
            .sorted { (-p[$0], $0) < (-p[$1], $1) }
        return (Array(fn.prefix(limit)), Array(fp.prefix(limit)))
    }

    /// Writes the page for `samples` (in the order of `probabilities` and `labels`): explains the
    /// malignant logit of each selected mistake with `explainer`. Returns the page's URL.
    @discardableResult
    public static func write(samples: [Dataset.Sample], probabilities: [[Double]], labels: [Int], classNames: [String],
                             malignant: Int, threshold: Double, decisions: [Int], explainer: Explainer?, limit: Int = 8,
                             to directory: URL) throws -> URL {
        let (fn, fp) = select(probabilities: probabilities, labels: labels, malignant: malignant, threshold: threshold, limit: limit)
        let folder = directory.appendingPathComponent("errors")
        var md = ["# Most confident mistakes", "",
                  String(format: "At the tuned threshold P(%@) ≥ %.3f. Each heatmap is Grad-CAM of the %@ logit at the last "
                         + "convolutional stage (features), upsampled to the input and normalised to [0, 1] (viridis: purple 0, yellow 1).",
                         classNames[malignant], threshold, classNames[malignant]), ""]
        var files: [Int: String] = [:]
        let chosen = fn + fp
        if !chosen.isEmpty, let explainer {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw RuntimeError.io(path: folder.path, problem: "cannot create the errors folder: \(error.localizedDescription)")
            }
            var k = 0
            try explainer.run(chosen.map { samples[$0] }, classes: chosen.map { _ in malignant }) { e in
                let i = chosen[k]
                let kind = k < fn.count ? "fn" : "fp"
                let rank = k < fn.count ? k + 1 : k - fn.count + 1
                let stem = String(format: "%@-%02d-%@", kind, rank, e.sample.url.deletingPathExtension().lastPathComponent)
                let caption = [e.sample.url.lastPathComponent + " (true: \(classNames[labels[i]]))"]
                    + HeatmapOverlay.caption(e, classNames: classNames, probabilities: probabilities[i], decision: decisions[i],
                                             threshold: threshold, malignant: malignant)
                let written = try HeatmapOverlay.write(e, caption: caption, to: folder, stem: stem)
                files[i] = "errors/" + written.png.lastPathComponent
                k += 1
            }
        }
        for (title, list) in [("False negatives (malignant called otherwise), most confident first", fn),
                              ("False positives (called malignant), most confident first", fp)] {
            md += ["## \(title)", ""]
            if list.isEmpty { md += ["None.", ""]; continue }
            md += ["| image | true | P(\(classNames[malignant])) | decision | Grad-CAM |", "|---|---|---|---|---|"]
            for i in list {
                let cell = files[i].map { "![](\($0))" } ?? "-"
                md.append(String(format: "| %@ | %@ | %.3f | %@ | %@ |", samples[i].url.lastPathComponent, classNames[labels[i]],
                                 probabilities[i][malignant], classNames[decisions[i]], cell))
            }
            md.append("")
        }
        let page = directory.appendingPathComponent("errors.md")
        try AtomicFile.write(Data(md.joined(separator: "\n").utf8), to: page.path)
        return page
    }
}
