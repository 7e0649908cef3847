/// CRC-32C (Castagnoli), the checksum of TFRecord framing: reflected polynomial 0x82F63B78,
/// initial value and final XOR 0xFFFFFFFF (RFC 3720, appendix B.4).
///
/// Table-driven, one byte at a time: TensorBoard records are a few hundred bytes.
public enum CRC32C {
    /// `table[b]`: the CRC register after shifting the byte `b` through eight reflected steps.
    private static let table: [UInt32] = (0 ..< 256).map { byte in
        var c = UInt32(byte)
        for _ in 0 ..< 8 { c = c & 1 == 1 ? (c >> 1) ^ 0x82F6_3B78 : c >> 1 }
        return c
    }

    /// The CRC-32C of `bytes`.
    public static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = table[Int(UInt8(truncatingIfNeeded: c) ^ b)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    /// TensorFlow's masked CRC, `rotate_right(crc, 15) + 0xA282EAD8` (mod 2^32), which TFRecord
    /// stores so that a CRC of data holding CRCs stays well distributed.
    public static func masked(_ crc: UInt32) -> UInt32 {
        ((crc >> 15) | (crc << 17)) &+ 0xA282_EAD8
    }

    /// The masked CRC-32C of `bytes`.
    public static func maskedChecksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        masked(checksum(bytes))
    }
}
