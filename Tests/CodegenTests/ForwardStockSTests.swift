import Foundation
import XCTest
@testable import Codegen
import Graph
import Formats
import Runtime

/// The path of `breastai-run forward` (a torchvision-named state dict loaded strictly, then the
/// compiled eval program) on a stock torchvision EfficientNetV2-S with 1000 classes gives PyTorch's
/// eval logits. Fixture from tools/make_forward_fixture.py: the 21.5 M parameters are not stored
/// but given by an integer formula reproduced here bit for bit (checked against the fixture's
/// checksum); the BatchNorm running statistics, the input and PyTorch's logits are stored.
final class ForwardStockSTests: XCTestCase {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/forward_s.safetensors")

    func testStockEfficientNetV2SEvalLogits() throws {
        let file = try SafeTensors(contentsOf: Self.fixture)
        try Self.checkEvalLogits(file, variant: .s, name: "S", parameters: 21_458_488, batchNorms: 110, stateDictEntries: 782,
                                 buffer: { e in try file.floats(e.name) })
    }

    /// The shared check of a stock-model fixture: the layout's counts against torchvision's
    /// (`parameters` with 1000 classes, `batchNorms`, `stateDictEntries` with num_batches_tracked),
    /// parameters from the formula (checked against the fixture's checksum), buffers from
    /// `buffer`, loaded strictly by torchvision's names, then the compiled eval program's logits
    /// against PyTorch's (max |diff| / max |ref| <= 1e-4).
    static func checkEvalLogits(_ file: SafeTensors, variant: ModelVariant, name: String, parameters: Int, batchNorms: Int,
                                stateDictEntries: Int, buffer: (Manifest.TensorEntry) throws -> [Float]) throws {
        XCTAssertEqual(file.metadata["format_version"], "1")
        let seed = try XCTUnwrap(UInt32(file.metadata["seed"] ?? ""), "fixture metadata has no seed")
        let expectedChecksum = try XCTUnwrap(UInt64(file.metadata["parameter_checksum"] ?? ""))
        let inputShape = try file.shape("input")
        XCTAssertEqual(inputShape, [2, 3, 64, 64])

        let config = ModelConfig(variant: variant, classes: 1000, imageSize: inputShape[2], batch: inputShape[0], head: .torchvision)
        let layout = Manifest.StateLayout(config: config)
        XCTAssertEqual(layout.parameterFloats, parameters, "torchvision's parameter count with 1000 classes")
        XCTAssertEqual(layout.buffers.count, 2 * batchNorms, "running_mean and running_var of \(batchNorms) BatchNorms")
        XCTAssertEqual(layout.parameters.count + layout.buffers.count, stateDictEntries - batchNorms, "state_dict entries without num_batches_tracked")

        // The state dict: parameters from the formula, buffers from the fixture, as one safetensors file.
        var writer = SafeTensorsWriter(metadata: ["generator": "ForwardStock\(name)Tests"])
        var checksum: UInt64 = 0
        for e in layout.parameters {
            let values = formulaValues(e.name, e.shape, seed: seed)
            checksum &+= Self.checksum(values) &* (fnv1a64(e.name) | 1)
            try writer.add(e.name, floats: values, shape: e.shape)
        }
        XCTAssertEqual(checksum, expectedChecksum, "the parameter formula does not reproduce the fixture's parameters bit for bit")
        for e in layout.buffers { try writer.add(e.name, floats: try buffer(e), shape: e.shape) }
        let weights = try SafeTensors(data: writer.serialized(), path: "<formula state dict>")
        writer = SafeTensorsWriter(metadata: [:])  // release the serialized copy's source

        let artifact = try compileArtifact(config, phases: [], loss: config.defaultLoss)
        let (program, dir) = try Harness.load(artifact, name: "forward-\(name.lowercased())")
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertEqual(program.manifest.layout, layout)
        let state = try StateBlocks(layout: program.manifest.layout)
        let report = try Weights.load(weights, into: state, strict: true)
        XCTAssertEqual(report.loaded.count, layout.parameters.count + layout.buffers.count)
        XCTAssertTrue(report.unused.isEmpty, report.summary)

        let images = ImageLayout.nchwToNHWC(try file.floats("input"), inputShape)
        let arena = try Arena(bytes: program.manifest.eval.arenaBytes)
        let logits = try program.evaluate(images, state: state, arena: arena).logits
        let expected = try file.floats("eval_logits").map(Double.init)
        for i in 0..<4 { print("logit[\(i)] compiled \(logits[i]) PyTorch \(expected[i])") }
        let ratio = Harness.compare("\(name) eval logits vs PyTorch", logits, expected, rtol: 1e-4, atol: 0)
        print("stock EfficientNetV2-\(name) (1000 classes, 2x3x64x64): compiled eval logits vs PyTorch, "
              + "max |diff| / max |ref| = \(ratio) (tolerance 1e-4; PyTorch float32 vs float64: \(file.metadata["float64_noise"] ?? "?"))")
    }

    // MARK: - The parameter formula of tools/make_forward_fixture.py

    /// lowbias32 (`Random.hash`) keyed by the name:
    /// `key = h(lo32(fnv) ^ h(hi32(fnv) ^ seed))`, `u_j = float32((h(key ^ h(j)) >> 8) - 2^23) · 2^-23`;
    /// weights (rank >= 2) `u · float32(sqrt(3 / fan_in))`, `*.weight` of rank 1 (BatchNorm) `1 + 0.25u`,
    /// other rank 1 (biases) `0.1u`, in float32.
    static func formulaValues(_ name: String, _ shape: [Int], seed: UInt32) -> [Float] {
        let n = fnv1a64(name)
        let key = Random.hash(UInt32(truncatingIfNeeded: n) ^ Random.hash(UInt32(truncatingIfNeeded: n >> 32) ^ seed))
        let count = shape.reduce(1, *)
        let isWeight = shape.count >= 2, isBatchNormWeight = shape.count == 1 && name.hasSuffix(".weight")
        let scale = isWeight ? Float((3.0 / Double(shape.dropFirst().reduce(1, *))).squareRoot()) : 0
        return [Float](unsafeUninitializedCapacity: count) { out, initialized in
            for j in 0..<count {
                let h = Random.hash(key ^ Random.hash(UInt32(j)))
                let u = Float(Int32(h >> 8) - (1 << 23)) * 0x1p-23
                out[j] = isWeight ? u * scale : isBatchNormWeight ? 1 + 0.25 * u : Float(0.1) * u
            }
            initialized = count
        }
    }

    static func fnv1a64(_ name: String) -> UInt64 {
        var h = FNV1a64()
        h.add(name.utf8)
        return h.value
    }

    /// Σ_j bits_j · (j + 1) mod 2^64, with bits_j the float32 bit pattern of element j.
    static func checksum(_ values: [Float]) -> UInt64 {
        var c: UInt64 = 0
        for (j, v) in values.enumerated() { c &+= UInt64(v.bitPattern) &* UInt64(j + 1) }
        return c
    }
}
