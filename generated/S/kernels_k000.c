/* Kernels k000 to k015 and their backward kernels. */
#include "kernels.h"

/*
 * %7 = bn_fold_weight(%2, %3, %6) : f32[24,3,3,3]  features.0.1
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %7 -> A + 6291456
 * in  %2 f32[24,3,3,3] <- M + 0 (features.0.0.weight)
 * in  %3 f32[24] <- M + 648 (features.0.1.weight)
 * in  %6 f32[24] <- M + 21171917 (features.0.1.running_var)
 */
void k000_bn_fold_weight(
    float *restrict w_folded /* [24,3,3,3] */,
    const float *restrict w /* [24,3,3,3] */,
    const float *restrict gamma /* [24] */,
    const float *restrict running_var /* [24] */) {
    /* w (24, 27) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 24; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 27; j++) w_folded[k * 27 + j] = w[k * 27 + j] * s;
    }
}

/*
 * %8 = bn_fold_bias(%3, %4, %5, %6) : f32[24]  features.0.1
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %8 -> A + 12582912
 * in  %3 f32[24] <- M + 648 (features.0.1.weight)
 * in  %4 f32[24] <- M + 672 (features.0.1.bias)
 * in  %5 f32[24] <- M + 21171893 (features.0.1.running_mean)
 * in  %6 f32[24] <- M + 21171917 (features.0.1.running_var)
 */
void k001_bn_fold_bias(
    float *restrict bias_folded /* [24] */,
    const float *restrict gamma /* [24] */,
    const float *restrict beta /* [24] */,
    const float *restrict running_mean /* [24] */,
    const float *restrict running_var /* [24] */) {
    for (long k = 0; k < 24; k++) bias_folded[k] = beta[k] - running_mean[k] * gamma[k] / sqrtf(running_var[k] + 0.001f);
}

/*
 * %9 = conv2d(%0, %7) : f32[4,256,256,24]  features.0.0
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %9 -> A + 0
 * in  %0 f32[4,512,512,3] <- io[6] (images)
 * in  %7 f32[24,3,3,3] <- A + 6291456
 */
void k002_conv3x3s2(
    float *restrict y /* [4,256,256,24] */,
    const float *restrict x /* [4,512,512,3] */,
    const float *restrict w /* [24,3,3,3] */) {
    /* x (4,512,512,3) w (24,3,3,3) y (4,256,256,24) stride 2 pad 1 */
    /* Implicit GEMM: y (N·Ho·Wo, Kg) = im2col(x) (N·Ho·Wo, R·S·Cg) · wtᵀ per group, wt = w as (K, R, S, Cg).
     * Tiles of 1024 output pixels: each thread gathers its tile of im2col into scratch, then one sgemm. */
    float *restrict wt = malloc(sizeof(float) * 648);  /* (K, R, S, Cg) */
    if (!wt) abort();
    for (long k = 0; k < 24; k++) for (long c = 0; c < 3; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[((k * 3 + r) * 3 + s) * 3 + c] = w[((k * 3 + c) * 3 + r) * 3 + s];
    float *wt_f32 = breastai_gemm_f32_pack(CblasTrans, 24, 27, wt, 27);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict col = malloc(sizeof(float) * 27648);  /* (1024, R·S·Cg): one tile of im2col */
        if (!col) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 256; t++) {
            const long m0 = t * 1024, pixels = m0 + 1024 <= 262144 ? 1024 : 262144 - m0;
            /* im2col tile: col[p, (r, s, c)] = x[n, oh * 2 - 1 + r, ow * 2 - 1 + s, c], 0 in the padding */
            for (long p = 0; p < pixels; p++) {
                const long m = m0 + p, n = m / 65536, oh = m / 256 % 256, ow = m % 256;
                for (long r = 0; r < 3; r++) {
                    const long ih = oh * 2 - 1 + r, iw0 = ow * 2 - 1;
                    float *restrict dst = col + p * 27 + r * 9;
                    if (ih < 0 || ih >= 512) { memset(dst, 0, 9 * sizeof(float)); continue; }
                    const long row = (n * 512 + ih) * 512;
                    if (iw0 >= 0 && iw0 + 3 <= 512) { memcpy(dst, x + (row + iw0) * 3, 9 * sizeof(float)); continue; }
                    for (long s = 0; s < 3; s++) {
                        const long iw = iw0 + s;
                        if (iw < 0 || iw >= 512) memset(dst + s * 3, 0, 3 * sizeof(float));
                        else memcpy(dst + s * 3, x + (row + iw) * 3, 3 * sizeof(float));
                    }
                }
            }
            /* y[m0 ..< m0 + pixels] (pixels, Kg) = col (pixels, R·S·Cg) · wtᵀ (R·S·Cg, Kg) */
            breastai_gemm_f32_packed(CblasNoTrans, pixels, 24, 27, 1.0f, col, 27, wt_f32, 0.0f, y + m0 * 24, 24);
        }
        free(col);
    }
    free(wt_f32);
    free(wt);
}

/*
 * %11 = add(%9, %10) : f32[4,256,256,24]  features.0.1
 * %12 = silu(%11) : f32[4,256,256,24]  features.0.2
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %12 -> A + 6291456
 * in  %9 f32[4,256,256,24] <- A + 0
 * in  %10 f32[1,1,1,24] <- A + 12582912
 */
void k003_add_silu(
    float *restrict y /* [4,256,256,24] */,
    const float *restrict x /* [4,256,256,24] */,
    const float *restrict bias /* [1,1,1,24] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 262144; r++) {
        #pragma omp simd
        for (long c = 0; c < 24; c++) {
            const long i = r * 24 + c;
            const float t0 = x[r * 24 + c];
            const float t1 = bias[c];
            const float t2 = t0 + t1;
            const float t3 = t2 * ba_sigmoid(t2);
            y[i] = t3;
        }
    }
}

/*
 * %18 = bn_fold_weight(%13, %14, %17) : f32[24,24,3,3]  features.1.0.block.0.1
 * 8 call sites share this function; the nodes and locations above are the first one's.
 * out %18 -> A + 12582912
 * in  %13 f32[24,24,3,3] <- M + 696 (features.1.0.block.0.0.weight)
 * in  %14 f32[24] <- M + 5880 (features.1.0.block.0.1.weight)
 * in  %17 f32[24] <- M + 21171965 (features.1.0.block.0.1.running_var)
 */
void k004_bn_fold_weight(
    float *restrict w_folded /* [24,24,3,3] */,
    const float *restrict w /* [24,24,3,3] */,
    const float *restrict gamma /* [24] */,
    const float *restrict running_var /* [24] */) {
    /* w (24, 216) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 24; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 216; j++) w_folded[k * 216 + j] = w[k * 216 + j] * s;
    }
}

/*
 * %20 = conv2d(%12, %18) : f32[4,256,256,24]  features.1.0.block.0.0
 * 10 call sites share this function; the nodes and locations above are the first one's.
 * out %20 -> A + 0
 * in  %12 f32[4,256,256,24] <- A + 6291456
 * in  %18 f32[24,24,3,3] <- A + 12582912
 */
void k005_conv3x3(
    float *restrict y /* [4,256,256,24] */,
    const float *restrict x /* [4,256,256,24] */,
    const float *restrict w /* [24,24,3,3] */) {
    /* x (4,256,256,24) w (24,24,3,3) y (4,256,256,24) stride 1 pad 1 */
    /* Winograd F(4x4, 3x3): 16384 tiles of 4x4 outputs, chunks of 48; per chunk V = Bᵀ d B (36, tiles, C),
     * M[ξ] = V[ξ] · U[ξ] (36 GEMMs, U = G g Gᵀ packed once), y = Aᵀ M A. */
    float *restrict u = malloc(sizeof(float) * 20736);  /* U[ξ] (C, K) */
    if (!u) abort();
    #pragma omp parallel for schedule(static)
    for (long k = 0; k < 24; k++) {
        for (long c = 0; c < 24; c++) {
            const float *g = w + (k * 24 + c) * 9;
            float v[36];
            ba_wino4_weight(g, v);
            #pragma GCC unroll 36
            for (int xi = 0; xi < 36; xi++) u[(xi * 24 + c) * 24 + k] = v[xi];
        }
    }
    float *packed[36];
    #pragma omp parallel for schedule(static)
    for (int xi = 0; xi < 36; xi++) packed[xi] = breastai_gemm_f32_pack(CblasNoTrans, 24, 24, u + xi * 576, 24);
    free(u);
    #pragma omp parallel
    {
        float *restrict vt = malloc(sizeof(float) * 41472);  /* V (36, chunk, C) */
        float *restrict mt = malloc(sizeof(float) * 41472);  /* M (36, chunk, K) */
        float *restrict zero = calloc(24, sizeof(float));  /* the padding's pixel */
        if (!vt || !mt || !zero) abort();
        #pragma omp for schedule(static)
        for (long b = 0; b < 342; b++) {
            const long t0 = b * 48, count = t0 + 48 <= 16384 ? 48 : 16384 - t0;
            /* V = Bᵀ d B, channels innermost */
            for (long t = 0; t < count; t++) {
                const long n = (t0 + t) / 4096, ty = (t0 + t) / 64 % 64, tx = (t0 + t) % 64;
                const float *p[6][6];  /* the patch's pixels, `zero` outside x */
                for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) {
                    const long ih = 4 * ty - 1 + i, iw = 4 * tx - 1 + j;
                    p[i][j] = ih < 0 || ih >= 256 || iw < 0 || iw >= 256 ? zero : x + ((n * 256 + ih) * 256 + iw) * 24;
                }
                for (long c = 0; c < 24; c++) {
                    float q[36], v[36];
                    #pragma GCC unroll 36
                    for (int i = 0; i < 36; i++) q[i] = p[i / 6][i % 6][c];
                    ba_wino4_input(q, v);
                    #pragma GCC unroll 36
                    for (int xi = 0; xi < 36; xi++) vt[(xi * 48 + t) * 24 + c] = v[xi];
                }
            }
            for (int xi = 0; xi < 36; xi++)
                breastai_gemm_f32_packed(CblasNoTrans, count, 24, 24, 1.0f, vt + xi * 1152, 24, packed[xi], 0.0f, mt + xi * 1152, 24);
            /* y = Aᵀ M A, output channels innermost; a tile past the last row or column writes only its outputs inside y */
            for (long t = 0; t < count; t++) {
                const long n = (t0 + t) / 4096, ty = (t0 + t) / 64 % 64, tx = (t0 + t) % 64;
                float *restrict y00 = y + ((n * 256 + 4 * ty) * 256 + 4 * tx) * 24;
                const long rows = 256 - 4 * ty < 4 ? 256 - 4 * ty : 4, cols = 256 - 4 * tx < 4 ? 256 - 4 * tx : 4;
                if (rows == 4 && cols == 4) {
                    for (long k = 0; k < 24; k++) {
                        float m[36], o[16];
                        #pragma GCC unroll 36
                        for (int xi = 0; xi < 36; xi++) m[xi] = mt[(xi * 48 + t) * 24 + k];
                        ba_wino4_output(m, o);
                        for (long i = 0; i < 4; i++)
                            for (long j = 0; j < 4; j++) y00[(i * 256 + j) * 24 + k] = o[4 * i + j];
                    }
                    continue;
                }
                for (long k = 0; k < 24; k++) {
                    float m[36], o[16];
                    #pragma GCC unroll 36
                    for (int xi = 0; xi < 36; xi++) m[xi] = mt[(xi * 48 + t) * 24 + k];
                    ba_wino4_output(m, o);
                    for (long i = 0; i < rows; i++)
                        for (long j = 0; j < cols; j++) y00[(i * 256 + j) * 24 + k] = o[4 * i + j];
                }
            }
        }
        free(vt);
        free(mt);
        free(zero);
    }
    for (int xi = 0; xi < 36; xi++) free(packed[xi]);
}

/*
 * %22 = add(%20, %21) : f32[4,256,256,24]  features.1.0.block.0.1
 * %23 = silu(%22) : f32[4,256,256,24]  features.1.0.block.0.2
 * %24 = add(%23, %12) : f32[4,256,256,24]  features.1.0
 * 8 call sites share this function; the nodes and locations above are the first one's.
 * out %24 -> A + 12582912
 * in  %12 f32[4,256,256,24] <- A + 6291456
 * in  %20 f32[4,256,256,24] <- A + 0
 * in  %21 f32[1,1,1,24] <- A + 18874368
 */
void k006_add_silu(
    float *restrict y /* [4,256,256,24] */,
    const float *restrict b /* [4,256,256,24] */,
    const float *restrict x /* [4,256,256,24] */,
    const float *restrict bias /* [1,1,1,24] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 262144; r++) {
        #pragma omp simd
        for (long c = 0; c < 24; c++) {
            const long i = r * 24 + c;
            const float t0 = x[r * 24 + c];
            const float t1 = bias[c];
            const float t2 = t0 + t1;
            const float t3 = t2 * ba_sigmoid(t2);
            const float t4 = b[r * 24 + c];
            const float t5 = t3 + t4;
            y[i] = t5;
        }
    }
}

/*
 * %42 = bn_fold_weight(%37, %38, %41) : f32[96,24,3,3]  features.2.0.block.0.1
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %42 -> A + 12582912
 * in  %37 f32[96,24,3,3] <- M + 11160 (features.2.0.block.0.0.weight)
 * in  %38 f32[96] <- M + 31896 (features.2.0.block.0.1.weight)
 * in  %41 f32[96] <- M + 21172133 (features.2.0.block.0.1.running_var)
 */
void k007_bn_fold_weight(
    float *restrict w_folded /* [96,24,3,3] */,
    const float *restrict w /* [96,24,3,3] */,
    const float *restrict gamma /* [96] */,
    const float *restrict running_var /* [96] */) {
    /* w (96, 216) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 96; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 216; j++) w_folded[k * 216 + j] = w[k * 216 + j] * s;
    }
}

/*
 * %43 = bn_fold_bias(%38, %39, %40, %41) : f32[96]  features.2.0.block.0.1
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %43 -> A + 12603648
 * in  %38 f32[96] <- M + 31896 (features.2.0.block.0.1.weight)
 * in  %39 f32[96] <- M + 31992 (features.2.0.block.0.1.bias)
 * in  %40 f32[96] <- M + 21172037 (features.2.0.block.0.1.running_mean)
 * in  %41 f32[96] <- M + 21172133 (features.2.0.block.0.1.running_var)
 */
void k008_bn_fold_bias(
    float *restrict bias_folded /* [96] */,
    const float *restrict gamma /* [96] */,
    const float *restrict beta /* [96] */,
    const float *restrict running_mean /* [96] */,
    const float *restrict running_var /* [96] */) {
    for (long k = 0; k < 96; k++) bias_folded[k] = beta[k] - running_mean[k] * gamma[k] / sqrtf(running_var[k] + 0.001f);
}

/*
 * %44 = conv2d(%36, %42) : f32[4,128,128,96]  features.2.0.block.0.0
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %44 -> A + 0
 * in  %36 f32[4,256,256,24] <- A + 6291456
 * in  %42 f32[96,24,3,3] <- A + 12582912
 */
void k009_conv3x3s2(
    float *restrict y /* [4,128,128,96] */,
    const float *restrict x /* [4,256,256,24] */,
    const float *restrict w /* [96,24,3,3] */) {
    /* x (4,256,256,24) w (96,24,3,3) y (4,128,128,96) stride 2 pad 1 */
    /* Implicit GEMM: y (N·Ho·Wo, Kg) = im2col(x) (N·Ho·Wo, R·S·Cg) · wtᵀ per group, wt = w as (K, R, S, Cg).
     * Tiles of 592 output pixels: each thread gathers its tile of im2col into scratch, then one sgemm. */
    float *restrict wt = malloc(sizeof(float) * 20736);  /* (K, R, S, Cg) */
    if (!wt) abort();
    for (long k = 0; k < 96; k++) for (long c = 0; c < 24; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[((k * 3 + r) * 3 + s) * 24 + c] = w[((k * 24 + c) * 3 + r) * 3 + s];
    float *wt_f32 = breastai_gemm_f32_pack(CblasTrans, 96, 216, wt, 216);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict col = malloc(sizeof(float) * 127872);  /* (592, R·S·Cg): one tile of im2col */
        if (!col) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 111; t++) {
            const long m0 = t * 592, pixels = m0 + 592 <= 65536 ? 592 : 65536 - m0;
            /* im2col tile: col[p, (r, s, c)] = x[n, oh * 2 - 1 + r, ow * 2 - 1 + s, c], 0 in the padding */
            for (long p = 0; p < pixels; p++) {
                const long m = m0 + p, n = m / 16384, oh = m / 128 % 128, ow = m % 128;
                for (long r = 0; r < 3; r++) {
                    const long ih = oh * 2 - 1 + r, iw0 = ow * 2 - 1;
                    float *restrict dst = col + p * 216 + r * 72;
                    if (ih < 0 || ih >= 256) { memset(dst, 0, 72 * sizeof(float)); continue; }
                    const long row = (n * 256 + ih) * 256;
                    if (iw0 >= 0 && iw0 + 3 <= 256) { memcpy(dst, x + (row + iw0) * 24, 72 * sizeof(float)); continue; }
                    for (long s = 0; s < 3; s++) {
                        const long iw = iw0 + s;
                        if (iw < 0 || iw >= 256) memset(dst + s * 24, 0, 24 * sizeof(float));
                        else memcpy(dst + s * 24, x + (row + iw) * 24, 24 * sizeof(float));
                    }
                }
            }
            /* y[m0 ..< m0 + pixels] (pixels, Kg) = col (pixels, R·S·Cg) · wtᵀ (R·S·Cg, Kg) */
            breastai_gemm_f32_packed(CblasNoTrans, pixels, 96, 216, 1.0f, col, 216, wt_f32, 0.0f, y + m0 * 96, 96);
        }
        free(col);
    }
    free(wt_f32);
    free(wt);
}

/*
 * %53 = bn_fold_weight(%48, %49, %52) : f32[48,96,1,1]  features.2.0.block.1.1
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %53 -> A + 9437184
 * in  %48 f32[48,96,1,1] <- M + 32088 (features.2.0.block.1.0.weight)
 * in  %49 f32[48] <- M + 36696 (features.2.0.block.1.1.weight)
 * in  %52 f32[48] <- M + 21172277 (features.2.0.block.1.1.running_var)
 */
void k010_bn_fold_weight(
    float *restrict w_folded /* [48,96,1,1] */,
    const float *restrict w /* [48,96,1,1] */,
    const float *restrict gamma /* [48] */,
    const float *restrict running_var /* [48] */) {
    /* w (48, 96) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 48; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 96; j++) w_folded[k * 96 + j] = w[k * 96 + j] * s;
    }
}

/*
 * %54 = bn_fold_bias(%49, %50, %51, %52) : f32[48]  features.2.0.block.1.1
 * 16 call sites share this function; the nodes and locations above are the first one's.
 * out %54 -> A + 9441792
 * in  %49 f32[48] <- M + 36696 (features.2.0.block.1.1.weight)
 * in  %50 f32[48] <- M + 36744 (features.2.0.block.1.1.bias)
 * in  %51 f32[48] <- M + 21172229 (features.2.0.block.1.1.running_mean)
 * in  %52 f32[48] <- M + 21172277 (features.2.0.block.1.1.running_var)
 */
void k011_bn_fold_bias(
    float *restrict bias_folded /* [48] */,
    const float *restrict gamma /* [48] */,
    const float *restrict beta /* [48] */,
    const float *restrict running_mean /* [48] */,
    const float *restrict running_var /* [48] */) {
    for (long k = 0; k < 48; k++) bias_folded[k] = beta[k] - running_mean[k] * gamma[k] / sqrtf(running_var[k] + 0.001f);
}

/*
 * %46 = add(%44, %45) : f32[4,128,128,96]  features.2.0.block.0.1
 * %47 = silu(%46) : f32[4,128,128,96]  features.2.0.block.0.2
 * %55 = conv2d(%47, %53) : f32[4,128,128,48]  features.2.0.block.1.0
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %55 -> A + 6291456
 * in  %44 f32[4,128,128,96] <- A + 0
 * in  %45 f32[1,1,1,96] <- A + 12603648
 * in  %53 f32[48,96,1,1] <- A + 9437184
 */
void k012_add_silu_conv1x1(
    float *restrict y /* [4,128,128,48] */,
    const float *restrict x /* [4,128,128,96] */,
    const float *restrict bias /* [1,1,1,96] */,
    const float *restrict w /* [48,96,1,1] */) {
    /* y (65536, 48) = f(x) (65536, 96) · wᵀ: tiles of 656 rows of f(x) computed into scratch, one sgemm each */
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
                    const float t1 = bias[c];
                    const float t2 = t0 + t1;
                    const float t3 = t2 * ba_sigmoid(t2);
                    tile[(r - m0) * 96 + c] = t3;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 48, 96, 1.0f, tile, 96, w_f32, 0.0f, y + m0 * 48, 48);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %57 = add(%55, %56) : f32[4,128,128,48]  features.2.0.block.1.1
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %57 -> A + 12582912
 * in  %55 f32[4,128,128,48] <- A + 6291456
 * in  %56 f32[1,1,1,48] <- A + 9441792
 */
void k013_add(
    float *restrict y /* [4,128,128,48] */,
    const float *restrict x /* [4,128,128,48] */,
    const float *restrict bias /* [1,1,1,48] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 65536; r++) {
        #pragma omp simd
        for (long c = 0; c < 48; c++) {
            const long i = r * 48 + c;
            const float t0 = x[r * 48 + c];
            const float t1 = bias[c];
            const float t2 = t0 + t1;
            y[i] = t2;
        }
    }
}

/*
 * %63 = bn_fold_weight(%58, %59, %62) : f32[192,48,3,3]  features.2.1.block.0.1
 * 16 call sites share this function; the nodes and locations above are the first one's.
 * out %63 -> A + 15728640
 * in  %58 f32[192,48,3,3] <- M + 36792 (features.2.1.block.0.0.weight)
 * in  %59 f32[192] <- M + 119736 (features.2.1.block.0.1.weight)
 * in  %62 f32[192] <- M + 21172517 (features.2.1.block.0.1.running_var)
 */
void k014_bn_fold_weight(
    float *restrict w_folded /* [192,48,3,3] */,
    const float *restrict w /* [192,48,3,3] */,
    const float *restrict gamma /* [192] */,
    const float *restrict running_var /* [192] */) {
    /* w (192, 432) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 192; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 432; j++) w_folded[k * 432 + j] = w[k * 432 + j] * s;
    }
}

/*
 * %64 = bn_fold_bias(%59, %60, %61, %62) : f32[192]  features.2.1.block.0.1
 * 16 call sites share this function; the nodes and locations above are the first one's.
 * out %64 -> A + 18883584
 * in  %59 f32[192] <- M + 119736 (features.2.1.block.0.1.weight)
 * in  %60 f32[192] <- M + 119928 (features.2.1.block.0.1.bias)
 * in  %61 f32[192] <- M + 21172325 (features.2.1.block.0.1.running_mean)
 * in  %62 f32[192] <- M + 21172517 (features.2.1.block.0.1.running_var)
 */
void k015_bn_fold_bias(
    float *restrict bias_folded /* [192] */,
    const float *restrict gamma /* [192] */,
    const float *restrict beta /* [192] */,
    const float *restrict running_mean /* [192] */,
    const float *restrict running_var /* [192] */) {
    for (long k = 0; k < 192; k++) bias_folded[k] = beta[k] - running_mean[k] * gamma[k] / sqrtf(running_var[k] + 0.001f);
}

/*
 * %3382 = conv2d_bwd_input(%3377, %39) : f32[4,256,256,24]  features.2.0.block.0.0
 * out %3382 -> A + 0
 * in  %3377 f32[4,128,128,96] <- A + 6291456
 * in  %39 f32[96,24,3,3] <- M + 11160 (features.2.0.block.0.0.weight)
 */
void k009b_conv3x3s2_bwd_input(
    float *restrict dx /* [4,256,256,24] */,
    const float *restrict dy /* [4,128,128,96] */,
    const float *restrict w /* [96,24,3,3] */) {
    /* dx of x (4,256,256,24) w (96,24,3,3) y (4,128,128,96) stride 2 pad 1 */
    /* Transposed convolution by rows of dy: P (Wo, R·S·C) = dy row (Wo, K) · wt (K, R·S·C), one GEMM for up to 4
     * dy rows at a time into a buffer per thread (it stays in L2); each dx row then sums the products of the
     * taps (r, s) that reach it, ih = oh·2 − 1 + r and iw = ow·2 − 1 + s. Blocks of dx rows (2 per
     * image) in parallel; every dx element is written once, by one thread, in (r, s) order. */
    float *restrict wt = malloc(sizeof(float) * 20736);  /* (K, R, S, Cg) */
    if (!wt) abort();
    for (long k = 0; k < 96; k++) for (long c = 0; c < 24; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[((k * 3 + r) * 3 + s) * 24 + c] = w[((k * 24 + c) * 3 + r) * 3 + s];
    float *wt_f32 = breastai_gemm_f32_pack(CblasNoTrans, 216, 96, wt, 216);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict p = malloc(sizeof(float) * 110592);  /* the products of dy rows lo ..< hi */
        if (!p) abort();
        #pragma omp for schedule(static)
        for (long b = 0; b < 8; b++) {
            const long n = b / 2, i0 = b % 2 * 256 / 2, i1 = (b % 2 + 1) * 256 / 2;
            long lo = 0, hi = 0;
            for (long ih = i0; ih < i1; ih++) {
                /* the dy rows reaching dx row ih: first ..< last */
                const long first = ih - 1 <= 0 ? 0 : ih / 2;
                const long last = (ih + 1) / 2 + 1 < 128 ? (ih + 1) / 2 + 1 : 128;
                if (last > first && last > hi) {
                    const long start = hi > first ? hi : first;  /* rows first ..< start are in p already */
                    if (start > first) memmove(p, p + (first - lo) * 27648, sizeof(float) * (start - first) * 27648);
                    lo = first; hi = first + 4 < 128 ? first + 4 : 128;
                    breastai_gemm_f32_packed(CblasNoTrans, (hi - start) * 128, 216, 96, 1.0f, dy + (n * 128 + start) * 12288, 96, wt_f32, 0.0f, p + (start - first) * 27648, 216);
                }
                float *restrict drow = dx + (n * 256 + ih) * 6144;
                for (long iw = 0; iw < 256; iw++) {
                    float *restrict o = drow + iw * 24;
                    for (long c = 0; c < 24; c++) o[c] = 0.0f;
                    for (long r = (ih + 1) % 2; r < 3; r += 2) {
                        const long oh = (ih + 1 - r) / 2;
                        if (ih + 1 < r || oh >= 128) continue;
                        const float *restrict prow = p + (oh - lo) * 27648;
                        for (long s = (iw + 1) % 2; s < 3; s += 2) {
                            const long ow = (iw + 1 - s) / 2;
                            if (iw + 1 < s || ow >= 128) continue;
                            const float *restrict q = prow + ow * 216 + (r * 3 + s) * 24;
                            for (long c = 0; c < 24; c++) o[c] += q[c];
                        }
                    }
                }
            }
        }
        free(p);
    }
    free(wt_f32);
    free(wt);
}

/*
 * %3383 = conv2d_bwd_weight(%3377, %38) : f32[96,24,3,3]  features.2.0.block.0.0
 * %3432 = add(%3431, %3383) : f32[96,24,3,3]  features.2.0.block.0.0.weight
 * out %3432 -> G + 11160
 * in  %3377 f32[4,128,128,96] <- A + 6291456
 * in  %38 f32[4,256,256,24] <- A + 94371840
 * in  %3431 f32[96,24,3,3] <- G + 11160 (features.2.0.block.0.0.weight)
 */
void k009b_conv3x3s2_bwd_weight_acc(
    float *restrict grad /* [96,24,3,3] */,
    const float *restrict dy /* [4,128,128,96] */,
    const float *restrict x /* [4,256,256,24] */) {
    /* dw of x (4,256,256,24) w (96,24,3,3) y (4,128,128,96) stride 2 pad 1, added into the accumulator */
    /* Implicit GEMM: dw (Kg, R·S·Cg) = Σ_tiles dy_tileᵀ (Kg, pixels) · im2col(x)_tile (pixels, R·S·Cg) per group.
     * Tiles of 144 output pixels; each thread sums a fixed range of tiles into its own partial, then the
     * partials are added in thread order. */
    const int max_threads = omp_get_max_threads();
    float *restrict part = calloc((size_t)max_threads * 20736, sizeof(float));  /* (threads, K, R, S, Cg) */
    if (!part) abort();
    int threads = 1;
    #pragma omp parallel num_threads(max_threads)
    {
        const int thread = omp_get_thread_num(), team = omp_get_num_threads();
        if (thread == 0) threads = team;
        float *restrict col = malloc(sizeof(float) * 31104);  /* (144, R·S·Cg): one tile of im2col */
        if (!col) abort();
        float *restrict acc = part + (long)thread * 20736;  /* (K, R·S·Cg) */
        for (long t = 456L * thread / team; t < 456L * (thread + 1) / team; t++) {
            const long m0 = t * 144, pixels = m0 + 144 <= 65536 ? 144 : 65536 - m0;
            /* im2col tile: col[p, (r, s, c)] = x[n, oh * 2 - 1 + r, ow * 2 - 1 + s, c], 0 in the padding */
            for (long p = 0; p < pixels; p++) {
                const long m = m0 + p, n = m / 16384, oh = m / 128 % 128, ow = m % 128;
                for (long r = 0; r < 3; r++) {
                    const long ih = oh * 2 - 1 + r, iw0 = ow * 2 - 1;
                    float *restrict dst = col + p * 216 + r * 72;
                    if (ih < 0 || ih >= 256) { memset(dst, 0, 72 * sizeof(float)); continue; }
                    const long row = (n * 256 + ih) * 256;
                    if (iw0 >= 0 && iw0 + 3 <= 256) { memcpy(dst, x + (row + iw0) * 24, 72 * sizeof(float)); continue; }
                    for (long s = 0; s < 3; s++) {
                        const long iw = iw0 + s;
                        if (iw < 0 || iw >= 256) memset(dst + s * 24, 0, 24 * sizeof(float));
                        else memcpy(dst + s * 24, x + (row + iw) * 24, 24 * sizeof(float));
                    }
                }
            }
            /* acc (Kg, R·S·Cg) += dy[m0 ..< m0 + pixels]ᵀ (Kg, pixels) · col (pixels, R·S·Cg) */
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 96, 216, pixels, 1.0f, dy + m0 * 96, 96, col, 216, 1.0f, acc, 216);
        }
        free(col);
    }
    /* dw[k, c, r, s] = Σ_thread part[thread, k, r, s, c], in thread order */
    #pragma omp parallel for schedule(static)
    for (long k = 0; k < 96; k++) {
        for (long c = 0; c < 24; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++) {
            float sum = 0.0f;
            for (int thread = 0; thread < threads; thread++) sum += part[((long)thread * 96 + k) * 216 + (r * 3 + s) * 24 + c];
            grad[((k * 24 + c) * 3 + r) * 3 + s] += sum;
        }
    }
    free(part);
}

/*
 * %3392 = conv2d_bwd_input(%3387, %25) : f32[4,256,256,24]  features.1.1.block.0.0
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3392 -> A + 12582912
 * in  %3387 f32[4,256,256,24] <- A + 6291456
 * in  %25 f32[24,24,3,3] <- M + 5928 (features.1.1.block.0.0.weight)
 */
void k005b_conv3x3_bwd_input(
    float *restrict dx /* [4,256,256,24] */,
    const float *restrict dy /* [4,256,256,24] */,
    const float *restrict w /* [24,24,3,3] */) {
    /* dx of x (4,256,256,24) w (24,24,3,3) y (4,256,256,24) stride 1 pad 1 */
    /* Winograd F(4x4, 3x3): 16384 tiles of 4x4 outputs, chunks of 48; per chunk V = Bᵀ d B (36, tiles, C),
     * M[ξ] = V[ξ] · U[ξ] (36 GEMMs, U = G g Gᵀ packed once), y = Aᵀ M A. */
    float *restrict u = malloc(sizeof(float) * 20736);  /* U[ξ] (C, K) */
    if (!u) abort();
    #pragma omp parallel for schedule(static)
    for (long k = 0; k < 24; k++) {
        for (long c = 0; c < 24; c++) {
            float g[9];  /* the forward's w[c, k] (c its output channel, k its input), rotated by 180 degrees */
            for (int i = 0; i < 9; i++) g[i] = w[(c * 24 + k) * 9 + 8 - i];
            float v[36];
            ba_wino4_weight(g, v);
            #pragma GCC unroll 36
            for (int xi = 0; xi < 36; xi++) u[(xi * 24 + c) * 24 + k] = v[xi];
        }
    }
    float *packed[36];
    #pragma omp parallel for schedule(static)
    for (int xi = 0; xi < 36; xi++) packed[xi] = breastai_gemm_f32_pack(CblasNoTrans, 24, 24, u + xi * 576, 24);
    free(u);
    #pragma omp parallel
    {
        float *restrict vt = malloc(sizeof(float) * 41472);  /* V (36, chunk, C) */
        float *restrict mt = malloc(sizeof(float) * 41472);  /* M (36, chunk, K) */
        float *restrict zero = calloc(24, sizeof(float));  /* the padding's pixel */
        if (!vt || !mt || !zero) abort();
        #pragma omp for schedule(static)
        for (long b = 0; b < 342; b++) {
            const long t0 = b * 48, count = t0 + 48 <= 16384 ? 48 : 16384 - t0;
            /* V = Bᵀ d B, channels innermost */
            for (long t = 0; t < count; t++) {
                const long n = (t0 + t) / 4096, ty = (t0 + t) / 64 % 64, tx = (t0 + t) % 64;
                const float *p[6][6];  /* the patch's pixels, `zero` outside x */
                for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) {
                    const long ih = 4 * ty - 1 + i, iw = 4 * tx - 1 + j;
                    p[i][j] = ih < 0 || ih >= 256 || iw < 0 || iw >= 256 ? zero : dy + ((n * 256 + ih) * 256 + iw) * 24;
                }
                for (long c = 0; c < 24; c++) {
                    float q[36], v[36];
                    #pragma GCC unroll 36
                    for (int i = 0; i < 36; i++) q[i] = p[i / 6][i % 6][c];
                    ba_wino4_input(q, v);
                    #pragma GCC unroll 36
                    for (int xi = 0; xi < 36; xi++) vt[(xi * 48 + t) * 24 + c] = v[xi];
                }
            }
            for (int xi = 0; xi < 36; xi++)
                breastai_gemm_f32_packed(CblasNoTrans, count, 24, 24, 1.0f, vt + xi * 1152, 24, packed[xi], 0.0f, mt + xi * 1152, 24);
            /* y = Aᵀ M A, output channels innermost; a tile past the last row or column writes only its outputs inside y */
            for (long t = 0; t < count; t++) {
                const long n = (t0 + t) / 4096, ty = (t0 + t) / 64 % 64, tx = (t0 + t) % 64;
                float *restrict y00 = dx + ((n * 256 + 4 * ty) * 256 + 4 * tx) * 24;
                const long rows = 256 - 4 * ty < 4 ? 256 - 4 * ty : 4, cols = 256 - 4 * tx < 4 ? 256 - 4 * tx : 4;
                if (rows == 4 && cols == 4) {
                    for (long k = 0; k < 24; k++) {
                        float m[36], o[16];
                        #pragma GCC unroll 36
                        for (int xi = 0; xi < 36; xi++) m[xi] = mt[(xi * 48 + t) * 24 + k];
                        ba_wino4_output(m, o);
                        for (long i = 0; i < 4; i++)
                            for (long j = 0; j < 4; j++) y00[(i * 256 + j) * 24 + k] = o[4 * i + j];
                    }
                    continue;
                }
                for (long k = 0; k < 24; k++) {
                    float m[36], o[16];
                    #pragma GCC unroll 36
                    for (int xi = 0; xi < 36; xi++) m[xi] = mt[(xi * 48 + t) * 24 + k];
                    ba_wino4_output(m, o);
                    for (long i = 0; i < rows; i++)
                        for (long j = 0; j < cols; j++) y00[(i * 256 + j) * 24 + k] = o[4 * i + j];
                }
            }
        }
        free(vt);
        free(mt);
        free(zero);
    }
    for (int xi = 0; xi < 36; xi++) free(packed[xi]);
}

/*
 * %3393 = conv2d_bwd_weight(%3387, %24) : f32[24,24,3,3]  features.1.1.block.0.0
 * %3426 = add(%3425, %3393) : f32[24,24,3,3]  features.1.1.block.0.0.weight
 * 2 call sites share this function; the nodes and locations above are the first one's.
 * out %3426 -> G + 5928
 * in  %3387 f32[4,256,256,24] <- A + 6291456
 * in  %24 f32[4,256,256,24] <- A + 81788928
 * in  %3425 f32[24,24,3,3] <- G + 5928 (features.1.1.block.0.0.weight)
 */
void k005b_conv3x3_bwd_weight_acc(
    float *restrict grad /* [24,24,3,3] */,
    const float *restrict dy /* [4,256,256,24] */,
    const float *restrict x /* [4,256,256,24] */) {
    /* dw of x (4,256,256,24) w (24,24,3,3) y (4,256,256,24) stride 1 pad 1, added into the accumulator */
    /* Winograd F(4x4, 3x3) weight gradient: 16384 tiles in chunks of 128; per chunk V = Bᵀ d B (36, tiles, C) and
     * E = A dY Aᵀ (36, tiles, K), acc[ξ] (K, C) += E[ξ]ᵀ · V[ξ]; dw = Gᵀ acc G. */
    const int max_threads = omp_get_max_threads();
    float *restrict part = calloc((size_t)max_threads * 20736, sizeof(float));  /* (threads, 36, K, C) */
    if (!part) abort();
    int threads = 1;
    #pragma omp parallel num_threads(max_threads)
    {
        const int thread = omp_get_thread_num(), team = omp_get_num_threads();
        if (thread == 0) threads = team;
        float *restrict vt = malloc(sizeof(float) * 110592);  /* V (36, chunk, C) */
        float *restrict et = malloc(sizeof(float) * 110592);  /* E (36, chunk, K) */
        float *restrict zero = calloc(24, sizeof(float));  /* the padding's pixel of x and of dy */
        float *restrict scratch = aligned_alloc(64, sizeof(float) * breastai_gemm_f32_tn_scratch(24, 128));  /* V[ξ] packed */
        if (!vt || !et || !zero || !scratch) abort();
        float *restrict acc = part + (long)thread * 20736;
        for (long b = 128L * thread / team; b < 128L * (thread + 1) / team; b++) {
            const long t0 = b * 128, count = t0 + 128 <= 16384 ? 128 : 16384 - t0;
            /* V = Bᵀ d B, channels innermost */
            for (long t = 0; t < count; t++) {
                const long n = (t0 + t) / 4096, ty = (t0 + t) / 64 % 64, tx = (t0 + t) % 64;
                const float *p[6][6];  /* the patch's pixels, `zero` outside x */
                for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) {
                    const long ih = 4 * ty - 1 + i, iw = 4 * tx - 1 + j;
                    p[i][j] = ih < 0 || ih >= 256 || iw < 0 || iw >= 256 ? zero : x + ((n * 256 + ih) * 256 + iw) * 24;
                }
                for (long c = 0; c < 24; c++) {
                    float q[36], v[36];
                    #pragma GCC unroll 36
                    for (int i = 0; i < 36; i++) q[i] = p[i / 6][i % 6][c];
                    ba_wino4_input(q, v);
                    #pragma GCC unroll 36
                    for (int xi = 0; xi < 36; xi++) vt[(xi * 128 + t) * 24 + c] = v[xi];
                }
            }
            /* E = A dY Aᵀ: the tile's 4x4 of dy (0 past the last row or column) spread to 6x6 */
            for (long t = 0; t < count; t++) {
                const long n = (t0 + t) / 4096, ty = (t0 + t) / 64 % 64, tx = (t0 + t) % 64;
                const float *q[4][4];  /* the tile's pixels of dy, `zero` outside it */
                for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) {
                    const long oh = 4 * ty + i, ow = 4 * tx + j;
                    q[i][j] = oh < 256 && ow < 256 ? dy + ((n * 256 + oh) * 256 + ow) * 24 : zero;
                }
                for (long k = 0; k < 24; k++) {
                    float g[16], e[36];
                    #pragma GCC unroll 16
                    for (int i = 0; i < 16; i++) g[i] = q[i / 4][i % 4][k];
                    ba_wino4_spread(g, e);
                    #pragma GCC unroll 36
                    for (int xi = 0; xi < 36; xi++) et[(xi * 128 + t) * 24 + k] = e[xi];
                }
            }
            for (int xi = 0; xi < 36; xi++)
                breastai_gemm_f32_tn(24, 24, count, et + xi * 3072, 24, vt + xi * 3072, 24, acc + xi * 576, 24, scratch);
        }
        free(vt);
        free(et);
        free(zero);
        free(scratch);
    }
    /* dw[k, c] = Gᵀ (Σ_thread part[thread, ξ, k, c]) G, the partials added in thread order */
    #pragma omp parallel for schedule(static)
    for (long k = 0; k < 24; k++) {
        for (long c = 0; c < 24; c++) {
            float s[36], o[9];
            for (int xi = 0; xi < 36; xi++) {
                s[xi] = 0.0f;
                for (int thread = 0; thread < threads; thread++) s[xi] += part[(((long)thread * 36 + xi) * 24 + k) * 24 + c];
            }
            ba_wino4_weight_grad(s, o);
            for (int i = 0; i < 9; i++) grad[(k * 24 + c) * 9 + i] += o[i];
        }
    }
    free(part);
}

/*
 * %3412 = conv2d_bwd_weight(%3407, %0) : f32[24,3,3,3]  features.0.0
 * %3414 = add(%3413, %3412) : f32[24,3,3,3]  features.0.0.weight
 * out %3414 -> G + 0
 * in  %3407 f32[4,256,256,24] <- A + 6291456
 * in  %0 f32[4,512,512,3] <- io[6] (images)
 * in  %3413 f32[24,3,3,3] <- G + 0 (features.0.0.weight)
 */
void k002b_conv3x3s2_bwd_weight_acc(
    float *restrict grad /* [24,3,3,3] */,
    const float *restrict dy /* [4,256,256,24] */,
    const float *restrict x /* [4,512,512,3] */) {
    /* dw of x (4,512,512,3) w (24,3,3,3) y (4,256,256,24) stride 2 pad 1, added into the accumulator */
    /* Implicit GEMM: dw (Kg, R·S·Cg) = Σ_tiles dy_tileᵀ (Kg, pixels) · im2col(x)_tile (pixels, R·S·Cg) per group.
     * Tiles of 1024 output pixels; each thread sums a fixed range of tiles into its own partial, then the
     * partials are added in thread order. */
    const int max_threads = omp_get_max_threads();
    float *restrict part = calloc((size_t)max_threads * 648, sizeof(float));  /* (threads, K, R, S, Cg) */
    if (!part) abort();
    int threads = 1;
    #pragma omp parallel num_threads(max_threads)
    {
        const int thread = omp_get_thread_num(), team = omp_get_num_threads();
        if (thread == 0) threads = team;
        float *restrict col = malloc(sizeof(float) * 27648);  /* (1024, R·S·Cg): one tile of im2col */
        if (!col) abort();
        float *restrict acc = part + (long)thread * 648;  /* (K, R·S·Cg) */
        for (long t = 256L * thread / team; t < 256L * (thread + 1) / team; t++) {
            const long m0 = t * 1024, pixels = m0 + 1024 <= 262144 ? 1024 : 262144 - m0;
            /* im2col tile: col[p, (r, s, c)] = x[n, oh * 2 - 1 + r, ow * 2 - 1 + s, c], 0 in the padding */
            for (long p = 0; p < pixels; p++) {
                const long m = m0 + p, n = m / 65536, oh = m / 256 % 256, ow = m % 256;
                for (long r = 0; r < 3; r++) {
                    const long ih = oh * 2 - 1 + r, iw0 = ow * 2 - 1;
                    float *restrict dst = col + p * 27 + r * 9;
                    if (ih < 0 || ih >= 512) { memset(dst, 0, 9 * sizeof(float)); continue; }
                    const long row = (n * 512 + ih) * 512;
                    if (iw0 >= 0 && iw0 + 3 <= 512) { memcpy(dst, x + (row + iw0) * 3, 9 * sizeof(float)); continue; }
                    for (long s = 0; s < 3; s++) {
                        const long iw = iw0 + s;
                        if (iw < 0 || iw >= 512) memset(dst + s * 3, 0, 3 * sizeof(float));
                        else memcpy(dst + s * 3, x + (row + iw) * 3, 3 * sizeof(float));
                    }
                }
            }
            /* acc (Kg, R·S·Cg) += dy[m0 ..< m0 + pixels]ᵀ (Kg, pixels) · col (pixels, R·S·Cg) */
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 24, 27, pixels, 1.0f, dy + m0 * 24, 24, col, 27, 1.0f, acc, 27);
        }
        free(col);
    }
    /* dw[k, c, r, s] = Σ_thread part[thread, k, r, s, c], in thread order */
    #pragma omp parallel for schedule(static)
    for (long k = 0; k < 24; k++) {
        for (long c = 0; c < 3; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++) {
            float sum = 0.0f;
            for (int thread = 0; thread < threads; thread++) sum += part[((long)thread * 24 + k) * 27 + (r * 3 + s) * 3 + c];
            grad[((k * 3 + c) * 3 + r) * 3 + s] += sum;
        }
    }
    free(part);
}
