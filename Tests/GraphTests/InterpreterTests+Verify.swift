import Foundation
import XCTest
@testable import Graph

/// The verifier and the one-line dump, on small hand-built graphs.
extension InterpreterTests {
    // MARK: Graph.verify

    /// x (2,3) -> linear(w) -> dropout -> mean over the batch -> assigned to a buffer.
    struct Small {
        var graph: Graph
        var x = 0, seed = 0, w = 0, y = 0, d = 0, running = 0, update = 0
    }

    func smallGraph() -> Small {
        let b = GraphBuilder()
        var s = Small(graph: Graph())
        b.scoped("features") {
            b.scoped("0") {
                s.x = b.input("x", TensorType([2, 3]))
                s.seed = b.input("seed", TensorType([1], .i32))
                s.w = b.parameter("weight", [4, 3])
                s.y = b.linear(s.x, s.w)
                s.d = b.add(.dropout(RandomAttrs(p: 0.5, salt: b.salt())), [s.y, s.seed])
                s.running = b.state(.buffer, "running", [4])
                s.update = b.reshape(b.reduce(.mean, s.d, axes: [0]), [4])
                b.assign(s.running, s.update)
            }
        }
        b.output("y", s.d)
        s.graph = b.graph
        return s
    }

    func assertRejects(_ g: Graph, node: Int?, containing text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try g.verify(), file: file, line: line) { error in
            guard case GraphError.invalidGraph(let n, _, let problem) = error else {
                return XCTFail("unexpected error \(error)", file: file, line: line)
            }
            if let node { XCTAssertEqual(n, node, "\(error)", file: file, line: line) }
            XCTAssertTrue(problem.contains(text), "'\(problem)' does not mention '\(text)'", file: file, line: line)
        }
    }

    func testVerifyAcceptsValidGraph() throws {
        let s = smallGraph()
        XCTAssertNoThrow(try s.graph.verify())
        // The same name under another state kind is not a duplicate.
        var g = s.graph
        g.append(Node(op: .state(.gradient), inputs: [], type: TensorType([4, 3]), name: "features.0.weight"))
        XCTAssertNoThrow(try g.verify())
    }

    func testVerifyRejectsWrongDeclaredType() {
        let s = smallGraph()
        var g = s.graph
        g.nodes[s.y].type = TensorType([2, 5])
        assertRejects(g, node: s.y, containing: "declared type")
        var g2 = s.graph
        g2.nodes[s.y].type = TensorType([2, 4], .i32)
        assertRejects(g2, node: s.y, containing: "declared type")
    }

    func testVerifyRejectsInputNotEarlier() {
        let s = smallGraph()
        for bad in [s.y, s.d, 10_000, -1] {
            var g = s.graph
            g.nodes[s.y].inputs[0] = bad
            assertRejects(g, node: s.y, containing: "not an earlier node")
        }
    }

    func testVerifyRejectsDuplicateState() {
        let s = smallGraph()
        var g = s.graph
        let dup = g.append(Node(op: .state(.parameter), inputs: [], type: TensorType([4, 3]), name: "features.0.weight"))
        assertRejects(g, node: dup, containing: "duplicate state")
        var g2 = s.graph
        let dupInput = g2.append(Node(op: .input, inputs: [], type: TensorType([2, 3]), name: "x"))
        assertRejects(g2, node: dupInput, containing: "duplicate input")
    }

    func testVerifyRejectsBadAssignments() {
        let s = smallGraph()
        var g = s.graph
        g.assignments[0].value = s.y   // f32[2,4] to f32[4]
        assertRejects(g, node: s.running, containing: "assigned")
        var g2 = s.graph
        g2.assignments.append(Assignment(target: s.x, value: s.y))   // an input is not a state
        assertRejects(g2, node: s.x, containing: "not a state")
        var g3 = s.graph
        g3.assignments.append(g3.assignments[0])
        assertRejects(g3, node: s.running, containing: "assigned twice")
    }

    func testVerifyRejectsRandomOpNotReadingSeed() {
        let s = smallGraph()
        var g = s.graph
        g.nodes[s.seed].name = "noise"
        assertRejects(g, node: s.d, containing: "seed")
        // An i32[1] that is computed, not the input, is rejected too.
        let b = GraphBuilder()
        let x = b.input("x", TensorType([4]))
        let seed = b.input("seed", TensorType([1], .i32))
        let other = b.reshape(seed, [1])
        let d = b.add(.dropout(RandomAttrs(p: 0.5, salt: 1)), [x, other])
        assertRejects(b.graph, node: d, containing: "seed")
    }

    func testVerifyRejectsForeignBatchNormStatistics() {
        let b = GraphBuilder()
        let x = b.input("x", TensorType([4, 3])), z = b.input("z", TensorType([4, 3]))
        let stats = b.add(.batchNormStats, [z])
        let y = b.add(.batchNormTrain(eps: 1e-5), [x, stats, b.parameter("g", [3]), b.parameter("b", [3])])
        assertRejects(b.graph, node: y, containing: "statistics")
    }

    // MARK: Graph.dump

    func testDumpHasOneLinePerNodeOutputAndAssignment() {
        let s = smallGraph()
        let text = s.graph.dump()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        XCTAssertTrue(text.hasSuffix("\n"))
        XCTAssertEqual(lines.count, s.graph.nodes.count + s.graph.outputs.count + s.graph.assignments.count, text)
        for id in s.graph.nodes.indices { XCTAssertTrue(lines[id].hasPrefix("%\(id) = "), lines[id]) }
        XCTAssertEqual(lines[s.w], "%\(s.w) = state.parameter : f32[4,3]  # features.0.weight")
        XCTAssertEqual(lines[s.y], "%\(s.y) = linear(%\(s.x), %\(s.w)) : f32[2,4]  # features.0")
        XCTAssertEqual(lines[s.d], "%\(s.d) = dropout(%\(s.y), %\(s.seed)) p=0.5 salt=1 : f32[2,4]  # features.0")
        XCTAssertEqual(lines[s.graph.nodes.count], "output y = %\(s.d)")
        XCTAssertEqual(lines.last, "assign state.buffer features.0.running <- %\(s.update)")
        XCTAssertTrue(text.contains("# features.0.running"))

        let tiny = TrainingProgram.buildEval(ModelConfig(variant: .tiny))
        let tinyText = tiny.dump()
        XCTAssertEqual(tinyText.split(separator: "\n").count, tiny.nodes.count + tiny.outputs.count + tiny.assignments.count)
        for scope in ["features.0.0", "features.3.0.block.2.fc1", "cbam.spatial_attention", "classifier.9"] {
            XCTAssertTrue(tinyText.contains("# \(scope)"), "dump lacks scope \(scope)")
        }
    }
}
