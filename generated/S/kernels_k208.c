/* Kernels k208 to k223 and their backward kernels. */
#include "kernels.h"

/*
 * %256 = bn_train(%248, %253, %249, %250) : f32[4,32,32,128]  features.4.0.block.3.1
 * %302 = bn_train(%294, %299, %295, %296) : f32[4,32,32,128]  features.4.1.block.3.1
 * %304 = stochastic_depth(%302, %303) : f32[4,32,32,128]  features.4.1.stochastic_depth
 * %305 = add(%304, %256) : f32[4,32,32,128]  features.4.1
 * %351 = bn_train(%343, %348, %344, %345) : f32[4,32,32,128]  features.4.2.block.3.1
 * %352 = stochastic_depth(%351, %303) : f32[4,32,32,128]  features.4.2.stochastic_depth
 * %353 = add(%352, %305) : f32[4,32,32,128]  features.4.2
 * %399 = bn_train(%391, %396, %392, %393) : f32[4,32,32,128]  features.4.3.block.3.1
 * %400 = stochastic_depth(%399, %303) : f32[4,32,32,128]  features.4.3.stochastic_depth
 * %401 = add(%400, %353) : f32[4,32,32,128]  features.4.3
 * 1 values written, 17 read (flat over the state blocks)
 */
void k208_bn_train_stochastic_depth_add(
    float *restrict y /* [4,32,32,128] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict gamma /* [128] */,
    const float *restrict beta /* [128] */,
    const float *restrict stats /* [2,128] */,
    const float *restrict x2 /* [4,32,32,128] */,
    const float *restrict gamma2 /* [128] */,
    const float *restrict beta2 /* [128] */,
    const float *restrict stats2 /* [2,128] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x3 /* [4,32,32,128] */,
    const float *restrict gamma3 /* [128] */,
    const float *restrict beta3 /* [128] */,
    const float *restrict stats3 /* [2,128] */,
    const float *restrict x4 /* [4,32,32,128] */,
    const float *restrict gamma4 /* [128] */,
    const float *restrict beta4 /* [128] */,
    const float *restrict stats4 /* [2,128] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2,
    uint32_t salt3,
    float rate3) {
    float q0[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q0[c] = gamma4[c] / sqrtf(stats4[128 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q2[c] = gamma3[c] / sqrtf(stats3[128 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float q4[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q4[c] = gamma2[c] / sqrtf(stats2[128 + c] + 0.001f);
    }
    float q5[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q5[n] = ba_uniform((uint32_t)seed[0], salt3, (uint32_t)n) >= rate3 ? 1.0f / (1.0f - rate3) : 0.0f;
    float q6[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q6[c] = gamma[c] / sqrtf(stats[128 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 128; c++) {
            const long i = r * 128 + c;
            const float t0 = x4[r * 128 + c];
            const float t1 = (t0 - stats4[c]) * q0[c] + beta4[c];
            const float t2 = t1 * q1[r / 1024];
            const float t3 = x3[r * 128 + c];
            const float t4 = (t3 - stats3[c]) * q2[c] + beta3[c];
            const float t5 = t4 * q3[r / 1024];
            const float t6 = x2[r * 128 + c];
            const float t7 = (t6 - stats2[c]) * q4[c] + beta2[c];
            const float t8 = t7 * q5[r / 1024];
            const float t9 = x[r * 128 + c];
            const float t10 = (t9 - stats[c]) * q6[c] + beta[c];
            const float t11 = t8 + t10;
            const float t12 = t5 + t11;
            const float t13 = t2 + t12;
            y[i] = t13;
        }
    }
}

/*
 * %447 = bn_train(%439, %444, %440, %441) : f32[4,32,32,128]  features.4.4.block.3.1
 * %448 = stochastic_depth(%447, %303) : f32[4,32,32,128]  features.4.4.stochastic_depth
 * %449 = add(%448, %401) : f32[4,32,32,128]  features.4.4
 * %451 = conv2d(%449, %450) : f32[4,32,32,512]  features.4.5.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %451 -> A + 149159936
 * in  %303 i32[1] <- io[8] (seed)
 * in  %401 f32[4,32,32,128] <- A + 237043712
 * in  %439 f32[4,32,32,128] <- A + 237568000
 * in  %440 f32[128] <- M + 1650024 (features.4.4.block.3.1.weight)
 * in  %441 f32[128] <- M + 1650152 (features.4.4.block.3.1.bias)
 * in  %444 f32[2,128] <- A + 243894080
 * in  %450 f32[512,128,1,1] <- M + 1650280 (features.4.5.block.0.0.weight)
 */
void k209_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,32,32,512] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,32,32,128] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict gamma /* [128] */,
    const float *restrict beta /* [128] */,
    const float *restrict stats /* [2,128] */,
    const float *restrict w /* [512,128,1,1] */,
    uint32_t salt,
    float rate) {
    /* y (4096, 512) = f(x) (4096, 128) · wᵀ: tiles of 512 rows of f(x) computed into scratch, one sgemm each */
    float q0[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q0[c] = gamma[c] / sqrtf(stats[128 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 512, 128, w, 128);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 65536);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 8; t++) {
            const long m0 = t * 512, rows = m0 + 512 <= 4096 ? 512 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 128; c++) {
                    const float t0 = x[r * 128 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = b[r * 128 + c];
                    const float t4 = t2 + t3;
                    tile[(r - m0) * 128 + c] = t4;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 512, 128, 1.0f, tile, 128, w_f32, 0.0f, y + m0 * 512, 512);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %447 = bn_train(%439, %444, %440, %441) : f32[4,32,32,128]  features.4.4.block.3.1
 * %448 = stochastic_depth(%447, %303) : f32[4,32,32,128]  features.4.4.stochastic_depth
 * %449 = add(%448, %401) : f32[4,32,32,128]  features.4.4
 * %495 = bn_train(%487, %492, %488, %489) : f32[4,32,32,128]  features.4.5.block.3.1
 * %496 = stochastic_depth(%495, %303) : f32[4,32,32,128]  features.4.5.stochastic_depth
 * %497 = add(%496, %449) : f32[4,32,32,128]  features.4.5
 * %499 = conv2d(%497, %498) : f32[4,32,32,768]  features.5.0.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %499 -> A + 114556928
 * in  %303 i32[1] <- io[8] (seed)
 * in  %401 f32[4,32,32,128] <- A + 237043712
 * in  %439 f32[4,32,32,128] <- A + 237568000
 * in  %440 f32[128] <- M + 1650024 (features.4.4.block.3.1.weight)
 * in  %441 f32[128] <- M + 1650152 (features.4.4.block.3.1.bias)
 * in  %444 f32[2,128] <- A + 243894080
 * in  %487 f32[4,32,32,128] <- A + 238092288
 * in  %488 f32[128] <- M + 1821320 (features.4.5.block.3.1.weight)
 * in  %489 f32[128] <- M + 1821448 (features.4.5.block.3.1.bias)
 * in  %492 f32[2,128] <- A + 243894336
 * in  %498 f32[768,128,1,1] <- M + 1821576 (features.5.0.block.0.0.weight)
 */
void k210_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,32,32,768] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,32,32,128] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict gamma /* [128] */,
    const float *restrict beta /* [128] */,
    const float *restrict stats /* [2,128] */,
    const float *restrict x2 /* [4,32,32,128] */,
    const float *restrict gamma2 /* [128] */,
    const float *restrict beta2 /* [128] */,
    const float *restrict stats2 /* [2,128] */,
    const float *restrict w /* [768,128,1,1] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* y (4096, 768) = f(x) (4096, 128) · wᵀ: tiles of 512 rows of f(x) computed into scratch, one sgemm each */
    float q0[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q0[c] = gamma2[c] / sqrtf(stats2[128 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q2[c] = gamma[c] / sqrtf(stats[128 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 768, 128, w, 128);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 65536);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 8; t++) {
            const long m0 = t * 512, rows = m0 + 512 <= 4096 ? 512 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 128; c++) {
                    const float t0 = x2[r * 128 + c];
                    const float t1 = (t0 - stats2[c]) * q0[c] + beta2[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = x[r * 128 + c];
                    const float t4 = (t3 - stats[c]) * q2[c] + beta[c];
                    const float t5 = t4 * q3[r / 1024];
                    const float t6 = b[r * 128 + c];
                    const float t7 = t5 + t6;
                    const float t8 = t2 + t7;
                    tile[(r - m0) * 128 + c] = t8;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 768, 128, 1.0f, tile, 128, w_f32, 0.0f, y + m0 * 768, 768);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %504 = bn_stats(%499) : f32[2,768]  features.5.0.block.0.1
 * %505 = running_mean_update(%502, %504) : f32[768]  features.5.0.block.0.1
 * %506 = running_var_update(%503, %504) : f32[768]  features.5.0.block.0.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %504 -> A + 243863040
 * out %505 -> M + 21188997
 * out %506 -> M + 21189765
 * in  %499 f32[4,32,32,768] <- A + 114556928
 * in  %502 f32[768] <- M + 21188997 (features.5.0.block.0.1.running_mean)
 * in  %503 f32[768] <- M + 21189765 (features.5.0.block.0.1.running_var)
 */
void k211_bn_stats_running(
    float *restrict stats /* [2,768] */,
    float *restrict running_mean /* [768] */,
    float *restrict running_var /* [768] */,
    const float *restrict x /* [4,32,32,768] */) {
    enum { C = 768, CHUNKS = 64 };
    double *part = malloc(sizeof(double) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x[r * 768 + c];
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
        const double mean = s0 / 4096.0, var = fmax(s1 / 4096.0 - mean * mean, 0.0);
        stats[c] = (float)mean;
        stats[C + c] = (float)var;
        running_mean[c] = (float)(0.9f * (double)running_mean[c] + 0.1f * mean);  /* running mean */
        running_var[c] = (float)(0.9f * (double)running_var[c] + 0.1f * var * 1.0002442002442002);  /* running var (unbiased) */
    }
    free(sums);
    free(part);
}

/*
 * %507 = bn_train(%499, %504, %500, %501) : f32[4,32,32,768]  features.5.0.block.0.1
 * %508 = silu(%507) : f32[4,32,32,768]  features.5.0.block.0.2
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %508 -> A + 117702656
 * in  %499 f32[4,32,32,768] <- A + 114556928
 * in  %500 f32[768] <- M + 1919880 (features.5.0.block.0.1.weight)
 * in  %501 f32[768] <- M + 1920648 (features.5.0.block.0.1.bias)
 * in  %504 f32[2,768] <- A + 243863040
 */
void k212_bn_train_silu(
    float *restrict y /* [4,32,32,768] */,
    const float *restrict x /* [4,32,32,768] */,
    const float *restrict gamma /* [768] */,
    const float *restrict beta /* [768] */,
    const float *restrict stats /* [2,768] */) {
    float q0[768];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 768; c++) {
        q0[c] = gamma[c] / sqrtf(stats[768 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 768; c++) {
            const long i = r * 768 + c;
            const float t0 = x[r * 768 + c];
            const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
            const float t2 = t1 * ba_sigmoid(t1);
            y[i] = t2;
        }
    }
}

/*
 * %510 = conv2d(%508, %509) : f32[4,32,32,768]  features.5.0.block.1.0
 * %515 = bn_stats(%510) : f32[2,768]  features.5.0.block.1.1
 * %516 = running_mean_update(%513, %515) : f32[768]  features.5.0.block.1.1
 * %517 = running_var_update(%514, %515) : f32[768]  features.5.0.block.1.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %510 -> A + 120848384
 * out %515 -> A + 243864576
 * out %516 -> M + 21190533
 * out %517 -> M + 21191301
 * in  %508 f32[4,32,32,768] <- A + 117702656
 * in  %509 f32[768,1,3,3] <- M + 1921416 (features.5.0.block.1.0.weight)
 * in  %513 f32[768] <- M + 21190533 (features.5.0.block.1.1.running_mean)
 * in  %514 f32[768] <- M + 21191301 (features.5.0.block.1.1.running_var)
 */
void k213_dwconv3x3_bn_stats_running(
    float *restrict y /* [4,32,32,768] */,
    float *restrict stats /* [2,768] */,
    float *restrict running_mean /* [768] */,
    float *restrict running_var /* [768] */,
    const float *restrict x /* [4,32,32,768] */,
    const float *restrict w /* [768,1,3,3] */) {
    /* x (4,32,32,768) w (768,1,3,3) y (4,32,32,768) stride 1 pad 1 groups 768 */
    double *part = malloc(sizeof(double) * 196608);  /* (N·Ho, 2, C): per-row Σy, Σy² */
    if (!part) abort();
    float *restrict wt = malloc(sizeof(float) * 6912);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 768; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 768 + c] = w[(c * 3 + r) * 3 + s];
    /* Depthwise 3x3 as a sliding window: per output row and block of 16 channels, the weights and the 3x3
     * window of x stay in registers while ow moves right; rows and columns outside x are zeros. */
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long oh = 0; oh < 32; oh++) {
            const int up = oh > 0, down = oh + 1 < 32;
            const long o1 = (n * 32 + oh) * 24576, o0 = o1 - 24576, o2 = o1 + 24576;
            double *restrict ps = part + (n * 32 + oh) * 1536;
            for (long c = 0; c < 768; c += 16) {
                const ba_v16 zero = {0};
                const ba_v16 w00 = *(const ba_v16 *)(wt + c), w01 = *(const ba_v16 *)(wt + 768 + c), w02 = *(const ba_v16 *)(wt + 1536 + c);
                const ba_v16 w10 = *(const ba_v16 *)(wt + 2304 + c), w11 = *(const ba_v16 *)(wt + 3072 + c), w12 = *(const ba_v16 *)(wt + 3840 + c);
                const ba_v16 w20 = *(const ba_v16 *)(wt + 4608 + c), w21 = *(const ba_v16 *)(wt + 5376 + c), w22 = *(const ba_v16 *)(wt + 6144 + c);
                ba_v16 v00 = zero, v10 = zero, v20 = zero;
                ba_v16 v01 = up ? *(const ba_v16 *)(x + o0 + c) : zero, v11 = *(const ba_v16 *)(x + o1 + c), v21 = down ? *(const ba_v16 *)(x + o2 + c) : zero;
                ba_v8d sum0 = {0}, sq0 = {0}, sum1 = {0}, sq1 = {0};
                for (long col = 0; col < 32; col++) {
                    ba_v16 v02 = zero, v12 = zero, v22 = zero;
                    if (col + 1 < 32) {
                        const long next = (col + 1) * 768 + c;
                        if (up) { v02 = *(const ba_v16 *)(x + o0 + next); __builtin_prefetch(x + o0 + next + 16); }
                        v12 = *(const ba_v16 *)(x + o1 + next); __builtin_prefetch(x + o1 + next + 16);
                        if (down) { v22 = *(const ba_v16 *)(x + o2 + next); __builtin_prefetch(x + o2 + next + 16); }
                    }
                    const ba_v16 v = v00 * w00 + v01 * w01 + v02 * w02
                        + v10 * w10 + v11 * w11 + v12 * w12
                        + v20 * w20 + v21 * w21 + v22 * w22;
                    *(ba_v16 *)(y + o1 + col * 768 + c) = v;
                    __builtin_prefetch(y + o1 + col * 768 + c + 16, 1);
                    { const ba_v8d dv = BA_LO_V8D(v); sum0 += dv; sq0 += dv * dv; }
                    { const ba_v8d dv = BA_HI_V8D(v); sum1 += dv; sq1 += dv * dv; }
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
                *(ba_v8d *)(ps + c) = sum0;
                *(ba_v8d *)(ps + c + 8) = sum1;
                *(ba_v8d *)(ps + 768 + c) = sq0;
                *(ba_v8d *)(ps + 768 + c + 8) = sq1;
            }
        }
    }
    free(wt);
    /* Σ of the rows in row order, per channel: blocks of 256 channels over the threads */
    #pragma omp parallel for schedule(static)
    for (long c0 = 0; c0 < 768; c0 += 256) {
        const long c1 = c0 + 256 < 768 ? c0 + 256 : 768;
        double s0[256], s1[256];
        for (long c = c0; c < c1; c++) { s0[c - c0] = 0.0; s1[c - c0] = 0.0; }
        for (long row = 0; row < 128; row++) {
            const double *restrict ps = part + row * 1536;
            for (long c = c0; c < c1; c++) { s0[c - c0] += ps[c]; s1[c - c0] += ps[768 + c]; }
        }
        for (long c = c0; c < c1; c++) {
            const double mean = s0[c - c0] / 4096.0, var = fmax(s1[c - c0] / 4096.0 - mean * mean, 0.0);
            stats[c] = (float)mean;
            stats[768 + c] = (float)var;
            running_mean[c] = (float)(0.9f * (double)running_mean[c] + 0.1f * mean);  /* running mean */
            running_var[c] = (float)(0.9f * (double)running_var[c] + 0.1f * var * 1.0002442002442002);  /* running var (unbiased) */
        }
    }
    free(part);
}

/*
 * %518 = bn_train(%510, %515, %511, %512) : f32[4,32,32,768]  features.5.0.block.1.1
 * %519 = silu(%518) : f32[4,32,32,768]  features.5.0.block.1.2
 * %520 = reduce_mean(%519) : f32[4,1,1,768]  features.5.0.block.2.avgpool
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %520 -> A + 243699968
 * in  %510 f32[4,32,32,768] <- A + 120848384
 * in  %511 f32[768] <- M + 1928328 (features.5.0.block.1.1.weight)
 * in  %512 f32[768] <- M + 1929096 (features.5.0.block.1.1.bias)
 * in  %515 f32[2,768] <- A + 243864576
 */
void k214_bn_train_silu_reduce_mean(
    float *restrict y /* [4,1,1,768] */,
    const float *restrict x /* [4,32,32,768] */,
    const float *restrict gamma /* [768] */,
    const float *restrict beta /* [768] */,
    const float *restrict stats /* [2,768] */) {
    /* mean over axes [1, 2] of [4, 32, 32, 768]: (4, 1024, 768) -> (4, 768) */
    float q0[768];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 768; c++) {
        q0[c] = gamma[c] / sqrtf(stats[768 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[768];
        for (long q = 0; q < 768; q++) acc[q] = 0.0;
        for (long j = 0; j < 1024; j++) {
            for (long q = 0; q < 768; q++) {
                const long r = o * 1024 + j;
                const long c = q;
                const float t0 = x[r * 768 + c];
                const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                const float t2 = t1 * ba_sigmoid(t1);
                acc[q] += t2;
            }
        }
        for (long q = 0; q < 768; q++) y[o * 768 + q] = (float)(acc[q] / 1024.0);
    }
}

/*
 * %518 = bn_train(%510, %515, %511, %512) : f32[4,32,32,768]  features.5.0.block.1.1
 * %519 = silu(%518) : f32[4,32,32,768]  features.5.0.block.1.2
 * %533 = mul(%519, %532) : f32[4,32,32,768]  features.5.0.block.2
 * %535 = conv2d(%533, %534) : f32[4,32,32,160]  features.5.0.block.3.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %535 -> A + 227737600
 * in  %510 f32[4,32,32,768] <- A + 120848384
 * in  %511 f32[768] <- M + 1928328 (features.5.0.block.1.1.weight)
 * in  %512 f32[768] <- M + 1929096 (features.5.0.block.1.1.bias)
 * in  %515 f32[2,768] <- A + 243864576
 * in  %532 f32[4,1,1,768] <- A + 243706112
 * in  %534 f32[160,768,1,1] <- M + 1979816 (features.5.0.block.3.0.weight)
 */
void k215_bn_train_silu_mul_conv1x1(
    float *restrict y /* [4,32,32,160] */,
    const float *restrict x /* [4,32,32,768] */,
    const float *restrict gamma /* [768] */,
    const float *restrict beta /* [768] */,
    const float *restrict stats /* [2,768] */,
    const float *restrict scale /* [4,1,1,768] */,
    const float *restrict w /* [160,768,1,1] */) {
    /* y (4096, 160) = f(x) (4096, 768) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float q0[768];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 768; c++) {
        q0[c] = gamma[c] / sqrtf(stats[768 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 160, 768, w, 768);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 196608);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 16; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 4096 ? 256 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 768; c++) {
                    const float t0 = x[r * 768 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    const float t3 = scale[(r / 1024) * 768 + c];
                    const float t4 = t2 * t3;
                    tile[(r - m0) * 768 + c] = t4;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 160, 768, 1.0f, tile, 768, w_f32, 0.0f, y + m0 * 160, 160);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %540 = bn_stats(%535) : f32[2,160]  features.5.0.block.3.1
 * %541 = running_mean_update(%538, %540) : f32[160]  features.5.0.block.3.1
 * %542 = running_var_update(%539, %540) : f32[160]  features.5.0.block.3.1
 * 18 call sites share this function; the nodes and locations above are the first one's.
 * out %540 -> A + 243890176
 * out %541 -> M + 21192069
 * out %542 -> M + 21192229
 * in  %535 f32[4,32,32,160] <- A + 227737600
 * in  %538 f32[160] <- M + 21192069 (features.5.0.block.3.1.running_mean)
 * in  %539 f32[160] <- M + 21192229 (features.5.0.block.3.1.running_var)
 */
void k216_bn_stats_running(
    float *restrict stats /* [2,160] */,
    float *restrict running_mean /* [160] */,
    float *restrict running_var /* [160] */,
    const float *restrict x /* [4,32,32,160] */) {
    enum { C = 160, CHUNKS = 64 };
    double *part = malloc(sizeof(double) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x[r * 160 + c];
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
        const double mean = s0 / 4096.0, var = fmax(s1 / 4096.0 - mean * mean, 0.0);
        stats[c] = (float)mean;
        stats[C + c] = (float)var;
        running_mean[c] = (float)(0.9f * (double)running_mean[c] + 0.1f * mean);  /* running mean */
        running_var[c] = (float)(0.9f * (double)running_var[c] + 0.1f * var * 1.0002442002442002);  /* running var (unbiased) */
    }
    free(sums);
    free(part);
}

/*
 * %543 = bn_train(%535, %540, %536, %537) : f32[4,32,32,160]  features.5.0.block.3.1
 * %545 = conv2d(%543, %544) : f32[4,32,32,960]  features.5.1.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %545 -> A + 8388608
 * in  %535 f32[4,32,32,160] <- A + 227737600
 * in  %536 f32[160] <- M + 2102696 (features.5.0.block.3.1.weight)
 * in  %537 f32[160] <- M + 2102856 (features.5.0.block.3.1.bias)
 * in  %540 f32[2,160] <- A + 243890176
 * in  %544 f32[960,160,1,1] <- M + 2103016 (features.5.1.block.0.0.weight)
 */
void k217_bn_train_conv1x1(
    float *restrict y /* [4,32,32,960] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict beta /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict w /* [960,160,1,1] */) {
    /* y (4096, 960) = f(x) (4096, 160) · wᵀ: tiles of 342 rows of f(x) computed into scratch, one sgemm each */
    float q0[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q0[c] = gamma[c] / sqrtf(stats[160 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 960, 160, w, 160);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 54720);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 12; t++) {
            const long m0 = t * 342, rows = m0 + 342 <= 4096 ? 342 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 160; c++) {
                    const float t0 = x[r * 160 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    tile[(r - m0) * 160 + c] = t1;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 960, 160, 1.0f, tile, 160, w_f32, 0.0f, y + m0 * 960, 960);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %556 = conv2d(%554, %555) : f32[4,32,32,960]  features.5.1.block.1.0
 * %561 = bn_stats(%556) : f32[2,960]  features.5.1.block.1.1
 * %562 = running_mean_update(%559, %561) : f32[960]  features.5.1.block.1.1
 * %563 = running_var_update(%560, %561) : f32[960]  features.5.1.block.1.1
 * 16 call sites share this function; the nodes and locations above are the first one's.
 * out %556 -> A + 16252928
 * out %561 -> A + 243830400
 * out %562 -> M + 21194309
 * out %563 -> M + 21195269
 * in  %554 f32[4,32,32,960] <- A + 12320768
 * in  %555 f32[960,1,3,3] <- M + 2258536 (features.5.1.block.1.0.weight)
 * in  %559 f32[960] <- M + 21194309 (features.5.1.block.1.1.running_mean)
 * in  %560 f32[960] <- M + 21195269 (features.5.1.block.1.1.running_var)
 */
void k218_dwconv3x3_bn_stats_running(
    float *restrict y /* [4,32,32,960] */,
    float *restrict stats /* [2,960] */,
    float *restrict running_mean /* [960] */,
    float *restrict running_var /* [960] */,
    const float *restrict x /* [4,32,32,960] */,
    const float *restrict w /* [960,1,3,3] */) {
    /* x (4,32,32,960) w (960,1,3,3) y (4,32,32,960) stride 1 pad 1 groups 960 */
    double *part = malloc(sizeof(double) * 245760);  /* (N·Ho, 2, C): per-row Σy, Σy² */
    if (!part) abort();
    float *restrict wt = malloc(sizeof(float) * 8640);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 960; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 960 + c] = w[(c * 3 + r) * 3 + s];
    /* Depthwise 3x3 as a sliding window: per output row and block of 16 channels, the weights and the 3x3
     * window of x stay in registers while ow moves right; rows and columns outside x are zeros. */
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long oh = 0; oh < 32; oh++) {
            const int up = oh > 0, down = oh + 1 < 32;
            const long o1 = (n * 32 + oh) * 30720, o0 = o1 - 30720, o2 = o1 + 30720;
            double *restrict ps = part + (n * 32 + oh) * 1920;
            for (long c = 0; c < 960; c += 16) {
                const ba_v16 zero = {0};
                const ba_v16 w00 = *(const ba_v16 *)(wt + c), w01 = *(const ba_v16 *)(wt + 960 + c), w02 = *(const ba_v16 *)(wt + 1920 + c);
                const ba_v16 w10 = *(const ba_v16 *)(wt + 2880 + c), w11 = *(const ba_v16 *)(wt + 3840 + c), w12 = *(const ba_v16 *)(wt + 4800 + c);
                const ba_v16 w20 = *(const ba_v16 *)(wt + 5760 + c), w21 = *(const ba_v16 *)(wt + 6720 + c), w22 = *(const ba_v16 *)(wt + 7680 + c);
                ba_v16 v00 = zero, v10 = zero, v20 = zero;
                ba_v16 v01 = up ? *(const ba_v16 *)(x + o0 + c) : zero, v11 = *(const ba_v16 *)(x + o1 + c), v21 = down ? *(const ba_v16 *)(x + o2 + c) : zero;
                ba_v8d sum0 = {0}, sq0 = {0}, sum1 = {0}, sq1 = {0};
                for (long col = 0; col < 32; col++) {
                    ba_v16 v02 = zero, v12 = zero, v22 = zero;
                    if (col + 1 < 32) {
                        const long next = (col + 1) * 960 + c;
                        if (up) { v02 = *(const ba_v16 *)(x + o0 + next); __builtin_prefetch(x + o0 + next + 16); }
                        v12 = *(const ba_v16 *)(x + o1 + next); __builtin_prefetch(x + o1 + next + 16);
                        if (down) { v22 = *(const ba_v16 *)(x + o2 + next); __builtin_prefetch(x + o2 + next + 16); }
                    }
                    const ba_v16 v = v00 * w00 + v01 * w01 + v02 * w02
                        + v10 * w10 + v11 * w11 + v12 * w12
                        + v20 * w20 + v21 * w21 + v22 * w22;
                    *(ba_v16 *)(y + o1 + col * 960 + c) = v;
                    __builtin_prefetch(y + o1 + col * 960 + c + 16, 1);
                    { const ba_v8d dv = BA_LO_V8D(v); sum0 += dv; sq0 += dv * dv; }
                    { const ba_v8d dv = BA_HI_V8D(v); sum1 += dv; sq1 += dv * dv; }
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
                *(ba_v8d *)(ps + c) = sum0;
                *(ba_v8d *)(ps + c + 8) = sum1;
                *(ba_v8d *)(ps + 960 + c) = sq0;
                *(ba_v8d *)(ps + 960 + c + 8) = sq1;
            }
        }
    }
    free(wt);
    /* Σ of the rows in row order, per channel: blocks of 256 channels over the threads */
    #pragma omp parallel for schedule(static)
    for (long c0 = 0; c0 < 960; c0 += 256) {
        const long c1 = c0 + 256 < 960 ? c0 + 256 : 960;
        double s0[256], s1[256];
        for (long c = c0; c < c1; c++) { s0[c - c0] = 0.0; s1[c - c0] = 0.0; }
        for (long row = 0; row < 128; row++) {
            const double *restrict ps = part + row * 1920;
            for (long c = c0; c < c1; c++) { s0[c - c0] += ps[c]; s1[c - c0] += ps[960 + c]; }
        }
        for (long c = c0; c < c1; c++) {
            const double mean = s0[c - c0] / 4096.0, var = fmax(s1[c - c0] / 4096.0 - mean * mean, 0.0);
            stats[c] = (float)mean;
            stats[960 + c] = (float)var;
            running_mean[c] = (float)(0.9f * (double)running_mean[c] + 0.1f * mean);  /* running mean */
            running_var[c] = (float)(0.9f * (double)running_var[c] + 0.1f * var * 1.0002442002442002);  /* running var (unbiased) */
        }
    }
    free(part);
}

/*
 * %564 = bn_train(%556, %561, %557, %558) : f32[4,32,32,960]  features.5.1.block.1.1
 * %565 = silu(%564) : f32[4,32,32,960]  features.5.1.block.1.2
 * %566 = reduce_mean(%565) : f32[4,1,1,960]  features.5.1.block.2.avgpool
 * 16 call sites share this function; the nodes and locations above are the first one's.
 * out %566 -> A + 243596288
 * in  %556 f32[4,32,32,960] <- A + 16252928
 * in  %557 f32[960] <- M + 2267176 (features.5.1.block.1.1.weight)
 * in  %558 f32[960] <- M + 2268136 (features.5.1.block.1.1.bias)
 * in  %561 f32[2,960] <- A + 243830400
 */
void k219_bn_train_silu_reduce_mean(
    float *restrict y /* [4,1,1,960] */,
    const float *restrict x /* [4,32,32,960] */,
    const float *restrict gamma /* [960] */,
    const float *restrict beta /* [960] */,
    const float *restrict stats /* [2,960] */) {
    /* mean over axes [1, 2] of [4, 32, 32, 960]: (4, 1024, 960) -> (4, 960) */
    float q0[960];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 960; c++) {
        q0[c] = gamma[c] / sqrtf(stats[960 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[960];
        for (long q = 0; q < 960; q++) acc[q] = 0.0;
        for (long j = 0; j < 1024; j++) {
            for (long q = 0; q < 960; q++) {
                const long r = o * 1024 + j;
                const long c = q;
                const float t0 = x[r * 960 + c];
                const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                const float t2 = t1 * ba_sigmoid(t1);
                acc[q] += t2;
            }
        }
        for (long q = 0; q < 960; q++) y[o * 960 + q] = (float)(acc[q] / 1024.0);
    }
}

/*
 * %564 = bn_train(%556, %561, %557, %558) : f32[4,32,32,960]  features.5.1.block.1.1
 * %565 = silu(%564) : f32[4,32,32,960]  features.5.1.block.1.2
 * %579 = mul(%565, %578) : f32[4,32,32,960]  features.5.1.block.2
 * %581 = conv2d(%579, %580) : f32[4,32,32,160]  features.5.1.block.3.0
 * 16 call sites share this function; the nodes and locations above are the first one's.
 * out %581 -> A + 228392960
 * in  %556 f32[4,32,32,960] <- A + 16252928
 * in  %557 f32[960] <- M + 2267176 (features.5.1.block.1.1.weight)
 * in  %558 f32[960] <- M + 2268136 (features.5.1.block.1.1.bias)
 * in  %561 f32[2,960] <- A + 243830400
 * in  %578 f32[4,1,1,960] <- A + 243603968
 * in  %580 f32[160,960,1,1] <- M + 2346896 (features.5.1.block.3.0.weight)
 */
void k220_bn_train_silu_mul_conv1x1(
    float *restrict y /* [4,32,32,160] */,
    const float *restrict x /* [4,32,32,960] */,
    const float *restrict gamma /* [960] */,
    const float *restrict beta /* [960] */,
    const float *restrict stats /* [2,960] */,
    const float *restrict scale /* [4,1,1,960] */,
    const float *restrict w /* [160,960,1,1] */) {
    /* y (4096, 160) = f(x) (4096, 960) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float q0[960];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 960; c++) {
        q0[c] = gamma[c] / sqrtf(stats[960 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 160, 960, w, 960);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 245760);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 16; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 4096 ? 256 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 960; c++) {
                    const float t0 = x[r * 960 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    const float t3 = scale[(r / 1024) * 960 + c];
                    const float t4 = t2 * t3;
                    tile[(r - m0) * 960 + c] = t4;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 160, 960, 1.0f, tile, 960, w_f32, 0.0f, y + m0 * 160, 160);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %543 = bn_train(%535, %540, %536, %537) : f32[4,32,32,160]  features.5.0.block.3.1
 * %589 = bn_train(%581, %586, %582, %583) : f32[4,32,32,160]  features.5.1.block.3.1
 * %590 = stochastic_depth(%589, %303) : f32[4,32,32,160]  features.5.1.stochastic_depth
 * %591 = add(%590, %543) : f32[4,32,32,160]  features.5.1
 * %593 = conv2d(%591, %592) : f32[4,32,32,960]  features.5.2.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %593 -> A + 20185088
 * in  %303 i32[1] <- io[8] (seed)
 * in  %535 f32[4,32,32,160] <- A + 227737600
 * in  %536 f32[160] <- M + 2102696 (features.5.0.block.3.1.weight)
 * in  %537 f32[160] <- M + 2102856 (features.5.0.block.3.1.bias)
 * in  %540 f32[2,160] <- A + 243890176
 * in  %581 f32[4,32,32,160] <- A + 228392960
 * in  %582 f32[160] <- M + 2500496 (features.5.1.block.3.1.weight)
 * in  %583 f32[160] <- M + 2500656 (features.5.1.block.3.1.bias)
 * in  %586 f32[2,160] <- A + 243890496
 * in  %592 f32[960,160,1,1] <- M + 2500816 (features.5.2.block.0.0.weight)
 */
void k221_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,32,32,960] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict beta /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict gamma2 /* [160] */,
    const float *restrict beta2 /* [160] */,
    const float *restrict stats2 /* [2,160] */,
    const float *restrict w /* [960,160,1,1] */,
    uint32_t salt,
    float rate) {
    /* y (4096, 960) = f(x) (4096, 160) · wᵀ: tiles of 342 rows of f(x) computed into scratch, one sgemm each */
    float q0[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q0[c] = gamma2[c] / sqrtf(stats2[160 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q2[c] = gamma[c] / sqrtf(stats[160 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 960, 160, w, 160);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 54720);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 12; t++) {
            const long m0 = t * 342, rows = m0 + 342 <= 4096 ? 342 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 160; c++) {
                    const float t0 = x2[r * 160 + c];
                    const float t1 = (t0 - stats2[c]) * q0[c] + beta2[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = x[r * 160 + c];
                    const float t4 = (t3 - stats[c]) * q2[c] + beta[c];
                    const float t5 = t2 + t4;
                    tile[(r - m0) * 160 + c] = t5;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 960, 160, 1.0f, tile, 160, w_f32, 0.0f, y + m0 * 960, 960);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %543 = bn_train(%535, %540, %536, %537) : f32[4,32,32,160]  features.5.0.block.3.1
 * %589 = bn_train(%581, %586, %582, %583) : f32[4,32,32,160]  features.5.1.block.3.1
 * %590 = stochastic_depth(%589, %303) : f32[4,32,32,160]  features.5.1.stochastic_depth
 * %591 = add(%590, %543) : f32[4,32,32,160]  features.5.1
 * %637 = bn_train(%629, %634, %630, %631) : f32[4,32,32,160]  features.5.2.block.3.1
 * %638 = stochastic_depth(%637, %303) : f32[4,32,32,160]  features.5.2.stochastic_depth
 * %639 = add(%638, %591) : f32[4,32,32,160]  features.5.2
 * %641 = conv2d(%639, %640) : f32[4,32,32,960]  features.5.3.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %641 -> A + 31981568
 * in  %303 i32[1] <- io[8] (seed)
 * in  %535 f32[4,32,32,160] <- A + 227737600
 * in  %536 f32[160] <- M + 2102696 (features.5.0.block.3.1.weight)
 * in  %537 f32[160] <- M + 2102856 (features.5.0.block.3.1.bias)
 * in  %540 f32[2,160] <- A + 243890176
 * in  %581 f32[4,32,32,160] <- A + 228392960
 * in  %582 f32[160] <- M + 2500496 (features.5.1.block.3.1.weight)
 * in  %583 f32[160] <- M + 2500656 (features.5.1.block.3.1.bias)
 * in  %586 f32[2,160] <- A + 243890496
 * in  %629 f32[4,32,32,160] <- A + 229048320
 * in  %630 f32[160] <- M + 2898296 (features.5.2.block.3.1.weight)
 * in  %631 f32[160] <- M + 2898456 (features.5.2.block.3.1.bias)
 * in  %634 f32[2,160] <- A + 243890816
 * in  %640 f32[960,160,1,1] <- M + 2898616 (features.5.3.block.0.0.weight)
 */
void k222_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,32,32,960] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict beta /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict gamma2 /* [160] */,
    const float *restrict beta2 /* [160] */,
    const float *restrict stats2 /* [2,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict gamma3 /* [160] */,
    const float *restrict beta3 /* [160] */,
    const float *restrict stats3 /* [2,160] */,
    const float *restrict w /* [960,160,1,1] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* y (4096, 960) = f(x) (4096, 160) · wᵀ: tiles of 342 rows of f(x) computed into scratch, one sgemm each */
    float q0[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q0[c] = gamma3[c] / sqrtf(stats3[160 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q2[c] = gamma2[c] / sqrtf(stats2[160 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float q4[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q4[c] = gamma[c] / sqrtf(stats[160 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 960, 160, w, 160);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 54720);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 12; t++) {
            const long m0 = t * 342, rows = m0 + 342 <= 4096 ? 342 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 160; c++) {
                    const float t0 = x3[r * 160 + c];
                    const float t1 = (t0 - stats3[c]) * q0[c] + beta3[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = x2[r * 160 + c];
                    const float t4 = (t3 - stats2[c]) * q2[c] + beta2[c];
                    const float t5 = t4 * q3[r / 1024];
                    const float t6 = x[r * 160 + c];
                    const float t7 = (t6 - stats[c]) * q4[c] + beta[c];
                    const float t8 = t5 + t7;
                    const float t9 = t2 + t8;
                    tile[(r - m0) * 160 + c] = t9;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 960, 160, 1.0f, tile, 160, w_f32, 0.0f, y + m0 * 960, 960);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %543 = bn_train(%535, %540, %536, %537) : f32[4,32,32,160]  features.5.0.block.3.1
 * %589 = bn_train(%581, %586, %582, %583) : f32[4,32,32,160]  features.5.1.block.3.1
 * %590 = stochastic_depth(%589, %303) : f32[4,32,32,160]  features.5.1.stochastic_depth
 * %591 = add(%590, %543) : f32[4,32,32,160]  features.5.1
 * %637 = bn_train(%629, %634, %630, %631) : f32[4,32,32,160]  features.5.2.block.3.1
 * %638 = stochastic_depth(%637, %303) : f32[4,32,32,160]  features.5.2.stochastic_depth
 * %639 = add(%638, %591) : f32[4,32,32,160]  features.5.2
 * %685 = bn_train(%677, %682, %678, %679) : f32[4,32,32,160]  features.5.3.block.3.1
 * %686 = stochastic_depth(%685, %303) : f32[4,32,32,160]  features.5.3.stochastic_depth
 * %687 = add(%686, %639) : f32[4,32,32,160]  features.5.3
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * 1 values written, 17 read (flat over the state blocks)
 */
void k223_bn_train_stochastic_depth_add(
    float *restrict y /* [4,32,32,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict beta /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict gamma2 /* [160] */,
    const float *restrict beta2 /* [160] */,
    const float *restrict stats2 /* [2,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict gamma3 /* [160] */,
    const float *restrict beta3 /* [160] */,
    const float *restrict stats3 /* [2,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict gamma4 /* [160] */,
    const float *restrict beta4 /* [160] */,
    const float *restrict stats4 /* [2,160] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2,
    uint32_t salt3,
    float rate3) {
    float q0[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q0[c] = gamma4[c] / sqrtf(stats4[160 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q2[c] = gamma3[c] / sqrtf(stats3[160 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float q4[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q4[c] = gamma2[c] / sqrtf(stats2[160 + c] + 0.001f);
    }
    float q5[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q5[n] = ba_uniform((uint32_t)seed[0], salt3, (uint32_t)n) >= rate3 ? 1.0f / (1.0f - rate3) : 0.0f;
    float q6[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q6[c] = gamma[c] / sqrtf(stats[160 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 160; c++) {
            const long i = r * 160 + c;
            const float t0 = x4[r * 160 + c];
            const float t1 = (t0 - stats4[c]) * q0[c] + beta4[c];
            const float t2 = t1 * q1[r / 1024];
            const float t3 = x3[r * 160 + c];
            const float t4 = (t3 - stats3[c]) * q2[c] + beta3[c];
            const float t5 = t4 * q3[r / 1024];
            const float t6 = x2[r * 160 + c];
            const float t7 = (t6 - stats2[c]) * q4[c] + beta2[c];
            const float t8 = t7 * q5[r / 1024];
            const float t9 = x[r * 160 + c];
            const float t10 = (t9 - stats[c]) * q6[c] + beta[c];
            const float t11 = t8 + t10;
            const float t12 = t5 + t11;
            const float t13 = t2 + t12;
            y[i] = t13;
        }
    }
}

/*
 * %2513 = stochastic_depth_bwd(%2511, %303) : f32[4,32,32,160]  features.5.8.stochastic_depth
 * %2514 = bn_bwd_reduce(%2513, %917, %922) : f32[2,160]  features.5.8.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2514 -> A + 243879424
 * in  %303 i32[1] <- io[8] (seed)
 * in  %917 f32[4,32,32,160] <- A + 234291200
 * in  %922 f32[2,160] <- A + 243892736
 * in  %2511 f32[4,32,32,160] <- A + 226754560
 */
void k216b_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict dy /* [4,32,32,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q1[c] = 1.0f / sqrtf(stats[160 + c] + 0.001f);
    }
    enum { C = 160, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = dy[r * 160 + c];
                const float t1 = t0 * q0[r / 1024];
                const float t2 = x[r * 160 + c];
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
 * %2513 = stochastic_depth_bwd(%2511, %303) : f32[4,32,32,160]  features.5.8.stochastic_depth
 * %2515 = bn_bwd_input(%2513, %917, %922, %918, %2514) : f32[4,32,32,160]  features.5.8.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2515 -> A + 106692608
 * in  %303 i32[1] <- io[8] (seed)
 * in  %917 f32[4,32,32,160] <- A + 234291200
 * in  %918 f32[160] <- M + 5285096 (features.5.8.block.3.1.weight)
 * in  %922 f32[2,160] <- A + 243892736
 * in  %2511 f32[4,32,32,160] <- A + 226754560
 * in  %2514 f32[2,160] <- A + 243879424
 */
void k216b_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict dy /* [4,32,32,160] */,
    const float *restrict dstats /* [2,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160], q2[160], q3[160];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 160; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[160 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[160 + c] / 4096.0f * (1.0f / sqrtf(stats[160 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 160; c++) {
            const long i = r * 160 + c;
            const float t0 = dy[r * 160 + c];
            const float t1 = t0 * q0[r / 1024];
            const float t2 = x[r * 160 + c];
            const float t3 = q1[c] * (t1 - q2[c] - (t2 - stats[c]) * q3[c]);
            dx[i] = t3;
        }
    }
}

/*
 * %2516 = slice(%2514) : f32[1,160]  features.5.8.block.3.1
 * %2517 = reshape(%2516) : f32[160]  features.5.8.block.3.1
 * %3615 = add(%3614, %2517) : f32[160]  features.5.8.block.3.1.weight
 * 18 call sites share this function; the nodes and locations above are the first one's.
 * out %3615 -> G + 5285096
 * in  %2514 f32[2,160] <- A + 243879424
 * in  %3614 f32[160] <- G + 5285096 (features.5.8.block.3.1.weight)
 */
void k216b_slice_acc(float *restrict grad /* [160] */, const float *restrict x /* [2,160] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 160; j++) grad[o * 160 + j] += x[o * 320 + 160 + j];
}

/*
 * %2518 = slice(%2514) : f32[1,160]  features.5.8.block.3.1
 * %2519 = reshape(%2518) : f32[160]  features.5.8.block.3.1
 * %3617 = add(%3616, %2519) : f32[160]  features.5.8.block.3.1.bias
 * 18 call sites share this function; the nodes and locations above are the first one's.
 * out %3617 -> G + 5285256
 * in  %2514 f32[2,160] <- A + 243879424
 * in  %3616 f32[160] <- G + 5285256 (features.5.8.block.3.1.bias)
 */
void k216b2_slice_acc(float *restrict grad /* [160] */, const float *restrict x /* [2,160] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 160; j++) grad[o * 160 + j] += x[o * 320 + 0 + j];
}

/*
 * %2520 = conv2d_bwd_input(%2515, %916) : f32[4,32,32,960]  features.5.8.block.3.0
 * 16 call sites share this function; the nodes and locations above are the first one's.
 * out %2520 -> A + 102760448
 * in  %2515 f32[4,32,32,160] <- A + 106692608
 * in  %916 f32[160,960,1,1] <- M + 5131496 (features.5.8.block.3.0.weight)
 */
void k220b_conv1x1_bwd_input(
    float *restrict dx /* [4,32,32,960] */,
    const float *restrict dy /* [4,32,32,160] */,
    const float *restrict w /* [160,960,1,1] */) {
    /* dx of x (4,32,32,960) w (160,960,1,1) y (4,32,32,160) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    /* the weight packed once; tiles of 72 rows in parallel */
    float *w_f32 = breastai_gemm_f32_pack(CblasNoTrans, 960, 160, w, 960);  /* packed once for every tile */
    #pragma omp parallel for schedule(static)
    for (long t = 0; t < 57; t++) {
        const long m0 = t * 72, rows = m0 + 72 <= 4096 ? 72 : 4096 - m0;
        breastai_gemm_f32_packed(CblasNoTrans, rows, 960, 160, 1.0f, dy + m0 * 160, 160, w_f32, 0.0f, dx + m0 * 960, 960);
    }
    free(w_f32);
}

/*
 * %900 = bn_train(%892, %897, %893, %894) : f32[4,32,32,960]  features.5.8.block.1.1
 * %901 = silu(%900) : f32[4,32,32,960]  features.5.8.block.1.2
 * %915 = mul(%901, %914) : f32[4,32,32,960]  features.5.8.block.2
 * %2521 = conv2d_bwd_weight(%2515, %915) : f32[160,960,1,1]  features.5.8.block.3.0
 * %3613 = add(%3612, %2521) : f32[160,960,1,1]  features.5.8.block.3.0.weight
 * 16 call sites share this function; the nodes and locations above are the first one's.
 * out %3613 -> G + 5131496
 * in  %892 f32[4,32,32,960] <- A + 98828288
 * in  %893 f32[960] <- M + 5051776 (features.5.8.block.1.1.weight)
 * in  %894 f32[960] <- M + 5052736 (features.5.8.block.1.1.bias)
 * in  %897 f32[2,960] <- A + 243857280
 * in  %914 f32[4,1,1,960] <- A + 243684608
 * in  %2515 f32[4,32,32,160] <- A + 106692608
 * in  %3612 f32[160,960,1,1] <- G + 5131496 (features.5.8.block.3.0.weight)
 */
void k220b_bn_train_silu_mul_conv1x1_bwd_weight_acc(
    float *restrict grad /* [160,960,1,1] */,
    const float *restrict x /* [4,32,32,960] */,
    const float *restrict gamma /* [960] */,
    const float *restrict beta /* [960] */,
    const float *restrict stats /* [2,960] */,
    const float *restrict scale /* [4,1,1,960] */,
    const float *restrict dy /* [4,32,32,160] */) {
    /* dw (160, 960) += dyᵀ (160, 4096) · f(x) (4096, 960), f(x) recomputed in tiles of 256 rows */
    float q0[960];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 960; c++) {
        q0[c] = gamma[c] / sqrtf(stats[960 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 153600);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 153600;
        float *restrict tile = malloc(sizeof(float) * 245760);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 16; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 4096 ? 256 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 960; c++) {
                    const float t0 = x[r * 960 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    const float t3 = scale[(r / 1024) * 960 + c];
                    const float t4 = t2 * t3;
                    tile[(r - m0) * 960 + c] = t4;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 160, 960, rows, 1.0f, dy + m0 * 160, 160, tile, 960, first ? 0.0f : 1.0f, mine, 960);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 153600);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 153600; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 153600 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %2549 = conv2d_bwd_input(%2544, %891) : f32[4,32,32,960]  features.5.8.block.1.0
 * 16 call sites share this function; the nodes and locations above are the first one's.
 * out %2549 -> A + 98828288
 * in  %2544 f32[4,32,32,960] <- A + 106692608
 * in  %891 f32[960,1,3,3] <- M + 5043136 (features.5.8.block.1.0.weight)
 */
void k218b_dwconv3x3_bwd_input(
    float *restrict dx /* [4,32,32,960] */,
    const float *restrict dy /* [4,32,32,960] */,
    const float *restrict w /* [960,1,3,3] */) {
    /* dx of x (4,32,32,960) w (960,1,3,3) y (4,32,32,960) stride 1 pad 1 groups 960 */
    float *restrict wt = malloc(sizeof(float) * 8640);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 960; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 960 + c] = w[(c * 3 + r) * 3 + s];
    /* Depthwise 3x3 dx as a sliding window over dy: per input row and block of 16 channels, the weights and
     * the 3x3 window of dy stay in registers while iw moves right; rows and columns outside dy are zeros. */
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long ih = 0; ih < 32; ih++) {
            const int up = ih > 0, down = ih + 1 < 32;
            const long o1 = (n * 32 + ih) * 30720, o0 = o1 - 30720, o2 = o1 + 30720;
            for (long c = 0; c < 960; c += 16) {
                const ba_v16 zero = {0};
                const ba_v16 w00 = *(const ba_v16 *)(wt + c), w01 = *(const ba_v16 *)(wt + 960 + c), w02 = *(const ba_v16 *)(wt + 1920 + c);
                const ba_v16 w10 = *(const ba_v16 *)(wt + 2880 + c), w11 = *(const ba_v16 *)(wt + 3840 + c), w12 = *(const ba_v16 *)(wt + 4800 + c);
                const ba_v16 w20 = *(const ba_v16 *)(wt + 5760 + c), w21 = *(const ba_v16 *)(wt + 6720 + c), w22 = *(const ba_v16 *)(wt + 7680 + c);
                ba_v16 v00 = zero, v10 = zero, v20 = zero;
                ba_v16 v01 = up ? *(const ba_v16 *)(dy + o0 + c) : zero, v11 = *(const ba_v16 *)(dy + o1 + c), v21 = down ? *(const ba_v16 *)(dy + o2 + c) : zero;
                for (long col = 0; col < 32; col++) {
                    ba_v16 v02 = zero, v12 = zero, v22 = zero;
                    if (col + 1 < 32) {
                        const long next = (col + 1) * 960 + c;
                        if (up) { v02 = *(const ba_v16 *)(dy + o0 + next); __builtin_prefetch(dy + o0 + next + 16); }
                        v12 = *(const ba_v16 *)(dy + o1 + next); __builtin_prefetch(dy + o1 + next + 16);
                        if (down) { v22 = *(const ba_v16 *)(dy + o2 + next); __builtin_prefetch(dy + o2 + next + 16); }
                    }
                    const ba_v16 v = v22 * w00 + v21 * w01 + v20 * w02
                        + v12 * w10 + v11 * w11 + v10 * w12
                        + v02 * w20 + v01 * w21 + v00 * w22;
                    *(ba_v16 *)(dx + o1 + col * 960 + c) = v;
                    __builtin_prefetch(dx + o1 + col * 960 + c + 16, 1);
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
            }
        }
    }
    free(wt);
}

/*
 * %2550 = conv2d_bwd_weight(%2544, %890) : f32[960,1,3,3]  features.5.8.block.1.0
 * %3599 = add(%3598, %2550) : f32[960,1,3,3]  features.5.8.block.1.0.weight
 * 16 call sites share this function; the nodes and locations above are the first one's.
 * out %3599 -> G + 5043136
 * in  %2544 f32[4,32,32,960] <- A + 106692608
 * in  %890 f32[4,32,32,960] <- A + 94896128
 * in  %3598 f32[960,1,3,3] <- G + 5043136 (features.5.8.block.1.0.weight)
 */
void k218b_dwconv3x3_bwd_weight_acc(
    float *restrict grad /* [960,1,3,3] */,
    const float *restrict dy /* [4,32,32,960] */,
    const float *restrict x /* [4,32,32,960] */) {
    /* dw of x (4,32,32,960) w (960,1,3,3) y (4,32,32,960) stride 1 pad 1 groups 960, added into the accumulator */
    /* Depthwise dw: dw[c, r, s] = Σ_{n, oh, ow} dy[n, oh, ow, c] · x[n, ih, iw, c], channels innermost. Each thread
     * sums a fixed range of output rows into its own (R, S, C) partial (each row in float, the partial in
     * double); the partials are added in thread order. */
    /* 3x3, stride 1: each row's nine sums in registers, a sliding window over x (CEmitter+DepthwiseWindow) */
    const int max_threads = omp_get_max_threads();
    double *restrict part = calloc((size_t)max_threads * 8640, sizeof(double));  /* (threads, R, S, C) */
    if (!part) abort();
    int threads = 1;
    #pragma omp parallel num_threads(max_threads)
    {
        const int thread = omp_get_thread_num(), team = omp_get_num_threads();
        if (thread == 0) threads = team;
        double *restrict acc = part + (long)thread * 8640;
        for (long row = 128L * thread / team; row < 128L * (thread + 1) / team; row++) {
            const long n = row / 32, oh = row % 32;
            const int up = oh > 0, down = oh + 1 < 32;
            const long o1 = (n * 32 + oh) * 30720, o0 = o1 - 30720, o2 = o1 + 30720;
            for (long c = 0; c < 960; c += 16) {
                const ba_v16 zero = {0};
                ba_v16 g00 = zero, g01 = zero, g02 = zero, g10 = zero, g11 = zero, g12 = zero, g20 = zero, g21 = zero, g22 = zero;
                ba_v16 v00 = zero, v10 = zero, v20 = zero;
                ba_v16 v01 = up ? *(const ba_v16 *)(x + o0 + c) : zero, v11 = *(const ba_v16 *)(x + o1 + c), v21 = down ? *(const ba_v16 *)(x + o2 + c) : zero;
                for (long col = 0; col < 32; col++) {
                    ba_v16 v02 = zero, v12 = zero, v22 = zero;
                    if (col + 1 < 32) {
                        const long next = (col + 1) * 960 + c;
                        if (up) { v02 = *(const ba_v16 *)(x + o0 + next); __builtin_prefetch(x + o0 + next + 16); }
                        v12 = *(const ba_v16 *)(x + o1 + next); __builtin_prefetch(x + o1 + next + 16);
                        if (down) { v22 = *(const ba_v16 *)(x + o2 + next); __builtin_prefetch(x + o2 + next + 16); }
                    }
                    const ba_v16 g = *(const ba_v16 *)(dy + o1 + col * 960 + c);
                    __builtin_prefetch(dy + o1 + col * 960 + c + 16);
                    g00 += g * v00; g01 += g * v01; g02 += g * v02;
                    g10 += g * v10; g11 += g * v11; g12 += g * v12;
                    g20 += g * v20; g21 += g * v21; g22 += g * v22;
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
                *(ba_v8d *)(acc + c) += BA_LO_V8D(g00); *(ba_v8d *)(acc + c + 8) += BA_HI_V8D(g00);
                *(ba_v8d *)(acc + 960 + c) += BA_LO_V8D(g01); *(ba_v8d *)(acc + 960 + c + 8) += BA_HI_V8D(g01);
                *(ba_v8d *)(acc + 1920 + c) += BA_LO_V8D(g02); *(ba_v8d *)(acc + 1920 + c + 8) += BA_HI_V8D(g02);
                *(ba_v8d *)(acc + 2880 + c) += BA_LO_V8D(g10); *(ba_v8d *)(acc + 2880 + c + 8) += BA_HI_V8D(g10);
                *(ba_v8d *)(acc + 3840 + c) += BA_LO_V8D(g11); *(ba_v8d *)(acc + 3840 + c + 8) += BA_HI_V8D(g11);
                *(ba_v8d *)(acc + 4800 + c) += BA_LO_V8D(g12); *(ba_v8d *)(acc + 4800 + c + 8) += BA_HI_V8D(g12);
                *(ba_v8d *)(acc + 5760 + c) += BA_LO_V8D(g20); *(ba_v8d *)(acc + 5760 + c + 8) += BA_HI_V8D(g20);
                *(ba_v8d *)(acc + 6720 + c) += BA_LO_V8D(g21); *(ba_v8d *)(acc + 6720 + c + 8) += BA_HI_V8D(g21);
                *(ba_v8d *)(acc + 7680 + c) += BA_LO_V8D(g22); *(ba_v8d *)(acc + 7680 + c + 8) += BA_HI_V8D(g22);
            }
        }
    }
    /* dw[c, r, s] = Σ_thread part[thread, r, s, c], in thread order */
    #pragma omp parallel for schedule(static)
    for (long c = 0; c < 960; c++) {
        for (long t = 0; t < 9; t++) {
            double sum = 0.0;
            for (int thread = 0; thread < threads; thread++) sum += part[((long)thread * 9 + t) * 960 + c];
            grad[c * 9 + t] += (float)sum;
        }
    }
    free(part);
}

/*
 * %2560 = add_n(%2511, %2558) : f32[4,32,32,160]  features.5.7
 * %2561 = stochastic_depth_bwd(%2560, %303) : f32[4,32,32,160]  features.5.7.stochastic_depth
 * %2562 = bn_bwd_reduce(%2561, %869, %874) : f32[2,160]  features.5.7.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2562 -> A + 243879424
 * in  %303 i32[1] <- io[8] (seed)
 * in  %869 f32[4,32,32,160] <- A + 233635840
 * in  %874 f32[2,160] <- A + 243892416
 * in  %2511 f32[4,32,32,160] <- A + 226754560
 * in  %2558 f32[4,32,32,160] <- A + 98828288
 */
void k216b_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q1[c] = 1.0f / sqrtf(stats[160 + c] + 0.001f);
    }
    enum { C = 160, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 160 + c];
                const float t1 = x3[r * 160 + c];
                const float t2 = t0 + t1;
                const float t3 = t2 * q0[r / 1024];
                const float t4 = x[r * 160 + c];
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
 * %2560 = add_n(%2511, %2558) : f32[4,32,32,160]  features.5.7
 * %2561 = stochastic_depth_bwd(%2560, %303) : f32[4,32,32,160]  features.5.7.stochastic_depth
 * %2563 = bn_bwd_input(%2561, %869, %874, %870, %2562) : f32[4,32,32,160]  features.5.7.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2563 -> A + 94896128
 * in  %303 i32[1] <- io[8] (seed)
 * in  %869 f32[4,32,32,160] <- A + 233635840
 * in  %870 f32[160] <- M + 4887296 (features.5.7.block.3.1.weight)
 * in  %874 f32[2,160] <- A + 243892416
 * in  %2511 f32[4,32,32,160] <- A + 226754560
 * in  %2558 f32[4,32,32,160] <- A + 98828288
 * in  %2562 f32[2,160] <- A + 243879424
 */
void k216b_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict dstats /* [2,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160], q2[160], q3[160];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 160; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[160 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[160 + c] / 4096.0f * (1.0f / sqrtf(stats[160 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 160; c++) {
            const long i = r * 160 + c;
            const float t0 = x2[r * 160 + c];
            const float t1 = x3[r * 160 + c];
            const float t2 = t0 + t1;
            const float t3 = t2 * q0[r / 1024];
            const float t4 = x[r * 160 + c];
            const float t5 = q1[c] * (t3 - q2[c] - (t4 - stats[c]) * q3[c]);
            dx[i] = t5;
        }
    }
}

/*
 * %2560 = add_n(%2511, %2558) : f32[4,32,32,160]  features.5.7
 * %2608 = add_n(%2560, %2606) : f32[4,32,32,160]  features.5.6
 * %2609 = stochastic_depth_bwd(%2608, %303) : f32[4,32,32,160]  features.5.6.stochastic_depth
 * %2610 = bn_bwd_reduce(%2609, %821, %826) : f32[2,160]  features.5.6.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2610 -> A + 243879424
 * in  %303 i32[1] <- io[8] (seed)
 * in  %821 f32[4,32,32,160] <- A + 232325120
 * in  %826 f32[2,160] <- A + 243892096
 * in  %2511 f32[4,32,32,160] <- A + 226754560
 * in  %2558 f32[4,32,32,160] <- A + 98828288
 * in  %2606 f32[4,32,32,160] <- A + 87031808
 */
void k216b2_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q1[c] = 1.0f / sqrtf(stats[160 + c] + 0.001f);
    }
    enum { C = 160, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 160 + c];
                const float t1 = x3[r * 160 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 160 + c];
                const float t4 = t2 + t3;
                const float t5 = t4 * q0[r / 1024];
                const float t6 = x[r * 160 + c];
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
 * %2560 = add_n(%2511, %2558) : f32[4,32,32,160]  features.5.7
 * %2608 = add_n(%2560, %2606) : f32[4,32,32,160]  features.5.6
 * %2609 = stochastic_depth_bwd(%2608, %303) : f32[4,32,32,160]  features.5.6.stochastic_depth
 * %2611 = bn_bwd_input(%2609, %821, %826, %822, %2610) : f32[4,32,32,160]  features.5.6.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2611 -> A + 83099648
 * in  %303 i32[1] <- io[8] (seed)
 * in  %821 f32[4,32,32,160] <- A + 232325120
 * in  %822 f32[160] <- M + 4489496 (features.5.6.block.3.1.weight)
 * in  %826 f32[2,160] <- A + 243892096
 * in  %2511 f32[4,32,32,160] <- A + 226754560
 * in  %2558 f32[4,32,32,160] <- A + 98828288
 * in  %2606 f32[4,32,32,160] <- A + 87031808
 * in  %2610 f32[2,160] <- A + 243879424
 */
void k216b2_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict dstats /* [2,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160], q2[160], q3[160];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 160; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[160 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[160 + c] / 4096.0f * (1.0f / sqrtf(stats[160 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 160; c++) {
            const long i = r * 160 + c;
            const float t0 = x2[r * 160 + c];
            const float t1 = x3[r * 160 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 160 + c];
            const float t4 = t2 + t3;
            const float t5 = t4 * q0[r / 1024];
            const float t6 = x[r * 160 + c];
            const float t7 = q1[c] * (t5 - q2[c] - (t6 - stats[c]) * q3[c]);
            dx[i] = t7;
        }
    }
}

/*
 * %2560 = add_n(%2511, %2558) : f32[4,32,32,160]  features.5.7
 * %2608 = add_n(%2560, %2606) : f32[4,32,32,160]  features.5.6
 * %2656 = add_n(%2608, %2654) : f32[4,32,32,160]  features.5.5
 * %2657 = stochastic_depth_bwd(%2656, %303) : f32[4,32,32,160]  features.5.5.stochastic_depth
 * %2658 = bn_bwd_reduce(%2657, %773, %778) : f32[2,160]  features.5.5.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2658 -> A + 243879424
 * in  %303 i32[1] <- io[8] (seed)
 * in  %773 f32[4,32,32,160] <- A + 231669760
 * in  %778 f32[2,160] <- A + 243891776
 * in  %2511 f32[4,32,32,160] <- A + 226754560
 * in  %2558 f32[4,32,32,160] <- A + 98828288
 * in  %2606 f32[4,32,32,160] <- A + 87031808
 * in  %2654 f32[4,32,32,160] <- A + 87687168
 */
void k216b3_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict x5 /* [4,32,32,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q1[c] = 1.0f / sqrtf(stats[160 + c] + 0.001f);
    }
    enum { C = 160, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 160 + c];
                const float t1 = x3[r * 160 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 160 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 160 + c];
                const float t6 = t4 + t5;
                const float t7 = t6 * q0[r / 1024];
                const float t8 = x[r * 160 + c];
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
 * %2560 = add_n(%2511, %2558) : f32[4,32,32,160]  features.5.7
 * %2608 = add_n(%2560, %2606) : f32[4,32,32,160]  features.5.6
 * %2656 = add_n(%2608, %2654) : f32[4,32,32,160]  features.5.5
 * %2657 = stochastic_depth_bwd(%2656, %303) : f32[4,32,32,160]  features.5.5.stochastic_depth
 * %2659 = bn_bwd_input(%2657, %773, %778, %774, %2658) : f32[4,32,32,160]  features.5.5.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2659 -> A + 88342528
 * in  %303 i32[1] <- io[8] (seed)
 * in  %773 f32[4,32,32,160] <- A + 231669760
 * in  %774 f32[160] <- M + 4091696 (features.5.5.block.3.1.weight)
 * in  %778 f32[2,160] <- A + 243891776
 * in  %2511 f32[4,32,32,160] <- A + 226754560
 * in  %2558 f32[4,32,32,160] <- A + 98828288
 * in  %2606 f32[4,32,32,160] <- A + 87031808
 * in  %2654 f32[4,32,32,160] <- A + 87687168
 * in  %2658 f32[2,160] <- A + 243879424
 */
void k216b3_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict x5 /* [4,32,32,160] */,
    const float *restrict dstats /* [2,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160], q2[160], q3[160];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 160; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[160 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[160 + c] / 4096.0f * (1.0f / sqrtf(stats[160 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 160; c++) {
            const long i = r * 160 + c;
            const float t0 = x2[r * 160 + c];
            const float t1 = x3[r * 160 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 160 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 160 + c];
            const float t6 = t4 + t5;
            const float t7 = t6 * q0[r / 1024];
            const float t8 = x[r * 160 + c];
            const float t9 = q1[c] * (t7 - q2[c] - (t8 - stats[c]) * q3[c]);
            dx[i] = t9;
        }
    }
}

/*
 * %2560 = add_n(%2511, %2558) : f32[4,32,32,160]  features.5.7
 * %2608 = add_n(%2560, %2606) : f32[4,32,32,160]  features.5.6
 * %2656 = add_n(%2608, %2654) : f32[4,32,32,160]  features.5.5
 * %2704 = add_n(%2656, %2702) : f32[4,32,32,160]  features.5.4
 * %2705 = stochastic_depth_bwd(%2704, %303) : f32[4,32,32,160]  features.5.4.stochastic_depth
 * %2706 = bn_bwd_reduce(%2705, %725, %730) : f32[2,160]  features.5.4.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2706 -> A + 243879424
 * in  %303 i32[1] <- io[8] (seed)
 * in  %725 f32[4,32,32,160] <- A + 231014400
 * in  %730 f32[2,160] <- A + 243891456
 * in  %2511 f32[4,32,32,160] <- A + 226754560
 * in  %2558 f32[4,32,32,160] <- A + 98828288
 * in  %2606 f32[4,32,32,160] <- A + 87031808
 * in  %2654 f32[4,32,32,160] <- A + 87687168
 * in  %2702 f32[4,32,32,160] <- A + 88342528
 */
void k216b4_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict x5 /* [4,32,32,160] */,
    const float *restrict x6 /* [4,32,32,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q1[c] = 1.0f / sqrtf(stats[160 + c] + 0.001f);
    }
    enum { C = 160, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 160 + c];
                const float t1 = x3[r * 160 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 160 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 160 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 160 + c];
                const float t8 = t6 + t7;
                const float t9 = t8 * q0[r / 1024];
                const float t10 = x[r * 160 + c];
                const float xh = (t10 - stats[c]) * q1[c];
                p0[c] += t9;
                p1[c] += t9 * xh;
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
 * %2560 = add_n(%2511, %2558) : f32[4,32,32,160]  features.5.7
 * %2608 = add_n(%2560, %2606) : f32[4,32,32,160]  features.5.6
 * %2656 = add_n(%2608, %2654) : f32[4,32,32,160]  features.5.5
 * %2704 = add_n(%2656, %2702) : f32[4,32,32,160]  features.5.4
 * %2705 = stochastic_depth_bwd(%2704, %303) : f32[4,32,32,160]  features.5.4.stochastic_depth
 * %2707 = bn_bwd_input(%2705, %725, %730, %726, %2706) : f32[4,32,32,160]  features.5.4.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2707 -> A + 88997888
 * in  %303 i32[1] <- io[8] (seed)
 * in  %725 f32[4,32,32,160] <- A + 231014400
 * in  %726 f32[160] <- M + 3693896 (features.5.4.block.3.1.weight)
 * in  %730 f32[2,160] <- A + 243891456
 * in  %2511 f32[4,32,32,160] <- A + 226754560
 * in  %2558 f32[4,32,32,160] <- A + 98828288
 * in  %2606 f32[4,32,32,160] <- A + 87031808
 * in  %2654 f32[4,32,32,160] <- A + 87687168
 * in  %2702 f32[4,32,32,160] <- A + 88342528
 * in  %2706 f32[2,160] <- A + 243879424
 */
void k216b4_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict x5 /* [4,32,32,160] */,
    const float *restrict x6 /* [4,32,32,160] */,
    const float *restrict dstats /* [2,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160], q2[160], q3[160];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 160; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[160 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[160 + c] / 4096.0f * (1.0f / sqrtf(stats[160 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 160; c++) {
            const long i = r * 160 + c;
            const float t0 = x2[r * 160 + c];
            const float t1 = x3[r * 160 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 160 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 160 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 160 + c];
            const float t8 = t6 + t7;
            const float t9 = t8 * q0[r / 1024];
            const float t10 = x[r * 160 + c];
            const float t11 = q1[c] * (t9 - q2[c] - (t10 - stats[c]) * q3[c]);
            dx[i] = t11;
        }
    }
}

/*
 * %2560 = add_n(%2511, %2558) : f32[4,32,32,160]  features.5.7
 * %2608 = add_n(%2560, %2606) : f32[4,32,32,160]  features.5.6
 * %2656 = add_n(%2608, %2654) : f32[4,32,32,160]  features.5.5
 * %2704 = add_n(%2656, %2702) : f32[4,32,32,160]  features.5.4
 * %2752 = add_n(%2704, %2750) : f32[4,32,32,160]  features.5.3
 * %2753 = stochastic_depth_bwd(%2752, %303) : f32[4,32,32,160]  features.5.3.stochastic_depth
 * %2754 = bn_bwd_reduce(%2753, %677, %682) : f32[2,160]  features.5.3.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2754 -> A + 243879424
 * in  %303 i32[1] <- io[8] (seed)
 * in  %677 f32[4,32,32,160] <- A + 229703680
 * in  %682 f32[2,160] <- A + 243891136
 * in  %2511 f32[4,32,32,160] <- A + 226754560
 * in  %2558 f32[4,32,32,160] <- A + 98828288
 * in  %2606 f32[4,32,32,160] <- A + 87031808
 * in  %2654 f32[4,32,32,160] <- A + 87687168
 * in  %2702 f32[4,32,32,160] <- A + 88342528
 * in  %2750 f32[4,32,32,160] <- A + 88997888
 */
void k216b5_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict x5 /* [4,32,32,160] */,
    const float *restrict x6 /* [4,32,32,160] */,
    const float *restrict x7 /* [4,32,32,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q1[c] = 1.0f / sqrtf(stats[160 + c] + 0.001f);
    }
    enum { C = 160, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 160 + c];
                const float t1 = x3[r * 160 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 160 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 160 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 160 + c];
                const float t8 = t6 + t7;
                const float t9 = x7[r * 160 + c];
                const float t10 = t8 + t9;
                const float t11 = t10 * q0[r / 1024];
                const float t12 = x[r * 160 + c];
                const float xh = (t12 - stats[c]) * q1[c];
                p0[c] += t11;
                p1[c] += t11 * xh;
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
 * %2560 = add_n(%2511, %2558) : f32[4,32,32,160]  features.5.7
 * %2608 = add_n(%2560, %2606) : f32[4,32,32,160]  features.5.6
 * %2656 = add_n(%2608, %2654) : f32[4,32,32,160]  features.5.5
 * %2704 = add_n(%2656, %2702) : f32[4,32,32,160]  features.5.4
 * %2752 = add_n(%2704, %2750) : f32[4,32,32,160]  features.5.3
 * %2753 = stochastic_depth_bwd(%2752, %303) : f32[4,32,32,160]  features.5.3.stochastic_depth
 * %2755 = bn_bwd_input(%2753, %677, %682, %678, %2754) : f32[4,32,32,160]  features.5.3.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2755 -> A + 89653248
 * in  %303 i32[1] <- io[8] (seed)
 * in  %677 f32[4,32,32,160] <- A + 229703680
 * in  %678 f32[160] <- M + 3296096 (features.5.3.block.3.1.weight)
 * in  %682 f32[2,160] <- A + 243891136
 * in  %2511 f32[4,32,32,160] <- A + 226754560
 * in  %2558 f32[4,32,32,160] <- A + 98828288
 * in  %2606 f32[4,32,32,160] <- A + 87031808
 * in  %2654 f32[4,32,32,160] <- A + 87687168
 * in  %2702 f32[4,32,32,160] <- A + 88342528
 * in  %2750 f32[4,32,32,160] <- A + 88997888
 * in  %2754 f32[2,160] <- A + 243879424
 */
void k216b5_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict x5 /* [4,32,32,160] */,
    const float *restrict x6 /* [4,32,32,160] */,
    const float *restrict x7 /* [4,32,32,160] */,
    const float *restrict dstats /* [2,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160], q2[160], q3[160];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 160; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[160 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[160 + c] / 4096.0f * (1.0f / sqrtf(stats[160 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 160; c++) {
            const long i = r * 160 + c;
            const float t0 = x2[r * 160 + c];
            const float t1 = x3[r * 160 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 160 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 160 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 160 + c];
            const float t8 = t6 + t7;
            const float t9 = x7[r * 160 + c];
            const float t10 = t8 + t9;
            const float t11 = t10 * q0[r / 1024];
            const float t12 = x[r * 160 + c];
            const float t13 = q1[c] * (t11 - q2[c] - (t12 - stats[c]) * q3[c]);
            dx[i] = t13;
        }
    }
}

/*
 * %543 = bn_train(%535, %540, %536, %537) : f32[4,32,32,160]  features.5.0.block.3.1
 * %589 = bn_train(%581, %586, %582, %583) : f32[4,32,32,160]  features.5.1.block.3.1
 * %590 = stochastic_depth(%589, %303) : f32[4,32,32,160]  features.5.1.stochastic_depth
 * %591 = add(%590, %543) : f32[4,32,32,160]  features.5.1
 * %637 = bn_train(%629, %634, %630, %631) : f32[4,32,32,160]  features.5.2.block.3.1
 * %638 = stochastic_depth(%637, %303) : f32[4,32,32,160]  features.5.2.stochastic_depth
 * %639 = add(%638, %591) : f32[4,32,32,160]  features.5.2
 * %2799 = conv2d_bwd_weight(%2793, %639) : f32[960,160,1,1]  features.5.3.block.0.0
 * %3463 = add(%3462, %2799) : f32[960,160,1,1]  features.5.3.block.0.0.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3463 -> G + 2898616
 * in  %303 i32[1] <- io[8] (seed)
 * in  %535 f32[4,32,32,160] <- A + 227737600
 * in  %536 f32[160] <- M + 2102696 (features.5.0.block.3.1.weight)
 * in  %537 f32[160] <- M + 2102856 (features.5.0.block.3.1.bias)
 * in  %540 f32[2,160] <- A + 243890176
 * in  %581 f32[4,32,32,160] <- A + 228392960
 * in  %582 f32[160] <- M + 2500496 (features.5.1.block.3.1.weight)
 * in  %583 f32[160] <- M + 2500656 (features.5.1.block.3.1.bias)
 * in  %586 f32[2,160] <- A + 243890496
 * in  %629 f32[4,32,32,160] <- A + 229048320
 * in  %630 f32[160] <- M + 2898296 (features.5.2.block.3.1.weight)
 * in  %631 f32[160] <- M + 2898456 (features.5.2.block.3.1.bias)
 * in  %634 f32[2,160] <- A + 243890816
 * in  %2793 f32[4,32,32,960] <- A + 35913728
 * in  %3462 f32[960,160,1,1] <- G + 2898616 (features.5.3.block.0.0.weight)
 */
void k222b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [960,160,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict beta /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict gamma2 /* [160] */,
    const float *restrict beta2 /* [160] */,
    const float *restrict stats2 /* [2,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict gamma3 /* [160] */,
    const float *restrict beta3 /* [160] */,
    const float *restrict stats3 /* [2,160] */,
    const float *restrict dy /* [4,32,32,960] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* dw (960, 160) += dyᵀ (960, 4096) · f(x) (4096, 160), f(x) recomputed in tiles of 342 rows */
    float q0[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q0[c] = gamma3[c] / sqrtf(stats3[160 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q2[c] = gamma2[c] / sqrtf(stats2[160 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float q4[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q4[c] = gamma[c] / sqrtf(stats[160 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 153600);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 153600;
        float *restrict tile = malloc(sizeof(float) * 54720);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 12; t++) {
            const long m0 = t * 342, rows = m0 + 342 <= 4096 ? 342 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 160; c++) {
                    const float t0 = x3[r * 160 + c];
                    const float t1 = (t0 - stats3[c]) * q0[c] + beta3[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = x2[r * 160 + c];
                    const float t4 = (t3 - stats2[c]) * q2[c] + beta2[c];
                    const float t5 = t4 * q3[r / 1024];
                    const float t6 = x[r * 160 + c];
                    const float t7 = (t6 - stats[c]) * q4[c] + beta[c];
                    const float t8 = t5 + t7;
                    const float t9 = t2 + t8;
                    tile[(r - m0) * 160 + c] = t9;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 960, 160, rows, 1.0f, dy + m0 * 960, 960, tile, 160, first ? 0.0f : 1.0f, mine, 160);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 153600);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 153600; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 153600 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %2560 = add_n(%2511, %2558) : f32[4,32,32,160]  features.5.7
 * %2608 = add_n(%2560, %2606) : f32[4,32,32,160]  features.5.6
 * %2656 = add_n(%2608, %2654) : f32[4,32,32,160]  features.5.5
 * %2704 = add_n(%2656, %2702) : f32[4,32,32,160]  features.5.4
 * %2752 = add_n(%2704, %2750) : f32[4,32,32,160]  features.5.3
 * %2800 = add_n(%2752, %2798) : f32[4,32,32,160]  features.5.2
 * %2801 = stochastic_depth_bwd(%2800, %303) : f32[4,32,32,160]  features.5.2.stochastic_depth
 * %2802 = bn_bwd_reduce(%2801, %629, %634) : f32[2,160]  features.5.2.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2802 -> A + 243879424
 * in  %303 i32[1] <- io[8] (seed)
 * in  %629 f32[4,32,32,160] <- A + 229048320
 * in  %634 f32[2,160] <- A + 243890816
 * in  %2511 f32[4,32,32,160] <- A + 226754560
 * in  %2558 f32[4,32,32,160] <- A + 98828288
 * in  %2606 f32[4,32,32,160] <- A + 87031808
 * in  %2654 f32[4,32,32,160] <- A + 87687168
 * in  %2702 f32[4,32,32,160] <- A + 88342528
 * in  %2750 f32[4,32,32,160] <- A + 88997888
 * in  %2798 f32[4,32,32,160] <- A + 89653248
 */
void k216b6_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict x5 /* [4,32,32,160] */,
    const float *restrict x6 /* [4,32,32,160] */,
    const float *restrict x7 /* [4,32,32,160] */,
    const float *restrict x8 /* [4,32,32,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q1[c] = 1.0f / sqrtf(stats[160 + c] + 0.001f);
    }
    enum { C = 160, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 160 + c];
                const float t1 = x3[r * 160 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 160 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 160 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 160 + c];
                const float t8 = t6 + t7;
                const float t9 = x7[r * 160 + c];
                const float t10 = t8 + t9;
                const float t11 = x8[r * 160 + c];
                const float t12 = t10 + t11;
                const float t13 = t12 * q0[r / 1024];
                const float t14 = x[r * 160 + c];
                const float xh = (t14 - stats[c]) * q1[c];
                p0[c] += t13;
                p1[c] += t13 * xh;
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
 * %2560 = add_n(%2511, %2558) : f32[4,32,32,160]  features.5.7
 * %2608 = add_n(%2560, %2606) : f32[4,32,32,160]  features.5.6
 * %2656 = add_n(%2608, %2654) : f32[4,32,32,160]  features.5.5
 * %2704 = add_n(%2656, %2702) : f32[4,32,32,160]  features.5.4
 * %2752 = add_n(%2704, %2750) : f32[4,32,32,160]  features.5.3
 * %2800 = add_n(%2752, %2798) : f32[4,32,32,160]  features.5.2
 * %2801 = stochastic_depth_bwd(%2800, %303) : f32[4,32,32,160]  features.5.2.stochastic_depth
 * %2803 = bn_bwd_input(%2801, %629, %634, %630, %2802) : f32[4,32,32,160]  features.5.2.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2803 -> A + 90308608
 * in  %303 i32[1] <- io[8] (seed)
 * in  %629 f32[4,32,32,160] <- A + 229048320
 * in  %630 f32[160] <- M + 2898296 (features.5.2.block.3.1.weight)
 * in  %634 f32[2,160] <- A + 243890816
 * in  %2511 f32[4,32,32,160] <- A + 226754560
 * in  %2558 f32[4,32,32,160] <- A + 98828288
 * in  %2606 f32[4,32,32,160] <- A + 87031808
 * in  %2654 f32[4,32,32,160] <- A + 87687168
 * in  %2702 f32[4,32,32,160] <- A + 88342528
 * in  %2750 f32[4,32,32,160] <- A + 88997888
 * in  %2798 f32[4,32,32,160] <- A + 89653248
 * in  %2802 f32[2,160] <- A + 243879424
 */
void k216b6_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict x5 /* [4,32,32,160] */,
    const float *restrict x6 /* [4,32,32,160] */,
    const float *restrict x7 /* [4,32,32,160] */,
    const float *restrict x8 /* [4,32,32,160] */,
    const float *restrict dstats /* [2,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160], q2[160], q3[160];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 160; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[160 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[160 + c] / 4096.0f * (1.0f / sqrtf(stats[160 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 160; c++) {
            const long i = r * 160 + c;
            const float t0 = x2[r * 160 + c];
            const float t1 = x3[r * 160 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 160 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 160 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 160 + c];
            const float t8 = t6 + t7;
            const float t9 = x7[r * 160 + c];
            const float t10 = t8 + t9;
            const float t11 = x8[r * 160 + c];
            const float t12 = t10 + t11;
            const float t13 = t12 * q0[r / 1024];
            const float t14 = x[r * 160 + c];
            const float t15 = q1[c] * (t13 - q2[c] - (t14 - stats[c]) * q3[c]);
            dx[i] = t15;
        }
    }
}

/*
 * %543 = bn_train(%535, %540, %536, %537) : f32[4,32,32,160]  features.5.0.block.3.1
 * %589 = bn_train(%581, %586, %582, %583) : f32[4,32,32,160]  features.5.1.block.3.1
 * %590 = stochastic_depth(%589, %303) : f32[4,32,32,160]  features.5.1.stochastic_depth
 * %591 = add(%590, %543) : f32[4,32,32,160]  features.5.1
 * %2847 = conv2d_bwd_weight(%2841, %591) : f32[960,160,1,1]  features.5.2.block.0.0
 * %3437 = add(%3436, %2847) : f32[960,160,1,1]  features.5.2.block.0.0.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3437 -> G + 2500816
 * in  %303 i32[1] <- io[8] (seed)
 * in  %535 f32[4,32,32,160] <- A + 227737600
 * in  %536 f32[160] <- M + 2102696 (features.5.0.block.3.1.weight)
 * in  %537 f32[160] <- M + 2102856 (features.5.0.block.3.1.bias)
 * in  %540 f32[2,160] <- A + 243890176
 * in  %581 f32[4,32,32,160] <- A + 228392960
 * in  %582 f32[160] <- M + 2500496 (features.5.1.block.3.1.weight)
 * in  %583 f32[160] <- M + 2500656 (features.5.1.block.3.1.bias)
 * in  %586 f32[2,160] <- A + 243890496
 * in  %2841 f32[4,32,32,960] <- A + 24117248
 * in  %3436 f32[960,160,1,1] <- G + 2500816 (features.5.2.block.0.0.weight)
 */
void k221b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [960,160,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict beta /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict gamma2 /* [160] */,
    const float *restrict beta2 /* [160] */,
    const float *restrict stats2 /* [2,160] */,
    const float *restrict dy /* [4,32,32,960] */,
    uint32_t salt,
    float rate) {
    /* dw (960, 160) += dyᵀ (960, 4096) · f(x) (4096, 160), f(x) recomputed in tiles of 342 rows */
    float q0[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q0[c] = gamma2[c] / sqrtf(stats2[160 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q2[c] = gamma[c] / sqrtf(stats[160 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 153600);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 153600;
        float *restrict tile = malloc(sizeof(float) * 54720);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 12; t++) {
            const long m0 = t * 342, rows = m0 + 342 <= 4096 ? 342 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 160; c++) {
                    const float t0 = x2[r * 160 + c];
                    const float t1 = (t0 - stats2[c]) * q0[c] + beta2[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = x[r * 160 + c];
                    const float t4 = (t3 - stats[c]) * q2[c] + beta[c];
                    const float t5 = t2 + t4;
                    tile[(r - m0) * 160 + c] = t5;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 960, 160, rows, 1.0f, dy + m0 * 960, 960, tile, 160, first ? 0.0f : 1.0f, mine, 160);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 153600);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 153600; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 153600 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %2560 = add_n(%2511, %2558) : f32[4,32,32,160]  features.5.7
 * %2608 = add_n(%2560, %2606) : f32[4,32,32,160]  features.5.6
 * %2656 = add_n(%2608, %2654) : f32[4,32,32,160]  features.5.5
 * %2704 = add_n(%2656, %2702) : f32[4,32,32,160]  features.5.4
 * %2752 = add_n(%2704, %2750) : f32[4,32,32,160]  features.5.3
 * %2800 = add_n(%2752, %2798) : f32[4,32,32,160]  features.5.2
 * %2848 = add_n(%2800, %2846) : f32[4,32,32,160]  features.5.1
 * %2849 = stochastic_depth_bwd(%2848, %303) : f32[4,32,32,160]  features.5.1.stochastic_depth
 * %2850 = bn_bwd_reduce(%2849, %581, %586) : f32[2,160]  features.5.1.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2850 -> A + 243879424
 * in  %303 i32[1] <- io[8] (seed)
 * in  %581 f32[4,32,32,160] <- A + 228392960
 * in  %586 f32[2,160] <- A + 243890496
 * in  %2511 f32[4,32,32,160] <- A + 226754560
 * in  %2558 f32[4,32,32,160] <- A + 98828288
 * in  %2606 f32[4,32,32,160] <- A + 87031808
 * in  %2654 f32[4,32,32,160] <- A + 87687168
 * in  %2702 f32[4,32,32,160] <- A + 88342528
 * in  %2750 f32[4,32,32,160] <- A + 88997888
 * in  %2798 f32[4,32,32,160] <- A + 89653248
 * in  %2846 f32[4,32,32,160] <- A + 90308608
 */
void k216b7_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict x5 /* [4,32,32,160] */,
    const float *restrict x6 /* [4,32,32,160] */,
    const float *restrict x7 /* [4,32,32,160] */,
    const float *restrict x8 /* [4,32,32,160] */,
    const float *restrict x9 /* [4,32,32,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q1[c] = 1.0f / sqrtf(stats[160 + c] + 0.001f);
    }
    enum { C = 160, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 160 + c];
                const float t1 = x3[r * 160 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 160 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 160 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 160 + c];
                const float t8 = t6 + t7;
                const float t9 = x7[r * 160 + c];
                const float t10 = t8 + t9;
                const float t11 = x8[r * 160 + c];
                const float t12 = t10 + t11;
                const float t13 = x9[r * 160 + c];
                const float t14 = t12 + t13;
                const float t15 = t14 * q0[r / 1024];
                const float t16 = x[r * 160 + c];
                const float xh = (t16 - stats[c]) * q1[c];
                p0[c] += t15;
                p1[c] += t15 * xh;
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
 * %2560 = add_n(%2511, %2558) : f32[4,32,32,160]  features.5.7
 * %2608 = add_n(%2560, %2606) : f32[4,32,32,160]  features.5.6
 * %2656 = add_n(%2608, %2654) : f32[4,32,32,160]  features.5.5
 * %2704 = add_n(%2656, %2702) : f32[4,32,32,160]  features.5.4
 * %2752 = add_n(%2704, %2750) : f32[4,32,32,160]  features.5.3
 * %2800 = add_n(%2752, %2798) : f32[4,32,32,160]  features.5.2
 * %2848 = add_n(%2800, %2846) : f32[4,32,32,160]  features.5.1
 * %2849 = stochastic_depth_bwd(%2848, %303) : f32[4,32,32,160]  features.5.1.stochastic_depth
 * %2851 = bn_bwd_input(%2849, %581, %586, %582, %2850) : f32[4,32,32,160]  features.5.1.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2851 -> A + 90963968
 * in  %303 i32[1] <- io[8] (seed)
 * in  %581 f32[4,32,32,160] <- A + 228392960
 * in  %582 f32[160] <- M + 2500496 (features.5.1.block.3.1.weight)
 * in  %586 f32[2,160] <- A + 243890496
 * in  %2511 f32[4,32,32,160] <- A + 226754560
 * in  %2558 f32[4,32,32,160] <- A + 98828288
 * in  %2606 f32[4,32,32,160] <- A + 87031808
 * in  %2654 f32[4,32,32,160] <- A + 87687168
 * in  %2702 f32[4,32,32,160] <- A + 88342528
 * in  %2750 f32[4,32,32,160] <- A + 88997888
 * in  %2798 f32[4,32,32,160] <- A + 89653248
 * in  %2846 f32[4,32,32,160] <- A + 90308608
 * in  %2850 f32[2,160] <- A + 243879424
 */
void k216b7_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict x5 /* [4,32,32,160] */,
    const float *restrict x6 /* [4,32,32,160] */,
    const float *restrict x7 /* [4,32,32,160] */,
    const float *restrict x8 /* [4,32,32,160] */,
    const float *restrict x9 /* [4,32,32,160] */,
    const float *restrict dstats /* [2,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160], q2[160], q3[160];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 160; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[160 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[160 + c] / 4096.0f * (1.0f / sqrtf(stats[160 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 160; c++) {
            const long i = r * 160 + c;
            const float t0 = x2[r * 160 + c];
            const float t1 = x3[r * 160 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 160 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 160 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 160 + c];
            const float t8 = t6 + t7;
            const float t9 = x7[r * 160 + c];
            const float t10 = t8 + t9;
            const float t11 = x8[r * 160 + c];
            const float t12 = t10 + t11;
            const float t13 = x9[r * 160 + c];
            const float t14 = t12 + t13;
            const float t15 = t14 * q0[r / 1024];
            const float t16 = x[r * 160 + c];
            const float t17 = q1[c] * (t15 - q2[c] - (t16 - stats[c]) * q3[c]);
            dx[i] = t17;
        }
    }
}

/*
 * %543 = bn_train(%535, %540, %536, %537) : f32[4,32,32,160]  features.5.0.block.3.1
 * %2895 = conv2d_bwd_weight(%2889, %543) : f32[960,160,1,1]  features.5.1.block.0.0
 * %3411 = add(%3410, %2895) : f32[960,160,1,1]  features.5.1.block.0.0.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3411 -> G + 2103016
 * in  %535 f32[4,32,32,160] <- A + 227737600
 * in  %536 f32[160] <- M + 2102696 (features.5.0.block.3.1.weight)
 * in  %537 f32[160] <- M + 2102856 (features.5.0.block.3.1.bias)
 * in  %540 f32[2,160] <- A + 243890176
 * in  %2889 f32[4,32,32,960] <- A + 12320768
 * in  %3410 f32[960,160,1,1] <- G + 2103016 (features.5.1.block.0.0.weight)
 */
void k217b_bn_train_conv1x1_bwd_weight_acc(
    float *restrict grad /* [960,160,1,1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict beta /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict dy /* [4,32,32,960] */) {
    /* dw (960, 160) += dyᵀ (960, 4096) · f(x) (4096, 160), f(x) recomputed in tiles of 342 rows */
    float q0[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q0[c] = gamma[c] / sqrtf(stats[160 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 153600);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 153600;
        float *restrict tile = malloc(sizeof(float) * 54720);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 12; t++) {
            const long m0 = t * 342, rows = m0 + 342 <= 4096 ? 342 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 160; c++) {
                    const float t0 = x[r * 160 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    tile[(r - m0) * 160 + c] = t1;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 960, 160, rows, 1.0f, dy + m0 * 960, 960, tile, 160, first ? 0.0f : 1.0f, mine, 160);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 153600);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 153600; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 153600 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %2560 = add_n(%2511, %2558) : f32[4,32,32,160]  features.5.7
 * %2608 = add_n(%2560, %2606) : f32[4,32,32,160]  features.5.6
 * %2656 = add_n(%2608, %2654) : f32[4,32,32,160]  features.5.5
 * %2704 = add_n(%2656, %2702) : f32[4,32,32,160]  features.5.4
 * %2752 = add_n(%2704, %2750) : f32[4,32,32,160]  features.5.3
 * %2800 = add_n(%2752, %2798) : f32[4,32,32,160]  features.5.2
 * %2848 = add_n(%2800, %2846) : f32[4,32,32,160]  features.5.1
 * %2896 = add_n(%2848, %2894) : f32[4,32,32,160]  features.5.0.block.3.1
 * %2897 = bn_bwd_reduce(%2896, %535, %540) : f32[2,160]  features.5.0.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2897 -> A + 243879424
 * in  %535 f32[4,32,32,160] <- A + 227737600
 * in  %540 f32[2,160] <- A + 243890176
 * in  %2511 f32[4,32,32,160] <- A + 226754560
 * in  %2558 f32[4,32,32,160] <- A + 98828288
 * in  %2606 f32[4,32,32,160] <- A + 87031808
 * in  %2654 f32[4,32,32,160] <- A + 87687168
 * in  %2702 f32[4,32,32,160] <- A + 88342528
 * in  %2750 f32[4,32,32,160] <- A + 88997888
 * in  %2798 f32[4,32,32,160] <- A + 89653248
 * in  %2846 f32[4,32,32,160] <- A + 90308608
 * in  %2894 f32[4,32,32,160] <- A + 8388608
 */
void k216b_add_n_bn_bwd_reduce(
    float *restrict dstats /* [2,160] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict x5 /* [4,32,32,160] */,
    const float *restrict x6 /* [4,32,32,160] */,
    const float *restrict x7 /* [4,32,32,160] */,
    const float *restrict x8 /* [4,32,32,160] */,
    const float *restrict x9 /* [4,32,32,160] */,
    const float *restrict x10 /* [4,32,32,160] */) {
    float q0[160];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q0[c] = 1.0f / sqrtf(stats[160 + c] + 0.001f);
    }
    enum { C = 160, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 160 + c];
                const float t1 = x3[r * 160 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 160 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 160 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 160 + c];
                const float t8 = t6 + t7;
                const float t9 = x7[r * 160 + c];
                const float t10 = t8 + t9;
                const float t11 = x8[r * 160 + c];
                const float t12 = t10 + t11;
                const float t13 = x9[r * 160 + c];
                const float t14 = t12 + t13;
                const float t15 = x10[r * 160 + c];
                const float t16 = t14 + t15;
                const float t17 = x[r * 160 + c];
                const float xh = (t17 - stats[c]) * q0[c];
                p0[c] += t16;
                p1[c] += t16 * xh;
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
 * %2560 = add_n(%2511, %2558) : f32[4,32,32,160]  features.5.7
 * %2608 = add_n(%2560, %2606) : f32[4,32,32,160]  features.5.6
 * %2656 = add_n(%2608, %2654) : f32[4,32,32,160]  features.5.5
 * %2704 = add_n(%2656, %2702) : f32[4,32,32,160]  features.5.4
 * %2752 = add_n(%2704, %2750) : f32[4,32,32,160]  features.5.3
 * %2800 = add_n(%2752, %2798) : f32[4,32,32,160]  features.5.2
 * %2848 = add_n(%2800, %2846) : f32[4,32,32,160]  features.5.1
 * %2896 = add_n(%2848, %2894) : f32[4,32,32,160]  features.5.0.block.3.1
 * %2898 = bn_bwd_input(%2896, %535, %540, %536, %2897) : f32[4,32,32,160]  features.5.0.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2898 -> A + 90963968
 * in  %535 f32[4,32,32,160] <- A + 227737600
 * in  %536 f32[160] <- M + 2102696 (features.5.0.block.3.1.weight)
 * in  %540 f32[2,160] <- A + 243890176
 * in  %2511 f32[4,32,32,160] <- A + 226754560
 * in  %2558 f32[4,32,32,160] <- A + 98828288
 * in  %2606 f32[4,32,32,160] <- A + 87031808
 * in  %2654 f32[4,32,32,160] <- A + 87687168
 * in  %2702 f32[4,32,32,160] <- A + 88342528
 * in  %2750 f32[4,32,32,160] <- A + 88997888
 * in  %2798 f32[4,32,32,160] <- A + 89653248
 * in  %2846 f32[4,32,32,160] <- A + 90308608
 * in  %2894 f32[4,32,32,160] <- A + 8388608
 * in  %2897 f32[2,160] <- A + 243879424
 */
void k216b_add_n_bn_bwd_input(
    float *restrict dx /* [4,32,32,160] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict x5 /* [4,32,32,160] */,
    const float *restrict x6 /* [4,32,32,160] */,
    const float *restrict x7 /* [4,32,32,160] */,
    const float *restrict x8 /* [4,32,32,160] */,
    const float *restrict x9 /* [4,32,32,160] */,
    const float *restrict x10 /* [4,32,32,160] */,
    const float *restrict dstats /* [2,160] */) {
    float q0[160], q1[160], q2[160];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 160; c++) {
        q0[c] = gamma[c] * (1.0f / sqrtf(stats[160 + c] + 0.001f));
        q1[c] = dstats[c] / 4096.0f;
        q2[c] = dstats[160 + c] / 4096.0f * (1.0f / sqrtf(stats[160 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 160; c++) {
            const long i = r * 160 + c;
            const float t0 = x2[r * 160 + c];
            const float t1 = x3[r * 160 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 160 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 160 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 160 + c];
            const float t8 = t6 + t7;
            const float t9 = x7[r * 160 + c];
            const float t10 = t8 + t9;
            const float t11 = x8[r * 160 + c];
            const float t12 = t10 + t11;
            const float t13 = x9[r * 160 + c];
            const float t14 = t12 + t13;
            const float t15 = x10[r * 160 + c];
            const float t16 = t14 + t15;
            const float t17 = x[r * 160 + c];
            const float t18 = q0[c] * (t16 - q1[c] - (t17 - stats[c]) * q2[c]);
            dx[i] = t18;
        }
    }
}

/*
 * %2903 = conv2d_bwd_input(%2898, %534) : f32[4,32,32,768]  features.5.0.block.3.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2903 -> A + 8388608
 * in  %2898 f32[4,32,32,160] <- A + 90963968
 * in  %534 f32[160,768,1,1] <- M + 1979816 (features.5.0.block.3.0.weight)
 */
void k215b_conv1x1_bwd_input(
    float *restrict dx /* [4,32,32,768] */,
    const float *restrict dy /* [4,32,32,160] */,
    const float *restrict w /* [160,768,1,1] */) {
    /* dx of x (4,32,32,768) w (160,768,1,1) y (4,32,32,160) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    /* the weight packed once; tiles of 96 rows in parallel */
    float *w_f32 = breastai_gemm_f32_pack(CblasNoTrans, 768, 160, w, 768);  /* packed once for every tile */
    #pragma omp parallel for schedule(static)
    for (long t = 0; t < 43; t++) {
        const long m0 = t * 96, rows = m0 + 96 <= 4096 ? 96 : 4096 - m0;
        breastai_gemm_f32_packed(CblasNoTrans, rows, 768, 160, 1.0f, dy + m0 * 160, 160, w_f32, 0.0f, dx + m0 * 768, 768);
    }
    free(w_f32);
}

/*
 * %518 = bn_train(%510, %515, %511, %512) : f32[4,32,32,768]  features.5.0.block.1.1
 * %519 = silu(%518) : f32[4,32,32,768]  features.5.0.block.1.2
 * %533 = mul(%519, %532) : f32[4,32,32,768]  features.5.0.block.2
 * %2904 = conv2d_bwd_weight(%2898, %533) : f32[160,768,1,1]  features.5.0.block.3.0
 * %3405 = add(%3404, %2904) : f32[160,768,1,1]  features.5.0.block.3.0.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3405 -> G + 1979816
 * in  %510 f32[4,32,32,768] <- A + 120848384
 * in  %511 f32[768] <- M + 1928328 (features.5.0.block.1.1.weight)
 * in  %512 f32[768] <- M + 1929096 (features.5.0.block.1.1.bias)
 * in  %515 f32[2,768] <- A + 243864576
 * in  %532 f32[4,1,1,768] <- A + 243706112
 * in  %2898 f32[4,32,32,160] <- A + 90963968
 * in  %3404 f32[160,768,1,1] <- G + 1979816 (features.5.0.block.3.0.weight)
 */
void k215b_bn_train_silu_mul_conv1x1_bwd_weight_acc(
    float *restrict grad /* [160,768,1,1] */,
    const float *restrict x /* [4,32,32,768] */,
    const float *restrict gamma /* [768] */,
    const float *restrict beta /* [768] */,
    const float *restrict stats /* [2,768] */,
    const float *restrict scale /* [4,1,1,768] */,
    const float *restrict dy /* [4,32,32,160] */) {
    /* dw (160, 768) += dyᵀ (160, 4096) · f(x) (4096, 768), f(x) recomputed in tiles of 256 rows */
    float q0[768];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 768; c++) {
        q0[c] = gamma[c] / sqrtf(stats[768 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 122880);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 122880;
        float *restrict tile = malloc(sizeof(float) * 196608);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 16; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 4096 ? 256 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 768; c++) {
                    const float t0 = x[r * 768 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    const float t3 = scale[(r / 1024) * 768 + c];
                    const float t4 = t2 * t3;
                    tile[(r - m0) * 768 + c] = t4;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 160, 768, rows, 1.0f, dy + m0 * 160, 160, tile, 768, first ? 0.0f : 1.0f, mine, 768);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 122880);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 122880; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 122880 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %2932 = conv2d_bwd_input(%2927, %509) : f32[4,32,32,768]  features.5.0.block.1.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2932 -> A + 8388608
 * in  %2927 f32[4,32,32,768] <- A + 11534336
 * in  %509 f32[768,1,3,3] <- M + 1921416 (features.5.0.block.1.0.weight)
 */
void k213b_dwconv3x3_bwd_input(
    float *restrict dx /* [4,32,32,768] */,
    const float *restrict dy /* [4,32,32,768] */,
    const float *restrict w /* [768,1,3,3] */) {
    /* dx of x (4,32,32,768) w (768,1,3,3) y (4,32,32,768) stride 1 pad 1 groups 768 */
    float *restrict wt = malloc(sizeof(float) * 6912);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 768; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 768 + c] = w[(c * 3 + r) * 3 + s];
    /* Depthwise 3x3 dx as a sliding window over dy: per input row and block of 16 channels, the weights and
     * the 3x3 window of dy stay in registers while iw moves right; rows and columns outside dy are zeros. */
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long ih = 0; ih < 32; ih++) {
            const int up = ih > 0, down = ih + 1 < 32;
            const long o1 = (n * 32 + ih) * 24576, o0 = o1 - 24576, o2 = o1 + 24576;
            for (long c = 0; c < 768; c += 16) {
                const ba_v16 zero = {0};
                const ba_v16 w00 = *(const ba_v16 *)(wt + c), w01 = *(const ba_v16 *)(wt + 768 + c), w02 = *(const ba_v16 *)(wt + 1536 + c);
                const ba_v16 w10 = *(const ba_v16 *)(wt + 2304 + c), w11 = *(const ba_v16 *)(wt + 3072 + c), w12 = *(const ba_v16 *)(wt + 3840 + c);
                const ba_v16 w20 = *(const ba_v16 *)(wt + 4608 + c), w21 = *(const ba_v16 *)(wt + 5376 + c), w22 = *(const ba_v16 *)(wt + 6144 + c);
                ba_v16 v00 = zero, v10 = zero, v20 = zero;
                ba_v16 v01 = up ? *(const ba_v16 *)(dy + o0 + c) : zero, v11 = *(const ba_v16 *)(dy + o1 + c), v21 = down ? *(const ba_v16 *)(dy + o2 + c) : zero;
                for (long col = 0; col < 32; col++) {
                    ba_v16 v02 = zero, v12 = zero, v22 = zero;
                    if (col + 1 < 32) {
                        const long next = (col + 1) * 768 + c;
                        if (up) { v02 = *(const ba_v16 *)(dy + o0 + next); __builtin_prefetch(dy + o0 + next + 16); }
                        v12 = *(const ba_v16 *)(dy + o1 + next); __builtin_prefetch(dy + o1 + next + 16);
                        if (down) { v22 = *(const ba_v16 *)(dy + o2 + next); __builtin_prefetch(dy + o2 + next + 16); }
                    }
                    const ba_v16 v = v22 * w00 + v21 * w01 + v20 * w02
                        + v12 * w10 + v11 * w11 + v10 * w12
                        + v02 * w20 + v01 * w21 + v00 * w22;
                    *(ba_v16 *)(dx + o1 + col * 768 + c) = v;
                    __builtin_prefetch(dx + o1 + col * 768 + c + 16, 1);
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
            }
        }
    }
    free(wt);
}

/*
 * %2933 = conv2d_bwd_weight(%2927, %508) : f32[768,1,3,3]  features.5.0.block.1.0
 * %3391 = add(%3390, %2933) : f32[768,1,3,3]  features.5.0.block.1.0.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3391 -> G + 1921416
 * in  %2927 f32[4,32,32,768] <- A + 11534336
 * in  %508 f32[4,32,32,768] <- A + 117702656
 * in  %3390 f32[768,1,3,3] <- G + 1921416 (features.5.0.block.1.0.weight)
 */
void k213b_dwconv3x3_bwd_weight_acc(
    float *restrict grad /* [768,1,3,3] */,
    const float *restrict dy /* [4,32,32,768] */,
    const float *restrict x /* [4,32,32,768] */) {
    /* dw of x (4,32,32,768) w (768,1,3,3) y (4,32,32,768) stride 1 pad 1 groups 768, added into the accumulator */
    /* Depthwise dw: dw[c, r, s] = Σ_{n, oh, ow} dy[n, oh, ow, c] · x[n, ih, iw, c], channels innermost. Each thread
     * sums a fixed range of output rows into its own (R, S, C) partial (each row in float, the partial in
     * double); the partials are added in thread order. */
    /* 3x3, stride 1: each row's nine sums in registers, a sliding window over x (CEmitter+DepthwiseWindow) */
    const int max_threads = omp_get_max_threads();
    double *restrict part = calloc((size_t)max_threads * 6912, sizeof(double));  /* (threads, R, S, C) */
    if (!part) abort();
    int threads = 1;
    #pragma omp parallel num_threads(max_threads)
    {
        const int thread = omp_get_thread_num(), team = omp_get_num_threads();
        if (thread == 0) threads = team;
        double *restrict acc = part + (long)thread * 6912;
        for (long row = 128L * thread / team; row < 128L * (thread + 1) / team; row++) {
            const long n = row / 32, oh = row % 32;
            const int up = oh > 0, down = oh + 1 < 32;
            const long o1 = (n * 32 + oh) * 24576, o0 = o1 - 24576, o2 = o1 + 24576;
            for (long c = 0; c < 768; c += 16) {
                const ba_v16 zero = {0};
                ba_v16 g00 = zero, g01 = zero, g02 = zero, g10 = zero, g11 = zero, g12 = zero, g20 = zero, g21 = zero, g22 = zero;
                ba_v16 v00 = zero, v10 = zero, v20 = zero;
                ba_v16 v01 = up ? *(const ba_v16 *)(x + o0 + c) : zero, v11 = *(const ba_v16 *)(x + o1 + c), v21 = down ? *(const ba_v16 *)(x + o2 + c) : zero;
                for (long col = 0; col < 32; col++) {
                    ba_v16 v02 = zero, v12 = zero, v22 = zero;
                    if (col + 1 < 32) {
                        const long next = (col + 1) * 768 + c;
                        if (up) { v02 = *(const ba_v16 *)(x + o0 + next); __builtin_prefetch(x + o0 + next + 16); }
                        v12 = *(const ba_v16 *)(x + o1 + next); __builtin_prefetch(x + o1 + next + 16);
                        if (down) { v22 = *(const ba_v16 *)(x + o2 + next); __builtin_prefetch(x + o2 + next + 16); }
                    }
                    const ba_v16 g = *(const ba_v16 *)(dy + o1 + col * 768 + c);
                    __builtin_prefetch(dy + o1 + col * 768 + c + 16);
                    g00 += g * v00; g01 += g * v01; g02 += g * v02;
                    g10 += g * v10; g11 += g * v11; g12 += g * v12;
                    g20 += g * v20; g21 += g * v21; g22 += g * v22;
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
                *(ba_v8d *)(acc + c) += BA_LO_V8D(g00); *(ba_v8d *)(acc + c + 8) += BA_HI_V8D(g00);
                *(ba_v8d *)(acc + 768 + c) += BA_LO_V8D(g01); *(ba_v8d *)(acc + 768 + c + 8) += BA_HI_V8D(g01);
                *(ba_v8d *)(acc + 1536 + c) += BA_LO_V8D(g02); *(ba_v8d *)(acc + 1536 + c + 8) += BA_HI_V8D(g02);
                *(ba_v8d *)(acc + 2304 + c) += BA_LO_V8D(g10); *(ba_v8d *)(acc + 2304 + c + 8) += BA_HI_V8D(g10);
                *(ba_v8d *)(acc + 3072 + c) += BA_LO_V8D(g11); *(ba_v8d *)(acc + 3072 + c + 8) += BA_HI_V8D(g11);
                *(ba_v8d *)(acc + 3840 + c) += BA_LO_V8D(g12); *(ba_v8d *)(acc + 3840 + c + 8) += BA_HI_V8D(g12);
                *(ba_v8d *)(acc + 4608 + c) += BA_LO_V8D(g20); *(ba_v8d *)(acc + 4608 + c + 8) += BA_HI_V8D(g20);
                *(ba_v8d *)(acc + 5376 + c) += BA_LO_V8D(g21); *(ba_v8d *)(acc + 5376 + c + 8) += BA_HI_V8D(g21);
                *(ba_v8d *)(acc + 6144 + c) += BA_LO_V8D(g22); *(ba_v8d *)(acc + 6144 + c + 8) += BA_HI_V8D(g22);
            }
        }
    }
    /* dw[c, r, s] = Σ_thread part[thread, r, s, c], in thread order */
    #pragma omp parallel for schedule(static)
    for (long c = 0; c < 768; c++) {
        for (long t = 0; t < 9; t++) {
            double sum = 0.0;
            for (int thread = 0; thread < threads; thread++) sum += part[((long)thread * 9 + t) * 768 + c];
            grad[c * 9 + t] += (float)sum;
        }
    }
    free(part);
}

/*
 * %507 = bn_train(%499, %504, %500, %501) : f32[4,32,32,768]  features.5.0.block.0.1
 * %2934 = silu_bwd(%2932, %507) : f32[4,32,32,768]  features.5.0.block.0.2
 * %2935 = bn_bwd_reduce(%2934, %499, %504) : f32[2,768]  features.5.0.block.0.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2935 -> A + 243828480
 * in  %499 f32[4,32,32,768] <- A + 114556928
 * in  %500 f32[768] <- M + 1919880 (features.5.0.block.0.1.weight)
 * in  %501 f32[768] <- M + 1920648 (features.5.0.block.0.1.bias)
 * in  %504 f32[2,768] <- A + 243863040
 * in  %2932 f32[4,32,32,768] <- A + 8388608
 */
void k211b_bn_train_silu_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,768] */,
    const float *restrict x /* [4,32,32,768] */,
    const float *restrict gamma /* [768] */,
    const float *restrict beta /* [768] */,
    const float *restrict stats /* [2,768] */,
    const float *restrict dy /* [4,32,32,768] */) {
    float q0[768];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 768; c++) {
        q0[c] = gamma[c] / sqrtf(stats[768 + c] + 0.001f);
    }
    float q1[768];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 768; c++) {
        q1[c] = 1.0f / sqrtf(stats[768 + c] + 0.001f);
    }
    enum { C = 768, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = dy[r * 768 + c];
                const float t1 = x[r * 768 + c];
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
 * %507 = bn_train(%499, %504, %500, %501) : f32[4,32,32,768]  features.5.0.block.0.1
 * %2934 = silu_bwd(%2932, %507) : f32[4,32,32,768]  features.5.0.block.0.2
 * %2936 = bn_bwd_input(%2934, %499, %504, %500, %2935) : f32[4,32,32,768]  features.5.0.block.0.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2936 -> A + 11534336
 * in  %499 f32[4,32,32,768] <- A + 114556928
 * in  %500 f32[768] <- M + 1919880 (features.5.0.block.0.1.weight)
 * in  %501 f32[768] <- M + 1920648 (features.5.0.block.0.1.bias)
 * in  %504 f32[2,768] <- A + 243863040
 * in  %2932 f32[4,32,32,768] <- A + 8388608
 * in  %2935 f32[2,768] <- A + 243828480
 */
void k211b_bn_train_silu_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,768] */,
    const float *restrict x /* [4,32,32,768] */,
    const float *restrict gamma /* [768] */,
    const float *restrict beta /* [768] */,
    const float *restrict stats /* [2,768] */,
    const float *restrict dy /* [4,32,32,768] */,
    const float *restrict dstats /* [2,768] */) {
    float q0[768];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 768; c++) {
        q0[c] = gamma[c] / sqrtf(stats[768 + c] + 0.001f);
    }
    float q1[768], q2[768], q3[768];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 768; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[768 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[768 + c] / 4096.0f * (1.0f / sqrtf(stats[768 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 768; c++) {
            const long i = r * 768 + c;
            const float t0 = dy[r * 768 + c];
            const float t1 = x[r * 768 + c];
            const float t2 = (t1 - stats[c]) * q0[c] + beta[c];
            const float t3s = ba_sigmoid(t2);
            const float t3 = t0 * (t3s * (1.0f + t2 * (1.0f - t3s)));
            const float t4 = q1[c] * (t3 - q2[c] - (t1 - stats[c]) * q3[c]);
            dx[i] = t4;
        }
    }
}

/*
 * %2941 = conv2d_bwd_input(%2936, %498) : f32[4,32,32,128]  features.5.0.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2941 -> A + 226754560
 * in  %2936 f32[4,32,32,768] <- A + 11534336
 * in  %498 f32[768,128,1,1] <- M + 1821576 (features.5.0.block.0.0.weight)
 */
void k210b_conv1x1_bwd_input(
    float *restrict dx /* [4,32,32,128] */,
    const float *restrict dy /* [4,32,32,768] */,
    const float *restrict w /* [768,128,1,1] */) {
    /* dx of x (4,32,32,128) w (768,128,1,1) y (4,32,32,768) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    /* the weight packed once; tiles of 264 rows in parallel */
    float *w_f32 = breastai_gemm_f32_pack(CblasNoTrans, 128, 768, w, 128);  /* packed once for every tile */
    #pragma omp parallel for schedule(static)
    for (long t = 0; t < 16; t++) {
        const long m0 = t * 264, rows = m0 + 264 <= 4096 ? 264 : 4096 - m0;
        breastai_gemm_f32_packed(CblasNoTrans, rows, 128, 768, 1.0f, dy + m0 * 768, 768, w_f32, 0.0f, dx + m0 * 128, 128);
    }
    free(w_f32);
}

/*
 * %447 = bn_train(%439, %444, %440, %441) : f32[4,32,32,128]  features.4.4.block.3.1
 * %448 = stochastic_depth(%447, %303) : f32[4,32,32,128]  features.4.4.stochastic_depth
 * %449 = add(%448, %401) : f32[4,32,32,128]  features.4.4
 * %495 = bn_train(%487, %492, %488, %489) : f32[4,32,32,128]  features.4.5.block.3.1
 * %496 = stochastic_depth(%495, %303) : f32[4,32,32,128]  features.4.5.stochastic_depth
 * %497 = add(%496, %449) : f32[4,32,32,128]  features.4.5
 * %2942 = conv2d_bwd_weight(%2936, %497) : f32[768,128,1,1]  features.5.0.block.0.0
 * %3385 = add(%3384, %2942) : f32[768,128,1,1]  features.5.0.block.0.0.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3385 -> G + 1821576
 * in  %303 i32[1] <- io[8] (seed)
 * in  %401 f32[4,32,32,128] <- A + 237043712
 * in  %439 f32[4,32,32,128] <- A + 237568000
 * in  %440 f32[128] <- M + 1650024 (features.4.4.block.3.1.weight)
 * in  %441 f32[128] <- M + 1650152 (features.4.4.block.3.1.bias)
 * in  %444 f32[2,128] <- A + 243894080
 * in  %487 f32[4,32,32,128] <- A + 238092288
 * in  %488 f32[128] <- M + 1821320 (features.4.5.block.3.1.weight)
 * in  %489 f32[128] <- M + 1821448 (features.4.5.block.3.1.bias)
 * in  %492 f32[2,128] <- A + 243894336
 * in  %2936 f32[4,32,32,768] <- A + 11534336
 * in  %3384 f32[768,128,1,1] <- G + 1821576 (features.5.0.block.0.0.weight)
 */
void k210b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [768,128,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,32,32,128] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict gamma /* [128] */,
    const float *restrict beta /* [128] */,
    const float *restrict stats /* [2,128] */,
    const float *restrict x2 /* [4,32,32,128] */,
    const float *restrict gamma2 /* [128] */,
    const float *restrict beta2 /* [128] */,
    const float *restrict stats2 /* [2,128] */,
    const float *restrict dy /* [4,32,32,768] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* dw (768, 128) += dyᵀ (768, 4096) · f(x) (4096, 128), f(x) recomputed in tiles of 512 rows */
    float q0[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q0[c] = gamma2[c] / sqrtf(stats2[128 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q2[c] = gamma[c] / sqrtf(stats[128 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 98304);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 98304;
        float *restrict tile = malloc(sizeof(float) * 65536);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 8; t++) {
            const long m0 = t * 512, rows = m0 + 512 <= 4096 ? 512 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 128; c++) {
                    const float t0 = x2[r * 128 + c];
                    const float t1 = (t0 - stats2[c]) * q0[c] + beta2[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = x[r * 128 + c];
                    const float t4 = (t3 - stats[c]) * q2[c] + beta[c];
                    const float t5 = t4 * q3[r / 1024];
                    const float t6 = b[r * 128 + c];
                    const float t7 = t5 + t6;
                    const float t8 = t2 + t7;
                    tile[(r - m0) * 128 + c] = t8;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 768, 128, rows, 1.0f, dy + m0 * 768, 768, tile, 128, first ? 0.0f : 1.0f, mine, 128);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 98304);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 98304; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 98304 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %2988 = conv2d_bwd_input(%2983, %450) : f32[4,32,32,128]  features.4.5.block.0.0
 * 10 call sites share this function; the nodes and locations above are the first one's.
 * out %2988 -> A + 227278848
 * in  %2983 f32[4,32,32,512] <- A + 10485760
 * in  %450 f32[512,128,1,1] <- M + 1650280 (features.4.5.block.0.0.weight)
 */
void k209b_conv1x1_bwd_input(
    float *restrict dx /* [4,32,32,128] */,
    const float *restrict dy /* [4,32,32,512] */,
    const float *restrict w /* [512,128,1,1] */) {
    /* dx of x (4,32,32,128) w (512,128,1,1) y (4,32,32,512) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    /* the weight packed once; tiles of 264 rows in parallel */
    float *w_f32 = breastai_gemm_f32_pack(CblasNoTrans, 128, 512, w, 128);  /* packed once for every tile */
    #pragma omp parallel for schedule(static)
    for (long t = 0; t < 16; t++) {
        const long m0 = t * 264, rows = m0 + 264 <= 4096 ? 264 : 4096 - m0;
        breastai_gemm_f32_packed(CblasNoTrans, rows, 128, 512, 1.0f, dy + m0 * 512, 512, w_f32, 0.0f, dx + m0 * 128, 128);
    }
    free(w_f32);
}

/*
 * %447 = bn_train(%439, %444, %440, %441) : f32[4,32,32,128]  features.4.4.block.3.1
 * %448 = stochastic_depth(%447, %303) : f32[4,32,32,128]  features.4.4.stochastic_depth
 * %449 = add(%448, %401) : f32[4,32,32,128]  features.4.4
 * %2989 = conv2d_bwd_weight(%2983, %449) : f32[512,128,1,1]  features.4.5.block.0.0
 * %3359 = add(%3358, %2989) : f32[512,128,1,1]  features.4.5.block.0.0.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3359 -> G + 1650280
 * in  %303 i32[1] <- io[8] (seed)
 * in  %401 f32[4,32,32,128] <- A + 237043712
 * in  %439 f32[4,32,32,128] <- A + 237568000
 * in  %440 f32[128] <- M + 1650024 (features.4.4.block.3.1.weight)
 * in  %441 f32[128] <- M + 1650152 (features.4.4.block.3.1.bias)
 * in  %444 f32[2,128] <- A + 243894080
 * in  %2983 f32[4,32,32,512] <- A + 10485760
 * in  %3358 f32[512,128,1,1] <- G + 1650280 (features.4.5.block.0.0.weight)
 */
void k209b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [512,128,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,32,32,128] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict gamma /* [128] */,
    const float *restrict beta /* [128] */,
    const float *restrict stats /* [2,128] */,
    const float *restrict dy /* [4,32,32,512] */,
    uint32_t salt,
    float rate) {
    /* dw (512, 128) += dyᵀ (512, 4096) · f(x) (4096, 128), f(x) recomputed in tiles of 512 rows */
    float q0[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q0[c] = gamma[c] / sqrtf(stats[128 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 65536);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 65536;
        float *restrict tile = malloc(sizeof(float) * 65536);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 8; t++) {
            const long m0 = t * 512, rows = m0 + 512 <= 4096 ? 512 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 128; c++) {
                    const float t0 = x[r * 128 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = b[r * 128 + c];
                    const float t4 = t2 + t3;
                    tile[(r - m0) * 128 + c] = t4;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 512, 128, rows, 1.0f, dy + m0 * 512, 512, tile, 128, first ? 0.0f : 1.0f, mine, 128);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 65536);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 65536; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 65536 + j];
            grad[j] += s;
        }
    }
    free(part);
}
