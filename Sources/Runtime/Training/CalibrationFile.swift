import Foundation
import Evaluation
import Formats

/// A calibration fitted by `eval` after training: the temperature and the malignant threshold,
/// kept in a file beside the checkpoint (`<checkpoint folder>/<name>.calibration.json`), never
/// inside it — the checkpoint's own values (fitted at the end of training) stay as they were.
///
/// `eval`, `predict` and `export` use, in this order: `--calibration FILE`; the checkpoint's
/// calibration file when one exists; the checkpoint's own `trainer_state.json`. They say which.
public struct CalibrationFile: Codable, Sendable, Equatable {
    public static let currentFormat = 1
    public var format = CalibrationFile.currentFormat
    /// The checkpoint folder's name and run these values belong to.
    public var checkpoint: String
    public var runID: String?
    public var temperature: Double
    public var temperatureFit: TemperatureFit?
    public var threshold: Double
    /// What they were fitted on: the split, the data folder, the evaluation views.
    public var split: String
    public var dataDir: String
    public var views: [String]
    public var created: String

    enum CodingKeys: String, CodingKey {
        case format, checkpoint, temperature, threshold, split, views, created
        case runID = "run_id", temperatureFit = "temperature_fit", dataDir = "data_dir"
    }

    public init(checkpoint: TrainedCheckpoint, temperature: Double, temperatureFit: TemperatureFit?, threshold: Double,
                split: String, dataDir: String, views: [String], created: Date = Date()) {
        self.checkpoint = checkpoint.name; runID = checkpoint.state.runID
        self.temperature = temperature; self.temperatureFit = temperatureFit; self.threshold = threshold
        self.split = split; self.dataDir = dataDir; self.views = views
        let f = ISO8601DateFormatter()
        self.created = f.string(from: created)
    }

    /// `<checkpoint folder>/<name>.calibration.json`: beside the checkpoint, not in it.
    public static func defaultURL(for checkpoint: TrainedCheckpoint) -> URL {
        checkpoint.url.deletingLastPathComponent().appendingPathComponent(checkpoint.name + ".calibration.json")
    }

    public static func read(_ url: URL) throws -> CalibrationFile {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw RuntimeError.io(path: url.path, problem: "cannot read the calibration file: \(error.localizedDescription)")
        }
        guard let file = try? JSONDecoder().decode(CalibrationFile.self, from: data) else {
            throw RuntimeError.io(path: url.path, problem: "not a BreastAI calibration file (expected format, checkpoint, temperature, threshold, ...)")
        }
        guard file.format == currentFormat else {
            throw RuntimeError.io(path: url.path, problem: "calibration format \(file.format), this runtime reads format \(currentFormat)")
        }
        return file
    }

    /// Writes the file atomically; an existing file is replaced only with `force` (it holds an earlier refit).
    public func write(to url: URL, force: Bool) throws {
        try OutputPath.checkFile(url, force: force, option: "calibration file")
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(try e.encode(self), to: url.path)
    }

    /// Applies the file to `checkpoint` in memory (its files are not touched); throws when it
    /// belongs to another checkpoint or run.
    public func apply(to checkpoint: inout TrainedCheckpoint, source: URL) throws {
        guard self.checkpoint == checkpoint.name, runID == checkpoint.state.runID else {
            throw RuntimeError.io(path: source.path, problem: "was fitted for checkpoint \(self.checkpoint) of run \(runID ?? "?"), not \(checkpoint.name) of run \(checkpoint.state.runID ?? "?")")
        }
        checkpoint.state.temperature = temperature
        checkpoint.state.temperatureFit = temperatureFit
        checkpoint.state.threshold = threshold
    }
}
