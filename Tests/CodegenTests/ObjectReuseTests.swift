import Foundation
import XCTest
@testable import Codegen
import Graph
import Runtime
#if canImport(Glibc)
import Glibc
#endif

/// Issue 13: the C of an artifact is several translation units compiled in parallel, and the
/// object of a unit whose text (and header, compiler, flags) did not change is reused.
final class ObjectReuseTests: XCTestCase {
    private var directory: URL!
    private var toolchain: Toolchain!

    override func setUpWithError() throws {
        guard let detected = Harness.toolchain else { throw XCTSkip("no C toolchain with OpenMP and OpenBLAS") }
        toolchain = detected
        directory = try Harness.temporaryDirectory("object-reuse")
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// The tiny model's eval program alone: several kernel units, a few seconds to compile.
    private func evalArtifact() throws -> Artifact {
        try compileStandalone(TrainingProgram.buildEval(ModelConfig(variant: .tiny)), title: "ObjectReuseTests")
    }

    private var objectNames: Set<String> {
        Set(((try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("objects").path)) ?? [])
            .filter { $0.hasSuffix(".o") })
    }

    /// A second build compiles no unit; a kernel whose text changed recompiles its unit alone,
    /// its old object is removed, and what is not an object of the folder stays.
    func testUnchangedUnitsAreReusedAndAChangedKernelRecompilesOnlyItsUnit() throws {
        let a = try evalArtifact()
        let units = a.source.units.map(\.name)
        XCTAssertGreaterThanOrEqual(a.source.kernelUnits.count, 2, "the test needs kernels in two units")
        try a.write(to: directory)
        let first = try a.build(in: directory, toolchain: toolchain)
        XCTAssertEqual(first.compiled, units, "a cold build compiles every unit")
        XCTAssertEqual(objectNames.count, units.count)
        let libraryHash = try Artifact.readRecord(in: directory).libraryHash

        let second = try a.build(in: directory, toolchain: toolchain)
        XCTAssertEqual(second.compiled, [], "nothing changed, nothing compiled")
        XCTAssertEqual(second.summary, "compiled 0 of \(units.count) units, reused \(units.count) objects")
        XCTAssertEqual(try Artifact.readRecord(in: directory).libraryHash, libraryHash, "the same objects link into the same library")
        XCTAssertTrue(second.command.contains(" -c kernels_k000.c "), "the recorded command rebuilds every unit: \(second.command.prefix(300))")

        // One kernel of the second unit gets a new text.
        let unit = a.source.kernelUnits[1]
        let i = try XCTUnwrap(a.source.kernels.firstIndex { unit.text.contains($0.text) })
        var b = a
        b.source.kernels[i].text += "/* changed: \(b.source.kernels[i].name) */\n"
        XCTAssertEqual(b.source.kernelUnits.filter { u in !a.source.kernelUnits.contains(u) }.map(\.name), [unit.name])
        let before = objectNames
        try Data("mine".utf8).write(to: directory.appendingPathComponent("objects/notes.txt"))
        try b.write(to: directory)
        XCTAssertNotNil(b.staleReason(in: directory, toolchain: toolchain))
        let third = try b.build(in: directory, toolchain: toolchain)
        XCTAssertEqual(third.compiled, [unit.name], "only the changed unit compiles")
        XCTAssertEqual(third.summary, "compiled 1 of \(units.count) units (1 job), reused \(units.count - 1) objects")
        XCTAssertEqual(objectNames.count, units.count, "the changed unit's old object is removed")
        XCTAssertEqual(before.subtracting(objectNames).count, 1)
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.appendingPathComponent("objects/notes.txt").path),
                      "a file that is not an object of the build stays")
        XCTAssertNil(b.staleReason(in: directory, toolchain: toolchain))
        XCTAssertNoThrow(try Runtime.CompiledProgram(directory: directory), "the record matches the rebuilt library")
    }

    /// The header every unit includes, and the compiler flags, are part of each object's key.
    func testHeaderOrFlagsChangeRecompilesEveryUnit() throws {
        let a = try evalArtifact()
        let units = a.source.units.map(\.name)
        try a.write(to: directory)
        try a.build(in: directory, toolchain: toolchain)
        let objects = directory.appendingPathComponent("objects")
        let library = directory.appendingPathComponent("libflags.so")
        let relaxed = try toolchain.buildSharedLibrary(units: units, headers: [Artifact.headerFile], in: directory, output: library,
                                                       objects: objects, warningsAsErrors: false)
        XCTAssertEqual(relaxed.compiled, units, "other flags, other objects")
        var b = a
        b.source.prelude += "\n/* a changed helper */\n"
        try b.write(to: directory)
        XCTAssertEqual(try b.build(in: directory, toolchain: toolchain).compiled, units, "a changed header recompiles every unit")
    }

    /// A hand-written C unit (`extraUnits`) joins the build as its own unit and is exported;
    /// the kernel functions are hidden, the entries exported.
    func testExtraUnitJoinsTheBuildAndKernelsAreHidden() throws {
        var a = try evalArtifact()
        // appended: an fp32 artifact with tiled convolutions already has one (gemm_f32.c)
        a.source.extraUnits.append(CUnit(name: "extra_answer.c", text: "#include \"kernels.h\"\nint breastai_extra_answer(void) { return 42; }\n"))
        try a.write(to: directory)
        let result = try a.build(in: directory, toolchain: toolchain)
        XCTAssertTrue(result.compiled.contains("extra_answer.c"))
        XCTAssertEqual(try Artifact.readRecord(in: directory).sources, a.sourceFiles.map(\.name))
        XCTAssertTrue(a.sourceFiles.map(\.name).contains("extra_answer.c"))
        let handle = try XCTUnwrap(dlopen(directory.appendingPathComponent("libbreastai.so").path, RTLD_NOW | RTLD_LOCAL))
        defer { dlclose(handle) }
        let answer = try XCTUnwrap(dlsym(handle, "breastai_extra_answer"))
        typealias Answer = @convention(c) () -> Int32
        XCTAssertEqual(unsafeBitCast(answer, to: Answer.self)(), 42)
        XCTAssertNotNil(dlsym(handle, "breastai_eval"), "entries are exported")
        XCTAssertNil(dlsym(handle, a.source.kernels[0].name), "kernel functions are hidden")
    }

    /// Each kernel sits in the unit of its number (`kernels_k016.c` holds k016 to k031), a
    /// backward kernel beside its forward kernel; kernels.h declares every kernel once.
    func testKernelsSitInTheUnitOfTheirNumber() throws {
        let a = try compileArtifact(ModelConfig(variant: .tiny), loss: .recipe)
        let units = Dictionary(uniqueKeysWithValues: a.source.kernelUnits.map { ($0.name, $0.text) })
        XCTAssertTrue(a.source.kernels.contains { $0.name.dropFirst(4).hasPrefix("b") }, "the tiny model has backward kernels")
        for k in a.source.kernels {
            let number = try XCTUnwrap(Int(k.name.dropFirst().prefix(3)), k.name)
            XCTAssertEqual(k.number, number, k.name)
            let name = String(format: "kernels_k%03d.c", number / CSource.numbersPerUnit * CSource.numbersPerUnit)
            XCTAssertTrue(units[name]?.contains("void \(k.name)(") == true, "\(k.name) is not in \(name)")
            XCTAssertEqual(units.values.filter { $0.contains("void \(k.name)(") }.count, 1, "\(k.name) is defined once")
            XCTAssertEqual(a.source.headerFile.components(separatedBy: "void \(k.name)(").count, 2, "\(k.name) is declared once")
        }
        for (name, text) in units { XCTAssertTrue(text.contains("#include \"kernels.h\""), name) }
        XCTAssertTrue(a.program.contains("#include \"kernels.h\""))
    }

    /// `write` removes kernel units an artifact no longer has (and the one-file layout's
    /// kernels.c), never a file of another name.
    func testWriteRemovesOnlyObsoleteKernelUnits() throws {
        let a = try evalArtifact()
        // A folder that holds no artifact yet: a `kernels.c` there is somebody's file and stays.
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let theirs = Data("/* their own kernels */\n".utf8)
        try theirs.write(to: directory.appendingPathComponent("kernels.c"))
        try a.write(to: directory)
        XCTAssertEqual(try Data(contentsOf: directory.appendingPathComponent("kernels.c")), theirs)
        // An artifact folder (its manifest is there now): units it no longer has go, nothing else.
        for name in ["kernels.c", "kernels_k992.c", "notes.c", "kernels_kx.c"] {
            try Data("/* old */\n".utf8).write(to: directory.appendingPathComponent(name))
        }
        try a.write(to: directory)
        let entries = Set(try FileManager.default.contentsOfDirectory(atPath: directory.path))
        XCTAssertFalse(entries.contains("kernels.c"))
        XCTAssertFalse(entries.contains("kernels_k992.c"))
        XCTAssertTrue(entries.isSuperset(of: ["notes.c", "kernels_kx.c"]))
        XCTAssertTrue(entries.isSuperset(of: a.sourceFiles.map(\.name)))
    }
}
