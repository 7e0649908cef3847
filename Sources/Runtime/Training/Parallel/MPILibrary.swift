import Foundation
import Formats
#if canImport(Glibc)
import Glibc
#endif

/// Open MPI's C library, loaded with `dlopen` only when the process was started by an MPI
/// launcher, so a single-process user needs no MPI at all.
///
/// Open MPI's handles (`MPI_COMM_WORLD`, `MPI_FLOAT`, ...) are the addresses of global objects
/// (`ompi_mpi_comm_world`, ...) and `MPI_IN_PLACE` is `(void *)1`; this binding is therefore
/// specific to Open MPI's ABI (libmpi.so.40), which is what `mpirun` on Debian/Ubuntu is.
final class MPILibrary: @unchecked Sendable {
    typealias Handle = UnsafeMutableRawPointer
    private typealias InitThread = @convention(c) (UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?, Int32, UnsafeMutablePointer<Int32>) -> Int32
    private typealias CommInt = @convention(c) (Handle, UnsafeMutablePointer<Int32>) -> Int32
    private typealias Allgather = @convention(c) (UnsafeRawPointer?, Int32, Handle, UnsafeMutableRawPointer?, Int32, Handle, Handle) -> Int32
    private typealias Alltoallv = @convention(c) (UnsafeRawPointer?, UnsafePointer<Int32>, UnsafePointer<Int32>, Handle,
                                                  UnsafeMutableRawPointer?, UnsafePointer<Int32>, UnsafePointer<Int32>, Handle, Handle) -> Int32
    private typealias Allgatherv = @convention(c) (UnsafeRawPointer?, Int32, Handle, UnsafeMutableRawPointer?,
                                                   UnsafePointer<Int32>, UnsafePointer<Int32>, Handle, Handle) -> Int32
    private typealias Comm = @convention(c) (Handle) -> Int32
    private typealias Abort = @convention(c) (Handle, Int32) -> Int32
    private typealias Plain = @convention(c) () -> Int32

    let path: String
    let world: Handle, float: Handle, double: Handle
    /// `MPI_IN_PLACE` in Open MPI.
    static var inPlace: UnsafeMutableRawPointer { UnsafeMutableRawPointer(bitPattern: 1)! }
    private let initThread: InitThread, commRank: CommInt, commSize: CommInt
    private let allgatherFn: Allgather, alltoallvFn: Alltoallv, allgathervFn: Allgatherv
    private let barrierFn: Comm, abortFn: Abort, finalizeFn: Plain

    /// Opens libmpi (Open MPI's soname first) or throws naming what was tried.
    init() throws {
        var tried: [String] = []
        var opened: (UnsafeMutableRawPointer, String)?
        for name in ["libmpi.so.40", "libmpi.so"] {
            // RTLD_GLOBAL: Open MPI's plugins (mca components) resolve libmpi's symbols through it.
            if let h = dlopen(name, RTLD_NOW | RTLD_GLOBAL) { opened = (h, name); break }
            tried.append("\(name): \(dlerror().map { String(cString: $0) } ?? "not found")")
        }
        guard let (lib, name) = opened else {
            throw RuntimeError.io(path: "libmpi", problem: "launched by mpirun but Open MPI's library cannot be loaded (\(tried.joined(separator: "; "))); install libopenmpi-dev or start without mpirun")
        }
        path = name
        func symbol(_ s: String) throws -> UnsafeMutableRawPointer {
            guard let p = dlsym(lib, s) else {
                throw RuntimeError.io(path: name, problem: "has no symbol \(s); only Open MPI (libmpi.so.40) is supported")
            }
            return p
        }
        func fn<T>(_ s: String, _: T.Type) throws -> T { unsafeBitCast(try symbol(s), to: T.self) }
        world = try symbol("ompi_mpi_comm_world"); float = try symbol("ompi_mpi_float"); double = try symbol("ompi_mpi_double")
        initThread = try fn("MPI_Init_thread", InitThread.self)
        commRank = try fn("MPI_Comm_rank", CommInt.self); commSize = try fn("MPI_Comm_size", CommInt.self)
        allgatherFn = try fn("MPI_Allgather", Allgather.self); alltoallvFn = try fn("MPI_Alltoallv", Alltoallv.self)
        allgathervFn = try fn("MPI_Allgatherv", Allgatherv.self)
        barrierFn = try fn("MPI_Barrier", Comm.self); abortFn = try fn("MPI_Abort", Abort.self)
        finalizeFn = try fn("MPI_Finalize", Plain.self)
    }

    private func check(_ code: Int32, _ what: String) throws {
        guard code == 0 else { throw RuntimeError.io(path: path, problem: "\(what) failed with MPI error \(code)") }
    }

    /// `MPI_Init_thread(MPI_THREAD_SERIALIZED)`; returns (rank, size).
    func start() throws -> (rank: Int, size: Int) {
        var provided: Int32 = 0, rank: Int32 = 0, size: Int32 = 0
        try check(initThread(nil, nil, 2, &provided), "MPI_Init_thread")
        try check(commRank(world, &rank), "MPI_Comm_rank")
        try check(commSize(world, &size), "MPI_Comm_size")
        return (Int(rank), Int(size))
    }

    func allgather(_ send: UnsafeRawPointer, count: Int, type: Handle, into receive: UnsafeMutableRawPointer) throws {
        try check(allgatherFn(send, Int32(count), type, receive, Int32(count), type, world), "MPI_Allgather")
    }

    func alltoallv(_ send: UnsafeRawPointer, sendCounts: [Int32], sendOffsets: [Int32], type: Handle,
                   into receive: UnsafeMutableRawPointer, receiveCounts: [Int32], receiveOffsets: [Int32]) throws {
        try check(alltoallvFn(send, sendCounts, sendOffsets, type, receive, receiveCounts, receiveOffsets, type, world), "MPI_Alltoallv")
    }

    /// `MPI_Allgatherv` with `MPI_IN_PLACE`: every rank's slice of `buffer` to every rank.
    func allgathervInPlace(_ buffer: UnsafeMutableRawPointer, counts: [Int32], offsets: [Int32], type: Handle) throws {
        try check(allgathervFn(MPILibrary.inPlace, 0, type, buffer, counts, offsets, type, world), "MPI_Allgatherv")
    }

    func barrier() throws { try check(barrierFn(world), "MPI_Barrier") }
    func abort(code: Int32) -> Never { _ = abortFn(world, code); exit(code) }
    func finalize() { _ = finalizeFn() }
}
