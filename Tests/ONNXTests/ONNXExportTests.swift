import Foundation
import XCTest
import Codegen
import Graph
@testable import Formats
@testable import ONNX
@testable import Runtime

/// Tests for the protobuf encoder and decoder and for the ONNX export of the tiny model: the
/// file decodes, declares opset 17 and the `input` / `output` tensors, every node reads values
/// that exist before it, and every initializer holds 4 bytes per element. (That onnxruntime gives
/// the compiled program's logits is checked by hand with `tools/check_onnx.py`.)
final class ONNXExportTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    // MARK: - Protobuf wire format

    /// Varints against hand-encoded bytes (protobuf's documented examples), then read back.
    func testVarints() throws {
        let cases: [(UInt64, [UInt8])] = [
            (0, [0x00]), (1, [0x01]), (127, [0x7f]), (128, [0x80, 0x01]), (150, [0x96, 0x01]), (300, [0xac, 0x02]),
            (UInt64(UInt32.max), [0xff, 0xff, 0xff, 0xff, 0x0f]),
            (1 << 63, [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]),
            (UInt64.max, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]),
        ]
        for (value, bytes) in cases {
            var w = ProtobufWriter()
            w.varint(value)
            XCTAssertEqual(w.bytes, bytes, "varint \(value)")
            var r = ProtobufReader(bytes)
            XCTAssertEqual(try r.varint(), value)
            XCTAssertTrue(r.isAtEnd)
        }
        // int64 -1 is ten bytes (two's complement), as protoc writes it.
        var w = ProtobufWriter()
        w.int(3, -1)
        XCTAssertEqual(w.bytes, [0x18] + Array(repeating: 0xff, count: 9) + [0x01])
        XCTAssertEqual(try ProtobufReader.fields(w.bytes)[0].int(), -1)
    }

    /// Every field kind inside two levels of nesting survives a round trip.
    func testNestedMessageRoundTrip() throws {
        let ints: [Int64] = [0, 1, -1, 300, Int64.max, Int64.min, 1 << 40]
        let floats: [Float] = [0, -0.5, 1e-30, .greatestFiniteMagnitude, .infinity]
        var w = ProtobufWriter()
        w.int(1, 8)
        w.string(2, "BreastAI ✓")
        w.message(7) { inner in
            inner.float(2, 1.5)
            inner.packedInts(8, ints)
            inner.message(5) { $0.string(1, "deep"); $0.int(20, 7) }
            inner.packedFloats(7, floats)
        }
        w.int(1000, 42)  // a field number needing a two-byte key
        let top = try ProtobufReader.fields(w.bytes)
        XCTAssertEqual(top.map(\.number), [1, 2, 7, 1000])
        XCTAssertEqual(try top[0].int(), 8)
        XCTAssertEqual(try top[1].string(), "BreastAI ✓")
        XCTAssertEqual(try top[3].int(), 42)
        let inner = try ProtobufReader.fields(try top[2].payload())
        XCTAssertEqual(inner.map(\.number), [2, 8, 5, 7])
        XCTAssertEqual(try inner[0].float(), 1.5)
        XCTAssertEqual(try inner[1].ints(), ints)
        XCTAssertEqual(try inner[3].floats(), floats)
        let deep = try ProtobufReader.fields(try inner[2].payload())
        XCTAssertEqual(try deep[0].string(), "deep")
        XCTAssertEqual(try deep[1].int(), 7)
        // Unpacked repeated values (one field per element) read as well.
        var u = ProtobufWriter()
        u.int(8, 5); u.int(8, -2)
        XCTAssertEqual(try ProtobufReader.fields(u.bytes).flatMap { try $0.ints() }, [5, -2])
    }

    func testDecoderRejectsMalformedInput() {
        for (bytes, fragment) in [([UInt8]([0x08, 0x80]), "truncated varint"),
                                  ([0x12, 0x05, 0x61], "claims 5 bytes"),
                                  ([0x0b], "wire type 3"),
                                  ([0x15, 0x00, 0x00], "truncated 4-byte"),
                                  (Array(repeating: 0xff, count: 11) + [0x01], "longer than 10 bytes")] {
            XCTAssertThrowsError(try ProtobufReader.fields(bytes)) { error in
                XCTAssertTrue("\(error)".contains(fragment), "\(error) should mention \(fragment)")
            }
        }
    }

    /// ONNX messages decode to what was encoded.
    func testONNXMessagesRoundTrip() throws {
        var graph = ONNX.GraphProto(name: "g")
        graph.node = [.init("Conv", ["x", "w"], ["y"], name: "conv", attributes: [
            .ints("pads", [1, 1, 1, 1]), .int("group", 8), .float("epsilon", 1e-3),
            .init("floats", .floats([0.5, -2])), .init("mode", .string("constant"))])]
        graph.initializer = [.init(name: "w", dims: [2, 3], floats: [1, 2, 3, 4, 5, 6]),
                             .init(name: "shape", dims: [2], int64s: [0, -1])]
        graph.input = [.init(name: "x", shape: [.param("batch"), .value(3)])]
        graph.output = [.init(name: "y", shape: [.param("batch"), .value(2)])]
        let model = ONNX.ModelProto(graph: graph, metadata: [.init(key: "threshold", value: "0.42")])
        let decoded = try ONNX.ModelProto(serialized: model.serialized())
        XCTAssertEqual(decoded, model)
        XCTAssertEqual(decoded.graph.initializer[0].floats, [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(decoded.metadata, ["threshold": "0.42"])
    }

    // MARK: - Export of the tiny model

    func testTinyBreastAIExport() throws {
        let config = ModelConfig(variant: .tiny, classes: 3, imageSize: 32, batch: 1)
        let model = try check(config)
        let ops = Set(model.graph.node.map(\.opType))
        for op in ["Conv", "BatchNormalization", "Sigmoid", "Mul", "Add", "GlobalAveragePool", "GlobalMaxPool",
                   "ReduceMean", "ReduceMax", "Concat", "Gemm", "Relu", "Reshape"] {
            XCTAssertTrue(ops.contains(op), "CBAM/BreastAI head export lacks \(op): \(ops.sorted())")
        }
        // The spatial attention conv: 7x7, padding 3, on (mean, max) over channels.
        let spatial = try XCTUnwrap(model.graph.node.first { $0.opType == "Conv" && $0.input[1] == "cbam.spatial_attention.conv.weight" })
        XCTAssertEqual(spatial[attribute: "kernel_shape"], .ints([7, 7]))
        XCTAssertEqual(spatial[attribute: "pads"], .ints([3, 3, 3, 3]))
        // The head's BatchNorm1d keeps PyTorch's eps 1e-5; the backbone's uses 1e-3.
        let bn = model.graph.node.filter { $0.opType == "BatchNormalization" }
        XCTAssertEqual(bn.first { $0.input[1] == "classifier.2.weight" }?[attribute: "epsilon"], .float(1e-5))
        XCTAssertEqual(bn.first { $0.input[1] == "features.0.1.weight" }?[attribute: "epsilon"], .float(1e-3))
    }

    func testTinyTorchvisionHeadExport() throws {
        let model = try check(ModelConfig(variant: .tiny, classes: 3, imageSize: 32, batch: 1, head: .torchvision))
        XCTAssertFalse(model.graph.node.contains { $0.opType == "GlobalMaxPool" || $0.opType == "Relu" })
        let last = try XCTUnwrap(model.graph.node.last)
        XCTAssertEqual(last.opType, "Gemm")
        XCTAssertEqual(last.output, ["output"])
        XCTAssertEqual(Array(last.input.dropFirst()), ["classifier.1.weight", "classifier.1.bias"])
        XCTAssertEqual(last[attribute: "transB"], .int(1))
    }

    /// The top-level fields against onnx.proto's numbers, restated here independently of `ONNX`:
    /// ModelProto ir_version 1, producer_name 2, graph 7, opset_import 8 (domain 1, version 2),
    /// metadata_props 14; GraphProto input 11 -> ValueInfoProto name 1.
    func testFieldNumbersMatchONNXProto() throws {
        let config = ModelConfig(variant: .tiny, classes: 3, imageSize: 32, batch: 1)
        let data = try ONNXExport.model(config: config, weights: Self.reader(try Self.weights(config), .ema), metadata: ["k": "v"])
        let top = try ProtobufReader.fields([UInt8](data))
        XCTAssertEqual(try top.first { $0.number == 1 }?.int(), 8)
        XCTAssertEqual(try top.first { $0.number == 2 }?.string(), "BreastAI")
        let opset = try ProtobufReader.fields(try XCTUnwrap(top.first { $0.number == 8 }).payload())
        XCTAssertEqual(try opset.first { $0.number == 1 }?.string(), "")
        XCTAssertEqual(try opset.first { $0.number == 2 }?.int(), 17)
        let meta = try ProtobufReader.fields(try XCTUnwrap(top.first { $0.number == 14 }).payload())
        XCTAssertEqual(try meta.map { try $0.string() }, ["k", "v"])
        let graph = try ProtobufReader.fields(try XCTUnwrap(top.first { $0.number == 7 }).payload())
        let input = try ProtobufReader.fields(try XCTUnwrap(graph.first { $0.number == 11 }).payload())
        XCTAssertEqual(try input.first { $0.number == 1 }?.string(), "input")
    }

    /// A training graph is refused with a message naming the first training op.
    func testTrainingGraphIsRejected() throws {
        let config = ModelConfig(variant: .tiny, classes: 3, imageSize: 32, batch: 2)
        let program = try TrainingProgram(config: config, phase: Phase.recipe[3])
        let logits = try XCTUnwrap(program.step.output("logits"))
        XCTAssertThrowsError(try ONNXExport.translate(program.step, output: logits, weights: Self.reader(try Self.weights(config), .model),
                                                      name: "step")) { error in
            XCTAssertTrue("\(error)".contains("a training op"), "\(error)")
        }
    }

    /// Writes the fixtures' models as ONNX for `tools/check_onnx.py` (by hand:
    /// `BREASTAI_ONNX_OUT=/tmp swift test --filter ONNXExportTests/testWriteFixtureModels`).
    func testWriteFixtureModels() throws {
        guard let dir = ProcessInfo.processInfo.environment["BREASTAI_ONNX_OUT"] else {
            throw XCTSkip("set BREASTAI_ONNX_OUT=DIR to write tiny_breastai.onnx and tiny_plain.onnx there")
        }
        for (name, head) in [("tiny_breastai", HeadKind.breastAI(cbam: true, dropout: 0)), ("tiny_plain", .torchvision)] {
            let config = ModelConfig(variant: .tiny, classes: 3, imageSize: 32, batch: 4, head: head)
            let state = try StateBlocks(layout: Self.layout(config))
            try Weights.load(try SafeTensors(contentsOf: Self.fixtures.appendingPathComponent("\(name).safetensors")),
                             into: state, strict: true)
            let data = try ONNXExport.model(config: config, weights: Self.reader(state, .model),
                                            metadata: ["source": "Tests/Fixtures/\(name).safetensors"])
            try data.write(to: URL(fileURLWithPath: dir).appendingPathComponent("\(name).onnx"))
        }
    }

    // MARK: - Helpers

    /// The layout Codegen's `StateLayout(config:)` builds.
    static func layout(_ config: ModelConfig) -> Manifest.StateLayout { Manifest.StateLayout(config: config) }

    /// The export's weight source over one block of `state`.
    static func reader(_ state: StateBlocks, _ block: StateBlocks.Block) -> ONNXExport.WeightSource {
        { try state.read(block, $0) }
    }

    /// Deterministic EMA weights: a hash of the float index, running variances positive.
    static func weights(_ config: ModelConfig) throws -> StateBlocks {
        let state = try StateBlocks(layout: layout(config))
        for e in state.layout.parameters + state.layout.buffers {
            let values = (0 ..< e.count).map { j -> Float in
                let u = Float(UInt32(truncatingIfNeeded: (e.offset + j) &* 2_654_435_761) >> 8) / Float(1 << 24)
                return e.name.hasSuffix("running_var") ? 0.5 + u : u - 0.5
            }
            try state.write(.ema, e.name, values)
        }
        return state
    }

    /// Exports `config`, decodes the file and checks what every export must satisfy.
    @discardableResult
    func check(_ config: ModelConfig, file: StaticString = #filePath, line: UInt = #line) throws -> ONNX.ModelProto {
        let state = try Self.weights(config)
        let metadata = ["class_names": "[\"benign\",\"malignant\",\"normal\"]", "threshold": "0.42", "temperature": "1.3",
                        "normalization": "{\"mean\":[0.485,0.456,0.406],\"std\":[0.229,0.224,0.225]}"]
        let data = try ONNXExport.model(config: config, weights: Self.reader(state, .ema), metadata: metadata)
        let model = try ONNX.ModelProto(serialized: data)
        XCTAssertEqual(model.irVersion, 8, file: file, line: line)
        XCTAssertEqual(model.producerName, "BreastAI", file: file, line: line)
        XCTAssertEqual(model.opsetImport, [.init(domain: "", version: 17)], file: file, line: line)
        XCTAssertEqual(model.metadata, metadata, file: file, line: line)
        let g = model.graph
        XCTAssertEqual(g.input, [.init(name: "input", shape: [.param("batch"), .value(3), .value(32), .value(32)])], file: file, line: line)
        XCTAssertEqual(g.input.first?.elemType, 1, file: file, line: line)
        XCTAssertEqual(g.output, [.init(name: "output", shape: [.param("batch"), .value(3)])], file: file, line: line)

        // Initializers: 4 bytes per element (8 for int64), every parameter and buffer by its
        // torchvision name with the EMA block's values.
        var available = Set(g.input.map(\.name))
        for t in g.initializer {
            let elements = t.dims.reduce(1, *)
            XCTAssertEqual(Int64(t.rawData.count), (t.dataType == 7 ? 8 : 4) * elements, "\(t.name) raw_data", file: file, line: line)
            XCTAssertTrue(t.dataType == 1 || t.dataType == 7, "\(t.name) data type \(t.dataType)", file: file, line: line)
            XCTAssertTrue(available.insert(t.name).inserted, "initializer \(t.name) appears twice", file: file, line: line)
        }
        for e in state.layout.parameters + state.layout.buffers {
            let t = g.initializer.first { $0.name == e.name }
            XCTAssertEqual(t?.dims, e.shape.map(Int64.init), "\(e.name)", file: file, line: line)
            XCTAssertEqual(t?.floats, try state.ema(e.name), "\(e.name) values", file: file, line: line)
        }
        // Topological order: each input exists before its node; each value is written once.
        for n in g.node {
            for i in n.input where !available.contains(i) {
                XCTFail("node \(n.name) (\(n.opType)) reads \(i) before anything writes it", file: file, line: line)
            }
            for o in n.output {
                XCTAssertTrue(available.insert(o).inserted, "value \(o) written twice", file: file, line: line)
            }
        }
        XCTAssertTrue(available.contains("output"), file: file, line: line)
        XCTAssertEqual(Set(g.node.map(\.name)).count, g.node.count, "node names are unique", file: file, line: line)
        return model
    }
}
