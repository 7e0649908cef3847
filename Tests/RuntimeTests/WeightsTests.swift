import Foundation
import XCTest
import Codegen
import Graph
@testable import Formats
@testable import Runtime

/// Strict weight loading from safetensors and `.pth` sources: the backbone must load, the head
/// loads whole or keeps its initialisation, prefixes are stripped, problems are listed.
final class WeightsTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static func pth(_ name: String) -> URL { fixtures.appendingPathComponent("pth").appendingPathComponent(name) }

    static func tiny(classes: Int = 3, head: HeadKind = .torchvision) throws -> StateBlocks {
        let state = try StateBlocks(layout: Manifest.StateLayout(config: ModelConfig(variant: .tiny, classes: classes, imageSize: 32, batch: 4, head: head)))
        Initializer.initialize(state, seed: 11)
        return state
    }

    /// The micro network of tools/make_pth_fixtures.py as a state layout; `change` edits the entries.
    static func micro(_ change: (inout [(String, [Int])]) -> Void = { _ in }) throws -> StateBlocks {
        var parameters: [(String, [Int])] = [
            ("features.0.0.weight", [4, 3, 3, 3]), ("features.0.1.weight", [4]), ("features.0.1.bias", [4]),
            ("features.1.0.weight", [6, 4, 1, 1]), ("features.1.0.bias", [6]),
            ("classifier.1.weight", [3, 6]), ("classifier.1.bias", [3]),
        ]
        change(&parameters)
        var offset = 0
        func entries(_ list: [(String, [Int])]) -> [Manifest.TensorEntry] {
            list.map { name, shape in
                defer { offset += shape.reduce(1, *) }
                return Manifest.TensorEntry(name: name, shape: shape, offset: offset, count: shape.reduce(1, *))
            }
        }
        let p = entries(parameters), parameterFloats = offset
        let b = entries([("features.0.1.running_mean", [4]), ("features.0.1.running_var", [4])])
        let state = try StateBlocks(layout: .init(parameters: p, buffers: b, parameterFloats: parameterFloats, modelFloats: offset))
        state.model.update(repeating: -7, count: offset)
        return state
    }

    func modelBlock(_ state: StateBlocks) -> [Float] { Array(UnsafeBufferPointer(start: state.model, count: state.count(.model))) }

    func testPthLoadsExactlyLikeItsSafetensorsTwin() throws {
        let fromPth = try Self.tiny(), fromSafetensors = try Self.tiny()
        let report = try Weights.load(try Weights.open(Self.pth("tiny_plain.pth")), into: fromPth, strict: true)
        try Weights.load(try SafeTensors(contentsOf: Self.fixtures.appendingPathComponent("tiny_plain.safetensors")), into: fromSafetensors, strict: true)
        XCTAssertEqual(report.loaded.count, fromPth.layout.parameters.count + fromPth.layout.buffers.count)
        XCTAssertEqual(report.missing, [])
        XCTAssertEqual(report.unused, [], "num_batches_tracked is ignored, nothing else is left")
        XCTAssertFalse(report.headReinitialised)
        XCTAssertNil(report.strippedPrefix)
        XCTAssertEqual(modelBlock(fromPth).map(\.bitPattern), modelBlock(fromSafetensors).map(\.bitPattern))
        // And it really is the file's values, not the initialisation.
        XCTAssertNotEqual(modelBlock(fromPth), modelBlock(try Self.tiny()))
    }

    func testModuleAndModelPrefixesAreStripped() throws {
        let twin = try SafeTensors(contentsOf: Self.pth("micro.safetensors"))
        for (file, prefix) in [("micro_module.pth", "module."), ("micro_wrapped.pth", "model."), ("micro.pth", nil), ("micro_legacy.pth", nil)] {
            let state = try Self.micro()
            let report = try Weights.load(try Weights.open(Self.pth(file)), into: state, strict: true)
            XCTAssertEqual(report.strippedPrefix, prefix, file)
            XCTAssertEqual(report.loaded.count, 9, file)
            XCTAssertEqual(report.unused, [], file)
            for name in report.loaded { XCTAssertEqual(try state.read(.model, name), try twin.floats(name), "\(file) \(name)") }
            if let prefix { XCTAssertTrue(report.summary.contains("prefix '\(prefix)' stripped from the file's keys"), report.summary) }
        }
        let wrapped = try Weights.load(try Weights.open(Self.pth("micro_wrapped.pth")), into: try Self.micro())
        XCTAssertTrue(wrapped.summary.hasPrefix("torch zip checkpoint; state dict read from the checkpoint's 'state_dict' entry; "), wrapped.summary)
    }

    func testAnotherClassCountReinitialisesTheHeadAndSaysSo() throws {
        let state = try Self.tiny(classes: 5)
        let initialHead = try ["classifier.1.weight", "classifier.1.bias"].map { try state.read(.model, $0) }
        let file = try TorchCheckpoint(contentsOf: Self.pth("tiny_plain.pth"))
        let report = try Weights.load(file, into: state)
        XCTAssertEqual(report.headKept, ["classifier.1.weight", "classifier.1.bias"])
        XCTAssertEqual(report.shapeMismatch.map(\.name), ["classifier.1.weight", "classifier.1.bias"])
        XCTAssertEqual(report.shapeMismatch.first?.file, [3, 64])
        XCTAssertEqual(report.shapeMismatch.first?.model, [5, 64])
        XCTAssertEqual(try ["classifier.1.weight", "classifier.1.bias"].map { try state.read(.model, $0) }, initialHead)
        for name in report.loaded { XCTAssertEqual(try state.read(.model, name), try file.floats(name), name) }
        XCTAssertEqual(report.loaded.count, state.layout.parameters.count + state.layout.buffers.count - 2)
        XCTAssertTrue(report.summary.contains("so the head (2 tensors: classifier.1.weight, classifier.1.bias) keeps its fresh initialisation"), report.summary)

        XCTAssertThrowsError(try Weights.load(file, into: try Self.tiny(classes: 5), strict: true)) {
            XCTAssertEqual("\($0)", "\(file.path): 2 head tensors did not load: classifier.1.weight [3, 64] in the file vs [5, 64], classifier.1.bias [3] in the file vs [5]")
        }
    }

    func testTorchvisionFileIntoTheBreastAIHeadLoadsTheBackboneOnly() throws {
        let state = try Self.tiny(head: .breastAI(cbam: true, dropout: 0))
        let before = try Self.tiny(head: .breastAI(cbam: true, dropout: 0))
        let report = try Weights.load(try TorchCheckpoint(contentsOf: Self.pth("tiny_plain.pth")), into: state)
        let head = (state.layout.parameters + state.layout.buffers).map(\.name).filter(Weights.isHead)
        XCTAssertEqual(report.headKept, head)
        XCTAssertTrue(head.contains("cbam.spatial_attention.conv.weight") && head.contains("classifier.9.bias"), "\(head)")
        XCTAssertEqual(Set(report.loaded), Set((state.layout.parameters + state.layout.buffers).map(\.name).filter { !Weights.isHead($0) }))
        for name in head { XCTAssertEqual(try state.read(.model, name), try before.read(.model, name), name) }
        // torchvision's classifier.1 (a [3, 64] Linear) is not BreastAI's classifier.1 ([32, 64]).
        XCTAssertEqual(report.shapeMismatch.map(\.name), ["classifier.1.weight", "classifier.1.bias"])
    }

    func testBackboneGapsAreErrorsAndChangeNothing() throws {
        let url = Self.pth("micro.pth")
        let extra = try Self.micro { $0.insert(("features.2.0.weight", [2, 6, 1, 1]), at: 5) }
        let before = modelBlock(extra)
        XCTAssertThrowsError(try Weights.load(try Weights.open(url), into: extra)) {
            XCTAssertEqual("\($0)", "\(url.path): 1 of the model's 8 backbone tensors did not load: features.2.0.weight (not in the file)")
        }
        XCTAssertEqual(modelBlock(extra), before, "a failed load writes nothing")

        let reshaped = try Self.micro { $0[0].1 = [4, 3, 5, 5] }
        XCTAssertThrowsError(try Weights.load(try Weights.open(url), into: reshaped)) {
            XCTAssertEqual("\($0)", "\(url.path): 1 of the model's 7 backbone tensors did not load: features.0.0.weight [4, 3, 3, 3] in the file vs [4, 3, 5, 5]")
        }
        // The tiny file against a network it does not belong to: many gaps, the first few listed.
        let tinyURL = Self.pth("tiny_plain.pth")
        XCTAssertThrowsError(try Weights.load(try Weights.open(tinyURL), into: try Self.micro())) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(tinyURL.path): 7 of the model's 7 backbone tensors did not load: features.0.0.weight [8, 3, 3, 3] in the file vs [4, 3, 3, 3]"), "\(error)")
        }
    }

    func testAnotherNamingLoadsNothingAndSaysSo() throws {
        var writer = SafeTensorsWriter()
        try writer.add("conv_stem.weight", floats: Array(repeating: 0, count: 108), shape: [4, 3, 3, 3])
        try writer.add("bn1.weight", floats: [1, 1, 1, 1], shape: [4])
        let file = try SafeTensors(data: writer.serialized(), path: "timm.safetensors")
        XCTAssertThrowsError(try Weights.load(file, into: try Self.micro())) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("timm.safetensors: 7 of the model's 7 backbone tensors did not load: features.0.0.weight (not in the file), "), text)
            XCTAssertTrue(text.hasSuffix("no key of the file matches the model's torchvision names, even without a module./model. prefix (the file's keys look like: bn1.weight, conv_stem.weight)"), text)
        }
    }

    func testMissingHeadAndUnexpectedKeysAreReported() throws {
        let twin = try SafeTensors(contentsOf: Self.pth("micro.safetensors"))
        var writer = SafeTensorsWriter()
        for name in twin.names where !name.hasPrefix("classifier.") && !name.hasSuffix("num_batches_tracked") {
            try writer.add(name, floats: try twin.floats(name), shape: try twin.shape(name))
        }
        try writer.add("extra.weight", floats: [1, 2], shape: [2])
        try writer.add("features.0.1.num_batches_tracked", int64s: [3], shape: [])
        let file = try SafeTensors(data: writer.serialized(), path: "backbone.safetensors")
        let state = try Self.micro()
        let report = try Weights.load(file, into: state)
        XCTAssertEqual(report.missing, ["classifier.1.weight", "classifier.1.bias"])
        XCTAssertEqual(report.headKept, ["classifier.1.weight", "classifier.1.bias"])
        XCTAssertEqual(report.unused, ["extra.weight"])
        XCTAssertEqual(report.loaded.count, 7)
        XCTAssertEqual(try state.read(.model, "classifier.1.bias"), [-7, -7, -7])
        XCTAssertTrue(report.summary.contains("1 file tensors unused (extra.weight)"), report.summary)
        XCTAssertThrowsError(try Weights.load(file, into: try Self.micro(), strict: true)) {
            XCTAssertEqual("\($0)", "backbone.safetensors: 2 head tensors did not load: classifier.1.weight (not in the file), classifier.1.bias (not in the file)")
        }
    }

    /// A full-size check, by hand: a torchvision EfficientNetV2-S state dict saved by torch.save
    /// (`BREASTAI_PTH_S`) loads bit for bit like its safetensors conversion (`BREASTAI_PTH_S_TWIN`,
    /// from tools/convert_torchvision.py), and the time of each load is printed.
    func testFullSizeCheckpointMatchesItsConversion() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let pth = environment["BREASTAI_PTH_S"], let twin = environment["BREASTAI_PTH_S_TWIN"] else {
            throw XCTSkip("set BREASTAI_PTH_S=efficientnet_v2_s.pth and BREASTAI_PTH_S_TWIN=efficientnet_v2_s.safetensors")
        }
        let layout = Manifest.StateLayout(config: ModelConfig(variant: .s, classes: 1000, imageSize: 64, batch: 1, head: .torchvision))
        var blocks: [[Float]] = []
        for path in [pth, twin] {
            let state = try StateBlocks(layout: layout)
            let start = Date()
            let report = try Weights.load(try Weights.open(URL(fileURLWithPath: path)), into: state, strict: true)
            print(String(format: "%@: %.2f s, %@", path, Date().timeIntervalSince(start), report.summary))
            XCTAssertEqual(report.loaded.count, layout.parameters.count + layout.buffers.count)
            blocks.append(modelBlock(state))
        }
        XCTAssertEqual(blocks[0].map(\.bitPattern), blocks[1].map(\.bitPattern))
    }

    // MARK: - The torch cache

    func testLocateFollowsTorchHubRules() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("torchhome-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        func place(_ directory: String, _ file: String) throws -> URL {
            let dir = root.appendingPathComponent(directory)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let url = dir.appendingPathComponent(file)
            try Data("x".utf8).write(to: url)
            return url
        }
        let s = "efficientnet_v2_s-dd5fe13b.pth", m = "efficientnet_v2_m-dc08266a.pth"
        let viaTorchHome = try place("th/hub/checkpoints", s)
        let viaXDG = try place("xdg/torch/hub/checkpoints", m)
        let viaHome = try place("home/.cache/torch/hub/checkpoints", s)
        let home = root.appendingPathComponent("home").path

        XCTAssertEqual(PretrainedWeights.locate(architecture: "efficientnetv2_s", environment: ["TORCH_HOME": root.path + "/th", "HOME": home])?.path, viaTorchHome.path)
        XCTAssertEqual(PretrainedWeights.locate(architecture: "efficientnetv2_m", environment: ["XDG_CACHE_HOME": root.path + "/xdg", "HOME": home])?.path, viaXDG.path)
        XCTAssertEqual(PretrainedWeights.locate(architecture: "efficientnetv2_s", environment: ["HOME": home])?.path, viaHome.path)
        // TORCH_HOME wins over XDG_CACHE_HOME, which wins over HOME; an empty variable counts as unset.
        XCTAssertNil(PretrainedWeights.locate(architecture: "efficientnetv2_m", environment: ["TORCH_HOME": root.path + "/th", "XDG_CACHE_HOME": root.path + "/xdg"]))
        XCTAssertNil(PretrainedWeights.locate(architecture: "efficientnetv2_s", environment: ["XDG_CACHE_HOME": root.path + "/xdg", "HOME": home]))
        XCTAssertEqual(PretrainedWeights.locate(architecture: "efficientnetv2_s", environment: ["TORCH_HOME": "", "HOME": home])?.path, viaHome.path)
        // "~" expands with HOME, as os.path.expanduser does.
        XCTAssertEqual(PretrainedWeights.locate(architecture: "efficientnetv2_s", environment: ["TORCH_HOME": "~/.cache/torch", "HOME": home])?.path, viaHome.path)
        // No weights for tiny, nothing without any variable, nothing for a directory of that name.
        XCTAssertNil(PretrainedWeights.locate(architecture: "tiny", environment: ["HOME": home]))
        XCTAssertNil(PretrainedWeights.locate(architecture: "efficientnetv2_s", environment: [:]))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("d/hub/checkpoints/\(s)"), withIntermediateDirectories: true)
        XCTAssertNil(PretrainedWeights.locate(architecture: "efficientnetv2_s", environment: ["TORCH_HOME": root.path + "/d"]))
    }

    func testMissingMessageSaysHowToGetTheWeights() {
        let message = PretrainedWeights.missingMessage(architecture: "efficientnetv2_m", environment: ["HOME": "/home/u"])
        XCTAssertEqual(message, "model.pretrained is true but no pretrained weights were found (looked for /home/u/.cache/torch/hub/checkpoints/efficientnet_v2_m-dc08266a.pth): download them with `python -c \"import torchvision; torchvision.models.efficientnet_v2_m(weights='DEFAULT')\"` (torchvision puts them there), or give --init-weights FILE (.safetensors or .pth), or run with --random-init to train from random weights on purpose")
        XCTAssertTrue(PretrainedWeights.missingMessage(architecture: "tiny", environment: [:]).contains("--random-init"))
    }
}
