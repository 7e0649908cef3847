/* Kernels k176 to k191 and their backward kernels. */
#include "kernels.h"

/*
 * %1022 = ema_update(%1021, %2, %0) : f32[24,3,3,3]  features.0.0.weight
 * %1024 = ema_update(%1023, %3, %0) : f32[24]  features.0.1.weight
 * %1026 = ema_update(%1025, %4, %0) : f32[24]  features.0.1.bias
 * %1028 = ema_update(%1027, %5, %0) : f32[24]  features.0.1.running_mean
 * %1030 = ema_update(%1029, %6, %0) : f32[24]  features.0.1.running_var
 * %1032 = ema_update(%1031, %7, %0) : f32[24,24,3,3]  features.1.0.block.0.0.weight
 * %1034 = ema_update(%1033, %8, %0) : f32[24]  features.1.0.block.0.1.weight
 * %1036 = ema_update(%1035, %9, %0) : f32[24]  features.1.0.block.0.1.bias
 * %1038 = ema_update(%1037, %10, %0) : f32[24]  features.1.0.block.0.1.running_mean
 * %1040 = ema_update(%1039, %11, %0) : f32[24]  features.1.0.block.0.1.running_var
 * %1042 = ema_update(%1041, %12, %0) : f32[24,24,3,3]  features.1.1.block.0.0.weight
 * %1044 = ema_update(%1043, %13, %0) : f32[24]  features.1.1.block.0.1.weight
 * ... and 966 more nodes of the same kinds
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * 978 values written, 1957 read (flat over the state blocks)
 */
void k176_ema(float *restrict e, const float *restrict m, const float *restrict hyper) {
    /* EMA of parameters and BatchNorm buffers (timm ModelEmaV2), E[0, 54146329) */
    const float d = hyper[4];
    #pragma omp parallel for simd schedule(static)
    for (long j = 0; j < 54146329; j++) e[j] = d * e[j] + (1.0f - d) * m[j];
}

/*
 * %1258 = bn_stats(%1253) : f32[2,1056]  features.6.0.block.0.1
 * %1259 = running_mean_update(%1256, %1258) : f32[1056]  features.6.0.block.0.1
 * %1260 = running_var_update(%1257, %1258) : f32[1056]  features.6.0.block.0.1
 * 29 call sites share this function; the nodes and locations above are the first one's.
 * out %1258 -> A + 169481600
 * out %1259 -> M + 53941465
 * out %1260 -> M + 53942521
 * in  %1253 f32[4,32,32,1056] <- A + 0
 * in  %1256 f32[1056] <- M + 53941465 (features.6.0.block.0.1.running_mean)
 * in  %1257 f32[1056] <- M + 53942521 (features.6.0.block.0.1.running_var)
 */
void k177_bn_stats_running(
    float *restrict stats /* [2,1056] */,
    float *restrict running_mean /* [1056] */,
    float *restrict running_var /* [1056] */,
    const float *restrict x /* [4,32,32,1056] */) {
    enum { C = 1056, CHUNKS = 64 };
    double *part = malloc(sizeof(double) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x[r * 1056 + c];
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
        const double mean = s0 / 4096.0, var = fmax(s1 / 4096.0 - mean * mean, 0.0);
        stats[c] = (float)mean;
        stats[C + c] = (float)var;
        running_mean[c] = (float)(0.9f * (double)running_mean[c] + 0.1f * mean);  /* running mean */
        running_var[c] = (float)(0.9f * (double)running_var[c] + 0.1f * var * 1.0002442002442002);  /* running var (unbiased) */
    }
    free(sums);
    free(part);
}

/*
 * %1261 = bn_train(%1253, %1258, %1254, %1255) : f32[4,32,32,1056]  features.6.0.block.0.1
 * %1262 = silu(%1261) : f32[4,32,32,1056]  features.6.0.block.0.2
 * 29 call sites share this function; the nodes and locations above are the first one's.
 * out %1262 -> A + 4325376
 * in  %1253 f32[4,32,32,1056] <- A + 0
 * in  %1254 f32[1056] <- M + 10061680 (features.6.0.block.0.1.weight)
 * in  %1255 f32[1056] <- M + 10062736 (features.6.0.block.0.1.bias)
 * in  %1258 f32[2,1056] <- A + 169481600
 */
void k178_bn_train_silu(
    float *restrict y /* [4,32,32,1056] */,
    const float *restrict x /* [4,32,32,1056] */,
    const float *restrict gamma /* [1056] */,
    const float *restrict beta /* [1056] */,
    const float *restrict stats /* [2,1056] */) {
    float q0[1056];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 1056; c++) {
        q0[c] = gamma[c] / sqrtf(stats[1056 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 1056; c++) {
            const long i = r * 1056 + c;
            const float t0 = x[r * 1056 + c];
            const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
            const float t2 = t1 * ba_sigmoid(t1);
            y[i] = t2;
        }
    }
}

/*
 * %1264 = conv2d(%1262, %1263) : f32[4,16,16,1056]  features.6.0.block.1.0
 * %1269 = bn_stats(%1264) : f32[2,1056]  features.6.0.block.1.1
 * %1270 = running_mean_update(%1267, %1269) : f32[1056]  features.6.0.block.1.1
 * %1271 = running_var_update(%1268, %1269) : f32[1056]  features.6.0.block.1.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %1264 -> A + 153550848
 * out %1269 -> A + 169483712
 * out %1270 -> M + 53943577
 * out %1271 -> M + 53944633
 * in  %1262 f32[4,32,32,1056] <- A + 4325376
 * in  %1263 f32[1056,1,3,3] <- M + 10063792 (features.6.0.block.1.0.weight)
 * in  %1267 f32[1056] <- M + 53943577 (features.6.0.block.1.1.running_mean)
 * in  %1268 f32[1056] <- M + 53944633 (features.6.0.block.1.1.running_var)
 */
void k179_dwconv3x3s2_bn_stats_running(
    float *restrict y /* [4,16,16,1056] */,
    float *restrict stats /* [2,1056] */,
    float *restrict running_mean /* [1056] */,
    float *restrict running_var /* [1056] */,
    const float *restrict x /* [4,32,32,1056] */,
    const float *restrict w /* [1056,1,3,3] */) {
    /* x (4,32,32,1056) w (1056,1,3,3) y (4,16,16,1056) stride 2 pad 1 groups 1056 */
    double *part = malloc(sizeof(double) * 135168);  /* (N·Ho, 2, C): per-row Σy, Σy² */
    if (!part) abort();
    /* Depthwise: y[n, oh, ow, c] = Σ_{r, s} x[n, ih, iw, c] · wt[r, s, c], channels innermost (vectorised),
     * one output row per work item. */
    float *restrict wt = malloc(sizeof(float) * 9504);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 1056; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 1056 + c] = w[(c * 3 + r) * 3 + s];
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long oh = 0; oh < 16; oh++) {
            for (long ow = 0; ow < 16; ow++) {
                float *restrict yp = y + ((n * 16 + oh) * 16 + ow) * 1056;
                if (oh * 2 - 1 >= 0 && oh * 2 + 1 < 32 && ow * 2 - 1 >= 0 && ow * 2 + 1 < 32) {
                    /* every tap inside x: one sum per channel, the taps in the order of the loops below */
                    const float *restrict x0 = x + ((n * 32 + oh * 2 - 1) * 32 + ow * 2 - 1) * 1056;
                    for (long c = 0; c < 1056; c++)
                        yp[c] = x0[c] * wt[c] + x0[1056 + c] * wt[1056 + c] + x0[2112 + c] * wt[2112 + c]
                            + x0[33792 + c] * wt[3168 + c] + x0[34848 + c] * wt[4224 + c] + x0[35904 + c] * wt[5280 + c]
                            + x0[67584 + c] * wt[6336 + c] + x0[68640 + c] * wt[7392 + c] + x0[69696 + c] * wt[8448 + c];
                    continue;
                }
                for (long c = 0; c < 1056; c++) yp[c] = 0.0f;
                for (long r = 0; r < 3; r++) {
                    const long ih = oh * 2 - 1 + r;
                    if (ih < 0 || ih >= 32) continue;
                    for (long s = 0; s < 3; s++) {
                        const long iw = ow * 2 - 1 + s;
                        if (iw < 0 || iw >= 32) continue;
                        const float *restrict xp = x + ((n * 32 + ih) * 32 + iw) * 1056, *restrict wr = wt + (r * 3 + s) * 1056;
                        for (long c = 0; c < 1056; c++) yp[c] += xp[c] * wr[c];
                    }
                }
            }
            double *restrict ps = part + (n * 16 + oh) * 2112;
            for (long c = 0; c < 1056; c++) { ps[c] = 0.0; ps[1056 + c] = 0.0; }
            for (long ow = 0; ow < 16; ow++) {
                const float *restrict yp = y + ((n * 16 + oh) * 16 + ow) * 1056;
                for (long c = 0; c < 1056; c++) { const double v = yp[c]; ps[c] += v; ps[1056 + c] += v * v; }
            }
        }
    }
    free(wt);
    /* Σ of the rows in row order, per channel: blocks of 256 channels over the threads */
    #pragma omp parallel for schedule(static)
    for (long c0 = 0; c0 < 1056; c0 += 256) {
        const long c1 = c0 + 256 < 1056 ? c0 + 256 : 1056;
        double s0[256], s1[256];
        for (long c = c0; c < c1; c++) { s0[c - c0] = 0.0; s1[c - c0] = 0.0; }
        for (long row = 0; row < 64; row++) {
            const double *restrict ps = part + row * 2112;
            for (long c = c0; c < c1; c++) { s0[c - c0] += ps[c]; s1[c - c0] += ps[1056 + c]; }
        }
        for (long c = c0; c < c1; c++) {
            const double mean = s0[c - c0] / 1024.0, var = fmax(s1[c - c0] / 1024.0 - mean * mean, 0.0);
            stats[c] = (float)mean;
            stats[1056 + c] = (float)var;
            running_mean[c] = (float)(0.9f * (double)running_mean[c] + 0.1f * mean);  /* running mean */
            running_var[c] = (float)(0.9f * (double)running_var[c] + 0.1f * var * 1.0009775171065494);  /* running var (unbiased) */
        }
    }
    free(part);
}

/*
 * %1272 = bn_train(%1264, %1269, %1265, %1266) : f32[4,16,16,1056]  features.6.0.block.1.1
 * %1273 = silu(%1272) : f32[4,16,16,1056]  features.6.0.block.1.2
 * %1274 = reduce_mean(%1273) : f32[4,1,1,1056]  features.6.0.block.2.avgpool
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %1274 -> A + 169337600
 * in  %1264 f32[4,16,16,1056] <- A + 153550848
 * in  %1265 f32[1056] <- M + 10073296 (features.6.0.block.1.1.weight)
 * in  %1266 f32[1056] <- M + 10074352 (features.6.0.block.1.1.bias)
 * in  %1269 f32[2,1056] <- A + 169483712
 */
void k180_bn_train_silu_reduce_mean(
    float *restrict y /* [4,1,1,1056] */,
    const float *restrict x /* [4,16,16,1056] */,
    const float *restrict gamma /* [1056] */,
    const float *restrict beta /* [1056] */,
    const float *restrict stats /* [2,1056] */) {
    /* mean over axes [1, 2] of [4, 16, 16, 1056]: (4, 256, 1056) -> (4, 1056) */
    float q0[1056];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 1056; c++) {
        q0[c] = gamma[c] / sqrtf(stats[1056 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[1056];
        for (long q = 0; q < 1056; q++) acc[q] = 0.0;
        for (long j = 0; j < 256; j++) {
            for (long q = 0; q < 1056; q++) {
                const long r = o * 256 + j;
                const long c = q;
                const float t0 = x[r * 1056 + c];
                const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                const float t2 = t1 * ba_sigmoid(t1);
                acc[q] += t2;
            }
        }
        for (long q = 0; q < 1056; q++) y[o * 1056 + q] = (float)(acc[q] / 256.0);
    }
}

/*
 * %1272 = bn_train(%1264, %1269, %1265, %1266) : f32[4,16,16,1056]  features.6.0.block.1.1
 * %1273 = silu(%1272) : f32[4,16,16,1056]  features.6.0.block.1.2
 * %1287 = mul(%1273, %1286) : f32[4,16,16,1056]  features.6.0.block.2
 * %1289 = conv2d(%1287, %1288) : f32[4,16,16,304]  features.6.0.block.3.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %1289 -> A + 161382400
 * in  %1264 f32[4,16,16,1056] <- A + 153550848
 * in  %1265 f32[1056] <- M + 10073296 (features.6.0.block.1.1.weight)
 * in  %1266 f32[1056] <- M + 10074352 (features.6.0.block.1.1.bias)
 * in  %1269 f32[2,1056] <- A + 169483712
 * in  %1286 f32[4,1,1,1056] <- A + 169346048
 * in  %1288 f32[304,1056,1,1] <- M + 10169436 (features.6.0.block.3.0.weight)
 */
void k181_bn_train_silu_mul_conv1x1(
    float *restrict y /* [4,16,16,304] */,
    const float *restrict x /* [4,16,16,1056] */,
    const float *restrict gamma /* [1056] */,
    const float *restrict beta /* [1056] */,
    const float *restrict stats /* [2,1056] */,
    const float *restrict scale /* [4,1,1,1056] */,
    const float *restrict w /* [304,1056,1,1] */) {
    /* y (1024, 304) = f(x) (1024, 1056) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float q0[1056];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 1056; c++) {
        q0[c] = gamma[c] / sqrtf(stats[1056 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 304, 1056, w, 1056);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 270336);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 1056; c++) {
                    const float t0 = x[r * 1056 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    const float t3 = scale[(r / 256) * 1056 + c];
                    const float t4 = t2 * t3;
                    tile[(r - m0) * 1056 + c] = t4;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 304, 1056, 1.0f, tile, 1056, w_f32, 0.0f, y + m0 * 304, 304);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %1294 = bn_stats(%1289) : f32[2,304]  features.6.0.block.3.1
 * %1295 = running_mean_update(%1292, %1294) : f32[304]  features.6.0.block.3.1
 * %1296 = running_var_update(%1293, %1294) : f32[304]  features.6.0.block.3.1
 * 54 call sites share this function; the nodes and locations above are the first one's.
 * out %1294 -> A + 169490944
 * out %1295 -> M + 53945689
 * out %1296 -> M + 53945993
 * in  %1289 f32[4,16,16,304] <- A + 161382400
 * in  %1292 f32[304] <- M + 53945689 (features.6.0.block.3.1.running_mean)
 * in  %1293 f32[304] <- M + 53945993 (features.6.0.block.3.1.running_var)
 */
void k182_bn_stats_running(
    float *restrict stats /* [2,304] */,
    float *restrict running_mean /* [304] */,
    float *restrict running_var /* [304] */,
    const float *restrict x /* [4,16,16,304] */) {
    enum { C = 304, CHUNKS = 64 };
    double *part = malloc(sizeof(double) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x[r * 304 + c];
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
        const double mean = s0 / 1024.0, var = fmax(s1 / 1024.0 - mean * mean, 0.0);
        stats[c] = (float)mean;
        stats[C + c] = (float)var;
        running_mean[c] = (float)(0.9f * (double)running_mean[c] + 0.1f * mean);  /* running mean */
        running_var[c] = (float)(0.9f * (double)running_var[c] + 0.1f * var * 1.0009775171065494);  /* running var (unbiased) */
    }
    free(sums);
    free(part);
}

/*
 * %1297 = bn_train(%1289, %1294, %1290, %1291) : f32[4,16,16,304]  features.6.0.block.3.1
 * %1299 = conv2d(%1297, %1298) : f32[4,16,16,1824]  features.6.1.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %1299 -> A + 52690944
 * in  %1289 f32[4,16,16,304] <- A + 161382400
 * in  %1290 f32[304] <- M + 10490460 (features.6.0.block.3.1.weight)
 * in  %1291 f32[304] <- M + 10490764 (features.6.0.block.3.1.bias)
 * in  %1294 f32[2,304] <- A + 169490944
 * in  %1298 f32[1824,304,1,1] <- M + 10491068 (features.6.1.block.0.0.weight)
 */
void k183_bn_train_conv1x1(
    float *restrict y /* [4,16,16,1824] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict gamma /* [304] */,
    const float *restrict beta /* [304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict w /* [1824,304,1,1] */) {
    /* y (1024, 1824) = f(x) (1024, 304) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float q0[304];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q0[c] = gamma[c] / sqrtf(stats[304 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 1824, 304, w, 304);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 77824);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 304; c++) {
                    const float t0 = x[r * 304 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    tile[(r - m0) * 304 + c] = t1;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1824, 304, 1.0f, tile, 304, w_f32, 0.0f, y + m0 * 1824, 1824);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %1304 = bn_stats(%1299) : f32[2,1824]  features.6.1.block.0.1
 * %1305 = running_mean_update(%1302, %1304) : f32[1824]  features.6.1.block.0.1
 * %1306 = running_var_update(%1303, %1304) : f32[1824]  features.6.1.block.0.1
 * 54 call sites share this function; the nodes and locations above are the first one's.
 * out %1304 -> A + 169350272
 * out %1305 -> M + 53946297
 * out %1306 -> M + 53948121
 * in  %1299 f32[4,16,16,1824] <- A + 52690944
 * in  %1302 f32[1824] <- M + 53946297 (features.6.1.block.0.1.running_mean)
 * in  %1303 f32[1824] <- M + 53948121 (features.6.1.block.0.1.running_var)
 */
void k184_bn_stats_running(
    float *restrict stats /* [2,1824] */,
    float *restrict running_mean /* [1824] */,
    float *restrict running_var /* [1824] */,
    const float *restrict x /* [4,16,16,1824] */) {
    enum { C = 1824, CHUNKS = 64 };
    double *part = malloc(sizeof(double) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x[r * 1824 + c];
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
        const double mean = s0 / 1024.0, var = fmax(s1 / 1024.0 - mean * mean, 0.0);
        stats[c] = (float)mean;
        stats[C + c] = (float)var;
        running_mean[c] = (float)(0.9f * (double)running_mean[c] + 0.1f * mean);  /* running mean */
        running_var[c] = (float)(0.9f * (double)running_var[c] + 0.1f * var * 1.0009775171065494);  /* running var (unbiased) */
    }
    free(sums);
    free(part);
}

/*
 * %1307 = bn_train(%1299, %1304, %1300, %1301) : f32[4,16,16,1824]  features.6.1.block.0.1
 * %1308 = silu(%1307) : f32[4,16,16,1824]  features.6.1.block.0.2
 * 54 call sites share this function; the nodes and locations above are the first one's.
 * out %1308 -> A + 54558720
 * in  %1299 f32[4,16,16,1824] <- A + 52690944
 * in  %1300 f32[1824] <- M + 11045564 (features.6.1.block.0.1.weight)
 * in  %1301 f32[1824] <- M + 11047388 (features.6.1.block.0.1.bias)
 * in  %1304 f32[2,1824] <- A + 169350272
 */
void k185_bn_train_silu(
    float *restrict y /* [4,16,16,1824] */,
    const float *restrict x /* [4,16,16,1824] */,
    const float *restrict gamma /* [1824] */,
    const float *restrict beta /* [1824] */,
    const float *restrict stats /* [2,1824] */) {
    float q0[1824];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 1824; c++) {
        q0[c] = gamma[c] / sqrtf(stats[1824 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 1824; c++) {
            const long i = r * 1824 + c;
            const float t0 = x[r * 1824 + c];
            const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
            const float t2 = t1 * ba_sigmoid(t1);
            y[i] = t2;
        }
    }
}

/*
 * %1310 = conv2d(%1308, %1309) : f32[4,16,16,1824]  features.6.1.block.1.0
 * %1315 = bn_stats(%1310) : f32[2,1824]  features.6.1.block.1.1
 * %1316 = running_mean_update(%1313, %1315) : f32[1824]  features.6.1.block.1.1
 * %1317 = running_var_update(%1314, %1315) : f32[1824]  features.6.1.block.1.1
 * 54 call sites share this function; the nodes and locations above are the first one's.
 * out %1310 -> A + 56426496
 * out %1315 -> A + 169353920
 * out %1316 -> M + 53949945
 * out %1317 -> M + 53951769
 * in  %1308 f32[4,16,16,1824] <- A + 54558720
 * in  %1309 f32[1824,1,3,3] <- M + 11049212 (features.6.1.block.1.0.weight)
 * in  %1313 f32[1824] <- M + 53949945 (features.6.1.block.1.1.running_mean)
 * in  %1314 f32[1824] <- M + 53951769 (features.6.1.block.1.1.running_var)
 */
void k186_dwconv3x3_bn_stats_running(
    float *restrict y /* [4,16,16,1824] */,
    float *restrict stats /* [2,1824] */,
    float *restrict running_mean /* [1824] */,
    float *restrict running_var /* [1824] */,
    const float *restrict x /* [4,16,16,1824] */,
    const float *restrict w /* [1824,1,3,3] */) {
    /* x (4,16,16,1824) w (1824,1,3,3) y (4,16,16,1824) stride 1 pad 1 groups 1824 */
    double *part = malloc(sizeof(double) * 233472);  /* (N·Ho, 2, C): per-row Σy, Σy² */
    if (!part) abort();
    float *restrict wt = malloc(sizeof(float) * 16416);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 1824; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 1824 + c] = w[(c * 3 + r) * 3 + s];
    /* Depthwise 3x3 as a sliding window: per output row and block of 16 channels, the weights and the 3x3
     * window of x stay in registers while ow moves right; rows and columns outside x are zeros. */
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long oh = 0; oh < 16; oh++) {
            const int up = oh > 0, down = oh + 1 < 16;
            const long o1 = (n * 16 + oh) * 29184, o0 = o1 - 29184, o2 = o1 + 29184;
            double *restrict ps = part + (n * 16 + oh) * 3648;
            for (long c = 0; c < 1824; c += 16) {
                const ba_v16 zero = {0};
                const ba_v16 w00 = *(const ba_v16 *)(wt + c), w01 = *(const ba_v16 *)(wt + 1824 + c), w02 = *(const ba_v16 *)(wt + 3648 + c);
                const ba_v16 w10 = *(const ba_v16 *)(wt + 5472 + c), w11 = *(const ba_v16 *)(wt + 7296 + c), w12 = *(const ba_v16 *)(wt + 9120 + c);
                const ba_v16 w20 = *(const ba_v16 *)(wt + 10944 + c), w21 = *(const ba_v16 *)(wt + 12768 + c), w22 = *(const ba_v16 *)(wt + 14592 + c);
                ba_v16 v00 = zero, v10 = zero, v20 = zero;
                ba_v16 v01 = up ? *(const ba_v16 *)(x + o0 + c) : zero, v11 = *(const ba_v16 *)(x + o1 + c), v21 = down ? *(const ba_v16 *)(x + o2 + c) : zero;
                ba_v8d sum0 = {0}, sq0 = {0}, sum1 = {0}, sq1 = {0};
                for (long col = 0; col < 16; col++) {
                    ba_v16 v02 = zero, v12 = zero, v22 = zero;
                    if (col + 1 < 16) {
                        const long next = (col + 1) * 1824 + c;
                        if (up) { v02 = *(const ba_v16 *)(x + o0 + next); __builtin_prefetch(x + o0 + next + 16); }
                        v12 = *(const ba_v16 *)(x + o1 + next); __builtin_prefetch(x + o1 + next + 16);
                        if (down) { v22 = *(const ba_v16 *)(x + o2 + next); __builtin_prefetch(x + o2 + next + 16); }
                    }
                    const ba_v16 v = v00 * w00 + v01 * w01 + v02 * w02
                        + v10 * w10 + v11 * w11 + v12 * w12
                        + v20 * w20 + v21 * w21 + v22 * w22;
                    *(ba_v16 *)(y + o1 + col * 1824 + c) = v;
                    __builtin_prefetch(y + o1 + col * 1824 + c + 16, 1);
                    { const ba_v8d dv = BA_LO_V8D(v); sum0 += dv; sq0 += dv * dv; }
                    { const ba_v8d dv = BA_HI_V8D(v); sum1 += dv; sq1 += dv * dv; }
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
                *(ba_v8d *)(ps + c) = sum0;
                *(ba_v8d *)(ps + c + 8) = sum1;
                *(ba_v8d *)(ps + 1824 + c) = sq0;
                *(ba_v8d *)(ps + 1824 + c + 8) = sq1;
            }
        }
    }
    free(wt);
    /* Σ of the rows in row order, per channel: blocks of 256 channels over the threads */
    #pragma omp parallel for schedule(static)
    for (long c0 = 0; c0 < 1824; c0 += 256) {
        const long c1 = c0 + 256 < 1824 ? c0 + 256 : 1824;
        double s0[256], s1[256];
        for (long c = c0; c < c1; c++) { s0[c - c0] = 0.0; s1[c - c0] = 0.0; }
        for (long row = 0; row < 64; row++) {
            const double *restrict ps = part + row * 3648;
            for (long c = c0; c < c1; c++) { s0[c - c0] += ps[c]; s1[c - c0] += ps[1824 + c]; }
        }
        for (long c = c0; c < c1; c++) {
            const double mean = s0[c - c0] / 1024.0, var = fmax(s1[c - c0] / 1024.0 - mean * mean, 0.0);
            stats[c] = (float)mean;
            stats[1824 + c] = (float)var;
            running_mean[c] = (float)(0.9f * (double)running_mean[c] + 0.1f * mean);  /* running mean */
            running_var[c] = (float)(0.9f * (double)running_var[c] + 0.1f * var * 1.0009775171065494);  /* running var (unbiased) */
        }
    }
    free(part);
}

/*
 * %1318 = bn_train(%1310, %1315, %1311, %1312) : f32[4,16,16,1824]  features.6.1.block.1.1
 * %1319 = silu(%1318) : f32[4,16,16,1824]  features.6.1.block.1.2
 * %1320 = reduce_mean(%1319) : f32[4,1,1,1824]  features.6.1.block.2.avgpool
 * 54 call sites share this function; the nodes and locations above are the first one's.
 * out %1320 -> A + 168894464
 * in  %1310 f32[4,16,16,1824] <- A + 56426496
 * in  %1311 f32[1824] <- M + 11065628 (features.6.1.block.1.1.weight)
 * in  %1312 f32[1824] <- M + 11067452 (features.6.1.block.1.1.bias)
 * in  %1315 f32[2,1824] <- A + 169353920
 */
void k187_bn_train_silu_reduce_mean(
    float *restrict y /* [4,1,1,1824] */,
    const float *restrict x /* [4,16,16,1824] */,
    const float *restrict gamma /* [1824] */,
    const float *restrict beta /* [1824] */,
    const float *restrict stats /* [2,1824] */) {
    /* mean over axes [1, 2] of [4, 16, 16, 1824]: (4, 256, 1824) -> (4, 1824) */
    float q0[1824];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 1824; c++) {
        q0[c] = gamma[c] / sqrtf(stats[1824 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[1824];
        for (long q = 0; q < 1824; q++) acc[q] = 0.0;
        for (long j = 0; j < 256; j++) {
            for (long q = 0; q < 1824; q++) {
                const long r = o * 256 + j;
                const long c = q;
                const float t0 = x[r * 1824 + c];
                const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                const float t2 = t1 * ba_sigmoid(t1);
                acc[q] += t2;
            }
        }
        for (long q = 0; q < 1824; q++) y[o * 1824 + q] = (float)(acc[q] / 256.0);
    }
}

/*
 * %1318 = bn_train(%1310, %1315, %1311, %1312) : f32[4,16,16,1824]  features.6.1.block.1.1
 * %1319 = silu(%1318) : f32[4,16,16,1824]  features.6.1.block.1.2
 * %1333 = mul(%1319, %1332) : f32[4,16,16,1824]  features.6.1.block.2
 * %1335 = conv2d(%1333, %1334) : f32[4,16,16,304]  features.6.1.block.3.0
 * 51 call sites share this function; the nodes and locations above are the first one's.
 * out %1335 -> A + 161693696
 * in  %1310 f32[4,16,16,1824] <- A + 56426496
 * in  %1311 f32[1824] <- M + 11065628 (features.6.1.block.1.1.weight)
 * in  %1312 f32[1824] <- M + 11067452 (features.6.1.block.1.1.bias)
 * in  %1315 f32[2,1824] <- A + 169353920
 * in  %1332 f32[4,1,1,1824] <- A + 168909056
 * in  %1334 f32[304,1824,1,1] <- M + 11348424 (features.6.1.block.3.0.weight)
 */
void k188_bn_train_silu_mul_conv1x1(
    float *restrict y /* [4,16,16,304] */,
    const float *restrict x /* [4,16,16,1824] */,
    const float *restrict gamma /* [1824] */,
    const float *restrict beta /* [1824] */,
    const float *restrict stats /* [2,1824] */,
    const float *restrict scale /* [4,1,1,1824] */,
    const float *restrict w /* [304,1824,1,1] */) {
    /* y (1024, 304) = f(x) (1024, 1824) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float q0[1824];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 1824; c++) {
        q0[c] = gamma[c] / sqrtf(stats[1824 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 304, 1824, w, 1824);  /* packed once for every tile */
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
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    const float t3 = scale[(r / 256) * 1824 + c];
                    const float t4 = t2 * t3;
                    tile[(r - m0) * 1824 + c] = t4;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 304, 1824, 1.0f, tile, 1824, w_f32, 0.0f, y + m0 * 304, 304);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %1297 = bn_train(%1289, %1294, %1290, %1291) : f32[4,16,16,304]  features.6.0.block.3.1
 * %1343 = bn_train(%1335, %1340, %1336, %1337) : f32[4,16,16,304]  features.6.1.block.3.1
 * %1345 = stochastic_depth(%1343, %1344) : f32[4,16,16,304]  features.6.1.stochastic_depth
 * %1346 = add(%1345, %1297) : f32[4,16,16,304]  features.6.1
 * %1348 = conv2d(%1346, %1347) : f32[4,16,16,1824]  features.6.2.block.0.0
 * out %1348 -> A + 58294272
 * in  %1289 f32[4,16,16,304] <- A + 161382400
 * in  %1290 f32[304] <- M + 10490460 (features.6.0.block.3.1.weight)
 * in  %1291 f32[304] <- M + 10490764 (features.6.0.block.3.1.bias)
 * in  %1294 f32[2,304] <- A + 169490944
 * in  %1335 f32[4,16,16,304] <- A + 161693696
 * in  %1336 f32[304] <- M + 11902920 (features.6.1.block.3.1.weight)
 * in  %1337 f32[304] <- M + 11903224 (features.6.1.block.3.1.bias)
 * in  %1340 f32[2,304] <- A + 169491552
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %1347 f32[1824,304,1,1] <- M + 11903528 (features.6.2.block.0.0.weight)
 */
void k189_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,16,16,1824] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict gamma /* [304] */,
    const float *restrict beta /* [304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict gamma2 /* [304] */,
    const float *restrict beta2 /* [304] */,
    const float *restrict stats2 /* [2,304] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict w /* [1824,304,1,1] */,
    uint32_t salt,
    float rate) {
    /* y (1024, 1824) = f(x) (1024, 304) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float q0[304];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q0[c] = gamma2[c] / sqrtf(stats2[304 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[304];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q2[c] = gamma[c] / sqrtf(stats[304 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 1824, 304, w, 304);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 77824);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 304; c++) {
                    const float t0 = x2[r * 304 + c];
                    const float t1 = (t0 - stats2[c]) * q0[c] + beta2[c];
                    const float t2 = t1 * q1[r / 256];
                    const float t3 = x[r * 304 + c];
                    const float t4 = (t3 - stats[c]) * q2[c] + beta[c];
                    const float t5 = t2 + t4;
                    tile[(r - m0) * 304 + c] = t5;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1824, 304, 1.0f, tile, 304, w_f32, 0.0f, y + m0 * 1824, 1824);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %1297 = bn_train(%1289, %1294, %1290, %1291) : f32[4,16,16,304]  features.6.0.block.3.1
 * %1343 = bn_train(%1335, %1340, %1336, %1337) : f32[4,16,16,304]  features.6.1.block.3.1
 * %1345 = stochastic_depth(%1343, %1344) : f32[4,16,16,304]  features.6.1.stochastic_depth
 * %1346 = add(%1345, %1297) : f32[4,16,16,304]  features.6.1
 * %1392 = bn_train(%1384, %1389, %1385, %1386) : f32[4,16,16,304]  features.6.2.block.3.1
 * %1393 = stochastic_depth(%1392, %1344) : f32[4,16,16,304]  features.6.2.stochastic_depth
 * %1394 = add(%1393, %1346) : f32[4,16,16,304]  features.6.2
 * %1396 = conv2d(%1394, %1395) : f32[4,16,16,1824]  features.6.3.block.0.0
 * out %1396 -> A + 63897600
 * in  %1289 f32[4,16,16,304] <- A + 161382400
 * in  %1290 f32[304] <- M + 10490460 (features.6.0.block.3.1.weight)
 * in  %1291 f32[304] <- M + 10490764 (features.6.0.block.3.1.bias)
 * in  %1294 f32[2,304] <- A + 169490944
 * in  %1335 f32[4,16,16,304] <- A + 161693696
 * in  %1336 f32[304] <- M + 11902920 (features.6.1.block.3.1.weight)
 * in  %1337 f32[304] <- M + 11903224 (features.6.1.block.3.1.bias)
 * in  %1340 f32[2,304] <- A + 169491552
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %1384 f32[4,16,16,304] <- A + 162004992
 * in  %1385 f32[304] <- M + 13315380 (features.6.2.block.3.1.weight)
 * in  %1386 f32[304] <- M + 13315684 (features.6.2.block.3.1.bias)
 * in  %1389 f32[2,304] <- A + 169492160
 * in  %1395 f32[1824,304,1,1] <- M + 13315988 (features.6.3.block.0.0.weight)
 */
void k190_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,16,16,1824] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict gamma /* [304] */,
    const float *restrict beta /* [304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict gamma2 /* [304] */,
    const float *restrict beta2 /* [304] */,
    const float *restrict stats2 /* [2,304] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x3 /* [4,16,16,304] */,
    const float *restrict gamma3 /* [304] */,
    const float *restrict beta3 /* [304] */,
    const float *restrict stats3 /* [2,304] */,
    const float *restrict w /* [1824,304,1,1] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* y (1024, 1824) = f(x) (1024, 304) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float q0[304];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q0[c] = gamma3[c] / sqrtf(stats3[304 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[304];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q2[c] = gamma2[c] / sqrtf(stats2[304 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float q4[304];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q4[c] = gamma[c] / sqrtf(stats[304 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 1824, 304, w, 304);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 77824);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 304; c++) {
                    const float t0 = x3[r * 304 + c];
                    const float t1 = (t0 - stats3[c]) * q0[c] + beta3[c];
                    const float t2 = t1 * q1[r / 256];
                    const float t3 = x2[r * 304 + c];
                    const float t4 = (t3 - stats2[c]) * q2[c] + beta2[c];
                    const float t5 = t4 * q3[r / 256];
                    const float t6 = x[r * 304 + c];
                    const float t7 = (t6 - stats[c]) * q4[c] + beta[c];
                    const float t8 = t5 + t7;
                    const float t9 = t2 + t8;
                    tile[(r - m0) * 304 + c] = t9;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1824, 304, 1.0f, tile, 304, w_f32, 0.0f, y + m0 * 1824, 1824);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %1297 = bn_train(%1289, %1294, %1290, %1291) : f32[4,16,16,304]  features.6.0.block.3.1
 * %1343 = bn_train(%1335, %1340, %1336, %1337) : f32[4,16,16,304]  features.6.1.block.3.1
 * %1345 = stochastic_depth(%1343, %1344) : f32[4,16,16,304]  features.6.1.stochastic_depth
 * %1346 = add(%1345, %1297) : f32[4,16,16,304]  features.6.1
 * %1392 = bn_train(%1384, %1389, %1385, %1386) : f32[4,16,16,304]  features.6.2.block.3.1
 * %1393 = stochastic_depth(%1392, %1344) : f32[4,16,16,304]  features.6.2.stochastic_depth
 * %1394 = add(%1393, %1346) : f32[4,16,16,304]  features.6.2
 * %1440 = bn_train(%1432, %1437, %1433, %1434) : f32[4,16,16,304]  features.6.3.block.3.1
 * %1441 = stochastic_depth(%1440, %1344) : f32[4,16,16,304]  features.6.3.stochastic_depth
 * %1442 = add(%1441, %1394) : f32[4,16,16,304]  features.6.3
 * 1 values written, 17 read (flat over the state blocks)
 */
void k191_bn_train_stochastic_depth_add(
    float *restrict y /* [4,16,16,304] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict gamma /* [304] */,
    const float *restrict beta /* [304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict gamma2 /* [304] */,
    const float *restrict beta2 /* [304] */,
    const float *restrict stats2 /* [2,304] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x3 /* [4,16,16,304] */,
    const float *restrict gamma3 /* [304] */,
    const float *restrict beta3 /* [304] */,
    const float *restrict stats3 /* [2,304] */,
    const float *restrict x4 /* [4,16,16,304] */,
    const float *restrict gamma4 /* [304] */,
    const float *restrict beta4 /* [304] */,
    const float *restrict stats4 /* [2,304] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2,
    uint32_t salt3,
    float rate3) {
    float q0[304];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q0[c] = gamma4[c] / sqrtf(stats4[304 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[304];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q2[c] = gamma3[c] / sqrtf(stats3[304 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float q4[304];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q4[c] = gamma2[c] / sqrtf(stats2[304 + c] + 0.001f);
    }
    float q5[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q5[n] = ba_uniform((uint32_t)seed[0], salt3, (uint32_t)n) >= rate3 ? 1.0f / (1.0f - rate3) : 0.0f;
    float q6[304];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q6[c] = gamma[c] / sqrtf(stats[304 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 304; c++) {
            const long i = r * 304 + c;
            const float t0 = x4[r * 304 + c];
            const float t1 = (t0 - stats4[c]) * q0[c] + beta4[c];
            const float t2 = t1 * q1[r / 256];
            const float t3 = x3[r * 304 + c];
            const float t4 = (t3 - stats3[c]) * q2[c] + beta3[c];
            const float t5 = t4 * q3[r / 256];
            const float t6 = x2[r * 304 + c];
            const float t7 = (t6 - stats2[c]) * q4[c] + beta2[c];
            const float t8 = t7 * q5[r / 256];
            const float t9 = x[r * 304 + c];
            const float t10 = (t9 - stats[c]) * q6[c] + beta[c];
            const float t11 = t8 + t10;
            const float t12 = t5 + t11;
            const float t13 = t2 + t12;
            y[i] = t13;
        }
    }
}

/*
 * %2729 = conv2d_bwd_input(%2724, %2126) : f32[4,16,16,1824]  features.7.0.block.1.0
 * 54 call sites share this function; the nodes and locations above are the first one's.
 * out %2729 -> A + 8650752
 * in  %2724 f32[4,16,16,1824] <- A + 10518528
 * in  %2126 f32[1824,1,3,3] <- M + 35061032 (features.7.0.block.1.0.weight)
 */
void k186b_dwconv3x3_bwd_input(
    float *restrict dx /* [4,16,16,1824] */,
    const float *restrict dy /* [4,16,16,1824] */,
    const float *restrict w /* [1824,1,3,3] */) {
    /* dx of x (4,16,16,1824) w (1824,1,3,3) y (4,16,16,1824) stride 1 pad 1 groups 1824 */
    float *restrict wt = malloc(sizeof(float) * 16416);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 1824; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 1824 + c] = w[(c * 3 + r) * 3 + s];
    /* Depthwise 3x3 dx as a sliding window over dy: per input row and block of 16 channels, the weights and
     * the 3x3 window of dy stay in registers while iw moves right; rows and columns outside dy are zeros. */
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long ih = 0; ih < 16; ih++) {
            const int up = ih > 0, down = ih + 1 < 16;
            const long o1 = (n * 16 + ih) * 29184, o0 = o1 - 29184, o2 = o1 + 29184;
            for (long c = 0; c < 1824; c += 16) {
                const ba_v16 zero = {0};
                const ba_v16 w00 = *(const ba_v16 *)(wt + c), w01 = *(const ba_v16 *)(wt + 1824 + c), w02 = *(const ba_v16 *)(wt + 3648 + c);
                const ba_v16 w10 = *(const ba_v16 *)(wt + 5472 + c), w11 = *(const ba_v16 *)(wt + 7296 + c), w12 = *(const ba_v16 *)(wt + 9120 + c);
                const ba_v16 w20 = *(const ba_v16 *)(wt + 10944 + c), w21 = *(const ba_v16 *)(wt + 12768 + c), w22 = *(const ba_v16 *)(wt + 14592 + c);
                ba_v16 v00 = zero, v10 = zero, v20 = zero;
                ba_v16 v01 = up ? *(const ba_v16 *)(dy + o0 + c) : zero, v11 = *(const ba_v16 *)(dy + o1 + c), v21 = down ? *(const ba_v16 *)(dy + o2 + c) : zero;
                for (long col = 0; col < 16; col++) {
                    ba_v16 v02 = zero, v12 = zero, v22 = zero;
                    if (col + 1 < 16) {
                        const long next = (col + 1) * 1824 + c;
                        if (up) { v02 = *(const ba_v16 *)(dy + o0 + next); __builtin_prefetch(dy + o0 + next + 16); }
                        v12 = *(const ba_v16 *)(dy + o1 + next); __builtin_prefetch(dy + o1 + next + 16);
                        if (down) { v22 = *(const ba_v16 *)(dy + o2 + next); __builtin_prefetch(dy + o2 + next + 16); }
                    }
                    const ba_v16 v = v22 * w00 + v21 * w01 + v20 * w02
                        + v12 * w10 + v11 * w11 + v10 * w12
                        + v02 * w20 + v01 * w21 + v00 * w22;
                    *(ba_v16 *)(dx + o1 + col * 1824 + c) = v;
                    __builtin_prefetch(dx + o1 + col * 1824 + c + 16, 1);
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
            }
        }
    }
    free(wt);
}

/*
 * %2730 = conv2d_bwd_weight(%2724, %2125) : f32[1824,1,3,3]  features.7.0.block.1.0
 * %4076 = add(%4075, %2730) : f32[1824,1,3,3]  features.7.0.block.1.0.weight
 * 54 call sites share this function; the nodes and locations above are the first one's.
 * out %4076 -> G + 35061032
 * in  %2724 f32[4,16,16,1824] <- A + 10518528
 * in  %2125 f32[4,16,16,1824] <- A + 149815296
 * in  %4075 f32[1824,1,3,3] <- G + 35061032 (features.7.0.block.1.0.weight)
 */
void k186b_dwconv3x3_bwd_weight_acc(
    float *restrict grad /* [1824,1,3,3] */,
    const float *restrict dy /* [4,16,16,1824] */,
    const float *restrict x /* [4,16,16,1824] */) {
    /* dw of x (4,16,16,1824) w (1824,1,3,3) y (4,16,16,1824) stride 1 pad 1 groups 1824, added into the accumulator */
    /* Depthwise dw: dw[c, r, s] = Σ_{n, oh, ow} dy[n, oh, ow, c] · x[n, ih, iw, c], channels innermost. Each thread
     * sums a fixed range of output rows into its own (R, S, C) partial (each row in float, the partial in
     * double); the partials are added in thread order. */
    /* 3x3, stride 1: each row's nine sums in registers, a sliding window over x (CEmitter+DepthwiseWindow) */
    const int max_threads = omp_get_max_threads();
    double *restrict part = calloc((size_t)max_threads * 16416, sizeof(double));  /* (threads, R, S, C) */
    if (!part) abort();
    int threads = 1;
    #pragma omp parallel num_threads(max_threads)
    {
        const int thread = omp_get_thread_num(), team = omp_get_num_threads();
        if (thread == 0) threads = team;
        double *restrict acc = part + (long)thread * 16416;
        for (long row = 64L * thread / team; row < 64L * (thread + 1) / team; row++) {
            const long n = row / 16, oh = row % 16;
            const int up = oh > 0, down = oh + 1 < 16;
            const long o1 = (n * 16 + oh) * 29184, o0 = o1 - 29184, o2 = o1 + 29184;
            for (long c = 0; c < 1824; c += 16) {
                const ba_v16 zero = {0};
                ba_v16 g00 = zero, g01 = zero, g02 = zero, g10 = zero, g11 = zero, g12 = zero, g20 = zero, g21 = zero, g22 = zero;
                ba_v16 v00 = zero, v10 = zero, v20 = zero;
                ba_v16 v01 = up ? *(const ba_v16 *)(x + o0 + c) : zero, v11 = *(const ba_v16 *)(x + o1 + c), v21 = down ? *(const ba_v16 *)(x + o2 + c) : zero;
                for (long col = 0; col < 16; col++) {
                    ba_v16 v02 = zero, v12 = zero, v22 = zero;
                    if (col + 1 < 16) {
                        const long next = (col + 1) * 1824 + c;
                        if (up) { v02 = *(const ba_v16 *)(x + o0 + next); __builtin_prefetch(x + o0 + next + 16); }
                        v12 = *(const ba_v16 *)(x + o1 + next); __builtin_prefetch(x + o1 + next + 16);
                        if (down) { v22 = *(const ba_v16 *)(x + o2 + next); __builtin_prefetch(x + o2 + next + 16); }
                    }
                    const ba_v16 g = *(const ba_v16 *)(dy + o1 + col * 1824 + c);
                    __builtin_prefetch(dy + o1 + col * 1824 + c + 16);
                    g00 += g * v00; g01 += g * v01; g02 += g * v02;
                    g10 += g * v10; g11 += g * v11; g12 += g * v12;
                    g20 += g * v20; g21 += g * v21; g22 += g * v22;
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
                *(ba_v8d *)(acc + c) += BA_LO_V8D(g00); *(ba_v8d *)(acc + c + 8) += BA_HI_V8D(g00);
                *(ba_v8d *)(acc + 1824 + c) += BA_LO_V8D(g01); *(ba_v8d *)(acc + 1824 + c + 8) += BA_HI_V8D(g01);
                *(ba_v8d *)(acc + 3648 + c) += BA_LO_V8D(g02); *(ba_v8d *)(acc + 3648 + c + 8) += BA_HI_V8D(g02);
                *(ba_v8d *)(acc + 5472 + c) += BA_LO_V8D(g10); *(ba_v8d *)(acc + 5472 + c + 8) += BA_HI_V8D(g10);
                *(ba_v8d *)(acc + 7296 + c) += BA_LO_V8D(g11); *(ba_v8d *)(acc + 7296 + c + 8) += BA_HI_V8D(g11);
                *(ba_v8d *)(acc + 9120 + c) += BA_LO_V8D(g12); *(ba_v8d *)(acc + 9120 + c + 8) += BA_HI_V8D(g12);
                *(ba_v8d *)(acc + 10944 + c) += BA_LO_V8D(g20); *(ba_v8d *)(acc + 10944 + c + 8) += BA_HI_V8D(g20);
                *(ba_v8d *)(acc + 12768 + c) += BA_LO_V8D(g21); *(ba_v8d *)(acc + 12768 + c + 8) += BA_HI_V8D(g21);
                *(ba_v8d *)(acc + 14592 + c) += BA_LO_V8D(g22); *(ba_v8d *)(acc + 14592 + c + 8) += BA_HI_V8D(g22);
            }
        }
    }
    /* dw[c, r, s] = Σ_thread part[thread, r, s, c], in thread order */
    #pragma omp parallel for schedule(static)
    for (long c = 0; c < 1824; c++) {
        for (long t = 0; t < 9; t++) {
            double sum = 0.0;
            for (int thread = 0; thread < threads; thread++) sum += part[((long)thread * 9 + t) * 1824 + c];
            grad[c * 9 + t] += (float)sum;
        }
    }
    free(part);
}

/*
 * %2124 = bn_train(%2116, %2121, %2117, %2118) : f32[4,16,16,1824]  features.7.0.block.0.1
 * %2731 = silu_bwd(%2729, %2124) : f32[4,16,16,1824]  features.7.0.block.0.2
 * %2732 = bn_bwd_reduce(%2731, %2116, %2121) : f32[2,1824]  features.7.0.block.0.1
 * 54 call sites share this function; the nodes and locations above are the first one's.
 * out %2732 -> A + 169266560
 * in  %2116 f32[4,16,16,1824] <- A + 147947520
 * in  %2117 f32[1824] <- M + 35057384 (features.7.0.block.0.1.weight)
 * in  %2118 f32[1824] <- M + 35059208 (features.7.0.block.0.1.bias)
 * in  %2121 f32[2,1824] <- A + 169474304
 * in  %2729 f32[4,16,16,1824] <- A + 8650752
 */
void k184b_bn_train_silu_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,1824] */,
    const float *restrict x /* [4,16,16,1824] */,
    const float *restrict gamma /* [1824] */,
    const float *restrict beta /* [1824] */,
    const float *restrict stats /* [2,1824] */,
    const float *restrict dy /* [4,16,16,1824] */) {
    float q0[1824];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 1824; c++) {
        q0[c] = gamma[c] / sqrtf(stats[1824 + c] + 0.001f);
    }
    float q1[1824];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 1824; c++) {
        q1[c] = 1.0f / sqrtf(stats[1824 + c] + 0.001f);
    }
    enum { C = 1824, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = dy[r * 1824 + c];
                const float t1 = x[r * 1824 + c];
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
 * %2124 = bn_train(%2116, %2121, %2117, %2118) : f32[4,16,16,1824]  features.7.0.block.0.1
 * %2731 = silu_bwd(%2729, %2124) : f32[4,16,16,1824]  features.7.0.block.0.2
 * %2733 = bn_bwd_input(%2731, %2116, %2121, %2117, %2732) : f32[4,16,16,1824]  features.7.0.block.0.1
 * 54 call sites share this function; the nodes and locations above are the first one's.
 * out %2733 -> A + 10518528
 * in  %2116 f32[4,16,16,1824] <- A + 147947520
 * in  %2117 f32[1824] <- M + 35057384 (features.7.0.block.0.1.weight)
 * in  %2118 f32[1824] <- M + 35059208 (features.7.0.block.0.1.bias)
 * in  %2121 f32[2,1824] <- A + 169474304
 * in  %2729 f32[4,16,16,1824] <- A + 8650752
 * in  %2732 f32[2,1824] <- A + 169266560
 */
void k184b_bn_train_silu_bwd_bn_bwd_input(
    float *restrict dx /* [4,16,16,1824] */,
    const float *restrict x /* [4,16,16,1824] */,
    const float *restrict gamma /* [1824] */,
    const float *restrict beta /* [1824] */,
    const float *restrict stats /* [2,1824] */,
    const float *restrict dy /* [4,16,16,1824] */,
    const float *restrict dstats /* [2,1824] */) {
    float q0[1824];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 1824; c++) {
        q0[c] = gamma[c] / sqrtf(stats[1824 + c] + 0.001f);
    }
    float q1[1824], q2[1824], q3[1824];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 1824; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[1824 + c] + 0.001f));
        q2[c] = dstats[c] / 1024.0f;
        q3[c] = dstats[1824 + c] / 1024.0f * (1.0f / sqrtf(stats[1824 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 1824; c++) {
            const long i = r * 1824 + c;
            const float t0 = dy[r * 1824 + c];
            const float t1 = x[r * 1824 + c];
            const float t2 = (t1 - stats[c]) * q0[c] + beta[c];
            const float t3s = ba_sigmoid(t2);
            const float t3 = t0 * (t3s * (1.0f + t2 * (1.0f - t3s)));
            const float t4 = q1[c] * (t3 - q2[c] - (t1 - stats[c]) * q3[c]);
            dx[i] = t4;
        }
    }
}

/*
 * %2740 = stochastic_depth_bwd(%2738, %1344) : f32[4,16,16,304]  features.6.17.stochastic_depth
 * %2741 = bn_bwd_reduce(%2740, %2104, %2109) : f32[2,304]  features.6.17.block.3.1
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %2741 -> A + 169485824
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %2104 f32[4,16,16,304] <- A + 168230912
 * in  %2109 f32[2,304] <- A + 169501280
 * in  %2738 f32[4,16,16,304] <- A + 158236672
 */
void k182b_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,304] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict dy /* [4,16,16,304] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[304];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q1[c] = 1.0f / sqrtf(stats[304 + c] + 0.001f);
    }
    enum { C = 304, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = dy[r * 304 + c];
                const float t1 = t0 * q0[r / 256];
                const float t2 = x[r * 304 + c];
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
 * %2740 = stochastic_depth_bwd(%2738, %1344) : f32[4,16,16,304]  features.6.17.stochastic_depth
 * %2742 = bn_bwd_input(%2740, %2104, %2109, %2105, %2741) : f32[4,16,16,304]  features.6.17.block.3.1
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %2742 -> A + 158547968
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %2104 f32[4,16,16,304] <- A + 168230912
 * in  %2105 f32[304] <- M + 34502280 (features.6.17.block.3.1.weight)
 * in  %2109 f32[2,304] <- A + 169501280
 * in  %2738 f32[4,16,16,304] <- A + 158236672
 * in  %2741 f32[2,304] <- A + 169485824
 */
void k182b_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,16,16,304] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict gamma /* [304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict dy /* [4,16,16,304] */,
    const float *restrict dstats /* [2,304] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[304], q2[304], q3[304];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 304; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[304 + c] + 0.001f));
        q2[c] = dstats[c] / 1024.0f;
        q3[c] = dstats[304 + c] / 1024.0f * (1.0f / sqrtf(stats[304 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 304; c++) {
            const long i = r * 304 + c;
            const float t0 = dy[r * 304 + c];
            const float t1 = t0 * q0[r / 256];
            const float t2 = x[r * 304 + c];
            const float t3 = q1[c] * (t1 - q2[c] - (t2 - stats[c]) * q3[c]);
            dx[i] = t3;
        }
    }
}

/*
 * %2743 = slice(%2741) : f32[1,304]  features.6.17.block.3.1
 * %2744 = reshape(%2743) : f32[304]  features.6.17.block.3.1
 * %4066 = add(%4065, %2744) : f32[304]  features.6.17.block.3.1.weight
 * 54 call sites share this function; the nodes and locations above are the first one's.
 * out %4066 -> G + 34502280
 * in  %2741 f32[2,304] <- A + 169485824
 * in  %4065 f32[304] <- G + 34502280 (features.6.17.block.3.1.weight)
 */
void k182b_slice_acc(float *restrict grad /* [304] */, const float *restrict x /* [2,304] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 304; j++) grad[o * 304 + j] += x[o * 608 + 304 + j];
}

/*
 * %2745 = slice(%2741) : f32[1,304]  features.6.17.block.3.1
 * %2746 = reshape(%2745) : f32[304]  features.6.17.block.3.1
 * %4068 = add(%4067, %2746) : f32[304]  features.6.17.block.3.1.bias
 * 54 call sites share this function; the nodes and locations above are the first one's.
 * out %4068 -> G + 34502584
 * in  %2741 f32[2,304] <- A + 169485824
 * in  %4067 f32[304] <- G + 34502584 (features.6.17.block.3.1.bias)
 */
void k182b2_slice_acc(float *restrict grad /* [304] */, const float *restrict x /* [2,304] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 304; j++) grad[o * 304 + j] += x[o * 608 + 0 + j];
}

/*
 * %2747 = conv2d_bwd_input(%2742, %2103) : f32[4,16,16,1824]  features.6.17.block.3.0
 * 51 call sites share this function; the nodes and locations above are the first one's.
 * out %2747 -> A + 8650752
 * in  %2742 f32[4,16,16,304] <- A + 158547968
 * in  %2103 f32[304,1824,1,1] <- M + 33947784 (features.6.17.block.3.0.weight)
 */
void k188b_conv1x1_bwd_input(
    float *restrict dx /* [4,16,16,1824] */,
    const float *restrict dy /* [4,16,16,304] */,
    const float *restrict w /* [304,1824,1,1] */) {
    /* dx of x (4,16,16,1824) w (304,1824,1,1) y (4,16,16,304) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 1024, 1824, 304, 1.0f, dy, 304, w, 1824, 0.0f, dx, 1824);
}

/*
 * %2087 = bn_train(%2079, %2084, %2080, %2081) : f32[4,16,16,1824]  features.6.17.block.1.1
 * %2088 = silu(%2087) : f32[4,16,16,1824]  features.6.17.block.1.2
 * %2102 = mul(%2088, %2101) : f32[4,16,16,1824]  features.6.17.block.2
 * %2748 = conv2d_bwd_weight(%2742, %2102) : f32[304,1824,1,1]  features.6.17.block.3.0
 * %4064 = add(%4063, %2748) : f32[304,1824,1,1]  features.6.17.block.3.0.weight
 * 51 call sites share this function; the nodes and locations above are the first one's.
 * out %4064 -> G + 33947784
 * in  %2079 f32[4,16,16,1824] <- A + 146079744
 * in  %2080 f32[1824] <- M + 33664988 (features.6.17.block.1.1.weight)
 * in  %2081 f32[1824] <- M + 33666812 (features.6.17.block.1.1.bias)
 * in  %2084 f32[2,1824] <- A + 169470656
 * in  %2101 f32[4,1,1,1824] <- A + 169259264
 * in  %2742 f32[4,16,16,304] <- A + 158547968
 * in  %4063 f32[304,1824,1,1] <- G + 33947784 (features.6.17.block.3.0.weight)
 */
void k188b_bn_train_silu_mul_conv1x1_bwd_weight_acc(
    float *restrict grad /* [304,1824,1,1] */,
    const float *restrict x /* [4,16,16,1824] */,
    const float *restrict gamma /* [1824] */,
    const float *restrict beta /* [1824] */,
    const float *restrict stats /* [2,1824] */,
    const float *restrict scale /* [4,1,1,1824] */,
    const float *restrict dy /* [4,16,16,304] */) {
    /* dw (304, 1824) += dyᵀ (304, 1024) · f(x) (1024, 1824), f(x) recomputed in tiles of 256 rows */
    float q0[1824];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 1824; c++) {
        q0[c] = gamma[c] / sqrtf(stats[1824 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 554496);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 554496;
        float *restrict tile = malloc(sizeof(float) * 466944);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 1824; c++) {
                    const float t0 = x[r * 1824 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    const float t3 = scale[(r / 256) * 1824 + c];
                    const float t4 = t2 * t3;
                    tile[(r - m0) * 1824 + c] = t4;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 304, 1824, rows, 1.0f, dy + m0 * 304, 304, tile, 1824, first ? 0.0f : 1.0f, mine, 1824);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 554496);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 554496; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 554496 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %2787 = add_n(%2738, %2785) : f32[4,16,16,304]  features.6.16
 * %2788 = stochastic_depth_bwd(%2787, %1344) : f32[4,16,16,304]  features.6.16.stochastic_depth
 * %2789 = bn_bwd_reduce(%2788, %2056, %2061) : f32[2,304]  features.6.16.block.3.1
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %2789 -> A + 169485824
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %2056 f32[4,16,16,304] <- A + 167919616
 * in  %2061 f32[2,304] <- A + 169500672
 * in  %2738 f32[4,16,16,304] <- A + 158236672
 * in  %2785 f32[4,16,16,304] <- A + 158547968
 */
void k182b_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,304] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict x3 /* [4,16,16,304] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[304];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q1[c] = 1.0f / sqrtf(stats[304 + c] + 0.001f);
    }
    enum { C = 304, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 304 + c];
                const float t1 = x3[r * 304 + c];
                const float t2 = t0 + t1;
                const float t3 = t2 * q0[r / 256];
                const float t4 = x[r * 304 + c];
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
 * %2787 = add_n(%2738, %2785) : f32[4,16,16,304]  features.6.16
 * %2788 = stochastic_depth_bwd(%2787, %1344) : f32[4,16,16,304]  features.6.16.stochastic_depth
 * %2790 = bn_bwd_input(%2788, %2056, %2061, %2057, %2789) : f32[4,16,16,304]  features.6.16.block.3.1
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %2790 -> A + 158859264
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %2056 f32[4,16,16,304] <- A + 167919616
 * in  %2057 f32[304] <- M + 33089820 (features.6.16.block.3.1.weight)
 * in  %2061 f32[2,304] <- A + 169500672
 * in  %2738 f32[4,16,16,304] <- A + 158236672
 * in  %2785 f32[4,16,16,304] <- A + 158547968
 * in  %2789 f32[2,304] <- A + 169485824
 */
void k182b_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,16,16,304] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict gamma /* [304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict x3 /* [4,16,16,304] */,
    const float *restrict dstats /* [2,304] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[304], q2[304], q3[304];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 304; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[304 + c] + 0.001f));
        q2[c] = dstats[c] / 1024.0f;
        q3[c] = dstats[304 + c] / 1024.0f * (1.0f / sqrtf(stats[304 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 304; c++) {
            const long i = r * 304 + c;
            const float t0 = x2[r * 304 + c];
            const float t1 = x3[r * 304 + c];
            const float t2 = t0 + t1;
            const float t3 = t2 * q0[r / 256];
            const float t4 = x[r * 304 + c];
            const float t5 = q1[c] * (t3 - q2[c] - (t4 - stats[c]) * q3[c]);
            dx[i] = t5;
        }
    }
}

/*
 * %2787 = add_n(%2738, %2785) : f32[4,16,16,304]  features.6.16
 * %2835 = add_n(%2787, %2833) : f32[4,16,16,304]  features.6.15
 * %2836 = stochastic_depth_bwd(%2835, %1344) : f32[4,16,16,304]  features.6.15.stochastic_depth
 * %2837 = bn_bwd_reduce(%2836, %2008, %2013) : f32[2,304]  features.6.15.block.3.1
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %2837 -> A + 169485824
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %2008 f32[4,16,16,304] <- A + 167297024
 * in  %2013 f32[2,304] <- A + 169500064
 * in  %2738 f32[4,16,16,304] <- A + 158236672
 * in  %2785 f32[4,16,16,304] <- A + 158547968
 * in  %2833 f32[4,16,16,304] <- A + 158859264
 */
void k182b2_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,304] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict x3 /* [4,16,16,304] */,
    const float *restrict x4 /* [4,16,16,304] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[304];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q1[c] = 1.0f / sqrtf(stats[304 + c] + 0.001f);
    }
    enum { C = 304, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 304 + c];
                const float t1 = x3[r * 304 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 304 + c];
                const float t4 = t2 + t3;
                const float t5 = t4 * q0[r / 256];
                const float t6 = x[r * 304 + c];
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
 * %2787 = add_n(%2738, %2785) : f32[4,16,16,304]  features.6.16
 * %2835 = add_n(%2787, %2833) : f32[4,16,16,304]  features.6.15
 * %2836 = stochastic_depth_bwd(%2835, %1344) : f32[4,16,16,304]  features.6.15.stochastic_depth
 * %2838 = bn_bwd_input(%2836, %2008, %2013, %2009, %2837) : f32[4,16,16,304]  features.6.15.block.3.1
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %2838 -> A + 159170560
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %2008 f32[4,16,16,304] <- A + 167297024
 * in  %2009 f32[304] <- M + 31677360 (features.6.15.block.3.1.weight)
 * in  %2013 f32[2,304] <- A + 169500064
 * in  %2738 f32[4,16,16,304] <- A + 158236672
 * in  %2785 f32[4,16,16,304] <- A + 158547968
 * in  %2833 f32[4,16,16,304] <- A + 158859264
 * in  %2837 f32[2,304] <- A + 169485824
 */
void k182b2_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,16,16,304] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict gamma /* [304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict x3 /* [4,16,16,304] */,
    const float *restrict x4 /* [4,16,16,304] */,
    const float *restrict dstats /* [2,304] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[304], q2[304], q3[304];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 304; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[304 + c] + 0.001f));
        q2[c] = dstats[c] / 1024.0f;
        q3[c] = dstats[304 + c] / 1024.0f * (1.0f / sqrtf(stats[304 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 304; c++) {
            const long i = r * 304 + c;
            const float t0 = x2[r * 304 + c];
            const float t1 = x3[r * 304 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 304 + c];
            const float t4 = t2 + t3;
            const float t5 = t4 * q0[r / 256];
            const float t6 = x[r * 304 + c];
            const float t7 = q1[c] * (t5 - q2[c] - (t6 - stats[c]) * q3[c]);
            dx[i] = t7;
        }
    }
}

/*
 * %2787 = add_n(%2738, %2785) : f32[4,16,16,304]  features.6.16
 * %2835 = add_n(%2787, %2833) : f32[4,16,16,304]  features.6.15
 * %2883 = add_n(%2835, %2881) : f32[4,16,16,304]  features.6.14
 * %2884 = stochastic_depth_bwd(%2883, %1344) : f32[4,16,16,304]  features.6.14.stochastic_depth
 * %2885 = bn_bwd_reduce(%2884, %1960, %1965) : f32[2,304]  features.6.14.block.3.1
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %2885 -> A + 169485824
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %1960 f32[4,16,16,304] <- A + 166985728
 * in  %1965 f32[2,304] <- A + 169499456
 * in  %2738 f32[4,16,16,304] <- A + 158236672
 * in  %2785 f32[4,16,16,304] <- A + 158547968
 * in  %2833 f32[4,16,16,304] <- A + 158859264
 * in  %2881 f32[4,16,16,304] <- A + 159170560
 */
void k182b3_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,304] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict x3 /* [4,16,16,304] */,
    const float *restrict x4 /* [4,16,16,304] */,
    const float *restrict x5 /* [4,16,16,304] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[304];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q1[c] = 1.0f / sqrtf(stats[304 + c] + 0.001f);
    }
    enum { C = 304, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 304 + c];
                const float t1 = x3[r * 304 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 304 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 304 + c];
                const float t6 = t4 + t5;
                const float t7 = t6 * q0[r / 256];
                const float t8 = x[r * 304 + c];
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
 * %2787 = add_n(%2738, %2785) : f32[4,16,16,304]  features.6.16
 * %2835 = add_n(%2787, %2833) : f32[4,16,16,304]  features.6.15
 * %2883 = add_n(%2835, %2881) : f32[4,16,16,304]  features.6.14
 * %2884 = stochastic_depth_bwd(%2883, %1344) : f32[4,16,16,304]  features.6.14.stochastic_depth
 * %2886 = bn_bwd_input(%2884, %1960, %1965, %1961, %2885) : f32[4,16,16,304]  features.6.14.block.3.1
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %2886 -> A + 159481856
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %1960 f32[4,16,16,304] <- A + 166985728
 * in  %1961 f32[304] <- M + 30264900 (features.6.14.block.3.1.weight)
 * in  %1965 f32[2,304] <- A + 169499456
 * in  %2738 f32[4,16,16,304] <- A + 158236672
 * in  %2785 f32[4,16,16,304] <- A + 158547968
 * in  %2833 f32[4,16,16,304] <- A + 158859264
 * in  %2881 f32[4,16,16,304] <- A + 159170560
 * in  %2885 f32[2,304] <- A + 169485824
 */
void k182b3_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,16,16,304] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict gamma /* [304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict x3 /* [4,16,16,304] */,
    const float *restrict x4 /* [4,16,16,304] */,
    const float *restrict x5 /* [4,16,16,304] */,
    const float *restrict dstats /* [2,304] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[304], q2[304], q3[304];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 304; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[304 + c] + 0.001f));
        q2[c] = dstats[c] / 1024.0f;
        q3[c] = dstats[304 + c] / 1024.0f * (1.0f / sqrtf(stats[304 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 304; c++) {
            const long i = r * 304 + c;
            const float t0 = x2[r * 304 + c];
            const float t1 = x3[r * 304 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 304 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 304 + c];
            const float t6 = t4 + t5;
            const float t7 = t6 * q0[r / 256];
            const float t8 = x[r * 304 + c];
            const float t9 = q1[c] * (t7 - q2[c] - (t8 - stats[c]) * q3[c]);
            dx[i] = t9;
        }
    }
}

/*
 * %2787 = add_n(%2738, %2785) : f32[4,16,16,304]  features.6.16
 * %2835 = add_n(%2787, %2833) : f32[4,16,16,304]  features.6.15
 * %2883 = add_n(%2835, %2881) : f32[4,16,16,304]  features.6.14
 * %2931 = add_n(%2883, %2929) : f32[4,16,16,304]  features.6.13
 * %2932 = stochastic_depth_bwd(%2931, %1344) : f32[4,16,16,304]  features.6.13.stochastic_depth
 * %2933 = bn_bwd_reduce(%2932, %1912, %1917) : f32[2,304]  features.6.13.block.3.1
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %2933 -> A + 169485824
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %1912 f32[4,16,16,304] <- A + 166674432
 * in  %1917 f32[2,304] <- A + 169498848
 * in  %2738 f32[4,16,16,304] <- A + 158236672
 * in  %2785 f32[4,16,16,304] <- A + 158547968
 * in  %2833 f32[4,16,16,304] <- A + 158859264
 * in  %2881 f32[4,16,16,304] <- A + 159170560
 * in  %2929 f32[4,16,16,304] <- A + 159481856
 */
void k182b4_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,304] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict x3 /* [4,16,16,304] */,
    const float *restrict x4 /* [4,16,16,304] */,
    const float *restrict x5 /* [4,16,16,304] */,
    const float *restrict x6 /* [4,16,16,304] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[304];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q1[c] = 1.0f / sqrtf(stats[304 + c] + 0.001f);
    }
    enum { C = 304, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 304 + c];
                const float t1 = x3[r * 304 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 304 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 304 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 304 + c];
                const float t8 = t6 + t7;
                const float t9 = t8 * q0[r / 256];
                const float t10 = x[r * 304 + c];
                const float xh = (t10 - stats[c]) * q1[c];
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
 * %2787 = add_n(%2738, %2785) : f32[4,16,16,304]  features.6.16
 * %2835 = add_n(%2787, %2833) : f32[4,16,16,304]  features.6.15
 * %2883 = add_n(%2835, %2881) : f32[4,16,16,304]  features.6.14
 * %2931 = add_n(%2883, %2929) : f32[4,16,16,304]  features.6.13
 * %2932 = stochastic_depth_bwd(%2931, %1344) : f32[4,16,16,304]  features.6.13.stochastic_depth
 * %2934 = bn_bwd_input(%2932, %1912, %1917, %1913, %2933) : f32[4,16,16,304]  features.6.13.block.3.1
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %2934 -> A + 159793152
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %1912 f32[4,16,16,304] <- A + 166674432
 * in  %1913 f32[304] <- M + 28852440 (features.6.13.block.3.1.weight)
 * in  %1917 f32[2,304] <- A + 169498848
 * in  %2738 f32[4,16,16,304] <- A + 158236672
 * in  %2785 f32[4,16,16,304] <- A + 158547968
 * in  %2833 f32[4,16,16,304] <- A + 158859264
 * in  %2881 f32[4,16,16,304] <- A + 159170560
 * in  %2929 f32[4,16,16,304] <- A + 159481856
 * in  %2933 f32[2,304] <- A + 169485824
 */
void k182b4_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,16,16,304] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict gamma /* [304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict x3 /* [4,16,16,304] */,
    const float *restrict x4 /* [4,16,16,304] */,
    const float *restrict x5 /* [4,16,16,304] */,
    const float *restrict x6 /* [4,16,16,304] */,
    const float *restrict dstats /* [2,304] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[304], q2[304], q3[304];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 304; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[304 + c] + 0.001f));
        q2[c] = dstats[c] / 1024.0f;
        q3[c] = dstats[304 + c] / 1024.0f * (1.0f / sqrtf(stats[304 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 304; c++) {
            const long i = r * 304 + c;
            const float t0 = x2[r * 304 + c];
            const float t1 = x3[r * 304 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 304 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 304 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 304 + c];
            const float t8 = t6 + t7;
            const float t9 = t8 * q0[r / 256];
            const float t10 = x[r * 304 + c];
            const float t11 = q1[c] * (t9 - q2[c] - (t10 - stats[c]) * q3[c]);
            dx[i] = t11;
        }
    }
}

/*
 * %2787 = add_n(%2738, %2785) : f32[4,16,16,304]  features.6.16
 * %2835 = add_n(%2787, %2833) : f32[4,16,16,304]  features.6.15
 * %2883 = add_n(%2835, %2881) : f32[4,16,16,304]  features.6.14
 * %2931 = add_n(%2883, %2929) : f32[4,16,16,304]  features.6.13
 * %2979 = add_n(%2931, %2977) : f32[4,16,16,304]  features.6.12
 * %2980 = stochastic_depth_bwd(%2979, %1344) : f32[4,16,16,304]  features.6.12.stochastic_depth
 * %2981 = bn_bwd_reduce(%2980, %1864, %1869) : f32[2,304]  features.6.12.block.3.1
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %2981 -> A + 169485824
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %1864 f32[4,16,16,304] <- A + 166051840
 * in  %1869 f32[2,304] <- A + 169498240
 * in  %2738 f32[4,16,16,304] <- A + 158236672
 * in  %2785 f32[4,16,16,304] <- A + 158547968
 * in  %2833 f32[4,16,16,304] <- A + 158859264
 * in  %2881 f32[4,16,16,304] <- A + 159170560
 * in  %2929 f32[4,16,16,304] <- A + 159481856
 * in  %2977 f32[4,16,16,304] <- A + 159793152
 */
void k182b5_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,304] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict x3 /* [4,16,16,304] */,
    const float *restrict x4 /* [4,16,16,304] */,
    const float *restrict x5 /* [4,16,16,304] */,
    const float *restrict x6 /* [4,16,16,304] */,
    const float *restrict x7 /* [4,16,16,304] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[304];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q1[c] = 1.0f / sqrtf(stats[304 + c] + 0.001f);
    }
    enum { C = 304, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 304 + c];
                const float t1 = x3[r * 304 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 304 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 304 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 304 + c];
                const float t8 = t6 + t7;
                const float t9 = x7[r * 304 + c];
                const float t10 = t8 + t9;
                const float t11 = t10 * q0[r / 256];
                const float t12 = x[r * 304 + c];
                const float xh = (t12 - stats[c]) * q1[c];
                p0[c] += t11;
                p1[c] += t11 * xh;
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
 * %2787 = add_n(%2738, %2785) : f32[4,16,16,304]  features.6.16
 * %2835 = add_n(%2787, %2833) : f32[4,16,16,304]  features.6.15
 * %2883 = add_n(%2835, %2881) : f32[4,16,16,304]  features.6.14
 * %2931 = add_n(%2883, %2929) : f32[4,16,16,304]  features.6.13
 * %2979 = add_n(%2931, %2977) : f32[4,16,16,304]  features.6.12
 * %2980 = stochastic_depth_bwd(%2979, %1344) : f32[4,16,16,304]  features.6.12.stochastic_depth
 * %2982 = bn_bwd_input(%2980, %1864, %1869, %1865, %2981) : f32[4,16,16,304]  features.6.12.block.3.1
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %2982 -> A + 160104448
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %1864 f32[4,16,16,304] <- A + 166051840
 * in  %1865 f32[304] <- M + 27439980 (features.6.12.block.3.1.weight)
 * in  %1869 f32[2,304] <- A + 169498240
 * in  %2738 f32[4,16,16,304] <- A + 158236672
 * in  %2785 f32[4,16,16,304] <- A + 158547968
 * in  %2833 f32[4,16,16,304] <- A + 158859264
 * in  %2881 f32[4,16,16,304] <- A + 159170560
 * in  %2929 f32[4,16,16,304] <- A + 159481856
 * in  %2977 f32[4,16,16,304] <- A + 159793152
 * in  %2981 f32[2,304] <- A + 169485824
 */
void k182b5_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,16,16,304] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict gamma /* [304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict x3 /* [4,16,16,304] */,
    const float *restrict x4 /* [4,16,16,304] */,
    const float *restrict x5 /* [4,16,16,304] */,
    const float *restrict x6 /* [4,16,16,304] */,
    const float *restrict x7 /* [4,16,16,304] */,
    const float *restrict dstats /* [2,304] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[304], q2[304], q3[304];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 304; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[304 + c] + 0.001f));
        q2[c] = dstats[c] / 1024.0f;
        q3[c] = dstats[304 + c] / 1024.0f * (1.0f / sqrtf(stats[304 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 304; c++) {
            const long i = r * 304 + c;
            const float t0 = x2[r * 304 + c];
            const float t1 = x3[r * 304 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 304 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 304 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 304 + c];
            const float t8 = t6 + t7;
            const float t9 = x7[r * 304 + c];
            const float t10 = t8 + t9;
            const float t11 = t10 * q0[r / 256];
            const float t12 = x[r * 304 + c];
            const float t13 = q1[c] * (t11 - q2[c] - (t12 - stats[c]) * q3[c]);
            dx[i] = t13;
        }
    }
}

/*
 * %2787 = add_n(%2738, %2785) : f32[4,16,16,304]  features.6.16
 * %2835 = add_n(%2787, %2833) : f32[4,16,16,304]  features.6.15
 * %2883 = add_n(%2835, %2881) : f32[4,16,16,304]  features.6.14
 * %2931 = add_n(%2883, %2929) : f32[4,16,16,304]  features.6.13
 * %2979 = add_n(%2931, %2977) : f32[4,16,16,304]  features.6.12
 * %3027 = add_n(%2979, %3025) : f32[4,16,16,304]  features.6.11
 * %3028 = stochastic_depth_bwd(%3027, %1344) : f32[4,16,16,304]  features.6.11.stochastic_depth
 * %3029 = bn_bwd_reduce(%3028, %1816, %1821) : f32[2,304]  features.6.11.block.3.1
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %3029 -> A + 169485824
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %1816 f32[4,16,16,304] <- A + 165740544
 * in  %1821 f32[2,304] <- A + 169497632
 * in  %2738 f32[4,16,16,304] <- A + 158236672
 * in  %2785 f32[4,16,16,304] <- A + 158547968
 * in  %2833 f32[4,16,16,304] <- A + 158859264
 * in  %2881 f32[4,16,16,304] <- A + 159170560
 * in  %2929 f32[4,16,16,304] <- A + 159481856
 * in  %2977 f32[4,16,16,304] <- A + 159793152
 * in  %3025 f32[4,16,16,304] <- A + 160104448
 */
void k182b6_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,304] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict x3 /* [4,16,16,304] */,
    const float *restrict x4 /* [4,16,16,304] */,
    const float *restrict x5 /* [4,16,16,304] */,
    const float *restrict x6 /* [4,16,16,304] */,
    const float *restrict x7 /* [4,16,16,304] */,
    const float *restrict x8 /* [4,16,16,304] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[304];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q1[c] = 1.0f / sqrtf(stats[304 + c] + 0.001f);
    }
    enum { C = 304, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 304 + c];
                const float t1 = x3[r * 304 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 304 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 304 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 304 + c];
                const float t8 = t6 + t7;
                const float t9 = x7[r * 304 + c];
                const float t10 = t8 + t9;
                const float t11 = x8[r * 304 + c];
                const float t12 = t10 + t11;
                const float t13 = t12 * q0[r / 256];
                const float t14 = x[r * 304 + c];
                const float xh = (t14 - stats[c]) * q1[c];
                p0[c] += t13;
                p1[c] += t13 * xh;
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
 * %2787 = add_n(%2738, %2785) : f32[4,16,16,304]  features.6.16
 * %2835 = add_n(%2787, %2833) : f32[4,16,16,304]  features.6.15
 * %2883 = add_n(%2835, %2881) : f32[4,16,16,304]  features.6.14
 * %2931 = add_n(%2883, %2929) : f32[4,16,16,304]  features.6.13
 * %2979 = add_n(%2931, %2977) : f32[4,16,16,304]  features.6.12
 * %3027 = add_n(%2979, %3025) : f32[4,16,16,304]  features.6.11
 * %3028 = stochastic_depth_bwd(%3027, %1344) : f32[4,16,16,304]  features.6.11.stochastic_depth
 * %3030 = bn_bwd_input(%3028, %1816, %1821, %1817, %3029) : f32[4,16,16,304]  features.6.11.block.3.1
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %3030 -> A + 160415744
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %1816 f32[4,16,16,304] <- A + 165740544
 * in  %1817 f32[304] <- M + 26027520 (features.6.11.block.3.1.weight)
 * in  %1821 f32[2,304] <- A + 169497632
 * in  %2738 f32[4,16,16,304] <- A + 158236672
 * in  %2785 f32[4,16,16,304] <- A + 158547968
 * in  %2833 f32[4,16,16,304] <- A + 158859264
 * in  %2881 f32[4,16,16,304] <- A + 159170560
 * in  %2929 f32[4,16,16,304] <- A + 159481856
 * in  %2977 f32[4,16,16,304] <- A + 159793152
 * in  %3025 f32[4,16,16,304] <- A + 160104448
 * in  %3029 f32[2,304] <- A + 169485824
 */
void k182b6_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,16,16,304] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict gamma /* [304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict x3 /* [4,16,16,304] */,
    const float *restrict x4 /* [4,16,16,304] */,
    const float *restrict x5 /* [4,16,16,304] */,
    const float *restrict x6 /* [4,16,16,304] */,
    const float *restrict x7 /* [4,16,16,304] */,
    const float *restrict x8 /* [4,16,16,304] */,
    const float *restrict dstats /* [2,304] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[304], q2[304], q3[304];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 304; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[304 + c] + 0.001f));
        q2[c] = dstats[c] / 1024.0f;
        q3[c] = dstats[304 + c] / 1024.0f * (1.0f / sqrtf(stats[304 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 304; c++) {
            const long i = r * 304 + c;
            const float t0 = x2[r * 304 + c];
            const float t1 = x3[r * 304 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 304 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 304 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 304 + c];
            const float t8 = t6 + t7;
            const float t9 = x7[r * 304 + c];
            const float t10 = t8 + t9;
            const float t11 = x8[r * 304 + c];
            const float t12 = t10 + t11;
            const float t13 = t12 * q0[r / 256];
            const float t14 = x[r * 304 + c];
            const float t15 = q1[c] * (t13 - q2[c] - (t14 - stats[c]) * q3[c]);
            dx[i] = t15;
        }
    }
}

/*
 * %2787 = add_n(%2738, %2785) : f32[4,16,16,304]  features.6.16
 * %2835 = add_n(%2787, %2833) : f32[4,16,16,304]  features.6.15
 * %2883 = add_n(%2835, %2881) : f32[4,16,16,304]  features.6.14
 * %2931 = add_n(%2883, %2929) : f32[4,16,16,304]  features.6.13
 * %2979 = add_n(%2931, %2977) : f32[4,16,16,304]  features.6.12
 * %3027 = add_n(%2979, %3025) : f32[4,16,16,304]  features.6.11
 * %3075 = add_n(%3027, %3073) : f32[4,16,16,304]  features.6.10
 * %3076 = stochastic_depth_bwd(%3075, %1344) : f32[4,16,16,304]  features.6.10.stochastic_depth
 * %3077 = bn_bwd_reduce(%3076, %1768, %1773) : f32[2,304]  features.6.10.block.3.1
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %3077 -> A + 169485824
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %1768 f32[4,16,16,304] <- A + 165429248
 * in  %1773 f32[2,304] <- A + 169497024
 * in  %2738 f32[4,16,16,304] <- A + 158236672
 * in  %2785 f32[4,16,16,304] <- A + 158547968
 * in  %2833 f32[4,16,16,304] <- A + 158859264
 * in  %2881 f32[4,16,16,304] <- A + 159170560
 * in  %2929 f32[4,16,16,304] <- A + 159481856
 * in  %2977 f32[4,16,16,304] <- A + 159793152
 * in  %3025 f32[4,16,16,304] <- A + 160104448
 * in  %3073 f32[4,16,16,304] <- A + 160415744
 */
void k182b7_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,304] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict x3 /* [4,16,16,304] */,
    const float *restrict x4 /* [4,16,16,304] */,
    const float *restrict x5 /* [4,16,16,304] */,
    const float *restrict x6 /* [4,16,16,304] */,
    const float *restrict x7 /* [4,16,16,304] */,
    const float *restrict x8 /* [4,16,16,304] */,
    const float *restrict x9 /* [4,16,16,304] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[304];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q1[c] = 1.0f / sqrtf(stats[304 + c] + 0.001f);
    }
    enum { C = 304, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 304 + c];
                const float t1 = x3[r * 304 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 304 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 304 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 304 + c];
                const float t8 = t6 + t7;
                const float t9 = x7[r * 304 + c];
                const float t10 = t8 + t9;
                const float t11 = x8[r * 304 + c];
                const float t12 = t10 + t11;
                const float t13 = x9[r * 304 + c];
                const float t14 = t12 + t13;
                const float t15 = t14 * q0[r / 256];
                const float t16 = x[r * 304 + c];
                const float xh = (t16 - stats[c]) * q1[c];
                p0[c] += t15;
                p1[c] += t15 * xh;
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
 * %2787 = add_n(%2738, %2785) : f32[4,16,16,304]  features.6.16
 * %2835 = add_n(%2787, %2833) : f32[4,16,16,304]  features.6.15
 * %2883 = add_n(%2835, %2881) : f32[4,16,16,304]  features.6.14
 * %2931 = add_n(%2883, %2929) : f32[4,16,16,304]  features.6.13
 * %2979 = add_n(%2931, %2977) : f32[4,16,16,304]  features.6.12
 * %3027 = add_n(%2979, %3025) : f32[4,16,16,304]  features.6.11
 * %3075 = add_n(%3027, %3073) : f32[4,16,16,304]  features.6.10
 * %3076 = stochastic_depth_bwd(%3075, %1344) : f32[4,16,16,304]  features.6.10.stochastic_depth
 * %3078 = bn_bwd_input(%3076, %1768, %1773, %1769, %3077) : f32[4,16,16,304]  features.6.10.block.3.1
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %3078 -> A + 160727040
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %1768 f32[4,16,16,304] <- A + 165429248
 * in  %1769 f32[304] <- M + 24615060 (features.6.10.block.3.1.weight)
 * in  %1773 f32[2,304] <- A + 169497024
 * in  %2738 f32[4,16,16,304] <- A + 158236672
 * in  %2785 f32[4,16,16,304] <- A + 158547968
 * in  %2833 f32[4,16,16,304] <- A + 158859264
 * in  %2881 f32[4,16,16,304] <- A + 159170560
 * in  %2929 f32[4,16,16,304] <- A + 159481856
 * in  %2977 f32[4,16,16,304] <- A + 159793152
 * in  %3025 f32[4,16,16,304] <- A + 160104448
 * in  %3073 f32[4,16,16,304] <- A + 160415744
 * in  %3077 f32[2,304] <- A + 169485824
 */
void k182b7_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,16,16,304] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict gamma /* [304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict x3 /* [4,16,16,304] */,
    const float *restrict x4 /* [4,16,16,304] */,
    const float *restrict x5 /* [4,16,16,304] */,
    const float *restrict x6 /* [4,16,16,304] */,
    const float *restrict x7 /* [4,16,16,304] */,
    const float *restrict x8 /* [4,16,16,304] */,
    const float *restrict x9 /* [4,16,16,304] */,
    const float *restrict dstats /* [2,304] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[304], q2[304], q3[304];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 304; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[304 + c] + 0.001f));
        q2[c] = dstats[c] / 1024.0f;
        q3[c] = dstats[304 + c] / 1024.0f * (1.0f / sqrtf(stats[304 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 304; c++) {
            const long i = r * 304 + c;
            const float t0 = x2[r * 304 + c];
            const float t1 = x3[r * 304 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 304 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 304 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 304 + c];
            const float t8 = t6 + t7;
            const float t9 = x7[r * 304 + c];
            const float t10 = t8 + t9;
            const float t11 = x8[r * 304 + c];
            const float t12 = t10 + t11;
            const float t13 = x9[r * 304 + c];
            const float t14 = t12 + t13;
            const float t15 = t14 * q0[r / 256];
            const float t16 = x[r * 304 + c];
            const float t17 = q1[c] * (t15 - q2[c] - (t16 - stats[c]) * q3[c]);
            dx[i] = t17;
        }
    }
}

/*
 * %3125 = bn_bwd_reduce(%3124, %1720, %1725) : f32[2,304]  features.6.9.block.3.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %3125 -> A + 169485824
 * in  %3124 f32[4,16,16,304] <- A + 161038336
 * in  %1720 f32[4,16,16,304] <- A + 164806656
 * in  %1725 f32[2,304] <- A + 169496416
 */
void k182b_bn_bwd_reduce(
    float *restrict dstats /* [2,304] */,
    const float *restrict dy /* [4,16,16,304] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict stats /* [2,304] */) {
    float q0[304];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q0[c] = 1.0f / sqrtf(stats[304 + c] + 0.001f);
    }
    enum { C = 304, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = dy[r * 304 + c];
                const float t1 = x[r * 304 + c];
                const float xh = (t1 - stats[c]) * q0[c];
                p0[c] += t0;
                p1[c] += t0 * xh;
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
 * %3126 = bn_bwd_input(%3124, %1720, %1725, %1721, %3125) : f32[4,16,16,304]  features.6.9.block.3.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %3126 -> A + 10518528
 * in  %1720 f32[4,16,16,304] <- A + 164806656
 * in  %1721 f32[304] <- M + 23202600 (features.6.9.block.3.1.weight)
 * in  %1725 f32[2,304] <- A + 169496416
 * in  %3124 f32[4,16,16,304] <- A + 161038336
 * in  %3125 f32[2,304] <- A + 169485824
 */
void k182b_bn_bwd_input(
    float *restrict dx /* [4,16,16,304] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict gamma /* [304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict dy /* [4,16,16,304] */,
    const float *restrict dstats /* [2,304] */) {
    float q0[304], q1[304], q2[304];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 304; c++) {
        q0[c] = gamma[c] * (1.0f / sqrtf(stats[304 + c] + 0.001f));
        q1[c] = dstats[c] / 1024.0f;
        q2[c] = dstats[304 + c] / 1024.0f * (1.0f / sqrtf(stats[304 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 304; c++) {
            const long i = r * 304 + c;
            const float t0 = dy[r * 304 + c];
            const float t1 = x[r * 304 + c];
            const float t2 = q0[c] * (t0 - q1[c] - (t1 - stats[c]) * q2[c]);
            dx[i] = t2;
        }
    }
}

/*
 * %1297 = bn_train(%1289, %1294, %1290, %1291) : f32[4,16,16,304]  features.6.0.block.3.1
 * %1343 = bn_train(%1335, %1340, %1336, %1337) : f32[4,16,16,304]  features.6.1.block.3.1
 * %1345 = stochastic_depth(%1343, %1344) : f32[4,16,16,304]  features.6.1.stochastic_depth
 * %1346 = add(%1345, %1297) : f32[4,16,16,304]  features.6.1
 * %1392 = bn_train(%1384, %1389, %1385, %1386) : f32[4,16,16,304]  features.6.2.block.3.1
 * %1393 = stochastic_depth(%1392, %1344) : f32[4,16,16,304]  features.6.2.stochastic_depth
 * %1394 = add(%1393, %1346) : f32[4,16,16,304]  features.6.2
 * %3458 = conv2d_bwd_weight(%3452, %1394) : f32[1824,304,1,1]  features.6.3.block.0.0
 * %3680 = add(%3679, %3458) : f32[1824,304,1,1]  features.6.3.block.0.0.weight
 * out %3680 -> G + 13315988
 * in  %1289 f32[4,16,16,304] <- A + 161382400
 * in  %1290 f32[304] <- M + 10490460 (features.6.0.block.3.1.weight)
 * in  %1291 f32[304] <- M + 10490764 (features.6.0.block.3.1.bias)
 * in  %1294 f32[2,304] <- A + 169490944
 * in  %1335 f32[4,16,16,304] <- A + 161693696
 * in  %1336 f32[304] <- M + 11902920 (features.6.1.block.3.1.weight)
 * in  %1337 f32[304] <- M + 11903224 (features.6.1.block.3.1.bias)
 * in  %1340 f32[2,304] <- A + 169491552
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %1384 f32[4,16,16,304] <- A + 162004992
 * in  %1385 f32[304] <- M + 13315380 (features.6.2.block.3.1.weight)
 * in  %1386 f32[304] <- M + 13315684 (features.6.2.block.3.1.bias)
 * in  %1389 f32[2,304] <- A + 169492160
 * in  %3452 f32[4,16,16,1824] <- A + 10518528
 * in  %3679 f32[1824,304,1,1] <- G + 13315988 (features.6.3.block.0.0.weight)
 */
void k190b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [1824,304,1,1] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict gamma /* [304] */,
    const float *restrict beta /* [304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict gamma2 /* [304] */,
    const float *restrict beta2 /* [304] */,
    const float *restrict stats2 /* [2,304] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x3 /* [4,16,16,304] */,
    const float *restrict gamma3 /* [304] */,
    const float *restrict beta3 /* [304] */,
    const float *restrict stats3 /* [2,304] */,
    const float *restrict dy /* [4,16,16,1824] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* dw (1824, 304) += dyᵀ (1824, 1024) · f(x) (1024, 304), f(x) recomputed in tiles of 256 rows */
    float q0[304];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q0[c] = gamma3[c] / sqrtf(stats3[304 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[304];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q2[c] = gamma2[c] / sqrtf(stats2[304 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float q4[304];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q4[c] = gamma[c] / sqrtf(stats[304 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 554496);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 554496;
        float *restrict tile = malloc(sizeof(float) * 77824);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 304; c++) {
                    const float t0 = x3[r * 304 + c];
                    const float t1 = (t0 - stats3[c]) * q0[c] + beta3[c];
                    const float t2 = t1 * q1[r / 256];
                    const float t3 = x2[r * 304 + c];
                    const float t4 = (t3 - stats2[c]) * q2[c] + beta2[c];
                    const float t5 = t4 * q3[r / 256];
                    const float t6 = x[r * 304 + c];
                    const float t7 = (t6 - stats[c]) * q4[c] + beta[c];
                    const float t8 = t5 + t7;
                    const float t9 = t2 + t8;
                    tile[(r - m0) * 304 + c] = t9;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 1824, 304, rows, 1.0f, dy + m0 * 1824, 1824, tile, 304, first ? 0.0f : 1.0f, mine, 304);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 554496);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 554496; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 554496 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %1297 = bn_train(%1289, %1294, %1290, %1291) : f32[4,16,16,304]  features.6.0.block.3.1
 * %1343 = bn_train(%1335, %1340, %1336, %1337) : f32[4,16,16,304]  features.6.1.block.3.1
 * %1345 = stochastic_depth(%1343, %1344) : f32[4,16,16,304]  features.6.1.stochastic_depth
 * %1346 = add(%1345, %1297) : f32[4,16,16,304]  features.6.1
 * %3506 = conv2d_bwd_weight(%3500, %1346) : f32[1824,304,1,1]  features.6.2.block.0.0
 * %3654 = add(%3653, %3506) : f32[1824,304,1,1]  features.6.2.block.0.0.weight
 * out %3654 -> G + 11903528
 * in  %1289 f32[4,16,16,304] <- A + 161382400
 * in  %1290 f32[304] <- M + 10490460 (features.6.0.block.3.1.weight)
 * in  %1291 f32[304] <- M + 10490764 (features.6.0.block.3.1.bias)
 * in  %1294 f32[2,304] <- A + 169490944
 * in  %1335 f32[4,16,16,304] <- A + 161693696
 * in  %1336 f32[304] <- M + 11902920 (features.6.1.block.3.1.weight)
 * in  %1337 f32[304] <- M + 11903224 (features.6.1.block.3.1.bias)
 * in  %1340 f32[2,304] <- A + 169491552
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %3500 f32[4,16,16,1824] <- A + 10518528
 * in  %3653 f32[1824,304,1,1] <- G + 11903528 (features.6.2.block.0.0.weight)
 */
void k189b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [1824,304,1,1] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict gamma /* [304] */,
    const float *restrict beta /* [304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict gamma2 /* [304] */,
    const float *restrict beta2 /* [304] */,
    const float *restrict stats2 /* [2,304] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict dy /* [4,16,16,1824] */,
    uint32_t salt,
    float rate) {
    /* dw (1824, 304) += dyᵀ (1824, 1024) · f(x) (1024, 304), f(x) recomputed in tiles of 256 rows */
    float q0[304];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q0[c] = gamma2[c] / sqrtf(stats2[304 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[304];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q2[c] = gamma[c] / sqrtf(stats[304 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 554496);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 554496;
        float *restrict tile = malloc(sizeof(float) * 77824);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 304; c++) {
                    const float t0 = x2[r * 304 + c];
                    const float t1 = (t0 - stats2[c]) * q0[c] + beta2[c];
                    const float t2 = t1 * q1[r / 256];
                    const float t3 = x[r * 304 + c];
                    const float t4 = (t3 - stats[c]) * q2[c] + beta[c];
                    const float t5 = t2 + t4;
                    tile[(r - m0) * 304 + c] = t5;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 1824, 304, rows, 1.0f, dy + m0 * 1824, 1824, tile, 304, first ? 0.0f : 1.0f, mine, 304);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 554496);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 554496; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 554496 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %3219 = add_n(%3171, %3217) : f32[4,16,16,304]  features.6.7
 * %3267 = add_n(%3219, %3265) : f32[4,16,16,304]  features.6.6
 * %3315 = add_n(%3267, %3313) : f32[4,16,16,304]  features.6.5
 * %3363 = add_n(%3315, %3361) : f32[4,16,16,304]  features.6.4
 * %3411 = add_n(%3363, %3409) : f32[4,16,16,304]  features.6.3
 * %3459 = add_n(%3411, %3457) : f32[4,16,16,304]  features.6.2
 * %3507 = add_n(%3459, %3505) : f32[4,16,16,304]  features.6.1
 * %3508 = stochastic_depth_bwd(%3507, %1344) : f32[4,16,16,304]  features.6.1.stochastic_depth
 * %3509 = bn_bwd_reduce(%3508, %1335, %1340) : f32[2,304]  features.6.1.block.3.1
 * out %3509 -> A + 169485824
 * in  %1335 f32[4,16,16,304] <- A + 161693696
 * in  %1340 f32[2,304] <- A + 169491552
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %3171 f32[4,16,16,304] <- A + 12386304
 * in  %3217 f32[4,16,16,304] <- A + 158236672
 * in  %3265 f32[4,16,16,304] <- A + 158547968
 * in  %3313 f32[4,16,16,304] <- A + 158859264
 * in  %3361 f32[4,16,16,304] <- A + 159170560
 * in  %3409 f32[4,16,16,304] <- A + 159481856
 * in  %3457 f32[4,16,16,304] <- A + 159793152
 * in  %3505 f32[4,16,16,304] <- A + 160104448
 */
void k182b8_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,304] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict stats /* [2,304] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict x3 /* [4,16,16,304] */,
    const float *restrict x4 /* [4,16,16,304] */,
    const float *restrict x5 /* [4,16,16,304] */,
    const float *restrict x6 /* [4,16,16,304] */,
    const float *restrict x7 /* [4,16,16,304] */,
    const float *restrict x8 /* [4,16,16,304] */,
    const float *restrict x9 /* [4,16,16,304] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[304];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q1[c] = 1.0f / sqrtf(stats[304 + c] + 0.001f);
    }
    enum { C = 304, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 304 + c];
                const float t1 = x3[r * 304 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 304 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 304 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 304 + c];
                const float t8 = t6 + t7;
                const float t9 = x7[r * 304 + c];
                const float t10 = t8 + t9;
                const float t11 = x8[r * 304 + c];
                const float t12 = t10 + t11;
                const float t13 = x9[r * 304 + c];
                const float t14 = t12 + t13;
                const float t15 = t14 * q0[r / 256];
                const float t16 = x[r * 304 + c];
                const float xh = (t16 - stats[c]) * q1[c];
                p0[c] += t15;
                p1[c] += t15 * xh;
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
 * %3219 = add_n(%3171, %3217) : f32[4,16,16,304]  features.6.7
 * %3267 = add_n(%3219, %3265) : f32[4,16,16,304]  features.6.6
 * %3315 = add_n(%3267, %3313) : f32[4,16,16,304]  features.6.5
 * %3363 = add_n(%3315, %3361) : f32[4,16,16,304]  features.6.4
 * %3411 = add_n(%3363, %3409) : f32[4,16,16,304]  features.6.3
 * %3459 = add_n(%3411, %3457) : f32[4,16,16,304]  features.6.2
 * %3507 = add_n(%3459, %3505) : f32[4,16,16,304]  features.6.1
 * %3508 = stochastic_depth_bwd(%3507, %1344) : f32[4,16,16,304]  features.6.1.stochastic_depth
 * %3510 = bn_bwd_input(%3508, %1335, %1340, %1336, %3509) : f32[4,16,16,304]  features.6.1.block.3.1
 * out %3510 -> A + 160415744
 * in  %1335 f32[4,16,16,304] <- A + 161693696
 * in  %1336 f32[304] <- M + 11902920 (features.6.1.block.3.1.weight)
 * in  %1340 f32[2,304] <- A + 169491552
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %3171 f32[4,16,16,304] <- A + 12386304
 * in  %3217 f32[4,16,16,304] <- A + 158236672
 * in  %3265 f32[4,16,16,304] <- A + 158547968
 * in  %3313 f32[4,16,16,304] <- A + 158859264
 * in  %3361 f32[4,16,16,304] <- A + 159170560
 * in  %3409 f32[4,16,16,304] <- A + 159481856
 * in  %3457 f32[4,16,16,304] <- A + 159793152
 * in  %3505 f32[4,16,16,304] <- A + 160104448
 * in  %3509 f32[2,304] <- A + 169485824
 */
void k182b8_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,16,16,304] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict gamma /* [304] */,
    const float *restrict stats /* [2,304] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict x3 /* [4,16,16,304] */,
    const float *restrict x4 /* [4,16,16,304] */,
    const float *restrict x5 /* [4,16,16,304] */,
    const float *restrict x6 /* [4,16,16,304] */,
    const float *restrict x7 /* [4,16,16,304] */,
    const float *restrict x8 /* [4,16,16,304] */,
    const float *restrict x9 /* [4,16,16,304] */,
    const float *restrict dstats /* [2,304] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[304], q2[304], q3[304];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 304; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[304 + c] + 0.001f));
        q2[c] = dstats[c] / 1024.0f;
        q3[c] = dstats[304 + c] / 1024.0f * (1.0f / sqrtf(stats[304 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 304; c++) {
            const long i = r * 304 + c;
            const float t0 = x2[r * 304 + c];
            const float t1 = x3[r * 304 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 304 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 304 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 304 + c];
            const float t8 = t6 + t7;
            const float t9 = x7[r * 304 + c];
            const float t10 = t8 + t9;
            const float t11 = x8[r * 304 + c];
            const float t12 = t10 + t11;
            const float t13 = x9[r * 304 + c];
            const float t14 = t12 + t13;
            const float t15 = t14 * q0[r / 256];
            const float t16 = x[r * 304 + c];
            const float t17 = q1[c] * (t15 - q2[c] - (t16 - stats[c]) * q3[c]);
            dx[i] = t17;
        }
    }
}

/*
 * %1297 = bn_train(%1289, %1294, %1290, %1291) : f32[4,16,16,304]  features.6.0.block.3.1
 * %3554 = conv2d_bwd_weight(%3548, %1297) : f32[1824,304,1,1]  features.6.1.block.0.0
 * %3628 = add(%3627, %3554) : f32[1824,304,1,1]  features.6.1.block.0.0.weight
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %3628 -> G + 10491068
 * in  %1289 f32[4,16,16,304] <- A + 161382400
 * in  %1290 f32[304] <- M + 10490460 (features.6.0.block.3.1.weight)
 * in  %1291 f32[304] <- M + 10490764 (features.6.0.block.3.1.bias)
 * in  %1294 f32[2,304] <- A + 169490944
 * in  %3548 f32[4,16,16,1824] <- A + 10518528
 * in  %3627 f32[1824,304,1,1] <- G + 10491068 (features.6.1.block.0.0.weight)
 */
void k183b_bn_train_conv1x1_bwd_weight_acc(
    float *restrict grad /* [1824,304,1,1] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict gamma /* [304] */,
    const float *restrict beta /* [304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict dy /* [4,16,16,1824] */) {
    /* dw (1824, 304) += dyᵀ (1824, 1024) · f(x) (1024, 304), f(x) recomputed in tiles of 256 rows */
    float q0[304];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q0[c] = gamma[c] / sqrtf(stats[304 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 554496);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 554496;
        float *restrict tile = malloc(sizeof(float) * 77824);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 304; c++) {
                    const float t0 = x[r * 304 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    tile[(r - m0) * 304 + c] = t1;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 1824, 304, rows, 1.0f, dy + m0 * 1824, 1824, tile, 304, first ? 0.0f : 1.0f, mine, 304);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 554496);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 554496; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 554496 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %3219 = add_n(%3171, %3217) : f32[4,16,16,304]  features.6.7
 * %3267 = add_n(%3219, %3265) : f32[4,16,16,304]  features.6.6
 * %3315 = add_n(%3267, %3313) : f32[4,16,16,304]  features.6.5
 * %3363 = add_n(%3315, %3361) : f32[4,16,16,304]  features.6.4
 * %3411 = add_n(%3363, %3409) : f32[4,16,16,304]  features.6.3
 * %3459 = add_n(%3411, %3457) : f32[4,16,16,304]  features.6.2
 * %3507 = add_n(%3459, %3505) : f32[4,16,16,304]  features.6.1
 * %3555 = add_n(%3507, %3553) : f32[4,16,16,304]  features.6.0.block.3.1
 * %3556 = bn_bwd_reduce(%3555, %1289, %1294) : f32[2,304]  features.6.0.block.3.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %3556 -> A + 169485824
 * in  %1289 f32[4,16,16,304] <- A + 161382400
 * in  %1294 f32[2,304] <- A + 169490944
 * in  %3171 f32[4,16,16,304] <- A + 12386304
 * in  %3217 f32[4,16,16,304] <- A + 158236672
 * in  %3265 f32[4,16,16,304] <- A + 158547968
 * in  %3313 f32[4,16,16,304] <- A + 158859264
 * in  %3361 f32[4,16,16,304] <- A + 159170560
 * in  %3409 f32[4,16,16,304] <- A + 159481856
 * in  %3457 f32[4,16,16,304] <- A + 159793152
 * in  %3505 f32[4,16,16,304] <- A + 160104448
 * in  %3553 f32[4,16,16,304] <- A + 160415744
 */
void k182b_add_n_bn_bwd_reduce(
    float *restrict dstats /* [2,304] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict x3 /* [4,16,16,304] */,
    const float *restrict x4 /* [4,16,16,304] */,
    const float *restrict x5 /* [4,16,16,304] */,
    const float *restrict x6 /* [4,16,16,304] */,
    const float *restrict x7 /* [4,16,16,304] */,
    const float *restrict x8 /* [4,16,16,304] */,
    const float *restrict x9 /* [4,16,16,304] */,
    const float *restrict x10 /* [4,16,16,304] */) {
    float q0[304];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 304; c++) {
        q0[c] = 1.0f / sqrtf(stats[304 + c] + 0.001f);
    }
    enum { C = 304, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 304 + c];
                const float t1 = x3[r * 304 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 304 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 304 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 304 + c];
                const float t8 = t6 + t7;
                const float t9 = x7[r * 304 + c];
                const float t10 = t8 + t9;
                const float t11 = x8[r * 304 + c];
                const float t12 = t10 + t11;
                const float t13 = x9[r * 304 + c];
                const float t14 = t12 + t13;
                const float t15 = x10[r * 304 + c];
                const float t16 = t14 + t15;
                const float t17 = x[r * 304 + c];
                const float xh = (t17 - stats[c]) * q0[c];
                p0[c] += t16;
                p1[c] += t16 * xh;
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
 * %3219 = add_n(%3171, %3217) : f32[4,16,16,304]  features.6.7
 * %3267 = add_n(%3219, %3265) : f32[4,16,16,304]  features.6.6
 * %3315 = add_n(%3267, %3313) : f32[4,16,16,304]  features.6.5
 * %3363 = add_n(%3315, %3361) : f32[4,16,16,304]  features.6.4
 * %3411 = add_n(%3363, %3409) : f32[4,16,16,304]  features.6.3
 * %3459 = add_n(%3411, %3457) : f32[4,16,16,304]  features.6.2
 * %3507 = add_n(%3459, %3505) : f32[4,16,16,304]  features.6.1
 * %3555 = add_n(%3507, %3553) : f32[4,16,16,304]  features.6.0.block.3.1
 * %3557 = bn_bwd_input(%3555, %1289, %1294, %1290, %3556) : f32[4,16,16,304]  features.6.0.block.3.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %3557 -> A + 160727040
 * in  %1289 f32[4,16,16,304] <- A + 161382400
 * in  %1290 f32[304] <- M + 10490460 (features.6.0.block.3.1.weight)
 * in  %1294 f32[2,304] <- A + 169490944
 * in  %3171 f32[4,16,16,304] <- A + 12386304
 * in  %3217 f32[4,16,16,304] <- A + 158236672
 * in  %3265 f32[4,16,16,304] <- A + 158547968
 * in  %3313 f32[4,16,16,304] <- A + 158859264
 * in  %3361 f32[4,16,16,304] <- A + 159170560
 * in  %3409 f32[4,16,16,304] <- A + 159481856
 * in  %3457 f32[4,16,16,304] <- A + 159793152
 * in  %3505 f32[4,16,16,304] <- A + 160104448
 * in  %3553 f32[4,16,16,304] <- A + 160415744
 * in  %3556 f32[2,304] <- A + 169485824
 */
void k182b_add_n_bn_bwd_input(
    float *restrict dx /* [4,16,16,304] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict gamma /* [304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict x3 /* [4,16,16,304] */,
    const float *restrict x4 /* [4,16,16,304] */,
    const float *restrict x5 /* [4,16,16,304] */,
    const float *restrict x6 /* [4,16,16,304] */,
    const float *restrict x7 /* [4,16,16,304] */,
    const float *restrict x8 /* [4,16,16,304] */,
    const float *restrict x9 /* [4,16,16,304] */,
    const float *restrict x10 /* [4,16,16,304] */,
    const float *restrict dstats /* [2,304] */) {
    float q0[304], q1[304], q2[304];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 304; c++) {
        q0[c] = gamma[c] * (1.0f / sqrtf(stats[304 + c] + 0.001f));
        q1[c] = dstats[c] / 1024.0f;
        q2[c] = dstats[304 + c] / 1024.0f * (1.0f / sqrtf(stats[304 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 304; c++) {
            const long i = r * 304 + c;
            const float t0 = x2[r * 304 + c];
            const float t1 = x3[r * 304 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 304 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 304 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 304 + c];
            const float t8 = t6 + t7;
            const float t9 = x7[r * 304 + c];
            const float t10 = t8 + t9;
            const float t11 = x8[r * 304 + c];
            const float t12 = t10 + t11;
            const float t13 = x9[r * 304 + c];
            const float t14 = t12 + t13;
            const float t15 = x10[r * 304 + c];
            const float t16 = t14 + t15;
            const float t17 = x[r * 304 + c];
            const float t18 = q0[c] * (t16 - q1[c] - (t17 - stats[c]) * q2[c]);
            dx[i] = t18;
        }
    }
}

/*
 * %3562 = conv2d_bwd_input(%3557, %1288) : f32[4,16,16,1056]  features.6.0.block.3.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %3562 -> A + 8650752
 * in  %3557 f32[4,16,16,304] <- A + 160727040
 * in  %1288 f32[304,1056,1,1] <- M + 10169436 (features.6.0.block.3.0.weight)
 */
void k181b_conv1x1_bwd_input(
    float *restrict dx /* [4,16,16,1056] */,
    const float *restrict dy /* [4,16,16,304] */,
    const float *restrict w /* [304,1056,1,1] */) {
    /* dx of x (4,16,16,1056) w (304,1056,1,1) y (4,16,16,304) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 1024, 1056, 304, 1.0f, dy, 304, w, 1056, 0.0f, dx, 1056);
}

/*
 * %1272 = bn_train(%1264, %1269, %1265, %1266) : f32[4,16,16,1056]  features.6.0.block.1.1
 * %1273 = silu(%1272) : f32[4,16,16,1056]  features.6.0.block.1.2
 * %1287 = mul(%1273, %1286) : f32[4,16,16,1056]  features.6.0.block.2
 * %3563 = conv2d_bwd_weight(%3557, %1287) : f32[304,1056,1,1]  features.6.0.block.3.0
 * %3622 = add(%3621, %3563) : f32[304,1056,1,1]  features.6.0.block.3.0.weight
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %3622 -> G + 10169436
 * in  %1264 f32[4,16,16,1056] <- A + 153550848
 * in  %1265 f32[1056] <- M + 10073296 (features.6.0.block.1.1.weight)
 * in  %1266 f32[1056] <- M + 10074352 (features.6.0.block.1.1.bias)
 * in  %1269 f32[2,1056] <- A + 169483712
 * in  %1286 f32[4,1,1,1056] <- A + 169346048
 * in  %3557 f32[4,16,16,304] <- A + 160727040
 * in  %3621 f32[304,1056,1,1] <- G + 10169436 (features.6.0.block.3.0.weight)
 */
void k181b_bn_train_silu_mul_conv1x1_bwd_weight_acc(
    float *restrict grad /* [304,1056,1,1] */,
    const float *restrict x /* [4,16,16,1056] */,
    const float *restrict gamma /* [1056] */,
    const float *restrict beta /* [1056] */,
    const float *restrict stats /* [2,1056] */,
    const float *restrict scale /* [4,1,1,1056] */,
    const float *restrict dy /* [4,16,16,304] */) {
    /* dw (304, 1056) += dyᵀ (304, 1024) · f(x) (1024, 1056), f(x) recomputed in tiles of 256 rows */
    float q0[1056];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 1056; c++) {
        q0[c] = gamma[c] / sqrtf(stats[1056 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 321024);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 321024;
        float *restrict tile = malloc(sizeof(float) * 270336);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 1056; c++) {
                    const float t0 = x[r * 1056 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    const float t3 = scale[(r / 256) * 1056 + c];
                    const float t4 = t2 * t3;
                    tile[(r - m0) * 1056 + c] = t4;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 304, 1056, rows, 1.0f, dy + m0 * 304, 304, tile, 1056, first ? 0.0f : 1.0f, mine, 1056);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 321024);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 321024; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 321024 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %3591 = conv2d_bwd_input(%3586, %1263) : f32[4,32,32,1056]  features.6.0.block.1.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %3591 -> A + 8650752
 * in  %3586 f32[4,16,16,1056] <- A + 12976128
 * in  %1263 f32[1056,1,3,3] <- M + 10063792 (features.6.0.block.1.0.weight)
 */
void k179b_dwconv3x3s2_bwd_input(
    float *restrict dx /* [4,32,32,1056] */,
    const float *restrict dy /* [4,16,16,1056] */,
    const float *restrict w /* [1056,1,3,3] */) {
    /* dx of x (4,32,32,1056) w (1056,1,3,3) y (4,16,16,1056) stride 2 pad 1 groups 1056 */
    /* Depthwise dx in gather form: dx[n, ih, iw, c] = Σ over the taps reaching (ih, iw) of dy[n, oh, ow, c] · wt[r, s, c],
     * channels innermost, one input row per work item. */
    float *restrict wt = malloc(sizeof(float) * 9504);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 1056; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 1056 + c] = w[(c * 3 + r) * 3 + s];
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long ih = 0; ih < 32; ih++) {
            for (long iw = 0; iw < 32; iw++) {
                float *restrict xp = dx + ((n * 32 + ih) * 32 + iw) * 1056;
                for (long c = 0; c < 1056; c++) xp[c] = 0.0f;
                for (long r = 0; r < 3; r++) {
                    const long th = ih + 1 - r, oh = th / 2;
                    if (th < 0 || th % 2 != 0 || oh >= 16) continue;
                    for (long s = 0; s < 3; s++) {
                        const long tw = iw + 1 - s, ow = tw / 2;
                        if (tw < 0 || tw % 2 != 0 || ow >= 16) continue;
                        const float *restrict gp = dy + ((n * 16 + oh) * 16 + ow) * 1056, *restrict wr = wt + (r * 3 + s) * 1056;
                        for (long c = 0; c < 1056; c++) xp[c] += gp[c] * wr[c];
                    }
                }
            }
        }
    }
    free(wt);
}

/*
 * %3592 = conv2d_bwd_weight(%3586, %1262) : f32[1056,1,3,3]  features.6.0.block.1.0
 * %3608 = add(%3607, %3592) : f32[1056,1,3,3]  features.6.0.block.1.0.weight
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %3608 -> G + 10063792
 * in  %3586 f32[4,16,16,1056] <- A + 12976128
 * in  %1262 f32[4,32,32,1056] <- A + 4325376
 * in  %3607 f32[1056,1,3,3] <- G + 10063792 (features.6.0.block.1.0.weight)
 */
void k179b_dwconv3x3s2_bwd_weight_acc(
    float *restrict grad /* [1056,1,3,3] */,
    const float *restrict dy /* [4,16,16,1056] */,
    const float *restrict x /* [4,32,32,1056] */) {
    /* dw of x (4,32,32,1056) w (1056,1,3,3) y (4,16,16,1056) stride 2 pad 1 groups 1056, added into the accumulator */
    /* Depthwise dw: dw[c, r, s] = Σ_{n, oh, ow} dy[n, oh, ow, c] · x[n, ih, iw, c], channels innermost. Each thread
     * sums a fixed range of output rows into its own (R, S, C) partial (each row in float, the partial in
     * double); the partials are added in thread order. */
    const int max_threads = omp_get_max_threads();
    double *restrict part = calloc((size_t)max_threads * 9504, sizeof(double));  /* (threads, R, S, C) */
    if (!part) abort();
    int threads = 1;
    #pragma omp parallel num_threads(max_threads)
    {
        const int thread = omp_get_thread_num(), team = omp_get_num_threads();
        if (thread == 0) threads = team;
        float *restrict rowsum = malloc(sizeof(float) * 9504);  /* (R, S, C): the sums of one output row */
        if (!rowsum) abort();
        double *restrict acc = part + (long)thread * 9504;
        for (long row = 64L * thread / team; row < 64L * (thread + 1) / team; row++) {
            const long n = row / 16, oh = row % 16;
            memset(rowsum, 0, 9504 * sizeof(float));
            for (long ow = 0; ow < 16; ow++) {
                const float *restrict gp = dy + ((n * 16 + oh) * 16 + ow) * 1056;
                for (long r = 0; r < 3; r++) {
                    const long ih = oh * 2 - 1 + r;
                    if (ih < 0 || ih >= 32) continue;
                    for (long s = 0; s < 3; s++) {
                        const long iw = ow * 2 - 1 + s;
                        if (iw < 0 || iw >= 32) continue;
                        const float *restrict xp = x + ((n * 32 + ih) * 32 + iw) * 1056;
                        float *restrict rp = rowsum + (r * 3 + s) * 1056;
                        for (long c = 0; c < 1056; c++) rp[c] += gp[c] * xp[c];
                    }
                }
            }
            for (long i = 0; i < 9504; i++) acc[i] += rowsum[i];
        }
        free(rowsum);
    }
    /* dw[c, r, s] = Σ_thread part[thread, r, s, c], in thread order */
    #pragma omp parallel for schedule(static)
    for (long c = 0; c < 1056; c++) {
        for (long t = 0; t < 9; t++) {
            double sum = 0.0;
            for (int thread = 0; thread < threads; thread++) sum += part[((long)thread * 9 + t) * 1056 + c];
            grad[c * 9 + t] += (float)sum;
        }
    }
    free(part);
}

/*
 * %1261 = bn_train(%1253, %1258, %1254, %1255) : f32[4,32,32,1056]  features.6.0.block.0.1
 * %3593 = silu_bwd(%3591, %1261) : f32[4,32,32,1056]  features.6.0.block.0.2
 * %3594 = bn_bwd_reduce(%3593, %1253, %1258) : f32[2,1056]  features.6.0.block.0.1
 * 29 call sites share this function; the nodes and locations above are the first one's.
 * out %3594 -> A + 168747008
 * in  %1253 f32[4,32,32,1056] <- A + 0
 * in  %1254 f32[1056] <- M + 10061680 (features.6.0.block.0.1.weight)
 * in  %1255 f32[1056] <- M + 10062736 (features.6.0.block.0.1.bias)
 * in  %1258 f32[2,1056] <- A + 169481600
 * in  %3591 f32[4,32,32,1056] <- A + 8650752
 */
void k177b_bn_train_silu_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,1056] */,
    const float *restrict x /* [4,32,32,1056] */,
    const float *restrict gamma /* [1056] */,
    const float *restrict beta /* [1056] */,
    const float *restrict stats /* [2,1056] */,
    const float *restrict dy /* [4,32,32,1056] */) {
    float q0[1056];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 1056; c++) {
        q0[c] = gamma[c] / sqrtf(stats[1056 + c] + 0.001f);
    }
    float q1[1056];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 1056; c++) {
        q1[c] = 1.0f / sqrtf(stats[1056 + c] + 0.001f);
    }
    enum { C = 1056, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = dy[r * 1056 + c];
                const float t1 = x[r * 1056 + c];
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
 * %1261 = bn_train(%1253, %1258, %1254, %1255) : f32[4,32,32,1056]  features.6.0.block.0.1
 * %3593 = silu_bwd(%3591, %1261) : f32[4,32,32,1056]  features.6.0.block.0.2
 * %3595 = bn_bwd_input(%3593, %1253, %1258, %1254, %3594) : f32[4,32,32,1056]  features.6.0.block.0.1
 * 29 call sites share this function; the nodes and locations above are the first one's.
 * out %3595 -> A + 4325376
 * in  %1253 f32[4,32,32,1056] <- A + 0
 * in  %1254 f32[1056] <- M + 10061680 (features.6.0.block.0.1.weight)
 * in  %1255 f32[1056] <- M + 10062736 (features.6.0.block.0.1.bias)
 * in  %1258 f32[2,1056] <- A + 169481600
 * in  %3591 f32[4,32,32,1056] <- A + 8650752
 * in  %3594 f32[2,1056] <- A + 168747008
 */
void k177b_bn_train_silu_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,1056] */,
    const float *restrict x /* [4,32,32,1056] */,
    const float *restrict gamma /* [1056] */,
    const float *restrict beta /* [1056] */,
    const float *restrict stats /* [2,1056] */,
    const float *restrict dy /* [4,32,32,1056] */,
    const float *restrict dstats /* [2,1056] */) {
    float q0[1056];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 1056; c++) {
        q0[c] = gamma[c] / sqrtf(stats[1056 + c] + 0.001f);
    }
    float q1[1056], q2[1056], q3[1056];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 1056; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[1056 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[1056 + c] / 4096.0f * (1.0f / sqrtf(stats[1056 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 1056; c++) {
            const long i = r * 1056 + c;
            const float t0 = dy[r * 1056 + c];
            const float t1 = x[r * 1056 + c];
            const float t2 = (t1 - stats[c]) * q0[c] + beta[c];
            const float t3s = ba_sigmoid(t2);
            const float t3 = t0 * (t3s * (1.0f + t2 * (1.0f - t3s)));
            const float t4 = q1[c] * (t3 - q2[c] - (t1 - stats[c]) * q3[c]);
            dx[i] = t4;
        }
    }
}
