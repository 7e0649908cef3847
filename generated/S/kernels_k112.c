/* Kernels k112 to k127 and their backward kernels. */
#include "kernels.h"

/*
 * %1001 = bn_fold_weight(%996, %997, %1000) : f32[256,1536,1,1]  features.6.1.block.3.1
 * 28 call sites share this function; the nodes and locations above are the first one's.
 * out %1001 -> A + 1572864
 * in  %996 f32[256,1536,1,1] <- M + 6386960 (features.6.1.block.3.0.weight)
 * in  %997 f32[256] <- M + 6780176 (features.6.1.block.3.1.weight)
 * in  %1000 f32[256] <- M + 21236421 (features.6.1.block.3.1.running_var)
 */
void k112_bn_fold_weight(
    float *restrict w_folded /* [256,1536,1,1] */,
    const float *restrict w /* [256,1536,1,1] */,
    const float *restrict gamma /* [256] */,
    const float *restrict running_var /* [256] */) {
    /* w (256, 1536) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 256; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 1536; j++) w_folded[k * 1536 + j] = w[k * 1536 + j] * s;
    }
}

/*
 * %980 = add(%978, %979) : f32[4,16,16,1536]  features.6.1.block.1.1
 * %981 = silu(%980) : f32[4,16,16,1536]  features.6.1.block.1.2
 * %995 = mul(%981, %994) : f32[4,16,16,1536]  features.6.1.block.2
 * %1003 = conv2d(%995, %1001) : f32[4,16,16,256]  features.6.1.block.3.0
 * 28 call sites share this function; the nodes and locations above are the first one's.
 * out %1003 -> A + 3407872
 * in  %978 f32[4,16,16,1536] <- A + 0
 * in  %979 f32[1,1,1,1536] <- A + 3670016
 * in  %994 f32[4,1,1,1536] <- A + 1966080
 * in  %1001 f32[256,1536,1,1] <- A + 1572864
 */
void k113_add_silu_mul_conv1x1(
    float *restrict y /* [4,16,16,256] */,
    const float *restrict x /* [4,16,16,1536] */,
    const float *restrict bias /* [1,1,1,1536] */,
    const float *restrict scale /* [4,1,1,1536] */,
    const float *restrict w /* [256,1536,1,1] */) {
    /* y (1024, 256) = f(x) (1024, 1536) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 256, 1536, w, 1536);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 393216);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 1536; c++) {
                    const float t0 = x[r * 1536 + c];
                    const float t1 = bias[c];
                    const float t2 = t0 + t1;
                    const float t3 = t2 * ba_sigmoid(t2);
                    const float t4 = scale[(r / 256) * 1536 + c];
                    const float t5 = t3 * t4;
                    tile[(r - m0) * 1536 + c] = t5;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 256, 1536, 1.0f, tile, 1536, w_f32, 0.0f, y + m0 * 256, 256);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %959 = add(%957, %958) : f32[4,16,16,256]  features.6.0.block.3.1
 * %1005 = add(%1003, %1004) : f32[4,16,16,256]  features.6.1.block.3.1
 * %1006 = add(%1005, %959) : f32[4,16,16,256]  features.6.1
 * %1014 = conv2d(%1006, %1012) : f32[4,16,16,1536]  features.6.2.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %1014 -> A + 0
 * in  %957 f32[4,16,16,256] <- A + 3145728
 * in  %958 f32[1,1,1,256] <- A + 4456448
 * in  %1003 f32[4,16,16,256] <- A + 3407872
 * in  %1004 f32[1,1,1,256] <- A + 4456704
 * in  %1012 f32[1536,256,1,1] <- A + 1572864
 */
void k114_add_conv1x1(
    float *restrict y /* [4,16,16,1536] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict bias /* [1,1,1,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict bias2 /* [1,1,1,256] */,
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
                    const float t0 = x2[r * 256 + c];
                    const float t1 = bias2[c];
                    const float t2 = t0 + t1;
                    const float t3 = x[r * 256 + c];
                    const float t4 = bias[c];
                    const float t5 = t3 + t4;
                    const float t6 = t2 + t5;
                    tile[(r - m0) * 256 + c] = t6;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1536, 256, 1.0f, tile, 256, w_f32, 0.0f, y + m0 * 1536, 1536);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %959 = add(%957, %958) : f32[4,16,16,256]  features.6.0.block.3.1
 * %1005 = add(%1003, %1004) : f32[4,16,16,256]  features.6.1.block.3.1
 * %1006 = add(%1005, %959) : f32[4,16,16,256]  features.6.1
 * %1052 = add(%1050, %1051) : f32[4,16,16,256]  features.6.2.block.3.1
 * %1053 = add(%1052, %1006) : f32[4,16,16,256]  features.6.2
 * %1061 = conv2d(%1053, %1059) : f32[4,16,16,1536]  features.6.3.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %1061 -> A + 0
 * in  %957 f32[4,16,16,256] <- A + 3145728
 * in  %958 f32[1,1,1,256] <- A + 4456448
 * in  %1003 f32[4,16,16,256] <- A + 3407872
 * in  %1004 f32[1,1,1,256] <- A + 4456704
 * in  %1050 f32[4,16,16,256] <- A + 3670016
 * in  %1051 f32[1,1,1,256] <- A + 4456960
 * in  %1059 f32[1536,256,1,1] <- A + 1572864
 */
void k115_add_conv1x1(
    float *restrict y /* [4,16,16,1536] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict bias /* [1,1,1,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict bias2 /* [1,1,1,256] */,
    const float *restrict x3 /* [4,16,16,256] */,
    const float *restrict bias3 /* [1,1,1,256] */,
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
                    const float t0 = x3[r * 256 + c];
                    const float t1 = bias3[c];
                    const float t2 = t0 + t1;
                    const float t3 = x2[r * 256 + c];
                    const float t4 = bias2[c];
                    const float t5 = t3 + t4;
                    const float t6 = x[r * 256 + c];
                    const float t7 = bias[c];
                    const float t8 = t6 + t7;
                    const float t9 = t5 + t8;
                    const float t10 = t2 + t9;
                    tile[(r - m0) * 256 + c] = t10;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1536, 256, 1.0f, tile, 256, w_f32, 0.0f, y + m0 * 1536, 1536);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %959 = add(%957, %958) : f32[4,16,16,256]  features.6.0.block.3.1
 * %1005 = add(%1003, %1004) : f32[4,16,16,256]  features.6.1.block.3.1
 * %1006 = add(%1005, %959) : f32[4,16,16,256]  features.6.1
 * %1052 = add(%1050, %1051) : f32[4,16,16,256]  features.6.2.block.3.1
 * %1053 = add(%1052, %1006) : f32[4,16,16,256]  features.6.2
 * %1099 = add(%1097, %1098) : f32[4,16,16,256]  features.6.3.block.3.1
 * %1100 = add(%1099, %1053) : f32[4,16,16,256]  features.6.3
 * %1108 = conv2d(%1100, %1106) : f32[4,16,16,1536]  features.6.4.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %1108 -> A + 0
 * in  %957 f32[4,16,16,256] <- A + 3145728
 * in  %958 f32[1,1,1,256] <- A + 4456448
 * in  %1003 f32[4,16,16,256] <- A + 3407872
 * in  %1004 f32[1,1,1,256] <- A + 4456704
 * in  %1050 f32[4,16,16,256] <- A + 3670016
 * in  %1051 f32[1,1,1,256] <- A + 4456960
 * in  %1097 f32[4,16,16,256] <- A + 3932160
 * in  %1098 f32[1,1,1,256] <- A + 4457216
 * in  %1106 f32[1536,256,1,1] <- A + 1572864
 */
void k116_add_conv1x1(
    float *restrict y /* [4,16,16,1536] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict bias /* [1,1,1,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict bias2 /* [1,1,1,256] */,
    const float *restrict x3 /* [4,16,16,256] */,
    const float *restrict bias3 /* [1,1,1,256] */,
    const float *restrict x4 /* [4,16,16,256] */,
    const float *restrict bias4 /* [1,1,1,256] */,
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
                    const float t0 = x4[r * 256 + c];
                    const float t1 = bias4[c];
                    const float t2 = t0 + t1;
                    const float t3 = x3[r * 256 + c];
                    const float t4 = bias3[c];
                    const float t5 = t3 + t4;
                    const float t6 = x2[r * 256 + c];
                    const float t7 = bias2[c];
                    const float t8 = t6 + t7;
                    const float t9 = x[r * 256 + c];
                    const float t10 = bias[c];
                    const float t11 = t9 + t10;
                    const float t12 = t8 + t11;
                    const float t13 = t5 + t12;
                    const float t14 = t2 + t13;
                    tile[(r - m0) * 256 + c] = t14;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1536, 256, 1.0f, tile, 256, w_f32, 0.0f, y + m0 * 1536, 1536);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %959 = add(%957, %958) : f32[4,16,16,256]  features.6.0.block.3.1
 * %1005 = add(%1003, %1004) : f32[4,16,16,256]  features.6.1.block.3.1
 * %1006 = add(%1005, %959) : f32[4,16,16,256]  features.6.1
 * %1052 = add(%1050, %1051) : f32[4,16,16,256]  features.6.2.block.3.1
 * %1053 = add(%1052, %1006) : f32[4,16,16,256]  features.6.2
 * %1099 = add(%1097, %1098) : f32[4,16,16,256]  features.6.3.block.3.1
 * %1100 = add(%1099, %1053) : f32[4,16,16,256]  features.6.3
 * %1146 = add(%1144, %1145) : f32[4,16,16,256]  features.6.4.block.3.1
 * %1147 = add(%1146, %1100) : f32[4,16,16,256]  features.6.4
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %1147 -> A + 4194304
 * in  %957 f32[4,16,16,256] <- A + 3145728
 * in  %958 f32[1,1,1,256] <- A + 4456448
 * in  %1003 f32[4,16,16,256] <- A + 3407872
 * in  %1004 f32[1,1,1,256] <- A + 4456704
 * in  %1050 f32[4,16,16,256] <- A + 3670016
 * in  %1051 f32[1,1,1,256] <- A + 4456960
 * in  %1097 f32[4,16,16,256] <- A + 3932160
 * in  %1098 f32[1,1,1,256] <- A + 4457216
 * in  %1144 f32[4,16,16,256] <- A + 1966080
 * in  %1145 f32[1,1,1,256] <- A + 2234368
 */
void k117_add(
    float *restrict y /* [4,16,16,256] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict bias /* [1,1,1,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict bias2 /* [1,1,1,256] */,
    const float *restrict x3 /* [4,16,16,256] */,
    const float *restrict bias3 /* [1,1,1,256] */,
    const float *restrict x4 /* [4,16,16,256] */,
    const float *restrict bias4 /* [1,1,1,256] */,
    const float *restrict x5 /* [4,16,16,256] */,
    const float *restrict bias5 /* [1,1,1,256] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 256; c++) {
            const long i = r * 256 + c;
            const float t0 = x5[r * 256 + c];
            const float t1 = bias5[c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 256 + c];
            const float t4 = bias4[c];
            const float t5 = t3 + t4;
            const float t6 = x3[r * 256 + c];
            const float t7 = bias3[c];
            const float t8 = t6 + t7;
            const float t9 = x2[r * 256 + c];
            const float t10 = bias2[c];
            const float t11 = t9 + t10;
            const float t12 = x[r * 256 + c];
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
 * %1155 = conv2d(%1147, %1153) : f32[4,16,16,1536]  features.6.5.block.0.0
 * 16 call sites share this function; the nodes and locations above are the first one's.
 * out %1155 -> A + 0
 * in  %1147 f32[4,16,16,256] <- A + 4194304
 * in  %1153 f32[1536,256,1,1] <- A + 1572864
 */
void k118_conv1x1(
    float *restrict y /* [4,16,16,1536] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict w /* [1536,256,1,1] */) {
    /* x (4,16,16,256) w (1536,256,1,1) y (4,16,16,1536) stride 1 pad 0 */
    /* y (N·H·W, K) = x (N·H·W, C) · wᵀ (C, K) */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 1024, 1536, 256, 1.0f, x, 256, w, 256, 0.0f, y, 1536);
}

/*
 * %1193 = add(%1191, %1192) : f32[4,16,16,256]  features.6.5.block.3.1
 * %1194 = add(%1193, %1147) : f32[4,16,16,256]  features.6.5
 * %1202 = conv2d(%1194, %1200) : f32[4,16,16,1536]  features.6.6.block.0.0
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1202 -> A + 0
 * in  %1147 f32[4,16,16,256] <- A + 4194304
 * in  %1191 f32[4,16,16,256] <- A + 3145728
 * in  %1192 f32[1,1,1,256] <- A + 4718592
 * in  %1200 f32[1536,256,1,1] <- A + 1572864
 */
void k119_add_conv1x1(
    float *restrict y /* [4,16,16,1536] */,
    const float *restrict b /* [4,16,16,256] */,
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
                    const float t3 = b[r * 256 + c];
                    const float t4 = t2 + t3;
                    tile[(r - m0) * 256 + c] = t4;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1536, 256, 1.0f, tile, 256, w_f32, 0.0f, y + m0 * 1536, 1536);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %1193 = add(%1191, %1192) : f32[4,16,16,256]  features.6.5.block.3.1
 * %1194 = add(%1193, %1147) : f32[4,16,16,256]  features.6.5
 * %1240 = add(%1238, %1239) : f32[4,16,16,256]  features.6.6.block.3.1
 * %1241 = add(%1240, %1194) : f32[4,16,16,256]  features.6.6
 * %1249 = conv2d(%1241, %1247) : f32[4,16,16,1536]  features.6.7.block.0.0
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1249 -> A + 0
 * in  %1147 f32[4,16,16,256] <- A + 4194304
 * in  %1191 f32[4,16,16,256] <- A + 3145728
 * in  %1192 f32[1,1,1,256] <- A + 4718592
 * in  %1238 f32[4,16,16,256] <- A + 3407872
 * in  %1239 f32[1,1,1,256] <- A + 4718848
 * in  %1247 f32[1536,256,1,1] <- A + 1572864
 */
void k120_add_conv1x1(
    float *restrict y /* [4,16,16,1536] */,
    const float *restrict b /* [4,16,16,256] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict bias /* [1,1,1,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict bias2 /* [1,1,1,256] */,
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
                    const float t0 = x2[r * 256 + c];
                    const float t1 = bias2[c];
                    const float t2 = t0 + t1;
                    const float t3 = x[r * 256 + c];
                    const float t4 = bias[c];
                    const float t5 = t3 + t4;
                    const float t6 = b[r * 256 + c];
                    const float t7 = t5 + t6;
                    const float t8 = t2 + t7;
                    tile[(r - m0) * 256 + c] = t8;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1536, 256, 1.0f, tile, 256, w_f32, 0.0f, y + m0 * 1536, 1536);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %1193 = add(%1191, %1192) : f32[4,16,16,256]  features.6.5.block.3.1
 * %1194 = add(%1193, %1147) : f32[4,16,16,256]  features.6.5
 * %1240 = add(%1238, %1239) : f32[4,16,16,256]  features.6.6.block.3.1
 * %1241 = add(%1240, %1194) : f32[4,16,16,256]  features.6.6
 * %1287 = add(%1285, %1286) : f32[4,16,16,256]  features.6.7.block.3.1
 * %1288 = add(%1287, %1241) : f32[4,16,16,256]  features.6.7
 * %1296 = conv2d(%1288, %1294) : f32[4,16,16,1536]  features.6.8.block.0.0
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1296 -> A + 0
 * in  %1147 f32[4,16,16,256] <- A + 4194304
 * in  %1191 f32[4,16,16,256] <- A + 3145728
 * in  %1192 f32[1,1,1,256] <- A + 4718592
 * in  %1238 f32[4,16,16,256] <- A + 3407872
 * in  %1239 f32[1,1,1,256] <- A + 4718848
 * in  %1285 f32[4,16,16,256] <- A + 3670016
 * in  %1286 f32[1,1,1,256] <- A + 4719104
 * in  %1294 f32[1536,256,1,1] <- A + 1572864
 */
void k121_add_conv1x1(
    float *restrict y /* [4,16,16,1536] */,
    const float *restrict b /* [4,16,16,256] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict bias /* [1,1,1,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict bias2 /* [1,1,1,256] */,
    const float *restrict x3 /* [4,16,16,256] */,
    const float *restrict bias3 /* [1,1,1,256] */,
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
                    const float t0 = x3[r * 256 + c];
                    const float t1 = bias3[c];
                    const float t2 = t0 + t1;
                    const float t3 = x2[r * 256 + c];
                    const float t4 = bias2[c];
                    const float t5 = t3 + t4;
                    const float t6 = x[r * 256 + c];
                    const float t7 = bias[c];
                    const float t8 = t6 + t7;
                    const float t9 = b[r * 256 + c];
                    const float t10 = t8 + t9;
                    const float t11 = t5 + t10;
                    const float t12 = t2 + t11;
                    tile[(r - m0) * 256 + c] = t12;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1536, 256, 1.0f, tile, 256, w_f32, 0.0f, y + m0 * 1536, 1536);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %1193 = add(%1191, %1192) : f32[4,16,16,256]  features.6.5.block.3.1
 * %1194 = add(%1193, %1147) : f32[4,16,16,256]  features.6.5
 * %1240 = add(%1238, %1239) : f32[4,16,16,256]  features.6.6.block.3.1
 * %1241 = add(%1240, %1194) : f32[4,16,16,256]  features.6.6
 * %1287 = add(%1285, %1286) : f32[4,16,16,256]  features.6.7.block.3.1
 * %1288 = add(%1287, %1241) : f32[4,16,16,256]  features.6.7
 * %1334 = add(%1332, %1333) : f32[4,16,16,256]  features.6.8.block.3.1
 * %1335 = add(%1334, %1288) : f32[4,16,16,256]  features.6.8
 * %1343 = conv2d(%1335, %1341) : f32[4,16,16,1536]  features.6.9.block.0.0
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1343 -> A + 0
 * in  %1147 f32[4,16,16,256] <- A + 4194304
 * in  %1191 f32[4,16,16,256] <- A + 3145728
 * in  %1192 f32[1,1,1,256] <- A + 4718592
 * in  %1238 f32[4,16,16,256] <- A + 3407872
 * in  %1239 f32[1,1,1,256] <- A + 4718848
 * in  %1285 f32[4,16,16,256] <- A + 3670016
 * in  %1286 f32[1,1,1,256] <- A + 4719104
 * in  %1332 f32[4,16,16,256] <- A + 3932160
 * in  %1333 f32[1,1,1,256] <- A + 4719360
 * in  %1341 f32[1536,256,1,1] <- A + 1572864
 */
void k122_add_conv1x1(
    float *restrict y /* [4,16,16,1536] */,
    const float *restrict b /* [4,16,16,256] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict bias /* [1,1,1,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict bias2 /* [1,1,1,256] */,
    const float *restrict x3 /* [4,16,16,256] */,
    const float *restrict bias3 /* [1,1,1,256] */,
    const float *restrict x4 /* [4,16,16,256] */,
    const float *restrict bias4 /* [1,1,1,256] */,
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
                    const float t0 = x4[r * 256 + c];
                    const float t1 = bias4[c];
                    const float t2 = t0 + t1;
                    const float t3 = x3[r * 256 + c];
                    const float t4 = bias3[c];
                    const float t5 = t3 + t4;
                    const float t6 = x2[r * 256 + c];
                    const float t7 = bias2[c];
                    const float t8 = t6 + t7;
                    const float t9 = x[r * 256 + c];
                    const float t10 = bias[c];
                    const float t11 = t9 + t10;
                    const float t12 = b[r * 256 + c];
                    const float t13 = t11 + t12;
                    const float t14 = t8 + t13;
                    const float t15 = t5 + t14;
                    const float t16 = t2 + t15;
                    tile[(r - m0) * 256 + c] = t16;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1536, 256, 1.0f, tile, 256, w_f32, 0.0f, y + m0 * 1536, 1536);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %1193 = add(%1191, %1192) : f32[4,16,16,256]  features.6.5.block.3.1
 * %1194 = add(%1193, %1147) : f32[4,16,16,256]  features.6.5
 * %1240 = add(%1238, %1239) : f32[4,16,16,256]  features.6.6.block.3.1
 * %1241 = add(%1240, %1194) : f32[4,16,16,256]  features.6.6
 * %1287 = add(%1285, %1286) : f32[4,16,16,256]  features.6.7.block.3.1
 * %1288 = add(%1287, %1241) : f32[4,16,16,256]  features.6.7
 * %1334 = add(%1332, %1333) : f32[4,16,16,256]  features.6.8.block.3.1
 * %1335 = add(%1334, %1288) : f32[4,16,16,256]  features.6.8
 * %1381 = add(%1379, %1380) : f32[4,16,16,256]  features.6.9.block.3.1
 * %1382 = add(%1381, %1335) : f32[4,16,16,256]  features.6.9
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %1382 -> A + 4456448
 * in  %1147 f32[4,16,16,256] <- A + 4194304
 * in  %1191 f32[4,16,16,256] <- A + 3145728
 * in  %1192 f32[1,1,1,256] <- A + 4718592
 * in  %1238 f32[4,16,16,256] <- A + 3407872
 * in  %1239 f32[1,1,1,256] <- A + 4718848
 * in  %1285 f32[4,16,16,256] <- A + 3670016
 * in  %1286 f32[1,1,1,256] <- A + 4719104
 * in  %1332 f32[4,16,16,256] <- A + 3932160
 * in  %1333 f32[1,1,1,256] <- A + 4719360
 * in  %1379 f32[4,16,16,256] <- A + 1966080
 * in  %1380 f32[1,1,1,256] <- A + 2234368
 */
void k123_add(
    float *restrict y /* [4,16,16,256] */,
    const float *restrict b /* [4,16,16,256] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict bias /* [1,1,1,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict bias2 /* [1,1,1,256] */,
    const float *restrict x3 /* [4,16,16,256] */,
    const float *restrict bias3 /* [1,1,1,256] */,
    const float *restrict x4 /* [4,16,16,256] */,
    const float *restrict bias4 /* [1,1,1,256] */,
    const float *restrict x5 /* [4,16,16,256] */,
    const float *restrict bias5 /* [1,1,1,256] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 256; c++) {
            const long i = r * 256 + c;
            const float t0 = x5[r * 256 + c];
            const float t1 = bias5[c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 256 + c];
            const float t4 = bias4[c];
            const float t5 = t3 + t4;
            const float t6 = x3[r * 256 + c];
            const float t7 = bias3[c];
            const float t8 = t6 + t7;
            const float t9 = x2[r * 256 + c];
            const float t10 = bias2[c];
            const float t11 = t9 + t10;
            const float t12 = x[r * 256 + c];
            const float t13 = bias[c];
            const float t14 = t12 + t13;
            const float t15 = b[r * 256 + c];
            const float t16 = t14 + t15;
            const float t17 = t11 + t16;
            const float t18 = t8 + t17;
            const float t19 = t5 + t18;
            const float t20 = t2 + t19;
            y[i] = t20;
        }
    }
}

/*
 * %1623 = bn_fold_weight(%1618, %1619, %1622) : f32[1280,256,1,1]  features.7.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %1623 -> A + 1310720
 * in  %1618 f32[1280,256,1,1] <- M + 19847248 (features.7.0.weight)
 * in  %1619 f32[1280] <- M + 20174928 (features.7.1.weight)
 * in  %1622 f32[1280] <- M + 21324485 (features.7.1.running_var)
 */
void k124_bn_fold_weight(
    float *restrict w_folded /* [1280,256,1,1] */,
    const float *restrict w /* [1280,256,1,1] */,
    const float *restrict gamma /* [1280] */,
    const float *restrict running_var /* [1280] */) {
    /* w (1280, 256) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 1280; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 256; j++) w_folded[k * 256 + j] = w[k * 256 + j] * s;
    }
}

/*
 * %1624 = bn_fold_bias(%1619, %1620, %1621, %1622) : f32[1280]  features.7.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %1624 -> A + 4718592
 * in  %1619 f32[1280] <- M + 20174928 (features.7.1.weight)
 * in  %1620 f32[1280] <- M + 20176208 (features.7.1.bias)
 * in  %1621 f32[1280] <- M + 21323205 (features.7.1.running_mean)
 * in  %1622 f32[1280] <- M + 21324485 (features.7.1.running_var)
 */
void k125_bn_fold_bias(
    float *restrict bias_folded /* [1280] */,
    const float *restrict gamma /* [1280] */,
    const float *restrict beta /* [1280] */,
    const float *restrict running_mean /* [1280] */,
    const float *restrict running_var /* [1280] */) {
    for (long k = 0; k < 1280; k++) bias_folded[k] = beta[k] - running_mean[k] * gamma[k] / sqrtf(running_var[k] + 0.001f);
}

/*
 * %1428 = add(%1426, %1427) : f32[4,16,16,256]  features.6.10.block.3.1
 * %1429 = add(%1428, %1382) : f32[4,16,16,256]  features.6.10
 * %1475 = add(%1473, %1474) : f32[4,16,16,256]  features.6.11.block.3.1
 * %1476 = add(%1475, %1429) : f32[4,16,16,256]  features.6.11
 * %1522 = add(%1520, %1521) : f32[4,16,16,256]  features.6.12.block.3.1
 * %1523 = add(%1522, %1476) : f32[4,16,16,256]  features.6.12
 * %1569 = add(%1567, %1568) : f32[4,16,16,256]  features.6.13.block.3.1
 * %1570 = add(%1569, %1523) : f32[4,16,16,256]  features.6.13
 * %1616 = add(%1614, %1615) : f32[4,16,16,256]  features.6.14.block.3.1
 * %1617 = add(%1616, %1570) : f32[4,16,16,256]  features.6.14
 * %1625 = conv2d(%1617, %1623) : f32[4,16,16,1280]  features.7.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %1625 -> A + 0
 * in  %1382 f32[4,16,16,256] <- A + 4456448
 * in  %1426 f32[4,16,16,256] <- A + 3145728
 * in  %1427 f32[1,1,1,256] <- A + 4720128
 * in  %1473 f32[4,16,16,256] <- A + 3407872
 * in  %1474 f32[1,1,1,256] <- A + 4720384
 * in  %1520 f32[4,16,16,256] <- A + 3670016
 * in  %1521 f32[1,1,1,256] <- A + 4720640
 * in  %1567 f32[4,16,16,256] <- A + 3932160
 * in  %1568 f32[1,1,1,256] <- A + 4720896
 * in  %1614 f32[4,16,16,256] <- A + 4194304
 * in  %1615 f32[1,1,1,256] <- A + 1972224
 * in  %1623 f32[1280,256,1,1] <- A + 1310720
 */
void k126_add_conv1x1(
    float *restrict y /* [4,16,16,1280] */,
    const float *restrict b /* [4,16,16,256] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict bias /* [1,1,1,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict bias2 /* [1,1,1,256] */,
    const float *restrict x3 /* [4,16,16,256] */,
    const float *restrict bias3 /* [1,1,1,256] */,
    const float *restrict x4 /* [4,16,16,256] */,
    const float *restrict bias4 /* [1,1,1,256] */,
    const float *restrict x5 /* [4,16,16,256] */,
    const float *restrict bias5 /* [1,1,1,256] */,
    const float *restrict w /* [1280,256,1,1] */) {
    /* y (1024, 1280) = f(x) (1024, 256) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 1280, 256, w, 256);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 65536);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 256; c++) {
                    const float t0 = x5[r * 256 + c];
                    const float t1 = bias5[c];
                    const float t2 = t0 + t1;
                    const float t3 = x4[r * 256 + c];
                    const float t4 = bias4[c];
                    const float t5 = t3 + t4;
                    const float t6 = x3[r * 256 + c];
                    const float t7 = bias3[c];
                    const float t8 = t6 + t7;
                    const float t9 = x2[r * 256 + c];
                    const float t10 = bias2[c];
                    const float t11 = t9 + t10;
                    const float t12 = x[r * 256 + c];
                    const float t13 = bias[c];
                    const float t14 = t12 + t13;
                    const float t15 = b[r * 256 + c];
                    const float t16 = t14 + t15;
                    const float t17 = t11 + t16;
                    const float t18 = t8 + t17;
                    const float t19 = t5 + t18;
                    const float t20 = t2 + t19;
                    tile[(r - m0) * 256 + c] = t20;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1280, 256, 1.0f, tile, 256, w_f32, 0.0f, y + m0 * 1280, 1280);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %1627 = add(%1625, %1626) : f32[4,16,16,1280]  features.7.1
 * %1628 = silu(%1627) : f32[4,16,16,1280]  features.7.2
 * %1633 = reduce_mean(%1628) : f32[4,1,1,1280]  cbam.channel_attention.avg_pool
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %1633 -> A + 3932160
 * in  %1625 f32[4,16,16,1280] <- A + 0
 * in  %1626 f32[1,1,1,1280] <- A + 4718592
 */
void k127_add_silu_reduce_mean(
    float *restrict y /* [4,1,1,1280] */,
    const float *restrict x /* [4,16,16,1280] */,
    const float *restrict bias /* [1,1,1,1280] */) {
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
                acc[q] += t3;
            }
        }
        for (long q = 0; q < 1280; q++) y[o * 1280 + q] = (float)(acc[q] / 256.0);
    }
}

/*
 * %1876 = conv2d_bwd_weight(%1870, %1536) : f32[1536,256,1,1]  features.6.13.block.0.0
 * %2838 = add(%2837, %1876) : f32[1536,256,1,1]  features.6.13.block.0.0.weight
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %2838 -> G + 17837008
 * in  %1870 f32[4,16,16,1536] <- A + 66060288
 * in  %1536 f32[4,16,16,256] <- A + 87621632
 * in  %2837 f32[1536,256,1,1] <- G + 17837008 (features.6.13.block.0.0.weight)
 */
void k118b_conv1x1_bwd_weight_acc(
    float *restrict grad /* [1536,256,1,1] */,
    const float *restrict dy /* [4,16,16,1536] */,
    const float *restrict x /* [4,16,16,256] */) {
    /* dw of x (4,16,16,256) w (1536,256,1,1) y (4,16,16,1536) stride 1 pad 0, added into the accumulator */
    /* dw (K, C) += dyᵀ (K, N·H·W) · x (N·H·W, C) */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 1536, 256, 1024, 1.0f, dy, 1536, x, 256, 1.0f, grad, 256);
}
