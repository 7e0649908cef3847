import Foundation
#if canImport(Glibc)
import Glibc
#endif

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

/// Where the OpenMP threads run, and whether the kernels and OpenBLAS share one OpenMP pool.
///
/// OpenMP reads `OMP_PROC_BIND` / `OMP_PLACES` once, when its runtime loads (the `dlopen` of the
/// compiled program), so `configure` must run before that. A user's own placement
/// (`OMP_PROC_BIND`, `OMP_PLACES`, `GOMP_CPU_AFFINITY`, `KMP_AFFINITY` in the environment) is never
/// overridden.
public enum ThreadPlacement {
    /// The variables that state a placement; any of them set means the user chose.
    public static let variables = ["OMP_PROC_BIND", "OMP_PLACES", "GOMP_CPU_AFFINITY", "KMP_AFFINITY"]

    /// The placement `train` sets when the user set none and it pays (see `configure`): one OpenMP
    /// thread per core, kept there. The process's other threads (loaders) get the whole mask back,
    /// see `ThreadAffinity` in Data.
    public static let preferred: (bind: String, places: String)? = (bind: "close", places: "cores")

    /// Exports `preferred` (bind, places) unless the user set a placement; nil leaves the runtime's
    /// default. Only when it pays (BENCHMARKS.md, "Thread placement"): the run's `threads` fill every
    /// one of the `cores` it may use (a run on part of a machine stays unbound: bound threads start
    /// at the first places, so two such runs would share cores while others idle), and other work
    /// shares the machine at start (`load`, the 1-minute load average, at least half the cores;
    /// bound threads were 2.4x faster there, 3-5% slower on an idle machine). Returns a line to log.
    @discardableResult
    public static func configure(preferred: (bind: String, places: String)?, threads: Int, cores: Int, load: Double,
                                 environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let user = variables.filter { environment[$0].map { !$0.isEmpty } ?? false }
        if !user.isEmpty {
            return "thread placement: " + user.map { "\($0)=\(environment[$0]!)" }.joined(separator: " ") + " (from the environment, kept)"
        }
        guard let preferred else { return "thread placement: OpenMP's default (OMP_PROC_BIND unset)" }
        guard threads == cores else {
            return "thread placement: OpenMP's default (OMP_PROC_BIND unset: \(threads) threads on \(cores) cores; binding only when the threads fill the cores)"
        }
        guard load >= 0.5 * Double(cores) else {
            return String(format: "thread placement: OpenMP's default (OMP_PROC_BIND unset: the machine is idle, load %.2f on %d cores; binding pays only when other work shares the cores)", load, cores)
        }
        setenv("OMP_PROC_BIND", preferred.bind, 0)
        setenv("OMP_PLACES", preferred.places, 0)
        return String(format: "thread placement: OMP_PROC_BIND=%@ OMP_PLACES=%@ (set by breastai-run: other work shares the machine, load %.2f on %d cores)",
                      preferred.bind, preferred.places, load, cores)
    }

    /// The OpenMP runtimes mapped into this process (libgomp, libomp, libiomp5): one means one pool.
    public static func openMPRuntimes() -> [String] {
        LoadedObjects.paths().filter { path in
            let name = (path as NSString).lastPathComponent
            return name.hasPrefix("libgomp") || name.hasPrefix("libomp") || name.hasPrefix("libiomp")
        }
    }

    /// What the OpenMP runtime at `path` will use for the next parallel region: the proc-bind
    /// policy (`omp_get_proc_bind`: false, true, primary, close, spread) and the number of places.
    public static func observed(runtime path: String) -> (bind: String, places: Int)? {
        typealias IntCall = @convention(c) () -> Int32
        guard let h = dlopen(path, RTLD_LAZY | RTLD_NOLOAD) else { return nil }
        defer { dlclose(h) }
        guard let bind = dlsym(h, "omp_get_proc_bind"), let places = dlsym(h, "omp_get_num_places") else { return nil }
        let b = Int(unsafeBitCast(bind, to: IntCall.self)())
        let names = ["false", "true", "primary", "close", "spread"]
        return (b < names.count ? names[b] : "\(b)", Int(unsafeBitCast(places, to: IntCall.self)()))
    }

    /// The file `omp_get_max_threads` resolves to from the library at `handle` (its own OpenMP runtime).
    static func runtime(of handle: UnsafeMutableRawPointer?) -> String? {
        dlsym(handle, "omp_get_max_threads").flatMap { LoadedObjects.path(containing: UnsafeRawPointer($0)) }
    }

    /// The 1-minute load average (/proc/loadavg), 0 when unknown.
    public static func loadAverage() -> Double {
        guard let text = procFile("/proc/loadavg"), let first = text.split(separator: " ").first else { return 0 }
        return Double(first) ?? 0
    }

    /// One line for the log: the OpenMP runtime the program's kernels use, whether the OpenBLAS
    /// it calls uses the same one (one pool), and the placement that runtime will apply.
    public static func summary(for program: CompiledProgram) -> String {
        let kernels = program.symbol("omp_get_max_threads").flatMap { LoadedObjects.path(containing: UnsafeRawPointer($0)) }
        var blasRuntime: String?, parallel: Int?
        if let blas = program.blasLibraryPath, let h = dlopen(blas, RTLD_LAZY | RTLD_NOLOAD) {
            defer { dlclose(h) }
            blasRuntime = runtime(of: h)
            typealias IntCall = @convention(c) () -> Int32
            parallel = dlsym(h, "openblas_get_parallel").map { Int(unsafeBitCast($0, to: IntCall.self)()) }
        }
        var parts: [String] = []
        guard let kernels else { return "the kernels use no OpenMP runtime" }
        parts.append("OpenMP runtime \(kernels)")
        switch (parallel, blasRuntime) {
        case (2?, let r?) where r == kernels: parts.append("OpenBLAS uses the same OpenMP pool")
        case (2?, let r?): parts.append("WARNING: OpenBLAS uses another OpenMP runtime (\(r)): two thread pools compete for the cores")
        case (1?, _): parts.append("WARNING: OpenBLAS runs its own pthreads pool (not the OpenMP build); it competes with the kernels' threads")
        case (0?, _): parts.append("OpenBLAS is single-threaded")
        default: break
        }
        if let o = observed(runtime: kernels) { parts.append("proc_bind \(o.bind), \(o.places) places") }
        return parts.joined(separator: "; ")
    }
}
