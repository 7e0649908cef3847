import Graph

/// What a kernel's C function computes: the fusion rule that made it and what its template
/// needs. The emitter dispatches on this alone; no template looks for a rule's nodes again.
public enum KernelKind: Hashable, Sendable {
    /// One non-elementwise IR op (convolution, matrix product, reduction, ...) with its own
    /// template, reading its operands from memory.
    case op(anchor: NodeID, epilogue: Epilogue)
    /// Rule 1: a chain of elementwise ops over one iteration space, one pass over memory,
    /// writing `root`.
    case elementwise(root: NodeID)
    /// Rules 2 and 6: a reduction or a 1×1 convolution whose operand is computed on the fly by
    /// the fused elementwise ops `prologue` (in graph order); the operand never touches memory.
    case prologue(anchor: NodeID, prologue: [NodeID], epilogue: Epilogue)
    /// Rule 7: a depthwise convolution that also computes the BatchNorm statistics of its output
    /// (and the running-statistic updates) in the same pass.
    case depthwiseStatistics(conv: NodeID, stats: NodeID, runningUpdates: [NodeID])
    /// Fills a value with a constant.
    case fill(NodeID)
    /// Rule 3: the loss and its gradient in one pass over the logits.
    case loss(forward: NodeID, backward: NodeID)
    /// Rule 4: one flat reduction over every trainable gradient, then the clipping coefficient.
    case gradNorm
    /// Rule 4: one flat AdamW loop over the contiguous trainable parameters (moments, update,
    /// reset of the accumulators).
    case adamW
    /// Rule 4: one flat EMA loop over the whole model block (parameters and buffers).
    case ema

    /// Reads and writes each element at the same index, so a value may overwrite an operand.
    var isPointwise: Bool {
        switch self {
        case .elementwise, .fill, .adamW, .ema: return true
        case .op, .prologue, .depthwiseStatistics, .loss, .gradNorm: return false
        }
    }

    /// The anchor's epilogue (empty for kinds without an anchor).
    public var epilogue: Epilogue {
        switch self {
        case .op(_, let e), .prologue(_, _, let e): return e
        case .elementwise, .depthwiseStatistics, .fill, .loss, .gradNorm, .adamW, .ema: return Epilogue()
        }
    }
}

/// What a kernel does with its anchor's result besides storing it (rules 2b and 5).
public struct Epilogue: Hashable, Sendable {
    /// Rule 2b: running-statistic updates computed from the anchor's BatchNorm statistics, each
    /// overwriting its running statistic in place.
    public var runningUpdates: [NodeID] = []
    /// Rule 5: the anchor's result is added into a gradient accumulator instead of being stored.
    public var accumulation: Accumulation?
    public init(runningUpdates: [NodeID] = [], accumulation: Accumulation? = nil) {
        self.runningUpdates = runningUpdates; self.accumulation = accumulation
    }
}

/// `target <- add(target, view(anchor))`: the assignment rule 5 turns into `target += anchor`.
public struct Accumulation: Hashable, Sendable {
    /// The `add` node assigned to the accumulator.
    public var sum: NodeID
    /// A reshape between the anchor and the sum, if any.
    public var view: NodeID?
    /// The gradient accumulator (a `.state(.gradient)` leaf).
    public var target: NodeID
}

/// A fused kernel: one C function, one line in the phase's entry function.
public struct Kernel: Hashable, Sendable {
    public var kind: KernelKind
    /// Every IR node computed inside the kernel, in graph order.
    public var nodes: [NodeID]
    /// Values read from memory (produced by earlier kernels, or leaves).
    public var reads: [NodeID]
    /// Values written to memory.
    public var writes: [NodeID]
    /// Reads used only at the index where the kernel writes an assignment of the same state,
    /// so that value may overwrite the state in place (e.g. a running mean updated per channel).
    public var inPlaceReads: Set<NodeID> = []

    public init(kind: KernelKind, nodes: [NodeID], reads: [NodeID], writes: [NodeID]) {
        self.kind = kind; self.nodes = nodes; self.reads = reads; self.writes = writes
    }

    /// The anchor adds its result into its output (a gradient accumulator) instead of storing it:
    /// `writes[0]` is the accumulated value, which lives in the accumulator (rule 5).
    public var accumulates: Bool { kind.epilogue.accumulation != nil }

    /// The torchvision scope the kernel is reported under: its first output's.
    public func scope(in g: Graph) -> String { g.nodes[writes.first ?? nodes[0]].name }

    /// The IR nodes the kernel computes (its leaves excluded), in graph order.
    public func computed(in g: Graph) -> [NodeID] { nodes.filter { !g.nodes[$0].op.isLeaf } }

    /// FLOPs of the nodes the kernel computes.
    public func cost(in g: Graph) -> Cost { computed(in: g).reduce(Cost()) { $0 + g.cost($1) } }

    /// Bytes the kernel moves: every distinct value it reads or writes, once.
    public func bytesMoved(in g: Graph) -> Int { Set(reads + writes).reduce(0) { $0 + g.nodes[$1].type.byteCount } }
}

/// A graph cut into kernels, in execution order.
public struct Schedule: Sendable {
    public var graph: Graph
    public var kernels: [Kernel]
    /// Values that live in memory (written by a kernel, or leaves read by one).
    public var materialized: Set<NodeID>
}
