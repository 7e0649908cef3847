import Foundation

/// The findings, counts and histograms of a validation, from the filled image records.
enum ValidationChecks {
    /// Fewer distinct gray levels than this after windowing is a near-empty window.
    static let minimumLevels = 32

    static func analyze(_ inventory: DatasetValidator.Inventory, options: DatasetValidator.Options) -> ValidationResult {
        let records = inventory.records, classes = options.classNames
        var findings = inventory.findings

        for r in records {
            if let problem = r.problem {
                findings.append(Finding(.unreadable, "\(r.path): \(problem)", paths: [r.path]))
                continue
            }
            guard let w = r.width, let h = r.height else { continue }
            if !r.isUsable {
                findings.append(Finding(.tooSmall, "\(r.path): \(w)x\(h), smaller than \(ImageCache.minimumSide) px on a side "
                                        + "(training rejects it)", paths: [r.path]))
            }
            if let levels = r.distinctLevels, levels < minimumLevels {
                findings.append(Finding(.nearEmptyWindow, "\(r.path): only \(levels) distinct gray levels after windowing "
                                        + "(\(r.bitsStored ?? 8)-bit, stored \(number(r.sourceMin))...\(number(r.sourceMax)), "
                                        + "window \(number(r.windowLow))...\(number(r.windowHigh)) from \(r.windowSource ?? "?"))",
                                        paths: [r.path]))
            }
            for warning in r.decoderWarnings ?? [] {
                findings.append(Finding(.decoderWarning, "\(r.path): \(warning)", paths: [r.path]))
            }
        }
        findings += splitChecks(records)
        findings += nearDuplicates(records, maxDistance: options.nearDistance)

        // Class counts, empty and unreadable classes, imbalance.
        var splits: [SplitCounts] = []
        for split in inventory.splits {
            var files = [Int](repeating: 0, count: classes.count), usable = files
            for r in records where r.split == split {
                guard let c = classes.firstIndex(of: r.className) else { continue }
                files[c] += 1
                if r.isUsable { usable[c] += 1 }
            }
            for (c, name) in classes.enumerated() where files[c] > 0 && usable[c] == 0 {
                findings.append(Finding(.noReadableImages, "\(split)/\(name)/: none of its \(files[c]) images is readable "
                                        + "and at least \(ImageCache.minimumSide) px", paths: ["\(split)/\(name)"]))
            }
            let most = usable.max() ?? 0, least = usable.min() ?? 0
            let imbalance = least > 0 ? Double(most) / Double(least) : nil
            if let imbalance, imbalance > options.imbalanceWarning {
                let detail = zip(classes, usable).map { "\($0) \($1)" }.joined(separator: ", ")
                findings.append(Finding(.classImbalance, "\(split): the largest class has \(String(format: "%.1f", imbalance))x "
                                        + "the images of the smallest (\(detail))", paths: [split]))
            }
            splits.append(SplitCounts(split: split, files: files, usable: usable, imbalance: imbalance))
        }

        let dicom = dicomConsistency(records)
        if let dicom, dicom.modality.count > 1 {
            let values = dicom.modality.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            findings.append(Finding(.mixedModalities, "DICOM files of \(dicom.modality.count) modalities (\(values)); "
                                    + "one model usually serves one modality", paths: records.filter { $0.dicom != nil }.map(\.path)))
        }
        if !inventory.ignored.isEmpty {
            let total = inventory.ignored.values.reduce(0, +)
            // Keys are extensions ("txt") or the scan's descriptions ("segmentation masks (*_mask.png)").
            let kinds = inventory.ignored.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                .map { "\($0.value) \($0.key.contains(" ") || $0.key.hasPrefix("(") ? "" : ".")\($0.key)" }
            findings.append(Finding(.ignoredFiles, "ignored \(total) \(total == 1 ? "file" : "files") that training does not read: "
                                    + kinds.joined(separator: ", "), paths: inventory.ignoredPaths))
        }

        let order = Dictionary(uniqueKeysWithValues: Finding.Kind.allCases.enumerated().map { ($1, $0) })
        let sorted = findings.enumerated().sorted { (order[$0.element.kind]!, $0.offset) < (order[$1.element.kind]!, $1.offset) }.map(\.element)
        let usable = records.filter { $0.problem == nil && $0.width != nil }
        var bits: [String: Int] = [:]
        for r in usable { bits["\(r.bitsStored ?? 8)", default: 0] += 1 }
        return ValidationResult(dataDir: "", classNames: classes, nearDistance: options.nearDistance, findings: sorted,
                                splits: splits, images: records, sizeHistogram: sizeHistogram(usable),
                                aspectHistogram: aspectHistogram(usable), bitDepths: bits, dicom: dicom,
                                ignoredFiles: inventory.ignored, seconds: 0)
    }

    /// Exact duplicates across splits and patient groups in more than one split (blocking, from
    /// helper B's `SplitChecks`, the check training runs), and exact duplicates within a split (a warning).
    static func splitChecks(_ records: [ImageRecord]) -> [Finding] {
        var findings: [Finding] = []
        var bySplit: [Dataset.Split: [ScannedFile]] = [:]
        for r in records {
            guard let split = Dataset.Split(rawValue: r.split) else { continue }
            // Files that do not decode are skipped by training whatever their copies, so only decoded ones count.
            let digest = r.problem == nil ? r.sha256.map { FileDigest(size: r.bytes, sha256: $0) } : nil
            let sample = Dataset.Sample(url: URL(fileURLWithPath: r.path), label: 0, relativePath: r.path, group: r.group ?? r.path)
            bySplit[split, default: []].append(ScannedFile(sample: sample, givenSplit: split, digest: digest))
        }
        let found = SplitChecks.find(bySplit)
        for d in found.duplicates {
            let splits = orderedUnique(d.files.map(\.split.rawValue)), paths = d.files.map(\.path)
            findings.append(Finding(.duplicateAcrossSplits, "identical files in \(splits.joined(separator: " and ")): "
                                    + paths.joined(separator: ", "), paths: paths))
        }
        for leak in found.leaks {
            let perSplit = Dataset.Split.allCases.compactMap { s in leak.counts[s].map { "\($0) in \(s.rawValue)" } }.joined(separator: ", ")
            findings.append(Finding(.groupLeakage, "patient group \(leak.group) is in \(leak.counts.count) splits (\(perSplit))",
                                    paths: leak.firstFiles))
        }
        let keys = records.map { $0.problem == nil ? $0.sha256 : nil }
        for members in DuplicateFinder.exactGroups(keys).map({ $0.map { records[$0] } }) {
            let splits = orderedUnique(members.map(\.split)), classes = orderedUnique(members.map(\.className))
            guard splits.count == 1 else { continue }
            let paths = members.map(\.path)
            let labels = classes.count > 1 ? " with different classes (\(classes.joined(separator: ", ")))" : ""
            findings.append(Finding(.duplicateWithinSplit, "identical files in \(splits[0])\(labels): "
                                    + paths.joined(separator: ", "), paths: paths))
        }
        return findings
    }

    /// Pairs of decoded images whose perceptual hashes are close but whose bytes differ, across
    /// splits first.
    static func nearDuplicates(_ records: [ImageRecord], maxDistance: Int) -> [Finding] {
        let hashes = records.map { $0.phash.flatMap { UInt64($0, radix: 16) } }
        var across: [Finding] = [], within: [Finding] = []
        for pair in DuplicateFinder.nearPairs(hashes, maxDistance: maxDistance) {
            let a = records[pair.i], b = records[pair.j]
            if a.sha256 == b.sha256 { continue }
            if a.split != b.split {
                across.append(Finding(.nearDuplicate, "near duplicate across splits \(a.split)/\(b.split) (distance \(pair.distance)): "
                                      + "\(a.path) ~ \(b.path)", paths: [a.path, b.path]))
            } else {
                within.append(Finding(.nearDuplicate, "near duplicate within \(a.split) (distance \(pair.distance)): \(a.path) ~ \(b.path)",
                                      paths: [a.path, b.path]))
            }
        }
        return across + within
    }

    static func dicomConsistency(_ records: [ImageRecord]) -> DicomConsistency? {
        let headers = records.compactMap(\.dicom)
        guard !headers.isEmpty else { return nil }
        func counts(_ value: (DicomInfo) -> String?) -> [String: Int] {
            var c: [String: Int] = [:]
            for h in headers { c[value(h).flatMap { $0.isEmpty ? nil : $0 } ?? "(missing)", default: 0] += 1 }
            return c
        }
        return DicomConsistency(files: headers.count, modality: counts(\.modality), photometric: counts(\.photometric),
                                viewPosition: counts(\.viewPosition), laterality: counts(\.laterality),
                                bitsStored: counts { $0.bitsStored.map(String.init) },
                                patients: Set(headers.compactMap(\.patientHash)).count)
    }

    /// Images by their longer side.
    static func sizeHistogram(_ records: [ImageRecord]) -> [HistogramBin] {
        let edges = [ImageCache.minimumSide, 256, 512, 1024, 2048, 4096]
        var labels = ["< \(edges[0])"]
        for k in 0 ..< edges.count - 1 { labels.append("\(edges[k])-\(edges[k + 1] - 1)") }
        labels.append(">= \(edges.last!)")
        var counts = [Int](repeating: 0, count: labels.count)
        for r in records {
            let side = max(r.width ?? 0, r.height ?? 0)
            counts[edges.firstIndex { side < $0 } ?? edges.count] += 1
        }
        return zip(labels, counts).map { HistogramBin(label: $0, count: $1) }
    }

    /// Images by width / height.
    static func aspectHistogram(_ records: [ImageRecord]) -> [HistogramBin] {
        let edges = [0.5, 0.8, 0.95, 1.05, 1.25, 2.0]
        let labels = ["< 0.5", "0.5-0.8", "0.8-0.95", "0.95-1.05", "1.05-1.25", "1.25-2", ">= 2"]
        var counts = [Int](repeating: 0, count: labels.count)
        for r in records {
            guard let w = r.width, let h = r.height, h > 0 else { continue }
            let aspect = Double(w) / Double(h)
            counts[edges.firstIndex { aspect < $0 } ?? edges.count] += 1
        }
        return zip(labels, counts).map { HistogramBin(label: $0, count: $1) }
    }

    static func number(_ v: Double?) -> String {
        guard let v else { return "?" }
        return v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(format: "%.4g", v)
    }

    static func orderedUnique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
