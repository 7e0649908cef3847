import Foundation
#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Appends TFRecords to a file it creates: one `write(2)` per record on an `O_APPEND` descriptor,
/// so every record that was written is on disk whole (in the page cache) at once, and a crash cuts
/// at most the last one short. Never opens an existing file (`O_EXCL`). Safe to use from several threads.
public final class TFRecordWriter {
    public let path: String
    private let lock = NSLock()
    private var fd: Int32

    /// Creates `path`, which must not exist.
    public init(creating path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw RuntimeError.io(path: path, problem: "cannot create the record file: \(String(cString: strerror(errno)))")
        }
    }

    /// Writes to an open descriptor, which the writer now owns (tests: a descriptor of `/dev/full`).
    package init(adopting descriptor: Int32, path: String) {
        self.path = path
        fd = descriptor
    }

    deinit { close() }

    /// Appends `data` as one framed record.
    public func write(_ data: [UInt8]) throws {
        let record = Data(TFRecord.frame(data))
        try lock.withLock {
            guard fd >= 0 else { throw RuntimeError.io(path: path, problem: "the record file is closed") }
            try AtomicFile.writeAll(fd, record, path: path)
        }
    }

    /// fsync(2): the records written so far survive a power cut.
    public func sync() throws {
        try lock.withLock {
            guard fd >= 0 else { throw RuntimeError.io(path: path, problem: "the record file is closed") }
            guard fsync(fd) == 0 else {
                throw RuntimeError.io(path: path, problem: "cannot fsync: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Closes the file; later writes throw.
    public func close() {
        lock.withLock {
            if fd >= 0 { _ = closeDescriptor(fd) }
            fd = -1
        }
    }
}

/// close(2) under a name no method shadows.
private func closeDescriptor(_ fd: Int32) -> Int32 { close(fd) }
