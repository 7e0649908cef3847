/// The C helpers of the Winograd convolutions (`CEmitter+Winograd`), part of the prelude: the
/// transforms of F(2x2, 3x3) (bf16) and F(4x4, 3x3) (fp32) per tile, called per channel inside
/// loops over channels, which the compiler vectorises after inlining.
let cWinogradHelpers = """
/* Winograd F(2x2, 3x3) (Lavin & Gray 2016) on 4x4 tiles, row-major, for the bf16 3x3 convolutions:
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

/* Winograd F(4x4, 3x3) (Lavin & Gray 2016) on 6x6 tiles, row-major, for the fp32 3x3 convolutions:
 * Bᵀ = [4 0 -5 0 1 0; 0 -4 -4 1 1 0; 0 4 -4 -1 1 0; 0 -2 -1 2 1 0; 0 2 -1 -2 1 0; 0 4 0 -5 0 1],
 * G = [¼ 0 0; -⅙ -⅙ -⅙; -⅙ ⅙ -⅙; 1/24 1/12 ⅙; 1/24 -1/12 ⅙; 0 0 1],
 * Aᵀ = [1 1 1 1 1 0; 0 1 -1 2 -2 0; 0 1 1 4 4 0; 0 1 -1 8 -8 1].
 * Each 2-D transform is the 1-D one down the columns (strides 6 or 3), then along the rows, unrolled
 * (GCC peels loops of at most 16 iterations by itself) so that the callers' loops over channels vectorise. */
/* v[i·t] = (Bᵀ d)[i] for d[j·s], j < 6 */
static inline void ba_wino4_bt(const float *d, int s, float *v, int t) {
    const float d0 = d[0], d1 = d[s], d2 = d[2 * s], d3 = d[3 * s], d4 = d[4 * s], d5 = d[5 * s];
    v[0] = 4.0f * d0 - 5.0f * d2 + d4;
    v[t] = d3 + d4 - 4.0f * (d1 + d2);
    v[2 * t] = 4.0f * (d1 - d2) + d4 - d3;
    v[3 * t] = 2.0f * (d3 - d1) + d4 - d2;
    v[4 * t] = 2.0f * (d1 - d3) + d4 - d2;
    v[5 * t] = 4.0f * d1 - 5.0f * d3 + d5;
}

/* v = Bᵀ d B of a 6x6 input patch d */
static inline void ba_wino4_input(const float d[36], float v[36]) {
    float r[36];
    #pragma GCC unroll 6
    for (int j = 0; j < 6; j++) ba_wino4_bt(d + j, 6, r + j, 6);
    #pragma GCC unroll 6
    for (int i = 0; i < 6; i++) ba_wino4_bt(r + 6 * i, 1, v + 6 * i, 1);
}

/* u[i·t] = (G g)[i] for g[j·s], j < 3 */
static inline void ba_wino4_g(const float *g, int s, float *u, int t) {
    const float g0 = g[0], g1 = g[s], g2 = g[2 * s];
    u[0] = 0.25f * g0;
    u[t] = -(g0 + g1 + g2) * (1.0f / 6.0f);
    u[2 * t] = -(g0 - g1 + g2) * (1.0f / 6.0f);
    u[3 * t] = g0 * (1.0f / 24.0f) + g1 * (1.0f / 12.0f) + g2 * (1.0f / 6.0f);
    u[4 * t] = g0 * (1.0f / 24.0f) - g1 * (1.0f / 12.0f) + g2 * (1.0f / 6.0f);
    u[5 * t] = g2;
}

/* u = G g Gᵀ of a 3x3 weight g */
static inline void ba_wino4_weight(const float g[9], float u[36]) {
    float h[18];  /* (6, 3) */
    #pragma GCC unroll 6
    for (int j = 0; j < 3; j++) ba_wino4_g(g + j, 3, h + j, 3);
    #pragma GCC unroll 6
    for (int i = 0; i < 6; i++) ba_wino4_g(h + 3 * i, 1, u + 6 * i, 1);
}

/* o[i·t] = (Aᵀ m)[i] for m[j·s], j < 6 */
static inline void ba_wino4_at(const float *m, int s, float *o, int t) {
    const float m0 = m[0], m1 = m[s], m2 = m[2 * s], m3 = m[3 * s], m4 = m[4 * s], m5 = m[5 * s];
    const float p12 = m1 + m2, n12 = m1 - m2, p34 = m3 + m4, n34 = m3 - m4;
    o[0] = m0 + p12 + p34;
    o[t] = n12 + 2.0f * n34;
    o[2 * t] = p12 + 4.0f * p34;
    o[3 * t] = n12 + 8.0f * n34 + m5;
}

/* y = Aᵀ m A: a tile's 4x4 outputs, row-major, from its 36 products */
static inline void ba_wino4_output(const float m[36], float y[16]) {
    float r[24];  /* (4, 6) */
    #pragma GCC unroll 6
    for (int j = 0; j < 6; j++) ba_wino4_at(m + j, 6, r + j, 6);
    #pragma GCC unroll 6
    for (int i = 0; i < 4; i++) ba_wino4_at(r + 6 * i, 1, y + 4 * i, 1);
}

/* e[i·t] = (A g)[i] for g[j·s], j < 4 */
static inline void ba_wino4_a(const float *g, int s, float *e, int t) {
    const float g0 = g[0], g1 = g[s], g2 = g[2 * s], g3 = g[3 * s];
    const float p02 = g0 + g2, p13 = g1 + g3, q02 = g0 + 4.0f * g2, q13 = 2.0f * g1 + 8.0f * g3;
    e[0] = g0;
    e[t] = p02 + p13;
    e[2 * t] = p02 - p13;
    e[3 * t] = q02 + q13;
    e[4 * t] = q02 - q13;
    e[5 * t] = g3;
}

/* e = A g Aᵀ: a tile's 4x4 output gradient g spread to 6x6 (the gradient of m) */
static inline void ba_wino4_spread(const float g[16], float e[36]) {
    float r[24];  /* (6, 4) */
    #pragma GCC unroll 6
    for (int j = 0; j < 4; j++) ba_wino4_a(g + j, 4, r + j, 4);
    #pragma GCC unroll 6
    for (int i = 0; i < 6; i++) ba_wino4_a(r + 4 * i, 1, e + 6 * i, 1);
}

/* o[r·t] = (Gᵀ s)[r] for s[i·q], i < 6 */
static inline void ba_wino4_gt(const float *s, int q, float *o, int t) {
    const float s0 = s[0], s1 = s[q], s2 = s[2 * q], s3 = s[3 * q], s4 = s[4 * q], s5 = s[5 * q];
    o[0] = 0.25f * s0 - (s1 + s2) * (1.0f / 6.0f) + (s3 + s4) * (1.0f / 24.0f);
    o[t] = (s2 - s1) * (1.0f / 6.0f) + (s3 - s4) * (1.0f / 12.0f);
    o[2 * t] = (s3 + s4 - s1 - s2) * (1.0f / 6.0f) + s5;
}

/* o = Gᵀ s G: the 3x3 weight gradient from the 6x6 gradient s of u = G g Gᵀ */
static inline void ba_wino4_weight_grad(const float s[36], float o[9]) {
    float h[18];  /* (3, 6) */
    #pragma GCC unroll 6
    for (int j = 0; j < 6; j++) ba_wino4_gt(s + j, 6, h + j, 6);
    #pragma GCC unroll 6
    for (int i = 0; i < 3; i++) ba_wino4_gt(h + 6 * i, 1, o + 3 * i, 1);
}
"""
