import Foundation
import Graph
import XCTest
@testable import Formats
@testable import Training

/// Tests for the training configuration: the shipped ULTRA files, strict decoding, merging over the
/// defaults, overrides, the canonical JSON and its hash, and SHA-256.
final class ConfigTests: XCTestCase {
    // MARK: Helpers

    /// The repository root, found from this file's path.
    private var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    private var temporaryDirectory: URL!

    override func setUpWithError() throws {
        temporaryDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ConfigTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: temporaryDirectory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: temporaryDirectory)
    }

    /// Writes `text` to `name` in the temporary directory and loads it.
    private func load(_ text: String, name: String = "my_config.json", overrides: [String: String] = [:]) throws -> TrainingConfig {
        let url = temporaryDirectory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return try TrainingConfig.load(url: url, overrides: overrides)
    }

    /// Asserts that loading `text` (with `overrides`) fails with a `.config` error whose one-line
    /// description contains every fragment.
    private func assertRejects(
        _ text: String, overrides: [String: String] = [:], _ fragments: String...,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        do {
            _ = try load(text, name: "bad_config.json", overrides: overrides)
            XCTFail("expected an error containing \(fragments)", file: file, line: line)
        } catch let error as RuntimeError {
            guard case .config = error else { return XCTFail("expected a .config error, got \(error)", file: file, line: line) }
            let message = error.description
            XCTAssertFalse(message.contains("\n"), "not one line: \(message)", file: file, line: line)
            for fragment in fragments {
                XCTAssertTrue(message.contains(fragment), "'\(message)' does not contain '\(fragment)'", file: file, line: line)
            }
        } catch {
            XCTFail("unexpected error type: \(error)", file: file, line: line)
        }
    }

    // MARK: SHA-256

    func testSHA256Vectors() {
        // FIPS 180-2, appendix B.1 and B.2; the empty message; and one million 'a' (B.3).
        XCTAssertEqual(SHA256.hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // Messages around the padding boundary (55, 56, 64 bytes), against values from coreutils sha256sum.
        XCTAssertEqual(SHA256.hex(String(repeating: "a", count: 55)),
                       "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        XCTAssertEqual(SHA256.hex(String(repeating: "a", count: 56)),
                       "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        XCTAssertEqual(SHA256.hex(String(repeating: "a", count: 64)),
                       "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

    // MARK: The shipped files

    func testUltraSLoadsWithTheOriginalValues() throws {
        let c = try TrainingConfig.load(url: repositoryRoot.appendingPathComponent("config_ultra_S.json"))
        XCTAssertEqual(c.paths.dataDir, "./data")
        XCTAssertEqual(c.paths.checkpointDir, "./checkpoints")
        XCTAssertEqual(c.paths.exportDir, "./exports")
        XCTAssertEqual(c.paths.logsDir, "./logs")
        XCTAssertEqual(c.model.architecture, "efficientnetv2_s")
        XCTAssertEqual(c.model.variant, .s)
        XCTAssertTrue(c.model.pretrained)
        XCTAssertEqual(c.model.numClasses, 3)
        XCTAssertEqual(c.model.dropoutRate, 0.45)
        XCTAssertTrue(c.model.useCBAM)
        XCTAssertEqual(c.model.cbamReduction, 16)
        let u = c.model.progressiveUnfreezing
        XCTAssertTrue(u.enabled)
        XCTAssertEqual(u.phaseEnds, [8, 20, 40, 80])
        XCTAssertEqual(u.phase2UnfreezePercent, 0.25)
        XCTAssertEqual(u.phase3UnfreezePercent, 0.50)
        XCTAssertEqual([u.lrReductionPhase2, u.lrReductionPhase3, u.lrReductionPhase4], [0.5, 0.3, 0.1])
        XCTAssertEqual(c.data.imageSize, 512)
        XCTAssertEqual(c.data.batchSize, 4)
        XCTAssertEqual(c.data.gradientAccumulationSteps, 4)
        XCTAssertEqual(c.data.numWorkers, 2)
        XCTAssertFalse(c.data.pinMemory)
        let aug = c.data.augmentation
        XCTAssertEqual([aug.horizontalFlip, aug.verticalFlip, aug.rotation, aug.brightness, aug.contrast], [0.5, 0.3, 15, 0.2, 0.2])
        XCTAssertTrue(aug.useCLAHE)
        XCTAssertTrue(c.data.useCLAHE)
        XCTAssertEqual(c.training.epochs, 80)
        XCTAssertEqual(c.training.learningRate, 0.0003)
        XCTAssertEqual(c.training.weightDecay, 0.0001)
        XCTAssertEqual(c.training.optimizer, "adamw")
        XCTAssertEqual(c.training.scheduler, "cosine_warmup_restarts")
        XCTAssertEqual(c.training.warmupEpochs, 8)
        XCTAssertEqual(c.training.restartEpochs, [25, 50, 70])
        XCTAssertEqual(c.training.labelSmoothing, 0.12)
        XCTAssertEqual(c.training.gradientClip, 1.0)
        XCTAssertTrue(c.training.useEMA)
        XCTAssertEqual(c.training.emaDecay, 0.9998)
        XCTAssertTrue(c.training.focalLoss.enabled)
        XCTAssertEqual(c.training.focalLoss.alpha, [0.25, 0.50, 0.25])
        XCTAssertEqual(c.training.focalLoss.gamma, 2.5)
        XCTAssertEqual(c.metrics.primaryMetric, "f1_weighted")
        XCTAssertEqual(c.metrics.trackMetrics, ["accuracy", "auc_roc", "auc_pr", "sensitivity", "specificity", "ppv", "npv",
                                                "f1_macro", "f1_weighted"])
        XCTAssertEqual(c.metrics.clinicalThresholds, .init(sensitivityMin: 0.96, specificityMin: 0.91, aucROCMin: 0.955))
        XCTAssertTrue(c.inference.ttaEnabled)
        XCTAssertEqual(c.inference.ttaTransforms, ["original", "horizontal_flip", "vertical_flip", "rotate_5", "brightness_5", "contrast_5"])
        XCTAssertTrue(c.inference.temperatureScaling)
        XCTAssertEqual(c.inference.initialTemperature, 1.3)
        XCTAssertEqual(c.system.device, "auto")
        XCTAssertEqual(c.system.seed, 42)
        XCTAssertTrue(c.system.deterministic)
        XCTAssertEqual(c.system.numThreads, 8)
        // Metadata, kept verbatim.
        XCTAssertEqual(c.metadata["project_info"]?.value(at: ["version"]), .string("3.3.1-ULTRA-S"))
        XCTAssertEqual(c.metadata["project_info"]?.value(at: ["profile"]), .string("Clinical Grade - Small Model (30 days)"))
        XCTAssertEqual(c.metadata["estimated_time"]?.value(at: ["total_days"]), .number("30"))
        XCTAssertEqual(c.metadata["expected_performance"]?.value(at: ["auc_roc"]), .string("0.970-0.973"))
        // The keys added beyond the original.
        XCTAssertEqual(c.data.classNames, ["benign", "malignant", "normal"])
        XCTAssertEqual(c.data.malignantClass, "malignant")
        XCTAssertEqual(c.data.malignantIndex, 1)
        XCTAssertEqual(c.data.valSplit, 0.15)
        XCTAssertEqual(c.data.testSplit, 0.10)
        XCTAssertTrue(c.data.breastCropping)
        XCTAssertEqual(c.data.oversampling, .init(enabled: true, ratio: 0.85, maxWeight: 2.0))
        XCTAssertEqual(aug.translate, 0.05)
        XCTAssertEqual(aug.scale, [0.95, 1.05])
        XCTAssertEqual(aug.randomErasing, .init(p: 0.15, scale: [0.02, 0.08], ratio: [0.3, 3.3]))
        XCTAssertEqual(c.training.earlyStopping, .init(enabled: true, patience: 10, minDelta: 0.001))
        XCTAssertEqual(c.clinical.minSensitivityMalignant, 0.96)  // the original had 0.90; one decision target (README, decisions)
        XCTAssertEqual(c.checkpoints, .init(keepLatest: 3, saveEveryNEpochs: 10, backupDir: nil))
    }

    func testUltraMDiffersFromSOnlyWhereTheOriginalDoes() throws {
        let s = try TrainingConfig.load(url: repositoryRoot.appendingPathComponent("config_ultra_S.json"))
        let m = try TrainingConfig.load(url: repositoryRoot.appendingPathComponent("config_ultra_M.json"))
        XCTAssertEqual(m.model.architecture, "efficientnetv2_m")
        XCTAssertEqual(m.model.variant, .m)
        XCTAssertEqual(m.metadata["project_info"]?.value(at: ["version"]), .string("3.3.1-ULTRA-M"))
        XCTAssertEqual(m.metadata["estimated_time"]?.value(at: ["total_days"]), .number("50"))
        XCTAssertEqual(m.metadata["estimated_time"]?.value(at: ["total_weeks"]), .number("7"))
        XCTAssertEqual(m.metadata["expected_performance"]?.value(at: ["f1_weighted"]), .string("0.96-0.97"))
        XCTAssertEqual(m.paths, s.paths)
        XCTAssertEqual(m.data, s.data)
        XCTAssertEqual(m.training, s.training)
        XCTAssertEqual(m.metrics, s.metrics)
        XCTAssertEqual(m.inference, s.inference)
        XCTAssertEqual(m.system, s.system)
        XCTAssertEqual(m.model.progressiveUnfreezing, s.model.progressiveUnfreezing)
        XCTAssertNotEqual(m.configHash, s.configHash)
    }

    func testBuiltInDefaultsAreTheShippedUltraSFile() throws {
        let fileText = try String(contentsOf: repositoryRoot.appendingPathComponent("config_ultra_S.json"), encoding: .utf8)
        XCTAssertEqual(try ConfigJSON.parse(Array(fileText.utf8)).value, ConfigSchema.defaultTree)
        let defaults = try TrainingConfig.defaults()
        let file = try TrainingConfig.load(url: repositoryRoot.appendingPathComponent("config_ultra_S.json"))
        XCTAssertEqual(defaults.canonicalJSON, file.canonicalJSON)
        XCTAssertEqual(defaults.configHash, file.configHash)
    }

    func testEveryKeyIsRead() throws {
        var reader = ConfigReader(tree: ConfigSchema.defaultTree, source: "defaults", origins: [:])
        _ = try TrainingConfig(reader: &reader, source: "defaults")
        XCTAssertEqual(reader.read, ConfigSchema.leafPaths)
        XCTAssertEqual(ConfigSchema.leafPaths.count, 88)
    }

    /// README's key table comes from the schema: one row per key, with type, bounds and default.
    func testMarkdownKeyTableHasEveryKey() throws {
        let lines = ConfigSchema.markdownTable().split(separator: "\n")
        XCTAssertEqual(lines.count, 2 + 88)
        XCTAssertTrue(lines.contains("| `training.epochs` | integer >= 1 | `80` | Epochs of the run. |"))
        XCTAssertTrue(lines.contains { $0.hasPrefix("| `data.augmentation.rotation` | number in [0, 180] | `15` |") })
        for key in ConfigSchema.leafPaths { XCTAssertEqual(lines.filter { $0.hasPrefix("| `\(key)` |") }.count, 1, key) }
    }

    /// A bound from the schema table is what the loader enforces (the table is not documentation only).
    func testSchemaBoundsAreEnforced() throws {
        for row in ConfigSchema.keys {
            guard case .double(let bound) = row.kind, case .closedUnit = bound else { continue }
            XCTAssertThrowsError(try TrainingConfig.defaults(overrides: [row.key: "1.5"]), row.key) { error in
                XCTAssertTrue("\(error)".contains("'\(row.key)' must be in [0, 1]"), "\(error)")
            }
        }
    }

    // MARK: Merging

    func testPartialConfigMergesOverTheDefaults() throws {
        let c = try load("""
            {"training": {"epochs": 100, "focal_loss": {"gamma": 2}},
             "data": {"augmentation": {"rotation": 5}, "batch_size": 2},
             "project_info": {"name": "mine", "anything": [1, {"x": null}]}}
            """)
        XCTAssertEqual(c.training.epochs, 100)
        XCTAssertEqual(c.training.focalLoss.gamma, 2)
        XCTAssertEqual(c.training.focalLoss.alpha, [0.25, 0.5, 0.25])  // sibling kept
        XCTAssertTrue(c.training.focalLoss.enabled)
        XCTAssertEqual(c.training.learningRate, 0.0003)
        XCTAssertEqual(c.data.augmentation.rotation, 5)
        XCTAssertEqual(c.data.augmentation.verticalFlip, 0.3)
        XCTAssertEqual(c.data.batchSize, 2)
        XCTAssertEqual(c.data.imageSize, 512)
        XCTAssertEqual(c.model.progressiveUnfreezing.phaseEnds, [8, 20, 40, 80])
        XCTAssertEqual(c.metadata["project_info"]?.value(at: ["name"]), .string("mine"))
        XCTAssertEqual(c.metadata["project_info"]?.value(at: ["version"]), .string("3.3.1-ULTRA-S"))
        XCTAssertEqual(c.source, temporaryDirectory.appendingPathComponent("my_config.json").relativePath)

        let empty = try load("{}")
        XCTAssertEqual(empty.canonicalJSON, try TrainingConfig.defaults().canonicalJSON)
    }

    // MARK: Errors

    func testUnknownKeysAreRejectedWithASuggestion() {
        assertRejects(#"{"training": {"focal_loss": {"gama": 2}}}"#,
                      "bad_config.json: ", "unknown key 'training.focal_loss.gama' (did you mean 'gamma'?)")
        assertRejects(#"{"trainig": {}}"#, "bad_config.json", "unknown key 'trainig' (did you mean 'training'?)")
        assertRejects(#"{"training": {"batch_size": 2}}"#, "unknown key 'training.batch_size' (did you mean 'data.batch_size'?)")
        assertRejects(#"{"data": {"use_clahe": false}}"#, "unknown key 'data.use_clahe' (it is 'data.augmentation.use_clahe' here)")
        assertRejects(#"{"model": {"zzzzzzzz": 1}}"#, "unknown key 'model.zzzzzzzz'; known keys here: architecture, cbam_reduction")
        assertRejects(#"{"regularization": {"mixup": 0.2}}"#, "unknown key 'regularization'")
    }

    func testWrongTypesAreRejected() {
        assertRejects(#"{"data": {"batch_size": "4"}}"#, "bad_config.json", #"'data.batch_size' must be an integer, found "4""#)
        assertRejects(#"{"data": {"batch_size": 4.5}}"#, "'data.batch_size' must be an integer, found 4.5")
        assertRejects(#"{"training": {"epochs": 80.0}}"#, "'training.epochs' must be an integer, found 80.0")
        assertRejects(#"{"training": {"learning_rate": "0.001"}}"#, #"'training.learning_rate' must be a number, found "0.001""#)
        assertRejects(#"{"training": {"use_ema": "true"}}"#, #"'training.use_ema' must be true or false, found "true""#)
        assertRejects(#"{"training": {"use_ema": 1}}"#, "'training.use_ema' must be true or false, found 1")
        assertRejects(#"{"training": {"restart_epochs": 25}}"#, "'training.restart_epochs' must be a list of integers, found 25")
        assertRejects(#"{"training": {"restart_epochs": [25, 50.5]}}"#, "'training.restart_epochs' must be a list of integers, found 50.5")
        assertRejects(#"{"training": {"focal_loss": {"alpha": "adaptive"}}}"#,
                      #"'training.focal_loss.alpha' must be a list of numbers, found "adaptive""#)
        assertRejects(#"{"data": {"class_names": ["a", 2, "c"]}}"#, "'data.class_names' must be a list of strings, found 2")
        assertRejects(#"{"paths": {"data_dir": null}}"#, "'paths.data_dir' must be a string, found null")
        assertRejects(#"{"training": 5}"#, "'training' must be an object with keys", "found 5")
        assertRejects(#"{"training": {"focal_loss": true}}"#, "'training.focal_loss' must be an object with keys alpha, enabled, gamma")
        assertRejects(#"{"training": {"epochs": {"n": 3}}}"#, "'training.epochs' must be a single value, not an object")
        assertRejects(#"{"training": {"epochs": 1e400}}"#, "'training.epochs' must be an integer, found 1e400")
        assertRejects(#"{"training": {"gradient_clip": 1e400}}"#, "'training.gradient_clip' must be a finite number, found 1e400")
        assertRejects(#"{"system": {"seed": 99999999999999999999999}}"#, "'system.seed' is too large")
    }

    func testOutOfRangeValuesAreRejected() {
        assertRejects(#"{"training": {"learning_rate": -1}}"#, "bad_config.json", "'training.learning_rate' must be > 0, found -1")
        assertRejects(#"{"training": {"learning_rate": 0}}"#, "'training.learning_rate' must be > 0, found 0")
        assertRejects(#"{"model": {"dropout_rate": 1.0}}"#, "'model.dropout_rate' must be in [0, 1), found 1.0")
        assertRejects(#"{"data": {"batch_size": 0}}"#, "'data.batch_size' must be >= 1, found 0")
        assertRejects(#"{"data": {"image_size": 16}}"#, "'data.image_size' must be >= 32, found 16")
        assertRejects(#"{"data": {"augmentation": {"horizontal_flip": 1.5}}}"#,
                      "'data.augmentation.horizontal_flip' must be in [0, 1], found 1.5")
        assertRejects(#"{"data": {"augmentation": {"rotation": 200}}}"#, "'data.augmentation.rotation' must be in [0, 180], found 200")
        assertRejects(#"{"data": {"oversampling": {"max_weight": 0.5}}}"#, "'data.oversampling.max_weight' must be >= 1, found 0.5")
        assertRejects(#"{"data": {"val_split": 1}}"#, "'data.val_split' must be in [0, 1), found 1")
        assertRejects(#"{"training": {"ema_decay": 1}}"#, "'training.ema_decay' must be in (0, 1), found 1")
        assertRejects(#"{"training": {"focal_loss": {"alpha": [0.25, -0.5, 0.25]}}}"#,
                      "'training.focal_loss.alpha' values must be >= 0, found -0.5")
        assertRejects(#"{"data": {"augmentation": {"scale": [1.05, 0.95]}}}"#,
                      "'data.augmentation.scale' must be [min, max] with min <= max")
        assertRejects(#"{"data": {"augmentation": {"random_erasing": {"ratio": [0.3]}}}}"#,
                      "'data.augmentation.random_erasing.ratio' must be a [min, max] pair, found 1 values")
        assertRejects(#"{"model": {"architecture": "efficientnetv2_xl"}}"#,
                      #"'model.architecture' must be one of "efficientnetv2_s", "efficientnetv2_m", "efficientnetv2_l", "tiny", found "efficientnetv2_xl""#)
        assertRejects(#"{"training": {"optimizer": "adam"}}"#, #"'training.optimizer' must be one of "adamw", found "adam" (did you mean "adamw"?)"#)
        assertRejects(#"{"metrics": {"primary_metric": "ece"}}"#, "'metrics.primary_metric' must be one of")
        assertRejects(#"{"metrics": {"track_metrics": ["accuracy", "f2"]}}"#, #"'metrics.track_metrics' may only hold"#, #"found "f2""#)
        assertRejects(#"{"inference": {"tta_transforms": []}}"#, "'inference.tta_transforms' must hold at least 1 names, found 0")
        assertRejects(#"{"system": {"device": "cuda"}}"#, #"'system.device' must be one of "auto", "cpu", found "cuda""#)
        assertRejects(#"{"paths": {"logs_dir": ""}}"#, "'paths.logs_dir' must be a non-empty path")
    }

    func testInconsistentValuesAreRejected() {
        let pu = "model.progressive_unfreezing"
        assertRejects(#"{"model": {"progressive_unfreezing": {"phase2_epochs": 8}}}"#,
                      "bad_config.json", "'\(pu).phase2_epochs' (8) must be greater than '\(pu).phase1_epochs' (8)")
        assertRejects(#"{"model": {"progressive_unfreezing": {"phase4_epochs": 90}}}"#,
                      "'\(pu).phase4_epochs' (90) must be <= 'training.epochs' (80)")
        assertRejects(#"{"model": {"progressive_unfreezing": {"phase3_unfreeze_percent": 0.2}}}"#,
                      "'\(pu).phase3_unfreeze_percent' (0.2) must be >= '\(pu).phase2_unfreeze_percent' (0.25)")
        assertRejects(#"{"training": {"focal_loss": {"alpha": [0.5, 0.5]}}}"#,
                      "'training.focal_loss.alpha' must have one value per class (3), found 2")
        assertRejects(#"{"data": {"class_names": ["benign", "malignant", "benign"]}}"#,
                      #"'data.class_names' must be unique, found "benign" twice"#)
        assertRejects(#"{"data": {"class_names": ["a", "b", "c"]}}"#,
                      #"'data.malignant_class' must be one of 'data.class_names' (a, b, c), found "malignant""#)
        assertRejects(#"{"data": {"class_names": ["benign", "malignant"]}}"#,
                      "'model.num_classes' (3) must equal the number of 'data.class_names' (2)")
        assertRejects(#"{"data": {"class_names": ["benign", "mal/ignant", "normal"], "malignant_class": "mal/ignant"}}"#,
                      "'data.class_names' must be folder names")
        assertRejects(#"{"training": {"restart_epochs": [25, 25, 70]}}"#,
                      "'training.restart_epochs' must be strictly increasing, found 25 after 25")
        assertRejects(#"{"training": {"restart_epochs": [8, 50]}}"#,
                      "'training.restart_epochs' must all be after 'training.warmup_epochs' (8), found 8")
        assertRejects(#"{"training": {"restart_epochs": [25, 80]}}"#,
                      "'training.restart_epochs' must all be before 'training.epochs' (80), found 80")
        assertRejects(#"{"training": {"warmup_epochs": 80}}"#, "'training.warmup_epochs' (80) must be < 'training.epochs' (80)")
        assertRejects(#"{"data": {"val_split": 0.6, "test_split": 0.5}}"#, "'data.test_split' plus 'data.val_split' must be < 1")
        assertRejects(#"{"inference": {"tta_transforms": ["original", "original"]}}"#,
                      #"'inference.tta_transforms' must not repeat "original""#)
        // A consistent shorter schedule is fine.
        XCTAssertNoThrow(try load("""
            {"training": {"epochs": 8, "warmup_epochs": 1, "restart_epochs": [5]},
             "model": {"progressive_unfreezing": {"phase1_epochs": 2, "phase2_epochs": 4, "phase3_epochs": 6, "phase4_epochs": 8}}}
            """))
        XCTAssertNoThrow(try load(#"{"training": {"restart_epochs": []}}"#))
    }

    func testMalformedFilesAreRejected() {
        assertRejects("{\"training\": {\"epochs\": 80,}}", "bad_config.json: invalid JSON at line 1, column 28")
        assertRejects("{\n  \"training\": {\n    \"epochs\": 80\n", "bad_config.json: invalid JSON at line 4", "end of file")
        assertRejects(#"{"training": {"epochs": 80, "epochs": 90}}"#, "bad_config.json: invalid JSON", "duplicate key 'epochs'")
        assertRejects("[1, 2]", "bad_config.json: the configuration must be a JSON object, found a list")
        let missing = temporaryDirectory.appendingPathComponent("absent.json")
        XCTAssertThrowsError(try TrainingConfig.load(url: missing)) { error in
            guard case RuntimeError.io = error else { return XCTFail("expected .io, got \(error)") }
            XCTAssertTrue("\(error)".contains("absent.json"), "\(error)")
        }
        // A relative path is named as given.
        XCTAssertThrowsError(try TrainingConfig.load(url: URL(fileURLWithPath: "no_such_config_here.json"))) { error in
            XCTAssertTrue("\(error)".hasPrefix("no_such_config_here.json: cannot read the configuration"), "\(error)")
        }
    }

    // MARK: Overrides

    func testOverrides() throws {
        let c = try load(#"{"data": {"batch_size": 8}}"#, overrides: [
            "training.epochs": "100", "data.batch_size": "2", "paths.data_dir": "/tmp/my data",
            "training.restart_epochs": "30, 60", "training.use_ema": "false", "training.learning_rate": "1e-4",
            "data.class_names": "benign,malignant,normal", "training.focal_loss.alpha": "[0.3,0.4,0.3]",
            "model.architecture": "tiny", "paths.logs_dir": "123",
        ])
        XCTAssertEqual(c.training.epochs, 100)
        XCTAssertEqual(c.data.batchSize, 2)  // the override wins over the file
        XCTAssertEqual(c.paths.dataDir, "/tmp/my data")
        XCTAssertEqual(c.paths.logsDir, "123")  // string keys keep the text as it is
        XCTAssertEqual(c.training.restartEpochs, [30, 60])
        XCTAssertFalse(c.training.useEMA)
        XCTAssertEqual(c.training.learningRate, 0.0001)
        XCTAssertEqual(c.data.classNames, ["benign", "malignant", "normal"])
        XCTAssertEqual(c.training.focalLoss.alpha, [0.3, 0.4, 0.3])
        XCTAssertEqual(c.model.variant, .tiny)
        // The overrides are part of the configuration's identity.
        XCTAssertNotEqual(c.configHash, try load(#"{"data": {"batch_size": 8}}"#).configHash)
        XCTAssertEqual(try TrainingConfig.defaults(overrides: ["training.epochs": "90"]).training.epochs, 90)
    }

    func testBadOverridesAreRejected() {
        assertRejects("{}", overrides: ["data.batch_size": "x"],
                      "override data.batch_size=x: ", #"'data.batch_size' must be an integer, found "x""#)
        assertRejects("{}", overrides: ["training.learning_rate": "-1"],
                      "override training.learning_rate=-1: 'training.learning_rate' must be > 0, found -1")
        assertRejects("{}", overrides: ["training.epoch": "3"],
                      "override training.epoch=3: unknown key 'training.epoch' (did you mean 'epochs'?)")
        assertRejects("{}", overrides: ["trainin.epochs": "3"], "unknown key 'trainin' (did you mean 'training'?)")
        assertRejects("{}", overrides: ["training": "3"], "'training' is a section; override one of its keys")
        assertRejects("{}", overrides: ["project_info.name": "x"], "'project_info.name' is metadata")
        assertRejects("{}", overrides: ["training.use_ema": "yes"], #"'training.use_ema' must be true or false, found "yes""#)
        assertRejects("{}", overrides: ["training.restart_epochs": "25,x"],
                      #"'training.restart_epochs' must be a list of integers, found "x""#)
        // A range error caused by an override names the override.
        assertRejects("{}", overrides: ["training.epochs": "3"],
                      "override training.epochs=3: ", "must be <= 'training.epochs' (3)")
        // An error in a key the override did not touch names the file.
        assertRejects(#"{"data": {"image_size": 8}}"#, overrides: ["data.batch_size": "2"],
                      "bad_config.json: 'data.image_size' must be >= 32")
    }

    // MARK: Canonical JSON and hash

    func testHashIsStableAcrossFormattingAndChangesWithValues() throws {
        let a = try load("""
            {"training": {"learning_rate": 0.0003, "epochs": 80, "gradient_clip": 1.0},
             "data": {"batch_size": 4}}
            """)
        let b = try load(#"{"data":{"batch_size":4},"training":{"gradient_clip":1,"epochs":80,"learning_rate":3e-4}}"#,
                         name: "other.json")
        XCTAssertEqual(a.canonicalJSON, b.canonicalJSON)
        XCTAssertEqual(a.configHash, b.configHash)
        XCTAssertEqual(a.configHash, try TrainingConfig.defaults().configHash)
        XCTAssertEqual(a.configHash.count, 16)
        XCTAssertTrue(a.configHash.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        XCTAssertEqual(a.configHash, String(SHA256.hex(a.canonicalJSON).prefix(16)))

        for change in [#"{"training": {"learning_rate": 0.0004}}"#, #"{"data": {"batch_size": 2}}"#,
                       #"{"project_info": {"name": "other"}}"#, #"{"training": {"restart_epochs": [25, 50]}}"#] {
            XCTAssertNotEqual(try load(change).configHash, a.configHash, change)
        }
    }

    func testCanonicalJSONIsSortedCompactAndRoundTrips() throws {
        let c = try load(#"{"training": {"epochs": 100}, "project_info": {"b": 1, "a": [1.50, "x"]}}"#)
        let text = c.canonicalJSON
        XCTAssertTrue(text.hasPrefix(#"{"checkpoints":{"backup_dir":"","keep_latest":3,"save_every_n_epochs":10},"clinical":"#), text)
        XCTAssertTrue(text.contains(#""project_info":{"a":[1.5,"x"],"author":"BreastAI Team","b":1,"created""#), text)
        XCTAssertTrue(text.contains(#""gradient_clip":1,"#), text)
        XCTAssertTrue(text.contains(#""learning_rate":0.0003,"#), text)
        XCTAssertFalse(text.contains("\n"))
        XCTAssertFalse(text.contains(": "))
        let again = try TrainingConfig(jsonText: text, source: "checkpoint")
        XCTAssertEqual(again.canonicalJSON, text)
        XCTAssertEqual(again.configHash, c.configHash)
        XCTAssertEqual(again.training, c.training)
        XCTAssertEqual(again.metadata.mapValues(\.canonical), c.metadata.mapValues(\.canonical))
    }

    func testEditDistance() {
        XCTAssertEqual(editDistance("gama", "gamma"), 1)
        XCTAssertEqual(editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(editDistance("", "abc"), 3)
        XCTAssertEqual(closestMatch(to: "gama", among: ["alpha", "gamma", "enabled"]), "gamma")
        XCTAssertNil(closestMatch(to: "zzzzzzzz", among: ["alpha", "gamma", "enabled"]))
    }
}
