/// The REST side of the server as the GM's clients use it: the display's reads, the GM's authenticated writes, and
/// the login that gets the token for them.
///
/// The GM console's loop depends only on this protocol; BulkheadClient supplies one over HTTP that keeps the token
/// in the GM's credentials file.
public protocol GMServerAPI: ServerAPI {
  /// `POST path` with a JSON `body`, authenticated with the current token.
  ///
  /// - Throws: ``ServerAPIError``; status 401 when there is no token or the server refuses it.
  func write(_ path: String, body: JSONValue) async throws(ServerAPIError) -> JSONValue

  /// Logs in as `user` with `password`, keeps the new token for later writes and stores it for later runs.
  ///
  /// - Throws: ``ServerAPIError`` when the server refuses the login or cannot be reached.
  func logIn(user: String, password: String) async throws(ServerAPIError)
}
