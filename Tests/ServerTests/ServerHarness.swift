import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest
@testable import Server

/// A `BreastAIServer` running in this process on a free loopback port, and a small HTTP client.
final class LiveServer {
    let port: Int
    let workspace: URL
    private let task: Task<Void, Never>

    private init(port: Int, workspace: URL, task: Task<Void, Never>) {
        self.port = port; self.workspace = workspace; self.task = task
    }

    /// Starts a server on `workspace` (port 0) whose children run the built `breastai-run`.
    static func start(workspace: URL, token: String? = nil, uploadLimit: Int = 50 << 20) async throws -> LiveServer {
        let options = ServerOptions(host: "127.0.0.1", port: 0, workspace: workspace.path, token: token,
                                    executable: try breastaiRun().path, uploadLimit: uploadLimit)
        let server = try BreastAIServer(options: options)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let task = Task {
            do { try await server.run(handleSignals: false) { continuation.yield($0) } } catch { print("server ended: \(error)") }
            continuation.finish()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw APIError(.internalServerError, "the server did not start") }
        return LiveServer(port: port, workspace: server.workspace, task: task)
    }

    func stop() { task.cancel() }

    /// No cookie jar: each test sends exactly the headers it names.
    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieAcceptPolicy = .never
        configuration.httpShouldSetCookies = false
        return URLSession(configuration: configuration)
    }()

    struct Reply {
        var status: Int
        var body: Data
        var headers: [String: String]
        var json: [String: Any] { ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]) ?? [:] }
        var error: String { json["error"] as? String ?? "" }
    }

    /// One request; POSTs carry `X-BreastAI: 1` unless `guardHeader` is false.
    func request(_ method: String, _ path: String, json: Any? = nil, body: Data? = nil, headers: [String: String] = [:],
                 guardHeader: Bool = true) async throws -> Reply {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.timeoutInterval = 30
        if method == "POST" && guardHeader { request.setValue("1", forHTTPHeaderField: "X-BreastAI") }
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        if let json { request.httpBody = try JSONSerialization.data(withJSONObject: json) }
        if let body { request.httpBody = body }
        let (data, response) = try await Self.session.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (k, v) in http.allHeaderFields { fields[String(describing: k).lowercased()] = String(describing: v) }
        return Reply(status: http.statusCode, body: data, headers: fields)
    }

    func get(_ path: String, headers: [String: String] = [:]) async throws -> Reply { try await request("GET", path, headers: headers) }
    func post(_ path: String, _ json: Any = [String: Any]()) async throws -> Reply { try await request("POST", path, json: json) }

    /// Polls `GET path` until `done` holds (or fails the test after `timeout` seconds).
    func waitFor(_ path: String, timeout: TimeInterval, what: String, _ done: ([String: Any]) -> Bool) async throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(timeout)
        var last: [String: Any] = [:]
        while Date() < deadline {
            last = try await get(path).json
            if done(last) { return last }
            try await Task.sleep(nanoseconds: 300_000_000)
        }
        XCTFail("waited \(Int(timeout)) s for \(what); last \(path): \(last)")
        throw APIError(.requestTimeout, "timeout waiting for \(what)")
    }

    /// The `breastai-run` built next to the tests.
    static func breastaiRun() throws -> URL {
        let candidates = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
            + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        for dir in candidates {
            let url = dir.appendingPathComponent("breastai-run")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        XCTFail("breastai-run is not built next to the tests (looked in \(candidates.map(\.path))); run swift build first")
        throw APIError(.internalServerError, "no breastai-run")
    }
}

/// A fresh temporary workspace, removed by the test's teardown.
func temporaryWorkspace(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("breastai-serve-\(name)-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return URL(fileURLWithPath: Workspace.realPath(url.path)!)
}
