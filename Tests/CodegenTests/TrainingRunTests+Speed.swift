import Foundation
import XCTest
@testable import Runtime
@testable import Training

/// The training-speed figures of a real tiny run: every validation record carries them, they add
/// up, and host work done between steps is counted as host time, not compute.
extension TrainingRunTests {
    func testEpochRecordsSplitTrainingTimeIntoComputeDataWaitAndHost() throws {
        let root = try Harness.temporaryDirectory("speed")
        defer { try? FileManager.default.removeItem(at: root) }
        try makeData(root)
        let config = try makeConfig(root)
        var lines: [String] = []
        let run = try TrainingRun(config: config, program: try program(config),
                                  options: TrainingRun.Options(start: .fresh(initWeights: nil), cacheDirectory: root.appendingPathComponent("cache")),
                                  console: { lines.append($0) })
        // 30 ms of host work after every optimizer step (as a slow observer would add).
        let sleep = 0.03
        let previous = run.trainer.onStep
        run.trainer.onStep = { e in previous?(e); usleep(UInt32(sleep * 1e6)) }
        let started = DispatchTime.now().uptimeNanoseconds
        _ = try run.execute(interrupted: { false })
        let wall = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9

        let text = try String(contentsOf: root.appendingPathComponent("logs/metrics.jsonl"), encoding: .utf8)
        let records = text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let val = records.filter { $0["split"] as? String == "val" }
        XCTAssertEqual(val.count, 4)
        var trained = 0.0
        for r in val {
            func d(_ k: String) throws -> Double { try XCTUnwrap((r[k] as? NSNumber)?.doubleValue, "\(k) missing in \(r)") }
            let total = try d("train_seconds"), compute = try d("compute_seconds"), wait = try d("data_wait_seconds"), host = try d("host_seconds")
            XCTAssertEqual(compute, try d("step_compute_seconds") + d("update_compute_seconds"), accuracy: 1e-9)
            XCTAssertEqual(compute + wait + host, total, accuracy: 1e-9 * max(1, total))
            XCTAssertGreaterThan(compute, 0)
            // 24 training images in 6 micro-batches of 4, 3 optimizer steps (accumulation 2).
            XCTAssertEqual(try d("train_images"), 24)
            XCTAssertEqual(try d("optimizer_steps"), 3)
            XCTAssertEqual(try d("images_per_second"), 24 / total, accuracy: 1e-9 * 24 / total)
            XCTAssertEqual(try d("seconds_per_optimizer_step"), total / 3, accuracy: 1e-12 * total)
            // The sleeps are host time: at least 3 per epoch, and none of it in compute.
            XCTAssertGreaterThanOrEqual(host, 3 * sleep * 0.99, "host \(host) s")
            // Validation is timed apart: the epoch is training plus validation (plus the checkpoint's share of nothing).
            XCTAssertLessThanOrEqual(total + (try d("eval_seconds")), try d("epoch_seconds") + 1e-9)
            XCTAssertGreaterThan(try d("eval_images_per_second"), 0)
            // Two loader threads decoded and augmented 24 images: some CPU time, less than the wall time of two threads.
            let loader = try d("loader_cpu_seconds")
            XCTAssertGreaterThan(loader, 0)
            XCTAssertLessThan(loader, 2 * (try d("epoch_seconds")) + 0.05)
            trained += total
        }
        XCTAssertLessThan(trained, wall, "the timed training fits in the run's wall time")
        // The log: the epoch lines carry the split, the end of the run one line per phase.
        XCTAssertEqual(lines.filter { $0.hasPrefix("Epoch ") && $0.contains("compute ") && $0.contains("data wait ") }.count, 4,
                       lines.joined(separator: "\n"))
        for phase in 1...4 {
            XCTAssertTrue(lines.contains { $0.hasPrefix("training speed, phase \(phase) (1 epoch): ") && $0.contains("img/s") },
                          lines.joined(separator: "\n"))
        }
        XCTAssertTrue(lines.contains { $0.hasPrefix("threads: OpenMP runtime") && $0.contains("OpenBLAS uses the same OpenMP pool") },
                      lines.filter { $0.hasPrefix("threads") }.joined(separator: "\n"))
    }
}
