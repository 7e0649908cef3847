import Graph

/// Where a value lives while a program runs. Offsets count floats (every dtype is 4 bytes).
public enum Location: Hashable, Sendable, CustomStringConvertible {
    /// Scratch memory of the call, placed by the planner.
    case arena(Int)
    /// Parameters and buffers (`IOSlot.model`).
    case model(Int)
    case grads(Int)
    case adamM(Int)
    case adamV(Int)
    case ema(Int)
    /// A whole per-call input or output.
    case io(IOSlot)

    /// The location as a C expression inside an entry function (`A + 6291456`): the same
    /// float offset in the plan, the kernel dump, the kernel headers and the calls.
    public var description: String {
        switch self {
        case .arena(let o): return "A + \(o)"
        case .model(let o): return "M + \(o)"
        case .grads(let o): return "G + \(o)"
        case .adamM(let o): return "AM + \(o)"
        case .adamV(let o): return "AV + \(o)"
        case .ema(let o): return "E + \(o)"
        case .io(let s): return "io[\(s.rawValue)]"
        }
    }
}

/// The memory plan of one program: a location for every value in memory, arena offsets from
/// liveness over the kernel schedule, and the figures that say how good the plan is.
public struct MemoryPlan: Sendable {
    /// One arena allocation: which value, where, and the kernels during which it is live.
    public struct Buffer: Hashable, Sendable {
        public var node: NodeID
        public var offset: Int      // bytes
        public var bytes: Int
        public var first: Int       // kernel index that writes it
        public var last: Int        // last kernel index that reads it
    }

    public var locations: [NodeID: Location]
    public var buffers: [Buffer]
    /// Assignments that could not be computed in place: copied at the end of the call.
    public var copies: [Assignment]
    public var arenaBytes: Int
    /// The most bytes simultaneously live at any kernel: no plan can use less arena.
    public var lowerBoundBytes: Int
    /// The sum of all arena buffers: what the program would need with no reuse.
    public var noReuseBytes: Int

    /// Proves that no two buffers live at the same time overlap in memory.
    public func validate() throws(CodegenError) {
        let sorted = buffers.sorted { $0.first < $1.first }
        for (i, a) in sorted.enumerated() {
            for b in sorted[(i + 1)...] {
                if b.first > a.last { break }
                let disjoint = a.offset + a.bytes <= b.offset || b.offset + b.bytes <= a.offset
                if !disjoint {
                    throw .invalidPlan("buffers of %\(a.node) [\(a.offset), +\(a.bytes)) and %\(b.node) [\(b.offset), +\(b.bytes)) "
                                       + "overlap while both live (kernels \(a.first)-\(a.last) and \(b.first)-\(b.last))")
                }
            }
            if a.offset % 64 != 0 || a.offset + a.bytes > arenaBytes {
                throw .invalidPlan("buffer of %\(a.node) at \(a.offset) is misaligned or outside the arena")
            }
        }
    }
}

/// The input leaves' names and the graph outputs' slots.
let inputSlots: [String: IOSlot] = [
    "images": .images, "labels": .labels, "seed": .seed,
    "optimizer.hyper": .hyper, "optimizer.bias_correction": .biasCorrection, "explain.selector": .selector,
]
let outputSlots: [String: IOSlot] = ["loss": .loss, "logits": .logits, "probabilities": .probabilities, "heatmap": .heatmap]

/// Plans the memory of a schedule: state and I/O values where the runtime keeps them,
/// assignments in place when nothing reads the old value afterwards, and every other value in
/// one arena, placed from liveness (best fit, largest first).
public func plan(_ s: Schedule, layout: Manifest.StateLayout) throws(CodegenError) -> MemoryPlan {
    let g = s.graph
    let offsets = layout.offsets
    var loc: [NodeID: Location] = [:]
    for (id, node) in g.nodes.enumerated() {
        switch node.op {
        case .state(let kind):
            guard let o = offsets[node.name] else { throw .invalidPlan("state '\(node.name)' is not in the layout") }
            switch kind {
            case .parameter, .buffer: loc[id] = .model(o)
            case .gradient: loc[id] = .grads(o)
            case .adamM: loc[id] = .adamM(o)
            case .adamV: loc[id] = .adamV(o)
            case .ema: loc[id] = .ema(o)
            }
        case .input:
            guard let slot = inputSlots[node.name] else { throw .invalidPlan("unknown input '\(node.name)'") }
            loc[id] = .io(slot)
        default: break
        }
    }
    // Which kernel writes each value, and the last kernel that reads it (through views).
    func root(_ v: NodeID) -> NodeID { g.nodes[v].op == .reshape ? root(g.nodes[v].inputs[0]) : v }
    for o in g.outputs {   // an output that is a view (reshape) lives where the viewed value does
        guard let slot = outputSlots[o.name] else { throw .invalidPlan("unknown output '\(o.name)'") }
        let r = root(o.node)
        guard loc[r] == nil else { throw .unsupported("output '\(o.name)' is a state or input; copy it first") }
        loc[r] = .io(slot)
    }
    var writer: [NodeID: Int] = [:], lastRead: [NodeID: Int] = [:]
    for (k, kernel) in s.kernels.enumerated() {
        for w in kernel.writes { writer[w] = k }
        for r in kernel.reads { lastRead[root(r), default: k] = max(lastRead[root(r)] ?? k, k) }
    }

    // Assignments in place: the value is written straight into its target when no later kernel
    // reads the target's old value, and the writing kernel reads it (if at all) pointwise.
    var copies: [Assignment] = []
    let end = s.kernels.count
    for a in g.assignments {
        let target = a.target, value = a.value
        if let k = writer[value], loc[value] == nil, g.nodes[value].op != .reshape,
           (lastRead[target] ?? -1) <= k,
           !(lastRead[target] == k && !s.kernels[k].kind.isPointwise && !s.kernels[k].inPlaceReads.contains(target)) {
            loc[value] = loc[target]
        } else {
            copies.append(a)
            lastRead[root(value)] = end
        }
    }

    // Arena buffers.
    var buffers: [MemoryPlan.Buffer] = []
    for v in s.materialized.sorted() where loc[v] == nil && g.nodes[v].op != .reshape {
        guard let first = writer[v] else { throw .invalidPlan("%\(v) (\(g.nodes[v].name)) is read but never written") }
        let bytes = (g.nodes[v].type.byteCount + 63) / 64 * 64
        buffers.append(.init(node: v, offset: 0, bytes: bytes, first: first, last: lastRead[v] ?? first))
    }
    let order = buffers.indices.sorted { (buffers[$0].bytes, buffers[$1].first) > (buffers[$1].bytes, buffers[$0].first) }
    var placed: [Int] = []
    var arena = 0
    for i in order {
        let b = buffers[i]
        let busy = placed.map { buffers[$0] }.filter { $0.first <= b.last && b.first <= $0.last }.sorted { $0.offset < $1.offset }
        var offset = 0
        var best: Int?
        var bestGap = Int.max
        for other in busy {
            let gap = other.offset - offset
            if gap >= b.bytes && gap < bestGap { best = offset; bestGap = gap }
            offset = max(offset, other.offset + other.bytes)
        }
        buffers[i].offset = best ?? offset
        arena = max(arena, buffers[i].offset + b.bytes)
        placed.append(i)
        loc[b.node] = .arena(buffers[i].offset / 4)
    }
    for v in s.materialized where g.nodes[v].op == .reshape { loc[v] = loc[root(v)] }

    var live = [Int](repeating: 0, count: end + 2)
    for b in buffers { for t in b.first...b.last { live[t] += b.bytes } }
    let p = MemoryPlan(locations: loc, buffers: buffers, copies: copies, arenaBytes: arena,
                       lowerBoundBytes: live.max() ?? 0, noReuseBytes: buffers.reduce(0) { $0 + $1.bytes })
    try p.validate()
    return p
}
