import Foundation

// The zip layout torch.save writes (PKWARE APPNOTE 6.3.x; PyTorch's writer is miniz):
//
//   per record:  local header  "PK\3\4" version flags method time date crc32 csize usize nlen xlen
//                              name, extra ("FB" padding so the data starts 64-byte aligned)
//                data          stored (method 0), never deflated
//                descriptor    "PK\7\8" crc32 csize usize (flag bit 3: the local sizes are 0)
//   central directory: one    "PK\1\2" ... crc32 csize usize nlen xlen clen disk attrs offset name ...
//   end record:                "PK\5\6" disk cdisk count-here count size offset comment-length comment
//
// Sizes and CRCs come from the central directory (the local header may carry zeros); only the
// local header's name and extra lengths are read from it, to find where the data starts.

/// A read-only zip archive of stored (uncompressed) entries, as `torch.save` writes.
///
/// Deflated entries, encryption and ZIP64 (archives over 4 GB) are refused with a one-line error
/// naming the file. Each entry's CRC-32 is checked when it is read.
package struct ZipArchive {
    /// One file in the archive.
    struct Entry {
        let name: String
        let crc32: UInt32
        let method: UInt16
        /// Where the entry's bytes lie in the archive.
        let dataRange: Range<Int>
    }

    let path: String
    /// The entries in central-directory order.
    let entries: [Entry]
    private let index: [String: Int]
    private let data: Data

    /// "PK\3\4" or "PK\5\6" (an empty archive) at the start.
    package static func looksLikeZip(_ data: Data) -> Bool {
        data.count >= 4 && data[data.startIndex] == 0x50 && data[data.startIndex + 1] == 0x4B
            && ((data[data.startIndex + 2] == 3 && data[data.startIndex + 3] == 4)
                || (data[data.startIndex + 2] == 5 && data[data.startIndex + 3] == 6))
    }

    /// Parses the central directory of `data`; `path` labels errors.
    init(data: Data, path: String) throws {
        let data = data.startIndex == 0 ? data : Data(data)
        func fail(_ problem: String) -> RuntimeError { .weights(path: path, problem: problem) }
        let reader = ByteReader(data)
        // The end record is the last 22 bytes plus a comment of at most 65535 bytes.
        let minEnd = 22
        guard data.count >= minEnd else { throw fail("zip archive of \(data.count) bytes is truncated (no end-of-central-directory record)") }
        var end = -1
        var at = data.count - minEnd
        let lowest = max(0, data.count - minEnd - 65535)
        while at >= lowest {
            if reader.u32(at) == 0x0605_4B50, at + minEnd + Int(reader.u16(at + 20)) == data.count { end = at; break }
            at -= 1
        }
        guard end >= 0 else { throw fail("zip archive has no end-of-central-directory record (truncated or not a complete .pth file)") }
        let count = Int(reader.u16(end + 10))
        let directorySize = Int(reader.u32(end + 12)), directoryOffset = Int(reader.u32(end + 16))
        if reader.u16(end + 10) == 0xFFFF || reader.u32(end + 12) == 0xFFFF_FFFF || reader.u32(end + 16) == 0xFFFF_FFFF {
            throw fail("ZIP64 archives (checkpoints over 4 GB) are not supported")
        }
        guard directoryOffset + directorySize <= end else {
            throw fail("zip central directory [\(directoryOffset), \(directoryOffset + directorySize)) runs past its end record at \(end) (truncated or corrupt)")
        }
        var entries: [Entry] = []
        var index: [String: Int] = [:]
        var p = directoryOffset
        for n in 0 ..< count {
            guard p + 46 <= end, reader.u32(p) == 0x0201_4B50 else {
                throw fail("zip central directory entry \(n) of \(count) at byte \(p) is malformed (corrupt archive)")
            }
            let flags = reader.u16(p + 8), method = reader.u16(p + 10), crc = reader.u32(p + 16)
            let compressed = Int(reader.u32(p + 20)), size = Int(reader.u32(p + 24))
            let nameLength = Int(reader.u16(p + 28)), extraLength = Int(reader.u16(p + 30)), commentLength = Int(reader.u16(p + 32))
            let local = Int(reader.u32(p + 42))
            guard p + 46 + nameLength <= end else { throw fail("zip central directory entry \(n) runs past the directory (corrupt archive)") }
            let name = String(decoding: data[(p + 46) ..< (p + 46 + nameLength)], as: UTF8.self)
            if reader.u32(p + 20) == 0xFFFF_FFFF || reader.u32(p + 24) == 0xFFFF_FFFF || reader.u32(p + 42) == 0xFFFF_FFFF {
                throw fail("zip entry '\(name)' uses ZIP64 (over 4 GB), which is not supported")
            }
            if flags & 1 != 0 { throw fail("zip entry '\(name)' is encrypted") }
            guard local + 30 <= data.count, reader.u32(local) == 0x0403_4B50 else {
                throw fail("zip entry '\(name)': no local header at byte \(local) (truncated or corrupt archive)")
            }
            let start = local + 30 + Int(reader.u16(local + 26)) + Int(reader.u16(local + 28))
            guard start + compressed <= data.count else {
                throw fail("zip entry '\(name)' needs bytes [\(start), \(start + compressed)) but the file has \(data.count) (truncated)")
            }
            if method == 0 && compressed != size {
                throw fail("zip entry '\(name)' is stored but its sizes differ (\(compressed) vs \(size)): corrupt archive")
            }
            index[name] = entries.count
            entries.append(Entry(name: name, crc32: crc, method: method, dataRange: start ..< start + compressed))
            p += 46 + nameLength + extraLength + commentLength
        }
        self.path = path
        self.entries = entries
        self.index = index
        self.data = data
    }

    /// The entry named `name`, if present.
    func entry(_ name: String) -> Entry? { index[name].map { entries[$0] } }

    /// The bytes of `entry` after checking its method and CRC-32.
    func contents(_ entry: Entry) throws -> Data {
        guard entry.method == 0 else {
            throw RuntimeError.weights(path: path, problem: "zip entry '\(entry.name)' is compressed (method \(entry.method)); only stored entries, as torch.save writes them, are read")
        }
        let bytes = data[entry.dataRange]
        let crc = CRC32.checksum(bytes)
        guard crc == entry.crc32 else {
            throw RuntimeError.weights(path: path, problem: String(format: "zip entry '%@' fails its CRC-32 check (%08x, expected %08x): the file is corrupt", entry.name, crc, entry.crc32))
        }
        return bytes
    }
}

/// Little-endian reads at absolute offsets of a zero-based `Data` (callers check bounds first).
struct ByteReader {
    let data: Data
    init(_ data: Data) { self.data = data }
    func u16(_ at: Int) -> UInt16 { UInt16(data[at]) | UInt16(data[at + 1]) << 8 }
    func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
    func u64(_ at: Int) -> UInt64 { UInt64(u32(at)) | UInt64(u32(at + 4)) << 32 }
}

/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as zip uses.
enum CRC32 {
    static let table: [UInt32] = (0 ..< 256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0 ..< 8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ bytes: Data) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        table.withUnsafeBufferPointer { t in
            bytes.withUnsafeBytes { raw in
                for b in raw { c = t[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
            }
        }
        return c ^ 0xFFFF_FFFF
    }
}
