/// The fp32 GEMM of the tiled convolutions: the weight packed once, every tile multiplied by it.
import Foundation

/// The declarations fp32 artifacts whose kernels multiply tiles by a packed weight add to the
/// prelude (`kernels.h`); hidden, like the kernels.
let cGemmF32Declarations = #"""
/* fp32 products of tiles with one weight (gemm_f32.c): op(B) (k, n) packed once (free() it), then
 * C = alpha · op(A) · op(B) + beta · C per tile, row-major, single-threaded (inside the tiles' parallel region). */
__attribute__((visibility("hidden"))) float *breastai_gemm_f32_pack(const enum CBLAS_TRANSPOSE transB, const int n, const int k,
    const float *B, const int ldb);
__attribute__((visibility("hidden"))) void breastai_gemm_f32_packed(const enum CBLAS_TRANSPOSE transA, const int m, const int n,
    const int k, const float alpha, const float *A, const int lda, const float *packedB, const float beta, float *C, const int ldc);
/* C (m, n) += Aᵀ · B for A (k, m) and B (k, n), both row-major (the Winograd weight gradient's
 * products over a chunk of tiles), single-threaded: B is packed into `scratch` (64-byte aligned,
 * breastai_gemm_f32_tn_scratch(n, k) floats), A is read where it is. */
__attribute__((visibility("hidden"))) long breastai_gemm_f32_tn_scratch(const int n, const int k);
__attribute__((visibility("hidden"))) void breastai_gemm_f32_tn(const int m, const int n, const int k, const float *A, const int lda,
    const float *B, const int ldb, float *C, const int ldc, float *scratch);
__attribute__((visibility("hidden"))) extern int breastai_gemm_f32_portable;
"""#

/// The name of the translation unit that holds the fp32 packed GEMM.
let gemmF32UnitName = "gemm_f32.c"

/// The fp32 packed GEMM's translation unit: the header, then `cGemmF32`.
var gemmF32Unit: CUnit {
    CUnit(name: gemmF32UnitName, text: "/* The fp32 GEMM of the tiled convolutions of this artifact. */\n#include \"\(CSource.headerName)\"\n\n" + cGemmF32)
}

/// Whether an fp32 product with `n` columns of op(B) takes the packed GEMM rather than
/// `cblas_sgemm`. Measured with `breastai-run bench gemm-f32` on the tiles of S (AMD EPYC Zen 5,
/// one thread, OpenBLAS SkylakeX kernels, 2026-12-05): k x k forward 1.07-1.26x, dx 1.22-1.29x (one
/// stride phase of k = 96: 0.97x), prologue 1x1 0.99-1.16x; with n = 1 or 2 (the 7x7 attention
/// convolution) 0.2-0.4x: below 16 columns most of a 16-wide vector is idle, and sgemm is kept.
func packsF32(n: Int) -> Bool { n >= 16 }

/// Rows of A per micro-kernel call of the packed GEMMs for a product with `n` columns: 8 when they
/// run 48 columns at a time (n a multiple of 48 but not of 32), else 12 (`gf_nr` / `gf_mr` below);
/// the bf16 GEMM also runs 8 rows when it mixes 48- and 32-column panels (n a multiple of 16 above
/// 48 but of neither 32 nor 48: `ba_n48` / `ba_mr` in gemm_bf16.c). Callers that choose how many rows
/// to pass per call (Winograd's chunks of tiles) take a multiple of it, so that no call ends in a
/// part-empty micro-kernel.
func gemmMicroKernelRows(columns n: Int, _ precision: Precision) -> Int {
    if n % 32 == 0 { return 12 }
    if n % 48 == 0 { return 8 }
    return precision == .bf16 && n % 16 == 0 && n > 48 ? 8 : 12
}

/// The C of `breastai_gemm_f32_pack` and `breastai_gemm_f32_packed` (after the prelude's `cblas.h`,
/// `stdlib.h`, `string.h` and `cGemmF32Declarations`).
public let cGemmF32 = #"""
/* breastai_gemm_f32_pack / breastai_gemm_f32_packed: C = alpha · op(A) · op(B) + beta · C, row-major,
 * for a weight op(B) (k, n) multiplied by many tiles A (the tiled convolutions): OpenBLAS's sgemm packs
 * the whole weight again in every call; here it is packed once and every tile's call reads it packed.
 *
 * With AVX-512F the packed copy holds op(B) in blocks of k (balanced, at most GF_KC each), each block as
 * NR-column panels (panel p of the block at k0: pb[q · NR + j] = op(B)[k0 + q, p·NR + j], zero beyond
 * n), and the product runs an MR x NR FMA micro-kernel — 12 x 32 (24 zmm accumulators), 8 x 48 when n
 * is a multiple of 48 but not of 32, 12 x 16 when n <= 16 — that broadcasts A's elements from A where
 * it is (its rows, or with transA its columns: no copy of A). Loops: blocks of k, chunks of panels
 * (about GF_NC bytes, kept in L2), MR rows of A (12 x kc in L1), panels. Each element of C is summed
 * in a fixed order of k (the blocks in order, each block's products in order, added into C): the same
 * bits from run to run and whatever the thread count.
 *
 * Without AVX-512F (an AVX2-only x86-64) the packed copy is op(B) row-major (k, n) and each product
 * is cblas_sgemm on it: correct and as fast as before. The copy's first 64 bytes record its layout,
 * n and k, so a product never reads a layout it was not packed in (a wrong copy aborts).
 * `breastai_gemm_f32_portable` nonzero packs the portable layout on any CPU (tests). The functions
 * carry their own target attribute, so the file compiles on any x86-64 GCC or Clang. */
#include <immintrin.h>

#define GF_KC 384          /* most k per packed block: a 12 x 384 strip of A (18 kB) stays in L1 */
#define GF_NC (384 * 1024) /* bytes of panels per chunk: kept in L2 while the strips of A pass */
#define GF_F32 __attribute__((target("avx512f,fma")))

enum { GF_PANELS = 1, GF_PLAIN = 2 };   /* layouts of a packed copy */
int breastai_gemm_f32_portable = 0;

/* 1 when this CPU (and its OS) runs AVX-512F, through the compiler's runtime. */
static int gf_avx512(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f");
}

static inline int gf_nr(long n) { return n <= 16 ? 16 : n % 48 == 0 && n % 32 != 0 ? 48 : 32; }
static inline int gf_mr(int nr) { return nr == 48 ? 8 : 12; }
/* k per block: k split into equal blocks of at most GF_KC (432 = 2 x 216, not 384 + 48). */
static inline long gf_kc(long k) { const long blocks = (k + GF_KC - 1) / GF_KC; return blocks > 0 ? (k + blocks - 1) / blocks : 1; }

/* c (mr, nr) = alpha · Σ_q a_i[q·qs] · b[q, :] + (first ? beta · c : c) for an MR x NV·16 micro-kernel
 * over kc values of k: row i of A starts at a + i·is (rows beyond mr repeat row mr − 1: computed,
 * never stored), b is a (kc, NV·16) panel. Inlined below with constant MR, NV and strides. */
GF_F32 static inline __attribute__((always_inline)) void gf_kernel(
        const int MR, const int NV, long kc, const float *a, long qs, long is, int mr, const float *restrict b,
        float *restrict c, long ldc, int nr, float alpha, float beta, int first) {
    __m512 acc[12][3];
    const float *row[12];
    for (int i = 0; i < MR; i++) row[i] = a + (i < mr ? i : mr - 1) * is;
    for (int i = 0; i < MR; i++) for (int v = 0; v < NV; v++) acc[i][v] = _mm512_setzero_ps();
    for (long q = 0; q < kc; q++) {
        __m512 bv[3];
        for (int v = 0; v < NV; v++) bv[v] = _mm512_load_ps(b + (q * NV + v) * 16);
        for (int i = 0; i < MR; i++) {
            const __m512 ai = _mm512_set1_ps(row[i][q * qs]);
            for (int v = 0; v < NV; v++) acc[i][v] = _mm512_fmadd_ps(ai, bv[v], acc[i][v]);
        }
    }
    const __m512 va = _mm512_set1_ps(alpha), vb = _mm512_set1_ps(beta);
    for (int i = 0; i < mr; i++) {
        float *out = c + i * ldc;
        for (int v = 0; v < NV; v++) {
            const int left = nr - 16 * v;   /* columns of this vector that exist */
            const __mmask16 m = left >= 16 ? 0xFFFF : left <= 0 ? 0 : (__mmask16)((1U << left) - 1);
            __m512 y = _mm512_mul_ps(acc[i][v], va);
            /* a full vector is loaded and stored without a mask: on AMD Zen 4 a masked store to a line that is
             * not in cache is slow (S's fp32 1x1 dx kernels, `bench kernels --filter conv`: 176 / 168 -> 148 / 148 ms) */
            const int full = m == 0xFFFF;
            if (!first) y = _mm512_add_ps(y, full ? _mm512_loadu_ps(out + 16 * v) : _mm512_maskz_loadu_ps(m, out + 16 * v));
            else if (beta != 0.0f)   /* beta 0: C is not read (BLAS: NaN in C does not propagate) */
                y = _mm512_fmadd_ps(vb, full ? _mm512_loadu_ps(out + 16 * v) : _mm512_maskz_loadu_ps(m, out + 16 * v), y);
            if (full) _mm512_storeu_ps(out + 16 * v, y);
            else _mm512_mask_storeu_ps(out + 16 * v, m, y);
        }
    }
}

typedef void (*gf_kernel_fn)(long kc, const float *a, long lda, int mr, const float *restrict b, float *restrict c, long ldc,
                             int nr, float alpha, float beta, int first);
/* gf_rows_*: A's k contiguous (A[i·lda + q]); gf_cols_*: transA (A[q·lda + i]). */
#define GF_KERNELS(MR, NV) \
    GF_F32 static void gf_rows_##MR##x##NV(long kc, const float *a, long lda, int mr, const float *restrict b, float *restrict c, \
                                           long ldc, int nr, float alpha, float beta, int first) { \
        gf_kernel(MR, NV, kc, a, 1, lda, mr, b, c, ldc, nr, alpha, beta, first); \
    } \
    GF_F32 static void gf_cols_##MR##x##NV(long kc, const float *a, long lda, int mr, const float *restrict b, float *restrict c, \
                                           long ldc, int nr, float alpha, float beta, int first) { \
        gf_kernel(MR, NV, kc, a, lda, 1, mr, b, c, ldc, nr, alpha, beta, first); \
    }
GF_KERNELS(12, 1)
GF_KERNELS(12, 2)
GF_KERNELS(8, 3)

/* Floats of a packed copy of op(B) (k, n) in `layout`, header included, rounded up to 64 bytes. */
static long gf_packed_floats(int layout, long n, long k) {
    const long NR = layout == GF_PANELS ? gf_nr(n) : n > 0 ? n : 1, panels = n > 0 ? (n + NR - 1) / NR : 0;
    return (16 + panels * NR * (k > 0 ? k : 0) + 15) / 16 * 16;
}

/* One panel of a GF_PANELS copy: panel[q · NR + j] = op(B)[k0 + q, c0 + j] for q < kc and j < NR, zero for
 * the columns c0 + j >= n; 16 columns at a time, as a row segment of B (op(B) = B) or gathered from the
 * columns' rows of B (op(B) = Bᵀ: op(B)[q, j] = B[j · ldb + q]; the scalar loop took 1.25 ns per element
 * on S's features.6 1x1 weight, 256 x 1536, the gather 0.39). `panel` is 64-byte aligned. */
GF_F32 static void gf_pack_panel(float *restrict panel, int tb, long n, long c0, long k0, long kc, long NR, const float *B, long ldb) {
    const __m512i rows = _mm512_mullo_epi32(_mm512_set_epi32(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
                                            _mm512_set1_epi32((int)ldb));
    for (long j0 = 0; j0 < NR; j0 += 16) {
        const long valid = n - c0 - j0 >= 16 ? 16 : n - c0 - j0 > 0 ? n - c0 - j0 : 0;
        const __mmask16 m = (__mmask16)((1U << valid) - 1);   /* masked lanes read nothing */
        if (valid == 0) {
            for (long q = 0; q < kc; q++) _mm512_store_ps(panel + q * NR + j0, _mm512_setzero_ps());
        } else if (tb) {
            const float *s = B + (c0 + j0) * ldb + k0;
            for (long q = 0; q < kc; q++)
                _mm512_store_ps(panel + q * NR + j0, _mm512_mask_i32gather_ps(_mm512_setzero_ps(), m, rows, s + q, 4));
        } else {
            const float *s = B + k0 * ldb + c0 + j0;
            for (long q = 0; q < kc; q++) _mm512_store_ps(panel + q * NR + j0, _mm512_maskz_loadu_ps(m, s + q * ldb));
        }
    }
}

/* Packs op(B) (k, n) in `layout` into `packed` (gf_packed_floats of it, 64-byte aligned). A copy of at
 * least 65,536 floats packed outside a parallel region (a tiled convolution's weight, before its tiles)
 * is packed by the team, its panels split between the threads (the others waited for it before). */
static void gf_pack_into(float *packed, int layout, int tb, const int n, const int k, const float *B, const int ldb) {
    const int header[3] = {layout, n, k};
    memcpy(packed, header, sizeof header);
    if (layout == GF_PLAIN) {   /* op(B) row-major (k, n) */
        for (long q = 0; q < k; q++) for (long j = 0; j < n; j++) packed[16 + q * n + j] = tb ? B[j * ldb + q] : B[q * ldb + j];
        return;
    }
    /* panel p of the block at k0 starts at k0 · panels · NR + p · kc · NR */
    const long NR = gf_nr(n), panels = n > 0 ? (n + NR - 1) / NR : 0, kcb = gf_kc(k), units = (k + kcb - 1) / kcb * panels;
    #pragma omp parallel for schedule(static) if (!omp_in_parallel() && (long)n * k >= 65536)
    for (long u = 0; u < units; u++) {
        const long k0 = u / panels * kcb, p = u % panels, kc = k - k0 < kcb ? k - k0 : kcb;
        gf_pack_panel(packed + 16 + k0 * panels * NR + p * kc * NR, tb, n, p * NR, k0, kc, NR, B, ldb);
    }
}

float *breastai_gemm_f32_pack(const enum CBLAS_TRANSPOSE transB, const int n, const int k, const float *B, const int ldb) {
    const int layout = gf_avx512() && !breastai_gemm_f32_portable ? GF_PANELS : GF_PLAIN;
    float *packed = aligned_alloc(64, (size_t)gf_packed_floats(layout, n, k) * sizeof(float));
    if (!packed) abort();
    gf_pack_into(packed, layout, transB != CblasNoTrans, n, k, B, ldb);
    return packed;
}

GF_F32 static void gf_product(int ta, long m, long n, long k, float alpha, const float *A, long lda, const float *pb, float beta,
                              float *C, long ldc) {
    const int NR = gf_nr(n), MR = gf_mr(NR);
    const long panels = (n + NR - 1) / NR, kcb = gf_kc(k);
    const gf_kernel_fn kernel = NR == 48 ? (ta ? gf_cols_8x3 : gf_rows_8x3) : NR == 32 ? (ta ? gf_cols_12x2 : gf_rows_12x2)
                                         : (ta ? gf_cols_12x1 : gf_rows_12x1);
    for (long k0 = 0; k0 < k; k0 += kcb) {
        const long kc = k - k0 < kcb ? k - k0 : kcb;
        const float *block = pb + k0 * panels * NR;
        const long chunk = GF_NC / (kc * NR * (long)sizeof(float)) > 0 ? GF_NC / (kc * NR * (long)sizeof(float)) : 1;
        for (long p0 = 0; p0 < panels; p0 += chunk) {
            const long p1 = p0 + chunk < panels ? p0 + chunk : panels;
            for (long i0 = 0; i0 < m; i0 += MR) {
                const int mr = m - i0 < MR ? (int)(m - i0) : MR;
                const float *a = ta ? A + k0 * lda + i0 : A + i0 * lda + k0;
                for (long p = p0; p < p1; p++) {
                    const int nr = n - p * NR < NR ? (int)(n - p * NR) : NR;
                    kernel(kc, a, lda, mr, block + p * kc * NR, C + i0 * ldc + p * NR, ldc, nr, alpha, beta, k0 == 0);
                }
            }
        }
    }
}

void breastai_gemm_f32_packed(const enum CBLAS_TRANSPOSE transA, const int m, const int n, const int k, const float alpha,
                              const float *A, const int lda, const float *packedB, const float beta, float *C, const int ldc) {
    int header[3];
    memcpy(header, packedB, sizeof header);
    if (header[1] != n || header[2] != k || (header[0] != GF_PANELS && header[0] != GF_PLAIN)) abort();   /* not this product's copy */
    if (m <= 0 || n <= 0) return;
    if (k <= 0 || alpha == 0.0f) {   /* C = beta · C, as BLAS */
        for (long i = 0; i < m; i++) for (long j = 0; j < n; j++) C[i * ldc + j] = beta == 0.0f ? 0.0f : beta * C[i * ldc + j];
        return;
    }
    if (header[0] == GF_PLAIN)
        cblas_sgemm(CblasRowMajor, transA, CblasNoTrans, m, n, k, alpha, A, lda, packedB + 16, n, beta, C, ldc);
    else
        gf_product(transA != CblasNoTrans, m, n, k, alpha, A, lda, packedB + 16, beta, C, ldc);
}

long breastai_gemm_f32_tn_scratch(const int n, const int k) { return gf_packed_floats(GF_PANELS, n, k); }

/* B packed into the caller's scratch (reading B's rows in place costs half the rate: measured
 * 71-86 against 193-242 GFLOP/s packed, one thread), A's columns read in place (transA), every
 * block of k added into C. */
void breastai_gemm_f32_tn(const int m, const int n, const int k, const float *A, const int lda, const float *B, const int ldb,
                          float *C, const int ldc, float *scratch) {
    if (m <= 0 || n <= 0 || k <= 0) return;
    if (!gf_avx512() || breastai_gemm_f32_portable) {
        cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, m, n, k, 1.0f, A, lda, B, ldb, 1.0f, C, ldc);
        return;
    }
    gf_pack_into(scratch, GF_PANELS, 0, n, k, B, ldb);
    gf_product(1, m, n, k, 1.0f, A, lda, scratch + 16, 1.0f, C, ldc);
}
"""#
