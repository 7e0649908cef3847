import Foundation
import XCTest
@testable import Runtime
@testable import Training

/// The speed figures' arithmetic, the run projection against a hand calculation, and thread
/// placement left to the user when the user set one.
final class TrainingSpeedTests: XCTestCase {
    func testSpeedSplitsIntoComputeDataWaitAndHost() {
        var s = TrainingSpeed()
        s.seconds = 10; s.stepSeconds = 8; s.updateSeconds = 1; s.dataWaitSeconds = 0.5
        s.images = 98; s.microBatches = 25; s.optimizerSteps = 7
        XCTAssertEqual(s.computeSeconds, 9)
        XCTAssertEqual(s.hostSeconds, 0.5, accuracy: 1e-12)
        XCTAssertEqual(s.computeSeconds + s.dataWaitSeconds + s.hostSeconds, s.seconds, accuracy: 1e-12)
        XCTAssertEqual(s.imagesPerSecond!, 9.8, accuracy: 1e-12)
        XCTAssertEqual(s.secondsPerOptimizerStep!, 10.0 / 7, accuracy: 1e-12)
        s.loaderCPUSeconds = 0.4
        XCTAssertEqual(s.summary, "9.8 img/s, 1.43 s per optimizer step, compute 90%, data wait 5%, host 5%, loaders 4% of a core")
        let sum = s + s
        XCTAssertEqual(sum.seconds, 20); XCTAssertEqual(sum.images, 196); XCTAssertEqual(sum.optimizerSteps, 14)
        XCTAssertEqual(sum.imagesPerSecond!, 9.8, accuracy: 1e-12)
        XCTAssertNil(TrainingSpeed().imagesPerSecond)
    }

    /// A checkpoint written before the speed figures still resumes (no "speed" key: zeros).
    func testEpochSumsWithoutSpeedDecode() throws {
        let old = #"{"loss": 1.5, "batches": 3, "images": 12, "seconds": 4.25}"#
        let sums = try JSONDecoder().decode(TrainerState.EpochSums.self, from: Data(old.utf8))
        XCTAssertEqual(sums.images, 12); XCTAssertEqual(sums.seconds, 4.25)
        XCTAssertEqual(sums.speed, TrainingSpeed())
        var withSpeed = sums
        withSpeed.speed.stepSeconds = 2
        let again = try JSONDecoder().decode(TrainerState.EpochSums.self, from: JSONEncoder().encode(withSpeed))
        XCTAssertEqual(again, withSpeed)
    }

    /// ULTRA-S's shape: 53,000 images, val 15%, test 10%, batch 4 x 4, 80 epochs in phases
    /// 8/12/20/40, TTA x6, calibration on. The numbers below are worked by hand.
    func testProjectionMatchesAHandCalculation() throws {
        let split = RunProjection.Split(images: 53_000, valFraction: 0.15, testFraction: 0.10)
        XCTAssertEqual(split, RunProjection.Split(train: 39_750, val: 7_950, test: 5_300))
        let ends = [8, 20, 40]
        let times: [Int: RunProjection.PhaseTimes] = [1: .init(microBatch: 0.4, update: 0.01), 2: .init(microBatch: 0.6, update: 0.05),
                                                      3: .init(microBatch: 1.0, update: 0.1), 4: .init(microBatch: 1.5, update: 0.25)]
        let p = try RunProjection(split: split, batch: 4, accumulation: 4, epochs: 80,
                                  phaseOfEpoch: { e in 1 + ends.filter { $0 < e }.count }, times: times,
                                  evalBatch: 0.5, views: 6, calibration: true)
        XCTAssertEqual(p.rows.map(\.phase), [1, 2, 3, 4])
        XCTAssertEqual(p.rows.map(\.epochs), [8, 12, 20, 40])
        // 39,750 / 4 = 9,937.5 -> 9,938 micro-batches; / 4 = 2,484.5 -> 2,485 optimizer steps.
        XCTAssertEqual(p.rows[0].microBatchesPerEpoch, 9_938)
        XCTAssertEqual(p.rows[0].optimizerStepsPerEpoch, 2_485)
        // Phase 4: 9,938 x 1.5 + 2,485 x 0.25 = 14,907 + 621.25 = 15,528.25 s per epoch.
        XCTAssertEqual(p.rows[3].trainSecondsPerEpoch, 15_528.25, accuracy: 1e-6)
        // Phase 1: 9,938 x 0.4 + 2,485 x 0.01 = 3,975.2 + 24.85 = 4,000.05 s.
        XCTAssertEqual(p.rows[0].trainSecondsPerEpoch, 4_000.05, accuracy: 1e-6)
        // Validation: ceil(7,950 / 4) = 1,988 batches x 6 views x 0.5 s = 5,964 s per epoch.
        XCTAssertEqual(p.rows[2].validationSecondsPerEpoch, 5_964, accuracy: 1e-9)
        // End: calibration 5,964 + test ceil(5,300 / 4) = 1,325 x 6 x 0.5 = 3,975 -> 9,939 s.
        XCTAssertEqual(p.finalSeconds, 9_939, accuracy: 1e-9)
        // Phases 2, 3: 9,938 x 0.6 + 2,485 x 0.05 = 5,962.8 + 124.25 = 6,087.05; 9,938 + 248.5 = 10,186.5.
        // Total: 8 x 4,000.05 + 12 x 6,087.05 + 20 x 10,186.5 + 40 x 15,528.25 + 80 x 5,964 + 9,939
        //      = 32,000.4 + 73,044.6 + 203,730 + 621,130 + 477,120 + 9,939 = 1,416,964 s (16.4 days).
        XCTAssertEqual(p.totalSeconds, 1_416_964, accuracy: 1e-3)
        XCTAssertEqual(p.validationShare, (477_120.0 + 9_939) / 1_416_964, accuracy: 1e-12)
        XCTAssertEqual(RunProjection.duration(p.totalSeconds), "16.4 days")
        XCTAssertTrue(p.table(title: "S").contains("| **total** | 80 |"))
        // The training overhead scales the training part only.
        let slower = try RunProjection(split: split, batch: 4, accumulation: 4, epochs: 80,
                                       phaseOfEpoch: { e in 1 + ends.filter { $0 < e }.count }, times: times,
                                       evalBatch: 0.5, views: 6, calibration: true, overhead: 0.1)
        XCTAssertEqual(slower.rows[3].trainSecondsPerEpoch, 15_528.25 * 1.1, accuracy: 1e-6)
        XCTAssertEqual(slower.rows[3].validationSecondsPerEpoch, 5_964, accuracy: 1e-9)
        XCTAssertThrowsError(try RunProjection(split: split, batch: 4, accumulation: 4, epochs: 80, phaseOfEpoch: { _ in 4 },
                                               times: [1: times[1]!], evalBatch: 0.5, views: 1, calibration: false))
    }

    /// A placement the user set (any of the four variables) is kept and nothing is exported; without
    /// one the preferred placement is exported.
    func testThreadPlacementRespectsTheUser() {
        let saved = ThreadPlacement.variables.map { ($0, getenv($0).map { String(cString: $0) }) }
        defer { for (k, v) in saved { if let v { setenv(k, v, 1) } else { unsetenv(k) } } }
        for k in ThreadPlacement.variables { unsetenv(k) }
        for user in ["OMP_PROC_BIND", "OMP_PLACES", "GOMP_CPU_AFFINITY", "KMP_AFFINITY"] {
            let line = ThreadPlacement.configure(preferred: (bind: "close", places: "cores"), threads: 2, cores: 2, load: 1.5, environment: [user: "spread"])
            XCTAssertTrue(line.contains("\(user)=spread") && line.contains("kept"), line)
            XCTAssertNil(getenv("OMP_PROC_BIND"), "\(user) set by the user: nothing exported")
            XCTAssertNil(getenv("OMP_PLACES"))
        }
        XCTAssertTrue(ThreadPlacement.configure(preferred: nil, threads: 2, cores: 2, load: 1.5, environment: [:]).contains("default"))
        XCTAssertNil(getenv("OMP_PROC_BIND"))
        // Threads on part of the machine: left unbound.
        XCTAssertTrue(ThreadPlacement.configure(preferred: (bind: "close", places: "cores"), threads: 2, cores: 4, load: 3, environment: [:])
            .contains("2 threads on 4 cores"))
        XCTAssertNil(getenv("OMP_PROC_BIND"))
        // An idle machine: left unbound (binding cost 3-5% there).
        XCTAssertTrue(ThreadPlacement.configure(preferred: (bind: "close", places: "cores"), threads: 2, cores: 2, load: 0.4, environment: [:])
            .contains("idle"))
        XCTAssertNil(getenv("OMP_PROC_BIND"))
        let line = ThreadPlacement.configure(preferred: (bind: "close", places: "cores"), threads: 2, cores: 2, load: 1.5, environment: [:])
        XCTAssertTrue(line.contains("set by breastai-run"), line)
        XCTAssertEqual(getenv("OMP_PROC_BIND").map { String(cString: $0) }, "close")
        XCTAssertEqual(getenv("OMP_PLACES").map { String(cString: $0) }, "cores")
    }
}
