import Graph
@testable import Runtime

/// The state layout Codegen's `StateLayout(config:)` builds, for tests of this target (which does
/// not link Codegen): parameters, then buffers, in eval-graph order.
func testLayout(_ config: ModelConfig) -> Manifest.StateLayout {
    let g = TrainingProgram.buildEval(config)
    var offset = 0
    func entries(_ kind: StateKind) -> [Manifest.TensorEntry] {
        g.states(kind).map { id in
            defer { offset += g.nodes[id].type.count }
            return .init(name: g.nodes[id].name, shape: g.nodes[id].type.shape, offset: offset, count: g.nodes[id].type.count)
        }
    }
    let parameters = entries(.parameter)
    let parameterFloats = offset
    let buffers = entries(.buffer)
    return .init(parameters: parameters, buffers: buffers, parameterFloats: parameterFloats, modelFloats: offset)
}
