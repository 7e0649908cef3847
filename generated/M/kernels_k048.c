/* Kernels k048 to k063 and their backward kernels. */
#include "kernels.h"

/*
 * %329 = bn_fold_weight(%324, %325, %328) : f32[640,1,3,3]  features.4.1.block.1.1
 * 18 call sites share this function; the nodes and locations above are the first one's.
 * out %329 -> A + 5898240
 * in  %324 f32[640,1,3,3] <- M + 1736732 (features.4.1.block.1.0.weight)
 * in  %325 f32[640] <- M + 1742492 (features.4.1.block.1.1.weight)
 * in  %328 f32[640] <- M + 53862425 (features.4.1.block.1.1.running_var)
 */
void k048_bn_fold_weight(
    float *restrict w_folded /* [640,1,3,3] */,
    const float *restrict w /* [640,1,3,3] */,
    const float *restrict gamma /* [640] */,
    const float *restrict running_var /* [640] */) {
    /* w (640, 9) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 640; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 9; j++) w_folded[k * 9 + j] = w[k * 9 + j] * s;
    }
}

/*
 * %331 = conv2d(%323, %329) : f32[4,32,32,640]  features.4.1.block.1.0
 * 18 call sites share this function; the nodes and locations above are the first one's.
 * out %331 -> A + 0
 * in  %323 f32[4,32,32,640] <- A + 2621440
 * in  %329 f32[640,1,3,3] <- A + 5898240
 */
void k049_dwconv3x3(
    float *restrict y /* [4,32,32,640] */,
    const float *restrict x /* [4,32,32,640] */,
    const float *restrict w /* [640,1,3,3] */) {
    /* x (4,32,32,640) w (640,1,3,3) y (4,32,32,640) stride 1 pad 1 groups 640 */
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
            for (long c = 0; c < 640; c += 16) {
                const ba_v16 zero = {0};
                const ba_v16 w00 = *(const ba_v16 *)(wt + c), w01 = *(const ba_v16 *)(wt + 640 + c), w02 = *(const ba_v16 *)(wt + 1280 + c);
                const ba_v16 w10 = *(const ba_v16 *)(wt + 1920 + c), w11 = *(const ba_v16 *)(wt + 2560 + c), w12 = *(const ba_v16 *)(wt + 3200 + c);
                const ba_v16 w20 = *(const ba_v16 *)(wt + 3840 + c), w21 = *(const ba_v16 *)(wt + 4480 + c), w22 = *(const ba_v16 *)(wt + 5120 + c);
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
                    const ba_v16 v = v00 * w00 + v01 * w01 + v02 * w02
                        + v10 * w10 + v11 * w11 + v12 * w12
                        + v20 * w20 + v21 * w21 + v22 * w22;
                    *(ba_v16 *)(y + o1 + col * 640 + c) = v;
                    __builtin_prefetch(y + o1 + col * 640 + c + 16, 1);
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
            }
        }
    }
    free(wt);
}

/*
 * %333 = add(%331, %332) : f32[4,32,32,640]  features.4.1.block.1.1
 * %334 = silu(%333) : f32[4,32,32,640]  features.4.1.block.1.2
 * %335 = reduce_mean(%334) : f32[4,1,1,640]  features.4.1.block.2.avgpool
 * 18 call sites share this function; the nodes and locations above are the first one's.
 * out %335 -> A + 2621440
 * in  %331 f32[4,32,32,640] <- A + 0
 * in  %332 f32[1,1,1,640] <- A + 6553600
 */
void k050_add_silu_reduce_mean(
    float *restrict y /* [4,1,1,640] */,
    const float *restrict x /* [4,32,32,640] */,
    const float *restrict bias /* [1,1,1,640] */) {
    /* mean over axes [1, 2] of [4, 32, 32, 640]: (4, 1024, 640) -> (4, 640) */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[640];
        for (long q = 0; q < 640; q++) acc[q] = 0.0;
        for (long j = 0; j < 1024; j++) {
            for (long q = 0; q < 640; q++) {
                const long r = o * 1024 + j;
                const long c = q;
                const float t0 = x[r * 640 + c];
                const float t1 = bias[c];
                const float t2 = t0 + t1;
                const float t3 = t2 * ba_sigmoid(t2);
                acc[q] += t3;
            }
        }
        for (long q = 0; q < 640; q++) y[o * 640 + q] = (float)(acc[q] / 1024.0);
    }
}

/*
 * %340 = linear(%336, %338, %339) : f32[4,40]  features.4.1.block.2.fc1
 * 30 call sites share this function; the nodes and locations above are the first one's.
 * out %340 -> A + 5898240
 * in  %336 f32[4,640] <- A + 2621440
 * in  %338 f32[40,640] <- M + 1743772
 * in  %339 f32[40] <- M + 1769372 (features.4.1.block.2.fc1.bias)
 */
void k051_linear(
    float *restrict y /* [4,40] */,
    const float *restrict x /* [4,640] */,
    const float *restrict w /* [40,640] */,
    const float *restrict bias /* [40] */) {
    /* y (4,40) = x (4,640) · wᵀ (640,40) + b */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 40, 640, 1.0f, x, 640, w, 640, 0.0f, y, 40);
    for (long n = 0; n < 4; n++) for (long k = 0; k < 40; k++) y[n * 40 + k] += bias[k];
}

/*
 * %341 = silu(%340) : f32[4,40]  features.4.1.block.2.activation
 * 35 call sites share this function; the nodes and locations above are the first one's.
 * out %341 -> A + 5898400
 * in  %340 f32[4,40] <- A + 5898240
 */
void k052_silu(float *restrict y /* [4,40] */, const float *restrict x /* [4,40] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 40; c++) {
            const long i = r * 40 + c;
            const float t0 = x[r * 40 + c];
            const float t1 = t0 * ba_sigmoid(t0);
            y[i] = t1;
        }
    }
}

/*
 * %345 = linear(%341, %343, %344) : f32[4,640]  features.4.1.block.2.fc2
 * 30 call sites share this function; the nodes and locations above are the first one's.
 * out %345 -> A + 2621440
 * in  %341 f32[4,40] <- A + 5898400
 * in  %343 f32[640,40] <- M + 1769412
 * in  %344 f32[640] <- M + 1795012 (features.4.1.block.2.fc2.bias)
 */
void k053_linear(
    float *restrict y /* [4,640] */,
    const float *restrict x /* [4,40] */,
    const float *restrict w /* [640,40] */,
    const float *restrict bias /* [640] */) {
    /* y (4,640) = x (4,40) · wᵀ (40,640) + b */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 640, 40, 1.0f, x, 40, w, 40, 0.0f, y, 640);
    for (long n = 0; n < 4; n++) for (long k = 0; k < 640; k++) y[n * 640 + k] += bias[k];
}

/*
 * %346 = sigmoid(%345) : f32[4,640]  features.4.1.block.2.scale_activation
 * 30 call sites share this function; the nodes and locations above are the first one's.
 * out %346 -> A + 2723840
 * in  %345 f32[4,640] <- A + 2621440
 */
void k054_sigmoid(float *restrict y /* [4,640] */, const float *restrict x /* [4,640] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 640; c++) {
            const long i = r * 640 + c;
            const float t0 = x[r * 640 + c];
            const float t1 = ba_sigmoid(t0);
            y[i] = t1;
        }
    }
}

/*
 * %354 = bn_fold_weight(%349, %350, %353) : f32[160,640,1,1]  features.4.1.block.3.1
 * 18 call sites share this function; the nodes and locations above are the first one's.
 * out %354 -> A + 2621440
 * in  %349 f32[160,640,1,1] <- M + 1795652 (features.4.1.block.3.0.weight)
 * in  %350 f32[160] <- M + 1898052 (features.4.1.block.3.1.weight)
 * in  %353 f32[160] <- M + 53863225 (features.4.1.block.3.1.running_var)
 */
void k055_bn_fold_weight(
    float *restrict w_folded /* [160,640,1,1] */,
    const float *restrict w /* [160,640,1,1] */,
    const float *restrict gamma /* [160] */,
    const float *restrict running_var /* [160] */) {
    /* w (160, 640) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 160; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 640; j++) w_folded[k * 640 + j] = w[k * 640 + j] * s;
    }
}

/*
 * %333 = add(%331, %332) : f32[4,32,32,640]  features.4.1.block.1.1
 * %334 = silu(%333) : f32[4,32,32,640]  features.4.1.block.1.2
 * %348 = mul(%334, %347) : f32[4,32,32,640]  features.4.1.block.2
 * %356 = conv2d(%348, %354) : f32[4,32,32,160]  features.4.1.block.3.0
 * 18 call sites share this function; the nodes and locations above are the first one's.
 * out %356 -> A + 5898240
 * in  %331 f32[4,32,32,640] <- A + 0
 * in  %332 f32[1,1,1,640] <- A + 6553600
 * in  %347 f32[4,1,1,640] <- A + 2723840
 * in  %354 f32[160,640,1,1] <- A + 2621440
 */
void k056_add_silu_mul_conv1x1(
    float *restrict y /* [4,32,32,160] */,
    const float *restrict x /* [4,32,32,640] */,
    const float *restrict bias /* [1,1,1,640] */,
    const float *restrict scale /* [4,1,1,640] */,
    const float *restrict w /* [160,640,1,1] */) {
    /* y (4096, 160) = f(x) (4096, 640) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
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
                    const float t1 = bias[c];
                    const float t2 = t0 + t1;
                    const float t3 = t2 * ba_sigmoid(t2);
                    const float t4 = scale[(r / 1024) * 640 + c];
                    const float t5 = t3 * t4;
                    tile[(r - m0) * 640 + c] = t5;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 160, 640, 1.0f, tile, 640, w_f32, 0.0f, y + m0 * 160, 160);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %312 = add(%310, %311) : f32[4,32,32,160]  features.4.0.block.3.1
 * %358 = add(%356, %357) : f32[4,32,32,160]  features.4.1.block.3.1
 * %359 = add(%358, %312) : f32[4,32,32,160]  features.4.1
 * %367 = conv2d(%359, %365) : f32[4,32,32,640]  features.4.2.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %367 -> A + 0
 * in  %310 f32[4,32,32,160] <- A + 5242880
 * in  %311 f32[1,1,1,160] <- A + 8519680
 * in  %356 f32[4,32,32,160] <- A + 5898240
 * in  %357 f32[1,1,1,160] <- A + 8519840
 * in  %365 f32[640,160,1,1] <- A + 2621440
 */
void k057_add_conv1x1(
    float *restrict y /* [4,32,32,640] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict bias /* [1,1,1,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict bias2 /* [1,1,1,160] */,
    const float *restrict w /* [640,160,1,1] */) {
    /* y (4096, 640) = f(x) (4096, 160) · wᵀ: tiles of 342 rows of f(x) computed into scratch, one sgemm each */
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
                    const float t1 = bias2[c];
                    const float t2 = t0 + t1;
                    const float t3 = x[r * 160 + c];
                    const float t4 = bias[c];
                    const float t5 = t3 + t4;
                    const float t6 = t2 + t5;
                    tile[(r - m0) * 160 + c] = t6;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 640, 160, 1.0f, tile, 160, w_f32, 0.0f, y + m0 * 640, 640);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %312 = add(%310, %311) : f32[4,32,32,160]  features.4.0.block.3.1
 * %358 = add(%356, %357) : f32[4,32,32,160]  features.4.1.block.3.1
 * %359 = add(%358, %312) : f32[4,32,32,160]  features.4.1
 * %405 = add(%403, %404) : f32[4,32,32,160]  features.4.2.block.3.1
 * %406 = add(%405, %359) : f32[4,32,32,160]  features.4.2
 * %414 = conv2d(%406, %412) : f32[4,32,32,640]  features.4.3.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %414 -> A + 0
 * in  %310 f32[4,32,32,160] <- A + 5242880
 * in  %311 f32[1,1,1,160] <- A + 8519680
 * in  %356 f32[4,32,32,160] <- A + 5898240
 * in  %357 f32[1,1,1,160] <- A + 8519840
 * in  %403 f32[4,32,32,160] <- A + 6553600
 * in  %404 f32[1,1,1,160] <- A + 8520000
 * in  %412 f32[640,160,1,1] <- A + 2621440
 */
void k058_add_conv1x1(
    float *restrict y /* [4,32,32,640] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict bias /* [1,1,1,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict bias2 /* [1,1,1,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict bias3 /* [1,1,1,160] */,
    const float *restrict w /* [640,160,1,1] */) {
    /* y (4096, 640) = f(x) (4096, 160) · wᵀ: tiles of 342 rows of f(x) computed into scratch, one sgemm each */
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
                    const float t1 = bias3[c];
                    const float t2 = t0 + t1;
                    const float t3 = x2[r * 160 + c];
                    const float t4 = bias2[c];
                    const float t5 = t3 + t4;
                    const float t6 = x[r * 160 + c];
                    const float t7 = bias[c];
                    const float t8 = t6 + t7;
                    const float t9 = t5 + t8;
                    const float t10 = t2 + t9;
                    tile[(r - m0) * 160 + c] = t10;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 640, 160, 1.0f, tile, 160, w_f32, 0.0f, y + m0 * 640, 640);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %312 = add(%310, %311) : f32[4,32,32,160]  features.4.0.block.3.1
 * %358 = add(%356, %357) : f32[4,32,32,160]  features.4.1.block.3.1
 * %359 = add(%358, %312) : f32[4,32,32,160]  features.4.1
 * %405 = add(%403, %404) : f32[4,32,32,160]  features.4.2.block.3.1
 * %406 = add(%405, %359) : f32[4,32,32,160]  features.4.2
 * %452 = add(%450, %451) : f32[4,32,32,160]  features.4.3.block.3.1
 * %453 = add(%452, %406) : f32[4,32,32,160]  features.4.3
 * %461 = conv2d(%453, %459) : f32[4,32,32,640]  features.4.4.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %461 -> A + 0
 * in  %310 f32[4,32,32,160] <- A + 5242880
 * in  %311 f32[1,1,1,160] <- A + 8519680
 * in  %356 f32[4,32,32,160] <- A + 5898240
 * in  %357 f32[1,1,1,160] <- A + 8519840
 * in  %403 f32[4,32,32,160] <- A + 6553600
 * in  %404 f32[1,1,1,160] <- A + 8520000
 * in  %450 f32[4,32,32,160] <- A + 7208960
 * in  %451 f32[1,1,1,160] <- A + 8520160
 * in  %459 f32[640,160,1,1] <- A + 2621440
 */
void k059_add_conv1x1(
    float *restrict y /* [4,32,32,640] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict bias /* [1,1,1,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict bias2 /* [1,1,1,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict bias3 /* [1,1,1,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict bias4 /* [1,1,1,160] */,
    const float *restrict w /* [640,160,1,1] */) {
    /* y (4096, 640) = f(x) (4096, 160) · wᵀ: tiles of 342 rows of f(x) computed into scratch, one sgemm each */
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
                    const float t0 = x4[r * 160 + c];
                    const float t1 = bias4[c];
                    const float t2 = t0 + t1;
                    const float t3 = x3[r * 160 + c];
                    const float t4 = bias3[c];
                    const float t5 = t3 + t4;
                    const float t6 = x2[r * 160 + c];
                    const float t7 = bias2[c];
                    const float t8 = t6 + t7;
                    const float t9 = x[r * 160 + c];
                    const float t10 = bias[c];
                    const float t11 = t9 + t10;
                    const float t12 = t8 + t11;
                    const float t13 = t5 + t12;
                    const float t14 = t2 + t13;
                    tile[(r - m0) * 160 + c] = t14;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 640, 160, 1.0f, tile, 160, w_f32, 0.0f, y + m0 * 640, 640);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %312 = add(%310, %311) : f32[4,32,32,160]  features.4.0.block.3.1
 * %358 = add(%356, %357) : f32[4,32,32,160]  features.4.1.block.3.1
 * %359 = add(%358, %312) : f32[4,32,32,160]  features.4.1
 * %405 = add(%403, %404) : f32[4,32,32,160]  features.4.2.block.3.1
 * %406 = add(%405, %359) : f32[4,32,32,160]  features.4.2
 * %452 = add(%450, %451) : f32[4,32,32,160]  features.4.3.block.3.1
 * %453 = add(%452, %406) : f32[4,32,32,160]  features.4.3
 * %499 = add(%497, %498) : f32[4,32,32,160]  features.4.4.block.3.1
 * %500 = add(%499, %453) : f32[4,32,32,160]  features.4.4
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %500 -> A + 7864320
 * in  %310 f32[4,32,32,160] <- A + 5242880
 * in  %311 f32[1,1,1,160] <- A + 8519680
 * in  %356 f32[4,32,32,160] <- A + 5898240
 * in  %357 f32[1,1,1,160] <- A + 8519840
 * in  %403 f32[4,32,32,160] <- A + 6553600
 * in  %404 f32[1,1,1,160] <- A + 8520000
 * in  %450 f32[4,32,32,160] <- A + 7208960
 * in  %451 f32[1,1,1,160] <- A + 8520160
 * in  %497 f32[4,32,32,160] <- A + 2621440
 * in  %498 f32[1,1,1,160] <- A + 3381760
 */
void k060_add(
    float *restrict y /* [4,32,32,160] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict bias /* [1,1,1,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict bias2 /* [1,1,1,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict bias3 /* [1,1,1,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict bias4 /* [1,1,1,160] */,
    const float *restrict x5 /* [4,32,32,160] */,
    const float *restrict bias5 /* [1,1,1,160] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 160; c++) {
            const long i = r * 160 + c;
            const float t0 = x5[r * 160 + c];
            const float t1 = bias5[c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 160 + c];
            const float t4 = bias4[c];
            const float t5 = t3 + t4;
            const float t6 = x3[r * 160 + c];
            const float t7 = bias3[c];
            const float t8 = t6 + t7;
            const float t9 = x2[r * 160 + c];
            const float t10 = bias2[c];
            const float t11 = t9 + t10;
            const float t12 = x[r * 160 + c];
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
 * %508 = conv2d(%500, %506) : f32[4,32,32,640]  features.4.5.block.0.0
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %508 -> A + 0
 * in  %500 f32[4,32,32,160] <- A + 7864320
 * in  %506 f32[640,160,1,1] <- A + 2621440
 */
void k061_conv1x1(
    float *restrict y /* [4,32,32,640] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict w /* [640,160,1,1] */) {
    /* x (4,32,32,160) w (640,160,1,1) y (4,32,32,640) stride 1 pad 0 */
    /* y (N·H·W, K) = x (N·H·W, C) · wᵀ (C, K) */
    /* the weight packed once; tiles of 108 rows in parallel */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 640, 160, w, 160);  /* packed once for every tile */
    #pragma omp parallel for schedule(static)
    for (long t = 0; t < 38; t++) {
        const long m0 = t * 108, rows = m0 + 108 <= 4096 ? 108 : 4096 - m0;
        breastai_gemm_f32_packed(CblasNoTrans, rows, 640, 160, 1.0f, x + m0 * 160, 160, w_f32, 0.0f, y + m0 * 640, 640);
    }
    free(w_f32);
}

/*
 * %546 = add(%544, %545) : f32[4,32,32,160]  features.4.5.block.3.1
 * %547 = add(%546, %500) : f32[4,32,32,160]  features.4.5
 * %555 = conv2d(%547, %553) : f32[4,32,32,640]  features.4.6.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %555 -> A + 0
 * in  %500 f32[4,32,32,160] <- A + 7864320
 * in  %544 f32[4,32,32,160] <- A + 5242880
 * in  %545 f32[1,1,1,160] <- A + 6003840
 * in  %553 f32[640,160,1,1] <- A + 5898240
 */
void k062_add_conv1x1(
    float *restrict y /* [4,32,32,640] */,
    const float *restrict b /* [4,32,32,160] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict bias /* [1,1,1,160] */,
    const float *restrict w /* [640,160,1,1] */) {
    /* y (4096, 640) = f(x) (4096, 160) · wᵀ: tiles of 342 rows of f(x) computed into scratch, one sgemm each */
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
                    const float t1 = bias[c];
                    const float t2 = t0 + t1;
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
 * %600 = bn_fold_weight(%595, %596, %599) : f32[960,160,1,1]  features.5.0.block.0.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %600 -> A + 4587520
 * in  %595 f32[960,160,1,1] <- M + 3224972 (features.5.0.block.0.0.weight)
 * in  %596 f32[960] <- M + 3378572 (features.5.0.block.0.1.weight)
 * in  %599 f32[960] <- M + 53878745 (features.5.0.block.0.1.running_var)
 */
void k063_bn_fold_weight(
    float *restrict w_folded /* [960,160,1,1] */,
    const float *restrict w /* [960,160,1,1] */,
    const float *restrict gamma /* [960] */,
    const float *restrict running_var /* [960] */) {
    /* w (960, 160) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 960; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 160; j++) w_folded[k * 160 + j] = w[k * 160 + j] * s;
    }
}

/*
 * %4263 = silu_bwd(%4258, %629) : f32[4,40]  features.5.0.block.2.activation
 * 14 call sites share this function; the nodes and locations above are the first one's.
 * out %4263 -> A + 427248832
 * in  %629 f32[4,40] <- A + 427295232
 * in  %4258 f32[4,40] <- A + 426237952
 */
void k052b_silu_bwd(
    float *restrict dx /* [4,40] */,
    const float *restrict x /* [4,40] */,
    const float *restrict dy /* [4,40] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 40; c++) {
            const long i = r * 40 + c;
            const float t0 = dy[r * 40 + c];
            const float t1 = x[r * 40 + c];
            const float t2s = ba_sigmoid(t1);
            const float t2 = t0 * (t2s * (1.0f + t1 * (1.0f - t2s)));
            dx[i] = t2;
        }
    }
}

/*
 * %4304 = sigmoid_bwd(%4303, %586) : f32[4,640]  features.4.6.block.2.scale_activation
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %4304 -> A + 426240512
 * in  %586 f32[4,640] <- A + 427161536
 * in  %4303 f32[4,640] <- A + 426237952
 */
void k054b_sigmoid_bwd(
    float *restrict dx /* [4,640] */,
    const float *restrict x /* [4,640] */,
    const float *restrict dy /* [4,640] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 640; c++) {
            const long i = r * 640 + c;
            const float t0 = dy[r * 640 + c];
            const float t1 = x[r * 640 + c];
            const float t2s = ba_sigmoid(t1);
            const float t2 = t0 * (t2s * (1.0f - t2s));
            dx[i] = t2;
        }
    }
}

/*
 * %4305 = matmul(%4304, %584) : f32[4,40]  features.4.6.block.2.fc2
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %4305 -> A + 426237952
 * in  %4304 f32[4,640] <- A + 426240512
 * in  %584 f32[640,40] <- M + 3096012
 */
void k053b_matmul(
    float *restrict y /* [4,40] */,
    const float *restrict a /* [4,640] */,
    const float *restrict b /* [640,40] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 40, 640, 1.0f, a, 640, b, 40, 0.0f, y, 40);
}

/*
 * %4306 = matmul(%4304, %582) : f32[640,40]  features.4.6.block.2.fc2
 * %4309 = reshape(%4306) : f32[640,40,1,1]  features.4.6.block.2.fc2
 * %4797 = add(%4796, %4309) : f32[640,40,1,1]  features.4.6.block.2.fc2.weight
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %4797 -> G + 3096012
 * in  %4304 f32[4,640] <- A + 426240512
 * in  %582 f32[4,40] <- A + 427295072
 * in  %4796 f32[640,40,1,1] <- G + 3096012 (features.4.6.block.2.fc2.weight)
 */
void k053b_matmul_tA_acc(
    float *restrict grad /* [640,40,1,1] */,
    const float *restrict a /* [4,640] */,
    const float *restrict b /* [4,40] */) {
    /* accumulated into the gradient: beta = 1 */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 640, 40, 4, 1.0f, a, 640, b, 40, 1.0f, grad, 40);
}

/*
 * %4307 = reduce_sum(%4304) : f32[1,640]  features.4.6.block.2.fc2
 * %4308 = reshape(%4307) : f32[640]  features.4.6.block.2.fc2
 * %4799 = add(%4798, %4308) : f32[640]  features.4.6.block.2.fc2.bias
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %4799 -> G + 3121612
 * in  %4304 f32[4,640] <- A + 426240512
 * in  %4798 f32[640] <- G + 3121612 (features.4.6.block.2.fc2.bias)
 */
void k053b_reduce_sum_acc(float *restrict grad /* [640] */, const float *restrict x /* [4,640] */) {
    /* sum over axes [0] of [4, 640]: (1, 4, 640) -> (1, 640) */
    for (long o = 0; o < 1; o++) {
        double acc[640];
        for (long q = 0; q < 640; q++) acc[q] = 0.0;
        for (long j = 0; j < 4; j++) {
            for (long q = 0; q < 640; q++) {
                const long r = o * 4 + j;
                const long c = q;
                const float t0 = x[r * 640 + c];
                acc[q] += t0;
            }
        }
        for (long q = 0; q < 640; q++) grad[o * 640 + q] += (float)(acc[q]);
    }
}

/*
 * %4311 = matmul(%4310, %579) : f32[4,640]  features.4.6.block.2.fc1
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %4311 -> A + 427161536
 * in  %4310 f32[4,40] <- A + 427248832
 * in  %579 f32[40,640] <- M + 3070372
 */
void k051b_matmul(
    float *restrict y /* [4,640] */,
    const float *restrict a /* [4,40] */,
    const float *restrict b /* [40,640] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 640, 40, 1.0f, a, 40, b, 640, 0.0f, y, 640);
}

/*
 * %4312 = matmul(%4310, %577) : f32[40,640]  features.4.6.block.2.fc1
 * %4315 = reshape(%4312) : f32[40,640,1,1]  features.4.6.block.2.fc1
 * %4793 = add(%4792, %4315) : f32[40,640,1,1]  features.4.6.block.2.fc1.weight
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %4793 -> G + 3070372
 * in  %4310 f32[4,40] <- A + 427248832
 * in  %577 f32[4,640] <- A + 427158976
 * in  %4792 f32[40,640,1,1] <- G + 3070372 (features.4.6.block.2.fc1.weight)
 */
void k051b_matmul_tA_acc(
    float *restrict grad /* [40,640,1,1] */,
    const float *restrict a /* [4,40] */,
    const float *restrict b /* [4,640] */) {
    /* accumulated into the gradient: beta = 1 */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 40, 640, 4, 1.0f, a, 40, b, 640, 1.0f, grad, 640);
}

/*
 * %4433 = conv2d_bwd_weight(%4427, %457) : f32[640,160,1,1]  features.4.4.block.0.0
 * %4729 = add(%4728, %4433) : f32[640,160,1,1]  features.4.4.block.0.0.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4729 -> G + 2429012
 * in  %4427 f32[4,32,32,640] <- A + 13107200
 * in  %457 f32[4,32,32,160] <- A + 413499392
 * in  %4728 f32[640,160,1,1] <- G + 2429012 (features.4.4.block.0.0.weight)
 */
void k061b_conv1x1_bwd_weight_acc(
    float *restrict grad /* [640,160,1,1] */,
    const float *restrict dy /* [4,32,32,640] */,
    const float *restrict x /* [4,32,32,160] */) {
    /* dw of x (4,32,32,160) w (640,160,1,1) y (4,32,32,640) stride 1 pad 0, added into the accumulator */
    /* dw (K, C) += dyᵀ (K, N·H·W) · x (N·H·W, C) */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 640, 160, 4096, 1.0f, dy, 640, x, 160, 1.0f, grad, 160);
}
