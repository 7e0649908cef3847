import Graph
import XCTest
@testable import Runtime

/// The optimizer inputs of an update entry: hyper slots by name, bias correction per group.
final class OptimizerInputsTests: XCTestCase {
    /// Each value lands in its `Hyper` slot; unused slots are zero.
    func testHyperSlots() {
        let i = OptimizerInputs(learningRate: 3e-4, weightDecay: 1e-4, gradScale: 0.25, maxGradNorm: 1, emaDecay: 0.9998,
                                adamSteps: [1, 1, 1, 1])
        XCTAssertEqual(i.hyper.count, Hyper.count)
        XCTAssertEqual(i.hyper[0], 3e-4)  // learningRate
        XCTAssertEqual(i.hyper[1], 1e-4)  // weightDecay
        XCTAssertEqual(i.hyper[2], 0.25)  // gradScale
        XCTAssertEqual(i.hyper[3], 1)  // maxGradNorm
        XCTAssertEqual(i.hyper[4], 0.9998)  // emaDecay
        XCTAssertEqual(Array(i.hyper[5...]), [0, 0, 0])
    }

    /// (1 - 0.9^t, 1 - 0.999^t) per group against values computed by hand; a group that never
    /// stepped gets (1, 1) so its (unused) division is harmless.
    func testBiasCorrectionPerGroup() {
        let i = OptimizerInputs(learningRate: 1, weightDecay: 0, adamSteps: [0, 1, 2, 10])
        XCTAssertEqual(i.biasCorrection.count, 2 * Phase.recipe.count)
        let expected: [Double] = [1, 1, 0.1, 0.001, 0.19, 0.001999, 0.6513215599, 0.00995512]
        for (got, want) in zip(i.biasCorrection, expected) { XCTAssertEqual(Double(got), want, accuracy: 1e-6) }
    }
}
