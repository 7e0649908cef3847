/// Which network: the EfficientNetV2 sizes S, M and L, and a tiny one for tests.
public enum ModelVariant: String, CaseIterable, Codable, Sendable {
    case s = "S"
    case m = "M"
    case l = "L"
    case tiny

    public var backbone: BackboneSpec {
        switch self { case .s: return .s; case .m: return .m; case .l: return .l; case .tiny: return .tiny }
    }
    public var defaultImageSize: Int { self == .tiny ? 32 : 512 }
}

/// The classifier on top of the backbone.
public enum HeadKind: Hashable, Codable, Sendable {
    /// torchvision's: avgpool, flatten, Dropout(p), Linear(1280, classes).
    case torchvision
    /// The original BreastAI model: optional CBAM, avgpool, then
    /// Dropout(p) Linear(1280,512) BN1d ReLU Dropout(p/2) Linear(512,256) BN1d ReLU Dropout(0.3p) Linear(256,classes).
    case breastAI(cbam: Bool, dropout: Float)
}

/// Everything that fixes the shape of a model's graphs.
public struct ModelConfig: Hashable, Codable, Sendable {
    public var variant: ModelVariant
    public var backbone: BackboneSpec
    public var classes: Int
    public var imageSize: Int
    public var batch: Int
    public var head: HeadKind
    /// torchvision EfficientNetV2: `partial(BatchNorm2d, eps=1e-3)`, momentum 0.1.
    public var bnEps: Float = 1e-3
    public var bnMomentum: Float = 0.1
    /// The head's BatchNorm1d uses PyTorch's default eps.
    public var headBNEps: Float = 1e-5
    /// Overrides the backbone's stochastic depth (tests set 0 to compare with PyTorch).
    public var stochasticDepthProb: Float

    /// The original system's dropout rate in the ULTRA configurations.
    public static let breastAIDropout: Float = 0.45

    public init(variant: ModelVariant, classes: Int = 3, imageSize: Int? = nil, batch: Int = 4,
                head: HeadKind = .breastAI(cbam: true, dropout: ModelConfig.breastAIDropout),
                stochasticDepthProb: Float? = nil) {
        self.variant = variant
        self.backbone = variant.backbone
        self.classes = classes
        self.imageSize = imageSize ?? variant.defaultImageSize
        self.batch = batch
        self.head = head
        self.stochasticDepthProb = stochasticDepthProb ?? variant.backbone.stochasticDepthProb
    }

    /// Checks the values a user can set; the message names the bad one.
    public func validate() throws(GraphError) {
        guard classes >= 2 else { throw .invalidConfiguration("classes must be at least 2, got \(classes)") }
        guard batch >= 1 else { throw .invalidConfiguration("batch must be at least 1, got \(batch)") }
        guard imageSize >= 32, imageSize <= 4096 else {
            throw .invalidConfiguration("image size must be between 32 and 4096 (the network downsamples 32x), got \(imageSize)")
        }
        if case .breastAI(_, let p) = head, !(0..<1).contains(p) {
            throw .invalidConfiguration("dropout must be in [0, 1), got \(p)")
        }
        guard (0..<1).contains(stochasticDepthProb) else {
            throw .invalidConfiguration("stochastic depth probability must be in [0, 1), got \(stochasticDepthProb)")
        }
    }

    public var hasCBAM: Bool { if case .breastAI(true, _) = head { return true } else { return false } }
}

extension ModelConfig {
    /// A configuration from command-line values: `model` is S, M, L or tiny (any case); the head is
    /// torchvision's or BreastAI's (CBAM switchable). Validated.
    public init(model: String, classes: Int, imageSize: Int?, batch: Int, plainTorchvision: Bool,
                cbam: Bool = true, dropout: Float = ModelConfig.breastAIDropout) throws(GraphError) {
        guard let variant = ModelVariant(rawValue: model) ?? ModelVariant(rawValue: model.uppercased())
                ?? ModelVariant(rawValue: model.lowercased()) else {
            let known = ModelVariant.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidConfiguration("unknown model '\(model)': expected one of \(known)")
        }
        self.init(variant: variant, classes: classes, imageSize: imageSize, batch: batch,
                  head: plainTorchvision ? .torchvision : .breastAI(cbam: cbam, dropout: dropout))
        try validate()
    }

    /// The recipe's focal loss; with other than 3 classes, alpha 1 for every class.
    public var defaultLoss: LossAttrs {
        classes == 3 ? .recipe : LossAttrs(alpha: Array(repeating: 1, count: classes), gamma: LossAttrs.recipe.gamma,
                                           smoothing: LossAttrs.recipe.smoothing)
    }
}
