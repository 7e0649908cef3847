import Foundation

extension Preprocess {
    /// The original's `apply_clahe` (`cv2.createCLAHE(clipLimit=2.0, tileGridSize=(8,8))`).
    ///
    /// Colour images: RGB → CIE L*a*b* (sRGB, D65, OpenCV's constants), CLAHE on L scaled to 0…255
    /// and rounded (OpenCV's 8-bit L), back to RGB with the pixel's own a* and b*. Difference: a* and
    /// b* are kept as floats instead of being rounded to 8 bits as OpenCV's 8-bit `cvtColor` does,
    /// which only removes a rounding step (≤ 1 level).
    ///
    /// Gray images (R = G = B, every mammogram): CLAHE directly on the gray value, as the original
    /// did for 2-D images. L of a gray pixel is a monotone function of its value, so the contrast
    /// enhancement is the same in kind; the result differs from the LAB path by the nonlinearity of L
    /// (a few levels), and it avoids the 8-bit L quantisation. `grayShortcut: false` forces LAB.
    public static func clahe(_ image: RGBImage, clipLimit: Double = 2.0, tiles: Int = 8,
                             grayShortcut: Bool = true) -> RGBImage {
        let n = image.width * image.height
        guard n > 0 else { return image }
        if grayShortcut && image.isGray {
            let gray = (0 ..< n).map { image.pixels[3 * $0] }
            let out = clahePlane(gray, width: image.width, height: image.height, clipLimit: clipLimit, tiles: tiles)
            return RGBImage(width: image.width, height: image.height, gray: out)
        }
        var l8 = [UInt8](repeating: 0, count: n)
        var a = [Float](repeating: 0, count: n)
        var b = [Float](repeating: 0, count: n)
        for i in 0 ..< n {
            let lab = rgbToLab(image.pixels[3 * i], image.pixels[3 * i + 1], image.pixels[3 * i + 2])
            l8[i] = UInt8(max(0, min(255, (lab.l * 255 / 100).rounded())))
            a[i] = lab.a
            b[i] = lab.b
        }
        let equalized = clahePlane(l8, width: image.width, height: image.height, clipLimit: clipLimit, tiles: tiles)
        var out = [UInt8](repeating: 0, count: n * 3)
        for i in 0 ..< n {
            let rgb = labToRGB(l: Float(equalized[i]) * 100 / 255, a: a[i], b: b[i])
            out[3 * i] = rgb.r; out[3 * i + 1] = rgb.g; out[3 * i + 2] = rgb.b
        }
        return RGBImage(width: image.width, height: image.height, pixels: out)
    }

    /// OpenCV's CLAHE (`CLAHE_Impl::apply`, 8-bit) on one `width`×`height` plane with a
    /// `tiles`×`tiles` grid:
    /// - if the size is not a multiple of the grid on both axes, the plane is extended at the
    ///   bottom and right by `tiles − size % tiles` (on both axes, as OpenCV) with BORDER_REFLECT_101
    ///   and the tiles are `extended / tiles`;
    /// - per tile a 256-bin histogram, clipped at `max(Int(clipLimit · tilePixels / 256), 1)`
    ///   (no clipping when `clipLimit <= 0`); the excess is added evenly to every bin and the
    ///   remainder one each to bins 0, step, 2·step, … with `step = max(256 / remainder, 1)`;
    /// - LUT = `round(cdf · 255 / tilePixels)` (round half to even, OpenCV's saturate_cast);
    /// - each pixel is the bilinear blend of the LUTs of the 4 nearest tile centres
    ///   (`tyf = y / tileHeight − 0.5`, tile indices clamped at the edges), in Float, rounded.
    public static func clahePlane(_ src: [UInt8], width w: Int, height h: Int,
                                  clipLimit: Double = 2.0, tiles: Int = 8) -> [UInt8] {
        precondition(src.count == w * h && tiles > 0)
        guard w > 0, h > 0 else { return src }
        let tileW: Int, tileH: Int
        if w % tiles == 0 && h % tiles == 0 {
            tileW = w / tiles; tileH = h / tiles
        } else {
            tileW = (w + tiles - w % tiles) / tiles
            tileH = (h + tiles - h % tiles) / tiles
        }
        let tileTotal = tileW * tileH
        let lutScale = Float(255) / Float(tileTotal)
        let clip = clipLimit > 0 ? max(Int(clipLimit * Double(tileTotal) / 256), 1) : 0
        var luts = [UInt8](repeating: 0, count: tiles * tiles * 256)
        var hist = [Int](repeating: 0, count: 256)
        for ty in 0 ..< tiles {
            for tx in 0 ..< tiles {
                for i in 0 ..< 256 { hist[i] = 0 }
                for y in ty * tileH ..< (ty + 1) * tileH {
                    let row = reflect101(y, h) * w
                    for x in tx * tileW ..< (tx + 1) * tileW {
                        hist[Int(src[row + reflect101(x, w)])] += 1
                    }
                }
                if clip > 0 {
                    var clipped = 0
                    for i in 0 ..< 256 where hist[i] > clip {
                        clipped += hist[i] - clip
                        hist[i] = clip
                    }
                    let batch = clipped / 256
                    var residual = clipped - batch * 256
                    for i in 0 ..< 256 { hist[i] += batch }
                    if residual != 0 {
                        let step = max(256 / residual, 1)
                        var i = 0
                        while i < 256 && residual > 0 {
                            hist[i] += 1
                            i += step
                            residual -= 1
                        }
                    }
                }
                var sum = 0
                let base = (ty * tiles + tx) * 256
                for i in 0 ..< 256 {
                    sum += hist[i]
                    luts[base + i] = UInt8(max(0, min(255, (Float(sum) * lutScale).rounded(.toNearestOrEven))))
                }
            }
        }
        var out = [UInt8](repeating: 0, count: w * h)
        let invW = 1 / Float(tileW), invH = 1 / Float(tileH)
        // Per column: the two tiles and the weight of the second one.
        var tx1s = [Int](repeating: 0, count: w), tx2s = tx1s
        var xas = [Float](repeating: 0, count: w)
        for x in 0 ..< w {
            let txf = Float(x) * invW - 0.5
            let t1 = Int(txf.rounded(.down))
            xas[x] = txf - Float(t1)
            tx1s[x] = max(t1, 0)
            tx2s[x] = min(t1 + 1, tiles - 1)
        }
        for y in 0 ..< h {
            let tyf = Float(y) * invH - 0.5
            let t1 = Int(tyf.rounded(.down))
            let ya = tyf - Float(t1), ya1 = 1 - ya
            let r1 = max(t1, 0) * tiles * 256, r2 = min(t1 + 1, tiles - 1) * tiles * 256
            for x in 0 ..< w {
                let v = Int(src[y * w + x])
                let xa = xas[x], xa1 = 1 - xa
                let c1 = tx1s[x] * 256 + v, c2 = tx2s[x] * 256 + v
                let top = Float(luts[r1 + c1]) * xa1 + Float(luts[r1 + c2]) * xa
                let bottom = Float(luts[r2 + c1]) * xa1 + Float(luts[r2 + c2]) * xa
                let res = top * ya1 + bottom * ya
                out[y * w + x] = UInt8(max(0, min(255, res.rounded(.toNearestOrEven))))
            }
        }
        return out
    }

    /// BORDER_REFLECT_101 (`gfedcb|abcdefgh|gfedcba`) index into `0 ..< n`.
    static func reflect101(_ i: Int, _ n: Int) -> Int {
        if n == 1 { return 0 }
        var i = i
        while i < 0 || i >= n {
            if i < 0 { i = -i }
            if i >= n { i = 2 * n - 2 - i }
        }
        return i
    }

    // MARK: CIE L*a*b* (OpenCV's float formulas: sRGB gamma, D65 white)

    static func srgbToLinear(_ v: Float) -> Float {
        v <= 0.04045 ? v / 12.92 : powf((v + 0.055) / 1.055, 2.4)
    }

    static func linearToSRGB(_ v: Float) -> Float {
        v <= 0.0031308 ? 12.92 * v : 1.055 * powf(v, 1 / 2.4) - 0.055
    }

    /// L in 0…100, a and b about −128…127.
    public static func rgbToLab(_ r8: UInt8, _ g8: UInt8, _ b8: UInt8) -> (l: Float, a: Float, b: Float) {
        let r = srgbToLinear(Float(r8) / 255), g = srgbToLinear(Float(g8) / 255), b = srgbToLinear(Float(b8) / 255)
        let x = (0.412453 * r + 0.357580 * g + 0.180423 * b) / 0.950456
        let y = 0.212671 * r + 0.715160 * g + 0.072169 * b
        let z = (0.019334 * r + 0.119193 * g + 0.950227 * b) / 1.088754
        func f(_ t: Float) -> Float { t > 0.008856 ? cbrtf(t) : 7.787 * t + 16 / 116 }
        let fy = f(y)
        let l: Float = y > 0.008856 ? 116 * fy - 16 : 903.3 * y
        return (l, 500 * (f(x) - fy), 200 * (fy - f(z)))
    }

    public static func labToRGB(l: Float, a: Float, b: Float) -> (r: UInt8, g: UInt8, b: UInt8) {
        let y: Float, fy: Float
        if l <= 903.3 * 0.008856 {
            y = l / 903.3
            fy = 7.787 * y + 16 / 116
        } else {
            fy = (l + 16) / 116
            y = fy * fy * fy
        }
        func finv(_ t: Float) -> Float { t > 0.206893 ? t * t * t : (t - 16 / 116) / 7.787 }
        let x = finv(a / 500 + fy) * 0.950456
        let z = finv(fy - b / 200) * 1.088754
        let r = 3.240479 * x - 1.53715 * y - 0.498535 * z
        let g = -0.969256 * x + 1.875991 * y + 0.041556 * z
        let bl = 0.055648 * x - 0.204043 * y + 1.057311 * z
        func byte(_ v: Float) -> UInt8 {
            UInt8(max(0, min(255, (linearToSRGB(max(0, min(1, v))) * 255).rounded())))
        }
        return (byte(r), byte(g), byte(bl))
    }
}
