import Foundation
import XCTest
@testable import Codegen
import Graph
import Formats
import Runtime

/// The tiny network's training step in bf16 against the same step in fp32 and against PyTorch's
/// `torch.autocast("cpu", dtype=torch.bfloat16)` (fixture from tools/make_bf16_fixture.py).
///
/// Errors are measured norm-wise per tensor, max|a − b| / max|b| (element-wise relative error is
/// meaningless for gradients that cancel to nearly 0). Tolerances: every contraction input is
/// rounded to 8 significant bits (relative error ≤ 2⁻⁸ ≈ 0.4%, random in sign), so one contraction
/// is off by about 2⁻⁸·√2 of its norm; the step chains about 12 contractions forward and 2 × 12
/// backward, and training-mode BatchNorm renormalises after each conv, so errors add in quadrature
/// rather than multiply: √36 · 0.55% ≈ 3% expected for gradients, the loss (a mean over the batch)
/// well below that. Bounds: loss 1%, logits 3%, the median gradient tensor 3%, every tensor 10%
/// (a tensor's max error is a tail of many elements; measured here: median 2.1%, worst 6.4%).
/// Gradients that are exactly 0 in exact arithmetic are measured against 2⁻⁸ of the largest
/// gradient (bf16's resolution there). Against autocast the difference is larger by design:
/// autocast also rounds every conv and linear OUTPUT to bf16 (so BatchNorm and SiLU see bf16
/// activations), which BreastAI does not; autocast's own error against PyTorch fp32 is of the
/// same size as ours, so the bounds are doubled: loss 2%, logits 6%, median 6%, every tensor 20%.
final class BF16StepTests: XCTestCase {
    struct StepResult { var loss: Float; var logits: [Float]; var gradients: [String: [Float]] }

    /// max|a − b| / max(max|b|, floor).
    static func normwise(_ a: [Float], _ b: [Float], floor: Double = 0) -> Double {
        let scale = max(b.map { abs(Double($0)) }.max() ?? 0, floor)
        let diff = zip(a, b).map { abs(Double($0) - Double($1)) }.max() ?? 0
        return scale == 0 ? diff : diff / scale
    }

    func step(_ precision: Precision, file: SafeTensors) throws -> StepResult {
        var config = ModelConfig(variant: .tiny, classes: 3, imageSize: 32, batch: 4, head: .torchvision, stochasticDepthProb: 0)
        config.backbone.dropout = 0
        let loss = LossAttrs(alpha: [0.25, 0.5, 0.25], gamma: 2.5, smoothing: 0.12)
        let artifact = try compileArtifact(config, phases: [Phase.recipe[3]], loss: loss, options: EmitOptions(precision: precision))
        XCTAssertEqual(artifact.manifest.precision, precision == .fp32 ? nil : "bf16")
        XCTAssertEqual(artifact.kernels.contains("breastai_gemm_bf16("), precision == .bf16)
        let (program, dir) = try Harness.load(artifact, name: "step-\(precision)")
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertEqual(program.precision, precision.rawValue)
        XCTAssertEqual(program.precisionWarning == nil, precision == .fp32, "only bf16 carries the quality warning")
        let state = try StateBlocks(layout: program.manifest.layout)
        try Weights.load(file, into: state, strict: true)
        var images = ImageLayout.nchwToNHWC(try file.floats("input"), try file.shape("input"))
        var labels = try file.int64s("labels").map { Int32($0) }
        var seed: [Int32] = [0], lossValue: [Float] = [0], logits = [Float](repeating: 0, count: 12)
        let arena = try Arena(bytes: program.manifest.phases[0].arenaBytes)
        try images.withUnsafeMutableBytes { i in try labels.withUnsafeMutableBytes { l in try seed.withUnsafeMutableBytes { s in
            try lossValue.withUnsafeMutableBytes { o in try logits.withUnsafeMutableBytes { z in
                try program.run(program.manifest.phases[0].stepEntry, state: state, arena: arena,
                                inputs: [.images: i.baseAddress!, .labels: l.baseAddress!, .seed: s.baseAddress!,
                                         .loss: o.baseAddress!, .logits: z.baseAddress!])
            } }
        } } }
        var gradients: [String: [Float]] = [:]
        for e in program.manifest.layout.parameters { gradients[e.name] = try state.gradient(e.name) }
        return StepResult(loss: lossValue[0], logits: logits, gradients: gradients)
    }

    func requireBF16() throws {
        if let reason = BF16Support.unavailableReason() { throw XCTSkip("bf16 cannot run here: \(reason)") }
    }

    /// Loss, logits and every gradient against a reference; prints the worst tensors.
    func compare(_ name: String, _ got: StepResult, loss: Float, logits: [Float], gradients: [String: [Float]],
                 lossTolerance: Double, logitTolerance: Double, gradientTolerance: Double, medianTolerance: Double) -> [Double] {
        let lossError = abs(Double(got.loss) - Double(loss)) / abs(Double(loss))
        let logitError = Self.normwise(got.logits, logits)
        // Gradients that are 0 in exact arithmetic (the bias of a BatchNorm whose output reaches
        // the loss only through a later training-mode BatchNorm) are rounding noise in both: judged
        // against bf16's resolution at the largest gradient (2⁻⁸ of it) instead of their own norm.
        let floor = 0x1p-8 * (gradients.values.map { $0.map { abs(Double($0)) }.max() ?? 0 }.max() ?? 0)
        var errors: [(String, Double)] = []
        for (k, reference) in gradients.sorted(by: { $0.key < $1.key }) {
            guard let g = got.gradients[k] else { XCTFail("\(name): no gradient \(k)"); continue }
            errors.append((k, Self.normwise(g, reference, floor: floor)))
        }
        let sorted = errors.map(\.1).sorted()
        let median = sorted[sorted.count / 2]
        print("\(name): loss \(got.loss) vs \(loss) (rel \(lossError)), logits \(logitError), gradients median \(median), worst "
              + errors.sorted { $0.1 > $1.1 }.prefix(3).map { "\($0.0) \($0.1)" }.joined(separator: ", "))
        XCTAssertLessThanOrEqual(lossError, lossTolerance, "\(name): loss")
        XCTAssertLessThanOrEqual(logitError, logitTolerance, "\(name): logits")
        XCTAssertLessThanOrEqual(median, medianTolerance, "\(name): median gradient error")
        for (k, e) in errors { XCTAssertLessThanOrEqual(e, gradientTolerance, "\(name): gradient \(k)") }
        return sorted
    }

    func testBF16StepAgainstFP32StepAndAutocast() throws {
        try requireBF16()
        let fixtures = ForwardAgainstPyTorchTests.fixtures
        let file = try SafeTensors(contentsOf: fixtures.appendingPathComponent("tiny_plain.safetensors"))
        let autocast = try SafeTensors(contentsOf: fixtures.appendingPathComponent("tiny_bf16_autocast.safetensors"))
        let fp32 = try step(.fp32, file: file), bf16 = try step(.bf16, file: file)

        // (b) against our fp32 step: close, and not identical (bf16 really ran).
        let errors = compare("bf16 vs fp32", bf16, loss: fp32.loss, logits: fp32.logits, gradients: fp32.gradients,
                             lossTolerance: 0.01, logitTolerance: 0.03, gradientTolerance: 0.10, medianTolerance: 0.03)
        XCTAssertGreaterThan(errors.last ?? 0, 1e-4, "the bf16 step gives the fp32 gradients: are the contractions really bf16?")

        // (c) against torch.autocast bf16 (which also rounds conv outputs).
        var reference: [String: [Float]] = [:]
        for k in fp32.gradients.keys { reference[k] = try autocast.floats("grad.\(k)") }
        _ = compare("bf16 vs autocast", bf16, loss: try autocast.floats("loss")[0], logits: try autocast.floats("logits"),
                    gradients: reference, lossTolerance: 0.02, logitTolerance: 0.06, gradientTolerance: 0.20, medianTolerance: 0.06)
        // For scale: autocast against PyTorch's own fp32 step.
        var torchFP32: [String: [Float]] = [:]
        for k in fp32.gradients.keys { torchFP32[k] = try file.floats("grad.\(k)") }
        let floor = 0x1p-8 * (torchFP32.values.map { $0.map { abs(Double($0)) }.max() ?? 0 }.max() ?? 0)
        let context = torchFP32.keys.map { Self.normwise(reference[$0]!, torchFP32[$0]!, floor: floor) }.sorted()
        print("autocast vs torch fp32: gradients median \(context[context.count / 2]), worst \(context.last ?? 0)")
    }

    /// A CPU without AVX512-BF16 is told so in one line, before compiling (the flags) and at load
    /// (the library's own CPUID answer); `BREASTAI_FAKE_NO_BF16=1` stands in for such a CPU.
    func testRefusedWithoutAVX512BF16() throws {
        let zen3 = "processor\t: 0\nmodel name\t: AMD EPYC 7763\nflags\t\t: fpu sse avx2 fma\n"
        XCTAssertEqual(BF16Support.unavailableReason(cpuinfo: zen3), "AMD EPYC 7763 lacks avx512f, avx512bw, avx512_bf16")
        XCTAssertNil(BF16Support.unavailableReason(cpuinfo: "model name : X\nflags : avx512f avx512bw avx512_bf16\n"))
        try requireBF16()
        let artifact = try compileArtifact(ModelConfig(variant: .tiny), phases: [Phase.recipe[0]], loss: ModelConfig(variant: .tiny).defaultLoss,
                                           options: EmitOptions(precision: .bf16))
        setenv(BF16Support.fakeAbsentVariable, "1", 1)
        defer { unsetenv(BF16Support.fakeAbsentVariable) }
        XCTAssertThrowsError(try BF16Support.require(for: "training.precision")) { error in
            XCTAssertEqual("\(error)".split(separator: "\n").count, 1)
            XCTAssertTrue("\(error)".contains("training.precision") && "\(error)".contains("AVX512-BF16"), "\(error)")
        }
        XCTAssertThrowsError(try Harness.load(artifact, name: "bf16-refused")) { error in
            XCTAssertEqual("\(error)".split(separator: "\n").count, 1)
            XCTAssertTrue("\(error)".contains("libbreastai.so") && "\(error)".contains("AVX512-BF16"), "\(error)")
        }
        unsetenv(BF16Support.fakeAbsentVariable)
        let (program, dir) = try Harness.load(artifact, name: "bf16-accepted")
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertEqual(program.precisionSummary, "precision bf16 (AVX512-BF16 contractions, fp32 accumulation)")
        // train says, once, what bf16 cost the S demo's model (one line, naming where the figures are)
        let warning = try XCTUnwrap(program.precisionWarning)
        XCTAssertTrue(warning.hasPrefix("WARNING: bf16 training is experimental") && warning.contains("BENCHMARKS.md"), warning)
        XCTAssertFalse(warning.contains("\n"))
    }

    /// The precision is part of what an artifact is: its hash, command, manifest and code differ,
    /// and fp32 is what it always was (no precision key, no bf16 code).
    func testPrecisionIsPartOfTheArtifactIdentity() throws {
        let config = ModelConfig(variant: .tiny), loss = ModelConfig(variant: .tiny).defaultLoss
        let fp32 = try compileArtifact(config, phases: [Phase.recipe[3]], loss: loss)
        let bf16 = try compileArtifact(config, phases: [Phase.recipe[3]], loss: loss, options: EmitOptions(precision: .bf16))
        XCTAssertNotEqual(fp32.manifest.optionsHash, bf16.manifest.optionsHash)
        XCTAssertTrue(bf16.kernels.contains(" --precision bf16\n") && !fp32.kernels.contains("--precision"))
        let json = String(decoding: try JSONEncoder().encode(fp32.manifest), as: UTF8.self)
        XCTAssertFalse(json.contains("precision"), "an fp32 manifest must stay as it was")
        XCTAssertTrue(String(decoding: try JSONEncoder().encode(bf16.manifest), as: UTF8.self).contains(#""precision":"bf16""#))
        XCTAssertFalse(fp32.kernels.contains("breastai_gemm_bf16"))
        // fp32 contractions: sgemm calls, the tiled convolutions' products with a packed weight and the
        // Winograd weight gradients' products (gemm_f32.c, counted in the kernels' own text: the unit
        // itself calls sgemm on CPUs without AVX-512F)
        let fp32Calls = ["cblas_sgemm(", "breastai_gemm_f32_packed(", "breastai_gemm_f32_tn("]
        let calls = fp32.source.kernels.map { k in fp32Calls.map { k.text.components(separatedBy: $0).count - 1 }.reduce(0, +) }.reduce(0, +)
        XCTAssertGreaterThan(calls, 0)
        // Every sgemm call becomes a bf16 call, with the weight packed per call or once for all tiles
        // (each name also appears in its declaration in kernels.h and its definition in gemm_bf16.c),
        // except the fp32 products of the narrow Winograd convolutions (the tiny network's 16 -> 64
        // channels: F(4x4) as in fp32, `Winograd.roundsInBF16`).
        let plain = bf16.kernels.components(separatedBy: "breastai_gemm_bf16(").count - 1 - 2
        let packed = bf16.kernels.components(separatedBy: "breastai_gemm_bf16_packed(").count - 1 - 2
        let narrow = bf16.source.kernels.filter { $0.text.contains("breastai_gemm_f32_") }
        let fp32Left = narrow.map { k in fp32Calls.map { k.text.components(separatedBy: $0).count - 1 }.reduce(0, +) }.reduce(0, +)
        XCTAssertGreaterThan(packed, 0, "no tiled convolution packs its weight once")
        XCTAssertEqual(fp32Left, 3, "the narrow Winograd convolution's forward, dx and dw keep fp32 products")
        XCTAssertTrue(narrow.allSatisfy { $0.text.contains("/* Winograd F(4x4, 3x3)") }, "fp32 products outside a narrow Winograd kernel")
        XCTAssertEqual(plain + packed + fp32Left, calls)
        XCTAssertFalse(bf16.source.kernels.contains { $0.text.contains("cblas_sgemm(") }, "a bf16 kernel still calls sgemm")
        XCTAssertEqual(bf16.source.extraUnits.map(\.name), ["gemm_bf16.c", "gemm_f32.c"], "the bf16 GEMM is a unit of its own, beside the fp32 one")
        XCTAssertTrue(fp32.source.extraUnits.allSatisfy { $0.name == "gemm_f32.c" }, "an fp32 artifact has no bf16 unit")
    }
}
