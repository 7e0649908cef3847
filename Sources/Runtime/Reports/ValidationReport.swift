import Foundation
import Data
import Formats

/// The outputs of `breastai-run validate`: the console summary, and the report folder with
/// `validation.json` (every record and finding), `validation.md` (summary table, blocking
/// problems first, class balance chart, histograms, DICOM headers, example thumbnails),
/// `class_balance.png` and `example_NN_<kind>.png` thumbnails (each image at most 128 px a side).
public enum ValidationReport {
    /// Findings of one kind listed in the console and the Markdown before "... and N more".
    public static let listedPerKind = 20

    /// Writes the report files into `directory` (which must exist: `OutputPath.prepareDirectory`)
    /// and returns their names. Thumbnails re-read a few data files (read-only); an example whose
    /// file no longer decodes is skipped.
    @discardableResult
    public static func write(_ result: ValidationResult, to directory: URL, maxExamples: Int = 4,
                             decoding: DecodeOptions = .default) throws -> [String] {
        var written: [String] = []
        func save(_ data: Data, _ name: String) throws {
            try AtomicFile.write(data, to: directory.appendingPathComponent(name).path)
            written.append(name)
        }
        var figures: [(title: String, file: String)] = []
        if !result.splits.isEmpty {
            try save(ImageCodec.encodePNG(ValidationFigures.classBalance(result)), "class_balance.png")
        }
        for (k, example) in ValidationFigures.examples(result, limit: maxExamples).enumerated() {
            guard let image = ValidationFigures.thumbnails(example.paths, dataDir: URL(fileURLWithPath: result.dataDir),
                                                                 decoding: decoding) else { continue }
            let name = String(format: "example_%02d_%@.png", k + 1, example.kind.rawValue)
            try save(ImageCodec.encodePNG(image), name)
            figures.append((example.caption, name))
        }
        try save(json(result), "validation.json")
        try save(Data(markdown(result, examples: figures).utf8), "validation.md")
        return written
    }

    /// `validation.json`: snake_case keys, sorted, pretty-printed; absent values are left out.
    public static func json(_ result: ValidationResult) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        do { return try encoder.encode(result) } catch { preconditionFailure("ValidationResult encodes: \(error)") }
    }

    /// Reads a `validation.json` back.
    public static func decode(_ data: Data) throws -> ValidationResult {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ValidationResult.self, from: data)
    }

    /// The console summary: totals, the verdict, blocking problems, warnings by kind, class counts.
    public static func summaryLines(_ result: ValidationResult) -> [String] {
        var lines: [String] = []
        let files = result.images.count, readable = result.readableCount
        let usable = result.images.filter(\.isUsable).count
        lines.append("\(result.dataDir): \(files) image files in \(result.splits.count) splits, \(readable) readable, "
                     + "\(usable) usable (\(String(format: "%.1f", result.seconds)) s)")
        let blocking = result.blocking, warnings = result.warnings
        if blocking.isEmpty {
            lines.append("no blocking problem" + (warnings.isEmpty ? ", no warning" : "; \(warnings.count) warnings"))
        } else {
            lines.append("BLOCKING: \(blocking.count) \(blocking.count == 1 ? "problem" : "problems") (exit status 1)")
            lines += listed(blocking, perKind: listedPerKind).map { "  " + $0 }
        }
        if !warnings.isEmpty {
            lines.append("warnings: " + countsByKind(warnings))
            lines += listed(warnings, perKind: 5).map { "  " + $0 }
        }
        lines += classTable(result).map { "  " + $0 }
        return lines
    }

    // MARK: Markdown

    public static func markdown(_ result: ValidationResult, examples: [(title: String, file: String)]) -> String {
        var md = "# Dataset validation\n\n"
        md += "Data folder: `\(result.dataDir)`; classes: \(result.classNames.joined(separator: ", ")); "
            + "near duplicates: perceptual hashes at most \(result.nearDistance) of 64 bits apart.\n\n"
        let blocking = result.blocking, warnings = result.warnings
        md += blocking.isEmpty
            ? "**No blocking problem**" + (warnings.isEmpty ? " and no warning.\n\n" : "; \(warnings.count) warnings below.\n\n")
            : "**Blocked: \(blocking.count) blocking \(blocking.count == 1 ? "problem" : "problems")** (`validate` exits with status 1). "
                + "Fix \(blocking.count == 1 ? "it" : "them") before training.\n\n"

        let exact = result.findings.filter { $0.kind == .duplicateAcrossSplits || $0.kind == .duplicateWithinSplit }
        let rows: [(String, String)] = [
            ("image files", "\(result.images.count)"),
            ("readable", "\(result.readableCount)"),
            ("usable (readable, at least \(ImageCache.minimumSide) px)", "\(result.images.filter(\.isUsable).count)"),
            ("blocking problems", "\(blocking.count)"),
            ("warnings", "\(warnings.count)"),
            ("groups of identical files", "\(exact.count)"),
            ("near-duplicate pairs", "\(result.findings.filter { $0.kind == .nearDuplicate }.count)"),
            ("ignored files (not images)", "\(result.ignoredFiles.values.reduce(0, +))"),
            ("time", String(format: "%.1f s", result.seconds)),
        ]
        md += "| | |\n| --- | ---: |\n" + rows.map { "| \($0.0) | \($0.1) |" }.joined(separator: "\n") + "\n\n"

        if !blocking.isEmpty {
            md += "## Blocking problems\n\n" + listed(blocking, perKind: listedPerKind).map { "- " + escape($0) }.joined(separator: "\n") + "\n\n"
        }
        if !warnings.isEmpty {
            md += "## Warnings\n\n" + countsByKind(warnings) + "\n\n"
                + listed(warnings, perKind: listedPerKind).map { "- " + escape($0) }.joined(separator: "\n") + "\n\n"
        }
        md += "## Class balance\n\nUsable images per class (image files in parentheses when some are not usable); "
            + "imbalance is the largest class over the smallest.\n\n"
        md += "| split | " + result.classNames.joined(separator: " | ") + " | imbalance |\n"
        md += "| --- |" + String(repeating: " ---: |", count: result.classNames.count + 1) + "\n"
        for s in result.splits {
            let cells = zip(s.usable, s.files).map { $0 == $1 ? "\($0)" : "\($0) (\($1))" }
            md += "| \(s.split) | " + cells.joined(separator: " | ") + " | \(s.imbalance.map { String(format: "%.2f", $0) } ?? "n/a (a class is empty)") |\n"
        }
        if !result.splits.isEmpty { md += "\n![Class balance](class_balance.png)\n" }

        md += "\n## Image sizes and intensities\n\n"
        md += table("longer side (px)", result.sizeHistogram) + "\n" + table("aspect (width / height)", result.aspectHistogram) + "\n"
        md += table("bits stored", bins(result.bitDepths))
        var sources: [String: Int] = [:]
        for r in result.images { if let s = r.windowSource { sources[s, default: 0] += 1 } }
        md += "\n" + table("intensity window", bins(sources))
        if let d = result.dicom {
            md += "\n## DICOM headers\n\n\(d.files) DICOM files of \(d.patients) patients (identities are not shown).\n\n"
            for (title, counts) in [("modality", d.modality), ("photometric interpretation", d.photometric), ("view position", d.viewPosition),
                                    ("laterality", d.laterality), ("bits stored", d.bitsStored)] {
                md += table(title, bins(counts)) + "\n"
            }
        }
        if !examples.isEmpty {
            md += "\n## Examples\n\n"
            for e in examples { md += "\(escape(e.title))\n\n![\(e.file)](\(e.file))\n\n" }
        }
        md += "\nEvery finding with its paths, and every image's record (size, bit depth, intensity range, window, "
            + "content SHA-256, perceptual hash), is in `validation.json`.\n"
        return md
    }

    // MARK: Helpers

    /// Each finding's message, at most `perKind` of each kind, then "... and N more <kind>".
    static func listed(_ findings: [Finding], perKind: Int) -> [String] {
        var lines: [String] = [], shown: [Finding.Kind: Int] = [:]
        for f in findings {
            shown[f.kind, default: 0] += 1
            if shown[f.kind]! <= perKind { lines.append("[\(f.kind.rawValue)] \(f.message)") }
        }
        for kind in Finding.Kind.allCases where (shown[kind] ?? 0) > perKind {
            lines.append("... and \(shown[kind]! - perKind) more \(kind.rawValue) (all in validation.json)")
        }
        return lines
    }

    static func countsByKind(_ findings: [Finding]) -> String {
        Finding.Kind.allCases.compactMap { kind in
            let n = findings.filter { $0.kind == kind }.count
            return n > 0 ? "\(kind.rawValue) \(n)" : nil
        }.joined(separator: ", ")
    }

    /// The class counts as aligned text rows (split, usable per class, imbalance).
    static func classTable(_ result: ValidationResult) -> [String] {
        let header = ["split"] + result.classNames + ["imbalance"]
        let rows = result.splits.map { s in
            [s.split] + zip(s.usable, s.files).map { $0 == $1 ? "\($0)" : "\($0)/\($1)" } + [s.imbalance.map { String(format: "%.2f", $0) } ?? "n/a"]
        }
        let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max()! }
        return ([header] + rows).map { row in
            row.enumerated().map { c, cell in
                c == 0 ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[c] - cell.count) + cell
            }.joined(separator: "  ")
        }
    }

    /// Counts as bins, numeric labels in numeric order, others alphabetically.
    static func bins(_ counts: [String: Int]) -> [HistogramBin] {
        counts.sorted { a, b in
            if let x = Int(a.key), let y = Int(b.key) { return x < y }
            return a.key < b.key
        }.map { HistogramBin(label: $0.key, count: $0.value) }
    }

    static func table(_ title: String, _ bins: [HistogramBin]) -> String {
        "| \(title) | images |\n| --- | ---: |\n" + bins.map { "| \($0.label) | \($0.count) |" }.joined(separator: "\n") + "\n"
    }

    /// Markdown-safe text: backslash-escapes the characters that would start emphasis or a link.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\`*_[]<>|".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
