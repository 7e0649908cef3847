import Graph

// The fast convolution templates: implicit GEMM for dense and grouped convolutions, and
// channels-innermost loops for depthwise ones. Their naive twins are in `CEmitter+Conv`.
//
// Implicit GEMM never builds the whole im2col matrix: each thread gathers one tile of it — a
// block of pixels × every tap — into its own scratch and hands it to one GEMM (the packed one of
// `TileWeight`, or `cblas_sgemm`), which runs single-threaded inside an OpenMP parallel region (the
// OpenMP build of OpenBLAS checks `omp_in_parallel`). Weights are re-laid out once per call so the gathered columns are runs of
// contiguous channels:
//
//     forward  y (N·Ho·Wo, K)  = im2col(x) (N·Ho·Wo, R·S·C) · w'ᵀ,  w' (K, R, S, C)
//     dx       dx (N·H·W, C)   = taps(dy) (N·H·W, R·S·K) · w''     per stride phase, w'' (R, S, K, C) flipped
//              (stride 1, or groups; a strided dense dx runs by rows of dy instead, `CEmitter+StridedDx`)
//     dw       dw' (K, R·S·C)  = Σ_tiles dy_tileᵀ · im2col(x)_tile  per-thread partials, summed in thread order
//
// Each output element is written by one thread and every reduction has a fixed order for a given
// thread count (no atomics), so results are bit-identical from run to run.

/// Bytes of gathered taps per tile, measured on the S shapes: large tiles for forward and dx, so
/// that sgemm's packing of the weight is paid over many pixels; smaller ones for dw, whose
/// (K, R·S·C) accumulator stays in cache while the tiles stream through it.
private let tileBytes = 512 * 1024
private let weightTileBytes = 128 * 1024

/// Pixels per tile when each pixel gathers `columns` floats: about `bytes` of tile, a multiple of
/// 16 (the sgemm kernel's rows), between 128 and 1024, and at most `total`.
private func tilePixels(_ columns: Int, bytes: Int = tileBytes, total: Int) -> Int {
    min(total, max(128, min(1024, bytes / (4 * columns) / 16 * 16)))
}

private func ceilDiv(_ a: Int, _ b: Int) -> Int { (a + b - 1) / b }

/// `v·mul + add` as C, leaving out a factor of 1 and a term of 0.
func affine(_ v: String, _ mul: Int, _ add: Int) -> String {
    let s = mul == 1 ? v : "\(v) * \(mul)"
    return add > 0 ? "\(s) + \(add)" : add < 0 ? "\(s) - \(-add)" : s
}

/// ` + g * n` for a group offset, nothing without groups.
private func groupOffset(_ g: String?, _ n: Int) -> String { g.map { " + \($0) * \(n)" } ?? "" }

/// `body(nil)` with one group, else a loop over the groups with `body("g")`.
private func forEachGroup(_ d: ConvShape, _ w: inout CWriter, _ body: (String?, inout CWriter) -> Void) {
    if d.groups == 1 { body(nil, &w); return }
    w.block("for (long g = 0; g < \(d.groups); g++)") { w in body("g", &w) }
}

/// Declares `m0` and `pixels` of tile `t` of `tile` pixels among `total`.
private func emitTileRange(tile: Int, total: String, _ w: inout CWriter) {
    w.line("const long m0 = t * \(tile), pixels = m0 + \(tile) <= \(total) ? \(tile) : \(total) - m0;")
}

// MARK: - Dense and grouped: implicit GEMM

/// The weight operand of a GEMM repeated over tiles, `op(B)` (k, n), packed once before the tiles
/// rather than by every tile's call: in bf16 rounded and packed by `breastai_gemm_bf16_pack`, in
/// fp32 packed by `breastai_gemm_f32_pack` when `packsF32(n:)` (measured faster than sgemm, which
/// packs the whole weight in every call); else each tile's `cblas_sgemm` takes it as it is.
/// Grouped convolutions (`packable` false) keep one sgemm per group. The sums are the same packed
/// or not in bf16; in fp32 the packed GEMM sums in its own fixed order (deterministic too).
struct TileWeight {
    enum Kind { case sgemm, f32, bf16 }
    var kind: Kind
    var name: String
    var transposed: Bool
    var n: String, k: String, ld: String

    init(_ precision: Precision, packable: Bool = true, name: String, transposed: Bool, n: Int, k: String, ld: String) {
        kind = !packable ? .sgemm : precision == .bf16 ? .bf16 : packsF32(n: n) ? .f32 : .sgemm
        self.name = name; self.transposed = transposed; self.n = "\(n)"; self.k = k; self.ld = ld
    }

    var packed: Bool { kind != .sgemm }
    private var trans: String { transposed ? "CblasTrans" : "CblasNoTrans" }
    private var packedName: String { name + (kind == .bf16 ? "_bf16" : "_f32") }

    /// Before the parallel region: the packed copy.
    func pack(_ w: inout CWriter) {
        switch kind {
        case .sgemm: return
        case .bf16: w.line("uint32_t *\(packedName) = breastai_gemm_bf16_pack(\(trans), \(n), \(k), \(name), \(ld));  /* bf16, packed once for every tile */")
        case .f32: w.line("float *\(packedName) = breastai_gemm_f32_pack(\(trans), \(n), \(k), \(name), \(ld));  /* packed once for every tile */")
        }
    }

    /// C (m, n) = A (m, k) · op(B), A row-major.
    func gemm(m: String, a: String, lda: String, c: String, ldc: String) -> String {
        switch kind {
        case .bf16: return "breastai_gemm_bf16_packed(CblasNoTrans, \(m), \(n), \(k), 1.0f, \(a), \(lda), \(packedName), 0.0f, \(c), \(ldc));"
        case .f32: return "breastai_gemm_f32_packed(CblasNoTrans, \(m), \(n), \(k), 1.0f, \(a), \(lda), \(packedName), 0.0f, \(c), \(ldc));"
        case .sgemm: return "cblas_sgemm(CblasRowMajor, CblasNoTrans, \(trans), \(m), \(n), \(k), 1.0f, \(a), \(lda), \(name), \(ld), 0.0f, \(c), \(ldc));"
        }
    }

    /// After the parallel region.
    func release(_ w: inout CWriter) {
        if packed { w.line("free(\(packedName));") }
    }
}

/// `wt` (K, R, S, Cg): the OIHW weight with channels innermost, so row k of `wt` matches the
/// columns (r, s, c) of an im2col tile (and, in `emitStridedBackwardInputByRows`, of a dy row's products).
func emitWeightOHWI(_ d: ConvShape, w wp: String, _ w: inout CWriter) {
    w.line("float *restrict wt = malloc(sizeof(float) * \(d.k * d.cg * d.r * d.s));  /* (K, R, S, Cg) */")
    w.line("if (!wt) abort();")
    w.line("for (long k = 0; k < \(d.k); k++) for (long c = 0; c < \(d.cg); c++) for (long r = 0; r < \(d.r); r++) for (long s = 0; s < \(d.s); s++)")
    w.line("    wt[((k * \(d.r) + r) * \(d.s) + s) * \(d.cg) + c] = \(wp)[((k * \(d.cg) + c) * \(d.r) + r) * \(d.s) + s];")
}

/// Gathers rows m0 ..< m0 + pixels of im2col(x), group `g`'s channels, into `col` (pixels, R·S·Cg).
/// Without groups, the S taps of a kernel row are one contiguous run of x, copied at once away from
/// the left and right borders.
private func emitIm2colTile(_ d: ConvShape, x: String, group g: String?, _ w: inout CWriter) {
    let columns = d.r * d.s * d.cg
    let ih = affine("oh", d.stride, -d.pad), iw = affine("ow", d.stride, -d.pad)
    w.line("/* im2col tile: col[p, (r, s, c)] = x[n, \(ih) + r, \(iw) + s, c], 0 in the padding */")
    w.block("for (long p = 0; p < pixels; p++)") { w in
        w.line("const long m = m0 + p, n = m / \(d.ho * d.wo), oh = m / \(d.wo) % \(d.ho), ow = m % \(d.wo);")
        w.block("for (long r = 0; r < \(d.r); r++)") { w in
            w.line("const long ih = \(ih) + r, iw0 = \(iw);")
            if d.groups == 1 {
                w.line("float *restrict dst = col + p * \(columns) + r * \(d.s * d.c);")
                w.line("if (ih < 0 || ih >= \(d.h)) { memset(dst, 0, \(d.s * d.c) * sizeof(float)); continue; }")
                w.line("const long row = (n * \(d.h) + ih) * \(d.w);")
                w.line("if (iw0 >= 0 && iw0 + \(d.s) <= \(d.w)) { memcpy(dst, \(x) + (row + iw0) * \(d.c), \(d.s * d.c) * sizeof(float)); continue; }")
                w.block("for (long s = 0; s < \(d.s); s++)") { w in
                    w.line("const long iw = iw0 + s;")
                    w.line("if (iw < 0 || iw >= \(d.w)) memset(dst + s * \(d.c), 0, \(d.c) * sizeof(float));")
                    w.line("else memcpy(dst + s * \(d.c), \(x) + (row + iw) * \(d.c), \(d.c) * sizeof(float));")
                }
            } else {
                w.block("for (long s = 0; s < \(d.s); s++)") { w in
                    w.line("const long iw = iw0 + s;")
                    w.line("float *restrict dst = col + p * \(columns) + (r * \(d.s) + s) * \(d.cg);")
                    w.line("if (ih < 0 || ih >= \(d.h) || iw < 0 || iw >= \(d.w)) memset(dst, 0, \(d.cg) * sizeof(float));")
                    w.line("else memcpy(dst, \(x) + ((n * \(d.h) + ih) * \(d.w) + iw) * \(d.c)\(groupOffset(g, d.cg)), \(d.cg) * sizeof(float));")
                }
            }
        }
    }
}

/// Forward: per tile of output pixels, gather im2col and multiply by the re-laid-out weight.
func emitImplicitGemmForward(_ d: ConvShape, x: String, w wp: String, y: String, _ precision: Precision, _ w: inout CWriter) {
    let columns = d.r * d.s * d.cg, total = d.outRows
    let tile = tilePixels(columns, total: total)
    // Grouped convolutions keep one call per group with the group's rows of wt.
    let weight = TileWeight(precision, packable: d.groups == 1, name: "wt", transposed: true, n: d.kg, k: "\(columns)", ld: "\(columns)")
    w.line("/* Implicit GEMM: y (N·Ho·Wo, Kg) = im2col(x) (N·Ho·Wo, R·S·Cg) · wtᵀ per group, wt = w as (K, R, S, Cg).")
    w.line(" * Tiles of \(tile) output pixels: each thread gathers its tile of im2col into scratch, then one sgemm. */")
    emitWeightOHWI(d, w: wp, &w)
    weight.pack(&w)
    w.line("#pragma omp parallel")
    w.block("") { w in
        w.line("float *restrict col = malloc(sizeof(float) * \(tile * columns));  /* (\(tile), R·S·Cg): one tile of im2col */")
        w.line("if (!col) abort();")
        w.line("#pragma omp for schedule(static)")
        w.block("for (long t = 0; t < \(ceilDiv(total, tile)); t++)") { w in
            emitTileRange(tile: tile, total: "\(total)", &w)
            forEachGroup(d, &w) { g, w in
                emitIm2colTile(d, x: x, group: g, &w)
                w.line("/* y[m0 ..< m0 + pixels] (pixels, Kg) = col (pixels, R·S·Cg) · wtᵀ (R·S·Cg, Kg) */")
                if weight.packed {
                    w.line(weight.gemm(m: "pixels", a: "col", lda: "\(columns)", c: "\(y) + m0 * \(d.k)", ldc: "\(d.k)"))
                } else {
                    w.line("cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, pixels, \(d.kg), \(columns), 1.0f, col, \(columns), "
                           + "wt\(groupOffset(g, d.kg * columns)), \(columns), 0.0f, \(y) + m0 * \(d.k)\(groupOffset(g, d.kg)), \(d.k));")
                }
            }
        }
        w.line("free(col);")
    }
    weight.release(&w)
    w.line("free(wt);")
}

/// Backward-weight: dw' (K, R·S·Cg) = Σ over tiles of dy_tileᵀ · im2col tile. Thread `thread`
/// sums a fixed contiguous range of tiles into its own partial; the partials are then added in
/// thread order (deterministic for a given thread count) and re-laid out to OIHW.
func emitImplicitGemmBackwardWeight(_ d: ConvShape, dy: String, x: String, dw: String, assign: String = "=", _ w: inout CWriter) {
    let columns = d.r * d.s * d.cg, total = d.outRows
    let tile = tilePixels(columns, bytes: weightTileBytes, total: total)
    let tiles = ceilDiv(total, tile)
    w.line("/* Implicit GEMM: dw (Kg, R·S·Cg) = Σ_tiles dy_tileᵀ (Kg, pixels) · im2col(x)_tile (pixels, R·S·Cg) per group.")
    w.line(" * Tiles of \(tile) output pixels; each thread sums a fixed range of tiles into its own partial, then the")
    w.line(" * partials are added in thread order. */")
    w.line("const int max_threads = omp_get_max_threads();")
    w.line("float *restrict part = calloc((size_t)max_threads * \(d.k * columns), sizeof(float));  /* (threads, K, R, S, Cg) */")
    w.line("if (!part) abort();")
    w.line("int threads = 1;")
    w.line("#pragma omp parallel num_threads(max_threads)")
    w.block("") { w in
        w.line("const int thread = omp_get_thread_num(), team = omp_get_num_threads();")
        w.line("if (thread == 0) threads = team;")
        w.line("float *restrict col = malloc(sizeof(float) * \(tile * columns));  /* (\(tile), R·S·Cg): one tile of im2col */")
        w.line("if (!col) abort();")
        w.line("float *restrict acc = part + (long)thread * \(d.k * columns);  /* (K, R·S·Cg) */")
        w.block("for (long t = \(tiles)L * thread / team; t < \(tiles)L * (thread + 1) / team; t++)") { w in
            emitTileRange(tile: tile, total: "\(total)", &w)
            forEachGroup(d, &w) { g, w in
                emitIm2colTile(d, x: x, group: g, &w)
                w.line("/* acc (Kg, R·S·Cg) += dy[m0 ..< m0 + pixels]ᵀ (Kg, pixels) · col (pixels, R·S·Cg) */")
                w.line("cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, \(d.kg), \(columns), pixels, 1.0f, "
                       + "\(dy) + m0 * \(d.k)\(groupOffset(g, d.kg)), \(d.k), col, \(columns), 1.0f, acc\(groupOffset(g, d.kg * columns)), \(columns));")
            }
        }
        w.line("free(col);")
    }
    w.line("/* dw[k, c, r, s] = Σ_thread part[thread, k, r, s, c], in thread order */")
    w.line("#pragma omp parallel for schedule(static)")
    w.block("for (long k = 0; k < \(d.k); k++)") { w in
        w.block("for (long c = 0; c < \(d.cg); c++) for (long r = 0; r < \(d.r); r++) for (long s = 0; s < \(d.s); s++)") { w in
            w.line("float sum = 0.0f;")
            w.line("for (int thread = 0; thread < threads; thread++) sum += part[((long)thread * \(d.k) + k) * \(columns) + (r * \(d.s) + s) * \(d.cg) + c];")
            w.line("\(dw)[((k * \(d.cg) + c) * \(d.r) + r) * \(d.s) + s] \(assign) sum;")
        }
    }
    w.line("free(part);")
}

/// Stride phases of the backward-input: the input pixels (ih, iw) with ih ≡ fh, iw ≡ fw (mod
/// stride) are reached only by the taps r ≡ fh + pad, s ≡ fw + pad (mod stride) — `tr` × `ts` of
/// them, from (r0, s0). Counting those taps from the last, pixel (a, b) of the phase (ih = a·stride
/// + fh) takes from tap (i, j) the gradient dy[a + shift_h + i, b + shift_w + j]: per phase, a stride-1
/// correlation of dy with the flipped kernel. At stride 1 there is one phase with every tap.
/// Backward-input, gather form (every dx pixel written by one thread): per phase and tile of input
/// pixels, gather the dy taps reaching each pixel and multiply by the weight re-laid out as
/// (taps, K, C).
func emitImplicitGemmBackwardInput(_ d: ConvShape, dy: String, w wp: String, dx: String, _ precision: Precision, _ w: inout CWriter) {
    let st = d.stride
    let maxTaps = ceilDiv(d.r, st) * ceilDiv(d.s, st)
    let columns = maxTaps * d.kg
    let tile = tilePixels(columns, total: d.n * ceilDiv(d.h, st) * ceilDiv(d.w, st))
    w.line("/* Implicit GEMM in gather form: dx (pixels, Cg) = taps(dy) (pixels, TR·TS·Kg) · wt (TR·TS·Kg, Cg) per group,")
    w.line(" * where the TR × TS taps reaching a pixel are gathered in flipped order into scratch (zero outside dy).")
    if st > 1 {
        w.line(" * Pixels are split into the \(st * st) phases (ih % \(st), iw % \(st)): each phase sees its own subset of taps.")
    }
    w.line(" * Tiles of up to \(tile) input pixels; each thread gathers its tile, then one sgemm. */")
    w.line("float *restrict wt = malloc(sizeof(float) * \(maxTaps * d.kg * d.c));  /* (G, TR, TS, Kg, Cg) of the phase */")
    w.line("if (!wt) abort();")
    if st == 1 {
        emitDxPhase(d, tr: "\(d.r)", ts: "\(d.s)", tile: tile, dy: dy, w: wp, dx: dx, precision, &w)
    } else {
        w.block("for (long fh = 0; fh < \(st); fh++) for (long fw = 0; fw < \(st); fw++)") { w in
            w.line("const long r0 = (fh + \(d.pad)) % \(st), s0 = (fw + \(d.pad)) % \(st);  /* first tap of the phase */")
            let tr = d.r < st ? "r0 < \(d.r) ? (\(d.r - 1) - r0) / \(st) + 1 : 0" : "(\(d.r - 1) - r0) / \(st) + 1"
            let ts = d.s < st ? "s0 < \(d.s) ? (\(d.s - 1) - s0) / \(st) + 1 : 0" : "(\(d.s - 1) - s0) / \(st) + 1"
            w.line("const long tr = \(tr), ts = \(ts);  /* taps of the phase */")
            w.line("const long shift_h = (fh + \(d.pad) - r0) / \(st) - (tr - 1), shift_w = (fw + \(d.pad) - s0) / \(st) - (ts - 1);")
            w.line("const long ha = (\(d.h + st - 1) - fh) / \(st), wb = (\(d.w + st - 1) - fw) / \(st);  /* pixels of the phase */")
            if d.r < st || d.s < st {
                w.block("if (tr == 0 || ts == 0)") { w in
                    w.line("/* no tap reaches these pixels */")
                    w.line("#pragma omp parallel for schedule(static)")
                    w.block("for (long m = 0; m < \(d.n) * ha * wb; m++)") { w in
                        w.line("const long n = m / (ha * wb), ih = m / wb % ha * \(st) + fh, iw = m % wb * \(st) + fw;")
                        w.line("memset(\(dx) + ((n * \(d.h) + ih) * \(d.w) + iw) * \(d.c), 0, \(d.c) * sizeof(float));")
                    }
                    w.line("continue;")
                }
            }
            emitDxPhase(d, tr: "tr", ts: "ts", tile: tile, dy: dy, w: wp, dx: dx, precision, &w)
        }
    }
    w.line("free(wt);")
}

/// One phase of the backward-input: re-lay the weight out for its taps, then the tiles in parallel.
private func emitDxPhase(_ d: ConvShape, tr: String, ts: String, tile: Int, dy: String, w wp: String, dx: String, _ precision: Precision,
                         _ w: inout CWriter) {
    let st = d.stride
    let taps = st == 1 ? "\(d.r * d.s)" : "tr * ts"
    let columns = st == 1 ? "\(d.r * d.s * d.kg)" : "tr * ts * \(d.kg)"
    let total = st == 1 ? "\(d.rows)" : "\(d.n) * ha * wb"
    let tiles = st == 1 ? "\(ceilDiv(d.rows, tile))" : "(\(total) + \(tile - 1)) / \(tile)"
    let rTap = st == 1 ? "\(d.r - 1) - i" : "r0 + (tr - 1 - i) * \(st)"
    let sTap = st == 1 ? "\(d.s - 1) - j" : "s0 + (ts - 1 - j) * \(st)"
    w.line("/* wt[g, i, j, k, c] = w[g·Kg + k, c, \(rTap), \(sTap)]: the phase's taps, flipped */")
    w.line("for (long k = 0; k < \(d.k); k++) for (long i = 0; i < \(tr); i++) for (long j = 0; j < \(ts); j++) for (long c = 0; c < \(d.cg); c++)")
    let row = d.groups == 1 ? "(i * \(ts) + j) * \(d.k) + k" : "((k / \(d.kg) * \(tr) + i) * \(ts) + j) * \(d.kg) + k % \(d.kg)"
    w.line("    wt[(\(row)) * \(d.cg) + c] = \(wp)[((k * \(d.cg) + c) * \(d.r) + \(rTap)) * \(d.s) + \(sTap)];")
    let weight = TileWeight(precision, packable: d.groups == 1, name: "wt", transposed: false, n: d.cg, k: columns, ld: "\(d.cg)")
    weight.pack(&w)
    w.line("#pragma omp parallel")
    w.block("") { w in
        w.line("float *restrict col = malloc(sizeof(float) * \(times("\(tile)", columns)));  /* (\(tile), TR·TS·Kg): one tile of dy taps */")
        if st > 1 { w.line("float *restrict out = malloc(sizeof(float) * \(tile * d.cg));  /* (\(tile), Cg): dx of the tile */") }
        w.line(st > 1 ? "if (!col || !out) abort();" : "if (!col) abort();")
        w.line("#pragma omp for schedule(static)")
        w.block("for (long t = 0; t < \(tiles); t++)") { w in
            emitTileRange(tile: tile, total: st == 1 ? total : "(\(total))", &w)
            forEachGroup(d, &w) { g, w in
                // The pixel's coordinates in the phase grid: (n, a, b), with ih = a·stride + fh.
                let coords = st == 1 ? "n = m / \(d.h * d.w), ih = m / \(d.w) % \(d.h), iw = m % \(d.w)"
                                     : "n = m / (ha * wb), a = m / wb % ha, b = m % wb"
                let oh = st == 1 ? affine("ih", 1, d.pad - d.r + 1) : "a + shift_h"
                let ow = st == 1 ? affine("iw", 1, d.pad - d.s + 1) : "b + shift_w"
                let run = times(ts, d.k)
                w.line("/* taps tile: col[p, (i, j, k)] = dy[n, \(oh) + i, \(ow) + j, k], 0 outside dy */")
                w.block("for (long p = 0; p < pixels; p++)") { w in
                    w.line("const long m = m0 + p, \(coords);")
                    w.block("for (long i = 0; i < \(tr); i++)") { w in
                        w.line("const long oh = \(oh) + i, ow0 = \(ow);")
                        if d.groups == 1 {
                            // The ts taps of a row are one contiguous run of dy, copied at once inside dy.
                            w.line("float *restrict dst = col + (p * \(tr) + i) * \(run);")
                            w.line("if (oh < 0 || oh >= \(d.ho)) { memset(dst, 0, \(run) * sizeof(float)); continue; }")
                            w.line("const long row = (n * \(d.ho) + oh) * \(d.wo);")
                            w.line("if (ow0 >= 0 && ow0 + \(ts) <= \(d.wo)) { memcpy(dst, \(dy) + (row + ow0) * \(d.k), \(run) * sizeof(float)); continue; }")
                            w.block("for (long j = 0; j < \(ts); j++)") { w in
                                w.line("const long ow = ow0 + j;")
                                w.line("if (ow < 0 || ow >= \(d.wo)) memset(dst + j * \(d.k), 0, \(d.k) * sizeof(float));")
                                w.line("else memcpy(dst + j * \(d.k), \(dy) + (row + ow) * \(d.k), \(d.k) * sizeof(float));")
                            }
                        } else {
                            w.block("for (long j = 0; j < \(ts); j++)") { w in
                                w.line("const long ow = ow0 + j;")
                                w.line("float *restrict dst = col + ((p * \(tr) + i) * \(ts) + j) * \(d.kg);")
                                w.line("if (oh < 0 || oh >= \(d.ho) || ow < 0 || ow >= \(d.wo)) memset(dst, 0, \(d.kg) * sizeof(float));")
                                w.line("else memcpy(dst, \(dy) + ((n * \(d.ho) + oh) * \(d.wo) + ow) * \(d.k)\(groupOffset(g, d.kg)), \(d.kg) * sizeof(float));")
                            }
                        }
                    }
                }
                let weights = "wt\(groupOffset(g, "\(taps) * \(d.kg * d.cg)"))"
                if st == 1 {
                    w.line("/* dx[m0 ..< m0 + pixels] (pixels, Cg) = col (pixels, R·S·Kg) · wt (R·S·Kg, Cg) */")
                    if weight.packed {
                        w.line(weight.gemm(m: "pixels", a: "col", lda: columns, c: "\(dx) + m0 * \(d.c)", ldc: "\(d.c)"))
                    } else {
                        w.line("cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, pixels, \(d.cg), \(columns), 1.0f, col, \(columns), "
                               + "\(weights), \(d.cg), 0.0f, \(dx) + m0 * \(d.c)\(groupOffset(g, d.cg)), \(d.c));")
                    }
                } else {
                    w.line("/* out (pixels, Cg) = col (pixels, TR·TS·Kg) · wt (TR·TS·Kg, Cg), then to the phase's pixels of dx */")
                    if weight.packed {
                        w.line(weight.gemm(m: "pixels", a: "col", lda: columns, c: "out", ldc: "\(d.cg)"))
                    } else {
                        w.line("cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, pixels, \(d.cg), \(columns), 1.0f, col, \(columns), "
                               + "\(weights), \(d.cg), 0.0f, out, \(d.cg));")
                    }
                    w.block("for (long p = 0; p < pixels; p++)") { w in
                        w.line("const long m = m0 + p, n = m / (ha * wb), ih = m / wb % ha * \(st) + fh, iw = m % wb * \(st) + fw;")
                        w.line("memcpy(\(dx) + ((n * \(d.h) + ih) * \(d.w) + iw) * \(d.c)\(groupOffset(g, d.cg)), out + p * \(d.cg), \(d.cg) * sizeof(float));")
                    }
                }
            }
        }
        w.line(st > 1 ? "free(col); free(out);" : "free(col);")
    }
    weight.release(&w)
}

private func groupOffset(_ g: String?, _ n: String) -> String { g.map { " + \($0) * \(n)" } ?? "" }

/// `a · n` as C: a literal when `a` is one.
private func times(_ a: String, _ n: Int) -> String { Int(a).map { "\($0 * n)" } ?? "\(a) * \(n)" }
private func times(_ a: String, _ b: String) -> String { Int(b).map { times(a, $0) } ?? "\(a) * \(b)" }
