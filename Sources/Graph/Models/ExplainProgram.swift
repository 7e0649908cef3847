/// The explain program: the eval forward plus Grad-CAM of one chosen logit per image.
///
/// Where the autodiff lives: `Backward.append` differentiates a scalar with respect to any
/// nodes, parameters or not. Here the scalar is Σ_n Σ_k selector[n,k]·logits[n,k] and the node
/// is the activation `features.<last>` (the last convolutional stage's output, before CBAM and
/// pooling). Every BatchNorm runs on running statistics (the eval forward), so images do not
/// interact and ∂/∂A[n] of that sum is ∂ logits[n, c_n] / ∂A[n] with c_n the selected class.
/// No parameter gets a gradient; the backward stops at the activation (nothing below it needs
/// one). The compiler's passes then fold the eval BatchNorms of the forward like eval's.
///
/// Grad-CAM (Selvaraju et al., ICCV 2017): channel weights w[n,k] = mean over (h,w) of the
/// gradient; map = ReLU(Σ_k w[n,k]·A[n,:,:,k]) at the feature resolution. Bilinear upsampling
/// to the input and the [0, 1] normalisation are done by the runtime (`GradCAM`).
///
/// - Inputs: `images` (N,H,W,3); `explain.selector` (N,classes) one-hot of the class to explain.
/// - Outputs: `logits`, `probabilities` (as eval) and `heatmap` (N,h,w), h = w = H/32.
public enum ExplainProgram {
    /// The entry name of the explain program in an explain artifact.
    public static let entry = "breastai_explain"

    /// The side of the explained feature map for `imageSize` inputs: the stem and every stage
    /// stride divide it, each a k×k convolution with padding k/2 (⌈s/stride⌉ per step).
    public static func mapSide(_ backbone: BackboneSpec, imageSize: Int) -> Int {
        ([2] + backbone.stages.map(\.stride)).reduce(imageSize) { ($0 + $1 - 1) / $1 }
    }

    /// The explain graph of `config`.
    public static func build(_ config: ModelConfig) -> Graph {
        let b = GraphBuilder()
        let n = config.batch
        let images = b.input("images", TensorType([n, config.imageSize, config.imageSize, 3]))
        let selector = b.input("explain.selector", TensorType([n, config.classes]))
        let model = ModelBuilder(b, config: config, featureMode: { _ in .eval }, headMode: .eval)
        let logits = model.forward(images)
        guard let features = model.featureMap else { preconditionFailure("the forward pass sets the feature map") }
        b.output("logits", logits)
        b.output("probabilities", b.named("softmax") { b.softmax(logits) })
        let target = b.named("explain.target") {
            b.reshape(b.reduce(.sum, b.mul(logits, selector), axes: [0, 1]), [])
        }
        let gradients = Backward.append(to: b, loss: target, parameters: [features])
        guard let gradient = gradients[features] else { preconditionFailure("the logits depend on the feature map") }
        let shape = b.shape(features)
        let cam = b.named("explain.gradcam") { () -> NodeID in
            let weights = b.reduce(.mean, gradient, axes: [1, 2])                 // (N,1,1,C)
            let weighted = b.reduce(.sum, b.mul(features, weights), axes: [3])    // (N,h,w,1)
            return b.reshape(b.relu(weighted), [shape[0], shape[1], shape[2]])
        }
        b.output("heatmap", cam)
        return b.graph
    }
}
