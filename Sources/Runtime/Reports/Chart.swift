import Foundation
import Data

/// A line chart with axes, "nice" ticks, titles, a legend, optional diagonal, vertical
/// markers and bars, drawn onto a `Canvas` (a whole image or one panel of a figure).
///
/// Ranges are fixed or taken from the data and widened to the enclosing ticks; linear ticks
/// step by 1, 2 or 5 × 10ᵏ (about six of them), log ticks sit on powers of ten (with 2× and 5×
/// when the range spans under three decades). Series without a colour take the Okabe-Ito
/// palette in order. A non-finite value (or a non-positive one on a log axis) breaks a line.
public struct Chart: Sendable {
    public enum Scale: Sendable { case linear, log }

    /// One axis: its title, range (nil: from the data) and scale.
    public struct Axis: Sendable {
        public var title: String
        public var range: ClosedRange<Double>?
        public var scale: Scale
        /// Ticks only on whole numbers (epochs).
        public var integerTicks: Bool

        public init(title: String, range: ClosedRange<Double>? = nil, scale: Scale = .linear, integerTicks: Bool = false) {
            self.title = title; self.range = range; self.scale = scale; self.integerTicks = integerTicks
        }
    }

    public enum Style: Sendable { case line, markers, lineAndMarkers }

    /// A named set of points drawn as a line and/or markers.
    public struct Series: Sendable {
        public var name: String
        public var points: [(x: Double, y: Double)]
        public var color: Canvas.Color?
        public var style: Style
        public var dashed: Bool

        public init(name: String, points: [(x: Double, y: Double)], color: Canvas.Color? = nil, style: Style = .line,
                    dashed: Bool = false) {
            self.name = name; self.points = points; self.color = color; self.style = style; self.dashed = dashed
        }
    }

    /// A vertical dashed line at `x` labelled at the top of the plot (a phase boundary).
    public struct Marker: Sendable {
        public var x: Double
        public var label: String
        public init(x: Double, label: String) { self.x = x; self.label = label }
    }

    /// A bar from the plot's bottom, spanning x0...x1 and `fraction` of the plot height.
    public struct Bar: Sendable {
        public var x0: Double, x1: Double, fraction: Double
        public var color: Canvas.Color
        public init(x0: Double, x1: Double, fraction: Double, color: Canvas.Color) {
            self.x0 = x0; self.x1 = x1; self.fraction = fraction; self.color = color
        }
    }

    /// An extra legend line: a filled box swatch (bars) or a line swatch.
    public struct LegendEntry: Sendable {
        public var name: String
        public var color: Canvas.Color
        public var isBox: Bool
        public var dashed: Bool
        public init(name: String, color: Canvas.Color, isBox: Bool = false, dashed: Bool = false) {
            self.name = name; self.color = color; self.isBox = isBox; self.dashed = dashed
        }
    }

    /// Where the legend goes: a box in a corner of the plot (`auto`: the corner covering the
    /// least data), rows of entries under the x-axis title (`below`, never over data), or none.
    public enum LegendPlacement: Sendable { case auto, upperLeft, upperRight, lowerLeft, lowerRight, below, hidden }

    /// Okabe & Ito's colour-blind-safe palette, ordered for contrast on white (yellow last).
    public static let palette: [Canvas.Color] = [0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9, 0x000000, 0xF0E442]
        .map { Canvas.Color(hex: $0) }

    public var title: String
    public var xAxis: Axis
    public var yAxis: Axis
    public var series: [Series] = []
    /// When set, the y = x line is drawn dashed gray and listed in the legend under this name.
    public var diagonal: String?
    public var markers: [Marker] = []
    public var bars: [Bar] = []
    public var legendExtras: [LegendEntry] = []
    public var legend: LegendPlacement = .auto
    /// Font scale of the title; 2 (the other text's) for a panel of a figure.
    public var titleScale = 3
    /// Room reserved for the y tick labels at least, in pixels, to line up stacked panels.
    public var minimumYLabelWidth = 0

    public init(title: String, xAxis: Axis, yAxis: Axis, series: [Series] = []) {
        self.title = title; self.xAxis = xAxis; self.yAxis = yAxis; self.series = series
    }

    /// The chart as a `width` × `height` image on white.
    public func render(width: Int = 900, height: Int = 700) -> RGBImage {
        var canvas = Canvas(width: width, height: height)
        draw(on: &canvas, x: 0, y: 0, width: width, height: height)
        return canvas.image
    }

    // MARK: Ticks

    /// The axis range and its tick values: `fixed` as given, otherwise `data` widened to ticks.
    static func ticks(data: ClosedRange<Double>, fixed: ClosedRange<Double>?, scale: Scale,
                      integer: Bool) -> (range: ClosedRange<Double>, ticks: [Double]) {
        var lo = fixed?.lowerBound ?? data.lowerBound, hi = fixed?.upperBound ?? data.upperBound
        if scale == .log {
            lo = max(lo, 1e-300); hi = max(hi, lo)
            if hi / lo < 1.0001 { lo /= 2; hi *= 2 }
            let e0 = Int((log10(lo) + 1e-9).rounded(.down)), e1 = Int((log10(hi) - 1e-9).rounded(.up))
            let multiples: [Double] = e1 - e0 < 3 ? [1, 2, 5] : [1]
            var t: [Double] = []
            for e in e0...e1 { for m in multiples { t.append(m * pow(10, Double(e))) } }
            if fixed == nil { lo = t.last { $0 <= lo * (1 + 1e-9) } ?? lo; hi = t.first { $0 >= hi * (1 - 1e-9) } ?? hi }
            return (lo...hi, t.filter { $0 >= lo * (1 - 1e-9) && $0 <= hi * (1 + 1e-9) })
        }
        if hi - lo <= 1e-9 * abs(lo) {
            let pad = integer ? 1 : lo == 0 ? 0.1 : abs(lo) * 0.1
            lo -= pad; hi += pad
        }
        let rough = (hi - lo) / 5, magnitude = pow(10, log10(rough).rounded(.down)), r = rough / magnitude
        var step = (r <= 1.5 ? 1 : r <= 3 ? 2 : r <= 7 ? 5 : 10) * magnitude
        if integer { step = max(step.rounded(), 1) }
        if fixed == nil { lo = (lo / step + 1e-9).rounded(.down) * step; hi = (hi / step - 1e-9).rounded(.up) * step }
        var t: [Double] = []
        var k = (lo / step - 1e-9).rounded(.up)
        while k * step <= hi + step * 1e-9 { t.append(abs(k * step) < step * 1e-9 ? 0 : k * step); k += 1 }
        return (lo...hi, t)
    }

    /// A tick label: enough decimals for the step, or 1e-4 style on a log axis.
    static func label(_ v: Double, ticks: [Double], scale: Scale) -> String {
        if scale == .log {
            let e = Int((log10(v) + 1e-9).rounded(.down)), m = Int((v / pow(10, Double(e))).rounded())
            guard ticks.allSatisfy({ $0 >= 0.01 * (1 - 1e-9) && $0 < 1e4 }) else { return "\(m)e\(e)" }
            return label(v, ticks: [0, pow(10, Double(min(e, 0)))], scale: .linear)
        }
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        let decimals = max(0, -Int((log10(step) + 1e-9).rounded(.down)))
        guard decimals > 4, v != 0 else { return String(format: "%.\(decimals)f", v) }
        // Tiny values (a learning rate): mantissa and exponent of the largest tick, 2.5e-4.
        let e = Int((log10(ticks.map(abs).max()!) + 1e-9).rounded(.down))
        return String(format: "%.\(max(0, decimals + e))fe%d", v / pow(10, Double(e)), e)
    }

    // MARK: Drawing

    /// Draws the chart into the rectangle x ..< x+width, y ..< y+height of `canvas`.
    public func draw(on canvas: inout Canvas, x fx: Int, y fy: Int, width fw: Int, height fh: Int) {
        let s = 2, lineH = BitmapFont.height(scale: s)
        let colors = series.indices.map { series[$0].color ?? Self.palette[$0 % Self.palette.count] }
        func usable(_ v: Double, _ scale: Scale) -> Bool { v.isFinite && (scale == .linear || v > 0) }
        func extent(_ values: [Double], _ scale: Scale) -> ClosedRange<Double> {
            let v = values.filter { usable($0, scale) }
            return (v.min() ?? (scale == .log ? 1 : 0)) ... (v.max() ?? 1)
        }
        let xs = series.flatMap { $0.points.map(\.x) } + markers.map(\.x) + bars.flatMap { [$0.x0, $0.x1] }
        let ys = series.flatMap { $0.points.map(\.y) }
        let (xRange, xTicks) = Self.ticks(data: extent(xs, xAxis.scale), fixed: xAxis.range, scale: xAxis.scale, integer: xAxis.integerTicks)
        let (yRange, yTicks) = Self.ticks(data: extent(ys, yAxis.scale), fixed: yAxis.range, scale: yAxis.scale, integer: yAxis.integerTicks)
        let yLabels = yTicks.map { Self.label($0, ticks: yTicks, scale: yAxis.scale) }
        let xLabels = xTicks.map { Self.label($0, ticks: xTicks, scale: xAxis.scale) }

        // Layout: title, plot, tick labels and axis titles, all inside the frame.
        let titleH = title.isEmpty ? 0 : BitmapFont.height(scale: titleScale) + 12
        let plotX = fx + 12 + lineH + 12 + max(yLabels.map { Canvas.textWidth($0, scale: s) }.max() ?? 0, minimumYLabelWidth) + 12
        let plotW = fx + fw - 28 - plotX
        func t(_ v: Double, _ scale: Scale) -> Double { scale == .log ? (v > 0 ? log10(v) : -.infinity) : v }
        func px(_ v: Double) -> Double {
            Double(plotX) + (t(v, xAxis.scale) - t(xRange.lowerBound, xAxis.scale))
                / (t(xRange.upperBound, xAxis.scale) - t(xRange.lowerBound, xAxis.scale)) * Double(plotW)
        }
        // Marker labels sit in a band above the plot, right of their line (left near the right
        // edge), in as many rows as keep them apart.
        var labels: [(x: Int, row: Int)] = []
        for m in markers {
            let w = Canvas.textWidth(m.label, scale: s), line = Int(px(m.x).rounded())
            let x = line + 5 + w <= plotX + plotW ? line + 5 : line - 5 - w
            var row = 0
            while zip(markers, labels).contains(where: { o, l in
                l.row == row && x < l.x + Canvas.textWidth(o.label, scale: s) + 8 && x + w + 8 > l.x
            }) { row += 1 }
            labels.append((x, row))
        }
        let rowH = lineH + 6, bandH = labels.isEmpty ? 0 : rowH * ((labels.map(\.row).max() ?? 0) + 1) + 2
        let plotY = fy + 14 + titleH + bandH
        let entries = legend == .hidden ? [] : legendEntries(colors: colors)
        let belowRows = legend == .below ? Self.rows(of: entries.map { Self.entryWidth($0.0) }, width: plotW) : []
        let belowH = belowRows.isEmpty ? 0 : rowH * belowRows.count + 8
        let plotH = fy + fh - (12 + lineH + 10 + lineH + 14) - belowH - plotY
        guard plotW > 20, plotH > 20 else { return }
        func py(_ v: Double) -> Double {
            Double(plotY + plotH) - (t(v, yAxis.scale) - t(yRange.lowerBound, yAxis.scale))
                / (t(yRange.upperBound, yAxis.scale) - t(yRange.lowerBound, yAxis.scale)) * Double(plotH)
        }

        // Grid, bars, diagonal, markers, series: clipped to the plot area.
        canvas.fillRect(x: plotX, y: plotY, width: plotW, height: plotH, .white)
        for v in xTicks { canvas.fillRect(x: Int(px(v).rounded()), y: plotY, width: 1, height: plotH, .gridGray) }
        for v in yTicks { canvas.fillRect(x: plotX, y: Int(py(v).rounded()), width: plotW, height: 1, .gridGray) }
        canvas.clip = (plotX, plotY, plotW, plotH)
        for b in bars {
            let x0 = Int(px(b.x0).rounded()), x1 = Int(px(b.x1).rounded()), h = Int((b.fraction * Double(plotH)).rounded())
            canvas.fillRect(x: x0, y: plotY + plotH - h, width: max(x1 - x0, 1), height: h, b.color)
        }
        if diagonal != nil {
            let lo = max(xRange.lowerBound, yRange.lowerBound), hi = min(xRange.upperBound, yRange.upperBound)
            canvas.line(from: (px(lo), py(lo)), to: (px(hi), py(hi)), .gray, lineWidth: 1.5, dash: (8, 6))
        }
        for m in markers { canvas.line(from: (px(m.x), Double(plotY)), to: (px(m.x), Double(plotY + plotH)), .darkGray, lineWidth: 1.5, dash: (6, 5)) }
        for (i, sr) in series.enumerated() {
            let pts = sr.points.map { (x: usable($0.x, xAxis.scale) ? px($0.x) : .nan, y: usable($0.y, yAxis.scale) ? py($0.y) : .nan) }
            let finite = pts.filter { $0.x.isFinite && $0.y.isFinite }
            if sr.style != .markers { canvas.polyline(pts, colors[i], lineWidth: 2.5, dash: sr.dashed ? (10, 6) : nil) }
            if sr.style != .line || finite.count == 1 { for p in finite { canvas.fillCircle(center: p, radius: 4.5, colors[i]) } }
        }
        canvas.clip = nil
        for (m, l) in zip(markers, labels) {
            let y = plotY - bandH + rowH * l.row
            canvas.line(from: (px(m.x), Double(y)), to: (px(m.x), Double(plotY)), .darkGray, lineWidth: 1.5, dash: (6, 5))
            canvas.text(m.label, x: l.x, y: y + 1, .darkGray, scale: s)
        }

        // Frame, ticks, labels, titles.
        canvas.strokeRect(x: plotX - 1, y: plotY - 1, width: plotW + 2, height: plotH + 2, .black)
        var lastRight = Int.min
        for (v, text) in zip(xTicks, xLabels) {
            let x = Int(px(v).rounded()), w = Canvas.textWidth(text, scale: s)
            canvas.fillRect(x: x, y: plotY + plotH + 1, width: 1, height: 6, .black)
            guard x - w / 2 > lastRight + 8 else { continue }   // skip labels that would touch
            canvas.text(text, x: x, y: plotY + plotH + 10, .black, scale: s, alignment: .center)
            lastRight = x - w / 2 + w
        }
        for (v, text) in zip(yTicks, yLabels) {
            let y = Int(py(v).rounded())
            canvas.fillRect(x: plotX - 7, y: y, width: 6, height: 1, .black)
            canvas.text(text, x: plotX - 12, y: y - 7, .black, scale: s, alignment: .right)
        }
        canvas.text(xAxis.title, x: plotX + plotW / 2, y: plotY + plotH + 10 + lineH + 10, .black, scale: s, alignment: .center)
        canvas.verticalText(yAxis.title, x: fx + 12, centerY: plotY + plotH / 2, .black, scale: s)
        if !title.isEmpty {
            let (text, scale) = Canvas.fitting(title, width: fw - 24, preferred: titleScale)
            let half = Canvas.textWidth(text, scale: scale, bold: true) / 2
            let x = min(max(plotX + plotW / 2, fx + 12 + half), fx + fw - 12 - half)
            canvas.text(text, x: x, y: fy + 14 + (titleScale - scale) * 4, .black, scale: scale, alignment: .center, bold: true)
        }
        for (k, row) in belowRows.enumerated() {
            var x = plotX + (plotW - row.map { Self.entryWidth(entries[$0].0) }.reduce(0, +) + 24) / 2
            for i in row {
                drawEntry(entries[i], on: &canvas, x: x, centerY: plotY + plotH + 10 + lineH + 10 + lineH + 12 + rowH * k + rowH / 2)
                x += Self.entryWidth(entries[i].0)
            }
        }
        guard legend != .below else { return }
        drawLegendBox(entries, on: &canvas, plot: (plotX, plotY, plotW, plotH), avoid: { x0, y0, x1, y1 in
            var hits = 0
            for b in bars where px(b.x1) >= Double(x0) && px(b.x0) <= Double(x1) && Double(plotY + plotH) - b.fraction * Double(plotH) <= Double(y1) {
                hits += 10
            }
            let lo = max(xRange.lowerBound, yRange.lowerBound), hi = min(xRange.upperBound, yRange.upperBound)
            for sr in series + (diagonal == nil ? [] : [Series(name: "", points: [(lo, lo), (hi, hi)])]) {
                let p = sr.points.map { (px($0.x), py($0.y)) }
                for (a, b) in zip(p, p.dropFirst()) where a.0.isFinite && a.1.isFinite && b.0.isFinite && b.1.isFinite {
                    let n = max(1, Int(max(abs(b.0 - a.0), abs(b.1 - a.1)) / 4))
                    for k in 0...n {
                        let u = a.0 + (b.0 - a.0) * Double(k) / Double(n), v = a.1 + (b.1 - a.1) * Double(k) / Double(n)
                        if u >= Double(x0) && u <= Double(x1) && v >= Double(y0) && v <= Double(y1) { hits += 1 }
                    }
                }
                if p.count == 1, p[0].0 >= Double(x0), p[0].0 <= Double(x1), p[0].1 >= Double(y0), p[0].1 <= Double(y1) { hits += 1 }
            }
            return hits
        })
    }

    /// The legend lines: each series (with its style), the diagonal, then `legendExtras`.
    private func legendEntries(colors: [Canvas.Color]) -> [(LegendEntry, Style)] {
        var entries = zip(series, colors).map { (LegendEntry(name: $0.name, color: $1, dashed: $0.dashed), $0.style) }
        if let diagonal { entries.append((LegendEntry(name: diagonal, color: .gray, dashed: true), .line)) }
        return entries + legendExtras.map { ($0, .line) }
    }

    private static let swatch = 32

    /// Width of an entry laid out in a row: swatch, gap, name, gap to the next entry.
    private static func entryWidth(_ e: LegendEntry) -> Int { swatch + 10 + Canvas.textWidth(e.name, scale: 2) + 24 }

    /// Entry indices split greedily into rows no wider than `width`.
    private static func rows(of widths: [Int], width: Int) -> [[Int]] {
        var rows: [[Int]] = [], used = 0
        for (i, w) in widths.enumerated() {
            if rows.isEmpty || used + w - 24 > width { rows.append([]); used = 0 }
            rows[rows.count - 1].append(i); used += w
        }
        return rows
    }

    /// One legend line starting at `x`: the swatch (line, marker or box) and the name.
    private func drawEntry(_ entry: (LegendEntry, Style), on canvas: inout Canvas, x: Int, centerY cy: Int) {
        let (e, style) = entry, sw = Self.swatch
        if e.isBox {
            canvas.fillRect(x: x + 4, y: cy - 7, width: sw - 8, height: 14, e.color)
        } else {
            if style != .markers {
                canvas.line(from: (Double(x), Double(cy) + 0.5), to: (Double(x + sw), Double(cy) + 0.5), e.color,
                            lineWidth: 2.5, dash: e.dashed ? (8, 5) : nil)
            }
            if style != .line { canvas.fillCircle(center: (Double(x + sw / 2), Double(cy) + 0.5), radius: 4.5, e.color) }
        }
        canvas.text(e.name, x: x + sw + 10, y: cy - BitmapFont.height(scale: 2) / 2 + 1, .black, scale: 2)
    }

    /// The legend box in the requested corner, or the corner where `avoid` counts the fewest
    /// covered data points (ties: upper right, lower right, upper left, lower left).
    private func drawLegendBox(_ entries: [(LegendEntry, Style)], on canvas: inout Canvas, plot: (x: Int, y: Int, w: Int, h: Int),
                               avoid: (Int, Int, Int, Int) -> Int) {
        guard !entries.isEmpty else { return }
        let rowH = BitmapFont.height(scale: 2) + 6
        let boxW = 10 + Self.swatch + 10 + (entries.map { Canvas.textWidth($0.0.name, scale: 2) }.max() ?? 0) + 10
        let boxH = 8 + rowH * entries.count
        let left = plot.x + 10, right = plot.x + plot.w - 10 - boxW
        let top = plot.y + 10, bottom = plot.y + plot.h - 10 - boxH
        let corners: [(LegendPlacement, Int, Int)] = [(.upperRight, right, top), (.lowerRight, right, bottom),
                                                      (.upperLeft, left, top), (.lowerLeft, left, bottom)]
        let (bx, by): (Int, Int)
        if let c = corners.first(where: { $0.0 == legend }) {
            (bx, by) = (c.1, c.2)
        } else {
            let best = corners.min { avoid($0.1, $0.2, $0.1 + boxW, $0.2 + boxH) < avoid($1.1, $1.2, $1.1 + boxW, $1.2 + boxH) }!
            (bx, by) = (best.1, best.2)
        }
        canvas.fillRect(x: bx, y: by, width: boxW, height: boxH, .white)
        canvas.strokeRect(x: bx, y: by, width: boxW, height: boxH, .lightGray.mixed(with: .black, 0.2))
        for (i, e) in entries.enumerated() { drawEntry(e, on: &canvas, x: bx + 10, centerY: by + 4 + rowH * i + rowH / 2) }
    }
}
