import ArgumentParser
import Foundation
import Server

/// `breastai-run serve`: the web page over a workspace. Parsing and printing only; the server is in `Server`.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the web page: start, follow, stop and resume trainings; evaluate, export and predict.",
        discussion: """
            Prints one line `serving http://HOST:PORT/ (workspace DIR)` with the port actually bound (--port 0 picks a free one), then serves until Ctrl-C or SIGTERM.

            Workspace (--workspace, created when missing; the API reaches nothing outside it):
              runs/<run>/config.json   configuration the run started with
              runs/<run>/process.json  child's PID, start, end, exit status
              runs/<run>/console.txt   child's output
              runs/<run>/checkpoints/ logs/ reports/ exports/ jobs/
              uploads/<time>/          images sent for prediction
              build/ .breastai-cache/  compiled programs, image cache
            Data folders, configuration files and weights are paths inside the workspace.

            Trainings, evaluations, exports and predictions run as child processes of this same executable, so the server never blocks and survives their crashes. A run's state is read from its files, so a restarted server shows a running child as running. One training at a time per workspace. Stop is graceful: SIGTERM, then a checkpoint at the next optimizer step.

            Safety: binds 127.0.0.1 by default; any other address requires a token (--token, or one is generated and printed on standard error), checked on every request (Authorization: Bearer T, or ?token=T once, then a cookie). Every path a request names is resolved inside the workspace (no '..', no symlink out) or refused. Uploads are capped (--upload-limit-mb) and decoded by the same checked decoders as training. A POST needs the header X-BreastAI: 1 (the page sends it). Bad requests get a 4xx with {"error": "..."}. The server deletes nothing; patient identifiers are never shown.

            Examples:
              breastai-run serve --workspace ~/breastai
              breastai-run serve --host 0.0.0.0 --workspace /srv/ws --token s3cr3t-token
            """)
    @Option(name: .long, help: "Address to bind (loopback by default; anything else needs a token).")
    var host: String = "127.0.0.1"
    @Option(name: .long, help: "Port to bind; 0 picks a free one (printed).")
    var port: Int = 8080
    @Option(name: .long, help: "The workspace folder (created when missing).")
    var workspace: String = "."
    @Option(name: .long, help: "Token required on every request (at least 8 letters, digits, '-', '_'); generated when binding a non-loopback address without one.")
    var token: String?
    @Option(name: .long, help: "Largest image upload for prediction, in MB.")
    var uploadLimitMb: Int = 50

    func run() throws {
        guard uploadLimitMb > 0 else { throw ValidationError("--upload-limit-mb must be positive") }
        var options = ServerOptions(host: host, port: port, workspace: workspace, token: token, uploadLimit: uploadLimitMb << 20)
        let generated: Bool
        do { generated = try options.resolveToken() } catch { throw ValidationError("\(error)") }
        let server: BreastAIServer
        do { server = try BreastAIServer(options: options) } catch let error as APIError { throw ValidationError(error.message) }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let root = server.workspace.path
        let token = options.token
        // The root command is synchronous: the server runs in a task and this thread waits for it.
        final class Outcome: @unchecked Sendable { var error: Error? }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await server.run { port in
                    let line = "serving http://\(shownHost):\(port)/ (workspace \(root))\n"
                    _ = line.withCString { write(1, $0, strlen($0)) }
                    if let token {
                        let note = (generated ? "generated token: \(token)\n" : "") + "open http://\(shownHost):\(port)/?token=\(token)\n"
                        _ = note.withCString { write(2, $0, strlen($0)) }
                    }
                }
            } catch { outcome.error = error }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw ValidationError("serve: \(error)") }
    }
}
