import Foundation
import Graph

/// The original system's per-image preprocessing (`../shared/reference/original_system.md` §3):
/// breast crop, CLAHE on lightness, resize to S×S, ImageNet normalisation. Pure functions on
/// `RGBImage`; `Preprocessor` chains the first three and names the on-disk cache entry.
public enum Preprocess {
    // MARK: Breast crop

    /// The original's `apply_breast_cropping`.
    ///
    /// gray = BT.601 luma (`RGBImage.grayPixels`, as `cv2.cvtColor(RGB2GRAY)`); foreground = gray > 10
    /// (`cv2.threshold(gray, 10, 255, THRESH_BINARY)`); the foreground's 8-connected components,
    /// largest first; the first whose bounding box has `w/h` in [0.5, 2.0] is padded by
    /// `Int(max(w, h) * 0.05)` on every side, clamped to the image, and cropped. Without such a
    /// component the image is returned unchanged.
    ///
    /// The original used `findContours(RETR_EXTERNAL)` and sorted by `contourArea`. Outer contours are
    /// traced with 8-connectivity, so each one bounds exactly one 8-connected component and its
    /// `boundingRect` is the component's bounding box. Differences, documented: the area used for
    /// ordering is the pixel count instead of the polygon area of the contour (the two order
    /// components the same way except for near-ties between components of very different shapes),
    /// and components lying inside a hole of another component (which RETR_EXTERNAL ignores) are
    /// candidates here; being smaller than their enclosing component they only matter when the
    /// enclosing one is rejected for its aspect. Ties in area keep raster order of first pixel.
    public static func breastCrop(_ image: RGBImage, threshold: UInt8 = 10) -> RGBImage {
        guard let box = breastBox(image, threshold: threshold) else { return image }
        return crop(image, x: box.x, y: box.y, width: box.width, height: box.height)
    }

    /// The crop rectangle `breastCrop` would use (padding applied, clamped), or nil to keep the image.
    public static func breastBox(_ image: RGBImage, threshold: UInt8 = 10)
        -> (x: Int, y: Int, width: Int, height: Int)? {
        let w = image.width, h = image.height
        guard w > 0, h > 0 else { return nil }
        let gray = image.grayPixels
        var label = [Int32](repeating: -1, count: w * h)
        struct Component { var area = 0; var minX: Int; var minY: Int; var maxX: Int; var maxY: Int }
        var components: [Component] = []
        var stack: [Int] = []
        for start in 0 ..< w * h where gray[start] > threshold && label[start] < 0 {
            let id = Int32(components.count)
            var c = Component(minX: start % w, minY: start / w, maxX: start % w, maxY: start / w)
            label[start] = id
            stack.append(start)
            while let p = stack.popLast() {
                let px = p % w, py = p / w
                c.area += 1
                c.minX = min(c.minX, px); c.maxX = max(c.maxX, px)
                c.minY = min(c.minY, py); c.maxY = max(c.maxY, py)
                for ny in max(py - 1, 0) ... min(py + 1, h - 1) {
                    for nx in max(px - 1, 0) ... min(px + 1, w - 1) {
                        let q = ny * w + nx
                        if label[q] < 0 && gray[q] > threshold {
                            label[q] = id
                            stack.append(q)
                        }
                    }
                }
            }
            components.append(c)
        }
        // Stable: equal areas keep discovery (raster) order.
        let order = components.indices.sorted { a, b in
            components[a].area != components[b].area ? components[a].area > components[b].area : a < b
        }
        for i in order {
            let c = components[i]
            let bw = c.maxX - c.minX + 1, bh = c.maxY - c.minY + 1
            let aspect = Double(bw) / Double(bh)
            guard aspect >= 0.5 && aspect <= 2.0 else { continue }
            let pad = Int(Double(max(bw, bh)) * 0.05)
            let x1 = max(0, c.minX - pad), y1 = max(0, c.minY - pad)
            let x2 = min(w, c.minX + bw + pad), y2 = min(h, c.minY + bh + pad)
            return (x1, y1, x2 - x1, y2 - y1)
        }
        return nil
    }

    /// The `width`×`height` rectangle of `image` at (`x`, `y`); it must lie inside the image.
    public static func crop(_ image: RGBImage, x: Int, y: Int, width: Int, height: Int) -> RGBImage {
        precondition(x >= 0 && y >= 0 && width >= 0 && height >= 0 && x + width <= image.width && y + height <= image.height,
                     "crop \(width)x\(height)+\(x)+\(y) is outside the \(image.width)x\(image.height) image")
        var out = [UInt8](repeating: 0, count: width * height * 3)
        for row in 0 ..< height {
            let src = ((y + row) * image.width + x) * 3
            out.replaceSubrange(row * width * 3 ..< (row + 1) * width * 3,
                                with: image.pixels[src ..< src + width * 3])
        }
        return RGBImage(width: width, height: height, pixels: out)
    }

    // MARK: Normalisation

    public static let imageNetMean: [Float] = [0.485, 0.456, 0.406]
    public static let imageNetStd: [Float] = [0.229, 0.224, 0.225]

    /// `ToTensor` + `Normalize(ImageNet)`: `(pixel / 255 − mean[c]) / std[c]`, HWC order
    /// (`height * width * 3` floats, the layout of the bytes).
    public static func normalizedNHWC(_ image: RGBImage) -> [Float] {
        var out = [Float](repeating: 0, count: image.pixels.count)
        // Per channel: value = pixel * scale + offset, one table of 256 values each.
        var table = [[Float]](repeating: [], count: 3)
        for c in 0 ..< 3 {
            table[c] = (0 ..< 256).map { (Float($0) / 255 - imageNetMean[c]) / imageNetStd[c] }
        }
        image.pixels.withUnsafeBufferPointer { p in
            out.withUnsafeMutableBufferPointer { o in
                for i in 0 ..< p.count { o[i] = table[i % 3][Int(p[i])] }
            }
        }
        return out
    }
}

/// The per-image preprocessing done once and cached: decode (with `decoding`: the intensity window
/// and DICOM choices) → breast crop → CLAHE (clip 2.0, 8×8 tiles) → resize to `size`×`size` (aspect
/// not kept, as the original). Augmentation and normalisation come later, per epoch.
public struct Preprocessor: Equatable, Sendable {
    public var crop: Bool
    public var clahe: Bool
    public var size: Int
    public var clipLimit: Double
    public var tiles: Int
    public var filter: Preprocess.ResizeFilter
    /// How the source file is decoded to 8 bits (part of the cache key).
    public var decoding: DecodeOptions

    /// Bump when the output of `apply` changes for the same settings, to invalidate cached images.
    public static let version = 1

    public init(crop: Bool, clahe: Bool, size: Int, clipLimit: Double = 2.0, tiles: Int = 8,
                filter: Preprocess.ResizeFilter = .bilinear, decoding: DecodeOptions = .default) {
        precondition(size > 0, "preprocessing size must be positive, got \(size)")
        self.crop = crop
        self.clahe = clahe
        self.size = size
        self.clipLimit = clipLimit
        self.tiles = tiles
        self.filter = filter
        self.decoding = decoding
    }

    public func apply(_ image: RGBImage) -> RGBImage {
        var out = image
        if crop { out = Preprocess.breastCrop(out) }
        if clahe { out = Preprocess.clahe(out, clipLimit: clipLimit, tiles: tiles) }
        return Preprocess.resize(out, to: size, filter: filter)
    }

    public func callAsFunction(_ image: RGBImage) -> RGBImage { apply(image) }

    /// The settings as a canonical string (part of the cache key).
    public var settingsDescription: String {
        "breastai-preprocess v\(Self.version) crop=\(crop) clahe=\(clahe) clip=\(clipLimit) tiles=\(tiles) size=\(size) filter=\(filter.rawValue) \(decoding.cacheKeyComponent)"
    }

    /// A stable key for the on-disk cache: FNV-1a 64 of the file's bytes, then of a 0 byte and the
    /// settings string, as 16 lowercase hex digits. Same bytes and settings → same key, on every run
    /// and machine (no `Hasher`, which is seeded per process).
    public func cacheKey<Bytes: Sequence>(fileData: Bytes) -> String where Bytes.Element == UInt8 {
        var hash = FNV1a64()
        if let done = fileData.withContiguousStorageIfAvailable({ hash.add($0) }) { _ = done } else {
            for byte in fileData { hash.add(byte) }
        }
        hash.add(0)
        hash.add(Array(settingsDescription.utf8))
        return hash.hex
    }
}

