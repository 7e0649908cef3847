import Foundation
import Data
import Formats

/// The three splits a run trains, validates and tests on: the folders `train/`, `val/`, `test/`
/// of `paths.data_dir`, with a seeded stratified split of `train/` standing in for a missing
/// `val/` or `test/` (`data.val_split`, `data.test_split`). Every image is decoded and
/// preprocessed once (warming the on-disk cache); unreadable ones are dropped and counted, and a
/// split with more than 10% unreadable images stops the run.
public struct TrainingData: Sendable {
    public var classNames: [String]
    public var train: [Dataset.Sample]
    public var val: [Dataset.Sample]
    public var test: [Dataset.Sample]
    /// One line each: split decisions, warnings of the scan, unreadable files.
    public var notes: [String]
    /// Unreadable images per split.
    public var unreadable: [String: Int]

    public var sizes: [String: Int] { ["train": train.count, "val": val.count, "test": test.count] }

    /// Images per class of `samples`, in class order.
    public func counts(_ samples: [Dataset.Sample]) -> [Int] {
        var c = [Int](repeating: 0, count: classNames.count)
        for s in samples { c[s.label] += 1 }
        return c
    }

    /// Scans, checks and splits the data of `config`. `progress(split, done, total)` reports the
    /// decoding pass.
    public static func prepare(config: TrainingConfig, cache: ImageCache, threads: Int,
                               progress: ((String, Int, Int) -> Void)? = nil) throws -> TrainingData {
        let dataset = try Dataset.scan(config: config)
        var notes = dataset.warnings
        var unreadable: [String: Int] = [:]
        func readable(_ samples: [Dataset.Sample], _ split: String) throws -> [Dataset.Sample] {
            let result = try DataPreflight.run(samples: samples, split: "\(config.paths.dataDir)/\(split)", cache: cache,
                                               threads: threads, progress: { progress?(split, $0, $1) })
            unreadable[split] = result.unreadable.count
            for bad in result.unreadable { notes.append("skipped unreadable image \(bad.url.path): \(bad.problem)") }
            notes += result.warningLines().map { "\(split): \($0)" }
            return result.readable
        }
        var train = try readable(dataset.train, "train")
        var val = try dataset.val.map { try readable($0, "val") }
        var test = try dataset.test.map { try readable($0, "test") }
        if val == nil || test == nil {
            let split = StratifiedSplit(labels: train.map(\.label), classCount: config.data.classNames.count,
                                        valFraction: val == nil ? config.data.valSplit : 0,
                                        testFraction: test == nil ? config.data.testSplit : 0, seed: config.system.seed)
            let missing = [val == nil ? "val" : nil, test == nil ? "test" : nil].compactMap { $0 }.joined(separator: " and ")
            notes.append("no \(missing) folder: seeded stratified split of train (val \(split.val.count), test \(split.test.count), train \(split.train.count) images)")
            for c in split.tooSmall {
                notes.append("class '\(config.data.classNames[c])' has too few images to split; all of them stay in train")
            }
            let all = train
            if val == nil { val = split.val.map { all[$0] } }
            if test == nil { test = split.test.map { all[$0] } }
            train = split.train.map { all[$0] }
        }
        guard !train.isEmpty else {
            throw RuntimeError.io(path: "\(config.paths.dataDir)/train", problem: "no readable training images")
        }
        guard let val, !val.isEmpty else {
            throw RuntimeError.io(path: "\(config.paths.dataDir)/val", problem: "the validation split is empty; add a val/ folder or raise data.val_split")
        }
        return TrainingData(classNames: config.data.classNames, train: train, val: val, test: test ?? [],
                            notes: notes, unreadable: unreadable)
    }
}
