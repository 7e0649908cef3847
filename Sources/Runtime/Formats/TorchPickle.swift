import Foundation

// A restricted unpickler for what torch.save writes (Python's pickle protocol 2, as
// Lib/pickle.py and Lib/pickletools.py define the opcodes). It builds plain values only: the one
// thing it "calls" is a short list of globals that rebuild containers and tensors, and a
// persistent id is a tensor storage named by key. Any other global stops the read with its name,
// before anything is built from it.

/// The element type of a torch storage, from its pickled class (`torch.FloatStorage`, ...).
enum TorchDType: String, Sendable {
    case float32, float64, float16, bfloat16, int64, int32, int16, int8, uint8, bool

    /// The storage classes torch pickles, by name.
    static let storageClasses: [String: TorchDType] = [
        "torch.FloatStorage": .float32, "torch.DoubleStorage": .float64, "torch.HalfStorage": .float16,
        "torch.BFloat16Storage": .bfloat16, "torch.LongStorage": .int64, "torch.IntStorage": .int32,
        "torch.ShortStorage": .int16, "torch.CharStorage": .int8, "torch.ByteStorage": .uint8,
        "torch.BoolStorage": .bool,
    ]

    var byteSize: Int {
        switch self {
        case .float64, .int64: return 8
        case .float32, .int32: return 4
        case .float16, .bfloat16, .int16: return 2
        case .int8, .uint8, .bool: return 1
        }
    }

    var isFloatingPoint: Bool { [.float32, .float64, .float16, .bfloat16].contains(self) }
}

/// A storage named by a persistent id: `("storage", torch.FloatStorage, key, location, numel[, view])`.
struct TorchStorageRef: Sendable {
    let key: String
    let dtype: TorchDType
    /// Elements the pickle says the storage holds.
    let count: Int
}

/// A tensor as `torch._utils._rebuild_tensor_v2` describes it: a strided view of a storage.
struct TorchTensorRef: Sendable {
    let storage: TorchStorageRef
    /// In elements.
    let offset: Int
    let shape: [Int]
    /// In elements.
    let strides: [Int]
}

/// A pickled value; lists and dicts are references because the pickle memoises them before
/// filling them.
enum PickleValue {
    case none
    case bool(Bool)
    case int(Int)
    /// An integer that does not fit 64 bits: its little-endian two's-complement bytes.
    case bigInt(Data)
    case float(Double)
    case string(String)
    case bytes(Data)
    case tuple([PickleValue])
    case list(PickleList)
    case dict(PickleDict)
    /// An allowed global, as "module.name".
    case global(String)
    case storage(TorchStorageRef)
    case tensor(TorchTensorRef)

    /// A short name of the kind, for error messages.
    var kind: String {
        switch self {
        case .none: return "None"
        case .bool: return "bool"
        case .int, .bigInt: return "int"
        case .float: return "float"
        case .string: return "str"
        case .bytes: return "bytes"
        case .tuple: return "tuple"
        case .list: return "list"
        case .dict: return "dict"
        case .global(let name): return name
        case .storage: return "storage"
        case .tensor: return "tensor"
        }
    }
}

final class PickleList { var items: [PickleValue] = [] }

/// An insertion-ordered dict; string keys are indexed.
final class PickleDict {
    private(set) var items: [(key: PickleValue, value: PickleValue)] = []
    private var stringIndex: [String: Int] = [:]

    func set(_ key: PickleValue, _ value: PickleValue) {
        if case .string(let s) = key {
            if let i = stringIndex[s] { items[i].value = value; return }
            stringIndex[s] = items.count
        }
        items.append((key, value))
    }

    subscript(_ key: String) -> PickleValue? { stringIndex[key].map { items[$0].value } }
}

/// Reads one pickle from `bytes` starting at `start`; `end` is where its STOP opcode ended.
struct TorchPickle {
    /// The globals a state dict needs; anything else is refused.
    static let allowedGlobals: Set<String> = Set(TorchDType.storageClasses.keys).union([
        "collections.OrderedDict", "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_tensor",
        "torch._utils._rebuild_parameter", "torch._utils._rebuild_parameter_with_state",
    ])

    let value: PickleValue
    let end: Int
    /// Every storage a persistent id named, by key.
    let storages: [String: TorchStorageRef]

    /// Unpickles from `bytes[start...]`; `path` labels errors. Persistent ids may have torch's 5
    /// fields (zip format) or 6 (the pre-1.6 format, whose sixth, a view, must be None).
    init(_ bytes: Data, from start: Int = 0, path: String) throws {
        var machine = Machine(bytes: bytes.startIndex == 0 ? bytes : Data(bytes), position: start, path: path)
        value = try machine.run()
        end = machine.position
        storages = machine.storages
    }

    private struct Machine {
        let bytes: Data
        var position: Int
        let path: String
        var stack: [PickleValue] = []
        var marks: [Int] = []
        var memo: [Int: PickleValue] = [:]
        var storages: [String: TorchStorageRef] = [:]
        var opcodeAt = 0

        init(bytes: Data, position: Int, path: String) {
            self.bytes = bytes
            self.position = position
            self.path = path
        }

        func fail(_ problem: String) -> RuntimeError {
            .weights(path: path, problem: "pickle at byte \(opcodeAt): \(problem)")
        }

        mutating func take(_ n: Int) throws -> Data {
            guard n >= 0, n <= bytes.count - position else {
                throw RuntimeError.weights(path: path, problem: "pickle ends early at byte \(bytes.count) (truncated or corrupt file)")
            }
            defer { position += n }
            return bytes[position ..< position + n]
        }

        mutating func byte() throws -> UInt8 { try take(1).first! }

        mutating func uint(_ n: Int) throws -> UInt64 {
            try take(n).reversed().reduce(0) { $0 << 8 | UInt64($1) }
        }

        /// A length field; one beyond `Int.max` cannot fit the file anyway.
        mutating func length(_ n: Int) throws -> Int { Int(exactly: try uint(n)) ?? Int.max }

        mutating func line() throws -> String {
            guard let newline = bytes[position...].firstIndex(of: 0x0A) else { throw fail("GLOBAL without a newline (truncated)") }
            let text = String(decoding: bytes[position ..< newline], as: UTF8.self)
            position = newline + 1
            return text
        }

        mutating func pop() throws -> PickleValue {
            guard let value = stack.popLast() else { throw fail("stack underflow (corrupt pickle)") }
            if let mark = marks.last, stack.count < mark { throw fail("stack underflow past a MARK (corrupt pickle)") }
            return value
        }

        mutating func popMark() throws -> [PickleValue] {
            guard let mark = marks.popLast(), mark <= stack.count else { throw fail("no MARK on the stack (corrupt pickle)") }
            defer { stack.removeSubrange(mark...) }
            return Array(stack[mark...])
        }

        mutating func top() throws -> PickleValue {
            guard let value = stack.last else { throw fail("stack underflow (corrupt pickle)") }
            return value
        }

        mutating func integer(_ value: UInt64, bytes n: Int) -> PickleValue {
            let shift = UInt64(64 - 8 * n)
            return .int(Int(Int64(bitPattern: value << shift) >> Int64(shift)))
        }

        mutating func long(_ n: Int) throws -> PickleValue {
            guard n <= 8 else { return .bigInt(Data(try take(n))) }
            if n == 0 { return .int(0) }
            return integer(try uint(n), bytes: n)
        }

        mutating func global(_ module: String, _ name: String) throws -> PickleValue {
            let full = "\(module).\(name)"
            guard TorchPickle.allowedGlobals.contains(full) else {
                throw RuntimeError.weights(path: path, problem: "refusing to unpickle \(full): only state dicts of tensors are read")
            }
            return .global(full)
        }

        mutating func run() throws -> PickleValue {
            while true {
                opcodeAt = position
                let op = try byte()
                switch op {
                case 0x80: // PROTO
                    let version = try byte()
                    guard version <= 5 else { throw fail("pickle protocol \(version) is not supported") }
                case 0x95: _ = try take(8) // FRAME
                case 0x2E: return try pop() // STOP
                case 0x28: marks.append(stack.count) // MARK
                case 0x4E: stack.append(.none)
                case 0x88: stack.append(.bool(true))
                case 0x89: stack.append(.bool(false))
                case 0x4B: stack.append(.int(Int(try byte()))) // BININT1
                case 0x4D: stack.append(.int(Int(try uint(2)))) // BININT2
                case 0x4A: stack.append(integer(try uint(4), bytes: 4)) // BININT
                case 0x8A: stack.append(try long(Int(try byte()))) // LONG1
                case 0x8B: stack.append(try long(try length(4))) // LONG4
                case 0x47: stack.append(.float(Double(bitPattern: try take(8).reduce(0) { $0 << 8 | UInt64($1) }))) // BINFLOAT
                case 0x58, 0x8C, 0x8D: // BINUNICODE, SHORT_BINUNICODE, BINUNICODE8
                    let n = try length(op == 0x58 ? 4 : op == 0x8C ? 1 : 8)
                    let raw = try take(n)
                    guard let text = String(data: raw, encoding: .utf8) else { throw fail("string is not valid UTF-8") }
                    stack.append(.string(text))
                case 0x54, 0x55: // BINSTRING, SHORT_BINSTRING (Python 2 str)
                    let raw = try take(try length(op == 0x54 ? 4 : 1))
                    stack.append(.string(String(decoding: raw, as: UTF8.self)))
                case 0x42, 0x43, 0x8E: // BINBYTES, SHORT_BINBYTES, BINBYTES8
                    stack.append(.bytes(Data(try take(try length(op == 0x42 ? 4 : op == 0x43 ? 1 : 8)))))
                case 0x7D: stack.append(.dict(PickleDict())) // EMPTY_DICT
                case 0x5D: stack.append(.list(PickleList())) // EMPTY_LIST
                case 0x29: stack.append(.tuple([])) // EMPTY_TUPLE
                case 0x74: stack.append(.tuple(try popMark())) // TUPLE
                case 0x85: stack.append(.tuple([try pop()]))
                case 0x86: let b = try pop(), a = try pop(); stack.append(.tuple([a, b]))
                case 0x87: let c = try pop(), b = try pop(), a = try pop(); stack.append(.tuple([a, b, c]))
                case 0x6C: let list = PickleList(); list.items = try popMark(); stack.append(.list(list)) // LIST
                case 0x64: // DICT
                    let items = try popMark(), dict = PickleDict()
                    guard items.count % 2 == 0 else { throw fail("DICT with an odd number of items") }
                    for i in stride(from: 0, to: items.count, by: 2) { dict.set(items[i], items[i + 1]) }
                    stack.append(.dict(dict))
                case 0x71: memo[Int(try byte())] = try top() // BINPUT
                case 0x72: memo[Int(try uint(4))] = try top() // LONG_BINPUT
                case 0x94: memo[memo.count] = try top() // MEMOIZE
                case 0x68, 0x6A: // BINGET, LONG_BINGET
                    let key = Int(op == 0x68 ? UInt64(try byte()) : try uint(4))
                    guard let value = memo[key] else { throw fail("memo key \(key) is not defined (corrupt pickle)") }
                    stack.append(value)
                case 0x32: stack.append(try top()) // DUP
                case 0x30: _ = try pop() // POP
                case 0x31: _ = try popMark() // POP_MARK
                case 0x63: stack.append(try global(try line(), try line())) // GLOBAL
                case 0x93: // STACK_GLOBAL
                    guard case .string(let name) = try pop(), case .string(let module) = try pop() else {
                        throw fail("STACK_GLOBAL needs two strings")
                    }
                    stack.append(try global(module, name))
                case 0x51: stack.append(try persistentLoad(try pop())) // BINPERSID
                case 0x52, 0x81: // REDUCE, NEWOBJ
                    let args = try pop(), callable = try pop()
                    guard case .tuple(let items) = args else { throw fail("REDUCE arguments are a \(args.kind), not a tuple") }
                    stack.append(try reduce(callable, items))
                case 0x73: // SETITEM
                    let value = try pop(), key = try pop()
                    guard case .dict(let dict) = try top() else { throw fail("SETITEM on a \(try top().kind)") }
                    dict.set(key, value)
                case 0x75: // SETITEMS
                    let items = try popMark()
                    guard case .dict(let dict) = try top() else { throw fail("SETITEMS on a \(try top().kind)") }
                    guard items.count % 2 == 0 else { throw fail("SETITEMS with an odd number of items") }
                    for i in stride(from: 0, to: items.count, by: 2) { dict.set(items[i], items[i + 1]) }
                case 0x61: // APPEND
                    let value = try pop()
                    guard case .list(let list) = try top() else { throw fail("APPEND on a \(try top().kind)") }
                    list.items.append(value)
                case 0x65: // APPENDS
                    let items = try popMark()
                    guard case .list(let list) = try top() else { throw fail("APPENDS on a \(try top().kind)") }
                    list.items += items
                case 0x62: // BUILD: only a dict's attributes (OrderedDict `_metadata`), which are dropped
                    let state = try pop()
                    guard case .dict = try top() else { throw fail("BUILD (setting attributes) on a \(try top().kind) with \(state.kind) state") }
                default:
                    let printable = (0x20 ..< 0x7F).contains(op) ? " ('\(Character(UnicodeScalar(op)))')" : ""
                    throw fail(String(format: "unsupported pickle opcode 0x%02x%@ (only what torch.save writes is read)", op, printable))
                }
            }
        }

        /// `("storage", torch.FloatStorage, key, location, numel)`, plus a view field (None) in the legacy format.
        mutating func persistentLoad(_ id: PickleValue) throws -> PickleValue {
            guard case .tuple(let f) = id, f.count == 5 || f.count == 6, case .string("storage") = f[0] else {
                throw fail("persistent id is not a ('storage', type, key, location, numel) tuple")
            }
            guard case .global(let type) = f[1], let dtype = TorchDType.storageClasses[type] else {
                throw fail("persistent id names storage type \(f[1].kind), not a torch storage class")
            }
            let key: String
            switch f[2] { case .string(let s): key = s; case .int(let n): key = String(n); default: throw fail("storage key is a \(f[2].kind)") }
            guard case .int(let count) = f[4], count >= 0 else { throw fail("storage '\(key)' has a size of type \(f[4].kind)") }
            if f.count == 6, case .tuple = f[5] {
                throw fail("storage '\(key)' is a view of another storage (legacy format): not supported")
            }
            if let seen = storages[key], seen.dtype != dtype || seen.count != count {
                throw fail("storage '\(key)' is named twice with different types or sizes")
            }
            let storage = TorchStorageRef(key: key, dtype: dtype, count: count)
            storages[key] = storage
            return .storage(storage)
        }

        /// The calls a state dict needs: OrderedDict(), `_rebuild_tensor(_v2)` and `_rebuild_parameter(_with_state)`.
        mutating func reduce(_ callable: PickleValue, _ args: [PickleValue]) throws -> PickleValue {
            guard case .global(let name) = callable else { throw fail("REDUCE calls a \(callable.kind), not an allowed global") }
            func ints(_ value: PickleValue, _ what: String) throws -> [Int] {
                guard case .tuple(let items) = value else { throw fail("\(name): \(what) is a \(value.kind), not a tuple") }
                return try items.map {
                    guard case .int(let n) = $0, n >= 0 else { throw fail("\(name): \(what) holds \($0.kind), not a non-negative int") }
                    return n
                }
            }
            switch name {
            case "collections.OrderedDict":
                guard args.isEmpty else { throw fail("OrderedDict called with \(args.count) arguments") }
                return .dict(PickleDict())
            case "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_tensor":
                guard args.count >= 4, case .storage(let storage) = args[0], case .int(let offset) = args[1], offset >= 0 else {
                    throw fail("\(name) needs (storage, offset, size, stride, ...)")
                }
                let shape = try ints(args[2], "size"), strides = try ints(args[3], "stride")
                guard shape.count == strides.count else { throw fail("\(name): size \(shape) and stride \(strides) differ in rank") }
                // Element count and last element index, without overflow (so later arithmetic is safe).
                var count = 1, last = offset
                for (n, s) in zip(shape, strides) {
                    let (c, o1) = count.multipliedReportingOverflow(by: n)
                    let (step, o2) = max(n - 1, 0).multipliedReportingOverflow(by: s)
                    let (l, o3) = last.addingReportingOverflow(step)
                    guard !o1, !o2, !o3 else { throw fail("\(name): size \(shape) with stride \(strides) overflows") }
                    (count, last) = (c, l)
                }
                return .tensor(TorchTensorRef(storage: storage, offset: offset, shape: shape, strides: strides))
            case "torch._utils._rebuild_parameter", "torch._utils._rebuild_parameter_with_state":
                guard let first = args.first, case .tensor = first else { throw fail("\(name) needs a tensor first") }
                return first
            default:
                throw fail("\(name) cannot be called")
            }
        }
    }
}
