import Foundation

extension Toolchain {
    /// What `-march=native` resolves to for this compiler on this machine, as one line:
    /// `march=<cpu> mtune=<cpu>` then the ISA features the driver enables (`+avx2`) or disables
    /// (`-fma4`) and gcc's cache `--param`s, sorted.
    ///
    /// Read from the compiler driver (`cc -march=native -### -E -x c /dev/null`): it runs no
    /// compilation, takes a few milliseconds, and gives the exact flags the compiler proper
    /// receives — which is what the library's code depends on (gcc 12 calls a Zen 5 `znver3`,
    /// clang 21 `znver5`). When the driver's line cannot be parsed, the `flags` line of
    /// /proc/cpuinfo is used instead (`cpuinfo:` then the sorted flags).
    public func resolveTargetCPU() -> String {
        let output = (try? Toolchain.run(compiler, compilerArguments + ["-march=native", "-###", "-E", "-x", "c", "/dev/null"]))?.output ?? ""
        if let resolved = Toolchain.parseTargetCPU(driverOutput: output) { return resolved }
        return Toolchain.cpuinfoFlags() ?? "unknown"
    }

    /// The target CPU and features from a gcc or clang `-###` listing, or nil when it names none.
    static func parseTargetCPU(driverOutput: String) -> String? {
        for line in driverOutput.split(separator: "\n") {
            let words = shellWords(String(line))
            let isClang = words.contains("-cc1")
            guard let first = words.first, first.hasSuffix("cc1") || isClang else { continue }
            var cpu: [String] = [], features: [String] = []
            var i = 1
            while i < words.count {
                let w = words[i], next = i + 1 < words.count ? words[i + 1] : ""
                if w.hasPrefix("-march=") || w.hasPrefix("-mtune=") {
                    cpu.append(String(w.dropFirst()))
                } else if w == "-target-cpu" || w == "-tune-cpu" {
                    cpu.append((w == "-target-cpu" ? "march=" : "mtune=") + next)
                    i += 1
                } else if w == "-target-feature" {
                    features.append(next)
                    i += 1
                } else if w == "--param" {
                    features.append("param:" + next)
                    i += 1
                } else if !isClang, w.hasPrefix("-mno-") {
                    features.append("-" + w.dropFirst(5))
                } else if !isClang, w.hasPrefix("-m"), !w.contains("=") {
                    features.append("+" + w.dropFirst(2))
                }
                i += 1
            }
            guard cpu.contains(where: { $0.hasPrefix("march=") }) else { continue }
            return (cpu.sorted() + features.sorted()).joined(separator: " ")
        }
        return nil
    }

    /// `cpuinfo: ` and the sorted CPU flags of the first processor in /proc/cpuinfo, or nil.
    static func cpuinfoFlags() -> String? {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            let key = parts.first?.trimmingCharacters(in: .whitespaces) ?? ""
            guard parts.count == 2, key == "flags" || key == "Features" else { continue }
            return "cpuinfo: " + parts[1].split(separator: " ").map(String.init).sorted().joined(separator: " ")
        }
        return nil
    }

    /// The `march=` word of a target-CPU line ("march=znver3"), for messages.
    static func cpuName(_ targetCPU: String) -> String {
        targetCPU.split(separator: " ").first { $0.hasPrefix("march=") }.map { String($0.dropFirst(6)) }
            ?? String(targetCPU.prefix(40))
    }

    /// Splits a driver's printed command line into words: blanks separate, double quotes group
    /// (backslash escapes the next character inside them).
    static func shellWords(_ line: String) -> [String] {
        var words: [String] = [], current = "", inWord = false, quoted = false, escaped = false
        for ch in line {
            if escaped { current.append(ch); escaped = false; continue }
            if quoted {
                if ch == "\\" { escaped = true } else if ch == "\"" { quoted = false } else { current.append(ch) }
                continue
            }
            if ch == "\"" { quoted = true; inWord = true } else if ch == " " || ch == "\t" {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(ch); inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
