import Graph

/// The template of a non-elementwise op reading its operands from memory (`KernelKind.op`):
/// writes the body of its kernel function and returns a label for the function's name. One case
/// per op; ops that never anchor such a kernel throw.
func emitOp(_ ctx: KernelContext, _ id: NodeID, _ w: inout CWriter) throws(CodegenError) -> String {
    let n = ctx.node(id)
    let x = n.inputs
    let y = ctx.ptr(id)
    switch n.op {
    case .conv2d(let a):
        return emitConv(ctx, a, x: ctx.ptr(x[0]), xShape: ctx.shape(x[0]), w: ctx.ptr(x[1]), wShape: ctx.shape(x[1]),
                        y: y, yShape: n.type.shape, &w)
    case .conv2dBackwardInput(let a):
        return emitConvBackwardInput(ctx, a, dy: ctx.ptr(x[0]), dyShape: ctx.shape(x[0]), w: ctx.ptr(x[1]),
                                     wShape: ctx.shape(x[1]), dx: y, dxShape: n.type.shape, &w)
    case .conv2dBackwardWeight(let a):
        return emitConvBackwardWeight(ctx, a, dy: ctx.ptr(x[0]), dyShape: ctx.shape(x[0]), x: ctx.ptr(x[1]),
                                      xShape: ctx.shape(x[1]), dw: y, dwShape: n.type.shape, &w)
    case .linear:
        let (rows, cin, k) = (ctx.shape(x[0])[0], ctx.shape(x[0])[1], ctx.shape(x[1])[0])
        w.line("/* y (\(rows),\(k)) = x (\(rows),\(cin)) · wᵀ (\(cin),\(k))\(x.count == 3 ? " + b" : "") */")
        w.line("cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, \(rows), \(k), \(cin), 1.0f, \(ctx.ptr(x[0])), \(cin), "
               + "\(ctx.ptr(x[1])), \(cin), 0.0f, \(y), \(k));")
        if x.count == 3 {
            w.line("for (long n = 0; n < \(rows); n++) for (long k = 0; k < \(k); k++) \(y)[n * \(k) + k] += \(ctx.ptr(x[2]))[k];")
        }
        return "linear"
    case .matmul(let ta, let tb):
        let a = ctx.shape(x[0]), b = ctx.shape(x[1])
        let (m, kk) = ta ? (a[1], a[0]) : (a[0], a[1])
        let cols = tb ? b[0] : b[1]
        if ctx.accumulate { w.line("/* accumulated into the gradient: beta = 1 */") }
        w.line("cblas_sgemm(CblasRowMajor, \(ta ? "CblasTrans" : "CblasNoTrans"), \(tb ? "CblasTrans" : "CblasNoTrans"), "
               + "\(m), \(cols), \(kk), 1.0f, \(ctx.ptr(x[0])), \(a[1]), \(ctx.ptr(x[1])), \(b[1]), \(ctx.accumulate ? "1.0f" : "0.0f"), \(y), \(cols));")
        return "matmul\(ta ? "_tA" : "")\(tb ? "_tB" : "")" + (ctx.accumulate ? "_acc" : "")
    case .batchNormStats, .batchNormBackwardReduce, .reduce:
        return try emitReduction(ctx, id, prologue: [], &w)
    case .batchNormFoldWeight(let eps):
        let k = n.type.shape[0], per = n.type.count / k
        w.line("/* w (\(k), \(per)) scaled per output channel by γ/sqrt(var + eps) */")
        w.block("for (long k = 0; k < \(k); k++)") { w in
            w.line("const float s = \(ctx.ptr(x[1]))[k] / sqrtf(\(ctx.ptr(x[2]))[k] + \(cFloat(eps)));")
            w.line("for (long j = 0; j < \(per); j++) \(y)[k * \(per) + j] = \(ctx.ptr(x[0]))[k * \(per) + j] * s;")
        }
        return "bn_fold_weight"
    case .batchNormFoldBias(let eps):
        let (gm, bt, mu, vr) = (ctx.ptr(x[0]), ctx.ptr(x[1]), ctx.ptr(x[2]), ctx.ptr(x[3]))
        w.line("for (long k = 0; k < \(n.type.count); k++) \(y)[k] = \(bt)[k] - \(mu)[k] * \(gm)[k] / sqrtf(\(vr)[k] + \(cFloat(eps)));")
        return "bn_fold_bias"
    case .reduceMaxBackward(let axes):
        let s = ctx.shape(x[1])
        let (outer, red, inner) = try splitAxes(s, axes)
        let (dy, xs) = (ctx.ptr(x[0]), ctx.ptr(x[1]))
        w.line("/* dy routed to the first maximum over axes \(axes) of x \(s) */")
        if outer * red * inner >= 32768 { w.line("#pragma omp parallel for schedule(static)") }
        if inner >= 16 && inner <= 16384 && red < Int(Int32.max) {
            // Rows of x in order, all `inner` columns at once (a column at a time would stride
            // through memory): the same first maximum per column, found with vector compares.
            w.block("for (long o = 0; o < \(outer); o++)") { w in
                w.line("float best[\(inner)];")
                w.line("int arg[\(inner)];")
                w.line("for (long i = 0; i < \(inner); i++) { best[i] = \(xs)[(o * \(red)) * \(inner) + i]; arg[i] = 0; }")
                w.block("for (long j = 1; j < \(red); j++)") { w in
                    w.block("for (long i = 0; i < \(inner); i++)") { w in
                        w.line("const float v = \(xs)[(o * \(red) + j) * \(inner) + i];")
                        w.line("if (v > best[i]) { best[i] = v; arg[i] = (int)j; }")
                    }
                }
                w.line("for (long j = 0; j < \(red); j++)")
                w.line("    for (long i = 0; i < \(inner); i++) \(y)[(o * \(red) + j) * \(inner) + i] = j == arg[i] ? \(dy)[o * \(inner) + i] : 0.0f;")
            }
            return "reduce_max_bwd"
        }
        w.block("for (long o = 0; o < \(outer); o++)") { w in
            w.block("for (long i = 0; i < \(inner); i++)") { w in
                w.line("long arg = 0;")
                w.line("float best = \(xs)[(o * \(red)) * \(inner) + i];")
                w.line("for (long j = 1; j < \(red); j++) { const float v = \(xs)[(o * \(red) + j) * \(inner) + i]; if (v > best) { best = v; arg = j; } }")
                w.line("for (long j = 0; j < \(red); j++) \(y)[(o * \(red) + j) * \(inner) + i] = j == arg ? \(dy)[o * \(inner) + i] : 0.0f;")
            }
        }
        return "reduce_max_bwd"
    case .concat(let axis):
        let s = n.type.shape
        let outer = s[..<axis].reduce(1, *), inner = s[(axis + 1)...].reduce(1, *)
        w.block("for (long o = 0; o < \(outer); o++)") { w in
            var at = 0
            for v in x {
                let block = ctx.shape(v)[axis] * inner
                w.line("memcpy(\(y) + o * \(s[axis] * inner) + \(at), \(ctx.ptr(v)) + o * \(block), \(block) * sizeof(float));")
                at += block
            }
        }
        return "concat"
    case .slice(let axis, let start):
        let s = n.type.shape, t = ctx.shape(x[0])
        let outer = s[..<axis].reduce(1, *), inner = s[(axis + 1)...].reduce(1, *)
        if ctx.accumulate {
            w.line("for (long o = 0; o < \(outer); o++) for (long j = 0; j < \(s[axis] * inner); j++) "
                   + "\(y)[o * \(s[axis] * inner) + j] += \(ctx.ptr(x[0]))[o * \(t[axis] * inner) + \(start * inner) + j];")
            return "slice_acc"
        }
        w.line("for (long o = 0; o < \(outer); o++) memcpy(\(y) + o * \(s[axis] * inner), \(ctx.ptr(x[0])) + o * \(t[axis] * inner) + \(start * inner), \(s[axis] * inner) * sizeof(float));")
        return "slice"
    case .softmax:
        let k = n.type.shape.last!, rows = n.type.count / k
        let xs = ctx.ptr(x[0])
        w.block("for (long r = 0; r < \(rows); r++)") { w in
            w.line("float m = \(xs)[r * \(k)];")
            w.line("for (long j = 1; j < \(k); j++) m = fmaxf(m, \(xs)[r * \(k) + j]);")
            w.line("double sum = 0.0;")
            w.line("for (long j = 0; j < \(k); j++) sum += exp((double)\(xs)[r * \(k) + j] - m);")
            w.line("for (long j = 0; j < \(k); j++) \(y)[r * \(k) + j] = (float)(exp((double)\(xs)[r * \(k) + j] - m) / sum);")
        }
        return "softmax"
    case .softmaxBackward:
        let k = n.type.shape.last!, rows = n.type.count / k
        let (dy, ys) = (ctx.ptr(x[0]), ctx.ptr(x[1]))
        w.block("for (long r = 0; r < \(rows); r++)") { w in
            w.line("double dot = 0.0;")
            w.line("for (long j = 0; j < \(k); j++) dot += (double)\(dy)[r * \(k) + j] * \(ys)[r * \(k) + j];")
            w.line("for (long j = 0; j < \(k); j++) \(y)[r * \(k) + j] = (float)(\(ys)[r * \(k) + j] * (\(dy)[r * \(k) + j] - dot));")
        }
        return "softmax_bwd"
    case .focalLoss(let a), .focalLossBackward(let a):
        let backward: Bool
        if case .focalLossBackward = n.op { backward = true } else { backward = false }
        emitFocalLoss(a, logits: ctx.ptr(x[0]), labels: ctx.ptr(x[1]), shape: ctx.shape(x[0]),
                      dloss: backward ? ctx.ptr(x[2]) : nil, loss: backward ? nil : y, dlogits: backward ? y : nil, &w)
        return backward ? "focal_loss_bwd" : "focal_loss"
    case .clipCoefficient:
        let h = ctx.ptr(x[1])
        w.line("/* the factor turning the summed gradient into the clipped mean (torch clip_grad_norm_) */")
        w.line("const double s = \(h)[\(Hyper.gradScale.rawValue)], max_norm = \(h)[\(Hyper.maxGradNorm.rawValue)];")
        w.line("const double norm = s * sqrt((double)\(ctx.ptr(x[0]))[0]);")
        w.line("\(y)[0] = (float)(max_norm > 0.0 ? s * fmin(1.0, max_norm / (norm + 1e-6)) : s);")
        return "clip_coefficient"
    case .input, .state, .constant, .reshape, .expand, .batchNormTrain, .batchNormEval, .batchNormBackwardInput,
         .batchNormEvalBackward, .runningStatUpdate, .unary, .unaryBackward, .add, .mul, .addN, .scale, .dropout,
         .dropoutBackward, .stochasticDepth, .stochasticDepthBackward, .adamMoment, .adamWUpdate, .emaUpdate:
        throw .unsupported("\(n.op.name) (\(n.name)) is a leaf or elementwise and has no kernel of its own")
    }
}

/// The template of an op reading operands through a fused elementwise prologue
/// (`KernelKind.prologue`, rules 2 and 6); the label lists the prologue's ops, then the anchor's.
func emitPrologueKernel(_ ctx: KernelContext, _ id: NodeID, prologue: [NodeID], _ w: inout CWriter) throws(CodegenError) -> String {
    let n = ctx.node(id), x = n.inputs, members = Set(prologue)
    let first = label(of: prologue, ctx.graph, fallback: "prologue") + "_"
    switch n.op {
    case .conv2d:
        return first + emitPointwiseConvPrologue(ctx, members: members, x: x[0], w: ctx.ptr(x[1]), y: ctx.ptr(id), k: n.type.shape[3], &w)
    case .conv2dBackwardWeight:
        return first + emitPointwiseConvBackwardWeightPrologue(ctx, members: members, dy: ctx.ptr(x[0]), x: x[1], dw: ctx.ptr(id),
                                                               k: n.type.shape[0], &w)
    case .batchNormStats, .batchNormBackwardReduce, .reduce:
        let anchor = try emitReduction(ctx, id, prologue: members, &w)
        return first + anchor
    case .input, .state, .constant, .conv2dBackwardInput, .linear, .matmul, .batchNormTrain, .batchNormEval,
         .batchNormBackwardInput, .batchNormEvalBackward, .runningStatUpdate, .batchNormFoldWeight, .batchNormFoldBias,
         .unary, .unaryBackward, .add, .mul, .addN, .scale, .dropout, .dropoutBackward, .stochasticDepth,
         .stochasticDepthBackward, .reduceMaxBackward, .expand, .reshape, .concat, .slice, .softmax, .softmaxBackward,
         .focalLoss, .focalLossBackward, .clipCoefficient, .adamMoment, .adamWUpdate, .emaUpdate:
        throw .unsupported("\(n.op.name) (\(n.name)) has no template reading through a prologue")
    }
}

/// (outer, reduced, inner) sizes of a reduction over a contiguous run of axes.
func splitAxes(_ s: [Int], _ axes: [Int]) throws(CodegenError) -> (Int, Int, Int) {
    guard let a = axes.first, let b = axes.last, b - a + 1 == axes.count else {
        throw .unsupported("reduction over non-contiguous axes \(axes)")
    }
    return (s[..<a].reduce(1, *), s[a...b].reduce(1, *), s[(b + 1)...].reduce(1, *))
}

/// Focal loss on smoothed targets (see `LossAttrs`) and/or its gradient scaled by `dloss`, in
/// double, in one pass over the logits.
func emitFocalLoss(_ a: LossAttrs, logits: String, labels: String, shape: [Int], dloss: String?,
                   loss: String?, dlogits: String?, _ w: inout CWriter) {
    let (n, k) = (shape[0], shape[1])
    w.line("/* focal loss on smoothed targets, logits (\(n),\(k)) */")
    w.line("static const double alpha[\(k)] = {\(a.alpha.map { cFloat($0) }.joined(separator: ", "))};")
    w.line("static const double weight[\(k)] = {\(a.classWeights.map { cFloat($0) }.joined(separator: ", "))};")
    w.line("const double gamma = \(cFloat(a.gamma)), eps = \(cFloat(a.smoothing));")
    w.line("double total = 0.0, weight_sum = 0.0;")
    w.line("double grad[\(n * k)];")
    w.block("for (long i = 0; i < \(n); i++)") { w in
        w.line("const long y = \(labels)[i];")
        w.line("const float *z = \(logits) + i * \(k);")
        w.line("double m = z[0], lse = 0.0;")
        w.line("for (long c = 1; c < \(k); c++) m = fmax(m, z[c]);")
        w.line("for (long c = 0; c < \(k); c++) lse += exp(z[c] - m);")
        w.line("lse = m + log(lse);")
        w.line("double l = 0.0, gs = 0.0, g[\(k)];")
        w.block("for (long c = 0; c < \(k); c++)") { w in
            w.line("const double logp = z[c] - lse, p = exp(logp), one = fmax(1.0 - p, 0.0);")
            w.line("const double q = (c == y ? 1.0 - eps : 0.0) + eps / \(k).0;")
            w.line("l += q * alpha[c] * pow(one, gamma) * -logp;")
            w.line("const double focal = gamma == 0.0 ? 0.0 : gamma * pow(fmax(one, 1e-300), gamma - 1.0) * p * logp;")
            w.line("g[c] = q * alpha[c] * (focal - pow(one, gamma));")
            w.line("gs += g[c];")
        }
        w.line("total += weight[y] * l;")
        w.line("weight_sum += weight[y];")
        w.line("for (long c = 0; c < \(k); c++) grad[i * \(k) + c] = weight[y] * (g[c] - exp(z[c] - lse) * gs);")
    }
    if let loss { w.line("\(loss)[0] = (float)(total / weight_sum);") } else { w.line("(void)total;") }
    if let d = dlogits, let s = dloss {
        w.line("for (long j = 0; j < \(n * k); j++) \(d)[j] = (float)(grad[j] / weight_sum * \(s)[0]);")
    } else {
        w.line("(void)grad;")
    }
}
