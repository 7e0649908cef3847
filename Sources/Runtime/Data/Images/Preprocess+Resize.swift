import Foundation

extension Preprocess {
    /// The interpolation filter of `resize`, PIL's names.
    public enum ResizeFilter: String, Sendable, Equatable {
        /// Triangle, support 1 (PIL `BILINEAR`, torchvision's default `Resize`, v3.3).
        case bilinear
        /// Lanczos-3, support 3 (PIL `LANCZOS`, the original HEAD's `Resize`).
        case lanczos
    }

    /// Resize to `size`×`size` (aspect not kept, as the original `Resize((S, S))`), PIL's
    /// `ImagingResample` algorithm: separable, horizontal pass then vertical pass, each output
    /// sample the normalised filter-weighted sum of the input samples within
    /// `support · max(in/out, 1)` of its centre `(i + 0.5) · in/out`, the filter's argument scaled
    /// by `1 / max(in/out, 1)` — so downscaling is antialiased (a triangle / Lanczos filter
    /// stretched over the shrink factor) and enlarging is plain interpolation. The intermediate
    /// image is rounded to 8 bits as PIL does; weights are Float (PIL uses 22-bit fixed point, a
    /// difference of at most 1 level in rare cases). An axis whose size does not change is copied.
    public static func resize(_ image: RGBImage, to size: Int, filter: ResizeFilter = .bilinear) -> RGBImage {
        resize(image, width: size, height: size, filter: filter)
    }

    public static func resize(_ image: RGBImage, width outW: Int, height outH: Int,
                              filter: ResizeFilter = .bilinear) -> RGBImage {
        precondition(outW > 0 && outH > 0 && image.width > 0 && image.height > 0,
                     "cannot resize a \(image.width)x\(image.height) image to \(outW)x\(outH)")
        var pixels = image.pixels
        var w = image.width
        let h = image.height
        if outW != w {
            let (bounds, weights) = coefficients(input: w, output: outW, filter: filter)
            var out = [UInt8](repeating: 0, count: outW * h * 3)
            for y in 0 ..< h {
                for x in 0 ..< outW {
                    let (start, count) = bounds[x]
                    for c in 0 ..< 3 {
                        var s: Float = 0
                        for k in 0 ..< count { s += weights[x][k] * Float(pixels[(y * w + start + k) * 3 + c]) }
                        out[(y * outW + x) * 3 + c] = clampByte(s)
                    }
                }
            }
            pixels = out
            w = outW
        }
        if outH != h {
            let (bounds, weights) = coefficients(input: h, output: outH, filter: filter)
            var out = [UInt8](repeating: 0, count: w * outH * 3)
            for y in 0 ..< outH {
                let (start, count) = bounds[y]
                for x in 0 ..< w * 3 {
                    var s: Float = 0
                    for k in 0 ..< count { s += weights[y][k] * Float(pixels[(start + k) * w * 3 + x]) }
                    out[y * w * 3 + x] = clampByte(s)
                }
            }
            pixels = out
        }
        return RGBImage(width: outW, height: outH, pixels: pixels)
    }

    private static func clampByte(_ v: Float) -> UInt8 {
        UInt8(max(0, min(255, (v + 0.5).rounded(.down))))
    }

    private static func filterValue(_ x: Float, _ filter: ResizeFilter) -> Float {
        switch filter {
        case .bilinear:
            let ax = abs(x)
            return ax < 1 ? 1 - ax : 0
        case .lanczos:
            func sinc(_ t: Float) -> Float { t == 0 ? 1 : sinf(.pi * t) / (.pi * t) }
            return -3 < x && x < 3 ? sinc(x) * sinc(x / 3) : 0
        }
    }

    /// PIL's `precompute_coeffs`: for each output index the first input index, the count and the
    /// normalised weights.
    private static func coefficients(input: Int, output: Int, filter: ResizeFilter)
        -> (bounds: [(Int, Int)], weights: [[Float]]) {
        let scale = Double(input) / Double(output)
        let filterScale = max(scale, 1)
        let support = (filter == .bilinear ? 1.0 : 3.0) * filterScale
        let ss = 1 / filterScale
        var bounds: [(Int, Int)] = []
        var weights: [[Float]] = []
        for i in 0 ..< output {
            let center = (Double(i) + 0.5) * scale
            let lo = max(Int(center - support + 0.5), 0)  // Int() truncates toward zero, as C
            let hi = min(Int(center + support + 0.5), input)
            var ws: [Float] = []
            var total: Float = 0
            for x in lo ..< max(hi, lo) {
                let v = filterValue(Float((Double(x) - center + 0.5) * ss), filter)
                ws.append(v)
                total += v
            }
            if total != 0 { ws = ws.map { $0 / total } }
            bounds.append((lo, ws.count))
            weights.append(ws)
        }
        return (bounds, weights)
    }
}
