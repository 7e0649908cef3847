import Foundation
import Formats
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One compact JSON line per optimizer step: `logs/steps.jsonl`, the per-step loss and LR charts.
///
/// ```
/// {"batch":4,"epoch":1,"loss":1.0871,"lr":0.0003,"phase":1,"run_id":"...","step":2,"step_loss":1.0412,"t":1796500000.125}
/// ```
/// `loss` is the mean training loss of the epoch so far (as the progress line), `step_loss` the
/// mean loss of this step's own micro-batches (its accumulation group), `t` Unix seconds.
/// Each line is one `write(2)` to an `O_APPEND` descriptor, not fsynced (cheap; a crash may lose the
/// last lines, which the checkpoint does not hold either). A writer trims a torn last line when it
/// opens the file; `read` skips lines that are not whole records. A resumed run first drops its own
/// records after the resumed optimizer step (`truncate(afterStep:)`), so a step appears once even
/// when the process died after logging steps its last checkpoint does not hold. Other runs' lines
/// are never touched. Safe to use from several threads.
public final class StepLog {
    /// One line of `steps.jsonl`.
    public struct Record: Codable, Equatable, Sendable {
        public var runID: String
        public var step: Int
        public var epoch: Int
        public var phase: Int
        /// Micro-batches done in the epoch.
        public var batch: Int
        /// The epoch's mean so far.
        public var loss: Double
        /// This step's micro-batches' mean (nil in records of observers that do not know it).
        public var stepLoss: Double?
        public var lr: Double
        public var t: Double

        enum CodingKeys: String, CodingKey {
            case runID = "run_id", step, epoch, phase, batch, loss, stepLoss = "step_loss", lr, t
        }
    }

    public static let fileName = "steps.jsonl"
    /// How every record starts (sorted keys): a file that does not is not ours.
    static let recordPrefix = Data(#"{"batch":"#.utf8)
    public let url: URL
    public let runID: String
    private let now: () -> Date
    private let warn: (String) -> Void
    private var warned = false
    private var fd: Int32 = -1
    private let lock = NSLock()

    /// Opens `logsDirectory/steps.jsonl` for appending (created when absent), trimming a torn last
    /// line; `warn` receives the first failed append (appends never stop the run).
    public init(logsDirectory: URL, runID: String, now: @escaping () -> Date = Date.init,
                warn: @escaping (String) -> Void) throws {
        url = logsDirectory.appendingPathComponent(Self.fileName)
        self.runID = runID
        self.now = now
        self.warn = warn
        let contents = try? Data(contentsOf: url)
        if let contents, !contents.isEmpty, !contents.starts(with: Self.recordPrefix) {
            // Not a step log (every record starts the same way): a file of someone else's, left as it is.
            warned = true
            warn("warning: \(url.path) is not a BreastAI step log; it is left as it is and this run's steps are not logged there")
            return
        }
        if let contents, let last = contents.last, last != UInt8(ascii: "\n") {
            let keep = contents.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            try AtomicFile.write(contents.prefix(keep), to: url.path)
        }
        fd = try Self.openAppend(url)
    }

    deinit { close() }

    /// Appends the record of optimizer step `e.optimizerStep`.
    public func append(_ e: Trainer.StepEvent) {
        let record = Record(runID: runID, step: e.optimizerStep, epoch: e.epoch, phase: e.phase, batch: e.batch,
                            loss: e.loss, stepLoss: e.stepLoss, lr: e.lr, t: (now().timeIntervalSince1970 * 1000).rounded() / 1000)
        lock.withLock {
            do {
                guard fd >= 0 else { throw RuntimeError.io(path: url.path, problem: "the step log is closed") }
                try AtomicFile.writeAll(fd, Self.line(record), path: url.path)
            } catch {
                guard !warned else { return }
                warned = true
                warn("warning: \(error) (steps.jsonl misses steps from \(record.step) on)")
            }
        }
    }

    /// Rewrites the file atomically without this run's records of steps above `step`; other runs'
    /// records and lines that are not records are kept. Nothing is written when nothing is dropped.
    /// Returns the number of records dropped.
    @discardableResult
    public func truncate(afterStep step: Int) throws -> Int {
        try lock.withLock {
            guard fd >= 0, let contents = try? Data(contentsOf: url) else { return 0 }
            var kept = Data(), dropped = 0
            for line in contents.split(separator: UInt8(ascii: "\n")) {
                if let r = try? JSONDecoder().decode(Record.self, from: Data(line)), r.runID == runID, r.step > step {
                    dropped += 1
                    continue
                }
                kept.append(contentsOf: line)
                kept.append(UInt8(ascii: "\n"))
            }
            guard dropped > 0 else { return 0 }
            try AtomicFile.write(kept, to: url.path)
            if fd >= 0 { _ = systemClose(fd) }
            fd = try Self.openAppend(url)
            return dropped
        }
    }

    /// Closes the file; later appends are dropped (and said once).
    public func close() {
        lock.withLock {
            if fd >= 0 { _ = systemClose(fd) }
            fd = -1
        }
    }

    /// The records of `url` (of run `runID`, or all), in file order; lines that are not whole
    /// records (a torn last line of a live run) are skipped. An absent file has none.
    public static func read(_ url: URL, runID: String? = nil) -> [Record] {
        guard let contents = try? Data(contentsOf: url) else { return [] }
        let decoder = JSONDecoder()
        return contents.split(separator: UInt8(ascii: "\n")).compactMap { line in
            guard let r = try? decoder.decode(Record.self, from: Data(line)) else { return nil }
            return runID == nil || r.runID == runID ? r : nil
        }
    }

    /// `record` as compact JSON with sorted keys and a newline.
    static func line(_ record: Record) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        var data = try encoder.encode(record)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    private static func openAppend(_ url: URL) throws -> Int32 {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw RuntimeError.io(path: url.path, problem: "cannot open for appending: \(String(cString: strerror(errno)))") }
        return fd
    }
}

/// close(2) under a name no method shadows.
private func systemClose(_ fd: Int32) -> Int32 { close(fd) }
