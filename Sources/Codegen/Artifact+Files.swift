import Foundation
import Graph

extension Artifact {
    /// File names inside an artifact directory.
    public static let kernelsFile = "kernels.c", programFile = "program.c", manifestFile = "manifest.json"

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
                             (Self.manifestFile, manifestJSON)] {
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
