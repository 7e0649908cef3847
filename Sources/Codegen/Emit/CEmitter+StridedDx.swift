import Graph

// MARK: - dx of a strided dense convolution, by rows of dy

/// Whether the dx of `d` runs by rows of dy (`emitStridedBackwardInputByRows`): dense (groups 1) with
/// stride above 1. Grouped strided convolutions keep the gather form of `emitImplicitGemmBackwardInput`.
func stridedBackwardInputByRows(_ d: ConvShape) -> Bool { d.stride > 1 && d.groups == 1 }

/// Bytes of one thread's buffer of products: it stays in L2 (1 MB per core on the machines measured)
/// while the dx rows read it.
private let productBytes = 512 * 1024

/// dx of a strided dense convolution as a transposed convolution, one GEMM per run of dy rows:
///
///     P[oh, ow, (r, s, c)] = Σ_k dy[n, oh, ow, k] · w[k, c, r, s]      P (Wo, R·S·C) per dy row
///     dx[n, ih, iw, c]     = Σ_{(r, s) reaching (ih, iw)} P[oh, ow, (r, s, c)],  ih = oh·stride − pad + r
///
/// The gather form (`emitImplicitGemmBackwardInput`) splits dx into stride² phases and multiplies
/// each phase's pixels by its own few taps: on S's features.2.0 (dx 4x256x256x24) that is a GEMM 24
/// columns wide, and the gather of dy runs per pixel. Here A is dy itself (its rows are contiguous in
/// NHWC), the GEMM is R·S·C columns wide (216 on features.2.0), and the multiplies are the same. The
/// products of a dy row serve at most ⌈R/stride⌉ dx rows, so each thread keeps the last few rows'
/// products in a buffer that stays in L2 and sums them into each dx row when it writes it.
///
/// Blocks of dx rows run in parallel; a block recomputes the products of at most ⌈R/stride⌉ − 1 dy
/// rows that the block before it also needs. Every dx element is written once, by one thread, summing
/// its taps in (r, s) order: the same bits for any thread count. Measured in a C harness on S's
/// shapes (2 threads, best of 10, fp32): features.2.0 dx 25.5-28.6 -> 18.4-19.8 ms, features.3.0
/// 16.8-18.9 -> 13.8-14.8 ms; the GEMM alone took 16-17 and 13.4-13.8 ms of it.
func emitStridedBackwardInputByRows(_ d: ConvShape, dy: String, w wp: String, dx: String, _ precision: Precision, _ w: inout CWriter) {
    let (st, pad) = (d.stride, d.pad)
    let rsc = d.r * d.s * d.c
    let rowFloats = d.wo * rsc
    let reach = (d.r + st - 1) / st  // dy rows reaching one dx row, at most
    let rows = min(d.ho, max(reach + 1, productBytes / (4 * rowFloats)))  // dy rows per buffer
    let blocks = max(1, min((8 + d.n - 1) / d.n, d.h / 16))  // blocks of dx rows per image
    w.line("/* Transposed convolution by rows of dy: P (Wo, R·S·C) = dy row (Wo, K) · wt (K, R·S·C), one GEMM for up to \(rows)")
    w.line(" * dy rows at a time into a buffer per thread (it stays in L2); each dx row then sums the products of the")
    w.line(" * taps (r, s) that reach it, ih = oh·\(st) − \(pad) + r and iw = ow·\(st) − \(pad) + s. Blocks of dx rows (\(blocks) per")
    w.line(" * image) in parallel; every dx element is written once, by one thread, in (r, s) order. */")
    emitWeightOHWI(d, w: wp, &w)  // (K, R, S, C): row k is (r, s, c), as the products' columns
    let weight = TileWeight(precision, name: "wt", transposed: false, n: rsc, k: "\(d.k)", ld: "\(rsc)")
    weight.pack(&w)
    w.line("#pragma omp parallel")
    w.block("") { w in
        w.line("float *restrict p = malloc(sizeof(float) * \(rows * rowFloats));  /* the products of dy rows lo ..< hi */")
        w.line("if (!p) abort();")
        w.line("#pragma omp for schedule(static)")
        w.block("for (long b = 0; b < \(d.n * blocks); b++)") { w in
            w.line("const long n = b / \(blocks), i0 = b % \(blocks) * \(d.h) / \(blocks), i1 = (b % \(blocks) + 1) * \(d.h) / \(blocks);")
            w.line("long lo = 0, hi = 0;")
            w.block("for (long ih = i0; ih < i1; ih++)") { w in
                let top = affine("ih", 1, pad - d.r + 1)  // ih + pad − (R − 1): the lowest oh·stride reaching ih
                let below = "\(parenthesised(affine("ih", 1, pad))) / \(st) + 1"
                w.line("/* the dy rows reaching dx row ih: first ..< last */")
                w.line("const long first = \(top) <= 0 ? 0 : \(parenthesised(affine("ih", 1, pad - d.r + st))) / \(st);")
                w.line("const long last = \(below) < \(d.ho) ? \(below) : \(d.ho);")
                w.block("if (last > first && last > hi)") { w in
                    w.line("const long start = hi > first ? hi : first;  /* rows first ..< start are in p already */")
                    w.line("if (start > first) memmove(p, p + (first - lo) * \(rowFloats), sizeof(float) * (start - first) * \(rowFloats));")
                    w.line("lo = first; hi = first + \(rows) < \(d.ho) ? first + \(rows) : \(d.ho);")
                    w.line(weight.gemm(m: "(hi - start) * \(d.wo)", a: "\(dy) + (n * \(d.ho) + start) * \(d.wo * d.k)", lda: "\(d.k)",
                                       c: "p + (start - first) * \(rowFloats)", ldc: "\(rsc)"))
                }
                w.line("float *restrict drow = \(dx) + (n * \(d.h) + ih) * \(d.w * d.c);")
                w.block("for (long iw = 0; iw < \(d.w); iw++)") { w in
                    w.line("float *restrict o = drow + iw * \(d.c);")
                    w.line("for (long c = 0; c < \(d.c); c++) o[c] = 0.0f;")
                    w.block("for (long r = \(parenthesised(affine("ih", 1, pad))) % \(st); r < \(d.r); r += \(st))") { w in
                        w.line("const long oh = (\(affine("ih", 1, pad)) - r) / \(st);")
                        w.line("if (\(affine("ih", 1, pad)) < r || oh >= \(d.ho)) continue;")
                        w.line("const float *restrict prow = p + (oh - lo) * \(rowFloats);")
                        w.block("for (long s = \(parenthesised(affine("iw", 1, pad))) % \(st); s < \(d.s); s += \(st))") { w in
                            w.line("const long ow = (\(affine("iw", 1, pad)) - s) / \(st);")
                            w.line("if (\(affine("iw", 1, pad)) < s || ow >= \(d.wo)) continue;")
                            w.line("const float *restrict q = prow + ow * \(rsc) + (r * \(d.s) + s) * \(d.c);")
                            w.line("for (long c = 0; c < \(d.c); c++) o[c] += q[c];")
                        }
                    }
                }
            }
        }
        w.line("free(p);")
    }
    weight.release(&w)
    w.line("free(wt);")
}

/// `e` in parentheses when it is a sum, as an operand of `/` or `%`.
private func parenthesised(_ e: String) -> String { e.contains(" ") ? "(\(e))" : e }
