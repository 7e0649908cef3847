import Foundation
#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

// The safetensors format (huggingface/safetensors, `safetensors/src/tensor.rs`):
//
//   bytes 0..<8      N, the header length, UInt64 little-endian (at most 100_000_000)
//   bytes 8..<8+N    a UTF-8 JSON object: name -> {"dtype", "shape", "data_offsets": [begin, end]},
//                    plus an optional "__metadata__": {string: string}; writers pad it with spaces
//                    so that N % 8 == 0
//   bytes 8+N..<EOF  the data section; offsets are relative to its start, end exclusive; tensors
//                    are dense, row-major, little-endian, and tile the section without gaps

/// The element type of a safetensors tensor, spelled as in the file's header.
///
/// The cases are declared in the reference implementation's order, which is also ascending element
/// size; the writer lays tensors out in descending declaration order, as the reference does.
public enum SafeTensorsDType: String, Sendable, CaseIterable {
    case BOOL, U8, I8, F8_E5M2, F8_E4M3, I16, U16, F16, BF16, I32, U32, F32, F64, I64, U64

    /// The size of one element in bytes.
    public var byteSize: Int {
        switch self {
        case .BOOL, .U8, .I8, .F8_E5M2, .F8_E4M3: return 1
        case .I16, .U16, .F16, .BF16: return 2
        case .I32, .U32, .F32: return 4
        case .F64, .I64, .U64: return 8
        }
    }

    /// The position of the case in declaration order (the reference's `Ord` on `Dtype`).
    var order: Int { Self.allCases.firstIndex(of: self)! }
}

/// A parsed and validated safetensors file (read-only).
///
/// `init` checks the whole layout (header, dtypes, sizes, offsets tiling the data section exactly),
/// so the accessors only have to check that a name exists and that its dtype converts.
public struct SafeTensors: Sendable {
    /// One tensor's header entry.
    public struct Entry: Sendable {
        /// The tensor's name (its key in the header).
        public let name: String
        /// The element type.
        public let dtype: SafeTensorsDType
        /// The dimensions, outermost first; `[]` is a scalar.
        public let shape: [Int]
        /// The tensor's bytes, relative to the start of the data section.
        public let byteRange: Range<Int>

        /// The number of elements (1 for a scalar, 0 if any dimension is 0).
        public var count: Int { shape.reduce(1, *) }
    }

    /// The file the tensors came from, for error messages ("<memory>" when parsed from `Data`).
    public let path: String
    /// The header's `__metadata__` map (empty when absent).
    public let metadata: [String: String]
    /// Every tensor, by name.
    public let entries: [String: Entry]
    /// The tensor names, sorted.
    public var names: [String] { entries.keys.sorted() }

    /// The whole file (mapped when read from disk).
    private let storage: Data
    /// Where the data section starts within `storage`: 8 + N.
    private let dataStart: Int

    /// The largest header the reference implementation accepts.
    static let maxHeaderLength: UInt64 = 100_000_000

    /// Maps the file at `url` and validates it; throws `RuntimeError.io` if it cannot be read.
    public init(contentsOf url: URL) throws {
        let path = url.path
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            var isDirectory: ObjCBool = false
            let problem: String
            if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                problem = "no such file"
            } else if isDirectory.boolValue {
                problem = "is a directory, not a safetensors file"
            } else {
                problem = "cannot read the file (\(oneLine(error.localizedDescription)))"
            }
            throw RuntimeError.io(path: path, problem: problem)
        }
        try self.init(data: data, path: path)
    }

    /// Validates `data` as a safetensors file; `path` only labels error messages.
    public init(data: Data, path: String = "<memory>") throws {
        func fail(_ problem: String) -> RuntimeError { .safetensors(path: path, problem: problem) }

        let fileSize = data.count
        guard fileSize >= 8 else {
            throw fail("file is \(fileSize) bytes, too short for the 8-byte header length (truncated file)")
        }
        let n = data.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        guard n <= Self.maxHeaderLength else {
            throw fail("header length \(n) exceeds the limit of \(Self.maxHeaderLength) bytes (header too large)")
        }
        let headerLength = Int(n)
        guard 8 + headerLength <= fileSize else {
            throw fail("header length \(n) needs \(8 + headerLength) bytes but the file has \(fileSize) (truncated header)")
        }
        let headerBytes = data.withUnsafeBytes { Array($0[8 ..< 8 + headerLength]) }
        guard String(bytes: headerBytes, encoding: .utf8) != nil else {
            throw fail("header is not valid UTF-8")
        }

        let root: JSONValue
        do {
            root = try JSONParser.parse(headerBytes, end: "end of header")
        } catch let failure as JSONParser.Failure {
            throw fail("invalid header JSON at byte \(failure.offset) of the header: \(failure.message)")
        }
        guard case .object(let members) = root else {
            throw fail("header is a JSON \(root.kind), expected an object")
        }

        var metadata: [String: String] = [:]
        var entries: [String: Entry] = [:]
        var inFileOrder: [Entry] = []
        for (key, value) in members {
            if key == "__metadata__" {
                guard case .object(let pairs) = value else {
                    throw fail("__metadata__ is a JSON \(value.kind), expected an object of strings")
                }
                for (metaKey, metaValue) in pairs {
                    guard case .string(let text) = metaValue else {
                        throw fail("__metadata__ key '\(metaKey)' is a JSON \(metaValue.kind), expected a string")
                    }
                    metadata[metaKey] = text
                }
                continue
            }
            let entry = try Self.entry(named: key, from: value, fail: fail)
            entries[key] = entry
            inFileOrder.append(entry)
        }

        // Each tensor's byte count must match its dtype and shape.
        for entry in inFileOrder {
            let offsets = "[\(entry.byteRange.lowerBound), \(entry.byteRange.upperBound)]"
            let shapeText = "\(entry.dtype.rawValue) \(formatShape(entry.shape))"
            var needed = entry.dtype.byteSize
            for dim in entry.shape {
                let (product, overflow) = needed.multipliedReportingOverflow(by: dim)
                guard !overflow else { throw fail("tensor '\(entry.name)' has \(shapeText), whose byte size overflows") }
                needed = product
            }
            guard entry.byteRange.count == needed else {
                throw fail("tensor '\(entry.name)' has data_offsets \(offsets) but \(shapeText) needs \(needed) bytes")
            }
        }

        // Sorted by offset, the tensors must tile the data section: no gaps, no overlaps.
        let sorted = inFileOrder.sorted {
            ($0.byteRange.lowerBound, $0.byteRange.upperBound) < ($1.byteRange.lowerBound, $1.byteRange.upperBound)
        }
        var end = 0
        var previous: String?
        for entry in sorted {
            let begin = entry.byteRange.lowerBound
            if begin != end {
                let offsets = "[\(begin), \(entry.byteRange.upperBound)]"
                let kind = begin > end ? "gap of \(begin - end) bytes" : "overlap of \(end - begin) bytes"
                let expected = previous.map { "\(end), where tensor '\($0)' ends" } ?? "0, the start of the data section"
                throw fail("tensor '\(entry.name)' has data_offsets \(offsets) but should start at \(expected) (\(kind))")
            }
            end = entry.byteRange.upperBound
            previous = entry.name
        }
        let dataSize = fileSize - 8 - headerLength
        if dataSize != end {
            let what = dataSize > end
                ? "\(dataSize - end) trailing bytes after the last tensor"
                : "\(end - dataSize) bytes missing (truncated data)"
            throw fail("tensors need a \(end)-byte data section (file size \(8 + headerLength + end)) but it has \(dataSize) bytes (file size \(fileSize)): \(what)")
        }

        self.path = path
        self.metadata = metadata
        self.entries = entries
        self.storage = data
        self.dataStart = 8 + headerLength
    }

    /// Decodes one tensor's header value, checking its fields but not yet its size or position.
    private static func entry(
        named name: String, from value: JSONValue, fail: (String) -> RuntimeError
    ) throws -> Entry {
        guard case .object(let fields) = value else {
            throw fail("tensor '\(name)' is a JSON \(value.kind), expected an object with dtype, shape and data_offsets")
        }
        func field(_ key: String) throws -> JSONValue {
            guard let found = fields.first(where: { $0.key == key }) else {
                throw fail("tensor '\(name)' has no \"\(key)\"")
            }
            return found.value
        }
        func integers(_ key: String, _ json: JSONValue) throws -> [Int] {
            guard case .array(let items) = json else {
                throw fail("tensor '\(name)' has \(key) of JSON \(json.kind), expected an array of non-negative integers")
            }
            return try items.map { item in
                guard let n = item.nonNegativeInt else {
                    throw fail("tensor '\(name)' has \(key) element \(item.text), expected a non-negative integer")
                }
                return n
            }
        }

        guard case .string(let dtypeName) = try field("dtype") else {
            throw fail("tensor '\(name)' has a dtype that is not a string")
        }
        guard let dtype = SafeTensorsDType(rawValue: dtypeName) else {
            let known = SafeTensorsDType.allCases.map(\.rawValue).joined(separator: ", ")
            throw fail("tensor '\(name)' has unknown dtype '\(dtypeName)' (known: \(known))")
        }
        let shape = try integers("shape", try field("shape"))
        let offsets = try integers("data_offsets", try field("data_offsets"))
        guard offsets.count == 2 else {
            throw fail("tensor '\(name)' has \(offsets.count) data_offsets, expected 2 ([begin, end])")
        }
        guard offsets[0] <= offsets[1] else {
            throw fail("tensor '\(name)' has data_offsets [\(offsets[0]), \(offsets[1])]: end before begin")
        }
        return Entry(name: name, dtype: dtype, shape: shape, byteRange: offsets[0] ..< offsets[1])
    }

    // MARK: Reading tensors

    /// The shape of tensor `name`.
    public func shape(_ name: String) throws -> [Int] {
        try entry(name).shape
    }

    /// A copy of tensor `name`'s raw little-endian bytes.
    public func bytes(_ name: String) throws -> Data {
        let entry = try entry(name)
        return withBytes(of: entry) { Data($0) }
    }

    /// Tensor `name` as Float: F32 as is; F16, BF16 and F64 converted (F64 rounds).
    public func floats(_ name: String) throws -> [Float] {
        let entry = try entry(name)
        switch entry.dtype {
        case .F32:
            #if _endian(little)
            return withBytes(of: entry) { raw in
                [Float](unsafeUninitializedCapacity: entry.count) { buffer, initialized in
                    if let base = buffer.baseAddress, raw.count > 0 {
                        UnsafeMutableRawPointer(base).copyMemory(from: raw.baseAddress!, byteCount: raw.count)
                    }
                    initialized = entry.count
                }
            }
            #else
            return decode(entry, UInt32.self) { Float(bitPattern: $0) }
            #endif
        case .F64: return decode(entry, UInt64.self) { Float(Double(bitPattern: $0)) }
        case .F16: return decode(entry, UInt16.self) { halfToFloat($0) }
        case .BF16: return decode(entry, UInt16.self) { Float(bitPattern: UInt32($0) << 16) }
        default: throw unsupported(entry, "floats()", "F32, F64, F16 or BF16")
        }
    }

    /// Tensor `name` as Double: F64 as is; F32, F16 and BF16 converted exactly.
    public func doubles(_ name: String) throws -> [Double] {
        let entry = try entry(name)
        switch entry.dtype {
        case .F64: return decode(entry, UInt64.self) { Double(bitPattern: $0) }
        case .F32: return decode(entry, UInt32.self) { Double(Float(bitPattern: $0)) }
        case .F16: return decode(entry, UInt16.self) { Double(halfToFloat($0)) }
        case .BF16: return decode(entry, UInt16.self) { Double(Float(bitPattern: UInt32($0) << 16)) }
        default: throw unsupported(entry, "doubles()", "F64, F32, F16 or BF16")
        }
    }

    /// Tensor `name` as Int64, from any integer dtype or BOOL (nonzero reads as 1).
    ///
    /// Throws for a U64 value above `Int64.max`, and for floating-point dtypes.
    public func int64s(_ name: String) throws -> [Int64] {
        let entry = try entry(name)
        switch entry.dtype {
        case .BOOL: return decode(entry, UInt8.self) { $0 != 0 ? 1 : 0 }
        case .U8: return decode(entry, UInt8.self) { Int64($0) }
        case .I8: return decode(entry, UInt8.self) { Int64(Int8(bitPattern: $0)) }
        case .U16: return decode(entry, UInt16.self) { Int64($0) }
        case .I16: return decode(entry, UInt16.self) { Int64(Int16(bitPattern: $0)) }
        case .U32: return decode(entry, UInt32.self) { Int64($0) }
        case .I32: return decode(entry, UInt32.self) { Int64(Int32(bitPattern: $0)) }
        case .I64: return decode(entry, UInt64.self) { Int64(bitPattern: $0) }
        case .U64:
            let values = decode(entry, UInt64.self) { $0 }
            if let index = values.firstIndex(where: { $0 > UInt64(Int64.max) }) {
                throw RuntimeError.safetensors(
                    path: path,
                    problem: "tensor '\(name)' (U64) has value \(values[index]) at index \(index), which does not fit Int64")
            }
            return values.map { Int64($0) }
        default: throw unsupported(entry, "int64s()", "an integer dtype or BOOL")
        }
    }

    /// The entry for `name`, or an error naming the file and the missing tensor.
    private func entry(_ name: String) throws -> Entry {
        guard let entry = entries[name] else {
            throw RuntimeError.safetensors(path: path, problem: "no tensor named '\(name)' (the file has \(entries.count) tensors)")
        }
        return entry
    }

    /// The error for a dtype an accessor cannot convert.
    private func unsupported(_ entry: Entry, _ accessor: String, _ accepted: String) -> RuntimeError {
        .safetensors(path: path, problem: "tensor '\(entry.name)' has dtype \(entry.dtype.rawValue), but \(accessor) needs \(accepted)")
    }

    /// Calls `body` with the bytes of `entry` (validated in `init` to lie inside the data section).
    private func withBytes<R>(of entry: Entry, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try storage.withUnsafeBytes { all in
            try body(UnsafeRawBufferPointer(rebasing: all[dataStart + entry.byteRange.lowerBound ..< dataStart + entry.byteRange.upperBound]))
        }
    }

    /// Reads `entry` as little-endian `Raw` words and converts each one with `convert`.
    private func decode<Raw: FixedWidthInteger, T>(_ entry: Entry, _: Raw.Type, _ convert: (Raw) -> T) -> [T] {
        let count = entry.count
        return withBytes(of: entry) { raw in
            [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                for i in 0 ..< count {
                    let word = Raw(littleEndian: raw.loadUnaligned(fromByteOffset: i * MemoryLayout<Raw>.size, as: Raw.self))
                    (buffer.baseAddress! + i).initialize(to: convert(word))
                }
                initialized = count
            }
        }
    }
}
