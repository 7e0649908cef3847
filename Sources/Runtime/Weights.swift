import Foundation
import Graph

/// Loading and saving the model block as a safetensors state dict with torchvision names.
///
/// Weights keep torchvision's layout (OIHW convolutions, [out, in] linear layers) in the model
/// block too, so loading is a copy per tensor; `num_batches_tracked` entries are accepted and
/// ignored (BreastAI uses a fixed momentum).
public enum Weights {
    /// What a load did: tensors copied, and the model's tensors the file did not provide or
    /// provided with another shape (those keep their current values).
    public struct LoadReport: Sendable {
        public var loaded: [String]
        public var missing: [String]
        public var shapeMismatch: [(name: String, file: [Int], model: [Int])]
        public var unused: [String]
        public var summary: String {
            var parts = ["\(loaded.count) tensors loaded"]
            if !missing.isEmpty { parts.append("\(missing.count) not in the file (kept as initialised: \(missing.prefix(3).joined(separator: ", "))\(missing.count > 3 ? ", ..." : ""))") }
            if !shapeMismatch.isEmpty {
                parts.append("\(shapeMismatch.count) with another shape (kept as initialised: "
                             + shapeMismatch.prefix(3).map { "\($0.name) \($0.file) vs \($0.model)" }.joined(separator: ", ") + ")")
            }
            if !unused.isEmpty { parts.append("\(unused.count) file tensors unused (\(unused.prefix(3).joined(separator: ", "))\(unused.count > 3 ? ", ..." : ""))") }
            return parts.joined(separator: "; ")
        }
    }

    /// Copies every parameter and buffer of `file` whose name and shape match into the model block.
    /// With `strict`, anything missing or mismatched is an error naming the tensor.
    @discardableResult
    public static func load(_ file: SafeTensors, into state: StateBlocks, strict: Bool = false) throws -> LoadReport {
        let layout = state.layout
        var report = LoadReport(loaded: [], missing: [], shapeMismatch: [], unused: [])
        var used = Set<String>()
        for entry in layout.parameters + layout.buffers {
            guard let shape = try? file.shape(entry.name) else { report.missing.append(entry.name); continue }
            used.insert(entry.name)
            guard shape == entry.shape || (shape.reduce(1, *) == entry.count && shape.filter { $0 != 1 } == entry.shape.filter { $0 != 1 }) else {
                report.shapeMismatch.append((entry.name, shape, entry.shape)); continue
            }
            try state.write(.model, entry.name, try file.floats(entry.name))
            report.loaded.append(entry.name)
        }
        report.unused = file.names.filter { !used.contains($0) && !$0.hasSuffix("num_batches_tracked") }
        if strict, let problem = report.missing.first.map({ "\($0) is not in the file" })
            ?? report.shapeMismatch.first.map({ "\($0.name) has shape \($0.file) in the file, \($0.model) in the model" }) {
            throw RuntimeError.safetensors(path: file.path, problem: problem)
        }
        return report
    }

    /// Writes the model block (or the EMA block) as a safetensors state dict, atomically.
    public static func save(_ state: StateBlocks, block: StateBlocks.Block = .model, to url: URL,
                            metadata: [String: String] = [:]) throws {
        var writer = SafeTensorsWriter(metadata: metadata)
        for entry in state.layout.parameters + state.layout.buffers {
            try writer.add(entry.name, floats: try state.read(block, entry.name), shape: entry.shape)
        }
        try writer.write(to: url)
    }
}

/// Layout changes between PyTorch's NCHW images and the program's NHWC ones.
public enum ImageLayout {
    /// (N, C, H, W) -> (N, H, W, C).
    public static func nchwToNHWC(_ x: [Float], _ shape: [Int]) -> [Float] {
        let (n, c, h, w) = (shape[0], shape[1], shape[2], shape[3])
        var out = [Float](repeating: 0, count: x.count)
        for b in 0..<n { for ch in 0..<c { for y in 0..<h { for xx in 0..<w {
            out[((b * h + y) * w + xx) * c + ch] = x[((b * c + ch) * h + y) * w + xx]
        }}}}
        return out
    }
}
