import Foundation
import XCTest
@testable import Codegen
import Graph
import Runtime
#if canImport(Glibc)
import Glibc
#endif

/// The C toolchain: detection, OpenMP + OpenBLAS (OpenMP build) compilation, and errors people can act on.
final class ToolchainTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("breastai-toolchain-tests-\(getpid())-\(UInt32.random(in: 0 ... .max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        // Libraries stay loaded (their OpenMP threads may outlive a dlclose); the files can go.
        try? FileManager.default.removeItem(at: directory)
    }

    /// Uses OpenMP pragmas and runtime calls and `cblas_sgemm`, and compiles without warnings.
    static let sgemmSource = """
        #include <omp.h>
        #include <cblas.h>

        /* c (m x n) = a (m x k) * b (k x n), row-major; d[i] = 2 i in parallel; returns omp_get_max_threads(). */
        int breastai_test(int m, int n, int k, const float *a, const float *b, float *c, float *d, int count) {
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, k, 1.0f, a, k, b, n, 0.0f, c, n);
            int threads = 0;
            #pragma omp parallel for schedule(static) reduction(max:threads)
            for (int i = 0; i < count; i++) {
                d[i] = 2.0f * (float)i;
                threads = omp_get_num_threads() > threads ? omp_get_num_threads() : threads;
            }
            return threads > 0 ? omp_get_max_threads() : -1;
        }

        """

    typealias TestFunction = @convention(c) (Int32, Int32, Int32, UnsafePointer<Float>, UnsafePointer<Float>,
                                             UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, Int32) -> Int32

    private func write(_ source: String, _ name: String) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try source.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    private func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".tmp-") }
    }

    /// Compiles `sgemmSource` with `toolchain`, loads it, runs it, checks the product and the BLAS build.
    private func compileAndRunSGEMM(_ toolchain: Toolchain, name: String) throws {
        let source = try write(Self.sgemmSource, "\(name).c")
        let output = directory.appendingPathComponent("lib\(name).so")
        let result = try toolchain.compileSharedLibrary(sources: [source], output: output)
        print("toolchain: \(toolchain)\ncommand (\(String(format: "%.2f", result.seconds)) s): \(result.command)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.path))
        XCTAssertEqual(try leftovers(), [], "temporary output left behind")
        XCTAssertEqual(result.warnings.trimmingCharacters(in: .whitespacesAndNewlines), "")
        XCTAssertGreaterThan(result.seconds, 0)
        // The reported command is the reproducible one: final output path, every flag, no temporary path.
        XCTAssertTrue(result.command.hasPrefix(toolchain.compiler + " "), result.command)
        XCTAssertTrue(result.command.contains("-o \(output.path)"), result.command)
        XCTAssertFalse(result.command.contains(".tmp-"), result.command)
        for flag in Toolchain.baseFlags + ["-Werror", "-lopenblas", "-L" + toolchain.blasLibraryDirectory,
                                           "-Wl,-rpath," + toolchain.blasLibraryDirectory] {
            XCTAssertTrue(result.command.split(separator: " ").contains(Substring(flag)), "\(flag) missing from \(result.command)")
        }

        // OpenBLAS reads OPENBLAS_CORETYPE when it loads: configure first, as CompiledProgram does.
        let configured = BLASCoreType.configure()
        guard let handle = dlopen(output.path, RTLD_NOW | RTLD_LOCAL) else {
            return XCTFail("dlopen: \(String(cString: dlerror()))")
        }
        let function = unsafeBitCast(try XCTUnwrap(dlsym(handle, "breastai_test")), to: TestFunction.self)

        let (m, n, k) = (37, 29, 53)
        var random = SystemRandomNumberGenerator()
        let a = (0 ..< m * k).map { _ in Float.random(in: -1 ... 1, using: &random) }
        let b = (0 ..< k * n).map { _ in Float.random(in: -1 ... 1, using: &random) }
        var c = [Float](repeating: .nan, count: m * n)
        var d = [Float](repeating: .nan, count: 1000)
        let threads = function(Int32(m), Int32(n), Int32(k), a, b, &c, &d, Int32(d.count))
        XCTAssertGreaterThanOrEqual(threads, 1, "omp_get_max_threads")
        for i in 0 ..< m {
            for j in 0 ..< n {
                var sum = 0.0
                for p in 0 ..< k { sum += Double(a[i * k + p]) * Double(b[p * n + j]) }
                XCTAssertEqual(c[i * n + j], Float(sum), accuracy: 1e-4, "c[\(i),\(j)]")
            }
        }
        XCTAssertEqual(d, (0 ..< d.count).map { 2 * Float($0) })

        // cblas_sgemm comes from the OpenMP build whatever update-alternatives selects.
        let sgemm = try XCTUnwrap(dlsym(handle, "cblas_sgemm"))
        let blasPath = try XCTUnwrap(LoadedObjects.path(containing: sgemm))
        XCTAssertTrue(blasPath.contains("openblas-openmp"), "cblas_sgemm resolved from \(blasPath)")
        XCTAssertEqual(try ldd(output).filter { $0.contains("libopenblas") }.map { $0.contains("openblas-openmp") }, [true])

        // The loaded OpenBLAS uses the configured core (unless OpenBLAS was already loaded with another).
        let core = try XCTUnwrap(BLASCoreType.current(handle: handle))
        print("OpenBLAS: configured \(configured), core \(core), from \(blasPath)")
        if configured.coreType != "OpenBLAS default" {
            XCTAssertEqual(core.lowercased(), configured.coreType.lowercased(), "configured \(configured)")
        }
    }

    /// `ldd`'s lines for a library (what the dynamic loader resolves its dependencies to).
    private func ldd(_ library: URL) throws -> [String] {
        let result = try Toolchain.run("/usr/bin/ldd", [library.path])
        XCTAssertEqual(result.status, 0, result.output)
        return result.output.split(separator: "\n").map(String.init)
    }

    func testDetectFindsCompilerOpenMPAndOpenBLAS() throws {
        let toolchain = try Toolchain.detect()
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: toolchain.compiler))
        XCTAssertFalse(toolchain.version.isEmpty)
        XCTAssertFalse(toolchain.version.contains("\n"))
        XCTAssertTrue(toolchain.blasLibraryDirectory.hasSuffix("openblas-openmp"), toolchain.blasLibraryDirectory)
        XCTAssertTrue(FileManager.default.fileExists(atPath: toolchain.blasIncludeDirectory + "/cblas.h"))
        XCTAssertTrue(toolchain.description.hasPrefix("\(toolchain.kind.rawValue) \(toolchain.versionNumber) (\(toolchain.compiler)), OpenMP"),
                      toolchain.description)
        XCTAssertTrue(toolchain.description.contains("OpenBLAS openmp at \(toolchain.blasLibraryDirectory)"), toolchain.description)
        if ProcessInfo.processInfo.environment["CC"] == nil, Toolchain.findExecutable("gcc", path: ProcessInfo.processInfo.environment["PATH"] ?? "") != nil {
            XCTAssertEqual(toolchain.kind, .gcc, "gcc is preferred when CC is unset")
        }
    }

    func testCompilesOpenMPAndSGEMMIntoALoadableLibrary() throws {
        try compileAndRunSGEMM(try Toolchain.detect(), name: "sgemm_default")
    }

    func testWerrorTurnsAWarningIntoACompileFailureShowingTheCompilerOutput() throws {
        let toolchain = try Toolchain.detect()
        let source = try write("int breastai_warn(int x) {\n    int unused_thing = 3;\n    return x;\n}\n", "warn.c")
        let output = directory.appendingPathComponent("libwarn.so")
        XCTAssertThrowsError(try toolchain.compileSharedLibrary(sources: [source], output: output)) { error in
            guard case CodegenError.compileFailed(let command, let printed)? = error as? CodegenError else {
                return XCTFail("expected compileFailed, got \(error)")
            }
            XCTAssertTrue(command.contains("-Werror"), command)
            XCTAssertTrue(printed.contains("unused_thing"), printed)
            XCTAssertFalse(printed.contains(".tmp-"), "compiler output should name the final path: \(printed)")
            let description = "\(error)"
            XCTAssertTrue(description.hasPrefix("C compilation failed: \(command)\n"), description)
            XCTAssertTrue(description.contains("unused_thing"), description)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "no library after a failed compile")
        XCTAssertEqual(try leftovers(), [])

        // Without -Werror the same file compiles and the warning is reported.
        let result = try toolchain.compileSharedLibrary(sources: [source], output: output, warningsAsErrors: false)
        XCTAssertFalse(result.command.contains("-Werror"))
        XCTAssertTrue(result.warnings.contains("unused_thing"), result.warnings)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.path))
    }

    func testSyntaxErrorShowsTheFirstErrorLines() throws {
        let toolchain = try Toolchain.detect()
        let source = try write("int breastai_broken(void) { return 1 +; }\n", "broken.c")
        let output = directory.appendingPathComponent("libbroken.so")
        XCTAssertThrowsError(try toolchain.compileSharedLibrary(sources: [source], output: output)) { error in
            let description = "\(error)"
            print(description)
            XCTAssertTrue(description.contains("broken.c:1:"), description)
            XCTAssertTrue(description.contains("error"), description)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
    }

    func testNonexistentCCIsAClearToolchainError() {
        var environment = ProcessInfo.processInfo.environment
        environment["CC"] = "/nonexistent"
        XCTAssertThrowsError(try Toolchain.detect(environment: environment)) { error in
            guard case CodegenError.toolchain(let message)? = error as? CodegenError else {
                return XCTFail("expected a toolchain error, got \(error)")
            }
            print("error: \(error)")
            XCTAssertTrue(message.contains("CC=/nonexistent"), message)
            XCTAssertFalse("\(error)".contains("\n"), "one line: \(error)")
        }
    }

    func testCCThatIsNotACompilerIsRejected() {
        var environment = ProcessInfo.processInfo.environment
        environment["CC"] = "/bin/true"
        XCTAssertThrowsError(try Toolchain.detect(environment: environment)) { error in
            guard case CodegenError.toolchain(let message)? = error as? CodegenError else {
                return XCTFail("expected a toolchain error, got \(error)")
            }
            print("error: \(error)")
            XCTAssertTrue(message.contains("/bin/true"), message)
        }
    }

    func testMissingOpenBLASNamesThePackage() {
        var environment = ProcessInfo.processInfo.environment
        environment["BREASTAI_OPENBLAS_LIB"] = directory.path
        XCTAssertThrowsError(try Toolchain.detect(environment: environment)) { error in
            print("error: \(error)")
            XCTAssertTrue("\(error)".contains("libopenblas-openmp-dev"), "\(error)")
        }
    }

    func testCompilerWithoutOpenMPIsDiagnosed() throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let gcc = Toolchain.findExecutable("gcc", path: path) else { throw XCTSkip("no gcc on PATH") }
        // gcc that ignores -fopenmp: OpenMP calls do not link.
        let wrapper = try write("#!/bin/sh\nexec \(gcc) \"$@\" -fno-openmp\n", "gcc-no-openmp")
        XCTAssertEqual(chmod(wrapper.path, 0o755), 0)
        var environment = ProcessInfo.processInfo.environment
        environment["CC"] = wrapper.path
        XCTAssertThrowsError(try Toolchain.detect(environment: environment)) { error in
            print("error: \(error)")
            XCTAssertTrue("\(error)".contains("cannot compile an OpenMP program"), "\(error)")
        }
    }

    func testUnusableOpenBLASHeaderIsDiagnosed() throws {
        let include = directory.appendingPathComponent("include")
        try FileManager.default.createDirectory(at: include, withIntermediateDirectories: true)
        try "/* not OpenBLAS */\n".write(to: include.appendingPathComponent("cblas.h"), atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["BREASTAI_OPENBLAS_INCLUDE"] = include.path
        XCTAssertThrowsError(try Toolchain.detect(environment: environment)) { error in
            print("error: \(error)")
            XCTAssertTrue("\(error)".contains("compiles OpenMP but cannot build against OpenBLAS"), "\(error)")
            XCTAssertTrue("\(error)".contains("libopenblas-openmp-dev"), "\(error)")
        }
    }

    func testClangWithLibOMPCompilesTheSameLibrary() throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let clang = Toolchain.findExecutable("clang", path: path) else { throw XCTSkip("no clang on PATH") }
        var environment = ProcessInfo.processInfo.environment
        environment["CC"] = clang
        let toolchain: Toolchain
        do {
            toolchain = try Toolchain.detect(environment: environment)
        } catch CodegenError.toolchain(let message) {
            throw XCTSkip("clang cannot build OpenMP + OpenBLAS here: \(message)")
        }
        XCTAssertEqual(toolchain.kind, .clang)
        try compileAndRunSGEMM(toolchain, name: "sgemm_clang")
    }

    func testShellQuoting() {
        XCTAssertEqual(Toolchain.shellQuoted("-Wl,-rpath,/usr/lib"), "-Wl,-rpath,/usr/lib")
        XCTAssertEqual(Toolchain.shellQuoted("a b"), "'a b'")
        XCTAssertEqual(Toolchain.shellQuoted("it's"), "'it'\\''s'")
        XCTAssertEqual(Toolchain.shellQuoted(""), "''")
    }

    /// The toolchain's library, loaded through the Runtime: the artifact contract end to end.
    func testToolchainBuiltArtifactRunsInCompiledProgram() throws {
        let toolchain = try Toolchain.detect()
        let source = try write("""
            #include <cblas.h>
            /* io: arena model grads adam_m adam_v ema images labels seed hyper bias_correction loss logits probabilities */
            int e2e_step(void *const *io) {
                const float *model = io[1];
                float *grads = io[2], *loss = io[11];
                for (int i = 0; i < 4; i++) grads[i] += model[i];
                loss[0] = cblas_sdot(4, model, 1, model, 1);
                return 0;
            }
            int e2e_update(void *const *io) { (void)io; return 0; }
            int e2e_eval(void *const *io) { (void)io; return 0; }

            """, "program.c")
        let result = try toolchain.compileSharedLibrary(sources: [source], output: directory.appendingPathComponent("libe2e.so"))
        let layout = Manifest.StateLayout(
            parameters: [.init(name: "w", shape: [4], offset: 0, count: 4)], buffers: [], parameterFloats: 4, modelFloats: 4)
        let manifest = Manifest(
            model: "test", architecture: "none", head: "none", imageSize: 1, batch: 1, classes: 3, optionsHash: "0",
            library: "libe2e.so", compileCommand: result.command, ioSlots: IOSlot.allCases.map(\.name), layout: layout,
            phases: [.init(phase: 1, stepEntry: "e2e_step", updateEntry: "e2e_update", arenaBytes: 0, lowerBoundBytes: 0,
                           noReuseBytes: 0, kernels: 1, trainableParameters: 4, trainableRange: [0, 4])],
            eval: .init(entry: "e2e_eval", arenaBytes: 0, lowerBoundBytes: 0, kernels: 0))
        try JSONEncoder().encode(manifest).write(to: directory.appendingPathComponent("manifest.json"))
        try Data().write(to: directory.appendingPathComponent("kernels.h"))
        // Without a build record the library is refused; with one describing these files it loads.
        XCTAssertThrowsError(try CompiledProgram(directory: directory)) { XCTAssertTrue("\($0)".contains("no build record"), "\($0)") }
        let read = { (name: String) in try Data(contentsOf: self.directory.appendingPathComponent(name)) }
        let record = BuildRecord(
            sources: ["kernels.h", "program.c"],
            sourcesHash: BuildRecord.sourcesHash(files: [("kernels.h", [UInt8](try read("kernels.h"))), ("program.c", [UInt8](try read("program.c")))],
                                                 manifest: try read("manifest.json")),
            library: "libe2e.so", libraryHash: BuildRecord.bytesHash(try read("libe2e.so")), command: result.command,
            compiler: toolchain.compiler, compilerVersion: toolchain.version, flags: toolchain.recordedFlags(library: "libe2e.so"),
            targetCPU: toolchain.targetCPU)
        try JSONEncoder().encode(record).write(to: directory.appendingPathComponent("build.json"))

        let program = try CompiledProgram(directory: directory)
        XCTAssertEqual(program.manifest.compileCommand, result.command)
        XCTAssertTrue(program.blasLibraryPath?.contains("openblas-openmp") == true, program.blasSummary)
        let state = try StateBlocks(manifest: program.manifest)
        try state.setParameter("w", [1, 2, 3, 4])
        var loss: Float = 0
        try withUnsafeMutablePointer(to: &loss) { lossPointer in
            try program.run("e2e_step", state: state, arena: nil, inputs: [.loss: UnsafeMutableRawPointer(lossPointer)])
        }
        XCTAssertEqual(loss, 30)
        XCTAssertEqual(try state.gradient("w"), [1, 2, 3, 4])
    }
}
