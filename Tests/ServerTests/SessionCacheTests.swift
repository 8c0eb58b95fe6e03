import BulkheadCore
import Foundation
import Testing

@testable import BulkheadServer
@testable import TestSupport

@Suite("Sessions checked in memory")
struct SessionCacheTests {
  @Test("an entry is trusted until its expiry, and only for a short while before the database is asked again")
  func cacheRules() {
    let cache = SessionCache()
    let now = Date()
    cache.remember("t1", username: "gm", expiresAt: now.addingTimeInterval(60))
    guard case .user("gm") = cache.lookup("t1", now: now) else {
      Issue.record("a fresh session was not found")
      return
    }
    guard case .expired = cache.lookup("t1", now: now.addingTimeInterval(61)) else {
      Issue.record("an expired session was still trusted")
      return
    }
    guard case .unknown = cache.lookup("t1", now: now) else {
      Issue.record("an expired session was kept")
      return
    }
    cache.remember("t2", username: "gm", expiresAt: now.addingTimeInterval(60))
    cache.remember("t3", username: "other", expiresAt: now.addingTimeInterval(60))
    cache.forget(username: "gm")
    if case .user = cache.lookup("t2", now: now) { Issue.record("a forgotten user's session was trusted") }
    guard case .user("other") = cache.lookup("t3", now: now) else {
      Issue.record("another user's session was forgotten")
      return
    }
  }

  @Test("a password change ends the GM's sessions at once here, and within seconds when another process makes it")
  func revocation() async throws {
    try await ServerHarness.with { server in
      #expect(try await server.gm("/api/gm/charon/mode/", #"{"mode":"QUERY"}"#).status == 200)
      try await server.server.accounts.setAccount(username: ServerHarness.username, password: "a new password")
      #expect(try await server.gm("/api/gm/charon/mode/", #"{"mode":"DISPLAY"}"#).status == 401)

      let login = try await server.post(
        "/api/auth/login", #"{"username":"\#(ServerHarness.username)","password":"a new password"}"#)
      let token = try #require(login.json["token"]?.stringValue)
      let write = { try await server.post("/api/gm/charon/mode/", #"{"mode":"QUERY"}"#, token: token).status }
      #expect(try await write() == 200)
      // `bulkhead accounts add` run beside the server: its own store on the same database file.
      let other = AccountStore(database: try Database(path: server.folder.appendingPathComponent("db.sqlite").path))
      try await other.setAccount(username: ServerHarness.username, password: "yet another one")
      var status = try await write()
      for _ in 0..<50 where status == 200 {
        try await Task.sleep(for: .milliseconds(100))
        status = try await write()
      }
      #expect(status == 401, "the token still worked 5 s after another process changed the password")
    }
  }
}
