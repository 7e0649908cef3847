import Foundation

/// The folder `serve` works in, and the only one its API reaches: every path a request names is
/// resolved inside it or refused.
///
/// Layout: `<root>/runs/<run>/` holds one training run (`config.json`, `process.json`,
/// `console.txt`, `checkpoints/`, `logs/`, `reports/`, `exports/`); `<root>/uploads/` holds the
/// images sent for prediction; data folders, configuration files and weights are anywhere
/// inside the root. Children run with the root as working folder, so `build/` (compiled
/// programs) and `.breastai-cache/` land there too. The server never deletes anything.
public struct Workspace: Sendable {
    /// The real path of the workspace (symlinks resolved).
    public let root: URL

    /// Opens `path` (created when missing) and resolves it to its real path.
    public init(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw APIError(.internalServerError, "\(path): cannot create the workspace: \(error.localizedDescription)")
            }
        } else if !isDirectory.boolValue {
            throw APIError(.internalServerError, "\(path): is a file, expected the workspace folder")
        }
        guard let real = Self.realPath(path) else { throw APIError(.internalServerError, "\(path): cannot resolve the workspace folder") }
        root = URL(fileURLWithPath: real)
    }

    public var runsDirectory: URL { root.appendingPathComponent("runs") }
    public var uploadsDirectory: URL { root.appendingPathComponent("uploads") }

    /// The existing file or folder `userPath` names (relative to the root, or absolute inside it).
    ///
    /// Refused with 400 when empty or holding a NUL, with 403 when a component is `..` or the
    /// real path (symlinks followed) lies outside the root, and with 404 when it does not exist.
    public func resolve(_ userPath: String, what: String) throws(APIError) -> URL {
        let trimmed = userPath.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .badRequest("\(what): empty path") }
        guard !trimmed.contains("\0") else { throw .badRequest("\(what): the path holds a NUL character") }
        if trimmed.split(separator: "/").contains("..") {
            throw .forbidden("\(what) \(trimmed): '..' is not allowed; name a path inside the workspace \(root.path)")
        }
        let absolute = trimmed.hasPrefix("/") ? trimmed : root.path + "/" + trimmed
        guard FileManager.default.fileExists(atPath: absolute) else {
            // Outside paths are refused as such, whether or not they exist (no probing outside):
            // the deepest existing ancestor, symlinks resolved, must be inside.
            var ancestor = URL(fileURLWithPath: absolute).standardizedFileURL
            while !FileManager.default.fileExists(atPath: ancestor.path) && ancestor.path != "/" { ancestor.deleteLastPathComponent() }
            if !contains(Self.realPath(ancestor.path) ?? ancestor.path) {
                throw .forbidden("\(what) \(trimmed): outside the workspace \(root.path)")
            }
            throw .notFound("\(what) \(trimmed): no such file or folder in the workspace")
        }
        guard let real = Self.realPath(absolute) else { throw .badRequest("\(what) \(trimmed): cannot resolve the path") }
        guard contains(real) else {
            throw .forbidden("\(what) \(trimmed): resolves to \(real), outside the workspace \(root.path)")
        }
        return URL(fileURLWithPath: real)
    }

    /// Refuses (403) a path that may not exist yet but would lie outside the root: `..`, or its
    /// deepest existing ancestor (symlinks resolved) outside.
    public func checkInside(_ path: String, what: String) throws(APIError) {
        if path.split(separator: "/").contains("..") { throw .forbidden("\(what) \(path): '..' is not allowed") }
        var ancestor = URL(fileURLWithPath: path.hasPrefix("/") ? path : root.path + "/" + path).standardizedFileURL
        while !FileManager.default.fileExists(atPath: ancestor.path) && ancestor.path != "/" { ancestor.deleteLastPathComponent() }
        guard contains(Self.realPath(ancestor.path) ?? ancestor.path) else {
            throw .forbidden("\(what) \(path): outside the workspace \(root.path)")
        }
    }

    /// Whether the absolute `path` is the root or below it.
    public func contains(_ path: String) -> Bool {
        path == root.path || path.hasPrefix(root.path.hasSuffix("/") ? root.path : root.path + "/")
    }

    /// A run's folder; `name` must be a plain name of an existing run.
    public func run(_ name: String) throws(APIError) -> URL {
        try Self.checkName(name, what: "run")
        let url = runsDirectory.appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notFound("run \(name): no such run in \(runsDirectory.path)")
        }
        return url
    }

    /// The names of the runs, oldest first (by name, which starts with the creation time).
    public func runNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: runsDirectory.path)) ?? []
        return names.filter { (try? Self.checkName($0, what: "run")) != nil }
            .filter { var d: ObjCBool = false; return FileManager.default.fileExists(atPath: runsDirectory.appendingPathComponent($0).path, isDirectory: &d) && d.boolValue }
            .sorted()
    }

    /// A plain name (a run, a checkpoint, a report, an export): letters, digits, `.`, `_`, `-`,
    /// not starting with a dot, at most 100 characters.
    public static func checkName(_ name: String, what: String) throws(APIError) {
        let allowed = name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)) }
        guard !name.isEmpty, name.count <= 100, allowed, !name.hasPrefix(".") else {
            throw .badRequest("\(what) name '\(name)': use letters, digits, '.', '_' and '-' (not starting with '.')")
        }
    }

    /// realpath(3), or nil.
    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}
