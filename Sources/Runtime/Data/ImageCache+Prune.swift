import Foundation
import Formats
#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Listing and pruning an image cache folder. Only files with the cache's own names are counted
/// or removed: entries `<xx>/<key>.rgb` (`key` 16 lowercase hex digits starting with `xx`) and
/// the temporary files of their writers, `<xx>/.<key>.rgb.tmp-<pid>-<n>`. Anything else in the
/// folder is reported as "other files" and never touched.
extension ImageCache {
    /// One cache entry: its path, size and last use (modification time).
    public struct Entry: Sendable {
        public var path: String
        public var bytes: Int64
        public var lastUse: Date
    }

    /// A temporary file of an entry writer, and whether that process still runs.
    public struct Leftover: Sendable {
        public var path: String
        public var bytes: Int64
        public var pid: Int32
        public var writerAlive: Bool
    }

    /// What a cache folder holds.
    public struct Inventory: Sendable {
        public var directory: URL
        /// Entries, least recently used first.
        public var entries: [Entry]
        public var leftovers: [Leftover]
        /// Paths in the folder that are not the cache's (never touched).
        public var otherFiles: [String]

        public var bytes: Int64 { entries.reduce(0) { $0 + $1.bytes } }

        /// Lines for people: entries and bytes, the oldest and newest use, leftovers, other files.
        public var summary: [String] {
            var lines = ["image cache \(directory.path): \(entries.count) entries, \(formatBytes(bytes))"]
            if let oldest = entries.first, let newest = entries.last {
                lines[0] += "; last used \(formatDate(oldest.lastUse)) (oldest) to \(formatDate(newest.lastUse)) (newest)"
            }
            let dead = leftovers.filter { !$0.writerAlive }, live = leftovers.count - dead.count
            if !leftovers.isEmpty {
                lines.append("leftovers: \(dead.count) temporary files of stopped writers (\(formatBytes(dead.reduce(0) { $0 + $1.bytes })))"
                             + (live > 0 ? ", \(live) of running writers" : ""))
            }
            if !otherFiles.isEmpty {
                lines.append("other files (not the cache's, left alone): \(otherFiles.count), e.g. \(otherFiles[0])")
            }
            return lines
        }
    }

    /// What `prune` removed (or, on a dry run, would remove).
    public struct PruneResult: Sendable {
        public var entries: [Entry]
        public var leftovers: [Leftover]
        public var remainingEntries: Int
        public var remainingBytes: Int64

        public var freedBytes: Int64 { entries.reduce(0) { $0 + $1.bytes } + leftovers.reduce(0) { $0 + $1.bytes } }

        /// One line: what was (or would be) removed and freed, and what remains.
        public func summary(dryRun: Bool) -> String {
            var what = "\(entries.count) entries (\(formatBytes(entries.reduce(0) { $0 + $1.bytes })))"
            if !leftovers.isEmpty { what += " and \(leftovers.count) leftovers" }
            let remains = "\(remainingEntries) entries (\(formatBytes(remainingBytes))) remain"
            return dryRun
                ? "would remove \(what), freeing \(formatBytes(freedBytes)); \(remains) (dry run: add --prune to remove them)"
                : "removed \(what), freed \(formatBytes(freedBytes)); \(remains)"
        }
    }

    /// Lists the cache folder `directory`; throws `.io` when it is missing or cannot be read.
    public static func inventory(of directory: URL) throws -> Inventory {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDirectory) else {
            throw RuntimeError.io(path: directory.path, problem: "no such folder; there is no image cache here")
        }
        guard isDirectory.boolValue else { throw RuntimeError.io(path: directory.path, problem: "is a file, not an image cache folder") }
        let top: [String]
        do { top = try fm.contentsOfDirectory(atPath: directory.path) } catch {
            throw RuntimeError.io(path: directory.path, problem: "cannot list it (\(oneLine(error.localizedDescription)))")
        }
        var inventory = Inventory(directory: directory, entries: [], leftovers: [], otherFiles: [])
        for name in top.sorted() {
            let sub = directory.appendingPathComponent(name)
            guard isHex(name, count: 2), let info = fileInfo(sub.path), info.isDirectory else {
                inventory.otherFiles.append(sub.path)
                continue
            }
            let files: [String]
            do { files = try fm.contentsOfDirectory(atPath: sub.path) } catch {
                throw RuntimeError.io(path: sub.path, problem: "cannot list it (\(oneLine(error.localizedDescription)))")
            }
            for file in files.sorted() {
                let path = sub.appendingPathComponent(file).path
                guard let info = fileInfo(path), !info.isDirectory else { inventory.otherFiles.append(path); continue }
                if let key = entryKey(file), key.hasPrefix(name) {
                    inventory.entries.append(Entry(path: path, bytes: info.bytes, lastUse: info.modified))
                } else if let pid = leftoverPID(file), file.dropFirst().hasPrefix(name) {
                    inventory.leftovers.append(Leftover(path: path, bytes: info.bytes, pid: pid, writerAlive: processAlive(pid)))
                } else {
                    inventory.otherFiles.append(path)
                }
            }
        }
        inventory.entries.sort { ($0.lastUse, $0.path) < ($1.lastUse, $1.path) }
        return inventory
    }

    /// Removes least recently used entries: every entry last used before `lastUseBefore`, then
    /// the oldest until the entries total at most `maxBytes`; also the temporary files of writers
    /// that no longer run, and cache subfolders left empty. With `dryRun` nothing is removed.
    ///
    /// Safe while other processes use the cache: an entry removed under a reader is a miss and
    /// is rebuilt. Throws `.cache` naming the first file that cannot be removed.
    public static func prune(_ directory: URL, lastUseBefore: Date? = nil, maxBytes: Int64? = nil,
                             dryRun: Bool = false) throws -> PruneResult {
        let inventory = try inventory(of: directory)
        var remaining = inventory.bytes
        var removed: [Entry] = []
        for entry in inventory.entries {  // least recently used first
            let tooOld = lastUseBefore.map { entry.lastUse < $0 } ?? false
            let tooBig = maxBytes.map { remaining > $0 } ?? false
            guard tooOld || tooBig else { break }
            removed.append(entry)
            remaining -= entry.bytes
        }
        let dead = inventory.leftovers.filter { !$0.writerAlive }
        if !dryRun {
            for path in removed.map(\.path) + dead.map(\.path) {
                guard unlink(path) == 0 || errno == ENOENT else {
                    throw RuntimeError.cache(path: path, problem: "cannot remove it: \(String(cString: strerror(errno)))")
                }
            }
            for name in Set(removed.map { URL(fileURLWithPath: $0.path).deletingLastPathComponent().path }) {
                _ = rmdir(name)  // only succeeds when empty
            }
        }
        return PruneResult(entries: removed, leftovers: dead, remainingEntries: inventory.entries.count - removed.count,
                           remainingBytes: remaining)
    }

    /// Removes the temporary files of entry writers that no longer run; returns how many. Lists
    /// the entry folders but looks closer only at names starting with "." (no `stat` per entry).
    @discardableResult
    static func removeLeftovers(in directory: URL) -> Int {
        let fm = FileManager.default
        var count = 0
        for name in (try? fm.contentsOfDirectory(atPath: directory.path)) ?? [] where isHex(name, count: 2) {
            let sub = directory.appendingPathComponent(name)
            for file in (try? fm.contentsOfDirectory(atPath: sub.path)) ?? [] where file.hasPrefix(".") {
                guard let pid = leftoverPID(file), file.dropFirst().hasPrefix(name), !processAlive(pid) else { continue }
                if unlink(sub.appendingPathComponent(file).path) == 0 { count += 1 }
            }
        }
        return count
    }

    // MARK: Names

    /// The key of an entry file name `<16 hex>.rgb`, or nil.
    static func entryKey(_ name: String) -> String? {
        guard name.hasSuffix(".rgb") else { return nil }
        let key = String(name.dropLast(4))
        return isHex(key, count: 16) ? key : nil
    }

    /// The writer's PID of a temporary entry file `.<16 hex>.rgb.tmp-<pid>-<n>`, or nil.
    static func leftoverPID(_ name: String) -> Int32? {
        guard name.hasPrefix("."), let range = name.range(of: ".rgb.tmp-") else { return nil }
        guard isHex(String(name[name.index(after: name.startIndex) ..< range.lowerBound]), count: 16) else { return nil }
        let tail = name[range.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        guard tail.count == 2, let pid = Int32(tail[0]), pid > 0, UInt32(tail[1]) != nil else { return nil }
        return pid
    }

    private static func isHex(_ s: String, count: Int) -> Bool {
        s.utf8.count == count && s.utf8.allSatisfy { (48 ... 57).contains($0) || (97 ... 102).contains($0) }
    }

    /// Whether a process with this PID exists (EPERM: it does, under another user).
    static func processAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno != ESRCH
    }

    private static func fileInfo(_ path: String) -> (isDirectory: Bool, bytes: Int64, modified: Date)? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return ((info.st_mode & S_IFMT) == S_IFDIR, Int64(info.st_size),
                Date(timeIntervalSince1970: Double(time.tv_sec) + Double(time.tv_nsec) / 1e9))
    }
}

/// Bytes as people read them: "512 B", "3.4 MB", "1.23 GB" (powers of 1000).
func formatBytes(_ bytes: Int64) -> String {
    let b = Double(bytes)
    if b < 1e3 { return "\(bytes) B" }
    if b < 1e6 { return String(format: "%.1f kB", b / 1e3) }
    if b < 1e9 { return String(format: "%.1f MB", b / 1e6) }
    return String(format: "%.2f GB", b / 1e9)
}

/// A date as `2024-05-01 14:03` in local time.
private func formatDate(_ date: Date) -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.dateFormat = "yyyy-MM-dd HH:mm"
    return f.string(from: date)
}
