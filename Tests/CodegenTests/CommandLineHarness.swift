import Foundation
import XCTest
import Formats

/// Runs the built `breastai-run` as a user does: a child process in a working folder, its output
/// captured. `swift build` / `swift test` build it next to the test bundle.
enum CommandLineHarness {
    struct Result {
        var status: Int32
        var output: String
        var succeeded: Bool { status == 0 }
    }

    /// The `breastai-run` executable of this build; fails the test (never skips) when it is missing.
    static func executable() throws -> URL {
        let candidates = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
            + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        for dir in candidates {
            let url = dir.appendingPathComponent("breastai-run")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        XCTFail("breastai-run is not built next to the tests (looked in \(candidates.map(\.path))); run swift build first")
        throw RuntimeError.io(path: candidates[0].path, problem: "no breastai-run")
    }

    /// Starts `breastai-run arguments` in `directory` (with `environment` added to this process's);
    /// stdout and stderr go to one file.
    static func start(_ arguments: [String], in directory: URL, outputTo log: URL, environment: [String: String] = [:]) throws -> Process {
        let p = Process()
        p.executableURL = try executable()
        p.arguments = arguments
        p.currentDirectoryURL = directory
        if !environment.isEmpty { p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        try Data().write(to: log)
        let handle = try FileHandle(forWritingTo: log)
        p.standardOutput = handle
        p.standardError = handle
        try p.run()
        return p
    }

    /// Runs `breastai-run arguments` in `directory` to the end (killed after `timeout` seconds).
    @discardableResult
    static func run(_ arguments: [String], in directory: URL, timeout: TimeInterval = 600, environment: [String: String] = [:]) throws -> Result {
        let log = directory.appendingPathComponent(".cli-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: log) }
        let p = try start(arguments, in: directory, outputTo: log, environment: environment)
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(20_000) }
        if p.isRunning { p.terminate(); p.waitUntilExit(); XCTFail("timed out: breastai-run \(arguments.joined(separator: " "))") }
        p.waitUntilExit()
        return Result(status: p.terminationStatus, output: (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }

    /// Every regular file under `directory` (relative path) with its bytes, for "nothing changed" checks.
    static func snapshot(_ directory: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        let base = directory.resolvingSymlinksInPath().path
        guard let e = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else { return out }
        for case let url as URL in e {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.resolvingSymlinksInPath().path
            out[String(path.dropFirst(base.count))] = try? Data(contentsOf: url)
        }
        return out
    }
}
