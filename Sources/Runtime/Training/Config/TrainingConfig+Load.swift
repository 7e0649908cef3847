import Foundation
import Graph
import Data
import Evaluation
import Formats

extension TrainingConfig {
    /// Loads `url`, merges it over the defaults (the ULTRA-S values), applies `overrides` (dotted key
    /// to value text, e.g. `["training.epochs": "3", "paths.data_dir": "/data"]`) and checks
    /// everything. Errors name the file or override, the full dotted key and the problem.
    public static func load(url: URL, overrides: [String: String] = [:]) throws(RuntimeError) -> TrainingConfig {
        let source = url.relativePath
        let bytes: [UInt8]
        do {
            bytes = Array(try Foundation.Data(contentsOf: url))
        } catch {
            throw .io(path: source, problem: "cannot read the configuration: \(oneLine(error.localizedDescription))")
        }
        return try TrainingConfig(bytes: bytes, source: source, overrides: overrides)
    }

    /// The defaults (ULTRA-S) with `overrides` applied.
    public static func defaults(overrides: [String: String] = [:]) throws(RuntimeError) -> TrainingConfig {
        try TrainingConfig(bytes: Array("{}".utf8), source: "defaults", overrides: overrides)
    }

    /// Parses JSON text (a file's contents, or a checkpoint's stored `canonicalJSON`); `source` names it
    /// in errors.
    public init(jsonText: String, source: String, overrides: [String: String] = [:]) throws(RuntimeError) {
        try self.init(bytes: Array(jsonText.utf8), source: source, overrides: overrides)
    }

    init(bytes: [UInt8], source: String, overrides: [String: String]) throws(RuntimeError) {
        let user: ConfigJSON
        do {
            let parsed = try ConfigJSON.parse(bytes)
            user = parsed.value
            guard case .object(let members) = parsed.ordered else {
                throw RuntimeError.config(source: source, problem: "the configuration must be a JSON object, found \(user.kind)")
            }
            try Self.checkKnownKeys(members, schema: ConfigSchema.defaultTree, path: [], source: source)
        } catch let error as ConfigJSONSyntaxError {
            throw .config(source: source, problem: error.message)
        } catch let error as RuntimeError {
            throw error
        } catch {
            throw .config(source: source, problem: "\(error)")
        }
        var merged = ConfigJSON.merge(ConfigSchema.defaultTree, user)
        var origins: [String: String] = [:]
        for key in overrides.keys.sorted() {
            let text = overrides[key]!
            let overrideSource = "override \(key)=\(text)"
            let path = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            try Self.checkOverrideKey(path, source: overrideSource)
            var stringOrList = false  // `data.intensity_window`: "percentile" or [low, high]
            if case .intensityWindow? = ConfigSchema.byKey[key]?.kind { stringOrList = true }
            let value = Self.parseOverride(text, default: ConfigSchema.defaultTree.value(at: path)!, stringOrList: stringOrList)
            merged = merged.setting(path[...], to: value)
            origins[key] = overrideSource
        }
        var reader = ConfigReader(tree: merged, source: source, origins: origins)
        try self.init(reader: &reader, source: source)
        #if DEBUG
        let unread = ConfigSchema.leafPaths.subtracting(reader.read)
        assert(unread.isEmpty, "configuration keys never read: \(unread.sorted())")
        #endif
    }

    // MARK: Checking keys against the schema

    /// Keys users coming from the original may write somewhere else: where they live here.
    static let movedKeys: [String: String] = [
        "data.use_clahe": "data.augmentation.use_clahe",
        "training.epochs_phase1": "model.progressive_unfreezing.phase1_epochs",
        "training.early_stopping.monitor": "metrics.primary_metric",
        "clinical.primary_metric": "metrics.primary_metric",
    ]

    /// Rejects a key the schema does not have (metadata sections excepted), and an object where the
    /// schema has a value or the reverse. Walks in file order so the first problem is reported.
    static func checkKnownKeys(
        _ members: [(key: String, value: JSONValue)], schema: ConfigJSON, path: [String], source: String
    ) throws(RuntimeError) {
        guard case .object(let known) = schema else { return }
        for (key, value) in members {
            let full = path + [key]
            let dotted = full.joined(separator: ".")
            if path.isEmpty, metadataSections.contains(key) { continue }
            guard let expected = known[key] else {
                throw .config(source: source, problem: unknownKeyProblem(dotted, siblings: Array(known.keys)))
            }
            switch (expected, value) {
            case (.object, .object(let inner)):
                try checkKnownKeys(inner, schema: expected, path: full, source: source)
            case (.object(let sub), _):
                throw .config(source: source, problem: "'\(dotted)' must be an object with keys \(sub.keys.sorted().joined(separator: ", ")), found \(ConfigJSON(value).shortText)")
            case (_, .object):
                throw .config(source: source, problem: "'\(dotted)' must be a single value, not an object")
            default:
                break
            }
        }
    }

    /// "unknown key 'a.b' (did you mean 'c'?)", with the best suggestion available.
    static func unknownKeyProblem(_ dotted: String, siblings: [String]) -> String {
        let name = String(dotted.split(separator: ".").last ?? "")
        var problem = "unknown key '\(dotted)'"
        if let moved = movedKeys[dotted] {
            problem += " (it is '\(moved)' here)"
        } else if let guess = closestMatch(to: name, among: siblings) {
            problem += " (did you mean '\(guess)'?)"
        } else if let elsewhere = ConfigSchema.leafPaths.sorted().first(where: { $0.hasSuffix("." + name) }) {
            problem += " (did you mean '\(elsewhere)'?)"
        } else if !siblings.isEmpty {
            problem += "; known keys here: \(siblings.sorted().joined(separator: ", "))"
        }
        return problem
    }

    /// An override must name a non-metadata leaf of the schema.
    static func checkOverrideKey(_ path: [String], source: String) throws(RuntimeError) {
        let dotted = path.joined(separator: ".")
        if let first = path.first, metadataSections.contains(first) {
            throw .config(source: source, problem: "'\(dotted)' is metadata; it has no command-line override")
        }
        var node = ConfigSchema.defaultTree
        for (i, key) in path.enumerated() {
            guard case .object(let dict) = node, let next = dict[key] else {
                let siblings: [String]
                if case .object(let dict) = node { siblings = Array(dict.keys) } else { siblings = [] }
                throw .config(source: source, problem: unknownKeyProblem(path[...i].joined(separator: "."), siblings: siblings))
            }
            node = next
        }
        if case .object(let dict) = node {
            throw .config(source: source, problem: "'\(dotted)' is a section; override one of its keys (\(dict.keys.sorted().joined(separator: ", ")))")
        }
    }

    /// An override's text as a JSON value: kept as a string where the key holds a string, else read as
    /// JSON (`3`, `true`, `[25,50]`); a list may also be written `25,50`; text that is not JSON stays a
    /// string (and then fails the type check with the text shown). `stringOrList`: a string key that
    /// also takes a list reads text that is a JSON list as the list.
    static func parseOverride(_ text: String, default defaultValue: ConfigJSON, stringOrList: Bool = false) -> ConfigJSON {
        func json(_ t: String) -> ConfigJSON? {
            (try? ConfigJSON.parse(Array(t.trimmingCharacters(in: .whitespaces).utf8)))?.value
        }
        if case .string = defaultValue {
            if stringOrList, let value = json(text), case .array = value { return value }
            return .string(text)
        }
        if case .array(let items) = defaultValue {
            if let value = json(text), case .array = value { return value }
            if text.trimmingCharacters(in: .whitespaces).isEmpty { return .array([]) }
            let stringItems: Bool
            if case .string = items.first { stringItems = true } else { stringItems = false }
            return .array(text.split(separator: ",", omittingEmptySubsequences: false).map { part in
                let t = part.trimmingCharacters(in: .whitespaces)
                return stringItems ? .string(t) : (json(t) ?? .string(t))
            })
        }
        return json(text) ?? .string(text)
    }
}
