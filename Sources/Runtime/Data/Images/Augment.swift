import Foundation
import Graph

/// An image as the augmentations see it: H×W×3 floats in [0, 1], row-major, channels last
/// (torchvision's tensor after `ToTensor`, in HWC order).
public struct FloatImage: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public var values: [Float]

    public init(width: Int, height: Int, values: [Float]) {
        precondition(values.count == width * height * 3, "\(values.count) values for \(width)x\(height)x3")
        self.width = width; self.height = height; self.values = values
    }

    public init(_ image: RGBImage) {
        self.init(width: image.width, height: image.height, values: image.pixels.map { Float($0) / 255 })
    }

    @inline(__always) func index(_ x: Int, _ y: Int, _ c: Int) -> Int { (y * width + x) * 3 + c }
}

/// Training augmentation as the config describes it (`data.augmentation`), in torchvision's order
/// and semantics: horizontal and vertical flips, rotation (nearest, fill 0), affine translation and
/// scale (nearest, fill 0), brightness then contrast jitter, random erasing (value 0, before
/// normalisation). Each draw comes from the caller's seeded generator, so an epoch is reproducible.
public struct Augmentation: Sendable {
    public var horizontalFlip: Double = 0.5
    public var verticalFlip: Double = 0.3
    /// Maximum rotation in degrees (uniform in [-d, d]).
    public var rotation: Double = 15
    /// Maximum translation as a fraction of width and height.
    public var translate: Double = 0.05
    public var scale: ClosedRange<Double> = 0.95...1.05
    /// Brightness factor uniform in [1-b, 1+b]; contrast likewise.
    public var brightness: Double = 0.2
    public var contrast: Double = 0.2
    public var erasingProbability: Double = 0.15
    public var erasingScale: ClosedRange<Double> = 0.02...0.08
    public var erasingRatio: ClosedRange<Double> = 0.3...3.3

    public init() {}

    /// One random augmentation of `image`.
    public func apply(_ image: FloatImage, rng: inout SplitMix64) -> FloatImage {
        var img = image
        if rng.unit() < horizontalFlip { img = Augmentation.flipHorizontal(img) }
        if rng.unit() < verticalFlip { img = Augmentation.flipVertical(img) }
        let angle = rotation > 0 ? rng.uniform(-rotation, rotation) : 0
        let tx = translate > 0 ? (rng.uniform(-translate, translate) * Double(img.width)).rounded() : 0
        let ty = translate > 0 ? (rng.uniform(-translate, translate) * Double(img.height)).rounded() : 0
        let s = scale.lowerBound < scale.upperBound ? rng.uniform(scale.lowerBound, scale.upperBound) : scale.lowerBound
        if angle != 0 || tx != 0 || ty != 0 || s != 1 {
            img = Augmentation.affine(img, degrees: angle, translateX: tx, translateY: ty, scale: s)
        }
        if brightness > 0 { img = Augmentation.brightness(img, factor: rng.uniform(1 - brightness, 1 + brightness)) }
        if contrast > 0 { img = Augmentation.contrast(img, factor: rng.uniform(1 - contrast, 1 + contrast)) }
        if rng.unit() < erasingProbability { img = erase(img, rng: &rng) }
        return img
    }

    public static func flipHorizontal(_ img: FloatImage) -> FloatImage {
        var out = img
        for y in 0..<img.height { for x in 0..<img.width { for c in 0..<3 {
            out.values[img.index(x, y, c)] = img.values[img.index(img.width - 1 - x, y, c)]
        }}}
        return out
    }

    public static func flipVertical(_ img: FloatImage) -> FloatImage {
        var out = img
        for y in 0..<img.height { for x in 0..<img.width { for c in 0..<3 {
            out.values[img.index(x, y, c)] = img.values[img.index(x, img.height - 1 - y, c)]
        }}}
        return out
    }

    /// Rotation by `degrees` (counter-clockwise, as torchvision), then scale and translation, about
    /// the image centre; nearest neighbour, 0 outside (torchvision's `affine` with NEAREST, fill 0).
    public static func affine(_ img: FloatImage, degrees: Double, translateX: Double, translateY: Double, scale: Double) -> FloatImage {
        let w = img.width, h = img.height
        let cx = Double(w - 1) / 2, cy = Double(h - 1) / 2
        let a = degrees * .pi / 180
        let (ca, sa) = (cos(a), sin(a))
        var out = FloatImage(width: w, height: h, values: [Float](repeating: 0, count: img.values.count))
        for y in 0..<h {
            for x in 0..<w {
                // Inverse map: output pixel -> source pixel.
                let dx = (Double(x) - cx - translateX) / scale, dy = (Double(y) - cy - translateY) / scale
                let sx = ca * dx - sa * dy + cx, sy = sa * dx + ca * dy + cy
                let ix = Int(sx.rounded()), iy = Int(sy.rounded())
                guard ix >= 0, ix < w, iy >= 0, iy < h else { continue }
                for c in 0..<3 { out.values[out.index(x, y, c)] = img.values[img.index(ix, iy, c)] }
            }
        }
        return out
    }

    /// torchvision `adjust_brightness`: x·f, clamped to [0, 1].
    public static func brightness(_ img: FloatImage, factor: Double) -> FloatImage {
        var out = img
        for i in out.values.indices { out.values[i] = min(max(out.values[i] * Float(factor), 0), 1) }
        return out
    }

    /// torchvision `adjust_contrast`: blend with the mean of the grayscale image, clamped.
    public static func contrast(_ img: FloatImage, factor: Double) -> FloatImage {
        var sum = 0.0
        for p in 0..<(img.width * img.height) {
            sum += 0.299 * Double(img.values[3 * p]) + 0.587 * Double(img.values[3 * p + 1]) + 0.114 * Double(img.values[3 * p + 2])
        }
        let mean = Float(sum / Double(img.width * img.height)), f = Float(factor)
        var out = img
        for i in out.values.indices { out.values[i] = min(max(f * out.values[i] + (1 - f) * mean, 0), 1) }
        return out
    }

    /// torchvision `RandomErasing` (value 0): a rectangle of area fraction in `erasingScale` and
    /// log-uniform aspect ratio in `erasingRatio`, up to 10 attempts to fit.
    public func erase(_ img: FloatImage, rng: inout SplitMix64) -> FloatImage {
        let area = Double(img.width * img.height)
        for _ in 0..<10 {
            let target = area * rng.uniform(erasingScale.lowerBound, erasingScale.upperBound)
            let ratio = exp(rng.uniform(log(erasingRatio.lowerBound), log(erasingRatio.upperBound)))
            let h = Int((target * ratio).squareRoot().rounded()), w = Int((target / ratio).squareRoot().rounded())
            guard h > 0, w > 0, h < img.height, w < img.width else { continue }
            let y0 = Int(rng.next() % UInt64(img.height - h + 1)), x0 = Int(rng.next() % UInt64(img.width - w + 1))
            var out = img
            for y in y0..<(y0 + h) { for x in x0..<(x0 + w) { for c in 0..<3 { out.values[out.index(x, y, c)] = 0 } } }
            return out
        }
        return img
    }
}
