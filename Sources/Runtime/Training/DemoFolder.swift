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
            // The demo's own folder (marked) with other settings, or left half-written: made again.
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

    /// Deletes `checkpointDir` when it holds a run this demo started; any other run stays (and the
    /// training refuses to start over it).
    public func removePreviousDemoRun(_ checkpointDir: URL, say: (String) -> Void) throws {
        guard let id = RunFolder.runID(of: checkpointDir), runIDs().contains(id) else { return }
        say("removing the previous demo run \(id) (\(checkpointDir.path), started by breastai-run demo)")
        try FileManager.default.removeItem(at: checkpointDir)
    }
}

