import Foundation
import Data
import Formats

/// What the demo may delete: only what it provably made. Its phantom folder carries a `.phantoms`
/// marker written before the first image (a folder without it is never touched: a non-empty one
/// is an error), and `<dir>/.breastai-demo.json` lists the run ids the demo started, so a rerun
/// replaces its own previous checkpoints and nothing else.
public struct DemoFolder {
    public let root: URL
    public init(root: URL) { self.root = root }
    var recordURL: URL { root.appendingPathComponent(".breastai-demo.json") }

    /// Writes the phantoms into `dataDir` unless the same ones are there; refuses a non-empty folder the demo did not mark.
    public static func preparePhantoms(_ dataDir: URL, counts: [Int], size: Int, seed: UInt64, say: (String) -> Void) throws {
        let fm = FileManager.default
        let marker = dataDir.appendingPathComponent(".phantoms")
        let stamp = "phantoms v1 size \(size) per class \(counts) seed \(seed)\n"
        let current = try? String(contentsOf: marker, encoding: .utf8)
        if current == stamp { return }
        if current != nil {
            // The demo's own folder (marked) with other settings, or left half-written: made again,
            // unless something else was put into it.
            if let foreign = firstForeignFile(in: dataDir, isOwn: isPhantomFile) {
                throw RuntimeError.io(path: foreign, problem: "is not a phantom the demo wrote, so the demo folder \(dataDir.path) is not replaced; move the file away or choose another --dir")
            }
            try fm.removeItem(at: dataDir)
        } else if let entries = try? fm.contentsOfDirectory(atPath: dataDir.path), !entries.isEmpty {
            throw RuntimeError.io(path: dataDir.path, problem: "exists and was not written by the demo (no .phantoms marker); the demo never replaces it: choose another --dir")
        }
        say("writing phantoms to \(dataDir.path) (\(counts[0] * 3) train, \(counts[1] * 3) val, \(counts[2] * 3) test, \(size) px) ...")
        try fm.createDirectory(at: dataDir, withIntermediateDirectories: true)
        try Data("phantoms being written\n".utf8).write(to: marker, options: .atomic)
        try Phantoms.write(to: dataDir, perClass: Phantoms.SplitCounts(train: counts[0], val: counts[1], test: counts[2]), size: size, seed: seed)
        try Data(stamp.utf8).write(to: marker, options: .atomic)
    }

    /// The run ids the demo started in this folder.
    public func runIDs() -> [String] {
        guard let data = try? Data(contentsOf: recordURL),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
        return object["runs"] as? [String] ?? []
    }

    /// Adds `runID` to the runs this demo folder started.
    public func remember(runID: String) throws {
        let object: [String: Any] = ["runs": runIDs() + [runID]]
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])).write(to: recordURL, options: .atomic)
    }

    /// Deletes `checkpointDir` when it holds a run this demo started, no process holds it (its
    /// lock is taken first) and every file in it is one the checkpoint store or `eval` wrote; any
    /// other run stays (and the training refuses to start over it), a foreign file is an error.
    public func removePreviousDemoRun(_ checkpointDir: URL, say: (String) -> Void) throws {
        guard let id = RunFolder.runID(of: checkpointDir), runIDs().contains(id) else { return }
        let store = try CheckpointStore(directory: checkpointDir, access: .write(runID: id))
        defer { store.close() }
        if let foreign = Self.firstForeignFile(in: checkpointDir, isOwn: Self.isStoreFile) {
            throw RuntimeError.io(path: foreign, problem: "was not written by the demo's run \(id), so \(checkpointDir.path) is not removed; move the file away or choose another --dir")
        }
        say("removing the previous demo run \(id) (\(checkpointDir.path), started by breastai-run demo)")
        try FileManager.default.removeItem(at: checkpointDir)
    }

    /// `split/class/class_NNNN.png` as `Phantoms.write` names them, or the `.phantoms` marker.
    static func isPhantomFile(_ components: [String]) -> Bool {
        if components == [".phantoms"] { return true }
        guard components.count == 3, ["train", "val", "test"].contains(components[0]) else { return false }
        let name = components[2]
        return name.hasPrefix(components[1] + "_") && name.hasSuffix(".png")
            && name.dropFirst(components[1].count + 1).dropLast(4).allSatisfy(\.isNumber)
    }

    /// A file of a checkpoint folder: inside a managed checkpoint or one of the store's hidden
    /// entries, `run.json`, `.lock`, `latest`/`best`, or an `eval` calibration file beside a checkpoint.
    static func isStoreFile(_ components: [String]) -> Bool {
        let top = components[0]
        if CheckpointStore.order(of: top) != nil || top == "latest" || top == "best" { return true }
        if [".tmp-", ".trash-", ".old-", ".link-"].contains(where: { top.hasPrefix($0) }) { return true }
        if components.count == 1, [CheckpointStore.runFile, ".lock", FrozenSplit.fileName].contains(top) { return true }
        if components.count == 1, top.hasPrefix("." + FrozenSplit.fileName + ".tmp-") { return true }
        return components.count == 1 && top.hasSuffix(".calibration.json")
            && CheckpointStore.order(of: String(top.dropLast(".calibration.json".count))) != nil
    }

    /// The first file or link under `folder` (relative path components tested by `isOwn`) that is
    /// not the program's, as a path; nil when all are.
    static func firstForeignFile(in folder: URL, isOwn: ([String]) -> Bool) -> String? {
        let base = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return nil }
        while let relative = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = base + "/" + relative
            let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
            if !isLink, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { continue }
            if !isOwn(relative.split(separator: "/").map(String.init)) { return path }
        }
        return nil
    }
}

