/// The fixed C text of every artifact: includes, helpers and machine probes.

/// Includes and helpers every artifact shares.
let cPrelude = """
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cblas.h>
#include <omp.h>

/* Counter-based random numbers, bit-identical to Graph/Random.swift (lowbias32). */
static inline uint32_t ba_hash(uint32_t x) {
    x ^= x >> 16; x *= 0x7feb352dU;
    x ^= x >> 15; x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

static inline float ba_uniform(uint32_t seed, uint32_t salt, uint32_t index) {
    uint32_t key = ba_hash(seed + 0x9E3779B9U * salt);
    return (float)(ba_hash(key ^ index) >> 8) * (1.0f / 16777216.0f);
}

/* 16 floats and 8 doubles as GCC/Clang vector types (unaligned loads and stores), for the kernels that
 * keep a window of vectors in registers (the depthwise 3x3 sliding windows); BA_LO_V8D and BA_HI_V8D
 * widen the low and high 8 lanes of a ba_v16 to double. */
typedef float ba_v16 __attribute__((vector_size(64), aligned(4)));
typedef double ba_v8d __attribute__((vector_size(64), aligned(8)));
#define BA_LO_V8D(v) __builtin_convertvector(__builtin_shufflevector(v, v, 0, 1, 2, 3, 4, 5, 6, 7), ba_v8d)
#define BA_HI_V8D(v) __builtin_convertvector(__builtin_shufflevector(v, v, 8, 9, 10, 11, 12, 13, 14, 15), ba_v8d)

/* a * b + c rounded once: one vfmadd where -march=native has FMA; elsewhere fmaf would be a libm
 * call that stops the loop from vectorising, so the two roundings instead. */
#ifdef __FMA__
static inline float ba_fmaf(float a, float b, float c) { return fmaf(a, b, c); }
#else
static inline float ba_fmaf(float a, float b, float c) { return a * b + c; }
#endif

/* exp(x) in float that vectorises (libm's expf is a call the loops cannot vectorise): x = n·ln2 + r
 * with n rounded by the 1.5·2^23 trick (Cephes' reduction), exp(r) by a degree-6 polynomial, and 2^n
 * built in the exponent bits. The polynomial is 1 + r + c2·r² + … + c6·r⁶ fitted for the least maximal
 * relative error on |r| ≤ ln2/2 (tools/fit_exp_polynomial.py): within 0.9 ulp of exp on every float
 * in [-87, 88], in 6 multiply-adds where Cephes' degree-7 form took 8 operations (BENCHMARKS, "A
 * shorter exp polynomial"). The multiply-adds are explicit (ba_fmaf): -std=c11 does not contract
 * a * b + c, and fused this function takes a third less time than with separate multiplies and adds
 * (BENCHMARKS, "exp with fused multiply-adds"). A NaN stays NaN (both clamps compare false). */
static inline float ba_expf(float x) {
    x = x < -87.0f ? -87.0f : x;
    x = x > 88.0f ? 88.0f : x;
    /* t = x·log2e + 1.5·2^23 + 127 rounds x·log2e to the nearest integer n and holds n + 127 in its
     * low mantissa bits, which shifted up by 23 are 2^n as a float (no conversion to int and add). */
    const float t = ba_fmaf(x, 1.44269504088896341f, 12583039.0f);
    const float n = t - 12583039.0f;
    const float r = ba_fmaf(n, 2.12194440e-4f, ba_fmaf(n, -0.693359375f, x));
    float p = 1.381459878757596e-3f;
    p = ba_fmaf(p, r, 8.368716575205326e-3f);
    p = ba_fmaf(p, r, 4.166838899254799e-2f);
    p = ba_fmaf(p, r, 1.666652113199234e-1f);
    p = ba_fmaf(p, r, 4.999999403953552e-1f);
    p = ba_fmaf(p, r, 1.0f);
    p = ba_fmaf(p, r, 1.0f);
    uint32_t bits;
    memcpy(&bits, &t, sizeof bits);
    bits <<= 23;
    float scale;
    memcpy(&scale, &bits, sizeof scale);
    return p * scale;
}

static inline float ba_sigmoid(float x) { return 1.0f / (1.0f + ba_expf(-x)); }

\(cWinogradHelpers)
"""

/// Machine probes `breastai-run bench` measures the roofline with, built with the same compiler,
/// flags, OpenMP runtime and OpenBLAS as the kernels.
let cProbes = """

/* Machine probes: seconds per n x n x n sgemm (best of reps) and per triad pass over n floats. */
double breastai_probe_sgemm(int n, int reps) {
    float *a = malloc(sizeof(float) * n * n), *b = malloc(sizeof(float) * n * n), *c = malloc(sizeof(float) * n * n);
    for (long i = 0; i < (long)n * n; i++) { a[i] = (float)(i % 7) * 0.1f; b[i] = (float)(i % 5) * 0.2f; c[i] = 0.0f; }
    double best = 1e30;
    for (int r = 0; r < reps; r++) {
        const double t = omp_get_wtime();
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0f, a, n, b, n, 0.0f, c, n);
        const double s = omp_get_wtime() - t;
        if (s < best) best = s;
    }
    free(a); free(b); free(c);
    return best;
}

double breastai_probe_triad(long n, int reps) {
    float *a = malloc(sizeof(float) * n), *b = malloc(sizeof(float) * n), *c = malloc(sizeof(float) * n);
    #pragma omp parallel for schedule(static)
    for (long i = 0; i < n; i++) { a[i] = 0.0f; b[i] = 1.0f; c[i] = 2.0f; }
    double best = 1e30;
    for (int r = 0; r < reps; r++) {
        const double t = omp_get_wtime();
        #pragma omp parallel for schedule(static)
        for (long i = 0; i < n; i++) a[i] = b[i] + 3.0f * c[i];
        const double s = omp_get_wtime() - t;
        if (s < best) best = s;
    }
    free(a); free(b); free(c);
    return best;
}

int breastai_threads(void) { return omp_get_max_threads(); }

/* The machine's peak multiply rate in GFLOP/s on the OpenMP team: every thread runs `rounds` rounds
 * of 12 independent 16-lane multiply-adds (12 chains cover the instruction's latency), fp32 FMA
 * (bf16 = 0) or AVX512-BF16's vdpbf16ps (bf16 = 1: 32 products per instruction). 0 where the CPU
 * lacks the instructions. Each function carries its own target, so the file builds on any x86-64. */
#if defined(__x86_64__)
#include <immintrin.h>
__attribute__((target("avx512f"))) static float ba_peak_fma(long rounds) {
    __m512 acc[12];
    const __m512 b = _mm512_set1_ps(0.999999f), c = _mm512_set1_ps(1e-7f);
    for (int i = 0; i < 12; i++) acc[i] = _mm512_set1_ps((float)i);
    for (long r = 0; r < rounds; r++)
        for (int i = 0; i < 12; i++) acc[i] = _mm512_fmadd_ps(acc[i], b, c);
    float sum = 0.0f;
    for (int i = 0; i < 12; i++) sum += _mm512_reduce_add_ps(acc[i]);
    return sum;
}
__attribute__((target("avx512f,avx512bf16"))) static float ba_peak_dpbf16(long rounds) {
    __m512 acc[12];
    const __m512bh b = (__m512bh)_mm512_set1_epi16(0x3F80), c = (__m512bh)_mm512_set1_epi16(0x3380);   /* 1.0, 6e-8 */
    for (int i = 0; i < 12; i++) acc[i] = _mm512_set1_ps((float)i);
    for (long r = 0; r < rounds; r++)
        for (int i = 0; i < 12; i++) acc[i] = _mm512_dpbf16_ps(acc[i], b, c);
    float sum = 0.0f;
    for (int i = 0; i < 12; i++) sum += _mm512_reduce_add_ps(acc[i]);
    return sum;
}
#endif

double breastai_probe_peak(int bf16, long rounds) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (!__builtin_cpu_supports("avx512f") || (bf16 && !__builtin_cpu_supports("avx512bf16"))) return 0.0;
    volatile float sink = 0.0f;
    int threads = 1;
    const double t = omp_get_wtime();
    #pragma omp parallel
    {
        const float s = bf16 ? ba_peak_dpbf16(rounds) : ba_peak_fma(rounds);
        #pragma omp critical
        sink += s;
        #pragma omp single
        threads = omp_get_num_threads();
    }
    const double s = omp_get_wtime() - t;
    return (double)threads * rounds * 12 * 16 * 2 * (bf16 ? 2 : 1) / s / 1e9;
#else
    (void)bf16; (void)rounds;
    return 0.0;
#endif
}
"""
