import Foundation
import Formats
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A run's TensorBoard event files: `tensorboard --logdir <logs_dir>/tensorboard` shows one
/// TensorBoard run per training run.
///
/// Each process start writes a new file `<logs_dir>/tensorboard/<run id>/events.out.tfevents.<unix
/// time>.<host>.<pid>.<run id's last 8 characters>` (`.2`, `.3`, ... appended if that name is
/// taken; created exclusively: nothing existing is opened or overwritten); a resumed run has the
/// same run id, so its files share the folder and TensorBoard joins them. Every record's step is
/// the run's optimizer step (one x axis for every chart; an epoch's records are at its last step).
/// Records (TFRecord framing, `TensorBoardEvent`):
///
/// | when | tags |
/// | --- | --- |
/// | every optimizer step | `train/loss_running` (the epoch's mean loss so far), `train/lr`, `train/images_per_sec` |
/// | every epoch (after validation) | `val/loss` (NLL), `val/<metric>` for each metric defined on the data, `val/threshold`, `train/loss_epoch`, `epoch/epoch`, `epoch/phase`, `epoch/lr`, `epoch/seconds`, `epoch/images_per_sec` |
/// | the first step of a phase, and of a resumed process | text `phase` |
///
/// Resuming. A resumed process's first record is a `SessionLog.START` at its first optimizer step:
/// a run that died after its last checkpoint (a crash, `kill -9`) repeats the steps it did since,
/// and TensorBoard (its default data server, and the Python `EventAccumulator`) then drops the
/// earlier files' points from that step on, so each step shows once (Ctrl-C checkpoints at the step
/// it stops at: nothing repeats).
///
/// Writing never stops the run: the first failure (creating the file, a full disk) is said once as
/// a warning, and this process writes no more events (a record after a torn one would be unreadable).
/// Each record is one `write(2)`; the file is fsynced after each epoch.
public final class TensorBoardLog {
    /// The events file; nil when it could not be created.
    public private(set) var file: URL?
    /// The first write error, if any.
    public private(set) var firstError: Error?
    /// The name written into the file header's `source_metadata.writer`.
    public static let writerName = "breastai-run"

    private var writer: TFRecordWriter?
    private let clock: () -> Date
    private let say: (String) -> Void
    private let lock = NSLock()
    private var lastPhase = 0
    /// The last optimizer step recorded (an epoch's records go there); 0 before the first.
    private var lastStep = 0

    /// Creates the run's folder and events file and writes the header record; `say` receives the
    /// one warning if anything fails.
    public convenience init(logsDirectory: URL, runID: String, say: @escaping (String) -> Void,
                            clock: @escaping () -> Date = Date.init, host: String = TensorBoardLog.hostName(),
                            pid: Int32 = getpid()) {
        let folder = Self.folder(logsDirectory: logsDirectory, runID: runID)
        let now = clock()
        let name = Self.fileName(time: now, host: host, pid: pid, runID: runID)
        do {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw RuntimeError.io(path: folder.path, problem: "cannot create the TensorBoard folder: \(error.localizedDescription)")
            }
            // A second log of the same process in the same second (a run resumed in-process) gets `.2`, `.3`, ...
            let free = ([name] + (2 ... 99).map { "\(name).\($0)" }).first {
                !FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
            } ?? name
            let url = folder.appendingPathComponent(free)
            self.init(writer: .success(try TFRecordWriter(creating: url.path)), file: url, wallTime: now, say: say, clock: clock)
        } catch {
            self.init(writer: .failure(error), file: nil, wallTime: now, say: say, clock: clock)
        }
    }

    /// Writes the header to `writer`, or warns of its failure.
    init(writer: Result<TFRecordWriter, Error>, file: URL?, wallTime: Date, say: @escaping (String) -> Void,
         clock: @escaping () -> Date) {
        self.clock = clock
        self.say = say
        self.file = file
        do {
            let writer = try writer.get()
            self.writer = writer
            try writer.write(TensorBoardEvent.header(wallTime: wallTime.timeIntervalSince1970, writer: Self.writerName).encoded())
        } catch {
            fail(error)
        }
    }

    /// The folder of a run's event files: the run id, with any character but letters, digits, `-`
    /// and `_` replaced by `_` (a run id read from a checkpoint cannot leave `tensorboard/`).
    public static func folder(logsDirectory: URL, runID: String) -> URL {
        let safe = String(runID.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "_" })
        return logsDirectory.appendingPathComponent("tensorboard").appendingPathComponent(safe.isEmpty ? "_" : safe)
    }

    /// `events.out.tfevents.<unix seconds, 10 digits>.<host>.<pid>.<run id's last 8 characters>`
    /// (TensorBoard reads every file whose name contains `tfevents`).
    public static func fileName(time: Date, host: String, pid: Int32, runID: String) -> String {
        let seconds = String(format: "%010lld", Int64(time.timeIntervalSince1970.rounded(.down)))
        func safe(_ text: some StringProtocol) -> String {
            String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "_" })
        }
        let safeHost = safe(host)
        return "events.out.tfevents.\(seconds).\(safeHost.isEmpty ? "localhost" : safeHost).\(pid).\(safe(runID.suffix(8)))"
    }

    /// The machine's name (gethostname(2); no DNS lookup).
    public static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Makes `trainer` report its steps and epochs here, after any observer already installed.
    public func install(on trainer: Trainer) {
        let previousStep = trainer.onStep, previousEpoch = trainer.onEpoch
        trainer.onStep = { [self] event in previousStep?(event); step(event) }
        trainer.onEpoch = { [self] record in previousEpoch?(record); epoch(record) }
    }

    /// The records of one optimizer step (after a restart marker at the first step of a resumed
    /// process, and the phase text at the first step of a phase or of a resumed process).
    public func step(_ e: Trainer.StepEvent) {
        let (startsPhase, firstInProcess) = lock.withLock {
            defer { lastPhase = e.phase; lastStep = e.optimizerStep }
            return (e.phase != lastPhase, lastStep == 0)
        }
        let step = Int64(e.optimizerStep)
        let resumed = firstInProcess && e.optimizerStep > 1
        if resumed { write(.sessionStart, step: step) }
        if startsPhase {
            let lr = String(format: "%.3g", e.lr)
            let text = resumed
                ? "Resumed in phase \(e.phase) at epoch \(e.epoch) of \(e.epochs), batch \(e.batch) of \(e.batchesPerEpoch); optimizer step \(e.optimizerStep), LR \(lr)"
                : "Phase \(e.phase) starts at epoch \(e.epoch) of \(e.epochs); optimizer step \(e.optimizerStep), LR \(lr)"
            write(.summary([.text("phase", text)]), step: step)
        }
        var values: [TensorBoardEvent.Value] = [.scalar("train/loss_running", Float(e.loss)), .scalar("train/lr", Float(e.lr))]
        if let rate = e.imagesPerSecond { values.append(.scalar("train/images_per_sec", Float(rate))) }
        write(.summary(values), step: step)
    }

    /// The records of one epoch's validation (at the epoch's last optimizer step), then fsync.
    public func epoch(_ r: EpochRecord) {
        write(.summary(Self.values(of: r)), step: Int64(lock.withLock { lastStep }))
        lock.withLock {
            guard let writer else { return }
            do { try writer.sync() } catch { failLocked(error) }
        }
    }

    /// An epoch record's scalars, in a fixed order (metrics by name).
    static func values(of r: EpochRecord) -> [TensorBoardEvent.Value] {
        var values: [TensorBoardEvent.Value] = []
        if let nll = r.nll { values.append(.scalar("val/loss", Float(nll))) }
        for (name, value) in r.metrics.sorted(by: { $0.key < $1.key }) { values.append(.scalar("val/\(name)", Float(value))) }
        values.append(.scalar("val/threshold", Float(r.threshold)))
        if let loss = r.trainLoss { values.append(.scalar("train/loss_epoch", Float(loss))) }
        values.append(.scalar("epoch/epoch", Float(r.epoch)))
        values.append(.scalar("epoch/phase", Float(r.phase)))
        values.append(.scalar("epoch/lr", Float(r.lr)))
        values.append(.scalar("epoch/seconds", Float(r.epochSeconds)))
        if let rate = r.imagesPerSecond { values.append(.scalar("epoch/images_per_sec", Float(rate))) }
        return values
    }

    /// Closes the file; later records are not written.
    public func close() {
        lock.withLock { writer?.close(); writer = nil }
    }

    // MARK: - Failures

    private func write(_ content: TensorBoardEvent.Content, step: Int64) {
        let record = TensorBoardEvent(wallTime: clock().timeIntervalSince1970, step: step, content: content).encoded()
        lock.withLock {
            guard let writer else { return }
            do { try writer.write(record) } catch { failLocked(error) }
        }
    }

    private func fail(_ error: Error) {
        lock.withLock { failLocked(error) }
    }

    /// Keeps the first error, warns once, and stops writing (the lock is held).
    private func failLocked(_ error: Error) {
        writer?.close()
        writer = nil
        guard firstError == nil else { return }
        firstError = error
        say("warning: TensorBoard events are not written from here on: \(error) (training continues; training.log, metrics.jsonl and checkpoints are not affected)")
    }
}
