/// The depthwise convolution's kernels (channels innermost): forward, dx in gather form, dw with
/// per-thread partials.

// MARK: - Depthwise: channels innermost

/// `wt` (R, S, C): the (C, 1, R, S) weight with channels innermost, so each tap is a contiguous vector.
private func emitWeightTapsByChannel(_ d: ConvShape, w wp: String, _ w: inout CWriter) {
    w.line("float *restrict wt = malloc(sizeof(float) * \(d.r * d.s * d.c));  /* (R, S, C) */")
    w.line("if (!wt) abort();")
    w.line("for (long c = 0; c < \(d.c); c++) for (long r = 0; r < \(d.r); r++) for (long s = 0; s < \(d.s); s++)")
    w.line("    wt[(r * \(d.s) + s) * \(d.c) + c] = \(wp)[(c * \(d.r) + r) * \(d.s) + s];")
}

/// Depthwise forward: one output row (n, oh) per work item; per pixel, each tap adds x · w over
/// the contiguous channels. A pixel whose taps all fall inside x sums them in one expression (one
/// store instead of one load and store per tap; `bench kernels --filter dwconv`, BENCHMARKS).
func emitDepthwiseForward(_ d: ConvShape, x: String, w wp: String, y: String, statsPartial: String? = nil, _ w: inout CWriter) {
    if depthwiseWindowApplies(d) {
        emitWeightTapsByChannel(d, w: wp, &w)
        emitDepthwiseWindowForward(d, x: x, y: y, statsPartial: statsPartial, &w)
        w.line("free(wt);")
        return
    }
    w.line("/* Depthwise: y[n, oh, ow, c] = Σ_{r, s} x[n, ih, iw, c] · wt[r, s, c], channels innermost (vectorised),")
    w.line(" * one output row per work item. */")
    emitWeightTapsByChannel(d, w: wp, &w)
    w.line("#pragma omp parallel for collapse(2) schedule(static)")
    w.block("for (long n = 0; n < \(d.n); n++)") { w in
        w.block("for (long oh = 0; oh < \(d.ho); oh++)") { w in
            w.block("for (long ow = 0; ow < \(d.wo); ow++)") { w in
                w.line("float *restrict yp = \(y) + ((n * \(d.ho) + oh) * \(d.wo) + ow) * \(d.c);")
                let ih0 = affine("oh", d.stride, -d.pad), iw0 = affine("ow", d.stride, -d.pad)
                w.block("if (\(ih0) >= 0 && \(affine("oh", d.stride, d.r - 1 - d.pad)) < \(d.h) && \(iw0) >= 0 && \(affine("ow", d.stride, d.s - 1 - d.pad)) < \(d.w))") { w in
                    w.line("/* every tap inside x: one sum per channel, the taps in the order of the loops below */")
                    w.line("const float *restrict x0 = \(x) + ((n * \(d.h) + \(ih0)) * \(d.w) + \(iw0)) * \(d.c);")
                    emitTapSum("yp", channels: d.c, (0..<d.r).map { r in (0..<d.s).map { s in
                        "x0[\(plus((r * d.w + s) * d.c))c] * wt[\(plus((r * d.s + s) * d.c))c]" } }, &w)
                    w.line("continue;")
                }
                w.line("for (long c = 0; c < \(d.c); c++) yp[c] = 0.0f;")
                w.block("for (long r = 0; r < \(d.r); r++)") { w in
                    w.line("const long ih = \(affine("oh", d.stride, -d.pad)) + r;")
                    w.line("if (ih < 0 || ih >= \(d.h)) continue;")
                    w.block("for (long s = 0; s < \(d.s); s++)") { w in
                        w.line("const long iw = \(affine("ow", d.stride, -d.pad)) + s;")
                        w.line("if (iw < 0 || iw >= \(d.w)) continue;")
                        w.line("const float *restrict xp = \(x) + ((n * \(d.h) + ih) * \(d.w) + iw) * \(d.c), *restrict wr = wt + (r * \(d.s) + s) * \(d.c);")
                        w.line("for (long c = 0; c < \(d.c); c++) yp[c] += xp[c] * wr[c];")
                    }
                }
            }
            if let part = statsPartial {
                // BatchNorm statistics of the row just written, while it is in cache (fusion rule 7).
                w.line("double *restrict ps = \(part) + (n * \(d.ho) + oh) * \(2 * d.c);")
                w.line("for (long c = 0; c < \(d.c); c++) { ps[c] = 0.0; ps[\(d.c) + c] = 0.0; }")
                w.block("for (long ow = 0; ow < \(d.wo); ow++)") { w in
                    w.line("const float *restrict yp = \(y) + ((n * \(d.ho) + oh) * \(d.wo) + ow) * \(d.c);")
                    w.line("for (long c = 0; c < \(d.c); c++) { const double v = yp[c]; ps[c] += v; ps[\(d.c) + c] += v * v; }")
                }
            }
        }
    }
    w.line("free(wt);")
}

/// Depthwise backward-input in gather form: one input row (n, ih) per work item; each pixel sums
/// dy · w over the taps that reach it, channels innermost. (The forward's one-expression sum for
/// interior pixels gained nothing measurable here: `bench kernels --filter dwconv`, dx 20.1 / 22.7
/// -> 20.0 / 21.5 ms.)
func emitDepthwiseBackwardInput(_ d: ConvShape, dy: String, w wp: String, dx: String, _ w: inout CWriter) {
    if depthwiseWindowApplies(d) {
        emitWeightTapsByChannel(d, w: wp, &w)
        emitDepthwiseWindowBackwardInput(d, dy: dy, dx: dx, &w)
        w.line("free(wt);")
        return
    }
    let st = d.stride
    w.line("/* Depthwise dx in gather form: dx[n, ih, iw, c] = Σ over the taps reaching (ih, iw) of dy[n, oh, ow, c] · wt[r, s, c],")
    w.line(" * channels innermost, one input row per work item. */")
    emitWeightTapsByChannel(d, w: wp, &w)
    w.line("#pragma omp parallel for collapse(2) schedule(static)")
    w.block("for (long n = 0; n < \(d.n); n++)") { w in
        w.block("for (long ih = 0; ih < \(d.h); ih++)") { w in
            w.block("for (long iw = 0; iw < \(d.w); iw++)") { w in
                w.line("float *restrict xp = \(dx) + ((n * \(d.h) + ih) * \(d.w) + iw) * \(d.c);")
                w.line("for (long c = 0; c < \(d.c); c++) xp[c] = 0.0f;")
                w.block("for (long r = 0; r < \(d.r); r++)") { w in
                    w.line("const long th = \(affine("ih", 1, d.pad)) - r, oh = th / \(st);")
                    w.line(st == 1 ? "if (th < 0 || oh >= \(d.ho)) continue;" : "if (th < 0 || th % \(st) != 0 || oh >= \(d.ho)) continue;")
                    w.block("for (long s = 0; s < \(d.s); s++)") { w in
                        w.line("const long tw = \(affine("iw", 1, d.pad)) - s, ow = tw / \(st);")
                        w.line(st == 1 ? "if (tw < 0 || ow >= \(d.wo)) continue;" : "if (tw < 0 || tw % \(st) != 0 || ow >= \(d.wo)) continue;")
                        w.line("const float *restrict gp = \(dy) + ((n * \(d.ho) + oh) * \(d.wo) + ow) * \(d.c), *restrict wr = wt + (r * \(d.s) + s) * \(d.c);")
                        w.line("for (long c = 0; c < \(d.c); c++) xp[c] += gp[c] * wr[c];")
                    }
                }
            }
        }
    }
    w.line("free(wt);")
}

/// Depthwise backward-weight: thread `thread` sums a fixed contiguous range of output rows; each
/// row is summed in float over its pixels, then added to the thread's partial in double; the
/// partials are added in thread order (deterministic for a given thread count).
func emitDepthwiseBackwardWeight(_ d: ConvShape, dy: String, x: String, dw: String, assign: String = "=", _ w: inout CWriter) {
    let taps = d.r * d.s, rows = d.n * d.ho, window = depthwiseWindowApplies(d)
    w.line("/* Depthwise dw: dw[c, r, s] = Σ_{n, oh, ow} dy[n, oh, ow, c] · x[n, ih, iw, c], channels innermost. Each thread")
    w.line(" * sums a fixed range of output rows into its own (R, S, C) partial (each row in float, the partial in")
    w.line(" * double); the partials are added in thread order. */")
    if window { w.line("/* 3x3, stride 1: each row's nine sums in registers, a sliding window over x (CEmitter+DepthwiseWindow) */") }
    w.line("const int max_threads = omp_get_max_threads();")
    w.line("double *restrict part = calloc((size_t)max_threads * \(taps * d.c), sizeof(double));  /* (threads, R, S, C) */")
    w.line("if (!part) abort();")
    w.line("int threads = 1;")
    w.line("#pragma omp parallel num_threads(max_threads)")
    w.block("") { w in
        w.line("const int thread = omp_get_thread_num(), team = omp_get_num_threads();")
        w.line("if (thread == 0) threads = team;")
        if !window {
            w.line("float *restrict rowsum = malloc(sizeof(float) * \(taps * d.c));  /* (R, S, C): the sums of one output row */")
            w.line("if (!rowsum) abort();")
        }
        w.line("double *restrict acc = part + (long)thread * \(taps * d.c);")
        w.block("for (long row = \(rows)L * thread / team; row < \(rows)L * (thread + 1) / team; row++)") { w in
            w.line("const long n = row / \(d.ho), oh = row % \(d.ho);")
            if window { emitDepthwiseWindowWeightRow(d, dy: dy, x: x, &w) } else { emitDepthwiseWeightRow(d, dy: dy, x: x, &w) }
        }
        if !window { w.line("free(rowsum);") }
    }
    w.line("/* dw[c, r, s] = Σ_thread part[thread, r, s, c], in thread order */")
    w.line("#pragma omp parallel for schedule(static)")
    w.block("for (long c = 0; c < \(d.c); c++)") { w in
        w.block("for (long t = 0; t < \(taps); t++)") { w in
            w.line("double sum = 0.0;")
            w.line("for (int thread = 0; thread < threads; thread++) sum += part[((long)thread * \(taps) + t) * \(d.c) + c];")
            w.line("\(dw)[c * \(taps) + t] \(assign) (float)sum;")
        }
    }
    w.line("free(part);")
}

/// One output row (`n`, `oh`) of the general dw: the row's sums in float in `rowsum`, tap by tap over
/// the contiguous channels, then added in double to the thread's partial `acc`.
private func emitDepthwiseWeightRow(_ d: ConvShape, dy: String, x: String, _ w: inout CWriter) {
    let taps = d.r * d.s
    w.line("memset(rowsum, 0, \(taps * d.c) * sizeof(float));")
    w.block("for (long ow = 0; ow < \(d.wo); ow++)") { w in
        w.line("const float *restrict gp = \(dy) + ((n * \(d.ho) + oh) * \(d.wo) + ow) * \(d.c);")
        w.block("for (long r = 0; r < \(d.r); r++)") { w in
            w.line("const long ih = \(affine("oh", d.stride, -d.pad)) + r;")
            w.line("if (ih < 0 || ih >= \(d.h)) continue;")
            w.block("for (long s = 0; s < \(d.s); s++)") { w in
                w.line("const long iw = \(affine("ow", d.stride, -d.pad)) + s;")
                w.line("if (iw < 0 || iw >= \(d.w)) continue;")
                w.line("const float *restrict xp = \(x) + ((n * \(d.h) + ih) * \(d.w) + iw) * \(d.c);")
                w.line("float *restrict rp = rowsum + (r * \(d.s) + s) * \(d.c);")
                w.line("for (long c = 0; c < \(d.c); c++) rp[c] += gp[c] * xp[c];")
            }
        }
    }
    w.line("for (long i = 0; i < \(taps * d.c); i++) acc[i] += rowsum[i];")
}

/// `for c: target[c] = Σ terms`, one line per kernel row, added left to right (the order of the
/// tap loops, so the same float sums as accumulating tap by tap from zero, up to the sign of a zero).
private func emitTapSum(_ target: String, channels: Int, _ rows: [[String]], _ w: inout CWriter) {
    w.line("for (long c = 0; c < \(channels); c++)")
    for (i, row) in rows.enumerated() {
        let head = i == 0 ? "    \(target)[c] = " : "        + "
        w.line(head + row.joined(separator: " + ") + (i == rows.count - 1 ? ";" : ""))
    }
}

/// `n + ` as the start of an index, nothing for zero.
private func plus(_ n: Int) -> String { n == 0 ? "" : "\(n) + " }
