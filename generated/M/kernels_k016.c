/* Kernels k016 to k031 and their backward kernels. */
#include "kernels.h"

/*
 * %77 = conv2d(%69, %75) : f32[4,128,128,192]  features.2.1.block.0.0
 * 20 call sites share this function; the nodes and locations above are the first one's.
 * out %77 -> A + 0
 * in  %69 f32[4,128,128,48] <- A + 12582912
 * in  %75 f32[192,48,3,3] <- A + 15728640
 */
void k016_conv3x3(
    float *restrict y /* [4,128,128,192] */,
    const float *restrict x /* [4,128,128,48] */,
    const float *restrict w /* [192,48,3,3] */) {
    /* x (4,128,128,48) w (192,48,3,3) y (4,128,128,192) stride 1 pad 1 */
    /* Winograd F(4x4, 3x3): 4096 tiles of 4x4 outputs, chunks of 12; per chunk V = Bᵀ d B (36, tiles, C),
     * M[ξ] = V[ξ] · U[ξ] (36 GEMMs, U = G g Gᵀ packed once), y = Aᵀ M A. */
    float *restrict u = malloc(sizeof(float) * 331776);  /* U[ξ] (C, K) */
    if (!u) abort();
    #pragma omp parallel for schedule(static)
    for (long k = 0; k < 192; k++) {
        for (long c = 0; c < 48; c++) {
            const float *g = w + (k * 48 + c) * 9;
            float v[36];
            ba_wino4_weight(g, v);
            #pragma GCC unroll 36
            for (int xi = 0; xi < 36; xi++) u[(xi * 48 + c) * 192 + k] = v[xi];
        }
    }
    float *packed[36];
    #pragma omp parallel for schedule(static)
    for (int xi = 0; xi < 36; xi++) packed[xi] = breastai_gemm_f32_pack(CblasNoTrans, 192, 48, u + xi * 9216, 192);
    free(u);
    #pragma omp parallel
    {
        float *restrict vt = malloc(sizeof(float) * 20736);  /* V (36, chunk, C) */
        float *restrict mt = malloc(sizeof(float) * 82944);  /* M (36, chunk, K) */
        float *restrict zero = calloc(48, sizeof(float));  /* the padding's pixel */
        if (!vt || !mt || !zero) abort();
        #pragma omp for schedule(static)
        for (long b = 0; b < 342; b++) {
            const long t0 = b * 12, count = t0 + 12 <= 4096 ? 12 : 4096 - t0;
            /* V = Bᵀ d B, channels innermost */
            for (long t = 0; t < count; t++) {
                const long n = (t0 + t) / 1024, ty = (t0 + t) / 32 % 32, tx = (t0 + t) % 32;
                const float *p[6][6];  /* the patch's pixels, `zero` outside x */
                for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) {
                    const long ih = 4 * ty - 1 + i, iw = 4 * tx - 1 + j;
                    p[i][j] = ih < 0 || ih >= 128 || iw < 0 || iw >= 128 ? zero : x + ((n * 128 + ih) * 128 + iw) * 48;
                }
                for (long c = 0; c < 48; c++) {
                    float q[36], v[36];
                    #pragma GCC unroll 36
                    for (int i = 0; i < 36; i++) q[i] = p[i / 6][i % 6][c];
                    ba_wino4_input(q, v);
                    #pragma GCC unroll 36
                    for (int xi = 0; xi < 36; xi++) vt[(xi * 12 + t) * 48 + c] = v[xi];
                }
            }
            for (int xi = 0; xi < 36; xi++)
                breastai_gemm_f32_packed(CblasNoTrans, count, 192, 48, 1.0f, vt + xi * 576, 48, packed[xi], 0.0f, mt + xi * 2304, 192);
            /* y = Aᵀ M A, output channels innermost; a tile past the last row or column writes only its outputs inside y */
            for (long t = 0; t < count; t++) {
                const long n = (t0 + t) / 1024, ty = (t0 + t) / 32 % 32, tx = (t0 + t) % 32;
                float *restrict y00 = y + ((n * 128 + 4 * ty) * 128 + 4 * tx) * 192;
                const long rows = 128 - 4 * ty < 4 ? 128 - 4 * ty : 4, cols = 128 - 4 * tx < 4 ? 128 - 4 * tx : 4;
                if (rows == 4 && cols == 4) {
                    for (long k = 0; k < 192; k++) {
                        float m[36], o[16];
                        #pragma GCC unroll 36
                        for (int xi = 0; xi < 36; xi++) m[xi] = mt[(xi * 12 + t) * 192 + k];
                        ba_wino4_output(m, o);
                        for (long i = 0; i < 4; i++)
                            for (long j = 0; j < 4; j++) y00[(i * 128 + j) * 192 + k] = o[4 * i + j];
                    }
                    continue;
                }
                for (long k = 0; k < 192; k++) {
                    float m[36], o[16];
                    #pragma GCC unroll 36
                    for (int xi = 0; xi < 36; xi++) m[xi] = mt[(xi * 12 + t) * 192 + k];
                    ba_wino4_output(m, o);
                    for (long i = 0; i < rows; i++)
                        for (long j = 0; j < cols; j++) y00[(i * 128 + j) * 192 + k] = o[4 * i + j];
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
 * %86 = bn_fold_weight(%81, %82, %85) : f32[48,192,1,1]  features.2.1.block.1.1
 * 16 call sites share this function; the nodes and locations above are the first one's.
 * out %86 -> A + 18874368
 * in  %81 f32[48,192,1,1] <- M + 125352 (features.2.1.block.1.0.weight)
 * in  %82 f32[48] <- M + 134568 (features.2.1.block.1.1.weight)
 * in  %85 f32[48] <- M + 53853673 (features.2.1.block.1.1.running_var)
 */
void k017_bn_fold_weight(
    float *restrict w_folded /* [48,192,1,1] */,
    const float *restrict w /* [48,192,1,1] */,
    const float *restrict gamma /* [48] */,
    const float *restrict running_var /* [48] */) {
    /* w (48, 192) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 48; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 192; j++) w_folded[k * 192 + j] = w[k * 192 + j] * s;
    }
}

/*
 * %79 = add(%77, %78) : f32[4,128,128,192]  features.2.1.block.0.1
 * %80 = silu(%79) : f32[4,128,128,192]  features.2.1.block.0.2
 * %88 = conv2d(%80, %86) : f32[4,128,128,48]  features.2.1.block.1.0
 * 16 call sites share this function; the nodes and locations above are the first one's.
 * out %88 -> A + 15728640
 * in  %77 f32[4,128,128,192] <- A + 0
 * in  %78 f32[1,1,1,192] <- A + 18883584
 * in  %86 f32[48,192,1,1] <- A + 18874368
 */
void k018_add_silu_conv1x1(
    float *restrict y /* [4,128,128,48] */,
    const float *restrict x /* [4,128,128,192] */,
    const float *restrict bias /* [1,1,1,192] */,
    const float *restrict w /* [48,192,1,1] */) {
    /* y (65536, 48) = f(x) (65536, 192) · wᵀ: tiles of 335 rows of f(x) computed into scratch, one sgemm each */
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
                    const float t1 = bias[c];
                    const float t2 = t0 + t1;
                    const float t3 = t2 * ba_sigmoid(t2);
                    tile[(r - m0) * 192 + c] = t3;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 48, 192, 1.0f, tile, 192, w_f32, 0.0f, y + m0 * 48, 48);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %90 = add(%88, %89) : f32[4,128,128,48]  features.2.1.block.1.1
 * %91 = add(%90, %69) : f32[4,128,128,48]  features.2.1
 * 16 call sites share this function; the nodes and locations above are the first one's.
 * out %91 -> A + 18874368
 * in  %69 f32[4,128,128,48] <- A + 12582912
 * in  %88 f32[4,128,128,48] <- A + 15728640
 * in  %89 f32[1,1,1,48] <- A + 22020096
 */
void k019_add(
    float *restrict y /* [4,128,128,48] */,
    const float *restrict b /* [4,128,128,48] */,
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
            const float t3 = b[r * 48 + c];
            const float t4 = t2 + t3;
            y[i] = t4;
        }
    }
}

/*
 * %165 = conv2d(%157, %163) : f32[4,64,64,192]  features.3.0.block.0.0
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %165 -> A + 0
 * in  %157 f32[4,128,128,48] <- A + 15728640
 * in  %163 f32[192,48,3,3] <- A + 3145728
 */
void k020_conv3x3s2(
    float *restrict y /* [4,64,64,192] */,
    const float *restrict x /* [4,128,128,48] */,
    const float *restrict w /* [192,48,3,3] */) {
    /* x (4,128,128,48) w (192,48,3,3) y (4,64,64,192) stride 2 pad 1 */
    /* Implicit GEMM: y (N·Ho·Wo, Kg) = im2col(x) (N·Ho·Wo, R·S·Cg) · wtᵀ per group, wt = w as (K, R, S, Cg).
     * Tiles of 288 output pixels: each thread gathers its tile of im2col into scratch, then one sgemm. */
    float *restrict wt = malloc(sizeof(float) * 82944);  /* (K, R, S, Cg) */
    if (!wt) abort();
    for (long k = 0; k < 192; k++) for (long c = 0; c < 48; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[((k * 3 + r) * 3 + s) * 48 + c] = w[((k * 48 + c) * 3 + r) * 3 + s];
    float *wt_f32 = breastai_gemm_f32_pack(CblasTrans, 192, 432, wt, 432);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict col = malloc(sizeof(float) * 124416);  /* (288, R·S·Cg): one tile of im2col */
        if (!col) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 57; t++) {
            const long m0 = t * 288, pixels = m0 + 288 <= 16384 ? 288 : 16384 - m0;
            /* im2col tile: col[p, (r, s, c)] = x[n, oh * 2 - 1 + r, ow * 2 - 1 + s, c], 0 in the padding */
            for (long p = 0; p < pixels; p++) {
                const long m = m0 + p, n = m / 4096, oh = m / 64 % 64, ow = m % 64;
                for (long r = 0; r < 3; r++) {
                    const long ih = oh * 2 - 1 + r, iw0 = ow * 2 - 1;
                    float *restrict dst = col + p * 432 + r * 144;
                    if (ih < 0 || ih >= 128) { memset(dst, 0, 144 * sizeof(float)); continue; }
                    const long row = (n * 128 + ih) * 128;
                    if (iw0 >= 0 && iw0 + 3 <= 128) { memcpy(dst, x + (row + iw0) * 48, 144 * sizeof(float)); continue; }
                    for (long s = 0; s < 3; s++) {
                        const long iw = iw0 + s;
                        if (iw < 0 || iw >= 128) memset(dst + s * 48, 0, 48 * sizeof(float));
                        else memcpy(dst + s * 48, x + (row + iw) * 48, 48 * sizeof(float));
                    }
                }
            }
            /* y[m0 ..< m0 + pixels] (pixels, Kg) = col (pixels, R·S·Cg) · wtᵀ (R·S·Cg, Kg) */
            breastai_gemm_f32_packed(CblasNoTrans, pixels, 192, 432, 1.0f, col, 432, wt_f32, 0.0f, y + m0 * 192, 192);
        }
        free(col);
    }
    free(wt_f32);
    free(wt);
}

/*
 * %174 = bn_fold_weight(%169, %170, %173) : f32[80,192,1,1]  features.3.0.block.1.1
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %174 -> A + 4456448
 * in  %169 f32[80,192,1,1] <- M + 495912 (features.3.0.block.1.0.weight)
 * in  %170 f32[80] <- M + 511272 (features.3.0.block.1.1.weight)
 * in  %173 f32[80] <- M + 53855625 (features.3.0.block.1.1.running_var)
 */
void k021_bn_fold_weight(
    float *restrict w_folded /* [80,192,1,1] */,
    const float *restrict w /* [80,192,1,1] */,
    const float *restrict gamma /* [80] */,
    const float *restrict running_var /* [80] */) {
    /* w (80, 192) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 80; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 192; j++) w_folded[k * 192 + j] = w[k * 192 + j] * s;
    }
}

/*
 * %175 = bn_fold_bias(%170, %171, %172, %173) : f32[80]  features.3.0.block.1.1
 * 20 call sites share this function; the nodes and locations above are the first one's.
 * out %175 -> A + 4472000
 * in  %170 f32[80] <- M + 511272 (features.3.0.block.1.1.weight)
 * in  %171 f32[80] <- M + 511352 (features.3.0.block.1.1.bias)
 * in  %172 f32[80] <- M + 53855545 (features.3.0.block.1.1.running_mean)
 * in  %173 f32[80] <- M + 53855625 (features.3.0.block.1.1.running_var)
 */
void k022_bn_fold_bias(
    float *restrict bias_folded /* [80] */,
    const float *restrict gamma /* [80] */,
    const float *restrict beta /* [80] */,
    const float *restrict running_mean /* [80] */,
    const float *restrict running_var /* [80] */) {
    for (long k = 0; k < 80; k++) bias_folded[k] = beta[k] - running_mean[k] * gamma[k] / sqrtf(running_var[k] + 0.001f);
}

/*
 * %167 = add(%165, %166) : f32[4,64,64,192]  features.3.0.block.0.1
 * %168 = silu(%167) : f32[4,64,64,192]  features.3.0.block.0.2
 * %176 = conv2d(%168, %174) : f32[4,64,64,80]  features.3.0.block.1.0
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %176 -> A + 3145728
 * in  %165 f32[4,64,64,192] <- A + 0
 * in  %166 f32[1,1,1,192] <- A + 4471808
 * in  %174 f32[80,192,1,1] <- A + 4456448
 */
void k023_add_silu_conv1x1(
    float *restrict y /* [4,64,64,80] */,
    const float *restrict x /* [4,64,64,192] */,
    const float *restrict bias /* [1,1,1,192] */,
    const float *restrict w /* [80,192,1,1] */) {
    /* y (16384, 80) = f(x) (16384, 192) · wᵀ: tiles of 316 rows of f(x) computed into scratch, one sgemm each */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 80, 192, w, 192);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 60672);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 52; t++) {
            const long m0 = t * 316, rows = m0 + 316 <= 16384 ? 316 : 16384 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 192; c++) {
                    const float t0 = x[r * 192 + c];
                    const float t1 = bias[c];
                    const float t2 = t0 + t1;
                    const float t3 = t2 * ba_sigmoid(t2);
                    tile[(r - m0) * 192 + c] = t3;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 80, 192, 1.0f, tile, 192, w_f32, 0.0f, y + m0 * 80, 80);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %178 = add(%176, %177) : f32[4,64,64,80]  features.3.0.block.1.1
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %178 -> A + 5242880
 * in  %176 f32[4,64,64,80] <- A + 3145728
 * in  %177 f32[1,1,1,80] <- A + 4472000
 */
void k024_add(
    float *restrict y /* [4,64,64,80] */,
    const float *restrict x /* [4,64,64,80] */,
    const float *restrict bias /* [1,1,1,80] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 16384; r++) {
        #pragma omp simd
        for (long c = 0; c < 80; c++) {
            const long i = r * 80 + c;
            const float t0 = x[r * 80 + c];
            const float t1 = bias[c];
            const float t2 = t0 + t1;
            y[i] = t2;
        }
    }
}

/*
 * %184 = bn_fold_weight(%179, %180, %183) : f32[320,80,3,3]  features.3.1.block.0.1
 * 16 call sites share this function; the nodes and locations above are the first one's.
 * out %184 -> A + 6553600
 * in  %179 f32[320,80,3,3] <- M + 511432 (features.3.1.block.0.0.weight)
 * in  %180 f32[320] <- M + 741832 (features.3.1.block.0.1.weight)
 * in  %183 f32[320] <- M + 53856025 (features.3.1.block.0.1.running_var)
 */
void k025_bn_fold_weight(
    float *restrict w_folded /* [320,80,3,3] */,
    const float *restrict w /* [320,80,3,3] */,
    const float *restrict gamma /* [320] */,
    const float *restrict running_var /* [320] */) {
    /* w (320, 720) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 320; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 720; j++) w_folded[k * 720 + j] = w[k * 720 + j] * s;
    }
}

/*
 * %185 = bn_fold_bias(%180, %181, %182, %183) : f32[320]  features.3.1.block.0.1
 * 22 call sites share this function; the nodes and locations above are the first one's.
 * out %185 -> A + 7889920
 * in  %180 f32[320] <- M + 741832 (features.3.1.block.0.1.weight)
 * in  %181 f32[320] <- M + 742152 (features.3.1.block.0.1.bias)
 * in  %182 f32[320] <- M + 53855705 (features.3.1.block.0.1.running_mean)
 * in  %183 f32[320] <- M + 53856025 (features.3.1.block.0.1.running_var)
 */
void k026_bn_fold_bias(
    float *restrict bias_folded /* [320] */,
    const float *restrict gamma /* [320] */,
    const float *restrict beta /* [320] */,
    const float *restrict running_mean /* [320] */,
    const float *restrict running_var /* [320] */) {
    for (long k = 0; k < 320; k++) bias_folded[k] = beta[k] - running_mean[k] * gamma[k] / sqrtf(running_var[k] + 0.001f);
}

/*
 * %186 = conv2d(%178, %184) : f32[4,64,64,320]  features.3.1.block.0.0
 * 20 call sites share this function; the nodes and locations above are the first one's.
 * out %186 -> A + 0
 * in  %178 f32[4,64,64,80] <- A + 5242880
 * in  %184 f32[320,80,3,3] <- A + 6553600
 */
void k027_conv3x3(
    float *restrict y /* [4,64,64,320] */,
    const float *restrict x /* [4,64,64,80] */,
    const float *restrict w /* [320,80,3,3] */) {
    /* x (4,64,64,80) w (320,80,3,3) y (4,64,64,320) stride 1 pad 1 */
    /* Winograd F(4x4, 3x3): 1024 tiles of 4x4 outputs, chunks of 12; per chunk V = Bᵀ d B (36, tiles, C),
     * M[ξ] = V[ξ] · U[ξ] (36 GEMMs, U = G g Gᵀ packed once), y = Aᵀ M A. */
    float *restrict u = malloc(sizeof(float) * 921600);  /* U[ξ] (C, K) */
    if (!u) abort();
    #pragma omp parallel for schedule(static)
    for (long k = 0; k < 320; k++) {
        for (long c = 0; c < 80; c++) {
            const float *g = w + (k * 80 + c) * 9;
            float v[36];
            ba_wino4_weight(g, v);
            #pragma GCC unroll 36
            for (int xi = 0; xi < 36; xi++) u[(xi * 80 + c) * 320 + k] = v[xi];
        }
    }
    float *packed[36];
    #pragma omp parallel for schedule(static)
    for (int xi = 0; xi < 36; xi++) packed[xi] = breastai_gemm_f32_pack(CblasNoTrans, 320, 80, u + xi * 25600, 320);
    free(u);
    #pragma omp parallel
    {
        float *restrict vt = malloc(sizeof(float) * 34560);  /* V (36, chunk, C) */
        float *restrict mt = malloc(sizeof(float) * 138240);  /* M (36, chunk, K) */
        float *restrict zero = calloc(80, sizeof(float));  /* the padding's pixel */
        if (!vt || !mt || !zero) abort();
        #pragma omp for schedule(static)
        for (long b = 0; b < 86; b++) {
            const long t0 = b * 12, count = t0 + 12 <= 1024 ? 12 : 1024 - t0;
            /* V = Bᵀ d B, channels innermost */
            for (long t = 0; t < count; t++) {
                const long n = (t0 + t) / 256, ty = (t0 + t) / 16 % 16, tx = (t0 + t) % 16;
                const float *p[6][6];  /* the patch's pixels, `zero` outside x */
                for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) {
                    const long ih = 4 * ty - 1 + i, iw = 4 * tx - 1 + j;
                    p[i][j] = ih < 0 || ih >= 64 || iw < 0 || iw >= 64 ? zero : x + ((n * 64 + ih) * 64 + iw) * 80;
                }
                for (long c = 0; c < 80; c++) {
                    float q[36], v[36];
                    #pragma GCC unroll 36
                    for (int i = 0; i < 36; i++) q[i] = p[i / 6][i % 6][c];
                    ba_wino4_input(q, v);
                    #pragma GCC unroll 36
                    for (int xi = 0; xi < 36; xi++) vt[(xi * 12 + t) * 80 + c] = v[xi];
                }
            }
            for (int xi = 0; xi < 36; xi++)
                breastai_gemm_f32_packed(CblasNoTrans, count, 320, 80, 1.0f, vt + xi * 960, 80, packed[xi], 0.0f, mt + xi * 3840, 320);
            /* y = Aᵀ M A, output channels innermost; a tile past the last row or column writes only its outputs inside y */
            for (long t = 0; t < count; t++) {
                const long n = (t0 + t) / 256, ty = (t0 + t) / 16 % 16, tx = (t0 + t) % 16;
                float *restrict y00 = y + ((n * 64 + 4 * ty) * 64 + 4 * tx) * 320;
                const long rows = 64 - 4 * ty < 4 ? 64 - 4 * ty : 4, cols = 64 - 4 * tx < 4 ? 64 - 4 * tx : 4;
                if (rows == 4 && cols == 4) {
                    for (long k = 0; k < 320; k++) {
                        float m[36], o[16];
                        #pragma GCC unroll 36
                        for (int xi = 0; xi < 36; xi++) m[xi] = mt[(xi * 12 + t) * 320 + k];
                        ba_wino4_output(m, o);
                        for (long i = 0; i < 4; i++)
                            for (long j = 0; j < 4; j++) y00[(i * 64 + j) * 320 + k] = o[4 * i + j];
                    }
                    continue;
                }
                for (long k = 0; k < 320; k++) {
                    float m[36], o[16];
                    #pragma GCC unroll 36
                    for (int xi = 0; xi < 36; xi++) m[xi] = mt[(xi * 12 + t) * 320 + k];
                    ba_wino4_output(m, o);
                    for (long i = 0; i < rows; i++)
                        for (long j = 0; j < cols; j++) y00[(i * 64 + j) * 320 + k] = o[4 * i + j];
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
 * %195 = bn_fold_weight(%190, %191, %194) : f32[80,320,1,1]  features.3.1.block.1.1
 * 16 call sites share this function; the nodes and locations above are the first one's.
 * out %195 -> A + 7864320
 * in  %190 f32[80,320,1,1] <- M + 742472 (features.3.1.block.1.0.weight)
 * in  %191 f32[80] <- M + 768072 (features.3.1.block.1.1.weight)
 * in  %194 f32[80] <- M + 53856425 (features.3.1.block.1.1.running_var)
 */
void k028_bn_fold_weight(
    float *restrict w_folded /* [80,320,1,1] */,
    const float *restrict w /* [80,320,1,1] */,
    const float *restrict gamma /* [80] */,
    const float *restrict running_var /* [80] */) {
    /* w (80, 320) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 80; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 320; j++) w_folded[k * 320 + j] = w[k * 320 + j] * s;
    }
}

/*
 * %188 = add(%186, %187) : f32[4,64,64,320]  features.3.1.block.0.1
 * %189 = silu(%188) : f32[4,64,64,320]  features.3.1.block.0.2
 * %197 = conv2d(%189, %195) : f32[4,64,64,80]  features.3.1.block.1.0
 * 16 call sites share this function; the nodes and locations above are the first one's.
 * out %197 -> A + 6553600
 * in  %186 f32[4,64,64,320] <- A + 0
 * in  %187 f32[1,1,1,320] <- A + 7889920
 * in  %195 f32[80,320,1,1] <- A + 7864320
 */
void k029_add_silu_conv1x1(
    float *restrict y /* [4,64,64,80] */,
    const float *restrict x /* [4,64,64,320] */,
    const float *restrict bias /* [1,1,1,320] */,
    const float *restrict w /* [80,320,1,1] */) {
    /* y (16384, 80) = f(x) (16384, 320) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 80, 320, w, 320);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 81920);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 64; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 16384 ? 256 : 16384 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 320; c++) {
                    const float t0 = x[r * 320 + c];
                    const float t1 = bias[c];
                    const float t2 = t0 + t1;
                    const float t3 = t2 * ba_sigmoid(t2);
                    tile[(r - m0) * 320 + c] = t3;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 80, 320, 1.0f, tile, 320, w_f32, 0.0f, y + m0 * 80, 80);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %199 = add(%197, %198) : f32[4,64,64,80]  features.3.1.block.1.1
 * %200 = add(%199, %178) : f32[4,64,64,80]  features.3.1
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %200 -> A + 7864320
 * in  %178 f32[4,64,64,80] <- A + 5242880
 * in  %197 f32[4,64,64,80] <- A + 6553600
 * in  %198 f32[1,1,1,80] <- A + 9175040
 */
void k030_add(
    float *restrict y /* [4,64,64,80] */,
    const float *restrict b /* [4,64,64,80] */,
    const float *restrict x /* [4,64,64,80] */,
    const float *restrict bias /* [1,1,1,80] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 16384; r++) {
        #pragma omp simd
        for (long c = 0; c < 80; c++) {
            const long i = r * 80 + c;
            const float t0 = x[r * 80 + c];
            const float t1 = bias[c];
            const float t2 = t0 + t1;
            const float t3 = b[r * 80 + c];
            const float t4 = t2 + t3;
            y[i] = t4;
        }
    }
}

/*
 * %272 = bn_fold_weight(%267, %268, %271) : f32[320,80,1,1]  features.4.0.block.0.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %272 -> A + 6553600
 * in  %267 f32[320,80,1,1] <- M + 1538632 (features.4.0.block.0.0.weight)
 * in  %268 f32[320] <- M + 1564232 (features.4.0.block.0.1.weight)
 * in  %271 f32[320] <- M + 53859225 (features.4.0.block.0.1.running_var)
 */
void k031_bn_fold_weight(
    float *restrict w_folded /* [320,80,1,1] */,
    const float *restrict w /* [320,80,1,1] */,
    const float *restrict gamma /* [320] */,
    const float *restrict running_var /* [320] */) {
    /* w (320, 80) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 320; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 80; j++) w_folded[k * 80 + j] = w[k * 80 + j] * s;
    }
}

/*
 * %4651 = conv2d_bwd_input(%4646, %255) : f32[4,64,64,80]  features.3.4.block.0.0
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %4651 -> A + 72613888
 * in  %4646 f32[4,64,64,320] <- A + 137363456
 * in  %255 f32[320,80,3,3] <- M + 1281832 (features.3.4.block.0.0.weight)
 */
void k027b_conv3x3_bwd_input(
    float *restrict dx /* [4,64,64,80] */,
    const float *restrict dy /* [4,64,64,320] */,
    const float *restrict w /* [320,80,3,3] */) {
    /* dx of x (4,64,64,80) w (320,80,3,3) y (4,64,64,320) stride 1 pad 1 */
    /* Winograd F(4x4, 3x3): 1024 tiles of 4x4 outputs, chunks of 12; per chunk V = Bᵀ d B (36, tiles, C),
     * M[ξ] = V[ξ] · U[ξ] (36 GEMMs, U = G g Gᵀ packed once), y = Aᵀ M A. */
    float *restrict u = malloc(sizeof(float) * 921600);  /* U[ξ] (C, K) */
    if (!u) abort();
    #pragma omp parallel for schedule(static)
    for (long k = 0; k < 80; k++) {
        for (long c = 0; c < 320; c++) {
            float g[9];  /* the forward's w[c, k] (c its output channel, k its input), rotated by 180 degrees */
            for (int i = 0; i < 9; i++) g[i] = w[(c * 80 + k) * 9 + 8 - i];
            float v[36];
            ba_wino4_weight(g, v);
            #pragma GCC unroll 36
            for (int xi = 0; xi < 36; xi++) u[(xi * 320 + c) * 80 + k] = v[xi];
        }
    }
    float *packed[36];
    #pragma omp parallel for schedule(static)
    for (int xi = 0; xi < 36; xi++) packed[xi] = breastai_gemm_f32_pack(CblasNoTrans, 80, 320, u + xi * 25600, 80);
    free(u);
    #pragma omp parallel
    {
        float *restrict vt = malloc(sizeof(float) * 138240);  /* V (36, chunk, C) */
        float *restrict mt = malloc(sizeof(float) * 34560);  /* M (36, chunk, K) */
        float *restrict zero = calloc(320, sizeof(float));  /* the padding's pixel */
        if (!vt || !mt || !zero) abort();
        #pragma omp for schedule(static)
        for (long b = 0; b < 86; b++) {
            const long t0 = b * 12, count = t0 + 12 <= 1024 ? 12 : 1024 - t0;
            /* V = Bᵀ d B, channels innermost */
            for (long t = 0; t < count; t++) {
                const long n = (t0 + t) / 256, ty = (t0 + t) / 16 % 16, tx = (t0 + t) % 16;
                const float *p[6][6];  /* the patch's pixels, `zero` outside x */
                for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) {
                    const long ih = 4 * ty - 1 + i, iw = 4 * tx - 1 + j;
                    p[i][j] = ih < 0 || ih >= 64 || iw < 0 || iw >= 64 ? zero : dy + ((n * 64 + ih) * 64 + iw) * 320;
                }
                for (long c = 0; c < 320; c++) {
                    float q[36], v[36];
                    #pragma GCC unroll 36
                    for (int i = 0; i < 36; i++) q[i] = p[i / 6][i % 6][c];
                    ba_wino4_input(q, v);
                    #pragma GCC unroll 36
                    for (int xi = 0; xi < 36; xi++) vt[(xi * 12 + t) * 320 + c] = v[xi];
                }
            }
            for (int xi = 0; xi < 36; xi++)
                breastai_gemm_f32_packed(CblasNoTrans, count, 80, 320, 1.0f, vt + xi * 3840, 320, packed[xi], 0.0f, mt + xi * 960, 80);
            /* y = Aᵀ M A, output channels innermost; a tile past the last row or column writes only its outputs inside y */
            for (long t = 0; t < count; t++) {
                const long n = (t0 + t) / 256, ty = (t0 + t) / 16 % 16, tx = (t0 + t) % 16;
                float *restrict y00 = dx + ((n * 64 + 4 * ty) * 64 + 4 * tx) * 80;
                const long rows = 64 - 4 * ty < 4 ? 64 - 4 * ty : 4, cols = 64 - 4 * tx < 4 ? 64 - 4 * tx : 4;
                if (rows == 4 && cols == 4) {
                    for (long k = 0; k < 80; k++) {
                        float m[36], o[16];
                        #pragma GCC unroll 36
                        for (int xi = 0; xi < 36; xi++) m[xi] = mt[(xi * 12 + t) * 80 + k];
                        ba_wino4_output(m, o);
                        for (long i = 0; i < 4; i++)
                            for (long j = 0; j < 4; j++) y00[(i * 64 + j) * 80 + k] = o[4 * i + j];
                    }
                    continue;
                }
                for (long k = 0; k < 80; k++) {
                    float m[36], o[16];
                    #pragma GCC unroll 36
                    for (int xi = 0; xi < 36; xi++) m[xi] = mt[(xi * 12 + t) * 80 + k];
                    ba_wino4_output(m, o);
                    for (long i = 0; i < rows; i++)
                        for (long j = 0; j < cols; j++) y00[(i * 64 + j) * 80 + k] = o[4 * i + j];
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
 * %4652 = conv2d_bwd_weight(%4646, %254) : f32[320,80,3,3]  features.3.4.block.0.0
 * %4994 = add(%4993, %4652) : f32[320,80,3,3]  features.3.4.block.0.0.weight
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %4994 -> G + 1281832
 * in  %4646 f32[4,64,64,320] <- A + 137363456
 * in  %254 f32[4,64,64,80] <- A + 564854784
 * in  %4993 f32[320,80,3,3] <- G + 1281832 (features.3.4.block.0.0.weight)
 */
void k027b_conv3x3_bwd_weight_acc(
    float *restrict grad /* [320,80,3,3] */,
    const float *restrict dy /* [4,64,64,320] */,
    const float *restrict x /* [4,64,64,80] */) {
    /* dw of x (4,64,64,80) w (320,80,3,3) y (4,64,64,320) stride 1 pad 1, added into the accumulator */
    /* Winograd F(4x4, 3x3) weight gradient: 1024 tiles in chunks of 128; per chunk V = Bᵀ d B (36, tiles, C) and
     * E = A dY Aᵀ (36, tiles, K), acc[ξ] (K, C) += E[ξ]ᵀ · V[ξ]; dw = Gᵀ acc G. */
    const int max_threads = omp_get_max_threads();
    float *restrict part = calloc((size_t)max_threads * 921600, sizeof(float));  /* (threads, 36, K, C) */
    if (!part) abort();
    int threads = 1;
    #pragma omp parallel num_threads(max_threads)
    {
        const int thread = omp_get_thread_num(), team = omp_get_num_threads();
        if (thread == 0) threads = team;
        float *restrict vt = malloc(sizeof(float) * 368640);  /* V (36, chunk, C) */
        float *restrict et = malloc(sizeof(float) * 1474560);  /* E (36, chunk, K) */
        float *restrict zero = calloc(320, sizeof(float));  /* the padding's pixel of x and of dy */
        float *restrict scratch = aligned_alloc(64, sizeof(float) * breastai_gemm_f32_tn_scratch(80, 128));  /* V[ξ] packed */
        if (!vt || !et || !zero || !scratch) abort();
        float *restrict acc = part + (long)thread * 921600;
        for (long b = 8L * thread / team; b < 8L * (thread + 1) / team; b++) {
            const long t0 = b * 128, count = t0 + 128 <= 1024 ? 128 : 1024 - t0;
            /* V = Bᵀ d B, channels innermost */
            for (long t = 0; t < count; t++) {
                const long n = (t0 + t) / 256, ty = (t0 + t) / 16 % 16, tx = (t0 + t) % 16;
                const float *p[6][6];  /* the patch's pixels, `zero` outside x */
                for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) {
                    const long ih = 4 * ty - 1 + i, iw = 4 * tx - 1 + j;
                    p[i][j] = ih < 0 || ih >= 64 || iw < 0 || iw >= 64 ? zero : x + ((n * 64 + ih) * 64 + iw) * 80;
                }
                for (long c = 0; c < 80; c++) {
                    float q[36], v[36];
                    #pragma GCC unroll 36
                    for (int i = 0; i < 36; i++) q[i] = p[i / 6][i % 6][c];
                    ba_wino4_input(q, v);
                    #pragma GCC unroll 36
                    for (int xi = 0; xi < 36; xi++) vt[(xi * 128 + t) * 80 + c] = v[xi];
                }
            }
            /* E = A dY Aᵀ: the tile's 4x4 of dy (0 past the last row or column) spread to 6x6 */
            for (long t = 0; t < count; t++) {
                const long n = (t0 + t) / 256, ty = (t0 + t) / 16 % 16, tx = (t0 + t) % 16;
                const float *q[4][4];  /* the tile's pixels of dy, `zero` outside it */
                for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) {
                    const long oh = 4 * ty + i, ow = 4 * tx + j;
                    q[i][j] = oh < 64 && ow < 64 ? dy + ((n * 64 + oh) * 64 + ow) * 320 : zero;
                }
                for (long k = 0; k < 320; k++) {
                    float g[16], e[36];
                    #pragma GCC unroll 16
                    for (int i = 0; i < 16; i++) g[i] = q[i / 4][i % 4][k];
                    ba_wino4_spread(g, e);
                    #pragma GCC unroll 36
                    for (int xi = 0; xi < 36; xi++) et[(xi * 128 + t) * 320 + k] = e[xi];
                }
            }
            for (int xi = 0; xi < 36; xi++)
                breastai_gemm_f32_tn(320, 80, count, et + xi * 40960, 320, vt + xi * 10240, 80, acc + xi * 25600, 80, scratch);
        }
        free(vt);
        free(et);
        free(zero);
        free(scratch);
    }
    /* dw[k, c] = Gᵀ (Σ_thread part[thread, ξ, k, c]) G, the partials added in thread order */
    #pragma omp parallel for schedule(static)
    for (long k = 0; k < 320; k++) {
        for (long c = 0; c < 80; c++) {
            float s[36], o[9];
            for (int xi = 0; xi < 36; xi++) {
                s[xi] = 0.0f;
                for (int thread = 0; thread < threads; thread++) s[xi] += part[(((long)thread * 36 + xi) * 320 + k) * 80 + c];
            }
            ba_wino4_weight_grad(s, o);
            for (int i = 0; i < 9; i++) grad[(k * 80 + c) * 9 + i] += o[i];
        }
    }
    free(part);
}

/*
 * %4726 = conv2d_bwd_input(%4721, %165) : f32[4,128,128,48]  features.3.0.block.0.0
 * out %4726 -> A + 132120576
 * in  %4721 f32[4,64,64,192] <- A + 53477376
 * in  %165 f32[192,48,3,3] <- M + 412584 (features.3.0.block.0.0.weight)
 */
void k020b_conv3x3s2_bwd_input(
    float *restrict dx /* [4,128,128,48] */,
    const float *restrict dy /* [4,64,64,192] */,
    const float *restrict w /* [192,48,3,3] */) {
    /* dx of x (4,128,128,48) w (192,48,3,3) y (4,64,64,192) stride 2 pad 1 */
    /* Transposed convolution by rows of dy: P (Wo, R·S·C) = dy row (Wo, K) · wt (K, R·S·C), one GEMM for up to 4
     * dy rows at a time into a buffer per thread (it stays in L2); each dx row then sums the products of the
     * taps (r, s) that reach it, ih = oh·2 − 1 + r and iw = ow·2 − 1 + s. Blocks of dx rows (2 per
     * image) in parallel; every dx element is written once, by one thread, in (r, s) order. */
    float *restrict wt = malloc(sizeof(float) * 82944);  /* (K, R, S, Cg) */
    if (!wt) abort();
    for (long k = 0; k < 192; k++) for (long c = 0; c < 48; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++)
        wt[((k * 3 + r) * 3 + s) * 48 + c] = w[((k * 48 + c) * 3 + r) * 3 + s];
    float *wt_f32 = breastai_gemm_f32_pack(CblasNoTrans, 432, 192, wt, 432);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict p = malloc(sizeof(float) * 110592);  /* the products of dy rows lo ..< hi */
        if (!p) abort();
        #pragma omp for schedule(static)
        for (long b = 0; b < 8; b++) {
            const long n = b / 2, i0 = b % 2 * 128 / 2, i1 = (b % 2 + 1) * 128 / 2;
            long lo = 0, hi = 0;
            for (long ih = i0; ih < i1; ih++) {
                /* the dy rows reaching dx row ih: first ..< last */
                const long first = ih - 1 <= 0 ? 0 : ih / 2;
                const long last = (ih + 1) / 2 + 1 < 64 ? (ih + 1) / 2 + 1 : 64;
                if (last > first && last > hi) {
                    const long start = hi > first ? hi : first;  /* rows first ..< start are in p already */
                    if (start > first) memmove(p, p + (first - lo) * 27648, sizeof(float) * (start - first) * 27648);
                    lo = first; hi = first + 4 < 64 ? first + 4 : 64;
                    breastai_gemm_f32_packed(CblasNoTrans, (hi - start) * 64, 432, 192, 1.0f, dy + (n * 64 + start) * 12288, 192, wt_f32, 0.0f, p + (start - first) * 27648, 432);
                }
                float *restrict drow = dx + (n * 128 + ih) * 6144;
                for (long iw = 0; iw < 128; iw++) {
                    float *restrict o = drow + iw * 48;
                    for (long c = 0; c < 48; c++) o[c] = 0.0f;
                    for (long r = (ih + 1) % 2; r < 3; r += 2) {
                        const long oh = (ih + 1 - r) / 2;
                        if (ih + 1 < r || oh >= 64) continue;
                        const float *restrict prow = p + (oh - lo) * 27648;
                        for (long s = (iw + 1) % 2; s < 3; s += 2) {
                            const long ow = (iw + 1 - s) / 2;
                            if (iw + 1 < s || ow >= 64) continue;
                            const float *restrict q = prow + ow * 432 + (r * 3 + s) * 48;
                            for (long c = 0; c < 48; c++) o[c] += q[c];
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
 * %4727 = conv2d_bwd_weight(%4721, %164) : f32[192,48,3,3]  features.3.0.block.0.0
 * %4946 = add(%4945, %4727) : f32[192,48,3,3]  features.3.0.block.0.0.weight
 * out %4946 -> G + 412584
 * in  %4721 f32[4,64,64,192] <- A + 53477376
 * in  %164 f32[4,128,128,48] <- A + 360448000
 * in  %4945 f32[192,48,3,3] <- G + 412584 (features.3.0.block.0.0.weight)
 */
void k020b_conv3x3s2_bwd_weight_acc(
    float *restrict grad /* [192,48,3,3] */,
    const float *restrict dy /* [4,64,64,192] */,
    const float *restrict x /* [4,128,128,48] */) {
    /* dw of x (4,128,128,48) w (192,48,3,3) y (4,64,64,192) stride 2 pad 1, added into the accumulator */
    /* Implicit GEMM: dw (Kg, R·S·Cg) = Σ_tiles dy_tileᵀ (Kg, pixels) · im2col(x)_tile (pixels, R·S·Cg) per group.
     * Tiles of 128 output pixels; each thread sums a fixed range of tiles into its own partial, then the
     * partials are added in thread order. */
    const int max_threads = omp_get_max_threads();
    float *restrict part = calloc((size_t)max_threads * 82944, sizeof(float));  /* (threads, K, R, S, Cg) */
    if (!part) abort();
    int threads = 1;
    #pragma omp parallel num_threads(max_threads)
    {
        const int thread = omp_get_thread_num(), team = omp_get_num_threads();
        if (thread == 0) threads = team;
        float *restrict col = malloc(sizeof(float) * 55296);  /* (128, R·S·Cg): one tile of im2col */
        if (!col) abort();
        float *restrict acc = part + (long)thread * 82944;  /* (K, R·S·Cg) */
        for (long t = 128L * thread / team; t < 128L * (thread + 1) / team; t++) {
            const long m0 = t * 128, pixels = m0 + 128 <= 16384 ? 128 : 16384 - m0;
            /* im2col tile: col[p, (r, s, c)] = x[n, oh * 2 - 1 + r, ow * 2 - 1 + s, c], 0 in the padding */
            for (long p = 0; p < pixels; p++) {
                const long m = m0 + p, n = m / 4096, oh = m / 64 % 64, ow = m % 64;
                for (long r = 0; r < 3; r++) {
                    const long ih = oh * 2 - 1 + r, iw0 = ow * 2 - 1;
                    float *restrict dst = col + p * 432 + r * 144;
                    if (ih < 0 || ih >= 128) { memset(dst, 0, 144 * sizeof(float)); continue; }
                    const long row = (n * 128 + ih) * 128;
                    if (iw0 >= 0 && iw0 + 3 <= 128) { memcpy(dst, x + (row + iw0) * 48, 144 * sizeof(float)); continue; }
                    for (long s = 0; s < 3; s++) {
                        const long iw = iw0 + s;
                        if (iw < 0 || iw >= 128) memset(dst + s * 48, 0, 48 * sizeof(float));
                        else memcpy(dst + s * 48, x + (row + iw) * 48, 48 * sizeof(float));
                    }
                }
            }
            /* acc (Kg, R·S·Cg) += dy[m0 ..< m0 + pixels]ᵀ (Kg, pixels) · col (pixels, R·S·Cg) */
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, 192, 432, pixels, 1.0f, dy + m0 * 192, 192, col, 432, 1.0f, acc, 432);
        }
        free(col);
    }
    /* dw[k, c, r, s] = Σ_thread part[thread, k, r, s, c], in thread order */
    #pragma omp parallel for schedule(static)
    for (long k = 0; k < 192; k++) {
        for (long c = 0; c < 48; c++) for (long r = 0; r < 3; r++) for (long s = 0; s < 3; s++) {
            float sum = 0.0f;
            for (int thread = 0; thread < threads; thread++) sum += part[((long)thread * 192 + k) * 432 + (r * 3 + s) * 48 + c];
            grad[((k * 48 + c) * 3 + r) * 3 + s] += sum;
        }
    }
    free(part);
}

/*
 * %4744 = conv2d_bwd_input(%4739, %142) : f32[4,128,128,48]  features.2.4.block.0.0
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %4744 -> A + 135266304
 * in  %4739 f32[4,128,128,192] <- A + 62914560
 * in  %142 f32[192,48,3,3] <- M + 319944 (features.2.4.block.0.0.weight)
 */
void k016b_conv3x3_bwd_input(
    float *restrict dx /* [4,128,128,48] */,
    const float *restrict dy /* [4,128,128,192] */,
    const float *restrict w /* [192,48,3,3] */) {
    /* dx of x (4,128,128,48) w (192,48,3,3) y (4,128,128,192) stride 1 pad 1 */
    /* Winograd F(4x4, 3x3): 4096 tiles of 4x4 outputs, chunks of 8; per chunk V = Bᵀ d B (36, tiles, C),
     * M[ξ] = V[ξ] · U[ξ] (36 GEMMs, U = G g Gᵀ packed once), y = Aᵀ M A. */
    float *restrict u = malloc(sizeof(float) * 331776);  /* U[ξ] (C, K) */
    if (!u) abort();
    #pragma omp parallel for schedule(static)
    for (long k = 0; k < 48; k++) {
        for (long c = 0; c < 192; c++) {
            float g[9];  /* the forward's w[c, k] (c its output channel, k its input), rotated by 180 degrees */
            for (int i = 0; i < 9; i++) g[i] = w[(c * 48 + k) * 9 + 8 - i];
            float v[36];
            ba_wino4_weight(g, v);
            #pragma GCC unroll 36
            for (int xi = 0; xi < 36; xi++) u[(xi * 192 + c) * 48 + k] = v[xi];
        }
    }
    float *packed[36];
    #pragma omp parallel for schedule(static)
    for (int xi = 0; xi < 36; xi++) packed[xi] = breastai_gemm_f32_pack(CblasNoTrans, 48, 192, u + xi * 9216, 48);
    free(u);
    #pragma omp parallel
    {
        float *restrict vt = malloc(sizeof(float) * 55296);  /* V (36, chunk, C) */
        float *restrict mt = malloc(sizeof(float) * 13824);  /* M (36, chunk, K) */
        float *restrict zero = calloc(192, sizeof(float));  /* the padding's pixel */
        if (!vt || !mt || !zero) abort();
        #pragma omp for schedule(static)
        for (long b = 0; b < 512; b++) {
            const long t0 = b * 8, count = t0 + 8 <= 4096 ? 8 : 4096 - t0;
            /* V = Bᵀ d B, channels innermost */
            for (long t = 0; t < count; t++) {
                const long n = (t0 + t) / 1024, ty = (t0 + t) / 32 % 32, tx = (t0 + t) % 32;
                const float *p[6][6];  /* the patch's pixels, `zero` outside x */
                for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) {
                    const long ih = 4 * ty - 1 + i, iw = 4 * tx - 1 + j;
                    p[i][j] = ih < 0 || ih >= 128 || iw < 0 || iw >= 128 ? zero : dy + ((n * 128 + ih) * 128 + iw) * 192;
                }
                for (long c = 0; c < 192; c++) {
                    float q[36], v[36];
                    #pragma GCC unroll 36
                    for (int i = 0; i < 36; i++) q[i] = p[i / 6][i % 6][c];
                    ba_wino4_input(q, v);
                    #pragma GCC unroll 36
                    for (int xi = 0; xi < 36; xi++) vt[(xi * 8 + t) * 192 + c] = v[xi];
                }
            }
            for (int xi = 0; xi < 36; xi++)
                breastai_gemm_f32_packed(CblasNoTrans, count, 48, 192, 1.0f, vt + xi * 1536, 192, packed[xi], 0.0f, mt + xi * 384, 48);
            /* y = Aᵀ M A, output channels innermost; a tile past the last row or column writes only its outputs inside y */
            for (long t = 0; t < count; t++) {
                const long n = (t0 + t) / 1024, ty = (t0 + t) / 32 % 32, tx = (t0 + t) % 32;
                float *restrict y00 = dx + ((n * 128 + 4 * ty) * 128 + 4 * tx) * 48;
                const long rows = 128 - 4 * ty < 4 ? 128 - 4 * ty : 4, cols = 128 - 4 * tx < 4 ? 128 - 4 * tx : 4;
                if (rows == 4 && cols == 4) {
                    for (long k = 0; k < 48; k++) {
                        float m[36], o[16];
                        #pragma GCC unroll 36
                        for (int xi = 0; xi < 36; xi++) m[xi] = mt[(xi * 8 + t) * 48 + k];
                        ba_wino4_output(m, o);
                        for (long i = 0; i < 4; i++)
                            for (long j = 0; j < 4; j++) y00[(i * 128 + j) * 48 + k] = o[4 * i + j];
                    }
                    continue;
                }
                for (long k = 0; k < 48; k++) {
                    float m[36], o[16];
                    #pragma GCC unroll 36
                    for (int xi = 0; xi < 36; xi++) m[xi] = mt[(xi * 8 + t) * 48 + k];
                    ba_wino4_output(m, o);
                    for (long i = 0; i < rows; i++)
                        for (long j = 0; j < cols; j++) y00[(i * 128 + j) * 48 + k] = o[4 * i + j];
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
 * %4745 = conv2d_bwd_weight(%4739, %141) : f32[192,48,3,3]  features.2.4.block.0.0
 * %4934 = add(%4933, %4745) : f32[192,48,3,3]  features.2.4.block.0.0.weight
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %4934 -> G + 319944
 * in  %4739 f32[4,128,128,192] <- A + 62914560
 * in  %141 f32[4,128,128,48] <- A + 354156544
 * in  %4933 f32[192,48,3,3] <- G + 319944 (features.2.4.block.0.0.weight)
 */
void k016b_conv3x3_bwd_weight_acc(
    float *restrict grad /* [192,48,3,3] */,
    const float *restrict dy /* [4,128,128,192] */,
    const float *restrict x /* [4,128,128,48] */) {
    /* dw of x (4,128,128,48) w (192,48,3,3) y (4,128,128,192) stride 1 pad 1, added into the accumulator */
    /* Winograd F(4x4, 3x3) weight gradient: 4096 tiles in chunks of 128; per chunk V = Bᵀ d B (36, tiles, C) and
     * E = A dY Aᵀ (36, tiles, K), acc[ξ] (K, C) += E[ξ]ᵀ · V[ξ]; dw = Gᵀ acc G. */
    const int max_threads = omp_get_max_threads();
    float *restrict part = calloc((size_t)max_threads * 331776, sizeof(float));  /* (threads, 36, K, C) */
    if (!part) abort();
    int threads = 1;
    #pragma omp parallel num_threads(max_threads)
    {
        const int thread = omp_get_thread_num(), team = omp_get_num_threads();
        if (thread == 0) threads = team;
        float *restrict vt = malloc(sizeof(float) * 221184);  /* V (36, chunk, C) */
        float *restrict et = malloc(sizeof(float) * 884736);  /* E (36, chunk, K) */
        float *restrict zero = calloc(192, sizeof(float));  /* the padding's pixel of x and of dy */
        float *restrict scratch = aligned_alloc(64, sizeof(float) * breastai_gemm_f32_tn_scratch(48, 128));  /* V[ξ] packed */
        if (!vt || !et || !zero || !scratch) abort();
        float *restrict acc = part + (long)thread * 331776;
        for (long b = 32L * thread / team; b < 32L * (thread + 1) / team; b++) {
            const long t0 = b * 128, count = t0 + 128 <= 4096 ? 128 : 4096 - t0;
            /* V = Bᵀ d B, channels innermost */
            for (long t = 0; t < count; t++) {
                const long n = (t0 + t) / 1024, ty = (t0 + t) / 32 % 32, tx = (t0 + t) % 32;
                const float *p[6][6];  /* the patch's pixels, `zero` outside x */
                for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) {
                    const long ih = 4 * ty - 1 + i, iw = 4 * tx - 1 + j;
                    p[i][j] = ih < 0 || ih >= 128 || iw < 0 || iw >= 128 ? zero : x + ((n * 128 + ih) * 128 + iw) * 48;
                }
                for (long c = 0; c < 48; c++) {
                    float q[36], v[36];
                    #pragma GCC unroll 36
                    for (int i = 0; i < 36; i++) q[i] = p[i / 6][i % 6][c];
                    ba_wino4_input(q, v);
                    #pragma GCC unroll 36
                    for (int xi = 0; xi < 36; xi++) vt[(xi * 128 + t) * 48 + c] = v[xi];
                }
            }
            /* E = A dY Aᵀ: the tile's 4x4 of dy (0 past the last row or column) spread to 6x6 */
            for (long t = 0; t < count; t++) {
                const long n = (t0 + t) / 1024, ty = (t0 + t) / 32 % 32, tx = (t0 + t) % 32;
                const float *q[4][4];  /* the tile's pixels of dy, `zero` outside it */
                for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) {
                    const long oh = 4 * ty + i, ow = 4 * tx + j;
                    q[i][j] = oh < 128 && ow < 128 ? dy + ((n * 128 + oh) * 128 + ow) * 192 : zero;
                }
                for (long k = 0; k < 192; k++) {
                    float g[16], e[36];
                    #pragma GCC unroll 16
                    for (int i = 0; i < 16; i++) g[i] = q[i / 4][i % 4][k];
                    ba_wino4_spread(g, e);
                    #pragma GCC unroll 36
                    for (int xi = 0; xi < 36; xi++) et[(xi * 128 + t) * 192 + k] = e[xi];
                }
            }
            for (int xi = 0; xi < 36; xi++)
                breastai_gemm_f32_tn(192, 48, count, et + xi * 24576, 192, vt + xi * 6144, 48, acc + xi * 9216, 48, scratch);
        }
        free(vt);
        free(et);
        free(zero);
        free(scratch);
    }
    /* dw[k, c] = Gᵀ (Σ_thread part[thread, ξ, k, c]) G, the partials added in thread order */
    #pragma omp parallel for schedule(static)
    for (long k = 0; k < 192; k++) {
        for (long c = 0; c < 48; c++) {
            float s[36], o[9];
            for (int xi = 0; xi < 36; xi++) {
                s[xi] = 0.0f;
                for (int thread = 0; thread < threads; thread++) s[xi] += part[(((long)thread * 36 + xi) * 192 + k) * 48 + c];
            }
            ba_wino4_weight_grad(s, o);
            for (int i = 0; i < 9; i++) grad[(k * 48 + c) * 9 + i] += o[i];
        }
    }
    free(part);
}
