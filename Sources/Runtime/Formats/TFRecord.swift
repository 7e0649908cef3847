import Foundation

/// TFRecord framing, the container of TensorBoard event files: each record is
///
/// | bytes | content |
/// | --- | --- |
/// | 8 | `length`, uint64 little-endian |
/// | 4 | masked CRC-32C of those 8 bytes, uint32 little-endian |
/// | `length` | the data (an encoded protobuf) |
/// | 4 | masked CRC-32C of the data, uint32 little-endian |
///
/// (`CRC32C.masked`). A reader that meets a torn last record (a crash mid-write) stops there.
public enum TFRecord {
    /// The header and footer bytes around a record's data.
    public static let overhead = 16

    /// `data` framed as one record.
    public static func frame(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count + overhead)
        let length = littleEndian(UInt64(data.count))
        out += length
        out += littleEndian(CRC32C.maskedChecksum(length))
        out += data
        out += littleEndian(CRC32C.maskedChecksum(data))
        return out
    }

    /// The records of a file's bytes, each checked against its two CRCs. A torn last record (the
    /// file ends inside it) is left out and reported in `tornTail`; any other damage throws,
    /// naming `path` and the byte offset of the record.
    public static func records(in bytes: [UInt8], path: String) throws -> (records: [[UInt8]], tornTail: Bool) {
        var records: [[UInt8]] = []
        var offset = 0
        func fail(_ problem: String) -> RuntimeError { .artifact(path: path, problem: "record at byte \(offset): \(problem)") }
        while offset < bytes.count {
            guard bytes.count - offset >= 12 else { return (records, true) }
            let lengthBytes = bytes[offset ..< offset + 8]
            guard readUInt32(bytes, offset + 8) == CRC32C.maskedChecksum(lengthBytes) else {
                throw fail("the length's CRC does not match")
            }
            let length = lengthBytes.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            guard length <= UInt64(bytes.count - offset - 12) && bytes.count - offset - 12 - Int(length) >= 4 else {
                return (records, true)
            }
            let data = Array(bytes[offset + 12 ..< offset + 12 + Int(length)])
            guard readUInt32(bytes, offset + 12 + Int(length)) == CRC32C.maskedChecksum(data) else {
                throw fail("the data's CRC does not match (\(length) bytes)")
            }
            records.append(data)
            offset += 16 + Int(length)
        }
        return (records, false)
    }

    private static func readUInt32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        (0 ..< 4).reduce(UInt32(0)) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) }
    }

    private static func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }
}
