import Foundation
import XCTest
@testable import Graph

/// The interpreter's Winograd F(2x2, 3x3) (which stands for the compiled bf16 program's in
/// `CompiledVsInterpreterTests`) against its direct convolution kernels: without rounding the two
/// are the same sums in another order, equal to Double's rounding; with bf16 rounding of the
/// transformed operands they differ by about bf16's resolution, and not by more.
final class WinogradTests: XCTestCase {
    func tensor(_ shape: [Int], _ rng: inout SplitMix64) -> Tensor {
        Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { _ in rng.normal() })
    }

    func relative(_ a: Tensor, _ b: Tensor) -> Double {
        XCTAssertEqual(a.shape, b.shape)
        let scale = b.scalars.map(abs).max() ?? 0
        return (zip(a.scalars, b.scalars).map { abs($0 - $1) }.max() ?? 0) / max(scale, 1e-300)
    }

    /// Odd sizes (the last row and column of tiles half outside), more output than input channels.
    func testMatchesTheDirectConvolution() {
        var rng = SplitMix64(seed: 5)
        let a = Conv2DAttrs(stride: 1, padding: 1)
        let x = tensor([2, 7, 5, 3], &rng), w = tensor([4, 3, 3, 3], &rng), dy = tensor([2, 7, 5, 4], &rng)
        let exact: (Double) -> Double = { $0 }
        XCTAssertLessThan(relative(Winograd.forward(x, w, round: exact), Kernels.conv2d(x, w, a)), 1e-13)
        XCTAssertLessThan(relative(Winograd.backwardInput(dy, w, round: exact), Kernels.conv2dBackwardInput(dy, w, a, inputShape: x.shape)), 1e-13)
        XCTAssertLessThan(relative(Winograd.backwardWeight(dy, x, round: exact), Kernels.conv2dBackwardWeight(dy, x, a, weightShape: w.shape)), 1e-13)

        // Rounded as bf16 does: off by about 2⁻⁸ (a few times that through the transforms), not exact.
        for (got, want) in [(Winograd.forward(x, w, round: Kernels.bfloat16), Kernels.conv2d(x, w, a)),
                            (Winograd.backwardInput(dy, w, round: Kernels.bfloat16), Kernels.conv2dBackwardInput(dy, w, a, inputShape: x.shape)),
                            (Winograd.backwardWeight(dy, x, round: Kernels.bfloat16), Kernels.conv2dBackwardWeight(dy, x, a, weightShape: w.shape))] {
            let e = relative(got, want)
            XCTAssertGreaterThan(e, 1e-5)
            XCTAssertLessThan(e, 0.03)
        }
    }

    /// The rule the emitter and the interpreter share.
    func testWhichConvolutions() {
        let a = Conv2DAttrs(stride: 1, padding: 1)
        XCTAssertTrue(Winograd.applies(a, c: 16, k: 24, r: 3, s: 3))
        XCTAssertFalse(Winograd.applies(a, c: 8, k: 24, r: 3, s: 3))
        XCTAssertFalse(Winograd.applies(Conv2DAttrs(stride: 2, padding: 1), c: 16, k: 24, r: 3, s: 3))
        XCTAssertFalse(Winograd.applies(Conv2DAttrs(stride: 1, padding: 1, groups: 2), c: 16, k: 24, r: 3, s: 3))
        XCTAssertFalse(Winograd.applies(a, c: 16, k: 24, r: 3, s: 5))
        // bf16: F(2x2) with bf16 products from 32 channels (forward, dx) and 64 (dw), as in fp32 below
        XCTAssertFalse(Winograd.roundsInBF16(a, c: 24, k: 24, r: 3, s: 3))
        XCTAssertFalse(Winograd.roundsInBF16(a, c: 32, k: 24, r: 3, s: 3))
        XCTAssertTrue(Winograd.roundsInBF16(a, c: 32, k: 40, r: 3, s: 3))
        XCTAssertFalse(Winograd.roundsInBF16(Conv2DAttrs(stride: 2, padding: 1), c: 64, k: 64, r: 3, s: 3))
        XCTAssertFalse(Winograd.roundsWeightGradientInBF16(a, c: 48, k: 192, r: 3, s: 3))
        XCTAssertTrue(Winograd.roundsWeightGradientInBF16(a, c: 64, k: 256, r: 3, s: 3))
        XCTAssertFalse(Winograd.roundsWeightGradientInBF16(a, c: 256, k: 48, r: 3, s: 3))
    }
}
