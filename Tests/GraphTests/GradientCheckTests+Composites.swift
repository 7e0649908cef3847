import XCTest
@testable import Graph

/// Gradient checks of the loss and of composed blocks (stem, MBConv, CBAM head).
extension GradientCheckTests {
    // MARK: loss

    func testFocalLoss() throws {
        let labels = Tensor(shape: [5], scalars: [0, 2, 1, 0, 2])
        // Row 3 is confidently right (p ≈ 0.9998) and row 4 confidently wrong: both ends of (1-p)^γ.
        var rng = SplitMix64(seed: 15)
        var logits = rng.tensor([5, 3], -2, 2)
        logits.scalars.replaceSubrange(9..<15, with: [9, -1, 0.5, 6, 0, -2])
        let settings: [(String, LossAttrs)] = [
            ("recipe (gamma 2.5, smoothing 0.12)", .recipe),
            ("cross-entropy (gamma 0, smoothing 0)", .crossEntropy(classes: 3, smoothing: 0)),
            ("cross-entropy (gamma 0, smoothing 0.1)", .crossEntropy(classes: 3, smoothing: 0.1)),
            ("gamma 0.5 smoothing 0.05", LossAttrs(alpha: [0.3, 0.3, 0.4], gamma: 0.5, smoothing: 0.05)),
            ("gamma 0.5 smoothing 0", LossAttrs(alpha: [1, 1, 1], gamma: 0.5, smoothing: 0)),
            ("gamma 1 smoothing 0", LossAttrs(alpha: [0.25, 0.5, 0.25], gamma: 1, smoothing: 0)),
            ("gamma 2 smoothing 0.2 class weights", LossAttrs(alpha: [0.25, 0.5, 0.25], gamma: 2, smoothing: 0.2, classWeights: [1, 3, 0.5])),
            ("gamma 0 class weights", LossAttrs(alpha: [1, 1, 1], gamma: 0, smoothing: 0.1, classWeights: [2, 0.5, 1])),
        ]
        for (label, attrs) in settings {
            try checkGradients("focal_loss \(label)", values: ["z": logits], inputs: ["labels": labels]) { b in
                b.add(.focalLoss(attrs), [b.parameter("z", [5, 3]), b.input("labels", TensorType([5], .i32))])
            }
        }
        // Five classes.
        try checkGradients("focal_loss K=5 gamma 1.5", inputs: ["labels": Tensor(shape: [3], scalars: [4, 0, 2])]) { b in
            b.add(.focalLoss(LossAttrs(alpha: [0.1, 0.2, 0.3, 0.2, 0.2], gamma: 1.5, smoothing: 0.1)),
                  [b.parameter("z", [3, 5]), b.input("labels", TensorType([3], .i32))])
        }
    }

    // MARK: composites

    /// A residual MBConv block of `ModelBuilder` in training mode: 1x1 expand conv-BN-SiLU,
    /// depthwise 3x3 conv-BN-SiLU, squeeze-excitation (mean, linear, SiLU, linear, sigmoid, mul),
    /// 1x1 projection conv-BN, stochastic depth and the residual add. Every parameter and the input.
    func testComposedMBConvBlock() throws {
        let config = ModelConfig(variant: .tiny)
        let stage = StageSpec(.mbConv, expand: 2, kernel: 3, stride: 1, in: 8, out: 8, layers: 1)
        // A seed keeping one of the two samples, so stochastic depth both drops and scales.
        let seed = (1...1000).first { s in
            (0..<2).map { Random.keep(seed: UInt32(s), salt: 1, index: UInt32($0), p: 0.25) } == [true, false]
        }!
        try checkGradients("MBConv block (conv-BN-SiLU, dw, SE, proj, stochastic depth, residual)",
                           inputs: ["seed": Self.seedTensor(Int32(seed))], maxPerTensor: 24) { b in
            let model = ModelBuilder(b, config: config, featureMode: { _ in .train }, headMode: .train)
            let x = b.parameter("x", [2, 4, 4, 8])
            return b.scoped("block") { model.block(x, stage, first: true, stochasticDepth: 0.25) }
        }
    }

    /// A strided Fused-MBConv block (3x3 stride-2 expand conv-BN-SiLU, 1x1 projection conv-BN, no residual)
    /// after a stem conv-BN-SiLU.
    func testComposedStemAndFusedBlock() throws {
        let config = ModelConfig(variant: .tiny)
        let stage = StageSpec(.fusedMBConv, expand: 2, kernel: 3, stride: 2, in: 4, out: 6, layers: 1)
        try checkGradients("stem + strided Fused-MBConv", maxPerTensor: 24) { b in
            let model = ModelBuilder(b, config: config, featureMode: { _ in .train }, headMode: .train)
            let x = b.parameter("x", [2, 6, 6, 3])
            let stem = b.scoped("stem") { model.convNormAct(x, out: 4, kernel: 3, stride: 1) }
            return b.scoped("block") { model.block(stem, stage, first: true, stochasticDepth: 0) }
        }
    }

    /// CBAM, average pooling, the BreastAI head (linear, BN1d, ReLU, dropout, ...) and the focal loss.
    func testComposedCBAMHeadAndLoss() throws {
        let config = ModelConfig(variant: .tiny)
        var rng = SplitMix64(seed: 16)
        try checkGradients("CBAM + BreastAI head + focal loss",
                           values: ["x": rng.distinct([4, 3, 3, 16])],
                           inputs: ["seed": Self.seedTensor(77), "labels": Tensor(shape: [4], scalars: [0, 1, 2, 1])],
                           maxPerTensor: 16,
                           // Exactly zero: a bias before a training-mode BatchNorm is removed by its mean.
                           expectZero: ["classifier.1.bias", "classifier.5.bias"]) { b in
            let model = ModelBuilder(b, config: config, featureMode: { _ in .train }, headMode: .train)
            let x = b.parameter("x", [4, 3, 3, 16])
            let attended = b.scoped("cbam") { model.cbam(x) }
            let pooled = b.scoped("avgpool") { model.flattenPool(attended) }
            let logits = b.scoped("classifier") { model.breastAIHead(pooled, dropout: 0.3) }
            return b.named("loss") { b.add(.focalLoss(.recipe), [logits, b.input("labels", TensorType([4], .i32))]) }
        }
    }
}
