import Graph

/// One program of the artifact: an entry point over a planned schedule.
public struct ProgramCode: Sendable {
    public var entry: String
    public var schedule: Schedule
    public var plan: MemoryPlan
    public init(entry: String, schedule: Schedule, plan: MemoryPlan) {
        self.entry = entry; self.schedule = schedule; self.plan = plan
    }
}

/// Choices of the emitter that do not change results beyond float rounding.
public struct EmitOptions: Hashable, Sendable {
    /// Plain-loop templates for every op (the naive twins the fast kernels are tested against).
    public var naiveKernels: Bool
    public init(naiveKernels: Bool = false) { self.naiveKernels = naiveKernels }
}

/// A pointer parameter of a kernel function.
struct Param: Hashable {
    var name: String
    var ctype: String
}

/// The text of one kernel function, before it is named.
struct KernelFunction: Hashable {
    var label: String
    var params: [Param]
    var body: String
}

/// What a kernel template sees: its nodes, the parameter holding each value, and the graph.
/// Attributes that differ between otherwise identical kernels (a random op's salt and rate)
/// become scalar parameters, so one function serves every block of a stage.
final class KernelContext {
    let graph: Graph
    let kernel: Kernel
    let pointer: [NodeID: String]
    let options: EmitOptions
    /// The anchor adds into its output (`+=`, or sgemm with beta 1) instead of storing.
    var accumulate: Bool { kernel.accumulates }
    private(set) var scalars: [(param: Param, value: String)] = []

    init(graph: Graph, kernel: Kernel, pointer: [NodeID: String], options: EmitOptions) {
        self.graph = graph; self.kernel = kernel; self.pointer = pointer; self.options = options
    }

    /// A scalar parameter passed `value` at the call site; returns its name in the body.
    func scalar(_ ctype: String, _ value: String) -> String {
        let name = "a\(scalars.count)"
        scalars.append((Param(name: name, ctype: ctype + " "), value))
        return name
    }

    func node(_ id: NodeID) -> Node { graph.nodes[id] }
    func shape(_ id: NodeID) -> [Int] { graph.nodes[id].type.shape }
    func count(_ id: NodeID) -> Int { graph.nodes[id].type.count }
    func ptr(_ id: NodeID) -> String {
        guard let p = pointer[id] else { preconditionFailure("%\(id) (\(graph.nodes[id].name)) is not in memory") }
        return p
    }
}

/// The C source of an artifact: a prelude, the shared kernel functions, and one entry function
/// per program, each a plain list of kernel calls.
public struct CSource: Sendable {
    public var text: String
    /// Distinct kernel functions after sharing identical ones.
    public var functions: Int
    /// The function each kernel of each program calls, by program entry, in schedule order.
    public var calls: [String: [String]]
}

/// Emits one translation unit for all programs; identical kernels (same computation, same
/// shapes) become one function called from every site.
public func emitC(_ programs: [ProgramCode], title: [String], options: EmitOptions = EmitOptions()) throws(CodegenError) -> CSource {
    var functions: [KernelFunction: String] = [:]     // function -> its name
    var order: [(String, KernelFunction, [String])] = []  // definitions in first-use order, with comments
    var entries = CWriter()
    var calls: [String: [String]] = [:]
    var index = 0

    for program in programs {
        let g = program.schedule.graph
        var body = CWriter()
        var names: [String] = []
        for kernel in program.schedule.kernels {
            let (fn, args) = try emitKernel(kernel, g, program.plan, options)
            let name: String
            if let existing = functions[fn] {
                name = existing
            } else {
                name = String(format: "k%03d_%@", index, fn.label)
                index += 1
                functions[fn] = name
                order.append((name, fn, describe(kernel, g, program.plan)))
            }
            names.append(name)
            let scope = g.nodes[kernel.writes.first ?? kernel.nodes[0]].name
            body.line("\(name)(\(args.joined(separator: ", ")));" + (scope.isEmpty ? "" : "  // \(scope)"))
        }
        for a in program.plan.copies {
            let n = g.nodes[a.value].type.count
            body.line("memcpy(\(location(program.plan.locations[a.target]!)), \(location(program.plan.locations[a.value]!)), "
                      + "\(n) * sizeof(float));  // \(g.nodes[a.target].name)")
        }
        calls[program.entry] = names
        let blocks = [
            "float *const A = (float *)io[\(IOSlot.arena.rawValue)];  /* arena */",
            "float *const M = (float *)io[\(IOSlot.model.rawValue)];  /* parameters, buffers */",
            "float *const G = (float *)io[\(IOSlot.grads.rawValue)];  /* gradient accumulators */",
            "float *const AM = (float *)io[\(IOSlot.adamM.rawValue)];",
            "float *const AV = (float *)io[\(IOSlot.adamV.rawValue)];",
            "float *const E = (float *)io[\(IOSlot.ema.rawValue)];  /* EMA of M */",
            "(void)A; (void)M; (void)G; (void)AM; (void)AV; (void)E;",
        ]
        entries.line()
        entries.line("/* \(program.entry): \(program.schedule.kernels.count) kernels, arena \(program.plan.arenaBytes) bytes. */")
        entries.block("int \(program.entry)(void *const *io)") { w in
            for l in blocks { w.line(l) }
            w.lines(body.text.trimmingTrailingNewline)
            w.line("return 0;")
        }
        // The same calls one at a time, for `breastai-run bench kernels`.
        entries.line()
        entries.line("/* \(program.entry)_kernel: runs kernel k of \(program.entry) alone; 1 if k is out of range. */")
        entries.block("int \(program.entry)_kernel(void *const *io, int k)") { w in
            for l in blocks { w.line(l) }
            w.block("switch (k)") { w in
                for (k, line) in body.text.split(separator: "\n").prefix(program.schedule.kernels.count).enumerated() {
                    w.line("case \(k): \(line.split(separator: ";", maxSplits: 1)[0]); return 0;")
                }
                w.line("default: return 1;")
            }
        }
    }

    var out = CWriter()
    out.line("/*")
    for t in title { out.line(" * " + t) }
    out.line(" */")
    out.lines(cPrelude)
    for (name, fn, comment) in order {
        out.line()
        for c in comment { out.line(c) }
        let params = fn.params.map { "\($0.ctype)\($0.name)" }.joined(separator: ", ")
        out.block("static void \(name)(\(params))") { w in w.lines(fn.body.trimmingTrailingNewline) }
    }
    out.lines(entries.text.trimmingTrailingNewline)
    out.lines(cProbes)
    return CSource(text: out.text, functions: order.count, calls: calls)
}

/// The C expression of a location inside an entry function.
func location(_ l: Location) -> String {
    switch l {
    case .arena(let o): return "A + \(o)"
    case .model(let o): return "M + \(o)"
    case .grads(let o): return "G + \(o)"
    case .adamM(let o): return "AM + \(o)"
    case .adamV(let o): return "AV + \(o)"
    case .ema(let o): return "E + \(o)"
    case .io(let s): return "io[\(s.rawValue)]"
    }
}

/// The kernel's function and the arguments of its call.
func emitKernel(_ k: Kernel, _ g: Graph, _ plan: MemoryPlan, _ options: EmitOptions) throws(CodegenError) -> (KernelFunction, [String]) {
    switch k.kind {
    case .gradNorm, .adamW, .ema: return try emitOptimizer(k, g, plan)
    default: break
    }
    // One parameter per distinct location; written ones first.
    var params: [Param] = [], args: [String] = [], pointer: [NodeID: String] = [:]
    var byLocation: [Location: Int] = [:]
    let written = Set(k.writes.compactMap { plan.locations[$0] })
    for v in k.writes + k.reads {
        guard let l = plan.locations[v] else { throw .invalidPlan("%\(v) (\(g.nodes[v].name)) has no location") }
        if let i = byLocation[l] { pointer[v] = params[i].name; continue }
        let isInt = g.nodes[v].type.dtype == .i32
        let const = written.contains(l) ? "" : "const "
        let name = written.contains(l) ? "y\(params.filter { !$0.ctype.hasPrefix("const") }.count)"
                                       : "x\(params.filter { $0.ctype.hasPrefix("const") }.count)"
        params.append(Param(name: name, ctype: "\(const)\(isInt ? "int32_t" : "float") *restrict "))
        byLocation[l] = params.count - 1
        pointer[v] = name
        let expr = location(l)
        args.append(expr.hasPrefix("io[") ? "(\(const)\(isInt ? "int32_t" : "float") *)\(expr)" : expr)
    }
    switch k.kind {   // an accumulating anchor writes straight into the accumulator
    case .op(let anchor) where k.accumulates, .prologue(let anchor) where k.accumulates: pointer[anchor] = pointer[k.writes[0]]
    default: break
    }
    let ctx = KernelContext(graph: g, kernel: k, pointer: pointer, options: options)
    var w = CWriter()
    let label: String
    switch k.kind {
    case .fill:
        guard case .constant(let c) = g.nodes[k.nodes[0]].op else { throw .unsupported("fill of a non-constant") }
        label = "fill"
        w.line("for (long i = 0; i < \(ctx.count(k.nodes[0])); i++) \(ctx.ptr(k.nodes[0]))[i] = \(cFloat(c));")
    case .elementwise:
        label = emitElementwise(ctx, &w)
    case .op(let anchor), .prologue(let anchor):
        label = try emitOp(ctx, anchor, &w)
    case .loss(let forward, let backward):
        guard case .focalLoss(let a) = g.nodes[forward].op else { throw .unsupported("loss kernel without a focal loss") }
        let x = g.nodes[backward].inputs
        emitFocalLoss(a, logits: ctx.ptr(x[0]), labels: ctx.ptr(x[1]), shape: ctx.shape(x[0]), dloss: ctx.ptr(x[2]),
                      loss: ctx.ptr(forward), dlogits: ctx.ptr(backward), &w)
        label = "focal_loss_fwd_bwd"
    case .gradNorm, .adamW, .ema:
        preconditionFailure("handled above")
    }
    for (p, v) in ctx.scalars { params.append(p); args.append(v) }
    return (KernelFunction(label: label, params: params, body: w.text), args)
}

/// The comment above a kernel function: every fused IR node and where its values live.
func describe(_ k: Kernel, _ g: Graph, _ plan: MemoryPlan) -> [String] {
    var lines = ["/*"]
    let computed = k.nodes.filter { !g.nodes[$0].op.isLeaf }
    for id in computed.prefix(12) {
        let n = g.nodes[id]
        let args = n.inputs.map { "%\($0)" }.joined(separator: ", ")
        lines.append(" * %\(id) = \(n.op.name)(\(args)) : \(n.type)  \(n.name)")
    }
    if computed.count > 12 { lines.append(" * ... and \(computed.count - 12) more nodes of the same kinds") }
    if k.writes.count + k.reads.count > 16 {
        lines.append(" * \(k.writes.count) values written, \(k.reads.count) read (flat over the state blocks)")
        lines.append(" */")
        return lines
    }
    for v in k.writes { if let l = plan.locations[v] { lines.append(" * out %\(v) -> \(l)") } }
    for v in k.reads {
        if let l = plan.locations[v] { lines.append(" * in  %\(v) \(g.nodes[v].type) <- \(l)" + (g.nodes[v].op.isLeaf ? " (\(g.nodes[v].name))" : "")) }
    }
    lines.append(" */")
    return lines
}

extension String {
    var trimmingTrailingNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}

/// Includes and helpers every artifact shares.
let cPrelude = """
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cblas.h>
#include <omp.h>

/* Counter-based random numbers, bit-identical to Graph/Random.swift (lowbias32). */
static inline uint32_t ba_hash(uint32_t x) {
    x ^= x >> 16; x *= 0x7feb352dU;
    x ^= x >> 15; x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

static inline float ba_uniform(uint32_t seed, uint32_t salt, uint32_t index) {
    uint32_t key = ba_hash(seed + 0x9E3779B9U * salt);
    return (float)(ba_hash(key ^ index) >> 8) * (1.0f / 16777216.0f);
}

/* exp(x) in float that vectorises (libm's expf is a call the loops cannot vectorise): Cephes'
 * expf, i.e. x = n·ln2 + r with n rounded by the 1.5·2^23 trick, a degree-5 polynomial for
 * exp(r), and 2^n built in the exponent bits. Relative error about 1e-7 (2 ulp). */
static inline float ba_expf(float x) {
    x = x < -87.0f ? -87.0f : x;
    x = x > 88.0f ? 88.0f : x;
    const float n = (x * 1.44269504088896341f + 12582912.0f) - 12582912.0f;
    const float r = x - n * 0.693359375f + n * 2.12194440e-4f;
    float p = 1.9875691500e-4f;
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    const float e = p * r * r + r + 1.0f;
    const uint32_t bits = (uint32_t)((int32_t)n + 127) << 23;
    float scale;
    memcpy(&scale, &bits, sizeof scale);
    return e * scale;
}

static inline float ba_sigmoid(float x) { return 1.0f / (1.0f + ba_expf(-x)); }
"""

/// Machine probes `breastai-run bench` measures the roofline with, built with the same compiler,
/// flags, OpenMP runtime and OpenBLAS as the kernels.
let cProbes = """

/* Machine probes: seconds per n x n x n sgemm (best of reps) and per triad pass over n floats. */
double breastai_probe_sgemm(int n, int reps) {
    float *a = malloc(sizeof(float) * n * n), *b = malloc(sizeof(float) * n * n), *c = malloc(sizeof(float) * n * n);
    for (long i = 0; i < (long)n * n; i++) { a[i] = (float)(i % 7) * 0.1f; b[i] = (float)(i % 5) * 0.2f; c[i] = 0.0f; }
    double best = 1e30;
    for (int r = 0; r < reps; r++) {
        const double t = omp_get_wtime();
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0f, a, n, b, n, 0.0f, c, n);
        const double s = omp_get_wtime() - t;
        if (s < best) best = s;
    }
    free(a); free(b); free(c);
    return best;
}

double breastai_probe_triad(long n, int reps) {
    float *a = malloc(sizeof(float) * n), *b = malloc(sizeof(float) * n), *c = malloc(sizeof(float) * n);
    #pragma omp parallel for schedule(static)
    for (long i = 0; i < n; i++) { a[i] = 0.0f; b[i] = 1.0f; c[i] = 2.0f; }
    double best = 1e30;
    for (int r = 0; r < reps; r++) {
        const double t = omp_get_wtime();
        #pragma omp parallel for schedule(static)
        for (long i = 0; i < n; i++) a[i] = b[i] + 3.0f * c[i];
        const double s = omp_get_wtime() - t;
        if (s < best) best = s;
    }
    free(a); free(b); free(c);
    return best;
}

int breastai_threads(void) { return omp_get_max_threads(); }
"""
