import Foundation
import Formats

/// The train / val / test samples of a run, decided once: from the folders (or manifest) and the
/// seeded group split for a fresh run, or from the run's frozen split afterwards.
///
/// Input: the scan's files per given split, each with its digest and whether it decoded. Output:
/// the readable files per split (`splits`, in scan order), the entries to freeze (every scanned
/// file, unreadable ones with split `unreadable`), and notes for the log. Both paths end with
/// `SplitChecks` (no group in two splits; no exact duplicate in two splits unless allowed).
public struct SplitPlan: Sendable {
    public var splits: [Dataset.Split: [ScannedFile]]
    /// What `split.json` records.
    public var entries: [FrozenSplit.Entry]
    public var notes: [String] = []
    /// The differences to the frozen split (empty for a fresh split).
    public var changes = DataChanges()

    public func samples(_ split: Dataset.Split) -> [Dataset.Sample] { (splits[split] ?? []).map(\.sample) }

    /// The settings of a fresh split.
    public struct Settings: Sendable {
        public var valFraction: Double
        public var testFraction: Double
        public var seed: UInt64
        /// The class a group is stratified by when any of its images has it (the malignant one).
        public var priority: Int?
        public var allowCrossSplitDuplicates: Bool
        public init(valFraction: Double, testFraction: Double, seed: UInt64, priority: Int?, allowCrossSplitDuplicates: Bool = false) {
            self.valFraction = valFraction; self.testFraction = testFraction; self.seed = seed
            self.priority = priority; self.allowCrossSplitDuplicates = allowCrossSplitDuplicates
        }
    }

    /// A fresh split: given `val`/`test` stay; when missing they are carved from the readable
    /// `train` files by `GroupSplit` (groups whole, duplicates joined, stratified per group label).
    /// `files[split]` nil means that split was not given; `readable` is indexed like `files`.
    public static func fresh(files: [Dataset.Split: [ScannedFile]], readable: [Dataset.Split: [Bool]],
                             classNames: [String], dataDir: String, settings: Settings) throws(RuntimeError) -> SplitPlan {
        var plan = SplitPlan(splits: [:], entries: [])
        var use: [Dataset.Split: [ScannedFile]] = [:]
        for split in Dataset.Split.allCases {
            guard let all = files[split] else { continue }
            use[split] = zip(all, readable[split] ?? []).filter(\.1).map(\.0)
        }
        let pool = use[.train] ?? []
        if files[.val] == nil || files[.test] == nil {
            let grouped = GroupSplit(labels: pool.map(\.sample.label), groups: pool.map(\.sample.group),
                                     contentHashes: pool.map { $0.digest?.sha256 ?? "unread:" + $0.sample.relativePath },
                                     classCount: classNames.count,
                                     valFraction: files[.val] == nil ? settings.valFraction : 0,
                                     testFraction: files[.test] == nil ? settings.testFraction : 0,
                                     seed: settings.seed, priority: settings.priority)
            var joined = pool
            for i in joined.indices { joined[i].sample.group = grouped.groups[i] }
            let missing = [files[.val] == nil ? "val" : nil, files[.test] == nil ? "test" : nil].compactMap { $0 }.joined(separator: " and ")
            let s = grouped.split
            plan.notes.append("no \(missing) given: seeded stratified split of train by group "
                              + "(\(grouped.groupCount) groups; val \(s.val.count), test \(s.test.count), train \(s.train.count) images)")
            if grouped.duplicateJoins > 0 {
                plan.notes.append("\(grouped.duplicateJoins) exact duplicate file\(grouped.duplicateJoins == 1 ? "" : "s") joined to their copy's group (kept in one split)")
            }
            for c in s.tooSmall {
                plan.notes.append("class '\(classNames[c])' has too few groups to split; all of them stay in train")
            }
            if files[.val] == nil { use[.val] = s.val.map { joined[$0] } }
            if files[.test] == nil { use[.test] = s.test.map { joined[$0] } }
            use[.train] = s.train.map { joined[$0] }
        }
        plan.splits = use
        let findings = try SplitChecks.check(use, dataDir: dataDir, allowCrossSplitDuplicates: settings.allowCrossSplitDuplicates)
        plan.noteDuplicates(findings)
        // Every scanned file, with the split it is used in (or `unreadable`).
        var where_: [String: (Dataset.Split, String)] = [:]
        for (split, list) in use { for f in list { where_[f.sample.relativePath] = (split, f.sample.group) } }
        for split in Dataset.Split.allCases {
            for file in files[split] ?? [] {
                let used = where_[file.sample.relativePath]
                plan.entries.append(FrozenSplit.Entry(
                    path: file.sample.relativePath, size: file.digest?.size ?? -1, sha256: file.digest?.sha256 ?? "",
                    label: classNames[file.sample.label], group: used?.1 ?? file.sample.group,
                    givenSplit: split.rawValue, split: used?.0.rawValue ?? FrozenSplit.unreadable))
            }
        }
        return plan
    }

    /// The split of a frozen run, checked against the data as it is now. Any difference throws
    /// (one line, every kind with counts and first paths) unless `allowDataChange`, which goes on
    /// with the changes (noted): missing files dropped, new files ignored, changed files used as
    /// they are, moved files kept in their frozen split with their current class.
    public static func frozen(_ frozen: FrozenSplit, files: [Dataset.Split: [ScannedFile]], readable: [Dataset.Split: [Bool]],
                              classNames: [String], dataDir: String, source: String, allowDataChange: Bool,
                              allowCrossSplitDuplicates: Bool) throws(RuntimeError) -> SplitPlan {
        var current: [ScannedFile] = [], ok: [String: Bool] = [:]
        for split in Dataset.Split.allCases {
            for (file, good) in zip(files[split] ?? [], readable[split] ?? []) {
                current.append(file)
                ok[file.sample.relativePath] = good
            }
        }
        let (assigned, changes) = frozen.assign(current, classNames: classNames)
        if !changes.isEmpty && !allowDataChange {
            throw .io(path: dataDir, problem: "differs from the frozen split of run \(frozen.runID) (\(source)): \(changes.summary); "
                      + "restore the data, or pass --allow-data-change to go on with these changes (missing files dropped, "
                      + "new files ignored, changed files used as they are now)")
        }
        var plan = SplitPlan(splits: [:], entries: frozen.files, changes: changes)
        var use: [Dataset.Split: [ScannedFile]] = [:]
        for (split, list) in assigned {
            use[split] = list.filter { ok[$0.sample.relativePath] ?? false }
        }
        plan.splits = use
        let counts = Dataset.Split.allCases.map { "\($0.rawValue) \(use[$0]?.count ?? 0)" }.joined(separator: ", ")
        plan.notes.append("frozen split of run \(frozen.runID) (\(source)): \(counts) images")
        if !changes.isEmpty {
            plan.notes.append("--allow-data-change: the data differs from the frozen split; going on with missing files dropped, new files ignored, changed files as they are now, moved files in their frozen split")
            for line in changes.lines { plan.notes.append("data change: " + line) }
        }
        let findings = try SplitChecks.check(use, dataDir: dataDir, allowCrossSplitDuplicates: allowCrossSplitDuplicates || allowDataChange)
        plan.noteDuplicates(findings)
        return plan
    }

    private mutating func noteDuplicates(_ findings: SplitChecks.Findings) {
        let n = findings.duplicates.count
        guard n > 0 else { return }
        notes.append("warning: \(n) exact duplicate\(n == 1 ? "" : "s") across splits (allowed): "
                     + findings.duplicates.prefix(3).map(\.description).joined(separator: "; ") + (n > 3 ? "; and \(n - 3) more" : ""))
    }
}
