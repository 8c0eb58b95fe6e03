import BulkheadCore
import Foundation
import Hummingbird

extension BulkheadAPI {
  /// A GM write or a player action: auth or rate limit, body, command, state store.
  func write(_ endpoint: Endpoint, _ request: Request, _ context: AppRequestContext) async throws -> Response {
    let limit: Int
    if endpoint.isPlayerAction {
      try checkRate(context, playerLimiter)
      limit = ServerLimits.playerBodyBytes
    } else {
      _ = try await requireGM(request)
      limit = ServerLimits.bodyBytes
    }
    let body = try await request.body.collect(upTo: limit)
    let command = try Command.decode(endpoint, body: Data(body.readableBytesView))
    var response = try await store.execute(command)
    response["success"] = true
    return JSONResponse.make(.object(response))
  }

  /// `POST /api/auth/login`: `{username, password}` → `{token, expires_at}`.
  func login(_ request: Request, _ context: AppRequestContext) async throws -> Response {
    try checkRate(context, loginLimiter)
    let body = try JSONObject.requestBody(
      Data(try await request.body.collect(upTo: ServerLimits.playerBodyBytes).readableBytesView))
    let username: String
    let password: String
    do {
      username = try body.string("username")
      password = try body.string("password")
    } catch {
      throw CommandError(error)
    }
    guard let session = try await accounts.login(username: username, password: password) else {
      throw APIError(.unauthorized, "invalid username or password")
    }
    return JSONResponse.make([
      "token": .string(session.token), "expires_at": .string(Timestamps.iso(session.expiresAt) + "Z"),
      "username": .string(session.username),
    ])
  }

  /// The GM behind the request's bearer token; 401 without a valid one.
  func requireGM(_ request: Request) async throws -> String {
    guard let header = request.headers[.authorization] else {
      throw APIError(.unauthorized, "authentication required: send Authorization: Bearer <token>")
    }
    let scheme = header.prefix { $0 != " " }
    let token = header.dropFirst(scheme.count).drop { $0 == " " }
    guard scheme.lowercased() == "bearer", !token.isEmpty,
      let user = try await accounts.user(forToken: String(token))
    else {
      throw APIError(.unauthorized, "invalid or expired token: log in again")
    }
    return user
  }

  private func checkRate(_ context: AppRequestContext, _ limiter: RateLimiter) throws {
    let client = context.remoteAddress?.ipAddress ?? "unknown"
    guard limiter.allow(client) else {
      throw APIError(.tooManyRequests, "too many requests: slow down")
    }
  }
}
