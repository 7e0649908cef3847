import Foundation
import Formats
import Runtime

/// A checkpoint opened for evaluation, prediction or export: where it is, its trainer state
/// (threshold, temperature, best metric) and the configuration it was trained with.
public struct TrainedCheckpoint: Sendable {
    public let url: URL
    public var state: TrainerState
    /// The stored configuration, with `overrides` applied (paths, typically).
    public let config: TrainingConfig

    /// The checkpoint `reference` names (`best`, `latest` = the newest complete checkpoint, a name
    /// under `checkpointDirectory`, or a path); throws naming the path when it is missing,
    /// incomplete or unreadable. Read-only: no lock, no recovery, so it is safe next to a training.
    public static func open(_ reference: String, checkpointDirectory: String,
                            overrides: [String: String] = [:]) throws -> TrainedCheckpoint {
        let store = try CheckpointStore(directory: URL(fileURLWithPath: checkpointDirectory), access: .read)
        let url = try store.resolve(reference)
        let stateURL = url.appendingPathComponent(CheckpointStore.trainerStateFile)
        let data: Data
        do { data = try Data(contentsOf: stateURL) } catch {
            throw RuntimeError.io(path: stateURL.path, problem: "cannot read: \(error.localizedDescription)")
        }
        let state = try TrainerState.decode(data, path: stateURL.path)
        let config = try TrainingConfig(jsonText: state.config, source: stateURL.path, overrides: overrides)
        return TrainedCheckpoint(url: url, state: state, config: config)
    }

    /// The checkpoint's name (its folder).
    public var name: String { url.lastPathComponent }

    /// Loads the weights, EMA and optimizer state into `blocks` (which must have the layout of
    /// the configuration's model).
    public func load(into blocks: StateBlocks) throws {
        _ = try CheckpointStore.load(url, into: blocks)
    }
}
