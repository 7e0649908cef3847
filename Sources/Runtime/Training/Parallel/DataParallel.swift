import Foundation
import Formats

/// The processes of a data-parallel run started by `mpirun -np N breastai-run train ...`: this
/// process's rank, the number of ranks, and the few collectives training needs.
///
/// Sums are in a fixed order (rank 0's value, plus rank 1's, ...), so a run is repeatable for a
/// given N and, for two ranks with one micro-batch each, bit-identical to one process that
/// accumulates the same two micro-batches. Open MPI's `MPI_Allreduce` chooses its algorithm (and
/// so its summation order) by message size and rank count, so it is not used for floats: the block
/// is reduce-scattered with `MPI_Alltoallv` (rank j receives everyone's j-th slice and adds them
/// in rank order) and gathered back with `MPI_Allgatherv` in place. That moves 2(N-1)/N x bytes per
/// rank, like a ring allreduce, and needs one extra block-sized receive buffer.
public final class DataParallel: @unchecked Sendable {
    public let rank: Int
    public let size: Int
    private let mpi: MPILibrary
    /// The receive buffer of `sumInPlace` (grown on demand, reused).
    private var scratch: UnsafeMutablePointer<Float>?
    private var scratchCount = 0

    /// Whether this rank writes (checkpoints, logs, reports): rank 0.
    public var isLeader: Bool { rank == 0 }

    /// Whether an MPI launcher started this process (Open MPI's or PMIx's environment).
    public static func launched(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        environment["OMPI_COMM_WORLD_SIZE"] != nil || environment["PMIX_RANK"] != nil
    }

    /// Joins the MPI job when launched by `mpirun` (loading libmpi at run time); nil otherwise.
    public static func join(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DataParallel? {
        guard launched(environment) else { return nil }
        let mpi = try MPILibrary()
        let (rank, size) = try mpi.start()
        return DataParallel(mpi: mpi, rank: rank, size: size)
    }

    private init(mpi: MPILibrary, rank: Int, size: Int) {
        self.mpi = mpi; self.rank = rank; self.size = size
    }

    deinit { scratch?.deallocate() }

    /// The line that says which mode is in use.
    public var modeLine: String {
        "data parallel over MPI (\(mpi.path)): rank \(rank) of \(size); rank 0 writes checkpoints and logs"
    }

    /// The slice of a block of `count` floats that rank `j` reduces: near-equal, in rank order.
    static func slices(count: Int, ranks: Int) -> (counts: [Int32], offsets: [Int32]) {
        var counts: [Int32] = [], offsets: [Int32] = []
        var offset = 0
        for j in 0..<ranks {
            let n = count / ranks + (j < count % ranks ? 1 : 0)
            counts.append(Int32(n)); offsets.append(Int32(offset)); offset += n
        }
        return (counts, offsets)
    }

    /// Replaces `count` floats at `block` on every rank by their sum over the ranks, added in rank order.
    public func sumInPlace(_ block: UnsafeMutablePointer<Float>, count: Int) throws {
        guard size > 1, count > 0 else { return }
        guard count <= Int(Int32.max) else {
            throw RuntimeError.tensor(name: "gradient block", problem: "\(count) floats exceed MPI's 32-bit counts")
        }
        let (counts, offsets) = DataParallel.slices(count: count, ranks: size)
        let mine = Int(counts[rank])
        if scratchCount < mine * size {
            scratch?.deallocate()
            scratchCount = mine * size
            scratch = .allocate(capacity: scratchCount)
        }
        let receive = scratch!
        try mpi.alltoallv(block, sendCounts: counts, sendOffsets: offsets, type: mpi.float, into: receive,
                          receiveCounts: Array(repeating: Int32(mine), count: size),
                          receiveOffsets: (0..<size).map { Int32($0 * mine) })
        let out = block + Int(offsets[rank])
        out.update(from: receive, count: mine)
        for i in 1..<size {
            let part = receive + i * mine
            for k in 0..<mine { out[k] += part[k] }
        }
        try mpi.allgathervInPlace(block, counts: counts, offsets: offsets, type: mpi.float)
    }

    /// The sums over the ranks of `values` (every rank passes as many), added in rank order.
    public func sum(_ values: [Double]) throws -> [Double] {
        guard size > 1 else { return values }
        var all = [Double](repeating: 0, count: values.count * size)
        try values.withUnsafeBytes { send in try all.withUnsafeMutableBytes { receive in
            try mpi.allgather(send.baseAddress!, count: values.count, type: mpi.double, into: receive.baseAddress!)
        } }
        var out = Array(all[0..<values.count])
        for r in 1..<size { for k in 0..<values.count { out[k] += all[r * values.count + k] } }
        return out
    }

    /// Gives every rank everyone's part of `values`: rank r has filled `counts[r]` floats at
    /// `offsets[r]` (the parts do not overlap); the values are copied, not combined.
    public func gatherInPlace(_ values: inout [Float], counts: [Int], offsets: [Int]) throws {
        guard size > 1, !values.isEmpty else { return }
        guard values.count <= Int(Int32.max) else {
            throw RuntimeError.tensor(name: "gathered block", problem: "\(values.count) floats exceed MPI's 32-bit counts")
        }
        try values.withUnsafeMutableBytes { buffer in
            try mpi.allgathervInPlace(buffer.baseAddress!, counts: counts.map { Int32($0) }, offsets: offsets.map { Int32($0) }, type: mpi.float)
        }
    }

    /// Whether `flag` is true on any rank (every rank gets the same answer).
    public func any(_ flag: Bool) throws -> Bool { try sum([flag ? 1 : 0])[0] > 0 }

    /// Waits until every rank has reached this point.
    public func barrier() throws { try mpi.barrier() }

    /// Ends the job on every rank (after an error on this one), with `code` as mpirun's exit status.
    public func abort(code: Int32) -> Never { mpi.abort(code: code) }

    /// `MPI_Finalize` (once, at the end of a successful run).
    public func finish() { mpi.finalize() }
}
