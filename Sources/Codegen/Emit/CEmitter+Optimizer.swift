import Graph

/// The optimizer step as three flat loops over the state blocks. Trainable parameters are a
/// contiguous range of the parameter layout (see `StateLayout`), and gradients, moments and the
/// EMA share its offsets, so each loop is `for j in range` with no per-tensor bookkeeping.
///
///     grad_norm:  Σ_j G[j]² over the trainable range → clipping coefficient c
///     adamw:      g = c·G[j]; AM, AV, M updated (AdamW); G[j] = 0     (per step-count group)
///     ema:        E[j] = d·E[j] + (1-d)·M[j] over the whole model block
func emitOptimizer(_ k: Kernel, _ g: Graph, _ plan: MemoryPlan) throws(CodegenError) -> KernelCode {
    func offset(_ v: NodeID) throws(CodegenError) -> Int {
        switch plan.locations[v] {
        case .model(let o)?, .grads(let o)?, .adamM(let o)?, .adamV(let o)?, .ema(let o)?: return o
        default: throw .invalidPlan("%\(v) (\(g.nodes[v].name)) is not in a state block: \(String(describing: plan.locations[v]))")
        }
    }
    func contiguous(_ tensors: [NodeID]) throws(CodegenError) -> Range<Int> {
        var spans: [(Int, Int)] = []
        for t in tensors { spans.append((try offset(t), g.nodes[t].type.count)) }
        spans.sort { $0.0 < $1.0 }
        for (a, b) in zip(spans, spans.dropFirst()) where a.0 + a.1 != b.0 {
            throw .unsupported("flat optimizer kernel over non-contiguous tensors at \(a.0)+\(a.1) and \(b.0)")
        }
        return spans[0].0..<(spans.last!.0 + spans.last!.1)
    }
    func arena(_ v: NodeID) throws(CodegenError) -> String {
        guard let l = plan.locations[v] else { throw .invalidPlan("%\(v) has no location") }
        return location(l)
    }
    var w = CWriter()
    switch k.kind {
    case .gradNorm:
        let grads = k.reads.filter { g.nodes[$0].op == .state(.gradient) }
        let range = try contiguous(grads)
        let clip = k.writes[0]
        w.line("/* global L2 norm of the summed gradients G[\(range.lowerBound), \(range.upperBound)), then torch's clip_grad_norm_ */")
        // LANES independent sums per chunk (vectorised; one chain of double adds was latency-bound,
        // 6.2 ms for S's 21 M gradients, `bench kernels --filter grad_norm`); fixed chunks and
        // lanes, so the sum does not depend on the thread count.
        w.line("enum { CHUNKS = 64, LANES = 32 };")
        w.line("double part[CHUNKS];")
        w.line("const long n = \(range.count);")
        w.line("#pragma omp parallel for schedule(static)")
        w.block("for (long ch = 0; ch < CHUNKS; ch++)") { w in
            w.line("double s[LANES];")
            w.line("for (int l = 0; l < LANES; l++) s[l] = 0.0;")
            w.line("const long hi = n * (ch + 1) / CHUNKS;")
            w.line("long j = n * ch / CHUNKS;")
            w.line("for (; j + LANES <= hi; j += LANES) for (int l = 0; l < LANES; l++) s[l] += (double)g[j + l] * g[j + l];")
            w.line("for (; j < hi; j++) s[0] += (double)g[j] * g[j];")
            w.line("double t = 0.0;")
            w.line("for (int l = 0; l < LANES; l++) t += s[l];")
            w.line("part[ch] = t;")
        }
        w.line("double sum = 0.0;")
        w.line("for (long ch = 0; ch < CHUNKS; ch++) sum += part[ch];")
        w.line("const double s = hyper[\(Hyper.gradScale.rawValue)], max_norm = hyper[\(Hyper.maxGradNorm.rawValue)];")
        w.line("const double norm = s * sqrt(sum);")
        w.line("coef[0] = (float)(max_norm > 0.0 ? s * fmin(1.0, max_norm / (norm + 1e-6)) : s);")
        let hyper = g.nodes[clip].inputs[1]
        let fn = KernelFunction(label: "grad_norm", params: [Param(name: "coef", ctype: "float *restrict "),
                                                             Param(name: "g", ctype: "const float *restrict "),
                                                             Param(name: "hyper", ctype: "const float *restrict ")], body: w.text)
        _ = hyper
        return KernelCode(function: fn, args: [try arena(clip), "G + \(range.lowerBound)", "(const float *)io[\(IOSlot.hyper.rawValue)]"], shapes: Array(repeating: "", count: fn.params.count))
    case .adamW:
        let updates = k.nodes.filter { if case .adamWUpdate = g.nodes[$0].op { return true }; return false }
        guard let first = updates.first else { throw .unsupported("adamw kernel without updates") }
        let coef = g.nodes[g.nodes[first].inputs[1]].inputs[2]
        // Every value is written where its state lives (the plan puts assignments in place).
        for u in updates {
            let p = g.nodes[u].inputs[0]
            guard plan.locations[u] == plan.locations[p] else { throw .invalidPlan("AdamW update of \(g.nodes[p].name) is not in place") }
        }
        var groups: [Int: [NodeID]] = [:]
        for u in updates { if case .adamWUpdate(let a) = g.nodes[u].op { groups[a.group, default: []].append(g.nodes[u].inputs[0]) } }
        guard case .adamWUpdate(let attrs) = g.nodes[first].op else { throw .unsupported("adamw") }
        w.line("/* AdamW (torch.optim.AdamW) over the trainable parameters; gradient accumulators reset */")
        w.line("const float lr = hyper[\(Hyper.learningRate.rawValue)], wd = hyper[\(Hyper.weightDecay.rawValue)], c = coef[0];")
        for (group, params) in groups.sorted(by: { $0.key < $1.key }) {
            let range = try contiguous(params)
            w.block("") { w in
                w.line("/* step-count group \(group): [\(range.lowerBound), \(range.upperBound)) */")
                w.line("const float step = lr / bc[\(group * 2)], root_bc2 = sqrtf(bc[\(group * 2 + 1)]);")
                w.line("#pragma omp parallel for simd schedule(static)")
                w.block("for (long j = \(range.lowerBound); j < \(range.upperBound); j++)") { w in
                    w.line("const float gj = c * g[j];")
                    w.line("const float mj = \(cFloat(attrs.beta1)) * m[j] + \(cFloat(1 - attrs.beta1)) * gj;")
                    w.line("const float vj = \(cFloat(attrs.beta2)) * v[j] + \(cFloat(1 - attrs.beta2)) * gj * gj;")
                    w.line("m[j] = mj;")
                    w.line("v[j] = vj;")
                    w.line("p[j] = p[j] * (1.0f - lr * wd) - step * mj / (sqrtf(vj) / root_bc2 + \(cFloat(attrs.eps)));")
                    w.line("g[j] = 0.0f;")
                }
            }
        }
        let fn = KernelFunction(label: "adamw", params: [
            Param(name: "p", ctype: "float *restrict "), Param(name: "g", ctype: "float *restrict "),
            Param(name: "m", ctype: "float *restrict "), Param(name: "v", ctype: "float *restrict "),
            Param(name: "hyper", ctype: "const float *restrict "), Param(name: "bc", ctype: "const float *restrict "),
            Param(name: "coef", ctype: "const float *restrict ")], body: w.text)
        return KernelCode(function: fn, args: ["M", "G", "AM", "AV", "(const float *)io[\(IOSlot.hyper.rawValue)]",
                     "(const float *)io[\(IOSlot.biasCorrection.rawValue)]", try arena(coef)], shapes: Array(repeating: "", count: fn.params.count))
    case .ema:
        let targets = k.nodes.map { g.nodes[$0].inputs[0] }
        let range = try contiguous(targets)
        for e in k.nodes {
            let x = g.nodes[e].inputs[1]
            guard plan.locations[e] == plan.locations[g.nodes[e].inputs[0]], case .model(let o)? = plan.locations[x],
                  case .ema(let eo)? = plan.locations[e], o == eo else {
                throw .invalidPlan("EMA of \(g.nodes[e].name) does not map the model block onto the EMA block")
            }
        }
        w.line("/* EMA of parameters and BatchNorm buffers (timm ModelEmaV2), E[\(range.lowerBound), \(range.upperBound)) */")
        w.line("const float d = hyper[\(Hyper.emaDecay.rawValue)];")
        w.line("#pragma omp parallel for simd schedule(static)")
        w.line("for (long j = \(range.lowerBound); j < \(range.upperBound); j++) e[j] = d * e[j] + (1.0f - d) * m[j];")
        let fn = KernelFunction(label: "ema", params: [Param(name: "e", ctype: "float *restrict "),
                                                       Param(name: "m", ctype: "const float *restrict "),
                                                       Param(name: "hyper", ctype: "const float *restrict ")], body: w.text)
        return KernelCode(function: fn, args: ["E", "M", "(const float *)io[\(IOSlot.hyper.rawValue)]"], shapes: Array(repeating: "", count: fn.params.count))
    case .fill, .elementwise, .op, .prologue, .depthwiseStatistics, .loss:
        throw .unsupported("not an optimizer kernel")
    }
}
