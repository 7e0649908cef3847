/* Kernels k272 to k287 and their backward kernels. */
#include "kernels.h"

/*
 * %1662 = bn_eval(%1657, %1658, %1659, %1660, %1661) : f32[4,512]  classifier.2
 * %1663 = relu(%1662) : f32[4,512]  classifier.3
 * out %1663 -> A + 2048
 * in  %1657 f32[4,512] <- A + 0
 * in  %1658 f32[512] <- M + 21038258 (classifier.2.weight)
 * in  %1659 f32[512] <- M + 21038770 (classifier.2.bias)
 * in  %1660 f32[512] <- M + 21325765 (classifier.2.running_mean)
 * in  %1661 f32[512] <- M + 21326277 (classifier.2.running_var)
 */
void k272_bn_eval_relu(
    float *restrict y /* [4,512] */,
    const float *restrict x /* [4,512] */,
    const float *restrict gamma /* [512] */,
    const float *restrict beta /* [512] */,
    const float *restrict running_mean /* [512] */,
    const float *restrict running_var /* [512] */) {
    float q0[512];  /* γ / sqrt(running_var + eps) */
    for (long c = 0; c < 512; c++) {
        q0[c] = gamma[c] / sqrtf(running_var[c] + 1e-05f);
    }
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 512; c++) {
            const long i = r * 512 + c;
            const float t0 = x[r * 512 + c];
            const float t1 = (t0 - running_mean[c]) * q0[c] + beta[c];
            const float t2 = t1 > 0.0f ? t1 : 0.0f;
            y[i] = t2;
        }
    }
}

/*
 * %1671 = bn_eval(%1666, %1667, %1668, %1669, %1670) : f32[4,256]  classifier.6
 * %1672 = relu(%1671) : f32[4,256]  classifier.7
 * out %1672 -> A + 1024
 * in  %1666 f32[4,256] <- A + 0
 * in  %1667 f32[256] <- M + 21170610 (classifier.6.weight)
 * in  %1668 f32[256] <- M + 21170866 (classifier.6.bias)
 * in  %1669 f32[256] <- M + 21326789 (classifier.6.running_mean)
 * in  %1670 f32[256] <- M + 21327045 (classifier.6.running_var)
 */
void k273_bn_eval_relu(
    float *restrict y /* [4,256] */,
    const float *restrict x /* [4,256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict running_mean /* [256] */,
    const float *restrict running_var /* [256] */) {
    float q0[256];  /* γ / sqrt(running_var + eps) */
    for (long c = 0; c < 256; c++) {
        q0[c] = gamma[c] / sqrtf(running_var[c] + 1e-05f);
    }
    for (long r = 0; r < 4; r++) {
        #pragma omp simd
        for (long c = 0; c < 256; c++) {
            const long i = r * 256 + c;
            const float t0 = x[r * 256 + c];
            const float t1 = (t0 - running_mean[c]) * q0[c] + beta[c];
            const float t2 = t1 > 0.0f ? t1 : 0.0f;
            y[i] = t2;
        }
    }
}

/*
 * %1676 = softmax(%1675) : f32[4,3]  softmax
 * out %1676 -> io[13]
 * in  %1675 f32[4,3] <- io[12]
 */
void k274_softmax(float *restrict y /* [4,3] */, const float *restrict x /* [4,3] */) {
    for (long r = 0; r < 4; r++) {
        float m = x[r * 3];
        for (long j = 1; j < 3; j++) m = fmaxf(m, x[r * 3 + j]);
        double sum = 0.0;
        for (long j = 0; j < 3; j++) sum += exp((double)x[r * 3 + j] - m);
        for (long j = 0; j < 3; j++) y[r * 3 + j] = (float)(exp((double)x[r * 3 + j] - m) / sum);
    }
}
