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
    fileprivate var order: Int { Self.allCases.firstIndex(of: self)! }
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

        let root: HeaderJSON
        do {
            root = try HeaderParser.parse(headerBytes)
        } catch let failure as HeaderParser.Failure {
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
        named name: String, from value: HeaderJSON, fail: (String) -> RuntimeError
    ) throws -> Entry {
        guard case .object(let fields) = value else {
            throw fail("tensor '\(name)' is a JSON \(value.kind), expected an object with dtype, shape and data_offsets")
        }
        func field(_ key: String) throws -> HeaderJSON {
            guard let found = fields.first(where: { $0.key == key }) else {
                throw fail("tensor '\(name)' has no \"\(key)\"")
            }
            return found.value
        }
        func integers(_ key: String, _ json: HeaderJSON) throws -> [Int] {
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

/// Builds a safetensors file: collect tensors with `add`, then `serialized()` or `write(to:)`.
///
/// The layout matches the reference writer byte for byte: tensors sorted by descending dtype
/// (declaration order, hence descending element size) then by name (bytewise), compact JSON with
/// `__metadata__` first (keys sorted; omitted when empty) and each entry's keys in the order
/// dtype, shape, data_offsets, padded with spaces to a multiple of 8 bytes.
public struct SafeTensorsWriter: Sendable {
    /// One tensor waiting to be written.
    private struct Pending: Sendable {
        let name: String
        let dtype: SafeTensorsDType
        let shape: [Int]
        let bytes: Data
    }

    /// The `__metadata__` map to write.
    public var metadata: [String: String]
    private var pending: [Pending] = []
    private var names: Set<String> = []

    /// An empty writer with the given `__metadata__`.
    public init(metadata: [String: String] = [:]) {
        self.metadata = metadata
    }

    /// Adds an F32 tensor; `floats.count` must equal the product of `shape`.
    public mutating func add(_ name: String, floats: [Float], shape: [Int]) throws {
        #if _endian(little)
        let bytes = floats.withUnsafeBytes { Data($0) }
        #else
        var bytes = Data(capacity: floats.count * 4)
        for value in floats { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        #endif
        try add(name, dtype: .F32, shape: shape, count: floats.count, bytes: bytes)
    }

    /// Adds an I64 tensor; `int64s.count` must equal the product of `shape`.
    public mutating func add(_ name: String, int64s: [Int64], shape: [Int]) throws {
        #if _endian(little)
        let bytes = int64s.withUnsafeBytes { Data($0) }
        #else
        var bytes = Data(capacity: int64s.count * 8)
        for value in int64s { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        #endif
        try add(name, dtype: .I64, shape: shape, count: int64s.count, bytes: bytes)
    }

    /// Adds a tensor from raw little-endian bytes; `bytes.count` must equal the product of `shape` times the element size.
    public mutating func add(_ name: String, dtype: SafeTensorsDType, shape: [Int], bytes: Data) throws {
        try add(name, dtype: dtype, shape: shape, count: nil, bytes: bytes)
    }

    /// Checks the name, the shape and the element (or byte) count, then records the tensor.
    private mutating func add(_ name: String, dtype: SafeTensorsDType, shape: [Int], count: Int?, bytes: Data) throws {
        func fail(_ problem: String) -> RuntimeError { .safetensors(path: "<writer>", problem: problem) }
        let shapeText = "\(dtype.rawValue) \(formatShape(shape))"
        guard name != "__metadata__" else { throw fail("'__metadata__' is reserved and cannot name a tensor") }
        guard !names.contains(name) else { throw fail("tensor '\(name)' was already added (duplicate name)") }
        guard shape.allSatisfy({ $0 >= 0 }) else { throw fail("tensor '\(name)' has negative dimension in shape \(formatShape(shape))") }
        var elements = 1
        for dim in shape {
            let (product, overflow) = elements.multipliedReportingOverflow(by: dim)
            guard !overflow else { throw fail("tensor '\(name)' has \(shapeText), whose element count overflows") }
            elements = product
        }
        if let count {
            guard count == elements else {
                throw fail("tensor '\(name)' has \(count) values but \(shapeText) needs \(elements)")
            }
        } else {
            let (needed, overflow) = elements.multipliedReportingOverflow(by: dtype.byteSize)
            guard !overflow, bytes.count == needed else {
                throw fail("tensor '\(name)' has \(bytes.count) bytes but \(shapeText) needs \(overflow ? "too many" : String(needed))")
            }
        }
        names.insert(name)
        pending.append(Pending(name: name, dtype: dtype, shape: shape, bytes: bytes))
    }

    /// The complete file: length prefix, padded header, data section.
    public func serialized() -> Data {
        let ordered = pending.sorted { a, b in
            if a.dtype != b.dtype { return a.dtype.order > b.dtype.order }
            return a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
        }
        var header = "{"
        var first = true
        if !metadata.isEmpty {
            header += jsonString("__metadata__") + ":{"
            let keys = metadata.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            header += keys.map { jsonString($0) + ":" + jsonString(metadata[$0]!) }.joined(separator: ",")
            header += "}"
            first = false
        }
        var offset = 0
        for tensor in ordered {
            if !first { header += "," }
            first = false
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            header += jsonString(tensor.name)
                + ":{\"dtype\":\"\(tensor.dtype.rawValue)\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(offset + tensor.bytes.count)]}"
            offset += tensor.bytes.count
        }
        header += "}"
        var headerBytes = Array(header.utf8)
        headerBytes += Array(repeating: 0x20, count: (8 - headerBytes.count % 8) % 8)

        var file = Data(capacity: 8 + headerBytes.count + offset)
        withUnsafeBytes(of: UInt64(headerBytes.count).littleEndian) { file.append(contentsOf: $0) }
        file.append(contentsOf: headerBytes)
        for tensor in ordered { file.append(tensor.bytes) }
        return file
    }

    /// Writes the file atomically: a temporary file in the same directory is written and fsynced,
    /// renamed over `url`, and the directory fsynced; on failure `url` is untouched and the
    /// temporary file removed.
    public func write(to url: URL) throws {
        try AtomicFile.write(serialized(), to: url.path)
    }
}

// MARK: - Helpers

/// Writes whole files so that readers see either the old contents or the new, never a mix.
private enum AtomicFile {
    static func write(_ data: Data, to path: String) throws {
        func fail(_ problem: String) -> RuntimeError { .io(path: path, problem: problem) }
        func lastError() -> String { String(cString: strerror(errno)) }

        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = "\(directory == "/" ? "" : directory)/.\(base).tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))"

        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw fail("cannot create temporary file \(temporary): \(lastError())") }
        var renamed = false
        var isOpen = true
        defer {
            if isOpen { _ = close(fd) }
            if !renamed { _ = unlink(temporary) }
        }

        try data.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = systemWrite(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw fail("cannot write temporary file \(temporary): \(lastError())")
                }
                done += n
            }
        }
        guard fsync(fd) == 0 else { throw fail("cannot fsync temporary file \(temporary): \(lastError())") }
        isOpen = false
        guard close(fd) == 0 else { throw fail("cannot close temporary file \(temporary): \(lastError())") }
        guard rename(temporary, path) == 0 else { throw fail("cannot rename \(temporary) over it: \(lastError())") }
        renamed = true

        // Make the rename itself durable. Some filesystems cannot fsync a directory (EINVAL).
        let directoryFD = open(directory, O_RDONLY | O_CLOEXEC)
        guard directoryFD >= 0 else { throw fail("cannot open directory \(directory) to fsync it: \(lastError())") }
        defer { _ = close(directoryFD) }
        if fsync(directoryFD) != 0 && errno != EINVAL {
            throw fail("cannot fsync directory \(directory): \(lastError())")
        }
    }

    /// POSIX write(2), under a name that no method shadows.
    private static func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Darwin)
        return Darwin.write(fd, buffer, count)
        #elseif canImport(Glibc)
        return Glibc.write(fd, buffer, count)
        #else
        return Musl.write(fd, buffer, count)
        #endif
    }
}

/// A JSON value from a header, with object members kept in file order.
private indirect enum HeaderJSON {
    case object([(key: String, value: HeaderJSON)])
    case array([HeaderJSON])
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

/// A strict RFC 8259 JSON parser for headers that, unlike JSONSerialization, rejects duplicate keys.
private struct HeaderParser {
    /// A syntax error (or duplicate key) at a byte offset in the header.
    struct Failure: Error {
        let message: String
        let offset: Int
    }

    private let bytes: [UInt8]
    private var position = 0
    private var depth = 0
    private static let maxDepth = 64

    /// Parses `bytes` as exactly one JSON value, surrounded only by whitespace.
    static func parse(_ bytes: [UInt8]) throws -> HeaderJSON {
        var parser = HeaderParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.value()
        parser.skipWhitespace()
        guard parser.position == bytes.count else { throw parser.failure("unexpected \(parser.describeNext()) after the JSON value") }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private var next: UInt8? { position < bytes.count ? bytes[position] : nil }

    private func failure(_ message: String, at offset: Int? = nil) -> Failure {
        Failure(message: message, offset: offset ?? position)
    }

    private func describeNext() -> String {
        guard let c = next else { return "end of header" }
        return c >= 0x20 && c < 0x7F ? "'\(Character(Unicode.Scalar(c)))'" : "byte 0x\(String(c, radix: 16))"
    }

    private mutating func skipWhitespace() {
        while let c = next, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { position += 1 }
    }

    private mutating func expect(_ c: UInt8) throws {
        guard next == c else { throw failure("expected '\(Character(Unicode.Scalar(c)))', found \(describeNext())") }
        position += 1
    }

    private mutating func value() throws -> HeaderJSON {
        guard let c = next else { throw failure("expected a JSON value, found end of header") }
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

    private mutating func object() throws -> HeaderJSON {
        try nest()
        defer { depth -= 1 }
        position += 1
        var members: [(key: String, value: HeaderJSON)] = []
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

    private mutating func array() throws -> HeaderJSON {
        try nest()
        defer { depth -= 1 }
        position += 1
        var items: [HeaderJSON] = []
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

    private mutating func literal(_ word: String, _ result: HeaderJSON) throws -> HeaderJSON {
        let expected = Array(word.utf8)
        guard bytes.count - position >= expected.count, Array(bytes[position ..< position + expected.count]) == expected else {
            throw failure("expected a JSON value, found \(describeNext())")
        }
        position += expected.count
        return result
    }

    private mutating func number() throws -> HeaderJSON {
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
private func jsonString(_ s: String) -> String {
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

/// A shape as the messages print it: `[24,3,3,3]`, `[]` for a scalar.
private func formatShape(_ shape: [Int]) -> String {
    "[" + shape.map(String.init).joined(separator: ",") + "]"
}

/// `text` with line breaks replaced by spaces, so error messages stay on one line.
private func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).joined(separator: " ")
}

/// IEEE 754 binary16 to Float, exactly (subnormals, infinities and NaN payloads included).
private func halfToFloat(_ h: UInt16) -> Float {
    let negative = h & 0x8000 != 0
    let exponent = UInt32(h >> 10) & 0x1F
    let mantissa = UInt32(h) & 0x3FF
    let magnitude: Float
    switch exponent {
    case 0: magnitude = Float(mantissa) * 0x1p-24
    case 0x1F: magnitude = Float(bitPattern: 0x7F80_0000 | mantissa << 13)
    default: magnitude = Float(bitPattern: (exponent + 112) << 23 | mantissa << 13)
    }
    return negative ? -magnitude : magnitude
}
