/* Kernels k096 to k111 and their backward kernels. */
#include "kernels.h"

/*
 * %874 = add(%872, %873) : f32[4,32,32,176]  features.5.5.block.3.1
 * %875 = add(%874, %828) : f32[4,32,32,176]  features.5.5
 * %921 = add(%919, %920) : f32[4,32,32,176]  features.5.6.block.3.1
 * %922 = add(%921, %875) : f32[4,32,32,176]  features.5.6
 * %968 = add(%966, %967) : f32[4,32,32,176]  features.5.7.block.3.1
 * %969 = add(%968, %922) : f32[4,32,32,176]  features.5.7
 * %977 = conv2d(%969, %975) : f32[4,32,32,1056]  features.5.8.block.0.0
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %977 -> A + 0
 * in  %828 f32[4,32,32,176] <- A + 11534336
 * in  %872 f32[4,32,32,176] <- A + 8650752
 * in  %873 f32[1,1,1,176] <- A + 12976128
 * in  %919 f32[4,32,32,176] <- A + 9371648
 * in  %920 f32[1,1,1,176] <- A + 12976304
 * in  %966 f32[4,32,32,176] <- A + 10092544
 * in  %967 f32[1,1,1,176] <- A + 12976480
 * in  %975 f32[1056,176,1,1] <- A + 10813440
 */
void k096_add_conv1x1(
    float *restrict y /* [4,32,32,1056] */,
    const float *restrict b /* [4,32,32,176] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict bias /* [1,1,1,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict bias2 /* [1,1,1,176] */,
    const float *restrict x3 /* [4,32,32,176] */,
    const float *restrict bias3 /* [1,1,1,176] */,
    const float *restrict w /* [1056,176,1,1] */) {
    /* y (4096, 1056) = f(x) (4096, 176) · wᵀ: tiles of 342 rows of f(x) computed into scratch, one sgemm each */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 1056, 176, w, 176);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 60192);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 12; t++) {
            const long m0 = t * 342, rows = m0 + 342 <= 4096 ? 342 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 176; c++) {
                    const float t0 = x3[r * 176 + c];
                    const float t1 = bias3[c];
                    const float t2 = t0 + t1;
                    const float t3 = x2[r * 176 + c];
                    const float t4 = bias2[c];
                    const float t5 = t3 + t4;
                    const float t6 = x[r * 176 + c];
                    const float t7 = bias[c];
                    const float t8 = t6 + t7;
                    const float t9 = b[r * 176 + c];
                    const float t10 = t8 + t9;
                    const float t11 = t5 + t10;
                    const float t12 = t2 + t11;
                    tile[(r - m0) * 176 + c] = t12;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1056, 176, 1.0f, tile, 176, w_f32, 0.0f, y + m0 * 1056, 1056);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %874 = add(%872, %873) : f32[4,32,32,176]  features.5.5.block.3.1
 * %875 = add(%874, %828) : f32[4,32,32,176]  features.5.5
 * %921 = add(%919, %920) : f32[4,32,32,176]  features.5.6.block.3.1
 * %922 = add(%921, %875) : f32[4,32,32,176]  features.5.6
 * %968 = add(%966, %967) : f32[4,32,32,176]  features.5.7.block.3.1
 * %969 = add(%968, %922) : f32[4,32,32,176]  features.5.7
 * %1015 = add(%1013, %1014) : f32[4,32,32,176]  features.5.8.block.3.1
 * %1016 = add(%1015, %969) : f32[4,32,32,176]  features.5.8
 * %1024 = conv2d(%1016, %1022) : f32[4,32,32,1056]  features.5.9.block.0.0
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %1024 -> A + 0
 * in  %828 f32[4,32,32,176] <- A + 11534336
 * in  %872 f32[4,32,32,176] <- A + 8650752
 * in  %873 f32[1,1,1,176] <- A + 12976128
 * in  %919 f32[4,32,32,176] <- A + 9371648
 * in  %920 f32[1,1,1,176] <- A + 12976304
 * in  %966 f32[4,32,32,176] <- A + 10092544
 * in  %967 f32[1,1,1,176] <- A + 12976480
 * in  %1013 f32[4,32,32,176] <- A + 10813440
 * in  %1014 f32[1,1,1,176] <- A + 12976656
 * in  %1022 f32[1056,176,1,1] <- A + 4325376
 */
void k097_add_conv1x1(
    float *restrict y /* [4,32,32,1056] */,
    const float *restrict b /* [4,32,32,176] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict bias /* [1,1,1,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict bias2 /* [1,1,1,176] */,
    const float *restrict x3 /* [4,32,32,176] */,
    const float *restrict bias3 /* [1,1,1,176] */,
    const float *restrict x4 /* [4,32,32,176] */,
    const float *restrict bias4 /* [1,1,1,176] */,
    const float *restrict w /* [1056,176,1,1] */) {
    /* y (4096, 1056) = f(x) (4096, 176) · wᵀ: tiles of 342 rows of f(x) computed into scratch, one sgemm each */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 1056, 176, w, 176);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 60192);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 12; t++) {
            const long m0 = t * 342, rows = m0 + 342 <= 4096 ? 342 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 176; c++) {
                    const float t0 = x4[r * 176 + c];
                    const float t1 = bias4[c];
                    const float t2 = t0 + t1;
                    const float t3 = x3[r * 176 + c];
                    const float t4 = bias3[c];
                    const float t5 = t3 + t4;
                    const float t6 = x2[r * 176 + c];
                    const float t7 = bias2[c];
                    const float t8 = t6 + t7;
                    const float t9 = x[r * 176 + c];
                    const float t10 = bias[c];
                    const float t11 = t9 + t10;
                    const float t12 = b[r * 176 + c];
                    const float t13 = t11 + t12;
                    const float t14 = t8 + t13;
                    const float t15 = t5 + t14;
                    const float t16 = t2 + t15;
                    tile[(r - m0) * 176 + c] = t16;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1056, 176, 1.0f, tile, 176, w_f32, 0.0f, y + m0 * 1056, 1056);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %874 = add(%872, %873) : f32[4,32,32,176]  features.5.5.block.3.1
 * %875 = add(%874, %828) : f32[4,32,32,176]  features.5.5
 * %921 = add(%919, %920) : f32[4,32,32,176]  features.5.6.block.3.1
 * %922 = add(%921, %875) : f32[4,32,32,176]  features.5.6
 * %968 = add(%966, %967) : f32[4,32,32,176]  features.5.7.block.3.1
 * %969 = add(%968, %922) : f32[4,32,32,176]  features.5.7
 * %1015 = add(%1013, %1014) : f32[4,32,32,176]  features.5.8.block.3.1
 * %1016 = add(%1015, %969) : f32[4,32,32,176]  features.5.8
 * %1062 = add(%1060, %1061) : f32[4,32,32,176]  features.5.9.block.3.1
 * %1063 = add(%1062, %1016) : f32[4,32,32,176]  features.5.9
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %1063 -> A + 12255232
 * in  %828 f32[4,32,32,176] <- A + 11534336
 * in  %872 f32[4,32,32,176] <- A + 8650752
 * in  %873 f32[1,1,1,176] <- A + 12976128
 * in  %919 f32[4,32,32,176] <- A + 9371648
 * in  %920 f32[1,1,1,176] <- A + 12976304
 * in  %966 f32[4,32,32,176] <- A + 10092544
 * in  %967 f32[1,1,1,176] <- A + 12976480
 * in  %1013 f32[4,32,32,176] <- A + 10813440
 * in  %1014 f32[1,1,1,176] <- A + 12976656
 * in  %1060 f32[4,32,32,176] <- A + 4325376
 * in  %1061 f32[1,1,1,176] <- A + 5236352
 */
void k098_add(
    float *restrict y /* [4,32,32,176] */,
    const float *restrict b /* [4,32,32,176] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict bias /* [1,1,1,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict bias2 /* [1,1,1,176] */,
    const float *restrict x3 /* [4,32,32,176] */,
    const float *restrict bias3 /* [1,1,1,176] */,
    const float *restrict x4 /* [4,32,32,176] */,
    const float *restrict bias4 /* [1,1,1,176] */,
    const float *restrict x5 /* [4,32,32,176] */,
    const float *restrict bias5 /* [1,1,1,176] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 176; c++) {
            const long i = r * 176 + c;
            const float t0 = x5[r * 176 + c];
            const float t1 = bias5[c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 176 + c];
            const float t4 = bias4[c];
            const float t5 = t3 + t4;
            const float t6 = x3[r * 176 + c];
            const float t7 = bias3[c];
            const float t8 = t6 + t7;
            const float t9 = x2[r * 176 + c];
            const float t10 = bias2[c];
            const float t11 = t9 + t10;
            const float t12 = x[r * 176 + c];
            const float t13 = bias[c];
            const float t14 = t12 + t13;
            const float t15 = b[r * 176 + c];
            const float t16 = t14 + t15;
            const float t17 = t11 + t16;
            const float t18 = t8 + t17;
            const float t19 = t5 + t18;
            const float t20 = t2 + t19;
            y[i] = t20;
        }
    }
}

/*
 * %1270 = conv2d(%1262, %1268) : f32[4,16,16,1056]  features.6.0.block.1.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %1270 -> A + 0
 * in  %1262 f32[4,32,32,1056] <- A + 4325376
 * in  %1268 f32[1056,1,3,3] <- A + 1081344
 */
void k099_dwconv3x3s2(
    float *restrict y /* [4,16,16,1056] */,
    const float *restrict x /* [4,32,32,1056] */,
    const float *restrict w /* [1056,1,3,3] */) {
    /* x (4,32,32,1056) w (1056,1,3,3) y (4,16,16,1056) stride 2 pad 1 groups 1056 */
    /* Depthwise: y[n, oh, ow, c] = Σ_{r, s} x[n, ih, iw, c] · wt[r, s, c], channels innermost (vectorised),
     * one output row per work item. */
    float *restrict wt = malloc(sizeof(float) * 9504);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 1056; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 1056 + c] = w[(c * 3 + r) * 3 + s];
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long oh = 0; oh < 16; oh++) {
            for (long ow = 0; ow < 16; ow++) {
                float *restrict yp = y + ((n * 16 + oh) * 16 + ow) * 1056;
                if (oh * 2 - 1 >= 0 && oh * 2 + 1 < 32 && ow * 2 - 1 >= 0 && ow * 2 + 1 < 32) {
                    /* every tap inside x: one sum per channel, the taps in the order of the loops below */
                    const float *restrict x0 = x + ((n * 32 + oh * 2 - 1) * 32 + ow * 2 - 1) * 1056;
                    for (long c = 0; c < 1056; c++)
                        yp[c] = x0[c] * wt[c] + x0[1056 + c] * wt[1056 + c] + x0[2112 + c] * wt[2112 + c]
                            + x0[33792 + c] * wt[3168 + c] + x0[34848 + c] * wt[4224 + c] + x0[35904 + c] * wt[5280 + c]
                            + x0[67584 + c] * wt[6336 + c] + x0[68640 + c] * wt[7392 + c] + x0[69696 + c] * wt[8448 + c];
                    continue;
                }
                for (long c = 0; c < 1056; c++) yp[c] = 0.0f;
                for (long r = 0; r < 3; r++) {
                    const long ih = oh * 2 - 1 + r;
                    if (ih < 0 || ih >= 32) continue;
                    for (long s = 0; s < 3; s++) {
                        const long iw = ow * 2 - 1 + s;
                        if (iw < 0 || iw >= 32) continue;
                        const float *restrict xp = x + ((n * 32 + ih) * 32 + iw) * 1056, *restrict wr = wt + (r * 3 + s) * 1056;
                        for (long c = 0; c < 1056; c++) yp[c] += xp[c] * wr[c];
                    }
                }
            }
        }
    }
    free(wt);
}

/*
 * %1272 = add(%1270, %1271) : f32[4,16,16,1056]  features.6.0.block.1.1
 * %1273 = silu(%1272) : f32[4,16,16,1056]  features.6.0.block.1.2
 * %1274 = reduce_mean(%1273) : f32[4,1,1,1056]  features.6.0.block.2.avgpool
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %1274 -> A + 1081344
 * in  %1270 f32[4,16,16,1056] <- A + 0
 * in  %1271 f32[1,1,1,1056] <- A + 4046848
 */
void k100_add_silu_reduce_mean(
    float *restrict y /* [4,1,1,1056] */,
    const float *restrict x /* [4,16,16,1056] */,
    const float *restrict bias /* [1,1,1,1056] */) {
    /* mean over axes [1, 2] of [4, 16, 16, 1056]: (4, 256, 1056) -> (4, 1056) */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[1056];
        for (long q = 0; q < 1056; q++) acc[q] = 0.0;
        for (long j = 0; j < 256; j++) {
            for (long q = 0; q < 1056; q++) {
                const long r = o * 256 + j;
                const long c = q;
                const float t0 = x[r * 1056 + c];
                const float t1 = bias[c];
                const float t2 = t0 + t1;
                const float t3 = t2 * ba_sigmoid(t2);
                acc[q] += t3;
            }
        }
        for (long q = 0; q < 1056; q++) y[o * 1056 + q] = (float)(acc[q] / 256.0);
    }
}

/*
 * %1293 = bn_fold_weight(%1288, %1289, %1292) : f32[304,1056,1,1]  features.6.0.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %1293 -> A + 1081344
 * in  %1288 f32[304,1056,1,1] <- M + 10169436 (features.6.0.block.3.0.weight)
 * in  %1289 f32[304] <- M + 10490460 (features.6.0.block.3.1.weight)
 * in  %1292 f32[304] <- M + 53945993 (features.6.0.block.3.1.running_var)
 */
void k101_bn_fold_weight(
    float *restrict w_folded /* [304,1056,1,1] */,
    const float *restrict w /* [304,1056,1,1] */,
    const float *restrict gamma /* [304] */,
    const float *restrict running_var /* [304] */) {
    /* w (304, 1056) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 304; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 1056; j++) w_folded[k * 1056 + j] = w[k * 1056 + j] * s;
    }
}

/*
 * %1294 = bn_fold_bias(%1289, %1290, %1291, %1292) : f32[304]  features.6.0.block.3.1
 * 36 call sites share this function; the nodes and locations above are the first one's.
 * out %1294 -> A + 5292032
 * in  %1289 f32[304] <- M + 10490460 (features.6.0.block.3.1.weight)
 * in  %1290 f32[304] <- M + 10490764 (features.6.0.block.3.1.bias)
 * in  %1291 f32[304] <- M + 53945689 (features.6.0.block.3.1.running_mean)
 * in  %1292 f32[304] <- M + 53945993 (features.6.0.block.3.1.running_var)
 */
void k102_bn_fold_bias(
    float *restrict bias_folded /* [304] */,
    const float *restrict gamma /* [304] */,
    const float *restrict beta /* [304] */,
    const float *restrict running_mean /* [304] */,
    const float *restrict running_var /* [304] */) {
    for (long k = 0; k < 304; k++) bias_folded[k] = beta[k] - running_mean[k] * gamma[k] / sqrtf(running_var[k] + 0.001f);
}

/*
 * %1272 = add(%1270, %1271) : f32[4,16,16,1056]  features.6.0.block.1.1
 * %1273 = silu(%1272) : f32[4,16,16,1056]  features.6.0.block.1.2
 * %1287 = mul(%1273, %1286) : f32[4,16,16,1056]  features.6.0.block.2
 * %1295 = conv2d(%1287, %1293) : f32[4,16,16,304]  features.6.0.block.3.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %1295 -> A + 3735552
 * in  %1270 f32[4,16,16,1056] <- A + 0
 * in  %1271 f32[1,1,1,1056] <- A + 4046848
 * in  %1286 f32[4,1,1,1056] <- A + 1402368
 * in  %1293 f32[304,1056,1,1] <- A + 1081344
 */
void k103_add_silu_mul_conv1x1(
    float *restrict y /* [4,16,16,304] */,
    const float *restrict x /* [4,16,16,1056] */,
    const float *restrict bias /* [1,1,1,1056] */,
    const float *restrict scale /* [4,1,1,1056] */,
    const float *restrict w /* [304,1056,1,1] */) {
    /* y (1024, 304) = f(x) (1024, 1056) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 304, 1056, w, 1056);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 270336);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 1056; c++) {
                    const float t0 = x[r * 1056 + c];
                    const float t1 = bias[c];
                    const float t2 = t0 + t1;
                    const float t3 = t2 * ba_sigmoid(t2);
                    const float t4 = scale[(r / 256) * 1056 + c];
                    const float t5 = t3 * t4;
                    tile[(r - m0) * 1056 + c] = t5;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 304, 1056, 1.0f, tile, 1056, w_f32, 0.0f, y + m0 * 304, 304);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %1303 = bn_fold_weight(%1298, %1299, %1302) : f32[1824,304,1,1]  features.6.1.block.0.1
 * 36 call sites share this function; the nodes and locations above are the first one's.
 * out %1303 -> A + 1867776
 * in  %1298 f32[1824,304,1,1] <- M + 10491068 (features.6.1.block.0.0.weight)
 * in  %1299 f32[1824] <- M + 11045564 (features.6.1.block.0.1.weight)
 * in  %1302 f32[1824] <- M + 53948121 (features.6.1.block.0.1.running_var)
 */
void k104_bn_fold_weight(
    float *restrict w_folded /* [1824,304,1,1] */,
    const float *restrict w /* [1824,304,1,1] */,
    const float *restrict gamma /* [1824] */,
    const float *restrict running_var /* [1824] */) {
    /* w (1824, 304) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 1824; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 304; j++) w_folded[k * 304 + j] = w[k * 304 + j] * s;
    }
}

/*
 * %1304 = bn_fold_bias(%1299, %1300, %1301, %1302) : f32[1824]  features.6.1.block.0.1
 * 72 call sites share this function; the nodes and locations above are the first one's.
 * out %1304 -> A + 4046848
 * in  %1299 f32[1824] <- M + 11045564 (features.6.1.block.0.1.weight)
 * in  %1300 f32[1824] <- M + 11047388 (features.6.1.block.0.1.bias)
 * in  %1301 f32[1824] <- M + 53946297 (features.6.1.block.0.1.running_mean)
 * in  %1302 f32[1824] <- M + 53948121 (features.6.1.block.0.1.running_var)
 */
void k105_bn_fold_bias(
    float *restrict bias_folded /* [1824] */,
    const float *restrict gamma /* [1824] */,
    const float *restrict beta /* [1824] */,
    const float *restrict running_mean /* [1824] */,
    const float *restrict running_var /* [1824] */) {
    for (long k = 0; k < 1824; k++) bias_folded[k] = beta[k] - running_mean[k] * gamma[k] / sqrtf(running_var[k] + 0.001f);
}

/*
 * %1297 = add(%1295, %1296) : f32[4,16,16,304]  features.6.0.block.3.1
 * %1305 = conv2d(%1297, %1303) : f32[4,16,16,1824]  features.6.1.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %1305 -> A + 0
 * in  %1295 f32[4,16,16,304] <- A + 3735552
 * in  %1296 f32[1,1,1,304] <- A + 5292032
 * in  %1303 f32[1824,304,1,1] <- A + 1867776
 */
void k106_add_conv1x1(
    float *restrict y /* [4,16,16,1824] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict bias /* [1,1,1,304] */,
    const float *restrict w /* [1824,304,1,1] */) {
    /* y (1024, 1824) = f(x) (1024, 304) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
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
                    const float t1 = bias[c];
                    const float t2 = t0 + t1;
                    tile[(r - m0) * 304 + c] = t2;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1824, 304, 1.0f, tile, 304, w_f32, 0.0f, y + m0 * 1824, 1824);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %1307 = add(%1305, %1306) : f32[4,16,16,1824]  features.6.1.block.0.1
 * %1308 = silu(%1307) : f32[4,16,16,1824]  features.6.1.block.0.2
 * 36 call sites share this function; the nodes and locations above are the first one's.
 * out %1308 -> A + 1867776
 * in  %1305 f32[4,16,16,1824] <- A + 0
 * in  %1306 f32[1,1,1,1824] <- A + 4046848
 */
void k107_add_silu(
    float *restrict y /* [4,16,16,1824] */,
    const float *restrict x /* [4,16,16,1824] */,
    const float *restrict bias /* [1,1,1,1824] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 1824; c++) {
            const long i = r * 1824 + c;
            const float t0 = x[r * 1824 + c];
            const float t1 = bias[c];
            const float t2 = t0 + t1;
            const float t3 = t2 * ba_sigmoid(t2);
            y[i] = t3;
        }
    }
}

/*
 * %1314 = bn_fold_weight(%1309, %1310, %1313) : f32[1824,1,3,3]  features.6.1.block.1.1
 * 36 call sites share this function; the nodes and locations above are the first one's.
 * out %1314 -> A + 4046848
 * in  %1309 f32[1824,1,3,3] <- M + 11049212 (features.6.1.block.1.0.weight)
 * in  %1310 f32[1824] <- M + 11065628 (features.6.1.block.1.1.weight)
 * in  %1313 f32[1824] <- M + 53951769 (features.6.1.block.1.1.running_var)
 */
void k108_bn_fold_weight(
    float *restrict w_folded /* [1824,1,3,3] */,
    const float *restrict w /* [1824,1,3,3] */,
    const float *restrict gamma /* [1824] */,
    const float *restrict running_var /* [1824] */) {
    /* w (1824, 9) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 1824; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 9; j++) w_folded[k * 9 + j] = w[k * 9 + j] * s;
    }
}

/*
 * %1316 = conv2d(%1308, %1314) : f32[4,16,16,1824]  features.6.1.block.1.0
 * 36 call sites share this function; the nodes and locations above are the first one's.
 * out %1316 -> A + 0
 * in  %1308 f32[4,16,16,1824] <- A + 1867776
 * in  %1314 f32[1824,1,3,3] <- A + 4046848
 */
void k109_dwconv3x3(
    float *restrict y /* [4,16,16,1824] */,
    const float *restrict x /* [4,16,16,1824] */,
    const float *restrict w /* [1824,1,3,3] */) {
    /* x (4,16,16,1824) w (1824,1,3,3) y (4,16,16,1824) stride 1 pad 1 groups 1824 */
    float *restrict wt = malloc(sizeof(float) * 16416);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 1824; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 1824 + c] = w[(c * 3 + r) * 3 + s];
    /* Depthwise 3x3 as a sliding window: per output row and block of 16 channels, the weights and the 3x3
     * window of x stay in registers while ow moves right; rows and columns outside x are zeros. */
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long oh = 0; oh < 16; oh++) {
            const int up = oh > 0, down = oh + 1 < 16;
            const long o1 = (n * 16 + oh) * 29184, o0 = o1 - 29184, o2 = o1 + 29184;
            for (long c = 0; c < 1824; c += 16) {
                const ba_v16 zero = {0};
                const ba_v16 w00 = *(const ba_v16 *)(wt + c), w01 = *(const ba_v16 *)(wt + 1824 + c), w02 = *(const ba_v16 *)(wt + 3648 + c);
                const ba_v16 w10 = *(const ba_v16 *)(wt + 5472 + c), w11 = *(const ba_v16 *)(wt + 7296 + c), w12 = *(const ba_v16 *)(wt + 9120 + c);
                const ba_v16 w20 = *(const ba_v16 *)(wt + 10944 + c), w21 = *(const ba_v16 *)(wt + 12768 + c), w22 = *(const ba_v16 *)(wt + 14592 + c);
                ba_v16 v00 = zero, v10 = zero, v20 = zero;
                ba_v16 v01 = up ? *(const ba_v16 *)(x + o0 + c) : zero, v11 = *(const ba_v16 *)(x + o1 + c), v21 = down ? *(const ba_v16 *)(x + o2 + c) : zero;
                for (long col = 0; col < 16; col++) {
                    ba_v16 v02 = zero, v12 = zero, v22 = zero;
                    if (col + 1 < 16) {
                        const long next = (col + 1) * 1824 + c;
                        if (up) { v02 = *(const ba_v16 *)(x + o0 + next); __builtin_prefetch(x + o0 + next + 16); }
                        v12 = *(const ba_v16 *)(x + o1 + next); __builtin_prefetch(x + o1 + next + 16);
                        if (down) { v22 = *(const ba_v16 *)(x + o2 + next); __builtin_prefetch(x + o2 + next + 16); }
                    }
                    const ba_v16 v = v00 * w00 + v01 * w01 + v02 * w02
                        + v10 * w10 + v11 * w11 + v12 * w12
                        + v20 * w20 + v21 * w21 + v22 * w22;
                    *(ba_v16 *)(y + o1 + col * 1824 + c) = v;
                    __builtin_prefetch(y + o1 + col * 1824 + c + 16, 1);
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
            }
        }
    }
    free(wt);
}

/*
 * %1318 = add(%1316, %1317) : f32[4,16,16,1824]  features.6.1.block.1.1
 * %1319 = silu(%1318) : f32[4,16,16,1824]  features.6.1.block.1.2
 * %1320 = reduce_mean(%1319) : f32[4,1,1,1824]  features.6.1.block.2.avgpool
 * 36 call sites share this function; the nodes and locations above are the first one's.
 * out %1320 -> A + 1867776
 * in  %1316 f32[4,16,16,1824] <- A + 0
 * in  %1317 f32[1,1,1,1824] <- A + 4358144
 */
void k110_add_silu_reduce_mean(
    float *restrict y /* [4,1,1,1824] */,
    const float *restrict x /* [4,16,16,1824] */,
    const float *restrict bias /* [1,1,1,1824] */) {
    /* mean over axes [1, 2] of [4, 16, 16, 1824]: (4, 256, 1824) -> (4, 1824) */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[1824];
        for (long q = 0; q < 1824; q++) acc[q] = 0.0;
        for (long j = 0; j < 256; j++) {
            for (long q = 0; q < 1824; q++) {
                const long r = o * 256 + j;
                const long c = q;
                const float t0 = x[r * 1824 + c];
                const float t1 = bias[c];
                const float t2 = t0 + t1;
                const float t3 = t2 * ba_sigmoid(t2);
                acc[q] += t3;
            }
        }
        for (long q = 0; q < 1824; q++) y[o * 1824 + q] = (float)(acc[q] / 256.0);
    }
}

/*
 * %1325 = linear(%1321, %1323, %1324) : f32[4,76]  features.6.1.block.2.fc1
 * 90 call sites share this function; the nodes and locations above are the first one's.
 * out %1325 -> A + 4046848
 * in  %1321 f32[4,1824] <- A + 1867776
 * in  %1323 f32[76,1824] <- M + 11069276
 * in  %1324 f32[76] <- M + 11207900 (features.6.1.block.2.fc1.bias)
 */
void k111_linear(
    float *restrict y /* [4,76] */,
    const float *restrict x /* [4,1824] */,
    const float *restrict w /* [76,1824] */,
    const float *restrict bias /* [76] */) {
    /* y (4,76) = x (4,1824) · wᵀ (1824,76) + b */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 76, 1824, 1.0f, x, 1824, w, 1824, 0.0f, y, 76);
    for (long n = 0; n < 4; n++) for (long k = 0; k < 76; k++) y[n * 76 + k] += bias[k];
}

/*
 * %2713 = matmul(%2712, %2140) : f32[4,1824]  features.7.0.block.2.fc1
 * 54 call sites share this function; the nodes and locations above are the first one's.
 * out %2713 -> A + 169273856
 * in  %2712 f32[4,76] <- A + 169502192
 * in  %2140 f32[76,1824] <- M + 35081096
 */
void k111b_matmul(
    float *restrict y /* [4,1824] */,
    const float *restrict a /* [4,76] */,
    const float *restrict b /* [76,1824] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 1824, 76, 1.0f, a, 76, b, 1824, 0.0f, y, 1824);
}

/*
 * %2714 = matmul(%2712, %2138) : f32[76,1824]  features.7.0.block.2.fc1
 * %2717 = reshape(%2714) : f32[76,1824,1,1]  features.7.0.block.2.fc1
 * %4082 = add(%4081, %2717) : f32[76,1824,1,1]  features.7.0.block.2.fc1.weight
 * 54 call sites share this function; the nodes and locations above are the first one's.
 * out %4082 -> G + 35081096
 * in  %2712 f32[4,76] <- A + 169502192
 * in  %2138 f32[4,1824] <- A + 169266560
 * in  %4081 f32[76,1824,1,1] <- G + 35081096 (features.7.0.block.2.fc1.weight)
 */
void k111b_matmul_tA_acc(
    float *restrict grad /* [76,1824,1,1] */,
    const float *restrict a /* [4,76] */,
    const float *restrict b /* [4,1824] */) {
    /* accumulated into the gradient: beta = 1 */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 76, 1824, 4, 1.0f, a, 76, b, 1824, 1.0f, grad, 1824);
}

/*
 * %2715 = reduce_sum(%2712) : f32[1,76]  features.7.0.block.2.fc1
 * %2716 = reshape(%2715) : f32[76]  features.7.0.block.2.fc1
 * %4084 = add(%4083, %2716) : f32[76]  features.7.0.block.2.fc1.bias
 * 54 call sites share this function; the nodes and locations above are the first one's.
 * out %4084 -> G + 35219720
 * in  %2712 f32[4,76] <- A + 169502192
 * in  %4083 f32[76] <- G + 35219720 (features.7.0.block.2.fc1.bias)
 */
void k111b_reduce_sum_acc(float *restrict grad /* [76] */, const float *restrict x /* [4,76] */) {
    /* sum over axes [0] of [4, 76]: (1, 4, 76) -> (1, 76) */
    for (long o = 0; o < 1; o++) {
        double acc[76];
        for (long q = 0; q < 76; q++) acc[q] = 0.0;
        for (long j = 0; j < 4; j++) {
            for (long q = 0; q < 76; q++) {
                const long r = o * 4 + j;
                const long c = q;
                const float t0 = x[r * 76 + c];
                acc[q] += t0;
            }
        }
        for (long q = 0; q < 76; q++) grad[o * 76 + q] += (float)(acc[q]);
    }
}

/*
 * %1109 = add(%1107, %1108) : f32[4,32,32,176]  features.5.10.block.3.1
 * %1110 = add(%1109, %1063) : f32[4,32,32,176]  features.5.10
 * %1156 = add(%1154, %1155) : f32[4,32,32,176]  features.5.11.block.3.1
 * %1157 = add(%1156, %1110) : f32[4,32,32,176]  features.5.11
 * %1203 = add(%1201, %1202) : f32[4,32,32,176]  features.5.12.block.3.1
 * %1204 = add(%1203, %1157) : f32[4,32,32,176]  features.5.12
 * %1250 = add(%1248, %1249) : f32[4,32,32,176]  features.5.13.block.3.1
 * %1251 = add(%1250, %1204) : f32[4,32,32,176]  features.5.13
 * %3600 = conv2d_bwd_weight(%3595, %1251) : f32[1056,176,1,1]  features.6.0.block.0.0
 * %3602 = add(%3601, %3600) : f32[1056,176,1,1]  features.6.0.block.0.0.weight
 * out %3602 -> G + 9875824
 * in  %1063 f32[4,32,32,176] <- A + 154632192
 * in  %1107 f32[4,32,32,176] <- A + 155353088
 * in  %1108 f32[1,1,1,176] <- A + 169516928
 * in  %1154 f32[4,32,32,176] <- A + 156073984
 * in  %1155 f32[1,1,1,176] <- A + 169517104
 * in  %1201 f32[4,32,32,176] <- A + 156794880
 * in  %1202 f32[1,1,1,176] <- A + 169517280
 * in  %1248 f32[4,32,32,176] <- A + 157515776
 * in  %1249 f32[1,1,1,176] <- A + 169517456
 * in  %3595 f32[4,32,32,1056] <- A + 4325376
 * in  %3601 f32[1056,176,1,1] <- G + 9875824 (features.6.0.block.0.0.weight)
 */
void k097b_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [1056,176,1,1] */,
    const float *restrict b /* [4,32,32,176] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict bias /* [1,1,1,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict bias2 /* [1,1,1,176] */,
    const float *restrict x3 /* [4,32,32,176] */,
    const float *restrict bias3 /* [1,1,1,176] */,
    const float *restrict x4 /* [4,32,32,176] */,
    const float *restrict bias4 /* [1,1,1,176] */,
    const float *restrict dy /* [4,32,32,1056] */) {
    /* dw (1056, 176) += dyᵀ (1056, 4096) · f(x) (4096, 176), f(x) recomputed in tiles of 342 rows */
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 185856);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 185856;
        float *restrict tile = malloc(sizeof(float) * 60192);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 12; t++) {
            const long m0 = t * 342, rows = m0 + 342 <= 4096 ? 342 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 176; c++) {
                    const float t0 = x4[r * 176 + c];
                    const float t1 = bias4[c];
                    const float t2 = t0 + t1;
                    const float t3 = x3[r * 176 + c];
                    const float t4 = bias3[c];
                    const float t5 = t3 + t4;
                    const float t6 = x2[r * 176 + c];
                    const float t7 = bias2[c];
                    const float t8 = t6 + t7;
                    const float t9 = x[r * 176 + c];
                    const float t10 = bias[c];
                    const float t11 = t9 + t10;
                    const float t12 = b[r * 176 + c];
                    const float t13 = t11 + t12;
                    const float t14 = t8 + t13;
                    const float t15 = t5 + t14;
                    const float t16 = t2 + t15;
                    tile[(r - m0) * 176 + c] = t16;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 1056, 176, rows, 1.0f, dy + m0 * 1056, 1056, tile, 176, first ? 0.0f : 1.0f, mine, 176);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 185856);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 185856; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 185856 + j];
            grad[j] += s;
        }
    }
    free(part);
}
