import Foundation
import Data
import Formats

/// Eval, export and predict: each a `breastai-run` child on one checkpoint of a run, its output
/// in `<run>/jobs/<id>.txt`, its product a file in the run folder.
extension Supervisor {
    /// A checkpoint reference the children accept: latest, best, or a plain checkpoint name.
    static func checkpointReference(_ name: String?) throws(APIError) -> String {
        let name = name ?? "best"
        if name != "latest" && name != "best" { try Workspace.checkName(name, what: "checkpoint") }
        return name
    }

    private func stamp() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd-HHmmss"
        return f.string(from: Date())
    }

    /// `eval --checkpoint C --split S --report <run>/reports/<C>-<S>-<time>`; the job's result is the report name.
    func evaluate(run: String, checkpoint: String?, split: String?) throws(APIError) -> Job {
        let files = try files(run)
        let reference = try Self.checkpointReference(checkpoint)
        let split = split ?? "test"
        guard ["val", "test"].contains(split) else { throw .badRequest("split '\(split)': expected val or test") }
        var report = "\(reference)-\(split)-\(stamp())"
        var n = 2
        while FileManager.default.fileExists(atPath: files.reports.appendingPathComponent(report).path) { report = "\(reference)-\(split)-\(stamp())-\(n)"; n += 1 }
        let name = report
        let arguments = ["eval", "--checkpoint", reference, "--checkpoint-dir", files.checkpoints.path, "--split", split,
                         "--report", files.reports.appendingPathComponent(report).path]
        return try startJob(kind: "eval", run: files, arguments: arguments, output: files.folder.appendingPathComponent("jobs/eval-\(report).txt")) { code, job in
            if code == 0 { job.result = "\"\(name)\"" }
        }
    }

    /// `export --checkpoint C --format F --out <run>/exports/<C>-<time>.<ext>`; the result is the file name.
    func export(run: String, checkpoint: String?, format: String?) throws(APIError) -> Job {
        let files = try files(run)
        let reference = try Self.checkpointReference(checkpoint)
        let format = format ?? "onnx"
        guard ["onnx", "safetensors"].contains(format) else { throw .badRequest("format '\(format)': expected onnx or safetensors") }
        let file = "\(reference)-\(stamp()).\(format)"
        let arguments = ["export", "--checkpoint", reference, "--checkpoint-dir", files.checkpoints.path, "--format", format,
                         "--out", files.exports.appendingPathComponent(file).path]
        return try startJob(kind: "export", run: files, arguments: arguments, output: files.folder.appendingPathComponent("jobs/export-\(file).txt")) { code, job in
            if code == 0 { job.result = "\"\(file)\"" }
        }
    }

    /// Saves an uploaded image under `uploads/<time>-<n>/<name>` and runs `predict --json` on it.
    /// The result is the prediction lines with the file reduced to the uploaded name (nothing of
    /// the image's own tags is read or echoed here). With `explain`, `predict --explain` writes the
    /// Grad-CAM overlay into `uploads/<folder>/explain/`; the line's `gradcam` is then its URL.
    func predict(run: String, checkpoint: String?, tta: Bool, explain: Bool = false, fileName: String, bytes: Data) throws(APIError) -> Job {
        let files = try files(run)
        let reference = try Self.checkpointReference(checkpoint)
        let base = fileName
        try Workspace.checkName(base, what: "upload")
        guard Dataset.isImageName(base) else { throw .badRequest("upload \(base): not an image name the decoders read (PNG or JPEG)") }
        guard !bytes.isEmpty else { throw .badRequest("upload \(base): empty body") }
        var folder = workspace.uploadsDirectory.appendingPathComponent(stamp())
        var n = 2
        while FileManager.default.fileExists(atPath: folder.path) { folder = workspace.uploadsDirectory.appendingPathComponent("\(stamp())-\(n)"); n += 1 }
        let saved = folder.appendingPathComponent(base)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try AtomicFile.write(bytes, to: saved.path)
        } catch { throw APIError(.internalServerError, "\(saved.path): cannot save the upload: \(error)") }
        let output = folder.appendingPathComponent("predict.txt")
        let arguments = ["predict", "--json", "--checkpoint", reference, "--checkpoint-dir", files.checkpoints.path,
                         tta ? "--tta" : "--no-tta", saved.path]
            + (explain ? ["--explain", "--out", folder.appendingPathComponent("explain").path] : [])
        let upload = folder.lastPathComponent
        return try startJob(kind: "predict", run: files, arguments: arguments, output: output) { code, job in
            var lines: [[String: Any]] = []
            for line in RunFiles.tail(output, lines: 200) where line.hasPrefix("{") {
                guard let data = line.data(using: .utf8), var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
                      object["probabilities"] != nil else { continue }
                object["file"] = base
                object["tta"] = tta
                if let overlay = object["gradcam"] as? String {
                    object["gradcam"] = "/api/uploads/\(upload)/\(URL(fileURLWithPath: overlay).lastPathComponent)"
                }
                lines.append(object)
            }
            if let data = try? JSONSerialization.data(withJSONObject: lines) { job.result = String(decoding: data, as: UTF8.self) }
            if code != 0, lines.isEmpty {
                job.error = RunFiles.tail(output, lines: 3).last(where: { $0.contains("unreadable") || $0.contains("rror") })
                    .map { $0.replacingOccurrences(of: saved.path, with: base) }
            }
        }
    }
}

