import BulkheadCanvas
import BulkheadCore

/// The REST side of the server as the player display uses it: JSON reads and the players' public actions.
///
/// The display's loop depends only on this protocol; the executable supplies one over HTTP.
public protocol PlayerAPI: Sendable {
  /// `GET path` (e.g. `/api/messages/?since=3`) and its JSON body.
  ///
  /// - Throws: ``PlayerAPIError`` for an error status or an unreachable server.
  func get(_ path: String) async throws(PlayerAPIError) -> JSONValue

  /// `GET path` and the answer's bytes, whatever their type (a portrait image or text).
  ///
  /// - Throws: ``PlayerAPIError`` for an error status or an unreachable server.
  func file(_ path: String) async throws(PlayerAPIError) -> [UInt8]

  /// `POST path` with a JSON `body`, and the answer's JSON body.
  ///
  /// - Throws: ``PlayerAPIError`` for an error status or an unreachable server.
  func post(_ path: String, body: JSONValue) async throws(PlayerAPIError) -> JSONValue
}

/// Why a REST request of the display failed.
public enum PlayerAPIError: Error, Sendable, Equatable, CustomStringConvertible {
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

extension PlayerAPI {
  /// `GET path` as a `Result`, for loops that feed answers back as inputs.
  func result(ofGet path: String) async -> Result<JSONValue, PlayerAPIError> {
    do throws(PlayerAPIError) {
      return .success(try await get(path))
    } catch {
      return .failure(error)
    }
  }
}
