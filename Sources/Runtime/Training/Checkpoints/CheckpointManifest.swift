import Foundation
import Formats

/// `manifest.json` of a checkpoint: the run it belongs to and each file's size and SHA-256.
///
/// It is written last inside the temporary folder, after every file has been fsynced, so a
/// checkpoint folder whose manifest is there and whose sizes match is complete; `load` also
/// checks the hashes, so a damaged file is reported, never loaded. `best` is the run's best
/// checkpoint when this one was saved: recovery points the `best` link by it.
public struct CheckpointManifest: Codable, Equatable, Sendable {
    public static let fileName = "manifest.json"
    public static let currentFormat = 1

    /// One file of the checkpoint.
    public struct Entry: Codable, Equatable, Sendable {
        public var size: Int
        public var sha256: String
    }

    public var format: Int
    public var runID: String
    public var name: String
    public var best: String?
    public var files: [String: Entry]

    enum CodingKeys: String, CodingKey {
        case format, runID = "run_id", name, best, files
    }

    /// The manifest of `files` (file name → contents).
    init(runID: String, name: String, best: String?, files: [(String, Data)]) {
        self.format = Self.currentFormat
        self.runID = runID; self.name = name; self.best = best
        self.files = Dictionary(uniqueKeysWithValues: files.map { ($0.0, Entry(size: $0.1.count, sha256: SHA256.hex($0.1))) })
    }

    /// Pretty JSON with sorted keys (the same manifest gives the same bytes).
    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return (try? encoder.encode(self)) ?? Data()
    }

    /// Parses `data`, read from `path`; throws `.io` naming it when it is not a manifest of a known format.
    static func decode(_ data: Data, path: String) throws -> CheckpointManifest {
        let manifest: CheckpointManifest
        do { manifest = try JSONDecoder().decode(CheckpointManifest.self, from: data) } catch {
            throw RuntimeError.io(path: path, problem: "not a checkpoint manifest (\(error.localizedDescription))")
        }
        guard manifest.format == currentFormat else {
            throw RuntimeError.io(path: path, problem: "checkpoint manifest format \(manifest.format); this program reads format \(currentFormat)")
        }
        return manifest
    }

    /// Throws `.io` naming the file of `directory` whose contents `data` do not match this manifest.
    func verify(_ file: String, _ data: Data, in directory: URL) throws {
        let path = directory.appendingPathComponent(file).path
        guard let entry = files[file] else { throw RuntimeError.io(path: path, problem: "not listed in the checkpoint's manifest") }
        guard entry.size == data.count else {
            throw RuntimeError.io(path: path, problem: "damaged checkpoint file: \(data.count) bytes, the manifest says \(entry.size)")
        }
        let hash = SHA256.hex(data)
        guard hash == entry.sha256 else {
            throw RuntimeError.io(path: path, problem: "damaged checkpoint file: SHA-256 \(hash.prefix(16))…, the manifest says \(entry.sha256.prefix(16))…")
        }
    }
}

/// `run.json` of a checkpoint folder: which run owns it.
public struct RunIdentity: Codable, Equatable, Sendable {
    public var runID: String
    /// ISO 8601, UTC.
    public var created: String
    public var format: Int

    enum CodingKeys: String, CodingKey {
        case runID = "run_id", created, format
    }

    public init(runID: String, created: Date = Date()) {
        self.runID = runID
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        self.created = formatter.string(from: created)
        self.format = 1
    }

    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return (try? encoder.encode(self)) ?? Data()
    }

    static func decode(_ data: Data, path: String) throws -> RunIdentity {
        do { return try JSONDecoder().decode(RunIdentity.self, from: data) } catch {
            throw RuntimeError.io(path: path, problem: "not a run identity file (expected {\"run_id\": ..., \"created\": ..., \"format\": 1}): \(error.localizedDescription)")
        }
    }
}
