import BulkheadCanvas
import BulkheadCore

/// The REST side of the server as the GM console uses it: the display's reads, the GM's authenticated writes, and
/// the login that gets the token for them.
///
/// The console's loop depends only on this protocol; the executable supplies one over HTTP that keeps the token in
/// the GM's credentials file.
public protocol GMConsoleAPI: PlayerAPI {
  /// `POST path` with a JSON `body`, authenticated with the current token.
  ///
  /// - Throws: ``PlayerAPIError``; status 401 when there is no token or the server refuses it.
  func write(_ path: String, body: JSONValue) async throws(PlayerAPIError) -> JSONValue

  /// Logs in as `user` with `password`, keeps the new token for later writes and stores it for later runs.
  ///
  /// - Throws: ``PlayerAPIError`` when the server refuses the login or cannot be reached.
  func logIn(user: String, password: String) async throws(PlayerAPIError)
}
