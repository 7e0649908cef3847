/* Kernels k208 to k223 and their backward kernels. */
#include "kernels.h"

/*
 * %2359 = bn_stats(%2354) : f32[2,1280]  features.8.1
 * %2360 = running_mean_update(%2357, %2359) : f32[1280]  features.8.1
 * %2361 = running_var_update(%2358, %2359) : f32[1280]  features.8.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2359 -> A + 52617216
 * out %2360 -> M + 54142233
 * out %2361 -> M + 54143513
 * in  %2354 f32[4,16,16,1280] <- A + 46399488
 * in  %2357 f32[1280] <- M + 54142233 (features.8.1.running_mean)
 * in  %2358 f32[1280] <- M + 54143513 (features.8.1.running_var)
 */
void k208_bn_stats_running(
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
 * %2362 = bn_train(%2354, %2359, %2355, %2356) : f32[4,16,16,1280]  features.8.1
 * %2363 = silu(%2362) : f32[4,16,16,1280]  features.8.2
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2363 -> A + 47710208
 * in  %2354 f32[4,16,16,1280] <- A + 46399488
 * in  %2355 f32[1280] <- M + 52855796 (features.8.1.weight)
 * in  %2356 f32[1280] <- M + 52857076 (features.8.1.bias)
 * in  %2359 f32[2,1280] <- A + 52617216
 */
void k209_bn_train_silu(
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
 * %2368 = reduce_mean(%2363) : f32[4,1,1,1280]  cbam.channel_attention.avg_pool
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2368 -> A + 52576256
 * in  %2363 f32[4,16,16,1280] <- A + 47710208
 */
void k210_reduce_mean(float *restrict y /* [4,1,1,1280] */, const float *restrict x /* [4,16,16,1280] */) {
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
                acc[q] += t0;
            }
        }
        for (long q = 0; q < 1280; q++) y[o * 1280 + q] = (float)(acc[q] / 256.0);
    }
}

/*
 * %2370 = reduce_max(%2363) : f32[4,1,1,1280]  cbam.channel_attention.max_pool
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2370 -> A + 52581376
 * in  %2363 f32[4,16,16,1280] <- A + 47710208
 */
void k211_reduce_max(float *restrict y /* [4,1,1,1280] */, const float *restrict x /* [4,16,16,1280] */) {
    /* max over axes [1, 2] of [4, 16, 16, 1280]: (4, 256, 1280) -> (4, 1280) */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        float acc[1280];
        for (long q = 0; q < 1280; q++) acc[q] = -INFINITY;
        for (long j = 0; j < 256; j++) {
            for (long q = 0; q < 1280; q++) {
                const long r = o * 256 + j;
                const long c = q;
                const float t0 = x[r * 1280 + c];
                acc[q] = t0 > acc[q] ? t0 : acc[q];
            }
        }
        for (long q = 0; q < 1280; q++) y[o * 1280 + q] = (float)(acc[q]);
    }
}

/*
 * %2381 = mul(%2363, %2380) : f32[4,16,16,1280]  cbam.channel_attention
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2381 -> A + 49020928
 * in  %2363 f32[4,16,16,1280] <- A + 47710208
 * in  %2380 f32[4,1,1,1280] <- A + 52596736
 */
void k212_mul(
    float *restrict y /* [4,16,16,1280] */,
    const float *restrict x /* [4,16,16,1280] */,
    const float *restrict scale /* [4,1,1,1280] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 1280; c++) {
            const long i = r * 1280 + c;
            const float t0 = x[r * 1280 + c];
            const float t1 = scale[(r / 256) * 1280 + c];
            const float t2 = t0 * t1;
            y[i] = t2;
        }
    }
}

/*
 * %2391 = dropout(%2390, %1344) : f32[4,1280]  classifier.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2391 -> A + 52606976
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %2390 f32[4,1280] <- A + 52601856
 */
void k213_dropout(
    float *restrict y /* [4,1280] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,1280] */,
    uint32_t salt,
    float rate) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 1280; c++) {
            const long i = r * 1280 + c;
            const float t0 = x[r * 1280 + c];
            const float t1 = ba_uniform((uint32_t)seed[0], salt, (uint32_t)i) >= rate ? t0 / (1.0f - rate) : 0.0f;
            y[i] = t1;
        }
    }
}

/*
 * %2484 = reduce_max_bwd(%2483, %2363) : f32[4,16,16,1280]  cbam.channel_attention.max_pool
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2484 -> A + 49020928
 * in  %2483 f32[4,1,1,1280] <- A + 52601856
 * in  %2363 f32[4,16,16,1280] <- A + 47710208
 */
void k211b_reduce_max_bwd(
    float *restrict dx /* [4,16,16,1280] */,
    const float *restrict dy /* [4,1,1,1280] */,
    const float *restrict x /* [4,16,16,1280] */) {
    /* dy routed to the first maximum over axes [1, 2] of x [4, 16, 16, 1280] */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        float best[1280];
        int arg[1280];
        for (long i = 0; i < 1280; i++) { best[i] = x[(o * 256) * 1280 + i]; arg[i] = 0; }
        for (long j = 1; j < 256; j++) {
            for (long i = 0; i < 1280; i++) {
                const float v = x[(o * 256 + j) * 1280 + i];
                if (v > best[i]) { best[i] = v; arg[i] = (int)j; }
            }
        }
        for (long j = 0; j < 256; j++)
            for (long i = 0; i < 1280; i++) dx[(o * 256 + j) * 1280 + i] = j == arg[i] ? dy[o * 1280 + i] : 0.0f;
    }
}

/*
 * %2362 = bn_train(%2354, %2359, %2355, %2356) : f32[4,16,16,1280]  features.8.1
 * %2454 = expand(%2453) : f32[4,16,16,1280]  avgpool
 * %2455 = scale(%2454) : f32[4,16,16,1280]  avgpool
 * %2456 = mul(%2455, %2387) : f32[4,16,16,1280]  cbam.spatial_attention
 * %2465 = expand(%2462) : f32[4,16,16,1280]  cbam.spatial_attention
 * %2466 = scale(%2465) : f32[4,16,16,1280]  cbam.spatial_attention
 * %2467 = add_n(%2456, %2464, %2466) : f32[4,16,16,1280]  cbam.channel_attention
 * %2468 = mul(%2467, %2380) : f32[4,16,16,1280]  cbam.channel_attention
 * %2486 = expand(%2485) : f32[4,16,16,1280]  cbam.channel_attention.avg_pool
 * %2487 = scale(%2486) : f32[4,16,16,1280]  cbam.channel_attention.avg_pool
 * %2492 = add_n(%2468, %2484, %2487) : f32[4,16,16,1280]  features.8.2
 * %2493 = silu_bwd(%2492, %2362) : f32[4,16,16,1280]  features.8.2
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2493 -> A + 47710208
 * in  %2354 f32[4,16,16,1280] <- A + 46399488
 * in  %2355 f32[1280] <- M + 52855796 (features.8.1.weight)
 * in  %2356 f32[1280] <- M + 52857076 (features.8.1.bias)
 * in  %2359 f32[2,1280] <- A + 52617216
 * in  %2380 f32[4,1,1,1280] <- A + 52596736
 * in  %2387 f32[4,16,16,1] <- A + 52621824
 * in  %2453 f32[4,1,1,1280] <- A + 52606976
 * in  %2462 f32[4,16,16,1] <- A + 52619776
 * in  %2464 f32[4,16,16,1280] <- A + 50331648
 * in  %2484 f32[4,16,16,1280] <- A + 49020928
 * in  %2485 f32[4,1,1,1280] <- A + 52581376
 */
void k209b_bn_train_expand_scale_mul(
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
 * %2494 = bn_bwd_reduce(%2493, %2354, %2359) : f32[2,1280]  features.8.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2494 -> A + 52619776
 * in  %2493 f32[4,16,16,1280] <- A + 47710208
 * in  %2354 f32[4,16,16,1280] <- A + 46399488
 * in  %2359 f32[2,1280] <- A + 52617216
 */
void k208b_bn_bwd_reduce(
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
 * %2495 = bn_bwd_input(%2493, %2354, %2359, %2355, %2494) : f32[4,16,16,1280]  features.8.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2495 -> A + 49020928
 * in  %2354 f32[4,16,16,1280] <- A + 46399488
 * in  %2355 f32[1280] <- M + 52855796 (features.8.1.weight)
 * in  %2359 f32[2,1280] <- A + 52617216
 * in  %2493 f32[4,16,16,1280] <- A + 47710208
 * in  %2494 f32[2,1280] <- A + 52619776
 */
void k208b_bn_bwd_input(
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
 * %2496 = slice(%2494) : f32[1,1280]  features.8.1
 * %2497 = reshape(%2496) : f32[1280]  features.8.1
 * %4202 = add(%4201, %2497) : f32[1280]  features.8.1.weight
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %4202 -> G + 52855796
 * in  %2494 f32[2,1280] <- A + 52619776
 * in  %4201 f32[1280] <- G + 52855796 (features.8.1.weight)
 */
void k208b_slice_acc(float *restrict grad /* [1280] */, const float *restrict x /* [2,1280] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 1280; j++) grad[o * 1280 + j] += x[o * 2560 + 1280 + j];
}

/*
 * %2498 = slice(%2494) : f32[1,1280]  features.8.1
 * %2499 = reshape(%2498) : f32[1280]  features.8.1
 * %4204 = add(%4203, %2499) : f32[1280]  features.8.1.bias
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %4204 -> G + 52857076
 * in  %2494 f32[2,1280] <- A + 52619776
 * in  %4203 f32[1280] <- G + 52857076 (features.8.1.bias)
 */
void k208b2_slice_acc(float *restrict grad /* [1280] */, const float *restrict x /* [2,1280] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 1280; j++) grad[o * 1280 + j] += x[o * 2560 + 0 + j];
}

/*
 * %2325 = bn_train(%2317, %2322, %2318, %2319) : f32[4,16,16,3072]  features.7.4.block.1.1
 * %2326 = silu(%2325) : f32[4,16,16,3072]  features.7.4.block.1.2
 * %2512 = mul(%2509, %2326) : f32[4,16,16,3072]  features.7.4.block.2
 * %2513 = reduce_sum(%2512) : f32[4,1,1,3072]  features.7.4.block.2
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %2513 -> A + 49545216
 * in  %2317 f32[4,16,16,3072] <- A + 43253760
 * in  %2318 f32[3072] <- M + 49830772 (features.7.4.block.1.1.weight)
 * in  %2319 f32[3072] <- M + 49833844 (features.7.4.block.1.1.bias)
 * in  %2322 f32[2,3072] <- A + 169331456
 * in  %2509 f32[4,16,16,3072] <- A + 46399488
 */
void k214_bn_train_silu_mul_reduce_sum(
    float *restrict y /* [4,1,1,3072] */,
    const float *restrict x /* [4,16,16,3072] */,
    const float *restrict gamma /* [3072] */,
    const float *restrict beta /* [3072] */,
    const float *restrict stats /* [2,3072] */,
    const float *restrict a /* [4,16,16,3072] */) {
    /* sum over axes [1, 2] of [4, 16, 16, 3072]: (4, 256, 3072) -> (4, 3072) */
    float q0[3072];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 3072; c++) {
        q0[c] = gamma[c] / sqrtf(stats[3072 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[3072];
        for (long q = 0; q < 3072; q++) acc[q] = 0.0;
        for (long j = 0; j < 256; j++) {
            for (long q = 0; q < 3072; q++) {
                const long r = o * 256 + j;
                const long c = q;
                const float t0 = a[r * 3072 + c];
                const float t1 = x[r * 3072 + c];
                const float t2 = (t1 - stats[c]) * q0[c] + beta[c];
                const float t3 = t2 * ba_sigmoid(t2);
                const float t4 = t0 * t3;
                acc[q] += t4;
            }
        }
        for (long q = 0; q < 3072; q++) y[o * 3072 + q] = (float)(acc[q]);
    }
}

/*
 * %2325 = bn_train(%2317, %2322, %2318, %2319) : f32[4,16,16,3072]  features.7.4.block.1.1
 * %2511 = mul(%2509, %2339) : f32[4,16,16,3072]  features.7.4.block.2
 * %2528 = expand(%2527) : f32[4,16,16,3072]  features.7.4.block.2.avgpool
 * %2529 = scale(%2528) : f32[4,16,16,3072]  features.7.4.block.2.avgpool
 * %2530 = add_n(%2511, %2529) : f32[4,16,16,3072]  features.7.4.block.1.2
 * %2531 = silu_bwd(%2530, %2325) : f32[4,16,16,3072]  features.7.4.block.1.2
 * %2532 = bn_bwd_reduce(%2531, %2317, %2322) : f32[2,3072]  features.7.4.block.1.1
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %2532 -> A + 168857600
 * in  %2317 f32[4,16,16,3072] <- A + 43253760
 * in  %2318 f32[3072] <- M + 49830772 (features.7.4.block.1.1.weight)
 * in  %2319 f32[3072] <- M + 49833844 (features.7.4.block.1.1.bias)
 * in  %2322 f32[2,3072] <- A + 169331456
 * in  %2339 f32[4,1,1,3072] <- A + 168882176
 * in  %2509 f32[4,16,16,3072] <- A + 46399488
 * in  %2527 f32[4,1,1,3072] <- A + 168869888
 */
void k215_bn_train_mul_expand_scale_bn_bwd_reduce(
    float *restrict dstats /* [2,3072] */,
    const float *restrict x /* [4,16,16,3072] */,
    const float *restrict gamma /* [3072] */,
    const float *restrict beta /* [3072] */,
    const float *restrict stats /* [2,3072] */,
    const float *restrict scale /* [4,1,1,3072] */,
    const float *restrict x2 /* [4,16,16,3072] */,
    const float *restrict x3 /* [4,1,1,3072] */) {
    float q0[3072];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 3072; c++) {
        q0[c] = gamma[c] / sqrtf(stats[3072 + c] + 0.001f);
    }
    float q1[3072];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 3072; c++) {
        q1[c] = 1.0f / sqrtf(stats[3072 + c] + 0.001f);
    }
    enum { C = 3072, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 3072 + c];
                const float t1 = scale[(r / 256) * 3072 + c];
                const float t2 = t0 * t1;
                const float t3 = x3[(r / 256) * 3072 + c];
                const float t4 = t3;
                const float t5 = 0.00390625f * t4;
                const float t6 = t2 + t5;
                const float t7 = x[r * 3072 + c];
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
 * %2325 = bn_train(%2317, %2322, %2318, %2319) : f32[4,16,16,3072]  features.7.4.block.1.1
 * %2511 = mul(%2509, %2339) : f32[4,16,16,3072]  features.7.4.block.2
 * %2528 = expand(%2527) : f32[4,16,16,3072]  features.7.4.block.2.avgpool
 * %2529 = scale(%2528) : f32[4,16,16,3072]  features.7.4.block.2.avgpool
 * %2530 = add_n(%2511, %2529) : f32[4,16,16,3072]  features.7.4.block.1.2
 * %2531 = silu_bwd(%2530, %2325) : f32[4,16,16,3072]  features.7.4.block.1.2
 * %2533 = bn_bwd_input(%2531, %2317, %2322, %2318, %2532) : f32[4,16,16,3072]  features.7.4.block.1.1
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %2533 -> A + 49545216
 * in  %2317 f32[4,16,16,3072] <- A + 43253760
 * in  %2318 f32[3072] <- M + 49830772 (features.7.4.block.1.1.weight)
 * in  %2319 f32[3072] <- M + 49833844 (features.7.4.block.1.1.bias)
 * in  %2322 f32[2,3072] <- A + 169331456
 * in  %2339 f32[4,1,1,3072] <- A + 168882176
 * in  %2509 f32[4,16,16,3072] <- A + 46399488
 * in  %2527 f32[4,1,1,3072] <- A + 168869888
 * in  %2532 f32[2,3072] <- A + 168857600
 */
void k216_bn_train_mul_expand_scale(
    float *restrict dx /* [4,16,16,3072] */,
    const float *restrict x /* [4,16,16,3072] */,
    const float *restrict gamma /* [3072] */,
    const float *restrict beta /* [3072] */,
    const float *restrict stats /* [2,3072] */,
    const float *restrict scale /* [4,1,1,3072] */,
    const float *restrict x2 /* [4,16,16,3072] */,
    const float *restrict x3 /* [4,1,1,3072] */,
    const float *restrict dstats /* [2,3072] */) {
    float q0[3072];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 3072; c++) {
        q0[c] = gamma[c] / sqrtf(stats[3072 + c] + 0.001f);
    }
    float q1[3072], q2[3072], q3[3072];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 3072; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[3072 + c] + 0.001f));
        q2[c] = dstats[c] / 1024.0f;
        q3[c] = dstats[3072 + c] / 1024.0f * (1.0f / sqrtf(stats[3072 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 3072; c++) {
            const long i = r * 3072 + c;
            const float t0 = x2[r * 3072 + c];
            const float t1 = scale[(r / 256) * 3072 + c];
            const float t2 = t0 * t1;
            const float t3 = x3[(r / 256) * 3072 + c];
            const float t4 = t3;
            const float t5 = 0.00390625f * t4;
            const float t6 = t2 + t5;
            const float t7 = x[r * 3072 + c];
            const float t8 = (t7 - stats[c]) * q0[c] + beta[c];
            const float t9s = ba_sigmoid(t8);
            const float t9 = t6 * (t9s * (1.0f + t8 * (1.0f - t9s)));
            const float t10 = q1[c] * (t9 - q2[c] - (t7 - stats[c]) * q3[c]);
            dx[i] = t10;
        }
    }
}

/*
 * %2534 = slice(%2532) : f32[1,3072]  features.7.4.block.1.1
 * %2535 = reshape(%2534) : f32[3072]  features.7.4.block.1.1
 * %4182 = add(%4181, %2535) : f32[3072]  features.7.4.block.1.1.weight
 * 24 call sites share this function; the nodes and locations above are the first one's.
 * out %4182 -> G + 49830772
 * in  %2532 f32[2,3072] <- A + 168857600
 * in  %4181 f32[3072] <- G + 49830772 (features.7.4.block.1.1.weight)
 */
void k217_slice_acc(float *restrict grad /* [3072] */, const float *restrict x /* [2,3072] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 3072; j++) grad[o * 3072 + j] += x[o * 6144 + 3072 + j];
}

/*
 * %2536 = slice(%2532) : f32[1,3072]  features.7.4.block.1.1
 * %2537 = reshape(%2536) : f32[3072]  features.7.4.block.1.1
 * %4184 = add(%4183, %2537) : f32[3072]  features.7.4.block.1.1.bias
 * 24 call sites share this function; the nodes and locations above are the first one's.
 * out %4184 -> G + 49833844
 * in  %2532 f32[2,3072] <- A + 168857600
 * in  %4183 f32[3072] <- G + 49833844 (features.7.4.block.1.1.bias)
 */
void k218_slice_acc(float *restrict grad /* [3072] */, const float *restrict x /* [2,3072] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 3072; j++) grad[o * 3072 + j] += x[o * 6144 + 0 + j];
}

/*
 * %2135 = bn_train(%2127, %2132, %2128, %2129) : f32[4,16,16,1824]  features.7.0.block.1.1
 * %2136 = silu(%2135) : f32[4,16,16,1824]  features.7.0.block.1.2
 * %2703 = mul(%2700, %2136) : f32[4,16,16,1824]  features.7.0.block.2
 * %2704 = reduce_sum(%2703) : f32[4,1,1,1824]  features.7.0.block.2
 * 54 call sites share this function; the nodes and locations above are the first one's.
 * out %2704 -> A + 168747008
 * in  %2127 f32[4,16,16,1824] <- A + 151683072
 * in  %2128 f32[1824] <- M + 35077448 (features.7.0.block.1.1.weight)
 * in  %2129 f32[1824] <- M + 35079272 (features.7.0.block.1.1.bias)
 * in  %2132 f32[2,1824] <- A + 169477952
 * in  %2700 f32[4,16,16,1824] <- A + 8650752
 */
void k219_bn_train_silu_mul_reduce_sum(
    float *restrict y /* [4,1,1,1824] */,
    const float *restrict x /* [4,16,16,1824] */,
    const float *restrict gamma /* [1824] */,
    const float *restrict beta /* [1824] */,
    const float *restrict stats /* [2,1824] */,
    const float *restrict a /* [4,16,16,1824] */) {
    /* sum over axes [1, 2] of [4, 16, 16, 1824]: (4, 256, 1824) -> (4, 1824) */
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
                const float t0 = a[r * 1824 + c];
                const float t1 = x[r * 1824 + c];
                const float t2 = (t1 - stats[c]) * q0[c] + beta[c];
                const float t3 = t2 * ba_sigmoid(t2);
                const float t4 = t0 * t3;
                acc[q] += t4;
            }
        }
        for (long q = 0; q < 1824; q++) y[o * 1824 + q] = (float)(acc[q]);
    }
}

/*
 * %2135 = bn_train(%2127, %2132, %2128, %2129) : f32[4,16,16,1824]  features.7.0.block.1.1
 * %2702 = mul(%2700, %2149) : f32[4,16,16,1824]  features.7.0.block.2
 * %2719 = expand(%2718) : f32[4,16,16,1824]  features.7.0.block.2.avgpool
 * %2720 = scale(%2719) : f32[4,16,16,1824]  features.7.0.block.2.avgpool
 * %2721 = add_n(%2702, %2720) : f32[4,16,16,1824]  features.7.0.block.1.2
 * %2722 = silu_bwd(%2721, %2135) : f32[4,16,16,1824]  features.7.0.block.1.2
 * %2723 = bn_bwd_reduce(%2722, %2127, %2132) : f32[2,1824]  features.7.0.block.1.1
 * 54 call sites share this function; the nodes and locations above are the first one's.
 * out %2723 -> A + 169266560
 * in  %2127 f32[4,16,16,1824] <- A + 151683072
 * in  %2128 f32[1824] <- M + 35077448 (features.7.0.block.1.1.weight)
 * in  %2129 f32[1824] <- M + 35079272 (features.7.0.block.1.1.bias)
 * in  %2132 f32[2,1824] <- A + 169477952
 * in  %2149 f32[4,1,1,1824] <- A + 169281152
 * in  %2700 f32[4,16,16,1824] <- A + 8650752
 * in  %2718 f32[4,1,1,1824] <- A + 169273856
 */
void k220_bn_train_mul_expand_scale_bn_bwd_reduce(
    float *restrict dstats /* [2,1824] */,
    const float *restrict x /* [4,16,16,1824] */,
    const float *restrict gamma /* [1824] */,
    const float *restrict beta /* [1824] */,
    const float *restrict stats /* [2,1824] */,
    const float *restrict scale /* [4,1,1,1824] */,
    const float *restrict x2 /* [4,16,16,1824] */,
    const float *restrict x3 /* [4,1,1,1824] */) {
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
                const float t0 = x2[r * 1824 + c];
                const float t1 = scale[(r / 256) * 1824 + c];
                const float t2 = t0 * t1;
                const float t3 = x3[(r / 256) * 1824 + c];
                const float t4 = t3;
                const float t5 = 0.00390625f * t4;
                const float t6 = t2 + t5;
                const float t7 = x[r * 1824 + c];
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
 * %2135 = bn_train(%2127, %2132, %2128, %2129) : f32[4,16,16,1824]  features.7.0.block.1.1
 * %2702 = mul(%2700, %2149) : f32[4,16,16,1824]  features.7.0.block.2
 * %2719 = expand(%2718) : f32[4,16,16,1824]  features.7.0.block.2.avgpool
 * %2720 = scale(%2719) : f32[4,16,16,1824]  features.7.0.block.2.avgpool
 * %2721 = add_n(%2702, %2720) : f32[4,16,16,1824]  features.7.0.block.1.2
 * %2722 = silu_bwd(%2721, %2135) : f32[4,16,16,1824]  features.7.0.block.1.2
 * %2724 = bn_bwd_input(%2722, %2127, %2132, %2128, %2723) : f32[4,16,16,1824]  features.7.0.block.1.1
 * 54 call sites share this function; the nodes and locations above are the first one's.
 * out %2724 -> A + 10518528
 * in  %2127 f32[4,16,16,1824] <- A + 151683072
 * in  %2128 f32[1824] <- M + 35077448 (features.7.0.block.1.1.weight)
 * in  %2129 f32[1824] <- M + 35079272 (features.7.0.block.1.1.bias)
 * in  %2132 f32[2,1824] <- A + 169477952
 * in  %2149 f32[4,1,1,1824] <- A + 169281152
 * in  %2700 f32[4,16,16,1824] <- A + 8650752
 * in  %2718 f32[4,1,1,1824] <- A + 169273856
 * in  %2723 f32[2,1824] <- A + 169266560
 */
void k221_bn_train_mul_expand_scale(
    float *restrict dx /* [4,16,16,1824] */,
    const float *restrict x /* [4,16,16,1824] */,
    const float *restrict gamma /* [1824] */,
    const float *restrict beta /* [1824] */,
    const float *restrict stats /* [2,1824] */,
    const float *restrict scale /* [4,1,1,1824] */,
    const float *restrict x2 /* [4,16,16,1824] */,
    const float *restrict x3 /* [4,1,1,1824] */,
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
            const float t0 = x2[r * 1824 + c];
            const float t1 = scale[(r / 256) * 1824 + c];
            const float t2 = t0 * t1;
            const float t3 = x3[(r / 256) * 1824 + c];
            const float t4 = t3;
            const float t5 = 0.00390625f * t4;
            const float t6 = t2 + t5;
            const float t7 = x[r * 1824 + c];
            const float t8 = (t7 - stats[c]) * q0[c] + beta[c];
            const float t9s = ba_sigmoid(t8);
            const float t9 = t6 * (t9s * (1.0f + t8 * (1.0f - t9s)));
            const float t10 = q1[c] * (t9 - q2[c] - (t7 - stats[c]) * q3[c]);
            dx[i] = t10;
        }
    }
}

/*
 * %2725 = slice(%2723) : f32[1,1824]  features.7.0.block.1.1
 * %2726 = reshape(%2725) : f32[1824]  features.7.0.block.1.1
 * %4078 = add(%4077, %2726) : f32[1824]  features.7.0.block.1.1.weight
 * 108 call sites share this function; the nodes and locations above are the first one's.
 * out %4078 -> G + 35077448
 * in  %2723 f32[2,1824] <- A + 169266560
 * in  %4077 f32[1824] <- G + 35077448 (features.7.0.block.1.1.weight)
 */
void k222_slice_acc(float *restrict grad /* [1824] */, const float *restrict x /* [2,1824] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 1824; j++) grad[o * 1824 + j] += x[o * 3648 + 1824 + j];
}

/*
 * %2727 = slice(%2723) : f32[1,1824]  features.7.0.block.1.1
 * %2728 = reshape(%2727) : f32[1824]  features.7.0.block.1.1
 * %4080 = add(%4079, %2728) : f32[1824]  features.7.0.block.1.1.bias
 * 108 call sites share this function; the nodes and locations above are the first one's.
 * out %4080 -> G + 35079272
 * in  %2723 f32[2,1824] <- A + 169266560
 * in  %4079 f32[1824] <- G + 35079272 (features.7.0.block.1.1.bias)
 */
void k223_slice_acc(float *restrict grad /* [1824] */, const float *restrict x /* [2,1824] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 1824; j++) grad[o * 1824 + j] += x[o * 3648 + 0 + j];
}
