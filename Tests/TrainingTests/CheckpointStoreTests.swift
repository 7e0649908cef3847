import Foundation
import XCTest
import Codegen
import Graph
@testable import Formats
@testable import Runtime
@testable import Training
#if canImport(Glibc)
import Glibc
#endif

/// Tests for checkpoint folders: round trip, torchvision names, links, pruning, manifests.
/// (Identity, locks, read-only access and the backup: CheckpointRunTests; crashes: CheckpointCrashTests.)
final class CheckpointStoreTests: XCTestCase {
    /// The tiny model's layout, built as Codegen's `StateLayout(config:)` does (RuntimeTests does not link Codegen).
    static let layout = Manifest.StateLayout(config: ModelConfig(variant: .tiny, classes: 3, imageSize: 32, batch: 2))

    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("checkpoint-tests-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func filledState(seed: UInt64) throws -> StateBlocks { try filledCheckpointState(Self.layout, seed: seed) }

    func sameBits(_ a: StateBlocks, _ b: StateBlocks, _ block: StateBlocks.Block) -> Bool {
        memcmp(a.pointer(block), b.pointer(block), a.count(block) * 4) == 0
    }

    /// Visible entries of the store's directory, sorted, and the hidden ones other than `.lock`.
    func listing(_ store: CheckpointStore) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: store.directory.path).filter { $0 != ".lock" && $0 != CheckpointStore.runFile }.sorted()
    }

    func writer(_ keepLatest: Int = 3) throws -> CheckpointStore {
        try CheckpointStore(directory: root, keepLatest: keepLatest, access: .write(runID: "test-run"))
    }

    func assertIOError(_ body: @autoclosure () throws -> Any, path: String, contains fragment: String = "",
                       file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            guard case RuntimeError.io(let errorPath, let problem) = error else { return XCTFail("expected .io, got \(error)", file: file, line: line) }
            XCTAssertEqual(errorPath, path, file: file, line: line)
            XCTAssertTrue(fragment.isEmpty || problem.contains(fragment), "\(problem) should mention \(fragment)", file: file, line: line)
        }
    }

    // MARK: - Round trip and format

    func testSaveThenLoadIsBitIdentical() throws {
        let store = try writer()
        let state = try filledState(seed: 1)
        let prefixes = CheckpointStore.batchNormPrefixes(Self.layout).sorted()
        XCTAssertGreaterThan(prefixes.count, 5)
        let tracked = Dictionary(uniqueKeysWithValues: prefixes.dropLast().enumerated().map { ($1, Int64($0) * 1_000_000_007) })
        let json = Data(#"{"epoch":7,"phase":2}"#.utf8)
        let url = try store.save(name: CheckpointStore.epochName(7), state: state, batchesTracked: tracked, trainerState: json)
        XCTAssertEqual(url.lastPathComponent, "epoch-0007")
        XCTAssertEqual(try listing(store), ["epoch-0007", "latest"])

        let fresh = try StateBlocks(layout: Self.layout)
        let (loadedJSON, loadedTracked) = try CheckpointStore.load(url, into: fresh)
        for block in [StateBlocks.Block.model, .ema, .adamM, .adamV] {
            XCTAssertTrue(sameBits(state, fresh, block), "block \(block.rawValue) differs after the round trip")
        }
        XCTAssertEqual(loadedJSON, json)
        var expected = tracked
        expected[prefixes.last!] = 0  // not given: written as 0
        XCTAssertEqual(loadedTracked, expected)
    }

    func testFilesCarryTorchvisionNamesAndInt64BatchCounts() throws {
        let store = try writer()
        let state = try filledState(seed: 2)
        let prefixes = CheckpointStore.batchNormPrefixes(Self.layout)
        XCTAssertTrue(prefixes.contains("features.0.1"), "torchvision names the stem BatchNorm features.0.1")
        let url = try store.save(name: "epoch-0001", state: state, batchesTracked: ["features.0.1": 42], trainerState: Data("{}".utf8))
        let names = Self.layout.parameters.map(\.name) + Self.layout.buffers.map(\.name)
        for file in [CheckpointStore.modelFile, CheckpointStore.emaFile] {
            let tensors = try SafeTensors(contentsOf: url.appendingPathComponent(file))
            XCTAssertEqual(Set(tensors.names), Set(names + prefixes.map { $0 + ".num_batches_tracked" }))
            let entry = try XCTUnwrap(tensors.entries["features.0.1.num_batches_tracked"])
            XCTAssertEqual(entry.dtype, .I64)
            XCTAssertEqual(entry.shape, [])
            XCTAssertEqual(try tensors.int64s("features.0.1.num_batches_tracked"), [42])
            XCTAssertEqual(tensors.metadata, ["format": "pt"])
        }
        let optimizer = try SafeTensors(contentsOf: url.appendingPathComponent(CheckpointStore.optimizerFile))
        XCTAssertEqual(Set(optimizer.names), Set(Self.layout.parameters.flatMap { ["exp_avg." + $0.name, "exp_avg_sq." + $0.name] }))
        let first = Self.layout.parameters[0].name
        XCTAssertEqual(try optimizer.floats("exp_avg_sq." + first).map(\.bitPattern), try state.adamV(first).map(\.bitPattern))
        XCTAssertEqual(try Data(contentsOf: url.appendingPathComponent(CheckpointStore.trainerStateFile)), Data("{}".utf8))
    }

    func testBatchCountForAnUnknownPrefixIsRejected() throws {
        let store = try writer()
        XCTAssertThrowsError(try store.save(name: "epoch-0001", state: try filledState(seed: 3),
                                            batchesTracked: ["features.0.0": 1], trainerState: Data())) { error in
            XCTAssertTrue("\(error)".contains("features.0.0.num_batches_tracked"), "\(error)")
        }
        XCTAssertEqual(try listing(store), [])
    }

    func testNamesAndTheirOrder() {
        XCTAssertEqual(CheckpointStore.epochName(7), "epoch-0007")
        XCTAssertEqual(CheckpointStore.stepName(epoch: 8, step: 123), "epoch-0008-step-000123")
        XCTAssertEqual(CheckpointStore.epochName(12345), "epoch-12345")
        let names = ["epoch-0008-step-000001", "epoch-0007", "epoch-0010", "epoch-0007-step-000123", "epoch-0007-step-000009"]
        XCTAssertEqual(names.sorted { CheckpointStore.order(of: $0)! < CheckpointStore.order(of: $1)! },
                       ["epoch-0007-step-000009", "epoch-0007-step-000123", "epoch-0007", "epoch-0008-step-000001", "epoch-0010"])
        for foreign in ["epoch-7", "epoch-0007-step-12", "epoch-0007-", "final", "latest", "epoch-00a7", "epoch-0007-stop-000001"] {
            XCTAssertNil(CheckpointStore.order(of: foreign), foreign)
        }
    }

    // MARK: - Links, resolving, pruning

    func testLatestAndBestLinks() throws {
        let store = try writer()
        let state = try filledState(seed: 4)
        try store.save(name: "epoch-0001", state: state, batchesTracked: [:], trainerState: Data("1".utf8))
        try store.save(name: "epoch-0002", state: state, batchesTracked: [:], trainerState: Data("2".utf8))
        try store.markBest("epoch-0001")
        try store.save(name: "epoch-0003", state: state, batchesTracked: [:], trainerState: Data("3".utf8), updateLatest: false)
        let fm = FileManager.default
        XCTAssertEqual(try fm.destinationOfSymbolicLink(atPath: root.appendingPathComponent("latest").path), "epoch-0002")
        XCTAssertEqual(try fm.destinationOfSymbolicLink(atPath: root.appendingPathComponent("best").path), "epoch-0001")
        // `latest` is the newest complete checkpoint, whatever the link says.
        XCTAssertEqual(try store.resolve("latest").lastPathComponent, "epoch-0003")
        XCTAssertEqual(try store.resolve("best").lastPathComponent, "epoch-0001")
        XCTAssertEqual(try store.resolve("epoch-0003").lastPathComponent, "epoch-0003")
        XCTAssertEqual(try store.resolve(root.appendingPathComponent("epoch-0003").path).lastPathComponent, "epoch-0003")
        assertIOError(try store.markBest("epoch-0009"), path: root.appendingPathComponent("epoch-0009").path, contains: "no checkpoint")
        XCTAssertEqual(try listing(store), ["best", "epoch-0001", "epoch-0002", "epoch-0003", "latest"])
    }

    func testResolveErrorsNameThePath() throws {
        let store = try writer()
        assertIOError(try store.resolve("latest"), path: root.appendingPathComponent("latest").path, contains: "no checkpoint")
        assertIOError(try store.resolve("epoch-0042"), path: root.appendingPathComponent("epoch-0042").path)
        assertIOError(try store.resolve("/nonexistent/run/epoch-0001"), path: "/nonexistent/run/epoch-0001")
        assertIOError(try store.save(name: "best", state: try filledState(seed: 5), batchesTracked: [:], trainerState: Data()),
                      path: root.appendingPathComponent("best").path, contains: "invalid checkpoint name")
    }

    func testIncompleteCheckpointIsRejected() throws {
        let store = try writer()
        let url = try store.save(name: "epoch-0001", state: try filledState(seed: 6), batchesTracked: [:], trainerState: Data())
        try FileManager.default.removeItem(at: url.appendingPathComponent(CheckpointStore.optimizerFile))
        assertIOError(try store.resolve("epoch-0001"), path: url.path, contains: "optimizer.safetensors missing")
        assertIOError(try store.resolve("latest"), path: root.appendingPathComponent("latest").path, contains: "no checkpoint")
        assertIOError(try CheckpointStore.load(url, into: try StateBlocks(layout: Self.layout)), path: url.path, contains: "incomplete")
    }

    func testLoadIsStrictAndChangesNothingOnError() throws {
        let store = try writer()
        let url = try store.save(name: "epoch-0001", state: try filledState(seed: 7), batchesTracked: [:], trainerState: Data())
        // An optimizer file lacking one moment: the error names the file and the tensor. (Without a
        // manifest, as a checkpoint of the previous version, so the strict parse is what catches it.)
        try FileManager.default.removeItem(at: url.appendingPathComponent(CheckpointManifest.fileName))
        let optimizerURL = url.appendingPathComponent(CheckpointStore.optimizerFile)
        let original = try SafeTensors(contentsOf: optimizerURL)
        let dropped = "exp_avg_sq." + Self.layout.parameters.last!.name
        var writer = SafeTensorsWriter()
        for name in original.names where name != dropped {
            try writer.add(name, floats: try original.floats(name), shape: try original.shape(name))
        }
        try writer.write(to: optimizerURL)
        let fresh = try StateBlocks(layout: Self.layout)
        XCTAssertThrowsError(try CheckpointStore.load(url, into: fresh)) { error in
            guard case RuntimeError.safetensors(let path, let problem) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(path, optimizerURL.path)
            XCTAssertTrue(problem.contains("'\(dropped)' is missing"), problem)
        }
        XCTAssertTrue((0 ..< fresh.count(.model)).allSatisfy { fresh.model[$0] == 0 }, "a failed load must not touch the model")
    }

    func testPruneKeepsNewestBestLatestAndProtected() throws {
        let store = try writer(2)
        let state = try filledState(seed: 8)
        for name in ["epoch-0001", "epoch-0002", "epoch-0003", "epoch-0004", "epoch-0005", "epoch-0006",
                     "epoch-0007-step-000010", "keep-me", "epoch-0003-step-000005"] {
            try store.save(name: name, state: state, batchesTracked: [:], trainerState: Data())
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("notes"), withIntermediateDirectories: false)
        try store.markBest("epoch-0002")
        XCTAssertEqual(try store.checkpoints(), ["epoch-0001", "epoch-0002", "epoch-0003-step-000005", "epoch-0003",
                                                 "epoch-0004", "epoch-0005", "epoch-0006", "epoch-0007-step-000010"])
        let deleted = try store.prune(protected: ["epoch-0004"])
        XCTAssertEqual(deleted, ["epoch-0001", "epoch-0003", "epoch-0005"])
        XCTAssertEqual(try listing(store), ["best", "epoch-0002", "epoch-0003-step-000005", "epoch-0004", "epoch-0006",
                                            "epoch-0007-step-000010", "keep-me", "latest", "notes"])
        XCTAssertEqual(try store.prune(protected: ["epoch-0004"]), [])
    }

    // MARK: - Foreign entries and recovery

    func testNameCollisionWithAForeignFileIsRefused() throws {
        let store = try writer()
        let foreign = root.appendingPathComponent("epoch-0003")
        try Data("not mine".utf8).write(to: foreign)
        assertIOError(try store.save(name: "epoch-0003", state: try filledState(seed: 11), batchesTracked: [:], trainerState: Data()),
                      path: foreign.path, contains: "not a checkpoint folder")
        XCTAssertEqual(try Data(contentsOf: foreign), Data("not mine".utf8))
        XCTAssertEqual(try listing(store), ["epoch-0003"])
        XCTAssertEqual(try store.prune(), [], "prune never deletes what is not a checkpoint directory")
    }

    func testReadOnlyDirectoryFailsCleanly() throws {
        try XCTSkipIf(getuid() == 0, "root ignores directory permissions")
        let store = try writer()
        try store.save(name: "epoch-0001", state: try filledState(seed: 12), batchesTracked: [:], trainerState: Data())
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: root.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root.path) }
        XCTAssertThrowsError(try store.save(name: "epoch-0002", state: try filledState(seed: 13), batchesTracked: [:], trainerState: Data()))
        XCTAssertEqual(try listing(store), ["epoch-0001", "latest"])
    }

    func testInitCleansUpAfterACrash() throws {
        let store = try writer()
        let state = try filledState(seed: 14)
        try store.save(name: "epoch-0001", state: state, batchesTracked: [:], trainerState: Data("1".utf8))
        try store.save(name: "epoch-0002", state: state, batchesTracked: [:], trainerState: Data("2".utf8))
        let fm = FileManager.default
        // A crash between moving epoch-0001 aside and renaming its replacement in; a stale copy of epoch-0002.
        try fm.moveItem(at: root.appendingPathComponent("epoch-0001"), to: root.appendingPathComponent(".old-epoch-0001-77-123"))
        try fm.copyItem(at: root.appendingPathComponent("epoch-0002"), to: root.appendingPathComponent(".old-epoch-0002-77-456"))
        try fm.createDirectory(at: root.appendingPathComponent(".tmp-epoch-0001-77-789"), withIntermediateDirectories: false)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent(".link-latest-77-1").path, withDestinationPath: "epoch-0002")
        try Data().write(to: root.appendingPathComponent(".keep"))  // not the store's: left alone
        store.close()  // the crashed writer is gone
        let reopened = try writer()
        XCTAssertEqual(try listing(reopened), [".keep", "epoch-0001", "epoch-0002", "latest"])
        XCTAssertEqual(try CheckpointStore.load(try reopened.resolve("epoch-0001"), into: StateBlocks(layout: Self.layout)).trainerState,
                       Data("1".utf8))
    }

    // MARK: - Manifest

    func testManifestListsEveryFileAndLoadRejectsADamagedOne() throws {
        let store = try writer()
        let url = try store.save(name: "epoch-0001", state: try filledState(seed: 20), batchesTracked: [:], trainerState: Data("s".utf8), best: "epoch-0001")
        let manifestData = try Data(contentsOf: url.appendingPathComponent(CheckpointManifest.fileName))
        let manifest = try JSONDecoder().decode(CheckpointManifest.self, from: manifestData)
        XCTAssertEqual(manifest.runID, "test-run")
        XCTAssertEqual(manifest.best, "epoch-0001")
        XCTAssertEqual(Set(manifest.files.keys), Set(CheckpointStore.files))
        for file in CheckpointStore.files {
            // Independent reference: sha256sum of the file on disk.
            let expected = try shell("sha256sum '\(url.appendingPathComponent(file).path)'").prefix(64)
            XCTAssertEqual(manifest.files[file]?.sha256, String(expected), file)
            XCTAssertEqual(manifest.files[file]?.size, try Data(contentsOf: url.appendingPathComponent(file)).count)
        }
        // One flipped byte (same size): resolve (sizes) passes, load (hashes) names the file.
        let model = url.appendingPathComponent(CheckpointStore.modelFile)
        var bytes = try Data(contentsOf: model)
        bytes[bytes.count - 1] ^= 0x01
        try bytes.write(to: model)
        XCTAssertEqual(try store.resolve("latest"), url)
        let fresh = try StateBlocks(layout: Self.layout)
        assertIOError(try CheckpointStore.load(url, into: fresh), path: model.path, contains: "SHA-256")
        XCTAssertTrue((0 ..< fresh.count(.model)).allSatisfy { fresh.model[$0] == 0 }, "a failed load must not touch the model")
        // A truncated file: not complete, so `latest` falls back to nothing older here.
        try bytes.prefix(100).write(to: model)
        assertIOError(try store.resolve("epoch-0001"), path: model.path, contains: "100 bytes")
    }

    func testCheckpointOfThePreviousVersionLoads() throws {
        let store = try writer()
        let state = try filledState(seed: 21)
        let url = try store.save(name: "epoch-0001", state: state, batchesTracked: [:], trainerState: Data("old".utf8))
        try FileManager.default.removeItem(at: url.appendingPathComponent(CheckpointManifest.fileName))
        XCTAssertEqual(try store.checkpoints(), ["epoch-0001"])
        let fresh = try StateBlocks(layout: Self.layout)
        XCTAssertEqual(try CheckpointStore.load(try store.resolve("latest"), into: fresh).trainerState, Data("old".utf8))
        XCTAssertTrue(sameBits(state, fresh, .adamM))
        // Rewriting its trainer state gives it a manifest.
        try store.replaceTrainerState(of: "epoch-0001", with: Data("new".utf8))
        XCTAssertEqual(try CheckpointStore.load(url, into: fresh).trainerState, Data("new".utf8))
        XCTAssertTrue(FileManager.default.fileExists(atPath: url.appendingPathComponent(CheckpointManifest.fileName).path))
    }

    func testReplaceTrainerStateKeepsTheTensorsAndUpdatesTheManifest() throws {
        let store = try writer()
        let state = try filledState(seed: 22)
        let url = try store.save(name: "epoch-0001", state: state, batchesTracked: [:], trainerState: Data("before".utf8))
        let modelBefore = try Data(contentsOf: url.appendingPathComponent(CheckpointStore.modelFile))
        try store.replaceTrainerState(of: "epoch-0001", with: Data("after, longer".utf8))
        let fresh = try StateBlocks(layout: Self.layout)
        XCTAssertEqual(try CheckpointStore.load(url, into: fresh).trainerState, Data("after, longer".utf8))
        XCTAssertTrue(sameBits(state, fresh, .model) && sameBits(state, fresh, .ema) && sameBits(state, fresh, .adamV))
        XCTAssertEqual(try Data(contentsOf: url.appendingPathComponent(CheckpointStore.modelFile)), modelBefore)
        XCTAssertEqual(try listing(store), ["epoch-0001", "latest"], "nothing hidden left behind")
    }

    /// The output of `command` run by /bin/sh.
    func shell(_ command: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// Blocks of `layout` filled with arbitrary bit patterns (NaN payloads and subnormals included), seeded.
func filledCheckpointState(_ layout: Manifest.StateLayout, seed: UInt64) throws -> StateBlocks {
    let state = try StateBlocks(layout: layout)
    var x = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    for block in StateBlocks.Block.allCases {
        let p = state.pointer(block)
        for i in 0 ..< state.count(block) {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17
            p[i] = Float(bitPattern: UInt32(truncatingIfNeeded: x))
        }
    }
    return state
}
