import Foundation

/// An error of the runtime side (Formats, Runtime, Data, Evaluation, Training, Reports, ONNX),
/// naming the file involved and what is wrong with it.
///
/// One enum for the runtime-side modules, defined in the lowest of them so that every module
/// throws and every caller matches the same cases (a checkpoint error raised in Formats reaches
/// the CLI unchanged).
///
/// `description` is always one line, `path: problem`, written for the person who has to fix the
/// file or the command line (say what was expected and what was found). New kinds of failure get
/// new cases here; keep each case's payload to what that message needs.
public enum RuntimeError: Error, CustomStringConvertible, Sendable {
    /// A safetensors file (or in-memory buffer) is malformed, or a request does not fit its contents.
    case safetensors(path: String, problem: String)
    /// The operating system refused a file operation (open, read, write, fsync, rename).
    case io(path: String, problem: String)
    /// A compiled artifact (manifest.json, its shared library, an entry point) is missing, malformed
    /// or does not match this runtime; `path` is the manifest or library concerned.
    case artifact(path: String, problem: String)
    /// A named tensor of the persistent state is unknown or was given the wrong number of values.
    case tensor(name: String, problem: String)
    /// An image file is not a PNG, JPEG, TIFF or DICOM file, or cannot be decoded (corrupt, truncated, unsupported).
    case image(path: String, problem: String)
    /// The image cache could not be written or maintained (disk full, no permission, an I/O
    /// error): `path` is the cache file or folder, `problem` the operating system's reason. Unlike
    /// `.image`, this stops the command: skipping the image would silently shrink the data.
    case cache(path: String, problem: String)
    /// A training configuration (a JSON file, or a command-line override named in `source`) is
    /// malformed: bad JSON, an unknown key, a wrong type, an out-of-range value or inconsistent
    /// values. `problem` names the full dotted key.
    case config(source: String, problem: String)
    /// A weights file (a torch `.pth` checkpoint or a state dict of any format) cannot be read, is
    /// refused (a pickled global that is not part of a state dict), or does not fit the model.
    case weights(path: String, problem: String)

    /// One line: the file, then the problem.
    public var description: String {
        switch self {
        case .safetensors(let path, let problem), .io(let path, let problem), .artifact(let path, let problem),
             .image(let path, let problem), .cache(let path, let problem), .weights(let path, let problem):
            return "\(path): \(problem)"
        case .config(let source, let problem):
            return "\(source): \(problem)"
        case .tensor(let name, let problem):
            return "tensor '\(name)': \(problem)"
        }
    }
}

extension RuntimeError: LocalizedError {
    /// The same line as `description`, so `localizedDescription` is useful too.
    public var errorDescription: String? { description }
}

/// `text` with line breaks replaced by spaces, so error messages stay on one line.
package func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).joined(separator: " ")
}
