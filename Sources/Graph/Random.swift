import Foundation

/// The counter-based random numbers of dropout and stochastic depth.
///
/// A draw depends only on (seed, salt, index), so the interpreter and the generated C produce
/// the same masks without sharing a generator, in any order and on any number of threads.
/// The C twin is emitted by Codegen; both must stay bit-identical.
///
///     key = hash(seed + 0x9E3779B9·salt)
///     u   = (hash(key ^ index) >> 8) · 2⁻²⁴        in [0, 1)
///
/// `hash` is Chris Wellons' `lowbias32` integer hash.
public enum Random {
    @inline(__always)
    public static func hash(_ x: UInt32) -> UInt32 {
        var x = x
        x ^= x >> 16; x = x &* 0x7feb_352d
        x ^= x >> 15; x = x &* 0x846c_a68b
        x ^= x >> 16
        return x
    }

    /// A uniform draw in [0, 1) with 24 bits of resolution.
    @inline(__always)
    public static func uniform(seed: UInt32, salt: UInt32, index: UInt32) -> Float {
        let key = hash(seed &+ 0x9E37_79B9 &* salt)
        return Float(hash(key ^ index) >> 8) * (1.0 / 16_777_216.0)
    }

    /// Whether element/sample `index` is kept when dropping with probability p: u >= p.
    @inline(__always)
    public static func keep(seed: UInt32, salt: UInt32, index: UInt32, p: Float) -> Bool {
        uniform(seed: seed, salt: salt, index: index) >= p
    }
}

/// SplitMix64 (Steele, Lea & Flood, 2014): a tiny seeded generator for reproducible test data,
/// synthetic benchmark inputs and weight initialisation.
public struct SplitMix64: Sendable {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1), 53 bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
    public mutating func uniform(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * unit() }
    /// Standard normal (Box-Muller).
    public mutating func normal() -> Double {
        let u = max(unit(), 1e-12), v = unit()
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
    public mutating func tensor(_ shape: [Int], _ lo: Double = -1, _ hi: Double = 1) -> Tensor {
        Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { _ in uniform(lo, hi) })
    }
}
