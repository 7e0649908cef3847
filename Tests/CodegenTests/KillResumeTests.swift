import Foundation
import XCTest
@testable import Codegen
import Graph
@testable import Data
@testable import Formats
@testable import Training
#if canImport(Glibc)
import Glibc
#endif

/// Issue 17, "crash anywhere, resume once": the real `breastai-run train` of the tiny model,
/// killed with SIGKILL at random moments (seeded; the seed is printed, `BREASTAI_KILL_SEED`
/// replays it), each kill followed by exactly one `train --resume`, ends with model, EMA and
/// optimizer files equal bit for bit to an uninterrupted run's.
///
/// The first launch is a fresh start, and it is killed only after its first checkpoint exists:
/// a run killed before that has nothing to resume, and its folder (run.json, no checkpoint)
/// is the fresh `train`'s to judge, not `--resume`'s. Every later launch is `--resume` and is
/// killed at a uniform random moment from its start, which lands in start-up, training, saving,
/// pruning and link updates alike.
final class KillResumeTests: XCTestCase {
    static let epochs = 100

    /// Every configuration key, the same for the reference and the killed run (paths aside).
    func settings(_ root: URL) -> [String: String] {
        [
            "paths.data_dir": root.deletingLastPathComponent().appendingPathComponent("data").path,
            "paths.checkpoint_dir": root.appendingPathComponent("checkpoints").path,
            "paths.logs_dir": root.appendingPathComponent("logs").path,
            "model.architecture": "tiny", "model.pretrained": "false",
            "data.image_size": "32", "data.batch_size": "4", "data.gradient_accumulation_steps": "2", "data.num_workers": "1",
            "training.epochs": "\(Self.epochs)", "training.warmup_epochs": "1", "training.restart_epochs": "[60]",
            "training.ema_decay": "0.9", "training.learning_rate": "0.001", "training.early_stopping.enabled": "false",
            "model.progressive_unfreezing.phase1_epochs": "5", "model.progressive_unfreezing.phase2_epochs": "15",
            "model.progressive_unfreezing.phase3_epochs": "30", "model.progressive_unfreezing.phase4_epochs": "\(Self.epochs)",
            "checkpoints.keep_latest": "2", "system.num_threads": "1", "inference.tta_enabled": "false",
        ]
    }

    /// `breastai-run`, built next to the test bundle by `swift build --build-tests` / `swift test`.
    static func executable() throws -> URL {
        var candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                          Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL]
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(package.appendingPathComponent(".build/debug"))
        for dir in candidates {
            let url = dir.appendingPathComponent("breastai-run")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw RuntimeError.io(path: candidates[0].path, problem: "breastai-run not found next to the test bundle (nor in \(candidates.dropFirst().map(\.path))); build it with `swift build --build-tests`")
    }

    struct Launch {
        let process: Process
        let log: URL
        let started = Date()
        var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
    }

    func launch(_ root: URL, artifact: URL, resume: Bool, index: Int) throws -> Launch {
        let process = Process()
        process.executableURL = try Self.executable()
        var arguments = ["train"] + (resume ? ["--resume", "latest"] : [])
        arguments += ["--artifact", artifact.path, "--cache-dir", root.deletingLastPathComponent().appendingPathComponent("cache").path]
        for (key, value) in settings(root).sorted(by: { $0.key < $1.key }) { arguments += ["--set", "\(key)=\(value)"] }
        process.arguments = arguments
        let log = root.appendingPathComponent("launch-\(index).log")
        try Data().write(to: log)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.currentDirectoryURL = root
        try process.run()
        try handle.close()
        return Launch(process: process, log: log)
    }

    /// Waits for `launch` to end by itself within `seconds`; false if it is still running.
    func wait(_ launch: Launch, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while launch.process.isRunning && Date() < deadline { usleep(5_000) }
        return !launch.process.isRunning
    }

    /// What the kill left on disk (read-only look), for the tally.
    func describe(_ checkpoints: URL) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: checkpoints.path)) ?? []
        var kinds = Set<String>()
        for prefix in [".tmp-", ".old-", ".trash-", ".link-"] where entries.contains(where: { $0.hasPrefix(prefix) }) {
            kinds.insert("\(prefix)* left")
        }
        let complete = (try? CheckpointStore(directory: checkpoints, access: .read).checkpoints()) ?? []
        let latest = try? FileManager.default.destinationOfSymbolicLink(atPath: checkpoints.appendingPathComponent("latest").path)
        if let latest, !complete.contains(latest) { kinds.insert("latest -> missing") }
        else if let newest = complete.last, latest != newest { kinds.insert("complete checkpoint newer than latest") }
        if let best = try? FileManager.default.destinationOfSymbolicLink(atPath: checkpoints.appendingPathComponent("best").path),
           !complete.contains(best) { kinds.insert("best -> missing") }
        if let pid = try? String(contentsOf: checkpoints.appendingPathComponent(".lock"), encoding: .utf8), !pid.isEmpty {
            kinds.insert("lock of a dead process")
        }
        return kinds.sorted()
    }

    func testRandomSIGKILLsThenResumeEqualAnUninterruptedRun() throws {
        let seed = ProcessInfo.processInfo.environment["BREASTAI_KILL_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 1 ... 999_999)
        print("kill-resume test seed \(seed) (replay with BREASTAI_KILL_SEED=\(seed))")
        var rng = SplitMix64(seed: seed)
        let maxKills = 30, budget = 80.0
        let base = try Harness.temporaryDirectory("kill-resume")
        defer { try? FileManager.default.removeItem(at: base) }
        let reference = base.appendingPathComponent("reference"), killed = base.appendingPathComponent("killed")
        for dir in [reference, killed] { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
        try Phantoms.write(to: base.appendingPathComponent("data"), perClass: Phantoms.SplitCounts(train: 8, val: 4, test: 4), size: 64, seed: 7)

        // The artifact, compiled once for every launch (the CLI finds it current).
        let config = try TrainingConfig.defaults(overrides: settings(reference))
        guard Harness.toolchain != nil else { throw XCTSkip("no C toolchain with OpenMP and OpenBLAS") }
        let artifact = try ensureArtifact(config.modelConfig, phases: config.phases, loss: config.lossAttrs,
                                          directory: base.appendingPathComponent("artifact"), log: { _ in })

        // The uninterrupted run, timed: kill moments are drawn within its duration.
        let straight = try launch(reference, artifact: artifact, resume: false, index: 0)
        straight.process.waitUntilExit()
        let duration = Date().timeIntervalSince(straight.started)
        XCTAssertEqual(straight.process.terminationStatus, 0, "uninterrupted run failed:\n" + straight.output.suffix(2000))
        guard straight.process.terminationStatus == 0 else { return }
        XCTAssertFalse(straight.output.contains("compiling"), "the CLI recompiled the artifact")

        // Kill moments: uniform within this window from each start (start-up is about 0.5 s; an
        // epoch with its checkpoint 0.1-0.3 s), so a launch gets a few epochs on average and the
        // kills outlast the run. One thread: OpenMP's spinning barriers make a loaded 2-core
        // machine erratic, and both runs use the same count, as bit-identity needs.
        let window = min(4, max(0.8, duration * 0.12))
        let checkpoints = killed.appendingPathComponent("checkpoints")
        var tally: [String: Int] = [:]
        var kills = 0, launches = 0, finishedBeforeKill = 0
        let loopStart = Date()
        var last: Launch?
        var newestBefore: String?
        while kills < maxKills && Date().timeIntervalSince(loopStart) < budget {
            let run = try launch(killed, artifact: artifact, resume: launches > 0, index: launches + 1)
            launches += 1
            if launches == 1 {
                // The fresh start: killed only once its first checkpoint exists.
                while run.process.isRunning && ((try? CheckpointStore(directory: checkpoints, access: .read).checkpoints().isEmpty) ?? true) {
                    usleep(2_000)
                }
            }
            let delay = rng.uniform(0, window)
            if wait(run, seconds: delay) {
                last = run
                XCTAssertEqual(run.process.terminationStatus, 0, "launch \(launches) failed:\n" + run.output.suffix(3000))
                guard run.process.terminationStatus == 0 else { return }
                finishedBeforeKill += 1
                break
            }
            kill(run.process.processIdentifier, SIGKILL)
            run.process.waitUntilExit()
            XCTAssertEqual(run.process.terminationReason, .uncaughtSignal, "launch \(launches) ended by itself with status \(run.process.terminationStatus)")
            kills += 1
            let newest = (try? CheckpointStore(directory: checkpoints, access: .read).checkpoints().last) ?? nil
            tally[newest == newestBefore ? "no new checkpoint since the previous kill" : "new checkpoints since the previous kill", default: 0] += 1
            newestBefore = newest
            for state in describe(checkpoints) { tally[state, default: 0] += 1 }
            if describe(checkpoints).isEmpty { tally["clean (no leftovers)", default: 0] += 1 }
            last = run
        }
        if last?.process.terminationReason == .uncaughtSignal {
            let final = try launch(killed, artifact: artifact, resume: true, index: launches + 1)
            launches += 1
            final.process.waitUntilExit()
            XCTAssertEqual(final.process.terminationStatus, 0, "final resume failed:\n" + final.output.suffix(3000))
        }
        print(String(format: "kill-resume: %d SIGKILLs in %d launches (%.1f s uninterrupted run, kills within %.1f s of each start, %.0f s in all); on-disk states after the kills:",
                     kills, launches, duration, window, Date().timeIntervalSince(loopStart)))
        for (state, count) in tally.sorted(by: { $0.key < $1.key }) { print("  \(count) x \(state)") }
        XCTAssertGreaterThanOrEqual(kills, 10, "too few kills to mean anything")

        let name = CheckpointStore.epochName(Self.epochs)
        for file in [CheckpointStore.modelFile, CheckpointStore.emaFile, CheckpointStore.optimizerFile] {
            let a = try Data(contentsOf: reference.appendingPathComponent("checkpoints/\(name)/\(file)"))
            let b = try Data(contentsOf: checkpoints.appendingPathComponent("\(name)/\(file)"))
            XCTAssertTrue(a == b, "\(name)/\(file) differs from the uninterrupted run's (seed \(seed))")
        }
    }
}
