import Foundation

/// Resident memory and CPU use of a process, read from `/proc/<pid>/status` and `/proc/<pid>/stat`.
///
/// CPU% is the process's user + system time gained between two samples over the wall time between
/// them (100% = one core busy), so the first sample of a PID has none.
final class ProcessStats: @unchecked Sendable {
    struct Sample: Sendable { var rssBytes: Int?; var cpuPercent: Double? }

    private let lock = NSLock()
    private var last: [Int32: (ticks: Int, time: Double)] = [:]
    private let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))

    /// The current figures of `pid`, or nil when it does not exist.
    func sample(_ pid: Int32) -> Sample? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return nil }
        let rss = Self.statusField("/proc/\(pid)/status", "VmRSS").map { $0 * 1024 }
        guard let ticks = Self.cpuTicks(stat) else { return Sample(rssBytes: rss, cpuPercent: nil) }
        let now = ProcessInfo.processInfo.systemUptime
        lock.lock(); defer { lock.unlock() }
        var cpu: Double?
        if let previous = last[pid], now - previous.time > 0.05 {
            cpu = Double(ticks - previous.ticks) / ticksPerSecond / (now - previous.time) * 100
        }
        last[pid] = (ticks, now)
        return Sample(rssBytes: rss, cpuPercent: cpu)
    }

    /// utime + stime (fields 14 and 15) of a `/proc/<pid>/stat` line; the command name (field 2)
    /// may hold spaces and parentheses, so fields are counted after its last `)`.
    static func cpuTicks(_ stat: String) -> Int? {
        guard let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // fields[0] is field 3 (state): utime is field 14 -> index 11, stime index 12.
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
    }

    /// A `kB` field of a `/proc/<pid>/status` file (e.g. `VmRSS`), in kB.
    static func statusField(_ path: String, _ name: String) -> Int? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            return Int(line.dropFirst(name.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
        }
        return nil
    }

    /// Whether `pid` is alive and its command line mentions `text` (guards against a reused PID).
    static func isAlive(_ pid: Int32, commandLineContains text: String?) -> Bool {
        guard pid > 0, kill(pid, 0) == 0 || errno == EPERM else { return false }
        // A zombie (ended, not yet reaped) counts as ended.
        if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
           let close = stat.lastIndex(of: ")"), stat[stat.index(after: close)...].split(separator: " ").first == "Z" {
            return false
        }
        guard let text else { return true }
        guard let raw = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
        return String(decoding: raw.map { $0 == 0 ? 32 : $0 }, as: UTF8.self).contains(text)
    }
}
