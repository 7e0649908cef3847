import Foundation
import XCTest
import Formats
#if canImport(Glibc)
import Glibc
#endif

/// `breastai-run serve --port 0 --workspace W` as a child process of the test: its URL read from
/// the one `serving http://HOST:PORT/ (workspace W)` line, its output kept for failure reports,
/// and on `stop` it and every process it started (trainings, evaluations) ended.
final class ServeProcess {
    let workspace: URL
    let process: Process
    let outputURL: URL
    /// `http://HOST:PORT/`.
    private(set) var url = ""

    /// Starts the server and waits (at most `timeout` seconds) for its URL line.
    init(workspace: URL, timeout: TimeInterval = 120) throws {
        self.workspace = workspace
        outputURL = workspace.deletingLastPathComponent().appendingPathComponent("\(workspace.lastPathComponent)-serve.out")
        process = try CommandLineHarness.start(["serve", "--port", "0", "--workspace", workspace.path], in: workspace, outputTo: outputURL)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let found = Self.servingURL(in: output) { url = found; return }
            guard process.isRunning else { break }
            usleep(100_000)
        }
        stop()
        throw RuntimeError.io(path: outputURL.path, problem: "breastai-run serve printed no 'serving http://...' line "
                              + (process.isRunning ? "in \(Int(timeout)) s" : "and exited with \(process.terminationStatus)")
                              + "; its output: \(oneLineText(output))")
    }

    /// The URL of the first `serving http://HOST:PORT/ (workspace ...)` line of `text`.
    static func servingURL(in text: String) -> String? {
        for line in text.split(separator: "\n") where line.hasPrefix("serving http://") {
            let words = line.split(separator: " ")
            if words.count >= 2, words[1].hasSuffix("/") { return String(words[1]) }
        }
        return nil
    }

    /// Everything the server printed so far.
    var output: String { (try? String(contentsOf: outputURL, encoding: .utf8)) ?? "" }

    /// Ends the server's children (SIGTERM, SIGKILL after 20 s), then the server; idempotent.
    func stop() {
        let children = Self.descendants(of: process.processIdentifier)
        for pid in children { kill(pid, SIGTERM) }
        if process.isRunning { process.terminate() }
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline && (process.isRunning || children.contains(where: { kill($0, 0) == 0 && !Self.isZombie($0) })) {
            usleep(100_000)
        }
        for pid in children where kill(pid, 0) == 0 { kill(pid, SIGKILL) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// The processes below `root` (children, grandchildren...), from /proc.
    static func descendants(of root: pid_t) -> [pid_t] {
        var parent: [pid_t: pid_t] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = pid_t(name), let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            // "pid (comm) state ppid ...": fields after the command's closing parenthesis.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, let ppid = pid_t(fields[1]) { parent[pid] = ppid }
        }
        var found: [pid_t] = [], frontier = [root]
        while let p = frontier.popLast() {
            let children = parent.filter { $0.value == p }.map(\.key)
            found += children
            frontier += children
        }
        return found
    }

    private static func isZombie(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else { return true }
        return stat[stat.index(after: close)...].split(separator: " ").first == "Z"
    }
}
