/* Kernels k256 to k271 and their backward kernels. */
#include "kernels.h"

/*
 * %80 = bn_train(%72, %77, %73, %74) : f32[4,128,128,48]  features.2.1.block.1.1
 * %81 = stochastic_depth(%80, %36) : f32[4,128,128,48]  features.2.1.stochastic_depth
 * %82 = add(%81, %59) : f32[4,128,128,48]  features.2.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %82 -> A + 218628096
 * in  %36 i32[1] <- io[8] (seed)
 * in  %59 f32[4,128,128,48] <- A + 212336640
 * in  %72 f32[4,128,128,48] <- A + 215482368
 * in  %73 f32[48] <- M + 129336 (features.2.1.block.1.1.weight)
 * in  %74 f32[48] <- M + 129384 (features.2.1.block.1.1.bias)
 * in  %77 f32[2,48] <- A + 371836320
 */
void k256_bn_train_stochastic_depth_add(
    float *restrict y /* [4,128,128,48] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,128,128,48] */,
    const float *restrict x /* [4,128,128,48] */,
    const float *restrict gamma /* [48] */,
    const float *restrict beta /* [48] */,
    const float *restrict stats /* [2,48] */,
    uint32_t salt,
    float rate) {
    float q0[48];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 48; c++) {
        q0[c] = gamma[c] / sqrtf(stats[48 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 65536; r++) {
        #pragma omp simd
        for (long c = 0; c < 48; c++) {
            const long i = r * 48 + c;
            const float t0 = x[r * 48 + c];
            const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
            const float t2 = t1 * q1[r / 16384];
            const float t3 = b[r * 48 + c];
            const float t4 = t2 + t3;
            y[i] = t4;
        }
    }
}

/*
 * %135 = bn_stats(%130) : f32[2,192]  features.3.0.block.0.1
 * %136 = running_mean_update(%133, %135) : f32[192]  features.3.0.block.0.1
 * %137 = running_var_update(%134, %135) : f32[192]  features.3.0.block.0.1
 * out %135 -> A + 371819136
 * out %136 -> M + 21173765
 * out %137 -> M + 21173957
 * in  %130 f32[4,64,64,192] <- A + 234356736
 * in  %133 f32[192] <- M + 21173765 (features.3.0.block.0.1.running_mean)
 * in  %134 f32[192] <- M + 21173957 (features.3.0.block.0.1.running_var)
 */
void k257_bn_stats_running(
    float *restrict stats /* [2,192] */,
    float *restrict running_mean /* [192] */,
    float *restrict running_var /* [192] */,
    const float *restrict x /* [4,64,64,192] */) {
    enum { C = 192, CHUNKS = 64 };
    double *part = malloc(sizeof(double) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }
        for (long r = 16384L * ch / CHUNKS; r < 16384L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x[r * 192 + c];
                p0[c] += (double)t0;
                p1[c] += (double)t0 * t0;
            }
        }
    }
    double *restrict sums = calloc(2 * C, sizeof(double));  /* (2, C): Σ over the chunks, in chunk order */
    if (!sums) abort();
    for (long ch = 0; ch < CHUNKS; ch++) {
        const double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { sums[c] += p0[c]; sums[C + c] += p1[c]; }
    }
    for (long c = 0; c < C; c++) {
        const double s0 = sums[c], s1 = sums[C + c];
        const double mean = s0 / 16384.0, var = fmax(s1 / 16384.0 - mean * mean, 0.0);
        stats[c] = (float)mean;
        stats[C + c] = (float)var;
        running_mean[c] = (float)(0.9f * (double)running_mean[c] + 0.1f * mean);  /* running mean */
        running_var[c] = (float)(0.9f * (double)running_var[c] + 0.1f * var * 1.0000610388817677);  /* running var (unbiased) */
    }
    free(sums);
    free(part);
}

/*
 * %138 = bn_train(%130, %135, %131, %132) : f32[4,64,64,192]  features.3.0.block.0.1
 * %139 = silu(%138) : f32[4,64,64,192]  features.3.0.block.0.2
 * %141 = conv2d(%139, %140) : f32[4,64,64,64]  features.3.0.block.1.0
 * out %141 -> A + 346554368
 * in  %130 f32[4,64,64,192] <- A + 234356736
 * in  %131 f32[192] <- M + 397656 (features.3.0.block.0.1.weight)
 * in  %132 f32[192] <- M + 397848 (features.3.0.block.0.1.bias)
 * in  %135 f32[2,192] <- A + 371819136
 * in  %140 f32[64,192,1,1] <- M + 398040 (features.3.0.block.1.0.weight)
 */
void k258_bn_train_silu_conv1x1(
    float *restrict y /* [4,64,64,64] */,
    const float *restrict x /* [4,64,64,192] */,
    const float *restrict gamma /* [192] */,
    const float *restrict beta /* [192] */,
    const float *restrict stats /* [2,192] */,
    const float *restrict w /* [64,192,1,1] */) {
    /* y (16384, 64) = f(x) (16384, 192) · wᵀ: tiles of 316 rows of f(x) computed into scratch, one sgemm each */
    float q0[192];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 192; c++) {
        q0[c] = gamma[c] / sqrtf(stats[192 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 64, 192, w, 192);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 60672);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 52; t++) {
            const long m0 = t * 316, rows = m0 + 316 <= 16384 ? 316 : 16384 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 192; c++) {
                    const float t0 = x[r * 192 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    tile[(r - m0) * 192 + c] = t2;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 64, 192, 1.0f, tile, 192, w_f32, 0.0f, y + m0 * 64, 64);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %146 = bn_stats(%141) : f32[2,64]  features.3.0.block.1.1
 * %147 = running_mean_update(%144, %146) : f32[64]  features.3.0.block.1.1
 * %148 = running_var_update(%145, %146) : f32[64]  features.3.0.block.1.1
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %146 -> A + 371834176
 * out %147 -> M + 21174149
 * out %148 -> M + 21174213
 * in  %141 f32[4,64,64,64] <- A + 346554368
 * in  %144 f32[64] <- M + 21174149 (features.3.0.block.1.1.running_mean)
 * in  %145 f32[64] <- M + 21174213 (features.3.0.block.1.1.running_var)
 */
void k259_bn_stats_running(
    float *restrict stats /* [2,64] */,
    float *restrict running_mean /* [64] */,
    float *restrict running_var /* [64] */,
    const float *restrict x /* [4,64,64,64] */) {
    enum { C = 64, CHUNKS = 64 };
    double *part = malloc(sizeof(double) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }
        for (long r = 16384L * ch / CHUNKS; r < 16384L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x[r * 64 + c];
                p0[c] += (double)t0;
                p1[c] += (double)t0 * t0;
            }
        }
    }
    double *restrict sums = calloc(2 * C, sizeof(double));  /* (2, C): Σ over the chunks, in chunk order */
    if (!sums) abort();
    for (long ch = 0; ch < CHUNKS; ch++) {
        const double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { sums[c] += p0[c]; sums[C + c] += p1[c]; }
    }
    for (long c = 0; c < C; c++) {
        const double s0 = sums[c], s1 = sums[C + c];
        const double mean = s0 / 16384.0, var = fmax(s1 / 16384.0 - mean * mean, 0.0);
        stats[c] = (float)mean;
        stats[C + c] = (float)var;
        running_mean[c] = (float)(0.9f * (double)running_mean[c] + 0.1f * mean);  /* running mean */
        running_var[c] = (float)(0.9f * (double)running_var[c] + 0.1f * var * 1.0000610388817677);  /* running var (unbiased) */
    }
    free(sums);
    free(part);
}

/*
 * %149 = bn_train(%141, %146, %142, %143) : f32[4,64,64,64]  features.3.0.block.1.1
 * out %149 -> A + 347602944
 * in  %141 f32[4,64,64,64] <- A + 346554368
 * in  %142 f32[64] <- M + 410328 (features.3.0.block.1.1.weight)
 * in  %143 f32[64] <- M + 410392 (features.3.0.block.1.1.bias)
 * in  %146 f32[2,64] <- A + 371834176
 */
void k260_bn_train(
    float *restrict y /* [4,64,64,64] */,
    const float *restrict x /* [4,64,64,64] */,
    const float *restrict gamma /* [64] */,
    const float *restrict beta /* [64] */,
    const float *restrict stats /* [2,64] */) {
    float q0[64];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 64; c++) {
        q0[c] = gamma[c] / sqrtf(stats[64 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 16384; r++) {
        #pragma omp simd
        for (long c = 0; c < 64; c++) {
            const long i = r * 64 + c;
            const float t0 = x[r * 64 + c];
            const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
            y[i] = t1;
        }
    }
}

/*
 * %159 = bn_train(%151, %156, %152, %153) : f32[4,64,64,256]  features.3.1.block.0.1
 * %160 = silu(%159) : f32[4,64,64,256]  features.3.1.block.0.2
 * %162 = conv2d(%160, %161) : f32[4,64,64,64]  features.3.1.block.1.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %162 -> A + 348651520
 * in  %151 f32[4,64,64,256] <- A + 37748736
 * in  %152 f32[256] <- M + 557912 (features.3.1.block.0.1.weight)
 * in  %153 f32[256] <- M + 558168 (features.3.1.block.0.1.bias)
 * in  %156 f32[2,256] <- A + 371807744
 * in  %161 f32[64,256,1,1] <- M + 558424 (features.3.1.block.1.0.weight)
 */
void k261_bn_train_silu_conv1x1(
    float *restrict y /* [4,64,64,64] */,
    const float *restrict x /* [4,64,64,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict w /* [64,256,1,1] */) {
    /* y (16384, 64) = f(x) (16384, 256) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float q0[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q0[c] = gamma[c] / sqrtf(stats[256 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 64, 256, w, 256);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 65536);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 64; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 16384 ? 256 : 16384 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 256; c++) {
                    const float t0 = x[r * 256 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    tile[(r - m0) * 256 + c] = t2;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 64, 256, 1.0f, tile, 256, w_f32, 0.0f, y + m0 * 64, 64);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %170 = bn_train(%162, %167, %163, %164) : f32[4,64,64,64]  features.3.1.block.1.1
 * %171 = stochastic_depth(%170, %36) : f32[4,64,64,64]  features.3.1.stochastic_depth
 * %172 = add(%171, %149) : f32[4,64,64,64]  features.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %172 -> A + 349700096
 * in  %36 i32[1] <- io[8] (seed)
 * in  %149 f32[4,64,64,64] <- A + 347602944
 * in  %162 f32[4,64,64,64] <- A + 348651520
 * in  %163 f32[64] <- M + 574808 (features.3.1.block.1.1.weight)
 * in  %164 f32[64] <- M + 574872 (features.3.1.block.1.1.bias)
 * in  %167 f32[2,64] <- A + 371834304
 */
void k262_bn_train_stochastic_depth_add(
    float *restrict y /* [4,64,64,64] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,64,64,64] */,
    const float *restrict x /* [4,64,64,64] */,
    const float *restrict gamma /* [64] */,
    const float *restrict beta /* [64] */,
    const float *restrict stats /* [2,64] */,
    uint32_t salt,
    float rate) {
    float q0[64];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 64; c++) {
        q0[c] = gamma[c] / sqrtf(stats[64 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 16384; r++) {
        #pragma omp simd
        for (long c = 0; c < 64; c++) {
            const long i = r * 64 + c;
            const float t0 = x[r * 64 + c];
            const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
            const float t2 = t1 * q1[r / 4096];
            const float t3 = b[r * 64 + c];
            const float t4 = t2 + t3;
            y[i] = t4;
        }
    }
}

/*
 * %216 = bn_train(%208, %213, %209, %210) : f32[4,64,64,64]  features.3.3.block.1.1
 * %217 = stochastic_depth(%216, %36) : f32[4,64,64,64]  features.3.3.stochastic_depth
 * %218 = add(%217, %195) : f32[4,64,64,64]  features.3.3
 * %220 = conv2d(%218, %219) : f32[4,64,64,256]  features.4.0.block.0.0
 * out %220 -> A + 50331648
 * in  %36 i32[1] <- io[8] (seed)
 * in  %195 f32[4,64,64,64] <- A + 351797248
 * in  %208 f32[4,64,64,64] <- A + 352845824
 * in  %209 f32[64] <- M + 903768 (features.3.3.block.1.1.weight)
 * in  %210 f32[64] <- M + 903832 (features.3.3.block.1.1.bias)
 * in  %213 f32[2,64] <- A + 371834560
 * in  %219 f32[256,64,1,1] <- M + 903896 (features.4.0.block.0.0.weight)
 */
void k263_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,64,64,256] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,64,64,64] */,
    const float *restrict x /* [4,64,64,64] */,
    const float *restrict gamma /* [64] */,
    const float *restrict beta /* [64] */,
    const float *restrict stats /* [2,64] */,
    const float *restrict w /* [256,64,1,1] */,
    uint32_t salt,
    float rate) {
    /* y (16384, 256) = f(x) (16384, 64) · wᵀ: tiles of 1024 rows of f(x) computed into scratch, one sgemm each */
    float q0[64];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 64; c++) {
        q0[c] = gamma[c] / sqrtf(stats[64 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
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
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * q1[r / 4096];
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
 * %264 = bn_train(%256, %261, %257, %258) : f32[4,32,32,128]  features.4.0.block.3.1
 * %310 = bn_train(%302, %307, %303, %304) : f32[4,32,32,128]  features.4.1.block.3.1
 * %311 = stochastic_depth(%310, %36) : f32[4,32,32,128]  features.4.1.stochastic_depth
 * %312 = add(%311, %264) : f32[4,32,32,128]  features.4.1
 * %314 = conv2d(%312, %313) : f32[4,32,32,512]  features.4.2.block.0.0
 * out %314 -> A + 253231104
 * in  %36 i32[1] <- io[8] (seed)
 * in  %256 f32[4,32,32,128] <- A + 363134976
 * in  %257 f32[128] <- M + 964840 (features.4.0.block.3.1.weight)
 * in  %258 f32[128] <- M + 964968 (features.4.0.block.3.1.bias)
 * in  %261 f32[2,128] <- A + 371822400
 * in  %302 f32[4,32,32,128] <- A + 363659264
 * in  %303 f32[128] <- M + 1136136 (features.4.1.block.3.1.weight)
 * in  %304 f32[128] <- M + 1136264 (features.4.1.block.3.1.bias)
 * in  %307 f32[2,128] <- A + 371822656
 * in  %313 f32[512,128,1,1] <- M + 1136392 (features.4.2.block.0.0.weight)
 */
void k264_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,32,32,512] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict gamma /* [128] */,
    const float *restrict beta /* [128] */,
    const float *restrict stats /* [2,128] */,
    const float *restrict x2 /* [4,32,32,128] */,
    const float *restrict gamma2 /* [128] */,
    const float *restrict beta2 /* [128] */,
    const float *restrict stats2 /* [2,128] */,
    const float *restrict w /* [512,128,1,1] */,
    uint32_t salt,
    float rate) {
    /* y (4096, 512) = f(x) (4096, 128) · wᵀ: tiles of 512 rows of f(x) computed into scratch, one sgemm each */
    float q0[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q0[c] = gamma2[c] / sqrtf(stats2[128 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q2[c] = gamma[c] / sqrtf(stats[128 + c] + 0.001f);
    }
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
                    const float t1 = (t0 - stats2[c]) * q0[c] + beta2[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = x[r * 128 + c];
                    const float t4 = (t3 - stats[c]) * q2[c] + beta[c];
                    const float t5 = t2 + t4;
                    tile[(r - m0) * 128 + c] = t5;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 512, 128, 1.0f, tile, 128, w_f32, 0.0f, y + m0 * 512, 512);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %264 = bn_train(%256, %261, %257, %258) : f32[4,32,32,128]  features.4.0.block.3.1
 * %310 = bn_train(%302, %307, %303, %304) : f32[4,32,32,128]  features.4.1.block.3.1
 * %311 = stochastic_depth(%310, %36) : f32[4,32,32,128]  features.4.1.stochastic_depth
 * %312 = add(%311, %264) : f32[4,32,32,128]  features.4.1
 * %358 = bn_train(%350, %355, %351, %352) : f32[4,32,32,128]  features.4.2.block.3.1
 * %359 = stochastic_depth(%358, %36) : f32[4,32,32,128]  features.4.2.stochastic_depth
 * %360 = add(%359, %312) : f32[4,32,32,128]  features.4.2
 * %362 = conv2d(%360, %361) : f32[4,32,32,512]  features.4.3.block.0.0
 * out %362 -> A + 259522560
 * in  %36 i32[1] <- io[8] (seed)
 * in  %256 f32[4,32,32,128] <- A + 363134976
 * in  %257 f32[128] <- M + 964840 (features.4.0.block.3.1.weight)
 * in  %258 f32[128] <- M + 964968 (features.4.0.block.3.1.bias)
 * in  %261 f32[2,128] <- A + 371822400
 * in  %302 f32[4,32,32,128] <- A + 363659264
 * in  %303 f32[128] <- M + 1136136 (features.4.1.block.3.1.weight)
 * in  %304 f32[128] <- M + 1136264 (features.4.1.block.3.1.bias)
 * in  %307 f32[2,128] <- A + 371822656
 * in  %350 f32[4,32,32,128] <- A + 364183552
 * in  %351 f32[128] <- M + 1307432 (features.4.2.block.3.1.weight)
 * in  %352 f32[128] <- M + 1307560 (features.4.2.block.3.1.bias)
 * in  %355 f32[2,128] <- A + 371822912
 * in  %361 f32[512,128,1,1] <- M + 1307688 (features.4.3.block.0.0.weight)
 */
void k265_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,32,32,512] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict gamma /* [128] */,
    const float *restrict beta /* [128] */,
    const float *restrict stats /* [2,128] */,
    const float *restrict x2 /* [4,32,32,128] */,
    const float *restrict gamma2 /* [128] */,
    const float *restrict beta2 /* [128] */,
    const float *restrict stats2 /* [2,128] */,
    const float *restrict x3 /* [4,32,32,128] */,
    const float *restrict gamma3 /* [128] */,
    const float *restrict beta3 /* [128] */,
    const float *restrict stats3 /* [2,128] */,
    const float *restrict w /* [512,128,1,1] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* y (4096, 512) = f(x) (4096, 128) · wᵀ: tiles of 512 rows of f(x) computed into scratch, one sgemm each */
    float q0[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q0[c] = gamma3[c] / sqrtf(stats3[128 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q2[c] = gamma2[c] / sqrtf(stats2[128 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float q4[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q4[c] = gamma[c] / sqrtf(stats[128 + c] + 0.001f);
    }
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
                    const float t1 = (t0 - stats3[c]) * q0[c] + beta3[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = x2[r * 128 + c];
                    const float t4 = (t3 - stats2[c]) * q2[c] + beta2[c];
                    const float t5 = t4 * q3[r / 1024];
                    const float t6 = x[r * 128 + c];
                    const float t7 = (t6 - stats[c]) * q4[c] + beta[c];
                    const float t8 = t5 + t7;
                    const float t9 = t2 + t8;
                    tile[(r - m0) * 128 + c] = t9;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 512, 128, 1.0f, tile, 128, w_f32, 0.0f, y + m0 * 512, 512);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %264 = bn_train(%256, %261, %257, %258) : f32[4,32,32,128]  features.4.0.block.3.1
 * %310 = bn_train(%302, %307, %303, %304) : f32[4,32,32,128]  features.4.1.block.3.1
 * %311 = stochastic_depth(%310, %36) : f32[4,32,32,128]  features.4.1.stochastic_depth
 * %312 = add(%311, %264) : f32[4,32,32,128]  features.4.1
 * %358 = bn_train(%350, %355, %351, %352) : f32[4,32,32,128]  features.4.2.block.3.1
 * %359 = stochastic_depth(%358, %36) : f32[4,32,32,128]  features.4.2.stochastic_depth
 * %360 = add(%359, %312) : f32[4,32,32,128]  features.4.2
 * %406 = bn_train(%398, %403, %399, %400) : f32[4,32,32,128]  features.4.3.block.3.1
 * %407 = stochastic_depth(%406, %36) : f32[4,32,32,128]  features.4.3.stochastic_depth
 * %408 = add(%407, %360) : f32[4,32,32,128]  features.4.3
 * 1 values written, 17 read (flat over the state blocks)
 */
void k266_bn_train_stochastic_depth_add(
    float *restrict y /* [4,32,32,128] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict gamma /* [128] */,
    const float *restrict beta /* [128] */,
    const float *restrict stats /* [2,128] */,
    const float *restrict x2 /* [4,32,32,128] */,
    const float *restrict gamma2 /* [128] */,
    const float *restrict beta2 /* [128] */,
    const float *restrict stats2 /* [2,128] */,
    const float *restrict x3 /* [4,32,32,128] */,
    const float *restrict gamma3 /* [128] */,
    const float *restrict beta3 /* [128] */,
    const float *restrict stats3 /* [2,128] */,
    const float *restrict x4 /* [4,32,32,128] */,
    const float *restrict gamma4 /* [128] */,
    const float *restrict beta4 /* [128] */,
    const float *restrict stats4 /* [2,128] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2,
    uint32_t salt3,
    float rate3) {
    float q0[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q0[c] = gamma4[c] / sqrtf(stats4[128 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q2[c] = gamma3[c] / sqrtf(stats3[128 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float q4[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q4[c] = gamma2[c] / sqrtf(stats2[128 + c] + 0.001f);
    }
    float q5[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q5[n] = ba_uniform((uint32_t)seed[0], salt3, (uint32_t)n) >= rate3 ? 1.0f / (1.0f - rate3) : 0.0f;
    float q6[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q6[c] = gamma[c] / sqrtf(stats[128 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 128; c++) {
            const long i = r * 128 + c;
            const float t0 = x4[r * 128 + c];
            const float t1 = (t0 - stats4[c]) * q0[c] + beta4[c];
            const float t2 = t1 * q1[r / 1024];
            const float t3 = x3[r * 128 + c];
            const float t4 = (t3 - stats3[c]) * q2[c] + beta3[c];
            const float t5 = t4 * q3[r / 1024];
            const float t6 = x2[r * 128 + c];
            const float t7 = (t6 - stats2[c]) * q4[c] + beta2[c];
            const float t8 = t7 * q5[r / 1024];
            const float t9 = x[r * 128 + c];
            const float t10 = (t9 - stats[c]) * q6[c] + beta[c];
            const float t11 = t8 + t10;
            const float t12 = t5 + t11;
            const float t13 = t2 + t12;
            y[i] = t13;
        }
    }
}

/*
 * %264 = bn_train(%256, %261, %257, %258) : f32[4,32,32,128]  features.4.0.block.3.1
 * %310 = bn_train(%302, %307, %303, %304) : f32[4,32,32,128]  features.4.1.block.3.1
 * %311 = stochastic_depth(%310, %36) : f32[4,32,32,128]  features.4.1.stochastic_depth
 * %312 = add(%311, %264) : f32[4,32,32,128]  features.4.1
 * %358 = bn_train(%350, %355, %351, %352) : f32[4,32,32,128]  features.4.2.block.3.1
 * %359 = stochastic_depth(%358, %36) : f32[4,32,32,128]  features.4.2.stochastic_depth
 * %360 = add(%359, %312) : f32[4,32,32,128]  features.4.2
 * %3092 = conv2d_bwd_weight(%3086, %360) : f32[512,128,1,1]  features.4.3.block.0.0
 * %3606 = add(%3605, %3092) : f32[512,128,1,1]  features.4.3.block.0.0.weight
 * out %3606 -> G + 1307688
 * in  %36 i32[1] <- io[8] (seed)
 * in  %256 f32[4,32,32,128] <- A + 363134976
 * in  %257 f32[128] <- M + 964840 (features.4.0.block.3.1.weight)
 * in  %258 f32[128] <- M + 964968 (features.4.0.block.3.1.bias)
 * in  %261 f32[2,128] <- A + 371822400
 * in  %302 f32[4,32,32,128] <- A + 363659264
 * in  %303 f32[128] <- M + 1136136 (features.4.1.block.3.1.weight)
 * in  %304 f32[128] <- M + 1136264 (features.4.1.block.3.1.bias)
 * in  %307 f32[2,128] <- A + 371822656
 * in  %350 f32[4,32,32,128] <- A + 364183552
 * in  %351 f32[128] <- M + 1307432 (features.4.2.block.3.1.weight)
 * in  %352 f32[128] <- M + 1307560 (features.4.2.block.3.1.bias)
 * in  %355 f32[2,128] <- A + 371822912
 * in  %3086 f32[4,32,32,512] <- A + 60817408
 * in  %3605 f32[512,128,1,1] <- G + 1307688 (features.4.3.block.0.0.weight)
 */
void k265b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [512,128,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict gamma /* [128] */,
    const float *restrict beta /* [128] */,
    const float *restrict stats /* [2,128] */,
    const float *restrict x2 /* [4,32,32,128] */,
    const float *restrict gamma2 /* [128] */,
    const float *restrict beta2 /* [128] */,
    const float *restrict stats2 /* [2,128] */,
    const float *restrict x3 /* [4,32,32,128] */,
    const float *restrict gamma3 /* [128] */,
    const float *restrict beta3 /* [128] */,
    const float *restrict stats3 /* [2,128] */,
    const float *restrict dy /* [4,32,32,512] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* dw (512, 128) += dyᵀ (512, 4096) · f(x) (4096, 128), f(x) recomputed in tiles of 512 rows */
    float q0[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q0[c] = gamma3[c] / sqrtf(stats3[128 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q2[c] = gamma2[c] / sqrtf(stats2[128 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float q4[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q4[c] = gamma[c] / sqrtf(stats[128 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 65536);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 65536;
        float *restrict tile = malloc(sizeof(float) * 65536);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 8; t++) {
            const long m0 = t * 512, rows = m0 + 512 <= 4096 ? 512 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 128; c++) {
                    const float t0 = x3[r * 128 + c];
                    const float t1 = (t0 - stats3[c]) * q0[c] + beta3[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = x2[r * 128 + c];
                    const float t4 = (t3 - stats2[c]) * q2[c] + beta2[c];
                    const float t5 = t4 * q3[r / 1024];
                    const float t6 = x[r * 128 + c];
                    const float t7 = (t6 - stats[c]) * q4[c] + beta[c];
                    const float t8 = t5 + t7;
                    const float t9 = t2 + t8;
                    tile[(r - m0) * 128 + c] = t9;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 512, 128, rows, 1.0f, dy + m0 * 512, 512, tile, 128, first ? 0.0f : 1.0f, mine, 128);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 65536);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 65536; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 65536 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %264 = bn_train(%256, %261, %257, %258) : f32[4,32,32,128]  features.4.0.block.3.1
 * %310 = bn_train(%302, %307, %303, %304) : f32[4,32,32,128]  features.4.1.block.3.1
 * %311 = stochastic_depth(%310, %36) : f32[4,32,32,128]  features.4.1.stochastic_depth
 * %312 = add(%311, %264) : f32[4,32,32,128]  features.4.1
 * %3140 = conv2d_bwd_weight(%3134, %312) : f32[512,128,1,1]  features.4.2.block.0.0
 * %3580 = add(%3579, %3140) : f32[512,128,1,1]  features.4.2.block.0.0.weight
 * out %3580 -> G + 1136392
 * in  %36 i32[1] <- io[8] (seed)
 * in  %256 f32[4,32,32,128] <- A + 363134976
 * in  %257 f32[128] <- M + 964840 (features.4.0.block.3.1.weight)
 * in  %258 f32[128] <- M + 964968 (features.4.0.block.3.1.bias)
 * in  %261 f32[2,128] <- A + 371822400
 * in  %302 f32[4,32,32,128] <- A + 363659264
 * in  %303 f32[128] <- M + 1136136 (features.4.1.block.3.1.weight)
 * in  %304 f32[128] <- M + 1136264 (features.4.1.block.3.1.bias)
 * in  %307 f32[2,128] <- A + 371822656
 * in  %3134 f32[4,32,32,512] <- A + 60817408
 * in  %3579 f32[512,128,1,1] <- G + 1136392 (features.4.2.block.0.0.weight)
 */
void k264b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [512,128,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict gamma /* [128] */,
    const float *restrict beta /* [128] */,
    const float *restrict stats /* [2,128] */,
    const float *restrict x2 /* [4,32,32,128] */,
    const float *restrict gamma2 /* [128] */,
    const float *restrict beta2 /* [128] */,
    const float *restrict stats2 /* [2,128] */,
    const float *restrict dy /* [4,32,32,512] */,
    uint32_t salt,
    float rate) {
    /* dw (512, 128) += dyᵀ (512, 4096) · f(x) (4096, 128), f(x) recomputed in tiles of 512 rows */
    float q0[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q0[c] = gamma2[c] / sqrtf(stats2[128 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q2[c] = gamma[c] / sqrtf(stats[128 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 65536);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 65536;
        float *restrict tile = malloc(sizeof(float) * 65536);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 8; t++) {
            const long m0 = t * 512, rows = m0 + 512 <= 4096 ? 512 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 128; c++) {
                    const float t0 = x2[r * 128 + c];
                    const float t1 = (t0 - stats2[c]) * q0[c] + beta2[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = x[r * 128 + c];
                    const float t4 = (t3 - stats[c]) * q2[c] + beta[c];
                    const float t5 = t2 + t4;
                    tile[(r - m0) * 128 + c] = t5;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 512, 128, rows, 1.0f, dy + m0 * 512, 512, tile, 128, first ? 0.0f : 1.0f, mine, 128);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 65536);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 65536; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 65536 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %3234 = conv2d_bwd_input(%3229, %219) : f32[4,64,64,64]  features.4.0.block.0.0
 * out %3234 -> A + 58720256
 * in  %3229 f32[4,64,64,256] <- A + 54525952
 * in  %219 f32[256,64,1,1] <- M + 903896 (features.4.0.block.0.0.weight)
 */
void k263b_conv1x1_bwd_input(
    float *restrict dx /* [4,64,64,64] */,
    const float *restrict dy /* [4,64,64,256] */,
    const float *restrict w /* [256,64,1,1] */) {
    /* dx of x (4,64,64,64) w (256,64,1,1) y (4,64,64,256) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    /* the weight packed once; tiles of 1032 rows in parallel */
    float *w_f32 = breastai_gemm_f32_pack(CblasNoTrans, 64, 256, w, 64);  /* packed once for every tile */
    #pragma omp parallel for schedule(static)
    for (long t = 0; t < 16; t++) {
        const long m0 = t * 1032, rows = m0 + 1032 <= 16384 ? 1032 : 16384 - m0;
        breastai_gemm_f32_packed(CblasNoTrans, rows, 64, 256, 1.0f, dy + m0 * 256, 256, w_f32, 0.0f, dx + m0 * 64, 64);
    }
    free(w_f32);
}

/*
 * %216 = bn_train(%208, %213, %209, %210) : f32[4,64,64,64]  features.3.3.block.1.1
 * %217 = stochastic_depth(%216, %36) : f32[4,64,64,64]  features.3.3.stochastic_depth
 * %218 = add(%217, %195) : f32[4,64,64,64]  features.3.3
 * %3235 = conv2d_bwd_weight(%3229, %218) : f32[256,64,1,1]  features.4.0.block.0.0
 * %3528 = add(%3527, %3235) : f32[256,64,1,1]  features.4.0.block.0.0.weight
 * out %3528 -> G + 903896
 * in  %36 i32[1] <- io[8] (seed)
 * in  %195 f32[4,64,64,64] <- A + 351797248
 * in  %208 f32[4,64,64,64] <- A + 352845824
 * in  %209 f32[64] <- M + 903768 (features.3.3.block.1.1.weight)
 * in  %210 f32[64] <- M + 903832 (features.3.3.block.1.1.bias)
 * in  %213 f32[2,64] <- A + 371834560
 * in  %3229 f32[4,64,64,256] <- A + 54525952
 * in  %3527 f32[256,64,1,1] <- G + 903896 (features.4.0.block.0.0.weight)
 */
void k263b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [256,64,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,64,64,64] */,
    const float *restrict x /* [4,64,64,64] */,
    const float *restrict gamma /* [64] */,
    const float *restrict beta /* [64] */,
    const float *restrict stats /* [2,64] */,
    const float *restrict dy /* [4,64,64,256] */,
    uint32_t salt,
    float rate) {
    /* dw (256, 64) += dyᵀ (256, 16384) · f(x) (16384, 64), f(x) recomputed in tiles of 1024 rows */
    float q0[64];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 64; c++) {
        q0[c] = gamma[c] / sqrtf(stats[64 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
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
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * q1[r / 4096];
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

/*
 * %3236 = stochastic_depth_bwd(%3234, %36) : f32[4,64,64,64]  features.3.3.stochastic_depth
 * %3237 = bn_bwd_reduce(%3236, %208, %213) : f32[2,64]  features.3.3.block.1.1
 * out %3237 -> A + 371831296
 * in  %36 i32[1] <- io[8] (seed)
 * in  %208 f32[4,64,64,64] <- A + 352845824
 * in  %213 f32[2,64] <- A + 371834560
 * in  %3234 f32[4,64,64,64] <- A + 58720256
 */
void k259b_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,64] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,64,64,64] */,
    const float *restrict stats /* [2,64] */,
    const float *restrict dy /* [4,64,64,64] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[64];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 64; c++) {
        q1[c] = 1.0f / sqrtf(stats[64 + c] + 0.001f);
    }
    enum { C = 64, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 16384L * ch / CHUNKS; r < 16384L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = dy[r * 64 + c];
                const float t1 = t0 * q0[r / 4096];
                const float t2 = x[r * 64 + c];
                const float xh = (t2 - stats[c]) * q1[c];
                p0[c] += t1;
                p1[c] += t1 * xh;
            }
        }
    }
    double *restrict sums = calloc(2 * C, sizeof(double));  /* (2, C): Σ over the chunks, in chunk order */
    if (!sums) abort();
    for (long ch = 0; ch < CHUNKS; ch++) {
        const float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { sums[c] += (double)p0[c]; sums[C + c] += (double)p1[c]; }
    }
    for (long c = 0; c < C; c++) {
        const double s0 = sums[c], s1 = sums[C + c];
        dstats[c] = (float)s0;
        dstats[C + c] = (float)s1;
    }
    free(sums);
    free(part);
}

/*
 * %3236 = stochastic_depth_bwd(%3234, %36) : f32[4,64,64,64]  features.3.3.stochastic_depth
 * %3238 = bn_bwd_input(%3236, %208, %213, %209, %3237) : f32[4,64,64,64]  features.3.3.block.1.1
 * out %3238 -> A + 59768832
 * in  %36 i32[1] <- io[8] (seed)
 * in  %208 f32[4,64,64,64] <- A + 352845824
 * in  %209 f32[64] <- M + 903768 (features.3.3.block.1.1.weight)
 * in  %213 f32[2,64] <- A + 371834560
 * in  %3234 f32[4,64,64,64] <- A + 58720256
 * in  %3237 f32[2,64] <- A + 371831296
 */
void k259b_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,64,64,64] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,64,64,64] */,
    const float *restrict gamma /* [64] */,
    const float *restrict stats /* [2,64] */,
    const float *restrict dy /* [4,64,64,64] */,
    const float *restrict dstats /* [2,64] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[64], q2[64], q3[64];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 64; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[64 + c] + 0.001f));
        q2[c] = dstats[c] / 16384.0f;
        q3[c] = dstats[64 + c] / 16384.0f * (1.0f / sqrtf(stats[64 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 16384; r++) {
        #pragma omp simd
        for (long c = 0; c < 64; c++) {
            const long i = r * 64 + c;
            const float t0 = dy[r * 64 + c];
            const float t1 = t0 * q0[r / 4096];
            const float t2 = x[r * 64 + c];
            const float t3 = q1[c] * (t1 - q2[c] - (t2 - stats[c]) * q3[c]);
            dx[i] = t3;
        }
    }
}

/*
 * %3239 = slice(%3237) : f32[1,64]  features.3.3.block.1.1
 * %3240 = reshape(%3239) : f32[64]  features.3.3.block.1.1
 * %3524 = add(%3523, %3240) : f32[64]  features.3.3.block.1.1.weight
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %3524 -> G + 903768
 * in  %3237 f32[2,64] <- A + 371831296
 * in  %3523 f32[64] <- G + 903768 (features.3.3.block.1.1.weight)
 */
void k259b_slice_acc(float *restrict grad /* [64] */, const float *restrict x /* [2,64] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 64; j++) grad[o * 64 + j] += x[o * 128 + 64 + j];
}

/*
 * %3241 = slice(%3237) : f32[1,64]  features.3.3.block.1.1
 * %3242 = reshape(%3241) : f32[64]  features.3.3.block.1.1
 * %3526 = add(%3525, %3242) : f32[64]  features.3.3.block.1.1.bias
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %3526 -> G + 903832
 * in  %3237 f32[2,64] <- A + 371831296
 * in  %3525 f32[64] <- G + 903832 (features.3.3.block.1.1.bias)
 */
void k259b2_slice_acc(float *restrict grad /* [64] */, const float *restrict x /* [2,64] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 64; j++) grad[o * 64 + j] += x[o * 128 + 0 + j];
}

/*
 * %3243 = conv2d_bwd_input(%3238, %207) : f32[4,64,64,256]  features.3.3.block.1.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %3243 -> A + 50331648
 * in  %3238 f32[4,64,64,64] <- A + 59768832
 * in  %207 f32[64,256,1,1] <- M + 887384 (features.3.3.block.1.0.weight)
 */
void k261b_conv1x1_bwd_input(
    float *restrict dx /* [4,64,64,256] */,
    const float *restrict dy /* [4,64,64,64] */,
    const float *restrict w /* [64,256,1,1] */) {
    /* dx of x (4,64,64,256) w (64,256,1,1) y (4,64,64,64) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    /* the weight packed once; tiles of 264 rows in parallel */
    float *w_f32 = breastai_gemm_f32_pack(CblasNoTrans, 256, 64, w, 256);  /* packed once for every tile */
    #pragma omp parallel for schedule(static)
    for (long t = 0; t < 63; t++) {
        const long m0 = t * 264, rows = m0 + 264 <= 16384 ? 264 : 16384 - m0;
        breastai_gemm_f32_packed(CblasNoTrans, rows, 256, 64, 1.0f, dy + m0 * 64, 64, w_f32, 0.0f, dx + m0 * 256, 256);
    }
    free(w_f32);
}

/*
 * %205 = bn_train(%197, %202, %198, %199) : f32[4,64,64,256]  features.3.3.block.0.1
 * %206 = silu(%205) : f32[4,64,64,256]  features.3.3.block.0.2
 * %3244 = conv2d_bwd_weight(%3238, %206) : f32[64,256,1,1]  features.3.3.block.1.0
 * %3522 = add(%3521, %3244) : f32[64,256,1,1]  features.3.3.block.1.0.weight
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %3522 -> G + 887384
 * in  %197 f32[4,64,64,256] <- A + 46137344
 * in  %198 f32[256] <- M + 886872 (features.3.3.block.0.1.weight)
 * in  %199 f32[256] <- M + 887128 (features.3.3.block.0.1.bias)
 * in  %202 f32[2,256] <- A + 371808768
 * in  %3238 f32[4,64,64,64] <- A + 59768832
 * in  %3521 f32[64,256,1,1] <- G + 887384 (features.3.3.block.1.0.weight)
 */
void k261b_bn_train_silu_conv1x1_bwd_weight_acc(
    float *restrict grad /* [64,256,1,1] */,
    const float *restrict x /* [4,64,64,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict dy /* [4,64,64,64] */) {
    /* dw (64, 256) += dyᵀ (64, 16384) · f(x) (16384, 256), f(x) recomputed in tiles of 256 rows */
    float q0[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q0[c] = gamma[c] / sqrtf(stats[256 + c] + 0.001f);
    }
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
        for (long t = 0; t < 64; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 16384 ? 256 : 16384 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 256; c++) {
                    const float t0 = x[r * 256 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    tile[(r - m0) * 256 + c] = t2;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 64, 256, rows, 1.0f, dy + m0 * 64, 64, tile, 256, first ? 0.0f : 1.0f, mine, 256);
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

/*
 * %3254 = add_n(%3234, %3252) : f32[4,64,64,64]  features.3.2
 * %3255 = stochastic_depth_bwd(%3254, %36) : f32[4,64,64,64]  features.3.2.stochastic_depth
 * %3256 = bn_bwd_reduce(%3255, %185, %190) : f32[2,64]  features.3.2.block.1.1
 * out %3256 -> A + 371831296
 * in  %36 i32[1] <- io[8] (seed)
 * in  %185 f32[4,64,64,64] <- A + 350748672
 * in  %190 f32[2,64] <- A + 371834432
 * in  %3234 f32[4,64,64,64] <- A + 58720256
 * in  %3252 f32[4,64,64,64] <- A + 59768832
 */
void k259b_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,64] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,64,64,64] */,
    const float *restrict stats /* [2,64] */,
    const float *restrict x2 /* [4,64,64,64] */,
    const float *restrict x3 /* [4,64,64,64] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[64];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 64; c++) {
        q1[c] = 1.0f / sqrtf(stats[64 + c] + 0.001f);
    }
    enum { C = 64, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 16384L * ch / CHUNKS; r < 16384L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 64 + c];
                const float t1 = x3[r * 64 + c];
                const float t2 = t0 + t1;
                const float t3 = t2 * q0[r / 4096];
                const float t4 = x[r * 64 + c];
                const float xh = (t4 - stats[c]) * q1[c];
                p0[c] += t3;
                p1[c] += t3 * xh;
            }
        }
    }
    double *restrict sums = calloc(2 * C, sizeof(double));  /* (2, C): Σ over the chunks, in chunk order */
    if (!sums) abort();
    for (long ch = 0; ch < CHUNKS; ch++) {
        const float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { sums[c] += (double)p0[c]; sums[C + c] += (double)p1[c]; }
    }
    for (long c = 0; c < C; c++) {
        const double s0 = sums[c], s1 = sums[C + c];
        dstats[c] = (float)s0;
        dstats[C + c] = (float)s1;
    }
    free(sums);
    free(part);
}

/*
 * %3254 = add_n(%3234, %3252) : f32[4,64,64,64]  features.3.2
 * %3255 = stochastic_depth_bwd(%3254, %36) : f32[4,64,64,64]  features.3.2.stochastic_depth
 * %3257 = bn_bwd_input(%3255, %185, %190, %186, %3256) : f32[4,64,64,64]  features.3.2.block.1.1
 * out %3257 -> A + 60817408
 * in  %36 i32[1] <- io[8] (seed)
 * in  %185 f32[4,64,64,64] <- A + 350748672
 * in  %186 f32[64] <- M + 739288 (features.3.2.block.1.1.weight)
 * in  %190 f32[2,64] <- A + 371834432
 * in  %3234 f32[4,64,64,64] <- A + 58720256
 * in  %3252 f32[4,64,64,64] <- A + 59768832
 * in  %3256 f32[2,64] <- A + 371831296
 */
void k259b_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,64,64,64] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,64,64,64] */,
    const float *restrict gamma /* [64] */,
    const float *restrict stats /* [2,64] */,
    const float *restrict x2 /* [4,64,64,64] */,
    const float *restrict x3 /* [4,64,64,64] */,
    const float *restrict dstats /* [2,64] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[64], q2[64], q3[64];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 64; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[64 + c] + 0.001f));
        q2[c] = dstats[c] / 16384.0f;
        q3[c] = dstats[64 + c] / 16384.0f * (1.0f / sqrtf(stats[64 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 16384; r++) {
        #pragma omp simd
        for (long c = 0; c < 64; c++) {
            const long i = r * 64 + c;
            const float t0 = x2[r * 64 + c];
            const float t1 = x3[r * 64 + c];
            const float t2 = t0 + t1;
            const float t3 = t2 * q0[r / 4096];
            const float t4 = x[r * 64 + c];
            const float t5 = q1[c] * (t3 - q2[c] - (t4 - stats[c]) * q3[c]);
            dx[i] = t5;
        }
    }
}

/*
 * %3254 = add_n(%3234, %3252) : f32[4,64,64,64]  features.3.2
 * %3273 = add_n(%3254, %3271) : f32[4,64,64,64]  features.3.1
 * %3274 = stochastic_depth_bwd(%3273, %36) : f32[4,64,64,64]  features.3.1.stochastic_depth
 * %3275 = bn_bwd_reduce(%3274, %162, %167) : f32[2,64]  features.3.1.block.1.1
 * out %3275 -> A + 371831296
 * in  %36 i32[1] <- io[8] (seed)
 * in  %162 f32[4,64,64,64] <- A + 348651520
 * in  %167 f32[2,64] <- A + 371834304
 * in  %3234 f32[4,64,64,64] <- A + 58720256
 * in  %3252 f32[4,64,64,64] <- A + 59768832
 * in  %3271 f32[4,64,64,64] <- A + 60817408
 */
void k259b2_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,64] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,64,64,64] */,
    const float *restrict stats /* [2,64] */,
    const float *restrict x2 /* [4,64,64,64] */,
    const float *restrict x3 /* [4,64,64,64] */,
    const float *restrict x4 /* [4,64,64,64] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[64];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 64; c++) {
        q1[c] = 1.0f / sqrtf(stats[64 + c] + 0.001f);
    }
    enum { C = 64, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 16384L * ch / CHUNKS; r < 16384L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 64 + c];
                const float t1 = x3[r * 64 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 64 + c];
                const float t4 = t2 + t3;
                const float t5 = t4 * q0[r / 4096];
                const float t6 = x[r * 64 + c];
                const float xh = (t6 - stats[c]) * q1[c];
                p0[c] += t5;
                p1[c] += t5 * xh;
            }
        }
    }
    double *restrict sums = calloc(2 * C, sizeof(double));  /* (2, C): Σ over the chunks, in chunk order */
    if (!sums) abort();
    for (long ch = 0; ch < CHUNKS; ch++) {
        const float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { sums[c] += (double)p0[c]; sums[C + c] += (double)p1[c]; }
    }
    for (long c = 0; c < C; c++) {
        const double s0 = sums[c], s1 = sums[C + c];
        dstats[c] = (float)s0;
        dstats[C + c] = (float)s1;
    }
    free(sums);
    free(part);
}

/*
 * %3254 = add_n(%3234, %3252) : f32[4,64,64,64]  features.3.2
 * %3273 = add_n(%3254, %3271) : f32[4,64,64,64]  features.3.1
 * %3274 = stochastic_depth_bwd(%3273, %36) : f32[4,64,64,64]  features.3.1.stochastic_depth
 * %3276 = bn_bwd_input(%3274, %162, %167, %163, %3275) : f32[4,64,64,64]  features.3.1.block.1.1
 * out %3276 -> A + 61865984
 * in  %36 i32[1] <- io[8] (seed)
 * in  %162 f32[4,64,64,64] <- A + 348651520
 * in  %163 f32[64] <- M + 574808 (features.3.1.block.1.1.weight)
 * in  %167 f32[2,64] <- A + 371834304
 * in  %3234 f32[4,64,64,64] <- A + 58720256
 * in  %3252 f32[4,64,64,64] <- A + 59768832
 * in  %3271 f32[4,64,64,64] <- A + 60817408
 * in  %3275 f32[2,64] <- A + 371831296
 */
void k259b2_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,64,64,64] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,64,64,64] */,
    const float *restrict gamma /* [64] */,
    const float *restrict stats /* [2,64] */,
    const float *restrict x2 /* [4,64,64,64] */,
    const float *restrict x3 /* [4,64,64,64] */,
    const float *restrict x4 /* [4,64,64,64] */,
    const float *restrict dstats /* [2,64] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[64], q2[64], q3[64];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 64; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[64 + c] + 0.001f));
        q2[c] = dstats[c] / 16384.0f;
        q3[c] = dstats[64 + c] / 16384.0f * (1.0f / sqrtf(stats[64 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 16384; r++) {
        #pragma omp simd
        for (long c = 0; c < 64; c++) {
            const long i = r * 64 + c;
            const float t0 = x2[r * 64 + c];
            const float t1 = x3[r * 64 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 64 + c];
            const float t4 = t2 + t3;
            const float t5 = t4 * q0[r / 4096];
            const float t6 = x[r * 64 + c];
            const float t7 = q1[c] * (t5 - q2[c] - (t6 - stats[c]) * q3[c]);
            dx[i] = t7;
        }
    }
}

/*
 * %3254 = add_n(%3234, %3252) : f32[4,64,64,64]  features.3.2
 * %3273 = add_n(%3254, %3271) : f32[4,64,64,64]  features.3.1
 * %3292 = add_n(%3273, %3290) : f32[4,64,64,64]  features.3.0.block.1.1
 * %3293 = bn_bwd_reduce(%3292, %141, %146) : f32[2,64]  features.3.0.block.1.1
 * out %3293 -> A + 371831296
 * in  %141 f32[4,64,64,64] <- A + 346554368
 * in  %146 f32[2,64] <- A + 371834176
 * in  %3234 f32[4,64,64,64] <- A + 58720256
 * in  %3252 f32[4,64,64,64] <- A + 59768832
 * in  %3271 f32[4,64,64,64] <- A + 60817408
 * in  %3290 f32[4,64,64,64] <- A + 61865984
 */
void k259b_add_n_bn_bwd_reduce(
    float *restrict dstats /* [2,64] */,
    const float *restrict x /* [4,64,64,64] */,
    const float *restrict stats /* [2,64] */,
    const float *restrict x2 /* [4,64,64,64] */,
    const float *restrict x3 /* [4,64,64,64] */,
    const float *restrict x4 /* [4,64,64,64] */,
    const float *restrict x5 /* [4,64,64,64] */) {
    float q0[64];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 64; c++) {
        q0[c] = 1.0f / sqrtf(stats[64 + c] + 0.001f);
    }
    enum { C = 64, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 16384L * ch / CHUNKS; r < 16384L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 64 + c];
                const float t1 = x3[r * 64 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 64 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 64 + c];
                const float t6 = t4 + t5;
                const float t7 = x[r * 64 + c];
                const float xh = (t7 - stats[c]) * q0[c];
                p0[c] += t6;
                p1[c] += t6 * xh;
            }
        }
    }
    double *restrict sums = calloc(2 * C, sizeof(double));  /* (2, C): Σ over the chunks, in chunk order */
    if (!sums) abort();
    for (long ch = 0; ch < CHUNKS; ch++) {
        const float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { sums[c] += (double)p0[c]; sums[C + c] += (double)p1[c]; }
    }
    for (long c = 0; c < C; c++) {
        const double s0 = sums[c], s1 = sums[C + c];
        dstats[c] = (float)s0;
        dstats[C + c] = (float)s1;
    }
    free(sums);
    free(part);
}

/*
 * %3254 = add_n(%3234, %3252) : f32[4,64,64,64]  features.3.2
 * %3273 = add_n(%3254, %3271) : f32[4,64,64,64]  features.3.1
 * %3292 = add_n(%3273, %3290) : f32[4,64,64,64]  features.3.0.block.1.1
 * %3294 = bn_bwd_input(%3292, %141, %146, %142, %3293) : f32[4,64,64,64]  features.3.0.block.1.1
 * out %3294 -> A + 40894464
 * in  %141 f32[4,64,64,64] <- A + 346554368
 * in  %142 f32[64] <- M + 410328 (features.3.0.block.1.1.weight)
 * in  %146 f32[2,64] <- A + 371834176
 * in  %3234 f32[4,64,64,64] <- A + 58720256
 * in  %3252 f32[4,64,64,64] <- A + 59768832
 * in  %3271 f32[4,64,64,64] <- A + 60817408
 * in  %3290 f32[4,64,64,64] <- A + 61865984
 * in  %3293 f32[2,64] <- A + 371831296
 */
void k259b_add_n_bn_bwd_input(
    float *restrict dx /* [4,64,64,64] */,
    const float *restrict x /* [4,64,64,64] */,
    const float *restrict gamma /* [64] */,
    const float *restrict stats /* [2,64] */,
    const float *restrict x2 /* [4,64,64,64] */,
    const float *restrict x3 /* [4,64,64,64] */,
    const float *restrict x4 /* [4,64,64,64] */,
    const float *restrict x5 /* [4,64,64,64] */,
    const float *restrict dstats /* [2,64] */) {
    float q0[64], q1[64], q2[64];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 64; c++) {
        q0[c] = gamma[c] * (1.0f / sqrtf(stats[64 + c] + 0.001f));
        q1[c] = dstats[c] / 16384.0f;
        q2[c] = dstats[64 + c] / 16384.0f * (1.0f / sqrtf(stats[64 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 16384; r++) {
        #pragma omp simd
        for (long c = 0; c < 64; c++) {
            const long i = r * 64 + c;
            const float t0 = x2[r * 64 + c];
            const float t1 = x3[r * 64 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 64 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 64 + c];
            const float t6 = t4 + t5;
            const float t7 = x[r * 64 + c];
            const float t8 = q0[c] * (t6 - q1[c] - (t7 - stats[c]) * q2[c]);
            dx[i] = t8;
        }
    }
}

/*
 * %3299 = conv2d_bwd_input(%3294, %140) : f32[4,64,64,192]  features.3.0.block.1.0
 * out %3299 -> A + 37748736
 * in  %3294 f32[4,64,64,64] <- A + 40894464
 * in  %140 f32[64,192,1,1] <- M + 398040 (features.3.0.block.1.0.weight)
 */
void k258b_conv1x1_bwd_input(
    float *restrict dx /* [4,64,64,192] */,
    const float *restrict dy /* [4,64,64,64] */,
    const float *restrict w /* [64,192,1,1] */) {
    /* dx of x (4,64,64,192) w (64,192,1,1) y (4,64,64,64) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    /* the weight packed once; tiles of 348 rows in parallel */
    float *w_f32 = breastai_gemm_f32_pack(CblasNoTrans, 192, 64, w, 192);  /* packed once for every tile */
    #pragma omp parallel for schedule(static)
    for (long t = 0; t < 48; t++) {
        const long m0 = t * 348, rows = m0 + 348 <= 16384 ? 348 : 16384 - m0;
        breastai_gemm_f32_packed(CblasNoTrans, rows, 192, 64, 1.0f, dy + m0 * 64, 64, w_f32, 0.0f, dx + m0 * 192, 192);
    }
    free(w_f32);
}

/*
 * %138 = bn_train(%130, %135, %131, %132) : f32[4,64,64,192]  features.3.0.block.0.1
 * %139 = silu(%138) : f32[4,64,64,192]  features.3.0.block.0.2
 * %3300 = conv2d_bwd_weight(%3294, %139) : f32[64,192,1,1]  features.3.0.block.1.0
 * %3486 = add(%3485, %3300) : f32[64,192,1,1]  features.3.0.block.1.0.weight
 * out %3486 -> G + 398040
 * in  %130 f32[4,64,64,192] <- A + 234356736
 * in  %131 f32[192] <- M + 397656 (features.3.0.block.0.1.weight)
 * in  %132 f32[192] <- M + 397848 (features.3.0.block.0.1.bias)
 * in  %135 f32[2,192] <- A + 371819136
 * in  %3294 f32[4,64,64,64] <- A + 40894464
 * in  %3485 f32[64,192,1,1] <- G + 398040 (features.3.0.block.1.0.weight)
 */
void k258b_bn_train_silu_conv1x1_bwd_weight_acc(
    float *restrict grad /* [64,192,1,1] */,
    const float *restrict x /* [4,64,64,192] */,
    const float *restrict gamma /* [192] */,
    const float *restrict beta /* [192] */,
    const float *restrict stats /* [2,192] */,
    const float *restrict dy /* [4,64,64,64] */) {
    /* dw (64, 192) += dyᵀ (64, 16384) · f(x) (16384, 192), f(x) recomputed in tiles of 316 rows */
    float q0[192];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 192; c++) {
        q0[c] = gamma[c] / sqrtf(stats[192 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 12288);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 12288;
        float *restrict tile = malloc(sizeof(float) * 60672);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 52; t++) {
            const long m0 = t * 316, rows = m0 + 316 <= 16384 ? 316 : 16384 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 192; c++) {
                    const float t0 = x[r * 192 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    tile[(r - m0) * 192 + c] = t2;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 64, 192, rows, 1.0f, dy + m0 * 64, 64, tile, 192, first ? 0.0f : 1.0f, mine, 192);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 12288);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 12288; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 12288 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %138 = bn_train(%130, %135, %131, %132) : f32[4,64,64,192]  features.3.0.block.0.1
 * %3301 = silu_bwd(%3299, %138) : f32[4,64,64,192]  features.3.0.block.0.2
 * %3302 = bn_bwd_reduce(%3301, %130, %135) : f32[2,192]  features.3.0.block.0.1
 * out %3302 -> A + 370839552
 * in  %130 f32[4,64,64,192] <- A + 234356736
 * in  %131 f32[192] <- M + 397656 (features.3.0.block.0.1.weight)
 * in  %132 f32[192] <- M + 397848 (features.3.0.block.0.1.bias)
 * in  %135 f32[2,192] <- A + 371819136
 * in  %3299 f32[4,64,64,192] <- A + 37748736
 */
void k257b_bn_train_silu_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,192] */,
    const float *restrict x /* [4,64,64,192] */,
    const float *restrict gamma /* [192] */,
    const float *restrict beta /* [192] */,
    const float *restrict stats /* [2,192] */,
    const float *restrict dy /* [4,64,64,192] */) {
    float q0[192];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 192; c++) {
        q0[c] = gamma[c] / sqrtf(stats[192 + c] + 0.001f);
    }
    float q1[192];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 192; c++) {
        q1[c] = 1.0f / sqrtf(stats[192 + c] + 0.001f);
    }
    enum { C = 192, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 16384L * ch / CHUNKS; r < 16384L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = dy[r * 192 + c];
                const float t1 = x[r * 192 + c];
                const float t2 = (t1 - stats[c]) * q0[c] + beta[c];
                const float t3s = ba_sigmoid(t2);
                const float t3 = t0 * (t3s * (1.0f + t2 * (1.0f - t3s)));
                const float xh = (t1 - stats[c]) * q1[c];
                p0[c] += t3;
                p1[c] += t3 * xh;
            }
        }
    }
    double *restrict sums = calloc(2 * C, sizeof(double));  /* (2, C): Σ over the chunks, in chunk order */
    if (!sums) abort();
    for (long ch = 0; ch < CHUNKS; ch++) {
        const float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { sums[c] += (double)p0[c]; sums[C + c] += (double)p1[c]; }
    }
    for (long c = 0; c < C; c++) {
        const double s0 = sums[c], s1 = sums[C + c];
        dstats[c] = (float)s0;
        dstats[C + c] = (float)s1;
    }
    free(sums);
    free(part);
}

/*
 * %138 = bn_train(%130, %135, %131, %132) : f32[4,64,64,192]  features.3.0.block.0.1
 * %3301 = silu_bwd(%3299, %138) : f32[4,64,64,192]  features.3.0.block.0.2
 * %3303 = bn_bwd_input(%3301, %130, %135, %131, %3302) : f32[4,64,64,192]  features.3.0.block.0.1
 * out %3303 -> A + 40894464
 * in  %130 f32[4,64,64,192] <- A + 234356736
 * in  %131 f32[192] <- M + 397656 (features.3.0.block.0.1.weight)
 * in  %132 f32[192] <- M + 397848 (features.3.0.block.0.1.bias)
 * in  %135 f32[2,192] <- A + 371819136
 * in  %3299 f32[4,64,64,192] <- A + 37748736
 * in  %3302 f32[2,192] <- A + 370839552
 */
void k257b_bn_train_silu_bwd_bn_bwd_input(
    float *restrict dx /* [4,64,64,192] */,
    const float *restrict x /* [4,64,64,192] */,
    const float *restrict gamma /* [192] */,
    const float *restrict beta /* [192] */,
    const float *restrict stats /* [2,192] */,
    const float *restrict dy /* [4,64,64,192] */,
    const float *restrict dstats /* [2,192] */) {
    float q0[192];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 192; c++) {
        q0[c] = gamma[c] / sqrtf(stats[192 + c] + 0.001f);
    }
    float q1[192], q2[192], q3[192];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 192; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[192 + c] + 0.001f));
        q2[c] = dstats[c] / 16384.0f;
        q3[c] = dstats[192 + c] / 16384.0f * (1.0f / sqrtf(stats[192 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 16384; r++) {
        #pragma omp simd
        for (long c = 0; c < 192; c++) {
            const long i = r * 192 + c;
            const float t0 = dy[r * 192 + c];
            const float t1 = x[r * 192 + c];
            const float t2 = (t1 - stats[c]) * q0[c] + beta[c];
            const float t3s = ba_sigmoid(t2);
            const float t3 = t0 * (t3s * (1.0f + t2 * (1.0f - t3s)));
            const float t4 = q1[c] * (t3 - q2[c] - (t1 - stats[c]) * q3[c]);
            dx[i] = t4;
        }
    }
}

/*
 * %3304 = slice(%3302) : f32[1,192]  features.3.0.block.0.1
 * %3305 = reshape(%3304) : f32[192]  features.3.0.block.0.1
 * %3482 = add(%3481, %3305) : f32[192]  features.3.0.block.0.1.weight
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %3482 -> G + 397656
 * in  %3302 f32[2,192] <- A + 370839552
 * in  %3481 f32[192] <- G + 397656 (features.3.0.block.0.1.weight)
 */
void k257b_slice_acc(float *restrict grad /* [192] */, const float *restrict x /* [2,192] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 192; j++) grad[o * 192 + j] += x[o * 384 + 192 + j];
}

/*
 * %3306 = slice(%3302) : f32[1,192]  features.3.0.block.0.1
 * %3307 = reshape(%3306) : f32[192]  features.3.0.block.0.1
 * %3484 = add(%3483, %3307) : f32[192]  features.3.0.block.0.1.bias
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %3484 -> G + 397848
 * in  %3302 f32[2,192] <- A + 370839552
 * in  %3483 f32[192] <- G + 397848 (features.3.0.block.0.1.bias)
 */
void k257b2_slice_acc(float *restrict grad /* [192] */, const float *restrict x /* [2,192] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 192; j++) grad[o * 192 + j] += x[o * 384 + 0 + j];
}

/*
 * %1152 = reduce_sumSquares(%3) : f32[1,1,1,1]  features.0.0.weight
 * %1153 = reshape(%1152) : f32[]  features.0.0.weight
 * %1154 = reduce_sumSquares(%5) : f32[1]  features.0.1.weight
 * %1155 = reshape(%1154) : f32[]  features.0.1.weight
 * %1156 = reduce_sumSquares(%7) : f32[1]  features.0.1.bias
 * %1157 = reshape(%1156) : f32[]  features.0.1.bias
 * %1158 = reduce_sumSquares(%11) : f32[1,1,1,1]  features.1.0.block.0.0.weight
 * %1159 = reshape(%1158) : f32[]  features.1.0.block.0.0.weight
 * %1160 = reduce_sumSquares(%13) : f32[1]  features.1.0.block.0.1.weight
 * %1161 = reshape(%1160) : f32[]  features.1.0.block.0.1.weight
 * %1162 = reduce_sumSquares(%15) : f32[1]  features.1.0.block.0.1.bias
 * %1163 = reshape(%1162) : f32[]  features.1.0.block.0.1.bias
 * ... and 916 more nodes of the same kinds
 * 1 values written, 464 read (flat over the state blocks)
 */
void k267_grad_norm(float *restrict coef, const float *restrict g, const float *restrict hyper) {
    /* global L2 norm of the summed gradients G[0, 21171893), then torch's clip_grad_norm_ */
    enum { CHUNKS = 64, LANES = 32 };
    double part[CHUNKS];
    const long n = 21171893;
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        double s[LANES];
        for (int l = 0; l < LANES; l++) s[l] = 0.0;
        const long hi = n * (ch + 1) / CHUNKS;
        long j = n * ch / CHUNKS;
        for (; j + LANES <= hi; j += LANES) for (int l = 0; l < LANES; l++) s[l] += (double)g[j + l] * g[j + l];
        for (; j < hi; j++) s[0] += (double)g[j] * g[j];
        double t = 0.0;
        for (int l = 0; l < LANES; l++) t += s[l];
        part[ch] = t;
    }
    double sum = 0.0;
    for (long ch = 0; ch < CHUNKS; ch++) sum += part[ch];
    const double s = hyper[2], max_norm = hyper[3];
    const double norm = s * sqrt(sum);
    coef[0] = (float)(max_norm > 0.0 ? s * fmin(1.0, max_norm / (norm + 1e-6)) : s);
}

/*
 * %2082 = adam_m(%2080, %3, %2079) : f32[24,3,3,3]  features.0.0.weight
 * %2083 = adam_v(%2081, %3, %2079) : f32[24,3,3,3]  features.0.0.weight
 * %2084 = adamw_update(%2, %2082, %2083, %0, %1) : f32[24,3,3,3]  features.0.0.weight
 * %2090 = adam_m(%2088, %5, %2079) : f32[24]  features.0.1.weight
 * %2091 = adam_v(%2089, %5, %2079) : f32[24]  features.0.1.weight
 * %2092 = adamw_update(%4, %2090, %2091, %0, %1) : f32[24]  features.0.1.weight
 * %2098 = adam_m(%2096, %7, %2079) : f32[24]  features.0.1.bias
 * %2099 = adam_v(%2097, %7, %2079) : f32[24]  features.0.1.bias
 * %2100 = adamw_update(%6, %2098, %2099, %0, %1) : f32[24]  features.0.1.bias
 * %2110 = adam_m(%2108, %11, %2079) : f32[24,24,3,3]  features.1.0.block.0.0.weight
 * %2111 = adam_v(%2109, %11, %2079) : f32[24,24,3,3]  features.1.0.block.0.0.weight
 * %2112 = adamw_update(%10, %2110, %2111, %0, %1) : f32[24,24,3,3]  features.1.0.block.0.0.weight
 * ... and 1377 more nodes of the same kinds
 * 1852 values written, 1855 read (flat over the state blocks)
 */
void k268_adamw(
    float *restrict p,
    float *restrict g,
    float *restrict m,
    float *restrict v,
    const float *restrict hyper,
    const float *restrict bc,
    const float *restrict coef) {
    /* AdamW (torch.optim.AdamW) over the trainable parameters; gradient accumulators reset */
    const float lr = hyper[0], wd = hyper[1], c = coef[0];
    {
        /* step-count group 0: [20177488, 21171893) */
        const float step = lr / bc[0], root_bc2 = sqrtf(bc[1]);
        #pragma omp parallel for simd schedule(static)
        for (long j = 20177488; j < 21171893; j++) {
            const float gj = c * g[j];
            const float mj = 0.9f * m[j] + 0.100000024f * gj;
            const float vj = 0.999f * v[j] + 0.0009999871f * gj * gj;
            m[j] = mj;
            v[j] = vj;
            p[j] = p[j] * (1.0f - lr * wd) - step * mj / (sqrtf(vj) / root_bc2 + 1e-08f);
            g[j] = 0.0f;
        }
    }
    {
        /* step-count group 1: [5285416, 20177488) */
        const float step = lr / bc[2], root_bc2 = sqrtf(bc[3]);
        #pragma omp parallel for simd schedule(static)
        for (long j = 5285416; j < 20177488; j++) {
            const float gj = c * g[j];
            const float mj = 0.9f * m[j] + 0.100000024f * gj;
            const float vj = 0.999f * v[j] + 0.0009999871f * gj * gj;
            m[j] = mj;
            v[j] = vj;
            p[j] = p[j] * (1.0f - lr * wd) - step * mj / (sqrtf(vj) / root_bc2 + 1e-08f);
            g[j] = 0.0f;
        }
    }
    {
        /* step-count group 2: [903896, 5285416) */
        const float step = lr / bc[4], root_bc2 = sqrtf(bc[5]);
        #pragma omp parallel for simd schedule(static)
        for (long j = 903896; j < 5285416; j++) {
            const float gj = c * g[j];
            const float mj = 0.9f * m[j] + 0.100000024f * gj;
            const float vj = 0.999f * v[j] + 0.0009999871f * gj * gj;
            m[j] = mj;
            v[j] = vj;
            p[j] = p[j] * (1.0f - lr * wd) - step * mj / (sqrtf(vj) / root_bc2 + 1e-08f);
            g[j] = 0.0f;
        }
    }
    {
        /* step-count group 3: [0, 903896) */
        const float step = lr / bc[6], root_bc2 = sqrtf(bc[7]);
        #pragma omp parallel for simd schedule(static)
        for (long j = 0; j < 903896; j++) {
            const float gj = c * g[j];
            const float mj = 0.9f * m[j] + 0.100000024f * gj;
            const float vj = 0.999f * v[j] + 0.0009999871f * gj * gj;
            m[j] = mj;
            v[j] = vj;
            p[j] = p[j] * (1.0f - lr * wd) - step * mj / (sqrtf(vj) / root_bc2 + 1e-08f);
            g[j] = 0.0f;
        }
    }
}

/*
 * %1626 = add(%1624, %1625) : f32[4,16,16,1280]  features.7.1
 * %1627 = silu(%1626) : f32[4,16,16,1280]  features.7.2
 * %1645 = mul(%1627, %1644) : f32[4,16,16,1280]  cbam.channel_attention
 * %1646 = reduce_mean(%1645) : f32[4,16,16,1]  cbam.spatial_attention
 * out %1646 -> A + 1312768
 * in  %1624 f32[4,16,16,1280] <- A + 0
 * in  %1625 f32[1,1,1,1280] <- A + 1638400
 * in  %1644 f32[4,1,1,1280] <- A + 1320960
 */
void k269_add_silu_mul_reduce_mean(
    float *restrict y /* [4,16,16,1] */,
    const float *restrict x /* [4,16,16,1280] */,
    const float *restrict bias /* [1,1,1,1280] */,
    const float *restrict scale /* [4,1,1,1280] */) {
    /* mean over axes [3] of [4, 16, 16, 1280]: (1024, 1280, 1) -> (1024, 1) */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 1024; o++) {
        float lane[16];
        for (long l = 0; l < 16; l++) lane[l] = 0.0f;
        for (long j0 = 0; j0 < 1280; j0 += 16) {
            for (long l = 0; l < 16; l++) {
                const long j = j0 + l;
                const long r = o;
                const long c = j;
                const float t0 = x[r * 1280 + c];
                const float t1 = bias[c];
                const float t2 = t0 + t1;
                const float t3 = t2 * ba_sigmoid(t2);
                const float t4 = scale[(r / 256) * 1280 + c];
                const float t5 = t3 * t4;
                lane[l] += t5;
            }
        }
        double s = 0.0;
        for (long l = 0; l < 16; l++) s += lane[l];
        y[o] = (float)(s / 1280.0);
    }
}

/*
 * %1626 = add(%1624, %1625) : f32[4,16,16,1280]  features.7.1
 * %1627 = silu(%1626) : f32[4,16,16,1280]  features.7.2
 * %1645 = mul(%1627, %1644) : f32[4,16,16,1280]  cbam.channel_attention
 * %1647 = reduce_max(%1645) : f32[4,16,16,1]  cbam.spatial_attention
 * out %1647 -> A + 1313792
 * in  %1624 f32[4,16,16,1280] <- A + 0
 * in  %1625 f32[1,1,1,1280] <- A + 1638400
 * in  %1644 f32[4,1,1,1280] <- A + 1320960
 */
void k270_add_silu_mul_reduce_max(
    float *restrict y /* [4,16,16,1] */,
    const float *restrict x /* [4,16,16,1280] */,
    const float *restrict bias /* [1,1,1,1280] */,
    const float *restrict scale /* [4,1,1,1280] */) {
    /* max over axes [3] of [4, 16, 16, 1280]: (1024, 1280, 1) -> (1024, 1) */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 1024; o++) {
        float lane[16];
        for (long l = 0; l < 16; l++) lane[l] = -INFINITY;
        for (long j0 = 0; j0 < 1280; j0 += 16) {
            for (long l = 0; l < 16; l++) {
                const long j = j0 + l;
                const long r = o;
                const long c = j;
                const float t0 = x[r * 1280 + c];
                const float t1 = bias[c];
                const float t2 = t0 + t1;
                const float t3 = t2 * ba_sigmoid(t2);
                const float t4 = scale[(r / 256) * 1280 + c];
                const float t5 = t3 * t4;
                lane[l] = t5 > lane[l] ? t5 : lane[l];
            }
        }
        float m = lane[0];
        for (long l = 1; l < 16; l++) m = lane[l] > m ? lane[l] : m;
        y[o] = m;
    }
}

/*
 * %1626 = add(%1624, %1625) : f32[4,16,16,1280]  features.7.1
 * %1627 = silu(%1626) : f32[4,16,16,1280]  features.7.2
 * %1645 = mul(%1627, %1644) : f32[4,16,16,1280]  cbam.channel_attention
 * %1652 = mul(%1645, %1651) : f32[4,16,16,1280]  cbam.spatial_attention
 * %1653 = reduce_mean(%1652) : f32[4,1,1,1280]  avgpool
 * out %1653 -> A + 1310720
 * in  %1624 f32[4,16,16,1280] <- A + 0
 * in  %1625 f32[1,1,1,1280] <- A + 1638400
 * in  %1644 f32[4,1,1,1280] <- A + 1320960
 * in  %1651 f32[4,16,16,1] <- A + 1315840
 */
void k271_add_silu_mul_reduce_mean(
    float *restrict y /* [4,1,1,1280] */,
    const float *restrict x /* [4,16,16,1280] */,
    const float *restrict bias /* [1,1,1,1280] */,
    const float *restrict scale /* [4,1,1,1280] */,
    const float *restrict scale2 /* [4,16,16,1] */) {
    /* mean over axes [1, 2] of [4, 16, 16, 1280]: (4, 256, 1280) -> (4, 1280) */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[1280];
        for (long q = 0; q < 1280; q++) acc[q] = 0.0;
        for (long j = 0; j < 256; j++) {
            for (long q = 0; q < 1280; q++) {
                const long r = o * 256 + j;
                const long c = q;
                const float t0 = x[r * 1280 + c];
                const float t1 = bias[c];
                const float t2 = t0 + t1;
                const float t3 = t2 * ba_sigmoid(t2);
                const float t4 = scale[(r / 256) * 1280 + c];
                const float t5 = t3 * t4;
                const float t6 = scale2[r];
                const float t7 = t5 * t6;
                acc[q] += t7;
            }
        }
        for (long q = 0; q < 1280; q++) y[o * 1280 + q] = (float)(acc[q] / 256.0);
    }
}
