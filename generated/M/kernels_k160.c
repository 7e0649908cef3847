/* Kernels k160 to k175 and their backward kernels. */
#include "kernels.h"

/*
 * %2365 = sigmoid(%2364) : f32[4,16,16,1]  cbam.spatial_attention
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %2365 -> A + 3959040
 * in  %2364 f32[4,16,16,1] <- A + 2637824
 */
void k160_sigmoid(float *restrict y /* [4,16,16,1] */, const float *restrict x /* [4,16,16,1] */) {
    for (long r = 0; r < 1024; r++) {
        for (long c = 0; c < 1; c++) {
            const long i = r * 1 + c;
            const float t0 = x[r];
            const float t1 = ba_sigmoid(t0);
            y[i] = t1;
        }
    }
}

/*
 * %2366 = mul(%2359, %2365) : f32[4,16,16,1280]  cbam.spatial_attention
 * %2367 = reduce_mean(%2366) : f32[4,1,1,1280]  avgpool
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2367 -> A + 2621440
 * in  %2359 f32[4,16,16,1280] <- A + 1310720
 * in  %2365 f32[4,16,16,1] <- A + 3959040
 */
void k161_mul_reduce_mean(
    float *restrict y /* [4,1,1,1280] */,
    const float *restrict x /* [4,16,16,1280] */,
    const float *restrict scale /* [4,16,16,1] */) {
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
                const float t1 = scale[r];
                const float t2 = t0 * t1;
                acc[q] += t2;
            }
        }
        for (long q = 0; q < 1280; q++) y[o * 1280 + q] = (float)(acc[q] / 256.0);
    }
}

/*
 * %2370 = dropout(%2368, %2369) : f32[4,1280]  classifier.0
 * out %2370 -> A + 2626560
 * in  %2368 f32[4,1280] <- A + 2621440
 * in  %2369 i32[1] <- io[8] (seed)
 */
void k162_dropout(
    float *restrict y /* [4,1280] */,
    const float *restrict x /* [4,1280] */,
    const int32_t *restrict seed /* [1] */,
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
 * %2373 = linear(%2370, %2371, %2372) : f32[4,512]  classifier.1
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %2373 -> A + 2621440
 * in  %2370 f32[4,1280] <- A + 2626560
 * in  %2371 f32[512,1280] <- M + 53063254 (classifier.1.weight)
 * in  %2372 f32[512] <- M + 53718614 (classifier.1.bias)
 */
void k163_linear(
    float *restrict y /* [4,512] */,
    const float *restrict x /* [4,1280] */,
    const float *restrict w /* [512,1280] */,
    const float *restrict bias /* [512] */) {
    /* y (4,512) = x (4,1280) · wᵀ (1280,512) + b */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 512, 1280, 1.0f, x, 1280, w, 1280, 0.0f, y, 512);
    for (long n = 0; n < 4; n++) for (long k = 0; k < 512; k++) y[n * 512 + k] += bias[k];
}

/*
 * %2378 = bn_stats(%2373) : f32[2,512]  classifier.2
 * %2379 = running_mean_update(%2376, %2378) : f32[512]  classifier.2
 * %2380 = running_var_update(%2377, %2378) : f32[512]  classifier.2
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2378 -> A + 2625536
 * out %2379 -> M + 54144793
 * out %2380 -> M + 54145305
 * in  %2373 f32[4,512] <- A + 2621440
 * in  %2376 f32[512] <- M + 54144793 (classifier.2.running_mean)
 * in  %2377 f32[512] <- M + 54145305 (classifier.2.running_var)
 */
void k164_bn_stats_running(
    float *restrict stats /* [2,512] */,
    float *restrict running_mean /* [512] */,
    float *restrict running_var /* [512] */,
    const float *restrict x /* [4,512] */) {
    enum { C = 512, CHUNKS = 4 };
    double *part = malloc(sizeof(double) * 2 * CHUNKS * C);
    for (long ch = 0; ch < CHUNKS; ch++) {
        double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }
        for (long r = 4L * ch / CHUNKS; r < 4L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x[r * 512 + c];
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
        const double mean = s0 / 4.0, var = fmax(s1 / 4.0 - mean * mean, 0.0);
        stats[c] = (float)mean;
        stats[C + c] = (float)var;
        running_mean[c] = (float)(0.9f * (double)running_mean[c] + 0.1f * mean);  /* running mean */
        running_var[c] = (float)(0.9f * (double)running_var[c] + 0.1f * var * 1.3333333333333333);  /* running var (unbiased) */
    }
    free(sums);
    free(part);
}

/*
 * %2381 = bn_train(%2373, %2378, %2374, %2375) : f32[4,512]  classifier.2
 * %2382 = relu(%2381) : f32[4,512]  classifier.3
 * %2383 = dropout(%2382, %2369) : f32[4,512]  classifier.4
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2383 -> A + 2623488
 * in  %2369 i32[1] <- io[8] (seed)
 * in  %2373 f32[4,512] <- A + 2621440
 * in  %2374 f32[512] <- M + 53719126 (classifier.2.weight)
 * in  %2375 f32[512] <- M + 53719638 (classifier.2.bias)
 * in  %2378 f32[2,512] <- A + 2625536
 */
void k165_bn_train_relu_dropout(
    float *restrict y /* [4,512] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,512] */,
    const float *restrict gamma /* [512] */,
    const float *restrict beta /* [512] */,
    const float *restrict stats /* [2,512] */,
    uint32_t salt,
    float rate) {
    float q0[512];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q0[c] = gamma[c] / sqrtf(stats[512 + c] + 1e-05f);
    }
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 512; c++) {
            const long i = r * 512 + c;
            const float t0 = x[r * 512 + c];
            const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
            const float t2 = t1 > 0.0f ? t1 : 0.0f;
            const float t3 = ba_uniform((uint32_t)seed[0], salt, (uint32_t)i) >= rate ? t2 / (1.0f - rate) : 0.0f;
            y[i] = t3;
        }
    }
}

/*
 * %2386 = linear(%2383, %2384, %2385) : f32[4,256]  classifier.5
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %2386 -> A + 2633728
 * in  %2383 f32[4,512] <- A + 2623488
 * in  %2384 f32[256,512] <- M + 53720150 (classifier.5.weight)
 * in  %2385 f32[256] <- M + 53851222 (classifier.5.bias)
 */
void k166_linear(
    float *restrict y /* [4,256] */,
    const float *restrict x /* [4,512] */,
    const float *restrict w /* [256,512] */,
    const float *restrict bias /* [256] */) {
    /* y (4,256) = x (4,512) · wᵀ (512,256) + b */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 256, 512, 1.0f, x, 512, w, 512, 0.0f, y, 256);
    for (long n = 0; n < 4; n++) for (long k = 0; k < 256; k++) y[n * 256 + k] += bias[k];
}

/*
 * %2391 = bn_stats(%2386) : f32[2,256]  classifier.6
 * %2392 = running_mean_update(%2389, %2391) : f32[256]  classifier.6
 * %2393 = running_var_update(%2390, %2391) : f32[256]  classifier.6
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2391 -> A + 3952640
 * out %2392 -> M + 54145817
 * out %2393 -> M + 54146073
 * in  %2386 f32[4,256] <- A + 2633728
 * in  %2389 f32[256] <- M + 54145817 (classifier.6.running_mean)
 * in  %2390 f32[256] <- M + 54146073 (classifier.6.running_var)
 */
void k167_bn_stats_running(
    float *restrict stats /* [2,256] */,
    float *restrict running_mean /* [256] */,
    float *restrict running_var /* [256] */,
    const float *restrict x /* [4,256] */) {
    enum { C = 256, CHUNKS = 4 };
    double *part = malloc(sizeof(double) * 2 * CHUNKS * C);
    for (long ch = 0; ch < CHUNKS; ch++) {
        double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }
        for (long r = 4L * ch / CHUNKS; r < 4L * (ch + 1) / CHUNKS; r++) {
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
        const double mean = s0 / 4.0, var = fmax(s1 / 4.0 - mean * mean, 0.0);
        stats[c] = (float)mean;
        stats[C + c] = (float)var;
        running_mean[c] = (float)(0.9f * (double)running_mean[c] + 0.1f * mean);  /* running mean */
        running_var[c] = (float)(0.9f * (double)running_var[c] + 0.1f * var * 1.3333333333333333);  /* running var (unbiased) */
    }
    free(sums);
    free(part);
}

/*
 * %2394 = bn_train(%2386, %2391, %2387, %2388) : f32[4,256]  classifier.6
 * %2395 = relu(%2394) : f32[4,256]  classifier.7
 * %2396 = dropout(%2395, %2369) : f32[4,256]  classifier.8
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2396 -> A + 2634752
 * in  %2369 i32[1] <- io[8] (seed)
 * in  %2386 f32[4,256] <- A + 2633728
 * in  %2387 f32[256] <- M + 53851478 (classifier.6.weight)
 * in  %2388 f32[256] <- M + 53851734 (classifier.6.bias)
 * in  %2391 f32[2,256] <- A + 3952640
 */
void k168_bn_train_relu_dropout(
    float *restrict y /* [4,256] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */,
    uint32_t salt,
    float rate) {
    float q0[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q0[c] = gamma[c] / sqrtf(stats[256 + c] + 1e-05f);
    }
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 256; c++) {
            const long i = r * 256 + c;
            const float t0 = x[r * 256 + c];
            const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
            const float t2 = t1 > 0.0f ? t1 : 0.0f;
            const float t3 = ba_uniform((uint32_t)seed[0], salt, (uint32_t)i) >= rate ? t2 / (1.0f - rate) : 0.0f;
            y[i] = t3;
        }
    }
}

/*
 * %2399 = linear(%2396, %2397, %2398) : f32[4,3]  classifier.9
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %2399 -> io[12]
 * in  %2396 f32[4,256] <- A + 2634752
 * in  %2397 f32[3,256] <- M + 53851990 (classifier.9.weight)
 * in  %2398 f32[3] <- M + 53852758 (classifier.9.bias)
 */
void k169_linear(
    float *restrict y /* [4,3] */,
    const float *restrict x /* [4,256] */,
    const float *restrict w /* [3,256] */,
    const float *restrict bias /* [3] */) {
    /* y (4,3) = x (4,256) · wᵀ (256,3) + b */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 3, 256, 1.0f, x, 256, w, 256, 0.0f, y, 3);
    for (long n = 0; n < 4; n++) for (long k = 0; k < 3; k++) y[n * 3 + k] += bias[k];
}

/*
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2401 -> A + 2635776
 */
void k170_fill(float *restrict y /* [] */) {
    for (long i = 0; i < 1; i++) y[i] = 1.0f;
}

/*
 * %2400 = focal_loss(%2399, %1) : f32[]  loss
 * %2402 = focal_loss_bwd(%2399, %1, %2401) : f32[4,3]  loss
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2400 -> io[11]
 * out %2402 -> A + 2636800
 * in  %1 i32[4] <- io[7] (labels)
 * in  %2399 f32[4,3] <- io[12]
 * in  %2401 f32[] <- A + 2635776 (loss)
 */
void k171_focal_loss_fwd_bwd(
    float *restrict loss /* [] */,
    float *restrict dlogits /* [4,3] */,
    const int32_t *restrict labels /* [4] */,
    const float *restrict logits /* [4,3] */,
    const float *restrict dloss /* [] */) {
    /* focal loss on smoothed targets, logits (4,3) */
    static const double alpha[3] = {0.25f, 0.5f, 0.25f};
    static const double weight[3] = {1.0f, 1.0f, 1.0f};
    const double gamma = 2.5f, eps = 0.12f;
    double total = 0.0, weight_sum = 0.0;
    double grad[12];
    for (long i = 0; i < 4; i++) {
        const long y = labels[i];
        const float *z = logits + i * 3;
        double m = z[0], lse = 0.0;
        for (long c = 1; c < 3; c++) m = fmax(m, z[c]);
        for (long c = 0; c < 3; c++) lse += exp(z[c] - m);
        lse = m + log(lse);
        double l = 0.0, gs = 0.0, g[3];
        for (long c = 0; c < 3; c++) {
            const double logp = z[c] - lse, p = exp(logp), one = fmax(1.0 - p, 0.0);
            const double q = (c == y ? 1.0 - eps : 0.0) + eps / 3.0;
            l += q * alpha[c] * pow(one, gamma) * -logp;
            const double focal = gamma == 0.0 ? 0.0 : gamma * pow(fmax(one, 1e-300), gamma - 1.0) * p * logp;
            g[c] = q * alpha[c] * (focal - pow(one, gamma));
            gs += g[c];
        }
        total += weight[y] * l;
        weight_sum += weight[y];
        for (long c = 0; c < 3; c++) grad[i * 3 + c] = weight[y] * (g[c] - exp(z[c] - lse) * gs);
    }
    loss[0] = (float)(total / weight_sum);
    for (long j = 0; j < 12; j++) dlogits[j] = (float)(grad[j] / weight_sum * dloss[0]);
}

/*
 * %2403 = matmul(%2402, %2397) : f32[4,256]  classifier.9
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2403 -> A + 2635776
 * in  %2402 f32[4,3] <- A + 2636800
 * in  %2397 f32[3,256] <- M + 53851990 (classifier.9.weight)
 */
void k169b_matmul(
    float *restrict y /* [4,256] */,
    const float *restrict a /* [4,3] */,
    const float *restrict b /* [3,256] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 256, 3, 1.0f, a, 3, b, 256, 0.0f, y, 256);
}

/*
 * %2404 = matmul(%2402, %2396) : f32[3,256]  classifier.9
 * %2486 = add(%2485, %2404) : f32[3,256]  classifier.9.weight
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2486 -> G + 53851990
 * in  %2402 f32[4,3] <- A + 2636800
 * in  %2396 f32[4,256] <- A + 2634752
 * in  %2485 f32[3,256] <- G + 53851990 (classifier.9.weight)
 */
void k169b_matmul_tA_acc(
    float *restrict grad /* [3,256] */,
    const float *restrict a /* [4,3] */,
    const float *restrict b /* [4,256] */) {
    /* accumulated into the gradient: beta = 1 */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 3, 256, 4, 1.0f, a, 3, b, 256, 1.0f, grad, 256);
}

/*
 * %2405 = reduce_sum(%2402) : f32[1,3]  classifier.9
 * %2406 = reshape(%2405) : f32[3]  classifier.9
 * %2488 = add(%2487, %2406) : f32[3]  classifier.9.bias
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2488 -> G + 53852758
 * in  %2402 f32[4,3] <- A + 2636800
 * in  %2487 f32[3] <- G + 53852758 (classifier.9.bias)
 */
void k169b_reduce_sum_acc(float *restrict grad /* [3] */, const float *restrict x /* [4,3] */) {
    /* sum over axes [0] of [4, 3]: (1, 4, 3) -> (1, 3) */
    for (long o = 0; o < 1; o++) {
        double acc[3];
        for (long q = 0; q < 3; q++) acc[q] = 0.0;
        for (long j = 0; j < 4; j++) {
            for (long q = 0; q < 3; q++) {
                const long r = o * 4 + j;
                const long c = q;
                const float t0 = x[r * 3 + c];
                acc[q] += t0;
            }
        }
        for (long q = 0; q < 3; q++) grad[o * 3 + q] += (float)(acc[q]);
    }
}

/*
 * %2394 = bn_train(%2386, %2391, %2387, %2388) : f32[4,256]  classifier.6
 * %2407 = dropout_bwd(%2403, %2369) : f32[4,256]  classifier.8
 * %2408 = relu_bwd(%2407, %2394) : f32[4,256]  classifier.7
 * %2409 = bn_bwd_reduce(%2408, %2386, %2391) : f32[2,256]  classifier.6
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2409 -> A + 2634752
 * in  %2369 i32[1] <- io[8] (seed)
 * in  %2386 f32[4,256] <- A + 2633728
 * in  %2387 f32[256] <- M + 53851478 (classifier.6.weight)
 * in  %2388 f32[256] <- M + 53851734 (classifier.6.bias)
 * in  %2391 f32[2,256] <- A + 3952640
 * in  %2403 f32[4,256] <- A + 2635776
 */
void k167b_bn_train_dropout_bwd_relu_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,256] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict dy /* [4,256] */,
    uint32_t salt,
    float rate) {
    float q0[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q0[c] = gamma[c] / sqrtf(stats[256 + c] + 1e-05f);
    }
    float q1[256];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q1[c] = 1.0f / sqrtf(stats[256 + c] + 1e-05f);
    }
    enum { C = 256, CHUNKS = 4 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4L * ch / CHUNKS; r < 4L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const long i = r * C + c;
                const float t0 = dy[r * 256 + c];
                const float t1 = ba_uniform((uint32_t)seed[0], salt, (uint32_t)i) >= rate ? t0 / (1.0f - rate) : 0.0f;
                const float t2 = x[r * 256 + c];
                const float t3 = (t2 - stats[c]) * q0[c] + beta[c];
                const float t4 = t3 > 0.0f ? t1 : 0.0f;
                const float xh = (t2 - stats[c]) * q1[c];
                p0[c] += t4;
                p1[c] += t4 * xh;
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
 * %2394 = bn_train(%2386, %2391, %2387, %2388) : f32[4,256]  classifier.6
 * %2407 = dropout_bwd(%2403, %2369) : f32[4,256]  classifier.8
 * %2408 = relu_bwd(%2407, %2394) : f32[4,256]  classifier.7
 * %2410 = bn_bwd_input(%2408, %2386, %2391, %2387, %2409) : f32[4,256]  classifier.6
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2410 -> A + 2636800
 * in  %2369 i32[1] <- io[8] (seed)
 * in  %2386 f32[4,256] <- A + 2633728
 * in  %2387 f32[256] <- M + 53851478 (classifier.6.weight)
 * in  %2388 f32[256] <- M + 53851734 (classifier.6.bias)
 * in  %2391 f32[2,256] <- A + 3952640
 * in  %2403 f32[4,256] <- A + 2635776
 * in  %2409 f32[2,256] <- A + 2634752
 */
void k167b_bn_train_dropout_bwd_relu_bwd_bn_bwd_input(
    float *restrict dx /* [4,256] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict dy /* [4,256] */,
    const float *restrict dstats /* [2,256] */,
    uint32_t salt,
    float rate) {
    float q0[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q0[c] = gamma[c] / sqrtf(stats[256 + c] + 1e-05f);
    }
    float q1[256], q2[256], q3[256];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 256; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[256 + c] + 1e-05f));
        q2[c] = dstats[c] / 4.0f;
        q3[c] = dstats[256 + c] / 4.0f * (1.0f / sqrtf(stats[256 + c] + 1e-05f));
    }
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 256; c++) {
            const long i = r * 256 + c;
            const float t0 = dy[r * 256 + c];
            const float t1 = ba_uniform((uint32_t)seed[0], salt, (uint32_t)i) >= rate ? t0 / (1.0f - rate) : 0.0f;
            const float t2 = x[r * 256 + c];
            const float t3 = (t2 - stats[c]) * q0[c] + beta[c];
            const float t4 = t3 > 0.0f ? t1 : 0.0f;
            const float t5 = q1[c] * (t4 - q2[c] - (t2 - stats[c]) * q3[c]);
            dx[i] = t5;
        }
    }
}

/*
 * %2411 = slice(%2409) : f32[1,256]  classifier.6
 * %2412 = reshape(%2411) : f32[256]  classifier.6
 * %2482 = add(%2481, %2412) : f32[256]  classifier.6.weight
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2482 -> G + 53851478
 * in  %2409 f32[2,256] <- A + 2634752
 * in  %2481 f32[256] <- G + 53851478 (classifier.6.weight)
 */
void k167b_slice_acc(float *restrict grad /* [256] */, const float *restrict x /* [2,256] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 256; j++) grad[o * 256 + j] += x[o * 512 + 256 + j];
}

/*
 * %2413 = slice(%2409) : f32[1,256]  classifier.6
 * %2414 = reshape(%2413) : f32[256]  classifier.6
 * %2484 = add(%2483, %2414) : f32[256]  classifier.6.bias
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2484 -> G + 53851734
 * in  %2409 f32[2,256] <- A + 2634752
 * in  %2483 f32[256] <- G + 53851734 (classifier.6.bias)
 */
void k167b2_slice_acc(float *restrict grad /* [256] */, const float *restrict x /* [2,256] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 256; j++) grad[o * 256 + j] += x[o * 512 + 0 + j];
}

/*
 * %2415 = matmul(%2410, %2384) : f32[4,512]  classifier.5
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2415 -> A + 2633728
 * in  %2410 f32[4,256] <- A + 2636800
 * in  %2384 f32[256,512] <- M + 53720150 (classifier.5.weight)
 */
void k166b_matmul(
    float *restrict y /* [4,512] */,
    const float *restrict a /* [4,256] */,
    const float *restrict b /* [256,512] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 512, 256, 1.0f, a, 256, b, 512, 0.0f, y, 512);
}

/*
 * %2416 = matmul(%2410, %2383) : f32[256,512]  classifier.5
 * %2478 = add(%2477, %2416) : f32[256,512]  classifier.5.weight
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2478 -> G + 53720150
 * in  %2410 f32[4,256] <- A + 2636800
 * in  %2383 f32[4,512] <- A + 2623488
 * in  %2477 f32[256,512] <- G + 53720150 (classifier.5.weight)
 */
void k166b_matmul_tA_acc(
    float *restrict grad /* [256,512] */,
    const float *restrict a /* [4,256] */,
    const float *restrict b /* [4,512] */) {
    /* accumulated into the gradient: beta = 1 */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 256, 512, 4, 1.0f, a, 256, b, 512, 1.0f, grad, 512);
}

/*
 * %2417 = reduce_sum(%2410) : f32[1,256]  classifier.5
 * %2418 = reshape(%2417) : f32[256]  classifier.5
 * %2480 = add(%2479, %2418) : f32[256]  classifier.5.bias
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2480 -> G + 53851222
 * in  %2410 f32[4,256] <- A + 2636800
 * in  %2479 f32[256] <- G + 53851222 (classifier.5.bias)
 */
void k166b_reduce_sum_acc(float *restrict grad /* [256] */, const float *restrict x /* [4,256] */) {
    /* sum over axes [0] of [4, 256]: (1, 4, 256) -> (1, 256) */
    for (long o = 0; o < 1; o++) {
        double acc[256];
        for (long q = 0; q < 256; q++) acc[q] = 0.0;
        for (long j = 0; j < 4; j++) {
            for (long q = 0; q < 256; q++) {
                const long r = o * 4 + j;
                const long c = q;
                const float t0 = x[r * 256 + c];
                acc[q] += t0;
            }
        }
        for (long q = 0; q < 256; q++) grad[o * 256 + q] += (float)(acc[q]);
    }
}

/*
 * %2381 = bn_train(%2373, %2378, %2374, %2375) : f32[4,512]  classifier.2
 * %2419 = dropout_bwd(%2415, %2369) : f32[4,512]  classifier.4
 * %2420 = relu_bwd(%2419, %2381) : f32[4,512]  classifier.3
 * %2421 = bn_bwd_reduce(%2420, %2373, %2378) : f32[2,512]  classifier.2
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2421 -> A + 2623488
 * in  %2369 i32[1] <- io[8] (seed)
 * in  %2373 f32[4,512] <- A + 2621440
 * in  %2374 f32[512] <- M + 53719126 (classifier.2.weight)
 * in  %2375 f32[512] <- M + 53719638 (classifier.2.bias)
 * in  %2378 f32[2,512] <- A + 2625536
 * in  %2415 f32[4,512] <- A + 2633728
 */
void k164b_bn_train_dropout_bwd_relu_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,512] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,512] */,
    const float *restrict gamma /* [512] */,
    const float *restrict beta /* [512] */,
    const float *restrict stats /* [2,512] */,
    const float *restrict dy /* [4,512] */,
    uint32_t salt,
    float rate) {
    float q0[512];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q0[c] = gamma[c] / sqrtf(stats[512 + c] + 1e-05f);
    }
    float q1[512];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q1[c] = 1.0f / sqrtf(stats[512 + c] + 1e-05f);
    }
    enum { C = 512, CHUNKS = 4 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4L * ch / CHUNKS; r < 4L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const long i = r * C + c;
                const float t0 = dy[r * 512 + c];
                const float t1 = ba_uniform((uint32_t)seed[0], salt, (uint32_t)i) >= rate ? t0 / (1.0f - rate) : 0.0f;
                const float t2 = x[r * 512 + c];
                const float t3 = (t2 - stats[c]) * q0[c] + beta[c];
                const float t4 = t3 > 0.0f ? t1 : 0.0f;
                const float xh = (t2 - stats[c]) * q1[c];
                p0[c] += t4;
                p1[c] += t4 * xh;
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
 * %2381 = bn_train(%2373, %2378, %2374, %2375) : f32[4,512]  classifier.2
 * %2419 = dropout_bwd(%2415, %2369) : f32[4,512]  classifier.4
 * %2420 = relu_bwd(%2419, %2381) : f32[4,512]  classifier.3
 * %2422 = bn_bwd_input(%2420, %2373, %2378, %2374, %2421) : f32[4,512]  classifier.2
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2422 -> A + 2635776
 * in  %2369 i32[1] <- io[8] (seed)
 * in  %2373 f32[4,512] <- A + 2621440
 * in  %2374 f32[512] <- M + 53719126 (classifier.2.weight)
 * in  %2375 f32[512] <- M + 53719638 (classifier.2.bias)
 * in  %2378 f32[2,512] <- A + 2625536
 * in  %2415 f32[4,512] <- A + 2633728
 * in  %2421 f32[2,512] <- A + 2623488
 */
void k164b_bn_train_dropout_bwd_relu_bwd_bn_bwd_input(
    float *restrict dx /* [4,512] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,512] */,
    const float *restrict gamma /* [512] */,
    const float *restrict beta /* [512] */,
    const float *restrict stats /* [2,512] */,
    const float *restrict dy /* [4,512] */,
    const float *restrict dstats /* [2,512] */,
    uint32_t salt,
    float rate) {
    float q0[512];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q0[c] = gamma[c] / sqrtf(stats[512 + c] + 1e-05f);
    }
    float q1[512], q2[512], q3[512];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 512; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[512 + c] + 1e-05f));
        q2[c] = dstats[c] / 4.0f;
        q3[c] = dstats[512 + c] / 4.0f * (1.0f / sqrtf(stats[512 + c] + 1e-05f));
    }
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 512; c++) {
            const long i = r * 512 + c;
            const float t0 = dy[r * 512 + c];
            const float t1 = ba_uniform((uint32_t)seed[0], salt, (uint32_t)i) >= rate ? t0 / (1.0f - rate) : 0.0f;
            const float t2 = x[r * 512 + c];
            const float t3 = (t2 - stats[c]) * q0[c] + beta[c];
            const float t4 = t3 > 0.0f ? t1 : 0.0f;
            const float t5 = q1[c] * (t4 - q2[c] - (t2 - stats[c]) * q3[c]);
            dx[i] = t5;
        }
    }
}

/*
 * %2423 = slice(%2421) : f32[1,512]  classifier.2
 * %2424 = reshape(%2423) : f32[512]  classifier.2
 * %2474 = add(%2473, %2424) : f32[512]  classifier.2.weight
 * 19 call sites share this function; the nodes and locations above are the first one's.
 * out %2474 -> G + 53719126
 * in  %2421 f32[2,512] <- A + 2623488
 * in  %2473 f32[512] <- G + 53719126 (classifier.2.weight)
 */
void k164b_slice_acc(float *restrict grad /* [512] */, const float *restrict x /* [2,512] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 512; j++) grad[o * 512 + j] += x[o * 1024 + 512 + j];
}

/*
 * %2425 = slice(%2421) : f32[1,512]  classifier.2
 * %2426 = reshape(%2425) : f32[512]  classifier.2
 * %2476 = add(%2475, %2426) : f32[512]  classifier.2.bias
 * 19 call sites share this function; the nodes and locations above are the first one's.
 * out %2476 -> G + 53719638
 * in  %2421 f32[2,512] <- A + 2623488
 * in  %2475 f32[512] <- G + 53719638 (classifier.2.bias)
 */
void k164b2_slice_acc(float *restrict grad /* [512] */, const float *restrict x /* [2,512] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 512; j++) grad[o * 512 + j] += x[o * 1024 + 0 + j];
}

/*
 * %2427 = matmul(%2422, %2371) : f32[4,1280]  classifier.1
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2427 -> A + 2621440
 * in  %2422 f32[4,512] <- A + 2635776
 * in  %2371 f32[512,1280] <- M + 53063254 (classifier.1.weight)
 */
void k163b_matmul(
    float *restrict y /* [4,1280] */,
    const float *restrict a /* [4,512] */,
    const float *restrict b /* [512,1280] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 1280, 512, 1.0f, a, 512, b, 1280, 0.0f, y, 1280);
}

/*
 * %2428 = matmul(%2422, %2370) : f32[512,1280]  classifier.1
 * %2470 = add(%2469, %2428) : f32[512,1280]  classifier.1.weight
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2470 -> G + 53063254
 * in  %2422 f32[4,512] <- A + 2635776
 * in  %2370 f32[4,1280] <- A + 2626560
 * in  %2469 f32[512,1280] <- G + 53063254 (classifier.1.weight)
 */
void k163b_matmul_tA_acc(
    float *restrict grad /* [512,1280] */,
    const float *restrict a /* [4,512] */,
    const float *restrict b /* [4,1280] */) {
    /* accumulated into the gradient: beta = 1 */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 512, 1280, 4, 1.0f, a, 512, b, 1280, 1.0f, grad, 1280);
}

/*
 * %2429 = reduce_sum(%2422) : f32[1,512]  classifier.1
 * %2430 = reshape(%2429) : f32[512]  classifier.1
 * %2472 = add(%2471, %2430) : f32[512]  classifier.1.bias
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2472 -> G + 53718614
 * in  %2422 f32[4,512] <- A + 2635776
 * in  %2471 f32[512] <- G + 53718614 (classifier.1.bias)
 */
void k163b_reduce_sum_acc(float *restrict grad /* [512] */, const float *restrict x /* [4,512] */) {
    /* sum over axes [0] of [4, 512]: (1, 4, 512) -> (1, 512) */
    for (long o = 0; o < 1; o++) {
        double acc[512];
        for (long q = 0; q < 512; q++) acc[q] = 0.0;
        for (long j = 0; j < 4; j++) {
            for (long q = 0; q < 512; q++) {
                const long r = o * 4 + j;
                const long c = q;
                const float t0 = x[r * 512 + c];
                acc[q] += t0;
            }
        }
        for (long q = 0; q < 512; q++) grad[o * 512 + q] += (float)(acc[q]);
    }
}

/*
 * %2431 = dropout_bwd(%2427, %2369) : f32[4,1280]  classifier.0
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2431 -> A + 3952640
 * in  %2369 i32[1] <- io[8] (seed)
 * in  %2427 f32[4,1280] <- A + 2621440
 */
void k162b_dropout_bwd(
    float *restrict dx /* [4,1280] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict dy /* [4,1280] */,
    uint32_t salt,
    float rate) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 1280; c++) {
            const long i = r * 1280 + c;
            const float t0 = dy[r * 1280 + c];
            const float t1 = ba_uniform((uint32_t)seed[0], salt, (uint32_t)i) >= rate ? t0 / (1.0f - rate) : 0.0f;
            dx[i] = t1;
        }
    }
}

/*
 * %2461 = add_n(%2454, %2458) : f32[80,1280]  cbam.channel_attention.fc.0
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %2461 -> A + 0
 * in  %2454 f32[80,1280] <- A + 102400
 * in  %2458 f32[80,1280] <- A + 307200
 */
void k172_add_n(
    float *restrict y /* [80,1280] */,
    const float *restrict x /* [80,1280] */,
    const float *restrict x2 /* [80,1280] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 80; r++) {
        #pragma omp simd
        for (long c = 0; c < 1280; c++) {
            const long i = r * 1280 + c;
            const float t0 = x[r * 1280 + c];
            const float t1 = x2[r * 1280 + c];
            const float t2 = t0 + t1;
            y[i] = t2;
        }
    }
}

/*
 * %2464 = add(%2463, %2462) : f32[80,1280,1,1]  cbam.channel_attention.fc.0.weight
 * 8 call sites share this function; the nodes and locations above are the first one's.
 * out %2464 -> G + 52858356
 * in  %2462 f32[80,1280,1,1] <- A + 0
 * in  %2463 f32[80,1280,1,1] <- G + 52858356 (cbam.channel_attention.fc.0.weight)
 */
void k173_add(float *restrict y /* [80,1280,1,1] */, const float *restrict b /* [80,1280,1,1] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 102400; r++) {
        for (long c = 0; c < 1; c++) {
            const long i = r * 1 + c;
            const float t0 = y[r];
            const float t1 = b[r];
            const float t2 = t0 + t1;
            y[i] = t2;
        }
    }
}

/*
 * %993 = reduce_sumSquares(%964) : f32[1,1,1,1]  cbam.channel_attention.fc.0.weight
 * %994 = reshape(%993) : f32[]  cbam.channel_attention.fc.0.weight
 * %995 = reduce_sumSquares(%966) : f32[1,1,1,1]  cbam.channel_attention.fc.2.weight
 * %996 = reshape(%995) : f32[]  cbam.channel_attention.fc.2.weight
 * %997 = reduce_sumSquares(%968) : f32[1,1,1,1]  cbam.spatial_attention.conv.weight
 * %998 = reshape(%997) : f32[]  cbam.spatial_attention.conv.weight
 * %999 = reduce_sumSquares(%970) : f32[1,1]  classifier.1.weight
 * %1000 = reshape(%999) : f32[]  classifier.1.weight
 * %1001 = reduce_sumSquares(%972) : f32[1]  classifier.1.bias
 * %1002 = reshape(%1001) : f32[]  classifier.1.bias
 * %1003 = reduce_sumSquares(%974) : f32[1]  classifier.2.weight
 * %1004 = reshape(%1003) : f32[]  classifier.2.weight
 * ... and 16 more nodes of the same kinds
 * out %1020 -> A + 0
 * in  %964 f32[80,1280,1,1] <- G + 52858356 (cbam.channel_attention.fc.0.weight)
 * in  %966 f32[1280,80,1,1] <- G + 52960756 (cbam.channel_attention.fc.2.weight)
 * in  %968 f32[1,2,7,7] <- G + 53063156 (cbam.spatial_attention.conv.weight)
 * in  %970 f32[512,1280] <- G + 53063254 (classifier.1.weight)
 * in  %972 f32[512] <- G + 53718614 (classifier.1.bias)
 * in  %974 f32[512] <- G + 53719126 (classifier.2.weight)
 * in  %976 f32[512] <- G + 53719638 (classifier.2.bias)
 * in  %980 f32[256,512] <- G + 53720150 (classifier.5.weight)
 * in  %982 f32[256] <- G + 53851222 (classifier.5.bias)
 * in  %984 f32[256] <- G + 53851478 (classifier.6.weight)
 * in  %986 f32[256] <- G + 53851734 (classifier.6.bias)
 * in  %990 f32[3,256] <- G + 53851990 (classifier.9.weight)
 * in  %992 f32[3] <- G + 53852758 (classifier.9.bias)
 * in  %0 f32[8] <- io[9] (optimizer.hyper)
 */
void k174_grad_norm(float *restrict coef, const float *restrict g, const float *restrict hyper) {
    /* global L2 norm of the summed gradients G[52858356, 53852761), then torch's clip_grad_norm_ */
    enum { CHUNKS = 64, LANES = 32 };
    double part[CHUNKS];
    const long n = 994405;
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
 * %2945 = adam_m(%2943, %964, %1020) : f32[80,1280,1,1]  cbam.channel_attention.fc.0.weight
 * %2946 = adam_v(%2944, %964, %1020) : f32[80,1280,1,1]  cbam.channel_attention.fc.0.weight
 * %2947 = adamw_update(%963, %2945, %2946, %0, %1) : f32[80,1280,1,1]  cbam.channel_attention.fc.0.weight
 * %2953 = adam_m(%2951, %966, %1020) : f32[1280,80,1,1]  cbam.channel_attention.fc.2.weight
 * %2954 = adam_v(%2952, %966, %1020) : f32[1280,80,1,1]  cbam.channel_attention.fc.2.weight
 * %2955 = adamw_update(%965, %2953, %2954, %0, %1) : f32[1280,80,1,1]  cbam.channel_attention.fc.2.weight
 * %2961 = adam_m(%2959, %968, %1020) : f32[1,2,7,7]  cbam.spatial_attention.conv.weight
 * %2962 = adam_v(%2960, %968, %1020) : f32[1,2,7,7]  cbam.spatial_attention.conv.weight
 * %2963 = adamw_update(%967, %2961, %2962, %0, %1) : f32[1,2,7,7]  cbam.spatial_attention.conv.weight
 * %2969 = adam_m(%2967, %970, %1020) : f32[512,1280]  classifier.1.weight
 * %2970 = adam_v(%2968, %970, %1020) : f32[512,1280]  classifier.1.weight
 * %2971 = adamw_update(%969, %2969, %2970, %0, %1) : f32[512,1280]  classifier.1.weight
 * ... and 27 more nodes of the same kinds
 * 52 values written, 55 read (flat over the state blocks)
 */
void k175_adamw(
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
}
