import Foundation
#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Writes whole files so that readers see either the old contents or the new, never a mix.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws {
        func fail(_ problem: String) -> RuntimeError { .io(path: path, problem: problem) }
        func lastError() -> String { String(cString: strerror(errno)) }

        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = "\(directory == "/" ? "" : directory)/.\(base).tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))"

        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw fail("cannot create temporary file \(temporary): \(lastError())") }
        var renamed = false
        var isOpen = true
        defer {
            if isOpen { _ = close(fd) }
            if !renamed { _ = unlink(temporary) }
        }

        try writeAll(fd, data, path: temporary)
        guard fsync(fd) == 0 else { throw fail("cannot fsync temporary file \(temporary): \(lastError())") }
        isOpen = false
        guard close(fd) == 0 else { throw fail("cannot close temporary file \(temporary): \(lastError())") }
        guard rename(temporary, path) == 0 else { throw fail("cannot rename \(temporary) over it: \(lastError())") }
        renamed = true

        // Make the rename itself durable. Some filesystems cannot fsync a directory (EINVAL).
        let directoryFD = open(directory, O_RDONLY | O_CLOEXEC)
        guard directoryFD >= 0 else { throw fail("cannot open directory \(directory) to fsync it: \(lastError())") }
        defer { _ = close(directoryFD) }
        if fsync(directoryFD) != 0 && errno != EINVAL {
            throw fail("cannot fsync directory \(directory): \(lastError())")
        }
    }

    /// All of `data` to `fd`, looping while the system writes less (a full pipe, a signal);
    /// a failure names `path`.
    package static func writeAll(_ fd: Int32, _ data: Data, path: String) throws {
        try data.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = systemWrite(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw RuntimeError.io(path: path, problem: "cannot write: \(String(cString: strerror(errno)))")
                }
                done += n
            }
        }
    }

    /// POSIX write(2), under a name that no method shadows.
    private static func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Darwin)
        return Darwin.write(fd, buffer, count)
        #elseif canImport(Glibc)
        return Glibc.write(fd, buffer, count)
        #else
        return Musl.write(fd, buffer, count)
        #endif
    }
}
