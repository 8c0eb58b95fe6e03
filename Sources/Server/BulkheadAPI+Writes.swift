import BulkheadCore
import Foundation
import Hummingbird

extension BulkheadAPI {
  /// A GM write or a player action: auth or rate limit, body, command, state store; counted and logged with who
  /// sent it, the command, the status and the time taken (never the token or the body).
  func write(_ endpoint: Endpoint, _ request: Request, _ context: AppRequestContext) async throws -> Response {
    let started = ContinuousClock.now
    var who = endpoint.isPlayerAction ? "player" : "anonymous"
    do {
      let limit: Int
      if endpoint.isPlayerAction {
        try checkRate(context, playerLimiter, .player)
        limit = ServerLimits.playerBodyBytes
      } else {
        who = try await requireGM(request)
        limit = ServerLimits.bodyBytes
      }
      let body = try await request.body.collect(upTo: limit)
      let command = try Command.decode(endpoint, body: Data(body.readableBytesView))
      var response = try await store.execute(command)
      response["success"] = true
      logWrite(endpoint, who: who, status: 200, after: started.duration(to: .now), succeeded: true, context)
      return JSONResponse.make(.object(response))
    } catch {
      logWrite(
        endpoint, who: who, status: Self.status(of: error), after: started.duration(to: .now), succeeded: false, context
      )
      throw error
    }
  }

  /// Counts a write and logs its request line; the write → publish histogram takes the writes that succeeded.
  private func logWrite(
    _ endpoint: Endpoint, who: String, status: Int, after duration: Duration, succeeded: Bool,
    _ context: AppRequestContext
  ) {
    let command = "\(endpoint)"
    metrics.write(command: command, status: status, publishedAfter: succeeded ? duration : nil)
    let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    context.logger.info(
      "write",
      metadata: [
        "who": "\(who)", "command": "\(command)", "path": "\(endpoint.rawValue)", "status": "\(status)",
        "duration_ms": "\(String(format: "%.2f", milliseconds))",
        "client": "\(context.remoteAddress?.ipAddress ?? "unknown")",
      ])
  }

  /// The status the error middleware answers `error` with.
  static func status(of error: any Error) -> Int {
    switch error {
    case let error as APIError: Int(error.status.code)
    case let error as CommandError: Int(APIError(error).status.code)
    case let error as any HTTPResponseError: Int(error.status.code)
    default: 500
    }
  }

  /// `POST /api/auth/login`: `{username, password}` → `{token, expires_at}`.
  func login(_ request: Request, _ context: AppRequestContext) async throws -> Response {
    try checkRate(context, loginLimiter, .login)
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
      metrics.loginFailed()
      context.logger.notice(
        "login refused",
        metadata: ["user": "\(username)", "client": "\(context.remoteAddress?.ipAddress ?? "unknown")"])
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

  private func checkRate(
    _ context: AppRequestContext, _ limiter: RateLimiter, _ kind: ServerMetrics.Limiter
  ) throws {
    let client = context.remoteAddress?.ipAddress ?? "unknown"
    guard limiter.allow(client) else {
      metrics.rateLimitHit(kind)
      throw APIError(.tooManyRequests, "too many requests: slow down")
    }
  }
}
