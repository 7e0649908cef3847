import XCTest
@testable import Graph

/// The model builders against torchvision's published counts and PyTorch's FLOP counter.
final class ModelTests: XCTestCase {
    func summary(_ v: ModelVariant, classes: Int, head: HeadKind, imageSize: Int? = nil) throws -> ModelSummary {
        try ModelSummary(config: ModelConfig(variant: v, classes: classes, imageSize: imageSize, head: head), phases: [])
    }

    /// torchvision `efficientnet_v2_s/m` `num_params` (1000 classes) and the 3-class variants.
    func testTorchvisionParameterCounts() throws {
        XCTAssertEqual(try summary(.s, classes: 1000, head: .torchvision).parameters, 21_458_488)
        XCTAssertEqual(try summary(.m, classes: 1000, head: .torchvision).parameters, 54_139_356)
        XCTAssertEqual(try summary(.s, classes: 3, head: .torchvision).parameters, 20_181_331)
        XCTAssertEqual(try summary(.m, classes: 3, head: .torchvision).parameters, 52_862_199)
    }

    /// The BreastAI model: backbone features + CBAM 204,898 + head 789,507 (3 classes).
    func testBreastAIParameterCounts() throws {
        let head = HeadKind.breastAI(cbam: true, dropout: 0.45)
        XCTAssertEqual(try summary(.s, classes: 3, head: head).parameters, 21_171_893)
        XCTAssertEqual(try summary(.m, classes: 3, head: head).parameters, 53_852_761)
        let noCBAM = try summary(.s, classes: 3, head: .breastAI(cbam: false, dropout: 0.45)).parameters
        XCTAssertEqual(21_171_893 - noCBAM, 204_898)
    }

    /// state_dict tensor counts: parameters + (running_mean, running_var, num_batches_tracked) per BN.
    func testStateDictTensorCounts() throws {
        for (v, expected) in [(ModelVariant.s, 782), (.m, 1120)] {
            let g = TrainingProgram.buildEval(ModelConfig(variant: v, classes: 1000, head: .torchvision))
            let buffers = g.states(.buffer).count
            XCTAssertEqual(g.states(.parameter).count + buffers + buffers / 2, expected, "\(v)")
        }
    }

    /// Buffers (running mean + var) are 153,872 floats for S and 292,032 for M.
    func testBufferCounts() throws {
        XCTAssertEqual(try summary(.s, classes: 1000, head: .torchvision).bufferElements, 153_872)
        XCTAssertEqual(try summary(.m, classes: 1000, head: .torchvision).bufferElements, 292_032)
    }

    /// torch.utils.flop_counter on torchvision's models at 512x512: S 29.73 GFLOP, M 55.93 GFLOP.
    func testForwardFLOPsMatchPyTorchCounter() throws {
        let s = Double(try summary(.s, classes: 1000, head: .torchvision, imageSize: 512).forwardFlopsPerImage)
        let m = Double(try summary(.m, classes: 1000, head: .torchvision, imageSize: 512).forwardFlopsPerImage)
        XCTAssertEqual(s / 29.73e9, 1, accuracy: 0.02)
        XCTAssertEqual(m / 55.93e9, 1, accuracy: 0.02)
        // torchvision's `_ops` (GMACs at the eval resolution): S 8.366 @384, M 24.582 @480.
        let s384 = Double(try summary(.s, classes: 1000, head: .torchvision, imageSize: 384).forwardFlopsPerImage)
        let m480 = Double(try summary(.m, classes: 1000, head: .torchvision, imageSize: 480).forwardFlopsPerImage)
        XCTAssertEqual(s384 / 2 / 8.366e9, 1, accuracy: 0.002)
        XCTAssertEqual(m480 / 2 / 24.582e9, 1, accuracy: 0.002)
    }

    /// The tiny model has the parameter counts PyTorch reports for the fixture networks.
    func testTinyMatchesFixtureModels() throws {
        XCTAssertEqual(try summary(.tiny, classes: 3, head: .torchvision).parameters, 40_155)
        XCTAssertEqual(try summary(.tiny, classes: 3, head: .breastAI(cbam: true, dropout: 0)).parameters, 43_837)
    }

    func testTorchvisionNames() throws {
        let g = TrainingProgram.buildEval(ModelConfig(variant: .s, classes: 3))
        let names = Set(g.states(.parameter).map { g.nodes[$0].name })
        for (name, shape) in [("features.2.0.block.0.0.weight", [96, 24, 3, 3]),
                              ("features.4.0.block.2.fc1.weight", [16, 256, 1, 1]),
                              ("features.4.0.block.3.0.weight", [128, 256, 1, 1]),
                              ("features.7.0.weight", [1280, 256, 1, 1]),
                              ("cbam.channel_attention.fc.0.weight", [80, 1280, 1, 1]),
                              ("cbam.spatial_attention.conv.weight", [1, 2, 7, 7]),
                              ("classifier.9.weight", [3, 256])] {
            XCTAssertTrue(names.contains(name), name)
            XCTAssertEqual(g.state(.parameter, name).map { g.nodes[$0].type.shape }, shape, name)
        }
        XCTAssertNotNil(g.state(.buffer, "features.6.14.block.1.1.running_var"))
    }

    func testAllGraphsVerify() throws {
        for v in ModelVariant.allCases {
            for phase in Phase.recipe {
                let p = try TrainingProgram(config: ModelConfig(variant: v, imageSize: v == .tiny ? 32 : 64), phase: phase)
                try p.step.verify(); try p.update.verify(); try p.eval.verify()
            }
        }
    }

    func testConfigurationErrorsNameTheValue() {
        XCTAssertThrowsError(try ModelConfig(variant: .s, imageSize: 16).validate()) {
            XCTAssertTrue("\($0)".contains("image size"), "\($0)")
        }
        XCTAssertThrowsError(try ModelConfig(variant: .s, classes: 1).validate())
        XCTAssertThrowsError(try Phase.recipe(5))
    }
}
