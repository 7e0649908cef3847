import Foundation
import Formats
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What an entry of a checkpoint folder is (the entry itself: a symlink is not followed).
public enum CheckpointFileKind: Sendable, Equatable {
    case file, directory, symlink, other
}

/// The file operations of a checkpoint store: every change the store makes to disk is one call here.
///
/// `POSIXFileSystem` is the real one. Tests wrap it to crash (throw, then refuse everything) at
/// any single step, which is how the store's recovery is checked against every state a killed
/// process can leave. The mutating calls are the steps: `createDirectory`, `writeFile`,
/// `hardLink`, `symlink`, `rename`, `removeFile`, `removeDirectory`, `syncDirectory`.
public protocol CheckpointFileSystem: Sendable {
    /// The kind of the entry at `path`, or nil if nothing is there.
    func kind(_ path: String) -> CheckpointFileKind?
    /// The size in bytes of the regular file at `path`, or nil.
    func size(_ path: String) -> Int?
    /// The names in `directory` (hidden ones included, no `.` or `..`).
    func list(_ directory: String) throws -> [String]
    /// The whole file.
    func read(_ path: String) throws -> Data
    /// The target of the symlink at `path`, or nil if it is not a symlink.
    func readLink(_ path: String) -> String?

    /// mkdir(2) of one new directory (its parent exists).
    func createDirectory(_ path: String) throws
    /// Creates the new file `path` (it must not exist), writes all of `data`, fsyncs and closes it.
    func writeFile(_ data: Data, to path: String) throws
    /// link(2): a second name for the file `existing`.
    func hardLink(_ existing: String, to path: String) throws
    /// symlink(2): `path` pointing at `target`.
    func symlink(_ target: String, at path: String) throws
    /// rename(2), atomic; replaces a symlink or file at `to`.
    func rename(_ from: String, to: String) throws
    /// unlink(2) of a file or symlink.
    func removeFile(_ path: String) throws
    /// rmdir(2) of an empty directory.
    func removeDirectory(_ path: String) throws
    /// fsync(2) of a directory, so the renames and creations in it are durable.
    func syncDirectory(_ path: String) throws
}

/// The checkpoint file operations as POSIX calls; errors are `.io` naming the path and strerror.
public struct POSIXFileSystem: CheckpointFileSystem {
    public init() {}

    private func fail(_ path: String, _ what: String) -> RuntimeError {
        .io(path: path, problem: "\(what): \(String(cString: strerror(errno)))")
    }

    public func kind(_ path: String) -> CheckpointFileKind? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    public func size(_ path: String) -> Int? {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    public func list(_ directory: String) throws -> [String] {
        do { return try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
            throw RuntimeError.io(path: directory, problem: "cannot list the folder: \(error.localizedDescription)")
        }
    }

    public func read(_ path: String) throws -> Data {
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw RuntimeError.io(path: path, problem: "cannot read: \(error.localizedDescription)")
        }
    }

    public func readLink(_ path: String) -> String? {
        kind(path) == .symlink ? try? FileManager.default.destinationOfSymbolicLink(atPath: path) : nil
    }

    public func createDirectory(_ path: String) throws {
        guard mkdir(path, 0o755) == 0 else { throw fail(path, "cannot create the folder") }
    }

    public func writeFile(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw fail(path, "cannot create") }
        var isOpen = true
        defer { if isOpen { _ = close(fd) } }
        try AtomicFile.writeAll(fd, data, path: path)
        guard fsync(fd) == 0 else { throw fail(path, "cannot fsync") }
        isOpen = false
        guard close(fd) == 0 else { throw fail(path, "cannot close") }
    }

    public func hardLink(_ existing: String, to path: String) throws {
        guard link(existing, path) == 0 else { throw fail(path, "cannot link it to \(existing)") }
    }

    public func symlink(_ target: String, at path: String) throws {
        #if canImport(Glibc)
        let result = Glibc.symlink(target, path)
        #else
        let result = Darwin.symlink(target, path)
        #endif
        guard result == 0 else { throw fail(path, "cannot create a symlink to \(target)") }
    }

    public func rename(_ from: String, to: String) throws {
        #if canImport(Glibc)
        let result = Glibc.rename(from, to)
        #else
        let result = Darwin.rename(from, to)
        #endif
        guard result == 0 else { throw fail(from, "cannot rename it to \((to as NSString).lastPathComponent)") }
    }

    public func removeFile(_ path: String) throws {
        guard unlink(path) == 0 else { throw fail(path, "cannot remove") }
    }

    public func removeDirectory(_ path: String) throws {
        guard rmdir(path) == 0 else { throw fail(path, "cannot remove the folder") }
    }

    public func syncDirectory(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw fail(path, "cannot open to fsync") }
        defer { _ = close(fd) }
        // EINVAL: a filesystem that cannot fsync a directory.
        if fsync(fd) != 0 && errno != EINVAL { throw fail(path, "cannot fsync") }
    }
}
