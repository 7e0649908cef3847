import Foundation
import XCTest
import Graph
@testable import Runtime

/// Fresh-model initialisation: torchvision's EfficientNet init for the backbone, PyTorch's module
/// defaults for CBAM and the BreastAI head, running statistics 0 / 1, EMA = model, deterministic.
final class InitializerTests: XCTestCase {
    /// The state layout of a configuration (what Codegen's `Manifest.StateLayout(config:)` builds:
    /// the eval graph's parameters in order, then its buffers, densely packed).
    static func layout(_ config: ModelConfig) -> Manifest.StateLayout {
        let g = TrainingProgram.buildEval(config)
        var offset = 0
        func entries(_ kind: StateKind) -> [Manifest.TensorEntry] {
            g.states(kind).map { id in
                let n = g.nodes[id]
                defer { offset += n.type.count }
                return Manifest.TensorEntry(name: n.name, shape: n.type.shape, offset: offset, count: n.type.count)
            }
        }
        let parameters = entries(.parameter), parameterFloats = offset
        let buffers = entries(.buffer)
        return Manifest.StateLayout(parameters: parameters, buffers: buffers, parameterFloats: parameterFloats, modelFloats: offset)
    }

    static func initialized(_ config: ModelConfig, seed: UInt64) throws -> StateBlocks {
        let state = try StateBlocks(layout: layout(config))
        Initializer.initialize(state, head: config.head, seed: seed)
        return state
    }

    /// The expected distribution, written out from the PyTorch rules by name and shape.
    static func expected(_ name: String, _ shape: [Int], layout: Manifest.StateLayout, head: HeadKind) -> Initializer.Distribution {
        if name.hasSuffix(".running_mean") { return .constant(0) }
        if name.hasSuffix(".running_var") { return .constant(1) }
        let module = String(name.dropLast(name.hasSuffix(".weight") ? 7 : 5))
        if layout.buffers.contains(where: { $0.name == module + ".running_mean" }) { return .constant(name.hasSuffix(".weight") ? 1 : 0) }
        let w = layout.parameters.first { $0.name == module + ".weight" }!.shape
        let k = w.count == 4 ? w[2] * w[3] : 1
        let backbone = name.hasPrefix("features.") || (head == .torchvision && name.hasPrefix("classifier."))
        if backbone {
            if name.hasSuffix(".bias") { return .constant(0) }
            return w.count == 4 ? .normal(std: (2.0 / Double(w[0] * k)).squareRoot()) : .uniform(bound: 1 / Double(w[0]).squareRoot())
        }
        return .uniform(bound: 1 / Double(w[1] * k).squareRoot())
    }

    /// Checks every tensor of the model block against its expected distribution: constants exactly,
    /// uniform within its bounds, and for tensors of at least `minStatistical` elements mean and
    /// standard deviation within 6 standard errors. Returns the pooled standardised values' moments.
    @discardableResult
    func checkDistributions(_ state: StateBlocks, head: HeadKind, minStatistical: Int = 2000) throws -> (mean: Double, variance: Double, n: Int) {
        let layout = state.layout
        var pooledSum = 0.0, pooledSquares = 0.0, pooledCount = 0
        let plan = Dictionary(uniqueKeysWithValues: try Initializer.plan(layout, head: head).map { ($0.0.name, $0.1) })
        for e in layout.parameters + layout.buffers {
            let want = Self.expected(e.name, e.shape, layout: layout, head: head)
            XCTAssertEqual(plan[e.name], want, e.name)
            let values = try state.read(.model, e.name)
            let n = Double(values.count)
            let mean = values.reduce(0.0) { $0 + Double($1) } / n
            let variance = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / n
            let sigma: Double
            switch want {
            case .constant(let c):
                XCTAssertTrue(values.allSatisfy { $0 == c }, "\(e.name): expected every value \(c)")
                continue
            case .normal(let std):
                sigma = std
            case .uniform(let bound):
                XCTAssertTrue(values.allSatisfy { abs(Double($0)) <= bound * (1 + 1e-6) }, "\(e.name): value outside ±\(bound)")
                sigma = bound / 3.0.squareRoot()
            }
            for v in values { let z = Double(v) / sigma; pooledSum += z; pooledSquares += z * z }
            pooledCount += values.count
            guard values.count >= minStatistical else { continue }
            // Standard error of the mean σ/√n; of the standard deviation σ/√(2n) for a normal (smaller,
            // σ/√(5n), for a uniform). 6 of them; the seeds are fixed, so the test cannot flake.
            XCTAssertLessThan(abs(mean), 6 * sigma / n.squareRoot(), "\(e.name): mean \(mean) for σ \(sigma), n \(values.count)")
            XCTAssertEqual(variance.squareRoot(), sigma, accuracy: 6 * sigma / (2 * n).squareRoot(),
                           "\(e.name): std \(variance.squareRoot()) for σ \(sigma), n \(values.count)")
        }
        let n = Double(pooledCount), mean = pooledSum / n, variance = pooledSquares / n - mean * mean
        XCTAssertLessThan(abs(mean), 6 / n.squareRoot(), "pooled standardised mean")
        XCTAssertEqual(variance, 1, accuracy: 6 * (2 / n).squareRoot(), "pooled standardised variance")
        return (mean, variance, pooledCount)
    }

    func assertEMAEqualsModel(_ state: StateBlocks) {
        let n = state.layout.modelFloats
        XCTAssertEqual(memcmp(state.model, state.ema, n * MemoryLayout<Float>.stride), 0, "EMA block differs from the model block")
    }

    // MARK: - Tiny, both heads

    func testTinyBreastAIHead() throws {
        let head = HeadKind.breastAI(cbam: true, dropout: 0.45)
        let state = try Self.initialized(ModelConfig(variant: .tiny, head: head), seed: 7)
        let pooled = try checkDistributions(state, head: head)
        print("tiny BreastAI: \(pooled.n) random values, standardised mean \(pooled.mean), variance \(pooled.variance)")
        assertEMAEqualsModel(state)
        // Spot checks written out by hand (tiny: stem 3->8, last conv 32->64, CBAM 64->8->64, head 64->32->16->3).
        let layout = state.layout
        XCTAssertEqual(try Initializer.plan(layout, head: head).first { $0.0.name == "features.0.0.weight" }?.1, .normal(std: (2.0 / 72).squareRoot()))
        XCTAssertEqual(Self.plan(layout, head, "cbam.spatial_attention.conv.weight"), .uniform(bound: 1 / 98.0.squareRoot()))
        XCTAssertEqual(Self.plan(layout, head, "cbam.channel_attention.fc.0.weight"), .uniform(bound: 1 / 64.0.squareRoot()))
        XCTAssertEqual(Self.plan(layout, head, "classifier.1.weight"), .uniform(bound: 1 / 64.0.squareRoot()))
        XCTAssertEqual(Self.plan(layout, head, "classifier.1.bias"), .uniform(bound: 1 / 64.0.squareRoot()))
        XCTAssertEqual(Self.plan(layout, head, "classifier.2.weight"), .constant(1))
        XCTAssertEqual(Self.plan(layout, head, "classifier.9.bias"), .uniform(bound: 1 / 16.0.squareRoot()))
    }

    func testTinyTorchvisionHead() throws {
        let state = try Self.initialized(ModelConfig(variant: .tiny, head: .torchvision), seed: 7)
        try checkDistributions(state, head: .torchvision)
        assertEMAEqualsModel(state)
        XCTAssertEqual(Self.plan(state.layout, .torchvision, "classifier.1.weight"), .uniform(bound: 1 / 3.0.squareRoot()))
        XCTAssertEqual(Self.plan(state.layout, .torchvision, "classifier.1.bias"), .constant(0))
    }

    static func plan(_ layout: Manifest.StateLayout, _ head: HeadKind, _ name: String) -> Initializer.Distribution? {
        (try? Initializer.plan(layout, head: head))?.first { $0.0.name == name }?.1
    }

    // MARK: - S, shapes of the real network

    func testSBreastAIHead() throws {
        let head = HeadKind.breastAI(cbam: true, dropout: 0.45)
        let state = try Self.initialized(ModelConfig(variant: .s, head: head), seed: 1)
        let pooled = try checkDistributions(state, head: head)
        print("S BreastAI: \(pooled.n) random values, standardised mean \(pooled.mean), variance \(pooled.variance)")
        assertEMAEqualsModel(state)
        let layout = state.layout
        // fan_out = out · kh · kw, no division by groups: depthwise [960,1,3,3] has fan_out 8640.
        XCTAssertEqual(Self.plan(layout, head, "features.6.0.block.1.0.weight"), .normal(std: (2.0 / 8640).squareRoot()))
        XCTAssertEqual(Self.plan(layout, head, "features.4.0.block.2.fc1.weight"), .normal(std: (2.0 / 16).squareRoot()))
        XCTAssertEqual(Self.plan(layout, head, "features.4.0.block.2.fc1.bias"), .constant(0))
        XCTAssertEqual(Self.plan(layout, head, "features.7.0.weight"), .normal(std: (2.0 / 1280).squareRoot()))
        XCTAssertEqual(Self.plan(layout, head, "classifier.1.weight"), .uniform(bound: 1 / 1280.0.squareRoot()))
        XCTAssertEqual(Self.plan(layout, head, "classifier.5.weight"), .uniform(bound: 1 / 512.0.squareRoot()))
        XCTAssertEqual(Self.plan(layout, head, "classifier.6.bias"), .constant(0))
        XCTAssertEqual(Self.plan(layout, head, "cbam.channel_attention.fc.0.weight"), .uniform(bound: 1 / 1280.0.squareRoot()))
    }

    func testSTorchvisionHead() throws {
        let config = ModelConfig(variant: .s, classes: 1000, head: .torchvision)
        let state = try Self.initialized(config, seed: 1)
        XCTAssertEqual(state.layout.parameterFloats, 21_458_488)
        try checkDistributions(state, head: .torchvision)
        XCTAssertEqual(Self.plan(state.layout, .torchvision, "classifier.1.weight"), .uniform(bound: 1 / 1000.0.squareRoot()))
        XCTAssertEqual(Self.plan(state.layout, .torchvision, "classifier.1.bias"), .constant(0))
    }

    // MARK: - Determinism and errors

    func testHeadInferredFromLayout() throws {
        for head in [HeadKind.torchvision, .breastAI(cbam: true, dropout: 0), .breastAI(cbam: false, dropout: 0)] {
            let config = ModelConfig(variant: .tiny, head: head)
            XCTAssertEqual(Initializer.inferredHead(Self.layout(config)), head)
            let given = try Self.initialized(config, seed: 5)
            let inferred = try StateBlocks(layout: given.layout)
            Initializer.initialize(inferred, seed: 5)
            XCTAssertEqual(memcmp(given.model, inferred.model, given.layout.modelFloats * MemoryLayout<Float>.stride), 0, "\(head)")
        }
    }

    func testDeterministicBySeedAndKeyedByName() throws {
        let head = HeadKind.breastAI(cbam: true, dropout: 0.45)
        let config = ModelConfig(variant: .tiny, head: head)
        let a = try Self.initialized(config, seed: 42), b = try Self.initialized(config, seed: 42), c = try Self.initialized(config, seed: 43)
        let bytes = a.layout.modelFloats * MemoryLayout<Float>.stride
        XCTAssertEqual(memcmp(a.model, b.model, bytes), 0, "same seed, different values")
        for (entry, distribution) in try Initializer.plan(a.layout, head: head) {
            let x = try a.read(.model, entry.name), y = try c.read(.model, entry.name)
            if case .constant = distribution { XCTAssertEqual(x, y, entry.name) } else { XCTAssertNotEqual(x, y, "\(entry.name): seed 42 and 43 agree") }
        }
        // Values depend on (seed, name) only: the backbone is the same without CBAM and with torchvision's head.
        for other in [ModelConfig(variant: .tiny, head: .breastAI(cbam: false, dropout: 0.45)), ModelConfig(variant: .tiny, head: .torchvision)] {
            let d = try Self.initialized(other, seed: 42)
            for entry in d.layout.parameters where entry.name.hasPrefix("features.") {
                XCTAssertEqual(try d.read(.model, entry.name), try a.read(.model, entry.name), entry.name)
            }
        }
        // Every random tensor differs from every other (no two tensors share a stream).
        let firsts = try Initializer.plan(a.layout, head: head).compactMap { entry, distribution -> Float? in
            if case .constant = distribution { return nil }
            return try a.read(.model, entry.name)[0]
        }
        XCTAssertEqual(Set(firsts).count, firsts.count)
    }

    func testUnknownTensorsAreErrors() throws {
        func layout(_ parameters: [(String, [Int])], buffers: [(String, [Int])] = []) -> Manifest.StateLayout {
            var offset = 0
            let p = parameters.map { n, s in defer { offset += s.reduce(1, *) }; return Manifest.TensorEntry(name: n, shape: s, offset: offset, count: s.reduce(1, *)) }
            let pf = offset
            let b = buffers.map { n, s in defer { offset += s.reduce(1, *) }; return Manifest.TensorEntry(name: n, shape: s, offset: offset, count: s.reduce(1, *)) }
            return Manifest.StateLayout(parameters: p, buffers: b, parameterFloats: pf, modelFloats: offset)
        }
        for (bad, name) in [(layout([("decoder.0.weight", [4, 4])]), "decoder.0.weight"),
                            (layout([("features.0.scale", [4])]), "features.0.scale"),
                            (layout([("features.0.bias", [4])]), "features.0.bias"),
                            (layout([("features.0.weight", [4, 4, 3])]), "features.0.weight"),
                            (layout([("features.0.weight", [4, 4])], buffers: [("features.0.num_batches_tracked", [])]), "features.0.num_batches_tracked")] {
            XCTAssertThrowsError(try Initializer.plan(bad, head: .torchvision)) { error in
                XCTAssertTrue("\(error)".contains(name), "\(error)")
            }
        }
    }
}
