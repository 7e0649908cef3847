import Graph

// MARK: - Winograd F(4x4, 3x3) and F(2x2, 3x3): dense 3x3 convolutions, stride 1, padding 1 (forward, dx, dw)

/// The precision of the Winograd forward and dx (or, with `weightGradient`, dw) of `d` in a program of
/// `precision`, nil when they do not run as Winograd (Lavin & Gray 2016; the rules are
/// `Graph.Winograd`'s, shared with the interpreter's bf16 emulation): dense 3x3, stride 1, padding 1,
/// at least 16 input and output channels (the per-ξ products are GEMMs with k = C and n = K). On S the
/// eligible convolutions (features.1-3 after their first block) are 44% of the eval forward's FLOPs.
///
/// fp32 runs F(4x4, 3x3): 36 multiplies per 4x4 output tile where im2col multiplies 144 (also for dw:
/// S's 24-channel features.1 dw took 31-33 ms per step with im2col and 21-22 ms as F(4x4), `bench kernels
/// --phase 4 --filter k005b_conv3x3_bwd_weight`, alternated twice, 2026-12-06).
///
/// bf16 runs F(2x2, 3x3), 16 per 2x2 tile where im2col multiplies 36, its 16 products taking the
/// transformed V, U (or E) rounded to bfloat16 and summing in fp32, as every bf16 contraction does
/// (`breastai_gemm_bf16*`; its transforms run in fp32, `WinogradTile`), from 32 channels in and out for
/// the forward and dx (`Winograd.roundsInBF16`) and 64 for dw (`Winograd.roundsWeightGradientInBF16`).
/// Narrower convolutions in a bf16 program run as in fp32: F(2x2)'s transforms write 4 values per output
/// and channel where F(4x4)'s write 2.25, and with few channels the bf16 GEMM does not win them back
/// (`bench kernels --phase 4 --precision bf16 --filter conv3x3`, old and new rule alternated twice,
/// 2026-12-06, ms per call): S's 24-channel features.1 forward and dx 10.5-10.6 as F(2x2) in bf16, 7.7-8.3 as
/// F(4x4), its dw 12.3-12.8 as im2col in bf16 (the rule before), 10.4-10.6 as F(4x4); features.2's dw (48 to
/// 192 channels) 23.7-24.8 as F(2x2), 20.4-20.9 as F(4x4). features.3's dw (64 to 256) keeps F(2x2): 10 ms
/// there against 13-16 ms as F(4x4) in the fp32 program.
func winogradPrecision(_ d: ConvShape, _ precision: Precision, weightGradient: Bool = false) -> Precision? {
    let a = Conv2DAttrs(stride: d.stride, padding: d.pad, groups: d.groups)
    guard Winograd.applies(a, c: d.c, k: d.k, r: d.r, s: d.s) else { return nil }
    guard precision == .bf16 else { return .fp32 }
    let rounds = weightGradient ? Winograd.roundsWeightGradientInBF16(a, c: d.c, k: d.k, r: d.r, s: d.s)
                                : Winograd.roundsInBF16(a, c: d.c, k: d.k, r: d.r, s: d.s)
    return rounds ? .bf16 : .fp32
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

/// The tile of the compiled Winograd convolutions: F(4x4, 3x3) in fp32, 36 products per 4x4 outputs
/// (2.25 multiplies per output, against 4 for F(2x2) and 9 for im2col); F(2x2, 3x3) in bf16, whose
/// transforms enlarge the terms the bf16 products round far less (the entries of its Bᵀ and Aᵀ are
/// 0 and ±1, F(4x4)'s reach 5 and 8; the interpreter emulates it, `Graph.Winograd`). The transforms are the prelude's `ba_wino_*` (F(2x2)) and `ba_wino4_*`
/// (F(4x4)) helpers.
struct WinogradTile {
    /// Outputs per tile side.
    let m: Int
    init(_ precision: Precision) { m = precision == .bf16 ? 2 : 4 }
    /// The input patch's side.
    var alpha: Int { m + 2 }
    /// Products per tile, one per ξ of the alpha x alpha patch.
    var points: Int { alpha * alpha }
    var helper: String { m == 2 ? "ba_wino" : "ba_wino4" }
    var name: String { "F(\(m)x\(m), 3x3)" }
}

/// y = Aᵀ [U ⊙ V] A per m x m output tile, with V = Bᵀ d B the alpha x alpha input patch (rows
/// m·ty − 1 .. m·ty + m, zero outside x) and U = G g Gᵀ the weight, as alpha² products (one per ξ):
/// M[ξ] (tiles, K) = V[ξ] (tiles, C) · U[ξ] (C, K). U is computed and packed once per call;
/// chunks of tiles are independent work items (V and M in per-thread scratch, kept in L2), each
/// output element written by one thread: the same bits for any thread count.
/// `flipped`: the weight (inputs is its K, outputs its C) read as g[r][s] = w[k, c, 2 − r, 2 − s] for
/// output channel c and input channel k (the backward-input convolution); else g = w[k, c] for
/// output k and input c.
private func emitWinograd3x3(n: Int, h: Int, w width: Int, inputs c: Int, outputs k: Int, x: String, y: String, weight wp: String,
                             flipped: Bool, _ precision: Precision, _ w: inout CWriter) {
    let bf16 = precision == .bf16, tile = WinogradTile(precision), m = tile.m, p = tile.points
    let th = (h + m - 1) / m, tw = (width + m - 1) / m, tiles = n * th * tw
    // Tiles per chunk: V (ξ, T, C) and M (ξ, T, K) about 384 kB together, a multiple of the GEMM's
    // rows per micro-kernel, at least one such multiple. F(4x4) with K = 48 outputs (S's features.2
    // dx) had chunks of 12, run as 8 + 4 rows per ξ.
    let rows = gemmMicroKernelRows(columns: k, precision)
    let chunk = min(tiles, max(rows, 98304 / (p * (c + k)) / rows * rows))
    w.line("/* Winograd \(tile.name): \(tiles) tiles of \(m)x\(m) outputs, chunks of \(chunk); per chunk V = Bᵀ d B (\(p), tiles, C),")
    w.line(" * M[ξ] = V[ξ] · U[ξ] (\(p) GEMMs, U = G g Gᵀ packed once), y = Aᵀ M A. */")
    w.line("float *restrict u = malloc(sizeof(float) * \(p * c * k));  /* U[ξ] (C, K) */")
    w.line("if (!u) abort();")
    w.line("#pragma omp parallel for schedule(static)")
    w.block("for (long k = 0; k < \(k); k++)") { w in
        w.block("for (long c = 0; c < \(c); c++)") { w in
            if flipped {
                w.line("float g[9];  /* the forward's w[c, k] (c its output channel, k its input), rotated by 180 degrees */")
                w.line("for (int i = 0; i < 9; i++) g[i] = \(wp)[(c * \(k) + k) * 9 + 8 - i];")
            } else {
                w.line("const float *g = \(wp) + (k * \(c) + c) * 9;")
            }
            w.line("float v[\(p)];")
            w.line("\(tile.helper)_weight(g, v);")
            w.line("#pragma GCC unroll \(p)")
            w.line("for (int xi = 0; xi < \(p); xi++) u[(xi * \(c) + c) * \(k) + k] = v[xi];")
        }
    }
    w.line(bf16 ? "uint32_t *packed[\(p)];  /* U[ξ] rounded to bfloat16 */" : "float *packed[\(p)];")
    w.line("#pragma omp parallel for schedule(static)")
    w.line("for (int xi = 0; xi < \(p); xi++) packed[xi] = breastai_gemm_\(bf16 ? "bf16" : "f32")_pack(CblasNoTrans, \(k), \(c), u + xi * \(c * k), \(k));")
    w.line("free(u);")
    w.line("#pragma omp parallel")
    w.block("") { w in
        w.line("float *restrict vt = malloc(sizeof(float) * \(p * chunk * c));  /* V (\(p), chunk, C) */")
        w.line("float *restrict mt = malloc(sizeof(float) * \(p * chunk * k));  /* M (\(p), chunk, K) */")
        w.line("float *restrict zero = calloc(\(c), sizeof(float));  /* the padding's pixel */")
        w.line("if (!vt || !mt || !zero) abort();")
        w.line("#pragma omp for schedule(static)")
        w.block("for (long b = 0; b < \((tiles + chunk - 1) / chunk); b++)") { w in
            w.line("const long t0 = b * \(chunk), count = t0 + \(chunk) <= \(tiles) ? \(chunk) : \(tiles) - t0;")
            emitInputTransform(tile, n: n, h: h, w: width, c: c, chunk: chunk, x: x, &w)
            w.line("for (int xi = 0; xi < \(p); xi++)")
            w.line("    breastai_gemm_\(bf16 ? "bf16" : "f32")_packed(CblasNoTrans, count, \(k), \(c), 1.0f, vt + xi * \(chunk * c), \(c), packed[xi], 0.0f, mt + xi * \(chunk * k), \(k));")
            w.line("/* y = Aᵀ M A, output channels innermost; a tile past the last row or column writes only its outputs inside y */")
            w.block("for (long t = 0; t < count; t++)") { w in
                w.line("const long n = (t0 + t) / \(th * tw), ty = (t0 + t) / \(tw) % \(th), tx = (t0 + t) % \(tw);")
                w.line("float *restrict y00 = \(y) + ((n * \(h) + \(m) * ty) * \(width) + \(m) * tx) * \(k);")
                w.line("const long rows = \(h) - \(m) * ty < \(m) ? \(h) - \(m) * ty : \(m), cols = \(width) - \(m) * tx < \(m) ? \(width) - \(m) * tx : \(m);")
                let output = { (rows: String, cols: String, w: inout CWriter) in
                    w.block("for (long k = 0; k < \(k); k++)") { w in
                        w.line("float m[\(p)], o[\(m * m)];")
                        w.line("#pragma GCC unroll \(p)")
                        w.line("for (int xi = 0; xi < \(p); xi++) m[xi] = mt[(xi * \(chunk) + t) * \(k) + k];")
                        w.line("\(tile.helper)_output(m, o);")
                        w.line("for (long i = 0; i < \(rows); i++)")
                        w.line("    for (long j = 0; j < \(cols); j++) y00[(i * \(width) + j) * \(k) + k] = o[\(m) * i + j];")
                    }
                }
                w.block("if (rows == \(m) && cols == \(m))") { w in
                    output("\(m)", "\(m)", &w)
                    w.line("continue;")
                }
                output("rows", "cols", &w)
            }
        }
        w.line("free(vt);")
        w.line("free(mt);")
        w.line("free(zero);")
    }
    w.line("for (int xi = 0; xi < \(p); xi++) free(packed[xi]);")
}

/// dw of `d` as Winograd: the forward is y = Aᵀ[U ⊙ V]A per tile with U = G g Gᵀ, so
/// ∂L/∂U[ξ] = Σ_tiles E[ξ] V[ξ] with E = A dY Aᵀ (the tile's m x m of dy spread to alpha x alpha), and
/// dw = Gᵀ (∂L/∂U) G. Per chunk of tiles: V (ξ, T, C) from x and E (ξ, T, K) from dy, then per ξ
/// acc[ξ] (K, C) += E[ξ]ᵀ · V[ξ] (`breastai_gemm_f32_tn`; in bf16 `breastai_gemm_bf16`, E and V rounded). Thread `thread` takes a fixed
/// contiguous range of chunks into its own (ξ, K, C) partial; the partials are added in thread
/// order (deterministic for a given thread count), then transformed to (K, C, 3, 3).
func emitWinogradBackwardWeight(_ d: ConvShape, dy: String, x: String, dw: String, assign: String, _ precision: Precision,
                                _ w: inout CWriter) {
    let (c, k) = (d.c, d.k), bf16 = precision == .bf16, tile = WinogradTile(precision), m = tile.m, p = tile.points
    let th = (d.ho + m - 1) / m, tw = (d.wo + m - 1) / m, tiles = d.n * th * tw
    let chunk = min(tiles, 128), chunks = (tiles + chunk - 1) / chunk, part = p * k * c
    w.line("/* Winograd \(tile.name) weight gradient: \(tiles) tiles in chunks of \(chunk); per chunk V = Bᵀ d B (\(p), tiles, C) and")
    w.line(" * E = A dY Aᵀ (\(p), tiles, K), acc[ξ] (K, C) += E[ξ]ᵀ · V[ξ]; dw = Gᵀ acc G. */")
    w.line("const int max_threads = omp_get_max_threads();")
    w.line("float *restrict part = calloc((size_t)max_threads * \(part), sizeof(float));  /* (threads, \(p), K, C) */")
    w.line("if (!part) abort();")
    w.line("int threads = 1;")
    w.line("#pragma omp parallel num_threads(max_threads)")
    w.block("") { w in
        w.line("const int thread = omp_get_thread_num(), team = omp_get_num_threads();")
        w.line("if (thread == 0) threads = team;")
        w.line("float *restrict vt = malloc(sizeof(float) * \(p * chunk * c));  /* V (\(p), chunk, C) */")
        w.line("float *restrict et = malloc(sizeof(float) * \(p * chunk * k));  /* E (\(p), chunk, K) */")
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
            emitInputTransform(tile, n: d.n, h: d.h, w: d.w, c: c, chunk: chunk, x: x, &w)
            w.line("/* E = A dY Aᵀ: the tile's \(m)x\(m) of dy (0 past the last row or column) spread to \(tile.alpha)x\(tile.alpha) */")
            w.block("for (long t = 0; t < count; t++)") { w in
                w.line("const long n = (t0 + t) / \(th * tw), ty = (t0 + t) / \(tw) % \(th), tx = (t0 + t) % \(tw);")
                w.line("const float *q[\(m)][\(m)];  /* the tile's pixels of dy, `zero` outside it */")
                w.line("for (int i = 0; i < \(m); i++) for (int j = 0; j < \(m); j++) {")
                w.line("    const long oh = \(m) * ty + i, ow = \(m) * tx + j;")
                w.line("    q[i][j] = oh < \(d.ho) && ow < \(d.wo) ? \(dy) + ((n * \(d.ho) + oh) * \(d.wo) + ow) * \(k) : zero;")
                w.line("}")
                w.block("for (long k = 0; k < \(k); k++)") { w in
                    w.line("float g[\(m * m)], e[\(p)];")
                    w.line("#pragma GCC unroll \(m * m)")
                    w.line("for (int i = 0; i < \(m * m); i++) g[i] = q[i / \(m)][i % \(m)][k];")
                    w.line("\(tile.helper)_spread(g, e);")
                    w.line("#pragma GCC unroll \(p)")
                    w.line("for (int xi = 0; xi < \(p); xi++) et[(xi * \(chunk) + t) * \(k) + k] = e[xi];")
                }
            }
            w.line("for (int xi = 0; xi < \(p); xi++)")
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
            w.line("float s[\(p)], o[9];")
            w.block("for (int xi = 0; xi < \(p); xi++)") { w in
                w.line("s[xi] = 0.0f;")
                w.line("for (int thread = 0; thread < threads; thread++) s[xi] += part[(((long)thread * \(p) + xi) * \(k) + k) * \(c) + c];")
            }
            w.line("\(tile.helper)_weight_grad(s, o);")
            w.line("for (int i = 0; i < 9; i++) \(dw)[(k * \(c) + c) * 9 + i] \(assign) o[i];")
        }
    }
    w.line("free(part);")
}

/// V = Bᵀ d B for the tiles [t0, t0 + count) of a chunk into `vt` (ξ, chunk, C), channels
/// innermost; `zero` stands for the pixels outside x.
private func emitInputTransform(_ tile: WinogradTile, n: Int, h: Int, w width: Int, c: Int, chunk: Int, x: String, _ w: inout CWriter) {
    let (m, a, p) = (tile.m, tile.alpha, tile.points)
    let th = (h + m - 1) / m, tw = (width + m - 1) / m
    w.line("/* V = Bᵀ d B, channels innermost */")
    w.block("for (long t = 0; t < count; t++)") { w in
        w.line("const long n = (t0 + t) / \(th * tw), ty = (t0 + t) / \(tw) % \(th), tx = (t0 + t) % \(tw);")
        w.line("const float *p[\(a)][\(a)];  /* the patch's pixels, `zero` outside x */")
        w.line("for (int i = 0; i < \(a); i++) for (int j = 0; j < \(a); j++) {")
        w.line("    const long ih = \(m) * ty - 1 + i, iw = \(m) * tx - 1 + j;")
        w.line("    p[i][j] = ih < 0 || ih >= \(h) || iw < 0 || iw >= \(width) ? zero : \(x) + ((n * \(h) + ih) * \(width) + iw) * \(c);")
        w.line("}")
        w.block("for (long c = 0; c < \(c); c++)") { w in
            w.line("float q[\(p)], v[\(p)];")
            w.line("#pragma GCC unroll \(p)")
            w.line("for (int i = 0; i < \(p); i++) q[i] = p[i / \(a)][i % \(a)][c];")
            w.line("\(tile.helper)_input(q, v);")
            w.line("#pragma GCC unroll \(p)")
            w.line("for (int xi = 0; xi < \(p); xi++) vt[(xi * \(chunk) + t) * \(c) + c] = v[xi];")
        }
    }
}
