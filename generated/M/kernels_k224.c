/* Kernels k224 to k239 and their backward kernels. */
#include "kernels.h"

/*
 * %2787 = add_n(%2738, %2785) : f32[4,16,16,304]  features.6.16
 * %2835 = add_n(%2787, %2833) : f32[4,16,16,304]  features.6.15
 * %2883 = add_n(%2835, %2881) : f32[4,16,16,304]  features.6.14
 * %2931 = add_n(%2883, %2929) : f32[4,16,16,304]  features.6.13
 * %2979 = add_n(%2931, %2977) : f32[4,16,16,304]  features.6.12
 * %3027 = add_n(%2979, %3025) : f32[4,16,16,304]  features.6.11
 * %3075 = add_n(%3027, %3073) : f32[4,16,16,304]  features.6.10
 * %3123 = add_n(%3075, %3121) : f32[4,16,16,304]  features.6.9
 * %3124 = stochastic_depth_bwd(%3123, %1344) : f32[4,16,16,304]  features.6.9.stochastic_depth
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %3124 -> A + 161038336
 * in  %1344 i32[1] <- io[8] (seed)
 * in  %2738 f32[4,16,16,304] <- A + 158236672
 * in  %2785 f32[4,16,16,304] <- A + 158547968
 * in  %2833 f32[4,16,16,304] <- A + 158859264
 * in  %2881 f32[4,16,16,304] <- A + 159170560
 * in  %2929 f32[4,16,16,304] <- A + 159481856
 * in  %2977 f32[4,16,16,304] <- A + 159793152
 * in  %3025 f32[4,16,16,304] <- A + 160104448
 * in  %3073 f32[4,16,16,304] <- A + 160415744
 * in  %3121 f32[4,16,16,304] <- A + 160727040
 */
void k224_add_n_stochastic_depth_bwd(
    float *restrict dx /* [4,16,16,304] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,304] */,
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
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 304; c++) {
            const long i = r * 304 + c;
            const float t0 = x[r * 304 + c];
            const float t1 = x2[r * 304 + c];
            const float t2 = t0 + t1;
            const float t3 = x3[r * 304 + c];
            const float t4 = t2 + t3;
            const float t5 = x4[r * 304 + c];
            const float t6 = t4 + t5;
            const float t7 = x5[r * 304 + c];
            const float t8 = t6 + t7;
            const float t9 = x6[r * 304 + c];
            const float t10 = t8 + t9;
            const float t11 = x7[r * 304 + c];
            const float t12 = t10 + t11;
            const float t13 = x8[r * 304 + c];
            const float t14 = t12 + t13;
            const float t15 = x9[r * 304 + c];
            const float t16 = t14 + t15;
            const float t17 = t16 * q0[r / 256];
            dx[i] = t17;
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
 * %3123 = add_n(%3075, %3121) : f32[4,16,16,304]  features.6.9
 * %3171 = add_n(%3123, %3169) : f32[4,16,16,304]  features.6.8
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %3171 -> A + 12386304
 * in  %2738 f32[4,16,16,304] <- A + 158236672
 * in  %2785 f32[4,16,16,304] <- A + 158547968
 * in  %2833 f32[4,16,16,304] <- A + 158859264
 * in  %2881 f32[4,16,16,304] <- A + 159170560
 * in  %2929 f32[4,16,16,304] <- A + 159481856
 * in  %2977 f32[4,16,16,304] <- A + 159793152
 * in  %3025 f32[4,16,16,304] <- A + 160104448
 * in  %3073 f32[4,16,16,304] <- A + 160415744
 * in  %3121 f32[4,16,16,304] <- A + 160727040
 * in  %3169 f32[4,16,16,304] <- A + 161038336
 */
void k225_add_n(
    float *restrict y /* [4,16,16,304] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict x3 /* [4,16,16,304] */,
    const float *restrict x4 /* [4,16,16,304] */,
    const float *restrict x5 /* [4,16,16,304] */,
    const float *restrict x6 /* [4,16,16,304] */,
    const float *restrict x7 /* [4,16,16,304] */,
    const float *restrict x8 /* [4,16,16,304] */,
    const float *restrict x9 /* [4,16,16,304] */,
    const float *restrict x10 /* [4,16,16,304] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 304; c++) {
            const long i = r * 304 + c;
            const float t0 = x[r * 304 + c];
            const float t1 = x2[r * 304 + c];
            const float t2 = t0 + t1;
            const float t3 = x3[r * 304 + c];
            const float t4 = t2 + t3;
            const float t5 = x4[r * 304 + c];
            const float t6 = t4 + t5;
            const float t7 = x5[r * 304 + c];
            const float t8 = t6 + t7;
            const float t9 = x6[r * 304 + c];
            const float t10 = t8 + t9;
            const float t11 = x7[r * 304 + c];
            const float t12 = t10 + t11;
            const float t13 = x8[r * 304 + c];
            const float t14 = t12 + t13;
            const float t15 = x9[r * 304 + c];
            const float t16 = t14 + t15;
            const float t17 = x10[r * 304 + c];
            const float t18 = t16 + t17;
            y[i] = t18;
        }
    }
}

/*
 * %1272 = bn_train(%1264, %1269, %1265, %1266) : f32[4,16,16,1056]  features.6.0.block.1.1
 * %1273 = silu(%1272) : f32[4,16,16,1056]  features.6.0.block.1.2
 * %3565 = mul(%3562, %1273) : f32[4,16,16,1056]  features.6.0.block.2
 * %3566 = reduce_sum(%3565) : f32[4,1,1,1056]  features.6.0.block.2
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %3566 -> A + 168747008
 * in  %1264 f32[4,16,16,1056] <- A + 153550848
 * in  %1265 f32[1056] <- M + 10073296 (features.6.0.block.1.1.weight)
 * in  %1266 f32[1056] <- M + 10074352 (features.6.0.block.1.1.bias)
 * in  %1269 f32[2,1056] <- A + 169483712
 * in  %3562 f32[4,16,16,1056] <- A + 8650752
 */
void k226_bn_train_silu_mul_reduce_sum(
    float *restrict y /* [4,1,1,1056] */,
    const float *restrict x /* [4,16,16,1056] */,
    const float *restrict gamma /* [1056] */,
    const float *restrict beta /* [1056] */,
    const float *restrict stats /* [2,1056] */,
    const float *restrict a /* [4,16,16,1056] */) {
    /* sum over axes [1, 2] of [4, 16, 16, 1056]: (4, 256, 1056) -> (4, 1056) */
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
                const float t0 = a[r * 1056 + c];
                const float t1 = x[r * 1056 + c];
                const float t2 = (t1 - stats[c]) * q0[c] + beta[c];
                const float t3 = t2 * ba_sigmoid(t2);
                const float t4 = t0 * t3;
                acc[q] += t4;
            }
        }
        for (long q = 0; q < 1056; q++) y[o * 1056 + q] = (float)(acc[q]);
    }
}

/*
 * %1272 = bn_train(%1264, %1269, %1265, %1266) : f32[4,16,16,1056]  features.6.0.block.1.1
 * %3564 = mul(%3562, %1286) : f32[4,16,16,1056]  features.6.0.block.2
 * %3581 = expand(%3580) : f32[4,16,16,1056]  features.6.0.block.2.avgpool
 * %3582 = scale(%3581) : f32[4,16,16,1056]  features.6.0.block.2.avgpool
 * %3583 = add_n(%3564, %3582) : f32[4,16,16,1056]  features.6.0.block.1.2
 * %3584 = silu_bwd(%3583, %1272) : f32[4,16,16,1056]  features.6.0.block.1.2
 * %3585 = bn_bwd_reduce(%3584, %1264, %1269) : f32[2,1056]  features.6.0.block.1.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %3585 -> A + 169350272
 * in  %1264 f32[4,16,16,1056] <- A + 153550848
 * in  %1265 f32[1056] <- M + 10073296 (features.6.0.block.1.1.weight)
 * in  %1266 f32[1056] <- M + 10074352 (features.6.0.block.1.1.bias)
 * in  %1269 f32[2,1056] <- A + 169483712
 * in  %1286 f32[4,1,1,1056] <- A + 169346048
 * in  %3562 f32[4,16,16,1056] <- A + 8650752
 * in  %3580 f32[4,1,1,1056] <- A + 169341824
 */
void k227_bn_train_mul_expand_scale_bn_bwd_reduce(
    float *restrict dstats /* [2,1056] */,
    const float *restrict x /* [4,16,16,1056] */,
    const float *restrict gamma /* [1056] */,
    const float *restrict beta /* [1056] */,
    const float *restrict stats /* [2,1056] */,
    const float *restrict scale /* [4,1,1,1056] */,
    const float *restrict x2 /* [4,16,16,1056] */,
    const float *restrict x3 /* [4,1,1,1056] */) {
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
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 1056 + c];
                const float t1 = scale[(r / 256) * 1056 + c];
                const float t2 = t0 * t1;
                const float t3 = x3[(r / 256) * 1056 + c];
                const float t4 = t3;
                const float t5 = 0.00390625f * t4;
                const float t6 = t2 + t5;
                const float t7 = x[r * 1056 + c];
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
 * %1272 = bn_train(%1264, %1269, %1265, %1266) : f32[4,16,16,1056]  features.6.0.block.1.1
 * %3564 = mul(%3562, %1286) : f32[4,16,16,1056]  features.6.0.block.2
 * %3581 = expand(%3580) : f32[4,16,16,1056]  features.6.0.block.2.avgpool
 * %3582 = scale(%3581) : f32[4,16,16,1056]  features.6.0.block.2.avgpool
 * %3583 = add_n(%3564, %3582) : f32[4,16,16,1056]  features.6.0.block.1.2
 * %3584 = silu_bwd(%3583, %1272) : f32[4,16,16,1056]  features.6.0.block.1.2
 * %3586 = bn_bwd_input(%3584, %1264, %1269, %1265, %3585) : f32[4,16,16,1056]  features.6.0.block.1.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %3586 -> A + 12976128
 * in  %1264 f32[4,16,16,1056] <- A + 153550848
 * in  %1265 f32[1056] <- M + 10073296 (features.6.0.block.1.1.weight)
 * in  %1266 f32[1056] <- M + 10074352 (features.6.0.block.1.1.bias)
 * in  %1269 f32[2,1056] <- A + 169483712
 * in  %1286 f32[4,1,1,1056] <- A + 169346048
 * in  %3562 f32[4,16,16,1056] <- A + 8650752
 * in  %3580 f32[4,1,1,1056] <- A + 169341824
 * in  %3585 f32[2,1056] <- A + 169350272
 */
void k228_bn_train_mul_expand_scale(
    float *restrict dx /* [4,16,16,1056] */,
    const float *restrict x /* [4,16,16,1056] */,
    const float *restrict gamma /* [1056] */,
    const float *restrict beta /* [1056] */,
    const float *restrict stats /* [2,1056] */,
    const float *restrict scale /* [4,1,1,1056] */,
    const float *restrict x2 /* [4,16,16,1056] */,
    const float *restrict x3 /* [4,1,1,1056] */,
    const float *restrict dstats /* [2,1056] */) {
    float q0[1056];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 1056; c++) {
        q0[c] = gamma[c] / sqrtf(stats[1056 + c] + 0.001f);
    }
    float q1[1056], q2[1056], q3[1056];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 1056; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[1056 + c] + 0.001f));
        q2[c] = dstats[c] / 1024.0f;
        q3[c] = dstats[1056 + c] / 1024.0f * (1.0f / sqrtf(stats[1056 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 1056; c++) {
            const long i = r * 1056 + c;
            const float t0 = x2[r * 1056 + c];
            const float t1 = scale[(r / 256) * 1056 + c];
            const float t2 = t0 * t1;
            const float t3 = x3[(r / 256) * 1056 + c];
            const float t4 = t3;
            const float t5 = 0.00390625f * t4;
            const float t6 = t2 + t5;
            const float t7 = x[r * 1056 + c];
            const float t8 = (t7 - stats[c]) * q0[c] + beta[c];
            const float t9s = ba_sigmoid(t8);
            const float t9 = t6 * (t9s * (1.0f + t8 * (1.0f - t9s)));
            const float t10 = q1[c] * (t9 - q2[c] - (t7 - stats[c]) * q3[c]);
            dx[i] = t10;
        }
    }
}

/*
 * %3587 = slice(%3585) : f32[1,1056]  features.6.0.block.1.1
 * %3588 = reshape(%3587) : f32[1056]  features.6.0.block.1.1
 * %3610 = add(%3609, %3588) : f32[1056]  features.6.0.block.1.1.weight
 * 58 call sites share this function; the nodes and locations above are the first one's.
 * out %3610 -> G + 10073296
 * in  %3585 f32[2,1056] <- A + 169350272
 * in  %3609 f32[1056] <- G + 10073296 (features.6.0.block.1.1.weight)
 */
void k229_slice_acc(float *restrict grad /* [1056] */, const float *restrict x /* [2,1056] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 1056; j++) grad[o * 1056 + j] += x[o * 2112 + 1056 + j];
}

/*
 * %3589 = slice(%3585) : f32[1,1056]  features.6.0.block.1.1
 * %3590 = reshape(%3589) : f32[1056]  features.6.0.block.1.1
 * %3612 = add(%3611, %3590) : f32[1056]  features.6.0.block.1.1.bias
 * 58 call sites share this function; the nodes and locations above are the first one's.
 * out %3612 -> G + 10074352
 * in  %3585 f32[2,1056] <- A + 169350272
 * in  %3611 f32[1056] <- G + 10074352 (features.6.0.block.1.1.bias)
 */
void k230_slice_acc(float *restrict grad /* [1056] */, const float *restrict x /* [2,1056] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 1056; j++) grad[o * 1056 + j] += x[o * 2112 + 0 + j];
}

/*
 * %1295 = reduce_sumSquares(%522) : f32[1,1,1,1]  features.6.0.block.0.0.weight
 * %1296 = reshape(%1295) : f32[]  features.6.0.block.0.0.weight
 * %1297 = reduce_sumSquares(%524) : f32[1]  features.6.0.block.0.1.weight
 * %1298 = reshape(%1297) : f32[]  features.6.0.block.0.1.weight
 * %1299 = reduce_sumSquares(%526) : f32[1]  features.6.0.block.0.1.bias
 * %1300 = reshape(%1299) : f32[]  features.6.0.block.0.1.bias
 * %1301 = reduce_sumSquares(%530) : f32[1,1,1,1]  features.6.0.block.1.0.weight
 * %1302 = reshape(%1301) : f32[]  features.6.0.block.1.0.weight
 * %1303 = reduce_sumSquares(%532) : f32[1]  features.6.0.block.1.1.weight
 * %1304 = reshape(%1303) : f32[]  features.6.0.block.1.1.weight
 * %1305 = reduce_sumSquares(%534) : f32[1]  features.6.0.block.1.1.bias
 * %1306 = reshape(%1305) : f32[]  features.6.0.block.1.1.bias
 * ... and 620 more nodes of the same kinds
 * 1 values written, 316 read (flat over the state blocks)
 */
void k231_grad_norm(float *restrict coef, const float *restrict g, const float *restrict hyper) {
    /* global L2 norm of the summed gradients G[9875824, 53852761), then torch's clip_grad_norm_ */
    enum { CHUNKS = 64, LANES = 32 };
    double part[CHUNKS];
    const long n = 43976937;
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
 * %2967 = adam_m(%2965, %522, %1926) : f32[1056,176,1,1]  features.6.0.block.0.0.weight
 * %2968 = adam_v(%2966, %522, %1926) : f32[1056,176,1,1]  features.6.0.block.0.0.weight
 * %2969 = adamw_update(%521, %2967, %2968, %0, %1) : f32[1056,176,1,1]  features.6.0.block.0.0.weight
 * %2975 = adam_m(%2973, %524, %1926) : f32[1056]  features.6.0.block.0.1.weight
 * %2976 = adam_v(%2974, %524, %1926) : f32[1056]  features.6.0.block.0.1.weight
 * %2977 = adamw_update(%523, %2975, %2976, %0, %1) : f32[1056]  features.6.0.block.0.1.weight
 * %2983 = adam_m(%2981, %526, %1926) : f32[1056]  features.6.0.block.0.1.bias
 * %2984 = adam_v(%2982, %526, %1926) : f32[1056]  features.6.0.block.0.1.bias
 * %2985 = adamw_update(%525, %2983, %2984, %0, %1) : f32[1056]  features.6.0.block.0.1.bias
 * %2995 = adam_m(%2993, %530, %1926) : f32[1056,1,3,3]  features.6.0.block.1.0.weight
 * %2996 = adam_v(%2994, %530, %1926) : f32[1056,1,3,3]  features.6.0.block.1.0.weight
 * %2997 = adamw_update(%529, %2995, %2996, %0, %1) : f32[1056,1,3,3]  features.6.0.block.1.0.weight
 * ... and 933 more nodes of the same kinds
 * 1260 values written, 1263 read (flat over the state blocks)
 */
void k232_adamw(
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
}

/*
 * %273 = bn_stats(%268) : f32[2,320]  features.4.0.block.0.1
 * %274 = running_mean_update(%271, %273) : f32[320]  features.4.0.block.0.1
 * %275 = running_var_update(%272, %273) : f32[320]  features.4.0.block.0.1
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %273 -> A + 427253952
 * out %274 -> M + 53858905
 * out %275 -> M + 53859225
 * in  %268 f32[4,64,64,320] <- A + 0
 * in  %271 f32[320] <- M + 53858905 (features.4.0.block.0.1.running_mean)
 * in  %272 f32[320] <- M + 53859225 (features.4.0.block.0.1.running_var)
 */
void k233_bn_stats_running(
    float *restrict stats /* [2,320] */,
    float *restrict running_mean /* [320] */,
    float *restrict running_var /* [320] */,
    const float *restrict x /* [4,64,64,320] */) {
    enum { C = 320, CHUNKS = 64 };
    double *part = malloc(sizeof(double) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }
        for (long r = 16384L * ch / CHUNKS; r < 16384L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x[r * 320 + c];
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
 * %276 = bn_train(%268, %273, %269, %270) : f32[4,64,64,320]  features.4.0.block.0.1
 * %277 = silu(%276) : f32[4,64,64,320]  features.4.0.block.0.2
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %277 -> A + 5242880
 * in  %268 f32[4,64,64,320] <- A + 0
 * in  %269 f32[320] <- M + 1564232 (features.4.0.block.0.1.weight)
 * in  %270 f32[320] <- M + 1564552 (features.4.0.block.0.1.bias)
 * in  %273 f32[2,320] <- A + 427253952
 */
void k234_bn_train_silu(
    float *restrict y /* [4,64,64,320] */,
    const float *restrict x /* [4,64,64,320] */,
    const float *restrict gamma /* [320] */,
    const float *restrict beta /* [320] */,
    const float *restrict stats /* [2,320] */) {
    float q0[320];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 320; c++) {
        q0[c] = gamma[c] / sqrtf(stats[320 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 16384; r++) {
        #pragma omp simd
        for (long c = 0; c < 320; c++) {
            const long i = r * 320 + c;
            const float t0 = x[r * 320 + c];
            const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
            const float t2 = t1 * ba_sigmoid(t1);
            y[i] = t2;
        }
    }
}

/*
 * %279 = conv2d(%277, %278) : f32[4,32,32,320]  features.4.0.block.1.0
 * %284 = bn_stats(%279) : f32[2,320]  features.4.0.block.1.1
 * %285 = running_mean_update(%282, %284) : f32[320]  features.4.0.block.1.1
 * %286 = running_var_update(%283, %284) : f32[320]  features.4.0.block.1.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %279 -> A + 395509760
 * out %284 -> A + 427254592
 * out %285 -> M + 53859545
 * out %286 -> M + 53859865
 * in  %277 f32[4,64,64,320] <- A + 5242880
 * in  %278 f32[320,1,3,3] <- M + 1564872 (features.4.0.block.1.0.weight)
 * in  %282 f32[320] <- M + 53859545 (features.4.0.block.1.1.running_mean)
 * in  %283 f32[320] <- M + 53859865 (features.4.0.block.1.1.running_var)
 */
void k235_dwconv3x3s2_bn_stats_running(
    float *restrict y /* [4,32,32,320] */,
    float *restrict stats /* [2,320] */,
    float *restrict running_mean /* [320] */,
    float *restrict running_var /* [320] */,
    const float *restrict x /* [4,64,64,320] */,
    const float *restrict w /* [320,1,3,3] */) {
    /* x (4,64,64,320) w (320,1,3,3) y (4,32,32,320) stride 2 pad 1 groups 320 */
    double *part = malloc(sizeof(double) * 81920);  /* (N·Ho, 2, C): per-row Σy, Σy² */
    if (!part) abort();
    /* Depthwise: y[n, oh, ow, c] = Σ_{r, s} x[n, ih, iw, c] · wt[r, s, c], channels innermost (vectorised),
     * one output row per work item. */
    float *restrict wt = malloc(sizeof(float) * 2880);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 320; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 320 + c] = w[(c * 3 + r) * 3 + s];
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long oh = 0; oh < 32; oh++) {
            for (long ow = 0; ow < 32; ow++) {
                float *restrict yp = y + ((n * 32 + oh) * 32 + ow) * 320;
                if (oh * 2 - 1 >= 0 && oh * 2 + 1 < 64 && ow * 2 - 1 >= 0 && ow * 2 + 1 < 64) {
                    /* every tap inside x: one sum per channel, the taps in the order of the loops below */
                    const float *restrict x0 = x + ((n * 64 + oh * 2 - 1) * 64 + ow * 2 - 1) * 320;
                    for (long c = 0; c < 320; c++)
                        yp[c] = x0[c] * wt[c] + x0[320 + c] * wt[320 + c] + x0[640 + c] * wt[640 + c]
                            + x0[20480 + c] * wt[960 + c] + x0[20800 + c] * wt[1280 + c] + x0[21120 + c] * wt[1600 + c]
                            + x0[40960 + c] * wt[1920 + c] + x0[41280 + c] * wt[2240 + c] + x0[41600 + c] * wt[2560 + c];
                    continue;
                }
                for (long c = 0; c < 320; c++) yp[c] = 0.0f;
                for (long r = 0; r < 3; r++) {
                    const long ih = oh * 2 - 1 + r;
                    if (ih < 0 || ih >= 64) continue;
                    for (long s = 0; s < 3; s++) {
                        const long iw = ow * 2 - 1 + s;
                        if (iw < 0 || iw >= 64) continue;
                        const float *restrict xp = x + ((n * 64 + ih) * 64 + iw) * 320, *restrict wr = wt + (r * 3 + s) * 320;
                        for (long c = 0; c < 320; c++) yp[c] += xp[c] * wr[c];
                    }
                }
            }
            double *restrict ps = part + (n * 32 + oh) * 640;
            for (long c = 0; c < 320; c++) { ps[c] = 0.0; ps[320 + c] = 0.0; }
            for (long ow = 0; ow < 32; ow++) {
                const float *restrict yp = y + ((n * 32 + oh) * 32 + ow) * 320;
                for (long c = 0; c < 320; c++) { const double v = yp[c]; ps[c] += v; ps[320 + c] += v * v; }
            }
        }
    }
    free(wt);
    /* Σ of the rows in row order, per channel: blocks of 256 channels over the threads */
    #pragma omp parallel for schedule(static)
    for (long c0 = 0; c0 < 320; c0 += 256) {
        const long c1 = c0 + 256 < 320 ? c0 + 256 : 320;
        double s0[256], s1[256];
        for (long c = c0; c < c1; c++) { s0[c - c0] = 0.0; s1[c - c0] = 0.0; }
        for (long row = 0; row < 128; row++) {
            const double *restrict ps = part + row * 640;
            for (long c = c0; c < c1; c++) { s0[c - c0] += ps[c]; s1[c - c0] += ps[320 + c]; }
        }
        for (long c = c0; c < c1; c++) {
            const double mean = s0[c - c0] / 4096.0, var = fmax(s1[c - c0] / 4096.0 - mean * mean, 0.0);
            stats[c] = (float)mean;
            stats[320 + c] = (float)var;
            running_mean[c] = (float)(0.9f * (double)running_mean[c] + 0.1f * mean);  /* running mean */
            running_var[c] = (float)(0.9f * (double)running_var[c] + 0.1f * var * 1.0002442002442002);  /* running var (unbiased) */
        }
    }
    free(part);
}

/*
 * %287 = bn_train(%279, %284, %280, %281) : f32[4,32,32,320]  features.4.0.block.1.1
 * %288 = silu(%287) : f32[4,32,32,320]  features.4.0.block.1.2
 * %289 = reduce_mean(%288) : f32[4,1,1,320]  features.4.0.block.2.avgpool
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %289 -> A + 427229632
 * in  %279 f32[4,32,32,320] <- A + 395509760
 * in  %280 f32[320] <- M + 1567752 (features.4.0.block.1.1.weight)
 * in  %281 f32[320] <- M + 1568072 (features.4.0.block.1.1.bias)
 * in  %284 f32[2,320] <- A + 427254592
 */
void k236_bn_train_silu_reduce_mean(
    float *restrict y /* [4,1,1,320] */,
    const float *restrict x /* [4,32,32,320] */,
    const float *restrict gamma /* [320] */,
    const float *restrict beta /* [320] */,
    const float *restrict stats /* [2,320] */) {
    /* mean over axes [1, 2] of [4, 32, 32, 320]: (4, 1024, 320) -> (4, 320) */
    float q0[320];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 320; c++) {
        q0[c] = gamma[c] / sqrtf(stats[320 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[320];
        for (long q = 0; q < 320; q++) acc[q] = 0.0;
        for (long j = 0; j < 1024; j++) {
            for (long q = 0; q < 320; q++) {
                const long r = o * 1024 + j;
                const long c = q;
                const float t0 = x[r * 320 + c];
                const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                const float t2 = t1 * ba_sigmoid(t1);
                acc[q] += t2;
            }
        }
        for (long q = 0; q < 320; q++) y[o * 320 + q] = (float)(acc[q] / 1024.0);
    }
}

/*
 * %287 = bn_train(%279, %284, %280, %281) : f32[4,32,32,320]  features.4.0.block.1.1
 * %288 = silu(%287) : f32[4,32,32,320]  features.4.0.block.1.2
 * %302 = mul(%288, %301) : f32[4,32,32,320]  features.4.0.block.2
 * %304 = conv2d(%302, %303) : f32[4,32,32,160]  features.4.0.block.3.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %304 -> A + 410877952
 * in  %279 f32[4,32,32,320] <- A + 395509760
 * in  %280 f32[320] <- M + 1567752 (features.4.0.block.1.1.weight)
 * in  %281 f32[320] <- M + 1568072 (features.4.0.block.1.1.bias)
 * in  %284 f32[2,320] <- A + 427254592
 * in  %301 f32[4,1,1,320] <- A + 427232192
 * in  %303 f32[160,320,1,1] <- M + 1581532 (features.4.0.block.3.0.weight)
 */
void k237_bn_train_silu_mul_conv1x1(
    float *restrict y /* [4,32,32,160] */,
    const float *restrict x /* [4,32,32,320] */,
    const float *restrict gamma /* [320] */,
    const float *restrict beta /* [320] */,
    const float *restrict stats /* [2,320] */,
    const float *restrict scale /* [4,1,1,320] */,
    const float *restrict w /* [160,320,1,1] */) {
    /* y (4096, 160) = f(x) (4096, 320) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float q0[320];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 320; c++) {
        q0[c] = gamma[c] / sqrtf(stats[320 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 160, 320, w, 320);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 81920);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 16; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 4096 ? 256 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 320; c++) {
                    const float t0 = x[r * 320 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    const float t3 = scale[(r / 1024) * 320 + c];
                    const float t4 = t2 * t3;
                    tile[(r - m0) * 320 + c] = t4;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 160, 320, 1.0f, tile, 320, w_f32, 0.0f, y + m0 * 160, 160);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %309 = bn_stats(%304) : f32[2,160]  features.4.0.block.3.1
 * %310 = running_mean_update(%307, %309) : f32[160]  features.4.0.block.3.1
 * %311 = running_var_update(%308, %309) : f32[160]  features.4.0.block.3.1
 * 14 call sites share this function; the nodes and locations above are the first one's.
 * out %309 -> A + 427275200
 * out %310 -> M + 53860185
 * out %311 -> M + 53860345
 * in  %304 f32[4,32,32,160] <- A + 410877952
 * in  %307 f32[160] <- M + 53860185 (features.4.0.block.3.1.running_mean)
 * in  %308 f32[160] <- M + 53860345 (features.4.0.block.3.1.running_var)
 */
void k238_bn_stats_running(
    float *restrict stats /* [2,160] */,
    float *restrict running_mean /* [160] */,
    float *restrict running_var /* [160] */,
    const float *restrict x /* [4,32,32,160] */) {
    enum { C = 160, CHUNKS = 64 };
    double *part = malloc(sizeof(double) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x[r * 160 + c];
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
 * %312 = bn_train(%304, %309, %305, %306) : f32[4,32,32,160]  features.4.0.block.3.1
 * %314 = conv2d(%312, %313) : f32[4,32,32,640]  features.4.1.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %314 -> A + 244842496
 * in  %304 f32[4,32,32,160] <- A + 410877952
 * in  %305 f32[160] <- M + 1632732 (features.4.0.block.3.1.weight)
 * in  %306 f32[160] <- M + 1632892 (features.4.0.block.3.1.bias)
 * in  %309 f32[2,160] <- A + 427275200
 * in  %313 f32[640,160,1,1] <- M + 1633052 (features.4.1.block.0.0.weight)
 */
void k239_bn_train_conv1x1(
    float *restrict y /* [4,32,32,640] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict beta /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict w /* [640,160,1,1] */) {
    /* y (4096, 640) = f(x) (4096, 160) · wᵀ: tiles of 342 rows of f(x) computed into scratch, one sgemm each */
    float q0[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q0[c] = gamma[c] / sqrtf(stats[160 + c] + 0.001f);
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
                    const float t0 = x[r * 160 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    tile[(r - m0) * 160 + c] = t1;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 640, 160, 1.0f, tile, 160, w_f32, 0.0f, y + m0 * 640, 640);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %4291 = stochastic_depth_bwd(%4289, %359) : f32[4,32,32,160]  features.4.6.stochastic_depth
 * %4292 = bn_bwd_reduce(%4291, %591, %596) : f32[2,160]  features.4.6.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4292 -> A + 427248832
 * in  %359 i32[1] <- io[8] (seed)
 * in  %591 f32[4,32,32,160] <- A + 415465472
 * in  %596 f32[2,160] <- A + 427277120
 * in  %4289 f32[4,32,32,160] <- A + 396820480
 */
void k238b_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict dy /* [4,32,32,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q1[c] = 1.0f / sqrtf(stats[160 + c] + 0.001f);
    }
    enum { C = 160, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = dy[r * 160 + c];
                const float t1 = t0 * q0[r / 1024];
                const float t2 = x[r * 160 + c];
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
 * %4291 = stochastic_depth_bwd(%4289, %359) : f32[4,32,32,160]  features.4.6.stochastic_depth
 * %4293 = bn_bwd_input(%4291, %591, %596, %592, %4292) : f32[4,32,32,160]  features.4.6.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4293 -> A + 397475840
 * in  %359 i32[1] <- io[8] (seed)
 * in  %591 f32[4,32,32,160] <- A + 415465472
 * in  %592 f32[160] <- M + 3224652 (features.4.6.block.3.1.weight)
 * in  %596 f32[2,160] <- A + 427277120
 * in  %4289 f32[4,32,32,160] <- A + 396820480
 * in  %4292 f32[2,160] <- A + 427248832
 */
void k238b_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict dy /* [4,32,32,160] */,
    const float *restrict dstats /* [2,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160], q2[160], q3[160];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 160; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[160 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[160 + c] / 4096.0f * (1.0f / sqrtf(stats[160 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 160; c++) {
            const long i = r * 160 + c;
            const float t0 = dy[r * 160 + c];
            const float t1 = t0 * q0[r / 1024];
            const float t2 = x[r * 160 + c];
            const float t3 = q1[c] * (t1 - q2[c] - (t2 - stats[c]) * q3[c]);
            dx[i] = t3;
        }
    }
}

/*
 * %4294 = slice(%4292) : f32[1,160]  features.4.6.block.3.1
 * %4295 = reshape(%4294) : f32[160]  features.4.6.block.3.1
 * %4803 = add(%4802, %4295) : f32[160]  features.4.6.block.3.1.weight
 * 14 call sites share this function; the nodes and locations above are the first one's.
 * out %4803 -> G + 3224652
 * in  %4292 f32[2,160] <- A + 427248832
 * in  %4802 f32[160] <- G + 3224652 (features.4.6.block.3.1.weight)
 */
void k238b_slice_acc(float *restrict grad /* [160] */, const float *restrict x /* [2,160] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 160; j++) grad[o * 160 + j] += x[o * 320 + 160 + j];
}

/*
 * %4296 = slice(%4292) : f32[1,160]  features.4.6.block.3.1
 * %4297 = reshape(%4296) : f32[160]  features.4.6.block.3.1
 * %4805 = add(%4804, %4297) : f32[160]  features.4.6.block.3.1.bias
 * 14 call sites share this function; the nodes and locations above are the first one's.
 * out %4805 -> G + 3224812
 * in  %4292 f32[2,160] <- A + 427248832
 * in  %4804 f32[160] <- G + 3224812 (features.4.6.block.3.1.bias)
 */
void k238b2_slice_acc(float *restrict grad /* [160] */, const float *restrict x /* [2,160] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 160; j++) grad[o * 160 + j] += x[o * 320 + 0 + j];
}

/*
 * %4338 = add_n(%4289, %4336) : f32[4,32,32,160]  features.4.5
 * %4339 = stochastic_depth_bwd(%4338, %359) : f32[4,32,32,160]  features.4.5.stochastic_depth
 * %4340 = bn_bwd_reduce(%4339, %543, %548) : f32[2,160]  features.4.5.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4340 -> A + 427246272
 * in  %359 i32[1] <- io[8] (seed)
 * in  %543 f32[4,32,32,160] <- A + 414810112
 * in  %548 f32[2,160] <- A + 427276800
 * in  %4289 f32[4,32,32,160] <- A + 396820480
 * in  %4336 f32[4,32,32,160] <- A + 397475840
 */
void k238b_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q1[c] = 1.0f / sqrtf(stats[160 + c] + 0.001f);
    }
    enum { C = 160, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 160 + c];
                const float t1 = x3[r * 160 + c];
                const float t2 = t0 + t1;
                const float t3 = t2 * q0[r / 1024];
                const float t4 = x[r * 160 + c];
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
 * %4338 = add_n(%4289, %4336) : f32[4,32,32,160]  features.4.5
 * %4339 = stochastic_depth_bwd(%4338, %359) : f32[4,32,32,160]  features.4.5.stochastic_depth
 * %4341 = bn_bwd_input(%4339, %543, %548, %544, %4340) : f32[4,32,32,160]  features.4.5.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4341 -> A + 398131200
 * in  %359 i32[1] <- io[8] (seed)
 * in  %543 f32[4,32,32,160] <- A + 414810112
 * in  %544 f32[160] <- M + 2959332 (features.4.5.block.3.1.weight)
 * in  %548 f32[2,160] <- A + 427276800
 * in  %4289 f32[4,32,32,160] <- A + 396820480
 * in  %4336 f32[4,32,32,160] <- A + 397475840
 * in  %4340 f32[2,160] <- A + 427246272
 */
void k238b_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict dstats /* [2,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160], q2[160], q3[160];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 160; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[160 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[160 + c] / 4096.0f * (1.0f / sqrtf(stats[160 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 160; c++) {
            const long i = r * 160 + c;
            const float t0 = x2[r * 160 + c];
            const float t1 = x3[r * 160 + c];
            const float t2 = t0 + t1;
            const float t3 = t2 * q0[r / 1024];
            const float t4 = x[r * 160 + c];
            const float t5 = q1[c] * (t3 - q2[c] - (t4 - stats[c]) * q3[c]);
            dx[i] = t5;
        }
    }
}

/*
 * %4338 = add_n(%4289, %4336) : f32[4,32,32,160]  features.4.5
 * %4386 = add_n(%4338, %4384) : f32[4,32,32,160]  features.4.4
 * %4387 = stochastic_depth_bwd(%4386, %359) : f32[4,32,32,160]  features.4.4.stochastic_depth
 * %4388 = bn_bwd_reduce(%4387, %495, %500) : f32[2,160]  features.4.4.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4388 -> A + 427243712
 * in  %359 i32[1] <- io[8] (seed)
 * in  %495 f32[4,32,32,160] <- A + 414154752
 * in  %500 f32[2,160] <- A + 427276480
 * in  %4289 f32[4,32,32,160] <- A + 396820480
 * in  %4336 f32[4,32,32,160] <- A + 397475840
 * in  %4384 f32[4,32,32,160] <- A + 398131200
 */
void k238b2_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q1[c] = 1.0f / sqrtf(stats[160 + c] + 0.001f);
    }
    enum { C = 160, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 160 + c];
                const float t1 = x3[r * 160 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 160 + c];
                const float t4 = t2 + t3;
                const float t5 = t4 * q0[r / 1024];
                const float t6 = x[r * 160 + c];
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
 * %4338 = add_n(%4289, %4336) : f32[4,32,32,160]  features.4.5
 * %4386 = add_n(%4338, %4384) : f32[4,32,32,160]  features.4.4
 * %4387 = stochastic_depth_bwd(%4386, %359) : f32[4,32,32,160]  features.4.4.stochastic_depth
 * %4389 = bn_bwd_input(%4387, %495, %500, %496, %4388) : f32[4,32,32,160]  features.4.4.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4389 -> A + 398786560
 * in  %359 i32[1] <- io[8] (seed)
 * in  %495 f32[4,32,32,160] <- A + 414154752
 * in  %496 f32[160] <- M + 2694012 (features.4.4.block.3.1.weight)
 * in  %500 f32[2,160] <- A + 427276480
 * in  %4289 f32[4,32,32,160] <- A + 396820480
 * in  %4336 f32[4,32,32,160] <- A + 397475840
 * in  %4384 f32[4,32,32,160] <- A + 398131200
 * in  %4388 f32[2,160] <- A + 427243712
 */
void k238b2_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict dstats /* [2,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160], q2[160], q3[160];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 160; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[160 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[160 + c] / 4096.0f * (1.0f / sqrtf(stats[160 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 160; c++) {
            const long i = r * 160 + c;
            const float t0 = x2[r * 160 + c];
            const float t1 = x3[r * 160 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 160 + c];
            const float t4 = t2 + t3;
            const float t5 = t4 * q0[r / 1024];
            const float t6 = x[r * 160 + c];
            const float t7 = q1[c] * (t5 - q2[c] - (t6 - stats[c]) * q3[c]);
            dx[i] = t7;
        }
    }
}

/*
 * %4338 = add_n(%4289, %4336) : f32[4,32,32,160]  features.4.5
 * %4386 = add_n(%4338, %4384) : f32[4,32,32,160]  features.4.4
 * %4434 = add_n(%4386, %4432) : f32[4,32,32,160]  features.4.3
 * %4435 = stochastic_depth_bwd(%4434, %359) : f32[4,32,32,160]  features.4.3.stochastic_depth
 * %4436 = bn_bwd_reduce(%4435, %447, %452) : f32[2,160]  features.4.3.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4436 -> A + 427241152
 * in  %359 i32[1] <- io[8] (seed)
 * in  %447 f32[4,32,32,160] <- A + 412844032
 * in  %452 f32[2,160] <- A + 427276160
 * in  %4289 f32[4,32,32,160] <- A + 396820480
 * in  %4336 f32[4,32,32,160] <- A + 397475840
 * in  %4384 f32[4,32,32,160] <- A + 398131200
 * in  %4432 f32[4,32,32,160] <- A + 398786560
 */
void k238b3_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict x5 /* [4,32,32,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q1[c] = 1.0f / sqrtf(stats[160 + c] + 0.001f);
    }
    enum { C = 160, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 160 + c];
                const float t1 = x3[r * 160 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 160 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 160 + c];
                const float t6 = t4 + t5;
                const float t7 = t6 * q0[r / 1024];
                const float t8 = x[r * 160 + c];
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
 * %4338 = add_n(%4289, %4336) : f32[4,32,32,160]  features.4.5
 * %4386 = add_n(%4338, %4384) : f32[4,32,32,160]  features.4.4
 * %4434 = add_n(%4386, %4432) : f32[4,32,32,160]  features.4.3
 * %4435 = stochastic_depth_bwd(%4434, %359) : f32[4,32,32,160]  features.4.3.stochastic_depth
 * %4437 = bn_bwd_input(%4435, %447, %452, %448, %4436) : f32[4,32,32,160]  features.4.3.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4437 -> A + 399441920
 * in  %359 i32[1] <- io[8] (seed)
 * in  %447 f32[4,32,32,160] <- A + 412844032
 * in  %448 f32[160] <- M + 2428692 (features.4.3.block.3.1.weight)
 * in  %452 f32[2,160] <- A + 427276160
 * in  %4289 f32[4,32,32,160] <- A + 396820480
 * in  %4336 f32[4,32,32,160] <- A + 397475840
 * in  %4384 f32[4,32,32,160] <- A + 398131200
 * in  %4432 f32[4,32,32,160] <- A + 398786560
 * in  %4436 f32[2,160] <- A + 427241152
 */
void k238b3_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict x5 /* [4,32,32,160] */,
    const float *restrict dstats /* [2,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160], q2[160], q3[160];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 160; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[160 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[160 + c] / 4096.0f * (1.0f / sqrtf(stats[160 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 160; c++) {
            const long i = r * 160 + c;
            const float t0 = x2[r * 160 + c];
            const float t1 = x3[r * 160 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 160 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 160 + c];
            const float t6 = t4 + t5;
            const float t7 = t6 * q0[r / 1024];
            const float t8 = x[r * 160 + c];
            const float t9 = q1[c] * (t7 - q2[c] - (t8 - stats[c]) * q3[c]);
            dx[i] = t9;
        }
    }
}

/*
 * %4338 = add_n(%4289, %4336) : f32[4,32,32,160]  features.4.5
 * %4386 = add_n(%4338, %4384) : f32[4,32,32,160]  features.4.4
 * %4434 = add_n(%4386, %4432) : f32[4,32,32,160]  features.4.3
 * %4482 = add_n(%4434, %4480) : f32[4,32,32,160]  features.4.2
 * %4483 = stochastic_depth_bwd(%4482, %359) : f32[4,32,32,160]  features.4.2.stochastic_depth
 * %4484 = bn_bwd_reduce(%4483, %399, %404) : f32[2,160]  features.4.2.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4484 -> A + 427238592
 * in  %359 i32[1] <- io[8] (seed)
 * in  %399 f32[4,32,32,160] <- A + 412188672
 * in  %404 f32[2,160] <- A + 427275840
 * in  %4289 f32[4,32,32,160] <- A + 396820480
 * in  %4336 f32[4,32,32,160] <- A + 397475840
 * in  %4384 f32[4,32,32,160] <- A + 398131200
 * in  %4432 f32[4,32,32,160] <- A + 398786560
 * in  %4480 f32[4,32,32,160] <- A + 399441920
 */
void k238b4_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict x5 /* [4,32,32,160] */,
    const float *restrict x6 /* [4,32,32,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q1[c] = 1.0f / sqrtf(stats[160 + c] + 0.001f);
    }
    enum { C = 160, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 160 + c];
                const float t1 = x3[r * 160 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 160 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 160 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 160 + c];
                const float t8 = t6 + t7;
                const float t9 = t8 * q0[r / 1024];
                const float t10 = x[r * 160 + c];
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
 * %4338 = add_n(%4289, %4336) : f32[4,32,32,160]  features.4.5
 * %4386 = add_n(%4338, %4384) : f32[4,32,32,160]  features.4.4
 * %4434 = add_n(%4386, %4432) : f32[4,32,32,160]  features.4.3
 * %4482 = add_n(%4434, %4480) : f32[4,32,32,160]  features.4.2
 * %4483 = stochastic_depth_bwd(%4482, %359) : f32[4,32,32,160]  features.4.2.stochastic_depth
 * %4485 = bn_bwd_input(%4483, %399, %404, %400, %4484) : f32[4,32,32,160]  features.4.2.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4485 -> A + 400097280
 * in  %359 i32[1] <- io[8] (seed)
 * in  %399 f32[4,32,32,160] <- A + 412188672
 * in  %400 f32[160] <- M + 2163372 (features.4.2.block.3.1.weight)
 * in  %404 f32[2,160] <- A + 427275840
 * in  %4289 f32[4,32,32,160] <- A + 396820480
 * in  %4336 f32[4,32,32,160] <- A + 397475840
 * in  %4384 f32[4,32,32,160] <- A + 398131200
 * in  %4432 f32[4,32,32,160] <- A + 398786560
 * in  %4480 f32[4,32,32,160] <- A + 399441920
 * in  %4484 f32[2,160] <- A + 427238592
 */
void k238b4_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict x5 /* [4,32,32,160] */,
    const float *restrict x6 /* [4,32,32,160] */,
    const float *restrict dstats /* [2,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160], q2[160], q3[160];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 160; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[160 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[160 + c] / 4096.0f * (1.0f / sqrtf(stats[160 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 160; c++) {
            const long i = r * 160 + c;
            const float t0 = x2[r * 160 + c];
            const float t1 = x3[r * 160 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 160 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 160 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 160 + c];
            const float t8 = t6 + t7;
            const float t9 = t8 * q0[r / 1024];
            const float t10 = x[r * 160 + c];
            const float t11 = q1[c] * (t9 - q2[c] - (t10 - stats[c]) * q3[c]);
            dx[i] = t11;
        }
    }
}

/*
 * %4338 = add_n(%4289, %4336) : f32[4,32,32,160]  features.4.5
 * %4386 = add_n(%4338, %4384) : f32[4,32,32,160]  features.4.4
 * %4434 = add_n(%4386, %4432) : f32[4,32,32,160]  features.4.3
 * %4482 = add_n(%4434, %4480) : f32[4,32,32,160]  features.4.2
 * %4530 = add_n(%4482, %4528) : f32[4,32,32,160]  features.4.1
 * %4531 = stochastic_depth_bwd(%4530, %359) : f32[4,32,32,160]  features.4.1.stochastic_depth
 * %4532 = bn_bwd_reduce(%4531, %350, %355) : f32[2,160]  features.4.1.block.3.1
 * out %4532 -> A + 427236032
 * in  %350 f32[4,32,32,160] <- A + 411533312
 * in  %355 f32[2,160] <- A + 427275520
 * in  %359 i32[1] <- io[8] (seed)
 * in  %4289 f32[4,32,32,160] <- A + 396820480
 * in  %4336 f32[4,32,32,160] <- A + 397475840
 * in  %4384 f32[4,32,32,160] <- A + 398131200
 * in  %4432 f32[4,32,32,160] <- A + 398786560
 * in  %4480 f32[4,32,32,160] <- A + 399441920
 * in  %4528 f32[4,32,32,160] <- A + 400097280
 */
void k238b5_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,160] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict stats /* [2,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict x5 /* [4,32,32,160] */,
    const float *restrict x6 /* [4,32,32,160] */,
    const float *restrict x7 /* [4,32,32,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q1[c] = 1.0f / sqrtf(stats[160 + c] + 0.001f);
    }
    enum { C = 160, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 160 + c];
                const float t1 = x3[r * 160 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 160 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 160 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 160 + c];
                const float t8 = t6 + t7;
                const float t9 = x7[r * 160 + c];
                const float t10 = t8 + t9;
                const float t11 = t10 * q0[r / 1024];
                const float t12 = x[r * 160 + c];
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
 * %4338 = add_n(%4289, %4336) : f32[4,32,32,160]  features.4.5
 * %4386 = add_n(%4338, %4384) : f32[4,32,32,160]  features.4.4
 * %4434 = add_n(%4386, %4432) : f32[4,32,32,160]  features.4.3
 * %4482 = add_n(%4434, %4480) : f32[4,32,32,160]  features.4.2
 * %4530 = add_n(%4482, %4528) : f32[4,32,32,160]  features.4.1
 * %4531 = stochastic_depth_bwd(%4530, %359) : f32[4,32,32,160]  features.4.1.stochastic_depth
 * %4533 = bn_bwd_input(%4531, %350, %355, %351, %4532) : f32[4,32,32,160]  features.4.1.block.3.1
 * out %4533 -> A + 400752640
 * in  %350 f32[4,32,32,160] <- A + 411533312
 * in  %351 f32[160] <- M + 1898052 (features.4.1.block.3.1.weight)
 * in  %355 f32[2,160] <- A + 427275520
 * in  %359 i32[1] <- io[8] (seed)
 * in  %4289 f32[4,32,32,160] <- A + 396820480
 * in  %4336 f32[4,32,32,160] <- A + 397475840
 * in  %4384 f32[4,32,32,160] <- A + 398131200
 * in  %4432 f32[4,32,32,160] <- A + 398786560
 * in  %4480 f32[4,32,32,160] <- A + 399441920
 * in  %4528 f32[4,32,32,160] <- A + 400097280
 * in  %4532 f32[2,160] <- A + 427236032
 */
void k238b5_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,160] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict stats /* [2,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict x5 /* [4,32,32,160] */,
    const float *restrict x6 /* [4,32,32,160] */,
    const float *restrict x7 /* [4,32,32,160] */,
    const float *restrict dstats /* [2,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160], q2[160], q3[160];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 160; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[160 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[160 + c] / 4096.0f * (1.0f / sqrtf(stats[160 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 160; c++) {
            const long i = r * 160 + c;
            const float t0 = x2[r * 160 + c];
            const float t1 = x3[r * 160 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 160 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 160 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 160 + c];
            const float t8 = t6 + t7;
            const float t9 = x7[r * 160 + c];
            const float t10 = t8 + t9;
            const float t11 = t10 * q0[r / 1024];
            const float t12 = x[r * 160 + c];
            const float t13 = q1[c] * (t11 - q2[c] - (t12 - stats[c]) * q3[c]);
            dx[i] = t13;
        }
    }
}

/*
 * %312 = bn_train(%304, %309, %305, %306) : f32[4,32,32,160]  features.4.0.block.3.1
 * %4577 = conv2d_bwd_weight(%4571, %312) : f32[640,160,1,1]  features.4.1.block.0.0
 * %4651 = add(%4650, %4577) : f32[640,160,1,1]  features.4.1.block.0.0.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4651 -> G + 1633052
 * in  %304 f32[4,32,32,160] <- A + 410877952
 * in  %305 f32[160] <- M + 1632732 (features.4.0.block.3.1.weight)
 * in  %306 f32[160] <- M + 1632892 (features.4.0.block.3.1.bias)
 * in  %309 f32[2,160] <- A + 427275200
 * in  %4571 f32[4,32,32,640] <- A + 13107200
 * in  %4650 f32[640,160,1,1] <- G + 1633052 (features.4.1.block.0.0.weight)
 */
void k239b_bn_train_conv1x1_bwd_weight_acc(
    float *restrict grad /* [640,160,1,1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict beta /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict dy /* [4,32,32,640] */) {
    /* dw (640, 160) += dyᵀ (640, 4096) · f(x) (4096, 160), f(x) recomputed in tiles of 342 rows */
    float q0[160];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q0[c] = gamma[c] / sqrtf(stats[160 + c] + 0.001f);
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
                    const float t0 = x[r * 160 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    tile[(r - m0) * 160 + c] = t1;
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
 * %4338 = add_n(%4289, %4336) : f32[4,32,32,160]  features.4.5
 * %4386 = add_n(%4338, %4384) : f32[4,32,32,160]  features.4.4
 * %4434 = add_n(%4386, %4432) : f32[4,32,32,160]  features.4.3
 * %4482 = add_n(%4434, %4480) : f32[4,32,32,160]  features.4.2
 * %4530 = add_n(%4482, %4528) : f32[4,32,32,160]  features.4.1
 * %4578 = add_n(%4530, %4576) : f32[4,32,32,160]  features.4.0.block.3.1
 * %4579 = bn_bwd_reduce(%4578, %304, %309) : f32[2,160]  features.4.0.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4579 -> A + 427255232
 * in  %304 f32[4,32,32,160] <- A + 410877952
 * in  %309 f32[2,160] <- A + 427275200
 * in  %4289 f32[4,32,32,160] <- A + 396820480
 * in  %4336 f32[4,32,32,160] <- A + 397475840
 * in  %4384 f32[4,32,32,160] <- A + 398131200
 * in  %4432 f32[4,32,32,160] <- A + 398786560
 * in  %4480 f32[4,32,32,160] <- A + 399441920
 * in  %4528 f32[4,32,32,160] <- A + 400097280
 * in  %4576 f32[4,32,32,160] <- A + 10485760
 */
void k238b_add_n_bn_bwd_reduce(
    float *restrict dstats /* [2,160] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict x5 /* [4,32,32,160] */,
    const float *restrict x6 /* [4,32,32,160] */,
    const float *restrict x7 /* [4,32,32,160] */,
    const float *restrict x8 /* [4,32,32,160] */) {
    float q0[160];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q0[c] = 1.0f / sqrtf(stats[160 + c] + 0.001f);
    }
    enum { C = 160, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 160 + c];
                const float t1 = x3[r * 160 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 160 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 160 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 160 + c];
                const float t8 = t6 + t7;
                const float t9 = x7[r * 160 + c];
                const float t10 = t8 + t9;
                const float t11 = x8[r * 160 + c];
                const float t12 = t10 + t11;
                const float t13 = x[r * 160 + c];
                const float xh = (t13 - stats[c]) * q0[c];
                p0[c] += t12;
                p1[c] += t12 * xh;
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
 * %4338 = add_n(%4289, %4336) : f32[4,32,32,160]  features.4.5
 * %4386 = add_n(%4338, %4384) : f32[4,32,32,160]  features.4.4
 * %4434 = add_n(%4386, %4432) : f32[4,32,32,160]  features.4.3
 * %4482 = add_n(%4434, %4480) : f32[4,32,32,160]  features.4.2
 * %4530 = add_n(%4482, %4528) : f32[4,32,32,160]  features.4.1
 * %4578 = add_n(%4530, %4576) : f32[4,32,32,160]  features.4.0.block.3.1
 * %4580 = bn_bwd_input(%4578, %304, %309, %305, %4579) : f32[4,32,32,160]  features.4.0.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4580 -> A + 400752640
 * in  %304 f32[4,32,32,160] <- A + 410877952
 * in  %305 f32[160] <- M + 1632732 (features.4.0.block.3.1.weight)
 * in  %309 f32[2,160] <- A + 427275200
 * in  %4289 f32[4,32,32,160] <- A + 396820480
 * in  %4336 f32[4,32,32,160] <- A + 397475840
 * in  %4384 f32[4,32,32,160] <- A + 398131200
 * in  %4432 f32[4,32,32,160] <- A + 398786560
 * in  %4480 f32[4,32,32,160] <- A + 399441920
 * in  %4528 f32[4,32,32,160] <- A + 400097280
 * in  %4576 f32[4,32,32,160] <- A + 10485760
 * in  %4579 f32[2,160] <- A + 427255232
 */
void k238b_add_n_bn_bwd_input(
    float *restrict dx /* [4,32,32,160] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict x5 /* [4,32,32,160] */,
    const float *restrict x6 /* [4,32,32,160] */,
    const float *restrict x7 /* [4,32,32,160] */,
    const float *restrict x8 /* [4,32,32,160] */,
    const float *restrict dstats /* [2,160] */) {
    float q0[160], q1[160], q2[160];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 160; c++) {
        q0[c] = gamma[c] * (1.0f / sqrtf(stats[160 + c] + 0.001f));
        q1[c] = dstats[c] / 4096.0f;
        q2[c] = dstats[160 + c] / 4096.0f * (1.0f / sqrtf(stats[160 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 160; c++) {
            const long i = r * 160 + c;
            const float t0 = x2[r * 160 + c];
            const float t1 = x3[r * 160 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 160 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 160 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 160 + c];
            const float t8 = t6 + t7;
            const float t9 = x7[r * 160 + c];
            const float t10 = t8 + t9;
            const float t11 = x8[r * 160 + c];
            const float t12 = t10 + t11;
            const float t13 = x[r * 160 + c];
            const float t14 = q0[c] * (t12 - q1[c] - (t13 - stats[c]) * q2[c]);
            dx[i] = t14;
        }
    }
}

/*
 * %4585 = conv2d_bwd_input(%4580, %303) : f32[4,32,32,320]  features.4.0.block.3.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4585 -> A + 10485760
 * in  %4580 f32[4,32,32,160] <- A + 400752640
 * in  %303 f32[160,320,1,1] <- M + 1581532 (features.4.0.block.3.0.weight)
 */
void k237b_conv1x1_bwd_input(
    float *restrict dx /* [4,32,32,320] */,
    const float *restrict dy /* [4,32,32,160] */,
    const float *restrict w /* [160,320,1,1] */) {
    /* dx of x (4,32,32,320) w (160,320,1,1) y (4,32,32,160) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    /* the weight packed once; tiles of 204 rows in parallel */
    float *w_f32 = breastai_gemm_f32_pack(CblasNoTrans, 320, 160, w, 320);  /* packed once for every tile */
    #pragma omp parallel for schedule(static)
    for (long t = 0; t < 21; t++) {
        const long m0 = t * 204, rows = m0 + 204 <= 4096 ? 204 : 4096 - m0;
        breastai_gemm_f32_packed(CblasNoTrans, rows, 320, 160, 1.0f, dy + m0 * 160, 160, w_f32, 0.0f, dx + m0 * 320, 320);
    }
    free(w_f32);
}

/*
 * %287 = bn_train(%279, %284, %280, %281) : f32[4,32,32,320]  features.4.0.block.1.1
 * %288 = silu(%287) : f32[4,32,32,320]  features.4.0.block.1.2
 * %302 = mul(%288, %301) : f32[4,32,32,320]  features.4.0.block.2
 * %4586 = conv2d_bwd_weight(%4580, %302) : f32[160,320,1,1]  features.4.0.block.3.0
 * %4645 = add(%4644, %4586) : f32[160,320,1,1]  features.4.0.block.3.0.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4645 -> G + 1581532
 * in  %279 f32[4,32,32,320] <- A + 395509760
 * in  %280 f32[320] <- M + 1567752 (features.4.0.block.1.1.weight)
 * in  %281 f32[320] <- M + 1568072 (features.4.0.block.1.1.bias)
 * in  %284 f32[2,320] <- A + 427254592
 * in  %301 f32[4,1,1,320] <- A + 427232192
 * in  %4580 f32[4,32,32,160] <- A + 400752640
 * in  %4644 f32[160,320,1,1] <- G + 1581532 (features.4.0.block.3.0.weight)
 */
void k237b_bn_train_silu_mul_conv1x1_bwd_weight_acc(
    float *restrict grad /* [160,320,1,1] */,
    const float *restrict x /* [4,32,32,320] */,
    const float *restrict gamma /* [320] */,
    const float *restrict beta /* [320] */,
    const float *restrict stats /* [2,320] */,
    const float *restrict scale /* [4,1,1,320] */,
    const float *restrict dy /* [4,32,32,160] */) {
    /* dw (160, 320) += dyᵀ (160, 4096) · f(x) (4096, 320), f(x) recomputed in tiles of 256 rows */
    float q0[320];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 320; c++) {
        q0[c] = gamma[c] / sqrtf(stats[320 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 51200);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 51200;
        float *restrict tile = malloc(sizeof(float) * 81920);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 16; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 4096 ? 256 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 320; c++) {
                    const float t0 = x[r * 320 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    const float t3 = scale[(r / 1024) * 320 + c];
                    const float t4 = t2 * t3;
                    tile[(r - m0) * 320 + c] = t4;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 160, 320, rows, 1.0f, dy + m0 * 160, 160, tile, 320, first ? 0.0f : 1.0f, mine, 320);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 51200);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 51200; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 51200 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %4614 = conv2d_bwd_input(%4609, %278) : f32[4,64,64,320]  features.4.0.block.1.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4614 -> A + 10485760
 * in  %4609 f32[4,32,32,320] <- A + 15728640
 * in  %278 f32[320,1,3,3] <- M + 1564872 (features.4.0.block.1.0.weight)
 */
void k235b_dwconv3x3s2_bwd_input(
    float *restrict dx /* [4,64,64,320] */,
    const float *restrict dy /* [4,32,32,320] */,
    const float *restrict w /* [320,1,3,3] */) {
    /* dx of x (4,64,64,320) w (320,1,3,3) y (4,32,32,320) stride 2 pad 1 groups 320 */
    /* Depthwise dx in gather form: dx[n, ih, iw, c] = Σ over the taps reaching (ih, iw) of dy[n, oh, ow, c] · wt[r, s, c],
     * channels innermost, one input row per work item. */
    float *restrict wt = malloc(sizeof(float) * 2880);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 320; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 320 + c] = w[(c * 3 + r) * 3 + s];
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long ih = 0; ih < 64; ih++) {
            for (long iw = 0; iw < 64; iw++) {
                float *restrict xp = dx + ((n * 64 + ih) * 64 + iw) * 320;
                for (long c = 0; c < 320; c++) xp[c] = 0.0f;
                for (long r = 0; r < 3; r++) {
                    const long th = ih + 1 - r, oh = th / 2;
                    if (th < 0 || th % 2 != 0 || oh >= 32) continue;
                    for (long s = 0; s < 3; s++) {
                        const long tw = iw + 1 - s, ow = tw / 2;
                        if (tw < 0 || tw % 2 != 0 || ow >= 32) continue;
                        const float *restrict gp = dy + ((n * 32 + oh) * 32 + ow) * 320, *restrict wr = wt + (r * 3 + s) * 320;
                        for (long c = 0; c < 320; c++) xp[c] += gp[c] * wr[c];
                    }
                }
            }
        }
    }
    free(wt);
}

/*
 * %4615 = conv2d_bwd_weight(%4609, %277) : f32[320,1,3,3]  features.4.0.block.1.0
 * %4631 = add(%4630, %4615) : f32[320,1,3,3]  features.4.0.block.1.0.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4631 -> G + 1564872
 * in  %4609 f32[4,32,32,320] <- A + 15728640
 * in  %277 f32[4,64,64,320] <- A + 5242880
 * in  %4630 f32[320,1,3,3] <- G + 1564872 (features.4.0.block.1.0.weight)
 */
void k235b_dwconv3x3s2_bwd_weight_acc(
    float *restrict grad /* [320,1,3,3] */,
    const float *restrict dy /* [4,32,32,320] */,
    const float *restrict x /* [4,64,64,320] */) {
    /* dw of x (4,64,64,320) w (320,1,3,3) y (4,32,32,320) stride 2 pad 1 groups 320, added into the accumulator */
    /* Depthwise dw: dw[c, r, s] = Σ_{n, oh, ow} dy[n, oh, ow, c] · x[n, ih, iw, c], channels innermost. Each thread
     * sums a fixed range of output rows into its own (R, S, C) partial (each row in float, the partial in
     * double); the partials are added in thread order. */
    const int max_threads = omp_get_max_threads();
    double *restrict part = calloc((size_t)max_threads * 2880, sizeof(double));  /* (threads, R, S, C) */
    if (!part) abort();
    int threads = 1;
    #pragma omp parallel num_threads(max_threads)
    {
        const int thread = omp_get_thread_num(), team = omp_get_num_threads();
        if (thread == 0) threads = team;
        float *restrict rowsum = malloc(sizeof(float) * 2880);  /* (R, S, C): the sums of one output row */
        if (!rowsum) abort();
        double *restrict acc = part + (long)thread * 2880;
        for (long row = 128L * thread / team; row < 128L * (thread + 1) / team; row++) {
            const long n = row / 32, oh = row % 32;
            memset(rowsum, 0, 2880 * sizeof(float));
            for (long ow = 0; ow < 32; ow++) {
                const float *restrict gp = dy + ((n * 32 + oh) * 32 + ow) * 320;
                for (long r = 0; r < 3; r++) {
                    const long ih = oh * 2 - 1 + r;
                    if (ih < 0 || ih >= 64) continue;
                    for (long s = 0; s < 3; s++) {
                        const long iw = ow * 2 - 1 + s;
                        if (iw < 0 || iw >= 64) continue;
                        const float *restrict xp = x + ((n * 64 + ih) * 64 + iw) * 320;
                        float *restrict rp = rowsum + (r * 3 + s) * 320;
                        for (long c = 0; c < 320; c++) rp[c] += gp[c] * xp[c];
                    }
                }
            }
            for (long i = 0; i < 2880; i++) acc[i] += rowsum[i];
        }
        free(rowsum);
    }
    /* dw[c, r, s] = Σ_thread part[thread, r, s, c], in thread order */
    #pragma omp parallel for schedule(static)
    for (long c = 0; c < 320; c++) {
        for (long t = 0; t < 9; t++) {
            double sum = 0.0;
            for (int thread = 0; thread < threads; thread++) sum += part[((long)thread * 9 + t) * 320 + c];
            grad[c * 9 + t] += (float)sum;
        }
    }
    free(part);
}

/*
 * %276 = bn_train(%268, %273, %269, %270) : f32[4,64,64,320]  features.4.0.block.0.1
 * %4616 = silu_bwd(%4614, %276) : f32[4,64,64,320]  features.4.0.block.0.2
 * %4617 = bn_bwd_reduce(%4616, %268, %273) : f32[2,320]  features.4.0.block.0.1
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %4617 -> A + 426237952
 * in  %268 f32[4,64,64,320] <- A + 0
 * in  %269 f32[320] <- M + 1564232 (features.4.0.block.0.1.weight)
 * in  %270 f32[320] <- M + 1564552 (features.4.0.block.0.1.bias)
 * in  %273 f32[2,320] <- A + 427253952
 * in  %4614 f32[4,64,64,320] <- A + 10485760
 */
void k233b_bn_train_silu_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,320] */,
    const float *restrict x /* [4,64,64,320] */,
    const float *restrict gamma /* [320] */,
    const float *restrict beta /* [320] */,
    const float *restrict stats /* [2,320] */,
    const float *restrict dy /* [4,64,64,320] */) {
    float q0[320];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 320; c++) {
        q0[c] = gamma[c] / sqrtf(stats[320 + c] + 0.001f);
    }
    float q1[320];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 320; c++) {
        q1[c] = 1.0f / sqrtf(stats[320 + c] + 0.001f);
    }
    enum { C = 320, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 16384L * ch / CHUNKS; r < 16384L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = dy[r * 320 + c];
                const float t1 = x[r * 320 + c];
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
 * %276 = bn_train(%268, %273, %269, %270) : f32[4,64,64,320]  features.4.0.block.0.1
 * %4616 = silu_bwd(%4614, %276) : f32[4,64,64,320]  features.4.0.block.0.2
 * %4618 = bn_bwd_input(%4616, %268, %273, %269, %4617) : f32[4,64,64,320]  features.4.0.block.0.1
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %4618 -> A + 5242880
 * in  %268 f32[4,64,64,320] <- A + 0
 * in  %269 f32[320] <- M + 1564232 (features.4.0.block.0.1.weight)
 * in  %270 f32[320] <- M + 1564552 (features.4.0.block.0.1.bias)
 * in  %273 f32[2,320] <- A + 427253952
 * in  %4614 f32[4,64,64,320] <- A + 10485760
 * in  %4617 f32[2,320] <- A + 426237952
 */
void k233b_bn_train_silu_bwd_bn_bwd_input(
    float *restrict dx /* [4,64,64,320] */,
    const float *restrict x /* [4,64,64,320] */,
    const float *restrict gamma /* [320] */,
    const float *restrict beta /* [320] */,
    const float *restrict stats /* [2,320] */,
    const float *restrict dy /* [4,64,64,320] */,
    const float *restrict dstats /* [2,320] */) {
    float q0[320];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 320; c++) {
        q0[c] = gamma[c] / sqrtf(stats[320 + c] + 0.001f);
    }
    float q1[320], q2[320], q3[320];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 320; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[320 + c] + 0.001f));
        q2[c] = dstats[c] / 16384.0f;
        q3[c] = dstats[320 + c] / 16384.0f * (1.0f / sqrtf(stats[320 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 16384; r++) {
        #pragma omp simd
        for (long c = 0; c < 320; c++) {
            const long i = r * 320 + c;
            const float t0 = dy[r * 320 + c];
            const float t1 = x[r * 320 + c];
            const float t2 = (t1 - stats[c]) * q0[c] + beta[c];
            const float t3s = ba_sigmoid(t2);
            const float t3 = t0 * (t3s * (1.0f + t2 * (1.0f - t3s)));
            const float t4 = q1[c] * (t3 - q2[c] - (t1 - stats[c]) * q3[c]);
            dx[i] = t4;
        }
    }
}

/*
 * %4348 = add_n(%4299, %4346) : f32[4,32,32,160]  features.4.5
 * %4396 = add_n(%4348, %4394) : f32[4,32,32,160]  features.4.4
 * %4444 = add_n(%4396, %4442) : f32[4,32,32,160]  features.4.3
 * %4492 = add_n(%4444, %4490) : f32[4,32,32,160]  features.4.2
 * %4540 = add_n(%4492, %4538) : f32[4,32,32,160]  features.4.1
 * %4541 = stochastic_depth_bwd(%4540, %36) : f32[4,32,32,160]  features.4.1.stochastic_depth
 * %4542 = bn_bwd_reduce(%4541, %361, %366) : f32[2,160]  features.4.1.block.3.1
 * out %4542 -> A + 599184128
 * in  %36 i32[1] <- io[8] (seed)
 * in  %361 f32[4,32,32,160] <- A + 583499776
 * in  %366 f32[2,160] <- A + 599189376
 * in  %4299 f32[4,32,32,160] <- A + 73924608
 * in  %4346 f32[4,32,32,160] <- A + 74579968
 * in  %4394 f32[4,32,32,160] <- A + 568786944
 * in  %4442 f32[4,32,32,160] <- A + 569442304
 * in  %4490 f32[4,32,32,160] <- A + 570097664
 * in  %4538 f32[4,32,32,160] <- A + 570753024
 */
void k238b6_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict x5 /* [4,32,32,160] */,
    const float *restrict x6 /* [4,32,32,160] */,
    const float *restrict x7 /* [4,32,32,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 160; c++) {
        q1[c] = 1.0f / sqrtf(stats[160 + c] + 0.001f);
    }
    enum { C = 160, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 160 + c];
                const float t1 = x3[r * 160 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 160 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 160 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 160 + c];
                const float t8 = t6 + t7;
                const float t9 = x7[r * 160 + c];
                const float t10 = t8 + t9;
                const float t11 = t10 * q0[r / 1024];
                const float t12 = x[r * 160 + c];
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
 * %4348 = add_n(%4299, %4346) : f32[4,32,32,160]  features.4.5
 * %4396 = add_n(%4348, %4394) : f32[4,32,32,160]  features.4.4
 * %4444 = add_n(%4396, %4442) : f32[4,32,32,160]  features.4.3
 * %4492 = add_n(%4444, %4490) : f32[4,32,32,160]  features.4.2
 * %4540 = add_n(%4492, %4538) : f32[4,32,32,160]  features.4.1
 * %4541 = stochastic_depth_bwd(%4540, %36) : f32[4,32,32,160]  features.4.1.stochastic_depth
 * %4543 = bn_bwd_input(%4541, %361, %366, %362, %4542) : f32[4,32,32,160]  features.4.1.block.3.1
 * out %4543 -> A + 571408384
 * in  %36 i32[1] <- io[8] (seed)
 * in  %361 f32[4,32,32,160] <- A + 583499776
 * in  %362 f32[160] <- M + 1898052 (features.4.1.block.3.1.weight)
 * in  %366 f32[2,160] <- A + 599189376
 * in  %4299 f32[4,32,32,160] <- A + 73924608
 * in  %4346 f32[4,32,32,160] <- A + 74579968
 * in  %4394 f32[4,32,32,160] <- A + 568786944
 * in  %4442 f32[4,32,32,160] <- A + 569442304
 * in  %4490 f32[4,32,32,160] <- A + 570097664
 * in  %4538 f32[4,32,32,160] <- A + 570753024
 * in  %4542 f32[2,160] <- A + 599184128
 */
void k238b6_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,160] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,160] */,
    const float *restrict gamma /* [160] */,
    const float *restrict stats /* [2,160] */,
    const float *restrict x2 /* [4,32,32,160] */,
    const float *restrict x3 /* [4,32,32,160] */,
    const float *restrict x4 /* [4,32,32,160] */,
    const float *restrict x5 /* [4,32,32,160] */,
    const float *restrict x6 /* [4,32,32,160] */,
    const float *restrict x7 /* [4,32,32,160] */,
    const float *restrict dstats /* [2,160] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[160], q2[160], q3[160];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 160; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[160 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[160 + c] / 4096.0f * (1.0f / sqrtf(stats[160 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 160; c++) {
            const long i = r * 160 + c;
            const float t0 = x2[r * 160 + c];
            const float t1 = x3[r * 160 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 160 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 160 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 160 + c];
            const float t8 = t6 + t7;
            const float t9 = x7[r * 160 + c];
            const float t10 = t8 + t9;
            const float t11 = t10 * q0[r / 1024];
            const float t12 = x[r * 160 + c];
            const float t13 = q1[c] * (t11 - q2[c] - (t12 - stats[c]) * q3[c]);
            dx[i] = t13;
        }
    }
}
