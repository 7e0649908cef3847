import Foundation

/// A JSON value of a training configuration, as written in the file.
///
/// Numbers keep their source text so an integer (`80`) and a fraction (`80.0`) stay distinct for the
/// type checks; `canonical` normalises them (`1.0` and `1` both print `1`, `3e-4` prints `0.0003`).
public indirect enum ConfigJSON: Equatable, Sendable {
    case object([String: ConfigJSON])
    case array([ConfigJSON])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    /// The keyed tree of a parsed value (members looked up and merged by key).
    package init(_ value: JSONValue) {
        switch value {
        case .object(let members):
            var dict: [String: ConfigJSON] = [:]
            for (key, member) in members { dict[key] = ConfigJSON(member) }
            self = .object(dict)
        case .array(let items): self = .array(items.map(ConfigJSON.init))
        case .string(let s): self = .string(s)
        case .number(let s): self = .number(s)
        case .bool(let b): self = .bool(b)
        case .null: self = .null
        }
    }

    /// Parses UTF-8 JSON text strictly (RFC 8259, duplicate keys rejected). On failure the message
    /// names the line and column.
    package static func parse(_ bytes: [UInt8]) throws -> (ordered: JSONValue, value: ConfigJSON) {
        do {
            let parsed = try JSONParser.parse(bytes, end: "end of file")
            return (parsed, ConfigJSON(parsed))
        } catch let failure as JSONParser.Failure {
            var line = 1, column = 1
            for b in bytes.prefix(failure.offset) {
                if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            }
            throw ConfigJSONSyntaxError(message: "invalid JSON at line \(line), column \(column): \(failure.message)")
        }
    }

    /// The JSON kind, for messages.
    package var kind: String {
        switch self {
        case .object: return "an object"
        case .array: return "a list"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }

    /// Compact text for messages: strings quoted, long values cut.
    package var shortText: String {
        let text: String
        switch self {
        case .number(let s): text = s
        default: text = canonical
        }
        return text.count > 60 ? String(text.prefix(57)) + "..." : text
    }

    /// Canonical JSON: object keys sorted (by UTF-8 bytes), no whitespace, numbers normalised.
    public var canonical: String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch self {
        case .object(let dict):
            out += "{"
            for (i, key) in dict.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }).enumerated() {
                if i > 0 { out += "," }
                out += jsonString(key)
                out += ":"
                dict[key]!.write(into: &out)
            }
            out += "}"
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        case .string(let s): out += jsonString(s)
        case .number(let s): out += ConfigJSON.canonicalNumber(s)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }

    /// `80`, `80.0` and `8e1` all give `80`; other numbers print as Swift's shortest round-trip form.
    package static func canonicalNumber(_ text: String) -> String {
        if let i = Int(text) { return String(i) }
        guard let d = Double(text), d.isFinite else { return text }
        if d == d.rounded(), abs(d) < 9.0e15 { return String(Int64(d)) }
        return "\(d)"
    }

    /// `base` with `overlay` merged in recursively: objects merge key by key, anything else is replaced
    /// (the original's `Config._merge_config`).
    package static func merge(_ base: ConfigJSON, _ overlay: ConfigJSON) -> ConfigJSON {
        guard case .object(var baseDict) = base, case .object(let overlayDict) = overlay else { return overlay }
        for (key, value) in overlayDict {
            baseDict[key] = baseDict[key].map { merge($0, value) } ?? value
        }
        return .object(baseDict)
    }

    /// The member at a dotted path, if every level exists.
    package func value(at path: [String]) -> ConfigJSON? {
        var current = self
        for key in path {
            guard case .object(let dict) = current, let next = dict[key] else { return nil }
            current = next
        }
        return current
    }

    /// A copy with the member at `path` set (the parents must be objects; missing ones are created).
    package func setting(_ path: ArraySlice<String>, to newValue: ConfigJSON) -> ConfigJSON {
        guard let key = path.first else { return newValue }
        var dict: [String: ConfigJSON] = [:]
        if case .object(let existing) = self { dict = existing }
        dict[key] = (dict[key] ?? .object([:])).setting(path.dropFirst(), to: newValue)
        return .object(dict)
    }
}

/// A JSON syntax error (no file name yet; the loader adds it).
package struct ConfigJSONSyntaxError: Error {
    package let message: String
}

/// Levenshtein distance between two strings (by Unicode scalars), for "did you mean" suggestions.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0 ... b.count)
    var current = previous
    for i in 1 ... a.count {
        current[0] = i
        for j in 1 ... b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// The candidate closest to `word` if it is close enough to be a likely misspelling.
package func closestMatch(to word: String, among candidates: [String]) -> String? {
    let limit = max(1, min(3, word.count / 3 + 1))
    let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }), best.1 <= limit else { return nil }
    return best.0
}
