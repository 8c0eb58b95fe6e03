import BulkheadCore
import BulkheadServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore

/// The server's routes driven in memory with HummingbirdTesting's router framework: no socket between the test and
/// the handlers, the same stores and answers as a running server, and the same calls as ``ServerHarness``. The event
/// stream needs a real connection: its tests use ``ServerHarness``.
struct RouteHarness: Sendable {
  let server: BulkheadServer
  let client: any TestClientProtocol
  /// The GM account's token.
  let token: String

  /// Builds a server on a fresh database (the demo campaign unless `campaign` is given), logs the GM in, and runs
  /// `body` against its router.
  static func with<T: Sendable>(
    campaign: Campaign? = nil, _ body: @Sendable (RouteHarness) async throws -> T
  ) async throws -> T {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var logger = Logger(label: "route-tests")
    logger.logLevel = .warning
    let server = try await BulkheadServer(
      configuration: ServerConfiguration(
        port: 0, campaign: campaign ?? demoCampaign, databasePath: folder.appendingPathComponent("db.sqlite").path),
      logger: logger)
    try await server.accounts.setAccount(username: ServerHarness.username, password: ServerHarness.password)
    let application = Application(router: server.router(), logger: logger)
    return try await application.test(.router) { client in
      let login = try await Self.request(
        client, .post, "/api/auth/login",
        body: #"{"username":"\#(ServerHarness.username)","password":"\#(ServerHarness.password)"}"#)
      guard case .string(let token)? = login.json["token"] else {
        throw HarnessError("login failed: \(login.text)")
      }
      return try await body(RouteHarness(server: server, client: client, token: token))
    }
  }

  /// A GM write with the harness's token.
  func gm(_ path: String, _ body: String = "{}") async throws -> Answer {
    try await Self.request(client, .post, path, body: body, token: token)
  }

  /// A public POST (no token unless given).
  func post(_ path: String, _ body: String = "{}", token: String? = nil) async throws -> Answer {
    try await Self.request(client, .post, path, body: body, token: token)
  }

  /// A GET.
  func get(_ path: String, token: String? = nil) async throws -> Answer {
    try await Self.request(client, .get, path, token: token)
  }

  /// The current payload.
  func payload() async throws -> ActiveViewPayload {
    try ActiveViewPayload.decode(Array(try await get("/api/active-view/").text.utf8))
  }

  private static func request(
    _ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ path: String, body: String? = nil,
    token: String? = nil
  ) async throws -> Answer {
    var headers = HTTPFields()
    if let token { headers[.authorization] = "Bearer \(token)" }
    if body != nil { headers[.contentType] = "application/json" }
    let response = try await client.executeRequest(
      uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    let text = String(buffer: response.body)
    return Answer(
      status: Int(response.status.code), json: (try? JSONParser.parse(Array(text.utf8))) ?? .null, text: text)
  }
}
