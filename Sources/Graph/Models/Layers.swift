/// How one part of the network runs in the graph being built.
public struct RunMode: Hashable, Sendable {
    /// BatchNorm with batch statistics (and a running-statistics update) instead of running ones.
    public var batchNormTraining: Bool
    /// Dropout and stochastic depth active.
    public var stochastic: Bool
    public static let train = RunMode(batchNormTraining: true, stochastic: true)
    public static let eval = RunMode(batchNormTraining: false, stochastic: false)
}

/// Builds the forward pass of a `ModelConfig` into a `GraphBuilder`, layer by layer, with
/// torchvision's module names.
public final class ModelBuilder {
    public let b: GraphBuilder
    public let config: ModelConfig
    /// The mode of each `features.i` module, then of CBAM and the head.
    private let featureMode: (Int) -> RunMode
    private let headMode: RunMode
    private var mode: RunMode
    private var seedNode: NodeID?
    /// The output of the last `features.i` module (before CBAM and pooling), set by `forward`:
    /// the activation Grad-CAM differentiates with respect to.
    public private(set) var featureMap: NodeID?

    public init(_ b: GraphBuilder, config: ModelConfig, featureMode: @escaping (Int) -> RunMode, headMode: RunMode) {
        self.b = b; self.config = config; self.featureMode = featureMode; self.headMode = headMode
        self.mode = headMode
    }

    /// The per-call random seed input, created on first use.
    public var seed: NodeID {
        if let s = seedNode { return s }
        let s = b.input("seed", TensorType([1], .i32))
        seedNode = s
        return s
    }

    // MARK: the network

    /// images (N,H,W,3) -> logits (N,classes).
    public func forward(_ images: NodeID) -> NodeID {
        let spec = config.backbone
        var x = images
        b.scoped("features") {
            mode = featureMode(0)
            x = b.scoped("0") { convNormAct(x, out: spec.stemChannels, kernel: 3, stride: 2) }
            var blockIndex = 0
            for (si, stage) in spec.stages.enumerated() {
                mode = featureMode(si + 1)
                b.scoped("\(si + 1)") {
                    for l in 0..<stage.layers {
                        let p = config.stochasticDepthProb * Float(blockIndex) / Float(spec.totalBlocks)
                        x = b.scoped("\(l)") {
                            block(x, stage, first: l == 0, stochasticDepth: p)
                        }
                        blockIndex += 1
                    }
                }
            }
            mode = featureMode(spec.featureModules - 1)
            x = b.scoped("\(spec.featureModules - 1)") { convNormAct(x, out: spec.lastChannel, kernel: 1, stride: 1) }
        }
        featureMap = x
        mode = headMode
        switch config.head {
        case .torchvision:
            let pooled = b.scoped("avgpool") { flattenPool(x) }
            return b.scoped("classifier") {
                let d = b.scoped("0") { dropout(pooled, p: spec.dropout) }
                return b.scoped("1") { linear(d, out: config.classes, bias: true) }
            }
        case .breastAI(let cbam, let p):
            if cbam { x = b.scoped("cbam") { self.cbam(x) } }
            let pooled = b.scoped("avgpool") { flattenPool(x) }
            return b.scoped("classifier") { breastAIHead(pooled, dropout: p) }
        }
    }

    /// One MBConv or Fused-MBConv block (torchvision `MBConv`, `FusedMBConv`).
    func block(_ input: NodeID, _ stage: StageSpec, first: Bool, stochasticDepth p: Float) -> NodeID {
        let cin = first ? stage.inChannels : stage.outChannels
        let stride = first ? stage.stride : 1
        let expanded = makeDivisible(Double(cin * stage.expand))
        let residual = stride == 1 && cin == stage.outChannels
        var x = input
        b.scoped("block") {
            switch stage.block {
            case .fusedMBConv:
                if expanded != cin {
                    x = b.scoped("0") { convNormAct(x, out: expanded, kernel: stage.kernel, stride: stride) }
                    x = b.scoped("1") { convNormAct(x, out: stage.outChannels, kernel: 1, stride: 1, activation: nil) }
                } else {
                    x = b.scoped("0") { convNormAct(x, out: stage.outChannels, kernel: stage.kernel, stride: stride) }
                }
            case .mbConv:
                if expanded != cin {
                    x = b.scoped("0") { convNormAct(x, out: expanded, kernel: 1, stride: 1) }
                }
                x = b.scoped("1") { convNormAct(x, out: expanded, kernel: stage.kernel, stride: stride, groups: expanded) }
                x = b.scoped("2") { squeezeExcitation(x, squeeze: max(1, cin / 4)) }
                x = b.scoped("3") { convNormAct(x, out: stage.outChannels, kernel: 1, stride: 1, activation: nil) }
            }
        }
        guard residual else { return x }
        if p > 0 && mode.stochastic {
            x = b.scoped("stochastic_depth") { b.add(.stochasticDepth(RandomAttrs(p: p, salt: b.salt())), [x, seed]) }
        }
        return b.add(x, input)
    }

    // MARK: layers

    /// torchvision `Conv2dNormActivation`: `.0` conv (no bias, padding (k-1)/2), `.1` BatchNorm,
    /// `.2` activation.
    func convNormAct(_ x: NodeID, out: Int, kernel: Int, stride: Int, groups: Int = 1,
                     activation: UnaryOp? = .silu) -> NodeID {
        let cin = b.shape(x)[3]
        var y = b.scoped("0") { () -> NodeID in
            let w = b.parameter("weight", [out, cin / groups, kernel, kernel])
            return b.conv2d(x, w, stride: stride, padding: (kernel - 1) / 2, groups: groups)
        }
        y = b.scoped("1") { batchNorm(y, eps: config.bnEps) }
        if let f = activation { y = b.scoped("2") { b.unary(f, y) } }
        return y
    }

    /// BatchNorm over the last dimension (`BatchNorm2d` on NHWC, `BatchNorm1d` on N,C), in the
    /// current mode. Training mode also assigns the updated running statistics.
    public func batchNorm(_ x: NodeID, eps: Float) -> NodeID {
        let c = b.shape(x).last!
        let gamma = b.parameter("weight", [c]), beta = b.parameter("bias", [c])
        let mean = b.state(.buffer, "running_mean", [c]), variance = b.state(.buffer, "running_var", [c])
        guard mode.batchNormTraining else {
            return b.add(.batchNormEval(eps: eps), [x, gamma, beta, mean, variance])
        }
        let stats = b.add(.batchNormStats, [x])
        let count = b.type(x).count / c
        b.assign(mean, b.add(.runningStatUpdate(RunningStatAttrs(momentum: config.bnMomentum, row: 0, count: count)), [mean, stats]))
        b.assign(variance, b.add(.runningStatUpdate(RunningStatAttrs(momentum: config.bnMomentum, row: 1, count: count)), [variance, stats]))
        return b.add(.batchNormTrain(eps: eps), [x, stats, gamma, beta])
    }

    /// torchvision `SqueezeExcitation` with SiLU: x · sigmoid(fc2(silu(fc1(avgpool(x))))).
    func squeezeExcitation(_ x: NodeID, squeeze: Int) -> NodeID {
        let s = b.shape(x)
        let (n, c) = (s[0], s[3])
        let pooled = b.scoped("avgpool") { b.reshape(b.reduce(.mean, x, axes: [1, 2]), [n, c]) }
        let h = b.scoped("fc1") { conv1x1AsLinear(pooled, out: squeeze, bias: true) }
        let a = b.scoped("activation") { b.silu(h) }
        let g = b.scoped("fc2") { conv1x1AsLinear(a, out: c, bias: true) }
        let gate = b.scoped("scale_activation") { b.reshape(b.sigmoid(g), [n, 1, 1, c]) }
        return b.mul(x, gate)
    }

    /// A 1×1 `Conv2d` applied to a pooled (N,C) tensor: a linear layer whose weight keeps the
    /// conv's (K,C,1,1) shape in the state dict.
    func conv1x1AsLinear(_ x: NodeID, out: Int, bias: Bool) -> NodeID {
        let c = b.shape(x)[1]
        let w = b.reshape(b.parameter("weight", [out, c, 1, 1]), [out, c])
        return b.linear(x, w, bias ? b.parameter("bias", [out]) : nil)
    }

    /// `nn.Linear` named `weight`, `bias` in the current scope.
    func linear(_ x: NodeID, out: Int, bias: Bool) -> NodeID {
        let w = b.parameter("weight", [out, b.shape(x)[1]])
        return b.linear(x, w, bias ? b.parameter("bias", [out]) : nil)
    }

    /// AdaptiveAvgPool2d(1) then flatten: (N,H,W,C) -> (N,C).
    func flattenPool(_ x: NodeID) -> NodeID {
        let s = b.shape(x)
        return b.reshape(b.reduce(.mean, x, axes: [1, 2]), [s[0], s[3]])
    }

    /// `nn.Dropout(p)`; the identity when p is 0 or outside training.
    func dropout(_ x: NodeID, p: Float) -> NodeID {
        guard p > 0, mode.stochastic else { return x }
        return b.add(.dropout(RandomAttrs(p: p, salt: b.salt())), [x, seed])
    }

    /// The original BreastAI classifier (`nn.Sequential` indices 0-9).
    func breastAIHead(_ x: NodeID, dropout p: Float) -> NodeID {
        let hidden = config.backbone.headHidden
        var y = b.scoped("0") { dropout(x, p: p) }
        y = b.scoped("1") { linear(y, out: hidden[0], bias: true) }
        y = b.scoped("2") { batchNorm(y, eps: config.headBNEps) }
        y = b.scoped("3") { b.relu(y) }
        y = b.scoped("4") { dropout(y, p: 0.5 * p) }
        y = b.scoped("5") { linear(y, out: hidden[1], bias: true) }
        y = b.scoped("6") { batchNorm(y, eps: config.headBNEps) }
        y = b.scoped("7") { b.relu(y) }
        y = b.scoped("8") { dropout(y, p: 0.3 * p) }
        return b.scoped("9") { linear(y, out: config.classes, bias: true) }
    }

    /// CBAM (Woo et al., ECCV 2018) as the original system defines it: channel attention with a
    /// shared bias-free MLP (reduction 16, at least 8 hidden) over avg- and max-pooled features,
    /// then spatial attention with a 7×7 conv over the channel mean and max.
    func cbam(_ x: NodeID) -> NodeID {
        let s = b.shape(x)
        let (n, c) = (s[0], s[3])
        let mid = max(c / 16, 8)
        let channel = b.scoped("channel_attention") { () -> NodeID in
            let w1 = b.scoped("fc") { b.scoped("0") { b.reshape(b.parameter("weight", [mid, c, 1, 1]), [mid, c]) } }
            let w2 = b.scoped("fc") { b.scoped("2") { b.reshape(b.parameter("weight", [c, mid, 1, 1]), [c, mid]) } }
            func mlp(_ v: NodeID) -> NodeID {
                let h = b.scoped("fc") { b.scoped("1") { b.relu(b.scoped("0") { b.linear(v, w1) }) } }
                return b.scoped("fc") { b.scoped("2") { b.linear(h, w2) } }
            }
            let avg = b.scoped("avg_pool") { b.reshape(b.reduce(.mean, x, axes: [1, 2]), [n, c]) }
            let mx = b.scoped("max_pool") { b.reshape(b.reduce(.max, x, axes: [1, 2]), [n, c]) }
            let gate = b.reshape(b.sigmoid(b.add(mlp(avg), mlp(mx))), [n, 1, 1, c])
            return b.mul(x, gate)
        }
        return b.scoped("spatial_attention") { () -> NodeID in
            let avg = b.reduce(.mean, channel, axes: [3])
            let mx = b.reduce(.max, channel, axes: [3])
            let both = b.concat([avg, mx], axis: 3)
            let w = b.scoped("conv") { b.parameter("weight", [1, 2, 7, 7]) }
            let gate = b.sigmoid(b.scoped("conv") { b.conv2d(both, w, padding: 3) })
            return b.mul(channel, gate)
        }
    }
}
