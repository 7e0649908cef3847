import Foundation
import Formats

/// The cheap checks of a split before training (and in `validate`): exact duplicate files in two
/// splits, and groups (patients, studies) in two splits. Both inflate validation and test metrics.
public enum SplitChecks {
    /// A content hash found in more than one split: the files and their splits.
    public struct Duplicate: Equatable, Sendable {
        public var sha256: String
        public var files: [(split: Dataset.Split, path: String)]
        public static func == (a: Duplicate, b: Duplicate) -> Bool {
            a.sha256 == b.sha256 && a.files.map { "\($0.split)/\($0.path)" } == b.files.map { "\($0.split)/\($0.path)" }
        }
        /// `train/benign/a.png (train) = test/benign/b.png (test)`.
        public var description: String { files.map { "\($0.path) (\($0.split.rawValue))" }.joined(separator: " = ") }
    }

    /// A group found in more than one split, with its files per split.
    public struct Leak: Equatable, Sendable {
        public var group: String
        public var counts: [Dataset.Split: Int]
        public var firstFiles: [String]
        /// `group P12: train 3, test 1 (train/benign/P12_a.png, ...)`.
        public var description: String {
            "group \(group): " + Dataset.Split.allCases.compactMap { s in counts[s].map { "\(s.rawValue) \($0)" } }.joined(separator: ", ")
                + " (" + GroupRule.firstFew(firstFiles, 2) + ")"
        }
    }

    public struct Findings: Equatable, Sendable {
        public var duplicates: [Duplicate] = []
        public var leaks: [Leak] = []
    }

    /// Finds cross-split duplicates (files with a digest) and leaked groups in `splits`.
    public static func find(_ splits: [Dataset.Split: [ScannedFile]]) -> Findings {
        var findings = Findings()
        var byHash: [String: [(Dataset.Split, String)]] = [:], hashOrder: [String] = []
        var byGroup: [String: [(Dataset.Split, String)]] = [:], groupOrder: [String] = []
        for split in Dataset.Split.allCases {
            for file in splits[split] ?? [] {
                if let d = file.digest {
                    if byHash[d.sha256] == nil { hashOrder.append(d.sha256) }
                    byHash[d.sha256, default: []].append((split, file.sample.relativePath))
                }
                let g = file.sample.group
                if byGroup[g] == nil { groupOrder.append(g) }
                byGroup[g, default: []].append((split, file.sample.relativePath))
            }
        }
        for hash in hashOrder {
            let files = byHash[hash]!
            if Set(files.map(\.0)).count > 1 {
                findings.duplicates.append(Duplicate(sha256: hash, files: files.map { (split: $0.0, path: $0.1) }))
            }
        }
        for group in groupOrder {
            let files = byGroup[group]!
            let counts = files.reduce(into: [Dataset.Split: Int]()) { $0[$1.0, default: 0] += 1 }
            if counts.count > 1 { findings.leaks.append(Leak(group: group, counts: counts, firstFiles: files.map(\.1))) }
        }
        return findings
    }

    /// Throws one line naming `dataDir` when a group is in two splits, or (unless
    /// `allowCrossSplitDuplicates`) an exact duplicate is; returns the findings otherwise (with
    /// the duplicates allowed, to be reported).
    @discardableResult
    public static func check(_ splits: [Dataset.Split: [ScannedFile]], dataDir: String,
                             allowCrossSplitDuplicates: Bool) throws(RuntimeError) -> Findings {
        let findings = find(splits)
        if !findings.leaks.isEmpty {
            let n = findings.leaks.count
            throw .io(path: dataDir, problem: "\(n) group\(n == 1 ? " is" : "s are") in more than one split (images of one patient or study must stay in one split; "
                      + "move them into one split folder or fix data.group_by / the manifest): "
                      + findings.leaks.prefix(3).map(\.description).joined(separator: "; ") + (n > 3 ? "; and \(n - 3) more" : ""))
        }
        if !findings.duplicates.isEmpty && !allowCrossSplitDuplicates {
            let n = findings.duplicates.count
            throw .io(path: dataDir, problem: "\(n) file content\(n == 1 ? " is" : "s are") in more than one split (exact duplicates): "
                      + findings.duplicates.prefix(3).map(\.description).joined(separator: "; ") + (n > 3 ? "; and \(n - 3) more" : "")
                      + "; remove the copies, or set data.allow_cross_split_duplicates true to go on")
        }
        return findings
    }
}
