import Foundation
import Graph
import Formats
import Runtime

extension CheckpointStore {
    /// Loads checkpoint `url` into the model, EMA and Adam blocks of `state`, strictly: every file
    /// matching the manifest's size and SHA-256 (a checkpoint without a manifest, from before
    /// manifests, is only parsed), every tensor present with its shape and dtype and nothing else;
    /// nothing is changed unless all files check. Returns the trainer state bytes and
    /// `num_batches_tracked` by BatchNorm.
    public static func load(_ url: URL, into state: StateBlocks) throws -> (trainerState: Data, batchesTracked: [String: Int64]) {
        let fs = POSIXFileSystem()
        let status = try CheckpointFolder.inspect(url.path, fs: fs).get()
        var contents: [String: Data] = [:]
        for file in files {
            let data = try fs.read(url.appendingPathComponent(file).path)
            if case .complete(let manifest) = status { try manifest.verify(file, data, in: url) }
            contents[file] = data
        }
        let layout = state.layout
        let prefixes = batchNormPrefixes(layout)
        var blockTensors: [String: (SafeTensorsDType, [Int])] = [:]
        for entry in layout.parameters + layout.buffers { blockTensors[entry.name] = (.F32, entry.shape) }
        for prefix in prefixes { blockTensors[prefix + ".num_batches_tracked"] = (.I64, []) }
        var optimizerTensors: [String: (SafeTensorsDType, [Int])] = [:]
        for entry in layout.parameters {
            optimizerTensors["exp_avg." + entry.name] = (.F32, entry.shape)
            optimizerTensors["exp_avg_sq." + entry.name] = (.F32, entry.shape)
        }
        func parse(_ file: String) throws -> SafeTensors {
            try SafeTensors(data: contents[file]!, path: url.appendingPathComponent(file).path)
        }
        let model = try parse(modelFile), ema = try parse(emaFile), optimizer = try parse(optimizerFile)
        for (file, expected) in [(model, blockTensors), (ema, blockTensors), (optimizer, optimizerTensors)] {
            try check(file, expected)
        }
        for entry in layout.parameters + layout.buffers {
            try state.write(.model, entry.name, try model.floats(entry.name))
            try state.write(.ema, entry.name, try ema.floats(entry.name))
        }
        for entry in layout.parameters {
            try state.write(.adamM, entry.name, try optimizer.floats("exp_avg." + entry.name))
            try state.write(.adamV, entry.name, try optimizer.floats("exp_avg_sq." + entry.name))
        }
        var tracked: [String: Int64] = [:]
        for prefix in prefixes { tracked[prefix] = try model.int64s(prefix + ".num_batches_tracked")[0] }
        return (contents[trainerStateFile]!, tracked)
    }

    /// BatchNorm prefixes of `layout`: every P with buffers P.running_mean and P.running_var.
    public static func batchNormPrefixes(_ layout: Manifest.StateLayout) -> Set<String> {
        let buffers = Set(layout.buffers.map(\.name))
        return Set(buffers.compactMap { name in
            guard name.hasSuffix(".running_mean") else { return nil }
            let prefix = String(name.dropLast(".running_mean".count))
            return buffers.contains(prefix + ".running_var") ? prefix : nil
        })
    }

    /// Throws unless `file` holds exactly the `expected` tensors with their dtypes and shapes.
    private static func check(_ file: SafeTensors, _ expected: [String: (SafeTensorsDType, [Int])]) throws {
        func fail(_ problem: String) -> RuntimeError { .safetensors(path: file.path, problem: problem) }
        for name in expected.keys.sorted() {
            let (dtype, shape) = expected[name]!
            guard let entry = file.entries[name] else { throw fail("tensor '\(name)' is missing (the file has \(file.entries.count) tensors)") }
            guard entry.dtype == dtype, entry.shape == shape else {
                throw fail("tensor '\(name)' is \(entry.dtype.rawValue) \(entry.shape), expected \(dtype.rawValue) \(shape)")
            }
        }
        if let extra = file.names.first(where: { expected[$0] == nil }) {
            throw fail("unexpected tensor '\(extra)' (not in the model's layout)")
        }
    }
}
