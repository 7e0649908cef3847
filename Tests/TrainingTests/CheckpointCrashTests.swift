import Foundation
import XCTest
import Graph
@testable import Runtime
@testable import Training

/// Crash injection over every file-system step of the checkpoint store: a script of saves,
/// prunes, link updates, a checkpoint replacement and a trainer-state rewrite (with a backup
/// folder) is run once without a crash, then once per step k crashing at k. After each crash,
/// recovery runs (itself crashing at its 1st, 2nd, ... step until one attempt finishes), and the
/// test checks that one resume works, no complete checkpoint is lost, both folders agree, and
/// nothing outside the store's own entries changed; then the script continues from the op that
/// crashed and must end exactly as the uninterrupted run.
final class CheckpointCrashTests: XCTestCase {
    /// A small layout with one BatchNorm, so each of the hundreds of replays takes milliseconds.
    static let layout: Manifest.StateLayout = {
        let shapes: [(String, [Int])] = [("features.0.0.weight", [4, 3, 3, 3]), ("features.0.1.weight", [4]), ("features.0.1.bias", [4]),
                                          ("classifier.1.weight", [3, 4]), ("classifier.1.bias", [3])]
        var offset = 0
        func entries(_ list: [(String, [Int])]) -> [Manifest.TensorEntry] {
            list.map { name, shape in
                defer { offset += shape.reduce(1, *) }
                return Manifest.TensorEntry(name: name, shape: shape, offset: offset, count: shape.reduce(1, *))
            }
        }
        let parameters = entries(shapes)
        let parameterFloats = offset
        let buffers = entries([("features.0.1.running_mean", [4]), ("features.0.1.running_var", [4])])
        return .init(parameters: parameters, buffers: buffers, parameterFloats: parameterFloats, modelFloats: offset)
    }()

    enum Op {
        case save(String, seed: UInt64, best: String?)
        case prune
        case markBest(String)
        case replaceTrainerState(String)
    }

    /// The training-like script. Op 0 (not listed) is opening the store.
    static let script: [Op] = [
        .save("epoch-0001", seed: 1, best: "epoch-0001"), .prune,
        .save("epoch-0002", seed: 2, best: "epoch-0001"), .prune,
        .save("epoch-0003-step-000002", seed: 3, best: "epoch-0001"),
        .save("epoch-0003", seed: 4, best: "epoch-0003"), .markBest("epoch-0003"), .prune,
        .save("epoch-0004", seed: 5, best: "epoch-0003"),
        .replaceTrainerState("epoch-0003"),
        .save("epoch-0004", seed: 6, best: "epoch-0004"),  // the same name again: a replacement
        .prune,
    ]

    struct Folders {
        let root: URL
        var store: URL { root.appendingPathComponent("ckpt") }
        var backup: URL { root.appendingPathComponent("backup") }
    }

    /// A fresh root with foreign entries the store must never touch.
    func makeFolders() throws -> Folders {
        // tmpfs when there is one: the replays make tens of thousands of small files.
        let shm = URL(fileURLWithPath: "/dev/shm")
        let base = FileManager.default.isWritableFile(atPath: shm.path) ? shm : FileManager.default.temporaryDirectory
        let f = Folders(root: base.appendingPathComponent("breastai-crash-\(UUID().uuidString)"))
        let fm = FileManager.default
        for dir in [f.store, f.backup, f.store.appendingPathComponent("keep-me")] { try fm.createDirectory(at: dir, withIntermediateDirectories: true) }
        try Data("outside".utf8).write(to: f.root.appendingPathComponent("outside.txt"))
        try Data("notes".utf8).write(to: f.store.appendingPathComponent("notes.txt"))
        try Data("hidden".utf8).write(to: f.store.appendingPathComponent(".keep"))
        try Data("mine".utf8).write(to: f.store.appendingPathComponent("keep-me/file"))
        try Data("notes".utf8).write(to: f.backup.appendingPathComponent("notes.txt"))
        return f
    }

    func open(_ f: Folders, _ fs: CheckpointFileSystem) throws -> CheckpointStore {
        try CheckpointStore(directory: f.store, keepLatest: 2, access: .write(runID: "crash-run"), backupDirectory: f.backup, fileSystem: fs)
    }

    func run(_ op: Op, on store: CheckpointStore) throws {
        switch op {
        case .save(let name, let seed, let best):
            try store.save(name: name, state: try filledCheckpointState(Self.layout, seed: seed),
                           batchesTracked: ["features.0.1": Int64(seed)], trainerState: Data("state \(seed)".utf8), best: best)
        case .prune: try store.prune()
        case .markBest(let name): try store.markBest(name)
        case .replaceTrainerState(let name): try store.replaceTrainerState(of: name, with: Data("calibrated \(name)".utf8))
        }
    }

    /// Complete checkpoints of `folder` → manifest bytes (legacy ones do not occur here).
    func snapshot(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let store = try CheckpointStore(directory: folder, access: .read)
        for name in try store.checkpoints() {
            out[name] = try Data(contentsOf: folder.appendingPathComponent(name).appendingPathComponent(CheckpointManifest.fileName))
        }
        return out
    }

    func links(_ folder: URL) -> [String: String] {
        var out: [String: String] = [:]
        for link in ["latest", "best"] { out[link] = try? FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent(link).path) }
        return out
    }

    /// What a crash left, for the tally: the hidden kinds present and stale links.
    func describe(_ f: Folders) throws -> [String] {
        var kinds = Set<String>()
        for (label, folder) in [("", f.store), ("backup ", f.backup)] {
            for entry in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                for prefix in [".tmp-", ".old-", ".trash-", ".link-"] where entry.hasPrefix(prefix) { kinds.insert(label + prefix + "*") }
            }
            let complete = try snapshot(folder).keys.sorted { CheckpointStore.order(of: $0)! < CheckpointStore.order(of: $1)! }
            let latest = links(folder)["latest"]
            if let latest, !complete.contains(latest) { kinds.insert(label + "latest -> missing") }
            else if let newest = complete.last, latest != newest { kinds.insert(label + "complete checkpoint newer than latest") }
            if let best = links(folder)["best"], !complete.contains(best) { kinds.insert(label + "best -> missing") }
        }
        if try snapshot(f.store).keys.sorted() != snapshot(f.backup).keys.sorted() { kinds.insert("backup differs from the checkpoint folder") }
        return kinds.isEmpty ? ["clean"] : kinds.sorted()
    }

    func testCrashAtEveryStepRecoversAndEndsAsTheUninterruptedRun() throws {
        // The uninterrupted run: its step count, and each op's resulting checkpoints and links.
        let reference = try makeFolders()
        defer { try? FileManager.default.removeItem(at: reference.root) }
        let counter = CrashingFileSystem(crashAt: nil, roots: [reference.store, reference.backup])
        var afterOp: [[String: Data]] = []
        do {
            let store = try open(reference, counter)
            afterOp.append(try snapshot(reference.store))
            for op in Self.script { try run(op, on: store); afterOp.append(try snapshot(reference.store)) }
        }
        let totalSteps = counter.steps
        let finalCheckpoints = try snapshot(reference.store), finalLinks = links(reference.store)
        XCTAssertEqual(finalCheckpoints.keys.sorted(), ["epoch-0003", "epoch-0004"])
        XCTAssertEqual(finalLinks, ["latest": "epoch-0004", "best": "epoch-0004"])
        XCTAssertGreaterThan(totalSteps, 100)

        var tally: [String: Int] = [:]
        var recoveryCrashes = 0
        for k in 1 ... totalSteps {
            let f = try makeFolders()
            defer { try? FileManager.default.removeItem(at: f.root) }
            let fs = CrashingFileSystem(crashAt: k, roots: [f.store, f.backup])
            var failedOp = 0  // 0: opening the store
            var before: [String: Data] = [:]
            do {
                let store = try open(f, fs)
                for (i, op) in Self.script.enumerated() {
                    failedOp = i + 1
                    before = try snapshot(f.store)
                    try run(op, on: store)
                }
                XCTFail("step \(k) of \(totalSteps) did not crash")
                continue
            } catch is CrashingFileSystem.Crash {
            }  // the store (and its lock) is abandoned here
            let what = "crash at step \(k) (\(fs.log.last!)) in op \(failedOp)"
            for state in try describe(f) { tally[state, default: 0] += 1 }

            // Recovery, itself crashing at its 1st, 2nd, ... step until an attempt completes.
            var store: CheckpointStore?
            for j in 1 ... 1000 {
                let recoveryFS = CrashingFileSystem(crashAt: j, roots: [f.store, f.backup])
                do { store = try open(f, recoveryFS); break } catch is CrashingFileSystem.Crash { recoveryCrashes += 1 }
                XCTAssertTrue(recoveryFS.outside.isEmpty, "\(what): recovery touched \(recoveryFS.outside)")
            }
            guard let recovered = store else { return XCTFail("\(what): recovery never finished") }
            // Recovery is idempotent: opening again (with the real file system) finds nothing to do.
            recovered.close()
            store = try open(f, CrashingFileSystem(crashAt: nil, roots: [f.store, f.backup]))
            XCTAssertEqual(store!.notes, [], "\(what): a second recovery acted")
            guard let store else { return }
            try check(f, store: store, before: before, after: failedOp > 0 ? afterOp[failedOp] : [:], op: failedOp, what)
            XCTAssertTrue(fs.outside.isEmpty, "\(what): touched \(fs.outside)")

            // The run continues from the op that crashed and ends as the uninterrupted one.
            for op in Self.script[max(failedOp, 1) - 1 ..< Self.script.count] { try run(op, on: store) }
            XCTAssertEqual(try snapshot(f.store), finalCheckpoints, what)
            XCTAssertEqual(try snapshot(f.backup), finalCheckpoints, "\(what): backup")
            XCTAssertEqual(links(f.store), finalLinks, what)
            XCTAssertEqual(links(f.backup), finalLinks, "\(what): backup")
        }
        print("checkpoint crash injection: \(totalSteps) crash points, \(recoveryCrashes) crashes during recovery; states left:")
        for (state, count) in tally.sorted(by: { $0.key < $1.key }) { print("  \(count) x \(state)") }
    }

    /// After recovery: only `.lock` hidden, every checkpoint complete before the op still there
    /// (or legitimately pruned/replaced by it), each loads, links right, backup equal, foreign entries intact.
    func check(_ f: Folders, store: CheckpointStore, before: [String: Data], after: [String: Data], op: Int, _ what: String) throws {
        let fm = FileManager.default
        for folder in [f.store, f.backup] {
            let hidden = try fm.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") && $0 != ".lock" && $0 != ".keep" }
            XCTAssertEqual(hidden, [], "\(what): left in \(folder.lastPathComponent)")
        }
        let now = try snapshot(f.store)
        for (name, manifest) in before {
            guard let current = now[name] else {
                XCTAssertNil(after[name], "\(what): \(name) lost (the op did not delete it)")
                continue
            }
            XCTAssertTrue(current == manifest || current == after[name], "\(what): \(name) is neither the old nor the new version")
        }
        for name in now.keys {
            let state = try StateBlocks(layout: Self.layout)
            XCTAssertNoThrow(try CheckpointStore.load(f.store.appendingPathComponent(name), into: state), "\(what): \(name)")
        }
        let newest = now.keys.sorted { CheckpointStore.order(of: $0)! < CheckpointStore.order(of: $1)! }.last
        if let newest {
            XCTAssertEqual(try store.resolve("latest").lastPathComponent, newest, what)
            XCTAssertEqual(links(f.store)["latest"], newest, what)
        } else if op > 1 {
            XCTFail("\(what): no checkpoint after recovery")
        }
        if let best = links(f.store)["best"] { XCTAssertNotNil(now[best], "\(what): best -> \(best) is not complete") }
        XCTAssertEqual(try snapshot(f.backup), now, "\(what): the backup differs")
        XCTAssertEqual(links(f.backup), links(f.store), "\(what): the backup's links differ")
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: f.root.path).sorted(), ["backup", "ckpt", "outside.txt"], what)
        for (path, text) in [("outside.txt", "outside"), ("ckpt/notes.txt", "notes"), ("ckpt/.keep", "hidden"),
                             ("ckpt/keep-me/file", "mine"), ("backup/notes.txt", "notes")] {
            XCTAssertEqual(try String(contentsOf: f.root.appendingPathComponent(path), encoding: .utf8), text, "\(what): \(path)")
        }
    }
}
