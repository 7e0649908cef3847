import Foundation
import Graph

extension Artifact {
    /// File names inside an artifact directory.
    public static let kernelsFile = "kernels.c", programFile = "program.c", manifestFile = "manifest.json"
    public static let kernelTableFile = "kernels.json"

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

    /// Writes kernels.c, program.c and manifest.json into `directory` (created if needed). Each
    /// file is replaced atomically; an unchanged file is left untouched.
    public func write(to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, data) in [(Self.kernelsFile, Data(kernels.utf8)), (Self.programFile, Data(program.utf8)),
                             (Self.manifestFile, manifestJSON), (Self.kernelTableFile, kernelTableJSON)] {
            let url = directory.appendingPathComponent(name)
            if (try? Data(contentsOf: url)) == data { continue }
            try data.write(to: url, options: .atomic)
        }
    }

    /// Compiles the written sources of `directory` into the shared library the manifest names.
    @discardableResult
    public func build(in directory: URL, toolchain: Toolchain) throws -> Toolchain.CompileResult {
        try toolchain.compileSharedLibrary(sources: [directory.appendingPathComponent(Self.programFile)],
                                           output: directory.appendingPathComponent(manifest.library))
    }
}

/// Returns a built artifact directory for `config`, compiling it when the directory is missing,
/// stale (its sources differ from what the compiler emits today) or has no library.
public func ensureArtifact(_ config: ModelConfig, phases: [Phase] = Phase.recipe, loss: LossAttrs, directory: URL,
                           rebuild: Bool = false, log: (String) -> Void = { print($0) }) throws -> URL {
    let artifact = try compileArtifact(config, phases: phases, loss: loss)
    let library = directory.appendingPathComponent(artifact.manifest.library)
    let current = !rebuild
        && (try? Data(contentsOf: directory.appendingPathComponent(Artifact.programFile))) == Data(artifact.program.utf8)
        && (try? Data(contentsOf: directory.appendingPathComponent(Artifact.kernelsFile))) == Data(artifact.kernels.utf8)
        && (try? Data(contentsOf: directory.appendingPathComponent(Artifact.manifestFile))) == artifact.manifestJSON
        && FileManager.default.fileExists(atPath: library.path)
    if current { return directory }
    try artifact.write(to: directory)
    let toolchain = try Toolchain.detect()
    log("compiling \(config.backbone.name) into \(directory.path) with \(toolchain.description) ...")
    let result = try artifact.build(in: directory, toolchain: toolchain)
    log(String(format: "built %@ in %.1f s", library.path, result.seconds))
    return directory
}
