/* Kernels k080 to k095 and their backward kernels. */
#include "kernels.h"

/*
 * %657 = bn_fold_weight(%652, %653, %656) : f32[1056,1,3,3]  features.5.1.block.1.1
 * 41 call sites share this function; the nodes and locations above are the first one's.
 * out %657 -> A + 9371648
 * in  %652 f32[1056,1,3,3] <- M + 3826132 (features.5.1.block.1.0.weight)
 * in  %653 f32[1056] <- M + 3835636 (features.5.1.block.1.1.weight)
 * in  %656 f32[1056] <- M + 53885145 (features.5.1.block.1.1.running_var)
 */
void k080_bn_fold_weight(
    float *restrict w_folded /* [1056,1,3,3] */,
    const float *restrict w /* [1056,1,3,3] */,
    const float *restrict gamma /* [1056] */,
    const float *restrict running_var /* [1056] */) {
    /* w (1056, 9) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 1056; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 9; j++) w_folded[k * 9 + j] = w[k * 9 + j] * s;
    }
}

/*
 * %659 = conv2d(%651, %657) : f32[4,32,32,1056]  features.5.1.block.1.0
 * 39 call sites share this function; the nodes and locations above are the first one's.
 * out %659 -> A + 0
 * in  %651 f32[4,32,32,1056] <- A + 4325376
 * in  %657 f32[1056,1,3,3] <- A + 9371648
 */
void k081_dwconv3x3(
    float *restrict y /* [4,32,32,1056] */,
    const float *restrict x /* [4,32,32,1056] */,
    const float *restrict w /* [1056,1,3,3] */) {
    /* x (4,32,32,1056) w (1056,1,3,3) y (4,32,32,1056) stride 1 pad 1 groups 1056 */
    float *restrict wt = malloc(sizeof(float) * 9504);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 1056; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 1056 + c] = w[(c * 3 + r) * 3 + s];
    /* Depthwise 3x3 as a sliding window: per output row and block of 16 channels, the weights and the 3x3
     * window of x stay in registers while ow moves right; rows and columns outside x are zeros. */
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long oh = 0; oh < 32; oh++) {
            const int up = oh > 0, down = oh + 1 < 32;
            const long o1 = (n * 32 + oh) * 33792, o0 = o1 - 33792, o2 = o1 + 33792;
            for (long c = 0; c < 1056; c += 16) {
                const ba_v16 zero = {0};
                const ba_v16 w00 = *(const ba_v16 *)(wt + c), w01 = *(const ba_v16 *)(wt + 1056 + c), w02 = *(const ba_v16 *)(wt + 2112 + c);
                const ba_v16 w10 = *(const ba_v16 *)(wt + 3168 + c), w11 = *(const ba_v16 *)(wt + 4224 + c), w12 = *(const ba_v16 *)(wt + 5280 + c);
                const ba_v16 w20 = *(const ba_v16 *)(wt + 6336 + c), w21 = *(const ba_v16 *)(wt + 7392 + c), w22 = *(const ba_v16 *)(wt + 8448 + c);
                ba_v16 v00 = zero, v10 = zero, v20 = zero;
                ba_v16 v01 = up ? *(const ba_v16 *)(x + o0 + c) : zero, v11 = *(const ba_v16 *)(x + o1 + c), v21 = down ? *(const ba_v16 *)(x + o2 + c) : zero;
                for (long col = 0; col < 32; col++) {
                    ba_v16 v02 = zero, v12 = zero, v22 = zero;
                    if (col + 1 < 32) {
                        const long next = (col + 1) * 1056 + c;
                        if (up) { v02 = *(const ba_v16 *)(x + o0 + next); __builtin_prefetch(x + o0 + next + 16); }
                        v12 = *(const ba_v16 *)(x + o1 + next); __builtin_prefetch(x + o1 + next + 16);
                        if (down) { v22 = *(const ba_v16 *)(x + o2 + next); __builtin_prefetch(x + o2 + next + 16); }
                    }
                    const ba_v16 v = v00 * w00 + v01 * w01 + v02 * w02
                        + v10 * w10 + v11 * w11 + v12 * w12
                        + v20 * w20 + v21 * w21 + v22 * w22;
                    *(ba_v16 *)(y + o1 + col * 1056 + c) = v;
                    __builtin_prefetch(y + o1 + col * 1056 + c + 16, 1);
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
            }
        }
    }
    free(wt);
}

/*
 * %661 = add(%659, %660) : f32[4,32,32,1056]  features.5.1.block.1.1
 * %662 = silu(%661) : f32[4,32,32,1056]  features.5.1.block.1.2
 * %663 = reduce_mean(%662) : f32[4,1,1,1056]  features.5.1.block.2.avgpool
 * 39 call sites share this function; the nodes and locations above are the first one's.
 * out %663 -> A + 4325376
 * in  %659 f32[4,32,32,1056] <- A + 0
 * in  %660 f32[1,1,1,1056] <- A + 10092544
 */
void k082_add_silu_reduce_mean(
    float *restrict y /* [4,1,1,1056] */,
    const float *restrict x /* [4,32,32,1056] */,
    const float *restrict bias /* [1,1,1,1056] */) {
    /* mean over axes [1, 2] of [4, 32, 32, 1056]: (4, 1024, 1056) -> (4, 1056) */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[1056];
        for (long q = 0; q < 1056; q++) acc[q] = 0.0;
        for (long j = 0; j < 1024; j++) {
            for (long q = 0; q < 1056; q++) {
                const long r = o * 1024 + j;
                const long c = q;
                const float t0 = x[r * 1056 + c];
                const float t1 = bias[c];
                const float t2 = t0 + t1;
                const float t3 = t2 * ba_sigmoid(t2);
                acc[q] += t3;
            }
        }
        for (long q = 0; q < 1056; q++) y[o * 1056 + q] = (float)(acc[q] / 1024.0);
    }
}

/*
 * %668 = linear(%664, %666, %667) : f32[4,44]  features.5.1.block.2.fc1
 * 70 call sites share this function; the nodes and locations above are the first one's.
 * out %668 -> A + 9371648
 * in  %664 f32[4,1056] <- A + 4325376
 * in  %666 f32[44,1056] <- M + 3837748
 * in  %667 f32[44] <- M + 3884212 (features.5.1.block.2.fc1.bias)
 */
void k083_linear(
    float *restrict y /* [4,44] */,
    const float *restrict x /* [4,1056] */,
    const float *restrict w /* [44,1056] */,
    const float *restrict bias /* [44] */) {
    /* y (4,44) = x (4,1056) · wᵀ (1056,44) + b */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 44, 1056, 1.0f, x, 1056, w, 1056, 0.0f, y, 44);
    for (long n = 0; n < 4; n++) for (long k = 0; k < 44; k++) y[n * 44 + k] += bias[k];
}

/*
 * %669 = silu(%668) : f32[4,44]  features.5.1.block.2.activation
 * 70 call sites share this function; the nodes and locations above are the first one's.
 * out %669 -> A + 9371824
 * in  %668 f32[4,44] <- A + 9371648
 */
void k084_silu(float *restrict y /* [4,44] */, const float *restrict x /* [4,44] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 44; c++) {
            const long i = r * 44 + c;
            const float t0 = x[r * 44 + c];
            const float t1 = t0 * ba_sigmoid(t0);
            y[i] = t1;
        }
    }
}

/*
 * %673 = linear(%669, %671, %672) : f32[4,1056]  features.5.1.block.2.fc2
 * 70 call sites share this function; the nodes and locations above are the first one's.
 * out %673 -> A + 4325376
 * in  %669 f32[4,44] <- A + 9371824
 * in  %671 f32[1056,44] <- M + 3884256
 * in  %672 f32[1056] <- M + 3930720 (features.5.1.block.2.fc2.bias)
 */
void k085_linear(
    float *restrict y /* [4,1056] */,
    const float *restrict x /* [4,44] */,
    const float *restrict w /* [1056,44] */,
    const float *restrict bias /* [1056] */) {
    /* y (4,1056) = x (4,44) · wᵀ (44,1056) + b */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 1056, 44, 1.0f, x, 44, w, 44, 0.0f, y, 1056);
    for (long n = 0; n < 4; n++) for (long k = 0; k < 1056; k++) y[n * 1056 + k] += bias[k];
}

/*
 * %674 = sigmoid(%673) : f32[4,1056]  features.5.1.block.2.scale_activation
 * 70 call sites share this function; the nodes and locations above are the first one's.
 * out %674 -> A + 4511232
 * in  %673 f32[4,1056] <- A + 4325376
 */
void k086_sigmoid(float *restrict y /* [4,1056] */, const float *restrict x /* [4,1056] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 1056; c++) {
            const long i = r * 1056 + c;
            const float t0 = x[r * 1056 + c];
            const float t1 = ba_sigmoid(t0);
            y[i] = t1;
        }
    }
}

/*
 * %682 = bn_fold_weight(%677, %678, %681) : f32[176,1056,1,1]  features.5.1.block.3.1
 * 39 call sites share this function; the nodes and locations above are the first one's.
 * out %682 -> A + 4325376
 * in  %677 f32[176,1056,1,1] <- M + 3931776 (features.5.1.block.3.0.weight)
 * in  %678 f32[176] <- M + 4117632 (features.5.1.block.3.1.weight)
 * in  %681 f32[176] <- M + 53886377 (features.5.1.block.3.1.running_var)
 */
void k087_bn_fold_weight(
    float *restrict w_folded /* [176,1056,1,1] */,
    const float *restrict w /* [176,1056,1,1] */,
    const float *restrict gamma /* [176] */,
    const float *restrict running_var /* [176] */) {
    /* w (176, 1056) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 176; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 1056; j++) w_folded[k * 1056 + j] = w[k * 1056 + j] * s;
    }
}

/*
 * %661 = add(%659, %660) : f32[4,32,32,1056]  features.5.1.block.1.1
 * %662 = silu(%661) : f32[4,32,32,1056]  features.5.1.block.1.2
 * %676 = mul(%662, %675) : f32[4,32,32,1056]  features.5.1.block.2
 * %684 = conv2d(%676, %682) : f32[4,32,32,176]  features.5.1.block.3.0
 * 39 call sites share this function; the nodes and locations above are the first one's.
 * out %684 -> A + 9371648
 * in  %659 f32[4,32,32,1056] <- A + 0
 * in  %660 f32[1,1,1,1056] <- A + 10092544
 * in  %675 f32[4,1,1,1056] <- A + 4511232
 * in  %682 f32[176,1056,1,1] <- A + 4325376
 */
void k088_add_silu_mul_conv1x1(
    float *restrict y /* [4,32,32,176] */,
    const float *restrict x /* [4,32,32,1056] */,
    const float *restrict bias /* [1,1,1,1056] */,
    const float *restrict scale /* [4,1,1,1056] */,
    const float *restrict w /* [176,1056,1,1] */) {
    /* y (4096, 176) = f(x) (4096, 1056) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 176, 1056, w, 1056);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 270336);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 16; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 4096 ? 256 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 1056; c++) {
                    const float t0 = x[r * 1056 + c];
                    const float t1 = bias[c];
                    const float t2 = t0 + t1;
                    const float t3 = t2 * ba_sigmoid(t2);
                    const float t4 = scale[(r / 1024) * 1056 + c];
                    const float t5 = t3 * t4;
                    tile[(r - m0) * 1056 + c] = t5;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 176, 1056, 1.0f, tile, 1056, w_f32, 0.0f, y + m0 * 176, 176);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %640 = add(%638, %639) : f32[4,32,32,176]  features.5.0.block.3.1
 * %686 = add(%684, %685) : f32[4,32,32,176]  features.5.1.block.3.1
 * %687 = add(%686, %640) : f32[4,32,32,176]  features.5.1
 * %695 = conv2d(%687, %693) : f32[4,32,32,1056]  features.5.2.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %695 -> A + 0
 * in  %638 f32[4,32,32,176] <- A + 8650752
 * in  %639 f32[1,1,1,176] <- A + 12255232
 * in  %684 f32[4,32,32,176] <- A + 9371648
 * in  %685 f32[1,1,1,176] <- A + 12255408
 * in  %693 f32[1056,176,1,1] <- A + 4325376
 */
void k089_add_conv1x1(
    float *restrict y /* [4,32,32,1056] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict bias /* [1,1,1,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict bias2 /* [1,1,1,176] */,
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
                    const float t0 = x2[r * 176 + c];
                    const float t1 = bias2[c];
                    const float t2 = t0 + t1;
                    const float t3 = x[r * 176 + c];
                    const float t4 = bias[c];
                    const float t5 = t3 + t4;
                    const float t6 = t2 + t5;
                    tile[(r - m0) * 176 + c] = t6;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1056, 176, 1.0f, tile, 176, w_f32, 0.0f, y + m0 * 1056, 1056);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %640 = add(%638, %639) : f32[4,32,32,176]  features.5.0.block.3.1
 * %686 = add(%684, %685) : f32[4,32,32,176]  features.5.1.block.3.1
 * %687 = add(%686, %640) : f32[4,32,32,176]  features.5.1
 * %733 = add(%731, %732) : f32[4,32,32,176]  features.5.2.block.3.1
 * %734 = add(%733, %687) : f32[4,32,32,176]  features.5.2
 * %742 = conv2d(%734, %740) : f32[4,32,32,1056]  features.5.3.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %742 -> A + 0
 * in  %638 f32[4,32,32,176] <- A + 8650752
 * in  %639 f32[1,1,1,176] <- A + 12255232
 * in  %684 f32[4,32,32,176] <- A + 9371648
 * in  %685 f32[1,1,1,176] <- A + 12255408
 * in  %731 f32[4,32,32,176] <- A + 10092544
 * in  %732 f32[1,1,1,176] <- A + 12255584
 * in  %740 f32[1056,176,1,1] <- A + 4325376
 */
void k090_add_conv1x1(
    float *restrict y /* [4,32,32,1056] */,
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
                    const float t9 = t5 + t8;
                    const float t10 = t2 + t9;
                    tile[(r - m0) * 176 + c] = t10;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1056, 176, 1.0f, tile, 176, w_f32, 0.0f, y + m0 * 1056, 1056);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %640 = add(%638, %639) : f32[4,32,32,176]  features.5.0.block.3.1
 * %686 = add(%684, %685) : f32[4,32,32,176]  features.5.1.block.3.1
 * %687 = add(%686, %640) : f32[4,32,32,176]  features.5.1
 * %733 = add(%731, %732) : f32[4,32,32,176]  features.5.2.block.3.1
 * %734 = add(%733, %687) : f32[4,32,32,176]  features.5.2
 * %780 = add(%778, %779) : f32[4,32,32,176]  features.5.3.block.3.1
 * %781 = add(%780, %734) : f32[4,32,32,176]  features.5.3
 * %789 = conv2d(%781, %787) : f32[4,32,32,1056]  features.5.4.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %789 -> A + 0
 * in  %638 f32[4,32,32,176] <- A + 8650752
 * in  %639 f32[1,1,1,176] <- A + 12255232
 * in  %684 f32[4,32,32,176] <- A + 9371648
 * in  %685 f32[1,1,1,176] <- A + 12255408
 * in  %731 f32[4,32,32,176] <- A + 10092544
 * in  %732 f32[1,1,1,176] <- A + 12255584
 * in  %778 f32[4,32,32,176] <- A + 10813440
 * in  %779 f32[1,1,1,176] <- A + 12255760
 * in  %787 f32[1056,176,1,1] <- A + 4325376
 */
void k091_add_conv1x1(
    float *restrict y /* [4,32,32,1056] */,
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
                    const float t12 = t8 + t11;
                    const float t13 = t5 + t12;
                    const float t14 = t2 + t13;
                    tile[(r - m0) * 176 + c] = t14;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1056, 176, 1.0f, tile, 176, w_f32, 0.0f, y + m0 * 1056, 1056);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %640 = add(%638, %639) : f32[4,32,32,176]  features.5.0.block.3.1
 * %686 = add(%684, %685) : f32[4,32,32,176]  features.5.1.block.3.1
 * %687 = add(%686, %640) : f32[4,32,32,176]  features.5.1
 * %733 = add(%731, %732) : f32[4,32,32,176]  features.5.2.block.3.1
 * %734 = add(%733, %687) : f32[4,32,32,176]  features.5.2
 * %780 = add(%778, %779) : f32[4,32,32,176]  features.5.3.block.3.1
 * %781 = add(%780, %734) : f32[4,32,32,176]  features.5.3
 * %827 = add(%825, %826) : f32[4,32,32,176]  features.5.4.block.3.1
 * %828 = add(%827, %781) : f32[4,32,32,176]  features.5.4
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %828 -> A + 11534336
 * in  %638 f32[4,32,32,176] <- A + 8650752
 * in  %639 f32[1,1,1,176] <- A + 12255232
 * in  %684 f32[4,32,32,176] <- A + 9371648
 * in  %685 f32[1,1,1,176] <- A + 12255408
 * in  %731 f32[4,32,32,176] <- A + 10092544
 * in  %732 f32[1,1,1,176] <- A + 12255584
 * in  %778 f32[4,32,32,176] <- A + 10813440
 * in  %779 f32[1,1,1,176] <- A + 12255760
 * in  %825 f32[4,32,32,176] <- A + 4325376
 * in  %826 f32[1,1,1,176] <- A + 5236352
 */
void k092_add(
    float *restrict y /* [4,32,32,176] */,
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
            const float t15 = t11 + t14;
            const float t16 = t8 + t15;
            const float t17 = t5 + t16;
            const float t18 = t2 + t17;
            y[i] = t18;
        }
    }
}

/*
 * %836 = conv2d(%828, %834) : f32[4,32,32,1056]  features.5.5.block.0.0
 * 14 call sites share this function; the nodes and locations above are the first one's.
 * out %836 -> A + 0
 * in  %828 f32[4,32,32,176] <- A + 11534336
 * in  %834 f32[1056,176,1,1] <- A + 4325376
 */
void k093_conv1x1(
    float *restrict y /* [4,32,32,1056] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict w /* [1056,176,1,1] */) {
    /* x (4,32,32,176) w (1056,176,1,1) y (4,32,32,1056) stride 1 pad 0 */
    /* y (N·H·W, K) = x (N·H·W, C) · wᵀ (C, K) */
    /* the weight packed once; tiles of 72 rows in parallel */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 1056, 176, w, 176);  /* packed once for every tile */
    #pragma omp parallel for schedule(static)
    for (long t = 0; t < 57; t++) {
        const long m0 = t * 72, rows = m0 + 72 <= 4096 ? 72 : 4096 - m0;
        breastai_gemm_f32_packed(CblasNoTrans, rows, 1056, 176, 1.0f, x + m0 * 176, 176, w_f32, 0.0f, y + m0 * 1056, 1056);
    }
    free(w_f32);
}

/*
 * %874 = add(%872, %873) : f32[4,32,32,176]  features.5.5.block.3.1
 * %875 = add(%874, %828) : f32[4,32,32,176]  features.5.5
 * %883 = conv2d(%875, %881) : f32[4,32,32,1056]  features.5.6.block.0.0
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %883 -> A + 0
 * in  %828 f32[4,32,32,176] <- A + 11534336
 * in  %872 f32[4,32,32,176] <- A + 8650752
 * in  %873 f32[1,1,1,176] <- A + 12976128
 * in  %881 f32[1056,176,1,1] <- A + 9371648
 */
void k094_add_conv1x1(
    float *restrict y /* [4,32,32,1056] */,
    const float *restrict b /* [4,32,32,176] */,
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
                    const float t3 = b[r * 176 + c];
                    const float t4 = t2 + t3;
                    tile[(r - m0) * 176 + c] = t4;
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
 * %930 = conv2d(%922, %928) : f32[4,32,32,1056]  features.5.7.block.0.0
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %930 -> A + 0
 * in  %828 f32[4,32,32,176] <- A + 11534336
 * in  %872 f32[4,32,32,176] <- A + 8650752
 * in  %873 f32[1,1,1,176] <- A + 12976128
 * in  %919 f32[4,32,32,176] <- A + 9371648
 * in  %920 f32[1,1,1,176] <- A + 12976304
 * in  %928 f32[1056,176,1,1] <- A + 10092544
 */
void k095_add_conv1x1(
    float *restrict y /* [4,32,32,1056] */,
    const float *restrict b /* [4,32,32,176] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict bias /* [1,1,1,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict bias2 /* [1,1,1,176] */,
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
                    const float t0 = x2[r * 176 + c];
                    const float t1 = bias2[c];
                    const float t2 = t0 + t1;
                    const float t3 = x[r * 176 + c];
                    const float t4 = bias[c];
                    const float t5 = t3 + t4;
                    const float t6 = b[r * 176 + c];
                    const float t7 = t5 + t6;
                    const float t8 = t2 + t7;
                    tile[(r - m0) * 176 + c] = t8;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1056, 176, 1.0f, tile, 176, w_f32, 0.0f, y + m0 * 1056, 1056);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %3568 = sigmoid_bwd(%3567, %1284) : f32[4,1056]  features.6.0.block.2.scale_activation
 * 29 call sites share this function; the nodes and locations above are the first one's.
 * out %3568 -> A + 168751232
 * in  %1284 f32[4,1056] <- A + 169341824
 * in  %3567 f32[4,1056] <- A + 168747008
 */
void k086b_sigmoid_bwd(
    float *restrict dx /* [4,1056] */,
    const float *restrict x /* [4,1056] */,
    const float *restrict dy /* [4,1056] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 1056; c++) {
            const long i = r * 1056 + c;
            const float t0 = dy[r * 1056 + c];
            const float t1 = x[r * 1056 + c];
            const float t2s = ba_sigmoid(t1);
            const float t2 = t0 * (t2s * (1.0f - t2s));
            dx[i] = t2;
        }
    }
}

/*
 * %3569 = matmul(%3568, %1282) : f32[4,44]  features.6.0.block.2.fc2
 * 29 call sites share this function; the nodes and locations above are the first one's.
 * out %3569 -> A + 168747008
 * in  %3568 f32[4,1056] <- A + 168751232
 * in  %1282 f32[1056,44] <- M + 10121916
 */
void k085b_matmul(
    float *restrict y /* [4,44] */,
    const float *restrict a /* [4,1056] */,
    const float *restrict b /* [1056,44] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 44, 1056, 1.0f, a, 1056, b, 44, 0.0f, y, 44);
}

/*
 * %3570 = matmul(%3568, %1280) : f32[1056,44]  features.6.0.block.2.fc2
 * %3573 = reshape(%3570) : f32[1056,44,1,1]  features.6.0.block.2.fc2
 * %3618 = add(%3617, %3573) : f32[1056,44,1,1]  features.6.0.block.2.fc2.weight
 * 29 call sites share this function; the nodes and locations above are the first one's.
 * out %3618 -> G + 10121916
 * in  %3568 f32[4,1056] <- A + 168751232
 * in  %1280 f32[4,44] <- A + 169517808
 * in  %3617 f32[1056,44,1,1] <- G + 10121916 (features.6.0.block.2.fc2.weight)
 */
void k085b_matmul_tA_acc(
    float *restrict grad /* [1056,44,1,1] */,
    const float *restrict a /* [4,1056] */,
    const float *restrict b /* [4,44] */) {
    /* accumulated into the gradient: beta = 1 */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 1056, 44, 4, 1.0f, a, 1056, b, 44, 1.0f, grad, 44);
}

/*
 * %3571 = reduce_sum(%3568) : f32[1,1056]  features.6.0.block.2.fc2
 * %3572 = reshape(%3571) : f32[1056]  features.6.0.block.2.fc2
 * %3620 = add(%3619, %3572) : f32[1056]  features.6.0.block.2.fc2.bias
 * 29 call sites share this function; the nodes and locations above are the first one's.
 * out %3620 -> G + 10168380
 * in  %3568 f32[4,1056] <- A + 168751232
 * in  %3619 f32[1056] <- G + 10168380 (features.6.0.block.2.fc2.bias)
 */
void k085b_reduce_sum_acc(float *restrict grad /* [1056] */, const float *restrict x /* [4,1056] */) {
    /* sum over axes [0] of [4, 1056]: (1, 4, 1056) -> (1, 1056) */
    for (long o = 0; o < 1; o++) {
        double acc[1056];
        for (long q = 0; q < 1056; q++) acc[q] = 0.0;
        for (long j = 0; j < 4; j++) {
            for (long q = 0; q < 1056; q++) {
                const long r = o * 4 + j;
                const long c = q;
                const float t0 = x[r * 1056 + c];
                acc[q] += t0;
            }
        }
        for (long q = 0; q < 1056; q++) grad[o * 1056 + q] += (float)(acc[q]);
    }
}

/*
 * %3574 = silu_bwd(%3569, %1279) : f32[4,44]  features.6.0.block.2.activation
 * 29 call sites share this function; the nodes and locations above are the first one's.
 * out %3574 -> A + 169485824
 * in  %1279 f32[4,44] <- A + 169517632
 * in  %3569 f32[4,44] <- A + 168747008
 */
void k084b_silu_bwd(
    float *restrict dx /* [4,44] */,
    const float *restrict x /* [4,44] */,
    const float *restrict dy /* [4,44] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 44; c++) {
            const long i = r * 44 + c;
            const float t0 = dy[r * 44 + c];
            const float t1 = x[r * 44 + c];
            const float t2s = ba_sigmoid(t1);
            const float t2 = t0 * (t2s * (1.0f + t1 * (1.0f - t2s)));
            dx[i] = t2;
        }
    }
}

/*
 * %3575 = matmul(%3574, %1277) : f32[4,1056]  features.6.0.block.2.fc1
 * 29 call sites share this function; the nodes and locations above are the first one's.
 * out %3575 -> A + 169341824
 * in  %3574 f32[4,44] <- A + 169485824
 * in  %1277 f32[44,1056] <- M + 10075408
 */
void k083b_matmul(
    float *restrict y /* [4,1056] */,
    const float *restrict a /* [4,44] */,
    const float *restrict b /* [44,1056] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 1056, 44, 1.0f, a, 44, b, 1056, 0.0f, y, 1056);
}

/*
 * %3576 = matmul(%3574, %1275) : f32[44,1056]  features.6.0.block.2.fc1
 * %3579 = reshape(%3576) : f32[44,1056,1,1]  features.6.0.block.2.fc1
 * %3614 = add(%3613, %3579) : f32[44,1056,1,1]  features.6.0.block.2.fc1.weight
 * 29 call sites share this function; the nodes and locations above are the first one's.
 * out %3614 -> G + 10075408
 * in  %3574 f32[4,44] <- A + 169485824
 * in  %1275 f32[4,1056] <- A + 169337600
 * in  %3613 f32[44,1056,1,1] <- G + 10075408 (features.6.0.block.2.fc1.weight)
 */
void k083b_matmul_tA_acc(
    float *restrict grad /* [44,1056,1,1] */,
    const float *restrict a /* [4,44] */,
    const float *restrict b /* [4,1056] */) {
    /* accumulated into the gradient: beta = 1 */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 44, 1056, 4, 1.0f, a, 44, b, 1056, 1.0f, grad, 1056);
}

/*
 * %3577 = reduce_sum(%3574) : f32[1,44]  features.6.0.block.2.fc1
 * %3578 = reshape(%3577) : f32[44]  features.6.0.block.2.fc1
 * %3616 = add(%3615, %3578) : f32[44]  features.6.0.block.2.fc1.bias
 * 29 call sites share this function; the nodes and locations above are the first one's.
 * out %3616 -> G + 10121872
 * in  %3574 f32[4,44] <- A + 169485824
 * in  %3615 f32[44] <- G + 10121872 (features.6.0.block.2.fc1.bias)
 */
void k083b_reduce_sum_acc(float *restrict grad /* [44] */, const float *restrict x /* [4,44] */) {
    /* sum over axes [0] of [4, 44]: (1, 4, 44) -> (1, 44) */
    for (long o = 0; o < 1; o++) {
        double acc[44];
        for (long q = 0; q < 44; q++) acc[q] = 0.0;
        for (long j = 0; j < 4; j++) {
            for (long q = 0; q < 44; q++) {
                const long r = o * 4 + j;
                const long c = q;
                const float t0 = x[r * 44 + c];
                acc[q] += t0;
            }
        }
        for (long q = 0; q < 44; q++) grad[o * 44 + q] += (float)(acc[q]);
    }
}

/*
 * %3667 = conv2d_bwd_weight(%3661, %1223) : f32[1056,176,1,1]  features.5.13.block.0.0
 * %5145 = add(%5144, %3667) : f32[1056,176,1,1]  features.5.13.block.0.0.weight
 * 8 call sites share this function; the nodes and locations above are the first one's.
 * out %5145 -> G + 9396004
 * in  %3661 f32[4,32,32,1056] <- A + 170524672
 * in  %1223 f32[4,32,32,176] <- A + 409436160
 * in  %5144 f32[1056,176,1,1] <- G + 9396004 (features.5.13.block.0.0.weight)
 */
void k093b_conv1x1_bwd_weight_acc(
    float *restrict grad /* [1056,176,1,1] */,
    const float *restrict dy /* [4,32,32,1056] */,
    const float *restrict x /* [4,32,32,176] */) {
    /* dw of x (4,32,32,176) w (1056,176,1,1) y (4,32,32,1056) stride 1 pad 0, added into the accumulator */
    /* dw (K, C) += dyᵀ (K, N·H·W) · x (N·H·W, C) */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 1056, 176, 4096, 1.0f, dy, 1056, x, 176, 1.0f, grad, 176);
}
