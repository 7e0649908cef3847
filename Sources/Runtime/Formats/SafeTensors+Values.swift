import Foundation

/// A shape as the messages print it: `[24,3,3,3]`, `[]` for a scalar.
func formatShape(_ shape: [Int]) -> String {
    "[" + shape.map(String.init).joined(separator: ",") + "]"
}

/// IEEE 754 binary16 to Float, exactly (subnormals, infinities and NaN payloads included).
func halfToFloat(_ h: UInt16) -> Float {
    let negative = h & 0x8000 != 0
    let exponent = UInt32(h >> 10) & 0x1F
    let mantissa = UInt32(h) & 0x3FF
    let magnitude: Float
    switch exponent {
    case 0: magnitude = Float(mantissa) * 0x1p-24
    case 0x1F: magnitude = Float(bitPattern: 0x7F80_0000 | mantissa << 13)
    default: magnitude = Float(bitPattern: (exponent + 112) << 23 | mantissa << 13)
    }
    return negative ? -magnitude : magnitude
}
