/* Kernels k112 to k127 and their backward kernels. */
#include "kernels.h"

/*
 * %1326 = silu(%1325) : f32[4,76]  features.6.1.block.2.activation
 * 90 call sites share this function; the nodes and locations above are the first one's.
 * out %1326 -> A + 4047152
 * in  %1325 f32[4,76] <- A + 4046848
 */
void k112_silu(float *restrict y /* [4,76] */, const float *restrict x /* [4,76] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 76; c++) {
            const long i = r * 76 + c;
            const float t0 = x[r * 76 + c];
            const float t1 = t0 * ba_sigmoid(t0);
            y[i] = t1;
        }
    }
}

/*
 * %1330 = linear(%1326, %1328, %1329) : f32[4,1824]  features.6.1.block.2.fc2
 * 90 call sites share this function; the nodes and locations above are the first one's.
 * out %1330 -> A + 1867776
 * in  %1326 f32[4,76] <- A + 4047152
 * in  %1328 f32[1824,76] <- M + 11207976
 * in  %1329 f32[1824] <- M + 11346600 (features.6.1.block.2.fc2.bias)
 */
void k113_linear(
    float *restrict y /* [4,1824] */,
    const float *restrict x /* [4,76] */,
    const float *restrict w /* [1824,76] */,
    const float *restrict bias /* [1824] */) {
    /* y (4,1824) = x (4,76) · wᵀ (76,1824) + b */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 1824, 76, 1.0f, x, 76, w, 76, 0.0f, y, 1824);
    for (long n = 0; n < 4; n++) for (long k = 0; k < 1824; k++) y[n * 1824 + k] += bias[k];
}

/*
 * %1331 = sigmoid(%1330) : f32[4,1824]  features.6.1.block.2.scale_activation
 * 90 call sites share this function; the nodes and locations above are the first one's.
 * out %1331 -> A + 2422272
 * in  %1330 f32[4,1824] <- A + 1867776
 */
void k114_sigmoid(float *restrict y /* [4,1824] */, const float *restrict x /* [4,1824] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 1824; c++) {
            const long i = r * 1824 + c;
            const float t0 = x[r * 1824 + c];
            const float t1 = ba_sigmoid(t0);
            y[i] = t1;
        }
    }
}

/*
 * %1339 = bn_fold_weight(%1334, %1335, %1338) : f32[304,1824,1,1]  features.6.1.block.3.1
 * 34 call sites share this function; the nodes and locations above are the first one's.
 * out %1339 -> A + 1867776
 * in  %1334 f32[304,1824,1,1] <- M + 11348424 (features.6.1.block.3.0.weight)
 * in  %1335 f32[304] <- M + 11902920 (features.6.1.block.3.1.weight)
 * in  %1338 f32[304] <- M + 53953897 (features.6.1.block.3.1.running_var)
 */
void k115_bn_fold_weight(
    float *restrict w_folded /* [304,1824,1,1] */,
    const float *restrict w /* [304,1824,1,1] */,
    const float *restrict gamma /* [304] */,
    const float *restrict running_var /* [304] */) {
    /* w (304, 1824) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 304; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 1824; j++) w_folded[k * 1824 + j] = w[k * 1824 + j] * s;
    }
}

/*
 * %1318 = add(%1316, %1317) : f32[4,16,16,1824]  features.6.1.block.1.1
 * %1319 = silu(%1318) : f32[4,16,16,1824]  features.6.1.block.1.2
 * %1333 = mul(%1319, %1332) : f32[4,16,16,1824]  features.6.1.block.2
 * %1341 = conv2d(%1333, %1339) : f32[4,16,16,304]  features.6.1.block.3.0
 * 34 call sites share this function; the nodes and locations above are the first one's.
 * out %1341 -> A + 4046848
 * in  %1316 f32[4,16,16,1824] <- A + 0
 * in  %1317 f32[1,1,1,1824] <- A + 4358144
 * in  %1332 f32[4,1,1,1824] <- A + 2422272
 * in  %1339 f32[304,1824,1,1] <- A + 1867776
 */
void k116_add_silu_mul_conv1x1(
    float *restrict y /* [4,16,16,304] */,
    const float *restrict x /* [4,16,16,1824] */,
    const float *restrict bias /* [1,1,1,1824] */,
    const float *restrict scale /* [4,1,1,1824] */,
    const float *restrict w /* [304,1824,1,1] */) {
    /* y (1024, 304) = f(x) (1024, 1824) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 304, 1824, w, 1824);  /* packed once for every tile */
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
                    const float t1 = bias[c];
                    const float t2 = t0 + t1;
                    const float t3 = t2 * ba_sigmoid(t2);
                    const float t4 = scale[(r / 256) * 1824 + c];
                    const float t5 = t3 * t4;
                    tile[(r - m0) * 1824 + c] = t5;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 304, 1824, 1.0f, tile, 1824, w_f32, 0.0f, y + m0 * 304, 304);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %1297 = add(%1295, %1296) : f32[4,16,16,304]  features.6.0.block.3.1
 * %1343 = add(%1341, %1342) : f32[4,16,16,304]  features.6.1.block.3.1
 * %1344 = add(%1343, %1297) : f32[4,16,16,304]  features.6.1
 * %1352 = conv2d(%1344, %1350) : f32[4,16,16,1824]  features.6.2.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %1352 -> A + 0
 * in  %1295 f32[4,16,16,304] <- A + 3735552
 * in  %1296 f32[1,1,1,304] <- A + 5292032
 * in  %1341 f32[4,16,16,304] <- A + 4046848
 * in  %1342 f32[1,1,1,304] <- A + 5292336
 * in  %1350 f32[1824,304,1,1] <- A + 1867776
 */
void k117_add_conv1x1(
    float *restrict y /* [4,16,16,1824] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict bias /* [1,1,1,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict bias2 /* [1,1,1,304] */,
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
                    const float t0 = x2[r * 304 + c];
                    const float t1 = bias2[c];
                    const float t2 = t0 + t1;
                    const float t3 = x[r * 304 + c];
                    const float t4 = bias[c];
                    const float t5 = t3 + t4;
                    const float t6 = t2 + t5;
                    tile[(r - m0) * 304 + c] = t6;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1824, 304, 1.0f, tile, 304, w_f32, 0.0f, y + m0 * 1824, 1824);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %1297 = add(%1295, %1296) : f32[4,16,16,304]  features.6.0.block.3.1
 * %1343 = add(%1341, %1342) : f32[4,16,16,304]  features.6.1.block.3.1
 * %1344 = add(%1343, %1297) : f32[4,16,16,304]  features.6.1
 * %1390 = add(%1388, %1389) : f32[4,16,16,304]  features.6.2.block.3.1
 * %1391 = add(%1390, %1344) : f32[4,16,16,304]  features.6.2
 * %1399 = conv2d(%1391, %1397) : f32[4,16,16,1824]  features.6.3.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %1399 -> A + 0
 * in  %1295 f32[4,16,16,304] <- A + 3735552
 * in  %1296 f32[1,1,1,304] <- A + 5292032
 * in  %1341 f32[4,16,16,304] <- A + 4046848
 * in  %1342 f32[1,1,1,304] <- A + 5292336
 * in  %1388 f32[4,16,16,304] <- A + 4358144
 * in  %1389 f32[1,1,1,304] <- A + 5292640
 * in  %1397 f32[1824,304,1,1] <- A + 1867776
 */
void k118_add_conv1x1(
    float *restrict y /* [4,16,16,1824] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict bias /* [1,1,1,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict bias2 /* [1,1,1,304] */,
    const float *restrict x3 /* [4,16,16,304] */,
    const float *restrict bias3 /* [1,1,1,304] */,
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
                    const float t0 = x3[r * 304 + c];
                    const float t1 = bias3[c];
                    const float t2 = t0 + t1;
                    const float t3 = x2[r * 304 + c];
                    const float t4 = bias2[c];
                    const float t5 = t3 + t4;
                    const float t6 = x[r * 304 + c];
                    const float t7 = bias[c];
                    const float t8 = t6 + t7;
                    const float t9 = t5 + t8;
                    const float t10 = t2 + t9;
                    tile[(r - m0) * 304 + c] = t10;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1824, 304, 1.0f, tile, 304, w_f32, 0.0f, y + m0 * 1824, 1824);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %1297 = add(%1295, %1296) : f32[4,16,16,304]  features.6.0.block.3.1
 * %1343 = add(%1341, %1342) : f32[4,16,16,304]  features.6.1.block.3.1
 * %1344 = add(%1343, %1297) : f32[4,16,16,304]  features.6.1
 * %1390 = add(%1388, %1389) : f32[4,16,16,304]  features.6.2.block.3.1
 * %1391 = add(%1390, %1344) : f32[4,16,16,304]  features.6.2
 * %1437 = add(%1435, %1436) : f32[4,16,16,304]  features.6.3.block.3.1
 * %1438 = add(%1437, %1391) : f32[4,16,16,304]  features.6.3
 * %1446 = conv2d(%1438, %1444) : f32[4,16,16,1824]  features.6.4.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %1446 -> A + 0
 * in  %1295 f32[4,16,16,304] <- A + 3735552
 * in  %1296 f32[1,1,1,304] <- A + 5292032
 * in  %1341 f32[4,16,16,304] <- A + 4046848
 * in  %1342 f32[1,1,1,304] <- A + 5292336
 * in  %1388 f32[4,16,16,304] <- A + 4358144
 * in  %1389 f32[1,1,1,304] <- A + 5292640
 * in  %1435 f32[4,16,16,304] <- A + 4669440
 * in  %1436 f32[1,1,1,304] <- A + 5292944
 * in  %1444 f32[1824,304,1,1] <- A + 1867776
 */
void k119_add_conv1x1(
    float *restrict y /* [4,16,16,1824] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict bias /* [1,1,1,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict bias2 /* [1,1,1,304] */,
    const float *restrict x3 /* [4,16,16,304] */,
    const float *restrict bias3 /* [1,1,1,304] */,
    const float *restrict x4 /* [4,16,16,304] */,
    const float *restrict bias4 /* [1,1,1,304] */,
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
                    const float t0 = x4[r * 304 + c];
                    const float t1 = bias4[c];
                    const float t2 = t0 + t1;
                    const float t3 = x3[r * 304 + c];
                    const float t4 = bias3[c];
                    const float t5 = t3 + t4;
                    const float t6 = x2[r * 304 + c];
                    const float t7 = bias2[c];
                    const float t8 = t6 + t7;
                    const float t9 = x[r * 304 + c];
                    const float t10 = bias[c];
                    const float t11 = t9 + t10;
                    const float t12 = t8 + t11;
                    const float t13 = t5 + t12;
                    const float t14 = t2 + t13;
                    tile[(r - m0) * 304 + c] = t14;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1824, 304, 1.0f, tile, 304, w_f32, 0.0f, y + m0 * 1824, 1824);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %1297 = add(%1295, %1296) : f32[4,16,16,304]  features.6.0.block.3.1
 * %1343 = add(%1341, %1342) : f32[4,16,16,304]  features.6.1.block.3.1
 * %1344 = add(%1343, %1297) : f32[4,16,16,304]  features.6.1
 * %1390 = add(%1388, %1389) : f32[4,16,16,304]  features.6.2.block.3.1
 * %1391 = add(%1390, %1344) : f32[4,16,16,304]  features.6.2
 * %1437 = add(%1435, %1436) : f32[4,16,16,304]  features.6.3.block.3.1
 * %1438 = add(%1437, %1391) : f32[4,16,16,304]  features.6.3
 * %1484 = add(%1482, %1483) : f32[4,16,16,304]  features.6.4.block.3.1
 * %1485 = add(%1484, %1438) : f32[4,16,16,304]  features.6.4
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %1485 -> A + 4980736
 * in  %1295 f32[4,16,16,304] <- A + 3735552
 * in  %1296 f32[1,1,1,304] <- A + 5292032
 * in  %1341 f32[4,16,16,304] <- A + 4046848
 * in  %1342 f32[1,1,1,304] <- A + 5292336
 * in  %1388 f32[4,16,16,304] <- A + 4358144
 * in  %1389 f32[1,1,1,304] <- A + 5292640
 * in  %1435 f32[4,16,16,304] <- A + 4669440
 * in  %1436 f32[1,1,1,304] <- A + 5292944
 * in  %1482 f32[4,16,16,304] <- A + 2422272
 * in  %1483 f32[1,1,1,304] <- A + 2740864
 */
void k120_add(
    float *restrict y /* [4,16,16,304] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict bias /* [1,1,1,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict bias2 /* [1,1,1,304] */,
    const float *restrict x3 /* [4,16,16,304] */,
    const float *restrict bias3 /* [1,1,1,304] */,
    const float *restrict x4 /* [4,16,16,304] */,
    const float *restrict bias4 /* [1,1,1,304] */,
    const float *restrict x5 /* [4,16,16,304] */,
    const float *restrict bias5 /* [1,1,1,304] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 304; c++) {
            const long i = r * 304 + c;
            const float t0 = x5[r * 304 + c];
            const float t1 = bias5[c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 304 + c];
            const float t4 = bias4[c];
            const float t5 = t3 + t4;
            const float t6 = x3[r * 304 + c];
            const float t7 = bias3[c];
            const float t8 = t6 + t7;
            const float t9 = x2[r * 304 + c];
            const float t10 = bias2[c];
            const float t11 = t9 + t10;
            const float t12 = x[r * 304 + c];
            const float t13 = bias[c];
            const float t14 = t12 + t13;
            const float t15 = t11 + t14;
            const float t16 = t8 + t15;
            const float t17 = t5 + t16;
            const float t18 = t2 + t17;
            y[i] = t18;
        }
    }
}

/*
 * %1493 = conv2d(%1485, %1491) : f32[4,16,16,1824]  features.6.5.block.0.0
 * 21 call sites share this function; the nodes and locations above are the first one's.
 * out %1493 -> A + 0
 * in  %1485 f32[4,16,16,304] <- A + 4980736
 * in  %1491 f32[1824,304,1,1] <- A + 1867776
 */
void k121_conv1x1(
    float *restrict y /* [4,16,16,1824] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict w /* [1824,304,1,1] */) {
    /* x (4,16,16,304) w (1824,304,1,1) y (4,16,16,1824) stride 1 pad 0 */
    /* y (N·H·W, K) = x (N·H·W, C) · wᵀ (C, K) */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 1024, 1824, 304, 1.0f, x, 304, w, 304, 0.0f, y, 1824);
}

/*
 * %1531 = add(%1529, %1530) : f32[4,16,16,304]  features.6.5.block.3.1
 * %1532 = add(%1531, %1485) : f32[4,16,16,304]  features.6.5
 * %1540 = conv2d(%1532, %1538) : f32[4,16,16,1824]  features.6.6.block.0.0
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %1540 -> A + 0
 * in  %1485 f32[4,16,16,304] <- A + 4980736
 * in  %1529 f32[4,16,16,304] <- A + 3735552
 * in  %1530 f32[1,1,1,304] <- A + 5603328
 * in  %1538 f32[1824,304,1,1] <- A + 1867776
 */
void k122_add_conv1x1(
    float *restrict y /* [4,16,16,1824] */,
    const float *restrict b /* [4,16,16,304] */,
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
 * %1531 = add(%1529, %1530) : f32[4,16,16,304]  features.6.5.block.3.1
 * %1532 = add(%1531, %1485) : f32[4,16,16,304]  features.6.5
 * %1578 = add(%1576, %1577) : f32[4,16,16,304]  features.6.6.block.3.1
 * %1579 = add(%1578, %1532) : f32[4,16,16,304]  features.6.6
 * %1587 = conv2d(%1579, %1585) : f32[4,16,16,1824]  features.6.7.block.0.0
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %1587 -> A + 0
 * in  %1485 f32[4,16,16,304] <- A + 4980736
 * in  %1529 f32[4,16,16,304] <- A + 3735552
 * in  %1530 f32[1,1,1,304] <- A + 5603328
 * in  %1576 f32[4,16,16,304] <- A + 4046848
 * in  %1577 f32[1,1,1,304] <- A + 5603632
 * in  %1585 f32[1824,304,1,1] <- A + 1867776
 */
void k123_add_conv1x1(
    float *restrict y /* [4,16,16,1824] */,
    const float *restrict b /* [4,16,16,304] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict bias /* [1,1,1,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict bias2 /* [1,1,1,304] */,
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
                    const float t0 = x2[r * 304 + c];
                    const float t1 = bias2[c];
                    const float t2 = t0 + t1;
                    const float t3 = x[r * 304 + c];
                    const float t4 = bias[c];
                    const float t5 = t3 + t4;
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
 * %1531 = add(%1529, %1530) : f32[4,16,16,304]  features.6.5.block.3.1
 * %1532 = add(%1531, %1485) : f32[4,16,16,304]  features.6.5
 * %1578 = add(%1576, %1577) : f32[4,16,16,304]  features.6.6.block.3.1
 * %1579 = add(%1578, %1532) : f32[4,16,16,304]  features.6.6
 * %1625 = add(%1623, %1624) : f32[4,16,16,304]  features.6.7.block.3.1
 * %1626 = add(%1625, %1579) : f32[4,16,16,304]  features.6.7
 * %1634 = conv2d(%1626, %1632) : f32[4,16,16,1824]  features.6.8.block.0.0
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %1634 -> A + 0
 * in  %1485 f32[4,16,16,304] <- A + 4980736
 * in  %1529 f32[4,16,16,304] <- A + 3735552
 * in  %1530 f32[1,1,1,304] <- A + 5603328
 * in  %1576 f32[4,16,16,304] <- A + 4046848
 * in  %1577 f32[1,1,1,304] <- A + 5603632
 * in  %1623 f32[4,16,16,304] <- A + 4358144
 * in  %1624 f32[1,1,1,304] <- A + 5603936
 * in  %1632 f32[1824,304,1,1] <- A + 1867776
 */
void k124_add_conv1x1(
    float *restrict y /* [4,16,16,1824] */,
    const float *restrict b /* [4,16,16,304] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict bias /* [1,1,1,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict bias2 /* [1,1,1,304] */,
    const float *restrict x3 /* [4,16,16,304] */,
    const float *restrict bias3 /* [1,1,1,304] */,
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
                    const float t0 = x3[r * 304 + c];
                    const float t1 = bias3[c];
                    const float t2 = t0 + t1;
                    const float t3 = x2[r * 304 + c];
                    const float t4 = bias2[c];
                    const float t5 = t3 + t4;
                    const float t6 = x[r * 304 + c];
                    const float t7 = bias[c];
                    const float t8 = t6 + t7;
                    const float t9 = b[r * 304 + c];
                    const float t10 = t8 + t9;
                    const float t11 = t5 + t10;
                    const float t12 = t2 + t11;
                    tile[(r - m0) * 304 + c] = t12;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1824, 304, 1.0f, tile, 304, w_f32, 0.0f, y + m0 * 1824, 1824);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %1531 = add(%1529, %1530) : f32[4,16,16,304]  features.6.5.block.3.1
 * %1532 = add(%1531, %1485) : f32[4,16,16,304]  features.6.5
 * %1578 = add(%1576, %1577) : f32[4,16,16,304]  features.6.6.block.3.1
 * %1579 = add(%1578, %1532) : f32[4,16,16,304]  features.6.6
 * %1625 = add(%1623, %1624) : f32[4,16,16,304]  features.6.7.block.3.1
 * %1626 = add(%1625, %1579) : f32[4,16,16,304]  features.6.7
 * %1672 = add(%1670, %1671) : f32[4,16,16,304]  features.6.8.block.3.1
 * %1673 = add(%1672, %1626) : f32[4,16,16,304]  features.6.8
 * %1681 = conv2d(%1673, %1679) : f32[4,16,16,1824]  features.6.9.block.0.0
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1681 -> A + 0
 * in  %1485 f32[4,16,16,304] <- A + 4980736
 * in  %1529 f32[4,16,16,304] <- A + 3735552
 * in  %1530 f32[1,1,1,304] <- A + 5603328
 * in  %1576 f32[4,16,16,304] <- A + 4046848
 * in  %1577 f32[1,1,1,304] <- A + 5603632
 * in  %1623 f32[4,16,16,304] <- A + 4358144
 * in  %1624 f32[1,1,1,304] <- A + 5603936
 * in  %1670 f32[4,16,16,304] <- A + 4669440
 * in  %1671 f32[1,1,1,304] <- A + 5604240
 * in  %1679 f32[1824,304,1,1] <- A + 1867776
 */
void k125_add_conv1x1(
    float *restrict y /* [4,16,16,1824] */,
    const float *restrict b /* [4,16,16,304] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict bias /* [1,1,1,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict bias2 /* [1,1,1,304] */,
    const float *restrict x3 /* [4,16,16,304] */,
    const float *restrict bias3 /* [1,1,1,304] */,
    const float *restrict x4 /* [4,16,16,304] */,
    const float *restrict bias4 /* [1,1,1,304] */,
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
                    const float t0 = x4[r * 304 + c];
                    const float t1 = bias4[c];
                    const float t2 = t0 + t1;
                    const float t3 = x3[r * 304 + c];
                    const float t4 = bias3[c];
                    const float t5 = t3 + t4;
                    const float t6 = x2[r * 304 + c];
                    const float t7 = bias2[c];
                    const float t8 = t6 + t7;
                    const float t9 = x[r * 304 + c];
                    const float t10 = bias[c];
                    const float t11 = t9 + t10;
                    const float t12 = b[r * 304 + c];
                    const float t13 = t11 + t12;
                    const float t14 = t8 + t13;
                    const float t15 = t5 + t14;
                    const float t16 = t2 + t15;
                    tile[(r - m0) * 304 + c] = t16;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1824, 304, 1.0f, tile, 304, w_f32, 0.0f, y + m0 * 1824, 1824);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %1531 = add(%1529, %1530) : f32[4,16,16,304]  features.6.5.block.3.1
 * %1532 = add(%1531, %1485) : f32[4,16,16,304]  features.6.5
 * %1578 = add(%1576, %1577) : f32[4,16,16,304]  features.6.6.block.3.1
 * %1579 = add(%1578, %1532) : f32[4,16,16,304]  features.6.6
 * %1625 = add(%1623, %1624) : f32[4,16,16,304]  features.6.7.block.3.1
 * %1626 = add(%1625, %1579) : f32[4,16,16,304]  features.6.7
 * %1672 = add(%1670, %1671) : f32[4,16,16,304]  features.6.8.block.3.1
 * %1673 = add(%1672, %1626) : f32[4,16,16,304]  features.6.8
 * %1719 = add(%1717, %1718) : f32[4,16,16,304]  features.6.9.block.3.1
 * %1720 = add(%1719, %1673) : f32[4,16,16,304]  features.6.9
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1720 -> A + 5292032
 * in  %1485 f32[4,16,16,304] <- A + 4980736
 * in  %1529 f32[4,16,16,304] <- A + 3735552
 * in  %1530 f32[1,1,1,304] <- A + 5603328
 * in  %1576 f32[4,16,16,304] <- A + 4046848
 * in  %1577 f32[1,1,1,304] <- A + 5603632
 * in  %1623 f32[4,16,16,304] <- A + 4358144
 * in  %1624 f32[1,1,1,304] <- A + 5603936
 * in  %1670 f32[4,16,16,304] <- A + 4669440
 * in  %1671 f32[1,1,1,304] <- A + 5604240
 * in  %1717 f32[4,16,16,304] <- A + 2422272
 * in  %1718 f32[1,1,1,304] <- A + 2740864
 */
void k126_add(
    float *restrict y /* [4,16,16,304] */,
    const float *restrict b /* [4,16,16,304] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict bias /* [1,1,1,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict bias2 /* [1,1,1,304] */,
    const float *restrict x3 /* [4,16,16,304] */,
    const float *restrict bias3 /* [1,1,1,304] */,
    const float *restrict x4 /* [4,16,16,304] */,
    const float *restrict bias4 /* [1,1,1,304] */,
    const float *restrict x5 /* [4,16,16,304] */,
    const float *restrict bias5 /* [1,1,1,304] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 304; c++) {
            const long i = r * 304 + c;
            const float t0 = x5[r * 304 + c];
            const float t1 = bias5[c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 304 + c];
            const float t4 = bias4[c];
            const float t5 = t3 + t4;
            const float t6 = x3[r * 304 + c];
            const float t7 = bias3[c];
            const float t8 = t6 + t7;
            const float t9 = x2[r * 304 + c];
            const float t10 = bias2[c];
            const float t11 = t9 + t10;
            const float t12 = x[r * 304 + c];
            const float t13 = bias[c];
            const float t14 = t12 + t13;
            const float t15 = b[r * 304 + c];
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
 * %2138 = bn_fold_weight(%2133, %2134, %2137) : f32[512,1824,1,1]  features.7.0.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2138 -> A + 1867776
 * in  %2133 f32[512,1824,1,1] <- M + 35360244 (features.7.0.block.3.0.weight)
 * in  %2134 f32[512] <- M + 36294132 (features.7.0.block.3.1.weight)
 * in  %2137 f32[512] <- M + 54088473 (features.7.0.block.3.1.running_var)
 */
void k127_bn_fold_weight(
    float *restrict w_folded /* [512,1824,1,1] */,
    const float *restrict w /* [512,1824,1,1] */,
    const float *restrict gamma /* [512] */,
    const float *restrict running_var /* [512] */) {
    /* w (512, 1824) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 512; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 1824; j++) w_folded[k * 1824 + j] = w[k * 1824 + j] * s;
    }
}

/*
 * %2706 = sigmoid_bwd(%2705, %2147) : f32[4,1824]  features.7.0.block.2.scale_activation
 * 54 call sites share this function; the nodes and locations above are the first one's.
 * out %2706 -> A + 168754304
 * in  %2147 f32[4,1824] <- A + 169273856
 * in  %2705 f32[4,1824] <- A + 168747008
 */
void k114b_sigmoid_bwd(
    float *restrict dx /* [4,1824] */,
    const float *restrict x /* [4,1824] */,
    const float *restrict dy /* [4,1824] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 1824; c++) {
            const long i = r * 1824 + c;
            const float t0 = dy[r * 1824 + c];
            const float t1 = x[r * 1824 + c];
            const float t2s = ba_sigmoid(t1);
            const float t2 = t0 * (t2s * (1.0f - t2s));
            dx[i] = t2;
        }
    }
}

/*
 * %2707 = matmul(%2706, %2145) : f32[4,76]  features.7.0.block.2.fc2
 * 54 call sites share this function; the nodes and locations above are the first one's.
 * out %2707 -> A + 169501888
 * in  %2706 f32[4,1824] <- A + 168754304
 * in  %2145 f32[1824,76] <- M + 35219796
 */
void k113b_matmul(
    float *restrict y /* [4,76] */,
    const float *restrict a /* [4,1824] */,
    const float *restrict b /* [1824,76] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 76, 1824, 1.0f, a, 1824, b, 76, 0.0f, y, 76);
}

/*
 * %2708 = matmul(%2706, %2143) : f32[1824,76]  features.7.0.block.2.fc2
 * %2711 = reshape(%2708) : f32[1824,76,1,1]  features.7.0.block.2.fc2
 * %4086 = add(%4085, %2711) : f32[1824,76,1,1]  features.7.0.block.2.fc2.weight
 * 54 call sites share this function; the nodes and locations above are the first one's.
 * out %4086 -> G + 35219796
 * in  %2706 f32[4,1824] <- A + 168754304
 * in  %2143 f32[4,76] <- A + 169516624
 * in  %4085 f32[1824,76,1,1] <- G + 35219796 (features.7.0.block.2.fc2.weight)
 */
void k113b_matmul_tA_acc(
    float *restrict grad /* [1824,76,1,1] */,
    const float *restrict a /* [4,1824] */,
    const float *restrict b /* [4,76] */) {
    /* accumulated into the gradient: beta = 1 */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 1824, 76, 4, 1.0f, a, 1824, b, 76, 1.0f, grad, 76);
}

/*
 * %2709 = reduce_sum(%2706) : f32[1,1824]  features.7.0.block.2.fc2
 * %2710 = reshape(%2709) : f32[1824]  features.7.0.block.2.fc2
 * %4088 = add(%4087, %2710) : f32[1824]  features.7.0.block.2.fc2.bias
 * 54 call sites share this function; the nodes and locations above are the first one's.
 * out %4088 -> G + 35358420
 * in  %2706 f32[4,1824] <- A + 168754304
 * in  %4087 f32[1824] <- G + 35358420 (features.7.0.block.2.fc2.bias)
 */
void k113b_reduce_sum_acc(float *restrict grad /* [1824] */, const float *restrict x /* [4,1824] */) {
    /* sum over axes [0] of [4, 1824]: (1, 4, 1824) -> (1, 1824) */
    for (long o = 0; o < 1; o++) {
        double acc[1824];
        for (long q = 0; q < 1824; q++) acc[q] = 0.0;
        for (long j = 0; j < 4; j++) {
            for (long q = 0; q < 1824; q++) {
                const long r = o * 4 + j;
                const long c = q;
                const float t0 = x[r * 1824 + c];
                acc[q] += t0;
            }
        }
        for (long q = 0; q < 1824; q++) grad[o * 1824 + q] += (float)(acc[q]);
    }
}

/*
 * %2712 = silu_bwd(%2707, %2142) : f32[4,76]  features.7.0.block.2.activation
 * 54 call sites share this function; the nodes and locations above are the first one's.
 * out %2712 -> A + 169502192
 * in  %2142 f32[4,76] <- A + 169516320
 * in  %2707 f32[4,76] <- A + 169501888
 */
void k112b_silu_bwd(
    float *restrict dx /* [4,76] */,
    const float *restrict x /* [4,76] */,
    const float *restrict dy /* [4,76] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 76; c++) {
            const long i = r * 76 + c;
            const float t0 = dy[r * 76 + c];
            const float t1 = x[r * 76 + c];
            const float t2s = ba_sigmoid(t1);
            const float t2 = t0 * (t2s * (1.0f + t1 * (1.0f - t2s)));
            dx[i] = t2;
        }
    }
}

/*
 * %2834 = conv2d_bwd_weight(%2828, %2018) : f32[1824,304,1,1]  features.6.16.block.0.0
 * %4018 = add(%4017, %2834) : f32[1824,304,1,1]  features.6.16.block.0.0.weight
 * 15 call sites share this function; the nodes and locations above are the first one's.
 * out %4018 -> G + 31677968
 * in  %2828 f32[4,16,16,1824] <- A + 10518528
 * in  %2018 f32[4,16,16,304] <- A + 167608320
 * in  %4017 f32[1824,304,1,1] <- G + 31677968 (features.6.16.block.0.0.weight)
 */
void k121b_conv1x1_bwd_weight_acc(
    float *restrict grad /* [1824,304,1,1] */,
    const float *restrict dy /* [4,16,16,1824] */,
    const float *restrict x /* [4,16,16,304] */) {
    /* dw of x (4,16,16,304) w (1824,304,1,1) y (4,16,16,1824) stride 1 pad 0, added into the accumulator */
    /* dw (K, C) += dyᵀ (K, N·H·W) · x (N·H·W, C) */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 1824, 304, 1024, 1.0f, dy, 1824, x, 304, 1.0f, grad, 304);
}
