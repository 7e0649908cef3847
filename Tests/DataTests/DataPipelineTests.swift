import Foundation
import Graph
import XCTest
@testable import Data
@testable import Formats

/// The training data pipeline: the preprocessed-image cache, the preflight check, the batch loader.
final class DataPipelineTests: XCTestCase {
    private var directory: URL!
    private let preprocessor = Preprocessor(crop: false, clahe: false, size: 48)

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("DataPipelineTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: Helpers

    /// A smooth image with a seed-dependent tint (not uniform, so augmentation shows).
    private func image(width: Int = 80, height: Int = 64, seed: Int = 0) -> RGBImage {
        var image = RGBImage(width: width, height: height)
        for y in 0 ..< height {
            for x in 0 ..< width {
                image[x, y] = (UInt8((x * 255 / (width - 1) + 37 * seed) % 256), UInt8(y * 255 / (height - 1)),
                               UInt8((x * y + 11 * seed) % 256))
            }
        }
        return image
    }

    private func url(_ name: String) -> URL { directory.appendingPathComponent("images/" + name) }

    private func writePNG(_ name: String, _ image: RGBImage) throws -> URL {
        let u = url(name)
        try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try ImageCodec.writePNG(image, to: u)
        return u
    }

    private func write(_ name: String, _ data: Data) throws -> URL {
        let u = url(name)
        try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: u)
        return u
    }

    private func makeCache() throws -> ImageCache {
        try ImageCache(directory: directory.appendingPathComponent("cache"), preprocessor: preprocessor)
    }

    private func entry(_ cache: ImageCache, for file: URL) throws -> URL {
        cache.entryURL(key: preprocessor.cacheKey(fileData: try Data(contentsOf: file)))
    }

    /// `count` readable samples with labels 0, 1, 2, 0, ...
    private func samples(_ count: Int) throws -> [Dataset.Sample] {
        try (0 ..< count).map { Dataset.Sample(url: try writePNG("s\($0).png", image(seed: $0)), label: $0 % 3) }
    }

    // MARK: ImageCache

    func testMissThenHitReturnsTheSameImageAndWritesTheEntry() throws {
        let file = try writePNG("a.png", image())
        let cache = try makeCache()
        let first = try cache.load(file)
        XCTAssertEqual(first, preprocessor.apply(try ImageCodec.decode(contentsOf: file)))
        XCTAssertEqual(first.width, 48)
        XCTAssertEqual([cache.hits, cache.misses], [0, 1])
        let entry = try entry(cache, for: file)
        XCTAssertTrue(FileManager.default.fileExists(atPath: entry.path), entry.path)
        XCTAssertEqual(try Data(contentsOf: entry).count, ImageCache.headerSize + 48 * 48 * 3)
        XCTAssertEqual(try Data(contentsOf: entry).prefix(4), Data("BAIC".utf8))
        XCTAssertEqual(entry.deletingLastPathComponent().lastPathComponent, String(entry.lastPathComponent.prefix(2)))

        XCTAssertEqual(try cache.load(file), first)
        XCTAssertEqual([cache.hits, cache.misses], [1, 1])
        // A new process (no memo) hits the entry on disk.
        let fresh = try makeCache()
        XCTAssertEqual(try fresh.load(file), first)
        XCTAssertEqual([fresh.hits, fresh.misses], [1, 0])
    }

    func testChangedFileGetsANewKey() throws {
        let file = try writePNG("a.png", image(seed: 1))
        let cache = try makeCache()
        let before = try cache.load(file)
        let oldEntry = try entry(cache, for: file)
        _ = try writePNG("a.png", image(seed: 2))
        let newEntry = try entry(cache, for: file)
        XCTAssertNotEqual(oldEntry, newEntry)
        let after = try cache.load(file)
        XCTAssertNotEqual(after, before)
        XCTAssertEqual(after, preprocessor.apply(image(seed: 2)))
        XCTAssertEqual(cache.misses, 2)
        XCTAssertTrue(FileManager.default.fileExists(atPath: newEntry.path))
    }

    func testBadEntryIsIgnoredAndRewritten() throws {
        let file = try writePNG("a.png", image())
        let cache = try makeCache()
        let good = try cache.load(file)
        let entry = try entry(cache, for: file)
        let valid = try Data(contentsOf: entry)
        var wrongMagic = valid
        wrongMagic[0] = UInt8(ascii: "X")
        for bad in [valid.prefix(10), valid.prefix(valid.count - 1), wrongMagic, valid + Data([0])] {
            try bad.write(to: entry)
            XCTAssertEqual(try cache.load(file), good)
            XCTAssertEqual(try Data(contentsOf: entry), valid)
        }
        XCTAssertEqual([cache.hits, cache.misses], [0, 5])
    }

    func testSmallImageIsRejectedNamingTheFile() throws {
        let file = try writePNG("tiny.png", image(width: 40, height: 80))
        let cache = try makeCache()
        XCTAssertThrowsError(try cache.load(file)) { error in
            XCTAssertEqual("\(error)", file.path + ": image is 40x80 pixels; images smaller than 50 px are rejected")
        }
        XCTAssertEqual(try cache.load(try writePNG("ok.png", image(width: 50, height: 50))).width, 48)
        XCTAssertThrowsError(try cache.load(url("missing.png"))) { error in
            XCTAssertEqual("\(error)", url("missing.png").path + ": no such file")
        }
    }

    // MARK: DataPreflight

    /// 10 good images with a corrupt PNG, a truncated JPEG and a text file named .png among them.
    private func mixedSamples() throws -> (all: [Dataset.Sample], good: [Dataset.Sample], bad: [URL]) {
        let good = try samples(10)
        var corrupt = ImageCodec.encodePNG(image())
        corrupt[19] ^= 0x01   // inside IHDR: CRC error
        let jpeg = ImageCodec.encodeJPEG(image())
        let bad = [try write("corrupt.png", corrupt), try write("truncated.jpg", jpeg.prefix(jpeg.count / 2)),
                   try write("notes.png", Data("not an image\n".utf8))]
        var all = good
        all.insert(Dataset.Sample(url: bad[0], label: 1), at: 2)
        all.insert(Dataset.Sample(url: bad[1], label: 0), at: 6)
        all.append(Dataset.Sample(url: bad[2], label: 2))
        return (all, good, bad)
    }

    func testPreflightSetsAsideUnreadableImagesKeepingOrder() throws {
        let (all, good, bad) = try mixedSamples()
        var calls: [(Int, Int)] = []
        let result = try DataPreflight.run(samples: all, split: "train", cache: try makeCache(), threads: 3,
                                           maxUnreadableFraction: 0.5, progress: { calls.append(($0, $1)) })
        XCTAssertEqual(result.readable, good)
        XCTAssertEqual(result.unreadable.map { $0.url }, bad)
        let problems = result.unreadable.map { $0.problem }
        XCTAssertTrue(problems[0].hasPrefix("corrupt PNG"), problems[0])
        XCTAssertTrue(problems[1].hasPrefix("truncated JPEG"), problems[1])
        XCTAssertTrue(problems[2].hasPrefix("not a PNG, JPEG, TIFF or DICOM file"), problems[2])
        XCTAssertEqual(calls.map(\.0), Array(1 ... 13))
        XCTAssertTrue(calls.allSatisfy { $0.1 == 13 })

        // Same answer on one thread, now from a warm cache.
        let cache = try makeCache()
        let again = try DataPreflight.run(samples: all, split: "train", cache: cache, threads: 1, maxUnreadableFraction: 0.5)
        XCTAssertEqual(again.readable, good)
        XCTAssertEqual(again.unreadable.map { $0.url }, bad)
        XCTAssertEqual(again.unreadable.map { $0.problem }, problems)
        XCTAssertEqual([cache.hits, cache.misses], [10, 0])

        XCTAssertEqual(try DataPreflight.run(samples: [], split: "val", cache: cache, threads: 2).readable, [])
    }

    func testPreflightThrowsWhenMoreThanTenPercentAreUnreadable() throws {
        let (all, _, bad) = try mixedSamples()
        XCTAssertThrowsError(try DataPreflight.run(samples: all, split: "val", cache: try makeCache(), threads: 2)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("val: 3 of 13 images (23.1%) of the val split are unreadable, more than 10%; first: "
                                         + bad[0].path + ": corrupt PNG"), text)
            XCTAssertFalse(text.contains("\n"))
        }
        // One bad image in eleven is under the limit.
        let few = Array(all.prefix(12)).filter { $0.url != bad[1] }
        XCTAssertEqual(try DataPreflight.run(samples: few, split: "train", cache: try makeCache(), threads: 2).unreadable.count, 1)
    }

    // MARK: Cache write failures

    /// Issue 10 §7: an entry that cannot be written is an error naming the entry and the system's
    /// reason — not an unreadable image silently dropped from the split (1 of 12 is under 10%).
    func testCacheWriteFailureStopsThePreflightInsteadOfSkippingTheImage() throws {
        let all = try samples(12)
        let cache = try makeCache()
        let blocked = try entry(cache, for: all[5].url)
        // A folder where the entry goes: the rename onto it fails with EISDIR, even for root.
        try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: true)
        XCTAssertThrowsError(try DataPreflight.run(samples: all, split: "train", cache: cache, threads: 2)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix(blocked.path + ": cannot write the image cache entry: "), text)
            XCTAssertTrue(text.contains(String(cString: strerror(EISDIR))), text)
            XCTAssertFalse(text.contains("\n"), text)
            guard case RuntimeError.cache = error else { return XCTFail("expected .cache, got \(error)") }
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: blocked.deletingLastPathComponent().path)
            .filter { $0.contains(".tmp-") }
        XCTAssertEqual(leftovers, [], "the failed writer removes its temporary file")
    }

    func testCacheFolderThatCannotBeCreatedIsACacheError() throws {
        let file = try writePNG("a.png", image())
        let cache = try makeCache()
        let sub = try entry(cache, for: file).deletingLastPathComponent()
        try Data("in the way".utf8).write(to: sub)  // a file where the entry's folder goes
        XCTAssertThrowsError(try cache.load(file)) { error in
            guard case RuntimeError.cache(let path, _) = error else { return XCTFail("expected .cache, got \(error)") }
            XCTAssertEqual(path, sub.path)
        }
    }

    func testReadOnlyCacheFolderIsACacheError() throws {
        try XCTSkipIf(geteuid() == 0, "root writes into read-only folders")
        let file = try writePNG("a.png", image())
        let cache = try makeCache()
        XCTAssertEqual(chmod(cache.directory.path, 0o555), 0)
        defer { _ = chmod(cache.directory.path, 0o755) }
        XCTAssertThrowsError(try DataPreflight.run(samples: [Dataset.Sample(url: file, label: 0)], split: "val", cache: cache, threads: 1)) { error in
            guard case RuntimeError.cache = error else { return XCTFail("expected .cache, got \(error)") }
            XCTAssertTrue("\(error)".contains(String(cString: strerror(EACCES))), "\(error)")
        }
    }

    // MARK: BatchLoader

    private func items(_ samples: [Dataset.Sample], epoch: Int = 1) -> [BatchItem] {
        samples.enumerated().map { BatchItem(sample: $1, seed: BatchLoader.itemSeed(runSeed: 42, epoch: epoch, position: $0)) }
    }

    private func readAll(_ stream: BatchStream) throws -> [Batch] {
        var out: [Batch] = []
        while let batch = try stream.next() { out.append(batch) }
        return out
    }

    func testBatchesComeInOrderPaddedAndNormalised() throws {
        let cache = try makeCache()
        let all = items(try samples(5))
        let groups = BatchLoader.batches(of: all, batchSize: 2)
        XCTAssertEqual(groups.map(\.count), [2, 2, 1])
        let loader = BatchLoader(cache: cache, imageSize: 48, batchSize: 2, augmentation: nil, workers: 2, prefetch: 1)
        let batches = try readAll(loader.start(groups))
        XCTAssertEqual(batches.count, 3)
        let n = 48 * 48 * 3
        for (b, batch) in batches.enumerated() {
            XCTAssertEqual(batch.items, groups[b])
            XCTAssertEqual(batch.valid, groups[b].count)
            XCTAssertEqual(batch.labels, groups[b].map { Int32($0.sample.label) } + (b == 2 ? [0] : []))
            XCTAssertEqual(batch.images.count, 2 * n)
            var expected: [Float] = []
            for item in groups[b] { expected += Preprocess.normalizedNHWC(try cache.load(item.sample.url)) }
            expected += [Float](repeating: 0, count: 2 * n - expected.count)
            XCTAssertEqual(batch.images, expected)
        }
    }

    func testOutputIsIdenticalForAnyNumberOfWorkers() throws {
        let cache = try makeCache()
        let groups = BatchLoader.batches(of: items(try samples(7)), batchSize: 3)
        func run(_ workers: Int, _ augmentation: Augmentation?) throws -> [Batch] {
            try readAll(BatchLoader(cache: cache, imageSize: 48, batchSize: 3, augmentation: augmentation,
                                    workers: workers).start(groups))
        }
        let reference = try run(0, Augmentation())
        for workers in [1, 3] {
            let batches = try run(workers, Augmentation())
            XCTAssertEqual(batches.map(\.images), reference.map(\.images), "workers \(workers)")
            XCTAssertEqual(batches.map(\.labels), reference.map(\.labels))
        }
        XCTAssertNotEqual(reference.map(\.images), try run(0, nil).map(\.images), "augmentation changed nothing")
    }

    func testLoadErrorIsThrownForItsBatchOnly() throws {
        var list = try samples(5)
        list[3] = Dataset.Sample(url: url("gone.png"), label: 1)
        let groups = BatchLoader.batches(of: items(list), batchSize: 2)
        for workers in [0, 2] {
            let stream = BatchLoader(cache: try makeCache(), imageSize: 48, batchSize: 2, augmentation: nil,
                                     workers: workers).start(groups)
            XCTAssertEqual(try stream.next()?.valid, 2)
            XCTAssertThrowsError(try stream.next()) { error in
                XCTAssertEqual("\(error)", url("gone.png").path + ": no such file")
            }
            XCTAssertEqual(try stream.next()?.items, groups[2])
            XCTAssertNil(try stream.next())
        }
    }

    func testWrongImageSizeIsAnError() throws {
        let groups = [items(try samples(1))]
        let stream = BatchLoader(cache: try makeCache(), imageSize: 64, batchSize: 1, augmentation: nil, workers: 1).start(groups)
        XCTAssertThrowsError(try stream.next()) { error in
            XCTAssertTrue("\(error)".contains("preprocessed to 48x48, expected 64x64"), "\(error)")
        }
    }

    func testCancelStopsPromptly() throws {
        let cache = try makeCache()
        let groups = BatchLoader.batches(of: items(try samples(4) + samples(4) + samples(4)), batchSize: 1)
        let loader = BatchLoader(cache: cache, imageSize: 48, batchSize: 1, augmentation: Augmentation(), workers: 3, prefetch: 2)
        let start = Date()
        let stream = loader.start(groups)
        XCTAssertNotNil(try stream.next())
        stream.cancel()
        // cancel() returns after the workers exited: nothing loads afterwards.
        let loaded = cache.hits + cache.misses
        XCTAssertLessThanOrEqual(loaded, 4)   // the batch read, two prefetched, one in flight at most
        Thread.sleep(forTimeInterval: 0.05)
        XCTAssertEqual(cache.hits + cache.misses, loaded)
        XCTAssertNil(try stream.next())
        stream.cancel()
        // Dropping a stream that is still loading cancels it too.
        for _ in 0 ..< 5 { _ = loader.start(groups) }
        do {
            let unread = loader.start(groups)
            _ = try unread.next()
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
        // Dropped streams loaded no further than their prefetch window.
        XCTAssertLessThanOrEqual(cache.hits + cache.misses, loaded + 6 * 4)
    }

    func testItemSeeds() {
        let a = BatchLoader.itemSeed(runSeed: 7, epoch: 1, position: 0)
        XCTAssertEqual(a, BatchLoader.itemSeed(runSeed: 7, epoch: 1, position: 0))
        let others = [BatchLoader.itemSeed(runSeed: 7, epoch: 1, position: 1), BatchLoader.itemSeed(runSeed: 7, epoch: 2, position: 0),
                      BatchLoader.itemSeed(runSeed: 8, epoch: 1, position: 0), BatchLoader.itemSeed(runSeed: 7, epoch: 0, position: 1)]
        XCTAssertEqual(Set(others + [a]).count, 5)
        // Neighbouring positions differ in about half their bits.
        let bits = (0 ..< 100).map {
            (BatchLoader.itemSeed(runSeed: 7, epoch: 1, position: $0) ^ BatchLoader.itemSeed(runSeed: 7, epoch: 1, position: $0 + 1)).nonzeroBitCount
        }
        XCTAssertEqual(Double(bits.reduce(0, +)) / 100, 32, accuracy: 4)
    }
}
