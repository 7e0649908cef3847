import Foundation
import Formats

extension CheckpointStore {
    /// Makes `backup` hold the same complete checkpoints and links as the primary folder, after a
    /// crash between writing one and the other: missing or different checkpoints are copied (their
    /// files verified against the manifest on the way), managed ones the primary no longer has and
    /// that are older than its newest are deleted. A backup newer than the primary is refused: the
    /// primary lost data, and deleting the backup's copy would lose it twice.
    func synchronize(_ backup: CheckpointFolder) throws -> [String] {
        var notes: [String] = []
        let primaryAll = try primary.managed()
        let backupAll = try backup.managed()
        let newestPrimary = primaryAll.last.flatMap { Self.order(of: $0.name) }
        if let newestBackup = backupAll.last, newestPrimary.map({ $0 < Self.order(of: newestBackup.name)! }) ?? true {
            throw RuntimeError.io(path: backup.directory.path, problem: "the backup holds \(newestBackup.name), newer than anything in \(directory.path); copy the backup back into the checkpoint folder or use another backup folder")
        }
        let backupManifests = Dictionary(uniqueKeysWithValues: backupAll.map { ($0.name, $0.status) })
        for (name, status) in primaryAll {
            switch (status, backupManifests[name]) {
            case (.complete(let m), .complete(let b)?) where m == b: continue
            case (.legacy, .some): continue
            default: break
            }
            try copy(name, status, to: backup)
            notes.append("\(backup.directory.path): copied \(name) from the checkpoint folder")
        }
        let inPrimary = Set(primaryAll.map(\.name))
        for (name, _) in backupAll where !inPrimary.contains(name) {
            try backup.discard(name)
            notes.append("\(backup.directory.path): deleted \(name), which the checkpoint folder had pruned")
        }
        for link in ["latest", "best"] {
            let target = primary.target(link)
            if let target, backup.status(target) != nil {
                if backup.target(link) != target { try backup.link(link, to: target) }
            } else if backup.target(link) != nil {
                try backup.unlink(link)
            }
        }
        return notes
    }

    /// Copies checkpoint `name` of the primary folder into `backup`, verifying each file.
    private func copy(_ name: String, _ status: CheckpointFolder.Status, to backup: CheckpointFolder) throws {
        let source = directory.appendingPathComponent(name)
        var files: [(String, Data)] = []
        for file in Self.files {
            let data = try primary.fs.read(source.appendingPathComponent(file).path)
            if case .complete(let m) = status { try m.verify(file, data, in: source) }
            files.append((file, data))
        }
        let manifest: Data
        switch status {
        case .complete: manifest = try primary.fs.read(source.appendingPathComponent(CheckpointManifest.fileName).path)
        case .legacy:
            let runID: String
            if case .write(let id) = access { runID = id } else { runID = "" }
            manifest = CheckpointManifest(runID: runID, name: name, best: nil, files: files).encoded()
        }
        try backup.place(name, files: files + [(CheckpointManifest.fileName, manifest)])
    }
}
