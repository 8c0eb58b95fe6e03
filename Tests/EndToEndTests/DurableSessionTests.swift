import BulkheadCore
import Foundation
import Synchronization
import Testing

@testable import TestSupport

/// The session survives the server: `kill -9` between writes or in the middle of a burst, a clean restart, a
/// display watching through it; starting over is explicit.
@Suite("Durable session", .enabled(if: bulkheadExecutable != nil, "the bulkhead executable is not built"))
struct DurableSessionTests {
  private static let password = "kill-nine-proof"

  /// A database with the GM account `ops`.
  private static func database() throws -> String {
    let path = try temporaryFolder().appendingPathComponent("db.sqlite").path
    let added = try ChildProcess.run(
      ["accounts", "add", "ops", "--db", path, "--password-stdin"], stdin: password + "\n")
    guard added.status == 0 else { throw HarnessError("accounts add failed: \(added.err)") }
    return path
  }

  private static func serve(_ database: String, port: Int = 0, _ extra: [String] = []) throws -> (ChildProcess, String)
  {
    let child = try ChildProcess(["serve", "--port", String(port), "--db", database] + extra)
    return (child, try child.serverURL())
  }

  private static func login(_ base: String) async throws -> String {
    let answer = try await ServerHarness.request(
      "POST", base + "/api/auth/login", body: #"{"username":"ops","password":"\#(password)"}"#)
    return try #require(answer.json["token"]?.stringValue)
  }

  private static func write(_ base: String, _ token: String, _ path: String, _ body: String) async throws -> Answer {
    try await ServerHarness.request("POST", base + path, body: body, token: token)
  }

  private static func payload(_ base: String) async throws -> JSONValue {
    try await ServerHarness.request("GET", base + "/api/active-view/").json
  }

  @Test("kill -9 between writes: the same table, epoch and version come back, and the version goes on")
  func killBetweenWrites() async throws {
    let database = try Self.database()
    let (first, base) = try Self.serve(database)
    let token = try await Self.login(base)
    let writes: [(String, String)] = [
      ("/api/gm/switch-view/", #"{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn"}"#),
      ("/api/gm/encounter/toggle-room/", #"{"room_id":"bridge","visible":true}"#),
      ("/api/gm/encounter/toggle-room/", #"{"room_id":"galley","visible":true}"#),
      ("/api/gm/encounter/place-token/", #"{"type":"player","name":"Ash","x":2,"y":2,"room_id":"bridge"}"#),
      ("/api/gm/encounter/update-token-status/", #"{"token_id":"00000001","status":["wounded"]}"#),
      ("/api/gm/encounter/toggle-portrait/", #"{"npc_id":"imre_sallow"}"#),
      ("/api/gm/ship-status/toggle/", #"{"system":"engines","status":"DAMAGED","condition":35}"#),
      ("/api/gm/charon/mode/", #"{"mode":"QUERY"}"#),
    ]
    for (path, body) in writes {
      let answer = try await Self.write(base, token, path, body)
      #expect(answer.status == 200, "\(path): \(answer.text)")
    }
    let before = try await Self.payload(base)
    #expect(before["version"] == .int(writes.count))
    #expect(first.signal(SIGKILL, timeout: 5) != nil)

    let (second, restarted) = try Self.serve(database)
    defer { _ = second.signal(SIGKILL, timeout: 5) }
    let after = try await Self.payload(restarted)
    #expect(after == before, "the resumed payload differs")
    #expect(after["view_type"] == "ENCOUNTER")
    #expect(after["encounter_tokens"]?["00000001"]?["status"] == .array(["wounded"]))
    let next = try await Self.write(
      restarted, token, "/api/gm/encounter/toggle-room/", #"{"room_id":"crew_berths","visible":true}"#)
    #expect(next.status == 200)
    let continued = try await Self.payload(restarted)
    #expect(continued["epoch"] == before["epoch"])
    #expect(continued["version"] == .int(writes.count + 1))
  }

  @Test("kill -9 in a burst of writes from 4 GMs: every acknowledged write is there, one version per write")
  func killDuringBurst() async throws {
    let database = try Self.database()
    let (first, base) = try Self.serve(database)
    let token = try await Self.login(base)
    let opened = try await Self.write(
      base, token, "/api/gm/switch-view/", #"{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn"}"#)
    #expect(opened.status == 200)
    let start = try await Self.payload(base)
    let startVersion = try #require(start["version"]?.intValue)
    let acknowledged = Shared<Set<String>>([])
    try await withThrowingTaskGroup(of: Void.self) { writers in
      for writer in 0..<4 {
        writers.addTask {
          for index in 0..<2000 {
            let name = "w\(writer)-\(index)"
            let body = #"{"type":"npc","name":"\#(name)","x":2,"y":2,"room_id":"bridge"}"#
            guard let answer = try? await Self.write(base, token, "/api/gm/encounter/place-token/", body),
              answer.status == 200
            else { return }
            _ = acknowledged.withLock { $0.insert(name) }
          }
        }
      }
      writers.addTask {
        // Kill while the four writers are mid-flight (a deck holds at most 100 tokens: WriteLimits).
        for _ in 0..<3000 where acknowledged.withLock({ $0.count }) < 60 {
          try await Task.sleep(for: .milliseconds(5))
        }
        #expect(first.signal(SIGKILL, timeout: 5) != nil)
      }
      try await writers.waitForAll()
    }
    let acked = acknowledged.withLock { $0 }
    #expect(acked.count >= 60)

    let (second, restarted) = try Self.serve(database)
    defer { _ = second.signal(SIGKILL, timeout: 5) }
    let after = try await Self.payload(restarted)
    let names = Set((after["encounter_tokens"]?.objectValue ?? [:]).values.compactMap { $0["name"]?.stringValue })
    #expect(acked.subtracting(names).isEmpty, "acknowledged but lost: \(acked.subtracting(names).sorted())")
    let version = try #require(after["version"]?.intValue)
    #expect(version - startVersion == names.count, "one version per stored token: nothing half-applied")
    #expect(names.count - acked.count <= 4, "at most one write in flight per writer was stored unacknowledged")
    #expect(after["epoch"] == start["epoch"])
  }

  @Test("a display watching through a kill -9 comes back to the same frame, never to STANDBY")
  func displayThroughRestart() async throws {
    let database = try Self.database()
    let port = try freeLoopbackPort()
    let (first, base) = try Self.serve(database, port: port)
    let token = try await Self.login(base)
    for (path, body) in [
      ("/api/gm/switch-view/", #"{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn"}"#),
      ("/api/gm/encounter/toggle-room/", #"{"room_id":"bridge","visible":true}"#),
      ("/api/gm/encounter/place-token/", #"{"type":"player","name":"Ash","x":2,"y":2,"room_id":"bridge"}"#),
      ("/api/gm/encounter/toggle-room/", #"{"room_id":"galley","visible":true}"#),
    ] {
      #expect(try await Self.write(base, token, path, body).status == 200)
    }
    let display = try HeadlessDisplay(server: base, arguments: ["--failure-threshold", "1"])
    defer { display.stop() }
    let before = try display.waitFor(text: "GALLEY")
    #expect(first.signal(SIGKILL, timeout: 5) != nil)
    let lost = try display.waitFor(text: "CONNECTION LOST", timeout: 30)

    let (second, restarted) = try Self.serve(database, port: port)
    defer { _ = second.signal(SIGKILL, timeout: 5) }
    let back = try display.waitFor("the banner gone", timeout: 30) {
      $0.number > lost.number && !$0.text.contains("CONNECTION LOST")
    }
    #expect(back.text == before.text, "the frame after the restart differs:\n\(back.text)\nbefore:\n\(before.text)")
    #expect(!display.frames.contains { $0.text.contains("STANDBY") }, "the display flashed STANDBY")
    #expect(
      try await Self.write(
        restarted, token, "/api/gm/encounter/toggle-room/", #"{"room_id":"crew_berths","visible":true}"#
      ).status == 200)
    try display.waitFor(text: "CREW BERTHS")
  }

  @Test("starting over is explicit: session reset and serve --new-session give a new epoch at version 0")
  func startingOver() async throws {
    let database = try Self.database()
    let (first, base) = try Self.serve(database)
    let token = try await Self.login(base)
    #expect(try await Self.write(base, token, "/api/gm/switch-view/", #"{"view_type":"BRIDGE"}"#).status == 200)
    let used = try await Self.payload(base)
    #expect(first.signal(SIGTERM, timeout: 5) != nil)

    let shown = try ChildProcess.run(["session", "show", "--db", database])
    #expect(shown.status == 0, "\(shown.err)")
    #expect(shown.out == "epoch \(used["epoch"]?.stringValue ?? "?") version 1 view BRIDGE\n")
    let reset = try ChildProcess.run(["session", "reset", "--db", database])
    #expect(reset.status == 0, "\(reset.err)")
    let (second, afterReset) = try Self.serve(database)
    let fresh = try await Self.payload(afterReset)
    #expect(fresh["view_type"] == "STANDBY")
    #expect(fresh["version"] == .int(0))
    #expect(fresh["epoch"] != used["epoch"])
    #expect(reset.out.contains(fresh["epoch"]?.stringValue ?? "?"))
    #expect(try await Self.write(afterReset, token, "/api/gm/switch-view/", #"{"view_type":"BRIDGE"}"#).status == 200)
    #expect(second.signal(SIGTERM, timeout: 5) != nil)

    let (third, renewed) = try Self.serve(database, ["--new-session"])
    defer { _ = third.signal(SIGKILL, timeout: 5) }
    let again = try await Self.payload(renewed)
    #expect(again["view_type"] == "STANDBY")
    #expect(again["version"] == .int(0))
    #expect(again["epoch"] != fresh["epoch"])
  }

  @Test("session reset on a database that cannot be opened: a message and a non-zero exit")
  func resetBadDatabase() throws {
    let result = try ChildProcess.run(["session", "reset", "--db", "/dev/null/db.sqlite"])
    #expect(result.status != 0)
    #expect(result.err.contains("cannot open the database /dev/null/db.sqlite"))
    #expect(!result.err.contains("Fatal error"))
  }
}
