/// The element type of a tensor.
public enum DType: String, Hashable, Codable, Sendable {
    case f32
    case i32

    /// Bytes per element.
    public var byteSize: Int { 4 }
}

/// A tensor's static type: its shape and element type.
///
/// Activations are NHWC (channels last); weights keep torchvision's layout (OIHW for
/// convolutions, [out, in] for linear layers), so names and shapes match a PyTorch state dict.
public struct TensorType: Hashable, Codable, Sendable, CustomStringConvertible {
    public var shape: [Int]
    public var dtype: DType

    public init(_ shape: [Int], _ dtype: DType = .f32) {
        self.shape = shape
        self.dtype = dtype
    }

    public var rank: Int { shape.count }
    /// Number of elements (1 for a scalar of shape []).
    public var count: Int { shape.reduce(1, *) }
    public var byteCount: Int { count * dtype.byteSize }

    public var description: String { "\(dtype.rawValue)[\(shape.map(String.init).joined(separator: ","))]" }
}

/// Broadcasting as NumPy/PyTorch define it, restricted to equal ranks: each dimension is equal or 1.
/// Returns nil when the shapes do not broadcast.
public func broadcastShape(_ a: [Int], _ b: [Int]) -> [Int]? {
    guard a.count == b.count else { return nil }
    var out = [Int]()
    for (x, y) in zip(a, b) {
        if x == y || y == 1 { out.append(x) } else if x == 1 { out.append(y) } else { return nil }
    }
    return out
}
