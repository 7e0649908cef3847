/// An 8-bit RGB image: `pixels` holds `width * height * 3` bytes, red, green, blue interleaved,
/// row-major from the top-left, no row padding. What `ImageCodec` decodes every PNG and JPEG to.
public struct RGBImage: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// RGB interleaved, row-major; its count must stay `width * height * 3`.
    public var pixels: [UInt8] {
        didSet { precondition(pixels.count == width * height * 3, "RGBImage pixels must stay width * height * 3 bytes") }
    }

    /// An image from interleaved RGB bytes; `pixels.count` must be `width * height * 3`.
    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width >= 0 && height >= 0, "RGBImage size \(width)x\(height) is negative")
        precondition(pixels.count == width * height * 3,
                     "RGBImage \(width)x\(height) needs \(width * height * 3) bytes, got \(pixels.count)")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// An image of one color (black by default).
    public init(width: Int, height: Int, red: UInt8 = 0, green: UInt8 = 0, blue: UInt8 = 0) {
        precondition(width >= 0 && height >= 0, "RGBImage size \(width)x\(height) is negative")
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for i in stride(from: 0, to: pixels.count, by: 3) {
            pixels[i] = red
            pixels[i + 1] = green
            pixels[i + 2] = blue
        }
        self.init(width: width, height: height, pixels: pixels)
    }

    /// An image from 8-bit gray values (`width * height` of them), each replicated to R, G and B.
    public init(width: Int, height: Int, gray: [UInt8]) {
        precondition(gray.count == width * height, "RGBImage \(width)x\(height) needs \(width * height) gray values, got \(gray.count)")
        var pixels = [UInt8](repeating: 0, count: gray.count * 3)
        for (i, value) in gray.enumerated() {
            pixels[3 * i] = value
            pixels[3 * i + 1] = value
            pixels[3 * i + 2] = value
        }
        self.init(width: width, height: height, pixels: pixels)
    }

    /// The pixel at column `x`, row `y` (0 is the top).
    public subscript(x: Int, y: Int) -> (red: UInt8, green: UInt8, blue: UInt8) {
        get {
            let i = offset(x, y)
            return (pixels[i], pixels[i + 1], pixels[i + 2])
        }
        set {
            let i = offset(x, y)
            pixels[i] = newValue.red
            pixels[i + 1] = newValue.green
            pixels[i + 2] = newValue.blue
        }
    }

    /// Whether every pixel has red == green == blue (a gray image, as mammograms are).
    public var isGray: Bool {
        pixels.withUnsafeBufferPointer { p in
            stride(from: 0, to: p.count, by: 3).allSatisfy { p[$0] == p[$0 + 1] && p[$0] == p[$0 + 2] }
        }
    }

    /// One luma value a pixel (ITU-R BT.601 weights, rounded); exactly the value of gray images.
    public var grayPixels: [UInt8] {
        pixels.withUnsafeBufferPointer { p in
            (0 ..< width * height).map { i in
                let sum = 299 * Int(p[3 * i]) + 587 * Int(p[3 * i + 1]) + 114 * Int(p[3 * i + 2])
                return UInt8((sum + 500) / 1000)
            }
        }
    }

    /// The mean absolute difference of the bytes of two images of the same size (0 when equal).
    public func meanAbsoluteDifference(to other: RGBImage) -> Double {
        precondition(width == other.width && height == other.height,
                     "cannot compare a \(width)x\(height) image with a \(other.width)x\(other.height) one")
        guard !pixels.isEmpty else { return 0 }
        var total = 0
        for (a, b) in zip(pixels, other.pixels) { total += abs(Int(a) - Int(b)) }
        return Double(total) / Double(pixels.count)
    }

    private func offset(_ x: Int, _ y: Int) -> Int {
        precondition(x >= 0 && x < width && y >= 0 && y < height, "pixel (\(x), \(y)) is outside the \(width)x\(height) image")
        return (y * width + x) * 3
    }
}
