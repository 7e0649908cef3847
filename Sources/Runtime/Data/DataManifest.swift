import Foundation
import Formats

/// A CSV manifest (`data.manifest`) that alone defines the samples: a header row naming the
/// columns `path,label` and optionally `split`, `group` (any order; other columns are ignored),
/// then one row per image.
///
/// - `path`: relative to the data folder (no leading `/`, no `..`); each file once;
/// - `label`: one of `data.class_names`;
/// - `split`: `train`, `val`, `test` or empty (= `train`, the pool a missing `val`/`test` is
///   carved from; `val`/`test` count as given when any row names them);
/// - `group`: the patient or study id (hashed; see `GroupRule`); all rows or none.
///
/// Fields follow RFC 4180 (quotes around fields with commas, `""` for a quote, CRLF or LF). Files
/// under the data folder that are not in the manifest are counted as ignored; rows naming missing
/// files are an error listing the first few; a bad label or split is an error naming the row.
public enum DataManifest {
    /// Parses CSV text into rows of fields. Throws a problem naming the line of an unclosed quote.
    public static func parseCSV(_ text: String) throws(RuntimeError) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false, quotedField = false
        var line = 1, quoteLine = 1
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        func endRow() {
            row.append(field)
            if !(row.count == 1 && row[0].isEmpty && !quotedField) { rows.append(row) }
            row = []; field = ""; quotedField = false
        }
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 1 } else { inQuotes = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                inQuotes = true; quotedField = true; quoteLine = line
            } else if c == "," {
                row.append(field); field = ""; quotedField = false
            } else if c == "\n" || c == "\r" {
                if c == "\r" && i + 1 < chars.count && chars[i + 1] == "\n" { i += 1 }
                endRow()
                line += 1
            } else {
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        if inQuotes { throw .io(path: "line \(quoteLine)", problem: "a quoted field is not closed") }
        if !field.isEmpty || !row.isEmpty || quotedField { endRow() }
        return rows
    }

    /// The samples the manifest at `url` names, checked against the data folder.
    static func scan(_ url: URL, dataDir: URL, classNames: [String]) throws(RuntimeError) -> Dataset.Found {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw .io(path: url.path, problem: "cannot read the manifest (\(oneLine(error.localizedDescription)))")
        }
        let rows: [[String]]
        do { rows = try parseCSV(text) } catch {
            if case .io(let whereText, let problem) = error { throw .io(path: url.path, problem: "\(whereText): \(problem)") }
            throw error
        }
        guard let header = rows.first else { throw .io(path: url.path, problem: "is empty; expected a header row path,label[,split,group]") }
        let names = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let pathColumn = names.firstIndex(of: "path"), let labelColumn = names.firstIndex(of: "label") else {
            throw .io(path: url.path, problem: "the header row must name the columns path and label (and optionally split, group); found \(header.joined(separator: ","))")
        }
        let splitColumn = names.firstIndex(of: "split"), groupColumn = names.firstIndex(of: "group")
        let root = dataDir.path
        var found = Dataset.Found()
        var entries: [(split: Dataset.Split, sample: Dataset.Sample, group: String?)] = []
        var seen: [String: Int] = [:]
        var missing: [String] = []
        for (index, row) in rows.enumerated().dropFirst() {
            let rowNumber = index + 1  // 1-based, the header is row 1
            func field(_ column: Int?) -> String {
                guard let column, column < row.count else { return "" }
                return row[column].trimmingCharacters(in: .whitespaces)
            }
            func fail(_ problem: String) -> RuntimeError { .io(path: url.path, problem: "row \(rowNumber): \(problem)") }
            let path = field(pathColumn)
            guard !path.isEmpty else { throw fail("the path is empty") }
            guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
                throw fail("path \(path) must be relative to the data folder \(root), without '..'")
            }
            let normalized = path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
            if let earlier = seen[normalized] { throw fail("\(path) is already listed in row \(earlier)") }
            seen[normalized] = rowNumber
            let labelName = field(labelColumn)
            guard let label = classNames.firstIndex(of: labelName) else {
                throw fail("label '\(labelName)' is not one of data.class_names (\(classNames.joined(separator: ", ")))")
            }
            let splitName = field(splitColumn)
            guard let split = splitName.isEmpty ? .train : Dataset.Split(rawValue: splitName.lowercased()) else {
                throw fail("split '\(splitName)' must be train, val, test or empty")
            }
            let full = root + "/" + normalized
            if FolderWalk.kind(full) != .file { missing.append(normalized) }
            let group = groupColumn.map { _ in field(groupColumn) }
            entries.append((split, Dataset.Sample(url: URL(fileURLWithPath: full), label: label, relativePath: normalized), group))
        }
        if !missing.isEmpty {
            throw .io(path: url.path, problem: "\(missing.count) of \(entries.count) listed files are missing under \(root): " + GroupRule.firstFew(missing, 5))
        }
        guard entries.contains(where: { $0.split == .train }) else {
            throw .io(path: url.path, problem: "no training rows (split train or empty)")
        }
        // Files on disk that the manifest does not list are ignored and counted.
        var walker = FolderWalk()
        let manifestPath = url.standardizedFileURL.path
        for file in try walker.walk(root, relative: "", recurse: true).files {
            let relative = String(file.relativePath.dropFirst())  // "" + "/" + name
            if seen[relative] != nil || root + "/" + relative == manifestPath { continue }
            switch file.verdict {
            case .image: found.ignored.add("images not in the manifest")
            case .ignored(let kind): found.ignored.add(kind)
            case .hidden: found.ignored.addHidden()
            }
        }
        var groups: [String?] = []
        for split in Dataset.Split.allCases {
            let chosen = entries.filter { $0.split == split }
            guard !chosen.isEmpty || split == .train else { continue }
            let sorted = chosen.sorted { a, b in
                a.sample.label != b.sample.label ? a.sample.label < b.sample.label
                    : Array(a.sample.relativePath.utf8).lexicographicallyPrecedes(Array(b.sample.relativePath.utf8))
            }
            found.splits[split] = sorted.map(\.sample)
            groups += sorted.map(\.group)
        }
        found.groups = groupColumn == nil ? nil : groups
        return found
    }
}
