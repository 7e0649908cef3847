/* Kernels k256 to k271 and their backward kernels. */
#include "kernels.h"

/*
 * %622 = bn_train(%614, %619, %615, %616) : f32[4,32,32,960]  features.5.0.block.1.1
 * %623 = silu(%622) : f32[4,32,32,960]  features.5.0.block.1.2
 * %637 = mul(%623, %636) : f32[4,32,32,960]  features.5.0.block.2
 * %639 = conv2d(%637, %638) : f32[4,32,32,176]  features.5.0.block.3.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %639 -> A + 397901824
 * in  %614 f32[4,32,32,960] <- A + 200015872
 * in  %615 f32[960] <- M + 3389132 (features.5.0.block.1.1.weight)
 * in  %616 f32[960] <- M + 3390092 (features.5.0.block.1.1.bias)
 * in  %619 f32[2,960] <- A + 427227712
 * in  %636 f32[4,1,1,960] <- A + 426989056
 * in  %638 f32[176,960,1,1] <- M + 3468852 (features.5.0.block.3.0.weight)
 */
void k256_bn_train_silu_mul_conv1x1(
    float *restrict y /* [4,32,32,176] */,
    const float *restrict x /* [4,32,32,960] */,
    const float *restrict gamma /* [960] */,
    const float *restrict beta /* [960] */,
    const float *restrict stats /* [2,960] */,
    const float *restrict scale /* [4,1,1,960] */,
    const float *restrict w /* [176,960,1,1] */) {
    /* y (4096, 176) = f(x) (4096, 960) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float q0[960];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 960; c++) {
        q0[c] = gamma[c] / sqrtf(stats[960 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 176, 960, w, 960);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 245760);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 16; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 4096 ? 256 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 960; c++) {
                    const float t0 = x[r * 960 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    const float t3 = scale[(r / 1024) * 960 + c];
                    const float t4 = t2 * t3;
                    tile[(r - m0) * 960 + c] = t4;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 176, 960, 1.0f, tile, 960, w_f32, 0.0f, y + m0 * 176, 176);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %644 = bn_stats(%639) : f32[2,176]  features.5.0.block.3.1
 * %645 = running_mean_update(%642, %644) : f32[176]  features.5.0.block.3.1
 * %646 = running_var_update(%643, %644) : f32[176]  features.5.0.block.3.1
 * 28 call sites share this function; the nodes and locations above are the first one's.
 * out %644 -> A + 427270272
 * out %645 -> M + 53881625
 * out %646 -> M + 53881801
 * in  %639 f32[4,32,32,176] <- A + 397901824
 * in  %642 f32[176] <- M + 53881625 (features.5.0.block.3.1.running_mean)
 * in  %643 f32[176] <- M + 53881801 (features.5.0.block.3.1.running_var)
 */
void k257_bn_stats_running(
    float *restrict stats /* [2,176] */,
    float *restrict running_mean /* [176] */,
    float *restrict running_var /* [176] */,
    const float *restrict x /* [4,32,32,176] */) {
    enum { C = 176, CHUNKS = 64 };
    double *part = malloc(sizeof(double) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x[r * 176 + c];
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
 * %647 = bn_train(%639, %644, %640, %641) : f32[4,32,32,176]  features.5.0.block.3.1
 * %649 = conv2d(%647, %648) : f32[4,32,32,1056]  features.5.1.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %649 -> A + 10485760
 * in  %639 f32[4,32,32,176] <- A + 397901824
 * in  %640 f32[176] <- M + 3637812 (features.5.0.block.3.1.weight)
 * in  %641 f32[176] <- M + 3637988 (features.5.0.block.3.1.bias)
 * in  %644 f32[2,176] <- A + 427270272
 * in  %648 f32[1056,176,1,1] <- M + 3638164 (features.5.1.block.0.0.weight)
 */
void k258_bn_train_conv1x1(
    float *restrict y /* [4,32,32,1056] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict gamma /* [176] */,
    const float *restrict beta /* [176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict w /* [1056,176,1,1] */) {
    /* y (4096, 1056) = f(x) (4096, 176) · wᵀ: tiles of 342 rows of f(x) computed into scratch, one sgemm each */
    float q0[176];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q0[c] = gamma[c] / sqrtf(stats[176 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 1056, 176, w, 176);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 60192);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 12; t++) {
            const long m0 = t * 342, rows = m0 + 342 <= 4096 ? 342 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 176; c++) {
                    const float t0 = x[r * 176 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    tile[(r - m0) * 176 + c] = t1;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1056, 176, 1.0f, tile, 176, w_f32, 0.0f, y + m0 * 1056, 1056);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %660 = conv2d(%658, %659) : f32[4,32,32,1056]  features.5.1.block.1.0
 * %665 = bn_stats(%660) : f32[2,1056]  features.5.1.block.1.1
 * %666 = running_mean_update(%663, %665) : f32[1056]  features.5.1.block.1.1
 * %667 = running_var_update(%664, %665) : f32[1056]  features.5.1.block.1.1
 * 26 call sites share this function; the nodes and locations above are the first one's.
 * out %660 -> A + 19136512
 * out %665 -> A + 427168768
 * out %666 -> M + 53884089
 * out %667 -> M + 53885145
 * in  %658 f32[4,32,32,1056] <- A + 14811136
 * in  %659 f32[1056,1,3,3] <- M + 3826132 (features.5.1.block.1.0.weight)
 * in  %663 f32[1056] <- M + 53884089 (features.5.1.block.1.1.running_mean)
 * in  %664 f32[1056] <- M + 53885145 (features.5.1.block.1.1.running_var)
 */
void k259_dwconv3x3_bn_stats_running(
    float *restrict y /* [4,32,32,1056] */,
    float *restrict stats /* [2,1056] */,
    float *restrict running_mean /* [1056] */,
    float *restrict running_var /* [1056] */,
    const float *restrict x /* [4,32,32,1056] */,
    const float *restrict w /* [1056,1,3,3] */) {
    /* x (4,32,32,1056) w (1056,1,3,3) y (4,32,32,1056) stride 1 pad 1 groups 1056 */
    double *part = malloc(sizeof(double) * 270336);  /* (N·Ho, 2, C): per-row Σy, Σy² */
    if (!part) abort();
    float *restrict wt = malloc(sizeof(float) * 9504);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 1056; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 1056 + c] = w[(c * 3 + r) * 3 + s];
    /* Depthwise 3x3 as a sliding window: per output row and block of 16 channels, the weights and the 3x3
     * window of x stay in registers while ow moves right; rows and columns outside x are zeros. */
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long oh = 0; oh < 32; oh++) {
            const int up = oh > 0, down = oh + 1 < 32;
            const long o1 = (n * 32 + oh) * 33792, o0 = o1 - 33792, o2 = o1 + 33792;
            double *restrict ps = part + (n * 32 + oh) * 2112;
            for (long c = 0; c < 1056; c += 16) {
                const ba_v16 zero = {0};
                const ba_v16 w00 = *(const ba_v16 *)(wt + c), w01 = *(const ba_v16 *)(wt + 1056 + c), w02 = *(const ba_v16 *)(wt + 2112 + c);
                const ba_v16 w10 = *(const ba_v16 *)(wt + 3168 + c), w11 = *(const ba_v16 *)(wt + 4224 + c), w12 = *(const ba_v16 *)(wt + 5280 + c);
                const ba_v16 w20 = *(const ba_v16 *)(wt + 6336 + c), w21 = *(const ba_v16 *)(wt + 7392 + c), w22 = *(const ba_v16 *)(wt + 8448 + c);
                ba_v16 v00 = zero, v10 = zero, v20 = zero;
                ba_v16 v01 = up ? *(const ba_v16 *)(x + o0 + c) : zero, v11 = *(const ba_v16 *)(x + o1 + c), v21 = down ? *(const ba_v16 *)(x + o2 + c) : zero;
                ba_v8d sum0 = {0}, sq0 = {0}, sum1 = {0}, sq1 = {0};
                for (long col = 0; col < 32; col++) {
                    ba_v16 v02 = zero, v12 = zero, v22 = zero;
                    if (col + 1 < 32) {
                        const long next = (col + 1) * 1056 + c;
                        if (up) { v02 = *(const ba_v16 *)(x + o0 + next); __builtin_prefetch(x + o0 + next + 16); }
                        v12 = *(const ba_v16 *)(x + o1 + next); __builtin_prefetch(x + o1 + next + 16);
                        if (down) { v22 = *(const ba_v16 *)(x + o2 + next); __builtin_prefetch(x + o2 + next + 16); }
                    }
                    const ba_v16 v = v00 * w00 + v01 * w01 + v02 * w02
                        + v10 * w10 + v11 * w11 + v12 * w12
                        + v20 * w20 + v21 * w21 + v22 * w22;
                    *(ba_v16 *)(y + o1 + col * 1056 + c) = v;
                    __builtin_prefetch(y + o1 + col * 1056 + c + 16, 1);
                    { const ba_v8d dv = BA_LO_V8D(v); sum0 += dv; sq0 += dv * dv; }
                    { const ba_v8d dv = BA_HI_V8D(v); sum1 += dv; sq1 += dv * dv; }
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
                *(ba_v8d *)(ps + c) = sum0;
                *(ba_v8d *)(ps + c + 8) = sum1;
                *(ba_v8d *)(ps + 1056 + c) = sq0;
                *(ba_v8d *)(ps + 1056 + c + 8) = sq1;
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
        for (long row = 0; row < 128; row++) {
            const double *restrict ps = part + row * 2112;
            for (long c = c0; c < c1; c++) { s0[c - c0] += ps[c]; s1[c - c0] += ps[1056 + c]; }
        }
        for (long c = c0; c < c1; c++) {
            const double mean = s0[c - c0] / 4096.0, var = fmax(s1[c - c0] / 4096.0 - mean * mean, 0.0);
            stats[c] = (float)mean;
            stats[1056 + c] = (float)var;
            running_mean[c] = (float)(0.9f * (double)running_mean[c] + 0.1f * mean);  /* running mean */
            running_var[c] = (float)(0.9f * (double)running_var[c] + 0.1f * var * 1.0002442002442002);  /* running var (unbiased) */
        }
    }
    free(part);
}

/*
 * %668 = bn_train(%660, %665, %661, %662) : f32[4,32,32,1056]  features.5.1.block.1.1
 * %669 = silu(%668) : f32[4,32,32,1056]  features.5.1.block.1.2
 * %670 = reduce_mean(%669) : f32[4,1,1,1056]  features.5.1.block.2.avgpool
 * 26 call sites share this function; the nodes and locations above are the first one's.
 * out %670 -> A + 426803968
 * in  %660 f32[4,32,32,1056] <- A + 19136512
 * in  %661 f32[1056] <- M + 3835636 (features.5.1.block.1.1.weight)
 * in  %662 f32[1056] <- M + 3836692 (features.5.1.block.1.1.bias)
 * in  %665 f32[2,1056] <- A + 427168768
 */
void k260_bn_train_silu_reduce_mean(
    float *restrict y /* [4,1,1,1056] */,
    const float *restrict x /* [4,32,32,1056] */,
    const float *restrict gamma /* [1056] */,
    const float *restrict beta /* [1056] */,
    const float *restrict stats /* [2,1056] */) {
    /* mean over axes [1, 2] of [4, 32, 32, 1056]: (4, 1024, 1056) -> (4, 1056) */
    float q0[1056];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 1056; c++) {
        q0[c] = gamma[c] / sqrtf(stats[1056 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[1056];
        for (long q = 0; q < 1056; q++) acc[q] = 0.0;
        for (long j = 0; j < 1024; j++) {
            for (long q = 0; q < 1056; q++) {
                const long r = o * 1024 + j;
                const long c = q;
                const float t0 = x[r * 1056 + c];
                const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                const float t2 = t1 * ba_sigmoid(t1);
                acc[q] += t2;
            }
        }
        for (long q = 0; q < 1056; q++) y[o * 1056 + q] = (float)(acc[q] / 1024.0);
    }
}

/*
 * %668 = bn_train(%660, %665, %661, %662) : f32[4,32,32,1056]  features.5.1.block.1.1
 * %669 = silu(%668) : f32[4,32,32,1056]  features.5.1.block.1.2
 * %683 = mul(%669, %682) : f32[4,32,32,1056]  features.5.1.block.2
 * %685 = conv2d(%683, %684) : f32[4,32,32,176]  features.5.1.block.3.0
 * 26 call sites share this function; the nodes and locations above are the first one's.
 * out %685 -> A + 398622720
 * in  %660 f32[4,32,32,1056] <- A + 19136512
 * in  %661 f32[1056] <- M + 3835636 (features.5.1.block.1.1.weight)
 * in  %662 f32[1056] <- M + 3836692 (features.5.1.block.1.1.bias)
 * in  %665 f32[2,1056] <- A + 427168768
 * in  %682 f32[4,1,1,1056] <- A + 426812416
 * in  %684 f32[176,1056,1,1] <- M + 3931776 (features.5.1.block.3.0.weight)
 */
void k261_bn_train_silu_mul_conv1x1(
    float *restrict y /* [4,32,32,176] */,
    const float *restrict x /* [4,32,32,1056] */,
    const float *restrict gamma /* [1056] */,
    const float *restrict beta /* [1056] */,
    const float *restrict stats /* [2,1056] */,
    const float *restrict scale /* [4,1,1,1056] */,
    const float *restrict w /* [176,1056,1,1] */) {
    /* y (4096, 176) = f(x) (4096, 1056) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float q0[1056];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 1056; c++) {
        q0[c] = gamma[c] / sqrtf(stats[1056 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 176, 1056, w, 1056);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 270336);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 16; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 4096 ? 256 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 1056; c++) {
                    const float t0 = x[r * 1056 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    const float t3 = scale[(r / 1024) * 1056 + c];
                    const float t4 = t2 * t3;
                    tile[(r - m0) * 1056 + c] = t4;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 176, 1056, 1.0f, tile, 1056, w_f32, 0.0f, y + m0 * 176, 176);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %647 = bn_train(%639, %644, %640, %641) : f32[4,32,32,176]  features.5.0.block.3.1
 * %693 = bn_train(%685, %690, %686, %687) : f32[4,32,32,176]  features.5.1.block.3.1
 * %694 = stochastic_depth(%693, %359) : f32[4,32,32,176]  features.5.1.stochastic_depth
 * %695 = add(%694, %647) : f32[4,32,32,176]  features.5.1
 * %697 = conv2d(%695, %696) : f32[4,32,32,1056]  features.5.2.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %697 -> A + 23461888
 * in  %359 i32[1] <- io[8] (seed)
 * in  %639 f32[4,32,32,176] <- A + 397901824
 * in  %640 f32[176] <- M + 3637812 (features.5.0.block.3.1.weight)
 * in  %641 f32[176] <- M + 3637988 (features.5.0.block.3.1.bias)
 * in  %644 f32[2,176] <- A + 427270272
 * in  %685 f32[4,32,32,176] <- A + 398622720
 * in  %686 f32[176] <- M + 4117632 (features.5.1.block.3.1.weight)
 * in  %687 f32[176] <- M + 4117808 (features.5.1.block.3.1.bias)
 * in  %690 f32[2,176] <- A + 427270624
 * in  %696 f32[1056,176,1,1] <- M + 4117984 (features.5.2.block.0.0.weight)
 */
void k262_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,32,32,1056] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict gamma /* [176] */,
    const float *restrict beta /* [176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict gamma2 /* [176] */,
    const float *restrict beta2 /* [176] */,
    const float *restrict stats2 /* [2,176] */,
    const float *restrict w /* [1056,176,1,1] */,
    uint32_t salt,
    float rate) {
    /* y (4096, 1056) = f(x) (4096, 176) · wᵀ: tiles of 342 rows of f(x) computed into scratch, one sgemm each */
    float q0[176];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q0[c] = gamma2[c] / sqrtf(stats2[176 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[176];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q2[c] = gamma[c] / sqrtf(stats[176 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 1056, 176, w, 176);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 60192);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 12; t++) {
            const long m0 = t * 342, rows = m0 + 342 <= 4096 ? 342 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 176; c++) {
                    const float t0 = x2[r * 176 + c];
                    const float t1 = (t0 - stats2[c]) * q0[c] + beta2[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = x[r * 176 + c];
                    const float t4 = (t3 - stats[c]) * q2[c] + beta[c];
                    const float t5 = t2 + t4;
                    tile[(r - m0) * 176 + c] = t5;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1056, 176, 1.0f, tile, 176, w_f32, 0.0f, y + m0 * 1056, 1056);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %647 = bn_train(%639, %644, %640, %641) : f32[4,32,32,176]  features.5.0.block.3.1
 * %693 = bn_train(%685, %690, %686, %687) : f32[4,32,32,176]  features.5.1.block.3.1
 * %694 = stochastic_depth(%693, %359) : f32[4,32,32,176]  features.5.1.stochastic_depth
 * %695 = add(%694, %647) : f32[4,32,32,176]  features.5.1
 * %741 = bn_train(%733, %738, %734, %735) : f32[4,32,32,176]  features.5.2.block.3.1
 * %742 = stochastic_depth(%741, %359) : f32[4,32,32,176]  features.5.2.stochastic_depth
 * %743 = add(%742, %695) : f32[4,32,32,176]  features.5.2
 * %745 = conv2d(%743, %744) : f32[4,32,32,1056]  features.5.3.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %745 -> A + 36438016
 * in  %359 i32[1] <- io[8] (seed)
 * in  %639 f32[4,32,32,176] <- A + 397901824
 * in  %640 f32[176] <- M + 3637812 (features.5.0.block.3.1.weight)
 * in  %641 f32[176] <- M + 3637988 (features.5.0.block.3.1.bias)
 * in  %644 f32[2,176] <- A + 427270272
 * in  %685 f32[4,32,32,176] <- A + 398622720
 * in  %686 f32[176] <- M + 4117632 (features.5.1.block.3.1.weight)
 * in  %687 f32[176] <- M + 4117808 (features.5.1.block.3.1.bias)
 * in  %690 f32[2,176] <- A + 427270624
 * in  %733 f32[4,32,32,176] <- A + 399343616
 * in  %734 f32[176] <- M + 4597452 (features.5.2.block.3.1.weight)
 * in  %735 f32[176] <- M + 4597628 (features.5.2.block.3.1.bias)
 * in  %738 f32[2,176] <- A + 427270976
 * in  %744 f32[1056,176,1,1] <- M + 4597804 (features.5.3.block.0.0.weight)
 */
void k263_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,32,32,1056] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict gamma /* [176] */,
    const float *restrict beta /* [176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict gamma2 /* [176] */,
    const float *restrict beta2 /* [176] */,
    const float *restrict stats2 /* [2,176] */,
    const float *restrict x3 /* [4,32,32,176] */,
    const float *restrict gamma3 /* [176] */,
    const float *restrict beta3 /* [176] */,
    const float *restrict stats3 /* [2,176] */,
    const float *restrict w /* [1056,176,1,1] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* y (4096, 1056) = f(x) (4096, 176) · wᵀ: tiles of 342 rows of f(x) computed into scratch, one sgemm each */
    float q0[176];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q0[c] = gamma3[c] / sqrtf(stats3[176 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[176];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q2[c] = gamma2[c] / sqrtf(stats2[176 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float q4[176];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q4[c] = gamma[c] / sqrtf(stats[176 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 1056, 176, w, 176);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 60192);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 12; t++) {
            const long m0 = t * 342, rows = m0 + 342 <= 4096 ? 342 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 176; c++) {
                    const float t0 = x3[r * 176 + c];
                    const float t1 = (t0 - stats3[c]) * q0[c] + beta3[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = x2[r * 176 + c];
                    const float t4 = (t3 - stats2[c]) * q2[c] + beta2[c];
                    const float t5 = t4 * q3[r / 1024];
                    const float t6 = x[r * 176 + c];
                    const float t7 = (t6 - stats[c]) * q4[c] + beta[c];
                    const float t8 = t5 + t7;
                    const float t9 = t2 + t8;
                    tile[(r - m0) * 176 + c] = t9;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1056, 176, 1.0f, tile, 176, w_f32, 0.0f, y + m0 * 1056, 1056);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %647 = bn_train(%639, %644, %640, %641) : f32[4,32,32,176]  features.5.0.block.3.1
 * %693 = bn_train(%685, %690, %686, %687) : f32[4,32,32,176]  features.5.1.block.3.1
 * %694 = stochastic_depth(%693, %359) : f32[4,32,32,176]  features.5.1.stochastic_depth
 * %695 = add(%694, %647) : f32[4,32,32,176]  features.5.1
 * %741 = bn_train(%733, %738, %734, %735) : f32[4,32,32,176]  features.5.2.block.3.1
 * %742 = stochastic_depth(%741, %359) : f32[4,32,32,176]  features.5.2.stochastic_depth
 * %743 = add(%742, %695) : f32[4,32,32,176]  features.5.2
 * %789 = bn_train(%781, %786, %782, %783) : f32[4,32,32,176]  features.5.3.block.3.1
 * %790 = stochastic_depth(%789, %359) : f32[4,32,32,176]  features.5.3.stochastic_depth
 * %791 = add(%790, %743) : f32[4,32,32,176]  features.5.3
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * 1 values written, 17 read (flat over the state blocks)
 */
void k264_bn_train_stochastic_depth_add(
    float *restrict y /* [4,32,32,176] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict gamma /* [176] */,
    const float *restrict beta /* [176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict gamma2 /* [176] */,
    const float *restrict beta2 /* [176] */,
    const float *restrict stats2 /* [2,176] */,
    const float *restrict x3 /* [4,32,32,176] */,
    const float *restrict gamma3 /* [176] */,
    const float *restrict beta3 /* [176] */,
    const float *restrict stats3 /* [2,176] */,
    const float *restrict x4 /* [4,32,32,176] */,
    const float *restrict gamma4 /* [176] */,
    const float *restrict beta4 /* [176] */,
    const float *restrict stats4 /* [2,176] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2,
    uint32_t salt3,
    float rate3) {
    float q0[176];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q0[c] = gamma4[c] / sqrtf(stats4[176 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[176];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q2[c] = gamma3[c] / sqrtf(stats3[176 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float q4[176];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q4[c] = gamma2[c] / sqrtf(stats2[176 + c] + 0.001f);
    }
    float q5[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q5[n] = ba_uniform((uint32_t)seed[0], salt3, (uint32_t)n) >= rate3 ? 1.0f / (1.0f - rate3) : 0.0f;
    float q6[176];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q6[c] = gamma[c] / sqrtf(stats[176 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 176; c++) {
            const long i = r * 176 + c;
            const float t0 = x4[r * 176 + c];
            const float t1 = (t0 - stats4[c]) * q0[c] + beta4[c];
            const float t2 = t1 * q1[r / 1024];
            const float t3 = x3[r * 176 + c];
            const float t4 = (t3 - stats3[c]) * q2[c] + beta3[c];
            const float t5 = t4 * q3[r / 1024];
            const float t6 = x2[r * 176 + c];
            const float t7 = (t6 - stats2[c]) * q4[c] + beta2[c];
            const float t8 = t7 * q5[r / 1024];
            const float t9 = x[r * 176 + c];
            const float t10 = (t9 - stats[c]) * q6[c] + beta[c];
            const float t11 = t8 + t10;
            const float t12 = t5 + t11;
            const float t13 = t2 + t12;
            y[i] = t13;
        }
    }
}

/*
 * %837 = bn_train(%829, %834, %830, %831) : f32[4,32,32,176]  features.5.4.block.3.1
 * %838 = stochastic_depth(%837, %359) : f32[4,32,32,176]  features.5.4.stochastic_depth
 * %839 = add(%838, %791) : f32[4,32,32,176]  features.5.4
 * %841 = conv2d(%839, %840) : f32[4,32,32,1056]  features.5.5.block.0.0
 * 8 call sites share this function; the nodes and locations above are the first one's.
 * out %841 -> A + 62390272
 * in  %359 i32[1] <- io[8] (seed)
 * in  %791 f32[4,32,32,176] <- A + 400785408
 * in  %829 f32[4,32,32,176] <- A + 401506304
 * in  %830 f32[176] <- M + 5557092 (features.5.4.block.3.1.weight)
 * in  %831 f32[176] <- M + 5557268 (features.5.4.block.3.1.bias)
 * in  %834 f32[2,176] <- A + 427271680
 * in  %840 f32[1056,176,1,1] <- M + 5557444 (features.5.5.block.0.0.weight)
 */
void k265_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,32,32,1056] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,32,32,176] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict gamma /* [176] */,
    const float *restrict beta /* [176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict w /* [1056,176,1,1] */,
    uint32_t salt,
    float rate) {
    /* y (4096, 1056) = f(x) (4096, 176) · wᵀ: tiles of 342 rows of f(x) computed into scratch, one sgemm each */
    float q0[176];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q0[c] = gamma[c] / sqrtf(stats[176 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 1056, 176, w, 176);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 60192);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 12; t++) {
            const long m0 = t * 342, rows = m0 + 342 <= 4096 ? 342 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 176; c++) {
                    const float t0 = x[r * 176 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = b[r * 176 + c];
                    const float t4 = t2 + t3;
                    tile[(r - m0) * 176 + c] = t4;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1056, 176, 1.0f, tile, 176, w_f32, 0.0f, y + m0 * 1056, 1056);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %837 = bn_train(%829, %834, %830, %831) : f32[4,32,32,176]  features.5.4.block.3.1
 * %838 = stochastic_depth(%837, %359) : f32[4,32,32,176]  features.5.4.stochastic_depth
 * %839 = add(%838, %791) : f32[4,32,32,176]  features.5.4
 * %885 = bn_train(%877, %882, %878, %879) : f32[4,32,32,176]  features.5.5.block.3.1
 * %886 = stochastic_depth(%885, %359) : f32[4,32,32,176]  features.5.5.stochastic_depth
 * %887 = add(%886, %839) : f32[4,32,32,176]  features.5.5
 * %889 = conv2d(%887, %888) : f32[4,32,32,1056]  features.5.6.block.0.0
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %889 -> A + 75366400
 * in  %359 i32[1] <- io[8] (seed)
 * in  %791 f32[4,32,32,176] <- A + 400785408
 * in  %829 f32[4,32,32,176] <- A + 401506304
 * in  %830 f32[176] <- M + 5557092 (features.5.4.block.3.1.weight)
 * in  %831 f32[176] <- M + 5557268 (features.5.4.block.3.1.bias)
 * in  %834 f32[2,176] <- A + 427271680
 * in  %877 f32[4,32,32,176] <- A + 402227200
 * in  %878 f32[176] <- M + 6036912 (features.5.5.block.3.1.weight)
 * in  %879 f32[176] <- M + 6037088 (features.5.5.block.3.1.bias)
 * in  %882 f32[2,176] <- A + 427272032
 * in  %888 f32[1056,176,1,1] <- M + 6037264 (features.5.6.block.0.0.weight)
 */
void k266_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,32,32,1056] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,32,32,176] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict gamma /* [176] */,
    const float *restrict beta /* [176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict gamma2 /* [176] */,
    const float *restrict beta2 /* [176] */,
    const float *restrict stats2 /* [2,176] */,
    const float *restrict w /* [1056,176,1,1] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* y (4096, 1056) = f(x) (4096, 176) · wᵀ: tiles of 342 rows of f(x) computed into scratch, one sgemm each */
    float q0[176];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q0[c] = gamma2[c] / sqrtf(stats2[176 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[176];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q2[c] = gamma[c] / sqrtf(stats[176 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 1056, 176, w, 176);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 60192);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 12; t++) {
            const long m0 = t * 342, rows = m0 + 342 <= 4096 ? 342 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 176; c++) {
                    const float t0 = x2[r * 176 + c];
                    const float t1 = (t0 - stats2[c]) * q0[c] + beta2[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = x[r * 176 + c];
                    const float t4 = (t3 - stats[c]) * q2[c] + beta[c];
                    const float t5 = t4 * q3[r / 1024];
                    const float t6 = b[r * 176 + c];
                    const float t7 = t5 + t6;
                    const float t8 = t2 + t7;
                    tile[(r - m0) * 176 + c] = t8;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 1056, 176, 1.0f, tile, 176, w_f32, 0.0f, y + m0 * 1056, 1056);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %837 = bn_train(%829, %834, %830, %831) : f32[4,32,32,176]  features.5.4.block.3.1
 * %838 = stochastic_depth(%837, %359) : f32[4,32,32,176]  features.5.4.stochastic_depth
 * %839 = add(%838, %791) : f32[4,32,32,176]  features.5.4
 * %885 = bn_train(%877, %882, %878, %879) : f32[4,32,32,176]  features.5.5.block.3.1
 * %886 = stochastic_depth(%885, %359) : f32[4,32,32,176]  features.5.5.stochastic_depth
 * %887 = add(%886, %839) : f32[4,32,32,176]  features.5.5
 * %933 = bn_train(%925, %930, %926, %927) : f32[4,32,32,176]  features.5.6.block.3.1
 * %934 = stochastic_depth(%933, %359) : f32[4,32,32,176]  features.5.6.stochastic_depth
 * %935 = add(%934, %887) : f32[4,32,32,176]  features.5.6
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %935 -> A + 403668992
 * in  %359 i32[1] <- io[8] (seed)
 * in  %791 f32[4,32,32,176] <- A + 400785408
 * in  %829 f32[4,32,32,176] <- A + 401506304
 * in  %830 f32[176] <- M + 5557092 (features.5.4.block.3.1.weight)
 * in  %831 f32[176] <- M + 5557268 (features.5.4.block.3.1.bias)
 * in  %834 f32[2,176] <- A + 427271680
 * in  %877 f32[4,32,32,176] <- A + 402227200
 * in  %878 f32[176] <- M + 6036912 (features.5.5.block.3.1.weight)
 * in  %879 f32[176] <- M + 6037088 (features.5.5.block.3.1.bias)
 * in  %882 f32[2,176] <- A + 427272032
 * in  %925 f32[4,32,32,176] <- A + 402948096
 * in  %926 f32[176] <- M + 6516732 (features.5.6.block.3.1.weight)
 * in  %927 f32[176] <- M + 6516908 (features.5.6.block.3.1.bias)
 * in  %930 f32[2,176] <- A + 427272384
 */
void k267_bn_train_stochastic_depth_add(
    float *restrict y /* [4,32,32,176] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,32,32,176] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict gamma /* [176] */,
    const float *restrict beta /* [176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict gamma2 /* [176] */,
    const float *restrict beta2 /* [176] */,
    const float *restrict stats2 /* [2,176] */,
    const float *restrict x3 /* [4,32,32,176] */,
    const float *restrict gamma3 /* [176] */,
    const float *restrict beta3 /* [176] */,
    const float *restrict stats3 /* [2,176] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2,
    uint32_t salt3,
    float rate3) {
    float q0[176];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q0[c] = gamma3[c] / sqrtf(stats3[176 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[176];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q2[c] = gamma2[c] / sqrtf(stats2[176 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float q4[176];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q4[c] = gamma[c] / sqrtf(stats[176 + c] + 0.001f);
    }
    float q5[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q5[n] = ba_uniform((uint32_t)seed[0], salt3, (uint32_t)n) >= rate3 ? 1.0f / (1.0f - rate3) : 0.0f;
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 176; c++) {
            const long i = r * 176 + c;
            const float t0 = x3[r * 176 + c];
            const float t1 = (t0 - stats3[c]) * q0[c] + beta3[c];
            const float t2 = t1 * q1[r / 1024];
            const float t3 = x2[r * 176 + c];
            const float t4 = (t3 - stats2[c]) * q2[c] + beta2[c];
            const float t5 = t4 * q3[r / 1024];
            const float t6 = x[r * 176 + c];
            const float t7 = (t6 - stats[c]) * q4[c] + beta[c];
            const float t8 = t7 * q5[r / 1024];
            const float t9 = b[r * 176 + c];
            const float t10 = t8 + t9;
            const float t11 = t5 + t10;
            const float t12 = t2 + t11;
            y[i] = t12;
        }
    }
}

/*
 * %1317 = bn_train(%1309, %1314, %1310, %1311) : f32[4,16,16,304]  features.6.0.block.3.1
 * %1363 = bn_train(%1355, %1360, %1356, %1357) : f32[4,16,16,304]  features.6.1.block.3.1
 * %1364 = stochastic_depth(%1363, %359) : f32[4,16,16,304]  features.6.1.stochastic_depth
 * %1365 = add(%1364, %1317) : f32[4,16,16,304]  features.6.1
 * %1367 = conv2d(%1365, %1366) : f32[4,16,16,1824]  features.6.2.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %1367 -> A + 297631744
 * in  %359 i32[1] <- io[8] (seed)
 * in  %1309 f32[4,16,16,304] <- A + 418873344
 * in  %1310 f32[304] <- M + 10490460 (features.6.0.block.3.1.weight)
 * in  %1311 f32[304] <- M + 10490764 (features.6.0.block.3.1.bias)
 * in  %1314 f32[2,304] <- A + 427255232
 * in  %1355 f32[4,16,16,304] <- A + 419184640
 * in  %1356 f32[304] <- M + 11902920 (features.6.1.block.3.1.weight)
 * in  %1357 f32[304] <- M + 11903224 (features.6.1.block.3.1.bias)
 * in  %1360 f32[2,304] <- A + 427255840
 * in  %1366 f32[1824,304,1,1] <- M + 11903528 (features.6.2.block.0.0.weight)
 */
void k268_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,16,16,1824] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict gamma /* [304] */,
    const float *restrict beta /* [304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict gamma2 /* [304] */,
    const float *restrict beta2 /* [304] */,
    const float *restrict stats2 /* [2,304] */,
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
 * %1317 = bn_train(%1309, %1314, %1310, %1311) : f32[4,16,16,304]  features.6.0.block.3.1
 * %1363 = bn_train(%1355, %1360, %1356, %1357) : f32[4,16,16,304]  features.6.1.block.3.1
 * %1364 = stochastic_depth(%1363, %359) : f32[4,16,16,304]  features.6.1.stochastic_depth
 * %1365 = add(%1364, %1317) : f32[4,16,16,304]  features.6.1
 * %1411 = bn_train(%1403, %1408, %1404, %1405) : f32[4,16,16,304]  features.6.2.block.3.1
 * %1412 = stochastic_depth(%1411, %359) : f32[4,16,16,304]  features.6.2.stochastic_depth
 * %1413 = add(%1412, %1365) : f32[4,16,16,304]  features.6.2
 * %1415 = conv2d(%1413, %1414) : f32[4,16,16,1824]  features.6.3.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %1415 -> A + 303235072
 * in  %359 i32[1] <- io[8] (seed)
 * in  %1309 f32[4,16,16,304] <- A + 418873344
 * in  %1310 f32[304] <- M + 10490460 (features.6.0.block.3.1.weight)
 * in  %1311 f32[304] <- M + 10490764 (features.6.0.block.3.1.bias)
 * in  %1314 f32[2,304] <- A + 427255232
 * in  %1355 f32[4,16,16,304] <- A + 419184640
 * in  %1356 f32[304] <- M + 11902920 (features.6.1.block.3.1.weight)
 * in  %1357 f32[304] <- M + 11903224 (features.6.1.block.3.1.bias)
 * in  %1360 f32[2,304] <- A + 427255840
 * in  %1403 f32[4,16,16,304] <- A + 419495936
 * in  %1404 f32[304] <- M + 13315380 (features.6.2.block.3.1.weight)
 * in  %1405 f32[304] <- M + 13315684 (features.6.2.block.3.1.bias)
 * in  %1408 f32[2,304] <- A + 427256448
 * in  %1414 f32[1824,304,1,1] <- M + 13315988 (features.6.3.block.0.0.weight)
 */
void k269_bn_train_stochastic_depth_add_conv1x1(
    float *restrict y /* [4,16,16,1824] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict gamma /* [304] */,
    const float *restrict beta /* [304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict gamma2 /* [304] */,
    const float *restrict beta2 /* [304] */,
    const float *restrict stats2 /* [2,304] */,
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
 * %1317 = bn_train(%1309, %1314, %1310, %1311) : f32[4,16,16,304]  features.6.0.block.3.1
 * %1363 = bn_train(%1355, %1360, %1356, %1357) : f32[4,16,16,304]  features.6.1.block.3.1
 * %1364 = stochastic_depth(%1363, %359) : f32[4,16,16,304]  features.6.1.stochastic_depth
 * %1365 = add(%1364, %1317) : f32[4,16,16,304]  features.6.1
 * %1411 = bn_train(%1403, %1408, %1404, %1405) : f32[4,16,16,304]  features.6.2.block.3.1
 * %1412 = stochastic_depth(%1411, %359) : f32[4,16,16,304]  features.6.2.stochastic_depth
 * %1413 = add(%1412, %1365) : f32[4,16,16,304]  features.6.2
 * %1459 = bn_train(%1451, %1456, %1452, %1453) : f32[4,16,16,304]  features.6.3.block.3.1
 * %1460 = stochastic_depth(%1459, %359) : f32[4,16,16,304]  features.6.3.stochastic_depth
 * %1461 = add(%1460, %1413) : f32[4,16,16,304]  features.6.3
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * 1 values written, 17 read (flat over the state blocks)
 */
void k270_bn_train_stochastic_depth_add(
    float *restrict y /* [4,16,16,304] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict gamma /* [304] */,
    const float *restrict beta /* [304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict gamma2 /* [304] */,
    const float *restrict beta2 /* [304] */,
    const float *restrict stats2 /* [2,304] */,
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
 * %1317 = bn_train(%1309, %1314, %1310, %1311) : f32[4,16,16,304]  features.6.0.block.3.1
 * %1363 = bn_train(%1355, %1360, %1356, %1357) : f32[4,16,16,304]  features.6.1.block.3.1
 * %1364 = stochastic_depth(%1363, %359) : f32[4,16,16,304]  features.6.1.stochastic_depth
 * %1365 = add(%1364, %1317) : f32[4,16,16,304]  features.6.1
 * %1411 = bn_train(%1403, %1408, %1404, %1405) : f32[4,16,16,304]  features.6.2.block.3.1
 * %1412 = stochastic_depth(%1411, %359) : f32[4,16,16,304]  features.6.2.stochastic_depth
 * %1413 = add(%1412, %1365) : f32[4,16,16,304]  features.6.2
 * %3477 = conv2d_bwd_weight(%3471, %1413) : f32[1824,304,1,1]  features.6.3.block.0.0
 * %5249 = add(%5248, %3477) : f32[1824,304,1,1]  features.6.3.block.0.0.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %5249 -> G + 13315988
 * in  %359 i32[1] <- io[8] (seed)
 * in  %1309 f32[4,16,16,304] <- A + 418873344
 * in  %1310 f32[304] <- M + 10490460 (features.6.0.block.3.1.weight)
 * in  %1311 f32[304] <- M + 10490764 (features.6.0.block.3.1.bias)
 * in  %1314 f32[2,304] <- A + 427255232
 * in  %1355 f32[4,16,16,304] <- A + 419184640
 * in  %1356 f32[304] <- M + 11902920 (features.6.1.block.3.1.weight)
 * in  %1357 f32[304] <- M + 11903224 (features.6.1.block.3.1.bias)
 * in  %1360 f32[2,304] <- A + 427255840
 * in  %1403 f32[4,16,16,304] <- A + 419495936
 * in  %1404 f32[304] <- M + 13315380 (features.6.2.block.3.1.weight)
 * in  %1405 f32[304] <- M + 13315684 (features.6.2.block.3.1.bias)
 * in  %1408 f32[2,304] <- A + 427256448
 * in  %3471 f32[4,16,16,1824] <- A + 189693952
 * in  %5248 f32[1824,304,1,1] <- G + 13315988 (features.6.3.block.0.0.weight)
 */
void k269b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [1824,304,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict gamma /* [304] */,
    const float *restrict beta /* [304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict gamma2 /* [304] */,
    const float *restrict beta2 /* [304] */,
    const float *restrict stats2 /* [2,304] */,
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
 * %1317 = bn_train(%1309, %1314, %1310, %1311) : f32[4,16,16,304]  features.6.0.block.3.1
 * %1363 = bn_train(%1355, %1360, %1356, %1357) : f32[4,16,16,304]  features.6.1.block.3.1
 * %1364 = stochastic_depth(%1363, %359) : f32[4,16,16,304]  features.6.1.stochastic_depth
 * %1365 = add(%1364, %1317) : f32[4,16,16,304]  features.6.1
 * %3525 = conv2d_bwd_weight(%3519, %1365) : f32[1824,304,1,1]  features.6.2.block.0.0
 * %5223 = add(%5222, %3525) : f32[1824,304,1,1]  features.6.2.block.0.0.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %5223 -> G + 11903528
 * in  %359 i32[1] <- io[8] (seed)
 * in  %1309 f32[4,16,16,304] <- A + 418873344
 * in  %1310 f32[304] <- M + 10490460 (features.6.0.block.3.1.weight)
 * in  %1311 f32[304] <- M + 10490764 (features.6.0.block.3.1.bias)
 * in  %1314 f32[2,304] <- A + 427255232
 * in  %1355 f32[4,16,16,304] <- A + 419184640
 * in  %1356 f32[304] <- M + 11902920 (features.6.1.block.3.1.weight)
 * in  %1357 f32[304] <- M + 11903224 (features.6.1.block.3.1.bias)
 * in  %1360 f32[2,304] <- A + 427255840
 * in  %3519 f32[4,16,16,1824] <- A + 189693952
 * in  %5222 f32[1824,304,1,1] <- G + 11903528 (features.6.2.block.0.0.weight)
 */
void k268b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [1824,304,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,16,16,304] */,
    const float *restrict gamma /* [304] */,
    const float *restrict beta /* [304] */,
    const float *restrict stats /* [2,304] */,
    const float *restrict x2 /* [4,16,16,304] */,
    const float *restrict gamma2 /* [304] */,
    const float *restrict beta2 /* [304] */,
    const float *restrict stats2 /* [2,304] */,
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
 * %3619 = conv2d_bwd_input(%3614, %1272) : f32[4,32,32,176]  features.6.0.block.0.0
 * 28 call sites share this function; the nodes and locations above are the first one's.
 * out %3619 -> A + 396820480
 * in  %3614 f32[4,32,32,1056] <- A + 183500800
 * in  %1272 f32[1056,176,1,1] <- M + 9875824 (features.6.0.block.0.0.weight)
 */
void k265b_conv1x1_bwd_input(
    float *restrict dx /* [4,32,32,176] */,
    const float *restrict dy /* [4,32,32,1056] */,
    const float *restrict w /* [1056,176,1,1] */) {
    /* dx of x (4,32,32,176) w (1056,176,1,1) y (4,32,32,1056) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    /* the weight packed once; tiles of 264 rows in parallel */
    float *w_f32 = breastai_gemm_f32_pack(CblasNoTrans, 176, 1056, w, 176);  /* packed once for every tile */
    #pragma omp parallel for schedule(static)
    for (long t = 0; t < 16; t++) {
        const long m0 = t * 264, rows = m0 + 264 <= 4096 ? 264 : 4096 - m0;
        breastai_gemm_f32_packed(CblasNoTrans, rows, 176, 1056, 1.0f, dy + m0 * 1056, 1056, w_f32, 0.0f, dx + m0 * 176, 176);
    }
    free(w_f32);
}

/*
 * %1269 = bn_train(%1261, %1266, %1262, %1263) : f32[4,32,32,176]  features.5.13.block.3.1
 * %1270 = stochastic_depth(%1269, %359) : f32[4,32,32,176]  features.5.13.stochastic_depth
 * %1271 = add(%1270, %1223) : f32[4,32,32,176]  features.5.13
 * %3620 = conv2d_bwd_weight(%3614, %1271) : f32[1056,176,1,1]  features.6.0.block.0.0
 * %5171 = add(%5170, %3620) : f32[1056,176,1,1]  features.6.0.block.0.0.weight
 * 8 call sites share this function; the nodes and locations above are the first one's.
 * out %5171 -> G + 9875824
 * in  %359 i32[1] <- io[8] (seed)
 * in  %1223 f32[4,32,32,176] <- A + 409436160
 * in  %1261 f32[4,32,32,176] <- A + 410157056
 * in  %1262 f32[176] <- M + 9875472 (features.5.13.block.3.1.weight)
 * in  %1263 f32[176] <- M + 9875648 (features.5.13.block.3.1.bias)
 * in  %1266 f32[2,176] <- A + 427274848
 * in  %3614 f32[4,32,32,1056] <- A + 183500800
 * in  %5170 f32[1056,176,1,1] <- G + 9875824 (features.6.0.block.0.0.weight)
 */
void k265b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [1056,176,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,32,32,176] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict gamma /* [176] */,
    const float *restrict beta /* [176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict dy /* [4,32,32,1056] */,
    uint32_t salt,
    float rate) {
    /* dw (1056, 176) += dyᵀ (1056, 4096) · f(x) (4096, 176), f(x) recomputed in tiles of 342 rows */
    float q0[176];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q0[c] = gamma[c] / sqrtf(stats[176 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 185856);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 185856;
        float *restrict tile = malloc(sizeof(float) * 60192);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 12; t++) {
            const long m0 = t * 342, rows = m0 + 342 <= 4096 ? 342 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 176; c++) {
                    const float t0 = x[r * 176 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = b[r * 176 + c];
                    const float t4 = t2 + t3;
                    tile[(r - m0) * 176 + c] = t4;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 1056, 176, rows, 1.0f, dy + m0 * 1056, 1056, tile, 176, first ? 0.0f : 1.0f, mine, 176);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 185856);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 185856; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 185856 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %3621 = stochastic_depth_bwd(%3619, %359) : f32[4,32,32,176]  features.5.13.stochastic_depth
 * %3622 = bn_bwd_reduce(%3621, %1261, %1266) : f32[2,176]  features.5.13.block.3.1
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %3622 -> A + 427221568
 * in  %359 i32[1] <- io[8] (seed)
 * in  %1261 f32[4,32,32,176] <- A + 410157056
 * in  %1266 f32[2,176] <- A + 427274848
 * in  %3619 f32[4,32,32,176] <- A + 396820480
 */
void k257b_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,176] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict dy /* [4,32,32,176] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[176];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q1[c] = 1.0f / sqrtf(stats[176 + c] + 0.001f);
    }
    enum { C = 176, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = dy[r * 176 + c];
                const float t1 = t0 * q0[r / 1024];
                const float t2 = x[r * 176 + c];
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
 * %3621 = stochastic_depth_bwd(%3619, %359) : f32[4,32,32,176]  features.5.13.stochastic_depth
 * %3623 = bn_bwd_input(%3621, %1261, %1266, %1262, %3622) : f32[4,32,32,176]  features.5.13.block.3.1
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %3623 -> A + 183500800
 * in  %359 i32[1] <- io[8] (seed)
 * in  %1261 f32[4,32,32,176] <- A + 410157056
 * in  %1262 f32[176] <- M + 9875472 (features.5.13.block.3.1.weight)
 * in  %1266 f32[2,176] <- A + 427274848
 * in  %3619 f32[4,32,32,176] <- A + 396820480
 * in  %3622 f32[2,176] <- A + 427221568
 */
void k257b_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,176] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict gamma /* [176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict dy /* [4,32,32,176] */,
    const float *restrict dstats /* [2,176] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[176], q2[176], q3[176];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 176; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[176 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[176 + c] / 4096.0f * (1.0f / sqrtf(stats[176 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 176; c++) {
            const long i = r * 176 + c;
            const float t0 = dy[r * 176 + c];
            const float t1 = t0 * q0[r / 1024];
            const float t2 = x[r * 176 + c];
            const float t3 = q1[c] * (t1 - q2[c] - (t2 - stats[c]) * q3[c]);
            dx[i] = t3;
        }
    }
}

/*
 * %3624 = slice(%3622) : f32[1,176]  features.5.13.block.3.1
 * %3625 = reshape(%3624) : f32[176]  features.5.13.block.3.1
 * %5167 = add(%5166, %3625) : f32[176]  features.5.13.block.3.1.weight
 * 28 call sites share this function; the nodes and locations above are the first one's.
 * out %5167 -> G + 9875472
 * in  %3622 f32[2,176] <- A + 427221568
 * in  %5166 f32[176] <- G + 9875472 (features.5.13.block.3.1.weight)
 */
void k257b_slice_acc(float *restrict grad /* [176] */, const float *restrict x /* [2,176] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 176; j++) grad[o * 176 + j] += x[o * 352 + 176 + j];
}

/*
 * %3626 = slice(%3622) : f32[1,176]  features.5.13.block.3.1
 * %3627 = reshape(%3626) : f32[176]  features.5.13.block.3.1
 * %5169 = add(%5168, %3627) : f32[176]  features.5.13.block.3.1.bias
 * 28 call sites share this function; the nodes and locations above are the first one's.
 * out %5169 -> G + 9875648
 * in  %3622 f32[2,176] <- A + 427221568
 * in  %5168 f32[176] <- G + 9875648 (features.5.13.block.3.1.bias)
 */
void k257b2_slice_acc(float *restrict grad /* [176] */, const float *restrict x /* [2,176] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 176; j++) grad[o * 176 + j] += x[o * 352 + 0 + j];
}

/*
 * %3628 = conv2d_bwd_input(%3623, %1260) : f32[4,32,32,1056]  features.5.13.block.3.0
 * 26 call sites share this function; the nodes and locations above are the first one's.
 * out %3628 -> A + 179175424
 * in  %3623 f32[4,32,32,176] <- A + 183500800
 * in  %1260 f32[176,1056,1,1] <- M + 9689616 (features.5.13.block.3.0.weight)
 */
void k261b_conv1x1_bwd_input(
    float *restrict dx /* [4,32,32,1056] */,
    const float *restrict dy /* [4,32,32,176] */,
    const float *restrict w /* [176,1056,1,1] */) {
    /* dx of x (4,32,32,1056) w (176,1056,1,1) y (4,32,32,176) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    /* the weight packed once; tiles of 72 rows in parallel */
    float *w_f32 = breastai_gemm_f32_pack(CblasNoTrans, 1056, 176, w, 1056);  /* packed once for every tile */
    #pragma omp parallel for schedule(static)
    for (long t = 0; t < 57; t++) {
        const long m0 = t * 72, rows = m0 + 72 <= 4096 ? 72 : 4096 - m0;
        breastai_gemm_f32_packed(CblasNoTrans, rows, 1056, 176, 1.0f, dy + m0 * 176, 176, w_f32, 0.0f, dx + m0 * 1056, 1056);
    }
    free(w_f32);
}

/*
 * %1244 = bn_train(%1236, %1241, %1237, %1238) : f32[4,32,32,1056]  features.5.13.block.1.1
 * %1245 = silu(%1244) : f32[4,32,32,1056]  features.5.13.block.1.2
 * %1259 = mul(%1245, %1258) : f32[4,32,32,1056]  features.5.13.block.2
 * %3629 = conv2d_bwd_weight(%3623, %1259) : f32[176,1056,1,1]  features.5.13.block.3.0
 * %5165 = add(%5164, %3629) : f32[176,1056,1,1]  features.5.13.block.3.0.weight
 * 26 call sites share this function; the nodes and locations above are the first one's.
 * out %5165 -> G + 9689616
 * in  %1236 f32[4,32,32,1056] <- A + 174850048
 * in  %1237 f32[1056] <- M + 9593476 (features.5.13.block.1.1.weight)
 * in  %1238 f32[1056] <- M + 9594532 (features.5.13.block.1.1.bias)
 * in  %1241 f32[2,1056] <- A + 427219456
 * in  %1258 f32[4,1,1,1056] <- A + 426964480
 * in  %3623 f32[4,32,32,176] <- A + 183500800
 * in  %5164 f32[176,1056,1,1] <- G + 9689616 (features.5.13.block.3.0.weight)
 */
void k261b_bn_train_silu_mul_conv1x1_bwd_weight_acc(
    float *restrict grad /* [176,1056,1,1] */,
    const float *restrict x /* [4,32,32,1056] */,
    const float *restrict gamma /* [1056] */,
    const float *restrict beta /* [1056] */,
    const float *restrict stats /* [2,1056] */,
    const float *restrict scale /* [4,1,1,1056] */,
    const float *restrict dy /* [4,32,32,176] */) {
    /* dw (176, 1056) += dyᵀ (176, 4096) · f(x) (4096, 1056), f(x) recomputed in tiles of 256 rows */
    float q0[1056];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 1056; c++) {
        q0[c] = gamma[c] / sqrtf(stats[1056 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 185856);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 185856;
        float *restrict tile = malloc(sizeof(float) * 270336);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 16; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 4096 ? 256 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 1056; c++) {
                    const float t0 = x[r * 1056 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    const float t3 = scale[(r / 1024) * 1056 + c];
                    const float t4 = t2 * t3;
                    tile[(r - m0) * 1056 + c] = t4;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 176, 1056, rows, 1.0f, dy + m0 * 176, 176, tile, 1056, first ? 0.0f : 1.0f, mine, 1056);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 185856);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 185856; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 185856 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %1244 = bn_train(%1236, %1241, %1237, %1238) : f32[4,32,32,1056]  features.5.13.block.1.1
 * %1245 = silu(%1244) : f32[4,32,32,1056]  features.5.13.block.1.2
 * %3631 = mul(%3628, %1245) : f32[4,32,32,1056]  features.5.13.block.2
 * %3632 = reduce_sum(%3631) : f32[4,1,1,1056]  features.5.13.block.2
 * 26 call sites share this function; the nodes and locations above are the first one's.
 * out %3632 -> A + 397541376
 * in  %1236 f32[4,32,32,1056] <- A + 174850048
 * in  %1237 f32[1056] <- M + 9593476 (features.5.13.block.1.1.weight)
 * in  %1238 f32[1056] <- M + 9594532 (features.5.13.block.1.1.bias)
 * in  %1241 f32[2,1056] <- A + 427219456
 * in  %3628 f32[4,32,32,1056] <- A + 179175424
 */
void k271_bn_train_silu_mul_reduce_sum(
    float *restrict y /* [4,1,1,1056] */,
    const float *restrict x /* [4,32,32,1056] */,
    const float *restrict gamma /* [1056] */,
    const float *restrict beta /* [1056] */,
    const float *restrict stats /* [2,1056] */,
    const float *restrict a /* [4,32,32,1056] */) {
    /* sum over axes [1, 2] of [4, 32, 32, 1056]: (4, 1024, 1056) -> (4, 1056) */
    float q0[1056];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 1056; c++) {
        q0[c] = gamma[c] / sqrtf(stats[1056 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[1056];
        for (long q = 0; q < 1056; q++) acc[q] = 0.0;
        for (long j = 0; j < 1024; j++) {
            for (long q = 0; q < 1056; q++) {
                const long r = o * 1024 + j;
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
 * %3657 = conv2d_bwd_input(%3652, %1235) : f32[4,32,32,1056]  features.5.13.block.1.0
 * 26 call sites share this function; the nodes and locations above are the first one's.
 * out %3657 -> A + 174850048
 * in  %3652 f32[4,32,32,1056] <- A + 183500800
 * in  %1235 f32[1056,1,3,3] <- M + 9583972 (features.5.13.block.1.0.weight)
 */
void k259b_dwconv3x3_bwd_input(
    float *restrict dx /* [4,32,32,1056] */,
    const float *restrict dy /* [4,32,32,1056] */,
    const float *restrict w /* [1056,1,3,3] */) {
    /* dx of x (4,32,32,1056) w (1056,1,3,3) y (4,32,32,1056) stride 1 pad 1 groups 1056 */
    float *restrict wt = malloc(sizeof(float) * 9504);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 1056; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 1056 + c] = w[(c * 3 + r) * 3 + s];
    /* Depthwise 3x3 dx as a sliding window over dy: per input row and block of 16 channels, the weights and
     * the 3x3 window of dy stay in registers while iw moves right; rows and columns outside dy are zeros. */
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long ih = 0; ih < 32; ih++) {
            const int up = ih > 0, down = ih + 1 < 32;
            const long o1 = (n * 32 + ih) * 33792, o0 = o1 - 33792, o2 = o1 + 33792;
            for (long c = 0; c < 1056; c += 16) {
                const ba_v16 zero = {0};
                const ba_v16 w00 = *(const ba_v16 *)(wt + c), w01 = *(const ba_v16 *)(wt + 1056 + c), w02 = *(const ba_v16 *)(wt + 2112 + c);
                const ba_v16 w10 = *(const ba_v16 *)(wt + 3168 + c), w11 = *(const ba_v16 *)(wt + 4224 + c), w12 = *(const ba_v16 *)(wt + 5280 + c);
                const ba_v16 w20 = *(const ba_v16 *)(wt + 6336 + c), w21 = *(const ba_v16 *)(wt + 7392 + c), w22 = *(const ba_v16 *)(wt + 8448 + c);
                ba_v16 v00 = zero, v10 = zero, v20 = zero;
                ba_v16 v01 = up ? *(const ba_v16 *)(dy + o0 + c) : zero, v11 = *(const ba_v16 *)(dy + o1 + c), v21 = down ? *(const ba_v16 *)(dy + o2 + c) : zero;
                for (long col = 0; col < 32; col++) {
                    ba_v16 v02 = zero, v12 = zero, v22 = zero;
                    if (col + 1 < 32) {
                        const long next = (col + 1) * 1056 + c;
                        if (up) { v02 = *(const ba_v16 *)(dy + o0 + next); __builtin_prefetch(dy + o0 + next + 16); }
                        v12 = *(const ba_v16 *)(dy + o1 + next); __builtin_prefetch(dy + o1 + next + 16);
                        if (down) { v22 = *(const ba_v16 *)(dy + o2 + next); __builtin_prefetch(dy + o2 + next + 16); }
                    }
                    const ba_v16 v = v22 * w00 + v21 * w01 + v20 * w02
                        + v12 * w10 + v11 * w11 + v10 * w12
                        + v02 * w20 + v01 * w21 + v00 * w22;
                    *(ba_v16 *)(dx + o1 + col * 1056 + c) = v;
                    __builtin_prefetch(dx + o1 + col * 1056 + c + 16, 1);
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
            }
        }
    }
    free(wt);
}

/*
 * %3658 = conv2d_bwd_weight(%3652, %1234) : f32[1056,1,3,3]  features.5.13.block.1.0
 * %5151 = add(%5150, %3658) : f32[1056,1,3,3]  features.5.13.block.1.0.weight
 * 26 call sites share this function; the nodes and locations above are the first one's.
 * out %5151 -> G + 9583972
 * in  %3652 f32[4,32,32,1056] <- A + 183500800
 * in  %1234 f32[4,32,32,1056] <- A + 170524672
 * in  %5150 f32[1056,1,3,3] <- G + 9583972 (features.5.13.block.1.0.weight)
 */
void k259b_dwconv3x3_bwd_weight_acc(
    float *restrict grad /* [1056,1,3,3] */,
    const float *restrict dy /* [4,32,32,1056] */,
    const float *restrict x /* [4,32,32,1056] */) {
    /* dw of x (4,32,32,1056) w (1056,1,3,3) y (4,32,32,1056) stride 1 pad 1 groups 1056, added into the accumulator */
    /* Depthwise dw: dw[c, r, s] = Σ_{n, oh, ow} dy[n, oh, ow, c] · x[n, ih, iw, c], channels innermost. Each thread
     * sums a fixed range of output rows into its own (R, S, C) partial (each row in float, the partial in
     * double); the partials are added in thread order. */
    /* 3x3, stride 1: each row's nine sums in registers, a sliding window over x (CEmitter+DepthwiseWindow) */
    const int max_threads = omp_get_max_threads();
    double *restrict part = calloc((size_t)max_threads * 9504, sizeof(double));  /* (threads, R, S, C) */
    if (!part) abort();
    int threads = 1;
    #pragma omp parallel num_threads(max_threads)
    {
        const int thread = omp_get_thread_num(), team = omp_get_num_threads();
        if (thread == 0) threads = team;
        double *restrict acc = part + (long)thread * 9504;
        for (long row = 128L * thread / team; row < 128L * (thread + 1) / team; row++) {
            const long n = row / 32, oh = row % 32;
            const int up = oh > 0, down = oh + 1 < 32;
            const long o1 = (n * 32 + oh) * 33792, o0 = o1 - 33792, o2 = o1 + 33792;
            for (long c = 0; c < 1056; c += 16) {
                const ba_v16 zero = {0};
                ba_v16 g00 = zero, g01 = zero, g02 = zero, g10 = zero, g11 = zero, g12 = zero, g20 = zero, g21 = zero, g22 = zero;
                ba_v16 v00 = zero, v10 = zero, v20 = zero;
                ba_v16 v01 = up ? *(const ba_v16 *)(x + o0 + c) : zero, v11 = *(const ba_v16 *)(x + o1 + c), v21 = down ? *(const ba_v16 *)(x + o2 + c) : zero;
                for (long col = 0; col < 32; col++) {
                    ba_v16 v02 = zero, v12 = zero, v22 = zero;
                    if (col + 1 < 32) {
                        const long next = (col + 1) * 1056 + c;
                        if (up) { v02 = *(const ba_v16 *)(x + o0 + next); __builtin_prefetch(x + o0 + next + 16); }
                        v12 = *(const ba_v16 *)(x + o1 + next); __builtin_prefetch(x + o1 + next + 16);
                        if (down) { v22 = *(const ba_v16 *)(x + o2 + next); __builtin_prefetch(x + o2 + next + 16); }
                    }
                    const ba_v16 g = *(const ba_v16 *)(dy + o1 + col * 1056 + c);
                    __builtin_prefetch(dy + o1 + col * 1056 + c + 16);
                    g00 += g * v00; g01 += g * v01; g02 += g * v02;
                    g10 += g * v10; g11 += g * v11; g12 += g * v12;
                    g20 += g * v20; g21 += g * v21; g22 += g * v22;
                    v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;
                }
                *(ba_v8d *)(acc + c) += BA_LO_V8D(g00); *(ba_v8d *)(acc + c + 8) += BA_HI_V8D(g00);
                *(ba_v8d *)(acc + 1056 + c) += BA_LO_V8D(g01); *(ba_v8d *)(acc + 1056 + c + 8) += BA_HI_V8D(g01);
                *(ba_v8d *)(acc + 2112 + c) += BA_LO_V8D(g02); *(ba_v8d *)(acc + 2112 + c + 8) += BA_HI_V8D(g02);
                *(ba_v8d *)(acc + 3168 + c) += BA_LO_V8D(g10); *(ba_v8d *)(acc + 3168 + c + 8) += BA_HI_V8D(g10);
                *(ba_v8d *)(acc + 4224 + c) += BA_LO_V8D(g11); *(ba_v8d *)(acc + 4224 + c + 8) += BA_HI_V8D(g11);
                *(ba_v8d *)(acc + 5280 + c) += BA_LO_V8D(g12); *(ba_v8d *)(acc + 5280 + c + 8) += BA_HI_V8D(g12);
                *(ba_v8d *)(acc + 6336 + c) += BA_LO_V8D(g20); *(ba_v8d *)(acc + 6336 + c + 8) += BA_HI_V8D(g20);
                *(ba_v8d *)(acc + 7392 + c) += BA_LO_V8D(g21); *(ba_v8d *)(acc + 7392 + c + 8) += BA_HI_V8D(g21);
                *(ba_v8d *)(acc + 8448 + c) += BA_LO_V8D(g22); *(ba_v8d *)(acc + 8448 + c + 8) += BA_HI_V8D(g22);
            }
        }
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
 * %3668 = add_n(%3619, %3666) : f32[4,32,32,176]  features.5.12
 * %3669 = stochastic_depth_bwd(%3668, %359) : f32[4,32,32,176]  features.5.12.stochastic_depth
 * %3670 = bn_bwd_reduce(%3669, %1213, %1218) : f32[2,176]  features.5.12.block.3.1
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %3670 -> A + 427248832
 * in  %359 i32[1] <- io[8] (seed)
 * in  %1213 f32[4,32,32,176] <- A + 408715264
 * in  %1218 f32[2,176] <- A + 427274496
 * in  %3619 f32[4,32,32,176] <- A + 396820480
 * in  %3666 f32[4,32,32,176] <- A + 174850048
 */
void k257b_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,176] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict x3 /* [4,32,32,176] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[176];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q1[c] = 1.0f / sqrtf(stats[176 + c] + 0.001f);
    }
    enum { C = 176, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 176 + c];
                const float t1 = x3[r * 176 + c];
                const float t2 = t0 + t1;
                const float t3 = t2 * q0[r / 1024];
                const float t4 = x[r * 176 + c];
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
 * %3668 = add_n(%3619, %3666) : f32[4,32,32,176]  features.5.12
 * %3669 = stochastic_depth_bwd(%3668, %359) : f32[4,32,32,176]  features.5.12.stochastic_depth
 * %3671 = bn_bwd_input(%3669, %1213, %1218, %1214, %3670) : f32[4,32,32,176]  features.5.12.block.3.1
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %3671 -> A + 170524672
 * in  %359 i32[1] <- io[8] (seed)
 * in  %1213 f32[4,32,32,176] <- A + 408715264
 * in  %1214 f32[176] <- M + 9395652 (features.5.12.block.3.1.weight)
 * in  %1218 f32[2,176] <- A + 427274496
 * in  %3619 f32[4,32,32,176] <- A + 396820480
 * in  %3666 f32[4,32,32,176] <- A + 174850048
 * in  %3670 f32[2,176] <- A + 427248832
 */
void k257b_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,176] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict gamma /* [176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict x3 /* [4,32,32,176] */,
    const float *restrict dstats /* [2,176] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[176], q2[176], q3[176];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 176; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[176 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[176 + c] / 4096.0f * (1.0f / sqrtf(stats[176 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 176; c++) {
            const long i = r * 176 + c;
            const float t0 = x2[r * 176 + c];
            const float t1 = x3[r * 176 + c];
            const float t2 = t0 + t1;
            const float t3 = t2 * q0[r / 1024];
            const float t4 = x[r * 176 + c];
            const float t5 = q1[c] * (t3 - q2[c] - (t4 - stats[c]) * q3[c]);
            dx[i] = t5;
        }
    }
}

/*
 * %1125 = bn_train(%1117, %1122, %1118, %1119) : f32[4,32,32,176]  features.5.10.block.3.1
 * %1126 = stochastic_depth(%1125, %359) : f32[4,32,32,176]  features.5.10.stochastic_depth
 * %1127 = add(%1126, %1079) : f32[4,32,32,176]  features.5.10
 * %1173 = bn_train(%1165, %1170, %1166, %1167) : f32[4,32,32,176]  features.5.11.block.3.1
 * %1174 = stochastic_depth(%1173, %359) : f32[4,32,32,176]  features.5.11.stochastic_depth
 * %1175 = add(%1174, %1127) : f32[4,32,32,176]  features.5.11
 * %3715 = conv2d_bwd_weight(%3709, %1175) : f32[1056,176,1,1]  features.5.12.block.0.0
 * %5119 = add(%5118, %3715) : f32[1056,176,1,1]  features.5.12.block.0.0.weight
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %5119 -> G + 8916184
 * in  %359 i32[1] <- io[8] (seed)
 * in  %1079 f32[4,32,32,176] <- A + 406552576
 * in  %1117 f32[4,32,32,176] <- A + 407273472
 * in  %1118 f32[176] <- M + 8436012 (features.5.10.block.3.1.weight)
 * in  %1119 f32[176] <- M + 8436188 (features.5.10.block.3.1.bias)
 * in  %1122 f32[2,176] <- A + 427273792
 * in  %1165 f32[4,32,32,176] <- A + 407994368
 * in  %1166 f32[176] <- M + 8915832 (features.5.11.block.3.1.weight)
 * in  %1167 f32[176] <- M + 8916008 (features.5.11.block.3.1.bias)
 * in  %1170 f32[2,176] <- A + 427274144
 * in  %3709 f32[4,32,32,1056] <- A + 157548544
 * in  %5118 f32[1056,176,1,1] <- G + 8916184 (features.5.12.block.0.0.weight)
 */
void k266b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [1056,176,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict b /* [4,32,32,176] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict gamma /* [176] */,
    const float *restrict beta /* [176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict gamma2 /* [176] */,
    const float *restrict beta2 /* [176] */,
    const float *restrict stats2 /* [2,176] */,
    const float *restrict dy /* [4,32,32,1056] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* dw (1056, 176) += dyᵀ (1056, 4096) · f(x) (4096, 176), f(x) recomputed in tiles of 342 rows */
    float q0[176];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q0[c] = gamma2[c] / sqrtf(stats2[176 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[176];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q2[c] = gamma[c] / sqrtf(stats[176 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 185856);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 185856;
        float *restrict tile = malloc(sizeof(float) * 60192);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 12; t++) {
            const long m0 = t * 342, rows = m0 + 342 <= 4096 ? 342 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 176; c++) {
                    const float t0 = x2[r * 176 + c];
                    const float t1 = (t0 - stats2[c]) * q0[c] + beta2[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = x[r * 176 + c];
                    const float t4 = (t3 - stats[c]) * q2[c] + beta[c];
                    const float t5 = t4 * q3[r / 1024];
                    const float t6 = b[r * 176 + c];
                    const float t7 = t5 + t6;
                    const float t8 = t2 + t7;
                    tile[(r - m0) * 176 + c] = t8;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 1056, 176, rows, 1.0f, dy + m0 * 1056, 1056, tile, 176, first ? 0.0f : 1.0f, mine, 176);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 185856);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 185856; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 185856 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %3668 = add_n(%3619, %3666) : f32[4,32,32,176]  features.5.12
 * %3716 = add_n(%3668, %3714) : f32[4,32,32,176]  features.5.11
 * %3717 = stochastic_depth_bwd(%3716, %359) : f32[4,32,32,176]  features.5.11.stochastic_depth
 * %3718 = bn_bwd_reduce(%3717, %1165, %1170) : f32[2,176]  features.5.11.block.3.1
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %3718 -> A + 427248832
 * in  %359 i32[1] <- io[8] (seed)
 * in  %1165 f32[4,32,32,176] <- A + 407994368
 * in  %1170 f32[2,176] <- A + 427274144
 * in  %3619 f32[4,32,32,176] <- A + 396820480
 * in  %3666 f32[4,32,32,176] <- A + 174850048
 * in  %3714 f32[4,32,32,176] <- A + 161873920
 */
void k257b2_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,176] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict x3 /* [4,32,32,176] */,
    const float *restrict x4 /* [4,32,32,176] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[176];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q1[c] = 1.0f / sqrtf(stats[176 + c] + 0.001f);
    }
    enum { C = 176, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 176 + c];
                const float t1 = x3[r * 176 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 176 + c];
                const float t4 = t2 + t3;
                const float t5 = t4 * q0[r / 1024];
                const float t6 = x[r * 176 + c];
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
 * %3668 = add_n(%3619, %3666) : f32[4,32,32,176]  features.5.12
 * %3716 = add_n(%3668, %3714) : f32[4,32,32,176]  features.5.11
 * %3717 = stochastic_depth_bwd(%3716, %359) : f32[4,32,32,176]  features.5.11.stochastic_depth
 * %3719 = bn_bwd_input(%3717, %1165, %1170, %1166, %3718) : f32[4,32,32,176]  features.5.11.block.3.1
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %3719 -> A + 157548544
 * in  %359 i32[1] <- io[8] (seed)
 * in  %1165 f32[4,32,32,176] <- A + 407994368
 * in  %1166 f32[176] <- M + 8915832 (features.5.11.block.3.1.weight)
 * in  %1170 f32[2,176] <- A + 427274144
 * in  %3619 f32[4,32,32,176] <- A + 396820480
 * in  %3666 f32[4,32,32,176] <- A + 174850048
 * in  %3714 f32[4,32,32,176] <- A + 161873920
 * in  %3718 f32[2,176] <- A + 427248832
 */
void k257b2_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,176] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict gamma /* [176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict x3 /* [4,32,32,176] */,
    const float *restrict x4 /* [4,32,32,176] */,
    const float *restrict dstats /* [2,176] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[176], q2[176], q3[176];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 176; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[176 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[176 + c] / 4096.0f * (1.0f / sqrtf(stats[176 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 176; c++) {
            const long i = r * 176 + c;
            const float t0 = x2[r * 176 + c];
            const float t1 = x3[r * 176 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 176 + c];
            const float t4 = t2 + t3;
            const float t5 = t4 * q0[r / 1024];
            const float t6 = x[r * 176 + c];
            const float t7 = q1[c] * (t5 - q2[c] - (t6 - stats[c]) * q3[c]);
            dx[i] = t7;
        }
    }
}

/*
 * %3668 = add_n(%3619, %3666) : f32[4,32,32,176]  features.5.12
 * %3716 = add_n(%3668, %3714) : f32[4,32,32,176]  features.5.11
 * %3764 = add_n(%3716, %3762) : f32[4,32,32,176]  features.5.10
 * %3765 = stochastic_depth_bwd(%3764, %359) : f32[4,32,32,176]  features.5.10.stochastic_depth
 * %3766 = bn_bwd_reduce(%3765, %1117, %1122) : f32[2,176]  features.5.10.block.3.1
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %3766 -> A + 427248832
 * in  %359 i32[1] <- io[8] (seed)
 * in  %1117 f32[4,32,32,176] <- A + 407273472
 * in  %1122 f32[2,176] <- A + 427273792
 * in  %3619 f32[4,32,32,176] <- A + 396820480
 * in  %3666 f32[4,32,32,176] <- A + 174850048
 * in  %3714 f32[4,32,32,176] <- A + 161873920
 * in  %3762 f32[4,32,32,176] <- A + 162594816
 */
void k257b3_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,176] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict x3 /* [4,32,32,176] */,
    const float *restrict x4 /* [4,32,32,176] */,
    const float *restrict x5 /* [4,32,32,176] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[176];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q1[c] = 1.0f / sqrtf(stats[176 + c] + 0.001f);
    }
    enum { C = 176, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 176 + c];
                const float t1 = x3[r * 176 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 176 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 176 + c];
                const float t6 = t4 + t5;
                const float t7 = t6 * q0[r / 1024];
                const float t8 = x[r * 176 + c];
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
 * %3668 = add_n(%3619, %3666) : f32[4,32,32,176]  features.5.12
 * %3716 = add_n(%3668, %3714) : f32[4,32,32,176]  features.5.11
 * %3764 = add_n(%3716, %3762) : f32[4,32,32,176]  features.5.10
 * %3765 = stochastic_depth_bwd(%3764, %359) : f32[4,32,32,176]  features.5.10.stochastic_depth
 * %3767 = bn_bwd_input(%3765, %1117, %1122, %1118, %3766) : f32[4,32,32,176]  features.5.10.block.3.1
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %3767 -> A + 163315712
 * in  %359 i32[1] <- io[8] (seed)
 * in  %1117 f32[4,32,32,176] <- A + 407273472
 * in  %1118 f32[176] <- M + 8436012 (features.5.10.block.3.1.weight)
 * in  %1122 f32[2,176] <- A + 427273792
 * in  %3619 f32[4,32,32,176] <- A + 396820480
 * in  %3666 f32[4,32,32,176] <- A + 174850048
 * in  %3714 f32[4,32,32,176] <- A + 161873920
 * in  %3762 f32[4,32,32,176] <- A + 162594816
 * in  %3766 f32[2,176] <- A + 427248832
 */
void k257b3_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,176] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict gamma /* [176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict x3 /* [4,32,32,176] */,
    const float *restrict x4 /* [4,32,32,176] */,
    const float *restrict x5 /* [4,32,32,176] */,
    const float *restrict dstats /* [2,176] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[176], q2[176], q3[176];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 176; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[176 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[176 + c] / 4096.0f * (1.0f / sqrtf(stats[176 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 176; c++) {
            const long i = r * 176 + c;
            const float t0 = x2[r * 176 + c];
            const float t1 = x3[r * 176 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 176 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 176 + c];
            const float t6 = t4 + t5;
            const float t7 = t6 * q0[r / 1024];
            const float t8 = x[r * 176 + c];
            const float t9 = q1[c] * (t7 - q2[c] - (t8 - stats[c]) * q3[c]);
            dx[i] = t9;
        }
    }
}

/*
 * %3668 = add_n(%3619, %3666) : f32[4,32,32,176]  features.5.12
 * %3716 = add_n(%3668, %3714) : f32[4,32,32,176]  features.5.11
 * %3764 = add_n(%3716, %3762) : f32[4,32,32,176]  features.5.10
 * %3812 = add_n(%3764, %3810) : f32[4,32,32,176]  features.5.9
 * %3813 = stochastic_depth_bwd(%3812, %359) : f32[4,32,32,176]  features.5.9.stochastic_depth
 * %3814 = bn_bwd_reduce(%3813, %1069, %1074) : f32[2,176]  features.5.9.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3814 -> A + 427248832
 * in  %359 i32[1] <- io[8] (seed)
 * in  %1069 f32[4,32,32,176] <- A + 405831680
 * in  %1074 f32[2,176] <- A + 427273440
 * in  %3619 f32[4,32,32,176] <- A + 396820480
 * in  %3666 f32[4,32,32,176] <- A + 174850048
 * in  %3714 f32[4,32,32,176] <- A + 161873920
 * in  %3762 f32[4,32,32,176] <- A + 162594816
 * in  %3810 f32[4,32,32,176] <- A + 163315712
 */
void k257b4_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,176] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict x3 /* [4,32,32,176] */,
    const float *restrict x4 /* [4,32,32,176] */,
    const float *restrict x5 /* [4,32,32,176] */,
    const float *restrict x6 /* [4,32,32,176] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[176];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q1[c] = 1.0f / sqrtf(stats[176 + c] + 0.001f);
    }
    enum { C = 176, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 176 + c];
                const float t1 = x3[r * 176 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 176 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 176 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 176 + c];
                const float t8 = t6 + t7;
                const float t9 = t8 * q0[r / 1024];
                const float t10 = x[r * 176 + c];
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
 * %3668 = add_n(%3619, %3666) : f32[4,32,32,176]  features.5.12
 * %3716 = add_n(%3668, %3714) : f32[4,32,32,176]  features.5.11
 * %3764 = add_n(%3716, %3762) : f32[4,32,32,176]  features.5.10
 * %3812 = add_n(%3764, %3810) : f32[4,32,32,176]  features.5.9
 * %3813 = stochastic_depth_bwd(%3812, %359) : f32[4,32,32,176]  features.5.9.stochastic_depth
 * %3815 = bn_bwd_input(%3813, %1069, %1074, %1070, %3814) : f32[4,32,32,176]  features.5.9.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3815 -> A + 164036608
 * in  %359 i32[1] <- io[8] (seed)
 * in  %1069 f32[4,32,32,176] <- A + 405831680
 * in  %1070 f32[176] <- M + 7956192 (features.5.9.block.3.1.weight)
 * in  %1074 f32[2,176] <- A + 427273440
 * in  %3619 f32[4,32,32,176] <- A + 396820480
 * in  %3666 f32[4,32,32,176] <- A + 174850048
 * in  %3714 f32[4,32,32,176] <- A + 161873920
 * in  %3762 f32[4,32,32,176] <- A + 162594816
 * in  %3810 f32[4,32,32,176] <- A + 163315712
 * in  %3814 f32[2,176] <- A + 427248832
 */
void k257b4_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,176] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict gamma /* [176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict x3 /* [4,32,32,176] */,
    const float *restrict x4 /* [4,32,32,176] */,
    const float *restrict x5 /* [4,32,32,176] */,
    const float *restrict x6 /* [4,32,32,176] */,
    const float *restrict dstats /* [2,176] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[176], q2[176], q3[176];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 176; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[176 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[176 + c] / 4096.0f * (1.0f / sqrtf(stats[176 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 176; c++) {
            const long i = r * 176 + c;
            const float t0 = x2[r * 176 + c];
            const float t1 = x3[r * 176 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 176 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 176 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 176 + c];
            const float t8 = t6 + t7;
            const float t9 = t8 * q0[r / 1024];
            const float t10 = x[r * 176 + c];
            const float t11 = q1[c] * (t9 - q2[c] - (t10 - stats[c]) * q3[c]);
            dx[i] = t11;
        }
    }
}

/*
 * %3668 = add_n(%3619, %3666) : f32[4,32,32,176]  features.5.12
 * %3716 = add_n(%3668, %3714) : f32[4,32,32,176]  features.5.11
 * %3764 = add_n(%3716, %3762) : f32[4,32,32,176]  features.5.10
 * %3812 = add_n(%3764, %3810) : f32[4,32,32,176]  features.5.9
 * %3860 = add_n(%3812, %3858) : f32[4,32,32,176]  features.5.8
 * %3861 = stochastic_depth_bwd(%3860, %359) : f32[4,32,32,176]  features.5.8.stochastic_depth
 * %3862 = bn_bwd_reduce(%3861, %1021, %1026) : f32[2,176]  features.5.8.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3862 -> A + 427248832
 * in  %359 i32[1] <- io[8] (seed)
 * in  %1021 f32[4,32,32,176] <- A + 405110784
 * in  %1026 f32[2,176] <- A + 427273088
 * in  %3619 f32[4,32,32,176] <- A + 396820480
 * in  %3666 f32[4,32,32,176] <- A + 174850048
 * in  %3714 f32[4,32,32,176] <- A + 161873920
 * in  %3762 f32[4,32,32,176] <- A + 162594816
 * in  %3810 f32[4,32,32,176] <- A + 163315712
 * in  %3858 f32[4,32,32,176] <- A + 164036608
 */
void k257b5_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,176] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict x3 /* [4,32,32,176] */,
    const float *restrict x4 /* [4,32,32,176] */,
    const float *restrict x5 /* [4,32,32,176] */,
    const float *restrict x6 /* [4,32,32,176] */,
    const float *restrict x7 /* [4,32,32,176] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[176];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q1[c] = 1.0f / sqrtf(stats[176 + c] + 0.001f);
    }
    enum { C = 176, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 176 + c];
                const float t1 = x3[r * 176 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 176 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 176 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 176 + c];
                const float t8 = t6 + t7;
                const float t9 = x7[r * 176 + c];
                const float t10 = t8 + t9;
                const float t11 = t10 * q0[r / 1024];
                const float t12 = x[r * 176 + c];
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
 * %3668 = add_n(%3619, %3666) : f32[4,32,32,176]  features.5.12
 * %3716 = add_n(%3668, %3714) : f32[4,32,32,176]  features.5.11
 * %3764 = add_n(%3716, %3762) : f32[4,32,32,176]  features.5.10
 * %3812 = add_n(%3764, %3810) : f32[4,32,32,176]  features.5.9
 * %3860 = add_n(%3812, %3858) : f32[4,32,32,176]  features.5.8
 * %3861 = stochastic_depth_bwd(%3860, %359) : f32[4,32,32,176]  features.5.8.stochastic_depth
 * %3863 = bn_bwd_input(%3861, %1021, %1026, %1022, %3862) : f32[4,32,32,176]  features.5.8.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3863 -> A + 164757504
 * in  %359 i32[1] <- io[8] (seed)
 * in  %1021 f32[4,32,32,176] <- A + 405110784
 * in  %1022 f32[176] <- M + 7476372 (features.5.8.block.3.1.weight)
 * in  %1026 f32[2,176] <- A + 427273088
 * in  %3619 f32[4,32,32,176] <- A + 396820480
 * in  %3666 f32[4,32,32,176] <- A + 174850048
 * in  %3714 f32[4,32,32,176] <- A + 161873920
 * in  %3762 f32[4,32,32,176] <- A + 162594816
 * in  %3810 f32[4,32,32,176] <- A + 163315712
 * in  %3858 f32[4,32,32,176] <- A + 164036608
 * in  %3862 f32[2,176] <- A + 427248832
 */
void k257b5_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,176] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict gamma /* [176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict x3 /* [4,32,32,176] */,
    const float *restrict x4 /* [4,32,32,176] */,
    const float *restrict x5 /* [4,32,32,176] */,
    const float *restrict x6 /* [4,32,32,176] */,
    const float *restrict x7 /* [4,32,32,176] */,
    const float *restrict dstats /* [2,176] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[176], q2[176], q3[176];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 176; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[176 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[176 + c] / 4096.0f * (1.0f / sqrtf(stats[176 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 176; c++) {
            const long i = r * 176 + c;
            const float t0 = x2[r * 176 + c];
            const float t1 = x3[r * 176 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 176 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 176 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 176 + c];
            const float t8 = t6 + t7;
            const float t9 = x7[r * 176 + c];
            const float t10 = t8 + t9;
            const float t11 = t10 * q0[r / 1024];
            const float t12 = x[r * 176 + c];
            const float t13 = q1[c] * (t11 - q2[c] - (t12 - stats[c]) * q3[c]);
            dx[i] = t13;
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
 * %3909 = stochastic_depth_bwd(%3908, %359) : f32[4,32,32,176]  features.5.7.stochastic_depth
 * %3910 = bn_bwd_reduce(%3909, %973, %978) : f32[2,176]  features.5.7.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3910 -> A + 427248832
 * in  %359 i32[1] <- io[8] (seed)
 * in  %973 f32[4,32,32,176] <- A + 404389888
 * in  %978 f32[2,176] <- A + 427272736
 * in  %3619 f32[4,32,32,176] <- A + 396820480
 * in  %3666 f32[4,32,32,176] <- A + 174850048
 * in  %3714 f32[4,32,32,176] <- A + 161873920
 * in  %3762 f32[4,32,32,176] <- A + 162594816
 * in  %3810 f32[4,32,32,176] <- A + 163315712
 * in  %3858 f32[4,32,32,176] <- A + 164036608
 * in  %3906 f32[4,32,32,176] <- A + 164757504
 */
void k257b6_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,176] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict x3 /* [4,32,32,176] */,
    const float *restrict x4 /* [4,32,32,176] */,
    const float *restrict x5 /* [4,32,32,176] */,
    const float *restrict x6 /* [4,32,32,176] */,
    const float *restrict x7 /* [4,32,32,176] */,
    const float *restrict x8 /* [4,32,32,176] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[176];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q1[c] = 1.0f / sqrtf(stats[176 + c] + 0.001f);
    }
    enum { C = 176, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 176 + c];
                const float t1 = x3[r * 176 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 176 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 176 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 176 + c];
                const float t8 = t6 + t7;
                const float t9 = x7[r * 176 + c];
                const float t10 = t8 + t9;
                const float t11 = x8[r * 176 + c];
                const float t12 = t10 + t11;
                const float t13 = t12 * q0[r / 1024];
                const float t14 = x[r * 176 + c];
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
 * %3668 = add_n(%3619, %3666) : f32[4,32,32,176]  features.5.12
 * %3716 = add_n(%3668, %3714) : f32[4,32,32,176]  features.5.11
 * %3764 = add_n(%3716, %3762) : f32[4,32,32,176]  features.5.10
 * %3812 = add_n(%3764, %3810) : f32[4,32,32,176]  features.5.9
 * %3860 = add_n(%3812, %3858) : f32[4,32,32,176]  features.5.8
 * %3908 = add_n(%3860, %3906) : f32[4,32,32,176]  features.5.7
 * %3909 = stochastic_depth_bwd(%3908, %359) : f32[4,32,32,176]  features.5.7.stochastic_depth
 * %3911 = bn_bwd_input(%3909, %973, %978, %974, %3910) : f32[4,32,32,176]  features.5.7.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3911 -> A + 165478400
 * in  %359 i32[1] <- io[8] (seed)
 * in  %973 f32[4,32,32,176] <- A + 404389888
 * in  %974 f32[176] <- M + 6996552 (features.5.7.block.3.1.weight)
 * in  %978 f32[2,176] <- A + 427272736
 * in  %3619 f32[4,32,32,176] <- A + 396820480
 * in  %3666 f32[4,32,32,176] <- A + 174850048
 * in  %3714 f32[4,32,32,176] <- A + 161873920
 * in  %3762 f32[4,32,32,176] <- A + 162594816
 * in  %3810 f32[4,32,32,176] <- A + 163315712
 * in  %3858 f32[4,32,32,176] <- A + 164036608
 * in  %3906 f32[4,32,32,176] <- A + 164757504
 * in  %3910 f32[2,176] <- A + 427248832
 */
void k257b6_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,176] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict gamma /* [176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict x3 /* [4,32,32,176] */,
    const float *restrict x4 /* [4,32,32,176] */,
    const float *restrict x5 /* [4,32,32,176] */,
    const float *restrict x6 /* [4,32,32,176] */,
    const float *restrict x7 /* [4,32,32,176] */,
    const float *restrict x8 /* [4,32,32,176] */,
    const float *restrict dstats /* [2,176] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[176], q2[176], q3[176];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 176; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[176 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[176 + c] / 4096.0f * (1.0f / sqrtf(stats[176 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 176; c++) {
            const long i = r * 176 + c;
            const float t0 = x2[r * 176 + c];
            const float t1 = x3[r * 176 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 176 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 176 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 176 + c];
            const float t8 = t6 + t7;
            const float t9 = x7[r * 176 + c];
            const float t10 = t8 + t9;
            const float t11 = x8[r * 176 + c];
            const float t12 = t10 + t11;
            const float t13 = t12 * q0[r / 1024];
            const float t14 = x[r * 176 + c];
            const float t15 = q1[c] * (t13 - q2[c] - (t14 - stats[c]) * q3[c]);
            dx[i] = t15;
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
 * %3957 = stochastic_depth_bwd(%3956, %359) : f32[4,32,32,176]  features.5.6.stochastic_depth
 * %3958 = bn_bwd_reduce(%3957, %925, %930) : f32[2,176]  features.5.6.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3958 -> A + 427248832
 * in  %359 i32[1] <- io[8] (seed)
 * in  %925 f32[4,32,32,176] <- A + 402948096
 * in  %930 f32[2,176] <- A + 427272384
 * in  %3619 f32[4,32,32,176] <- A + 396820480
 * in  %3666 f32[4,32,32,176] <- A + 174850048
 * in  %3714 f32[4,32,32,176] <- A + 161873920
 * in  %3762 f32[4,32,32,176] <- A + 162594816
 * in  %3810 f32[4,32,32,176] <- A + 163315712
 * in  %3858 f32[4,32,32,176] <- A + 164036608
 * in  %3906 f32[4,32,32,176] <- A + 164757504
 * in  %3954 f32[4,32,32,176] <- A + 165478400
 */
void k257b7_add_n_stochastic_depth_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,176] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict stats /* [2,176] */,
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
    float q1[176];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q1[c] = 1.0f / sqrtf(stats[176 + c] + 0.001f);
    }
    enum { C = 176, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 176 + c];
                const float t1 = x3[r * 176 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 176 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 176 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 176 + c];
                const float t8 = t6 + t7;
                const float t9 = x7[r * 176 + c];
                const float t10 = t8 + t9;
                const float t11 = x8[r * 176 + c];
                const float t12 = t10 + t11;
                const float t13 = x9[r * 176 + c];
                const float t14 = t12 + t13;
                const float t15 = t14 * q0[r / 1024];
                const float t16 = x[r * 176 + c];
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
 * %3668 = add_n(%3619, %3666) : f32[4,32,32,176]  features.5.12
 * %3716 = add_n(%3668, %3714) : f32[4,32,32,176]  features.5.11
 * %3764 = add_n(%3716, %3762) : f32[4,32,32,176]  features.5.10
 * %3812 = add_n(%3764, %3810) : f32[4,32,32,176]  features.5.9
 * %3860 = add_n(%3812, %3858) : f32[4,32,32,176]  features.5.8
 * %3908 = add_n(%3860, %3906) : f32[4,32,32,176]  features.5.7
 * %3956 = add_n(%3908, %3954) : f32[4,32,32,176]  features.5.6
 * %3957 = stochastic_depth_bwd(%3956, %359) : f32[4,32,32,176]  features.5.6.stochastic_depth
 * %3959 = bn_bwd_input(%3957, %925, %930, %926, %3958) : f32[4,32,32,176]  features.5.6.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3959 -> A + 166199296
 * in  %359 i32[1] <- io[8] (seed)
 * in  %925 f32[4,32,32,176] <- A + 402948096
 * in  %926 f32[176] <- M + 6516732 (features.5.6.block.3.1.weight)
 * in  %930 f32[2,176] <- A + 427272384
 * in  %3619 f32[4,32,32,176] <- A + 396820480
 * in  %3666 f32[4,32,32,176] <- A + 174850048
 * in  %3714 f32[4,32,32,176] <- A + 161873920
 * in  %3762 f32[4,32,32,176] <- A + 162594816
 * in  %3810 f32[4,32,32,176] <- A + 163315712
 * in  %3858 f32[4,32,32,176] <- A + 164036608
 * in  %3906 f32[4,32,32,176] <- A + 164757504
 * in  %3954 f32[4,32,32,176] <- A + 165478400
 * in  %3958 f32[2,176] <- A + 427248832
 */
void k257b7_add_n_stochastic_depth_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,176] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict gamma /* [176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict x3 /* [4,32,32,176] */,
    const float *restrict x4 /* [4,32,32,176] */,
    const float *restrict x5 /* [4,32,32,176] */,
    const float *restrict x6 /* [4,32,32,176] */,
    const float *restrict x7 /* [4,32,32,176] */,
    const float *restrict x8 /* [4,32,32,176] */,
    const float *restrict x9 /* [4,32,32,176] */,
    const float *restrict dstats /* [2,176] */,
    uint32_t salt,
    float rate) {
    float q0[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q0[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q1[176], q2[176], q3[176];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 176; c++) {
        q1[c] = gamma[c] * (1.0f / sqrtf(stats[176 + c] + 0.001f));
        q2[c] = dstats[c] / 4096.0f;
        q3[c] = dstats[176 + c] / 4096.0f * (1.0f / sqrtf(stats[176 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 176; c++) {
            const long i = r * 176 + c;
            const float t0 = x2[r * 176 + c];
            const float t1 = x3[r * 176 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 176 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 176 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 176 + c];
            const float t8 = t6 + t7;
            const float t9 = x7[r * 176 + c];
            const float t10 = t8 + t9;
            const float t11 = x8[r * 176 + c];
            const float t12 = t10 + t11;
            const float t13 = x9[r * 176 + c];
            const float t14 = t12 + t13;
            const float t15 = t14 * q0[r / 1024];
            const float t16 = x[r * 176 + c];
            const float t17 = q1[c] * (t15 - q2[c] - (t16 - stats[c]) * q3[c]);
            dx[i] = t17;
        }
    }
}

/*
 * %4006 = bn_bwd_reduce(%4005, %877, %882) : f32[2,176]  features.5.5.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4006 -> A + 427248832
 * in  %4005 f32[4,32,32,176] <- A + 166920192
 * in  %877 f32[4,32,32,176] <- A + 402227200
 * in  %882 f32[2,176] <- A + 427272032
 */
void k257b_bn_bwd_reduce(
    float *restrict dstats /* [2,176] */,
    const float *restrict dy /* [4,32,32,176] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict stats /* [2,176] */) {
    float q0[176];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q0[c] = 1.0f / sqrtf(stats[176 + c] + 0.001f);
    }
    enum { C = 176, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = dy[r * 176 + c];
                const float t1 = x[r * 176 + c];
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
 * %4007 = bn_bwd_input(%4005, %877, %882, %878, %4006) : f32[4,32,32,176]  features.5.5.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4007 -> A + 167641088
 * in  %877 f32[4,32,32,176] <- A + 402227200
 * in  %878 f32[176] <- M + 6036912 (features.5.5.block.3.1.weight)
 * in  %882 f32[2,176] <- A + 427272032
 * in  %4005 f32[4,32,32,176] <- A + 166920192
 * in  %4006 f32[2,176] <- A + 427248832
 */
void k257b_bn_bwd_input(
    float *restrict dx /* [4,32,32,176] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict gamma /* [176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict dy /* [4,32,32,176] */,
    const float *restrict dstats /* [2,176] */) {
    float q0[176], q1[176], q2[176];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 176; c++) {
        q0[c] = gamma[c] * (1.0f / sqrtf(stats[176 + c] + 0.001f));
        q1[c] = dstats[c] / 4096.0f;
        q2[c] = dstats[176 + c] / 4096.0f * (1.0f / sqrtf(stats[176 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 176; c++) {
            const long i = r * 176 + c;
            const float t0 = dy[r * 176 + c];
            const float t1 = x[r * 176 + c];
            const float t2 = q0[c] * (t0 - q1[c] - (t1 - stats[c]) * q2[c]);
            dx[i] = t2;
        }
    }
}

/*
 * %647 = bn_train(%639, %644, %640, %641) : f32[4,32,32,176]  features.5.0.block.3.1
 * %693 = bn_train(%685, %690, %686, %687) : f32[4,32,32,176]  features.5.1.block.3.1
 * %694 = stochastic_depth(%693, %359) : f32[4,32,32,176]  features.5.1.stochastic_depth
 * %695 = add(%694, %647) : f32[4,32,32,176]  features.5.1
 * %741 = bn_train(%733, %738, %734, %735) : f32[4,32,32,176]  features.5.2.block.3.1
 * %742 = stochastic_depth(%741, %359) : f32[4,32,32,176]  features.5.2.stochastic_depth
 * %743 = add(%742, %695) : f32[4,32,32,176]  features.5.2
 * %4147 = conv2d_bwd_weight(%4141, %743) : f32[1056,176,1,1]  features.5.3.block.0.0
 * %4885 = add(%4884, %4147) : f32[1056,176,1,1]  features.5.3.block.0.0.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4885 -> G + 4597804
 * in  %359 i32[1] <- io[8] (seed)
 * in  %639 f32[4,32,32,176] <- A + 397901824
 * in  %640 f32[176] <- M + 3637812 (features.5.0.block.3.1.weight)
 * in  %641 f32[176] <- M + 3637988 (features.5.0.block.3.1.bias)
 * in  %644 f32[2,176] <- A + 427270272
 * in  %685 f32[4,32,32,176] <- A + 398622720
 * in  %686 f32[176] <- M + 4117632 (features.5.1.block.3.1.weight)
 * in  %687 f32[176] <- M + 4117808 (features.5.1.block.3.1.bias)
 * in  %690 f32[2,176] <- A + 427270624
 * in  %733 f32[4,32,32,176] <- A + 399343616
 * in  %734 f32[176] <- M + 4597452 (features.5.2.block.3.1.weight)
 * in  %735 f32[176] <- M + 4597628 (features.5.2.block.3.1.bias)
 * in  %738 f32[2,176] <- A + 427270976
 * in  %4141 f32[4,32,32,1056] <- A + 40763392
 * in  %4884 f32[1056,176,1,1] <- G + 4597804 (features.5.3.block.0.0.weight)
 */
void k263b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [1056,176,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict gamma /* [176] */,
    const float *restrict beta /* [176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict gamma2 /* [176] */,
    const float *restrict beta2 /* [176] */,
    const float *restrict stats2 /* [2,176] */,
    const float *restrict x3 /* [4,32,32,176] */,
    const float *restrict gamma3 /* [176] */,
    const float *restrict beta3 /* [176] */,
    const float *restrict stats3 /* [2,176] */,
    const float *restrict dy /* [4,32,32,1056] */,
    uint32_t salt,
    float rate,
    uint32_t salt2,
    float rate2) {
    /* dw (1056, 176) += dyᵀ (1056, 4096) · f(x) (4096, 176), f(x) recomputed in tiles of 342 rows */
    float q0[176];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q0[c] = gamma3[c] / sqrtf(stats3[176 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[176];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q2[c] = gamma2[c] / sqrtf(stats2[176 + c] + 0.001f);
    }
    float q3[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q3[n] = ba_uniform((uint32_t)seed[0], salt2, (uint32_t)n) >= rate2 ? 1.0f / (1.0f - rate2) : 0.0f;
    float q4[176];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q4[c] = gamma[c] / sqrtf(stats[176 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 185856);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 185856;
        float *restrict tile = malloc(sizeof(float) * 60192);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 12; t++) {
            const long m0 = t * 342, rows = m0 + 342 <= 4096 ? 342 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 176; c++) {
                    const float t0 = x3[r * 176 + c];
                    const float t1 = (t0 - stats3[c]) * q0[c] + beta3[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = x2[r * 176 + c];
                    const float t4 = (t3 - stats2[c]) * q2[c] + beta2[c];
                    const float t5 = t4 * q3[r / 1024];
                    const float t6 = x[r * 176 + c];
                    const float t7 = (t6 - stats[c]) * q4[c] + beta[c];
                    const float t8 = t5 + t7;
                    const float t9 = t2 + t8;
                    tile[(r - m0) * 176 + c] = t9;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 1056, 176, rows, 1.0f, dy + m0 * 1056, 1056, tile, 176, first ? 0.0f : 1.0f, mine, 176);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 185856);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 185856; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 185856 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %647 = bn_train(%639, %644, %640, %641) : f32[4,32,32,176]  features.5.0.block.3.1
 * %693 = bn_train(%685, %690, %686, %687) : f32[4,32,32,176]  features.5.1.block.3.1
 * %694 = stochastic_depth(%693, %359) : f32[4,32,32,176]  features.5.1.stochastic_depth
 * %695 = add(%694, %647) : f32[4,32,32,176]  features.5.1
 * %4195 = conv2d_bwd_weight(%4189, %695) : f32[1056,176,1,1]  features.5.2.block.0.0
 * %4859 = add(%4858, %4195) : f32[1056,176,1,1]  features.5.2.block.0.0.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4859 -> G + 4117984
 * in  %359 i32[1] <- io[8] (seed)
 * in  %639 f32[4,32,32,176] <- A + 397901824
 * in  %640 f32[176] <- M + 3637812 (features.5.0.block.3.1.weight)
 * in  %641 f32[176] <- M + 3637988 (features.5.0.block.3.1.bias)
 * in  %644 f32[2,176] <- A + 427270272
 * in  %685 f32[4,32,32,176] <- A + 398622720
 * in  %686 f32[176] <- M + 4117632 (features.5.1.block.3.1.weight)
 * in  %687 f32[176] <- M + 4117808 (features.5.1.block.3.1.bias)
 * in  %690 f32[2,176] <- A + 427270624
 * in  %4189 f32[4,32,32,1056] <- A + 27787264
 * in  %4858 f32[1056,176,1,1] <- G + 4117984 (features.5.2.block.0.0.weight)
 */
void k262b_bn_train_stochastic_depth_add_conv1x1_bwd_weight_acc(
    float *restrict grad /* [1056,176,1,1] */,
    const int32_t *restrict seed /* [1] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict gamma /* [176] */,
    const float *restrict beta /* [176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict gamma2 /* [176] */,
    const float *restrict beta2 /* [176] */,
    const float *restrict stats2 /* [2,176] */,
    const float *restrict dy /* [4,32,32,1056] */,
    uint32_t salt,
    float rate) {
    /* dw (1056, 176) += dyᵀ (1056, 4096) · f(x) (4096, 176), f(x) recomputed in tiles of 342 rows */
    float q0[176];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q0[c] = gamma2[c] / sqrtf(stats2[176 + c] + 0.001f);
    }
    float q1[4];  /* stochastic depth: per-sample keep factor */
    for (long n = 0; n < 4; n++) q1[n] = ba_uniform((uint32_t)seed[0], salt, (uint32_t)n) >= rate ? 1.0f / (1.0f - rate) : 0.0f;
    float q2[176];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q2[c] = gamma[c] / sqrtf(stats[176 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 185856);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 185856;
        float *restrict tile = malloc(sizeof(float) * 60192);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 12; t++) {
            const long m0 = t * 342, rows = m0 + 342 <= 4096 ? 342 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 176; c++) {
                    const float t0 = x2[r * 176 + c];
                    const float t1 = (t0 - stats2[c]) * q0[c] + beta2[c];
                    const float t2 = t1 * q1[r / 1024];
                    const float t3 = x[r * 176 + c];
                    const float t4 = (t3 - stats[c]) * q2[c] + beta[c];
                    const float t5 = t2 + t4;
                    tile[(r - m0) * 176 + c] = t5;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 1056, 176, rows, 1.0f, dy + m0 * 1056, 1056, tile, 176, first ? 0.0f : 1.0f, mine, 176);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 185856);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 185856; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 185856 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %647 = bn_train(%639, %644, %640, %641) : f32[4,32,32,176]  features.5.0.block.3.1
 * %4243 = conv2d_bwd_weight(%4237, %647) : f32[1056,176,1,1]  features.5.1.block.0.0
 * %4833 = add(%4832, %4243) : f32[1056,176,1,1]  features.5.1.block.0.0.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4833 -> G + 3638164
 * in  %639 f32[4,32,32,176] <- A + 397901824
 * in  %640 f32[176] <- M + 3637812 (features.5.0.block.3.1.weight)
 * in  %641 f32[176] <- M + 3637988 (features.5.0.block.3.1.bias)
 * in  %644 f32[2,176] <- A + 427270272
 * in  %4237 f32[4,32,32,1056] <- A + 14811136
 * in  %4832 f32[1056,176,1,1] <- G + 3638164 (features.5.1.block.0.0.weight)
 */
void k258b_bn_train_conv1x1_bwd_weight_acc(
    float *restrict grad /* [1056,176,1,1] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict gamma /* [176] */,
    const float *restrict beta /* [176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict dy /* [4,32,32,1056] */) {
    /* dw (1056, 176) += dyᵀ (1056, 4096) · f(x) (4096, 176), f(x) recomputed in tiles of 342 rows */
    float q0[176];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q0[c] = gamma[c] / sqrtf(stats[176 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 185856);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 185856;
        float *restrict tile = malloc(sizeof(float) * 60192);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 12; t++) {
            const long m0 = t * 342, rows = m0 + 342 <= 4096 ? 342 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 176; c++) {
                    const float t0 = x[r * 176 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    tile[(r - m0) * 176 + c] = t1;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 1056, 176, rows, 1.0f, dy + m0 * 1056, 1056, tile, 176, first ? 0.0f : 1.0f, mine, 176);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 185856);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 185856; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 185856 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %4100 = add_n(%4052, %4098) : f32[4,32,32,176]  features.5.3
 * %4148 = add_n(%4100, %4146) : f32[4,32,32,176]  features.5.2
 * %4196 = add_n(%4148, %4194) : f32[4,32,32,176]  features.5.1
 * %4244 = add_n(%4196, %4242) : f32[4,32,32,176]  features.5.0.block.3.1
 * %4245 = bn_bwd_reduce(%4244, %639, %644) : f32[2,176]  features.5.0.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4245 -> A + 427248832
 * in  %639 f32[4,32,32,176] <- A + 397901824
 * in  %644 f32[2,176] <- A + 427270272
 * in  %4052 f32[4,32,32,176] <- A + 166920192
 * in  %4098 f32[4,32,32,176] <- A + 396820480
 * in  %4146 f32[4,32,32,176] <- A + 167641088
 * in  %4194 f32[4,32,32,176] <- A + 168361984
 * in  %4242 f32[4,32,32,176] <- A + 10485760
 */
void k257b_add_n_bn_bwd_reduce(
    float *restrict dstats /* [2,176] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict x3 /* [4,32,32,176] */,
    const float *restrict x4 /* [4,32,32,176] */,
    const float *restrict x5 /* [4,32,32,176] */,
    const float *restrict x6 /* [4,32,32,176] */) {
    float q0[176];  /* 1 / sqrt(var + eps) */
    for (long c = 0; c < 176; c++) {
        q0[c] = 1.0f / sqrtf(stats[176 + c] + 0.001f);
    }
    enum { C = 176, CHUNKS = 64 };
    float *part = malloc(sizeof(float) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        float *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x2[r * 176 + c];
                const float t1 = x3[r * 176 + c];
                const float t2 = t0 + t1;
                const float t3 = x4[r * 176 + c];
                const float t4 = t2 + t3;
                const float t5 = x5[r * 176 + c];
                const float t6 = t4 + t5;
                const float t7 = x6[r * 176 + c];
                const float t8 = t6 + t7;
                const float t9 = x[r * 176 + c];
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
 * %4100 = add_n(%4052, %4098) : f32[4,32,32,176]  features.5.3
 * %4148 = add_n(%4100, %4146) : f32[4,32,32,176]  features.5.2
 * %4196 = add_n(%4148, %4194) : f32[4,32,32,176]  features.5.1
 * %4244 = add_n(%4196, %4242) : f32[4,32,32,176]  features.5.0.block.3.1
 * %4246 = bn_bwd_input(%4244, %639, %644, %640, %4245) : f32[4,32,32,176]  features.5.0.block.3.1
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4246 -> A + 169082880
 * in  %639 f32[4,32,32,176] <- A + 397901824
 * in  %640 f32[176] <- M + 3637812 (features.5.0.block.3.1.weight)
 * in  %644 f32[2,176] <- A + 427270272
 * in  %4052 f32[4,32,32,176] <- A + 166920192
 * in  %4098 f32[4,32,32,176] <- A + 396820480
 * in  %4146 f32[4,32,32,176] <- A + 167641088
 * in  %4194 f32[4,32,32,176] <- A + 168361984
 * in  %4242 f32[4,32,32,176] <- A + 10485760
 * in  %4245 f32[2,176] <- A + 427248832
 */
void k257b_add_n_bn_bwd_input(
    float *restrict dx /* [4,32,32,176] */,
    const float *restrict x /* [4,32,32,176] */,
    const float *restrict gamma /* [176] */,
    const float *restrict stats /* [2,176] */,
    const float *restrict x2 /* [4,32,32,176] */,
    const float *restrict x3 /* [4,32,32,176] */,
    const float *restrict x4 /* [4,32,32,176] */,
    const float *restrict x5 /* [4,32,32,176] */,
    const float *restrict x6 /* [4,32,32,176] */,
    const float *restrict dstats /* [2,176] */) {
    float q0[176], q1[176], q2[176];  /* γ/σ, Σdy/M, Σdy·x̂/(M·σ) */
    for (long c = 0; c < 176; c++) {
        q0[c] = gamma[c] * (1.0f / sqrtf(stats[176 + c] + 0.001f));
        q1[c] = dstats[c] / 4096.0f;
        q2[c] = dstats[176 + c] / 4096.0f * (1.0f / sqrtf(stats[176 + c] + 0.001f));
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 176; c++) {
            const long i = r * 176 + c;
            const float t0 = x2[r * 176 + c];
            const float t1 = x3[r * 176 + c];
            const float t2 = t0 + t1;
            const float t3 = x4[r * 176 + c];
            const float t4 = t2 + t3;
            const float t5 = x5[r * 176 + c];
            const float t6 = t4 + t5;
            const float t7 = x6[r * 176 + c];
            const float t8 = t6 + t7;
            const float t9 = x[r * 176 + c];
            const float t10 = q0[c] * (t8 - q1[c] - (t9 - stats[c]) * q2[c]);
            dx[i] = t10;
        }
    }
}

/*
 * %4251 = conv2d_bwd_input(%4246, %638) : f32[4,32,32,960]  features.5.0.block.3.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4251 -> A + 10485760
 * in  %4246 f32[4,32,32,176] <- A + 169082880
 * in  %638 f32[176,960,1,1] <- M + 3468852 (features.5.0.block.3.0.weight)
 */
void k256b_conv1x1_bwd_input(
    float *restrict dx /* [4,32,32,960] */,
    const float *restrict dy /* [4,32,32,176] */,
    const float *restrict w /* [176,960,1,1] */) {
    /* dx of x (4,32,32,960) w (176,960,1,1) y (4,32,32,176) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    /* the weight packed once; tiles of 72 rows in parallel */
    float *w_f32 = breastai_gemm_f32_pack(CblasNoTrans, 960, 176, w, 960);  /* packed once for every tile */
    #pragma omp parallel for schedule(static)
    for (long t = 0; t < 57; t++) {
        const long m0 = t * 72, rows = m0 + 72 <= 4096 ? 72 : 4096 - m0;
        breastai_gemm_f32_packed(CblasNoTrans, rows, 960, 176, 1.0f, dy + m0 * 176, 176, w_f32, 0.0f, dx + m0 * 960, 960);
    }
    free(w_f32);
}

/*
 * %622 = bn_train(%614, %619, %615, %616) : f32[4,32,32,960]  features.5.0.block.1.1
 * %623 = silu(%622) : f32[4,32,32,960]  features.5.0.block.1.2
 * %637 = mul(%623, %636) : f32[4,32,32,960]  features.5.0.block.2
 * %4252 = conv2d_bwd_weight(%4246, %637) : f32[176,960,1,1]  features.5.0.block.3.0
 * %4827 = add(%4826, %4252) : f32[176,960,1,1]  features.5.0.block.3.0.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %4827 -> G + 3468852
 * in  %614 f32[4,32,32,960] <- A + 200015872
 * in  %615 f32[960] <- M + 3389132 (features.5.0.block.1.1.weight)
 * in  %616 f32[960] <- M + 3390092 (features.5.0.block.1.1.bias)
 * in  %619 f32[2,960] <- A + 427227712
 * in  %636 f32[4,1,1,960] <- A + 426989056
 * in  %4246 f32[4,32,32,176] <- A + 169082880
 * in  %4826 f32[176,960,1,1] <- G + 3468852 (features.5.0.block.3.0.weight)
 */
void k256b_bn_train_silu_mul_conv1x1_bwd_weight_acc(
    float *restrict grad /* [176,960,1,1] */,
    const float *restrict x /* [4,32,32,960] */,
    const float *restrict gamma /* [960] */,
    const float *restrict beta /* [960] */,
    const float *restrict stats /* [2,960] */,
    const float *restrict scale /* [4,1,1,960] */,
    const float *restrict dy /* [4,32,32,176] */) {
    /* dw (176, 960) += dyᵀ (176, 4096) · f(x) (4096, 960), f(x) recomputed in tiles of 256 rows */
    float q0[960];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 960; c++) {
        q0[c] = gamma[c] / sqrtf(stats[960 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 168960);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 168960;
        float *restrict tile = malloc(sizeof(float) * 245760);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 16; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 4096 ? 256 : 4096 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 960; c++) {
                    const float t0 = x[r * 960 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    const float t3 = scale[(r / 1024) * 960 + c];
                    const float t4 = t2 * t3;
                    tile[(r - m0) * 960 + c] = t4;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 176, 960, rows, 1.0f, dy + m0 * 176, 176, tile, 960, first ? 0.0f : 1.0f, mine, 960);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 168960);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 168960; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 168960 + j];
            grad[j] += s;
        }
    }
    free(part);
}
