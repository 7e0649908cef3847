import Foundation
import Formats

/// The check before training: every image of a split is loaded once through the `ImageCache`
/// (which warms it and hashes each file's bytes as it reads them: `Result.digests`), and the ones
/// that cannot be read, decoded or are too small are set aside.
///
/// A few bad files in a large dataset are reported and skipped; more than `maxUnreadableFraction`
/// of a split is an error, since that usually means a wrong folder or a broken copy rather than
/// the odd corrupt scan.
public enum DataPreflight {
    /// The samples that loaded, in input order, and the ones that did not, in input order; the
    /// decoders' warnings about loaded images (an empty window, few gray levels), in input order.
    public struct Result: Sendable {
        public var readable: [Dataset.Sample]
        public var unreadable: [(url: URL, problem: String)]
        /// Size and SHA-256 of each input sample (indexed like the input), read in the same pass;
        /// nil when the file could not be read at all.
        public var digests: [FileDigest?] = []
        public var warnings: [(url: URL, message: String)] = []

        /// At most `limit` lines for a log: the count of images with warnings, then the first ones,
        /// `path: warning` each. Empty when there are none.
        public func warningLines(limit: Int = 5) -> [String] {
            guard !warnings.isEmpty else { return [] }
            let files = Set(warnings.map(\.url)).count
            var lines = ["\(files) image\(files == 1 ? "" : "s") with decoding warnings (\(warnings.count) warning\(warnings.count == 1 ? "" : "s"))"
                         + (warnings.count > limit ? "; the first \(limit):" : ":")]
            lines += warnings.prefix(limit).map { "\($0.url.path): \($0.message)" }
            return lines
        }
    }

    /// Loads every sample of `split` through `cache` on `threads` threads.
    ///
    /// `progress(done, total)` is called after each image, from the worker threads but never two
    /// calls at once. The result does not depend on `threads`. Throws `.io(path: split, ...)` when
    /// more than `maxUnreadableFraction` of the samples are unreadable; an empty split is fine.
    /// A cache that cannot be written (`RuntimeError.cache`: disk full, no permission) is not an
    /// unreadable image: the workers stop and that error is thrown.
    public static func run(samples: [Dataset.Sample], split: String, cache: ImageCache, threads: Int,
                           maxUnreadableFraction: Double = 0.10,
                           progress: ((Int, Int) -> Void)? = nil) throws -> Result {
        let (problems, warnings) = try loadAll(samples, cache: cache, threads: threads, progress: progress)
        var result = Result(readable: [], unreadable: [])
        result.digests = samples.map { cache.contentDigest($0.url) }
        for (i, sample) in samples.enumerated() {
            if let problem = problems[i] {
                result.unreadable.append((sample.url, problem))
            } else {
                result.readable.append(sample)
                result.warnings += warnings[i].map { (sample.url, $0) }
            }
        }
        let bad = result.unreadable.count, total = samples.count
        if Double(bad) > maxUnreadableFraction * Double(total), let first = result.unreadable.first {
            let percent = String(format: "%.1f", 100 * Double(bad) / Double(total))
            let limit = String(format: "%g", 100 * maxUnreadableFraction)
            throw RuntimeError.io(path: split, problem: "\(bad) of \(total) images (\(percent)%) of the \(split) split "
                                  + "are unreadable, more than \(limit)%; first: \(first.url.path): \(first.problem)")
        }
        return result
    }

    /// The problem of each sample (nil when it loaded) and its warnings, indexed like `samples`;
    /// rethrows the cache failure of the lowest sample index that had one.
    private static func loadAll(_ samples: [Dataset.Sample], cache: ImageCache, threads: Int,
                                progress: ((Int, Int) -> Void)?) throws -> ([String?], [[String]]) {
        let state = Shared(count: samples.count, progress: progress)
        let workers = max(1, min(threads, samples.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = state.claim() {
                var problem: String?
                do {
                    state.warn(i, try cache.loadWithWarnings(samples[i].url).warnings)
                } catch let error as RuntimeError {
                    if case .cache = error {
                        state.fail(i, error)
                        continue
                    }
                    problem = describe(error, path: samples[i].url.path)
                } catch {
                    problem = describe(error, path: samples[i].url.path)
                }
                state.finish(i, problem)
            }
        }
        if let failure = state.failure { throw failure.error }
        return (state.problems, state.warnings)
    }

    /// The problem text of a load error: the `problem` field when the error names this file,
    /// otherwise the whole one-line description (e.g. a cache entry that could not be written).
    static func describe(_ error: Error, path: String) -> String {
        if let error = error as? RuntimeError {
            switch error {
            case .io(let p, let problem), .image(let p, let problem):
                if p == path { return problem }
            default: break
            }
        }
        return oneLine("\(error)")
    }

    /// The work queue and results shared by the preflight threads.
    private final class Shared: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var done = 0
        private let count: Int
        private let progress: ((Int, Int) -> Void)?
        private(set) var problems: [String?]
        private(set) var warnings: [[String]]
        /// The cache failure of the lowest index; once set, no more samples are handed out.
        private(set) var failure: (index: Int, error: Error)?

        init(count: Int, progress: ((Int, Int) -> Void)?) {
            self.count = count
            self.progress = progress
            problems = Array(repeating: nil, count: count)
            warnings = Array(repeating: [], count: count)
        }

        func warn(_ index: Int, _ messages: [String]) {
            guard !messages.isEmpty else { return }
            lock.withLock { warnings[index] = messages }
        }

        /// The next sample index to load, or nil when all are taken.
        func claim() -> Int? {
            lock.withLock {
                guard next < count, failure == nil else { return nil }
                defer { next += 1 }
                return next
            }
        }

        func fail(_ index: Int, _ error: Error) {
            lock.withLock {
                if failure.map({ index < $0.index }) ?? true { failure = (index, error) }
            }
        }

        func finish(_ index: Int, _ problem: String?) {
            lock.withLock {
                problems[index] = problem
                done += 1
                progress?(done, count)
            }
        }
    }
}
