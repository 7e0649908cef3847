import Foundation
import Data
import Graph
import Training

/// The body of `POST /api/start`: the form's values (or a configuration file plus overrides).
///
/// Every path is resolved inside the workspace. Values left out keep the configuration file's
/// (or the built-in ULTRA-S defaults); `epochs` rescales the phase ends, warmup and restarts as
/// `train --epochs` does.
struct StartRequest: Decodable, Sendable {
    var model: String?
    var dataDir: String?
    var config: String?
    var epochs: Int?
    var batchSize: Int?
    var accumulation: Int?
    var lr: Double?
    var weightDecay: Double?
    var cbam: Bool?
    var imageSize: Int?
    var weights: String?
    var randomInit: Bool?
    /// The run's folder name under `runs/` (default: `run-<UTC time>`).
    var name: String?

    enum CodingKeys: String, CodingKey {
        case model, config, epochs, accumulation, lr, cbam, weights, name
        case dataDir = "data_dir", batchSize = "batch_size", weightDecay = "weight_decay", imageSize = "image_size"
        case randomInit = "random_init"
    }

    /// What a checked request starts: the configuration the child gets, the data's class counts,
    /// and the weights option.
    struct Plan {
        var config: TrainingConfig
        var counts: [String: [String: Int]]
        var warnings: [String]
        var extraArguments: [String]
    }

    /// Builds and checks the configuration for a run in `run` (paths.* point into it), then scans
    /// the data folder: a configuration error or a data folder that cannot train is a 400.
    func plan(workspace: Workspace, run: URL) throws(APIError) -> Plan {
        var user: [String: String] = [:]
        if let model {
            guard let variant = ModelVariant.allCases.first(where: { $0.rawValue.lowercased() == model.lowercased() }) else {
                throw .badRequest("model '\(model)': expected one of \(ModelVariant.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            user["model.architecture"] = variant.architectureName
        }
        var dataURL: URL?
        if let dataDir, !dataDir.trimmingCharacters(in: .whitespaces).isEmpty {
            dataURL = try workspace.resolve(dataDir, what: "data_dir")
            user["paths.data_dir"] = dataURL!.path
        }
        func positive(_ value: Int?, _ name: String, _ key: String, minimum: Int = 1) throws(APIError) {
            guard let value else { return }
            guard value >= minimum else { throw .badRequest("\(name) \(value): must be at least \(minimum)") }
            user[key] = "\(value)"
        }
        try positive(batchSize, "batch_size", "data.batch_size")
        try positive(accumulation, "accumulation", "data.gradient_accumulation_steps")
        try positive(imageSize, "image_size", "data.image_size", minimum: 32)
        if let epochs, epochs < 1 { throw .badRequest("epochs \(epochs): must be at least 1") }
        if let lr { guard lr > 0, lr.isFinite else { throw .badRequest("lr \(lr): must be positive") }; user["training.learning_rate"] = "\(lr)" }
        if let weightDecay {
            guard weightDecay >= 0, weightDecay.isFinite else { throw .badRequest("weight_decay \(weightDecay): must be >= 0") }
            user["training.weight_decay"] = "\(weightDecay)"
        }
        if let cbam { user["model.use_cbam"] = cbam ? "true" : "false" }
        user["paths.checkpoint_dir"] = run.appendingPathComponent("checkpoints").path
        user["paths.logs_dir"] = run.appendingPathComponent("logs").path
        user["paths.export_dir"] = run.appendingPathComponent("exports").path

        var extra: [String] = []
        if let weights, !weights.trimmingCharacters(in: .whitespaces).isEmpty {
            if randomInit == true { throw .badRequest("weights and random_init exclude each other") }
            extra = ["--init-weights", try workspace.resolve(weights, what: "weights").path]
        } else if randomInit == true {
            extra = ["--random-init"]
        }
        let file = try config.flatMap { c throws(APIError) in c.trimmingCharacters(in: .whitespaces).isEmpty ? nil : try workspace.resolve(c, what: "config") }
        let built: TrainingConfig
        do {
            func load(_ o: [String: String]) throws -> TrainingConfig {
                if let file { return try TrainingConfig.load(url: file, overrides: o) }
                return try TrainingConfig.defaults(overrides: o)
            }
            if let epochs {
                let scaled = try load([:]).epochScalingOverrides(to: epochs, keep: Set(user.keys))
                built = try load(scaled.merging(user) { _, new in new }.merging(["training.epochs": "\(epochs)"]) { _, new in new })
            } else {
                built = try load(user)
            }
        } catch {
            throw .badRequest("configuration: \(error)")
        }
        let config: TrainingConfig
        do { config = try built.withAbsolutePaths(base: workspace.root) } catch { throw .badRequest("configuration: \(error)") }
        if config.model.cbamReduction != 16 {
            throw .badRequest("model.cbam_reduction \(config.model.cbamReduction): only 16 (the original's value) is compiled")
        }
        if let backup = config.checkpoints.backupDir, !backup.isEmpty {
            try workspace.checkInside(backup, what: "checkpoints.backup_dir")
        }
        // The data folder named by the configuration (a file's own data_dir too) must be inside the workspace.
        let data = try workspace.resolve(config.paths.dataDir, what: "data_dir (paths.data_dir)")
        let dataset: Dataset
        do { dataset = try Dataset.scan(dataDir: data, classNames: config.data.classNames) } catch { throw .badRequest("data: \(error)") }
        var counts: [String: [String: Int]] = [:]
        for split in Dataset.Split.allCases where dataset.splits[split] != nil {
            counts[split.rawValue] = Dictionary(uniqueKeysWithValues: zip(config.data.classNames, dataset.counts(split)))
        }
        if dataset.train.count < config.data.batchSize {
            throw .badRequest("data: \(data.path)/train holds \(dataset.train.count) images, fewer than one batch (\(config.data.batchSize))")
        }
        return Plan(config: config, counts: counts, warnings: dataset.warnings, extraArguments: extra)
    }
}
