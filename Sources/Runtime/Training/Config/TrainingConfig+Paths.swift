import Foundation
import Data
import Formats

extension TrainingConfig {
    /// The configuration with every path (`paths.*`, `checkpoints.backup_dir`) made absolute against
    /// `base` (the working directory by default), so a run's stored configuration names the same
    /// folders whichever folder a later `--resume`, `eval` or `predict` starts from.
    public func withAbsolutePaths(base: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) throws -> TrainingConfig {
        var overrides: [String: String] = [:]
        for (key, path) in [("paths.data_dir", paths.dataDir), ("paths.checkpoint_dir", paths.checkpointDir),
                            ("paths.export_dir", paths.exportDir), ("paths.logs_dir", paths.logsDir),
                            ("checkpoints.backup_dir", checkpoints.backupDir ?? "")] where !path.isEmpty && !path.hasPrefix("/") {
            overrides[key] = base.appendingPathComponent(path).standardizedFileURL.path
        }
        guard !overrides.isEmpty else { return self }
        return try TrainingConfig(jsonText: canonicalJSON, source: source, overrides: overrides)
    }
}

extension Dataset {
    /// Scans the folders named by the config (`paths.data_dir`, `data.class_names`).
    public static func scan(config: TrainingConfig) throws(RuntimeError) -> Dataset {
        try scan(dataDir: URL(fileURLWithPath: config.paths.dataDir), classNames: config.data.classNames)
    }
}

extension String {
    /// nil for the empty string.
    var nonEmpty: String? { isEmpty ? nil : self }
}
