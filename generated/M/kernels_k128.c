/* Kernels k128 to k143 and their backward kernels. */
#include "kernels.h"

/*
 * %2139 = bn_fold_bias(%2134, %2135, %2136, %2137) : f32[512]  features.7.0.block.3.1
 * 10 call sites share this function; the nodes and locations above are the first one's.
 * out %2139 -> A + 8419328
 * in  %2134 f32[512] <- M + 36294132 (features.7.0.block.3.1.weight)
 * in  %2135 f32[512] <- M + 36294644 (features.7.0.block.3.1.bias)
 * in  %2136 f32[512] <- M + 54087961 (features.7.0.block.3.1.running_mean)
 * in  %2137 f32[512] <- M + 54088473 (features.7.0.block.3.1.running_var)
 */
void k128_bn_fold_bias(
    float *restrict bias_folded /* [512] */,
    const float *restrict gamma /* [512] */,
    const float *restrict beta /* [512] */,
    const float *restrict running_mean /* [512] */,
    const float *restrict running_var /* [512] */) {
    for (long k = 0; k < 512; k++) bias_folded[k] = beta[k] - running_mean[k] * gamma[k] / sqrtf(running_var[k] + 0.001f);
}

/*
 * %2117 = add(%2115, %2116) : f32[4,16,16,1824]  features.7.0.block.1.1
 * %2118 = silu(%2117) : f32[4,16,16,1824]  features.7.0.block.1.2
 * %2132 = mul(%2118, %2131) : f32[4,16,16,1824]  features.7.0.block.2
 * %2140 = conv2d(%2132, %2138) : f32[4,16,16,512]  features.7.0.block.3.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2140 -> A + 6291456
 * in  %2115 f32[4,16,16,1824] <- A + 0
 * in  %2116 f32[1,1,1,1824] <- A + 3751968
 * in  %2131 f32[4,1,1,1824] <- A + 2801664
 * in  %2138 f32[512,1824,1,1] <- A + 1867776
 */
void k129_add_silu_mul_conv1x1(
    float *restrict y /* [4,16,16,512] */,
    const float *restrict x /* [4,16,16,1824] */,
    const float *restrict bias /* [1,1,1,1824] */,
    const float *restrict scale /* [4,1,1,1824] */,
    const float *restrict w /* [512,1824,1,1] */) {
    /* y (1024, 512) = f(x) (1024, 1824) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 512, 1824, w, 1824);  /* packed once for every tile */
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
            breastai_gemm_f32_packed(CblasNoTrans, rows, 512, 1824, 1.0f, tile, 1824, w_f32, 0.0f, y + m0 * 512, 512);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %2148 = bn_fold_weight(%2143, %2144, %2147) : f32[3072,512,1,1]  features.7.1.block.0.1
 * 8 call sites share this function; the nodes and locations above are the first one's.
 * out %2148 -> A + 3145728
 * in  %2143 f32[3072,512,1,1] <- M + 36295156 (features.7.1.block.0.0.weight)
 * in  %2144 f32[3072] <- M + 37868020 (features.7.1.block.0.1.weight)
 * in  %2147 f32[3072] <- M + 54092057 (features.7.1.block.0.1.running_var)
 */
void k130_bn_fold_weight(
    float *restrict w_folded /* [3072,512,1,1] */,
    const float *restrict w /* [3072,512,1,1] */,
    const float *restrict gamma /* [3072] */,
    const float *restrict running_var /* [3072] */) {
    /* w (3072, 512) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 3072; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 512; j++) w_folded[k * 512 + j] = w[k * 512 + j] * s;
    }
}

/*
 * %2149 = bn_fold_bias(%2144, %2145, %2146, %2147) : f32[3072]  features.7.1.block.0.1
 * 16 call sites share this function; the nodes and locations above are the first one's.
 * out %2149 -> A + 6815744
 * in  %2144 f32[3072] <- M + 37868020 (features.7.1.block.0.1.weight)
 * in  %2145 f32[3072] <- M + 37871092 (features.7.1.block.0.1.bias)
 * in  %2146 f32[3072] <- M + 54088985 (features.7.1.block.0.1.running_mean)
 * in  %2147 f32[3072] <- M + 54092057 (features.7.1.block.0.1.running_var)
 */
void k131_bn_fold_bias(
    float *restrict bias_folded /* [3072] */,
    const float *restrict gamma /* [3072] */,
    const float *restrict beta /* [3072] */,
    const float *restrict running_mean /* [3072] */,
    const float *restrict running_var /* [3072] */) {
    for (long k = 0; k < 3072; k++) bias_folded[k] = beta[k] - running_mean[k] * gamma[k] / sqrtf(running_var[k] + 0.001f);
}

/*
 * %2142 = add(%2140, %2141) : f32[4,16,16,512]  features.7.0.block.3.1
 * %2150 = conv2d(%2142, %2148) : f32[4,16,16,3072]  features.7.1.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2150 -> A + 0
 * in  %2140 f32[4,16,16,512] <- A + 6291456
 * in  %2141 f32[1,1,1,512] <- A + 8419328
 * in  %2148 f32[3072,512,1,1] <- A + 3145728
 */
void k132_add_conv1x1(
    float *restrict y /* [4,16,16,3072] */,
    const float *restrict x /* [4,16,16,512] */,
    const float *restrict bias /* [1,1,1,512] */,
    const float *restrict w /* [3072,512,1,1] */) {
    /* y (1024, 3072) = f(x) (1024, 512) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 3072, 512, w, 512);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 131072);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 512; c++) {
                    const float t0 = x[r * 512 + c];
                    const float t1 = bias[c];
                    const float t2 = t0 + t1;
                    tile[(r - m0) * 512 + c] = t2;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 3072, 512, 1.0f, tile, 512, w_f32, 0.0f, y + m0 * 3072, 3072);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %2152 = add(%2150, %2151) : f32[4,16,16,3072]  features.7.1.block.0.1
 * %2153 = silu(%2152) : f32[4,16,16,3072]  features.7.1.block.0.2
 * 8 call sites share this function; the nodes and locations above are the first one's.
 * out %2153 -> A + 3145728
 * in  %2150 f32[4,16,16,3072] <- A + 0
 * in  %2151 f32[1,1,1,3072] <- A + 6815744
 */
void k133_add_silu(
    float *restrict y /* [4,16,16,3072] */,
    const float *restrict x /* [4,16,16,3072] */,
    const float *restrict bias /* [1,1,1,3072] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 3072; c++) {
            const long i = r * 3072 + c;
            const float t0 = x[r * 3072 + c];
            const float t1 = bias[c];
            const float t2 = t0 + t1;
            const float t3 = t2 * ba_sigmoid(t2);
            y[i] = t3;
        }
    }
}

/*
 * %2159 = bn_fold_weight(%2154, %2155, %2158) : f32[3072,1,3,3]  features.7.1.block.1.1
 * 8 call sites share this function; the nodes and locations above are the first one's.
 * out %2159 -> A + 6815744
 * in  %2154 f32[3072,1,3,3] <- M + 37874164 (features.7.1.block.1.0.weight)
 * in  %2155 f32[3072] <- M + 37901812 (features.7.1.block.1.1.weight)
 * in  %2158 f32[3072] <- M + 54098201 (features.7.1.block.1.1.running_var)
 */
void k134_bn_fold_weight(
    float *restrict w_folded /* [3072,1,3,3] */,
    const float *restrict w /* [3072,1,3,3] */,
    const float *restrict gamma /* [3072] */,
    const float *restrict running_var /* [3072] */) {
    /* w (3072, 9) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 3072; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 9; j++) w_folded[k * 9 + j] = w[k * 9 + j] * s;
    }
}

/*
 * %2161 = conv2d(%2153, %2159) : f32[4,16,16,3072]  features.7.1.block.1.0
 * 8 call sites share this function; the nodes and locations above are the first one's.
 * out %2161 -> A + 0
 * in  %2153 f32[4,16,16,3072] <- A + 3145728
 * in  %2159 f32[3072,1,3,3] <- A + 6815744
 */
void k135_dwconv3x3(
    float *restrict y /* [4,16,16,3072] */,
    const float *restrict x /* [4,16,16,3072] */,
    const float *restrict w /* [3072,1,3,3] */) {
    /* x (4,16,16,3072) w (3072,1,3,3) y (4,16,16,3072) stride 1 pad 1 groups 3072 */
    float *restrict wt = malloc(sizeof(float) * 27648);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 3072; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 3072 + c] = w[(c * 3 + r) * 3 + s];
    /* Depthwise 3x3 as a sliding window: per output row and block of 16 channels, the weights and the 3x3
     * window of x stay in registers while ow moves right; rows and columns outside x are zeros. */
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long oh = 0; oh < 16; oh++) {
            const int up = oh > 0, down = oh + 1 < 16;
            const long o1 = (n * 16 + oh) * 49152, o0 = o1 - 49152, o2 = o1 + 49152;
            for (long c = 0; c < 3072; c += 16) {
                const ba_v16 zero = {0};
                const ba_v16 w00 = *(const ba_v16 *)(wt + c), w01 = *(const ba_v16 *)(wt + 3072 + c), w02 = *(const ba_v16 *)(wt + 6144 + c);
                const ba_v16 w10 = *(const ba_v16 *)(wt + 9216 + c), w11 = *(const ba_v16 *)(wt + 12288 + c), w12 = *(const ba_v16 *)(wt + 15360 + c);
                const ba_v16 w20 = *(const ba_v16 *)(wt + 18432 + c), w21 = *(const ba_v16 *)(wt + 21504 + c), w22 = *(const ba_v16 *)(wt + 24576 + c);
                ba_v16 v00 = zero, v10 = zero, v20 = zero;
                ba_v16 v01 = up ? *(const ba_v16 *)(x + o0 + c) : zero, v11 = *(const ba_v16 *)(x + o1 + c), v21 = down ? *(const ba_v16 *)(x + o2 + c) : zero;
                for (long col = 0; col < 16; col++) {
                    ba_v16 v02 = zero, v12 = zero, v22 = zero;
                    if (col + 1 < 16) {
                        const long next = (col + 1) * 3072 + c;
                        if (up) { v02 = *(const ba_v16 *)(x + o0 + next); __builtin_prefetch(x + o0 + next + 16); }
                        v12 = *(const ba_v16 *)(x + o1 + next); __builtin_prefetch(x + o1 + next + 16);
                        if (down) { v22 = *(const ba_v16 *)(x + o2 + next); __builtin_prefetch(x + o2 + next + 16); }
                    }
                    const ba_v16 v = v00 * w00 + v01 * w01 + v02 * w02
                        + v10 * w10 + v11 * w11 + v12 * w12
                        + v20 * w20 + v21 * w21 + v22 * w22;
                    *(ba_v16 *)(y + o1 + col * 3072 + c) = v;
                    __builtin_prefetch(y + o1 + col * 3072 + c + 16, 1);
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
            }
        }
    }
    free(wt);
}

/*
 * %2163 = add(%2161, %2162) : f32[4,16,16,3072]  features.7.1.block.1.1
 * %2164 = silu(%2163) : f32[4,16,16,3072]  features.7.1.block.1.2
 * %2165 = reduce_mean(%2164) : f32[4,1,1,3072]  features.7.1.block.2.avgpool
 * 8 call sites share this function; the nodes and locations above are the first one's.
 * out %2165 -> A + 3145728
 * in  %2161 f32[4,16,16,3072] <- A + 0
 * in  %2162 f32[1,1,1,3072] <- A + 7340032
 */
void k136_add_silu_reduce_mean(
    float *restrict y /* [4,1,1,3072] */,
    const float *restrict x /* [4,16,16,3072] */,
    const float *restrict bias /* [1,1,1,3072] */) {
    /* mean over axes [1, 2] of [4, 16, 16, 3072]: (4, 256, 3072) -> (4, 3072) */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[3072];
        for (long q = 0; q < 3072; q++) acc[q] = 0.0;
        for (long j = 0; j < 256; j++) {
            for (long q = 0; q < 3072; q++) {
                const long r = o * 256 + j;
                const long c = q;
                const float t0 = x[r * 3072 + c];
                const float t1 = bias[c];
                const float t2 = t0 + t1;
                const float t3 = t2 * ba_sigmoid(t2);
                acc[q] += t3;
            }
        }
        for (long q = 0; q < 3072; q++) y[o * 3072 + q] = (float)(acc[q] / 256.0);
    }
}

/*
 * %2170 = linear(%2166, %2168, %2169) : f32[4,128]  features.7.1.block.2.fc1
 * 20 call sites share this function; the nodes and locations above are the first one's.
 * out %2170 -> A + 6815744
 * in  %2166 f32[4,3072] <- A + 3145728
 * in  %2168 f32[128,3072] <- M + 37907956
 * in  %2169 f32[128] <- M + 38301172 (features.7.1.block.2.fc1.bias)
 */
void k137_linear(
    float *restrict y /* [4,128] */,
    const float *restrict x /* [4,3072] */,
    const float *restrict w /* [128,3072] */,
    const float *restrict bias /* [128] */) {
    /* y (4,128) = x (4,3072) · wᵀ (3072,128) + b */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 128, 3072, 1.0f, x, 3072, w, 3072, 0.0f, y, 128);
    for (long n = 0; n < 4; n++) for (long k = 0; k < 128; k++) y[n * 128 + k] += bias[k];
}

/*
 * %2171 = silu(%2170) : f32[4,128]  features.7.1.block.2.activation
 * 20 call sites share this function; the nodes and locations above are the first one's.
 * out %2171 -> A + 6816256
 * in  %2170 f32[4,128] <- A + 6815744
 */
void k138_silu(float *restrict y /* [4,128] */, const float *restrict x /* [4,128] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 128; c++) {
            const long i = r * 128 + c;
            const float t0 = x[r * 128 + c];
            const float t1 = t0 * ba_sigmoid(t0);
            y[i] = t1;
        }
    }
}

/*
 * %2175 = linear(%2171, %2173, %2174) : f32[4,3072]  features.7.1.block.2.fc2
 * 20 call sites share this function; the nodes and locations above are the first one's.
 * out %2175 -> A + 3145728
 * in  %2171 f32[4,128] <- A + 6816256
 * in  %2173 f32[3072,128] <- M + 38301300
 * in  %2174 f32[3072] <- M + 38694516 (features.7.1.block.2.fc2.bias)
 */
void k139_linear(
    float *restrict y /* [4,3072] */,
    const float *restrict x /* [4,128] */,
    const float *restrict w /* [3072,128] */,
    const float *restrict bias /* [3072] */) {
    /* y (4,3072) = x (4,128) · wᵀ (128,3072) + b */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 3072, 128, 1.0f, x, 128, w, 128, 0.0f, y, 3072);
    for (long n = 0; n < 4; n++) for (long k = 0; k < 3072; k++) y[n * 3072 + k] += bias[k];
}

/*
 * %2176 = sigmoid(%2175) : f32[4,3072]  features.7.1.block.2.scale_activation
 * 20 call sites share this function; the nodes and locations above are the first one's.
 * out %2176 -> A + 4718592
 * in  %2175 f32[4,3072] <- A + 3145728
 */
void k140_sigmoid(float *restrict y /* [4,3072] */, const float *restrict x /* [4,3072] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 3072; c++) {
            const long i = r * 3072 + c;
            const float t0 = x[r * 3072 + c];
            const float t1 = ba_sigmoid(t0);
            y[i] = t1;
        }
    }
}

/*
 * %2184 = bn_fold_weight(%2179, %2180, %2183) : f32[512,3072,1,1]  features.7.1.block.3.1
 * 8 call sites share this function; the nodes and locations above are the first one's.
 * out %2184 -> A + 3145728
 * in  %2179 f32[512,3072,1,1] <- M + 38697588 (features.7.1.block.3.0.weight)
 * in  %2180 f32[512] <- M + 40270452 (features.7.1.block.3.1.weight)
 * in  %2183 f32[512] <- M + 54101785 (features.7.1.block.3.1.running_var)
 */
void k141_bn_fold_weight(
    float *restrict w_folded /* [512,3072,1,1] */,
    const float *restrict w /* [512,3072,1,1] */,
    const float *restrict gamma /* [512] */,
    const float *restrict running_var /* [512] */) {
    /* w (512, 3072) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 512; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 3072; j++) w_folded[k * 3072 + j] = w[k * 3072 + j] * s;
    }
}

/*
 * %2163 = add(%2161, %2162) : f32[4,16,16,3072]  features.7.1.block.1.1
 * %2164 = silu(%2163) : f32[4,16,16,3072]  features.7.1.block.1.2
 * %2178 = mul(%2164, %2177) : f32[4,16,16,3072]  features.7.1.block.2
 * %2186 = conv2d(%2178, %2184) : f32[4,16,16,512]  features.7.1.block.3.0
 * 8 call sites share this function; the nodes and locations above are the first one's.
 * out %2186 -> A + 6815744
 * in  %2161 f32[4,16,16,3072] <- A + 0
 * in  %2162 f32[1,1,1,3072] <- A + 7340032
 * in  %2177 f32[4,1,1,3072] <- A + 4718592
 * in  %2184 f32[512,3072,1,1] <- A + 3145728
 */
void k142_add_silu_mul_conv1x1(
    float *restrict y /* [4,16,16,512] */,
    const float *restrict x /* [4,16,16,3072] */,
    const float *restrict bias /* [1,1,1,3072] */,
    const float *restrict scale /* [4,1,1,3072] */,
    const float *restrict w /* [512,3072,1,1] */) {
    /* y (1024, 512) = f(x) (1024, 3072) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 512, 3072, w, 3072);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 786432);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 3072; c++) {
                    const float t0 = x[r * 3072 + c];
                    const float t1 = bias[c];
                    const float t2 = t0 + t1;
                    const float t3 = t2 * ba_sigmoid(t2);
                    const float t4 = scale[(r / 256) * 3072 + c];
                    const float t5 = t3 * t4;
                    tile[(r - m0) * 3072 + c] = t5;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 512, 3072, 1.0f, tile, 3072, w_f32, 0.0f, y + m0 * 512, 512);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %2142 = add(%2140, %2141) : f32[4,16,16,512]  features.7.0.block.3.1
 * %2188 = add(%2186, %2187) : f32[4,16,16,512]  features.7.1.block.3.1
 * %2189 = add(%2188, %2142) : f32[4,16,16,512]  features.7.1
 * %2197 = conv2d(%2189, %2195) : f32[4,16,16,3072]  features.7.2.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2197 -> A + 0
 * in  %2140 f32[4,16,16,512] <- A + 6291456
 * in  %2141 f32[1,1,1,512] <- A + 8419328
 * in  %2186 f32[4,16,16,512] <- A + 6815744
 * in  %2187 f32[1,1,1,512] <- A + 8419840
 * in  %2195 f32[3072,512,1,1] <- A + 3145728
 */
void k143_add_conv1x1(
    float *restrict y /* [4,16,16,3072] */,
    const float *restrict x /* [4,16,16,512] */,
    const float *restrict bias /* [1,1,1,512] */,
    const float *restrict x2 /* [4,16,16,512] */,
    const float *restrict bias2 /* [1,1,1,512] */,
    const float *restrict w /* [3072,512,1,1] */) {
    /* y (1024, 3072) = f(x) (1024, 512) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 3072, 512, w, 512);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 131072);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 512; c++) {
                    const float t0 = x2[r * 512 + c];
                    const float t1 = bias2[c];
                    const float t2 = t0 + t1;
                    const float t3 = x[r * 512 + c];
                    const float t4 = bias[c];
                    const float t5 = t3 + t4;
                    const float t6 = t2 + t5;
                    tile[(r - m0) * 512 + c] = t6;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 3072, 512, 1.0f, tile, 512, w_f32, 0.0f, y + m0 * 3072, 3072);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %2515 = sigmoid_bwd(%2514, %2337) : f32[4,3072]  features.7.4.block.2.scale_activation
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %2515 -> A + 49557504
 * in  %2337 f32[4,3072] <- A + 168869888
 * in  %2514 f32[4,3072] <- A + 49545216
 */
void k140b_sigmoid_bwd(
    float *restrict dx /* [4,3072] */,
    const float *restrict x /* [4,3072] */,
    const float *restrict dy /* [4,3072] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 3072; c++) {
            const long i = r * 3072 + c;
            const float t0 = dy[r * 3072 + c];
            const float t1 = x[r * 3072 + c];
            const float t2s = ba_sigmoid(t1);
            const float t2 = t0 * (t2s * (1.0f - t2s));
            dx[i] = t2;
        }
    }
}

/*
 * %2516 = matmul(%2515, %2335) : f32[4,128]  features.7.4.block.2.fc2
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %2516 -> A + 169489920
 * in  %2515 f32[4,3072] <- A + 49557504
 * in  %2335 f32[3072,128] <- M + 50230260
 */
void k139b_matmul(
    float *restrict y /* [4,128] */,
    const float *restrict a /* [4,3072] */,
    const float *restrict b /* [3072,128] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 128, 3072, 1.0f, a, 3072, b, 128, 0.0f, y, 128);
}

/*
 * %2517 = matmul(%2515, %2333) : f32[3072,128]  features.7.4.block.2.fc2
 * %2520 = reshape(%2517) : f32[3072,128,1,1]  features.7.4.block.2.fc2
 * %4190 = add(%4189, %2520) : f32[3072,128,1,1]  features.7.4.block.2.fc2.weight
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %4190 -> G + 50230260
 * in  %2515 f32[4,3072] <- A + 49557504
 * in  %2333 f32[4,128] <- A + 169505472
 * in  %4189 f32[3072,128,1,1] <- G + 50230260 (features.7.4.block.2.fc2.weight)
 */
void k139b_matmul_tA_acc(
    float *restrict grad /* [3072,128,1,1] */,
    const float *restrict a /* [4,3072] */,
    const float *restrict b /* [4,128] */) {
    /* accumulated into the gradient: beta = 1 */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 3072, 128, 4, 1.0f, a, 3072, b, 128, 1.0f, grad, 128);
}

/*
 * %2518 = reduce_sum(%2515) : f32[1,3072]  features.7.4.block.2.fc2
 * %2519 = reshape(%2518) : f32[3072]  features.7.4.block.2.fc2
 * %4192 = add(%4191, %2519) : f32[3072]  features.7.4.block.2.fc2.bias
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %4192 -> G + 50623476
 * in  %2515 f32[4,3072] <- A + 49557504
 * in  %4191 f32[3072] <- G + 50623476 (features.7.4.block.2.fc2.bias)
 */
void k139b_reduce_sum_acc(float *restrict grad /* [3072] */, const float *restrict x /* [4,3072] */) {
    /* sum over axes [0] of [4, 3072]: (1, 4, 3072) -> (1, 3072) */
    for (long o = 0; o < 1; o++) {
        double acc[3072];
        for (long q = 0; q < 3072; q++) acc[q] = 0.0;
        for (long j = 0; j < 4; j++) {
            for (long q = 0; q < 3072; q++) {
                const long r = o * 4 + j;
                const long c = q;
                const float t0 = x[r * 3072 + c];
                acc[q] += t0;
            }
        }
        for (long q = 0; q < 3072; q++) grad[o * 3072 + q] += (float)(acc[q]);
    }
}

/*
 * %2521 = silu_bwd(%2516, %2332) : f32[4,128]  features.7.4.block.2.activation
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %2521 -> A + 169490432
 * in  %2332 f32[4,128] <- A + 169504960
 * in  %2516 f32[4,128] <- A + 169489920
 */
void k138b_silu_bwd(
    float *restrict dx /* [4,128] */,
    const float *restrict x /* [4,128] */,
    const float *restrict dy /* [4,128] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 128; c++) {
            const long i = r * 128 + c;
            const float t0 = dy[r * 128 + c];
            const float t1 = x[r * 128 + c];
            const float t2s = ba_sigmoid(t1);
            const float t2 = t0 * (t2s * (1.0f + t1 * (1.0f - t2s)));
            dx[i] = t2;
        }
    }
}

/*
 * %2522 = matmul(%2521, %2330) : f32[4,3072]  features.7.4.block.2.fc1
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %2522 -> A + 168869888
 * in  %2521 f32[4,128] <- A + 169490432
 * in  %2330 f32[128,3072] <- M + 49836916
 */
void k137b_matmul(
    float *restrict y /* [4,3072] */,
    const float *restrict a /* [4,128] */,
    const float *restrict b /* [128,3072] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 3072, 128, 1.0f, a, 128, b, 3072, 0.0f, y, 3072);
}

/*
 * %2523 = matmul(%2521, %2328) : f32[128,3072]  features.7.4.block.2.fc1
 * %2526 = reshape(%2523) : f32[128,3072,1,1]  features.7.4.block.2.fc1
 * %4186 = add(%4185, %2526) : f32[128,3072,1,1]  features.7.4.block.2.fc1.weight
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %4186 -> G + 49836916
 * in  %2521 f32[4,128] <- A + 169490432
 * in  %2328 f32[4,3072] <- A + 168857600
 * in  %4185 f32[128,3072,1,1] <- G + 49836916 (features.7.4.block.2.fc1.weight)
 */
void k137b_matmul_tA_acc(
    float *restrict grad /* [128,3072,1,1] */,
    const float *restrict a /* [4,128] */,
    const float *restrict b /* [4,3072] */) {
    /* accumulated into the gradient: beta = 1 */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 128, 3072, 4, 1.0f, a, 128, b, 3072, 1.0f, grad, 3072);
}

/*
 * %2524 = reduce_sum(%2521) : f32[1,128]  features.7.4.block.2.fc1
 * %2525 = reshape(%2524) : f32[128]  features.7.4.block.2.fc1
 * %4188 = add(%4187, %2525) : f32[128]  features.7.4.block.2.fc1.bias
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %4188 -> G + 50230132
 * in  %2521 f32[4,128] <- A + 169490432
 * in  %4187 f32[128] <- G + 50230132 (features.7.4.block.2.fc1.bias)
 */
void k137b_reduce_sum_acc(float *restrict grad /* [128] */, const float *restrict x /* [4,128] */) {
    /* sum over axes [0] of [4, 128]: (1, 4, 128) -> (1, 128) */
    for (long o = 0; o < 1; o++) {
        double acc[128];
        for (long q = 0; q < 128; q++) acc[q] = 0.0;
        for (long j = 0; j < 4; j++) {
            for (long q = 0; q < 128; q++) {
                const long r = o * 4 + j;
                const long c = q;
                const float t0 = x[r * 128 + c];
                acc[q] += t0;
            }
        }
        for (long q = 0; q < 128; q++) grad[o * 128 + q] += (float)(acc[q]);
    }
}
