import Foundation
import Graph
import Formats

/// Loading and saving the model block as a state dict with torchvision names.
///
/// Weights keep torchvision's layout (OIHW convolutions, [out, in] linear layers) in the model
/// block too, so loading is a copy per tensor; `num_batches_tracked` entries are accepted and
/// ignored (BreastAI uses a fixed momentum). A source is a safetensors file or a torch `.pth`
/// checkpoint (`Weights.open` tells them apart by content).
///
/// Loading is strict about the backbone: every tensor that is not part of the head must load, or
/// the load fails listing the first few that did not. The head (`classifier.*`, and the BreastAI
/// head's `cbam.*`) loads only as a whole: when any of its tensors is missing or has another
/// shape (torchvision's 1000-class `classifier.1` against BreastAI's head or 3 classes), the whole
/// head keeps its initialisation and the report says so.
public enum Weights {
    /// What a load did: tensors copied, the model's tensors the file did not provide or provided
    /// with another shape, file tensors nobody used, and what was recognised on the way.
    public struct LoadReport: Sendable {
        public var loaded: [String]
        public var missing: [String]
        public var shapeMismatch: [(name: String, file: [Int], model: [Int])]
        public var unused: [String]
        /// The prefix (`module.`, `model.`, ...) stripped from the file's keys, if any.
        public var strippedPrefix: String?
        /// The head tensors left as initialised because the file's head does not fit (empty when
        /// the head loaded).
        public var headKept: [String] = []
        /// What the file's reader noted (the checkpoint entry used, the format, ...).
        public var notes: [String] = []

        public init(loaded: [String], missing: [String], shapeMismatch: [(name: String, file: [Int], model: [Int])],
                    unused: [String], strippedPrefix: String? = nil, headKept: [String] = [], notes: [String] = []) {
            self.loaded = loaded; self.missing = missing; self.shapeMismatch = shapeMismatch; self.unused = unused
            self.strippedPrefix = strippedPrefix; self.headKept = headKept; self.notes = notes
        }

        /// Whether the head was re-initialised rather than loaded.
        public var headReinitialised: Bool { !headKept.isEmpty }

        public var summary: String {
            var parts = notes
            if let strippedPrefix { parts.append("prefix '\(strippedPrefix)' stripped from the file's keys") }
            parts.append("\(loaded.count) tensors loaded")
            if !missing.isEmpty { parts.append("\(missing.count) not in the file (\(list(missing)))") }
            if !shapeMismatch.isEmpty {
                parts.append("\(shapeMismatch.count) with another shape (" + shapeMismatch.prefix(3).map { "\($0.name) \($0.file) in the file vs \($0.model)" }.joined(separator: ", ") + (shapeMismatch.count > 3 ? ", ..." : "") + ")")
            }
            if !headKept.isEmpty {
                parts.append("the file's head does not fit this model (other class count or head), so the head (\(headKept.count) tensors: \(list(headKept))) keeps its fresh initialisation")
            }
            if !unused.isEmpty { parts.append("\(unused.count) file tensors unused (\(list(unused)))") }
            return parts.joined(separator: "; ")
        }

        private func list(_ names: [String]) -> String {
            names.prefix(3).joined(separator: ", ") + (names.count > 3 ? ", ..." : "")
        }
    }

    /// The prefixes a saved model's keys may carry (DataParallel, a wrapping module, torch.compile).
    public static let recognisedPrefixes = ["module.", "model.", "module.model.", "model.module.", "_orig_mod.", "module._orig_mod."]

    /// Whether `name` belongs to the head: torchvision's classifier or the BreastAI CBAM and head.
    public static func isHead(_ name: String) -> Bool { name.hasPrefix("classifier.") || name.hasPrefix("cbam.") }

    /// Opens a state dict file, choosing the reader by content: a zip archive or a pickle is a
    /// torch checkpoint, anything else must be safetensors.
    public static func open(_ url: URL) throws -> any StateDictSource {
        let data = try readWeightsFile(url)
        if ZipArchive.looksLikeZip(data) { return try TorchCheckpoint(data: data, path: url.path) }
        // safetensors: a little-endian header length that fits the file, then a JSON object. (Its
        // first byte may be 0x80, so this comes before the pickle test.)
        if data.count >= 9, data[data.startIndex + 8] == UInt8(ascii: "{"),
           data.withUnsafeBytes({ UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }) <= UInt64(data.count - 8) {
            return try SafeTensors(data: data, path: url.path)
        }
        if data.first == 0x80 { return try TorchCheckpoint(data: data, path: url.path) }  // torch's legacy format
        let start = data.prefix(8).map { String(format: "%02x", $0) }.joined(separator: " ")
        throw RuntimeError.weights(path: url.path, problem: "neither a safetensors file nor a torch .pth checkpoint (starts with bytes \(start.isEmpty ? "none: empty file" : start))")
    }

    /// Copies the tensors of `source` into the model block of `state` (see the type's rules).
    ///
    /// The backbone must load completely, or this throws naming the first tensors that did not
    /// (with the file's keys when nothing matched). With `strict`, the head must load too.
    /// A `module.`/`model.`-style prefix is stripped when that makes more keys match.
    @discardableResult
    public static func load(_ source: some StateDictSource, into state: StateBlocks, strict: Bool = false) throws -> LoadReport {
        let entries = state.layout.parameters + state.layout.buffers
        let fileNames = source.names
        let available = Set(fileNames)
        let prefix = bestPrefix(model: entries.map(\.name), file: available)
        var report = LoadReport(loaded: [], missing: [], shapeMismatch: [], unused: [],
                                strippedPrefix: prefix.isEmpty ? nil : prefix, notes: source.readingNotes)
        var found: [(entry: Manifest.TensorEntry, fileName: String)] = []
        var used = Set<String>()
        for entry in entries {
            let fileName = prefix + entry.name
            guard available.contains(fileName) else { report.missing.append(entry.name); continue }
            used.insert(fileName)
            let shape = try source.shape(fileName)
            guard compatible(shape, entry.shape) else { report.shapeMismatch.append((entry.name, shape, entry.shape)); continue }
            found.append((entry, fileName))
        }
        report.unused = fileNames.filter { !used.contains($0) && !$0.hasSuffix("num_batches_tracked") }

        let backboneMissing = report.missing.filter { !isHead($0) }
        let backboneMismatch = report.shapeMismatch.filter { !isHead($0.name) }
        if !backboneMissing.isEmpty || !backboneMismatch.isEmpty {
            let backboneCount = entries.filter { !isHead($0.name) }.count
            throw RuntimeError.weights(path: source.path, problem: problem(
                "\(backboneMissing.count + backboneMismatch.count) of the model's \(backboneCount) backbone tensors",
                missing: backboneMissing, mismatch: backboneMismatch, fileNames: fileNames, nothingMatched: found.isEmpty))
        }
        let headMissing = report.missing.filter(isHead), headMismatch = report.shapeMismatch.filter { isHead($0.name) }
        let headFits = headMissing.isEmpty && headMismatch.isEmpty
        if strict && !headFits {
            throw RuntimeError.weights(path: source.path, problem: problem(
                "\(headMissing.count + headMismatch.count) head tensors", missing: headMissing, mismatch: headMismatch,
                fileNames: fileNames, nothingMatched: false))
        }
        for (entry, fileName) in found where headFits || !isHead(entry.name) {
            try state.write(.model, entry.name, try source.floats(fileName))
            report.loaded.append(entry.name)
        }
        if !headFits { report.headKept = entries.map(\.name).filter(isHead) }
        return report
    }

    /// Same shape, or the same elements up to dimensions of size 1.
    static func compatible(_ file: [Int], _ model: [Int]) -> Bool {
        file == model || (file.reduce(1, *) == model.reduce(1, *) && file.filter { $0 != 1 } == model.filter { $0 != 1 })
    }

    /// The recognised prefix under which most model names are in the file ("" unless it matches more).
    static func bestPrefix(model: [String], file: Set<String>) -> String {
        var best = "", bestCount = model.filter { file.contains($0) }.count
        for prefix in recognisedPrefixes {
            let count = model.filter { file.contains(prefix + $0) }.count
            if count > bestCount { (best, bestCount) = (prefix, count) }
        }
        return best
    }

    /// "N of the model's M backbone tensors did not load: a (not in the file), b [x] in the file vs [y], ...".
    private static func problem(_ what: String, missing: [String], mismatch: [(name: String, file: [Int], model: [Int])],
                                fileNames: [String], nothingMatched: Bool) -> String {
        let items = mismatch.prefix(3).map { "\($0.name) \($0.file) in the file vs \($0.model)" }
            + missing.prefix(max(0, 4 - min(3, mismatch.count))).map { "\($0) (not in the file)" }
        var text = "\(what) did not load: " + items.joined(separator: ", ") + (missing.count + mismatch.count > items.count ? ", ..." : "")
        if nothingMatched {
            text += "; no key of the file matches the model's torchvision names, even without a "
                + "module./model. prefix (the file's keys look like: \(fileNames.prefix(3).joined(separator: ", ")))"
        }
        return text
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
