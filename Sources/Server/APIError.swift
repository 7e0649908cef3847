import Foundation
import Hummingbird

/// A refused request: its HTTP status and a one-line message, sent as `{"error": "..."}`.
///
/// Errors of the layers below (a bad configuration, a missing data folder: `RuntimeError`) are
/// wrapped as 400 with their own message; anything unexpected becomes a 500 with its text.
public struct APIError: Error, CustomStringConvertible, Sendable {
    public var status: HTTPResponse.Status
    public var message: String

    public init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message.replacingOccurrences(of: "\n", with: " ")
    }

    public var description: String { "\(status.code): \(message)" }

    static func badRequest(_ message: String) -> APIError { APIError(.badRequest, message) }
    static func forbidden(_ message: String) -> APIError { APIError(.forbidden, message) }
    static func notFound(_ message: String) -> APIError { APIError(.notFound, message) }
    static func conflict(_ message: String) -> APIError { APIError(.conflict, message) }
}
