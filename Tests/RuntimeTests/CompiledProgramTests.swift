import Foundation
import XCTest
import Graph
@testable import Formats
@testable import Runtime
#if canImport(Glibc)
import Glibc
#endif

/// Loading and running a hand-made artifact; state blocks; the OpenBLAS core type.
///
/// RuntimeTests cannot use Codegen's Toolchain, so the test library is built by running `cc`
/// directly (linked to the OpenMP build of OpenBLAS when it is installed).
final class CompiledProgramTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("breastai-program-tests-\(getpid())-\(UInt32.random(in: 0 ... .max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    static let openBLASLib = "/usr/lib/x86_64-linux-gnu/openblas-openmp"
    static let openBLASInclude = "/usr/include/x86_64-linux-gnu/openblas-openmp"
    static var haveOpenBLAS: Bool { FileManager.default.fileExists(atPath: openBLASLib + "/libopenblas.so") }

    /// Parameters w (2x3) and b (1), then buffer running_mean (2): 7 parameter floats, 9 model floats.
    static let layout = Manifest.StateLayout(
        parameters: [.init(name: "w", shape: [2, 3], offset: 0, count: 6), .init(name: "b", shape: [1], offset: 6, count: 1)],
        buffers: [.init(name: "running_mean", shape: [2], offset: 7, count: 2)],
        parameterFloats: 7, modelFloats: 9)

    /// Entries following the io contract (slot order of `IOSlot`).
    static let source = """
        #include <stddef.h>
        #ifdef HAVE_BLAS
        #include <cblas.h>
        #endif
        enum { ARENA, MODEL, GRADS, ADAM_M, ADAM_V, EMA, IMAGES, LABELS, SEED, HYPER, BIAS_CORRECTION, LOSS, LOGITS, PROBABILITIES };
        #define PARAMS 7
        #define MODEL_FLOATS 9

        /* grads += model; arena holds a copy; loss = sum of the model block (buffers included). */
        int test_step(void *const *io) {
            const float *model = io[MODEL];
            float *grads = io[GRADS], *arena = io[ARENA], *loss = io[LOSS];
            if (!model || !grads || !arena || !loss) return 3;
            float sum = 0.0f;
            for (int i = 0; i < PARAMS; i++) { grads[i] += model[i]; arena[i] = model[i]; }
            for (int i = 0; i < MODEL_FLOATS; i++) sum += model[i];
            loss[0] = sum;
            return 0;
        }

        /* model -= hyper[0] * grads; adam_m = grads; adam_v = grads^2; grads = 0; ema = model. */
        int test_update(void *const *io) {
            float *model = io[MODEL], *grads = io[GRADS], *m = io[ADAM_M], *v = io[ADAM_V], *ema = io[EMA];
            const float *hyper = io[HYPER];
            if (!hyper) return 4;
            for (int i = 0; i < PARAMS; i++) {
                model[i] -= hyper[0] * grads[i];
                m[i] = grads[i]; v[i] = grads[i] * grads[i];
                grads[i] = 0.0f;
            }
            for (int i = 0; i < MODEL_FLOATS; i++) ema[i] = model[i];
            return 0;
        }

        /* logits[0] = w . w (through BLAS when linked); probabilities[0] = images[0]; 7 without images. */
        int test_eval(void *const *io) {
            const float *model = io[MODEL], *images = io[IMAGES];
            float *logits = io[LOGITS], *probabilities = io[PROBABILITIES];
            if (images == NULL) return 7;
        #ifdef HAVE_BLAS
            logits[0] = cblas_sdot(6, model, 1, model, 1);
        #else
            logits[0] = 0.0f;
            for (int i = 0; i < 6; i++) logits[0] += model[i] * model[i];
        #endif
            probabilities[0] = images[0];
            return 0;
        }

        """

    /// Compiles `source` into `directory/name` with the system `cc`.
    private func compile(_ source: String, to name: String) throws {
        let file = directory.appendingPathComponent("program.c")
        try source.write(to: file, atomically: true, encoding: .utf8)
        var args = ["cc", "-O2", "-fPIC", "-shared", "-std=c11", "-Wall", "-Wextra", "-Werror", file.path,
                    "-o", directory.appendingPathComponent(name).path]
        if Self.haveOpenBLAS {
            args += ["-DHAVE_BLAS", "-I" + Self.openBLASInclude, "-L" + Self.openBLASLib, "-Wl,-rpath," + Self.openBLASLib, "-lopenblas"]
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = args
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw XCTSkip("cannot compile the test library with cc (\(args.joined(separator: " "))): \(output)")
        }
    }

    private func manifest(library: String = "libtest.so", step: String = "test_step", eval: String = "test_eval") -> Manifest {
        Manifest(
            model: "test", architecture: "hand-made", head: "none", imageSize: 1, batch: 1, classes: 3,
            optionsHash: "0123", library: library, compileCommand: "cc ...", ioSlots: IOSlot.allCases.map(\.name),
            layout: Self.layout,
            phases: [.init(phase: 1, stepEntry: step, updateEntry: "test_update", arenaBytes: 28, lowerBoundBytes: 28,
                           noReuseBytes: 28, kernels: 1, trainableParameters: 7, trainableRange: [0, 7])],
            eval: .init(entry: eval, arenaBytes: 0, lowerBoundBytes: 0, kernels: 1))
    }

    private func writeManifest(_ manifest: Manifest) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(manifest).write(to: directory.appendingPathComponent("manifest.json"))
    }

    /// Writes kernels.h (if missing) and a build record of the files now in `directory`, as
    /// Codegen's `Artifact.build` does last.
    private func writeBuildRecord(library: String = "libtest.so") throws {
        let kernels = directory.appendingPathComponent("kernels.h")
        if !FileManager.default.fileExists(atPath: kernels.path) { try Data("/* no kernels */\n".utf8).write(to: kernels) }
        let read = { (name: String) in try Data(contentsOf: self.directory.appendingPathComponent(name)) }
        let record = BuildRecord(
            sources: ["kernels.h", "program.c"],
            sourcesHash: BuildRecord.sourcesHash(files: [("kernels.h", [UInt8](try read("kernels.h"))), ("program.c", [UInt8](try read("program.c")))],
                                                 manifest: try read("manifest.json")),
            library: library, libraryHash: BuildRecord.bytesHash(try read(library)), command: "cc ...", compiler: "/usr/bin/cc",
            compilerVersion: "cc", flags: [], targetCPU: "test")
        try JSONEncoder().encode(record).write(to: directory.appendingPathComponent(BuildRecord.fileName))
    }

    private func makeArtifact() throws {
        try compile(Self.source, to: "libtest.so")
        try writeManifest(manifest())
        try writeBuildRecord()
    }

    /// The error of loading `directory`, as text.
    private func loadError(file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            _ = try CompiledProgram(directory: directory)
            XCTFail("loading should have failed", file: file, line: line)
            return ""
        } catch let error as RuntimeError {
            let text = "\(error)"
            print("load error: \(text)")
            XCTAssertFalse(text.contains("\n"), "one line: \(text)", file: file, line: line)
            return text
        } catch {
            XCTFail("expected a RuntimeError, got \(error)", file: file, line: line)
            return ""
        }
    }

    // MARK: - Loading and running

    func testLoadsAndRunsEntries() throws {
        try makeArtifact()
        let program = try CompiledProgram(directory: directory)
        XCTAssertEqual(program.entryNames, ["test_eval", "test_step", "test_update"])
        XCTAssertEqual(program.manifest, manifest())
        XCTAssertEqual(program.arenaBytes["test_step"], 28)
        print("BLAS: \(program.blasSummary)")
        if Self.haveOpenBLAS {
            XCTAssertTrue(program.blasLibraryPath?.contains("openblas-openmp") == true, program.blasSummary)
            let core = try XCTUnwrap(program.blasCoreName)
            if program.blasConfiguration.coreType != "OpenBLAS default" {
                XCTAssertEqual(core.lowercased(), program.blasConfiguration.coreType.lowercased(), program.blasSummary)
            }
        }

        let state = try StateBlocks(manifest: program.manifest)
        let arena = try Arena(bytes: 28)
        try state.setParameter("w", [1, 2, 3, 4, 5, 6])
        try state.setParameter("b", [0.5])
        try state.setBuffer("running_mean", [10, 20])
        var loss: [Float] = [0]
        var hyper: [Float] = [0.25, 0, 0, 0, 0, 0, 0, 0]

        try loss.withUnsafeMutableBytes { lossBytes in
            let inputs: [IOSlot: UnsafeMutableRawPointer] = [.loss: lossBytes.baseAddress!]
            try program.run("test_step", state: state, arena: arena, inputs: inputs)
            try program.run("test_step", state: state, arena: arena, inputs: inputs)
        }
        XCTAssertEqual(loss, [51.5])
        XCTAssertEqual(try state.gradient("w"), [2, 4, 6, 8, 10, 12])
        XCTAssertEqual(try state.gradient("b"), [1])
        XCTAssertEqual(Array(UnsafeBufferPointer(start: arena.pointer.assumingMemoryBound(to: Float.self), count: 7)),
                       [1, 2, 3, 4, 5, 6, 0.5])

        try hyper.withUnsafeMutableBytes { hyperBytes in
            try program.run("test_update", state: state, arena: arena, inputs: [.hyper: hyperBytes.baseAddress!])
        }
        XCTAssertEqual(try state.parameter("w"), [0.5, 1, 1.5, 2, 2.5, 3])
        XCTAssertEqual(try state.parameter("b"), [0.25])
        XCTAssertEqual(try state.buffer("running_mean"), [10, 20], "update must not touch buffers")
        XCTAssertEqual(try state.adamM("w"), [2, 4, 6, 8, 10, 12])
        XCTAssertEqual(try state.adamV("b"), [1])
        XCTAssertEqual(try state.gradient("w"), [0, 0, 0, 0, 0, 0])
        XCTAssertEqual(try state.ema("w"), [0.5, 1, 1.5, 2, 2.5, 3])
        XCTAssertEqual(try state.ema("running_mean"), [10, 20])

        // The raw io form, and an entry reporting failure through its return code.
        var images: [Float] = [0.75]
        var logits: [Float] = [0, 0, 0]
        var probabilities: [Float] = [0, 0, 0]
        try images.withUnsafeMutableBytes { imageBytes in
            try logits.withUnsafeMutableBytes { logitBytes in
                try probabilities.withUnsafeMutableBytes { probabilityBytes in
                    var io = CompiledProgram.io(state: state, arena: nil, inputs: [
                        .logits: logitBytes.baseAddress!, .probabilities: probabilityBytes.baseAddress!])
                    XCTAssertThrowsError(try program.run("test_eval", io: io)) { error in
                        XCTAssertTrue("\(error)".contains("entry 'test_eval' returned error code 7"), "\(error)")
                        XCTAssertTrue("\(error)".contains("libtest.so"), "\(error)")
                    }
                    io[.images] = imageBytes.baseAddress!
                    try program.run("test_eval", io: io)
                }
            }
        }
        XCTAssertEqual(logits[0], 0.25 + 1 + 2.25 + 4 + 6.25 + 9, accuracy: 1e-5)
        XCTAssertEqual(probabilities[0], 0.75)

        XCTAssertThrowsError(try program.run("no_such_entry", io: [:])) { error in
            XCTAssertTrue("\(error)".contains("no entry 'no_such_entry'"), "\(error)")
        }
    }

    func testRunChecksArenaSizeAndLayout() throws {
        try makeArtifact()
        let program = try CompiledProgram(directory: directory)
        let state = try StateBlocks(manifest: program.manifest)
        XCTAssertThrowsError(try program.run("test_step", state: state, arena: try Arena(bytes: 27))) { error in
            XCTAssertTrue("\(error)".contains("needs an arena of 28 bytes, got 27"), "\(error)")
        }
        XCTAssertThrowsError(try program.run("test_step", state: state, arena: nil)) { error in
            XCTAssertTrue("\(error)".contains("got 0"), "\(error)")
        }
        var other = Self.layout
        other.buffers = []
        let wrong = try StateBlocks(layout: other)
        XCTAssertThrowsError(try program.run("test_step", state: wrong, arena: try Arena(bytes: 28))) { error in
            XCTAssertTrue("\(error)".contains("another layout"), "\(error)")
        }
    }

    // MARK: - Load errors

    func testMissingSymbolIsNamed() throws {
        try compile(Self.source, to: "libtest.so")
        try writeManifest(manifest(step: "test_missing_step"))
        try writeBuildRecord()
        let message = loadError()
        XCTAssertTrue(message.contains("'test_missing_step' (phase 1 step)"), message)
        XCTAssertTrue(message.contains(directory.appendingPathComponent("libtest.so").path), message)
    }

    func testMissingLibraryIsNamed() throws {
        try writeManifest(manifest(library: "libnothing.so"))
        let message = loadError()
        XCTAssertTrue(message.contains("libnothing.so"), message)
        XCTAssertTrue(message.contains("does not exist"), message)
    }

    func testUnloadableLibraryGivesTheLoaderMessage() throws {
        try Data("not an ELF file".utf8).write(to: directory.appendingPathComponent("libtest.so"))
        try Data("int x;\n".utf8).write(to: directory.appendingPathComponent("program.c"))
        try writeManifest(manifest())
        try writeBuildRecord()
        let message = loadError()
        XCTAssertTrue(message.contains("cannot load it"), message)
    }

    func testOtherFormatVersionIsRejected() throws {
        try makeArtifact()
        let url = directory.appendingPathComponent("manifest.json")
        var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        object["format"] = Manifest.currentFormat + 1
        object["layout"] = "changed in format 2"  // a newer format may not decode: the version is reported first
        try JSONSerialization.data(withJSONObject: object).write(to: url)
        let message = loadError()
        XCTAssertTrue(message.contains("manifest format \(Manifest.currentFormat + 1)"), message)
        XCTAssertTrue(message.contains("reads format \(Manifest.currentFormat)"), message)
    }

    func testBadJSONIsRejected() throws {
        try Data("{ \"format\": 1, ".utf8).write(to: directory.appendingPathComponent("manifest.json"))
        let message = loadError()
        XCTAssertTrue(message.hasPrefix(directory.appendingPathComponent("manifest.json").path + ": not a valid manifest"), message)
    }

    func testMissingFieldIsNamed() throws {
        try makeArtifact()
        let url = directory.appendingPathComponent("manifest.json")
        var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        object["library"] = nil
        try JSONSerialization.data(withJSONObject: object).write(to: url)
        let message = loadError()
        XCTAssertTrue(message.contains("missing field \"library\""), message)
    }

    // MARK: - Build record

    func testLibraryWithoutBuildRecordIsRefused() throws {
        try makeArtifact()
        try FileManager.default.removeItem(at: directory.appendingPathComponent(BuildRecord.fileName))
        let message = loadError()
        XCTAssertTrue(message.hasPrefix(directory.appendingPathComponent("build.json").path + ": no build record"), message)
    }

    /// An interrupted rebuild: new sources were written beside the old library and its old record.
    func testLibraryBesideOtherSourcesIsRefused() throws {
        try makeArtifact()
        XCTAssertNoThrow(try CompiledProgram(directory: directory))
        try Data("/* the sources of another configuration */\n".utf8).write(to: directory.appendingPathComponent("kernels.h"))
        let message = loadError()
        XCTAssertTrue(message.contains("are not those it was built from"), message)
    }

    func testLibraryReplacedAfterItsRecordIsRefused() throws {
        try makeArtifact()
        var library = try Data(contentsOf: directory.appendingPathComponent("libtest.so"))
        library.append(0)
        try library.write(to: directory.appendingPathComponent("libtest.so"))
        let message = loadError()
        XCTAssertTrue(message.contains("libtest.so is not the library this record describes"), message)
    }

    func testMissingManifest() {
        let message = loadError()
        XCTAssertTrue(message.contains("manifest.json: no such file"), message)
    }

    func testForeignIOSlotsAreRejected() throws {
        var m = manifest()
        m.ioSlots = ["arena", "model"]
        try writeManifest(m)
        XCTAssertTrue(loadError().contains("io_slots"))
    }

    // MARK: - State blocks and arena

    func testStateBlocksAreAlignedZeroedAndNamed() throws {
        let state = try StateBlocks(layout: Self.layout)
        for block in StateBlocks.Block.allCases {
            XCTAssertEqual(Int(bitPattern: state.pointer(block)) % 64, 0, "\(block) alignment")
            XCTAssertEqual(Array(UnsafeBufferPointer(start: state.pointer(block), count: state.count(block))),
                           [Float](repeating: 0, count: state.count(block)), "\(block) zeroed")
        }
        XCTAssertEqual(state.count(.model), 9)
        XCTAssertEqual(state.count(.grads), 7)
        XCTAssertEqual(state.count(.ema), 9)

        try state.setParameter("w", [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(state.model[5], 6)
        try state.setBuffer("running_mean", [7, 8])
        XCTAssertEqual(state.model[7], 7)
        try state.setEMA("running_mean", [1, 1])
        try state.setGradient("b", [3])
        XCTAssertEqual(state.grads[6], 3)
        state.zero(.grads)
        XCTAssertEqual(try state.gradient("b"), [0])
        state.copyModelToEMA()
        XCTAssertEqual(try state.ema("running_mean"), [7, 8])

        func message(_ body: () throws -> Void) -> String {
            do { try body(); return "no error" } catch { return "\(error)" }
        }
        XCTAssertEqual(message { try state.setParameter("w", [1, 2]) }, "tensor 'w': expected 6 values (shape [2, 3]), got 2")
        XCTAssertTrue(message { _ = try state.parameter("nope") }.hasPrefix("tensor 'nope': no parameter or buffer"))
        XCTAssertEqual(message { _ = try state.gradient("running_mean") }, "tensor 'running_mean': is a buffer, so it has no grads values")
        XCTAssertEqual(message { _ = try state.parameter("running_mean") }, "tensor 'running_mean': is a buffer, not a parameter")
        XCTAssertEqual(message { _ = try state.buffer("w") }, "tensor 'w': is a parameter, not a buffer")

        var overflowing = Self.layout
        overflowing.buffers[0].offset = 8
        XCTAssertTrue(message { _ = try StateBlocks(layout: overflowing) }.contains("outside its block of 9 floats"))
        var miscounted = Self.layout
        miscounted.parameters[0].count = 5
        XCTAssertTrue(message { _ = try StateBlocks(layout: miscounted) }.contains("does not match its shape"))
    }

    func testArenaIsAlignedAndSized() throws {
        let arena = try Arena(bytes: 1000)
        XCTAssertEqual(arena.bytes, 1000)
        XCTAssertEqual(Int(bitPattern: arena.pointer) % 64, 0)
        arena.pointer.storeBytes(of: 1.5 as Float, toByteOffset: 996, as: Float.self)
        XCTAssertEqual(arena.pointer.load(fromByteOffset: 996, as: Float.self), 1.5)
        let empty = try Arena(bytes: 0)
        XCTAssertEqual(Int(bitPattern: empty.pointer) % 64, 0)
    }

    // MARK: - OpenBLAS core type

    func testCoreTypeFromCPUFlags() {
        XCTAssertEqual(BLASCoreType.coreType(forCPUFlags: ["avx512f", "avx512bw", "avx512vl", "avx512dq", "avx2", "fma"]), "SkylakeX")
        XCTAssertEqual(BLASCoreType.coreType(forCPUFlags: ["avx512f", "avx2", "fma"]), "Haswell")
        XCTAssertEqual(BLASCoreType.coreType(forCPUFlags: ["avx2", "fma", "sse4_2"]), "Haswell")
        XCTAssertNil(BLASCoreType.coreType(forCPUFlags: ["avx2"]))
        XCTAssertNil(BLASCoreType.coreType(forCPUFlags: []))
    }

    func testConfigureKeepsTheUsersChoice() {
        if let preset = getenv("OPENBLAS_CORETYPE").map({ String(cString: $0) }) {
            // The process environment is what OpenBLAS reads: it wins over a caller's dictionary.
            let result = BLASCoreType.configure(environment: ["OPENBLAS_CORETYPE": "Zen"])
            XCTAssertEqual(result.coreType, preset)
            XCTAssertEqual(result.source == "environment" || result.source == "cpuinfo", true)
            return
        }
        defer { unsetenv("OPENBLAS_CORETYPE") }  // later tests get the cpuinfo choice again
        let result = BLASCoreType.configure(environment: ["OPENBLAS_CORETYPE": "Zen"])
        XCTAssertEqual(result.coreType, "Zen")
        XCTAssertEqual(result.source, "environment")
        XCTAssertEqual(getenv("OPENBLAS_CORETYPE").map { String(cString: $0) }, "Zen", "exported for OpenBLAS")
    }

    func testConfigureOnThisMachine() {
        let flags = BLASCoreType.cpuFlags()
        let result = BLASCoreType.configure()
        print("OpenBLAS core type: \(result.coreType) (from \(result.source)); cpuinfo suggests \(BLASCoreType.coreType(forCPUFlags: flags) ?? "nothing")")
        if result.source == "cpuinfo" {
            XCTAssertEqual(result.coreType, BLASCoreType.coreType(forCPUFlags: flags) ?? "OpenBLAS default")
        }
        if result.coreType != "OpenBLAS default" {
            XCTAssertEqual(getenv("OPENBLAS_CORETYPE").map { String(cString: $0) }, result.coreType)
        }
    }
}
