/* Kernels k304 to k319 and their backward kernels. */
#include "kernels.h"

/*
 * %93 = bn_train(%85, %90, %86, %87) : f32[4,128,128,48]  features.2.1.block.1.1
 * %94 = stochastic_depth(%93, %36) : f32[4,128,128,48]  features.2.1.stochastic_depth
 * %95 = add(%94, %72) : f32[4,128,128,48]  features.2.1
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %95 -> A + 341573632
 * in  %36 i32[1] <- io[8] (seed)
 * in  %72 f32[4,128,128,48] <- A + 335282176
 * in  %85 f32[4,128,128,48] <- A + 338427904
 * in  %86 f32[48] <- M + 134568 (features.2.1.block.1.1.weight)
 * in  %87 f32[48] <- M + 134616 (features.2.1.block.1.1.bias)
 * in  %90 f32[2,48] <- A + 599210320
 */
void k304_bn_train_stochastic_depth_add(
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
 * %171 = bn_stats(%166) : f32[2,192]  features.3.0.block.0.1
 * %172 = running_mean_update(%169, %171) : f32[192]  features.3.0.block.0.1
 * %173 = running_var_update(%170, %171) : f32[192]  features.3.0.block.0.1
 * out %171 -> A + 599183744
 * out %172 -> M + 53855161
 * out %173 -> M + 53855353
 * in  %166 f32[4,64,64,192] <- A + 363593728
 * in  %169 f32[192] <- M + 53855161 (features.3.0.block.0.1.running_mean)
 * in  %170 f32[192] <- M + 53855353 (features.3.0.block.0.1.running_var)
 */
void k305_bn_stats_running(
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
 * %174 = bn_train(%166, %171, %167, %168) : f32[4,64,64,192]  features.3.0.block.0.1
 * %175 = silu(%174) : f32[4,64,64,192]  features.3.0.block.0.2
 * %177 = conv2d(%175, %176) : f32[4,64,64,80]  features.3.0.block.1.0
 * out %177 -> A + 555679744
 * in  %166 f32[4,64,64,192] <- A + 363593728
 * in  %167 f32[192] <- M + 495528 (features.3.0.block.0.1.weight)
 * in  %168 f32[192] <- M + 495720 (features.3.0.block.0.1.bias)
 * in  %171 f32[2,192] <- A + 599183744
 * in  %176 f32[80,192,1,1] <- M + 495912 (features.3.0.block.1.0.weight)
 */
void k306_bn_train_silu_conv1x1(
    float *restrict y /* [4,64,64,80] */,
    const float *restrict x /* [4,64,64,192] */,
    const float *restrict gamma /* [192] */,
    const float *restrict beta /* [192] */,
    const float *restrict stats /* [2,192] */,
    const float *restrict w /* [80,192,1,1] */) {
    /* y (16384, 80) = f(x) (16384, 192) · wᵀ: tiles of 316 rows of f(x) computed into scratch, one sgemm each */
    float q0[192];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 192; c++) {
        q0[c] = gamma[c] / sqrtf(stats[192 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 80, 192, w, 192);  /* packed once for every tile */
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
            breastai_gemm_f32_packed(CblasNoTrans, rows, 80, 192, 1.0f, tile, 192, w_f32, 0.0f, y + m0 * 80, 80);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %182 = bn_stats(%177) : f32[2,80]  features.3.0.block.1.1
 * %183 = running_mean_update(%180, %182) : f32[80]  features.3.0.block.1.1
 * %184 = running_var_update(%181, %182) : f32[80]  features.3.0.block.1.1
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %182 -> A + 599207184
 * out %183 -> M + 53855545
 * out %184 -> M + 53855625
 * in  %177 f32[4,64,64,80] <- A + 555679744
 * in  %180 f32[80] <- M + 53855545 (features.3.0.block.1.1.running_mean)
 * in  %181 f32[80] <- M + 53855625 (features.3.0.block.1.1.running_var)
 */
void k307_bn_stats_running(
    float *restrict stats /* [2,80] */,
    float *restrict running_mean /* [80] */,
    float *restrict running_var /* [80] */,
    const float *restrict x /* [4,64,64,80] */) {
    enum { C = 80, CHUNKS = 64 };
    double *part = malloc(sizeof(double) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }
        for (long r = 16384L * ch / CHUNKS; r < 16384L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x[r * 80 + c];
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
 * %185 = bn_train(%177, %182, %178, %179) : f32[4,64,64,80]  features.3.0.block.1.1
 * out %185 -> A + 556990464
 * in  %177 f32[4,64,64,80] <- A + 555679744
 * in  %178 f32[80] <- M + 511272 (features.3.0.block.1.1.weight)
 * in  %179 f32[80] <- M + 511352 (features.3.0.block.1.1.bias)
 * in  %182 f32[2,80] <- A + 599207184
 */
void k308_bn_train(
    float *restrict y /* [4,64,64,80] */,
    const float *restrict x /* [4,64,64,80] */,
    const float *restrict gamma /* [80] */,
    const float *restrict beta /* [80] */,
    const float *restrict stats /* [2,80] */) {
    float q0[80];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 80; c++) {
        q0[c] = gamma[c] / sqrtf(stats[80 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 16384; r++) {
        #pragma omp simd
        for (long c = 0; c < 80; c++) {
            const long i = r * 80 + c;
            const float t0 = x[r * 80 + c];
            const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
            y[i] = t1;
        }
    }
}

/*
 * %195 = bn_train(%187, %192, %188, %189) : f32[4,64,64,320]  features.3.1.block.0.1
 * %196 = silu(%195) : f32[4,64,64,320]  features.3.1.block.0.2
 * %198 = conv2d(%196, %197) : f32[4,64,64,80]  features.3.1.block.1.0
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %198 -> A + 558301184
 * in  %187 f32[4,64,64,320] <- A + 50331648
 * in  %188 f32[320] <- M + 741832 (features.3.1.block.0.1.weight)
 * in  %189 f32[320] <- M + 742152 (features.3.1.block.0.1.bias)
 * in  %192 f32[2,320] <- A + 75496576
 * in  %197 f32[80,320,1,1] <- M + 742472 (features.3.1.block.1.0.weight)
 */
void k309_bn_train_silu_conv1x1(
    float *restrict y /* [4,64,64,80] */,
    const float *restrict x /* [4,64,64,320] */,
    const float *restrict gamma /* [320] */,
    const float *restrict beta /* [320] */,
    const float *restrict stats /* [2,320] */,
    const float *restrict w /* [80,320,1,1] */) {
    /* y (16384, 80) = f(x) (16384, 320) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float q0[320];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 320; c++) {
        q0[c] = gamma[c] / sqrtf(stats[320 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 80, 320, w, 320);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 81920);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 64; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 16384 ? 256 : 16384 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 320; c++) {
                    const float t0 = x[r * 320 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    tile[(r - m0) * 320 + c] = t2;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 80, 320, 1.0f, tile, 320, w_f32, 0.0f, y + m0 * 80, 80);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %206 = bn_train(%198, %203, %199, %200) : f32[4,64,64,80]  features.3.1.block.1.1
 * %207 = stochastic_depth(%206, %36) : f32[4,64,64,80]  features.3.1.stochastic_depth
 * %208 = add(%207, %185) : f32[4,64,64,80]  features.3.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %208 -> A + 559611904
 * in  %36 i32[1] <- io[8] (seed)
 * in  %185 f32[4,64,64,80] <- A + 556990464
 * in  %198 f32[4,64,64,80] <- A + 558301184
 * in  %199 f32[80] <- M + 768072 (features.3.1.block.1.1.weight)
 * in  %200 f32[80] <- M + 768152 (features.3.1.block.1.1.bias)
 * in  %203 f32[2,80] <- A + 599207344
 */
void k310_bn_train_stochastic_depth_add(
    float *restrict y /* [4,64,64,80] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,64,64,80] */,
    const float *restrict x /* [4,64,64,80] */,
    const float *restrict gamma /* [80] */,
    const float *restrict beta /* [80] */,
    const float *restrict stats /* [2,80] */,
    uint32_t salt,
    float rate) {
    float q0[80];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 80; c++) {
        q0[c] = gamma[c] / sqrtf(stats[80 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 16384; r++) {
        #pragma omp simd
        for (long c = 0; c < 80; c++) {
            const long i = r * 80 + c;
            const float t0 = x[r * 80 + c];
            const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
            const float t2 = t1 * q1[r / 4096];
            const float t3 = b[r * 80 + c];
            const float t4 = t2 + t3;
            y[i] = t4;
        }
    }
}

/*
 * %275 = bn_train(%267, %272, %268, %269) : f32[4,64,64,80]  features.3.4.block.1.1
 * %276 = stochastic_depth(%275, %36) : f32[4,64,64,80]  features.3.4.stochastic_depth
 * %277 = add(%276, %254) : f32[4,64,64,80]  features.3.4
 * %279 = conv2d(%277, %278) : f32[4,64,64,320]  features.4.0.block.0.0
 * out %279 -> A + 132120576
 * in  %36 i32[1] <- io[8] (seed)
 * in  %254 f32[4,64,64,80] <- A + 564854784
 * in  %267 f32[4,64,64,80] <- A + 566165504
 * in  %268 f32[80] <- M + 1538472 (features.3.4.block.1.1.weight)
 * in  %269 f32[80] <- M + 1538552 (features.3.4.block.1.1.bias)
 * in  %272 f32[2,80] <- A + 599207824
 * in  %278 f32[320,80,1,1] <- M + 1538632 (features.4.0.block.0.0.weight)
 */
void k311_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,64,64,320] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,64,64,80] */,
    const float *restrict x /* [4,64,64,80] */,
    const float *restrict gamma /* [80] */,
    const float *restrict beta /* [80] */,
    const float *restrict stats /* [2,80] */,
    const float *restrict w /* [320,80,1,1] */,
    uint32_t salt,
    float rate) {
    /* y (16384, 320) = f(x) (16384, 80) · wᵀ: tiles of 683 rows of f(x) computed into scratch, one sgemm each */
    float q0[80];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 80; c++) {
        q0[c] = gamma[c] / sqrtf(stats[80 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
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
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * q1[r / 4096];
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
 * %323 = bn_train(%315, %320, %316, %317) : f32[4,32,32,160]  features.4.0.block.3.1
 * %369 = bn_train(%361, %366, %362, %363) : f32[4,32,32,160]  features.4.1.block.3.1
 * %370 = stochastic_depth(%369, %36) : f32[4,32,32,160]  features.4.1.stochastic_depth
 * %371 = add(%370, %323) : f32[4,32,32,160]  features.4.1
 * %373 = conv2d(%371, %372) : f32[4,32,32,640]  features.4.2.block.0.0
 * out %373 -> A + 415498240
 * in  %36 i32[1] <- io[8] (seed)
 * in  %315 f32[4,32,32,160] <- A + 582844416
 * in  %316 f32[160] <- M + 1632732 (features.4.0.block.3.1.weight)
 * in  %317 f32[160] <- M + 1632892 (features.4.0.block.3.1.bias)
 * in  %320 f32[2,160] <- A + 599189056
 * in  %361 f32[4,32,32,160] <- A + 583499776
 * in  %362 f32[160] <- M + 1898052 (features.4.1.block.3.1.weight)
 * in  %363 f32[160] <- M + 1898212 (features.4.1.block.3.1.bias)
 * in  %366 f32[2,160] <- A + 599189376
 * in  %372 f32[640,160,1,1] <- M + 1898372 (features.4.2.block.0.0.weight)
 */
void k312_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,32,32,640] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict beta /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict gamma2 /* [160] */,
    const float *restrict beta2 /* [160] */,
    const float *restrict stats2 /* [2,160] */,
    const float *restrict w /* [640,160,1,1] */,
    uint32_t salt,
    float rate) {
    /* y (4096, 640) = f(x) (4096, 160) · wᵀ: tiles of 342 rows of f(x) computed into scratch, one sgemm each */
    float q0[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q0[c] = gamma2[c] / sqrtf(stats2[160 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q2[c] = gamma[c] / sqrtf(stats[160 + c] + 0.001f);
    }
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
                    const float t0 = x2[r * 160 + c];
                    const float t1 = (t0 - stats2[c]) * q0[c] + beta2[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = x[r * 160 + c];
                    const float t4 = (t3 - stats[c]) * q2[c] + beta[c];
                    const float t5 = t2 + t4;
                    tile[(r - m0) * 160 + c] = t5;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 640, 160, 1.0f, tile, 160, w_f32, 0.0f, y + m0 * 640, 640);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %323 = bn_train(%315, %320, %316, %317) : f32[4,32,32,160]  features.4.0.block.3.1
 * %369 = bn_train(%361, %366, %362, %363) : f32[4,32,32,160]  features.4.1.block.3.1
 * %370 = stochastic_depth(%369, %36) : f32[4,32,32,160]  features.4.1.stochastic_depth
 * %371 = add(%370, %323) : f32[4,32,32,160]  features.4.1
 * %417 = bn_train(%409, %414, %410, %411) : f32[4,32,32,160]  features.4.2.block.3.1
 * %418 = stochastic_depth(%417, %36) : f32[4,32,32,160]  features.4.2.stochastic_depth
 * %419 = add(%418, %371) : f32[4,32,32,160]  features.4.2
 * %421 = conv2d(%419, %420) : f32[4,32,32,640]  features.4.3.block.0.0
 * out %421 -> A + 423362560
 * in  %36 i32[1] <- io[8] (seed)
 * in  %315 f32[4,32,32,160] <- A + 582844416
 * in  %316 f32[160] <- M + 1632732 (features.4.0.block.3.1.weight)
 * in  %317 f32[160] <- M + 1632892 (features.4.0.block.3.1.bias)
 * in  %320 f32[2,160] <- A + 599189056
 * in  %361 f32[4,32,32,160] <- A + 583499776
 * in  %362 f32[160] <- M + 1898052 (features.4.1.block.3.1.weight)
 * in  %363 f32[160] <- M + 1898212 (features.4.1.block.3.1.bias)
 * in  %366 f32[2,160] <- A + 599189376
 * in  %409 f32[4,32,32,160] <- A + 584155136
 * in  %410 f32[160] <- M + 2163372 (features.4.2.block.3.1.weight)
 * in  %411 f32[160] <- M + 2163532 (features.4.2.block.3.1.bias)
 * in  %414 f32[2,160] <- A + 599189696
 * in  %420 f32[640,160,1,1] <- M + 2163692 (features.4.3.block.0.0.weight)
 */
void k313_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,32,32,640] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict beta /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict gamma2 /* [160] */,
    const float *restrict beta2 /* [160] */,
    const float *restrict stats2 /* [2,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict gamma3 /* [160] */,
    const float *restrict beta3 /* [160] */,
    const float *restrict stats3 /* [2,160] */,
    const float *restrict w /* [640,160,1,1] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* y (4096, 640) = f(x) (4096, 160) · wᵀ: tiles of 342 rows of f(x) computed into scratch, one sgemm each */
    float q0[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q0[c] = gamma3[c] / sqrtf(stats3[160 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q2[c] = gamma2[c] / sqrtf(stats2[160 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float q4[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q4[c] = gamma[c] / sqrtf(stats[160 + c] + 0.001f);
    }
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
                    const float t0 = x3[r * 160 + c];
                    const float t1 = (t0 - stats3[c]) * q0[c] + beta3[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = x2[r * 160 + c];
                    const float t4 = (t3 - stats2[c]) * q2[c] + beta2[c];
                    const float t5 = t4 * q3[r / 1024];
                    const float t6 = x[r * 160 + c];
                    const float t7 = (t6 - stats[c]) * q4[c] + beta[c];
                    const float t8 = t5 + t7;
                    const float t9 = t2 + t8;
                    tile[(r - m0) * 160 + c] = t9;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 640, 160, 1.0f, tile, 160, w_f32, 0.0f, y + m0 * 640, 640);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %323 = bn_train(%315, %320, %316, %317) : f32[4,32,32,160]  features.4.0.block.3.1
 * %369 = bn_train(%361, %366, %362, %363) : f32[4,32,32,160]  features.4.1.block.3.1
 * %370 = stochastic_depth(%369, %36) : f32[4,32,32,160]  features.4.1.stochastic_depth
 * %371 = add(%370, %323) : f32[4,32,32,160]  features.4.1
 * %417 = bn_train(%409, %414, %410, %411) : f32[4,32,32,160]  features.4.2.block.3.1
 * %418 = stochastic_depth(%417, %36) : f32[4,32,32,160]  features.4.2.stochastic_depth
 * %419 = add(%418, %371) : f32[4,32,32,160]  features.4.2
 * %465 = bn_train(%457, %462, %458, %459) : f32[4,32,32,160]  features.4.3.block.3.1
 * %466 = stochastic_depth(%465, %36) : f32[4,32,32,160]  features.4.3.stochastic_depth
 * %467 = add(%466, %419) : f32[4,32,32,160]  features.4.3
 * 1 values written, 17 read (flat over the state blocks)
 */
void k314_bn_train_stochastic_depth_add(
    float *restrict y /* [4,32,32,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict beta /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict gamma2 /* [160] */,
    const float *restrict beta2 /* [160] */,
    const float *restrict stats2 /* [2,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict gamma3 /* [160] */,
    const float *restrict beta3 /* [160] */,
    const float *restrict stats3 /* [2,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict gamma4 /* [160] */,
    const float *restrict beta4 /* [160] */,
    const float *restrict stats4 /* [2,160] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2,
    uint32_t salt3,
    float rate3) {
    float q0[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q0[c] = gamma4[c] / sqrtf(stats4[160 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q2[c] = gamma3[c] / sqrtf(stats3[160 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float q4[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q4[c] = gamma2[c] / sqrtf(stats2[160 + c] + 0.001f);
    }
    float q5[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q5[n] = ba_uniform((uint32_t)seed[0], salt3, (uint32_t)n) >= rate3 ? 1.0f / (1.0f - rate3) : 0.0f;
    float q6[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q6[c] = gamma[c] / sqrtf(stats[160 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 160; c++) {
            const long i = r * 160 + c;
            const float t0 = x4[r * 160 + c];
            const float t1 = (t0 - stats4[c]) * q0[c] + beta4[c];
            const float t2 = t1 * q1[r / 1024];
            const float t3 = x3[r * 160 + c];
            const float t4 = (t3 - stats3[c]) * q2[c] + beta3[c];
            const float t5 = t4 * q3[r / 1024];
            const float t6 = x2[r * 160 + c];
            const float t7 = (t6 - stats2[c]) * q4[c] + beta2[c];
            const float t8 = t7 * q5[r / 1024];
            const float t9 = x[r * 160 + c];
            const float t10 = (t9 - stats[c]) * q6[c] + beta[c];
            const float t11 = t8 + t10;
            const float t12 = t5 + t11;
            const float t13 = t2 + t12;
            y[i] = t13;
        }
    }
}

/*
 * %323 = bn_train(%315, %320, %316, %317) : f32[4,32,32,160]  features.4.0.block.3.1
 * %369 = bn_train(%361, %366, %362, %363) : f32[4,32,32,160]  features.4.1.block.3.1
 * %370 = stochastic_depth(%369, %36) : f32[4,32,32,160]  features.4.1.stochastic_depth
 * %371 = add(%370, %323) : f32[4,32,32,160]  features.4.1
 * %417 = bn_train(%409, %414, %410, %411) : f32[4,32,32,160]  features.4.2.block.3.1
 * %418 = stochastic_depth(%417, %36) : f32[4,32,32,160]  features.4.2.stochastic_depth
 * %419 = add(%418, %371) : f32[4,32,32,160]  features.4.2
 * %4491 = conv2d_bwd_weight(%4485, %419) : f32[640,160,1,1]  features.4.3.block.0.0
 * %5084 = add(%5083, %4491) : f32[640,160,1,1]  features.4.3.block.0.0.weight
 * out %5084 -> G + 2163692
 * in  %36 i32[1] <- io[8] (seed)
 * in  %315 f32[4,32,32,160] <- A + 582844416
 * in  %316 f32[160] <- M + 1632732 (features.4.0.block.3.1.weight)
 * in  %317 f32[160] <- M + 1632892 (features.4.0.block.3.1.bias)
 * in  %320 f32[2,160] <- A + 599189056
 * in  %361 f32[4,32,32,160] <- A + 583499776
 * in  %362 f32[160] <- M + 1898052 (features.4.1.block.3.1.weight)
 * in  %363 f32[160] <- M + 1898212 (features.4.1.block.3.1.bias)
 * in  %366 f32[2,160] <- A + 599189376
 * in  %409 f32[4,32,32,160] <- A + 584155136
 * in  %410 f32[160] <- M + 2163372 (features.4.2.block.3.1.weight)
 * in  %411 f32[160] <- M + 2163532 (features.4.2.block.3.1.bias)
 * in  %414 f32[2,160] <- A + 599189696
 * in  %4485 f32[4,32,32,640] <- A + 366739456
 * in  %5083 f32[640,160,1,1] <- G + 2163692 (features.4.3.block.0.0.weight)
 */
void k313b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [640,160,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict beta /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict gamma2 /* [160] */,
    const float *restrict beta2 /* [160] */,
    const float *restrict stats2 /* [2,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict gamma3 /* [160] */,
    const float *restrict beta3 /* [160] */,
    const float *restrict stats3 /* [2,160] */,
    const float *restrict dy /* [4,32,32,640] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* dw (640, 160) += dyᵀ (640, 4096) · f(x) (4096, 160), f(x) recomputed in tiles of 342 rows */
    float q0[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q0[c] = gamma3[c] / sqrtf(stats3[160 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q2[c] = gamma2[c] / sqrtf(stats2[160 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float q4[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q4[c] = gamma[c] / sqrtf(stats[160 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 102400);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 102400;
        float *restrict tile = malloc(sizeof(float) * 54720);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 12; t++) {
            const long m0 = t * 342, rows = m0 + 342 <= 4096 ? 342 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 160; c++) {
                    const float t0 = x3[r * 160 + c];
                    const float t1 = (t0 - stats3[c]) * q0[c] + beta3[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = x2[r * 160 + c];
                    const float t4 = (t3 - stats2[c]) * q2[c] + beta2[c];
                    const float t5 = t4 * q3[r / 1024];
                    const float t6 = x[r * 160 + c];
                    const float t7 = (t6 - stats[c]) * q4[c] + beta[c];
                    const float t8 = t5 + t7;
                    const float t9 = t2 + t8;
                    tile[(r - m0) * 160 + c] = t9;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 640, 160, rows, 1.0f, dy + m0 * 640, 640, tile, 160, first ? 0.0f : 1.0f, mine, 160);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 102400);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 102400; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 102400 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %323 = bn_train(%315, %320, %316, %317) : f32[4,32,32,160]  features.4.0.block.3.1
 * %369 = bn_train(%361, %366, %362, %363) : f32[4,32,32,160]  features.4.1.block.3.1
 * %370 = stochastic_depth(%369, %36) : f32[4,32,32,160]  features.4.1.stochastic_depth
 * %371 = add(%370, %323) : f32[4,32,32,160]  features.4.1
 * %4539 = conv2d_bwd_weight(%4533, %371) : f32[640,160,1,1]  features.4.2.block.0.0
 * %5058 = add(%5057, %4539) : f32[640,160,1,1]  features.4.2.block.0.0.weight
 * out %5058 -> G + 1898372
 * in  %36 i32[1] <- io[8] (seed)
 * in  %315 f32[4,32,32,160] <- A + 582844416
 * in  %316 f32[160] <- M + 1632732 (features.4.0.block.3.1.weight)
 * in  %317 f32[160] <- M + 1632892 (features.4.0.block.3.1.bias)
 * in  %320 f32[2,160] <- A + 599189056
 * in  %361 f32[4,32,32,160] <- A + 583499776
 * in  %362 f32[160] <- M + 1898052 (features.4.1.block.3.1.weight)
 * in  %363 f32[160] <- M + 1898212 (features.4.1.block.3.1.bias)
 * in  %366 f32[2,160] <- A + 599189376
 * in  %4533 f32[4,32,32,640] <- A + 366739456
 * in  %5057 f32[640,160,1,1] <- G + 1898372 (features.4.2.block.0.0.weight)
 */
void k312b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [640,160,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict beta /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict gamma2 /* [160] */,
    const float *restrict beta2 /* [160] */,
    const float *restrict stats2 /* [2,160] */,
    const float *restrict dy /* [4,32,32,640] */,
    uint32_t salt,
    float rate) {
    /* dw (640, 160) += dyᵀ (640, 4096) · f(x) (4096, 160), f(x) recomputed in tiles of 342 rows */
    float q0[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q0[c] = gamma2[c] / sqrtf(stats2[160 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q2[c] = gamma[c] / sqrtf(stats[160 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 102400);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 102400;
        float *restrict tile = malloc(sizeof(float) * 54720);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 12; t++) {
            const long m0 = t * 342, rows = m0 + 342 <= 4096 ? 342 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 160; c++) {
                    const float t0 = x2[r * 160 + c];
                    const float t1 = (t0 - stats2[c]) * q0[c] + beta2[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = x[r * 160 + c];
                    const float t4 = (t3 - stats[c]) * q2[c] + beta[c];
                    const float t5 = t2 + t4;
                    tile[(r - m0) * 160 + c] = t5;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 640, 160, rows, 1.0f, dy + m0 * 640, 640, tile, 160, first ? 0.0f : 1.0f, mine, 160);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 102400);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 102400; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 102400 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %4633 = conv2d_bwd_input(%4628, %278) : f32[4,64,64,80]  features.4.0.block.0.0
 * out %4633 -> A + 71303168
 * in  %4628 f32[4,64,64,320] <- A + 137363456
 * in  %278 f32[320,80,1,1] <- M + 1538632 (features.4.0.block.0.0.weight)
 */
void k311b_conv1x1_bwd_input(
    float *restrict dx /* [4,64,64,80] */,
    const float *restrict dy /* [4,64,64,320] */,
    const float *restrict w /* [320,80,1,1] */) {
    /* dx of x (4,64,64,80) w (320,80,1,1) y (4,64,64,320) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    /* the weight packed once; tiles of 828 rows in parallel */
    float *w_f32 = breastai_gemm_f32_pack(CblasNoTrans, 80, 320, w, 80);  /* packed once for every tile */
    #pragma omp parallel for schedule(static)
    for (long t = 0; t < 20; t++) {
        const long m0 = t * 828, rows = m0 + 828 <= 16384 ? 828 : 16384 - m0;
        breastai_gemm_f32_packed(CblasNoTrans, rows, 80, 320, 1.0f, dy + m0 * 320, 320, w_f32, 0.0f, dx + m0 * 80, 80);
    }
    free(w_f32);
}

/*
 * %275 = bn_train(%267, %272, %268, %269) : f32[4,64,64,80]  features.3.4.block.1.1
 * %276 = stochastic_depth(%275, %36) : f32[4,64,64,80]  features.3.4.stochastic_depth
 * %277 = add(%276, %254) : f32[4,64,64,80]  features.3.4
 * %4634 = conv2d_bwd_weight(%4628, %277) : f32[320,80,1,1]  features.4.0.block.0.0
 * %5006 = add(%5005, %4634) : f32[320,80,1,1]  features.4.0.block.0.0.weight
 * out %5006 -> G + 1538632
 * in  %36 i32[1] <- io[8] (seed)
 * in  %254 f32[4,64,64,80] <- A + 564854784
 * in  %267 f32[4,64,64,80] <- A + 566165504
 * in  %268 f32[80] <- M + 1538472 (features.3.4.block.1.1.weight)
 * in  %269 f32[80] <- M + 1538552 (features.3.4.block.1.1.bias)
 * in  %272 f32[2,80] <- A + 599207824
 * in  %4628 f32[4,64,64,320] <- A + 137363456
 * in  %5005 f32[320,80,1,1] <- G + 1538632 (features.4.0.block.0.0.weight)
 */
void k311b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [320,80,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,64,64,80] */,
    const float *restrict x /* [4,64,64,80] */,
    const float *restrict gamma /* [80] */,
    const float *restrict beta /* [80] */,
    const float *restrict stats /* [2,80] */,
    const float *restrict dy /* [4,64,64,320] */,
    uint32_t salt,
    float rate) {
    /* dw (320, 80) += dyᵀ (320, 16384) · f(x) (16384, 80), f(x) recomputed in tiles of 683 rows */
    float q0[80];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 80; c++) {
        q0[c] = gamma[c] / sqrtf(stats[80 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
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
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * q1[r / 4096];
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

/*
 * %4635 = stochastic_depth_bwd(%4633, %36) : f32[4,64,64,80]  features.3.4.stochastic_depth
 * %4636 = bn_bwd_reduce(%4635, %267, %272) : f32[2,80]  features.3.4.block.1.1
 * out %4636 -> A + 75497216
 * in  %36 i32[1] <- io[8] (seed)
 * in  %267 f32[4,64,64,80] <- A + 566165504
 * in  %272 f32[2,80] <- A + 599207824
 * in  %4633 f32[4,64,64,80] <- A + 71303168
 */
void k307b_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,80] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,64,64,80] */,
    const float *restrict stats /* [2,80] */,
    const float *restrict dy /* [4,64,64,80] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[80];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 80; c++) {
        q1[c] = 1.0f / sqrtf(stats[80 + c] + 0.001f);
    }
    enum { C = 80, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 16384L * ch / CHUNKS; r < 16384L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = dy[r * 80 + c];
                const float t1 = t0 * q0[r / 4096];
                const float t2 = x[r * 80 + c];
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
 * %4635 = stochastic_depth_bwd(%4633, %36) : f32[4,64,64,80]  features.3.4.stochastic_depth
 * %4637 = bn_bwd_input(%4635, %267, %272, %268, %4636) : f32[4,64,64,80]  features.3.4.block.1.1
 * out %4637 -> A + 72613888
 * in  %36 i32[1] <- io[8] (seed)
 * in  %267 f32[4,64,64,80] <- A + 566165504
 * in  %268 f32[80] <- M + 1538472 (features.3.4.block.1.1.weight)
 * in  %272 f32[2,80] <- A + 599207824
 * in  %4633 f32[4,64,64,80] <- A + 71303168
 * in  %4636 f32[2,80] <- A + 75497216
 */
void k307b_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,64,64,80] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,64,64,80] */,
    const float *restrict gamma /* [80] */,
    const float *restrict stats /* [2,80] */,
    const float *restrict dy /* [4,64,64,80] */,
    const float *restrict dstats /* [2,80] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[80], q2[80], q3[80];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 80; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[80 + c] + 0.001f));
        q2[c] = dstats[c] / 16384.0f;
        q3[c] = dstats[80 + c] / 16384.0f * (1.0f / sqrtf(stats[80 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 16384; r++) {
        #pragma omp simd
        for (long c = 0; c < 80; c++) {
            const long i = r * 80 + c;
            const float t0 = dy[r * 80 + c];
            const float t1 = t0 * q0[r / 4096];
            const float t2 = x[r * 80 + c];
            const float t3 = q1[c] * (t1 - q2[c] - (t2 - stats[c]) * q3[c]);
            dx[i] = t3;
        }
    }
}

/*
 * %4638 = slice(%4636) : f32[1,80]  features.3.4.block.1.1
 * %4639 = reshape(%4638) : f32[80]  features.3.4.block.1.1
 * %5002 = add(%5001, %4639) : f32[80]  features.3.4.block.1.1.weight
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %5002 -> G + 1538472
 * in  %4636 f32[2,80] <- A + 75497216
 * in  %5001 f32[80] <- G + 1538472 (features.3.4.block.1.1.weight)
 */
void k307b_slice_acc(float *restrict grad /* [80] */, const float *restrict x /* [2,80] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 80; j++) grad[o * 80 + j] += x[o * 160 + 80 + j];
}

/*
 * %4640 = slice(%4636) : f32[1,80]  features.3.4.block.1.1
 * %4641 = reshape(%4640) : f32[80]  features.3.4.block.1.1
 * %5004 = add(%5003, %4641) : f32[80]  features.3.4.block.1.1.bias
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %5004 -> G + 1538552
 * in  %4636 f32[2,80] <- A + 75497216
 * in  %5003 f32[80] <- G + 1538552 (features.3.4.block.1.1.bias)
 */
void k307b2_slice_acc(float *restrict grad /* [80] */, const float *restrict x /* [2,80] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 80; j++) grad[o * 80 + j] += x[o * 160 + 0 + j];
}

/*
 * %4642 = conv2d_bwd_input(%4637, %266) : f32[4,64,64,320]  features.3.4.block.1.0
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %4642 -> A + 132120576
 * in  %4637 f32[4,64,64,80] <- A + 72613888
 * in  %266 f32[80,320,1,1] <- M + 1512872 (features.3.4.block.1.0.weight)
 */
void k309b_conv1x1_bwd_input(
    float *restrict dx /* [4,64,64,320] */,
    const float *restrict dy /* [4,64,64,80] */,
    const float *restrict w /* [80,320,1,1] */) {
    /* dx of x (4,64,64,320) w (80,320,1,1) y (4,64,64,80) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    /* the weight packed once; tiles of 204 rows in parallel */
    float *w_f32 = breastai_gemm_f32_pack(CblasNoTrans, 320, 80, w, 320);  /* packed once for every tile */
    #pragma omp parallel for schedule(static)
    for (long t = 0; t < 81; t++) {
        const long m0 = t * 204, rows = m0 + 204 <= 16384 ? 204 : 16384 - m0;
        breastai_gemm_f32_packed(CblasNoTrans, rows, 320, 80, 1.0f, dy + m0 * 80, 80, w_f32, 0.0f, dx + m0 * 320, 320);
    }
    free(w_f32);
}

/*
 * %264 = bn_train(%256, %261, %257, %258) : f32[4,64,64,320]  features.3.4.block.0.1
 * %265 = silu(%264) : f32[4,64,64,320]  features.3.4.block.0.2
 * %4643 = conv2d_bwd_weight(%4637, %265) : f32[80,320,1,1]  features.3.4.block.1.0
 * %5000 = add(%4999, %4643) : f32[80,320,1,1]  features.3.4.block.1.0.weight
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %5000 -> G + 1512872
 * in  %256 f32[4,64,64,320] <- A + 66060288
 * in  %257 f32[320] <- M + 1512232 (features.3.4.block.0.1.weight)
 * in  %258 f32[320] <- M + 1512552 (features.3.4.block.0.1.bias)
 * in  %261 f32[2,320] <- A + 599165248
 * in  %4637 f32[4,64,64,80] <- A + 72613888
 * in  %4999 f32[80,320,1,1] <- G + 1512872 (features.3.4.block.1.0.weight)
 */
void k309b_bn_train_silu_conv1x1_bwd_weight_acc(
    float *restrict grad /* [80,320,1,1] */,
    const float *restrict x /* [4,64,64,320] */,
    const float *restrict gamma /* [320] */,
    const float *restrict beta /* [320] */,
    const float *restrict stats /* [2,320] */,
    const float *restrict dy /* [4,64,64,80] */) {
    /* dw (80, 320) += dyᵀ (80, 16384) · f(x) (16384, 320), f(x) recomputed in tiles of 256 rows */
    float q0[320];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 320; c++) {
        q0[c] = gamma[c] / sqrtf(stats[320 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 25600);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 25600;
        float *restrict tile = malloc(sizeof(float) * 81920);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 64; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 16384 ? 256 : 16384 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 320; c++) {
                    const float t0 = x[r * 320 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    tile[(r - m0) * 320 + c] = t2;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 80, 320, rows, 1.0f, dy + m0 * 80, 80, tile, 320, first ? 0.0f : 1.0f, mine, 320);
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

/*
 * %4653 = add_n(%4633, %4651) : f32[4,64,64,80]  features.3.3
 * %4654 = stochastic_depth_bwd(%4653, %36) : f32[4,64,64,80]  features.3.3.stochastic_depth
 * %4655 = bn_bwd_reduce(%4654, %244, %249) : f32[2,80]  features.3.3.block.1.1
 * out %4655 -> A + 75497216
 * in  %36 i32[1] <- io[8] (seed)
 * in  %244 f32[4,64,64,80] <- A + 563544064
 * in  %249 f32[2,80] <- A + 599207664
 * in  %4633 f32[4,64,64,80] <- A + 71303168
 * in  %4651 f32[4,64,64,80] <- A + 72613888
 */
void k307b_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,80] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,64,64,80] */,
    const float *restrict stats /* [2,80] */,
    const float *restrict x2 /* [4,64,64,80] */,
    const float *restrict x3 /* [4,64,64,80] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[80];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 80; c++) {
        q1[c] = 1.0f / sqrtf(stats[80 + c] + 0.001f);
    }
    enum { C = 80, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 16384L * ch / CHUNKS; r < 16384L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 80 + c];
                const float t1 = x3[r * 80 + c];
                const float t2 = t0 + t1;
                const float t3 = t2 * q0[r / 4096];
                const float t4 = x[r * 80 + c];
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
 * %4653 = add_n(%4633, %4651) : f32[4,64,64,80]  features.3.3
 * %4654 = stochastic_depth_bwd(%4653, %36) : f32[4,64,64,80]  features.3.3.stochastic_depth
 * %4656 = bn_bwd_input(%4654, %244, %249, %245, %4655) : f32[4,64,64,80]  features.3.3.block.1.1
 * out %4656 -> A + 73924608
 * in  %36 i32[1] <- io[8] (seed)
 * in  %244 f32[4,64,64,80] <- A + 563544064
 * in  %245 f32[80] <- M + 1281672 (features.3.3.block.1.1.weight)
 * in  %249 f32[2,80] <- A + 599207664
 * in  %4633 f32[4,64,64,80] <- A + 71303168
 * in  %4651 f32[4,64,64,80] <- A + 72613888
 * in  %4655 f32[2,80] <- A + 75497216
 */
void k307b_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,64,64,80] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,64,64,80] */,
    const float *restrict gamma /* [80] */,
    const float *restrict stats /* [2,80] */,
    const float *restrict x2 /* [4,64,64,80] */,
    const float *restrict x3 /* [4,64,64,80] */,
    const float *restrict dstats /* [2,80] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[80], q2[80], q3[80];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 80; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[80 + c] + 0.001f));
        q2[c] = dstats[c] / 16384.0f;
        q3[c] = dstats[80 + c] / 16384.0f * (1.0f / sqrtf(stats[80 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 16384; r++) {
        #pragma omp simd
        for (long c = 0; c < 80; c++) {
            const long i = r * 80 + c;
            const float t0 = x2[r * 80 + c];
            const float t1 = x3[r * 80 + c];
            const float t2 = t0 + t1;
            const float t3 = t2 * q0[r / 4096];
            const float t4 = x[r * 80 + c];
            const float t5 = q1[c] * (t3 - q2[c] - (t4 - stats[c]) * q3[c]);
            dx[i] = t5;
        }
    }
}

/*
 * %4653 = add_n(%4633, %4651) : f32[4,64,64,80]  features.3.3
 * %4672 = add_n(%4653, %4670) : f32[4,64,64,80]  features.3.2
 * %4673 = stochastic_depth_bwd(%4672, %36) : f32[4,64,64,80]  features.3.2.stochastic_depth
 * %4674 = bn_bwd_reduce(%4673, %221, %226) : f32[2,80]  features.3.2.block.1.1
 * out %4674 -> A + 75497216
 * in  %36 i32[1] <- io[8] (seed)
 * in  %221 f32[4,64,64,80] <- A + 560922624
 * in  %226 f32[2,80] <- A + 599207504
 * in  %4633 f32[4,64,64,80] <- A + 71303168
 * in  %4651 f32[4,64,64,80] <- A + 72613888
 * in  %4670 f32[4,64,64,80] <- A + 73924608
 */
void k307b2_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,80] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,64,64,80] */,
    const float *restrict stats /* [2,80] */,
    const float *restrict x2 /* [4,64,64,80] */,
    const float *restrict x3 /* [4,64,64,80] */,
    const float *restrict x4 /* [4,64,64,80] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[80];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 80; c++) {
        q1[c] = 1.0f / sqrtf(stats[80 + c] + 0.001f);
    }
    enum { C = 80, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 16384L * ch / CHUNKS; r < 16384L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 80 + c];
                const float t1 = x3[r * 80 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 80 + c];
                const float t4 = t2 + t3;
                const float t5 = t4 * q0[r / 4096];
                const float t6 = x[r * 80 + c];
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
 * %4653 = add_n(%4633, %4651) : f32[4,64,64,80]  features.3.3
 * %4672 = add_n(%4653, %4670) : f32[4,64,64,80]  features.3.2
 * %4673 = stochastic_depth_bwd(%4672, %36) : f32[4,64,64,80]  features.3.2.stochastic_depth
 * %4675 = bn_bwd_input(%4673, %221, %226, %222, %4674) : f32[4,64,64,80]  features.3.2.block.1.1
 * out %4675 -> A + 66060288
 * in  %36 i32[1] <- io[8] (seed)
 * in  %221 f32[4,64,64,80] <- A + 560922624
 * in  %222 f32[80] <- M + 1024872 (features.3.2.block.1.1.weight)
 * in  %226 f32[2,80] <- A + 599207504
 * in  %4633 f32[4,64,64,80] <- A + 71303168
 * in  %4651 f32[4,64,64,80] <- A + 72613888
 * in  %4670 f32[4,64,64,80] <- A + 73924608
 * in  %4674 f32[2,80] <- A + 75497216
 */
void k307b2_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,64,64,80] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,64,64,80] */,
    const float *restrict gamma /* [80] */,
    const float *restrict stats /* [2,80] */,
    const float *restrict x2 /* [4,64,64,80] */,
    const float *restrict x3 /* [4,64,64,80] */,
    const float *restrict x4 /* [4,64,64,80] */,
    const float *restrict dstats /* [2,80] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[80], q2[80], q3[80];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 80; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[80 + c] + 0.001f));
        q2[c] = dstats[c] / 16384.0f;
        q3[c] = dstats[80 + c] / 16384.0f * (1.0f / sqrtf(stats[80 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 16384; r++) {
        #pragma omp simd
        for (long c = 0; c < 80; c++) {
            const long i = r * 80 + c;
            const float t0 = x2[r * 80 + c];
            const float t1 = x3[r * 80 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 80 + c];
            const float t4 = t2 + t3;
            const float t5 = t4 * q0[r / 4096];
            const float t6 = x[r * 80 + c];
            const float t7 = q1[c] * (t5 - q2[c] - (t6 - stats[c]) * q3[c]);
            dx[i] = t7;
        }
    }
}

/*
 * %4653 = add_n(%4633, %4651) : f32[4,64,64,80]  features.3.3
 * %4672 = add_n(%4653, %4670) : f32[4,64,64,80]  features.3.2
 * %4691 = add_n(%4672, %4689) : f32[4,64,64,80]  features.3.1
 * %4692 = stochastic_depth_bwd(%4691, %36) : f32[4,64,64,80]  features.3.1.stochastic_depth
 * %4693 = bn_bwd_reduce(%4692, %198, %203) : f32[2,80]  features.3.1.block.1.1
 * out %4693 -> A + 75497216
 * in  %36 i32[1] <- io[8] (seed)
 * in  %198 f32[4,64,64,80] <- A + 558301184
 * in  %203 f32[2,80] <- A + 599207344
 * in  %4633 f32[4,64,64,80] <- A + 71303168
 * in  %4651 f32[4,64,64,80] <- A + 72613888
 * in  %4670 f32[4,64,64,80] <- A + 73924608
 * in  %4689 f32[4,64,64,80] <- A + 366739456
 */
void k307b3_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,80] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,64,64,80] */,
    const float *restrict stats /* [2,80] */,
    const float *restrict x2 /* [4,64,64,80] */,
    const float *restrict x3 /* [4,64,64,80] */,
    const float *restrict x4 /* [4,64,64,80] */,
    const float *restrict x5 /* [4,64,64,80] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[80];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 80; c++) {
        q1[c] = 1.0f / sqrtf(stats[80 + c] + 0.001f);
    }
    enum { C = 80, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 16384L * ch / CHUNKS; r < 16384L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 80 + c];
                const float t1 = x3[r * 80 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 80 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 80 + c];
                const float t6 = t4 + t5;
                const float t7 = t6 * q0[r / 4096];
                const float t8 = x[r * 80 + c];
                const float xh = (t8 - stats[c]) * q1[c];
                p0[c] += t7;
                p1[c] += t7 * xh;
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
 * %4653 = add_n(%4633, %4651) : f32[4,64,64,80]  features.3.3
 * %4672 = add_n(%4653, %4670) : f32[4,64,64,80]  features.3.2
 * %4691 = add_n(%4672, %4689) : f32[4,64,64,80]  features.3.1
 * %4692 = stochastic_depth_bwd(%4691, %36) : f32[4,64,64,80]  features.3.1.stochastic_depth
 * %4694 = bn_bwd_input(%4692, %198, %203, %199, %4693) : f32[4,64,64,80]  features.3.1.block.1.1
 * out %4694 -> A + 60817408
 * in  %36 i32[1] <- io[8] (seed)
 * in  %198 f32[4,64,64,80] <- A + 558301184
 * in  %199 f32[80] <- M + 768072 (features.3.1.block.1.1.weight)
 * in  %203 f32[2,80] <- A + 599207344
 * in  %4633 f32[4,64,64,80] <- A + 71303168
 * in  %4651 f32[4,64,64,80] <- A + 72613888
 * in  %4670 f32[4,64,64,80] <- A + 73924608
 * in  %4689 f32[4,64,64,80] <- A + 366739456
 * in  %4693 f32[2,80] <- A + 75497216
 */
void k307b3_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,64,64,80] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,64,64,80] */,
    const float *restrict gamma /* [80] */,
    const float *restrict stats /* [2,80] */,
    const float *restrict x2 /* [4,64,64,80] */,
    const float *restrict x3 /* [4,64,64,80] */,
    const float *restrict x4 /* [4,64,64,80] */,
    const float *restrict x5 /* [4,64,64,80] */,
    const float *restrict dstats /* [2,80] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[80], q2[80], q3[80];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 80; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[80 + c] + 0.001f));
        q2[c] = dstats[c] / 16384.0f;
        q3[c] = dstats[80 + c] / 16384.0f * (1.0f / sqrtf(stats[80 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 16384; r++) {
        #pragma omp simd
        for (long c = 0; c < 80; c++) {
            const long i = r * 80 + c;
            const float t0 = x2[r * 80 + c];
            const float t1 = x3[r * 80 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 80 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 80 + c];
            const float t6 = t4 + t5;
            const float t7 = t6 * q0[r / 4096];
            const float t8 = x[r * 80 + c];
            const float t9 = q1[c] * (t7 - q2[c] - (t8 - stats[c]) * q3[c]);
            dx[i] = t9;
        }
    }
}

/*
 * %4653 = add_n(%4633, %4651) : f32[4,64,64,80]  features.3.3
 * %4672 = add_n(%4653, %4670) : f32[4,64,64,80]  features.3.2
 * %4691 = add_n(%4672, %4689) : f32[4,64,64,80]  features.3.1
 * %4710 = add_n(%4691, %4708) : f32[4,64,64,80]  features.3.0.block.1.1
 * %4711 = bn_bwd_reduce(%4710, %177, %182) : f32[2,80]  features.3.0.block.1.1
 * out %4711 -> A + 599202432
 * in  %177 f32[4,64,64,80] <- A + 555679744
 * in  %182 f32[2,80] <- A + 599207184
 * in  %4633 f32[4,64,64,80] <- A + 71303168
 * in  %4651 f32[4,64,64,80] <- A + 72613888
 * in  %4670 f32[4,64,64,80] <- A + 73924608
 * in  %4689 f32[4,64,64,80] <- A + 366739456
 * in  %4708 f32[4,64,64,80] <- A + 66060288
 */
void k307b_add_n_bn_bwd_reduce(
    float *restrict dstats /* [2,80] */,
    const float *restrict x /* [4,64,64,80] */,
    const float *restrict stats /* [2,80] */,
    const float *restrict x2 /* [4,64,64,80] */,
    const float *restrict x3 /* [4,64,64,80] */,
    const float *restrict x4 /* [4,64,64,80] */,
    const float *restrict x5 /* [4,64,64,80] */,
    const float *restrict x6 /* [4,64,64,80] */) {
    float q0[80];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 80; c++) {
        q0[c] = 1.0f / sqrtf(stats[80 + c] + 0.001f);
    }
    enum { C = 80, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 16384L * ch / CHUNKS; r < 16384L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 80 + c];
                const float t1 = x3[r * 80 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 80 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 80 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 80 + c];
                const float t8 = t6 + t7;
                const float t9 = x[r * 80 + c];
                const float xh = (t9 - stats[c]) * q0[c];
                p0[c] += t8;
                p1[c] += t8 * xh;
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
 * %4653 = add_n(%4633, %4651) : f32[4,64,64,80]  features.3.3
 * %4672 = add_n(%4653, %4670) : f32[4,64,64,80]  features.3.2
 * %4691 = add_n(%4672, %4689) : f32[4,64,64,80]  features.3.1
 * %4710 = add_n(%4691, %4708) : f32[4,64,64,80]  features.3.0.block.1.1
 * %4712 = bn_bwd_input(%4710, %177, %182, %178, %4711) : f32[4,64,64,80]  features.3.0.block.1.1
 * out %4712 -> A + 67371008
 * in  %177 f32[4,64,64,80] <- A + 555679744
 * in  %178 f32[80] <- M + 511272 (features.3.0.block.1.1.weight)
 * in  %182 f32[2,80] <- A + 599207184
 * in  %4633 f32[4,64,64,80] <- A + 71303168
 * in  %4651 f32[4,64,64,80] <- A + 72613888
 * in  %4670 f32[4,64,64,80] <- A + 73924608
 * in  %4689 f32[4,64,64,80] <- A + 366739456
 * in  %4708 f32[4,64,64,80] <- A + 66060288
 * in  %4711 f32[2,80] <- A + 599202432
 */
void k307b_add_n_bn_bwd_input(
    float *restrict dx /* [4,64,64,80] */,
    const float *restrict x /* [4,64,64,80] */,
    const float *restrict gamma /* [80] */,
    const float *restrict stats /* [2,80] */,
    const float *restrict x2 /* [4,64,64,80] */,
    const float *restrict x3 /* [4,64,64,80] */,
    const float *restrict x4 /* [4,64,64,80] */,
    const float *restrict x5 /* [4,64,64,80] */,
    const float *restrict x6 /* [4,64,64,80] */,
    const float *restrict dstats /* [2,80] */) {
    float q0[80], q1[80], q2[80];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 80; c++) {
        q0[c] = gamma[c] * (1.0f / sqrtf(stats[80 + c] + 0.001f));
        q1[c] = dstats[c] / 16384.0f;
        q2[c] = dstats[80 + c] / 16384.0f * (1.0f / sqrtf(stats[80 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 16384; r++) {
        #pragma omp simd
        for (long c = 0; c < 80; c++) {
            const long i = r * 80 + c;
            const float t0 = x2[r * 80 + c];
            const float t1 = x3[r * 80 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 80 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 80 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 80 + c];
            const float t8 = t6 + t7;
            const float t9 = x[r * 80 + c];
            const float t10 = q0[c] * (t8 - q1[c] - (t9 - stats[c]) * q2[c]);
            dx[i] = t10;
        }
    }
}

/*
 * %4717 = conv2d_bwd_input(%4712, %176) : f32[4,64,64,192]  features.3.0.block.1.0
 * out %4717 -> A + 50331648
 * in  %4712 f32[4,64,64,80] <- A + 67371008
 * in  %176 f32[80,192,1,1] <- M + 495912 (features.3.0.block.1.0.weight)
 */
void k306b_conv1x1_bwd_input(
    float *restrict dx /* [4,64,64,192] */,
    const float *restrict dy /* [4,64,64,80] */,
    const float *restrict w /* [80,192,1,1] */) {
    /* dx of x (4,64,64,192) w (80,192,1,1) y (4,64,64,80) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    /* the weight packed once; tiles of 348 rows in parallel */
    float *w_f32 = breastai_gemm_f32_pack(CblasNoTrans, 192, 80, w, 192);  /* packed once for every tile */
    #pragma omp parallel for schedule(static)
    for (long t = 0; t < 48; t++) {
        const long m0 = t * 348, rows = m0 + 348 <= 16384 ? 348 : 16384 - m0;
        breastai_gemm_f32_packed(CblasNoTrans, rows, 192, 80, 1.0f, dy + m0 * 80, 80, w_f32, 0.0f, dx + m0 * 192, 192);
    }
    free(w_f32);
}

/*
 * %174 = bn_train(%166, %171, %167, %168) : f32[4,64,64,192]  features.3.0.block.0.1
 * %175 = silu(%174) : f32[4,64,64,192]  features.3.0.block.0.2
 * %4718 = conv2d_bwd_weight(%4712, %175) : f32[80,192,1,1]  features.3.0.block.1.0
 * %4952 = add(%4951, %4718) : f32[80,192,1,1]  features.3.0.block.1.0.weight
 * out %4952 -> G + 495912
 * in  %166 f32[4,64,64,192] <- A + 363593728
 * in  %167 f32[192] <- M + 495528 (features.3.0.block.0.1.weight)
 * in  %168 f32[192] <- M + 495720 (features.3.0.block.0.1.bias)
 * in  %171 f32[2,192] <- A + 599183744
 * in  %4712 f32[4,64,64,80] <- A + 67371008
 * in  %4951 f32[80,192,1,1] <- G + 495912 (features.3.0.block.1.0.weight)
 */
void k306b_bn_train_silu_conv1x1_bwd_weight_acc(
    float *restrict grad /* [80,192,1,1] */,
    const float *restrict x /* [4,64,64,192] */,
    const float *restrict gamma /* [192] */,
    const float *restrict beta /* [192] */,
    const float *restrict stats /* [2,192] */,
    const float *restrict dy /* [4,64,64,80] */) {
    /* dw (80, 192) += dyᵀ (80, 16384) · f(x) (16384, 192), f(x) recomputed in tiles of 316 rows */
    float q0[192];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 192; c++) {
        q0[c] = gamma[c] / sqrtf(stats[192 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 15360);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 15360;
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
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 80, 192, rows, 1.0f, dy + m0 * 80, 80, tile, 192, first ? 0.0f : 1.0f, mine, 192);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 15360);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 15360; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 15360 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %174 = bn_train(%166, %171, %167, %168) : f32[4,64,64,192]  features.3.0.block.0.1
 * %4719 = silu_bwd(%4717, %174) : f32[4,64,64,192]  features.3.0.block.0.2
 * %4720 = bn_bwd_reduce(%4719, %166, %171) : f32[2,192]  features.3.0.block.0.1
 * out %4720 -> A + 598204416
 * in  %166 f32[4,64,64,192] <- A + 363593728
 * in  %167 f32[192] <- M + 495528 (features.3.0.block.0.1.weight)
 * in  %168 f32[192] <- M + 495720 (features.3.0.block.0.1.bias)
 * in  %171 f32[2,192] <- A + 599183744
 * in  %4717 f32[4,64,64,192] <- A + 50331648
 */
void k305b_bn_train_silu_bwd_bn_bwd_reduce(
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
 * %174 = bn_train(%166, %171, %167, %168) : f32[4,64,64,192]  features.3.0.block.0.1
 * %4719 = silu_bwd(%4717, %174) : f32[4,64,64,192]  features.3.0.block.0.2
 * %4721 = bn_bwd_input(%4719, %166, %171, %167, %4720) : f32[4,64,64,192]  features.3.0.block.0.1
 * out %4721 -> A + 53477376
 * in  %166 f32[4,64,64,192] <- A + 363593728
 * in  %167 f32[192] <- M + 495528 (features.3.0.block.0.1.weight)
 * in  %168 f32[192] <- M + 495720 (features.3.0.block.0.1.bias)
 * in  %171 f32[2,192] <- A + 599183744
 * in  %4717 f32[4,64,64,192] <- A + 50331648
 * in  %4720 f32[2,192] <- A + 598204416
 */
void k305b_bn_train_silu_bwd_bn_bwd_input(
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
 * %4722 = slice(%4720) : f32[1,192]  features.3.0.block.0.1
 * %4723 = reshape(%4722) : f32[192]  features.3.0.block.0.1
 * %4948 = add(%4947, %4723) : f32[192]  features.3.0.block.0.1.weight
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %4948 -> G + 495528
 * in  %4720 f32[2,192] <- A + 598204416
 * in  %4947 f32[192] <- G + 495528 (features.3.0.block.0.1.weight)
 */
void k305b_slice_acc(float *restrict grad /* [192] */, const float *restrict x /* [2,192] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 192; j++) grad[o * 192 + j] += x[o * 384 + 192 + j];
}

/*
 * %4724 = slice(%4720) : f32[1,192]  features.3.0.block.0.1
 * %4725 = reshape(%4724) : f32[192]  features.3.0.block.0.1
 * %4950 = add(%4949, %4725) : f32[192]  features.3.0.block.0.1.bias
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %4950 -> G + 495720
 * in  %4720 f32[2,192] <- A + 598204416
 * in  %4949 f32[192] <- G + 495720 (features.3.0.block.0.1.bias)
 */
void k305b2_slice_acc(float *restrict grad /* [192] */, const float *restrict x /* [2,192] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 192; j++) grad[o * 192 + j] += x[o * 384 + 0 + j];
}

/*
 * %1640 = reduce_sumSquares(%3) : f32[1,1,1,1]  features.0.0.weight
 * %1641 = reshape(%1640) : f32[]  features.0.0.weight
 * %1642 = reduce_sumSquares(%5) : f32[1]  features.0.1.weight
 * %1643 = reshape(%1642) : f32[]  features.0.1.weight
 * %1644 = reduce_sumSquares(%7) : f32[1]  features.0.1.bias
 * %1645 = reshape(%1644) : f32[]  features.0.1.bias
 * %1646 = reduce_sumSquares(%11) : f32[1,1,1,1]  features.1.0.block.0.0.weight
 * %1647 = reshape(%1646) : f32[]  features.1.0.block.0.0.weight
 * %1648 = reduce_sumSquares(%13) : f32[1]  features.1.0.block.0.1.weight
 * %1649 = reshape(%1648) : f32[]  features.1.0.block.0.1.weight
 * %1650 = reduce_sumSquares(%15) : f32[1]  features.1.0.block.0.1.bias
 * %1651 = reshape(%1650) : f32[]  features.1.0.block.0.1.bias
 * ... and 1310 more nodes of the same kinds
 * 1 values written, 661 read (flat over the state blocks)
 */
void k315_grad_norm(float *restrict coef, const float *restrict g, const float *restrict hyper) {
    /* global L2 norm of the summed gradients G[0, 53852761), then torch's clip_grad_norm_ */
    enum { CHUNKS = 64, LANES = 32 };
    double part[CHUNKS];
    const long n = 53852761;
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
 * %2964 = adam_m(%2962, %3, %2961) : f32[24,3,3,3]  features.0.0.weight
 * %2965 = adam_v(%2963, %3, %2961) : f32[24,3,3,3]  features.0.0.weight
 * %2966 = adamw_update(%2, %2964, %2965, %0, %1) : f32[24,3,3,3]  features.0.0.weight
 * %2972 = adam_m(%2970, %5, %2961) : f32[24]  features.0.1.weight
 * %2973 = adam_v(%2971, %5, %2961) : f32[24]  features.0.1.weight
 * %2974 = adamw_update(%4, %2972, %2973, %0, %1) : f32[24]  features.0.1.weight
 * %2980 = adam_m(%2978, %7, %2961) : f32[24]  features.0.1.bias
 * %2981 = adam_v(%2979, %7, %2961) : f32[24]  features.0.1.bias
 * %2982 = adamw_update(%6, %2980, %2981, %0, %1) : f32[24]  features.0.1.bias
 * %2992 = adam_m(%2990, %11, %2961) : f32[24,24,3,3]  features.1.0.block.0.0.weight
 * %2993 = adam_v(%2991, %11, %2961) : f32[24,24,3,3]  features.1.0.block.0.0.weight
 * %2994 = adamw_update(%10, %2992, %2993, %0, %1) : f32[24,24,3,3]  features.1.0.block.0.0.weight
 * ... and 1968 more nodes of the same kinds
 * 2640 values written, 2643 read (flat over the state blocks)
 */
void k316_adamw(
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
        /* step-count group 0: [52858356, 53852761) */
        const float step = lr / bc[0], root_bc2 = sqrtf(bc[1]);
        #pragma omp parallel for simd schedule(static)
        for (long j = 52858356; j < 53852761; j++) {
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
        /* step-count group 1: [9875824, 52858356) */
        const float step = lr / bc[2], root_bc2 = sqrtf(bc[3]);
        #pragma omp parallel for simd schedule(static)
        for (long j = 9875824; j < 52858356; j++) {
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
        /* step-count group 2: [1538632, 9875824) */
        const float step = lr / bc[4], root_bc2 = sqrtf(bc[5]);
        #pragma omp parallel for simd schedule(static)
        for (long j = 1538632; j < 9875824; j++) {
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
        /* step-count group 3: [0, 1538632) */
        const float step = lr / bc[6], root_bc2 = sqrtf(bc[7]);
        #pragma omp parallel for simd schedule(static)
        for (long j = 0; j < 1538632; j++) {
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
 * %2339 = add(%2337, %2338) : f32[4,16,16,1280]  features.8.1
 * %2340 = silu(%2339) : f32[4,16,16,1280]  features.8.2
 * %2358 = mul(%2340, %2357) : f32[4,16,16,1280]  cbam.channel_attention
 * %2359 = reduce_mean(%2358) : f32[4,16,16,1]  cbam.spatial_attention
 * out %2359 -> A + 1312768
 * in  %2337 f32[4,16,16,1280] <- A + 0
 * in  %2338 f32[1,1,1,1280] <- A + 5242880
 * in  %2357 f32[4,1,1,1280] <- A + 1320960
 */
void k317_add_silu_mul_reduce_mean(
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
 * %2339 = add(%2337, %2338) : f32[4,16,16,1280]  features.8.1
 * %2340 = silu(%2339) : f32[4,16,16,1280]  features.8.2
 * %2358 = mul(%2340, %2357) : f32[4,16,16,1280]  cbam.channel_attention
 * %2360 = reduce_max(%2358) : f32[4,16,16,1]  cbam.spatial_attention
 * out %2360 -> A + 1313792
 * in  %2337 f32[4,16,16,1280] <- A + 0
 * in  %2338 f32[1,1,1,1280] <- A + 5242880
 * in  %2357 f32[4,1,1,1280] <- A + 1320960
 */
void k318_add_silu_mul_reduce_max(
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
 * %2339 = add(%2337, %2338) : f32[4,16,16,1280]  features.8.1
 * %2340 = silu(%2339) : f32[4,16,16,1280]  features.8.2
 * %2358 = mul(%2340, %2357) : f32[4,16,16,1280]  cbam.channel_attention
 * %2365 = mul(%2358, %2364) : f32[4,16,16,1280]  cbam.spatial_attention
 * %2366 = reduce_mean(%2365) : f32[4,1,1,1280]  avgpool
 * out %2366 -> A + 1310720
 * in  %2337 f32[4,16,16,1280] <- A + 0
 * in  %2338 f32[1,1,1,1280] <- A + 5242880
 * in  %2357 f32[4,1,1,1280] <- A + 1320960
 * in  %2364 f32[4,16,16,1] <- A + 1315840
 */
void k319_add_silu_mul_reduce_mean(
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
