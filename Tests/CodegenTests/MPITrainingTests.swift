import Foundation
import XCTest
@testable import Codegen
import Graph
@testable import Data
@testable import Formats
import Runtime
@testable import Training
#if canImport(Glibc)
import Glibc
#endif

/// Issue 14: `mpirun -np 2 breastai-run train` (accumulation A) equals one process with
/// accumulation 2A, and a rank that dies ends the job with a clear error and the last checkpoint
/// intact. Skipped when `mpirun` is absent, failed instead when the environment has CI set.
final class MPITrainingTests: XCTestCase {
    /// `mpirun` on PATH, or a skip (a failure under CI, which installs Open MPI).
    func mpirun() throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let url = URL(fileURLWithPath: String(dir)).appendingPathComponent("mpirun")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        if ProcessInfo.processInfo.environment["CI"] != nil {
            XCTFail("mpirun is not installed but CI is set (.ci/run installs openmpi-bin)")
        }
        throw XCTSkip("mpirun is not installed (apt-get install openmpi-bin libopenmpi-dev); the MPI tests are skipped")
    }

    func settings(_ root: URL, data: URL, accumulation: Int, epochs: Int) -> [String: String] {
        [
            "paths.data_dir": data.path,
            "paths.checkpoint_dir": root.appendingPathComponent("checkpoints").path,
            "paths.logs_dir": root.appendingPathComponent("logs").path,
            "model.architecture": "tiny", "model.pretrained": "false",
            "data.image_size": "32", "data.batch_size": "4", "data.gradient_accumulation_steps": "\(accumulation)",
            "data.num_workers": "1", "training.epochs": "\(epochs)", "training.warmup_epochs": "1", "training.restart_epochs": "[]",
            "training.ema_decay": "0.9", "training.learning_rate": "0.001", "training.early_stopping.enabled": "false",
            "model.progressive_unfreezing.phase1_epochs": "1", "model.progressive_unfreezing.phase2_epochs": "2",
            "model.progressive_unfreezing.phase3_epochs": "3", "model.progressive_unfreezing.phase4_epochs": "\(epochs)",
            "checkpoints.keep_latest": "2", "system.num_threads": "1", "inference.tta_enabled": "false",
        ]
    }

    func arguments(_ settings: [String: String], artifact: URL, cache: URL) -> [String] {
        var out = ["train", "--artifact", artifact.path, "--cache-dir", cache.path]
        for (key, value) in settings.sorted(by: { $0.key < $1.key }) { out += ["--set", "\(key)=\(value)"] }
        return out
    }

    /// `mpirun -np 2` options that work as root, on 2 cores, in containers without ptrace.
    static let mpiOptions = ["--oversubscribe", "--allow-run-as-root", "--mca", "btl_vader_single_copy_mechanism", "none", "-np", "2"]

    struct Fixture {
        let base: URL, data: URL, cache: URL, artifact: URL
    }

    func fixture(_ name: String, epochs: Int) throws -> Fixture {
        let base = try Harness.temporaryDirectory(name)
        let data = base.appendingPathComponent("data"), cache = base.appendingPathComponent("cache")
        // 15 validation and 9 test images: batches of 4 with a padded last one, shared unevenly by 2 ranks.
        try Phantoms.write(to: data, perClass: Phantoms.SplitCounts(train: 8, val: 5, test: 3), size: 64, seed: 7)
        guard Harness.toolchain != nil else { throw XCTSkip("no C toolchain with OpenMP and OpenBLAS") }
        let config = try TrainingConfig.defaults(overrides: settings(base, data: data, accumulation: 1, epochs: epochs))
        let artifact = try ensureArtifact(config.modelConfig, phases: config.phases, loss: config.lossAttrs,
                                          directory: base.appendingPathComponent("artifact"), log: { _ in })
        return Fixture(base: base, data: data, cache: cache, artifact: artifact)
    }

    /// Two TTA views, so the gather of every view is covered.
    static let views = ["inference.tta_enabled": "true", "inference.tta_transforms": #"["original","horizontal_flip"]"#]

    /// Runs `executable arguments` in `directory`; (status, output).
    func run(_ executable: URL, _ arguments: [String], in directory: URL, timeout: TimeInterval = 600) throws -> (Int32, String) {
        let log = directory.appendingPathComponent("run-\(UUID().uuidString).log")
        let p = try start(executable, arguments, in: directory, log: log)
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(20_000) }
        if p.isRunning { p.terminate(); XCTFail("timed out: \(executable.lastPathComponent) \(arguments.joined(separator: " "))") }
        p.waitUntilExit()
        return (p.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }

    func start(_ executable: URL, _ arguments: [String], in directory: URL, log: URL) throws -> Process {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        p.currentDirectoryURL = directory
        try Data().write(to: log)
        let handle = try FileHandle(forWritingTo: log)
        p.standardOutput = handle; p.standardError = handle
        try p.run()
        try handle.close()
        return p
    }

    /// The state of checkpoint `latest` in `root/checkpoints`.
    func latest(_ root: URL, layout: Manifest.StateLayout) throws -> (state: StateBlocks, trainer: TrainerState) {
        let state = try StateBlocks(layout: layout)
        let url = try CheckpointStore(directory: root.appendingPathComponent("checkpoints"), access: .read).resolve("latest")
        let loaded = try CheckpointStore.load(url, into: state)
        return (state, try TrainerState.decode(loaded.trainerState, path: url.path))
    }

    /// The largest difference over the largest magnitude (0 when both are zero).
    static func relative(_ a: [Float], _ b: [Float]) -> Double {
        var diff = 0.0, scale = 0.0
        for (x, y) in zip(a, b) { diff = max(diff, Double(abs(x - y))); scale = max(scale, Double(abs(y))) }
        return scale == 0 ? diff : diff / scale
    }

    /// Four epochs (one per phase, the fewest the phase plan allows) rather than two, so the
    /// BatchNorms trained in phases 2-4 and their running statistics are covered.
    func testTwoRanksEqualOneProcessWithDoubledAccumulation() throws {
        let mpirun = try mpirun()
        let epochs = 4
        let f = try fixture("mpi-equal", epochs: epochs)
        defer { try? FileManager.default.removeItem(at: f.base) }
        let exe = try KillResumeTests.executable()
        let single = f.base.appendingPathComponent("single"), ranks = f.base.appendingPathComponent("ranks")
        func configured(_ root: URL, _ accumulation: Int) -> [String] {
            arguments(settings(root, data: f.data, accumulation: accumulation, epochs: epochs).merging(Self.views) { _, new in new },
                      artifact: f.artifact, cache: f.cache)
        }
        let (s1, o1) = try run(exe, configured(single, 2), in: single)
        XCTAssertEqual(s1, 0, "single process failed:\n" + o1.suffix(3000))
        XCTAssertTrue(o1.contains("single process (not started by an MPI launcher)"), o1)
        let (s2, o2) = try run(mpirun, Self.mpiOptions + [exe.path] + configured(ranks, 1), in: ranks)
        XCTAssertEqual(s2, 0, "mpirun -np 2 failed:\n" + o2.suffix(3000))
        guard s1 == 0, s2 == 0 else { return }
        XCTAssertTrue(o2.contains("data parallel over MPI") && o2.contains("rank 0 of 2"), o2)
        XCTAssertEqual(o2.components(separatedBy: "Epoch \(epochs)/\(epochs)").count - 1, 1, "rank 0 alone prints:\n" + o2)

        let program = try CompiledProgram(directory: f.artifact)
        let layout = program.manifest.layout
        let (a, ta) = try latest(single, layout: layout), (b, tb) = try latest(ranks, layout: layout)
        XCTAssertEqual(ta.epoch, epochs); XCTAssertEqual(tb.epoch, epochs)
        XCTAssertEqual(ta.optimizerSteps, tb.optimizerSteps)
        XCTAssertEqual(ta.optimizerSteps, 3 * epochs, "24 training images (3 classes x 8), batch 4, 2 micro-batches a step")
        XCTAssertEqual(ta.forwardsPerPhase, tb.forwardsPerPhase)
        var worst: [String: Double] = [:]
        for e in layout.parameters {
            for (block, what) in [(StateBlocks.Block.model, "weight"), (.adamM, "Adam m"), (.adamV, "Adam v"), (.ema, "EMA")] {
                let r = Self.relative(try b.read(block, e.name), try a.read(block, e.name))
                worst[what] = max(worst[what] ?? 0, r)
                XCTAssertLessThanOrEqual(r, 1e-5, "\(what) of \(e.name): relative difference \(r)")
            }
        }
        for e in layout.buffers where e.name.contains("running_") {
            let ra = try a.read(.model, e.name), rb = try b.read(.model, e.name)
            let r = Self.relative(rb, ra), re = Self.relative(try b.read(.ema, e.name), try a.read(.ema, e.name))
            worst["BN running"] = max(worst["BN running"] ?? 0, r); worst["BN running (EMA)"] = max(worst["BN running (EMA)"] ?? 0, re)
            XCTAssertLessThanOrEqual(r, 1e-5, "\(e.name): relative difference \(r)")
            XCTAssertLessThanOrEqual(re, 1e-5, "EMA of \(e.name): relative difference \(re)")
        }
        print("MPI 2 ranks vs 1 process with doubled accumulation, worst relative differences: "
              + worst.sorted { $0.key < $1.key }.map { "\($0.key) \(String(format: "%.2e", $0.value))" }.joined(separator: ", "))
        try checkShardedEvaluation(single: single, ranks: ranks, singleOutput: o1, ranksOutput: o2, epochs: epochs)
        let config = try TrainingConfig.defaults(overrides: settings(ranks, data: f.data, accumulation: 1, epochs: epochs).merging(Self.views) { _, new in new })
        try checkTestRecordAgainstOneProcess(ranks: ranks, config: config, artifact: f.artifact, cache: f.cache)
    }

    /// The pid of the process whose environment holds `tag` and OMPI_COMM_WORLD_RANK=`rank`.
    func rankProcess(tag: String, rank: Int) -> pid_t? {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return nil }
        for entry in entries {
            guard let pid = pid_t(entry), let env = FileManager.default.contents(atPath: "/proc/\(entry)/environ") else { continue }
            let vars = env.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            if vars.contains("BREASTAI_MPI_TEST_TAG=\(tag)") && vars.contains("OMPI_COMM_WORLD_RANK=\(rank)") { return pid }
        }
        return nil
    }

    func testAKilledRankEndsTheJobAndLeavesTheLastCheckpoint() throws {
        let mpirun = try mpirun()
        let f = try fixture("mpi-kill", epochs: 200)
        defer { try? FileManager.default.removeItem(at: f.base) }
        let exe = try KillResumeTests.executable()
        let root = f.base.appendingPathComponent("ranks")
        let tag = UUID().uuidString
        setenv("BREASTAI_MPI_TEST_TAG", tag, 1)
        defer { unsetenv("BREASTAI_MPI_TEST_TAG") }
        let log = f.base.appendingPathComponent("mpirun.log")
        let job = try start(mpirun, Self.mpiOptions + ["-x", "BREASTAI_MPI_TEST_TAG", exe.path]
                            + arguments(settings(root, data: f.data, accumulation: 1, epochs: 200), artifact: f.artifact, cache: f.cache),
                            in: root, log: log)
        let checkpoints = root.appendingPathComponent("checkpoints")
        let deadline = Date().addingTimeInterval(300)
        while job.isRunning && Date() < deadline
                && ((try? CheckpointStore(directory: checkpoints, access: .read).checkpoints().count) ?? 0) < 2 { usleep(20_000) }
        guard job.isRunning, let victim = rankProcess(tag: tag, rank: 1) else {
            job.terminate(); job.waitUntilExit()
            return XCTFail("the job ended or rank 1 was not found before two checkpoints:\n" + ((try? String(contentsOf: log, encoding: .utf8)) ?? ""))
        }
        kill(victim, SIGKILL)
        let end = Date().addingTimeInterval(60)
        while job.isRunning && Date() < end { usleep(20_000) }
        if job.isRunning { job.terminate(); job.waitUntilExit(); return XCTFail("mpirun did not end within 60 s of rank 1's death") }
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        XCTAssertNotEqual(job.terminationStatus, 0, output)
        XCTAssertTrue(output.contains("rank 1") && (output.contains("signal 9") || output.contains("Killed")),
                      "mpirun should name the dead rank:\n" + output.suffix(3000))
        XCTAssertNil(rankProcess(tag: tag, rank: 0), "rank 0 outlived the job")
        // The last checkpoint loads (every file's checksums) and is a whole epoch or step of this run.
        let program = try CompiledProgram(directory: f.artifact)
        let (_, trainer) = try latest(root, layout: program.manifest.layout)
        XCTAssertGreaterThanOrEqual(trainer.epoch, 1)
        XCTAssertEqual(try CheckpointStore(directory: checkpoints, access: .read).checkpoints().last,
                       try FileManager.default.destinationOfSymbolicLink(atPath: checkpoints.appendingPathComponent("latest").path))
        // It resumes in one process with the same micro-batches per step (2 ranks x 1 = 1 x 2): the
        // resumed run writes a newer checkpoint, then SIGTERM stops it with one more.
        let before = try CheckpointStore(directory: checkpoints, access: .read).checkpoints().last
        let resumeLog = f.base.appendingPathComponent("resume.log")
        let resume = try start(exe, ["train", "--resume", "latest", "--artifact", f.artifact.path, "--cache-dir", f.cache.path,
                                     "--checkpoint-dir", checkpoints.path, "--set", "data.gradient_accumulation_steps=2"],
                               in: root, log: resumeLog)
        let until = Date().addingTimeInterval(120)
        while resume.isRunning && Date() < until
                && (try? CheckpointStore(directory: checkpoints, access: .read).checkpoints().last) == before { usleep(20_000) }
        kill(resume.processIdentifier, SIGTERM)
        resume.waitUntilExit()
        let out = (try? String(contentsOf: resumeLog, encoding: .utf8)) ?? ""
        XCTAssertEqual(resume.terminationStatus, 130, "the single-process resume should run, then stop on SIGTERM:\n" + out.suffix(3000))
        XCTAssertTrue(out.contains("resumed from"), out)
        XCTAssertNotEqual(try CheckpointStore(directory: checkpoints, access: .read).checkpoints().last, before)
    }

    /// SIGUSR1 to `mpirun` (which passes it to every rank; its SIGINT/SIGTERM kill the ranks
    /// after 1 s): all ranks stop at the same optimizer step and rank 0 writes one checkpoint.
    func testSIGUSR1ToTheLauncherStopsEveryRankWithOneCheckpoint() throws {
        let mpirun = try mpirun()
        let f = try fixture("mpi-sigint", epochs: 200)
        defer { try? FileManager.default.removeItem(at: f.base) }
        let exe = try KillResumeTests.executable()
        let root = f.base.appendingPathComponent("ranks")
        let log = f.base.appendingPathComponent("mpirun.log")
        let job = try start(mpirun, Self.mpiOptions + [exe.path]
                            + arguments(settings(root, data: f.data, accumulation: 1, epochs: 200), artifact: f.artifact, cache: f.cache),
                            in: root, log: log)
        let checkpoints = root.appendingPathComponent("checkpoints")
        let deadline = Date().addingTimeInterval(300)
        while job.isRunning && Date() < deadline
                && ((try? CheckpointStore(directory: checkpoints, access: .read).checkpoints().count) ?? 0) < 2 { usleep(20_000) }
        let before = try CheckpointStore(directory: checkpoints, access: .read).checkpoints()
        kill(job.processIdentifier, SIGUSR1)
        let end = Date().addingTimeInterval(60)
        while job.isRunning && Date() < end { usleep(20_000) }
        if job.isRunning { job.terminate(); job.waitUntilExit(); return XCTFail("mpirun did not end within 60 s of SIGUSR1") }
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let training = (try? String(contentsOf: root.appendingPathComponent("logs/training.log"), encoding: .utf8)) ?? ""
        _ = training
        // Stopped at a step (a step checkpoint) or, when the signal came during an epoch's end, after
        // that epoch (its checkpoint is the stop's); never more than one new checkpoint.
        XCTAssertTrue(output.contains("interrupted: checkpoint") || output.contains("interrupted after epoch"),
                      "rank 0 should stop and say so:\n" + output.suffix(3000))
        XCTAssertTrue(output.contains("Exit code:    130"), "the ranks end with 130 (stopped on request):\n" + output.suffix(3000))
        let after = try CheckpointStore(directory: checkpoints, access: .read).checkpoints()
        let new = after.filter { !before.contains($0) }
        XCTAssertLessThanOrEqual(new.count, 1, "one checkpoint for the stop, got \(new)")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: checkpoints.appendingPathComponent("latest").path), after.last)
        if output.contains("interrupted: checkpoint") {
            XCTAssertTrue(new.first?.contains("-step-") ?? false, "the stop's checkpoint is a step checkpoint: \(new)")
            let program = try CompiledProgram(directory: f.artifact)
            let (_, trainer) = try latest(root, layout: program.manifest.layout)
            XCTAssertGreaterThan(trainer.batchInEpoch, 0)
        }
    }
}
