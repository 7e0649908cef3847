import Graph

// Rule 2b: BatchNorm statistics update the running statistics in the same kernel:
//
//     s = bn_stats(y)                        →  s, and in place per channel:
//     rm' = running_stat_update(rm, s)           rm = (1-m)·rm + m·mean, rv likewise (unbiased)
//     rv' = running_stat_update(rv, s)
//
// Rule 7: a depthwise convolution computes the BatchNorm statistics of its output in the pass
// that writes it (and rule 2b's updates):
//
//     y = dwconv(x, w)   s = bn_stats(y)     →  y, s (and rm', rv') in one pass over y

/// Rule 7: the kernel of depthwise convolution `id` with the statistics of its output, or nil.
func depthwiseStatisticsKernel(_ id: NodeID, _ f: FusionState) -> Kernel? {
    let g = f.g, node = g.nodes[id]
    guard f.rules.contains(.statisticsEpilogue), case .conv2d(let a) = node.op,
          a.groups > 1, a.groups == node.type.shape[3], g.nodes[node.inputs[1]].type.shape[1] == 1,
          prologueKernel(id, f) == nil,
          let stats = f.users[id].first(where: { g.nodes[$0].op == .batchNormStats && !f.claimed.contains($0) }) else { return nil }
    f.claimed.insert(stats)
    var kernel = Kernel(kind: .op(anchor: id, epilogue: Epilogue()), nodes: [id, stats], reads: node.inputs, writes: [id, stats])
    absorbRunningUpdates(of: stats, into: &kernel, f)
    kernel.kind = .depthwiseStatistics(conv: id, stats: stats, runningUpdates: kernel.kind.epilogue.runningUpdates)
    return kernel
}

/// Rule 2b: the running-statistic updates reading `stats` are computed, in place, by the kernel
/// that computes `stats` (recorded in its epilogue).
func absorbRunningUpdates(of stats: NodeID, into kernel: inout Kernel, _ f: FusionState) {
    var epilogue = kernel.kind.epilogue
    for u in f.users[stats] where !f.claimed.contains(u) {
        guard case .runningStatUpdate = f.g.nodes[u].op else { continue }
        let running = f.g.nodes[u].inputs[0]
        kernel.nodes.append(u); kernel.writes.append(u); kernel.reads.append(running)
        kernel.inPlaceReads.insert(running)
        f.claimed.insert(u)
        epilogue.runningUpdates.append(u)
    }
    kernel.kind = kernel.kind.with(epilogue)
}

extension KernelKind {
    /// The same kind with another epilogue (kinds without an anchor are returned unchanged).
    func with(_ epilogue: Epilogue) -> KernelKind {
        switch self {
        case .op(let a, _): return .op(anchor: a, epilogue: epilogue)
        case .prologue(let a, let p, _): return .prologue(anchor: a, prologue: p, epilogue: epilogue)
        case .elementwise, .depthwiseStatistics, .fill, .loss, .gradNorm, .adamW, .ema: return self
        }
    }
}
