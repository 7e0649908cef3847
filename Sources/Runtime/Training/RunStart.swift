import Foundation
import Formats
import Runtime

/// How a run starts, decided before any data is read or code compiled: its id, the checkpoint it
/// resumes (and that checkpoint's trainer state), or the weights a fresh run starts from.
///
/// Rules (issue 10, "a run has an identity"):
/// - a fresh run into a checkpoint folder that holds another run is refused, unless
///   `overwriteRun`, which moves that folder aside (renamed, never deleted); a folder whose run
///   never saved a checkpoint is taken over under that run's id;
/// - a resumed run keeps its id (from the checkpoint, else the folder's `run.json`; a folder from
///   before run ids gets a new one, said so);
/// - `model.pretrained: true` needs weights: `--init-weights`, or torchvision's file in the torch
///   cache; otherwise the run stops, unless `randomInit`.
struct RunStart {
    var runID: String
    var resumed: TrainerState?
    var checkpoint: URL?
    var initialWeights: URL?
    var notes: [String] = []

    static func prepare(_ options: TrainingRun.Options, config: TrainingConfig, checkpointDir: URL) throws -> RunStart {
        switch options.start {
        case .resume(let reference):
            let url = try CheckpointStore(directory: checkpointDir, access: .read).resolve(reference)
            let state = try trainerState(at: url)
            let folderID = try CheckpointStore.runIdentity(at: checkpointDir)?.runID
            var start = RunStart(runID: state.runID ?? folderID ?? CheckpointStore.newRunID(), resumed: state, checkpoint: url)
            if state.runID == nil && folderID == nil { start.notes.append("the checkpoint predates run ids; this run is now \(start.runID)") }
            return start
        case .fresh(let initWeights):
            var start = RunStart(runID: CheckpointStore.newRunID())
            if let occupant = RunFolder.occupant(of: checkpointDir) {
                if occupant.checkpoints == 0, let id = occupant.runID {
                    start.runID = id
                    start.notes.append("\(checkpointDir.path) was claimed by run \(id), which saved no checkpoint; this run starts there under that id")
                } else {
                    guard options.overwriteRun else {
                        throw RuntimeError.io(path: checkpointDir.path, problem: "already holds \(occupant.description); continue it with --resume, train into another --checkpoint-dir, or pass --overwrite-run to move it aside (nothing is deleted)")
                    }
                    let moved = try CheckpointStore.moveAside(checkpointDir)
                    start.notes.append("--overwrite-run: moved the previous run (\(occupant.description)) aside to \(moved.path)")
                }
            }
            let environment = ProcessInfo.processInfo.environment
            if let initWeights {
                start.initialWeights = initWeights
            } else if config.model.pretrained,
                      let found = PretrainedWeights.locate(architecture: config.model.architecture, environment: environment) {
                start.initialWeights = found
                start.notes.append("model.pretrained: torchvision's weights found in the torch cache, \(found.path)")
            } else if config.model.pretrained {
                guard options.randomInit else {
                    throw RuntimeError.config(source: config.source, problem: PretrainedWeights.missingMessage(architecture: config.model.architecture, environment: environment)
                                              + " (or set model.pretrained false)")
                }
                start.notes.append("warning: --random-init: model.pretrained is true but the run starts from RANDOM weights on purpose")
            } else {
                start.notes.append("starting from random weights (model.pretrained is false)")
            }
            return start
        }
    }
}

extension RunStart {
    /// The trainer state of checkpoint `url`.
    static func trainerState(at url: URL) throws -> TrainerState {
        let stateURL = url.appendingPathComponent(CheckpointStore.trainerStateFile)
        let data: Data
        do { data = try Data(contentsOf: stateURL) } catch {
            throw RuntimeError.io(path: stateURL.path, problem: "cannot read the trainer state: \(error.localizedDescription)")
        }
        return try TrainerState.decode(data, path: stateURL.path)
    }
}

/// A `--resume` argument: a name in the checkpoint folder (`latest`, `best`, `epoch-0012`) or a
/// path to a checkpoint, which then names its folder too — the run continues in the folder that
/// holds the checkpoint, whichever folder the command starts from.
public enum ResumeReference {
    /// The checkpoint folder to use (nil: the configured one) and the name within it; throws when
    /// a path contradicts an explicit `--checkpoint-dir`.
    public static func split(_ reference: String, checkpointDir: String?) throws -> (folder: String?, name: String) {
        guard reference.contains("/") else { return (nil, reference) }
        let url = URL(fileURLWithPath: reference).resolvingSymlinksInPath()
        let folder = url.deletingLastPathComponent().path
        if let given = checkpointDir, URL(fileURLWithPath: given).resolvingSymlinksInPath().path != folder {
            throw RuntimeError.io(path: reference, problem: "is a checkpoint of \(folder), not of --checkpoint-dir \(given); give one or the other")
        }
        return (folder, url.lastPathComponent)
    }
}

/// What a checkpoint folder holds of a run, read without touching it.
public enum RunFolder {
    public struct Occupant: Sendable {
        public var runID: String?
        public var checkpoints: Int
        public var description: String
    }

    /// The run in checkpoint folder `directory`, or nil when a fresh run may start there: its
    /// `run.json`, managed checkpoints (`epoch-NNNN...`, also from runs before run ids), or
    /// `latest`/`best` links.
    public static func occupant(of directory: URL) -> Occupant? {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return nil }
        let checkpoints = entries.filter { CheckpointStore.order(of: $0) != nil }
        let id = runID(of: directory)
        let plural = checkpoints.count == 1 ? "" : "s"
        if entries.contains(CheckpointStore.runFile) {
            return Occupant(runID: id, checkpoints: checkpoints.count, description: "run \(id ?? "(unreadable run.json)") with \(checkpoints.count) checkpoint\(plural)")
        }
        if !checkpoints.isEmpty {
            return Occupant(runID: id, checkpoints: checkpoints.count,
                            description: "\(checkpoints.count) checkpoint\(plural) of an earlier run (newest \(checkpoints.sorted().last!))")
        }
        if entries.contains("latest") || entries.contains("best") {
            return Occupant(runID: nil, checkpoints: 1, description: "`latest`/`best` links of an earlier run")
        }
        return nil
    }

    /// The run id of checkpoint folder `directory`: its `run.json`, else the `trainer_state.json`
    /// of its newest checkpoint; nil when neither names one.
    public static func runID(of directory: URL) -> String? {
        if let identity = try? CheckpointStore.runIdentity(at: directory) { return identity.runID }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        guard let newest = names.filter({ CheckpointStore.order(of: $0) != nil })
            .max(by: { CheckpointStore.order(of: $0)! < CheckpointStore.order(of: $1)! }) else { return nil }
        let url = directory.appendingPathComponent(newest).appendingPathComponent(CheckpointStore.trainerStateFile)
        return (try? Data(contentsOf: url)).flatMap { try? TrainerState.decode($0, path: url.path) }?.runID
    }
}
