import Foundation
import Data
import Formats

/// One test-time-augmentation view: a fixed, deterministic transform of the image in [0, 1]
/// (after resizing, before ImageNet normalisation).
///
/// The class probabilities of the views are averaged per sample (`average`). The names are the
/// ones `inference.tta_transforms` accepts (`TrainingConfig.ttaTransformNames`):
///
///     original         x
///     horizontal_flip  x[h, W-1-w]
///     vertical_flip    x[H-1-h, w]
///     rotate_5         torchvision rotate(x, 5): 5° counter-clockwise about the centre, NEAREST, fill 0
///     brightness_5     clamp(1.05·x, 0, 1)                      (adjust_brightness)
///     contrast_5       clamp(1.05·x − 0.05·mean(gray(x)), 0, 1) (adjust_contrast)
public enum TTAView: String, CaseIterable, Sendable, Codable {
    case original
    case horizontalFlip = "horizontal_flip"
    case verticalFlip = "vertical_flip"
    case rotate5 = "rotate_5"
    case brightness5 = "brightness_5"
    case contrast5 = "contrast_5"

    /// Rotation of `rotate_5` in degrees, counter-clockwise.
    public static let rotationDegrees = 5.0
    /// Factor of `brightness_5` and of `contrast_5`.
    public static let jitterFactor = 1.05

    /// This view of `img` (the same size; `original` returns it unchanged).
    public func apply(_ img: FloatImage) -> FloatImage {
        switch self {
        case .original: return img
        case .horizontalFlip: return Augmentation.flipHorizontal(img)
        case .verticalFlip: return Augmentation.flipVertical(img)
        case .rotate5: return Augmentation.affine(img, degrees: Self.rotationDegrees, translateX: 0, translateY: 0, scale: 1)
        case .brightness5: return Augmentation.brightness(img, factor: Self.jitterFactor)
        case .contrast5: return Augmentation.contrast(img, factor: Self.jitterFactor)
        }
    }

    /// The views named in `names` (as `inference.tta_transforms`), in that order.
    /// Throws `RuntimeError.config` naming the first unknown name and the accepted ones.
    public static func views(_ names: [String]) throws -> [TTAView] {
        try names.map { name in
            guard let view = TTAView(rawValue: name) else {
                let known = allCases.map(\.rawValue).joined(separator: ", ")
                throw RuntimeError.config(source: "inference.tta_transforms",
                                          problem: "unknown TTA view '\(name)'; expected one of \(known)")
            }
            return view
        }
    }

    /// The mean over views of each sample's probabilities: `probabilities[v][i][c]` is view v,
    /// sample i, class c; the result is `[i][c] = (1/V) Σ_v probabilities[v][i][c]`.
    /// Every view must have the same samples and classes; at least one view.
    public static func average(_ probabilities: [[[Double]]]) -> [[Double]] {
        precondition(!probabilities.isEmpty, "TTA average needs at least one view")
        let first = probabilities[0]
        precondition(probabilities.allSatisfy { $0.count == first.count }, "TTA views differ in sample count")
        var mean = first
        for view in probabilities.dropFirst() {
            for i in view.indices {
                precondition(view[i].count == mean[i].count, "TTA views differ in class count at sample \(i)")
                for c in view[i].indices { mean[i][c] += view[i][c] }
            }
        }
        let scale = 1 / Double(probabilities.count)
        return mean.map { row in row.map { $0 * scale } }
    }
}
