/* Kernels k320 to k335 and their backward kernels. */
#include "kernels.h"

/*
 * %2375 = bn_eval(%2370, %2371, %2372, %2373, %2374) : f32[4,512]  classifier.2
 * %2376 = relu(%2375) : f32[4,512]  classifier.3
 * out %2376 -> A + 2048
 * in  %2370 f32[4,512] <- A + 0
 * in  %2371 f32[512] <- M + 53719126 (classifier.2.weight)
 * in  %2372 f32[512] <- M + 53719638 (classifier.2.bias)
 * in  %2373 f32[512] <- M + 54144793 (classifier.2.running_mean)
 * in  %2374 f32[512] <- M + 54145305 (classifier.2.running_var)
 */
void k320_bn_eval_relu(
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
 * %2384 = bn_eval(%2379, %2380, %2381, %2382, %2383) : f32[4,256]  classifier.6
 * %2385 = relu(%2384) : f32[4,256]  classifier.7
 * out %2385 -> A + 1024
 * in  %2379 f32[4,256] <- A + 0
 * in  %2380 f32[256] <- M + 53851478 (classifier.6.weight)
 * in  %2381 f32[256] <- M + 53851734 (classifier.6.bias)
 * in  %2382 f32[256] <- M + 54145817 (classifier.6.running_mean)
 * in  %2383 f32[256] <- M + 54146073 (classifier.6.running_var)
 */
void k321_bn_eval_relu(
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
 * %2389 = softmax(%2388) : f32[4,3]  softmax
 * out %2389 -> io[13]
 * in  %2388 f32[4,3] <- io[12]
 */
void k322_softmax(float *restrict y /* [4,3] */, const float *restrict x /* [4,3] */) {
    for (long r = 0; r < 4; r++) {
        float m = x[r * 3];
        for (long j = 1; j < 3; j++) m = fmaxf(m, x[r * 3 + j]);
        double sum = 0.0;
        for (long j = 0; j < 3; j++) sum += exp((double)x[r * 3 + j] - m);
        for (long j = 0; j < 3; j++) y[r * 3 + j] = (float)(exp((double)x[r * 3 + j] - m) / sum);
    }
}
