/* Kernels k144 to k159 and their backward kernels. */
#include "kernels.h"

/*
 * %1673 = linear(%1670, %1671, %1672) : f32[4,256]  classifier.5
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %1673 -> A + 3952640
 * in  %1670 f32[4,512] <- A + 2623488
 * in  %1671 f32[256,512] <- M + 21039282 (classifier.5.weight)
 * in  %1672 f32[256] <- M + 21170354 (classifier.5.bias)
 */
void k144_linear(
    float *restrict y /* [4,256] */,
    const float *restrict x /* [4,512] */,
    const float *restrict w /* [256,512] */,
    const float *restrict bias /* [256] */) {
    /* y (4,256) = x (4,512) · wᵀ (512,256) + b */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, 4, 256, 512, 1.0f, x, 512, w, 512, 0.0f, y, 256);
    for (long n = 0; n < 4; n++) for (long k = 0; k < 256; k++) y[n * 256 + k] += bias[k];
}

/*
 * %1678 = bn_stats(%1673) : f32[2,256]  classifier.6
 * %1679 = running_mean_update(%1676, %1678) : f32[256]  classifier.6
 * %1680 = running_var_update(%1677, %1678) : f32[256]  classifier.6
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1678 -> A + 3955712
 * out %1679 -> M + 21326789
 * out %1680 -> M + 21327045
 * in  %1673 f32[4,256] <- A + 3952640
 * in  %1676 f32[256] <- M + 21326789 (classifier.6.running_mean)
 * in  %1677 f32[256] <- M + 21327045 (classifier.6.running_var)
 */
void k145_bn_stats_running(
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
 * %1681 = bn_train(%1673, %1678, %1674, %1675) : f32[4,256]  classifier.6
 * %1682 = relu(%1681) : f32[4,256]  classifier.7
 * %1683 = dropout(%1682, %1656) : f32[4,256]  classifier.8
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1683 -> A + 3953664
 * in  %1656 i32[1] <- io[8] (seed)
 * in  %1673 f32[4,256] <- A + 3952640
 * in  %1674 f32[256] <- M + 21170610 (classifier.6.weight)
 * in  %1675 f32[256] <- M + 21170866 (classifier.6.bias)
 * in  %1678 f32[2,256] <- A + 3955712
 */
void k146_bn_train_relu_dropout(
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
 * %1686 = linear(%1683, %1684, %1685) : f32[4,3]  classifier.9
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %1686 -> io[12]
 * in  %1683 f32[4,256] <- A + 3953664
 * in  %1684 f32[3,256] <- M + 21171122 (classifier.9.weight)
 * in  %1685 f32[3] <- M + 21171890 (classifier.9.bias)
 */
void k147_linear(
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
 * out %1688 -> A + 3954688
 */
void k148_fill(float *restrict y /* [] */) {
    for (long i = 0; i < 1; i++) y[i] = 1.0f;
}

/*
 * %1687 = focal_loss(%1686, %1) : f32[]  loss
 * %1689 = focal_loss_bwd(%1686, %1, %1688) : f32[4,3]  loss
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1687 -> io[11]
 * out %1689 -> A + 3959808
 * in  %1 i32[4] <- io[7] (labels)
 * in  %1686 f32[4,3] <- io[12]
 * in  %1688 f32[] <- A + 3954688 (loss)
 */
void k149_focal_loss_fwd_bwd(
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
 * %1690 = matmul(%1689, %1684) : f32[4,256]  classifier.9
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1690 -> A + 3954688
 * in  %1689 f32[4,3] <- A + 3959808
 * in  %1684 f32[3,256] <- M + 21171122 (classifier.9.weight)
 */
void k147b_matmul(
    float *restrict y /* [4,256] */,
    const float *restrict a /* [4,3] */,
    const float *restrict b /* [3,256] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 256, 3, 1.0f, a, 3, b, 256, 0.0f, y, 256);
}

/*
 * %1691 = matmul(%1689, %1683) : f32[3,256]  classifier.9
 * %1773 = add(%1772, %1691) : f32[3,256]  classifier.9.weight
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1773 -> G + 21171122
 * in  %1689 f32[4,3] <- A + 3959808
 * in  %1683 f32[4,256] <- A + 3953664
 * in  %1772 f32[3,256] <- G + 21171122 (classifier.9.weight)
 */
void k147b_matmul_tA_acc(
    float *restrict grad /* [3,256] */,
    const float *restrict a /* [4,3] */,
    const float *restrict b /* [4,256] */) {
    /* accumulated into the gradient: beta = 1 */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 3, 256, 4, 1.0f, a, 3, b, 256, 1.0f, grad, 256);
}

/*
 * %1692 = reduce_sum(%1689) : f32[1,3]  classifier.9
 * %1693 = reshape(%1692) : f32[3]  classifier.9
 * %1775 = add(%1774, %1693) : f32[3]  classifier.9.bias
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1775 -> G + 21171890
 * in  %1689 f32[4,3] <- A + 3959808
 * in  %1774 f32[3] <- G + 21171890 (classifier.9.bias)
 */
void k147b_reduce_sum_acc(float *restrict grad /* [3] */, const float *restrict x /* [4,3] */) {
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
 * %1681 = bn_train(%1673, %1678, %1674, %1675) : f32[4,256]  classifier.6
 * %1694 = dropout_bwd(%1690, %1656) : f32[4,256]  classifier.8
 * %1695 = relu_bwd(%1694, %1681) : f32[4,256]  classifier.7
 * %1696 = bn_bwd_reduce(%1695, %1673, %1678) : f32[2,256]  classifier.6
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1696 -> A + 3956224
 * in  %1656 i32[1] <- io[8] (seed)
 * in  %1673 f32[4,256] <- A + 3952640
 * in  %1674 f32[256] <- M + 21170610 (classifier.6.weight)
 * in  %1675 f32[256] <- M + 21170866 (classifier.6.bias)
 * in  %1678 f32[2,256] <- A + 3955712
 * in  %1690 f32[4,256] <- A + 3954688
 */
void k145b_bn_train_dropout_bwd_relu_bwd_bn_bwd_reduce(
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
 * %1681 = bn_train(%1673, %1678, %1674, %1675) : f32[4,256]  classifier.6
 * %1694 = dropout_bwd(%1690, %1656) : f32[4,256]  classifier.8
 * %1695 = relu_bwd(%1694, %1681) : f32[4,256]  classifier.7
 * %1697 = bn_bwd_input(%1695, %1673, %1678, %1674, %1696) : f32[4,256]  classifier.6
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1697 -> A + 3953664
 * in  %1656 i32[1] <- io[8] (seed)
 * in  %1673 f32[4,256] <- A + 3952640
 * in  %1674 f32[256] <- M + 21170610 (classifier.6.weight)
 * in  %1675 f32[256] <- M + 21170866 (classifier.6.bias)
 * in  %1678 f32[2,256] <- A + 3955712
 * in  %1690 f32[4,256] <- A + 3954688
 * in  %1696 f32[2,256] <- A + 3956224
 */
void k145b_bn_train_dropout_bwd_relu_bwd_bn_bwd_input(
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
 * %1698 = slice(%1696) : f32[1,256]  classifier.6
 * %1699 = reshape(%1698) : f32[256]  classifier.6
 * %1769 = add(%1768, %1699) : f32[256]  classifier.6.weight
 * 56 call sites share this function; the nodes and locations above are the first one's.
 * out %1769 -> G + 21170610
 * in  %1696 f32[2,256] <- A + 3956224
 * in  %1768 f32[256] <- G + 21170610 (classifier.6.weight)
 */
void k145b_slice_acc(float *restrict grad /* [256] */, const float *restrict x /* [2,256] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 256; j++) grad[o * 256 + j] += x[o * 512 + 256 + j];
}

/*
 * %1700 = slice(%1696) : f32[1,256]  classifier.6
 * %1701 = reshape(%1700) : f32[256]  classifier.6
 * %1771 = add(%1770, %1701) : f32[256]  classifier.6.bias
 * 56 call sites share this function; the nodes and locations above are the first one's.
 * out %1771 -> G + 21170866
 * in  %1696 f32[2,256] <- A + 3956224
 * in  %1770 f32[256] <- G + 21170866 (classifier.6.bias)
 */
void k145b2_slice_acc(float *restrict grad /* [256] */, const float *restrict x /* [2,256] */) {
    for (long o = 0; o < 1; o++) for (long j = 0; j < 256; j++) grad[o * 256 + j] += x[o * 512 + 0 + j];
}

/*
 * %1702 = matmul(%1697, %1671) : f32[4,512]  classifier.5
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1702 -> A + 2633728
 * in  %1697 f32[4,256] <- A + 3953664
 * in  %1671 f32[256,512] <- M + 21039282 (classifier.5.weight)
 */
void k144b_matmul(
    float *restrict y /* [4,512] */,
    const float *restrict a /* [4,256] */,
    const float *restrict b /* [256,512] */) {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 512, 256, 1.0f, a, 256, b, 512, 0.0f, y, 512);
}

/*
 * %1703 = matmul(%1697, %1670) : f32[256,512]  classifier.5
 * %1765 = add(%1764, %1703) : f32[256,512]  classifier.5.weight
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1765 -> G + 21039282
 * in  %1697 f32[4,256] <- A + 3953664
 * in  %1670 f32[4,512] <- A + 2623488
 * in  %1764 f32[256,512] <- G + 21039282 (classifier.5.weight)
 */
void k144b_matmul_tA_acc(
    float *restrict grad /* [256,512] */,
    const float *restrict a /* [4,256] */,
    const float *restrict b /* [4,512] */) {
    /* accumulated into the gradient: beta = 1 */
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 256, 512, 4, 1.0f, a, 256, b, 512, 1.0f, grad, 512);
}

/*
 * %1704 = reduce_sum(%1697) : f32[1,256]  classifier.5
 * %1705 = reshape(%1704) : f32[256]  classifier.5
 * %1767 = add(%1766, %1705) : f32[256]  classifier.5.bias
 * 6 call sites share this function; the nodes and locations above are the first one's.
 * out %1767 -> G + 21170354
 * in  %1697 f32[4,256] <- A + 3953664
 * in  %1766 f32[256] <- G + 21170354 (classifier.5.bias)
 */
void k144b_reduce_sum_acc(float *restrict grad /* [256] */, const float *restrict x /* [4,256] */) {
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
 * %1748 = add_n(%1741, %1745) : f32[80,1280]  cbam.channel_attention.fc.0
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %1748 -> A + 0
 * in  %1741 f32[80,1280] <- A + 102400
 * in  %1745 f32[80,1280] <- A + 307200
 */
void k150_add_n(
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
 * %1751 = add(%1750, %1749) : f32[80,1280,1,1]  cbam.channel_attention.fc.0.weight
 * 8 call sites share this function; the nodes and locations above are the first one's.
 * out %1751 -> G + 20177488
 * in  %1749 f32[80,1280,1,1] <- A + 0
 * in  %1750 f32[80,1280,1,1] <- G + 20177488 (cbam.channel_attention.fc.0.weight)
 */
void k151_add(float *restrict y /* [80,1280,1,1] */, const float *restrict b /* [80,1280,1,1] */) {
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
 * %702 = reduce_sumSquares(%673) : f32[1,1,1,1]  cbam.channel_attention.fc.0.weight
 * %703 = reshape(%702) : f32[]  cbam.channel_attention.fc.0.weight
 * %704 = reduce_sumSquares(%675) : f32[1,1,1,1]  cbam.channel_attention.fc.2.weight
 * %705 = reshape(%704) : f32[]  cbam.channel_attention.fc.2.weight
 * %706 = reduce_sumSquares(%677) : f32[1,1,1,1]  cbam.spatial_attention.conv.weight
 * %707 = reshape(%706) : f32[]  cbam.spatial_attention.conv.weight
 * %708 = reduce_sumSquares(%679) : f32[1,1]  classifier.1.weight
 * %709 = reshape(%708) : f32[]  classifier.1.weight
 * %710 = reduce_sumSquares(%681) : f32[1]  classifier.1.bias
 * %711 = reshape(%710) : f32[]  classifier.1.bias
 * %712 = reduce_sumSquares(%683) : f32[1]  classifier.2.weight
 * %713 = reshape(%712) : f32[]  classifier.2.weight
 * ... and 16 more nodes of the same kinds
 * out %729 -> A + 0
 * in  %673 f32[80,1280,1,1] <- G + 20177488 (cbam.channel_attention.fc.0.weight)
 * in  %675 f32[1280,80,1,1] <- G + 20279888 (cbam.channel_attention.fc.2.weight)
 * in  %677 f32[1,2,7,7] <- G + 20382288 (cbam.spatial_attention.conv.weight)
 * in  %679 f32[512,1280] <- G + 20382386 (classifier.1.weight)
 * in  %681 f32[512] <- G + 21037746 (classifier.1.bias)
 * in  %683 f32[512] <- G + 21038258 (classifier.2.weight)
 * in  %685 f32[512] <- G + 21038770 (classifier.2.bias)
 * in  %689 f32[256,512] <- G + 21039282 (classifier.5.weight)
 * in  %691 f32[256] <- G + 21170354 (classifier.5.bias)
 * in  %693 f32[256] <- G + 21170610 (classifier.6.weight)
 * in  %695 f32[256] <- G + 21170866 (classifier.6.bias)
 * in  %699 f32[3,256] <- G + 21171122 (classifier.9.weight)
 * in  %701 f32[3] <- G + 21171890 (classifier.9.bias)
 * in  %0 f32[8] <- io[9] (optimizer.hyper)
 */
void k152_grad_norm(float *restrict coef, const float *restrict g, const float *restrict hyper) {
    /* global L2 norm of the summed gradients G[20177488, 21171893), then torch's clip_grad_norm_ */
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
 * %2072 = adam_m(%2070, %673, %729) : f32[80,1280,1,1]  cbam.channel_attention.fc.0.weight
 * %2073 = adam_v(%2071, %673, %729) : f32[80,1280,1,1]  cbam.channel_attention.fc.0.weight
 * %2074 = adamw_update(%672, %2072, %2073, %0, %1) : f32[80,1280,1,1]  cbam.channel_attention.fc.0.weight
 * %2080 = adam_m(%2078, %675, %729) : f32[1280,80,1,1]  cbam.channel_attention.fc.2.weight
 * %2081 = adam_v(%2079, %675, %729) : f32[1280,80,1,1]  cbam.channel_attention.fc.2.weight
 * %2082 = adamw_update(%674, %2080, %2081, %0, %1) : f32[1280,80,1,1]  cbam.channel_attention.fc.2.weight
 * %2088 = adam_m(%2086, %677, %729) : f32[1,2,7,7]  cbam.spatial_attention.conv.weight
 * %2089 = adam_v(%2087, %677, %729) : f32[1,2,7,7]  cbam.spatial_attention.conv.weight
 * %2090 = adamw_update(%676, %2088, %2089, %0, %1) : f32[1,2,7,7]  cbam.spatial_attention.conv.weight
 * %2096 = adam_m(%2094, %679, %729) : f32[512,1280]  classifier.1.weight
 * %2097 = adam_v(%2095, %679, %729) : f32[512,1280]  classifier.1.weight
 * %2098 = adamw_update(%678, %2096, %2097, %0, %1) : f32[512,1280]  classifier.1.weight
 * ... and 27 more nodes of the same kinds
 * 52 values written, 55 read (flat over the state blocks)
 */
void k153_adamw(
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
}

/*
 * %731 = ema_update(%730, %2, %0) : f32[24,3,3,3]  features.0.0.weight
 * %733 = ema_update(%732, %3, %0) : f32[24]  features.0.1.weight
 * %735 = ema_update(%734, %4, %0) : f32[24]  features.0.1.bias
 * %737 = ema_update(%736, %5, %0) : f32[24]  features.0.1.running_mean
 * %739 = ema_update(%738, %6, %0) : f32[24]  features.0.1.running_var
 * %741 = ema_update(%740, %7, %0) : f32[24,24,3,3]  features.1.0.block.0.0.weight
 * %743 = ema_update(%742, %8, %0) : f32[24]  features.1.0.block.0.1.weight
 * %745 = ema_update(%744, %9, %0) : f32[24]  features.1.0.block.0.1.bias
 * %747 = ema_update(%746, %10, %0) : f32[24]  features.1.0.block.0.1.running_mean
 * %749 = ema_update(%748, %11, %0) : f32[24]  features.1.0.block.0.1.running_var
 * %751 = ema_update(%750, %12, %0) : f32[24,24,3,3]  features.1.1.block.0.0.weight
 * %753 = ema_update(%752, %13, %0) : f32[24]  features.1.1.block.0.1.weight
 * ... and 675 more nodes of the same kinds
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * 687 values written, 1375 read (flat over the state blocks)
 */
void k154_ema(float *restrict e, const float *restrict m, const float *restrict hyper) {
    /* EMA of parameters and BatchNorm buffers (timm ModelEmaV2), E[0, 21327301) */
    const float d = hyper[4];
    #pragma omp parallel for simd schedule(static)
    for (long j = 0; j < 21327301; j++) e[j] = d * e[j] + (1.0f - d) * m[j];
}

/*
 * %920 = bn_stats(%915) : f32[2,960]  features.6.0.block.0.1
 * %921 = running_mean_update(%918, %920) : f32[960]  features.6.0.block.0.1
 * %922 = running_var_update(%919, %920) : f32[960]  features.6.0.block.0.1
 * 19 call sites share this function; the nodes and locations above are the first one's.
 * out %920 -> A + 89293568
 * out %921 -> M + 21225669
 * out %922 -> M + 21226629
 * in  %915 f32[4,32,32,960] <- A + 0
 * in  %918 f32[960] <- M + 21225669 (features.6.0.block.0.1.running_mean)
 * in  %919 f32[960] <- M + 21226629 (features.6.0.block.0.1.running_var)
 */
void k155_bn_stats_running(
    float *restrict stats /* [2,960] */,
    float *restrict running_mean /* [960] */,
    float *restrict running_var /* [960] */,
    const float *restrict x /* [4,32,32,960] */) {
    enum { C = 960, CHUNKS = 64 };
    double *part = malloc(sizeof(double) * 2 * CHUNKS * C);
    #pragma omp parallel for schedule(static)
    for (long ch = 0; ch < CHUNKS; ch++) {
        double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;
        for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }
        for (long r = 4096L * ch / CHUNKS; r < 4096L * (ch + 1) / CHUNKS; r++) {
            for (long c = 0; c < C; c++) {
                const float t0 = x[r * 960 + c];
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
 * %923 = bn_train(%915, %920, %916, %917) : f32[4,32,32,960]  features.6.0.block.0.1
 * %924 = silu(%923) : f32[4,32,32,960]  features.6.0.block.0.2
 * 19 call sites share this function; the nodes and locations above are the first one's.
 * out %924 -> A + 3932160
 * in  %915 f32[4,32,32,960] <- A + 0
 * in  %916 f32[960] <- M + 5439016 (features.6.0.block.0.1.weight)
 * in  %917 f32[960] <- M + 5439976 (features.6.0.block.0.1.bias)
 * in  %920 f32[2,960] <- A + 89293568
 */
void k156_bn_train_silu(
    float *restrict y /* [4,32,32,960] */,
    const float *restrict x /* [4,32,32,960] */,
    const float *restrict gamma /* [960] */,
    const float *restrict beta /* [960] */,
    const float *restrict stats /* [2,960] */) {
    float q0[960];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 960; c++) {
        q0[c] = gamma[c] / sqrtf(stats[960 + c] + 0.001f);
    }
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 4096; r++) {
        #pragma omp simd
        for (long c = 0; c < 960; c++) {
            const long i = r * 960 + c;
            const float t0 = x[r * 960 + c];
            const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
            const float t2 = t1 * ba_sigmoid(t1);
            y[i] = t2;
        }
    }
}

/*
 * %926 = conv2d(%924, %925) : f32[4,16,16,960]  features.6.0.block.1.0
 * %931 = bn_stats(%926) : f32[2,960]  features.6.0.block.1.1
 * %932 = running_mean_update(%929, %931) : f32[960]  features.6.0.block.1.1
 * %933 = running_var_update(%930, %931) : f32[960]  features.6.0.block.1.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %926 -> A + 79167488
 * out %931 -> A + 89295488
 * out %932 -> M + 21227589
 * out %933 -> M + 21228549
 * in  %924 f32[4,32,32,960] <- A + 3932160
 * in  %925 f32[960,1,3,3] <- M + 5440936 (features.6.0.block.1.0.weight)
 * in  %929 f32[960] <- M + 21227589 (features.6.0.block.1.1.running_mean)
 * in  %930 f32[960] <- M + 21228549 (features.6.0.block.1.1.running_var)
 */
void k157_dwconv3x3s2_bn_stats_running(
    float *restrict y /* [4,16,16,960] */,
    float *restrict stats /* [2,960] */,
    float *restrict running_mean /* [960] */,
    float *restrict running_var /* [960] */,
    const float *restrict x /* [4,32,32,960] */,
    const float *restrict w /* [960,1,3,3] */) {
    /* x (4,32,32,960) w (960,1,3,3) y (4,16,16,960) stride 2 pad 1 groups 960 */
    double *part = malloc(sizeof(double) * 122880);  /* (N·Ho, 2, C): per-row Σy, Σy² */
    if (!part) abort();
    /* Depthwise: y[n, oh, ow, c] = Σ_{r, s} x[n, ih, iw, c] · wt[r, s, c], channels innermost (vectorised),
     * one output row per work item. */
    float *restrict wt = malloc(sizeof(float) * 8640);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 960; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 960 + c] = w[(c * 3 + r) * 3 + s];
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long oh = 0; oh < 16; oh++) {
            for (long ow = 0; ow < 16; ow++) {
                float *restrict yp = y + ((n * 16 + oh) * 16 + ow) * 960;
                if (oh * 2 - 1 >= 0 && oh * 2 + 1 < 32 && ow * 2 - 1 >= 0 && ow * 2 + 1 < 32) {
                    /* every tap inside x: one sum per channel, the taps in the order of the loops below */
                    const float *restrict x0 = x + ((n * 32 + oh * 2 - 1) * 32 + ow * 2 - 1) * 960;
                    for (long c = 0; c < 960; c++)
                        yp[c] = x0[c] * wt[c] + x0[960 + c] * wt[960 + c] + x0[1920 + c] * wt[1920 + c]
                            + x0[30720 + c] * wt[2880 + c] + x0[31680 + c] * wt[3840 + c] + x0[32640 + c] * wt[4800 + c]
                            + x0[61440 + c] * wt[5760 + c] + x0[62400 + c] * wt[6720 + c] + x0[63360 + c] * wt[7680 + c];
                    continue;
                }
                for (long c = 0; c < 960; c++) yp[c] = 0.0f;
                for (long r = 0; r < 3; r++) {
                    const long ih = oh * 2 - 1 + r;
                    if (ih < 0 || ih >= 32) continue;
                    for (long s = 0; s < 3; s++) {
                        const long iw = ow * 2 - 1 + s;
                        if (iw < 0 || iw >= 32) continue;
                        const float *restrict xp = x + ((n * 32 + ih) * 32 + iw) * 960, *restrict wr = wt + (r * 3 + s) * 960;
                        for (long c = 0; c < 960; c++) yp[c] += xp[c] * wr[c];
                    }
                }
            }
            double *restrict ps = part + (n * 16 + oh) * 1920;
            for (long c = 0; c < 960; c++) { ps[c] = 0.0; ps[960 + c] = 0.0; }
            for (long ow = 0; ow < 16; ow++) {
                const float *restrict yp = y + ((n * 16 + oh) * 16 + ow) * 960;
                for (long c = 0; c < 960; c++) { const double v = yp[c]; ps[c] += v; ps[960 + c] += v * v; }
            }
        }
    }
    free(wt);
    /* Σ of the rows in row order, per channel: blocks of 256 channels over the threads */
    #pragma omp parallel for schedule(static)
    for (long c0 = 0; c0 < 960; c0 += 256) {
        const long c1 = c0 + 256 < 960 ? c0 + 256 : 960;
        double s0[256], s1[256];
        for (long c = c0; c < c1; c++) { s0[c - c0] = 0.0; s1[c - c0] = 0.0; }
        for (long row = 0; row < 64; row++) {
            const double *restrict ps = part + row * 1920;
            for (long c = c0; c < c1; c++) { s0[c - c0] += ps[c]; s1[c - c0] += ps[960 + c]; }
        }
        for (long c = c0; c < c1; c++) {
            const double mean = s0[c - c0] / 1024.0, var = fmax(s1[c - c0] / 1024.0 - mean * mean, 0.0);
            stats[c] = (float)mean;
            stats[960 + c] = (float)var;
            running_mean[c] = (float)(0.9f * (double)running_mean[c] + 0.1f * mean);  /* running mean */
            running_var[c] = (float)(0.9f * (double)running_var[c] + 0.1f * var * 1.0009775171065494);  /* running var (unbiased) */
        }
    }
    free(part);
}

/*
 * %934 = bn_train(%926, %931, %927, %928) : f32[4,16,16,960]  features.6.0.block.1.1
 * %935 = silu(%934) : f32[4,16,16,960]  features.6.0.block.1.2
 * %936 = reduce_mean(%935) : f32[4,1,1,960]  features.6.0.block.2.avgpool
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %936 -> A + 89193472
 * in  %926 f32[4,16,16,960] <- A + 79167488
 * in  %927 f32[960] <- M + 5449576 (features.6.0.block.1.1.weight)
 * in  %928 f32[960] <- M + 5450536 (features.6.0.block.1.1.bias)
 * in  %931 f32[2,960] <- A + 89295488
 */
void k158_bn_train_silu_reduce_mean(
    float *restrict y /* [4,1,1,960] */,
    const float *restrict x /* [4,16,16,960] */,
    const float *restrict gamma /* [960] */,
    const float *restrict beta /* [960] */,
    const float *restrict stats /* [2,960] */) {
    /* mean over axes [1, 2] of [4, 16, 16, 960]: (4, 256, 960) -> (4, 960) */
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
                const float t0 = x[r * 960 + c];
                const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                const float t2 = t1 * ba_sigmoid(t1);
                acc[q] += t2;
            }
        }
        for (long q = 0; q < 960; q++) y[o * 960 + q] = (float)(acc[q] / 256.0);
    }
}

/*
 * %934 = bn_train(%926, %931, %927, %928) : f32[4,16,16,960]  features.6.0.block.1.1
 * %935 = silu(%934) : f32[4,16,16,960]  features.6.0.block.1.2
 * %949 = mul(%935, %948) : f32[4,16,16,960]  features.6.0.block.2
 * %951 = conv2d(%949, %950) : f32[4,16,16,256]  features.6.0.block.3.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %951 -> A + 83427328
 * in  %926 f32[4,16,16,960] <- A + 79167488
 * in  %927 f32[960] <- M + 5449576 (features.6.0.block.1.1.weight)
 * in  %928 f32[960] <- M + 5450536 (features.6.0.block.1.1.bias)
 * in  %931 f32[2,960] <- A + 89295488
 * in  %948 f32[4,1,1,960] <- A + 89201152
 * in  %950 f32[256,960,1,1] <- M + 5529296 (features.6.0.block.3.0.weight)
 */
void k159_bn_train_silu_mul_conv1x1(
    float *restrict y /* [4,16,16,256] */,
    const float *restrict x /* [4,16,16,960] */,
    const float *restrict gamma /* [960] */,
    const float *restrict beta /* [960] */,
    const float *restrict stats /* [2,960] */,
    const float *restrict scale /* [4,1,1,960] */,
    const float *restrict w /* [256,960,1,1] */) {
    /* y (1024, 256) = f(x) (1024, 960) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float q0[960];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 960; c++) {
        q0[c] = gamma[c] / sqrtf(stats[960 + c] + 0.001f);
    }
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 256, 960, w, 960);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 245760);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 960; c++) {
                    const float t0 = x[r * 960 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    const float t3 = scale[(r / 256) * 960 + c];
                    const float t4 = t2 * t3;
                    tile[(r - m0) * 960 + c] = t4;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 256, 960, 1.0f, tile, 960, w_f32, 0.0f, y + m0 * 256, 256);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %2460 = conv2d_bwd_input(%2455, %950) : f32[4,16,16,960]  features.6.0.block.3.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2460 -> A + 7864320
 * in  %2455 f32[4,16,16,256] <- A + 25952256
 * in  %950 f32[256,960,1,1] <- M + 5529296 (features.6.0.block.3.0.weight)
 */
void k159b_conv1x1_bwd_input(
    float *restrict dx /* [4,16,16,960] */,
    const float *restrict dy /* [4,16,16,256] */,
    const float *restrict w /* [256,960,1,1] */) {
    /* dx of x (4,16,16,960) w (256,960,1,1) y (4,16,16,256) stride 1 pad 0 */
    /* dx (N·H·W, C) = dy (N·H·W, K) · w (K, C) */
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 1024, 960, 256, 1.0f, dy, 256, w, 960, 0.0f, dx, 960);
}

/*
 * %934 = bn_train(%926, %931, %927, %928) : f32[4,16,16,960]  features.6.0.block.1.1
 * %935 = silu(%934) : f32[4,16,16,960]  features.6.0.block.1.2
 * %949 = mul(%935, %948) : f32[4,16,16,960]  features.6.0.block.2
 * %2461 = conv2d_bwd_weight(%2455, %949) : f32[256,960,1,1]  features.6.0.block.3.0
 * %2520 = add(%2519, %2461) : f32[256,960,1,1]  features.6.0.block.3.0.weight
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2520 -> G + 5529296
 * in  %926 f32[4,16,16,960] <- A + 79167488
 * in  %927 f32[960] <- M + 5449576 (features.6.0.block.1.1.weight)
 * in  %928 f32[960] <- M + 5450536 (features.6.0.block.1.1.bias)
 * in  %931 f32[2,960] <- A + 89295488
 * in  %948 f32[4,1,1,960] <- A + 89201152
 * in  %2455 f32[4,16,16,256] <- A + 25952256
 * in  %2519 f32[256,960,1,1] <- G + 5529296 (features.6.0.block.3.0.weight)
 */
void k159b_bn_train_silu_mul_conv1x1_bwd_weight_acc(
    float *restrict grad /* [256,960,1,1] */,
    const float *restrict x /* [4,16,16,960] */,
    const float *restrict gamma /* [960] */,
    const float *restrict beta /* [960] */,
    const float *restrict stats /* [2,960] */,
    const float *restrict scale /* [4,1,1,960] */,
    const float *restrict dy /* [4,16,16,256] */) {
    /* dw (256, 960) += dyᵀ (256, 1024) · f(x) (1024, 960), f(x) recomputed in tiles of 256 rows */
    float q0[960];  /* γ / sqrt(var + eps) */
    for (long c = 0; c < 960; c++) {
        q0[c] = gamma[c] / sqrtf(stats[960 + c] + 0.001f);
    }
    float *part = malloc(sizeof(float) * (size_t)omp_get_max_threads() * 245760);
    if (!part) abort();
    #pragma omp parallel
    {
        const int threads = omp_get_num_threads();
        float *restrict mine = part + (size_t)omp_get_thread_num() * 245760;
        float *restrict tile = malloc(sizeof(float) * 245760);
        if (!tile) abort();
        int first = 1;  /* the thread's first tile writes its partial (β = 0): never zeroed first */
        #pragma omp for schedule(static) nowait
        for (long t = 0; t < 4; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 1024 ? 256 : 1024 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 960; c++) {
                    const float t0 = x[r * 960 + c];
                    const float t1 = (t0 - stats[c]) * q0[c] + beta[c];
                    const float t2 = t1 * ba_sigmoid(t1);
                    const float t3 = scale[(r / 256) * 960 + c];
                    const float t4 = t2 * t3;
                    tile[(r - m0) * 960 + c] = t4;
                }
            }
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 256, 960, rows, 1.0f, dy + m0 * 256, 256, tile, 960, first ? 0.0f : 1.0f, mine, 960);
            first = 0;
        }
        if (first) memset(mine, 0, sizeof(float) * 245760);  /* a thread without tiles */
        free(tile);
        /* dw = Σ_t part[t], in thread order, split over the threads (after every partial is written) */
        #pragma omp barrier
        #pragma omp for schedule(static)
        for (long j = 0; j < 245760; j++) {
            float s = 0.0f;
            for (int t = 0; t < threads; t++) s += part[(size_t)t * 245760 + j];
            grad[j] += s;
        }
    }
    free(part);
}

/*
 * %2489 = conv2d_bwd_input(%2484, %925) : f32[4,32,32,960]  features.6.0.block.1.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2489 -> A + 7864320
 * in  %2484 f32[4,16,16,960] <- A + 11796480
 * in  %925 f32[960,1,3,3] <- M + 5440936 (features.6.0.block.1.0.weight)
 */
void k157b_dwconv3x3s2_bwd_input(
    float *restrict dx /* [4,32,32,960] */,
    const float *restrict dy /* [4,16,16,960] */,
    const float *restrict w /* [960,1,3,3] */) {
    /* dx of x (4,32,32,960) w (960,1,3,3) y (4,16,16,960) stride 2 pad 1 groups 960 */
    /* Depthwise dx in gather form: dx[n, ih, iw, c] = Σ over the taps reaching (ih, iw) of dy[n, oh, ow, c] · wt[r, s, c],
     * channels innermost, one input row per work item. */
    float *restrict wt = malloc(sizeof(float) * 8640);  /* (R, S, C) */
    if (!wt) abort();
    for (long c = 0; c < 960; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[(r * 3 + s) * 960 + c] = w[(c * 3 + r) * 3 + s];
    #pragma omp parallel for collapse(2) schedule(static)
    for (long n = 0; n < 4; n++) {
        for (long ih = 0; ih < 32; ih++) {
            for (long iw = 0; iw < 32; iw++) {
                float *restrict xp = dx + ((n * 32 + ih) * 32 + iw) * 960;
                for (long c = 0; c < 960; c++) xp[c] = 0.0f;
                for (long r = 0; r < 3; r++) {
                    const long th = ih + 1 - r, oh = th / 2;
                    if (th < 0 || th % 2 != 0 || oh >= 16) continue;
                    for (long s = 0; s < 3; s++) {
                        const long tw = iw + 1 - s, ow = tw / 2;
                        if (tw < 0 || tw % 2 != 0 || ow >= 16) continue;
                        const float *restrict gp = dy + ((n * 16 + oh) * 16 + ow) * 960, *restrict wr = wt + (r * 3 + s) * 960;
                        for (long c = 0; c < 960; c++) xp[c] += gp[c] * wr[c];
                    }
                }
            }
        }
    }
    free(wt);
}

/*
 * %2490 = conv2d_bwd_weight(%2484, %924) : f32[960,1,3,3]  features.6.0.block.1.0
 * %2506 = add(%2505, %2490) : f32[960,1,3,3]  features.6.0.block.1.0.weight
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %2506 -> G + 5440936
 * in  %2484 f32[4,16,16,960] <- A + 11796480
 * in  %924 f32[4,32,32,960] <- A + 3932160
 * in  %2505 f32[960,1,3,3] <- G + 5440936 (features.6.0.block.1.0.weight)
 */
void k157b_dwconv3x3s2_bwd_weight_acc(
    float *restrict grad /* [960,1,3,3] */,
    const float *restrict dy /* [4,16,16,960] */,
    const float *restrict x /* [4,32,32,960] */) {
    /* dw of x (4,32,32,960) w (960,1,3,3) y (4,16,16,960) stride 2 pad 1 groups 960, added into the accumulator */
    /* Depthwise dw: dw[c, r, s] = Σ_{n, oh, ow} dy[n, oh, ow, c] · x[n, ih, iw, c], channels innermost. Each thread
     * sums a fixed range of output rows into its own (R, S, C) partial (each row in float, the partial in
     * double); the partials are added in thread order. */
    const int max_threads = omp_get_max_threads();
    double *restrict part = calloc((size_t)max_threads * 8640, sizeof(double));  /* (threads, R, S, C) */
    if (!part) abort();
    int threads = 1;
    #pragma omp parallel num_threads(max_threads)
    {
        const int thread = omp_get_thread_num(), team = omp_get_num_threads();
        if (thread == 0) threads = team;
        float *restrict rowsum = malloc(sizeof(float) * 8640);  /* (R, S, C): the sums of one output row */
        if (!rowsum) abort();
        double *restrict acc = part + (long)thread * 8640;
        for (long row = 64L * thread / team; row < 64L * (thread + 1) / team; row++) {
            const long n = row / 16, oh = row % 16;
            memset(rowsum, 0, 8640 * sizeof(float));
            for (long ow = 0; ow < 16; ow++) {
                const float *restrict gp = dy + ((n * 16 + oh) * 16 + ow) * 960;
                for (long r = 0; r < 3; r++) {
                    const long ih = oh * 2 - 1 + r;
                    if (ih < 0 || ih >= 32) continue;
                    for (long s = 0; s < 3; s++) {
                        const long iw = ow * 2 - 1 + s;
                        if (iw < 0 || iw >= 32) continue;
                        const float *restrict xp = x + ((n * 32 + ih) * 32 + iw) * 960;
                        float *restrict rp = rowsum + (r * 3 + s) * 960;
                        for (long c = 0; c < 960; c++) rp[c] += gp[c] * xp[c];
                    }
                }
            }
            for (long i = 0; i < 8640; i++) acc[i] += rowsum[i];
        }
        free(rowsum);
    }
    /* dw[c, r, s] = Σ_thread part[thread, r, s, c], in thread order */
    #pragma omp parallel for schedule(static)
    for (long c = 0; c < 960; c++) {
        for (long t = 0; t < 9; t++) {
            double sum = 0.0;
            for (int thread = 0; thread < threads; thread++) sum += part[((long)thread * 9 + t) * 960 + c];
            grad[c * 9 + t] += (float)sum;
        }
    }
    free(part);
}

/*
 * %923 = bn_train(%915, %920, %916, %917) : f32[4,32,32,960]  features.6.0.block.0.1
 * %2491 = silu_bwd(%2489, %923) : f32[4,32,32,960]  features.6.0.block.0.2
 * %2492 = bn_bwd_reduce(%2491, %915, %920) : f32[2,960]  features.6.0.block.0.1
 * 19 call sites share this function; the nodes and locations above are the first one's.
 * out %2492 -> A + 88510464
 * in  %915 f32[4,32,32,960] <- A + 0
 * in  %916 f32[960] <- M + 5439016 (features.6.0.block.0.1.weight)
 * in  %917 f32[960] <- M + 5439976 (features.6.0.block.0.1.bias)
 * in  %920 f32[2,960] <- A + 89293568
 * in  %2489 f32[4,32,32,960] <- A + 7864320
 */
void k155b_bn_train_silu_bwd_bn_bwd_reduce(
    float *restrict dstats /* [2,960] */,
    const float *restrict x /* [4,32,32,960] */,
    const float *restrict gamma /* [960] */,
    const float *restrict beta /* [960] */,
    const float *restrict stats /* [2,960] */,
    const float *restrict dy /* [4,32,32,960] */) {
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
                const float t0 = dy[r * 960 + c];
                const float t1 = x[r * 960 + c];
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
 * %923 = bn_train(%915, %920, %916, %917) : f32[4,32,32,960]  features.6.0.block.0.1
 * %2491 = silu_bwd(%2489, %923) : f32[4,32,32,960]  features.6.0.block.0.2
 * %2493 = bn_bwd_input(%2491, %915, %920, %916, %2492) : f32[4,32,32,960]  features.6.0.block.0.1
 * 19 call sites share this function; the nodes and locations above are the first one's.
 * out %2493 -> A + 3932160
 * in  %915 f32[4,32,32,960] <- A + 0
 * in  %916 f32[960] <- M + 5439016 (features.6.0.block.0.1.weight)
 * in  %917 f32[960] <- M + 5439976 (features.6.0.block.0.1.bias)
 * in  %920 f32[2,960] <- A + 89293568
 * in  %2489 f32[4,32,32,960] <- A + 7864320
 * in  %2492 f32[2,960] <- A + 88510464
 */
void k155b_bn_train_silu_bwd_bn_bwd_input(
    float *restrict dx /* [4,32,32,960] */,
    const float *restrict x /* [4,32,32,960] */,
    const float *restrict gamma /* [960] */,
    const float *restrict beta /* [960] */,
    const float *restrict stats /* [2,960] */,
    const float *restrict dy /* [4,32,32,960] */,
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
            const float t0 = dy[r * 960 + c];
            const float t1 = x[r * 960 + c];
            const float t2 = (t1 - stats[c]) * q0[c] + beta[c];
            const float t3s = ba_sigmoid(t2);
            const float t3 = t0 * (t3s * (1.0f + t2 * (1.0f - t3s)));
            const float t4 = q1[c] * (t3 - q2[c] - (t1 - stats[c]) * q3[c]);
            dx[i] = t4;
        }
    }
}
