import BulkheadCore
import Foundation
import Testing

@testable import BulkheadServer
@testable import TestSupport

/// Requests that are broken, slow or too big: each is answered or closed cleanly and changes nothing.
@Suite("Request faults")
struct RequestFaultTests {
  private static func port(_ server: ServerHarness) -> Int {
    Int(server.base.split(separator: ":").last ?? "") ?? 0
  }

  @Test(
    "broken request framing gets 400 with a JSON error, never 500",
    arguments: [
      (
        "a bad chunk size",
        "POST /api/gm/broadcast/ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer TOKEN\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
        false
      ),
      (
        "an unknown Transfer-Encoding",
        "POST /api/gm/broadcast/ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer TOKEN\r\nTransfer-Encoding: gzip\r\n\r\n{}",
        false
      ),
      (
        "a body shorter than its Content-Length",
        "POST /api/gm/broadcast/ HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer TOKEN\r\nContent-Length: 50\r\n\r\n{\"content\":",
        true
      ),
      (
        "a public action whose chunks break",
        "POST /api/terminal/hide/ HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\nq\r\n",
        false
      ),
    ])
  func brokenFraming(_ name: String, _ request: String, _ halfClose: Bool) async throws {
    try await ServerHarness.with { server in
      let connection = try RawConnection(port: Self.port(server))
      connection.send(request.replacingOccurrences(of: "TOKEN", with: server.token))
      if halfClose { connection.shutdownSending() }
      let (text, _) = await connection.readAll(timeout: 10)
      #expect(RawConnection.status(of: text) == 400, "\(name): \(text)")
      #expect(text.contains(#"{"error":"malformed request"#), "\(name): \(text)")
      #expect(try await server.get("/api/messages/").json["count"]?.intValue == 0, "\(name) stored a broadcast")
    }
  }

  @Test("a request head that stops half way is closed after the request timeout, without an answer")
  func incompleteHead() async throws {
    try await ServerHarness.with(requestTimeout: .seconds(1)) { server in
      let connection = try RawConnection(port: Self.port(server))
      connection.send("GET /api/active-view/ HTTP/1.1\r\nHost: x\r\nX-Slow: ")
      let (text, closed) = await connection.readAll(timeout: 10)
      #expect(closed, "the server kept a half-sent request open for 10 s")
      #expect(text.isEmpty)
    }
  }

  @Test("a kept-alive connection idle between requests is closed; an open stream is never cut")
  func idleConnection() async throws {
    try await ServerHarness.with(keepalive: .seconds(5), requestTimeout: .seconds(1)) { server in
      let stream = try RawConnection(port: Self.port(server))
      stream.send("GET /api/active-view/stream/ HTTP/1.1\r\nHost: x\r\n\r\n")
      let idle = try RawConnection(port: Self.port(server))
      idle.send("GET /api/active-view/ HTTP/1.1\r\nHost: x\r\n\r\n")
      let (text, closed) = await idle.readAll(timeout: 10)
      #expect(RawConnection.status(of: text) == 200)
      #expect(closed, "an idle kept-alive connection stayed open for 10 s")
      // The stream has been silent for longer than the request timeout: it must still be open and live.
      let ok = try await server.gm("/api/gm/switch-view/", #"{"view_type":"SHIP_DASHBOARD"}"#)
      #expect(ok.status == 200)
      let (streamed, streamClosed) = await stream.readAll(timeout: 2)
      #expect(!streamClosed, "the stream was cut")
      #expect(streamed.contains("SHIP_DASHBOARD"))
    }
  }

  @Test("a password over 72 bytes is refused when the account is made; one that differs past byte 72 never logs in")
  func longPasswords() async throws {
    try await ServerHarness.with { server in
      let long = String(repeating: "p", count: 72)
      try await server.server.accounts.setAccount(username: "exact", password: long)
      let refused = await #expect(throws: AccountError.self) {
        try await server.server.accounts.setAccount(username: "long", password: long + "x")
      }
      #expect(refused?.description.contains("at most 72 bytes") == true)
      let right = try await server.post("/api/auth/login", #"{"username":"exact","password":"\#(long)"}"#)
      #expect(right.status == 200)
      let longer = try await server.post("/api/auth/login", #"{"username":"exact","password":"\#(long)x"}"#)
      #expect(longer.status == 401, "a password that differs only after byte 72 logged in")
    }
  }

  @Test("what a write may add to the view is bounded, with a 400 naming the field; nothing changes")
  func writeBounds() async throws {
    try await ServerHarness.with { server in
      _ = try await server.gm("/api/gm/switch-view/", #"{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn"}"#)
      let before = try await server.payload().version
      let longName = String(repeating: "N", count: 60_000)
      for _ in 0..<20 {
        let answer = try await server.gm(
          "/api/gm/encounter/place-token/", #"{"type":"npc","name":"\#(longName)","x":1,"y":1}"#)
        #expect(answer.status == 400)
        #expect(answer.json["error"]?.stringValue?.contains("name is 60000 characters long") == true)
      }
      #expect(try await server.payload().version == before)
      for index in 0..<WriteLimits.tokensPerDeck {
        let placed = try await server.gm(
          "/api/gm/encounter/place-token/", #"{"type":"object","name":"crate \#(index)","x":1,"y":1}"#)
        try #require(placed.status == 200, "\(placed.text)")
      }
      let overflow = try await server.gm(
        "/api/gm/encounter/place-token/", #"{"type":"object","name":"one more","x":1,"y":1}"#)
      #expect(overflow.status == 400)
      #expect(overflow.json["error"]?.stringValue?.contains("already has 100 tokens") == true)
      let info = try await server.gm(
        "/api/gm/ship-status/toggle/",
        #"{"system":"life_support","status":"DAMAGED","info":"\#(String(repeating: "i", count: 201))"}"#)
      #expect(info.status == 400)
      #expect(info.json["error"]?.stringValue?.contains("info") == true)
      let broadcast = try await server.gm(
        "/api/gm/broadcast/", #"{"content":"\#(String(repeating: "b", count: 4001))"}"#)
      #expect(broadcast.status == 400)
      #expect(try await server.payload().version == before + WriteLimits.tokensPerDeck)
    }
  }
}
