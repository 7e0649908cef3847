import Foundation
import XCTest
import Graph
@testable import Runtime
@testable import Training
#if canImport(Glibc)
import Glibc
#endif

/// The checkpoint folder as a run's: identity, the writer's lock, read-only access next to a
/// writer, moving a run aside, and the backup mirror.
final class CheckpointRunTests: XCTestCase {
    static let layout = CheckpointStoreTests.layout
    var root: URL!
    var store: URL { root.appendingPathComponent("ckpt") }

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("checkpoint-run-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    func state(_ seed: UInt64) throws -> StateBlocks { try filledCheckpointState(Self.layout, seed: seed) }

    func listing(_ url: URL) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() }

    func message(_ body: @autoclosure () throws -> Any) -> String {
        do { _ = try body(); return "no error" } catch { return "\(error)" }
    }

    func testRunIdentityIsWrittenAndAnotherRunIsRefused() throws {
        XCTAssertNil(try CheckpointStore.runIdentity(at: store))
        let a = try CheckpointStore(directory: store, access: .write(runID: "run-a"))
        let identity = try XCTUnwrap(try CheckpointStore.runIdentity(at: store))
        XCTAssertEqual(identity.runID, "run-a")
        XCTAssertEqual(identity.format, 1)
        XCTAssertNotNil(ISO8601DateFormatter().date(from: identity.created), identity.created)
        a.close()
        let refused = message(try CheckpointStore(directory: store, access: .write(runID: "run-b")))
        XCTAssertTrue(refused.hasPrefix(store.path + ": the folder holds run run-a"), refused)
        XCTAssertTrue(refused.contains("--resume") && refused.contains("--overwrite-run") && refused.contains("--checkpoint-dir"), refused)
        XCTAssertFalse(refused.contains("\n"))
        XCTAssertEqual(try CheckpointStore.runIdentity(at: store)?.runID, "run-a", "the refusal changed nothing")
        _ = try CheckpointStore(directory: store, access: .write(runID: "run-a"))  // the same run continues
    }

    func testSecondWriterFailsAtOnceAndAStaleLockIsTakenOver() throws {
        let first = try CheckpointStore(directory: store, access: .write(runID: "r"))
        let started = Date()
        let refused = message(try CheckpointStore(directory: store, access: .write(runID: "r")))
        XCTAssertLessThan(Date().timeIntervalSince(started), 1, "fails at once, does not wait")
        XCTAssertTrue(refused.hasPrefix(store.path + ": locked by process \(getpid())"), refused)
        first.close()
        XCTAssertTrue(try CheckpointStore(directory: store, access: .write(runID: "r")).notes.isEmpty, "a closed lock is free, no note")

        // A process that held the lock and died without closing: its PID is in .lock, no flock.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/sh")
        child.arguments = ["-c", "exit 0"]
        try child.run()
        child.waitUntilExit()
        try Data("\(child.processIdentifier)\n".utf8).write(to: store.appendingPathComponent(".lock"))
        let taker = try CheckpointStore(directory: store, access: .write(runID: "r"))
        XCTAssertEqual(taker.notes.count, 1, "\(taker.notes)")
        XCTAssertTrue(taker.notes[0].contains("took over the lock of process \(child.processIdentifier)"), taker.notes[0])
        XCTAssertEqual(try String(contentsOf: store.appendingPathComponent(".lock"), encoding: .utf8), "\(getpid())\n")
    }

    /// The bug: `export` in a loop opened the store, whose init always recovered and deleted the
    /// running training's `.tmp-*` folder, so the training died at its next save. A reader now
    /// leaves every entry in place and sees only complete checkpoints.
    func testReadOnlyOpenNextToAWriterChangesNothing() throws {
        let writer = try CheckpointStore(directory: store, access: .write(runID: "r"))
        try writer.save(name: "epoch-0001", state: try state(1), batchesTracked: [:], trainerState: Data("1".utf8))
        // A save in progress (its manifest not yet written), a replacement and a deletion under way.
        let fm = FileManager.default
        let inProgress = store.appendingPathComponent(".tmp-epoch-0002-\(getpid())-1")
        try fm.copyItem(at: store.appendingPathComponent("epoch-0001"), to: inProgress)
        try fm.removeItem(at: inProgress.appendingPathComponent(CheckpointManifest.fileName))
        try fm.createDirectory(at: store.appendingPathComponent(".trash-epoch-0000-\(getpid())-2"), withIntermediateDirectories: false)
        try fm.createDirectory(at: store.appendingPathComponent("epoch-0003"), withIntermediateDirectories: false)  // incomplete
        let before = try listing(store)
        let lockBefore = try Data(contentsOf: store.appendingPathComponent(".lock"))
        for _ in 0 ..< 3 {
            let reader = try CheckpointStore(directory: store, access: .read)
            XCTAssertEqual(try reader.resolve("latest").lastPathComponent, "epoch-0001")
            XCTAssertEqual(try reader.checkpoints(), ["epoch-0001"])
            XCTAssertTrue(reader.notes.isEmpty)
            XCTAssertTrue(message(try reader.save(name: "epoch-0004", state: try state(2), batchesTracked: [:], trainerState: Data())).contains("read-only"))
            XCTAssertTrue(message(try reader.prune()).contains("read-only"))
        }
        XCTAssertEqual(try listing(store), before)
        XCTAssertEqual(try Data(contentsOf: store.appendingPathComponent(".lock")), lockBefore)
        // The writer's save of epoch-0002 still works.
        try writer.save(name: "epoch-0002", state: try state(3), batchesTracked: [:], trainerState: Data("2".utf8))
        XCTAssertEqual(try writer.checkpoints(), ["epoch-0001", "epoch-0002"])
        // A reader of a folder that does not exist creates nothing.
        let missing = root.appendingPathComponent("nothing-here")
        XCTAssertTrue(message(try CheckpointStore(directory: missing, access: .read).resolve("latest")).contains("no checkpoint"))
        XCTAssertFalse(fm.fileExists(atPath: missing.path))
    }

    func testMoveAsideRefusesALiveWriterAndNeverDeletes() throws {
        let writer = try CheckpointStore(directory: store, access: .write(runID: "r"))
        try writer.save(name: "epoch-0001", state: try state(4), batchesTracked: [:], trainerState: Data("1".utf8))
        let refused = message(try CheckpointStore.moveAside(store))
        XCTAssertTrue(refused.hasPrefix(store.path + ": locked by process \(getpid())"), refused)
        XCTAssertTrue(FileManager.default.fileExists(atPath: store.path))
        writer.close()
        let moved = try CheckpointStore.moveAside(store)
        XCTAssertEqual(moved.deletingLastPathComponent().path.trimmingCharacters(in: CharacterSet(charactersIn: "/")), root.path.trimmingCharacters(in: CharacterSet(charactersIn: "/")))
        XCTAssertTrue(moved.lastPathComponent.hasPrefix("ckpt.moved-"), moved.lastPathComponent)
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.path))
        XCTAssertEqual(try CheckpointStore.runIdentity(at: moved)?.runID, "r")
        XCTAssertEqual(try CheckpointStore(directory: moved, access: .read).checkpoints(), ["epoch-0001"])
        // A second move in the same second gets another name.
        try FileManager.default.createDirectory(at: store, withIntermediateDirectories: false)
        let again = try CheckpointStore.moveAside(store)
        XCTAssertNotEqual(again, moved)
    }

    func testBackupHoldsTheSameCheckpointsAndLinks() throws {
        let backup = root.appendingPathComponent("backup")
        let writer = try CheckpointStore(directory: store, keepLatest: 2, access: .write(runID: "r"), backupDirectory: backup)
        for epoch in 1 ... 5 {
            let name = CheckpointStore.epochName(epoch)
            try writer.save(name: name, state: try state(UInt64(10 + epoch)), batchesTracked: [:], trainerState: Data("\(epoch)".utf8),
                            best: "epoch-0002")
            try writer.prune()
        }
        try writer.replaceTrainerState(of: "epoch-0002", with: Data("calibrated".utf8))
        try assertMirrored(store, backup)
        XCTAssertEqual(try writer.checkpoints(), ["epoch-0002", "epoch-0004", "epoch-0005"])
        XCTAssertEqual(try CheckpointStore.runIdentity(at: backup)?.runID, "r")
        let fresh = try StateBlocks(layout: Self.layout)
        XCTAssertEqual(try CheckpointStore.load(backup.appendingPathComponent("epoch-0002"), into: fresh).trainerState, Data("calibrated".utf8))

        // A crash between the primary and the backup: recovery copies and deletes so they match again.
        writer.close()
        try FileManager.default.removeItem(at: backup.appendingPathComponent("epoch-0005"))
        try FileManager.default.copyItem(at: backup.appendingPathComponent("epoch-0004"), to: backup.appendingPathComponent("epoch-0003"))
        let reopened = try CheckpointStore(directory: store, keepLatest: 2, access: .write(runID: "r"), backupDirectory: backup)
        XCTAssertTrue(reopened.notes.contains { $0.contains("copied epoch-0005") }, "\(reopened.notes)")
        XCTAssertTrue(reopened.notes.contains { $0.contains("deleted epoch-0003") }, "\(reopened.notes)")
        try assertMirrored(store, backup)

        // A failure to back up is an error, not skipped.
        try Data("in the way".utf8).write(to: backup.appendingPathComponent("epoch-0006"))
        let failed = message(try reopened.save(name: "epoch-0006", state: try state(30), batchesTracked: [:], trainerState: Data()))
        XCTAssertTrue(failed.hasPrefix(backup.appendingPathComponent("epoch-0006").path + ": exists and is not a checkpoint folder"), failed)
        XCTAssertEqual(try Data(contentsOf: backup.appendingPathComponent("epoch-0006")), Data("in the way".utf8))
    }

    /// The same complete checkpoints (byte-identical files and manifests) and the same links.
    func assertMirrored(_ a: URL, _ b: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let visible = { (url: URL) in try self.listing(url).filter { !$0.hasPrefix(".") } }
        XCTAssertEqual(try visible(a), try visible(b), file: file, line: line)
        for name in try visible(a) {
            let x = a.appendingPathComponent(name), y = b.appendingPathComponent(name)
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: x.path) {
                XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: y.path), target, name, file: file, line: line)
            } else if name != CheckpointStore.runFile {
                for f in CheckpointStore.files + [CheckpointManifest.fileName] {
                    XCTAssertEqual(try Data(contentsOf: x.appendingPathComponent(f)), try Data(contentsOf: y.appendingPathComponent(f)),
                                   "\(name)/\(f)", file: file, line: line)
                }
            }
        }
    }
}
