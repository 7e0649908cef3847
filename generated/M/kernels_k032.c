/* Kernels k032 to k047 and their backward kernels. */
#include "kernels.h"

/*
 * %265 = add(%263, %264) : f32[4,64,64,80]  features.3.4.block.1.1
 * %266 = add(%265, %244) : f32[4,64,64,80]  features.3.4
 * %274 = conv2d(%266, %272) : f32[4,64,64,320]  features.4.0.block.0.0
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %274 -> A + 0
 * in  %244 f32[4,64,64,80] <- A + 7864320
 * in  %263 f32[4,64,64,80] <- A + 5242880
 * in  %264 f32[1,1,1,80] <- A + 6579520
 * in  %272 f32[320,80,1,1] <- A + 6553600
 */
void k032_add_conv1x1(
    float *restrict y /* [4,64,64,320] */,
    const float *restrict b /* [4,64,64,80] */,
    const float *restrict x /* [4,64,64,80] */,
    const float *restrict bias /* [1,1,1,80] */,
    const float *restrict w /* [320,80,1,1] */) {
    /* y (16384, 320) = f(x) (16384, 80) · wᵀ: tiles of 683 rows of f(x) computed into scratch, one sgemm each */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 320, 80, w, 80);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 54640);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 24; t++) {
            const long m0 = t * 683, rows = m0 + 683 <= 16384 ? 683 : 16384 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 80; c++) {
                    const float t0 = x[r * 80 + c];
                    const float t1 = bias[c];
                    const float t2 = t0 + t1;
                    const float t3 = b[r * 80 + c];
                    const float t4 = t2 + t3;
                    tile[(r - m0) * 80 + c] = t4;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 320, 80, 1.0f, tile, 80, w_f32, 0.0f, y + m0 * 320, 320);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %276 = add(%274, %275) : f32[4,64,64,320]  features.4.0.block.0.1
 * %277 = silu(%276) : f32[4,64,64,320]  features.4.0.block.0.2
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %277 -> A + 5242880
 * in  %274 f32[4,64,64,320] <- A + 0
 * in  %275 f32[1,1,1,320] <- A + 10485760
 */
void k033_add_silu(
    float *restrict y /* [4,64,64,320] */,
    const float *restrict x /* [4,64,64,320] */,
    const float *restrict bias /* [1,1,1,320] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 16384; r++) {
        #pragma omp simd
        for (long c = 0; c < 320; c++) {
            const long i = r * 320 + c;
            const float t0 = x[r * 320 + c];
            const float t1 = bias[c];
            const float t2 = t0 + t1;
            const float t3 = t2 * ba_sigmoid(t2);
            y[i] = t3;
        }
    }
}

/*
 * %283 = bn_fold_weight(%278, %279, %282) : f32[320,1,3,3]  features.4.0.block.1.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %283 -> A + 1310720
 * in  %278 f32[320,1,3,3] <- M + 1564872 (features.4.0.block.1.0.weight)
 * in  %279 f32[320] <- M + 1567752 (features.4.0.block.1.1.weight)
 * in  %282 f32[320] <- M + 53859865 (features.4.0.block.1.1.running_var)
 */
void k034_bn_fold_weight(
    float *restrict w_folded /* [320,1,3,3] */,
    const float *restrict w /* [320,1,3,3] */,
    const float *restrict gamma /* [320] */,
    const float *restrict running_var /* [320] */) {
    /* w (320, 9) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 320; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 9; j++) w_folded[k * 9 + j] = w[k * 9 + j] * s;
    }
}

/*
 * %285 = conv2d(%277, %283) : f32[4,32,32,320]  features.4.0.block.1.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %285 -> A + 0
 * in  %277 f32[4,64,64,320] <- A + 5242880
 * in  %283 f32[320,1,3,3] <- A + 1310720
 */
void k035_dwconv3x3s2(
    float *restrict y /* [4,32,32,320] */,
    const float *restrict x /* [4,64,64,320] */,
    const float *restrict w /* [320,1,3,3] */) {
    /* x (4,64,64,320) w (320,1,3,3) y (4,32,32,320) stride 2 pad 1 groups 320 */
    /* Depthwise: y[n, oh, ow, c] = Σ_{r, s} x[n, ih, iw, c] · wt[r, s, c], channels innermost (vectorised),
     * one output row per work item. */
    float *restrict wt = malloc(sizeof(float) * 2880);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 320; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 320 + c] = w[(c * 3 + r) * 3 + s];
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long oh = 0; oh < 32; oh++) {
            for (long ow = 0; ow < 32; ow++) {
                float *restrict yp = y + ((n * 32 + oh) * 32 + ow) * 320;
                if (oh * 2 - 1 >= 0 && oh * 2 + 1 < 64 && ow * 2 - 1 >= 0 && ow * 2 + 1 < 64) {
                    /* every tap inside x: one sum per channel, the taps in the order of the loops below */
                    const float *restrict x0 = x + ((n * 64 + oh * 2 - 1) * 64 + ow * 2 - 1) * 320;
                    for (long c = 0; c < 320; c++)
                        yp[c] = x0[c] * wt[c] + x0[320 + c] * wt[320 + c] + x0[640 + c] * wt[640 + c]
                            + x0[20480 + c] * wt[960 + c] + x0[20800 + c] * wt[1280 + c] + x0[21120 + c] * wt[1600 + c]
                            + x0[40960 + c] * wt[1920 + c] + x0[41280 + c] * wt[2240 + c] + x0[41600 + c] * wt[2560 + c];
                    continue;
                }
                for (long c = 0; c < 320; c++) yp[c] = 0.0f;
                for (long r = 0; r < 3; r++) {
                    const long ih = oh * 2 - 1 + r;
                    if (ih < 0 || ih >= 64) continue;
                    for (long s = 0; s < 3; s++) {
                        const long iw = ow * 2 - 1 + s;
                        if (iw < 0 || iw >= 64) continue;
                        const float *restrict xp = x + ((n * 64 + ih) * 64 + iw) * 320, *restrict wr = wt + (r * 3 + s) * 320;
                        for (long c = 0; c < 320; c++) yp[c] += xp[c] * wr[c];
                    }
                }
            }
        }
    }
    free(wt);
}

/*
 * %287 = add(%285, %286) : f32[4,32,32,320]  features.4.0.block.1.1
 * %288 = silu(%287) : f32[4,32,32,320]  features.4.0.block.1.2
 * %289 = reduce_mean(%288) : f32[4,1,1,320]  features.4.0.block.2.avgpool
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %289 -> A + 1310720
 * in  %285 f32[4,32,32,320] <- A + 0
 * in  %286 f32[1,1,1,320] <- A + 1363200
 */
void k036_add_silu_reduce_mean(
    float *restrict y /* [4,1,1,320] */,
    const float *restrict x /* [4,32,32,320] */,
    const float *restrict bias /* [1,1,1,320] */) {
    /* mean over axes [1, 2] of [4, 32, 32, 320]: (4, 1024, 320) -> (4, 320) */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[320];
        for (long q = 0; q < 320; q++) acc[q] = 0.0;
        for (long j = 0; j < 1024; j++) {
            for (long q = 0; q < 320; q++) {
                const long r = o * 1024 + j;
                const long c = q;
                const float t0 = x[r * 320 + c];
                const float t1 = bias[c];
                const float t2 = t0 + t1;
                const float t3 = t2 * ba_sigmoid(t2);
                acc[q] += t3;
            }
        }
        for (long q = 0; q < 320; q++) y[o * 320 + q] = (float)(acc[q] / 1024.0);
    }
}

/*
 * %294 = linear(%290, %292, %293) : f32[4,20]  features.4.0.block.2.fc1
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %294 -> A + 1312000
 * in  %290 f32[4,320] <- A + 1310720
 * in  %292 f32[20,320] <- M + 1568392
 * in  %293 f32[20] <- M + 1574792 (features.4.0.block.2.fc1.bias)
 */
void k037_linear(
    float *restrict y /* [4,20] */,
    const float *restrict x /* [4,320] */,
    const float *restrict w /* [20,320] */,
    const float *restrict bias /* [20] */) {
    /* y (4,20) = x (4,320) · wᵀ (320,20) + b */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 20, 320, 1.0f, x, 320, w, 320, 0.0f, y, 20);
    for (long n = 0; n < 4; n++) for (long k = 0; k < 20; k++) y[n * 20 + k] += bias[k];
}

/*
 * %295 = silu(%294) : f32[4,20]  features.4.0.block.2.activation
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %295 -> A + 1312080
 * in  %294 f32[4,20] <- A + 1312000
 */
void k038_silu(float *restrict y /* [4,20] */, const float *restrict x /* [4,20] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 20; c++) {
            const long i = r * 20 + c;
            const float t0 = x[r * 20 + c];
            const float t1 = t0 * ba_sigmoid(t0);
            y[i] = t1;
        }
    }
}

/*
 * %299 = linear(%295, %297, %298) : f32[4,320]  features.4.0.block.2.fc2
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %299 -> A + 1310720
 * in  %295 f32[4,20] <- A + 1312080
 * in  %297 f32[320,20] <- M + 1574812
 * in  %298 f32[320] <- M + 1581212 (features.4.0.block.2.fc2.bias)
 */
void k039_linear(
    float *restrict y /* [4,320] */,
    const float *restrict x /* [4,20] */,
    const float *restrict w /* [320,20] */,
    const float *restrict bias /* [320] */) {
    /* y (4,320) = x (4,20) · wᵀ (20,320) + b */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 320, 20, 1.0f, x, 20, w, 20, 0.0f, y, 320);
    for (long n = 0; n < 4; n++) for (long k = 0; k < 320; k++) y[n * 320 + k] += bias[k];
}

/*
 * %300 = sigmoid(%299) : f32[4,320]  features.4.0.block.2.scale_activation
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %300 -> A + 1361920
 * in  %299 f32[4,320] <- A + 1310720
 */
void k040_sigmoid(float *restrict y /* [4,320] */, const float *restrict x /* [4,320] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 320; c++) {
            const long i = r * 320 + c;
            const float t0 = x[r * 320 + c];
            const float t1 = ba_sigmoid(t0);
            y[i] = t1;
        }
    }
}

/*
 * %308 = bn_fold_weight(%303, %304, %307) : f32[160,320,1,1]  features.4.0.block.3.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %308 -> A + 1310720
 * in  %303 f32[160,320,1,1] <- M + 1581532 (features.4.0.block.3.0.weight)
 * in  %304 f32[160] <- M + 1632732 (features.4.0.block.3.1.weight)
 * in  %307 f32[160] <- M + 53860345 (features.4.0.block.3.1.running_var)
 */
void k041_bn_fold_weight(
    float *restrict w_folded /* [160,320,1,1] */,
    const float *restrict w /* [160,320,1,1] */,
    const float *restrict gamma /* [160] */,
    const float *restrict running_var /* [160] */) {
    /* w (160, 320) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 160; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 320; j++) w_folded[k * 320 + j] = w[k * 320 + j] * s;
    }
}

/*
 * %309 = bn_fold_bias(%304, %305, %306, %307) : f32[160]  features.4.0.block.3.1
 * 21 call sites share this function; the nodes and locations above are the first one's.
 * out %309 -> A + 8519680
 * in  %304 f32[160] <- M + 1632732 (features.4.0.block.3.1.weight)
 * in  %305 f32[160] <- M + 1632892 (features.4.0.block.3.1.bias)
 * in  %306 f32[160] <- M + 53860185 (features.4.0.block.3.1.running_mean)
 * in  %307 f32[160] <- M + 53860345 (features.4.0.block.3.1.running_var)
 */
void k042_bn_fold_bias(
    float *restrict bias_folded /* [160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict beta /* [160] */,
    const float *restrict running_mean /* [160] */,
    const float *restrict running_var /* [160] */) {
    for (long k = 0; k < 160; k++) bias_folded[k] = beta[k] - running_mean[k] * gamma[k] / sqrtf(running_var[k] + 0.001f);
}

/*
 * %287 = add(%285, %286) : f32[4,32,32,320]  features.4.0.block.1.1
 * %288 = silu(%287) : f32[4,32,32,320]  features.4.0.block.1.2
 * %302 = mul(%288, %301) : f32[4,32,32,320]  features.4.0.block.2
 * %310 = conv2d(%302, %308) : f32[4,32,32,160]  features.4.0.block.3.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %310 -> A + 5242880
 * in  %285 f32[4,32,32,320] <- A + 0
 * in  %286 f32[1,1,1,320] <- A + 1363200
 * in  %301 f32[4,1,1,320] <- A + 1361920
 * in  %308 f32[160,320,1,1] <- A + 1310720
 */
void k043_add_silu_mul_conv1x1(
    float *restrict y /* [4,32,32,160] */,
    const float *restrict x /* [4,32,32,320] */,
    const float *restrict bias /* [1,1,1,320] */,
    const float *restrict scale /* [4,1,1,320] */,
    const float *restrict w /* [160,320,1,1] */) {
    /* y (4096, 160) = f(x) (4096, 320) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 160, 320, w, 320);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 81920);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 16; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 4096 ? 256 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 320; c++) {
                    const float t0 = x[r * 320 + c];
                    const float t1 = bias[c];
                    const float t2 = t0 + t1;
                    const float t3 = t2 * ba_sigmoid(t2);
                    const float t4 = scale[(r / 1024) * 320 + c];
                    const float t5 = t3 * t4;
                    tile[(r - m0) * 320 + c] = t5;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 160, 320, 1.0f, tile, 320, w_f32, 0.0f, y + m0 * 160, 160);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %318 = bn_fold_weight(%313, %314, %317) : f32[640,160,1,1]  features.4.1.block.0.1
 * 18 call sites share this function; the nodes and locations above are the first one's.
 * out %318 -> A + 2621440
 * in  %313 f32[640,160,1,1] <- M + 1633052 (features.4.1.block.0.0.weight)
 * in  %314 f32[640] <- M + 1735452 (features.4.1.block.0.1.weight)
 * in  %317 f32[640] <- M + 53861145 (features.4.1.block.0.1.running_var)
 */
void k044_bn_fold_weight(
    float *restrict w_folded /* [640,160,1,1] */,
    const float *restrict w /* [640,160,1,1] */,
    const float *restrict gamma /* [640] */,
    const float *restrict running_var /* [640] */) {
    /* w (640, 160) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 640; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 160; j++) w_folded[k * 160 + j] = w[k * 160 + j] * s;
    }
}

/*
 * %319 = bn_fold_bias(%314, %315, %316, %317) : f32[640]  features.4.1.block.0.1
 * 36 call sites share this function; the nodes and locations above are the first one's.
 * out %319 -> A + 5898240
 * in  %314 f32[640] <- M + 1735452 (features.4.1.block.0.1.weight)
 * in  %315 f32[640] <- M + 1736092 (features.4.1.block.0.1.bias)
 * in  %316 f32[640] <- M + 53860505 (features.4.1.block.0.1.running_mean)
 * in  %317 f32[640] <- M + 53861145 (features.4.1.block.0.1.running_var)
 */
void k045_bn_fold_bias(
    float *restrict bias_folded /* [640] */,
    const float *restrict gamma /* [640] */,
    const float *restrict beta /* [640] */,
    const float *restrict running_mean /* [640] */,
    const float *restrict running_var /* [640] */) {
    for (long k = 0; k < 640; k++) bias_folded[k] = beta[k] - running_mean[k] * gamma[k] / sqrtf(running_var[k] + 0.001f);
}

/*
 * %312 = add(%310, %311) : f32[4,32,32,160]  features.4.0.block.3.1
 * %320 = conv2d(%312, %318) : f32[4,32,32,640]  features.4.1.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %320 -> A + 0
 * in  %310 f32[4,32,32,160] <- A + 5242880
 * in  %311 f32[1,1,1,160] <- A + 8519680
 * in  %318 f32[640,160,1,1] <- A + 2621440
 */
void k046_add_conv1x1(
    float *restrict y /* [4,32,32,640] */,
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
                    tile[(r - m0) * 160 + c] = t2;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 640, 160, 1.0f, tile, 160, w_f32, 0.0f, y + m0 * 640, 640);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %322 = add(%320, %321) : f32[4,32,32,640]  features.4.1.block.0.1
 * %323 = silu(%322) : f32[4,32,32,640]  features.4.1.block.0.2
 * 18 call sites share this function; the nodes and locations above are the first one's.
 * out %323 -> A + 2621440
 * in  %320 f32[4,32,32,640] <- A + 0
 * in  %321 f32[1,1,1,640] <- A + 5898240
 */
void k047_add_silu(
    float *restrict y /* [4,32,32,640] */,
    const float *restrict x /* [4,32,32,640] */,
    const float *restrict bias /* [1,1,1,640] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 640; c++) {
            const long i = r * 640 + c;
            const float t0 = x[r * 640 + c];
            const float t1 = bias[c];
            const float t2 = t0 + t1;
            const float t3 = t2 * ba_sigmoid(t2);
            y[i] = t3;
        }
    }
}

/*
 * %4591 = sigmoid_bwd(%4590, %299) : f32[4,320]  features.4.0.block.2.scale_activation
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4591 -> A + 426239232
 * in  %299 f32[4,320] <- A + 427230912
 * in  %4590 f32[4,320] <- A + 426237952
 */
void k040b_sigmoid_bwd(
    float *restrict dx /* [4,320] */,
    const float *restrict x /* [4,320] */,
    const float *restrict dy /* [4,320] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 320; c++) {
            const long i = r * 320 + c;
            const float t0 = dy[r * 320 + c];
            const float t1 = x[r * 320 + c];
            const float t2s = ba_sigmoid(t1);
            const float t2 = t0 * (t2s * (1.0f - t2s));
            dx[i] = t2;
        }
    }
}

/*
 * %4592 = matmul(%4591, %297) : f32[4,20]  features.4.0.block.2.fc2
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4592 -> A + 426237952
 * in  %4591 f32[4,320] <- A + 426239232
 * in  %297 f32[320,20] <- M + 1574812
 */
void k039b_matmul(
    float *restrict y /* [4,20] */,
    const float *restrict a /* [4,320] */,
    const float *restrict b /* [320,20] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 20, 320, 1.0f, a, 320, b, 20, 0.0f, y, 20);
}

/*
 * %4593 = matmul(%4591, %295) : f32[320,20]  features.4.0.block.2.fc2
 * %4596 = reshape(%4593) : f32[320,20,1,1]  features.4.0.block.2.fc2
 * %4641 = add(%4640, %4596) : f32[320,20,1,1]  features.4.0.block.2.fc2.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4641 -> G + 1574812
 * in  %4591 f32[4,320] <- A + 426239232
 * in  %295 f32[4,20] <- A + 427295712
 * in  %4640 f32[320,20,1,1] <- G + 1574812 (features.4.0.block.2.fc2.weight)
 */
void k039b_matmul_tA_acc(
    float *restrict grad /* [320,20,1,1] */,
    const float *restrict a /* [4,320] */,
    const float *restrict b /* [4,20] */) {
    /* accumulated into the gradient: beta = 1 */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 320, 20, 4, 1.0f, a, 320, b, 20, 1.0f, grad, 20);
}

/*
 * %4594 = reduce_sum(%4591) : f32[1,320]  features.4.0.block.2.fc2
 * %4595 = reshape(%4594) : f32[320]  features.4.0.block.2.fc2
 * %4643 = add(%4642, %4595) : f32[320]  features.4.0.block.2.fc2.bias
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4643 -> G + 1581212
 * in  %4591 f32[4,320] <- A + 426239232
 * in  %4642 f32[320] <- G + 1581212 (features.4.0.block.2.fc2.bias)
 */
void k039b_reduce_sum_acc(float *restrict grad /* [320] */, const float *restrict x /* [4,320] */) {
    /* sum over axes [0] of [4, 320]: (1, 4, 320) -> (1, 320) */
    for (long o = 0; o < 1; o++) {
        double acc[320];
        for (long q = 0; q < 320; q++) acc[q] = 0.0;
        for (long j = 0; j < 4; j++) {
            for (long q = 0; q < 320; q++) {
                const long r = o * 4 + j;
                const long c = q;
                const float t0 = x[r * 320 + c];
                acc[q] += t0;
            }
        }
        for (long q = 0; q < 320; q++) grad[o * 320 + q] += (float)(acc[q]);
    }
}

/*
 * %4597 = silu_bwd(%4592, %294) : f32[4,20]  features.4.0.block.2.activation
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4597 -> A + 427233472
 * in  %294 f32[4,20] <- A + 427295632
 * in  %4592 f32[4,20] <- A + 426237952
 */
void k038b_silu_bwd(
    float *restrict dx /* [4,20] */,
    const float *restrict x /* [4,20] */,
    const float *restrict dy /* [4,20] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 20; c++) {
            const long i = r * 20 + c;
            const float t0 = dy[r * 20 + c];
            const float t1 = x[r * 20 + c];
            const float t2s = ba_sigmoid(t1);
            const float t2 = t0 * (t2s * (1.0f + t1 * (1.0f - t2s)));
            dx[i] = t2;
        }
    }
}

/*
 * %4598 = matmul(%4597, %292) : f32[4,320]  features.4.0.block.2.fc1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4598 -> A + 427230912
 * in  %4597 f32[4,20] <- A + 427233472
 * in  %292 f32[20,320] <- M + 1568392
 */
void k037b_matmul(
    float *restrict y /* [4,320] */,
    const float *restrict a /* [4,20] */,
    const float *restrict b /* [20,320] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 320, 20, 1.0f, a, 20, b, 320, 0.0f, y, 320);
}

/*
 * %4599 = matmul(%4597, %290) : f32[20,320]  features.4.0.block.2.fc1
 * %4602 = reshape(%4599) : f32[20,320,1,1]  features.4.0.block.2.fc1
 * %4637 = add(%4636, %4602) : f32[20,320,1,1]  features.4.0.block.2.fc1.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4637 -> G + 1568392
 * in  %4597 f32[4,20] <- A + 427233472
 * in  %290 f32[4,320] <- A + 427229632
 * in  %4636 f32[20,320,1,1] <- G + 1568392 (features.4.0.block.2.fc1.weight)
 */
void k037b_matmul_tA_acc(
    float *restrict grad /* [20,320,1,1] */,
    const float *restrict a /* [4,20] */,
    const float *restrict b /* [4,320] */) {
    /* accumulated into the gradient: beta = 1 */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 20, 320, 4, 1.0f, a, 20, b, 320, 1.0f, grad, 320);
}

/*
 * %4600 = reduce_sum(%4597) : f32[1,20]  features.4.0.block.2.fc1
 * %4601 = reshape(%4600) : f32[20]  features.4.0.block.2.fc1
 * %4639 = add(%4638, %4601) : f32[20]  features.4.0.block.2.fc1.bias
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4639 -> G + 1574792
 * in  %4597 f32[4,20] <- A + 427233472
 * in  %4638 f32[20] <- G + 1574792 (features.4.0.block.2.fc1.bias)
 */
void k037b_reduce_sum_acc(float *restrict grad /* [20] */, const float *restrict x /* [4,20] */) {
    /* sum over axes [0] of [4, 20]: (1, 4, 20) -> (1, 20) */
    for (long o = 0; o < 1; o++) {
        double acc[20];
        for (long q = 0; q < 20; q++) acc[q] = 0.0;
        for (long j = 0; j < 4; j++) {
            for (long q = 0; q < 20; q++) {
                const long r = o * 4 + j;
                const long c = q;
                const float t0 = x[r * 20 + c];
                acc[q] += t0;
            }
        }
        for (long q = 0; q < 20; q++) grad[o * 20 + q] += (float)(acc[q]);
    }
}

/*
 * %265 = add(%263, %264) : f32[4,64,64,80]  features.3.4.block.1.1
 * %266 = add(%265, %244) : f32[4,64,64,80]  features.3.4
 * %4623 = conv2d_bwd_weight(%4618, %266) : f32[320,80,1,1]  features.4.0.block.0.0
 * %4625 = add(%4624, %4623) : f32[320,80,1,1]  features.4.0.block.0.0.weight
 * out %4625 -> G + 1538632
 * in  %244 f32[4,64,64,80] <- A + 392888320
 * in  %263 f32[4,64,64,80] <- A + 394199040
 * in  %264 f32[1,1,1,80] <- A + 427295552
 * in  %4618 f32[4,64,64,320] <- A + 5242880
 * in  %4624 f32[320,80,1,1] <- G + 1538632 (features.4.0.block.0.0.weight)
 */
void k032b_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [320,80,1,1] */,
    const float *restrict b /* [4,64,64,80] */,
    const float *restrict x /* [4,64,64,80] */,
    const float *restrict bias /* [1,1,1,80] */,
    const float *restrict dy /* [4,64,64,320] */) {
    /* dw (320, 80) += dyᵀ (320, 16384) · f(x) (16384, 80), f(x) recomputed in tiles of 683 rows */
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 25600);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 25600;
        float *restrict tile = malloc(sizeof(float) * 54640);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 24; t++) {
            const long m0 = t * 683, rows = m0 + 683 <= 16384 ? 683 : 16384 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 80; c++) {
                    const float t0 = x[r * 80 + c];
                    const float t1 = bias[c];
                    const float t2 = t0 + t1;
                    const float t3 = b[r * 80 + c];
                    const float t4 = t2 + t3;
                    tile[(r - m0) * 80 + c] = t4;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 320, 80, rows, 1.0f, dy + m0 * 320, 320, tile, 80, first ? 0.0f : 1.0f, mine, 80);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 25600);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 25600; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 25600 + j];
            grad[j] += s;
        }
    }
    free(part);
}
