import BulkheadCore

/// A gm command's link to its server: the stored login, the request, and the exit status each failure means.
public struct GMClient {
  /// The server's base URL without a trailing slash.
  public let server: String
  private let http: HTTPJSONClient

  /// A client with the login stored for `server` (a base URL without a trailing slash).
  ///
  /// - Throws: ``GMFailure`` (status 1) when there is no stored login for that server.
  public init(server: String) throws(GMFailure) {
    let login: Credentials.Login?
    do {
      login = try Credentials.standard().login(for: server)
    } catch {
      throw .refused(error.description)
    }
    guard let login else {
      throw .refused("not logged in to \(server): run `\(Self.loginHint(server))` first")
    }
    self.server = server
    http = HTTPJSONClient(server: server, token: login.token)
  }

  /// `bulkhead gm login …` for `server`, as the hint for a missing or refused login.
  public static func loginHint(_ server: String) -> String {
    "bulkhead gm login --server \(server) --user NAME"
  }

  /// Sends `command` (`POST` its endpoint with its body); the answer's JSON.
  public func send(_ command: Command) async throws(GMFailure) -> JSONValue {
    do {
      return try await http.post(command.endpoint.rawValue, body: command.body)
    } catch {
      throw failure(error)
    }
  }

  /// `GET path`; the answer's JSON.
  public func get(_ path: String) async throws(GMFailure) -> JSONValue {
    do {
      return try await http.get(path)
    } catch {
      throw failure(error)
    }
  }

  private func failure(_ error: ServerAPIError) -> GMFailure {
    switch error {
    case .refused(status: 401, let message):
      .refused("refused (401): \(message); run `\(Self.loginHint(server))`")
    case .refused(let status, let message):
      .refused("refused (\(status)): \(message)")
    case .unreachable(let reason):
      .unreachable(UntrustedText.sanitize(reason))
    }
  }
}
