import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `breastai-run` child: started with posix_spawn in its own session (a Ctrl-C of the server
/// does not reach it, and it outlives a restarted server), the workspace as working folder,
/// standard output and error appended to one file; a thread waits for its end.
enum ChildProcess {
    /// Starts `executable arguments` in `directory` with output appended to `output`; `ended` gets
    /// the exit status (or 128 + signal) on a background thread. Returns the PID.
    static func spawn(executable: String, arguments: [String], directory: URL, output: URL,
                      environment: [String: String] = [:],
                      ended: @escaping @Sendable (Int32) -> Void) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // glibc's posix_spawn_file_actions_addchdir_np (2.29+) is not in the Glibc module's headers.
        typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addchdir_np") else {
            throw APIError(.internalServerError, "posix_spawn_file_actions_addchdir_np: not in this C library (glibc 2.29 or later is needed)")
        }
        let addChdir = unsafeBitCast(symbol, to: AddChdir.self)
        guard addChdir(&actions, directory.path) == 0 else { throw APIError(.internalServerError, "\(directory.path): cannot set as the child's working folder") }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A new session (no controlling terminal, own process group) and default signal handling.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGCHLD] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        // POSIX_SPAWN_SETSID (glibc 0x80) is not imported either.
        let setSID: Int32 = 0x80
        posix_spawnattr_setflags(&attributes, Int16(setSID | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in argv { free(p) }; for p in envp { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard rc == 0 else {
            throw APIError(.internalServerError, "\(executable): cannot start: \(String(cString: strerror(rc)))")
        }
        let child = pid
        Thread.detachNewThread {
            var status: Int32 = 0
            while waitpid(child, &status, 0) < 0 && errno == EINTR {}
            // WIFEXITED / WEXITSTATUS / WTERMSIG by hand (macros are not imported).
            let signal = status & 0x7f
            ended(signal == 0 ? (status >> 8) & 0xff : 128 + signal)
        }
        return child
    }
}
