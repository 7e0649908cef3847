import Graph

/// Convolution templates, NHWC activations and OIHW weights. 1×1 stride-1 convolutions are
/// `cblas_sgemm` over the (N·H·W, C) matrix; depthwise convolutions loop with channels innermost;
/// the rest use plain loops (to be replaced by tiled implicit GEMM).
struct ConvShape {
    let n, h, w, c, k, cg, r, s, ho, wo, stride, pad, groups: Int
    init(_ a: Conv2DAttrs, x: [Int], w wt: [Int], y: [Int]) {
        (n, h, w, c) = (x[0], x[1], x[2], x[3])
        (k, cg, r, s) = (wt[0], wt[1], wt[2], wt[3])
        (ho, wo) = (y[1], y[2])
        (stride, pad, groups) = (a.stride, a.padding, a.groups)
    }
    var isPointwise: Bool { r == 1 && s == 1 && stride == 1 && pad == 0 && groups == 1 }
    var isDepthwise: Bool { groups == c && cg == 1 && k == c }
    var rows: Int { n * h * w }
    var outRows: Int { n * ho * wo }
    var name: String { isDepthwise ? "dwconv\(r)x\(s)" + (stride > 1 ? "s\(stride)" : "") : "conv\(r)x\(s)" + (stride > 1 ? "s\(stride)" : "") }
    var comment: String {
        "x (\(n),\(h),\(w),\(c)) w (\(k),\(cg),\(r),\(s)) y (\(n),\(ho),\(wo),\(k)) stride \(stride) pad \(pad)" + (groups > 1 ? " groups \(groups)" : "")
    }
}

func emitConv(_ ctx: KernelContext, _ a: Conv2DAttrs, x: String, xShape: [Int], w wp: String, wShape: [Int],
              y: String, yShape: [Int], _ w: inout CWriter) -> String {
    let d = ConvShape(a, x: xShape, w: wShape, y: yShape)
    w.line("/* \(d.comment) */")
    if d.isPointwise {
        w.line("cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, \(d.rows), \(d.k), \(d.c), 1.0f, \(x), \(d.c), \(wp), \(d.c), 0.0f, \(y), \(d.k));")
        return "conv1x1"
    }
    w.line("#pragma omp parallel for collapse(2) schedule(static)")
    w.block("for (long n = 0; n < \(d.n); n++)") { w in
        w.block("for (long oh = 0; oh < \(d.ho); oh++)") { w in
            w.block("for (long ow = 0; ow < \(d.wo); ow++)") { w in
                w.line("float *restrict yp = \(y) + ((n * \(d.ho) + oh) * \(d.wo) + ow) * \(d.k);")
                w.line("for (long k = 0; k < \(d.k); k++) yp[k] = 0.0f;")
                w.block("for (long r = 0; r < \(d.r); r++)") { w in
                    w.line("const long ih = oh * \(d.stride) - \(d.pad) + r;")
                    w.line("if (ih < 0 || ih >= \(d.h)) continue;")
                    w.block("for (long s = 0; s < \(d.s); s++)") { w in
                        w.line("const long iw = ow * \(d.stride) - \(d.pad) + s;")
                        w.line("if (iw < 0 || iw >= \(d.w)) continue;")
                        w.line("const float *restrict xp = \(x) + ((n * \(d.h) + ih) * \(d.w) + iw) * \(d.c);")
                        if d.isDepthwise {
                            w.line("for (long c = 0; c < \(d.c); c++) yp[c] += xp[c] * \(wp)[c * \(d.r * d.s) + r * \(d.s) + s];")
                        } else {
                            w.block("for (long k = 0; k < \(d.k); k++)") { w in
                                w.line("const long c0 = (k / \(d.k / d.groups)) * \(d.cg);")
                                w.line("float acc = 0.0f;")
                                w.line("for (long cc = 0; cc < \(d.cg); cc++) acc += xp[c0 + cc] * \(wp)[((k * \(d.cg) + cc) * \(d.r) + r) * \(d.s) + s];")
                                w.line("yp[k] += acc;")
                            }
                        }
                    }
                }
            }
        }
    }
    return d.name
}

func emitConvBackwardInput(_ ctx: KernelContext, _ a: Conv2DAttrs, dy: String, dyShape: [Int], w wp: String, wShape: [Int],
                           dx: String, dxShape: [Int], _ w: inout CWriter) -> String {
    let d = ConvShape(a, x: dxShape, w: wShape, y: dyShape)
    w.line("/* dx of \(d.comment) */")
    if d.isPointwise {
        w.line("cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, \(d.rows), \(d.c), \(d.k), 1.0f, \(dy), \(d.k), \(wp), \(d.c), 0.0f, \(dx), \(d.c));")
        return "conv1x1_bwd_input"
    }
    let kg = d.k / d.groups
    w.line("#pragma omp parallel for collapse(2) schedule(static)")
    w.block("for (long n = 0; n < \(d.n); n++)") { w in
        w.block("for (long ih = 0; ih < \(d.h); ih++)") { w in
            w.block("for (long iw = 0; iw < \(d.w); iw++)") { w in
                w.line("float *restrict xp = \(dx) + ((n * \(d.h) + ih) * \(d.w) + iw) * \(d.c);")
                w.line("for (long c = 0; c < \(d.c); c++) xp[c] = 0.0f;")
                w.block("for (long r = 0; r < \(d.r); r++)") { w in
                    w.line("const long th = ih + \(d.pad) - r;")
                    w.line("if (th < 0 || th % \(d.stride) != 0 || th / \(d.stride) >= \(d.ho)) continue;")
                    w.block("for (long s = 0; s < \(d.s); s++)") { w in
                        w.line("const long tw = iw + \(d.pad) - s;")
                        w.line("if (tw < 0 || tw % \(d.stride) != 0 || tw / \(d.stride) >= \(d.wo)) continue;")
                        w.line("const float *restrict gp = \(dy) + ((n * \(d.ho) + th / \(d.stride)) * \(d.wo) + tw / \(d.stride)) * \(d.k);")
                        if d.isDepthwise {
                            w.line("for (long c = 0; c < \(d.c); c++) xp[c] += gp[c] * \(wp)[c * \(d.r * d.s) + r * \(d.s) + s];")
                        } else {
                            w.block("for (long c = 0; c < \(d.c); c++)") { w in
                                w.line("const long g = c / \(d.cg), cc = c % \(d.cg);")
                                w.line("float acc = 0.0f;")
                                w.line("for (long k = g * \(kg); k < (g + 1) * \(kg); k++) acc += gp[k] * \(wp)[((k * \(d.cg) + cc) * \(d.r) + r) * \(d.s) + s];")
                                w.line("xp[c] += acc;")
                            }
                        }
                    }
                }
            }
        }
    }
    return d.name + "_bwd_input"
}

func emitConvBackwardWeight(_ ctx: KernelContext, _ a: Conv2DAttrs, dy: String, dyShape: [Int], x: String, xShape: [Int],
                            dw: String, dwShape: [Int], _ w: inout CWriter) -> String {
    let d = ConvShape(a, x: xShape, w: dwShape, y: dyShape)
    w.line("/* dw of \(d.comment) */")
    if d.isPointwise {
        w.line("cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, \(d.k), \(d.c), \(d.outRows), 1.0f, \(dy), \(d.k), \(x), \(d.c), 0.0f, \(dw), \(d.c));")
        return "conv1x1_bwd_weight"
    }
    if d.isDepthwise {
        // One tap (r, s) per work item: each sums over every position, channels innermost.
        w.line("#pragma omp parallel for schedule(static)")
        w.block("for (long t = 0; t < \(d.r * d.s); t++)") { w in
            w.line("const long r = t / \(d.s), s = t % \(d.s);")
            w.line("double acc[\(d.c)];")
            w.line("for (long c = 0; c < \(d.c); c++) acc[c] = 0.0;")
            w.block("for (long n = 0; n < \(d.n); n++) for (long oh = 0; oh < \(d.ho); oh++)") { w in
                w.line("const long ih = oh * \(d.stride) - \(d.pad) + r;")
                w.line("if (ih < 0 || ih >= \(d.h)) continue;")
                w.block("for (long ow = 0; ow < \(d.wo); ow++)") { w in
                    w.line("const long iw = ow * \(d.stride) - \(d.pad) + s;")
                    w.line("if (iw < 0 || iw >= \(d.w)) continue;")
                    w.line("const float *restrict gp = \(dy) + ((n * \(d.ho) + oh) * \(d.wo) + ow) * \(d.c);")
                    w.line("const float *restrict xp = \(x) + ((n * \(d.h) + ih) * \(d.w) + iw) * \(d.c);")
                    w.line("for (long c = 0; c < \(d.c); c++) acc[c] += (double)gp[c] * xp[c];")
                }
            }
            w.line("for (long c = 0; c < \(d.c); c++) \(dw)[c * \(d.r * d.s) + t] = (float)acc[c];")
        }
        return d.name + "_bwd_weight"
    }
    w.line("#pragma omp parallel for schedule(static)")
    w.block("for (long k = 0; k < \(d.k); k++)") { w in
        w.line("const long c0 = (k / \(d.k / d.groups)) * \(d.cg);")
        w.block("for (long cc = 0; cc < \(d.cg); cc++) for (long r = 0; r < \(d.r); r++) for (long s = 0; s < \(d.s); s++)") { w in
            w.line("double acc = 0.0;")
            w.block("for (long n = 0; n < \(d.n); n++) for (long oh = 0; oh < \(d.ho); oh++)") { w in
                w.line("const long ih = oh * \(d.stride) - \(d.pad) + r;")
                w.line("if (ih < 0 || ih >= \(d.h)) continue;")
                w.block("for (long ow = 0; ow < \(d.wo); ow++)") { w in
                    w.line("const long iw = ow * \(d.stride) - \(d.pad) + s;")
                    w.line("if (iw < 0 || iw >= \(d.w)) continue;")
                    w.line("acc += (double)\(dy)[((n * \(d.ho) + oh) * \(d.wo) + ow) * \(d.k) + k] * \(x)[((n * \(d.h) + ih) * \(d.w) + iw) * \(d.c) + c0 + cc];")
                }
            }
            w.line("\(dw)[((k * \(d.cg) + cc) * \(d.r) + r) * \(d.s) + s] = (float)acc;")
        }
    }
    return d.name + "_bwd_weight"
}
