import Foundation
import XCTest
@testable import Codegen
@testable import Data
import Evaluation
import Graph
import Runtime
@testable import Training

/// Issue 14: validation, the calibration fit and the test evaluation are sharded over the MPI
/// ranks (whole batches, contiguous) and gathered, with the single process's results.
extension MPITrainingTests {
    /// Every sample in exactly one share, in order; shares start on batch boundaries, hold whole
    /// batches (the last sample's batch may be short) and differ by at most one batch.
    func testEvaluationSharesAreWholeBatchesCoveringTheSplitOnce() {
        for count in 0...41 {
            for batch in 1...5 {
                for ranks in 1...5 {
                    let shares = (0..<ranks).map { ShardedEvaluation.share(count: count, batch: batch, rank: $0, ranks: ranks) }
                    XCTAssertEqual(shares.flatMap { Array($0) }, Array(0..<count), "count \(count), batch \(batch), ranks \(ranks)")
                    for s in shares where !s.isEmpty {
                        XCTAssertEqual(s.lowerBound % batch, 0)
                        XCTAssertTrue(s.count % batch == 0 || s.upperBound == count, "\(s) of \(count), batch \(batch)")
                    }
                    let batches = shares.map { ($0.count + batch - 1) / batch }
                    XCTAssertLessThanOrEqual(batches.max()! - batches.min()!, 1, "\(shares)")
                }
            }
        }
    }

    /// Whether a metrics.jsonl key is a measured time, rate or memory figure (they differ between runs).
    static func isTiming(_ key: String) -> Bool {
        key.hasSuffix("_seconds") || key.hasSuffix("per_second") || key.hasPrefix("seconds_per_") || key == "peak_rss_bytes"
    }

    /// The records of `root/logs/metrics.jsonl`, in order.
    func metricsRecords(_ root: URL) throws -> [[String: Any]] {
        let text = try String(contentsOf: root.appendingPathComponent("logs/metrics.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            guard let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw XCTSkip("metrics.jsonl line is not an object: \(line)")
            }
            return record
        }
    }

    /// Compares two decoded JSON values: numbers within `tolerance` relative, everything else exactly.
    func compareJSON(_ a: Any?, _ b: Any?, at path: String, tolerance: Double, worst: inout Double) {
        switch (a, b) {
        case let (x as [String: Any], y as [String: Any]):
            XCTAssertEqual(Set(x.keys), Set(y.keys), path)
            for key in x.keys { compareJSON(x[key], y[key], at: path + "." + key, tolerance: tolerance, worst: &worst) }
        case let (x as [Any], y as [Any]):
            XCTAssertEqual(x.count, y.count, path)
            for (i, (u, v)) in zip(x, y).enumerated() { compareJSON(u, v, at: "\(path)[\(i)]", tolerance: tolerance, worst: &worst) }
        case let (x as String, y as String):
            XCTAssertEqual(x, y, path)
        case let (x as NSNumber, y as NSNumber):
            let u = x.doubleValue, v = y.doubleValue
            let scale = max(abs(u), abs(v))
            let relative = u == v ? 0 : abs(u - v) / scale
            worst = max(worst, relative)
            XCTAssertLessThanOrEqual(relative, tolerance, "\(path): \(u) vs \(v)")
        case (is NSNull, is NSNull), (nil, nil):
            break
        default:
            XCTFail("\(path): \(String(describing: a)) vs \(String(describing: b))")
        }
    }

    /// After `testTwoRanksEqualOneProcessWithDoubledAccumulation`'s runs (tiny, 4 epochs, 2 TTA
    /// views, temperature scaling on): the 2-rank run's metrics.jsonl (every epoch's validation and
    /// the test record) equals the single process's, and the log shows each rank evaluated its share.
    ///
    /// Tolerance 1e-5 relative: the two runs' weights and EMA are bit-identical but their BatchNorm
    /// running statistics are not (recombined sums vs sequential updates, within 3e-7 relative),
    /// and the eval program normalises with them, so logits (and NLL, ECE, the temperature) may
    /// differ in the last bits. The sharding itself adds no difference: each image is computed in
    /// the same batch as on one process. Counts and confusion matrices compare exactly in effect.
    func checkShardedEvaluation(single: URL, ranks: URL, singleOutput: String, ranksOutput: String, epochs: Int) throws {
        let a = try metricsRecords(single), b = try metricsRecords(ranks)
        XCTAssertEqual(a.count, epochs + 1, "an epoch record per epoch and the test record")
        XCTAssertEqual(b.count, a.count)
        // Each run has its own id; timings differ.
        let timing = { (key: String) in key == "run_id" || Self.isTiming(key) }
        var worst = 0.0
        for (x, y) in zip(a, b) {
            let name = "\(x["split"] ?? "?") epoch \(x["epoch"] ?? "?")"
            compareJSON(x.filter { !timing($0.key) }, y.filter { !timing($0.key) },
                        at: name, tolerance: 1e-5, worst: &worst)
        }
        XCTAssertEqual(b.last?["split"] as? String, "test")
        print(String(format: "MPI sharded evaluation: metrics.jsonl of 2 ranks vs 1 process, worst relative difference %.2e", worst))

        // The work was split: each rank's own count of images run through the eval program, gathered.
        // val: 15 images = batches 4+4+4+3; rank 0 the first 2 (8 images), rank 1 the last 2 (7).
        // test: 9 images = batches 4+4+1; rank 0 the first 2 (8), rank 1 the last (1). Two views each.
        let val = "MPI: val evaluated on 2 ranks: 16 + 14 of 30 image evaluations (15 images x 2 views), rank 0 ran 16"
        let calibration = "MPI: val (calibration) evaluated on 2 ranks: 16 + 14 of 30 image evaluations (15 images x 2 views), rank 0 ran 16"
        let test = "MPI: test evaluated on 2 ranks: 16 + 2 of 18 image evaluations (9 images x 2 views), rank 0 ran 16"
        func count(_ line: String) -> Int { ranksOutput.components(separatedBy: line).count - 1 }
        XCTAssertEqual(count(val), epochs, "every epoch's validation is sharded:\n" + ranksOutput.suffix(4000))
        XCTAssertEqual(count(calibration), 1, String(ranksOutput.suffix(4000)))
        XCTAssertEqual(count(test), 1, String(ranksOutput.suffix(4000)))
        XCTAssertEqual(count(" evaluated on 2 ranks: "), epochs + 2, "no other evaluation of a split")
        XCTAssertFalse(singleOutput.contains(" evaluated on "), "one process evaluates without MPI")
    }

    /// The 2-rank run's test record against this process evaluating the same best checkpoint (its
    /// calibrated temperature and threshold) over the whole test split: the same weights, so the
    /// sharding and the gather must change nothing. Tolerance 1e-12 relative (JSON's decimal
    /// printing), far below the 3e-7 that BatchNorm statistics allow between the two runs.
    func checkTestRecordAgainstOneProcess(ranks: URL, config: TrainingConfig, artifact: URL, cache: URL) throws {
        let program = try CompiledProgram(directory: artifact)
        let state = try StateBlocks(layout: program.manifest.layout)
        let checkpoints = ranks.appendingPathComponent("checkpoints")
        let best = try CheckpointStore(directory: checkpoints, access: .read).resolve("best")
        let trainer = try TrainerState.decode(try CheckpointStore.load(best, into: state).trainerState, path: best.path)
        let images = try ImageCache(directory: cache, preprocessor: config.preprocessor)
        guard let frozen = try FrozenSplit.read(from: checkpoints) else { return XCTFail("no split.json in \(checkpoints.path)") }
        let data = try TrainingData.prepare(config: config, cache: images, threads: 1,
                                            split: .frozen(frozen, source: checkpoints.path, allowDataChange: false))
        let evaluator = try Evaluator(program: program, state: state, arena: try Arena(bytes: program.manifest.eval.arenaBytes),
                                      cache: images, workers: 1)
        let output = try evaluator.run(data.test, block: .ema, views: try Trainer.views(config))
        XCTAssertEqual(evaluator.imagesEvaluated, data.test.count * 2)
        let report = ClassificationMetrics(probabilities: output.probabilities(temperature: trainer.temperature), truth: output.labels,
                                           classCount: data.classNames.count, positive: config.data.malignantIndex, threshold: trainer.threshold)
        let mine = EpochRecord(split: "test", epoch: trainer.epoch, phase: config.phase(ofEpoch: trainer.epoch), lr: 0, trainLoss: nil,
                               output: output, report: report, temperature: trainer.temperature)
        let encoded = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(mine)) as? [String: Any] ?? [:]
        guard let logged = try metricsRecords(ranks).last, logged["split"] as? String == "test" else { return XCTFail("no test record") }
        var worst = 0.0
        for (key, value) in encoded where key != "is_best" && !Self.isTiming(key) {
            compareJSON(value, logged[key], at: "test record vs one process: \(key)", tolerance: 1e-12, worst: &worst)
        }
        print(String(format: "MPI sharded test evaluation vs one process on the same checkpoint: worst relative difference %.2e", worst))
    }
}
