import Graph

extension Manifest.StateLayout {
    /// The state blocks of a model: parameters in torchvision order, then buffers, densely packed.
    ///
    /// torchvision order puts `features.0` first and the classifier last, so the parameters a
    /// phase trains (the last backbone modules, CBAM, the head) are always a contiguous suffix:
    /// AdamW, clipping and zeroing are single flat loops over `trainableRange`.
    public init(config: ModelConfig) {
        let g = TrainingProgram.buildEval(config)
        var offset = 0
        var parameters: [Manifest.TensorEntry] = []
        for id in g.states(.parameter) {
            let n = g.nodes[id]
            parameters.append(.init(name: n.name, shape: n.type.shape, offset: offset, count: n.type.count))
            offset += n.type.count
        }
        let parameterFloats = offset
        var buffers: [Manifest.TensorEntry] = []
        for id in g.states(.buffer) {
            let n = g.nodes[id]
            buffers.append(.init(name: n.name, shape: n.type.shape, offset: offset, count: n.type.count))
            offset += n.type.count
        }
        self.init(parameters: parameters, buffers: buffers, parameterFloats: parameterFloats, modelFloats: offset)
    }

    /// Offsets by name, parameters and buffers together (model-block offsets).
    public var offsets: [String: Int] {
        var d: [String: Int] = [:]
        for e in parameters { d[e.name] = e.offset }
        for e in buffers { d[e.name] = e.offset }
        return d
    }

    /// [start, end) in floats of the named parameters, which must be contiguous.
    public func range(of names: [String]) -> Range<Int>? {
        let set = Set(names)
        let entries = parameters.filter { set.contains($0.name) }.sorted { $0.offset < $1.offset }
        guard let first = entries.first, let last = entries.last else { return nil }
        let total = entries.reduce(0) { $0 + $1.count }
        guard last.offset + last.count - first.offset == total else { return nil }
        return first.offset..<(last.offset + last.count)
    }

    /// The state blocks of an arbitrary graph (tests of single ops and fusion rules): its
    /// parameters, gradients and moments by name in graph order, then its buffers. States of the
    /// other kinds must name a parameter.
    public init(standalone graph: Graph) {
        var parameters: [Manifest.TensorEntry] = [], buffers: [Manifest.TensorEntry] = []
        var seen = Set<String>()
        var offset = 0
        for kind in [StateKind.parameter, .gradient, .adamM, .adamV] {
            for id in graph.states(kind) where seen.insert(graph.nodes[id].name).inserted {
                let t = graph.nodes[id].type
                parameters.append(.init(name: graph.nodes[id].name, shape: t.shape, offset: offset, count: t.count))
                offset += t.count
            }
        }
        let parameterFloats = offset
        for id in graph.states(.buffer) where seen.insert(graph.nodes[id].name).inserted {
            let t = graph.nodes[id].type
            buffers.append(.init(name: graph.nodes[id].name, shape: t.shape, offset: offset, count: t.count))
            offset += t.count
        }
        self.init(parameters: parameters, buffers: buffers, parameterFloats: parameterFloats, modelFloats: offset)
    }
}
