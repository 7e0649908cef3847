import Graph

/// Seeded draws every shuffle, split, sampler, bootstrap and augmentation uses: one generator
/// per (seed, stream), unbiased bounded draws and Fisher-Yates shuffles on `SplitMix64`.
public enum RandomDraws {
    /// A generator for (seed, stream): the seed and stream are mixed through SplitMix64 so
    /// neighbouring epochs get unrelated sequences.
    public static func generator(seed: UInt64, stream: UInt64) -> SplitMix64 {
        var mix = SplitMix64(seed: seed)
        let a = mix.next()
        var mix2 = SplitMix64(seed: a ^ (stream &* 0xD1B5_4A32_D192_ED03))
        return SplitMix64(seed: mix2.next())
    }

    /// A uniform random permutation of 0..<n (Fisher-Yates, unbiased bounded draws).
    public static func permutation(_ n: Int, _ rng: inout SplitMix64) -> [Int] {
        var p = Array(0..<n)
        shuffle(&p, &rng)
        return p
    }

    public static func shuffle<T>(_ a: inout [T], _ rng: inout SplitMix64) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            a.swapAt(i, uniformIndex(below: i + 1, &rng))
        }
    }

    /// Uniform in 0..<bound without modulo bias (rejection on the top of the range).
    public static func uniformIndex(below bound: Int, _ rng: inout SplitMix64) -> Int {
        precondition(bound > 0)
        let b = UInt64(bound)
        let limit = UInt64.max - UInt64.max % b
        while true {
            let x = rng.next()
            if x < limit { return Int(x % b) }
        }
    }
}
