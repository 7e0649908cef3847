import Foundation

// torch.save's two formats (torch/serialization.py):
//
//   zip (torch >= 1.6, the default):  <archive>/data.pkl     the pickled object; tensors are
//                                                            _rebuild_tensor_v2(storage, offset, size, stride, ...)
//                                     <archive>/data/<key>   each storage's raw bytes
//                                     <archive>/byteorder    "little" or "big" (absent: little)
//   legacy (_use_new_zipfile_serialization=False, torch < 1.6): five pickles in a row, then raw storages:
//       magic 0x1950a86a20f9469cfc6c, protocol 1001, sys_info {little_endian, ...}, the object,
//       the sorted storage keys; then per key: element count (int64 LE) and the storage's bytes.

/// A torch `.pth` checkpoint read natively (no Python): the state dict of tensors it holds.
///
/// The pickle is read by a restricted unpickler (`TorchPickle`) that refuses every global except
/// the few that rebuild an `OrderedDict` of tensors, so a checkpoint cannot run code. A checkpoint
/// that wraps the state dict (`{"state_dict": ...}`, `{"model": ...}`, `{"model_state_dict": ...}`,
/// ...) is unwrapped and `stateDictKey` says which entry was used. Tensors may be strided views
/// with storage offsets, shared storages, fp16/bf16/fp64 (read as Float) or integers (`int64s`).
public struct TorchCheckpoint: StateDictSource, Sendable {
    /// The file format.
    public enum Format: String, Sendable { case zip, legacy }

    public let path: String
    public let format: Format
    /// The checkpoint entry holding the state dict, or nil when the file is the state dict itself.
    public let stateDictKey: String?
    /// The tensor names, in the file's order.
    public let names: [String]
    /// State dict entries that are not tensors (skipped).
    public let skipped: [String]
    private let tensors: [String: TorchTensorRef]
    private let storages: [String: Data]

    /// The wrapper keys recognised, in order of preference.
    public static let wrapperKeys = ["state_dict", "model_state_dict", "model", "module", "net", "network"]

    /// Maps and reads the checkpoint at `url`.
    public init(contentsOf url: URL) throws {
        try self.init(data: try readWeightsFile(url), path: url.path)
    }

    /// Reads a checkpoint from `data`; `path` labels errors.
    public init(data: Data, path: String) throws {
        let data = data.startIndex == 0 ? data : Data(data)
        func fail(_ problem: String) -> RuntimeError { .weights(path: path, problem: problem) }
        let root: PickleValue
        var storageBytes: [String: Data] = [:]
        let known: [String: TorchStorageRef]
        if ZipArchive.looksLikeZip(data) {
            let zip = try ZipArchive(data: data, path: path)
            guard let pickle = zip.entries.first(where: { $0.name.hasSuffix("/data.pkl") && $0.name.filter { $0 == "/" }.count == 1 }) else {
                throw fail("zip archive has no <name>/data.pkl: not a torch.save checkpoint")
            }
            let prefix = String(pickle.name.dropLast("data.pkl".count))
            if let order = zip.entry(prefix + "byteorder"), String(decoding: try zip.contents(order), as: UTF8.self) != "little" {
                throw fail("the checkpoint was written on a big-endian machine (\(prefix)byteorder); only little-endian checkpoints are read")
            }
            let parsed = try TorchPickle(try zip.contents(pickle), path: path)
            root = parsed.value
            known = parsed.storages
            for key in parsed.storages.keys {
                guard let record = zip.entry(prefix + "data/" + key) else {
                    throw fail("storage '\(key)' is named in the pickle but \(prefix)data/\(key) is not in the archive (corrupt or truncated file)")
                }
                storageBytes[key] = try zip.contents(record)
            }
            format = .zip
        } else if data.first == 0x80 {
            (root, known, storageBytes) = try Self.readLegacy(data, path: path)
            format = .legacy
        } else if data.count > 262, String(decoding: data[257 ..< 262], as: UTF8.self) == "ustar" {
            throw fail("torch's tar checkpoint format (torch < 0.4) is not supported; re-save it with a current torch")
        } else {
            throw fail("not a torch checkpoint: neither a zip archive nor a pickle (starts with bytes \(data.prefix(4).map { String(format: "%02x", $0) }.joined(separator: " ")))")
        }

        // Each storage must hold the elements the pickle says.
        for (key, storage) in known {
            guard let bytes = storageBytes[key] else { throw fail("storage '\(key)' has no data") }
            let (size, overflow) = storage.count.multipliedReportingOverflow(by: storage.dtype.byteSize)
            guard !overflow, bytes.count == size else {
                throw fail("storage '\(key)' has \(bytes.count) bytes but the pickle says \(storage.count) \(storage.dtype.rawValue) elements (\(overflow ? "too many" : String(size)) bytes): corrupt file")
            }
        }
        let (entries, wrapper) = try Self.stateDict(in: root, fail: fail)
        var names: [String] = [], skipped: [String] = [], tensors: [String: TorchTensorRef] = [:]
        for (key, value) in entries {
            guard case .tensor(let t) = value else { skipped.append(key); continue }
            if t.shape.allSatisfy({ $0 > 0 }) {
                let last = t.offset + zip(t.shape, t.strides).reduce(0) { $0 + ($1.0 - 1) * $1.1 }
                guard last < t.storage.count else {
                    throw fail("tensor '\(key)' (shape \(t.shape), stride \(t.strides), offset \(t.offset)) reaches element \(last) of a storage of \(t.storage.count): corrupt file")
                }
            }
            names.append(key)
            tensors[key] = t
        }
        self.path = path
        self.stateDictKey = wrapper
        self.names = names
        self.skipped = skipped
        self.tensors = tensors
        self.storages = storageBytes
    }

    public var readingNotes: [String] {
        var notes = ["torch \(format.rawValue) checkpoint"]
        if let stateDictKey { notes.append("state dict read from the checkpoint's '\(stateDictKey)' entry") }
        if !skipped.isEmpty { notes.append("\(skipped.count) non-tensor entries skipped (\(skipped.prefix(3).joined(separator: ", ")))") }
        return notes
    }

    /// The state dict in `root`: a dict of tensors, or one under a wrapper key.
    private static func stateDict(in root: PickleValue, fail: (String) -> RuntimeError) throws -> ([(String, PickleValue)], String?) {
        guard case .dict(let top) = root else { throw fail("the checkpoint holds a \(root.kind), not a dict of tensors") }
        func stringItems(_ dict: PickleDict) -> [(String, PickleValue)] {
            dict.items.compactMap { if case .string(let k) = $0.key { return (k, $0.value) } else { return nil } }
        }
        func hasTensors(_ items: [(String, PickleValue)]) -> Bool {
            items.contains { if case .tensor = $0.1 { return true } else { return false } }
        }
        for key in wrapperKeys {
            if case .dict(let inner)? = top[key], hasTensors(stringItems(inner)) { return (stringItems(inner), key) }
        }
        let items = stringItems(top)
        guard hasTensors(items) else {
            let keys = items.prefix(8).map(\.0).joined(separator: ", ")
            throw fail("no state dict found: the checkpoint's dict holds no tensors and none of \(wrapperKeys.joined(separator: ", ")) is a dict of tensors (its keys: \(keys.isEmpty ? "none" : keys))")
        }
        return (items, nil)
    }

    /// The legacy format: the object's pickle, then the storages in key order.
    private static func readLegacy(_ data: Data, path: String) throws -> (PickleValue, [String: TorchStorageRef], [String: Data]) {
        func fail(_ problem: String) -> RuntimeError { .weights(path: path, problem: problem) }
        let magic = try TorchPickle(data, path: path)
        guard case .bigInt(let magicBytes) = magic.value, Array(magicBytes) == [0x6C, 0xFC, 0x9C, 0x46, 0xF9, 0x20, 0x6A, 0xA8, 0x50, 0x19] else {
            throw fail("a pickle, but not torch's legacy checkpoint format (no magic number); only torch.save files are read")
        }
        let version = try TorchPickle(data, from: magic.end, path: path)
        guard case .int(1001) = version.value else { throw fail("legacy checkpoint protocol version \(version.value.kind) is not 1001") }
        let info = try TorchPickle(data, from: version.end, path: path)
        if case .dict(let d) = info.value, case .bool(false)? = d["little_endian"] {
            throw fail("the checkpoint was written on a big-endian machine; only little-endian checkpoints are read")
        }
        let object = try TorchPickle(data, from: info.end, path: path)
        let keyList = try TorchPickle(data, from: object.end, path: path)
        guard case .list(let keys) = keyList.value else { throw fail("legacy checkpoint: the storage key list is a \(keyList.value.kind)") }
        var position = keyList.end
        var bytes: [String: Data] = [:]
        for item in keys.items {
            guard case .string(let key) = item else { throw fail("legacy checkpoint: a storage key is a \(item.kind)") }
            guard let storage = object.storages[key] else { throw fail("legacy checkpoint: storage '\(key)' is listed but no tensor uses it") }
            guard position + 8 <= data.count else { throw fail("legacy checkpoint ends before storage '\(key)' (truncated file)") }
            let count = Int(truncatingIfNeeded: ByteReader(data).u64(position))
            let (size, overflow) = storage.count.multipliedReportingOverflow(by: storage.dtype.byteSize)
            guard count == storage.count, !overflow, size <= data.count - position - 8 else {
                throw fail("legacy checkpoint: storage '\(key)' should hold \(storage.count) elements, the file has \(count) and \(data.count - position - 8) bytes left (truncated or corrupt)")
            }
            bytes[key] = data[(position + 8) ..< (position + 8 + size)]
            position += 8 + size
        }
        return (object.value, object.storages, bytes)
    }

    // MARK: Reading tensors

    private func tensor(_ name: String) throws -> TorchTensorRef {
        guard let t = tensors[name] else {
            throw RuntimeError.weights(path: path, problem: "no tensor named '\(name)' (the state dict has \(tensors.count) tensors)")
        }
        return t
    }

    public func shape(_ name: String) throws -> [Int] { try tensor(name).shape }

    /// The element type of tensor `name` ("float32", "float16", "int64", ...).
    public func dtype(_ name: String) throws -> String { try tensor(name).storage.dtype.rawValue }

    /// Tensor `name` as dense row-major Float: float32 as is; float16, bfloat16 and float64 converted.
    public func floats(_ name: String) throws -> [Float] {
        let t = try tensor(name)
        switch t.storage.dtype {
        case .float32:
            #if _endian(little)
            if t.isContiguous {  // the common case: one copy
                return storages[t.storage.key]!.withUnsafeBytes { raw in
                    [Float](unsafeUninitializedCapacity: t.count) { buffer, initialized in
                        if t.count > 0 {
                            UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: raw.baseAddress! + t.offset * 4, byteCount: t.count * 4)
                        }
                        initialized = t.count
                    }
                }
            }
            #endif
            return gather(t) { Float(bitPattern: $0.loadUnaligned(fromByteOffset: $1 * 4, as: UInt32.self).littleEndian) }
        case .float64: return gather(t) { Float(Double(bitPattern: $0.loadUnaligned(fromByteOffset: $1 * 8, as: UInt64.self).littleEndian)) }
        case .float16: return gather(t) { halfToFloat($0.loadUnaligned(fromByteOffset: $1 * 2, as: UInt16.self).littleEndian) }
        case .bfloat16: return gather(t) { Float(bitPattern: UInt32($0.loadUnaligned(fromByteOffset: $1 * 2, as: UInt16.self).littleEndian) << 16) }
        default:
            throw RuntimeError.weights(path: path, problem: "tensor '\(name)' is \(t.storage.dtype.rawValue), not floating point")
        }
    }

    /// Tensor `name` as dense row-major Int64, from an integer or bool tensor.
    public func int64s(_ name: String) throws -> [Int64] {
        let t = try tensor(name)
        switch t.storage.dtype {
        case .int64: return gather(t) { Int64(littleEndian: $0.loadUnaligned(fromByteOffset: $1 * 8, as: Int64.self)) }
        case .int32: return gather(t) { Int64(Int32(littleEndian: $0.loadUnaligned(fromByteOffset: $1 * 4, as: Int32.self))) }
        case .int16: return gather(t) { Int64(Int16(littleEndian: $0.loadUnaligned(fromByteOffset: $1 * 2, as: Int16.self))) }
        case .int8: return gather(t) { Int64($0.load(fromByteOffset: $1, as: Int8.self)) }
        case .uint8: return gather(t) { Int64($0.load(fromByteOffset: $1, as: UInt8.self)) }
        case .bool: return gather(t) { $0.load(fromByteOffset: $1, as: UInt8.self) != 0 ? 1 : 0 }
        default:
            throw RuntimeError.weights(path: path, problem: "tensor '\(name)' is \(t.storage.dtype.rawValue), not an integer type")
        }
    }

    /// The elements of the strided view `t` in row-major order; `element(raw, i)` reads storage element i.
    private func gather<T>(_ t: TorchTensorRef, _ element: (UnsafeRawBufferPointer, Int) -> T) -> [T] {
        let count = t.count
        guard count > 0 else { return [] }
        let rank = t.shape.count
        return storages[t.storage.key]!.withUnsafeBytes { raw in
            if t.isContiguous { return (0 ..< count).map { element(raw, t.offset + $0) } }
            var out = [T]()
            out.reserveCapacity(count)
            var index = [Int](repeating: 0, count: rank)
            var linear = t.offset
            for _ in 0 ..< count {
                out.append(element(raw, linear))
                var d = rank - 1
                while d >= 0 {
                    index[d] += 1
                    linear += t.strides[d]
                    if index[d] < t.shape[d] { break }
                    linear -= t.strides[d] * t.shape[d]
                    index[d] = 0
                    d -= 1
                }
            }
            return out
        }
    }
}

extension TorchTensorRef {
    /// The number of elements.
    var count: Int { shape.reduce(1, *) }

    /// Whether the view is dense row-major (strides of size-1 dimensions do not matter).
    var isContiguous: Bool {
        var expected = 1
        for d in shape.indices.reversed() where shape[d] != 1 {
            if strides[d] != expected { return false }
            expected *= shape[d]
        }
        return true
    }
}

/// The bytes of a weights file (memory-mapped), or an io error naming it.
package func readWeightsFile(_ url: URL) throws -> Data {
    do {
        return try Data(contentsOf: url, options: .alwaysMapped)
    } catch {
        var isDirectory: ObjCBool = false
        let problem = !FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) ? "no such file"
            : isDirectory.boolValue ? "is a directory, not a weights file" : "cannot read the file (\(oneLine(error.localizedDescription)))"
        throw RuntimeError.io(path: url.path, problem: problem)
    }
}
