import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Transparent huge pages for the large blocks (the arena and the state blocks): `AlignedBlock`
/// advises the kernel (`madvise(MADV_HUGEPAGE)`) to back every block of at least 2 MiB with 2 MiB pages,
/// so the kernels' passes over activations of tens of MB walk one page-table entry per 2 MiB instead
/// of per 4 KiB. Linux applies the advice when `/sys/kernel/mm/transparent_hugepage/enabled` is
/// `always` or `madvise` (Debian's default), and ignores it under `never`; `summary` says which.
///
/// Measured (S, phase 4, `bench step --steps 5`, advice off and on alternated, 2026-12-06): fp32 2.118 ->
/// 2.087 s (means of 11 rounds, faster in 7, inside the noise), bf16 1.617 -> 1.569 s (6 rounds, faster in 5); peak RSS
/// unchanged (2.01 GB; the blocks are written whole). `BREASTAI_HUGE_PAGES=0` turns the advice off.
public enum HugePages {
    /// Blocks smaller than one huge page are left alone.
    static let minimumBytes = 2 << 20

    /// `BREASTAI_HUGE_PAGES`: unset, 1, on, yes or true advise; 0, off, no or false do not; any other
    /// value advises and `summary` says it was not understood.
    static var setting: String? { ProcessInfo.processInfo.environment["BREASTAI_HUGE_PAGES"] }

    /// Whether blocks are advised: yes unless `BREASTAI_HUGE_PAGES` is 0, off, no or false.
    public static var requested: Bool { !["0", "off", "no", "false"].contains(setting?.lowercased() ?? "") }

    /// The system's policy, the bracketed word of /sys/kernel/mm/transparent_hugepage/enabled
    /// (`always`, `madvise` or `never`); nil where the file is missing (no THP in this kernel).
    public static func systemPolicy(_ path: String = "/sys/kernel/mm/transparent_hugepage/enabled") -> String? {
        guard let text = procFile(path), let open = text.firstIndex(of: "["), let close = text[open...].firstIndex(of: "]") else { return nil }
        return String(text[text.index(after: open)..<close])
    }

    /// Advises `bytes` at `pointer` (page-aligned) when they are large enough and advice is requested.
    static func advise(_ pointer: UnsafeMutableRawPointer, bytes: Int) {
        #if os(Linux)
        if requested && bytes >= minimumBytes { _ = madvise(pointer, bytes, MADV_HUGEPAGE) }
        #endif
    }

    /// One line for the log: whether the large blocks get huge pages, and why not.
    public static func summary() -> String {
        guard requested else { return "huge pages: off (BREASTAI_HUGE_PAGES=\(setting ?? ""))" }
        let unknown = setting.map { ["", "1", "on", "yes", "true"].contains($0.lowercased()) ? "" : "; WARNING: BREASTAI_HUGE_PAGES=\($0) is not 0 or 1, taken as 1" } ?? ""
        switch systemPolicy() {
        case nil: return "huge pages: not available in this kernel (no /sys/kernel/mm/transparent_hugepage)" + unknown
        case "never"?: return "huge pages: advised, but this system disables them (transparent_hugepage/enabled: never)" + unknown
        case let policy?: return "huge pages: the arena and state blocks of 2 MiB or more (transparent_hugepage/enabled: \(policy))" + unknown
        }
    }
}
