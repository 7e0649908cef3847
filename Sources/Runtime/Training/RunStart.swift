import Foundation

/// How a run starts, decided before any data is read or code compiled: its id, the checkpoint it
/// resumes (and that checkpoint's trainer state), or the weights a fresh run starts from.
///
/// Rules (issue 10, "a run has an identity"):
/// - a fresh run into a checkpoint folder that holds another run is refused, unless
///   `overwriteRun`, which moves that folder aside (renamed, never deleted);
/// - a resumed run keeps its id (from the checkpoint; a checkpoint written before run ids gets a
///   new one, said so);
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
            let store = try CheckpointStore(directory: checkpointDir, keepLatest: config.checkpoints.keepLatest)
            let url = try store.resolve(reference)
            let stateURL = url.appendingPathComponent(CheckpointStore.trainerStateFile)
            let data: Data
            do { data = try Data(contentsOf: stateURL) } catch {
                throw RuntimeError.io(path: stateURL.path, problem: "cannot read the trainer state: \(error.localizedDescription)")
            }
            let state = try TrainerState.decode(data, path: stateURL.path)
            var start = RunStart(runID: state.runID ?? RunIdentity.make(), resumed: state, checkpoint: url)
            if state.runID == nil { start.notes.append("the checkpoint predates run ids; this run is now \(start.runID)") }
            return start
        case .fresh(let initWeights):
            var start = RunStart(runID: RunIdentity.make())
            if let occupant = RunIdentity.occupant(of: checkpointDir) {
                guard options.overwriteRun else {
                    throw RuntimeError.io(path: checkpointDir.path, problem: "already holds \(occupant); continue it with --resume, train into another --checkpoint-dir, or pass --overwrite-run to move it aside (nothing is deleted)")
                }
                let moved = try RunFolder.moveAside(checkpointDir)
                start.notes.append("--overwrite-run: moved the previous run (\(occupant)) aside to \(moved.path)")
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

/// Moving a whole checkpoint folder aside.
enum RunFolder {
    /// Renames `directory` to a new sibling `<name>.moved-<UTC yyyyMMdd-HHmmss>`; returns it.
    static func moveAside(_ directory: URL) throws -> URL {
        let f = DateFormatter()
        f.dateFormat = "yyyyMMdd-HHmmss"
        f.timeZone = TimeZone(identifier: "UTC")
        f.locale = Locale(identifier: "en_US_POSIX")
        let base = directory.standardizedFileURL
        var target = base.deletingLastPathComponent().appendingPathComponent(base.lastPathComponent + ".moved-" + f.string(from: Date()))
        var n = 1
        while FileManager.default.fileExists(atPath: target.path) {
            n += 1
            target = base.deletingLastPathComponent().appendingPathComponent(base.lastPathComponent + ".moved-" + f.string(from: Date()) + "-\(n)")
        }
        guard rename(base.path, target.path) == 0 else {
            throw RuntimeError.io(path: base.path, problem: "cannot move it aside to \(target.lastPathComponent): \(String(cString: strerror(errno)))")
        }
        return target
    }
}
