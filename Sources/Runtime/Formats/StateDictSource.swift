import Foundation

/// A file of named tensors with torchvision names: a safetensors file or a torch `.pth` checkpoint.
///
/// `Weights.load` reads any source through these four members; `Weights.open` picks the
/// format from the file's first bytes.
public protocol StateDictSource {
    /// The file the tensors came from, for messages.
    var path: String { get }
    /// The tensor names.
    var names: [String] { get }
    /// The dimensions of tensor `name`, outermost first.
    func shape(_ name: String) throws -> [Int]
    /// Tensor `name` as dense row-major Float (converted from fp16, bf16 or fp64); throws for
    /// integer tensors and unknown names.
    func floats(_ name: String) throws -> [Float]
    /// What reading the file involved that a user should know (e.g. the checkpoint entry the
    /// state dict was taken from); empty by default.
    var readingNotes: [String] { get }
}

extension StateDictSource {
    public var readingNotes: [String] { [] }
}

extension SafeTensors: StateDictSource {}
