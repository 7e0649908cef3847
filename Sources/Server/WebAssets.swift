import Foundation
import Hummingbird

/// The page's own files (`Sources/Server/Web/`), copied into the build as the target's resource
/// bundle and read once at start. No CDN, nothing downloaded: the page works offline.
struct WebAssets: Sendable {
    struct Asset: Sendable {
        var bytes: Data
        var contentType: String
        func response() -> Response {
            Response(status: .ok, headers: [.contentType: contentType, .cacheControl: "no-cache"],
                     body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }

    /// URL path (`/index.html`, `/app.js`) to file.
    let files: [String: Asset]

    /// Reads the `Web` folder of the resource bundle next to the executable (or the test bundle).
    static func load() throws -> WebAssets {
        let bundleName = "BreastAI_Server.resources"
        let executableDirectory = URL(fileURLWithPath: ServerOptions.ownExecutable()).deletingLastPathComponent()
        let candidates = [executableDirectory, Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
            + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        for directory in candidates {
            let web = directory.appendingPathComponent(bundleName).appendingPathComponent("Web")
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: web.path), names.contains("index.html") else { continue }
            var files: [String: Asset] = [:]
            for name in names where !name.hasPrefix(".") {
                guard let data = FileManager.default.contents(atPath: web.appendingPathComponent(name).path) else { continue }
                files["/" + name] = Asset(bytes: data, contentType: contentType(name))
            }
            return WebAssets(files: files)
        }
        throw APIError(.internalServerError, "\(bundleName): the page's files are not next to the executable (looked in \(candidates.map(\.path).joined(separator: ", "))); keep the build folder's \(bundleName) beside breastai-run")
    }

    static func contentType(_ name: String) -> String {
        switch URL(fileURLWithPath: name).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "json": return "application/json"
        case "md": return "text/markdown; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
