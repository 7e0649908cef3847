import Graph

// MARK: - Winograd F(2x2, 3x3): dense 3x3 convolutions, stride 1, padding 1 (forward, dx, dw)

/// Whether the forward and dx of `d` run as Winograd F(2x2, 3x3) (Lavin & Gray 2016; the dw:
/// `winogradWeightGradientApplies`; the rule is `Graph.Winograd`'s, shared with the interpreter): dense 3x3, stride
/// 1, padding 1, at least 16 input and output channels (the per-ξ products are GEMMs with
/// k = C and n = K). It multiplies 16 times per 2x2 output tile where im2col multiplies 36: on S
/// the eligible convolutions (features.1-3 after their first block) are 44% of the eval forward's
/// FLOPs. The transforms run in fp32 in both precisions; in bf16 the 16 products take the
/// transformed V, U (or E) rounded to bfloat16 and sum in fp32, as every bf16 contraction does
/// (`breastai_gemm_bf16*`).
func winogradApplies(_ d: ConvShape) -> Bool {
    Winograd.applies(Conv2DAttrs(stride: d.stride, padding: d.pad, groups: d.groups), c: d.c, k: d.k, r: d.r, s: d.s)
}

/// Whether the weight gradient of `d` runs as Winograd too: as `winogradApplies`, and at least 32
/// channels in and out. Below that its 16 products per chunk (24 x 24 x 128 on S's features.1) are
/// too small to pay for the transforms: measured on features.1's dw (`bench kernels --phase 4
/// --precision bf16 --filter k00`, old and new alternated twice, with and without fixed glibc malloc
/// thresholds) im2col 6.6-8.4 ms against Winograd 9.3-11.6 ms per call, and no gain in fp32 (10.3
/// against 10.6 ms).
func winogradWeightGradientApplies(_ d: ConvShape) -> Bool {
    Winograd.appliesToWeightGradient(Conv2DAttrs(stride: d.stride, padding: d.pad, groups: d.groups), c: d.c, k: d.k, r: d.r, s: d.s)
}

/// The forward of `d` as Winograd: x (N, H, W, C) to y (N, H, W, K), the weight as it is.
func emitWinogradForward(_ d: ConvShape, x: String, w wp: String, y: String, _ precision: Precision, _ w: inout CWriter) {
    emitWinograd3x3(n: d.n, h: d.h, w: d.w, inputs: d.c, outputs: d.k, x: x, y: y, weight: wp, flipped: false, precision, &w)
}

/// dx of `d` as Winograd: with stride 1 and padding 1, dx[.., c] = Σ_{r, s, k} dy[ih + 1 − r, iw + 1 − s, k] ·
/// w[k, c, r, s] is the same 3x3 convolution of dy (K channels in, C out) with the weight
/// transposed and rotated by 180 degrees.
func emitWinogradBackwardInput(_ d: ConvShape, dy: String, w wp: String, dx: String, _ precision: Precision, _ w: inout CWriter) {
    emitWinograd3x3(n: d.n, h: d.h, w: d.w, inputs: d.k, outputs: d.c, x: dy, y: dx, weight: wp, flipped: true, precision, &w)
}

/// y = Aᵀ [U ⊙ V] A per 2x2 output tile, with V = Bᵀ d B the 4x4 input patch (rows 2ty−1 ..
/// 2ty+2, zero outside x) and U = G g Gᵀ the weight (the prelude's `ba_wino_*` helpers), as 16
/// products (one per ξ of the 4x4):
/// M[ξ] (tiles, K) = V[ξ] (tiles, C) · U[ξ] (C, K). U is computed and packed once per call;
/// chunks of tiles are independent work items (V and M in per-thread scratch, kept in L2), each
/// output element written by one thread: the same bits for any thread count.
///
///     Bᵀ = [1 0 −1 0; 0 1 1 0; 0 −1 1 0; 0 1 0 −1]   G = [1 0 0; ½ ½ ½; ½ −½ ½; 0 0 1]
///     Aᵀ = [1 1 1 0; 0 1 −1 −1]
/// `flipped`: the weight (inputs is its K, outputs its C) read as g[r][s] = w[k, c, 2 − r, 2 − s] for
/// output channel c and input channel k (the backward-input convolution); else g = w[k, c] for
/// output k and input c.
private func emitWinograd3x3(n: Int, h: Int, w width: Int, inputs c: Int, outputs k: Int, x: String, y: String, weight wp: String,
                             flipped: Bool, _ precision: Precision, _ w: inout CWriter) {
    let bf16 = precision == .bf16
    let th = (h + 1) / 2, tw = (width + 1) / 2, tiles = n * th * tw
    // Tiles per chunk: V (16, T, C) and M (16, T, K) about 384 kB together, a multiple of 12 (the
    // GEMM's rows), at least 12.
    let chunk = min(tiles, max(12, 98304 / (16 * (c + k)) / 12 * 12))
    w.line("/* Winograd F(2x2, 3x3): \(tiles) tiles of 2x2 outputs, chunks of \(chunk); per chunk V = Bᵀ d B (16, tiles, C),")
    w.line(" * M[ξ] = V[ξ] · U[ξ] (16 GEMMs, U = G g Gᵀ packed once), y = Aᵀ M A. */")
    w.line("float *restrict u = malloc(sizeof(float) * \(16 * c * k));  /* U[ξ] (C, K) */")
    w.line("if (!u) abort();")
    w.block("for (long k = 0; k < \(k); k++)") { w in
        w.block("for (long c = 0; c < \(c); c++)") { w in
            if flipped {
                w.line("float g[9];  /* the forward's w[c, k] (c its output channel, k its input), rotated by 180 degrees */")
                w.line("for (int i = 0; i < 9; i++) g[i] = \(wp)[(c * \(k) + k) * 9 + 8 - i];")
            } else {
                w.line("const float *g = \(wp) + (k * \(c) + c) * 9;")
            }
            w.line("float v[16];")
            w.line("ba_wino_weight(g, v);")
            w.line("for (int xi = 0; xi < 16; xi++) u[(xi * \(c) + c) * \(k) + k] = v[xi];")
        }
    }
    w.line(bf16 ? "uint32_t *packed[16];  /* U[ξ] rounded to bfloat16 */" : "float *packed[16];")
    w.line("for (int xi = 0; xi < 16; xi++) packed[xi] = breastai_gemm_\(bf16 ? "bf16" : "f32")_pack(CblasNoTrans, \(k), \(c), u + xi * \(c * k), \(k));")
    w.line("free(u);")
    w.line("#pragma omp parallel")
    w.block("") { w in
        w.line("float *restrict vt = malloc(sizeof(float) * \(16 * chunk * c));  /* V (16, chunk, C) */")
        w.line("float *restrict mt = malloc(sizeof(float) * \(16 * chunk * k));  /* M (16, chunk, K) */")
        w.line("float *restrict zero = calloc(\(c), sizeof(float));  /* the padding's pixel */")
        w.line("if (!vt || !mt || !zero) abort();")
        w.line("#pragma omp for schedule(static)")
        w.block("for (long b = 0; b < \((tiles + chunk - 1) / chunk); b++)") { w in
            w.line("const long t0 = b * \(chunk), count = t0 + \(chunk) <= \(tiles) ? \(chunk) : \(tiles) - t0;")
            emitInputTransform(n: n, h: h, w: width, c: c, chunk: chunk, x: x, &w)
            w.line("for (int xi = 0; xi < 16; xi++)")
            w.line("    breastai_gemm_\(bf16 ? "bf16" : "f32")_packed(CblasNoTrans, count, \(k), \(c), 1.0f, vt + xi * \(chunk * c), \(c), packed[xi], 0.0f, mt + xi * \(chunk * k), \(k));")
            w.line("/* y = Aᵀ M A, output channels innermost; the last row or column of an odd size is not written */")
            w.block("for (long t = 0; t < count; t++)") { w in
                w.line("const long n = (t0 + t) / \(th * tw), ty = (t0 + t) / \(tw) % \(th), tx = (t0 + t) % \(tw);")
                w.line("float *restrict y00 = \(y) + ((n * \(h) + 2 * ty) * \(width) + 2 * tx) * \(k);")
                w.line("const int down = 2 * ty + 1 < \(h), right = 2 * tx + 1 < \(width);")
                w.block("for (long k = 0; k < \(k); k++)") { w in
                    w.line("float m[16], o[4];")
                    w.line("for (int xi = 0; xi < 16; xi++) m[xi] = mt[(xi * \(chunk) + t) * \(k) + k];")
                    w.line("ba_wino_output(m, o);")
                    w.line("y00[k] = o[0];")
                    w.line("if (right) y00[\(k) + k] = o[1];")
                    w.line("if (down) y00[\(width * k) + k] = o[2];")
                    w.line("if (down && right) y00[\(width * k + k) + k] = o[3];")
                }
            }
        }
        w.line("free(vt);")
        w.line("free(mt);")
        w.line("free(zero);")
    }
    w.line("for (int xi = 0; xi < 16; xi++) free(packed[xi]);")
}

/// dw of `d` as Winograd: the forward is y = Aᵀ[U ⊙ V]A per tile with U = G g Gᵀ, so
/// ∂L/∂U[ξ] = Σ_tiles E[ξ] V[ξ] with E = A dY Aᵀ (the tile's 2x2 of dy spread to 4x4), and
/// dw = Gᵀ (∂L/∂U) G. Per chunk of tiles: V (16, T, C) from x and E (16, T, K) from dy, then per ξ
/// acc[ξ] (K, C) += E[ξ]ᵀ · V[ξ] (`breastai_gemm_f32_tn`; in bf16 `breastai_gemm_bf16`, E and V rounded). Thread `thread` takes a fixed
/// contiguous range of chunks into its own (16, K, C) partial; the partials are added in thread
/// order (deterministic for a given thread count), then transformed to (K, C, 3, 3).
func emitWinogradBackwardWeight(_ d: ConvShape, dy: String, x: String, dw: String, assign: String, _ precision: Precision,
                                _ w: inout CWriter) {
    let (c, k) = (d.c, d.k), bf16 = precision == .bf16
    let th = (d.ho + 1) / 2, tw = (d.wo + 1) / 2, tiles = d.n * th * tw
    let chunk = min(tiles, 128), chunks = (tiles + chunk - 1) / chunk, part = 16 * k * c
    w.line("/* Winograd F(2x2, 3x3) weight gradient: \(tiles) tiles in chunks of \(chunk); per chunk V = Bᵀ d B (16, tiles, C) and")
    w.line(" * E = A dY Aᵀ (16, tiles, K), acc[ξ] (K, C) += E[ξ]ᵀ · V[ξ]; dw = Gᵀ acc G. */")
    w.line("const int max_threads = omp_get_max_threads();")
    w.line("float *restrict part = calloc((size_t)max_threads * \(part), sizeof(float));  /* (threads, 16, K, C) */")
    w.line("if (!part) abort();")
    w.line("int threads = 1;")
    w.line("#pragma omp parallel num_threads(max_threads)")
    w.block("") { w in
        w.line("const int thread = omp_get_thread_num(), team = omp_get_num_threads();")
        w.line("if (thread == 0) threads = team;")
        w.line("float *restrict vt = malloc(sizeof(float) * \(16 * chunk * c));  /* V (16, chunk, C) */")
        w.line("float *restrict et = malloc(sizeof(float) * \(16 * chunk * k));  /* E (16, chunk, K) */")
        w.line("float *restrict zero = calloc(\(max(c, k)), sizeof(float));  /* the padding's pixel of x and of dy */")
        if bf16 {
            w.line("if (!vt || !et || !zero) abort();")
        } else {
            w.line("float *restrict scratch = aligned_alloc(64, sizeof(float) * breastai_gemm_f32_tn_scratch(\(c), \(chunk)));  /* V[ξ] packed */")
            w.line("if (!vt || !et || !zero || !scratch) abort();")
        }
        w.line("float *restrict acc = part + (long)thread * \(part);")
        w.block("for (long b = \(chunks)L * thread / team; b < \(chunks)L * (thread + 1) / team; b++)") { w in
            w.line("const long t0 = b * \(chunk), count = t0 + \(chunk) <= \(tiles) ? \(chunk) : \(tiles) - t0;")
            emitInputTransform(n: d.n, h: d.h, w: d.w, c: c, chunk: chunk, x: x, &w)
            w.line("/* E = A dY Aᵀ: the tile's 2x2 of dy (0 beyond an odd edge) spread to 4x4 */")
            w.block("for (long t = 0; t < count; t++)") { w in
                w.line("const long n = (t0 + t) / \(th * tw), ty = (t0 + t) / \(tw) % \(th), tx = (t0 + t) % \(tw);")
                w.line("const float *g00 = \(dy) + ((n * \(d.ho) + 2 * ty) * \(d.wo) + 2 * tx) * \(k);")
                w.line("const int down = 2 * ty + 1 < \(d.ho), right = 2 * tx + 1 < \(d.wo);")
                w.line("const float *g01 = right ? g00 + \(k) : zero, *g10 = down ? g00 + \(d.wo * k) : zero, *g11 = down && right ? g00 + \(d.wo * k + k) : zero;")
                w.block("for (long k = 0; k < \(k); k++)") { w in
                    w.line("const float g[4] = {g00[k], g01[k], g10[k], g11[k]};")
                    w.line("float e[16];")
                    w.line("ba_wino_spread(g, e);")
                    w.line("for (int xi = 0; xi < 16; xi++) et[(xi * \(chunk) + t) * \(k) + k] = e[xi];")
                }
            }
            w.line("for (int xi = 0; xi < 16; xi++)")
            if bf16 {
                w.line("    breastai_gemm_bf16(CblasRowMajor, CblasTrans, CblasNoTrans, \(k), \(c), count, 1.0f, et + xi * \(chunk * k), \(k),")
                w.line("                       vt + xi * \(chunk * c), \(c), 1.0f, acc + xi * \(k * c), \(c));")
            } else {
                w.line("    breastai_gemm_f32_tn(\(k), \(c), count, et + xi * \(chunk * k), \(k), vt + xi * \(chunk * c), \(c), acc + xi * \(k * c), \(c), scratch);")
            }
        }
        w.line("free(vt);")
        w.line("free(et);")
        w.line("free(zero);")
        if !bf16 { w.line("free(scratch);") }
    }
    w.line("/* dw[k, c] = Gᵀ (Σ_thread part[thread, ξ, k, c]) G, the partials added in thread order */")
    w.line("#pragma omp parallel for schedule(static)")
    w.block("for (long k = 0; k < \(k); k++)") { w in
        w.block("for (long c = 0; c < \(c); c++)") { w in
            w.line("float s[16], o[9];")
            w.block("for (int xi = 0; xi < 16; xi++)") { w in
                w.line("s[xi] = 0.0f;")
                w.line("for (int thread = 0; thread < threads; thread++) s[xi] += part[(((long)thread * 16 + xi) * \(k) + k) * \(c) + c];")
            }
            w.line("ba_wino_weight_grad(s, o);")
            w.line("for (int i = 0; i < 9; i++) \(dw)[(k * \(c) + c) * 9 + i] \(assign) o[i];")
        }
    }
    w.line("free(part);")
}

/// V = Bᵀ d B for the tiles [t0, t0 + count) of a chunk into `vt` (16, chunk, C), channels
/// innermost; `zero` stands for the pixels outside x.
private func emitInputTransform(n: Int, h: Int, w width: Int, c: Int, chunk: Int, x: String, _ w: inout CWriter) {
    let d = (n: n, h: h, w: width)
    let th = (d.h + 1) / 2, tw = (d.w + 1) / 2
    w.line("/* V = Bᵀ d B, channels innermost */")
    w.block("for (long t = 0; t < count; t++)") { w in
        w.line("const long n = (t0 + t) / \(th * tw), ty = (t0 + t) / \(tw) % \(th), tx = (t0 + t) % \(tw);")
        w.line("const float *p[4][4];  /* the patch's pixels, `zero` outside x */")
        w.line("for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) {")
        w.line("    const long ih = 2 * ty - 1 + i, iw = 2 * tx - 1 + j;")
        w.line("    p[i][j] = ih < 0 || ih >= \(d.h) || iw < 0 || iw >= \(d.w) ? zero : \(x) + ((n * \(d.h) + ih) * \(d.w) + iw) * \(c);")
        w.line("}")
        w.block("for (long c = 0; c < \(c); c++)") { w in
            w.line("float q[16], v[16];")
            w.line("for (int i = 0; i < 16; i++) q[i] = p[i / 4][i % 4][c];")
            w.line("ba_wino_input(q, v);")
            w.line("for (int xi = 0; xi < 16; xi++) vt[(xi * \(chunk) + t) * \(c) + c] = v[xi];")
        }
    }
}
