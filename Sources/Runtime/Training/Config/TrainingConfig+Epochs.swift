import Foundation

extension TrainingConfig {
    /// The schedule keys that follow `training.epochs` when only the epoch count is changed
    /// (`--epochs N`): the phase ends, the warmup and the restarts, scaled by `N / epochs`.
    ///
    /// Phase ends are rounded and kept strictly increasing (phase k ends no earlier than epoch
    /// k), the last ends at N; warmup is rounded down and kept below N; restarts are rounded and
    /// dropped when they no longer lie strictly between the warmup and N or repeat. Keys in
    /// `keep` (given explicitly by the user) are not touched. Returns dotted key → value text.
    public func epochScalingOverrides(to epochs: Int, keep: Set<String> = []) -> [String: String] {
        let old = training.epochs
        guard epochs != old, epochs >= 1 else { return [:] }
        let ratio = Double(epochs) / Double(old)
        var out: [String: String] = [:]
        let prefix = "model.progressive_unfreezing."
        let u = model.progressiveUnfreezing
        if u.enabled {
            var ends = u.phaseEnds.map { Int((Double($0) * ratio).rounded()) }
            ends[3] = min(max(ends[3], 4), epochs)
            for k in stride(from: 2, through: 0, by: -1) { ends[k] = min(ends[k], ends[k + 1] - 1) }
            for k in 0..<4 { ends[k] = max(ends[k], k == 0 ? 1 : ends[k - 1] + 1) }
            for (k, end) in ends.enumerated() where !keep.contains(prefix + "phase\(k + 1)_epochs") {
                out[prefix + "phase\(k + 1)_epochs"] = "\(end)"
            }
        }
        let warmup = keep.contains("training.warmup_epochs") ? training.warmupEpochs
            : min(Int(Double(training.warmupEpochs) * ratio), epochs - 1)
        if !keep.contains("training.warmup_epochs") { out["training.warmup_epochs"] = "\(warmup)" }
        if !keep.contains("training.restart_epochs") {
            var restarts: [Int] = []
            for r in training.restartEpochs {
                let s = Int((Double(r) * ratio).rounded())
                if (s > warmup) && (s < epochs) && (s > (restarts.last ?? warmup)) { restarts.append(s) }
            }
            out["training.restart_epochs"] = "[" + restarts.map(String.init).joined(separator: ",") + "]"
        }
        return out
    }
}
