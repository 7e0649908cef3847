import Foundation

/// How many compute threads a run uses: `system.num_threads` fitted to the cores this process
/// may run on (its CPU affinity mask, which `taskset`, cgroups' cpusets and schedulers set).
///
/// More OpenMP threads than cores is never faster for these kernels (measured: 8 threads on 2
/// cores made phase-4 epochs 1.65x slower), so a larger request uses the cores and says so;
/// 0 means all of them.
public enum SystemThreads {
    /// The number of CPUs in this process's affinity mask (at least 1).
    public static func available() -> Int {
        // Linux: the `Cpus_allowed` mask of /proc/self/status (hex words separated by commas).
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") }) {
            let hex = line.dropFirst("Cpus_allowed:".count).filter { $0.isHexDigit }
            let count = hex.reduce(0) { $0 + (Int(String($1), radix: 16) ?? 0).nonzeroBitCount }
            if count > 0 { return count }
        }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// The thread count for `configured` (`system.num_threads`) on `cores` cores, and a line to log.
    public static func resolve(configured: Int, cores: Int = available()) -> (threads: Int, note: String) {
        if configured == 0 {
            return (cores, "threads: \(cores) (system.num_threads 0 = every core this process may use)")
        }
        if configured > cores {
            return (cores, "threads: \(cores), not \(configured): system.num_threads asks for more threads than the \(cores) cores this process may use (more would be slower); set it to \(cores) or 0 to silence this")
        }
        return (configured, "threads: \(configured) of \(cores) cores (system.num_threads)")
    }
}
