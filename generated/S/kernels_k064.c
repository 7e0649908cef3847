/* Kernels k064 to k079 and their backward kernels. */
#include "kernels.h"

/*
 * %490 = add(%488, %489) : f32[4,32,32,128]  features.4.5.block.3.1
 * %491 = add(%490, %444) : f32[4,32,32,128]  features.4.5
 * %499 = conv2d(%491, %497) : f32[4,32,32,768]  features.5.0.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %499 -> A + 0
 * in  %444 f32[4,32,32,128] <- A + 6291456
 * in  %488 f32[4,32,32,128] <- A + 3145728
 * in  %489 f32[1,1,1,128] <- A + 3768320
 * in  %497 f32[768,128,1,1] <- A + 3670016
 */
void k064_add_conv1x1(
    float *restrict y /* [4,32,32,768] */,
    const float *restrict b /* [4,32,32,128] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict bias /* [1,1,1,128] */,
    const float *restrict w /* [768,128,1,1] */) {
    /* y (4096, 768) = f(x) (4096, 128) · wᵀ: tiles of 512 rows of f(x) computed into scratch, one sgemm each */
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
                    const float t0 = x[r * 128 + c];
                    const float t1 = bias[c];
                    const float t2 = t0 + t1;
                    const float t3 = b[r * 128 + c];
                    const float t4 = t2 + t3;
                    tile[(r - m0) * 128 + c] = t4;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 768, 128, 1.0f, tile, 128, w_f32, 0.0f, y + m0 * 768, 768);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %501 = add(%499, %500) : f32[4,32,32,768]  features.5.0.block.0.1
 * %502 = silu(%501) : f32[4,32,32,768]  features.5.0.block.0.2
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %502 -> A + 3145728
 * in  %499 f32[4,32,32,768] <- A + 0
 * in  %500 f32[1,1,1,768] <- A + 6815744
 */
void k065_add_silu(
    float *restrict y /* [4,32,32,768] */,
    const float *restrict x /* [4,32,32,768] */,
    const float *restrict bias /* [1,1,1,768] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 768; c++) {
            const long i = r * 768 + c;
            const float t0 = x[r * 768 + c];
            const float t1 = bias[c];
            const float t2 = t0 + t1;
            const float t3 = t2 * ba_sigmoid(t2);
            y[i] = t3;
        }
    }
}

/*
 * %508 = bn_fold_weight(%503, %504, %507) : f32[768,1,3,3]  features.5.0.block.1.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %508 -> A + 6291456
 * in  %503 f32[768,1,3,3] <- M + 1921416 (features.5.0.block.1.0.weight)
 * in  %504 f32[768] <- M + 1928328 (features.5.0.block.1.1.weight)
 * in  %507 f32[768] <- M + 21191301 (features.5.0.block.1.1.running_var)
 */
void k066_bn_fold_weight(
    float *restrict w_folded /* [768,1,3,3] */,
    const float *restrict w /* [768,1,3,3] */,
    const float *restrict gamma /* [768] */,
    const float *restrict running_var /* [768] */) {
    /* w (768, 9) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 768; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 9; j++) w_folded[k * 9 + j] = w[k * 9 + j] * s;
    }
}

/*
 * %510 = conv2d(%502, %508) : f32[4,32,32,768]  features.5.0.block.1.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %510 -> A + 0
 * in  %502 f32[4,32,32,768] <- A + 3145728
 * in  %508 f32[768,1,3,3] <- A + 6291456
 */
void k067_dwconv3x3(
    float *restrict y /* [4,32,32,768] */,
    const float *restrict x /* [4,32,32,768] */,
    const float *restrict w /* [768,1,3,3] */) {
    /* x (4,32,32,768) w (768,1,3,3) y (4,32,32,768) stride 1 pad 1 groups 768 */
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
            for (long c = 0; c < 768; c += 16) {
                const ba_v16 zero = {0};
                const ba_v16 w00 = *(const ba_v16 *)(wt + c), w01 = *(const ba_v16 *)(wt + 768 + c), w02 = *(const ba_v16 *)(wt + 1536 + c);
                const ba_v16 w10 = *(const ba_v16 *)(wt + 2304 + c), w11 = *(const ba_v16 *)(wt + 3072 + c), w12 = *(const ba_v16 *)(wt + 3840 + c);
                const ba_v16 w20 = *(const ba_v16 *)(wt + 4608 + c), w21 = *(const ba_v16 *)(wt + 5376 + c), w22 = *(const ba_v16 *)(wt + 6144 + c);
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
                    const ba_v16 v = v00 * w00 + v01 * w01 + v02 * w02
                        + v10 * w10 + v11 * w11 + v12 * w12
                        + v20 * w20 + v21 * w21 + v22 * w22;
                    *(ba_v16 *)(y + o1 + col * 768 + c) = v;
                    __builtin_prefetch(y + o1 + col * 768 + c + 16, 1);
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
            }
        }
    }
    free(wt);
}

/*
 * %512 = add(%510, %511) : f32[4,32,32,768]  features.5.0.block.1.1
 * %513 = silu(%512) : f32[4,32,32,768]  features.5.0.block.1.2
 * %514 = reduce_mean(%513) : f32[4,1,1,768]  features.5.0.block.2.avgpool
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %514 -> A + 3145728
 * in  %510 f32[4,32,32,768] <- A + 0
 * in  %511 f32[1,1,1,768] <- A + 6298368
 */
void k068_add_silu_reduce_mean(
    float *restrict y /* [4,1,1,768] */,
    const float *restrict x /* [4,32,32,768] */,
    const float *restrict bias /* [1,1,1,768] */) {
    /* mean over axes [1, 2] of [4, 32, 32, 768]: (4, 1024, 768) -> (4, 768) */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[768];
        for (long q = 0; q < 768; q++) acc[q] = 0.0;
        for (long j = 0; j < 1024; j++) {
            for (long q = 0; q < 768; q++) {
                const long r = o * 1024 + j;
                const long c = q;
                const float t0 = x[r * 768 + c];
                const float t1 = bias[c];
                const float t2 = t0 + t1;
                const float t3 = t2 * ba_sigmoid(t2);
                acc[q] += t3;
            }
        }
        for (long q = 0; q < 768; q++) y[o * 768 + q] = (float)(acc[q] / 1024.0);
    }
}

/*
 * %519 = linear(%515, %517, %518) : f32[4,32]  features.5.0.block.2.fc1
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %519 -> A + 3148800
 * in  %515 f32[4,768] <- A + 3145728
 * in  %517 f32[32,768] <- M + 1929864
 * in  %518 f32[32] <- M + 1954440 (features.5.0.block.2.fc1.bias)
 */
void k069_linear(
    float *restrict y /* [4,32] */,
    const float *restrict x /* [4,768] */,
    const float *restrict w /* [32,768] */,
    const float *restrict bias /* [32] */) {
    /* y (4,32) = x (4,768) · wᵀ (768,32) + b */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 32, 768, 1.0f, x, 768, w, 768, 0.0f, y, 32);
    for (long n = 0; n < 4; n++) for (long k = 0; k < 32; k++) y[n * 32 + k] += bias[k];
}

/*
 * %524 = linear(%520, %522, %523) : f32[4,768]  features.5.0.block.2.fc2
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %524 -> A + 3145728
 * in  %520 f32[4,32] <- A + 3148928
 * in  %522 f32[768,32] <- M + 1954472
 * in  %523 f32[768] <- M + 1979048 (features.5.0.block.2.fc2.bias)
 */
void k070_linear(
    float *restrict y /* [4,768] */,
    const float *restrict x /* [4,32] */,
    const float *restrict w /* [768,32] */,
    const float *restrict bias /* [768] */) {
    /* y (4,768) = x (4,32) · wᵀ (32,768) + b */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 768, 32, 1.0f, x, 32, w, 32, 0.0f, y, 768);
    for (long n = 0; n < 4; n++) for (long k = 0; k < 768; k++) y[n * 768 + k] += bias[k];
}

/*
 * %525 = sigmoid(%524) : f32[4,768]  features.5.0.block.2.scale_activation
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %525 -> A + 3268608
 * in  %524 f32[4,768] <- A + 3145728
 */
void k071_sigmoid(float *restrict y /* [4,768] */, const float *restrict x /* [4,768] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 768; c++) {
            const long i = r * 768 + c;
            const float t0 = x[r * 768 + c];
            const float t1 = ba_sigmoid(t0);
            y[i] = t1;
        }
    }
}

/*
 * %533 = bn_fold_weight(%528, %529, %532) : f32[160,768,1,1]  features.5.0.block.3.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %533 -> A + 3145728
 * in  %528 f32[160,768,1,1] <- M + 1979816 (features.5.0.block.3.0.weight)
 * in  %529 f32[160] <- M + 2102696 (features.5.0.block.3.1.weight)
 * in  %532 f32[160] <- M + 21192229 (features.5.0.block.3.1.running_var)
 */
void k072_bn_fold_weight(
    float *restrict w_folded /* [160,768,1,1] */,
    const float *restrict w /* [160,768,1,1] */,
    const float *restrict gamma /* [160] */,
    const float *restrict running_var /* [160] */) {
    /* w (160, 768) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 160; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 768; j++) w_folded[k * 768 + j] = w[k * 768 + j] * s;
    }
}

/*
 * %534 = bn_fold_bias(%529, %530, %531, %532) : f32[160]  features.5.0.block.3.1
 * 27 call sites share this function; the nodes and locations above are the first one's.
 * out %534 -> A + 11141120
 * in  %529 f32[160] <- M + 2102696 (features.5.0.block.3.1.weight)
 * in  %530 f32[160] <- M + 2102856 (features.5.0.block.3.1.bias)
 * in  %531 f32[160] <- M + 21192069 (features.5.0.block.3.1.running_mean)
 * in  %532 f32[160] <- M + 21192229 (features.5.0.block.3.1.running_var)
 */
void k073_bn_fold_bias(
    float *restrict bias_folded /* [160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict beta /* [160] */,
    const float *restrict running_mean /* [160] */,
    const float *restrict running_var /* [160] */) {
    for (long k = 0; k < 160; k++) bias_folded[k] = beta[k] - running_mean[k] * gamma[k] / sqrtf(running_var[k] + 0.001f);
}

/*
 * %512 = add(%510, %511) : f32[4,32,32,768]  features.5.0.block.1.1
 * %513 = silu(%512) : f32[4,32,32,768]  features.5.0.block.1.2
 * %527 = mul(%513, %526) : f32[4,32,32,768]  features.5.0.block.2
 * %535 = conv2d(%527, %533) : f32[4,32,32,160]  features.5.0.block.3.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %535 -> A + 7864320
 * in  %510 f32[4,32,32,768] <- A + 0
 * in  %511 f32[1,1,1,768] <- A + 6298368
 * in  %526 f32[4,1,1,768] <- A + 3268608
 * in  %533 f32[160,768,1,1] <- A + 3145728
 */
void k074_add_silu_mul_conv1x1(
    float *restrict y /* [4,32,32,160] */,
    const float *restrict x /* [4,32,32,768] */,
    const float *restrict bias /* [1,1,1,768] */,
    const float *restrict scale /* [4,1,1,768] */,
    const float *restrict w /* [160,768,1,1] */) {
    /* y (4096, 160) = f(x) (4096, 768) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
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
                    const float t1 = bias[c];
                    const float t2 = t0 + t1;
                    const float t3 = t2 * ba_sigmoid(t2);
                    const float t4 = scale[(r / 1024) * 768 + c];
                    const float t5 = t3 * t4;
                    tile[(r - m0) * 768 + c] = t5;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 160, 768, 1.0f, tile, 768, w_f32, 0.0f, y + m0 * 160, 160);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %543 = bn_fold_weight(%538, %539, %542) : f32[960,160,1,1]  features.5.1.block.0.1
 * 26 call sites share this function; the nodes and locations above are the first one's.
 * out %543 -> A + 3932160
 * in  %538 f32[960,160,1,1] <- M + 2103016 (features.5.1.block.0.0.weight)
 * in  %539 f32[960] <- M + 2256616 (features.5.1.block.0.1.weight)
 * in  %542 f32[960] <- M + 21193349 (features.5.1.block.0.1.running_var)
 */
void k075_bn_fold_weight(
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
 * %544 = bn_fold_bias(%539, %540, %541, %542) : f32[960]  features.5.1.block.0.1
 * 52 call sites share this function; the nodes and locations above are the first one's.
 * out %544 -> A + 8519680
 * in  %539 f32[960] <- M + 2256616 (features.5.1.block.0.1.weight)
 * in  %540 f32[960] <- M + 2257576 (features.5.1.block.0.1.bias)
 * in  %541 f32[960] <- M + 21192389 (features.5.1.block.0.1.running_mean)
 * in  %542 f32[960] <- M + 21193349 (features.5.1.block.0.1.running_var)
 */
void k076_bn_fold_bias(
    float *restrict bias_folded /* [960] */,
    const float *restrict gamma /* [960] */,
    const float *restrict beta /* [960] */,
    const float *restrict running_mean /* [960] */,
    const float *restrict running_var /* [960] */) {
    for (long k = 0; k < 960; k++) bias_folded[k] = beta[k] - running_mean[k] * gamma[k] / sqrtf(running_var[k] + 0.001f);
}

/*
 * %537 = add(%535, %536) : f32[4,32,32,160]  features.5.0.block.3.1
 * %545 = conv2d(%537, %543) : f32[4,32,32,960]  features.5.1.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %545 -> A + 0
 * in  %535 f32[4,32,32,160] <- A + 7864320
 * in  %536 f32[1,1,1,160] <- A + 11141120
 * in  %543 f32[960,160,1,1] <- A + 3932160
 */
void k077_add_conv1x1(
    float *restrict y /* [4,32,32,960] */,
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
                    tile[(r - m0) * 160 + c] = t2;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 960, 160, 1.0f, tile, 160, w_f32, 0.0f, y + m0 * 960, 960);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %547 = add(%545, %546) : f32[4,32,32,960]  features.5.1.block.0.1
 * %548 = silu(%547) : f32[4,32,32,960]  features.5.1.block.0.2
 * 26 call sites share this function; the nodes and locations above are the first one's.
 * out %548 -> A + 3932160
 * in  %545 f32[4,32,32,960] <- A + 0
 * in  %546 f32[1,1,1,960] <- A + 8519680
 */
void k078_add_silu(
    float *restrict y /* [4,32,32,960] */,
    const float *restrict x /* [4,32,32,960] */,
    const float *restrict bias /* [1,1,1,960] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 960; c++) {
            const long i = r * 960 + c;
            const float t0 = x[r * 960 + c];
            const float t1 = bias[c];
            const float t2 = t0 + t1;
            const float t3 = t2 * ba_sigmoid(t2);
            y[i] = t3;
        }
    }
}

/*
 * %554 = bn_fold_weight(%549, %550, %553) : f32[960,1,3,3]  features.5.1.block.1.1
 * 26 call sites share this function; the nodes and locations above are the first one's.
 * out %554 -> A + 8519680
 * in  %549 f32[960,1,3,3] <- M + 2258536 (features.5.1.block.1.0.weight)
 * in  %550 f32[960] <- M + 2267176 (features.5.1.block.1.1.weight)
 * in  %553 f32[960] <- M + 21195269 (features.5.1.block.1.1.running_var)
 */
void k079_bn_fold_weight(
    float *restrict w_folded /* [960,1,3,3] */,
    const float *restrict w /* [960,1,3,3] */,
    const float *restrict gamma /* [960] */,
    const float *restrict running_var /* [960] */) {
    /* w (960, 9) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 960; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 9; j++) w_folded[k * 9 + j] = w[k * 9 + j] * s;
    }
}

/*
 * %2909 = sigmoid_bwd(%2908, %530) : f32[4,768]  features.5.0.block.2.scale_activation
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2909 -> A + 242916352
 * in  %530 f32[4,768] <- A + 243703040
 * in  %2908 f32[4,768] <- A + 242913280
 */
void k071b_sigmoid_bwd(
    float *restrict dx /* [4,768] */,
    const float *restrict x /* [4,768] */,
    const float *restrict dy /* [4,768] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 768; c++) {
            const long i = r * 768 + c;
            const float t0 = dy[r * 768 + c];
            const float t1 = x[r * 768 + c];
            const float t2s = ba_sigmoid(t1);
            const float t2 = t0 * (t2s * (1.0f - t2s));
            dx[i] = t2;
        }
    }
}

/*
 * %2910 = matmul(%2909, %528) : f32[4,32]  features.5.0.block.2.fc2
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2910 -> A + 243879424
 * in  %2909 f32[4,768] <- A + 242916352
 * in  %528 f32[768,32] <- M + 1954472
 */
void k070b_matmul(
    float *restrict y /* [4,32] */,
    const float *restrict a /* [4,768] */,
    const float *restrict b /* [768,32] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 32, 768, 1.0f, a, 768, b, 32, 0.0f, y, 32);
}

/*
 * %2911 = matmul(%2909, %526) : f32[768,32]  features.5.0.block.2.fc2
 * %2914 = reshape(%2911) : f32[768,32,1,1]  features.5.0.block.2.fc2
 * %3401 = add(%3400, %2914) : f32[768,32,1,1]  features.5.0.block.2.fc2.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3401 -> G + 1954472
 * in  %2909 f32[4,768] <- A + 242916352
 * in  %526 f32[4,32] <- A + 243906048
 * in  %3400 f32[768,32,1,1] <- G + 1954472 (features.5.0.block.2.fc2.weight)
 */
void k070b_matmul_tA_acc(
    float *restrict grad /* [768,32,1,1] */,
    const float *restrict a /* [4,768] */,
    const float *restrict b /* [4,32] */) {
    /* accumulated into the gradient: beta = 1 */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 768, 32, 4, 1.0f, a, 768, b, 32, 1.0f, grad, 32);
}

/*
 * %2912 = reduce_sum(%2909) : f32[1,768]  features.5.0.block.2.fc2
 * %2913 = reshape(%2912) : f32[768]  features.5.0.block.2.fc2
 * %3403 = add(%3402, %2913) : f32[768]  features.5.0.block.2.fc2.bias
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3403 -> G + 1979048
 * in  %2909 f32[4,768] <- A + 242916352
 * in  %3402 f32[768] <- G + 1979048 (features.5.0.block.2.fc2.bias)
 */
void k070b_reduce_sum_acc(float *restrict grad /* [768] */, const float *restrict x /* [4,768] */) {
    /* sum over axes [0] of [4, 768]: (1, 4, 768) -> (1, 768) */
    for (long o = 0; o < 1; o++) {
        double acc[768];
        for (long q = 0; q < 768; q++) acc[q] = 0.0;
        for (long j = 0; j < 4; j++) {
            for (long q = 0; q < 768; q++) {
                const long r = o * 4 + j;
                const long c = q;
                const float t0 = x[r * 768 + c];
                acc[q] += t0;
            }
        }
        for (long q = 0; q < 768; q++) grad[o * 768 + q] += (float)(acc[q]);
    }
}

/*
 * %2916 = matmul(%2915, %523) : f32[4,768]  features.5.0.block.2.fc1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2916 -> A + 243703040
 * in  %2915 f32[4,32] <- A + 243879552
 * in  %523 f32[32,768] <- M + 1929864
 */
void k069b_matmul(
    float *restrict y /* [4,768] */,
    const float *restrict a /* [4,32] */,
    const float *restrict b /* [32,768] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 768, 32, 1.0f, a, 32, b, 768, 0.0f, y, 768);
}

/*
 * %2917 = matmul(%2915, %521) : f32[32,768]  features.5.0.block.2.fc1
 * %2920 = reshape(%2917) : f32[32,768,1,1]  features.5.0.block.2.fc1
 * %3397 = add(%3396, %2920) : f32[32,768,1,1]  features.5.0.block.2.fc1.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3397 -> G + 1929864
 * in  %2915 f32[4,32] <- A + 243879552
 * in  %521 f32[4,768] <- A + 243699968
 * in  %3396 f32[32,768,1,1] <- G + 1929864 (features.5.0.block.2.fc1.weight)
 */
void k069b_matmul_tA_acc(
    float *restrict grad /* [32,768,1,1] */,
    const float *restrict a /* [4,32] */,
    const float *restrict b /* [4,768] */) {
    /* accumulated into the gradient: beta = 1 */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 32, 768, 4, 1.0f, a, 32, b, 768, 1.0f, grad, 768);
}

/*
 * %2918 = reduce_sum(%2915) : f32[1,32]  features.5.0.block.2.fc1
 * %2919 = reshape(%2918) : f32[32]  features.5.0.block.2.fc1
 * %3399 = add(%3398, %2919) : f32[32]  features.5.0.block.2.fc1.bias
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %3399 -> G + 1954440
 * in  %2915 f32[4,32] <- A + 243879552
 * in  %3398 f32[32] <- G + 1954440 (features.5.0.block.2.fc1.bias)
 */
void k069b_reduce_sum_acc(float *restrict grad /* [32] */, const float *restrict x /* [4,32] */) {
    /* sum over axes [0] of [4, 32]: (1, 4, 32) -> (1, 32) */
    for (long o = 0; o < 1; o++) {
        double acc[32];
        for (long q = 0; q < 32; q++) acc[q] = 0.0;
        for (long j = 0; j < 4; j++) {
            for (long q = 0; q < 32; q++) {
                const long r = o * 4 + j;
                const long c = q;
                const float t0 = x[r * 32 + c];
                acc[q] += t0;
            }
        }
        for (long q = 0; q < 32; q++) grad[o * 32 + q] += (float)(acc[q]);
    }
}
