import Foundation
import XCTest
@testable import Data

/// The image cache's housekeeping: crash leftovers, use times, listing and pruning — and that
/// nothing but the cache's own files is ever touched.
final class ImageCacheMaintenanceTests: XCTestCase {
    private var directory: URL!
    private var cacheDirectory: URL { directory.appendingPathComponent("cache") }
    private let preprocessor = Preprocessor(crop: false, clahe: false, size: 48)

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ImageCacheMaintenanceTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Writes `count` distinct PNGs, loads them through a cache, returns their entry URLs in order.
    private func fill(_ count: Int) throws -> (files: [URL], entries: [URL]) {
        let cache = try ImageCache(directory: cacheDirectory, preprocessor: preprocessor)
        var files: [URL] = [], entries: [URL] = []
        for i in 0 ..< count {
            var image = RGBImage(width: 60, height: 60)
            for y in 0 ..< 60 { for x in 0 ..< 60 { image[x, y] = (UInt8((x + 7 * i) % 256), UInt8(y), UInt8(i)) } }
            let file = directory.appendingPathComponent("img\(i).png")
            try ImageCodec.writePNG(image, to: file)
            _ = try cache.load(file)
            files.append(file)
            entries.append(cache.entryURL(key: preprocessor.cacheKey(fileData: try Data(contentsOf: file))))
        }
        return (files, entries)
    }

    private func setModified(_ url: URL, daysAgo: Double) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -daysAgo * 86400)], ofItemAtPath: url.path)
    }

    private func modified(_ url: URL) throws -> Date {
        try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date)
    }

    private func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    /// The PID of a process that has exited.
    private func stoppedPID() throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try p.run()
        p.waitUntilExit()
        return p.processIdentifier
    }

    func testOpeningRemovesOnlyLeftoversOfStoppedWriters() throws {
        let (_, entries) = try fill(1)
        let sub = entries[0].deletingLastPathComponent()
        let key = entries[0].deletingPathExtension().lastPathComponent
        let dead = try stoppedPID()
        let stale = sub.appendingPathComponent(".\(key).rgb.tmp-\(dead)-42")
        let running = sub.appendingPathComponent(".\(key).rgb.tmp-\(getpid())-43")
        let notOurs = [sub.appendingPathComponent(".notes.tmp-\(dead)-1"), sub.appendingPathComponent("notes.txt"),
                       cacheDirectory.appendingPathComponent(".\(key).rgb.tmp-\(dead)-44")]  // not in an entry folder
        for url in [stale, running] + notOurs { try Data("partial".utf8).write(to: url) }

        _ = try ImageCache(directory: cacheDirectory, preprocessor: preprocessor)
        XCTAssertFalse(exists(stale), "a stopped writer's temporary file is removed")
        XCTAssertTrue(exists(running), "a running writer's temporary file stays")
        for url in notOurs { XCTAssertTrue(exists(url), "\(url.lastPathComponent) is not the cache's") }
        XCTAssertTrue(exists(entries[0]))
    }

    func testAHitRecordsTheUseTimeAtMostOncePerDay() throws {
        let (files, entries) = try fill(2)
        try setModified(entries[0], daysAgo: 3)
        try setModified(entries[1], daysAgo: 0.5)
        let recent = try modified(entries[1])
        let cache = try ImageCache(directory: cacheDirectory, preprocessor: preprocessor)
        for file in files { _ = try cache.load(file) }
        XCTAssertEqual([cache.hits, cache.misses], [2, 0])
        XCTAssertLessThan(abs(try modified(entries[0]).timeIntervalSinceNow), 60, "used 3 days ago: touched now")
        XCTAssertEqual(try modified(entries[1]), recent, "used within a day: not touched")
    }

    func testInventoryCountsEntriesLeftoversAndOtherFiles() throws {
        let (_, entries) = try fill(3)
        try setModified(entries[0], daysAgo: 10)
        try setModified(entries[2], daysAgo: 1)
        let sub = entries[0].deletingLastPathComponent()
        let key = entries[0].deletingPathExtension().lastPathComponent
        try Data("partial".utf8).write(to: sub.appendingPathComponent(".\(key).rgb.tmp-\(getpid())-1"))
        try Data("x".utf8).write(to: cacheDirectory.appendingPathComponent("README"))

        let inventory = try ImageCache.inventory(of: cacheDirectory)
        XCTAssertEqual(inventory.entries.map(\.path), [entries[0], entries[2], entries[1]].map(\.path), "least recently used first")
        XCTAssertEqual(inventory.bytes, Int64(3 * (ImageCache.headerSize + 48 * 48 * 3)))
        XCTAssertEqual(inventory.leftovers.map(\.writerAlive), [true])
        XCTAssertEqual(inventory.otherFiles, [cacheDirectory.appendingPathComponent("README").path])
        let summary = inventory.summary
        print(summary.joined(separator: "\n"))
        XCTAssertTrue(summary[0].hasPrefix("image cache \(cacheDirectory.path): 3 entries, 20.8 kB; last used "), summary[0])
        XCTAssertEqual(summary[1], "leftovers: 0 temporary files of stopped writers (0 B), 1 of running writers")
        XCTAssertTrue(summary[2].hasPrefix("other files (not the cache's, left alone): 1"), summary[2])

        XCTAssertThrowsError(try ImageCache.inventory(of: directory.appendingPathComponent("nothing"))) { error in
            XCTAssertEqual("\(error)", directory.appendingPathComponent("nothing").path + ": no such folder; there is no image cache here")
        }
    }

    func testPruneByAgeRemovesOnlyOldEntriesAndDryRunRemovesNothing() throws {
        let (files, entries) = try fill(4)
        for (entry, days) in zip(entries, [10.0, 5, 1, 0]) { try setModified(entry, daysAgo: days) }
        let foreign = entries[0].deletingLastPathComponent().appendingPathComponent("keep.me")
        try Data("mine".utf8).write(to: foreign)
        let key = entries[1].deletingPathExtension().lastPathComponent
        let stale = entries[1].deletingLastPathComponent().appendingPathComponent(".\(key).rgb.tmp-\(try stoppedPID())-9")
        try Data("partial".utf8).write(to: stale)

        let cutoff = Date(timeIntervalSinceNow: -3 * 86400)
        let preview = try ImageCache.prune(cacheDirectory, lastUseBefore: cutoff, dryRun: true)
        XCTAssertEqual(preview.entries.map(\.path), [entries[0].path, entries[1].path])
        XCTAssertEqual(preview.leftovers.map(\.path), [stale.path])
        XCTAssertTrue((entries + [stale]).allSatisfy(exists), "a dry run removes nothing")
        XCTAssertTrue(preview.summary(dryRun: true).hasPrefix("would remove 2 entries (13.9 kB) and 1 leftovers, freeing 13.9 kB; "
                                                             + "2 entries (13.9 kB) remain"), preview.summary(dryRun: true))

        let done = try ImageCache.prune(cacheDirectory, lastUseBefore: cutoff)
        XCTAssertEqual(done.entries.count, 2)
        XCTAssertEqual(entries.map(exists), [false, false, true, true])
        XCTAssertFalse(exists(stale))
        XCTAssertTrue(exists(foreign), "a file that is not the cache's stays")
        XCTAssertEqual(done.remainingEntries, 2)

        // A pruned entry is simply a miss next time.
        let cache = try ImageCache(directory: cacheDirectory, preprocessor: preprocessor)
        for file in files { _ = try cache.load(file) }
        XCTAssertEqual([cache.hits, cache.misses], [2, 2])
    }

    func testPruneBySizeKeepsTheMostRecentlyUsed() throws {
        let (_, entries) = try fill(4)
        for (entry, days) in zip(entries, [2.0, 8, 4, 6]) { try setModified(entry, daysAgo: days) }
        let size = Int64(ImageCache.headerSize + 48 * 48 * 3)
        let result = try ImageCache.prune(cacheDirectory, maxBytes: 2 * size + size / 2)
        XCTAssertEqual(result.entries.map(\.path), [entries[1].path, entries[3].path], "oldest use first")
        XCTAssertEqual(entries.map(exists), [true, false, true, false])
        XCTAssertEqual(result.remainingBytes, 2 * size)
        XCTAssertEqual(try ImageCache.inventory(of: cacheDirectory).bytes, 2 * size)
        XCTAssertEqual(try ImageCache.prune(cacheDirectory, maxBytes: 0).remainingEntries, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cacheDirectory.path), [], "empty entry folders go too")
    }
}
