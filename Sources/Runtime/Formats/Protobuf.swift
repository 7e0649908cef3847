import Foundation

/// The protocol-buffers wire format, as much of it as ONNX export and TensorBoard event files need: a writer and a reader.
///
/// A message is a sequence of fields, each `key = (field_number << 3) | wire_type` (a varint)
/// followed by its payload:
///
/// | wire type | payload | used for |
/// | --- | --- | --- |
/// | 0 varint | 7 bits per byte, low group first, high bit = more | int32, int64, enum, bool |
/// | 1 fixed64 | 8 bytes little-endian | double |
/// | 2 length-delimited | varint length, then bytes | string, bytes, sub-message, packed repeated |
/// | 5 fixed32 | 4 bytes little-endian | float |
///
/// Negative int32/int64 values are encoded as their 64-bit two's complement (10 bytes); zigzag
/// (`sint*`) is not used by onnx.proto. Groups (wire types 3, 4) are deprecated and rejected.
public enum Protobuf {
    public enum WireType: Int, Sendable {
        case varint = 0, fixed64 = 1, lengthDelimited = 2, fixed32 = 5
    }

    /// An error in a protobuf buffer: `offset` is the byte where reading failed.
    public static func malformed(_ offset: Int, _ problem: String) -> RuntimeError {
        .artifact(path: "<protobuf>", problem: "byte \(offset): \(problem)")
    }
}

/// Builds one protobuf message field by field, in the order the calls are made.
///
/// Sub-messages are written by `message(_:_:)`, which encodes the body into its own writer and
/// prefixes its length; proto3-style defaults are not skipped (every call writes a field).
public struct ProtobufWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    /// The encoded message.
    public var data: Data { Data(bytes) }

    // MARK: scalars

    /// An unsigned varint: 7 bits per byte, least significant group first.
    public mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// A field key: `(number << 3) | wire type`.
    public mutating func key(_ field: Int, _ wire: Protobuf.WireType) {
        precondition(field > 0 && field < 1 << 29, "protobuf field number \(field) out of range")
        varint(UInt64(field) << 3 | UInt64(wire.rawValue))
    }

    /// An int64/int32/enum field (negative values as 64-bit two's complement).
    public mutating func int(_ field: Int, _ value: Int64) {
        key(field, .varint)
        varint(UInt64(bitPattern: value))
    }

    /// A float field (fixed32, IEEE 754 little-endian).
    public mutating func float(_ field: Int, _ value: Float) {
        key(field, .fixed32)
        appendLittleEndian(value.bitPattern)
    }

    /// A double field (fixed64, IEEE 754 little-endian).
    public mutating func double(_ field: Int, _ value: Double) {
        key(field, .fixed64)
        appendLittleEndian(value.bitPattern)
    }

    // MARK: length-delimited

    /// A bytes field.
    public mutating func bytes<C: Collection>(_ field: Int, _ payload: C) where C.Element == UInt8 {
        key(field, .lengthDelimited)
        varint(UInt64(payload.count))
        bytes.append(contentsOf: payload)
    }

    /// A string field (UTF-8).
    public mutating func string(_ field: Int, _ value: String) { bytes(field, Array(value.utf8)) }

    /// A sub-message field whose body `build` writes.
    public mutating func message(_ field: Int, _ build: (inout ProtobufWriter) throws -> Void) rethrows {
        var inner = ProtobufWriter()
        try build(&inner)
        bytes(field, inner.bytes)
    }

    /// A packed repeated int64 field (one length-delimited run of varints).
    public mutating func packedInts(_ field: Int, _ values: [Int64]) {
        var inner = ProtobufWriter()
        for v in values { inner.varint(UInt64(bitPattern: v)) }
        bytes(field, inner.bytes)
    }

    /// A packed repeated float field (one length-delimited run of fixed32 values).
    public mutating func packedFloats(_ field: Int, _ values: [Float]) {
        var inner = ProtobufWriter()
        inner.bytes.reserveCapacity(values.count * 4)
        for v in values { inner.appendLittleEndian(v.bitPattern) }
        bytes(field, inner.bytes)
    }

    /// Floats as little-endian bytes (ONNX `raw_data`), without a key.
    public static func littleEndianBytes(_ values: [Float]) -> [UInt8] {
        var w = ProtobufWriter()
        w.bytes.reserveCapacity(values.count * 4)
        for v in values { w.appendLittleEndian(v.bitPattern) }
        return w.bytes
    }

    /// Int64s as little-endian bytes (ONNX `raw_data` of an INT64 tensor), without a key.
    public static func littleEndianBytes(_ values: [Int64]) -> [UInt8] {
        var w = ProtobufWriter()
        for v in values { w.appendLittleEndian(UInt64(bitPattern: v)) }
        return w.bytes
    }

    private mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}

/// One field read from a message: its number and raw payload.
public struct ProtobufField: Sendable {
    public enum Value: Sendable {
        case varint(UInt64)
        case fixed64(UInt64)
        case fixed32(UInt32)
        case bytes([UInt8])
    }
    public var number: Int
    public var value: Value
    /// Byte offset of the field's key in the message (for error messages).
    public var offset: Int

    /// The value as int64 (varint fields).
    public func int() throws -> Int64 {
        guard case .varint(let v) = value else { throw mismatch("a varint") }
        return Int64(bitPattern: v)
    }

    /// The value as a float (fixed32 fields).
    public func float() throws -> Float {
        guard case .fixed32(let v) = value else { throw mismatch("a fixed32 float") }
        return Float(bitPattern: v)
    }

    /// The value as a double (fixed64 fields).
    public func double() throws -> Double {
        guard case .fixed64(let v) = value else { throw mismatch("a fixed64 double") }
        return Double(bitPattern: v)
    }

    /// The payload of a length-delimited field (bytes, string, sub-message, packed run).
    public func payload() throws -> [UInt8] {
        guard case .bytes(let b) = value else { throw mismatch("a length-delimited payload") }
        return b
    }

    /// The payload as a UTF-8 string.
    public func string() throws -> String {
        guard let s = String(bytes: try payload(), encoding: .utf8) else {
            throw Protobuf.malformed(offset, "field \(number) is not valid UTF-8")
        }
        return s
    }

    /// The int64 values of a repeated field: a packed run, or one unpacked varint.
    public func ints() throws -> [Int64] {
        if case .varint(let v) = value { return [Int64(bitPattern: v)] }
        var r = ProtobufReader(try payload())
        var out: [Int64] = []
        while !r.isAtEnd { out.append(Int64(bitPattern: try r.varint())) }
        return out
    }

    /// The float values of a repeated field: a packed run, or one unpacked fixed32.
    public func floats() throws -> [Float] {
        if case .fixed32(let v) = value { return [Float(bitPattern: v)] }
        let b = try payload()
        guard b.count % 4 == 0 else { throw Protobuf.malformed(offset, "packed floats of \(b.count) bytes (not a multiple of 4)") }
        return stride(from: 0, to: b.count, by: 4).map { i in
            Float(bitPattern: UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24)
        }
    }

    private func mismatch(_ expected: String) -> RuntimeError {
        Protobuf.malformed(offset, "field \(number): expected \(expected), found \(value.kind)")
    }
}

extension ProtobufField.Value {
    var kind: String {
        switch self {
        case .varint: return "a varint"
        case .fixed64: return "a fixed64"
        case .fixed32: return "a fixed32"
        case .bytes: return "a length-delimited payload"
        }
    }
}

/// Walks the fields of one encoded message in order; unknown fields are returned like any other.
public struct ProtobufReader: Sendable {
    private let bytes: [UInt8]
    public private(set) var offset = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public init(_ data: Data) { self.bytes = [UInt8](data) }

    public var isAtEnd: Bool { offset >= bytes.count }

    /// Every field of a message.
    public static func fields(_ bytes: [UInt8]) throws -> [ProtobufField] {
        var r = ProtobufReader(bytes)
        var out: [ProtobufField] = []
        while let f = try r.next() { out.append(f) }
        return out
    }

    /// The next field, or nil at the end of the message.
    public mutating func next() throws -> ProtobufField? {
        guard !isAtEnd else { return nil }
        let start = offset
        let key = try varint()
        let number = Int(key >> 3)
        guard number > 0 else { throw Protobuf.malformed(start, "field number 0") }
        let value: ProtobufField.Value
        switch Protobuf.WireType(rawValue: Int(key & 7)) {
        case .varint: value = .varint(try varint())
        case .fixed64: value = .fixed64(try littleEndian(8))
        case .fixed32: value = .fixed32(UInt32(try littleEndian(4)))
        case .lengthDelimited:
            let length = try varint()
            guard length <= UInt64(bytes.count - offset) else {
                throw Protobuf.malformed(offset, "field \(number) claims \(length) bytes, \(bytes.count - offset) remain")
            }
            value = .bytes(Array(bytes[offset ..< offset + Int(length)]))
            offset += Int(length)
        case nil:
            throw Protobuf.malformed(start, "field \(number) has unsupported wire type \(key & 7)")
        }
        return ProtobufField(number: number, value: value, offset: start)
    }

    /// An unsigned varint of at most 10 bytes.
    public mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        let start = offset
        while true {
            guard offset < bytes.count else { throw Protobuf.malformed(start, "truncated varint") }
            guard shift < 64 else { throw Protobuf.malformed(start, "varint longer than 10 bytes") }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    private mutating func littleEndian(_ count: Int) throws -> UInt64 {
        guard bytes.count - offset >= count else { throw Protobuf.malformed(offset, "truncated \(count)-byte value") }
        var v: UInt64 = 0
        for i in 0 ..< count { v |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        offset += count
        return v
    }
}

/// A message type that writes itself field by field and reads itself back from its encoding.
public protocol ProtobufMessage {
    func encode(to writer: inout ProtobufWriter)
    init(protobuf bytes: [UInt8]) throws
}

extension ProtobufWriter {
    /// A sub-message field.
    public mutating func message<M: ProtobufMessage>(_ field: Int, _ value: M) {
        message(field) { value.encode(to: &$0) }
    }
}

extension ProtobufField {
    /// The payload decoded as a sub-message.
    public func message<M: ProtobufMessage>(_ type: M.Type = M.self) throws -> M {
        try M(protobuf: try payload())
    }
}
