/// The contract between Codegen and Runtime: what a compiled artifact contains and how to call it.
///
/// Codegen writes it as `manifest.json` beside the shared library; Runtime reads it and never
/// needs to know how the kernels were made. Every entry point has the C signature
/// `int entry(void *const *io)`, where `io[i]` is the pointer for `ioSlots[i]`.
public struct Manifest: Codable, Hashable, Sendable {
    public static let currentFormat = 1

    /// One tensor of a state block: offset and count in floats from the block's start.
    public struct TensorEntry: Codable, Hashable, Sendable {
        public var name: String
        public var shape: [Int]
        public var offset: Int
        public var count: Int
        public init(name: String, shape: [Int], offset: Int, count: Int) {
            self.name = name; self.shape = shape; self.offset = offset; self.count = count
        }
    }

    /// Where persistent tensors live. The `model` block holds the parameters then the buffers;
    /// `grads`, `adam_m` and `adam_v` have the parameters' layout (`parameterFloats` long);
    /// `ema` has the model block's layout.
    public struct StateLayout: Codable, Hashable, Sendable {
        public var parameters: [TensorEntry]
        public var buffers: [TensorEntry]
        public var parameterFloats: Int
        public var modelFloats: Int
        enum CodingKeys: String, CodingKey {
            case parameters, buffers
            case parameterFloats = "parameter_floats", modelFloats = "model_floats"
        }
        public init(parameters: [TensorEntry], buffers: [TensorEntry], parameterFloats: Int, modelFloats: Int) {
            self.parameters = parameters; self.buffers = buffers
            self.parameterFloats = parameterFloats; self.modelFloats = modelFloats
        }
    }

    /// One phase's programs.
    public struct PhaseEntry: Codable, Hashable, Sendable {
        public var phase: Int
        /// Entry of one micro-batch (forward, loss, backward, gradient accumulation).
        public var stepEntry: String
        /// Entry of one optimizer step (clipping, AdamW, accumulators reset, EMA).
        public var updateEntry: String
        /// Scratch bytes the entries need (`io[arena]`), from the memory plan.
        public var arenaBytes: Int
        /// The largest set of simultaneously live bytes: no plan can use less.
        public var lowerBoundBytes: Int
        /// The sum of every intermediate buffer, as if nothing were reused.
        public var noReuseBytes: Int
        public var kernels: Int
        public var trainableParameters: Int
        /// [start, end) in floats of the trainable parameters within the parameter layout.
        public var trainableRange: [Int]
        enum CodingKeys: String, CodingKey {
            case phase, kernels
            case stepEntry = "step_entry", updateEntry = "update_entry", arenaBytes = "arena_bytes"
            case lowerBoundBytes = "lower_bound_bytes", noReuseBytes = "no_reuse_bytes"
            case trainableParameters = "trainable_parameters", trainableRange = "trainable_range"
        }
        public init(phase: Int, stepEntry: String, updateEntry: String, arenaBytes: Int, lowerBoundBytes: Int,
                    noReuseBytes: Int, kernels: Int, trainableParameters: Int, trainableRange: [Int]) {
            self.phase = phase; self.stepEntry = stepEntry; self.updateEntry = updateEntry
            self.arenaBytes = arenaBytes; self.lowerBoundBytes = lowerBoundBytes; self.noReuseBytes = noReuseBytes
            self.kernels = kernels; self.trainableParameters = trainableParameters; self.trainableRange = trainableRange
        }
    }

    /// The inference program (every BatchNorm on running statistics).
    public struct EvalEntry: Codable, Hashable, Sendable {
        public var entry: String
        public var arenaBytes: Int
        public var lowerBoundBytes: Int
        public var kernels: Int
        enum CodingKeys: String, CodingKey {
            case entry, kernels
            case arenaBytes = "arena_bytes", lowerBoundBytes = "lower_bound_bytes"
        }
        public init(entry: String, arenaBytes: Int, lowerBoundBytes: Int, kernels: Int) {
            self.entry = entry; self.arenaBytes = arenaBytes; self.lowerBoundBytes = lowerBoundBytes; self.kernels = kernels
        }
    }

    public var format: Int = Manifest.currentFormat
    public var model: String
    public var architecture: String
    public var head: String
    public var imageSize: Int
    public var batch: Int
    public var classes: Int
    /// Hash of everything that shaped the code (model configuration, loss, compile options).
    public var optionsHash: String
    /// The shared library's file name, relative to the manifest.
    public var library: String
    /// Absent in manifests the compiler writes: the command that really built the library is in
    /// the build record (`build.json`), written by the build itself. Kept optional so a manifest
    /// that carries one still loads.
    public var compileCommand: String?
    /// Names of the pointers an entry receives, in order (see `IOSlot`).
    public var ioSlots: [String]
    public var layout: StateLayout
    public var phases: [PhaseEntry]
    public var eval: EvalEntry
    /// The explain program (Grad-CAM, `ExplainProgram`), in explain artifacts only.
    public var explain: EvalEntry? = nil
    /// `bf16` when the contractions take bfloat16 inputs (`breastai_gemm_bf16`); absent for fp32,
    /// so fp32 manifests are what they always were. A runtime refuses a bf16 library on a CPU
    /// without AVX512-BF16.
    public var precision: String? = nil

    enum CodingKeys: String, CodingKey {
        case format, model, architecture, head, batch, classes, library, layout, phases, eval, explain, precision
        case imageSize = "image_size", optionsHash = "options_hash", compileCommand = "compile_command", ioSlots = "io_slots"
    }

    public init(model: String, architecture: String, head: String, imageSize: Int, batch: Int, classes: Int,
                optionsHash: String, library: String, compileCommand: String?, ioSlots: [String],
                layout: StateLayout, phases: [PhaseEntry], eval: EvalEntry) {
        self.model = model; self.architecture = architecture; self.head = head; self.imageSize = imageSize
        self.batch = batch; self.classes = classes; self.optionsHash = optionsHash; self.library = library
        self.compileCommand = compileCommand; self.ioSlots = ioSlots; self.layout = layout
        self.phases = phases; self.eval = eval
    }
}

/// The pointers every entry point receives, in this order (`io[slot.rawValue]`).
public enum IOSlot: Int, CaseIterable, Sendable {
    /// Scratch memory of at least the phase's `arena_bytes`, 64-byte aligned.
    case arena
    /// Parameters then buffers (`layout.model_floats` floats).
    case model
    /// Gradient accumulators (`layout.parameter_floats`).
    case grads
    case adamM
    case adamV
    /// EMA of the model block.
    case ema
    /// f32 (N,H,W,3), ImageNet-normalised RGB.
    case images
    /// i32 (N).
    case labels
    /// i32 (1): the per-call random seed.
    case seed
    /// f32 (8): `Hyper` slots.
    case hyper
    /// f32 (4,2): 1-β1^t, 1-β2^t per step-count group.
    case biasCorrection
    /// f32 (1), written by step entries.
    case loss
    /// f32 (N, classes), written by step and eval entries.
    case logits
    /// f32 (N, classes), written by eval entries.
    case probabilities
    /// f32 (N, classes), read by the explain entry: the one-hot class whose logit is explained.
    case selector
    /// f32 (N, h, w), written by the explain entry: the Grad-CAM map at the feature resolution.
    case heatmap

    public var name: String {
        switch self {
        case .arena: return "arena"
        case .model: return "model"
        case .grads: return "grads"
        case .adamM: return "adam_m"
        case .adamV: return "adam_v"
        case .ema: return "ema"
        case .images: return "images"
        case .labels: return "labels"
        case .seed: return "seed"
        case .hyper: return "hyper"
        case .biasCorrection: return "bias_correction"
        case .loss: return "loss"
        case .logits: return "logits"
        case .probabilities: return "probabilities"
        case .selector: return "selector"
        case .heatmap: return "heatmap"
        }
    }
}

/// One fused kernel of a program, as `kernels.json` lists it (for `breastai-run bench kernels`):
/// the entry `<program>_kernel(io, index)` runs it alone.
public struct KernelInfo: Codable, Hashable, Sendable {
    public var index: Int
    public var function: String
    /// torchvision scope of the value it writes.
    public var scope: String
    /// IR ops fused into it.
    public var ops: [String]
    /// Convolution and matrix-product FLOPs (2 per multiply-accumulate).
    public var contractionFlops: Int
    public var flops: Int
    /// Bytes of every operand read and written once.
    public var bytes: Int
    enum CodingKeys: String, CodingKey {
        case index, function, scope, ops, flops, bytes
        case contractionFlops = "contraction_flops"
    }
    public init(index: Int, function: String, scope: String, ops: [String], contractionFlops: Int, flops: Int, bytes: Int) {
        self.index = index; self.function = function; self.scope = scope; self.ops = ops
        self.contractionFlops = contractionFlops; self.flops = flops; self.bytes = bytes
    }
}
