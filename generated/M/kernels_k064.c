/* Kernels k064 to k079 and their backward kernels. */
#include "kernels.h"

/*
 * %601 = bn_fold_bias(%596, %597, %598, %599) : f32[960]  features.5.0.block.0.1
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %601 -> A + 8519680
 * in  %596 f32[960] <- M + 3378572 (features.5.0.block.0.1.weight)
 * in  %597 f32[960] <- M + 3379532 (features.5.0.block.0.1.bias)
 * in  %598 f32[960] <- M + 53877785 (features.5.0.block.0.1.running_mean)
 * in  %599 f32[960] <- M + 53878745 (features.5.0.block.0.1.running_var)
 */
void k064_bn_fold_bias(
    float *restrict bias_folded /* [960] */,
    const float *restrict gamma /* [960] */,
    const float *restrict beta /* [960] */,
    const float *restrict running_mean /* [960] */,
    const float *restrict running_var /* [960] */) {
    for (long k = 0; k < 960; k++) bias_folded[k] = beta[k] - running_mean[k] * gamma[k] / sqrtf(running_var[k] + 0.001f);
}

/*
 * %546 = add(%544, %545) : f32[4,32,32,160]  features.4.5.block.3.1
 * %547 = add(%546, %500) : f32[4,32,32,160]  features.4.5
 * %593 = add(%591, %592) : f32[4,32,32,160]  features.4.6.block.3.1
 * %594 = add(%593, %547) : f32[4,32,32,160]  features.4.6
 * %602 = conv2d(%594, %600) : f32[4,32,32,960]  features.5.0.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %602 -> A + 0
 * in  %500 f32[4,32,32,160] <- A + 7864320
 * in  %544 f32[4,32,32,160] <- A + 5242880
 * in  %545 f32[1,1,1,160] <- A + 6003840
 * in  %591 f32[4,32,32,160] <- A + 3932160
 * in  %592 f32[1,1,1,160] <- A + 5898240
 * in  %600 f32[960,160,1,1] <- A + 4587520
 */
void k065_add_conv1x1(
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
 * %604 = add(%602, %603) : f32[4,32,32,960]  features.5.0.block.0.1
 * %605 = silu(%604) : f32[4,32,32,960]  features.5.0.block.0.2
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %605 -> A + 3932160
 * in  %602 f32[4,32,32,960] <- A + 0
 * in  %603 f32[1,1,1,960] <- A + 8519680
 */
void k066_add_silu(
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
 * %611 = bn_fold_weight(%606, %607, %610) : f32[960,1,3,3]  features.5.0.block.1.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %611 -> A + 7864320
 * in  %606 f32[960,1,3,3] <- M + 3380492 (features.5.0.block.1.0.weight)
 * in  %607 f32[960] <- M + 3389132 (features.5.0.block.1.1.weight)
 * in  %610 f32[960] <- M + 53880665 (features.5.0.block.1.1.running_var)
 */
void k067_bn_fold_weight(
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
 * %613 = conv2d(%605, %611) : f32[4,32,32,960]  features.5.0.block.1.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %613 -> A + 0
 * in  %605 f32[4,32,32,960] <- A + 3932160
 * in  %611 f32[960,1,3,3] <- A + 7864320
 */
void k068_dwconv3x3(
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
 * %615 = add(%613, %614) : f32[4,32,32,960]  features.5.0.block.1.1
 * %616 = silu(%615) : f32[4,32,32,960]  features.5.0.block.1.2
 * %617 = reduce_mean(%616) : f32[4,1,1,960]  features.5.0.block.2.avgpool
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %617 -> A + 3932160
 * in  %613 f32[4,32,32,960] <- A + 0
 * in  %614 f32[1,1,1,960] <- A + 7872960
 */
void k069_add_silu_reduce_mean(
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
 * %622 = linear(%618, %620, %621) : f32[4,40]  features.5.0.block.2.fc1
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %622 -> A + 3936000
 * in  %618 f32[4,960] <- A + 3932160
 * in  %620 f32[40,960] <- M + 3391052
 * in  %621 f32[40] <- M + 3429452 (features.5.0.block.2.fc1.bias)
 */
void k070_linear(
    float *restrict y /* [4,40] */,
    const float *restrict x /* [4,960] */,
    const float *restrict w /* [40,960] */,
    const float *restrict bias /* [40] */) {
    /* y (4,40) = x (4,960) · wᵀ (960,40) + b */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 40, 960, 1.0f, x, 960, w, 960, 0.0f, y, 40);
    for (long n = 0; n < 4; n++) for (long k = 0; k < 40; k++) y[n * 40 + k] += bias[k];
}

/*
 * %627 = linear(%623, %625, %626) : f32[4,960]  features.5.0.block.2.fc2
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %627 -> A + 3932160
 * in  %623 f32[4,40] <- A + 3936160
 * in  %625 f32[960,40] <- M + 3429492
 * in  %626 f32[960] <- M + 3467892 (features.5.0.block.2.fc2.bias)
 */
void k071_linear(
    float *restrict y /* [4,960] */,
    const float *restrict x /* [4,40] */,
    const float *restrict w /* [960,40] */,
    const float *restrict bias /* [960] */) {
    /* y (4,960) = x (4,40) · wᵀ (40,960) + b */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 960, 40, 1.0f, x, 40, w, 40, 0.0f, y, 960);
    for (long n = 0; n < 4; n++) for (long k = 0; k < 960; k++) y[n * 960 + k] += bias[k];
}

/*
 * %628 = sigmoid(%627) : f32[4,960]  features.5.0.block.2.scale_activation
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %628 -> A + 4101120
 * in  %627 f32[4,960] <- A + 3932160
 */
void k072_sigmoid(float *restrict y /* [4,960] */, const float *restrict x /* [4,960] */) {
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
 * %636 = bn_fold_weight(%631, %632, %635) : f32[176,960,1,1]  features.5.0.block.3.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %636 -> A + 3932160
 * in  %631 f32[176,960,1,1] <- M + 3468852 (features.5.0.block.3.0.weight)
 * in  %632 f32[176] <- M + 3637812 (features.5.0.block.3.1.weight)
 * in  %635 f32[176] <- M + 53881801 (features.5.0.block.3.1.running_var)
 */
void k073_bn_fold_weight(
    float *restrict w_folded /* [176,960,1,1] */,
    const float *restrict w /* [176,960,1,1] */,
    const float *restrict gamma /* [176] */,
    const float *restrict running_var /* [176] */) {
    /* w (176, 960) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 176; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 960; j++) w_folded[k * 960 + j] = w[k * 960 + j] * s;
    }
}

/*
 * %637 = bn_fold_bias(%632, %633, %634, %635) : f32[176]  features.5.0.block.3.1
 * 42 call sites share this function; the nodes and locations above are the first one's.
 * out %637 -> A + 12255232
 * in  %632 f32[176] <- M + 3637812 (features.5.0.block.3.1.weight)
 * in  %633 f32[176] <- M + 3637988 (features.5.0.block.3.1.bias)
 * in  %634 f32[176] <- M + 53881625 (features.5.0.block.3.1.running_mean)
 * in  %635 f32[176] <- M + 53881801 (features.5.0.block.3.1.running_var)
 */
void k074_bn_fold_bias(
    float *restrict bias_folded /* [176] */,
    const float *restrict gamma /* [176] */,
    const float *restrict beta /* [176] */,
    const float *restrict running_mean /* [176] */,
    const float *restrict running_var /* [176] */) {
    for (long k = 0; k < 176; k++) bias_folded[k] = beta[k] - running_mean[k] * gamma[k] / sqrtf(running_var[k] + 0.001f);
}

/*
 * %615 = add(%613, %614) : f32[4,32,32,960]  features.5.0.block.1.1
 * %616 = silu(%615) : f32[4,32,32,960]  features.5.0.block.1.2
 * %630 = mul(%616, %629) : f32[4,32,32,960]  features.5.0.block.2
 * %638 = conv2d(%630, %636) : f32[4,32,32,176]  features.5.0.block.3.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %638 -> A + 8650752
 * in  %613 f32[4,32,32,960] <- A + 0
 * in  %614 f32[1,1,1,960] <- A + 7872960
 * in  %629 f32[4,1,1,960] <- A + 4101120
 * in  %636 f32[176,960,1,1] <- A + 3932160
 */
void k075_add_silu_mul_conv1x1(
    float *restrict y /* [4,32,32,176] */,
    const float *restrict x /* [4,32,32,960] */,
    const float *restrict bias /* [1,1,1,960] */,
    const float *restrict scale /* [4,1,1,960] */,
    const float *restrict w /* [176,960,1,1] */) {
    /* y (4096, 176) = f(x) (4096, 960) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 176, 960, w, 960);  /* packed once for every tile */
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
            breastai_gemm_f32_packed(CblasNoTrans, rows, 176, 960, 1.0f, tile, 960, w_f32, 0.0f, y + m0 * 176, 176);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %646 = bn_fold_weight(%641, %642, %645) : f32[1056,176,1,1]  features.5.1.block.0.1
 * 41 call sites share this function; the nodes and locations above are the first one's.
 * out %646 -> A + 4325376
 * in  %641 f32[1056,176,1,1] <- M + 3638164 (features.5.1.block.0.0.weight)
 * in  %642 f32[1056] <- M + 3824020 (features.5.1.block.0.1.weight)
 * in  %645 f32[1056] <- M + 53883033 (features.5.1.block.0.1.running_var)
 */
void k076_bn_fold_weight(
    float *restrict w_folded /* [1056,176,1,1] */,
    const float *restrict w /* [1056,176,1,1] */,
    const float *restrict gamma /* [1056] */,
    const float *restrict running_var /* [1056] */) {
    /* w (1056, 176) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 1056; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 176; j++) w_folded[k * 176 + j] = w[k * 176 + j] * s;
    }
}

/*
 * %647 = bn_fold_bias(%642, %643, %644, %645) : f32[1056]  features.5.1.block.0.1
 * 82 call sites share this function; the nodes and locations above are the first one's.
 * out %647 -> A + 9371648
 * in  %642 f32[1056] <- M + 3824020 (features.5.1.block.0.1.weight)
 * in  %643 f32[1056] <- M + 3825076 (features.5.1.block.0.1.bias)
 * in  %644 f32[1056] <- M + 53881977 (features.5.1.block.0.1.running_mean)
 * in  %645 f32[1056] <- M + 53883033 (features.5.1.block.0.1.running_var)
 */
void k077_bn_fold_bias(
    float *restrict bias_folded /* [1056] */,
    const float *restrict gamma /* [1056] */,
    const float *restrict beta /* [1056] */,
    const float *restrict running_mean /* [1056] */,
    const float *restrict running_var /* [1056] */) {
    for (long k = 0; k < 1056; k++) bias_folded[k] = beta[k] - running_mean[k] * gamma[k] / sqrtf(running_var[k] + 0.001f);
}

/*
 * %640 = add(%638, %639) : f32[4,32,32,176]  features.5.0.block.3.1
 * %648 = conv2d(%640, %646) : f32[4,32,32,1056]  features.5.1.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %648 -> A + 0
 * in  %638 f32[4,32,32,176] <- A + 8650752
 * in  %639 f32[1,1,1,176] <- A + 12255232
 * in  %646 f32[1056,176,1,1] <- A + 4325376
 */
void k078_add_conv1x1(
    float *restrict y /* [4,32,32,1056] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict bias /* [1,1,1,176] */,
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
                    const float t0 = x[r * 176 + c];
                    const float t1 = bias[c];
                    const float t2 = t0 + t1;
                    tile[(r - m0) * 176 + c] = t2;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1056, 176, 1.0f, tile, 176, w_f32, 0.0f, y + m0 * 1056, 1056);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %650 = add(%648, %649) : f32[4,32,32,1056]  features.5.1.block.0.1
 * %651 = silu(%650) : f32[4,32,32,1056]  features.5.1.block.0.2
 * 41 call sites share this function; the nodes and locations above are the first one's.
 * out %651 -> A + 4325376
 * in  %648 f32[4,32,32,1056] <- A + 0
 * in  %649 f32[1,1,1,1056] <- A + 9371648
 */
void k079_add_silu(
    float *restrict y /* [4,32,32,1056] */,
    const float *restrict x /* [4,32,32,1056] */,
    const float *restrict bias /* [1,1,1,1056] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 1056; c++) {
            const long i = r * 1056 + c;
            const float t0 = x[r * 1056 + c];
            const float t1 = bias[c];
            const float t2 = t0 + t1;
            const float t3 = t2 * ba_sigmoid(t2);
            y[i] = t3;
        }
    }
}

/*
 * %4257 = sigmoid_bwd(%4256, %634) : f32[4,960]  features.5.0.block.2.scale_activation
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4257 -> A + 426241792
 * in  %634 f32[4,960] <- A + 426985216
 * in  %4256 f32[4,960] <- A + 426237952
 */
void k072b_sigmoid_bwd(
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
 * %4258 = matmul(%4257, %632) : f32[4,40]  features.5.0.block.2.fc2
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4258 -> A + 426237952
 * in  %4257 f32[4,960] <- A + 426241792
 * in  %632 f32[960,40] <- M + 3429492
 */
void k071b_matmul(
    float *restrict y /* [4,40] */,
    const float *restrict a /* [4,960] */,
    const float *restrict b /* [960,40] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 40, 960, 1.0f, a, 960, b, 40, 0.0f, y, 40);
}

/*
 * %4259 = matmul(%4257, %630) : f32[960,40]  features.5.0.block.2.fc2
 * %4262 = reshape(%4259) : f32[960,40,1,1]  features.5.0.block.2.fc2
 * %4823 = add(%4822, %4262) : f32[960,40,1,1]  features.5.0.block.2.fc2.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4823 -> G + 3429492
 * in  %4257 f32[4,960] <- A + 426241792
 * in  %630 f32[4,40] <- A + 427295392
 * in  %4822 f32[960,40,1,1] <- G + 3429492 (features.5.0.block.2.fc2.weight)
 */
void k071b_matmul_tA_acc(
    float *restrict grad /* [960,40,1,1] */,
    const float *restrict a /* [4,960] */,
    const float *restrict b /* [4,40] */) {
    /* accumulated into the gradient: beta = 1 */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 960, 40, 4, 1.0f, a, 960, b, 40, 1.0f, grad, 40);
}

/*
 * %4260 = reduce_sum(%4257) : f32[1,960]  features.5.0.block.2.fc2
 * %4261 = reshape(%4260) : f32[960]  features.5.0.block.2.fc2
 * %4825 = add(%4824, %4261) : f32[960]  features.5.0.block.2.fc2.bias
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4825 -> G + 3467892
 * in  %4257 f32[4,960] <- A + 426241792
 * in  %4824 f32[960] <- G + 3467892 (features.5.0.block.2.fc2.bias)
 */
void k071b_reduce_sum_acc(float *restrict grad /* [960] */, const float *restrict x /* [4,960] */) {
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
 * %4264 = matmul(%4263, %627) : f32[4,960]  features.5.0.block.2.fc1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4264 -> A + 426985216
 * in  %4263 f32[4,40] <- A + 427248832
 * in  %627 f32[40,960] <- M + 3391052
 */
void k070b_matmul(
    float *restrict y /* [4,960] */,
    const float *restrict a /* [4,40] */,
    const float *restrict b /* [40,960] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 960, 40, 1.0f, a, 40, b, 960, 0.0f, y, 960);
}

/*
 * %4265 = matmul(%4263, %625) : f32[40,960]  features.5.0.block.2.fc1
 * %4268 = reshape(%4265) : f32[40,960,1,1]  features.5.0.block.2.fc1
 * %4819 = add(%4818, %4268) : f32[40,960,1,1]  features.5.0.block.2.fc1.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4819 -> G + 3391052
 * in  %4263 f32[4,40] <- A + 427248832
 * in  %625 f32[4,960] <- A + 426981376
 * in  %4818 f32[40,960,1,1] <- G + 3391052 (features.5.0.block.2.fc1.weight)
 */
void k070b_matmul_tA_acc(
    float *restrict grad /* [40,960,1,1] */,
    const float *restrict a /* [4,40] */,
    const float *restrict b /* [4,960] */) {
    /* accumulated into the gradient: beta = 1 */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 40, 960, 4, 1.0f, a, 40, b, 960, 1.0f, grad, 960);
}

/*
 * %4266 = reduce_sum(%4263) : f32[1,40]  features.5.0.block.2.fc1
 * %4267 = reshape(%4266) : f32[40]  features.5.0.block.2.fc1
 * %4821 = add(%4820, %4267) : f32[40]  features.5.0.block.2.fc1.bias
 * 14 call sites share this function; the nodes and locations above are the first one's.
 * out %4821 -> G + 3429452
 * in  %4263 f32[4,40] <- A + 427248832
 * in  %4820 f32[40] <- G + 3429452 (features.5.0.block.2.fc1.bias)
 */
void k070b_reduce_sum_acc(float *restrict grad /* [40] */, const float *restrict x /* [4,40] */) {
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
