/// EfficientNetV2 as torchvision builds it, as data.
///
/// Tan & Le, "EfficientNetV2: Smaller Models and Faster Training", ICML 2021
/// (arXiv:2104.00298); torchvision `models/efficientnet.py` (`_efficientnet_conf`, `MBConv`,
/// `FusedMBConv`). The stage tables below are torchvision's `inverted_residual_setting`.

/// The two block types of EfficientNetV2.
public enum BlockKind: String, Codable, Sendable {
    /// Full k×k expansion conv (+BN+SiLU), then 1×1 projection (+BN); no squeeze-excitation.
    case fusedMBConv
    /// 1×1 expansion, depthwise k×k, squeeze-excitation, 1×1 projection.
    case mbConv
}

/// One stage: `layers` blocks; the first uses `stride` and `inChannels`, the rest stride 1 and
/// `outChannels` in and out.
public struct StageSpec: Hashable, Codable, Sendable {
    public var block: BlockKind
    public var expand: Int
    public var kernel: Int
    public var stride: Int
    public var inChannels: Int
    public var outChannels: Int
    public var layers: Int

    public init(_ block: BlockKind, expand: Int, kernel: Int = 3, stride: Int, in cin: Int, out cout: Int, layers: Int) {
        self.block = block; self.expand = expand; self.kernel = kernel; self.stride = stride
        self.inChannels = cin; self.outChannels = cout; self.layers = layers
    }
}

/// A backbone: stem (3×3 stride 2 to the first stage's input width), the stages, and the 1×1
/// head conv to `lastChannel`. `features` has stages.count + 2 modules.
public struct BackboneSpec: Hashable, Codable, Sendable {
    public var name: String
    public var stages: [StageSpec]
    public var lastChannel: Int
    /// torchvision classifier dropout (0.2 for S, 0.3 for M, 0.4 for L).
    public var dropout: Float
    /// Stochastic depth probability at the last block; block i of n uses p·i/n.
    public var stochasticDepthProb: Float
    /// Widths of the BreastAI head's hidden layers (1280-512-256-classes for S, M and L).
    public var headHidden: [Int]
    /// Resolution torchvision evaluates the pretrained weights at (for information).
    public var evalResolution: Int
    /// Bytes one training step (arena and state) may use at batch 4, 512x512 (DESIGN.md: S 6 GB,
    /// M 12 GB); nil: no budget. `breastai-compile` refuses a plan over it.
    public var memoryBudget: Int? = nil

    public var stemChannels: Int { stages[0].inChannels }
    public var featureModules: Int { stages.count + 2 }
    public var totalBlocks: Int { stages.reduce(0) { $0 + $1.layers } }

    /// `efficientnet_v2_s`: 40 blocks, 21,458,488 parameters with 1000 classes.
    public static let s = BackboneSpec(name: "efficientnet_v2_s", stages: [
        StageSpec(.fusedMBConv, expand: 1, stride: 1, in: 24, out: 24, layers: 2),
        StageSpec(.fusedMBConv, expand: 4, stride: 2, in: 24, out: 48, layers: 4),
        StageSpec(.fusedMBConv, expand: 4, stride: 2, in: 48, out: 64, layers: 4),
        StageSpec(.mbConv, expand: 4, stride: 2, in: 64, out: 128, layers: 6),
        StageSpec(.mbConv, expand: 6, stride: 1, in: 128, out: 160, layers: 9),
        StageSpec(.mbConv, expand: 6, stride: 2, in: 160, out: 256, layers: 15),
    ], lastChannel: 1280, dropout: 0.2, stochasticDepthProb: 0.2, headHidden: [512, 256], evalResolution: 384, memoryBudget: 6_000_000_000)

    /// `efficientnet_v2_m`: 57 blocks, 54,139,356 parameters with 1000 classes.
    public static let m = BackboneSpec(name: "efficientnet_v2_m", stages: [
        StageSpec(.fusedMBConv, expand: 1, stride: 1, in: 24, out: 24, layers: 3),
        StageSpec(.fusedMBConv, expand: 4, stride: 2, in: 24, out: 48, layers: 5),
        StageSpec(.fusedMBConv, expand: 4, stride: 2, in: 48, out: 80, layers: 5),
        StageSpec(.mbConv, expand: 4, stride: 2, in: 80, out: 160, layers: 7),
        StageSpec(.mbConv, expand: 6, stride: 1, in: 160, out: 176, layers: 14),
        StageSpec(.mbConv, expand: 6, stride: 2, in: 176, out: 304, layers: 18),
        StageSpec(.mbConv, expand: 6, stride: 1, in: 304, out: 512, layers: 5),
    ], lastChannel: 1280, dropout: 0.3, stochasticDepthProb: 0.2, headHidden: [512, 256], evalResolution: 480, memoryBudget: 12_000_000_000)

    /// `efficientnet_v2_l`: 79 blocks, 118,515,272 parameters with 1000 classes. torchvision's
    /// builder passes dropout 0.4 and keeps `EfficientNet`'s default stochastic depth 0.2 (the
    /// paper trains L with 0.5; torchvision is the reference here). Its ImageNet weights were
    /// trained at 480 px with mean = std = 0.5 normalisation, not ImageNet's mean and std.
    public static let l = BackboneSpec(name: "efficientnet_v2_l", stages: [
        StageSpec(.fusedMBConv, expand: 1, stride: 1, in: 32, out: 32, layers: 4),
        StageSpec(.fusedMBConv, expand: 4, stride: 2, in: 32, out: 64, layers: 7),
        StageSpec(.fusedMBConv, expand: 4, stride: 2, in: 64, out: 96, layers: 7),
        StageSpec(.mbConv, expand: 4, stride: 2, in: 96, out: 192, layers: 10),
        StageSpec(.mbConv, expand: 6, stride: 1, in: 192, out: 224, layers: 19),
        StageSpec(.mbConv, expand: 6, stride: 2, in: 224, out: 384, layers: 25),
        StageSpec(.mbConv, expand: 6, stride: 1, in: 384, out: 640, layers: 7),
    ], lastChannel: 1280, dropout: 0.4, stochasticDepthProb: 0.2, headHidden: [512, 256], evalResolution: 480)

    /// A test-sized network with every block type: residual Fused-MBConv (e=1 and e=4),
    /// strided MBConv with SE, and a non-residual MBConv. Matches `tools/make_golden_fixtures.py`.
    public static let tiny = BackboneSpec(name: "tiny", stages: [
        StageSpec(.fusedMBConv, expand: 1, stride: 1, in: 8, out: 8, layers: 2),
        StageSpec(.fusedMBConv, expand: 4, stride: 2, in: 8, out: 16, layers: 2),
        StageSpec(.mbConv, expand: 4, stride: 2, in: 16, out: 24, layers: 2),
        StageSpec(.mbConv, expand: 6, stride: 1, in: 24, out: 32, layers: 1),
    ], lastChannel: 64, dropout: 0.2, stochasticDepthProb: 0.2, headHidden: [32, 16], evalResolution: 32)
}

/// torchvision's `_make_divisible(v, 8)`: round to a multiple of 8, never below 90% of v.
public func makeDivisible(_ v: Double, _ divisor: Int = 8) -> Int {
    var n = max(divisor, Int(v + Double(divisor) / 2) / divisor * divisor)
    if Double(n) < 0.9 * v { n += divisor }
    return n
}
