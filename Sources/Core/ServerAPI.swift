/// The REST side of the server as its clients use it: JSON reads, files and the players' public actions.
///
/// The display's loop depends only on this protocol; BulkheadClient supplies one over HTTP.
public protocol ServerAPI: Sendable {
  /// `GET path` (e.g. `/api/messages/?since=3`) and its JSON body.
  ///
  /// - Throws: ``ServerAPIError`` for an error status or an unreachable server.
  func get(_ path: String) async throws(ServerAPIError) -> JSONValue

  /// `GET path` and the answer's bytes, whatever their type (a portrait image or text).
  ///
  /// - Throws: ``ServerAPIError`` for an error status or an unreachable server.
  func file(_ path: String) async throws(ServerAPIError) -> [UInt8]

  /// `POST path` with a JSON `body`, and the answer's JSON body.
  ///
  /// - Throws: ``ServerAPIError`` for an error status or an unreachable server.
  func post(_ path: String, body: JSONValue) async throws(ServerAPIError) -> JSONValue
}

/// Why a REST request to the server failed.
public enum ServerAPIError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The server answered with an error status; `message` is its `error` field, or the status text.
  case refused(status: Int, message: String)
  /// The server could not be reached, or the answer was not JSON.
  case unreachable(String)

  public var description: String {
    switch self {
    case .refused(let status, let message): "\(status): \(message)"
    case .unreachable(let reason): reason
    }
  }
}
