import Foundation
import Hummingbird
import Logging

/// `breastai-run serve`: the page and its JSON API over one workspace, on Hummingbird.
public struct BreastAIServer: Sendable {
    public let options: ServerOptions
    let supervisor: Supervisor
    let assets: WebAssets

    /// Checks the options (a token off loopback: call `options.resolveToken()` first), opens the
    /// workspace and reads the page's files.
    public init(options: ServerOptions) throws {
        if !ServerOptions.isLoopback(options.host) && options.token == nil {
            throw APIError(.badRequest, "--host \(options.host) is not loopback: a token is required (--token, or let serve generate one)")
        }
        guard (0...65535).contains(options.port) else { throw APIError(.badRequest, "--port \(options.port): expected 0-65535") }
        guard FileManager.default.isExecutableFile(atPath: options.executable) else {
            throw APIError(.badRequest, "\(options.executable): not an executable (the breastai-run that runs trainings)")
        }
        self.options = options
        supervisor = Supervisor(workspace: try Workspace(options.workspace), executable: options.executable)
        assets = try WebAssets.load()
    }

    public var workspace: URL { supervisor.workspace.root }

    /// Serves until the task is cancelled (or, with `handleSignals`, until SIGTERM or SIGINT);
    /// `bound` gets the port actually bound (for `--port 0`). Signal handling sets the process's
    /// SIGTERM and SIGINT aside for the server, so an embedding process (a test) passes false.
    public func run(handleSignals: Bool = true, bound: @escaping @Sendable (Int) async -> Void) async throws {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: AccessGuard<BasicRequestContext>(token: options.token, loopback: ServerOptions.isLoopback(options.host)))
        Routes(supervisor: supervisor, assets: assets, options: options).register(on: router)
        var logger = Logger(label: "breastai-serve")
        logger.logLevel = .critical  // failures reach the caller as errors; a cancelled shutdown is not news
        let app = Application(router: router,
                              configuration: .init(address: .hostname(options.host, port: options.port), serverName: "breastai"),
                              onServerRunning: { channel in await bound(channel.localAddress?.port ?? options.port) },
                              logger: logger)
        try await app.runService(gracefulShutdownSignals: handleSignals ? [.sigterm, .sigint] : [])
    }
}
