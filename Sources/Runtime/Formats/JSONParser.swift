import Foundation

/// A parsed JSON value, object members in file order (safetensors headers, configurations).
package indirect enum JSONValue {
    case object([(key: String, value: JSONValue)])
    case array([JSONValue])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    /// The JSON type, for messages ("an object", "a string"...).
    var kind: String {
        switch self {
        case .object: return "object"
        case .array: return "array"
        case .string: return "string"
        case .number: return "number"
        case .bool: return "boolean"
        case .null: return "null"
        }
    }

    /// Short source-like text, for messages.
    var text: String {
        switch self {
        case .string(let s): return "\"\(s)\""
        case .number(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .object: return "{...}"
        case .array: return "[...]"
        }
    }

    /// The value as an Int if it is a JSON integer >= 0 that fits (no sign, fraction or exponent).
    var nonNegativeInt: Int? {
        guard case .number(let s) = self, s.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        return Int(s)
    }
}

/// A strict RFC 8259 JSON parser that, unlike JSONSerialization, rejects duplicate keys: the one
/// parser of safetensors headers and configuration files.
package struct JSONParser {
    /// A syntax error (or duplicate key) at a byte offset of the input.
    package struct Failure: Error {
        package let message: String
        package let offset: Int
    }

    private let bytes: [UInt8]
    /// How messages name the end of the input ("end of header", "end of file").
    private let end: String
    private var position = 0
    private var depth = 0
    private static let maxDepth = 64

    /// Parses `bytes` as exactly one JSON value, surrounded only by whitespace; `end` names the
    /// end of the input in messages.
    package static func parse(_ bytes: [UInt8], end: String) throws -> JSONValue {
        var parser = JSONParser(bytes: bytes, end: end)
        parser.skipWhitespace()
        let value = try parser.value()
        parser.skipWhitespace()
        guard parser.position == bytes.count else { throw parser.failure("unexpected \(parser.describeNext()) after the JSON value") }
        return value
    }

    private init(bytes: [UInt8], end: String) { self.bytes = bytes; self.end = end }

    private var next: UInt8? { position < bytes.count ? bytes[position] : nil }

    private func failure(_ message: String, at offset: Int? = nil) -> Failure {
        Failure(message: message, offset: offset ?? position)
    }

    private func describeNext() -> String {
        guard let c = next else { return end }
        return c >= 0x20 && c < 0x7F ? "'\(Character(Unicode.Scalar(c)))'" : "byte 0x\(String(c, radix: 16))"
    }

    private mutating func skipWhitespace() {
        while let c = next, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { position += 1 }
    }

    private mutating func expect(_ c: UInt8) throws {
        guard next == c else { throw failure("expected '\(Character(Unicode.Scalar(c)))', found \(describeNext())") }
        position += 1
    }

    private mutating func value() throws -> JSONValue {
        guard let c = next else { throw failure("expected a JSON value, found \(end)") }
        switch c {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0") ... UInt8(ascii: "9"): return try number()
        default: throw failure("expected a JSON value, found \(describeNext())")
        }
    }

    private mutating func nest() throws {
        depth += 1
        guard depth <= Self.maxDepth else { throw failure("nested deeper than \(Self.maxDepth) levels") }
    }

    private mutating func object() throws -> JSONValue {
        try nest()
        defer { depth -= 1 }
        position += 1
        var members: [(key: String, value: JSONValue)] = []
        var seen: Set<String> = []
        skipWhitespace()
        if next == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            let keyStart = position
            guard next == UInt8(ascii: "\"") else { throw failure("expected a string key, found \(describeNext())") }
            let key = try string()
            guard seen.insert(key).inserted else { throw failure("duplicate key '\(key)'", at: keyStart) }
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            members.append((key, try value()))
            skipWhitespace()
            switch next {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; return .object(members)
            default: throw failure("expected ',' or '}' in object, found \(describeNext())")
            }
        }
    }

    private mutating func array() throws -> JSONValue {
        try nest()
        defer { depth -= 1 }
        position += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if next == UInt8(ascii: "]") {
            position += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try value())
            skipWhitespace()
            switch next {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; return .array(items)
            default: throw failure("expected ',' or ']' in array, found \(describeNext())")
            }
        }
    }

    private mutating func literal(_ word: String, _ result: JSONValue) throws -> JSONValue {
        let expected = Array(word.utf8)
        guard bytes.count - position >= expected.count, Array(bytes[position ..< position + expected.count]) == expected else {
            throw failure("expected a JSON value, found \(describeNext())")
        }
        position += expected.count
        return result
    }

    private mutating func number() throws -> JSONValue {
        let start = position
        func digits() throws {
            guard let c = next, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else {
                throw failure("expected a digit in number, found \(describeNext())")
            }
            while let c = next, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") { position += 1 }
        }
        if next == UInt8(ascii: "-") { position += 1 }
        if next == UInt8(ascii: "0") {
            position += 1
        } else {
            try digits()
        }
        if next == UInt8(ascii: ".") {
            position += 1
            try digits()
        }
        if next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
            position += 1
            if next == UInt8(ascii: "+") || next == UInt8(ascii: "-") { position += 1 }
            try digits()
        }
        return .number(String(decoding: bytes[start ..< position], as: UTF8.self))
    }

    private mutating func string() throws -> String {
        position += 1
        var out: [UInt8] = []
        while true {
            guard let c = next else { throw failure("unterminated string") }
            switch c {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                position += 1
                guard let escape = next else { throw failure("unterminated string") }
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800 ... 0xDBFF).contains(scalar) {
                        guard next == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u") else {
                            throw failure("unpaired UTF-16 surrogate in \\u escape")
                        }
                        position += 2
                        let low = try hex4()
                        guard (0xDC00 ... 0xDFFF).contains(low) else { throw failure("unpaired UTF-16 surrogate in \\u escape") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00 ... 0xDFFF).contains(scalar) {
                        throw failure("unpaired UTF-16 surrogate in \\u escape")
                    }
                    out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
                default:
                    throw failure("invalid escape '\\\(Character(Unicode.Scalar(escape)))' in string", at: position - 2)
                }
            default:
                guard c >= 0x20 else { throw failure("unescaped control character 0x\(String(c, radix: 16)) in string") }
                out.append(c)
                position += 1
            }
        }
    }

    private mutating func hex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0 ..< 4 {
            guard let c = next, let digit = hexValue(c) else { throw failure("expected 4 hex digits in \\u escape") }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    private func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): return UInt32(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a") ... UInt8(ascii: "f"): return UInt32(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A") ... UInt8(ascii: "F"): return UInt32(c - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}

/// A JSON string literal escaped as serde_json does: `"` `\` and control characters only.
func jsonString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{08}": out += "\\b"
        case "\u{0C}": out += "\\f"
        case "\u{00}" ... "\u{1F}":
            let hex = String(scalar.value, radix: 16)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}
