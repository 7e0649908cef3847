/// A dense row-major tensor of the reference interpreter, stored in Double so the oracle is
/// more exact than the float32 code it checks. Integer tensors (labels, seeds) hold integral values.
public struct Tensor: Hashable, Sendable, CustomStringConvertible {
    public var shape: [Int]
    public var scalars: [Double]

    public init(shape: [Int], scalars: [Double]) {
        precondition(shape.reduce(1, *) == scalars.count, "\(scalars.count) values for shape \(shape)")
        self.shape = shape; self.scalars = scalars
    }
    public init(shape: [Int], floats: [Float]) { self.init(shape: shape, scalars: floats.map(Double.init)) }
    public init(repeating value: Double, shape: [Int]) {
        self.init(shape: shape, scalars: Array(repeating: value, count: shape.reduce(1, *)))
    }
    public init(zeros shape: [Int]) { self.init(repeating: 0, shape: shape) }

    public var count: Int { scalars.count }
    public var floats: [Float] { scalars.map(Float.init) }

    public var description: String {
        let head = scalars.prefix(6).map { String(format6($0)) }.joined(separator: ", ")
        return "Tensor\(shape)[\(head)\(count > 6 ? ", …" : "")]"
    }
}

private func format6(_ x: Double) -> String {
    let r = (x * 1e6).rounded() / 1e6
    return "\(r)"
}

/// For each flat index of a tensor of shape `from`, the flat index of the element it maps to in
/// `to`, where `to` has the same rank and each dimension equal or 1 (broadcast / keepdim reduce).
func flatIndexMap(from: [Int], to: [Int]) -> [Int] {
    precondition(from.count == to.count)
    var toStrides = Array(repeating: 0, count: to.count)
    var s = 1
    for d in stride(from: to.count - 1, through: 0, by: -1) {
        toStrides[d] = to[d] == 1 ? 0 : s
        s *= to[d]
    }
    let n = from.reduce(1, *)
    var map = [Int](repeating: 0, count: n)
    var coord = Array(repeating: 0, count: from.count)
    for i in 0..<n {
        var o = 0
        for d in 0..<from.count { o += coord[d] * toStrides[d] }
        map[i] = o
        var d = from.count - 1
        while d >= 0 {
            coord[d] += 1
            if coord[d] < from[d] { break }
            coord[d] = 0; d -= 1
        }
    }
    return map
}
