import Foundation
import XCTest
@testable import Codegen
import Graph
import Runtime
#if canImport(Glibc)
import Glibc
#endif

/// `ensureArtifact`: a library is reused only when its build record matches the sources, the
/// compiler, its flags and the CPU; an interrupted build is rebuilt; foreign folders are refused.
final class ArtifactBuildTests: XCTestCase {
    private var directory: URL!
    private var toolchain: Toolchain!

    override func setUpWithError() throws {
        guard let detected = Harness.toolchain else { throw XCTSkip("no C toolchain with OpenMP and OpenBLAS") }
        toolchain = detected
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("breastai-artifact-tests-\(getpid())-\(UInt32.random(in: 0 ... .max))")
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// A one-kernel artifact whose eval entry writes `logits = factor * images` (1 x 4).
    private func artifact(factor: Float) throws -> Artifact {
        let b = GraphBuilder()
        let x = b.input("images", TensorType([1, 4]))
        b.output("logits", b.scale(x, factor))
        return try compileStandalone(b.graph, title: "ArtifactBuildTests x\(factor)")
    }

    /// Runs `ensureArtifact` and returns the lines it logged.
    @discardableResult
    private func ensure(_ artifact: Artifact, with toolchain: Toolchain? = nil) throws -> [String] {
        var lines: [String] = []
        _ = try ensureArtifact(artifact, directory: directory, toolchain: toolchain ?? self.toolchain) { lines.append($0) }
        return lines
    }

    /// The logits of the library in `directory` for images [1, 2, 3, 4].
    private func runEval() throws -> [Float] {
        let program = try Runtime.CompiledProgram(directory: directory)
        var images: [Float] = [1, 2, 3, 4], logits = [Float](repeating: 0, count: 4)
        let arena = try Arena(bytes: max(64, program.manifest.eval.arenaBytes))
        try images.withUnsafeMutableBytes { i in
            try logits.withUnsafeMutableBytes { l in
                try program.run(program.manifest.eval.entry, io: [.images: i.baseAddress!, .logits: l.baseAddress!, .arena: arena.pointer])
            }
        }
        return logits
    }

    /// Inode and modification time of the library: unchanged means the compiler did not run.
    private func libraryStamp() throws -> [String] {
        let attributes = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("libbreastai.so").path)
        return ["\(attributes[.systemFileNumber] ?? "")", "\(attributes[.modificationDate] ?? "")"]
    }

    /// Writes an artifact's sources the way an interrupted `write` leaves them: the old library
    /// and whatever record there was stay.
    private func writeSourcesOnly(_ artifact: Artifact) throws {
        for file in artifact.sourceFiles { try Data(file.text.utf8).write(to: directory.appendingPathComponent(file.name)) }
        try artifact.manifestJSON.write(to: directory.appendingPathComponent("manifest.json"))
    }

    func testUnchangedArtifactIsReusedWithoutRunningTheCompiler() throws {
        let a = try artifact(factor: 2)
        let first = try ensure(a)
        XCTAssertTrue(first.first?.hasPrefix("compiling") == true, "\(first)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.appendingPathComponent("build.json").path))
        let stamp = try libraryStamp()
        let record = try Artifact.readRecord(in: directory)
        XCTAssertEqual(record.sourcesHash, a.sourcesHash)
        XCTAssertEqual(record.compilerVersion, toolchain.version)
        XCTAssertEqual(record.targetCPU, toolchain.targetCPU)
        XCTAssertTrue(record.command.contains("-march=native"), record.command)

        let second = try ensure(try artifact(factor: 2))
        XCTAssertEqual(second, [], "a current artifact is neither compiled nor reported")
        XCTAssertEqual(try libraryStamp(), stamp)
        XCTAssertEqual(try runEval(), [2, 4, 6, 8])
    }

    /// Issue 10 §6: new sources beside the old library and its old record (Ctrl-C during a recompile).
    func testInterruptedRebuildIsRebuiltNotUsed() throws {
        try ensure(try artifact(factor: 2))
        let b = try artifact(factor: 3)
        try writeSourcesOnly(b)
        XCTAssertThrowsError(try runEval()) { error in
            XCTAssertTrue("\(error)".contains("are not those it was built from"), "\(error)")
        }
        let lines = try ensure(b)
        XCTAssertEqual(lines.first, "rebuilding \(directory.path): the sources changed")
        XCTAssertEqual(try runEval(), [3, 6, 9, 12], "the library of the new sources runs")
    }

    /// The library of the new configuration was renamed into place, then the process stopped before
    /// the record was written; the configuration then switches back to the old sources.
    func testLibraryWithoutRecordIsRebuiltEvenWhenTheSourcesMatchAnOldRecord() throws {
        let a = try artifact(factor: 2), b = try artifact(factor: 3)
        try ensure(a)
        let oldRecord = try Data(contentsOf: directory.appendingPathComponent("build.json"))
        try a.write(to: directory)  // no change: the record stays
        XCTAssertEqual(try Data(contentsOf: directory.appendingPathComponent("build.json")), oldRecord)
        try b.write(to: directory)  // new sources: the old record goes first
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("build.json").path))
        _ = try toolchain.buildSharedLibrary(units: b.source.units.map(\.name), headers: [Artifact.headerFile], in: directory,
                                             output: directory.appendingPathComponent("libbreastai.so"),
                                             objects: directory.appendingPathComponent(Artifact.objectsFolder))
        try writeSourcesOnly(a)  // interrupted before build.json; back to the old configuration
        let lines = try ensure(a)
        XCTAssertEqual(lines.first, "rebuilding \(directory.path): no build record (interrupted build, or built by an older version)")
        XCTAssertEqual(try runEval(), [2, 4, 6, 8])
    }

    func testChangedCompilerIdentityForcesARebuild() throws {
        let a = try artifact(factor: 2)
        try ensure(a)
        var other = toolchain!
        other.version = "gcc (Imaginary) 99.1.0"
        let lines = try ensure(a, with: other)
        XCTAssertEqual(lines.first?.hasPrefix("rebuilding \(directory.path): the compiler changed (built with \(toolchain.version)"), true,
                       "\(lines)")
        XCTAssertEqual(try Artifact.readRecord(in: directory).compilerVersion, "gcc (Imaginary) 99.1.0")
        // and back: the real compiler's identity differs from the record again
        XCTAssertEqual(try ensure(a).first?.contains("the compiler changed"), true)
        XCTAssertEqual(try ensure(a), [])
    }

    func testChangedFlagsForceARebuild() throws {
        let a = try artifact(factor: 2)
        try ensure(a)
        var other = toolchain!
        other.compilerArguments = ["-g0"]
        XCTAssertEqual(try ensure(a, with: other).first, "rebuilding \(directory.path): the compiler flags changed")
        XCTAssertEqual(try Artifact.readRecord(in: directory).flags.first, "-g0")
    }

    func testOtherCPUForcesARebuild() throws {
        let a = try artifact(factor: 2)
        try ensure(a)
        var other = toolchain!
        other.targetCPU = "march=imaginary mtune=imaginary +avx2"
        let lines = try ensure(a, with: other)
        let was = Toolchain.cpuName(toolchain.targetCPU)
        XCTAssertEqual(lines.first, "rebuilding \(directory.path): built for another CPU (\(was), this one is imaginary)")
        other.targetCPU = "march=imaginary mtune=imaginary +avx512f"
        XCTAssertEqual(try ensure(a, with: other).first,
                       "rebuilding \(directory.path): built for another CPU (imaginary with other features)")
    }

    func testReplacedLibraryIsRebuilt() throws {
        let a = try artifact(factor: 2)
        try ensure(a)
        let library = directory.appendingPathComponent("libbreastai.so")
        var bytes = try Data(contentsOf: library)
        bytes.append(0)
        try bytes.write(to: library)
        XCTAssertEqual(try ensure(a).first, "rebuilding \(directory.path): the library differs from its build record")
        XCTAssertEqual(try runEval(), [2, 4, 6, 8])
    }

    func testFolderThatIsNotAnArtifactIsRefusedAndLeftAlone() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let notes = directory.appendingPathComponent("notes.txt")
        try Data("mine".utf8).write(to: notes)
        XCTAssertThrowsError(try ensure(try artifact(factor: 2))) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("\(directory.path): is not empty (1 entries) and holds no BreastAI artifact"), text)
            XCTAssertFalse(text.contains("\n"), text)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["notes.txt"])

        // An artifact folder with a file of the user's in it: used, and the user's file untouched.
        try FileManager.default.removeItem(at: notes)
        try ensure(try artifact(factor: 2))
        try Data("mine".utf8).write(to: notes)
        try ensure(try artifact(factor: 3))
        XCTAssertEqual(try Data(contentsOf: notes), Data("mine".utf8))
        XCTAssertEqual(try runEval(), [3, 6, 9, 12])
        // A file instead of a folder.
        XCTAssertThrowsError(try checkArtifactDirectory(notes, option: "--out")) { error in
            XCTAssertEqual("\(error)", "\(notes.path): is a file; --out must be a folder")
        }
    }

    func testLeftoversOfStoppedBuildsAreRemovedOnRebuild() throws {
        try ensure(try artifact(factor: 2))
        let stopped = Process()
        stopped.executableURL = URL(fileURLWithPath: "/bin/true")
        try stopped.run()
        stopped.waitUntilExit()
        let dead = directory.appendingPathComponent(".libbreastai.so.tmp-\(stopped.processIdentifier)-12345")
        let live = directory.appendingPathComponent(".libbreastai.so.tmp-\(getpid())-12345")
        let foreign = directory.appendingPathComponent(".libother.so.tmp-\(stopped.processIdentifier)-12345")
        for url in [dead, live, foreign] { try Data("partial".utf8).write(to: url) }
        try ensure(try artifact(factor: 3))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dead.path), "a stopped writer's leftover is removed")
        XCTAssertTrue(FileManager.default.fileExists(atPath: live.path), "a running writer's file is kept")
        XCTAssertTrue(FileManager.default.fileExists(atPath: foreign.path), "a file of another name is not the artifact's")
    }

    // MARK: - The CPU -march=native resolves to

    func testTargetCPUFromGCCDriverLine() {
        let output = """
            COLLECT_GCC_OPTIONS='-march=native' '-E'
             /usr/lib/gcc/x86_64-linux-gnu/12/cc1 -E -quiet -imultiarch x86_64-linux-gnu /dev/null "-march=znver3" -mmmx -mno-fma4 -mavx2 --param "l1-cache-size=48" "-mtune=znver3" -dumpbase null
            """
        XCTAssertEqual(Toolchain.parseTargetCPU(driverOutput: output),
                       "march=znver3 mtune=znver3 +avx2 +mmx -fma4 param:l1-cache-size=48")
    }

    func testTargetCPUFromClangDriverLine() {
        let output = """
             "/usr/bin/clang-21" "-cc1" "-triple" "x86_64-unknown-linux-gnu" "-E" "-mrelocation-model" "pic" "-target-cpu" "znver5" "-target-feature" "+prfchw" "-target-feature" "-cldemote" "-target-feature" "+avx" "-tune-cpu" "generic"
            """
        XCTAssertEqual(Toolchain.parseTargetCPU(driverOutput: output), "march=znver5 mtune=generic +avx +prfchw -cldemote")
        XCTAssertNil(Toolchain.parseTargetCPU(driverOutput: "gcc: error: unrecognized command-line option"))
    }

    func testTargetCPUOnThisMachine() {
        let cpu = toolchain.resolveTargetCPU()
        print("target CPU (\(toolchain.kind)): \(cpu.prefix(200))")
        XCTAssertTrue(cpu.hasPrefix("march=") || cpu.hasPrefix("cpuinfo: "), cpu)
        XCTAssertEqual(cpu, toolchain.targetCPU, "detect() records the same resolution")
    }
}
