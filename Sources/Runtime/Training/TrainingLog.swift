import Foundation
import Formats
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A run's logs: human lines in `training.log`, one JSON object per line in `metrics.jsonl`.
///
/// Both files are opened for appending (created when absent), so a resumed run continues them.
/// Every record is one `write(2)` of a whole line to an `O_APPEND` descriptor: a crash can cut
/// at most the last line short, and `init` trims such a tail from `metrics.jsonl` (and ends a cut
/// `training.log` line) so later lines stay whole. `metrics` records are fsynced; log lines are not.
/// The JSON of `metrics` has no newlines (compact; strings escape them), so a line is a record.
///
/// Run identity. A log folder may hold the lines of several runs (a fresh run appends, it never
/// rewrites another run's lines): with a `runID`, every `training.log` line carries `[run <id>]`
/// and every `metrics.jsonl` record a `"run_id"` key, and `truncateMetrics` drops only this run's
/// records. Readers (the training curves) select one run's records.
/// Safe to use from several threads.
public final class TrainingLog {
    /// Where `line` also prints its text.
    public enum Echo: Sendable { case none, standardOutput, standardError }

    public let directory: URL
    public var logURL: URL { directory.appendingPathComponent("training.log") }
    public var metricsURL: URL { directory.appendingPathComponent("metrics.jsonl") }

    /// The run whose lines these are (nil: unlabelled lines, as before run ids).
    public let runID: String?
    private let echo: Echo
    private let clock: () -> Date
    private let formatter = ISO8601DateFormatter()
    private let lock = NSLock()
    private var logFD: Int32 = -1
    private var metricsFD: Int32 = -1
    /// The first error writing training.log, if any (`line` does not throw).
    public private(set) var firstError: Error?

    /// Creates `directory` if needed and opens both files for appending; `clock` stamps the lines.
    public init(directory: URL, runID: String? = nil, echo: Echo = .standardError,
                clock: @escaping () -> Date = Date.init) throws {
        self.directory = directory
        self.runID = runID
        self.echo = echo
        self.clock = clock
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw RuntimeError.io(path: directory.path, problem: "cannot create the log directory: \(error.localizedDescription)")
        }
        try Self.repairTail(metricsURL, dropPartial: true)
        try Self.repairTail(logURL, dropPartial: false)
        logFD = try Self.openAppend(logURL)
        metricsFD = try Self.openAppend(metricsURL)
    }

    deinit { close() }

    /// Appends `2025-01-02T03:04:05.678Z text` to training.log and echoes it (clearing any progress
    /// line on a terminal). Never throws: the first failure is kept in `firstError` and reported on stderr.
    public func line(_ text: String) {
        let stamped = formatter.string(from: clock()) + (runID.map { " [run \($0)]" } ?? "") + " " + text + "\n"
        lock.withLock {
            do {
                guard logFD >= 0 else { throw RuntimeError.io(path: logURL.path, problem: "the log is closed") }
                try Self.writeAll(logFD, Data(stamped.utf8), logURL)
            } catch {
                if firstError == nil {
                    firstError = error
                    try? Self.writeAll(STDERR_FILENO, Data("warning: \(error)\n".utf8), logURL)
                }
            }
        }
        let fd: Int32
        switch echo {
        case .none: return
        case .standardOutput: fd = STDOUT_FILENO
        case .standardError: fd = STDERR_FILENO
        }
        let prefix = isatty(fd) == 1 ? "\r\u{1B}[K" : ""
        try? Self.writeAll(fd, Data((prefix + stamped).utf8), logURL)
    }

    /// Appends `object` as one line of compact JSON with sorted keys, then fsyncs.
    /// Non-finite numbers (a diverged loss) are written as the strings "nan", "inf", "-inf".
    public func metrics(_ object: [String: Any]) throws {
        var clean = Self.sanitize(object)
        if let runID { clean["run_id"] = runID }
        guard JSONSerialization.isValidJSONObject(clean) else {
            throw RuntimeError.io(path: metricsURL.path, problem: "metrics record is not representable as JSON: \(object)")
        }
        try append(try JSONSerialization.data(withJSONObject: clean, options: [.sortedKeys, .withoutEscapingSlashes]))
    }

    /// Appends `value` (which must encode as a JSON object) as one line with sorted keys, then
    /// fsyncs; non-finite numbers as in `metrics(_:)` above.
    public func metrics<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let data: Data
        do { data = try encoder.encode(value) } catch {
            throw RuntimeError.io(path: metricsURL.path, problem: "cannot encode a metrics record: \(error)")
        }
        guard data.first == UInt8(ascii: "{") else {
            throw RuntimeError.io(path: metricsURL.path, problem: "a metrics record must be a JSON object, got \(String(decoding: data, as: UTF8.self))")
        }
        guard let runID else { return try append(data) }
        // The run id joins the record's keys (sorted like the rest).
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw RuntimeError.io(path: metricsURL.path, problem: "cannot re-read an encoded metrics record")
        }
        var labelled = object
        labelled["run_id"] = runID
        try append(try JSONSerialization.data(withJSONObject: labelled, options: [.sortedKeys, .withoutEscapingSlashes]))
    }

    /// Rewrites metrics.jsonl atomically without this run's records whose `epoch` is above `epoch`
    /// (for resuming: the epochs about to be trained again). Other runs' records, records without
    /// an `epoch` and lines that are not JSON are kept as they are; nothing is written when
    /// nothing is dropped. Without a `runID` only unlabelled records are candidates.
    public func truncateMetrics(keepingEpochsThrough epoch: Int) throws {
        try lock.withLock {
            let contents: Data
            do { contents = try Data(contentsOf: metricsURL) } catch {
                throw RuntimeError.io(path: metricsURL.path, problem: "cannot read: \(error.localizedDescription)")
            }
            var kept = Data(), dropped = 0
            for line in contents.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast() {
                if let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any],
                   object["run_id"] as? String == runID,
                   let value = object["epoch"], let number = Self.number(value), number > Double(epoch) {
                    dropped += 1
                    continue
                }
                kept.append(contentsOf: line)
                kept.append(UInt8(ascii: "\n"))
            }
            guard dropped > 0 else { return }
            try AtomicFile.write(kept, to: metricsURL.path)
            if metricsFD >= 0 { _ = systemClose(metricsFD) }
            metricsFD = try Self.openAppend(metricsURL)
        }
    }

    /// Closes both files; later writes throw.
    public func close() {
        lock.withLock {
            for fd in [logFD, metricsFD] where fd >= 0 { _ = systemClose(fd) }
            logFD = -1
            metricsFD = -1
        }
    }

    // MARK: - Helpers

    /// Writes `json` plus a newline in one call and fsyncs.
    private func append(_ json: Data) throws {
        var line = json
        line.append(UInt8(ascii: "\n"))
        try lock.withLock {
            guard metricsFD >= 0 else { throw RuntimeError.io(path: metricsURL.path, problem: "the log is closed") }
            try Self.writeAll(metricsFD, line, metricsURL)
            guard fsync(metricsFD) == 0 else {
                throw RuntimeError.io(path: metricsURL.path, problem: "cannot fsync: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// A number as Double (JSON numbers decode as Int or Double, Bool is not a number).
    private static func number(_ value: Any) -> Double? {
        // JSONSerialization gives NSNumber (on Linux `is Bool` holds for 0 and 1 too, so no Bool test).
        if let v = value as? NSNumber { return v.doubleValue }
        return nil
    }

    /// `value` with non-finite Double and Float replaced by "nan", "inf" or "-inf", recursively.
    private static func sanitize(_ value: [String: Any]) -> [String: Any] {
        value.mapValues(sanitizeValue)
    }

    private static func sanitizeValue(_ value: Any) -> Any {
        switch value {
        case let v as Double: return v.isFinite ? v : v.isNaN ? "nan" : v > 0 ? "inf" : "-inf"
        case let v as Float: return v.isFinite ? v : sanitizeValue(Double(v))
        case let v as [String: Any]: return sanitize(v)
        case let v as [Any]: return v.map(sanitizeValue)
        default: return value
        }
    }

    /// Cuts a file's unterminated last line (`dropPartial`) or terminates it, so appends start a new line.
    private static func repairTail(_ url: URL, dropPartial: Bool) throws {
        guard let contents = try? Data(contentsOf: url), let last = contents.last, last != UInt8(ascii: "\n") else { return }
        if dropPartial {
            let keep = contents.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            try AtomicFile.write(contents.prefix(keep), to: url.path)
        } else {
            let fd = try openAppend(url)
            defer { _ = systemClose(fd) }
            try writeAll(fd, Data("\n".utf8), url)
        }
    }

    private static func openAppend(_ url: URL) throws -> Int32 {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw RuntimeError.io(path: url.path, problem: "cannot open for appending: \(String(cString: strerror(errno)))") }
        return fd
    }

    /// One `write(2)` of all of `data` (looping only if the system writes less, e.g. a full disk).
    static func writeAll(_ fd: Int32, _ data: Data, _ url: URL) throws {
        try AtomicFile.writeAll(fd, data, path: url.path)
    }
}

/// close(2) under a name no method shadows.
private func systemClose(_ fd: Int32) -> Int32 { close(fd) }
