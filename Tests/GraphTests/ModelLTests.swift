import XCTest
@testable import Graph

/// EfficientNetV2-L, built from its stage table and variant case alone, against torchvision's
/// `efficientnet_v2_l`.
///
/// The reference numbers were computed once with the reference venv (torch 2.15.0, torchvision
/// 0.29.2; `PY=$(/work/shared/tools/reference-venv.sh)`), on `m = torchvision.models.efficientnet_v2_l(num_classes=N)`:
/// parameters `sum(p.numel() for p in m.parameters())`, tensors `len(list(m.parameters()))` and
/// `len(m.state_dict())`, buffers the `running_mean` + `running_var` numel of every BatchNorm2d,
/// FLOPs `torch.utils.flop_counter.FlopCounterMode` around `m.eval()(torch.randn(1, 3, R, R))`,
/// stochastic depth `blk.stochastic_depth.p` of every block with `use_res_connect`. The GMACs are
/// torchvision's `EfficientNet_V2_L_Weights.IMAGENET1K_V1.meta["_ops"]`.
final class ModelLTests: XCTestCase {
    func summary(classes: Int, head: HeadKind = .torchvision, imageSize: Int? = nil) throws -> ModelSummary {
        try ModelSummary(config: ModelConfig(variant: .l, classes: classes, imageSize: imageSize, head: head), phases: [])
    }

    /// `num_params` 118,515,272 with 1000 classes (torchvision's published figure too), 117,238,115 with 3.
    func testTorchvisionParameterCounts() throws {
        let l1000 = try summary(classes: 1000)
        XCTAssertEqual(l1000.parameters, 118_515_272)
        XCTAssertEqual(l1000.parameterTensors, 897)
        XCTAssertEqual(try summary(classes: 3).parameters, 117_238_115)
        XCTAssertEqual(l1000.architecture, "efficientnet_v2_l")
        XCTAssertEqual(BackboneSpec.l.totalBlocks, 79)
    }

    /// `len(state_dict())` 1548 = 897 parameters + 217 BatchNorms x (running_mean, running_var,
    /// num_batches_tracked); the running statistics are 512,576 floats.
    func testStateDictAndBufferCounts() throws {
        let g = TrainingProgram.buildEval(ModelConfig(variant: .l, classes: 1000, head: .torchvision))
        let buffers = g.states(.buffer).count
        XCTAssertEqual(buffers, 2 * 217)
        XCTAssertEqual(g.states(.parameter).count + buffers + buffers / 2, 1548)
        XCTAssertEqual(try summary(classes: 1000).bufferElements, 512_576)
    }

    /// PyTorch's FLOP counter (convolutions and the linear layer) at 512, 480 and 64 px: equal to
    /// the FLOP (the S/M test allows 2% because it compares with rounded published figures);
    /// torchvision's 56.08 GMACs at 480 px to its rounding.
    func testForwardFLOPsMatchPyTorchCounter() throws {
        for (size, reference) in [(512, 127_606_032_384), (480, 112_159_398_016), (64, 2_039_843_328)] {
            let ours = try summary(classes: 1000, imageSize: size).forwardFlopsPerImage
            XCTAssertEqual(ours, reference, "\(size) px: ours \(ours), PyTorch's counter \(reference)")
        }
        let l480 = Double(try summary(classes: 1000, imageSize: 480).forwardFlopsPerImage)
        XCTAssertEqual(l480 / 2 / 56.08e9, 1, accuracy: 0.002)
    }

    /// torchvision's rule: block i of 79 drops its residual branch with p = 0.2 i / 79; 72 blocks
    /// have a residual connection and p > 0 (features.1.0 has p = 0; the first block of stages 2-7
    /// has no residual).
    func testStochasticDepthMatchesTorchvision() throws {
        let config = ModelConfig(variant: .l, imageSize: 64, head: .torchvision)
        let b = GraphBuilder()
        let images = b.input("images", TensorType([config.batch, 64, 64, 3]))
        b.output("logits", ModelBuilder(b, config: config, featureMode: { _ in .train }, headMode: .train).forward(images))
        var p: [String: Float] = [:]
        for node in b.graph.nodes {
            if case .stochasticDepth(let a) = node.op {
                p[node.name.split(separator: ".").prefix(3).joined(separator: ".")] = a.p
            }
        }
        XCTAssertEqual(p.count, 72)
        XCTAssertEqual(Double(p.values.reduce(0, +)), 7.344303797468355, accuracy: 1e-5)
        XCTAssertEqual(p["features.1.1"] ?? -1, 0.002531645569620253, accuracy: 1e-7)
        XCTAssertEqual(p["features.4.1"] ?? -1, 0.04810126582278482, accuracy: 1e-7)
        XCTAssertEqual(p["features.7.6"] ?? -1, 0.19746835443037977, accuracy: 1e-7)
        XCTAssertNil(p["features.1.0"]); XCTAssertNil(p["features.5.0"])
    }

    /// Every phase's step, update and eval graphs verify, and progressive unfreezing trains what
    /// PyTorch counts in `features[k:]` + `classifier` (k = 9, 6, 4, 0 of L's 9 feature modules;
    /// torchvision head, 3 classes): parameters and tensors.
    func testEveryPhaseVerifiesAndTrainsTheRecipeModules() throws {
        let config = ModelConfig(variant: .l, imageSize: 64, head: .torchvision)
        let expected = [(3_843, 2), (95_722_459, 421), (113_777_411, 798), (117_238_115, 897)]
        for (phase, (parameters, tensors)) in zip(Phase.recipe, expected) {
            let p = try TrainingProgram(config: config, phase: phase)
            try p.step.verify(); try p.update.verify(); try p.eval.verify()
            let trainable = p.step.states(.gradient).map { p.step.nodes[$0].type.shape.reduce(1, *) }
            XCTAssertEqual(trainable.count, tensors, "\(phase)")
            XCTAssertEqual(trainable.reduce(0, +), parameters, "\(phase)")
        }
    }

    func testTorchvisionNamesAndShapes() throws {
        let g = TrainingProgram.buildEval(ModelConfig(variant: .l, classes: 1000, head: .torchvision))
        for (name, shape) in [("features.0.0.weight", [32, 3, 3, 3]),
                              ("features.1.3.block.0.0.weight", [32, 32, 3, 3]),
                              ("features.3.6.block.0.0.weight", [384, 96, 3, 3]),
                              ("features.6.0.block.2.fc1.weight", [56, 1344, 1, 1]),
                              ("features.7.6.block.3.0.weight", [640, 3840, 1, 1]),
                              ("features.8.0.weight", [1280, 640, 1, 1]),
                              ("classifier.1.weight", [1000, 1280])] {
            XCTAssertEqual(g.state(.parameter, name).map { g.nodes[$0].type.shape }, shape, name)
        }
        XCTAssertNotNil(g.state(.buffer, "features.6.24.block.1.1.running_var"))
        XCTAssertNil(g.state(.buffer, "features.6.25.block.1.1.running_var"))
    }

    /// `--model L` (any case) selects it; an unknown name lists every variant.
    func testCommandLineName() throws {
        for name in ["L", "l"] {
            let config = try ModelConfig(model: name, classes: 3, imageSize: nil, batch: 4, plainTorchvision: true)
            XCTAssertEqual(config.variant, .l)
            XCTAssertEqual(config.imageSize, 512)
        }
        XCTAssertThrowsError(try ModelConfig(model: "XL", classes: 3, imageSize: nil, batch: 4, plainTorchvision: true)) {
            XCTAssertTrue("\($0)".contains("S, M, L, tiny"), "\($0)")
        }
    }
}
