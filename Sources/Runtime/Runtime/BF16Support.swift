import Foundation
import Formats
#if canImport(Glibc)
import Glibc
#endif

/// Whether bf16 contractions can run here: the CPU must execute AVX512-BF16 (`vdpbf16ps`).
///
/// Two checks, one before compiling and one before running: `unavailableReason()` reads the
/// CPU flags the kernel reports (`/proc/cpuinfo`, from CPUID), and a loaded bf16 library answers
/// `breastai_cpu_bf16()` from CPUID itself. `BREASTAI_FAKE_NO_BF16=1` makes both say no (tests).
public enum BF16Support {
    /// The environment variable that makes this machine look like one without AVX512-BF16.
    public static let fakeAbsentVariable = "BREASTAI_FAKE_NO_BF16"

    /// `BREASTAI_FAKE_NO_BF16` set to anything but empty or `0`.
    static var faked: Bool {
        guard let value = getenv(fakeAbsentVariable).map({ String(cString: $0) }) else { return false }
        return !value.isEmpty && value != "0"
    }

    /// Nil when this CPU has AVX512-BF16, else why not (for a one-line error).
    public static func unavailableReason(cpuinfo: String? = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) -> String? {
        if faked { return "\(fakeAbsentVariable) is set" }
        guard let cpuinfo else { return "cannot read /proc/cpuinfo to check the CPU's flags" }
        var model = "this CPU"
        for line in cpuinfo.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            if parts[0] == "model name" { model = parts[1] }
            if parts[0] == "flags" {
                let flags = Set(parts[1].split(separator: " ").map(String.init))
                let missing = ["avx512f", "avx512bw", "avx512_bf16"].filter { !flags.contains($0) }
                return missing.isEmpty ? nil : "\(model) lacks \(missing.joined(separator: ", "))"
            }
        }
        return "no CPU flags line in /proc/cpuinfo"
    }

    /// Throws one line when bf16 cannot run here; `what` names the run (a config key or flag).
    public static func require(for what: String) throws {
        if let reason = unavailableReason() {
            throw RuntimeError.config(source: what, problem: "bf16 needs a CPU with AVX512-BF16 (vdpbf16ps): \(reason); use fp32")
        }
    }

    /// Checks a loaded bf16 library's own CPUID answer (`breastai_cpu_bf16`); nil when it can run.
    static func libraryRefusal(handle: UnsafeMutableRawPointer) -> String? {
        if faked { return "\(fakeAbsentVariable) is set" }
        guard let symbol = dlsym(handle, "breastai_cpu_bf16") else { return "the library has no breastai_cpu_bf16 check; recompile it" }
        typealias Probe = @convention(c) () -> Int32
        return unsafeBitCast(symbol, to: Probe.self)() == 0 ? "this CPU does not execute AVX512-BF16 (CPUID)" : nil
    }
}
