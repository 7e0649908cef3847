import Foundation
import XCTest
@testable import Training

/// The per-optimizer-step learning rate: values worked out by hand at chosen steps.
final class ScheduleTests: XCTestCase {
    /// base 1, 10 epochs of 2 steps, warmup 2 epochs (4 steps), restarts after epochs 5 and 8
    /// (cycles [4,10), [10,16), [16,20)), phases end after epochs 2/6/8 with multipliers 1/.5/.3/.1.
    private let small = LRSchedule(base: 1, epochs: 10, stepsPerEpoch: 2, warmupEpochs: 2,
                                   restartEpochs: [5, 8], phaseEnds: [2, 6, 8],
                                   multipliers: [1, 0.5, 0.3, 0.1])

    func testHandValues() {
        let s = small
        XCTAssertEqual(s.cycleBoundaries, [4, 10, 16, 20])
        XCTAssertEqual(s.totalSteps, 20)
        // warmup: base·(s+1)/4, the first step is not 0
        XCTAssertEqual(s.lr(step: 0), 0.25, accuracy: 1e-12)
        XCTAssertEqual(s.lr(step: 1), 0.5, accuracy: 1e-12)
        XCTAssertEqual(s.lr(step: 3), 1.0, accuracy: 1e-12)          // end of warmup = base
        // step 4: epoch 3 (phase 2, ×0.5), cycle start t=0 → base
        XCTAssertEqual(s.lr(step: 4), 0.5, accuracy: 1e-12)
        // mid-cycle: t=3 of T=6 → cos(π/2)=0 → 0.5, epoch 4 phase 2 → 0.25
        XCTAssertEqual(s.lr(step: 7), 0.25, accuracy: 1e-12)
        // just before the restart: t=5, T=6 → (1+cos(5π/6))/2 = 0.0669873, ×0.5
        XCTAssertEqual(s.lr(step: 9), 0.5 * (1 - 0.8660254037844386) / 2, accuracy: 1e-12)
        // just after: epoch 6 still phase 2 (phase ends after epoch 6) → 0.5·1
        XCTAssertEqual(s.lr(step: 10), 0.5, accuracy: 1e-12)
        // epoch 7 is phase 3 (×0.3): t=2, T=6 → (1+cos(π/3))/2 = 0.75
        XCTAssertEqual(s.lr(step: 12), 0.3 * 0.75, accuracy: 1e-12)
        // second restart after epoch 8: step 16, epoch 9, phase 4 → 0.1
        XCTAssertEqual(s.lr(step: 15), 0.3 * (1 + cos(Double.pi * 5 / 6)) / 2, accuracy: 1e-12)
        XCTAssertEqual(s.lr(step: 16), 0.1, accuracy: 1e-12)
        // last step: t=3, T=4 → (1+cos(3π/4))/2 = 0.1464466, ×0.1
        XCTAssertEqual(s.lr(step: 19), 0.1 * (1 - 0.7071067811865476) / 2, accuracy: 1e-12)
        // past the end is clamped to the last step
        XCTAssertEqual(s.lr(step: 25), s.lr(step: 19))
        XCTAssertEqual(s.lr(epoch: 4, stepInEpoch: 1), s.lr(step: 7))
    }

    func testPhases() {
        let s = small
        XCTAssertEqual((1...10).map { s.phase(epoch: $0) }, [1, 1, 2, 2, 2, 2, 3, 3, 4, 4])
        let ultra = LRSchedule(base: 3e-4, epochs: 80, stepsPerEpoch: 10)
        XCTAssertEqual(ultra.phase(epoch: 8), 1)
        XCTAssertEqual(ultra.phase(epoch: 9), 2)
        XCTAssertEqual(ultra.phase(epoch: 20), 2)
        XCTAssertEqual(ultra.phase(epoch: 21), 3)
        XCTAssertEqual(ultra.phase(epoch: 40), 3)
        XCTAssertEqual(ultra.phase(epoch: 41), 4)
        XCTAssertEqual(ultra.multiplier(epoch: 41), 0.1)
        XCTAssertEqual(s.epoch(step: 0), 1)
        XCTAssertEqual(s.epoch(step: 1), 1)
        XCTAssertEqual(s.epoch(step: 2), 2)
        XCTAssertEqual(s.epoch(step: 19), 10)
    }

    func testPhaseBoundaryJumps() {
        // Without warmup or restarts, one cosine over 4 epochs of 1 step; phases end after 1, 2, 3.
        let s = LRSchedule(base: 2, epochs: 4, stepsPerEpoch: 1, phaseEnds: [1, 2, 3],
                           multipliers: [1, 0.5, 0.3, 0.1])
        let g = (0..<4).map { (1 + cos(Double.pi * Double($0) / 4)) }   // = 2·(1+cos)/2
        XCTAssertEqual(s.lr(step: 0), 2, accuracy: 1e-12)
        XCTAssertEqual(s.lr(step: 1), 0.5 * g[1], accuracy: 1e-12)
        XCTAssertEqual(s.lr(step: 2), 0.3 * g[2], accuracy: 1e-12)
        XCTAssertEqual(s.lr(step: 3), 0.1 * g[3], accuracy: 1e-12)
    }

    func testEtaMin() {
        let s = LRSchedule(base: 1, epochs: 10, stepsPerEpoch: 2, warmupEpochs: 2, restartEpochs: [5, 8],
                           phaseEnds: [2, 6, 8], multipliers: [1, 0.5, 0.3, 0.1], etaMin: 0.1)
        XCTAssertEqual(s.lr(step: 7), 0.5 * (0.1 + 0.9 * 0.5), accuracy: 1e-12)
        XCTAssertEqual(s.lr(step: 4), 0.5, accuracy: 1e-12)
        XCTAssertEqual(s.lr(step: 0), 0.25, accuracy: 1e-12)   // warmup ignores etaMin
    }

    func testUltraRecipe() {
        let s = LRSchedule(base: 3e-4, epochs: 80, stepsPerEpoch: 10, warmupEpochs: 8,
                           restartEpochs: [25, 50, 70])
        XCTAssertEqual(s.cycleBoundaries, [80, 250, 500, 700, 800])
        XCTAssertEqual(s.lr(step: 0), 3e-4 / 80, accuracy: 1e-15)
        XCTAssertEqual(s.lr(step: 79), 3e-4, accuracy: 1e-15)          // warmup end, phase 1
        XCTAssertEqual(s.lr(step: 80), 1.5e-4, accuracy: 1e-15)        // epoch 9: phase 2, cycle start
        XCTAssertEqual(s.lr(step: 250), 0.3 * 3e-4, accuracy: 1e-15)   // restart after epoch 25, phase 3
        XCTAssertEqual(s.lr(step: 500), 0.1 * 3e-4, accuracy: 1e-15)   // restart after epoch 50, phase 4
        XCTAssertEqual(s.lr(step: 700), 0.1 * 3e-4, accuracy: 1e-15)   // restart after epoch 70
        XCTAssertGreaterThan(s.lr(step: 799), 0)
        XCTAssertLessThan(s.lr(step: 799), 1e-7)

        // Inside every cycle the LR never increases (the phase multiplier only drops); in the warmup it rises.
        let b = s.cycleBoundaries
        for i in 0 ..< b.count - 1 {
            for step in b[i] ..< b[i + 1] - 1 {
                XCTAssertGreaterThanOrEqual(s.lr(step: step), s.lr(step: step + 1), "step \(step)")
                XCTAssertGreaterThan(s.unscaled(step: step), s.unscaled(step: step + 1), "step \(step)")
            }
        }
        for step in 0 ..< 79 { XCTAssertLessThan(s.lr(step: step), s.lr(step: step + 1)) }
    }

    func testContinuityAtWarmupEnd() {
        // No phase change at the warmup end: the last warmup step and the first cosine step are both base,
        // and the next cosine step is within one step's worth of decay.
        let s = LRSchedule(base: 1, epochs: 20, stepsPerEpoch: 50, warmupEpochs: 2, phaseEnds: [], multipliers: [1])
        XCTAssertEqual(s.lr(step: 99), 1, accuracy: 1e-12)
        XCTAssertEqual(s.lr(step: 100), 1, accuracy: 1e-12)
        XCTAssertEqual(s.lr(step: 101), (1 + cos(Double.pi / 900)) / 2, accuracy: 1e-12)
        XCTAssertLessThan(abs(s.lr(step: 98) - s.lr(step: 99)), 0.011)
    }

    func testRestartsOutsideRangeIgnoredAndStepCounts() {
        let s = LRSchedule(base: 1, epochs: 10, stepsPerEpoch: 3, warmupEpochs: 2, restartEpochs: [1, 2, 5, 5, 10, 12])
        XCTAssertEqual(s.restartEpochs, [5])
        XCTAssertEqual(s.cycleBoundaries, [6, 15, 30])
        XCTAssertEqual(LRSchedule.optimizerSteps(batches: 10, accumulation: 4), 3)
        XCTAssertEqual(LRSchedule.optimizerSteps(batches: 8, accumulation: 4), 2)
        XCTAssertEqual(LRSchedule.optimizerSteps(batches: 1, accumulation: 4), 1)
    }

    func testNoWarmupStartsAtBase() {
        let s = LRSchedule(base: 0.01, epochs: 3, stepsPerEpoch: 4, phaseEnds: [], multipliers: [1])
        XCTAssertEqual(s.lr(step: 0), 0.01, accuracy: 1e-15)
        XCTAssertEqual(s.lr(step: 6), 0.005, accuracy: 1e-15)   // t=6 of T=12
    }
}
