/* Kernels k240 to k255 and their backward kernels. */
#include "kernels.h"

/*
 * %470 = bn_train(%462, %467, %463, %464) : f32[4,32,32,512]  features.4.5.block.1.1
 * %2952 = mul(%2950, %484) : f32[4,32,32,512]  features.4.5.block.2
 * %2969 = expand(%2968) : f32[4,32,32,512]  features.4.5.block.2.avgpool
 * %2970 = scale(%2969) : f32[4,32,32,512]  features.4.5.block.2.avgpool
 * %2971 = add_n(%2952, %2970) : f32[4,32,32,512]  features.4.5.block.1.2
 * %2972 = silu_bwd(%2971, %470) : f32[4,32,32,512]  features.4.5.block.1.2
 * %2974 = bn_bwd_input(%2972, %462, %467, %463, %2973) : f32[4,32,32,512]  features.4.5.block.1.1
 * 10 call sites share this function; the nodes and locations above are the first one's.
 * out %2974 -> A + 10485760
 * in  %462 f32[4,32,32,512] <- A + 153354240
 * in  %463 f32[512] <- M + 1721448 (features.4.5.block.1.1.weight)
 * in  %464 f32[512] <- M + 1721960 (features.4.5.block.1.1.bias)
 * in  %467 f32[2,512] <- A + 243878400
 * in  %484 f32[4,1,1,512] <- A + 243826432
 * in  %2950 f32[4,32,32,512] <- A + 8388608
 * in  %2968 f32[4,1,1,512] <- A + 243824384
 * in  %2973 f32[2,512] <- A + 243822336
 */
void k240_bn_train_mul_expand_scale(
    float *restrict dx /* [4,32,32,512] */,
    const float *restrict x /* [4,32,32,512] */,
    const float *restrict gamma /* [512] */,
    const float *restrict beta /* [512] */,
    const float *restrict stats /* [2,512] */,
    const float *restrict scale /* [4,1,1,512] */,
    const float *restrict x2 /* [4,32,32,512] */,
    const float *restrict x3 /* [4,1,1,512] */,
    const float *restrict dstats /* [2,512] */) {
    float q0[512];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q0[c] = gamma[c] / sqrtf(stats[512 + c] + 0.001f);
    }
    float q1[512], q2[512], q3[512];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 512; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[512 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[512 + c] / 4096.0f * (1.0f / sqrtf(stats[512 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 512; c++) {
            const long i = r * 512 + c;
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
            const float t10 = q1[c] * (t9 - q2[c] - (t7 - stats[c]) * q3[c]);
            dx[i] = t10;
        }
    }
}

/*
 * %231 = bn_train(%223, %228, %224, %225) : f32[4,32,32,256]  features.4.0.block.1.1
 * %232 = silu(%231) : f32[4,32,32,256]  features.4.0.block.1.2
 * %3192 = mul(%3189, %232) : f32[4,32,32,256]  features.4.0.block.2
 * %3193 = reduce_sum(%3192) : f32[4,1,1,256]  features.4.0.block.2
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3193 -> A + 242913280
 * in  %223 f32[4,32,32,256] <- A + 225705984
 * in  %224 f32[256] <- M + 923096 (features.4.0.block.1.1.weight)
 * in  %225 f32[256] <- M + 923352 (features.4.0.block.1.1.bias)
 * in  %228 f32[2,256] <- A + 243881984
 * in  %3189 f32[4,32,32,256] <- A + 8388608
 */
void k241_bn_train_silu_mul_reduce_sum(
    float *restrict y /* [4,1,1,256] */,
    const float *restrict x /* [4,32,32,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict a /* [4,32,32,256] */) {
    /* sum over axes [1, 2] of [4, 32, 32, 256]: (4, 1024, 256) -> (4, 256) */
    float q0[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q0[c] = gamma[c] / sqrtf(stats[256 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[256];
        for (long q = 0; q < 256; q++) acc[q] = 0.0;
        for (long j = 0; j < 1024; j++) {
            for (long q = 0; q < 256; q++) {
                const long r = o * 1024 + j;
                const long c = q;
                const float t0 = a[r * 256 + c];
                const float t1 = x[r * 256 + c];
                const float t2 = (t1 - stats[c]) * q0[c] + beta[c];
                const float t3 = t2 * ba_sigmoid(t2);
                const float t4 = t0 * t3;
                acc[q] += t4;
            }
        }
        for (long q = 0; q < 256; q++) y[o * 256 + q] = (float)(acc[q]);
    }
}

/*
 * %231 = bn_train(%223, %228, %224, %225) : f32[4,32,32,256]  features.4.0.block.1.1
 * %3191 = mul(%3189, %245) : f32[4,32,32,256]  features.4.0.block.2
 * %3208 = expand(%3207) : f32[4,32,32,256]  features.4.0.block.2.avgpool
 * %3209 = scale(%3208) : f32[4,32,32,256]  features.4.0.block.2.avgpool
 * %3210 = add_n(%3191, %3209) : f32[4,32,32,256]  features.4.0.block.1.2
 * %3211 = silu_bwd(%3210, %231) : f32[4,32,32,256]  features.4.0.block.1.2
 * %3212 = bn_bwd_reduce(%3211, %223, %228) : f32[2,256]  features.4.0.block.1.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3212 -> A + 243869184
 * in  %223 f32[4,32,32,256] <- A + 225705984
 * in  %224 f32[256] <- M + 923096 (features.4.0.block.1.1.weight)
 * in  %225 f32[256] <- M + 923352 (features.4.0.block.1.1.bias)
 * in  %228 f32[2,256] <- A + 243881984
 * in  %245 f32[4,1,1,256] <- A + 243868160
 * in  %3189 f32[4,32,32,256] <- A + 8388608
 * in  %3207 f32[4,1,1,256] <- A + 243867136
 */
void k242_bn_train_mul_expand_scale_bn_bwd_reduce(
    float *restrict dstats /* [2,256] */,
    const float *restrict x /* [4,32,32,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict scale /* [4,1,1,256] */,
    const float *restrict x2 /* [4,32,32,256] */,
    const float *restrict x3 /* [4,1,1,256] */) {
    float q0[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q0[c] = gamma[c] / sqrtf(stats[256 + c] + 0.001f);
    }
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
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 256 + c];
                const float t1 = scale[(r / 1024) * 256 + c];
                const float t2 = t0 * t1;
                const float t3 = x3[(r / 1024) * 256 + c];
                const float t4 = t3;
                const float t5 = 0.0009765625f * t4;
                const float t6 = t2 + t5;
                const float t7 = x[r * 256 + c];
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
 * %231 = bn_train(%223, %228, %224, %225) : f32[4,32,32,256]  features.4.0.block.1.1
 * %3191 = mul(%3189, %245) : f32[4,32,32,256]  features.4.0.block.2
 * %3208 = expand(%3207) : f32[4,32,32,256]  features.4.0.block.2.avgpool
 * %3209 = scale(%3208) : f32[4,32,32,256]  features.4.0.block.2.avgpool
 * %3210 = add_n(%3191, %3209) : f32[4,32,32,256]  features.4.0.block.1.2
 * %3211 = silu_bwd(%3210, %231) : f32[4,32,32,256]  features.4.0.block.1.2
 * %3213 = bn_bwd_input(%3211, %223, %228, %224, %3212) : f32[4,32,32,256]  features.4.0.block.1.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3213 -> A + 12582912
 * in  %223 f32[4,32,32,256] <- A + 225705984
 * in  %224 f32[256] <- M + 923096 (features.4.0.block.1.1.weight)
 * in  %225 f32[256] <- M + 923352 (features.4.0.block.1.1.bias)
 * in  %228 f32[2,256] <- A + 243881984
 * in  %245 f32[4,1,1,256] <- A + 243868160
 * in  %3189 f32[4,32,32,256] <- A + 8388608
 * in  %3207 f32[4,1,1,256] <- A + 243867136
 * in  %3212 f32[2,256] <- A + 243869184
 */
void k243_bn_train_mul_expand_scale(
    float *restrict dx /* [4,32,32,256] */,
    const float *restrict x /* [4,32,32,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict scale /* [4,1,1,256] */,
    const float *restrict x2 /* [4,32,32,256] */,
    const float *restrict x3 /* [4,1,1,256] */,
    const float *restrict dstats /* [2,256] */) {
    float q0[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q0[c] = gamma[c] / sqrtf(stats[256 + c] + 0.001f);
    }
    float q1[256], q2[256], q3[256];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 256; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[256 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[256 + c] / 4096.0f * (1.0f / sqrtf(stats[256 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 256; c++) {
            const long i = r * 256 + c;
            const float t0 = x2[r * 256 + c];
            const float t1 = scale[(r / 1024) * 256 + c];
            const float t2 = t0 * t1;
            const float t3 = x3[(r / 1024) * 256 + c];
            const float t4 = t3;
            const float t5 = 0.0009765625f * t4;
            const float t6 = t2 + t5;
            const float t7 = x[r * 256 + c];
            const float t8 = (t7 - stats[c]) * q0[c] + beta[c];
            const float t9s = ba_sigmoid(t8);
            const float t9 = t6 * (t9s * (1.0f + t8 * (1.0f - t9s)));
            const float t10 = q1[c] * (t9 - q2[c] - (t7 - stats[c]) * q3[c]);
            dx[i] = t10;
        }
    }
}

/*
 * %1095 = reduce_sumSquares(%98) : f32[1,1,1,1]  features.4.0.block.0.0.weight
 * %1096 = reshape(%1095) : f32[]  features.4.0.block.0.0.weight
 * %1097 = reduce_sumSquares(%100) : f32[1]  features.4.0.block.0.1.weight
 * %1098 = reshape(%1097) : f32[]  features.4.0.block.0.1.weight
 * %1099 = reduce_sumSquares(%102) : f32[1]  features.4.0.block.0.1.bias
 * %1100 = reshape(%1099) : f32[]  features.4.0.block.0.1.bias
 * %1101 = reduce_sumSquares(%106) : f32[1,1,1,1]  features.4.0.block.1.0.weight
 * %1102 = reshape(%1101) : f32[]  features.4.0.block.1.0.weight
 * %1103 = reduce_sumSquares(%108) : f32[1]  features.4.0.block.1.1.weight
 * %1104 = reshape(%1103) : f32[]  features.4.0.block.1.1.weight
 * %1105 = reduce_sumSquares(%110) : f32[1]  features.4.0.block.1.1.bias
 * %1106 = reshape(%1105) : f32[]  features.4.0.block.1.1.bias
 * ... and 802 more nodes of the same kinds
 * 1 values written, 407 read (flat over the state blocks)
 */
void k244_grad_norm(float *restrict coef, const float *restrict g, const float *restrict hyper) {
    /* global L2 norm of the summed gradients G[903896, 21171893), then torch's clip_grad_norm_ */
    enum { CHUNKS = 64, LANES = 32 };
    double part[CHUNKS];
    const long n = 20267997;
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
 * %2101 = adam_m(%2099, %98, %1908) : f32[256,64,1,1]  features.4.0.block.0.0.weight
 * %2102 = adam_v(%2100, %98, %1908) : f32[256,64,1,1]  features.4.0.block.0.0.weight
 * %2103 = adamw_update(%97, %2101, %2102, %0, %1) : f32[256,64,1,1]  features.4.0.block.0.0.weight
 * %2109 = adam_m(%2107, %100, %1908) : f32[256]  features.4.0.block.0.1.weight
 * %2110 = adam_v(%2108, %100, %1908) : f32[256]  features.4.0.block.0.1.weight
 * %2111 = adamw_update(%99, %2109, %2110, %0, %1) : f32[256]  features.4.0.block.0.1.weight
 * %2117 = adam_m(%2115, %102, %1908) : f32[256]  features.4.0.block.0.1.bias
 * %2118 = adam_v(%2116, %102, %1908) : f32[256]  features.4.0.block.0.1.bias
 * %2119 = adamw_update(%101, %2117, %2118, %0, %1) : f32[256]  features.4.0.block.0.1.bias
 * %2129 = adam_m(%2127, %106, %1908) : f32[256,1,3,3]  features.4.0.block.1.0.weight
 * %2130 = adam_v(%2128, %106, %1908) : f32[256,1,3,3]  features.4.0.block.1.0.weight
 * %2131 = adamw_update(%105, %2129, %2130, %0, %1) : f32[256,1,3,3]  features.4.0.block.1.0.weight
 * ... and 1206 more nodes of the same kinds
 * 1624 values written, 1627 read (flat over the state blocks)
 */
void k245_adamw(
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
        /* step-count group 0: [20177488, 21171893) */
        const float step = lr / bc[0], root_bc2 = sqrtf(bc[1]);
        #pragma omp parallel for simd schedule(static)
        for (long j = 20177488; j < 21171893; j++) {
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
        /* step-count group 1: [5285416, 20177488) */
        const float step = lr / bc[2], root_bc2 = sqrtf(bc[3]);
        #pragma omp parallel for simd schedule(static)
        for (long j = 5285416; j < 20177488; j++) {
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
        /* step-count group 2: [903896, 5285416) */
        const float step = lr / bc[4], root_bc2 = sqrtf(bc[5]);
        #pragma omp parallel for simd schedule(static)
        for (long j = 903896; j < 5285416; j++) {
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
 * %8 = bn_stats(%3) : f32[2,24]  features.0.1
 * %9 = running_mean_update(%6, %8) : f32[24]  features.0.1
 * %10 = running_var_update(%7, %8) : f32[24]  features.0.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %8 -> A + 371836736
 * out %9 -> M + 21171893
 * out %10 -> M + 21171917
 * in  %3 f32[4,256,256,24] <- A + 62914560
 * in  %6 f32[24] <- M + 21171893 (features.0.1.running_mean)
 * in  %7 f32[24] <- M + 21171917 (features.0.1.running_var)
 */
void k246_bn_stats_running(
    float *restrict stats /* [2,24] */,
    float *restrict running_mean /* [24] */,
    float *restrict running_var /* [24] */,
    const float *restrict x /* [4,256,256,24] */) {
    enum { C = 24, CHUNKS = 64 };
    double *part = malloc(sizeof(double) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }
        for (long r = 262144L * ch / CHUNKS; r < 262144L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x[r * 24 + c];
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
        const double mean = s0 / 262144.0, var = fmax(s1 / 262144.0 - mean * mean, 0.0);
        stats[c] = (float)mean;
        stats[C + c] = (float)var;
        running_mean[c] = (float)(0.9f * (double)running_mean[c] + 0.1f * mean);  /* running mean */
        running_var[c] = (float)(0.9f * (double)running_var[c] + 0.1f * var * 1.0000038147118175);  /* running var (unbiased) */
    }
    free(sums);
    free(part);
}

/*
 * %11 = bn_train(%3, %8, %4, %5) : f32[4,256,256,24]  features.0.1
 * %12 = silu(%11) : f32[4,256,256,24]  features.0.2
 * out %12 -> A + 69206016
 * in  %3 f32[4,256,256,24] <- A + 62914560
 * in  %4 f32[24] <- M + 648 (features.0.1.weight)
 * in  %5 f32[24] <- M + 672 (features.0.1.bias)
 * in  %8 f32[2,24] <- A + 371836736
 */
void k247_bn_train_silu(
    float *restrict y /* [4,256,256,24] */,
    const float *restrict x /* [4,256,256,24] */,
    const float *restrict gamma /* [24] */,
    const float *restrict beta /* [24] */,
    const float *restrict stats /* [2,24] */) {
    float q0[24];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 24; c++) {
        q0[c] = gamma[c] / sqrtf(stats[24 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 262144; r++) {
        #pragma omp simd
        for (long c = 0; c < 24; c++) {
            const long i = r * 24 + c;
            const float t0 = x[r * 24 + c];
            const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
            const float t2 = t1 * ba_sigmoid(t1);
            y[i] = t2;
        }
    }
}

/*
 * %22 = bn_train(%14, %19, %15, %16) : f32[4,256,256,24]  features.1.0.block.0.1
 * %23 = silu(%22) : f32[4,256,256,24]  features.1.0.block.0.2
 * %24 = add(%23, %12) : f32[4,256,256,24]  features.1.0
 * out %24 -> A + 81788928
 * in  %12 f32[4,256,256,24] <- A + 69206016
 * in  %14 f32[4,256,256,24] <- A + 75497472
 * in  %15 f32[24] <- M + 5880 (features.1.0.block.0.1.weight)
 * in  %16 f32[24] <- M + 5904 (features.1.0.block.0.1.bias)
 * in  %19 f32[2,24] <- A + 371836784
 */
void k248_bn_train_silu_add(
    float *restrict y /* [4,256,256,24] */,
    const float *restrict b /* [4,256,256,24] */,
    const float *restrict x /* [4,256,256,24] */,
    const float *restrict gamma /* [24] */,
    const float *restrict beta /* [24] */,
    const float *restrict stats /* [2,24] */) {
    float q0[24];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 24; c++) {
        q0[c] = gamma[c] / sqrtf(stats[24 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 262144; r++) {
        #pragma omp simd
        for (long c = 0; c < 24; c++) {
            const long i = r * 24 + c;
            const float t0 = x[r * 24 + c];
            const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
            const float t2 = t1 * ba_sigmoid(t1);
            const float t3 = b[r * 24 + c];
            const float t4 = t2 + t3;
            y[i] = t4;
        }
    }
}

/*
 * %34 = bn_train(%26, %31, %27, %28) : f32[4,256,256,24]  features.1.1.block.0.1
 * %35 = silu(%34) : f32[4,256,256,24]  features.1.1.block.0.2
 * %37 = stochastic_depth(%35, %36) : f32[4,256,256,24]  features.1.1.stochastic_depth
 * %38 = add(%37, %24) : f32[4,256,256,24]  features.1.1
 * out %38 -> A + 94371840
 * in  %24 f32[4,256,256,24] <- A + 81788928
 * in  %26 f32[4,256,256,24] <- A + 88080384
 * in  %27 f32[24] <- M + 11112 (features.1.1.block.0.1.weight)
 * in  %28 f32[24] <- M + 11136 (features.1.1.block.0.1.bias)
 * in  %31 f32[2,24] <- A + 371836832
 * in  %36 i32[1] <- io[8] (seed)
 */
void k249_bn_train_silu_stochastic_depth_add(
    float *restrict y /* [4,256,256,24] */,
    const float *restrict b /* [4,256,256,24] */,
    const float *restrict x /* [4,256,256,24] */,
    const float *restrict gamma /* [24] */,
    const float *restrict beta /* [24] */,
    const float *restrict stats /* [2,24] */,
    const int32_t *restrict seed /* [1] */,
    uint32_t salt,
    float rate) {
    float q0[24];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 24; c++) {
        q0[c] = gamma[c] / sqrtf(stats[24 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 262144; r++) {
        #pragma omp simd
        for (long c = 0; c < 24; c++) {
            const long i = r * 24 + c;
            const float t0 = x[r * 24 + c];
            const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
            const float t2 = t1 * ba_sigmoid(t1);
            const float t3 = t2 * q1[r / 65536];
            const float t4 = b[r * 24 + c];
            const float t5 = t3 + t4;
            y[i] = t5;
        }
    }
}

/*
 * %45 = bn_stats(%40) : f32[2,96]  features.2.0.block.0.1
 * %46 = running_mean_update(%43, %45) : f32[96]  features.2.0.block.0.1
 * %47 = running_var_update(%44, %45) : f32[96]  features.2.0.block.0.1
 * out %45 -> A + 371831104
 * out %46 -> M + 21172037
 * out %47 -> M + 21172133
 * in  %40 f32[4,128,128,96] <- A + 100663296
 * in  %43 f32[96] <- M + 21172037 (features.2.0.block.0.1.running_mean)
 * in  %44 f32[96] <- M + 21172133 (features.2.0.block.0.1.running_var)
 */
void k250_bn_stats_running(
    float *restrict stats /* [2,96] */,
    float *restrict running_mean /* [96] */,
    float *restrict running_var /* [96] */,
    const float *restrict x /* [4,128,128,96] */) {
    enum { C = 96, CHUNKS = 64 };
    double *part = malloc(sizeof(double) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }
        for (long r = 65536L * ch / CHUNKS; r < 65536L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x[r * 96 + c];
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
        const double mean = s0 / 65536.0, var = fmax(s1 / 65536.0 - mean * mean, 0.0);
        stats[c] = (float)mean;
        stats[C + c] = (float)var;
        running_mean[c] = (float)(0.9f * (double)running_mean[c] + 0.1f * mean);  /* running mean */
        running_var[c] = (float)(0.9f * (double)running_var[c] + 0.1f * var * 1.0000152590218967);  /* running var (unbiased) */
    }
    free(sums);
    free(part);
}

/*
 * %48 = bn_train(%40, %45, %41, %42) : f32[4,128,128,96]  features.2.0.block.0.1
 * %49 = silu(%48) : f32[4,128,128,96]  features.2.0.block.0.2
 * %51 = conv2d(%49, %50) : f32[4,128,128,48]  features.2.0.block.1.0
 * out %51 -> A + 209190912
 * in  %40 f32[4,128,128,96] <- A + 100663296
 * in  %41 f32[96] <- M + 31896 (features.2.0.block.0.1.weight)
 * in  %42 f32[96] <- M + 31992 (features.2.0.block.0.1.bias)
 * in  %45 f32[2,96] <- A + 371831104
 * in  %50 f32[48,96,1,1] <- M + 32088 (features.2.0.block.1.0.weight)
 */
void k251_bn_train_silu_conv1x1(
    float *restrict y /* [4,128,128,48] */,
    const float *restrict x /* [4,128,128,96] */,
    const float *restrict gamma /* [96] */,
    const float *restrict beta /* [96] */,
    const float *restrict stats /* [2,96] */,
    const float *restrict w /* [48,96,1,1] */) {
    /* y (65536, 48) = f(x) (65536, 96) · wᵀ: tiles of 656 rows of f(x) computed into scratch, one sgemm each */
    float q0[96];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 96; c++) {
        q0[c] = gamma[c] / sqrtf(stats[96 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 48, 96, w, 96);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 62976);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 100; t++) {
            const long m0 = t * 656, rows = m0 + 656 <= 65536 ? 656 : 65536 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 96; c++) {
                    const float t0 = x[r * 96 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    tile[(r - m0) * 96 + c] = t2;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 48, 96, 1.0f, tile, 96, w_f32, 0.0f, y + m0 * 48, 48);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %56 = bn_stats(%51) : f32[2,48]  features.2.0.block.1.1
 * %57 = running_mean_update(%54, %56) : f32[48]  features.2.0.block.1.1
 * %58 = running_var_update(%55, %56) : f32[48]  features.2.0.block.1.1
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %56 -> A + 371836224
 * out %57 -> M + 21172229
 * out %58 -> M + 21172277
 * in  %51 f32[4,128,128,48] <- A + 209190912
 * in  %54 f32[48] <- M + 21172229 (features.2.0.block.1.1.running_mean)
 * in  %55 f32[48] <- M + 21172277 (features.2.0.block.1.1.running_var)
 */
void k252_bn_stats_running(
    float *restrict stats /* [2,48] */,
    float *restrict running_mean /* [48] */,
    float *restrict running_var /* [48] */,
    const float *restrict x /* [4,128,128,48] */) {
    enum { C = 48, CHUNKS = 64 };
    double *part = malloc(sizeof(double) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }
        for (long r = 65536L * ch / CHUNKS; r < 65536L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x[r * 48 + c];
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
        const double mean = s0 / 65536.0, var = fmax(s1 / 65536.0 - mean * mean, 0.0);
        stats[c] = (float)mean;
        stats[C + c] = (float)var;
        running_mean[c] = (float)(0.9f * (double)running_mean[c] + 0.1f * mean);  /* running mean */
        running_var[c] = (float)(0.9f * (double)running_var[c] + 0.1f * var * 1.0000152590218967);  /* running var (unbiased) */
    }
    free(sums);
    free(part);
}

/*
 * %59 = bn_train(%51, %56, %52, %53) : f32[4,128,128,48]  features.2.0.block.1.1
 * out %59 -> A + 212336640
 * in  %51 f32[4,128,128,48] <- A + 209190912
 * in  %52 f32[48] <- M + 36696 (features.2.0.block.1.1.weight)
 * in  %53 f32[48] <- M + 36744 (features.2.0.block.1.1.bias)
 * in  %56 f32[2,48] <- A + 371836224
 */
void k253_bn_train(
    float *restrict y /* [4,128,128,48] */,
    const float *restrict x /* [4,128,128,48] */,
    const float *restrict gamma /* [48] */,
    const float *restrict beta /* [48] */,
    const float *restrict stats /* [2,48] */) {
    float q0[48];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 48; c++) {
        q0[c] = gamma[c] / sqrtf(stats[48 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 65536; r++) {
        #pragma omp simd
        for (long c = 0; c < 48; c++) {
            const long i = r * 48 + c;
            const float t0 = x[r * 48 + c];
            const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
            y[i] = t1;
        }
    }
}

/*
 * %66 = bn_stats(%61) : f32[2,192]  features.2.1.block.0.1
 * %67 = running_mean_update(%64, %66) : f32[192]  features.2.1.block.0.1
 * %68 = running_var_update(%65, %66) : f32[192]  features.2.1.block.0.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %66 -> A + 371817984
 * out %67 -> M + 21172325
 * out %68 -> M + 21172517
 * in  %61 f32[4,128,128,192] <- A + 0
 * in  %64 f32[192] <- M + 21172325 (features.2.1.block.0.1.running_mean)
 * in  %65 f32[192] <- M + 21172517 (features.2.1.block.0.1.running_var)
 */
void k254_bn_stats_running(
    float *restrict stats /* [2,192] */,
    float *restrict running_mean /* [192] */,
    float *restrict running_var /* [192] */,
    const float *restrict x /* [4,128,128,192] */) {
    enum { C = 192, CHUNKS = 64 };
    double *part = malloc(sizeof(double) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }
        for (long r = 65536L * ch / CHUNKS; r < 65536L * (ch + 1) / CHUNKS; r++) {
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
        const double mean = s0 / 65536.0, var = fmax(s1 / 65536.0 - mean * mean, 0.0);
        stats[c] = (float)mean;
        stats[C + c] = (float)var;
        running_mean[c] = (float)(0.9f * (double)running_mean[c] + 0.1f * mean);  /* running mean */
        running_var[c] = (float)(0.9f * (double)running_var[c] + 0.1f * var * 1.0000152590218967);  /* running var (unbiased) */
    }
    free(sums);
    free(part);
}

/*
 * %69 = bn_train(%61, %66, %62, %63) : f32[4,128,128,192]  features.2.1.block.0.1
 * %70 = silu(%69) : f32[4,128,128,192]  features.2.1.block.0.2
 * %72 = conv2d(%70, %71) : f32[4,128,128,48]  features.2.1.block.1.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %72 -> A + 215482368
 * in  %61 f32[4,128,128,192] <- A + 0
 * in  %62 f32[192] <- M + 119736 (features.2.1.block.0.1.weight)
 * in  %63 f32[192] <- M + 119928 (features.2.1.block.0.1.bias)
 * in  %66 f32[2,192] <- A + 371817984
 * in  %71 f32[48,192,1,1] <- M + 120120 (features.2.1.block.1.0.weight)
 */
void k255_bn_train_silu_conv1x1(
    float *restrict y /* [4,128,128,48] */,
    const float *restrict x /* [4,128,128,192] */,
    const float *restrict gamma /* [192] */,
    const float *restrict beta /* [192] */,
    const float *restrict stats /* [2,192] */,
    const float *restrict w /* [48,192,1,1] */) {
    /* y (65536, 48) = f(x) (65536, 192) · wᵀ: tiles of 335 rows of f(x) computed into scratch, one sgemm each */
    float q0[192];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 192; c++) {
        q0[c] = gamma[c] / sqrtf(stats[192 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 48, 192, w, 192);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 64320);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 196; t++) {
            const long m0 = t * 335, rows = m0 + 335 <= 65536 ? 335 : 65536 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 192; c++) {
                    const float t0 = x[r * 192 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    tile[(r - m0) * 192 + c] = t2;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 48, 192, 1.0f, tile, 192, w_f32, 0.0f, y + m0 * 48, 48);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %3310 = stochastic_depth_bwd(%3308, %36) : f32[4,128,128,48]  features.2.3.stochastic_depth
 * %3311 = bn_bwd_reduce(%3310, %118, %123) : f32[2,48]  features.2.3.block.1.1
 * out %3311 -> A + 371831296
 * in  %36 i32[1] <- io[8] (seed)
 * in  %118 f32[4,128,128,48] <- A + 228065280
 * in  %123 f32[2,48] <- A + 371836512
 * in  %3308 f32[4,128,128,48] <- A + 106954752
 */
void k252b_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,48] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,128,128,48] */,
    const float *restrict stats /* [2,48] */,
    const float *restrict dy /* [4,128,128,48] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[48];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 48; c++) {
        q1[c] = 1.0f / sqrtf(stats[48 + c] + 0.001f);
    }
    enum { C = 48, CHUNKS = 256 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 65536L * ch / CHUNKS; r < 65536L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = dy[r * 48 + c];
                const float t1 = t0 * q0[r / 16384];
                const float t2 = x[r * 48 + c];
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
 * %3310 = stochastic_depth_bwd(%3308, %36) : f32[4,128,128,48]  features.2.3.stochastic_depth
 * %3312 = bn_bwd_input(%3310, %118, %123, %119, %3311) : f32[4,128,128,48]  features.2.3.block.1.1
 * out %3312 -> A + 50331648
 * in  %36 i32[1] <- io[8] (seed)
 * in  %118 f32[4,128,128,48] <- A + 228065280
 * in  %119 f32[48] <- M + 314616 (features.2.3.block.1.1.weight)
 * in  %123 f32[2,48] <- A + 371836512
 * in  %3308 f32[4,128,128,48] <- A + 106954752
 * in  %3311 f32[2,48] <- A + 371831296
 */
void k252b_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,128,128,48] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,128,128,48] */,
    const float *restrict gamma /* [48] */,
    const float *restrict stats /* [2,48] */,
    const float *restrict dy /* [4,128,128,48] */,
    const float *restrict dstats /* [2,48] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[48], q2[48], q3[48];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 48; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[48 + c] + 0.001f));
        q2[c] = dstats[c] / 65536.0f;
        q3[c] = dstats[48 + c] / 65536.0f * (1.0f / sqrtf(stats[48 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 65536; r++) {
        #pragma omp simd
        for (long c = 0; c < 48; c++) {
            const long i = r * 48 + c;
            const float t0 = dy[r * 48 + c];
            const float t1 = t0 * q0[r / 16384];
            const float t2 = x[r * 48 + c];
            const float t3 = q1[c] * (t1 - q2[c] - (t2 - stats[c]) * q3[c]);
            dx[i] = t3;
        }
    }
}

/*
 * %3313 = slice(%3311) : f32[1,48]  features.2.3.block.1.1
 * %3314 = reshape(%3313) : f32[48]  features.2.3.block.1.1
 * %3476 = add(%3475, %3314) : f32[48]  features.2.3.block.1.1.weight
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %3476 -> G + 314616
 * in  %3311 f32[2,48] <- A + 371831296
 * in  %3475 f32[48] <- G + 314616 (features.2.3.block.1.1.weight)
 */
void k252b_slice_acc(float *restrict grad /* [48] */, const float *restrict x /* [2,48] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 48; j++) grad[o * 48 + j] += x[o * 96 + 48 + j];
}

/*
 * %3315 = slice(%3311) : f32[1,48]  features.2.3.block.1.1
 * %3316 = reshape(%3315) : f32[48]  features.2.3.block.1.1
 * %3478 = add(%3477, %3316) : f32[48]  features.2.3.block.1.1.bias
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %3478 -> G + 314664
 * in  %3311 f32[2,48] <- A + 371831296
 * in  %3477 f32[48] <- G + 314664 (features.2.3.block.1.1.bias)
 */
void k252b2_slice_acc(float *restrict grad /* [48] */, const float *restrict x /* [2,48] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 48; j++) grad[o * 48 + j] += x[o * 96 + 0 + j];
}

/*
 * %3317 = conv2d_bwd_input(%3312, %117) : f32[4,128,128,192]  features.2.3.block.1.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %3317 -> A + 37748736
 * in  %3312 f32[4,128,128,48] <- A + 50331648
 * in  %117 f32[48,192,1,1] <- M + 305400 (features.2.3.block.1.0.weight)
 */
void k255b_conv1x1_bwd_input(
    float *restrict dx /* [4,128,128,192] */,
    const float *restrict dy /* [4,128,128,48] */,
    const float *restrict w /* [48,192,1,1] */) {
    /* dx of x (4,128,128,192) w (48,192,1,1) y (4,128,128,48) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    /* the weight packed once; tiles of 348 rows in parallel */
    float *w_f32 = breastai_gemm_f32_pack(CblasNoTrans, 192, 48, w, 192);  /* packed once for every tile */
    #pragma omp parallel for schedule(static)
    for (long t = 0; t < 189; t++) {
        const long m0 = t * 348, rows = m0 + 348 <= 65536 ? 348 : 65536 - m0;
        breastai_gemm_f32_packed(CblasNoTrans, rows, 192, 48, 1.0f, dy + m0 * 48, 48, w_f32, 0.0f, dx + m0 * 192, 192);
    }
    free(w_f32);
}

/*
 * %115 = bn_train(%107, %112, %108, %109) : f32[4,128,128,192]  features.2.3.block.0.1
 * %116 = silu(%115) : f32[4,128,128,192]  features.2.3.block.0.2
 * %3318 = conv2d_bwd_weight(%3312, %116) : f32[48,192,1,1]  features.2.3.block.1.0
 * %3474 = add(%3473, %3318) : f32[48,192,1,1]  features.2.3.block.1.0.weight
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %3474 -> G + 305400
 * in  %107 f32[4,128,128,192] <- A + 25165824
 * in  %108 f32[192] <- M + 305016 (features.2.3.block.0.1.weight)
 * in  %109 f32[192] <- M + 305208 (features.2.3.block.0.1.bias)
 * in  %112 f32[2,192] <- A + 371818752
 * in  %3312 f32[4,128,128,48] <- A + 50331648
 * in  %3473 f32[48,192,1,1] <- G + 305400 (features.2.3.block.1.0.weight)
 */
void k255b_bn_train_silu_conv1x1_bwd_weight_acc(
    float *restrict grad /* [48,192,1,1] */,
    const float *restrict x /* [4,128,128,192] */,
    const float *restrict gamma /* [192] */,
    const float *restrict beta /* [192] */,
    const float *restrict stats /* [2,192] */,
    const float *restrict dy /* [4,128,128,48] */) {
    /* dw (48, 192) += dyᵀ (48, 65536) · f(x) (65536, 192), f(x) recomputed in tiles of 335 rows */
    float q0[192];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 192; c++) {
        q0[c] = gamma[c] / sqrtf(stats[192 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 9216);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 9216;
        float *restrict tile = malloc(sizeof(float) * 64320);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 196; t++) {
            const long m0 = t * 335, rows = m0 + 335 <= 65536 ? 335 : 65536 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 192; c++) {
                    const float t0 = x[r * 192 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    tile[(r - m0) * 192 + c] = t2;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 48, 192, rows, 1.0f, dy + m0 * 48, 48, tile, 192, first ? 0.0f : 1.0f, mine, 192);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 9216);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 9216; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 9216 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %115 = bn_train(%107, %112, %108, %109) : f32[4,128,128,192]  features.2.3.block.0.1
 * %3319 = silu_bwd(%3317, %115) : f32[4,128,128,192]  features.2.3.block.0.2
 * %3320 = bn_bwd_reduce(%3319, %107, %112) : f32[2,192]  features.2.3.block.0.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %3320 -> A + 370839552
 * in  %107 f32[4,128,128,192] <- A + 25165824
 * in  %108 f32[192] <- M + 305016 (features.2.3.block.0.1.weight)
 * in  %109 f32[192] <- M + 305208 (features.2.3.block.0.1.bias)
 * in  %112 f32[2,192] <- A + 371818752
 * in  %3317 f32[4,128,128,192] <- A + 37748736
 */
void k254b_bn_train_silu_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,192] */,
    const float *restrict x /* [4,128,128,192] */,
    const float *restrict gamma /* [192] */,
    const float *restrict beta /* [192] */,
    const float *restrict stats /* [2,192] */,
    const float *restrict dy /* [4,128,128,192] */) {
    float q0[192];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 192; c++) {
        q0[c] = gamma[c] / sqrtf(stats[192 + c] + 0.001f);
    }
    float q1[192];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 192; c++) {
        q1[c] = 1.0f / sqrtf(stats[192 + c] + 0.001f);
    }
    enum { C = 192, CHUNKS = 256 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 65536L * ch / CHUNKS; r < 65536L * (ch + 1) / CHUNKS; r++) {
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
 * %115 = bn_train(%107, %112, %108, %109) : f32[4,128,128,192]  features.2.3.block.0.1
 * %3319 = silu_bwd(%3317, %115) : f32[4,128,128,192]  features.2.3.block.0.2
 * %3321 = bn_bwd_input(%3319, %107, %112, %108, %3320) : f32[4,128,128,192]  features.2.3.block.0.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %3321 -> A + 50331648
 * in  %107 f32[4,128,128,192] <- A + 25165824
 * in  %108 f32[192] <- M + 305016 (features.2.3.block.0.1.weight)
 * in  %109 f32[192] <- M + 305208 (features.2.3.block.0.1.bias)
 * in  %112 f32[2,192] <- A + 371818752
 * in  %3317 f32[4,128,128,192] <- A + 37748736
 * in  %3320 f32[2,192] <- A + 370839552
 */
void k254b_bn_train_silu_bwd_bn_bwd_input(
    float *restrict dx /* [4,128,128,192] */,
    const float *restrict x /* [4,128,128,192] */,
    const float *restrict gamma /* [192] */,
    const float *restrict beta /* [192] */,
    const float *restrict stats /* [2,192] */,
    const float *restrict dy /* [4,128,128,192] */,
    const float *restrict dstats /* [2,192] */) {
    float q0[192];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 192; c++) {
        q0[c] = gamma[c] / sqrtf(stats[192 + c] + 0.001f);
    }
    float q1[192], q2[192], q3[192];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 192; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[192 + c] + 0.001f));
        q2[c] = dstats[c] / 65536.0f;
        q3[c] = dstats[192 + c] / 65536.0f * (1.0f / sqrtf(stats[192 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 65536; r++) {
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
 * %3328 = add_n(%3308, %3326) : f32[4,128,128,48]  features.2.2
 * %3329 = stochastic_depth_bwd(%3328, %36) : f32[4,128,128,48]  features.2.2.stochastic_depth
 * %3330 = bn_bwd_reduce(%3329, %95, %100) : f32[2,48]  features.2.2.block.1.1
 * out %3330 -> A + 371831296
 * in  %36 i32[1] <- io[8] (seed)
 * in  %95 f32[4,128,128,48] <- A + 221773824
 * in  %100 f32[2,48] <- A + 371836416
 * in  %3308 f32[4,128,128,48] <- A + 106954752
 * in  %3326 f32[4,128,128,48] <- A + 110100480
 */
void k252b_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,48] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,128,128,48] */,
    const float *restrict stats /* [2,48] */,
    const float *restrict x2 /* [4,128,128,48] */,
    const float *restrict x3 /* [4,128,128,48] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[48];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 48; c++) {
        q1[c] = 1.0f / sqrtf(stats[48 + c] + 0.001f);
    }
    enum { C = 48, CHUNKS = 256 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 65536L * ch / CHUNKS; r < 65536L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 48 + c];
                const float t1 = x3[r * 48 + c];
                const float t2 = t0 + t1;
                const float t3 = t2 * q0[r / 16384];
                const float t4 = x[r * 48 + c];
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
 * %3328 = add_n(%3308, %3326) : f32[4,128,128,48]  features.2.2
 * %3329 = stochastic_depth_bwd(%3328, %36) : f32[4,128,128,48]  features.2.2.stochastic_depth
 * %3331 = bn_bwd_input(%3329, %95, %100, %96, %3330) : f32[4,128,128,48]  features.2.2.block.1.1
 * out %3331 -> A + 37748736
 * in  %36 i32[1] <- io[8] (seed)
 * in  %95 f32[4,128,128,48] <- A + 221773824
 * in  %96 f32[48] <- M + 221976 (features.2.2.block.1.1.weight)
 * in  %100 f32[2,48] <- A + 371836416
 * in  %3308 f32[4,128,128,48] <- A + 106954752
 * in  %3326 f32[4,128,128,48] <- A + 110100480
 * in  %3330 f32[2,48] <- A + 371831296
 */
void k252b_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,128,128,48] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,128,128,48] */,
    const float *restrict gamma /* [48] */,
    const float *restrict stats /* [2,48] */,
    const float *restrict x2 /* [4,128,128,48] */,
    const float *restrict x3 /* [4,128,128,48] */,
    const float *restrict dstats /* [2,48] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[48], q2[48], q3[48];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 48; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[48 + c] + 0.001f));
        q2[c] = dstats[c] / 65536.0f;
        q3[c] = dstats[48 + c] / 65536.0f * (1.0f / sqrtf(stats[48 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 65536; r++) {
        #pragma omp simd
        for (long c = 0; c < 48; c++) {
            const long i = r * 48 + c;
            const float t0 = x2[r * 48 + c];
            const float t1 = x3[r * 48 + c];
            const float t2 = t0 + t1;
            const float t3 = t2 * q0[r / 16384];
            const float t4 = x[r * 48 + c];
            const float t5 = q1[c] * (t3 - q2[c] - (t4 - stats[c]) * q3[c]);
            dx[i] = t5;
        }
    }
}

/*
 * %3328 = add_n(%3308, %3326) : f32[4,128,128,48]  features.2.2
 * %3347 = add_n(%3328, %3345) : f32[4,128,128,48]  features.2.1
 * %3348 = stochastic_depth_bwd(%3347, %36) : f32[4,128,128,48]  features.2.1.stochastic_depth
 * %3349 = bn_bwd_reduce(%3348, %72, %77) : f32[2,48]  features.2.1.block.1.1
 * out %3349 -> A + 371831296
 * in  %36 i32[1] <- io[8] (seed)
 * in  %72 f32[4,128,128,48] <- A + 215482368
 * in  %77 f32[2,48] <- A + 371836320
 * in  %3308 f32[4,128,128,48] <- A + 106954752
 * in  %3326 f32[4,128,128,48] <- A + 110100480
 * in  %3345 f32[4,128,128,48] <- A + 50331648
 */
void k252b2_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,48] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,128,128,48] */,
    const float *restrict stats /* [2,48] */,
    const float *restrict x2 /* [4,128,128,48] */,
    const float *restrict x3 /* [4,128,128,48] */,
    const float *restrict x4 /* [4,128,128,48] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[48];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 48; c++) {
        q1[c] = 1.0f / sqrtf(stats[48 + c] + 0.001f);
    }
    enum { C = 48, CHUNKS = 256 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 65536L * ch / CHUNKS; r < 65536L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 48 + c];
                const float t1 = x3[r * 48 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 48 + c];
                const float t4 = t2 + t3;
                const float t5 = t4 * q0[r / 16384];
                const float t6 = x[r * 48 + c];
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
 * %3328 = add_n(%3308, %3326) : f32[4,128,128,48]  features.2.2
 * %3347 = add_n(%3328, %3345) : f32[4,128,128,48]  features.2.1
 * %3348 = stochastic_depth_bwd(%3347, %36) : f32[4,128,128,48]  features.2.1.stochastic_depth
 * %3350 = bn_bwd_input(%3348, %72, %77, %73, %3349) : f32[4,128,128,48]  features.2.1.block.1.1
 * out %3350 -> A + 53477376
 * in  %36 i32[1] <- io[8] (seed)
 * in  %72 f32[4,128,128,48] <- A + 215482368
 * in  %73 f32[48] <- M + 129336 (features.2.1.block.1.1.weight)
 * in  %77 f32[2,48] <- A + 371836320
 * in  %3308 f32[4,128,128,48] <- A + 106954752
 * in  %3326 f32[4,128,128,48] <- A + 110100480
 * in  %3345 f32[4,128,128,48] <- A + 50331648
 * in  %3349 f32[2,48] <- A + 371831296
 */
void k252b2_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,128,128,48] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,128,128,48] */,
    const float *restrict gamma /* [48] */,
    const float *restrict stats /* [2,48] */,
    const float *restrict x2 /* [4,128,128,48] */,
    const float *restrict x3 /* [4,128,128,48] */,
    const float *restrict x4 /* [4,128,128,48] */,
    const float *restrict dstats /* [2,48] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[48], q2[48], q3[48];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 48; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[48 + c] + 0.001f));
        q2[c] = dstats[c] / 65536.0f;
        q3[c] = dstats[48 + c] / 65536.0f * (1.0f / sqrtf(stats[48 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 65536; r++) {
        #pragma omp simd
        for (long c = 0; c < 48; c++) {
            const long i = r * 48 + c;
            const float t0 = x2[r * 48 + c];
            const float t1 = x3[r * 48 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 48 + c];
            const float t4 = t2 + t3;
            const float t5 = t4 * q0[r / 16384];
            const float t6 = x[r * 48 + c];
            const float t7 = q1[c] * (t5 - q2[c] - (t6 - stats[c]) * q3[c]);
            dx[i] = t7;
        }
    }
}

/*
 * %3328 = add_n(%3308, %3326) : f32[4,128,128,48]  features.2.2
 * %3347 = add_n(%3328, %3345) : f32[4,128,128,48]  features.2.1
 * %3366 = add_n(%3347, %3364) : f32[4,128,128,48]  features.2.0.block.1.1
 * %3367 = bn_bwd_reduce(%3366, %51, %56) : f32[2,48]  features.2.0.block.1.1
 * out %3367 -> A + 371831296
 * in  %51 f32[4,128,128,48] <- A + 209190912
 * in  %56 f32[2,48] <- A + 371836224
 * in  %3308 f32[4,128,128,48] <- A + 106954752
 * in  %3326 f32[4,128,128,48] <- A + 110100480
 * in  %3345 f32[4,128,128,48] <- A + 50331648
 * in  %3364 f32[4,128,128,48] <- A + 53477376
 */
void k252b_add_n_bn_bwd_reduce(
    float *restrict dstats /* [2,48] */,
    const float *restrict x /* [4,128,128,48] */,
    const float *restrict stats /* [2,48] */,
    const float *restrict x2 /* [4,128,128,48] */,
    const float *restrict x3 /* [4,128,128,48] */,
    const float *restrict x4 /* [4,128,128,48] */,
    const float *restrict x5 /* [4,128,128,48] */) {
    float q0[48];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 48; c++) {
        q0[c] = 1.0f / sqrtf(stats[48 + c] + 0.001f);
    }
    enum { C = 48, CHUNKS = 256 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 65536L * ch / CHUNKS; r < 65536L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 48 + c];
                const float t1 = x3[r * 48 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 48 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 48 + c];
                const float t6 = t4 + t5;
                const float t7 = x[r * 48 + c];
                const float xh = (t7 - stats[c]) * q0[c];
                p0[c] += t6;
                p1[c] += t6 * xh;
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
 * %3328 = add_n(%3308, %3326) : f32[4,128,128,48]  features.2.2
 * %3347 = add_n(%3328, %3345) : f32[4,128,128,48]  features.2.1
 * %3366 = add_n(%3347, %3364) : f32[4,128,128,48]  features.2.0.block.1.1
 * %3368 = bn_bwd_input(%3366, %51, %56, %52, %3367) : f32[4,128,128,48]  features.2.0.block.1.1
 * out %3368 -> A + 56623104
 * in  %51 f32[4,128,128,48] <- A + 209190912
 * in  %52 f32[48] <- M + 36696 (features.2.0.block.1.1.weight)
 * in  %56 f32[2,48] <- A + 371836224
 * in  %3308 f32[4,128,128,48] <- A + 106954752
 * in  %3326 f32[4,128,128,48] <- A + 110100480
 * in  %3345 f32[4,128,128,48] <- A + 50331648
 * in  %3364 f32[4,128,128,48] <- A + 53477376
 * in  %3367 f32[2,48] <- A + 371831296
 */
void k252b_add_n_bn_bwd_input(
    float *restrict dx /* [4,128,128,48] */,
    const float *restrict x /* [4,128,128,48] */,
    const float *restrict gamma /* [48] */,
    const float *restrict stats /* [2,48] */,
    const float *restrict x2 /* [4,128,128,48] */,
    const float *restrict x3 /* [4,128,128,48] */,
    const float *restrict x4 /* [4,128,128,48] */,
    const float *restrict x5 /* [4,128,128,48] */,
    const float *restrict dstats /* [2,48] */) {
    float q0[48], q1[48], q2[48];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 48; c++) {
        q0[c] = gamma[c] * (1.0f / sqrtf(stats[48 + c] + 0.001f));
        q1[c] = dstats[c] / 65536.0f;
        q2[c] = dstats[48 + c] / 65536.0f * (1.0f / sqrtf(stats[48 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 65536; r++) {
        #pragma omp simd
        for (long c = 0; c < 48; c++) {
            const long i = r * 48 + c;
            const float t0 = x2[r * 48 + c];
            const float t1 = x3[r * 48 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 48 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 48 + c];
            const float t6 = t4 + t5;
            const float t7 = x[r * 48 + c];
            const float t8 = q0[c] * (t6 - q1[c] - (t7 - stats[c]) * q2[c]);
            dx[i] = t8;
        }
    }
}

/*
 * %3373 = conv2d_bwd_input(%3368, %50) : f32[4,128,128,96]  features.2.0.block.1.0
 * out %3373 -> A + 0
 * in  %3368 f32[4,128,128,48] <- A + 56623104
 * in  %50 f32[48,96,1,1] <- M + 32088 (features.2.0.block.1.0.weight)
 */
void k251b_conv1x1_bwd_input(
    float *restrict dx /* [4,128,128,96] */,
    const float *restrict dy /* [4,128,128,48] */,
    const float *restrict w /* [48,96,1,1] */) {
    /* dx of x (4,128,128,96) w (48,96,1,1) y (4,128,128,48) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    /* the weight packed once; tiles of 684 rows in parallel */
    float *w_f32 = breastai_gemm_f32_pack(CblasNoTrans, 96, 48, w, 96);  /* packed once for every tile */
    #pragma omp parallel for schedule(static)
    for (long t = 0; t < 96; t++) {
        const long m0 = t * 684, rows = m0 + 684 <= 65536 ? 684 : 65536 - m0;
        breastai_gemm_f32_packed(CblasNoTrans, rows, 96, 48, 1.0f, dy + m0 * 48, 48, w_f32, 0.0f, dx + m0 * 96, 96);
    }
    free(w_f32);
}

/*
 * %48 = bn_train(%40, %45, %41, %42) : f32[4,128,128,96]  features.2.0.block.0.1
 * %49 = silu(%48) : f32[4,128,128,96]  features.2.0.block.0.2
 * %3374 = conv2d_bwd_weight(%3368, %49) : f32[48,96,1,1]  features.2.0.block.1.0
 * %3438 = add(%3437, %3374) : f32[48,96,1,1]  features.2.0.block.1.0.weight
 * out %3438 -> G + 32088
 * in  %40 f32[4,128,128,96] <- A + 100663296
 * in  %41 f32[96] <- M + 31896 (features.2.0.block.0.1.weight)
 * in  %42 f32[96] <- M + 31992 (features.2.0.block.0.1.bias)
 * in  %45 f32[2,96] <- A + 371831104
 * in  %3368 f32[4,128,128,48] <- A + 56623104
 * in  %3437 f32[48,96,1,1] <- G + 32088 (features.2.0.block.1.0.weight)
 */
void k251b_bn_train_silu_conv1x1_bwd_weight_acc(
    float *restrict grad /* [48,96,1,1] */,
    const float *restrict x /* [4,128,128,96] */,
    const float *restrict gamma /* [96] */,
    const float *restrict beta /* [96] */,
    const float *restrict stats /* [2,96] */,
    const float *restrict dy /* [4,128,128,48] */) {
    /* dw (48, 96) += dyᵀ (48, 65536) · f(x) (65536, 96), f(x) recomputed in tiles of 656 rows */
    float q0[96];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 96; c++) {
        q0[c] = gamma[c] / sqrtf(stats[96 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 4608);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 4608;
        float *restrict tile = malloc(sizeof(float) * 62976);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 100; t++) {
            const long m0 = t * 656, rows = m0 + 656 <= 65536 ? 656 : 65536 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 96; c++) {
                    const float t0 = x[r * 96 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    tile[(r - m0) * 96 + c] = t2;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 48, 96, rows, 1.0f, dy + m0 * 48, 48, tile, 96, first ? 0.0f : 1.0f, mine, 96);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 4608);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 4608; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 4608 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %48 = bn_train(%40, %45, %41, %42) : f32[4,128,128,96]  features.2.0.block.0.1
 * %3375 = silu_bwd(%3373, %48) : f32[4,128,128,96]  features.2.0.block.0.2
 * %3376 = bn_bwd_reduce(%3375, %40, %45) : f32[2,96]  features.2.0.block.0.1
 * out %3376 -> A + 370839552
 * in  %40 f32[4,128,128,96] <- A + 100663296
 * in  %41 f32[96] <- M + 31896 (features.2.0.block.0.1.weight)
 * in  %42 f32[96] <- M + 31992 (features.2.0.block.0.1.bias)
 * in  %45 f32[2,96] <- A + 371831104
 * in  %3373 f32[4,128,128,96] <- A + 0
 */
void k250b_bn_train_silu_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,96] */,
    const float *restrict x /* [4,128,128,96] */,
    const float *restrict gamma /* [96] */,
    const float *restrict beta /* [96] */,
    const float *restrict stats /* [2,96] */,
    const float *restrict dy /* [4,128,128,96] */) {
    float q0[96];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 96; c++) {
        q0[c] = gamma[c] / sqrtf(stats[96 + c] + 0.001f);
    }
    float q1[96];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 96; c++) {
        q1[c] = 1.0f / sqrtf(stats[96 + c] + 0.001f);
    }
    enum { C = 96, CHUNKS = 256 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 65536L * ch / CHUNKS; r < 65536L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = dy[r * 96 + c];
                const float t1 = x[r * 96 + c];
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
 * %48 = bn_train(%40, %45, %41, %42) : f32[4,128,128,96]  features.2.0.block.0.1
 * %3375 = silu_bwd(%3373, %48) : f32[4,128,128,96]  features.2.0.block.0.2
 * %3377 = bn_bwd_input(%3375, %40, %45, %41, %3376) : f32[4,128,128,96]  features.2.0.block.0.1
 * out %3377 -> A + 6291456
 * in  %40 f32[4,128,128,96] <- A + 100663296
 * in  %41 f32[96] <- M + 31896 (features.2.0.block.0.1.weight)
 * in  %42 f32[96] <- M + 31992 (features.2.0.block.0.1.bias)
 * in  %45 f32[2,96] <- A + 371831104
 * in  %3373 f32[4,128,128,96] <- A + 0
 * in  %3376 f32[2,96] <- A + 370839552
 */
void k250b_bn_train_silu_bwd_bn_bwd_input(
    float *restrict dx /* [4,128,128,96] */,
    const float *restrict x /* [4,128,128,96] */,
    const float *restrict gamma /* [96] */,
    const float *restrict beta /* [96] */,
    const float *restrict stats /* [2,96] */,
    const float *restrict dy /* [4,128,128,96] */,
    const float *restrict dstats /* [2,96] */) {
    float q0[96];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 96; c++) {
        q0[c] = gamma[c] / sqrtf(stats[96 + c] + 0.001f);
    }
    float q1[96], q2[96], q3[96];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 96; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[96 + c] + 0.001f));
        q2[c] = dstats[c] / 65536.0f;
        q3[c] = dstats[96 + c] / 65536.0f * (1.0f / sqrtf(stats[96 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 65536; r++) {
        #pragma omp simd
        for (long c = 0; c < 96; c++) {
            const long i = r * 96 + c;
            const float t0 = dy[r * 96 + c];
            const float t1 = x[r * 96 + c];
            const float t2 = (t1 - stats[c]) * q0[c] + beta[c];
            const float t3s = ba_sigmoid(t2);
            const float t3 = t0 * (t3s * (1.0f + t2 * (1.0f - t3s)));
            const float t4 = q1[c] * (t3 - q2[c] - (t1 - stats[c]) * q3[c]);
            dx[i] = t4;
        }
    }
}

/*
 * %3378 = slice(%3376) : f32[1,96]  features.2.0.block.0.1
 * %3379 = reshape(%3378) : f32[96]  features.2.0.block.0.1
 * %3434 = add(%3433, %3379) : f32[96]  features.2.0.block.0.1.weight
 * out %3434 -> G + 31896
 * in  %3376 f32[2,96] <- A + 370839552
 * in  %3433 f32[96] <- G + 31896 (features.2.0.block.0.1.weight)
 */
void k250b_slice_acc(float *restrict grad /* [96] */, const float *restrict x /* [2,96] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 96; j++) grad[o * 96 + j] += x[o * 192 + 96 + j];
}

/*
 * %3380 = slice(%3376) : f32[1,96]  features.2.0.block.0.1
 * %3381 = reshape(%3380) : f32[96]  features.2.0.block.0.1
 * %3436 = add(%3435, %3381) : f32[96]  features.2.0.block.0.1.bias
 * out %3436 -> G + 31992
 * in  %3376 f32[2,96] <- A + 370839552
 * in  %3435 f32[96] <- G + 31992 (features.2.0.block.0.1.bias)
 */
void k250b2_slice_acc(float *restrict grad /* [96] */, const float *restrict x /* [2,96] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 96; j++) grad[o * 96 + j] += x[o * 192 + 0 + j];
}

/*
 * %34 = bn_train(%26, %31, %27, %28) : f32[4,256,256,24]  features.1.1.block.0.1
 * %3384 = stochastic_depth_bwd(%3382, %36) : f32[4,256,256,24]  features.1.1.stochastic_depth
 * %3385 = silu_bwd(%3384, %34) : f32[4,256,256,24]  features.1.1.block.0.2
 * %3386 = bn_bwd_reduce(%3385, %26, %31) : f32[2,24]  features.1.1.block.0.1
 * out %3386 -> A + 370839552
 * in  %26 f32[4,256,256,24] <- A + 88080384
 * in  %27 f32[24] <- M + 11112 (features.1.1.block.0.1.weight)
 * in  %28 f32[24] <- M + 11136 (features.1.1.block.0.1.bias)
 * in  %31 f32[2,24] <- A + 371836832
 * in  %36 i32[1] <- io[8] (seed)
 * in  %3382 f32[4,256,256,24] <- A + 0
 */
void k246b_bn_train_stochastic_depth_bwd_silu_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,24] */,
    const float *restrict x /* [4,256,256,24] */,
    const float *restrict gamma /* [24] */,
    const float *restrict beta /* [24] */,
    const float *restrict stats /* [2,24] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict dy /* [4,256,256,24] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[24];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 24; c++) {
        q1[c] = gamma[c] / sqrtf(stats[24 + c] + 0.001f);
    }
    float q2[24];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 24; c++) {
        q2[c] = 1.0f / sqrtf(stats[24 + c] + 0.001f);
    }
    enum { C = 24, CHUNKS = 1024 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 262144L * ch / CHUNKS; r < 262144L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = dy[r * 24 + c];
                const float t1 = t0 * q0[r / 65536];
                const float t2 = x[r * 24 + c];
                const float t3 = (t2 - stats[c]) * q1[c] + beta[c];
                const float t4s = ba_sigmoid(t3);
                const float t4 = t1 * (t4s * (1.0f + t3 * (1.0f - t4s)));
                const float xh = (t2 - stats[c]) * q2[c];
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
 * %34 = bn_train(%26, %31, %27, %28) : f32[4,256,256,24]  features.1.1.block.0.1
 * %3384 = stochastic_depth_bwd(%3382, %36) : f32[4,256,256,24]  features.1.1.stochastic_depth
 * %3385 = silu_bwd(%3384, %34) : f32[4,256,256,24]  features.1.1.block.0.2
 * %3387 = bn_bwd_input(%3385, %26, %31, %27, %3386) : f32[4,256,256,24]  features.1.1.block.0.1
 * out %3387 -> A + 6291456
 * in  %26 f32[4,256,256,24] <- A + 88080384
 * in  %27 f32[24] <- M + 11112 (features.1.1.block.0.1.weight)
 * in  %28 f32[24] <- M + 11136 (features.1.1.block.0.1.bias)
 * in  %31 f32[2,24] <- A + 371836832
 * in  %36 i32[1] <- io[8] (seed)
 * in  %3382 f32[4,256,256,24] <- A + 0
 * in  %3386 f32[2,24] <- A + 370839552
 */
void k246b_bn_train_stochastic_depth_bwd_silu_bwd_bn_bwd_input(
    float *restrict dx /* [4,256,256,24] */,
    const float *restrict x /* [4,256,256,24] */,
    const float *restrict gamma /* [24] */,
    const float *restrict beta /* [24] */,
    const float *restrict stats /* [2,24] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict dy /* [4,256,256,24] */,
    const float *restrict dstats /* [2,24] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[24];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 24; c++) {
        q1[c] = gamma[c] / sqrtf(stats[24 + c] + 0.001f);
    }
    float q2[24], q3[24], q4[24];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 24; c++) {
        q2[c] = gamma[c] * (1.0f / sqrtf(stats[24 + c] + 0.001f));
        q3[c] = dstats[c] / 262144.0f;
        q4[c] = dstats[24 + c] / 262144.0f * (1.0f / sqrtf(stats[24 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 262144; r++) {
        #pragma omp simd
        for (long c = 0; c < 24; c++) {
            const long i = r * 24 + c;
            const float t0 = dy[r * 24 + c];
            const float t1 = t0 * q0[r / 65536];
            const float t2 = x[r * 24 + c];
            const float t3 = (t2 - stats[c]) * q1[c] + beta[c];
            const float t4s = ba_sigmoid(t3);
            const float t4 = t1 * (t4s * (1.0f + t3 * (1.0f - t4s)));
            const float t5 = q2[c] * (t4 - q3[c] - (t2 - stats[c]) * q4[c]);
            dx[i] = t5;
        }
    }
}

/*
 * %3388 = slice(%3386) : f32[1,24]  features.1.1.block.0.1
 * %3389 = reshape(%3388) : f32[24]  features.1.1.block.0.1
 * %3428 = add(%3427, %3389) : f32[24]  features.1.1.block.0.1.weight
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %3428 -> G + 11112
 * in  %3386 f32[2,24] <- A + 370839552
 * in  %3427 f32[24] <- G + 11112 (features.1.1.block.0.1.weight)
 */
void k246b_slice_acc(float *restrict grad /* [24] */, const float *restrict x /* [2,24] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 24; j++) grad[o * 24 + j] += x[o * 48 + 24 + j];
}

/*
 * %3390 = slice(%3386) : f32[1,24]  features.1.1.block.0.1
 * %3391 = reshape(%3390) : f32[24]  features.1.1.block.0.1
 * %3430 = add(%3429, %3391) : f32[24]  features.1.1.block.0.1.bias
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %3430 -> G + 11136
 * in  %3386 f32[2,24] <- A + 370839552
 * in  %3429 f32[24] <- G + 11136 (features.1.1.block.0.1.bias)
 */
void k246b2_slice_acc(float *restrict grad /* [24] */, const float *restrict x /* [2,24] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 24; j++) grad[o * 24 + j] += x[o * 48 + 0 + j];
}

/*
 * %22 = bn_train(%14, %19, %15, %16) : f32[4,256,256,24]  features.1.0.block.0.1
 * %3394 = add_n(%3382, %3392) : f32[4,256,256,24]  features.1.0
 * %3395 = silu_bwd(%3394, %22) : f32[4,256,256,24]  features.1.0.block.0.2
 * %3396 = bn_bwd_reduce(%3395, %14, %19) : f32[2,24]  features.1.0.block.0.1
 * out %3396 -> A + 370839552
 * in  %14 f32[4,256,256,24] <- A + 75497472
 * in  %15 f32[24] <- M + 5880 (features.1.0.block.0.1.weight)
 * in  %16 f32[24] <- M + 5904 (features.1.0.block.0.1.bias)
 * in  %19 f32[2,24] <- A + 371836784
 * in  %3382 f32[4,256,256,24] <- A + 0
 * in  %3392 f32[4,256,256,24] <- A + 12582912
 */
void k246b_bn_train_add_n_silu_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,24] */,
    const float *restrict x /* [4,256,256,24] */,
    const float *restrict gamma /* [24] */,
    const float *restrict beta /* [24] */,
    const float *restrict stats /* [2,24] */,
    const float *restrict x2 /* [4,256,256,24] */,
    const float *restrict x3 /* [4,256,256,24] */) {
    float q0[24];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 24; c++) {
        q0[c] = gamma[c] / sqrtf(stats[24 + c] + 0.001f);
    }
    float q1[24];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 24; c++) {
        q1[c] = 1.0f / sqrtf(stats[24 + c] + 0.001f);
    }
    enum { C = 24, CHUNKS = 1024 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 262144L * ch / CHUNKS; r < 262144L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 24 + c];
                const float t1 = x3[r * 24 + c];
                const float t2 = t0 + t1;
                const float t3 = x[r * 24 + c];
                const float t4 = (t3 - stats[c]) * q0[c] + beta[c];
                const float t5s = ba_sigmoid(t4);
                const float t5 = t2 * (t5s * (1.0f + t4 * (1.0f - t5s)));
                const float xh = (t3 - stats[c]) * q1[c];
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
 * %22 = bn_train(%14, %19, %15, %16) : f32[4,256,256,24]  features.1.0.block.0.1
 * %3394 = add_n(%3382, %3392) : f32[4,256,256,24]  features.1.0
 * %3395 = silu_bwd(%3394, %22) : f32[4,256,256,24]  features.1.0.block.0.2
 * %3397 = bn_bwd_input(%3395, %14, %19, %15, %3396) : f32[4,256,256,24]  features.1.0.block.0.1
 * out %3397 -> A + 6291456
 * in  %14 f32[4,256,256,24] <- A + 75497472
 * in  %15 f32[24] <- M + 5880 (features.1.0.block.0.1.weight)
 * in  %16 f32[24] <- M + 5904 (features.1.0.block.0.1.bias)
 * in  %19 f32[2,24] <- A + 371836784
 * in  %3382 f32[4,256,256,24] <- A + 0
 * in  %3392 f32[4,256,256,24] <- A + 12582912
 * in  %3396 f32[2,24] <- A + 370839552
 */
void k246b_bn_train_add_n_silu_bwd_bn_bwd_input(
    float *restrict dx /* [4,256,256,24] */,
    const float *restrict x /* [4,256,256,24] */,
    const float *restrict gamma /* [24] */,
    const float *restrict beta /* [24] */,
    const float *restrict stats /* [2,24] */,
    const float *restrict x2 /* [4,256,256,24] */,
    const float *restrict x3 /* [4,256,256,24] */,
    const float *restrict dstats /* [2,24] */) {
    float q0[24];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 24; c++) {
        q0[c] = gamma[c] / sqrtf(stats[24 + c] + 0.001f);
    }
    float q1[24], q2[24], q3[24];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 24; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[24 + c] + 0.001f));
        q2[c] = dstats[c] / 262144.0f;
        q3[c] = dstats[24 + c] / 262144.0f * (1.0f / sqrtf(stats[24 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 262144; r++) {
        #pragma omp simd
        for (long c = 0; c < 24; c++) {
            const long i = r * 24 + c;
            const float t0 = x2[r * 24 + c];
            const float t1 = x3[r * 24 + c];
            const float t2 = t0 + t1;
            const float t3 = x[r * 24 + c];
            const float t4 = (t3 - stats[c]) * q0[c] + beta[c];
            const float t5s = ba_sigmoid(t4);
            const float t5 = t2 * (t5s * (1.0f + t4 * (1.0f - t5s)));
            const float t6 = q1[c] * (t5 - q2[c] - (t3 - stats[c]) * q3[c]);
            dx[i] = t6;
        }
    }
}

/*
 * %11 = bn_train(%3, %8, %4, %5) : f32[4,256,256,24]  features.0.1
 * %3394 = add_n(%3382, %3392) : f32[4,256,256,24]  features.1.0
 * %3404 = add_n(%3394, %3402) : f32[4,256,256,24]  features.0.2
 * %3405 = silu_bwd(%3404, %11) : f32[4,256,256,24]  features.0.2
 * %3406 = bn_bwd_reduce(%3405, %3, %8) : f32[2,24]  features.0.1
 * out %3406 -> A + 370839552
 * in  %3 f32[4,256,256,24] <- A + 62914560
 * in  %4 f32[24] <- M + 648 (features.0.1.weight)
 * in  %5 f32[24] <- M + 672 (features.0.1.bias)
 * in  %8 f32[2,24] <- A + 371836736
 * in  %3382 f32[4,256,256,24] <- A + 0
 * in  %3392 f32[4,256,256,24] <- A + 12582912
 * in  %3402 f32[4,256,256,24] <- A + 18874368
 */
void k246b2_bn_train_add_n_silu_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,24] */,
    const float *restrict x /* [4,256,256,24] */,
    const float *restrict gamma /* [24] */,
    const float *restrict beta /* [24] */,
    const float *restrict stats /* [2,24] */,
    const float *restrict x2 /* [4,256,256,24] */,
    const float *restrict x3 /* [4,256,256,24] */,
    const float *restrict x4 /* [4,256,256,24] */) {
    float q0[24];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 24; c++) {
        q0[c] = gamma[c] / sqrtf(stats[24 + c] + 0.001f);
    }
    float q1[24];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 24; c++) {
        q1[c] = 1.0f / sqrtf(stats[24 + c] + 0.001f);
    }
    enum { C = 24, CHUNKS = 1024 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 262144L * ch / CHUNKS; r < 262144L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 24 + c];
                const float t1 = x3[r * 24 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 24 + c];
                const float t4 = t2 + t3;
                const float t5 = x[r * 24 + c];
                const float t6 = (t5 - stats[c]) * q0[c] + beta[c];
                const float t7s = ba_sigmoid(t6);
                const float t7 = t4 * (t7s * (1.0f + t6 * (1.0f - t7s)));
                const float xh = (t5 - stats[c]) * q1[c];
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
 * %11 = bn_train(%3, %8, %4, %5) : f32[4,256,256,24]  features.0.1
 * %3394 = add_n(%3382, %3392) : f32[4,256,256,24]  features.1.0
 * %3404 = add_n(%3394, %3402) : f32[4,256,256,24]  features.0.2
 * %3405 = silu_bwd(%3404, %11) : f32[4,256,256,24]  features.0.2
 * %3407 = bn_bwd_input(%3405, %3, %8, %4, %3406) : f32[4,256,256,24]  features.0.1
 * out %3407 -> A + 6291456
 * in  %3 f32[4,256,256,24] <- A + 62914560
 * in  %4 f32[24] <- M + 648 (features.0.1.weight)
 * in  %5 f32[24] <- M + 672 (features.0.1.bias)
 * in  %8 f32[2,24] <- A + 371836736
 * in  %3382 f32[4,256,256,24] <- A + 0
 * in  %3392 f32[4,256,256,24] <- A + 12582912
 * in  %3402 f32[4,256,256,24] <- A + 18874368
 * in  %3406 f32[2,24] <- A + 370839552
 */
void k246b2_bn_train_add_n_silu_bwd_bn_bwd_input(
    float *restrict dx /* [4,256,256,24] */,
    const float *restrict x /* [4,256,256,24] */,
    const float *restrict gamma /* [24] */,
    const float *restrict beta /* [24] */,
    const float *restrict stats /* [2,24] */,
    const float *restrict x2 /* [4,256,256,24] */,
    const float *restrict x3 /* [4,256,256,24] */,
    const float *restrict x4 /* [4,256,256,24] */,
    const float *restrict dstats /* [2,24] */) {
    float q0[24];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 24; c++) {
        q0[c] = gamma[c] / sqrtf(stats[24 + c] + 0.001f);
    }
    float q1[24], q2[24], q3[24];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 24; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[24 + c] + 0.001f));
        q2[c] = dstats[c] / 262144.0f;
        q3[c] = dstats[24 + c] / 262144.0f * (1.0f / sqrtf(stats[24 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 262144; r++) {
        #pragma omp simd
        for (long c = 0; c < 24; c++) {
            const long i = r * 24 + c;
            const float t0 = x2[r * 24 + c];
            const float t1 = x3[r * 24 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 24 + c];
            const float t4 = t2 + t3;
            const float t5 = x[r * 24 + c];
            const float t6 = (t5 - stats[c]) * q0[c] + beta[c];
            const float t7s = ba_sigmoid(t6);
            const float t7 = t4 * (t7s * (1.0f + t6 * (1.0f - t7s)));
            const float t8 = q1[c] * (t7 - q2[c] - (t5 - stats[c]) * q3[c]);
            dx[i] = t8;
        }
    }
}
