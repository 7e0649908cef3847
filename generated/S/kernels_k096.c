/* Kernels k096 to k111 and their backward kernels. */
#include "kernels.h"

/*
 * %771 = add(%769, %770) : f32[4,32,32,160]  features.5.5.block.3.1
 * %772 = add(%771, %725) : f32[4,32,32,160]  features.5.5
 * %818 = add(%816, %817) : f32[4,32,32,160]  features.5.6.block.3.1
 * %819 = add(%818, %772) : f32[4,32,32,160]  features.5.6
 * %865 = add(%863, %864) : f32[4,32,32,160]  features.5.7.block.3.1
 * %866 = add(%865, %819) : f32[4,32,32,160]  features.5.7
 * %912 = add(%910, %911) : f32[4,32,32,160]  features.5.8.block.3.1
 * %913 = add(%912, %866) : f32[4,32,32,160]  features.5.8
 * %921 = conv2d(%913, %919) : f32[4,32,32,960]  features.6.0.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %921 -> A + 0
 * in  %725 f32[4,32,32,160] <- A + 10485760
 * in  %769 f32[4,32,32,160] <- A + 7864320
 * in  %770 f32[1,1,1,160] <- A + 11142080
 * in  %816 f32[4,32,32,160] <- A + 8519680
 * in  %817 f32[1,1,1,160] <- A + 11142240
 * in  %863 f32[4,32,32,160] <- A + 9175040
 * in  %864 f32[1,1,1,160] <- A + 11142400
 * in  %910 f32[4,32,32,160] <- A + 9830400
 * in  %911 f32[1,1,1,160] <- A + 4089600
 * in  %919 f32[960,160,1,1] <- A + 3932160
 */
void k096_add_conv1x1(
    float *restrict y /* [4,32,32,960] */,
    const float *restrict b /* [4,32,32,160] */,
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
                    const float t12 = b[r * 160 + c];
                    const float t13 = t11 + t12;
                    const float t14 = t8 + t13;
                    const float t15 = t5 + t14;
                    const float t16 = t2 + t15;
                    tile[(r - m0) * 160 + c] = t16;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 960, 160, 1.0f, tile, 160, w_f32, 0.0f, y + m0 * 960, 960);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %932 = conv2d(%924, %930) : f32[4,16,16,960]  features.6.0.block.1.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %932 -> A + 0
 * in  %924 f32[4,32,32,960] <- A + 3932160
 * in  %930 f32[960,1,3,3] <- A + 983040
 */
void k097_dwconv3x3s2(
    float *restrict y /* [4,16,16,960] */,
    const float *restrict x /* [4,32,32,960] */,
    const float *restrict w /* [960,1,3,3] */) {
    /* x (4,32,32,960) w (960,1,3,3) y (4,16,16,960) stride 2 pad 1 groups 960 */
    /* Depthwise: y[n, oh, ow, c] = Σ_{r, s} x[n, ih, iw, c] · wt[r, s, c], channels innermost (vectorised),
     * one output row per work item. */
    float *restrict wt = malloc(sizeof(float) * 8640);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 960; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 960 + c] = w[(c * 3 + r) * 3 + s];
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long oh = 0; oh < 16; oh++) {
            for (long ow = 0; ow < 16; ow++) {
                float *restrict yp = y + ((n * 16 + oh) * 16 + ow) * 960;
                if (oh * 2 - 1 >= 0 && oh * 2 + 1 < 32 && ow * 2 - 1 >= 0 && ow * 2 + 1 < 32) {
                    /* every tap inside x: one sum per channel, the taps in the order of the loops below */
                    const float *restrict x0 = x + ((n * 32 + oh * 2 - 1) * 32 + ow * 2 - 1) * 960;
                    for (long c = 0; c < 960; c++)
                        yp[c] = x0[c] * wt[c] + x0[960 + c] * wt[960 + c] + x0[1920 + c] * wt[1920 + c]
                            + x0[30720 + c] * wt[2880 + c] + x0[31680 + c] * wt[3840 + c] + x0[32640 + c] * wt[4800 + c]
                            + x0[61440 + c] * wt[5760 + c] + x0[62400 + c] * wt[6720 + c] + x0[63360 + c] * wt[7680 + c];
                    continue;
                }
                for (long c = 0; c < 960; c++) yp[c] = 0.0f;
                for (long r = 0; r < 3; r++) {
                    const long ih = oh * 2 - 1 + r;
                    if (ih < 0 || ih >= 32) continue;
                    for (long s = 0; s < 3; s++) {
                        const long iw = ow * 2 - 1 + s;
                        if (iw < 0 || iw >= 32) continue;
                        const float *restrict xp = x + ((n * 32 + ih) * 32 + iw) * 960, *restrict wr = wt + (r * 3 + s) * 960;
                        for (long c = 0; c < 960; c++) yp[c] += xp[c] * wr[c];
                    }
                }
            }
        }
    }
    free(wt);
}

/*
 * %934 = add(%932, %933) : f32[4,16,16,960]  features.6.0.block.1.1
 * %935 = silu(%934) : f32[4,16,16,960]  features.6.0.block.1.2
 * %936 = reduce_mean(%935) : f32[4,1,1,960]  features.6.0.block.2.avgpool
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %936 -> A + 983040
 * in  %932 f32[4,16,16,960] <- A + 0
 * in  %933 f32[1,1,1,960] <- A + 3407872
 */
void k098_add_silu_reduce_mean(
    float *restrict y /* [4,1,1,960] */,
    const float *restrict x /* [4,16,16,960] */,
    const float *restrict bias /* [1,1,1,960] */) {
    /* mean over axes [1, 2] of [4, 16, 16, 960]: (4, 256, 960) -> (4, 960) */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[960];
        for (long q = 0; q < 960; q++) acc[q] = 0.0;
        for (long j = 0; j < 256; j++) {
            for (long q = 0; q < 960; q++) {
                const long r = o * 256 + j;
                const long c = q;
                const float t0 = x[r * 960 + c];
                const float t1 = bias[c];
                const float t2 = t0 + t1;
                const float t3 = t2 * ba_sigmoid(t2);
                acc[q] += t3;
            }
        }
        for (long q = 0; q < 960; q++) y[o * 960 + q] = (float)(acc[q] / 256.0);
    }
}

/*
 * %955 = bn_fold_weight(%950, %951, %954) : f32[256,960,1,1]  features.6.0.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %955 -> A + 983040
 * in  %950 f32[256,960,1,1] <- M + 5529296 (features.6.0.block.3.0.weight)
 * in  %951 f32[256] <- M + 5775056 (features.6.0.block.3.1.weight)
 * in  %954 f32[256] <- M + 21229765 (features.6.0.block.3.1.running_var)
 */
void k099_bn_fold_weight(
    float *restrict w_folded /* [256,960,1,1] */,
    const float *restrict w /* [256,960,1,1] */,
    const float *restrict gamma /* [256] */,
    const float *restrict running_var /* [256] */) {
    /* w (256, 960) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 256; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 960; j++) w_folded[k * 960 + j] = w[k * 960 + j] * s;
    }
}

/*
 * %934 = add(%932, %933) : f32[4,16,16,960]  features.6.0.block.1.1
 * %935 = silu(%934) : f32[4,16,16,960]  features.6.0.block.1.2
 * %949 = mul(%935, %948) : f32[4,16,16,960]  features.6.0.block.2
 * %957 = conv2d(%949, %955) : f32[4,16,16,256]  features.6.0.block.3.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %957 -> A + 3145728
 * in  %932 f32[4,16,16,960] <- A + 0
 * in  %933 f32[1,1,1,960] <- A + 3407872
 * in  %948 f32[4,1,1,960] <- A + 1228800
 * in  %955 f32[256,960,1,1] <- A + 983040
 */
void k100_add_silu_mul_conv1x1(
    float *restrict y /* [4,16,16,256] */,
    const float *restrict x /* [4,16,16,960] */,
    const float *restrict bias /* [1,1,1,960] */,
    const float *restrict scale /* [4,1,1,960] */,
    const float *restrict w /* [256,960,1,1] */) {
    /* y (1024, 256) = f(x) (1024, 960) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 256, 960, w, 960);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 245760);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 960; c++) {
                    const float t0 = x[r * 960 + c];
                    const float t1 = bias[c];
                    const float t2 = t0 + t1;
                    const float t3 = t2 * ba_sigmoid(t2);
                    const float t4 = scale[(r / 256) * 960 + c];
                    const float t5 = t3 * t4;
                    tile[(r - m0) * 960 + c] = t5;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 256, 960, 1.0f, tile, 960, w_f32, 0.0f, y + m0 * 256, 256);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %965 = bn_fold_weight(%960, %961, %964) : f32[1536,256,1,1]  features.6.1.block.0.1
 * 28 call sites share this function; the nodes and locations above are the first one's.
 * out %965 -> A + 1572864
 * in  %960 f32[1536,256,1,1] <- M + 5775568 (features.6.1.block.0.0.weight)
 * in  %961 f32[1536] <- M + 6168784 (features.6.1.block.0.1.weight)
 * in  %964 f32[1536] <- M + 21231557 (features.6.1.block.0.1.running_var)
 */
void k101_bn_fold_weight(
    float *restrict w_folded /* [1536,256,1,1] */,
    const float *restrict w /* [1536,256,1,1] */,
    const float *restrict gamma /* [1536] */,
    const float *restrict running_var /* [1536] */) {
    /* w (1536, 256) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 1536; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 256; j++) w_folded[k * 256 + j] = w[k * 256 + j] * s;
    }
}

/*
 * %966 = bn_fold_bias(%961, %962, %963, %964) : f32[1536]  features.6.1.block.0.1
 * 56 call sites share this function; the nodes and locations above are the first one's.
 * out %966 -> A + 3407872
 * in  %961 f32[1536] <- M + 6168784 (features.6.1.block.0.1.weight)
 * in  %962 f32[1536] <- M + 6170320 (features.6.1.block.0.1.bias)
 * in  %963 f32[1536] <- M + 21230021 (features.6.1.block.0.1.running_mean)
 * in  %964 f32[1536] <- M + 21231557 (features.6.1.block.0.1.running_var)
 */
void k102_bn_fold_bias(
    float *restrict bias_folded /* [1536] */,
    const float *restrict gamma /* [1536] */,
    const float *restrict beta /* [1536] */,
    const float *restrict running_mean /* [1536] */,
    const float *restrict running_var /* [1536] */) {
    for (long k = 0; k < 1536; k++) bias_folded[k] = beta[k] - running_mean[k] * gamma[k] / sqrtf(running_var[k] + 0.001f);
}

/*
 * %959 = add(%957, %958) : f32[4,16,16,256]  features.6.0.block.3.1
 * %967 = conv2d(%959, %965) : f32[4,16,16,1536]  features.6.1.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %967 -> A + 0
 * in  %957 f32[4,16,16,256] <- A + 3145728
 * in  %958 f32[1,1,1,256] <- A + 4456448
 * in  %965 f32[1536,256,1,1] <- A + 1572864
 */
void k103_add_conv1x1(
    float *restrict y /* [4,16,16,1536] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict bias /* [1,1,1,256] */,
    const float *restrict w /* [1536,256,1,1] */) {
    /* y (1024, 1536) = f(x) (1024, 256) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 1536, 256, w, 256);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 65536);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 256; c++) {
                    const float t0 = x[r * 256 + c];
                    const float t1 = bias[c];
                    const float t2 = t0 + t1;
                    tile[(r - m0) * 256 + c] = t2;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1536, 256, 1.0f, tile, 256, w_f32, 0.0f, y + m0 * 1536, 1536);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %969 = add(%967, %968) : f32[4,16,16,1536]  features.6.1.block.0.1
 * %970 = silu(%969) : f32[4,16,16,1536]  features.6.1.block.0.2
 * 28 call sites share this function; the nodes and locations above are the first one's.
 * out %970 -> A + 1572864
 * in  %967 f32[4,16,16,1536] <- A + 0
 * in  %968 f32[1,1,1,1536] <- A + 3407872
 */
void k104_add_silu(
    float *restrict y /* [4,16,16,1536] */,
    const float *restrict x /* [4,16,16,1536] */,
    const float *restrict bias /* [1,1,1,1536] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 1536; c++) {
            const long i = r * 1536 + c;
            const float t0 = x[r * 1536 + c];
            const float t1 = bias[c];
            const float t2 = t0 + t1;
            const float t3 = t2 * ba_sigmoid(t2);
            y[i] = t3;
        }
    }
}

/*
 * %976 = bn_fold_weight(%971, %972, %975) : f32[1536,1,3,3]  features.6.1.block.1.1
 * 28 call sites share this function; the nodes and locations above are the first one's.
 * out %976 -> A + 3407872
 * in  %971 f32[1536,1,3,3] <- M + 6171856 (features.6.1.block.1.0.weight)
 * in  %972 f32[1536] <- M + 6185680 (features.6.1.block.1.1.weight)
 * in  %975 f32[1536] <- M + 21234629 (features.6.1.block.1.1.running_var)
 */
void k105_bn_fold_weight(
    float *restrict w_folded /* [1536,1,3,3] */,
    const float *restrict w /* [1536,1,3,3] */,
    const float *restrict gamma /* [1536] */,
    const float *restrict running_var /* [1536] */) {
    /* w (1536, 9) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 1536; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 9; j++) w_folded[k * 9 + j] = w[k * 9 + j] * s;
    }
}

/*
 * %978 = conv2d(%970, %976) : f32[4,16,16,1536]  features.6.1.block.1.0
 * 28 call sites share this function; the nodes and locations above are the first one's.
 * out %978 -> A + 0
 * in  %970 f32[4,16,16,1536] <- A + 1572864
 * in  %976 f32[1536,1,3,3] <- A + 3407872
 */
void k106_dwconv3x3(
    float *restrict y /* [4,16,16,1536] */,
    const float *restrict x /* [4,16,16,1536] */,
    const float *restrict w /* [1536,1,3,3] */) {
    /* x (4,16,16,1536) w (1536,1,3,3) y (4,16,16,1536) stride 1 pad 1 groups 1536 */
    float *restrict wt = malloc(sizeof(float) * 13824);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 1536; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 1536 + c] = w[(c * 3 + r) * 3 + s];
    /* Depthwise 3x3 as a sliding window: per output row and block of 16 channels, the weights and the 3x3
     * window of x stay in registers while ow moves right; rows and columns outside x are zeros. */
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long oh = 0; oh < 16; oh++) {
            const int up = oh > 0, down = oh + 1 < 16;
            const long o1 = (n * 16 + oh) * 24576, o0 = o1 - 24576, o2 = o1 + 24576;
            for (long c = 0; c < 1536; c += 16) {
                const ba_v16 zero = {0};
                const ba_v16 w00 = *(const ba_v16 *)(wt + c), w01 = *(const ba_v16 *)(wt + 1536 + c), w02 = *(const ba_v16 *)(wt + 3072 + c);
                const ba_v16 w10 = *(const ba_v16 *)(wt + 4608 + c), w11 = *(const ba_v16 *)(wt + 6144 + c), w12 = *(const ba_v16 *)(wt + 7680 + c);
                const ba_v16 w20 = *(const ba_v16 *)(wt + 9216 + c), w21 = *(const ba_v16 *)(wt + 10752 + c), w22 = *(const ba_v16 *)(wt + 12288 + c);
                ba_v16 v00 = zero, v10 = zero, v20 = zero;
                ba_v16 v01 = up ? *(const ba_v16 *)(x + o0 + c) : zero, v11 = *(const ba_v16 *)(x + o1 + c), v21 = down ? *(const ba_v16 *)(x + o2 + c) : zero;
                for (long col = 0; col < 16; col++) {
                    ba_v16 v02 = zero, v12 = zero, v22 = zero;
                    if (col + 1 < 16) {
                        const long next = (col + 1) * 1536 + c;
                        if (up) { v02 = *(const ba_v16 *)(x + o0 + next); __builtin_prefetch(x + o0 + next + 16); }
                        v12 = *(const ba_v16 *)(x + o1 + next); __builtin_prefetch(x + o1 + next + 16);
                        if (down) { v22 = *(const ba_v16 *)(x + o2 + next); __builtin_prefetch(x + o2 + next + 16); }
                    }
                    const ba_v16 v = v00 * w00 + v01 * w01 + v02 * w02
                        + v10 * w10 + v11 * w11 + v12 * w12
                        + v20 * w20 + v21 * w21 + v22 * w22;
                    *(ba_v16 *)(y + o1 + col * 1536 + c) = v;
                    __builtin_prefetch(y + o1 + col * 1536 + c + 16, 1);
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
            }
        }
    }
    free(wt);
}

/*
 * %980 = add(%978, %979) : f32[4,16,16,1536]  features.6.1.block.1.1
 * %981 = silu(%980) : f32[4,16,16,1536]  features.6.1.block.1.2
 * %982 = reduce_mean(%981) : f32[4,1,1,1536]  features.6.1.block.2.avgpool
 * 28 call sites share this function; the nodes and locations above are the first one's.
 * out %982 -> A + 1572864
 * in  %978 f32[4,16,16,1536] <- A + 0
 * in  %979 f32[1,1,1,1536] <- A + 3670016
 */
void k107_add_silu_reduce_mean(
    float *restrict y /* [4,1,1,1536] */,
    const float *restrict x /* [4,16,16,1536] */,
    const float *restrict bias /* [1,1,1,1536] */) {
    /* mean over axes [1, 2] of [4, 16, 16, 1536]: (4, 256, 1536) -> (4, 1536) */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[1536];
        for (long q = 0; q < 1536; q++) acc[q] = 0.0;
        for (long j = 0; j < 256; j++) {
            for (long q = 0; q < 1536; q++) {
                const long r = o * 256 + j;
                const long c = q;
                const float t0 = x[r * 1536 + c];
                const float t1 = bias[c];
                const float t2 = t0 + t1;
                const float t3 = t2 * ba_sigmoid(t2);
                acc[q] += t3;
            }
        }
        for (long q = 0; q < 1536; q++) y[o * 1536 + q] = (float)(acc[q] / 256.0);
    }
}

/*
 * %987 = linear(%983, %985, %986) : f32[4,64]  features.6.1.block.2.fc1
 * 70 call sites share this function; the nodes and locations above are the first one's.
 * out %987 -> A + 3407872
 * in  %983 f32[4,1536] <- A + 1572864
 * in  %985 f32[64,1536] <- M + 6188752
 * in  %986 f32[64] <- M + 6287056 (features.6.1.block.2.fc1.bias)
 */
void k108_linear(
    float *restrict y /* [4,64] */,
    const float *restrict x /* [4,1536] */,
    const float *restrict w /* [64,1536] */,
    const float *restrict bias /* [64] */) {
    /* y (4,64) = x (4,1536) · wᵀ (1536,64) + b */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 64, 1536, 1.0f, x, 1536, w, 1536, 0.0f, y, 64);
    for (long n = 0; n < 4; n++) for (long k = 0; k < 64; k++) y[n * 64 + k] += bias[k];
}

/*
 * %988 = silu(%987) : f32[4,64]  features.6.1.block.2.activation
 * 70 call sites share this function; the nodes and locations above are the first one's.
 * out %988 -> A + 3408128
 * in  %987 f32[4,64] <- A + 3407872
 */
void k109_silu(float *restrict y /* [4,64] */, const float *restrict x /* [4,64] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 64; c++) {
            const long i = r * 64 + c;
            const float t0 = x[r * 64 + c];
            const float t1 = t0 * ba_sigmoid(t0);
            y[i] = t1;
        }
    }
}

/*
 * %992 = linear(%988, %990, %991) : f32[4,1536]  features.6.1.block.2.fc2
 * 70 call sites share this function; the nodes and locations above are the first one's.
 * out %992 -> A + 1572864
 * in  %988 f32[4,64] <- A + 3408128
 * in  %990 f32[1536,64] <- M + 6287120
 * in  %991 f32[1536] <- M + 6385424 (features.6.1.block.2.fc2.bias)
 */
void k110_linear(
    float *restrict y /* [4,1536] */,
    const float *restrict x /* [4,64] */,
    const float *restrict w /* [1536,64] */,
    const float *restrict bias /* [1536] */) {
    /* y (4,1536) = x (4,64) · wᵀ (64,1536) + b */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 1536, 64, 1.0f, x, 64, w, 64, 0.0f, y, 1536);
    for (long n = 0; n < 4; n++) for (long k = 0; k < 1536; k++) y[n * 1536 + k] += bias[k];
}

/*
 * %993 = sigmoid(%992) : f32[4,1536]  features.6.1.block.2.scale_activation
 * 70 call sites share this function; the nodes and locations above are the first one's.
 * out %993 -> A + 1966080
 * in  %992 f32[4,1536] <- A + 1572864
 */
void k111_sigmoid(float *restrict y /* [4,1536] */, const float *restrict x /* [4,1536] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 1536; c++) {
            const long i = r * 1536 + c;
            const float t0 = x[r * 1536 + c];
            const float t1 = ba_sigmoid(t0);
            y[i] = t1;
        }
    }
}

/*
 * %1795 = sigmoid_bwd(%1794, %1617) : f32[4,1536]  features.6.14.block.2.scale_activation
 * 42 call sites share this function; the nodes and locations above are the first one's.
 * out %1795 -> A + 88152064
 * in  %1617 f32[4,1536] <- A + 89165824
 * in  %1794 f32[4,1536] <- A + 88145920
 */
void k111b_sigmoid_bwd(
    float *restrict dx /* [4,1536] */,
    const float *restrict x /* [4,1536] */,
    const float *restrict dy /* [4,1536] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 1536; c++) {
            const long i = r * 1536 + c;
            const float t0 = dy[r * 1536 + c];
            const float t1 = x[r * 1536 + c];
            const float t2s = ba_sigmoid(t1);
            const float t2 = t0 * (t2s * (1.0f - t2s));
            dx[i] = t2;
        }
    }
}

/*
 * %1796 = matmul(%1795, %1615) : f32[4,64]  features.6.14.block.2.fc2
 * 42 call sites share this function; the nodes and locations above are the first one's.
 * out %1796 -> A + 89306624
 * in  %1795 f32[4,1536] <- A + 88152064
 * in  %1615 f32[1536,64] <- M + 19353680
 */
void k110b_matmul(
    float *restrict y /* [4,64] */,
    const float *restrict a /* [4,1536] */,
    const float *restrict b /* [1536,64] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 64, 1536, 1.0f, a, 1536, b, 64, 0.0f, y, 64);
}

/*
 * %1797 = matmul(%1795, %1613) : f32[1536,64]  features.6.14.block.2.fc2
 * %1800 = reshape(%1797) : f32[1536,64,1,1]  features.6.14.block.2.fc2
 * %2880 = add(%2879, %1800) : f32[1536,64,1,1]  features.6.14.block.2.fc2.weight
 * 42 call sites share this function; the nodes and locations above are the first one's.
 * out %2880 -> G + 19353680
 * in  %1795 f32[4,1536] <- A + 88152064
 * in  %1613 f32[4,64] <- A + 89314048
 * in  %2879 f32[1536,64,1,1] <- G + 19353680 (features.6.14.block.2.fc2.weight)
 */
void k110b_matmul_tA_acc(
    float *restrict grad /* [1536,64,1,1] */,
    const float *restrict a /* [4,1536] */,
    const float *restrict b /* [4,64] */) {
    /* accumulated into the gradient: beta = 1 */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 1536, 64, 4, 1.0f, a, 1536, b, 64, 1.0f, grad, 64);
}

/*
 * %1798 = reduce_sum(%1795) : f32[1,1536]  features.6.14.block.2.fc2
 * %1799 = reshape(%1798) : f32[1536]  features.6.14.block.2.fc2
 * %2882 = add(%2881, %1799) : f32[1536]  features.6.14.block.2.fc2.bias
 * 42 call sites share this function; the nodes and locations above are the first one's.
 * out %2882 -> G + 19451984
 * in  %1795 f32[4,1536] <- A + 88152064
 * in  %2881 f32[1536] <- G + 19451984 (features.6.14.block.2.fc2.bias)
 */
void k110b_reduce_sum_acc(float *restrict grad /* [1536] */, const float *restrict x /* [4,1536] */) {
    /* sum over axes [0] of [4, 1536]: (1, 4, 1536) -> (1, 1536) */
    for (long o = 0; o < 1; o++) {
        double acc[1536];
        for (long q = 0; q < 1536; q++) acc[q] = 0.0;
        for (long j = 0; j < 4; j++) {
            for (long q = 0; q < 1536; q++) {
                const long r = o * 4 + j;
                const long c = q;
                const float t0 = x[r * 1536 + c];
                acc[q] += t0;
            }
        }
        for (long q = 0; q < 1536; q++) grad[o * 1536 + q] += (float)(acc[q]);
    }
}

/*
 * %1801 = silu_bwd(%1796, %1612) : f32[4,64]  features.6.14.block.2.activation
 * 42 call sites share this function; the nodes and locations above are the first one's.
 * out %1801 -> A + 89306880
 * in  %1612 f32[4,64] <- A + 89313792
 * in  %1796 f32[4,64] <- A + 89306624
 */
void k109b_silu_bwd(
    float *restrict dx /* [4,64] */,
    const float *restrict x /* [4,64] */,
    const float *restrict dy /* [4,64] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 64; c++) {
            const long i = r * 64 + c;
            const float t0 = dy[r * 64 + c];
            const float t1 = x[r * 64 + c];
            const float t2s = ba_sigmoid(t1);
            const float t2 = t0 * (t2s * (1.0f + t1 * (1.0f - t2s)));
            dx[i] = t2;
        }
    }
}

/*
 * %1802 = matmul(%1801, %1610) : f32[4,1536]  features.6.14.block.2.fc1
 * 42 call sites share this function; the nodes and locations above are the first one's.
 * out %1802 -> A + 89165824
 * in  %1801 f32[4,64] <- A + 89306880
 * in  %1610 f32[64,1536] <- M + 19255312
 */
void k108b_matmul(
    float *restrict y /* [4,1536] */,
    const float *restrict a /* [4,64] */,
    const float *restrict b /* [64,1536] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 1536, 64, 1.0f, a, 64, b, 1536, 0.0f, y, 1536);
}

/*
 * %1803 = matmul(%1801, %1608) : f32[64,1536]  features.6.14.block.2.fc1
 * %1806 = reshape(%1803) : f32[64,1536,1,1]  features.6.14.block.2.fc1
 * %2876 = add(%2875, %1806) : f32[64,1536,1,1]  features.6.14.block.2.fc1.weight
 * 42 call sites share this function; the nodes and locations above are the first one's.
 * out %2876 -> G + 19255312
 * in  %1801 f32[4,64] <- A + 89306880
 * in  %1608 f32[4,1536] <- A + 89159680
 * in  %2875 f32[64,1536,1,1] <- G + 19255312 (features.6.14.block.2.fc1.weight)
 */
void k108b_matmul_tA_acc(
    float *restrict grad /* [64,1536,1,1] */,
    const float *restrict a /* [4,64] */,
    const float *restrict b /* [4,1536] */) {
    /* accumulated into the gradient: beta = 1 */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 64, 1536, 4, 1.0f, a, 64, b, 1536, 1.0f, grad, 1536);
}

/*
 * %1804 = reduce_sum(%1801) : f32[1,64]  features.6.14.block.2.fc1
 * %1805 = reshape(%1804) : f32[64]  features.6.14.block.2.fc1
 * %2878 = add(%2877, %1805) : f32[64]  features.6.14.block.2.fc1.bias
 * 42 call sites share this function; the nodes and locations above are the first one's.
 * out %2878 -> G + 19353616
 * in  %1801 f32[4,64] <- A + 89306880
 * in  %2877 f32[64] <- G + 19353616 (features.6.14.block.2.fc1.bias)
 */
void k108b_reduce_sum_acc(float *restrict grad /* [64] */, const float *restrict x /* [4,64] */) {
    /* sum over axes [0] of [4, 64]: (1, 4, 64) -> (1, 64) */
    for (long o = 0; o < 1; o++) {
        double acc[64];
        for (long q = 0; q < 64; q++) acc[q] = 0.0;
        for (long j = 0; j < 4; j++) {
            for (long q = 0; q < 64; q++) {
                const long r = o * 4 + j;
                const long c = q;
                const float t0 = x[r * 64 + c];
                acc[q] += t0;
            }
        }
        for (long q = 0; q < 64; q++) grad[o * 64 + q] += (float)(acc[q]);
    }
}

/*
 * %771 = add(%769, %770) : f32[4,32,32,160]  features.5.5.block.3.1
 * %772 = add(%771, %725) : f32[4,32,32,160]  features.5.5
 * %818 = add(%816, %817) : f32[4,32,32,160]  features.5.6.block.3.1
 * %819 = add(%818, %772) : f32[4,32,32,160]  features.5.6
 * %865 = add(%863, %864) : f32[4,32,32,160]  features.5.7.block.3.1
 * %866 = add(%865, %819) : f32[4,32,32,160]  features.5.7
 * %912 = add(%910, %911) : f32[4,32,32,160]  features.5.8.block.3.1
 * %913 = add(%912, %866) : f32[4,32,32,160]  features.5.8
 * %2498 = conv2d_bwd_weight(%2493, %913) : f32[960,160,1,1]  features.6.0.block.0.0
 * %2500 = add(%2499, %2498) : f32[960,160,1,1]  features.6.0.block.0.0.weight
 * out %2500 -> G + 5285416
 * in  %725 f32[4,32,32,160] <- A + 80150528
 * in  %769 f32[4,32,32,160] <- A + 80805888
 * in  %770 f32[1,1,1,160] <- A + 89314304
 * in  %816 f32[4,32,32,160] <- A + 81461248
 * in  %817 f32[1,1,1,160] <- A + 89314464
 * in  %863 f32[4,32,32,160] <- A + 82116608
 * in  %864 f32[1,1,1,160] <- A + 89314624
 * in  %910 f32[4,32,32,160] <- A + 82771968
 * in  %911 f32[1,1,1,160] <- A + 89314784
 * in  %2493 f32[4,32,32,960] <- A + 3932160
 * in  %2499 f32[960,160,1,1] <- G + 5285416 (features.6.0.block.0.0.weight)
 */
void k096b_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [960,160,1,1] */,
    const float *restrict b /* [4,32,32,160] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict bias /* [1,1,1,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict bias2 /* [1,1,1,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict bias3 /* [1,1,1,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict bias4 /* [1,1,1,160] */,
    const float *restrict dy /* [4,32,32,960] */) {
    /* dw (960, 160) += dyᵀ (960, 4096) · f(x) (4096, 160), f(x) recomputed in tiles of 342 rows */
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
                    const float t12 = b[r * 160 + c];
                    const float t13 = t11 + t12;
                    const float t14 = t8 + t13;
                    const float t15 = t5 + t14;
                    const float t16 = t2 + t15;
                    tile[(r - m0) * 160 + c] = t16;
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
