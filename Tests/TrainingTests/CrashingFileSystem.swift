import Foundation
@testable import Formats
@testable import Training
#if canImport(Glibc)
import Glibc
#endif

/// The real file system, except that step number `crashAt` (counting every change) throws, and
/// every call after it throws too: the process is dead, so nothing it still tries (a `defer`, a
/// `catch`) reaches the disk. A crash in `writeFile` first writes half the file (a torn write).
/// Every path changed outside `roots` is recorded. It does not fsync (a process crash loses no
/// written data; this keeps hundreds of replays fast), but every fsync still counts as a step.
final class CrashingFileSystem: CheckpointFileSystem, @unchecked Sendable {
    struct Crash: Error, CustomStringConvertible {
        let step: Int
        var description: String { "simulated crash at file-system step \(step)" }
    }

    let base = POSIXFileSystem()
    let crashAt: Int?
    let roots: [String]
    private(set) var steps = 0
    private(set) var crashed = false
    private(set) var outside: [String] = []
    /// What each step was, e.g. "rename .tmp-epoch-0001-… -> epoch-0001".
    private(set) var log: [String] = []

    init(crashAt: Int?, roots: [URL]) {
        self.crashAt = crashAt
        self.roots = roots.map { $0.standardizedFileURL.path }
    }

    private func step(_ what: String, _ paths: String..., torn: (() -> Void)? = nil) throws {
        if crashed { throw Crash(step: steps) }
        for path in paths where !roots.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) { outside.append(path) }
        steps += 1
        log.append(what + " " + paths.map { ($0 as NSString).lastPathComponent }.joined(separator: " -> "))
        if steps == crashAt {
            crashed = true
            torn?()
            throw Crash(step: steps)
        }
    }

    private func alive() throws { if crashed { throw Crash(step: steps) } }

    func kind(_ path: String) -> CheckpointFileKind? { base.kind(path) }
    func size(_ path: String) -> Int? { base.size(path) }
    func readLink(_ path: String) -> String? { base.readLink(path) }
    func list(_ directory: String) throws -> [String] { try alive(); return try base.list(directory) }
    func read(_ path: String) throws -> Data { try alive(); return try base.read(path) }

    func createDirectory(_ path: String) throws { try step("mkdir", path); try base.createDirectory(path) }
    func writeFile(_ data: Data, to path: String) throws {
        try step("write", path, torn: {
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd >= 0 { try? AtomicFile.writeAll(fd, data.prefix(data.count / 2), path: path); _ = close(fd) }
        })
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw RuntimeError.io(path: path, problem: "cannot create") }
        defer { _ = close(fd) }
        try AtomicFile.writeAll(fd, data, path: path)
    }
    func hardLink(_ existing: String, to path: String) throws { try step("link", existing, path); try base.hardLink(existing, to: path) }
    func symlink(_ target: String, at path: String) throws { try step("symlink", path); try base.symlink(target, at: path) }
    func rename(_ from: String, to: String) throws { try step("rename", from, to); try base.rename(from, to: to) }
    func removeFile(_ path: String) throws { try step("unlink", path); try base.removeFile(path) }
    func removeDirectory(_ path: String) throws { try step("rmdir", path); try base.removeDirectory(path) }
    func syncDirectory(_ path: String) throws { try step("fsync", path) }
}
