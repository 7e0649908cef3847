import Formats

/// One key of the training configuration: dotted name, type and bounds, default, meaning.
public struct ConfigKey: Sendable {
    /// The interval a number must lie in.
    public enum Bound: Sendable {
        case positive, nonNegative, closedUnit, halfOpenUnit, openClosedUnit, openUnit
        case atLeast(Double), range(Double, Double)

        /// nil when `x` lies in the interval, else "must be ...".
        public func check(_ x: Double) -> String? {
            contains(x) ? nil : "must be \(text)"
        }

        func contains(_ x: Double) -> Bool {
            switch self {
            case .positive: return x > 0
            case .nonNegative: return x >= 0
            case .closedUnit: return (0 ... 1).contains(x)
            case .halfOpenUnit: return x >= 0 && x < 1
            case .openClosedUnit: return x > 0 && x <= 1
            case .openUnit: return x > 0 && x < 1
            case .atLeast(let lo): return x >= lo
            case .range(let lo, let hi): return (lo ... hi).contains(x)
            }
        }

        /// The interval as written in messages and the README (`> 0`, `in [0, 1)`).
        public var text: String {
            func n(_ x: Double) -> String { ConfigJSON.canonicalNumber("\(x)") }
            switch self {
            case .positive: return "> 0"
            case .nonNegative: return ">= 0"
            case .closedUnit: return "in [0, 1]"
            case .halfOpenUnit: return "in [0, 1)"
            case .openClosedUnit: return "in (0, 1]"
            case .openUnit: return "in (0, 1)"
            case .atLeast(let lo): return ">= \(n(lo))"
            case .range(let lo, let hi): return "in [\(n(lo)), \(n(hi))]"
            }
        }
    }

    /// The type of a value and what it must satisfy.
    public enum Kind: Sendable {
        case bool
        /// `"auto"`, `true` or `false` (also the strings `"true"`, `"false"`).
        case autoBool
        case int(min: Int)
        case double(Bound)
        case string
        /// A non-empty string.
        case path
        case oneOf([String])
        /// `allowed` nil: any names.
        case stringList(minCount: Int, allowed: [String]?)
        case intList(min: Int)
        case doubleList(Bound)
        /// `[min, max]`, min <= max, both in the bound.
        case pair(Bound)
        /// An integer >= min, or null.
        case optionalInt(min: Int)
        /// `"minmax"`, `"percentile"` or a `[low, high]` pair of fixed values with low < high.
        case intensityWindow

        /// Type and bounds for the README (`integer >= 1`, `number in [0, 1)`).
        public var text: String {
            func names(_ a: [String]) -> String { a.map { "`\($0)`" }.joined(separator: ", ") }
            switch self {
            case .bool: return "boolean"
            case .autoBool: return "`\"auto\"`, `true` or `false`"
            case .int(let min): return "integer >= \(min)"
            case .double(let b): return "number \(b.text)"
            case .string: return "string"
            case .path: return "path (non-empty)"
            case .oneOf(let a): return "one of \(names(a))"
            case .stringList(let minCount, let allowed):
                let of = allowed.map { " from \(names($0))" } ?? ""
                return (minCount > 0 ? "list (>= \(minCount)) of names" : "list of names") + of
            case .intList(let min): return "list of integers >= \(min)"
            case .doubleList(let b): return "list of numbers \(b.text)"
            case .pair(let b): return "[min, max], each \(b.text)"
            case .optionalInt(let min): return "integer >= \(min) or null"
            case .intensityWindow: return "`\"minmax\"`, `\"percentile\"` or [low, high]"
            }
        }
    }

    public let key: String
    public let kind: Kind
    /// The default as JSON text (`80`, `"./data"`, `[25, 50, 70]`).
    public let defaultText: String
    /// One line for the README.
    public let doc: String

    init(_ key: String, _ kind: Kind, _ defaultText: String, _ doc: String) {
        self.key = key; self.kind = kind; self.defaultText = defaultText; self.doc = doc
    }
}
