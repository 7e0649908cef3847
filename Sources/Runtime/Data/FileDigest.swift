import Foundation
import Formats

/// A file's size and the SHA-256 of its content: how the frozen split recognises a file, and how
/// exact duplicates are found.
public struct FileDigest: Equatable, Hashable, Sendable, Codable {
    public var size: Int
    /// 64 lowercase hex digits.
    public var sha256: String

    public init(size: Int, sha256: String) {
        self.size = size; self.sha256 = sha256
    }

    /// The digest of `data` (a file's bytes, as read).
    public init(of data: Data) {
        size = data.count
        sha256 = SHA256.hex(data)
    }
}
