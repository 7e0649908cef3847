/// The runtime half of Grad-CAM: the compiled explain program gives ReLU(Σ_k w_k A_k) at the
/// feature resolution (`ExplainProgram`); this upsamples it to the input and normalises it.
public enum GradCAM {
    /// Bilinear resampling of a `height`×`width` map to `outHeight`×`outWidth`, as PyTorch's
    /// `F.interpolate(mode="bilinear", align_corners=False)`: pixel centres aligned, source
    /// coordinates below 0 clamped to 0, the last row and column repeated past the edge.
    public static func upsample(_ map: [Float], height: Int, width: Int, outHeight: Int, outWidth: Int) -> [Float] {
        precondition(map.count == height * width, "\(map.count) values for \(height)x\(width)")
        func taps(_ out: Int, _ size: Int) -> [(Int, Int, Float)] {
            let ratio = Float(size) / Float(out)
            return (0..<out).map { d in
                let src = max((Float(d) + 0.5) * ratio - 0.5, 0)
                let i0 = min(Int(src), size - 1)
                let i1 = min(i0 + 1, size - 1)
                return (i0, i1, src - Float(i0))
            }
        }
        let ys = taps(outHeight, height), xs = taps(outWidth, width)
        var out = [Float](repeating: 0, count: outHeight * outWidth)
        for (oy, (y0, y1, ly)) in ys.enumerated() {
            for (ox, (x0, x1, lx)) in xs.enumerated() {
                let top = (1 - lx) * map[y0 * width + x0] + lx * map[y0 * width + x1]
                let bottom = (1 - lx) * map[y1 * width + x0] + lx * map[y1 * width + x1]
                out[oy * outWidth + ox] = (1 - ly) * top + ly * bottom
            }
        }
        return out
    }

    /// `(m - min) / (max - min)`; all zeros when the map is constant (no evidence anywhere).
    public static func normalize(_ map: [Float]) -> [Float] {
        guard let lo = map.min(), let hi = map.max(), hi > lo else { return [Float](repeating: 0, count: map.count) }
        let scale = 1 / (hi - lo)
        return map.map { ($0 - lo) * scale }
    }

    /// The heatmap of a feature-resolution map at the input size: upsampled, then normalised to [0, 1].
    public static func heatmap(_ map: [Float], height: Int, width: Int, imageSize: Int) -> [Float] {
        normalize(upsample(map, height: height, width: width, outHeight: imageSize, outWidth: imageSize))
    }

    /// Row and column of the largest value of a `width`-wide map (the first one on ties).
    public static func peak(_ map: [Float], width: Int) -> (row: Int, column: Int) {
        var best = 0
        for i in map.indices where map[i] > map[best] { best = i }
        return (best / width, best % width)
    }
}
