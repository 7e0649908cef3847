/* Kernels k224 to k239 and their backward kernels. */
#include "kernels.h"

/*
 * %733 = bn_train(%725, %730, %726, %727) : f32[4,32,32,160]  features.5.4.block.3.1
 * %734 = stochastic_depth(%733, %303) : f32[4,32,32,160]  features.5.4.stochastic_depth
 * %735 = add(%734, %687) : f32[4,32,32,160]  features.5.4
 * %737 = conv2d(%735, %736) : f32[4,32,32,960]  features.5.5.block.0.0
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %737 -> A + 55574528
 * in  %303 i32[1] <- io[8] (seed)
 * in  %687 f32[4,32,32,160] <- A + 230359040
 * in  %725 f32[4,32,32,160] <- A + 231014400
 * in  %726 f32[160] <- M + 3693896 (features.5.4.block.3.1.weight)
 * in  %727 f32[160] <- M + 3694056 (features.5.4.block.3.1.bias)
 * in  %730 f32[2,160] <- A + 243891456
 * in  %736 f32[960,160,1,1] <- M + 3694216 (features.5.5.block.0.0.weight)
 */
void k224_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,32,32,960] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,32,32,160] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict beta /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict w /* [960,160,1,1] */,
    uint32_t salt,
    float rate) {
    /* y (4096, 960) = f(x) (4096, 160) · wᵀ: tiles of 342 rows of f(x) computed into scratch, one sgemm each */
    float q0[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q0[c] = gamma[c] / sqrtf(stats[160 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
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
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = b[r * 160 + c];
                    const float t4 = t2 + t3;
                    tile[(r - m0) * 160 + c] = t4;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 960, 160, 1.0f, tile, 160, w_f32, 0.0f, y + m0 * 960, 960);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %733 = bn_train(%725, %730, %726, %727) : f32[4,32,32,160]  features.5.4.block.3.1
 * %734 = stochastic_depth(%733, %303) : f32[4,32,32,160]  features.5.4.stochastic_depth
 * %735 = add(%734, %687) : f32[4,32,32,160]  features.5.4
 * %781 = bn_train(%773, %778, %774, %775) : f32[4,32,32,160]  features.5.5.block.3.1
 * %782 = stochastic_depth(%781, %303) : f32[4,32,32,160]  features.5.5.stochastic_depth
 * %783 = add(%782, %735) : f32[4,32,32,160]  features.5.5
 * %785 = conv2d(%783, %784) : f32[4,32,32,960]  features.5.6.block.0.0
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %785 -> A + 67371008
 * in  %303 i32[1] <- io[8] (seed)
 * in  %687 f32[4,32,32,160] <- A + 230359040
 * in  %725 f32[4,32,32,160] <- A + 231014400
 * in  %726 f32[160] <- M + 3693896 (features.5.4.block.3.1.weight)
 * in  %727 f32[160] <- M + 3694056 (features.5.4.block.3.1.bias)
 * in  %730 f32[2,160] <- A + 243891456
 * in  %773 f32[4,32,32,160] <- A + 231669760
 * in  %774 f32[160] <- M + 4091696 (features.5.5.block.3.1.weight)
 * in  %775 f32[160] <- M + 4091856 (features.5.5.block.3.1.bias)
 * in  %778 f32[2,160] <- A + 243891776
 * in  %784 f32[960,160,1,1] <- M + 4092016 (features.5.6.block.0.0.weight)
 */
void k225_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,32,32,960] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,32,32,160] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict beta /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict gamma2 /* [160] */,
    const float *restrict beta2 /* [160] */,
    const float *restrict stats2 /* [2,160] */,
    const float *restrict w /* [960,160,1,1] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* y (4096, 960) = f(x) (4096, 160) · wᵀ: tiles of 342 rows of f(x) computed into scratch, one sgemm each */
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
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
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
                    const float t1 = (t0 - stats2[c]) * q0[c] + beta2[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = x[r * 160 + c];
                    const float t4 = (t3 - stats[c]) * q2[c] + beta[c];
                    const float t5 = t4 * q3[r / 1024];
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
 * %733 = bn_train(%725, %730, %726, %727) : f32[4,32,32,160]  features.5.4.block.3.1
 * %734 = stochastic_depth(%733, %303) : f32[4,32,32,160]  features.5.4.stochastic_depth
 * %735 = add(%734, %687) : f32[4,32,32,160]  features.5.4
 * %781 = bn_train(%773, %778, %774, %775) : f32[4,32,32,160]  features.5.5.block.3.1
 * %782 = stochastic_depth(%781, %303) : f32[4,32,32,160]  features.5.5.stochastic_depth
 * %783 = add(%782, %735) : f32[4,32,32,160]  features.5.5
 * %829 = bn_train(%821, %826, %822, %823) : f32[4,32,32,160]  features.5.6.block.3.1
 * %830 = stochastic_depth(%829, %303) : f32[4,32,32,160]  features.5.6.stochastic_depth
 * %831 = add(%830, %783) : f32[4,32,32,160]  features.5.6
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %831 -> A + 232980480
 * in  %303 i32[1] <- io[8] (seed)
 * in  %687 f32[4,32,32,160] <- A + 230359040
 * in  %725 f32[4,32,32,160] <- A + 231014400
 * in  %726 f32[160] <- M + 3693896 (features.5.4.block.3.1.weight)
 * in  %727 f32[160] <- M + 3694056 (features.5.4.block.3.1.bias)
 * in  %730 f32[2,160] <- A + 243891456
 * in  %773 f32[4,32,32,160] <- A + 231669760
 * in  %774 f32[160] <- M + 4091696 (features.5.5.block.3.1.weight)
 * in  %775 f32[160] <- M + 4091856 (features.5.5.block.3.1.bias)
 * in  %778 f32[2,160] <- A + 243891776
 * in  %821 f32[4,32,32,160] <- A + 232325120
 * in  %822 f32[160] <- M + 4489496 (features.5.6.block.3.1.weight)
 * in  %823 f32[160] <- M + 4489656 (features.5.6.block.3.1.bias)
 * in  %826 f32[2,160] <- A + 243892096
 */
void k226_bn_train_stochastic_depth_add(
    float *restrict y /* [4,32,32,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,32,32,160] */,
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
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2,
    uint32_t salt3,
    float rate3) {
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
    float q5[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q5[n] = ba_uniform((uint32_t)seed[0], salt3, (uint32_t)n) >= rate3 ? 1.0f / (1.0f - rate3) : 0.0f;
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 160; c++) {
            const long i = r * 160 + c;
            const float t0 = x3[r * 160 + c];
            const float t1 = (t0 - stats3[c]) * q0[c] + beta3[c];
            const float t2 = t1 * q1[r / 1024];
            const float t3 = x2[r * 160 + c];
            const float t4 = (t3 - stats2[c]) * q2[c] + beta2[c];
            const float t5 = t4 * q3[r / 1024];
            const float t6 = x[r * 160 + c];
            const float t7 = (t6 - stats[c]) * q4[c] + beta[c];
            const float t8 = t7 * q5[r / 1024];
            const float t9 = b[r * 160 + c];
            const float t10 = t8 + t9;
            const float t11 = t5 + t10;
            const float t12 = t2 + t11;
            y[i] = t12;
        }
    }
}

/*
 * %973 = bn_train(%965, %970, %966, %967) : f32[4,16,16,256]  features.6.0.block.3.1
 * %1019 = bn_train(%1011, %1016, %1012, %1013) : f32[4,16,16,256]  features.6.1.block.3.1
 * %1020 = stochastic_depth(%1019, %303) : f32[4,16,16,256]  features.6.1.stochastic_depth
 * %1021 = add(%1020, %973) : f32[4,16,16,256]  features.6.1
 * %1023 = conv2d(%1021, %1022) : f32[4,16,16,1536]  features.6.2.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %1023 -> A + 157024256
 * in  %303 i32[1] <- io[8] (seed)
 * in  %965 f32[4,16,16,256] <- A + 113770496
 * in  %966 f32[256] <- M + 5775056 (features.6.0.block.3.1.weight)
 * in  %967 f32[256] <- M + 5775312 (features.6.0.block.3.1.bias)
 * in  %970 f32[2,256] <- A + 243882496
 * in  %1011 f32[4,16,16,256] <- A + 114032640
 * in  %1012 f32[256] <- M + 6780176 (features.6.1.block.3.1.weight)
 * in  %1013 f32[256] <- M + 6780432 (features.6.1.block.3.1.bias)
 * in  %1016 f32[2,256] <- A + 243883008
 * in  %1022 f32[1536,256,1,1] <- M + 6780688 (features.6.2.block.0.0.weight)
 */
void k227_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,16,16,1536] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict gamma2 /* [256] */,
    const float *restrict beta2 /* [256] */,
    const float *restrict stats2 /* [2,256] */,
    const float *restrict w /* [1536,256,1,1] */,
    uint32_t salt,
    float rate) {
    /* y (1024, 1536) = f(x) (1024, 256) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float q0[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q0[c] = gamma2[c] / sqrtf(stats2[256 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q2[c] = gamma[c] / sqrtf(stats[256 + c] + 0.001f);
    }
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
                    const float t0 = x2[r * 256 + c];
                    const float t1 = (t0 - stats2[c]) * q0[c] + beta2[c];
                    const float t2 = t1 * q1[r / 256];
                    const float t3 = x[r * 256 + c];
                    const float t4 = (t3 - stats[c]) * q2[c] + beta[c];
                    const float t5 = t2 + t4;
                    tile[(r - m0) * 256 + c] = t5;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1536, 256, 1.0f, tile, 256, w_f32, 0.0f, y + m0 * 1536, 1536);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %973 = bn_train(%965, %970, %966, %967) : f32[4,16,16,256]  features.6.0.block.3.1
 * %1019 = bn_train(%1011, %1016, %1012, %1013) : f32[4,16,16,256]  features.6.1.block.3.1
 * %1020 = stochastic_depth(%1019, %303) : f32[4,16,16,256]  features.6.1.stochastic_depth
 * %1021 = add(%1020, %973) : f32[4,16,16,256]  features.6.1
 * %1067 = bn_train(%1059, %1064, %1060, %1061) : f32[4,16,16,256]  features.6.2.block.3.1
 * %1068 = stochastic_depth(%1067, %303) : f32[4,16,16,256]  features.6.2.stochastic_depth
 * %1069 = add(%1068, %1021) : f32[4,16,16,256]  features.6.2
 * %1071 = conv2d(%1069, %1070) : f32[4,16,16,1536]  features.6.3.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %1071 -> A + 161742848
 * in  %303 i32[1] <- io[8] (seed)
 * in  %965 f32[4,16,16,256] <- A + 113770496
 * in  %966 f32[256] <- M + 5775056 (features.6.0.block.3.1.weight)
 * in  %967 f32[256] <- M + 5775312 (features.6.0.block.3.1.bias)
 * in  %970 f32[2,256] <- A + 243882496
 * in  %1011 f32[4,16,16,256] <- A + 114032640
 * in  %1012 f32[256] <- M + 6780176 (features.6.1.block.3.1.weight)
 * in  %1013 f32[256] <- M + 6780432 (features.6.1.block.3.1.bias)
 * in  %1016 f32[2,256] <- A + 243883008
 * in  %1059 f32[4,16,16,256] <- A + 114294784
 * in  %1060 f32[256] <- M + 7785296 (features.6.2.block.3.1.weight)
 * in  %1061 f32[256] <- M + 7785552 (features.6.2.block.3.1.bias)
 * in  %1064 f32[2,256] <- A + 243883520
 * in  %1070 f32[1536,256,1,1] <- M + 7785808 (features.6.3.block.0.0.weight)
 */
void k228_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,16,16,1536] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict gamma2 /* [256] */,
    const float *restrict beta2 /* [256] */,
    const float *restrict stats2 /* [2,256] */,
    const float *restrict x3 /* [4,16,16,256] */,
    const float *restrict gamma3 /* [256] */,
    const float *restrict beta3 /* [256] */,
    const float *restrict stats3 /* [2,256] */,
    const float *restrict w /* [1536,256,1,1] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* y (1024, 1536) = f(x) (1024, 256) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float q0[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q0[c] = gamma3[c] / sqrtf(stats3[256 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q2[c] = gamma2[c] / sqrtf(stats2[256 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float q4[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q4[c] = gamma[c] / sqrtf(stats[256 + c] + 0.001f);
    }
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
                    const float t0 = x3[r * 256 + c];
                    const float t1 = (t0 - stats3[c]) * q0[c] + beta3[c];
                    const float t2 = t1 * q1[r / 256];
                    const float t3 = x2[r * 256 + c];
                    const float t4 = (t3 - stats2[c]) * q2[c] + beta2[c];
                    const float t5 = t4 * q3[r / 256];
                    const float t6 = x[r * 256 + c];
                    const float t7 = (t6 - stats[c]) * q4[c] + beta[c];
                    const float t8 = t5 + t7;
                    const float t9 = t2 + t8;
                    tile[(r - m0) * 256 + c] = t9;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1536, 256, 1.0f, tile, 256, w_f32, 0.0f, y + m0 * 1536, 1536);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %973 = bn_train(%965, %970, %966, %967) : f32[4,16,16,256]  features.6.0.block.3.1
 * %1019 = bn_train(%1011, %1016, %1012, %1013) : f32[4,16,16,256]  features.6.1.block.3.1
 * %1020 = stochastic_depth(%1019, %303) : f32[4,16,16,256]  features.6.1.stochastic_depth
 * %1021 = add(%1020, %973) : f32[4,16,16,256]  features.6.1
 * %1067 = bn_train(%1059, %1064, %1060, %1061) : f32[4,16,16,256]  features.6.2.block.3.1
 * %1068 = stochastic_depth(%1067, %303) : f32[4,16,16,256]  features.6.2.stochastic_depth
 * %1069 = add(%1068, %1021) : f32[4,16,16,256]  features.6.2
 * %1115 = bn_train(%1107, %1112, %1108, %1109) : f32[4,16,16,256]  features.6.3.block.3.1
 * %1116 = stochastic_depth(%1115, %303) : f32[4,16,16,256]  features.6.3.stochastic_depth
 * %1117 = add(%1116, %1069) : f32[4,16,16,256]  features.6.3
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * 1 values written, 17 read (flat over the state blocks)
 */
void k229_bn_train_stochastic_depth_add(
    float *restrict y /* [4,16,16,256] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict gamma2 /* [256] */,
    const float *restrict beta2 /* [256] */,
    const float *restrict stats2 /* [2,256] */,
    const float *restrict x3 /* [4,16,16,256] */,
    const float *restrict gamma3 /* [256] */,
    const float *restrict beta3 /* [256] */,
    const float *restrict stats3 /* [2,256] */,
    const float *restrict x4 /* [4,16,16,256] */,
    const float *restrict gamma4 /* [256] */,
    const float *restrict beta4 /* [256] */,
    const float *restrict stats4 /* [2,256] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2,
    uint32_t salt3,
    float rate3) {
    float q0[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q0[c] = gamma4[c] / sqrtf(stats4[256 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q2[c] = gamma3[c] / sqrtf(stats3[256 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float q4[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q4[c] = gamma2[c] / sqrtf(stats2[256 + c] + 0.001f);
    }
    float q5[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q5[n] = ba_uniform((uint32_t)seed[0], salt3, (uint32_t)n) >= rate3 ? 1.0f / (1.0f - rate3) : 0.0f;
    float q6[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q6[c] = gamma[c] / sqrtf(stats[256 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 256; c++) {
            const long i = r * 256 + c;
            const float t0 = x4[r * 256 + c];
            const float t1 = (t0 - stats4[c]) * q0[c] + beta4[c];
            const float t2 = t1 * q1[r / 256];
            const float t3 = x3[r * 256 + c];
            const float t4 = (t3 - stats3[c]) * q2[c] + beta3[c];
            const float t5 = t4 * q3[r / 256];
            const float t6 = x2[r * 256 + c];
            const float t7 = (t6 - stats2[c]) * q4[c] + beta2[c];
            const float t8 = t7 * q5[r / 256];
            const float t9 = x[r * 256 + c];
            const float t10 = (t9 - stats[c]) * q6[c] + beta[c];
            const float t11 = t8 + t10;
            const float t12 = t5 + t11;
            const float t13 = t2 + t12;
            y[i] = t13;
        }
    }
}

/*
 * %973 = bn_train(%965, %970, %966, %967) : f32[4,16,16,256]  features.6.0.block.3.1
 * %1019 = bn_train(%1011, %1016, %1012, %1013) : f32[4,16,16,256]  features.6.1.block.3.1
 * %1020 = stochastic_depth(%1019, %303) : f32[4,16,16,256]  features.6.1.stochastic_depth
 * %1021 = add(%1020, %973) : f32[4,16,16,256]  features.6.1
 * %1067 = bn_train(%1059, %1064, %1060, %1061) : f32[4,16,16,256]  features.6.2.block.3.1
 * %1068 = stochastic_depth(%1067, %303) : f32[4,16,16,256]  features.6.2.stochastic_depth
 * %1069 = add(%1068, %1021) : f32[4,16,16,256]  features.6.2
 * %2369 = conv2d_bwd_weight(%2363, %1069) : f32[1536,256,1,1]  features.6.3.block.0.0
 * %3697 = add(%3696, %2369) : f32[1536,256,1,1]  features.6.3.block.0.0.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3697 -> G + 7785808
 * in  %303 i32[1] <- io[8] (seed)
 * in  %965 f32[4,16,16,256] <- A + 113770496
 * in  %966 f32[256] <- M + 5775056 (features.6.0.block.3.1.weight)
 * in  %967 f32[256] <- M + 5775312 (features.6.0.block.3.1.bias)
 * in  %970 f32[2,256] <- A + 243882496
 * in  %1011 f32[4,16,16,256] <- A + 114032640
 * in  %1012 f32[256] <- M + 6780176 (features.6.1.block.3.1.weight)
 * in  %1013 f32[256] <- M + 6780432 (features.6.1.block.3.1.bias)
 * in  %1016 f32[2,256] <- A + 243883008
 * in  %1059 f32[4,16,16,256] <- A + 114294784
 * in  %1060 f32[256] <- M + 7785296 (features.6.2.block.3.1.weight)
 * in  %1061 f32[256] <- M + 7785552 (features.6.2.block.3.1.bias)
 * in  %1064 f32[2,256] <- A + 243883520
 * in  %2363 f32[4,16,16,1536] <- A + 163315712
 * in  %3696 f32[1536,256,1,1] <- G + 7785808 (features.6.3.block.0.0.weight)
 */
void k228b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [1536,256,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict gamma2 /* [256] */,
    const float *restrict beta2 /* [256] */,
    const float *restrict stats2 /* [2,256] */,
    const float *restrict x3 /* [4,16,16,256] */,
    const float *restrict gamma3 /* [256] */,
    const float *restrict beta3 /* [256] */,
    const float *restrict stats3 /* [2,256] */,
    const float *restrict dy /* [4,16,16,1536] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* dw (1536, 256) += dyᵀ (1536, 1024) · f(x) (1024, 256), f(x) recomputed in tiles of 256 rows */
    float q0[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q0[c] = gamma3[c] / sqrtf(stats3[256 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q2[c] = gamma2[c] / sqrtf(stats2[256 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float q4[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q4[c] = gamma[c] / sqrtf(stats[256 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 393216);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 393216;
        float *restrict tile = malloc(sizeof(float) * 65536);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 256; c++) {
                    const float t0 = x3[r * 256 + c];
                    const float t1 = (t0 - stats3[c]) * q0[c] + beta3[c];
                    const float t2 = t1 * q1[r / 256];
                    const float t3 = x2[r * 256 + c];
                    const float t4 = (t3 - stats2[c]) * q2[c] + beta2[c];
                    const float t5 = t4 * q3[r / 256];
                    const float t6 = x[r * 256 + c];
                    const float t7 = (t6 - stats[c]) * q4[c] + beta[c];
                    const float t8 = t5 + t7;
                    const float t9 = t2 + t8;
                    tile[(r - m0) * 256 + c] = t9;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 1536, 256, rows, 1.0f, dy + m0 * 1536, 1536, tile, 256, first ? 0.0f : 1.0f, mine, 256);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 393216);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 393216; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 393216 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %973 = bn_train(%965, %970, %966, %967) : f32[4,16,16,256]  features.6.0.block.3.1
 * %1019 = bn_train(%1011, %1016, %1012, %1013) : f32[4,16,16,256]  features.6.1.block.3.1
 * %1020 = stochastic_depth(%1019, %303) : f32[4,16,16,256]  features.6.1.stochastic_depth
 * %1021 = add(%1020, %973) : f32[4,16,16,256]  features.6.1
 * %2417 = conv2d_bwd_weight(%2411, %1021) : f32[1536,256,1,1]  features.6.2.block.0.0
 * %3671 = add(%3670, %2417) : f32[1536,256,1,1]  features.6.2.block.0.0.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3671 -> G + 6780688
 * in  %303 i32[1] <- io[8] (seed)
 * in  %965 f32[4,16,16,256] <- A + 113770496
 * in  %966 f32[256] <- M + 5775056 (features.6.0.block.3.1.weight)
 * in  %967 f32[256] <- M + 5775312 (features.6.0.block.3.1.bias)
 * in  %970 f32[2,256] <- A + 243882496
 * in  %1011 f32[4,16,16,256] <- A + 114032640
 * in  %1012 f32[256] <- M + 6780176 (features.6.1.block.3.1.weight)
 * in  %1013 f32[256] <- M + 6780432 (features.6.1.block.3.1.bias)
 * in  %1016 f32[2,256] <- A + 243883008
 * in  %2411 f32[4,16,16,1536] <- A + 158597120
 * in  %3670 f32[1536,256,1,1] <- G + 6780688 (features.6.2.block.0.0.weight)
 */
void k227b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [1536,256,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict gamma2 /* [256] */,
    const float *restrict beta2 /* [256] */,
    const float *restrict stats2 /* [2,256] */,
    const float *restrict dy /* [4,16,16,1536] */,
    uint32_t salt,
    float rate) {
    /* dw (1536, 256) += dyᵀ (1536, 1024) · f(x) (1024, 256), f(x) recomputed in tiles of 256 rows */
    float q0[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q0[c] = gamma2[c] / sqrtf(stats2[256 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q2[c] = gamma[c] / sqrtf(stats[256 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 393216);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 393216;
        float *restrict tile = malloc(sizeof(float) * 65536);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 256; c++) {
                    const float t0 = x2[r * 256 + c];
                    const float t1 = (t0 - stats2[c]) * q0[c] + beta2[c];
                    const float t2 = t1 * q1[r / 256];
                    const float t3 = x[r * 256 + c];
                    const float t4 = (t3 - stats[c]) * q2[c] + beta[c];
                    const float t5 = t2 + t4;
                    tile[(r - m0) * 256 + c] = t5;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 1536, 256, rows, 1.0f, dy + m0 * 1536, 1536, tile, 256, first ? 0.0f : 1.0f, mine, 256);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 393216);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 393216; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 393216 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %2511 = conv2d_bwd_input(%2506, %928) : f32[4,32,32,160]  features.6.0.block.0.0
 * 18 call sites share this function; the nodes and locations above are the first one's.
 * out %2511 -> A + 226754560
 * in  %2506 f32[4,32,32,960] <- A + 106692608
 * in  %928 f32[960,160,1,1] <- M + 5285416 (features.6.0.block.0.0.weight)
 */
void k225b_conv1x1_bwd_input(
    float *restrict dx /* [4,32,32,160] */,
    const float *restrict dy /* [4,32,32,960] */,
    const float *restrict w /* [960,160,1,1] */) {
    /* dx of x (4,32,32,160) w (960,160,1,1) y (4,32,32,960) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    /* the weight packed once; tiles of 264 rows in parallel */
    float *w_f32 = breastai_gemm_f32_pack(CblasNoTrans, 160, 960, w, 160);  /* packed once for every tile */
    #pragma omp parallel for schedule(static)
    for (long t = 0; t < 16; t++) {
        const long m0 = t * 264, rows = m0 + 264 <= 4096 ? 264 : 4096 - m0;
        breastai_gemm_f32_packed(CblasNoTrans, rows, 160, 960, 1.0f, dy + m0 * 960, 960, w_f32, 0.0f, dx + m0 * 160, 160);
    }
    free(w_f32);
}

/*
 * %877 = bn_train(%869, %874, %870, %871) : f32[4,32,32,160]  features.5.7.block.3.1
 * %878 = stochastic_depth(%877, %303) : f32[4,32,32,160]  features.5.7.stochastic_depth
 * %879 = add(%878, %831) : f32[4,32,32,160]  features.5.7
 * %925 = bn_train(%917, %922, %918, %919) : f32[4,32,32,160]  features.5.8.block.3.1
 * %926 = stochastic_depth(%925, %303) : f32[4,32,32,160]  features.5.8.stochastic_depth
 * %927 = add(%926, %879) : f32[4,32,32,160]  features.5.8
 * %2512 = conv2d_bwd_weight(%2506, %927) : f32[960,160,1,1]  features.6.0.block.0.0
 * %3619 = add(%3618, %2512) : f32[960,160,1,1]  features.6.0.block.0.0.weight
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %3619 -> G + 5285416
 * in  %303 i32[1] <- io[8] (seed)
 * in  %831 f32[4,32,32,160] <- A + 232980480
 * in  %869 f32[4,32,32,160] <- A + 233635840
 * in  %870 f32[160] <- M + 4887296 (features.5.7.block.3.1.weight)
 * in  %871 f32[160] <- M + 4887456 (features.5.7.block.3.1.bias)
 * in  %874 f32[2,160] <- A + 243892416
 * in  %917 f32[4,32,32,160] <- A + 234291200
 * in  %918 f32[160] <- M + 5285096 (features.5.8.block.3.1.weight)
 * in  %919 f32[160] <- M + 5285256 (features.5.8.block.3.1.bias)
 * in  %922 f32[2,160] <- A + 243892736
 * in  %2506 f32[4,32,32,960] <- A + 106692608
 * in  %3618 f32[960,160,1,1] <- G + 5285416 (features.6.0.block.0.0.weight)
 */
void k225b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [960,160,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,32,32,160] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict beta /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict gamma2 /* [160] */,
    const float *restrict beta2 /* [160] */,
    const float *restrict stats2 /* [2,160] */,
    const float *restrict dy /* [4,32,32,960] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* dw (960, 160) += dyᵀ (960, 4096) · f(x) (4096, 160), f(x) recomputed in tiles of 342 rows */
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
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
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
                    const float t0 = x2[r * 160 + c];
                    const float t1 = (t0 - stats2[c]) * q0[c] + beta2[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = x[r * 160 + c];
                    const float t4 = (t3 - stats[c]) * q2[c] + beta[c];
                    const float t5 = t4 * q3[r / 1024];
                    const float t6 = b[r * 160 + c];
                    const float t7 = t5 + t6;
                    const float t8 = t2 + t7;
                    tile[(r - m0) * 160 + c] = t8;
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

/*
 * %900 = bn_train(%892, %897, %893, %894) : f32[4,32,32,960]  features.5.8.block.1.1
 * %901 = silu(%900) : f32[4,32,32,960]  features.5.8.block.1.2
 * %2523 = mul(%2520, %901) : f32[4,32,32,960]  features.5.8.block.2
 * %2524 = reduce_sum(%2523) : f32[4,1,1,960]  features.5.8.block.2
 * 16 call sites share this function; the nodes and locations above are the first one's.
 * out %2524 -> A + 243322880
 * in  %892 f32[4,32,32,960] <- A + 98828288
 * in  %893 f32[960] <- M + 5051776 (features.5.8.block.1.1.weight)
 * in  %894 f32[960] <- M + 5052736 (features.5.8.block.1.1.bias)
 * in  %897 f32[2,960] <- A + 243857280
 * in  %2520 f32[4,32,32,960] <- A + 102760448
 */
void k230_bn_train_silu_mul_reduce_sum(
    float *restrict y /* [4,1,1,960] */,
    const float *restrict x /* [4,32,32,960] */,
    const float *restrict gamma /* [960] */,
    const float *restrict beta /* [960] */,
    const float *restrict stats /* [2,960] */,
    const float *restrict a /* [4,32,32,960] */) {
    /* sum over axes [1, 2] of [4, 32, 32, 960]: (4, 1024, 960) -> (4, 960) */
    float q0[960];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 960; c++) {
        q0[c] = gamma[c] / sqrtf(stats[960 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[960];
        for (long q = 0; q < 960; q++) acc[q] = 0.0;
        for (long j = 0; j < 1024; j++) {
            for (long q = 0; q < 960; q++) {
                const long r = o * 1024 + j;
                const long c = q;
                const float t0 = a[r * 960 + c];
                const float t1 = x[r * 960 + c];
                const float t2 = (t1 - stats[c]) * q0[c] + beta[c];
                const float t3 = t2 * ba_sigmoid(t2);
                const float t4 = t0 * t3;
                acc[q] += t4;
            }
        }
        for (long q = 0; q < 960; q++) y[o * 960 + q] = (float)(acc[q]);
    }
}

/*
 * %900 = bn_train(%892, %897, %893, %894) : f32[4,32,32,960]  features.5.8.block.1.1
 * %2522 = mul(%2520, %914) : f32[4,32,32,960]  features.5.8.block.2
 * %2539 = expand(%2538) : f32[4,32,32,960]  features.5.8.block.2.avgpool
 * %2540 = scale(%2539) : f32[4,32,32,960]  features.5.8.block.2.avgpool
 * %2541 = add_n(%2522, %2540) : f32[4,32,32,960]  features.5.8.block.1.2
 * %2542 = silu_bwd(%2541, %900) : f32[4,32,32,960]  features.5.8.block.1.2
 * %2543 = bn_bwd_reduce(%2542, %892, %897) : f32[2,960]  features.5.8.block.1.1
 * 16 call sites share this function; the nodes and locations above are the first one's.
 * out %2543 -> A + 243676928
 * in  %892 f32[4,32,32,960] <- A + 98828288
 * in  %893 f32[960] <- M + 5051776 (features.5.8.block.1.1.weight)
 * in  %894 f32[960] <- M + 5052736 (features.5.8.block.1.1.bias)
 * in  %897 f32[2,960] <- A + 243857280
 * in  %914 f32[4,1,1,960] <- A + 243684608
 * in  %2520 f32[4,32,32,960] <- A + 102760448
 * in  %2538 f32[4,1,1,960] <- A + 243680768
 */
void k231_bn_train_mul_expand_scale_bn_bwd_reduce(
    float *restrict dstats /* [2,960] */,
    const float *restrict x /* [4,32,32,960] */,
    const float *restrict gamma /* [960] */,
    const float *restrict beta /* [960] */,
    const float *restrict stats /* [2,960] */,
    const float *restrict scale /* [4,1,1,960] */,
    const float *restrict x2 /* [4,32,32,960] */,
    const float *restrict x3 /* [4,1,1,960] */) {
    float q0[960];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 960; c++) {
        q0[c] = gamma[c] / sqrtf(stats[960 + c] + 0.001f);
    }
    float q1[960];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 960; c++) {
        q1[c] = 1.0f / sqrtf(stats[960 + c] + 0.001f);
    }
    enum { C = 960, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 960 + c];
                const float t1 = scale[(r / 1024) * 960 + c];
                const float t2 = t0 * t1;
                const float t3 = x3[(r / 1024) * 960 + c];
                const float t4 = t3;
                const float t5 = 0.0009765625f * t4;
                const float t6 = t2 + t5;
                const float t7 = x[r * 960 + c];
                const float t8 = (t7 - stats[c]) * q0[c] + beta[c];
                const float t9s = ba_sigmoid(t8);
                const float t9 = t6 * (t9s * (1.0f + t8 * (1.0f - t9s)));
                const float xh = (t7 - stats[c]) * q1[c];
                p0[c] += t9;
                p1[c] += t9 * xh;
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
 * %900 = bn_train(%892, %897, %893, %894) : f32[4,32,32,960]  features.5.8.block.1.1
 * %2522 = mul(%2520, %914) : f32[4,32,32,960]  features.5.8.block.2
 * %2539 = expand(%2538) : f32[4,32,32,960]  features.5.8.block.2.avgpool
 * %2540 = scale(%2539) : f32[4,32,32,960]  features.5.8.block.2.avgpool
 * %2541 = add_n(%2522, %2540) : f32[4,32,32,960]  features.5.8.block.1.2
 * %2542 = silu_bwd(%2541, %900) : f32[4,32,32,960]  features.5.8.block.1.2
 * %2544 = bn_bwd_input(%2542, %892, %897, %893, %2543) : f32[4,32,32,960]  features.5.8.block.1.1
 * 16 call sites share this function; the nodes and locations above are the first one's.
 * out %2544 -> A + 106692608
 * in  %892 f32[4,32,32,960] <- A + 98828288
 * in  %893 f32[960] <- M + 5051776 (features.5.8.block.1.1.weight)
 * in  %894 f32[960] <- M + 5052736 (features.5.8.block.1.1.bias)
 * in  %897 f32[2,960] <- A + 243857280
 * in  %914 f32[4,1,1,960] <- A + 243684608
 * in  %2520 f32[4,32,32,960] <- A + 102760448
 * in  %2538 f32[4,1,1,960] <- A + 243680768
 * in  %2543 f32[2,960] <- A + 243676928
 */
void k232_bn_train_mul_expand_scale(
    float *restrict dx /* [4,32,32,960] */,
    const float *restrict x /* [4,32,32,960] */,
    const float *restrict gamma /* [960] */,
    const float *restrict beta /* [960] */,
    const float *restrict stats /* [2,960] */,
    const float *restrict scale /* [4,1,1,960] */,
    const float *restrict x2 /* [4,32,32,960] */,
    const float *restrict x3 /* [4,1,1,960] */,
    const float *restrict dstats /* [2,960] */) {
    float q0[960];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 960; c++) {
        q0[c] = gamma[c] / sqrtf(stats[960 + c] + 0.001f);
    }
    float q1[960], q2[960], q3[960];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 960; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[960 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[960 + c] / 4096.0f * (1.0f / sqrtf(stats[960 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 960; c++) {
            const long i = r * 960 + c;
            const float t0 = x2[r * 960 + c];
            const float t1 = scale[(r / 1024) * 960 + c];
            const float t2 = t0 * t1;
            const float t3 = x3[(r / 1024) * 960 + c];
            const float t4 = t3;
            const float t5 = 0.0009765625f * t4;
            const float t6 = t2 + t5;
            const float t7 = x[r * 960 + c];
            const float t8 = (t7 - stats[c]) * q0[c] + beta[c];
            const float t9s = ba_sigmoid(t8);
            const float t9 = t6 * (t9s * (1.0f + t8 * (1.0f - t9s)));
            const float t10 = q1[c] * (t9 - q2[c] - (t7 - stats[c]) * q3[c]);
            dx[i] = t10;
        }
    }
}

/*
 * %877 = bn_train(%869, %874, %870, %871) : f32[4,32,32,160]  features.5.7.block.3.1
 * %878 = stochastic_depth(%877, %303) : f32[4,32,32,160]  features.5.7.stochastic_depth
 * %879 = add(%878, %831) : f32[4,32,32,160]  features.5.7
 * %2559 = conv2d_bwd_weight(%2553, %879) : f32[960,160,1,1]  features.5.8.block.0.0
 * %3593 = add(%3592, %2559) : f32[960,160,1,1]  features.5.8.block.0.0.weight
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %3593 -> G + 4887616
 * in  %303 i32[1] <- io[8] (seed)
 * in  %831 f32[4,32,32,160] <- A + 232980480
 * in  %869 f32[4,32,32,160] <- A + 233635840
 * in  %870 f32[160] <- M + 4887296 (features.5.7.block.3.1.weight)
 * in  %871 f32[160] <- M + 4887456 (features.5.7.block.3.1.bias)
 * in  %874 f32[2,160] <- A + 243892416
 * in  %2553 f32[4,32,32,960] <- A + 94896128
 * in  %3592 f32[960,160,1,1] <- G + 4887616 (features.5.8.block.0.0.weight)
 */
void k224b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [960,160,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,32,32,160] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict beta /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict dy /* [4,32,32,960] */,
    uint32_t salt,
    float rate) {
    /* dw (960, 160) += dyᵀ (960, 4096) · f(x) (4096, 160), f(x) recomputed in tiles of 342 rows */
    float q0[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q0[c] = gamma[c] / sqrtf(stats[160 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
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
                    const float t0 = x[r * 160 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = b[r * 160 + c];
                    const float t4 = t2 + t3;
                    tile[(r - m0) * 160 + c] = t4;
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

/*
 * %518 = bn_train(%510, %515, %511, %512) : f32[4,32,32,768]  features.5.0.block.1.1
 * %519 = silu(%518) : f32[4,32,32,768]  features.5.0.block.1.2
 * %2906 = mul(%2903, %519) : f32[4,32,32,768]  features.5.0.block.2
 * %2907 = reduce_sum(%2906) : f32[4,1,1,768]  features.5.0.block.2
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2907 -> A + 242913280
 * in  %510 f32[4,32,32,768] <- A + 120848384
 * in  %511 f32[768] <- M + 1928328 (features.5.0.block.1.1.weight)
 * in  %512 f32[768] <- M + 1929096 (features.5.0.block.1.1.bias)
 * in  %515 f32[2,768] <- A + 243864576
 * in  %2903 f32[4,32,32,768] <- A + 8388608
 */
void k233_bn_train_silu_mul_reduce_sum(
    float *restrict y /* [4,1,1,768] */,
    const float *restrict x /* [4,32,32,768] */,
    const float *restrict gamma /* [768] */,
    const float *restrict beta /* [768] */,
    const float *restrict stats /* [2,768] */,
    const float *restrict a /* [4,32,32,768] */) {
    /* sum over axes [1, 2] of [4, 32, 32, 768]: (4, 1024, 768) -> (4, 768) */
    float q0[768];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 768; c++) {
        q0[c] = gamma[c] / sqrtf(stats[768 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[768];
        for (long q = 0; q < 768; q++) acc[q] = 0.0;
        for (long j = 0; j < 1024; j++) {
            for (long q = 0; q < 768; q++) {
                const long r = o * 1024 + j;
                const long c = q;
                const float t0 = a[r * 768 + c];
                const float t1 = x[r * 768 + c];
                const float t2 = (t1 - stats[c]) * q0[c] + beta[c];
                const float t3 = t2 * ba_sigmoid(t2);
                const float t4 = t0 * t3;
                acc[q] += t4;
            }
        }
        for (long q = 0; q < 768; q++) y[o * 768 + q] = (float)(acc[q]);
    }
}

/*
 * %518 = bn_train(%510, %515, %511, %512) : f32[4,32,32,768]  features.5.0.block.1.1
 * %2905 = mul(%2903, %532) : f32[4,32,32,768]  features.5.0.block.2
 * %2922 = expand(%2921) : f32[4,32,32,768]  features.5.0.block.2.avgpool
 * %2923 = scale(%2922) : f32[4,32,32,768]  features.5.0.block.2.avgpool
 * %2924 = add_n(%2905, %2923) : f32[4,32,32,768]  features.5.0.block.1.2
 * %2925 = silu_bwd(%2924, %518) : f32[4,32,32,768]  features.5.0.block.1.2
 * %2926 = bn_bwd_reduce(%2925, %510, %515) : f32[2,768]  features.5.0.block.1.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2926 -> A + 243828480
 * in  %510 f32[4,32,32,768] <- A + 120848384
 * in  %511 f32[768] <- M + 1928328 (features.5.0.block.1.1.weight)
 * in  %512 f32[768] <- M + 1929096 (features.5.0.block.1.1.bias)
 * in  %515 f32[2,768] <- A + 243864576
 * in  %532 f32[4,1,1,768] <- A + 243706112
 * in  %2903 f32[4,32,32,768] <- A + 8388608
 * in  %2921 f32[4,1,1,768] <- A + 243703040
 */
void k234_bn_train_mul_expand_scale_bn_bwd_reduce(
    float *restrict dstats /* [2,768] */,
    const float *restrict x /* [4,32,32,768] */,
    const float *restrict gamma /* [768] */,
    const float *restrict beta /* [768] */,
    const float *restrict stats /* [2,768] */,
    const float *restrict scale /* [4,1,1,768] */,
    const float *restrict x2 /* [4,32,32,768] */,
    const float *restrict x3 /* [4,1,1,768] */) {
    float q0[768];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 768; c++) {
        q0[c] = gamma[c] / sqrtf(stats[768 + c] + 0.001f);
    }
    float q1[768];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 768; c++) {
        q1[c] = 1.0f / sqrtf(stats[768 + c] + 0.001f);
    }
    enum { C = 768, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 768 + c];
                const float t1 = scale[(r / 1024) * 768 + c];
                const float t2 = t0 * t1;
                const float t3 = x3[(r / 1024) * 768 + c];
                const float t4 = t3;
                const float t5 = 0.0009765625f * t4;
                const float t6 = t2 + t5;
                const float t7 = x[r * 768 + c];
                const float t8 = (t7 - stats[c]) * q0[c] + beta[c];
                const float t9s = ba_sigmoid(t8);
                const float t9 = t6 * (t9s * (1.0f + t8 * (1.0f - t9s)));
                const float xh = (t7 - stats[c]) * q1[c];
                p0[c] += t9;
                p1[c] += t9 * xh;
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
 * %518 = bn_train(%510, %515, %511, %512) : f32[4,32,32,768]  features.5.0.block.1.1
 * %2905 = mul(%2903, %532) : f32[4,32,32,768]  features.5.0.block.2
 * %2922 = expand(%2921) : f32[4,32,32,768]  features.5.0.block.2.avgpool
 * %2923 = scale(%2922) : f32[4,32,32,768]  features.5.0.block.2.avgpool
 * %2924 = add_n(%2905, %2923) : f32[4,32,32,768]  features.5.0.block.1.2
 * %2925 = silu_bwd(%2924, %518) : f32[4,32,32,768]  features.5.0.block.1.2
 * %2927 = bn_bwd_input(%2925, %510, %515, %511, %2926) : f32[4,32,32,768]  features.5.0.block.1.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2927 -> A + 11534336
 * in  %510 f32[4,32,32,768] <- A + 120848384
 * in  %511 f32[768] <- M + 1928328 (features.5.0.block.1.1.weight)
 * in  %512 f32[768] <- M + 1929096 (features.5.0.block.1.1.bias)
 * in  %515 f32[2,768] <- A + 243864576
 * in  %532 f32[4,1,1,768] <- A + 243706112
 * in  %2903 f32[4,32,32,768] <- A + 8388608
 * in  %2921 f32[4,1,1,768] <- A + 243703040
 * in  %2926 f32[2,768] <- A + 243828480
 */
void k235_bn_train_mul_expand_scale(
    float *restrict dx /* [4,32,32,768] */,
    const float *restrict x /* [4,32,32,768] */,
    const float *restrict gamma /* [768] */,
    const float *restrict beta /* [768] */,
    const float *restrict stats /* [2,768] */,
    const float *restrict scale /* [4,1,1,768] */,
    const float *restrict x2 /* [4,32,32,768] */,
    const float *restrict x3 /* [4,1,1,768] */,
    const float *restrict dstats /* [2,768] */) {
    float q0[768];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 768; c++) {
        q0[c] = gamma[c] / sqrtf(stats[768 + c] + 0.001f);
    }
    float q1[768], q2[768], q3[768];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 768; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[768 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[768 + c] / 4096.0f * (1.0f / sqrtf(stats[768 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 768; c++) {
            const long i = r * 768 + c;
            const float t0 = x2[r * 768 + c];
            const float t1 = scale[(r / 1024) * 768 + c];
            const float t2 = t0 * t1;
            const float t3 = x3[(r / 1024) * 768 + c];
            const float t4 = t3;
            const float t5 = 0.0009765625f * t4;
            const float t6 = t2 + t5;
            const float t7 = x[r * 768 + c];
            const float t8 = (t7 - stats[c]) * q0[c] + beta[c];
            const float t9s = ba_sigmoid(t8);
            const float t9 = t6 * (t9s * (1.0f + t8 * (1.0f - t9s)));
            const float t10 = q1[c] * (t9 - q2[c] - (t7 - stats[c]) * q3[c]);
            dx[i] = t10;
        }
    }
}

/*
 * %2928 = slice(%2926) : f32[1,768]  features.5.0.block.1.1
 * %2929 = reshape(%2928) : f32[768]  features.5.0.block.1.1
 * %3393 = add(%3392, %2929) : f32[768]  features.5.0.block.1.1.weight
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %3393 -> G + 1928328
 * in  %2926 f32[2,768] <- A + 243828480
 * in  %3392 f32[768] <- G + 1928328 (features.5.0.block.1.1.weight)
 */
void k236_slice_acc(float *restrict grad /* [768] */, const float *restrict x /* [2,768] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 768; j++) grad[o * 768 + j] += x[o * 1536 + 768 + j];
}

/*
 * %2930 = slice(%2926) : f32[1,768]  features.5.0.block.1.1
 * %2931 = reshape(%2930) : f32[768]  features.5.0.block.1.1
 * %3395 = add(%3394, %2931) : f32[768]  features.5.0.block.1.1.bias
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %3395 -> G + 1929096
 * in  %2926 f32[2,768] <- A + 243828480
 * in  %3394 f32[768] <- G + 1929096 (features.5.0.block.1.1.bias)
 */
void k237_slice_acc(float *restrict grad /* [768] */, const float *restrict x /* [2,768] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 768; j++) grad[o * 768 + j] += x[o * 1536 + 0 + j];
}

/*
 * %470 = bn_train(%462, %467, %463, %464) : f32[4,32,32,512]  features.4.5.block.1.1
 * %471 = silu(%470) : f32[4,32,32,512]  features.4.5.block.1.2
 * %2953 = mul(%2950, %471) : f32[4,32,32,512]  features.4.5.block.2
 * %2954 = reduce_sum(%2953) : f32[4,1,1,512]  features.4.5.block.2
 * 10 call sites share this function; the nodes and locations above are the first one's.
 * out %2954 -> A + 242913280
 * in  %462 f32[4,32,32,512] <- A + 153354240
 * in  %463 f32[512] <- M + 1721448 (features.4.5.block.1.1.weight)
 * in  %464 f32[512] <- M + 1721960 (features.4.5.block.1.1.bias)
 * in  %467 f32[2,512] <- A + 243878400
 * in  %2950 f32[4,32,32,512] <- A + 8388608
 */
void k238_bn_train_silu_mul_reduce_sum(
    float *restrict y /* [4,1,1,512] */,
    const float *restrict x /* [4,32,32,512] */,
    const float *restrict gamma /* [512] */,
    const float *restrict beta /* [512] */,
    const float *restrict stats /* [2,512] */,
    const float *restrict a /* [4,32,32,512] */) {
    /* sum over axes [1, 2] of [4, 32, 32, 512]: (4, 1024, 512) -> (4, 512) */
    float q0[512];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q0[c] = gamma[c] / sqrtf(stats[512 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[512];
        for (long q = 0; q < 512; q++) acc[q] = 0.0;
        for (long j = 0; j < 1024; j++) {
            for (long q = 0; q < 512; q++) {
                const long r = o * 1024 + j;
                const long c = q;
                const float t0 = a[r * 512 + c];
                const float t1 = x[r * 512 + c];
                const float t2 = (t1 - stats[c]) * q0[c] + beta[c];
                const float t3 = t2 * ba_sigmoid(t2);
                const float t4 = t0 * t3;
                acc[q] += t4;
            }
        }
        for (long q = 0; q < 512; q++) y[o * 512 + q] = (float)(acc[q]);
    }
}

/*
 * %470 = bn_train(%462, %467, %463, %464) : f32[4,32,32,512]  features.4.5.block.1.1
 * %2952 = mul(%2950, %484) : f32[4,32,32,512]  features.4.5.block.2
 * %2969 = expand(%2968) : f32[4,32,32,512]  features.4.5.block.2.avgpool
 * %2970 = scale(%2969) : f32[4,32,32,512]  features.4.5.block.2.avgpool
 * %2971 = add_n(%2952, %2970) : f32[4,32,32,512]  features.4.5.block.1.2
 * %2972 = silu_bwd(%2971, %470) : f32[4,32,32,512]  features.4.5.block.1.2
 * %2973 = bn_bwd_reduce(%2972, %462, %467) : f32[2,512]  features.4.5.block.1.1
 * 10 call sites share this function; the nodes and locations above are the first one's.
 * out %2973 -> A + 243822336
 * in  %462 f32[4,32,32,512] <- A + 153354240
 * in  %463 f32[512] <- M + 1721448 (features.4.5.block.1.1.weight)
 * in  %464 f32[512] <- M + 1721960 (features.4.5.block.1.1.bias)
 * in  %467 f32[2,512] <- A + 243878400
 * in  %484 f32[4,1,1,512] <- A + 243826432
 * in  %2950 f32[4,32,32,512] <- A + 8388608
 * in  %2968 f32[4,1,1,512] <- A + 243824384
 */
void k239_bn_train_mul_expand_scale_bn_bwd_reduce(
    float *restrict dstats /* [2,512] */,
    const float *restrict x /* [4,32,32,512] */,
    const float *restrict gamma /* [512] */,
    const float *restrict beta /* [512] */,
    const float *restrict stats /* [2,512] */,
    const float *restrict scale /* [4,1,1,512] */,
    const float *restrict x2 /* [4,32,32,512] */,
    const float *restrict x3 /* [4,1,1,512] */) {
    float q0[512];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q0[c] = gamma[c] / sqrtf(stats[512 + c] + 0.001f);
    }
    float q1[512];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q1[c] = 1.0f / sqrtf(stats[512 + c] + 0.001f);
    }
    enum { C = 512, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 512 + c];
                const float t1 = scale[(r / 1024) * 512 + c];
                const float t2 = t0 * t1;
                const float t3 = x3[(r / 1024) * 512 + c];
                const float t4 = t3;
                const float t5 = 0.0009765625f * t4;
                const float t6 = t2 + t5;
                const float t7 = x[r * 512 + c];
                const float t8 = (t7 - stats[c]) * q0[c] + beta[c];
                const float t9s = ba_sigmoid(t8);
                const float t9 = t6 * (t9s * (1.0f + t8 * (1.0f - t9s)));
                const float xh = (t7 - stats[c]) * q1[c];
                p0[c] += t9;
                p1[c] += t9 * xh;
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
