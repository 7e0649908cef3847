import Foundation

/// The interpreter's naive kernels: plain loops in the order of the math, in Double.
enum Kernels {
    /// Every scalar rounded to float32, then to bfloat16 (round to nearest even; NaN stays NaN),
    /// as the compiled bf16 GEMM rounds its float32 operands.
    static func bfloat16(_ t: Tensor) -> Tensor {
        Tensor(shape: t.shape, scalars: t.scalars.map(bfloat16))
    }

    /// One scalar rounded to float32, then to bfloat16.
    static func bfloat16(_ d: Double) -> Double {
        let f = Float(d)
        guard !f.isNaN else { return d }
        let bits = f.bitPattern
        return Double(Float(bitPattern: (bits &+ 0x7FFF &+ ((bits >> 16) & 1)) & 0xFFFF_0000))
    }

    // MARK: convolution (x N,H,W,C; w K,C/g,R,S; y N,Ho,Wo,K)

    /// Visits every (output position, kernel tap, input channel) triple of a convolution once:
    /// `body(yIndex, xIndex, wIndex)`. The three convolution kernels share this loop.
    private static func forEachTap(x: [Int], w: [Int], y: [Int], _ a: Conv2DAttrs, _ body: (Int, Int, Int) -> Void) {
        let (n, h, wd, c) = (x[0], x[1], x[2], x[3])
        let (k, cg, r, s) = (w[0], w[1], w[2], w[3])
        let (ho, wo) = (y[1], y[2])
        let kg = k / a.groups
        for b in 0..<n { for oh in 0..<ho { for ow in 0..<wo { for ok in 0..<k {
            let yi = ((b * ho + oh) * wo + ow) * k + ok
            let c0 = (ok / kg) * cg
            for dr in 0..<r {
                let ih = oh * a.stride - a.padding + dr
                guard ih >= 0 && ih < h else { continue }
                for ds in 0..<s {
                    let iw = ow * a.stride - a.padding + ds
                    guard iw >= 0 && iw < wd else { continue }
                    for cc in 0..<cg {
                        body(yi, ((b * h + ih) * wd + iw) * c + c0 + cc, ((ok * cg + cc) * r + dr) * s + ds)
                    }
                }
            }
        }}}}
    }

    static func conv2d(_ x: Tensor, _ w: Tensor, _ a: Conv2DAttrs) -> Tensor {
        let ho = (x.shape[1] + 2 * a.padding - w.shape[2]) / a.stride + 1
        let wo = (x.shape[2] + 2 * a.padding - w.shape[3]) / a.stride + 1
        var y = Tensor(zeros: [x.shape[0], ho, wo, w.shape[0]])
        forEachTap(x: x.shape, w: w.shape, y: y.shape, a) { yi, xi, wi in y.scalars[yi] += x.scalars[xi] * w.scalars[wi] }
        return y
    }

    static func conv2dBackwardInput(_ dy: Tensor, _ w: Tensor, _ a: Conv2DAttrs, inputShape: [Int]) -> Tensor {
        var dx = Tensor(zeros: inputShape)
        forEachTap(x: inputShape, w: w.shape, y: dy.shape, a) { yi, xi, wi in dx.scalars[xi] += dy.scalars[yi] * w.scalars[wi] }
        return dx
    }

    static func conv2dBackwardWeight(_ dy: Tensor, _ x: Tensor, _ a: Conv2DAttrs, weightShape: [Int]) -> Tensor {
        var dw = Tensor(zeros: weightShape)
        forEachTap(x: x.shape, w: weightShape, y: dy.shape, a) { yi, xi, wi in dw.scalars[wi] += dy.scalars[yi] * x.scalars[xi] }
        return dw
    }

    // MARK: matrix products

    static func matmul(_ a: Tensor, _ b: Tensor, transposeA ta: Bool, transposeB tb: Bool) -> Tensor {
        let (m, k) = ta ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
        let n = tb ? b.shape[0] : b.shape[1]
        var y = Tensor(zeros: [m, n])
        for i in 0..<m { for j in 0..<n {
            var acc = 0.0
            for p in 0..<k {
                acc += a.scalars[ta ? p * m + i : i * k + p] * b.scalars[tb ? j * k + p : p * n + j]
            }
            y.scalars[i * n + j] = acc
        }}
        return y
    }

    // MARK: elementwise

    /// a ∘ b with broadcasting of size-1 dimensions.
    static func binary(_ a: Tensor, _ b: Tensor, _ f: (Double, Double) -> Double) -> Tensor {
        let shape = broadcastShape(a.shape, b.shape)!
        let ma = flatIndexMap(from: shape, to: a.shape), mb = flatIndexMap(from: shape, to: b.shape)
        return Tensor(shape: shape, scalars: (0..<ma.count).map { f(a.scalars[ma[$0]], b.scalars[mb[$0]]) })
    }

    static func zip(_ a: Tensor, _ b: Tensor, _ f: (Double, Double) -> Double) -> Tensor {
        Tensor(shape: a.shape, scalars: a.scalars.indices.map { f(a.scalars[$0], b.scalars[$0]) })
    }

    static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    static func unary(_ f: UnaryOp, _ x: Double) -> Double {
        switch f {
        case .silu: return x * sigmoid(x)
        case .sigmoid: return sigmoid(x)
        case .relu: return max(x, 0)
        }
    }

    /// f'(x).
    static func derivative(_ f: UnaryOp, _ x: Double) -> Double {
        switch f {
        case .silu: let s = sigmoid(x); return s * (1 + x * (1 - s))
        case .sigmoid: let s = sigmoid(x); return s * (1 - s)
        case .relu: return x > 0 ? 1 : 0
        }
    }

    // MARK: batch normalization (channel = last dimension)

    static func batchNormStats(_ x: Tensor) -> Tensor {
        let c = x.shape.last!, m = Double(x.count / c)
        var mean = [Double](repeating: 0, count: c), variance = [Double](repeating: 0, count: c)
        for i in 0..<x.count { mean[i % c] += x.scalars[i] }
        for j in 0..<c { mean[j] /= m }
        for i in 0..<x.count { let d = x.scalars[i] - mean[i % c]; variance[i % c] += d * d }
        for j in 0..<c { variance[j] /= m }
        return Tensor(shape: [2, c], scalars: mean + variance)
    }

    private static func invStd(_ stats: Tensor, _ eps: Float) -> [Double] {
        let c = stats.shape[1]
        return (0..<c).map { 1 / (stats.scalars[c + $0] + Double(eps)).squareRoot() }
    }

    static func batchNormTrain(_ x: Tensor, stats: Tensor, gamma: Tensor, beta: Tensor, eps: Float) -> Tensor {
        let c = gamma.count, inv = invStd(stats, eps)
        return x.mapIndexed { i, v in
            let j = i % c
            return gamma.scalars[j] * (v - stats.scalars[j]) * inv[j] + beta.scalars[j]
        }
    }

    static func batchNormBackwardReduce(dy: Tensor, x: Tensor, stats: Tensor, eps: Float) -> Tensor {
        let c = stats.shape[1], inv = invStd(stats, eps)
        var r = Tensor(zeros: [2, c])
        for i in 0..<x.count {
            let j = i % c
            r.scalars[j] += dy.scalars[i]
            r.scalars[c + j] += dy.scalars[i] * (x.scalars[i] - stats.scalars[j]) * inv[j]
        }
        return r
    }

    static func batchNormBackwardInput(dy: Tensor, x: Tensor, stats: Tensor, gamma: Tensor, reduced: Tensor, eps: Float) -> Tensor {
        let c = gamma.count, inv = invStd(stats, eps), m = Double(x.count / c)
        return dy.mapIndexed { i, g in
            let j = i % c
            let xhat = (x.scalars[i] - stats.scalars[j]) * inv[j]
            return gamma.scalars[j] * inv[j] * (g - reduced.scalars[j] / m - xhat * reduced.scalars[c + j] / m)
        }
    }

    // MARK: reductions and layout

    static func reduce(_ kind: ReduceKind, _ x: Tensor, to shape: [Int]) -> Tensor {
        let map = flatIndexMap(from: x.shape, to: shape)
        let n = shape.reduce(1, *)
        var y = Tensor(repeating: kind == .max ? -Double.infinity : 0, shape: shape)
        for i in 0..<x.count {
            let v = x.scalars[i]
            switch kind {
            case .sum, .mean: y.scalars[map[i]] += v
            case .sumSquares: y.scalars[map[i]] += v * v
            case .max: y.scalars[map[i]] = max(y.scalars[map[i]], v)
            }
        }
        if kind == .mean { let k = Double(x.count / n); y = y.map { $0 / k } }
        return y
    }

    /// dy routed to the first maximum (in row-major order) of each reduced group.
    static func reduceMaxBackward(dy: Tensor, x: Tensor) -> Tensor {
        let map = flatIndexMap(from: x.shape, to: dy.shape)
        let maxima = reduce(.max, x, to: dy.shape)
        var taken = [Bool](repeating: false, count: dy.count)
        var dx = Tensor(zeros: x.shape)
        for i in 0..<x.count where !taken[map[i]] && x.scalars[i] == maxima.scalars[map[i]] {
            dx.scalars[i] = dy.scalars[map[i]]
            taken[map[i]] = true
        }
        return dx
    }

    static func concat(_ xs: [Tensor], axis: Int) -> Tensor {
        var shape = xs[0].shape
        shape[axis] = xs.reduce(0) { $0 + $1.shape[axis] }
        let outer = shape[..<axis].reduce(1, *), inner = shape[(axis + 1)...].reduce(1, *)
        var out = [Double]()
        out.reserveCapacity(shape.reduce(1, *))
        for o in 0..<outer {
            for t in xs {
                let block = t.shape[axis] * inner
                out += t.scalars[(o * block)..<((o + 1) * block)]
            }
        }
        return Tensor(shape: shape, scalars: out)
    }

    static func slice(_ x: Tensor, axis: Int, start: Int, shape: [Int]) -> Tensor {
        let outer = shape[..<axis].reduce(1, *), inner = shape[(axis + 1)...].reduce(1, *)
        let inBlock = x.shape[axis] * inner, outBlock = shape[axis] * inner
        var out = [Double]()
        for o in 0..<outer {
            let base = o * inBlock + start * inner
            out += x.scalars[base..<(base + outBlock)]
        }
        return Tensor(shape: shape, scalars: out)
    }

    static func softmax(_ x: Tensor) -> Tensor {
        let k = x.shape.last!
        var y = x
        for row in 0..<(x.count / k) {
            let r = Array(x.scalars[(row * k)..<((row + 1) * k)])
            let m = r.max()!
            let e = r.map { exp($0 - m) }
            let s = e.reduce(0, +)
            for j in 0..<k { y.scalars[row * k + j] = e[j] / s }
        }
        return y
    }

    // MARK: loss

    /// The focal loss of `LossAttrs` and its gradient with respect to the logits.
    ///
    /// With g_c = q_c·α_c·p_c·f'(p_c), f(p) = (1-p)^γ·(-log p), so
    /// p·f'(p) = γ(1-p)^(γ-1)·p·log p - (1-p)^γ, the gradient of l is ∂l/∂z_j = g_j - p_j·Σ_c g_c.
    static func focalLoss(_ z: Tensor, labels: Tensor, _ a: LossAttrs) -> (loss: Tensor, dlogits: Tensor) {
        let (n, k) = (z.shape[0], z.shape[1])
        let gamma = Double(a.gamma), eps = Double(a.smoothing)
        var total = 0.0, weightSum = 0.0
        var grad = Tensor(zeros: z.shape)
        var sampleWeights = [Double]()
        for i in 0..<n {
            let y = Int(labels.scalars[i])
            let row = Array(z.scalars[(i * k)..<((i + 1) * k)])
            let m = row.max()!
            let lse = m + log(row.map { exp($0 - m) }.reduce(0, +))
            let w = Double(a.classWeights[y])
            sampleWeights.append(w)
            weightSum += w
            var g = [Double](repeating: 0, count: k)
            var l = 0.0
            for c in 0..<k {
                let logp = row[c] - lse, p = exp(logp)
                let q = (c == y ? 1 - eps : 0) + eps / Double(k)
                let alpha = Double(a.alpha[c])
                let one = max(1 - p, 0)
                l += q * alpha * pow(one, gamma) * -logp
                let focalTerm = gamma == 0 ? 0 : gamma * pow(max(one, 1e-300), gamma - 1) * p * logp
                g[c] = q * alpha * (focalTerm - pow(one, gamma))
            }
            total += w * l
            let gs = g.reduce(0, +)
            for j in 0..<k { grad.scalars[i * k + j] = w * (g[j] - exp(row[j] - lse) * gs) }
        }
        return (Tensor(shape: [], scalars: [total / weightSum]), grad.map { $0 / weightSum })
    }
}
