import Foundation
import Formats
#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The on-disk cache of preprocessed images: decode → size check → `Preprocessor` once per file,
/// then raw RGB bytes on every later epoch and run. Safe to use from several threads at once.
///
/// An entry is `<directory>/<key.prefix(2)>/<key>.rgb`, `key = preprocessor.cacheKey(fileData:)`
/// (the source file's bytes and the preprocessing and decoding settings), so a changed file or
/// changed settings simply miss. The entry is a 16-byte header, then `width * height * 3` RGB
/// bytes, then the decoder's warnings (`ImageFacts.warnings`, UTF-8, one a line; usually none), so
/// a hit reports the same warnings as the decode did:
///
///     "BAIC"  version  width  height        (UInt32 little-endian each after the magic)
///
/// A short or malformed entry is ignored and rewritten. Entries are written atomically
/// (`AtomicFile`: a temporary `.<key>.rgb.tmp-<pid>-<n>` renamed into place), so concurrent
/// writers of the same entry and interrupted runs are harmless; opening a cache removes the
/// temporary files of writers that no longer run. A failed write (disk full, no permission, I/O
/// error) throws `.cache` naming the entry and the system's reason: it is never an unreadable image.
///
/// An entry's modification time is its last use: a hit touches an entry last touched more than
/// a day ago (at most once per entry and process), so `prune` can remove the least recently used.
/// Within one process a memo maps (path, size, mtime, inode) to the key and the content digest
/// (`contentDigest`), so a hit does not re-read and re-hash the source file; a file whose size,
/// mtime or inode changed is hashed again.
public final class ImageCache: @unchecked Sendable {
    public let directory: URL
    public let preprocessor: Preprocessor
    /// Images narrower or lower than this (before preprocessing) are rejected.
    public static let minimumSide = 50
    /// The entry format; bump when the layout changes.
    public static let formatVersion: UInt32 = 2
    static let magic: [UInt8] = Array("BAIC".utf8)
    static let headerSize = 16

    /// What `stat` says about a source file; equal stamps mean the memoised key is still right.
    private struct FileStamp: Equatable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
    }

    private let lock = NSLock()
    private var memo: [String: (stamp: FileStamp, key: String, digest: FileDigest)] = [:]
    private var hitCount = 0
    private var missCount = 0
    /// Keys whose use time this process has already recorded.
    private var used: Set<String> = []
    /// An entry's use time is refreshed when it is older than this.
    static let useTimeResolution: TimeInterval = 24 * 3600

    /// A cache in `directory` (created with its parents if missing); removes the temporary files
    /// of writers that no longer run (`removeLeftovers`).
    public init(directory: URL, preprocessor: Preprocessor) throws {
        self.directory = directory
        self.preprocessor = preprocessor
        try Self.makeDirectory(directory.path)
        _ = Self.removeLeftovers(in: directory)
    }

    /// Size and SHA-256 of the bytes this process last read from `url` (in `load`, whether or not
    /// they decoded); nil when `load` has not read it.
    public func contentDigest(_ url: URL) -> FileDigest? {
        lock.withLock { memo[url.path]?.digest }
    }

    /// Loads served from an existing entry.
    public var hits: Int { lock.withLock { hitCount } }
    /// Loads that decoded and preprocessed the source (no entry, or a bad one).
    public var misses: Int { lock.withLock { missCount } }

    /// The entry file of a key.
    public func entryURL(key: String) -> URL {
        directory.appendingPathComponent(String(key.prefix(2)), isDirectory: true)
            .appendingPathComponent(key + ".rgb")
    }

    /// The preprocessed image of the image file (PNG, JPEG, TIFF, DICOM) at `url`, from the cache when possible.
    ///
    /// Throws `.io` when the file cannot be read, `.image` when it cannot be decoded or is smaller
    /// than `minimumSide` on a side (each names the file), and `.cache` when the entry cannot be
    /// written (naming the entry and the system's reason).
    public func load(_ url: URL) throws -> RGBImage {
        try loadWithWarnings(url).image
    }

    /// `load`, with the warnings of decoding the file (`ImageFacts.warnings`: an empty window, fewer
    /// than 32 gray levels), also on a hit.
    public func loadWithWarnings(_ url: URL) throws -> (image: RGBImage, warnings: [String]) {
        let path = url.path
        let stamp = try Self.stamp(path)
        if let known = lock.withLock({ memo[path] }), known.stamp == stamp,
           let hit = readEntry(entryURL(key: known.key)) {
            recordUse(key: known.key)
            return hit
        }

        let data = try Self.read(path)
        let key = preprocessor.cacheKey(fileData: data)
        let digest = FileDigest(of: data)
        lock.withLock { memo[path] = (stamp, key, digest) }
        let entry = entryURL(key: key)
        if let hit = readEntry(entry) {
            recordUse(key: key)
            return hit
        }

        let (decoded, facts) = try ImageCodec.decodeWithFacts(data: data, path: path, options: preprocessor.decoding)
        guard decoded.width >= Self.minimumSide && decoded.height >= Self.minimumSide else {
            throw RuntimeError.image(path: path, problem: "image is \(decoded.width)x\(decoded.height) pixels; "
                                     + "images smaller than \(Self.minimumSide) px are rejected")
        }
        let image = preprocessor.apply(decoded)
        try Self.makeDirectory(entry.deletingLastPathComponent().path)
        do {
            try AtomicFile.write(Self.encodeEntry(image, warnings: facts.warnings), to: entry.path)
        } catch let RuntimeError.io(_, problem) {
            throw RuntimeError.cache(path: entry.path, problem: "cannot write the image cache entry: \(problem)")
        }
        lock.withLock { missCount += 1; used.insert(key) }
        return (image, facts.warnings)
    }

    /// Counts a hit and, once per key and process, sets the entry's modification time to now
    /// when it is more than `useTimeResolution` old. A failure to touch is ignored (the entry
    /// was read; a read-only cache still serves hits).
    private func recordUse(key: String) {
        let first = lock.withLock { () -> Bool in
            hitCount += 1
            return used.insert(key).inserted
        }
        guard first else { return }
        let path = entryURL(key: key).path
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        #if canImport(Darwin)
        let seconds = Double(info.st_mtimespec.tv_sec)
        #else
        let seconds = Double(info.st_mtim.tv_sec)
        #endif
        if Date().timeIntervalSince1970 - seconds > Self.useTimeResolution { _ = utimes(path, nil) }
    }

    // MARK: Entries

    /// The entry bytes of an image: header, the pixels, the warnings (one a line).
    static func encodeEntry(_ image: RGBImage, warnings: [String] = []) -> Data {
        var data = Data(capacity: headerSize + image.pixels.count)
        data.append(contentsOf: magic)
        for value in [formatVersion, UInt32(image.width), UInt32(image.height)] {
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }
        data.append(contentsOf: image.pixels)
        data.append(contentsOf: Array(warnings.map(oneLine).joined(separator: "\n").utf8))
        return data
    }

    /// The image and warnings of a valid entry of this cache's size, or nil (missing, short, wrong
    /// magic, version or size, trailing bytes that are not UTF-8 text).
    func readEntry(_ url: URL) -> (image: RGBImage, warnings: [String])? {
        guard let data = try? Data(contentsOf: url), data.count >= Self.headerSize else { return nil }
        let bytes = [UInt8](data)
        func word(_ offset: Int) -> Int {
            (0 ..< 4).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        }
        let width = word(8), height = word(12)
        guard Array(bytes[0 ..< 4]) == Self.magic, word(4) == Int(Self.formatVersion),
              width == preprocessor.size, height == preprocessor.size,
              bytes.count >= Self.headerSize + width * height * 3 else { return nil }
        let end = Self.headerSize + width * height * 3
        var warnings: [String] = []
        if bytes.count > end {
            // Warnings are printable text: any other control byte means a damaged entry.
            guard !bytes[end...].contains(where: { $0 < 0x20 && $0 != 0x0A || $0 == 0x7F }),
                  let text = String(validating: bytes[end...], as: UTF8.self) else { return nil }
            warnings = text.split(separator: "\n").map(String.init)
        }
        return (RGBImage(width: width, height: height, pixels: Array(bytes[Self.headerSize ..< end])), warnings)
    }

    // MARK: Files

    private static func makeDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw RuntimeError.cache(path: path, problem: "cannot create the image cache directory (\(oneLine(error.localizedDescription)))")
        }
    }

    /// Size, modification time and inode of a regular file; `.io` if missing or a directory.
    private static func stamp(_ path: String) throws -> FileStamp {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let problem = errno == ENOENT ? "no such file" : "cannot read the file (\(String(cString: strerror(errno))))"
            throw RuntimeError.io(path: path, problem: problem)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw RuntimeError.io(path: path, problem: "is a directory, not an image file")
        }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return FileStamp(size: Int64(info.st_size), seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec),
                         inode: UInt64(info.st_ino))
    }

    private static func read(_ path: String) throws -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw RuntimeError.io(path: path, problem: "cannot read the file (\(oneLine(error.localizedDescription)))")
        }
    }
}
