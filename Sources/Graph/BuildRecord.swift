/// What an artifact's library was built from: `build.json`, written by Codegen last, after the
/// library is in place, and read by Runtime before it loads the library.
///
/// A library is current only when its record names the sources beside it (`sourcesHash`) and the
/// library itself (`libraryHash`); the builder also compares the compiler, its flags and the CPU
/// that `-march=native` resolved to. A build interrupted at any point leaves either no record or
/// a record that does not match, so such a library is never used.
public struct BuildRecord: Codable, Hashable, Sendable {
    /// 2: the sources are several files (`sources`); 1 had kernels.c and program.c.
    public static let currentFormat = 2
    public static let fileName = "build.json"

    public var format: Int
    /// The C files the library was compiled from (header first, then the units), by file name.
    public var sources: [String]
    /// `sourcesHash(files:manifest:)` of those files and the manifest.
    public var sourcesHash: String
    /// The library's file name (the manifest's `library`).
    public var library: String
    /// FNV-1a 64 of the library file's bytes, as written by the compiler.
    public var libraryHash: String
    /// The compiler command that built the library, shell-quoted, naming the final output path.
    public var command: String
    /// Absolute path of the compiler executable.
    public var compiler: String
    /// The first line of `compiler --version`.
    public var compilerVersion: String
    /// The compiler's arguments for one unit's object, then `--`, then the link's, with the
    /// artifact's paths as bare file names (`unit.c`, `libbreastai.so`), so a moved artifact keeps
    /// its record.
    public var flags: [String]
    /// What `-march=native` resolved to for this compiler on the build machine (target CPU,
    /// tuning and ISA features, as the compiler driver passes them on).
    public var targetCPU: String

    enum CodingKeys: String, CodingKey {
        case format, library, command, compiler, flags, sources
        case sourcesHash = "sources_hash", libraryHash = "library_hash"
        case compilerVersion = "compiler_version", targetCPU = "target_cpu"
    }

    public init(sources: [String], sourcesHash: String, library: String, libraryHash: String, command: String, compiler: String,
                compilerVersion: String, flags: [String], targetCPU: String) {
        self.format = BuildRecord.currentFormat
        self.sources = sources; self.sourcesHash = sourcesHash; self.library = library; self.libraryHash = libraryHash
        self.command = command; self.compiler = compiler; self.compilerVersion = compilerVersion
        self.flags = flags; self.targetCPU = targetCPU
    }

    /// Decodes a record of any format (a format-1 record has no `sources`), so readers can name
    /// the format they found.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(Int.self, forKey: .format)
        sources = try c.decodeIfPresent([String].self, forKey: .sources) ?? ["kernels.c", "program.c"]
        sourcesHash = try c.decode(String.self, forKey: .sourcesHash)
        library = try c.decode(String.self, forKey: .library)
        libraryHash = try c.decode(String.self, forKey: .libraryHash)
        command = try c.decode(String.self, forKey: .command)
        compiler = try c.decode(String.self, forKey: .compiler)
        compilerVersion = try c.decode(String.self, forKey: .compilerVersion)
        flags = try c.decode([String].self, forKey: .flags)
        targetCPU = try c.decode(String.self, forKey: .targetCPU)
    }

    /// The hash of an artifact's sources: FNV-1a 64 over each file's name, length and bytes, in
    /// the order given, then manifest.json's ("fnv1a64:" then 16 hex digits).
    public static func sourcesHash<M: Collection>(files: [(name: String, bytes: [UInt8])], manifest: M) -> String
        where M.Element == UInt8 {
        var h = FNV1a64()
        func add<C: Collection>(_ name: String, _ bytes: C) where C.Element == UInt8 {
            h.add(Array(name.utf8))
            h.add(0)
            withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { h.add($0) }
            if bytes.withContiguousStorageIfAvailable({ h.add($0) }) == nil { h.add(bytes) }
        }
        for f in files { add(f.name, f.bytes) }
        add("manifest.json", manifest)
        return "fnv1a64:" + h.hex
    }

    /// FNV-1a 64 of a file's bytes ("fnv1a64:" then 16 hex digits).
    public static func bytesHash<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var h = FNV1a64()
        if bytes.withContiguousStorageIfAvailable({ h.add($0) }) == nil { h.add(bytes) }
        return "fnv1a64:" + h.hex
    }
}
