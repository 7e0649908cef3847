/// Builds C source text with indentation.
struct CWriter {
    private(set) var text = ""
    private var depth = 0

    mutating func line(_ s: String = "") {
        text += s.isEmpty ? "\n" : String(repeating: "    ", count: depth) + s + "\n"
    }

    /// `head {` ... `}` with the body indented.
    mutating func block(_ head: String, _ body: (inout CWriter) -> Void) {
        line(head.isEmpty ? "{" : head + " {")
        depth += 1
        body(&self)
        depth -= 1
        line("}")
    }

    mutating func lines(_ s: String) { for l in s.split(separator: "\n", omittingEmptySubsequences: false) { line(String(l)) } }
}

/// A float literal that C reads back as exactly this float.
func cFloat(_ x: Float) -> String {
    if x.isInfinite { return x < 0 ? "-INFINITY" : "INFINITY" }
    var s = "\(x)"
    if !s.contains(".") && !s.contains("e") { s += ".0" }
    return s + "f"
}

/// A double literal for accumulations.
func cDouble(_ x: Double) -> String {
    var s = "\(x)"
    if !s.contains(".") && !s.contains("e") { s += ".0" }
    return s
}
