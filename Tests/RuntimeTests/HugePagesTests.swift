import Foundation
import XCTest
@testable import Runtime

/// The huge-page advice on the large blocks: read back from the kernel's own record of the
/// mapping (/proc/self/smaps, `hg` in VmFlags is MADV_HUGEPAGE), and the system policy's parsing.
final class HugePagesTests: XCTestCase {
    /// The VmFlags of the mapping that contains `address`, from /proc/self/smaps.
    private func vmFlags(containing address: UnsafeMutableRawPointer) throws -> [Substring] {
        let a = UInt(bitPattern: address)
        guard let smaps = procFile("/proc/self/smaps") else { throw XCTSkip("no /proc/self/smaps") }
        var inside = false
        for line in smaps.split(separator: "\n") {
            if let dash = line.firstIndex(of: "-"), let space = line.firstIndex(of: " "), dash < space,
               let lo = UInt(line[..<dash], radix: 16), let hi = UInt(line[line.index(after: dash)..<space], radix: 16) {
                inside = lo <= a && a < hi
            } else if inside, line.hasPrefix("VmFlags:") {
                return line.dropFirst("VmFlags:".count).split(separator: " ")
            }
        }
        XCTFail("no VmFlags for the mapping at \(address) in /proc/self/smaps")
        return []
    }

    func testLargeArenaIsAdvisedSmallIsNot() throws {
        guard HugePages.systemPolicy() != nil else { throw XCTSkip("this kernel has no transparent huge pages") }
        let large = try Arena(bytes: 8 << 20), small = try Arena(bytes: 64 << 10)
        XCTAssertEqual(try vmFlags(containing: large.pointer).contains("hg"), HugePages.requested,
                       "an 8 MiB arena is advised exactly when BREASTAI_HUGE_PAGES is not 0")
        XCTAssertFalse(try vmFlags(containing: small.pointer).contains("hg"), "a 64 KiB arena is left alone")
        XCTAssertTrue(HugePages.summary().hasPrefix("huge pages: "))
    }

    /// The switch's values: off for 0, off, no, false (any case); on, with a warning, for values it does not know.
    func testSettingValues() throws {
        let original = ProcessInfo.processInfo.environment["BREASTAI_HUGE_PAGES"]
        defer { if let original { setenv("BREASTAI_HUGE_PAGES", original, 1) } else { unsetenv("BREASTAI_HUGE_PAGES") } }
        for (value, on) in [("0", false), ("off", false), ("No", false), ("FALSE", false), ("1", true), ("on", true), ("maybe", true)] {
            setenv("BREASTAI_HUGE_PAGES", value, 1)
            XCTAssertEqual(HugePages.requested, on, value)
            XCTAssertEqual(HugePages.summary().contains("WARNING"), value == "maybe", HugePages.summary())
        }
        unsetenv("BREASTAI_HUGE_PAGES")
        XCTAssertTrue(HugePages.requested)
    }

    func testSystemPolicyIsTheBracketedWord() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hugepages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("enabled")
        try "always [madvise] never\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(HugePages.systemPolicy(file.path), "madvise")
        try "[always] madvise never\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(HugePages.systemPolicy(file.path), "always")
        XCTAssertNil(HugePages.systemPolicy(dir.appendingPathComponent("missing").path))
    }
}
