import Foundation
import Formats

/// One file as the data folder has it now: the scanned sample, where the folders (or the
/// manifest) put it, and its content digest (nil when it could not be read).
public struct ScannedFile: Sendable {
    public var sample: Dataset.Sample
    public var givenSplit: Dataset.Split
    public var digest: FileDigest?
    public init(sample: Dataset.Sample, givenSplit: Dataset.Split, digest: FileDigest?) {
        self.sample = sample; self.givenSplit = givenSplit; self.digest = digest
    }
}

/// How the data folder differs from a frozen split, by kind. A file is matched by its path, or,
/// when its path is gone, by its content (SHA-256) to a file that appeared: then it moved.
public struct DataChanges: Equatable, Sendable {
    /// Frozen paths no longer present (nor found elsewhere by content).
    public var missing: [String] = []
    /// Same path, other content (size or SHA-256).
    public var changed: [String] = []
    /// Same content now under another class (`from -> to` paths, or one path when a manifest relabelled it).
    public var movedClass: [String] = []
    /// Same content now in another given split (folder or manifest `split`).
    public var movedSplit: [String] = []
    /// Same content, class and split under another path.
    public var renamed: [String] = []
    /// Files not in the frozen split.
    public var new: [String] = []

    public init() {}

    public var isEmpty: Bool { all.allSatisfy { $0.items.isEmpty } }

    /// The kinds in the order they are reported.
    public var all: [(kind: String, items: [String])] {
        [("missing", missing), ("changed content (size or SHA-256)", changed), ("moved to another class", movedClass),
         ("moved to another split", movedSplit), ("renamed", renamed), ("new (not in the frozen split)", new)]
    }

    /// One line per kind present: `3 missing: a, b, c and 1 more`.
    public var lines: [String] {
        all.filter { !$0.items.isEmpty }.map { "\($0.items.count) \($0.kind): " + GroupRule.firstFew($0.items, 3) }
    }

    /// All kinds on one line, `; `-separated.
    public var summary: String { lines.joined(separator: "; ") }
}

extension FrozenSplit {
    /// The differences between `current` and this frozen split.
    public func changes(_ current: [ScannedFile], classNames: [String]) -> DataChanges {
        changesAndMatches(current, classNames: classNames).changes
    }

    /// The samples of each split as frozen, from the data as it is now: every current file that
    /// matches a frozen entry (by path, or moved/renamed by content) keeps that entry's split and
    /// group and takes its current label and content; new files are left out, missing ones are
    /// gone, frozen `unreadable` files stay out. Per split in the order of `current`.
    public func assign(_ current: [ScannedFile], classNames: [String]) -> (splits: [Dataset.Split: [ScannedFile]], changes: DataChanges) {
        let (changes, matches) = changesAndMatches(current, classNames: classNames)
        var splits: [Dataset.Split: [ScannedFile]] = [.train: [], .val: [], .test: []]
        for (i, file) in current.enumerated() {
            guard let entry = matches[i], let split = Dataset.Split(rawValue: entry.split) else { continue }
            var kept = file
            kept.sample.group = entry.group
            splits[split]!.append(kept)
        }
        return (splits, changes)
    }

    private func changesAndMatches(_ current: [ScannedFile], classNames: [String]) -> (changes: DataChanges, matches: [Entry?]) {
        var changes = DataChanges()
        var matches = [Entry?](repeating: nil, count: current.count)
        var byPath: [String: Int] = [:]
        for (i, f) in current.enumerated() { byPath[f.sample.relativePath] = i }
        func label(_ f: ScannedFile) -> String { classNames[f.sample.label] }
        var gone: [Entry] = []
        for entry in files {
            guard let i = byPath[entry.path] else { gone.append(entry); continue }
            let f = current[i]
            matches[i] = entry
            if (f.digest?.size ?? -1) != entry.size || (f.digest?.sha256 ?? "") != entry.sha256 {
                changes.changed.append(entry.path)
            } else if f.givenSplit.rawValue != entry.givenSplit {
                changes.movedSplit.append("\(entry.path) (\(entry.givenSplit) -> \(f.givenSplit.rawValue))")
            } else if label(f) != entry.label {
                changes.movedClass.append("\(entry.path) (\(entry.label) -> \(label(f)))")
            }
        }
        // Files that appeared, by content, in scan order: candidates for the gone entries.
        var appeared: [String: [Int]] = [:]
        for (i, f) in current.enumerated() where matches[i] == nil {
            if let d = f.digest { appeared[d.sha256, default: []].append(i) }
        }
        for entry in gone {
            guard !entry.sha256.isEmpty, var candidates = appeared[entry.sha256], !candidates.isEmpty else {
                changes.missing.append(entry.path)
                continue
            }
            let i = candidates.removeFirst()
            appeared[entry.sha256] = candidates
            let f = current[i]
            matches[i] = entry
            let move = "\(entry.path) -> \(f.sample.relativePath)"
            if f.givenSplit.rawValue != entry.givenSplit {
                changes.movedSplit.append(move)
            } else if label(f) != entry.label {
                changes.movedClass.append(move)
            } else {
                changes.renamed.append(move)
            }
        }
        for (i, f) in current.enumerated() where matches[i] == nil { changes.new.append(f.sample.relativePath) }
        return (changes, matches)
    }
}
