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
                            ("checkpoints.backup_dir", checkpoints.backupDir ?? ""), ("data.manifest", data.manifest ?? "")] where !path.isEmpty && !path.hasPrefix("/") {
            overrides[key] = base.appendingPathComponent(path).standardizedFileURL.path
        }
        guard !overrides.isEmpty else { return self }
        return try TrainingConfig(jsonText: canonicalJSON, source: source, overrides: overrides)
    }
}

extension Dataset {
    /// Scans the data the config names (`paths.data_dir`, `data.class_names`, `data.recursive`,
    /// `data.manifest`, `data.group_by`); `dicomTag` reads DICOM tags for `dicom:` grouping.
    public static func scan(config: TrainingConfig, dicomTag: DicomTagReader? = TrainingConfig.dicomTagReader) throws(RuntimeError) -> Dataset {
        try scan(dataDir: URL(fileURLWithPath: config.paths.dataDir), classNames: config.data.classNames,
                 options: Options(recursive: Recursion(rawValue: config.data.recursive) ?? .auto,
                                  manifest: config.data.manifest.map { URL(fileURLWithPath: $0) },
                                  groupBy: config.data.groupBy, dicomTag: dicomTag))
    }
}

extension String {
    /// nil for the empty string.
    var nonEmpty: String? { isEmpty ? nil : self }
}

extension TrainingConfig {
    /// The DICOM tag reader `dicom:` grouping uses (the file's header through DCMTK).
    public static let dicomTagReader: DicomTagReader? = GroupRule.dicomHeaderTag

    /// `data.group_by` parsed; a bad pattern or tag is a config error naming the key.
    static func groupRule(_ text: String, reader r: ConfigReader) throws(RuntimeError) -> GroupRule {
        do {
            return try GroupRule(parsing: text)
        } catch {
            guard case .io(_, let problem) = error else { throw error }
            throw r.fail("data.group_by", "\"\(text)\" \(problem)")
        }
    }
}
