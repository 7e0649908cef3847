import Foundation
import Graph
import Formats
import Runtime

extension CheckpointStore {
    /// The run id of a writer; throws for a store opened `.read`.
    private func writerRunID(_ what: String) throws -> String {
        guard case .write(let runID) = access else {
            throw RuntimeError.io(path: directory.path, problem: "opened read-only; cannot \(what)")
        }
        return runID
    }

    private var folders: [CheckpointFolder] { [primary] + (backup.map { [$0] } ?? []) }

    private func validate(_ name: String) throws {
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix("."), name != "latest", name != "best", name != Self.runFile else {
            throw RuntimeError.io(path: directory.appendingPathComponent(name).path,
                                  problem: "invalid checkpoint name '\(name)' (no '/', not hidden, not 'latest', 'best' or '\(Self.runFile)')")
        }
    }

    /// Writes checkpoint `name` atomically (and its backup copy), then (by default) points
    /// `latest` at it; `best`, when given and complete, becomes the `best` link and is recorded in
    /// the manifest (recovery re-points `best` by it). Returns the checkpoint's URL.
    ///
    /// `batchesTracked` maps BatchNorm prefixes (a prefix P with buffers P.running_mean and
    /// P.running_var) to their `num_batches_tracked`; a missing prefix is written as 0.
    @discardableResult
    public func save(name: String, state: StateBlocks, batchesTracked: [String: Int64], trainerState: Data,
                     updateLatest: Bool = true, best: String? = nil) throws -> URL {
        let runID = try writerRunID("save a checkpoint")
        try validate(name)
        let files = try Self.serialize(state, batchesTracked: batchesTracked) + [(Self.trainerStateFile, trainerState)]
        let manifest = CheckpointManifest(runID: runID, name: name, best: best, files: files)
        for folder in folders {
            try folder.place(name, files: files + [(CheckpointManifest.fileName, manifest.encoded())])
        }
        for folder in folders {
            if updateLatest { try folder.link("latest", to: name) }
            if let best, folder.status(best) != nil { try folder.link("best", to: best) }
        }
        return directory.appendingPathComponent(name)
    }

    /// Points the symlink `best` at checkpoint `name` atomically (in the backup too).
    ///
    /// Recovery re-points `best` by the newest manifest's `best`: pass `best:` to `save` for a
    /// choice that survives a crash.
    public func markBest(_ name: String) throws {
        _ = try writerRunID("mark the best checkpoint")
        try validate(name)
        _ = try CheckpointFolder.inspect(primary.path(name), fs: primary.fs).get()
        for folder in folders { try folder.link("best", to: name) }
    }

    /// Deletes managed checkpoints except the newest `keepLatest`, the targets of `best` and
    /// `latest`, the best the newest manifest records, and `protected` (e.g. periodic keepers);
    /// returns the deleted names. The backup loses the same ones.
    @discardableResult
    public func prune(protected: Set<String> = []) throws -> [String] {
        _ = try writerRunID("prune checkpoints")
        let all = try primary.managed()
        var keep = protected.union(all.suffix(keepLatest).map(\.name))
        for link in ["latest", "best"] { if let target = primary.target(link) { keep.insert(target) } }
        if let newest = all.last, case .complete(let m) = newest.status, let best = m.best { keep.insert(best) }
        let doomed = all.map(\.name).filter { !keep.contains($0) }
        for name in doomed {
            for folder in folders { try folder.discard(name) }
        }
        return doomed
    }

    /// Replaces `trainer_state.json` of checkpoint `name` (a calibration stored after training),
    /// atomically: a new folder with the tensors hard-linked (copied where links fail), the new
    /// state and a new manifest, renamed into place as `save` does; the backup follows.
    public func replaceTrainerState(of name: String, with trainerState: Data) throws {
        let runID = try writerRunID("rewrite a trainer state")
        try validate(name)
        try Self.replaceTrainerState(in: primary, name: name, with: trainerState, runID: runID)
        if let backup {
            try Self.replaceTrainerState(in: backup, name: name, with: trainerState, runID: runID)
        }
    }

    /// `replaceTrainerState` of the checkpoint folder `url` for a caller that is not the run's
    /// writer (`eval` storing a fitted temperature): takes the folder's lock for the time of the
    /// replacement (failing at once while a training holds it); recovers nothing.
    public static func replaceTrainerState(at url: URL, with trainerState: Data) throws {
        let url = url.standardizedFileURL
        let parent = url.deletingLastPathComponent()
        let (lock, _) = try RunLock.acquire(parent)
        defer { lock.release() }
        let folder = CheckpointFolder(directory: parent, fs: POSIXFileSystem())
        let runID = (try? runIdentity(at: parent))??.runID ?? ""
        try replaceTrainerState(in: folder, name: url.lastPathComponent, with: trainerState, runID: runID)
    }

    private static func replaceTrainerState(in folder: CheckpointFolder, name: String, with trainerState: Data, runID: String) throws {
        let status = try CheckpointFolder.inspect(folder.path(name), fs: folder.fs).get()
        var entries: [(String, Data)] = [(trainerStateFile, trainerState)]
        var manifest: CheckpointManifest
        switch status {
        case .complete(let m):
            manifest = m
            manifest.files[trainerStateFile] = CheckpointManifest(runID: "", name: "", best: nil, files: entries).files[trainerStateFile]
        case .legacy:
            for file in [modelFile, emaFile, optimizerFile] { entries.append((file, try folder.fs.read(folder.path(name) + "/" + file))) }
            manifest = CheckpointManifest(runID: runID, name: name, best: nil, files: entries)
        }
        try folder.place(name) { temporary in
            for file in [modelFile, emaFile, optimizerFile] {
                let source = folder.path(name) + "/" + file
                do { try folder.fs.hardLink(source, to: temporary + "/" + file) } catch {
                    try folder.fs.writeFile(try folder.fs.read(source), to: temporary + "/" + file)
                }
            }
            try folder.fs.writeFile(trainerState, to: temporary + "/" + trainerStateFile)
            try folder.fs.writeFile(manifest.encoded(), to: temporary + "/" + CheckpointManifest.fileName)
        }
    }

    /// The three safetensors files of `state`: model and EMA blocks with `num_batches_tracked`, Adam moments.
    static func serialize(_ state: StateBlocks, batchesTracked: [String: Int64]) throws -> [(String, Data)] {
        let prefixes = batchNormPrefixes(state.layout)
        if let unknown = batchesTracked.keys.sorted().first(where: { !prefixes.contains($0) }) {
            throw RuntimeError.tensor(name: unknown + ".num_batches_tracked", problem: "not a BatchNorm of the layout (no running_mean and running_var buffers)")
        }
        var out: [(String, Data)] = []
        for block in [StateBlocks.Block.model, .ema] {
            var writer = SafeTensorsWriter(metadata: ["format": "pt"])
            for entry in state.layout.parameters + state.layout.buffers {
                try writer.add(entry.name, floats: try state.read(block, entry.name), shape: entry.shape)
            }
            for prefix in prefixes.sorted() {
                try writer.add(prefix + ".num_batches_tracked", int64s: [batchesTracked[prefix] ?? 0], shape: [])
            }
            out.append((block == .model ? modelFile : emaFile, writer.serialized()))
        }
        var optimizer = SafeTensorsWriter(metadata: ["format": "pt"])
        for entry in state.layout.parameters {
            try optimizer.add("exp_avg." + entry.name, floats: try state.read(.adamM, entry.name), shape: entry.shape)
            try optimizer.add("exp_avg_sq." + entry.name, floats: try state.read(.adamV, entry.name), shape: entry.shape)
        }
        out.append((optimizerFile, optimizer.serialized()))
        return out
    }
}
