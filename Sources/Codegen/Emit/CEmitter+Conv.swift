import Graph

/// Convolution templates, NHWC activations and OIHW weights: the choice of template per shape and
/// the plain-loop naive twins. The fast templates are in `CEmitter+ConvTiled`.
///
/// | shape | forward, dx, dw |
/// | --- | --- |
/// | 1×1, stride 1, no padding, groups 1 | one `cblas_sgemm` over the (N·H·W, C) matrix |
/// | depthwise (groups = C = K) | channels innermost, the weight re-laid out as (R, S, C) |
/// | dense 3×3, stride 1, padding 1, >= 16 channels in and out | Winograd F(4×4, 3×3) in fp32, F(2×2, 3×3) in bf16 (`CEmitter+Winograd`; the bf16 dw from 32 channels) |
/// | every other shape (k×k, strided 1×1, grouped) | implicit GEMM over tiles of im2col |
/// | dx of a strided dense convolution | by rows of dy: one GEMM per run of rows, then each dx row sums its taps (`CEmitter+StridedDx`) |
///
/// With `EmitOptions.naiveKernels` every convolution is plain loops instead.
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
    /// Output channels per group.
    var kg: Int { k / groups }
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
    if ctx.options.naiveKernels {
        emitConvNaive(d, x: x, w: wp, y: y, &w)
    } else if d.isPointwise {
        w.line("/* y (N·H·W, K) = x (N·H·W, C) · wᵀ (C, K) */")
        if rowTiled(d.rows, n: d.k, ctx.options.precision) {
            emitRowTiledProduct(m: d.rows, n: d.k, a: x, lda: d.c, c: y,
                                weight: TileWeight(.fp32, name: wp, transposed: true, n: d.k, k: "\(d.c)", ld: "\(d.c)"), &w)
        } else {
            w.line("cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, \(d.rows), \(d.k), \(d.c), 1.0f, \(x), \(d.c), \(wp), \(d.c), 0.0f, \(y), \(d.k));")
        }
        return "conv1x1"
    } else if d.isDepthwise {
        emitDepthwiseForward(d, x: x, w: wp, y: y, &w)
    } else if let precision = winogradPrecision(d, ctx.options.precision) {
        emitWinogradForward(d, x: x, w: wp, y: y, precision, &w)
    } else {
        emitImplicitGemmForward(d, x: x, w: wp, y: y, ctx.options.precision, &w)
    }
    return d.name
}

func emitConvBackwardInput(_ ctx: KernelContext, _ a: Conv2DAttrs, dy: String, dyShape: [Int], w wp: String, wShape: [Int],
                           dx: String, dxShape: [Int], _ w: inout CWriter) -> String {
    let d = ConvShape(a, x: dxShape, w: wShape, y: dyShape)
    w.line("/* dx of \(d.comment) */")
    if ctx.options.naiveKernels {
        emitConvBackwardInputNaive(d, dy: dy, w: wp, dx: dx, &w)
    } else if d.isPointwise {
        w.line("/* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */")
        if rowTiled(d.rows, n: d.c, ctx.options.precision) {
            emitRowTiledProduct(m: d.rows, n: d.c, a: dy, lda: d.k, c: dx,
                                weight: TileWeight(.fp32, name: wp, transposed: false, n: d.c, k: "\(d.k)", ld: "\(d.c)"), &w)
        } else {
            w.line("cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, \(d.rows), \(d.c), \(d.k), 1.0f, \(dy), \(d.k), \(wp), \(d.c), 0.0f, \(dx), \(d.c));")
        }
        return "conv1x1_bwd_input"
    } else if d.isDepthwise {
        emitDepthwiseBackwardInput(d, dy: dy, w: wp, dx: dx, &w)
    } else if let precision = winogradPrecision(d, ctx.options.precision) {
        emitWinogradBackwardInput(d, dy: dy, w: wp, dx: dx, precision, &w)
    } else if stridedBackwardInputByRows(d) {
        emitStridedBackwardInputByRows(d, dy: dy, w: wp, dx: dx, ctx.options.precision, &w)
    } else {
        emitImplicitGemmBackwardInput(d, dy: dy, w: wp, dx: dx, ctx.options.precision, &w)
    }
    return d.name + "_bwd_input"
}

func emitConvBackwardWeight(_ ctx: KernelContext, _ a: Conv2DAttrs, dy: String, dyShape: [Int], x: String, xShape: [Int],
                            dw: String, dwShape: [Int], _ w: inout CWriter) -> String {
    let d = ConvShape(a, x: xShape, w: dwShape, y: dyShape)
    // Accumulating kernels add into the gradient accumulator (fusion rule 5).
    let assign = ctx.accumulate ? "+=" : "="
    w.line("/* dw of \(d.comment)\(ctx.accumulate ? ", added into the accumulator" : "") */")
    if ctx.options.naiveKernels {
        emitConvBackwardWeightNaive(d, dy: dy, x: x, dw: dw, assign: assign, &w)
    } else if d.isPointwise {
        w.line("/* dw (K, C) \(assign) dyᵀ (K, N·H·W) · x (N·H·W, C) */")
        w.line("cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, \(d.k), \(d.c), \(d.outRows), 1.0f, \(dy), \(d.k), \(x), \(d.c), \(ctx.accumulate ? "1.0f" : "0.0f"), \(dw), \(d.c));")
        return "conv1x1_bwd_weight" + (ctx.accumulate ? "_acc" : "")
    } else if d.isDepthwise {
        emitDepthwiseBackwardWeight(d, dy: dy, x: x, dw: dw, assign: assign, &w)
    } else if let precision = winogradPrecision(d, ctx.options.precision, weightGradient: true) {
        emitWinogradBackwardWeight(d, dy: dy, x: x, dw: dw, assign: assign, precision, &w)
    } else {
        emitImplicitGemmBackwardWeight(d, dy: dy, x: x, dw: dw, assign: assign, &w)
    }
    return d.name + "_bwd_weight" + (ctx.accumulate ? "_acc" : "")
}

/// Whether a whole 1x1 product of m rows and n columns runs as row tiles of the packed GEMM
/// (`emitRowTiledProduct`) rather than one `cblas_sgemm`: fp32, n >= 16, and at least 4,096 rows.
/// Measured per stage of S (`bench kernels --filter conv1x1_bwd_input`, old and new alternated three
/// times): the 1x1 dx of the 128x128 to 32x32 stages (65,536-4,096 rows) 2-43% faster, the 16x16
/// ones (1,024 rows, the largest weights) from 4% faster to 19% slower — each tile re-reads the
/// whole packed weight — so those keep sgemm.
private func rowTiled(_ m: Int, n: Int, _ precision: Precision) -> Bool {
    precision == .fp32 && packsF32(n: n) && m >= 4096
}

/// Rows of one tile of a row-tiled product with n columns: C's tile about 256 kB (it stays in L2
/// while the blocks of k pass), a multiple of 12 (the micro-kernel's rows), and at least 16 tiles
/// when m is small, so two threads get even shares.
private func productTileRows(m: Int, n: Int) -> Int {
    let twelves = { (r: Int) in max(12, (r + 11) / 12 * 12) }
    return min(twelves(min(1024, max(48, 65536 / n))), twelves((m + 15) / 16))
}

/// C (m, n) = A (m, k) · op(w) for a whole activation matrix: the weight packed once, then tiles of
/// rows in parallel, each one `breastai_gemm_f32_packed` call that writes its rows of C once
/// (OpenBLAS's level-3 driver first applies beta to all of C in a pass of its own, `GEMM_BETA`,
/// then adds the product into C; with k = 48 the passes over C cost more than the multiply). Measured on S phase
/// 4 (`bench kernels`, old and new alternated): the 1x1 dx family 183 -> 154 ms. Every element is
/// summed in the same order whatever the tile size: the same bits for any thread count.
private func emitRowTiledProduct(m: Int, n: Int, a: String, lda: Int, c: String, weight: TileWeight, _ w: inout CWriter) {
    let tile = productTileRows(m: m, n: n)
    w.line("/* the weight packed once; tiles of \(tile) rows in parallel */")
    weight.pack(&w)
    w.line("#pragma omp parallel for schedule(static)")
    w.block("for (long t = 0; t < \((m + tile - 1) / tile); t++)") { w in
        w.line("const long m0 = t * \(tile), rows = m0 + \(tile) <= \(m) ? \(tile) : \(m) - m0;")
        w.line(weight.gemm(m: "rows", a: "\(a) + m0 * \(lda)", lda: "\(lda)", c: "\(c) + m0 * \(n)", ldc: "\(n)"))
    }
    weight.release(&w)
}

// MARK: - Naive twins: one output element per loop nest, any shape

/// y[n, oh, ow, k] = Σ_{c, r, s} x[n, oh·stride − pad + r, ow·stride − pad + s, g·Cg + c] · w[k, c, r, s].
private func emitConvNaive(_ d: ConvShape, x: String, w wp: String, y: String, _ w: inout CWriter) {
    w.line("/* naive: one output pixel per iteration, taps outer, channels inner */")
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
                                w.line("const long c0 = (k / \(d.kg)) * \(d.cg);")
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
}

/// dx[n, ih, iw, c] = Σ over the taps (r, s) that reach it and the k of its group of dy[n, oh, ow, k] · w[k, c, r, s].
private func emitConvBackwardInputNaive(_ d: ConvShape, dy: String, w wp: String, dx: String, _ w: inout CWriter) {
    w.line("/* naive: one input pixel per iteration, gathering every tap that reads it */")
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
                                w.line("for (long k = g * \(d.kg); k < (g + 1) * \(d.kg); k++) acc += gp[k] * \(wp)[((k * \(d.cg) + cc) * \(d.r) + r) * \(d.s) + s];")
                                w.line("xp[c] += acc;")
                            }
                        }
                    }
                }
            }
        }
    }
}

/// dw[k, c, r, s] = Σ_{n, oh, ow} dy[n, oh, ow, k] · x[n, oh·stride − pad + r, ow·stride − pad + s, g·Cg + c], in double.
private func emitConvBackwardWeightNaive(_ d: ConvShape, dy: String, x: String, dw: String, assign: String, _ w: inout CWriter) {
    if d.isDepthwise {
        w.line("/* naive: one tap (r, s) per work item, summing every position in double, channels innermost */")
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
            w.line("for (long c = 0; c < \(d.c); c++) \(dw)[c * \(d.r * d.s) + t] \(assign) (float)acc[c];")
        }
        return
    }
    w.line("/* naive: one weight per iteration, summing every position in double */")
    w.line("#pragma omp parallel for schedule(static)")
    w.block("for (long k = 0; k < \(d.k); k++)") { w in
        w.line("const long c0 = (k / \(d.kg)) * \(d.cg);")
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
            w.line("\(dw)[((k * \(d.cg) + cc) * \(d.r) + r) * \(d.s) + s] \(assign) (float)acc;")
        }
    }
}

// MARK: - 1×1 convolutions reading their input through a prologue (fusion rule 6)

/// Rows of a prologue tile: about 256 kB of input, and at least 256 rows: every sgemm call packs the
/// whole (K, C) weight, so a tile of 42 rows (C = 1536) spent more time packing than multiplying
/// (measured on S: the prologue 1x1 forward kernels 202 → 169 ms, their dw 194 → 180 ms). The forward
/// now packs the weight once for all tiles (`TileWeight`, fp32 and bf16) and keeps the same tiles.
///
/// The tiles are then evened out to a multiple of 4 (the static schedule gives each of 1, 2 or 4
/// threads the same number): S's 160-channel features.5 had 11 tiles of 409 rows, 6 on one thread and
/// 5 on the other, and in bf16 each 409-row tile of a dw was a 384-row block of k and a 25-row one;
/// now 12 tiles of 342 rows.
func prologueTileRows(channels: Int, rows: Int) -> Int {
    let most = min(rows, max(256, 65536 / channels))
    let tiles = (rows + most - 1) / most
    guard tiles > 1 else { return rows }
    let even = (tiles + 3) / 4 * 4
    return (rows + even - 1) / even
}

/// Emits the loop that computes rows [m0, m0 + rows) of the operand into `tile`.
private func emitPrologueTile(_ p: PointwiseBuilder, value: String, channels: Int, _ w: inout CWriter) {
    w.block("for (long r = m0; r < m0 + rows; r++)") { w in
        w.block("for (long c = 0; c < \(channels); c++)") { w in
            if mentions(p.body.text, "i") { w.line("const long i = r * \(channels) + c;") }
            w.lines(p.body.text.trimmingTrailingNewline)
            w.line("tile[(r - m0) * \(channels) + c] = \(value);")
        }
    }
}

/// y (M, K) = f(x) (M, C) · wᵀ, where f is the fused prologue (e.g. SiLU(BatchNorm(x)) or the SE
/// gate): each thread computes a tile of f(x) into scratch, then one sgemm for the tile. f(x) is
/// never stored.
func emitPointwiseConvPrologue(_ ctx: KernelContext, members: Set<NodeID>, x: NodeID, w wp: String, y: String,
                               k: Int, _ w: inout CWriter) -> String {
    let shape = ctx.shape(x), c = shape.last!, m = ctx.count(x) / c
    var p = PointwiseBuilder(ctx, members: members, shape: shape)
    let v = p.value(x)
    let tile = prologueTileRows(channels: c, rows: m)
    let weight = TileWeight(ctx.options.precision, name: wp, transposed: true, n: k, k: "\(c)", ld: "\(c)")
    w.line("/* y (\(m), \(k)) = f(x) (\(m), \(c)) · wᵀ: tiles of \(tile) rows of f(x) computed into scratch, one sgemm each */")
    if !p.preamble.text.isEmpty { w.lines(p.preamble.text.trimmingTrailingNewline) }
    weight.pack(&w)
    w.line("#pragma omp parallel")
    w.block("") { w in
        w.line("float *restrict tile = malloc(sizeof(float) * \(tile * c));")
        w.line("if (!tile) abort();")
        w.line("#pragma omp for schedule(static)")
        w.block("for (long t = 0; t < \((m + tile - 1) / tile); t++)") { w in
            w.line("const long m0 = t * \(tile), rows = m0 + \(tile) <= \(m) ? \(tile) : \(m) - m0;")
            emitPrologueTile(p, value: v, channels: c, &w)
            w.line(weight.gemm(m: "rows", a: "tile", lda: "\(c)", c: "\(y) + m0 * \(k)", ldc: "\(k)"))
        }
        w.line("free(tile);")
    }
    weight.release(&w)
    return "conv1x1"
}

/// dw (K, C) = dyᵀ (K, M) · f(x) (M, C) with f(x) recomputed tile by tile; each thread adds its
/// tiles into its own partial dw (a fixed static partition; its first tile writes it with β = 0, so
/// the partials are never zeroed beforehand on one thread while the other waits), and the partials are summed in
/// thread order (each element by one thread, the elements split over the threads — on the master
/// thread alone this sum was a third of some kernels' time in a profile): deterministic for a given
/// thread count.
func emitPointwiseConvBackwardWeightPrologue(_ ctx: KernelContext, members: Set<NodeID>, dy: String, x: NodeID, dw: String,
                                            k: Int, _ w: inout CWriter) -> String {
    let shape = ctx.shape(x), c = shape.last!, m = ctx.count(x) / c
    var p = PointwiseBuilder(ctx, members: members, shape: shape)
    let v = p.value(x)
    let tile = prologueTileRows(channels: c, rows: m)
    w.line("/* dw (\(k), \(c)) \(ctx.accumulate ? "+=" : "=") dyᵀ (\(k), \(m)) · f(x) (\(m), \(c)), f(x) recomputed in tiles of \(tile) rows */")
    if !p.preamble.text.isEmpty { w.lines(p.preamble.text.trimmingTrailingNewline) }
    w.line("float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * \(k * c));")
    w.line("if (!part) abort();")
    w.line("#pragma omp parallel")
    w.block("") { w in
        w.line("const int threads = omp_get_num_threads();")
        w.line("float *restrict mine = part + (size_t)omp_get_thread_num() * \(k * c);")
        w.line("float *restrict tile = malloc(sizeof(float) * \(tile * c));")
        w.line("if (!tile) abort();")
        w.line("int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */")
        w.line("#pragma omp for schedule(static) nowait")
        w.block("for (long t = 0; t < \((m + tile - 1) / tile); t++)") { w in
            w.line("const long m0 = t * \(tile), rows = m0 + \(tile) <= \(m) ? \(tile) : \(m) - m0;")
            emitPrologueTile(p, value: v, channels: c, &w)
            w.line("cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, \(k), \(c), rows, 1.0f, \(dy) + m0 * \(k), \(k), tile, \(c), first ? 0.0f : 1.0f, mine, \(c));")
            w.line("first = 0;")
        }
        w.line("if (first) memset(mine, 0, sizeof(float) * \(k * c));  /* a thread without tiles */")
        w.line("free(tile);")
        w.line("/* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */")
        w.line("#pragma omp barrier")
        w.line("#pragma omp for schedule(static)")
        w.block("for (long j = 0; j < \(k * c); j++)") { w in
            w.line("float s = 0.0f;")
            w.line("for (int t = 0; t < threads; t++) s += part[(size_t)t * \(k * c) + j];")
            w.line("\(dw)[j] \(ctx.accumulate ? "+=" : "=") s;")
        }
    }
    w.line("free(part);")
    return "conv1x1_bwd_weight" + (ctx.accumulate ? "_acc" : "")
}


// MARK: - Depthwise convolution with its BatchNorm statistics (fusion rule 7)

/// Rule 7's kernel (`KernelKind.depthwiseStatistics`): the depthwise convolution `conv` and the
/// BatchNorm statistics `stats` of its output, with the running-statistic `updates`.
func emitDepthwiseStatisticsKernel(_ ctx: KernelContext, conv: NodeID, stats: NodeID, updates: [NodeID],
                                   _ w: inout CWriter) throws(CodegenError) -> String {
    let n = ctx.node(conv), x = n.inputs
    guard case .conv2d(let a) = n.op else { throw .unsupported("\(n.op.name) (\(n.name)) is not a depthwise convolution") }
    let d = ConvShape(a, x: ctx.shape(x[0]), w: ctx.shape(x[1]), y: n.type.shape)
    w.line("/* \(d.comment) */")
    return emitDepthwiseWithStatistics(ctx, d, x: ctx.ptr(x[0]), w: ctx.ptr(x[1]), y: ctx.ptr(conv), stats: stats, updates: updates, &w)
}

/// A depthwise convolution that also computes the BatchNorm statistics of its output (and the
/// running-statistic updates): per output row, the sums of the row just written, in double, then
/// the rows are added in order (deterministic). The naive twin sums in a second loop.
func emitDepthwiseWithStatistics(_ ctx: KernelContext, _ d: ConvShape, x: String, w wp: String, y: String,
                                 stats: NodeID, updates: [NodeID], _ w: inout CWriter) -> String {
    let rows = d.n * d.ho
    w.line("double *part = malloc(sizeof(double) * \(rows * 2 * d.c));  /* (N·Ho, 2, C): per-row Σy, Σy² */")
    w.line("if (!part) abort();")
    if ctx.options.naiveKernels {
        emitConvNaive(d, x: x, w: wp, y: y, &w)
        w.block("for (long row = 0; row < \(rows); row++)") { w in
            w.line("double *restrict ps = part + row * \(2 * d.c);")
            w.line("for (long c = 0; c < \(d.c); c++) { ps[c] = 0.0; ps[\(d.c) + c] = 0.0; }")
            w.line("for (long ow = 0; ow < \(d.wo); ow++) for (long c = 0; c < \(d.c); c++) { const double v = \(y)[(row * \(d.wo) + ow) * \(d.c) + c]; ps[c] += v; ps[\(d.c) + c] += v * v; }")
        }
    } else {
        emitDepthwiseForward(d, x: x, w: wp, y: y, statsPartial: "part", &w)
    }
    let count = d.outRows, block = 256
    // Blocks of channels over the threads; in a block the rows are added in row order, the channels
    // innermost (vectorised; the same sums as a loop over the rows per channel).
    w.line("/* Σ of the rows in row order, per channel: blocks of \(block) channels over the threads */")
    w.line("#pragma omp parallel for schedule(static)")
    w.block("for (long c0 = 0; c0 < \(d.c); c0 += \(block))") { w in
        w.line("const long c1 = c0 + \(block) < \(d.c) ? c0 + \(block) : \(d.c);")
        w.line("double s0[\(block)], s1[\(block)];")
        w.line("for (long c = c0; c < c1; c++) { s0[c - c0] = 0.0; s1[c - c0] = 0.0; }")
        w.block("for (long row = 0; row < \(rows); row++)") { w in
            w.line("const double *restrict ps = part + row * \(2 * d.c);")
            w.line("for (long c = c0; c < c1; c++) { s0[c - c0] += ps[c]; s1[c - c0] += ps[\(d.c) + c]; }")
        }
        w.block("for (long c = c0; c < c1; c++)") { w in
            w.line("const double mean = s0[c - c0] / \(count).0, var = fmax(s1[c - c0] / \(count).0 - mean * mean, 0.0);")
            w.line("\(ctx.ptr(stats))[c] = (float)mean;")
            w.line("\(ctx.ptr(stats))[\(d.c) + c] = (float)var;")
            for l in runningUpdateLines(ctx, updates) { w.line(l) }
        }
    }
    w.line("free(part);")
    return d.name + "_bn_stats" + (updates.isEmpty ? "" : "_running")
}
