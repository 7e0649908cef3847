import Data
/// A raster RGB canvas for charts: pixels, rectangles, anti-aliased thick and dashed lines,
/// discs and bitmap-font text, turned into an `RGBImage` at the end.
///
/// Coordinates are pixels from the top-left; a pixel (x, y) covers [x, x+1) × [y, y+1), so its
/// centre is (x + 0.5, y + 0.5). Integer-rectangle drawing and text are crisp; lines and discs
/// are anti-aliased by coverage: a pixel whose centre is at distance d from the stroke's
/// centre line is covered clamp(w/2 + ½ − d, 0, 1) and blended with that alpha. Everything
/// outside the canvas is clipped. Drawing is deterministic (no threads, no randomness).
public struct Canvas: Sendable {
    /// An 8-bit RGB colour.
    public struct Color: Sendable, Equatable, Hashable {
        public var red: UInt8, green: UInt8, blue: UInt8

        public init(red: UInt8, green: UInt8, blue: UInt8) { self.red = red; self.green = green; self.blue = blue }

        /// A colour from 0xRRGGBB.
        public init(hex: UInt32) {
            self.init(red: UInt8(hex >> 16 & 0xFF), green: UInt8(hex >> 8 & 0xFF), blue: UInt8(hex & 0xFF))
        }

        /// (1 − t)·self + t·other per channel, rounded; t in [0, 1].
        public func mixed(with other: Color, _ t: Double) -> Color {
            let t = min(max(t, 0), 1)
            func m(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Double(a) * (1 - t) + Double(b) * t).rounded()) }
            return Color(red: m(red, other.red), green: m(green, other.green), blue: m(blue, other.blue))
        }

        /// Relative luminance in [0, 1] (BT.601 weights), to pick dark or light text on a fill.
        public var luminance: Double { (0.299 * Double(red) + 0.587 * Double(green) + 0.114 * Double(blue)) / 255 }

        public static let black = Color(hex: 0x000000)
        public static let white = Color(hex: 0xFFFFFF)
        public static let darkGray = Color(hex: 0x404040)
        public static let gray = Color(hex: 0x808080)
        public static let lightGray = Color(hex: 0xD9D9D9)
        public static let gridGray = Color(hex: 0xEBEBEB)
    }

    /// Horizontal placement of text relative to the x given.
    public enum Alignment: Sendable { case left, center, right }

    public let width: Int
    public let height: Int
    /// RGB interleaved, row-major, `width * height * 3` bytes.
    public private(set) var pixels: [UInt8]
    /// When set, lines and discs only touch pixels inside this rectangle (a chart's plot area).
    public var clip: (x: Int, y: Int, width: Int, height: Int)?
    /// Coverage of the stroke being drawn (one value a pixel), composited once per stroke so the
    /// joints of a polyline are not blended twice.
    private var coverage: [Float]

    /// A canvas filled with `background` (white by default).
    public init(width: Int, height: Int, background: Color = .white) {
        precondition(width > 0 && height > 0, "canvas size \(width)x\(height) must be positive")
        self.width = width
        self.height = height
        pixels = [UInt8](repeating: 0, count: width * height * 3)
        coverage = []
        for i in 0..<(width * height) {
            pixels[3 * i] = background.red; pixels[3 * i + 1] = background.green; pixels[3 * i + 2] = background.blue
        }
    }

    /// The drawing as an image.
    public var image: RGBImage { RGBImage(width: width, height: height, pixels: pixels) }

    // MARK: Pixels and rectangles

    /// The colour at (x, y), which must be on the canvas.
    public func pixel(x: Int, y: Int) -> Color {
        precondition(x >= 0 && x < width && y >= 0 && y < height, "pixel (\(x), \(y)) is outside the \(width)x\(height) canvas")
        let i = 3 * (y * width + x)
        return Color(red: pixels[i], green: pixels[i + 1], blue: pixels[i + 2])
    }

    /// Blends `color` over (x, y) with `alpha` in [0, 1] (1 replaces); off-canvas is ignored.
    public mutating func setPixel(x: Int, y: Int, _ color: Color, alpha: Double = 1) {
        guard x >= 0, x < width, y >= 0, y < height, alpha > 0 else { return }
        let i = 3 * (y * width + x)
        if alpha >= 1 {
            pixels[i] = color.red; pixels[i + 1] = color.green; pixels[i + 2] = color.blue
            return
        }
        func b(_ old: UInt8, _ new: UInt8) -> UInt8 { UInt8((Double(old) * (1 - alpha) + Double(new) * alpha).rounded()) }
        pixels[i] = b(pixels[i], color.red); pixels[i + 1] = b(pixels[i + 1], color.green); pixels[i + 2] = b(pixels[i + 2], color.blue)
    }

    /// Fills the pixels x ..< x+w, y ..< y+h (clipped).
    public mutating func fillRect(x: Int, y: Int, width w: Int, height h: Int, _ color: Color) {
        for yy in max(y, 0) ..< max(min(y + h, height), max(y, 0)) {
            for xx in max(x, 0) ..< max(min(x + w, width), max(x, 0)) { setPixel(x: xx, y: yy, color) }
        }
    }

    /// The outline of the rectangle x ..< x+w, y ..< y+h, `thickness` pixels inwards.
    public mutating func strokeRect(x: Int, y: Int, width w: Int, height h: Int, _ color: Color, thickness: Int = 1) {
        let t = min(thickness, w, h)
        fillRect(x: x, y: y, width: w, height: t, color)
        fillRect(x: x, y: y + h - t, width: w, height: t, color)
        fillRect(x: x, y: y, width: t, height: h, color)
        fillRect(x: x + w - t, y: y, width: t, height: h, color)
    }

    // MARK: Strokes

    /// A straight line between two points (pixel coordinates, centres at +0.5) of `lineWidth`
    /// pixels with round caps; `dash` (on, off) lengths in pixels make it dashed.
    public mutating func line(from a: (x: Double, y: Double), to b: (x: Double, y: Double), _ color: Color,
                              lineWidth: Double = 1, dash: (on: Double, off: Double)? = nil) {
        polyline([a, b], color, lineWidth: lineWidth, dash: dash)
    }

    /// Joined straight segments through `points`, anti-aliased, round joins and caps; a point
    /// with a non-finite coordinate breaks the line. The dash pattern runs on along the whole line.
    public mutating func polyline(_ points: [(x: Double, y: Double)], _ color: Color, lineWidth: Double = 1,
                                  dash: (on: Double, off: Double)? = nil) {
        guard points.count >= 1 else { return }
        if coverage.isEmpty { coverage = [Float](repeating: 0, count: width * height) }
        var box = (x0: width, y0: height, x1: -1, y1: -1)
        let half = max(lineWidth, 0.5) / 2
        var travelled = 0.0                                  // arc length, for the dash phase
        for (p, q) in zip(points, points.dropFirst()) {
            guard p.x.isFinite, p.y.isFinite, q.x.isFinite, q.y.isFinite else { continue }
            let length = ((q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y)).squareRoot()
            defer { travelled += length }
            // Only the part near the visible area is drawn (Liang-Barsky on the clip box + reach).
            guard let (ta, tb) = visibleInterval(p, q, margin: half + 2) else { continue }
            let lo = ta * length, hi = tb * length
            var pieces: [(Double, Double)] = [(lo, hi)]      // [start, end] along the segment
            if let dash, dash.on > 0, dash.off > 0 {
                pieces = []
                let period = dash.on + dash.off
                var s = ((travelled + lo) / period).rounded(.down) * period - travelled
                while s < hi {
                    let a = max(s, lo), b = min(s + dash.on, hi)
                    if b > a { pieces.append((a, b)) }
                    s += period
                }
            }
            for (s0, s1) in pieces {
                // Split long pieces so each covers a small bounding box.
                var t0 = s0
                repeat {
                    let t1 = min(t0 + 24, s1)
                    let f0 = length > 0 ? t0 / length : 0, f1 = length > 0 ? t1 / length : 0
                    stamp(from: (p.x + (q.x - p.x) * f0, p.y + (q.y - p.y) * f0),
                          to: (p.x + (q.x - p.x) * f1, p.y + (q.y - p.y) * f1), half: half, box: &box)
                    t0 = t1
                } while t0 < s1
            }
        }
        if points.count == 1, points[0].x.isFinite, points[0].y.isFinite, dash == nil {
            stamp(from: points[0], to: points[0], half: half, box: &box)
        }
        composite(color, box: box)
    }

    /// The parameter interval [t0, t1] ⊂ [0, 1] of the segment p–q inside the clip box (or the
    /// canvas) grown by `margin` pixels; nil when the segment misses it.
    private func visibleInterval(_ p: (x: Double, y: Double), _ q: (x: Double, y: Double), margin: Double) -> (Double, Double)? {
        let c = clip ?? (0, 0, width, height)
        let x0 = Double(c.x) - margin, x1 = Double(c.x + c.width) + margin
        let y0 = Double(c.y) - margin, y1 = Double(c.y + c.height) + margin
        var t0 = 0.0, t1 = 1.0
        let dx = q.x - p.x, dy = q.y - p.y
        for (d, e) in [(-dx, p.x - x0), (dx, x1 - p.x), (-dy, p.y - y0), (dy, y1 - p.y)] {
            if d == 0 {
                if e < 0 { return nil }
            } else {
                let t = e / d
                if d < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
            }
        }
        return t0 <= t1 ? (t0, t1) : nil
    }

    /// A filled anti-aliased disc (a marker) centred at `center` with `radius` pixels.
    public mutating func fillCircle(center: (x: Double, y: Double), radius: Double, _ color: Color) {
        if coverage.isEmpty { coverage = [Float](repeating: 0, count: width * height) }
        var box = (x0: width, y0: height, x1: -1, y1: -1)
        stamp(from: center, to: center, half: radius, box: &box)
        composite(color, box: box)
    }

    /// Adds the coverage of a capsule (segment a–b of half-width `half`) to the stroke buffer (max).
    private mutating func stamp(from a: (x: Double, y: Double), to b: (x: Double, y: Double), half: Double,
                                box: inout (x0: Int, y0: Int, x1: Int, y1: Int)) {
        let reach = half + 1
        let c = clip ?? (0, 0, width, height)
        let left = max(c.x, 0), top = max(c.y, 0), right = min(c.x + c.width, width) - 1, bottom = min(c.y + c.height, height) - 1
        func pixel(_ v: Double, _ rule: FloatingPointRoundingRule) -> Int { Int(min(max(v, -1e9), 1e9).rounded(rule)) }
        let x0 = max(pixel(min(a.x, b.x) - reach, .down), left), x1 = min(pixel(max(a.x, b.x) + reach, .up), right)
        let y0 = max(pixel(min(a.y, b.y) - reach, .down), top), y1 = min(pixel(max(a.y, b.y) + reach, .up), bottom)
        guard x0 <= x1, y0 <= y1 else { return }
        box = (min(box.x0, x0), min(box.y0, y0), max(box.x1, x1), max(box.y1, y1))
        let dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy
        for y in y0...y1 {
            for x in x0...x1 {
                let px = Double(x) + 0.5 - a.x, py = Double(y) + 0.5 - a.y
                let t = len2 > 0 ? min(max((px * dx + py * dy) / len2, 0), 1) : 0
                let ex = px - t * dx, ey = py - t * dy
                let c = Float(min(max(half + 0.5 - (ex * ex + ey * ey).squareRoot(), 0), 1))
                let i = y * width + x
                if c > coverage[i] { coverage[i] = c }
            }
        }
    }

    /// Blends `color` with the stroke buffer's coverage inside `box`, then clears the buffer.
    private mutating func composite(_ color: Color, box: (x0: Int, y0: Int, x1: Int, y1: Int)) {
        guard box.x0 <= box.x1, box.y0 <= box.y1 else { return }
        for y in box.y0...box.y1 {
            for x in box.x0...box.x1 {
                let i = y * width + x
                if coverage[i] > 0 { setPixel(x: x, y: y, color, alpha: Double(coverage[i])); coverage[i] = 0 }
            }
        }
    }

    // MARK: Text

    /// Draws `text` with the bitmap font at integer `scale`; `y` is the top of the line and `x`
    /// its left end, centre or right end by `alignment`. `bold` doubles each stroke sideways.
    /// Returns the drawn width in pixels.
    @discardableResult
    public mutating func text(_ text: String, x: Int, y: Int, _ color: Color = .black, scale: Int = 2,
                              alignment: Alignment = .left, bold: Bool = false) -> Int {
        let w = Self.textWidth(text, scale: scale, bold: bold)
        let left = alignment == .left ? x : alignment == .center ? x - w / 2 : x - w
        BitmapFont.forEachInkPixel(of: text, scale: scale) { u, v in
            setPixel(x: left + u, y: y + v, color)
            if bold { setPixel(x: left + u + 1, y: y + v, color) }
        }
        return w
    }

    /// Draws `text` rotated 90° counter-clockwise (reading upwards), e.g. a y-axis title;
    /// `x` is the left edge of the rotated line and `y` its vertical centre.
    public mutating func verticalText(_ text: String, x: Int, centerY y: Int, _ color: Color = .black, scale: Int = 2) {
        let top = y - BitmapFont.width(of: text, scale: scale) / 2
        BitmapFont.forEachInkPixel(of: text, scale: scale, rotated: true) { u, v in setPixel(x: x + u, y: top + v, color) }
    }

    /// A bold title fitted to `width` pixels: the largest scale from `preferred` down to 2 at
    /// which it fits, shortened with ".." when it does not fit even at 2.
    public static func fitting(_ text: String, width: Int, preferred: Int) -> (text: String, scale: Int) {
        var scale = preferred
        while scale > 2 && textWidth(text, scale: scale, bold: true) > width { scale -= 1 }
        guard textWidth(text, scale: scale, bold: true) > width else { return (text, scale) }
        var t = text
        while !t.isEmpty && textWidth(t + "..", scale: scale, bold: true) > width { t.removeLast() }
        return (t + "..", scale)
    }

    /// Width in pixels `text(_:)` draws `text` with.
    public static func textWidth(_ text: String, scale: Int = 2, bold: Bool = false) -> Int {
        let w = BitmapFont.width(of: text, scale: scale)
        return bold && w > 0 ? w + 1 : w
    }
}
