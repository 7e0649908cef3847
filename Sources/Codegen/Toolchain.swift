import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C compiler, OpenMP and OpenBLAS (OpenMP build) that turn emitted C into an artifact's library.
///
/// `detect()` picks the compiler — `$CC` if set, else `gcc`, else `clang` (with libomp-dev) — and
/// proves it by compiling a probe that uses OpenMP and `cblas_sgemm`. OpenBLAS is linked from the
/// directory of its OpenMP variant with an rpath (`-L<dir> -Wl,-rpath,<dir> -lopenblas`), so the
/// library gets the OpenMP build whatever `update-alternatives` says: BLAS threads and kernel
/// threads are then one OpenMP pool.
///
/// Environment overrides (for systems without Debian's layout): `BREASTAI_OPENBLAS_LIB` (directory
/// holding `libopenblas.so` built with OpenMP) and `BREASTAI_OPENBLAS_INCLUDE` (directory holding
/// its `cblas.h`).
public struct Toolchain: CustomStringConvertible, Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case gcc, clang }

    /// What one compilation did.
    public struct CompileResult: Hashable, Sendable {
        /// The command line, shell-quoted, naming the final output path: run it to rebuild the library.
        public var command: String
        /// Wall-clock time of the compiler run.
        public var seconds: Double
        /// Everything the compiler printed (warnings) on success; empty when it was silent.
        public var warnings: String
    }

    /// Absolute path of the compiler executable.
    public var compiler: String
    /// Words that followed the compiler in `$CC` (for example `CC="gcc -m64"`), passed first.
    public var compilerArguments: [String]
    public var kind: Kind
    /// The first line of `compiler --version`.
    public var version: String
    /// The version number alone ("12.2.0"), parsed from `version`.
    public var versionNumber: String
    /// Where the compiler came from: "$CC" or "PATH".
    public var origin: String
    /// Directory holding the OpenMP build of `libopenblas.so`.
    public var blasLibraryDirectory: String
    /// Directory holding that build's `cblas.h`.
    public var blasIncludeDirectory: String
    /// For clang: libomp-dev's directory holding `omp.h` (searched after the compiler's own headers).
    public var openMPIncludeDirectory: String?
    /// For clang: libomp-dev's directory holding `libomp.so`.
    public var openMPLibraryDirectory: String?
    /// What `-march=native` resolves to for this compiler on this machine (`resolveTargetCPU()`),
    /// recorded with every artifact so a library built for another CPU is rebuilt.
    public var targetCPU: String = ""

    /// Optimisation, code-generation and warning flags, before `-Werror`. `-fno-math-errno`: the
    /// kernels never read errno, and with it sqrtf is one instruction instead of a branch to libm
    /// for negative inputs, which kept loops with a square root (AdamW's) from vectorising; the
    /// results are the same IEEE square roots.
    public static let baseFlags = ["-O3", "-march=native", "-fopenmp", "-fPIC", "-shared", "-std=c11", "-fno-math-errno",
                                   "-Wall", "-Wextra"]

    public var description: String {
        let openMP = openMPLibraryDirectory.map { "OpenMP (libomp at \($0))" } ?? "OpenMP"
        return "\(kind.rawValue) \(versionNumber) (\(compiler)), \(openMP), OpenBLAS openmp at \(blasLibraryDirectory)"
    }

    // MARK: - Compiling

    /// The arguments after the compiler for one compilation, in order.
    public func arguments(sources: [URL], output: URL, extraFlags: [String] = [], warningsAsErrors: Bool = true) -> [String] {
        arguments(sources: sources.map(\.path), output: output.path, extraFlags: extraFlags, warningsAsErrors: warningsAsErrors)
    }

    func arguments(sources: [String], output: String, extraFlags: [String], warningsAsErrors: Bool) -> [String] {
        var args = compilerArguments + Toolchain.baseFlags
        if warningsAsErrors { args.append("-Werror") }
        args += ["-I" + blasIncludeDirectory]
        if let dir = openMPIncludeDirectory { args += ["-idirafter", dir] }
        args += extraFlags
        args += sources
        args += ["-o", output]
        args += ["-L" + blasLibraryDirectory, "-Wl,-rpath," + blasLibraryDirectory]
        if let dir = openMPLibraryDirectory { args += ["-L" + dir, "-Wl,-rpath," + dir] }
        // DT_RPATH (not RUNPATH) so LD_LIBRARY_PATH cannot swap in the pthread build; --no-undefined
        // turns a call to a missing function into a link error instead of a dlopen failure.
        args += ["-Wl,--disable-new-dtags", "-Wl,--no-undefined", "-lopenblas", "-lm"]
        return args
    }

    /// The arguments of an artifact's build with its paths as bare file names: one unit's object
    /// (`unit.c` to `unit.o`), `--`, then the link into `library`. What a build record keeps, so
    /// moving the artifact does not make it stale.
    public func recordedFlags(library: String) -> [String] {
        objectArguments(source: "unit.c", output: "unit.o", warningsAsErrors: true) + ["--"]
            + linkArguments(objects: ["unit.o"], output: library)
    }

    /// The shell command line for one compilation.
    public func commandLine(sources: [URL], output: URL, extraFlags: [String] = [], warningsAsErrors: Bool = true) -> String {
        ([compiler] + arguments(sources: sources, output: output, extraFlags: extraFlags, warningsAsErrors: warningsAsErrors))
            .map(Toolchain.shellQuoted).joined(separator: " ")
    }

    /// Compiles `sources` into the shared library `output`.
    ///
    /// The compiler writes a temporary file beside `output`, renamed over it only on success, so
    /// `output` is never a half-written library. Throws `CodegenError.compileFailed` with the
    /// command line and the compiler's output.
    public func compileSharedLibrary(sources: [URL], output: URL, extraFlags: [String] = [],
                                     warningsAsErrors: Bool = true) throws -> CompileResult {
        let command = commandLine(sources: sources, output: output, extraFlags: extraFlags, warningsAsErrors: warningsAsErrors)
        let directory = output.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CodegenError.compileFailed(command: command, output: "output directory \(directory) does not exist")
        }
        let temporary = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))").path
        defer { _ = unlink(temporary) }  // nothing left behind on failure; a no-op after the rename

        let args = arguments(sources: sources.map(\.path), output: temporary, extraFlags: extraFlags,
                             warningsAsErrors: warningsAsErrors)
        let start = DispatchTime.now().uptimeNanoseconds
        let result: (status: Int32, output: String)
        do {
            result = try Toolchain.run(compiler, args)
        } catch {
            throw CodegenError.compileFailed(command: command, output: "cannot run \(compiler): \(error)")
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        // Reported output names the final path, not the temporary one.
        let printed = result.output.replacingOccurrences(of: temporary, with: output.path)
        guard result.status == 0 else {
            throw CodegenError.compileFailed(command: command, output: printed)
        }
        guard FileManager.default.fileExists(atPath: temporary) else {
            throw CodegenError.compileFailed(command: command, output: printed + "\n(the compiler exited with status 0 but wrote no library)")
        }
        // On disk before the rename, so the name never points at a library a crash could truncate.
        let fd = open(temporary, O_RDONLY | O_CLOEXEC)
        if fd >= 0 { _ = fsync(fd); _ = close(fd) }
        guard rename(temporary, output.path) == 0 else {
            throw CodegenError.compileFailed(
                command: command, output: "cannot rename \(temporary) to \(output.path): \(String(cString: strerror(errno)))")
        }
        return CompileResult(command: command, seconds: seconds, warnings: printed)
    }

    // MARK: - Detection

    /// Finds and checks the compiler, OpenMP and the OpenMP build of OpenBLAS.
    ///
    /// Throws `CodegenError.toolchain` naming what is missing and the package that provides it.
    public static func detect(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Toolchain {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let blas = try locateOpenBLAS(environment: environment)

        var candidates: [(executable: String, arguments: [String], origin: String)] = []
        if let cc = environment["CC"], !cc.trimmingCharacters(in: .whitespaces).isEmpty {
            let words = cc.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let executable = findExecutable(words[0], path: path) else {
                throw CodegenError.toolchain(
                    "CC=\(cc): no such executable; set CC to a C compiler with OpenMP support (for example CC=gcc) or unset it")
            }
            candidates = [(executable, Array(words.dropFirst()), "$CC")]
        } else {
            for name in ["gcc", "clang"] {
                if let executable = findExecutable(name, path: path) { candidates.append((executable, [], "PATH")) }
            }
            guard !candidates.isEmpty else {
                throw CodegenError.toolchain(
                    "no C compiler found: CC is not set and neither gcc nor clang is on PATH; install gcc (apt-get install gcc) or set CC")
            }
        }

        // $CC is the only candidate when set; otherwise gcc, then clang if gcc cannot do the job.
        var failures: [CodegenError] = []
        for candidate in candidates {
            do {
                return try probe(executable: candidate.executable, arguments: candidate.arguments,
                                 origin: candidate.origin, blas: blas)
            } catch let error as CodegenError {
                failures.append(error)
            }
        }
        if failures.count == 1 { throw failures[0] }
        throw CodegenError.toolchain(failures.map { "\($0)".replacingOccurrences(of: "toolchain: ", with: "") }
            .joined(separator: "; "))
    }

    /// Builds a toolchain for one compiler and proves it by compiling the OpenMP + OpenBLAS probe.
    static func probe(executable: String, arguments: [String], origin: String,
                      blas: (lib: String, include: String)) throws -> Toolchain {
        let shown = origin == "$CC" ? "CC=\(([executable] + arguments).joined(separator: " "))" : executable
        let versionRun: (status: Int32, output: String)
        do {
            versionRun = try run(executable, arguments + ["--version"])
        } catch {
            throw CodegenError.toolchain("\(shown): cannot run it: \(error)")
        }
        let firstLine = versionRun.output.split(separator: "\n").first.map(String.init) ?? ""
        guard versionRun.status == 0, !firstLine.isEmpty else {
            throw CodegenError.toolchain("\(shown): `--version` failed; is it a C compiler? (\(firstLine))")
        }
        // The predefined macros tell gcc from clang (clang defines __GNUC__ too) and from non-compilers.
        let macros = (try? run(executable, arguments + ["-dM", "-E", "-x", "c", "/dev/null"]))?.output ?? ""
        let kind: Kind
        if macros.contains("#define __clang__ ") {
            kind = .clang
        } else if macros.contains("#define __GNUC__ ") {
            kind = .gcc
        } else {
            throw CodegenError.toolchain("\(shown) is not gcc or clang (it predefines neither __GNUC__ nor __clang__; "
                + "its --version says: \(firstLine)); set CC=gcc")
        }

        var toolchain = Toolchain(
            compiler: executable, compilerArguments: arguments, kind: kind, version: firstLine,
            versionNumber: parseVersionNumber(firstLine, kind: kind), origin: origin,
            blasLibraryDirectory: blas.lib, blasIncludeDirectory: blas.include,
            openMPIncludeDirectory: nil, openMPLibraryDirectory: nil)
        if kind == .clang, let libomp = locateLibOMP() {
            toolchain.openMPIncludeDirectory = libomp.include
            toolchain.openMPLibraryDirectory = libomp.lib
        }
        toolchain.targetCPU = toolchain.resolveTargetCPU()

        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("breastai-toolchain-\(getpid())-\(UInt32.random(in: 0 ... .max))")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        func attempt(_ source: String, name: String) -> CodegenError? {
            let file = directory.appendingPathComponent("\(name).c")
            do {
                try source.write(to: file, atomically: true, encoding: .utf8)
                _ = try toolchain.compileSharedLibrary(
                    sources: [file], output: directory.appendingPathComponent("lib\(name).so"), warningsAsErrors: false)
                return nil
            } catch let error as CodegenError {
                return error
            } catch {
                return .toolchain("cannot write probe \(file.path): \(error)")
            }
        }

        guard let failure = attempt(probeSource, name: "probe") else { return toolchain }
        // Tell OpenMP trouble from OpenBLAS trouble.
        let firstError: String
        if case .compileFailed(_, let output) = failure {
            let lines = output.split(separator: "\n").map(String.init)
            let summaries = ["collect2:", "ld returned", "linker command failed"]
            firstError = lines.first(where: { line in
                ["error:", "undefined reference", "cannot find", "No such file"].contains(where: line.contains)
                    && !summaries.contains(where: line.contains)
            }) ?? lines.first ?? ""
        } else {
            firstError = "\(failure)"
        }
        if attempt(openMPProbeSource, name: "probe_omp") != nil {
            let install = kind == .clang
                ? "install libomp-dev (apt-get install libomp-dev) or use gcc (CC=gcc)"
                : "install gcc's OpenMP runtime (apt-get install gcc libgomp1)"
            throw CodegenError.toolchain("\(shown) cannot compile an OpenMP program with -fopenmp: \(install) [\(firstError)]")
        }
        throw CodegenError.toolchain(
            "\(shown) compiles OpenMP but cannot build against OpenBLAS (OpenMP build) in \(blas.lib): "
            + "install libopenblas-openmp-dev (apt-get install libopenblas-openmp-dev) [\(firstError)]")
    }

    /// A probe using everything an artifact uses: OpenMP pragmas and runtime calls, and `cblas_sgemm`.
    static let probeSource = """
        #include <omp.h>
        #include <cblas.h>
        int breastai_probe(float *c) {
            const float a[4] = {1, 2, 3, 4}, b[4] = {5, 6, 7, 8};
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 2, 2, 2, 1.0f, a, 2, b, 2, 0.0f, c, 2);
            int n = 0;
            #pragma omp parallel for reduction(+:n)
            for (int i = 0; i < 64; i++) n += 1;
            return n + omp_get_max_threads();
        }

        """

    /// The OpenMP half of the probe, to say which half failed.
    static let openMPProbeSource = """
        #include <omp.h>
        int breastai_probe_omp(void) {
            int n = 0;
            #pragma omp parallel for reduction(+:n)
            for (int i = 0; i < 64; i++) n += 1;
            return n + omp_get_max_threads();
        }

        """

    /// The OpenMP build of OpenBLAS: Debian's `openblas-openmp` directories unless overridden.
    static func locateOpenBLAS(environment: [String: String]) throws -> (lib: String, include: String) {
        let fm = FileManager.default
        let triplet = multiarchTriplet()
        let lib = environment["BREASTAI_OPENBLAS_LIB"] ?? "/usr/lib/\(triplet)/openblas-openmp"
        let include = environment["BREASTAI_OPENBLAS_INCLUDE"] ?? "/usr/include/\(triplet)/openblas-openmp"
        let install = "install libopenblas-openmp-dev (apt-get install libopenblas-openmp-dev)"
        guard fm.fileExists(atPath: lib + "/libopenblas.so") else {
            var note = ""
            if fm.fileExists(atPath: lib + "/libopenblas.so.0") {
                note = " (the runtime library is there but not the development files)"
            } else if environment["BREASTAI_OPENBLAS_LIB"] == nil,
                      fm.fileExists(atPath: "/usr/lib/\(triplet)/openblas-pthread/libopenblas.so.0") {
                note = " (only the pthread build is installed; BreastAI needs the OpenMP build so BLAS and kernel threads share one pool)"
            }
            throw CodegenError.toolchain("OpenBLAS built with OpenMP not found: no \(lib)/libopenblas.so\(note); \(install)"
                + " or set BREASTAI_OPENBLAS_LIB")
        }
        guard fm.fileExists(atPath: include + "/cblas.h") else {
            throw CodegenError.toolchain("OpenBLAS (OpenMP build) header not found: no \(include)/cblas.h; \(install)"
                + " or set BREASTAI_OPENBLAS_INCLUDE")
        }
        return (lib, include)
    }

    /// libomp-dev's directories for clang: the newest `/usr/lib/llvm-N` holding `libomp.so` and `omp.h`.
    static func locateLibOMP() -> (lib: String, include: String)? {
        let fm = FileManager.default
        let versions = ((try? fm.contentsOfDirectory(atPath: "/usr/lib")) ?? [])
            .filter { $0.hasPrefix("llvm-") }
            .sorted { (Int($0.dropFirst(5)) ?? 0) > (Int($1.dropFirst(5)) ?? 0) }
        for name in versions {
            let lib = "/usr/lib/\(name)/lib"
            guard fm.fileExists(atPath: lib + "/libomp.so") else { continue }
            let clangDir = lib + "/clang"
            for version in ((try? fm.contentsOfDirectory(atPath: clangDir)) ?? []).sorted(by: >) {
                let include = "\(clangDir)/\(version)/include"
                if fm.fileExists(atPath: include + "/omp.h") { return (lib, include) }
            }
        }
        return nil
    }

    static func multiarchTriplet() -> String {
        var name = utsname()
        uname(&name)
        let machine = withUnsafeBytes(of: &name.machine) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        switch machine {
        case "x86_64": return "x86_64-linux-gnu"
        case "aarch64", "arm64": return "aarch64-linux-gnu"
        default: return "\(machine)-linux-gnu"
        }
    }

    static func parseVersionNumber(_ line: String, kind: Kind) -> String {
        let words = line.split(separator: " ").map(String.init)
        let looksLikeVersion: (String) -> Bool = { $0.first?.isNumber == true && $0.contains(".") }
        if kind == .clang, let i = words.firstIndex(of: "version"), i + 1 < words.count { return words[i + 1] }
        return words.last(where: looksLikeVersion) ?? words.first(where: looksLikeVersion) ?? line
    }

    /// `name` if it contains a slash and is executable, else its first executable match on `path`.
    static func findExecutable(_ name: String, path: String) -> String? {
        let fm = FileManager.default
        if name.contains("/") {
            var isDirectory: ObjCBool = false
            let exists = fm.fileExists(atPath: name, isDirectory: &isDirectory)
            return exists && !isDirectory.boolValue && fm.isExecutableFile(atPath: name) ? name : nil
        }
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
               fm.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }

    /// Runs a program to completion (in `directory` when given); stdout and stderr together, in
    /// the order printed.
    static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var output = String(decoding: data, as: UTF8.self)
        if process.terminationReason == .uncaughtSignal {
            output += "\n(killed by signal \(process.terminationStatus))"
            return (max(1, process.terminationStatus), output)
        }
        return (process.terminationStatus, output)
    }

    /// `word` as a POSIX shell reads it back.
    public static func shellQuoted(_ word: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_@%+=:,./-")
        if !word.isEmpty && word.allSatisfy({ safe.contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
