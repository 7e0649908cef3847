import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Keeps the loader threads off the cores OpenMP binds its threads to.
///
/// With `OMP_PROC_BIND` set, the OpenMP runtime binds the process's main thread (its primary
/// thread) to one core at the first parallel region, and threads created afterwards inherit that
/// single-core mask: the loader threads would all crowd onto the primary's core. `saveProcessMask`
/// (at start, before any program loads) records the mask the process had; every loader thread
/// calls `restoreProcessMask` first and runs wherever the scheduler puts it. Linux only (elsewhere
/// these do nothing).
public enum ThreadAffinity {
    /// A CPU mask: glibc's `cpu_set_t`, 1024 bits.
    public typealias Mask = [UInt64]
    nonisolated(unsafe) private static var processMask: Mask?
    private static let lock = NSLock()

    /// `sched_getaffinity` / `sched_setaffinity` of glibc (not exported to Swift without _GNU_SOURCE).
    private typealias AffinityCall = @convention(c) (Int32, Int, UnsafeMutableRawPointer) -> Int32
    private static let calls: (get: AffinityCall, set: AffinityCall)? = {
        guard let get = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sched_getaffinity"),
              let set = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sched_setaffinity") else { return nil }
        return (unsafeBitCast(get, to: AffinityCall.self), unsafeBitCast(set, to: AffinityCall.self))
    }()

    /// The calling thread's CPU mask, nil where it cannot be read.
    public static func currentMask() -> Mask? {
        guard let calls else { return nil }
        var mask = Mask(repeating: 0, count: 16)
        let ok = mask.withUnsafeMutableBytes { calls.get(0, $0.count, $0.baseAddress!) } == 0
        return ok ? mask : nil
    }

    /// Sets the calling thread's CPU mask; false when refused.
    @discardableResult
    public static func setCurrentMask(_ mask: Mask) -> Bool {
        guard let calls else { return false }
        var m = mask
        return m.withUnsafeMutableBytes { calls.set(0, $0.count, $0.baseAddress!) } == 0
    }

    /// Records the calling thread's CPU mask as the process's (the first call wins).
    public static func saveProcessMask() {
        guard let mask = currentMask() else { return }
        lock.withLock { if processMask == nil { processMask = mask } }
    }

    /// Gives the calling thread the saved process mask; nothing when none was saved.
    public static func restoreProcessMask() {
        guard let mask = lock.withLock({ processMask }) else { return }
        setCurrentMask(mask)
    }

    /// The number of CPUs the calling thread may run on (0 when unknown).
    public static func currentThreadCPUs() -> Int {
        currentMask().map { $0.reduce(0) { $0 + $1.nonzeroBitCount } } ?? 0
    }
}
