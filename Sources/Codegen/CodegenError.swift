import Foundation

/// Errors of the Codegen module; each message is one line naming what was expected and found
/// (`compileFailed` adds the compiler's first lines of output below its line).
///
/// An open enum: new kinds of failure get new cases with the payload their message needs.
public enum CodegenError: Error, CustomStringConvertible {
    /// The memory plan is inconsistent (a compiler bug the validator caught).
    case invalidPlan(String)
    /// A graph the emitter cannot turn into C.
    case unsupported(String)
    /// No usable C compiler, OpenMP or OpenBLAS (OpenMP variant); the text says what to install or set.
    case toolchain(String)
    /// The planned memory exceeds the budget (`--allow-over-budget` or `--memory-budget` to proceed).
    case overBudget(String)
    /// The C compiler rejected the code: the exact command line and everything it printed.
    case compileFailed(command: String, output: String)
    /// An artifact folder cannot be used or written: `path` is the folder or file, `problem` says why.
    case artifact(path: String, problem: String)

    public var description: String {
        switch self {
        case .invalidPlan(let s): return "memory plan: \(s)"
        case .unsupported(let s): return "code generation: \(s)"
        case .toolchain(let s): return "toolchain: \(s)"
        case .overBudget(let s): return "over the memory budget: \(s)"
        case .artifact(let path, let problem): return "\(path): \(problem)"
        case .compileFailed(let command, let output):
            return "C compilation failed: \(command)" + CodegenError.excerpt(of: output)
        }
    }

    /// The compiler's first lines (where its first errors are), indented under the summary line.
    static func excerpt(of output: String, maxLines: Int = 25) -> String {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: true)
        if lines.isEmpty { return "\n    (the compiler printed nothing)" }
        var text = lines.prefix(maxLines).map { "\n    " + $0 }.joined()
        if lines.count > maxLines { text += "\n    ... (\(lines.count - maxLines) more lines)" }
        return text
    }
}

extension CodegenError: LocalizedError {
    /// The same text as `description`, so `localizedDescription` is useful too.
    public var errorDescription: String? { description }
}
