import Foundation
import Graph
import Formats

/// One image of a batch and the seed of its augmentation.
public struct BatchItem: Sendable, Equatable {
    public let sample: Dataset.Sample
    /// Seeds the item's `SplitMix64`; the only source of randomness in its augmentation.
    public let seed: UInt64
    public init(sample: Dataset.Sample, seed: UInt64) {
        self.sample = sample
        self.seed = seed
    }
}

/// A batch ready for the compiled step: normalised images and labels, padded to the batch size.
public struct Batch: Sendable {
    /// (batch, size, size, 3) NHWC, ImageNet-normalised; padding images are all zeros.
    public var images: [Float]
    /// (batch); padding labels are 0.
    public var labels: [Int32]
    /// How many leading entries are real items; the rest is padding.
    public var valid: Int
    /// The real items, in order (`valid` of them).
    public var items: [BatchItem]
}

/// Loads batches in the background, ahead of compute.
///
/// Per item: `cache.load(url)` (already `imageSize`×`imageSize`), `FloatImage`, the augmentation
/// with `SplitMix64(seed: item.seed)` when there is one, the `view` (a TTA transform) when there is
/// one, then `(x − mean[c]) / std[c]` with the
/// ImageNet mean and std. Workers take items in order but finish in any order; each item's values
/// depend only on its file and seed, so the output is bit-identical for any number of workers.
public final class BatchLoader: Sendable {
    public let cache: ImageCache
    public let imageSize: Int
    public let batchSize: Int
    public let augmentation: Augmentation?
    /// A deterministic transform applied after the augmentation, before normalisation (a TTA view).
    public let view: (@Sendable (FloatImage) -> FloatImage)?
    /// Background threads; 0 loads synchronously inside `next()`.
    public let workers: Int
    /// At most this many batches are loaded beyond the last one `next()` returned.
    public let prefetch: Int

    public init(cache: ImageCache, imageSize: Int, batchSize: Int, augmentation: Augmentation?,
                view: (@Sendable (FloatImage) -> FloatImage)? = nil, workers: Int, prefetch: Int = 2) {
        precondition(imageSize > 0 && batchSize > 0, "image size and batch size must be positive")
        self.cache = cache
        self.imageSize = imageSize
        self.batchSize = batchSize
        self.augmentation = augmentation
        self.view = view
        self.workers = max(0, workers)
        self.prefetch = max(1, prefetch)
    }

    /// Starts loading `batches` (each at most `batchSize` items); read them with `next()`.
    public func start(_ batches: [[BatchItem]]) -> BatchStream {
        for (i, batch) in batches.enumerated() {
            precondition(batch.count <= batchSize, "batch \(i) has \(batch.count) items, more than the batch size \(batchSize)")
        }
        return BatchStream(loader: self, batches: batches)
    }

    /// The augmentation seed of the item at `position` of `epoch`: (runSeed, epoch) and then
    /// position are each mixed through SplitMix64, so neighbouring positions and epochs get
    /// unrelated seeds (and none equals the sampler's stream for the same run seed and epoch).
    public static func itemSeed(runSeed: UInt64, epoch: Int, position: Int) -> UInt64 {
        var perEpoch = RandomDraws.generator(seed: runSeed ^ 0xA5A5_5A5A_C3C3_3C3C,
                                                     stream: UInt64(bitPattern: Int64(epoch)))
        var perItem = RandomDraws.generator(seed: perEpoch.next(), stream: UInt64(bitPattern: Int64(position)))
        return perItem.next()
    }

    /// `items` cut into consecutive batches of `batchSize`; the last may be shorter.
    public static func batches(of items: [BatchItem], batchSize: Int) -> [[BatchItem]] {
        precondition(batchSize > 0, "batch size must be positive")
        return stride(from: 0, to: items.count, by: batchSize).map {
            Array(items[$0 ..< min($0 + batchSize, items.count)])
        }
    }

    /// An empty (all padding) batch for `items`, to be filled with `fill`.
    func emptyBatch(_ items: [BatchItem]) -> Batch {
        var labels = [Int32](repeating: 0, count: batchSize)
        for (i, item) in items.enumerated() { labels[i] = Int32(item.sample.label) }
        return Batch(images: [Float](repeating: 0, count: batchSize * imageValues),
                     labels: labels, valid: items.count, items: items)
    }

    /// Floats of one image: size·size·3.
    var imageValues: Int { imageSize * imageSize * 3 }

    /// Copies one item's values into slot `index` of `batch`.
    func fill(_ batch: inout Batch, index: Int, values: [Float]) {
        batch.images.replaceSubrange(index * imageValues ..< (index + 1) * imageValues, with: values)
    }

    /// One batch, loaded on the calling thread (the first failing item's error is thrown).
    func loadBatch(_ items: [BatchItem]) throws -> Batch {
        var batch = emptyBatch(items)
        for (i, item) in items.enumerated() { fill(&batch, index: i, values: try loadItem(item)) }
        return batch
    }

    /// (size, size, 3) normalised values of one item.
    func loadItem(_ item: BatchItem) throws -> [Float] {
        let image = try cache.load(item.sample.url)
        guard image.width == imageSize && image.height == imageSize else {
            throw RuntimeError.image(path: item.sample.url.path,
                                     problem: "preprocessed to \(image.width)x\(image.height), expected \(imageSize)x\(imageSize) "
                                     + "(the cache's preprocessing size differs from the loader's image size)")
        }
        var float = FloatImage(image)
        if let augmentation {
            var rng = SplitMix64(seed: item.seed)
            float = augmentation.apply(float, rng: &rng)
        }
        if let view { float = view(float) }
        let mean = Preprocess.imageNetMean, std = Preprocess.imageNetStd
        var out = float.values
        out.withUnsafeMutableBufferPointer { o in
            for i in 0 ..< o.count {
                let c = i % 3
                o[i] = (o[i] - mean[c]) / std[c]
            }
        }
        return out
    }
}

/// The batches of one `BatchLoader.start`, in order; loading stops on `cancel()` or deinit.
public final class BatchStream: @unchecked Sendable {
    private let state: State

    init(loader: BatchLoader, batches: [[BatchItem]]) {
        state = State(loader: loader, batches: batches)
        guard loader.workers > 0 else { return }
        state.activeWorkers = loader.workers
        for _ in 0 ..< loader.workers {
            let state = state
            let thread = Thread { ThreadAffinity.restoreProcessMask(); state.work() }
            thread.name = "breastai-loader"  // at most 15 characters, or Linux keeps no name
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    deinit { cancel() }

    /// The next batch in order, nil after the last one (or after `cancel()`). Throws the first
    /// failing item's error (naming its file) for a batch that did not load; that batch is then
    /// skipped and the following call returns the batch after it.
    public func next() throws -> Batch? {
        try state.next()
    }

    /// Stops loading: workers finish at most the item they are on, and this returns once they have
    /// exited. Later `next()` calls return nil.
    public func cancel() {
        state.cancel()
    }

    /// CPU seconds the loading used (every worker thread's, or the caller's when `workers` is 0)
    /// since the last call; taking them resets the count. On 2 cores busy with compute, this is
    /// time the compute threads could not run.
    public func takeCPUSeconds() -> Double {
        state.condition.lock()
        defer { state.condition.unlock() }
        let s = state.cpuSeconds
        state.cpuSeconds = 0
        return s
    }

    /// The work queue shared by the consumer and the worker threads, guarded by `condition`.
    private final class State: @unchecked Sendable {
        /// A batch being filled by workers.
        struct Pending {
            var batch: Batch
            var remaining: Int
            /// The failure of the lowest failing item index, so the thrown error does not depend on timing.
            var error: (index: Int, error: Error)?
        }

        let loader: BatchLoader
        let batches: [[BatchItem]]
        let condition = NSCondition()
        var pending: [Int: Pending] = [:]
        /// The next batch `next()` returns; workers stay below `consumed + prefetch`.
        var consumed = 0
        /// The next (batch, item) a worker takes.
        var claimBatch = 0, claimItem = 0
        var cancelled = false
        var activeWorkers = 0
        /// CPU seconds spent loading items since `takeCPUSeconds`.
        var cpuSeconds = 0.0

        init(loader: BatchLoader, batches: [[BatchItem]]) {
            self.loader = loader
            self.batches = batches
        }

        func next() throws -> Batch? {
            condition.lock()
            guard !cancelled, consumed < batches.count else {
                condition.unlock()
                return nil
            }
            if loader.workers == 0 {
                let index = consumed
                consumed += 1
                condition.unlock()
                let start = threadCPUSeconds()
                defer {
                    let used = threadCPUSeconds() - start
                    condition.lock(); cpuSeconds += used; condition.unlock()
                }
                return try loader.loadBatch(batches[index])
            }
            defer { condition.unlock() }
            while !cancelled && pending[consumed].map({ $0.remaining > 0 }) ?? true {
                condition.wait()
            }
            if cancelled { return nil }
            let done = pending.removeValue(forKey: consumed)!
            consumed += 1
            condition.broadcast()
            if let failure = done.error { throw failure.error }
            return done.batch
        }

        func cancel() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            while activeWorkers > 0 { condition.wait() }
            pending.removeAll()
            condition.unlock()
        }

        /// A worker thread: take the next item within the prefetch window, load it, file it.
        func work() {
            condition.lock()
            while !cancelled && claimBatch < batches.count {
                if claimBatch >= consumed + loader.prefetch {
                    condition.wait()
                    continue
                }
                let b = claimBatch, i = claimItem
                let items = batches[b]
                if i == 0 {
                    pending[b] = Pending(batch: loader.emptyBatch(items), remaining: items.count)
                }
                claimItem += 1
                if claimItem >= items.count {
                    claimBatch += 1
                    claimItem = 0
                }
                if items.isEmpty {
                    condition.broadcast()
                    continue
                }
                condition.unlock()
                let start = threadCPUSeconds()
                let result = Result { try loader.loadItem(items[i]) }
                let used = threadCPUSeconds() - start
                condition.lock()
                cpuSeconds += used
                guard !cancelled else { break }
                switch result {
                case .success(let values):
                    loader.fill(&pending[b]!.batch, index: i, values: values)
                case .failure(let error):
                    if pending[b]!.error.map({ i < $0.index }) ?? true { pending[b]!.error = (i, error) }
                }
                pending[b]!.remaining -= 1
                if pending[b]!.remaining == 0 { condition.broadcast() }
            }
            activeWorkers -= 1
            condition.broadcast()
            condition.unlock()
        }
    }
}

/// CPU seconds the calling thread has used (CLOCK_THREAD_CPUTIME_ID).
func threadCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}
