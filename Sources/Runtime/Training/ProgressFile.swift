import Foundation
import Formats

/// The live state of a run for its followers (the web page, a shell): `logs/progress.json`.
///
/// One small JSON object, rewritten whole and atomically (`AtomicFile`: temp file, fsync,
/// rename), so a reader sees the old object or the new one, never a mix. It is written at every
/// state change (preparing → compiling → training ⇄ validating → stopped / finished / failed),
/// at every epoch or phase change, at the end, and otherwise at most once every `minInterval`
/// seconds (1 s) while steps go by. Writing never stops the run: the first failure is said once
/// (through `warn`) and later ones are dropped.
///
/// The object (snake_case keys; absent values are `null`):
/// ```
/// {"run_id": "...", "pid": 4242, "state": "training", "activity": "epoch 3/80",
///  "phase": 1, "epoch": 3, "epochs": 80, "epochs_done": 2, "batch": 12, "batches_per_epoch": 40,
///  "optimizer_step": 23, "images_per_second": 9.8, "epoch_eta_seconds": 57.1, "run_eta_seconds": 9120.4,
///  "lr": 0.00012, "train_loss": 0.512, "message": null,
///  "started_at": "2026-12-04T21:00:00.000Z", "updated_at": "2026-12-04T21:03:07.251Z"}
/// ```
/// `train_loss` is the mean training loss of the epoch so far; `epoch_eta_seconds` is the epoch's
/// seconds per micro-batch times the micro-batches left in it, `run_eta_seconds` the same over the
/// whole run (validation not counted). `message` says why a run failed or how it stopped.
/// A process that dies without a word (SIGKILL) leaves its last state: followers check `pid`.
public final class ProgressFile {
    /// What the run is doing.
    public enum State: String, Codable, Sendable, CaseIterable {
        /// Checking the data and filling the image cache (and, with random weights, BatchNorm statistics).
        case preparing
        /// Compiling or loading the artifact.
        case compiling
        case training
        /// Evaluating: the validation split after an epoch, the test split at the end.
        case validating
        /// Interrupted on request; a checkpoint holds the state (resume continues it).
        case stopped
        /// Trained to the end (or stopped early by the early-stopping rule).
        case finished
        case failed
    }

    /// The contents of `progress.json`.
    public struct Snapshot: Codable, Equatable, Sendable {
        public var runID: String
        public var pid: Int32
        public var state: State
        /// A short human description of the current work ("preparing train 120/400", "validation of epoch 3").
        public var activity: String?
        public var phase: Int?
        public var epoch: Int?
        public var epochs: Int
        /// Epochs finished (validated and checkpointed).
        public var epochsDone: Int?
        /// Micro-batches done in `epoch`, of `batchesPerEpoch`.
        public var batch: Int?
        public var batchesPerEpoch: Int?
        public var optimizerStep: Int?
        public var imagesPerSecond: Double?
        public var epochETASeconds: Double?
        public var runETASeconds: Double?
        public var lr: Double?
        public var trainLoss: Double?
        public var message: String?
        public var startedAt: String
        public var updatedAt: String

        enum CodingKeys: String, CodingKey {
            case runID = "run_id", pid, state, activity, phase, epoch, epochs, epochsDone = "epochs_done", batch
            case batchesPerEpoch = "batches_per_epoch", optimizerStep = "optimizer_step"
            case imagesPerSecond = "images_per_second", epochETASeconds = "epoch_eta_seconds"
            case runETASeconds = "run_eta_seconds", lr, trainLoss = "train_loss", message
            case startedAt = "started_at", updatedAt = "updated_at"
        }

        /// Every key is written, absent values as `null` (a reader sees the whole schema).
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(runID, forKey: .runID); try c.encode(pid, forKey: .pid); try c.encode(state, forKey: .state)
            try c.encode(activity, forKey: .activity); try c.encode(phase, forKey: .phase); try c.encode(epoch, forKey: .epoch)
            try c.encode(epochs, forKey: .epochs); try c.encode(epochsDone, forKey: .epochsDone); try c.encode(batch, forKey: .batch)
            try c.encode(batchesPerEpoch, forKey: .batchesPerEpoch); try c.encode(optimizerStep, forKey: .optimizerStep)
            try c.encode(Self.finite(imagesPerSecond), forKey: .imagesPerSecond)
            try c.encode(Self.finite(epochETASeconds), forKey: .epochETASeconds)
            try c.encode(Self.finite(runETASeconds), forKey: .runETASeconds)
            try c.encode(Self.finite(lr), forKey: .lr); try c.encode(Self.finite(trainLoss), forKey: .trainLoss)
            try c.encode(message, forKey: .message); try c.encode(startedAt, forKey: .startedAt)
            try c.encode(updatedAt, forKey: .updatedAt)
        }

        /// JSON has no NaN or infinity: such a value is written as `null`.
        private static func finite(_ x: Double?) -> Double? { x.flatMap { $0.isFinite ? $0 : nil } }
    }

    public static let fileName = "progress.json"
    public let url: URL
    /// Seconds between two writes caused by steps alone.
    public var minInterval = 1.0
    /// The number of files written (tests check the throttle).
    public private(set) var writes = 0

    private var snapshot: Snapshot
    private var lastWrite: Date?
    private let now: () -> Date
    private let warn: (String) -> Void
    private var warned = false
    /// True when the file is another's (see `notReplaceable`): nothing is written.
    private var disabled = false
    private let lock = NSLock()
    private let formatter = ISO8601DateFormatter()

    /// Why an existing file at `url` must not be replaced by run `runID`: it is not a progress file,
    /// or it is the progress of another run whose process is alive. nil: absent, this run's, or a
    /// finished run's last state (training.log and metrics.jsonl keep that run's record).
    static func notReplaceable(_ url: URL, runID: String) -> String? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        guard let other = try? read(url) else { return "is not a BreastAI progress file" }
        guard other.runID != runID else { return nil }
        if other.pid > 0, other.pid != getpid(), kill(other.pid, 0) == 0 || errno == EPERM,
           [.preparing, .compiling, .training, .validating].contains(other.state) {
            return "is the live progress of run \(other.runID) (PID \(other.pid))"
        }
        return nil
    }

    /// A progress file in `logsDirectory` for run `runID` of `epochs` epochs, in state
    /// `preparing` (written at once). `warn` receives the first write failure.
    public init(logsDirectory: URL, runID: String, epochs: Int, now: @escaping () -> Date = Date.init,
                warn: @escaping (String) -> Void) {
        url = logsDirectory.appendingPathComponent(Self.fileName)
        self.now = now
        self.warn = warn
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        let started = formatter.string(from: now())
        snapshot = Snapshot(runID: runID, pid: getpid(), state: .preparing, activity: "checking the data", epochs: epochs,
                            startedAt: started, updatedAt: started)
        if let reason = Self.notReplaceable(url, runID: runID) {
            warned = true
            warn("warning: \(url.path) \(reason); it is left as it is and this run's live progress is not written")
            disabled = true
            return
        }
        lock.withLock { write() }
    }

    /// The current contents (as last set, written or not).
    public var current: Snapshot { lock.withLock { snapshot } }

    /// Enters `state` (with an optional activity and message) and writes at once.
    public func set(_ state: State, activity: String? = nil, message: String? = nil) {
        lock.withLock {
            snapshot.state = state
            if let activity { snapshot.activity = activity }
            snapshot.message = message
            if state != .training { snapshot.epochETASeconds = nil }
            if [.stopped, .finished, .failed].contains(state) { snapshot.runETASeconds = nil }
            write()
        }
    }

    /// The progress bar's news (a label and a count), shown as `activity`; throttled like steps.
    /// Epoch bars are left to `step`, which knows more.
    public func activity(_ label: String, done: Int, total: Int) {
        guard !label.hasPrefix("epoch") else { return }
        lock.withLock {
            snapshot.activity = "\(label) \(done)/\(total)"
            let t = now()
            if done >= total || lastWrite.map({ t.timeIntervalSince($0) >= minInterval }) ?? true { write() }
        }
    }

    /// After an optimizer step: state `training` (or `validating` after the epoch's last step);
    /// written when the state, epoch or phase changes or `minInterval` has passed.
    public func step(_ e: Trainer.StepEvent) {
        lock.withLock {
            let changed = snapshot.epoch != e.epoch || snapshot.phase != e.phase
            let last = e.batch >= e.batchesPerEpoch
            let state: State = last ? .validating : .training
            let stateChanged = snapshot.state != state
            snapshot.state = state
            snapshot.message = nil
            snapshot.activity = last ? "validation of epoch \(e.epoch)" : "epoch \(e.epoch)/\(e.epochs)"
            snapshot.epoch = e.epoch; snapshot.epochs = e.epochs; snapshot.phase = e.phase
            snapshot.epochsDone = e.epoch - 1
            snapshot.batch = e.batch; snapshot.batchesPerEpoch = e.batchesPerEpoch
            snapshot.optimizerStep = e.optimizerStep
            snapshot.imagesPerSecond = e.imagesPerSecond
            snapshot.epochETASeconds = last ? nil : e.epochSeconds / Double(max(1, e.batch)) * Double(e.batchesPerEpoch - e.batch)
            snapshot.runETASeconds = e.runSecondsLeft
            snapshot.lr = e.lr
            snapshot.trainLoss = e.loss
            let t = now()
            if changed || stateChanged || lastWrite.map({ t.timeIntervalSince($0) >= minInterval }) ?? true { write() }
        }
    }

    /// After an epoch's validation and record: the epoch counts as done; written at once.
    public func epochDone(_ record: EpochRecord) {
        lock.withLock {
            snapshot.epochsDone = record.epoch
            snapshot.activity = "checkpoint of epoch \(record.epoch)"
            write()
        }
    }

    /// Reads a progress file; nil when it is absent. A malformed file is an error naming it.
    public static func read(_ url: URL) throws -> Snapshot? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        do { return try JSONDecoder().decode(Snapshot.self, from: data) } catch {
            throw RuntimeError.io(path: url.path, problem: "not a progress file: \(error)")
        }
    }

    /// Writes the snapshot (the caller holds the lock).
    private func write() {
        guard !disabled else { return }
        let t = now()
        snapshot.updatedAt = formatter.string(from: t)
        lastWrite = t
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var data = try encoder.encode(snapshot)
            data.append(UInt8(ascii: "\n"))
            try AtomicFile.write(data, to: url.path)
            writes += 1
        } catch {
            guard !warned else { return }
            warned = true
            warn("warning: \(error) (the live progress file is not updated)")
        }
    }
}
