/* Kernels k160 to k175 and their backward kernels. */
#include "kernels.h"

/*
 * %956 = bn_stats(%951) : f32[2,256]  features.6.0.block.3.1
 * %957 = running_mean_update(%954, %956) : f32[256]  features.6.0.block.3.1
 * %958 = running_var_update(%955, %956) : f32[256]  features.6.0.block.3.1
 * 45 call sites share this function; the nodes and locations above are the first one's.
 * out %956 -> A + 89299456
 * out %957 -> M + 21229509
 * out %958 -> M + 21229765
 * in  %951 f32[4,16,16,256] <- A + 83427328
 * in  %954 f32[256] <- M + 21229509 (features.6.0.block.3.1.running_mean)
 * in  %955 f32[256] <- M + 21229765 (features.6.0.block.3.1.running_var)
 */
void k160_bn_stats_running(
    float *restrict stats /* [2,256] */,
    float *restrict running_mean /* [256] */,
    float *restrict running_var /* [256] */,
    const float *restrict x /* [4,16,16,256] */) {
    enum { C = 256, CHUNKS = 64 };
    double *part = malloc(sizeof(double) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x[r * 256 + c];
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
 * %959 = bn_train(%951, %956, %952, %953) : f32[4,16,16,256]  features.6.0.block.3.1
 * %961 = conv2d(%959, %960) : f32[4,16,16,1536]  features.6.1.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %961 -> A + 7864320
 * in  %951 f32[4,16,16,256] <- A + 83427328
 * in  %952 f32[256] <- M + 5775056 (features.6.0.block.3.1.weight)
 * in  %953 f32[256] <- M + 5775312 (features.6.0.block.3.1.bias)
 * in  %956 f32[2,256] <- A + 89299456
 * in  %960 f32[1536,256,1,1] <- M + 5775568 (features.6.1.block.0.0.weight)
 */
void k161_bn_train_conv1x1(
    float *restrict y /* [4,16,16,1536] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict w /* [1536,256,1,1] */) {
    /* y (1024, 1536) = f(x) (1024, 256) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float q0[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q0[c] = gamma[c] / sqrtf(stats[256 + c] + 0.001f);
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
                    const float t0 = x[r * 256 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    tile[(r - m0) * 256 + c] = t1;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1536, 256, 1.0f, tile, 256, w_f32, 0.0f, y + m0 * 1536, 1536);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %966 = bn_stats(%961) : f32[2,1536]  features.6.1.block.0.1
 * %967 = running_mean_update(%964, %966) : f32[1536]  features.6.1.block.0.1
 * %968 = running_var_update(%965, %966) : f32[1536]  features.6.1.block.0.1
 * 42 call sites share this function; the nodes and locations above are the first one's.
 * out %966 -> A + 89204992
 * out %967 -> M + 21230021
 * out %968 -> M + 21231557
 * in  %961 f32[4,16,16,1536] <- A + 7864320
 * in  %964 f32[1536] <- M + 21230021 (features.6.1.block.0.1.running_mean)
 * in  %965 f32[1536] <- M + 21231557 (features.6.1.block.0.1.running_var)
 */
void k162_bn_stats_running(
    float *restrict stats /* [2,1536] */,
    float *restrict running_mean /* [1536] */,
    float *restrict running_var /* [1536] */,
    const float *restrict x /* [4,16,16,1536] */) {
    enum { C = 1536, CHUNKS = 64 };
    double *part = malloc(sizeof(double) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x[r * 1536 + c];
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
 * %969 = bn_train(%961, %966, %962, %963) : f32[4,16,16,1536]  features.6.1.block.0.1
 * %970 = silu(%969) : f32[4,16,16,1536]  features.6.1.block.0.2
 * 42 call sites share this function; the nodes and locations above are the first one's.
 * out %970 -> A + 9437184
 * in  %961 f32[4,16,16,1536] <- A + 7864320
 * in  %962 f32[1536] <- M + 6168784 (features.6.1.block.0.1.weight)
 * in  %963 f32[1536] <- M + 6170320 (features.6.1.block.0.1.bias)
 * in  %966 f32[2,1536] <- A + 89204992
 */
void k163_bn_train_silu(
    float *restrict y /* [4,16,16,1536] */,
    const float *restrict x /* [4,16,16,1536] */,
    const float *restrict gamma /* [1536] */,
    const float *restrict beta /* [1536] */,
    const float *restrict stats /* [2,1536] */) {
    float q0[1536];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 1536; c++) {
        q0[c] = gamma[c] / sqrtf(stats[1536 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 1536; c++) {
            const long i = r * 1536 + c;
            const float t0 = x[r * 1536 + c];
            const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
            const float t2 = t1 * ba_sigmoid(t1);
            y[i] = t2;
        }
    }
}

/*
 * %972 = conv2d(%970, %971) : f32[4,16,16,1536]  features.6.1.block.1.0
 * %977 = bn_stats(%972) : f32[2,1536]  features.6.1.block.1.1
 * %978 = running_mean_update(%975, %977) : f32[1536]  features.6.1.block.1.1
 * %979 = running_var_update(%976, %977) : f32[1536]  features.6.1.block.1.1
 * 42 call sites share this function; the nodes and locations above are the first one's.
 * out %972 -> A + 11010048
 * out %977 -> A + 89208064
 * out %978 -> M + 21233093
 * out %979 -> M + 21234629
 * in  %970 f32[4,16,16,1536] <- A + 9437184
 * in  %971 f32[1536,1,3,3] <- M + 6171856 (features.6.1.block.1.0.weight)
 * in  %975 f32[1536] <- M + 21233093 (features.6.1.block.1.1.running_mean)
 * in  %976 f32[1536] <- M + 21234629 (features.6.1.block.1.1.running_var)
 */
void k164_dwconv3x3_bn_stats_running(
    float *restrict y /* [4,16,16,1536] */,
    float *restrict stats /* [2,1536] */,
    float *restrict running_mean /* [1536] */,
    float *restrict running_var /* [1536] */,
    const float *restrict x /* [4,16,16,1536] */,
    const float *restrict w /* [1536,1,3,3] */) {
    /* x (4,16,16,1536) w (1536,1,3,3) y (4,16,16,1536) stride 1 pad 1 groups 1536 */
    double *part = malloc(sizeof(double) * 196608);  /* (N·Ho, 2, C): per-row Σy, Σy² */
    if (!part) abort();
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
            double *restrict ps = part + (n * 16 + oh) * 3072;
            for (long c = 0; c < 1536; c += 16) {
                const ba_v16 zero = {0};
                const ba_v16 w00 = *(const ba_v16 *)(wt + c), w01 = *(const ba_v16 *)(wt + 1536 + c), w02 = *(const ba_v16 *)(wt + 3072 + c);
                const ba_v16 w10 = *(const ba_v16 *)(wt + 4608 + c), w11 = *(const ba_v16 *)(wt + 6144 + c), w12 = *(const ba_v16 *)(wt + 7680 + c);
                const ba_v16 w20 = *(const ba_v16 *)(wt + 9216 + c), w21 = *(const ba_v16 *)(wt + 10752 + c), w22 = *(const ba_v16 *)(wt + 12288 + c);
                ba_v16 v00 = zero, v10 = zero, v20 = zero;
                ba_v16 v01 = up ? *(const ba_v16 *)(x + o0 + c) : zero, v11 = *(const ba_v16 *)(x + o1 + c), v21 = down ? *(const ba_v16 *)(x + o2 + c) : zero;
                ba_v8d sum0 = {0}, sq0 = {0}, sum1 = {0}, sq1 = {0};
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
                    { const ba_v8d dv = BA_LO_V8D(v); sum0 += dv; sq0 += dv * dv; }
                    { const ba_v8d dv = BA_HI_V8D(v); sum1 += dv; sq1 += dv * dv; }
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
                *(ba_v8d *)(ps + c) = sum0;
                *(ba_v8d *)(ps + c + 8) = sum1;
                *(ba_v8d *)(ps + 1536 + c) = sq0;
                *(ba_v8d *)(ps + 1536 + c + 8) = sq1;
            }
        }
    }
    free(wt);
    /* Σ of the rows in row order, per channel: blocks of 256 channels over the threads */
    #pragma omp parallel for schedule(static)
    for (long c0 = 0; c0 < 1536; c0 += 256) {
        const long c1 = c0 + 256 < 1536 ? c0 + 256 : 1536;
        double s0[256], s1[256];
        for (long c = c0; c < c1; c++) { s0[c - c0] = 0.0; s1[c - c0] = 0.0; }
        for (long row = 0; row < 64; row++) {
            const double *restrict ps = part + row * 3072;
            for (long c = c0; c < c1; c++) { s0[c - c0] += ps[c]; s1[c - c0] += ps[1536 + c]; }
        }
        for (long c = c0; c < c1; c++) {
            const double mean = s0[c - c0] / 1024.0, var = fmax(s1[c - c0] / 1024.0 - mean * mean, 0.0);
            stats[c] = (float)mean;
            stats[1536 + c] = (float)var;
            running_mean[c] = (float)(0.9f * (double)running_mean[c] + 0.1f * mean);  /* running mean */
            running_var[c] = (float)(0.9f * (double)running_var[c] + 0.1f * var * 1.0009775171065494);  /* running var (unbiased) */
        }
    }
    free(part);
}

/*
 * %980 = bn_train(%972, %977, %973, %974) : f32[4,16,16,1536]  features.6.1.block.1.1
 * %981 = silu(%980) : f32[4,16,16,1536]  features.6.1.block.1.2
 * %982 = reduce_mean(%981) : f32[4,1,1,1536]  features.6.1.block.2.avgpool
 * 42 call sites share this function; the nodes and locations above are the first one's.
 * out %982 -> A + 88920064
 * in  %972 f32[4,16,16,1536] <- A + 11010048
 * in  %973 f32[1536] <- M + 6185680 (features.6.1.block.1.1.weight)
 * in  %974 f32[1536] <- M + 6187216 (features.6.1.block.1.1.bias)
 * in  %977 f32[2,1536] <- A + 89208064
 */
void k165_bn_train_silu_reduce_mean(
    float *restrict y /* [4,1,1,1536] */,
    const float *restrict x /* [4,16,16,1536] */,
    const float *restrict gamma /* [1536] */,
    const float *restrict beta /* [1536] */,
    const float *restrict stats /* [2,1536] */) {
    /* mean over axes [1, 2] of [4, 16, 16, 1536]: (4, 256, 1536) -> (4, 1536) */
    float q0[1536];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 1536; c++) {
        q0[c] = gamma[c] / sqrtf(stats[1536 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[1536];
        for (long q = 0; q < 1536; q++) acc[q] = 0.0;
        for (long j = 0; j < 256; j++) {
            for (long q = 0; q < 1536; q++) {
                const long r = o * 256 + j;
                const long c = q;
                const float t0 = x[r * 1536 + c];
                const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                const float t2 = t1 * ba_sigmoid(t1);
                acc[q] += t2;
            }
        }
        for (long q = 0; q < 1536; q++) y[o * 1536 + q] = (float)(acc[q] / 256.0);
    }
}

/*
 * %980 = bn_train(%972, %977, %973, %974) : f32[4,16,16,1536]  features.6.1.block.1.1
 * %981 = silu(%980) : f32[4,16,16,1536]  features.6.1.block.1.2
 * %995 = mul(%981, %994) : f32[4,16,16,1536]  features.6.1.block.2
 * %997 = conv2d(%995, %996) : f32[4,16,16,256]  features.6.1.block.3.0
 * 42 call sites share this function; the nodes and locations above are the first one's.
 * out %997 -> A + 83689472
 * in  %972 f32[4,16,16,1536] <- A + 11010048
 * in  %973 f32[1536] <- M + 6185680 (features.6.1.block.1.1.weight)
 * in  %974 f32[1536] <- M + 6187216 (features.6.1.block.1.1.bias)
 * in  %977 f32[2,1536] <- A + 89208064
 * in  %994 f32[4,1,1,1536] <- A + 88932352
 * in  %996 f32[256,1536,1,1] <- M + 6386960 (features.6.1.block.3.0.weight)
 */
void k166_bn_train_silu_mul_conv1x1(
    float *restrict y /* [4,16,16,256] */,
    const float *restrict x /* [4,16,16,1536] */,
    const float *restrict gamma /* [1536] */,
    const float *restrict beta /* [1536] */,
    const float *restrict stats /* [2,1536] */,
    const float *restrict scale /* [4,1,1,1536] */,
    const float *restrict w /* [256,1536,1,1] */) {
    /* y (1024, 256) = f(x) (1024, 1536) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float q0[1536];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 1536; c++) {
        q0[c] = gamma[c] / sqrtf(stats[1536 + c] + 0.001f);
    }
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
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    const float t3 = scale[(r / 256) * 1536 + c];
                    const float t4 = t2 * t3;
                    tile[(r - m0) * 1536 + c] = t4;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 256, 1536, 1.0f, tile, 1536, w_f32, 0.0f, y + m0 * 256, 256);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %959 = bn_train(%951, %956, %952, %953) : f32[4,16,16,256]  features.6.0.block.3.1
 * %1005 = bn_train(%997, %1002, %998, %999) : f32[4,16,16,256]  features.6.1.block.3.1
 * %1007 = stochastic_depth(%1005, %1006) : f32[4,16,16,256]  features.6.1.stochastic_depth
 * %1008 = add(%1007, %959) : f32[4,16,16,256]  features.6.1
 * %1010 = conv2d(%1008, %1009) : f32[4,16,16,1536]  features.6.2.block.0.0
 * out %1010 -> A + 12582912
 * in  %951 f32[4,16,16,256] <- A + 83427328
 * in  %952 f32[256] <- M + 5775056 (features.6.0.block.3.1.weight)
 * in  %953 f32[256] <- M + 5775312 (features.6.0.block.3.1.bias)
 * in  %956 f32[2,256] <- A + 89299456
 * in  %997 f32[4,16,16,256] <- A + 83689472
 * in  %998 f32[256] <- M + 6780176 (features.6.1.block.3.1.weight)
 * in  %999 f32[256] <- M + 6780432 (features.6.1.block.3.1.bias)
 * in  %1002 f32[2,256] <- A + 89299968
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %1009 f32[1536,256,1,1] <- M + 6780688 (features.6.2.block.0.0.weight)
 */
void k167_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,16,16,1536] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict gamma2 /* [256] */,
    const float *restrict beta2 /* [256] */,
    const float *restrict stats2 /* [2,256] */,
    const int32_t *restrict seed /* [1] */,
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
 * %959 = bn_train(%951, %956, %952, %953) : f32[4,16,16,256]  features.6.0.block.3.1
 * %1005 = bn_train(%997, %1002, %998, %999) : f32[4,16,16,256]  features.6.1.block.3.1
 * %1007 = stochastic_depth(%1005, %1006) : f32[4,16,16,256]  features.6.1.stochastic_depth
 * %1008 = add(%1007, %959) : f32[4,16,16,256]  features.6.1
 * %1054 = bn_train(%1046, %1051, %1047, %1048) : f32[4,16,16,256]  features.6.2.block.3.1
 * %1055 = stochastic_depth(%1054, %1006) : f32[4,16,16,256]  features.6.2.stochastic_depth
 * %1056 = add(%1055, %1008) : f32[4,16,16,256]  features.6.2
 * %1058 = conv2d(%1056, %1057) : f32[4,16,16,1536]  features.6.3.block.0.0
 * out %1058 -> A + 17301504
 * in  %951 f32[4,16,16,256] <- A + 83427328
 * in  %952 f32[256] <- M + 5775056 (features.6.0.block.3.1.weight)
 * in  %953 f32[256] <- M + 5775312 (features.6.0.block.3.1.bias)
 * in  %956 f32[2,256] <- A + 89299456
 * in  %997 f32[4,16,16,256] <- A + 83689472
 * in  %998 f32[256] <- M + 6780176 (features.6.1.block.3.1.weight)
 * in  %999 f32[256] <- M + 6780432 (features.6.1.block.3.1.bias)
 * in  %1002 f32[2,256] <- A + 89299968
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %1046 f32[4,16,16,256] <- A + 83951616
 * in  %1047 f32[256] <- M + 7785296 (features.6.2.block.3.1.weight)
 * in  %1048 f32[256] <- M + 7785552 (features.6.2.block.3.1.bias)
 * in  %1051 f32[2,256] <- A + 89300480
 * in  %1057 f32[1536,256,1,1] <- M + 7785808 (features.6.3.block.0.0.weight)
 */
void k168_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,16,16,1536] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict gamma2 /* [256] */,
    const float *restrict beta2 /* [256] */,
    const float *restrict stats2 /* [2,256] */,
    const int32_t *restrict seed /* [1] */,
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
 * %959 = bn_train(%951, %956, %952, %953) : f32[4,16,16,256]  features.6.0.block.3.1
 * %1005 = bn_train(%997, %1002, %998, %999) : f32[4,16,16,256]  features.6.1.block.3.1
 * %1007 = stochastic_depth(%1005, %1006) : f32[4,16,16,256]  features.6.1.stochastic_depth
 * %1008 = add(%1007, %959) : f32[4,16,16,256]  features.6.1
 * %1054 = bn_train(%1046, %1051, %1047, %1048) : f32[4,16,16,256]  features.6.2.block.3.1
 * %1055 = stochastic_depth(%1054, %1006) : f32[4,16,16,256]  features.6.2.stochastic_depth
 * %1056 = add(%1055, %1008) : f32[4,16,16,256]  features.6.2
 * %1102 = bn_train(%1094, %1099, %1095, %1096) : f32[4,16,16,256]  features.6.3.block.3.1
 * %1103 = stochastic_depth(%1102, %1006) : f32[4,16,16,256]  features.6.3.stochastic_depth
 * %1104 = add(%1103, %1056) : f32[4,16,16,256]  features.6.3
 * 1 values written, 17 read (flat over the state blocks)
 */
void k169_bn_train_stochastic_depth_add(
    float *restrict y /* [4,16,16,256] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict gamma2 /* [256] */,
    const float *restrict beta2 /* [256] */,
    const float *restrict stats2 /* [2,256] */,
    const int32_t *restrict seed /* [1] */,
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
 * %1150 = bn_train(%1142, %1147, %1143, %1144) : f32[4,16,16,256]  features.6.4.block.3.1
 * %1151 = stochastic_depth(%1150, %1006) : f32[4,16,16,256]  features.6.4.stochastic_depth
 * %1152 = add(%1151, %1104) : f32[4,16,16,256]  features.6.4
 * %1154 = conv2d(%1152, %1153) : f32[4,16,16,1536]  features.6.5.block.0.0
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %1154 -> A + 26738688
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %1104 f32[4,16,16,256] <- A + 84475904
 * in  %1142 f32[4,16,16,256] <- A + 84738048
 * in  %1143 f32[256] <- M + 9795536 (features.6.4.block.3.1.weight)
 * in  %1144 f32[256] <- M + 9795792 (features.6.4.block.3.1.bias)
 * in  %1147 f32[2,256] <- A + 89301504
 * in  %1153 f32[1536,256,1,1] <- M + 9796048 (features.6.5.block.0.0.weight)
 */
void k170_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,16,16,1536] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,16,16,256] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict w /* [1536,256,1,1] */,
    uint32_t salt,
    float rate) {
    /* y (1024, 1536) = f(x) (1024, 256) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float q0[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q0[c] = gamma[c] / sqrtf(stats[256 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
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
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * q1[r / 256];
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
 * %1150 = bn_train(%1142, %1147, %1143, %1144) : f32[4,16,16,256]  features.6.4.block.3.1
 * %1151 = stochastic_depth(%1150, %1006) : f32[4,16,16,256]  features.6.4.stochastic_depth
 * %1152 = add(%1151, %1104) : f32[4,16,16,256]  features.6.4
 * %1198 = bn_train(%1190, %1195, %1191, %1192) : f32[4,16,16,256]  features.6.5.block.3.1
 * %1199 = stochastic_depth(%1198, %1006) : f32[4,16,16,256]  features.6.5.stochastic_depth
 * %1200 = add(%1199, %1152) : f32[4,16,16,256]  features.6.5
 * %1202 = conv2d(%1200, %1201) : f32[4,16,16,1536]  features.6.6.block.0.0
 * 9 call sites share this function; the nodes and locations above are the first one's.
 * out %1202 -> A + 31457280
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %1104 f32[4,16,16,256] <- A + 84475904
 * in  %1142 f32[4,16,16,256] <- A + 84738048
 * in  %1143 f32[256] <- M + 9795536 (features.6.4.block.3.1.weight)
 * in  %1144 f32[256] <- M + 9795792 (features.6.4.block.3.1.bias)
 * in  %1147 f32[2,256] <- A + 89301504
 * in  %1190 f32[4,16,16,256] <- A + 85000192
 * in  %1191 f32[256] <- M + 10800656 (features.6.5.block.3.1.weight)
 * in  %1192 f32[256] <- M + 10800912 (features.6.5.block.3.1.bias)
 * in  %1195 f32[2,256] <- A + 89302016
 * in  %1201 f32[1536,256,1,1] <- M + 10801168 (features.6.6.block.0.0.weight)
 */
void k171_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,16,16,1536] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,16,16,256] */,
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
    float rate,
    uint32_t salt2,
    float rate2) {
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
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
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
                    const float t5 = t4 * q3[r / 256];
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
 * %1150 = bn_train(%1142, %1147, %1143, %1144) : f32[4,16,16,256]  features.6.4.block.3.1
 * %1151 = stochastic_depth(%1150, %1006) : f32[4,16,16,256]  features.6.4.stochastic_depth
 * %1152 = add(%1151, %1104) : f32[4,16,16,256]  features.6.4
 * %1198 = bn_train(%1190, %1195, %1191, %1192) : f32[4,16,16,256]  features.6.5.block.3.1
 * %1199 = stochastic_depth(%1198, %1006) : f32[4,16,16,256]  features.6.5.stochastic_depth
 * %1200 = add(%1199, %1152) : f32[4,16,16,256]  features.6.5
 * %1246 = bn_train(%1238, %1243, %1239, %1240) : f32[4,16,16,256]  features.6.6.block.3.1
 * %1247 = stochastic_depth(%1246, %1006) : f32[4,16,16,256]  features.6.6.stochastic_depth
 * %1248 = add(%1247, %1200) : f32[4,16,16,256]  features.6.6
 * 9 call sites share this function; the nodes and locations above are the first one's.
 * out %1248 -> A + 85524480
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %1104 f32[4,16,16,256] <- A + 84475904
 * in  %1142 f32[4,16,16,256] <- A + 84738048
 * in  %1143 f32[256] <- M + 9795536 (features.6.4.block.3.1.weight)
 * in  %1144 f32[256] <- M + 9795792 (features.6.4.block.3.1.bias)
 * in  %1147 f32[2,256] <- A + 89301504
 * in  %1190 f32[4,16,16,256] <- A + 85000192
 * in  %1191 f32[256] <- M + 10800656 (features.6.5.block.3.1.weight)
 * in  %1192 f32[256] <- M + 10800912 (features.6.5.block.3.1.bias)
 * in  %1195 f32[2,256] <- A + 89302016
 * in  %1238 f32[4,16,16,256] <- A + 85262336
 * in  %1239 f32[256] <- M + 11805776 (features.6.6.block.3.1.weight)
 * in  %1240 f32[256] <- M + 11806032 (features.6.6.block.3.1.bias)
 * in  %1243 f32[2,256] <- A + 89302528
 */
void k172_bn_train_stochastic_depth_add(
    float *restrict y /* [4,16,16,256] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,16,16,256] */,
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
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2,
    uint32_t salt3,
    float rate3) {
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
    float q5[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q5[n] = ba_uniform((uint32_t)seed[0], salt3, (uint32_t)n) >= rate3 ? 1.0f / (1.0f - rate3) : 0.0f;
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 256; c++) {
            const long i = r * 256 + c;
            const float t0 = x3[r * 256 + c];
            const float t1 = (t0 - stats3[c]) * q0[c] + beta3[c];
            const float t2 = t1 * q1[r / 256];
            const float t3 = x2[r * 256 + c];
            const float t4 = (t3 - stats2[c]) * q2[c] + beta2[c];
            const float t5 = t4 * q3[r / 256];
            const float t6 = x[r * 256 + c];
            const float t7 = (t6 - stats[c]) * q4[c] + beta[c];
            const float t8 = t7 * q5[r / 256];
            const float t9 = b[r * 256 + c];
            const float t10 = t8 + t9;
            const float t11 = t5 + t10;
            const float t12 = t2 + t11;
            y[i] = t12;
        }
    }
}

/*
 * %1582 = bn_train(%1574, %1579, %1575, %1576) : f32[4,16,16,256]  features.6.13.block.3.1
 * %1583 = stochastic_depth(%1582, %1006) : f32[4,16,16,256]  features.6.13.stochastic_depth
 * %1584 = add(%1583, %1536) : f32[4,16,16,256]  features.6.13
 * %1630 = bn_train(%1622, %1627, %1623, %1624) : f32[4,16,16,256]  features.6.14.block.3.1
 * %1631 = stochastic_depth(%1630, %1006) : f32[4,16,16,256]  features.6.14.stochastic_depth
 * %1632 = add(%1631, %1584) : f32[4,16,16,256]  features.6.14
 * %1634 = conv2d(%1632, %1633) : f32[4,16,16,1280]  features.7.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %1634 -> A + 73924608
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %1536 f32[4,16,16,256] <- A + 87621632
 * in  %1574 f32[4,16,16,256] <- A + 87883776
 * in  %1575 f32[256] <- M + 18841616 (features.6.13.block.3.1.weight)
 * in  %1576 f32[256] <- M + 18841872 (features.6.13.block.3.1.bias)
 * in  %1579 f32[2,256] <- A + 89306112
 * in  %1622 f32[4,16,16,256] <- A + 88145920
 * in  %1623 f32[256] <- M + 19846736 (features.6.14.block.3.1.weight)
 * in  %1624 f32[256] <- M + 19846992 (features.6.14.block.3.1.bias)
 * in  %1627 f32[2,256] <- A + 89306624
 * in  %1633 f32[1280,256,1,1] <- M + 19847248 (features.7.0.weight)
 */
void k173_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,16,16,1280] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,16,16,256] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict gamma2 /* [256] */,
    const float *restrict beta2 /* [256] */,
    const float *restrict stats2 /* [2,256] */,
    const float *restrict w /* [1280,256,1,1] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* y (1024, 1280) = f(x) (1024, 256) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
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
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
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
                    const float t0 = x2[r * 256 + c];
                    const float t1 = (t0 - stats2[c]) * q0[c] + beta2[c];
                    const float t2 = t1 * q1[r / 256];
                    const float t3 = x[r * 256 + c];
                    const float t4 = (t3 - stats[c]) * q2[c] + beta[c];
                    const float t5 = t4 * q3[r / 256];
                    const float t6 = b[r * 256 + c];
                    const float t7 = t5 + t6;
                    const float t8 = t2 + t7;
                    tile[(r - m0) * 256 + c] = t8;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1280, 256, 1.0f, tile, 256, w_f32, 0.0f, y + m0 * 1280, 1280);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %1639 = bn_stats(%1634) : f32[2,1280]  features.7.1
 * %1640 = running_mean_update(%1637, %1639) : f32[1280]  features.7.1
 * %1641 = running_var_update(%1638, %1639) : f32[1280]  features.7.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %1639 -> A + 89291008
 * out %1640 -> M + 21323205
 * out %1641 -> M + 21324485
 * in  %1634 f32[4,16,16,1280] <- A + 73924608
 * in  %1637 f32[1280] <- M + 21323205 (features.7.1.running_mean)
 * in  %1638 f32[1280] <- M + 21324485 (features.7.1.running_var)
 */
void k174_bn_stats_running(
    float *restrict stats /* [2,1280] */,
    float *restrict running_mean /* [1280] */,
    float *restrict running_var /* [1280] */,
    const float *restrict x /* [4,16,16,1280] */) {
    enum { C = 1280, CHUNKS = 64 };
    double *part = malloc(sizeof(double) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x[r * 1280 + c];
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
 * %1642 = bn_train(%1634, %1639, %1635, %1636) : f32[4,16,16,1280]  features.7.1
 * %1643 = silu(%1642) : f32[4,16,16,1280]  features.7.2
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %1643 -> A + 75235328
 * in  %1634 f32[4,16,16,1280] <- A + 73924608
 * in  %1635 f32[1280] <- M + 20174928 (features.7.1.weight)
 * in  %1636 f32[1280] <- M + 20176208 (features.7.1.bias)
 * in  %1639 f32[2,1280] <- A + 89291008
 */
void k175_bn_train_silu(
    float *restrict y /* [4,16,16,1280] */,
    const float *restrict x /* [4,16,16,1280] */,
    const float *restrict gamma /* [1280] */,
    const float *restrict beta /* [1280] */,
    const float *restrict stats /* [2,1280] */) {
    float q0[1280];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 1280; c++) {
        q0[c] = gamma[c] / sqrtf(stats[1280 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 1280; c++) {
            const long i = r * 1280 + c;
            const float t0 = x[r * 1280 + c];
            const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
            const float t2 = t1 * ba_sigmoid(t1);
            y[i] = t2;
        }
    }
}

/*
 * %1642 = bn_train(%1634, %1639, %1635, %1636) : f32[4,16,16,1280]  features.7.1
 * %1734 = expand(%1733) : f32[4,16,16,1280]  avgpool
 * %1735 = scale(%1734) : f32[4,16,16,1280]  avgpool
 * %1736 = mul(%1735, %1667) : f32[4,16,16,1280]  cbam.spatial_attention
 * %1745 = expand(%1742) : f32[4,16,16,1280]  cbam.spatial_attention
 * %1746 = scale(%1745) : f32[4,16,16,1280]  cbam.spatial_attention
 * %1747 = add_n(%1736, %1744, %1746) : f32[4,16,16,1280]  cbam.channel_attention
 * %1748 = mul(%1747, %1660) : f32[4,16,16,1280]  cbam.channel_attention
 * %1766 = expand(%1765) : f32[4,16,16,1280]  cbam.channel_attention.avg_pool
 * %1767 = scale(%1766) : f32[4,16,16,1280]  cbam.channel_attention.avg_pool
 * %1772 = add_n(%1748, %1764, %1767) : f32[4,16,16,1280]  features.7.2
 * %1773 = silu_bwd(%1772, %1642) : f32[4,16,16,1280]  features.7.2
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %1773 -> A + 75235328
 * in  %1634 f32[4,16,16,1280] <- A + 73924608
 * in  %1635 f32[1280] <- M + 20174928 (features.7.1.weight)
 * in  %1636 f32[1280] <- M + 20176208 (features.7.1.bias)
 * in  %1639 f32[2,1280] <- A + 89291008
 * in  %1660 f32[4,1,1,1280] <- A + 89178112
 * in  %1667 f32[4,16,16,1] <- A + 89297408
 * in  %1733 f32[4,1,1,1280] <- A + 89183232
 * in  %1742 f32[4,16,16,1] <- A + 89298432
 * in  %1744 f32[4,16,16,1280] <- A + 77856768
 * in  %1764 f32[4,16,16,1280] <- A + 76546048
 * in  %1765 f32[4,1,1,1280] <- A + 89188352
 */
void k175b_bn_train_expand_scale_mul(
    float *restrict dx /* [4,16,16,1280] */,
    const float *restrict x /* [4,16,16,1280] */,
    const float *restrict gamma /* [1280] */,
    const float *restrict beta /* [1280] */,
    const float *restrict stats /* [2,1280] */,
    const float *restrict scale /* [4,1,1,1280] */,
    const float *restrict scale2 /* [4,16,16,1] */,
    const float *restrict x2 /* [4,1,1,1280] */,
    const float *restrict x3 /* [4,16,16,1] */,
    const float *restrict x4 /* [4,16,16,1280] */,
    const float *restrict x5 /* [4,16,16,1280] */,
    const float *restrict x6 /* [4,1,1,1280] */) {
    float q0[1280];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 1280; c++) {
        q0[c] = gamma[c] / sqrtf(stats[1280 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 1280; c++) {
            const long i = r * 1280 + c;
            const float t0 = x2[(r / 256) * 1280 + c];
            const float t1 = t0;
            const float t2 = 0.00390625f * t1;
            const float t3 = scale2[r];
            const float t4 = t2 * t3;
            const float t5 = x4[r * 1280 + c];
            const float t6 = x3[r];
            const float t7 = t6;
            const float t8 = 0.00078125f * t7;
            const float t9 = t4 + t5 + t8;
            const float t10 = scale[(r / 256) * 1280 + c];
            const float t11 = t9 * t10;
            const float t12 = x5[r * 1280 + c];
            const float t13 = x6[(r / 256) * 1280 + c];
            const float t14 = t13;
            const float t15 = 0.00390625f * t14;
            const float t16 = t11 + t12 + t15;
            const float t17 = x[r * 1280 + c];
            const float t18 = (t17 - stats[c]) * q0[c] + beta[c];
            const float t19s = ba_sigmoid(t18);
            const float t19 = t16 * (t19s * (1.0f + t18 * (1.0f - t19s)));
            dx[i] = t19;
        }
    }
}

/*
 * %1774 = bn_bwd_reduce(%1773, %1634, %1639) : f32[2,1280]  features.7.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %1774 -> A + 89178112
 * in  %1773 f32[4,16,16,1280] <- A + 75235328
 * in  %1634 f32[4,16,16,1280] <- A + 73924608
 * in  %1639 f32[2,1280] <- A + 89291008
 */
void k174b_bn_bwd_reduce(
    float *restrict dstats /* [2,1280] */,
    const float *restrict dy /* [4,16,16,1280] */,
    const float *restrict x /* [4,16,16,1280] */,
    const float *restrict stats /* [2,1280] */) {
    float q0[1280];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 1280; c++) {
        q0[c] = 1.0f / sqrtf(stats[1280 + c] + 0.001f);
    }
    enum { C = 1280, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = dy[r * 1280 + c];
                const float t1 = x[r * 1280 + c];
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
 * %1775 = bn_bwd_input(%1773, %1634, %1639, %1635, %1774) : f32[4,16,16,1280]  features.7.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %1775 -> A + 76546048
 * in  %1634 f32[4,16,16,1280] <- A + 73924608
 * in  %1635 f32[1280] <- M + 20174928 (features.7.1.weight)
 * in  %1639 f32[2,1280] <- A + 89291008
 * in  %1773 f32[4,16,16,1280] <- A + 75235328
 * in  %1774 f32[2,1280] <- A + 89178112
 */
void k174b_bn_bwd_input(
    float *restrict dx /* [4,16,16,1280] */,
    const float *restrict x /* [4,16,16,1280] */,
    const float *restrict gamma /* [1280] */,
    const float *restrict stats /* [2,1280] */,
    const float *restrict dy /* [4,16,16,1280] */,
    const float *restrict dstats /* [2,1280] */) {
    float q0[1280], q1[1280], q2[1280];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 1280; c++) {
        q0[c] = gamma[c] * (1.0f / sqrtf(stats[1280 + c] + 0.001f));
        q1[c] = dstats[c] / 1024.0f;
        q2[c] = dstats[1280 + c] / 1024.0f * (1.0f / sqrtf(stats[1280 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 1280; c++) {
            const long i = r * 1280 + c;
            const float t0 = dy[r * 1280 + c];
            const float t1 = x[r * 1280 + c];
            const float t2 = q0[c] * (t0 - q1[c] - (t1 - stats[c]) * q2[c]);
            dx[i] = t2;
        }
    }
}

/*
 * %1776 = slice(%1774) : f32[1,1280]  features.7.1
 * %1777 = reshape(%1776) : f32[1280]  features.7.1
 * %2892 = add(%2891, %1777) : f32[1280]  features.7.1.weight
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2892 -> G + 20174928
 * in  %1774 f32[2,1280] <- A + 89178112
 * in  %2891 f32[1280] <- G + 20174928 (features.7.1.weight)
 */
void k174b_slice_acc(float *restrict grad /* [1280] */, const float *restrict x /* [2,1280] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 1280; j++) grad[o * 1280 + j] += x[o * 2560 + 1280 + j];
}

/*
 * %1778 = slice(%1774) : f32[1,1280]  features.7.1
 * %1779 = reshape(%1778) : f32[1280]  features.7.1
 * %2894 = add(%2893, %1779) : f32[1280]  features.7.1.bias
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2894 -> G + 20176208
 * in  %1774 f32[2,1280] <- A + 89178112
 * in  %2893 f32[1280] <- G + 20176208 (features.7.1.bias)
 */
void k174b2_slice_acc(float *restrict grad /* [1280] */, const float *restrict x /* [2,1280] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 1280; j++) grad[o * 1280 + j] += x[o * 2560 + 0 + j];
}

/*
 * %1780 = conv2d_bwd_input(%1775, %1633) : f32[4,16,16,256]  features.7.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %1780 -> A + 77856768
 * in  %1775 f32[4,16,16,1280] <- A + 76546048
 * in  %1633 f32[1280,256,1,1] <- M + 19847248 (features.7.0.weight)
 */
void k173b_conv1x1_bwd_input(
    float *restrict dx /* [4,16,16,256] */,
    const float *restrict dy /* [4,16,16,1280] */,
    const float *restrict w /* [1280,256,1,1] */) {
    /* dx of x (4,16,16,256) w (1280,256,1,1) y (4,16,16,1280) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 1024, 256, 1280, 1.0f, dy, 1280, w, 256, 0.0f, dx, 256);
}

/*
 * %1582 = bn_train(%1574, %1579, %1575, %1576) : f32[4,16,16,256]  features.6.13.block.3.1
 * %1583 = stochastic_depth(%1582, %1006) : f32[4,16,16,256]  features.6.13.stochastic_depth
 * %1584 = add(%1583, %1536) : f32[4,16,16,256]  features.6.13
 * %1630 = bn_train(%1622, %1627, %1623, %1624) : f32[4,16,16,256]  features.6.14.block.3.1
 * %1631 = stochastic_depth(%1630, %1006) : f32[4,16,16,256]  features.6.14.stochastic_depth
 * %1632 = add(%1631, %1584) : f32[4,16,16,256]  features.6.14
 * %1781 = conv2d_bwd_weight(%1775, %1632) : f32[1280,256,1,1]  features.7.0
 * %2890 = add(%2889, %1781) : f32[1280,256,1,1]  features.7.0.weight
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2890 -> G + 19847248
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %1536 f32[4,16,16,256] <- A + 87621632
 * in  %1574 f32[4,16,16,256] <- A + 87883776
 * in  %1575 f32[256] <- M + 18841616 (features.6.13.block.3.1.weight)
 * in  %1576 f32[256] <- M + 18841872 (features.6.13.block.3.1.bias)
 * in  %1579 f32[2,256] <- A + 89306112
 * in  %1622 f32[4,16,16,256] <- A + 88145920
 * in  %1623 f32[256] <- M + 19846736 (features.6.14.block.3.1.weight)
 * in  %1624 f32[256] <- M + 19846992 (features.6.14.block.3.1.bias)
 * in  %1627 f32[2,256] <- A + 89306624
 * in  %1775 f32[4,16,16,1280] <- A + 76546048
 * in  %2889 f32[1280,256,1,1] <- G + 19847248 (features.7.0.weight)
 */
void k173b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [1280,256,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,16,16,256] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict gamma2 /* [256] */,
    const float *restrict beta2 /* [256] */,
    const float *restrict stats2 /* [2,256] */,
    const float *restrict dy /* [4,16,16,1280] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* dw (1280, 256) += dyᵀ (1280, 1024) · f(x) (1024, 256), f(x) recomputed in tiles of 256 rows */
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
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 327680);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 327680;
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
                    const float t5 = t4 * q3[r / 256];
                    const float t6 = b[r * 256 + c];
                    const float t7 = t5 + t6;
                    const float t8 = t2 + t7;
                    tile[(r - m0) * 256 + c] = t8;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 1280, 256, rows, 1.0f, dy + m0 * 1280, 1280, tile, 256, first ? 0.0f : 1.0f, mine, 256);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 327680);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 327680; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 327680 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %1782 = stochastic_depth_bwd(%1780, %1006) : f32[4,16,16,256]  features.6.14.stochastic_depth
 * %1783 = bn_bwd_reduce(%1782, %1622, %1627) : f32[2,256]  features.6.14.block.3.1
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %1783 -> A + 89297408
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %1622 f32[4,16,16,256] <- A + 88145920
 * in  %1627 f32[2,256] <- A + 89306624
 * in  %1780 f32[4,16,16,256] <- A + 77856768
 */
void k160b_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,256] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict dy /* [4,16,16,256] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[256];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q1[c] = 1.0f / sqrtf(stats[256 + c] + 0.001f);
    }
    enum { C = 256, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = dy[r * 256 + c];
                const float t1 = t0 * q0[r / 256];
                const float t2 = x[r * 256 + c];
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
 * %1782 = stochastic_depth_bwd(%1780, %1006) : f32[4,16,16,256]  features.6.14.stochastic_depth
 * %1784 = bn_bwd_input(%1782, %1622, %1627, %1623, %1783) : f32[4,16,16,256]  features.6.14.block.3.1
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %1784 -> A + 78118912
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %1622 f32[4,16,16,256] <- A + 88145920
 * in  %1623 f32[256] <- M + 19846736 (features.6.14.block.3.1.weight)
 * in  %1627 f32[2,256] <- A + 89306624
 * in  %1780 f32[4,16,16,256] <- A + 77856768
 * in  %1783 f32[2,256] <- A + 89297408
 */
void k160b_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,16,16,256] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict dy /* [4,16,16,256] */,
    const float *restrict dstats /* [2,256] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[256], q2[256], q3[256];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 256; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[256 + c] + 0.001f));
        q2[c] = dstats[c] / 1024.0f;
        q3[c] = dstats[256 + c] / 1024.0f * (1.0f / sqrtf(stats[256 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 256; c++) {
            const long i = r * 256 + c;
            const float t0 = dy[r * 256 + c];
            const float t1 = t0 * q0[r / 256];
            const float t2 = x[r * 256 + c];
            const float t3 = q1[c] * (t1 - q2[c] - (t2 - stats[c]) * q3[c]);
            dx[i] = t3;
        }
    }
}

/*
 * %1789 = conv2d_bwd_input(%1784, %1621) : f32[4,16,16,1536]  features.6.14.block.3.0
 * 42 call sites share this function; the nodes and locations above are the first one's.
 * out %1789 -> A + 73924608
 * in  %1784 f32[4,16,16,256] <- A + 78118912
 * in  %1621 f32[256,1536,1,1] <- M + 19453520 (features.6.14.block.3.0.weight)
 */
void k166b_conv1x1_bwd_input(
    float *restrict dx /* [4,16,16,1536] */,
    const float *restrict dy /* [4,16,16,256] */,
    const float *restrict w /* [256,1536,1,1] */) {
    /* dx of x (4,16,16,1536) w (256,1536,1,1) y (4,16,16,256) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 1024, 1536, 256, 1.0f, dy, 256, w, 1536, 0.0f, dx, 1536);
}

/*
 * %1605 = bn_train(%1597, %1602, %1598, %1599) : f32[4,16,16,1536]  features.6.14.block.1.1
 * %1606 = silu(%1605) : f32[4,16,16,1536]  features.6.14.block.1.2
 * %1620 = mul(%1606, %1619) : f32[4,16,16,1536]  features.6.14.block.2
 * %1790 = conv2d_bwd_weight(%1784, %1620) : f32[256,1536,1,1]  features.6.14.block.3.0
 * %2884 = add(%2883, %1790) : f32[256,1536,1,1]  features.6.14.block.3.0.weight
 * 42 call sites share this function; the nodes and locations above are the first one's.
 * out %2884 -> G + 19453520
 * in  %1597 f32[4,16,16,1536] <- A + 72351744
 * in  %1598 f32[1536] <- M + 19252240 (features.6.14.block.1.1.weight)
 * in  %1599 f32[1536] <- M + 19253776 (features.6.14.block.1.1.bias)
 * in  %1602 f32[2,1536] <- A + 89287936
 * in  %1619 f32[4,1,1,1536] <- A + 89171968
 * in  %1784 f32[4,16,16,256] <- A + 78118912
 * in  %2883 f32[256,1536,1,1] <- G + 19453520 (features.6.14.block.3.0.weight)
 */
void k166b_bn_train_silu_mul_conv1x1_bwd_weight_acc(
    float *restrict grad /* [256,1536,1,1] */,
    const float *restrict x /* [4,16,16,1536] */,
    const float *restrict gamma /* [1536] */,
    const float *restrict beta /* [1536] */,
    const float *restrict stats /* [2,1536] */,
    const float *restrict scale /* [4,1,1,1536] */,
    const float *restrict dy /* [4,16,16,256] */) {
    /* dw (256, 1536) += dyᵀ (256, 1024) · f(x) (1024, 1536), f(x) recomputed in tiles of 256 rows */
    float q0[1536];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 1536; c++) {
        q0[c] = gamma[c] / sqrtf(stats[1536 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 393216);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 393216;
        float *restrict tile = malloc(sizeof(float) * 393216);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 1536; c++) {
                    const float t0 = x[r * 1536 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    const float t3 = scale[(r / 256) * 1536 + c];
                    const float t4 = t2 * t3;
                    tile[(r - m0) * 1536 + c] = t4;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 256, 1536, rows, 1.0f, dy + m0 * 256, 256, tile, 1536, first ? 0.0f : 1.0f, mine, 1536);
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
 * %1818 = conv2d_bwd_input(%1813, %1596) : f32[4,16,16,1536]  features.6.14.block.1.0
 * 42 call sites share this function; the nodes and locations above are the first one's.
 * out %1818 -> A + 72351744
 * in  %1813 f32[4,16,16,1536] <- A + 75497472
 * in  %1596 f32[1536,1,3,3] <- M + 19238416 (features.6.14.block.1.0.weight)
 */
void k164b_dwconv3x3_bwd_input(
    float *restrict dx /* [4,16,16,1536] */,
    const float *restrict dy /* [4,16,16,1536] */,
    const float *restrict w /* [1536,1,3,3] */) {
    /* dx of x (4,16,16,1536) w (1536,1,3,3) y (4,16,16,1536) stride 1 pad 1 groups 1536 */
    float *restrict wt = malloc(sizeof(float) * 13824);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 1536; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 1536 + c] = w[(c * 3 + r) * 3 + s];
    /* Depthwise 3x3 dx as a sliding window over dy: per input row and block of 16 channels, the weights and
     * the 3x3 window of dy stay in registers while iw moves right; rows and columns outside dy are zeros. */
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long ih = 0; ih < 16; ih++) {
            const int up = ih > 0, down = ih + 1 < 16;
            const long o1 = (n * 16 + ih) * 24576, o0 = o1 - 24576, o2 = o1 + 24576;
            for (long c = 0; c < 1536; c += 16) {
                const ba_v16 zero = {0};
                const ba_v16 w00 = *(const ba_v16 *)(wt + c), w01 = *(const ba_v16 *)(wt + 1536 + c), w02 = *(const ba_v16 *)(wt + 3072 + c);
                const ba_v16 w10 = *(const ba_v16 *)(wt + 4608 + c), w11 = *(const ba_v16 *)(wt + 6144 + c), w12 = *(const ba_v16 *)(wt + 7680 + c);
                const ba_v16 w20 = *(const ba_v16 *)(wt + 9216 + c), w21 = *(const ba_v16 *)(wt + 10752 + c), w22 = *(const ba_v16 *)(wt + 12288 + c);
                ba_v16 v00 = zero, v10 = zero, v20 = zero;
                ba_v16 v01 = up ? *(const ba_v16 *)(dy + o0 + c) : zero, v11 = *(const ba_v16 *)(dy + o1 + c), v21 = down ? *(const ba_v16 *)(dy + o2 + c) : zero;
                for (long col = 0; col < 16; col++) {
                    ba_v16 v02 = zero, v12 = zero, v22 = zero;
                    if (col + 1 < 16) {
                        const long next = (col + 1) * 1536 + c;
                        if (up) { v02 = *(const ba_v16 *)(dy + o0 + next); __builtin_prefetch(dy + o0 + next + 16); }
                        v12 = *(const ba_v16 *)(dy + o1 + next); __builtin_prefetch(dy + o1 + next + 16);
                        if (down) { v22 = *(const ba_v16 *)(dy + o2 + next); __builtin_prefetch(dy + o2 + next + 16); }
                    }
                    const ba_v16 v = v22 * w00 + v21 * w01 + v20 * w02
                        + v12 * w10 + v11 * w11 + v10 * w12
                        + v02 * w20 + v01 * w21 + v00 * w22;
                    *(ba_v16 *)(dx + o1 + col * 1536 + c) = v;
                    __builtin_prefetch(dx + o1 + col * 1536 + c + 16, 1);
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
            }
        }
    }
    free(wt);
}

/*
 * %1819 = conv2d_bwd_weight(%1813, %1595) : f32[1536,1,3,3]  features.6.14.block.1.0
 * %2870 = add(%2869, %1819) : f32[1536,1,3,3]  features.6.14.block.1.0.weight
 * 42 call sites share this function; the nodes and locations above are the first one's.
 * out %2870 -> G + 19238416
 * in  %1813 f32[4,16,16,1536] <- A + 75497472
 * in  %1595 f32[4,16,16,1536] <- A + 70778880
 * in  %2869 f32[1536,1,3,3] <- G + 19238416 (features.6.14.block.1.0.weight)
 */
void k164b_dwconv3x3_bwd_weight_acc(
    float *restrict grad /* [1536,1,3,3] */,
    const float *restrict dy /* [4,16,16,1536] */,
    const float *restrict x /* [4,16,16,1536] */) {
    /* dw of x (4,16,16,1536) w (1536,1,3,3) y (4,16,16,1536) stride 1 pad 1 groups 1536, added into the accumulator */
    /* Depthwise dw: dw[c, r, s] = Σ_{n, oh, ow} dy[n, oh, ow, c] · x[n, ih, iw, c], channels innermost. Each thread
     * sums a fixed range of output rows into its own (R, S, C) partial (each row in float, the partial in
     * double); the partials are added in thread order. */
    /* 3x3, stride 1: each row's nine sums in registers, a sliding window over x (CEmitter+DepthwiseWindow) */
    const int max_threads = omp_get_max_threads();
    double *restrict part = calloc((size_t)max_threads * 13824, sizeof(double));  /* (threads, R, S, C) */
    if (!part) abort();
    int threads = 1;
    #pragma omp parallel num_threads(max_threads)
    {
        const int thread = omp_get_thread_num(), team = omp_get_num_threads();
        if (thread == 0) threads = team;
        double *restrict acc = part + (long)thread * 13824;
        for (long row = 64L * thread / team; row < 64L * (thread + 1) / team; row++) {
            const long n = row / 16, oh = row % 16;
            const int up = oh > 0, down = oh + 1 < 16;
            const long o1 = (n * 16 + oh) * 24576, o0 = o1 - 24576, o2 = o1 + 24576;
            for (long c = 0; c < 1536; c += 16) {
                const ba_v16 zero = {0};
                ba_v16 g00 = zero, g01 = zero, g02 = zero, g10 = zero, g11 = zero, g12 = zero, g20 = zero, g21 = zero, g22 = zero;
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
                    const ba_v16 g = *(const ba_v16 *)(dy + o1 + col * 1536 + c);
                    __builtin_prefetch(dy + o1 + col * 1536 + c + 16);
                    g00 += g * v00; g01 += g * v01; g02 += g * v02;
                    g10 += g * v10; g11 += g * v11; g12 += g * v12;
                    g20 += g * v20; g21 += g * v21; g22 += g * v22;
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
                *(ba_v8d *)(acc + c) += BA_LO_V8D(g00); *(ba_v8d *)(acc + c + 8) += BA_HI_V8D(g00);
                *(ba_v8d *)(acc + 1536 + c) += BA_LO_V8D(g01); *(ba_v8d *)(acc + 1536 + c + 8) += BA_HI_V8D(g01);
                *(ba_v8d *)(acc + 3072 + c) += BA_LO_V8D(g02); *(ba_v8d *)(acc + 3072 + c + 8) += BA_HI_V8D(g02);
                *(ba_v8d *)(acc + 4608 + c) += BA_LO_V8D(g10); *(ba_v8d *)(acc + 4608 + c + 8) += BA_HI_V8D(g10);
                *(ba_v8d *)(acc + 6144 + c) += BA_LO_V8D(g11); *(ba_v8d *)(acc + 6144 + c + 8) += BA_HI_V8D(g11);
                *(ba_v8d *)(acc + 7680 + c) += BA_LO_V8D(g12); *(ba_v8d *)(acc + 7680 + c + 8) += BA_HI_V8D(g12);
                *(ba_v8d *)(acc + 9216 + c) += BA_LO_V8D(g20); *(ba_v8d *)(acc + 9216 + c + 8) += BA_HI_V8D(g20);
                *(ba_v8d *)(acc + 10752 + c) += BA_LO_V8D(g21); *(ba_v8d *)(acc + 10752 + c + 8) += BA_HI_V8D(g21);
                *(ba_v8d *)(acc + 12288 + c) += BA_LO_V8D(g22); *(ba_v8d *)(acc + 12288 + c + 8) += BA_HI_V8D(g22);
            }
        }
    }
    /* dw[c, r, s] = Σ_thread part[thread, r, s, c], in thread order */
    #pragma omp parallel for schedule(static)
    for (long c = 0; c < 1536; c++) {
        for (long t = 0; t < 9; t++) {
            double sum = 0.0;
            for (int thread = 0; thread < threads; thread++) sum += part[((long)thread * 9 + t) * 1536 + c];
            grad[c * 9 + t] += (float)sum;
        }
    }
    free(part);
}

/*
 * %1594 = bn_train(%1586, %1591, %1587, %1588) : f32[4,16,16,1536]  features.6.14.block.0.1
 * %1820 = silu_bwd(%1818, %1594) : f32[4,16,16,1536]  features.6.14.block.0.2
 * %1821 = bn_bwd_reduce(%1820, %1586, %1591) : f32[2,1536]  features.6.14.block.0.1
 * 42 call sites share this function; the nodes and locations above are the first one's.
 * out %1821 -> A + 89159680
 * in  %1586 f32[4,16,16,1536] <- A + 69206016
 * in  %1587 f32[1536] <- M + 19235344 (features.6.14.block.0.1.weight)
 * in  %1588 f32[1536] <- M + 19236880 (features.6.14.block.0.1.bias)
 * in  %1591 f32[2,1536] <- A + 89284864
 * in  %1818 f32[4,16,16,1536] <- A + 72351744
 */
void k162b_bn_train_silu_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,1536] */,
    const float *restrict x /* [4,16,16,1536] */,
    const float *restrict gamma /* [1536] */,
    const float *restrict beta /* [1536] */,
    const float *restrict stats /* [2,1536] */,
    const float *restrict dy /* [4,16,16,1536] */) {
    float q0[1536];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 1536; c++) {
        q0[c] = gamma[c] / sqrtf(stats[1536 + c] + 0.001f);
    }
    float q1[1536];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 1536; c++) {
        q1[c] = 1.0f / sqrtf(stats[1536 + c] + 0.001f);
    }
    enum { C = 1536, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = dy[r * 1536 + c];
                const float t1 = x[r * 1536 + c];
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
 * %1594 = bn_train(%1586, %1591, %1587, %1588) : f32[4,16,16,1536]  features.6.14.block.0.1
 * %1820 = silu_bwd(%1818, %1594) : f32[4,16,16,1536]  features.6.14.block.0.2
 * %1822 = bn_bwd_input(%1820, %1586, %1591, %1587, %1821) : f32[4,16,16,1536]  features.6.14.block.0.1
 * 42 call sites share this function; the nodes and locations above are the first one's.
 * out %1822 -> A + 70778880
 * in  %1586 f32[4,16,16,1536] <- A + 69206016
 * in  %1587 f32[1536] <- M + 19235344 (features.6.14.block.0.1.weight)
 * in  %1588 f32[1536] <- M + 19236880 (features.6.14.block.0.1.bias)
 * in  %1591 f32[2,1536] <- A + 89284864
 * in  %1818 f32[4,16,16,1536] <- A + 72351744
 * in  %1821 f32[2,1536] <- A + 89159680
 */
void k162b_bn_train_silu_bwd_bn_bwd_input(
    float *restrict dx /* [4,16,16,1536] */,
    const float *restrict x /* [4,16,16,1536] */,
    const float *restrict gamma /* [1536] */,
    const float *restrict beta /* [1536] */,
    const float *restrict stats /* [2,1536] */,
    const float *restrict dy /* [4,16,16,1536] */,
    const float *restrict dstats /* [2,1536] */) {
    float q0[1536];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 1536; c++) {
        q0[c] = gamma[c] / sqrtf(stats[1536 + c] + 0.001f);
    }
    float q1[1536], q2[1536], q3[1536];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 1536; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[1536 + c] + 0.001f));
        q2[c] = dstats[c] / 1024.0f;
        q3[c] = dstats[1536 + c] / 1024.0f * (1.0f / sqrtf(stats[1536 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 1536; c++) {
            const long i = r * 1536 + c;
            const float t0 = dy[r * 1536 + c];
            const float t1 = x[r * 1536 + c];
            const float t2 = (t1 - stats[c]) * q0[c] + beta[c];
            const float t3s = ba_sigmoid(t2);
            const float t3 = t0 * (t3s * (1.0f + t2 * (1.0f - t3s)));
            const float t4 = q1[c] * (t3 - q2[c] - (t1 - stats[c]) * q3[c]);
            dx[i] = t4;
        }
    }
}

/*
 * %1827 = conv2d_bwd_input(%1822, %1585) : f32[4,16,16,256]  features.6.14.block.0.0
 * 42 call sites share this function; the nodes and locations above are the first one's.
 * out %1827 -> A + 78118912
 * in  %1822 f32[4,16,16,1536] <- A + 70778880
 * in  %1585 f32[1536,256,1,1] <- M + 18842128 (features.6.14.block.0.0.weight)
 */
void k170b_conv1x1_bwd_input(
    float *restrict dx /* [4,16,16,256] */,
    const float *restrict dy /* [4,16,16,1536] */,
    const float *restrict w /* [1536,256,1,1] */) {
    /* dx of x (4,16,16,256) w (1536,256,1,1) y (4,16,16,1536) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 1024, 256, 1536, 1.0f, dy, 1536, w, 256, 0.0f, dx, 256);
}

/*
 * %1582 = bn_train(%1574, %1579, %1575, %1576) : f32[4,16,16,256]  features.6.13.block.3.1
 * %1583 = stochastic_depth(%1582, %1006) : f32[4,16,16,256]  features.6.13.stochastic_depth
 * %1584 = add(%1583, %1536) : f32[4,16,16,256]  features.6.13
 * %1828 = conv2d_bwd_weight(%1822, %1584) : f32[1536,256,1,1]  features.6.14.block.0.0
 * %2864 = add(%2863, %1828) : f32[1536,256,1,1]  features.6.14.block.0.0.weight
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %2864 -> G + 18842128
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %1536 f32[4,16,16,256] <- A + 87621632
 * in  %1574 f32[4,16,16,256] <- A + 87883776
 * in  %1575 f32[256] <- M + 18841616 (features.6.13.block.3.1.weight)
 * in  %1576 f32[256] <- M + 18841872 (features.6.13.block.3.1.bias)
 * in  %1579 f32[2,256] <- A + 89306112
 * in  %1822 f32[4,16,16,1536] <- A + 70778880
 * in  %2863 f32[1536,256,1,1] <- G + 18842128 (features.6.14.block.0.0.weight)
 */
void k170b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [1536,256,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,16,16,256] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict dy /* [4,16,16,1536] */,
    uint32_t salt,
    float rate) {
    /* dw (1536, 256) += dyᵀ (1536, 1024) · f(x) (1024, 256), f(x) recomputed in tiles of 256 rows */
    float q0[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q0[c] = gamma[c] / sqrtf(stats[256 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
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
                    const float t0 = x[r * 256 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * q1[r / 256];
                    const float t3 = b[r * 256 + c];
                    const float t4 = t2 + t3;
                    tile[(r - m0) * 256 + c] = t4;
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
 * %1829 = add_n(%1780, %1827) : f32[4,16,16,256]  features.6.13
 * %1830 = stochastic_depth_bwd(%1829, %1006) : f32[4,16,16,256]  features.6.13.stochastic_depth
 * %1831 = bn_bwd_reduce(%1830, %1574, %1579) : f32[2,256]  features.6.13.block.3.1
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %1831 -> A + 89297408
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %1574 f32[4,16,16,256] <- A + 87883776
 * in  %1579 f32[2,256] <- A + 89306112
 * in  %1780 f32[4,16,16,256] <- A + 77856768
 * in  %1827 f32[4,16,16,256] <- A + 78118912
 */
void k160b_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,256] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict x3 /* [4,16,16,256] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[256];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q1[c] = 1.0f / sqrtf(stats[256 + c] + 0.001f);
    }
    enum { C = 256, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 256 + c];
                const float t1 = x3[r * 256 + c];
                const float t2 = t0 + t1;
                const float t3 = t2 * q0[r / 256];
                const float t4 = x[r * 256 + c];
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
 * %1829 = add_n(%1780, %1827) : f32[4,16,16,256]  features.6.13
 * %1830 = stochastic_depth_bwd(%1829, %1006) : f32[4,16,16,256]  features.6.13.stochastic_depth
 * %1832 = bn_bwd_input(%1830, %1574, %1579, %1575, %1831) : f32[4,16,16,256]  features.6.13.block.3.1
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %1832 -> A + 78381056
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %1574 f32[4,16,16,256] <- A + 87883776
 * in  %1575 f32[256] <- M + 18841616 (features.6.13.block.3.1.weight)
 * in  %1579 f32[2,256] <- A + 89306112
 * in  %1780 f32[4,16,16,256] <- A + 77856768
 * in  %1827 f32[4,16,16,256] <- A + 78118912
 * in  %1831 f32[2,256] <- A + 89297408
 */
void k160b_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,16,16,256] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict x3 /* [4,16,16,256] */,
    const float *restrict dstats /* [2,256] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[256], q2[256], q3[256];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 256; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[256 + c] + 0.001f));
        q2[c] = dstats[c] / 1024.0f;
        q3[c] = dstats[256 + c] / 1024.0f * (1.0f / sqrtf(stats[256 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 256; c++) {
            const long i = r * 256 + c;
            const float t0 = x2[r * 256 + c];
            const float t1 = x3[r * 256 + c];
            const float t2 = t0 + t1;
            const float t3 = t2 * q0[r / 256];
            const float t4 = x[r * 256 + c];
            const float t5 = q1[c] * (t3 - q2[c] - (t4 - stats[c]) * q3[c]);
            dx[i] = t5;
        }
    }
}

/*
 * %1829 = add_n(%1780, %1827) : f32[4,16,16,256]  features.6.13
 * %1877 = add_n(%1829, %1875) : f32[4,16,16,256]  features.6.12
 * %1878 = stochastic_depth_bwd(%1877, %1006) : f32[4,16,16,256]  features.6.12.stochastic_depth
 * %1879 = bn_bwd_reduce(%1878, %1526, %1531) : f32[2,256]  features.6.12.block.3.1
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %1879 -> A + 89297408
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %1526 f32[4,16,16,256] <- A + 87359488
 * in  %1531 f32[2,256] <- A + 89305600
 * in  %1780 f32[4,16,16,256] <- A + 77856768
 * in  %1827 f32[4,16,16,256] <- A + 78118912
 * in  %1875 f32[4,16,16,256] <- A + 78381056
 */
void k160b2_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,256] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict x3 /* [4,16,16,256] */,
    const float *restrict x4 /* [4,16,16,256] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[256];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q1[c] = 1.0f / sqrtf(stats[256 + c] + 0.001f);
    }
    enum { C = 256, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 256 + c];
                const float t1 = x3[r * 256 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 256 + c];
                const float t4 = t2 + t3;
                const float t5 = t4 * q0[r / 256];
                const float t6 = x[r * 256 + c];
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
 * %1829 = add_n(%1780, %1827) : f32[4,16,16,256]  features.6.13
 * %1877 = add_n(%1829, %1875) : f32[4,16,16,256]  features.6.12
 * %1878 = stochastic_depth_bwd(%1877, %1006) : f32[4,16,16,256]  features.6.12.stochastic_depth
 * %1880 = bn_bwd_input(%1878, %1526, %1531, %1527, %1879) : f32[4,16,16,256]  features.6.12.block.3.1
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %1880 -> A + 78643200
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %1526 f32[4,16,16,256] <- A + 87359488
 * in  %1527 f32[256] <- M + 17836496 (features.6.12.block.3.1.weight)
 * in  %1531 f32[2,256] <- A + 89305600
 * in  %1780 f32[4,16,16,256] <- A + 77856768
 * in  %1827 f32[4,16,16,256] <- A + 78118912
 * in  %1875 f32[4,16,16,256] <- A + 78381056
 * in  %1879 f32[2,256] <- A + 89297408
 */
void k160b2_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,16,16,256] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict x3 /* [4,16,16,256] */,
    const float *restrict x4 /* [4,16,16,256] */,
    const float *restrict dstats /* [2,256] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[256], q2[256], q3[256];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 256; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[256 + c] + 0.001f));
        q2[c] = dstats[c] / 1024.0f;
        q3[c] = dstats[256 + c] / 1024.0f * (1.0f / sqrtf(stats[256 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 256; c++) {
            const long i = r * 256 + c;
            const float t0 = x2[r * 256 + c];
            const float t1 = x3[r * 256 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 256 + c];
            const float t4 = t2 + t3;
            const float t5 = t4 * q0[r / 256];
            const float t6 = x[r * 256 + c];
            const float t7 = q1[c] * (t5 - q2[c] - (t6 - stats[c]) * q3[c]);
            dx[i] = t7;
        }
    }
}

/*
 * %1438 = bn_train(%1430, %1435, %1431, %1432) : f32[4,16,16,256]  features.6.10.block.3.1
 * %1439 = stochastic_depth(%1438, %1006) : f32[4,16,16,256]  features.6.10.stochastic_depth
 * %1440 = add(%1439, %1392) : f32[4,16,16,256]  features.6.10
 * %1486 = bn_train(%1478, %1483, %1479, %1480) : f32[4,16,16,256]  features.6.11.block.3.1
 * %1487 = stochastic_depth(%1486, %1006) : f32[4,16,16,256]  features.6.11.stochastic_depth
 * %1488 = add(%1487, %1440) : f32[4,16,16,256]  features.6.11
 * %1924 = conv2d_bwd_weight(%1918, %1488) : f32[1536,256,1,1]  features.6.12.block.0.0
 * %2812 = add(%2811, %1924) : f32[1536,256,1,1]  features.6.12.block.0.0.weight
 * 9 call sites share this function; the nodes and locations above are the first one's.
 * out %2812 -> G + 16831888
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %1392 f32[4,16,16,256] <- A + 86573056
 * in  %1430 f32[4,16,16,256] <- A + 86835200
 * in  %1431 f32[256] <- M + 15826256 (features.6.10.block.3.1.weight)
 * in  %1432 f32[256] <- M + 15826512 (features.6.10.block.3.1.bias)
 * in  %1435 f32[2,256] <- A + 89304576
 * in  %1478 f32[4,16,16,256] <- A + 87097344
 * in  %1479 f32[256] <- M + 16831376 (features.6.11.block.3.1.weight)
 * in  %1480 f32[256] <- M + 16831632 (features.6.11.block.3.1.bias)
 * in  %1483 f32[2,256] <- A + 89305088
 * in  %1918 f32[4,16,16,1536] <- A + 61341696
 * in  %2811 f32[1536,256,1,1] <- G + 16831888 (features.6.12.block.0.0.weight)
 */
void k171b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [1536,256,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,16,16,256] */,
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
    float rate,
    uint32_t salt2,
    float rate2) {
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
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
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
                    const float t5 = t4 * q3[r / 256];
                    const float t6 = b[r * 256 + c];
                    const float t7 = t5 + t6;
                    const float t8 = t2 + t7;
                    tile[(r - m0) * 256 + c] = t8;
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
 * %1829 = add_n(%1780, %1827) : f32[4,16,16,256]  features.6.13
 * %1877 = add_n(%1829, %1875) : f32[4,16,16,256]  features.6.12
 * %1925 = add_n(%1877, %1923) : f32[4,16,16,256]  features.6.11
 * %1926 = stochastic_depth_bwd(%1925, %1006) : f32[4,16,16,256]  features.6.11.stochastic_depth
 * %1927 = bn_bwd_reduce(%1926, %1478, %1483) : f32[2,256]  features.6.11.block.3.1
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %1927 -> A + 89297408
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %1478 f32[4,16,16,256] <- A + 87097344
 * in  %1483 f32[2,256] <- A + 89305088
 * in  %1780 f32[4,16,16,256] <- A + 77856768
 * in  %1827 f32[4,16,16,256] <- A + 78118912
 * in  %1875 f32[4,16,16,256] <- A + 78381056
 * in  %1923 f32[4,16,16,256] <- A + 78643200
 */
void k160b3_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,256] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict x3 /* [4,16,16,256] */,
    const float *restrict x4 /* [4,16,16,256] */,
    const float *restrict x5 /* [4,16,16,256] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[256];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q1[c] = 1.0f / sqrtf(stats[256 + c] + 0.001f);
    }
    enum { C = 256, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 256 + c];
                const float t1 = x3[r * 256 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 256 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 256 + c];
                const float t6 = t4 + t5;
                const float t7 = t6 * q0[r / 256];
                const float t8 = x[r * 256 + c];
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
 * %1829 = add_n(%1780, %1827) : f32[4,16,16,256]  features.6.13
 * %1877 = add_n(%1829, %1875) : f32[4,16,16,256]  features.6.12
 * %1925 = add_n(%1877, %1923) : f32[4,16,16,256]  features.6.11
 * %1926 = stochastic_depth_bwd(%1925, %1006) : f32[4,16,16,256]  features.6.11.stochastic_depth
 * %1928 = bn_bwd_input(%1926, %1478, %1483, %1479, %1927) : f32[4,16,16,256]  features.6.11.block.3.1
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %1928 -> A + 78905344
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %1478 f32[4,16,16,256] <- A + 87097344
 * in  %1479 f32[256] <- M + 16831376 (features.6.11.block.3.1.weight)
 * in  %1483 f32[2,256] <- A + 89305088
 * in  %1780 f32[4,16,16,256] <- A + 77856768
 * in  %1827 f32[4,16,16,256] <- A + 78118912
 * in  %1875 f32[4,16,16,256] <- A + 78381056
 * in  %1923 f32[4,16,16,256] <- A + 78643200
 * in  %1927 f32[2,256] <- A + 89297408
 */
void k160b3_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,16,16,256] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict x3 /* [4,16,16,256] */,
    const float *restrict x4 /* [4,16,16,256] */,
    const float *restrict x5 /* [4,16,16,256] */,
    const float *restrict dstats /* [2,256] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[256], q2[256], q3[256];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 256; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[256 + c] + 0.001f));
        q2[c] = dstats[c] / 1024.0f;
        q3[c] = dstats[256 + c] / 1024.0f * (1.0f / sqrtf(stats[256 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 256; c++) {
            const long i = r * 256 + c;
            const float t0 = x2[r * 256 + c];
            const float t1 = x3[r * 256 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 256 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 256 + c];
            const float t6 = t4 + t5;
            const float t7 = t6 * q0[r / 256];
            const float t8 = x[r * 256 + c];
            const float t9 = q1[c] * (t7 - q2[c] - (t8 - stats[c]) * q3[c]);
            dx[i] = t9;
        }
    }
}

/*
 * %1829 = add_n(%1780, %1827) : f32[4,16,16,256]  features.6.13
 * %1877 = add_n(%1829, %1875) : f32[4,16,16,256]  features.6.12
 * %1925 = add_n(%1877, %1923) : f32[4,16,16,256]  features.6.11
 * %1973 = add_n(%1925, %1971) : f32[4,16,16,256]  features.6.10
 * %1974 = stochastic_depth_bwd(%1973, %1006) : f32[4,16,16,256]  features.6.10.stochastic_depth
 * %1975 = bn_bwd_reduce(%1974, %1430, %1435) : f32[2,256]  features.6.10.block.3.1
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %1975 -> A + 89297408
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %1430 f32[4,16,16,256] <- A + 86835200
 * in  %1435 f32[2,256] <- A + 89304576
 * in  %1780 f32[4,16,16,256] <- A + 77856768
 * in  %1827 f32[4,16,16,256] <- A + 78118912
 * in  %1875 f32[4,16,16,256] <- A + 78381056
 * in  %1923 f32[4,16,16,256] <- A + 78643200
 * in  %1971 f32[4,16,16,256] <- A + 78905344
 */
void k160b4_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,256] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict x3 /* [4,16,16,256] */,
    const float *restrict x4 /* [4,16,16,256] */,
    const float *restrict x5 /* [4,16,16,256] */,
    const float *restrict x6 /* [4,16,16,256] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[256];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q1[c] = 1.0f / sqrtf(stats[256 + c] + 0.001f);
    }
    enum { C = 256, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 256 + c];
                const float t1 = x3[r * 256 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 256 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 256 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 256 + c];
                const float t8 = t6 + t7;
                const float t9 = t8 * q0[r / 256];
                const float t10 = x[r * 256 + c];
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
 * %1829 = add_n(%1780, %1827) : f32[4,16,16,256]  features.6.13
 * %1877 = add_n(%1829, %1875) : f32[4,16,16,256]  features.6.12
 * %1925 = add_n(%1877, %1923) : f32[4,16,16,256]  features.6.11
 * %1973 = add_n(%1925, %1971) : f32[4,16,16,256]  features.6.10
 * %1974 = stochastic_depth_bwd(%1973, %1006) : f32[4,16,16,256]  features.6.10.stochastic_depth
 * %1976 = bn_bwd_input(%1974, %1430, %1435, %1431, %1975) : f32[4,16,16,256]  features.6.10.block.3.1
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %1976 -> A + 56623104
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %1430 f32[4,16,16,256] <- A + 86835200
 * in  %1431 f32[256] <- M + 15826256 (features.6.10.block.3.1.weight)
 * in  %1435 f32[2,256] <- A + 89304576
 * in  %1780 f32[4,16,16,256] <- A + 77856768
 * in  %1827 f32[4,16,16,256] <- A + 78118912
 * in  %1875 f32[4,16,16,256] <- A + 78381056
 * in  %1923 f32[4,16,16,256] <- A + 78643200
 * in  %1971 f32[4,16,16,256] <- A + 78905344
 * in  %1975 f32[2,256] <- A + 89297408
 */
void k160b4_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,16,16,256] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict x3 /* [4,16,16,256] */,
    const float *restrict x4 /* [4,16,16,256] */,
    const float *restrict x5 /* [4,16,16,256] */,
    const float *restrict x6 /* [4,16,16,256] */,
    const float *restrict dstats /* [2,256] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[256], q2[256], q3[256];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 256; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[256 + c] + 0.001f));
        q2[c] = dstats[c] / 1024.0f;
        q3[c] = dstats[256 + c] / 1024.0f * (1.0f / sqrtf(stats[256 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 256; c++) {
            const long i = r * 256 + c;
            const float t0 = x2[r * 256 + c];
            const float t1 = x3[r * 256 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 256 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 256 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 256 + c];
            const float t8 = t6 + t7;
            const float t9 = t8 * q0[r / 256];
            const float t10 = x[r * 256 + c];
            const float t11 = q1[c] * (t9 - q2[c] - (t10 - stats[c]) * q3[c]);
            dx[i] = t11;
        }
    }
}

/*
 * %1829 = add_n(%1780, %1827) : f32[4,16,16,256]  features.6.13
 * %1877 = add_n(%1829, %1875) : f32[4,16,16,256]  features.6.12
 * %1925 = add_n(%1877, %1923) : f32[4,16,16,256]  features.6.11
 * %1973 = add_n(%1925, %1971) : f32[4,16,16,256]  features.6.10
 * %2021 = add_n(%1973, %2019) : f32[4,16,16,256]  features.6.9
 * %2022 = stochastic_depth_bwd(%2021, %1006) : f32[4,16,16,256]  features.6.9.stochastic_depth
 * %2023 = bn_bwd_reduce(%2022, %1382, %1387) : f32[2,256]  features.6.9.block.3.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2023 -> A + 89297408
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %1382 f32[4,16,16,256] <- A + 86310912
 * in  %1387 f32[2,256] <- A + 89304064
 * in  %1780 f32[4,16,16,256] <- A + 77856768
 * in  %1827 f32[4,16,16,256] <- A + 78118912
 * in  %1875 f32[4,16,16,256] <- A + 78381056
 * in  %1923 f32[4,16,16,256] <- A + 78643200
 * in  %1971 f32[4,16,16,256] <- A + 78905344
 * in  %2019 f32[4,16,16,256] <- A + 53477376
 */
void k160b5_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,256] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict x3 /* [4,16,16,256] */,
    const float *restrict x4 /* [4,16,16,256] */,
    const float *restrict x5 /* [4,16,16,256] */,
    const float *restrict x6 /* [4,16,16,256] */,
    const float *restrict x7 /* [4,16,16,256] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[256];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q1[c] = 1.0f / sqrtf(stats[256 + c] + 0.001f);
    }
    enum { C = 256, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 256 + c];
                const float t1 = x3[r * 256 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 256 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 256 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 256 + c];
                const float t8 = t6 + t7;
                const float t9 = x7[r * 256 + c];
                const float t10 = t8 + t9;
                const float t11 = t10 * q0[r / 256];
                const float t12 = x[r * 256 + c];
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
 * %1829 = add_n(%1780, %1827) : f32[4,16,16,256]  features.6.13
 * %1877 = add_n(%1829, %1875) : f32[4,16,16,256]  features.6.12
 * %1925 = add_n(%1877, %1923) : f32[4,16,16,256]  features.6.11
 * %1973 = add_n(%1925, %1971) : f32[4,16,16,256]  features.6.10
 * %2021 = add_n(%1973, %2019) : f32[4,16,16,256]  features.6.9
 * %2022 = stochastic_depth_bwd(%2021, %1006) : f32[4,16,16,256]  features.6.9.stochastic_depth
 * %2024 = bn_bwd_input(%2022, %1382, %1387, %1383, %2023) : f32[4,16,16,256]  features.6.9.block.3.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2024 -> A + 51904512
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %1382 f32[4,16,16,256] <- A + 86310912
 * in  %1383 f32[256] <- M + 14821136 (features.6.9.block.3.1.weight)
 * in  %1387 f32[2,256] <- A + 89304064
 * in  %1780 f32[4,16,16,256] <- A + 77856768
 * in  %1827 f32[4,16,16,256] <- A + 78118912
 * in  %1875 f32[4,16,16,256] <- A + 78381056
 * in  %1923 f32[4,16,16,256] <- A + 78643200
 * in  %1971 f32[4,16,16,256] <- A + 78905344
 * in  %2019 f32[4,16,16,256] <- A + 53477376
 * in  %2023 f32[2,256] <- A + 89297408
 */
void k160b5_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,16,16,256] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict x3 /* [4,16,16,256] */,
    const float *restrict x4 /* [4,16,16,256] */,
    const float *restrict x5 /* [4,16,16,256] */,
    const float *restrict x6 /* [4,16,16,256] */,
    const float *restrict x7 /* [4,16,16,256] */,
    const float *restrict dstats /* [2,256] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[256], q2[256], q3[256];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 256; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[256 + c] + 0.001f));
        q2[c] = dstats[c] / 1024.0f;
        q3[c] = dstats[256 + c] / 1024.0f * (1.0f / sqrtf(stats[256 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 256; c++) {
            const long i = r * 256 + c;
            const float t0 = x2[r * 256 + c];
            const float t1 = x3[r * 256 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 256 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 256 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 256 + c];
            const float t8 = t6 + t7;
            const float t9 = x7[r * 256 + c];
            const float t10 = t8 + t9;
            const float t11 = t10 * q0[r / 256];
            const float t12 = x[r * 256 + c];
            const float t13 = q1[c] * (t11 - q2[c] - (t12 - stats[c]) * q3[c]);
            dx[i] = t13;
        }
    }
}

/*
 * %1829 = add_n(%1780, %1827) : f32[4,16,16,256]  features.6.13
 * %1877 = add_n(%1829, %1875) : f32[4,16,16,256]  features.6.12
 * %1925 = add_n(%1877, %1923) : f32[4,16,16,256]  features.6.11
 * %1973 = add_n(%1925, %1971) : f32[4,16,16,256]  features.6.10
 * %2021 = add_n(%1973, %2019) : f32[4,16,16,256]  features.6.9
 * %2069 = add_n(%2021, %2067) : f32[4,16,16,256]  features.6.8
 * %2070 = stochastic_depth_bwd(%2069, %1006) : f32[4,16,16,256]  features.6.8.stochastic_depth
 * %2071 = bn_bwd_reduce(%2070, %1334, %1339) : f32[2,256]  features.6.8.block.3.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2071 -> A + 89297408
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %1334 f32[4,16,16,256] <- A + 86048768
 * in  %1339 f32[2,256] <- A + 89303552
 * in  %1780 f32[4,16,16,256] <- A + 77856768
 * in  %1827 f32[4,16,16,256] <- A + 78118912
 * in  %1875 f32[4,16,16,256] <- A + 78381056
 * in  %1923 f32[4,16,16,256] <- A + 78643200
 * in  %1971 f32[4,16,16,256] <- A + 78905344
 * in  %2019 f32[4,16,16,256] <- A + 53477376
 * in  %2067 f32[4,16,16,256] <- A + 48758784
 */
void k160b6_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,256] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict x3 /* [4,16,16,256] */,
    const float *restrict x4 /* [4,16,16,256] */,
    const float *restrict x5 /* [4,16,16,256] */,
    const float *restrict x6 /* [4,16,16,256] */,
    const float *restrict x7 /* [4,16,16,256] */,
    const float *restrict x8 /* [4,16,16,256] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[256];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q1[c] = 1.0f / sqrtf(stats[256 + c] + 0.001f);
    }
    enum { C = 256, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 256 + c];
                const float t1 = x3[r * 256 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 256 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 256 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 256 + c];
                const float t8 = t6 + t7;
                const float t9 = x7[r * 256 + c];
                const float t10 = t8 + t9;
                const float t11 = x8[r * 256 + c];
                const float t12 = t10 + t11;
                const float t13 = t12 * q0[r / 256];
                const float t14 = x[r * 256 + c];
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
 * %1829 = add_n(%1780, %1827) : f32[4,16,16,256]  features.6.13
 * %1877 = add_n(%1829, %1875) : f32[4,16,16,256]  features.6.12
 * %1925 = add_n(%1877, %1923) : f32[4,16,16,256]  features.6.11
 * %1973 = add_n(%1925, %1971) : f32[4,16,16,256]  features.6.10
 * %2021 = add_n(%1973, %2019) : f32[4,16,16,256]  features.6.9
 * %2069 = add_n(%2021, %2067) : f32[4,16,16,256]  features.6.8
 * %2070 = stochastic_depth_bwd(%2069, %1006) : f32[4,16,16,256]  features.6.8.stochastic_depth
 * %2072 = bn_bwd_input(%2070, %1334, %1339, %1335, %2071) : f32[4,16,16,256]  features.6.8.block.3.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2072 -> A + 47185920
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %1334 f32[4,16,16,256] <- A + 86048768
 * in  %1335 f32[256] <- M + 13816016 (features.6.8.block.3.1.weight)
 * in  %1339 f32[2,256] <- A + 89303552
 * in  %1780 f32[4,16,16,256] <- A + 77856768
 * in  %1827 f32[4,16,16,256] <- A + 78118912
 * in  %1875 f32[4,16,16,256] <- A + 78381056
 * in  %1923 f32[4,16,16,256] <- A + 78643200
 * in  %1971 f32[4,16,16,256] <- A + 78905344
 * in  %2019 f32[4,16,16,256] <- A + 53477376
 * in  %2067 f32[4,16,16,256] <- A + 48758784
 * in  %2071 f32[2,256] <- A + 89297408
 */
void k160b6_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,16,16,256] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict x3 /* [4,16,16,256] */,
    const float *restrict x4 /* [4,16,16,256] */,
    const float *restrict x5 /* [4,16,16,256] */,
    const float *restrict x6 /* [4,16,16,256] */,
    const float *restrict x7 /* [4,16,16,256] */,
    const float *restrict x8 /* [4,16,16,256] */,
    const float *restrict dstats /* [2,256] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[256], q2[256], q3[256];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 256; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[256 + c] + 0.001f));
        q2[c] = dstats[c] / 1024.0f;
        q3[c] = dstats[256 + c] / 1024.0f * (1.0f / sqrtf(stats[256 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 256; c++) {
            const long i = r * 256 + c;
            const float t0 = x2[r * 256 + c];
            const float t1 = x3[r * 256 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 256 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 256 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 256 + c];
            const float t8 = t6 + t7;
            const float t9 = x7[r * 256 + c];
            const float t10 = t8 + t9;
            const float t11 = x8[r * 256 + c];
            const float t12 = t10 + t11;
            const float t13 = t12 * q0[r / 256];
            const float t14 = x[r * 256 + c];
            const float t15 = q1[c] * (t13 - q2[c] - (t14 - stats[c]) * q3[c]);
            dx[i] = t15;
        }
    }
}

/*
 * %1829 = add_n(%1780, %1827) : f32[4,16,16,256]  features.6.13
 * %1877 = add_n(%1829, %1875) : f32[4,16,16,256]  features.6.12
 * %1925 = add_n(%1877, %1923) : f32[4,16,16,256]  features.6.11
 * %1973 = add_n(%1925, %1971) : f32[4,16,16,256]  features.6.10
 * %2021 = add_n(%1973, %2019) : f32[4,16,16,256]  features.6.9
 * %2069 = add_n(%2021, %2067) : f32[4,16,16,256]  features.6.8
 * %2117 = add_n(%2069, %2115) : f32[4,16,16,256]  features.6.7
 * %2118 = stochastic_depth_bwd(%2117, %1006) : f32[4,16,16,256]  features.6.7.stochastic_depth
 * %2119 = bn_bwd_reduce(%2118, %1286, %1291) : f32[2,256]  features.6.7.block.3.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2119 -> A + 89297408
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %1286 f32[4,16,16,256] <- A + 85786624
 * in  %1291 f32[2,256] <- A + 89303040
 * in  %1780 f32[4,16,16,256] <- A + 77856768
 * in  %1827 f32[4,16,16,256] <- A + 78118912
 * in  %1875 f32[4,16,16,256] <- A + 78381056
 * in  %1923 f32[4,16,16,256] <- A + 78643200
 * in  %1971 f32[4,16,16,256] <- A + 78905344
 * in  %2019 f32[4,16,16,256] <- A + 53477376
 * in  %2067 f32[4,16,16,256] <- A + 48758784
 * in  %2115 f32[4,16,16,256] <- A + 49020928
 */
void k160b7_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,256] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict x3 /* [4,16,16,256] */,
    const float *restrict x4 /* [4,16,16,256] */,
    const float *restrict x5 /* [4,16,16,256] */,
    const float *restrict x6 /* [4,16,16,256] */,
    const float *restrict x7 /* [4,16,16,256] */,
    const float *restrict x8 /* [4,16,16,256] */,
    const float *restrict x9 /* [4,16,16,256] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[256];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q1[c] = 1.0f / sqrtf(stats[256 + c] + 0.001f);
    }
    enum { C = 256, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 256 + c];
                const float t1 = x3[r * 256 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 256 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 256 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 256 + c];
                const float t8 = t6 + t7;
                const float t9 = x7[r * 256 + c];
                const float t10 = t8 + t9;
                const float t11 = x8[r * 256 + c];
                const float t12 = t10 + t11;
                const float t13 = x9[r * 256 + c];
                const float t14 = t12 + t13;
                const float t15 = t14 * q0[r / 256];
                const float t16 = x[r * 256 + c];
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
 * %1829 = add_n(%1780, %1827) : f32[4,16,16,256]  features.6.13
 * %1877 = add_n(%1829, %1875) : f32[4,16,16,256]  features.6.12
 * %1925 = add_n(%1877, %1923) : f32[4,16,16,256]  features.6.11
 * %1973 = add_n(%1925, %1971) : f32[4,16,16,256]  features.6.10
 * %2021 = add_n(%1973, %2019) : f32[4,16,16,256]  features.6.9
 * %2069 = add_n(%2021, %2067) : f32[4,16,16,256]  features.6.8
 * %2117 = add_n(%2069, %2115) : f32[4,16,16,256]  features.6.7
 * %2118 = stochastic_depth_bwd(%2117, %1006) : f32[4,16,16,256]  features.6.7.stochastic_depth
 * %2120 = bn_bwd_input(%2118, %1286, %1291, %1287, %2119) : f32[4,16,16,256]  features.6.7.block.3.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2120 -> A + 49283072
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %1286 f32[4,16,16,256] <- A + 85786624
 * in  %1287 f32[256] <- M + 12810896 (features.6.7.block.3.1.weight)
 * in  %1291 f32[2,256] <- A + 89303040
 * in  %1780 f32[4,16,16,256] <- A + 77856768
 * in  %1827 f32[4,16,16,256] <- A + 78118912
 * in  %1875 f32[4,16,16,256] <- A + 78381056
 * in  %1923 f32[4,16,16,256] <- A + 78643200
 * in  %1971 f32[4,16,16,256] <- A + 78905344
 * in  %2019 f32[4,16,16,256] <- A + 53477376
 * in  %2067 f32[4,16,16,256] <- A + 48758784
 * in  %2115 f32[4,16,16,256] <- A + 49020928
 * in  %2119 f32[2,256] <- A + 89297408
 */
void k160b7_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,16,16,256] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict x3 /* [4,16,16,256] */,
    const float *restrict x4 /* [4,16,16,256] */,
    const float *restrict x5 /* [4,16,16,256] */,
    const float *restrict x6 /* [4,16,16,256] */,
    const float *restrict x7 /* [4,16,16,256] */,
    const float *restrict x8 /* [4,16,16,256] */,
    const float *restrict x9 /* [4,16,16,256] */,
    const float *restrict dstats /* [2,256] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[256], q2[256], q3[256];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 256; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[256 + c] + 0.001f));
        q2[c] = dstats[c] / 1024.0f;
        q3[c] = dstats[256 + c] / 1024.0f * (1.0f / sqrtf(stats[256 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 256; c++) {
            const long i = r * 256 + c;
            const float t0 = x2[r * 256 + c];
            const float t1 = x3[r * 256 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 256 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 256 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 256 + c];
            const float t8 = t6 + t7;
            const float t9 = x7[r * 256 + c];
            const float t10 = t8 + t9;
            const float t11 = x8[r * 256 + c];
            const float t12 = t10 + t11;
            const float t13 = x9[r * 256 + c];
            const float t14 = t12 + t13;
            const float t15 = t14 * q0[r / 256];
            const float t16 = x[r * 256 + c];
            const float t17 = q1[c] * (t15 - q2[c] - (t16 - stats[c]) * q3[c]);
            dx[i] = t17;
        }
    }
}

/*
 * %2167 = bn_bwd_reduce(%2166, %1238, %1243) : f32[2,256]  features.6.6.block.3.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2167 -> A + 89297408
 * in  %2166 f32[4,16,16,256] <- A + 49545216
 * in  %1238 f32[4,16,16,256] <- A + 85262336
 * in  %1243 f32[2,256] <- A + 89302528
 */
void k160b_bn_bwd_reduce(
    float *restrict dstats /* [2,256] */,
    const float *restrict dy /* [4,16,16,256] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict stats /* [2,256] */) {
    float q0[256];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q0[c] = 1.0f / sqrtf(stats[256 + c] + 0.001f);
    }
    enum { C = 256, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = dy[r * 256 + c];
                const float t1 = x[r * 256 + c];
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
 * %2168 = bn_bwd_input(%2166, %1238, %1243, %1239, %2167) : f32[4,16,16,256]  features.6.6.block.3.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2168 -> A + 49807360
 * in  %1238 f32[4,16,16,256] <- A + 85262336
 * in  %1239 f32[256] <- M + 11805776 (features.6.6.block.3.1.weight)
 * in  %1243 f32[2,256] <- A + 89302528
 * in  %2166 f32[4,16,16,256] <- A + 49545216
 * in  %2167 f32[2,256] <- A + 89297408
 */
void k160b_bn_bwd_input(
    float *restrict dx /* [4,16,16,256] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict dy /* [4,16,16,256] */,
    const float *restrict dstats /* [2,256] */) {
    float q0[256], q1[256], q2[256];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 256; c++) {
        q0[c] = gamma[c] * (1.0f / sqrtf(stats[256 + c] + 0.001f));
        q1[c] = dstats[c] / 1024.0f;
        q2[c] = dstats[256 + c] / 1024.0f * (1.0f / sqrtf(stats[256 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 256; c++) {
            const long i = r * 256 + c;
            const float t0 = dy[r * 256 + c];
            const float t1 = x[r * 256 + c];
            const float t2 = q0[c] * (t0 - q1[c] - (t1 - stats[c]) * q2[c]);
            dx[i] = t2;
        }
    }
}

/*
 * %959 = bn_train(%951, %956, %952, %953) : f32[4,16,16,256]  features.6.0.block.3.1
 * %1005 = bn_train(%997, %1002, %998, %999) : f32[4,16,16,256]  features.6.1.block.3.1
 * %1007 = stochastic_depth(%1005, %1006) : f32[4,16,16,256]  features.6.1.stochastic_depth
 * %1008 = add(%1007, %959) : f32[4,16,16,256]  features.6.1
 * %1054 = bn_train(%1046, %1051, %1047, %1048) : f32[4,16,16,256]  features.6.2.block.3.1
 * %1055 = stochastic_depth(%1054, %1006) : f32[4,16,16,256]  features.6.2.stochastic_depth
 * %1056 = add(%1055, %1008) : f32[4,16,16,256]  features.6.2
 * %2356 = conv2d_bwd_weight(%2350, %1056) : f32[1536,256,1,1]  features.6.3.block.0.0
 * %2578 = add(%2577, %2356) : f32[1536,256,1,1]  features.6.3.block.0.0.weight
 * out %2578 -> G + 7785808
 * in  %951 f32[4,16,16,256] <- A + 83427328
 * in  %952 f32[256] <- M + 5775056 (features.6.0.block.3.1.weight)
 * in  %953 f32[256] <- M + 5775312 (features.6.0.block.3.1.bias)
 * in  %956 f32[2,256] <- A + 89299456
 * in  %997 f32[4,16,16,256] <- A + 83689472
 * in  %998 f32[256] <- M + 6780176 (features.6.1.block.3.1.weight)
 * in  %999 f32[256] <- M + 6780432 (features.6.1.block.3.1.bias)
 * in  %1002 f32[2,256] <- A + 89299968
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %1046 f32[4,16,16,256] <- A + 83951616
 * in  %1047 f32[256] <- M + 7785296 (features.6.2.block.3.1.weight)
 * in  %1048 f32[256] <- M + 7785552 (features.6.2.block.3.1.bias)
 * in  %1051 f32[2,256] <- A + 89300480
 * in  %2350 f32[4,16,16,1536] <- A + 18874368
 * in  %2577 f32[1536,256,1,1] <- G + 7785808 (features.6.3.block.0.0.weight)
 */
void k168b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [1536,256,1,1] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict gamma2 /* [256] */,
    const float *restrict beta2 /* [256] */,
    const float *restrict stats2 /* [2,256] */,
    const int32_t *restrict seed /* [1] */,
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
 * %959 = bn_train(%951, %956, %952, %953) : f32[4,16,16,256]  features.6.0.block.3.1
 * %1005 = bn_train(%997, %1002, %998, %999) : f32[4,16,16,256]  features.6.1.block.3.1
 * %1007 = stochastic_depth(%1005, %1006) : f32[4,16,16,256]  features.6.1.stochastic_depth
 * %1008 = add(%1007, %959) : f32[4,16,16,256]  features.6.1
 * %2404 = conv2d_bwd_weight(%2398, %1008) : f32[1536,256,1,1]  features.6.2.block.0.0
 * %2552 = add(%2551, %2404) : f32[1536,256,1,1]  features.6.2.block.0.0.weight
 * out %2552 -> G + 6780688
 * in  %951 f32[4,16,16,256] <- A + 83427328
 * in  %952 f32[256] <- M + 5775056 (features.6.0.block.3.1.weight)
 * in  %953 f32[256] <- M + 5775312 (features.6.0.block.3.1.bias)
 * in  %956 f32[2,256] <- A + 89299456
 * in  %997 f32[4,16,16,256] <- A + 83689472
 * in  %998 f32[256] <- M + 6780176 (features.6.1.block.3.1.weight)
 * in  %999 f32[256] <- M + 6780432 (features.6.1.block.3.1.bias)
 * in  %1002 f32[2,256] <- A + 89299968
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %2398 f32[4,16,16,1536] <- A + 14155776
 * in  %2551 f32[1536,256,1,1] <- G + 6780688 (features.6.2.block.0.0.weight)
 */
void k167b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [1536,256,1,1] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict gamma2 /* [256] */,
    const float *restrict beta2 /* [256] */,
    const float *restrict stats2 /* [2,256] */,
    const int32_t *restrict seed /* [1] */,
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
 * %2261 = add_n(%2213, %2259) : f32[4,16,16,256]  features.6.4
 * %2309 = add_n(%2261, %2307) : f32[4,16,16,256]  features.6.3
 * %2357 = add_n(%2309, %2355) : f32[4,16,16,256]  features.6.2
 * %2405 = add_n(%2357, %2403) : f32[4,16,16,256]  features.6.1
 * %2406 = stochastic_depth_bwd(%2405, %1006) : f32[4,16,16,256]  features.6.1.stochastic_depth
 * %2407 = bn_bwd_reduce(%2406, %997, %1002) : f32[2,256]  features.6.1.block.3.1
 * out %2407 -> A + 89297408
 * in  %997 f32[4,16,16,256] <- A + 83689472
 * in  %1002 f32[2,256] <- A + 89299968
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %2213 f32[4,16,16,256] <- A + 49545216
 * in  %2259 f32[4,16,16,256] <- A + 29884416
 * in  %2307 f32[4,16,16,256] <- A + 25165824
 * in  %2355 f32[4,16,16,256] <- A + 25427968
 * in  %2403 f32[4,16,16,256] <- A + 25690112
 */
void k160b8_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,256] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict stats /* [2,256] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict x3 /* [4,16,16,256] */,
    const float *restrict x4 /* [4,16,16,256] */,
    const float *restrict x5 /* [4,16,16,256] */,
    const float *restrict x6 /* [4,16,16,256] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[256];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q1[c] = 1.0f / sqrtf(stats[256 + c] + 0.001f);
    }
    enum { C = 256, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 256 + c];
                const float t1 = x3[r * 256 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 256 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 256 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 256 + c];
                const float t8 = t6 + t7;
                const float t9 = t8 * q0[r / 256];
                const float t10 = x[r * 256 + c];
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
 * %2261 = add_n(%2213, %2259) : f32[4,16,16,256]  features.6.4
 * %2309 = add_n(%2261, %2307) : f32[4,16,16,256]  features.6.3
 * %2357 = add_n(%2309, %2355) : f32[4,16,16,256]  features.6.2
 * %2405 = add_n(%2357, %2403) : f32[4,16,16,256]  features.6.1
 * %2406 = stochastic_depth_bwd(%2405, %1006) : f32[4,16,16,256]  features.6.1.stochastic_depth
 * %2408 = bn_bwd_input(%2406, %997, %1002, %998, %2407) : f32[4,16,16,256]  features.6.1.block.3.1
 * out %2408 -> A + 25952256
 * in  %997 f32[4,16,16,256] <- A + 83689472
 * in  %998 f32[256] <- M + 6780176 (features.6.1.block.3.1.weight)
 * in  %1002 f32[2,256] <- A + 89299968
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %2213 f32[4,16,16,256] <- A + 49545216
 * in  %2259 f32[4,16,16,256] <- A + 29884416
 * in  %2307 f32[4,16,16,256] <- A + 25165824
 * in  %2355 f32[4,16,16,256] <- A + 25427968
 * in  %2403 f32[4,16,16,256] <- A + 25690112
 * in  %2407 f32[2,256] <- A + 89297408
 */
void k160b8_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,16,16,256] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict stats /* [2,256] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict x3 /* [4,16,16,256] */,
    const float *restrict x4 /* [4,16,16,256] */,
    const float *restrict x5 /* [4,16,16,256] */,
    const float *restrict x6 /* [4,16,16,256] */,
    const float *restrict dstats /* [2,256] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[256], q2[256], q3[256];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 256; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[256 + c] + 0.001f));
        q2[c] = dstats[c] / 1024.0f;
        q3[c] = dstats[256 + c] / 1024.0f * (1.0f / sqrtf(stats[256 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 256; c++) {
            const long i = r * 256 + c;
            const float t0 = x2[r * 256 + c];
            const float t1 = x3[r * 256 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 256 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 256 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 256 + c];
            const float t8 = t6 + t7;
            const float t9 = t8 * q0[r / 256];
            const float t10 = x[r * 256 + c];
            const float t11 = q1[c] * (t9 - q2[c] - (t10 - stats[c]) * q3[c]);
            dx[i] = t11;
        }
    }
}

/*
 * %959 = bn_train(%951, %956, %952, %953) : f32[4,16,16,256]  features.6.0.block.3.1
 * %2452 = conv2d_bwd_weight(%2446, %959) : f32[1536,256,1,1]  features.6.1.block.0.0
 * %2526 = add(%2525, %2452) : f32[1536,256,1,1]  features.6.1.block.0.0.weight
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2526 -> G + 5775568
 * in  %951 f32[4,16,16,256] <- A + 83427328
 * in  %952 f32[256] <- M + 5775056 (features.6.0.block.3.1.weight)
 * in  %953 f32[256] <- M + 5775312 (features.6.0.block.3.1.bias)
 * in  %956 f32[2,256] <- A + 89299456
 * in  %2446 f32[4,16,16,1536] <- A + 9437184
 * in  %2525 f32[1536,256,1,1] <- G + 5775568 (features.6.1.block.0.0.weight)
 */
void k161b_bn_train_conv1x1_bwd_weight_acc(
    float *restrict grad /* [1536,256,1,1] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict dy /* [4,16,16,1536] */) {
    /* dw (1536, 256) += dyᵀ (1536, 1024) · f(x) (1024, 256), f(x) recomputed in tiles of 256 rows */
    float q0[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q0[c] = gamma[c] / sqrtf(stats[256 + c] + 0.001f);
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
                    const float t0 = x[r * 256 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    tile[(r - m0) * 256 + c] = t1;
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
 * %2261 = add_n(%2213, %2259) : f32[4,16,16,256]  features.6.4
 * %2309 = add_n(%2261, %2307) : f32[4,16,16,256]  features.6.3
 * %2357 = add_n(%2309, %2355) : f32[4,16,16,256]  features.6.2
 * %2405 = add_n(%2357, %2403) : f32[4,16,16,256]  features.6.1
 * %2453 = add_n(%2405, %2451) : f32[4,16,16,256]  features.6.0.block.3.1
 * %2454 = bn_bwd_reduce(%2453, %951, %956) : f32[2,256]  features.6.0.block.3.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2454 -> A + 89297408
 * in  %951 f32[4,16,16,256] <- A + 83427328
 * in  %956 f32[2,256] <- A + 89299456
 * in  %2213 f32[4,16,16,256] <- A + 49545216
 * in  %2259 f32[4,16,16,256] <- A + 29884416
 * in  %2307 f32[4,16,16,256] <- A + 25165824
 * in  %2355 f32[4,16,16,256] <- A + 25427968
 * in  %2403 f32[4,16,16,256] <- A + 25690112
 * in  %2451 f32[4,16,16,256] <- A + 7864320
 */
void k160b_add_n_bn_bwd_reduce(
    float *restrict dstats /* [2,256] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict x3 /* [4,16,16,256] */,
    const float *restrict x4 /* [4,16,16,256] */,
    const float *restrict x5 /* [4,16,16,256] */,
    const float *restrict x6 /* [4,16,16,256] */,
    const float *restrict x7 /* [4,16,16,256] */) {
    float q0[256];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q0[c] = 1.0f / sqrtf(stats[256 + c] + 0.001f);
    }
    enum { C = 256, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 256 + c];
                const float t1 = x3[r * 256 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 256 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 256 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 256 + c];
                const float t8 = t6 + t7;
                const float t9 = x7[r * 256 + c];
                const float t10 = t8 + t9;
                const float t11 = x[r * 256 + c];
                const float xh = (t11 - stats[c]) * q0[c];
                p0[c] += t10;
                p1[c] += t10 * xh;
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
 * %2261 = add_n(%2213, %2259) : f32[4,16,16,256]  features.6.4
 * %2309 = add_n(%2261, %2307) : f32[4,16,16,256]  features.6.3
 * %2357 = add_n(%2309, %2355) : f32[4,16,16,256]  features.6.2
 * %2405 = add_n(%2357, %2403) : f32[4,16,16,256]  features.6.1
 * %2453 = add_n(%2405, %2451) : f32[4,16,16,256]  features.6.0.block.3.1
 * %2455 = bn_bwd_input(%2453, %951, %956, %952, %2454) : f32[4,16,16,256]  features.6.0.block.3.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2455 -> A + 25952256
 * in  %951 f32[4,16,16,256] <- A + 83427328
 * in  %952 f32[256] <- M + 5775056 (features.6.0.block.3.1.weight)
 * in  %956 f32[2,256] <- A + 89299456
 * in  %2213 f32[4,16,16,256] <- A + 49545216
 * in  %2259 f32[4,16,16,256] <- A + 29884416
 * in  %2307 f32[4,16,16,256] <- A + 25165824
 * in  %2355 f32[4,16,16,256] <- A + 25427968
 * in  %2403 f32[4,16,16,256] <- A + 25690112
 * in  %2451 f32[4,16,16,256] <- A + 7864320
 * in  %2454 f32[2,256] <- A + 89297408
 */
void k160b_add_n_bn_bwd_input(
    float *restrict dx /* [4,16,16,256] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict x3 /* [4,16,16,256] */,
    const float *restrict x4 /* [4,16,16,256] */,
    const float *restrict x5 /* [4,16,16,256] */,
    const float *restrict x6 /* [4,16,16,256] */,
    const float *restrict x7 /* [4,16,16,256] */,
    const float *restrict dstats /* [2,256] */) {
    float q0[256], q1[256], q2[256];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 256; c++) {
        q0[c] = gamma[c] * (1.0f / sqrtf(stats[256 + c] + 0.001f));
        q1[c] = dstats[c] / 1024.0f;
        q2[c] = dstats[256 + c] / 1024.0f * (1.0f / sqrtf(stats[256 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 256; c++) {
            const long i = r * 256 + c;
            const float t0 = x2[r * 256 + c];
            const float t1 = x3[r * 256 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 256 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 256 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 256 + c];
            const float t8 = t6 + t7;
            const float t9 = x7[r * 256 + c];
            const float t10 = t8 + t9;
            const float t11 = x[r * 256 + c];
            const float t12 = q0[c] * (t10 - q1[c] - (t11 - stats[c]) * q2[c]);
            dx[i] = t12;
        }
    }
}
