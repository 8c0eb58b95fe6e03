import Foundation
import Testing

@testable import TestSupport

/// The cluster as an operator runs it: `bulkhead serve --cluster` children, `BULKHEAD_DATABASE_URL` for the other
/// commands, a display given several servers.
@Suite(
  "Cluster processes", .serialized, .timeLimit(.minutes(3)),
  .enabled(if: bulkheadExecutable != nil, "the bulkhead executable is not built"),
  .enabled(
    if: PostgresCluster.binaries != nil,
    "PostgreSQL is not installed (/usr/lib/postgresql/*/bin): apt-get install postgresql"))
struct ClusterProcessTests {
  private static let password = "cluster-proof"

  /// A fresh PostgreSQL with the GM account `ops`, made through `BULKHEAD_DATABASE_URL`.
  private static func database() throws -> PostgresCluster {
    let postgres = try PostgresCluster()
    let added = try BulkheadRun(
      ["accounts", "add", "ops", "--password-stdin"], environment: ["BULKHEAD_DATABASE_URL": postgres.url],
      stdin: password + "\n")
    guard added.status == 0 else {
      postgres.remove()
      throw HarnessError("accounts add failed: \(added.err)")
    }
    return postgres
  }

  private static func serve(_ postgres: PostgresCluster) throws -> (ChildProcess, String) {
    let child = try ChildProcess(["serve", "--port", "0", "--cluster", postgres.url])
    return (child, try child.serverURL())
  }

  private static func login(_ base: String) async throws -> String {
    let answer = try await ServerHarness.request(
      "POST", base + "/api/auth/login", body: #"{"username":"ops","password":"\#(password)"}"#)
    return try #require(answer.json["token"]?.stringValue, "\(answer.text)")
  }

  @Test("accounts and session through BULKHEAD_DATABASE_URL; a reset moves every running server to the new epoch")
  func commandsThroughTheURL() async throws {
    let postgres = try Self.database()
    defer { postgres.remove() }
    let environment = ["BULKHEAD_DATABASE_URL": postgres.url]
    let list = try BulkheadRun(["accounts", "list"], environment: environment)
    #expect(list.out == "ops\n", "\(list.err)")
    let (a, baseA) = try Self.serve(postgres)
    defer { _ = a.signal(SIGKILL, timeout: 5) }
    let (b, baseB) = try Self.serve(postgres)
    defer { _ = b.signal(SIGKILL, timeout: 5) }
    let token = try await Self.login(baseA)
    let write = try await ServerHarness.request(
      "POST", baseA + "/api/gm/switch-view/", body: #"{"view_type":"BRIDGE"}"#, token: token)
    #expect(write.status == 200)
    let before = try await ServerHarness.request("GET", baseA + "/api/active-view/").json
    let stream = try await EventStreamReader.open(baseB)
    defer { stream.close() }
    let shown = try BulkheadRun(["session", "show"], environment: environment)
    #expect(shown.out == "epoch \(before["epoch"]?.stringValue ?? "?") version 1 view BRIDGE\n", "\(shown.err)")
    let reset = try BulkheadRun(["session", "reset"], environment: environment)
    #expect(reset.status == 0, "\(reset.err)")
    let watchdog = Task {
      try await Task.sleep(for: .seconds(20))
      stream.close()
    }
    defer { watchdog.cancel() }
    var fresh: StreamEvent?
    while let event = await stream.nextEvent() {
      if let payload = try? event.payload(), payload.epoch != before["epoch"]?.stringValue {
        fresh = event
        break
      }
    }
    let payload = try #require(try fresh?.payload(), "server B never showed the new session")
    #expect(payload.viewType == .standby)
    #expect(payload.version == 0)
    // A hears the reset through its own notification, independently of B: it moves within seconds.
    var onA = try await ServerHarness.request("GET", baseA + "/api/active-view/").json
    let deadline = ContinuousClock.now + .seconds(10)
    while onA["epoch"] != .string(payload.epoch) && ContinuousClock.now < deadline {
      try await Task.sleep(for: .milliseconds(50))
      onA = try await ServerHarness.request("GET", baseA + "/api/active-view/").json
    }
    #expect(onA["epoch"] == .string(payload.epoch))
    let bad = try BulkheadRun(["accounts", "list"], environment: ["BULKHEAD_DATABASE_URL": "mysql://x@y/z"])
    #expect(bad.status != 0)
    #expect(bad.err.contains("postgres://"))
  }

  @Test("a server killed while a display watches it: the display moves to the next server, no banner, no write lost")
  func displayFailsOver() async throws {
    let postgres = try Self.database()
    defer { postgres.remove() }
    let (a, baseA) = try Self.serve(postgres)
    defer { _ = a.signal(SIGKILL, timeout: 5) }
    let (b, baseB) = try Self.serve(postgres)
    defer { _ = b.signal(SIGKILL, timeout: 5) }
    let token = try await Self.login(baseB)
    func write(_ base: String, _ path: String, _ body: String) async throws {
      let answer = try await ServerHarness.request("POST", base + path, body: body, token: token)
      #expect(answer.status == 200, "\(answer.text)")
    }
    try await write(baseB, "/api/gm/switch-view/", #"{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn"}"#)
    let display = try HeadlessDisplay(
      server: baseA, arguments: ["--server", baseB, "--failure-threshold", "1"])
    defer { display.stop() }
    try await write(baseA, "/api/gm/encounter/toggle-room/", #"{"room_id":"bridge","visible":true}"#)
    try display.waitFor(text: "BRIDGE")
    #expect(a.signal(SIGKILL, timeout: 5) != nil)
    try await write(baseB, "/api/gm/encounter/toggle-room/", #"{"room_id":"galley","visible":true}"#)
    let moved = try display.waitFor(text: "GALLEY", timeout: 30)
    #expect(moved.text.contains("BRIDGE"))
    #expect(!display.frames.contains { $0.text.contains("CONNECTION LOST") }, "a banner showed though B was up")
    #expect(!display.frames.contains { $0.text.contains("STANDBY") }, "the display flashed STANDBY")
  }
}
