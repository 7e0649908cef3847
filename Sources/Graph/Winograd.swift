/// Winograd F(2x2, 3x3) (Lavin & Gray 2016): which convolutions the compiled program runs as Winograd
/// (the emitter and the interpreter's bf16 emulation share the rules; the compiled fp32 program runs
/// them as F(4x4, 3x3), which the interpreter checks against its exact convolution; a bf16 program
/// runs the wide ones as F(2x2) with bf16 products and the narrow ones as in fp32), and the
/// F(2x2) transforms in Double for the interpreter's bf16 emulation.
///
///     Bᵀ = [1 0 −1 0; 0 1 1 0; 0 −1 1 0; 0 1 0 −1]   G = [1 0 0; ½ ½ ½; ½ −½ ½; 0 0 1]
///     Aᵀ = [1 1 1 0; 0 1 −1 −1]
/// y = Aᵀ [U ⊙ V] A per 2x2 output tile, V = Bᵀ d B of the 4x4 input patch, U = G g Gᵀ.
public enum Winograd {
    /// Forward and backward-input: dense 3x3, stride 1, padding 1, at least 16 channels in and out
    /// (`c` the convolution's input channels, `k` its output channels).
    public static func applies(_ a: Conv2DAttrs, c: Int, k: Int, r: Int, s: Int) -> Bool {
        r == 3 && s == 3 && a.stride == 1 && a.padding == 1 && a.groups == 1 && c >= 16 && k >= 16
    }

    /// In a bf16 program, whether the forward and dx of an `applies` convolution run as F(2x2, 3x3)
    /// with bf16 products (`convolve`): at least 32 channels in and out. Narrower ones (S's and M's
    /// 24-channel features.1) run as in fp32, F(4x4, 3x3) with fp32 products, exact here: F(2x2)'s
    /// transforms write 4 values per output and channel where F(4x4)'s write 2.25, and at 24 channels
    /// the bf16 GEMM's gain does not pay for them (measured, `CEmitter+Winograd.swift`).
    public static func roundsInBF16(_ a: Conv2DAttrs, c: Int, k: Int, r: Int, s: Int) -> Bool {
        applies(a, c: c, k: k, r: r, s: s) && c >= 32 && k >= 32
    }

    /// In a bf16 program, whether the weight gradient of an `applies` convolution runs as F(2x2, 3x3)
    /// with bf16 products (`backwardWeight`): at least 64 channels in and out (S's features.3, 64 to
    /// 256). Narrower ones (features.1 and 2) run as in fp32, F(4x4) with fp32 products.
    public static func roundsWeightGradientInBF16(_ a: Conv2DAttrs, c: Int, k: Int, r: Int, s: Int) -> Bool {
        applies(a, c: c, k: k, r: r, s: s) && c >= 64 && k >= 64
    }

    static let bt: [[Double]] = [[1, 0, -1, 0], [0, 1, 1, 0], [0, -1, 1, 0], [0, 1, 0, -1]]
    static let g: [[Double]] = [[1, 0, 0], [0.5, 0.5, 0.5], [0.5, -0.5, 0.5], [0, 0, 1]]
    static let at: [[Double]] = [[1, 1, 1, 0], [0, 1, -1, -1]]

    /// p · q · rᵀ for row-major matrices given as arrays of rows.
    static func sandwich(_ p: [[Double]], _ q: [[Double]], _ r: [[Double]]) -> [[Double]] {
        let pq = p.map { row in (0..<q[0].count).map { j in zip(row, q).reduce(0) { $0 + $1.0 * $1.1[j] } } }
        return pq.map { row in r.map { rr in zip(row, rr).reduce(0) { $0 + $1.0 * $1.1 } } }
    }
    static func transpose(_ m: [[Double]]) -> [[Double]] { (0..<m[0].count).map { j in m.map { $0[j] } } }

    /// The compiled bf16 program's Winograd convolution: x (N, H, W, C) with weight g (K, C, 3, 3)
    /// read as `tap(k, c, r, s)`, V and U rounded by `round` before their products, which are
    /// summed exactly; y (N, H, W, K).
    static func convolve(_ x: Tensor, k: Int, tap: (Int, Int, Int, Int) -> Double, round: (Double) -> Double) -> Tensor {
        let (n, h, w, c) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        var u = [[Double]](repeating: [], count: k * c)   // U (k, c) -> 16 values, rounded
        for kk in 0..<k { for cc in 0..<c {
            let gg = (0..<3).map { r in (0..<3).map { s in tap(kk, cc, r, s) } }
            u[kk * c + cc] = sandwich(g, gg, g).flatMap { $0 }.map(round)
        }}
        var y = Tensor(zeros: [n, h, w, k])
        for b in 0..<n { for ty in 0..<(h + 1) / 2 { for tx in 0..<(w + 1) / 2 {
            var v = [[Double]](repeating: [], count: c)
            for cc in 0..<c {
                let d = (0..<4).map { i in (0..<4).map { j -> Double in
                    let ih = 2 * ty - 1 + i, iw = 2 * tx - 1 + j
                    return ih < 0 || ih >= h || iw < 0 || iw >= w ? 0 : x.scalars[((b * h + ih) * w + iw) * c + cc]
                } }
                v[cc] = sandwich(bt, d, bt).flatMap { $0 }.map(round)
            }
            for kk in 0..<k {
                var m = [Double](repeating: 0, count: 16)
                for cc in 0..<c { for xi in 0..<16 { m[xi] += u[kk * c + cc][xi] * v[cc][xi] } }
                let o = sandwich(at, (0..<4).map { Array(m[($0 * 4)..<($0 * 4 + 4)]) }, at)
                for i in 0..<2 { for j in 0..<2 where 2 * ty + i < h && 2 * tx + j < w {
                    y.scalars[((b * h + 2 * ty + i) * w + 2 * tx + j) * k + kk] = o[i][j]
                }}
            }
        }}}
        return y
    }

    /// The forward: `w` (K, C, 3, 3).
    static func forward(_ x: Tensor, _ w: Tensor, round: (Double) -> Double) -> Tensor {
        let c = x.shape[3]
        return convolve(x, k: w.shape[0], tap: { k, cc, r, s in w.scalars[((k * c + cc) * 3 + r) * 3 + s] }, round: round)
    }

    /// dx: the same convolution of dy with the weight transposed and rotated by 180 degrees.
    static func backwardInput(_ dy: Tensor, _ w: Tensor, round: (Double) -> Double) -> Tensor {
        let c = w.shape[1]
        return convolve(dy, k: c, tap: { cc, k, r, s in w.scalars[((k * c + cc) * 3 + 2 - r) * 3 + 2 - s] }, round: round)
    }

    /// dw = Gᵀ (Σ_tiles E ⊙ V) G with E = A dY Aᵀ and V = Bᵀ d B rounded before their products.
    static func backwardWeight(_ dy: Tensor, _ x: Tensor, round: (Double) -> Double) -> Tensor {
        let (n, h, w, c) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3]), k = dy.shape[3]
        let a = transpose(at)
        var acc = [Double](repeating: 0, count: k * c * 16)
        for b in 0..<n { for ty in 0..<(h + 1) / 2 { for tx in 0..<(w + 1) / 2 {
            let v = (0..<c).map { cc in
                sandwich(bt, (0..<4).map { i in (0..<4).map { j -> Double in
                    let ih = 2 * ty - 1 + i, iw = 2 * tx - 1 + j
                    return ih < 0 || ih >= h || iw < 0 || iw >= w ? 0 : x.scalars[((b * h + ih) * w + iw) * c + cc]
                } }, bt).flatMap { $0 }.map(round)
            }
            for kk in 0..<k {
                let gy = (0..<2).map { i in (0..<2).map { j -> Double in
                    let oh = 2 * ty + i, ow = 2 * tx + j
                    return oh < h && ow < w ? dy.scalars[((b * h + oh) * w + ow) * k + kk] : 0
                } }
                let e = sandwich(a, gy, a).flatMap { $0 }.map(round)
                for cc in 0..<c { for xi in 0..<16 { acc[(kk * c + cc) * 16 + xi] += e[xi] * v[cc][xi] } }
            }
        }}}
        var dw = Tensor(zeros: [k, c, 3, 3])
        let gt = transpose(g)
        for kk in 0..<k { for cc in 0..<c {
            let s = (0..<4).map { i in Array(acc[((kk * c + cc) * 16 + i * 4)..<((kk * c + cc) * 16 + i * 4 + 4)]) }
            let o = sandwich(gt, s, gt)
            for r in 0..<3 { for t in 0..<3 { dw.scalars[((kk * c + cc) * 3 + r) * 3 + t] = o[r][t] } }
        }}
        return dw
    }
}
