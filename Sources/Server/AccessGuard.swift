import Foundation
import Hummingbird

/// Who may talk to the server, checked before every route, and errors turned into JSON.
///
/// - A token (set with `--token`, or generated when binding a non-loopback address) must come as
///   `Authorization: Bearer T`, as `?token=T` (the page's first load; answered with a cookie), or
///   as the `breastai_token` cookie. Loopback binds need none unless one was given.
/// - On a loopback bind the `Host` header must name a loopback host (a page of another site that
///   resolves its own name to 127.0.0.1 is refused).
/// - A POST must carry `X-BreastAI: 1`, which a page of another origin cannot send without the
///   browser asking first (and this server never allows it), so no other site can start a run.
/// - Every error leaves as `{"error": "..."}` with its status; nothing is echoed but the message.
struct AccessGuard<Context: RequestContext>: RouterMiddleware {
    static var cookieName: String { "breastai_token" }
    let token: String?
    let loopback: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let viaQuery = try check(request)
            var response = try await next(request, context)
            if viaQuery, let token {
                response.headers[.setCookie] = "\(Self.cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict"
            }
            return response
        } catch let error as APIError {
            return JSONResponse.error(error)
        } catch let error as HTTPError {
            let message = error.status == .contentTooLarge ? "request body too large" : (error.body ?? error.status.reasonPhrase)
            return JSONResponse.error(APIError(error.status, message))
        } catch {
            return JSONResponse.error(APIError(.internalServerError, "\(error)"))
        }
    }

    /// Throws 401/403 when the request may not pass; returns whether the token came in the query.
    func check(_ request: Request) throws(APIError) -> Bool {
        if loopback, let host = request.head.authority, !Self.isLoopbackHost(host) {
            throw .forbidden("host '\(host)' is not this server's loopback address")
        }
        if request.method == .post, request.headers.first(where: { $0.name.canonicalName == "x-breastai" })?.value != "1" {
            throw .forbidden("a POST needs the header X-BreastAI: 1 (sent by the page; it keeps other sites' pages from posting here)")
        }
        guard let token else { return false }
        let bearer = request.headers[.authorization].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
        let query = request.uri.queryParameters.get("token")
        let cookie = request.headers[values: .cookie].flatMap { $0.split(separator: ";") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix(Self.cookieName + "=") }.map { String($0.dropFirst(Self.cookieName.count + 1)) }
        if Self.matches(bearer, token) || Self.matches(cookie, token) { return false }
        if Self.matches(query, token) { return true }
        throw APIError(.unauthorized, "a token is required: open the URL printed by serve (with ?token=...) or send Authorization: Bearer <token>")
    }

    /// Constant-time comparison of a presented token with the server's.
    static func matches(_ presented: String?, _ token: String) -> Bool {
        guard let presented else { return false }
        let a = Array(presented.utf8), b = Array(token.utf8)
        guard a.count == b.count else { return false }
        var diff: UInt8 = 0
        for i in a.indices { diff |= a[i] ^ b[i] }
        return diff == 0
    }

    /// Whether a `Host` value (`name[:port]`, `[v6]:port`) names loopback.
    static func isLoopbackHost(_ host: String) -> Bool {
        var name = host
        if name.hasPrefix("["), let close = name.firstIndex(of: "]") {
            name = String(name[name.index(after: name.startIndex)..<close])
        } else if let colon = name.lastIndex(of: ":") {
            name = String(name[..<colon])
        }
        return ServerOptions.isLoopback(name)
    }
}

/// JSON bodies of responses.
enum JSONResponse {
    static func make(_ object: Any, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func error(_ error: APIError) -> Response { make(["error": error.message], status: error.status) }
}
