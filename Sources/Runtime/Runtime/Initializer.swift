import Foundation
import Graph
import Formats

/// Weights of a freshly constructed model, distributed as PyTorch initialises them, for training
/// from scratch.
///
/// The backbone (`features.*`, and `classifier.1` of torchvision's head) gets torchvision's
/// EfficientNet initialisation:
///
///     Conv2d weight  ~ N(0, 2 / fan_out)            kaiming_normal_(mode="fan_out"), gain √2
///                      fan_out = out_channels · kh · kw    (PyTorch's rule: no division by groups,
///                                                            so a depthwise [C,1,3,3] has fan_out 9C)
///     Conv2d bias    = 0
///     BatchNorm      weight = 1, bias = 0
///     Linear weight  ~ U(-1/√out_features, +1/√out_features), bias = 0
///
/// The BreastAI head and CBAM (`cbam.*`, and `classifier.*` when the head is BreastAI's) are new
/// modules, so they keep PyTorch's module defaults:
///
///     Linear, Conv2d weight ~ U(-1/√fan_in, +1/√fan_in)    kaiming_uniform_(a=√5)
///                    bias   ~ U(-1/√fan_in, +1/√fan_in)    fan_in = in_features (· kh · kw)
///     BatchNorm1d    weight = 1, bias = 0
///
/// Buffers: `running_mean` = 0, `running_var` = 1.
///
/// Roles come from the layout alone: a rank-1 `X.weight`/`X.bias` with a buffer
/// `X.running_mean` is a BatchNorm's; otherwise `X.weight` of rank 4 is a convolution's and of
/// rank 2 a linear layer's, and `X.bias` belongs to that `X.weight`. Anything else is an error
/// naming the tensor, so a new kind of layer cannot be initialised silently wrong.
///
/// Every tensor draws from its own `SplitMix64` stream seeded by `seed` and the FNV-1a hash of its
/// name, so a tensor's values depend only on (seed, name): the backbone is the same with or
/// without CBAM, whatever the head.
public enum Initializer {
    /// How one tensor is filled.
    public enum Distribution: Hashable, Sendable {
        case constant(Float)
        /// N(0, std²).
        case normal(std: Double)
        /// U(-bound, +bound).
        case uniform(bound: Double)
    }

    /// Fills the model block of `state` as a fresh PyTorch model would be (see the type's
    /// documentation), then copies it to the EMA block. Gradients and Adam moments are not touched.
    ///
    /// `head` defaults to the one the layout shows (`inferredHead`). The layout comes from the
    /// compiler, so a tensor without a rule is a programming error and traps with its name; call
    /// `plan` first to get it as an error instead.
    public static func initialize(_ state: StateBlocks, head: HeadKind? = nil, seed: UInt64) {
        let plan: [(Manifest.TensorEntry, Distribution)]
        do { plan = try self.plan(state.layout, head: head ?? inferredHead(state.layout)) } catch {
            preconditionFailure("Initializer: \(error)")
        }
        let model = state.model
        var mixer = SplitMix64(seed: seed)
        let base = mixer.next()
        for (entry, distribution) in plan {
            fill(model + entry.offset, count: entry.count, distribution, seed: base ^ nameHash(entry.name))
        }
        state.copyModelToEMA()
    }

    /// The head a layout has: BreastAI's if it has CBAM or classifier tensors other than
    /// `classifier.1.*` (its BatchNorm1d and further linear layers), else torchvision's.
    /// (The BreastAI dropout, which no parameter shows, is reported as 0.)
    public static func inferredHead(_ layout: Manifest.StateLayout) -> HeadKind {
        let names = layout.parameters.map(\.name)
        let cbam = names.contains { $0.hasPrefix("cbam.") }
        let breastAI = cbam || names.contains { $0.hasPrefix("classifier.") && !$0.hasPrefix("classifier.1.") }
        return breastAI ? .breastAI(cbam: cbam, dropout: 0) : .torchvision
    }

    /// The distribution of every parameter, then every buffer, of `layout`.
    public static func plan(_ layout: Manifest.StateLayout, head: HeadKind) throws -> [(Manifest.TensorEntry, Distribution)] {
        let parameters = Dictionary(uniqueKeysWithValues: layout.parameters.map { ($0.name, $0) })
        let buffers = Set(layout.buffers.map(\.name))
        var plan: [(Manifest.TensorEntry, Distribution)] = []
        for entry in layout.parameters {
            plan.append((entry, try parameterDistribution(entry, parameters: parameters, buffers: buffers, head: head)))
        }
        for entry in layout.buffers {
            if entry.name.hasSuffix(".running_mean") {
                plan.append((entry, .constant(0)))
            } else if entry.name.hasSuffix(".running_var") {
                plan.append((entry, .constant(1)))
            } else {
                throw RuntimeError.tensor(name: entry.name, problem: "no initialisation rule for a buffer that is not running_mean or running_var")
            }
        }
        return plan
    }

    private static func parameterDistribution(_ entry: Manifest.TensorEntry, parameters: [String: Manifest.TensorEntry],
                                              buffers: Set<String>, head: HeadKind) throws -> Distribution {
        func fail(_ problem: String) -> RuntimeError { .tensor(name: entry.name, problem: problem) }
        guard let dot = entry.name.lastIndex(of: ".") else { throw fail("no initialisation rule for a name without a module prefix") }
        let module = String(entry.name[..<dot]), field = entry.name[entry.name.index(after: dot)...]
        guard field == "weight" || field == "bias" else { throw fail("no initialisation rule for a parameter that is not a weight or bias") }

        if buffers.contains(module + ".running_mean") {
            guard entry.shape.count == 1 else { throw fail("BatchNorm \(field) should have rank 1, has shape \(entry.shape)") }
            return .constant(field == "weight" ? 1 : 0)
        }
        // The convolution or linear weight this parameter is, or is the bias of.
        guard let weight = field == "weight" ? entry : parameters[module + ".weight"] else {
            throw fail("a bias without a weight \(module).weight")
        }
        guard weight.shape.count == 4 || weight.shape.count == 2, !weight.shape.contains(0) else {
            throw fail("\(module).weight has shape \(weight.shape): neither a convolution (rank 4) nor a linear layer (rank 2)")
        }
        let isConvolution = weight.shape.count == 4
        let receptive = weight.shape.dropFirst(2).reduce(1, *)
        let fanIn = Double(weight.shape[1] * receptive), fanOut = Double(weight.shape[0] * receptive)

        let torchvision = module.hasPrefix("features.") || (head == .torchvision && module.hasPrefix("classifier."))
        let pytorchDefault = !torchvision && (module.hasPrefix("cbam.") || module.hasPrefix("classifier."))
        if torchvision {
            if field == "bias" { return .constant(0) }
            return isConvolution ? .normal(std: (2 / fanOut).squareRoot()) : .uniform(bound: 1 / Double(weight.shape[0]).squareRoot())
        }
        if pytorchDefault { return .uniform(bound: 1 / fanIn.squareRoot()) }
        throw fail("no initialisation rule outside features.*, cbam.* and classifier.*")
    }

    private static func nameHash(_ name: String) -> UInt64 {
        var h = FNV1a64()
        h.add(name.utf8)
        return h.value
    }

    private static func fill(_ p: UnsafeMutablePointer<Float>, count: Int, _ distribution: Distribution, seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        switch distribution {
        case .constant(let v):
            p.update(repeating: v, count: count)
        case .normal(let std):
            for i in 0..<count { p[i] = Float(std * rng.normal()) }
        case .uniform(let bound):
            for i in 0..<count { p[i] = Float(rng.uniform(-bound, bound)) }
        }
    }
}
