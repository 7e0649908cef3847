import Foundation

/// A 64-bit DCT perceptual hash of an image (pHash), for finding near-duplicate images.
///
///     g      = the gray image, area-averaged down to 32 x 32
///     D      = DCT-II of g (orthonormal scaling does not matter: only signs against a median count)
///     c      = D[u][v] for u, v in 1...8 (64 low frequencies, without the DC row and column)
///     bit k  = c_k > median(c)        (k = 8·(u−1) + (v−1), most significant bit first)
///
/// A global brightness or contrast change moves the DC term and scales the rest, so it barely
/// changes the hash; a re-encode or a resize changes only high frequencies. Two hashes are
/// compared by their Hamming distance (`distance`): 0 for the same pixels, a few bits for such
/// copies, about 32 for unrelated images.
public enum PerceptualHash {
    /// The side of the downscaled image the DCT runs on.
    public static let side = 32

    /// The hash of `width * height` gray values (row-major); needs at least 1 x 1 pixels.
    public static func hash(gray: [UInt8], width: Int, height: Int) -> UInt64 {
        precondition(width >= 1 && height >= 1 && gray.count == width * height,
                     "pHash needs width * height gray values, got \(gray.count) for \(width)x\(height)")
        let small = downscale(gray, width: width, height: height)
        let coefficients = lowFrequencies(small)
        let median = coefficients.sorted()[coefficients.count / 2 - 1 ... coefficients.count / 2].reduce(0, +) / 2
        var bits: UInt64 = 0
        for c in coefficients { bits = bits << 1 | (c > median ? 1 : 0) }
        return bits
    }

    /// The hash of an RGB image's luma.
    public static func hash(_ image: RGBImage) -> UInt64 {
        hash(gray: image.grayPixels, width: image.width, height: image.height)
    }

    /// The number of differing bits of two hashes (0...64).
    @inlinable
    public static func distance(_ a: UInt64, _ b: UInt64) -> Int { (a ^ b).nonzeroBitCount }

    /// The hash as 16 lowercase hex digits.
    public static func hex(_ hash: UInt64) -> String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    // MARK: Steps

    /// Area average onto a `side` x `side` grid: output cell (i, j) averages the source rows
    /// ⌊i·H/side⌋ ..< max(that + 1, ⌊(i+1)·H/side⌋) and likewise for columns (a small image
    /// repeats its pixels).
    static func downscale(_ gray: [UInt8], width: Int, height: Int) -> [Double] {
        func ranges(_ n: Int) -> [Range<Int>] {
            (0..<side).map { i in
                let lo = min(n - 1, i * n / side)
                return lo ..< max(lo + 1, (i + 1) * n / side)
            }
        }
        let rows = ranges(height), cols = ranges(width)
        // Column sums per source row first, then rows: O(W·H + side²·H).
        var out = [Double](repeating: 0, count: side * side)
        gray.withUnsafeBufferPointer { g in
            var rowSums = [Double](repeating: 0, count: side)
            for (i, rr) in rows.enumerated() {
                for k in 0..<side { rowSums[k] = 0 }
                for y in rr {
                    let base = y * width
                    for (j, cr) in cols.enumerated() {
                        var s = 0
                        for x in cr { s += Int(g[base + x]) }
                        rowSums[j] += Double(s)
                    }
                }
                for (j, cr) in cols.enumerated() { out[i * side + j] = rowSums[j] / Double(rr.count * cr.count) }
            }
        }
        return out
    }

    /// cos(π·(2x+1)·u / (2·side)) for u in 0...8, x in 0..<side.
    private static let cosines: [Double] = (0...8).flatMap { u in
        (0..<side).map { x in cos(Double.pi * Double(2 * x + 1) * Double(u) / Double(2 * side)) }
    }

    /// D[u][v] for u, v in 1...8, row-major, of the side x side input (separable DCT-II).
    static func lowFrequencies(_ g: [Double]) -> [Double] {
        // Along rows: R[y][v] = Σ_x g[y][x]·cos_v(x), v in 1...8.
        var r = [Double](repeating: 0, count: side * 8)
        for y in 0..<side {
            for v in 1...8 {
                var s = 0.0
                for x in 0..<side { s += g[y * side + x] * cosines[v * side + x] }
                r[y * 8 + v - 1] = s
            }
        }
        // Along columns: D[u][v] = Σ_y R[y][v]·cos_u(y), u in 1...8.
        var d = [Double](repeating: 0, count: 64)
        for u in 1...8 {
            for v in 0..<8 {
                var s = 0.0
                for y in 0..<side { s += r[y * 8 + v] * cosines[u * side + y] }
                d[(u - 1) * 8 + v] = s
            }
        }
        return d
    }
}
