import Foundation
import Formats
import Data

/// Reads typed values from the merged tree, each failure naming the key and where its value came
/// from. Each key's type and bounds are its `ConfigSchema` row's; asking for a key with another
/// type is a programming error.
struct ConfigReader {
    let tree: ConfigJSON
    let source: String
    /// Dotted key to the override that set it.
    let origins: [String: String]
    /// Keys read so far (checked against the schema in debug builds).
    private(set) var read: Set<String> = []

    init(tree: ConfigJSON, source: String, origins: [String: String]) {
        self.tree = tree
        self.source = source
        self.origins = origins
    }

    /// The error for `key`. Its source is the override that set `key`, else an override that set a
    /// key the problem names (a constraint between keys), else the file.
    func fail(_ key: String, _ problem: String) -> RuntimeError {
        let related = origins.keys.sorted().first { problem.contains("'\($0)'") }
        return .config(source: origins[key] ?? related.flatMap { origins[$0] } ?? source, problem: "'\(key)' \(problem)")
    }

    private mutating func value(_ key: String) throws(RuntimeError) -> ConfigJSON {
        read.insert(key)
        guard let value = tree.value(at: key.split(separator: ".").map(String.init)) else {
            throw fail(key, "is missing")  // unreachable: the defaults hold every key
        }
        return value
    }

    mutating func bool(_ key: String) throws(RuntimeError) -> Bool {
        let v = try value(key)
        guard case .bool(let b) = v else { throw fail(key, "must be true or false, found \(v.shortText)") }
        return b
    }

    /// `"auto"`, `"true"` or `"false"` from the string `auto` or a boolean (or its string).
    mutating func autoBool(_ key: String) throws(RuntimeError) -> String {
        guard case .autoBool = kind(key) else { preconditionFailure("'\(key)' is not auto/true/false in ConfigSchema") }
        let v = try value(key)
        switch v {
        case .bool(let b): return b ? "true" : "false"
        case .string(let s) where ["auto", "true", "false"].contains(s): return s
        default: throw fail(key, "must be \"auto\", true or false, found \(v.shortText)")
        }
    }

    /// The row's kind, checked against what the caller reads.
    private func kind(_ key: String) -> ConfigKey.Kind { ConfigSchema.row(key).kind }

    mutating func int(_ key: String) throws(RuntimeError) -> Int {
        guard case .int(let min) = kind(key) else { preconditionFailure("'\(key)' is not an integer in ConfigSchema") }
        let v = try value(key)
        let n = try integer(v, key: key, what: "an integer")
        guard n >= min else { throw fail(key, "must be >= \(min), found \(v.shortText)") }
        return n
    }

    mutating func double(_ key: String) throws(RuntimeError) -> Double {
        guard case .double(let range) = kind(key) else { preconditionFailure("'\(key)' is not a number in ConfigSchema") }
        let v = try value(key)
        let x = try number(v, key: key, what: "a number")
        if let problem = range.check(x) { throw fail(key, "\(problem), found \(v.shortText)") }
        return x
    }

    mutating func string(_ key: String) throws(RuntimeError) -> String {
        let v = try value(key)
        guard case .string(let s) = v else { throw fail(key, "must be a string, found \(v.shortText)") }
        return s
    }

    mutating func path(_ key: String) throws(RuntimeError) -> String {
        let s = try string(key)
        guard !s.isEmpty else { throw fail(key, "must be a non-empty path") }
        return s
    }

    mutating func oneOf(_ key: String) throws(RuntimeError) -> String {
        guard case .oneOf(let allowed) = kind(key) else { preconditionFailure("'\(key)' is not a choice in ConfigSchema") }
        let s = try string(key)
        guard allowed.contains(s) else {
            var problem = "must be one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", ")), found \"\(s)\""
            if let guess = closestMatch(to: s, among: allowed) { problem += " (did you mean \"\(guess)\"?)" }
            throw fail(key, problem)
        }
        return s
    }

    mutating func stringList(_ key: String) throws(RuntimeError) -> [String] {
        guard case .stringList(let minCount, let allowed) = kind(key) else { preconditionFailure("'\(key)' is not a list of names in ConfigSchema") }
        let items = try list(key, what: "a list of strings")
        var out: [String] = []
        for item in items {
            guard case .string(let s) = item else { throw fail(key, "must be a list of strings, found \(item.shortText) in it") }
            if let allowed, !allowed.contains(s) {
                throw fail(key, "may only hold \(allowed.map { "\"\($0)\"" }.joined(separator: ", ")), found \"\(s)\"")
            }
            out.append(s)
        }
        guard out.count >= minCount else { throw fail(key, "must hold at least \(minCount) names, found \(out.count)") }
        return out
    }

    mutating func intList(_ key: String) throws(RuntimeError) -> [Int] {
        guard case .intList(let min) = kind(key) else { preconditionFailure("'\(key)' is not a list of integers in ConfigSchema") }
        return try list(key, what: "a list of integers").map { (item) throws(RuntimeError) -> Int in
            let n = try integer(item, key: key, what: "a list of integers")
            guard n >= min else { throw fail(key, "values must be >= \(min), found \(item.shortText)") }
            return n
        }
    }

    mutating func doubleList(_ key: String) throws(RuntimeError) -> [Double] {
        guard case .doubleList(let range) = kind(key) else { preconditionFailure("'\(key)' is not a list of numbers in ConfigSchema") }
        return try numbers(key, range)
    }

    private mutating func numbers(_ key: String, _ range: ConfigKey.Bound) throws(RuntimeError) -> [Double] {
        try list(key, what: "a list of numbers").map { (item) throws(RuntimeError) -> Double in
            let x = try number(item, key: key, what: "a list of numbers")
            if let problem = range.check(x) { throw fail(key, "values \(problem), found \(item.shortText)") }
            return x
        }
    }

    /// `[min, max]` with min <= max, both in `range`.
    mutating func pair(_ key: String) throws(RuntimeError) -> [Double] {
        guard case .pair(let range) = kind(key) else { preconditionFailure("'\(key)' is not a pair in ConfigSchema") }
        let values = try numbers(key, range)
        guard values.count == 2 else { throw fail(key, "must be a [min, max] pair, found \(values.count) values") }
        guard values[0] <= values[1] else { throw fail(key, "must be [min, max] with min <= max, found [\(values[0]), \(values[1])]") }
        return values
    }

    /// An integer >= the schema's minimum, or nil for null.
    mutating func optionalInt(_ key: String) throws(RuntimeError) -> Int? {
        guard case .optionalInt(let min) = kind(key) else { preconditionFailure("'\(key)' is not an optional integer in ConfigSchema") }
        let v = try value(key)
        if case .null = v { return nil }
        let n = try integer(v, key: key, what: "an integer >= \(min) or null")
        guard n >= min else { throw fail(key, "must be an integer >= \(min) or null, found \(n)") }
        return n
    }

    /// The intensity window rule: "minmax", "percentile" (with the percentiles of
    /// `percentilesKey`, a pair in [0, 100]) or fixed `[low, high]` with low < high.
    mutating func intensityWindow(_ key: String, percentilesKey: String) throws(RuntimeError) -> IntensityWindow {
        guard case .intensityWindow = kind(key) else { preconditionFailure("'\(key)' is not an intensity window in ConfigSchema") }
        let percentiles = try pair(percentilesKey)
        let v = try value(key)
        switch v {
        case .string("minmax"): return .minmax
        case .string("percentile"): return .percentile(low: percentiles[0], high: percentiles[1])
        case .array(let items):
            guard items.count == 2 else { throw fail(key, "must be \"minmax\", \"percentile\" or [low, high], found \(items.count) values") }
            let low = try number(items[0], key: key, what: "a number"), high = try number(items[1], key: key, what: "a number")
            guard low < high else { throw fail(key, "must be [low, high] with low < high, found [\(low), \(high)]") }
            return .fixed(low: low, high: high)
        default:
            throw fail(key, "must be \"minmax\", \"percentile\" or [low, high] fixed values, found \(v.shortText)")
        }
    }

    private mutating func list(_ key: String, what: String) throws(RuntimeError) -> [ConfigJSON] {
        let v = try value(key)
        guard case .array(let items) = v else { throw fail(key, "must be \(what), found \(v.shortText)") }
        return items
    }

    private func integer(_ v: ConfigJSON, key: String, what: String) throws(RuntimeError) -> Int {
        guard case .number(let text) = v else { throw fail(key, "must be \(what), found \(v.shortText)") }
        guard let n = Int(text) else {
            if text.allSatisfy({ $0.isNumber || $0 == "-" }) { throw fail(key, "is too large, found \(text)") }
            throw fail(key, "must be \(what), found \(text)")
        }
        return n
    }

    private func number(_ v: ConfigJSON, key: String, what: String) throws(RuntimeError) -> Double {
        guard case .number(let text) = v else { throw fail(key, "must be \(what), found \(v.shortText)") }
        guard let x = Double(text), x.isFinite else { throw fail(key, "must be a finite number, found \(text)") }
        return x
    }
}
