import BulkheadCore
import Synchronization

/// The GM console's link to its server: public reads, writes with the GM's token, and the login that replaces the
/// token and stores it in the credentials file for the other gm commands.
public final class GMConsoleClient: GMServerAPI {
  /// The server's base URL without a trailing slash.
  public let server: String
  /// The bearer token the writes carry; `nil` until logged in.
  private let token: Mutex<String?>

  /// A client for `server`, writing with `token` when one is stored.
  public init(server: String, token: String?) {
    self.server = server
    self.token = Mutex(token)
  }

  public func get(_ path: String) async throws(ServerAPIError) -> JSONValue {
    try await HTTPJSONClient(server: server).get(path)
  }

  public func file(_ path: String) async throws(ServerAPIError) -> [UInt8] {
    try await HTTPJSONClient(server: server).file(path)
  }

  public func post(_ path: String, body: JSONValue) async throws(ServerAPIError) -> JSONValue {
    try await HTTPJSONClient(server: server).post(path, body: body)
  }

  public func write(_ path: String, body: JSONValue) async throws(ServerAPIError) -> JSONValue {
    guard let token = token.withLock({ $0 }) else { throw .refused(status: 401, message: "not logged in") }
    return try await HTTPJSONClient(server: server, token: token).post(path, body: body)
  }

  public func logIn(user: String, password: String) async throws(ServerAPIError) {
    let answer = try await HTTPJSONClient(server: server).post(
      "/api/auth/login", body: ["username": .string(user), "password": .string(password)])
    guard let newToken = answer["token"]?.stringValue, !newToken.isEmpty else {
      throw .unreachable("\(server) answered the login without a token")
    }
    token.withLock { $0 = newToken }
    do {
      try Credentials.standard().save(
        Credentials.Login(token: newToken, expiresAt: answer["expires_at"]?.stringValue ?? ""), for: server)
    } catch {
      throw .refused(status: 0, message: "logged in, but the token was not stored: \(error.description)")
    }
  }
}
