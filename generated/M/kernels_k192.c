/* Kernels k192 to k207 and their backward kernels. */
#include "kernels.h"

/*
 * %1488 = bn_train(%1480, %1485, %1481, %1482) : f32[4,16,16,304]  features.6.4.block.3.1
 * %1489 = stochastic_depth(%1488, %1344) : f32[4,16,16,304]  features.6.4.stochastic_depth
 * %1490 = add(%1489, %1442) : f32[4,16,16,304]  features.6.4
 * %1492 = conv2d(%1490, %1491) : f32[4,16,16,1824]  features.6.5.block.0.0
 * 15 call sites share this function; the nodes and locations above are the first one's.
 * out %1492 -> A + 75104256
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %1442 f32[4,16,16,304] <- A + 162627584
 * in  %1480 f32[4,16,16,304] <- A + 162938880
 * in  %1481 f32[304] <- M + 16140300 (features.6.4.block.3.1.weight)
 * in  %1482 f32[304] <- M + 16140604 (features.6.4.block.3.1.bias)
 * in  %1485 f32[2,304] <- A + 169493376
 * in  %1491 f32[1824,304,1,1] <- M + 16140908 (features.6.5.block.0.0.weight)
 */
void k192_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,16,16,1824] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,16,16,304] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict gamma /* [304] */,
    const float *restrict beta /* [304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict w /* [1824,304,1,1] */,
    uint32_t salt,
    float rate) {
    /* y (1024, 1824) = f(x) (1024, 304) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float q0[304];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q0[c] = gamma[c] / sqrtf(stats[304 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 1824, 304, w, 304);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 77824);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 304; c++) {
                    const float t0 = x[r * 304 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * q1[r / 256];
                    const float t3 = b[r * 304 + c];
                    const float t4 = t2 + t3;
                    tile[(r - m0) * 304 + c] = t4;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1824, 304, 1.0f, tile, 304, w_f32, 0.0f, y + m0 * 1824, 1824);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %1488 = bn_train(%1480, %1485, %1481, %1482) : f32[4,16,16,304]  features.6.4.block.3.1
 * %1489 = stochastic_depth(%1488, %1344) : f32[4,16,16,304]  features.6.4.stochastic_depth
 * %1490 = add(%1489, %1442) : f32[4,16,16,304]  features.6.4
 * %1536 = bn_train(%1528, %1533, %1529, %1530) : f32[4,16,16,304]  features.6.5.block.3.1
 * %1537 = stochastic_depth(%1536, %1344) : f32[4,16,16,304]  features.6.5.stochastic_depth
 * %1538 = add(%1537, %1490) : f32[4,16,16,304]  features.6.5
 * %1540 = conv2d(%1538, %1539) : f32[4,16,16,1824]  features.6.6.block.0.0
 * 15 call sites share this function; the nodes and locations above are the first one's.
 * out %1540 -> A + 80707584
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %1442 f32[4,16,16,304] <- A + 162627584
 * in  %1480 f32[4,16,16,304] <- A + 162938880
 * in  %1481 f32[304] <- M + 16140300 (features.6.4.block.3.1.weight)
 * in  %1482 f32[304] <- M + 16140604 (features.6.4.block.3.1.bias)
 * in  %1485 f32[2,304] <- A + 169493376
 * in  %1528 f32[4,16,16,304] <- A + 163250176
 * in  %1529 f32[304] <- M + 17552760 (features.6.5.block.3.1.weight)
 * in  %1530 f32[304] <- M + 17553064 (features.6.5.block.3.1.bias)
 * in  %1533 f32[2,304] <- A + 169493984
 * in  %1539 f32[1824,304,1,1] <- M + 17553368 (features.6.6.block.0.0.weight)
 */
void k193_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,16,16,1824] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,16,16,304] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict gamma /* [304] */,
    const float *restrict beta /* [304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict gamma2 /* [304] */,
    const float *restrict beta2 /* [304] */,
    const float *restrict stats2 /* [2,304] */,
    const float *restrict w /* [1824,304,1,1] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* y (1024, 1824) = f(x) (1024, 304) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float q0[304];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q0[c] = gamma2[c] / sqrtf(stats2[304 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[304];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q2[c] = gamma[c] / sqrtf(stats[304 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 1824, 304, w, 304);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 77824);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 304; c++) {
                    const float t0 = x2[r * 304 + c];
                    const float t1 = (t0 - stats2[c]) * q0[c] + beta2[c];
                    const float t2 = t1 * q1[r / 256];
                    const float t3 = x[r * 304 + c];
                    const float t4 = (t3 - stats[c]) * q2[c] + beta[c];
                    const float t5 = t4 * q3[r / 256];
                    const float t6 = b[r * 304 + c];
                    const float t7 = t5 + t6;
                    const float t8 = t2 + t7;
                    tile[(r - m0) * 304 + c] = t8;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1824, 304, 1.0f, tile, 304, w_f32, 0.0f, y + m0 * 1824, 1824);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %1488 = bn_train(%1480, %1485, %1481, %1482) : f32[4,16,16,304]  features.6.4.block.3.1
 * %1489 = stochastic_depth(%1488, %1344) : f32[4,16,16,304]  features.6.4.stochastic_depth
 * %1490 = add(%1489, %1442) : f32[4,16,16,304]  features.6.4
 * %1536 = bn_train(%1528, %1533, %1529, %1530) : f32[4,16,16,304]  features.6.5.block.3.1
 * %1537 = stochastic_depth(%1536, %1344) : f32[4,16,16,304]  features.6.5.stochastic_depth
 * %1538 = add(%1537, %1490) : f32[4,16,16,304]  features.6.5
 * %1584 = bn_train(%1576, %1581, %1577, %1578) : f32[4,16,16,304]  features.6.6.block.3.1
 * %1585 = stochastic_depth(%1584, %1344) : f32[4,16,16,304]  features.6.6.stochastic_depth
 * %1586 = add(%1585, %1538) : f32[4,16,16,304]  features.6.6
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %1586 -> A + 163872768
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %1442 f32[4,16,16,304] <- A + 162627584
 * in  %1480 f32[4,16,16,304] <- A + 162938880
 * in  %1481 f32[304] <- M + 16140300 (features.6.4.block.3.1.weight)
 * in  %1482 f32[304] <- M + 16140604 (features.6.4.block.3.1.bias)
 * in  %1485 f32[2,304] <- A + 169493376
 * in  %1528 f32[4,16,16,304] <- A + 163250176
 * in  %1529 f32[304] <- M + 17552760 (features.6.5.block.3.1.weight)
 * in  %1530 f32[304] <- M + 17553064 (features.6.5.block.3.1.bias)
 * in  %1533 f32[2,304] <- A + 169493984
 * in  %1576 f32[4,16,16,304] <- A + 163561472
 * in  %1577 f32[304] <- M + 18965220 (features.6.6.block.3.1.weight)
 * in  %1578 f32[304] <- M + 18965524 (features.6.6.block.3.1.bias)
 * in  %1581 f32[2,304] <- A + 169494592
 */
void k194_bn_train_stochastic_depth_add(
    float *restrict y /* [4,16,16,304] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,16,16,304] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict gamma /* [304] */,
    const float *restrict beta /* [304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict gamma2 /* [304] */,
    const float *restrict beta2 /* [304] */,
    const float *restrict stats2 /* [2,304] */,
    const float *restrict x3 /* [4,16,16,304] */,
    const float *restrict gamma3 /* [304] */,
    const float *restrict beta3 /* [304] */,
    const float *restrict stats3 /* [2,304] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2,
    uint32_t salt3,
    float rate3) {
    float q0[304];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q0[c] = gamma3[c] / sqrtf(stats3[304 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[304];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q2[c] = gamma2[c] / sqrtf(stats2[304 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float q4[304];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q4[c] = gamma[c] / sqrtf(stats[304 + c] + 0.001f);
    }
    float q5[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q5[n] = ba_uniform((uint32_t)seed[0], salt3, (uint32_t)n) >= rate3 ? 1.0f / (1.0f - rate3) : 0.0f;
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 304; c++) {
            const long i = r * 304 + c;
            const float t0 = x3[r * 304 + c];
            const float t1 = (t0 - stats3[c]) * q0[c] + beta3[c];
            const float t2 = t1 * q1[r / 256];
            const float t3 = x2[r * 304 + c];
            const float t4 = (t3 - stats2[c]) * q2[c] + beta2[c];
            const float t5 = t4 * q3[r / 256];
            const float t6 = x[r * 304 + c];
            const float t7 = (t6 - stats[c]) * q4[c] + beta[c];
            const float t8 = t7 * q5[r / 256];
            const float t9 = b[r * 304 + c];
            const float t10 = t8 + t9;
            const float t11 = t5 + t10;
            const float t12 = t2 + t11;
            y[i] = t12;
        }
    }
}

/*
 * %2135 = bn_train(%2127, %2132, %2128, %2129) : f32[4,16,16,1824]  features.7.0.block.1.1
 * %2136 = silu(%2135) : f32[4,16,16,1824]  features.7.0.block.1.2
 * %2150 = mul(%2136, %2149) : f32[4,16,16,1824]  features.7.0.block.2
 * %2152 = conv2d(%2150, %2151) : f32[4,16,16,512]  features.7.0.block.3.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2152 -> A + 158236672
 * in  %2127 f32[4,16,16,1824] <- A + 151683072
 * in  %2128 f32[1824] <- M + 35077448 (features.7.0.block.1.1.weight)
 * in  %2129 f32[1824] <- M + 35079272 (features.7.0.block.1.1.bias)
 * in  %2132 f32[2,1824] <- A + 169477952
 * in  %2149 f32[4,1,1,1824] <- A + 169281152
 * in  %2151 f32[512,1824,1,1] <- M + 35360244 (features.7.0.block.3.0.weight)
 */
void k195_bn_train_silu_mul_conv1x1(
    float *restrict y /* [4,16,16,512] */,
    const float *restrict x /* [4,16,16,1824] */,
    const float *restrict gamma /* [1824] */,
    const float *restrict beta /* [1824] */,
    const float *restrict stats /* [2,1824] */,
    const float *restrict scale /* [4,1,1,1824] */,
    const float *restrict w /* [512,1824,1,1] */) {
    /* y (1024, 512) = f(x) (1024, 1824) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float q0[1824];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 1824; c++) {
        q0[c] = gamma[c] / sqrtf(stats[1824 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 512, 1824, w, 1824);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 466944);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 1824; c++) {
                    const float t0 = x[r * 1824 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    const float t3 = scale[(r / 256) * 1824 + c];
                    const float t4 = t2 * t3;
                    tile[(r - m0) * 1824 + c] = t4;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 512, 1824, 1.0f, tile, 1824, w_f32, 0.0f, y + m0 * 512, 512);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %2157 = bn_stats(%2152) : f32[2,512]  features.7.0.block.3.1
 * %2158 = running_mean_update(%2155, %2157) : f32[512]  features.7.0.block.3.1
 * %2159 = running_var_update(%2156, %2157) : f32[512]  features.7.0.block.3.1
 * 15 call sites share this function; the nodes and locations above are the first one's.
 * out %2157 -> A + 169485824
 * out %2158 -> M + 54087961
 * out %2159 -> M + 54088473
 * in  %2152 f32[4,16,16,512] <- A + 158236672
 * in  %2155 f32[512] <- M + 54087961 (features.7.0.block.3.1.running_mean)
 * in  %2156 f32[512] <- M + 54088473 (features.7.0.block.3.1.running_var)
 */
void k196_bn_stats_running(
    float *restrict stats /* [2,512] */,
    float *restrict running_mean /* [512] */,
    float *restrict running_var /* [512] */,
    const float *restrict x /* [4,16,16,512] */) {
    enum { C = 512, CHUNKS = 64 };
    double *part = malloc(sizeof(double) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x[r * 512 + c];
                p0[c] += (double)t0;
                p1[c] += (double)t0 * t0;
            }
        }
    }
    double *restrict sums = calloc(2 * C, sizeof(double));  /* (2, C): Σ over the chunks, in chunk order */
    if (!sums) abort();
    for (long ch = 0; ch < CHUNKS; ch++) {
        const double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { sums[c] += p0[c]; sums[C + c] += p1[c]; }
    }
    for (long c = 0; c < C; c++) {
        const double s0 = sums[c], s1 = sums[C + c];
        const double mean = s0 / 1024.0, var = fmax(s1 / 1024.0 - mean * mean, 0.0);
        stats[c] = (float)mean;
        stats[C + c] = (float)var;
        running_mean[c] = (float)(0.9f * (double)running_mean[c] + 0.1f * mean);  /* running mean */
        running_var[c] = (float)(0.9f * (double)running_var[c] + 0.1f * var * 1.0009775171065494);  /* running var (unbiased) */
    }
    free(sums);
    free(part);
}

/*
 * %2160 = bn_train(%2152, %2157, %2153, %2154) : f32[4,16,16,512]  features.7.0.block.3.1
 * %2162 = conv2d(%2160, %2161) : f32[4,16,16,3072]  features.7.1.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2162 -> A + 8650752
 * in  %2152 f32[4,16,16,512] <- A + 158236672
 * in  %2153 f32[512] <- M + 36294132 (features.7.0.block.3.1.weight)
 * in  %2154 f32[512] <- M + 36294644 (features.7.0.block.3.1.bias)
 * in  %2157 f32[2,512] <- A + 169485824
 * in  %2161 f32[3072,512,1,1] <- M + 36295156 (features.7.1.block.0.0.weight)
 */
void k197_bn_train_conv1x1(
    float *restrict y /* [4,16,16,3072] */,
    const float *restrict x /* [4,16,16,512] */,
    const float *restrict gamma /* [512] */,
    const float *restrict beta /* [512] */,
    const float *restrict stats /* [2,512] */,
    const float *restrict w /* [3072,512,1,1] */) {
    /* y (1024, 3072) = f(x) (1024, 512) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float q0[512];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q0[c] = gamma[c] / sqrtf(stats[512 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 3072, 512, w, 512);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 131072);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 512; c++) {
                    const float t0 = x[r * 512 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    tile[(r - m0) * 512 + c] = t1;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 3072, 512, 1.0f, tile, 512, w_f32, 0.0f, y + m0 * 3072, 3072);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %2167 = bn_stats(%2162) : f32[2,3072]  features.7.1.block.0.1
 * %2168 = running_mean_update(%2165, %2167) : f32[3072]  features.7.1.block.0.1
 * %2169 = running_var_update(%2166, %2167) : f32[3072]  features.7.1.block.0.1
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %2167 -> A + 169288448
 * out %2168 -> M + 54088985
 * out %2169 -> M + 54092057
 * in  %2162 f32[4,16,16,3072] <- A + 8650752
 * in  %2165 f32[3072] <- M + 54088985 (features.7.1.block.0.1.running_mean)
 * in  %2166 f32[3072] <- M + 54092057 (features.7.1.block.0.1.running_var)
 */
void k198_bn_stats_running(
    float *restrict stats /* [2,3072] */,
    float *restrict running_mean /* [3072] */,
    float *restrict running_var /* [3072] */,
    const float *restrict x /* [4,16,16,3072] */) {
    enum { C = 3072, CHUNKS = 64 };
    double *part = malloc(sizeof(double) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x[r * 3072 + c];
                p0[c] += (double)t0;
                p1[c] += (double)t0 * t0;
            }
        }
    }
    double *restrict sums = calloc(2 * C, sizeof(double));  /* (2, C): Σ over the chunks, in chunk order */
    if (!sums) abort();
    for (long ch = 0; ch < CHUNKS; ch++) {
        const double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { sums[c] += p0[c]; sums[C + c] += p1[c]; }
    }
    for (long c = 0; c < C; c++) {
        const double s0 = sums[c], s1 = sums[C + c];
        const double mean = s0 / 1024.0, var = fmax(s1 / 1024.0 - mean * mean, 0.0);
        stats[c] = (float)mean;
        stats[C + c] = (float)var;
        running_mean[c] = (float)(0.9f * (double)running_mean[c] + 0.1f * mean);  /* running mean */
        running_var[c] = (float)(0.9f * (double)running_var[c] + 0.1f * var * 1.0009775171065494);  /* running var (unbiased) */
    }
    free(sums);
    free(part);
}

/*
 * %2170 = bn_train(%2162, %2167, %2163, %2164) : f32[4,16,16,3072]  features.7.1.block.0.1
 * %2171 = silu(%2170) : f32[4,16,16,3072]  features.7.1.block.0.2
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %2171 -> A + 11796480
 * in  %2162 f32[4,16,16,3072] <- A + 8650752
 * in  %2163 f32[3072] <- M + 37868020 (features.7.1.block.0.1.weight)
 * in  %2164 f32[3072] <- M + 37871092 (features.7.1.block.0.1.bias)
 * in  %2167 f32[2,3072] <- A + 169288448
 */
void k199_bn_train_silu(
    float *restrict y /* [4,16,16,3072] */,
    const float *restrict x /* [4,16,16,3072] */,
    const float *restrict gamma /* [3072] */,
    const float *restrict beta /* [3072] */,
    const float *restrict stats /* [2,3072] */) {
    float q0[3072];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 3072; c++) {
        q0[c] = gamma[c] / sqrtf(stats[3072 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 3072; c++) {
            const long i = r * 3072 + c;
            const float t0 = x[r * 3072 + c];
            const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
            const float t2 = t1 * ba_sigmoid(t1);
            y[i] = t2;
        }
    }
}

/*
 * %2173 = conv2d(%2171, %2172) : f32[4,16,16,3072]  features.7.1.block.1.0
 * %2178 = bn_stats(%2173) : f32[2,3072]  features.7.1.block.1.1
 * %2179 = running_mean_update(%2176, %2178) : f32[3072]  features.7.1.block.1.1
 * %2180 = running_var_update(%2177, %2178) : f32[3072]  features.7.1.block.1.1
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %2173 -> A + 14942208
 * out %2178 -> A + 169294592
 * out %2179 -> M + 54095129
 * out %2180 -> M + 54098201
 * in  %2171 f32[4,16,16,3072] <- A + 11796480
 * in  %2172 f32[3072,1,3,3] <- M + 37874164 (features.7.1.block.1.0.weight)
 * in  %2176 f32[3072] <- M + 54095129 (features.7.1.block.1.1.running_mean)
 * in  %2177 f32[3072] <- M + 54098201 (features.7.1.block.1.1.running_var)
 */
void k200_dwconv3x3_bn_stats_running(
    float *restrict y /* [4,16,16,3072] */,
    float *restrict stats /* [2,3072] */,
    float *restrict running_mean /* [3072] */,
    float *restrict running_var /* [3072] */,
    const float *restrict x /* [4,16,16,3072] */,
    const float *restrict w /* [3072,1,3,3] */) {
    /* x (4,16,16,3072) w (3072,1,3,3) y (4,16,16,3072) stride 1 pad 1 groups 3072 */
    double *part = malloc(sizeof(double) * 393216);  /* (N·Ho, 2, C): per-row Σy, Σy² */
    if (!part) abort();
    float *restrict wt = malloc(sizeof(float) * 27648);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 3072; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 3072 + c] = w[(c * 3 + r) * 3 + s];
    /* Depthwise 3x3 as a sliding window: per output row and block of 16 channels, the weights and the 3x3
     * window of x stay in registers while ow moves right; rows and columns outside x are zeros. */
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long oh = 0; oh < 16; oh++) {
            const int up = oh > 0, down = oh + 1 < 16;
            const long o1 = (n * 16 + oh) * 49152, o0 = o1 - 49152, o2 = o1 + 49152;
            double *restrict ps = part + (n * 16 + oh) * 6144;
            for (long c = 0; c < 3072; c += 16) {
                const ba_v16 zero = {0};
                const ba_v16 w00 = *(const ba_v16 *)(wt + c), w01 = *(const ba_v16 *)(wt + 3072 + c), w02 = *(const ba_v16 *)(wt + 6144 + c);
                const ba_v16 w10 = *(const ba_v16 *)(wt + 9216 + c), w11 = *(const ba_v16 *)(wt + 12288 + c), w12 = *(const ba_v16 *)(wt + 15360 + c);
                const ba_v16 w20 = *(const ba_v16 *)(wt + 18432 + c), w21 = *(const ba_v16 *)(wt + 21504 + c), w22 = *(const ba_v16 *)(wt + 24576 + c);
                ba_v16 v00 = zero, v10 = zero, v20 = zero;
                ba_v16 v01 = up ? *(const ba_v16 *)(x + o0 + c) : zero, v11 = *(const ba_v16 *)(x + o1 + c), v21 = down ? *(const ba_v16 *)(x + o2 + c) : zero;
                ba_v8d sum0 = {0}, sq0 = {0}, sum1 = {0}, sq1 = {0};
                for (long col = 0; col < 16; col++) {
                    ba_v16 v02 = zero, v12 = zero, v22 = zero;
                    if (col + 1 < 16) {
                        const long next = (col + 1) * 3072 + c;
                        if (up) { v02 = *(const ba_v16 *)(x + o0 + next); __builtin_prefetch(x + o0 + next + 16); }
                        v12 = *(const ba_v16 *)(x + o1 + next); __builtin_prefetch(x + o1 + next + 16);
                        if (down) { v22 = *(const ba_v16 *)(x + o2 + next); __builtin_prefetch(x + o2 + next + 16); }
                    }
                    const ba_v16 v = v00 * w00 + v01 * w01 + v02 * w02
                        + v10 * w10 + v11 * w11 + v12 * w12
                        + v20 * w20 + v21 * w21 + v22 * w22;
                    *(ba_v16 *)(y + o1 + col * 3072 + c) = v;
                    __builtin_prefetch(y + o1 + col * 3072 + c + 16, 1);
                    { const ba_v8d dv = BA_LO_V8D(v); sum0 += dv; sq0 += dv * dv; }
                    { const ba_v8d dv = BA_HI_V8D(v); sum1 += dv; sq1 += dv * dv; }
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
                *(ba_v8d *)(ps + c) = sum0;
                *(ba_v8d *)(ps + c + 8) = sum1;
                *(ba_v8d *)(ps + 3072 + c) = sq0;
                *(ba_v8d *)(ps + 3072 + c + 8) = sq1;
            }
        }
    }
    free(wt);
    /* Σ of the rows in row order, per channel: blocks of 256 channels over the threads */
    #pragma omp parallel for schedule(static)
    for (long c0 = 0; c0 < 3072; c0 += 256) {
        const long c1 = c0 + 256 < 3072 ? c0 + 256 : 3072;
        double s0[256], s1[256];
        for (long c = c0; c < c1; c++) { s0[c - c0] = 0.0; s1[c - c0] = 0.0; }
        for (long row = 0; row < 64; row++) {
            const double *restrict ps = part + row * 6144;
            for (long c = c0; c < c1; c++) { s0[c - c0] += ps[c]; s1[c - c0] += ps[3072 + c]; }
        }
        for (long c = c0; c < c1; c++) {
            const double mean = s0[c - c0] / 1024.0, var = fmax(s1[c - c0] / 1024.0 - mean * mean, 0.0);
            stats[c] = (float)mean;
            stats[3072 + c] = (float)var;
            running_mean[c] = (float)(0.9f * (double)running_mean[c] + 0.1f * mean);  /* running mean */
            running_var[c] = (float)(0.9f * (double)running_var[c] + 0.1f * var * 1.0009775171065494);  /* running var (unbiased) */
        }
    }
    free(part);
}

/*
 * %2181 = bn_train(%2173, %2178, %2174, %2175) : f32[4,16,16,3072]  features.7.1.block.1.1
 * %2182 = silu(%2181) : f32[4,16,16,3072]  features.7.1.block.1.2
 * %2183 = reduce_mean(%2182) : f32[4,1,1,3072]  features.7.1.block.2.avgpool
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %2183 -> A + 168747008
 * in  %2173 f32[4,16,16,3072] <- A + 14942208
 * in  %2174 f32[3072] <- M + 37901812 (features.7.1.block.1.1.weight)
 * in  %2175 f32[3072] <- M + 37904884 (features.7.1.block.1.1.bias)
 * in  %2178 f32[2,3072] <- A + 169294592
 */
void k201_bn_train_silu_reduce_mean(
    float *restrict y /* [4,1,1,3072] */,
    const float *restrict x /* [4,16,16,3072] */,
    const float *restrict gamma /* [3072] */,
    const float *restrict beta /* [3072] */,
    const float *restrict stats /* [2,3072] */) {
    /* mean over axes [1, 2] of [4, 16, 16, 3072]: (4, 256, 3072) -> (4, 3072) */
    float q0[3072];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 3072; c++) {
        q0[c] = gamma[c] / sqrtf(stats[3072 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[3072];
        for (long q = 0; q < 3072; q++) acc[q] = 0.0;
        for (long j = 0; j < 256; j++) {
            for (long q = 0; q < 3072; q++) {
                const long r = o * 256 + j;
                const long c = q;
                const float t0 = x[r * 3072 + c];
                const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                const float t2 = t1 * ba_sigmoid(t1);
                acc[q] += t2;
            }
        }
        for (long q = 0; q < 3072; q++) y[o * 3072 + q] = (float)(acc[q] / 256.0);
    }
}

/*
 * %2181 = bn_train(%2173, %2178, %2174, %2175) : f32[4,16,16,3072]  features.7.1.block.1.1
 * %2182 = silu(%2181) : f32[4,16,16,3072]  features.7.1.block.1.2
 * %2196 = mul(%2182, %2195) : f32[4,16,16,3072]  features.7.1.block.2
 * %2198 = conv2d(%2196, %2197) : f32[4,16,16,512]  features.7.1.block.3.0
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %2198 -> A + 158760960
 * in  %2173 f32[4,16,16,3072] <- A + 14942208
 * in  %2174 f32[3072] <- M + 37901812 (features.7.1.block.1.1.weight)
 * in  %2175 f32[3072] <- M + 37904884 (features.7.1.block.1.1.bias)
 * in  %2178 f32[2,3072] <- A + 169294592
 * in  %2195 f32[4,1,1,3072] <- A + 168771584
 * in  %2197 f32[512,3072,1,1] <- M + 38697588 (features.7.1.block.3.0.weight)
 */
void k202_bn_train_silu_mul_conv1x1(
    float *restrict y /* [4,16,16,512] */,
    const float *restrict x /* [4,16,16,3072] */,
    const float *restrict gamma /* [3072] */,
    const float *restrict beta /* [3072] */,
    const float *restrict stats /* [2,3072] */,
    const float *restrict scale /* [4,1,1,3072] */,
    const float *restrict w /* [512,3072,1,1] */) {
    /* y (1024, 512) = f(x) (1024, 3072) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float q0[3072];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 3072; c++) {
        q0[c] = gamma[c] / sqrtf(stats[3072 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 512, 3072, w, 3072);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 786432);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 3072; c++) {
                    const float t0 = x[r * 3072 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    const float t3 = scale[(r / 256) * 3072 + c];
                    const float t4 = t2 * t3;
                    tile[(r - m0) * 3072 + c] = t4;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 512, 3072, 1.0f, tile, 3072, w_f32, 0.0f, y + m0 * 512, 512);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %2160 = bn_train(%2152, %2157, %2153, %2154) : f32[4,16,16,512]  features.7.0.block.3.1
 * %2206 = bn_train(%2198, %2203, %2199, %2200) : f32[4,16,16,512]  features.7.1.block.3.1
 * %2207 = stochastic_depth(%2206, %1344) : f32[4,16,16,512]  features.7.1.stochastic_depth
 * %2208 = add(%2207, %2160) : f32[4,16,16,512]  features.7.1
 * %2210 = conv2d(%2208, %2209) : f32[4,16,16,3072]  features.7.2.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2210 -> A + 18087936
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %2152 f32[4,16,16,512] <- A + 158236672
 * in  %2153 f32[512] <- M + 36294132 (features.7.0.block.3.1.weight)
 * in  %2154 f32[512] <- M + 36294644 (features.7.0.block.3.1.bias)
 * in  %2157 f32[2,512] <- A + 169485824
 * in  %2198 f32[4,16,16,512] <- A + 158760960
 * in  %2199 f32[512] <- M + 40270452 (features.7.1.block.3.1.weight)
 * in  %2200 f32[512] <- M + 40270964 (features.7.1.block.3.1.bias)
 * in  %2203 f32[2,512] <- A + 169486848
 * in  %2209 f32[3072,512,1,1] <- M + 40271476 (features.7.2.block.0.0.weight)
 */
void k203_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,16,16,3072] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,512] */,
    const float *restrict gamma /* [512] */,
    const float *restrict beta /* [512] */,
    const float *restrict stats /* [2,512] */,
    const float *restrict x2 /* [4,16,16,512] */,
    const float *restrict gamma2 /* [512] */,
    const float *restrict beta2 /* [512] */,
    const float *restrict stats2 /* [2,512] */,
    const float *restrict w /* [3072,512,1,1] */,
    uint32_t salt,
    float rate) {
    /* y (1024, 3072) = f(x) (1024, 512) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float q0[512];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q0[c] = gamma2[c] / sqrtf(stats2[512 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[512];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q2[c] = gamma[c] / sqrtf(stats[512 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 3072, 512, w, 512);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 131072);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 512; c++) {
                    const float t0 = x2[r * 512 + c];
                    const float t1 = (t0 - stats2[c]) * q0[c] + beta2[c];
                    const float t2 = t1 * q1[r / 256];
                    const float t3 = x[r * 512 + c];
                    const float t4 = (t3 - stats[c]) * q2[c] + beta[c];
                    const float t5 = t2 + t4;
                    tile[(r - m0) * 512 + c] = t5;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 3072, 512, 1.0f, tile, 512, w_f32, 0.0f, y + m0 * 3072, 3072);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %2160 = bn_train(%2152, %2157, %2153, %2154) : f32[4,16,16,512]  features.7.0.block.3.1
 * %2206 = bn_train(%2198, %2203, %2199, %2200) : f32[4,16,16,512]  features.7.1.block.3.1
 * %2207 = stochastic_depth(%2206, %1344) : f32[4,16,16,512]  features.7.1.stochastic_depth
 * %2208 = add(%2207, %2160) : f32[4,16,16,512]  features.7.1
 * %2254 = bn_train(%2246, %2251, %2247, %2248) : f32[4,16,16,512]  features.7.2.block.3.1
 * %2255 = stochastic_depth(%2254, %1344) : f32[4,16,16,512]  features.7.2.stochastic_depth
 * %2256 = add(%2255, %2208) : f32[4,16,16,512]  features.7.2
 * %2258 = conv2d(%2256, %2257) : f32[4,16,16,3072]  features.7.3.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2258 -> A + 27525120
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %2152 f32[4,16,16,512] <- A + 158236672
 * in  %2153 f32[512] <- M + 36294132 (features.7.0.block.3.1.weight)
 * in  %2154 f32[512] <- M + 36294644 (features.7.0.block.3.1.bias)
 * in  %2157 f32[2,512] <- A + 169485824
 * in  %2198 f32[4,16,16,512] <- A + 158760960
 * in  %2199 f32[512] <- M + 40270452 (features.7.1.block.3.1.weight)
 * in  %2200 f32[512] <- M + 40270964 (features.7.1.block.3.1.bias)
 * in  %2203 f32[2,512] <- A + 169486848
 * in  %2246 f32[4,16,16,512] <- A + 159285248
 * in  %2247 f32[512] <- M + 44246772 (features.7.2.block.3.1.weight)
 * in  %2248 f32[512] <- M + 44247284 (features.7.2.block.3.1.bias)
 * in  %2251 f32[2,512] <- A + 169487872
 * in  %2257 f32[3072,512,1,1] <- M + 44247796 (features.7.3.block.0.0.weight)
 */
void k204_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,16,16,3072] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,512] */,
    const float *restrict gamma /* [512] */,
    const float *restrict beta /* [512] */,
    const float *restrict stats /* [2,512] */,
    const float *restrict x2 /* [4,16,16,512] */,
    const float *restrict gamma2 /* [512] */,
    const float *restrict beta2 /* [512] */,
    const float *restrict stats2 /* [2,512] */,
    const float *restrict x3 /* [4,16,16,512] */,
    const float *restrict gamma3 /* [512] */,
    const float *restrict beta3 /* [512] */,
    const float *restrict stats3 /* [2,512] */,
    const float *restrict w /* [3072,512,1,1] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* y (1024, 3072) = f(x) (1024, 512) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float q0[512];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q0[c] = gamma3[c] / sqrtf(stats3[512 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[512];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q2[c] = gamma2[c] / sqrtf(stats2[512 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float q4[512];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q4[c] = gamma[c] / sqrtf(stats[512 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 3072, 512, w, 512);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 131072);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 512; c++) {
                    const float t0 = x3[r * 512 + c];
                    const float t1 = (t0 - stats3[c]) * q0[c] + beta3[c];
                    const float t2 = t1 * q1[r / 256];
                    const float t3 = x2[r * 512 + c];
                    const float t4 = (t3 - stats2[c]) * q2[c] + beta2[c];
                    const float t5 = t4 * q3[r / 256];
                    const float t6 = x[r * 512 + c];
                    const float t7 = (t6 - stats[c]) * q4[c] + beta[c];
                    const float t8 = t5 + t7;
                    const float t9 = t2 + t8;
                    tile[(r - m0) * 512 + c] = t9;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 3072, 512, 1.0f, tile, 512, w_f32, 0.0f, y + m0 * 3072, 3072);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %2160 = bn_train(%2152, %2157, %2153, %2154) : f32[4,16,16,512]  features.7.0.block.3.1
 * %2206 = bn_train(%2198, %2203, %2199, %2200) : f32[4,16,16,512]  features.7.1.block.3.1
 * %2207 = stochastic_depth(%2206, %1344) : f32[4,16,16,512]  features.7.1.stochastic_depth
 * %2208 = add(%2207, %2160) : f32[4,16,16,512]  features.7.1
 * %2254 = bn_train(%2246, %2251, %2247, %2248) : f32[4,16,16,512]  features.7.2.block.3.1
 * %2255 = stochastic_depth(%2254, %1344) : f32[4,16,16,512]  features.7.2.stochastic_depth
 * %2256 = add(%2255, %2208) : f32[4,16,16,512]  features.7.2
 * %2302 = bn_train(%2294, %2299, %2295, %2296) : f32[4,16,16,512]  features.7.3.block.3.1
 * %2303 = stochastic_depth(%2302, %1344) : f32[4,16,16,512]  features.7.3.stochastic_depth
 * %2304 = add(%2303, %2256) : f32[4,16,16,512]  features.7.3
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * 1 values written, 17 read (flat over the state blocks)
 */
void k205_bn_train_stochastic_depth_add(
    float *restrict y /* [4,16,16,512] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,512] */,
    const float *restrict gamma /* [512] */,
    const float *restrict beta /* [512] */,
    const float *restrict stats /* [2,512] */,
    const float *restrict x2 /* [4,16,16,512] */,
    const float *restrict gamma2 /* [512] */,
    const float *restrict beta2 /* [512] */,
    const float *restrict stats2 /* [2,512] */,
    const float *restrict x3 /* [4,16,16,512] */,
    const float *restrict gamma3 /* [512] */,
    const float *restrict beta3 /* [512] */,
    const float *restrict stats3 /* [2,512] */,
    const float *restrict x4 /* [4,16,16,512] */,
    const float *restrict gamma4 /* [512] */,
    const float *restrict beta4 /* [512] */,
    const float *restrict stats4 /* [2,512] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2,
    uint32_t salt3,
    float rate3) {
    float q0[512];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q0[c] = gamma4[c] / sqrtf(stats4[512 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[512];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q2[c] = gamma3[c] / sqrtf(stats3[512 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float q4[512];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q4[c] = gamma2[c] / sqrtf(stats2[512 + c] + 0.001f);
    }
    float q5[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q5[n] = ba_uniform((uint32_t)seed[0], salt3, (uint32_t)n) >= rate3 ? 1.0f / (1.0f - rate3) : 0.0f;
    float q6[512];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q6[c] = gamma[c] / sqrtf(stats[512 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 512; c++) {
            const long i = r * 512 + c;
            const float t0 = x4[r * 512 + c];
            const float t1 = (t0 - stats4[c]) * q0[c] + beta4[c];
            const float t2 = t1 * q1[r / 256];
            const float t3 = x3[r * 512 + c];
            const float t4 = (t3 - stats3[c]) * q2[c] + beta3[c];
            const float t5 = t4 * q3[r / 256];
            const float t6 = x2[r * 512 + c];
            const float t7 = (t6 - stats2[c]) * q4[c] + beta2[c];
            const float t8 = t7 * q5[r / 256];
            const float t9 = x[r * 512 + c];
            const float t10 = (t9 - stats[c]) * q6[c] + beta[c];
            const float t11 = t8 + t10;
            const float t12 = t5 + t11;
            const float t13 = t2 + t12;
            y[i] = t13;
        }
    }
}

/*
 * %2306 = conv2d(%2304, %2305) : f32[4,16,16,3072]  features.7.4.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2306 -> A + 36962304
 * in  %2304 f32[4,16,16,512] <- A + 160333824
 * in  %2305 f32[3072,512,1,1] <- M + 48224116 (features.7.4.block.0.0.weight)
 */
void k206_conv1x1(
    float *restrict y /* [4,16,16,3072] */,
    const float *restrict x /* [4,16,16,512] */,
    const float *restrict w /* [3072,512,1,1] */) {
    /* x (4,16,16,512) w (3072,512,1,1) y (4,16,16,3072) stride 1 pad 0 */
    /* y (N·H·W, K) = x (N·H·W, C) · wᵀ (C, K) */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 1024, 3072, 512, 1.0f, x, 512, w, 512, 0.0f, y, 3072);
}

/*
 * %2350 = bn_train(%2342, %2347, %2343, %2344) : f32[4,16,16,512]  features.7.4.block.3.1
 * %2351 = stochastic_depth(%2350, %1344) : f32[4,16,16,512]  features.7.4.stochastic_depth
 * %2352 = add(%2351, %2304) : f32[4,16,16,512]  features.7.4
 * %2354 = conv2d(%2352, %2353) : f32[4,16,16,1280]  features.8.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2354 -> A + 46399488
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %2304 f32[4,16,16,512] <- A + 160333824
 * in  %2342 f32[4,16,16,512] <- A + 51642368
 * in  %2343 f32[512] <- M + 52199412 (features.7.4.block.3.1.weight)
 * in  %2344 f32[512] <- M + 52199924 (features.7.4.block.3.1.bias)
 * in  %2347 f32[2,512] <- A + 169489920
 * in  %2353 f32[1280,512,1,1] <- M + 52200436 (features.8.0.weight)
 */
void k207_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,16,16,1280] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,16,16,512] */,
    const float *restrict x /* [4,16,16,512] */,
    const float *restrict gamma /* [512] */,
    const float *restrict beta /* [512] */,
    const float *restrict stats /* [2,512] */,
    const float *restrict w /* [1280,512,1,1] */,
    uint32_t salt,
    float rate) {
    /* y (1024, 1280) = f(x) (1024, 512) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float q0[512];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q0[c] = gamma[c] / sqrtf(stats[512 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 1280, 512, w, 512);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 131072);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 512; c++) {
                    const float t0 = x[r * 512 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * q1[r / 256];
                    const float t3 = b[r * 512 + c];
                    const float t4 = t2 + t3;
                    tile[(r - m0) * 512 + c] = t4;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1280, 512, 1.0f, tile, 512, w_f32, 0.0f, y + m0 * 1280, 1280);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %2500 = conv2d_bwd_input(%2495, %2353) : f32[4,16,16,512]  features.8.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2500 -> A + 160858112
 * in  %2495 f32[4,16,16,1280] <- A + 49020928
 * in  %2353 f32[1280,512,1,1] <- M + 52200436 (features.8.0.weight)
 */
void k207b_conv1x1_bwd_input(
    float *restrict dx /* [4,16,16,512] */,
    const float *restrict dy /* [4,16,16,1280] */,
    const float *restrict w /* [1280,512,1,1] */) {
    /* dx of x (4,16,16,512) w (1280,512,1,1) y (4,16,16,1280) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 1024, 512, 1280, 1.0f, dy, 1280, w, 512, 0.0f, dx, 512);
}

/*
 * %2350 = bn_train(%2342, %2347, %2343, %2344) : f32[4,16,16,512]  features.7.4.block.3.1
 * %2351 = stochastic_depth(%2350, %1344) : f32[4,16,16,512]  features.7.4.stochastic_depth
 * %2352 = add(%2351, %2304) : f32[4,16,16,512]  features.7.4
 * %2501 = conv2d_bwd_weight(%2495, %2352) : f32[1280,512,1,1]  features.8.0
 * %4200 = add(%4199, %2501) : f32[1280,512,1,1]  features.8.0.weight
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %4200 -> G + 52200436
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %2304 f32[4,16,16,512] <- A + 160333824
 * in  %2342 f32[4,16,16,512] <- A + 51642368
 * in  %2343 f32[512] <- M + 52199412 (features.7.4.block.3.1.weight)
 * in  %2344 f32[512] <- M + 52199924 (features.7.4.block.3.1.bias)
 * in  %2347 f32[2,512] <- A + 169489920
 * in  %2495 f32[4,16,16,1280] <- A + 49020928
 * in  %4199 f32[1280,512,1,1] <- G + 52200436 (features.8.0.weight)
 */
void k207b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [1280,512,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,16,16,512] */,
    const float *restrict x /* [4,16,16,512] */,
    const float *restrict gamma /* [512] */,
    const float *restrict beta /* [512] */,
    const float *restrict stats /* [2,512] */,
    const float *restrict dy /* [4,16,16,1280] */,
    uint32_t salt,
    float rate) {
    /* dw (1280, 512) += dyᵀ (1280, 1024) · f(x) (1024, 512), f(x) recomputed in tiles of 256 rows */
    float q0[512];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q0[c] = gamma[c] / sqrtf(stats[512 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 655360);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 655360;
        float *restrict tile = malloc(sizeof(float) * 131072);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 512; c++) {
                    const float t0 = x[r * 512 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * q1[r / 256];
                    const float t3 = b[r * 512 + c];
                    const float t4 = t2 + t3;
                    tile[(r - m0) * 512 + c] = t4;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 1280, 512, rows, 1.0f, dy + m0 * 1280, 1280, tile, 512, first ? 0.0f : 1.0f, mine, 512);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 655360);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 655360; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 655360 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %2502 = stochastic_depth_bwd(%2500, %1344) : f32[4,16,16,512]  features.7.4.stochastic_depth
 * %2503 = bn_bwd_reduce(%2502, %2342, %2347) : f32[2,512]  features.7.4.block.3.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2503 -> A + 46399488
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %2342 f32[4,16,16,512] <- A + 51642368
 * in  %2347 f32[2,512] <- A + 169489920
 * in  %2500 f32[4,16,16,512] <- A + 160858112
 */
void k196b_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,512] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,512] */,
    const float *restrict stats /* [2,512] */,
    const float *restrict dy /* [4,16,16,512] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[512];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q1[c] = 1.0f / sqrtf(stats[512 + c] + 0.001f);
    }
    enum { C = 512, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = dy[r * 512 + c];
                const float t1 = t0 * q0[r / 256];
                const float t2 = x[r * 512 + c];
                const float xh = (t2 - stats[c]) * q1[c];
                p0[c] += t1;
                p1[c] += t1 * xh;
            }
        }
    }
    double *restrict sums = calloc(2 * C, sizeof(double));  /* (2, C): Σ over the chunks, in chunk order */
    if (!sums) abort();
    for (long ch = 0; ch < CHUNKS; ch++) {
        const float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { sums[c] += (double)p0[c]; sums[C + c] += (double)p1[c]; }
    }
    for (long c = 0; c < C; c++) {
        const double s0 = sums[c], s1 = sums[C + c];
        dstats[c] = (float)s0;
        dstats[C + c] = (float)s1;
    }
    free(sums);
    free(part);
}

/*
 * %2502 = stochastic_depth_bwd(%2500, %1344) : f32[4,16,16,512]  features.7.4.stochastic_depth
 * %2504 = bn_bwd_input(%2502, %2342, %2347, %2343, %2503) : f32[4,16,16,512]  features.7.4.block.3.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2504 -> A + 52166656
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %2342 f32[4,16,16,512] <- A + 51642368
 * in  %2343 f32[512] <- M + 52199412 (features.7.4.block.3.1.weight)
 * in  %2347 f32[2,512] <- A + 169489920
 * in  %2500 f32[4,16,16,512] <- A + 160858112
 * in  %2503 f32[2,512] <- A + 46399488
 */
void k196b_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,16,16,512] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,512] */,
    const float *restrict gamma /* [512] */,
    const float *restrict stats /* [2,512] */,
    const float *restrict dy /* [4,16,16,512] */,
    const float *restrict dstats /* [2,512] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[512], q2[512], q3[512];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 512; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[512 + c] + 0.001f));
        q2[c] = dstats[c] / 1024.0f;
        q3[c] = dstats[512 + c] / 1024.0f * (1.0f / sqrtf(stats[512 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 512; c++) {
            const long i = r * 512 + c;
            const float t0 = dy[r * 512 + c];
            const float t1 = t0 * q0[r / 256];
            const float t2 = x[r * 512 + c];
            const float t3 = q1[c] * (t1 - q2[c] - (t2 - stats[c]) * q3[c]);
            dx[i] = t3;
        }
    }
}

/*
 * %2509 = conv2d_bwd_input(%2504, %2341) : f32[4,16,16,3072]  features.7.4.block.3.0
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %2509 -> A + 46399488
 * in  %2504 f32[4,16,16,512] <- A + 52166656
 * in  %2341 f32[512,3072,1,1] <- M + 50626548 (features.7.4.block.3.0.weight)
 */
void k202b_conv1x1_bwd_input(
    float *restrict dx /* [4,16,16,3072] */,
    const float *restrict dy /* [4,16,16,512] */,
    const float *restrict w /* [512,3072,1,1] */) {
    /* dx of x (4,16,16,3072) w (512,3072,1,1) y (4,16,16,512) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 1024, 3072, 512, 1.0f, dy, 512, w, 3072, 0.0f, dx, 3072);
}

/*
 * %2325 = bn_train(%2317, %2322, %2318, %2319) : f32[4,16,16,3072]  features.7.4.block.1.1
 * %2326 = silu(%2325) : f32[4,16,16,3072]  features.7.4.block.1.2
 * %2340 = mul(%2326, %2339) : f32[4,16,16,3072]  features.7.4.block.2
 * %2510 = conv2d_bwd_weight(%2504, %2340) : f32[512,3072,1,1]  features.7.4.block.3.0
 * %4194 = add(%4193, %2510) : f32[512,3072,1,1]  features.7.4.block.3.0.weight
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %4194 -> G + 50626548
 * in  %2317 f32[4,16,16,3072] <- A + 43253760
 * in  %2318 f32[3072] <- M + 49830772 (features.7.4.block.1.1.weight)
 * in  %2319 f32[3072] <- M + 49833844 (features.7.4.block.1.1.bias)
 * in  %2322 f32[2,3072] <- A + 169331456
 * in  %2339 f32[4,1,1,3072] <- A + 168882176
 * in  %2504 f32[4,16,16,512] <- A + 52166656
 * in  %4193 f32[512,3072,1,1] <- G + 50626548 (features.7.4.block.3.0.weight)
 */
void k202b_bn_train_silu_mul_conv1x1_bwd_weight_acc(
    float *restrict grad /* [512,3072,1,1] */,
    const float *restrict x /* [4,16,16,3072] */,
    const float *restrict gamma /* [3072] */,
    const float *restrict beta /* [3072] */,
    const float *restrict stats /* [2,3072] */,
    const float *restrict scale /* [4,1,1,3072] */,
    const float *restrict dy /* [4,16,16,512] */) {
    /* dw (512, 3072) += dyᵀ (512, 1024) · f(x) (1024, 3072), f(x) recomputed in tiles of 256 rows */
    float q0[3072];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 3072; c++) {
        q0[c] = gamma[c] / sqrtf(stats[3072 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 1572864);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 1572864;
        float *restrict tile = malloc(sizeof(float) * 786432);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 3072; c++) {
                    const float t0 = x[r * 3072 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    const float t3 = scale[(r / 256) * 3072 + c];
                    const float t4 = t2 * t3;
                    tile[(r - m0) * 3072 + c] = t4;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 512, 3072, rows, 1.0f, dy + m0 * 512, 512, tile, 3072, first ? 0.0f : 1.0f, mine, 3072);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 1572864);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 1572864; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 1572864 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %2538 = conv2d_bwd_input(%2533, %2316) : f32[4,16,16,3072]  features.7.4.block.1.0
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %2538 -> A + 43253760
 * in  %2533 f32[4,16,16,3072] <- A + 49545216
 * in  %2316 f32[3072,1,3,3] <- M + 49803124 (features.7.4.block.1.0.weight)
 */
void k200b_dwconv3x3_bwd_input(
    float *restrict dx /* [4,16,16,3072] */,
    const float *restrict dy /* [4,16,16,3072] */,
    const float *restrict w /* [3072,1,3,3] */) {
    /* dx of x (4,16,16,3072) w (3072,1,3,3) y (4,16,16,3072) stride 1 pad 1 groups 3072 */
    float *restrict wt = malloc(sizeof(float) * 27648);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 3072; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 3072 + c] = w[(c * 3 + r) * 3 + s];
    /* Depthwise 3x3 dx as a sliding window over dy: per input row and block of 16 channels, the weights and
     * the 3x3 window of dy stay in registers while iw moves right; rows and columns outside dy are zeros. */
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long ih = 0; ih < 16; ih++) {
            const int up = ih > 0, down = ih + 1 < 16;
            const long o1 = (n * 16 + ih) * 49152, o0 = o1 - 49152, o2 = o1 + 49152;
            for (long c = 0; c < 3072; c += 16) {
                const ba_v16 zero = {0};
                const ba_v16 w00 = *(const ba_v16 *)(wt + c), w01 = *(const ba_v16 *)(wt + 3072 + c), w02 = *(const ba_v16 *)(wt + 6144 + c);
                const ba_v16 w10 = *(const ba_v16 *)(wt + 9216 + c), w11 = *(const ba_v16 *)(wt + 12288 + c), w12 = *(const ba_v16 *)(wt + 15360 + c);
                const ba_v16 w20 = *(const ba_v16 *)(wt + 18432 + c), w21 = *(const ba_v16 *)(wt + 21504 + c), w22 = *(const ba_v16 *)(wt + 24576 + c);
                ba_v16 v00 = zero, v10 = zero, v20 = zero;
                ba_v16 v01 = up ? *(const ba_v16 *)(dy + o0 + c) : zero, v11 = *(const ba_v16 *)(dy + o1 + c), v21 = down ? *(const ba_v16 *)(dy + o2 + c) : zero;
                for (long col = 0; col < 16; col++) {
                    ba_v16 v02 = zero, v12 = zero, v22 = zero;
                    if (col + 1 < 16) {
                        const long next = (col + 1) * 3072 + c;
                        if (up) { v02 = *(const ba_v16 *)(dy + o0 + next); __builtin_prefetch(dy + o0 + next + 16); }
                        v12 = *(const ba_v16 *)(dy + o1 + next); __builtin_prefetch(dy + o1 + next + 16);
                        if (down) { v22 = *(const ba_v16 *)(dy + o2 + next); __builtin_prefetch(dy + o2 + next + 16); }
                    }
                    const ba_v16 v = v22 * w00 + v21 * w01 + v20 * w02
                        + v12 * w10 + v11 * w11 + v10 * w12
                        + v02 * w20 + v01 * w21 + v00 * w22;
                    *(ba_v16 *)(dx + o1 + col * 3072 + c) = v;
                    __builtin_prefetch(dx + o1 + col * 3072 + c + 16, 1);
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
            }
        }
    }
    free(wt);
}

/*
 * %2539 = conv2d_bwd_weight(%2533, %2315) : f32[3072,1,3,3]  features.7.4.block.1.0
 * %4180 = add(%4179, %2539) : f32[3072,1,3,3]  features.7.4.block.1.0.weight
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %4180 -> G + 49803124
 * in  %2533 f32[4,16,16,3072] <- A + 49545216
 * in  %2315 f32[4,16,16,3072] <- A + 40108032
 * in  %4179 f32[3072,1,3,3] <- G + 49803124 (features.7.4.block.1.0.weight)
 */
void k200b_dwconv3x3_bwd_weight_acc(
    float *restrict grad /* [3072,1,3,3] */,
    const float *restrict dy /* [4,16,16,3072] */,
    const float *restrict x /* [4,16,16,3072] */) {
    /* dw of x (4,16,16,3072) w (3072,1,3,3) y (4,16,16,3072) stride 1 pad 1 groups 3072, added into the accumulator */
    /* Depthwise dw: dw[c, r, s] = Σ_{n, oh, ow} dy[n, oh, ow, c] · x[n, ih, iw, c], channels innermost. Each thread
     * sums a fixed range of output rows into its own (R, S, C) partial (each row in float, the partial in
     * double); the partials are added in thread order. */
    /* 3x3, stride 1: each row's nine sums in registers, a sliding window over x (CEmitter+DepthwiseWindow) */
    const int max_threads = omp_get_max_threads();
    double *restrict part = calloc((size_t)max_threads * 27648, sizeof(double));  /* (threads, R, S, C) */
    if (!part) abort();
    int threads = 1;
    #pragma omp parallel num_threads(max_threads)
    {
        const int thread = omp_get_thread_num(), team = omp_get_num_threads();
        if (thread == 0) threads = team;
        double *restrict acc = part + (long)thread * 27648;
        for (long row = 64L * thread / team; row < 64L * (thread + 1) / team; row++) {
            const long n = row / 16, oh = row % 16;
            const int up = oh > 0, down = oh + 1 < 16;
            const long o1 = (n * 16 + oh) * 49152, o0 = o1 - 49152, o2 = o1 + 49152;
            for (long c = 0; c < 3072; c += 16) {
                const ba_v16 zero = {0};
                ba_v16 g00 = zero, g01 = zero, g02 = zero, g10 = zero, g11 = zero, g12 = zero, g20 = zero, g21 = zero, g22 = zero;
                ba_v16 v00 = zero, v10 = zero, v20 = zero;
                ba_v16 v01 = up ? *(const ba_v16 *)(x + o0 + c) : zero, v11 = *(const ba_v16 *)(x + o1 + c), v21 = down ? *(const ba_v16 *)(x + o2 + c) : zero;
                for (long col = 0; col < 16; col++) {
                    ba_v16 v02 = zero, v12 = zero, v22 = zero;
                    if (col + 1 < 16) {
                        const long next = (col + 1) * 3072 + c;
                        if (up) { v02 = *(const ba_v16 *)(x + o0 + next); __builtin_prefetch(x + o0 + next + 16); }
                        v12 = *(const ba_v16 *)(x + o1 + next); __builtin_prefetch(x + o1 + next + 16);
                        if (down) { v22 = *(const ba_v16 *)(x + o2 + next); __builtin_prefetch(x + o2 + next + 16); }
                    }
                    const ba_v16 g = *(const ba_v16 *)(dy + o1 + col * 3072 + c);
                    __builtin_prefetch(dy + o1 + col * 3072 + c + 16);
                    g00 += g * v00; g01 += g * v01; g02 += g * v02;
                    g10 += g * v10; g11 += g * v11; g12 += g * v12;
                    g20 += g * v20; g21 += g * v21; g22 += g * v22;
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
                *(ba_v8d *)(acc + c) += BA_LO_V8D(g00); *(ba_v8d *)(acc + c + 8) += BA_HI_V8D(g00);
                *(ba_v8d *)(acc + 3072 + c) += BA_LO_V8D(g01); *(ba_v8d *)(acc + 3072 + c + 8) += BA_HI_V8D(g01);
                *(ba_v8d *)(acc + 6144 + c) += BA_LO_V8D(g02); *(ba_v8d *)(acc + 6144 + c + 8) += BA_HI_V8D(g02);
                *(ba_v8d *)(acc + 9216 + c) += BA_LO_V8D(g10); *(ba_v8d *)(acc + 9216 + c + 8) += BA_HI_V8D(g10);
                *(ba_v8d *)(acc + 12288 + c) += BA_LO_V8D(g11); *(ba_v8d *)(acc + 12288 + c + 8) += BA_HI_V8D(g11);
                *(ba_v8d *)(acc + 15360 + c) += BA_LO_V8D(g12); *(ba_v8d *)(acc + 15360 + c + 8) += BA_HI_V8D(g12);
                *(ba_v8d *)(acc + 18432 + c) += BA_LO_V8D(g20); *(ba_v8d *)(acc + 18432 + c + 8) += BA_HI_V8D(g20);
                *(ba_v8d *)(acc + 21504 + c) += BA_LO_V8D(g21); *(ba_v8d *)(acc + 21504 + c + 8) += BA_HI_V8D(g21);
                *(ba_v8d *)(acc + 24576 + c) += BA_LO_V8D(g22); *(ba_v8d *)(acc + 24576 + c + 8) += BA_HI_V8D(g22);
            }
        }
    }
    /* dw[c, r, s] = Σ_thread part[thread, r, s, c], in thread order */
    #pragma omp parallel for schedule(static)
    for (long c = 0; c < 3072; c++) {
        for (long t = 0; t < 9; t++) {
            double sum = 0.0;
            for (int thread = 0; thread < threads; thread++) sum += part[((long)thread * 9 + t) * 3072 + c];
            grad[c * 9 + t] += (float)sum;
        }
    }
    free(part);
}

/*
 * %2314 = bn_train(%2306, %2311, %2307, %2308) : f32[4,16,16,3072]  features.7.4.block.0.1
 * %2540 = silu_bwd(%2538, %2314) : f32[4,16,16,3072]  features.7.4.block.0.2
 * %2541 = bn_bwd_reduce(%2540, %2306, %2311) : f32[2,3072]  features.7.4.block.0.1
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %2541 -> A + 168857600
 * in  %2306 f32[4,16,16,3072] <- A + 36962304
 * in  %2307 f32[3072] <- M + 49796980 (features.7.4.block.0.1.weight)
 * in  %2308 f32[3072] <- M + 49800052 (features.7.4.block.0.1.bias)
 * in  %2311 f32[2,3072] <- A + 169325312
 * in  %2538 f32[4,16,16,3072] <- A + 43253760
 */
void k198b_bn_train_silu_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,3072] */,
    const float *restrict x /* [4,16,16,3072] */,
    const float *restrict gamma /* [3072] */,
    const float *restrict beta /* [3072] */,
    const float *restrict stats /* [2,3072] */,
    const float *restrict dy /* [4,16,16,3072] */) {
    float q0[3072];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 3072; c++) {
        q0[c] = gamma[c] / sqrtf(stats[3072 + c] + 0.001f);
    }
    float q1[3072];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 3072; c++) {
        q1[c] = 1.0f / sqrtf(stats[3072 + c] + 0.001f);
    }
    enum { C = 3072, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = dy[r * 3072 + c];
                const float t1 = x[r * 3072 + c];
                const float t2 = (t1 - stats[c]) * q0[c] + beta[c];
                const float t3s = ba_sigmoid(t2);
                const float t3 = t0 * (t3s * (1.0f + t2 * (1.0f - t3s)));
                const float xh = (t1 - stats[c]) * q1[c];
                p0[c] += t3;
                p1[c] += t3 * xh;
            }
        }
    }
    double *restrict sums = calloc(2 * C, sizeof(double));  /* (2, C): Σ over the chunks, in chunk order */
    if (!sums) abort();
    for (long ch = 0; ch < CHUNKS; ch++) {
        const float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { sums[c] += (double)p0[c]; sums[C + c] += (double)p1[c]; }
    }
    for (long c = 0; c < C; c++) {
        const double s0 = sums[c], s1 = sums[C + c];
        dstats[c] = (float)s0;
        dstats[C + c] = (float)s1;
    }
    free(sums);
    free(part);
}

/*
 * %2314 = bn_train(%2306, %2311, %2307, %2308) : f32[4,16,16,3072]  features.7.4.block.0.1
 * %2540 = silu_bwd(%2538, %2314) : f32[4,16,16,3072]  features.7.4.block.0.2
 * %2542 = bn_bwd_input(%2540, %2306, %2311, %2307, %2541) : f32[4,16,16,3072]  features.7.4.block.0.1
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %2542 -> A + 40108032
 * in  %2306 f32[4,16,16,3072] <- A + 36962304
 * in  %2307 f32[3072] <- M + 49796980 (features.7.4.block.0.1.weight)
 * in  %2308 f32[3072] <- M + 49800052 (features.7.4.block.0.1.bias)
 * in  %2311 f32[2,3072] <- A + 169325312
 * in  %2538 f32[4,16,16,3072] <- A + 43253760
 * in  %2541 f32[2,3072] <- A + 168857600
 */
void k198b_bn_train_silu_bwd_bn_bwd_input(
    float *restrict dx /* [4,16,16,3072] */,
    const float *restrict x /* [4,16,16,3072] */,
    const float *restrict gamma /* [3072] */,
    const float *restrict beta /* [3072] */,
    const float *restrict stats /* [2,3072] */,
    const float *restrict dy /* [4,16,16,3072] */,
    const float *restrict dstats /* [2,3072] */) {
    float q0[3072];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 3072; c++) {
        q0[c] = gamma[c] / sqrtf(stats[3072 + c] + 0.001f);
    }
    float q1[3072], q2[3072], q3[3072];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 3072; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[3072 + c] + 0.001f));
        q2[c] = dstats[c] / 1024.0f;
        q3[c] = dstats[3072 + c] / 1024.0f * (1.0f / sqrtf(stats[3072 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 3072; c++) {
            const long i = r * 3072 + c;
            const float t0 = dy[r * 3072 + c];
            const float t1 = x[r * 3072 + c];
            const float t2 = (t1 - stats[c]) * q0[c] + beta[c];
            const float t3s = ba_sigmoid(t2);
            const float t3 = t0 * (t3s * (1.0f + t2 * (1.0f - t3s)));
            const float t4 = q1[c] * (t3 - q2[c] - (t1 - stats[c]) * q3[c]);
            dx[i] = t4;
        }
    }
}

/*
 * %2547 = conv2d_bwd_input(%2542, %2305) : f32[4,16,16,512]  features.7.4.block.0.0
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %2547 -> A + 43253760
 * in  %2542 f32[4,16,16,3072] <- A + 40108032
 * in  %2305 f32[3072,512,1,1] <- M + 48224116 (features.7.4.block.0.0.weight)
 */
void k206b_conv1x1_bwd_input(
    float *restrict dx /* [4,16,16,512] */,
    const float *restrict dy /* [4,16,16,3072] */,
    const float *restrict w /* [3072,512,1,1] */) {
    /* dx of x (4,16,16,512) w (3072,512,1,1) y (4,16,16,3072) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 1024, 512, 3072, 1.0f, dy, 3072, w, 512, 0.0f, dx, 512);
}

/*
 * %2548 = conv2d_bwd_weight(%2542, %2304) : f32[3072,512,1,1]  features.7.4.block.0.0
 * %4174 = add(%4173, %2548) : f32[3072,512,1,1]  features.7.4.block.0.0.weight
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %4174 -> G + 48224116
 * in  %2542 f32[4,16,16,3072] <- A + 40108032
 * in  %2304 f32[4,16,16,512] <- A + 160333824
 * in  %4173 f32[3072,512,1,1] <- G + 48224116 (features.7.4.block.0.0.weight)
 */
void k206b_conv1x1_bwd_weight_acc(
    float *restrict grad /* [3072,512,1,1] */,
    const float *restrict dy /* [4,16,16,3072] */,
    const float *restrict x /* [4,16,16,512] */) {
    /* dw of x (4,16,16,512) w (3072,512,1,1) y (4,16,16,3072) stride 1 pad 0, added into the accumulator */
    /* dw (K, C) += dyᵀ (K, N·H·W) · x (N·H·W, C) */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 3072, 512, 1024, 1.0f, dy, 3072, x, 512, 1.0f, grad, 512);
}

/*
 * %2549 = add_n(%2500, %2547) : f32[4,16,16,512]  features.7.3
 * %2550 = stochastic_depth_bwd(%2549, %1344) : f32[4,16,16,512]  features.7.3.stochastic_depth
 * %2551 = bn_bwd_reduce(%2550, %2294, %2299) : f32[2,512]  features.7.3.block.3.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2551 -> A + 169325312
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %2294 f32[4,16,16,512] <- A + 159809536
 * in  %2299 f32[2,512] <- A + 169488896
 * in  %2500 f32[4,16,16,512] <- A + 160858112
 * in  %2547 f32[4,16,16,512] <- A + 43253760
 */
void k196b_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,512] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,512] */,
    const float *restrict stats /* [2,512] */,
    const float *restrict x2 /* [4,16,16,512] */,
    const float *restrict x3 /* [4,16,16,512] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[512];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q1[c] = 1.0f / sqrtf(stats[512 + c] + 0.001f);
    }
    enum { C = 512, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 512 + c];
                const float t1 = x3[r * 512 + c];
                const float t2 = t0 + t1;
                const float t3 = t2 * q0[r / 256];
                const float t4 = x[r * 512 + c];
                const float xh = (t4 - stats[c]) * q1[c];
                p0[c] += t3;
                p1[c] += t3 * xh;
            }
        }
    }
    double *restrict sums = calloc(2 * C, sizeof(double));  /* (2, C): Σ over the chunks, in chunk order */
    if (!sums) abort();
    for (long ch = 0; ch < CHUNKS; ch++) {
        const float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { sums[c] += (double)p0[c]; sums[C + c] += (double)p1[c]; }
    }
    for (long c = 0; c < C; c++) {
        const double s0 = sums[c], s1 = sums[C + c];
        dstats[c] = (float)s0;
        dstats[C + c] = (float)s1;
    }
    free(sums);
    free(part);
}

/*
 * %2549 = add_n(%2500, %2547) : f32[4,16,16,512]  features.7.3
 * %2550 = stochastic_depth_bwd(%2549, %1344) : f32[4,16,16,512]  features.7.3.stochastic_depth
 * %2552 = bn_bwd_input(%2550, %2294, %2299, %2295, %2551) : f32[4,16,16,512]  features.7.3.block.3.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2552 -> A + 160333824
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %2294 f32[4,16,16,512] <- A + 159809536
 * in  %2295 f32[512] <- M + 48223092 (features.7.3.block.3.1.weight)
 * in  %2299 f32[2,512] <- A + 169488896
 * in  %2500 f32[4,16,16,512] <- A + 160858112
 * in  %2547 f32[4,16,16,512] <- A + 43253760
 * in  %2551 f32[2,512] <- A + 169325312
 */
void k196b_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,16,16,512] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,512] */,
    const float *restrict gamma /* [512] */,
    const float *restrict stats /* [2,512] */,
    const float *restrict x2 /* [4,16,16,512] */,
    const float *restrict x3 /* [4,16,16,512] */,
    const float *restrict dstats /* [2,512] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[512], q2[512], q3[512];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 512; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[512 + c] + 0.001f));
        q2[c] = dstats[c] / 1024.0f;
        q3[c] = dstats[512 + c] / 1024.0f * (1.0f / sqrtf(stats[512 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 512; c++) {
            const long i = r * 512 + c;
            const float t0 = x2[r * 512 + c];
            const float t1 = x3[r * 512 + c];
            const float t2 = t0 + t1;
            const float t3 = t2 * q0[r / 256];
            const float t4 = x[r * 512 + c];
            const float t5 = q1[c] * (t3 - q2[c] - (t4 - stats[c]) * q3[c]);
            dx[i] = t5;
        }
    }
}

/*
 * %2160 = bn_train(%2152, %2157, %2153, %2154) : f32[4,16,16,512]  features.7.0.block.3.1
 * %2206 = bn_train(%2198, %2203, %2199, %2200) : f32[4,16,16,512]  features.7.1.block.3.1
 * %2207 = stochastic_depth(%2206, %1344) : f32[4,16,16,512]  features.7.1.stochastic_depth
 * %2208 = add(%2207, %2160) : f32[4,16,16,512]  features.7.1
 * %2254 = bn_train(%2246, %2251, %2247, %2248) : f32[4,16,16,512]  features.7.2.block.3.1
 * %2255 = stochastic_depth(%2254, %1344) : f32[4,16,16,512]  features.7.2.stochastic_depth
 * %2256 = add(%2255, %2208) : f32[4,16,16,512]  features.7.2
 * %2596 = conv2d_bwd_weight(%2590, %2256) : f32[3072,512,1,1]  features.7.3.block.0.0
 * %4148 = add(%4147, %2596) : f32[3072,512,1,1]  features.7.3.block.0.0.weight
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %4148 -> G + 44247796
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %2152 f32[4,16,16,512] <- A + 158236672
 * in  %2153 f32[512] <- M + 36294132 (features.7.0.block.3.1.weight)
 * in  %2154 f32[512] <- M + 36294644 (features.7.0.block.3.1.bias)
 * in  %2157 f32[2,512] <- A + 169485824
 * in  %2198 f32[4,16,16,512] <- A + 158760960
 * in  %2199 f32[512] <- M + 40270452 (features.7.1.block.3.1.weight)
 * in  %2200 f32[512] <- M + 40270964 (features.7.1.block.3.1.bias)
 * in  %2203 f32[2,512] <- A + 169486848
 * in  %2246 f32[4,16,16,512] <- A + 159285248
 * in  %2247 f32[512] <- M + 44246772 (features.7.2.block.3.1.weight)
 * in  %2248 f32[512] <- M + 44247284 (features.7.2.block.3.1.bias)
 * in  %2251 f32[2,512] <- A + 169487872
 * in  %2590 f32[4,16,16,3072] <- A + 30670848
 * in  %4147 f32[3072,512,1,1] <- G + 44247796 (features.7.3.block.0.0.weight)
 */
void k204b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [3072,512,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,512] */,
    const float *restrict gamma /* [512] */,
    const float *restrict beta /* [512] */,
    const float *restrict stats /* [2,512] */,
    const float *restrict x2 /* [4,16,16,512] */,
    const float *restrict gamma2 /* [512] */,
    const float *restrict beta2 /* [512] */,
    const float *restrict stats2 /* [2,512] */,
    const float *restrict x3 /* [4,16,16,512] */,
    const float *restrict gamma3 /* [512] */,
    const float *restrict beta3 /* [512] */,
    const float *restrict stats3 /* [2,512] */,
    const float *restrict dy /* [4,16,16,3072] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* dw (3072, 512) += dyᵀ (3072, 1024) · f(x) (1024, 512), f(x) recomputed in tiles of 256 rows */
    float q0[512];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q0[c] = gamma3[c] / sqrtf(stats3[512 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[512];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q2[c] = gamma2[c] / sqrtf(stats2[512 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float q4[512];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q4[c] = gamma[c] / sqrtf(stats[512 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 1572864);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 1572864;
        float *restrict tile = malloc(sizeof(float) * 131072);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 512; c++) {
                    const float t0 = x3[r * 512 + c];
                    const float t1 = (t0 - stats3[c]) * q0[c] + beta3[c];
                    const float t2 = t1 * q1[r / 256];
                    const float t3 = x2[r * 512 + c];
                    const float t4 = (t3 - stats2[c]) * q2[c] + beta2[c];
                    const float t5 = t4 * q3[r / 256];
                    const float t6 = x[r * 512 + c];
                    const float t7 = (t6 - stats[c]) * q4[c] + beta[c];
                    const float t8 = t5 + t7;
                    const float t9 = t2 + t8;
                    tile[(r - m0) * 512 + c] = t9;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 3072, 512, rows, 1.0f, dy + m0 * 3072, 3072, tile, 512, first ? 0.0f : 1.0f, mine, 512);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 1572864);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 1572864; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 1572864 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %2549 = add_n(%2500, %2547) : f32[4,16,16,512]  features.7.3
 * %2597 = add_n(%2549, %2595) : f32[4,16,16,512]  features.7.2
 * %2598 = stochastic_depth_bwd(%2597, %1344) : f32[4,16,16,512]  features.7.2.stochastic_depth
 * %2599 = bn_bwd_reduce(%2598, %2246, %2251) : f32[2,512]  features.7.2.block.3.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2599 -> A + 169313024
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %2246 f32[4,16,16,512] <- A + 159285248
 * in  %2251 f32[2,512] <- A + 169487872
 * in  %2500 f32[4,16,16,512] <- A + 160858112
 * in  %2547 f32[4,16,16,512] <- A + 43253760
 * in  %2595 f32[4,16,16,512] <- A + 159809536
 */
void k196b2_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,512] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,512] */,
    const float *restrict stats /* [2,512] */,
    const float *restrict x2 /* [4,16,16,512] */,
    const float *restrict x3 /* [4,16,16,512] */,
    const float *restrict x4 /* [4,16,16,512] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[512];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q1[c] = 1.0f / sqrtf(stats[512 + c] + 0.001f);
    }
    enum { C = 512, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 512 + c];
                const float t1 = x3[r * 512 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 512 + c];
                const float t4 = t2 + t3;
                const float t5 = t4 * q0[r / 256];
                const float t6 = x[r * 512 + c];
                const float xh = (t6 - stats[c]) * q1[c];
                p0[c] += t5;
                p1[c] += t5 * xh;
            }
        }
    }
    double *restrict sums = calloc(2 * C, sizeof(double));  /* (2, C): Σ over the chunks, in chunk order */
    if (!sums) abort();
    for (long ch = 0; ch < CHUNKS; ch++) {
        const float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { sums[c] += (double)p0[c]; sums[C + c] += (double)p1[c]; }
    }
    for (long c = 0; c < C; c++) {
        const double s0 = sums[c], s1 = sums[C + c];
        dstats[c] = (float)s0;
        dstats[C + c] = (float)s1;
    }
    free(sums);
    free(part);
}

/*
 * %2549 = add_n(%2500, %2547) : f32[4,16,16,512]  features.7.3
 * %2597 = add_n(%2549, %2595) : f32[4,16,16,512]  features.7.2
 * %2598 = stochastic_depth_bwd(%2597, %1344) : f32[4,16,16,512]  features.7.2.stochastic_depth
 * %2600 = bn_bwd_input(%2598, %2246, %2251, %2247, %2599) : f32[4,16,16,512]  features.7.2.block.3.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2600 -> A + 160333824
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %2246 f32[4,16,16,512] <- A + 159285248
 * in  %2247 f32[512] <- M + 44246772 (features.7.2.block.3.1.weight)
 * in  %2251 f32[2,512] <- A + 169487872
 * in  %2500 f32[4,16,16,512] <- A + 160858112
 * in  %2547 f32[4,16,16,512] <- A + 43253760
 * in  %2595 f32[4,16,16,512] <- A + 159809536
 * in  %2599 f32[2,512] <- A + 169313024
 */
void k196b2_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,16,16,512] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,512] */,
    const float *restrict gamma /* [512] */,
    const float *restrict stats /* [2,512] */,
    const float *restrict x2 /* [4,16,16,512] */,
    const float *restrict x3 /* [4,16,16,512] */,
    const float *restrict x4 /* [4,16,16,512] */,
    const float *restrict dstats /* [2,512] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[512], q2[512], q3[512];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 512; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[512 + c] + 0.001f));
        q2[c] = dstats[c] / 1024.0f;
        q3[c] = dstats[512 + c] / 1024.0f * (1.0f / sqrtf(stats[512 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 512; c++) {
            const long i = r * 512 + c;
            const float t0 = x2[r * 512 + c];
            const float t1 = x3[r * 512 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 512 + c];
            const float t4 = t2 + t3;
            const float t5 = t4 * q0[r / 256];
            const float t6 = x[r * 512 + c];
            const float t7 = q1[c] * (t5 - q2[c] - (t6 - stats[c]) * q3[c]);
            dx[i] = t7;
        }
    }
}

/*
 * %2160 = bn_train(%2152, %2157, %2153, %2154) : f32[4,16,16,512]  features.7.0.block.3.1
 * %2206 = bn_train(%2198, %2203, %2199, %2200) : f32[4,16,16,512]  features.7.1.block.3.1
 * %2207 = stochastic_depth(%2206, %1344) : f32[4,16,16,512]  features.7.1.stochastic_depth
 * %2208 = add(%2207, %2160) : f32[4,16,16,512]  features.7.1
 * %2644 = conv2d_bwd_weight(%2638, %2208) : f32[3072,512,1,1]  features.7.2.block.0.0
 * %4122 = add(%4121, %2644) : f32[3072,512,1,1]  features.7.2.block.0.0.weight
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %4122 -> G + 40271476
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %2152 f32[4,16,16,512] <- A + 158236672
 * in  %2153 f32[512] <- M + 36294132 (features.7.0.block.3.1.weight)
 * in  %2154 f32[512] <- M + 36294644 (features.7.0.block.3.1.bias)
 * in  %2157 f32[2,512] <- A + 169485824
 * in  %2198 f32[4,16,16,512] <- A + 158760960
 * in  %2199 f32[512] <- M + 40270452 (features.7.1.block.3.1.weight)
 * in  %2200 f32[512] <- M + 40270964 (features.7.1.block.3.1.bias)
 * in  %2203 f32[2,512] <- A + 169486848
 * in  %2638 f32[4,16,16,3072] <- A + 21233664
 * in  %4121 f32[3072,512,1,1] <- G + 40271476 (features.7.2.block.0.0.weight)
 */
void k203b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [3072,512,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,512] */,
    const float *restrict gamma /* [512] */,
    const float *restrict beta /* [512] */,
    const float *restrict stats /* [2,512] */,
    const float *restrict x2 /* [4,16,16,512] */,
    const float *restrict gamma2 /* [512] */,
    const float *restrict beta2 /* [512] */,
    const float *restrict stats2 /* [2,512] */,
    const float *restrict dy /* [4,16,16,3072] */,
    uint32_t salt,
    float rate) {
    /* dw (3072, 512) += dyᵀ (3072, 1024) · f(x) (1024, 512), f(x) recomputed in tiles of 256 rows */
    float q0[512];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q0[c] = gamma2[c] / sqrtf(stats2[512 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[512];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q2[c] = gamma[c] / sqrtf(stats[512 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 1572864);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 1572864;
        float *restrict tile = malloc(sizeof(float) * 131072);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 512; c++) {
                    const float t0 = x2[r * 512 + c];
                    const float t1 = (t0 - stats2[c]) * q0[c] + beta2[c];
                    const float t2 = t1 * q1[r / 256];
                    const float t3 = x[r * 512 + c];
                    const float t4 = (t3 - stats[c]) * q2[c] + beta[c];
                    const float t5 = t2 + t4;
                    tile[(r - m0) * 512 + c] = t5;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 3072, 512, rows, 1.0f, dy + m0 * 3072, 3072, tile, 512, first ? 0.0f : 1.0f, mine, 512);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 1572864);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 1572864; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 1572864 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %2549 = add_n(%2500, %2547) : f32[4,16,16,512]  features.7.3
 * %2597 = add_n(%2549, %2595) : f32[4,16,16,512]  features.7.2
 * %2645 = add_n(%2597, %2643) : f32[4,16,16,512]  features.7.1
 * %2646 = stochastic_depth_bwd(%2645, %1344) : f32[4,16,16,512]  features.7.1.stochastic_depth
 * %2647 = bn_bwd_reduce(%2646, %2198, %2203) : f32[2,512]  features.7.1.block.3.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2647 -> A + 169300736
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %2198 f32[4,16,16,512] <- A + 158760960
 * in  %2203 f32[2,512] <- A + 169486848
 * in  %2500 f32[4,16,16,512] <- A + 160858112
 * in  %2547 f32[4,16,16,512] <- A + 43253760
 * in  %2595 f32[4,16,16,512] <- A + 159809536
 * in  %2643 f32[4,16,16,512] <- A + 159285248
 */
void k196b3_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,512] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,512] */,
    const float *restrict stats /* [2,512] */,
    const float *restrict x2 /* [4,16,16,512] */,
    const float *restrict x3 /* [4,16,16,512] */,
    const float *restrict x4 /* [4,16,16,512] */,
    const float *restrict x5 /* [4,16,16,512] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[512];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q1[c] = 1.0f / sqrtf(stats[512 + c] + 0.001f);
    }
    enum { C = 512, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 512 + c];
                const float t1 = x3[r * 512 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 512 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 512 + c];
                const float t6 = t4 + t5;
                const float t7 = t6 * q0[r / 256];
                const float t8 = x[r * 512 + c];
                const float xh = (t8 - stats[c]) * q1[c];
                p0[c] += t7;
                p1[c] += t7 * xh;
            }
        }
    }
    double *restrict sums = calloc(2 * C, sizeof(double));  /* (2, C): Σ over the chunks, in chunk order */
    if (!sums) abort();
    for (long ch = 0; ch < CHUNKS; ch++) {
        const float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { sums[c] += (double)p0[c]; sums[C + c] += (double)p1[c]; }
    }
    for (long c = 0; c < C; c++) {
        const double s0 = sums[c], s1 = sums[C + c];
        dstats[c] = (float)s0;
        dstats[C + c] = (float)s1;
    }
    free(sums);
    free(part);
}

/*
 * %2549 = add_n(%2500, %2547) : f32[4,16,16,512]  features.7.3
 * %2597 = add_n(%2549, %2595) : f32[4,16,16,512]  features.7.2
 * %2645 = add_n(%2597, %2643) : f32[4,16,16,512]  features.7.1
 * %2646 = stochastic_depth_bwd(%2645, %1344) : f32[4,16,16,512]  features.7.1.stochastic_depth
 * %2648 = bn_bwd_input(%2646, %2198, %2203, %2199, %2647) : f32[4,16,16,512]  features.7.1.block.3.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2648 -> A + 160333824
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %2198 f32[4,16,16,512] <- A + 158760960
 * in  %2199 f32[512] <- M + 40270452 (features.7.1.block.3.1.weight)
 * in  %2203 f32[2,512] <- A + 169486848
 * in  %2500 f32[4,16,16,512] <- A + 160858112
 * in  %2547 f32[4,16,16,512] <- A + 43253760
 * in  %2595 f32[4,16,16,512] <- A + 159809536
 * in  %2643 f32[4,16,16,512] <- A + 159285248
 * in  %2647 f32[2,512] <- A + 169300736
 */
void k196b3_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,16,16,512] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,512] */,
    const float *restrict gamma /* [512] */,
    const float *restrict stats /* [2,512] */,
    const float *restrict x2 /* [4,16,16,512] */,
    const float *restrict x3 /* [4,16,16,512] */,
    const float *restrict x4 /* [4,16,16,512] */,
    const float *restrict x5 /* [4,16,16,512] */,
    const float *restrict dstats /* [2,512] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[512], q2[512], q3[512];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 512; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[512 + c] + 0.001f));
        q2[c] = dstats[c] / 1024.0f;
        q3[c] = dstats[512 + c] / 1024.0f * (1.0f / sqrtf(stats[512 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 512; c++) {
            const long i = r * 512 + c;
            const float t0 = x2[r * 512 + c];
            const float t1 = x3[r * 512 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 512 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 512 + c];
            const float t6 = t4 + t5;
            const float t7 = t6 * q0[r / 256];
            const float t8 = x[r * 512 + c];
            const float t9 = q1[c] * (t7 - q2[c] - (t8 - stats[c]) * q3[c]);
            dx[i] = t9;
        }
    }
}

/*
 * %2160 = bn_train(%2152, %2157, %2153, %2154) : f32[4,16,16,512]  features.7.0.block.3.1
 * %2692 = conv2d_bwd_weight(%2686, %2160) : f32[3072,512,1,1]  features.7.1.block.0.0
 * %4096 = add(%4095, %2692) : f32[3072,512,1,1]  features.7.1.block.0.0.weight
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %4096 -> G + 36295156
 * in  %2152 f32[4,16,16,512] <- A + 158236672
 * in  %2153 f32[512] <- M + 36294132 (features.7.0.block.3.1.weight)
 * in  %2154 f32[512] <- M + 36294644 (features.7.0.block.3.1.bias)
 * in  %2157 f32[2,512] <- A + 169485824
 * in  %2686 f32[4,16,16,3072] <- A + 11796480
 * in  %4095 f32[3072,512,1,1] <- G + 36295156 (features.7.1.block.0.0.weight)
 */
void k197b_bn_train_conv1x1_bwd_weight_acc(
    float *restrict grad /* [3072,512,1,1] */,
    const float *restrict x /* [4,16,16,512] */,
    const float *restrict gamma /* [512] */,
    const float *restrict beta /* [512] */,
    const float *restrict stats /* [2,512] */,
    const float *restrict dy /* [4,16,16,3072] */) {
    /* dw (3072, 512) += dyᵀ (3072, 1024) · f(x) (1024, 512), f(x) recomputed in tiles of 256 rows */
    float q0[512];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q0[c] = gamma[c] / sqrtf(stats[512 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 1572864);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 1572864;
        float *restrict tile = malloc(sizeof(float) * 131072);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 512; c++) {
                    const float t0 = x[r * 512 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    tile[(r - m0) * 512 + c] = t1;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 3072, 512, rows, 1.0f, dy + m0 * 3072, 3072, tile, 512, first ? 0.0f : 1.0f, mine, 512);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 1572864);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 1572864; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 1572864 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %2549 = add_n(%2500, %2547) : f32[4,16,16,512]  features.7.3
 * %2597 = add_n(%2549, %2595) : f32[4,16,16,512]  features.7.2
 * %2645 = add_n(%2597, %2643) : f32[4,16,16,512]  features.7.1
 * %2693 = add_n(%2645, %2691) : f32[4,16,16,512]  features.7.0.block.3.1
 * %2694 = bn_bwd_reduce(%2693, %2152, %2157) : f32[2,512]  features.7.0.block.3.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2694 -> A + 169288448
 * in  %2152 f32[4,16,16,512] <- A + 158236672
 * in  %2157 f32[2,512] <- A + 169485824
 * in  %2500 f32[4,16,16,512] <- A + 160858112
 * in  %2547 f32[4,16,16,512] <- A + 43253760
 * in  %2595 f32[4,16,16,512] <- A + 159809536
 * in  %2643 f32[4,16,16,512] <- A + 159285248
 * in  %2691 f32[4,16,16,512] <- A + 158760960
 */
void k196b_add_n_bn_bwd_reduce(
    float *restrict dstats /* [2,512] */,
    const float *restrict x /* [4,16,16,512] */,
    const float *restrict stats /* [2,512] */,
    const float *restrict x2 /* [4,16,16,512] */,
    const float *restrict x3 /* [4,16,16,512] */,
    const float *restrict x4 /* [4,16,16,512] */,
    const float *restrict x5 /* [4,16,16,512] */,
    const float *restrict x6 /* [4,16,16,512] */) {
    float q0[512];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q0[c] = 1.0f / sqrtf(stats[512 + c] + 0.001f);
    }
    enum { C = 512, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 512 + c];
                const float t1 = x3[r * 512 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 512 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 512 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 512 + c];
                const float t8 = t6 + t7;
                const float t9 = x[r * 512 + c];
                const float xh = (t9 - stats[c]) * q0[c];
                p0[c] += t8;
                p1[c] += t8 * xh;
            }
        }
    }
    double *restrict sums = calloc(2 * C, sizeof(double));  /* (2, C): Σ over the chunks, in chunk order */
    if (!sums) abort();
    for (long ch = 0; ch < CHUNKS; ch++) {
        const float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { sums[c] += (double)p0[c]; sums[C + c] += (double)p1[c]; }
    }
    for (long c = 0; c < C; c++) {
        const double s0 = sums[c], s1 = sums[C + c];
        dstats[c] = (float)s0;
        dstats[C + c] = (float)s1;
    }
    free(sums);
    free(part);
}

/*
 * %2549 = add_n(%2500, %2547) : f32[4,16,16,512]  features.7.3
 * %2597 = add_n(%2549, %2595) : f32[4,16,16,512]  features.7.2
 * %2645 = add_n(%2597, %2643) : f32[4,16,16,512]  features.7.1
 * %2693 = add_n(%2645, %2691) : f32[4,16,16,512]  features.7.0.block.3.1
 * %2695 = bn_bwd_input(%2693, %2152, %2157, %2153, %2694) : f32[4,16,16,512]  features.7.0.block.3.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2695 -> A + 160333824
 * in  %2152 f32[4,16,16,512] <- A + 158236672
 * in  %2153 f32[512] <- M + 36294132 (features.7.0.block.3.1.weight)
 * in  %2157 f32[2,512] <- A + 169485824
 * in  %2500 f32[4,16,16,512] <- A + 160858112
 * in  %2547 f32[4,16,16,512] <- A + 43253760
 * in  %2595 f32[4,16,16,512] <- A + 159809536
 * in  %2643 f32[4,16,16,512] <- A + 159285248
 * in  %2691 f32[4,16,16,512] <- A + 158760960
 * in  %2694 f32[2,512] <- A + 169288448
 */
void k196b_add_n_bn_bwd_input(
    float *restrict dx /* [4,16,16,512] */,
    const float *restrict x /* [4,16,16,512] */,
    const float *restrict gamma /* [512] */,
    const float *restrict stats /* [2,512] */,
    const float *restrict x2 /* [4,16,16,512] */,
    const float *restrict x3 /* [4,16,16,512] */,
    const float *restrict x4 /* [4,16,16,512] */,
    const float *restrict x5 /* [4,16,16,512] */,
    const float *restrict x6 /* [4,16,16,512] */,
    const float *restrict dstats /* [2,512] */) {
    float q0[512], q1[512], q2[512];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 512; c++) {
        q0[c] = gamma[c] * (1.0f / sqrtf(stats[512 + c] + 0.001f));
        q1[c] = dstats[c] / 1024.0f;
        q2[c] = dstats[512 + c] / 1024.0f * (1.0f / sqrtf(stats[512 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 512; c++) {
            const long i = r * 512 + c;
            const float t0 = x2[r * 512 + c];
            const float t1 = x3[r * 512 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 512 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 512 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 512 + c];
            const float t8 = t6 + t7;
            const float t9 = x[r * 512 + c];
            const float t10 = q0[c] * (t8 - q1[c] - (t9 - stats[c]) * q2[c]);
            dx[i] = t10;
        }
    }
}

/*
 * %2700 = conv2d_bwd_input(%2695, %2151) : f32[4,16,16,1824]  features.7.0.block.3.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2700 -> A + 8650752
 * in  %2695 f32[4,16,16,512] <- A + 160333824
 * in  %2151 f32[512,1824,1,1] <- M + 35360244 (features.7.0.block.3.0.weight)
 */
void k195b_conv1x1_bwd_input(
    float *restrict dx /* [4,16,16,1824] */,
    const float *restrict dy /* [4,16,16,512] */,
    const float *restrict w /* [512,1824,1,1] */) {
    /* dx of x (4,16,16,1824) w (512,1824,1,1) y (4,16,16,512) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 1024, 1824, 512, 1.0f, dy, 512, w, 1824, 0.0f, dx, 1824);
}

/*
 * %2135 = bn_train(%2127, %2132, %2128, %2129) : f32[4,16,16,1824]  features.7.0.block.1.1
 * %2136 = silu(%2135) : f32[4,16,16,1824]  features.7.0.block.1.2
 * %2150 = mul(%2136, %2149) : f32[4,16,16,1824]  features.7.0.block.2
 * %2701 = conv2d_bwd_weight(%2695, %2150) : f32[512,1824,1,1]  features.7.0.block.3.0
 * %4090 = add(%4089, %2701) : f32[512,1824,1,1]  features.7.0.block.3.0.weight
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %4090 -> G + 35360244
 * in  %2127 f32[4,16,16,1824] <- A + 151683072
 * in  %2128 f32[1824] <- M + 35077448 (features.7.0.block.1.1.weight)
 * in  %2129 f32[1824] <- M + 35079272 (features.7.0.block.1.1.bias)
 * in  %2132 f32[2,1824] <- A + 169477952
 * in  %2149 f32[4,1,1,1824] <- A + 169281152
 * in  %2695 f32[4,16,16,512] <- A + 160333824
 * in  %4089 f32[512,1824,1,1] <- G + 35360244 (features.7.0.block.3.0.weight)
 */
void k195b_bn_train_silu_mul_conv1x1_bwd_weight_acc(
    float *restrict grad /* [512,1824,1,1] */,
    const float *restrict x /* [4,16,16,1824] */,
    const float *restrict gamma /* [1824] */,
    const float *restrict beta /* [1824] */,
    const float *restrict stats /* [2,1824] */,
    const float *restrict scale /* [4,1,1,1824] */,
    const float *restrict dy /* [4,16,16,512] */) {
    /* dw (512, 1824) += dyᵀ (512, 1024) · f(x) (1024, 1824), f(x) recomputed in tiles of 256 rows */
    float q0[1824];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 1824; c++) {
        q0[c] = gamma[c] / sqrtf(stats[1824 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 933888);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 933888;
        float *restrict tile = malloc(sizeof(float) * 466944);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 1824; c++) {
                    const float t0 = x[r * 1824 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    const float t3 = scale[(r / 256) * 1824 + c];
                    const float t4 = t2 * t3;
                    tile[(r - m0) * 1824 + c] = t4;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 512, 1824, rows, 1.0f, dy + m0 * 512, 512, tile, 1824, first ? 0.0f : 1.0f, mine, 1824);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 933888);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 933888; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 933888 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %2738 = conv2d_bwd_input(%2733, %2115) : f32[4,16,16,304]  features.7.0.block.0.0
 * 54 call sites share this function; the nodes and locations above are the first one's.
 * out %2738 -> A + 158236672
 * in  %2733 f32[4,16,16,1824] <- A + 10518528
 * in  %2115 f32[1824,304,1,1] <- M + 34502888 (features.7.0.block.0.0.weight)
 */
void k193b_conv1x1_bwd_input(
    float *restrict dx /* [4,16,16,304] */,
    const float *restrict dy /* [4,16,16,1824] */,
    const float *restrict w /* [1824,304,1,1] */) {
    /* dx of x (4,16,16,304) w (1824,304,1,1) y (4,16,16,1824) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 1024, 304, 1824, 1.0f, dy, 1824, w, 304, 0.0f, dx, 304);
}

/*
 * %2064 = bn_train(%2056, %2061, %2057, %2058) : f32[4,16,16,304]  features.6.16.block.3.1
 * %2065 = stochastic_depth(%2064, %1344) : f32[4,16,16,304]  features.6.16.stochastic_depth
 * %2066 = add(%2065, %2018) : f32[4,16,16,304]  features.6.16
 * %2112 = bn_train(%2104, %2109, %2105, %2106) : f32[4,16,16,304]  features.6.17.block.3.1
 * %2113 = stochastic_depth(%2112, %1344) : f32[4,16,16,304]  features.6.17.stochastic_depth
 * %2114 = add(%2113, %2066) : f32[4,16,16,304]  features.6.17
 * %2739 = conv2d_bwd_weight(%2733, %2114) : f32[1824,304,1,1]  features.7.0.block.0.0
 * %4070 = add(%4069, %2739) : f32[1824,304,1,1]  features.7.0.block.0.0.weight
 * 15 call sites share this function; the nodes and locations above are the first one's.
 * out %4070 -> G + 34502888
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %2018 f32[4,16,16,304] <- A + 167608320
 * in  %2056 f32[4,16,16,304] <- A + 167919616
 * in  %2057 f32[304] <- M + 33089820 (features.6.16.block.3.1.weight)
 * in  %2058 f32[304] <- M + 33090124 (features.6.16.block.3.1.bias)
 * in  %2061 f32[2,304] <- A + 169500672
 * in  %2104 f32[4,16,16,304] <- A + 168230912
 * in  %2105 f32[304] <- M + 34502280 (features.6.17.block.3.1.weight)
 * in  %2106 f32[304] <- M + 34502584 (features.6.17.block.3.1.bias)
 * in  %2109 f32[2,304] <- A + 169501280
 * in  %2733 f32[4,16,16,1824] <- A + 10518528
 * in  %4069 f32[1824,304,1,1] <- G + 34502888 (features.7.0.block.0.0.weight)
 */
void k193b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [1824,304,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,16,16,304] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict gamma /* [304] */,
    const float *restrict beta /* [304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict gamma2 /* [304] */,
    const float *restrict beta2 /* [304] */,
    const float *restrict stats2 /* [2,304] */,
    const float *restrict dy /* [4,16,16,1824] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* dw (1824, 304) += dyᵀ (1824, 1024) · f(x) (1024, 304), f(x) recomputed in tiles of 256 rows */
    float q0[304];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q0[c] = gamma2[c] / sqrtf(stats2[304 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[304];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q2[c] = gamma[c] / sqrtf(stats[304 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 554496);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 554496;
        float *restrict tile = malloc(sizeof(float) * 77824);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 304; c++) {
                    const float t0 = x2[r * 304 + c];
                    const float t1 = (t0 - stats2[c]) * q0[c] + beta2[c];
                    const float t2 = t1 * q1[r / 256];
                    const float t3 = x[r * 304 + c];
                    const float t4 = (t3 - stats[c]) * q2[c] + beta[c];
                    const float t5 = t4 * q3[r / 256];
                    const float t6 = b[r * 304 + c];
                    const float t7 = t5 + t6;
                    const float t8 = t2 + t7;
                    tile[(r - m0) * 304 + c] = t8;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 1824, 304, rows, 1.0f, dy + m0 * 1824, 1824, tile, 304, first ? 0.0f : 1.0f, mine, 304);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 554496);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 554496; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 554496 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %2064 = bn_train(%2056, %2061, %2057, %2058) : f32[4,16,16,304]  features.6.16.block.3.1
 * %2065 = stochastic_depth(%2064, %1344) : f32[4,16,16,304]  features.6.16.stochastic_depth
 * %2066 = add(%2065, %2018) : f32[4,16,16,304]  features.6.16
 * %2786 = conv2d_bwd_weight(%2780, %2066) : f32[1824,304,1,1]  features.6.17.block.0.0
 * %4044 = add(%4043, %2786) : f32[1824,304,1,1]  features.6.17.block.0.0.weight
 * 15 call sites share this function; the nodes and locations above are the first one's.
 * out %4044 -> G + 33090428
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %2018 f32[4,16,16,304] <- A + 167608320
 * in  %2056 f32[4,16,16,304] <- A + 167919616
 * in  %2057 f32[304] <- M + 33089820 (features.6.16.block.3.1.weight)
 * in  %2058 f32[304] <- M + 33090124 (features.6.16.block.3.1.bias)
 * in  %2061 f32[2,304] <- A + 169500672
 * in  %2780 f32[4,16,16,1824] <- A + 10518528
 * in  %4043 f32[1824,304,1,1] <- G + 33090428 (features.6.17.block.0.0.weight)
 */
void k192b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [1824,304,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,16,16,304] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict gamma /* [304] */,
    const float *restrict beta /* [304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict dy /* [4,16,16,1824] */,
    uint32_t salt,
    float rate) {
    /* dw (1824, 304) += dyᵀ (1824, 1024) · f(x) (1024, 304), f(x) recomputed in tiles of 256 rows */
    float q0[304];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q0[c] = gamma[c] / sqrtf(stats[304 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 554496);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 554496;
        float *restrict tile = malloc(sizeof(float) * 77824);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 304; c++) {
                    const float t0 = x[r * 304 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * q1[r / 256];
                    const float t3 = b[r * 304 + c];
                    const float t4 = t2 + t3;
                    tile[(r - m0) * 304 + c] = t4;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 1824, 304, rows, 1.0f, dy + m0 * 1824, 1824, tile, 304, first ? 0.0f : 1.0f, mine, 304);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 554496);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 554496; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 554496 + j];
            grad[j] += s;
        }
    }
    free(part);
}
