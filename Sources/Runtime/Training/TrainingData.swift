import Foundation
import Data
import Formats

/// The three splits a run trains, validates and tests on.
///
/// A fresh run takes the folders `train/`, `val/`, `test/` of `paths.data_dir` (or the manifest's
/// `split` column), with a seeded group-level stratified split of `train/` standing in for a
/// missing `val/` or `test/` (`data.val_split`, `data.test_split`, `data.group_by`; see
/// `SplitPlan`). A run with a frozen split (`split.json`) takes every file's split from it after
/// checking the data against it. Every image is decoded and preprocessed once (warming the
/// on-disk cache) and hashed in the same read; unreadable ones are dropped and counted, and a
/// split with more than 10% unreadable images stops the run. Finally no group and (unless
/// `data.allow_cross_split_duplicates`) no file content may be in two splits.
public struct TrainingData: Sendable {
    public var classNames: [String]
    public var train: [Dataset.Sample]
    public var val: [Dataset.Sample]
    public var test: [Dataset.Sample]
    /// One line each: split decisions, warnings of the scan, ignored files, unreadable files, data changes.
    public var notes: [String]
    /// Unreadable images per given split.
    public var unreadable: [String: Int]
    /// What `split.json` records for this data (the frozen split's own entries when it came from one).
    public var entries: [FrozenSplit.Entry] = []
    /// The differences to the frozen split that `--allow-data-change` let through.
    public var changes = DataChanges()

    public var sizes: [String: Int] { ["train": train.count, "val": val.count, "test": test.count] }

    /// Where the split comes from.
    public enum SplitSource: Sendable {
        /// Folders or manifest, and the seeded split (a new run, or a run from before frozen splits).
        case fresh
        /// A run's `split.json`; `source` names it in messages.
        case frozen(FrozenSplit, source: String, allowDataChange: Bool)
    }

    /// Images per class of `samples`, in class order.
    public func counts(_ samples: [Dataset.Sample]) -> [Int] {
        var c = [Int](repeating: 0, count: classNames.count)
        for s in samples { c[s.label] += 1 }
        return c
    }

    /// Scans, checks and splits the data of `config`. `progress(split, done, total)` reports the
    /// decoding pass.
    public static func prepare(config: TrainingConfig, cache: ImageCache, threads: Int, split source: SplitSource = .fresh,
                               dicomTag: DicomTagReader? = TrainingConfig.dicomTagReader,
                               progress: ((String, Int, Int) -> Void)? = nil) throws -> TrainingData {
        let dataset = try Dataset.scan(config: config, dicomTag: dicomTag)
        var notes = dataset.warnings
        if let line = dataset.ignored.summary { notes.append("\(config.paths.dataDir): \(line)") }
        var unreadable: [String: Int] = [:]
        var files: [Dataset.Split: [ScannedFile]] = [:]
        var readable: [Dataset.Split: [Bool]] = [:]
        for split in Dataset.Split.allCases {
            guard let samples = dataset.splits[split] else { continue }
            let name = split.rawValue
            let result = try DataPreflight.run(samples: samples, split: "\(config.paths.dataDir)/\(name)", cache: cache,
                                               threads: threads, progress: { progress?(name, $0, $1) })
            unreadable[name] = result.unreadable.count
            for bad in result.unreadable { notes.append("skipped unreadable image \(bad.url.path): \(bad.problem)") }
            notes += result.warningLines().map { "\(name): \($0)" }
            let bad = Set(result.unreadable.map(\.url.path))
            files[split] = zip(samples, result.digests).map { ScannedFile(sample: $0, givenSplit: split, digest: $1) }
            readable[split] = samples.map { !bad.contains($0.url.path) }
        }
        let plan: SplitPlan
        switch source {
        case .fresh:
            plan = try SplitPlan.fresh(files: files, readable: readable, classNames: config.data.classNames, dataDir: config.paths.dataDir,
                                       settings: .init(valFraction: config.data.valSplit, testFraction: config.data.testSplit,
                                                       seed: config.system.seed, priority: config.data.malignantIndex,
                                                       allowCrossSplitDuplicates: config.data.allowCrossSplitDuplicates))
        case .frozen(let frozen, let name, let allowDataChange):
            plan = try SplitPlan.frozen(frozen, files: files, readable: readable, classNames: config.data.classNames,
                                        dataDir: config.paths.dataDir, source: name, allowDataChange: allowDataChange,
                                        allowCrossSplitDuplicates: config.data.allowCrossSplitDuplicates)
        }
        notes += plan.notes
        let train = plan.samples(.train), val = plan.samples(.val), test = plan.samples(.test)
        guard !train.isEmpty else {
            throw RuntimeError.io(path: "\(config.paths.dataDir)/train", problem: "no readable training images")
        }
        guard !val.isEmpty else {
            throw RuntimeError.io(path: "\(config.paths.dataDir)/val", problem: "the validation split is empty; add a val/ folder or raise data.val_split")
        }
        return TrainingData(classNames: config.data.classNames, train: train, val: val, test: test,
                            notes: notes, unreadable: unreadable, entries: plan.entries, changes: plan.changes)
    }

    /// The frozen split of these data for run `runID` (what a new run writes as `split.json`).
    public func frozenSplit(runID: String, config: TrainingConfig) -> FrozenSplit {
        FrozenSplit(runID: runID, dataDir: config.paths.dataDir,
                    rule: .init(groupBy: config.data.groupBy.text, manifest: config.data.manifest ?? "", recursive: config.data.recursive),
                    files: entries)
    }
}
