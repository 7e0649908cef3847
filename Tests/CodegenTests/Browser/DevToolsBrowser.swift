import Foundation
import XCTest
import Formats
#if canImport(Glibc)
import Glibc
#endif

/// A headless Chromium driven through the DevTools protocol (CDP) over `--remote-debugging-pipe`:
/// the browser reads commands from its fd 3 and writes replies and events to its fd 4, each message
/// one JSON object followed by a NUL byte. No third-party driver, no WebSocket, no port.
///
/// One page (a target attached in flattened mode: commands carry its `sessionId`). Calls block the
/// calling thread until the reply arrives or the timeout passes; a reader thread collects replies
/// by `id`, and keeps the page's console messages and uncaught exceptions for failure reports.
final class DevToolsBrowser: @unchecked Sendable {
    /// A CDP error reply, a timeout or a dead browser; one line.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let pid: pid_t
    /// The browser's own stderr (its startup and crash messages).
    let logURL: URL
    private let profile: URL
    private let commandFD: Int32
    private let replyFD: Int32
    private var session = ""
    private var nextID = 0
    private var replies: [Int: [String: Any]] = [:]
    private var consoleLines: [String] = []
    /// The browser's end of the pipe closed (it exited).
    private var closed = false
    /// `close()` ran.
    private var shutDown = false
    private let condition = NSCondition()

    /// The chromium executable: `$BREASTAI_CHROMIUM`, else the first of chromium, chromium-browser,
    /// google-chrome on `PATH`; nil when there is none.
    static func executable() -> String? {
        let env = ProcessInfo.processInfo.environment
        if let path = env["BREASTAI_CHROMIUM"], !path.isEmpty { return path }
        for dir in (env["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome"] {
                let path = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }

    /// Starts `executable` headless with a fresh profile folder under `scratch` and opens one blank
    /// page of `width` x `height` CSS pixels.
    init(executable: String, scratch: URL, width: Int = 1280, height: Int = 900) throws {
        profile = scratch.appendingPathComponent("chromium-profile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        logURL = scratch.appendingPathComponent("chromium-\(UUID().uuidString).log")
        // toBrowser: we write [1], the browser reads [0] as fd 3; fromBrowser: it writes [1] as fd 4.
        var toBrowser: [Int32] = [0, 0], fromBrowser: [Int32] = [0, 0]
        guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else {
            throw Failure(description: "cannot create the DevTools pipes: \(String(cString: strerror(errno)))")
        }
        // Above fd 4, so dup2 onto 3 and 4 never meets itself (which would keep O_CLOEXEC).
        let childIn = fcntl(toBrowser[0], F_DUPFD_CLOEXEC, 10), childOut = fcntl(fromBrowser[1], F_DUPFD_CLOEXEC, 10)
        _ = Glibc.close(toBrowser[0]); _ = Glibc.close(fromBrowser[1])
        for fd in [toBrowser[1], fromBrowser[0]] { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        defer { _ = Glibc.close(childIn); _ = Glibc.close(childOut) }
        commandFD = toBrowser[1]
        replyFD = fromBrowser[0]

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, childIn, 3)
        posix_spawn_file_actions_adddup2(&actions, childOut, 4)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        Self.closeFrom(5, &actions)
        let arguments = [executable, "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
                         "--user-data-dir=\(profile.path)", "--no-first-run", "--no-default-browser-check",
                         "--disable-extensions", "--disable-background-networking", "--disable-sync",
                         "--mute-audio", "--hide-scrollbars", "--window-size=\(width),\(height)", "about:blank"]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var child: pid_t = 0
        let status = posix_spawnp(&child, executable, &actions, nil, &argv, environ)
        guard status == 0 else {
            _ = Glibc.close(commandFD); _ = Glibc.close(replyFD)
            throw Failure(description: "\(executable): cannot start: \(String(cString: strerror(status)))")
        }
        pid = child
        // The reader holds the browser object until the browser's end of the pipe closes.
        let thread = Thread { self.readReplies() }
        thread.name = "cdp-reader"
        thread.start()

        do { try openPage(width: width, height: height) } catch { close(); throw error }
    }

    /// One page target, attached in flattened mode; its console and exceptions recorded.
    private func openPage(width: Int, height: Int) throws {
        let target = try call("Target.createTarget", ["url": "about:blank"], session: false)
        guard let targetID = target["targetId"] as? String else { throw Failure(description: "Target.createTarget: no targetId in \(target)") }
        let attached = try call("Target.attachToTarget", ["targetId": targetID, "flatten": true], session: false)
        guard let id = attached["sessionId"] as? String else { throw Failure(description: "Target.attachToTarget: no sessionId in \(attached)") }
        session = id
        try call("Page.enable")
        try call("Runtime.enable")
        try call("Emulation.setDeviceMetricsOverride", ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": false])
    }

    deinit { close() }

    /// Adds "close every fd from `fd` up" to `actions` when the C library has it (glibc 2.34+,
    /// found at run time: Swift's Glibc module does not declare it), so the browser inherits
    /// nothing of the test process but its pipes.
    private static func closeFrom(_ fd: Int32, _ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, fd)
    }

    /// Sends `method` with `params` (to the page unless `session` is false) and returns the
    /// reply's `result`; a CDP error, a dead browser or `timeout` seconds without a reply throws.
    @discardableResult
    func call(_ method: String, _ params: [String: Any] = [:], session: Bool = true, timeout: TimeInterval = 30) throws -> [String: Any] {
        condition.lock()
        nextID += 1
        let id = nextID
        condition.unlock()
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if session { message["sessionId"] = self.session }
        var data = try JSONSerialization.data(withJSONObject: message)
        data.append(0)
        do { try AtomicFile.writeAll(commandFD, data, path: "DevTools pipe") } catch {
            throw Failure(description: "\(method): the browser does not take commands (\(error)); its log: \(logTail())")
        }
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while replies[id] == nil && !closed {
            if !condition.wait(until: deadline) { break }
        }
        guard let reply = replies.removeValue(forKey: id) else {
            throw Failure(description: "\(method): \(closed ? "the browser went away" : "no reply in \(Int(timeout)) s"); its log: \(logTail())")
        }
        if let error = reply["error"] as? [String: Any] {
            throw Failure(description: "\(method): \(error["message"] ?? error) \(error["data"] ?? "")")
        }
        return reply["result"] as? [String: Any] ?? [:]
    }

    /// Evaluates `expression` in the page (awaiting a promise) and returns its value as JSON gives
    /// it (String, NSNumber, Bool, [Any], [String: Any], or nil for undefined/null). A thrown
    /// exception throws, with its text.
    @discardableResult
    func evaluate(_ expression: String, timeout: TimeInterval = 30) throws -> Any? {
        let result = try call("Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true,
                                                   "userGesture": true], timeout: timeout)
        if let exception = result["exceptionDetails"] as? [String: Any] {
            let text = ((exception["exception"] as? [String: Any])?["description"] as? String) ?? (exception["text"] as? String) ?? "\(exception)"
            throw Failure(description: "the page threw evaluating \(expression.prefix(80)): \(oneLineText(text))")
        }
        return (result["result"] as? [String: Any])?["value"]
    }

    /// Opens `url` and waits until the document has loaded.
    func navigate(_ url: String, timeout: TimeInterval = 30) throws {
        let result = try call("Page.navigate", ["url": url])
        if let error = result["errorText"] as? String, !error.isEmpty { throw Failure(description: "\(url): \(error)") }
        try waitUntil("document.readyState === 'complete' && location.href !== 'about:blank'", timeout: timeout, what: "\(url) to load")
    }

    /// Polls `expression` until it is truthy; after `timeout` seconds throws, naming `what` and
    /// the last value of `describe` (a diagnostic expression).
    func waitUntil(_ expression: String, timeout: TimeInterval, what: String, describe: String? = nil) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let value = try evaluate("!!(\(expression))") as? Bool, value { return }
            if Date() >= deadline {
                let detail = try describe.map { " (now: \(String(describing: try evaluate($0) ?? "null")))" } ?? ""
                throw Failure(description: "waited \(Int(timeout)) s for \(what)\(detail)")
            }
            usleep(200_000)
        }
    }

    /// A PNG of the page: the viewport, or the CSS-pixel rectangle `clip` (x, y, width, height)
    /// of the whole document.
    func screenshot(clip: (x: Double, y: Double, width: Double, height: Double)? = nil) throws -> Data {
        var params: [String: Any] = ["format": "png"]
        if let clip {
            params["clip"] = ["x": clip.x, "y": clip.y, "width": clip.width, "height": clip.height, "scale": 1]
            params["captureBeyondViewport"] = true
        }
        let result = try call("Page.captureScreenshot", params, timeout: 60)
        guard let base64 = result["data"] as? String, let png = Data(base64Encoded: base64) else {
            throw Failure(description: "Page.captureScreenshot: no image in the reply")
        }
        return png
    }

    /// The page's console messages and uncaught exceptions so far, one line each.
    var console: [String] {
        condition.lock(); defer { condition.unlock() }
        return consoleLines
    }

    /// Closes the browser (politely, then SIGKILL after 5 s), reaps it and removes its profile
    /// folder. Idempotent.
    func close() {
        condition.lock()
        let first = !shutDown, readerEnded = closed
        shutDown = true
        condition.unlock()
        guard first else { return }
        if !readerEnded {
            try? AtomicFile.writeAll(commandFD, Data(#"{"id":0,"method":"Browser.close"}"#.utf8 + [0]), path: "DevTools pipe")
        }
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(5)
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() >= deadline { kill(pid, SIGKILL); _ = waitpid(pid, &status, 0); break }
            usleep(50_000)
        }
        _ = Glibc.close(commandFD)
        try? FileManager.default.removeItem(at: profile)
    }

    /// The last lines of the browser's stderr, on one line.
    func logTail(_ count: Int = 5) -> String {
        let text = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(count).joined(separator: " | ")
    }

    // MARK: - Reading

    /// Reads NUL-terminated messages from the browser until its end of the pipe closes.
    private func readReplies() {
        var pending = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(replyFD, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            pending.append(contentsOf: buffer[0..<n])
            while let end = pending.firstIndex(of: 0) {
                let message = pending[pending.startIndex..<end]
                pending = Data(pending[(end + 1)...])
                if let object = (try? JSONSerialization.jsonObject(with: Data(message))) as? [String: Any] { deliver(object) }
            }
        }
        _ = Glibc.close(replyFD)
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    private func deliver(_ message: [String: Any]) {
        condition.lock()
        defer { condition.unlock() }
        if let id = (message["id"] as? NSNumber)?.intValue {
            replies[id] = message
            condition.broadcast()
            return
        }
        let params = message["params"] as? [String: Any] ?? [:]
        switch message["method"] as? String {
        case "Runtime.consoleAPICalled":
            let args = (params["args"] as? [[String: Any]] ?? []).map { a in a["value"].map { "\($0)" } ?? (a["description"] as? String) ?? "?" }
            consoleLines.append("console.\(params["type"] ?? "log"): \(args.joined(separator: " "))")
        case "Runtime.exceptionThrown":
            let details = params["exceptionDetails"] as? [String: Any] ?? [:]
            let text = ((details["exception"] as? [String: Any])?["description"] as? String) ?? (details["text"] as? String) ?? "?"
            consoleLines.append("uncaught: \(oneLineText(text))")
        default: break
        }
    }
}

/// `text` on one line.
func oneLineText(_ text: String) -> String { text.split(whereSeparator: \.isNewline).joined(separator: " ") }
