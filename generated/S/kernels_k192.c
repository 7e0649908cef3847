/* Kernels k192 to k207 and their backward kernels. */
#include "kernels.h"

/*
 * %900 = reduce_sumSquares(%383) : f32[1,1,1,1]  features.6.0.block.0.0.weight
 * %901 = reshape(%900) : f32[]  features.6.0.block.0.0.weight
 * %902 = reduce_sumSquares(%385) : f32[1]  features.6.0.block.0.1.weight
 * %903 = reshape(%902) : f32[]  features.6.0.block.0.1.weight
 * %904 = reduce_sumSquares(%387) : f32[1]  features.6.0.block.0.1.bias
 * %905 = reshape(%904) : f32[]  features.6.0.block.0.1.bias
 * %906 = reduce_sumSquares(%391) : f32[1,1,1,1]  features.6.0.block.1.0.weight
 * %907 = reshape(%906) : f32[]  features.6.0.block.1.0.weight
 * %908 = reduce_sumSquares(%393) : f32[1]  features.6.0.block.1.1.weight
 * %909 = reshape(%908) : f32[]  features.6.0.block.1.1.weight
 * %910 = reduce_sumSquares(%395) : f32[1]  features.6.0.block.1.1.bias
 * %911 = reshape(%910) : f32[]  features.6.0.block.1.1.bias
 * ... and 412 more nodes of the same kinds
 * 1 values written, 212 read (flat over the state blocks)
 */
void k192_grad_norm(float *restrict coef, const float *restrict g, const float *restrict hyper) {
    /* global L2 norm of the summed gradients G[5285416, 21171893), then torch's clip_grad_norm_ */
    enum { CHUNKS = 64, LANES = 32 };
    double part[CHUNKS];
    const long n = 15886477;
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
 * %2086 = adam_m(%2084, %383, %1323) : f32[960,160,1,1]  features.6.0.block.0.0.weight
 * %2087 = adam_v(%2085, %383, %1323) : f32[960,160,1,1]  features.6.0.block.0.0.weight
 * %2088 = adamw_update(%382, %2086, %2087, %0, %1) : f32[960,160,1,1]  features.6.0.block.0.0.weight
 * %2094 = adam_m(%2092, %385, %1323) : f32[960]  features.6.0.block.0.1.weight
 * %2095 = adam_v(%2093, %385, %1323) : f32[960]  features.6.0.block.0.1.weight
 * %2096 = adamw_update(%384, %2094, %2095, %0, %1) : f32[960]  features.6.0.block.0.1.weight
 * %2102 = adam_m(%2100, %387, %1323) : f32[960]  features.6.0.block.0.1.bias
 * %2103 = adam_v(%2101, %387, %1323) : f32[960]  features.6.0.block.0.1.bias
 * %2104 = adamw_update(%386, %2102, %2103, %0, %1) : f32[960]  features.6.0.block.0.1.bias
 * %2114 = adam_m(%2112, %391, %1323) : f32[960,1,3,3]  features.6.0.block.1.0.weight
 * %2115 = adam_v(%2113, %391, %1323) : f32[960,1,3,3]  features.6.0.block.1.0.weight
 * %2116 = adamw_update(%390, %2114, %2115, %0, %1) : f32[960,1,3,3]  features.6.0.block.1.0.weight
 * ... and 621 more nodes of the same kinds
 * 844 values written, 847 read (flat over the state blocks)
 */
void k193_adamw(
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
}

/*
 * %217 = bn_stats(%212) : f32[2,256]  features.4.0.block.0.1
 * %218 = running_mean_update(%215, %217) : f32[256]  features.4.0.block.0.1
 * %219 = running_var_update(%216, %217) : f32[256]  features.4.0.block.0.1
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %217 -> A + 243881472
 * out %218 -> M + 21176197
 * out %219 -> M + 21176453
 * in  %212 f32[4,64,64,256] <- A + 0
 * in  %215 f32[256] <- M + 21176197 (features.4.0.block.0.1.running_mean)
 * in  %216 f32[256] <- M + 21176453 (features.4.0.block.0.1.running_var)
 */
void k194_bn_stats_running(
    float *restrict stats /* [2,256] */,
    float *restrict running_mean /* [256] */,
    float *restrict running_var /* [256] */,
    const float *restrict x /* [4,64,64,256] */) {
    enum { C = 256, CHUNKS = 64 };
    double *part = malloc(sizeof(double) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }
        for (long r = 16384L * ch / CHUNKS; r < 16384L * (ch + 1) / CHUNKS; r++) {
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
 * %220 = bn_train(%212, %217, %213, %214) : f32[4,64,64,256]  features.4.0.block.0.1
 * %221 = silu(%220) : f32[4,64,64,256]  features.4.0.block.0.2
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %221 -> A + 4194304
 * in  %212 f32[4,64,64,256] <- A + 0
 * in  %213 f32[256] <- M + 920280 (features.4.0.block.0.1.weight)
 * in  %214 f32[256] <- M + 920536 (features.4.0.block.0.1.bias)
 * in  %217 f32[2,256] <- A + 243881472
 */
void k195_bn_train_silu(
    float *restrict y /* [4,64,64,256] */,
    const float *restrict x /* [4,64,64,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */) {
    float q0[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q0[c] = gamma[c] / sqrtf(stats[256 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 16384; r++) {
        #pragma omp simd
        for (long c = 0; c < 256; c++) {
            const long i = r * 256 + c;
            const float t0 = x[r * 256 + c];
            const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
            const float t2 = t1 * ba_sigmoid(t1);
            y[i] = t2;
        }
    }
}

/*
 * %223 = conv2d(%221, %222) : f32[4,32,32,256]  features.4.0.block.1.0
 * %228 = bn_stats(%223) : f32[2,256]  features.4.0.block.1.1
 * %229 = running_mean_update(%226, %228) : f32[256]  features.4.0.block.1.1
 * %230 = running_var_update(%227, %228) : f32[256]  features.4.0.block.1.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %223 -> A + 225705984
 * out %228 -> A + 243881984
 * out %229 -> M + 21176709
 * out %230 -> M + 21176965
 * in  %221 f32[4,64,64,256] <- A + 4194304
 * in  %222 f32[256,1,3,3] <- M + 920792 (features.4.0.block.1.0.weight)
 * in  %226 f32[256] <- M + 21176709 (features.4.0.block.1.1.running_mean)
 * in  %227 f32[256] <- M + 21176965 (features.4.0.block.1.1.running_var)
 */
void k196_dwconv3x3s2_bn_stats_running(
    float *restrict y /* [4,32,32,256] */,
    float *restrict stats /* [2,256] */,
    float *restrict running_mean /* [256] */,
    float *restrict running_var /* [256] */,
    const float *restrict x /* [4,64,64,256] */,
    const float *restrict w /* [256,1,3,3] */) {
    /* x (4,64,64,256) w (256,1,3,3) y (4,32,32,256) stride 2 pad 1 groups 256 */
    double *part = malloc(sizeof(double) * 65536);  /* (N·Ho, 2, C): per-row Σy, Σy² */
    if (!part) abort();
    /* Depthwise: y[n, oh, ow, c] = Σ_{r, s} x[n, ih, iw, c] · wt[r, s, c], channels innermost (vectorised),
     * one output row per work item. */
    float *restrict wt = malloc(sizeof(float) * 2304);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 256; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 256 + c] = w[(c * 3 + r) * 3 + s];
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long oh = 0; oh < 32; oh++) {
            for (long ow = 0; ow < 32; ow++) {
                float *restrict yp = y + ((n * 32 + oh) * 32 + ow) * 256;
                if (oh * 2 - 1 >= 0 && oh * 2 + 1 < 64 && ow * 2 - 1 >= 0 && ow * 2 + 1 < 64) {
                    /* every tap inside x: one sum per channel, the taps in the order of the loops below */
                    const float *restrict x0 = x + ((n * 64 + oh * 2 - 1) * 64 + ow * 2 - 1) * 256;
                    for (long c = 0; c < 256; c++)
                        yp[c] = x0[c] * wt[c] + x0[256 + c] * wt[256 + c] + x0[512 + c] * wt[512 + c]
                            + x0[16384 + c] * wt[768 + c] + x0[16640 + c] * wt[1024 + c] + x0[16896 + c] * wt[1280 + c]
                            + x0[32768 + c] * wt[1536 + c] + x0[33024 + c] * wt[1792 + c] + x0[33280 + c] * wt[2048 + c];
                    continue;
                }
                for (long c = 0; c < 256; c++) yp[c] = 0.0f;
                for (long r = 0; r < 3; r++) {
                    const long ih = oh * 2 - 1 + r;
                    if (ih < 0 || ih >= 64) continue;
                    for (long s = 0; s < 3; s++) {
                        const long iw = ow * 2 - 1 + s;
                        if (iw < 0 || iw >= 64) continue;
                        const float *restrict xp = x + ((n * 64 + ih) * 64 + iw) * 256, *restrict wr = wt + (r * 3 + s) * 256;
                        for (long c = 0; c < 256; c++) yp[c] += xp[c] * wr[c];
                    }
                }
            }
            double *restrict ps = part + (n * 32 + oh) * 512;
            for (long c = 0; c < 256; c++) { ps[c] = 0.0; ps[256 + c] = 0.0; }
            for (long ow = 0; ow < 32; ow++) {
                const float *restrict yp = y + ((n * 32 + oh) * 32 + ow) * 256;
                for (long c = 0; c < 256; c++) { const double v = yp[c]; ps[c] += v; ps[256 + c] += v * v; }
            }
        }
    }
    free(wt);
    /* Σ of the rows in row order, per channel: blocks of 256 channels over the threads */
    #pragma omp parallel for schedule(static)
    for (long c0 = 0; c0 < 256; c0 += 256) {
        const long c1 = c0 + 256 < 256 ? c0 + 256 : 256;
        double s0[256], s1[256];
        for (long c = c0; c < c1; c++) { s0[c - c0] = 0.0; s1[c - c0] = 0.0; }
        for (long row = 0; row < 128; row++) {
            const double *restrict ps = part + row * 512;
            for (long c = c0; c < c1; c++) { s0[c - c0] += ps[c]; s1[c - c0] += ps[256 + c]; }
        }
        for (long c = c0; c < c1; c++) {
            const double mean = s0[c - c0] / 4096.0, var = fmax(s1[c - c0] / 4096.0 - mean * mean, 0.0);
            stats[c] = (float)mean;
            stats[256 + c] = (float)var;
            running_mean[c] = (float)(0.9f * (double)running_mean[c] + 0.1f * mean);  /* running mean */
            running_var[c] = (float)(0.9f * (double)running_var[c] + 0.1f * var * 1.0002442002442002);  /* running var (unbiased) */
        }
    }
    free(part);
}

/*
 * %231 = bn_train(%223, %228, %224, %225) : f32[4,32,32,256]  features.4.0.block.1.1
 * %232 = silu(%231) : f32[4,32,32,256]  features.4.0.block.1.2
 * %233 = reduce_mean(%232) : f32[4,1,1,256]  features.4.0.block.2.avgpool
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %233 -> A + 243866112
 * in  %223 f32[4,32,32,256] <- A + 225705984
 * in  %224 f32[256] <- M + 923096 (features.4.0.block.1.1.weight)
 * in  %225 f32[256] <- M + 923352 (features.4.0.block.1.1.bias)
 * in  %228 f32[2,256] <- A + 243881984
 */
void k197_bn_train_silu_reduce_mean(
    float *restrict y /* [4,1,1,256] */,
    const float *restrict x /* [4,32,32,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */) {
    /* mean over axes [1, 2] of [4, 32, 32, 256]: (4, 1024, 256) -> (4, 256) */
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
                const float t0 = x[r * 256 + c];
                const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                const float t2 = t1 * ba_sigmoid(t1);
                acc[q] += t2;
            }
        }
        for (long q = 0; q < 256; q++) y[o * 256 + q] = (float)(acc[q] / 1024.0);
    }
}

/*
 * %231 = bn_train(%223, %228, %224, %225) : f32[4,32,32,256]  features.4.0.block.1.1
 * %232 = silu(%231) : f32[4,32,32,256]  features.4.0.block.1.2
 * %246 = mul(%232, %245) : f32[4,32,32,256]  features.4.0.block.2
 * %248 = conv2d(%246, %247) : f32[4,32,32,128]  features.4.0.block.3.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %248 -> A + 234946560
 * in  %223 f32[4,32,32,256] <- A + 225705984
 * in  %224 f32[256] <- M + 923096 (features.4.0.block.1.1.weight)
 * in  %225 f32[256] <- M + 923352 (features.4.0.block.1.1.bias)
 * in  %228 f32[2,256] <- A + 243881984
 * in  %245 f32[4,1,1,256] <- A + 243868160
 * in  %247 f32[128,256,1,1] <- M + 932072 (features.4.0.block.3.0.weight)
 */
void k198_bn_train_silu_mul_conv1x1(
    float *restrict y /* [4,32,32,128] */,
    const float *restrict x /* [4,32,32,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict scale /* [4,1,1,256] */,
    const float *restrict w /* [128,256,1,1] */) {
    /* y (4096, 128) = f(x) (4096, 256) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float q0[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q0[c] = gamma[c] / sqrtf(stats[256 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 128, 256, w, 256);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 65536);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 16; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 4096 ? 256 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 256; c++) {
                    const float t0 = x[r * 256 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    const float t3 = scale[(r / 1024) * 256 + c];
                    const float t4 = t2 * t3;
                    tile[(r - m0) * 256 + c] = t4;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 128, 256, 1.0f, tile, 256, w_f32, 0.0f, y + m0 * 128, 128);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %253 = bn_stats(%248) : f32[2,128]  features.4.0.block.3.1
 * %254 = running_mean_update(%251, %253) : f32[128]  features.4.0.block.3.1
 * %255 = running_var_update(%252, %253) : f32[128]  features.4.0.block.3.1
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %253 -> A + 243893056
 * out %254 -> M + 21177221
 * out %255 -> M + 21177349
 * in  %248 f32[4,32,32,128] <- A + 234946560
 * in  %251 f32[128] <- M + 21177221 (features.4.0.block.3.1.running_mean)
 * in  %252 f32[128] <- M + 21177349 (features.4.0.block.3.1.running_var)
 */
void k199_bn_stats_running(
    float *restrict stats /* [2,128] */,
    float *restrict running_mean /* [128] */,
    float *restrict running_var /* [128] */,
    const float *restrict x /* [4,32,32,128] */) {
    enum { C = 128, CHUNKS = 64 };
    double *part = malloc(sizeof(double) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x[r * 128 + c];
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
 * %256 = bn_train(%248, %253, %249, %250) : f32[4,32,32,128]  features.4.0.block.3.1
 * %258 = conv2d(%256, %257) : f32[4,32,32,512]  features.4.1.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %258 -> A + 123994112
 * in  %248 f32[4,32,32,128] <- A + 234946560
 * in  %249 f32[128] <- M + 964840 (features.4.0.block.3.1.weight)
 * in  %250 f32[128] <- M + 964968 (features.4.0.block.3.1.bias)
 * in  %253 f32[2,128] <- A + 243893056
 * in  %257 f32[512,128,1,1] <- M + 965096 (features.4.1.block.0.0.weight)
 */
void k200_bn_train_conv1x1(
    float *restrict y /* [4,32,32,512] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict gamma /* [128] */,
    const float *restrict beta /* [128] */,
    const float *restrict stats /* [2,128] */,
    const float *restrict w /* [512,128,1,1] */) {
    /* y (4096, 512) = f(x) (4096, 128) · wᵀ: tiles of 512 rows of f(x) computed into scratch, one sgemm each */
    float q0[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q0[c] = gamma[c] / sqrtf(stats[128 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 512, 128, w, 128);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 65536);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 8; t++) {
            const long m0 = t * 512, rows = m0 + 512 <= 4096 ? 512 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 128; c++) {
                    const float t0 = x[r * 128 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    tile[(r - m0) * 128 + c] = t1;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 512, 128, 1.0f, tile, 128, w_f32, 0.0f, y + m0 * 512, 512);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %263 = bn_stats(%258) : f32[2,512]  features.4.1.block.0.1
 * %264 = running_mean_update(%261, %263) : f32[512]  features.4.1.block.0.1
 * %265 = running_var_update(%262, %263) : f32[512]  features.4.1.block.0.1
 * 10 call sites share this function; the nodes and locations above are the first one's.
 * out %263 -> A + 243869184
 * out %264 -> M + 21177477
 * out %265 -> M + 21177989
 * in  %258 f32[4,32,32,512] <- A + 123994112
 * in  %261 f32[512] <- M + 21177477 (features.4.1.block.0.1.running_mean)
 * in  %262 f32[512] <- M + 21177989 (features.4.1.block.0.1.running_var)
 */
void k201_bn_stats_running(
    float *restrict stats /* [2,512] */,
    float *restrict running_mean /* [512] */,
    float *restrict running_var /* [512] */,
    const float *restrict x /* [4,32,32,512] */) {
    enum { C = 512, CHUNKS = 64 };
    double *part = malloc(sizeof(double) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
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
 * %266 = bn_train(%258, %263, %259, %260) : f32[4,32,32,512]  features.4.1.block.0.1
 * %267 = silu(%266) : f32[4,32,32,512]  features.4.1.block.0.2
 * 10 call sites share this function; the nodes and locations above are the first one's.
 * out %267 -> A + 126091264
 * in  %258 f32[4,32,32,512] <- A + 123994112
 * in  %259 f32[512] <- M + 1030632 (features.4.1.block.0.1.weight)
 * in  %260 f32[512] <- M + 1031144 (features.4.1.block.0.1.bias)
 * in  %263 f32[2,512] <- A + 243869184
 */
void k202_bn_train_silu(
    float *restrict y /* [4,32,32,512] */,
    const float *restrict x /* [4,32,32,512] */,
    const float *restrict gamma /* [512] */,
    const float *restrict beta /* [512] */,
    const float *restrict stats /* [2,512] */) {
    float q0[512];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q0[c] = gamma[c] / sqrtf(stats[512 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 512; c++) {
            const long i = r * 512 + c;
            const float t0 = x[r * 512 + c];
            const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
            const float t2 = t1 * ba_sigmoid(t1);
            y[i] = t2;
        }
    }
}

/*
 * %269 = conv2d(%267, %268) : f32[4,32,32,512]  features.4.1.block.1.0
 * %274 = bn_stats(%269) : f32[2,512]  features.4.1.block.1.1
 * %275 = running_mean_update(%272, %274) : f32[512]  features.4.1.block.1.1
 * %276 = running_var_update(%273, %274) : f32[512]  features.4.1.block.1.1
 * 10 call sites share this function; the nodes and locations above are the first one's.
 * out %269 -> A + 128188416
 * out %274 -> A + 243870208
 * out %275 -> M + 21178501
 * out %276 -> M + 21179013
 * in  %267 f32[4,32,32,512] <- A + 126091264
 * in  %268 f32[512,1,3,3] <- M + 1031656 (features.4.1.block.1.0.weight)
 * in  %272 f32[512] <- M + 21178501 (features.4.1.block.1.1.running_mean)
 * in  %273 f32[512] <- M + 21179013 (features.4.1.block.1.1.running_var)
 */
void k203_dwconv3x3_bn_stats_running(
    float *restrict y /* [4,32,32,512] */,
    float *restrict stats /* [2,512] */,
    float *restrict running_mean /* [512] */,
    float *restrict running_var /* [512] */,
    const float *restrict x /* [4,32,32,512] */,
    const float *restrict w /* [512,1,3,3] */) {
    /* x (4,32,32,512) w (512,1,3,3) y (4,32,32,512) stride 1 pad 1 groups 512 */
    double *part = malloc(sizeof(double) * 131072);  /* (N·Ho, 2, C): per-row Σy, Σy² */
    if (!part) abort();
    float *restrict wt = malloc(sizeof(float) * 4608);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 512; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 512 + c] = w[(c * 3 + r) * 3 + s];
    /* Depthwise 3x3 as a sliding window: per output row and block of 16 channels, the weights and the 3x3
     * window of x stay in registers while ow moves right; rows and columns outside x are zeros. */
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long oh = 0; oh < 32; oh++) {
            const int up = oh > 0, down = oh + 1 < 32;
            const long o1 = (n * 32 + oh) * 16384, o0 = o1 - 16384, o2 = o1 + 16384;
            double *restrict ps = part + (n * 32 + oh) * 1024;
            for (long c = 0; c < 512; c += 16) {
                const ba_v16 zero = {0};
                const ba_v16 w00 = *(const ba_v16 *)(wt + c), w01 = *(const ba_v16 *)(wt + 512 + c), w02 = *(const ba_v16 *)(wt + 1024 + c);
                const ba_v16 w10 = *(const ba_v16 *)(wt + 1536 + c), w11 = *(const ba_v16 *)(wt + 2048 + c), w12 = *(const ba_v16 *)(wt + 2560 + c);
                const ba_v16 w20 = *(const ba_v16 *)(wt + 3072 + c), w21 = *(const ba_v16 *)(wt + 3584 + c), w22 = *(const ba_v16 *)(wt + 4096 + c);
                ba_v16 v00 = zero, v10 = zero, v20 = zero;
                ba_v16 v01 = up ? *(const ba_v16 *)(x + o0 + c) : zero, v11 = *(const ba_v16 *)(x + o1 + c), v21 = down ? *(const ba_v16 *)(x + o2 + c) : zero;
                ba_v8d sum0 = {0}, sq0 = {0}, sum1 = {0}, sq1 = {0};
                for (long col = 0; col < 32; col++) {
                    ba_v16 v02 = zero, v12 = zero, v22 = zero;
                    if (col + 1 < 32) {
                        const long next = (col + 1) * 512 + c;
                        if (up) { v02 = *(const ba_v16 *)(x + o0 + next); __builtin_prefetch(x + o0 + next + 16); }
                        v12 = *(const ba_v16 *)(x + o1 + next); __builtin_prefetch(x + o1 + next + 16);
                        if (down) { v22 = *(const ba_v16 *)(x + o2 + next); __builtin_prefetch(x + o2 + next + 16); }
                    }
                    const ba_v16 v = v00 * w00 + v01 * w01 + v02 * w02
                        + v10 * w10 + v11 * w11 + v12 * w12
                        + v20 * w20 + v21 * w21 + v22 * w22;
                    *(ba_v16 *)(y + o1 + col * 512 + c) = v;
                    __builtin_prefetch(y + o1 + col * 512 + c + 16, 1);
                    { const ba_v8d dv = BA_LO_V8D(v); sum0 += dv; sq0 += dv * dv; }
                    { const ba_v8d dv = BA_HI_V8D(v); sum1 += dv; sq1 += dv * dv; }
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
                *(ba_v8d *)(ps + c) = sum0;
                *(ba_v8d *)(ps + c + 8) = sum1;
                *(ba_v8d *)(ps + 512 + c) = sq0;
                *(ba_v8d *)(ps + 512 + c + 8) = sq1;
            }
        }
    }
    free(wt);
    /* Σ of the rows in row order, per channel: blocks of 256 channels over the threads */
    #pragma omp parallel for schedule(static)
    for (long c0 = 0; c0 < 512; c0 += 256) {
        const long c1 = c0 + 256 < 512 ? c0 + 256 : 512;
        double s0[256], s1[256];
        for (long c = c0; c < c1; c++) { s0[c - c0] = 0.0; s1[c - c0] = 0.0; }
        for (long row = 0; row < 128; row++) {
            const double *restrict ps = part + row * 1024;
            for (long c = c0; c < c1; c++) { s0[c - c0] += ps[c]; s1[c - c0] += ps[512 + c]; }
        }
        for (long c = c0; c < c1; c++) {
            const double mean = s0[c - c0] / 4096.0, var = fmax(s1[c - c0] / 4096.0 - mean * mean, 0.0);
            stats[c] = (float)mean;
            stats[512 + c] = (float)var;
            running_mean[c] = (float)(0.9f * (double)running_mean[c] + 0.1f * mean);  /* running mean */
            running_var[c] = (float)(0.9f * (double)running_var[c] + 0.1f * var * 1.0002442002442002);  /* running var (unbiased) */
        }
    }
    free(part);
}

/*
 * %277 = bn_train(%269, %274, %270, %271) : f32[4,32,32,512]  features.4.1.block.1.1
 * %278 = silu(%277) : f32[4,32,32,512]  features.4.1.block.1.2
 * %279 = reduce_mean(%278) : f32[4,1,1,512]  features.4.1.block.2.avgpool
 * 10 call sites share this function; the nodes and locations above are the first one's.
 * out %279 -> A + 243797760
 * in  %269 f32[4,32,32,512] <- A + 128188416
 * in  %270 f32[512] <- M + 1036264 (features.4.1.block.1.1.weight)
 * in  %271 f32[512] <- M + 1036776 (features.4.1.block.1.1.bias)
 * in  %274 f32[2,512] <- A + 243870208
 */
void k204_bn_train_silu_reduce_mean(
    float *restrict y /* [4,1,1,512] */,
    const float *restrict x /* [4,32,32,512] */,
    const float *restrict gamma /* [512] */,
    const float *restrict beta /* [512] */,
    const float *restrict stats /* [2,512] */) {
    /* mean over axes [1, 2] of [4, 32, 32, 512]: (4, 1024, 512) -> (4, 512) */
    float q0[512];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q0[c] = gamma[c] / sqrtf(stats[512 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[512];
        for (long q = 0; q < 512; q++) acc[q] = 0.0;
        for (long j = 0; j < 1024; j++) {
            for (long q = 0; q < 512; q++) {
                const long r = o * 1024 + j;
                const long c = q;
                const float t0 = x[r * 512 + c];
                const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                const float t2 = t1 * ba_sigmoid(t1);
                acc[q] += t2;
            }
        }
        for (long q = 0; q < 512; q++) y[o * 512 + q] = (float)(acc[q] / 1024.0);
    }
}

/*
 * %277 = bn_train(%269, %274, %270, %271) : f32[4,32,32,512]  features.4.1.block.1.1
 * %278 = silu(%277) : f32[4,32,32,512]  features.4.1.block.1.2
 * %292 = mul(%278, %291) : f32[4,32,32,512]  features.4.1.block.2
 * %294 = conv2d(%292, %293) : f32[4,32,32,128]  features.4.1.block.3.0
 * 10 call sites share this function; the nodes and locations above are the first one's.
 * out %294 -> A + 235470848
 * in  %269 f32[4,32,32,512] <- A + 128188416
 * in  %270 f32[512] <- M + 1036264 (features.4.1.block.1.1.weight)
 * in  %271 f32[512] <- M + 1036776 (features.4.1.block.1.1.bias)
 * in  %274 f32[2,512] <- A + 243870208
 * in  %291 f32[4,1,1,512] <- A + 243801856
 * in  %293 f32[128,512,1,1] <- M + 1070600 (features.4.1.block.3.0.weight)
 */
void k205_bn_train_silu_mul_conv1x1(
    float *restrict y /* [4,32,32,128] */,
    const float *restrict x /* [4,32,32,512] */,
    const float *restrict gamma /* [512] */,
    const float *restrict beta /* [512] */,
    const float *restrict stats /* [2,512] */,
    const float *restrict scale /* [4,1,1,512] */,
    const float *restrict w /* [128,512,1,1] */) {
    /* y (4096, 128) = f(x) (4096, 512) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float q0[512];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q0[c] = gamma[c] / sqrtf(stats[512 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 128, 512, w, 512);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 131072);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 16; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 4096 ? 256 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 512; c++) {
                    const float t0 = x[r * 512 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    const float t3 = scale[(r / 1024) * 512 + c];
                    const float t4 = t2 * t3;
                    tile[(r - m0) * 512 + c] = t4;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 128, 512, 1.0f, tile, 512, w_f32, 0.0f, y + m0 * 128, 128);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %256 = bn_train(%248, %253, %249, %250) : f32[4,32,32,128]  features.4.0.block.3.1
 * %302 = bn_train(%294, %299, %295, %296) : f32[4,32,32,128]  features.4.1.block.3.1
 * %304 = stochastic_depth(%302, %303) : f32[4,32,32,128]  features.4.1.stochastic_depth
 * %305 = add(%304, %256) : f32[4,32,32,128]  features.4.1
 * %307 = conv2d(%305, %306) : f32[4,32,32,512]  features.4.2.block.0.0
 * out %307 -> A + 130285568
 * in  %248 f32[4,32,32,128] <- A + 234946560
 * in  %249 f32[128] <- M + 964840 (features.4.0.block.3.1.weight)
 * in  %250 f32[128] <- M + 964968 (features.4.0.block.3.1.bias)
 * in  %253 f32[2,128] <- A + 243893056
 * in  %294 f32[4,32,32,128] <- A + 235470848
 * in  %295 f32[128] <- M + 1136136 (features.4.1.block.3.1.weight)
 * in  %296 f32[128] <- M + 1136264 (features.4.1.block.3.1.bias)
 * in  %299 f32[2,128] <- A + 243893312
 * in  %303 i32[1] <- io[8] (seed)
 * in  %306 f32[512,128,1,1] <- M + 1136392 (features.4.2.block.0.0.weight)
 */
void k206_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,32,32,512] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict gamma /* [128] */,
    const float *restrict beta /* [128] */,
    const float *restrict stats /* [2,128] */,
    const float *restrict x2 /* [4,32,32,128] */,
    const float *restrict gamma2 /* [128] */,
    const float *restrict beta2 /* [128] */,
    const float *restrict stats2 /* [2,128] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict w /* [512,128,1,1] */,
    uint32_t salt,
    float rate) {
    /* y (4096, 512) = f(x) (4096, 128) · wᵀ: tiles of 512 rows of f(x) computed into scratch, one sgemm each */
    float q0[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q0[c] = gamma2[c] / sqrtf(stats2[128 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q2[c] = gamma[c] / sqrtf(stats[128 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 512, 128, w, 128);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 65536);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 8; t++) {
            const long m0 = t * 512, rows = m0 + 512 <= 4096 ? 512 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 128; c++) {
                    const float t0 = x2[r * 128 + c];
                    const float t1 = (t0 - stats2[c]) * q0[c] + beta2[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = x[r * 128 + c];
                    const float t4 = (t3 - stats[c]) * q2[c] + beta[c];
                    const float t5 = t2 + t4;
                    tile[(r - m0) * 128 + c] = t5;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 512, 128, 1.0f, tile, 128, w_f32, 0.0f, y + m0 * 512, 512);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %256 = bn_train(%248, %253, %249, %250) : f32[4,32,32,128]  features.4.0.block.3.1
 * %302 = bn_train(%294, %299, %295, %296) : f32[4,32,32,128]  features.4.1.block.3.1
 * %304 = stochastic_depth(%302, %303) : f32[4,32,32,128]  features.4.1.stochastic_depth
 * %305 = add(%304, %256) : f32[4,32,32,128]  features.4.1
 * %351 = bn_train(%343, %348, %344, %345) : f32[4,32,32,128]  features.4.2.block.3.1
 * %352 = stochastic_depth(%351, %303) : f32[4,32,32,128]  features.4.2.stochastic_depth
 * %353 = add(%352, %305) : f32[4,32,32,128]  features.4.2
 * %355 = conv2d(%353, %354) : f32[4,32,32,512]  features.4.3.block.0.0
 * out %355 -> A + 136577024
 * in  %248 f32[4,32,32,128] <- A + 234946560
 * in  %249 f32[128] <- M + 964840 (features.4.0.block.3.1.weight)
 * in  %250 f32[128] <- M + 964968 (features.4.0.block.3.1.bias)
 * in  %253 f32[2,128] <- A + 243893056
 * in  %294 f32[4,32,32,128] <- A + 235470848
 * in  %295 f32[128] <- M + 1136136 (features.4.1.block.3.1.weight)
 * in  %296 f32[128] <- M + 1136264 (features.4.1.block.3.1.bias)
 * in  %299 f32[2,128] <- A + 243893312
 * in  %303 i32[1] <- io[8] (seed)
 * in  %343 f32[4,32,32,128] <- A + 235995136
 * in  %344 f32[128] <- M + 1307432 (features.4.2.block.3.1.weight)
 * in  %345 f32[128] <- M + 1307560 (features.4.2.block.3.1.bias)
 * in  %348 f32[2,128] <- A + 243893568
 * in  %354 f32[512,128,1,1] <- M + 1307688 (features.4.3.block.0.0.weight)
 */
void k207_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,32,32,512] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict gamma /* [128] */,
    const float *restrict beta /* [128] */,
    const float *restrict stats /* [2,128] */,
    const float *restrict x2 /* [4,32,32,128] */,
    const float *restrict gamma2 /* [128] */,
    const float *restrict beta2 /* [128] */,
    const float *restrict stats2 /* [2,128] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x3 /* [4,32,32,128] */,
    const float *restrict gamma3 /* [128] */,
    const float *restrict beta3 /* [128] */,
    const float *restrict stats3 /* [2,128] */,
    const float *restrict w /* [512,128,1,1] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* y (4096, 512) = f(x) (4096, 128) · wᵀ: tiles of 512 rows of f(x) computed into scratch, one sgemm each */
    float q0[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q0[c] = gamma3[c] / sqrtf(stats3[128 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q2[c] = gamma2[c] / sqrtf(stats2[128 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float q4[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q4[c] = gamma[c] / sqrtf(stats[128 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 512, 128, w, 128);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 65536);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 8; t++) {
            const long m0 = t * 512, rows = m0 + 512 <= 4096 ? 512 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 128; c++) {
                    const float t0 = x3[r * 128 + c];
                    const float t1 = (t0 - stats3[c]) * q0[c] + beta3[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = x2[r * 128 + c];
                    const float t4 = (t3 - stats2[c]) * q2[c] + beta2[c];
                    const float t5 = t4 * q3[r / 1024];
                    const float t6 = x[r * 128 + c];
                    const float t7 = (t6 - stats[c]) * q4[c] + beta[c];
                    const float t8 = t5 + t7;
                    const float t9 = t2 + t8;
                    tile[(r - m0) * 128 + c] = t9;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 512, 128, 1.0f, tile, 128, w_f32, 0.0f, y + m0 * 512, 512);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %2943 = stochastic_depth_bwd(%2941, %303) : f32[4,32,32,128]  features.4.5.stochastic_depth
 * %2944 = bn_bwd_reduce(%2943, %487, %492) : f32[2,128]  features.4.5.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2944 -> A + 243879424
 * in  %303 i32[1] <- io[8] (seed)
 * in  %487 f32[4,32,32,128] <- A + 238092288
 * in  %492 f32[2,128] <- A + 243894336
 * in  %2941 f32[4,32,32,128] <- A + 226754560
 */
void k199b_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,128] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict stats /* [2,128] */,
    const float *restrict dy /* [4,32,32,128] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[128];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q1[c] = 1.0f / sqrtf(stats[128 + c] + 0.001f);
    }
    enum { C = 128, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = dy[r * 128 + c];
                const float t1 = t0 * q0[r / 1024];
                const float t2 = x[r * 128 + c];
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
 * %2943 = stochastic_depth_bwd(%2941, %303) : f32[4,32,32,128]  features.4.5.stochastic_depth
 * %2945 = bn_bwd_input(%2943, %487, %492, %488, %2944) : f32[4,32,32,128]  features.4.5.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2945 -> A + 227278848
 * in  %303 i32[1] <- io[8] (seed)
 * in  %487 f32[4,32,32,128] <- A + 238092288
 * in  %488 f32[128] <- M + 1821320 (features.4.5.block.3.1.weight)
 * in  %492 f32[2,128] <- A + 243894336
 * in  %2941 f32[4,32,32,128] <- A + 226754560
 * in  %2944 f32[2,128] <- A + 243879424
 */
void k199b_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,128] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict gamma /* [128] */,
    const float *restrict stats /* [2,128] */,
    const float *restrict dy /* [4,32,32,128] */,
    const float *restrict dstats /* [2,128] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[128], q2[128], q3[128];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 128; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[128 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[128 + c] / 4096.0f * (1.0f / sqrtf(stats[128 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 128; c++) {
            const long i = r * 128 + c;
            const float t0 = dy[r * 128 + c];
            const float t1 = t0 * q0[r / 1024];
            const float t2 = x[r * 128 + c];
            const float t3 = q1[c] * (t1 - q2[c] - (t2 - stats[c]) * q3[c]);
            dx[i] = t3;
        }
    }
}

/*
 * %2946 = slice(%2944) : f32[1,128]  features.4.5.block.3.1
 * %2947 = reshape(%2946) : f32[128]  features.4.5.block.3.1
 * %3381 = add(%3380, %2947) : f32[128]  features.4.5.block.3.1.weight
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %3381 -> G + 1821320
 * in  %2944 f32[2,128] <- A + 243879424
 * in  %3380 f32[128] <- G + 1821320 (features.4.5.block.3.1.weight)
 */
void k199b_slice_acc(float *restrict grad /* [128] */, const float *restrict x /* [2,128] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 128; j++) grad[o * 128 + j] += x[o * 256 + 128 + j];
}

/*
 * %2948 = slice(%2944) : f32[1,128]  features.4.5.block.3.1
 * %2949 = reshape(%2948) : f32[128]  features.4.5.block.3.1
 * %3383 = add(%3382, %2949) : f32[128]  features.4.5.block.3.1.bias
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %3383 -> G + 1821448
 * in  %2944 f32[2,128] <- A + 243879424
 * in  %3382 f32[128] <- G + 1821448 (features.4.5.block.3.1.bias)
 */
void k199b2_slice_acc(float *restrict grad /* [128] */, const float *restrict x /* [2,128] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 128; j++) grad[o * 128 + j] += x[o * 256 + 0 + j];
}

/*
 * %2950 = conv2d_bwd_input(%2945, %486) : f32[4,32,32,512]  features.4.5.block.3.0
 * 10 call sites share this function; the nodes and locations above are the first one's.
 * out %2950 -> A + 8388608
 * in  %2945 f32[4,32,32,128] <- A + 227278848
 * in  %486 f32[128,512,1,1] <- M + 1755784 (features.4.5.block.3.0.weight)
 */
void k205b_conv1x1_bwd_input(
    float *restrict dx /* [4,32,32,512] */,
    const float *restrict dy /* [4,32,32,128] */,
    const float *restrict w /* [128,512,1,1] */) {
    /* dx of x (4,32,32,512) w (128,512,1,1) y (4,32,32,128) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    /* the weight packed once; tiles of 132 rows in parallel */
    float *w_f32 = breastai_gemm_f32_pack(CblasNoTrans, 512, 128, w, 512);  /* packed once for every tile */
    #pragma omp parallel for schedule(static)
    for (long t = 0; t < 32; t++) {
        const long m0 = t * 132, rows = m0 + 132 <= 4096 ? 132 : 4096 - m0;
        breastai_gemm_f32_packed(CblasNoTrans, rows, 512, 128, 1.0f, dy + m0 * 128, 128, w_f32, 0.0f, dx + m0 * 512, 512);
    }
    free(w_f32);
}

/*
 * %470 = bn_train(%462, %467, %463, %464) : f32[4,32,32,512]  features.4.5.block.1.1
 * %471 = silu(%470) : f32[4,32,32,512]  features.4.5.block.1.2
 * %485 = mul(%471, %484) : f32[4,32,32,512]  features.4.5.block.2
 * %2951 = conv2d_bwd_weight(%2945, %485) : f32[128,512,1,1]  features.4.5.block.3.0
 * %3379 = add(%3378, %2951) : f32[128,512,1,1]  features.4.5.block.3.0.weight
 * 10 call sites share this function; the nodes and locations above are the first one's.
 * out %3379 -> G + 1755784
 * in  %462 f32[4,32,32,512] <- A + 153354240
 * in  %463 f32[512] <- M + 1721448 (features.4.5.block.1.1.weight)
 * in  %464 f32[512] <- M + 1721960 (features.4.5.block.1.1.bias)
 * in  %467 f32[2,512] <- A + 243878400
 * in  %484 f32[4,1,1,512] <- A + 243826432
 * in  %2945 f32[4,32,32,128] <- A + 227278848
 * in  %3378 f32[128,512,1,1] <- G + 1755784 (features.4.5.block.3.0.weight)
 */
void k205b_bn_train_silu_mul_conv1x1_bwd_weight_acc(
    float *restrict grad /* [128,512,1,1] */,
    const float *restrict x /* [4,32,32,512] */,
    const float *restrict gamma /* [512] */,
    const float *restrict beta /* [512] */,
    const float *restrict stats /* [2,512] */,
    const float *restrict scale /* [4,1,1,512] */,
    const float *restrict dy /* [4,32,32,128] */) {
    /* dw (128, 512) += dyᵀ (128, 4096) · f(x) (4096, 512), f(x) recomputed in tiles of 256 rows */
    float q0[512];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q0[c] = gamma[c] / sqrtf(stats[512 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 65536);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 65536;
        float *restrict tile = malloc(sizeof(float) * 131072);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 16; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 4096 ? 256 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 512; c++) {
                    const float t0 = x[r * 512 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    const float t3 = scale[(r / 1024) * 512 + c];
                    const float t4 = t2 * t3;
                    tile[(r - m0) * 512 + c] = t4;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 128, 512, rows, 1.0f, dy + m0 * 128, 128, tile, 512, first ? 0.0f : 1.0f, mine, 512);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 65536);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 65536; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 65536 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %2979 = conv2d_bwd_input(%2974, %461) : f32[4,32,32,512]  features.4.5.block.1.0
 * 10 call sites share this function; the nodes and locations above are the first one's.
 * out %2979 -> A + 8388608
 * in  %2974 f32[4,32,32,512] <- A + 10485760
 * in  %461 f32[512,1,3,3] <- M + 1716840 (features.4.5.block.1.0.weight)
 */
void k203b_dwconv3x3_bwd_input(
    float *restrict dx /* [4,32,32,512] */,
    const float *restrict dy /* [4,32,32,512] */,
    const float *restrict w /* [512,1,3,3] */) {
    /* dx of x (4,32,32,512) w (512,1,3,3) y (4,32,32,512) stride 1 pad 1 groups 512 */
    float *restrict wt = malloc(sizeof(float) * 4608);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 512; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 512 + c] = w[(c * 3 + r) * 3 + s];
    /* Depthwise 3x3 dx as a sliding window over dy: per input row and block of 16 channels, the weights and
     * the 3x3 window of dy stay in registers while iw moves right; rows and columns outside dy are zeros. */
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long ih = 0; ih < 32; ih++) {
            const int up = ih > 0, down = ih + 1 < 32;
            const long o1 = (n * 32 + ih) * 16384, o0 = o1 - 16384, o2 = o1 + 16384;
            for (long c = 0; c < 512; c += 16) {
                const ba_v16 zero = {0};
                const ba_v16 w00 = *(const ba_v16 *)(wt + c), w01 = *(const ba_v16 *)(wt + 512 + c), w02 = *(const ba_v16 *)(wt + 1024 + c);
                const ba_v16 w10 = *(const ba_v16 *)(wt + 1536 + c), w11 = *(const ba_v16 *)(wt + 2048 + c), w12 = *(const ba_v16 *)(wt + 2560 + c);
                const ba_v16 w20 = *(const ba_v16 *)(wt + 3072 + c), w21 = *(const ba_v16 *)(wt + 3584 + c), w22 = *(const ba_v16 *)(wt + 4096 + c);
                ba_v16 v00 = zero, v10 = zero, v20 = zero;
                ba_v16 v01 = up ? *(const ba_v16 *)(dy + o0 + c) : zero, v11 = *(const ba_v16 *)(dy + o1 + c), v21 = down ? *(const ba_v16 *)(dy + o2 + c) : zero;
                for (long col = 0; col < 32; col++) {
                    ba_v16 v02 = zero, v12 = zero, v22 = zero;
                    if (col + 1 < 32) {
                        const long next = (col + 1) * 512 + c;
                        if (up) { v02 = *(const ba_v16 *)(dy + o0 + next); __builtin_prefetch(dy + o0 + next + 16); }
                        v12 = *(const ba_v16 *)(dy + o1 + next); __builtin_prefetch(dy + o1 + next + 16);
                        if (down) { v22 = *(const ba_v16 *)(dy + o2 + next); __builtin_prefetch(dy + o2 + next + 16); }
                    }
                    const ba_v16 v = v22 * w00 + v21 * w01 + v20 * w02
                        + v12 * w10 + v11 * w11 + v10 * w12
                        + v02 * w20 + v01 * w21 + v00 * w22;
                    *(ba_v16 *)(dx + o1 + col * 512 + c) = v;
                    __builtin_prefetch(dx + o1 + col * 512 + c + 16, 1);
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
            }
        }
    }
    free(wt);
}

/*
 * %2980 = conv2d_bwd_weight(%2974, %460) : f32[512,1,3,3]  features.4.5.block.1.0
 * %3365 = add(%3364, %2980) : f32[512,1,3,3]  features.4.5.block.1.0.weight
 * 10 call sites share this function; the nodes and locations above are the first one's.
 * out %3365 -> G + 1716840
 * in  %2974 f32[4,32,32,512] <- A + 10485760
 * in  %460 f32[4,32,32,512] <- A + 151257088
 * in  %3364 f32[512,1,3,3] <- G + 1716840 (features.4.5.block.1.0.weight)
 */
void k203b_dwconv3x3_bwd_weight_acc(
    float *restrict grad /* [512,1,3,3] */,
    const float *restrict dy /* [4,32,32,512] */,
    const float *restrict x /* [4,32,32,512] */) {
    /* dw of x (4,32,32,512) w (512,1,3,3) y (4,32,32,512) stride 1 pad 1 groups 512, added into the accumulator */
    /* Depthwise dw: dw[c, r, s] = Σ_{n, oh, ow} dy[n, oh, ow, c] · x[n, ih, iw, c], channels innermost. Each thread
     * sums a fixed range of output rows into its own (R, S, C) partial (each row in float, the partial in
     * double); the partials are added in thread order. */
    /* 3x3, stride 1: each row's nine sums in registers, a sliding window over x (CEmitter+DepthwiseWindow) */
    const int max_threads = omp_get_max_threads();
    double *restrict part = calloc((size_t)max_threads * 4608, sizeof(double));  /* (threads, R, S, C) */
    if (!part) abort();
    int threads = 1;
    #pragma omp parallel num_threads(max_threads)
    {
        const int thread = omp_get_thread_num(), team = omp_get_num_threads();
        if (thread == 0) threads = team;
        double *restrict acc = part + (long)thread * 4608;
        for (long row = 128L * thread / team; row < 128L * (thread + 1) / team; row++) {
            const long n = row / 32, oh = row % 32;
            const int up = oh > 0, down = oh + 1 < 32;
            const long o1 = (n * 32 + oh) * 16384, o0 = o1 - 16384, o2 = o1 + 16384;
            for (long c = 0; c < 512; c += 16) {
                const ba_v16 zero = {0};
                ba_v16 g00 = zero, g01 = zero, g02 = zero, g10 = zero, g11 = zero, g12 = zero, g20 = zero, g21 = zero, g22 = zero;
                ba_v16 v00 = zero, v10 = zero, v20 = zero;
                ba_v16 v01 = up ? *(const ba_v16 *)(x + o0 + c) : zero, v11 = *(const ba_v16 *)(x + o1 + c), v21 = down ? *(const ba_v16 *)(x + o2 + c) : zero;
                for (long col = 0; col < 32; col++) {
                    ba_v16 v02 = zero, v12 = zero, v22 = zero;
                    if (col + 1 < 32) {
                        const long next = (col + 1) * 512 + c;
                        if (up) { v02 = *(const ba_v16 *)(x + o0 + next); __builtin_prefetch(x + o0 + next + 16); }
                        v12 = *(const ba_v16 *)(x + o1 + next); __builtin_prefetch(x + o1 + next + 16);
                        if (down) { v22 = *(const ba_v16 *)(x + o2 + next); __builtin_prefetch(x + o2 + next + 16); }
                    }
                    const ba_v16 g = *(const ba_v16 *)(dy + o1 + col * 512 + c);
                    __builtin_prefetch(dy + o1 + col * 512 + c + 16);
                    g00 += g * v00; g01 += g * v01; g02 += g * v02;
                    g10 += g * v10; g11 += g * v11; g12 += g * v12;
                    g20 += g * v20; g21 += g * v21; g22 += g * v22;
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
                *(ba_v8d *)(acc + c) += BA_LO_V8D(g00); *(ba_v8d *)(acc + c + 8) += BA_HI_V8D(g00);
                *(ba_v8d *)(acc + 512 + c) += BA_LO_V8D(g01); *(ba_v8d *)(acc + 512 + c + 8) += BA_HI_V8D(g01);
                *(ba_v8d *)(acc + 1024 + c) += BA_LO_V8D(g02); *(ba_v8d *)(acc + 1024 + c + 8) += BA_HI_V8D(g02);
                *(ba_v8d *)(acc + 1536 + c) += BA_LO_V8D(g10); *(ba_v8d *)(acc + 1536 + c + 8) += BA_HI_V8D(g10);
                *(ba_v8d *)(acc + 2048 + c) += BA_LO_V8D(g11); *(ba_v8d *)(acc + 2048 + c + 8) += BA_HI_V8D(g11);
                *(ba_v8d *)(acc + 2560 + c) += BA_LO_V8D(g12); *(ba_v8d *)(acc + 2560 + c + 8) += BA_HI_V8D(g12);
                *(ba_v8d *)(acc + 3072 + c) += BA_LO_V8D(g20); *(ba_v8d *)(acc + 3072 + c + 8) += BA_HI_V8D(g20);
                *(ba_v8d *)(acc + 3584 + c) += BA_LO_V8D(g21); *(ba_v8d *)(acc + 3584 + c + 8) += BA_HI_V8D(g21);
                *(ba_v8d *)(acc + 4096 + c) += BA_LO_V8D(g22); *(ba_v8d *)(acc + 4096 + c + 8) += BA_HI_V8D(g22);
            }
        }
    }
    /* dw[c, r, s] = Σ_thread part[thread, r, s, c], in thread order */
    #pragma omp parallel for schedule(static)
    for (long c = 0; c < 512; c++) {
        for (long t = 0; t < 9; t++) {
            double sum = 0.0;
            for (int thread = 0; thread < threads; thread++) sum += part[((long)thread * 9 + t) * 512 + c];
            grad[c * 9 + t] += (float)sum;
        }
    }
    free(part);
}

/*
 * %459 = bn_train(%451, %456, %452, %453) : f32[4,32,32,512]  features.4.5.block.0.1
 * %2981 = silu_bwd(%2979, %459) : f32[4,32,32,512]  features.4.5.block.0.2
 * %2982 = bn_bwd_reduce(%2981, %451, %456) : f32[2,512]  features.4.5.block.0.1
 * 10 call sites share this function; the nodes and locations above are the first one's.
 * out %2982 -> A + 243822336
 * in  %451 f32[4,32,32,512] <- A + 149159936
 * in  %452 f32[512] <- M + 1715816 (features.4.5.block.0.1.weight)
 * in  %453 f32[512] <- M + 1716328 (features.4.5.block.0.1.bias)
 * in  %456 f32[2,512] <- A + 243877376
 * in  %2979 f32[4,32,32,512] <- A + 8388608
 */
void k201b_bn_train_silu_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,512] */,
    const float *restrict x /* [4,32,32,512] */,
    const float *restrict gamma /* [512] */,
    const float *restrict beta /* [512] */,
    const float *restrict stats /* [2,512] */,
    const float *restrict dy /* [4,32,32,512] */) {
    float q0[512];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q0[c] = gamma[c] / sqrtf(stats[512 + c] + 0.001f);
    }
    float q1[512];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 512; c++) {
        q1[c] = 1.0f / sqrtf(stats[512 + c] + 0.001f);
    }
    enum { C = 512, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = dy[r * 512 + c];
                const float t1 = x[r * 512 + c];
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
 * %459 = bn_train(%451, %456, %452, %453) : f32[4,32,32,512]  features.4.5.block.0.1
 * %2981 = silu_bwd(%2979, %459) : f32[4,32,32,512]  features.4.5.block.0.2
 * %2983 = bn_bwd_input(%2981, %451, %456, %452, %2982) : f32[4,32,32,512]  features.4.5.block.0.1
 * 10 call sites share this function; the nodes and locations above are the first one's.
 * out %2983 -> A + 10485760
 * in  %451 f32[4,32,32,512] <- A + 149159936
 * in  %452 f32[512] <- M + 1715816 (features.4.5.block.0.1.weight)
 * in  %453 f32[512] <- M + 1716328 (features.4.5.block.0.1.bias)
 * in  %456 f32[2,512] <- A + 243877376
 * in  %2979 f32[4,32,32,512] <- A + 8388608
 * in  %2982 f32[2,512] <- A + 243822336
 */
void k201b_bn_train_silu_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,512] */,
    const float *restrict x /* [4,32,32,512] */,
    const float *restrict gamma /* [512] */,
    const float *restrict beta /* [512] */,
    const float *restrict stats /* [2,512] */,
    const float *restrict dy /* [4,32,32,512] */,
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
            const float t0 = dy[r * 512 + c];
            const float t1 = x[r * 512 + c];
            const float t2 = (t1 - stats[c]) * q0[c] + beta[c];
            const float t3s = ba_sigmoid(t2);
            const float t3 = t0 * (t3s * (1.0f + t2 * (1.0f - t3s)));
            const float t4 = q1[c] * (t3 - q2[c] - (t1 - stats[c]) * q3[c]);
            dx[i] = t4;
        }
    }
}

/*
 * %2990 = add_n(%2941, %2988) : f32[4,32,32,128]  features.4.4
 * %2991 = stochastic_depth_bwd(%2990, %303) : f32[4,32,32,128]  features.4.4.stochastic_depth
 * %2992 = bn_bwd_reduce(%2991, %439, %444) : f32[2,128]  features.4.4.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2992 -> A + 243877376
 * in  %303 i32[1] <- io[8] (seed)
 * in  %439 f32[4,32,32,128] <- A + 237568000
 * in  %444 f32[2,128] <- A + 243894080
 * in  %2941 f32[4,32,32,128] <- A + 226754560
 * in  %2988 f32[4,32,32,128] <- A + 227278848
 */
void k199b_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,128] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict stats /* [2,128] */,
    const float *restrict x2 /* [4,32,32,128] */,
    const float *restrict x3 /* [4,32,32,128] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[128];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q1[c] = 1.0f / sqrtf(stats[128 + c] + 0.001f);
    }
    enum { C = 128, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 128 + c];
                const float t1 = x3[r * 128 + c];
                const float t2 = t0 + t1;
                const float t3 = t2 * q0[r / 1024];
                const float t4 = x[r * 128 + c];
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
 * %2990 = add_n(%2941, %2988) : f32[4,32,32,128]  features.4.4
 * %2991 = stochastic_depth_bwd(%2990, %303) : f32[4,32,32,128]  features.4.4.stochastic_depth
 * %2993 = bn_bwd_input(%2991, %439, %444, %440, %2992) : f32[4,32,32,128]  features.4.4.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %2993 -> A + 227803136
 * in  %303 i32[1] <- io[8] (seed)
 * in  %439 f32[4,32,32,128] <- A + 237568000
 * in  %440 f32[128] <- M + 1650024 (features.4.4.block.3.1.weight)
 * in  %444 f32[2,128] <- A + 243894080
 * in  %2941 f32[4,32,32,128] <- A + 226754560
 * in  %2988 f32[4,32,32,128] <- A + 227278848
 * in  %2992 f32[2,128] <- A + 243877376
 */
void k199b_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,128] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict gamma /* [128] */,
    const float *restrict stats /* [2,128] */,
    const float *restrict x2 /* [4,32,32,128] */,
    const float *restrict x3 /* [4,32,32,128] */,
    const float *restrict dstats /* [2,128] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[128], q2[128], q3[128];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 128; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[128 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[128 + c] / 4096.0f * (1.0f / sqrtf(stats[128 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 128; c++) {
            const long i = r * 128 + c;
            const float t0 = x2[r * 128 + c];
            const float t1 = x3[r * 128 + c];
            const float t2 = t0 + t1;
            const float t3 = t2 * q0[r / 1024];
            const float t4 = x[r * 128 + c];
            const float t5 = q1[c] * (t3 - q2[c] - (t4 - stats[c]) * q3[c]);
            dx[i] = t5;
        }
    }
}

/*
 * %2990 = add_n(%2941, %2988) : f32[4,32,32,128]  features.4.4
 * %3038 = add_n(%2990, %3036) : f32[4,32,32,128]  features.4.3
 * %3039 = stochastic_depth_bwd(%3038, %303) : f32[4,32,32,128]  features.4.3.stochastic_depth
 * %3040 = bn_bwd_reduce(%3039, %391, %396) : f32[2,128]  features.4.3.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3040 -> A + 243875328
 * in  %303 i32[1] <- io[8] (seed)
 * in  %391 f32[4,32,32,128] <- A + 236519424
 * in  %396 f32[2,128] <- A + 243893824
 * in  %2941 f32[4,32,32,128] <- A + 226754560
 * in  %2988 f32[4,32,32,128] <- A + 227278848
 * in  %3036 f32[4,32,32,128] <- A + 227803136
 */
void k199b2_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,128] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict stats /* [2,128] */,
    const float *restrict x2 /* [4,32,32,128] */,
    const float *restrict x3 /* [4,32,32,128] */,
    const float *restrict x4 /* [4,32,32,128] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[128];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q1[c] = 1.0f / sqrtf(stats[128 + c] + 0.001f);
    }
    enum { C = 128, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 128 + c];
                const float t1 = x3[r * 128 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 128 + c];
                const float t4 = t2 + t3;
                const float t5 = t4 * q0[r / 1024];
                const float t6 = x[r * 128 + c];
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
 * %2990 = add_n(%2941, %2988) : f32[4,32,32,128]  features.4.4
 * %3038 = add_n(%2990, %3036) : f32[4,32,32,128]  features.4.3
 * %3039 = stochastic_depth_bwd(%3038, %303) : f32[4,32,32,128]  features.4.3.stochastic_depth
 * %3041 = bn_bwd_input(%3039, %391, %396, %392, %3040) : f32[4,32,32,128]  features.4.3.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3041 -> A + 228327424
 * in  %303 i32[1] <- io[8] (seed)
 * in  %391 f32[4,32,32,128] <- A + 236519424
 * in  %392 f32[128] <- M + 1478728 (features.4.3.block.3.1.weight)
 * in  %396 f32[2,128] <- A + 243893824
 * in  %2941 f32[4,32,32,128] <- A + 226754560
 * in  %2988 f32[4,32,32,128] <- A + 227278848
 * in  %3036 f32[4,32,32,128] <- A + 227803136
 * in  %3040 f32[2,128] <- A + 243875328
 */
void k199b2_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,128] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict gamma /* [128] */,
    const float *restrict stats /* [2,128] */,
    const float *restrict x2 /* [4,32,32,128] */,
    const float *restrict x3 /* [4,32,32,128] */,
    const float *restrict x4 /* [4,32,32,128] */,
    const float *restrict dstats /* [2,128] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[128], q2[128], q3[128];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 128; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[128 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[128 + c] / 4096.0f * (1.0f / sqrtf(stats[128 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 128; c++) {
            const long i = r * 128 + c;
            const float t0 = x2[r * 128 + c];
            const float t1 = x3[r * 128 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 128 + c];
            const float t4 = t2 + t3;
            const float t5 = t4 * q0[r / 1024];
            const float t6 = x[r * 128 + c];
            const float t7 = q1[c] * (t5 - q2[c] - (t6 - stats[c]) * q3[c]);
            dx[i] = t7;
        }
    }
}

/*
 * %256 = bn_train(%248, %253, %249, %250) : f32[4,32,32,128]  features.4.0.block.3.1
 * %302 = bn_train(%294, %299, %295, %296) : f32[4,32,32,128]  features.4.1.block.3.1
 * %304 = stochastic_depth(%302, %303) : f32[4,32,32,128]  features.4.1.stochastic_depth
 * %305 = add(%304, %256) : f32[4,32,32,128]  features.4.1
 * %351 = bn_train(%343, %348, %344, %345) : f32[4,32,32,128]  features.4.2.block.3.1
 * %352 = stochastic_depth(%351, %303) : f32[4,32,32,128]  features.4.2.stochastic_depth
 * %353 = add(%352, %305) : f32[4,32,32,128]  features.4.2
 * %3085 = conv2d_bwd_weight(%3079, %353) : f32[512,128,1,1]  features.4.3.block.0.0
 * %3307 = add(%3306, %3085) : f32[512,128,1,1]  features.4.3.block.0.0.weight
 * out %3307 -> G + 1307688
 * in  %248 f32[4,32,32,128] <- A + 234946560
 * in  %249 f32[128] <- M + 964840 (features.4.0.block.3.1.weight)
 * in  %250 f32[128] <- M + 964968 (features.4.0.block.3.1.bias)
 * in  %253 f32[2,128] <- A + 243893056
 * in  %294 f32[4,32,32,128] <- A + 235470848
 * in  %295 f32[128] <- M + 1136136 (features.4.1.block.3.1.weight)
 * in  %296 f32[128] <- M + 1136264 (features.4.1.block.3.1.bias)
 * in  %299 f32[2,128] <- A + 243893312
 * in  %303 i32[1] <- io[8] (seed)
 * in  %343 f32[4,32,32,128] <- A + 235995136
 * in  %344 f32[128] <- M + 1307432 (features.4.2.block.3.1.weight)
 * in  %345 f32[128] <- M + 1307560 (features.4.2.block.3.1.bias)
 * in  %348 f32[2,128] <- A + 243893568
 * in  %3079 f32[4,32,32,512] <- A + 10485760
 * in  %3306 f32[512,128,1,1] <- G + 1307688 (features.4.3.block.0.0.weight)
 */
void k207b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [512,128,1,1] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict gamma /* [128] */,
    const float *restrict beta /* [128] */,
    const float *restrict stats /* [2,128] */,
    const float *restrict x2 /* [4,32,32,128] */,
    const float *restrict gamma2 /* [128] */,
    const float *restrict beta2 /* [128] */,
    const float *restrict stats2 /* [2,128] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x3 /* [4,32,32,128] */,
    const float *restrict gamma3 /* [128] */,
    const float *restrict beta3 /* [128] */,
    const float *restrict stats3 /* [2,128] */,
    const float *restrict dy /* [4,32,32,512] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* dw (512, 128) += dyᵀ (512, 4096) · f(x) (4096, 128), f(x) recomputed in tiles of 512 rows */
    float q0[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q0[c] = gamma3[c] / sqrtf(stats3[128 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q2[c] = gamma2[c] / sqrtf(stats2[128 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float q4[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q4[c] = gamma[c] / sqrtf(stats[128 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 65536);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 65536;
        float *restrict tile = malloc(sizeof(float) * 65536);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 8; t++) {
            const long m0 = t * 512, rows = m0 + 512 <= 4096 ? 512 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 128; c++) {
                    const float t0 = x3[r * 128 + c];
                    const float t1 = (t0 - stats3[c]) * q0[c] + beta3[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = x2[r * 128 + c];
                    const float t4 = (t3 - stats2[c]) * q2[c] + beta2[c];
                    const float t5 = t4 * q3[r / 1024];
                    const float t6 = x[r * 128 + c];
                    const float t7 = (t6 - stats[c]) * q4[c] + beta[c];
                    const float t8 = t5 + t7;
                    const float t9 = t2 + t8;
                    tile[(r - m0) * 128 + c] = t9;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 512, 128, rows, 1.0f, dy + m0 * 512, 512, tile, 128, first ? 0.0f : 1.0f, mine, 128);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 65536);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 65536; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 65536 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %2990 = add_n(%2941, %2988) : f32[4,32,32,128]  features.4.4
 * %3038 = add_n(%2990, %3036) : f32[4,32,32,128]  features.4.3
 * %3086 = add_n(%3038, %3084) : f32[4,32,32,128]  features.4.2
 * %3087 = stochastic_depth_bwd(%3086, %303) : f32[4,32,32,128]  features.4.2.stochastic_depth
 * %3088 = bn_bwd_reduce(%3087, %343, %348) : f32[2,128]  features.4.2.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3088 -> A + 243873280
 * in  %303 i32[1] <- io[8] (seed)
 * in  %343 f32[4,32,32,128] <- A + 235995136
 * in  %348 f32[2,128] <- A + 243893568
 * in  %2941 f32[4,32,32,128] <- A + 226754560
 * in  %2988 f32[4,32,32,128] <- A + 227278848
 * in  %3036 f32[4,32,32,128] <- A + 227803136
 * in  %3084 f32[4,32,32,128] <- A + 228327424
 */
void k199b3_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,128] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict stats /* [2,128] */,
    const float *restrict x2 /* [4,32,32,128] */,
    const float *restrict x3 /* [4,32,32,128] */,
    const float *restrict x4 /* [4,32,32,128] */,
    const float *restrict x5 /* [4,32,32,128] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[128];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q1[c] = 1.0f / sqrtf(stats[128 + c] + 0.001f);
    }
    enum { C = 128, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 128 + c];
                const float t1 = x3[r * 128 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 128 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 128 + c];
                const float t6 = t4 + t5;
                const float t7 = t6 * q0[r / 1024];
                const float t8 = x[r * 128 + c];
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
 * %2990 = add_n(%2941, %2988) : f32[4,32,32,128]  features.4.4
 * %3038 = add_n(%2990, %3036) : f32[4,32,32,128]  features.4.3
 * %3086 = add_n(%3038, %3084) : f32[4,32,32,128]  features.4.2
 * %3087 = stochastic_depth_bwd(%3086, %303) : f32[4,32,32,128]  features.4.2.stochastic_depth
 * %3089 = bn_bwd_input(%3087, %343, %348, %344, %3088) : f32[4,32,32,128]  features.4.2.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3089 -> A + 228851712
 * in  %303 i32[1] <- io[8] (seed)
 * in  %343 f32[4,32,32,128] <- A + 235995136
 * in  %344 f32[128] <- M + 1307432 (features.4.2.block.3.1.weight)
 * in  %348 f32[2,128] <- A + 243893568
 * in  %2941 f32[4,32,32,128] <- A + 226754560
 * in  %2988 f32[4,32,32,128] <- A + 227278848
 * in  %3036 f32[4,32,32,128] <- A + 227803136
 * in  %3084 f32[4,32,32,128] <- A + 228327424
 * in  %3088 f32[2,128] <- A + 243873280
 */
void k199b3_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,128] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict gamma /* [128] */,
    const float *restrict stats /* [2,128] */,
    const float *restrict x2 /* [4,32,32,128] */,
    const float *restrict x3 /* [4,32,32,128] */,
    const float *restrict x4 /* [4,32,32,128] */,
    const float *restrict x5 /* [4,32,32,128] */,
    const float *restrict dstats /* [2,128] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[128], q2[128], q3[128];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 128; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[128 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[128 + c] / 4096.0f * (1.0f / sqrtf(stats[128 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 128; c++) {
            const long i = r * 128 + c;
            const float t0 = x2[r * 128 + c];
            const float t1 = x3[r * 128 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 128 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 128 + c];
            const float t6 = t4 + t5;
            const float t7 = t6 * q0[r / 1024];
            const float t8 = x[r * 128 + c];
            const float t9 = q1[c] * (t7 - q2[c] - (t8 - stats[c]) * q3[c]);
            dx[i] = t9;
        }
    }
}

/*
 * %256 = bn_train(%248, %253, %249, %250) : f32[4,32,32,128]  features.4.0.block.3.1
 * %302 = bn_train(%294, %299, %295, %296) : f32[4,32,32,128]  features.4.1.block.3.1
 * %304 = stochastic_depth(%302, %303) : f32[4,32,32,128]  features.4.1.stochastic_depth
 * %305 = add(%304, %256) : f32[4,32,32,128]  features.4.1
 * %3133 = conv2d_bwd_weight(%3127, %305) : f32[512,128,1,1]  features.4.2.block.0.0
 * %3281 = add(%3280, %3133) : f32[512,128,1,1]  features.4.2.block.0.0.weight
 * out %3281 -> G + 1136392
 * in  %248 f32[4,32,32,128] <- A + 234946560
 * in  %249 f32[128] <- M + 964840 (features.4.0.block.3.1.weight)
 * in  %250 f32[128] <- M + 964968 (features.4.0.block.3.1.bias)
 * in  %253 f32[2,128] <- A + 243893056
 * in  %294 f32[4,32,32,128] <- A + 235470848
 * in  %295 f32[128] <- M + 1136136 (features.4.1.block.3.1.weight)
 * in  %296 f32[128] <- M + 1136264 (features.4.1.block.3.1.bias)
 * in  %299 f32[2,128] <- A + 243893312
 * in  %303 i32[1] <- io[8] (seed)
 * in  %3127 f32[4,32,32,512] <- A + 10485760
 * in  %3280 f32[512,128,1,1] <- G + 1136392 (features.4.2.block.0.0.weight)
 */
void k206b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [512,128,1,1] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict gamma /* [128] */,
    const float *restrict beta /* [128] */,
    const float *restrict stats /* [2,128] */,
    const float *restrict x2 /* [4,32,32,128] */,
    const float *restrict gamma2 /* [128] */,
    const float *restrict beta2 /* [128] */,
    const float *restrict stats2 /* [2,128] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict dy /* [4,32,32,512] */,
    uint32_t salt,
    float rate) {
    /* dw (512, 128) += dyᵀ (512, 4096) · f(x) (4096, 128), f(x) recomputed in tiles of 512 rows */
    float q0[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q0[c] = gamma2[c] / sqrtf(stats2[128 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q2[c] = gamma[c] / sqrtf(stats[128 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 65536);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 65536;
        float *restrict tile = malloc(sizeof(float) * 65536);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 8; t++) {
            const long m0 = t * 512, rows = m0 + 512 <= 4096 ? 512 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 128; c++) {
                    const float t0 = x2[r * 128 + c];
                    const float t1 = (t0 - stats2[c]) * q0[c] + beta2[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = x[r * 128 + c];
                    const float t4 = (t3 - stats[c]) * q2[c] + beta[c];
                    const float t5 = t2 + t4;
                    tile[(r - m0) * 128 + c] = t5;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 512, 128, rows, 1.0f, dy + m0 * 512, 512, tile, 128, first ? 0.0f : 1.0f, mine, 128);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 65536);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 65536; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 65536 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %2990 = add_n(%2941, %2988) : f32[4,32,32,128]  features.4.4
 * %3038 = add_n(%2990, %3036) : f32[4,32,32,128]  features.4.3
 * %3086 = add_n(%3038, %3084) : f32[4,32,32,128]  features.4.2
 * %3134 = add_n(%3086, %3132) : f32[4,32,32,128]  features.4.1
 * %3135 = stochastic_depth_bwd(%3134, %303) : f32[4,32,32,128]  features.4.1.stochastic_depth
 * %3136 = bn_bwd_reduce(%3135, %294, %299) : f32[2,128]  features.4.1.block.3.1
 * out %3136 -> A + 243871232
 * in  %294 f32[4,32,32,128] <- A + 235470848
 * in  %299 f32[2,128] <- A + 243893312
 * in  %303 i32[1] <- io[8] (seed)
 * in  %2941 f32[4,32,32,128] <- A + 226754560
 * in  %2988 f32[4,32,32,128] <- A + 227278848
 * in  %3036 f32[4,32,32,128] <- A + 227803136
 * in  %3084 f32[4,32,32,128] <- A + 228327424
 * in  %3132 f32[4,32,32,128] <- A + 228851712
 */
void k199b4_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,128] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict stats /* [2,128] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x2 /* [4,32,32,128] */,
    const float *restrict x3 /* [4,32,32,128] */,
    const float *restrict x4 /* [4,32,32,128] */,
    const float *restrict x5 /* [4,32,32,128] */,
    const float *restrict x6 /* [4,32,32,128] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[128];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q1[c] = 1.0f / sqrtf(stats[128 + c] + 0.001f);
    }
    enum { C = 128, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 128 + c];
                const float t1 = x3[r * 128 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 128 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 128 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 128 + c];
                const float t8 = t6 + t7;
                const float t9 = t8 * q0[r / 1024];
                const float t10 = x[r * 128 + c];
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
 * %2990 = add_n(%2941, %2988) : f32[4,32,32,128]  features.4.4
 * %3038 = add_n(%2990, %3036) : f32[4,32,32,128]  features.4.3
 * %3086 = add_n(%3038, %3084) : f32[4,32,32,128]  features.4.2
 * %3134 = add_n(%3086, %3132) : f32[4,32,32,128]  features.4.1
 * %3135 = stochastic_depth_bwd(%3134, %303) : f32[4,32,32,128]  features.4.1.stochastic_depth
 * %3137 = bn_bwd_input(%3135, %294, %299, %295, %3136) : f32[4,32,32,128]  features.4.1.block.3.1
 * out %3137 -> A + 229376000
 * in  %294 f32[4,32,32,128] <- A + 235470848
 * in  %295 f32[128] <- M + 1136136 (features.4.1.block.3.1.weight)
 * in  %299 f32[2,128] <- A + 243893312
 * in  %303 i32[1] <- io[8] (seed)
 * in  %2941 f32[4,32,32,128] <- A + 226754560
 * in  %2988 f32[4,32,32,128] <- A + 227278848
 * in  %3036 f32[4,32,32,128] <- A + 227803136
 * in  %3084 f32[4,32,32,128] <- A + 228327424
 * in  %3132 f32[4,32,32,128] <- A + 228851712
 * in  %3136 f32[2,128] <- A + 243871232
 */
void k199b4_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,128] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict gamma /* [128] */,
    const float *restrict stats /* [2,128] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x2 /* [4,32,32,128] */,
    const float *restrict x3 /* [4,32,32,128] */,
    const float *restrict x4 /* [4,32,32,128] */,
    const float *restrict x5 /* [4,32,32,128] */,
    const float *restrict x6 /* [4,32,32,128] */,
    const float *restrict dstats /* [2,128] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[128], q2[128], q3[128];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 128; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[128 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[128 + c] / 4096.0f * (1.0f / sqrtf(stats[128 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 128; c++) {
            const long i = r * 128 + c;
            const float t0 = x2[r * 128 + c];
            const float t1 = x3[r * 128 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 128 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 128 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 128 + c];
            const float t8 = t6 + t7;
            const float t9 = t8 * q0[r / 1024];
            const float t10 = x[r * 128 + c];
            const float t11 = q1[c] * (t9 - q2[c] - (t10 - stats[c]) * q3[c]);
            dx[i] = t11;
        }
    }
}

/*
 * %256 = bn_train(%248, %253, %249, %250) : f32[4,32,32,128]  features.4.0.block.3.1
 * %3181 = conv2d_bwd_weight(%3175, %256) : f32[512,128,1,1]  features.4.1.block.0.0
 * %3255 = add(%3254, %3181) : f32[512,128,1,1]  features.4.1.block.0.0.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3255 -> G + 965096
 * in  %248 f32[4,32,32,128] <- A + 234946560
 * in  %249 f32[128] <- M + 964840 (features.4.0.block.3.1.weight)
 * in  %250 f32[128] <- M + 964968 (features.4.0.block.3.1.bias)
 * in  %253 f32[2,128] <- A + 243893056
 * in  %3175 f32[4,32,32,512] <- A + 10485760
 * in  %3254 f32[512,128,1,1] <- G + 965096 (features.4.1.block.0.0.weight)
 */
void k200b_bn_train_conv1x1_bwd_weight_acc(
    float *restrict grad /* [512,128,1,1] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict gamma /* [128] */,
    const float *restrict beta /* [128] */,
    const float *restrict stats /* [2,128] */,
    const float *restrict dy /* [4,32,32,512] */) {
    /* dw (512, 128) += dyᵀ (512, 4096) · f(x) (4096, 128), f(x) recomputed in tiles of 512 rows */
    float q0[128];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q0[c] = gamma[c] / sqrtf(stats[128 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 65536);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 65536;
        float *restrict tile = malloc(sizeof(float) * 65536);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 8; t++) {
            const long m0 = t * 512, rows = m0 + 512 <= 4096 ? 512 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 128; c++) {
                    const float t0 = x[r * 128 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    tile[(r - m0) * 128 + c] = t1;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 512, 128, rows, 1.0f, dy + m0 * 512, 512, tile, 128, first ? 0.0f : 1.0f, mine, 128);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 65536);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 65536; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 65536 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %2990 = add_n(%2941, %2988) : f32[4,32,32,128]  features.4.4
 * %3038 = add_n(%2990, %3036) : f32[4,32,32,128]  features.4.3
 * %3086 = add_n(%3038, %3084) : f32[4,32,32,128]  features.4.2
 * %3134 = add_n(%3086, %3132) : f32[4,32,32,128]  features.4.1
 * %3182 = add_n(%3134, %3180) : f32[4,32,32,128]  features.4.0.block.3.1
 * %3183 = bn_bwd_reduce(%3182, %248, %253) : f32[2,128]  features.4.0.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3183 -> A + 243882496
 * in  %248 f32[4,32,32,128] <- A + 234946560
 * in  %253 f32[2,128] <- A + 243893056
 * in  %2941 f32[4,32,32,128] <- A + 226754560
 * in  %2988 f32[4,32,32,128] <- A + 227278848
 * in  %3036 f32[4,32,32,128] <- A + 227803136
 * in  %3084 f32[4,32,32,128] <- A + 228327424
 * in  %3132 f32[4,32,32,128] <- A + 228851712
 * in  %3180 f32[4,32,32,128] <- A + 8388608
 */
void k199b_add_n_bn_bwd_reduce(
    float *restrict dstats /* [2,128] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict stats /* [2,128] */,
    const float *restrict x2 /* [4,32,32,128] */,
    const float *restrict x3 /* [4,32,32,128] */,
    const float *restrict x4 /* [4,32,32,128] */,
    const float *restrict x5 /* [4,32,32,128] */,
    const float *restrict x6 /* [4,32,32,128] */,
    const float *restrict x7 /* [4,32,32,128] */) {
    float q0[128];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q0[c] = 1.0f / sqrtf(stats[128 + c] + 0.001f);
    }
    enum { C = 128, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 128 + c];
                const float t1 = x3[r * 128 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 128 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 128 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 128 + c];
                const float t8 = t6 + t7;
                const float t9 = x7[r * 128 + c];
                const float t10 = t8 + t9;
                const float t11 = x[r * 128 + c];
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
 * %2990 = add_n(%2941, %2988) : f32[4,32,32,128]  features.4.4
 * %3038 = add_n(%2990, %3036) : f32[4,32,32,128]  features.4.3
 * %3086 = add_n(%3038, %3084) : f32[4,32,32,128]  features.4.2
 * %3134 = add_n(%3086, %3132) : f32[4,32,32,128]  features.4.1
 * %3182 = add_n(%3134, %3180) : f32[4,32,32,128]  features.4.0.block.3.1
 * %3184 = bn_bwd_input(%3182, %248, %253, %249, %3183) : f32[4,32,32,128]  features.4.0.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3184 -> A + 229376000
 * in  %248 f32[4,32,32,128] <- A + 234946560
 * in  %249 f32[128] <- M + 964840 (features.4.0.block.3.1.weight)
 * in  %253 f32[2,128] <- A + 243893056
 * in  %2941 f32[4,32,32,128] <- A + 226754560
 * in  %2988 f32[4,32,32,128] <- A + 227278848
 * in  %3036 f32[4,32,32,128] <- A + 227803136
 * in  %3084 f32[4,32,32,128] <- A + 228327424
 * in  %3132 f32[4,32,32,128] <- A + 228851712
 * in  %3180 f32[4,32,32,128] <- A + 8388608
 * in  %3183 f32[2,128] <- A + 243882496
 */
void k199b_add_n_bn_bwd_input(
    float *restrict dx /* [4,32,32,128] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict gamma /* [128] */,
    const float *restrict stats /* [2,128] */,
    const float *restrict x2 /* [4,32,32,128] */,
    const float *restrict x3 /* [4,32,32,128] */,
    const float *restrict x4 /* [4,32,32,128] */,
    const float *restrict x5 /* [4,32,32,128] */,
    const float *restrict x6 /* [4,32,32,128] */,
    const float *restrict x7 /* [4,32,32,128] */,
    const float *restrict dstats /* [2,128] */) {
    float q0[128], q1[128], q2[128];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 128; c++) {
        q0[c] = gamma[c] * (1.0f / sqrtf(stats[128 + c] + 0.001f));
        q1[c] = dstats[c] / 4096.0f;
        q2[c] = dstats[128 + c] / 4096.0f * (1.0f / sqrtf(stats[128 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 128; c++) {
            const long i = r * 128 + c;
            const float t0 = x2[r * 128 + c];
            const float t1 = x3[r * 128 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 128 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 128 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 128 + c];
            const float t8 = t6 + t7;
            const float t9 = x7[r * 128 + c];
            const float t10 = t8 + t9;
            const float t11 = x[r * 128 + c];
            const float t12 = q0[c] * (t10 - q1[c] - (t11 - stats[c]) * q2[c]);
            dx[i] = t12;
        }
    }
}

/*
 * %3189 = conv2d_bwd_input(%3184, %247) : f32[4,32,32,256]  features.4.0.block.3.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3189 -> A + 8388608
 * in  %3184 f32[4,32,32,128] <- A + 229376000
 * in  %247 f32[128,256,1,1] <- M + 932072 (features.4.0.block.3.0.weight)
 */
void k198b_conv1x1_bwd_input(
    float *restrict dx /* [4,32,32,256] */,
    const float *restrict dy /* [4,32,32,128] */,
    const float *restrict w /* [128,256,1,1] */) {
    /* dx of x (4,32,32,256) w (128,256,1,1) y (4,32,32,128) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    /* the weight packed once; tiles of 264 rows in parallel */
    float *w_f32 = breastai_gemm_f32_pack(CblasNoTrans, 256, 128, w, 256);  /* packed once for every tile */
    #pragma omp parallel for schedule(static)
    for (long t = 0; t < 16; t++) {
        const long m0 = t * 264, rows = m0 + 264 <= 4096 ? 264 : 4096 - m0;
        breastai_gemm_f32_packed(CblasNoTrans, rows, 256, 128, 1.0f, dy + m0 * 128, 128, w_f32, 0.0f, dx + m0 * 256, 256);
    }
    free(w_f32);
}

/*
 * %231 = bn_train(%223, %228, %224, %225) : f32[4,32,32,256]  features.4.0.block.1.1
 * %232 = silu(%231) : f32[4,32,32,256]  features.4.0.block.1.2
 * %246 = mul(%232, %245) : f32[4,32,32,256]  features.4.0.block.2
 * %3190 = conv2d_bwd_weight(%3184, %246) : f32[128,256,1,1]  features.4.0.block.3.0
 * %3249 = add(%3248, %3190) : f32[128,256,1,1]  features.4.0.block.3.0.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3249 -> G + 932072
 * in  %223 f32[4,32,32,256] <- A + 225705984
 * in  %224 f32[256] <- M + 923096 (features.4.0.block.1.1.weight)
 * in  %225 f32[256] <- M + 923352 (features.4.0.block.1.1.bias)
 * in  %228 f32[2,256] <- A + 243881984
 * in  %245 f32[4,1,1,256] <- A + 243868160
 * in  %3184 f32[4,32,32,128] <- A + 229376000
 * in  %3248 f32[128,256,1,1] <- G + 932072 (features.4.0.block.3.0.weight)
 */
void k198b_bn_train_silu_mul_conv1x1_bwd_weight_acc(
    float *restrict grad /* [128,256,1,1] */,
    const float *restrict x /* [4,32,32,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict scale /* [4,1,1,256] */,
    const float *restrict dy /* [4,32,32,128] */) {
    /* dw (128, 256) += dyᵀ (128, 4096) · f(x) (4096, 256), f(x) recomputed in tiles of 256 rows */
    float q0[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q0[c] = gamma[c] / sqrtf(stats[256 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 32768);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 32768;
        float *restrict tile = malloc(sizeof(float) * 65536);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 16; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 4096 ? 256 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 256; c++) {
                    const float t0 = x[r * 256 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    const float t3 = scale[(r / 1024) * 256 + c];
                    const float t4 = t2 * t3;
                    tile[(r - m0) * 256 + c] = t4;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 128, 256, rows, 1.0f, dy + m0 * 128, 128, tile, 256, first ? 0.0f : 1.0f, mine, 256);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 32768);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 32768; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 32768 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %3218 = conv2d_bwd_input(%3213, %222) : f32[4,64,64,256]  features.4.0.block.1.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3218 -> A + 8388608
 * in  %3213 f32[4,32,32,256] <- A + 12582912
 * in  %222 f32[256,1,3,3] <- M + 920792 (features.4.0.block.1.0.weight)
 */
void k196b_dwconv3x3s2_bwd_input(
    float *restrict dx /* [4,64,64,256] */,
    const float *restrict dy /* [4,32,32,256] */,
    const float *restrict w /* [256,1,3,3] */) {
    /* dx of x (4,64,64,256) w (256,1,3,3) y (4,32,32,256) stride 2 pad 1 groups 256 */
    /* Depthwise dx in gather form: dx[n, ih, iw, c] = Σ over the taps reaching (ih, iw) of dy[n, oh, ow, c] · wt[r, s, c],
     * channels innermost, one input row per work item. */
    float *restrict wt = malloc(sizeof(float) * 2304);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 256; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 256 + c] = w[(c * 3 + r) * 3 + s];
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long ih = 0; ih < 64; ih++) {
            for (long iw = 0; iw < 64; iw++) {
                float *restrict xp = dx + ((n * 64 + ih) * 64 + iw) * 256;
                for (long c = 0; c < 256; c++) xp[c] = 0.0f;
                for (long r = 0; r < 3; r++) {
                    const long th = ih + 1 - r, oh = th / 2;
                    if (th < 0 || th % 2 != 0 || oh >= 32) continue;
                    for (long s = 0; s < 3; s++) {
                        const long tw = iw + 1 - s, ow = tw / 2;
                        if (tw < 0 || tw % 2 != 0 || ow >= 32) continue;
                        const float *restrict gp = dy + ((n * 32 + oh) * 32 + ow) * 256, *restrict wr = wt + (r * 3 + s) * 256;
                        for (long c = 0; c < 256; c++) xp[c] += gp[c] * wr[c];
                    }
                }
            }
        }
    }
    free(wt);
}

/*
 * %3219 = conv2d_bwd_weight(%3213, %221) : f32[256,1,3,3]  features.4.0.block.1.0
 * %3235 = add(%3234, %3219) : f32[256,1,3,3]  features.4.0.block.1.0.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3235 -> G + 920792
 * in  %3213 f32[4,32,32,256] <- A + 12582912
 * in  %221 f32[4,64,64,256] <- A + 4194304
 * in  %3234 f32[256,1,3,3] <- G + 920792 (features.4.0.block.1.0.weight)
 */
void k196b_dwconv3x3s2_bwd_weight_acc(
    float *restrict grad /* [256,1,3,3] */,
    const float *restrict dy /* [4,32,32,256] */,
    const float *restrict x /* [4,64,64,256] */) {
    /* dw of x (4,64,64,256) w (256,1,3,3) y (4,32,32,256) stride 2 pad 1 groups 256, added into the accumulator */
    /* Depthwise dw: dw[c, r, s] = Σ_{n, oh, ow} dy[n, oh, ow, c] · x[n, ih, iw, c], channels innermost. Each thread
     * sums a fixed range of output rows into its own (R, S, C) partial (each row in float, the partial in
     * double); the partials are added in thread order. */
    const int max_threads = omp_get_max_threads();
    double *restrict part = calloc((size_t)max_threads * 2304, sizeof(double));  /* (threads, R, S, C) */
    if (!part) abort();
    int threads = 1;
    #pragma omp parallel num_threads(max_threads)
    {
        const int thread = omp_get_thread_num(), team = omp_get_num_threads();
        if (thread == 0) threads = team;
        float *restrict rowsum = malloc(sizeof(float) * 2304);  /* (R, S, C): the sums of one output row */
        if (!rowsum) abort();
        double *restrict acc = part + (long)thread * 2304;
        for (long row = 128L * thread / team; row < 128L * (thread + 1) / team; row++) {
            const long n = row / 32, oh = row % 32;
            memset(rowsum, 0, 2304 * sizeof(float));
            for (long ow = 0; ow < 32; ow++) {
                const float *restrict gp = dy + ((n * 32 + oh) * 32 + ow) * 256;
                for (long r = 0; r < 3; r++) {
                    const long ih = oh * 2 - 1 + r;
                    if (ih < 0 || ih >= 64) continue;
                    for (long s = 0; s < 3; s++) {
                        const long iw = ow * 2 - 1 + s;
                        if (iw < 0 || iw >= 64) continue;
                        const float *restrict xp = x + ((n * 64 + ih) * 64 + iw) * 256;
                        float *restrict rp = rowsum + (r * 3 + s) * 256;
                        for (long c = 0; c < 256; c++) rp[c] += gp[c] * xp[c];
                    }
                }
            }
            for (long i = 0; i < 2304; i++) acc[i] += rowsum[i];
        }
        free(rowsum);
    }
    /* dw[c, r, s] = Σ_thread part[thread, r, s, c], in thread order */
    #pragma omp parallel for schedule(static)
    for (long c = 0; c < 256; c++) {
        for (long t = 0; t < 9; t++) {
            double sum = 0.0;
            for (int thread = 0; thread < threads; thread++) sum += part[((long)thread * 9 + t) * 256 + c];
            grad[c * 9 + t] += (float)sum;
        }
    }
    free(part);
}

/*
 * %220 = bn_train(%212, %217, %213, %214) : f32[4,64,64,256]  features.4.0.block.0.1
 * %3220 = silu_bwd(%3218, %220) : f32[4,64,64,256]  features.4.0.block.0.2
 * %3221 = bn_bwd_reduce(%3220, %212, %217) : f32[2,256]  features.4.0.block.0.1
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %3221 -> A + 242913280
 * in  %212 f32[4,64,64,256] <- A + 0
 * in  %213 f32[256] <- M + 920280 (features.4.0.block.0.1.weight)
 * in  %214 f32[256] <- M + 920536 (features.4.0.block.0.1.bias)
 * in  %217 f32[2,256] <- A + 243881472
 * in  %3218 f32[4,64,64,256] <- A + 8388608
 */
void k194b_bn_train_silu_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,256] */,
    const float *restrict x /* [4,64,64,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict dy /* [4,64,64,256] */) {
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
        for (long r = 16384L * ch / CHUNKS; r < 16384L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = dy[r * 256 + c];
                const float t1 = x[r * 256 + c];
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
 * %220 = bn_train(%212, %217, %213, %214) : f32[4,64,64,256]  features.4.0.block.0.1
 * %3220 = silu_bwd(%3218, %220) : f32[4,64,64,256]  features.4.0.block.0.2
 * %3222 = bn_bwd_input(%3220, %212, %217, %213, %3221) : f32[4,64,64,256]  features.4.0.block.0.1
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %3222 -> A + 4194304
 * in  %212 f32[4,64,64,256] <- A + 0
 * in  %213 f32[256] <- M + 920280 (features.4.0.block.0.1.weight)
 * in  %214 f32[256] <- M + 920536 (features.4.0.block.0.1.bias)
 * in  %217 f32[2,256] <- A + 243881472
 * in  %3218 f32[4,64,64,256] <- A + 8388608
 * in  %3221 f32[2,256] <- A + 242913280
 */
void k194b_bn_train_silu_bwd_bn_bwd_input(
    float *restrict dx /* [4,64,64,256] */,
    const float *restrict x /* [4,64,64,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict stats /* [2,256] */,
    const float *restrict dy /* [4,64,64,256] */,
    const float *restrict dstats /* [2,256] */) {
    float q0[256];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 256; c++) {
        q0[c] = gamma[c] / sqrtf(stats[256 + c] + 0.001f);
    }
    float q1[256], q2[256], q3[256];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 256; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[256 + c] + 0.001f));
        q2[c] = dstats[c] / 16384.0f;
        q3[c] = dstats[256 + c] / 16384.0f * (1.0f / sqrtf(stats[256 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 16384; r++) {
        #pragma omp simd
        for (long c = 0; c < 256; c++) {
            const long i = r * 256 + c;
            const float t0 = dy[r * 256 + c];
            const float t1 = x[r * 256 + c];
            const float t2 = (t1 - stats[c]) * q0[c] + beta[c];
            const float t3s = ba_sigmoid(t2);
            const float t3 = t0 * (t3s * (1.0f + t2 * (1.0f - t3s)));
            const float t4 = q1[c] * (t3 - q2[c] - (t1 - stats[c]) * q3[c]);
            dx[i] = t4;
        }
    }
}

/*
 * %2997 = add_n(%2948, %2995) : f32[4,32,32,128]  features.4.4
 * %3045 = add_n(%2997, %3043) : f32[4,32,32,128]  features.4.3
 * %3093 = add_n(%3045, %3091) : f32[4,32,32,128]  features.4.2
 * %3141 = add_n(%3093, %3139) : f32[4,32,32,128]  features.4.1
 * %3142 = stochastic_depth_bwd(%3141, %36) : f32[4,32,32,128]  features.4.1.stochastic_depth
 * %3143 = bn_bwd_reduce(%3142, %302, %307) : f32[2,128]  features.4.1.block.3.1
 * out %3143 -> A + 371819520
 * in  %36 i32[1] <- io[8] (seed)
 * in  %302 f32[4,32,32,128] <- A + 363659264
 * in  %307 f32[2,128] <- A + 371822656
 * in  %2948 f32[4,32,32,128] <- A + 354942976
 * in  %2995 f32[4,32,32,128] <- A + 355467264
 * in  %3043 f32[4,32,32,128] <- A + 355991552
 * in  %3091 f32[4,32,32,128] <- A + 356515840
 * in  %3139 f32[4,32,32,128] <- A + 357040128
 */
void k199b5_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,128] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict stats /* [2,128] */,
    const float *restrict x2 /* [4,32,32,128] */,
    const float *restrict x3 /* [4,32,32,128] */,
    const float *restrict x4 /* [4,32,32,128] */,
    const float *restrict x5 /* [4,32,32,128] */,
    const float *restrict x6 /* [4,32,32,128] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[128];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 128; c++) {
        q1[c] = 1.0f / sqrtf(stats[128 + c] + 0.001f);
    }
    enum { C = 128, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 128 + c];
                const float t1 = x3[r * 128 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 128 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 128 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 128 + c];
                const float t8 = t6 + t7;
                const float t9 = t8 * q0[r / 1024];
                const float t10 = x[r * 128 + c];
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
 * %2997 = add_n(%2948, %2995) : f32[4,32,32,128]  features.4.4
 * %3045 = add_n(%2997, %3043) : f32[4,32,32,128]  features.4.3
 * %3093 = add_n(%3045, %3091) : f32[4,32,32,128]  features.4.2
 * %3141 = add_n(%3093, %3139) : f32[4,32,32,128]  features.4.1
 * %3142 = stochastic_depth_bwd(%3141, %36) : f32[4,32,32,128]  features.4.1.stochastic_depth
 * %3144 = bn_bwd_input(%3142, %302, %307, %303, %3143) : f32[4,32,32,128]  features.4.1.block.3.1
 * out %3144 -> A + 60817408
 * in  %36 i32[1] <- io[8] (seed)
 * in  %302 f32[4,32,32,128] <- A + 363659264
 * in  %303 f32[128] <- M + 1136136 (features.4.1.block.3.1.weight)
 * in  %307 f32[2,128] <- A + 371822656
 * in  %2948 f32[4,32,32,128] <- A + 354942976
 * in  %2995 f32[4,32,32,128] <- A + 355467264
 * in  %3043 f32[4,32,32,128] <- A + 355991552
 * in  %3091 f32[4,32,32,128] <- A + 356515840
 * in  %3139 f32[4,32,32,128] <- A + 357040128
 * in  %3143 f32[2,128] <- A + 371819520
 */
void k199b5_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,128] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,128] */,
    const float *restrict gamma /* [128] */,
    const float *restrict stats /* [2,128] */,
    const float *restrict x2 /* [4,32,32,128] */,
    const float *restrict x3 /* [4,32,32,128] */,
    const float *restrict x4 /* [4,32,32,128] */,
    const float *restrict x5 /* [4,32,32,128] */,
    const float *restrict x6 /* [4,32,32,128] */,
    const float *restrict dstats /* [2,128] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[128], q2[128], q3[128];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 128; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[128 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[128 + c] / 4096.0f * (1.0f / sqrtf(stats[128 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 128; c++) {
            const long i = r * 128 + c;
            const float t0 = x2[r * 128 + c];
            const float t1 = x3[r * 128 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 128 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 128 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 128 + c];
            const float t8 = t6 + t7;
            const float t9 = t8 * q0[r / 1024];
            const float t10 = x[r * 128 + c];
            const float t11 = q1[c] * (t9 - q2[c] - (t10 - stats[c]) * q3[c]);
            dx[i] = t11;
        }
    }
}
