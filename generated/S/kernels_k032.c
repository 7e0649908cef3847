/* Kernels k032 to k047 and their backward kernels. */
#include "kernels.h"

/*
 * %209 = add(%207, %208) : f32[4,64,64,64]  features.3.3.block.1.1
 * %210 = add(%209, %188) : f32[4,64,64,64]  features.3.3
 * %218 = conv2d(%210, %216) : f32[4,64,64,256]  features.4.0.block.0.0
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %218 -> A + 0
 * in  %188 f32[4,64,64,64] <- A + 5242880
 * in  %207 f32[4,64,64,64] <- A + 4194304
 * in  %208 f32[1,1,1,64] <- A + 6308096
 * in  %216 f32[256,64,1,1] <- A + 6291456
 */
void k032_add_conv1x1(
    float *restrict y /* [4,64,64,256] */,
    const float *restrict b /* [4,64,64,64] */,
    const float *restrict x /* [4,64,64,64] */,
    const float *restrict bias /* [1,1,1,64] */,
    const float *restrict w /* [256,64,1,1] */) {
    /* y (16384, 256) = f(x) (16384, 64) · wᵀ: tiles of 1024 rows of f(x) computed into scratch, one sgemm each */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 256, 64, w, 64);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 65536);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 16; t++) {
            const long m0 = t * 1024, rows = m0 + 1024 <= 16384 ? 1024 : 16384 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 64; c++) {
                    const float t0 = x[r * 64 + c];
                    const float t1 = bias[c];
                    const float t2 = t0 + t1;
                    const float t3 = b[r * 64 + c];
                    const float t4 = t2 + t3;
                    tile[(r - m0) * 64 + c] = t4;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 256, 64, 1.0f, tile, 64, w_f32, 0.0f, y + m0 * 256, 256);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %220 = add(%218, %219) : f32[4,64,64,256]  features.4.0.block.0.1
 * %221 = silu(%220) : f32[4,64,64,256]  features.4.0.block.0.2
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %221 -> A + 4194304
 * in  %218 f32[4,64,64,256] <- A + 0
 * in  %219 f32[1,1,1,256] <- A + 8388608
 */
void k033_add_silu(
    float *restrict y /* [4,64,64,256] */,
    const float *restrict x /* [4,64,64,256] */,
    const float *restrict bias /* [1,1,1,256] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 16384; r++) {
        #pragma omp simd
        for (long c = 0; c < 256; c++) {
            const long i = r * 256 + c;
            const float t0 = x[r * 256 + c];
            const float t1 = bias[c];
            const float t2 = t0 + t1;
            const float t3 = t2 * ba_sigmoid(t2);
            y[i] = t3;
        }
    }
}

/*
 * %227 = bn_fold_weight(%222, %223, %226) : f32[256,1,3,3]  features.4.0.block.1.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %227 -> A + 1048576
 * in  %222 f32[256,1,3,3] <- M + 920792 (features.4.0.block.1.0.weight)
 * in  %223 f32[256] <- M + 923096 (features.4.0.block.1.1.weight)
 * in  %226 f32[256] <- M + 21176965 (features.4.0.block.1.1.running_var)
 */
void k034_bn_fold_weight(
    float *restrict w_folded /* [256,1,3,3] */,
    const float *restrict w /* [256,1,3,3] */,
    const float *restrict gamma /* [256] */,
    const float *restrict running_var /* [256] */) {
    /* w (256, 9) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 256; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 9; j++) w_folded[k * 9 + j] = w[k * 9 + j] * s;
    }
}

/*
 * %229 = conv2d(%221, %227) : f32[4,32,32,256]  features.4.0.block.1.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %229 -> A + 0
 * in  %221 f32[4,64,64,256] <- A + 4194304
 * in  %227 f32[256,1,3,3] <- A + 1048576
 */
void k035_dwconv3x3s2(
    float *restrict y /* [4,32,32,256] */,
    const float *restrict x /* [4,64,64,256] */,
    const float *restrict w /* [256,1,3,3] */) {
    /* x (4,64,64,256) w (256,1,3,3) y (4,32,32,256) stride 2 pad 1 groups 256 */
    /* Depthwise: y[n, oh, ow, c] = Σ_{r, s} x[n, ih, iw, c] · wt[r, s, c], channels innermost (vectorised),
     * one output row per work item. */
    float *restrict wt = malloc(sizeof(float) * 2304);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 256; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 256 + c] = w[(c * 3 + r) * 3 + s];
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long oh = 0; oh < 32; oh++) {
            for (long ow = 0; ow < 32; ow++) {
                float *restrict yp = y + ((n * 32 + oh) * 32 + ow) * 256;
                if (oh * 2 - 1 >= 0 && oh * 2 + 1 < 64 && ow * 2 - 1 >= 0 && ow * 2 + 1 < 64) {
                    /* every tap inside x: one sum per channel, the taps in the order of the loops below */
                    const float *restrict x0 = x + ((n * 64 + oh * 2 - 1) * 64 + ow * 2 - 1) * 256;
                    for (long c = 0; c < 256; c++)
                        yp[c] = x0[c] * wt[c] + x0[256 + c] * wt[256 + c] + x0[512 + c] * wt[512 + c]
                            + x0[16384 + c] * wt[768 + c] + x0[16640 + c] * wt[1024 + c] + x0[16896 + c] * wt[1280 + c]
                            + x0[32768 + c] * wt[1536 + c] + x0[33024 + c] * wt[1792 + c] + x0[33280 + c] * wt[2048 + c];
                    continue;
                }
                for (long c = 0; c < 256; c++) yp[c] = 0.0f;
                for (long r = 0; r < 3; r++) {
                    const long ih = oh * 2 - 1 + r;
                    if (ih < 0 || ih >= 64) continue;
                    for (long s = 0; s < 3; s++) {
                        const long iw = ow * 2 - 1 + s;
                        if (iw < 0 || iw >= 64) continue;
                        const float *restrict xp = x + ((n * 64 + ih) * 64 + iw) * 256, *restrict wr = wt + (r * 3 + s) * 256;
                        for (long c = 0; c < 256; c++) yp[c] += xp[c] * wr[c];
                    }
                }
            }
        }
    }
    free(wt);
}

/*
 * %231 = add(%229, %230) : f32[4,32,32,256]  features.4.0.block.1.1
 * %232 = silu(%231) : f32[4,32,32,256]  features.4.0.block.1.2
 * %233 = reduce_mean(%232) : f32[4,1,1,256]  features.4.0.block.2.avgpool
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %233 -> A + 1048576
 * in  %229 f32[4,32,32,256] <- A + 0
 * in  %230 f32[1,1,1,256] <- A + 1082368
 */
void k036_add_silu_reduce_mean(
    float *restrict y /* [4,1,1,256] */,
    const float *restrict x /* [4,32,32,256] */,
    const float *restrict bias /* [1,1,1,256] */) {
    /* mean over axes [1, 2] of [4, 32, 32, 256]: (4, 1024, 256) -> (4, 256) */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[256];
        for (long q = 0; q < 256; q++) acc[q] = 0.0;
        for (long j = 0; j < 1024; j++) {
            for (long q = 0; q < 256; q++) {
                const long r = o * 1024 + j;
                const long c = q;
                const float t0 = x[r * 256 + c];
                const float t1 = bias[c];
                const float t2 = t0 + t1;
                const float t3 = t2 * ba_sigmoid(t2);
                acc[q] += t3;
            }
        }
        for (long q = 0; q < 256; q++) y[o * 256 + q] = (float)(acc[q] / 1024.0);
    }
}

/*
 * %238 = linear(%234, %236, %237) : f32[4,16]  features.4.0.block.2.fc1
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %238 -> A + 1049600
 * in  %234 f32[4,256] <- A + 1048576
 * in  %236 f32[16,256] <- M + 923608
 * in  %237 f32[16] <- M + 927704 (features.4.0.block.2.fc1.bias)
 */
void k037_linear(
    float *restrict y /* [4,16] */,
    const float *restrict x /* [4,256] */,
    const float *restrict w /* [16,256] */,
    const float *restrict bias /* [16] */) {
    /* y (4,16) = x (4,256) · wᵀ (256,16) + b */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 16, 256, 1.0f, x, 256, w, 256, 0.0f, y, 16);
    for (long n = 0; n < 4; n++) for (long k = 0; k < 16; k++) y[n * 16 + k] += bias[k];
}

/*
 * %239 = silu(%238) : f32[4,16]  features.4.0.block.2.activation
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %239 -> A + 1049664
 * in  %238 f32[4,16] <- A + 1049600
 */
void k038_silu(float *restrict y /* [4,16] */, const float *restrict x /* [4,16] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 16; c++) {
            const long i = r * 16 + c;
            const float t0 = x[r * 16 + c];
            const float t1 = t0 * ba_sigmoid(t0);
            y[i] = t1;
        }
    }
}

/*
 * %243 = linear(%239, %241, %242) : f32[4,256]  features.4.0.block.2.fc2
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %243 -> A + 1048576
 * in  %239 f32[4,16] <- A + 1049664
 * in  %241 f32[256,16] <- M + 927720
 * in  %242 f32[256] <- M + 931816 (features.4.0.block.2.fc2.bias)
 */
void k039_linear(
    float *restrict y /* [4,256] */,
    const float *restrict x /* [4,16] */,
    const float *restrict w /* [256,16] */,
    const float *restrict bias /* [256] */) {
    /* y (4,256) = x (4,16) · wᵀ (16,256) + b */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 256, 16, 1.0f, x, 16, w, 16, 0.0f, y, 256);
    for (long n = 0; n < 4; n++) for (long k = 0; k < 256; k++) y[n * 256 + k] += bias[k];
}

/*
 * %244 = sigmoid(%243) : f32[4,256]  features.4.0.block.2.scale_activation
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %244 -> A + 1081344
 * in  %243 f32[4,256] <- A + 1048576
 */
void k040_sigmoid(float *restrict y /* [4,256] */, const float *restrict x /* [4,256] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 256; c++) {
            const long i = r * 256 + c;
            const float t0 = x[r * 256 + c];
            const float t1 = ba_sigmoid(t0);
            y[i] = t1;
        }
    }
}

/*
 * %252 = bn_fold_weight(%247, %248, %251) : f32[128,256,1,1]  features.4.0.block.3.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %252 -> A + 1048576
 * in  %247 f32[128,256,1,1] <- M + 932072 (features.4.0.block.3.0.weight)
 * in  %248 f32[128] <- M + 964840 (features.4.0.block.3.1.weight)
 * in  %251 f32[128] <- M + 21177349 (features.4.0.block.3.1.running_var)
 */
void k041_bn_fold_weight(
    float *restrict w_folded /* [128,256,1,1] */,
    const float *restrict w /* [128,256,1,1] */,
    const float *restrict gamma /* [128] */,
    const float *restrict running_var /* [128] */) {
    /* w (128, 256) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 128; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 256; j++) w_folded[k * 256 + j] = w[k * 256 + j] * s;
    }
}

/*
 * %253 = bn_fold_bias(%248, %249, %250, %251) : f32[128]  features.4.0.block.3.1
 * 18 call sites share this function; the nodes and locations above are the first one's.
 * out %253 -> A + 6815744
 * in  %248 f32[128] <- M + 964840 (features.4.0.block.3.1.weight)
 * in  %249 f32[128] <- M + 964968 (features.4.0.block.3.1.bias)
 * in  %250 f32[128] <- M + 21177221 (features.4.0.block.3.1.running_mean)
 * in  %251 f32[128] <- M + 21177349 (features.4.0.block.3.1.running_var)
 */
void k042_bn_fold_bias(
    float *restrict bias_folded /* [128] */,
    const float *restrict gamma /* [128] */,
    const float *restrict beta /* [128] */,
    const float *restrict running_mean /* [128] */,
    const float *restrict running_var /* [128] */) {
    for (long k = 0; k < 128; k++) bias_folded[k] = beta[k] - running_mean[k] * gamma[k] / sqrtf(running_var[k] + 0.001f);
}

/*
 * %231 = add(%229, %230) : f32[4,32,32,256]  features.4.0.block.1.1
 * %232 = silu(%231) : f32[4,32,32,256]  features.4.0.block.1.2
 * %246 = mul(%232, %245) : f32[4,32,32,256]  features.4.0.block.2
 * %254 = conv2d(%246, %252) : f32[4,32,32,128]  features.4.0.block.3.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %254 -> A + 4194304
 * in  %229 f32[4,32,32,256] <- A + 0
 * in  %230 f32[1,1,1,256] <- A + 1082368
 * in  %245 f32[4,1,1,256] <- A + 1081344
 * in  %252 f32[128,256,1,1] <- A + 1048576
 */
void k043_add_silu_mul_conv1x1(
    float *restrict y /* [4,32,32,128] */,
    const float *restrict x /* [4,32,32,256] */,
    const float *restrict bias /* [1,1,1,256] */,
    const float *restrict scale /* [4,1,1,256] */,
    const float *restrict w /* [128,256,1,1] */) {
    /* y (4096, 128) = f(x) (4096, 256) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 128, 256, w, 256);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 65536);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 16; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 4096 ? 256 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 256; c++) {
                    const float t0 = x[r * 256 + c];
                    const float t1 = bias[c];
                    const float t2 = t0 + t1;
                    const float t3 = t2 * ba_sigmoid(t2);
                    const float t4 = scale[(r / 1024) * 256 + c];
                    const float t5 = t3 * t4;
                    tile[(r - m0) * 256 + c] = t5;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 128, 256, 1.0f, tile, 256, w_f32, 0.0f, y + m0 * 128, 128);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %262 = bn_fold_weight(%257, %258, %261) : f32[512,128,1,1]  features.4.1.block.0.1
 * 15 call sites share this function; the nodes and locations above are the first one's.
 * out %262 -> A + 2097152
 * in  %257 f32[512,128,1,1] <- M + 965096 (features.4.1.block.0.0.weight)
 * in  %258 f32[512] <- M + 1030632 (features.4.1.block.0.1.weight)
 * in  %261 f32[512] <- M + 21177989 (features.4.1.block.0.1.running_var)
 */
void k044_bn_fold_weight(
    float *restrict w_folded /* [512,128,1,1] */,
    const float *restrict w /* [512,128,1,1] */,
    const float *restrict gamma /* [512] */,
    const float *restrict running_var /* [512] */) {
    /* w (512, 128) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 512; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 128; j++) w_folded[k * 128 + j] = w[k * 128 + j] * s;
    }
}

/*
 * %263 = bn_fold_bias(%258, %259, %260, %261) : f32[512]  features.4.1.block.0.1
 * 30 call sites share this function; the nodes and locations above are the first one's.
 * out %263 -> A + 4718592
 * in  %258 f32[512] <- M + 1030632 (features.4.1.block.0.1.weight)
 * in  %259 f32[512] <- M + 1031144 (features.4.1.block.0.1.bias)
 * in  %260 f32[512] <- M + 21177477 (features.4.1.block.0.1.running_mean)
 * in  %261 f32[512] <- M + 21177989 (features.4.1.block.0.1.running_var)
 */
void k045_bn_fold_bias(
    float *restrict bias_folded /* [512] */,
    const float *restrict gamma /* [512] */,
    const float *restrict beta /* [512] */,
    const float *restrict running_mean /* [512] */,
    const float *restrict running_var /* [512] */) {
    for (long k = 0; k < 512; k++) bias_folded[k] = beta[k] - running_mean[k] * gamma[k] / sqrtf(running_var[k] + 0.001f);
}

/*
 * %256 = add(%254, %255) : f32[4,32,32,128]  features.4.0.block.3.1
 * %264 = conv2d(%256, %262) : f32[4,32,32,512]  features.4.1.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %264 -> A + 0
 * in  %254 f32[4,32,32,128] <- A + 4194304
 * in  %255 f32[1,1,1,128] <- A + 6815744
 * in  %262 f32[512,128,1,1] <- A + 2097152
 */
void k046_add_conv1x1(
    float *restrict y /* [4,32,32,512] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict bias /* [1,1,1,128] */,
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
                    const float t0 = x[r * 128 + c];
                    const float t1 = bias[c];
                    const float t2 = t0 + t1;
                    tile[(r - m0) * 128 + c] = t2;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 512, 128, 1.0f, tile, 128, w_f32, 0.0f, y + m0 * 512, 512);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %266 = add(%264, %265) : f32[4,32,32,512]  features.4.1.block.0.1
 * %267 = silu(%266) : f32[4,32,32,512]  features.4.1.block.0.2
 * 15 call sites share this function; the nodes and locations above are the first one's.
 * out %267 -> A + 2097152
 * in  %264 f32[4,32,32,512] <- A + 0
 * in  %265 f32[1,1,1,512] <- A + 4718592
 */
void k047_add_silu(
    float *restrict y /* [4,32,32,512] */,
    const float *restrict x /* [4,32,32,512] */,
    const float *restrict bias /* [1,1,1,512] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 512; c++) {
            const long i = r * 512 + c;
            const float t0 = x[r * 512 + c];
            const float t1 = bias[c];
            const float t2 = t0 + t1;
            const float t3 = t2 * ba_sigmoid(t2);
            y[i] = t3;
        }
    }
}

/*
 * %3195 = sigmoid_bwd(%3194, %243) : f32[4,256]  features.4.0.block.2.scale_activation
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3195 -> A + 242914304
 * in  %243 f32[4,256] <- A + 243867136
 * in  %3194 f32[4,256] <- A + 242913280
 */
void k040b_sigmoid_bwd(
    float *restrict dx /* [4,256] */,
    const float *restrict x /* [4,256] */,
    const float *restrict dy /* [4,256] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 256; c++) {
            const long i = r * 256 + c;
            const float t0 = dy[r * 256 + c];
            const float t1 = x[r * 256 + c];
            const float t2s = ba_sigmoid(t1);
            const float t2 = t0 * (t2s * (1.0f - t2s));
            dx[i] = t2;
        }
    }
}

/*
 * %3196 = matmul(%3195, %241) : f32[4,16]  features.4.0.block.2.fc2
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3196 -> A + 242913280
 * in  %3195 f32[4,256] <- A + 242914304
 * in  %241 f32[256,16] <- M + 927720
 */
void k039b_matmul(
    float *restrict y /* [4,16] */,
    const float *restrict a /* [4,256] */,
    const float *restrict b /* [256,16] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 16, 256, 1.0f, a, 256, b, 16, 0.0f, y, 16);
}

/*
 * %3197 = matmul(%3195, %239) : f32[256,16]  features.4.0.block.2.fc2
 * %3200 = reshape(%3197) : f32[256,16,1,1]  features.4.0.block.2.fc2
 * %3245 = add(%3244, %3200) : f32[256,16,1,1]  features.4.0.block.2.fc2.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3245 -> G + 927720
 * in  %3195 f32[4,256] <- A + 242914304
 * in  %239 f32[4,16] <- A + 243906304
 * in  %3244 f32[256,16,1,1] <- G + 927720 (features.4.0.block.2.fc2.weight)
 */
void k039b_matmul_tA_acc(
    float *restrict grad /* [256,16,1,1] */,
    const float *restrict a /* [4,256] */,
    const float *restrict b /* [4,16] */) {
    /* accumulated into the gradient: beta = 1 */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 256, 16, 4, 1.0f, a, 256, b, 16, 1.0f, grad, 16);
}

/*
 * %3201 = silu_bwd(%3196, %238) : f32[4,16]  features.4.0.block.2.activation
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3201 -> A + 243869184
 * in  %238 f32[4,16] <- A + 243906240
 * in  %3196 f32[4,16] <- A + 242913280
 */
void k038b_silu_bwd(
    float *restrict dx /* [4,16] */,
    const float *restrict x /* [4,16] */,
    const float *restrict dy /* [4,16] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 16; c++) {
            const long i = r * 16 + c;
            const float t0 = dy[r * 16 + c];
            const float t1 = x[r * 16 + c];
            const float t2s = ba_sigmoid(t1);
            const float t2 = t0 * (t2s * (1.0f + t1 * (1.0f - t2s)));
            dx[i] = t2;
        }
    }
}

/*
 * %3202 = matmul(%3201, %236) : f32[4,256]  features.4.0.block.2.fc1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3202 -> A + 243867136
 * in  %3201 f32[4,16] <- A + 243869184
 * in  %236 f32[16,256] <- M + 923608
 */
void k037b_matmul(
    float *restrict y /* [4,256] */,
    const float *restrict a /* [4,16] */,
    const float *restrict b /* [16,256] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 256, 16, 1.0f, a, 16, b, 256, 0.0f, y, 256);
}

/*
 * %3203 = matmul(%3201, %234) : f32[16,256]  features.4.0.block.2.fc1
 * %3206 = reshape(%3203) : f32[16,256,1,1]  features.4.0.block.2.fc1
 * %3241 = add(%3240, %3206) : f32[16,256,1,1]  features.4.0.block.2.fc1.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3241 -> G + 923608
 * in  %3201 f32[4,16] <- A + 243869184
 * in  %234 f32[4,256] <- A + 243866112
 * in  %3240 f32[16,256,1,1] <- G + 923608 (features.4.0.block.2.fc1.weight)
 */
void k037b_matmul_tA_acc(
    float *restrict grad /* [16,256,1,1] */,
    const float *restrict a /* [4,16] */,
    const float *restrict b /* [4,256] */) {
    /* accumulated into the gradient: beta = 1 */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 16, 256, 4, 1.0f, a, 16, b, 256, 1.0f, grad, 256);
}

/*
 * %3204 = reduce_sum(%3201) : f32[1,16]  features.4.0.block.2.fc1
 * %3205 = reshape(%3204) : f32[16]  features.4.0.block.2.fc1
 * %3243 = add(%3242, %3205) : f32[16]  features.4.0.block.2.fc1.bias
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3243 -> G + 927704
 * in  %3201 f32[4,16] <- A + 243869184
 * in  %3242 f32[16] <- G + 927704 (features.4.0.block.2.fc1.bias)
 */
void k037b_reduce_sum_acc(float *restrict grad /* [16] */, const float *restrict x /* [4,16] */) {
    /* sum over axes [0] of [4, 16]: (1, 4, 16) -> (1, 16) */
    for (long o = 0; o < 1; o++) {
        double acc[16];
        for (long q = 0; q < 16; q++) acc[q] = 0.0;
        for (long j = 0; j < 4; j++) {
            for (long q = 0; q < 16; q++) {
                const long r = o * 4 + j;
                const long c = q;
                const float t0 = x[r * 16 + c];
                acc[q] += t0;
            }
        }
        for (long q = 0; q < 16; q++) grad[o * 16 + q] += (float)(acc[q]);
    }
}

/*
 * %209 = add(%207, %208) : f32[4,64,64,64]  features.3.3.block.1.1
 * %210 = add(%209, %188) : f32[4,64,64,64]  features.3.3
 * %3227 = conv2d_bwd_weight(%3222, %210) : f32[256,64,1,1]  features.4.0.block.0.0
 * %3229 = add(%3228, %3227) : f32[256,64,1,1]  features.4.0.block.0.0.weight
 * out %3229 -> G + 903896
 * in  %188 f32[4,64,64,64] <- A + 223608832
 * in  %207 f32[4,64,64,64] <- A + 224657408
 * in  %208 f32[1,1,1,64] <- A + 243906176
 * in  %3222 f32[4,64,64,256] <- A + 4194304
 * in  %3228 f32[256,64,1,1] <- G + 903896 (features.4.0.block.0.0.weight)
 */
void k032b_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [256,64,1,1] */,
    const float *restrict b /* [4,64,64,64] */,
    const float *restrict x /* [4,64,64,64] */,
    const float *restrict bias /* [1,1,1,64] */,
    const float *restrict dy /* [4,64,64,256] */) {
    /* dw (256, 64) += dyᵀ (256, 16384) · f(x) (16384, 64), f(x) recomputed in tiles of 1024 rows */
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 16384);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 16384;
        float *restrict tile = malloc(sizeof(float) * 65536);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 16; t++) {
            const long m0 = t * 1024, rows = m0 + 1024 <= 16384 ? 1024 : 16384 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 64; c++) {
                    const float t0 = x[r * 64 + c];
                    const float t1 = bias[c];
                    const float t2 = t0 + t1;
                    const float t3 = b[r * 64 + c];
                    const float t4 = t2 + t3;
                    tile[(r - m0) * 64 + c] = t4;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 256, 64, rows, 1.0f, dy + m0 * 256, 256, tile, 64, first ? 0.0f : 1.0f, mine, 64);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 16384);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 16384; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 16384 + j];
            grad[j] += s;
        }
    }
    free(part);
}
