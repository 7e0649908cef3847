import Foundation
import Graph
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Artifact {
    /// File names inside an artifact directory (the kernel units are `kernels_kNNN.c`).
    public static let headerFile = CSource.headerName, programFile = CSource.programName, manifestFile = "manifest.json"
    public static let kernelTableFile = "kernels.json", buildRecordFile = BuildRecord.fileName
    /// The folder of compiled objects, one per unit, named by the SHA-256 of what it was compiled from.
    public static let objectsFolder = "objects"

    /// The C files of the artifact in write and hash order: kernels.h, the units (program.c last).
    public var sourceFiles: [CUnit] { source.files }

    /// `kernels.json`: every kernel of every program with its FLOPs and bytes, stable key order.
    public var kernelTableJSON: Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? e.encode(kernelTable)) ?? Data()
    }

    /// The manifest as JSON, with stable key order (so `generated/` diffs show real changes).
    public var manifestJSON: Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? e.encode(manifest)) ?? Data()
    }

    /// The hash a build record of these sources carries (`BuildRecord.sourcesHash`).
    public var sourcesHash: String {
        BuildRecord.sourcesHash(files: sourceFiles.map { ($0.name, Array($0.text.utf8)) }, manifest: manifestJSON)
    }

    /// Writes the C files (`sourceFiles`), manifest.json and kernels.json into `directory`
    /// (created if needed). Each file is replaced atomically; an unchanged file is left untouched.
    /// Kernel units this artifact no longer has (`kernels_kNNN.c`, or the `kernels.c` of the
    /// one-file layout) are removed: only names an artifact's own files have.
    ///
    /// A build record that does not describe these sources is removed first, so the library
    /// beside them counts as stale from the first byte written until `build` records a new one.
    public func write(to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Obsolete units are removed only from a folder that already held an artifact (a build
        // record or a BreastAI manifest): a `kernels.c` in any other folder is somebody's file.
        let heldArtifact = holdsArtifact(directory)
        let recordURL = directory.appendingPathComponent(Self.buildRecordFile)
        if FileManager.default.fileExists(atPath: recordURL.path),
           (try? Self.readRecord(in: directory))?.sourcesHash != sourcesHash {
            try removeFile(recordURL)
        }
        let files = sourceFiles.map { ($0.name, Data($0.text.utf8)) }
        for (name, data) in files + [(Self.manifestFile, manifestJSON), (Self.kernelTableFile, kernelTableJSON)] {
            let url = directory.appendingPathComponent(name)
            if (try? Data(contentsOf: url)) == data { continue }
            try writeFileDurably(data, to: url)
        }
        let current = Set(files.map(\.0))
        for entry in (heldArtifact ? try? FileManager.default.contentsOfDirectory(atPath: directory.path) : nil) ?? []
        where isKernelUnitName(entry) && !current.contains(entry) {
            try removeFile(directory.appendingPathComponent(entry))
        }
    }

    /// Compiles the written sources of `directory` into the shared library the manifest names,
    /// then writes the build record (`build.json`) last.
    ///
    /// The units compile in parallel (`jobs`, default one per available core, at most 8) into
    /// `objects/`, where an object whose unit, headers, compiler and flags did not change is
    /// reused instead of compiled (`Toolchain.buildSharedLibrary`); objects no longer used are
    /// removed after the link. The old record goes first and the linker writes a temporary file
    /// renamed over the library only on success, so an interruption at any point leaves no
    /// record that matches.
    @discardableResult
    public func build(in directory: URL, toolchain: Toolchain, jobs: Int = Toolchain.defaultJobs) throws -> Toolchain.BuildResult {
        let read = { (name: String) throws -> Data in
            let url = directory.appendingPathComponent(name)
            do { return try Data(contentsOf: url) } catch {
                throw CodegenError.artifact(path: url.path, problem: "cannot read it: \(error.localizedDescription)")
            }
        }
        let names = sourceFiles.map(\.name)
        let hash = BuildRecord.sourcesHash(files: try names.map { ($0, [UInt8](try read($0))) }, manifest: try read(Self.manifestFile))
        try removeFile(directory.appendingPathComponent(Self.buildRecordFile))
        let library = directory.appendingPathComponent(manifest.library)
        let result = try toolchain.buildSharedLibrary(units: source.units.map(\.name), headers: [Self.headerFile], in: directory,
                                                      output: library, objects: directory.appendingPathComponent(Self.objectsFolder),
                                                      jobs: jobs, prune: true)
        let record = BuildRecord(sources: names, sourcesHash: hash, library: manifest.library, libraryHash: BuildRecord.bytesHash(try read(manifest.library)),
                                 command: result.command, compiler: toolchain.compiler, compilerVersion: toolchain.version,
                                 flags: toolchain.recordedFlags(library: manifest.library), targetCPU: toolchain.targetCPU)
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try writeFileDurably(try e.encode(record), to: directory.appendingPathComponent(Self.buildRecordFile))
        return result
    }

    /// Why the library in `directory` is not what `toolchain` would build from these sources now,
    /// in a few words ("the sources changed"), or nil when it is current.
    public func staleReason(in directory: URL, toolchain: Toolchain) -> String? {
        let fm = FileManager.default
        guard fm.fileExists(atPath: directory.appendingPathComponent(Self.buildRecordFile).path) else {
            return fm.fileExists(atPath: directory.appendingPathComponent(manifest.library).path)
                ? "no build record (interrupted build, or built by an older version)" : "no library"
        }
        let record: BuildRecord
        do { record = try Self.readRecord(in: directory) } catch { return "unreadable build record (\(error))" }
        guard record.sourcesHash == sourcesHash else { return "the sources changed" }
        guard record.sources == sourceFiles.map(\.name) else { return "the source files changed" }
        for (name, data) in sourceFiles.map({ ($0.name, Data($0.text.utf8)) }) + [(Self.manifestFile, manifestJSON)] {
            if (try? Data(contentsOf: directory.appendingPathComponent(name))) != data {
                return "\(name) on disk differs from the sources the library was built from"
            }
        }
        guard record.library == manifest.library,
              let library = try? Data(contentsOf: directory.appendingPathComponent(manifest.library)) else { return "no library" }
        guard BuildRecord.bytesHash(library) == record.libraryHash else { return "the library differs from its build record" }
        guard record.compiler == toolchain.compiler, record.compilerVersion == toolchain.version else {
            return "the compiler changed (built with \(record.compilerVersion) at \(record.compiler), now \(toolchain.version) at \(toolchain.compiler))"
        }
        guard record.flags == toolchain.recordedFlags(library: manifest.library) else { return "the compiler flags changed" }
        guard record.targetCPU == toolchain.targetCPU else {
            let was = Toolchain.cpuName(record.targetCPU), now = Toolchain.cpuName(toolchain.targetCPU)
            return "built for another CPU (" + (was == now ? "\(was) with other features" : "\(was), this one is \(now)") + ")"
        }
        return nil
    }

    /// The build record of `directory`; throws when it is missing, unreadable or of another format.
    public static func readRecord(in directory: URL) throws -> BuildRecord {
        let url = directory.appendingPathComponent(buildRecordFile)
        let record: BuildRecord
        do {
            record = try JSONDecoder().decode(BuildRecord.self, from: Data(contentsOf: url))
        } catch {
            throw CodegenError.artifact(path: url.path, problem: "not a readable build record: \(error.localizedDescription)")
        }
        guard record.format == BuildRecord.currentFormat else {
            throw CodegenError.artifact(path: url.path, problem: "build record format \(record.format), expected \(BuildRecord.currentFormat)")
        }
        return record
    }
}

/// Returns a built artifact directory for `config`, compiling it when the directory has no
/// library, or its build record does not match what would be built now.
public func ensureArtifact(_ config: ModelConfig, phases: [Phase] = Phase.recipe, loss: LossAttrs, directory: URL,
                           options: EmitOptions = EmitOptions(), rebuild: Bool = false, toolchain: Toolchain? = nil,
                           log: (String) -> Void = { print($0) }) throws -> URL {
    let artifact = try compileArtifact(config, phases: phases, loss: loss, options: options)
    return try ensureArtifact(artifact, directory: directory, rebuild: rebuild, toolchain: toolchain, log: log)
}

/// Returns `directory` holding `artifact` built by `toolchain` (detected when nil).
///
/// The library is reused only when the build record matches these sources (hashed in memory),
/// the files on disk, the library, the compiler (path and `--version`), its flags and the CPU
/// `-march=native` resolves to; otherwise it is rebuilt and `log` says why in one line. Only a
/// new or empty folder, or one holding an artifact, is written to (`checkArtifactDirectory`).
public func ensureArtifact(_ artifact: Artifact, directory: URL, rebuild: Bool = false, toolchain: Toolchain? = nil,
                           log: (String) -> Void = { print($0) }) throws -> URL {
    let toolchain = try toolchain ?? Toolchain.detect()
    let library = directory.appendingPathComponent(artifact.manifest.library)
    let fresh = try checkArtifactDirectory(directory, option: "the artifact (--artifact)", library: artifact.manifest.library)
    let reason = rebuild ? "rebuild requested" : artifact.staleReason(in: directory, toolchain: toolchain)
    guard let reason else { return directory }
    removeArtifactLeftovers(in: directory, library: artifact.manifest.library)
    if fresh {
        log("compiling \(artifact.config.backbone.name) into \(directory.path) with \(toolchain.description) ...")
    } else {
        log("rebuilding \(directory.path): \(reason)")
    }
    try artifact.write(to: directory)
    let result = try artifact.build(in: directory, toolchain: toolchain)
    log(String(format: "built %@ in %.1f s: %@", library.path, result.seconds, result.summary))
    return directory
}

/// The names an artifact folder's own files have (besides its kernel units and extra units).
private let artifactFileNames: Set<String> = [Artifact.headerFile, Artifact.programFile, Artifact.manifestFile,
                                              Artifact.kernelTableFile, Artifact.buildRecordFile, Artifact.objectsFolder]

/// `kernels_kNNN.c` (a kernel unit) or `kernels.c` (the one-file layout before units).
func isKernelUnitName(_ name: String) -> Bool {
    if name == "kernels.c" { return true }
    guard name.hasPrefix("kernels_k"), name.hasSuffix(".c") else { return false }
    let digits = name.dropFirst(9).dropLast(2)
    return digits.count >= 3 && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
}

/// Whether `name` is one of an artifact's own files (`library` included) or a temporary one of them.
private func isArtifactFileName(_ name: String, library: String) -> Bool {
    let names = artifactFileNames.union([library])
    if names.contains(name) || isKernelUnitName(name) { return true }
    guard name.hasPrefix("."), let range = name.range(of: ".tmp-") else { return false }
    let base = String(name[name.index(after: name.startIndex)..<range.lowerBound])
    return names.contains(base) || isKernelUnitName(base)
}

/// Whether `directory` holds an artifact this program wrote: a readable build record or a
/// BreastAI manifest (any format).
func holdsArtifact(_ directory: URL) -> Bool {
    if (try? Artifact.readRecord(in: directory)) != nil { return true }
    struct ManifestProbe: Decodable { var format: Int; var library: String; var io_slots: [String] }
    guard let data = try? Data(contentsOf: directory.appendingPathComponent(Artifact.manifestFile)) else { return false }
    return (try? JSONDecoder().decode(ManifestProbe.self, from: data)) != nil
}

/// Checks that the program may write an artifact into `directory`; returns true when the folder
/// is new or empty (nothing to replace).
///
/// Allowed: a missing or empty folder, or one that holds an artifact — a readable build record,
/// a BreastAI manifest, or only files with an artifact's names (an interrupted first build).
/// Anything else throws one line naming the folder and `option`. Files there that are not the
/// artifact's own are never touched.
@discardableResult
public func checkArtifactDirectory(_ directory: URL, option: String, library: String = "libbreastai.so") throws -> Bool {
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    guard fm.fileExists(atPath: directory.path, isDirectory: &isDirectory) else { return true }
    guard isDirectory.boolValue else {
        throw CodegenError.artifact(path: directory.path, problem: "is a file; \(option) must be a folder")
    }
    let entries: [String]
    do { entries = try fm.contentsOfDirectory(atPath: directory.path) } catch {
        throw CodegenError.artifact(path: directory.path, problem: "cannot list it: \(error.localizedDescription)")
    }
    if entries.isEmpty { return true }
    if holdsArtifact(directory) { return false }
    let own = entries.allSatisfy { isArtifactFileName($0, library: library) }
    if own { return false }
    throw CodegenError.artifact(path: directory.path, problem: "is not empty (\(entries.count) entries) and holds no BreastAI artifact "
        + "(no manifest.json or build.json); refusing to write into it: choose a new or empty folder for \(option)")
}

/// Removes temporary files a killed build left in `directory`: `.<artifact file>.tmp-<pid>-<n>`
/// whose writer process no longer runs. Nothing else is touched.
func removeArtifactLeftovers(in directory: URL, library: String) {
    for entry in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] {
        guard entry.hasPrefix("."), let range = entry.range(of: ".tmp-"), isArtifactFileName(entry, library: library) else { continue }
        let tail = entry[range.upperBound...].split(separator: "-")
        guard tail.count == 2, let pid = Int32(tail[0]), UInt32(tail[1]) != nil, pid > 0 else { continue }
        if kill(pid, 0) != 0 && errno == ESRCH { _ = unlink(directory.appendingPathComponent(entry).path) }
    }
}

/// Writes `data` to a temporary file beside `url`, fsyncs it, renames it over `url` and fsyncs
/// the folder, so a reader sees the old file or the whole new one.
func writeFileDurably(_ data: Data, to url: URL) throws {
    let path = url.path, directory = url.deletingLastPathComponent().path
    func fail(_ what: String) -> CodegenError {
        .artifact(path: path, problem: "\(what): \(String(cString: strerror(errno)))")
    }
    let temporary = "\(directory)/.\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw fail("cannot create \(temporary)") }
    var renamed = false
    defer { if !renamed { _ = unlink(temporary) } }
    let written: Bool = data.withUnsafeBytes { raw in
        var done = 0
        while done < raw.count {
            let n = write(fd, raw.baseAddress! + done, raw.count - done)
            if n < 0 { if errno == EINTR { continue }; return false }
            done += n
        }
        return true
    }
    guard written, fsync(fd) == 0 else { let error = fail("cannot write \(temporary)"); _ = close(fd); throw error }
    guard close(fd) == 0 else { throw fail("cannot close \(temporary)") }
    guard rename(temporary, path) == 0 else { throw fail("cannot rename \(temporary) over it") }
    renamed = true
    let dfd = open(directory, O_RDONLY | O_CLOEXEC)
    if dfd >= 0 { _ = fsync(dfd); _ = close(dfd) }
}

/// Removes the file at `url` if it is there.
func removeFile(_ url: URL) throws {
    guard unlink(url.path) == 0 || errno == ENOENT else {
        throw CodegenError.artifact(path: url.path, problem: "cannot remove it: \(String(cString: strerror(errno)))")
    }
}
