import XCTest
@testable import Training

/// `--epochs N` alone: the phase ends, warmup and restarts follow, and the result loads.
final class EpochScalingTests: XCTestCase {
    func scaled(_ epochs: Int, keep: [String: String] = [:]) throws -> TrainingConfig {
        let base = try TrainingConfig.defaults(overrides: keep)
        var o = base.epochScalingOverrides(to: epochs, keep: Set(keep.keys))
        o.merge(keep) { _, new in new }
        o["training.epochs"] = "\(epochs)"
        return try TrainingConfig.defaults(overrides: o)
    }

    func testHalfTheEpochs() throws {
        // ULTRA: 80 epochs, phases 8/20/40/80, warmup 8, restarts 25/50/70.
        let c = try scaled(40)
        XCTAssertEqual(c.model.progressiveUnfreezing.phaseEnds, [4, 10, 20, 40])
        XCTAssertEqual(c.training.warmupEpochs, 4)
        XCTAssertEqual(c.training.restartEpochs, [13, 25, 35])  // 12.5 rounds to 13
    }

    func testVeryShortRunsStayValid() throws {
        let c = try scaled(5)
        XCTAssertEqual(c.model.progressiveUnfreezing.phaseEnds, [1, 2, 3, 5])
        XCTAssertEqual(c.training.warmupEpochs, 0)
        XCTAssertEqual(c.training.restartEpochs, [2, 3, 4])  // 1.6, 3.1, 4.4
        XCTAssertEqual(try scaled(4).model.progressiveUnfreezing.phaseEnds, [1, 2, 3, 4])
    }

    func testExplicitKeysAreKept() throws {
        let c = try scaled(40, keep: ["training.warmup_epochs": "2", "training.restart_epochs": "[30]"])
        XCTAssertEqual(c.training.warmupEpochs, 2)
        XCTAssertEqual(c.training.restartEpochs, [30])
        XCTAssertEqual(c.model.progressiveUnfreezing.phaseEnds, [4, 10, 20, 40])
    }

    func testLongerRuns() throws {
        let c = try scaled(160)
        XCTAssertEqual(c.model.progressiveUnfreezing.phaseEnds, [16, 40, 80, 160])
        XCTAssertEqual(c.training.restartEpochs, [50, 100, 140])
    }

    func testPhaseOfEpochAndModel() throws {
        let c = try TrainingConfig.defaults()
        XCTAssertEqual([1, 8, 9, 20, 21, 40, 41, 80].map { c.phase(ofEpoch: $0) }, [1, 1, 2, 2, 3, 3, 4, 4])
        let off = try TrainingConfig.defaults(overrides: ["model.progressive_unfreezing.enabled": "false"])
        XCTAssertEqual(off.phase(ofEpoch: 1), 4)
        XCTAssertEqual(c.modelConfig.batch, 4)
        XCTAssertEqual(c.modelConfig.imageSize, 512)
        XCTAssertEqual(c.lossAttrs.alpha, [0.25, 0.5, 0.25])
    }
}
