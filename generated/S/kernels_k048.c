/* Kernels k048 to k063 and their backward kernels. */
#include "kernels.h"

/*
 * %273 = bn_fold_weight(%268, %269, %272) : f32[512,1,3,3]  features.4.1.block.1.1
 * 15 call sites share this function; the nodes and locations above are the first one's.
 * out %273 -> A + 4718592
 * in  %268 f32[512,1,3,3] <- M + 1031656 (features.4.1.block.1.0.weight)
 * in  %269 f32[512] <- M + 1036264 (features.4.1.block.1.1.weight)
 * in  %272 f32[512] <- M + 21179013 (features.4.1.block.1.1.running_var)
 */
void k048_bn_fold_weight(
    float *restrict w_folded /* [512,1,3,3] */,
    const float *restrict w /* [512,1,3,3] */,
    const float *restrict gamma /* [512] */,
    const float *restrict running_var /* [512] */) {
    /* w (512, 9) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 512; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 9; j++) w_folded[k * 9 + j] = w[k * 9 + j] * s;
    }
}

/*
 * %275 = conv2d(%267, %273) : f32[4,32,32,512]  features.4.1.block.1.0
 * 15 call sites share this function; the nodes and locations above are the first one's.
 * out %275 -> A + 0
 * in  %267 f32[4,32,32,512] <- A + 2097152
 * in  %273 f32[512,1,3,3] <- A + 4718592
 */
void k049_dwconv3x3(
    float *restrict y /* [4,32,32,512] */,
    const float *restrict x /* [4,32,32,512] */,
    const float *restrict w /* [512,1,3,3] */) {
    /* x (4,32,32,512) w (512,1,3,3) y (4,32,32,512) stride 1 pad 1 groups 512 */
    float *restrict wt = malloc(sizeof(float) * 4608);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 512; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 512 + c] = w[(c * 3 + r) * 3 + s];
    /* Depthwise 3x3 as a sliding window: per output row and block of 16 channels, the weights and the 3x3
     * window of x stay in registers while ow moves right; rows and columns outside x are zeros. */
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long oh = 0; oh < 32; oh++) {
            const int up = oh > 0, down = oh + 1 < 32;
            const long o1 = (n * 32 + oh) * 16384, o0 = o1 - 16384, o2 = o1 + 16384;
            for (long c = 0; c < 512; c += 16) {
                const ba_v16 zero = {0};
                const ba_v16 w00 = *(const ba_v16 *)(wt + c), w01 = *(const ba_v16 *)(wt + 512 + c), w02 = *(const ba_v16 *)(wt + 1024 + c);
                const ba_v16 w10 = *(const ba_v16 *)(wt + 1536 + c), w11 = *(const ba_v16 *)(wt + 2048 + c), w12 = *(const ba_v16 *)(wt + 2560 + c);
                const ba_v16 w20 = *(const ba_v16 *)(wt + 3072 + c), w21 = *(const ba_v16 *)(wt + 3584 + c), w22 = *(const ba_v16 *)(wt + 4096 + c);
                ba_v16 v00 = zero, v10 = zero, v20 = zero;
                ba_v16 v01 = up ? *(const ba_v16 *)(x + o0 + c) : zero, v11 = *(const ba_v16 *)(x + o1 + c), v21 = down ? *(const ba_v16 *)(x + o2 + c) : zero;
                for (long col = 0; col < 32; col++) {
                    ba_v16 v02 = zero, v12 = zero, v22 = zero;
                    if (col + 1 < 32) {
                        const long next = (col + 1) * 512 + c;
                        if (up) { v02 = *(const ba_v16 *)(x + o0 + next); __builtin_prefetch(x + o0 + next + 16); }
                        v12 = *(const ba_v16 *)(x + o1 + next); __builtin_prefetch(x + o1 + next + 16);
                        if (down) { v22 = *(const ba_v16 *)(x + o2 + next); __builtin_prefetch(x + o2 + next + 16); }
                    }
                    const ba_v16 v = v00 * w00 + v01 * w01 + v02 * w02
                        + v10 * w10 + v11 * w11 + v12 * w12
                        + v20 * w20 + v21 * w21 + v22 * w22;
                    *(ba_v16 *)(y + o1 + col * 512 + c) = v;
                    __builtin_prefetch(y + o1 + col * 512 + c + 16, 1);
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
            }
        }
    }
    free(wt);
}

/*
 * %277 = add(%275, %276) : f32[4,32,32,512]  features.4.1.block.1.1
 * %278 = silu(%277) : f32[4,32,32,512]  features.4.1.block.1.2
 * %279 = reduce_mean(%278) : f32[4,1,1,512]  features.4.1.block.2.avgpool
 * 15 call sites share this function; the nodes and locations above are the first one's.
 * out %279 -> A + 2097152
 * in  %275 f32[4,32,32,512] <- A + 0
 * in  %276 f32[1,1,1,512] <- A + 5242880
 */
void k050_add_silu_reduce_mean(
    float *restrict y /* [4,1,1,512] */,
    const float *restrict x /* [4,32,32,512] */,
    const float *restrict bias /* [1,1,1,512] */) {
    /* mean over axes [1, 2] of [4, 32, 32, 512]: (4, 1024, 512) -> (4, 512) */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[512];
        for (long q = 0; q < 512; q++) acc[q] = 0.0;
        for (long j = 0; j < 1024; j++) {
            for (long q = 0; q < 512; q++) {
                const long r = o * 1024 + j;
                const long c = q;
                const float t0 = x[r * 512 + c];
                const float t1 = bias[c];
                const float t2 = t0 + t1;
                const float t3 = t2 * ba_sigmoid(t2);
                acc[q] += t3;
            }
        }
        for (long q = 0; q < 512; q++) y[o * 512 + q] = (float)(acc[q] / 1024.0);
    }
}

/*
 * %284 = linear(%280, %282, %283) : f32[4,32]  features.4.1.block.2.fc1
 * 25 call sites share this function; the nodes and locations above are the first one's.
 * out %284 -> A + 4718592
 * in  %280 f32[4,512] <- A + 2097152
 * in  %282 f32[32,512] <- M + 1037288
 * in  %283 f32[32] <- M + 1053672 (features.4.1.block.2.fc1.bias)
 */
void k051_linear(
    float *restrict y /* [4,32] */,
    const float *restrict x /* [4,512] */,
    const float *restrict w /* [32,512] */,
    const float *restrict bias /* [32] */) {
    /* y (4,32) = x (4,512) · wᵀ (512,32) + b */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 32, 512, 1.0f, x, 512, w, 512, 0.0f, y, 32);
    for (long n = 0; n < 4; n++) for (long k = 0; k < 32; k++) y[n * 32 + k] += bias[k];
}

/*
 * %285 = silu(%284) : f32[4,32]  features.4.1.block.2.activation
 * 30 call sites share this function; the nodes and locations above are the first one's.
 * out %285 -> A + 4718720
 * in  %284 f32[4,32] <- A + 4718592
 */
void k052_silu(float *restrict y /* [4,32] */, const float *restrict x /* [4,32] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 32; c++) {
            const long i = r * 32 + c;
            const float t0 = x[r * 32 + c];
            const float t1 = t0 * ba_sigmoid(t0);
            y[i] = t1;
        }
    }
}

/*
 * %289 = linear(%285, %287, %288) : f32[4,512]  features.4.1.block.2.fc2
 * 25 call sites share this function; the nodes and locations above are the first one's.
 * out %289 -> A + 2097152
 * in  %285 f32[4,32] <- A + 4718720
 * in  %287 f32[512,32] <- M + 1053704
 * in  %288 f32[512] <- M + 1070088 (features.4.1.block.2.fc2.bias)
 */
void k053_linear(
    float *restrict y /* [4,512] */,
    const float *restrict x /* [4,32] */,
    const float *restrict w /* [512,32] */,
    const float *restrict bias /* [512] */) {
    /* y (4,512) = x (4,32) · wᵀ (32,512) + b */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 512, 32, 1.0f, x, 32, w, 32, 0.0f, y, 512);
    for (long n = 0; n < 4; n++) for (long k = 0; k < 512; k++) y[n * 512 + k] += bias[k];
}

/*
 * %290 = sigmoid(%289) : f32[4,512]  features.4.1.block.2.scale_activation
 * 25 call sites share this function; the nodes and locations above are the first one's.
 * out %290 -> A + 2162688
 * in  %289 f32[4,512] <- A + 2097152
 */
void k054_sigmoid(float *restrict y /* [4,512] */, const float *restrict x /* [4,512] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 512; c++) {
            const long i = r * 512 + c;
            const float t0 = x[r * 512 + c];
            const float t1 = ba_sigmoid(t0);
            y[i] = t1;
        }
    }
}

/*
 * %298 = bn_fold_weight(%293, %294, %297) : f32[128,512,1,1]  features.4.1.block.3.1
 * 15 call sites share this function; the nodes and locations above are the first one's.
 * out %298 -> A + 2097152
 * in  %293 f32[128,512,1,1] <- M + 1070600 (features.4.1.block.3.0.weight)
 * in  %294 f32[128] <- M + 1136136 (features.4.1.block.3.1.weight)
 * in  %297 f32[128] <- M + 21179653 (features.4.1.block.3.1.running_var)
 */
void k055_bn_fold_weight(
    float *restrict w_folded /* [128,512,1,1] */,
    const float *restrict w /* [128,512,1,1] */,
    const float *restrict gamma /* [128] */,
    const float *restrict running_var /* [128] */) {
    /* w (128, 512) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 128; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 512; j++) w_folded[k * 512 + j] = w[k * 512 + j] * s;
    }
}

/*
 * %277 = add(%275, %276) : f32[4,32,32,512]  features.4.1.block.1.1
 * %278 = silu(%277) : f32[4,32,32,512]  features.4.1.block.1.2
 * %292 = mul(%278, %291) : f32[4,32,32,512]  features.4.1.block.2
 * %300 = conv2d(%292, %298) : f32[4,32,32,128]  features.4.1.block.3.0
 * 15 call sites share this function; the nodes and locations above are the first one's.
 * out %300 -> A + 4718592
 * in  %275 f32[4,32,32,512] <- A + 0
 * in  %276 f32[1,1,1,512] <- A + 5242880
 * in  %291 f32[4,1,1,512] <- A + 2162688
 * in  %298 f32[128,512,1,1] <- A + 2097152
 */
void k056_add_silu_mul_conv1x1(
    float *restrict y /* [4,32,32,128] */,
    const float *restrict x /* [4,32,32,512] */,
    const float *restrict bias /* [1,1,1,512] */,
    const float *restrict scale /* [4,1,1,512] */,
    const float *restrict w /* [128,512,1,1] */) {
    /* y (4096, 128) = f(x) (4096, 512) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 128, 512, w, 512);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 131072);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 16; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 4096 ? 256 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 512; c++) {
                    const float t0 = x[r * 512 + c];
                    const float t1 = bias[c];
                    const float t2 = t0 + t1;
                    const float t3 = t2 * ba_sigmoid(t2);
                    const float t4 = scale[(r / 1024) * 512 + c];
                    const float t5 = t3 * t4;
                    tile[(r - m0) * 512 + c] = t5;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 128, 512, 1.0f, tile, 512, w_f32, 0.0f, y + m0 * 128, 128);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %256 = add(%254, %255) : f32[4,32,32,128]  features.4.0.block.3.1
 * %302 = add(%300, %301) : f32[4,32,32,128]  features.4.1.block.3.1
 * %303 = add(%302, %256) : f32[4,32,32,128]  features.4.1
 * %311 = conv2d(%303, %309) : f32[4,32,32,512]  features.4.2.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %311 -> A + 0
 * in  %254 f32[4,32,32,128] <- A + 4194304
 * in  %255 f32[1,1,1,128] <- A + 6815744
 * in  %300 f32[4,32,32,128] <- A + 4718592
 * in  %301 f32[1,1,1,128] <- A + 6815872
 * in  %309 f32[512,128,1,1] <- A + 2097152
 */
void k057_add_conv1x1(
    float *restrict y /* [4,32,32,512] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict bias /* [1,1,1,128] */,
    const float *restrict x2 /* [4,32,32,128] */,
    const float *restrict bias2 /* [1,1,1,128] */,
    const float *restrict w /* [512,128,1,1] */) {
    /* y (4096, 512) = f(x) (4096, 128) · wᵀ: tiles of 512 rows of f(x) computed into scratch, one sgemm each */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 512, 128, w, 128);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 65536);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 8; t++) {
            const long m0 = t * 512, rows = m0 + 512 <= 4096 ? 512 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 128; c++) {
                    const float t0 = x2[r * 128 + c];
                    const float t1 = bias2[c];
                    const float t2 = t0 + t1;
                    const float t3 = x[r * 128 + c];
                    const float t4 = bias[c];
                    const float t5 = t3 + t4;
                    const float t6 = t2 + t5;
                    tile[(r - m0) * 128 + c] = t6;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 512, 128, 1.0f, tile, 128, w_f32, 0.0f, y + m0 * 512, 512);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %256 = add(%254, %255) : f32[4,32,32,128]  features.4.0.block.3.1
 * %302 = add(%300, %301) : f32[4,32,32,128]  features.4.1.block.3.1
 * %303 = add(%302, %256) : f32[4,32,32,128]  features.4.1
 * %349 = add(%347, %348) : f32[4,32,32,128]  features.4.2.block.3.1
 * %350 = add(%349, %303) : f32[4,32,32,128]  features.4.2
 * %358 = conv2d(%350, %356) : f32[4,32,32,512]  features.4.3.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %358 -> A + 0
 * in  %254 f32[4,32,32,128] <- A + 4194304
 * in  %255 f32[1,1,1,128] <- A + 6815744
 * in  %300 f32[4,32,32,128] <- A + 4718592
 * in  %301 f32[1,1,1,128] <- A + 6815872
 * in  %347 f32[4,32,32,128] <- A + 5242880
 * in  %348 f32[1,1,1,128] <- A + 6816000
 * in  %356 f32[512,128,1,1] <- A + 2097152
 */
void k058_add_conv1x1(
    float *restrict y /* [4,32,32,512] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict bias /* [1,1,1,128] */,
    const float *restrict x2 /* [4,32,32,128] */,
    const float *restrict bias2 /* [1,1,1,128] */,
    const float *restrict x3 /* [4,32,32,128] */,
    const float *restrict bias3 /* [1,1,1,128] */,
    const float *restrict w /* [512,128,1,1] */) {
    /* y (4096, 512) = f(x) (4096, 128) · wᵀ: tiles of 512 rows of f(x) computed into scratch, one sgemm each */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 512, 128, w, 128);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 65536);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 8; t++) {
            const long m0 = t * 512, rows = m0 + 512 <= 4096 ? 512 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 128; c++) {
                    const float t0 = x3[r * 128 + c];
                    const float t1 = bias3[c];
                    const float t2 = t0 + t1;
                    const float t3 = x2[r * 128 + c];
                    const float t4 = bias2[c];
                    const float t5 = t3 + t4;
                    const float t6 = x[r * 128 + c];
                    const float t7 = bias[c];
                    const float t8 = t6 + t7;
                    const float t9 = t5 + t8;
                    const float t10 = t2 + t9;
                    tile[(r - m0) * 128 + c] = t10;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 512, 128, 1.0f, tile, 128, w_f32, 0.0f, y + m0 * 512, 512);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %256 = add(%254, %255) : f32[4,32,32,128]  features.4.0.block.3.1
 * %302 = add(%300, %301) : f32[4,32,32,128]  features.4.1.block.3.1
 * %303 = add(%302, %256) : f32[4,32,32,128]  features.4.1
 * %349 = add(%347, %348) : f32[4,32,32,128]  features.4.2.block.3.1
 * %350 = add(%349, %303) : f32[4,32,32,128]  features.4.2
 * %396 = add(%394, %395) : f32[4,32,32,128]  features.4.3.block.3.1
 * %397 = add(%396, %350) : f32[4,32,32,128]  features.4.3
 * %405 = conv2d(%397, %403) : f32[4,32,32,512]  features.4.4.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %405 -> A + 0
 * in  %254 f32[4,32,32,128] <- A + 4194304
 * in  %255 f32[1,1,1,128] <- A + 6815744
 * in  %300 f32[4,32,32,128] <- A + 4718592
 * in  %301 f32[1,1,1,128] <- A + 6815872
 * in  %347 f32[4,32,32,128] <- A + 5242880
 * in  %348 f32[1,1,1,128] <- A + 6816000
 * in  %394 f32[4,32,32,128] <- A + 5767168
 * in  %395 f32[1,1,1,128] <- A + 6816128
 * in  %403 f32[512,128,1,1] <- A + 2097152
 */
void k059_add_conv1x1(
    float *restrict y /* [4,32,32,512] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict bias /* [1,1,1,128] */,
    const float *restrict x2 /* [4,32,32,128] */,
    const float *restrict bias2 /* [1,1,1,128] */,
    const float *restrict x3 /* [4,32,32,128] */,
    const float *restrict bias3 /* [1,1,1,128] */,
    const float *restrict x4 /* [4,32,32,128] */,
    const float *restrict bias4 /* [1,1,1,128] */,
    const float *restrict w /* [512,128,1,1] */) {
    /* y (4096, 512) = f(x) (4096, 128) · wᵀ: tiles of 512 rows of f(x) computed into scratch, one sgemm each */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 512, 128, w, 128);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 65536);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 8; t++) {
            const long m0 = t * 512, rows = m0 + 512 <= 4096 ? 512 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 128; c++) {
                    const float t0 = x4[r * 128 + c];
                    const float t1 = bias4[c];
                    const float t2 = t0 + t1;
                    const float t3 = x3[r * 128 + c];
                    const float t4 = bias3[c];
                    const float t5 = t3 + t4;
                    const float t6 = x2[r * 128 + c];
                    const float t7 = bias2[c];
                    const float t8 = t6 + t7;
                    const float t9 = x[r * 128 + c];
                    const float t10 = bias[c];
                    const float t11 = t9 + t10;
                    const float t12 = t8 + t11;
                    const float t13 = t5 + t12;
                    const float t14 = t2 + t13;
                    tile[(r - m0) * 128 + c] = t14;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 512, 128, 1.0f, tile, 128, w_f32, 0.0f, y + m0 * 512, 512);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %256 = add(%254, %255) : f32[4,32,32,128]  features.4.0.block.3.1
 * %302 = add(%300, %301) : f32[4,32,32,128]  features.4.1.block.3.1
 * %303 = add(%302, %256) : f32[4,32,32,128]  features.4.1
 * %349 = add(%347, %348) : f32[4,32,32,128]  features.4.2.block.3.1
 * %350 = add(%349, %303) : f32[4,32,32,128]  features.4.2
 * %396 = add(%394, %395) : f32[4,32,32,128]  features.4.3.block.3.1
 * %397 = add(%396, %350) : f32[4,32,32,128]  features.4.3
 * %443 = add(%441, %442) : f32[4,32,32,128]  features.4.4.block.3.1
 * %444 = add(%443, %397) : f32[4,32,32,128]  features.4.4
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %444 -> A + 6291456
 * in  %254 f32[4,32,32,128] <- A + 4194304
 * in  %255 f32[1,1,1,128] <- A + 6815744
 * in  %300 f32[4,32,32,128] <- A + 4718592
 * in  %301 f32[1,1,1,128] <- A + 6815872
 * in  %347 f32[4,32,32,128] <- A + 5242880
 * in  %348 f32[1,1,1,128] <- A + 6816000
 * in  %394 f32[4,32,32,128] <- A + 5767168
 * in  %395 f32[1,1,1,128] <- A + 6816128
 * in  %441 f32[4,32,32,128] <- A + 2097152
 * in  %442 f32[1,1,1,128] <- A + 2689024
 */
void k060_add(
    float *restrict y /* [4,32,32,128] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict bias /* [1,1,1,128] */,
    const float *restrict x2 /* [4,32,32,128] */,
    const float *restrict bias2 /* [1,1,1,128] */,
    const float *restrict x3 /* [4,32,32,128] */,
    const float *restrict bias3 /* [1,1,1,128] */,
    const float *restrict x4 /* [4,32,32,128] */,
    const float *restrict bias4 /* [1,1,1,128] */,
    const float *restrict x5 /* [4,32,32,128] */,
    const float *restrict bias5 /* [1,1,1,128] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 128; c++) {
            const long i = r * 128 + c;
            const float t0 = x5[r * 128 + c];
            const float t1 = bias5[c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 128 + c];
            const float t4 = bias4[c];
            const float t5 = t3 + t4;
            const float t6 = x3[r * 128 + c];
            const float t7 = bias3[c];
            const float t8 = t6 + t7;
            const float t9 = x2[r * 128 + c];
            const float t10 = bias2[c];
            const float t11 = t9 + t10;
            const float t12 = x[r * 128 + c];
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
 * %452 = conv2d(%444, %450) : f32[4,32,32,512]  features.4.5.block.0.0
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %452 -> A + 0
 * in  %444 f32[4,32,32,128] <- A + 6291456
 * in  %450 f32[512,128,1,1] <- A + 2097152
 */
void k061_conv1x1(
    float *restrict y /* [4,32,32,512] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict w /* [512,128,1,1] */) {
    /* x (4,32,32,128) w (512,128,1,1) y (4,32,32,512) stride 1 pad 0 */
    /* y (N·H·W, K) = x (N·H·W, C) · wᵀ (C, K) */
    /* the weight packed once; tiles of 132 rows in parallel */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 512, 128, w, 128);  /* packed once for every tile */
    #pragma omp parallel for schedule(static)
    for (long t = 0; t < 32; t++) {
        const long m0 = t * 132, rows = m0 + 132 <= 4096 ? 132 : 4096 - m0;
        breastai_gemm_f32_packed(CblasNoTrans, rows, 512, 128, 1.0f, x + m0 * 128, 128, w_f32, 0.0f, y + m0 * 512, 512);
    }
    free(w_f32);
}

/*
 * %497 = bn_fold_weight(%492, %493, %496) : f32[768,128,1,1]  features.5.0.block.0.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %497 -> A + 3670016
 * in  %492 f32[768,128,1,1] <- M + 1821576 (features.5.0.block.0.0.weight)
 * in  %493 f32[768] <- M + 1919880 (features.5.0.block.0.1.weight)
 * in  %496 f32[768] <- M + 21189765 (features.5.0.block.0.1.running_var)
 */
void k062_bn_fold_weight(
    float *restrict w_folded /* [768,128,1,1] */,
    const float *restrict w /* [768,128,1,1] */,
    const float *restrict gamma /* [768] */,
    const float *restrict running_var /* [768] */) {
    /* w (768, 128) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 768; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 128; j++) w_folded[k * 128 + j] = w[k * 128 + j] * s;
    }
}

/*
 * %498 = bn_fold_bias(%493, %494, %495, %496) : f32[768]  features.5.0.block.0.1
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %498 -> A + 6815744
 * in  %493 f32[768] <- M + 1919880 (features.5.0.block.0.1.weight)
 * in  %494 f32[768] <- M + 1920648 (features.5.0.block.0.1.bias)
 * in  %495 f32[768] <- M + 21188997 (features.5.0.block.0.1.running_mean)
 * in  %496 f32[768] <- M + 21189765 (features.5.0.block.0.1.running_var)
 */
void k063_bn_fold_bias(
    float *restrict bias_folded /* [768] */,
    const float *restrict gamma /* [768] */,
    const float *restrict beta /* [768] */,
    const float *restrict running_mean /* [768] */,
    const float *restrict running_var /* [768] */) {
    for (long k = 0; k < 768; k++) bias_folded[k] = beta[k] - running_mean[k] * gamma[k] / sqrtf(running_var[k] + 0.001f);
}

/*
 * %2915 = silu_bwd(%2910, %525) : f32[4,32]  features.5.0.block.2.activation
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %2915 -> A + 243879552
 * in  %525 f32[4,32] <- A + 243905920
 * in  %2910 f32[4,32] <- A + 243879424
 */
void k052b_silu_bwd(
    float *restrict dx /* [4,32] */,
    const float *restrict x /* [4,32] */,
    const float *restrict dy /* [4,32] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 32; c++) {
            const long i = r * 32 + c;
            const float t0 = dy[r * 32 + c];
            const float t1 = x[r * 32 + c];
            const float t2s = ba_sigmoid(t1);
            const float t2 = t0 * (t2s * (1.0f + t1 * (1.0f - t2s)));
            dx[i] = t2;
        }
    }
}

/*
 * %2956 = sigmoid_bwd(%2955, %482) : f32[4,512]  features.4.5.block.2.scale_activation
 * 10 call sites share this function; the nodes and locations above are the first one's.
 * out %2956 -> A + 242915328
 * in  %482 f32[4,512] <- A + 243824384
 * in  %2955 f32[4,512] <- A + 242913280
 */
void k054b_sigmoid_bwd(
    float *restrict dx /* [4,512] */,
    const float *restrict x /* [4,512] */,
    const float *restrict dy /* [4,512] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 512; c++) {
            const long i = r * 512 + c;
            const float t0 = dy[r * 512 + c];
            const float t1 = x[r * 512 + c];
            const float t2s = ba_sigmoid(t1);
            const float t2 = t0 * (t2s * (1.0f - t2s));
            dx[i] = t2;
        }
    }
}

/*
 * %2957 = matmul(%2956, %480) : f32[4,32]  features.4.5.block.2.fc2
 * 10 call sites share this function; the nodes and locations above are the first one's.
 * out %2957 -> A + 242913280
 * in  %2956 f32[4,512] <- A + 242915328
 * in  %480 f32[512,32] <- M + 1738888
 */
void k053b_matmul(
    float *restrict y /* [4,32] */,
    const float *restrict a /* [4,512] */,
    const float *restrict b /* [512,32] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 32, 512, 1.0f, a, 512, b, 32, 0.0f, y, 32);
}

/*
 * %2958 = matmul(%2956, %478) : f32[512,32]  features.4.5.block.2.fc2
 * %2961 = reshape(%2958) : f32[512,32,1,1]  features.4.5.block.2.fc2
 * %3375 = add(%3374, %2961) : f32[512,32,1,1]  features.4.5.block.2.fc2.weight
 * 10 call sites share this function; the nodes and locations above are the first one's.
 * out %3375 -> G + 1738888
 * in  %2956 f32[4,512] <- A + 242915328
 * in  %478 f32[4,32] <- A + 243905792
 * in  %3374 f32[512,32,1,1] <- G + 1738888 (features.4.5.block.2.fc2.weight)
 */
void k053b_matmul_tA_acc(
    float *restrict grad /* [512,32,1,1] */,
    const float *restrict a /* [4,512] */,
    const float *restrict b /* [4,32] */) {
    /* accumulated into the gradient: beta = 1 */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 512, 32, 4, 1.0f, a, 512, b, 32, 1.0f, grad, 32);
}

/*
 * %2963 = matmul(%2962, %475) : f32[4,512]  features.4.5.block.2.fc1
 * 10 call sites share this function; the nodes and locations above are the first one's.
 * out %2963 -> A + 243824384
 * in  %2962 f32[4,32] <- A + 243879424
 * in  %475 f32[32,512] <- M + 1722472
 */
void k051b_matmul(
    float *restrict y /* [4,512] */,
    const float *restrict a /* [4,32] */,
    const float *restrict b /* [32,512] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 512, 32, 1.0f, a, 32, b, 512, 0.0f, y, 512);
}

/*
 * %2964 = matmul(%2962, %473) : f32[32,512]  features.4.5.block.2.fc1
 * %2967 = reshape(%2964) : f32[32,512,1,1]  features.4.5.block.2.fc1
 * %3371 = add(%3370, %2967) : f32[32,512,1,1]  features.4.5.block.2.fc1.weight
 * 10 call sites share this function; the nodes and locations above are the first one's.
 * out %3371 -> G + 1722472
 * in  %2962 f32[4,32] <- A + 243879424
 * in  %473 f32[4,512] <- A + 243822336
 * in  %3370 f32[32,512,1,1] <- G + 1722472 (features.4.5.block.2.fc1.weight)
 */
void k051b_matmul_tA_acc(
    float *restrict grad /* [32,512,1,1] */,
    const float *restrict a /* [4,32] */,
    const float *restrict b /* [4,512] */) {
    /* accumulated into the gradient: beta = 1 */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 32, 512, 4, 1.0f, a, 32, b, 512, 1.0f, grad, 512);
}

/*
 * %3037 = conv2d_bwd_weight(%3031, %401) : f32[512,128,1,1]  features.4.4.block.0.0
 * %3333 = add(%3332, %3037) : f32[512,128,1,1]  features.4.4.block.0.0.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3333 -> G + 1478984
 * in  %3031 f32[4,32,32,512] <- A + 10485760
 * in  %401 f32[4,32,32,128] <- A + 237043712
 * in  %3332 f32[512,128,1,1] <- G + 1478984 (features.4.4.block.0.0.weight)
 */
void k061b_conv1x1_bwd_weight_acc(
    float *restrict grad /* [512,128,1,1] */,
    const float *restrict dy /* [4,32,32,512] */,
    const float *restrict x /* [4,32,32,128] */) {
    /* dw of x (4,32,32,128) w (512,128,1,1) y (4,32,32,512) stride 1 pad 0, added into the accumulator */
    /* dw (K, C) += dyᵀ (K, N·H·W) · x (N·H·W, C) */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 512, 128, 4096, 1.0f, dy, 512, x, 128, 1.0f, grad, 128);
}
