/* Kernels k288 to k303 and their backward kernels. */
#include "kernels.h"

/*
 * %287 = bn_train(%279, %284, %280, %281) : f32[4,32,32,320]  features.4.0.block.1.1
 * %4587 = mul(%4585, %301) : f32[4,32,32,320]  features.4.0.block.2
 * %4604 = expand(%4603) : f32[4,32,32,320]  features.4.0.block.2.avgpool
 * %4605 = scale(%4604) : f32[4,32,32,320]  features.4.0.block.2.avgpool
 * %4606 = add_n(%4587, %4605) : f32[4,32,32,320]  features.4.0.block.1.2
 * %4607 = silu_bwd(%4606, %287) : f32[4,32,32,320]  features.4.0.block.1.2
 * %4609 = bn_bwd_input(%4607, %279, %284, %280, %4608) : f32[4,32,32,320]  features.4.0.block.1.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4609 -> A + 15728640
 * in  %279 f32[4,32,32,320] <- A + 395509760
 * in  %280 f32[320] <- M + 1567752 (features.4.0.block.1.1.weight)
 * in  %281 f32[320] <- M + 1568072 (features.4.0.block.1.1.bias)
 * in  %284 f32[2,320] <- A + 427254592
 * in  %301 f32[4,1,1,320] <- A + 427232192
 * in  %4585 f32[4,32,32,320] <- A + 10485760
 * in  %4603 f32[4,1,1,320] <- A + 427230912
 * in  %4608 f32[2,320] <- A + 427233472
 */
void k288_bn_train_mul_expand_scale(
    float *restrict dx /* [4,32,32,320] */,
    const float *restrict x /* [4,32,32,320] */,
    const float *restrict gamma /* [320] */,
    const float *restrict beta /* [320] */,
    const float *restrict stats /* [2,320] */,
    const float *restrict scale /* [4,1,1,320] */,
    const float *restrict x2 /* [4,32,32,320] */,
    const float *restrict x3 /* [4,1,1,320] */,
    const float *restrict dstats /* [2,320] */) {
    float q0[320];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 320; c++) {
        q0[c] = gamma[c] / sqrtf(stats[320 + c] + 0.001f);
    }
    float q1[320], q2[320], q3[320];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 320; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[320 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[320 + c] / 4096.0f * (1.0f / sqrtf(stats[320 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 320; c++) {
            const long i = r * 320 + c;
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
            const float t10 = q1[c] * (t9 - q2[c] - (t7 - stats[c]) * q3[c]);
            dx[i] = t10;
        }
    }
}

/*
 * %4610 = slice(%4608) : f32[1,320]  features.4.0.block.1.1
 * %4611 = reshape(%4610) : f32[320]  features.4.0.block.1.1
 * %4633 = add(%4632, %4611) : f32[320]  features.4.0.block.1.1.weight
 * 8 call sites share this function; the nodes and locations above are the first one's.
 * out %4633 -> G + 1567752
 * in  %4608 f32[2,320] <- A + 427233472
 * in  %4632 f32[320] <- G + 1567752 (features.4.0.block.1.1.weight)
 */
void k289_slice_acc(float *restrict grad /* [320] */, const float *restrict x /* [2,320] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 320; j++) grad[o * 320 + j] += x[o * 640 + 320 + j];
}

/*
 * %4612 = slice(%4608) : f32[1,320]  features.4.0.block.1.1
 * %4613 = reshape(%4612) : f32[320]  features.4.0.block.1.1
 * %4635 = add(%4634, %4613) : f32[320]  features.4.0.block.1.1.bias
 * 8 call sites share this function; the nodes and locations above are the first one's.
 * out %4635 -> G + 1568072
 * in  %4608 f32[2,320] <- A + 427233472
 * in  %4634 f32[320] <- G + 1568072 (features.4.0.block.1.1.bias)
 */
void k290_slice_acc(float *restrict grad /* [320] */, const float *restrict x /* [2,320] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 320; j++) grad[o * 320 + j] += x[o * 640 + 0 + j];
}

/*
 * %1568 = reduce_sumSquares(%123) : f32[1,1,1,1]  features.4.0.block.0.0.weight
 * %1569 = reshape(%1568) : f32[]  features.4.0.block.0.0.weight
 * %1570 = reduce_sumSquares(%125) : f32[1]  features.4.0.block.0.1.weight
 * %1571 = reshape(%1570) : f32[]  features.4.0.block.0.1.weight
 * %1572 = reduce_sumSquares(%127) : f32[1]  features.4.0.block.0.1.bias
 * %1573 = reshape(%1572) : f32[]  features.4.0.block.0.1.bias
 * %1574 = reduce_sumSquares(%131) : f32[1,1,1,1]  features.4.0.block.1.0.weight
 * %1575 = reshape(%1574) : f32[]  features.4.0.block.1.0.weight
 * %1576 = reduce_sumSquares(%133) : f32[1]  features.4.0.block.1.1.weight
 * %1577 = reshape(%1576) : f32[]  features.4.0.block.1.1.weight
 * %1578 = reduce_sumSquares(%135) : f32[1]  features.4.0.block.1.1.bias
 * %1579 = reshape(%1578) : f32[]  features.4.0.block.1.1.bias
 * ... and 1166 more nodes of the same kinds
 * 1 values written, 589 read (flat over the state blocks)
 */
void k291_grad_norm(float *restrict coef, const float *restrict g, const float *restrict hyper) {
    /* global L2 norm of the summed gradients G[1538632, 53852761), then torch's clip_grad_norm_ */
    enum { CHUNKS = 64, LANES = 32 };
    double part[CHUNKS];
    const long n = 52314129;
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
 * %2988 = adam_m(%2986, %123, %2745) : f32[320,80,1,1]  features.4.0.block.0.0.weight
 * %2989 = adam_v(%2987, %123, %2745) : f32[320,80,1,1]  features.4.0.block.0.0.weight
 * %2990 = adamw_update(%122, %2988, %2989, %0, %1) : f32[320,80,1,1]  features.4.0.block.0.0.weight
 * %2996 = adam_m(%2994, %125, %2745) : f32[320]  features.4.0.block.0.1.weight
 * %2997 = adam_v(%2995, %125, %2745) : f32[320]  features.4.0.block.0.1.weight
 * %2998 = adamw_update(%124, %2996, %2997, %0, %1) : f32[320]  features.4.0.block.0.1.weight
 * %3004 = adam_m(%3002, %127, %2745) : f32[320]  features.4.0.block.0.1.bias
 * %3005 = adam_v(%3003, %127, %2745) : f32[320]  features.4.0.block.0.1.bias
 * %3006 = adamw_update(%126, %3004, %3005, %0, %1) : f32[320]  features.4.0.block.0.1.bias
 * %3016 = adam_m(%3014, %131, %2745) : f32[320,1,3,3]  features.4.0.block.1.0.weight
 * %3017 = adam_v(%3015, %131, %2745) : f32[320,1,3,3]  features.4.0.block.1.0.weight
 * %3018 = adamw_update(%130, %3016, %3017, %0, %1) : f32[320,1,3,3]  features.4.0.block.1.0.weight
 * ... and 1752 more nodes of the same kinds
 * 2352 values written, 2355 read (flat over the state blocks)
 */
void k292_adamw(
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
    {
        /* step-count group 2: [1538632, 9875824) */
        const float step = lr / bc[4], root_bc2 = sqrtf(bc[5]);
        #pragma omp parallel for simd schedule(static)
        for (long j = 1538632; j < 9875824; j++) {
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
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %8 -> A + 599210784
 * out %9 -> M + 53852761
 * out %10 -> M + 53852785
 * in  %3 f32[4,256,256,24] <- A + 75497472
 * in  %6 f32[24] <- M + 53852761 (features.0.1.running_mean)
 * in  %7 f32[24] <- M + 53852785 (features.0.1.running_var)
 */
void k293_bn_stats_running(
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
 * out %12 -> A + 81788928
 * in  %3 f32[4,256,256,24] <- A + 75497472
 * in  %4 f32[24] <- M + 648 (features.0.1.weight)
 * in  %5 f32[24] <- M + 672 (features.0.1.bias)
 * in  %8 f32[2,24] <- A + 599210784
 */
void k294_bn_train_silu(
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
 * out %24 -> A + 94371840
 * in  %12 f32[4,256,256,24] <- A + 81788928
 * in  %14 f32[4,256,256,24] <- A + 88080384
 * in  %15 f32[24] <- M + 5880 (features.1.0.block.0.1.weight)
 * in  %16 f32[24] <- M + 5904 (features.1.0.block.0.1.bias)
 * in  %19 f32[2,24] <- A + 599210832
 */
void k295_bn_train_silu_add(
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
 * out %38 -> A + 106954752
 * in  %24 f32[4,256,256,24] <- A + 94371840
 * in  %26 f32[4,256,256,24] <- A + 100663296
 * in  %27 f32[24] <- M + 11112 (features.1.1.block.0.1.weight)
 * in  %28 f32[24] <- M + 11136 (features.1.1.block.0.1.bias)
 * in  %31 f32[2,24] <- A + 599210880
 * in  %36 i32[1] <- io[8] (seed)
 */
void k296_bn_train_silu_stochastic_depth_add(
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
 * %48 = bn_train(%40, %45, %41, %42) : f32[4,256,256,24]  features.1.2.block.0.1
 * %49 = silu(%48) : f32[4,256,256,24]  features.1.2.block.0.2
 * %50 = stochastic_depth(%49, %36) : f32[4,256,256,24]  features.1.2.stochastic_depth
 * %51 = add(%50, %38) : f32[4,256,256,24]  features.1.2
 * out %51 -> A + 119537664
 * in  %36 i32[1] <- io[8] (seed)
 * in  %38 f32[4,256,256,24] <- A + 106954752
 * in  %40 f32[4,256,256,24] <- A + 113246208
 * in  %41 f32[24] <- M + 16344 (features.1.2.block.0.1.weight)
 * in  %42 f32[24] <- M + 16368 (features.1.2.block.0.1.bias)
 * in  %45 f32[2,24] <- A + 599210928
 */
void k297_bn_train_silu_stochastic_depth_add(
    float *restrict y /* [4,256,256,24] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,256,256,24] */,
    const float *restrict x /* [4,256,256,24] */,
    const float *restrict gamma /* [24] */,
    const float *restrict beta /* [24] */,
    const float *restrict stats /* [2,24] */,
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
 * %58 = bn_stats(%53) : f32[2,96]  features.2.0.block.0.1
 * %59 = running_mean_update(%56, %58) : f32[96]  features.2.0.block.0.1
 * %60 = running_var_update(%57, %58) : f32[96]  features.2.0.block.0.1
 * out %58 -> A + 599202240
 * out %59 -> M + 53852953
 * out %60 -> M + 53853049
 * in  %53 f32[4,128,128,96] <- A + 125829120
 * in  %56 f32[96] <- M + 53852953 (features.2.0.block.0.1.running_mean)
 * in  %57 f32[96] <- M + 53853049 (features.2.0.block.0.1.running_var)
 */
void k298_bn_stats_running(
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
 * %61 = bn_train(%53, %58, %54, %55) : f32[4,128,128,96]  features.2.0.block.0.1
 * %62 = silu(%61) : f32[4,128,128,96]  features.2.0.block.0.2
 * %64 = conv2d(%62, %63) : f32[4,128,128,48]  features.2.0.block.1.0
 * out %64 -> A + 332136448
 * in  %53 f32[4,128,128,96] <- A + 125829120
 * in  %54 f32[96] <- M + 37128 (features.2.0.block.0.1.weight)
 * in  %55 f32[96] <- M + 37224 (features.2.0.block.0.1.bias)
 * in  %58 f32[2,96] <- A + 599202240
 * in  %63 f32[48,96,1,1] <- M + 37320 (features.2.0.block.1.0.weight)
 */
void k299_bn_train_silu_conv1x1(
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
 * %69 = bn_stats(%64) : f32[2,48]  features.2.0.block.1.1
 * %70 = running_mean_update(%67, %69) : f32[48]  features.2.0.block.1.1
 * %71 = running_var_update(%68, %69) : f32[48]  features.2.0.block.1.1
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %69 -> A + 599210224
 * out %70 -> M + 53853145
 * out %71 -> M + 53853193
 * in  %64 f32[4,128,128,48] <- A + 332136448
 * in  %67 f32[48] <- M + 53853145 (features.2.0.block.1.1.running_mean)
 * in  %68 f32[48] <- M + 53853193 (features.2.0.block.1.1.running_var)
 */
void k300_bn_stats_running(
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
 * %72 = bn_train(%64, %69, %65, %66) : f32[4,128,128,48]  features.2.0.block.1.1
 * out %72 -> A + 335282176
 * in  %64 f32[4,128,128,48] <- A + 332136448
 * in  %65 f32[48] <- M + 41928 (features.2.0.block.1.1.weight)
 * in  %66 f32[48] <- M + 41976 (features.2.0.block.1.1.bias)
 * in  %69 f32[2,48] <- A + 599210224
 */
void k301_bn_train(
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
 * %79 = bn_stats(%74) : f32[2,192]  features.2.1.block.0.1
 * %80 = running_mean_update(%77, %79) : f32[192]  features.2.1.block.0.1
 * %81 = running_var_update(%78, %79) : f32[192]  features.2.1.block.0.1
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %79 -> A + 599182208
 * out %80 -> M + 53853241
 * out %81 -> M + 53853433
 * in  %74 f32[4,128,128,192] <- A + 0
 * in  %77 f32[192] <- M + 53853241 (features.2.1.block.0.1.running_mean)
 * in  %78 f32[192] <- M + 53853433 (features.2.1.block.0.1.running_var)
 */
void k302_bn_stats_running(
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
 * %82 = bn_train(%74, %79, %75, %76) : f32[4,128,128,192]  features.2.1.block.0.1
 * %83 = silu(%82) : f32[4,128,128,192]  features.2.1.block.0.2
 * %85 = conv2d(%83, %84) : f32[4,128,128,48]  features.2.1.block.1.0
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %85 -> A + 338427904
 * in  %74 f32[4,128,128,192] <- A + 0
 * in  %75 f32[192] <- M + 124968 (features.2.1.block.0.1.weight)
 * in  %76 f32[192] <- M + 125160 (features.2.1.block.0.1.bias)
 * in  %79 f32[2,192] <- A + 599182208
 * in  %84 f32[48,192,1,1] <- M + 125352 (features.2.1.block.1.0.weight)
 */
void k303_bn_train_silu_conv1x1(
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
 * %4728 = stochastic_depth_bwd(%4726, %36) : f32[4,128,128,48]  features.2.4.stochastic_depth
 * %4729 = bn_bwd_reduce(%4728, %154, %159) : f32[2,48]  features.2.4.block.1.1
 * out %4729 -> A + 599202432
 * in  %36 i32[1] <- io[8] (seed)
 * in  %154 f32[4,128,128,48] <- A + 357302272
 * in  %159 f32[2,48] <- A + 599210608
 * in  %4726 f32[4,128,128,48] <- A + 132120576
 */
void k300b_stochastic_depth_bwd_bn_bwd_reduce(
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
 * %4728 = stochastic_depth_bwd(%4726, %36) : f32[4,128,128,48]  features.2.4.stochastic_depth
 * %4730 = bn_bwd_input(%4728, %154, %159, %155, %4729) : f32[4,128,128,48]  features.2.4.block.1.1
 * out %4730 -> A + 62914560
 * in  %36 i32[1] <- io[8] (seed)
 * in  %154 f32[4,128,128,48] <- A + 357302272
 * in  %155 f32[48] <- M + 412488 (features.2.4.block.1.1.weight)
 * in  %159 f32[2,48] <- A + 599210608
 * in  %4726 f32[4,128,128,48] <- A + 132120576
 * in  %4729 f32[2,48] <- A + 599202432
 */
void k300b_stochastic_depth_bwd_bn_bwd_input(
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
 * %4731 = slice(%4729) : f32[1,48]  features.2.4.block.1.1
 * %4732 = reshape(%4731) : f32[48]  features.2.4.block.1.1
 * %4942 = add(%4941, %4732) : f32[48]  features.2.4.block.1.1.weight
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %4942 -> G + 412488
 * in  %4729 f32[2,48] <- A + 599202432
 * in  %4941 f32[48] <- G + 412488 (features.2.4.block.1.1.weight)
 */
void k300b_slice_acc(float *restrict grad /* [48] */, const float *restrict x /* [2,48] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 48; j++) grad[o * 48 + j] += x[o * 96 + 48 + j];
}

/*
 * %4733 = slice(%4729) : f32[1,48]  features.2.4.block.1.1
 * %4734 = reshape(%4733) : f32[48]  features.2.4.block.1.1
 * %4944 = add(%4943, %4734) : f32[48]  features.2.4.block.1.1.bias
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %4944 -> G + 412536
 * in  %4729 f32[2,48] <- A + 599202432
 * in  %4943 f32[48] <- G + 412536 (features.2.4.block.1.1.bias)
 */
void k300b2_slice_acc(float *restrict grad /* [48] */, const float *restrict x /* [2,48] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 48; j++) grad[o * 48 + j] += x[o * 96 + 0 + j];
}

/*
 * %4735 = conv2d_bwd_input(%4730, %153) : f32[4,128,128,192]  features.2.4.block.1.0
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %4735 -> A + 50331648
 * in  %4730 f32[4,128,128,48] <- A + 62914560
 * in  %153 f32[48,192,1,1] <- M + 403272 (features.2.4.block.1.0.weight)
 */
void k303b_conv1x1_bwd_input(
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
 * %151 = bn_train(%143, %148, %144, %145) : f32[4,128,128,192]  features.2.4.block.0.1
 * %152 = silu(%151) : f32[4,128,128,192]  features.2.4.block.0.2
 * %4736 = conv2d_bwd_weight(%4730, %152) : f32[48,192,1,1]  features.2.4.block.1.0
 * %4940 = add(%4939, %4736) : f32[48,192,1,1]  features.2.4.block.1.0.weight
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %4940 -> G + 403272
 * in  %143 f32[4,128,128,192] <- A + 37748736
 * in  %144 f32[192] <- M + 402888 (features.2.4.block.0.1.weight)
 * in  %145 f32[192] <- M + 403080 (features.2.4.block.0.1.bias)
 * in  %148 f32[2,192] <- A + 599183360
 * in  %4730 f32[4,128,128,48] <- A + 62914560
 * in  %4939 f32[48,192,1,1] <- G + 403272 (features.2.4.block.1.0.weight)
 */
void k303b_bn_train_silu_conv1x1_bwd_weight_acc(
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
 * %151 = bn_train(%143, %148, %144, %145) : f32[4,128,128,192]  features.2.4.block.0.1
 * %4737 = silu_bwd(%4735, %151) : f32[4,128,128,192]  features.2.4.block.0.2
 * %4738 = bn_bwd_reduce(%4737, %143, %148) : f32[2,192]  features.2.4.block.0.1
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %4738 -> A + 598204416
 * in  %143 f32[4,128,128,192] <- A + 37748736
 * in  %144 f32[192] <- M + 402888 (features.2.4.block.0.1.weight)
 * in  %145 f32[192] <- M + 403080 (features.2.4.block.0.1.bias)
 * in  %148 f32[2,192] <- A + 599183360
 * in  %4735 f32[4,128,128,192] <- A + 50331648
 */
void k302b_bn_train_silu_bwd_bn_bwd_reduce(
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
 * %151 = bn_train(%143, %148, %144, %145) : f32[4,128,128,192]  features.2.4.block.0.1
 * %4737 = silu_bwd(%4735, %151) : f32[4,128,128,192]  features.2.4.block.0.2
 * %4739 = bn_bwd_input(%4737, %143, %148, %144, %4738) : f32[4,128,128,192]  features.2.4.block.0.1
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %4739 -> A + 62914560
 * in  %143 f32[4,128,128,192] <- A + 37748736
 * in  %144 f32[192] <- M + 402888 (features.2.4.block.0.1.weight)
 * in  %145 f32[192] <- M + 403080 (features.2.4.block.0.1.bias)
 * in  %148 f32[2,192] <- A + 599183360
 * in  %4735 f32[4,128,128,192] <- A + 50331648
 * in  %4738 f32[2,192] <- A + 598204416
 */
void k302b_bn_train_silu_bwd_bn_bwd_input(
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
 * %4746 = add_n(%4726, %4744) : f32[4,128,128,48]  features.2.3
 * %4747 = stochastic_depth_bwd(%4746, %36) : f32[4,128,128,48]  features.2.3.stochastic_depth
 * %4748 = bn_bwd_reduce(%4747, %131, %136) : f32[2,48]  features.2.3.block.1.1
 * out %4748 -> A + 599202432
 * in  %36 i32[1] <- io[8] (seed)
 * in  %131 f32[4,128,128,48] <- A + 351010816
 * in  %136 f32[2,48] <- A + 599210512
 * in  %4726 f32[4,128,128,48] <- A + 132120576
 * in  %4744 f32[4,128,128,48] <- A + 135266304
 */
void k300b_add_n_stochastic_depth_bwd_bn_bwd_reduce(
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
 * %4746 = add_n(%4726, %4744) : f32[4,128,128,48]  features.2.3
 * %4747 = stochastic_depth_bwd(%4746, %36) : f32[4,128,128,48]  features.2.3.stochastic_depth
 * %4749 = bn_bwd_input(%4747, %131, %136, %132, %4748) : f32[4,128,128,48]  features.2.3.block.1.1
 * out %4749 -> A + 50331648
 * in  %36 i32[1] <- io[8] (seed)
 * in  %131 f32[4,128,128,48] <- A + 351010816
 * in  %132 f32[48] <- M + 319848 (features.2.3.block.1.1.weight)
 * in  %136 f32[2,48] <- A + 599210512
 * in  %4726 f32[4,128,128,48] <- A + 132120576
 * in  %4744 f32[4,128,128,48] <- A + 135266304
 * in  %4748 f32[2,48] <- A + 599202432
 */
void k300b_add_n_stochastic_depth_bwd_bn_bwd_input(
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
 * %4746 = add_n(%4726, %4744) : f32[4,128,128,48]  features.2.3
 * %4765 = add_n(%4746, %4763) : f32[4,128,128,48]  features.2.2
 * %4766 = stochastic_depth_bwd(%4765, %36) : f32[4,128,128,48]  features.2.2.stochastic_depth
 * %4767 = bn_bwd_reduce(%4766, %108, %113) : f32[2,48]  features.2.2.block.1.1
 * out %4767 -> A + 599202432
 * in  %36 i32[1] <- io[8] (seed)
 * in  %108 f32[4,128,128,48] <- A + 344719360
 * in  %113 f32[2,48] <- A + 599210416
 * in  %4726 f32[4,128,128,48] <- A + 132120576
 * in  %4744 f32[4,128,128,48] <- A + 135266304
 * in  %4763 f32[4,128,128,48] <- A + 62914560
 */
void k300b2_add_n_stochastic_depth_bwd_bn_bwd_reduce(
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
 * %4746 = add_n(%4726, %4744) : f32[4,128,128,48]  features.2.3
 * %4765 = add_n(%4746, %4763) : f32[4,128,128,48]  features.2.2
 * %4766 = stochastic_depth_bwd(%4765, %36) : f32[4,128,128,48]  features.2.2.stochastic_depth
 * %4768 = bn_bwd_input(%4766, %108, %113, %109, %4767) : f32[4,128,128,48]  features.2.2.block.1.1
 * out %4768 -> A + 66060288
 * in  %36 i32[1] <- io[8] (seed)
 * in  %108 f32[4,128,128,48] <- A + 344719360
 * in  %109 f32[48] <- M + 227208 (features.2.2.block.1.1.weight)
 * in  %113 f32[2,48] <- A + 599210416
 * in  %4726 f32[4,128,128,48] <- A + 132120576
 * in  %4744 f32[4,128,128,48] <- A + 135266304
 * in  %4763 f32[4,128,128,48] <- A + 62914560
 * in  %4767 f32[2,48] <- A + 599202432
 */
void k300b2_add_n_stochastic_depth_bwd_bn_bwd_input(
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
 * %4746 = add_n(%4726, %4744) : f32[4,128,128,48]  features.2.3
 * %4765 = add_n(%4746, %4763) : f32[4,128,128,48]  features.2.2
 * %4784 = add_n(%4765, %4782) : f32[4,128,128,48]  features.2.1
 * %4785 = stochastic_depth_bwd(%4784, %36) : f32[4,128,128,48]  features.2.1.stochastic_depth
 * %4786 = bn_bwd_reduce(%4785, %85, %90) : f32[2,48]  features.2.1.block.1.1
 * out %4786 -> A + 599202432
 * in  %36 i32[1] <- io[8] (seed)
 * in  %85 f32[4,128,128,48] <- A + 338427904
 * in  %90 f32[2,48] <- A + 599210320
 * in  %4726 f32[4,128,128,48] <- A + 132120576
 * in  %4744 f32[4,128,128,48] <- A + 135266304
 * in  %4763 f32[4,128,128,48] <- A + 62914560
 * in  %4782 f32[4,128,128,48] <- A + 66060288
 */
void k300b3_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,48] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,128,128,48] */,
    const float *restrict stats /* [2,48] */,
    const float *restrict x2 /* [4,128,128,48] */,
    const float *restrict x3 /* [4,128,128,48] */,
    const float *restrict x4 /* [4,128,128,48] */,
    const float *restrict x5 /* [4,128,128,48] */,
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
                const float t5 = x5[r * 48 + c];
                const float t6 = t4 + t5;
                const float t7 = t6 * q0[r / 16384];
                const float t8 = x[r * 48 + c];
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
 * %4746 = add_n(%4726, %4744) : f32[4,128,128,48]  features.2.3
 * %4765 = add_n(%4746, %4763) : f32[4,128,128,48]  features.2.2
 * %4784 = add_n(%4765, %4782) : f32[4,128,128,48]  features.2.1
 * %4785 = stochastic_depth_bwd(%4784, %36) : f32[4,128,128,48]  features.2.1.stochastic_depth
 * %4787 = bn_bwd_input(%4785, %85, %90, %86, %4786) : f32[4,128,128,48]  features.2.1.block.1.1
 * out %4787 -> A + 69206016
 * in  %36 i32[1] <- io[8] (seed)
 * in  %85 f32[4,128,128,48] <- A + 338427904
 * in  %86 f32[48] <- M + 134568 (features.2.1.block.1.1.weight)
 * in  %90 f32[2,48] <- A + 599210320
 * in  %4726 f32[4,128,128,48] <- A + 132120576
 * in  %4744 f32[4,128,128,48] <- A + 135266304
 * in  %4763 f32[4,128,128,48] <- A + 62914560
 * in  %4782 f32[4,128,128,48] <- A + 66060288
 * in  %4786 f32[2,48] <- A + 599202432
 */
void k300b3_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,128,128,48] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,128,128,48] */,
    const float *restrict gamma /* [48] */,
    const float *restrict stats /* [2,48] */,
    const float *restrict x2 /* [4,128,128,48] */,
    const float *restrict x3 /* [4,128,128,48] */,
    const float *restrict x4 /* [4,128,128,48] */,
    const float *restrict x5 /* [4,128,128,48] */,
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
            const float t5 = x5[r * 48 + c];
            const float t6 = t4 + t5;
            const float t7 = t6 * q0[r / 16384];
            const float t8 = x[r * 48 + c];
            const float t9 = q1[c] * (t7 - q2[c] - (t8 - stats[c]) * q3[c]);
            dx[i] = t9;
        }
    }
}

/*
 * %4746 = add_n(%4726, %4744) : f32[4,128,128,48]  features.2.3
 * %4765 = add_n(%4746, %4763) : f32[4,128,128,48]  features.2.2
 * %4784 = add_n(%4765, %4782) : f32[4,128,128,48]  features.2.1
 * %4803 = add_n(%4784, %4801) : f32[4,128,128,48]  features.2.0.block.1.1
 * %4804 = bn_bwd_reduce(%4803, %64, %69) : f32[2,48]  features.2.0.block.1.1
 * out %4804 -> A + 599202432
 * in  %64 f32[4,128,128,48] <- A + 332136448
 * in  %69 f32[2,48] <- A + 599210224
 * in  %4726 f32[4,128,128,48] <- A + 132120576
 * in  %4744 f32[4,128,128,48] <- A + 135266304
 * in  %4763 f32[4,128,128,48] <- A + 62914560
 * in  %4782 f32[4,128,128,48] <- A + 66060288
 * in  %4801 f32[4,128,128,48] <- A + 69206016
 */
void k300b_add_n_bn_bwd_reduce(
    float *restrict dstats /* [2,48] */,
    const float *restrict x /* [4,128,128,48] */,
    const float *restrict stats /* [2,48] */,
    const float *restrict x2 /* [4,128,128,48] */,
    const float *restrict x3 /* [4,128,128,48] */,
    const float *restrict x4 /* [4,128,128,48] */,
    const float *restrict x5 /* [4,128,128,48] */,
    const float *restrict x6 /* [4,128,128,48] */) {
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
                const float t7 = x6[r * 48 + c];
                const float t8 = t6 + t7;
                const float t9 = x[r * 48 + c];
                const float xh = (t9 - stats[c]) * q0[c];
                p0[c] += t8;
                p1[c] += t8 * xh;
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
 * %4746 = add_n(%4726, %4744) : f32[4,128,128,48]  features.2.3
 * %4765 = add_n(%4746, %4763) : f32[4,128,128,48]  features.2.2
 * %4784 = add_n(%4765, %4782) : f32[4,128,128,48]  features.2.1
 * %4803 = add_n(%4784, %4801) : f32[4,128,128,48]  features.2.0.block.1.1
 * %4805 = bn_bwd_input(%4803, %64, %69, %65, %4804) : f32[4,128,128,48]  features.2.0.block.1.1
 * out %4805 -> A + 72351744
 * in  %64 f32[4,128,128,48] <- A + 332136448
 * in  %65 f32[48] <- M + 41928 (features.2.0.block.1.1.weight)
 * in  %69 f32[2,48] <- A + 599210224
 * in  %4726 f32[4,128,128,48] <- A + 132120576
 * in  %4744 f32[4,128,128,48] <- A + 135266304
 * in  %4763 f32[4,128,128,48] <- A + 62914560
 * in  %4782 f32[4,128,128,48] <- A + 66060288
 * in  %4801 f32[4,128,128,48] <- A + 69206016
 * in  %4804 f32[2,48] <- A + 599202432
 */
void k300b_add_n_bn_bwd_input(
    float *restrict dx /* [4,128,128,48] */,
    const float *restrict x /* [4,128,128,48] */,
    const float *restrict gamma /* [48] */,
    const float *restrict stats /* [2,48] */,
    const float *restrict x2 /* [4,128,128,48] */,
    const float *restrict x3 /* [4,128,128,48] */,
    const float *restrict x4 /* [4,128,128,48] */,
    const float *restrict x5 /* [4,128,128,48] */,
    const float *restrict x6 /* [4,128,128,48] */,
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
            const float t7 = x6[r * 48 + c];
            const float t8 = t6 + t7;
            const float t9 = x[r * 48 + c];
            const float t10 = q0[c] * (t8 - q1[c] - (t9 - stats[c]) * q2[c]);
            dx[i] = t10;
        }
    }
}

/*
 * %4810 = conv2d_bwd_input(%4805, %63) : f32[4,128,128,96]  features.2.0.block.1.0
 * out %4810 -> A + 0
 * in  %4805 f32[4,128,128,48] <- A + 72351744
 * in  %63 f32[48,96,1,1] <- M + 37320 (features.2.0.block.1.0.weight)
 */
void k299b_conv1x1_bwd_input(
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
 * %61 = bn_train(%53, %58, %54, %55) : f32[4,128,128,96]  features.2.0.block.0.1
 * %62 = silu(%61) : f32[4,128,128,96]  features.2.0.block.0.2
 * %4811 = conv2d_bwd_weight(%4805, %62) : f32[48,96,1,1]  features.2.0.block.1.0
 * %4892 = add(%4891, %4811) : f32[48,96,1,1]  features.2.0.block.1.0.weight
 * out %4892 -> G + 37320
 * in  %53 f32[4,128,128,96] <- A + 125829120
 * in  %54 f32[96] <- M + 37128 (features.2.0.block.0.1.weight)
 * in  %55 f32[96] <- M + 37224 (features.2.0.block.0.1.bias)
 * in  %58 f32[2,96] <- A + 599202240
 * in  %4805 f32[4,128,128,48] <- A + 72351744
 * in  %4891 f32[48,96,1,1] <- G + 37320 (features.2.0.block.1.0.weight)
 */
void k299b_bn_train_silu_conv1x1_bwd_weight_acc(
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
 * %61 = bn_train(%53, %58, %54, %55) : f32[4,128,128,96]  features.2.0.block.0.1
 * %4812 = silu_bwd(%4810, %61) : f32[4,128,128,96]  features.2.0.block.0.2
 * %4813 = bn_bwd_reduce(%4812, %53, %58) : f32[2,96]  features.2.0.block.0.1
 * out %4813 -> A + 598204416
 * in  %53 f32[4,128,128,96] <- A + 125829120
 * in  %54 f32[96] <- M + 37128 (features.2.0.block.0.1.weight)
 * in  %55 f32[96] <- M + 37224 (features.2.0.block.0.1.bias)
 * in  %58 f32[2,96] <- A + 599202240
 * in  %4810 f32[4,128,128,96] <- A + 0
 */
void k298b_bn_train_silu_bwd_bn_bwd_reduce(
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
 * %61 = bn_train(%53, %58, %54, %55) : f32[4,128,128,96]  features.2.0.block.0.1
 * %4812 = silu_bwd(%4810, %61) : f32[4,128,128,96]  features.2.0.block.0.2
 * %4814 = bn_bwd_input(%4812, %53, %58, %54, %4813) : f32[4,128,128,96]  features.2.0.block.0.1
 * out %4814 -> A + 6291456
 * in  %53 f32[4,128,128,96] <- A + 125829120
 * in  %54 f32[96] <- M + 37128 (features.2.0.block.0.1.weight)
 * in  %55 f32[96] <- M + 37224 (features.2.0.block.0.1.bias)
 * in  %58 f32[2,96] <- A + 599202240
 * in  %4810 f32[4,128,128,96] <- A + 0
 * in  %4813 f32[2,96] <- A + 598204416
 */
void k298b_bn_train_silu_bwd_bn_bwd_input(
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
 * %4815 = slice(%4813) : f32[1,96]  features.2.0.block.0.1
 * %4816 = reshape(%4815) : f32[96]  features.2.0.block.0.1
 * %4888 = add(%4887, %4816) : f32[96]  features.2.0.block.0.1.weight
 * out %4888 -> G + 37128
 * in  %4813 f32[2,96] <- A + 598204416
 * in  %4887 f32[96] <- G + 37128 (features.2.0.block.0.1.weight)
 */
void k298b_slice_acc(float *restrict grad /* [96] */, const float *restrict x /* [2,96] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 96; j++) grad[o * 96 + j] += x[o * 192 + 96 + j];
}

/*
 * %4817 = slice(%4813) : f32[1,96]  features.2.0.block.0.1
 * %4818 = reshape(%4817) : f32[96]  features.2.0.block.0.1
 * %4890 = add(%4889, %4818) : f32[96]  features.2.0.block.0.1.bias
 * out %4890 -> G + 37224
 * in  %4813 f32[2,96] <- A + 598204416
 * in  %4889 f32[96] <- G + 37224 (features.2.0.block.0.1.bias)
 */
void k298b2_slice_acc(float *restrict grad /* [96] */, const float *restrict x /* [2,96] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 96; j++) grad[o * 96 + j] += x[o * 192 + 0 + j];
}

/*
 * %48 = bn_train(%40, %45, %41, %42) : f32[4,256,256,24]  features.1.2.block.0.1
 * %4821 = stochastic_depth_bwd(%4819, %36) : f32[4,256,256,24]  features.1.2.stochastic_depth
 * %4822 = silu_bwd(%4821, %48) : f32[4,256,256,24]  features.1.2.block.0.2
 * %4823 = bn_bwd_reduce(%4822, %40, %45) : f32[2,24]  features.1.2.block.0.1
 * out %4823 -> A + 598204416
 * in  %36 i32[1] <- io[8] (seed)
 * in  %40 f32[4,256,256,24] <- A + 113246208
 * in  %41 f32[24] <- M + 16344 (features.1.2.block.0.1.weight)
 * in  %42 f32[24] <- M + 16368 (features.1.2.block.0.1.bias)
 * in  %45 f32[2,24] <- A + 599210928
 * in  %4819 f32[4,256,256,24] <- A + 0
 */
void k293b_bn_train_stochastic_depth_bwd_silu_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,24] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,256,256,24] */,
    const float *restrict gamma /* [24] */,
    const float *restrict beta /* [24] */,
    const float *restrict stats /* [2,24] */,
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
 * %48 = bn_train(%40, %45, %41, %42) : f32[4,256,256,24]  features.1.2.block.0.1
 * %4821 = stochastic_depth_bwd(%4819, %36) : f32[4,256,256,24]  features.1.2.stochastic_depth
 * %4822 = silu_bwd(%4821, %48) : f32[4,256,256,24]  features.1.2.block.0.2
 * %4824 = bn_bwd_input(%4822, %40, %45, %41, %4823) : f32[4,256,256,24]  features.1.2.block.0.1
 * out %4824 -> A + 6291456
 * in  %36 i32[1] <- io[8] (seed)
 * in  %40 f32[4,256,256,24] <- A + 113246208
 * in  %41 f32[24] <- M + 16344 (features.1.2.block.0.1.weight)
 * in  %42 f32[24] <- M + 16368 (features.1.2.block.0.1.bias)
 * in  %45 f32[2,24] <- A + 599210928
 * in  %4819 f32[4,256,256,24] <- A + 0
 * in  %4823 f32[2,24] <- A + 598204416
 */
void k293b_bn_train_stochastic_depth_bwd_silu_bwd_bn_bwd_input(
    float *restrict dx /* [4,256,256,24] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,256,256,24] */,
    const float *restrict gamma /* [24] */,
    const float *restrict beta /* [24] */,
    const float *restrict stats /* [2,24] */,
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
 * %4825 = slice(%4823) : f32[1,24]  features.1.2.block.0.1
 * %4826 = reshape(%4825) : f32[24]  features.1.2.block.0.1
 * %4882 = add(%4881, %4826) : f32[24]  features.1.2.block.0.1.weight
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %4882 -> G + 16344
 * in  %4823 f32[2,24] <- A + 598204416
 * in  %4881 f32[24] <- G + 16344 (features.1.2.block.0.1.weight)
 */
void k293b_slice_acc(float *restrict grad /* [24] */, const float *restrict x /* [2,24] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 24; j++) grad[o * 24 + j] += x[o * 48 + 24 + j];
}

/*
 * %4827 = slice(%4823) : f32[1,24]  features.1.2.block.0.1
 * %4828 = reshape(%4827) : f32[24]  features.1.2.block.0.1
 * %4884 = add(%4883, %4828) : f32[24]  features.1.2.block.0.1.bias
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %4884 -> G + 16368
 * in  %4823 f32[2,24] <- A + 598204416
 * in  %4883 f32[24] <- G + 16368 (features.1.2.block.0.1.bias)
 */
void k293b2_slice_acc(float *restrict grad /* [24] */, const float *restrict x /* [2,24] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 24; j++) grad[o * 24 + j] += x[o * 48 + 0 + j];
}

/*
 * %34 = bn_train(%26, %31, %27, %28) : f32[4,256,256,24]  features.1.1.block.0.1
 * %4831 = add_n(%4819, %4829) : f32[4,256,256,24]  features.1.1
 * %4832 = stochastic_depth_bwd(%4831, %36) : f32[4,256,256,24]  features.1.1.stochastic_depth
 * %4833 = silu_bwd(%4832, %34) : f32[4,256,256,24]  features.1.1.block.0.2
 * %4834 = bn_bwd_reduce(%4833, %26, %31) : f32[2,24]  features.1.1.block.0.1
 * out %4834 -> A + 598204416
 * in  %26 f32[4,256,256,24] <- A + 100663296
 * in  %27 f32[24] <- M + 11112 (features.1.1.block.0.1.weight)
 * in  %28 f32[24] <- M + 11136 (features.1.1.block.0.1.bias)
 * in  %31 f32[2,24] <- A + 599210880
 * in  %36 i32[1] <- io[8] (seed)
 * in  %4819 f32[4,256,256,24] <- A + 0
 * in  %4829 f32[4,256,256,24] <- A + 12582912
 */
void k293b_bn_train_add_n_stochastic_depth_bwd_silu_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,24] */,
    const float *restrict x /* [4,256,256,24] */,
    const float *restrict gamma /* [24] */,
    const float *restrict beta /* [24] */,
    const float *restrict stats /* [2,24] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x2 /* [4,256,256,24] */,
    const float *restrict x3 /* [4,256,256,24] */,
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
                const float t0 = x2[r * 24 + c];
                const float t1 = x3[r * 24 + c];
                const float t2 = t0 + t1;
                const float t3 = t2 * q0[r / 65536];
                const float t4 = x[r * 24 + c];
                const float t5 = (t4 - stats[c]) * q1[c] + beta[c];
                const float t6s = ba_sigmoid(t5);
                const float t6 = t3 * (t6s * (1.0f + t5 * (1.0f - t6s)));
                const float xh = (t4 - stats[c]) * q2[c];
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
 * %34 = bn_train(%26, %31, %27, %28) : f32[4,256,256,24]  features.1.1.block.0.1
 * %4831 = add_n(%4819, %4829) : f32[4,256,256,24]  features.1.1
 * %4832 = stochastic_depth_bwd(%4831, %36) : f32[4,256,256,24]  features.1.1.stochastic_depth
 * %4833 = silu_bwd(%4832, %34) : f32[4,256,256,24]  features.1.1.block.0.2
 * %4835 = bn_bwd_input(%4833, %26, %31, %27, %4834) : f32[4,256,256,24]  features.1.1.block.0.1
 * out %4835 -> A + 6291456
 * in  %26 f32[4,256,256,24] <- A + 100663296
 * in  %27 f32[24] <- M + 11112 (features.1.1.block.0.1.weight)
 * in  %28 f32[24] <- M + 11136 (features.1.1.block.0.1.bias)
 * in  %31 f32[2,24] <- A + 599210880
 * in  %36 i32[1] <- io[8] (seed)
 * in  %4819 f32[4,256,256,24] <- A + 0
 * in  %4829 f32[4,256,256,24] <- A + 12582912
 * in  %4834 f32[2,24] <- A + 598204416
 */
void k293b_bn_train_add_n_stochastic_depth_bwd_silu_bwd(
    float *restrict dx /* [4,256,256,24] */,
    const float *restrict x /* [4,256,256,24] */,
    const float *restrict gamma /* [24] */,
    const float *restrict beta /* [24] */,
    const float *restrict stats /* [2,24] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x2 /* [4,256,256,24] */,
    const float *restrict x3 /* [4,256,256,24] */,
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
            const float t0 = x2[r * 24 + c];
            const float t1 = x3[r * 24 + c];
            const float t2 = t0 + t1;
            const float t3 = t2 * q0[r / 65536];
            const float t4 = x[r * 24 + c];
            const float t5 = (t4 - stats[c]) * q1[c] + beta[c];
            const float t6s = ba_sigmoid(t5);
            const float t6 = t3 * (t6s * (1.0f + t5 * (1.0f - t6s)));
            const float t7 = q2[c] * (t6 - q3[c] - (t4 - stats[c]) * q4[c]);
            dx[i] = t7;
        }
    }
}

/*
 * %22 = bn_train(%14, %19, %15, %16) : f32[4,256,256,24]  features.1.0.block.0.1
 * %4831 = add_n(%4819, %4829) : f32[4,256,256,24]  features.1.1
 * %4842 = add_n(%4831, %4840) : f32[4,256,256,24]  features.1.0
 * %4843 = silu_bwd(%4842, %22) : f32[4,256,256,24]  features.1.0.block.0.2
 * %4844 = bn_bwd_reduce(%4843, %14, %19) : f32[2,24]  features.1.0.block.0.1
 * out %4844 -> A + 598204416
 * in  %14 f32[4,256,256,24] <- A + 88080384
 * in  %15 f32[24] <- M + 5880 (features.1.0.block.0.1.weight)
 * in  %16 f32[24] <- M + 5904 (features.1.0.block.0.1.bias)
 * in  %19 f32[2,24] <- A + 599210832
 * in  %4819 f32[4,256,256,24] <- A + 0
 * in  %4829 f32[4,256,256,24] <- A + 12582912
 * in  %4840 f32[4,256,256,24] <- A + 18874368
 */
void k293b_bn_train_add_n_silu_bwd_bn_bwd_reduce(
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
 * %22 = bn_train(%14, %19, %15, %16) : f32[4,256,256,24]  features.1.0.block.0.1
 * %4831 = add_n(%4819, %4829) : f32[4,256,256,24]  features.1.1
 * %4842 = add_n(%4831, %4840) : f32[4,256,256,24]  features.1.0
 * %4843 = silu_bwd(%4842, %22) : f32[4,256,256,24]  features.1.0.block.0.2
 * %4845 = bn_bwd_input(%4843, %14, %19, %15, %4844) : f32[4,256,256,24]  features.1.0.block.0.1
 * out %4845 -> A + 6291456
 * in  %14 f32[4,256,256,24] <- A + 88080384
 * in  %15 f32[24] <- M + 5880 (features.1.0.block.0.1.weight)
 * in  %16 f32[24] <- M + 5904 (features.1.0.block.0.1.bias)
 * in  %19 f32[2,24] <- A + 599210832
 * in  %4819 f32[4,256,256,24] <- A + 0
 * in  %4829 f32[4,256,256,24] <- A + 12582912
 * in  %4840 f32[4,256,256,24] <- A + 18874368
 * in  %4844 f32[2,24] <- A + 598204416
 */
void k293b_bn_train_add_n_silu_bwd_bn_bwd_input(
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

/*
 * %11 = bn_train(%3, %8, %4, %5) : f32[4,256,256,24]  features.0.1
 * %4831 = add_n(%4819, %4829) : f32[4,256,256,24]  features.1.1
 * %4842 = add_n(%4831, %4840) : f32[4,256,256,24]  features.1.0
 * %4852 = add_n(%4842, %4850) : f32[4,256,256,24]  features.0.2
 * %4853 = silu_bwd(%4852, %11) : f32[4,256,256,24]  features.0.2
 * %4854 = bn_bwd_reduce(%4853, %3, %8) : f32[2,24]  features.0.1
 * out %4854 -> A + 598204416
 * in  %3 f32[4,256,256,24] <- A + 75497472
 * in  %4 f32[24] <- M + 648 (features.0.1.weight)
 * in  %5 f32[24] <- M + 672 (features.0.1.bias)
 * in  %8 f32[2,24] <- A + 599210784
 * in  %4819 f32[4,256,256,24] <- A + 0
 * in  %4829 f32[4,256,256,24] <- A + 12582912
 * in  %4840 f32[4,256,256,24] <- A + 18874368
 * in  %4850 f32[4,256,256,24] <- A + 25165824
 */
void k293b2_bn_train_add_n_silu_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,24] */,
    const float *restrict x /* [4,256,256,24] */,
    const float *restrict gamma /* [24] */,
    const float *restrict beta /* [24] */,
    const float *restrict stats /* [2,24] */,
    const float *restrict x2 /* [4,256,256,24] */,
    const float *restrict x3 /* [4,256,256,24] */,
    const float *restrict x4 /* [4,256,256,24] */,
    const float *restrict x5 /* [4,256,256,24] */) {
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
                const float t5 = x5[r * 24 + c];
                const float t6 = t4 + t5;
                const float t7 = x[r * 24 + c];
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
 * %11 = bn_train(%3, %8, %4, %5) : f32[4,256,256,24]  features.0.1
 * %4831 = add_n(%4819, %4829) : f32[4,256,256,24]  features.1.1
 * %4842 = add_n(%4831, %4840) : f32[4,256,256,24]  features.1.0
 * %4852 = add_n(%4842, %4850) : f32[4,256,256,24]  features.0.2
 * %4853 = silu_bwd(%4852, %11) : f32[4,256,256,24]  features.0.2
 * %4855 = bn_bwd_input(%4853, %3, %8, %4, %4854) : f32[4,256,256,24]  features.0.1
 * out %4855 -> A + 6291456
 * in  %3 f32[4,256,256,24] <- A + 75497472
 * in  %4 f32[24] <- M + 648 (features.0.1.weight)
 * in  %5 f32[24] <- M + 672 (features.0.1.bias)
 * in  %8 f32[2,24] <- A + 599210784
 * in  %4819 f32[4,256,256,24] <- A + 0
 * in  %4829 f32[4,256,256,24] <- A + 12582912
 * in  %4840 f32[4,256,256,24] <- A + 18874368
 * in  %4850 f32[4,256,256,24] <- A + 25165824
 * in  %4854 f32[2,24] <- A + 598204416
 */
void k293b2_bn_train_add_n_silu_bwd_bn_bwd_input(
    float *restrict dx /* [4,256,256,24] */,
    const float *restrict x /* [4,256,256,24] */,
    const float *restrict gamma /* [24] */,
    const float *restrict beta /* [24] */,
    const float *restrict stats /* [2,24] */,
    const float *restrict x2 /* [4,256,256,24] */,
    const float *restrict x3 /* [4,256,256,24] */,
    const float *restrict x4 /* [4,256,256,24] */,
    const float *restrict x5 /* [4,256,256,24] */,
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
            const float t5 = x5[r * 24 + c];
            const float t6 = t4 + t5;
            const float t7 = x[r * 24 + c];
            const float t8 = (t7 - stats[c]) * q0[c] + beta[c];
            const float t9s = ba_sigmoid(t8);
            const float t9 = t6 * (t9s * (1.0f + t8 * (1.0f - t9s)));
            const float t10 = q1[c] * (t9 - q2[c] - (t7 - stats[c]) * q3[c]);
            dx[i] = t10;
        }
    }
}
