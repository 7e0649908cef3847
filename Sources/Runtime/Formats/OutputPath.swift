import Foundation

/// Where a command may write its outputs: never over something that is already there unless the
/// user says so (`--force`). One rule for `export --out`, `eval --report`, `--output`, `--grads`,
/// `--artifact` and the compiler's `--out`.
public enum OutputPath {
    /// Throws unless nothing is at `url`, or `force` is set and `url` is a regular file (a folder
    /// is never replaced by a file). `option` names the flag in the message (e.g. `--out`).
    public static func checkFile(_ url: URL, force: Bool, option: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue {
            throw RuntimeError.io(path: url.path, problem: "is a folder; \(option) needs a file path")
        }
        guard force else {
            throw RuntimeError.io(path: url.path, problem: "already exists; refusing to replace it (pass --force to replace it, or choose another \(option))")
        }
    }

    /// Throws unless `url` is absent or an empty folder, or `force` is set and it is a folder
    /// (then files of the same names are replaced and nothing else there is touched); creates it.
    public static func prepareDirectory(_ url: URL, force: Bool, option: String) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw RuntimeError.io(path: url.path, problem: "is a file; \(option) needs a folder") }
            let contents = (try? fm.contentsOfDirectory(atPath: url.path)) ?? []
            if !contents.isEmpty && !force {
                throw RuntimeError.io(path: url.path, problem: "is not empty (\(contents.count) entries); \(option) writes into a new or empty folder (pass --force to write into it anyway, replacing files of the same names)")
            }
        }
        do { try fm.createDirectory(at: url, withIntermediateDirectories: true) } catch {
            throw RuntimeError.io(path: url.path, problem: "cannot create the folder: \(error.localizedDescription)")
        }
    }
}
