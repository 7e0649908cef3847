import Foundation
import XCTest
@testable import Formats
@testable import Runtime
@testable import Training

/// Issue 10 ("a run can be trusted"): each numbered item this target can reproduce without a
/// compiled program. The compile closure of these runs fails the test if it is reached, so the
/// checks are shown to happen before any compile.
final class RunTrustTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("trust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    func config(_ extra: [String: String] = [:]) throws -> TrainingConfig {
        try TrainingConfig.defaults(overrides: [
            "paths.data_dir": root.appendingPathComponent("data").path,
            "paths.checkpoint_dir": root.appendingPathComponent("checkpoints").path,
            "paths.logs_dir": root.appendingPathComponent("logs").path,
            "model.architecture": "tiny", "model.pretrained": "false", "data.image_size": "32",
        ].merging(extra) { _, new in new })
    }

    /// Starts a run that must fail before compiling; returns the error.
    func failBeforeCompile(_ config: TrainingConfig, _ options: TrainingRun.Options) -> Error? {
        do {
            _ = try TrainingRun(config: config, options: options, console: { _ in }, compile: {
                XCTFail("reached the compile")
                throw RuntimeError.io(path: "-", problem: "no compile in this test")
            })
        } catch { return error }
        XCTFail("the run started")
        return nil
    }

    var options: TrainingRun.Options { TrainingRun.Options(cacheDirectory: root.appendingPathComponent("cache")) }

    // Item 1: `demo --dir .` deleted ./data, a folder it had not made.
    func testDemoNeverReplacesAFolderItDidNotMark() throws {
        let data = root.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data.appendingPathComponent("train/benign"), withIntermediateDirectories: true)
        let precious = data.appendingPathComponent("train/benign/patient.png")
        try Data("precious".utf8).write(to: precious)
        XCTAssertThrowsError(try DemoFolder.preparePhantoms(data, counts: [1, 1, 1], size: 64, seed: 1, say: { _ in })) {
            XCTAssertTrue("\($0)".contains("was not written by the demo"), "\($0)")
        }
        XCTAssertEqual(try Data(contentsOf: precious), Data("precious".utf8))
        // Its own folder (marked) is written, reused as it is, and rewritten for other settings.
        let own = root.appendingPathComponent("demo-data")
        try DemoFolder.preparePhantoms(own, counts: [1, 1, 1], size: 64, seed: 1, say: { _ in })
        let stamp = try String(contentsOf: own.appendingPathComponent(".phantoms"), encoding: .utf8)
        XCTAssertTrue(stamp.hasPrefix("phantoms v1"))
        var said: [String] = []
        try DemoFolder.preparePhantoms(own, counts: [1, 1, 1], size: 64, seed: 1, say: { said.append($0) })
        XCTAssertEqual(said, [], "same settings: reused")
        try DemoFolder.preparePhantoms(own, counts: [2, 1, 1], size: 64, seed: 1, say: { said.append($0) })
        XCTAssertEqual(said.count, 1)
        // A file of the user's put into the demo's folder stops the rewrite, and stays.
        let added = own.appendingPathComponent("train/benign/my_scan.png")
        try Data("mine".utf8).write(to: added)
        XCTAssertThrowsError(try DemoFolder.preparePhantoms(own, counts: [3, 1, 1], size: 64, seed: 1, say: { _ in })) {
            XCTAssertTrue("\($0)".contains("my_scan.png"), "\($0)")
        }
        XCTAssertEqual(try Data(contentsOf: added), Data("mine".utf8))
    }

    // Item 1 (rerun): the demo replaces its own previous run's checkpoints, never another run's.
    func testDemoRemovesOnlyItsOwnPreviousRun() throws {
        let demo = DemoFolder(root: root)
        let checkpoints = root.appendingPathComponent("checkpoints")
        try FileManager.default.createDirectory(at: checkpoints, withIntermediateDirectories: true)
        try Data(#"{"run_id": "aaaaaaaaaaaa", "created": "2026-12-04T00:00:00Z", "format": 1}"#.utf8).write(to: checkpoints.appendingPathComponent("run.json"))
        try demo.removePreviousDemoRun(checkpoints, say: { _ in })
        XCTAssertTrue(FileManager.default.fileExists(atPath: checkpoints.path), "a run the demo did not start stays")
        try demo.remember(runID: "aaaaaaaaaaaa")
        // Not while a process holds the folder.
        let holder = try CheckpointStore(directory: checkpoints, access: .write(runID: "aaaaaaaaaaaa"))
        XCTAssertThrowsError(try demo.removePreviousDemoRun(checkpoints, say: { _ in }))
        holder.close()
        XCTAssertTrue(FileManager.default.fileExists(atPath: checkpoints.appendingPathComponent("run.json").path))
        // Not with a file the run did not write in it.
        let notes = checkpoints.appendingPathComponent("notes.txt")
        try Data("mine".utf8).write(to: notes)
        XCTAssertThrowsError(try demo.removePreviousDemoRun(checkpoints, say: { _ in })) { XCTAssertTrue("\($0)".contains("notes.txt"), "\($0)") }
        XCTAssertEqual(try Data(contentsOf: notes), Data("mine".utf8))
        try FileManager.default.removeItem(at: notes)
        // Its own run's files only: removed.
        try FileManager.default.createDirectory(at: checkpoints.appendingPathComponent("epoch-0001"), withIntermediateDirectories: true)
        try Data("w".utf8).write(to: checkpoints.appendingPathComponent("epoch-0001/model.safetensors"))
        try Data("{}".utf8).write(to: checkpoints.appendingPathComponent("epoch-0001.calibration.json"))
        try FileManager.default.createSymbolicLink(atPath: checkpoints.appendingPathComponent("latest").path, withDestinationPath: "epoch-0001")
        try demo.removePreviousDemoRun(checkpoints, say: { _ in })
        XCTAssertFalse(FileManager.default.fileExists(atPath: checkpoints.path))
    }

    // Item 2: a fresh train into a folder holding a run replaced its checkpoints.
    func testFreshRunRefusesAFolderHoldingARun() throws {
        let checkpoints = root.appendingPathComponent("checkpoints")
        let old = checkpoints.appendingPathComponent("epoch-0003")
        try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
        try Data("weights".utf8).write(to: old.appendingPathComponent("model.safetensors"))
        let error = failBeforeCompile(try config(), options)
        XCTAssertTrue("\(error!)".contains("--resume") && "\(error!)".contains("--overwrite-run"), "\(error!)")
        XCTAssertEqual(try Data(contentsOf: old.appendingPathComponent("model.safetensors")), Data("weights".utf8))

        // --overwrite-run moves the folder aside (nothing deleted); the run then goes on (here it
        // fails later, at the missing data folder, still before the compile).
        var o = options
        o.overwriteRun = true
        _ = failBeforeCompile(try config(), o)
        let moved = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix("checkpoints.moved-") }
        XCTAssertEqual(moved.count, 1)
        XCTAssertEqual(try Data(contentsOf: root.appendingPathComponent(moved[0]).appendingPathComponent("epoch-0003/model.safetensors")),
                       Data("weights".utf8))
    }

    // Item 4: `--resume /other/run/checkpoints/epoch-N` wrote into the current folder's paths.
    func testResumeByPathUsesTheCheckpointsFolder() throws {
        let other = root.appendingPathComponent("other/checkpoints")
        try FileManager.default.createDirectory(at: other.appendingPathComponent("epoch-0002"), withIntermediateDirectories: true)
        let (folder, name) = try ResumeReference.split(other.appendingPathComponent("epoch-0002").path, checkpointDir: nil)
        XCTAssertEqual(folder, other.resolvingSymlinksInPath().path)
        XCTAssertEqual(name, "epoch-0002")
        XCTAssertThrowsError(try ResumeReference.split(other.appendingPathComponent("epoch-0002").path, checkpointDir: root.path))
        let plain = try ResumeReference.split("latest", checkpointDir: nil)
        XCTAssertNil(plain.folder)
        // Stored configurations carry absolute paths.
        let relative = try TrainingConfig.defaults(overrides: ["paths.data_dir": "data", "paths.logs_dir": "./logs", "checkpoints.backup_dir": "bk"])
        let absolute = try relative.withAbsolutePaths(base: URL(fileURLWithPath: "/srv/run"))
        XCTAssertEqual(absolute.paths.dataDir, "/srv/run/data")
        XCTAssertEqual(absolute.paths.logsDir, "/srv/run/logs")
        XCTAssertEqual(absolute.paths.checkpointDir, "/srv/run/checkpoints")
        XCTAssertEqual(absolute.checkpoints.backupDir, "/srv/run/bk")
        let reread = try TrainingConfig(jsonText: absolute.canonicalJSON, source: "stored")
        XCTAssertEqual(reread.paths.dataDir, "/srv/run/data")
    }

    // Item 8: eval's refit overwrote the checkpoint's threshold and temperature; now it writes a
    // calibration file beside the checkpoint, which applies only to that checkpoint.
    func testCalibrationFileIsBesideTheCheckpointAndBoundToIt() throws {
        let url = root.appendingPathComponent("checkpoints/epoch-0004")
        var state = TrainerState(seed: 1, schedule: LRSchedule(base: 1e-3, epochs: 4, stepsPerEpoch: 1, warmupEpochs: 0, restartEpochs: [],
                                                                 phaseEnds: [1, 2, 3], multipliers: [1, 1, 1, 1]),
                                 config: "{}", configHash: "x")
        state.runID = "abcabcabcabc"
        state.threshold = 0.5
        var checkpoint = TrainedCheckpoint(url: url, state: state, config: try config())
        let file = CalibrationFile.defaultURL(for: checkpoint)
        XCTAssertEqual(file.path, root.appendingPathComponent("checkpoints/epoch-0004.calibration.json").path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let values = CalibrationFile(checkpoint: checkpoint, temperature: 1.7, temperatureFit: nil, threshold: 0.31,
                                     split: "val", dataDir: "/data", views: ["original"])
        try values.write(to: file, force: false)
        XCTAssertThrowsError(try values.write(to: file, force: false), "an earlier refit is not replaced without --force")
        try CalibrationFile.read(file).apply(to: &checkpoint, source: file)
        XCTAssertEqual(checkpoint.state.threshold, 0.31)
        XCTAssertEqual(checkpoint.state.temperature, 1.7)
        var other = TrainedCheckpoint(url: root.appendingPathComponent("checkpoints/epoch-0005"), state: state, config: try config())
        XCTAssertThrowsError(try CalibrationFile.read(file).apply(to: &other, source: file))
    }

    // Item 9: outputs replaced what was there.
    func testOutputsRefuseToReplaceWithoutForce() throws {
        let file = root.appendingPathComponent("model.onnx")
        try OutputPath.checkFile(file, force: false, option: "--out")
        try Data("user's".utf8).write(to: file)
        XCTAssertThrowsError(try OutputPath.checkFile(file, force: false, option: "--out")) {
            XCTAssertTrue("\($0)".contains("--force"), "\($0)")
        }
        try OutputPath.checkFile(file, force: true, option: "--out")
        XCTAssertThrowsError(try OutputPath.checkFile(root, force: true, option: "--out"), "a folder is never replaced by a file")
        let report = root.appendingPathComponent("report")
        try OutputPath.prepareDirectory(report, force: false, option: "--report")
        try Data("x".utf8).write(to: report.appendingPathComponent("notes.txt"))
        XCTAssertThrowsError(try OutputPath.prepareDirectory(report, force: false, option: "--report"))
        try OutputPath.prepareDirectory(report, force: true, option: "--report")
        XCTAssertEqual(try Data(contentsOf: report.appendingPathComponent("notes.txt")), Data("x".utf8))
    }

    // Item 10 (second half): fatal errors reached stderr but not training.log.
    func testFatalErrorsAreLogged() throws {
        _ = failBeforeCompile(try config(), options)   // no data folder
        let log = try String(contentsOf: root.appendingPathComponent("logs/training.log"), encoding: .utf8)
        XCTAssertTrue(log.contains("error: ") && log.contains("data"), log)
    }

    // Item 11: pretrained: true without weights trained from RANDOM weights after a warning.
    func testPretrainedWithoutWeightsStops() throws {
        let error = failBeforeCompile(try config(["model.pretrained": "true"]), options)
        XCTAssertTrue("\(error!)".contains("--random-init") && "\(error!)".contains("--init-weights"), "\(error!)")
        var o = options
        o.randomInit = true
        let later = failBeforeCompile(try config(["model.pretrained": "true"]), o)   // goes on, to the missing data
        XCTAssertFalse("\(later!)".contains("--random-init"), "\(later!)")
        let log = try String(contentsOf: root.appendingPathComponent("logs/training.log"), encoding: .utf8)
        XCTAssertTrue(log.contains("RANDOM weights on purpose"), log)
    }

    // Item 11/12 (and 14): a bad weights file is refused by name before the data pass and the compile.
    func testBadWeightsFileFailsBeforeTheCompile() throws {
        let bad = root.appendingPathComponent("imagenet.pth")
        try Data("not a checkpoint at all".utf8).write(to: bad)
        var o = options
        o.start = .fresh(initWeights: bad)
        let error = failBeforeCompile(try config(["model.pretrained": "true"]), o)
        XCTAssertTrue("\(error!)".contains(bad.path), "\(error!)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("cache").path), "the data pass ran first")
    }

    // Item 13: num_threads 8 ran 8 OpenMP threads on 2 cores.
    func testThreadsFitTheCores() {
        XCTAssertEqual(SystemThreads.resolve(configured: 8, cores: 2).threads, 2)
        XCTAssertTrue(SystemThreads.resolve(configured: 8, cores: 2).note.contains("not 8"))
        XCTAssertEqual(SystemThreads.resolve(configured: 0, cores: 6).threads, 6)
        XCTAssertEqual(SystemThreads.resolve(configured: 1, cores: 6).threads, 1)
        XCTAssertGreaterThanOrEqual(SystemThreads.available(), 1)
        XCTAssertLessThanOrEqual(SystemThreads.available(), ProcessInfo.processInfo.processorCount)
    }

    // Item 14: the data preflight ran after a 45-70 s compile; bad data now fails first.
    func testBadDataFailsBeforeTheCompile() throws {
        let train = root.appendingPathComponent("data/train")
        for c in ["benign", "malignant", "normal"] {
            let dir = train.appendingPathComponent(c)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            for i in 0 ..< 3 { try Data("not a png".utf8).write(to: dir.appendingPathComponent("\(i).png")) }
        }
        let error = failBeforeCompile(try config(), options)
        XCTAssertNotNil(error)
    }

    // Disk space: a run that cannot fit stops before training, with the figures.
    func testDiskSpaceShortfallStops() throws {
        let c = try config(["checkpoints.backup_dir": root.appendingPathComponent("backup").path])
        let bytes = DiskSpace.checkpointBytes(c.modelConfig)
        XCTAssertGreaterThan(bytes, 256 * 1024)
        let needs = DiskSpace.needs(c, checkpointBytes: bytes, existingCheckpoints: 0)
        XCTAssertEqual(needs.count, 3)
        // Checkpoints and backups on one device add up.
        let total = needs.reduce(0) { $0 + $1.bytes }
        XCTAssertNoThrow(try DiskSpace.check(needs, free: { _ in (1, total) }))
        XCTAssertThrowsError(try DiskSpace.check(needs, free: { _ in (1, total - 1) })) {
            XCTAssertTrue("\($0)".contains("not enough disk space"), "\($0)")
        }
        // On separate devices each only needs its own share.
        XCTAssertNoThrow(try DiskSpace.check(needs, free: { url in url.path.contains("backup") ? (2, needs[1].bytes) : (1, total - needs[1].bytes) }))
        // S at 512 px: about 4 x 21.2 M floats per checkpoint.
        let s = try TrainingConfig.defaults()
        XCTAssertEqual(Double(DiskSpace.checkpointBytes(s.modelConfig)) / 1e6, 4 * 4 * 21.3, accuracy: 4)
    }
}
