import Foundation
import Formats
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The writer's lock of a checkpoint folder: `<folder>/.lock`, held with flock(2) and holding the owner's PID.
///
/// The kernel drops a flock when its process dies (SIGKILL included), so a dead writer never
/// blocks: the next writer takes the lock over and says whose it was. The descriptor is
/// close-on-exec, so child processes do not inherit it.
final class RunLock: @unchecked Sendable {
    static let fileName = ".lock"

    let path: String
    private var fd: Int32

    private init(path: String, fd: Int32) { self.path = path; self.fd = fd }

    deinit { release() }

    /// Takes the lock of `directory` (which exists) at once or throws naming the folder and the
    /// holder's PID; the note says when a dead process's lock was taken over.
    static func acquire(_ directory: URL) throws -> (lock: RunLock, note: String?) {
        let path = directory.appendingPathComponent(fileName).path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw RuntimeError.io(path: path, problem: "cannot open the run's lock file: \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let holder = readPID(fd)
            _ = close(fd)
            if busy {
                throw RuntimeError.io(path: directory.path, problem: "locked by process \(holder.map(String.init) ?? "?") (\(path)), which is writing this checkpoint folder; wait for it to end or use another --checkpoint-dir")
            }
            throw RuntimeError.io(path: path, problem: "cannot lock: \(String(cString: strerror(errno)))")
        }
        let lock = RunLock(path: path, fd: fd)
        var note: String?
        if let previous = readPID(fd), previous != getpid() {
            note = "\(directory.path): took over the lock of process \(previous), which no longer holds it (it ended without closing the run)"
        }
        var text = Array("\(getpid())\n".utf8)
        guard ftruncate(fd, 0) == 0, pwrite(fd, &text, text.count, 0) == text.count else {
            throw RuntimeError.io(path: path, problem: "cannot write the PID to the lock file: \(String(cString: strerror(errno)))")
        }
        return (lock, note)
    }

    /// The PID of a live process holding the lock of `directory`, or nil (no lock file or a free lock).
    static func holder(of directory: URL) -> Int32? {
        let path = directory.appendingPathComponent(fileName).path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { _ = close(fd) }
        if flock(fd, LOCK_SH | LOCK_NB) == 0 { return nil }
        return readPID(fd) ?? -1
    }

    /// Frees the lock: empties the PID (a clean end) and closes the descriptor. Idempotent.
    func release() {
        guard fd >= 0 else { return }
        _ = ftruncate(fd, 0)
        _ = close(fd)
        fd = -1
    }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = pread(fd, &buffer, buffer.count, 0)
        guard n > 0 else { return nil }
        return Int32(String(decoding: buffer[..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
