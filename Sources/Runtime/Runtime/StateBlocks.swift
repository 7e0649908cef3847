import Foundation
import Graph
import Formats
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Zeroed, page-aligned (so 64-byte aligned) memory from an anonymous mapping, unmapped on deinit;
/// from 2 MiB on advised for transparent huge pages (`HugePages`).
///
/// Pages are zero and cost no resident memory until first written, so a block's resident size is
/// what the program really touches (the planner's figure is checked against the real peak).
final class AlignedBlock {
    let pointer: UnsafeMutableRawPointer
    let byteCount: Int
    private let mappedBytes: Int

    init(byteCount: Int, what: String) throws {
        precondition(byteCount >= 0)
        self.byteCount = byteCount
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        mappedBytes = max(page, (byteCount + page - 1) / page * page)
        let raw = mmap(nil, mappedBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let raw, raw != MAP_FAILED else {
            throw RuntimeError.io(path: what, problem: "cannot allocate \(byteCount) bytes: \(String(cString: strerror(errno)))")
        }
        pointer = raw
        HugePages.advise(raw, bytes: mappedBytes)
    }

    func zero() { memset(pointer, 0, byteCount) }

    deinit { munmap(pointer, mappedBytes) }
}

/// Scratch memory for an entry's intermediates (`io[arena]`): `bytes` long, 64-byte aligned.
///
/// Zero when created; entries write every intermediate before reading it, so it is never cleared.
public final class Arena {
    public let bytes: Int
    private let block: AlignedBlock
    public var pointer: UnsafeMutableRawPointer { block.pointer }

    public init(bytes: Int) throws {
        guard bytes >= 0 else { throw RuntimeError.io(path: "arena", problem: "negative size \(bytes)") }
        self.bytes = bytes
        block = try AlignedBlock(byteCount: bytes, what: "arena")
    }

    /// Returns the arena's pages to the system (they read as zero afterwards), so the resident
    /// memory of the next program counts only what it touches.
    public func discard() {
        if bytes > 0 { _ = madvise(pointer, bytes, MADV_DONTNEED) }
    }
}

/// The persistent state of a compiled model, one contiguous block each (see `Manifest.StateLayout`):
/// `model` (parameters then buffers), `grads`, `adamM`, `adamV` (the parameters' layout) and `ema`
/// (the model block's layout). All 64-byte aligned and zero when created.
public final class StateBlocks {
    public enum Block: String, CaseIterable, Sendable {
        case model, grads, adamM = "adam_m", adamV = "adam_v", ema

        /// The io slot an entry receives this block in.
        public var slot: IOSlot {
            switch self {
            case .model: return .model
            case .grads: return .grads
            case .adamM: return .adamM
            case .adamV: return .adamV
            case .ema: return .ema
            }
        }

        /// Whether the block holds buffers (running statistics) as well as parameters.
        public var hasBuffers: Bool { self == .model || self == .ema }
    }

    public let layout: Manifest.StateLayout
    private let blocks: [Block: AlignedBlock]
    private let parameterIndex: [String: Manifest.TensorEntry]
    private let bufferIndex: [String: Manifest.TensorEntry]

    /// Allocates the blocks of `layout` after checking that every tensor lies inside its block.
    public init(layout: Manifest.StateLayout) throws {
        func bad(_ name: String, _ problem: String) -> RuntimeError { .tensor(name: name, problem: problem) }
        guard layout.parameterFloats >= 0, layout.modelFloats >= layout.parameterFloats else {
            throw bad("(layout)", "model_floats \(layout.modelFloats) must be at least parameter_floats \(layout.parameterFloats) >= 0")
        }
        var parameters: [String: Manifest.TensorEntry] = [:]
        var buffers: [String: Manifest.TensorEntry] = [:]
        for (entries, limit, kind) in [(layout.parameters, layout.parameterFloats, "parameter"),
                                       (layout.buffers, layout.modelFloats, "buffer")] {
            for entry in entries {
                let elements = entry.shape.reduce(1, *)
                guard entry.count == elements, entry.shape.allSatisfy({ $0 >= 0 }) else {
                    throw bad(entry.name, "\(kind) count \(entry.count) does not match its shape \(entry.shape) (\(elements) elements)")
                }
                guard entry.offset >= 0, entry.offset + entry.count <= limit else {
                    throw bad(entry.name, "\(kind) floats [\(entry.offset), \(entry.offset + entry.count)) lie outside its block of \(limit) floats")
                }
                guard parameters[entry.name] == nil, buffers[entry.name] == nil else {
                    throw bad(entry.name, "appears twice in the layout")
                }
                if kind == "parameter" { parameters[entry.name] = entry } else { buffers[entry.name] = entry }
            }
        }
        self.layout = layout
        parameterIndex = parameters
        bufferIndex = buffers
        let size = MemoryLayout<Float>.stride
        var blocks: [Block: AlignedBlock] = [:]
        for block in Block.allCases {
            let floats = block.hasBuffers ? layout.modelFloats : layout.parameterFloats
            blocks[block] = try AlignedBlock(byteCount: floats * size, what: "state block \(block.rawValue)")
        }
        self.blocks = blocks
    }

    public convenience init(manifest: Manifest) throws { try self.init(layout: manifest.layout) }

    // MARK: - Raw blocks

    /// Floats in `block`.
    public func count(_ block: Block) -> Int { block.hasBuffers ? layout.modelFloats : layout.parameterFloats }

    /// The start of `block` (valid while `self` lives).
    public func pointer(_ block: Block) -> UnsafeMutablePointer<Float> {
        blocks[block]!.pointer.assumingMemoryBound(to: Float.self)
    }

    public var model: UnsafeMutablePointer<Float> { pointer(.model) }
    public var grads: UnsafeMutablePointer<Float> { pointer(.grads) }
    public var adamM: UnsafeMutablePointer<Float> { pointer(.adamM) }
    public var adamV: UnsafeMutablePointer<Float> { pointer(.adamV) }
    public var ema: UnsafeMutablePointer<Float> { pointer(.ema) }

    /// Sets every float of `block` to zero.
    public func zero(_ block: Block) { blocks[block]!.zero() }

    /// The io pointers of the five blocks.
    public var ioPointers: [IOSlot: UnsafeMutableRawPointer] {
        Dictionary(uniqueKeysWithValues: Block.allCases.map { ($0.slot, blocks[$0]!.pointer) })
    }

    // MARK: - Named tensors

    /// The entry of `name` in `block`: parameters everywhere, buffers only in `model` and `ema`.
    public func entry(_ name: String, in block: Block) throws -> Manifest.TensorEntry {
        if let entry = parameterIndex[name] { return entry }
        if let entry = bufferIndex[name] {
            guard block.hasBuffers else {
                throw RuntimeError.tensor(name: name, problem: "is a buffer, so it has no \(block.rawValue) values")
            }
            return entry
        }
        throw RuntimeError.tensor(name: name, problem: "no parameter or buffer of this name in the layout "
            + "(\(parameterIndex.count) parameters, \(bufferIndex.count) buffers)")
    }

    /// The values of tensor `name` in `block`.
    public func read(_ block: Block, _ name: String) throws -> [Float] {
        let entry = try entry(name, in: block)
        return Array(UnsafeBufferPointer(start: pointer(block) + entry.offset, count: entry.count))
    }

    /// Overwrites tensor `name` in `block`; `values` must have exactly its element count.
    public func write(_ block: Block, _ name: String, _ values: [Float]) throws {
        let entry = try entry(name, in: block)
        guard values.count == entry.count else {
            throw RuntimeError.tensor(name: name, problem: "expected \(entry.count) values (shape \(entry.shape)), got \(values.count)")
        }
        values.withUnsafeBufferPointer { source in
            (pointer(block) + entry.offset).update(from: source.baseAddress!, count: entry.count)
        }
    }

    private func requireParameter(_ name: String) throws {
        if parameterIndex[name] == nil && bufferIndex[name] != nil {
            throw RuntimeError.tensor(name: name, problem: "is a buffer, not a parameter")
        }
    }

    private func requireBuffer(_ name: String) throws {
        if bufferIndex[name] == nil && parameterIndex[name] != nil {
            throw RuntimeError.tensor(name: name, problem: "is a parameter, not a buffer")
        }
    }

    public func parameter(_ name: String) throws -> [Float] { try requireParameter(name); return try read(.model, name) }
    public func setParameter(_ name: String, _ values: [Float]) throws { try requireParameter(name); try write(.model, name, values) }
    public func buffer(_ name: String) throws -> [Float] { try requireBuffer(name); return try read(.model, name) }
    public func setBuffer(_ name: String, _ values: [Float]) throws { try requireBuffer(name); try write(.model, name, values) }
    public func gradient(_ name: String) throws -> [Float] { try read(.grads, name) }
    public func setGradient(_ name: String, _ values: [Float]) throws { try write(.grads, name, values) }
    public func adamM(_ name: String) throws -> [Float] { try read(.adamM, name) }
    public func setAdamM(_ name: String, _ values: [Float]) throws { try write(.adamM, name, values) }
    public func adamV(_ name: String) throws -> [Float] { try read(.adamV, name) }
    public func setAdamV(_ name: String, _ values: [Float]) throws { try write(.adamV, name, values) }
    public func ema(_ name: String) throws -> [Float] { try read(.ema, name) }
    public func setEMA(_ name: String, _ values: [Float]) throws { try write(.ema, name, values) }

    /// Copies the whole model block into the EMA block (EMA starts equal to the model).
    public func copyModelToEMA() {
        ema.update(from: model, count: layout.modelFloats)
    }
}
