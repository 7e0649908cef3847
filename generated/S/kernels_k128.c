/* Kernels k128 to k143 and their backward kernels. */
#include "kernels.h"

/*
 * %1627 = add(%1625, %1626) : f32[4,16,16,1280]  features.7.1
 * %1628 = silu(%1627) : f32[4,16,16,1280]  features.7.2
 * %1635 = reduce_max(%1628) : f32[4,1,1,1280]  cbam.channel_attention.max_pool
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %1635 -> A + 3937280
 * in  %1625 f32[4,16,16,1280] <- A + 0
 * in  %1626 f32[1,1,1,1280] <- A + 4718592
 */
void k128_add_silu_reduce_max(
    float *restrict y /* [4,1,1,1280] */,
    const float *restrict x /* [4,16,16,1280] */,
    const float *restrict bias /* [1,1,1,1280] */) {
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
                const float t1 = bias[c];
                const float t2 = t0 + t1;
                const float t3 = t2 * ba_sigmoid(t2);
                acc[q] = t3 > acc[q] ? t3 : acc[q];
            }
        }
        for (long q = 0; q < 1280; q++) y[o * 1280 + q] = (float)(acc[q]);
    }
}

/*
 * %1637 = linear(%1634, %1630) : f32[4,80]  cbam.channel_attention.fc.1.0
 * 10 call sites share this function; the nodes and locations above are the first one's.
 * out %1637 -> A + 3960832
 * in  %1634 f32[4,1280] <- A + 3932160
 * in  %1630 f32[80,1280] <- M + 20177488
 */
void k129_linear(
    float *restrict y /* [4,80] */,
    const float *restrict x /* [4,1280] */,
    const float *restrict w /* [80,1280] */) {
    /* y (4,80) = x (4,1280) · wᵀ (1280,80) */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 80, 1280, 1.0f, x, 1280, w, 1280, 0.0f, y, 80);
}

/*
 * %1638 = relu(%1637) : f32[4,80]  cbam.channel_attention.fc.1
 * 10 call sites share this function; the nodes and locations above are the first one's.
 * out %1638 -> A + 3961152
 * in  %1637 f32[4,80] <- A + 3960832
 */
void k130_relu(float *restrict y /* [4,80] */, const float *restrict x /* [4,80] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 80; c++) {
            const long i = r * 80 + c;
            const float t0 = x[r * 80 + c];
            const float t1 = t0 > 0.0f ? t0 : 0.0f;
            y[i] = t1;
        }
    }
}

/*
 * %1639 = linear(%1638, %1632) : f32[4,1280]  cbam.channel_attention.fc.2
 * 10 call sites share this function; the nodes and locations above are the first one's.
 * out %1639 -> A + 3942400
 * in  %1638 f32[4,80] <- A + 3961152
 * in  %1632 f32[1280,80] <- M + 20279888
 */
void k131_linear(
    float *restrict y /* [4,1280] */,
    const float *restrict x /* [4,80] */,
    const float *restrict w /* [1280,80] */) {
    /* y (4,1280) = x (4,80) · wᵀ (80,1280) */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 1280, 80, 1.0f, x, 80, w, 80, 0.0f, y, 1280);
}

/*
 * %1643 = add(%1639, %1642) : f32[4,1280]  cbam.channel_attention
 * %1644 = sigmoid(%1643) : f32[4,1280]  cbam.channel_attention
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %1644 -> A + 2621440
 * in  %1639 f32[4,1280] <- A + 3942400
 * in  %1642 f32[4,1280] <- A + 3947520
 */
void k132_add_sigmoid(
    float *restrict y /* [4,1280] */,
    const float *restrict a /* [4,1280] */,
    const float *restrict b /* [4,1280] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 1280; c++) {
            const long i = r * 1280 + c;
            const float t0 = a[r * 1280 + c];
            const float t1 = b[r * 1280 + c];
            const float t2 = t0 + t1;
            const float t3 = ba_sigmoid(t2);
            y[i] = t3;
        }
    }
}

/*
 * %1627 = add(%1625, %1626) : f32[4,16,16,1280]  features.7.1
 * %1628 = silu(%1627) : f32[4,16,16,1280]  features.7.2
 * %1646 = mul(%1628, %1645) : f32[4,16,16,1280]  cbam.channel_attention
 * out %1646 -> A + 1310720
 * in  %1625 f32[4,16,16,1280] <- A + 0
 * in  %1626 f32[1,1,1,1280] <- A + 4718592
 * in  %1645 f32[4,1,1,1280] <- A + 2621440
 */
void k133_add_silu_mul(
    float *restrict y /* [4,16,16,1280] */,
    const float *restrict x /* [4,16,16,1280] */,
    const float *restrict bias /* [1,1,1,1280] */,
    const float *restrict scale /* [4,1,1,1280] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1024; r++) {
        #pragma omp simd
        for (long c = 0; c < 1280; c++) {
            const long i = r * 1280 + c;
            const float t0 = x[r * 1280 + c];
            const float t1 = bias[c];
            const float t2 = t0 + t1;
            const float t3 = t2 * ba_sigmoid(t2);
            const float t4 = scale[(r / 256) * 1280 + c];
            const float t5 = t3 * t4;
            y[i] = t5;
        }
    }
}

/*
 * %1647 = reduce_mean(%1646) : f32[4,16,16,1]  cbam.spatial_attention
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1647 -> A + 2621440
 * in  %1646 f32[4,16,16,1280] <- A + 1310720
 */
void k134_reduce_mean(float *restrict y /* [4,16,16,1] */, const float *restrict x /* [4,16,16,1280] */) {
    /* mean over axes [3] of [4, 16, 16, 1280]: (1024, 1280, 1) -> (1024, 1) */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 1024; o++) {
        float lane[16];
        for (long l = 0; l < 16; l++) lane[l] = 0.0f;
        for (long j0 = 0; j0 < 1280; j0 += 16) {
            for (long l = 0; l < 16; l++) {
                const long j = j0 + l;
                const long r = o;
                const long c = j;
                const float t0 = x[r * 1280 + c];
                lane[l] += t0;
            }
        }
        double s = 0.0;
        for (long l = 0; l < 16; l++) s += lane[l];
        y[o] = (float)(s / 1280.0);
    }
}

/*
 * %1648 = reduce_max(%1646) : f32[4,16,16,1]  cbam.spatial_attention
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1648 -> A + 2622464
 * in  %1646 f32[4,16,16,1280] <- A + 1310720
 */
void k135_reduce_max(float *restrict y /* [4,16,16,1] */, const float *restrict x /* [4,16,16,1280] */) {
    /* max over axes [3] of [4, 16, 16, 1280]: (1024, 1280, 1) -> (1024, 1) */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 1024; o++) {
        float lane[16];
        for (long l = 0; l < 16; l++) lane[l] = -INFINITY;
        for (long j0 = 0; j0 < 1280; j0 += 16) {
            for (long l = 0; l < 16; l++) {
                const long j = j0 + l;
                const long r = o;
                const long c = j;
                const float t0 = x[r * 1280 + c];
                lane[l] = t0 > lane[l] ? t0 : lane[l];
            }
        }
        float m = lane[0];
        for (long l = 1; l < 16; l++) m = lane[l] > m ? lane[l] : m;
        y[o] = m;
    }
}

/*
 * %1649 = concat(%1647, %1648) : f32[4,16,16,2]  cbam.spatial_attention
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %1649 -> A + 2631680
 * in  %1647 f32[4,16,16,1] <- A + 2621440
 * in  %1648 f32[4,16,16,1] <- A + 2622464
 */
void k136_concat(
    float *restrict y /* [4,16,16,2] */,
    const float *restrict x /* [4,16,16,1] */,
    const float *restrict x2 /* [4,16,16,1] */) {
    for (long o = 0; o < 1024; o++) {
        memcpy(y + o * 2 + 0, x + o * 1, 1 * sizeof(float));
        memcpy(y + o * 2 + 1, x2 + o * 1, 1 * sizeof(float));
    }
}

/*
 * %1651 = conv2d(%1649, %1650) : f32[4,16,16,1]  cbam.spatial_attention.conv
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %1651 -> A + 3957760
 * in  %1649 f32[4,16,16,2] <- A + 2631680
 * in  %1650 f32[1,2,7,7] <- M + 20382288 (cbam.spatial_attention.conv.weight)
 */
void k137_conv7x7(
    float *restrict y /* [4,16,16,1] */,
    const float *restrict x /* [4,16,16,2] */,
    const float *restrict w /* [1,2,7,7] */) {
    /* x (4,16,16,2) w (1,2,7,7) y (4,16,16,1) stride 1 pad 3 */
    /* Implicit GEMM: y (N·Ho·Wo, Kg) = im2col(x) (N·Ho·Wo, R·S·Cg) · wtᵀ per group, wt = w as (K, R, S, Cg).
     * Tiles of 1024 output pixels: each thread gathers its tile of im2col into scratch, then one sgemm. */
    float *restrict wt = malloc(sizeof(float) * 98);  /* (K, R, S, Cg) */
    if (!wt) abort();
    for (long k = 0; k < 1; k++) for (long c = 0; c < 2; c++) for (long r = 0; r < 7; r++) for (long s = 0; s < 7; s++)
        wt[((k * 7 + r) * 7 + s) * 2 + c] = w[((k * 2 + c) * 7 + r) * 7 + s];
    #pragma omp parallel
    {
        float *restrict col = malloc(sizeof(float) * 100352);  /* (1024, R·S·Cg): one tile of im2col */
        if (!col) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 1; t++) {
            const long m0 = t * 1024, pixels = m0 + 1024 <= 1024 ? 1024 : 1024 - m0;
            /* im2col tile: col[p, (r, s, c)] = x[n, oh - 3 + r, ow - 3 + s, c], 0 in the padding */
            for (long p = 0; p < pixels; p++) {
                const long m = m0 + p, n = m / 256, oh = m / 16 % 16, ow = m % 16;
                for (long r = 0; r < 7; r++) {
                    const long ih = oh - 3 + r, iw0 = ow - 3;
                    float *restrict dst = col + p * 98 + r * 14;
                    if (ih < 0 || ih >= 16) { memset(dst, 0, 14 * sizeof(float)); continue; }
                    const long row = (n * 16 + ih) * 16;
                    if (iw0 >= 0 && iw0 + 7 <= 16) { memcpy(dst, x + (row + iw0) * 2, 14 * sizeof(float)); continue; }
                    for (long s = 0; s < 7; s++) {
                        const long iw = iw0 + s;
                        if (iw < 0 || iw >= 16) memset(dst + s * 2, 0, 2 * sizeof(float));
                        else memcpy(dst + s * 2, x + (row + iw) * 2, 2 * sizeof(float));
                    }
                }
            }
            /* y[m0 ..< m0 + pixels] (pixels, Kg) = col (pixels, R·S·Cg) · wtᵀ (R·S·Cg, Kg) */
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, pixels, 1, 98, 1.0f, col, 98, wt, 98, 0.0f, y + m0 * 1, 1);
        }
        free(col);
    }
    free(wt);
}

/*
 * %1652 = sigmoid(%1651) : f32[4,16,16,1]  cbam.spatial_attention
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %1652 -> A + 3958784
 * in  %1651 f32[4,16,16,1] <- A + 3957760
 */
void k138_sigmoid(float *restrict y /* [4,16,16,1] */, const float *restrict x /* [4,16,16,1] */) {
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
 * %1653 = mul(%1646, %1652) : f32[4,16,16,1280]  cbam.spatial_attention
 * %1654 = reduce_mean(%1653) : f32[4,1,1,1280]  avgpool
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1654 -> A + 2621440
 * in  %1646 f32[4,16,16,1280] <- A + 1310720
 * in  %1652 f32[4,16,16,1] <- A + 3958784
 */
void k139_mul_reduce_mean(
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
 * %1657 = dropout(%1655, %1656) : f32[4,1280]  classifier.0
 * out %1657 -> A + 2626560
 * in  %1655 f32[4,1280] <- A + 2621440
 * in  %1656 i32[1] <- io[8] (seed)
 */
void k140_dropout(
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
 * %1660 = linear(%1657, %1658, %1659) : f32[4,512]  classifier.1
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %1660 -> A + 2621440
 * in  %1657 f32[4,1280] <- A + 2626560
 * in  %1658 f32[512,1280] <- M + 20382386 (classifier.1.weight)
 * in  %1659 f32[512] <- M + 21037746 (classifier.1.bias)
 */
void k141_linear(
    float *restrict y /* [4,512] */,
    const float *restrict x /* [4,1280] */,
    const float *restrict w /* [512,1280] */,
    const float *restrict bias /* [512] */) {
    /* y (4,512) = x (4,1280) · wᵀ (1280,512) + b */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 512, 1280, 1.0f, x, 1280, w, 1280, 0.0f, y, 512);
    for (long n = 0; n < 4; n++) for (long k = 0; k < 512; k++) y[n * 512 + k] += bias[k];
}

/*
 * %1665 = bn_stats(%1660) : f32[2,512]  classifier.2
 * %1666 = running_mean_update(%1663, %1665) : f32[512]  classifier.2
 * %1667 = running_var_update(%1664, %1665) : f32[512]  classifier.2
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1665 -> A + 2625536
 * out %1666 -> M + 21325765
 * out %1667 -> M + 21326277
 * in  %1660 f32[4,512] <- A + 2621440
 * in  %1663 f32[512] <- M + 21325765 (classifier.2.running_mean)
 * in  %1664 f32[512] <- M + 21326277 (classifier.2.running_var)
 */
void k142_bn_stats_running(
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
 * %1668 = bn_train(%1660, %1665, %1661, %1662) : f32[4,512]  classifier.2
 * %1669 = relu(%1668) : f32[4,512]  classifier.3
 * %1670 = dropout(%1669, %1656) : f32[4,512]  classifier.4
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1670 -> A + 2623488
 * in  %1656 i32[1] <- io[8] (seed)
 * in  %1660 f32[4,512] <- A + 2621440
 * in  %1661 f32[512] <- M + 21038258 (classifier.2.weight)
 * in  %1662 f32[512] <- M + 21038770 (classifier.2.bias)
 * in  %1665 f32[2,512] <- A + 2625536
 */
void k143_bn_train_relu_dropout(
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
 * %1668 = bn_train(%1660, %1665, %1661, %1662) : f32[4,512]  classifier.2
 * %1706 = dropout_bwd(%1702, %1656) : f32[4,512]  classifier.4
 * %1707 = relu_bwd(%1706, %1668) : f32[4,512]  classifier.3
 * %1708 = bn_bwd_reduce(%1707, %1660, %1665) : f32[2,512]  classifier.2
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1708 -> A + 2623488
 * in  %1656 i32[1] <- io[8] (seed)
 * in  %1660 f32[4,512] <- A + 2621440
 * in  %1661 f32[512] <- M + 21038258 (classifier.2.weight)
 * in  %1662 f32[512] <- M + 21038770 (classifier.2.bias)
 * in  %1665 f32[2,512] <- A + 2625536
 * in  %1702 f32[4,512] <- A + 2633728
 */
void k142b_bn_train_dropout_bwd_relu_bwd_bn_bwd_reduce(
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
 * %1668 = bn_train(%1660, %1665, %1661, %1662) : f32[4,512]  classifier.2
 * %1706 = dropout_bwd(%1702, %1656) : f32[4,512]  classifier.4
 * %1707 = relu_bwd(%1706, %1668) : f32[4,512]  classifier.3
 * %1709 = bn_bwd_input(%1707, %1660, %1665, %1661, %1708) : f32[4,512]  classifier.2
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1709 -> A + 2635776
 * in  %1656 i32[1] <- io[8] (seed)
 * in  %1660 f32[4,512] <- A + 2621440
 * in  %1661 f32[512] <- M + 21038258 (classifier.2.weight)
 * in  %1662 f32[512] <- M + 21038770 (classifier.2.bias)
 * in  %1665 f32[2,512] <- A + 2625536
 * in  %1702 f32[4,512] <- A + 2633728
 * in  %1708 f32[2,512] <- A + 2623488
 */
void k142b_bn_train_dropout_bwd_relu_bwd_bn_bwd_input(
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
 * %1710 = slice(%1708) : f32[1,512]  classifier.2
 * %1711 = reshape(%1710) : f32[512]  classifier.2
 * %1761 = add(%1760, %1711) : f32[512]  classifier.2.weight
 * 24 call sites share this function; the nodes and locations above are the first one's.
 * out %1761 -> G + 21038258
 * in  %1708 f32[2,512] <- A + 2623488
 * in  %1760 f32[512] <- G + 21038258 (classifier.2.weight)
 */
void k142b_slice_acc(float *restrict grad /* [512] */, const float *restrict x /* [2,512] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 512; j++) grad[o * 512 + j] += x[o * 1024 + 512 + j];
}

/*
 * %1712 = slice(%1708) : f32[1,512]  classifier.2
 * %1713 = reshape(%1712) : f32[512]  classifier.2
 * %1763 = add(%1762, %1713) : f32[512]  classifier.2.bias
 * 24 call sites share this function; the nodes and locations above are the first one's.
 * out %1763 -> G + 21038770
 * in  %1708 f32[2,512] <- A + 2623488
 * in  %1762 f32[512] <- G + 21038770 (classifier.2.bias)
 */
void k142b2_slice_acc(float *restrict grad /* [512] */, const float *restrict x /* [2,512] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 512; j++) grad[o * 512 + j] += x[o * 1024 + 0 + j];
}

/*
 * %1714 = matmul(%1709, %1658) : f32[4,1280]  classifier.1
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1714 -> A + 2621440
 * in  %1709 f32[4,512] <- A + 2635776
 * in  %1658 f32[512,1280] <- M + 20382386 (classifier.1.weight)
 */
void k141b_matmul(
    float *restrict y /* [4,1280] */,
    const float *restrict a /* [4,512] */,
    const float *restrict b /* [512,1280] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 1280, 512, 1.0f, a, 512, b, 1280, 0.0f, y, 1280);
}

/*
 * %1715 = matmul(%1709, %1657) : f32[512,1280]  classifier.1
 * %1757 = add(%1756, %1715) : f32[512,1280]  classifier.1.weight
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1757 -> G + 20382386
 * in  %1709 f32[4,512] <- A + 2635776
 * in  %1657 f32[4,1280] <- A + 2626560
 * in  %1756 f32[512,1280] <- G + 20382386 (classifier.1.weight)
 */
void k141b_matmul_tA_acc(
    float *restrict grad /* [512,1280] */,
    const float *restrict a /* [4,512] */,
    const float *restrict b /* [4,1280] */) {
    /* accumulated into the gradient: beta = 1 */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 512, 1280, 4, 1.0f, a, 512, b, 1280, 1.0f, grad, 1280);
}

/*
 * %1716 = reduce_sum(%1709) : f32[1,512]  classifier.1
 * %1717 = reshape(%1716) : f32[512]  classifier.1
 * %1759 = add(%1758, %1717) : f32[512]  classifier.1.bias
 * 14 call sites share this function; the nodes and locations above are the first one's.
 * out %1759 -> G + 21037746
 * in  %1709 f32[4,512] <- A + 2635776
 * in  %1758 f32[512] <- G + 21037746 (classifier.1.bias)
 */
void k141b_reduce_sum_acc(float *restrict grad /* [512] */, const float *restrict x /* [4,512] */) {
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
 * %1718 = dropout_bwd(%1714, %1656) : f32[4,1280]  classifier.0
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1718 -> A + 3952640
 * in  %1656 i32[1] <- io[8] (seed)
 * in  %1714 f32[4,1280] <- A + 2621440
 */
void k140b_dropout_bwd(
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
 * %1720 = expand(%1719) : f32[4,16,16,1280]  avgpool
 * %1721 = scale(%1720) : f32[4,16,16,1280]  avgpool
 * %1723 = mul(%1721, %1646) : f32[4,16,16,1280]  cbam.spatial_attention
 * %1724 = reduce_sum(%1723) : f32[4,16,16,1]  cbam.spatial_attention
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1724 -> A + 2621440
 * in  %1646 f32[4,16,16,1280] <- A + 1310720
 * in  %1719 f32[4,1,1,1280] <- A + 3952640
 */
void k134b_expand_scale_mul_reduce_sum(
    float *restrict y /* [4,16,16,1] */,
    const float *restrict b /* [4,16,16,1280] */,
    const float *restrict x /* [4,1,1,1280] */) {
    /* sum over axes [3] of [4, 16, 16, 1280]: (1024, 1280, 1) -> (1024, 1) */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 1024; o++) {
        float lane[16];
        for (long l = 0; l < 16; l++) lane[l] = 0.0f;
        for (long j0 = 0; j0 < 1280; j0 += 16) {
            for (long l = 0; l < 16; l++) {
                const long j = j0 + l;
                const long r = o;
                const long c = j;
                const float t0 = x[(r / 256) * 1280 + c];
                const float t1 = t0;
                const float t2 = 0.00390625f * t1;
                const float t3 = b[r * 1280 + c];
                const float t4 = t2 * t3;
                lane[l] += t4;
            }
        }
        double s = 0.0;
        for (long l = 0; l < 16; l++) s += lane[l];
        y[o] = (float)(s);
    }
}

/*
 * %1725 = sigmoid_bwd(%1724, %1651) : f32[4,16,16,1]  cbam.spatial_attention
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1725 -> A + 2623488
 * in  %1651 f32[4,16,16,1] <- A + 3957760
 * in  %1724 f32[4,16,16,1] <- A + 2621440
 */
void k134b_sigmoid_bwd(
    float *restrict dx /* [4,16,16,1] */,
    const float *restrict x /* [4,16,16,1] */,
    const float *restrict dy /* [4,16,16,1] */) {
    for (long r = 0; r < 1024; r++) {
        for (long c = 0; c < 1; c++) {
            const long i = r * 1 + c;
            const float t0 = dy[r];
            const float t1 = x[r];
            const float t2s = ba_sigmoid(t1);
            const float t2 = t0 * (t2s * (1.0f - t2s));
            dx[i] = t2;
        }
    }
}

/*
 * %1726 = conv2d_bwd_input(%1725, %1650) : f32[4,16,16,2]  cbam.spatial_attention.conv
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1726 -> A + 2621440
 * in  %1725 f32[4,16,16,1] <- A + 2623488
 * in  %1650 f32[1,2,7,7] <- M + 20382288 (cbam.spatial_attention.conv.weight)
 */
void k137b_conv7x7_bwd_input(
    float *restrict dx /* [4,16,16,2] */,
    const float *restrict dy /* [4,16,16,1] */,
    const float *restrict w /* [1,2,7,7] */) {
    /* dx of x (4,16,16,2) w (1,2,7,7) y (4,16,16,1) stride 1 pad 3 */
    /* Implicit GEMM in gather form: dx (pixels, Cg) = taps(dy) (pixels, TR·TS·Kg) · wt (TR·TS·Kg, Cg) per group,
     * where the TR × TS taps reaching a pixel are gathered in flipped order into scratch (zero outside dy).
     * Tiles of up to 1024 input pixels; each thread gathers its tile, then one sgemm. */
    float *restrict wt = malloc(sizeof(float) * 98);  /* (G, TR, TS, Kg, Cg) of the phase */
    if (!wt) abort();
    /* wt[g, i, j, k, c] = w[g·Kg + k, c, 6 - i, 6 - j]: the phase's taps, flipped */
    for (long k = 0; k < 1; k++) for (long i = 0; i < 7; i++) for (long j = 0; j < 7; j++) for (long c = 0; c < 2; c++)
        wt[((i * 7 + j) * 1 + k) * 2 + c] = w[((k * 2 + c) * 7 + 6 - i) * 7 + 6 - j];
    #pragma omp parallel
    {
        float *restrict col = malloc(sizeof(float) * 50176);  /* (1024, TR·TS·Kg): one tile of dy taps */
        if (!col) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 1; t++) {
            const long m0 = t * 1024, pixels = m0 + 1024 <= 1024 ? 1024 : 1024 - m0;
            /* taps tile: col[p, (i, j, k)] = dy[n, ih - 3 + i, iw - 3 + j, k], 0 outside dy */
            for (long p = 0; p < pixels; p++) {
                const long m = m0 + p, n = m / 256, ih = m / 16 % 16, iw = m % 16;
                for (long i = 0; i < 7; i++) {
                    const long oh = ih - 3 + i, ow0 = iw - 3;
                    float *restrict dst = col + (p * 7 + i) * 7;
                    if (oh < 0 || oh >= 16) { memset(dst, 0, 7 * sizeof(float)); continue; }
                    const long row = (n * 16 + oh) * 16;
                    if (ow0 >= 0 && ow0 + 7 <= 16) { memcpy(dst, dy + (row + ow0) * 1, 7 * sizeof(float)); continue; }
                    for (long j = 0; j < 7; j++) {
                        const long ow = ow0 + j;
                        if (ow < 0 || ow >= 16) memset(dst + j * 1, 0, 1 * sizeof(float));
                        else memcpy(dst + j * 1, dy + (row + ow) * 1, 1 * sizeof(float));
                    }
                }
            }
            /* dx[m0 ..< m0 + pixels] (pixels, Cg) = col (pixels, R·S·Kg) · wt (R·S·Kg, Cg) */
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, pixels, 2, 49, 1.0f, col, 49, wt, 2, 0.0f, dx + m0 * 2, 2);
        }
        free(col);
    }
    free(wt);
}

/*
 * %1727 = conv2d_bwd_weight(%1725, %1649) : f32[1,2,7,7]  cbam.spatial_attention.conv
 * %1755 = add(%1754, %1727) : f32[1,2,7,7]  cbam.spatial_attention.conv.weight
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1755 -> G + 20382288
 * in  %1725 f32[4,16,16,1] <- A + 2623488
 * in  %1649 f32[4,16,16,2] <- A + 2631680
 * in  %1754 f32[1,2,7,7] <- G + 20382288 (cbam.spatial_attention.conv.weight)
 */
void k137b_conv7x7_bwd_weight_acc(
    float *restrict grad /* [1,2,7,7] */,
    const float *restrict dy /* [4,16,16,1] */,
    const float *restrict x /* [4,16,16,2] */) {
    /* dw of x (4,16,16,2) w (1,2,7,7) y (4,16,16,1) stride 1 pad 3, added into the accumulator */
    /* Implicit GEMM: dw (Kg, R·S·Cg) = Σ_tiles dy_tileᵀ (Kg, pixels) · im2col(x)_tile (pixels, R·S·Cg) per group.
     * Tiles of 320 output pixels; each thread sums a fixed range of tiles into its own partial, then the
     * partials are added in thread order. */
    const int max_threads = omp_get_max_threads();
    float *restrict part = calloc((size_t)max_threads * 98, sizeof(float));  /* (threads, K, R, S, Cg) */
    if (!part) abort();
    int threads = 1;
    #pragma omp parallel num_threads(max_threads)
    {
        const int thread = omp_get_thread_num(), team = omp_get_num_threads();
        if (thread == 0) threads = team;
        float *restrict col = malloc(sizeof(float) * 31360);  /* (320, R·S·Cg): one tile of im2col */
        if (!col) abort();
        float *restrict acc = part + (long)thread * 98;  /* (K, R·S·Cg) */
        for (long t = 4L * thread / team; t < 4L * (thread + 1) / team; t++) {
            const long m0 = t * 320, pixels = m0 + 320 <= 1024 ? 320 : 1024 - m0;
            /* im2col tile: col[p, (r, s, c)] = x[n, oh - 3 + r, ow - 3 + s, c], 0 in the padding */
            for (long p = 0; p < pixels; p++) {
                const long m = m0 + p, n = m / 256, oh = m / 16 % 16, ow = m % 16;
                for (long r = 0; r < 7; r++) {
                    const long ih = oh - 3 + r, iw0 = ow - 3;
                    float *restrict dst = col + p * 98 + r * 14;
                    if (ih < 0 || ih >= 16) { memset(dst, 0, 14 * sizeof(float)); continue; }
                    const long row = (n * 16 + ih) * 16;
                    if (iw0 >= 0 && iw0 + 7 <= 16) { memcpy(dst, x + (row + iw0) * 2, 14 * sizeof(float)); continue; }
                    for (long s = 0; s < 7; s++) {
                        const long iw = iw0 + s;
                        if (iw < 0 || iw >= 16) memset(dst + s * 2, 0, 2 * sizeof(float));
                        else memcpy(dst + s * 2, x + (row + iw) * 2, 2 * sizeof(float));
                    }
                }
            }
            /* acc (Kg, R·S·Cg) += dy[m0 ..< m0 + pixels]ᵀ (Kg, pixels) · col (pixels, R·S·Cg) */
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 1, 98, pixels, 1.0f, dy + m0 * 1, 1, col, 98, 1.0f, acc, 98);
        }
        free(col);
    }
    /* dw[k, c, r, s] = Σ_thread part[thread, k, r, s, c], in thread order */
    #pragma omp parallel for schedule(static)
    for (long k = 0; k < 1; k++) {
        for (long c = 0; c < 2; c++) for (long r = 0; r < 7; r++) for (long s = 0; s < 7; s++) {
            float sum = 0.0f;
            for (int thread = 0; thread < threads; thread++) sum += part[((long)thread * 1 + k) * 98 + (r * 7 + s) * 2 + c];
            grad[((k * 2 + c) * 7 + r) * 7 + s] += sum;
        }
    }
    free(part);
}

/*
 * %1728 = slice(%1726) : f32[4,16,16,1]  cbam.spatial_attention
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1728 -> A + 3957760
 * in  %1726 f32[4,16,16,2] <- A + 2621440
 */
void k134b_slice(float *restrict y /* [4,16,16,1] */, const float *restrict x /* [4,16,16,2] */) {
    for (long o = 0; o < 1024; o++) memcpy(y + o * 1, x + o * 2 + 0, 1 * sizeof(float));
}

/*
 * %1729 = slice(%1726) : f32[4,16,16,1]  cbam.spatial_attention
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1729 -> A + 3959808
 * in  %1726 f32[4,16,16,2] <- A + 2621440
 */
void k134b2_slice(float *restrict y /* [4,16,16,1] */, const float *restrict x /* [4,16,16,2] */) {
    for (long o = 0; o < 1024; o++) memcpy(y + o * 1, x + o * 2 + 1, 1 * sizeof(float));
}

/*
 * %1730 = reduce_max_bwd(%1729, %1646) : f32[4,16,16,1280]  cbam.spatial_attention
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1730 -> A + 2621440
 * in  %1729 f32[4,16,16,1] <- A + 3959808
 * in  %1646 f32[4,16,16,1280] <- A + 1310720
 */
void k134b_reduce_max_bwd(
    float *restrict dx /* [4,16,16,1280] */,
    const float *restrict dy /* [4,16,16,1] */,
    const float *restrict x /* [4,16,16,1280] */) {
    /* dy routed to the first maximum over axes [3] of x [4, 16, 16, 1280] */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 1024; o++) {
        for (long i = 0; i < 1; i++) {
            long arg = 0;
            float best = x[(o * 1280) * 1 + i];
            for (long j = 1; j < 1280; j++) { const float v = x[(o * 1280 + j) * 1 + i]; if (v > best) { best = v; arg = j; } }
            for (long j = 0; j < 1280; j++) dx[(o * 1280 + j) * 1 + i] = j == arg ? dy[o * 1 + i] : 0.0f;
        }
    }
}

/*
 * %1627 = add(%1625, %1626) : f32[4,16,16,1280]  features.7.1
 * %1628 = silu(%1627) : f32[4,16,16,1280]  features.7.2
 * %1720 = expand(%1719) : f32[4,16,16,1280]  avgpool
 * %1721 = scale(%1720) : f32[4,16,16,1280]  avgpool
 * %1722 = mul(%1721, %1652) : f32[4,16,16,1280]  cbam.spatial_attention
 * %1731 = expand(%1728) : f32[4,16,16,1280]  cbam.spatial_attention
 * %1732 = scale(%1731) : f32[4,16,16,1280]  cbam.spatial_attention
 * %1733 = add_n(%1722, %1730, %1732) : f32[4,16,16,1280]  cbam.channel_attention
 * %1734 = mul(%1733, %1628) : f32[4,16,16,1280]  cbam.channel_attention
 * %1735 = reduce_sum(%1734) : f32[4,1,1,1280]  cbam.channel_attention
 * out %1735 -> A + 1310720
 * in  %1625 f32[4,16,16,1280] <- A + 0
 * in  %1626 f32[1,1,1,1280] <- A + 4718592
 * in  %1652 f32[4,16,16,1] <- A + 3958784
 * in  %1719 f32[4,1,1,1280] <- A + 3952640
 * in  %1728 f32[4,16,16,1] <- A + 3957760
 * in  %1730 f32[4,16,16,1280] <- A + 2621440
 */
void k132b_add_silu_expand_scale_reduce_sum(
    float *restrict y /* [4,1,1,1280] */,
    const float *restrict x /* [4,16,16,1280] */,
    const float *restrict bias /* [1,1,1,1280] */,
    const float *restrict scale /* [4,16,16,1] */,
    const float *restrict x2 /* [4,1,1,1280] */,
    const float *restrict x3 /* [4,16,16,1] */,
    const float *restrict x4 /* [4,16,16,1280] */) {
    /* sum over axes [1, 2] of [4, 16, 16, 1280]: (4, 256, 1280) -> (4, 1280) */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[1280];
        for (long q = 0; q < 1280; q++) acc[q] = 0.0;
        for (long j = 0; j < 256; j++) {
            for (long q = 0; q < 1280; q++) {
                const long r = o * 256 + j;
                const long c = q;
                const float t0 = x2[(r / 256) * 1280 + c];
                const float t1 = t0;
                const float t2 = 0.00390625f * t1;
                const float t3 = scale[r];
                const float t4 = t2 * t3;
                const float t5 = x4[r * 1280 + c];
                const float t6 = x3[r];
                const float t7 = t6;
                const float t8 = 0.00078125f * t7;
                const float t9 = t4 + t5 + t8;
                const float t10 = x[r * 1280 + c];
                const float t11 = bias[c];
                const float t12 = t10 + t11;
                const float t13 = t12 * ba_sigmoid(t12);
                const float t14 = t9 * t13;
                acc[q] += t14;
            }
        }
        for (long q = 0; q < 1280; q++) y[o * 1280 + q] = (float)(acc[q]);
    }
}

/*
 * %1643 = add(%1639, %1642) : f32[4,1280]  cbam.channel_attention
 * %1737 = sigmoid_bwd(%1736, %1643) : f32[4,1280]  cbam.channel_attention
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1737 -> A + 307200
 * in  %1639 f32[4,1280] <- A + 3942400
 * in  %1642 f32[4,1280] <- A + 3947520
 * in  %1736 f32[4,1280] <- A + 1310720
 */
void k132b_add_sigmoid_bwd(
    float *restrict dx /* [4,1280] */,
    const float *restrict a /* [4,1280] */,
    const float *restrict b /* [4,1280] */,
    const float *restrict dy /* [4,1280] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 1280; c++) {
            const long i = r * 1280 + c;
            const float t0 = dy[r * 1280 + c];
            const float t1 = a[r * 1280 + c];
            const float t2 = b[r * 1280 + c];
            const float t3 = t1 + t2;
            const float t4s = ba_sigmoid(t3);
            const float t4 = t0 * (t4s * (1.0f - t4s));
            dx[i] = t4;
        }
    }
}

/*
 * %1738 = matmul(%1737, %1632) : f32[4,80]  cbam.channel_attention.fc.2
 * 8 call sites share this function; the nodes and locations above are the first one's.
 * out %1738 -> A + 3942400
 * in  %1737 f32[4,1280] <- A + 307200
 * in  %1632 f32[1280,80] <- M + 20279888
 */
void k131b_matmul(
    float *restrict y /* [4,80] */,
    const float *restrict a /* [4,1280] */,
    const float *restrict b /* [1280,80] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 80, 1280, 1.0f, a, 1280, b, 80, 0.0f, y, 80);
}

/*
 * %1739 = matmul(%1737, %1641) : f32[1280,80]  cbam.channel_attention.fc.2
 * 8 call sites share this function; the nodes and locations above are the first one's.
 * out %1739 -> A + 0
 * in  %1737 f32[4,1280] <- A + 307200
 * in  %1641 f32[4,80] <- A + 3961792
 */
void k131b_matmul_tA(
    float *restrict y /* [1280,80] */,
    const float *restrict a /* [4,1280] */,
    const float *restrict b /* [4,80] */) {
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 1280, 80, 4, 1.0f, a, 1280, b, 80, 0.0f, y, 80);
}

/*
 * %1740 = relu_bwd(%1738, %1640) : f32[4,80]  cbam.channel_attention.fc.1
 * 8 call sites share this function; the nodes and locations above are the first one's.
 * out %1740 -> A + 3942720
 * in  %1640 f32[4,80] <- A + 3961472
 * in  %1738 f32[4,80] <- A + 3942400
 */
void k130b_relu_bwd(
    float *restrict dx /* [4,80] */,
    const float *restrict x /* [4,80] */,
    const float *restrict dy /* [4,80] */) {
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 80; c++) {
            const long i = r * 80 + c;
            const float t0 = dy[r * 80 + c];
            const float t1 = x[r * 80 + c];
            const float t2 = t1 > 0.0f ? t0 : 0.0f;
            dx[i] = t2;
        }
    }
}

/*
 * %1741 = matmul(%1740, %1636) : f32[80,1280]  cbam.channel_attention.fc.1.0
 * 8 call sites share this function; the nodes and locations above are the first one's.
 * out %1741 -> A + 102400
 * in  %1740 f32[4,80] <- A + 3942720
 * in  %1636 f32[4,1280] <- A + 3937280
 */
void k129b_matmul_tA(
    float *restrict y /* [80,1280] */,
    const float *restrict a /* [4,80] */,
    const float *restrict b /* [4,1280] */) {
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 80, 1280, 4, 1.0f, a, 80, b, 1280, 0.0f, y, 1280);
}

/*
 * %1746 = add_n(%1739, %1743) : f32[1280,80]  cbam.channel_attention.fc.2
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1746 -> A + 409600
 * in  %1739 f32[1280,80] <- A + 0
 * in  %1743 f32[1280,80] <- A + 204800
 */
void k131b_add_n(
    float *restrict y /* [1280,80] */,
    const float *restrict x /* [1280,80] */,
    const float *restrict x2 /* [1280,80] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 1280; r++) {
        #pragma omp simd
        for (long c = 0; c < 80; c++) {
            const long i = r * 80 + c;
            const float t0 = x[r * 80 + c];
            const float t1 = x2[r * 80 + c];
            const float t2 = t0 + t1;
            y[i] = t2;
        }
    }
}

/*
 * %1734 = expand(%1733) : f32[4,16,16,1280]  avgpool
 * %1735 = scale(%1734) : f32[4,16,16,1280]  avgpool
 * %1736 = mul(%1735, %1667) : f32[4,16,16,1280]  cbam.spatial_attention
 * %1745 = expand(%1742) : f32[4,16,16,1280]  cbam.spatial_attention
 * %1746 = scale(%1745) : f32[4,16,16,1280]  cbam.spatial_attention
 * %1747 = add_n(%1736, %1744, %1746) : f32[4,16,16,1280]  cbam.channel_attention
 * %1749 = mul(%1747, %1643) : f32[4,16,16,1280]  cbam.channel_attention
 * %1750 = reduce_sum(%1749) : f32[4,1,1,1280]  cbam.channel_attention
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %1750 -> A + 88838144
 * in  %1643 f32[4,16,16,1280] <- A + 75235328
 * in  %1667 f32[4,16,16,1] <- A + 89297408
 * in  %1733 f32[4,1,1,1280] <- A + 89183232
 * in  %1742 f32[4,16,16,1] <- A + 89298432
 * in  %1744 f32[4,16,16,1280] <- A + 77856768
 */
void k132b_expand_scale_mul_add_n_reduce_sum(
    float *restrict y /* [4,1,1,1280] */,
    const float *restrict b /* [4,16,16,1280] */,
    const float *restrict scale /* [4,16,16,1] */,
    const float *restrict x /* [4,1,1,1280] */,
    const float *restrict x2 /* [4,16,16,1] */,
    const float *restrict x3 /* [4,16,16,1280] */) {
    /* sum over axes [1, 2] of [4, 16, 16, 1280]: (4, 256, 1280) -> (4, 1280) */
    #pragma omp parallel for schedule(static)
    for (long o = 0; o < 4; o++) {
        double acc[1280];
        for (long q = 0; q < 1280; q++) acc[q] = 0.0;
        for (long j = 0; j < 256; j++) {
            for (long q = 0; q < 1280; q++) {
                const long r = o * 256 + j;
                const long c = q;
                const float t0 = x[(r / 256) * 1280 + c];
                const float t1 = t0;
                const float t2 = 0.00390625f * t1;
                const float t3 = scale[r];
                const float t4 = t2 * t3;
                const float t5 = x3[r * 1280 + c];
                const float t6 = x2[r];
                const float t7 = t6;
                const float t8 = 0.00078125f * t7;
                const float t9 = t4 + t5 + t8;
                const float t10 = b[r * 1280 + c];
                const float t11 = t9 * t10;
                acc[q] += t11;
            }
        }
        for (long q = 0; q < 1280; q++) y[o * 1280 + q] = (float)(acc[q]);
    }
}

/*
 * %1756 = matmul(%1755, %1645) : f32[4,1280]  cbam.channel_attention.fc.1.0
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %1756 -> A + 88827904
 * in  %1755 f32[4,80] <- A + 89188672
 * in  %1645 f32[80,1280] <- M + 20177488
 */
void k129b_matmul(
    float *restrict y /* [4,1280] */,
    const float *restrict a /* [4,80] */,
    const float *restrict b /* [80,1280] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 1280, 80, 1.0f, a, 80, b, 1280, 0.0f, y, 1280);
}
