/* Kernels k176 to k191 and their backward kernels. */
#include "kernels.h"

/*
 * %1648 = reduce_mean(%1643) : f32[4,1,1,1280]  cbam.channel_attention.avg_pool
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %1648 -> A + 88817664
 * in  %1643 f32[4,16,16,1280] <- A + 75235328
 */
void k176_reduce_mean(float *restrict y /* [4,1,1,1280] */, const float *restrict x /* [4,16,16,1280] */) {
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
 * %1650 = reduce_max(%1643) : f32[4,1,1,1280]  cbam.channel_attention.max_pool
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %1650 -> A + 88822784
 * in  %1643 f32[4,16,16,1280] <- A + 75235328
 */
void k177_reduce_max(float *restrict y /* [4,1,1,1280] */, const float *restrict x /* [4,16,16,1280] */) {
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
 * %1661 = mul(%1643, %1660) : f32[4,16,16,1280]  cbam.channel_attention
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %1661 -> A + 76546048
 * in  %1643 f32[4,16,16,1280] <- A + 75235328
 * in  %1660 f32[4,1,1,1280] <- A + 89178112
 */
void k178_mul(
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
 * %1671 = dropout(%1670, %1006) : f32[4,1280]  classifier.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %1671 -> A + 88843264
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %1670 f32[4,1280] <- A + 88838144
 */
void k179_dropout(
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
 * %1764 = reduce_max_bwd(%1763, %1643) : f32[4,16,16,1280]  cbam.channel_attention.max_pool
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %1764 -> A + 76546048
 * in  %1763 f32[4,1,1,1280] <- A + 88827904
 * in  %1643 f32[4,16,16,1280] <- A + 75235328
 */
void k177b_reduce_max_bwd(
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
 * %1605 = bn_train(%1597, %1602, %1598, %1599) : f32[4,16,16,1536]  features.6.14.block.1.1
 * %1606 = silu(%1605) : f32[4,16,16,1536]  features.6.14.block.1.2
 * %1792 = mul(%1789, %1606) : f32[4,16,16,1536]  features.6.14.block.2
 * %1793 = reduce_sum(%1792) : f32[4,1,1,1536]  features.6.14.block.2
 * 42 call sites share this function; the nodes and locations above are the first one's.
 * out %1793 -> A + 88145920
 * in  %1597 f32[4,16,16,1536] <- A + 72351744
 * in  %1598 f32[1536] <- M + 19252240 (features.6.14.block.1.1.weight)
 * in  %1599 f32[1536] <- M + 19253776 (features.6.14.block.1.1.bias)
 * in  %1602 f32[2,1536] <- A + 89287936
 * in  %1789 f32[4,16,16,1536] <- A + 73924608
 */
void k180_bn_train_silu_mul_reduce_sum(
    float *restrict y /* [4,1,1,1536] */,
    const float *restrict x /* [4,16,16,1536] */,
    const float *restrict gamma /* [1536] */,
    const float *restrict beta /* [1536] */,
    const float *restrict stats /* [2,1536] */,
    const float *restrict a /* [4,16,16,1536] */) {
    /* sum over axes [1, 2] of [4, 16, 16, 1536]: (4, 256, 1536) -> (4, 1536) */
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
                const float t0 = a[r * 1536 + c];
                const float t1 = x[r * 1536 + c];
                const float t2 = (t1 - stats[c]) * q0[c] + beta[c];
                const float t3 = t2 * ba_sigmoid(t2);
                const float t4 = t0 * t3;
                acc[q] += t4;
            }
        }
        for (long q = 0; q < 1536; q++) y[o * 1536 + q] = (float)(acc[q]);
    }
}

/*
 * %1605 = bn_train(%1597, %1602, %1598, %1599) : f32[4,16,16,1536]  features.6.14.block.1.1
 * %1791 = mul(%1789, %1619) : f32[4,16,16,1536]  features.6.14.block.2
 * %1808 = expand(%1807) : f32[4,16,16,1536]  features.6.14.block.2.avgpool
 * %1809 = scale(%1808) : f32[4,16,16,1536]  features.6.14.block.2.avgpool
 * %1810 = add_n(%1791, %1809) : f32[4,16,16,1536]  features.6.14.block.1.2
 * %1811 = silu_bwd(%1810, %1605) : f32[4,16,16,1536]  features.6.14.block.1.2
 * %1812 = bn_bwd_reduce(%1811, %1597, %1602) : f32[2,1536]  features.6.14.block.1.1
 * 42 call sites share this function; the nodes and locations above are the first one's.
 * out %1812 -> A + 89159680
 * in  %1597 f32[4,16,16,1536] <- A + 72351744
 * in  %1598 f32[1536] <- M + 19252240 (features.6.14.block.1.1.weight)
 * in  %1599 f32[1536] <- M + 19253776 (features.6.14.block.1.1.bias)
 * in  %1602 f32[2,1536] <- A + 89287936
 * in  %1619 f32[4,1,1,1536] <- A + 89171968
 * in  %1789 f32[4,16,16,1536] <- A + 73924608
 * in  %1807 f32[4,1,1,1536] <- A + 89165824
 */
void k181_bn_train_mul_expand_scale_bn_bwd_reduce(
    float *restrict dstats /* [2,1536] */,
    const float *restrict x /* [4,16,16,1536] */,
    const float *restrict gamma /* [1536] */,
    const float *restrict beta /* [1536] */,
    const float *restrict stats /* [2,1536] */,
    const float *restrict scale /* [4,1,1,1536] */,
    const float *restrict x2 /* [4,16,16,1536] */,
    const float *restrict x3 /* [4,1,1,1536] */) {
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
                const float t0 = x2[r * 1536 + c];
                const float t1 = scale[(r / 256) * 1536 + c];
                const float t2 = t0 * t1;
                const float t3 = x3[(r / 256) * 1536 + c];
                const float t4 = t3;
                const float t5 = 0.00390625f * t4;
                const float t6 = t2 + t5;
                const float t7 = x[r * 1536 + c];
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
 * %1605 = bn_train(%1597, %1602, %1598, %1599) : f32[4,16,16,1536]  features.6.14.block.1.1
 * %1791 = mul(%1789, %1619) : f32[4,16,16,1536]  features.6.14.block.2
 * %1808 = expand(%1807) : f32[4,16,16,1536]  features.6.14.block.2.avgpool
 * %1809 = scale(%1808) : f32[4,16,16,1536]  features.6.14.block.2.avgpool
 * %1810 = add_n(%1791, %1809) : f32[4,16,16,1536]  features.6.14.block.1.2
 * %1811 = silu_bwd(%1810, %1605) : f32[4,16,16,1536]  features.6.14.block.1.2
 * %1813 = bn_bwd_input(%1811, %1597, %1602, %1598, %1812) : f32[4,16,16,1536]  features.6.14.block.1.1
 * 42 call sites share this function; the nodes and locations above are the first one's.
 * out %1813 -> A + 75497472
 * in  %1597 f32[4,16,16,1536] <- A + 72351744
 * in  %1598 f32[1536] <- M + 19252240 (features.6.14.block.1.1.weight)
 * in  %1599 f32[1536] <- M + 19253776 (features.6.14.block.1.1.bias)
 * in  %1602 f32[2,1536] <- A + 89287936
 * in  %1619 f32[4,1,1,1536] <- A + 89171968
 * in  %1789 f32[4,16,16,1536] <- A + 73924608
 * in  %1807 f32[4,1,1,1536] <- A + 89165824
 * in  %1812 f32[2,1536] <- A + 89159680
 */
void k182_bn_train_mul_expand_scale(
    float *restrict dx /* [4,16,16,1536] */,
    const float *restrict x /* [4,16,16,1536] */,
    const float *restrict gamma /* [1536] */,
    const float *restrict beta /* [1536] */,
    const float *restrict stats /* [2,1536] */,
    const float *restrict scale /* [4,1,1,1536] */,
    const float *restrict x2 /* [4,16,16,1536] */,
    const float *restrict x3 /* [4,1,1,1536] */,
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
            const float t0 = x2[r * 1536 + c];
            const float t1 = scale[(r / 256) * 1536 + c];
            const float t2 = t0 * t1;
            const float t3 = x3[(r / 256) * 1536 + c];
            const float t4 = t3;
            const float t5 = 0.00390625f * t4;
            const float t6 = t2 + t5;
            const float t7 = x[r * 1536 + c];
            const float t8 = (t7 - stats[c]) * q0[c] + beta[c];
            const float t9s = ba_sigmoid(t8);
            const float t9 = t6 * (t9s * (1.0f + t8 * (1.0f - t9s)));
            const float t10 = q1[c] * (t9 - q2[c] - (t7 - stats[c]) * q3[c]);
            dx[i] = t10;
        }
    }
}

/*
 * %1814 = slice(%1812) : f32[1,1536]  features.6.14.block.1.1
 * %1815 = reshape(%1814) : f32[1536]  features.6.14.block.1.1
 * %2872 = add(%2871, %1815) : f32[1536]  features.6.14.block.1.1.weight
 * 84 call sites share this function; the nodes and locations above are the first one's.
 * out %2872 -> G + 19252240
 * in  %1812 f32[2,1536] <- A + 89159680
 * in  %2871 f32[1536] <- G + 19252240 (features.6.14.block.1.1.weight)
 */
void k183_slice_acc(float *restrict grad /* [1536] */, const float *restrict x /* [2,1536] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 1536; j++) grad[o * 1536 + j] += x[o * 3072 + 1536 + j];
}

/*
 * %1816 = slice(%1812) : f32[1,1536]  features.6.14.block.1.1
 * %1817 = reshape(%1816) : f32[1536]  features.6.14.block.1.1
 * %2874 = add(%2873, %1817) : f32[1536]  features.6.14.block.1.1.bias
 * 84 call sites share this function; the nodes and locations above are the first one's.
 * out %2874 -> G + 19253776
 * in  %1812 f32[2,1536] <- A + 89159680
 * in  %2873 f32[1536] <- G + 19253776 (features.6.14.block.1.1.bias)
 */
void k184_slice_acc(float *restrict grad /* [1536] */, const float *restrict x /* [2,1536] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 1536; j++) grad[o * 1536 + j] += x[o * 3072 + 0 + j];
}

/*
 * %1829 = add_n(%1780, %1827) : f32[4,16,16,256]  features.6.13
 * %1877 = add_n(%1829, %1875) : f32[4,16,16,256]  features.6.12
 * %1925 = add_n(%1877, %1923) : f32[4,16,16,256]  features.6.11
 * %1973 = add_n(%1925, %1971) : f32[4,16,16,256]  features.6.10
 * %2021 = add_n(%1973, %2019) : f32[4,16,16,256]  features.6.9
 * %2069 = add_n(%2021, %2067) : f32[4,16,16,256]  features.6.8
 * %2117 = add_n(%2069, %2115) : f32[4,16,16,256]  features.6.7
 * %2165 = add_n(%2117, %2163) : f32[4,16,16,256]  features.6.6
 * %2166 = stochastic_depth_bwd(%2165, %1006) : f32[4,16,16,256]  features.6.6.stochastic_depth
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2166 -> A + 49545216
 * in  %1006 i32[1] <- io[8] (seed)
 * in  %1780 f32[4,16,16,256] <- A + 77856768
 * in  %1827 f32[4,16,16,256] <- A + 78118912
 * in  %1875 f32[4,16,16,256] <- A + 78381056
 * in  %1923 f32[4,16,16,256] <- A + 78643200
 * in  %1971 f32[4,16,16,256] <- A + 78905344
 * in  %2019 f32[4,16,16,256] <- A + 53477376
 * in  %2067 f32[4,16,16,256] <- A + 48758784
 * in  %2115 f32[4,16,16,256] <- A + 49020928
 * in  %2163 f32[4,16,16,256] <- A + 49283072
 */
void k185_add_n_stochastic_depth_bwd(
    float *restrict dx /* [4,16,16,256] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,256] */,
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
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 256; c++) {
            const long i = r * 256 + c;
            const float t0 = x[r * 256 + c];
            const float t1 = x2[r * 256 + c];
            const float t2 = t0 + t1;
            const float t3 = x3[r * 256 + c];
            const float t4 = t2 + t3;
            const float t5 = x4[r * 256 + c];
            const float t6 = t4 + t5;
            const float t7 = x5[r * 256 + c];
            const float t8 = t6 + t7;
            const float t9 = x6[r * 256 + c];
            const float t10 = t8 + t9;
            const float t11 = x7[r * 256 + c];
            const float t12 = t10 + t11;
            const float t13 = x8[r * 256 + c];
            const float t14 = t12 + t13;
            const float t15 = x9[r * 256 + c];
            const float t16 = t14 + t15;
            const float t17 = t16 * q0[r / 256];
            dx[i] = t17;
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
 * %2165 = add_n(%2117, %2163) : f32[4,16,16,256]  features.6.6
 * %2213 = add_n(%2165, %2211) : f32[4,16,16,256]  features.6.5
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2213 -> A + 49545216
 * in  %1780 f32[4,16,16,256] <- A + 77856768
 * in  %1827 f32[4,16,16,256] <- A + 78118912
 * in  %1875 f32[4,16,16,256] <- A + 78381056
 * in  %1923 f32[4,16,16,256] <- A + 78643200
 * in  %1971 f32[4,16,16,256] <- A + 78905344
 * in  %2019 f32[4,16,16,256] <- A + 53477376
 * in  %2067 f32[4,16,16,256] <- A + 48758784
 * in  %2115 f32[4,16,16,256] <- A + 49020928
 * in  %2163 f32[4,16,16,256] <- A + 49283072
 * in  %2211 f32[4,16,16,256] <- A + 31457280
 */
void k186_add_n(
    float *restrict y /* [4,16,16,256] */,
    const float *restrict x /* [4,16,16,256] */,
    const float *restrict x2 /* [4,16,16,256] */,
    const float *restrict x3 /* [4,16,16,256] */,
    const float *restrict x4 /* [4,16,16,256] */,
    const float *restrict x5 /* [4,16,16,256] */,
    const float *restrict x6 /* [4,16,16,256] */,
    const float *restrict x7 /* [4,16,16,256] */,
    const float *restrict x8 /* [4,16,16,256] */,
    const float *restrict x9 /* [4,16,16,256] */,
    const float *restrict x10 /* [4,16,16,256] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 256; c++) {
            const long i = r * 256 + c;
            const float t0 = x[r * 256 + c];
            const float t1 = x2[r * 256 + c];
            const float t2 = t0 + t1;
            const float t3 = x3[r * 256 + c];
            const float t4 = t2 + t3;
            const float t5 = x4[r * 256 + c];
            const float t6 = t4 + t5;
            const float t7 = x5[r * 256 + c];
            const float t8 = t6 + t7;
            const float t9 = x6[r * 256 + c];
            const float t10 = t8 + t9;
            const float t11 = x7[r * 256 + c];
            const float t12 = t10 + t11;
            const float t13 = x8[r * 256 + c];
            const float t14 = t12 + t13;
            const float t15 = x9[r * 256 + c];
            const float t16 = t14 + t15;
            const float t17 = x10[r * 256 + c];
            const float t18 = t16 + t17;
            y[i] = t18;
        }
    }
}

/*
 * %934 = bn_train(%926, %931, %927, %928) : f32[4,16,16,960]  features.6.0.block.1.1
 * %935 = silu(%934) : f32[4,16,16,960]  features.6.0.block.1.2
 * %2463 = mul(%2460, %935) : f32[4,16,16,960]  features.6.0.block.2
 * %2464 = reduce_sum(%2463) : f32[4,1,1,960]  features.6.0.block.2
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2464 -> A + 88920064
 * in  %926 f32[4,16,16,960] <- A + 79167488
 * in  %927 f32[960] <- M + 5449576 (features.6.0.block.1.1.weight)
 * in  %928 f32[960] <- M + 5450536 (features.6.0.block.1.1.bias)
 * in  %931 f32[2,960] <- A + 89295488
 * in  %2460 f32[4,16,16,960] <- A + 7864320
 */
void k187_bn_train_silu_mul_reduce_sum(
    float *restrict y /* [4,1,1,960] */,
    const float *restrict x /* [4,16,16,960] */,
    const float *restrict gamma /* [960] */,
    const float *restrict beta /* [960] */,
    const float *restrict stats /* [2,960] */,
    const float *restrict a /* [4,16,16,960] */) {
    /* sum over axes [1, 2] of [4, 16, 16, 960]: (4, 256, 960) -> (4, 960) */
    float q0[960];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 960; c++) {
        q0[c] = gamma[c] / sqrtf(stats[960 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[960];
        for (long q = 0; q < 960; q++) acc[q] = 0.0;
        for (long j = 0; j < 256; j++) {
            for (long q = 0; q < 960; q++) {
                const long r = o * 256 + j;
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
 * %934 = bn_train(%926, %931, %927, %928) : f32[4,16,16,960]  features.6.0.block.1.1
 * %2462 = mul(%2460, %948) : f32[4,16,16,960]  features.6.0.block.2
 * %2479 = expand(%2478) : f32[4,16,16,960]  features.6.0.block.2.avgpool
 * %2480 = scale(%2479) : f32[4,16,16,960]  features.6.0.block.2.avgpool
 * %2481 = add_n(%2462, %2480) : f32[4,16,16,960]  features.6.0.block.1.2
 * %2482 = silu_bwd(%2481, %934) : f32[4,16,16,960]  features.6.0.block.1.2
 * %2483 = bn_bwd_reduce(%2482, %926, %931) : f32[2,960]  features.6.0.block.1.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2483 -> A + 89204992
 * in  %926 f32[4,16,16,960] <- A + 79167488
 * in  %927 f32[960] <- M + 5449576 (features.6.0.block.1.1.weight)
 * in  %928 f32[960] <- M + 5450536 (features.6.0.block.1.1.bias)
 * in  %931 f32[2,960] <- A + 89295488
 * in  %948 f32[4,1,1,960] <- A + 89201152
 * in  %2460 f32[4,16,16,960] <- A + 7864320
 * in  %2478 f32[4,1,1,960] <- A + 89197312
 */
void k188_bn_train_mul_expand_scale_bn_bwd_reduce(
    float *restrict dstats /* [2,960] */,
    const float *restrict x /* [4,16,16,960] */,
    const float *restrict gamma /* [960] */,
    const float *restrict beta /* [960] */,
    const float *restrict stats /* [2,960] */,
    const float *restrict scale /* [4,1,1,960] */,
    const float *restrict x2 /* [4,16,16,960] */,
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
        for (long r = 1024L * ch / CHUNKS; r < 1024L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 960 + c];
                const float t1 = scale[(r / 256) * 960 + c];
                const float t2 = t0 * t1;
                const float t3 = x3[(r / 256) * 960 + c];
                const float t4 = t3;
                const float t5 = 0.00390625f * t4;
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
 * %934 = bn_train(%926, %931, %927, %928) : f32[4,16,16,960]  features.6.0.block.1.1
 * %2462 = mul(%2460, %948) : f32[4,16,16,960]  features.6.0.block.2
 * %2479 = expand(%2478) : f32[4,16,16,960]  features.6.0.block.2.avgpool
 * %2480 = scale(%2479) : f32[4,16,16,960]  features.6.0.block.2.avgpool
 * %2481 = add_n(%2462, %2480) : f32[4,16,16,960]  features.6.0.block.1.2
 * %2482 = silu_bwd(%2481, %934) : f32[4,16,16,960]  features.6.0.block.1.2
 * %2484 = bn_bwd_input(%2482, %926, %931, %927, %2483) : f32[4,16,16,960]  features.6.0.block.1.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2484 -> A + 11796480
 * in  %926 f32[4,16,16,960] <- A + 79167488
 * in  %927 f32[960] <- M + 5449576 (features.6.0.block.1.1.weight)
 * in  %928 f32[960] <- M + 5450536 (features.6.0.block.1.1.bias)
 * in  %931 f32[2,960] <- A + 89295488
 * in  %948 f32[4,1,1,960] <- A + 89201152
 * in  %2460 f32[4,16,16,960] <- A + 7864320
 * in  %2478 f32[4,1,1,960] <- A + 89197312
 * in  %2483 f32[2,960] <- A + 89204992
 */
void k189_bn_train_mul_expand_scale(
    float *restrict dx /* [4,16,16,960] */,
    const float *restrict x /* [4,16,16,960] */,
    const float *restrict gamma /* [960] */,
    const float *restrict beta /* [960] */,
    const float *restrict stats /* [2,960] */,
    const float *restrict scale /* [4,1,1,960] */,
    const float *restrict x2 /* [4,16,16,960] */,
    const float *restrict x3 /* [4,1,1,960] */,
    const float *restrict dstats /* [2,960] */) {
    float q0[960];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 960; c++) {
        q0[c] = gamma[c] / sqrtf(stats[960 + c] + 0.001f);
    }
    float q1[960], q2[960], q3[960];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 960; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[960 + c] + 0.001f));
        q2[c] = dstats[c] / 1024.0f;
        q3[c] = dstats[960 + c] / 1024.0f * (1.0f / sqrtf(stats[960 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 960; c++) {
            const long i = r * 960 + c;
            const float t0 = x2[r * 960 + c];
            const float t1 = scale[(r / 256) * 960 + c];
            const float t2 = t0 * t1;
            const float t3 = x3[(r / 256) * 960 + c];
            const float t4 = t3;
            const float t5 = 0.00390625f * t4;
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
 * %2485 = slice(%2483) : f32[1,960]  features.6.0.block.1.1
 * %2486 = reshape(%2485) : f32[960]  features.6.0.block.1.1
 * %2508 = add(%2507, %2486) : f32[960]  features.6.0.block.1.1.weight
 * 38 call sites share this function; the nodes and locations above are the first one's.
 * out %2508 -> G + 5449576
 * in  %2483 f32[2,960] <- A + 89204992
 * in  %2507 f32[960] <- G + 5449576 (features.6.0.block.1.1.weight)
 */
void k190_slice_acc(float *restrict grad /* [960] */, const float *restrict x /* [2,960] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 960; j++) grad[o * 960 + j] += x[o * 1920 + 960 + j];
}

/*
 * %2487 = slice(%2483) : f32[1,960]  features.6.0.block.1.1
 * %2488 = reshape(%2487) : f32[960]  features.6.0.block.1.1
 * %2510 = add(%2509, %2488) : f32[960]  features.6.0.block.1.1.bias
 * 38 call sites share this function; the nodes and locations above are the first one's.
 * out %2510 -> G + 5450536
 * in  %2483 f32[2,960] <- A + 89204992
 * in  %2509 f32[960] <- G + 5450536 (features.6.0.block.1.1.bias)
 */
void k191_slice_acc(float *restrict grad /* [960] */, const float *restrict x /* [2,960] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 960; j++) grad[o * 960 + j] += x[o * 1920 + 0 + j];
}
