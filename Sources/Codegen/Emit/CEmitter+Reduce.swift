import Graph

/// Reductions, each reading its operands through the fused elementwise `prologue` (a plain load
/// when it is empty): BatchNorm statistics (with rule 2b's running-statistic updates from the
/// kernel's epilogue), the BatchNorm backward sums, and `reduce` over a contiguous run of axes.
/// Returns the anchor's label.
func emitReduction(_ ctx: KernelContext, _ id: NodeID, prologue members: Set<NodeID>, _ w: inout CWriter) throws(CodegenError) -> String {
    let n = ctx.node(id)
    let x = n.inputs
    let y = ctx.ptr(id)
    switch n.op {
    case .batchNormStats:
        let c = n.type.shape[1], rows = ctx.count(x[0]) / c
        // Running-statistic updates fused into this kernel (rule 2b), written per channel.
        let updates = ctx.kernel.kind.epilogue.runningUpdates
        var p = PointwiseBuilder(ctx, members: members, shape: ctx.shape(x[0]))
        let v = p.value(x[0])
        var finish = ["const double mean = s0 / \(rows).0, var = fmax(s1 / \(rows).0 - mean * mean, 0.0);",
                      "\(y)[c] = (float)mean;",
                      "\(y)[C + c] = (float)var;"]
        finish += runningUpdateLines(ctx, updates)
        emitChannelSums(rows: rows, channels: c, &w, preamble: p.preamble.text, prologue: p.body.text,
                        first: "(double)\(v)", second: "(double)\(v) * \(v)", finish: finish)
        return "bn_stats" + (updates.isEmpty ? "" : "_running")
    case .batchNormBackwardReduce(let eps):
        let c = n.type.shape[1], stats = ctx.ptr(x[2])
        var p = PointwiseBuilder(ctx, members: members, shape: ctx.shape(x[1]))
        let dy = p.value(x[0]), xv = p.value(x[1])
        let inv = p.channelArrays(1, comment: "1 / sqrt(var + eps)", ["1.0f / sqrtf(\(stats)[\(c) + c] + \(cFloat(eps)))"])
        p.body.line("const float xh = (\(xv) - \(stats)[c]) * \(inv[0])[c];")
        // Σdy and Σdy·x̂ have no cancellation to fear (x̂ is centred, the result is compared with dy
        // itself), so chunks of at most 256 rows sum in float — vectorised, where double halves the
        // rate of this compute-bound pass — and the chunks are added in double.
        emitChannelSums(rows: ctx.count(x[1]) / c, channels: c, &w, preamble: p.preamble.text, prologue: p.body.text,
                        first: dy, second: "\(dy) * xh", partials: .float,
                        finish: ["\(y)[c] = (float)s0;", "\(y)[C + c] = (float)s1;"])
        return "bn_bwd_reduce"
    case .reduce(let kind, let axes):
        let shape = ctx.shape(x[0])
        let (outer, red, inner) = try splitAxes(shape, axes)
        let channels = shape.last!
        var p = PointwiseBuilder(ctx, members: members, shape: shape)
        let v = p.value(x[0])
        // The loop position (r, c, i) as far as the prologue uses it; i = r·C + c.
        let body = p.body.text
        let needI = mentions(body, "i"), needR = mentions(body, "r"), needC = mentions(body, "c")
        var position: [String] = []
        if inner == channels || (inner == 1 && red == channels) {
            let (r, c) = inner == channels ? ("o * \(red) + j", "q") : ("o", "j")
            if needR || needI { position.append("const long r = \(r);") }
            if needC || needI { position.append("const long c = \(c);") }
            if needI { position.append("const long i = r * \(channels) + c;") }
        } else {
            let i = inner == 1 ? "o * \(red) + j" : "(o * \(red) + j) * \(inner) + q"
            if needR || needC || needI { position.append("const long i = \(i);") }
            if needR { position.append("const long r = i / \(channels);") }
            if needC { position.append("const long c = i % \(channels);") }
        }
        w.line("/* \(kind.rawValue) over axes \(axes) of \(shape): (\(outer), \(red), \(inner)) -> (\(outer), \(inner)) */")
        if !p.preamble.text.isEmpty { w.lines(p.preamble.text.trimmingTrailingNewline) }
        if outer >= 2 && outer * red * inner >= 32768 { w.line("#pragma omp parallel for schedule(static)") }
        let lanes = 16
        if inner == 1 && red >= 4 * lanes && red % lanes == 0 && (kind == .max || ((kind == .sum || kind == .mean) && red <= 1024 * lanes)) {
            // A reduction over the innermost axis (CBAM's channel mean and max per pixel): one
            // accumulator would be a serial chain the loop cannot vectorise, so 16 lanes each take
            // every 16th element (a sum in float, at most 1,024 terms a lane), then the lanes are
            // combined in order (the sum in double): the same order for any thread count.
            w.block("for (long o = 0; o < \(outer); o++)") { w in
                w.line("float lane[\(lanes)];")
                w.line("for (long l = 0; l < \(lanes); l++) lane[l] = \(kind == .max ? "-INFINITY" : "0.0f");")
                w.block("for (long j0 = 0; j0 < \(red); j0 += \(lanes))") { w in
                    w.block("for (long l = 0; l < \(lanes); l++)") { w in
                        w.line("const long j = j0 + l;")
                        for l in position { w.line(l) }
                        w.lines(body.trimmingTrailingNewline)
                        w.line(kind == .max ? "lane[l] = \(v) > lane[l] ? \(v) : lane[l];" : "lane[l] += \(v);")
                    }
                }
                let store = ctx.accumulate ? "+=" : "="
                if kind == .max {
                    w.line("float m = lane[0];")
                    w.line("for (long l = 1; l < \(lanes); l++) m = lane[l] > m ? lane[l] : m;")
                    w.line("\(y)[o] \(store) m;")
                } else {
                    w.line("double s = 0.0;")
                    w.line("for (long l = 0; l < \(lanes); l++) s += lane[l];")
                    w.line("\(y)[o] \(store) (float)(s\(kind == .mean ? " / \(red).0" : ""));")
                }
            }
            return "reduce_\(kind.rawValue)" + (ctx.accumulate ? "_acc" : "")
        }
        w.block("for (long o = 0; o < \(outer); o++)") { w in
            let type = kind == .max ? "float" : "double"
            w.line("\(type) acc[\(inner)];")
            w.line("for (long q = 0; q < \(inner); q++) acc[q] = \(kind == .max ? "-INFINITY" : "0.0");")
            w.block("for (long j = 0; j < \(red); j++)") { w in
                w.block("for (long q = 0; q < \(inner); q++)") { w in
                    for l in position { w.line(l) }
                    w.lines(body.trimmingTrailingNewline)
                    switch kind {
                    case .sum, .mean: w.line("acc[q] += \(v);")
                    case .sumSquares: w.line("acc[q] += (double)\(v) * \(v);")
                    case .max: w.line("acc[q] = \(v) > acc[q] ? \(v) : acc[q];")
                    }
                }
            }
            let scale = kind == .mean ? " / \(red).0" : ""
            w.line("for (long q = 0; q < \(inner); q++) \(y)[o * \(inner) + q] \(ctx.accumulate ? "+=" : "=") (float)(acc[q]\(scale));")
        }
        return "reduce_\(kind.rawValue)" + (ctx.accumulate ? "_acc" : "")
    case .input, .state, .constant, .conv2d, .conv2dBackwardInput, .conv2dBackwardWeight, .linear, .matmul,
         .batchNormTrain, .batchNormEval, .batchNormBackwardInput, .batchNormEvalBackward, .runningStatUpdate,
         .batchNormFoldWeight, .batchNormFoldBias, .unary, .unaryBackward, .add, .mul, .addN, .scale, .dropout,
         .dropoutBackward, .stochasticDepth, .stochasticDepthBackward, .reduceMaxBackward, .expand, .reshape,
         .concat, .slice, .softmax, .softmaxBackward, .focalLoss, .focalLossBackward, .clipCoefficient,
         .adamMoment, .adamWUpdate, .emaUpdate:
        throw .unsupported("\(n.op.name) (\(n.name)) is not a reduction")
    }
}

/// How the row chunks of `emitChannelSums` sum: in double (64 chunks), or in float with at most
/// `floatChunkRows` rows per chunk (the chunks still added in double).
enum ChunkPartials { case double, float }

let floatChunkRows = 256

/// Per-channel sums of two quantities over all rows, deterministically: a fixed number of row
/// chunks (independent of the thread count) each sums in `partials`, then the chunks are added in
/// order in double. `prologue` defines the quantities at row r, channel c (index i); they are
/// summed into s0 and s1, which `finish` turns into the outputs for channel c.
func emitChannelSums(rows: Int, channels: Int, _ w: inout CWriter, preamble: String = "", prologue: String,
                     first: String, second: String, partials: ChunkPartials = .double, finish: [String]) {
    let chunks = partials == .double ? min(64, rows) : max(min(64, rows), (rows + floatChunkRows - 1) / floatChunkRows)
    let type = partials == .double ? "double" : "float"
    if !preamble.isEmpty { w.lines(preamble.trimmingTrailingNewline) }
    w.line("enum { C = \(channels), CHUNKS = \(chunks) };")
    w.line("\(type) *part = malloc(sizeof(\(type)) * 2 * CHUNKS * C);")
    if rows * channels >= 32768 { w.line("#pragma omp parallel for schedule(static)") }
    w.block("for (long ch = 0; ch < CHUNKS; ch++)") { w in
        w.line("\(type) *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;")
        w.line(partials == .double ? "for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }"
                                   : "for (long c = 0; c < C; c++) { p0[c] = 0.0f; p1[c] = 0.0f; }")
        w.block("for (long r = \(rows)L * ch / CHUNKS; r < \(rows)L * (ch + 1) / CHUNKS; r++)") { w in
            w.block("for (long c = 0; c < C; c++)") { w in
                if mentions(prologue, "i") { w.line("const long i = r * C + c;") }
                w.lines(prologue.trimmingTrailingNewline)
                w.line("p0[c] += \(first);")
                w.line("p1[c] += \(second);")
            }
        }
    }
    // The chunks in order, the channels innermost: contiguous reads, the same sums as a loop over
    // the chunks per channel (reading each channel's chunks 2·C apart took a cache line per chunk).
    w.line("double *restrict sums = calloc(2 * C, sizeof(double));  /* (2, C): Σ over the chunks, in chunk order */")
    w.line("if (!sums) abort();")
    w.block("for (long ch = 0; ch < CHUNKS; ch++)") { w in
        w.line("const \(type) *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;")
        w.line(partials == .double ? "for (long c = 0; c < C; c++) { sums[c] += p0[c]; sums[C + c] += p1[c]; }"
                                   : "for (long c = 0; c < C; c++) { sums[c] += (double)p0[c]; sums[C + c] += (double)p1[c]; }")
    }
    w.block("for (long c = 0; c < C; c++)") { w in
        w.line("const double s0 = sums[c], s1 = sums[C + c];")
        for f in finish { w.line(f) }
    }
    w.line("free(sums);")
    w.line("free(part);")
}

/// The lines updating the running statistics `updates` fused into a kernel that has `mean` and
/// the biased `var` of channel c in doubles: running = (1-m)·running + m·stat, the variance made
/// unbiased (float constants promoted to double, as the interpreter computes them).
func runningUpdateLines(_ ctx: KernelContext, _ updates: [NodeID]) -> [String] {
    updates.compactMap { u -> String? in
        guard case .runningStatUpdate(let a) = ctx.node(u).op else { return nil }
        let stat = a.row == 0 ? "mean" : "var * \(cDouble(Double(a.count) / Double(a.count - 1)))"
        return "\(ctx.ptr(u))[c] = (float)(\(cFloat(1 - a.momentum)) * (double)\(ctx.ptr(ctx.node(u).inputs[0]))[c] "
            + "+ \(cFloat(a.momentum)) * \(stat));  /* running \(a.row == 0 ? "mean" : "var (unbiased)") */"
    }
}
