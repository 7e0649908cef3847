import Foundation
import XCTest
@testable import Codegen
import Graph
import Runtime

/// Each fusion rule (and the BatchNorm fold) on a small graph: the fused and the unfused program
/// both equal the reference interpreter, and the rule really fired (fewer kernels, an
/// intermediate no longer in memory).
final class FusionRuleTests: XCTestCase {
    /// A conv unit: y = conv1x1(x) with `channels` outputs, BatchNorm in training mode, SiLU, residual add.
    func convUnit(_ b: GraphBuilder, x shape: [Int] = [2, 5, 5, 8], channels: Int = 8) -> (x: NodeID, y: NodeID, z: NodeID, a: NodeID) {
        let x = b.input("images", TensorType(shape))
        let w = b.parameter("w", [channels, shape[3], 1, 1])
        let y = b.conv2d(x, w)
        let stats = b.add(.batchNormStats, [y])
        let z = b.add(.batchNormTrain(eps: 1e-3), [y, stats, b.parameter("gamma", [channels]), b.parameter("beta", [channels])])
        let a = b.silu(z)
        return (x, y, z, a)
    }

    func testElementwiseChain() throws {
        let b = GraphBuilder()
        let u = convUnit(b)
        b.output("logits", b.add(u.a, u.x))
        let r = try compare(b.graph, without: .elementwise)
        XCTAssertLessThan(r.fused.kernels, r.unfused.kernels)
        XCTAssertFalse(r.fused.materialized.contains(u.z), "bn output should stay in registers")
        XCTAssertFalse(r.fused.materialized.contains(u.a), "silu output should stay in registers")
        XCTAssertTrue(r.unfused.materialized.contains(u.a))
    }

    func testRecomputeInsteadOfStore() throws {
        let b = GraphBuilder()
        let u = convUnit(b)
        b.output("logits", b.add(u.a, u.x))
        b.output("probabilities", b.mul(u.z, u.z))
        let r = try compare(b.graph, without: .recompute)
        XCTAssertFalse(r.fused.materialized.contains(u.z), "bn output with two consumers should be recomputed")
        XCTAssertTrue(r.unfused.materialized.contains(u.z))
    }

    func testReductionPrologue() throws {
        let b = GraphBuilder()
        let u = convUnit(b)
        b.output("logits", b.reshape(b.reduce(.mean, u.a, axes: [1, 2]), [2, 8]))
        b.output("probabilities", b.reduce(.max, u.a, axes: [3]))
        let r = try compare(b.graph, without: .prologue)
        XCTAssertFalse(r.fused.materialized.contains(u.a), "pooling should read silu(bn(y)) on the fly")
        XCTAssertTrue(r.fused.schedule.kernels.contains { if case .prologue = $0.kind { return true }; return false })
    }

    func testBatchNormBackwardPrologue() throws {
        // bn_bwd_reduce and bn_bwd_input read dy = silu_bwd(g, z) without storing it.
        let b = GraphBuilder()
        let u = convUnit(b)
        let loss = b.reshape(b.reduce(.sum, b.mul(u.a, b.parameter("r", [2, 5, 5, 8])), axes: [0, 1, 2, 3]), [])
        let params = ["w", "gamma", "beta"].map { b.graph.state(.parameter, $0)! }
        accumulateGradients(b, loss: loss, parameters: params)
        b.output("loss", loss)
        let r = try compare(b.graph, without: .prologue)
        XCTAssertLessThan(r.fused.kernels, r.unfused.kernels)
    }

    func testLossAndGradientInOneKernel() throws {
        let b = GraphBuilder()
        let z = b.parameter("z", [4, 3])
        let labels = b.input("labels", TensorType([4], .i32))
        let loss = b.add(.focalLoss(.recipe), [z, labels])
        let grads = Backward.append(to: b, loss: loss, parameters: [z])
        let acc = b.state(.gradient, "z", [4, 3])
        b.assign(acc, b.add(acc, grads[z]!))
        b.output("loss", loss)
        let r = try compare(b.graph, without: .loss)
        XCTAssertTrue(r.fused.schedule.kernels.contains { if case .loss = $0.kind { return true }; return false })
        XCTAssertLessThan(r.fused.kernels, r.unfused.kernels)
    }

    func testGradientAccumulatedByItsKernel() throws {
        // dW = dyᵀ·x (sgemm with beta 1), db = Σ dy (reduction adding into the accumulator),
        // and BatchNorm's dγ, dβ sliced straight into theirs.
        let b = GraphBuilder()
        let x = b.input("images", TensorType([6, 7]))
        let w = b.parameter("w", [5, 7]), bias = b.parameter("b", [5])
        let y = b.linear(x, w, bias)
        let stats = b.add(.batchNormStats, [y])
        let z = b.add(.batchNormTrain(eps: 1e-5), [y, stats, b.parameter("gamma", [5]), b.parameter("beta", [5])])
        let loss = b.reshape(b.reduce(.sum, b.mul(b.silu(z), b.parameter("r", [6, 5])), axes: [0, 1]), [])
        let params = ["w", "b", "gamma", "beta"].map { b.graph.state(.parameter, $0)! }
        accumulateGradients(b, loss: loss, parameters: params)
        b.output("loss", loss)
        let r = try compare(b.graph, without: .accumulate)
        XCTAssertEqual(r.fused.schedule.kernels.filter(\.accumulates).count, 4)
        XCTAssertLessThan(r.fused.kernels, r.unfused.kernels)
    }

    func testPointwiseConvolutionReadsThroughPrologue() throws {
        // a = silu(bn(y)) feeds a 1×1 conv and that conv's weight gradient: computed tile by tile
        // inside both, never stored.
        let (b, u, r) = try prologueConvolution(x: [2, 5, 5, 8], channels: 8)
        XCTAssertTrue(r.unfused.materialized.contains(u.a))
        XCTAssertEqual(r.fused.schedule.kernels.filter { if case .prologue(let a, _, _) = $0.kind {
            if case .conv2d = b.graph.nodes[a].op { return true }
            if case .conv2dBackwardWeight = b.graph.nodes[a].op { return true }
        }; return false }.count, 2)
    }

    func testPrologueTilesAreEvenedOut() {
        // S's shapes: 160 channels had 11 tiles of 409 rows (6 on one thread, 5 on the other), now 12.
        XCTAssertEqual(prologueTileRows(channels: 160, rows: 4096), 342)
        XCTAssertEqual(prologueTileRows(channels: 256, rows: 1024), 256)
        XCTAssertEqual(prologueTileRows(channels: 1536, rows: 1024), 256)
        XCTAssertEqual(prologueTileRows(channels: 8, rows: 50), 50, "one tile stays one tile")
        for (c, m) in [(160, 4096), (192, 65536), (96, 65536), (48, 65536), (64, 16384), (1536, 1024), (160, 2178), (8, 1000)] {
            let tile = prologueTileRows(channels: c, rows: m), tiles = (m + tile - 1) / tile
            XCTAssertTrue(tiles == 1 || tiles % 4 == 0, "\(c) channels, \(m) rows: \(tiles) tiles of \(tile)")
            XCTAssertLessThanOrEqual(tile, max(256, 65536 / c), "\(c) channels, \(m) rows")
        }
    }

    func testPointwiseConvolutionPrologueInEvenedTiles() throws {
        // 2 × 33 × 33 = 2,178 rows of 160 channels: at most 409 rows a tile, 6 tiles evened out to 8 of
        // 273 rows, the last one 267: the forward's tiles and the dw's per-thread partials still cover
        // every row once (a tile count or a last tile off by one fails here).
        XCTAssertEqual(prologueTileRows(channels: 160, rows: 2178), 273)
        _ = try prologueConvolution(x: [2, 33, 33, 8], channels: 160)
    }

    /// a = silu(bn(conv1x1(x))) with `channels` channels feeds a 1×1 conv to 6 channels, and the
    /// loss's gradients of both weights and the BatchNorm: compared fused and unfused against the
    /// interpreter, a never stored when fused.
    func prologueConvolution(x shape: [Int], channels: Int, file: StaticString = #filePath, line: UInt = #line) throws
        -> (GraphBuilder, (x: NodeID, y: NodeID, z: NodeID, a: NodeID), Comparison) {
        let b = GraphBuilder()
        let u = convUnit(b, x: shape, channels: channels)
        let out = b.conv2d(u.a, b.parameter("w2", [6, channels, 1, 1]))
        let r6 = b.parameter("r", Array(shape.dropLast()) + [6])
        let loss = b.reshape(b.reduce(.sum, b.mul(out, r6), axes: [0, 1, 2, 3]), [])
        let params = ["w", "w2", "gamma", "beta"].map { b.graph.state(.parameter, $0)! }
        accumulateGradients(b, loss: loss, parameters: params)
        b.output("loss", loss)
        let r = try compare(b.graph, without: .convolutionPrologue, file: file, line: line)
        XCTAssertFalse(r.fused.materialized.contains(u.a), "the conv input should be recomputed, not stored", file: file, line: line)
        return (b, u, r)
    }

    func testDepthwiseConvolutionComputesItsStatistics() throws {
        let b = GraphBuilder()
        let x = b.input("images", TensorType([2, 7, 7, 16]))
        let y = b.conv2d(x, b.parameter("w", [16, 1, 3, 3]), stride: 2, padding: 1, groups: 16)
        let stats = b.add(.batchNormStats, [y])
        let mean = b.state(.buffer, "running_mean", [16]), variance = b.state(.buffer, "running_var", [16])
        b.assign(mean, b.add(.runningStatUpdate(RunningStatAttrs(momentum: 0.1, row: 0, count: 32)), [mean, stats]))
        b.assign(variance, b.add(.runningStatUpdate(RunningStatAttrs(momentum: 0.1, row: 1, count: 32)), [variance, stats]))
        let z = b.add(.batchNormTrain(eps: 1e-3), [y, stats, b.parameter("gamma", [16]), b.parameter("beta", [16])])
        b.output("logits", b.silu(z))
        let r = try compare(b.graph, without: .statisticsEpilogue)
        XCTAssertTrue(r.fused.schedule.kernels.contains { $0.nodes.contains(stats) && $0.nodes.contains(y) })
        // The rule's decision is recorded in the kernel kind the emitter dispatches on.
        XCTAssertEqual(r.fused.schedule.kernels.filter {
            if case .depthwiseStatistics(y, stats, let updates) = $0.kind { return updates.count == 2 }; return false
        }.count, 1)
        XCTAssertLessThan(r.fused.kernels, r.unfused.kernels)
    }

    func testFlatOptimizer() throws {
        let program = try TrainingProgram(config: ModelConfig(variant: .tiny), phase: Phase.recipe[2])
        let r = try compare(program.update, without: .optimizer)
        XCTAssertEqual(r.fused.kernels, 3, "grad norm, AdamW and EMA")
        XCTAssertGreaterThan(r.unfused.kernels, 100)
    }

    func testFoldFrozenBatchNorm() throws {
        let b = GraphBuilder()
        let x = b.input("images", TensorType([2, 6, 6, 4]))
        let y = b.conv2d(x, b.parameter("w", [8, 4, 3, 3]), padding: 1)
        let z = b.add(.batchNormEval(eps: 1e-3), [y, b.parameter("gamma", [8]), b.parameter("beta", [8]),
                                                b.state(.buffer, "mean", [8]), b.state(.buffer, "var", [8])])
        b.output("logits", b.silu(z))
        let folded = foldFrozenBatchNorm(b.graph)
        XCTAssertTrue(folded.nodes.contains { if case .batchNormFoldWeight = $0.op { return true }; return false })
        XCTAssertFalse(folded.nodes.contains { if case .batchNormEval = $0.op { return true }; return false })
        try folded.verify()
        // Folded and unfolded programs agree with the interpreter (on the unfolded graph).
        let state = randomState(b.graph, seed: 3)
        let inputs = randomInputs(b.graph, seed: 4)
        let reference = try Interpreter.run(b.graph, inputs: inputs, state: state)
        for passes in [Pass.graphPasses, [.eliminate]] {
            let run = try Standalone.run(b.graph, inputs: inputs, state: state, passes: passes)
            Harness.compare("fold \(passes.map(\.rawValue))", run.outputs["logits"]!, reference.outputs["logits"]!.scalars)
        }
    }

    // MARK: helpers

    /// Appends the backward pass and `acc <- acc + grad` for each parameter, as a training step does.
    func accumulateGradients(_ b: GraphBuilder, loss: NodeID, parameters: [NodeID]) {
        let grads = Backward.append(to: b, loss: loss, parameters: parameters)
        for p in parameters {
            let acc = b.named(b.graph.nodes[p].name) { b.state(.gradient, "", b.shape(p)) }
            b.assign(acc, b.add(acc, grads[p]!))
        }
    }

    struct Comparison { var fused: Standalone.Result; var unfused: Standalone.Result }

    /// Runs `graph` with all rules and without `rule`, checks both against the interpreter.
    func compare(_ graph: Graph, without rule: FusionRules, file: StaticString = #filePath, line: UInt = #line) throws -> Comparison {
        try graph.verify()
        let state = randomState(graph, seed: 1)
        let inputs = randomInputs(graph, seed: 2)
        let reference = try Interpreter.run(graph, inputs: inputs, state: state)
        let fused = try Standalone.run(graph, inputs: inputs, state: state, rules: .all)
        let unfused = try Standalone.run(graph, inputs: inputs, state: state, rules: FusionRules.all.subtracting(rule))
        for (label, r) in [("fused", fused), ("unfused", unfused)] {
            for o in graph.outputs {
                Harness.compare("\(label) \(o.name)", r.outputs[o.name]!, reference.outputs[o.name]!.scalars, file: file, line: line)
            }
            for (key, value) in reference.state where graph.assignments.contains(where: { graph.nodes[$0.target].name == key.name }) {
                Harness.compare("\(label) \(key)", r.state[key]!, value.scalars, file: file, line: line)
            }
        }
        print("\(rule): fused \(fused.kernels) kernels, unfused \(unfused.kernels)")
        return Comparison(fused: fused, unfused: unfused)
    }

    func randomState(_ g: Graph, seed: UInt64) -> [StateKey: Tensor] {
        var rng = SplitMix64(seed: seed)
        var state: [StateKey: Tensor] = [:]
        for (id, n) in g.nodes.enumerated() {
            guard case .state(let kind) = n.op else { continue }
            _ = id
            let positive = kind == .adamV || n.name.hasSuffix("var") || n.name.contains("gamma")
            state[StateKey(kind, n.name)] = Tensor(shape: n.type.shape, scalars: (0..<n.type.count).map { _ in
                positive ? 0.5 + rng.unit() : (kind == .adamV ? 1e-4 * rng.unit() : rng.normal() * (kind == .gradient ? 0.01 : 0.5))
            })
        }
        return state
    }

    func randomInputs(_ g: Graph, seed: UInt64) -> [String: Tensor] {
        var rng = SplitMix64(seed: seed)
        var inputs: [String: Tensor] = [:]
        for id in g.inputs {
            let n = g.nodes[id]
            switch n.name {
            case "labels": inputs[n.name] = Tensor(shape: n.type.shape, scalars: (0..<n.type.count).map { Double($0 % 3) })
            case "seed": inputs[n.name] = Tensor(shape: [1], scalars: [77])
            case "optimizer.hyper": inputs[n.name] = Tensor(shape: [Hyper.count], scalars: [1e-3, 1e-2, 0.5, 0.01, 0.9, 0, 0, 0])
            case "optimizer.bias_correction":
                inputs[n.name] = Tensor(shape: [4, 2], scalars: [0.271, 0.002997, 0.1, 0.001, 0.19, 0.001999, 0.1, 0.001])
            default: inputs[n.name] = Tensor(shape: n.type.shape, scalars: (0..<n.type.count).map { _ in rng.normal() })
            }
        }
        return inputs
    }
}

/// Compiles any graph (as a standalone artifact), runs it once and reads everything back.
enum Standalone {
    struct Result {
        var outputs: [String: [Float]]
        var state: [StateKey: [Float]]
        var kernels: Int
        var materialized: Set<NodeID>
        var schedule: Schedule
    }

    static let slots: [String: IOSlot] = ["images": .images, "labels": .labels, "seed": .seed, "optimizer.hyper": .hyper,
                                          "optimizer.bias_correction": .biasCorrection, "loss": .loss, "logits": .logits,
                                          "probabilities": .probabilities]

    static func run(_ graph: Graph, inputs: [String: Tensor], state: [StateKey: Tensor], rules: FusionRules = .all,
                    passes: [Pass] = Pass.graphPasses) throws -> Result {
        let artifact = try compileStandalone(graph, passes: passes, rules: rules)
        let (program, dir) = try Harness.load(artifact, name: "standalone")
        defer { try? FileManager.default.removeItem(at: dir) }
        let blocks = try StateBlocks(layout: artifact.manifest.layout)
        for (key, t) in state {
            let values = t.floats
            switch key.kind {
            case .parameter, .buffer: try blocks.write(StateBlocks.Block.model, key.name, values)
            case .gradient: try blocks.setGradient(key.name, values)
            case .adamM: try blocks.setAdamM(key.name, values)
            case .adamV: try blocks.setAdamV(key.name, values)
            case .ema: try blocks.setEMA(key.name, values)
            }
        }
        var buffers: [IOSlot: UnsafeMutableRawPointer] = [:]
        var allocations: [UnsafeMutableRawPointer] = []
        defer { for a in allocations { a.deallocate() } }
        for (name, t) in inputs {
            guard let slot = slots[name] else { continue }
            let p = UnsafeMutableRawPointer.allocate(byteCount: max(4, t.count * 4), alignment: 64)
            allocations.append(p)
            if name == "labels" || name == "seed" {
                for (i, v) in t.scalars.enumerated() { p.storeBytes(of: Int32(v), toByteOffset: 4 * i, as: Int32.self) }
            } else {
                for (i, v) in t.scalars.enumerated() { p.storeBytes(of: Float(v), toByteOffset: 4 * i, as: Float.self) }
            }
            buffers[slot] = p
        }
        for o in graph.outputs {
            let p = UnsafeMutableRawPointer.allocate(byteCount: max(4, graph.nodes[o.node].type.count * 4), alignment: 64)
            allocations.append(p)
            buffers[slots[o.name]!] = p
        }
        let arena = try Arena(bytes: max(64, artifact.manifest.eval.arenaBytes))
        try program.run(artifact.manifest.eval.entry, state: blocks, arena: arena, inputs: buffers)
        var outputs: [String: [Float]] = [:]
        for o in graph.outputs {
            let p = buffers[slots[o.name]!]!
            outputs[o.name] = (0..<graph.nodes[o.node].type.count).map { p.load(fromByteOffset: 4 * $0, as: Float.self) }
        }
        var after: [StateKey: [Float]] = [:]
        for key in state.keys {
            switch key.kind {
            case .parameter, .buffer: after[key] = try blocks.read(StateBlocks.Block.model, key.name)
            case .gradient: after[key] = try blocks.gradient(key.name)
            case .adamM: after[key] = try blocks.adamM(key.name)
            case .adamV: after[key] = try blocks.adamV(key.name)
            case .ema: after[key] = try blocks.ema(key.name)
            }
        }
        let lowered = artifact.programs[0]
        return Result(outputs: outputs, state: after, kernels: lowered.schedule.kernels.count,
                      materialized: lowered.schedule.materialized, schedule: lowered.schedule)
    }
}
