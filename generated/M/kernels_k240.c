/* Kernels k240 to k255 and their backward kernels. */
#include "kernels.h"

/*
 * %319 = bn_stats(%314) : f32[2,640]  features.4.1.block.0.1
 * %320 = running_mean_update(%317, %319) : f32[640]  features.4.1.block.0.1
 * %321 = running_var_update(%318, %319) : f32[640]  features.4.1.block.0.1
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %319 -> A + 427233472
 * out %320 -> M + 53860505
 * out %321 -> M + 53861145
 * in  %314 f32[4,32,32,640] <- A + 244842496
 * in  %317 f32[640] <- M + 53860505 (features.4.1.block.0.1.running_mean)
 * in  %318 f32[640] <- M + 53861145 (features.4.1.block.0.1.running_var)
 */
void k240_bn_stats_running(
    float *restrict stats /* [2,640] */,
    float *restrict running_mean /* [640] */,
    float *restrict running_var /* [640] */,
    const float *restrict x /* [4,32,32,640] */) {
    enum { C = 640, CHUNKS = 64 };
    double *part = malloc(sizeof(double) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x[r * 640 + c];
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
 * %322 = bn_train(%314, %319, %315, %316) : f32[4,32,32,640]  features.4.1.block.0.1
 * %323 = silu(%322) : f32[4,32,32,640]  features.4.1.block.0.2
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %323 -> A + 247463936
 * in  %314 f32[4,32,32,640] <- A + 244842496
 * in  %315 f32[640] <- M + 1735452 (features.4.1.block.0.1.weight)
 * in  %316 f32[640] <- M + 1736092 (features.4.1.block.0.1.bias)
 * in  %319 f32[2,640] <- A + 427233472
 */
void k241_bn_train_silu(
    float *restrict y /* [4,32,32,640] */,
    const float *restrict x /* [4,32,32,640] */,
    const float *restrict gamma /* [640] */,
    const float *restrict beta /* [640] */,
    const float *restrict stats /* [2,640] */) {
    float q0[640];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 640; c++) {
        q0[c] = gamma[c] / sqrtf(stats[640 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 640; c++) {
            const long i = r * 640 + c;
            const float t0 = x[r * 640 + c];
            const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
            const float t2 = t1 * ba_sigmoid(t1);
            y[i] = t2;
        }
    }
}

/*
 * %325 = conv2d(%323, %324) : f32[4,32,32,640]  features.4.1.block.1.0
 * %330 = bn_stats(%325) : f32[2,640]  features.4.1.block.1.1
 * %331 = running_mean_update(%328, %330) : f32[640]  features.4.1.block.1.1
 * %332 = running_var_update(%329, %330) : f32[640]  features.4.1.block.1.1
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %325 -> A + 250085376
 * out %330 -> A + 427234752
 * out %331 -> M + 53861785
 * out %332 -> M + 53862425
 * in  %323 f32[4,32,32,640] <- A + 247463936
 * in  %324 f32[640,1,3,3] <- M + 1736732 (features.4.1.block.1.0.weight)
 * in  %328 f32[640] <- M + 53861785 (features.4.1.block.1.1.running_mean)
 * in  %329 f32[640] <- M + 53862425 (features.4.1.block.1.1.running_var)
 */
void k242_dwconv3x3_bn_stats_running(
    float *restrict y /* [4,32,32,640] */,
    float *restrict stats /* [2,640] */,
    float *restrict running_mean /* [640] */,
    float *restrict running_var /* [640] */,
    const float *restrict x /* [4,32,32,640] */,
    const float *restrict w /* [640,1,3,3] */) {
    /* x (4,32,32,640) w (640,1,3,3) y (4,32,32,640) stride 1 pad 1 groups 640 */
    double *part = malloc(sizeof(double) * 163840);  /* (N·Ho, 2, C): per-row Σy, Σy² */
    if (!part) abort();
    float *restrict wt = malloc(sizeof(float) * 5760);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 640; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 640 + c] = w[(c * 3 + r) * 3 + s];
    /* Depthwise 3x3 as a sliding window: per output row and block of 16 channels, the weights and the 3x3
     * window of x stay in registers while ow moves right; rows and columns outside x are zeros. */
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long oh = 0; oh < 32; oh++) {
            const int up = oh > 0, down = oh + 1 < 32;
            const long o1 = (n * 32 + oh) * 20480, o0 = o1 - 20480, o2 = o1 + 20480;
            double *restrict ps = part + (n * 32 + oh) * 1280;
            for (long c = 0; c < 640; c += 16) {
                const ba_v16 zero = {0};
                const ba_v16 w00 = *(const ba_v16 *)(wt + c), w01 = *(const ba_v16 *)(wt + 640 + c), w02 = *(const ba_v16 *)(wt + 1280 + c);
                const ba_v16 w10 = *(const ba_v16 *)(wt + 1920 + c), w11 = *(const ba_v16 *)(wt + 2560 + c), w12 = *(const ba_v16 *)(wt + 3200 + c);
                const ba_v16 w20 = *(const ba_v16 *)(wt + 3840 + c), w21 = *(const ba_v16 *)(wt + 4480 + c), w22 = *(const ba_v16 *)(wt + 5120 + c);
                ba_v16 v00 = zero, v10 = zero, v20 = zero;
                ba_v16 v01 = up ? *(const ba_v16 *)(x + o0 + c) : zero, v11 = *(const ba_v16 *)(x + o1 + c), v21 = down ? *(const ba_v16 *)(x + o2 + c) : zero;
                ba_v8d sum0 = {0}, sq0 = {0}, sum1 = {0}, sq1 = {0};
                for (long col = 0; col < 32; col++) {
                    ba_v16 v02 = zero, v12 = zero, v22 = zero;
                    if (col + 1 < 32) {
                        const long next = (col + 1) * 640 + c;
                        if (up) { v02 = *(const ba_v16 *)(x + o0 + next); __builtin_prefetch(x + o0 + next + 16); }
                        v12 = *(const ba_v16 *)(x + o1 + next); __builtin_prefetch(x + o1 + next + 16);
                        if (down) { v22 = *(const ba_v16 *)(x + o2 + next); __builtin_prefetch(x + o2 + next + 16); }
                    }
                    const ba_v16 v = v00 * w00 + v01 * w01 + v02 * w02
                        + v10 * w10 + v11 * w11 + v12 * w12
                        + v20 * w20 + v21 * w21 + v22 * w22;
                    *(ba_v16 *)(y + o1 + col * 640 + c) = v;
                    __builtin_prefetch(y + o1 + col * 640 + c + 16, 1);
                    { const ba_v8d dv = BA_LO_V8D(v); sum0 += dv; sq0 += dv * dv; }
                    { const ba_v8d dv = BA_HI_V8D(v); sum1 += dv; sq1 += dv * dv; }
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
                *(ba_v8d *)(ps + c) = sum0;
                *(ba_v8d *)(ps + c + 8) = sum1;
                *(ba_v8d *)(ps + 640 + c) = sq0;
                *(ba_v8d *)(ps + 640 + c + 8) = sq1;
            }
        }
    }
    free(wt);
    /* Σ of the rows in row order, per channel: blocks of 256 channels over the threads */
    #pragma omp parallel for schedule(static)
    for (long c0 = 0; c0 < 640; c0 += 256) {
        const long c1 = c0 + 256 < 640 ? c0 + 256 : 640;
        double s0[256], s1[256];
        for (long c = c0; c < c1; c++) { s0[c - c0] = 0.0; s1[c - c0] = 0.0; }
        for (long row = 0; row < 128; row++) {
            const double *restrict ps = part + row * 1280;
            for (long c = c0; c < c1; c++) { s0[c - c0] += ps[c]; s1[c - c0] += ps[640 + c]; }
        }
        for (long c = c0; c < c1; c++) {
            const double mean = s0[c - c0] / 4096.0, var = fmax(s1[c - c0] / 4096.0 - mean * mean, 0.0);
            stats[c] = (float)mean;
            stats[640 + c] = (float)var;
            running_mean[c] = (float)(0.9f * (double)running_mean[c] + 0.1f * mean);  /* running mean */
            running_var[c] = (float)(0.9f * (double)running_var[c] + 0.1f * var * 1.0002442002442002);  /* running var (unbiased) */
        }
    }
    free(part);
}

/*
 * %333 = bn_train(%325, %330, %326, %327) : f32[4,32,32,640]  features.4.1.block.1.1
 * %334 = silu(%333) : f32[4,32,32,640]  features.4.1.block.1.2
 * %335 = reduce_mean(%334) : f32[4,1,1,640]  features.4.1.block.2.avgpool
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %335 -> A + 427120576
 * in  %325 f32[4,32,32,640] <- A + 250085376
 * in  %326 f32[640] <- M + 1742492 (features.4.1.block.1.1.weight)
 * in  %327 f32[640] <- M + 1743132 (features.4.1.block.1.1.bias)
 * in  %330 f32[2,640] <- A + 427234752
 */
void k243_bn_train_silu_reduce_mean(
    float *restrict y /* [4,1,1,640] */,
    const float *restrict x /* [4,32,32,640] */,
    const float *restrict gamma /* [640] */,
    const float *restrict beta /* [640] */,
    const float *restrict stats /* [2,640] */) {
    /* mean over axes [1, 2] of [4, 32, 32, 640]: (4, 1024, 640) -> (4, 640) */
    float q0[640];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 640; c++) {
        q0[c] = gamma[c] / sqrtf(stats[640 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[640];
        for (long q = 0; q < 640; q++) acc[q] = 0.0;
        for (long j = 0; j < 1024; j++) {
            for (long q = 0; q < 640; q++) {
                const long r = o * 1024 + j;
                const long c = q;
                const float t0 = x[r * 640 + c];
                const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                const float t2 = t1 * ba_sigmoid(t1);
                acc[q] += t2;
            }
        }
        for (long q = 0; q < 640; q++) y[o * 640 + q] = (float)(acc[q] / 1024.0);
    }
}

/*
 * %333 = bn_train(%325, %330, %326, %327) : f32[4,32,32,640]  features.4.1.block.1.1
 * %334 = silu(%333) : f32[4,32,32,640]  features.4.1.block.1.2
 * %348 = mul(%334, %347) : f32[4,32,32,640]  features.4.1.block.2
 * %350 = conv2d(%348, %349) : f32[4,32,32,160]  features.4.1.block.3.0
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %350 -> A + 411533312
 * in  %325 f32[4,32,32,640] <- A + 250085376
 * in  %326 f32[640] <- M + 1742492 (features.4.1.block.1.1.weight)
 * in  %327 f32[640] <- M + 1743132 (features.4.1.block.1.1.bias)
 * in  %330 f32[2,640] <- A + 427234752
 * in  %347 f32[4,1,1,640] <- A + 427125696
 * in  %349 f32[160,640,1,1] <- M + 1795652 (features.4.1.block.3.0.weight)
 */
void k244_bn_train_silu_mul_conv1x1(
    float *restrict y /* [4,32,32,160] */,
    const float *restrict x /* [4,32,32,640] */,
    const float *restrict gamma /* [640] */,
    const float *restrict beta /* [640] */,
    const float *restrict stats /* [2,640] */,
    const float *restrict scale /* [4,1,1,640] */,
    const float *restrict w /* [160,640,1,1] */) {
    /* y (4096, 160) = f(x) (4096, 640) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float q0[640];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 640; c++) {
        q0[c] = gamma[c] / sqrtf(stats[640 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 160, 640, w, 640);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 163840);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 16; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 4096 ? 256 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 640; c++) {
                    const float t0 = x[r * 640 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    const float t3 = scale[(r / 1024) * 640 + c];
                    const float t4 = t2 * t3;
                    tile[(r - m0) * 640 + c] = t4;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 160, 640, 1.0f, tile, 640, w_f32, 0.0f, y + m0 * 160, 160);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %312 = bn_train(%304, %309, %305, %306) : f32[4,32,32,160]  features.4.0.block.3.1
 * %358 = bn_train(%350, %355, %351, %352) : f32[4,32,32,160]  features.4.1.block.3.1
 * %360 = stochastic_depth(%358, %359) : f32[4,32,32,160]  features.4.1.stochastic_depth
 * %361 = add(%360, %312) : f32[4,32,32,160]  features.4.1
 * %363 = conv2d(%361, %362) : f32[4,32,32,640]  features.4.2.block.0.0
 * out %363 -> A + 252706816
 * in  %304 f32[4,32,32,160] <- A + 410877952
 * in  %305 f32[160] <- M + 1632732 (features.4.0.block.3.1.weight)
 * in  %306 f32[160] <- M + 1632892 (features.4.0.block.3.1.bias)
 * in  %309 f32[2,160] <- A + 427275200
 * in  %350 f32[4,32,32,160] <- A + 411533312
 * in  %351 f32[160] <- M + 1898052 (features.4.1.block.3.1.weight)
 * in  %352 f32[160] <- M + 1898212 (features.4.1.block.3.1.bias)
 * in  %355 f32[2,160] <- A + 427275520
 * in  %359 i32[1] <- io[8] (seed)
 * in  %362 f32[640,160,1,1] <- M + 1898372 (features.4.2.block.0.0.weight)
 */
void k245_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,32,32,640] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict beta /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict gamma2 /* [160] */,
    const float *restrict beta2 /* [160] */,
    const float *restrict stats2 /* [2,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict w /* [640,160,1,1] */,
    uint32_t salt,
    float rate) {
    /* y (4096, 640) = f(x) (4096, 160) · wᵀ: tiles of 342 rows of f(x) computed into scratch, one sgemm each */
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
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 640, 160, w, 160);  /* packed once for every tile */
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
            breastai_gemm_f32_packed(CblasNoTrans, rows, 640, 160, 1.0f, tile, 160, w_f32, 0.0f, y + m0 * 640, 640);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %312 = bn_train(%304, %309, %305, %306) : f32[4,32,32,160]  features.4.0.block.3.1
 * %358 = bn_train(%350, %355, %351, %352) : f32[4,32,32,160]  features.4.1.block.3.1
 * %360 = stochastic_depth(%358, %359) : f32[4,32,32,160]  features.4.1.stochastic_depth
 * %361 = add(%360, %312) : f32[4,32,32,160]  features.4.1
 * %407 = bn_train(%399, %404, %400, %401) : f32[4,32,32,160]  features.4.2.block.3.1
 * %408 = stochastic_depth(%407, %359) : f32[4,32,32,160]  features.4.2.stochastic_depth
 * %409 = add(%408, %361) : f32[4,32,32,160]  features.4.2
 * %411 = conv2d(%409, %410) : f32[4,32,32,640]  features.4.3.block.0.0
 * out %411 -> A + 260571136
 * in  %304 f32[4,32,32,160] <- A + 410877952
 * in  %305 f32[160] <- M + 1632732 (features.4.0.block.3.1.weight)
 * in  %306 f32[160] <- M + 1632892 (features.4.0.block.3.1.bias)
 * in  %309 f32[2,160] <- A + 427275200
 * in  %350 f32[4,32,32,160] <- A + 411533312
 * in  %351 f32[160] <- M + 1898052 (features.4.1.block.3.1.weight)
 * in  %352 f32[160] <- M + 1898212 (features.4.1.block.3.1.bias)
 * in  %355 f32[2,160] <- A + 427275520
 * in  %359 i32[1] <- io[8] (seed)
 * in  %399 f32[4,32,32,160] <- A + 412188672
 * in  %400 f32[160] <- M + 2163372 (features.4.2.block.3.1.weight)
 * in  %401 f32[160] <- M + 2163532 (features.4.2.block.3.1.bias)
 * in  %404 f32[2,160] <- A + 427275840
 * in  %410 f32[640,160,1,1] <- M + 2163692 (features.4.3.block.0.0.weight)
 */
void k246_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,32,32,640] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict beta /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict gamma2 /* [160] */,
    const float *restrict beta2 /* [160] */,
    const float *restrict stats2 /* [2,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict gamma3 /* [160] */,
    const float *restrict beta3 /* [160] */,
    const float *restrict stats3 /* [2,160] */,
    const float *restrict w /* [640,160,1,1] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* y (4096, 640) = f(x) (4096, 160) · wᵀ: tiles of 342 rows of f(x) computed into scratch, one sgemm each */
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
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 640, 160, w, 160);  /* packed once for every tile */
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
            breastai_gemm_f32_packed(CblasNoTrans, rows, 640, 160, 1.0f, tile, 160, w_f32, 0.0f, y + m0 * 640, 640);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %312 = bn_train(%304, %309, %305, %306) : f32[4,32,32,160]  features.4.0.block.3.1
 * %358 = bn_train(%350, %355, %351, %352) : f32[4,32,32,160]  features.4.1.block.3.1
 * %360 = stochastic_depth(%358, %359) : f32[4,32,32,160]  features.4.1.stochastic_depth
 * %361 = add(%360, %312) : f32[4,32,32,160]  features.4.1
 * %407 = bn_train(%399, %404, %400, %401) : f32[4,32,32,160]  features.4.2.block.3.1
 * %408 = stochastic_depth(%407, %359) : f32[4,32,32,160]  features.4.2.stochastic_depth
 * %409 = add(%408, %361) : f32[4,32,32,160]  features.4.2
 * %455 = bn_train(%447, %452, %448, %449) : f32[4,32,32,160]  features.4.3.block.3.1
 * %456 = stochastic_depth(%455, %359) : f32[4,32,32,160]  features.4.3.stochastic_depth
 * %457 = add(%456, %409) : f32[4,32,32,160]  features.4.3
 * 1 values written, 17 read (flat over the state blocks)
 */
void k247_bn_train_stochastic_depth_add(
    float *restrict y /* [4,32,32,160] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict beta /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict gamma2 /* [160] */,
    const float *restrict beta2 /* [160] */,
    const float *restrict stats2 /* [2,160] */,
    const int32_t *restrict seed /* [1] */,
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
 * %503 = bn_train(%495, %500, %496, %497) : f32[4,32,32,160]  features.4.4.block.3.1
 * %504 = stochastic_depth(%503, %359) : f32[4,32,32,160]  features.4.4.stochastic_depth
 * %505 = add(%504, %457) : f32[4,32,32,160]  features.4.4
 * %507 = conv2d(%505, %506) : f32[4,32,32,640]  features.4.5.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %507 -> A + 276299776
 * in  %359 i32[1] <- io[8] (seed)
 * in  %457 f32[4,32,32,160] <- A + 413499392
 * in  %495 f32[4,32,32,160] <- A + 414154752
 * in  %496 f32[160] <- M + 2694012 (features.4.4.block.3.1.weight)
 * in  %497 f32[160] <- M + 2694172 (features.4.4.block.3.1.bias)
 * in  %500 f32[2,160] <- A + 427276480
 * in  %506 f32[640,160,1,1] <- M + 2694332 (features.4.5.block.0.0.weight)
 */
void k248_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,32,32,640] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,32,32,160] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict beta /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict w /* [640,160,1,1] */,
    uint32_t salt,
    float rate) {
    /* y (4096, 640) = f(x) (4096, 160) · wᵀ: tiles of 342 rows of f(x) computed into scratch, one sgemm each */
    float q0[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q0[c] = gamma[c] / sqrtf(stats[160 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 640, 160, w, 160);  /* packed once for every tile */
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
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = b[r * 160 + c];
                    const float t4 = t2 + t3;
                    tile[(r - m0) * 160 + c] = t4;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 640, 160, 1.0f, tile, 160, w_f32, 0.0f, y + m0 * 640, 640);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %503 = bn_train(%495, %500, %496, %497) : f32[4,32,32,160]  features.4.4.block.3.1
 * %504 = stochastic_depth(%503, %359) : f32[4,32,32,160]  features.4.4.stochastic_depth
 * %505 = add(%504, %457) : f32[4,32,32,160]  features.4.4
 * %551 = bn_train(%543, %548, %544, %545) : f32[4,32,32,160]  features.4.5.block.3.1
 * %552 = stochastic_depth(%551, %359) : f32[4,32,32,160]  features.4.5.stochastic_depth
 * %553 = add(%552, %505) : f32[4,32,32,160]  features.4.5
 * %555 = conv2d(%553, %554) : f32[4,32,32,640]  features.4.6.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %555 -> A + 284164096
 * in  %359 i32[1] <- io[8] (seed)
 * in  %457 f32[4,32,32,160] <- A + 413499392
 * in  %495 f32[4,32,32,160] <- A + 414154752
 * in  %496 f32[160] <- M + 2694012 (features.4.4.block.3.1.weight)
 * in  %497 f32[160] <- M + 2694172 (features.4.4.block.3.1.bias)
 * in  %500 f32[2,160] <- A + 427276480
 * in  %543 f32[4,32,32,160] <- A + 414810112
 * in  %544 f32[160] <- M + 2959332 (features.4.5.block.3.1.weight)
 * in  %545 f32[160] <- M + 2959492 (features.4.5.block.3.1.bias)
 * in  %548 f32[2,160] <- A + 427276800
 * in  %554 f32[640,160,1,1] <- M + 2959652 (features.4.6.block.0.0.weight)
 */
void k249_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,32,32,640] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,32,32,160] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict beta /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict gamma2 /* [160] */,
    const float *restrict beta2 /* [160] */,
    const float *restrict stats2 /* [2,160] */,
    const float *restrict w /* [640,160,1,1] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* y (4096, 640) = f(x) (4096, 160) · wᵀ: tiles of 342 rows of f(x) computed into scratch, one sgemm each */
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
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 640, 160, w, 160);  /* packed once for every tile */
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
                    const float t5 = t4 * q3[r / 1024];
                    const float t6 = b[r * 160 + c];
                    const float t7 = t5 + t6;
                    const float t8 = t2 + t7;
                    tile[(r - m0) * 160 + c] = t8;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 640, 160, 1.0f, tile, 160, w_f32, 0.0f, y + m0 * 640, 640);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %503 = bn_train(%495, %500, %496, %497) : f32[4,32,32,160]  features.4.4.block.3.1
 * %504 = stochastic_depth(%503, %359) : f32[4,32,32,160]  features.4.4.stochastic_depth
 * %505 = add(%504, %457) : f32[4,32,32,160]  features.4.4
 * %551 = bn_train(%543, %548, %544, %545) : f32[4,32,32,160]  features.4.5.block.3.1
 * %552 = stochastic_depth(%551, %359) : f32[4,32,32,160]  features.4.5.stochastic_depth
 * %553 = add(%552, %505) : f32[4,32,32,160]  features.4.5
 * %599 = bn_train(%591, %596, %592, %593) : f32[4,32,32,160]  features.4.6.block.3.1
 * %600 = stochastic_depth(%599, %359) : f32[4,32,32,160]  features.4.6.stochastic_depth
 * %601 = add(%600, %553) : f32[4,32,32,160]  features.4.6
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %601 -> A + 416120832
 * in  %359 i32[1] <- io[8] (seed)
 * in  %457 f32[4,32,32,160] <- A + 413499392
 * in  %495 f32[4,32,32,160] <- A + 414154752
 * in  %496 f32[160] <- M + 2694012 (features.4.4.block.3.1.weight)
 * in  %497 f32[160] <- M + 2694172 (features.4.4.block.3.1.bias)
 * in  %500 f32[2,160] <- A + 427276480
 * in  %543 f32[4,32,32,160] <- A + 414810112
 * in  %544 f32[160] <- M + 2959332 (features.4.5.block.3.1.weight)
 * in  %545 f32[160] <- M + 2959492 (features.4.5.block.3.1.bias)
 * in  %548 f32[2,160] <- A + 427276800
 * in  %591 f32[4,32,32,160] <- A + 415465472
 * in  %592 f32[160] <- M + 3224652 (features.4.6.block.3.1.weight)
 * in  %593 f32[160] <- M + 3224812 (features.4.6.block.3.1.bias)
 * in  %596 f32[2,160] <- A + 427277120
 */
void k250_bn_train_stochastic_depth_add(
    float *restrict y /* [4,32,32,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,32,32,160] */,
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
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2,
    uint32_t salt3,
    float rate3) {
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
    float q5[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q5[n] = ba_uniform((uint32_t)seed[0], salt3, (uint32_t)n) >= rate3 ? 1.0f / (1.0f - rate3) : 0.0f;
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 160; c++) {
            const long i = r * 160 + c;
            const float t0 = x3[r * 160 + c];
            const float t1 = (t0 - stats3[c]) * q0[c] + beta3[c];
            const float t2 = t1 * q1[r / 1024];
            const float t3 = x2[r * 160 + c];
            const float t4 = (t3 - stats2[c]) * q2[c] + beta2[c];
            const float t5 = t4 * q3[r / 1024];
            const float t6 = x[r * 160 + c];
            const float t7 = (t6 - stats[c]) * q4[c] + beta[c];
            const float t8 = t7 * q5[r / 1024];
            const float t9 = b[r * 160 + c];
            const float t10 = t8 + t9;
            const float t11 = t5 + t10;
            const float t12 = t2 + t11;
            y[i] = t12;
        }
    }
}

/*
 * %603 = conv2d(%601, %602) : f32[4,32,32,960]  features.5.0.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %603 -> A + 192151552
 * in  %601 f32[4,32,32,160] <- A + 416120832
 * in  %602 f32[960,160,1,1] <- M + 3224972 (features.5.0.block.0.0.weight)
 */
void k251_conv1x1(
    float *restrict y /* [4,32,32,960] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict w /* [960,160,1,1] */) {
    /* x (4,32,32,160) w (960,160,1,1) y (4,32,32,960) stride 1 pad 0 */
    /* y (N·H·W, K) = x (N·H·W, C) · wᵀ (C, K) */
    /* the weight packed once; tiles of 72 rows in parallel */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 960, 160, w, 160);  /* packed once for every tile */
    #pragma omp parallel for schedule(static)
    for (long t = 0; t < 57; t++) {
        const long m0 = t * 72, rows = m0 + 72 <= 4096 ? 72 : 4096 - m0;
        breastai_gemm_f32_packed(CblasNoTrans, rows, 960, 160, 1.0f, x + m0 * 160, 160, w_f32, 0.0f, y + m0 * 960, 960);
    }
    free(w_f32);
}

/*
 * %608 = bn_stats(%603) : f32[2,960]  features.5.0.block.0.1
 * %609 = running_mean_update(%606, %608) : f32[960]  features.5.0.block.0.1
 * %610 = running_var_update(%607, %608) : f32[960]  features.5.0.block.0.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %608 -> A + 427225792
 * out %609 -> M + 53877785
 * out %610 -> M + 53878745
 * in  %603 f32[4,32,32,960] <- A + 192151552
 * in  %606 f32[960] <- M + 53877785 (features.5.0.block.0.1.running_mean)
 * in  %607 f32[960] <- M + 53878745 (features.5.0.block.0.1.running_var)
 */
void k252_bn_stats_running(
    float *restrict stats /* [2,960] */,
    float *restrict running_mean /* [960] */,
    float *restrict running_var /* [960] */,
    const float *restrict x /* [4,32,32,960] */) {
    enum { C = 960, CHUNKS = 64 };
    double *part = malloc(sizeof(double) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x[r * 960 + c];
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
 * %611 = bn_train(%603, %608, %604, %605) : f32[4,32,32,960]  features.5.0.block.0.1
 * %612 = silu(%611) : f32[4,32,32,960]  features.5.0.block.0.2
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %612 -> A + 196083712
 * in  %603 f32[4,32,32,960] <- A + 192151552
 * in  %604 f32[960] <- M + 3378572 (features.5.0.block.0.1.weight)
 * in  %605 f32[960] <- M + 3379532 (features.5.0.block.0.1.bias)
 * in  %608 f32[2,960] <- A + 427225792
 */
void k253_bn_train_silu(
    float *restrict y /* [4,32,32,960] */,
    const float *restrict x /* [4,32,32,960] */,
    const float *restrict gamma /* [960] */,
    const float *restrict beta /* [960] */,
    const float *restrict stats /* [2,960] */) {
    float q0[960];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 960; c++) {
        q0[c] = gamma[c] / sqrtf(stats[960 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 960; c++) {
            const long i = r * 960 + c;
            const float t0 = x[r * 960 + c];
            const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
            const float t2 = t1 * ba_sigmoid(t1);
            y[i] = t2;
        }
    }
}

/*
 * %614 = conv2d(%612, %613) : f32[4,32,32,960]  features.5.0.block.1.0
 * %619 = bn_stats(%614) : f32[2,960]  features.5.0.block.1.1
 * %620 = running_mean_update(%617, %619) : f32[960]  features.5.0.block.1.1
 * %621 = running_var_update(%618, %619) : f32[960]  features.5.0.block.1.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %614 -> A + 200015872
 * out %619 -> A + 427227712
 * out %620 -> M + 53879705
 * out %621 -> M + 53880665
 * in  %612 f32[4,32,32,960] <- A + 196083712
 * in  %613 f32[960,1,3,3] <- M + 3380492 (features.5.0.block.1.0.weight)
 * in  %617 f32[960] <- M + 53879705 (features.5.0.block.1.1.running_mean)
 * in  %618 f32[960] <- M + 53880665 (features.5.0.block.1.1.running_var)
 */
void k254_dwconv3x3_bn_stats_running(
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
 * %622 = bn_train(%614, %619, %615, %616) : f32[4,32,32,960]  features.5.0.block.1.1
 * %623 = silu(%622) : f32[4,32,32,960]  features.5.0.block.1.2
 * %624 = reduce_mean(%623) : f32[4,1,1,960]  features.5.0.block.2.avgpool
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %624 -> A + 426981376
 * in  %614 f32[4,32,32,960] <- A + 200015872
 * in  %615 f32[960] <- M + 3389132 (features.5.0.block.1.1.weight)
 * in  %616 f32[960] <- M + 3390092 (features.5.0.block.1.1.bias)
 * in  %619 f32[2,960] <- A + 427227712
 */
void k255_bn_train_silu_reduce_mean(
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
 * %4280 = conv2d_bwd_input(%4275, %613) : f32[4,32,32,960]  features.5.0.block.1.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4280 -> A + 10485760
 * in  %4275 f32[4,32,32,960] <- A + 14417920
 * in  %613 f32[960,1,3,3] <- M + 3380492 (features.5.0.block.1.0.weight)
 */
void k254b_dwconv3x3_bwd_input(
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
 * %4281 = conv2d_bwd_weight(%4275, %612) : f32[960,1,3,3]  features.5.0.block.1.0
 * %4813 = add(%4812, %4281) : f32[960,1,3,3]  features.5.0.block.1.0.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4813 -> G + 3380492
 * in  %4275 f32[4,32,32,960] <- A + 14417920
 * in  %612 f32[4,32,32,960] <- A + 196083712
 * in  %4812 f32[960,1,3,3] <- G + 3380492 (features.5.0.block.1.0.weight)
 */
void k254b_dwconv3x3_bwd_weight_acc(
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
 * %611 = bn_train(%603, %608, %604, %605) : f32[4,32,32,960]  features.5.0.block.0.1
 * %4282 = silu_bwd(%4280, %611) : f32[4,32,32,960]  features.5.0.block.0.2
 * %4283 = bn_bwd_reduce(%4282, %603, %608) : f32[2,960]  features.5.0.block.0.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4283 -> A + 427166656
 * in  %603 f32[4,32,32,960] <- A + 192151552
 * in  %604 f32[960] <- M + 3378572 (features.5.0.block.0.1.weight)
 * in  %605 f32[960] <- M + 3379532 (features.5.0.block.0.1.bias)
 * in  %608 f32[2,960] <- A + 427225792
 * in  %4280 f32[4,32,32,960] <- A + 10485760
 */
void k252b_bn_train_silu_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,960] */,
    const float *restrict x /* [4,32,32,960] */,
    const float *restrict gamma /* [960] */,
    const float *restrict beta /* [960] */,
    const float *restrict stats /* [2,960] */,
    const float *restrict dy /* [4,32,32,960] */) {
    float q0[960];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 960; c++) {
        q0[c] = gamma[c] / sqrtf(stats[960 + c] + 0.001f);
    }
    float q1[960];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 960; c++) {
        q1[c] = 1.0f / sqrtf(stats[960 + c] + 0.001f);
    }
    enum { C = 960, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = dy[r * 960 + c];
                const float t1 = x[r * 960 + c];
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
 * %611 = bn_train(%603, %608, %604, %605) : f32[4,32,32,960]  features.5.0.block.0.1
 * %4282 = silu_bwd(%4280, %611) : f32[4,32,32,960]  features.5.0.block.0.2
 * %4284 = bn_bwd_input(%4282, %603, %608, %604, %4283) : f32[4,32,32,960]  features.5.0.block.0.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4284 -> A + 14417920
 * in  %603 f32[4,32,32,960] <- A + 192151552
 * in  %604 f32[960] <- M + 3378572 (features.5.0.block.0.1.weight)
 * in  %605 f32[960] <- M + 3379532 (features.5.0.block.0.1.bias)
 * in  %608 f32[2,960] <- A + 427225792
 * in  %4280 f32[4,32,32,960] <- A + 10485760
 * in  %4283 f32[2,960] <- A + 427166656
 */
void k252b_bn_train_silu_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,960] */,
    const float *restrict x /* [4,32,32,960] */,
    const float *restrict gamma /* [960] */,
    const float *restrict beta /* [960] */,
    const float *restrict stats /* [2,960] */,
    const float *restrict dy /* [4,32,32,960] */,
    const float *restrict dstats /* [2,960] */) {
    float q0[960];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 960; c++) {
        q0[c] = gamma[c] / sqrtf(stats[960 + c] + 0.001f);
    }
    float q1[960], q2[960], q3[960];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 960; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[960 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[960 + c] / 4096.0f * (1.0f / sqrtf(stats[960 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 960; c++) {
            const long i = r * 960 + c;
            const float t0 = dy[r * 960 + c];
            const float t1 = x[r * 960 + c];
            const float t2 = (t1 - stats[c]) * q0[c] + beta[c];
            const float t3s = ba_sigmoid(t2);
            const float t3 = t0 * (t3s * (1.0f + t2 * (1.0f - t3s)));
            const float t4 = q1[c] * (t3 - q2[c] - (t1 - stats[c]) * q3[c]);
            dx[i] = t4;
        }
    }
}

/*
 * %4289 = conv2d_bwd_input(%4284, %602) : f32[4,32,32,160]  features.5.0.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4289 -> A + 396820480
 * in  %4284 f32[4,32,32,960] <- A + 14417920
 * in  %602 f32[960,160,1,1] <- M + 3224972 (features.5.0.block.0.0.weight)
 */
void k251b_conv1x1_bwd_input(
    float *restrict dx /* [4,32,32,160] */,
    const float *restrict dy /* [4,32,32,960] */,
    const float *restrict w /* [960,160,1,1] */) {
    /* dx of x (4,32,32,160) w (960,160,1,1) y (4,32,32,960) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    /* the weight packed once; tiles of 264 rows in parallel */
    float *w_f32 = breastai_gemm_f32_pack(CblasNoTrans, 160, 960, w, 160);  /* packed once for every tile */
    #pragma omp parallel for schedule(static)
    for (long t = 0; t < 16; t++) {
        const long m0 = t * 264, rows = m0 + 264 <= 4096 ? 264 : 4096 - m0;
        breastai_gemm_f32_packed(CblasNoTrans, rows, 160, 960, 1.0f, dy + m0 * 960, 960, w_f32, 0.0f, dx + m0 * 160, 160);
    }
    free(w_f32);
}

/*
 * %4290 = conv2d_bwd_weight(%4284, %601) : f32[960,160,1,1]  features.5.0.block.0.0
 * %4807 = add(%4806, %4290) : f32[960,160,1,1]  features.5.0.block.0.0.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4807 -> G + 3224972
 * in  %4284 f32[4,32,32,960] <- A + 14417920
 * in  %601 f32[4,32,32,160] <- A + 416120832
 * in  %4806 f32[960,160,1,1] <- G + 3224972 (features.5.0.block.0.0.weight)
 */
void k251b_conv1x1_bwd_weight_acc(
    float *restrict grad /* [960,160,1,1] */,
    const float *restrict dy /* [4,32,32,960] */,
    const float *restrict x /* [4,32,32,160] */) {
    /* dw of x (4,32,32,160) w (960,160,1,1) y (4,32,32,960) stride 1 pad 0, added into the accumulator */
    /* dw (K, C) += dyᵀ (K, N·H·W) · x (N·H·W, C) */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 960, 160, 4096, 1.0f, dy, 960, x, 160, 1.0f, grad, 160);
}

/*
 * %4298 = conv2d_bwd_input(%4293, %590) : f32[4,32,32,640]  features.4.6.block.3.0
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %4298 -> A + 10485760
 * in  %4293 f32[4,32,32,160] <- A + 397475840
 * in  %590 f32[160,640,1,1] <- M + 3122252 (features.4.6.block.3.0.weight)
 */
void k244b_conv1x1_bwd_input(
    float *restrict dx /* [4,32,32,640] */,
    const float *restrict dy /* [4,32,32,160] */,
    const float *restrict w /* [160,640,1,1] */) {
    /* dx of x (4,32,32,640) w (160,640,1,1) y (4,32,32,160) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    /* the weight packed once; tiles of 108 rows in parallel */
    float *w_f32 = breastai_gemm_f32_pack(CblasNoTrans, 640, 160, w, 640);  /* packed once for every tile */
    #pragma omp parallel for schedule(static)
    for (long t = 0; t < 38; t++) {
        const long m0 = t * 108, rows = m0 + 108 <= 4096 ? 108 : 4096 - m0;
        breastai_gemm_f32_packed(CblasNoTrans, rows, 640, 160, 1.0f, dy + m0 * 160, 160, w_f32, 0.0f, dx + m0 * 640, 640);
    }
    free(w_f32);
}

/*
 * %574 = bn_train(%566, %571, %567, %568) : f32[4,32,32,640]  features.4.6.block.1.1
 * %575 = silu(%574) : f32[4,32,32,640]  features.4.6.block.1.2
 * %589 = mul(%575, %588) : f32[4,32,32,640]  features.4.6.block.2
 * %4299 = conv2d_bwd_weight(%4293, %589) : f32[160,640,1,1]  features.4.6.block.3.0
 * %4801 = add(%4800, %4299) : f32[160,640,1,1]  features.4.6.block.3.0.weight
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %4801 -> G + 3122252
 * in  %566 f32[4,32,32,640] <- A + 289406976
 * in  %567 f32[640] <- M + 3069092 (features.4.6.block.1.1.weight)
 * in  %568 f32[640] <- M + 3069732 (features.4.6.block.1.1.bias)
 * in  %571 f32[2,640] <- A + 427247552
 * in  %588 f32[4,1,1,640] <- A + 427164096
 * in  %4293 f32[4,32,32,160] <- A + 397475840
 * in  %4800 f32[160,640,1,1] <- G + 3122252 (features.4.6.block.3.0.weight)
 */
void k244b_bn_train_silu_mul_conv1x1_bwd_weight_acc(
    float *restrict grad /* [160,640,1,1] */,
    const float *restrict x /* [4,32,32,640] */,
    const float *restrict gamma /* [640] */,
    const float *restrict beta /* [640] */,
    const float *restrict stats /* [2,640] */,
    const float *restrict scale /* [4,1,1,640] */,
    const float *restrict dy /* [4,32,32,160] */) {
    /* dw (160, 640) += dyᵀ (160, 4096) · f(x) (4096, 640), f(x) recomputed in tiles of 256 rows */
    float q0[640];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 640; c++) {
        q0[c] = gamma[c] / sqrtf(stats[640 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 102400);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 102400;
        float *restrict tile = malloc(sizeof(float) * 163840);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 16; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 4096 ? 256 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 640; c++) {
                    const float t0 = x[r * 640 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    const float t3 = scale[(r / 1024) * 640 + c];
                    const float t4 = t2 * t3;
                    tile[(r - m0) * 640 + c] = t4;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 160, 640, rows, 1.0f, dy + m0 * 160, 160, tile, 640, first ? 0.0f : 1.0f, mine, 640);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 102400);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 102400; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 102400 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %4327 = conv2d_bwd_input(%4322, %565) : f32[4,32,32,640]  features.4.6.block.1.0
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %4327 -> A + 10485760
 * in  %4322 f32[4,32,32,640] <- A + 13107200
 * in  %565 f32[640,1,3,3] <- M + 3063332 (features.4.6.block.1.0.weight)
 */
void k242b_dwconv3x3_bwd_input(
    float *restrict dx /* [4,32,32,640] */,
    const float *restrict dy /* [4,32,32,640] */,
    const float *restrict w /* [640,1,3,3] */) {
    /* dx of x (4,32,32,640) w (640,1,3,3) y (4,32,32,640) stride 1 pad 1 groups 640 */
    float *restrict wt = malloc(sizeof(float) * 5760);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 640; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 640 + c] = w[(c * 3 + r) * 3 + s];
    /* Depthwise 3x3 dx as a sliding window over dy: per input row and block of 16 channels, the weights and
     * the 3x3 window of dy stay in registers while iw moves right; rows and columns outside dy are zeros. */
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long ih = 0; ih < 32; ih++) {
            const int up = ih > 0, down = ih + 1 < 32;
            const long o1 = (n * 32 + ih) * 20480, o0 = o1 - 20480, o2 = o1 + 20480;
            for (long c = 0; c < 640; c += 16) {
                const ba_v16 zero = {0};
                const ba_v16 w00 = *(const ba_v16 *)(wt + c), w01 = *(const ba_v16 *)(wt + 640 + c), w02 = *(const ba_v16 *)(wt + 1280 + c);
                const ba_v16 w10 = *(const ba_v16 *)(wt + 1920 + c), w11 = *(const ba_v16 *)(wt + 2560 + c), w12 = *(const ba_v16 *)(wt + 3200 + c);
                const ba_v16 w20 = *(const ba_v16 *)(wt + 3840 + c), w21 = *(const ba_v16 *)(wt + 4480 + c), w22 = *(const ba_v16 *)(wt + 5120 + c);
                ba_v16 v00 = zero, v10 = zero, v20 = zero;
                ba_v16 v01 = up ? *(const ba_v16 *)(dy + o0 + c) : zero, v11 = *(const ba_v16 *)(dy + o1 + c), v21 = down ? *(const ba_v16 *)(dy + o2 + c) : zero;
                for (long col = 0; col < 32; col++) {
                    ba_v16 v02 = zero, v12 = zero, v22 = zero;
                    if (col + 1 < 32) {
                        const long next = (col + 1) * 640 + c;
                        if (up) { v02 = *(const ba_v16 *)(dy + o0 + next); __builtin_prefetch(dy + o0 + next + 16); }
                        v12 = *(const ba_v16 *)(dy + o1 + next); __builtin_prefetch(dy + o1 + next + 16);
                        if (down) { v22 = *(const ba_v16 *)(dy + o2 + next); __builtin_prefetch(dy + o2 + next + 16); }
                    }
                    const ba_v16 v = v22 * w00 + v21 * w01 + v20 * w02
                        + v12 * w10 + v11 * w11 + v10 * w12
                        + v02 * w20 + v01 * w21 + v00 * w22;
                    *(ba_v16 *)(dx + o1 + col * 640 + c) = v;
                    __builtin_prefetch(dx + o1 + col * 640 + c + 16, 1);
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
            }
        }
    }
    free(wt);
}

/*
 * %4328 = conv2d_bwd_weight(%4322, %564) : f32[640,1,3,3]  features.4.6.block.1.0
 * %4787 = add(%4786, %4328) : f32[640,1,3,3]  features.4.6.block.1.0.weight
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %4787 -> G + 3063332
 * in  %4322 f32[4,32,32,640] <- A + 13107200
 * in  %564 f32[4,32,32,640] <- A + 286785536
 * in  %4786 f32[640,1,3,3] <- G + 3063332 (features.4.6.block.1.0.weight)
 */
void k242b_dwconv3x3_bwd_weight_acc(
    float *restrict grad /* [640,1,3,3] */,
    const float *restrict dy /* [4,32,32,640] */,
    const float *restrict x /* [4,32,32,640] */) {
    /* dw of x (4,32,32,640) w (640,1,3,3) y (4,32,32,640) stride 1 pad 1 groups 640, added into the accumulator */
    /* Depthwise dw: dw[c, r, s] = Σ_{n, oh, ow} dy[n, oh, ow, c] · x[n, ih, iw, c], channels innermost. Each thread
     * sums a fixed range of output rows into its own (R, S, C) partial (each row in float, the partial in
     * double); the partials are added in thread order. */
    /* 3x3, stride 1: each row's nine sums in registers, a sliding window over x (CEmitter+DepthwiseWindow) */
    const int max_threads = omp_get_max_threads();
    double *restrict part = calloc((size_t)max_threads * 5760, sizeof(double));  /* (threads, R, S, C) */
    if (!part) abort();
    int threads = 1;
    #pragma omp parallel num_threads(max_threads)
    {
        const int thread = omp_get_thread_num(), team = omp_get_num_threads();
        if (thread == 0) threads = team;
        double *restrict acc = part + (long)thread * 5760;
        for (long row = 128L * thread / team; row < 128L * (thread + 1) / team; row++) {
            const long n = row / 32, oh = row % 32;
            const int up = oh > 0, down = oh + 1 < 32;
            const long o1 = (n * 32 + oh) * 20480, o0 = o1 - 20480, o2 = o1 + 20480;
            for (long c = 0; c < 640; c += 16) {
                const ba_v16 zero = {0};
                ba_v16 g00 = zero, g01 = zero, g02 = zero, g10 = zero, g11 = zero, g12 = zero, g20 = zero, g21 = zero, g22 = zero;
                ba_v16 v00 = zero, v10 = zero, v20 = zero;
                ba_v16 v01 = up ? *(const ba_v16 *)(x + o0 + c) : zero, v11 = *(const ba_v16 *)(x + o1 + c), v21 = down ? *(const ba_v16 *)(x + o2 + c) : zero;
                for (long col = 0; col < 32; col++) {
                    ba_v16 v02 = zero, v12 = zero, v22 = zero;
                    if (col + 1 < 32) {
                        const long next = (col + 1) * 640 + c;
                        if (up) { v02 = *(const ba_v16 *)(x + o0 + next); __builtin_prefetch(x + o0 + next + 16); }
                        v12 = *(const ba_v16 *)(x + o1 + next); __builtin_prefetch(x + o1 + next + 16);
                        if (down) { v22 = *(const ba_v16 *)(x + o2 + next); __builtin_prefetch(x + o2 + next + 16); }
                    }
                    const ba_v16 g = *(const ba_v16 *)(dy + o1 + col * 640 + c);
                    __builtin_prefetch(dy + o1 + col * 640 + c + 16);
                    g00 += g * v00; g01 += g * v01; g02 += g * v02;
                    g10 += g * v10; g11 += g * v11; g12 += g * v12;
                    g20 += g * v20; g21 += g * v21; g22 += g * v22;
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
                *(ba_v8d *)(acc + c) += BA_LO_V8D(g00); *(ba_v8d *)(acc + c + 8) += BA_HI_V8D(g00);
                *(ba_v8d *)(acc + 640 + c) += BA_LO_V8D(g01); *(ba_v8d *)(acc + 640 + c + 8) += BA_HI_V8D(g01);
                *(ba_v8d *)(acc + 1280 + c) += BA_LO_V8D(g02); *(ba_v8d *)(acc + 1280 + c + 8) += BA_HI_V8D(g02);
                *(ba_v8d *)(acc + 1920 + c) += BA_LO_V8D(g10); *(ba_v8d *)(acc + 1920 + c + 8) += BA_HI_V8D(g10);
                *(ba_v8d *)(acc + 2560 + c) += BA_LO_V8D(g11); *(ba_v8d *)(acc + 2560 + c + 8) += BA_HI_V8D(g11);
                *(ba_v8d *)(acc + 3200 + c) += BA_LO_V8D(g12); *(ba_v8d *)(acc + 3200 + c + 8) += BA_HI_V8D(g12);
                *(ba_v8d *)(acc + 3840 + c) += BA_LO_V8D(g20); *(ba_v8d *)(acc + 3840 + c + 8) += BA_HI_V8D(g20);
                *(ba_v8d *)(acc + 4480 + c) += BA_LO_V8D(g21); *(ba_v8d *)(acc + 4480 + c + 8) += BA_HI_V8D(g21);
                *(ba_v8d *)(acc + 5120 + c) += BA_LO_V8D(g22); *(ba_v8d *)(acc + 5120 + c + 8) += BA_HI_V8D(g22);
            }
        }
    }
    /* dw[c, r, s] = Σ_thread part[thread, r, s, c], in thread order */
    #pragma omp parallel for schedule(static)
    for (long c = 0; c < 640; c++) {
        for (long t = 0; t < 9; t++) {
            double sum = 0.0;
            for (int thread = 0; thread < threads; thread++) sum += part[((long)thread * 9 + t) * 640 + c];
            grad[c * 9 + t] += (float)sum;
        }
    }
    free(part);
}

/*
 * %563 = bn_train(%555, %560, %556, %557) : f32[4,32,32,640]  features.4.6.block.0.1
 * %4329 = silu_bwd(%4327, %563) : f32[4,32,32,640]  features.4.6.block.0.2
 * %4330 = bn_bwd_reduce(%4329, %555, %560) : f32[2,640]  features.4.6.block.0.1
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %4330 -> A + 427158976
 * in  %555 f32[4,32,32,640] <- A + 284164096
 * in  %556 f32[640] <- M + 3062052 (features.4.6.block.0.1.weight)
 * in  %557 f32[640] <- M + 3062692 (features.4.6.block.0.1.bias)
 * in  %560 f32[2,640] <- A + 427246272
 * in  %4327 f32[4,32,32,640] <- A + 10485760
 */
void k240b_bn_train_silu_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,640] */,
    const float *restrict x /* [4,32,32,640] */,
    const float *restrict gamma /* [640] */,
    const float *restrict beta /* [640] */,
    const float *restrict stats /* [2,640] */,
    const float *restrict dy /* [4,32,32,640] */) {
    float q0[640];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 640; c++) {
        q0[c] = gamma[c] / sqrtf(stats[640 + c] + 0.001f);
    }
    float q1[640];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 640; c++) {
        q1[c] = 1.0f / sqrtf(stats[640 + c] + 0.001f);
    }
    enum { C = 640, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = dy[r * 640 + c];
                const float t1 = x[r * 640 + c];
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
 * %563 = bn_train(%555, %560, %556, %557) : f32[4,32,32,640]  features.4.6.block.0.1
 * %4329 = silu_bwd(%4327, %563) : f32[4,32,32,640]  features.4.6.block.0.2
 * %4331 = bn_bwd_input(%4329, %555, %560, %556, %4330) : f32[4,32,32,640]  features.4.6.block.0.1
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %4331 -> A + 13107200
 * in  %555 f32[4,32,32,640] <- A + 284164096
 * in  %556 f32[640] <- M + 3062052 (features.4.6.block.0.1.weight)
 * in  %557 f32[640] <- M + 3062692 (features.4.6.block.0.1.bias)
 * in  %560 f32[2,640] <- A + 427246272
 * in  %4327 f32[4,32,32,640] <- A + 10485760
 * in  %4330 f32[2,640] <- A + 427158976
 */
void k240b_bn_train_silu_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,640] */,
    const float *restrict x /* [4,32,32,640] */,
    const float *restrict gamma /* [640] */,
    const float *restrict beta /* [640] */,
    const float *restrict stats /* [2,640] */,
    const float *restrict dy /* [4,32,32,640] */,
    const float *restrict dstats /* [2,640] */) {
    float q0[640];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 640; c++) {
        q0[c] = gamma[c] / sqrtf(stats[640 + c] + 0.001f);
    }
    float q1[640], q2[640], q3[640];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 640; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[640 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[640 + c] / 4096.0f * (1.0f / sqrtf(stats[640 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 640; c++) {
            const long i = r * 640 + c;
            const float t0 = dy[r * 640 + c];
            const float t1 = x[r * 640 + c];
            const float t2 = (t1 - stats[c]) * q0[c] + beta[c];
            const float t3s = ba_sigmoid(t2);
            const float t3 = t0 * (t3s * (1.0f + t2 * (1.0f - t3s)));
            const float t4 = q1[c] * (t3 - q2[c] - (t1 - stats[c]) * q3[c]);
            dx[i] = t4;
        }
    }
}

/*
 * %4336 = conv2d_bwd_input(%4331, %554) : f32[4,32,32,160]  features.4.6.block.0.0
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %4336 -> A + 397475840
 * in  %4331 f32[4,32,32,640] <- A + 13107200
 * in  %554 f32[640,160,1,1] <- M + 2959652 (features.4.6.block.0.0.weight)
 */
void k249b_conv1x1_bwd_input(
    float *restrict dx /* [4,32,32,160] */,
    const float *restrict dy /* [4,32,32,640] */,
    const float *restrict w /* [640,160,1,1] */) {
    /* dx of x (4,32,32,160) w (640,160,1,1) y (4,32,32,640) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    /* the weight packed once; tiles of 264 rows in parallel */
    float *w_f32 = breastai_gemm_f32_pack(CblasNoTrans, 160, 640, w, 160);  /* packed once for every tile */
    #pragma omp parallel for schedule(static)
    for (long t = 0; t < 16; t++) {
        const long m0 = t * 264, rows = m0 + 264 <= 4096 ? 264 : 4096 - m0;
        breastai_gemm_f32_packed(CblasNoTrans, rows, 160, 640, 1.0f, dy + m0 * 640, 640, w_f32, 0.0f, dx + m0 * 160, 160);
    }
    free(w_f32);
}

/*
 * %503 = bn_train(%495, %500, %496, %497) : f32[4,32,32,160]  features.4.4.block.3.1
 * %504 = stochastic_depth(%503, %359) : f32[4,32,32,160]  features.4.4.stochastic_depth
 * %505 = add(%504, %457) : f32[4,32,32,160]  features.4.4
 * %551 = bn_train(%543, %548, %544, %545) : f32[4,32,32,160]  features.4.5.block.3.1
 * %552 = stochastic_depth(%551, %359) : f32[4,32,32,160]  features.4.5.stochastic_depth
 * %553 = add(%552, %505) : f32[4,32,32,160]  features.4.5
 * %4337 = conv2d_bwd_weight(%4331, %553) : f32[640,160,1,1]  features.4.6.block.0.0
 * %4781 = add(%4780, %4337) : f32[640,160,1,1]  features.4.6.block.0.0.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4781 -> G + 2959652
 * in  %359 i32[1] <- io[8] (seed)
 * in  %457 f32[4,32,32,160] <- A + 413499392
 * in  %495 f32[4,32,32,160] <- A + 414154752
 * in  %496 f32[160] <- M + 2694012 (features.4.4.block.3.1.weight)
 * in  %497 f32[160] <- M + 2694172 (features.4.4.block.3.1.bias)
 * in  %500 f32[2,160] <- A + 427276480
 * in  %543 f32[4,32,32,160] <- A + 414810112
 * in  %544 f32[160] <- M + 2959332 (features.4.5.block.3.1.weight)
 * in  %545 f32[160] <- M + 2959492 (features.4.5.block.3.1.bias)
 * in  %548 f32[2,160] <- A + 427276800
 * in  %4331 f32[4,32,32,640] <- A + 13107200
 * in  %4780 f32[640,160,1,1] <- G + 2959652 (features.4.6.block.0.0.weight)
 */
void k249b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [640,160,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,32,32,160] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict beta /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict gamma2 /* [160] */,
    const float *restrict beta2 /* [160] */,
    const float *restrict stats2 /* [2,160] */,
    const float *restrict dy /* [4,32,32,640] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* dw (640, 160) += dyᵀ (640, 4096) · f(x) (4096, 160), f(x) recomputed in tiles of 342 rows */
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
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 102400);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 102400;
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
                    const float t5 = t4 * q3[r / 1024];
                    const float t6 = b[r * 160 + c];
                    const float t7 = t5 + t6;
                    const float t8 = t2 + t7;
                    tile[(r - m0) * 160 + c] = t8;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 640, 160, rows, 1.0f, dy + m0 * 640, 640, tile, 160, first ? 0.0f : 1.0f, mine, 160);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 102400);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 102400; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 102400 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %503 = bn_train(%495, %500, %496, %497) : f32[4,32,32,160]  features.4.4.block.3.1
 * %504 = stochastic_depth(%503, %359) : f32[4,32,32,160]  features.4.4.stochastic_depth
 * %505 = add(%504, %457) : f32[4,32,32,160]  features.4.4
 * %4385 = conv2d_bwd_weight(%4379, %505) : f32[640,160,1,1]  features.4.5.block.0.0
 * %4755 = add(%4754, %4385) : f32[640,160,1,1]  features.4.5.block.0.0.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4755 -> G + 2694332
 * in  %359 i32[1] <- io[8] (seed)
 * in  %457 f32[4,32,32,160] <- A + 413499392
 * in  %495 f32[4,32,32,160] <- A + 414154752
 * in  %496 f32[160] <- M + 2694012 (features.4.4.block.3.1.weight)
 * in  %497 f32[160] <- M + 2694172 (features.4.4.block.3.1.bias)
 * in  %500 f32[2,160] <- A + 427276480
 * in  %4379 f32[4,32,32,640] <- A + 13107200
 * in  %4754 f32[640,160,1,1] <- G + 2694332 (features.4.5.block.0.0.weight)
 */
void k248b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [640,160,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,32,32,160] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict beta /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict dy /* [4,32,32,640] */,
    uint32_t salt,
    float rate) {
    /* dw (640, 160) += dyᵀ (640, 4096) · f(x) (4096, 160), f(x) recomputed in tiles of 342 rows */
    float q0[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q0[c] = gamma[c] / sqrtf(stats[160 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 102400);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 102400;
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
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = b[r * 160 + c];
                    const float t4 = t2 + t3;
                    tile[(r - m0) * 160 + c] = t4;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 640, 160, rows, 1.0f, dy + m0 * 640, 640, tile, 160, first ? 0.0f : 1.0f, mine, 160);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 102400);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 102400; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 102400 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %312 = bn_train(%304, %309, %305, %306) : f32[4,32,32,160]  features.4.0.block.3.1
 * %358 = bn_train(%350, %355, %351, %352) : f32[4,32,32,160]  features.4.1.block.3.1
 * %360 = stochastic_depth(%358, %359) : f32[4,32,32,160]  features.4.1.stochastic_depth
 * %361 = add(%360, %312) : f32[4,32,32,160]  features.4.1
 * %407 = bn_train(%399, %404, %400, %401) : f32[4,32,32,160]  features.4.2.block.3.1
 * %408 = stochastic_depth(%407, %359) : f32[4,32,32,160]  features.4.2.stochastic_depth
 * %409 = add(%408, %361) : f32[4,32,32,160]  features.4.2
 * %4481 = conv2d_bwd_weight(%4475, %409) : f32[640,160,1,1]  features.4.3.block.0.0
 * %4703 = add(%4702, %4481) : f32[640,160,1,1]  features.4.3.block.0.0.weight
 * out %4703 -> G + 2163692
 * in  %304 f32[4,32,32,160] <- A + 410877952
 * in  %305 f32[160] <- M + 1632732 (features.4.0.block.3.1.weight)
 * in  %306 f32[160] <- M + 1632892 (features.4.0.block.3.1.bias)
 * in  %309 f32[2,160] <- A + 427275200
 * in  %350 f32[4,32,32,160] <- A + 411533312
 * in  %351 f32[160] <- M + 1898052 (features.4.1.block.3.1.weight)
 * in  %352 f32[160] <- M + 1898212 (features.4.1.block.3.1.bias)
 * in  %355 f32[2,160] <- A + 427275520
 * in  %359 i32[1] <- io[8] (seed)
 * in  %399 f32[4,32,32,160] <- A + 412188672
 * in  %400 f32[160] <- M + 2163372 (features.4.2.block.3.1.weight)
 * in  %401 f32[160] <- M + 2163532 (features.4.2.block.3.1.bias)
 * in  %404 f32[2,160] <- A + 427275840
 * in  %4475 f32[4,32,32,640] <- A + 13107200
 * in  %4702 f32[640,160,1,1] <- G + 2163692 (features.4.3.block.0.0.weight)
 */
void k246b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [640,160,1,1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict beta /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict gamma2 /* [160] */,
    const float *restrict beta2 /* [160] */,
    const float *restrict stats2 /* [2,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict gamma3 /* [160] */,
    const float *restrict beta3 /* [160] */,
    const float *restrict stats3 /* [2,160] */,
    const float *restrict dy /* [4,32,32,640] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* dw (640, 160) += dyᵀ (640, 4096) · f(x) (4096, 160), f(x) recomputed in tiles of 342 rows */
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
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 102400);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 102400;
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
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 640, 160, rows, 1.0f, dy + m0 * 640, 640, tile, 160, first ? 0.0f : 1.0f, mine, 160);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 102400);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 102400; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 102400 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %312 = bn_train(%304, %309, %305, %306) : f32[4,32,32,160]  features.4.0.block.3.1
 * %358 = bn_train(%350, %355, %351, %352) : f32[4,32,32,160]  features.4.1.block.3.1
 * %360 = stochastic_depth(%358, %359) : f32[4,32,32,160]  features.4.1.stochastic_depth
 * %361 = add(%360, %312) : f32[4,32,32,160]  features.4.1
 * %4529 = conv2d_bwd_weight(%4523, %361) : f32[640,160,1,1]  features.4.2.block.0.0
 * %4677 = add(%4676, %4529) : f32[640,160,1,1]  features.4.2.block.0.0.weight
 * out %4677 -> G + 1898372
 * in  %304 f32[4,32,32,160] <- A + 410877952
 * in  %305 f32[160] <- M + 1632732 (features.4.0.block.3.1.weight)
 * in  %306 f32[160] <- M + 1632892 (features.4.0.block.3.1.bias)
 * in  %309 f32[2,160] <- A + 427275200
 * in  %350 f32[4,32,32,160] <- A + 411533312
 * in  %351 f32[160] <- M + 1898052 (features.4.1.block.3.1.weight)
 * in  %352 f32[160] <- M + 1898212 (features.4.1.block.3.1.bias)
 * in  %355 f32[2,160] <- A + 427275520
 * in  %359 i32[1] <- io[8] (seed)
 * in  %4523 f32[4,32,32,640] <- A + 13107200
 * in  %4676 f32[640,160,1,1] <- G + 1898372 (features.4.2.block.0.0.weight)
 */
void k245b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [640,160,1,1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict beta /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict gamma2 /* [160] */,
    const float *restrict beta2 /* [160] */,
    const float *restrict stats2 /* [2,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict dy /* [4,32,32,640] */,
    uint32_t salt,
    float rate) {
    /* dw (640, 160) += dyᵀ (640, 4096) · f(x) (4096, 160), f(x) recomputed in tiles of 342 rows */
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
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 102400);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 102400;
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
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 640, 160, rows, 1.0f, dy + m0 * 640, 640, tile, 160, first ? 0.0f : 1.0f, mine, 160);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 102400);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 102400; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 102400 + j];
            grad[j] += s;
        }
    }
    free(part);
}
