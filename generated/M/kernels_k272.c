/* Kernels k272 to k287 and their backward kernels. */
#include "kernels.h"

/*
 * %1244 = bn_train(%1236, %1241, %1237, %1238) : f32[4,32,32,1056]  features.5.13.block.1.1
 * %3630 = mul(%3628, %1258) : f32[4,32,32,1056]  features.5.13.block.2
 * %3647 = expand(%3646) : f32[4,32,32,1056]  features.5.13.block.2.avgpool
 * %3648 = scale(%3647) : f32[4,32,32,1056]  features.5.13.block.2.avgpool
 * %3649 = add_n(%3630, %3648) : f32[4,32,32,1056]  features.5.13.block.1.2
 * %3650 = silu_bwd(%3649, %1244) : f32[4,32,32,1056]  features.5.13.block.1.2
 * %3651 = bn_bwd_reduce(%3650, %1236, %1241) : f32[2,1056]  features.5.13.block.1.1
 * 26 call sites share this function; the nodes and locations above are the first one's.
 * out %3651 -> A + 426956032
 * in  %1236 f32[4,32,32,1056] <- A + 174850048
 * in  %1237 f32[1056] <- M + 9593476 (features.5.13.block.1.1.weight)
 * in  %1238 f32[1056] <- M + 9594532 (features.5.13.block.1.1.bias)
 * in  %1241 f32[2,1056] <- A + 427219456
 * in  %1258 f32[4,1,1,1056] <- A + 426964480
 * in  %3628 f32[4,32,32,1056] <- A + 179175424
 * in  %3646 f32[4,1,1,1056] <- A + 426960256
 */
void k272_bn_train_mul_expand_scale_bn_bwd_reduce(
    float *restrict dstats /* [2,1056] */,
    const float *restrict x /* [4,32,32,1056] */,
    const float *restrict gamma /* [1056] */,
    const float *restrict beta /* [1056] */,
    const float *restrict stats /* [2,1056] */,
    const float *restrict scale /* [4,1,1,1056] */,
    const float *restrict x2 /* [4,32,32,1056] */,
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
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 1056 + c];
                const float t1 = scale[(r / 1024) * 1056 + c];
                const float t2 = t0 * t1;
                const float t3 = x3[(r / 1024) * 1056 + c];
                const float t4 = t3;
                const float t5 = 0.0009765625f * t4;
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
 * %1244 = bn_train(%1236, %1241, %1237, %1238) : f32[4,32,32,1056]  features.5.13.block.1.1
 * %3630 = mul(%3628, %1258) : f32[4,32,32,1056]  features.5.13.block.2
 * %3647 = expand(%3646) : f32[4,32,32,1056]  features.5.13.block.2.avgpool
 * %3648 = scale(%3647) : f32[4,32,32,1056]  features.5.13.block.2.avgpool
 * %3649 = add_n(%3630, %3648) : f32[4,32,32,1056]  features.5.13.block.1.2
 * %3650 = silu_bwd(%3649, %1244) : f32[4,32,32,1056]  features.5.13.block.1.2
 * %3652 = bn_bwd_input(%3650, %1236, %1241, %1237, %3651) : f32[4,32,32,1056]  features.5.13.block.1.1
 * 26 call sites share this function; the nodes and locations above are the first one's.
 * out %3652 -> A + 183500800
 * in  %1236 f32[4,32,32,1056] <- A + 174850048
 * in  %1237 f32[1056] <- M + 9593476 (features.5.13.block.1.1.weight)
 * in  %1238 f32[1056] <- M + 9594532 (features.5.13.block.1.1.bias)
 * in  %1241 f32[2,1056] <- A + 427219456
 * in  %1258 f32[4,1,1,1056] <- A + 426964480
 * in  %3628 f32[4,32,32,1056] <- A + 179175424
 * in  %3646 f32[4,1,1,1056] <- A + 426960256
 * in  %3651 f32[2,1056] <- A + 426956032
 */
void k273_bn_train_mul_expand_scale(
    float *restrict dx /* [4,32,32,1056] */,
    const float *restrict x /* [4,32,32,1056] */,
    const float *restrict gamma /* [1056] */,
    const float *restrict beta /* [1056] */,
    const float *restrict stats /* [2,1056] */,
    const float *restrict scale /* [4,1,1,1056] */,
    const float *restrict x2 /* [4,32,32,1056] */,
    const float *restrict x3 /* [4,1,1,1056] */,
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
            const float t0 = x2[r * 1056 + c];
            const float t1 = scale[(r / 1024) * 1056 + c];
            const float t2 = t0 * t1;
            const float t3 = x3[(r / 1024) * 1056 + c];
            const float t4 = t3;
            const float t5 = 0.0009765625f * t4;
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
 * %3668 = add_n(%3619, %3666) : f32[4,32,32,176]  features.5.12
 * %3716 = add_n(%3668, %3714) : f32[4,32,32,176]  features.5.11
 * %3764 = add_n(%3716, %3762) : f32[4,32,32,176]  features.5.10
 * %3812 = add_n(%3764, %3810) : f32[4,32,32,176]  features.5.9
 * %3860 = add_n(%3812, %3858) : f32[4,32,32,176]  features.5.8
 * %3908 = add_n(%3860, %3906) : f32[4,32,32,176]  features.5.7
 * %3956 = add_n(%3908, %3954) : f32[4,32,32,176]  features.5.6
 * %4004 = add_n(%3956, %4002) : f32[4,32,32,176]  features.5.5
 * %4005 = stochastic_depth_bwd(%4004, %359) : f32[4,32,32,176]  features.5.5.stochastic_depth
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4005 -> A + 166920192
 * in  %359 i32[1] <- io[8] (seed)
 * in  %3619 f32[4,32,32,176] <- A + 396820480
 * in  %3666 f32[4,32,32,176] <- A + 174850048
 * in  %3714 f32[4,32,32,176] <- A + 161873920
 * in  %3762 f32[4,32,32,176] <- A + 162594816
 * in  %3810 f32[4,32,32,176] <- A + 163315712
 * in  %3858 f32[4,32,32,176] <- A + 164036608
 * in  %3906 f32[4,32,32,176] <- A + 164757504
 * in  %3954 f32[4,32,32,176] <- A + 165478400
 * in  %4002 f32[4,32,32,176] <- A + 166199296
 */
void k274_add_n_stochastic_depth_bwd(
    float *restrict dx /* [4,32,32,176] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict x3 /* [4,32,32,176] */,
    const float *restrict x4 /* [4,32,32,176] */,
    const float *restrict x5 /* [4,32,32,176] */,
    const float *restrict x6 /* [4,32,32,176] */,
    const float *restrict x7 /* [4,32,32,176] */,
    const float *restrict x8 /* [4,32,32,176] */,
    const float *restrict x9 /* [4,32,32,176] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 176; c++) {
            const long i = r * 176 + c;
            const float t0 = x[r * 176 + c];
            const float t1 = x2[r * 176 + c];
            const float t2 = t0 + t1;
            const float t3 = x3[r * 176 + c];
            const float t4 = t2 + t3;
            const float t5 = x4[r * 176 + c];
            const float t6 = t4 + t5;
            const float t7 = x5[r * 176 + c];
            const float t8 = t6 + t7;
            const float t9 = x6[r * 176 + c];
            const float t10 = t8 + t9;
            const float t11 = x7[r * 176 + c];
            const float t12 = t10 + t11;
            const float t13 = x8[r * 176 + c];
            const float t14 = t12 + t13;
            const float t15 = x9[r * 176 + c];
            const float t16 = t14 + t15;
            const float t17 = t16 * q0[r / 1024];
            dx[i] = t17;
        }
    }
}

/*
 * %3668 = add_n(%3619, %3666) : f32[4,32,32,176]  features.5.12
 * %3716 = add_n(%3668, %3714) : f32[4,32,32,176]  features.5.11
 * %3764 = add_n(%3716, %3762) : f32[4,32,32,176]  features.5.10
 * %3812 = add_n(%3764, %3810) : f32[4,32,32,176]  features.5.9
 * %3860 = add_n(%3812, %3858) : f32[4,32,32,176]  features.5.8
 * %3908 = add_n(%3860, %3906) : f32[4,32,32,176]  features.5.7
 * %3956 = add_n(%3908, %3954) : f32[4,32,32,176]  features.5.6
 * %4004 = add_n(%3956, %4002) : f32[4,32,32,176]  features.5.5
 * %4052 = add_n(%4004, %4050) : f32[4,32,32,176]  features.5.4
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4052 -> A + 166920192
 * in  %3619 f32[4,32,32,176] <- A + 396820480
 * in  %3666 f32[4,32,32,176] <- A + 174850048
 * in  %3714 f32[4,32,32,176] <- A + 161873920
 * in  %3762 f32[4,32,32,176] <- A + 162594816
 * in  %3810 f32[4,32,32,176] <- A + 163315712
 * in  %3858 f32[4,32,32,176] <- A + 164036608
 * in  %3906 f32[4,32,32,176] <- A + 164757504
 * in  %3954 f32[4,32,32,176] <- A + 165478400
 * in  %4002 f32[4,32,32,176] <- A + 166199296
 * in  %4050 f32[4,32,32,176] <- A + 62390272
 */
void k275_add_n(
    float *restrict y /* [4,32,32,176] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict x3 /* [4,32,32,176] */,
    const float *restrict x4 /* [4,32,32,176] */,
    const float *restrict x5 /* [4,32,32,176] */,
    const float *restrict x6 /* [4,32,32,176] */,
    const float *restrict x7 /* [4,32,32,176] */,
    const float *restrict x8 /* [4,32,32,176] */,
    const float *restrict x9 /* [4,32,32,176] */,
    const float *restrict x10 /* [4,32,32,176] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 176; c++) {
            const long i = r * 176 + c;
            const float t0 = x[r * 176 + c];
            const float t1 = x2[r * 176 + c];
            const float t2 = t0 + t1;
            const float t3 = x3[r * 176 + c];
            const float t4 = t2 + t3;
            const float t5 = x4[r * 176 + c];
            const float t6 = t4 + t5;
            const float t7 = x5[r * 176 + c];
            const float t8 = t6 + t7;
            const float t9 = x6[r * 176 + c];
            const float t10 = t8 + t9;
            const float t11 = x7[r * 176 + c];
            const float t12 = t10 + t11;
            const float t13 = x8[r * 176 + c];
            const float t14 = t12 + t13;
            const float t15 = x9[r * 176 + c];
            const float t16 = t14 + t15;
            const float t17 = x10[r * 176 + c];
            const float t18 = t16 + t17;
            y[i] = t18;
        }
    }
}

/*
 * %622 = bn_train(%614, %619, %615, %616) : f32[4,32,32,960]  features.5.0.block.1.1
 * %623 = silu(%622) : f32[4,32,32,960]  features.5.0.block.1.2
 * %4254 = mul(%4251, %623) : f32[4,32,32,960]  features.5.0.block.2
 * %4255 = reduce_sum(%4254) : f32[4,1,1,960]  features.5.0.block.2
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4255 -> A + 426237952
 * in  %614 f32[4,32,32,960] <- A + 200015872
 * in  %615 f32[960] <- M + 3389132 (features.5.0.block.1.1.weight)
 * in  %616 f32[960] <- M + 3390092 (features.5.0.block.1.1.bias)
 * in  %619 f32[2,960] <- A + 427227712
 * in  %4251 f32[4,32,32,960] <- A + 10485760
 */
void k276_bn_train_silu_mul_reduce_sum(
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
 * %622 = bn_train(%614, %619, %615, %616) : f32[4,32,32,960]  features.5.0.block.1.1
 * %4253 = mul(%4251, %636) : f32[4,32,32,960]  features.5.0.block.2
 * %4270 = expand(%4269) : f32[4,32,32,960]  features.5.0.block.2.avgpool
 * %4271 = scale(%4270) : f32[4,32,32,960]  features.5.0.block.2.avgpool
 * %4272 = add_n(%4253, %4271) : f32[4,32,32,960]  features.5.0.block.1.2
 * %4273 = silu_bwd(%4272, %622) : f32[4,32,32,960]  features.5.0.block.1.2
 * %4274 = bn_bwd_reduce(%4273, %614, %619) : f32[2,960]  features.5.0.block.1.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4274 -> A + 427166656
 * in  %614 f32[4,32,32,960] <- A + 200015872
 * in  %615 f32[960] <- M + 3389132 (features.5.0.block.1.1.weight)
 * in  %616 f32[960] <- M + 3390092 (features.5.0.block.1.1.bias)
 * in  %619 f32[2,960] <- A + 427227712
 * in  %636 f32[4,1,1,960] <- A + 426989056
 * in  %4251 f32[4,32,32,960] <- A + 10485760
 * in  %4269 f32[4,1,1,960] <- A + 426985216
 */
void k277_bn_train_mul_expand_scale_bn_bwd_reduce(
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
 * %622 = bn_train(%614, %619, %615, %616) : f32[4,32,32,960]  features.5.0.block.1.1
 * %4253 = mul(%4251, %636) : f32[4,32,32,960]  features.5.0.block.2
 * %4270 = expand(%4269) : f32[4,32,32,960]  features.5.0.block.2.avgpool
 * %4271 = scale(%4270) : f32[4,32,32,960]  features.5.0.block.2.avgpool
 * %4272 = add_n(%4253, %4271) : f32[4,32,32,960]  features.5.0.block.1.2
 * %4273 = silu_bwd(%4272, %622) : f32[4,32,32,960]  features.5.0.block.1.2
 * %4275 = bn_bwd_input(%4273, %614, %619, %615, %4274) : f32[4,32,32,960]  features.5.0.block.1.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4275 -> A + 14417920
 * in  %614 f32[4,32,32,960] <- A + 200015872
 * in  %615 f32[960] <- M + 3389132 (features.5.0.block.1.1.weight)
 * in  %616 f32[960] <- M + 3390092 (features.5.0.block.1.1.bias)
 * in  %619 f32[2,960] <- A + 427227712
 * in  %636 f32[4,1,1,960] <- A + 426989056
 * in  %4251 f32[4,32,32,960] <- A + 10485760
 * in  %4269 f32[4,1,1,960] <- A + 426985216
 * in  %4274 f32[2,960] <- A + 427166656
 */
void k278_bn_train_mul_expand_scale(
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
 * %4276 = slice(%4274) : f32[1,960]  features.5.0.block.1.1
 * %4277 = reshape(%4276) : f32[960]  features.5.0.block.1.1
 * %4815 = add(%4814, %4277) : f32[960]  features.5.0.block.1.1.weight
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %4815 -> G + 3389132
 * in  %4274 f32[2,960] <- A + 427166656
 * in  %4814 f32[960] <- G + 3389132 (features.5.0.block.1.1.weight)
 */
void k279_slice_acc(float *restrict grad /* [960] */, const float *restrict x /* [2,960] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 960; j++) grad[o * 960 + j] += x[o * 1920 + 960 + j];
}

/*
 * %4278 = slice(%4274) : f32[1,960]  features.5.0.block.1.1
 * %4279 = reshape(%4278) : f32[960]  features.5.0.block.1.1
 * %4817 = add(%4816, %4279) : f32[960]  features.5.0.block.1.1.bias
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %4817 -> G + 3390092
 * in  %4274 f32[2,960] <- A + 427166656
 * in  %4816 f32[960] <- G + 3390092 (features.5.0.block.1.1.bias)
 */
void k280_slice_acc(float *restrict grad /* [960] */, const float *restrict x /* [2,960] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 960; j++) grad[o * 960 + j] += x[o * 1920 + 0 + j];
}

/*
 * %574 = bn_train(%566, %571, %567, %568) : f32[4,32,32,640]  features.4.6.block.1.1
 * %575 = silu(%574) : f32[4,32,32,640]  features.4.6.block.1.2
 * %4301 = mul(%4298, %575) : f32[4,32,32,640]  features.4.6.block.2
 * %4302 = reduce_sum(%4301) : f32[4,1,1,640]  features.4.6.block.2
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %4302 -> A + 426237952
 * in  %566 f32[4,32,32,640] <- A + 289406976
 * in  %567 f32[640] <- M + 3069092 (features.4.6.block.1.1.weight)
 * in  %568 f32[640] <- M + 3069732 (features.4.6.block.1.1.bias)
 * in  %571 f32[2,640] <- A + 427247552
 * in  %4298 f32[4,32,32,640] <- A + 10485760
 */
void k281_bn_train_silu_mul_reduce_sum(
    float *restrict y /* [4,1,1,640] */,
    const float *restrict x /* [4,32,32,640] */,
    const float *restrict gamma /* [640] */,
    const float *restrict beta /* [640] */,
    const float *restrict stats /* [2,640] */,
    const float *restrict a /* [4,32,32,640] */) {
    /* sum over axes [1, 2] of [4, 32, 32, 640]: (4, 1024, 640) -> (4, 640) */
    float q0[640];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 640; c++) {
        q0[c] = gamma[c] / sqrtf(stats[640 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[640];
        for (long q = 0; q < 640; q++) acc[q] = 0.0;
        for (long j = 0; j < 1024; j++) {
            for (long q = 0; q < 640; q++) {
                const long r = o * 1024 + j;
                const long c = q;
                const float t0 = a[r * 640 + c];
                const float t1 = x[r * 640 + c];
                const float t2 = (t1 - stats[c]) * q0[c] + beta[c];
                const float t3 = t2 * ba_sigmoid(t2);
                const float t4 = t0 * t3;
                acc[q] += t4;
            }
        }
        for (long q = 0; q < 640; q++) y[o * 640 + q] = (float)(acc[q]);
    }
}

/*
 * %574 = bn_train(%566, %571, %567, %568) : f32[4,32,32,640]  features.4.6.block.1.1
 * %4300 = mul(%4298, %588) : f32[4,32,32,640]  features.4.6.block.2
 * %4317 = expand(%4316) : f32[4,32,32,640]  features.4.6.block.2.avgpool
 * %4318 = scale(%4317) : f32[4,32,32,640]  features.4.6.block.2.avgpool
 * %4319 = add_n(%4300, %4318) : f32[4,32,32,640]  features.4.6.block.1.2
 * %4320 = silu_bwd(%4319, %574) : f32[4,32,32,640]  features.4.6.block.1.2
 * %4321 = bn_bwd_reduce(%4320, %566, %571) : f32[2,640]  features.4.6.block.1.1
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %4321 -> A + 427158976
 * in  %566 f32[4,32,32,640] <- A + 289406976
 * in  %567 f32[640] <- M + 3069092 (features.4.6.block.1.1.weight)
 * in  %568 f32[640] <- M + 3069732 (features.4.6.block.1.1.bias)
 * in  %571 f32[2,640] <- A + 427247552
 * in  %588 f32[4,1,1,640] <- A + 427164096
 * in  %4298 f32[4,32,32,640] <- A + 10485760
 * in  %4316 f32[4,1,1,640] <- A + 427161536
 */
void k282_bn_train_mul_expand_scale_bn_bwd_reduce(
    float *restrict dstats /* [2,640] */,
    const float *restrict x /* [4,32,32,640] */,
    const float *restrict gamma /* [640] */,
    const float *restrict beta /* [640] */,
    const float *restrict stats /* [2,640] */,
    const float *restrict scale /* [4,1,1,640] */,
    const float *restrict x2 /* [4,32,32,640] */,
    const float *restrict x3 /* [4,1,1,640] */) {
    float q0[640];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 640; c++) {
        q0[c] = gamma[c] / sqrtf(stats[640 + c] + 0.001f);
    }
    float q1[640];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 640; c++) {
        q1[c] = 1.0f / sqrtf(stats[640 + c] + 0.001f);
    }
    enum { C = 640, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 640 + c];
                const float t1 = scale[(r / 1024) * 640 + c];
                const float t2 = t0 * t1;
                const float t3 = x3[(r / 1024) * 640 + c];
                const float t4 = t3;
                const float t5 = 0.0009765625f * t4;
                const float t6 = t2 + t5;
                const float t7 = x[r * 640 + c];
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
 * %574 = bn_train(%566, %571, %567, %568) : f32[4,32,32,640]  features.4.6.block.1.1
 * %4300 = mul(%4298, %588) : f32[4,32,32,640]  features.4.6.block.2
 * %4317 = expand(%4316) : f32[4,32,32,640]  features.4.6.block.2.avgpool
 * %4318 = scale(%4317) : f32[4,32,32,640]  features.4.6.block.2.avgpool
 * %4319 = add_n(%4300, %4318) : f32[4,32,32,640]  features.4.6.block.1.2
 * %4320 = silu_bwd(%4319, %574) : f32[4,32,32,640]  features.4.6.block.1.2
 * %4322 = bn_bwd_input(%4320, %566, %571, %567, %4321) : f32[4,32,32,640]  features.4.6.block.1.1
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %4322 -> A + 13107200
 * in  %566 f32[4,32,32,640] <- A + 289406976
 * in  %567 f32[640] <- M + 3069092 (features.4.6.block.1.1.weight)
 * in  %568 f32[640] <- M + 3069732 (features.4.6.block.1.1.bias)
 * in  %571 f32[2,640] <- A + 427247552
 * in  %588 f32[4,1,1,640] <- A + 427164096
 * in  %4298 f32[4,32,32,640] <- A + 10485760
 * in  %4316 f32[4,1,1,640] <- A + 427161536
 * in  %4321 f32[2,640] <- A + 427158976
 */
void k283_bn_train_mul_expand_scale(
    float *restrict dx /* [4,32,32,640] */,
    const float *restrict x /* [4,32,32,640] */,
    const float *restrict gamma /* [640] */,
    const float *restrict beta /* [640] */,
    const float *restrict stats /* [2,640] */,
    const float *restrict scale /* [4,1,1,640] */,
    const float *restrict x2 /* [4,32,32,640] */,
    const float *restrict x3 /* [4,1,1,640] */,
    const float *restrict dstats /* [2,640] */) {
    float q0[640];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 640; c++) {
        q0[c] = gamma[c] / sqrtf(stats[640 + c] + 0.001f);
    }
    float q1[640], q2[640], q3[640];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 640; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[640 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[640 + c] / 4096.0f * (1.0f / sqrtf(stats[640 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 640; c++) {
            const long i = r * 640 + c;
            const float t0 = x2[r * 640 + c];
            const float t1 = scale[(r / 1024) * 640 + c];
            const float t2 = t0 * t1;
            const float t3 = x3[(r / 1024) * 640 + c];
            const float t4 = t3;
            const float t5 = 0.0009765625f * t4;
            const float t6 = t2 + t5;
            const float t7 = x[r * 640 + c];
            const float t8 = (t7 - stats[c]) * q0[c] + beta[c];
            const float t9s = ba_sigmoid(t8);
            const float t9 = t6 * (t9s * (1.0f + t8 * (1.0f - t9s)));
            const float t10 = q1[c] * (t9 - q2[c] - (t7 - stats[c]) * q3[c]);
            dx[i] = t10;
        }
    }
}

/*
 * %4323 = slice(%4321) : f32[1,640]  features.4.6.block.1.1
 * %4324 = reshape(%4323) : f32[640]  features.4.6.block.1.1
 * %4789 = add(%4788, %4324) : f32[640]  features.4.6.block.1.1.weight
 * 24 call sites share this function; the nodes and locations above are the first one's.
 * out %4789 -> G + 3069092
 * in  %4321 f32[2,640] <- A + 427158976
 * in  %4788 f32[640] <- G + 3069092 (features.4.6.block.1.1.weight)
 */
void k284_slice_acc(float *restrict grad /* [640] */, const float *restrict x /* [2,640] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 640; j++) grad[o * 640 + j] += x[o * 1280 + 640 + j];
}

/*
 * %4325 = slice(%4321) : f32[1,640]  features.4.6.block.1.1
 * %4326 = reshape(%4325) : f32[640]  features.4.6.block.1.1
 * %4791 = add(%4790, %4326) : f32[640]  features.4.6.block.1.1.bias
 * 24 call sites share this function; the nodes and locations above are the first one's.
 * out %4791 -> G + 3069732
 * in  %4321 f32[2,640] <- A + 427158976
 * in  %4790 f32[640] <- G + 3069732 (features.4.6.block.1.1.bias)
 */
void k285_slice_acc(float *restrict grad /* [640] */, const float *restrict x /* [2,640] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 640; j++) grad[o * 640 + j] += x[o * 1280 + 0 + j];
}

/*
 * %287 = bn_train(%279, %284, %280, %281) : f32[4,32,32,320]  features.4.0.block.1.1
 * %288 = silu(%287) : f32[4,32,32,320]  features.4.0.block.1.2
 * %4588 = mul(%4585, %288) : f32[4,32,32,320]  features.4.0.block.2
 * %4589 = reduce_sum(%4588) : f32[4,1,1,320]  features.4.0.block.2
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4589 -> A + 426237952
 * in  %279 f32[4,32,32,320] <- A + 395509760
 * in  %280 f32[320] <- M + 1567752 (features.4.0.block.1.1.weight)
 * in  %281 f32[320] <- M + 1568072 (features.4.0.block.1.1.bias)
 * in  %284 f32[2,320] <- A + 427254592
 * in  %4585 f32[4,32,32,320] <- A + 10485760
 */
void k286_bn_train_silu_mul_reduce_sum(
    float *restrict y /* [4,1,1,320] */,
    const float *restrict x /* [4,32,32,320] */,
    const float *restrict gamma /* [320] */,
    const float *restrict beta /* [320] */,
    const float *restrict stats /* [2,320] */,
    const float *restrict a /* [4,32,32,320] */) {
    /* sum over axes [1, 2] of [4, 32, 32, 320]: (4, 1024, 320) -> (4, 320) */
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
                const float t0 = a[r * 320 + c];
                const float t1 = x[r * 320 + c];
                const float t2 = (t1 - stats[c]) * q0[c] + beta[c];
                const float t3 = t2 * ba_sigmoid(t2);
                const float t4 = t0 * t3;
                acc[q] += t4;
            }
        }
        for (long q = 0; q < 320; q++) y[o * 320 + q] = (float)(acc[q]);
    }
}

/*
 * %287 = bn_train(%279, %284, %280, %281) : f32[4,32,32,320]  features.4.0.block.1.1
 * %4587 = mul(%4585, %301) : f32[4,32,32,320]  features.4.0.block.2
 * %4604 = expand(%4603) : f32[4,32,32,320]  features.4.0.block.2.avgpool
 * %4605 = scale(%4604) : f32[4,32,32,320]  features.4.0.block.2.avgpool
 * %4606 = add_n(%4587, %4605) : f32[4,32,32,320]  features.4.0.block.1.2
 * %4607 = silu_bwd(%4606, %287) : f32[4,32,32,320]  features.4.0.block.1.2
 * %4608 = bn_bwd_reduce(%4607, %279, %284) : f32[2,320]  features.4.0.block.1.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4608 -> A + 427233472
 * in  %279 f32[4,32,32,320] <- A + 395509760
 * in  %280 f32[320] <- M + 1567752 (features.4.0.block.1.1.weight)
 * in  %281 f32[320] <- M + 1568072 (features.4.0.block.1.1.bias)
 * in  %284 f32[2,320] <- A + 427254592
 * in  %301 f32[4,1,1,320] <- A + 427232192
 * in  %4585 f32[4,32,32,320] <- A + 10485760
 * in  %4603 f32[4,1,1,320] <- A + 427230912
 */
void k287_bn_train_mul_expand_scale_bn_bwd_reduce(
    float *restrict dstats /* [2,320] */,
    const float *restrict x /* [4,32,32,320] */,
    const float *restrict gamma /* [320] */,
    const float *restrict beta /* [320] */,
    const float *restrict stats /* [2,320] */,
    const float *restrict scale /* [4,1,1,320] */,
    const float *restrict x2 /* [4,32,32,320] */,
    const float *restrict x3 /* [4,1,1,320] */) {
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
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 320 + c];
                const float t1 = scale[(r / 1024) * 320 + c];
                const float t2 = t0 * t1;
                const float t3 = x3[(r / 1024) * 320 + c];
                const float t4 = t3;
                const float t5 = 0.0009765625f * t4;
                const float t6 = t2 + t5;
                const float t7 = x[r * 320 + c];
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
