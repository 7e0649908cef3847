import Foundation
import Formats

/// `<run>/process.json`: the last child the server started for a run (training or resume), so a
/// restarted server knows its PID and how it ended. Written by the server only, atomically.
struct ProcessRecord: Codable, Sendable {
    static let fileName = "process.json"

    /// "train" (a fresh run) or "resume".
    var command: String
    var pid: Int32
    var arguments: [String]
    var startedAt: String
    var stopRequestedAt: String?
    var endedAt: String?
    /// Exit status, or 128 + signal number (130: stopped on request with a checkpoint).
    var exitCode: Int32?

    enum CodingKeys: String, CodingKey {
        case command, pid, arguments
        case startedAt = "started_at", stopRequestedAt = "stop_requested_at", endedAt = "ended_at", exitCode = "exit_code"
    }

    static func read(run: URL) -> ProcessRecord? {
        guard let data = FileManager.default.contents(atPath: run.appendingPathComponent(fileName).path) else { return nil }
        return try? JSONDecoder().decode(ProcessRecord.self, from: data)
    }

    func write(run: URL) throws {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(try e.encode(self), to: run.appendingPathComponent(Self.fileName).path)
    }

    static func now() -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: Date())
    }
}
