import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress display for long work (an epoch, an evaluation pass).
///
/// ```
/// epoch 3 [########............] 42/100  42% · 12.3 img/s · loss 0.512 · ETA 1:23 · run ETA 12:05
/// ```
/// `done` counts units (e.g. optimizer steps) out of `total`; each unit is `itemsPerUnit` items
/// (e.g. images), so the rate is `done · itemsPerUnit / elapsed` items per second and the ETA is
/// `elapsed / done · (total − done)` (see `eta`). The caller's `fields` follow, `name value` each
/// (a run-wide ETA is just another field).
///
/// On a terminal the line is redrawn in place (`\r`, clear line) at most `ttyInterval` seconds
/// apart. Otherwise (a log file, CI) a plain line is printed when `done` crosses a 10% step or
/// `plainInterval` seconds after the last one, before the end. `finish` always prints the final line.
public final class ProgressBar {
    public let total: Int
    public let label: String
    public let itemsPerUnit: Int
    public let unit: String
    public let isTTY: Bool
    /// Minimum seconds between redraws on a terminal, and between time-triggered plain lines.
    public var ttyInterval = 0.1, plainInterval = 30.0

    private let output: FileHandle
    private let now: () -> Double
    private let start: Double
    private var lastDraw: Double
    private var lastDecile = 0
    private var lastDone = 0
    private var lastFields: [(String, String)] = []

    /// A bar over `total` units of `itemsPerUnit` `unit`s each, written to `output` (a terminal
    /// unless `isTTY` says otherwise); `now` returns seconds on a monotonic clock.
    public init(total: Int, label: String, itemsPerUnit: Int = 1, unit: String = "img",
                output: FileHandle = .standardError, isTTY: Bool? = nil,
                now: @escaping () -> Double = ProgressBar.monotonicSeconds) {
        self.total = max(0, total)
        self.label = label
        self.itemsPerUnit = itemsPerUnit
        self.unit = unit
        self.output = output
        self.isTTY = isTTY ?? (isatty(output.fileDescriptor) == 1)
        self.now = now
        start = now()
        lastDraw = self.isTTY ? -.infinity : start  // a terminal shows the bar at once; a log waits for 10% or the interval
    }

    /// Records progress and redraws if the throttle allows (always when `done` reaches `total`).
    public func update(done: Int, fields: [(String, String)] = []) {
        lastDone = done
        lastFields = fields
        let t = now()
        let decile = total > 0 ? min(10, done * 10 / total) : 10
        let due: Bool
        if isTTY {
            due = t - lastDraw >= ttyInterval || done >= total
        } else {
            due = done < total && (decile > lastDecile || t - lastDraw >= plainInterval)  // finish prints the end
        }
        guard due else { return }
        lastDraw = t
        lastDecile = max(lastDecile, decile)
        emit(render(done: done, elapsed: t - start, fields: fields))
    }

    /// Prints the final state followed by `summary` (if any) and ends the line.
    public func finish(summary: String? = nil) {
        var line = render(done: lastDone, elapsed: now() - start, fields: lastFields)
        if let summary, !summary.isEmpty { line += " · " + summary }
        emit(line)
        if isTTY { write("\n") }
    }

    /// The line for `done` units after `elapsed` seconds (pure, apart from the bar's settings).
    public func render(done: Int, elapsed: Double, fields: [(String, String)]) -> String {
        Self.render(label: label, done: done, total: total, elapsed: elapsed, itemsPerUnit: itemsPerUnit,
                    unit: unit, fields: fields)
    }

    /// `label [####......] done/total  42% · 12.3 img/s · field value · ETA 1:23`.
    public static func render(label: String, done: Int, total: Int, elapsed: Double, itemsPerUnit: Int,
                              unit: String, fields: [(String, String)], width: Int = 20) -> String {
        let fraction = total > 0 ? min(1, max(0, Double(done) / Double(total))) : 1
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        var parts = ["\(label) [\(bar)] \(done)/\(total)  \(Int((fraction * 100).rounded(.down)))%"]
        if let rate = rate(done: done, elapsed: elapsed, itemsPerUnit: itemsPerUnit) {
            parts.append(String(format: rate < 10 ? "%.2f" : "%.1f", rate) + " \(unit)/s")
        }
        parts += fields.map { "\($0.0) \($0.1)" }
        if done < total, let eta = eta(done: done, total: total, elapsed: elapsed) {
            parts.append("ETA " + formatDuration(eta))
        }
        return parts.joined(separator: " · ")
    }

    /// Items per second so far, or nil before any unit is done or any time has passed.
    public static func rate(done: Int, elapsed: Double, itemsPerUnit: Int) -> Double? {
        guard done > 0, elapsed > 0, elapsed.isFinite else { return nil }
        return Double(done * itemsPerUnit) / elapsed
    }

    /// Seconds left at the average pace so far: `elapsed / done · (total − done)`; nil before the first unit.
    public static func eta(done: Int, total: Int, elapsed: Double) -> Double? {
        guard done > 0, elapsed >= 0, elapsed.isFinite else { return nil }
        return elapsed / Double(done) * Double(max(0, total - done))
    }

    /// `m:ss` under an hour, `h:mm:ss` above (`1:23`, `1:02:03`); `--:--` for a negative or non-finite value.
    public static func formatDuration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0, seconds < Double(Int.max / 2) else { return "--:--" }
        let s = Int(seconds.rounded())
        let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return h > 0 ? "\(h):\(two(m)):\(two(sec))" : "\(m):\(two(sec))"
    }

    /// Seconds since an arbitrary origin, from a monotonic clock.
    public static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    /// Writes `line`: in place on a terminal, as its own line otherwise.
    private func emit(_ line: String) {
        write(isTTY ? "\r\u{1B}[K" + line : line + "\n")
    }

    private func write(_ text: String) {
        try? output.write(contentsOf: Data(text.utf8))
    }
}
