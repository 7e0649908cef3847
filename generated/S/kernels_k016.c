/* Kernels k016 to k031 and their backward kernels. */
#include "kernels.h"

/*
 * %65 = conv2d(%57, %63) : f32[4,128,128,192]  features.2.1.block.0.0
 * 15 call sites share this function; the nodes and locations above are the first one's.
 * out %65 -> A + 0
 * in  %57 f32[4,128,128,48] <- A + 12582912
 * in  %63 f32[192,48,3,3] <- A + 15728640
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
 * %74 = bn_fold_weight(%69, %70, %73) : f32[48,192,1,1]  features.2.1.block.1.1
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %74 -> A + 18874368
 * in  %69 f32[48,192,1,1] <- M + 120120 (features.2.1.block.1.0.weight)
 * in  %70 f32[48] <- M + 129336 (features.2.1.block.1.1.weight)
 * in  %73 f32[48] <- M + 21172757 (features.2.1.block.1.1.running_var)
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
 * %67 = add(%65, %66) : f32[4,128,128,192]  features.2.1.block.0.1
 * %68 = silu(%67) : f32[4,128,128,192]  features.2.1.block.0.2
 * %76 = conv2d(%68, %74) : f32[4,128,128,48]  features.2.1.block.1.0
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %76 -> A + 15728640
 * in  %65 f32[4,128,128,192] <- A + 0
 * in  %66 f32[1,1,1,192] <- A + 18883584
 * in  %74 f32[48,192,1,1] <- A + 18874368
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
 * %78 = add(%76, %77) : f32[4,128,128,48]  features.2.1.block.1.1
 * %79 = add(%78, %57) : f32[4,128,128,48]  features.2.1
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %79 -> A + 18874368
 * in  %57 f32[4,128,128,48] <- A + 12582912
 * in  %76 f32[4,128,128,48] <- A + 15728640
 * in  %77 f32[1,1,1,48] <- A + 22020096
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
 * %131 = conv2d(%123, %129) : f32[4,64,64,192]  features.3.0.block.0.0
 * 5 call sites share this function; the nodes and locations above are the first one's.
 * out %131 -> A + 3145728
 * in  %123 f32[4,128,128,48] <- A + 0
 * in  %129 f32[192,48,3,3] <- A + 6291456
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
 * %140 = bn_fold_weight(%135, %136, %139) : f32[64,192,1,1]  features.3.0.block.1.1
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %140 -> A + 1048576
 * in  %135 f32[64,192,1,1] <- M + 398040 (features.3.0.block.1.0.weight)
 * in  %136 f32[64] <- M + 410328 (features.3.0.block.1.1.weight)
 * in  %139 f32[64] <- M + 21174213 (features.3.0.block.1.1.running_var)
 */
void k021_bn_fold_weight(
    float *restrict w_folded /* [64,192,1,1] */,
    const float *restrict w /* [64,192,1,1] */,
    const float *restrict gamma /* [64] */,
    const float *restrict running_var /* [64] */) {
    /* w (64, 192) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 64; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 192; j++) w_folded[k * 192 + j] = w[k * 192 + j] * s;
    }
}

/*
 * %141 = bn_fold_bias(%136, %137, %138, %139) : f32[64]  features.3.0.block.1.1
 * 16 call sites share this function; the nodes and locations above are the first one's.
 * out %141 -> A + 6291456
 * in  %136 f32[64] <- M + 410328 (features.3.0.block.1.1.weight)
 * in  %137 f32[64] <- M + 410392 (features.3.0.block.1.1.bias)
 * in  %138 f32[64] <- M + 21174149 (features.3.0.block.1.1.running_mean)
 * in  %139 f32[64] <- M + 21174213 (features.3.0.block.1.1.running_var)
 */
void k022_bn_fold_bias(
    float *restrict bias_folded /* [64] */,
    const float *restrict gamma /* [64] */,
    const float *restrict beta /* [64] */,
    const float *restrict running_mean /* [64] */,
    const float *restrict running_var /* [64] */) {
    for (long k = 0; k < 64; k++) bias_folded[k] = beta[k] - running_mean[k] * gamma[k] / sqrtf(running_var[k] + 0.001f);
}

/*
 * %133 = add(%131, %132) : f32[4,64,64,192]  features.3.0.block.0.1
 * %134 = silu(%133) : f32[4,64,64,192]  features.3.0.block.0.2
 * %142 = conv2d(%134, %140) : f32[4,64,64,64]  features.3.0.block.1.0
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %142 -> A + 0
 * in  %131 f32[4,64,64,192] <- A + 3145728
 * in  %132 f32[1,1,1,192] <- A + 6374400
 * in  %140 f32[64,192,1,1] <- A + 1048576
 */
void k023_add_silu_conv1x1(
    float *restrict y /* [4,64,64,64] */,
    const float *restrict x /* [4,64,64,192] */,
    const float *restrict bias /* [1,1,1,192] */,
    const float *restrict w /* [64,192,1,1] */) {
    /* y (16384, 64) = f(x) (16384, 192) · wᵀ: tiles of 316 rows of f(x) computed into scratch, one sgemm each */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 64, 192, w, 192);  /* packed once for every tile */
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
            breastai_gemm_f32_packed(CblasNoTrans, rows, 64, 192, 1.0f, tile, 192, w_f32, 0.0f, y + m0 * 64, 64);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %144 = add(%142, %143) : f32[4,64,64,64]  features.3.0.block.1.1
 * 4 call sites share this function; the nodes and locations above are the first one's.
 * out %144 -> A + 4194304
 * in  %142 f32[4,64,64,64] <- A + 0
 * in  %143 f32[1,1,1,64] <- A + 6291456
 */
void k024_add(
    float *restrict y /* [4,64,64,64] */,
    const float *restrict x /* [4,64,64,64] */,
    const float *restrict bias /* [1,1,1,64] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 16384; r++) {
        #pragma omp simd
        for (long c = 0; c < 64; c++) {
            const long i = r * 64 + c;
            const float t0 = x[r * 64 + c];
            const float t1 = bias[c];
            const float t2 = t0 + t1;
            y[i] = t2;
        }
    }
}

/*
 * %150 = bn_fold_weight(%145, %146, %149) : f32[256,64,3,3]  features.3.1.block.0.1
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %150 -> A + 5242880
 * in  %145 f32[256,64,3,3] <- M + 410456 (features.3.1.block.0.0.weight)
 * in  %146 f32[256] <- M + 557912 (features.3.1.block.0.1.weight)
 * in  %149 f32[256] <- M + 21174533 (features.3.1.block.0.1.running_var)
 */
void k025_bn_fold_weight(
    float *restrict w_folded /* [256,64,3,3] */,
    const float *restrict w /* [256,64,3,3] */,
    const float *restrict gamma /* [256] */,
    const float *restrict running_var /* [256] */) {
    /* w (256, 576) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 256; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 576; j++) w_folded[k * 576 + j] = w[k * 576 + j] * s;
    }
}

/*
 * %151 = bn_fold_bias(%146, %147, %148, %149) : f32[256]  features.3.1.block.0.1
 * 48 call sites share this function; the nodes and locations above are the first one's.
 * out %151 -> A + 6307840
 * in  %146 f32[256] <- M + 557912 (features.3.1.block.0.1.weight)
 * in  %147 f32[256] <- M + 558168 (features.3.1.block.0.1.bias)
 * in  %148 f32[256] <- M + 21174277 (features.3.1.block.0.1.running_mean)
 * in  %149 f32[256] <- M + 21174533 (features.3.1.block.0.1.running_var)
 */
void k026_bn_fold_bias(
    float *restrict bias_folded /* [256] */,
    const float *restrict gamma /* [256] */,
    const float *restrict beta /* [256] */,
    const float *restrict running_mean /* [256] */,
    const float *restrict running_var /* [256] */) {
    for (long k = 0; k < 256; k++) bias_folded[k] = beta[k] - running_mean[k] * gamma[k] / sqrtf(running_var[k] + 0.001f);
}

/*
 * %152 = conv2d(%144, %150) : f32[4,64,64,256]  features.3.1.block.0.0
 * 15 call sites share this function; the nodes and locations above are the first one's.
 * out %152 -> A + 0
 * in  %144 f32[4,64,64,64] <- A + 4194304
 * in  %150 f32[256,64,3,3] <- A + 5242880
 */
void k027_conv3x3(
    float *restrict y /* [4,64,64,256] */,
    const float *restrict x /* [4,64,64,64] */,
    const float *restrict w /* [256,64,3,3] */) {
    /* x (4,64,64,64) w (256,64,3,3) y (4,64,64,256) stride 1 pad 1 */
    /* Winograd F(4x4, 3x3): 1024 tiles of 4x4 outputs, chunks of 12; per chunk V = Bᵀ d B (36, tiles, C),
     * M[ξ] = V[ξ] · U[ξ] (36 GEMMs, U = G g Gᵀ packed once), y = Aᵀ M A. */
    float *restrict u = malloc(sizeof(float) * 589824);  /* U[ξ] (C, K) */
    if (!u) abort();
    #pragma omp parallel for schedule(static)
    for (long k = 0; k < 256; k++) {
        for (long c = 0; c < 64; c++) {
            const float *g = w + (k * 64 + c) * 9;
            float v[36];
            ba_wino4_weight(g, v);
            #pragma GCC unroll 36
            for (int xi = 0; xi < 36; xi++) u[(xi * 64 + c) * 256 + k] = v[xi];
        }
    }
    float *packed[36];
    #pragma omp parallel for schedule(static)
    for (int xi = 0; xi < 36; xi++) packed[xi] = breastai_gemm_f32_pack(CblasNoTrans, 256, 64, u + xi * 16384, 256);
    free(u);
    #pragma omp parallel
    {
        float *restrict vt = malloc(sizeof(float) * 27648);  /* V (36, chunk, C) */
        float *restrict mt = malloc(sizeof(float) * 110592);  /* M (36, chunk, K) */
        float *restrict zero = calloc(64, sizeof(float));  /* the padding's pixel */
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
                    p[i][j] = ih < 0 || ih >= 64 || iw < 0 || iw >= 64 ? zero : x + ((n * 64 + ih) * 64 + iw) * 64;
                }
                for (long c = 0; c < 64; c++) {
                    float q[36], v[36];
                    #pragma GCC unroll 36
                    for (int i = 0; i < 36; i++) q[i] = p[i / 6][i % 6][c];
                    ba_wino4_input(q, v);
                    #pragma GCC unroll 36
                    for (int xi = 0; xi < 36; xi++) vt[(xi * 12 + t) * 64 + c] = v[xi];
                }
            }
            for (int xi = 0; xi < 36; xi++)
                breastai_gemm_f32_packed(CblasNoTrans, count, 256, 64, 1.0f, vt + xi * 768, 64, packed[xi], 0.0f, mt + xi * 3072, 256);
            /* y = Aᵀ M A, output channels innermost; a tile past the last row or column writes only its outputs inside y */
            for (long t = 0; t < count; t++) {
                const long n = (t0 + t) / 256, ty = (t0 + t) / 16 % 16, tx = (t0 + t) % 16;
                float *restrict y00 = y + ((n * 64 + 4 * ty) * 64 + 4 * tx) * 256;
                const long rows = 64 - 4 * ty < 4 ? 64 - 4 * ty : 4, cols = 64 - 4 * tx < 4 ? 64 - 4 * tx : 4;
                if (rows == 4 && cols == 4) {
                    for (long k = 0; k < 256; k++) {
                        float m[36], o[16];
                        #pragma GCC unroll 36
                        for (int xi = 0; xi < 36; xi++) m[xi] = mt[(xi * 12 + t) * 256 + k];
                        ba_wino4_output(m, o);
                        for (long i = 0; i < 4; i++)
                            for (long j = 0; j < 4; j++) y00[(i * 64 + j) * 256 + k] = o[4 * i + j];
                    }
                    continue;
                }
                for (long k = 0; k < 256; k++) {
                    float m[36], o[16];
                    #pragma GCC unroll 36
                    for (int xi = 0; xi < 36; xi++) m[xi] = mt[(xi * 12 + t) * 256 + k];
                    ba_wino4_output(m, o);
                    for (long i = 0; i < rows; i++)
                        for (long j = 0; j < cols; j++) y00[(i * 64 + j) * 256 + k] = o[4 * i + j];
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
 * %161 = bn_fold_weight(%156, %157, %160) : f32[64,256,1,1]  features.3.1.block.1.1
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %161 -> A + 6291456
 * in  %156 f32[64,256,1,1] <- M + 558424 (features.3.1.block.1.0.weight)
 * in  %157 f32[64] <- M + 574808 (features.3.1.block.1.1.weight)
 * in  %160 f32[64] <- M + 21174853 (features.3.1.block.1.1.running_var)
 */
void k028_bn_fold_weight(
    float *restrict w_folded /* [64,256,1,1] */,
    const float *restrict w /* [64,256,1,1] */,
    const float *restrict gamma /* [64] */,
    const float *restrict running_var /* [64] */) {
    /* w (64, 256) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 64; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 256; j++) w_folded[k * 256 + j] = w[k * 256 + j] * s;
    }
}

/*
 * %154 = add(%152, %153) : f32[4,64,64,256]  features.3.1.block.0.1
 * %155 = silu(%154) : f32[4,64,64,256]  features.3.1.block.0.2
 * %163 = conv2d(%155, %161) : f32[4,64,64,64]  features.3.1.block.1.0
 * 12 call sites share this function; the nodes and locations above are the first one's.
 * out %163 -> A + 5242880
 * in  %152 f32[4,64,64,256] <- A + 0
 * in  %153 f32[1,1,1,256] <- A + 6307840
 * in  %161 f32[64,256,1,1] <- A + 6291456
 */
void k029_add_silu_conv1x1(
    float *restrict y /* [4,64,64,64] */,
    const float *restrict x /* [4,64,64,256] */,
    const float *restrict bias /* [1,1,1,256] */,
    const float *restrict w /* [64,256,1,1] */) {
    /* y (16384, 64) = f(x) (16384, 256) · wᵀ: tiles of 256 rows of f(x) computed into scratch, one sgemm each */
    float *w_f32 = breastai_gemm_f32_pack(CblasTrans, 64, 256, w, 256);  /* packed once for every tile */
    #pragma omp parallel
    {
        float *restrict tile = malloc(sizeof(float) * 65536);
        if (!tile) abort();
        #pragma omp for schedule(static)
        for (long t = 0; t < 64; t++) {
            const long m0 = t * 256, rows = m0 + 256 <= 16384 ? 256 : 16384 - m0;
            for (long r = m0; r < m0 + rows; r++) {
                for (long c = 0; c < 256; c++) {
                    const float t0 = x[r * 256 + c];
                    const float t1 = bias[c];
                    const float t2 = t0 + t1;
                    const float t3 = t2 * ba_sigmoid(t2);
                    tile[(r - m0) * 256 + c] = t3;
                }
            }
            breastai_gemm_f32_packed(CblasNoTrans, rows, 64, 256, 1.0f, tile, 256, w_f32, 0.0f, y + m0 * 64, 64);
        }
        free(tile);
    }
    free(w_f32);
}

/*
 * %165 = add(%163, %164) : f32[4,64,64,64]  features.3.1.block.1.1
 * %166 = add(%165, %144) : f32[4,64,64,64]  features.3.1
 * 8 call sites share this function; the nodes and locations above are the first one's.
 * out %166 -> A + 6291456
 * in  %144 f32[4,64,64,64] <- A + 4194304
 * in  %163 f32[4,64,64,64] <- A + 5242880
 * in  %164 f32[1,1,1,64] <- A + 7340032
 */
void k030_add(
    float *restrict y /* [4,64,64,64] */,
    const float *restrict b /* [4,64,64,64] */,
    const float *restrict x /* [4,64,64,64] */,
    const float *restrict bias /* [1,1,1,64] */) {
    #pragma omp parallel for schedule(static)
    for (long r = 0; r < 16384; r++) {
        #pragma omp simd
        for (long c = 0; c < 64; c++) {
            const long i = r * 64 + c;
            const float t0 = x[r * 64 + c];
            const float t1 = bias[c];
            const float t2 = t0 + t1;
            const float t3 = b[r * 64 + c];
            const float t4 = t2 + t3;
            y[i] = t4;
        }
    }
}

/*
 * %216 = bn_fold_weight(%211, %212, %215) : f32[256,64,1,1]  features.4.0.block.0.1
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %216 -> A + 6291456
 * in  %211 f32[256,64,1,1] <- M + 903896 (features.4.0.block.0.0.weight)
 * in  %212 f32[256] <- M + 920280 (features.4.0.block.0.1.weight)
 * in  %215 f32[256] <- M + 21176453 (features.4.0.block.0.1.running_var)
 */
void k031_bn_fold_weight(
    float *restrict w_folded /* [256,64,1,1] */,
    const float *restrict w /* [256,64,1,1] */,
    const float *restrict gamma /* [256] */,
    const float *restrict running_var /* [256] */) {
    /* w (256, 64) scaled per output channel by γ/sqrt(var + eps) */
    for (long k = 0; k < 256; k++) {
        const float s = gamma[k] / sqrtf(running_var[k] + 0.001f);
        for (long j = 0; j < 64; j++) w_folded[k * 64 + j] = w[k * 64 + j] * s;
    }
}

/*
 * %3252 = conv2d_bwd_input(%3247, %196) : f32[4,64,64,64]  features.3.3.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %3252 -> A + 59768832
 * in  %3247 f32[4,64,64,256] <- A + 54525952
 * in  %196 f32[256,64,3,3] <- M + 739416 (features.3.3.block.0.0.weight)
 */
void k027b_conv3x3_bwd_input(
    float *restrict dx /* [4,64,64,64] */,
    const float *restrict dy /* [4,64,64,256] */,
    const float *restrict w /* [256,64,3,3] */) {
    /* dx of x (4,64,64,64) w (256,64,3,3) y (4,64,64,256) stride 1 pad 1 */
    /* Winograd F(4x4, 3x3): 1024 tiles of 4x4 outputs, chunks of 12; per chunk V = Bᵀ d B (36, tiles, C),
     * M[ξ] = V[ξ] · U[ξ] (36 GEMMs, U = G g Gᵀ packed once), y = Aᵀ M A. */
    float *restrict u = malloc(sizeof(float) * 589824);  /* U[ξ] (C, K) */
    if (!u) abort();
    #pragma omp parallel for schedule(static)
    for (long k = 0; k < 64; k++) {
        for (long c = 0; c < 256; c++) {
            float g[9];  /* the forward's w[c, k] (c its output channel, k its input), rotated by 180 degrees */
            for (int i = 0; i < 9; i++) g[i] = w[(c * 64 + k) * 9 + 8 - i];
            float v[36];
            ba_wino4_weight(g, v);
            #pragma GCC unroll 36
            for (int xi = 0; xi < 36; xi++) u[(xi * 256 + c) * 64 + k] = v[xi];
        }
    }
    float *packed[36];
    #pragma omp parallel for schedule(static)
    for (int xi = 0; xi < 36; xi++) packed[xi] = breastai_gemm_f32_pack(CblasNoTrans, 64, 256, u + xi * 16384, 64);
    free(u);
    #pragma omp parallel
    {
        float *restrict vt = malloc(sizeof(float) * 110592);  /* V (36, chunk, C) */
        float *restrict mt = malloc(sizeof(float) * 27648);  /* M (36, chunk, K) */
        float *restrict zero = calloc(256, sizeof(float));  /* the padding's pixel */
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
                    p[i][j] = ih < 0 || ih >= 64 || iw < 0 || iw >= 64 ? zero : dy + ((n * 64 + ih) * 64 + iw) * 256;
                }
                for (long c = 0; c < 256; c++) {
                    float q[36], v[36];
                    #pragma GCC unroll 36
                    for (int i = 0; i < 36; i++) q[i] = p[i / 6][i % 6][c];
                    ba_wino4_input(q, v);
                    #pragma GCC unroll 36
                    for (int xi = 0; xi < 36; xi++) vt[(xi * 12 + t) * 256 + c] = v[xi];
                }
            }
            for (int xi = 0; xi < 36; xi++)
                breastai_gemm_f32_packed(CblasNoTrans, count, 64, 256, 1.0f, vt + xi * 3072, 256, packed[xi], 0.0f, mt + xi * 768, 64);
            /* y = Aᵀ M A, output channels innermost; a tile past the last row or column writes only its outputs inside y */
            for (long t = 0; t < count; t++) {
                const long n = (t0 + t) / 256, ty = (t0 + t) / 16 % 16, tx = (t0 + t) % 16;
                float *restrict y00 = dx + ((n * 64 + 4 * ty) * 64 + 4 * tx) * 64;
                const long rows = 64 - 4 * ty < 4 ? 64 - 4 * ty : 4, cols = 64 - 4 * tx < 4 ? 64 - 4 * tx : 4;
                if (rows == 4 && cols == 4) {
                    for (long k = 0; k < 64; k++) {
                        float m[36], o[16];
                        #pragma GCC unroll 36
                        for (int xi = 0; xi < 36; xi++) m[xi] = mt[(xi * 12 + t) * 64 + k];
                        ba_wino4_output(m, o);
                        for (long i = 0; i < 4; i++)
                            for (long j = 0; j < 4; j++) y00[(i * 64 + j) * 64 + k] = o[4 * i + j];
                    }
                    continue;
                }
                for (long k = 0; k < 64; k++) {
                    float m[36], o[16];
                    #pragma GCC unroll 36
                    for (int xi = 0; xi < 36; xi++) m[xi] = mt[(xi * 12 + t) * 64 + k];
                    ba_wino4_output(m, o);
                    for (long i = 0; i < rows; i++)
                        for (long j = 0; j < cols; j++) y00[(i * 64 + j) * 64 + k] = o[4 * i + j];
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
 * %3253 = conv2d_bwd_weight(%3247, %195) : f32[256,64,3,3]  features.3.3.block.0.0
 * %3516 = add(%3515, %3253) : f32[256,64,3,3]  features.3.3.block.0.0.weight
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %3516 -> G + 739416
 * in  %3247 f32[4,64,64,256] <- A + 54525952
 * in  %195 f32[4,64,64,64] <- A + 351797248
 * in  %3515 f32[256,64,3,3] <- G + 739416 (features.3.3.block.0.0.weight)
 */
void k027b_conv3x3_bwd_weight_acc(
    float *restrict grad /* [256,64,3,3] */,
    const float *restrict dy /* [4,64,64,256] */,
    const float *restrict x /* [4,64,64,64] */) {
    /* dw of x (4,64,64,64) w (256,64,3,3) y (4,64,64,256) stride 1 pad 1, added into the accumulator */
    /* Winograd F(4x4, 3x3) weight gradient: 1024 tiles in chunks of 128; per chunk V = Bᵀ d B (36, tiles, C) and
     * E = A dY Aᵀ (36, tiles, K), acc[ξ] (K, C) += E[ξ]ᵀ · V[ξ]; dw = Gᵀ acc G. */
    const int max_threads = omp_get_max_threads();
    float *restrict part = calloc((size_t)max_threads * 589824, sizeof(float));  /* (threads, 36, K, C) */
    if (!part) abort();
    int threads = 1;
    #pragma omp parallel num_threads(max_threads)
    {
        const int thread = omp_get_thread_num(), team = omp_get_num_threads();
        if (thread == 0) threads = team;
        float *restrict vt = malloc(sizeof(float) * 294912);  /* V (36, chunk, C) */
        float *restrict et = malloc(sizeof(float) * 1179648);  /* E (36, chunk, K) */
        float *restrict zero = calloc(256, sizeof(float));  /* the padding's pixel of x and of dy */
        float *restrict scratch = aligned_alloc(64, sizeof(float) * breastai_gemm_f32_tn_scratch(64, 128));  /* V[ξ] packed */
        if (!vt || !et || !zero || !scratch) abort();
        float *restrict acc = part + (long)thread * 589824;
        for (long b = 8L * thread / team; b < 8L * (thread + 1) / team; b++) {
            const long t0 = b * 128, count = t0 + 128 <= 1024 ? 128 : 1024 - t0;
            /* V = Bᵀ d B, channels innermost */
            for (long t = 0; t < count; t++) {
                const long n = (t0 + t) / 256, ty = (t0 + t) / 16 % 16, tx = (t0 + t) % 16;
                const float *p[6][6];  /* the patch's pixels, `zero` outside x */
                for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) {
                    const long ih = 4 * ty - 1 + i, iw = 4 * tx - 1 + j;
                    p[i][j] = ih < 0 || ih >= 64 || iw < 0 || iw >= 64 ? zero : x + ((n * 64 + ih) * 64 + iw) * 64;
                }
                for (long c = 0; c < 64; c++) {
                    float q[36], v[36];
                    #pragma GCC unroll 36
                    for (int i = 0; i < 36; i++) q[i] = p[i / 6][i % 6][c];
                    ba_wino4_input(q, v);
                    #pragma GCC unroll 36
                    for (int xi = 0; xi < 36; xi++) vt[(xi * 128 + t) * 64 + c] = v[xi];
                }
            }
            /* E = A dY Aᵀ: the tile's 4x4 of dy (0 past the last row or column) spread to 6x6 */
            for (long t = 0; t < count; t++) {
                const long n = (t0 + t) / 256, ty = (t0 + t) / 16 % 16, tx = (t0 + t) % 16;
                const float *q[4][4];  /* the tile's pixels of dy, `zero` outside it */
                for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) {
                    const long oh = 4 * ty + i, ow = 4 * tx + j;
                    q[i][j] = oh < 64 && ow < 64 ? dy + ((n * 64 + oh) * 64 + ow) * 256 : zero;
                }
                for (long k = 0; k < 256; k++) {
                    float g[16], e[36];
                    #pragma GCC unroll 16
                    for (int i = 0; i < 16; i++) g[i] = q[i / 4][i % 4][k];
                    ba_wino4_spread(g, e);
                    #pragma GCC unroll 36
                    for (int xi = 0; xi < 36; xi++) et[(xi * 128 + t) * 256 + k] = e[xi];
                }
            }
            for (int xi = 0; xi < 36; xi++)
                breastai_gemm_f32_tn(256, 64, count, et + xi * 32768, 256, vt + xi * 8192, 64, acc + xi * 16384, 64, scratch);
        }
        free(vt);
        free(et);
        free(zero);
        free(scratch);
    }
    /* dw[k, c] = Gᵀ (Σ_thread part[thread, ξ, k, c]) G, the partials added in thread order */
    #pragma omp parallel for schedule(static)
    for (long k = 0; k < 256; k++) {
        for (long c = 0; c < 64; c++) {
            float s[36], o[9];
            for (int xi = 0; xi < 36; xi++) {
                s[xi] = 0.0f;
                for (int thread = 0; thread < threads; thread++) s[xi] += part[(((long)thread * 36 + xi) * 256 + k) * 64 + c];
            }
            ba_wino4_weight_grad(s, o);
            for (int i = 0; i < 9; i++) grad[(k * 64 + c) * 9 + i] += o[i];
        }
    }
    free(part);
}

/*
 * %3308 = conv2d_bwd_input(%3303, %129) : f32[4,128,128,48]  features.3.0.block.0.0
 * out %3308 -> A + 106954752
 * in  %3303 f32[4,64,64,192] <- A + 40894464
 * in  %129 f32[192,48,3,3] <- M + 314712 (features.3.0.block.0.0.weight)
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
 * %3309 = conv2d_bwd_weight(%3303, %128) : f32[192,48,3,3]  features.3.0.block.0.0
 * %3480 = add(%3479, %3309) : f32[192,48,3,3]  features.3.0.block.0.0.weight
 * out %3480 -> G + 314712
 * in  %3303 f32[4,64,64,192] <- A + 40894464
 * in  %128 f32[4,128,128,48] <- A + 231211008
 * in  %3479 f32[192,48,3,3] <- G + 314712 (features.3.0.block.0.0.weight)
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
 * %3326 = conv2d_bwd_input(%3321, %106) : f32[4,128,128,48]  features.2.3.block.0.0
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %3326 -> A + 110100480
 * in  %3321 f32[4,128,128,192] <- A + 50331648
 * in  %106 f32[192,48,3,3] <- M + 222072 (features.2.3.block.0.0.weight)
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
 * %3327 = conv2d_bwd_weight(%3321, %105) : f32[192,48,3,3]  features.2.3.block.0.0
 * %3468 = add(%3467, %3327) : f32[192,48,3,3]  features.2.3.block.0.0.weight
 * 3 call sites share this function; the nodes and locations above are the first one's.
 * out %3468 -> G + 222072
 * in  %3321 f32[4,128,128,192] <- A + 50331648
 * in  %105 f32[4,128,128,48] <- A + 224919552
 * in  %3467 f32[192,48,3,3] <- G + 222072 (features.2.3.block.0.0.weight)
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
