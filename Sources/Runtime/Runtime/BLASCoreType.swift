import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes OpenBLAS use a fast kernel on CPUs its CPUID table does not know.
///
/// Debian's OpenBLAS 0.3.21 (built with DYNAMIC_ARCH) picks its kernel from CPUID when it loads and
/// falls back to a slow one on CPUs newer than it (Sapphire Rapids → "Prescott", Zen 4/5 →
/// "Haswell"). `OPENBLAS_CORETYPE` overrides the choice, and is read once, when the library loads:
/// `configure` must run before the first `dlopen` of anything linked to OpenBLAS.
///
/// Measured on this project's build machine (AMD EPYC, family 26, AVX-512, 2 cores, 1024³ sgemm):
/// Prescott 46, Zen 52, Haswell (OpenBLAS's own pick) 85, SkylakeX 126 GFLOP/s.
public enum BLASCoreType {
    /// The variable OpenBLAS reads.
    public static let variable = "OPENBLAS_CORETYPE"

    /// Sets `OPENBLAS_CORETYPE` from the CPU's features unless the user set it, and says what is used.
    ///
    /// A value already in the process environment wins (it is what OpenBLAS reads); otherwise a value
    /// in `environment` is exported; otherwise the CPU's flags decide.
    ///
    /// - Returns: `coreType` — the core OpenBLAS is asked for, or "OpenBLAS default" when the CPU
    ///   has neither AVX-512 nor AVX2+FMA (OpenBLAS's own choice is then left alone); `source` —
    ///   "environment" when the user's value is kept, "cpuinfo" when derived from `/proc/cpuinfo`.
    @discardableResult
    public static func configure(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> (coreType: String, source: String) {
        lock.lock()
        defer { lock.unlock() }
        // The process environment is what OpenBLAS reads; a value there wins over the dictionary
        // (and one this function set earlier is reported as coming from cpuinfo again).
        let current = getenv(variable).map { String(cString: $0) }
        if let current, !current.isEmpty {
            return (current, current == setHere ? "cpuinfo" : "environment")
        }
        if let value = environment[variable], !value.isEmpty {
            setenv(variable, value, 0)  // a caller-supplied environment: export it so OpenBLAS sees it
            return (value, "environment")
        }
        guard let coreType = coreType(forCPUFlags: cpuFlags()) else { return ("OpenBLAS default", "cpuinfo") }
        setenv(variable, coreType, 0)
        setHere = coreType
        return (coreType, "cpuinfo")
    }

    private static let lock = NSLock()
    /// The value `configure` put into the environment, to tell it from the user's.
    nonisolated(unsafe) private static var setHere: String?

    /// The OpenBLAS core for a set of `/proc/cpuinfo` flags, or nil to keep OpenBLAS's own choice.
    public static func coreType(forCPUFlags flags: Set<String>) -> String? {
        if flags.isSuperset(of: ["avx512f", "avx512bw", "avx512vl", "avx512dq"]) { return "SkylakeX" }
        if flags.isSuperset(of: ["avx2", "fma"]) { return "Haswell" }
        return nil
    }

    /// The flags of the first processor in `/proc/cpuinfo` (empty where there is no such file).
    public static func cpuFlags(cpuinfo path: String = "/proc/cpuinfo") -> Set<String> {
        guard let text = procFile(path) else { return [] }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == "flags" else { continue }
            return Set(parts[1].split(separator: " ").map(String.init))
        }
        return []
    }

    /// The core the loaded OpenBLAS actually uses (`openblas_get_corename()`), or nil when no
    /// OpenBLAS is loaded.
    ///
    /// Looks in `handle` (and its dependencies) when given, then in the global scope, then in every
    /// loaded `libopenblas` (a library opened with RTLD_LOCAL hides its dependencies from the
    /// global scope).
    public static func current(handle: UnsafeMutableRawPointer? = nil) -> String? {
        typealias CoreName = @convention(c) () -> UnsafePointer<CChar>?
        func ask(_ symbol: UnsafeMutableRawPointer?) -> String? {
            guard let symbol else { return nil }
            return unsafeBitCast(symbol, to: CoreName.self)().map { String(cString: $0) }
        }
        if let handle, let name = ask(dlsym(handle, "openblas_get_corename")) { return name }
        if let name = ask(dlsym(nil, "openblas_get_corename")) { return name }  // RTLD_DEFAULT
        for path in LoadedObjects.paths() where (path as NSString).lastPathComponent.hasPrefix("libopenblas") {
            guard let loaded = dlopen(path, RTLD_LAZY | RTLD_NOLOAD) else { continue }
            defer { dlclose(loaded) }
            if let name = ask(dlsym(loaded, "openblas_get_corename")) { return name }
        }
        return nil
    }
}

/// The shared objects mapped into this process, from `/proc/self/maps` (Linux; empty elsewhere).
public enum LoadedObjects {
    /// Paths of every mapped file, once each, in address order.
    public static func paths() -> [String] {
        mappings().reduce(into: [String]()) { result, mapping in
            if result.last != mapping.path && !result.contains(mapping.path) { result.append(mapping.path) }
        }
    }

    /// The file whose mapping contains `address` (for example the library a symbol came from).
    public static func path(containing address: UnsafeRawPointer) -> String? {
        let value = UInt(bitPattern: address)
        return mappings().first(where: { $0.range.contains(value) })?.path
    }

    static func mappings() -> [(range: Range<UInt>, path: String)] {
        guard let text = procFile("/proc/self/maps") else { return [] }
        var result: [(range: Range<UInt>, path: String)] = []
        for line in text.split(separator: "\n") {
            // "start-end perms offset dev inode   path"
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
            guard fields.count == 6 else { continue }
            let path = fields[5].trimmingCharacters(in: .whitespaces)
            guard path.hasPrefix("/") else { continue }
            let bounds = fields[0].split(separator: "-")
            guard bounds.count == 2, let low = UInt(bounds[0], radix: 16), let high = UInt(bounds[1], radix: 16),
                  low < high else { continue }
            result.append((low ..< high, path))
        }
        return result
    }
}

/// The whole text of a /proc file. `String(contentsOfFile:)` stops at the 4 kB the kernel reports
/// as the file's size; reading to the end gets everything.
func procFile(_ path: String) -> String? {
    guard let h = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? h.close() }
    return String(decoding: h.readDataToEndOfFile(), as: UTF8.self)
}
