import Foundation
import XCTest
@testable import Codegen
import Graph
import Runtime
@testable import Training
#if canImport(Glibc)
import Glibc
#endif

/// Issue 14: `breastai-run launch -np N -- train ...` (what README tells users to start): SIGTERM,
/// or Ctrl-C in a terminal (SIGINT to the launcher's process group), stops every rank at the
/// same optimizer step with one checkpoint, exit status 130, and `--resume` continues.
extension MPITrainingTests {
    /// `launch` options: 2 ranks and the mpirun options of `mpiOptions` (root, oversubscribed, no CMA).
    static let launchOptions = ["launch", "-np", "2", "--mpirun-arg=--oversubscribe", "--mpirun-arg=--allow-run-as-root",
                                "--mpirun-arg=--mca", "--mpirun-arg=btl_vader_single_copy_mechanism", "--mpirun-arg=none",
                                "--mpirun-arg=-x", "--mpirun-arg=BREASTAI_MPI_TEST_TAG"]

    /// The optimizer step of the stop line ("interrupted: ... at optimizer step N" or "interrupted after epoch E at optimizer step N").
    func stopStep(_ log: String) -> Int? {
        guard let line = log.split(separator: "\n").last(where: { $0.contains("interrupted") && $0.contains("at optimizer step ") }),
              let range = line.range(of: "at optimizer step ") else { return nil }
        return Int(line[range.upperBound...].prefix { $0.isNumber })
    }

    /// Rank 1's own training.log (ranks other than 0 log under the temporary directory, by pid).
    func followerLog(pid: pid_t) -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("breastai-rank1-\(pid)/training.log")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    func checkpointNames(_ checkpoints: URL) -> [String] {
        (try? CheckpointStore(directory: checkpoints, access: .read).checkpoints()) ?? []
    }

    /// Starts `launch`, waits until the run has written a checkpoint newer than `after` (and at least
    /// `minimum`), sends `signal` (to the process group: a terminal's Ctrl-C), waits for the end;
    /// checks exit 130, both ranks stopped at the checkpoint's optimizer step, exactly one new checkpoint.
    func stopLaunched(_ exe: URL, _ train: [String], root: URL, log: URL, tag: String, signal: Int32, group: Bool,
                      after: String?, minimum: Int, layout: Manifest.StateLayout) throws -> (step: Int, output: String)? {
        let job = try start(exe, Self.launchOptions + ["--"] + train, in: root, log: log)
        let checkpoints = root.appendingPathComponent("checkpoints")
        let deadline = Date().addingTimeInterval(300)
        func ready() -> Bool {
            let names = checkpointNames(checkpoints)
            return names.count >= minimum && names.last != after
        }
        while job.isRunning && Date() < deadline && !ready() { usleep(20_000) }
        guard job.isRunning, let follower = rankProcess(tag: tag, rank: 1) else {
            if job.isRunning { kill(job.processIdentifier, SIGKILL) }
            job.waitUntilExit()
            XCTFail("the job ended or rank 1 was not found:\n" + ((try? String(contentsOf: log, encoding: .utf8)) ?? ""))
            return nil
        }
        // mpirun runs in a process group of its own: a terminal's Ctrl-C reaches the launcher alone.
        XCTAssertEqual(getpgid(job.processIdentifier), job.processIdentifier, "Foundation's Process makes the launcher a group leader")
        XCTAssertNotEqual(getpgid(follower), job.processIdentifier, "the ranks are outside the launcher's process group")
        let before = checkpointNames(checkpoints)
        kill(group ? -job.processIdentifier : job.processIdentifier, signal)
        let end = Date().addingTimeInterval(120)
        while job.isRunning && Date() < end { usleep(20_000) }
        if job.isRunning { kill(job.processIdentifier, SIGKILL); job.waitUntilExit(); XCTFail("launch did not end within 120 s of the signal"); return nil }
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        XCTAssertEqual(job.terminationStatus, 130, "stopped on request:\n" + output.suffix(3000))
        XCTAssertTrue(output.contains("launch: stopping every process at the next optimizer step"), String(output.suffix(3000)))
        XCTAssertNil(rankProcess(tag: tag, rank: 0), "rank 0 outlived the job"); XCTAssertNil(rankProcess(tag: tag, rank: 1), "rank 1 outlived the job")
        let after = checkpointNames(checkpoints)
        let new = after.filter { !before.contains($0) }
        // The stop's checkpoint: a step checkpoint, or the epoch's when the signal came during its end
        // (then it may be the one that was just written before the signal).
        XCTAssertLessThanOrEqual(new.count, 1, "one checkpoint for the stop, got \(new)")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: checkpoints.appendingPathComponent("latest").path), after.last)
        let (_, trainer) = try latest(root, layout: layout)
        let leader = stopStep(output), other = stopStep(followerLog(pid: follower))
        XCTAssertEqual(leader, trainer.optimizerSteps, "rank 0 stopped at the checkpoint's step:\n" + output.suffix(3000))
        XCTAssertEqual(other, trainer.optimizerSteps, "rank 1 stopped at the same step:\n" + followerLog(pid: follower).suffix(3000))
        let atStop = try after.filter { try RunStart.trainerState(at: checkpoints.appendingPathComponent($0)).optimizerSteps == trainer.optimizerSteps }
        XCTAssertEqual(atStop, [after.last!], "exactly one checkpoint holds the stop's step \(trainer.optimizerSteps)")
        if new.isEmpty { XCTAssertTrue(output.contains("interrupted after epoch"), String(output.suffix(3000))) }
        try? FileManager.default.removeItem(at: FileManager.default.temporaryDirectory.appendingPathComponent("breastai-rank1-\(follower)"))
        return (trainer.optimizerSteps, output)
    }

    /// SIGTERM to `breastai-run launch` stops both ranks at one step with one checkpoint; `launch --
    /// train --resume` continues from it; Ctrl-C (SIGINT to the launcher's process group) stops that too.
    func testLaunchStopsEveryRankAtOneStepOnSIGTERMAndCtrlCAndResumes() throws {
        _ = try mpirun()
        let f = try fixture("mpi-launch", epochs: 200)
        defer { try? FileManager.default.removeItem(at: f.base) }
        let exe = try KillResumeTests.executable()
        let root = f.base.appendingPathComponent("ranks")
        let tag = UUID().uuidString
        setenv("BREASTAI_MPI_TEST_TAG", tag, 1)
        defer { unsetenv("BREASTAI_MPI_TEST_TAG") }
        let layout = try CompiledProgram(directory: f.artifact).manifest.layout
        let train = arguments(settings(root, data: f.data, accumulation: 1, epochs: 200), artifact: f.artifact, cache: f.cache)
        guard let first = try stopLaunched(exe, train, root: root, log: f.base.appendingPathComponent("launch.log"), tag: tag,
                                           signal: SIGTERM, group: false, after: nil, minimum: 2, layout: layout) else { return }
        let checkpoints = root.appendingPathComponent("checkpoints")
        let stopped = checkpointNames(checkpoints).last
        let resume = ["train", "--resume", "latest", "--artifact", f.artifact.path, "--cache-dir", f.cache.path,
                      "--checkpoint-dir", checkpoints.path]
        guard let second = try stopLaunched(exe, resume, root: root, log: f.base.appendingPathComponent("resume.log"), tag: tag,
                                            signal: SIGINT, group: true, after: stopped, minimum: 1, layout: layout) else { return }
        XCTAssertTrue(second.output.contains("resumed from"), String(second.output.suffix(3000)))
        XCTAssertGreaterThan(second.step, first.step, "the resumed run went on from the stop")
    }

    /// Without mpirun on PATH, launch says so in one line and fails; a command other than train is refused.
    func testLaunchWithoutMpirunSaysWhatToInstall() throws {
        let exe = try KillResumeTests.executable()
        let dir = try Harness.temporaryDirectory("mpi-launch-missing")
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = Process()
        p.executableURL = exe
        p.arguments = ["launch", "-np", "2", "--", "train", "--epochs", "1"]
        p.environment = ["PATH": dir.path]
        let pipe = Pipe()
        p.standardError = pipe; p.standardOutput = pipe
        try p.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 1, text)
        XCTAssertTrue(text.contains("mpirun: not found on PATH (\(dir.path)); install Open MPI"), text)
        let (status, output) = try run(exe, ["launch", "-np", "2", "--", "eval"], in: dir)
        XCTAssertNotEqual(status, 0)
        XCTAssertTrue(output.contains("after -- comes the command every process runs: train"), output)
    }
}
