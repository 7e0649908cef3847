import Foundation

/// A small shared library with `breastai_gemm_bf16` and the fp32 packed GEMM exported for tests
/// and their benchmarks: the GEMMs next to OpenBLAS sgemm and (when `libdnnl.so.2` loads) oneDNN's
/// bf16 GEMM, timed on the same operands.
public enum GEMMProbe {
    /// The library's C: the prelude's includes, the bf16 GEMM, and the exported entry points.
    public static var source: String {
        cPrelude + "\n" + cGemmBF16Declarations + "\n" + cGemmF32Declarations + "\n" + cGemmBF16 + "\n" + cGemmF32 + cGemmProbe
    }

    /// Writes `gemm_probe.c` into `directory` and builds `libgemmprobe.so` there; returns its URL.
    public static func build(in directory: URL, toolchain: Toolchain) throws -> URL {
        let sourceURL = directory.appendingPathComponent("gemm_probe.c")
        try writeFileDurably(Data(source.utf8), to: sourceURL)
        let output = directory.appendingPathComponent("libgemmprobe.so")
        _ = try toolchain.compileSharedLibrary(sources: [sourceURL], output: output)
        return output
    }
}

private let cGemmProbe = #"""

#include <dlfcn.h>

/* The rows per micro-kernel call each GEMM uses for n columns (ba_mr, gf_mr(gf_nr)): the rule the
 * compiler restates in Swift (gemmMicroKernelRows) to size Winograd's chunks; a test compares them. */
int breastai_gemm_bf16_rows(long n) { return ba_mr(n); }
int breastai_gemm_f32_rows(long n) { return gf_mr(gf_nr(n)); }

/* breastai_gemm_bf16 with transposes as ints, on `threads` OpenMP threads (0: as set); inside = 1
 * calls it from one thread of a parallel region (the tiled convolutions' path). */
void breastai_gemm_bf16_entry(int threads, int inside, int ta, int tb, int m, int n, int k, float alpha, const float *a, int lda,
                              const float *b, int ldb, float beta, float *c, int ldc) {
    const int saved = omp_get_max_threads();
    if (threads > 0) omp_set_num_threads(threads);
    if (inside) {   /* an active region of two threads: omp_in_parallel() is true, thread 0 calls */
        #pragma omp parallel num_threads(2)
        if (omp_get_thread_num() == 0) breastai_gemm_bf16(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    } else {
        breastai_gemm_bf16(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }
    omp_set_num_threads(saved);
}

/* The same with op(B) packed first by breastai_gemm_bf16_pack and multiplied by breastai_gemm_bf16_packed
 * (the tiled convolutions' weights). */
void breastai_gemm_bf16_packed_entry(int threads, int inside, int ta, int tb, int m, int n, int k, float alpha, const float *a, int lda,
                                     const float *b, int ldb, float beta, float *c, int ldc) {
    const int saved = omp_get_max_threads();
    if (threads > 0) omp_set_num_threads(threads);
    uint32_t *packed = breastai_gemm_bf16_pack(tb ? CblasTrans : CblasNoTrans, n, k, b, ldb);
    if (inside) {
        #pragma omp parallel num_threads(2)
        if (omp_get_thread_num() == 0) breastai_gemm_bf16_packed(ta ? CblasTrans : CblasNoTrans, m, n, k, alpha, a, lda, packed, beta, c, ldc);
    } else {
        breastai_gemm_bf16_packed(ta ? CblasTrans : CblasNoTrans, m, n, k, alpha, a, lda, packed, beta, c, ldc);
    }
    free(packed);
    omp_set_num_threads(saved);
}

/* The fp32 GEMM of the tiled convolutions: op(B) packed by breastai_gemm_f32_pack (the portable layout
 * when `portable`, as on a CPU without AVX-512F), then breastai_gemm_f32_packed. */
void breastai_gemm_f32_packed_entry(int threads, int inside, int portable, int ta, int tb, int m, int n, int k, float alpha,
                                    const float *a, int lda, const float *b, int ldb, float beta, float *c, int ldc) {
    const int saved = omp_get_max_threads();
    if (threads > 0) omp_set_num_threads(threads);
    breastai_gemm_f32_portable = portable;
    float *packed = breastai_gemm_f32_pack(tb ? CblasTrans : CblasNoTrans, n, k, b, ldb);
    breastai_gemm_f32_portable = 0;
    if (inside) {
        #pragma omp parallel num_threads(2)
        if (omp_get_thread_num() == 0) breastai_gemm_f32_packed(ta ? CblasTrans : CblasNoTrans, m, n, k, alpha, a, lda, packed, beta, c, ldc);
    } else {
        breastai_gemm_f32_packed(ta ? CblasTrans : CblasNoTrans, m, n, k, alpha, a, lda, packed, beta, c, ldc);
    }
    free(packed);
    omp_set_num_threads(saved);
}

/* breastai_gemm_f32_tn: C += Aᵀ · B, A (k, m) and B (k, n) row-major (the Winograd weight gradient's products);
 * `portable`: the cblas_sgemm path of CPUs without AVX-512F. */
void breastai_gemm_f32_tn_entry(int threads, int inside, int portable, int m, int n, int k, const float *a, int lda,
                                const float *b, int ldb, float *c, int ldc) {
    const int saved = omp_get_max_threads();
    if (threads > 0) omp_set_num_threads(threads);
    breastai_gemm_f32_portable = portable;
    float *scratch = aligned_alloc(64, sizeof(float) * breastai_gemm_f32_tn_scratch(n, k));
    if (!scratch) abort();
    if (inside) {
        #pragma omp parallel num_threads(2)
        if (omp_get_thread_num() == 0) breastai_gemm_f32_tn(m, n, k, a, lda, b, ldb, c, ldc, scratch);
    } else {
        breastai_gemm_f32_tn(m, n, k, a, lda, b, ldb, c, ldc, scratch);
    }
    free(scratch);
    breastai_gemm_f32_portable = 0;
    omp_set_num_threads(saved);
}

typedef int (*ba_dnnl_gemm_bf16)(char, char, int64_t, int64_t, int64_t, float, const uint16_t *, int64_t, const uint16_t *, int64_t,
                                 float, float *, int64_t);

/* Best seconds of `reps` calls of C (m, n) = op(A) op(B) on deterministic operands: which 0 =
 * OpenBLAS sgemm, 1 = breastai_gemm_bf16, 2 = oneDNN dnnl_gemm_bf16bf16f32 including the rounding
 * of both fp32 operands to bf16 before it (-1 when libdnnl.so.2 does not load), 3 =
 * breastai_gemm_f32_packed (its packing of op(B) not timed: once per convolution, not per tile). `single` runs it
 * on one thread, as each thread of the tiled convolutions does. */
double breastai_probe_gemm(int which, int single, int m, int n, int k, int ta, int tb, int reps) {
    static ba_dnnl_gemm_bf16 dnnl = NULL;
    if (which == 2 && !dnnl) {
        void *handle = dlopen("libdnnl.so.2", RTLD_NOW | RTLD_LOCAL);
        if (handle) dnnl = (ba_dnnl_gemm_bf16)dlsym(handle, "dnnl_gemm_bf16bf16f32");
        if (!dnnl) return -1.0;
    }
    const long lda = ta ? m : k, ldb = tb ? k : n;
    float *a = malloc(sizeof(float) * m * k), *b = malloc(sizeof(float) * k * n), *c = malloc(sizeof(float) * m * n);
    uint16_t *a16 = malloc(sizeof(uint16_t) * m * k), *b16 = malloc(sizeof(uint16_t) * k * n);
    if (!a || !b || !c || !a16 || !b16) abort();
    for (long i = 0; i < (long)m * k; i++) a[i] = (float)((i * 7) % 13) * 0.05f - 0.3f;
    for (long i = 0; i < (long)k * n; i++) b[i] = (float)((i * 5) % 11) * 0.04f - 0.2f;
    const int saved = omp_get_max_threads();
    if (single) omp_set_num_threads(1);
    /* 3: the fp32 packed GEMM; op(B) is packed once before the timed calls, as for a convolution's tiles */
    float *packed = which == 3 ? breastai_gemm_f32_pack(tb ? CblasTrans : CblasNoTrans, n, k, b, ldb) : NULL;
    double best = 1e30;
    for (int r = 0; r < reps; r++) {
        const double t = omp_get_wtime();
        {
            if (which == 0) {
                cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans, m, n, k, 1.0f, a, lda, b, ldb, 0.0f, c, n);
            } else if (which == 3) {
                breastai_gemm_f32_packed(ta ? CblasTrans : CblasNoTrans, m, n, k, 1.0f, a, lda, packed, 0.0f, c, n);
            } else if (which == 1) {
                breastai_gemm_bf16(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans, m, n, k, 1.0f, a, lda, b, ldb, 0.0f, c, n);
            } else {
                #pragma omp parallel for schedule(static)
                for (long i = 0; i < (long)m * k; i++) a16[i] = ba_bf16(a[i]);
                #pragma omp parallel for schedule(static)
                for (long i = 0; i < (long)k * n; i++) b16[i] = ba_bf16(b[i]);
                dnnl(ta ? 'T' : 'N', tb ? 'T' : 'N', m, n, k, 1.0f, a16, lda, b16, ldb, 0.0f, c, n);
            }
        }
        const double s = omp_get_wtime() - t;
        if (s < best) best = s;
    }
    omp_set_num_threads(saved);
    free(a); free(b); free(c); free(a16); free(b16); free(packed);
    return best;
}
"""#
