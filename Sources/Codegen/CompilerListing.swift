import Foundation
import Graph

/// Human-readable listings of what the compiler did.
public enum CompilerListing {
    /// Bytes as "1.23 GB" / "45.6 MB".
    public static func bytes(_ b: Int) -> String {
        let x = Double(b)
        if x >= 1e9 { return String(format: "%.2f GB", x / 1e9) }
        if x >= 1e6 { return String(format: "%.1f MB", x / 1e6) }
        if x >= 1e3 { return String(format: "%.1f kB", x / 1e3) }
        return "\(b) B"
    }

    static func flops(_ f: Int) -> String {
        let x = Double(f)
        if x >= 1e9 { return String(format: "%.2f GFLOP", x / 1e9) }
        if x >= 1e6 { return String(format: "%.2f MFLOP", x / 1e6) }
        return "\(f) FLOP"
    }

    /// The fused-kernel dump of one program: per kernel, its function, the IR nodes it fuses with
    /// their shapes and scopes, FLOPs, bytes moved, and where each operand lives.
    public static func kernelDump(_ p: LoweredProgram, functions: [String]) -> String {
        let g = p.graph
        var out = "== \(p.entry): \(p.schedule.kernels.count) kernels, arena \(bytes(p.plan.arenaBytes)) "
            + "(lower bound \(bytes(p.plan.lowerBoundBytes)), without reuse \(bytes(p.plan.noReuseBytes))) ==\n"
        for (i, k) in p.schedule.kernels.enumerated() {
            let computed = k.computed(in: g), cost = k.cost(in: g), moved = k.bytesMoved(in: g), scope = k.scope(in: g)
            let fn = i < functions.count ? functions[i] : "?"
            out += String(format: "[%4d] %@  %d op%@  %@  %@  %@ moved\n", i, fn, computed.count, computed.count == 1 ? "" : "s",
                          scope, flops(cost.flops), bytes(moved))
            for id in computed.prefix(16) {
                let n = g.nodes[id]
                out += "         %\(id) = \(n.op.name)(\(n.inputs.map { "%\($0)" }.joined(separator: ", "))) : \(n.type)  \(n.name)\n"
            }
            if computed.count > 16 { out += "         ... \(computed.count - 16) more\n" }
            for v in k.writes.prefix(8) {
                out += "         out %\(v) \(g.nodes[v].type) -> \(p.plan.locations[v].map { "\($0)" } ?? "?")\n"
            }
            for v in k.reads.prefix(8) {
                let n = g.nodes[v]
                out += "         in  %\(v) \(n.type) <- \(p.plan.locations[v].map { "\($0)" } ?? "?")"
                    + (n.op.isLeaf ? " \(n.name)" : "") + "\n"
            }
            if k.reads.count + k.writes.count > 16 { out += "         ... \(k.reads.count + k.writes.count - 16) more operands\n" }
        }
        return out
    }
}

/// The memory a phase needs in total: its arena plus the persistent state blocks (parameters and
/// buffers, EMA, gradient accumulators, AdamW moments) and the per-call I/O.
public struct MemoryFigure: Sendable {
    public var name: String
    public var arena: Int
    public var lowerBound: Int
    public var noReuse: Int
    public var state: Int
    public var io: Int
    public var total: Int { arena + state + io }
}

extension Artifact {
    /// Bytes of the state blocks every program keeps resident.
    public var stateBytes: Int { manifest.layout.stateBytes }

    /// Bytes of the per-call inputs and outputs.
    public var ioBytes: Int {
        let c = manifest
        return 4 * (c.batch * c.imageSize * c.imageSize * 3 + c.batch + 1 + Hyper.count + 8 + 1 + 2 * c.batch * c.classes)
    }

    /// One figure per phase (step and update share the arena) and one for eval.
    public var memoryFigures: [MemoryFigure] {
        var figures = manifest.phases.map {
            MemoryFigure(name: "phase \($0.phase)", arena: $0.arenaBytes, lowerBound: $0.lowerBoundBytes,
                         noReuse: $0.noReuseBytes, state: stateBytes, io: ioBytes)
        }
        let e = manifest.eval
        let evalNoReuse = programs.first { $0.entry == e.entry }?.plan.noReuseBytes ?? e.arenaBytes
        figures.append(MemoryFigure(name: "eval", arena: e.arenaBytes, lowerBound: e.lowerBoundBytes, noReuse: evalNoReuse,
                                    state: stateBytes, io: ioBytes))
        return figures
    }

    /// The summary `breastai-compile` prints: kernels and fused ops per program, and memory per
    /// phase against the budget.
    public func summary(budget: Int?) -> String {
        var lines: [String] = []
        lines.append("program                 kernels  IR ops  functions")
        for p in programs {
            let ops = p.schedule.kernels.reduce(0) { $0 + $1.nodes.filter { !p.graph.nodes[$0].op.isLeaf }.count }
            let distinct = Set(calls[p.entry] ?? []).count
            lines.append(p.entry.padding(toLength: 22, withPad: " ", startingAt: 0)
                         + String(format: "  %7d  %6d  %9d", p.schedule.kernels.count, ops, distinct))
        }
        lines.append("\(functions) distinct kernel functions in kernels_k*.c")
        lines.append("")
        lines.append("memory    arena       lower bound  above it  no reuse    + state + io  = total      budget")
        for f in memoryFigures {
            let above = f.lowerBound > 0 ? String(format: "%+.1f%%", 100 * Double(f.arena - f.lowerBound) / Double(f.lowerBound)) : "-"
            let verdict = budget.map { f.total <= $0 ? "ok (\(CompilerListing.bytes($0)))" : "OVER \(CompilerListing.bytes($0))" } ?? "-"
            lines.append([f.name.padding(toLength: 8, withPad: " ", startingAt: 0),
                          CompilerListing.bytes(f.arena).padding(toLength: 11, withPad: " ", startingAt: 0),
                          CompilerListing.bytes(f.lowerBound).padding(toLength: 12, withPad: " ", startingAt: 0),
                          above.padding(toLength: 8, withPad: " ", startingAt: 0),
                          CompilerListing.bytes(f.noReuse).padding(toLength: 11, withPad: " ", startingAt: 0),
                          CompilerListing.bytes(f.state + f.io).padding(toLength: 13, withPad: " ", startingAt: 0),
                          CompilerListing.bytes(f.total).padding(toLength: 11, withPad: " ", startingAt: 0), verdict].joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }
}

/// The default memory budget of a model at batch 4, 512x512: its stage table's `memoryBudget`
/// (S 6 GB, M 12 GB, DESIGN.md; none for L and tiny).
public func defaultBudget(_ variant: ModelVariant) -> Int? { variant.backbone.memoryBudget }
