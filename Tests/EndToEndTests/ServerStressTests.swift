import Foundation
import Synchronization
import Testing

@testable import TestSupport

/// The server as a child process under connection churn and at its open-file limit.
@Suite("Server under stress", .enabled(if: bulkheadExecutable != nil, "the bulkhead executable is not built"))
struct ServerStressTests {
  private static let password = "churn-and-burn"

  /// A server child with a GM account, started by `shell` (which gets the `bulkhead` path as `$0`... `$@`).
  private static func serve(_ extra: [String], openFiles: Int? = nil) throws -> (ChildProcess, String, Int) {
    let database = try temporaryFolder().appendingPathComponent("db.sqlite")
    _ = try ChildProcess.run(
      ["accounts", "add", "ops", "--db", database.path, "--password-stdin"], stdin: password + "\n")
    let arguments = ["serve", "--port", "0", "--db", database.path] + extra
    let child = try ChildProcess(arguments, openFileLimit: openFiles)
    let base = try child.serverURL()
    return (child, base, Int(base.split(separator: ":").last ?? "") ?? 0)
  }

  private static func login(_ base: String) async throws -> String {
    let answer = try await ServerHarness.request(
      "POST", base + "/api/auth/login", body: #"{"username":"ops","password":"\#(password)"}"#)
    return try #require(answer.json["token"]?.stringValue)
  }

  /// A one-shot request on its own connection; the answer's status, or nil when none came within `timeout`.
  private static func rawRequest(
    _ port: Int, _ method: String, _ path: String, body: String = "", token: String? = nil, timeout: Int = 5
  ) async -> (status: Int?, text: String) {
    guard let connection = try? RawConnection(port: port) else { return (nil, "connect failed") }
    let auth = token.map { "Authorization: Bearer \($0)\r\n" } ?? ""
    connection.send(
      "\(method) \(path) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\(auth)Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
    )
    let (text, _) = await connection.readAll(timeout: timeout)
    return (RawConnection.status(of: text), text)
  }

  @Test("16 clients that open the stream, read the first event and close, in a loop, while the GM writes: no hang")
  func churnAgainstWrites() async throws {
    let (child, base, port) = try Self.serve([])
    let token = try await Self.login(base)
    let stop = Atomic<Bool>(false)
    let connections = Atomic<Int>(0)
    let clients = (0..<16).map { _ in
      Thread {
        while !stop.load(ordering: .relaxed) {
          guard let connection = try? RawConnection(port: port) else { continue }
          connection.send("GET /api/active-view/stream/ HTTP/1.1\r\nHost: x\r\n\r\n")
          if connection.blockingRead(until: "\n\n", after: "data: ", timeout: 5) {
            connections.add(1, ordering: .relaxed)
          }
        }
      }
    }
    for client in clients { client.start() }
    var writes = (answered: 0, unanswered: 0)
    let end = ContinuousClock.now + .seconds(8)
    var index = 0
    while ContinuousClock.now < end {
      index += 1
      let view = index % 2 == 0 ? "STANDBY" : "SHIP_DASHBOARD"
      let answer = await Self.rawRequest(
        port, "POST", "/api/gm/switch-view/", body: #"{"view_type":"\#(view)"}"#, token: token)
      if answer.status == 200 { writes.answered += 1 } else { writes.unanswered += 1 }
      try await Task.sleep(for: .milliseconds(50))
    }
    stop.store(true, ordering: .relaxed)
    while clients.contains(where: { !$0.isFinished }) { try await Task.sleep(for: .milliseconds(20)) }
    let alive = await Self.rawRequest(port, "GET", "/api/active-view/")
    #expect(alive.status == 200, "the server stopped answering after the churn")
    #expect(writes.unanswered == 0, "\(writes.unanswered) GM writes got no answer within 5 s")
    #expect(connections.load(ordering: .relaxed) > 100, "the churn barely ran: \(connections.load(ordering: .relaxed))")
    let seconds = child.signal(SIGTERM, timeout: 10)
    #expect(seconds != nil, "SIGTERM did not end the server")
  }

  @Test("at the open-file limit: held connections served, new ones refused with 503 JSON, no spinning, logged once")
  func openFileLimit() async throws {
    // 200 open files leave room for 136 connections (64 are kept for the database, files and the runtime).
    let (child, base, port) = try Self.serve(["--request-timeout", "3"], openFiles: 200)
    let token = try await Self.login(base)
    let stream = try RawConnection(port: port)
    stream.send("GET /api/active-view/stream/ HTTP/1.1\r\nHost: x\r\n\r\n")
    #expect(stream.blockingRead(until: "\n\n", after: "data: ", timeout: 5))
    // Half-sent heads, as a slow attacker sends them, up to and past the limit.
    var held: [RawConnection] = []
    for _ in 0..<160 {
      let connection = try RawConnection(port: port)
      connection.send("GET /api/active-view/ HTTP/1.1\r\nHost: x\r\nX-Slow: ")
      held.append(connection)
    }
    let refused = await Self.rawRequest(port, "GET", "/api/active-view/")
    #expect(refused.status == 503, "\(refused.text)")
    #expect(refused.text.contains(#"{"error":"#))
    let before = child.cpuSeconds()
    try await Task.sleep(for: .seconds(1))
    if let before, let after = child.cpuSeconds() {
      #expect(after - before < 0.5, "the server used \(after - before) s of CPU in 1 s at the limit: it spins")
    }
    // The request timeout closes the half-sent heads; the server takes writes again and the held stream gets them.
    try await Task.sleep(for: .seconds(4))
    let write = await Self.rawRequest(
      port, "POST", "/api/gm/switch-view/", body: #"{"view_type":"SHIP_DASHBOARD"}"#, token: token)
    #expect(write.status == 200, "\(write.text)")
    #expect(stream.blockingRead(until: "\n\n", after: "SHIP_DASHBOARD", timeout: 5), "the held stream lost its events")
    _ = child.signal(SIGTERM, timeout: 10)
    let log = child.errorText()
    #expect(log.components(separatedBy: "connection limit reached").count - 1 == 1, "\(log)")
    withExtendedLifetime(held) {}
  }
}
