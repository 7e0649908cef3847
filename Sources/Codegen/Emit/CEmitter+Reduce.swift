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
        emitChannelSums(rows: ctx.count(x[1]) / c, channels: c, &w, preamble: p.preamble.text, prologue: p.body.text,
                        first: "(double)\(dy)", second: "(double)\(dy) * xh",
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
            if needR || needC || needI { position.append("const long i = (o * \(red) + j) * \(inner) + q;") }
            if needR { position.append("const long r = i / \(channels);") }
            if needC { position.append("const long c = i % \(channels);") }
        }
        w.line("/* \(kind.rawValue) over axes \(axes) of \(shape): (\(outer), \(red), \(inner)) -> (\(outer), \(inner)) */")
        if !p.preamble.text.isEmpty { w.lines(p.preamble.text.trimmingTrailingNewline) }
        if outer >= 2 && outer * red * inner >= 32768 { w.line("#pragma omp parallel for schedule(static)") }
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

/// Per-channel sums of two quantities over all rows, deterministically: a fixed number of row
/// chunks (independent of the thread count) each sums in double, then the chunks are added in
/// order. `prologue` defines the quantities at row r, channel c (index i); they are summed into
/// s0 and s1, which `finish` turns into the outputs for channel c.
func emitChannelSums(rows: Int, channels: Int, _ w: inout CWriter, preamble: String = "", prologue: String,
                     first: String, second: String, finish: [String]) {
    let chunks = min(64, rows)
    if !preamble.isEmpty { w.lines(preamble.trimmingTrailingNewline) }
    w.line("enum { C = \(channels), CHUNKS = \(chunks) };")
    w.line("double *part = malloc(sizeof(double) * 2 * CHUNKS * C);")
    if rows * channels >= 32768 { w.line("#pragma omp parallel for schedule(static)") }
    w.block("for (long ch = 0; ch < CHUNKS; ch++)") { w in
        w.line("double *restrict p0 = part + ch * 2 * C, *restrict p1 = p0 + C;")
        w.line("for (long c = 0; c < C; c++) { p0[c] = 0.0; p1[c] = 0.0; }")
        w.block("for (long r = \(rows)L * ch / CHUNKS; r < \(rows)L * (ch + 1) / CHUNKS; r++)") { w in
            w.block("for (long c = 0; c < C; c++)") { w in
                if mentions(prologue, "i") { w.line("const long i = r * C + c;") }
                w.lines(prologue.trimmingTrailingNewline)
                w.line("p0[c] += \(first);")
                w.line("p1[c] += \(second);")
            }
        }
    }
    w.block("for (long c = 0; c < C; c++)") { w in
        w.line("double s0 = 0.0, s1 = 0.0;")
        w.line("for (long ch = 0; ch < CHUNKS; ch++) { s0 += part[ch * 2 * C + c]; s1 += part[ch * 2 * C + C + c]; }")
        for f in finish { w.line(f) }
    }
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
