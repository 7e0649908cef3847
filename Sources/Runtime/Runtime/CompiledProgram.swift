import Foundation
import Graph
import Formats
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A compiled artifact loaded into this process: `manifest.json` and the shared library it names.
///
/// Loading checks the manifest's format and io slots against this runtime, that the build record
/// (`build.json`) describes the sources and library beside it, makes OpenBLAS use a
/// fast kernel (`BLASCoreType.configure`, before the library loads) and resolves every entry
/// point the manifest names. Entries have the C signature `int entry(void *const *io)`.
public final class CompiledProgram {
    public typealias EntryFunction = @convention(c) (UnsafePointer<UnsafeMutableRawPointer?>) -> Int32

    public let directory: URL
    public let manifest: Manifest
    /// Path of the loaded shared library.
    public let libraryPath: String
    /// The OpenBLAS core requested before loading, and where that choice came from.
    public let blasConfiguration: (coreType: String, source: String)
    /// The core the loaded OpenBLAS reports (`openblas_get_corename`), nil if the library has no OpenBLAS.
    public let blasCoreName: String?
    /// The contractions' precision (`fp32`, or `bf16`: AVX512-BF16 with fp32 accumulation).
    public var precision: String { manifest.precision ?? "fp32" }
    /// One line for logs and benchmark output.
    public var precisionSummary: String {
        precision == "bf16" ? "precision bf16 (AVX512-BF16 contractions, fp32 accumulation)" : "precision fp32 (OpenBLAS sgemm contractions)"
    }
    /// What `train` says once before training in bf16: the measured cost in model quality (BENCHMARKS.md,
    /// "bf16 and model quality"); nil in fp32.
    public var precisionWarning: String? {
        guard precision == "bf16" else { return nil }
        return "WARNING: bf16 training is experimental. It moves a step's gradients by about 1% on a trained S but by 17% "
            + "on a randomly initialised one (autocast: 2% and 26%), so from random weights a bf16 run is a different run "
            + "(S demo, seeds 42/2/3: test AUC 0.968/0.938/0.879 against fp32's 0.980/0.983/0.502): start from pretrained "
            + "weights, and compare with an fp32 run on your data before you rely on a bf16 model (BENCHMARKS.md)."
    }
    /// The file `cblas_sgemm` was resolved from (should be the `openblas-openmp` build), if any.
    public let blasLibraryPath: String?

    private let handle: UnsafeMutableRawPointer
    private let entries: [String: EntryFunction]
    /// Scratch bytes each entry needs (`arena_bytes` of its phase, or of eval).
    public let arenaBytes: [String: Int]

    /// Loads `directory/manifest.json` and its library.
    public init(directory: URL) throws {
        self.directory = directory
        let manifestURL = directory.appendingPathComponent("manifest.json")
        let manifestPath = manifestURL.path
        func fail(_ problem: String) -> RuntimeError { .artifact(path: manifestPath, problem: problem) }

        let data: Data
        do {
            data = try Data(contentsOf: manifestURL)
        } catch {
            throw fail(FileManager.default.fileExists(atPath: manifestPath)
                ? "cannot read it: \(error.localizedDescription)"
                : "no such file; compile the model first (breastai-compile)")
        }
        // The format first, so a manifest from another version is reported as such, not as a decoding error.
        struct FormatProbe: Decodable { var format: Int? }
        let probe: FormatProbe
        do {
            probe = try JSONDecoder().decode(FormatProbe.self, from: data)
        } catch {
            throw fail("not a valid manifest: \(DecodingFailure.describe(error, data: data))")
        }
        guard let format = probe.format else { throw fail("no \"format\" field; not a BreastAI manifest") }
        guard format == Manifest.currentFormat else {
            throw fail("manifest format \(format), this runtime reads format \(Manifest.currentFormat); recompile the model with this version (breastai-compile)")
        }
        let manifest: Manifest
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: data)
        } catch {
            throw fail("not a valid manifest: \(DecodingFailure.describe(error))")
        }
        let expectedSlots = IOSlot.allCases.map(\.name)
        guard manifest.ioSlots == expectedSlots else {
            throw fail("io_slots \(manifest.ioSlots) differ from this runtime's \(expectedSlots); recompile the model")
        }
        self.manifest = manifest
        let precision = manifest.precision ?? "fp32"
        guard precision == "fp32" || precision == "bf16" else {
            throw fail("precision \"\(precision)\" is unknown to this runtime (fp32, bf16); recompile the model")
        }

        // Entry names and the scratch each needs.
        var arenaBytes: [String: Int] = [manifest.eval.entry: manifest.eval.arenaBytes]
        var roles: [(name: String, role: String)] = []
        for phase in manifest.phases {
            roles.append((phase.stepEntry, "phase \(phase.phase) step"))
            roles.append((phase.updateEntry, "phase \(phase.phase) update"))
            arenaBytes[phase.stepEntry] = max(arenaBytes[phase.stepEntry] ?? 0, phase.arenaBytes)
            arenaBytes[phase.updateEntry] = max(arenaBytes[phase.updateEntry] ?? 0, phase.arenaBytes)
        }
        roles.append((manifest.eval.entry, "eval"))
        if let explain = manifest.explain {
            roles.append((explain.entry, "explain"))
            arenaBytes[explain.entry] = explain.arenaBytes
        }
        self.arenaBytes = arenaBytes

        let library = manifest.library
        guard !library.isEmpty, !library.hasPrefix("/") else {
            throw fail("\"library\" must be a file name relative to the manifest, got \"\(library)\"")
        }
        let libraryPath = directory.appendingPathComponent(library).standardizedFileURL.path
        self.libraryPath = libraryPath
        guard FileManager.default.fileExists(atPath: libraryPath) else {
            throw fail("library \(library) named by the manifest does not exist at \(libraryPath); recompile the model (breastai-compile)")
        }
        try CompiledProgram.checkBuildRecord(directory: directory, library: library)

        // OPENBLAS_CORETYPE is read when OpenBLAS loads, i.e. during this dlopen.
        blasConfiguration = BLASCoreType.configure()
        let before = Set(LoadedObjects.paths())
        guard let handle = dlopen(libraryPath, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "unknown reason"
            throw RuntimeError.artifact(path: libraryPath, problem: "cannot load it: \(reason)")
        }
        // Pin what the library brought in (OpenMP runtime, OpenBLAS and their threads) so that
        // unloading the library later never unloads a runtime whose worker threads still run.
        for path in LoadedObjects.paths() where !before.contains(path) && path != libraryPath {
            if let pinned = dlopen(path, RTLD_LAZY | RTLD_NOLOAD | RTLD_NODELETE) { dlclose(pinned) }
        }

        var resolved: [String: EntryFunction] = [:]
        var missing: [String] = []
        for (name, role) in roles where resolved[name] == nil {
            guard let symbol = dlsym(handle, name) else {
                missing.append("'\(name)' (\(role))")
                continue
            }
            resolved[name] = unsafeBitCast(symbol, to: EntryFunction.self)
        }
        guard missing.isEmpty else {
            dlclose(handle)
            throw RuntimeError.artifact(path: libraryPath, problem: "missing entry point\(missing.count == 1 ? "" : "s") "
                + "\(missing.joined(separator: ", ")) named by \(manifestPath); the library and manifest do not match, recompile the model")
        }
        if precision == "bf16", let reason = BF16Support.libraryRefusal(handle: handle) {
            dlclose(handle)
            throw RuntimeError.artifact(path: libraryPath, problem: "a bf16 artifact needs a CPU with AVX512-BF16: \(reason); use precision fp32")
        }
        self.handle = handle
        self.entries = resolved
        blasCoreName = BLASCoreType.current(handle: handle)
        blasLibraryPath = dlsym(handle, "cblas_sgemm").flatMap { LoadedObjects.path(containing: $0) }
    }

    deinit { dlclose(handle) }

    /// The entry names this program can run.
    public var entryNames: [String] { entries.keys.sorted() }

    /// Any other symbol of the library (the per-kernel entries, the machine probes), or nil.
    public func symbol(_ name: String) -> UnsafeMutableRawPointer? { dlsym(handle, name) }

    /// A one-line summary of the BLAS set-up, for logs.
    public var blasSummary: String {
        let asked = blasConfiguration.coreType == "OpenBLAS default"
            ? "OpenBLAS default core"
            : "OPENBLAS_CORETYPE=\(blasConfiguration.coreType) (from \(blasConfiguration.source))"
        let actual = blasCoreName.map { ", OpenBLAS uses \($0)" } ?? ", no OpenBLAS loaded"
        return asked + actual + (blasLibraryPath.map { " from \($0)" } ?? "")
    }

    /// Calls `entry` with `io[slot.rawValue] = io[slot]` (nil for absent slots).
    ///
    /// Throws when the entry is unknown or returns non-zero.
    public func run(_ entry: String, io: [IOSlot: UnsafeMutableRawPointer]) throws {
        guard let function = entries[entry] else {
            throw RuntimeError.artifact(path: libraryPath, problem: "no entry '\(entry)' in the manifest (entries: \(entryNames.joined(separator: ", ")))")
        }
        var pointers = [UnsafeMutableRawPointer?](repeating: nil, count: IOSlot.allCases.count)
        for (slot, pointer) in io { pointers[slot.rawValue] = pointer }
        let code = pointers.withUnsafeBufferPointer { function($0.baseAddress!) }
        guard code == 0 else {
            throw RuntimeError.artifact(path: libraryPath, problem: "entry '\(entry)' returned error code \(code)")
        }
    }

    /// Calls `entry` with the state blocks, the arena and the other slots in `inputs`.
    ///
    /// Checks that `state` has this program's layout and that `arena` holds the entry's `arena_bytes`.
    public func run(_ entry: String, state: StateBlocks, arena: Arena?, inputs: [IOSlot: UnsafeMutableRawPointer] = [:]) throws {
        guard state.layout == manifest.layout else {
            throw RuntimeError.artifact(path: libraryPath, problem: "the state blocks were made for another layout than this program's manifest")
        }
        let needed = arenaBytes[entry] ?? 0
        guard (arena?.bytes ?? 0) >= needed else {
            throw RuntimeError.artifact(path: libraryPath, problem: "entry '\(entry)' needs an arena of \(needed) bytes, got \(arena?.bytes ?? 0)")
        }
        try run(entry, io: CompiledProgram.io(state: state, arena: arena, inputs: inputs))
    }

    /// The io dictionary of `state`'s blocks, `arena` and `inputs` (which win over the others).
    public static func io(state: StateBlocks, arena: Arena?, inputs: [IOSlot: UnsafeMutableRawPointer] = [:])
        -> [IOSlot: UnsafeMutableRawPointer] {
        var io = state.ioPointers
        if let arena { io[.arena] = arena.pointer }
        io.merge(inputs) { _, new in new }
        return io
    }

    /// Throws unless `build.json` in `directory` records exactly the C sources (`sources`) and
    /// manifest.json beside it and the library `library`: a library left beside newer sources
    /// (an interrupted rebuild) or without a record is never loaded.
    static func checkBuildRecord(directory: URL, library: String) throws {
        let recordPath = directory.appendingPathComponent(BuildRecord.fileName).path
        let rebuild = "recompile the model (breastai-compile, or --rebuild)"
        func fail(_ problem: String) -> RuntimeError { .artifact(path: recordPath, problem: problem) }
        func read(_ name: String) throws -> Data {
            let url = directory.appendingPathComponent(name)
            do { return try Data(contentsOf: url) } catch {
                throw RuntimeError.artifact(path: url.path, problem: FileManager.default.fileExists(atPath: url.path)
                    ? "cannot read it: \(error.localizedDescription)" : "no such file; the artifact is incomplete, \(rebuild)")
            }
        }
        guard FileManager.default.fileExists(atPath: recordPath) else {
            throw fail("no build record: the library's build was interrupted or predates build records; \(rebuild)")
        }
        let record: BuildRecord
        do {
            record = try JSONDecoder().decode(BuildRecord.self, from: try read(BuildRecord.fileName))
        } catch let error as RuntimeError {
            throw error
        } catch {
            throw fail("not a valid build record: \(DecodingFailure.describe(error))")
        }
        guard record.format == BuildRecord.currentFormat else {
            throw fail("build record format \(record.format), this runtime reads format \(BuildRecord.currentFormat); \(rebuild)")
        }
        guard record.library == library else {
            throw fail("records library \(record.library), the manifest names \(library); \(rebuild)")
        }
        if let bad = record.sources.first(where: { $0.contains("/") || $0.hasPrefix(".") }) {
            throw fail("names a source \(bad) outside the artifact folder; \(rebuild)")
        }
        let sources = BuildRecord.sourcesHash(files: try record.sources.map { ($0, [UInt8](try read($0))) },
                                              manifest: try read("manifest.json"))
        guard sources == record.sourcesHash else {
            throw fail("the sources beside the library (\(sources)) are not those it was built from (\(record.sourcesHash)); "
                       + "an interrupted rebuild? \(rebuild)")
        }
        guard BuildRecord.bytesHash(try read(library)) == record.libraryHash else {
            throw fail("\(library) is not the library this record describes (it was replaced after the build); \(rebuild)")
        }
    }
}

extension CompiledProgram {
    /// The eval entry on one batch of NHWC `images` (`batch * size * size * 3` floats) with the
    /// weights of `block` (`.model`, or `.ema` for the averaged weights): logits and softmax
    /// probabilities, `batch * classes` each.
    public func evaluate(_ images: [Float], state: StateBlocks, arena: Arena, block: StateBlocks.Block = .model) throws
        -> (logits: [Float], probabilities: [Float]) {
        let m = manifest
        guard images.count == m.batch * m.imageSize * m.imageSize * 3 else {
            throw RuntimeError.tensor(name: "images", problem: "expected \(m.batch) x \(m.imageSize) x \(m.imageSize) x 3 floats, got \(images.count)")
        }
        var images = images
        var logits = [Float](repeating: 0, count: m.batch * m.classes), probabilities = logits
        try images.withUnsafeMutableBytes { i in
            try logits.withUnsafeMutableBytes { l in
                try probabilities.withUnsafeMutableBytes { p in
                    try run(m.eval.entry, state: state, arena: arena, inputs: [
                        .images: i.baseAddress!, .logits: l.baseAddress!, .probabilities: p.baseAddress!,
                        .model: UnsafeMutableRawPointer(state.pointer(block)),
                    ])
                }
            }
        }
        return (logits, probabilities)
    }
}
