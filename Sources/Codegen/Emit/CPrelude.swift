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

/* exp(x) in float that vectorises (libm's expf is a call the loops cannot vectorise): Cephes'
 * expf, i.e. x = n·ln2 + r with n rounded by the 1.5·2^23 trick, a degree-5 polynomial for
 * exp(r), and 2^n built in the exponent bits. Relative error about 1e-7 (2 ulp). The multiply-adds
 * are explicit (ba_fmaf): -std=c11 does not contract a * b + c, and fused this function takes a
 * third less time than with separate multiplies and adds (BENCHMARKS, "exp with fused multiply-adds").
 * A NaN stays NaN (both clamps compare false). */
static inline float ba_expf(float x) {
    x = x < -87.0f ? -87.0f : x;
    x = x > 88.0f ? 88.0f : x;
    const float n = ba_fmaf(x, 1.44269504088896341f, 12582912.0f) - 12582912.0f;
    const float r = ba_fmaf(n, 2.12194440e-4f, ba_fmaf(n, -0.693359375f, x));
    float p = 1.9875691500e-4f;
    p = ba_fmaf(p, r, 1.3981999507e-3f);
    p = ba_fmaf(p, r, 8.3334519073e-3f);
    p = ba_fmaf(p, r, 4.1665795894e-2f);
    p = ba_fmaf(p, r, 1.6666665459e-1f);
    p = ba_fmaf(p, r, 5.0000001201e-1f);
    const float e = ba_fmaf(p, r * r, r) + 1.0f;
    const uint32_t bits = (uint32_t)((int32_t)n + 127) << 23;
    float scale;
    memcpy(&scale, &bits, sizeof scale);
    return e * scale;
}

static inline float ba_sigmoid(float x) { return 1.0f / (1.0f + ba_expf(-x)); }

/* Winograd F(2x2, 3x3) (Lavin & Gray 2016) on 4x4 tiles, row-major, for the 3x3 convolutions:
 * Bᵀ = [1 0 -1 0; 0 1 1 0; 0 -1 1 0; 0 1 0 -1], G = [1 0 0; ½ ½ ½; ½ -½ ½; 0 0 1], Aᵀ = [1 1 1 0; 0 1 -1 -1].
 * Called per channel inside loops over channels, which the compiler vectorises after inlining. */
/* v = Bᵀ d B of a 4x4 input patch d */
static inline void ba_wino_input(const float d[16], float v[16]) {
    float r[16];
    for (int j = 0; j < 4; j++) {
        r[j] = d[j] - d[8 + j]; r[4 + j] = d[4 + j] + d[8 + j];
        r[8 + j] = d[8 + j] - d[4 + j]; r[12 + j] = d[4 + j] - d[12 + j];
    }
    for (int i = 0; i < 4; i++) {
        v[4 * i] = r[4 * i] - r[4 * i + 2]; v[4 * i + 1] = r[4 * i + 1] + r[4 * i + 2];
        v[4 * i + 2] = r[4 * i + 2] - r[4 * i + 1]; v[4 * i + 3] = r[4 * i + 1] - r[4 * i + 3];
    }
}

/* u = G g Gᵀ of a 3x3 weight g */
static inline void ba_wino_weight(const float g[9], float u[16]) {
    float h[12];
    for (int j = 0; j < 3; j++) {
        h[j] = g[j]; h[3 + j] = 0.5f * (g[j] + g[3 + j] + g[6 + j]);
        h[6 + j] = 0.5f * (g[j] - g[3 + j] + g[6 + j]); h[9 + j] = g[6 + j];
    }
    for (int i = 0; i < 4; i++) {
        u[4 * i] = h[3 * i]; u[4 * i + 1] = 0.5f * (h[3 * i] + h[3 * i + 1] + h[3 * i + 2]);
        u[4 * i + 2] = 0.5f * (h[3 * i] - h[3 * i + 1] + h[3 * i + 2]); u[4 * i + 3] = h[3 * i + 2];
    }
}

/* y = Aᵀ m A: a tile's 2x2 outputs (y00, y01, y10, y11) from its 16 products */
static inline void ba_wino_output(const float m[16], float y[4]) {
    float r0[4], r1[4];
    for (int j = 0; j < 4; j++) { r0[j] = m[j] + m[4 + j] + m[8 + j]; r1[j] = m[4 + j] - m[8 + j] - m[12 + j]; }
    y[0] = r0[0] + r0[1] + r0[2]; y[1] = r0[1] - r0[2] - r0[3];
    y[2] = r1[0] + r1[1] + r1[2]; y[3] = r1[1] - r1[2] - r1[3];
}

/* e = A g Aᵀ: a tile's 2x2 output gradient g (g00, g01, g10, g11) spread to 4x4 (the gradient of m) */
static inline void ba_wino_spread(const float g[4], float e[16]) {
    const float a[4][2] = {{g[0], g[1]}, {g[0] + g[2], g[1] + g[3]}, {g[0] - g[2], g[1] - g[3]}, {-g[2], -g[3]}};
    for (int i = 0; i < 4; i++) {
        e[4 * i] = a[i][0]; e[4 * i + 1] = a[i][0] + a[i][1]; e[4 * i + 2] = a[i][0] - a[i][1]; e[4 * i + 3] = -a[i][1];
    }
}

/* o = Gᵀ s G: the 3x3 weight gradient from the 4x4 gradient s of u = G g Gᵀ */
static inline void ba_wino_weight_grad(const float s[16], float o[9]) {
    float h[12];
    for (int j = 0; j < 4; j++) {
        h[j] = s[j] + 0.5f * (s[4 + j] + s[8 + j]); h[4 + j] = 0.5f * (s[4 + j] - s[8 + j]);
        h[8 + j] = 0.5f * (s[4 + j] + s[8 + j]) + s[12 + j];
    }
    for (int i = 0; i < 3; i++) {
        o[3 * i] = h[4 * i] + 0.5f * (h[4 * i + 1] + h[4 * i + 2]); o[3 * i + 1] = 0.5f * (h[4 * i + 1] - h[4 * i + 2]);
        o[3 * i + 2] = 0.5f * (h[4 * i + 1] + h[4 * i + 2]) + h[4 * i + 3];
    }
}
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
"""
