import ArgumentParser
import Foundation
import Formats
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `breastai-run launch -np N ... -- train ...`: runs `mpirun` so that the user's natural stop
/// (Ctrl-C, SIGTERM, SIGHUP) stops every rank at the same optimizer step with one checkpoint.
///
/// Open MPI 4.1's `mpirun` answers SIGINT/SIGTERM by sending the ranks SIGCONT, SIGTERM one
/// `odls_base_sigkill_timeout` later and SIGKILL after another (a blocking sleep in its event
/// thread, so ranks that finish meanwhile hang in `MPI_Finalize` until killed); SIGUSR1 it only
/// forwards. So mpirun runs in a process group of its own (a terminal's Ctrl-C reaches this
/// process alone), its stdin is /dev/null (a background group must not read the terminal), the
/// first SIGINT/SIGTERM/SIGHUP/SIGUSR1 becomes SIGUSR1 for mpirun (every rank stops at the next
/// optimizer step, rank 0 writes the checkpoint), a second one SIGTERM (mpirun's hard kill), and
/// this process exits with mpirun's status.
struct Launch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a training over MPI (mpirun) so that Ctrl-C stops every process at the same step with one checkpoint.",
        discussion: """
            Runs: mpirun -np N [--hostfile H] [--mpirun-arg ...] <this breastai-run> train ...
            (with --threads-per-rank T also --set system.num_threads=T).

            Examples:
              breastai-run launch -np 2 -- train --config config_ultra_S.json --data data \\
                --set data.gradient_accumulation_steps=2
              breastai-run launch -np 4 --hostfile hosts --mpirun-arg=--map-by \\
                --mpirun-arg=ppr:1:node --mpirun-arg=--bind-to --mpirun-arg=none -- train ...
              breastai-run launch -np 2 -- train --resume
                (continue a stopped run; another N works when N x accumulation stays)

            Ctrl-C, or SIGTERM / SIGHUP / SIGUSR1 to this process: every process stops at
            the next optimizer step, rank 0 writes one checkpoint, exit status 130.
            A second Ctrl-C kills the processes at once (the last checkpoint stays).
            The exit status is mpirun's. Plain mpirun runs the same training, but its
            Ctrl-C kills the processes 1-2 s later; stop it with kill -USR1 <mpirun pid>.

            """)

    @Option(name: [.customLong("np", withSingleDash: true), .customLong("np")], help: "Number of processes (MPI ranks).")
    var processes: Int
    @Option(name: .long, help: "mpirun's hostfile (one line per machine: <name> slots=<processes on it>).")
    var hostfile: String?
    @Option(name: .long, help: "Threads per process (passed as --set system.num_threads=T); default: system.num_threads, fitted to the cores each process may use.")
    var threadsPerRank: Int?
    @Option(name: .customLong("mpirun-arg"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("One more argument for mpirun (repeatable), e.g. --mpirun-arg=--oversubscribe.", valueName: "arg"))
    var mpirunArguments: [String] = []
    @Option(name: .long, help: "The mpirun program (default: mpirun on PATH).")
    var mpirun: String?
    @Argument(parsing: .postTerminator, help: ArgumentHelp("After --: the command every process runs (train and its options).", valueName: "command"))
    var command: [String] = []

    func validate() throws {
        guard processes >= 1 else { throw ValidationError("-np needs at least 1 process, got \(processes)") }
        if let threadsPerRank, threadsPerRank < 1 { throw ValidationError("--threads-per-rank needs at least 1, got \(threadsPerRank)") }
        guard command.first == "train" else {
            throw ValidationError("after -- comes the command every process runs: train ... (got '\(command.joined(separator: " "))')")
        }
    }

    func run() throws {
        let program = try Launch.locate(mpirun)
        var arguments = ["-np", "\(processes)"]
        if let hostfile { arguments += ["--hostfile", hostfile] }
        arguments += mpirunArguments + [try Launch.selfPath()] + command
        if let threadsPerRank { arguments += ["--set", "system.num_threads=\(threadsPerRank)"] }
        LaunchSignals.install()
        let line = "launch: \(([program] + arguments).joined(separator: " "))\n"
            + "launch: Ctrl-C stops every process at the next optimizer step with one checkpoint; a second Ctrl-C kills them\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
        let pid = try Launch.spawn(program, arguments)
        LaunchSignals.started(pid)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw RuntimeError.io(path: program, problem: "waitpid failed: \(String(cString: strerror(errno)))") }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG (macros Swift does not import).
        let code = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        if code != 0 { throw ExitCode(code) }
    }

    /// `explicit`, else `mpirun` on PATH; a missing one is an error that says what to install.
    static func locate(_ explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let explicit {
            guard FileManager.default.isExecutableFile(atPath: explicit) else {
                throw RuntimeError.io(path: explicit, problem: "is not an executable file (--mpirun)")
            }
            return explicit
        }
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = "\(dir)/mpirun"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw RuntimeError.io(path: "mpirun", problem: "not found on PATH (\(path)); install Open MPI (apt-get install openmpi-bin libopenmpi-dev) or name it with --mpirun")
    }

    /// This executable's absolute path (every rank runs the same binary).
    static func selfPath() throws -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { throw RuntimeError.io(path: "/proc/self/exe", problem: "cannot be read: \(String(cString: strerror(errno)))") }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Starts `program arguments` in a new process group, stdin /dev/null, default signal actions.
    static func spawn(_ program: String, _ arguments: [String]) throws -> pid_t {
        var attributes = posix_spawnattr_t(), actions = posix_spawn_file_actions_t()
        posix_spawnattr_init(&attributes); posix_spawn_file_actions_init(&actions)
        defer { posix_spawnattr_destroy(&attributes); posix_spawn_file_actions_destroy(&actions) }
        var defaults = sigset_t(), none = sigset_t()
        sigemptyset(&defaults); sigemptyset(&none)
        for s in LaunchSignals.signals + [SIGPIPE] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, program, &actions, &attributes, argv, environ)
        guard rc == 0 else { throw RuntimeError.io(path: program, problem: "cannot be started: \(String(cString: strerror(rc)))") }
        return pid
    }
}

/// The launcher's signal handling: the first stop signal asks mpirun for the agreed stop (SIGUSR1,
/// which it forwards to every rank), a second one for its hard kill (SIGTERM).
enum LaunchSignals {
    static let signals = [SIGINT, SIGTERM, SIGHUP, SIGUSR1]
    static let child = Atomic<Int32>(0)
    static let received = Atomic<Int>(0)

    static func install() {
        signal(SIGPIPE, SIG_IGN)
        for s in signals {
            signal(s) { _ in
                let n = LaunchSignals.received.add(1, ordering: .relaxed).newValue
                let pid = LaunchSignals.child.load(ordering: .relaxed)
                if pid > 0 { LaunchSignals.forward(count: n, to: pid) }
            }
        }
    }

    /// mpirun runs: a signal that came before it started is passed on now.
    static func started(_ pid: pid_t) {
        child.store(pid, ordering: .relaxed)
        let n = received.load(ordering: .relaxed)
        if n > 0 { forward(count: n, to: pid) }
    }

    /// The stop signals already passed on (each of the first two once, whichever caller comes first).
    static let forwarded = Atomic<Int>(0)

    /// Passes on the stops `count` signals ask for and have not been passed on. Async-signal-safe: atomics, kill, write.
    static func forward(count: Int, to pid: pid_t) {
        var done = forwarded.load(ordering: .relaxed)
        while done < min(count, 2) {
            let (exchanged, original) = forwarded.compareExchange(expected: done, desired: min(count, 2), ordering: .relaxed)
            if exchanged { break }
            done = original
        }
        guard done < min(count, 2) else { return }
        if done < 1 {
            kill(pid, SIGUSR1)
            say("\nlaunch: stopping every process at the next optimizer step to write a checkpoint (Ctrl-C again to kill them now)\n")
        }
        if count >= 2 {
            kill(pid, SIGTERM)
            say("\nlaunch: killing the processes (mpirun's SIGTERM); the last checkpoint stays\n")
        }
    }

    private static func say(_ message: StaticString) { _ = write(2, message.utf8Start, message.utf8CodeUnitCount) }
}
