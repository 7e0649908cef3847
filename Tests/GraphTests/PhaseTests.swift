import XCTest
@testable import Graph

/// Progressive unfreezing compiles frozen layers away: no gradient for a frozen parameter, no
/// backward op below the lowest trainable layer, BatchNorm in eval mode where frozen.
final class PhaseTests: XCTestCase {
    /// The trainable `features` modules per phase, as the original's `int(len(features) * f)`.
    func testRecipeFirstTrainableModules() {
        // S and M: 8 and 9 feature modules; tiny: 6.
        XCTAssertEqual(Phase.recipe.map { $0.firstTrainableFeature(of: 8) }, [8, 6, 4, 0])
        XCTAssertEqual(Phase.recipe.map { $0.firstTrainableFeature(of: 9) }, [9, 6, 4, 0])
        XCTAssertEqual(Phase.recipe.map { $0.firstTrainableFeature(of: 6) }, [6, 4, 3, 0])
    }

    func testBackwardStopsAtLowestTrainableLayer() throws {
        for variant in [ModelVariant.tiny, .s] {
            let config = ModelConfig(variant: variant, imageSize: variant == .tiny ? 32 : 64)
            var counts: [String] = []
            for phase in Phase.recipe {
                let p = try TrainingProgram(config: config, phase: phase)
                let g = p.step
                let first = phase.firstTrainableFeature(of: config.backbone.featureModules)
                let loss = g.output("loss")!
                func module(_ id: NodeID) -> Int? { ModelConfig.featureIndex(ofParameter: g.nodes[id].name) }

                // 1. Gradient accumulators exist exactly for the trainable parameters.
                let params = g.states(.parameter).map { g.nodes[$0].name }
                let accumulators = Set(g.states(.gradient).map { g.nodes[$0].name })
                XCTAssertEqual(accumulators, Set(params.filter { config.isTrainable($0, in: phase) }), "\(variant) \(phase)")
                XCTAssertEqual(Set(p.trainable), accumulators)

                // 2. No backward op in a frozen module.
                let backward = g.computeNodes.filter { $0 > loss }
                let frozenBackward = backward.filter { (module($0) ?? Int.max) < first }
                XCTAssertEqual(frozenBackward.count, 0, "\(variant) \(phase): backward ops in frozen modules: "
                               + frozenBackward.prefix(3).map { "\(g.nodes[$0].op.name) \(g.nodes[$0].name)" }.joined(separator: ", "))

                // 3. The lowest trainable layer computes no input gradient.
                let inputGradients = backward.filter { if case .conv2dBackwardInput = g.nodes[$0].op { return true }; return false }
                let lowest = first < config.backbone.featureModules ? first : nil
                if let lowest {
                    let firstConv = lowest == 0 ? "features.0.0" : "features.\(lowest).0.block.0.0"
                    XCTAssertFalse(inputGradients.contains { g.nodes[$0].name == firstConv }, "\(variant) \(phase): \(firstConv) has dx")
                    // ... but every other trainable conv does (the backward reaches all the way down).
                    let convs = g.computeNodes.filter { if case .conv2d = g.nodes[$0].op { return (module($0) ?? -1) >= lowest }; return false }
                    XCTAssertEqual(inputGradients.filter { module($0) != nil }.count, convs.count - 1, "\(variant) \(phase)")
                } else {
                    XCTAssertEqual(inputGradients.filter { module($0) != nil }.count, 0)
                }

                // 4. Frozen BatchNorm runs in eval mode; trainable BatchNorm in training mode.
                for id in g.computeNodes {
                    switch g.nodes[id].op {
                    case .batchNormTrain: XCTAssertGreaterThanOrEqual(module(id) ?? Int.max, first, g.nodes[id].name)
                    case .batchNormEval: XCTAssertLessThan(module(id) ?? Int.max, first, g.nodes[id].name)
                    case .stochasticDepth: XCTAssertGreaterThanOrEqual(module(id) ?? Int.max, first, g.nodes[id].name)
                    default: break
                    }
                }

                // 5. Weight-gradient ops only for trainable weights.
                let weightGrads = backward.filter { if case .conv2dBackwardWeight = g.nodes[$0].op { return true }; return false }
                let trainableConvWeights = p.trainable.filter {
                    guard let id = g.state(.parameter, $0) else { return false }
                    return g.nodes[id].type.rank == 4 && !$0.contains(".fc")
                }
                XCTAssertEqual(weightGrads.count, trainableConvWeights.count, "\(variant) \(phase)")
                counts.append("phase \(phase.number): \(p.trainable.count) trainable tensors, \(backward.count) backward ops, "
                              + "\(weightGrads.count) conv weight grads, \(inputGradients.count) conv input grads")
            }
            print("\(variant):\n  " + counts.joined(separator: "\n  "))
        }
    }

    /// The optimizer step updates exactly the trainable parameters, and the EMA covers every
    /// parameter and buffer.
    func testUpdateGraphCoversTrainableAndEMA() throws {
        let config = ModelConfig(variant: .tiny)
        for phase in Phase.recipe {
            let p = try TrainingProgram(config: config, phase: phase)
            let u = p.update
            let assigned = u.assignments.map { a -> StateKey in
                guard case .state(let k) = u.nodes[a.target].op else { fatalError() }
                return StateKey(k, u.nodes[a.target].name)
            }
            let updatedParams = Set(assigned.filter { $0.kind == .parameter }.map(\.name))
            XCTAssertEqual(updatedParams, Set(p.trainable))
            let everything = p.eval.states(.parameter).count + p.eval.states(.buffer).count
            XCTAssertEqual(assigned.filter { $0.kind == .ema }.count, everything)
            XCTAssertEqual(assigned.filter { $0.kind == .gradient }.count, p.trainable.count)
        }
    }

    /// AdamW step-count groups follow the phase in which a parameter first trains.
    func testAdamGroups() {
        let c = ModelConfig(variant: .s)
        XCTAssertEqual(c.adamGroup("classifier.9.weight"), 0)
        XCTAssertEqual(c.adamGroup("cbam.spatial_attention.conv.weight"), 0)
        XCTAssertEqual(c.adamGroup("features.7.0.weight"), 1)
        XCTAssertEqual(c.adamGroup("features.6.3.block.1.0.weight"), 1)
        XCTAssertEqual(c.adamGroup("features.5.0.block.1.0.weight"), 2)
        XCTAssertEqual(c.adamGroup("features.4.0.block.1.0.weight"), 2)
        XCTAssertEqual(c.adamGroup("features.0.0.weight"), 3)
    }
}
