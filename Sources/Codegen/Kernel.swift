import Graph

/// What a kernel's C function computes.
public enum KernelKind: Hashable, Sendable {
    /// One non-elementwise IR op (convolution, matrix product, reduction, loss, ...) with its own
    /// template; `anchor` is that op's node.
    case op(anchor: NodeID)
    /// A chain of elementwise ops over one iteration space, one pass over memory; `roots` are
    /// the values it writes.
    case elementwise
    /// A reduction or a 1×1 convolution whose operand is computed on the fly by fused elementwise
    /// ops (its prologue): `nodes` holds the prologue and the anchor, and the operand never
    /// touches memory.
    case prologue(anchor: NodeID)
    /// Fills a value with a constant.
    case fill
    /// The loss and its gradient in one pass over the logits.
    case loss(forward: NodeID, backward: NodeID)
    /// One flat reduction over every trainable gradient, then the clipping coefficient.
    case gradNorm
    /// One flat AdamW loop over the contiguous trainable parameters (moments, update, reset of
    /// the accumulators).
    case adamW
    /// One flat EMA loop over the whole model block (parameters and buffers).
    case ema

    /// Reads and writes each element at the same index, so a value may overwrite an operand.
    var isPointwise: Bool {
        switch self {
        case .elementwise, .fill, .adamW, .ema: return true
        default: return false
        }
    }
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
    /// The anchor adds its result into its output (a gradient accumulator) instead of storing it:
    /// `writes[0]` is the accumulated value, which lives in the accumulator.
    public var accumulates = false

    public init(kind: KernelKind, nodes: [NodeID], reads: [NodeID], writes: [NodeID]) {
        self.kind = kind; self.nodes = nodes; self.reads = reads; self.writes = writes
    }
}

/// A graph cut into kernels, in execution order.
public struct Schedule: Sendable {
    public var graph: Graph
    public var kernels: [Kernel]
    /// Values that live in memory (written by a kernel, or leaves read by one).
    public var materialized: Set<NodeID>
}
