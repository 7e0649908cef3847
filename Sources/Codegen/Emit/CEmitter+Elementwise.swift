import Graph

/// Index of an operand of shape `t` read at the position (r, c) of a loop over `s`, where r runs
/// over all but the last dimension and c over the last; `t` broadcasts to `s` (equal rank, dims
/// equal or 1) or holds a single element.
func broadcastIndex(_ s: [Int], _ t: [Int]) -> String {
    if t.reduce(1, *) == 1 { return "0" }
    precondition(s.count == t.count, "cannot index \(t) in a loop over \(s)")
    let k = s.count
    var terms: [String] = []
    var d = 0
    while d < k - 1 {
        let full = t[d] == s[d] && s[d] != 1
        var e = d
        while e + 1 < k - 1 && (t[e + 1] == s[e + 1] && s[e + 1] != 1) == full { e += 1 }
        if full {
            let size = s[d...e].reduce(1, *)
            let innerR = s[(e + 1)..<(k - 1)].reduce(1, *)
            let stride = t[(e + 1)...].reduce(1, *)
            var term = innerR == 1 ? "r" : "(r / \(innerR))"
            if d > 0 { term = "(\(term) % \(size))" }
            if stride != 1 { term += " * \(stride)" }
            terms.append(term)
        }
        d = e + 1
    }
    if t[k - 1] == s[k - 1] && s[k - 1] != 1 { terms.append("c") }
    return terms.isEmpty ? "0" : terms.joined(separator: " + ")
}

/// Computes fused elementwise values at one position (r, c, i) of a loop over `shape`, where r
/// runs over all but the last dimension, c over the last, and i = r·C + c. Each fused node is a
/// local variable (computed once, on first use), each operand in memory a load at its broadcast
/// index.
struct PointwiseBuilder {
    let ctx: KernelContext
    let members: Set<NodeID>
    let shape: [Int]
    var body = CWriter()
    /// Per-channel coefficients computed once before the loop (BatchNorm's scale and shift).
    var preamble = CWriter()
    private var names: [NodeID: String] = [:]
    fileprivate(set) var arrays = 0

    init(_ ctx: KernelContext, members: Set<NodeID>, shape: [Int]) {
        self.ctx = ctx; self.members = members; self.shape = shape.isEmpty ? [1] : shape
    }

    var channels: Int { shape.last! }
    var rows: Int { shape.reduce(1, *) / channels }

    /// The C name of `v`'s value at the current position, emitting what computes it.
    mutating func value(_ v: NodeID) -> String {
        if let n = names[v] { return n }
        let node = ctx.node(v)
        if case .constant(let c) = node.op, members.contains(v) { return cFloat(c) }
        let name: String
        if members.contains(v) && !node.op.isLeaf {
            var operands: [NodeID: String] = [:]
            for i in pointwiseOperands(node.op, arity: node.inputs.count) {
                operands[node.inputs[i]] = value(node.inputs[i])
            }
            name = "t\(names.count)"
            let e = expression(node, operands: operands, name: name)
            body.line("const float \(name) = \(e);")
        } else {
            let t = node.type.shape
            name = "t\(names.count)"
            body.line("const float \(name) = \(ctx.ptr(v))[\(broadcastIndex(shape, t.isEmpty ? [1] : t))];")
        }
        names[v] = name
        return name
    }

    /// Declares per-channel arrays filled before the loop; `fill` gives each array's value for
    /// channel c. Returns the arrays' names.
    mutating func channelArrays(_ count: Int, comment: String, _ fill: [String]) -> [String] {
        let names = (0..<count).map { "q\(arrays + $0)" }
        arrays += count
        preamble.line("float \(names.map { "\($0)[\(channels)]" }.joined(separator: ", "));  /* \(comment) */")
        preamble.block("for (long c = 0; c < \(channels); c++)") { w in
            for (n, f) in zip(names, fill) { w.line("\(n)[c] = \(f);") }
        }
        return names
    }
}

/// A fused elementwise kernel: one loop over the root's shape, channels innermost.
///
///     for r in rows: for c in channels:
///         t0 = y[i]; t1 = γ[c]·(t0 - mean[c])/σ[c] + β[c]; t2 = t1·sigmoid(t1); out[i] = t2
func emitElementwise(_ ctx: KernelContext, root: NodeID, _ w: inout CWriter) -> String {
    let g = ctx.graph, k = ctx.kernel
    var p = PointwiseBuilder(ctx, members: Set(k.nodes), shape: ctx.shape(root))
    let v = p.value(root)
    p.body.line("\(ctx.ptr(root))[i] = \(v);")
    if !p.preamble.text.isEmpty { w.lines(p.preamble.text.trimmingTrailingNewline) }
    if p.rows * p.channels >= 32768 { w.line("#pragma omp parallel for schedule(static)") }
    w.block("for (long r = 0; r < \(p.rows); r++)") { w in
        // Each channel writes only its own element, which it alone reads (in place or not): simd
        // spares gcc the run-time alias checks, which past its limit left loops scalar (restrict
        // does not reach into an OpenMP region's outlined body).
        if p.channels > 1 { w.line("#pragma omp simd") }
        w.block("for (long c = 0; c < \(p.channels); c++)") { w in
            w.line("const long i = r * \(p.channels) + c;")
            w.lines(p.body.text.trimmingTrailingNewline)
        }
    }
    return label(of: k.nodes, g, fallback: "copy")
}

/// A function label from the ops a kernel fuses: `bn_train_silu_add`.
func label(of nodes: [NodeID], _ g: Graph, fallback: String) -> String {
    var ops: [String] = []
    for id in nodes where !g.nodes[id].op.isLeaf {
        let name = g.nodes[id].op.name
        if !ops.contains(name) { ops.append(name) }
    }
    let l = ops.prefix(4).joined(separator: "_")
    return l.isEmpty ? fallback : l
}

extension PointwiseBuilder {
    /// The C expression of one elementwise op at index i (row r, channel c). `operands` holds
    /// the names of its pointwise operands (see `pointwiseOperands`); `name` is the local the
    /// result goes to (helpers it needs are declared just before). Per-channel BatchNorm
    /// coefficients are computed once, before the loop.
    mutating func expression(_ n: Node, operands: [NodeID: String], name: String) -> String {
        let x = n.inputs
        let channels = self.channels
        func value(_ v: NodeID) -> String { operands[v]! }
        func channel(_ v: NodeID) -> String { "\(ctx.ptr(v))[c]" }
        func stat(_ v: NodeID, _ row: Int) -> String { row == 0 ? "\(ctx.ptr(v))[c]" : "\(ctx.ptr(v))[\(channels) + c]" }
        switch n.op {
        case .unary(let f):
            let a = value(x[0])
            switch f {
            case .silu: return "\(a) * ba_sigmoid(\(a))"
            case .sigmoid: return "ba_sigmoid(\(a))"
            case .relu: return "\(a) > 0.0f ? \(a) : 0.0f"
            }
        case .unaryBackward(let f):
            let dy = value(x[0]), a = value(x[1])
            switch f {
            case .silu:
                body.line("const float \(name)s = ba_sigmoid(\(a));")
                return "\(dy) * (\(name)s * (1.0f + \(a) * (1.0f - \(name)s)))"
            case .sigmoid:
                body.line("const float \(name)s = ba_sigmoid(\(a));")
                return "\(dy) * (\(name)s * (1.0f - \(name)s))"
            case .relu: return "\(a) > 0.0f ? \(dy) : 0.0f"
            }
        case .add: return "\(value(x[0])) + \(value(x[1]))"
        case .mul: return "\(value(x[0])) * \(value(x[1]))"
        case .addN: return x.map { value($0) }.joined(separator: " + ")
        case .scale(let s): return "\(cFloat(s)) * \(value(x[0]))"
        case .expand: return value(x[0])
        case .batchNormTrain(let eps):
            // (x - mean)·(γ/σ) + β, γ/σ once per channel.
            let q = channelArrays(1, comment: "γ / sqrt(var + eps)", ["\(channel(x[2])) / sqrtf(\(stat(x[1], 1)) + \(cFloat(eps)))"])
            return "(\(value(x[0])) - \(stat(x[1], 0))) * \(q[0])[c] + \(channel(x[3]))"
        case .batchNormEval(let eps):
            let q = channelArrays(1, comment: "γ / sqrt(running_var + eps)", ["\(channel(x[1])) / sqrtf(\(channel(x[4])) + \(cFloat(eps)))"])
            return "(\(value(x[0])) - \(channel(x[3]))) * \(q[0])[c] + \(channel(x[2]))"
        case .batchNormBackwardInput(let eps):
            // dx = γ/σ·(dy - Σdy/M - x̂·Σdy·x̂/M) with x̂ = (x - mean)/σ, i.e. a·(dy - b - (x - mean)·d) per channel.
            let m = cFloat(Float(ctx.count(x[1]) / channels))
            let inv = "(1.0f / sqrtf(\(stat(x[2], 1)) + \(cFloat(eps))))"
            let q = channelArrays(3, comment: "γ/σ, Σdy/M, Σdy·x̂/(M·σ)",
                                  ["\(channel(x[3])) * \(inv)", "\(stat(x[4], 0)) / \(m)", "\(stat(x[4], 1)) / \(m) * \(inv)"])
            return "\(q[0])[c] * (\(value(x[0])) - \(q[1])[c] - (\(value(x[1])) - \(stat(x[2], 0))) * \(q[2])[c])"
        case .batchNormEvalBackward(let eps):
            let q = channelArrays(1, comment: "γ / sqrt(running_var + eps)", ["\(channel(x[1])) / sqrtf(\(channel(x[2])) + \(cFloat(eps)))"])
            return "\(value(x[0])) * \(q[0])[c]"
        case .runningStatUpdate(let a):
            let correction = a.row == 1 ? Float(Double(a.count) / Double(a.count - 1)) : 1
            return "\(cFloat(1 - a.momentum)) * \(value(x[0])) + \(cFloat(a.momentum)) * \(stat(x[1], a.row)) * \(cFloat(correction))"
        case .dropout(let a), .dropoutBackward(let a):
            let salt = ctx.scalar("uint32_t", "\(a.salt)U", role: "salt"), p = ctx.scalar("float", cFloat(a.p), role: "rate")
            return "ba_uniform((uint32_t)\(ctx.ptr(x[1]))[0], \(salt), (uint32_t)i) >= \(p) ? \(value(x[0])) / (1.0f - \(p)) : 0.0f"
        case .stochasticDepth(let a), .stochasticDepthBackward(let a):
            // One draw per sample, before the loop: keep[n] = 1/(1-p) or 0; rows of a sample are contiguous.
            let samples = ctx.shape(x[0])[0], rowsPerSample = rows / samples
            let salt = ctx.scalar("uint32_t", "\(a.salt)U", role: "salt"), p = ctx.scalar("float", cFloat(a.p), role: "rate")
            let keep = "q\(arrays)"
            arrays += 1
            preamble.line("float \(keep)[\(samples)];  /* stochastic depth: per-sample keep factor */")
            preamble.line("for (long n = 0; n < \(samples); n++) \(keep)[n] = ba_uniform((uint32_t)\(ctx.ptr(x[1]))[0], \(salt), (uint32_t)n) >= \(p) ? 1.0f / (1.0f - \(p)) : 0.0f;")
            return "\(value(x[0])) * \(keep)[r / \(rowsPerSample)]"
        case .adamMoment(let beta, let squared):
            let gc = "(\(ctx.ptr(x[2]))[0] * \(value(x[1])))"
            return "\(cFloat(beta)) * \(value(x[0])) + \(cFloat(1 - beta)) * " + (squared ? "\(gc) * \(gc)" : gc)
        case .adamWUpdate(let a):
            let h = ctx.ptr(x[3]), bc = ctx.ptr(x[4])
            let lr = "\(h)[\(Hyper.learningRate.rawValue)]", wd = "\(h)[\(Hyper.weightDecay.rawValue)]"
            return "\(value(x[0])) * (1.0f - \(lr) * \(wd)) - \(lr) / \(bc)[\(a.group * 2)] * \(value(x[1])) / "
                + "(sqrtf(\(value(x[2]))) / sqrtf(\(bc)[\(a.group * 2 + 1)]) + \(cFloat(a.eps)))"
        case .emaUpdate:
            let d = "\(ctx.ptr(x[2]))[\(Hyper.emaDecay.rawValue)]"
            return "\(d) * \(value(x[0])) + (1.0f - \(d)) * \(value(x[1]))"
        case .input, .state, .constant, .conv2d, .conv2dBackwardInput, .conv2dBackwardWeight, .linear, .matmul,
             .batchNormStats, .batchNormBackwardReduce, .batchNormFoldWeight, .batchNormFoldBias, .reduce,
             .reduceMaxBackward, .reshape, .concat, .slice, .softmax, .softmaxBackward, .focalLoss,
             .focalLossBackward, .clipCoefficient:
            preconditionFailure("\(n.op.name) is not elementwise")
        }
    }
}
