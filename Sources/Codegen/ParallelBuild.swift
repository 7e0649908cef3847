import Foundation
import Formats
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Toolchain {
    /// What a build from several translation units did.
    public struct BuildResult: Hashable, Sendable {
        /// Every command of the build, shell-quoted and joined by ` && `, starting with `cd` into
        /// the artifact folder: run it to rebuild the library from nothing.
        public var command: String
        /// The link command alone (the last of `command`).
        public var linkCommand: String
        /// Wall-clock time of the whole build (compiles and link).
        public var seconds: Double
        /// Everything the compilers printed on success; empty when they were silent.
        public var warnings: String
        /// The units, in link order, and the ones compiled this time (the others reused an object).
        public var units: [String]
        public var compiled: [String]
        /// How many compilers ran at once.
        public var jobs: Int

        /// One line for logs: `compiled 3 of 19 units (2 jobs), reused 16 objects`.
        public var summary: String {
            "compiled \(compiled.count) of \(units.count) units" + (compiled.isEmpty ? "" : jobs == 1 ? " (1 job)" : " (\(jobs) jobs)")
                + ", reused \(units.count - compiled.count) objects"
        }
    }

    /// The arguments after the compiler that turn one unit into an object (`-c`, no link flags).
    func objectArguments(source: String, output: String, warningsAsErrors: Bool) -> [String] {
        var args = compilerArguments + Toolchain.baseFlags.filter { $0 != "-shared" }
        if warningsAsErrors { args.append("-Werror") }
        args += ["-I" + blasIncludeDirectory]
        if let dir = openMPIncludeDirectory { args += ["-idirafter", dir] }
        return args + ["-c", source, "-o", output]
    }

    /// The arguments after the compiler that link `objects` into the shared library `output`
    /// (the same libraries, rpaths and checks as `arguments(sources:output:)`).
    func linkArguments(objects: [String], output: String) -> [String] {
        var args = compilerArguments + Toolchain.baseFlags.filter { $0.hasPrefix("-O") || $0.hasPrefix("-m") || $0.hasPrefix("-f") || $0 == "-shared" }
        args += objects + ["-o", output]
        args += ["-L" + blasLibraryDirectory, "-Wl,-rpath," + blasLibraryDirectory]
        if let dir = openMPLibraryDirectory { args += ["-L" + dir, "-Wl,-rpath," + dir] }
        args += ["-Wl,--disable-new-dtags", "-Wl,--no-undefined", "-lopenblas", "-lm"]
        return args
    }

    /// The CPUs this process may run on (its affinity mask: `taskset`, cgroup cpusets), at least 1.
    public static func availableCores() -> Int {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") }) {
            let count = line.dropFirst("Cpus_allowed:".count).filter(\.isHexDigit)
                .reduce(0) { $0 + (Int(String($1), radix: 16) ?? 0).nonzeroBitCount }
            if count > 0 { return count }
        }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Compilers run at once by default: one per available core, at most 8 (each gcc -O3 of a
    /// unit holds a few hundred MB).
    public static var defaultJobs: Int { min(availableCores(), 8) }

    /// The object-cache key of one unit: SHA-256 of everything the object depends on — the
    /// compiler (path, version, the CPU `-march=native` resolves to), the object's arguments,
    /// the unit's name and text and the text of every header it may include.
    func objectKey(unit: String, text: Data, headers: [(name: String, text: Data)], warningsAsErrors: Bool) -> String {
        var message = Data()
        func add(_ s: String) { add(Data(s.utf8)) }
        func add(_ d: Data) { message.append(contentsOf: withUnsafeBytes(of: UInt64(d.count).littleEndian, Array.init)); message.append(d) }
        add("breastai-object-1")
        add(compiler); add(version); add(targetCPU)
        for a in objectArguments(source: unit, output: "unit.o", warningsAsErrors: warningsAsErrors) { add(a) }
        add(unit); add(text)
        for h in headers { add(h.name); add(h.text) }
        return SHA256.hex(message)
    }

    /// Builds the shared library `output` from the translation units `units` (file names in
    /// `directory`), compiling up to `jobs` of them at once and reusing the object of every unit
    /// whose key (`objectKey`: compiler, flags, the unit's text, the `headers`) is already in
    /// `objects`.
    ///
    /// Objects are written under a temporary name, fsynced and renamed to `<key>.o`, so a
    /// concurrent build or a killed one never leaves a partial object under a key. The library
    /// is linked to a temporary file renamed over `output` only on success. With `prune`, the
    /// `<key>.o` files of `objects` this build did not use (an older version's) are removed
    /// afterwards, and temporary objects of processes that no longer run; nothing else there is
    /// touched. Throws `CodegenError.compileFailed` with the failing command and its output.
    public func buildSharedLibrary(units: [String], headers: [String], in directory: URL, output: URL, objects: URL,
                                   jobs: Int = Toolchain.defaultJobs, prune: Bool = false,
                                   warningsAsErrors: Bool = true) throws -> BuildResult {
        let start = DispatchTime.now().uptimeNanoseconds
        func read(_ name: String) throws -> Data {
            let url = directory.appendingPathComponent(name)
            do { return try Data(contentsOf: url) } catch {
                throw CodegenError.artifact(path: url.path, problem: "cannot read it: \(error.localizedDescription)")
            }
        }
        let headerTexts = try headers.map { ($0, try read($0)) }
        let texts = try units.map { try read($0) }
        let keys = zip(units, texts).map { objectKey(unit: $0, text: $1, headers: headerTexts, warningsAsErrors: warningsAsErrors) }
        do { try FileManager.default.createDirectory(at: objects, withIntermediateDirectories: true) } catch {
            throw CodegenError.artifact(path: objects.path, problem: "cannot create the object folder: \(error.localizedDescription)")
        }
        let objectPaths = keys.map { objects.appendingPathComponent("\($0).o").path }
        func quoted(_ args: [String]) -> String { ([compiler] + args).map(Toolchain.shellQuoted).joined(separator: " ") }
        let compileCommands = zip(units, objectPaths).map { quoted(objectArguments(source: $0, output: $1, warningsAsErrors: warningsAsErrors)) }

        // Longest first, so the last unit to start is a short one.
        let todo = units.indices.filter { !Toolchain.isObject(objectPaths[$0]) }.sorted { (texts[$0].count, $1) > (texts[$1].count, $0) }
        let jobs = max(1, min(jobs, todo.count))  // 1 when nothing is compiled
        let state = BuildState()
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            while let i = state.next(todo) {
                let temporary = objects.appendingPathComponent(".\(keys[i]).o.tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))").path
                defer { _ = unlink(temporary) }
                let args = objectArguments(source: units[i], output: temporary, warningsAsErrors: warningsAsErrors)
                let outcome: (status: Int32, output: String)
                do { outcome = try Toolchain.run(compiler, args, in: directory) } catch {
                    state.fail(.compileFailed(command: compileCommands[i], output: "cannot run \(compiler): \(error)")); continue
                }
                let printed = outcome.output.replacingOccurrences(of: temporary, with: objectPaths[i])
                guard outcome.status == 0, Toolchain.isObject(temporary) else {
                    state.fail(.compileFailed(command: "cd \(Toolchain.shellQuoted(directory.path)) && " + compileCommands[i],
                                              output: printed.isEmpty ? "(the compiler exited with status 0 but wrote no object)" : printed))
                    continue
                }
                let fd = open(temporary, O_RDONLY | O_CLOEXEC)
                if fd >= 0 { _ = fsync(fd); _ = close(fd) }
                guard rename(temporary, objectPaths[i]) == 0 else {
                    state.fail(.compileFailed(command: compileCommands[i],
                                              output: "cannot rename \(temporary) to \(objectPaths[i]): \(String(cString: strerror(errno)))"))
                    continue
                }
                state.done(printed)
            }
        }
        if let error = state.error { throw error }

        // Link: to a temporary file beside `output`, renamed over it on success.
        let temporary = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))").path
        defer { _ = unlink(temporary) }
        let linkCommand = quoted(linkArguments(objects: objectPaths, output: output.path))
        let linked: (status: Int32, output: String)
        do { linked = try Toolchain.run(compiler, linkArguments(objects: objectPaths, output: temporary)) } catch {
            throw CodegenError.compileFailed(command: linkCommand, output: "cannot run \(compiler): \(error)")
        }
        let printed = linked.output.replacingOccurrences(of: temporary, with: output.path)
        guard linked.status == 0, FileManager.default.fileExists(atPath: temporary) else {
            throw CodegenError.compileFailed(command: linkCommand, output: printed.isEmpty ? "(the linker wrote no library)" : printed)
        }
        let fd = open(temporary, O_RDONLY | O_CLOEXEC)
        if fd >= 0 { _ = fsync(fd); _ = close(fd) }
        guard rename(temporary, output.path) == 0 else {
            throw CodegenError.compileFailed(command: linkCommand,
                                             output: "cannot rename \(temporary) to \(output.path): \(String(cString: strerror(errno)))")
        }
        if prune { Toolchain.pruneObjects(in: objects, keeping: Set(objectPaths.map { URL(fileURLWithPath: $0).lastPathComponent })) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let all = ["cd " + Toolchain.shellQuoted(directory.path)] + compileCommands + [linkCommand]
        return BuildResult(command: all.joined(separator: " && "), linkCommand: linkCommand, seconds: seconds,
                           warnings: (state.printed + [printed]).filter { !$0.isEmpty }.joined(separator: "\n"),
                           units: units, compiled: todo.sorted().map { units[$0] }, jobs: jobs)
    }

    /// True when `path` is a non-empty regular file (a finished object).
    static func isObject(_ path: String) -> Bool {
        var s = stat()
        return stat(path, &s) == 0 && (s.st_mode & S_IFMT) == S_IFREG && s.st_size > 0
    }

    /// Whether `name` is an object this build names: 64 hex digits and `.o`.
    static func isObjectName(_ name: String) -> Bool {
        name.count == 66 && name.hasSuffix(".o") && name.dropLast(2).allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    /// Removes from `directory` the objects (`<64 hex>.o`) not in `keeping`, and temporary
    /// objects (`.<64 hex>.o.tmp-<pid>-<n>`) whose process no longer runs. Nothing else.
    static func pruneObjects(in directory: URL, keeping: Set<String>) {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] {
            let path = directory.appendingPathComponent(entry).path
            if isObjectName(entry) {
                if !keeping.contains(entry) { _ = unlink(path) }
            } else if entry.hasPrefix("."), isObjectName(String(entry.dropFirst().prefix(66))) {
                let rest = entry.dropFirst(67), tail = rest.dropFirst(5).split(separator: "-")
                guard rest.hasPrefix(".tmp-"), tail.count == 2, let pid = Int32(tail[0]), pid > 0, UInt32(tail[1]) != nil else { continue }
                if kill(pid, 0) != 0 && errno == ESRCH { _ = unlink(path) }
            }
        }
    }
}

/// The shared state of the compile workers: the next unit to take, the first failure, and what
/// the compilers printed.
private final class BuildState: @unchecked Sendable {
    private let lock = NSLock()
    private var position = 0
    private(set) var error: CodegenError?
    private(set) var printed: [String] = []

    /// The next unit of `order` to compile, or nil when all are taken or one failed.
    func next(_ order: [Int]) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard error == nil, position < order.count else { return nil }
        position += 1
        return order[position - 1]
    }

    func fail(_ e: CodegenError) { lock.lock(); if error == nil { error = e }; lock.unlock() }
    func done(_ output: String) { lock.lock(); if !output.isEmpty { printed.append(output) }; lock.unlock() }
}
