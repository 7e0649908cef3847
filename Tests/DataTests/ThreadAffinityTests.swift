import Foundation
import Graph
import XCTest
@testable import Data
@testable import Formats

/// Loader threads started by a thread that OpenMP bound to one core run on the process's whole
/// mask again (with the mask saved), not crowded onto that core.
final class ThreadAffinityTests: XCTestCase {
    /// This process's thread ids (Linux: /proc/self/task).
    private static func threadIDs() -> Set<String> {
        Set((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? [])
    }

    /// The CPU count of thread `tid`'s affinity mask (`Cpus_allowed` of its status).
    private static func cpus(ofThread tid: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/task/\(tid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") }) else { return nil }
        return line.dropFirst("Cpus_allowed:".count).filter(\.isHexDigit).reduce(0) { $0 + (Int(String($1), radix: 16) ?? 0).nonzeroBitCount }
    }

    func testLoaderThreadsOfABoundThreadGetTheProcessMaskBack() throws {
        let all = ThreadAffinity.currentThreadCPUs()
        try XCTSkipIf(all < 2, "needs at least 2 CPUs in the affinity mask")
        ThreadAffinity.saveProcessMask()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ThreadAffinityTests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var samples: [Dataset.Sample] = []
        for i in 0..<6 {
            var image = RGBImage(width: 48, height: 48)
            for y in 0..<48 { for x in 0..<48 { image[x, y] = (UInt8(x * 5), UInt8(y * 5), UInt8(i * 40)) } }
            let url = directory.appendingPathComponent("s\(i).png")
            try ImageCodec.writePNG(image, to: url)
            samples.append(Dataset.Sample(url: url, label: i % 3))
        }
        let cache = try ImageCache(directory: directory.appendingPathComponent("cache"),
                                   preprocessor: Preprocessor(crop: false, clahe: false, size: 48))
        let items = samples.enumerated().map { BatchItem(sample: $1, seed: UInt64($0)) }
        let loader = BatchLoader(cache: cache, imageSize: 48, batchSize: 1, augmentation: nil, workers: 2, prefetch: 1)
        // A thread bound to one CPU (as OpenMP binds its primary thread) starts the loader and, with
        // the prefetch window full, its workers wait alive: read their masks.
        final class Box: @unchecked Sendable { var counts: [Int] = []; var bound = 0 }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            var one = ThreadAffinity.Mask(repeating: 0, count: 16)
            one[0] = 1
            ThreadAffinity.setCurrentMask(one)
            box.bound = ThreadAffinity.currentThreadCPUs()
            let before = Self.threadIDs()
            let stream = loader.start(BatchLoader.batches(of: items, batchSize: 1))
            _ = try? stream.next()
            Thread.sleep(forTimeInterval: 0.2)
            // The threads that appeared: the loader's two workers.
            box.counts = Self.threadIDs().subtracting(before).sorted().compactMap(Self.cpus(ofThread:))
            stream.cancel()
            done.signal()
        }
        thread.start()
        done.wait()
        XCTAssertEqual(box.bound, 1, "the starting thread is bound to one CPU")
        XCTAssertEqual(box.counts.count, 2, "two loader threads alive: \(box.counts)")
        XCTAssertEqual(box.counts, [all, all], "loader threads run on the whole mask (\(all) CPUs), not the bound core")
    }
}
