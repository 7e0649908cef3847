import Graph

/// One call in an entry function: the kernel function, its arguments and the scope it computes.
public struct KernelCall: Sendable {
    public var function: String
    public var arguments: [String]
    public var scope: String
    /// The C statement, with the scope as a trailing comment.
    public var line: String { "\(function)(\(arguments.joined(separator: ", ")));" + (scope.isEmpty ? "" : "  // \(scope)") }
}

/// One kernel function of the artifact: its name, its text (header comment and definition), its
/// declaration, how many call sites (over all programs) use it, and the number in its name
/// (`k017b_...` carries 17, its forward kernel's), which picks its translation unit.
public struct KernelDefinition: Sendable {
    public var name: String
    public var text: String
    /// The prototype `kernels.h` declares (`void k017_...(...);`).
    public var declaration: String
    public var callSites: Int
    public var number: Int
}

/// One C source file of an artifact: its file name and its text.
public struct CUnit: Sendable, Hashable {
    public var name: String
    public var text: String
    public init(name: String, text: String) { self.name = name; self.text = text }
}

/// One entry point: its kernel calls in order, the state copies after them, and its C text (the
/// entry and its one-kernel twin for `breastai-run bench kernels`).
public struct EntrySource: Sendable {
    public var entry: String
    public var calls: [KernelCall]
    public var text: String
}

/// The C source of an artifact as structured units: the prelude, the shared kernel functions,
/// and one entry per program (a dispatch table of kernel calls).
///
/// On disk it is several translation units, compiled in parallel and each reused while its text
/// does not change: `kernels.h` (the prelude and every kernel's declaration), `kernels_kNNN.c`
/// (the kernels numbered NNN to NNN+15 and their backward kernels: a layer's forward and
/// backward sit in one file, and a changed kernel recompiles only its file), the `extraUnits`
/// (hand-written C that joins the build as its own unit) and `program.c` (the entry points).
public struct CSource: Sendable {
    /// The title comment and the helpers every kernel uses.
    public var prelude: String
    public var kernels: [KernelDefinition]
    public var programs: [EntrySource]
    /// Hand-written C files compiled as units of their own (they may `#include "kernels.h"`).
    public var extraUnits: [CUnit] = []

    /// Kernel numbers per `kernels_kNNN.c`: fixed, so the split depends on the names alone and
    /// one kernel's new body changes one file.
    public static let numbersPerUnit = 16
    /// The header every unit includes.
    public static let headerName = "kernels.h"
    /// The entry points' unit.
    public static let programName = "program.c"

    /// Distinct kernel functions after sharing identical ones.
    public var functions: Int { kernels.count }
    /// The function each kernel of each program calls, by program entry, in schedule order.
    public var calls: [String: [String]] {
        Dictionary(uniqueKeysWithValues: programs.map { ($0.entry, $0.calls.map(\.function)) })
    }
    /// `kernels.h`: the prelude, then every kernel's declaration, hidden (the library exports
    /// only the entry points and probes).
    public var headerFile: String {
        [prelude, "/* The kernel functions, defined in kernels_k*.c. */", "#pragma GCC visibility push(hidden)"]
            .joined(separator: "\n") + "\n" + kernels.map { $0.declaration + "\n" }.joined() + "#pragma GCC visibility pop\n"
    }
    /// The kernel units, by file name order (`kernels_k000.c`, `kernels_k016.c`, ...).
    public var kernelUnits: [CUnit] {
        let groups = Dictionary(grouping: kernels) { $0.number / Self.numbersPerUnit }
        return groups.keys.sorted().map { g in
            let first = g * Self.numbersPerUnit, last = first + Self.numbersPerUnit - 1
            let head = String(format: "/* Kernels k%03d to k%03d and their backward kernels. */\n#include \"%@\"\n", first, last, Self.headerName)
            return CUnit(name: String(format: "kernels_k%03d.c", first), text: head + groups[g]!.map { "\n" + $0.text }.joined())
        }
    }
    /// `program.c`: the entry points and the machine probes.
    public var programFile: String {
        "/* Entry points: one per program, each a plain list of kernel calls. */\n#include \"\(Self.headerName)\"\n"
            + programs.map { "\n" + $0.text }.joined() + cProbes + "\n"
    }
    /// The translation units the library is compiled from: kernel units, extra units, program.c.
    public var units: [CUnit] { kernelUnits + extraUnits + [CUnit(name: Self.programName, text: programFile)] }
    /// Every C file of the artifact, in the order they are written and hashed: the header, then the units.
    public var files: [CUnit] { [CUnit(name: Self.headerName, text: headerFile)] + units }
    /// All the kernels' C (the header and the kernel units) as one text, for searches and sizes.
    public var kernelsText: String { ([headerFile] + kernelUnits.map(\.text) + extraUnits.map(\.text)).joined(separator: "\n") }
}

/// Emits all programs; identical kernels (same computation, same shapes) become one function
/// called from every site. Functions are numbered in first-use order (`k017_...`); a kernel of a
/// step's backward pass is named after the forward kernel of its scope (`k017b_...`, `k017b2_...`).
public func emitC(_ programs: [ProgramCode], title: [String], options: EmitOptions = EmitOptions()) throws(CodegenError) -> CSource {
    // Every call site's code, and how many sites share each function.
    var codes: [[KernelCode]] = []
    var sites: [KernelFunction: Int] = [:]
    for program in programs {
        var row: [KernelCode] = []
        for kernel in program.schedule.kernels {
            let code = try emitKernel(kernel, program.schedule.graph, program.plan, options)
            sites[code.function, default: 0] += 1
            row.append(code)
        }
        codes.append(row)
    }

    var names: [KernelFunction: String] = [:], numbers: [String: Int] = [:], taken = Set<String>()
    var definitions: [KernelDefinition] = []
    var entries: [EntrySource] = []
    var next = 0
    var unitNumber: [String: Int] = [:]
    for (program, row) in zip(programs, codes) {
        let g = program.schedule.graph, kernels = program.schedule.kernels
        let backwardStart = kernels.firstIndex { k in
            k.nodes.contains { if case .focalLoss = g.nodes[$0].op { return true }; return false }
        }.map { $0 + 1 } ?? kernels.count
        var forwardByScope: [String: Int] = [:]
        var calls: [KernelCall] = []
        for (i, (kernel, code)) in zip(kernels, row).enumerated() {
            let scope = kernel.scope(in: g)
            if names[code.function] == nil {
                let name: String
                if i >= backwardStart, let number = forwardByScope[forwardScope(scope)] {
                    var candidate = String(format: "k%03db_%@", number, code.function.label), n = 2
                    while taken.contains(candidate) { candidate = String(format: "k%03db%d_%@", number, n, code.function.label); n += 1 }
                    name = candidate
                    unitNumber[name] = number
                } else {
                    name = String(format: "k%03d_%@", next, code.function.label)
                    numbers[name] = next
                    unitNumber[name] = next
                    next += 1
                }
                taken.insert(name)
                names[code.function] = name
                definitions.append(definition(name, code, kernel, program, callSites: sites[code.function] ?? 1,
                                              number: unitNumber[name]!))
            }
            let name = names[code.function]!
            if i < backwardStart, forwardByScope[scope] == nil, let number = numbers[name] { forwardByScope[scope] = number }
            calls.append(KernelCall(function: name, arguments: code.args, scope: scope))
        }
        entries.append(entrySource(program, calls: calls))
    }
    var prelude = CWriter()
    prelude.line("/*")
    for t in title { prelude.line(" * " + t) }
    prelude.line(" */")
    prelude.lines(cPrelude)
    // bf16: every contraction's GEMM; fp32 packed products: the tiled convolutions and the Winograd
    // ones (a bf16 program's narrow 3x3 convolutions run as in fp32, `winogradPrecision`).
    var extraUnits: [CUnit] = []
    if options.precision == .bf16 {
        prelude.line(); prelude.lines(cGemmBF16Declarations.trimmingTrailingNewline)
        extraUnits.append(gemmBF16Unit)
    }
    if definitions.contains(where: { $0.text.contains("breastai_gemm_f32_") }) {
        prelude.line(); prelude.lines(cGemmF32Declarations.trimmingTrailingNewline)
        extraUnits.append(gemmF32Unit)
    }
    return CSource(prelude: prelude.text, kernels: definitions, programs: entries, extraUnits: extraUnits)
}

/// The forward scope a backward kernel belongs to: a parameter's gradient belongs to its layer.
private func forwardScope(_ scope: String) -> String {
    for suffix in [".weight", ".bias"] where scope.hasSuffix(suffix) { return String(scope.dropLast(suffix.count)) }
    return scope
}

/// A kernel function's text: the header comment, then the definition with each pointer's shape.
private func definition(_ name: String, _ code: KernelCode, _ kernel: Kernel, _ program: ProgramCode, callSites: Int,
                        number: Int) -> KernelDefinition {
    var w = CWriter()
    for c in describe(kernel, program.schedule.graph, program.plan, callSites: callSites) { w.line(c) }
    let params = zip(code.function.params, code.shapes).map { p, shape in
        "\(p.ctype)\(p.name)" + (shape.isEmpty ? "" : " /* \(shape) */")
    }
    let signature = params.joined(separator: ", ")
    let head = "void \(name)(" + (signature.count > 100 ? "\n    " + params.joined(separator: ",\n    ") + ")" : signature + ")")
    w.block(head) { w in w.lines(code.function.body.trimmingTrailingNewline) }
    return KernelDefinition(name: name, text: w.text, declaration: head + ";", callSites: callSites, number: number)
}

/// An entry function (the calls in order, then the state copies) and its one-kernel twin.
private func entrySource(_ program: ProgramCode, calls: [KernelCall]) -> EntrySource {
    let g = program.schedule.graph
    var body = calls.map(\.line)
    for a in program.plan.copies {
        let n = g.nodes[a.value].type.count
        body.append("memcpy(\(location(program.plan.locations[a.target]!)), \(location(program.plan.locations[a.value]!)), "
                    + "\(n) * sizeof(float));  // \(g.nodes[a.target].name)")
    }
    let table = calls.map { "\($0.function)(\($0.arguments.joined(separator: ", "))); return 0;" }
    var w = CWriter()
    w.line("/* \(program.entry): \(program.schedule.kernels.count) kernels, arena \(program.plan.arenaBytes) bytes. */")
    w.block("int \(program.entry)(void *const *io)") { w in
        for l in blockPointers(used: body) { w.line(l) }
        for l in body { w.line(l) }
        w.line("return 0;")
    }
    w.line()
    w.line("/* \(program.entry)_kernel: runs kernel k of \(program.entry) alone; 1 if k is out of range. */")
    w.block("int \(program.entry)_kernel(void *const *io, int k)") { w in
        for l in blockPointers(used: table) { w.line(l) }
        w.block("switch (k)") { w in
            for (k, call) in table.enumerated() { w.line("case \(k): \(call)") }
            w.line("default: return 1;")
        }
    }
    return EntrySource(entry: program.entry, calls: calls, text: w.text)
}

/// The state-block pointers an entry function's `lines` use, one declaration each (and
/// `(void)io;` when they use none, so an empty entry compiles warning-free).
private func blockPointers(used lines: [String]) -> [String] {
    let blocks: [(String, IOSlot, String)] = [
        ("A", .arena, "arena"), ("M", .model, "parameters, buffers"), ("G", .grads, "gradient accumulators"),
        ("AM", .adamM, "AdamW first moments"), ("AV", .adamV, "AdamW second moments"), ("E", .ema, "EMA of M"),
    ]
    let used = blocks.filter { name, _, _ in lines.contains { mentions($0, name) } }
    if used.isEmpty && !lines.contains(where: { mentions($0, "io") }) { return ["(void)io;"] }
    return used.map { name, slot, what in "float *const \(name) = (float *)io[\(slot.rawValue)];  /* \(what); offsets count floats */" }
}
