/// Contraction precision: fp32 (OpenBLAS sgemm) or bf16 (bfloat16 inputs, fp32 accumulation).
import Foundation

/// The precision of the contractions of an artifact (`training.precision`, `--precision`).
///
/// In `bf16` every contraction the emitter writes as `cblas_sgemm` calls `breastai_gemm_bf16`
/// instead, with the same arguments: both operands are rounded to bfloat16 (round to nearest
/// even) and the products are summed in float32; the wide Winograd 3x3 convolutions round their
/// transformed operands (`winogradPrecision`). Everything else — depthwise convolutions, the
/// narrow Winograd ones (as in fp32), BatchNorm statistics, the loss, AdamW, EMA, the master
/// weights — stays float32.
public enum Precision: String, CaseIterable, Hashable, Sendable, Codable {
    case fp32
    case bf16
}

/// A kernel body with its contractions routed for `precision`: the `cblas_sgemm` calls become
/// `breastai_gemm_bf16` calls in bf16 (same argument list), unchanged in fp32.
func routeContractions(_ body: String, _ precision: Precision) -> String {
    switch precision {
    case .fp32: return body
    case .bf16: return body.replacingOccurrences(of: "cblas_sgemm(", with: "breastai_gemm_bf16(")
    }
}

/// The declarations bf16 artifacts add to the prelude (`kernels.h`): the kernels call the GEMM
/// (hidden, like the kernels), the runtime asks `breastai_cpu_bf16` through `dlsym` (exported).
let cGemmBF16Declarations = #"""
/* bf16 contractions (gemm_bf16.c): cblas_sgemm's arguments, bfloat16 inputs, float32 sums. */
__attribute__((visibility("hidden"))) void breastai_gemm_bf16(const enum CBLAS_ORDER order, const enum CBLAS_TRANSPOSE transA,
    const enum CBLAS_TRANSPOSE transB, const int m, const int n, const int k, const float alpha, const float *A, const int lda,
    const float *B, const int ldb, const float beta, float *C, const int ldc);
/* op(B) (k, n) rounded and packed once, for many products with the same B (a convolution's weight over
 * its tiles); free() it. breastai_gemm_bf16_packed is breastai_gemm_bf16 with that B: the same sums. */
__attribute__((visibility("hidden"))) uint32_t *breastai_gemm_bf16_pack(const enum CBLAS_TRANSPOSE transB, const int n, const int k,
    const float *B, const int ldb);
__attribute__((visibility("hidden"))) void breastai_gemm_bf16_packed(const enum CBLAS_TRANSPOSE transA, const int m, const int n,
    const int k, const float alpha, const float *A, const int lda, const uint32_t *packedB, const float beta, float *C, const int ldc);
/* 1 when this CPU executes AVX512-BF16; the runtime asks before it runs anything. */
int breastai_cpu_bf16(void);
"""#

/// The name of the translation unit that holds the bf16 GEMM in a bf16 artifact.
let gemmBF16UnitName = "gemm_bf16.c"

/// The bf16 GEMM's translation unit: the header, then `cGemmBF16`.
var gemmBF16Unit: CUnit {
    CUnit(name: gemmBF16UnitName, text: "/* The bf16 GEMM of every contraction of this artifact. */\n#include \"\(CSource.headerName)\"\n\n" + cGemmBF16)
}

/// The C of `breastai_gemm_bf16` and `breastai_cpu_bf16` (after the prelude's `cblas.h`, `omp.h`,
/// `stdint.h`, `stdlib.h` and `string.h` and `cGemmBF16Declarations`).
public let cGemmBF16 = #"""
/* 1 when this CPU executes AVX512-BF16 (CPUID through the compiler's runtime). */
int breastai_cpu_bf16(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512bf16");
}

/* breastai_gemm_bf16: C = alpha · op(A) · op(B) + beta · C, row-major, the arguments of cblas_sgemm.
 *
 * The operands are rounded to bfloat16 while they are packed (round to nearest even, NaN kept
 * as 0x7FC0, denormals kept: torch's float -> bfloat16), multiplied with AVX512-BF16's
 * vdpbf16ps, and accumulated in float32. Blocking (BLIS order):
 *
 *     for each KC block of k:       pack op(B) (KC, N) as NR-column panels of k-pairs (or take it
 *                                   packed once: breastai_gemm_bf16_pack)
 *       for each MC block of rows:  pack op(A) (MC, KC) as k-pairs: row by row when A's k is
 *                                   contiguous (vector stores), else as MR-row panels
 *         for each NR panel, MR panel: the MR x NR micro-kernel, KC/2 vdpbf16ps steps per vector
 *
 * Called outside a parallel region it runs on the OpenMP team, each thread a fixed contiguous
 * range of MC blocks (and its own packed copy of op(B): no barrier); inside one (the tiled
 * convolutions) it runs on the calling thread. Each element of C is summed by one thread in a
 * fixed order of k whatever the thread count: bit-identical from run to run and across thread
 * counts. The functions carry their own target attribute, so the file compiles on any x86-64 GCC
 * or Clang. */
#include <immintrin.h>

#define BA_MR 12   /* most rows of a micro-kernel: 12 x 2 (or 8 x 3) accumulators of 16 floats */
#define BA_KC 384  /* k per packed block (even) */
#define BA_MC 96   /* rows per packed block of A (a multiple of BA_MR) */
#define BA_KC2 (BA_KC / 2)   /* k-pairs per row of A packed row by row (the row stride, whatever the block's kc) */

#define BA_BF16 __attribute__((target("avx512f,avx512bw,avx512vl,avx512bf16")))

/* float -> bfloat16, round to nearest even; NaN -> 0x7FC0 (torch's c10::BFloat16). */
static inline uint16_t ba_bf16(float x) {
    uint32_t u;
    memcpy(&u, &x, sizeof u);
    if ((u & 0x7FFFFFFFU) > 0x7F800000U) return 0x7FC0;
    return (uint16_t)((u + 0x7FFFU + ((u >> 16) & 1U)) >> 16);
}

/* The same rounding for 16 floats, each result in the low half of its 32-bit lane. */
BA_BF16 static inline __m512i ba_bf16x16(__m512 x) {
    const __m512i u = _mm512_castps_si512(x);
    const __m512i odd = _mm512_and_si512(_mm512_srli_epi32(u, 16), _mm512_set1_epi32(1));
    const __m512i r = _mm512_srli_epi32(_mm512_add_epi32(u, _mm512_add_epi32(odd, _mm512_set1_epi32(0x7FFF))), 16);
    const __mmask16 nan = _mm512_cmp_ps_mask(x, x, _CMP_UNORD_Q);
    return _mm512_mask_mov_epi32(r, nan, _mm512_set1_epi32(0x7FC0));
}

/* Packs `rows` rows of a matrix whose k runs along memory (src[i * ld + k], k < kc) as panels of
 * R rows: dst[(p · kc2 + q) · R + i] holds the pair (k = 2q, 2q + 1) of row p·R + i as two
 * bfloat16 (low half first). Rows beyond `rows` and the odd k beyond kc are zero. */
BA_BF16 static void ba_pack_k_contiguous(const float *src, long ld, long rows, long kc, int R, uint32_t *restrict dst) {
    const long kc2 = (kc + 1) / 2, panels = (rows + R - 1) / R;
    for (long p = 0; p < panels; p++) {
        uint32_t *restrict panel = dst + p * kc2 * R;
        for (int i = 0; i < R; i++) {
            const long row = p * R + i;
            if (row >= rows) { for (long q = 0; q < kc2; q++) panel[q * R + i] = 0; continue; }
            const float *s = src + row * ld;
            long q = 0;
            for (; 2 * q + 32 <= kc; q += 16) {
                const __m512i lo = ba_bf16x16(_mm512_loadu_ps(s + 2 * q)), hi = ba_bf16x16(_mm512_loadu_ps(s + 2 * q + 16));
                /* lanes (k, k+1) -> one 32-bit pair: even k in the low half */
                const __m512i even = _mm512_permutex2var_epi32(lo, _mm512_set_epi32(30, 28, 26, 24, 22, 20, 18, 16, 14, 12, 10, 8, 6, 4, 2, 0), hi);
                const __m512i odd = _mm512_permutex2var_epi32(lo, _mm512_set_epi32(31, 29, 27, 25, 23, 21, 19, 17, 15, 13, 11, 9, 7, 5, 3, 1), hi);
                uint32_t pairs[16];
                _mm512_storeu_si512(pairs, _mm512_or_si512(even, _mm512_slli_epi32(odd, 16)));
                for (int j = 0; j < 16; j++) panel[(q + j) * R + i] = pairs[j];
            }
            for (; q < kc2; q++) {
                const uint32_t lo = ba_bf16(s[2 * q]), hi = 2 * q + 1 < kc ? ba_bf16(s[2 * q + 1]) : 0;
                panel[q * R + i] = lo | hi << 16;
            }
        }
    }
}

/* Packs `cols` columns of a matrix whose columns run along memory (src[k * ld + j]) into the
 * same panel layout: dst[(p · kc2 + q) · R + j] is the pair (k = 2q, 2q + 1) of column p·R + j. */
BA_BF16 static void ba_pack_k_strided(const float *src, long ld, long cols, long kc, int R, uint32_t *restrict dst) {
    const long kc2 = (kc + 1) / 2, panels = (cols + R - 1) / R;
    for (long p = 0; p < panels; p++) {
        uint32_t *restrict panel = dst + p * kc2 * R;
        const long j0 = p * R, width = cols - j0 < R ? cols - j0 : R;
        for (long q = 0; q < kc2; q++) {
            const float *r0 = src + 2 * q * ld + j0, *r1 = r0 + ld;
            const int second = 2 * q + 1 < kc;
            for (long j = 0; j < R; j += 16) {
                /* masked loads read only the matrix and give zeros past its last column */
                const long valid = width - j >= 16 ? 16 : width - j > 0 ? width - j : 0;
                const __mmask16 in = (__mmask16)((1U << valid) - 1), out = R - j >= 16 ? 0xFFFF : (__mmask16)((1U << (R - j)) - 1);
                const __m512i lo = ba_bf16x16(_mm512_maskz_loadu_ps(in, r0 + j));
                const __m512i hi = second ? ba_bf16x16(_mm512_maskz_loadu_ps(in, r1 + j)) : _mm512_setzero_si512();
                _mm512_mask_storeu_epi32(panel + q * R + j, out, _mm512_or_si512(lo, _mm512_slli_epi32(hi, 16)));
            }
        }
    }
}

/* Packs `rows` rows of a matrix whose k runs along memory (src[i * ld + k], k < kc) row by row, for
 * the micro-kernel's A: dst[i · BA_KC2 + q] is the pair (k = 2q, 2q + 1) of row i. Each row is one
 * run of vector loads, roundings and stores (the panel layout above needs a store per pair). Rows
 * up to the next multiple of R (the micro-kernel's rows) beyond `rows`, and the odd k beyond kc, are zero. */
BA_BF16 static void ba_pack_rows(const float *src, long ld, long rows, long kc, int R, uint32_t *restrict dst) {
    const long kc2 = (kc + 1) / 2, padded = (rows + R - 1) / R * R;
    const __m512i even_k = _mm512_set_epi32(30, 28, 26, 24, 22, 20, 18, 16, 14, 12, 10, 8, 6, 4, 2, 0);
    const __m512i odd_k = _mm512_set_epi32(31, 29, 27, 25, 23, 21, 19, 17, 15, 13, 11, 9, 7, 5, 3, 1);
    for (long i = 0; i < padded; i++) {
        uint32_t *restrict d = dst + i * BA_KC2;
        if (i >= rows) { memset(d, 0, (size_t)kc2 * sizeof *d); continue; }
        const float *s = src + i * ld;
        for (long q = 0; q < kc2; q += 16) {
            /* floats 2q ..< 2q + 32 (masked at kc: zeros beyond), pairs q ..< q + 16 (masked at kc2) */
            const long left = kc - 2 * q, pairs = kc2 - q;
            const __mmask16 in0 = left >= 16 ? 0xFFFF : (__mmask16)((1U << left) - 1);
            const __mmask16 in1 = left >= 32 ? 0xFFFF : left <= 16 ? 0 : (__mmask16)((1U << (left - 16)) - 1);
            const __mmask16 out = pairs >= 16 ? 0xFFFF : (__mmask16)((1U << pairs) - 1);
            const __m512i lo = ba_bf16x16(_mm512_maskz_loadu_ps(in0, s + 2 * q)), hi = ba_bf16x16(_mm512_maskz_loadu_ps(in1, s + 2 * q + 16));
            const __m512i even = _mm512_permutex2var_epi32(lo, even_k, hi), odd = _mm512_permutex2var_epi32(lo, odd_k, hi);
            _mm512_mask_storeu_epi32(d + q, out, _mm512_or_si512(even, _mm512_slli_epi32(odd, 16)));
        }
    }
}

/* c (mr, nr) = alpha · a · b_panel + (first ? beta · c : c), over kc2 k-pairs, for an MR x NV·16
 * micro-kernel: pair q of row i of a is a[q · qs + i · is] (a panel: qs = MR, is = 1; rows: qs = 1,
 * is = BA_KC2), b is (kc2, NV·16) pairs. mr <= MR, nr <= NV·16: the rest of the registers is
 * ignored. Inlined into the kernels below, so shape and strides are constants there. */
BA_BF16 static inline __attribute__((always_inline)) void ba_kernel_strided(
        const int MR, const int NV, long kc2, const uint32_t *restrict a, long qs, long is, const uint32_t *restrict b,
        float *restrict c, long ldc, int mr, int nr, float alpha, float beta, int first) {
    __m512 acc[BA_MR][3];
    for (int i = 0; i < MR; i++) for (int v = 0; v < NV; v++) acc[i][v] = _mm512_setzero_ps();
    for (long q = 0; q < kc2; q++) {
        __m512bh bv[3];
        for (int v = 0; v < NV; v++) bv[v] = (__m512bh)_mm512_loadu_si512(b + (q * NV + v) * 16);
        for (int i = 0; i < MR; i++) {
            const __m512bh ai = (__m512bh)_mm512_set1_epi32((int)a[q * qs + i * is]);
            for (int v = 0; v < NV; v++) acc[i][v] = _mm512_dpbf16_ps(acc[i][v], ai, bv[v]);
        }
    }
    const __m512 va = _mm512_set1_ps(alpha), vb = _mm512_set1_ps(beta);
    for (int i = 0; i < mr; i++) {
        float *row = c + i * ldc;
        for (int v = 0; v < NV; v++) {
            const int left = nr - 16 * v;   /* columns of this vector that exist */
            const __mmask16 m = left >= 16 ? 0xFFFF : left <= 0 ? 0 : (__mmask16)((1U << left) - 1);
            __m512 y = _mm512_mul_ps(acc[i][v], va);
            /* a full vector is loaded and stored without a mask: on AMD Zen 4 a masked store to a line that is
             * not in cache is slow (`bench gemm-bf16 --shape 65536,192,48,0,0`, C 50 MB: 224 / 203 -> 322 / 338 GFLOP/s) */
            const int full = m == 0xFFFF;
            if (!first) y = _mm512_add_ps(y, full ? _mm512_loadu_ps(row + 16 * v) : _mm512_maskz_loadu_ps(m, row + 16 * v));
            else if (beta != 0.0f)   /* beta 0: C is not read (BLAS: NaN in C does not propagate) */
                y = _mm512_fmadd_ps(vb, full ? _mm512_loadu_ps(row + 16 * v) : _mm512_maskz_loadu_ps(m, row + 16 * v), y);
            if (full) _mm512_storeu_ps(row + 16 * v, y);
            else _mm512_mask_storeu_ps(row + 16 * v, m, y);
        }
    }
}

/* The micro-kernels: 12 rows x 32 columns (two vectors), or 8 x 48 (three vectors) when N is a
 * multiple of 48 but not of 32 (features.2's 48 channels, where 12 x 32 would compute a quarter
 * of its sums for nothing), or 8 x 48 and 8 x 32 side by side when N is a multiple of 16 but of
 * neither (ba_n48); A as a panel (ba_pack_k_strided: op(A) stored k-major) or row by row
 * (ba_pack_rows: op(A) with k contiguous). */
typedef void (*ba_kernel_fn)(long kc2, const uint32_t *restrict a, const uint32_t *restrict b, float *restrict c, long ldc,
                             int mr, int nr, float alpha, float beta, int first);
#define BA_KERNEL(name, MR, NV, QS, IS) \
    BA_BF16 static void name(long kc2, const uint32_t *restrict a, const uint32_t *restrict b, float *restrict c, long ldc, \
                             int mr, int nr, float alpha, float beta, int first) { \
        ba_kernel_strided(MR, NV, kc2, a, QS, IS, b, c, ldc, mr, nr, alpha, beta, first); \
    }
BA_KERNEL(ba_kernel_panel_12x32, 12, 2, 12, 1)
BA_KERNEL(ba_kernel_rows_12x32, 12, 2, 1, BA_KC2)
BA_KERNEL(ba_kernel_panel_8x48, 8, 3, 8, 1)
BA_KERNEL(ba_kernel_rows_8x48, 8, 3, 1, BA_KC2)
BA_KERNEL(ba_kernel_panel_8x32, 8, 2, 8, 1)
BA_KERNEL(ba_kernel_rows_8x32, 8, 2, 1, BA_KC2)

/* How N columns of C are cut into panels: columns [0, ba_n48(n)) in panels of 48, the rest in panels
 * of 32, the last one partly masked. A multiple of 32 is all 32s (12 x 32 micro-kernels), a multiple of
 * 48 all 48s; another multiple of 16 above 48 is 48s and one or two 32s, which add up to N exactly (M's
 * 176 channels: 3 x 48 + 32 where 6 x 32 computed 16 columns for nothing; 80 = 48 + 32, 304 = 5 x 48 +
 * 2 x 32). Each panel starts at column j0 of the packed op(B) at j0 · kc2 pairs (every panel before it
 * is full), and the panel layout changes no sum: each element of C is summed in the same order. */
static inline long ba_n48(long n) {
    if (n % 32 == 0) return 0;
    if (n % 48 == 0) return n;
    if (n % 16 == 0 && n > 48) return (n - 32) % 48 == 0 ? n - 32 : n - 64;
    return 0;
}
/* Columns of the packed op(B), a whole number of panels; rows of the micro-kernels (one value per GEMM:
 * 8 as soon as a 48-column panel is used). */
static inline long ba_width(long n) { const long n48 = ba_n48(n); return n48 + (n - n48 + 31) / 32 * 32; }
static inline int ba_mr(long n) { return ba_n48(n) > 0 ? 8 : 12; }

/* Scratch that grows and is kept per thread: packed panels are reused across calls. */
static _Thread_local uint32_t *ba_scratch_a, *ba_scratch_b;
static _Thread_local size_t ba_capacity_a, ba_capacity_b;

static uint32_t *ba_scratch(uint32_t **buffer, size_t *capacity, size_t words) {
    if (words > *capacity) {
        free(*buffer);
        *buffer = aligned_alloc(64, (words * sizeof(uint32_t) + 63) / 64 * 64);
        if (!*buffer) abort();
        *capacity = words;
    }
    return *buffer;
}

/* Rows [m_begin, m_end) of C for one KC block whose op(B) is packed in `bp`. */
BA_BF16 static void ba_rows(int transA, const float *A, long lda, long k0, long kc, long m_begin, long m_end, long n,
                            const uint32_t *bp, float alpha, float beta, int first, float *C, long ldc) {
    const long kc2 = (kc + 1) / 2, n48 = ba_n48(n);
    const int MR = ba_mr(n);
    const ba_kernel_fn kernel48 = transA ? ba_kernel_panel_8x48 : ba_kernel_rows_8x48;
    const ba_kernel_fn kernel32 = MR == 12 ? (transA ? ba_kernel_panel_12x32 : ba_kernel_rows_12x32)
                                           : (transA ? ba_kernel_panel_8x32 : ba_kernel_rows_8x32);
    uint32_t *ap = ba_scratch(&ba_scratch_a, &ba_capacity_a, (size_t)BA_MC * BA_KC2);
    for (long i0 = m_begin; i0 < m_end; i0 += BA_MC) {
        const long mc = m_end - i0 < BA_MC ? m_end - i0 : BA_MC;
        if (transA) ba_pack_k_strided(A + k0 * lda + i0, lda, mc, kc, MR, ap);
        else ba_pack_rows(A + i0 * lda + k0, lda, mc, kc, MR, ap);
        for (long j0 = 0, NR = 0; j0 < n; j0 += NR) {
            NR = j0 < n48 ? 48 : 32;
            const int nr = n - j0 < NR ? (int)(n - j0) : (int)NR;
            const ba_kernel_fn kernel = NR == 48 ? kernel48 : kernel32;
            const uint32_t *b = bp + j0 * kc2;
            for (long i = 0; i < mc; i += MR) {
                const int mr = mc - i < MR ? (int)(mc - i) : MR;
                kernel(kc2, transA ? ap + i / MR * kc2 * MR : ap + i * BA_KC2, b, C + (i0 + i) * ldc + j0, ldc, mr, nr, alpha, beta, first);
            }
        }
    }
}

/* op(B)'s columns [j0, j0 + cols) of one KC block as panels of R columns. */
BA_BF16 static void ba_pack_b_columns(int transB, const float *B, long ldb, long k0, long kc, long j0, long cols, int R, uint32_t *bp) {
    if (transB) ba_pack_k_contiguous(B + j0 * ldb + k0, ldb, cols, kc, R, bp);
    else ba_pack_k_strided(B + k0 * ldb + j0, ldb, cols, kc, R, bp);
}

/* One KC block of op(B): the 48-column panels, then the 32-column ones (ba_n48). */
BA_BF16 static void ba_pack_b(int transB, const float *B, long ldb, long k0, long kc, long n, uint32_t *bp) {
    const long n48 = ba_n48(n), kc2 = (kc + 1) / 2;
    if (n48 > 0) ba_pack_b_columns(transB, B, ldb, k0, kc, 0, n48, 48, bp);
    if (n > n48) ba_pack_b_columns(transB, B, ldb, k0, kc, n48, n - n48, 32, bp + n48 * kc2);
}

/* Rows [m_begin, m_end) of C over every KC block: B packed into this thread's scratch, or taken from
 * `packed` (breastai_gemm_bf16_pack's layout: the KC blocks one after the other). */
BA_BF16 static void ba_range(int ta, int tb, long m_begin, long m_end, long n, long k, float alpha, const float *A, long lda,
                             const float *B, long ldb, const uint32_t *packed, float beta, float *C, long ldc) {
    const long width = ba_width(n);
    for (long k0 = 0; k0 < k; k0 += BA_KC) {
        const long kc = k - k0 < BA_KC ? k - k0 : BA_KC;
        const uint32_t *bp;
        if (packed) {
            bp = packed + width * (k0 / 2);   /* k0 is even: the earlier blocks hold k0 / 2 pairs */
        } else {
            uint32_t *scratch = ba_scratch(&ba_scratch_b, &ba_capacity_b, (size_t)width * ((kc + 1) / 2));
            ba_pack_b(tb, B, ldb, k0, kc, n, scratch);
            bp = scratch;
        }
        ba_rows(ta, A, lda, k0, kc, m_begin, m_end, n, bp, alpha, beta, k0 == 0, C, ldc);
    }
}

BA_BF16 uint32_t *breastai_gemm_bf16_pack(const enum CBLAS_TRANSPOSE transB, const int n, const int k, const float *B, const int ldb) {
    const long width = ba_width(n), last = k > 0 ? (k - 1) % BA_KC + 1 : 0;
    const size_t words = (size_t)width * ((k - last) / 2 + (last + 1) / 2);
    uint32_t *packed = aligned_alloc(64, (words * sizeof(uint32_t) + 63) / 64 * 64 + 64);   /* never size 0 */
    if (!packed) abort();
    for (long k0 = 0; k0 < k; k0 += BA_KC)
        ba_pack_b(transB != CblasNoTrans, B, ldb, k0, k - k0 < BA_KC ? k - k0 : BA_KC, n, packed + width * (k0 / 2));
    return packed;
}

/* C = alpha · op(A) · op(B) + beta · C with op(B) given as float (packed = NULL) or packed. */
BA_BF16 static void ba_gemm(int ta, int tb, long m, long n, long k, float alpha, const float *A, long lda, const float *B, long ldb,
                            const uint32_t *packed, float beta, float *C, long ldc) {
    if (m <= 0 || n <= 0) return;
    if (k <= 0 || alpha == 0.0f) {   /* C = beta · C, as BLAS */
        for (long i = 0; i < m; i++) for (long j = 0; j < n; j++) C[i * ldc + j] = beta == 0.0f ? 0.0f : beta * C[i * ldc + j];
        return;
    }
    const long blocks = (m + BA_MC - 1) / BA_MC;
    if (omp_in_parallel() || blocks < 2 || omp_get_max_threads() == 1) {
        ba_range(ta, tb, 0, m, n, k, alpha, A, lda, B, ldb, packed, beta, C, ldc);
        return;
    }
    /* Every thread packs all of op(B) itself (no barrier: a waiting thread costs more than the
     * duplicated packing of the smaller operand) and computes a fixed contiguous range of rows, split
     * in micro-kernel rows rather than in BA_MC blocks: 1,024 rows are 11 blocks, 5 on one thread and
     * 6 on the other, but 86 micro-kernel rows, 43 each. Each row of C is still computed by one thread
     * over all of k in the same order, so the split does not change a value. */
    const long MR = ba_mr(n), units = (m + MR - 1) / MR;
    #pragma omp parallel
    {
        const int t = omp_get_thread_num(), threads = omp_get_num_threads();
        const long r0 = units * t / threads * MR, r1 = units * (t + 1) / threads * MR;
        if (r1 > r0) ba_range(ta, tb, r0, r1 < m ? r1 : m, n, k, alpha, A, lda, B, ldb, packed, beta, C, ldc);
    }
}

BA_BF16 void breastai_gemm_bf16(const enum CBLAS_ORDER order, const enum CBLAS_TRANSPOSE transA, const enum CBLAS_TRANSPOSE transB,
                                const int m, const int n, const int k, const float alpha, const float *A, const int lda,
                                const float *B, const int ldb, const float beta, float *C, const int ldc) {
    if (order != CblasRowMajor) abort();   /* the emitter only uses row-major */
    ba_gemm(transA != CblasNoTrans, transB != CblasNoTrans, m, n, k, alpha, A, lda, B, ldb, NULL, beta, C, ldc);
}

BA_BF16 void breastai_gemm_bf16_packed(const enum CBLAS_TRANSPOSE transA, const int m, const int n, const int k, const float alpha,
                                       const float *A, const int lda, const uint32_t *packedB, const float beta, float *C, const int ldc) {
    ba_gemm(transA != CblasNoTrans, 0, m, n, k, alpha, A, lda, NULL, 0, packedB, beta, C, ldc);
}
"""#
