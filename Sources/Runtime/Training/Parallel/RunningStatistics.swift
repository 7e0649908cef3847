import Foundation
import Runtime

/// The BatchNorm running statistics of a data-parallel optimizer step, recombined so that they
/// equal (up to rounding) what one process gets by updating them micro-batch after micro-batch.
///
/// One update is `r' = (1 - μ) r + μ s` (s the micro-batch's statistic), linear in r. Each rank
/// records its micro-batches' terms `d_i = r_after - (1 - μ) r_before` at their place i in the
/// group of K, sums `Σ (1 - μ)^(K-1-i) d_i` over its own, the ranks add those sums (in rank order)
/// and every rank sets `r = (1 - μ)^K r_start + Σ` — the sequential result. Only the BatchNorms
/// trained in the phase are touched (frozen ones run in eval mode and never change).
struct RunningStatistics {
    /// (offset, count) in the model block of every running_mean / running_var that the phase trains.
    private let ranges: [(offset: Int, count: Int)]
    private let momentum: Double
    private var start: [Float] = [], before: [Float] = [], terms: [Double] = []

    init(state: StateBlocks, config: TrainingConfig, phase: Int) {
        let model = config.modelConfig
        ranges = state.layout.buffers.filter { b in
            guard b.name.hasSuffix(".running_mean") || b.name.hasSuffix(".running_var") else { return false }
            let prefix = b.name.split(separator: ".").dropLast().joined(separator: ".")
            return model.isTrainable(prefix + ".weight", in: config.phases[phase - 1])
        }.map { ($0.offset, $0.count) }
        momentum = Double(model.bnMomentum)
    }

    private func read(_ state: StateBlocks) -> [Float] {
        var out: [Float] = []
        for r in ranges { out.append(contentsOf: UnsafeBufferPointer(start: state.model + r.offset, count: r.count)) }
        return out
    }

    /// At the first micro-batch of a group (every rank, whether or not it runs one).
    mutating func beginGroup(_ state: StateBlocks) {
        start = read(state); terms = [Double](repeating: 0, count: start.count)
    }

    /// Before this rank's micro-batch.
    mutating func beforeMicroBatch(_ state: StateBlocks) { before = read(state) }

    /// After this rank's micro-batch at place `index` of a group of `groupSize` (the group's size is
    /// only known at its end, so the weight's exponent is counted from the group's start and fixed in `finish`).
    mutating func afterMicroBatch(_ state: StateBlocks, index: Int) {
        let after = read(state), keep = 1 - momentum
        // Weighted by (1-μ)^(-index); `finish` multiplies by (1-μ)^(K-1).
        let weight = pow(keep, -Double(index))
        for k in 0..<after.count { terms[k] += weight * (Double(after[k]) - keep * Double(before[k])) }
    }

    /// Sums the ranks' terms and writes the sequential result into the model block.
    mutating func finish(_ state: StateBlocks, parallel: DataParallel, groupSize: Int) throws {
        let total = try parallel.sum(terms), keep = 1 - momentum
        let decay = pow(keep, Double(groupSize)), scale = pow(keep, Double(groupSize - 1))
        var k = 0
        for r in ranges {
            let p = state.model + r.offset
            for i in 0..<r.count { p[i] = Float(decay * Double(start[k]) + scale * total[k]); k += 1 }
        }
    }
}
