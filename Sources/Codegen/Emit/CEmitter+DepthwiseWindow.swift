/// The depthwise 3x3 convolutions with stride 1 and padding 1 (every depthwise convolution of S and
/// M after a stage's first block) as sliding windows: forward, dx and dw.
///
/// Per row and block of 16 channels, the nine weights (or, for dw, the nine sums) and the 3x3 window
/// stay in registers (`ba_v16`, GCC/Clang vector types) while the column moves right, so each pixel
/// loads one new column of three vectors instead of nine inputs and nine weights (the general
/// kernels in `CEmitter+Depthwise`). Rows and columns outside the image are zeros in the window.
/// The taps are added in the order of the general kernels' loops, so the float sums are the same up
/// to the sign of a zero. Channels beyond the last full block of 16 run the same code on scalars.
/// Measured: `bench kernels --filter dwconv`, BENCHMARKS "Depthwise as sliding windows".

// MARK: - Depthwise 3x3, stride 1: sliding windows

/// Whether `d` runs as a sliding window: depthwise, 3x3, stride 1, padding 1 (the output the size
/// of the input).
func depthwiseWindowApplies(_ d: ConvShape) -> Bool {
    d.isDepthwise && d.r == 3 && d.s == 3 && d.stride == 1 && d.pad == 1 && d.ho == d.h && d.wo == d.w
}

/// One channel block's arithmetic: 16 lanes as `ba_v16`, or one `float`.
private struct Lanes {
    let width: Int
    var type: String { width == 1 ? "float" : "ba_v16" }
    func load(_ base: String, _ index: String) -> String {
        width == 1 ? "\(base)[\(index)]" : "*(const ba_v16 *)(\(base) + \(index))"
    }
    func store(_ base: String, _ index: String, _ value: String) -> String {
        width == 1 ? "\(base)[\(index)] = \(value);" : "*(ba_v16 *)(\(base) + \(index)) = \(value);"
    }
    /// `value` as double: one expression per half of 16 lanes.
    func doubles(_ value: String) -> [String] {
        width == 1 ? ["(double)\(value)"] : ["BA_LO_V8D(\(value))", "BA_HI_V8D(\(value))"]
    }
    var doubleType: String { width == 1 ? "double" : "ba_v8d" }
    /// A prefetch of the next channel block's line at `base[index]` (16 floats on: the line the next block
    /// reads there), for a block of 16 lanes; nothing for the scalar tail. `write`: the line is stored to.
    func prefetchNextBlock(_ base: String, _ index: String, write: Bool = false) -> String? {
        width == 1 ? nil : "__builtin_prefetch(\(base) + \(index) + 16\(write ? ", 1" : ""));"
    }
    /// The double at `base[index]` (and `index + 8`) as an lvalue per half.
    func doubleSlots(_ base: String, _ index: String) -> [String] {
        width == 1 ? ["\(base)[\(index)]"] : ["*(ba_v8d *)(\(base) + \(index))", "*(ba_v8d *)(\(base) + \(index) + 8)"]
    }
}

/// `body` once over the full blocks of 16 channels (`c` steps by 16) and once over the rest, one channel at a time.
private func forEachChannelBlock(_ channels: Int, _ w: inout CWriter, _ body: (Lanes, inout CWriter) -> Void) {
    let full = channels / 16 * 16
    if full > 0 {
        w.block("for (long c = 0; c < \(full); c += 16)") { w in
            w.line("const ba_v16 zero = {0};")
            body(Lanes(width: 16), &w)
        }
    }
    if full < channels {
        w.block("for (long c = \(full); c < \(channels); c++)") { w in
            w.line("const float zero = 0.0f;")
            body(Lanes(width: 1), &w)
        }
    }
}

/// The window: `v{i}{j}` is the input at row offset i - 1 and column offset j - 1 from the pixel.
/// Rows `o0`, `o1`, `o2` are the offsets of the rows above, at and below (the first only read where
/// `up`, the last where `down`); column j = 2 is loaded per pixel (`col`), the others shift left.
private func emitWindowStart(_ l: Lanes, source: String, _ w: inout CWriter) {
    w.line("\(l.type) v00 = zero, v10 = zero, v20 = zero;")
    w.line("\(l.type) v01 = up ? \(l.load(source, "o0 + c")) : zero, v11 = \(l.load(source, "o1 + c")), v21 = down ? \(l.load(source, "o2 + c")) : zero;")
}

/// The window's new column. With 16 lanes, each of the three rows' loads also prefetches the line the
/// next block of channels reads at the same pixel: a block walks the row's pixels a row of channels
/// apart (4 kB and more, a new page per pixel, which the hardware prefetchers do not follow), and the
/// next block reads the lines just after these (BENCHMARKS, "Depthwise windows prefetch the next block").
private func emitWindowLoad(_ l: Lanes, source: String, columns: Int, channels: Int, _ w: inout CWriter) {
    w.line("\(l.type) v02 = zero, v12 = zero, v22 = zero;")
    w.block("if (col + 1 < \(columns))") { w in
        w.line("const long next = (col + 1) * \(channels) + c;")
        for (value, row, condition) in [("v02", "o0", "up"), ("v12", "o1", nil), ("v22", "o2", "down")] {
            let load = "\(value) = \(l.load(source, "\(row) + next"));"
            let prefetch = l.prefetchNextBlock(source, "\(row) + next")
            let statement = prefetch.map { "\(load) \($0)" } ?? load
            guard let condition else { w.line(statement); continue }
            w.line(prefetch == nil ? "if (\(condition)) \(statement)" : "if (\(condition)) { \(statement) }")
        }
    }
}

private func emitWindowShift(_ w: inout CWriter) {
    w.line("v00 = v01; v10 = v11; v20 = v21; v01 = v02; v11 = v12; v21 = v22;")
}

/// The rows of the window around row `row` of an image with `rows` rows, `columns` columns.
private func emitWindowRows(image: String, row: String, rows: Int, columns: Int, channels: Int, _ w: inout CWriter) {
    w.line("const int up = \(row) > 0, down = \(row) + 1 < \(rows);")
    w.line("const long o1 = (\(image) * \(rows) + \(row)) * \(columns * channels), o0 = o1 - \(columns * channels), o2 = o1 + \(columns * channels);")
}

/// `v` = Σ over the taps (r, s), in loop order, of `window(r, s) · w{r}{s}`, one line per kernel row.
private func emitWindowTapSum(_ l: Lanes, _ window: (Int, Int) -> String, _ w: inout CWriter) {
    let rows = (0..<3).map { r in (0..<3).map { s in "\(window(r, s)) * w\(r)\(s)" }.joined(separator: " + ") }
    w.line("const \(l.type) v = \(rows[0])")
    w.line("    + \(rows[1])")
    w.line("    + \(rows[2]);")
}

private func emitWeightRegisters(_ l: Lanes, channels: Int, _ w: inout CWriter) {
    for r in 0..<3 {
        let taps = (0..<3).map { s in "w\(r)\(s) = \(l.load("wt", r + s == 0 ? "c" : "\((r * 3 + s) * channels) + c"))" }
        w.line("const \(l.type) " + taps.joined(separator: ", ") + ";")
    }
}

/// Forward: y[oh, ow] = Σ_{r, s} x[oh - 1 + r, ow - 1 + s] · w[r, s]; with `statsPartial`, the
/// row's Σy and Σy² per channel in double into `part` (N·Ho, 2, C), as `emitDepthwiseForward`.
func emitDepthwiseWindowForward(_ d: ConvShape, x: String, y: String, statsPartial: String?, _ w: inout CWriter) {
    w.line("/* Depthwise 3x3 as a sliding window: per output row and block of 16 channels, the weights and the 3x3")
    w.line(" * window of x stay in registers while ow moves right; rows and columns outside x are zeros. */")
    w.line("#pragma omp parallel for collapse(2) schedule(static)")
    w.block("for (long n = 0; n < \(d.n); n++)") { w in
        w.block("for (long oh = 0; oh < \(d.ho); oh++)") { w in
            emitWindowRows(image: "n", row: "oh", rows: d.h, columns: d.w, channels: d.c, &w)
            if let part = statsPartial { w.line("double *restrict ps = \(part) + (n * \(d.ho) + oh) * \(2 * d.c);") }
            forEachChannelBlock(d.c, &w) { l, w in
                emitWeightRegisters(l, channels: d.c, &w)
                emitWindowStart(l, source: x, &w)
                let halves = l.width == 1 ? 1 : 2
                if statsPartial != nil {
                    let start = l.width == 1 ? "0.0" : "{0}"
                    let sums = (0..<halves).flatMap { h in ["sum\(h) = \(start)", "sq\(h) = \(start)"] }
                    w.line("\(l.doubleType) " + sums.joined(separator: ", ") + ";")
                }
                w.block("for (long col = 0; col < \(d.wo); col++)") { w in
                    emitWindowLoad(l, source: x, columns: d.w, channels: d.c, &w)
                    emitWindowTapSum(l, { r, s in "v\(r)\(s)" }, &w)
                    w.line(l.store(y, "o1 + col * \(d.c) + c", "v"))
                    if let p = l.prefetchNextBlock(y, "o1 + col * \(d.c) + c", write: true) { w.line(p) }
                    if statsPartial != nil {
                        for (h, e) in l.doubles("v").enumerated() {
                            w.line("{ const \(l.doubleType) dv = \(e); sum\(h) += dv; sq\(h) += dv * dv; }")
                        }
                    }
                    emitWindowShift(&w)
                }
                if statsPartial != nil {
                    for (h, slot) in l.doubleSlots("ps", "c").enumerated() { w.line("\(slot) = sum\(h);") }
                    for (h, slot) in l.doubleSlots("ps", "\(d.c) + c").enumerated() { w.line("\(slot) = sq\(h);") }
                }
            }
        }
    }
}

/// dx: dx[ih, iw] = Σ_{r, s} dy[ih + 1 - r, iw + 1 - s] · w[r, s], the window over dy (the same sums,
/// in the same order, as `emitDepthwiseBackwardInput`).
func emitDepthwiseWindowBackwardInput(_ d: ConvShape, dy: String, dx: String, _ w: inout CWriter) {
    w.line("/* Depthwise 3x3 dx as a sliding window over dy: per input row and block of 16 channels, the weights and")
    w.line(" * the 3x3 window of dy stay in registers while iw moves right; rows and columns outside dy are zeros. */")
    w.line("#pragma omp parallel for collapse(2) schedule(static)")
    w.block("for (long n = 0; n < \(d.n); n++)") { w in
        w.block("for (long ih = 0; ih < \(d.h); ih++)") { w in
            emitWindowRows(image: "n", row: "ih", rows: d.ho, columns: d.wo, channels: d.c, &w)
            forEachChannelBlock(d.c, &w) { l, w in
                emitWeightRegisters(l, channels: d.c, &w)
                emitWindowStart(l, source: dy, &w)
                w.block("for (long col = 0; col < \(d.w); col++)") { w in
                    emitWindowLoad(l, source: dy, columns: d.wo, channels: d.c, &w)
                    emitWindowTapSum(l, { r, s in "v\(2 - r)\(2 - s)" }, &w)
                    w.line(l.store(dx, "o1 + col * \(d.c) + c", "v"))
                    if let p = l.prefetchNextBlock(dx, "o1 + col * \(d.c) + c", write: true) { w.line(p) }
                    emitWindowShift(&w)
                }
            }
        }
    }
}

/// dw: per output row, the nine sums Σ_ow dy[oh, ow] · x[oh - 1 + r, ow - 1 + s] in float in
/// registers, then added in double to the thread's partial `acc` (R, S, C), as the general kernel's
/// row sums. Emitted inside `emitDepthwiseBackwardWeight`'s per-thread row loop (`n`, `oh` given).
func emitDepthwiseWindowWeightRow(_ d: ConvShape, dy: String, x: String, _ w: inout CWriter) {
    emitWindowRows(image: "n", row: "oh", rows: d.h, columns: d.w, channels: d.c, &w)
    forEachChannelBlock(d.c, &w) { l, w in
        let sums = (0..<3).map { r in (0..<3).map { s in "g\(r)\(s) = zero" }.joined(separator: ", ") }
        w.line("\(l.type) " + sums.joined(separator: ", ") + ";")
        emitWindowStart(l, source: x, &w)
        w.block("for (long col = 0; col < \(d.wo); col++)") { w in
            emitWindowLoad(l, source: x, columns: d.w, channels: d.c, &w)
            w.line("const \(l.type) g = \(l.load(dy, "o1 + col * \(d.c) + c"));")
            if let p = l.prefetchNextBlock(dy, "o1 + col * \(d.c) + c") { w.line(p) }
            for r in 0..<3 { w.line((0..<3).map { s in "g\(r)\(s) += g * v\(r)\(s);" }.joined(separator: " ")) }
            emitWindowShift(&w)
        }
        for r in 0..<3 {
            for s in 0..<3 {
                let parts = zip(l.doubleSlots("acc", r + s == 0 ? "c" : "\((r * 3 + s) * d.c) + c"), l.doubles("g\(r)\(s)")).map { "\($0) += \($1);" }
                w.line(parts.joined(separator: " "))
            }
        }
    }
}
