/* Kernels k080 to k095 and their backward kernels. */
#include "kernels.h"

/*
 * %556 = conv2d(%548, %554) : f32[4,32,32,960]  features.5.1.block.1.0
 * 24 call sites share this function; the nodes and locations above are the first one's.
 * out %556 -> A + 0
 * in  %548 f32[4,32,32,960] <- A + 3932160
 * in  %554 f32[960,1,3,3] <- A + 8519680
 */
void k080_dwconv3x3(
    float *restrict y /* [4,32,32,960] */,
    const float *restrict x /* [4,32,32,960] */,
    const float *restrict w /* [960,1,3,3] */) {
    /* x (4,32,32,960) w (960,1,3,3) y (4,32,32,960) stride 1 pad 1 groups 960 */
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
            for (long c = 0; c < 960; c += 16) {
                const ba_v16 zero = {0};
                const ba_v16 w00 = *(const ba_v16 *)(wt + c), w01 = *(const ba_v16 *)(wt + 960 + c), w02 = *(const ba_v16 *)(wt + 1920 + c);
                const ba_v16 w10 = *(const ba_v16 *)(wt + 2880 + c), w11 = *(const ba_v16 *)(wt + 3840 + c), w12 = *(const ba_v16 *)(wt + 4800 + c);
                const ba_v16 w20 = *(const ba_v16 *)(wt + 5760 + c), w21 = *(const ba_v16 *)(wt + 6720 + c), w22 = *(const ba_v16 *)(wt + 7680 + c);
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
                    const ba_v16 v = v00 * w00 + v01 * w01 + v02 * w02
                        + v10 * w10 + v11 * w11 + v12 * w12
                        + v20 * w20 + v21 * w21 + v22 * w22;
                    *(ba_v16 *)(y + o1 + col * 960 + c) = v;
                    __builtin_prefetch(y + o1 + col * 960 + c + 16, 1);
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
            }
        }
    }
    free(wt);
}

/*
 * %558 = add(%556, %557) : f32[4,32,32,960]  features.5.1.block.1.1
 * %559 = silu(%558) : f32[4,32,32,960]  features.5.1.block.1.2
 * %560 = reduce_mean(%559) : f32[4,1,1,960]  features.5.1.block.2.avgpool
 * 24 call sites share this function; the nodes and locations above are the first one's.
 * out %560 -> A + 3932160
 * in  %556 f32[4,32,32,960] <- A + 0
 * in  %557 f32[1,1,1,960] <- A + 9175040
 */
void k081_add_silu_reduce_mean(
    float *restrict y /* [4,1,1,960] */,
    const float *restrict x /* [4,32,32,960] */,
    const float *restrict bias /* [1,1,1,960] */) {
    /* mean over axes [1, 2] of [4, 32, 32, 960]: (4, 1024, 960) -> (4, 960) */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[960];
        for (long q = 0; q < 960; q++) acc[q] = 0.0;
        for (long j = 0; j < 1024; j++) {
            for (long q = 0; q < 960; q++) {
                const long r = o * 1024 + j;
                const long c = q;
                const float t0 = x[r * 960 + c];
                const float t1 = bias[c];
                const float t2 = t0 + t1;
                const float t3 = t2 * ba_sigmoid(t2);
                acc[q] += t3;
            }
        }
        for (long q = 0; q < 960; q++) y[o * 960 + q] = (float)(acc[q] / 1024.0);
    }
}

/*
 * %565 = linear(%561, %563, %564) : f32[4,40]  features.5.1.block.2.fc1
 * 45 call sites share this function; the nodes and locations above are the first one's.
 * out %565 -> A + 8519680
 * in  %561 f32[4,960] <- A + 3932160
 * in  %563 f32[40,960] <- M + 2269096
 * in  %564 f32[40] <- M + 2307496 (features.5.1.block.2.fc1.bias)
 */
void k082_linear(
    float *restrict y /* [4,40] */,
    const float *restrict x /* [4,960] */,
    const float *restrict w /* [40,960] */,
    const float *restrict bias /* [40] */) {
    /* y (4,40) = x (4,960) · wᵀ (960,40) + b */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 40, 960, 1.0f, x, 960, w, 960, 0.0f, y, 40);
    for (long n = 0; n < 4; n++) for (long k = 0; k < 40; k++) y[n * 40 + k] += bias[k];
}

/*
 * %566 = silu(%565) : f32[4,40]  features.5.1.block.2.activation
 * 45 call sites share this function; the nodes and locations above are the first one's.
 * out %566 -> A + 8519840
 * in  %565 f32[4,40] <- A + 8519680
 */
void k083_silu(float *restrict y /* [4,40] */, const float *restrict x /* [4,40] */) {
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
 * %570 = linear(%566, %568, %569) : f32[4,960]  features.5.1.block.2.fc2
 * 45 call sites share this function; the nodes and locations above are the first one's.
 * out %570 -> A + 3932160
 * in  %566 f32[4,40] <- A + 8519840
 * in  %568 f32[960,40] <- M + 2307536
 * in  %569 f32[960] <- M + 2345936 (features.5.1.block.2.fc2.bias)
 */
void k084_linear(
    float *restrict y /* [4,960] */,
    const float *restrict x /* [4,40] */,
    const float *restrict w /* [960,40] */,
    const float *restrict bias /* [960] */) {
    /* y (4,960) = x (4,40) · wᵀ (40,960) + b */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 960, 40, 1.0f, x, 40, w, 40, 0.0f, y, 960);
    for (long n = 0; n < 4; n++) for (long k = 0; k < 960; k++) y[n * 960 + k] += bias[k];
}

/*
 * %571 = sigmoid(%570) : f32[4,960]  features.5.1.block.2.scale_activation
 * 45 call sites share this function; the nodes and locations above are the first one's.
 * out %571 -> A + 4085760
 * in  %570 f32[4,960] <- A + 3932160
 */
void k085_sigmoid(float *restrict y /* [4,960] */, const float *restrict x /* [4,960] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 960; c++) {
            const long i = r * 960 + c;
            const float t0 = x[r * 960 + c];
            const float t1 = ba_sigmoid(t0);
            y[i] = t1;
        }
    }
}

/*
 * %579 = bn_fold_weight(%574, %575, %578) : f32[160,960,1,1]  features.5.1.block.3.1
 * 24 call sites share this function; the nodes and locations above are the first one's.
 * out %579 -> A + 3932160
 * in  %574 f32[160,960,1,1] <- M + 2346896 (features.5.1.block.3.0.weight)
 * in  %575 f32[160] <- M + 2500496 (features.5.1.block.3.1.weight)
 * in  %578 f32[160] <- M + 21196389 (features.5.1.block.3.1.running_var)
 */
void k086_bn_fold_weight(
    float *restrict w_folded /* [160,960,1,1] */,
    const float *restrict w /* [160,960,1,1] */,
    const float *restrict gamma /* [160] */,
    const float *restrict running_var /* [160] */) {
    /* w (160, 960) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 160; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 960; j++) w_folded[k * 960 + j] = w[k * 960 + j] * s;
    }
}

/*
 * %558 = add(%556, %557) : f32[4,32,32,960]  features.5.1.block.1.1
 * %559 = silu(%558) : f32[4,32,32,960]  features.5.1.block.1.2
 * %573 = mul(%559, %572) : f32[4,32,32,960]  features.5.1.block.2
 * %581 = conv2d(%573, %579) : f32[4,32,32,160]  features.5.1.block.3.0
 * 24 call sites share this function; the nodes and locations above are the first one's.
 * out %581 -> A + 8519680
 * in  %556 f32[4,32,32,960] <- A + 0
 * in  %557 f32[1,1,1,960] <- A + 9175040
 * in  %572 f32[4,1,1,960] <- A + 4085760
 * in  %579 f32[160,960,1,1] <- A + 3932160
 */
void k087_add_silu_mul_conv1x1(
    float *restrict y /* [4,32,32,160] */,
    const float *restrict x /* [4,32,32,960] */,
    const float *restrict bias /* [1,1,1,960] */,
    const float *restrict scale /* [4,1,1,960] */,
    const float *restrict w /* [160,960,1,1] */) {
    /* y (4096, 160) = f(x) (4096, 960) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
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
                    const float t1 = bias[c];
                    const float t2 = t0 + t1;
                    const float t3 = t2 * ba_sigmoid(t2);
                    const float t4 = scale[(r / 1024) * 960 + c];
                    const float t5 = t3 * t4;
                    tile[(r - m0) * 960 + c] = t5;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 160, 960, 1.0f, tile, 960, w_f32, 0.0f, y + m0 * 160, 160);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %537 = add(%535, %536) : f32[4,32,32,160]  features.5.0.block.3.1
 * %583 = add(%581, %582) : f32[4,32,32,160]  features.5.1.block.3.1
 * %584 = add(%583, %537) : f32[4,32,32,160]  features.5.1
 * %592 = conv2d(%584, %590) : f32[4,32,32,960]  features.5.2.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %592 -> A + 0
 * in  %535 f32[4,32,32,160] <- A + 7864320
 * in  %536 f32[1,1,1,160] <- A + 11141120
 * in  %581 f32[4,32,32,160] <- A + 8519680
 * in  %582 f32[1,1,1,160] <- A + 11141280
 * in  %590 f32[960,160,1,1] <- A + 3932160
 */
void k088_add_conv1x1(
    float *restrict y /* [4,32,32,960] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict bias /* [1,1,1,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict bias2 /* [1,1,1,160] */,
    const float *restrict w /* [960,160,1,1] */) {
    /* y (4096, 960) = f(x) (4096, 160) · wᵀ: tiles of 342 rows of f(x) computed into scratch, one sgemm each */
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
                    const float t1 = bias2[c];
                    const float t2 = t0 + t1;
                    const float t3 = x[r * 160 + c];
                    const float t4 = bias[c];
                    const float t5 = t3 + t4;
                    const float t6 = t2 + t5;
                    tile[(r - m0) * 160 + c] = t6;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 960, 160, 1.0f, tile, 160, w_f32, 0.0f, y + m0 * 960, 960);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %537 = add(%535, %536) : f32[4,32,32,160]  features.5.0.block.3.1
 * %583 = add(%581, %582) : f32[4,32,32,160]  features.5.1.block.3.1
 * %584 = add(%583, %537) : f32[4,32,32,160]  features.5.1
 * %630 = add(%628, %629) : f32[4,32,32,160]  features.5.2.block.3.1
 * %631 = add(%630, %584) : f32[4,32,32,160]  features.5.2
 * %639 = conv2d(%631, %637) : f32[4,32,32,960]  features.5.3.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %639 -> A + 0
 * in  %535 f32[4,32,32,160] <- A + 7864320
 * in  %536 f32[1,1,1,160] <- A + 11141120
 * in  %581 f32[4,32,32,160] <- A + 8519680
 * in  %582 f32[1,1,1,160] <- A + 11141280
 * in  %628 f32[4,32,32,160] <- A + 9175040
 * in  %629 f32[1,1,1,160] <- A + 11141440
 * in  %637 f32[960,160,1,1] <- A + 3932160
 */
void k089_add_conv1x1(
    float *restrict y /* [4,32,32,960] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict bias /* [1,1,1,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict bias2 /* [1,1,1,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict bias3 /* [1,1,1,160] */,
    const float *restrict w /* [960,160,1,1] */) {
    /* y (4096, 960) = f(x) (4096, 160) · wᵀ: tiles of 342 rows of f(x) computed into scratch, one sgemm each */
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
            breastai_gemm_f32_packed(CblasNoTrans, rows, 960, 160, 1.0f, tile, 160, w_f32, 0.0f, y + m0 * 960, 960);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %537 = add(%535, %536) : f32[4,32,32,160]  features.5.0.block.3.1
 * %583 = add(%581, %582) : f32[4,32,32,160]  features.5.1.block.3.1
 * %584 = add(%583, %537) : f32[4,32,32,160]  features.5.1
 * %630 = add(%628, %629) : f32[4,32,32,160]  features.5.2.block.3.1
 * %631 = add(%630, %584) : f32[4,32,32,160]  features.5.2
 * %677 = add(%675, %676) : f32[4,32,32,160]  features.5.3.block.3.1
 * %678 = add(%677, %631) : f32[4,32,32,160]  features.5.3
 * %686 = conv2d(%678, %684) : f32[4,32,32,960]  features.5.4.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %686 -> A + 0
 * in  %535 f32[4,32,32,160] <- A + 7864320
 * in  %536 f32[1,1,1,160] <- A + 11141120
 * in  %581 f32[4,32,32,160] <- A + 8519680
 * in  %582 f32[1,1,1,160] <- A + 11141280
 * in  %628 f32[4,32,32,160] <- A + 9175040
 * in  %629 f32[1,1,1,160] <- A + 11141440
 * in  %675 f32[4,32,32,160] <- A + 9830400
 * in  %676 f32[1,1,1,160] <- A + 11141600
 * in  %684 f32[960,160,1,1] <- A + 3932160
 */
void k090_add_conv1x1(
    float *restrict y /* [4,32,32,960] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict bias /* [1,1,1,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict bias2 /* [1,1,1,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict bias3 /* [1,1,1,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict bias4 /* [1,1,1,160] */,
    const float *restrict w /* [960,160,1,1] */) {
    /* y (4096, 960) = f(x) (4096, 160) · wᵀ: tiles of 342 rows of f(x) computed into scratch, one sgemm each */
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
            breastai_gemm_f32_packed(CblasNoTrans, rows, 960, 160, 1.0f, tile, 160, w_f32, 0.0f, y + m0 * 960, 960);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %537 = add(%535, %536) : f32[4,32,32,160]  features.5.0.block.3.1
 * %583 = add(%581, %582) : f32[4,32,32,160]  features.5.1.block.3.1
 * %584 = add(%583, %537) : f32[4,32,32,160]  features.5.1
 * %630 = add(%628, %629) : f32[4,32,32,160]  features.5.2.block.3.1
 * %631 = add(%630, %584) : f32[4,32,32,160]  features.5.2
 * %677 = add(%675, %676) : f32[4,32,32,160]  features.5.3.block.3.1
 * %678 = add(%677, %631) : f32[4,32,32,160]  features.5.3
 * %724 = add(%722, %723) : f32[4,32,32,160]  features.5.4.block.3.1
 * %725 = add(%724, %678) : f32[4,32,32,160]  features.5.4
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %725 -> A + 10485760
 * in  %535 f32[4,32,32,160] <- A + 7864320
 * in  %536 f32[1,1,1,160] <- A + 11141120
 * in  %581 f32[4,32,32,160] <- A + 8519680
 * in  %582 f32[1,1,1,160] <- A + 11141280
 * in  %628 f32[4,32,32,160] <- A + 9175040
 * in  %629 f32[1,1,1,160] <- A + 11141440
 * in  %675 f32[4,32,32,160] <- A + 9830400
 * in  %676 f32[1,1,1,160] <- A + 11141600
 * in  %722 f32[4,32,32,160] <- A + 3932160
 * in  %723 f32[1,1,1,160] <- A + 4744960
 */
void k091_add(
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
 * %733 = conv2d(%725, %731) : f32[4,32,32,960]  features.5.5.block.0.0
 * 7 call sites share this function; the nodes and locations above are the first one's.
 * out %733 -> A + 0
 * in  %725 f32[4,32,32,160] <- A + 10485760
 * in  %731 f32[960,160,1,1] <- A + 3932160
 */
void k092_conv1x1(
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
 * %771 = add(%769, %770) : f32[4,32,32,160]  features.5.5.block.3.1
 * %772 = add(%771, %725) : f32[4,32,32,160]  features.5.5
 * %780 = conv2d(%772, %778) : f32[4,32,32,960]  features.5.6.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %780 -> A + 0
 * in  %725 f32[4,32,32,160] <- A + 10485760
 * in  %769 f32[4,32,32,160] <- A + 7864320
 * in  %770 f32[1,1,1,160] <- A + 11142080
 * in  %778 f32[960,160,1,1] <- A + 8519680
 */
void k093_add_conv1x1(
    float *restrict y /* [4,32,32,960] */,
    const float *restrict b /* [4,32,32,160] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict bias /* [1,1,1,160] */,
    const float *restrict w /* [960,160,1,1] */) {
    /* y (4096, 960) = f(x) (4096, 160) · wᵀ: tiles of 342 rows of f(x) computed into scratch, one sgemm each */
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
                    const float t1 = bias[c];
                    const float t2 = t0 + t1;
                    const float t3 = b[r * 160 + c];
                    const float t4 = t2 + t3;
                    tile[(r - m0) * 160 + c] = t4;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 960, 160, 1.0f, tile, 160, w_f32, 0.0f, y + m0 * 960, 960);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %771 = add(%769, %770) : f32[4,32,32,160]  features.5.5.block.3.1
 * %772 = add(%771, %725) : f32[4,32,32,160]  features.5.5
 * %818 = add(%816, %817) : f32[4,32,32,160]  features.5.6.block.3.1
 * %819 = add(%818, %772) : f32[4,32,32,160]  features.5.6
 * %827 = conv2d(%819, %825) : f32[4,32,32,960]  features.5.7.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %827 -> A + 0
 * in  %725 f32[4,32,32,160] <- A + 10485760
 * in  %769 f32[4,32,32,160] <- A + 7864320
 * in  %770 f32[1,1,1,160] <- A + 11142080
 * in  %816 f32[4,32,32,160] <- A + 8519680
 * in  %817 f32[1,1,1,160] <- A + 11142240
 * in  %825 f32[960,160,1,1] <- A + 9175040
 */
void k094_add_conv1x1(
    float *restrict y /* [4,32,32,960] */,
    const float *restrict b /* [4,32,32,160] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict bias /* [1,1,1,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict bias2 /* [1,1,1,160] */,
    const float *restrict w /* [960,160,1,1] */) {
    /* y (4096, 960) = f(x) (4096, 160) · wᵀ: tiles of 342 rows of f(x) computed into scratch, one sgemm each */
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
                    const float t1 = bias2[c];
                    const float t2 = t0 + t1;
                    const float t3 = x[r * 160 + c];
                    const float t4 = bias[c];
                    const float t5 = t3 + t4;
                    const float t6 = b[r * 160 + c];
                    const float t7 = t5 + t6;
                    const float t8 = t2 + t7;
                    tile[(r - m0) * 160 + c] = t8;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 960, 160, 1.0f, tile, 160, w_f32, 0.0f, y + m0 * 960, 960);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %771 = add(%769, %770) : f32[4,32,32,160]  features.5.5.block.3.1
 * %772 = add(%771, %725) : f32[4,32,32,160]  features.5.5
 * %818 = add(%816, %817) : f32[4,32,32,160]  features.5.6.block.3.1
 * %819 = add(%818, %772) : f32[4,32,32,160]  features.5.6
 * %865 = add(%863, %864) : f32[4,32,32,160]  features.5.7.block.3.1
 * %866 = add(%865, %819) : f32[4,32,32,160]  features.5.7
 * %874 = conv2d(%866, %872) : f32[4,32,32,960]  features.5.8.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %874 -> A + 0
 * in  %725 f32[4,32,32,160] <- A + 10485760
 * in  %769 f32[4,32,32,160] <- A + 7864320
 * in  %770 f32[1,1,1,160] <- A + 11142080
 * in  %816 f32[4,32,32,160] <- A + 8519680
 * in  %817 f32[1,1,1,160] <- A + 11142240
 * in  %863 f32[4,32,32,160] <- A + 9175040
 * in  %864 f32[1,1,1,160] <- A + 11142400
 * in  %872 f32[960,160,1,1] <- A + 9830400
 */
void k095_add_conv1x1(
    float *restrict y /* [4,32,32,960] */,
    const float *restrict b /* [4,32,32,160] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict bias /* [1,1,1,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict bias2 /* [1,1,1,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict bias3 /* [1,1,1,160] */,
    const float *restrict w /* [960,160,1,1] */) {
    /* y (4096, 960) = f(x) (4096, 160) · wᵀ: tiles of 342 rows of f(x) computed into scratch, one sgemm each */
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
                    const float t1 = bias3[c];
                    const float t2 = t0 + t1;
                    const float t3 = x2[r * 160 + c];
                    const float t4 = bias2[c];
                    const float t5 = t3 + t4;
                    const float t6 = x[r * 160 + c];
                    const float t7 = bias[c];
                    const float t8 = t6 + t7;
                    const float t9 = b[r * 160 + c];
                    const float t10 = t8 + t9;
                    const float t11 = t5 + t10;
                    const float t12 = t2 + t11;
                    tile[(r - m0) * 160 + c] = t12;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 960, 160, 1.0f, tile, 160, w_f32, 0.0f, y + m0 * 960, 960);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %2466 = sigmoid_bwd(%2465, %946) : f32[4,960]  features.6.0.block.2.scale_activation
 * 19 call sites share this function; the nodes and locations above are the first one's.
 * out %2466 -> A + 88923904
 * in  %946 f32[4,960] <- A + 89197312
 * in  %2465 f32[4,960] <- A + 88920064
 */
void k085b_sigmoid_bwd(
    float *restrict dx /* [4,960] */,
    const float *restrict x /* [4,960] */,
    const float *restrict dy /* [4,960] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 960; c++) {
            const long i = r * 960 + c;
            const float t0 = dy[r * 960 + c];
            const float t1 = x[r * 960 + c];
            const float t2s = ba_sigmoid(t1);
            const float t2 = t0 * (t2s * (1.0f - t2s));
            dx[i] = t2;
        }
    }
}

/*
 * %2467 = matmul(%2466, %944) : f32[4,40]  features.6.0.block.2.fc2
 * 19 call sites share this function; the nodes and locations above are the first one's.
 * out %2467 -> A + 88920064
 * in  %2466 f32[4,960] <- A + 88923904
 * in  %944 f32[960,40] <- M + 5489936
 */
void k084b_matmul(
    float *restrict y /* [4,40] */,
    const float *restrict a /* [4,960] */,
    const float *restrict b /* [960,40] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 40, 960, 1.0f, a, 960, b, 40, 0.0f, y, 40);
}

/*
 * %2468 = matmul(%2466, %942) : f32[960,40]  features.6.0.block.2.fc2
 * %2471 = reshape(%2468) : f32[960,40,1,1]  features.6.0.block.2.fc2
 * %2516 = add(%2515, %2471) : f32[960,40,1,1]  features.6.0.block.2.fc2.weight
 * 19 call sites share this function; the nodes and locations above are the first one's.
 * out %2516 -> G + 5489936
 * in  %2466 f32[4,960] <- A + 88923904
 * in  %942 f32[4,40] <- A + 89315104
 * in  %2515 f32[960,40,1,1] <- G + 5489936 (features.6.0.block.2.fc2.weight)
 */
void k084b_matmul_tA_acc(
    float *restrict grad /* [960,40,1,1] */,
    const float *restrict a /* [4,960] */,
    const float *restrict b /* [4,40] */) {
    /* accumulated into the gradient: beta = 1 */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 960, 40, 4, 1.0f, a, 960, b, 40, 1.0f, grad, 40);
}

/*
 * %2469 = reduce_sum(%2466) : f32[1,960]  features.6.0.block.2.fc2
 * %2470 = reshape(%2469) : f32[960]  features.6.0.block.2.fc2
 * %2518 = add(%2517, %2470) : f32[960]  features.6.0.block.2.fc2.bias
 * 19 call sites share this function; the nodes and locations above are the first one's.
 * out %2518 -> G + 5528336
 * in  %2466 f32[4,960] <- A + 88923904
 * in  %2517 f32[960] <- G + 5528336 (features.6.0.block.2.fc2.bias)
 */
void k084b_reduce_sum_acc(float *restrict grad /* [960] */, const float *restrict x /* [4,960] */) {
    /* sum over axes [0] of [4, 960]: (1, 4, 960) -> (1, 960) */
    for (long o = 0; o < 1; o++) {
        double acc[960];
        for (long q = 0; q < 960; q++) acc[q] = 0.0;
        for (long j = 0; j < 4; j++) {
            for (long q = 0; q < 960; q++) {
                const long r = o * 4 + j;
                const long c = q;
                const float t0 = x[r * 960 + c];
                acc[q] += t0;
            }
        }
        for (long q = 0; q < 960; q++) grad[o * 960 + q] += (float)(acc[q]);
    }
}

/*
 * %2472 = silu_bwd(%2467, %941) : f32[4,40]  features.6.0.block.2.activation
 * 19 call sites share this function; the nodes and locations above are the first one's.
 * out %2472 -> A + 89297408
 * in  %941 f32[4,40] <- A + 89314944
 * in  %2467 f32[4,40] <- A + 88920064
 */
void k083b_silu_bwd(
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
 * %2473 = matmul(%2472, %939) : f32[4,960]  features.6.0.block.2.fc1
 * 19 call sites share this function; the nodes and locations above are the first one's.
 * out %2473 -> A + 89197312
 * in  %2472 f32[4,40] <- A + 89297408
 * in  %939 f32[40,960] <- M + 5451496
 */
void k082b_matmul(
    float *restrict y /* [4,960] */,
    const float *restrict a /* [4,40] */,
    const float *restrict b /* [40,960] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 960, 40, 1.0f, a, 40, b, 960, 0.0f, y, 960);
}

/*
 * %2474 = matmul(%2472, %937) : f32[40,960]  features.6.0.block.2.fc1
 * %2477 = reshape(%2474) : f32[40,960,1,1]  features.6.0.block.2.fc1
 * %2512 = add(%2511, %2477) : f32[40,960,1,1]  features.6.0.block.2.fc1.weight
 * 19 call sites share this function; the nodes and locations above are the first one's.
 * out %2512 -> G + 5451496
 * in  %2472 f32[4,40] <- A + 89297408
 * in  %937 f32[4,960] <- A + 89193472
 * in  %2511 f32[40,960,1,1] <- G + 5451496 (features.6.0.block.2.fc1.weight)
 */
void k082b_matmul_tA_acc(
    float *restrict grad /* [40,960,1,1] */,
    const float *restrict a /* [4,40] */,
    const float *restrict b /* [4,960] */) {
    /* accumulated into the gradient: beta = 1 */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 40, 960, 4, 1.0f, a, 40, b, 960, 1.0f, grad, 960);
}

/*
 * %2475 = reduce_sum(%2472) : f32[1,40]  features.6.0.block.2.fc1
 * %2476 = reshape(%2475) : f32[40]  features.6.0.block.2.fc1
 * %2514 = add(%2513, %2476) : f32[40]  features.6.0.block.2.fc1.bias
 * 19 call sites share this function; the nodes and locations above are the first one's.
 * out %2514 -> G + 5489896
 * in  %2472 f32[4,40] <- A + 89297408
 * in  %2513 f32[40] <- G + 5489896 (features.6.0.block.2.fc1.bias)
 */
void k082b_reduce_sum_acc(float *restrict grad /* [40] */, const float *restrict x /* [4,40] */) {
    /* sum over axes [0] of [4, 40]: (1, 4, 40) -> (1, 40) */
    for (long o = 0; o < 1; o++) {
        double acc[40];
        for (long q = 0; q < 40; q++) acc[q] = 0.0;
        for (long j = 0; j < 4; j++) {
            for (long q = 0; q < 40; q++) {
                const long r = o * 4 + j;
                const long c = q;
                const float t0 = x[r * 40 + c];
                acc[q] += t0;
            }
        }
        for (long q = 0; q < 40; q++) grad[o * 40 + q] += (float)(acc[q]);
    }
}

/*
 * %2607 = conv2d_bwd_weight(%2601, %831) : f32[960,160,1,1]  features.5.7.block.0.0
 * %3567 = add(%3566, %2607) : f32[960,160,1,1]  features.5.7.block.0.0.weight
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %3567 -> G + 4489816
 * in  %2601 f32[4,32,32,960] <- A + 83099648
 * in  %831 f32[4,32,32,160] <- A + 232980480
 * in  %3566 f32[960,160,1,1] <- G + 4489816 (features.5.7.block.0.0.weight)
 */
void k092b_conv1x1_bwd_weight_acc(
    float *restrict grad /* [960,160,1,1] */,
    const float *restrict dy /* [4,32,32,960] */,
    const float *restrict x /* [4,32,32,160] */) {
    /* dw of x (4,32,32,160) w (960,160,1,1) y (4,32,32,960) stride 1 pad 0, added into the accumulator */
    /* dw (K, C) += dyᵀ (K, N·H·W) · x (N·H·W, C) */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 960, 160, 4096, 1.0f, dy, 960, x, 160, 1.0f, grad, 160);
}
