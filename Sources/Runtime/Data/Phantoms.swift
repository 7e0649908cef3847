import Foundation
import Graph
import Formats

/// A seeded synthetic dataset of breast-ultrasound-like gray images (the demo's data).
///
/// Every image: layered tissue (a bright skin line, a dark subcutaneous fat layer with a wavy lower
/// boundary, brighter glandular tissue below, attenuating with depth, low-frequency variation) times
/// multiplicative speckle (the magnitude of a slightly blurred complex Gaussian field: Rayleigh
/// distributed, mean 1). `benign`: one smooth, wider-than-tall oval hypoechoic mass with a thin
/// bright rim. `malignant`: an irregular dark mass (radius modulated by random harmonics 2...5 plus
/// 5...9 narrow spikes) with posterior acoustic shadowing (a darker band below it). `normal`: no mass.
/// Each image depends only on (seed, split, class, index), so any subset regenerates identically.
public enum Phantoms {
    public enum Kind: String, CaseIterable, Sendable {
        case benign, malignant, normal
    }

    /// The class folders written, in label order (the config's default `data.class_names`).
    public static let classNames = Kind.allCases.map(\.rawValue)

    /// Images per class in each split.
    public struct SplitCounts: Equatable, Sendable {
        public var train: Int
        public var val: Int
        public var test: Int
        public init(train: Int, val: Int, test: Int) {
            self.train = train
            self.val = val
            self.test = test
        }
        public subscript(split: Dataset.Split) -> Int {
            switch split {
            case .train: train
            case .val: val
            case .test: test
            }
        }
    }

    /// One generated image: `gray` row-major `size * size`, and the mass mask (all false for normal).
    public struct Phantom: Sendable {
        public let size: Int
        public let gray: [UInt8]
        public let mask: [Bool]
        public var image: RGBImage { RGBImage(width: size, height: size, gray: gray) }
    }

    /// Writes `<dataDir>/{train,val,test}/<class>/<class>_NNNN.png` (each file atomically; existing
    /// files of the same name are replaced) and returns the number written per split and class.
    @discardableResult
    public static func write(to dataDir: URL, perClass: SplitCounts, size: Int = 96, seed: UInt64)
        throws -> [Dataset.Split: [String: Int]] {
        precondition(size >= 32, "phantom size must be at least 32")
        var result: [Dataset.Split: [String: Int]] = [:]
        for (splitIndex, split) in Dataset.Split.allCases.enumerated() {
            let n = perClass[split]
            var perClassCount: [String: Int] = [:]
            for (classIndex, kind) in Kind.allCases.enumerated() {
                let folder = dataDir.appendingPathComponent(split.rawValue).appendingPathComponent(kind.rawValue)
                do {
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                } catch {
                    throw RuntimeError.io(path: folder.path, problem: "cannot create directory: \(error.localizedDescription)")
                }
                for i in 0..<n {
                    let s = imageSeed(seed, split: splitIndex, classIndex: classIndex, index: i)
                    let p = generate(kind, size: size, seed: s)
                    let name = "\(kind.rawValue)_\(String(format: "%04d", i)).png"
                    try ImageCodec.writePNG(p.image, to: folder.appendingPathComponent(name))
                }
                perClassCount[kind.rawValue] = n
            }
            result[split] = perClassCount
        }
        return result
    }

    /// The phantom `write` stores as `<split>/<kind>/<kind>_NNNN.png` (index `index`), regenerated.
    public static func phantom(_ kind: Kind, split: Dataset.Split, index: Int, size: Int, seed: UInt64) -> Phantom {
        let splitIndex = Dataset.Split.allCases.firstIndex(of: split)!
        let classIndex = Kind.allCases.firstIndex(of: kind)!
        return generate(kind, size: size, seed: imageSeed(seed, split: splitIndex, classIndex: classIndex, index: index))
    }

    /// The lesion's region as the network sees the image: the mass mask taken through
    /// `preprocessor`'s breast crop (the same box, computed from the image) and its resize to
    /// `size`×`size` (each output pixel takes the mask at its centre). Row-major, `size * size`.
    public static func lesionMask(_ p: Phantom, preprocessor: Preprocessor) -> [Bool] {
        let box = (preprocessor.crop ? Preprocess.breastBox(p.image) : nil) ?? (x: 0, y: 0, width: p.size, height: p.size)
        let n = preprocessor.size
        var out = [Bool](repeating: false, count: n * n)
        for y in 0..<n {
            let sy = min(box.y + Int((Double(y) + 0.5) * Double(box.height) / Double(n)), p.size - 1)
            for x in 0..<n {
                let sx = min(box.x + Int((Double(x) + 0.5) * Double(box.width) / Double(n)), p.size - 1)
                out[y * n + x] = p.mask[sy * p.size + sx]
            }
        }
        return out
    }

    /// The per-image seed `write` uses.
    public static func imageSeed(_ seed: UInt64, split: Int, classIndex: Int, index: Int) -> UInt64 {
        var r = SplitMix64(seed: seed ^ (UInt64(split) << 56) ^ (UInt64(classIndex) << 48) ^ UInt64(index))
        _ = r.next()
        return r.next()
    }

    /// One phantom of `kind`, `size` x `size`, fully determined by `seed`.
    public static func generate(_ kind: Kind, size: Int, seed: UInt64) -> Phantom {
        var rng = SplitMix64(seed: seed)
        let S = Double(size)
        let n = size * size

        // Layered background.
        let skin = rng.uniform(0.025, 0.045) * S
        let fatBase = rng.uniform(0.18, 0.30) * S
        let fatAmp = rng.uniform(0.01, 0.04) * S, fatFreq = rng.uniform(1, 3), fatPhase = rng.uniform(0, 2 * .pi)
        let fatLevel = rng.uniform(0.28, 0.38), glandLevel = rng.uniform(0.55, 0.70)
        let attenuation = rng.uniform(0.25, 0.45)
        var waves: [(kx: Double, ky: Double, phase: Double, amp: Double)] = []
        for _ in 0..<4 {
            waves.append((rng.uniform(-3, 3) * 2 * .pi / S, rng.uniform(-3, 3) * 2 * .pi / S,
                          rng.uniform(0, 2 * .pi), rng.uniform(0.03, 0.08)))
        }
        var clean = [Double](repeating: 0, count: n)
        for y in 0..<size {
            for x in 0..<size {
                let fx = Double(x), fy = Double(y)
                let boundary = fatBase + fatAmp * sin(2 * .pi * fatFreq * fx / S + fatPhase)
                let t = smoothstep(boundary - 2, boundary + 2, fy)
                var v = fatLevel + (glandLevel - fatLevel) * t
                if fy < skin { v = 0.85 }
                for w in waves { v += w.amp * sin(w.kx * fx + w.ky * fy + w.phase) }
                v *= 1 - attenuation * fy / S
                clean[y * size + x] = v
            }
        }

        // The mass.
        var mask = [Bool](repeating: false, count: n)
        if kind != .normal {
            let cx = rng.uniform(0.32, 0.68) * S, cy = rng.uniform(0.45, 0.62) * S
            let r0 = rng.uniform(0.10, 0.15) * S
            let inner = rng.uniform(0.15, 0.28)
            if kind == .benign {
                let a = r0 * rng.uniform(1.15, 1.45), b = r0 * rng.uniform(0.70, 0.90)
                let angle = rng.uniform(-0.3, 0.3), ca = cos(angle), sa = sin(angle)
                let rim = rng.uniform(1.35, 1.6)
                for y in 0..<size {
                    for x in 0..<size {
                        let dx = Double(x) + 0.5 - cx, dy = Double(y) + 0.5 - cy
                        let u = (ca * dx + sa * dy) / a, v = (-sa * dx + ca * dy) / b
                        let d = (u * u + v * v).squareRoot()
                        let i = y * size + x
                        // Inside: dark; a thin bright rim at d ≈ 1 (about 1.5 px wide).
                        let edge = 1.2 / b
                        let inside = 1 - smoothstep(1 - edge, 1, d)
                        let rimWeight = exp(-pow((d - 1) / edge, 2))
                        clean[i] *= (1 - inside) + inside * inner
                        clean[i] *= 1 + (rim - 1) * rimWeight
                        mask[i] = d < 1
                    }
                }
            } else {
                var harmonics: [(k: Double, amp: Double, phase: Double)] = []
                for k in 2...5 { harmonics.append((Double(k), rng.uniform(0.04, 0.12), rng.uniform(0, 2 * .pi))) }
                let spikeCount = 5 + Int(rng.unit() * 5)
                var spikes: [(theta: Double, width: Double, length: Double)] = []
                for _ in 0..<spikeCount {
                    spikes.append((rng.uniform(0, 2 * .pi), rng.uniform(0.06, 0.12), rng.uniform(0.35, 0.8)))
                }
                func radius(_ theta: Double) -> Double {
                    var r = 1.0
                    for h in harmonics { r += h.amp * cos(h.k * theta + h.phase) }
                    for s in spikes {
                        var dt = abs(theta - s.theta).truncatingRemainder(dividingBy: 2 * .pi)
                        if dt > .pi { dt = 2 * .pi - dt }
                        r += s.length * exp(-pow(dt / s.width, 2))
                    }
                    return r0 * r
                }
                // Posterior shadowing below the mass, as wide as the mass.
                let shadow = rng.uniform(0.45, 0.65)
                for y in 0..<size {
                    for x in 0..<size {
                        let dx = Double(x) + 0.5 - cx, dy = Double(y) + 0.5 - cy
                        let d = (dx * dx + dy * dy).squareRoot()
                        let r = radius(atan2(dy, dx))
                        let i = y * size + x
                        let inside = 1 - smoothstep(r - 1, r + 0.5, d)
                        mask[i] = d < r
                        let across = exp(-pow(dx / (0.8 * r0), 2))
                        let below = smoothstep(0, 1.2 * r0, dy)
                        clean[i] *= 1 - shadow * across * below * (1 - inside)
                        clean[i] *= (1 - inside) + inside * inner
                    }
                }
            }
        }

        // Speckle: |blurred complex Gaussian|, normalised to mean 1 (Rayleigh).
        var re = [Double](repeating: 0, count: n), im = [Double](repeating: 0, count: n)
        for i in 0..<n {
            re[i] = rng.normal()
            im[i] = rng.normal()
        }
        re = blur121(re, size)
        im = blur121(im, size)
        // Variance of each component after the separable [1,2,1]/4 blur: (6/16)^2 = 0.140625.
        let sigma = 0.375
        let rayleighMean = sigma * (Double.pi / 2).squareRoot()
        let gain = rng.uniform(0.9, 1.1)
        var gray = [UInt8](repeating: 0, count: n)
        for i in 0..<n {
            let speckle = (re[i] * re[i] + im[i] * im[i]).squareRoot() / rayleighMean
            let v = clean[i] * speckle * gain * 200
            gray[i] = UInt8(max(0, min(255, v.rounded())))
        }
        return Phantom(size: size, gray: gray, mask: mask)
    }

    /// Boundary irregularity of a mask: perimeter² / (4π · area) (1 for a disc, larger when
    /// irregular); perimeter counts pixel edges between mask and non-mask. 0 for an empty mask.
    public static func irregularity(_ mask: [Bool], size: Int) -> Double {
        var area = 0, edges = 0
        for y in 0..<size {
            for x in 0..<size where mask[y * size + x] {
                area += 1
                for (nx, ny) in [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)] {
                    if nx < 0 || ny < 0 || nx >= size || ny >= size || !mask[ny * size + nx] { edges += 1 }
                }
            }
        }
        guard area > 0 else { return 0 }
        // Pixel edges overestimate a smooth perimeter by about 4/π; correct for it.
        let perimeter = Double(edges) * .pi / 4
        return perimeter * perimeter / (4 * .pi * Double(area))
    }

    // MARK: Helpers

    private static func smoothstep(_ a: Double, _ b: Double, _ x: Double) -> Double {
        let t = max(0, min(1, (x - a) / (b - a)))
        return t * t * (3 - 2 * t)
    }

    /// Separable [1, 2, 1] / 4 blur with clamped borders.
    private static func blur121(_ v: [Double], _ size: Int) -> [Double] {
        var h = v
        for y in 0..<size {
            for x in 0..<size {
                let l = v[y * size + max(0, x - 1)], c = v[y * size + x], r = v[y * size + min(size - 1, x + 1)]
                h[y * size + x] = (l + 2 * c + r) / 4
            }
        }
        var out = h
        for y in 0..<size {
            for x in 0..<size {
                let u = h[max(0, y - 1) * size + x], c = h[y * size + x], d = h[min(size - 1, y + 1) * size + x]
                out[y * size + x] = (u + 2 * c + d) / 4
            }
        }
        return out
    }
}
