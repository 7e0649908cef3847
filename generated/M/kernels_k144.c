/* Kernels k144 to k159 and their backward kernels. */
#include "kernels.h"

/*
 * %2142 = add(%2140, %2141) : f32[4,16,16,512]  features.7.0.block.3.1
 * %2188 = add(%2186, %2187) : f32[4,16,16,512]  features.7.1.block.3.1
 * %2189 = add(%2188, %2142) : f32[4,16,16,512]  features.7.1
 * %2235 = add(%2233, %2234) : f32[4,16,16,512]  features.7.2.block.3.1
 * %2236 = add(%2235, %2189) : f32[4,16,16,512]  features.7.2
 * %2244 = conv2d(%2236, %2242) : f32[4,16,16,3072]  features.7.3.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2244 -> A + 0
 * in  %2140 f32[4,16,16,512] <- A + 6291456
 * in  %2141 f32[1,1,1,512] <- A + 8419328
 * in  %2186 f32[4,16,16,512] <- A + 6815744
 * in  %2187 f32[1,1,1,512] <- A + 8419840
 * in  %2233 f32[4,16,16,512] <- A + 7340032
 * in  %2234 f32[1,1,1,512] <- A + 8420352
 * in  %2242 f32[3072,512,1,1] <- A + 3145728
 */
void k144_add_conv1x1(
    float *restrict y /* [4,16,16,3072] */,
    const float *restrict x /* [4,16,16,512] */,
    const float *restrict bias /* [1,1,1,512] */,
    const float *restrict x2 /* [4,16,16,512] */,
    const float *restrict bias2 /* [1,1,1,512] */,
    const float *restrict x3 /* [4,16,16,512] */,
    const float *restrict bias3 /* [1,1,1,512] */,
    const float *restrict w /* [3072,512,1,1] */) {
    /* y (1024, 3072) = f(x) (1024, 512) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
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
                    const float t1 = bias3[c];
                    const float t2 = t0 + t1;
                    const float t3 = x2[r * 512 + c];
                    const float t4 = bias2[c];
                    const float t5 = t3 + t4;
                    const float t6 = x[r * 512 + c];
                    const float t7 = bias[c];
                    const float t8 = t6 + t7;
                    const float t9 = t5 + t8;
                    const float t10 = t2 + t9;
                    tile[(r - m0) * 512 + c] = t10;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 3072, 512, 1.0f, tile, 512, w_f32, 0.0f, y + m0 * 3072, 3072);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %2142 = add(%2140, %2141) : f32[4,16,16,512]  features.7.0.block.3.1
 * %2188 = add(%2186, %2187) : f32[4,16,16,512]  features.7.1.block.3.1
 * %2189 = add(%2188, %2142) : f32[4,16,16,512]  features.7.1
 * %2235 = add(%2233, %2234) : f32[4,16,16,512]  features.7.2.block.3.1
 * %2236 = add(%2235, %2189) : f32[4,16,16,512]  features.7.2
 * %2282 = add(%2280, %2281) : f32[4,16,16,512]  features.7.3.block.3.1
 * %2283 = add(%2282, %2236) : f32[4,16,16,512]  features.7.3
 * %2291 = conv2d(%2283, %2289) : f32[4,16,16,3072]  features.7.4.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2291 -> A + 0
 * in  %2140 f32[4,16,16,512] <- A + 6291456
 * in  %2141 f32[1,1,1,512] <- A + 8419328
 * in  %2186 f32[4,16,16,512] <- A + 6815744
 * in  %2187 f32[1,1,1,512] <- A + 8419840
 * in  %2233 f32[4,16,16,512] <- A + 7340032
 * in  %2234 f32[1,1,1,512] <- A + 8420352
 * in  %2280 f32[4,16,16,512] <- A + 7864320
 * in  %2281 f32[1,1,1,512] <- A + 8420864
 * in  %2289 f32[3072,512,1,1] <- A + 3145728
 */
void k145_add_conv1x1(
    float *restrict y /* [4,16,16,3072] */,
    const float *restrict x /* [4,16,16,512] */,
    const float *restrict bias /* [1,1,1,512] */,
    const float *restrict x2 /* [4,16,16,512] */,
    const float *restrict bias2 /* [1,1,1,512] */,
    const float *restrict x3 /* [4,16,16,512] */,
    const float *restrict bias3 /* [1,1,1,512] */,
    const float *restrict x4 /* [4,16,16,512] */,
    const float *restrict bias4 /* [1,1,1,512] */,
    const float *restrict w /* [3072,512,1,1] */) {
    /* y (1024, 3072) = f(x) (1024, 512) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
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
                    const float t0 = x4[r * 512 + c];
                    const float t1 = bias4[c];
                    const float t2 = t0 + t1;
                    const float t3 = x3[r * 512 + c];
                    const float t4 = bias3[c];
                    const float t5 = t3 + t4;
                    const float t6 = x2[r * 512 + c];
                    const float t7 = bias2[c];
                    const float t8 = t6 + t7;
                    const float t9 = x[r * 512 + c];
                    const float t10 = bias[c];
                    const float t11 = t9 + t10;
                    const float t12 = t8 + t11;
                    const float t13 = t5 + t12;
                    const float t14 = t2 + t13;
                    tile[(r - m0) * 512 + c] = t14;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 3072, 512, 1.0f, tile, 512, w_f32, 0.0f, y + m0 * 3072, 3072);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %2336 = bn_fold_weight(%2331, %2332, %2335) : f32[1280,512,1,1]  features.8.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2336 -> A + 1310720
 * in  %2331 f32[1280,512,1,1] <- M + 52200436 (features.8.0.weight)
 * in  %2332 f32[1280] <- M + 52855796 (features.8.1.weight)
 * in  %2335 f32[1280] <- M + 54143513 (features.8.1.running_var)
 */
void k146_bn_fold_weight(
    float *restrict w_folded /* [1280,512,1,1] */,
    const float *restrict w /* [1280,512,1,1] */,
    const float *restrict gamma /* [1280] */,
    const float *restrict running_var /* [1280] */) {
    /* w (1280, 512) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 1280; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 512; j++) w_folded[k * 512 + j] = w[k * 512 + j] * s;
    }
}

/*
 * %2337 = bn_fold_bias(%2332, %2333, %2334, %2335) : f32[1280]  features.8.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2337 -> A + 3957760
 * in  %2332 f32[1280] <- M + 52855796 (features.8.1.weight)
 * in  %2333 f32[1280] <- M + 52857076 (features.8.1.bias)
 * in  %2334 f32[1280] <- M + 54142233 (features.8.1.running_mean)
 * in  %2335 f32[1280] <- M + 54143513 (features.8.1.running_var)
 */
void k147_bn_fold_bias(
    float *restrict bias_folded /* [1280] */,
    const float *restrict gamma /* [1280] */,
    const float *restrict beta /* [1280] */,
    const float *restrict running_mean /* [1280] */,
    const float *restrict running_var /* [1280] */) {
    for (long k = 0; k < 1280; k++) bias_folded[k] = beta[k] - running_mean[k] * gamma[k] / sqrtf(running_var[k] + 0.001f);
}

/*
 * %2142 = add(%2140, %2141) : f32[4,16,16,512]  features.7.0.block.3.1
 * %2188 = add(%2186, %2187) : f32[4,16,16,512]  features.7.1.block.3.1
 * %2189 = add(%2188, %2142) : f32[4,16,16,512]  features.7.1
 * %2235 = add(%2233, %2234) : f32[4,16,16,512]  features.7.2.block.3.1
 * %2236 = add(%2235, %2189) : f32[4,16,16,512]  features.7.2
 * %2282 = add(%2280, %2281) : f32[4,16,16,512]  features.7.3.block.3.1
 * %2283 = add(%2282, %2236) : f32[4,16,16,512]  features.7.3
 * %2329 = add(%2327, %2328) : f32[4,16,16,512]  features.7.4.block.3.1
 * %2330 = add(%2329, %2283) : f32[4,16,16,512]  features.7.4
 * %2338 = conv2d(%2330, %2336) : f32[4,16,16,1280]  features.8.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2338 -> A + 0
 * in  %2140 f32[4,16,16,512] <- A + 6291456
 * in  %2141 f32[1,1,1,512] <- A + 8419328
 * in  %2186 f32[4,16,16,512] <- A + 6815744
 * in  %2187 f32[1,1,1,512] <- A + 8419840
 * in  %2233 f32[4,16,16,512] <- A + 7340032
 * in  %2234 f32[1,1,1,512] <- A + 8420352
 * in  %2280 f32[4,16,16,512] <- A + 7864320
 * in  %2281 f32[1,1,1,512] <- A + 8420864
 * in  %2327 f32[4,16,16,512] <- A + 4718592
 * in  %2328 f32[1,1,1,512] <- A + 8388608
 * in  %2336 f32[1280,512,1,1] <- A + 1310720
 */
void k148_add_conv1x1(
    float *restrict y /* [4,16,16,1280] */,
    const float *restrict x /* [4,16,16,512] */,
    const float *restrict bias /* [1,1,1,512] */,
    const float *restrict x2 /* [4,16,16,512] */,
    const float *restrict bias2 /* [1,1,1,512] */,
    const float *restrict x3 /* [4,16,16,512] */,
    const float *restrict bias3 /* [1,1,1,512] */,
    const float *restrict x4 /* [4,16,16,512] */,
    const float *restrict bias4 /* [1,1,1,512] */,
    const float *restrict x5 /* [4,16,16,512] */,
    const float *restrict bias5 /* [1,1,1,512] */,
    const float *restrict w /* [1280,512,1,1] */) {
    /* y (1024, 1280) = f(x) (1024, 512) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
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
                    const float t0 = x5[r * 512 + c];
                    const float t1 = bias5[c];
                    const float t2 = t0 + t1;
                    const float t3 = x4[r * 512 + c];
                    const float t4 = bias4[c];
                    const float t5 = t3 + t4;
                    const float t6 = x3[r * 512 + c];
                    const float t7 = bias3[c];
                    const float t8 = t6 + t7;
                    const float t9 = x2[r * 512 + c];
                    const float t10 = bias2[c];
                    const float t11 = t9 + t10;
                    const float t12 = x[r * 512 + c];
                    const float t13 = bias[c];
                    const float t14 = t12 + t13;
                    const float t15 = t11 + t14;
                    const float t16 = t8 + t15;
                    const float t17 = t5 + t16;
                    const float t18 = t2 + t17;
                    tile[(r - m0) * 512 + c] = t18;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1280, 512, 1.0f, tile, 512, w_f32, 0.0f, y + m0 * 1280, 1280);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %2340 = add(%2338, %2339) : f32[4,16,16,1280]  features.8.1
 * %2341 = silu(%2340) : f32[4,16,16,1280]  features.8.2
 * %2346 = reduce_mean(%2341) : f32[4,1,1,1280]  cbam.channel_attention.avg_pool
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2346 -> A + 3932160
 * in  %2338 f32[4,16,16,1280] <- A + 0
 * in  %2339 f32[1,1,1,1280] <- A + 3957760
 */
void k149_add_silu_reduce_mean(
    float *restrict y /* [4,1,1,1280] */,
    const float *restrict x /* [4,16,16,1280] */,
    const float *restrict bias /* [1,1,1,1280] */) {
    /* mean over axes [1, 2] of [4, 16, 16, 1280]: (4, 256, 1280) -> (4, 1280) */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[1280];
        for (long q = 0; q < 1280; q++) acc[q] = 0.0;
        for (long j = 0; j < 256; j++) {
            for (long q = 0; q < 1280; q++) {
                const long r = o * 256 + j;
                const long c = q;
                const float t0 = x[r * 1280 + c];
                const float t1 = bias[c];
                const float t2 = t0 + t1;
                const float t3 = t2 * ba_sigmoid(t2);
                acc[q] += t3;
            }
        }
        for (long q = 0; q < 1280; q++) y[o * 1280 + q] = (float)(acc[q] / 256.0);
    }
}

/*
 * %2340 = add(%2338, %2339) : f32[4,16,16,1280]  features.8.1
 * %2341 = silu(%2340) : f32[4,16,16,1280]  features.8.2
 * %2348 = reduce_max(%2341) : f32[4,1,1,1280]  cbam.channel_attention.max_pool
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2348 -> A + 3937280
 * in  %2338 f32[4,16,16,1280] <- A + 0
 * in  %2339 f32[1,1,1,1280] <- A + 3957760
 */
void k150_add_silu_reduce_max(
    float *restrict y /* [4,1,1,1280] */,
    const float *restrict x /* [4,16,16,1280] */,
    const float *restrict bias /* [1,1,1,1280] */) {
    /* max over axes [1, 2] of [4, 16, 16, 1280]: (4, 256, 1280) -> (4, 1280) */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        float acc[1280];
        for (long q = 0; q < 1280; q++) acc[q] = -INFINITY;
        for (long j = 0; j < 256; j++) {
            for (long q = 0; q < 1280; q++) {
                const long r = o * 256 + j;
                const long c = q;
                const float t0 = x[r * 1280 + c];
                const float t1 = bias[c];
                const float t2 = t0 + t1;
                const float t3 = t2 * ba_sigmoid(t2);
                acc[q] = t3 > acc[q] ? t3 : acc[q];
            }
        }
        for (long q = 0; q < 1280; q++) y[o * 1280 + q] = (float)(acc[q]);
    }
}

/*
 * %2350 = linear(%2347, %2343) : f32[4,80]  cbam.channel_attention.fc.1.0
 * 10 call sites share this function; the nodes and locations above are the first one's.
 * out %2350 -> A + 3962112
 * in  %2347 f32[4,1280] <- A + 3932160
 * in  %2343 f32[80,1280] <- M + 52858356
 */
void k151_linear(
    float *restrict y /* [4,80] */,
    const float *restrict x /* [4,1280] */,
    const float *restrict w /* [80,1280] */) {
    /* y (4,80) = x (4,1280) · wᵀ (1280,80) */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 80, 1280, 1.0f, x, 1280, w, 1280, 0.0f, y, 80);
}

/*
 * %2351 = relu(%2350) : f32[4,80]  cbam.channel_attention.fc.1
 * 10 call sites share this function; the nodes and locations above are the first one's.
 * out %2351 -> A + 3962432
 * in  %2350 f32[4,80] <- A + 3962112
 */
void k152_relu(float *restrict y /* [4,80] */, const float *restrict x /* [4,80] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 80; c++) {
            const long i = r * 80 + c;
            const float t0 = x[r * 80 + c];
            const float t1 = t0 > 0.0f ? t0 : 0.0f;
            y[i] = t1;
        }
    }
}

/*
 * %2352 = linear(%2351, %2345) : f32[4,1280]  cbam.channel_attention.fc.2
 * 10 call sites share this function; the nodes and locations above are the first one's.
 * out %2352 -> A + 3942400
 * in  %2351 f32[4,80] <- A + 3962432
 * in  %2345 f32[1280,80] <- M + 52960756
 */
void k153_linear(
    float *restrict y /* [4,1280] */,
    const float *restrict x /* [4,80] */,
    const float *restrict w /* [1280,80] */) {
    /* y (4,1280) = x (4,80) · wᵀ (80,1280) */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 1280, 80, 1.0f, x, 80, w, 80, 0.0f, y, 1280);
}

/*
 * %2356 = add(%2352, %2355) : f32[4,1280]  cbam.channel_attention
 * %2357 = sigmoid(%2356) : f32[4,1280]  cbam.channel_attention
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %2357 -> A + 2621440
 * in  %2352 f32[4,1280] <- A + 3942400
 * in  %2355 f32[4,1280] <- A + 3947520
 */
void k154_add_sigmoid(
    float *restrict y /* [4,1280] */,
    const float *restrict a /* [4,1280] */,
    const float *restrict b /* [4,1280] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 1280; c++) {
            const long i = r * 1280 + c;
            const float t0 = a[r * 1280 + c];
            const float t1 = b[r * 1280 + c];
            const float t2 = t0 + t1;
            const float t3 = ba_sigmoid(t2);
            y[i] = t3;
        }
    }
}

/*
 * %2340 = add(%2338, %2339) : f32[4,16,16,1280]  features.8.1
 * %2341 = silu(%2340) : f32[4,16,16,1280]  features.8.2
 * %2359 = mul(%2341, %2358) : f32[4,16,16,1280]  cbam.channel_attention
 * out %2359 -> A + 1310720
 * in  %2338 f32[4,16,16,1280] <- A + 0
 * in  %2339 f32[1,1,1,1280] <- A + 3957760
 * in  %2358 f32[4,1,1,1280] <- A + 2621440
 */
void k155_add_silu_mul(
    float *restrict y /* [4,16,16,1280] */,
    const float *restrict x /* [4,16,16,1280] */,
    const float *restrict bias /* [1,1,1,1280] */,
    const float *restrict scale /* [4,1,1,1280] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 1280; c++) {
            const long i = r * 1280 + c;
            const float t0 = x[r * 1280 + c];
            const float t1 = bias[c];
            const float t2 = t0 + t1;
            const float t3 = t2 * ba_sigmoid(t2);
            const float t4 = scale[(r / 256) * 1280 + c];
            const float t5 = t3 * t4;
            y[i] = t5;
        }
    }
}

/*
 * %2360 = reduce_mean(%2359) : f32[4,16,16,1]  cbam.spatial_attention
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2360 -> A + 3952640
 * in  %2359 f32[4,16,16,1280] <- A + 1310720
 */
void k156_reduce_mean(float *restrict y /* [4,16,16,1] */, const float *restrict x /* [4,16,16,1280] */) {
    /* mean over axes [3] of [4, 16, 16, 1280]: (1024, 1280, 1) -> (1024, 1) */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 1024; o++) {
        float lane[16];
        for (long l = 0; l < 16; l++) lane[l] = 0.0f;
        for (long j0 = 0; j0 < 1280; j0 += 16) {
            for (long l = 0; l < 16; l++) {
                const long j = j0 + l;
                const long r = o;
                const long c = j;
                const float t0 = x[r * 1280 + c];
                lane[l] += t0;
            }
        }
        double s = 0.0;
        for (long l = 0; l < 16; l++) s += lane[l];
        y[o] = (float)(s / 1280.0);
    }
}

/*
 * %2361 = reduce_max(%2359) : f32[4,16,16,1]  cbam.spatial_attention
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2361 -> A + 3953664
 * in  %2359 f32[4,16,16,1280] <- A + 1310720
 */
void k157_reduce_max(float *restrict y /* [4,16,16,1] */, const float *restrict x /* [4,16,16,1280] */) {
    /* max over axes [3] of [4, 16, 16, 1280]: (1024, 1280, 1) -> (1024, 1) */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 1024; o++) {
        float lane[16];
        for (long l = 0; l < 16; l++) lane[l] = -INFINITY;
        for (long j0 = 0; j0 < 1280; j0 += 16) {
            for (long l = 0; l < 16; l++) {
                const long j = j0 + l;
                const long r = o;
                const long c = j;
                const float t0 = x[r * 1280 + c];
                lane[l] = t0 > lane[l] ? t0 : lane[l];
            }
        }
        float m = lane[0];
        for (long l = 1; l < 16; l++) m = lane[l] > m ? lane[l] : m;
        y[o] = m;
    }
}

/*
 * %2362 = concat(%2360, %2361) : f32[4,16,16,2]  cbam.spatial_attention
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %2362 -> A + 2631680
 * in  %2360 f32[4,16,16,1] <- A + 3952640
 * in  %2361 f32[4,16,16,1] <- A + 3953664
 */
void k158_concat(
    float *restrict y /* [4,16,16,2] */,
    const float *restrict x /* [4,16,16,1] */,
    const float *restrict x2 /* [4,16,16,1] */) {
    for (long o = 0; o < 1024; o++) {
        memcpy(y + o * 2 + 0, x + o * 1, 1 * sizeof(float));
        memcpy(y + o * 2 + 1, x2 + o * 1, 1 * sizeof(float));
    }
}

/*
 * %2364 = conv2d(%2362, %2363) : f32[4,16,16,1]  cbam.spatial_attention.conv
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %2364 -> A + 2637824
 * in  %2362 f32[4,16,16,2] <- A + 2631680
 * in  %2363 f32[1,2,7,7] <- M + 53063156 (cbam.spatial_attention.conv.weight)
 */
void k159_conv7x7(
    float *restrict y /* [4,16,16,1] */,
    const float *restrict x /* [4,16,16,2] */,
    const float *restrict w /* [1,2,7,7] */) {
    /* x (4,16,16,2) w (1,2,7,7) y (4,16,16,1) stride 1 pad 3 */
    /* Implicit GEMM: y (N·Ho·Wo, Kg) = im2col(x) (N·Ho·Wo, R·S·Cg) · wtᵀ per group, wt = w as (K, R, S, Cg).
     * Tiles of 1024 output pixels: each thread gathers its tile of im2col into scratch, then one sgemm. */
    float *restrict wt = malloc(sizeof(float) * 98);  /* (K, R, S, Cg) */
    if (!wt) abort();
    for (long k = 0; k < 1; k++) for (long c = 0; c < 2; c++) for (long r = 0; r < 7; r++) for (long s = 0; s < 7; s++)
        wt[((k * 7 + r) * 7 + s) * 2 + c] = w[((k * 2 + c) * 7 + r) * 7 + s];
    #pragma omp parallel
    {
        float *restrict col = malloc(sizeof(float) * 100352);  /* (1024, R·S·Cg): one tile of im2col */
        if (!col) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 1; t++) {
            const long m0 = t * 1024, pixels = m0 + 1024 <= 1024 ? 1024 : 1024 - m0;
            /* im2col tile: col[p, (r, s, c)] = x[n, oh - 3 + r, ow - 3 + s, c], 0 in the padding */
            for (long p = 0; p < pixels; p++) {
                const long m = m0 + p, n = m / 256, oh = m / 16 % 16, ow = m % 16;
                for (long r = 0; r < 7; r++) {
                    const long ih = oh - 3 + r, iw0 = ow - 3;
                    float *restrict dst = col + p * 98 + r * 14;
                    if (ih < 0 || ih >= 16) { memset(dst, 0, 14 * sizeof(float)); continue; }
                    const long row = (n * 16 + ih) * 16;
                    if (iw0 >= 0 && iw0 + 7 <= 16) { memcpy(dst, x + (row + iw0) * 2, 14 * sizeof(float)); continue; }
                    for (long s = 0; s < 7; s++) {
                        const long iw = iw0 + s;
                        if (iw < 0 || iw >= 16) memset(dst + s * 2, 0, 2 * sizeof(float));
                        else memcpy(dst + s * 2, x + (row + iw) * 2, 2 * sizeof(float));
                    }
                }
            }
            /* y[m0 ..< m0 + pixels] (pixels, Kg) = col (pixels, R·S·Cg) · wtᵀ (R·S·Cg, Kg) */
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, pixels, 1, 98, 1.0f, col, 98, wt, 98, 0.0f, y + m0 * 1, 1);
        }
        free(col);
    }
    free(wt);
}

/*
 * %2433 = expand(%2432) : f32[4,16,16,1280]  avgpool
 * %2434 = scale(%2433) : f32[4,16,16,1280]  avgpool
 * %2436 = mul(%2434, %2359) : f32[4,16,16,1280]  cbam.spatial_attention
 * %2437 = reduce_sum(%2436) : f32[4,16,16,1]  cbam.spatial_attention
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2437 -> A + 2633728
 * in  %2359 f32[4,16,16,1280] <- A + 1310720
 * in  %2432 f32[4,1,1,1280] <- A + 3952640
 */
void k156b_expand_scale_mul_reduce_sum(
    float *restrict y /* [4,16,16,1] */,
    const float *restrict b /* [4,16,16,1280] */,
    const float *restrict x /* [4,1,1,1280] */) {
    /* sum over axes [3] of [4, 16, 16, 1280]: (1024, 1280, 1) -> (1024, 1) */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 1024; o++) {
        float lane[16];
        for (long l = 0; l < 16; l++) lane[l] = 0.0f;
        for (long j0 = 0; j0 < 1280; j0 += 16) {
            for (long l = 0; l < 16; l++) {
                const long j = j0 + l;
                const long r = o;
                const long c = j;
                const float t0 = x[(r / 256) * 1280 + c];
                const float t1 = t0;
                const float t2 = 0.00390625f * t1;
                const float t3 = b[r * 1280 + c];
                const float t4 = t2 * t3;
                lane[l] += t4;
            }
        }
        double s = 0.0;
        for (long l = 0; l < 16; l++) s += lane[l];
        y[o] = (float)(s);
    }
}

/*
 * %2438 = sigmoid_bwd(%2437, %2364) : f32[4,16,16,1]  cbam.spatial_attention
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2438 -> A + 2634752
 * in  %2364 f32[4,16,16,1] <- A + 2637824
 * in  %2437 f32[4,16,16,1] <- A + 2633728
 */
void k156b_sigmoid_bwd(
    float *restrict dx /* [4,16,16,1] */,
    const float *restrict x /* [4,16,16,1] */,
    const float *restrict dy /* [4,16,16,1] */) {
    for (long r = 0; r < 1024; r++) {
        for (long c = 0; c < 1; c++) {
            const long i = r * 1 + c;
            const float t0 = dy[r];
            const float t1 = x[r];
            const float t2s = ba_sigmoid(t1);
            const float t2 = t0 * (t2s * (1.0f - t2s));
            dx[i] = t2;
        }
    }
}

/*
 * %2439 = conv2d_bwd_input(%2438, %2363) : f32[4,16,16,2]  cbam.spatial_attention.conv
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2439 -> A + 2621440
 * in  %2438 f32[4,16,16,1] <- A + 2634752
 * in  %2363 f32[1,2,7,7] <- M + 53063156 (cbam.spatial_attention.conv.weight)
 */
void k159b_conv7x7_bwd_input(
    float *restrict dx /* [4,16,16,2] */,
    const float *restrict dy /* [4,16,16,1] */,
    const float *restrict w /* [1,2,7,7] */) {
    /* dx of x (4,16,16,2) w (1,2,7,7) y (4,16,16,1) stride 1 pad 3 */
    /* Implicit GEMM in gather form: dx (pixels, Cg) = taps(dy) (pixels, TR·TS·Kg) · wt (TR·TS·Kg, Cg) per group,
     * where the TR × TS taps reaching a pixel are gathered in flipped order into scratch (zero outside dy).
     * Tiles of up to 1024 input pixels; each thread gathers its tile, then one sgemm. */
    float *restrict wt = malloc(sizeof(float) * 98);  /* (G, TR, TS, Kg, Cg) of the phase */
    if (!wt) abort();
    /* wt[g, i, j, k, c] = w[g·Kg + k, c, 6 - i, 6 - j]: the phase's taps, flipped */
    for (long k = 0; k < 1; k++) for (long i = 0; i < 7; i++) for (long j = 0; j < 7; j++) for (long c = 0; c < 2; c++)
        wt[((i * 7 + j) * 1 + k) * 2 + c] = w[((k * 2 + c) * 7 + 6 - i) * 7 + 6 - j];
    #pragma omp parallel
    {
        float *restrict col = malloc(sizeof(float) * 50176);  /* (1024, TR·TS·Kg): one tile of dy taps */
        if (!col) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 1; t++) {
            const long m0 = t * 1024, pixels = m0 + 1024 <= 1024 ? 1024 : 1024 - m0;
            /* taps tile: col[p, (i, j, k)] = dy[n, ih - 3 + i, iw - 3 + j, k], 0 outside dy */
            for (long p = 0; p < pixels; p++) {
                const long m = m0 + p, n = m / 256, ih = m / 16 % 16, iw = m % 16;
                for (long i = 0; i < 7; i++) {
                    const long oh = ih - 3 + i, ow0 = iw - 3;
                    float *restrict dst = col + (p * 7 + i) * 7;
                    if (oh < 0 || oh >= 16) { memset(dst, 0, 7 * sizeof(float)); continue; }
                    const long row = (n * 16 + oh) * 16;
                    if (ow0 >= 0 && ow0 + 7 <= 16) { memcpy(dst, dy + (row + ow0) * 1, 7 * sizeof(float)); continue; }
                    for (long j = 0; j < 7; j++) {
                        const long ow = ow0 + j;
                        if (ow < 0 || ow >= 16) memset(dst + j * 1, 0, 1 * sizeof(float));
                        else memcpy(dst + j * 1, dy + (row + ow) * 1, 1 * sizeof(float));
                    }
                }
            }
            /* dx[m0 ..< m0 + pixels] (pixels, Cg) = col (pixels, R·S·Kg) · wt (R·S·Kg, Cg) */
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, pixels, 2, 49, 1.0f, col, 49, wt, 2, 0.0f, dx + m0 * 2, 2);
        }
        free(col);
    }
    free(wt);
}

/*
 * %2440 = conv2d_bwd_weight(%2438, %2362) : f32[1,2,7,7]  cbam.spatial_attention.conv
 * %2468 = add(%2467, %2440) : f32[1,2,7,7]  cbam.spatial_attention.conv.weight
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2468 -> G + 53063156
 * in  %2438 f32[4,16,16,1] <- A + 2634752
 * in  %2362 f32[4,16,16,2] <- A + 2631680
 * in  %2467 f32[1,2,7,7] <- G + 53063156 (cbam.spatial_attention.conv.weight)
 */
void k159b_conv7x7_bwd_weight_acc(
    float *restrict grad /* [1,2,7,7] */,
    const float *restrict dy /* [4,16,16,1] */,
    const float *restrict x /* [4,16,16,2] */) {
    /* dw of x (4,16,16,2) w (1,2,7,7) y (4,16,16,1) stride 1 pad 3, added into the accumulator */
    /* Implicit GEMM: dw (Kg, R·S·Cg) = Σ_tiles dy_tileᵀ (Kg, pixels) · im2col(x)_tile (pixels, R·S·Cg) per group.
     * Tiles of 320 output pixels; each thread sums a fixed range of tiles into its own partial, then the
     * partials are added in thread order. */
    const int max_threads = omp_get_max_threads();
    float *restrict part = calloc((size_t)max_threads * 98, sizeof(float));  /* (threads, K, R, S, Cg) */
    if (!part) abort();
    int threads = 1;
    #pragma omp parallel num_threads(max_threads)
    {
        const int thread = omp_get_thread_num(), team = omp_get_num_threads();
        if (thread == 0) threads = team;
        float *restrict col = malloc(sizeof(float) * 31360);  /* (320, R·S·Cg): one tile of im2col */
        if (!col) abort();
        float *restrict acc = part + (long)thread * 98;  /* (K, R·S·Cg) */
        for (long t = 4L * thread / team; t < 4L * (thread + 1) / team; t++) {
            const long m0 = t * 320, pixels = m0 + 320 <= 1024 ? 320 : 1024 - m0;
            /* im2col tile: col[p, (r, s, c)] = x[n, oh - 3 + r, ow - 3 + s, c], 0 in the padding */
            for (long p = 0; p < pixels; p++) {
                const long m = m0 + p, n = m / 256, oh = m / 16 % 16, ow = m % 16;
                for (long r = 0; r < 7; r++) {
                    const long ih = oh - 3 + r, iw0 = ow - 3;
                    float *restrict dst = col + p * 98 + r * 14;
                    if (ih < 0 || ih >= 16) { memset(dst, 0, 14 * sizeof(float)); continue; }
                    const long row = (n * 16 + ih) * 16;
                    if (iw0 >= 0 && iw0 + 7 <= 16) { memcpy(dst, x + (row + iw0) * 2, 14 * sizeof(float)); continue; }
                    for (long s = 0; s < 7; s++) {
                        const long iw = iw0 + s;
                        if (iw < 0 || iw >= 16) memset(dst + s * 2, 0, 2 * sizeof(float));
                        else memcpy(dst + s * 2, x + (row + iw) * 2, 2 * sizeof(float));
                    }
                }
            }
            /* acc (Kg, R·S·Cg) += dy[m0 ..< m0 + pixels]ᵀ (Kg, pixels) · col (pixels, R·S·Cg) */
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 1, 98, pixels, 1.0f, dy + m0 * 1, 1, col, 98, 1.0f, acc, 98);
        }
        free(col);
    }
    /* dw[k, c, r, s] = Σ_thread part[thread, k, r, s, c], in thread order */
    #pragma omp parallel for schedule(static)
    for (long k = 0; k < 1; k++) {
        for (long c = 0; c < 2; c++) for (long r = 0; r < 7; r++) for (long s = 0; s < 7; s++) {
            float sum = 0.0f;
            for (int thread = 0; thread < threads; thread++) sum += part[((long)thread * 1 + k) * 98 + (r * 7 + s) * 2 + c];
            grad[((k * 2 + c) * 7 + r) * 7 + s] += sum;
        }
    }
    free(part);
}

/*
 * %2441 = slice(%2439) : f32[4,16,16,1]  cbam.spatial_attention
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2441 -> A + 3960064
 * in  %2439 f32[4,16,16,2] <- A + 2621440
 */
void k156b_slice(float *restrict y /* [4,16,16,1] */, const float *restrict x /* [4,16,16,2] */) {
    for (long o = 0; o < 1024; o++) memcpy(y + o * 1, x + o * 2 + 0, 1 * sizeof(float));
}

/*
 * %2442 = slice(%2439) : f32[4,16,16,1]  cbam.spatial_attention
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2442 -> A + 3961088
 * in  %2439 f32[4,16,16,2] <- A + 2621440
 */
void k156b2_slice(float *restrict y /* [4,16,16,1] */, const float *restrict x /* [4,16,16,2] */) {
    for (long o = 0; o < 1024; o++) memcpy(y + o * 1, x + o * 2 + 1, 1 * sizeof(float));
}

/*
 * %2443 = reduce_max_bwd(%2442, %2359) : f32[4,16,16,1280]  cbam.spatial_attention
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2443 -> A + 2621440
 * in  %2442 f32[4,16,16,1] <- A + 3961088
 * in  %2359 f32[4,16,16,1280] <- A + 1310720
 */
void k156b_reduce_max_bwd(
    float *restrict dx /* [4,16,16,1280] */,
    const float *restrict dy /* [4,16,16,1] */,
    const float *restrict x /* [4,16,16,1280] */) {
    /* dy routed to the first maximum over axes [3] of x [4, 16, 16, 1280] */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 1024; o++) {
        for (long i = 0; i < 1; i++) {
            long arg = 0;
            float best = x[(o * 1280) * 1 + i];
            for (long j = 1; j < 1280; j++) { const float v = x[(o * 1280 + j) * 1 + i]; if (v > best) { best = v; arg = j; } }
            for (long j = 0; j < 1280; j++) dx[(o * 1280 + j) * 1 + i] = j == arg ? dy[o * 1 + i] : 0.0f;
        }
    }
}

/*
 * %2340 = add(%2338, %2339) : f32[4,16,16,1280]  features.8.1
 * %2341 = silu(%2340) : f32[4,16,16,1280]  features.8.2
 * %2433 = expand(%2432) : f32[4,16,16,1280]  avgpool
 * %2434 = scale(%2433) : f32[4,16,16,1280]  avgpool
 * %2435 = mul(%2434, %2365) : f32[4,16,16,1280]  cbam.spatial_attention
 * %2444 = expand(%2441) : f32[4,16,16,1280]  cbam.spatial_attention
 * %2445 = scale(%2444) : f32[4,16,16,1280]  cbam.spatial_attention
 * %2446 = add_n(%2435, %2443, %2445) : f32[4,16,16,1280]  cbam.channel_attention
 * %2447 = mul(%2446, %2341) : f32[4,16,16,1280]  cbam.channel_attention
 * %2448 = reduce_sum(%2447) : f32[4,1,1,1280]  cbam.channel_attention
 * out %2448 -> A + 1310720
 * in  %2338 f32[4,16,16,1280] <- A + 0
 * in  %2339 f32[1,1,1,1280] <- A + 3957760
 * in  %2365 f32[4,16,16,1] <- A + 3959040
 * in  %2432 f32[4,1,1,1280] <- A + 3952640
 * in  %2441 f32[4,16,16,1] <- A + 3960064
 * in  %2443 f32[4,16,16,1280] <- A + 2621440
 */
void k154b_add_silu_expand_scale_reduce_sum(
    float *restrict y /* [4,1,1,1280] */,
    const float *restrict x /* [4,16,16,1280] */,
    const float *restrict bias /* [1,1,1,1280] */,
    const float *restrict scale /* [4,16,16,1] */,
    const float *restrict x2 /* [4,1,1,1280] */,
    const float *restrict x3 /* [4,16,16,1] */,
    const float *restrict x4 /* [4,16,16,1280] */) {
    /* sum over axes [1, 2] of [4, 16, 16, 1280]: (4, 256, 1280) -> (4, 1280) */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[1280];
        for (long q = 0; q < 1280; q++) acc[q] = 0.0;
        for (long j = 0; j < 256; j++) {
            for (long q = 0; q < 1280; q++) {
                const long r = o * 256 + j;
                const long c = q;
                const float t0 = x2[(r / 256) * 1280 + c];
                const float t1 = t0;
                const float t2 = 0.00390625f * t1;
                const float t3 = scale[r];
                const float t4 = t2 * t3;
                const float t5 = x4[r * 1280 + c];
                const float t6 = x3[r];
                const float t7 = t6;
                const float t8 = 0.00078125f * t7;
                const float t9 = t4 + t5 + t8;
                const float t10 = x[r * 1280 + c];
                const float t11 = bias[c];
                const float t12 = t10 + t11;
                const float t13 = t12 * ba_sigmoid(t12);
                const float t14 = t9 * t13;
                acc[q] += t14;
            }
        }
        for (long q = 0; q < 1280; q++) y[o * 1280 + q] = (float)(acc[q]);
    }
}

/*
 * %2356 = add(%2352, %2355) : f32[4,1280]  cbam.channel_attention
 * %2450 = sigmoid_bwd(%2449, %2356) : f32[4,1280]  cbam.channel_attention
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2450 -> A + 307200
 * in  %2352 f32[4,1280] <- A + 3942400
 * in  %2355 f32[4,1280] <- A + 3947520
 * in  %2449 f32[4,1280] <- A + 1310720
 */
void k154b_add_sigmoid_bwd(
    float *restrict dx /* [4,1280] */,
    const float *restrict a /* [4,1280] */,
    const float *restrict b /* [4,1280] */,
    const float *restrict dy /* [4,1280] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 1280; c++) {
            const long i = r * 1280 + c;
            const float t0 = dy[r * 1280 + c];
            const float t1 = a[r * 1280 + c];
            const float t2 = b[r * 1280 + c];
            const float t3 = t1 + t2;
            const float t4s = ba_sigmoid(t3);
            const float t4 = t0 * (t4s * (1.0f - t4s));
            dx[i] = t4;
        }
    }
}

/*
 * %2451 = matmul(%2450, %2345) : f32[4,80]  cbam.channel_attention.fc.2
 * 8 call sites share this function; the nodes and locations above are the first one's.
 * out %2451 -> A + 3942400
 * in  %2450 f32[4,1280] <- A + 307200
 * in  %2345 f32[1280,80] <- M + 52960756
 */
void k153b_matmul(
    float *restrict y /* [4,80] */,
    const float *restrict a /* [4,1280] */,
    const float *restrict b /* [1280,80] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 80, 1280, 1.0f, a, 1280, b, 80, 0.0f, y, 80);
}

/*
 * %2452 = matmul(%2450, %2354) : f32[1280,80]  cbam.channel_attention.fc.2
 * 8 call sites share this function; the nodes and locations above are the first one's.
 * out %2452 -> A + 0
 * in  %2450 f32[4,1280] <- A + 307200
 * in  %2354 f32[4,80] <- A + 3963072
 */
void k153b_matmul_tA(
    float *restrict y /* [1280,80] */,
    const float *restrict a /* [4,1280] */,
    const float *restrict b /* [4,80] */) {
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 1280, 80, 4, 1.0f, a, 1280, b, 80, 0.0f, y, 80);
}

/*
 * %2453 = relu_bwd(%2451, %2353) : f32[4,80]  cbam.channel_attention.fc.1
 * 8 call sites share this function; the nodes and locations above are the first one's.
 * out %2453 -> A + 3942720
 * in  %2353 f32[4,80] <- A + 3962752
 * in  %2451 f32[4,80] <- A + 3942400
 */
void k152b_relu_bwd(
    float *restrict dx /* [4,80] */,
    const float *restrict x /* [4,80] */,
    const float *restrict dy /* [4,80] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 80; c++) {
            const long i = r * 80 + c;
            const float t0 = dy[r * 80 + c];
            const float t1 = x[r * 80 + c];
            const float t2 = t1 > 0.0f ? t0 : 0.0f;
            dx[i] = t2;
        }
    }
}

/*
 * %2454 = matmul(%2453, %2349) : f32[80,1280]  cbam.channel_attention.fc.1.0
 * 8 call sites share this function; the nodes and locations above are the first one's.
 * out %2454 -> A + 102400
 * in  %2453 f32[4,80] <- A + 3942720
 * in  %2349 f32[4,1280] <- A + 3937280
 */
void k151b_matmul_tA(
    float *restrict y /* [80,1280] */,
    const float *restrict a /* [4,80] */,
    const float *restrict b /* [4,1280] */) {
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 80, 1280, 4, 1.0f, a, 80, b, 1280, 0.0f, y, 1280);
}

/*
 * %2459 = add_n(%2452, %2456) : f32[1280,80]  cbam.channel_attention.fc.2
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2459 -> A + 409600
 * in  %2452 f32[1280,80] <- A + 0
 * in  %2456 f32[1280,80] <- A + 204800
 */
void k153b_add_n(
    float *restrict y /* [1280,80] */,
    const float *restrict x /* [1280,80] */,
    const float *restrict x2 /* [1280,80] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1280; r++) {
        #pragma omp simd
        for (long c = 0; c < 80; c++) {
            const long i = r * 80 + c;
            const float t0 = x[r * 80 + c];
            const float t1 = x2[r * 80 + c];
            const float t2 = t0 + t1;
            y[i] = t2;
        }
    }
}

/*
 * %2454 = expand(%2453) : f32[4,16,16,1280]  avgpool
 * %2455 = scale(%2454) : f32[4,16,16,1280]  avgpool
 * %2456 = mul(%2455, %2387) : f32[4,16,16,1280]  cbam.spatial_attention
 * %2465 = expand(%2462) : f32[4,16,16,1280]  cbam.spatial_attention
 * %2466 = scale(%2465) : f32[4,16,16,1280]  cbam.spatial_attention
 * %2467 = add_n(%2456, %2464, %2466) : f32[4,16,16,1280]  cbam.channel_attention
 * %2469 = mul(%2467, %2363) : f32[4,16,16,1280]  cbam.channel_attention
 * %2470 = reduce_sum(%2469) : f32[4,1,1,1280]  cbam.channel_attention
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2470 -> A + 52601856
 * in  %2363 f32[4,16,16,1280] <- A + 47710208
 * in  %2387 f32[4,16,16,1] <- A + 52621824
 * in  %2453 f32[4,1,1,1280] <- A + 52606976
 * in  %2462 f32[4,16,16,1] <- A + 52619776
 * in  %2464 f32[4,16,16,1280] <- A + 50331648
 */
void k154b_expand_scale_mul_add_n_reduce_sum(
    float *restrict y /* [4,1,1,1280] */,
    const float *restrict b /* [4,16,16,1280] */,
    const float *restrict scale /* [4,16,16,1] */,
    const float *restrict x /* [4,1,1,1280] */,
    const float *restrict x2 /* [4,16,16,1] */,
    const float *restrict x3 /* [4,16,16,1280] */) {
    /* sum over axes [1, 2] of [4, 16, 16, 1280]: (4, 256, 1280) -> (4, 1280) */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[1280];
        for (long q = 0; q < 1280; q++) acc[q] = 0.0;
        for (long j = 0; j < 256; j++) {
            for (long q = 0; q < 1280; q++) {
                const long r = o * 256 + j;
                const long c = q;
                const float t0 = x[(r / 256) * 1280 + c];
                const float t1 = t0;
                const float t2 = 0.00390625f * t1;
                const float t3 = scale[r];
                const float t4 = t2 * t3;
                const float t5 = x3[r * 1280 + c];
                const float t6 = x2[r];
                const float t7 = t6;
                const float t8 = 0.00078125f * t7;
                const float t9 = t4 + t5 + t8;
                const float t10 = b[r * 1280 + c];
                const float t11 = t9 * t10;
                acc[q] += t11;
            }
        }
        for (long q = 0; q < 1280; q++) y[o * 1280 + q] = (float)(acc[q]);
    }
}

/*
 * %2476 = matmul(%2475, %2365) : f32[4,1280]  cbam.channel_attention.fc.1.0
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %2476 -> A + 52601856
 * in  %2475 f32[4,80] <- A + 52620800
 * in  %2365 f32[80,1280] <- M + 52858356
 */
void k151b_matmul(
    float *restrict y /* [4,1280] */,
    const float *restrict a /* [4,80] */,
    const float *restrict b /* [80,1280] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 1280, 80, 1.0f, a, 80, b, 1280, 0.0f, y, 1280);
}
