import Foundation
import Data
import Evaluation
import Formats

/// The eval program over a split in a training run: on one process the whole split; under MPI
/// each rank runs a contiguous share of whole batches and every rank then holds everyone's
/// logits in sample order — the single process's output, bit for bit.
///
/// The shares are whole batches of the compiled size, so every image is computed in the same batch
/// (same neighbours, same padding of the last batch) as on one process: the arithmetic is
/// identical, not just close. Rank r takes batches `DataParallel.slices(batches, N)[r]` (near-equal,
/// in rank order). The logits are gathered with one `MPI_Allgatherv` per view (each rank's block
/// is contiguous), and every rank gets them because early stopping and the best checkpoint are
/// decided on every rank.
struct ShardedEvaluation {
    let evaluator: Evaluator
    let parallel: DataParallel?
    /// The compiled batch size (the unit of the shares).
    let batch: Int
    /// Log lines (the per-rank image counts).
    let say: (String) -> Void

    /// The samples rank `rank` of `ranks` evaluates out of `count`: whole batches of `batch`, contiguous.
    static func share(count: Int, batch: Int, rank: Int, ranks: Int) -> Range<Int> {
        let batches = (count + batch - 1) / batch
        let (counts, offsets) = DataParallel.slices(count: batches, ranks: ranks)
        let first = Int(offsets[rank]) * batch, end = (Int(offsets[rank]) + Int(counts[rank])) * batch
        return min(count, first)..<min(count, end)
    }

    /// Logits of every sample of `samples` under each of `views` with the EMA weights, on every
    /// rank; `what` names the split in the log line ("val", "test", "val (calibration)").
    func run(_ samples: [Dataset.Sample], views: [Evaluator.View], what: String) throws -> Evaluator.Output {
        guard let parallel, parallel.size > 1 else { return try evaluator.run(samples, block: .ema, views: views) }
        let start = DispatchTime.now().uptimeNanoseconds
        let ranks = parallel.size
        let shares = (0..<ranks).map { ShardedEvaluation.share(count: samples.count, batch: batch, rank: $0, ranks: ranks) }
        let mine = shares[parallel.rank]
        let before = evaluator.imagesEvaluated
        let own = try evaluator.run(Array(samples[mine]), block: .ema, views: views)
        let evaluated = evaluator.imagesEvaluated - before
        let classes = evaluator.program.manifest.classes
        var output = own
        output.viewLogits = []; output.labels = samples.map(\.label)
        for logits in own.viewLogits {
            output.viewLogits.append(try gather(logits, shares: shares, count: samples.count, classes: classes, parallel: parallel))
        }
        // What each rank really ran through the eval program (its counter), for the log and the tests.
        var counts = [Double](repeating: 0, count: ranks)
        counts[parallel.rank] = Double(evaluated)
        let all = try parallel.sum(counts).map { Int($0) }
        output.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        say("MPI: \(what) evaluated on \(ranks) ranks: " + all.map(String.init).joined(separator: " + ")
            + " of \(samples.count * views.count) image evaluations (\(samples.count) images x \(views.count) view\(views.count == 1 ? "" : "s")), rank \(parallel.rank) ran \(evaluated)")
        return output
    }

    /// Every rank's rows (`shares[r]` of `count`, `classes` wide) in sample order, on every rank.
    private func gather(_ rows: [[Float]], shares: [Range<Int>], count: Int, classes: Int,
                        parallel: DataParallel) throws -> [[Float]] {
        let mine = shares[parallel.rank]
        guard rows.count == mine.count else {
            throw RuntimeError.tensor(name: "eval logits", problem: "rank \(parallel.rank) has \(rows.count) rows for its \(mine.count) samples")
        }
        var flat = [Float](repeating: 0, count: count * classes)
        for (i, row) in rows.enumerated() {
            for k in 0..<classes { flat[(mine.lowerBound + i) * classes + k] = row[k] }
        }
        try parallel.gatherInPlace(&flat, counts: shares.map { $0.count * classes }, offsets: shares.map { $0.lowerBound * classes })
        return (0..<count).map { Array(flat[$0 * classes ..< ($0 + 1) * classes]) }
    }
}
