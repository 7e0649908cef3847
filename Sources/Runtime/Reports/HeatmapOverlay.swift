import Foundation
import Data
import Evaluation
import Formats

/// Grad-CAM overlays: the preprocessed image blended with the heatmap in viridis, a colour bar,
/// and a caption (probabilities, decision, explained class) drawn with `BitmapFont`.
///
/// Rendering is integer and table driven (no platform fonts, no threads), so the same
/// explanation always gives the same bytes.
public enum HeatmapOverlay {
    /// Viridis (matplotlib's perceptually uniform colormap, van der Walt & Smith 2015) at 0, 0.1,
    /// …, 1; values between stops are interpolated linearly in sRGB.
    static let viridisStops: [UInt32] = [0x440154, 0x482475, 0x414487, 0x355F8D, 0x2A788E, 0x21918C,
                                         0x22A884, 0x44BF70, 0x7AD151, 0xBDDF26, 0xFDE725]

    /// The colour of `t` in [0, 1] (clamped; NaN is 0).
    public static func viridis(_ t: Float) -> Canvas.Color {
        let x = t.isNaN ? 0 : min(max(t, 0), 1) * Float(viridisStops.count - 1)
        let i = min(Int(x), viridisStops.count - 2)
        let a = Canvas.Color(hex: viridisStops[i]), b = Canvas.Color(hex: viridisStops[i + 1])
        let f = x - Float(i)
        func mix(_ p: UInt8, _ q: UInt8) -> UInt8 { UInt8((Float(p) + (Float(q) - Float(p)) * f).rounded()) }
        return Canvas.Color(red: mix(a.red, b.red), green: mix(a.green, b.green), blue: mix(a.blue, b.blue))
    }

    /// The caption lines of an explanation: the decision and probabilities, then what the map shows.
    public static func caption(_ e: Explainer.Explanation, classNames: [String], probabilities: [Double],
                               decision: Int, threshold: Double?, malignant: Int?) -> [String] {
        var first = "\(classNames[decision].uppercased())"
        if let threshold, let malignant {
            first += String(format: "  (P(%@) %.3f, threshold %.3f)", classNames[malignant], probabilities[malignant], threshold)
        }
        let second = zip(classNames, probabilities).map { String(format: "%@ %.3f", $0, $1) }.joined(separator: "  ")
        return [first, second, "Grad-CAM of \(classNames[e.explainedClass]) (features, \(e.mapHeight)x\(e.mapWidth))"]
    }

    /// The overlay image: caption on top, the image (nearest-neighbour enlarged to at least 256
    /// pixels) with the heatmap blended at `alpha`, and a labelled colour bar on the right.
    public static func render(image: FloatImage, heatmap: [Float], caption: [String], alpha: Float = 0.45) -> RGBImage {
        precondition(heatmap.count == image.width * image.height, "one heatmap value per pixel")
        let zoom = max(1, (256 + image.width - 1) / image.width)
        let w = image.width * zoom, h = image.height * zoom
        let scale = w >= 400 ? 2 : 1
        let lineHeight = BitmapFont.height(scale: scale) + 4 * scale
        let top = 8 + caption.count * lineHeight + 4
        let bar = 16, barGap = 10, labels = BitmapFont.width(of: "1.0", scale: scale) + 6
        var canvas = Canvas(width: 8 + w + barGap + bar + labels + 8, height: top + h + 8, background: .white)
        for (i, line) in caption.enumerated() {
            let fitted = Canvas.fitting(line, width: canvas.width - 16, preferred: scale)
            canvas.text(fitted.text, x: 8, y: 8 + i * lineHeight, .black, scale: fitted.scale, bold: i == 0)
        }
        for y in 0..<h {
            for x in 0..<w {
                let i = (y / zoom) * image.width + x / zoom
                let heat = viridis(heatmap[i])
                func blend(_ v: Float, _ c: UInt8) -> UInt8 {
                    UInt8(((1 - alpha) * v * 255 + alpha * Float(c)).rounded().clamped(0, 255))
                }
                let gray = (image.values[i * 3] + image.values[i * 3 + 1] + image.values[i * 3 + 2]) / 3
                canvas.setPixel(x: 8 + x, y: top + y, Canvas.Color(red: blend(gray, heat.red), green: blend(gray, heat.green),
                                                                  blue: blend(gray, heat.blue)))
            }
        }
        let barX = 8 + w + barGap
        for y in 0..<h {
            let t = 1 - Float(y) / Float(max(h - 1, 1))
            canvas.fillRect(x: barX, y: top + y, width: bar, height: 1, viridis(t))
        }
        canvas.strokeRect(x: barX, y: top, width: bar, height: h, .darkGray)
        for (t, label) in [(1.0, "1.0"), (0.5, "0.5"), (0.0, "0.0")] {
            let y = top + Int((1 - t) * Double(h - 1))
            canvas.text(label, x: barX + bar + 4, y: min(max(y - BitmapFont.height(scale: scale) / 2, top), top + h - BitmapFont.height(scale: scale)),
                        .black, scale: scale)
        }
        return canvas.image
    }

    /// Writes `<directory>/<stem>.gradcam.png` (the overlay) and `<stem>.gradcam.safetensors`
    /// (`map`: the raw feature-resolution map; `heatmap`: the normalised input-resolution one),
    /// both atomically; returns the two files.
    @discardableResult
    public static func write(_ e: Explainer.Explanation, caption: [String], to directory: URL, stem: String) throws -> (png: URL, map: URL) {
        let png = directory.appendingPathComponent("\(stem).gradcam.png")
        let raw = directory.appendingPathComponent("\(stem).gradcam.safetensors")
        try ImageCodec.writePNG(render(image: e.image, heatmap: e.heatmap, caption: caption), to: png)
        var writer = SafeTensorsWriter(metadata: [
            "source": e.sample.url.path, "explained_class": "\(e.explainedClass)",
            "method": "Grad-CAM: ReLU(sum_k mean_hw(dlogit/dA_k) A_k) at features.<last>; heatmap = bilinear (align_corners=False) to the input, (m-min)/(max-min)",
        ])
        try writer.add("map", floats: e.map, shape: [e.mapHeight, e.mapWidth])
        try writer.add("heatmap", floats: e.heatmap, shape: [e.image.height, e.image.width])
        try writer.write(to: raw)
        return (png, raw)
    }
}

private extension Float {
    func clamped(_ lo: Float, _ hi: Float) -> Float { Swift.min(Swift.max(self, lo), hi) }
}
