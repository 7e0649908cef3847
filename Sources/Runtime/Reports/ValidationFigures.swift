import Foundation
import Data

/// The figures of a validation report: the class-balance bar chart and example thumbnails.
enum ValidationFigures {
    /// The largest side of one thumbnail.
    static let thumbnailSide = 128

    /// Usable images per class, one bar per split side by side (Okabe-Ito colours), counts above
    /// the bars, a legend of the splits; a class with no image in a split shows a red 0.
    static func classBalance(_ result: ValidationResult, width: Int = 800, height: Int = 480) -> RGBImage {
        var canvas = Canvas(width: width, height: height)
        let s = 2, lineH = BitmapFont.height(scale: s)
        canvas.text("Usable images per class and split", x: width / 2, y: 14, .black, scale: 3, alignment: .center, bold: true)
        let splits = result.splits, classes = result.classNames
        let most = max(1, splits.flatMap(\.usable).max() ?? 1)
        let step = niceStep(Double(most) / 5)
        let top = max(Double(most), step * (Double(most) / step).rounded(.up))
        let labelW = Canvas.textWidth(String(Int(top)), scale: s)
        let plotX = 24 + labelW, plotY = 14 + 24 + 16 + lineH + 12, plotW = width - plotX - 20
        let plotH = height - plotY - (12 + lineH + 14)
        guard plotW > 40, plotH > 40, !classes.isEmpty else { return canvas.image }
        func py(_ v: Double) -> Int { plotY + plotH - Int((v / top * Double(plotH)).rounded()) }
        var tick = 0.0
        while tick <= top + 1e-9 {
            let y = py(tick)
            canvas.fillRect(x: plotX, y: y, width: plotW, height: 1, tick == 0 ? .black : .gridGray)
            canvas.text(String(Int(tick)), x: plotX - 6, y: y - lineH / 2, .black, scale: s, alignment: .right)
            tick += step
        }
        // Legend: one swatch per split, centred under the title.
        let entries = splits.enumerated().map { (name: $1.split, color: Chart.palette[$0 % Chart.palette.count]) }
        let entryW = entries.map { 14 + 6 + Canvas.textWidth($0.name, scale: s) + 18 }
        var lx = width / 2 - entryW.reduce(0, +) / 2
        for (e, w) in zip(entries, entryW) {
            canvas.fillRect(x: lx, y: 14 + 24 + 14, width: 14, height: 14, e.color)
            canvas.text(e.name, x: lx + 20, y: 14 + 24 + 14 + 7 - lineH / 2, .black, scale: s)
            lx += w
        }
        let groupW = plotW / classes.count, barW = max(2, (groupW - 24) / max(1, splits.count))
        let red = Canvas.Color(hex: 0xD55E00)
        for (c, name) in classes.enumerated() {
            let gx = plotX + c * groupW + (groupW - barW * splits.count) / 2
            for (k, split) in splits.enumerated() {
                let v = split.usable[c], x = gx + k * barW, y = py(Double(v))
                canvas.fillRect(x: x + 1, y: y, width: barW - 2, height: plotY + plotH - y, entries[k].color)
                let label = String(v)
                if Canvas.textWidth(label, scale: 1) <= barW {
                    canvas.text(label, x: x + barW / 2, y: y - lineH - 2, v == 0 ? red : .black,
                                scale: Canvas.textWidth(label, scale: s) <= barW ? s : 1, alignment: .center, bold: v == 0)
                }
            }
            canvas.text(Charts.truncated(name, to: groupW - 4, scale: s), x: plotX + c * groupW + groupW / 2,
                        y: plotY + plotH + 12, .black, scale: s, alignment: .center)
        }
        return canvas.image
    }

    /// 1, 2 or 5 × 10^k, at least `raw` (and at least 1: counts are whole).
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 1 else { return 1 }
        let p = pow(10, floor(log10(raw)))
        return [1.0, 2, 5, 10].map { $0 * p }.first { $0 >= raw }!
    }

    /// An example to show: the files (one, or a pair side by side) and a caption.
    struct Example {
        var kind: Finding.Kind
        var paths: [String]
        var caption: String
    }

    /// Up to `limit` duplicate pairs (identical across splits, then near duplicates, then
    /// identical within a split) and up to `limit` near-empty windows.
    static func examples(_ result: ValidationResult, limit: Int) -> [Example] {
        var out: [Example] = []
        for kind in [Finding.Kind.duplicateAcrossSplits, .nearDuplicate, .duplicateWithinSplit] {
            for f in result.findings where f.kind == kind && f.paths.count >= 2 {
                guard out.count < limit else { break }
                out.append(Example(kind: kind, paths: Array(f.paths.prefix(2)), caption: f.message))
            }
        }
        for f in result.findings.filter({ $0.kind == .nearEmptyWindow }).prefix(limit) {
            out.append(Example(kind: f.kind, paths: [f.paths[0]], caption: f.message))
        }
        return out
    }

    /// The thumbnails of `paths` (each at most `thumbnailSide` a side) side by side on white with
    /// a 6 px gap; nil when one of them cannot be decoded.
    static func thumbnails(_ paths: [String], dataDir: URL, decoding: DecodeOptions = .default) -> RGBImage? {
        var images: [RGBImage] = []
        for path in paths {
            guard let image = try? ValidationDecode.image(contentsOf: dataDir.appendingPathComponent(path), options: decoding) else { return nil }
            images.append(thumbnail(image))
        }
        guard !images.isEmpty else { return nil }
        let gap = 6
        var canvas = Canvas(width: images.map(\.width).reduce(0, +) + gap * (images.count - 1),
                            height: images.map(\.height).max()!)
        var x = 0
        for image in images {
            for y in 0..<image.height {
                for u in 0..<image.width {
                    let p = image[u, y]
                    canvas.setPixel(x: x + u, y: y, Canvas.Color(red: p.red, green: p.green, blue: p.blue))
                }
            }
            x += image.width + gap
        }
        return canvas.image
    }

    /// `image` shrunk (antialiased) to fit `thumbnailSide` x `thumbnailSide`, aspect kept; never enlarged.
    static func thumbnail(_ image: RGBImage) -> RGBImage {
        let scale = min(1, Double(thumbnailSide) / Double(max(image.width, image.height)))
        guard scale < 1 else { return image }
        let w = max(1, Int((Double(image.width) * scale).rounded())), h = max(1, Int((Double(image.height) * scale).rounded()))
        return Preprocess.resize(image, width: w, height: h)
    }
}
