import Foundation

/// One-line messages for `JSONDecoder` failures, for errors that name the file.
public enum DecodingFailure {
    /// One line for a JSON decoding failure: where, and what was wrong.
    public static func describe(_ error: Error, data: Data? = nil) -> String {
        func path(_ codingPath: [CodingKey]) -> String {
            codingPath.isEmpty ? "top level" : codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field \"\(key.stringValue)\" at \(path(context.codingPath))"
        case .typeMismatch(let type, let context):
            return "wrong type at \(path(context.codingPath)) (expected \(type))"
        case .valueNotFound(let type, let context):
            return "null at \(path(context.codingPath)) (expected \(type))"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty, let data {
                // JSONDecoder does not say where; JSONSerialization does.
                do {
                    _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
                } catch {
                    let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
                    return "invalid JSON" + (detail.map { " (\($0))" } ?? "")
                }
            }
            return "\(context.debugDescription) at \(path(context.codingPath))"
        @unknown default:
            return "\(error)"
        }
    }
}
