/// The roles of persistent tensors: everything that outlives one call of a program.
public enum StateKind: String, Hashable, Codable, Sendable, CaseIterable {
    /// A weight or bias (torchvision `parameters()`).
    case parameter
    /// A BatchNorm running mean or variance (torchvision `buffers()`).
    case buffer
    /// The gradient accumulator of a trainable parameter (summed over micro-batches).
    case gradient
    /// AdamW first moment (`exp_avg`).
    case adamM
    /// AdamW second moment (`exp_avg_sq`).
    case adamV
    /// Exponential moving average of a parameter or buffer.
    case ema
}

/// Attributes of a 2-D convolution. The kernel size comes from the weight's shape.
public struct Conv2DAttrs: Hashable, Codable, Sendable {
    public var stride: Int
    public var padding: Int
    public var groups: Int
    public init(stride: Int = 1, padding: Int = 0, groups: Int = 1) {
        self.stride = stride; self.padding = padding; self.groups = groups
    }
}

/// Pointwise functions with a derivative: `unary(f)` computes f(x), `unaryBackward(f)` dy * f'(x).
public enum UnaryOp: String, Hashable, Codable, Sendable, CaseIterable {
    case silu      // x * sigmoid(x)
    case sigmoid   // 1 / (1 + exp(-x))
    case relu      // max(x, 0)
}

/// Reductions. All keep the reduced dimensions with size 1 (`keepdim=True`).
public enum ReduceKind: String, Hashable, Codable, Sendable {
    case sum, mean, max
    /// Sum of squares (for the global gradient norm).
    case sumSquares
}

/// A deterministic random op: which fraction is dropped and the op's own stream.
///
/// Uniforms are drawn as `Random.uniform(seed, salt, index)`: a counter-based hash, so the
/// interpreter and the generated C draw the same numbers without sharing state.
public struct RandomAttrs: Hashable, Codable, Sendable {
    /// Probability of dropping (PyTorch's `p`).
    public var p: Float
    /// Distinguishes the op's stream from every other random op's in the graph.
    public var salt: UInt32
    public init(p: Float, salt: UInt32) { self.p = p; self.salt = salt }
}

/// The BreastAI loss: focal loss on label-smoothed targets.
///
/// With p = softmax(z), q = (1-ε)·onehot(y) + ε/K, per sample
/// `l = Σ_c q_c · α_c · (1 - p_c)^γ · (-log p_c)`, reduced as `Σ_i w[y_i] l_i / Σ_i w[y_i]`
/// (w = class weights, all 1 by default, giving the plain mean). α = 1, γ = 0 is
/// PyTorch's cross-entropy with `label_smoothing=ε`; ε = 0 is the original system's focal loss.
public struct LossAttrs: Hashable, Codable, Sendable {
    public var alpha: [Float]
    public var gamma: Float
    public var smoothing: Float
    public var classWeights: [Float]
    public init(alpha: [Float], gamma: Float, smoothing: Float, classWeights: [Float]? = nil) {
        self.alpha = alpha; self.gamma = gamma; self.smoothing = smoothing
        self.classWeights = classWeights ?? Array(repeating: 1, count: alpha.count)
    }
    /// Focal loss of the recipe: α [0.25, 0.50, 0.25], γ 2.5, smoothing 0.12.
    public static let recipe = LossAttrs(alpha: [0.25, 0.50, 0.25], gamma: 2.5, smoothing: 0.12)
    /// Cross-entropy with label smoothing ε.
    public static func crossEntropy(classes: Int, smoothing: Float) -> LossAttrs {
        LossAttrs(alpha: Array(repeating: 1, count: classes), gamma: 0, smoothing: smoothing)
    }
}

/// Running-statistics update of a training-mode BatchNorm (PyTorch semantics):
/// `running = (1 - momentum)·running + momentum·stat`, where the variance row is made unbiased
/// by `count / (count - 1)` (count = elements per channel in the batch).
public struct RunningStatAttrs: Hashable, Codable, Sendable {
    public var momentum: Float
    /// 0 updates the running mean (stats row 0), 1 the running variance (stats row 1).
    public var row: Int
    public var count: Int
    public init(momentum: Float, row: Int, count: Int) { self.momentum = momentum; self.row = row; self.count = count }
}

/// Slots of the optimizer's runtime hyperparameter vector (input `optimizer.hyper`, f32[8]).
/// They change every step (LR schedule, EMA warmup, the size of the last accumulation group),
/// so they are data, not compile-time attributes.
public enum Hyper: Int, CaseIterable, Sendable {
    case learningRate = 0
    case weightDecay = 1
    /// 1 / (micro-batches accumulated in this step): turns the summed gradient into a mean.
    case gradScale = 2
    /// Clip the global gradient norm to this value; 0 disables clipping.
    case maxGradNorm = 3
    case emaDecay = 4
    public static let count = 8
}

/// AdamW exactly as `torch.optim.AdamW` (amsgrad off, decoupled weight decay).
public struct AdamAttrs: Hashable, Codable, Sendable {
    /// torch.optim.AdamW's betas: every compiled update's and the runtime's bias correction (1 - β^t).
    public static let defaultBetas: (beta1: Double, beta2: Double) = (0.9, 0.999)
    public var beta1 = Float(Self.defaultBetas.beta1)
    public var beta2 = Float(Self.defaultBetas.beta2)
    public var eps: Float = 1e-8
    /// Row of `optimizer.bias_correction` ([groups, 2]: 1-β1^t, 1-β2^t) this parameter uses.
    /// Parameters unfrozen in the same phase share a step count, as PyTorch's per-parameter
    /// `state['step']` does when frozen parameters have no gradient.
    public var group: Int = 0
    public init(beta1: Float = Float(Self.defaultBetas.beta1), beta2: Float = Float(Self.defaultBetas.beta2),
                eps: Float = 1e-8, group: Int = 0) {
        self.beta1 = beta1; self.beta2 = beta2; self.eps = eps; self.group = group
    }
}

/// The operations of the IR. Inputs are listed per case as (name shape); N H W C are batch,
/// height, width, channels; K output channels; R S kernel height and width.
///
/// Shape inference (`Graph+Infer`), the interpreter, the gradient rules and the C emitter are
/// each one exhaustive `switch` over this enum.
public enum Op: Hashable, Codable, Sendable {
    // MARK: leaves
    /// Per-call data: images (N,H,W,3), labels i32 (N), the random seed i32 (1), hyperparameters.
    case input
    /// A persistent tensor; the node's name is its torchvision name.
    case state(StateKind)
    /// A tensor filled with one value.
    case constant(Float)

    // MARK: convolution and matrix products
    /// (x N,H,W,C; w K,C/g,R,S) -> N,Ho,Wo,K. No bias.
    case conv2d(Conv2DAttrs)
    /// (dy N,Ho,Wo,K; w) -> dx N,H,W,C (shape given by the node).
    case conv2dBackwardInput(Conv2DAttrs)
    /// (dy N,Ho,Wo,K; x N,H,W,C) -> dw K,C/g,R,S (shape given by the node).
    case conv2dBackwardWeight(Conv2DAttrs)
    /// (x N,C; w K,C; b K optional) -> N,K = x·wᵀ + b, as `nn.Linear`.
    case linear
    /// (a; b) -> op(a)·op(b) for 2-D a, b, op = transpose where asked.
    case matmul(transposeA: Bool, transposeB: Bool)

    // MARK: batch normalization (the channel is the last dimension)
    /// (x ...,C) -> 2,C: batch mean (row 0) and biased batch variance (row 1).
    case batchNormStats
    /// (x; stats 2,C; gamma C; beta C) -> gamma·(x-mean)/sqrt(var+eps) + beta.
    case batchNormTrain(eps: Float)
    /// (x; gamma; beta; running_mean; running_var) -> normalised with the running statistics.
    case batchNormEval(eps: Float)
    /// (dy; x; stats) -> 2,C: Σdy (row 0, = dβ) and Σdy·x̂ (row 1, = dγ).
    case batchNormBackwardReduce(eps: Float)
    /// (dy; x; stats; gamma; reduced 2,C) -> dx = γ/σ · (dy - Σdy/M - x̂·Σdy·x̂/M).
    case batchNormBackwardInput(eps: Float)
    /// (dy; gamma; running_var) -> dx = dy·γ/sqrt(var+eps).
    case batchNormEvalBackward(eps: Float)
    /// (running C; stats 2,C) -> the updated running statistic.
    case runningStatUpdate(RunningStatAttrs)
    /// (w K,...; gamma K; running_var K) -> w·γ/sqrt(var+eps) per output channel: an eval-mode
    /// BatchNorm folded into the convolution before it.
    case batchNormFoldWeight(eps: Float)
    /// (gamma K; beta K; running_mean K; running_var K) -> β - mean·γ/sqrt(var+eps), the folded bias.
    case batchNormFoldBias(eps: Float)

    // MARK: elementwise (binary ops broadcast dimensions of size 1)
    case unary(UnaryOp)
    /// (dy; x) -> dy·f'(x).
    case unaryBackward(UnaryOp)
    case add
    case mul
    /// (x1; x2; ...) -> Σ xi, all of one shape (sums gradient contributions).
    case addN
    /// (x) -> k·x.
    case scale(Float)

    // MARK: randomness
    /// (x; seed i32 1) -> x·keep/(1-p), one draw per element.
    case dropout(RandomAttrs)
    /// (dy; seed) -> dy·keep/(1-p) with the same draws.
    case dropoutBackward(RandomAttrs)
    /// (x N,...; seed) -> x·keep_n/(1-p), one draw per sample ("row" mode).
    case stochasticDepth(RandomAttrs)
    /// (dy; seed) -> dy·keep_n/(1-p).
    case stochasticDepthBackward(RandomAttrs)

    // MARK: shapes and reductions
    /// (x) -> reduced over `axes`, keeping them with size 1.
    case reduce(ReduceKind, axes: [Int])
    /// (dy reduced; x) -> dy routed to the first maximum along `axes`.
    case reduceMaxBackward(axes: [Int])
    /// (x) -> x broadcast to the node's shape.
    case expand
    /// (x) -> the same elements in the node's shape.
    case reshape
    /// (x1; x2; ...) -> concatenated along `axis`.
    case concat(axis: Int)
    /// (x) -> elements [start, start+n) along `axis`, n from the node's shape.
    case slice(axis: Int, start: Int)
    /// (x) -> softmax over the last dimension.
    case softmax
    /// (dy; y) -> dx = y·(dy - Σ dy·y).
    case softmaxBackward

    // MARK: loss
    /// (logits N,K; labels i32 N) -> scalar loss.
    case focalLoss(LossAttrs)
    /// (logits; labels; dloss scalar) -> dlogits N,K.
    case focalLossBackward(LossAttrs)

    // MARK: optimizer
    /// (sum of squared accumulated gradients, scalar; hyper) -> the factor turning an accumulated
    /// gradient into the clipped mean gradient: s·min(1, maxNorm/(s·sqrt(Σ)+1e-6)), s = gradScale.
    case clipCoefficient
    /// (m; accumulated grad; coefficient scalar) -> β·m + (1-β)·(c·g), or of (c·g)² when `squared`.
    case adamMoment(beta: Float, squared: Bool)
    /// (p; m; v; hyper; bias_correction groups,2) ->
    /// p·(1 - lr·wd) - lr/bc1 · m / (sqrt(v)/sqrt(bc2) + eps).
    case adamWUpdate(AdamAttrs)
    /// (ema; value; hyper) -> d·ema + (1-d)·value.
    case emaUpdate
}

extension Op {
    /// The op's name as the dump prints it.
    public var name: String {
        switch self {
        case .input: return "input"
        case .state(let k): return "state.\(k.rawValue)"
        case .constant: return "constant"
        case .conv2d: return "conv2d"
        case .conv2dBackwardInput: return "conv2d_bwd_input"
        case .conv2dBackwardWeight: return "conv2d_bwd_weight"
        case .linear: return "linear"
        case .matmul: return "matmul"
        case .batchNormStats: return "bn_stats"
        case .batchNormTrain: return "bn_train"
        case .batchNormEval: return "bn_eval"
        case .batchNormBackwardReduce: return "bn_bwd_reduce"
        case .batchNormBackwardInput: return "bn_bwd_input"
        case .batchNormEvalBackward: return "bn_eval_bwd"
        case .runningStatUpdate(let a): return a.row == 0 ? "running_mean_update" : "running_var_update"
        case .batchNormFoldWeight: return "bn_fold_weight"
        case .batchNormFoldBias: return "bn_fold_bias"
        case .unary(let f): return f.rawValue
        case .unaryBackward(let f): return "\(f.rawValue)_bwd"
        case .add: return "add"
        case .mul: return "mul"
        case .addN: return "add_n"
        case .scale: return "scale"
        case .dropout: return "dropout"
        case .dropoutBackward: return "dropout_bwd"
        case .stochasticDepth: return "stochastic_depth"
        case .stochasticDepthBackward: return "stochastic_depth_bwd"
        case .reduce(let k, _): return "reduce_\(k.rawValue)"
        case .reduceMaxBackward: return "reduce_max_bwd"
        case .expand: return "expand"
        case .reshape: return "reshape"
        case .concat: return "concat"
        case .slice: return "slice"
        case .softmax: return "softmax"
        case .softmaxBackward: return "softmax_bwd"
        case .focalLoss: return "focal_loss"
        case .focalLossBackward: return "focal_loss_bwd"
        case .clipCoefficient: return "clip_coefficient"
        case .adamMoment(_, let sq): return sq ? "adam_v" : "adam_m"
        case .adamWUpdate: return "adamw_update"
        case .emaUpdate: return "ema_update"
        }
    }

    /// The attributes as the dump prints them (empty when there are none).
    public var attributeDescription: String {
        func f(_ x: Float) -> String { "\(x)" }
        switch self {
        case .constant(let v): return "value=\(f(v))"
        case .conv2d(let a), .conv2dBackwardInput(let a), .conv2dBackwardWeight(let a):
            return "stride=\(a.stride) pad=\(a.padding)" + (a.groups == 1 ? "" : " groups=\(a.groups)")
        case .matmul(let ta, let tb): return "transA=\(ta) transB=\(tb)"
        case .batchNormTrain(let e), .batchNormEval(let e), .batchNormBackwardReduce(let e),
             .batchNormBackwardInput(let e), .batchNormEvalBackward(let e), .batchNormFoldWeight(let e),
             .batchNormFoldBias(let e): return "eps=\(f(e))"
        case .runningStatUpdate(let a): return "momentum=\(f(a.momentum)) count=\(a.count)"
        case .scale(let k): return "k=\(f(k))"
        case .dropout(let a), .dropoutBackward(let a), .stochasticDepth(let a), .stochasticDepthBackward(let a):
            return "p=\(f(a.p)) salt=\(a.salt)"
        case .reduce(_, let axes), .reduceMaxBackward(let axes): return "axes=\(axes)"
        case .concat(let axis): return "axis=\(axis)"
        case .slice(let axis, let start): return "axis=\(axis) start=\(start)"
        case .focalLoss(let a), .focalLossBackward(let a):
            return "alpha=\(a.alpha.map(f)) gamma=\(f(a.gamma)) smoothing=\(f(a.smoothing))"
                + (a.classWeights.allSatisfy { $0 == 1 } ? "" : " weights=\(a.classWeights.map(f))")
        case .adamMoment(let b, _): return "beta=\(f(b))"
        case .adamWUpdate(let a): return "eps=\(f(a.eps)) group=\(a.group)"
        default: return ""
        }
    }

    /// Leaves carry data in; they compute nothing.
    public var isLeaf: Bool {
        switch self { case .input, .state, .constant: return true; default: return false }
    }

    /// One output element depends only on the same element of each input (after broadcasting).
    public var isElementwise: Bool {
        switch self {
        case .unary, .unaryBackward, .add, .mul, .addN, .scale, .dropout, .dropoutBackward,
             .stochasticDepth, .stochasticDepthBackward, .batchNormTrain, .batchNormEval,
             .batchNormEvalBackward, .batchNormBackwardInput, .runningStatUpdate,
             .adamMoment, .adamWUpdate, .emaUpdate:
            return true
        default: return false
        }
    }

    /// Ops whose FLOPs are multiply-accumulates counted at 2 per MAC (as PyTorch's counter does).
    public var isContraction: Bool {
        switch self {
        case .conv2d, .conv2dBackwardInput, .conv2dBackwardWeight, .linear, .matmul: return true
        default: return false
        }
    }

    /// Ops that read the per-step random seed.
    public var isRandom: Bool {
        switch self {
        case .dropout, .dropoutBackward, .stochasticDepth, .stochasticDepthBackward: return true
        default: return false
        }
    }

    /// Ops that belong to the optimizer step.
    public var isOptimizer: Bool {
        switch self {
        case .clipCoefficient, .adamMoment, .adamWUpdate, .emaUpdate: return true
        default: return false
        }
    }
}
