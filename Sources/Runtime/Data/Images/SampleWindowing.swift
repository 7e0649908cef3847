import Foundation

/// Integer samples of up to 16 bits (16-bit PNG/TIFF samples, DICOM stored values) and their
/// mapping to 8 bits through a lookup table over the stored range.
///
/// Source values are `stored * slope + intercept` (DICOM's Rescale Slope/Intercept; 1 and 0
/// otherwise), or a DICOM Modality LUT's entry, in Double as pydicom's `apply_modality_lut`. Every
/// statistic comes from one histogram of the stored values, so percentiles cost one pass over the
/// samples and a sort of the distinct levels only, and the 8-bit result is one table look-up a sample.
struct SampleWindowing {
    let count: Int
    let minStored: Int
    let slope: Double
    let intercept: Double
    /// A Modality LUT (replaces slope and intercept): inputs below `first` take `data[0]`, above the
    /// last entry `data.last`.
    let modalityLUT: (first: Int, data: [UInt16])?
    /// `histogram[i]` = how many samples store `minStored + i`.
    let histogram: [Int]

    init(values: [Int32], slope: Double = 1, intercept: Double = 0, modalityLUT: (first: Int, data: [UInt16])? = nil) {
        precondition(!values.isEmpty, "no samples to window")
        var low = Int32.max, high = Int32.min
        values.withUnsafeBufferPointer { p in
            for v in p {
                low = min(low, v)
                high = max(high, v)
            }
        }
        precondition(Int(high) - Int(low) < 1 << 20, "samples span more than 20 bits")
        var histogram = [Int](repeating: 0, count: Int(high) - Int(low) + 1)
        let base = Int(low)
        histogram.withUnsafeMutableBufferPointer { h in
            values.withUnsafeBufferPointer { p in
                for v in p { h[Int(v) - base] += 1 }
            }
        }
        count = values.count
        minStored = Int(low)
        self.slope = slope
        self.intercept = intercept
        self.modalityLUT = modalityLUT.flatMap { $0.data.isEmpty ? nil : $0 }
        self.histogram = histogram
    }

    func modality(stored: Int) -> Double {
        if let lut = modalityLUT { return Double(lut.data[max(0, min(lut.data.count - 1, stored - lut.first))]) }
        return Double(stored) * slope + intercept
    }

    /// The source values that occur, ascending, with how many samples have each (equal source
    /// values of different stored values are separate entries; order statistics do not care).
    func levels() -> [(value: Double, count: Int)] {
        var levels: [(value: Double, count: Int)] = []
        for (i, n) in histogram.enumerated() where n > 0 { levels.append((modality(stored: minStored + i), n)) }
        if modalityLUT == nil && slope >= 0 { return levels }  // already ascending
        return levels.sorted { $0.value < $1.value }
    }

    var sourceMin: Double { levels().first!.value }
    var sourceMax: Double { levels().last!.value }

    /// The `k`th smallest source value (0-based) given `levels()`.
    func orderStatistic(_ k: Int, in levels: [(value: Double, count: Int)]) -> Double {
        var seen = 0
        for level in levels {
            seen += level.count
            if seen > k { return level.value }
        }
        return levels.last!.value
    }

    /// numpy's `percentile(values, p)` (method "linear"), in the same floating-point steps.
    func percentile(_ p: Double, in levels: [(value: Double, count: Int)]? = nil) -> Double {
        let levels = levels ?? self.levels()
        let q = p / 100
        let virtual = Double(count) * q + (1 + q * (1 - 1 - 1)) - 1
        let previous = max(0, min(count - 1, Int(virtual.rounded(.down))))
        let next = min(count - 1, previous + 1)
        let gamma = virtual - virtual.rounded(.down)
        let a = orderStatistic(previous, in: levels), b = orderStatistic(next, in: levels)
        let diff = b - a
        return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma
    }

    /// `low` and `high` of a rule for these samples.
    func bounds(_ rule: IntensityWindow) -> (low: Double, high: Double) {
        switch rule {
        case .minmax: return (sourceMin, sourceMax)
        case .percentile(let low, let high):
            let levels = levels()
            return (percentile(low, in: levels), percentile(high, in: levels))
        case .fixed(let low, let high): return (low, high)
        }
    }

    /// The 8-bit value of every stored value in range, `transfer` giving 0...255 before rounding
    /// (rounded half up, clamped), inverted when `invert`; and how many distinct values occur.
    func table(invert: Bool, _ transfer: (Double) -> Double) -> (table: [UInt8], distinct: Int) {
        var table = [UInt8](repeating: 0, count: histogram.count)
        var used = [Bool](repeating: false, count: 256)
        for i in 0 ..< histogram.count {
            let y = Self.round8(transfer(modality(stored: minStored + i)))
            table[i] = invert ? 255 - y : y
            if histogram[i] > 0 { used[Int(table[i])] = true }
        }
        return (table, used.lazy.filter { $0 }.count)
    }

    /// `values` through `table` (the table of these samples).
    func apply(_ table: [UInt8], to values: [Int32]) -> [UInt8] {
        let offset = minStored
        return table.withUnsafeBufferPointer { t in values.map { t[Int($0) - offset] } }
    }

    /// Gray `values` through `table`, each result replicated to R, G and B.
    func applyGrayToRGB(_ table: [UInt8], to values: [Int32]) -> [UInt8] {
        let offset = minStored
        var out = [UInt8](repeating: 0, count: values.count * 3)
        table.withUnsafeBufferPointer { t in
            values.withUnsafeBufferPointer { v in
                out.withUnsafeMutableBufferPointer { o in
                    for i in 0 ..< v.count {
                        let y = t[Int(v[i]) - offset]
                        o[3 * i] = y
                        o[3 * i + 1] = y
                        o[3 * i + 2] = y
                    }
                }
            }
        }
        return out
    }

    /// floor(y + 0.5) clamped to 0...255 (as the fixtures' Python reference rounds).
    static func round8(_ y: Double) -> UInt8 {
        guard y.isFinite else { return y > 0 ? 255 : 0 }
        return UInt8(max(0, min(255, (y + 0.5).rounded(.down))))
    }

    /// The windowing rule's table (apply it with `apply` or `applyGrayToRGB`): `v' = round((v - low) /
    /// (high - low) * 255)`, or all 0 with a warning when `high == low`.
    func windowed(rule: IntensityWindow, invert: Bool = false)
        -> (table: [UInt8], low: Double, high: Double, distinct: Int, warnings: [String]) {
        let (low, high) = bounds(rule)
        var warnings: [String] = []
        let result: (table: [UInt8], distinct: Int)
        if high == low {
            warnings.append("empty intensity window (\(rule.name): low = high = \(IntensityWindow.number(low))); the image is all black")
            result = table(invert: invert) { _ in 0 }
        } else {
            result = table(invert: invert) { v in (v - low) / (high - low) * 255.0 }
        }
        return (result.table, low, high, result.distinct, warnings)
    }

    /// The warning for fewer than `ImageFacts.minimumLevels` distinct levels, or nil.
    static func levelsWarning(_ distinct: Int, source: String, low: Double, high: Double) -> String? {
        guard distinct < ImageFacts.minimumLevels else { return nil }
        return "only \(distinct) distinct gray levels after windowing (\(source), window "
            + "\(IntensityWindow.number(low)) to \(IntensityWindow.number(high))); the image may be nearly empty "
            + "or the window too narrow (data.intensity_window)"
    }
}
