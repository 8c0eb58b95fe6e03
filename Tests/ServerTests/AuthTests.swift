import BulkheadCore
import Foundation
import Testing

@testable import TestSupport

@Suite("Auth and limits")
struct AuthTests {
  /// Every GM write, with a body that would be valid.
  static let gmWrites: [(Endpoint, String)] = Endpoint.allCases.filter { !$0.isPlayerAction }.map { endpoint in
    (endpoint, #"{"view_type":"STANDBY"}"#)
  }

  @Test("401 on every GM endpoint without a token, with a bad token, and nothing changes")
  func gmWritesNeedAToken() async throws {
    try await RouteHarness.with { server in
      #expect(Self.gmWrites.count == 17)
      for (endpoint, body) in Self.gmWrites {
        let none = try await server.post(endpoint.rawValue, body)
        #expect(none.status == 401, "\(endpoint.rawValue) without a token")
        #expect(none.json["error"]?.stringValue?.isEmpty == false)
        let bad = try await server.post(endpoint.rawValue, body, token: "not-a-token")
        #expect(bad.status == 401, "\(endpoint.rawValue) with a bad token")
      }
      let visibility = try await server.get("/api/gm/encounter/room-visibility/")
      #expect(visibility.status == 200, "reads are public")
      #expect(try await server.payload().version == 0)
      let messages = try await server.get("/api/messages/")
      #expect(messages.json["count"] == .int(0))
    }
  }

  @Test("the three player actions are public")
  func playerActionsArePublic() async throws {
    try await RouteHarness.with { server in
      #expect(try await server.post("/api/terminal/hide/").status == 200)
      let dialog = try await server.post("/api/gm/charon/toggle-dialog/", #"{"open":true}"#)
      #expect(dialog.status == 200)
      #expect(dialog.json["charon_dialog_open"] == .bool(true))
      #expect(try await server.payload().charonDialogOpen)
      let query = try await server.post("/api/charon/submit-query/", #"{"query":"status?"}"#)
      #expect(query.status == 403)
    }
  }

  @Test("login: a wrong password and an unknown user both get 401; a token works")
  func login() async throws {
    try await ServerHarness.with { server in
      let wrong = try await server.post("/api/auth/login", #"{"username":"gm","password":"nope-nope"}"#)
      #expect(wrong.status == 401)
      let unknown = try await server.post("/api/auth/login", #"{"username":"ghost","password":"nope-nope"}"#)
      #expect(unknown.status == 401)
      #expect(wrong.json["error"] == unknown.json["error"])
      let missing = try await server.post("/api/auth/login", #"{"username":"gm"}"#)
      #expect(missing.status == 400)
      #expect(missing.json["error"]?.stringValue?.contains("password") == true)
      let good = try await server.post(
        "/api/auth/login", #"{"username":"gm","password":"\#(ServerHarness.password)"}"#)
      #expect(good.status == 200)
      let token = try #require(good.json["token"]?.stringValue)
      #expect(token.count == 64)
      #expect(good.json["expires_at"]?.stringValue?.hasSuffix("Z") == true)
      let write = try await server.post("/api/gm/charon/mode/", #"{"mode":"QUERY"}"#, token: token)
      #expect(write.status == 200)
      let lowercase = try await ServerHarness.request(
        "POST", server.base + "/api/gm/charon/mode/", body: #"{"mode":"DISPLAY"}"#, token: nil,
        headers: [("Authorization", "bearer \(token)")])
      #expect(lowercase.status == 200, "the scheme is case-insensitive")
      let basic = try await ServerHarness.request(
        "POST", server.base + "/api/gm/charon/mode/", body: #"{"mode":"DISPLAY"}"#, token: nil,
        headers: [("Authorization", "Basic \(token)")])
      #expect(basic.status == 401)
    }
  }

  @Test("a token survives a server restart on the same database")
  func tokenSurvivesRestart() async throws {
    let folder = try temporaryFolder()
    let token = try await ServerHarness.with(databaseFolder: folder) { $0.token }
    try await ServerHarness.with(databaseFolder: folder) { server in
      let write = try await server.post("/api/gm/charon/mode/", #"{"mode":"QUERY"}"#, token: token)
      #expect(write.status == 200)
    }
  }

  @Test("player actions are rate-limited per client: 429 past the burst")
  func rateLimit() async throws {
    try await ServerHarness.with { server in
      var statuses: [Int] = []
      for _ in 0..<40 { statuses.append(try await server.post("/api/terminal/hide/").status) }
      #expect(statuses.prefix(20).allSatisfy { $0 == 200 })
      #expect(statuses.contains(429))
      let limited = try await server.post("/api/terminal/hide/")
      if limited.status == 429 {
        #expect(limited.json["error"]?.stringValue?.isEmpty == false)
      }
      // GM writes are not rate-limited.
      for _ in 0..<30 {
        #expect(try await server.gm("/api/gm/charon/mode/", #"{"mode":"DISPLAY"}"#).status == 200)
      }
    }
  }

  @Test("bodies: 413 over 64 KiB for GM writes, over 4 KiB for player actions")
  func bodyLimits() async throws {
    try await ServerHarness.with { server in
      let big = String(repeating: "x", count: 70_000)
      let gm = try await server.gm("/api/gm/broadcast/", #"{"content":"\#(big)"}"#)
      #expect(gm.status == 413)
      #expect(gm.json["error"]?.stringValue?.isEmpty == false)
      // A body under 64 KiB is read; its content is then held to the broadcast's own limit.
      let fits = try await server.gm("/api/gm/broadcast/", #"{"content":"\#(String(big.prefix(60_000)))"}"#)
      #expect(fits.status == 400)
      #expect(fits.json["error"]?.stringValue?.contains("content is 60000 characters long") == true)
      let longest = String(big.prefix(WriteLimits.messageCharacters))
      #expect(try await server.gm("/api/gm/broadcast/", #"{"content":"\#(longest)"}"#).status == 200)
      let player = try await server.post("/api/charon/submit-query/", #"{"query":"\#(big.prefix(5000))"}"#)
      #expect(player.status == 413)
    }
  }
}
