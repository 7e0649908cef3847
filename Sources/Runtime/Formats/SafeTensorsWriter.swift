import Foundation

/// Builds a safetensors file: collect tensors with `add`, then `serialized()` or `write(to:)`.
///
/// The layout matches the reference writer byte for byte: tensors sorted by descending dtype
/// (declaration order, hence descending element size) then by name (bytewise), compact JSON with
/// `__metadata__` first (keys sorted; omitted when empty) and each entry's keys in the order
/// dtype, shape, data_offsets, padded with spaces to a multiple of 8 bytes.
public struct SafeTensorsWriter: Sendable {
    /// One tensor waiting to be written.
    private struct Pending: Sendable {
        let name: String
        let dtype: SafeTensorsDType
        let shape: [Int]
        let bytes: Data
    }

    /// The `__metadata__` map to write.
    public var metadata: [String: String]
    private var pending: [Pending] = []
    private var names: Set<String> = []

    /// An empty writer with the given `__metadata__`.
    public init(metadata: [String: String] = [:]) {
        self.metadata = metadata
    }

    /// Adds an F32 tensor; `floats.count` must equal the product of `shape`.
    public mutating func add(_ name: String, floats: [Float], shape: [Int]) throws {
        #if _endian(little)
        let bytes = floats.withUnsafeBytes { Data($0) }
        #else
        var bytes = Data(capacity: floats.count * 4)
        for value in floats { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        #endif
        try add(name, dtype: .F32, shape: shape, count: floats.count, bytes: bytes)
    }

    /// Adds an I64 tensor; `int64s.count` must equal the product of `shape`.
    public mutating func add(_ name: String, int64s: [Int64], shape: [Int]) throws {
        #if _endian(little)
        let bytes = int64s.withUnsafeBytes { Data($0) }
        #else
        var bytes = Data(capacity: int64s.count * 8)
        for value in int64s { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        #endif
        try add(name, dtype: .I64, shape: shape, count: int64s.count, bytes: bytes)
    }

    /// Adds a tensor from raw little-endian bytes; `bytes.count` must equal the product of `shape` times the element size.
    public mutating func add(_ name: String, dtype: SafeTensorsDType, shape: [Int], bytes: Data) throws {
        try add(name, dtype: dtype, shape: shape, count: nil, bytes: bytes)
    }

    /// Checks the name, the shape and the element (or byte) count, then records the tensor.
    private mutating func add(_ name: String, dtype: SafeTensorsDType, shape: [Int], count: Int?, bytes: Data) throws {
        func fail(_ problem: String) -> RuntimeError { .safetensors(path: "<writer>", problem: problem) }
        let shapeText = "\(dtype.rawValue) \(formatShape(shape))"
        guard name != "__metadata__" else { throw fail("'__metadata__' is reserved and cannot name a tensor") }
        guard !names.contains(name) else { throw fail("tensor '\(name)' was already added (duplicate name)") }
        guard shape.allSatisfy({ $0 >= 0 }) else { throw fail("tensor '\(name)' has negative dimension in shape \(formatShape(shape))") }
        var elements = 1
        for dim in shape {
            let (product, overflow) = elements.multipliedReportingOverflow(by: dim)
            guard !overflow else { throw fail("tensor '\(name)' has \(shapeText), whose element count overflows") }
            elements = product
        }
        if let count {
            guard count == elements else {
                throw fail("tensor '\(name)' has \(count) values but \(shapeText) needs \(elements)")
            }
        } else {
            let (needed, overflow) = elements.multipliedReportingOverflow(by: dtype.byteSize)
            guard !overflow, bytes.count == needed else {
                throw fail("tensor '\(name)' has \(bytes.count) bytes but \(shapeText) needs \(overflow ? "too many" : String(needed))")
            }
        }
        names.insert(name)
        pending.append(Pending(name: name, dtype: dtype, shape: shape, bytes: bytes))
    }

    /// The complete file: length prefix, padded header, data section.
    public func serialized() -> Data {
        let ordered = pending.sorted { a, b in
            if a.dtype != b.dtype { return a.dtype.order > b.dtype.order }
            return a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
        }
        var header = "{"
        var first = true
        if !metadata.isEmpty {
            header += jsonString("__metadata__") + ":{"
            let keys = metadata.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            header += keys.map { jsonString($0) + ":" + jsonString(metadata[$0]!) }.joined(separator: ",")
            header += "}"
            first = false
        }
        var offset = 0
        for tensor in ordered {
            if !first { header += "," }
            first = false
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            header += jsonString(tensor.name)
                + ":{\"dtype\":\"\(tensor.dtype.rawValue)\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(offset + tensor.bytes.count)]}"
            offset += tensor.bytes.count
        }
        header += "}"
        var headerBytes = Array(header.utf8)
        headerBytes += Array(repeating: 0x20, count: (8 - headerBytes.count % 8) % 8)

        var file = Data(capacity: 8 + headerBytes.count + offset)
        withUnsafeBytes(of: UInt64(headerBytes.count).littleEndian) { file.append(contentsOf: $0) }
        file.append(contentsOf: headerBytes)
        for tensor in ordered { file.append(tensor.bytes) }
        return file
    }

    /// Writes the file atomically: a temporary file in the same directory is written and fsynced,
    /// renamed over `url`, and the directory fsynced; on failure `url` is untouched and the
    /// temporary file removed.
    public func write(to url: URL) throws {
        try AtomicFile.write(serialized(), to: url.path)
    }
}
