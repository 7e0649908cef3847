/// Facts about a compiled model that Codegen, the runtime and the CLIs all state: one place each.
extension Manifest.StateLayout {
    /// Bytes of the five state blocks: model and EMA hold parameters and buffers, gradients and
    /// the two Adam moments hold parameters only (float32).
    public var stateBytes: Int { 4 * (2 * modelFloats + 3 * parameterFloats) }
}

extension ModelVariant {
    /// The configuration's `model.architecture` value: `efficientnetv2_s`, `efficientnetv2_m`, ..., `tiny`.
    public var architectureName: String { self == .tiny ? "tiny" : "efficientnetv2_" + rawValue.lowercased() }
}

extension HeadKind {
    /// The head in summaries and manifests: `torchvision` or `breastai(cbam: true, dropout: 0.3)`.
    public var summary: String {
        switch self {
        case .torchvision: return "torchvision"
        case .breastAI(let cbam, let p): return "breastai(cbam: \(cbam), dropout: \(p))"
        }
    }

    /// The head as an identifier (ONNX graph names): `torchvision`, `breastai` or `breastai_cbam`.
    public var identifier: String {
        switch self {
        case .torchvision: return "torchvision"
        case .breastAI(let cbam, _): return cbam ? "breastai_cbam" : "breastai"
        }
    }
}
