import Foundation
import XCTest
import Data
import Evaluation
import Formats
import Reports

/// Grad-CAM's runtime half (upsampling, normalisation) and the overlay drawing.
final class HeatmapOverlayTests: XCTestCase {
    /// Bilinear upsampling equals PyTorch's `F.interpolate(mode="bilinear", align_corners=False)`
    /// (values printed by torch 2.x for these inputs), square and non-square, up and edge-clamped.
    func testUpsampleMatchesPyTorch() {
        let square = GradCAM.upsample([0, 1, 2, 3], height: 2, width: 2, outHeight: 4, outWidth: 4)
        XCTAssertEqual(square, [0, 0.25, 0.75, 1, 0.5, 0.75, 1.25, 1.5, 1.5, 1.75, 2.25, 2.5, 2, 2.25, 2.75, 3])
        let wide = GradCAM.upsample([0, 1, 5, 2, 3, -1], height: 2, width: 3, outHeight: 3, outWidth: 7)
        let torch: [Float] = [0.0, 0.1428571492433548, 0.5714285969734192, 1.0, 2.7142858505249023, 4.428571701049805, 5.0,
                              1.0, 1.1428571939468384, 1.571428656578064, 2.0, 2.0, 2.0, 1.9999998807907104,
                              2.0, 2.142857074737549, 2.5714287757873535, 3.0, 1.285714030265808, -0.4285717308521271, -1.0]
        for (a, b) in zip(wide, torch) { XCTAssertEqual(a, b, accuracy: 1e-5) }
    }

    func testNormalizeAndPeak() {
        XCTAssertEqual(GradCAM.normalize([2, 4, 6]), [0, 0.5, 1])
        XCTAssertEqual(GradCAM.normalize([3, 3]), [0, 0], "a constant map shows no evidence")
        XCTAssertEqual(GradCAM.peak([0, 1, 9, 2, 9, 0], width: 3).row, 0)
        XCTAssertEqual(GradCAM.peak([0, 1, 0, 2, 9, 0], width: 3).column, 1)
    }

    /// The colormap: viridis' end points, and its lightness rises monotonically (what makes it
    /// readable in gray scale and perceptually ordered).
    func testViridis() {
        XCTAssertEqual(HeatmapOverlay.viridis(0), Canvas.Color(hex: 0x440154))
        XCTAssertEqual(HeatmapOverlay.viridis(1), Canvas.Color(hex: 0xFDE725))
        XCTAssertEqual(HeatmapOverlay.viridis(.nan), HeatmapOverlay.viridis(0))
        let lum = (0...255).map { HeatmapOverlay.viridis(Float($0) / 255).luminance }
        for i in 1..<lum.count { XCTAssertGreaterThanOrEqual(lum[i], lum[i - 1] - 1e-9, "luminance at \(i)") }
    }

    /// The same explanation renders to the same PNG bytes on two threads, and the picture shows
    /// what it should: the hottest pixel tinted towards yellow, the coldest towards purple.
    func testOverlayIsDeterministicAcrossThreads() throws {
        let size = 64
        var values = [Float](repeating: 0, count: size * size * 3)
        for i in values.indices { values[i] = Float((i / 3) % 97) / 97 }
        let image = FloatImage(width: size, height: size, values: values)
        let map: [Float] = (0..<16).map { Float($0 == 5 ? 3 : $0 % 3) }
        let heatmap = GradCAM.heatmap(map, height: 4, width: 4, imageSize: size)
        let caption = ["scan.png", "MALIGNANT  (P(malignant) 0.873, threshold 0.400)", "benign 0.100  malignant 0.873  normal 0.027"]
        let first = ImageCodec.encodePNG(HeatmapOverlay.render(image: image, heatmap: heatmap, caption: caption))
        final class Box: @unchecked Sendable { var data = Data() }
        let second = Box(), done = DispatchSemaphore(value: 0)
        let thread = Thread {
            second.data = ImageCodec.encodePNG(HeatmapOverlay.render(image: image, heatmap: heatmap, caption: caption))
            done.signal()
        }
        thread.start(); done.wait()
        XCTAssertFalse(first.isEmpty)
        XCTAssertEqual(SHA256.hex(first), SHA256.hex(second.data))

        let rendered = HeatmapOverlay.render(image: image, heatmap: heatmap, caption: caption)
        let zoom = 4, width = rendered.width
        let hot = GradCAM.peak(heatmap, width: size), cold = heatmap.firstIndex(of: 0)!
        // The image panel starts at x = 8 and below the caption; find its top from the colour bar's frame.
        let top = rendered.height - 8 - size * zoom
        func pixel(_ index: Int) -> (Int, Int, Int) {
            let x = 8 + (index % size) * zoom, y = top + (index / size) * zoom
            let p = (y * width + x) * 3
            return (Int(rendered.pixels[p]), Int(rendered.pixels[p + 1]), Int(rendered.pixels[p + 2]))
        }
        let h = pixel(hot.row * size + hot.column), c = pixel(cold)
        XCTAssertGreaterThan(h.1 - h.2, c.1 - c.2, "hot is yellower (green over blue) than cold: \(h) vs \(c)")
    }

    /// The error page picks mistakes at the threshold, most confident first, and nothing else.
    func testErrorSelection() {
        // class 1 is malignant; threshold 0.4
        let p: [[Double]] = [[0.7, 0.1, 0.2], [0.2, 0.35, 0.45], [0.1, 0.9, 0.0], [0.5, 0.45, 0.05], [0.05, 0.8, 0.15], [0.3, 0.39, 0.31]]
        let labels = [1, 1, 1, 0, 2, 1]
        let s = ErrorGallery.select(probabilities: p, labels: labels, malignant: 1, threshold: 0.4, limit: 8)
        XCTAssertEqual(s.falseNegatives, [0, 1, 5])
        XCTAssertEqual(s.falsePositives, [4, 3])
        XCTAssertEqual(ErrorGallery.select(probabilities: p, labels: labels, malignant: 1, threshold: 0.4, limit: 1).falseNegatives, [0])
    }
}
