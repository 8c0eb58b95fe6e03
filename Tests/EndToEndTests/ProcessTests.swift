import BulkheadCore
import Foundation
import Testing

@testable import TestSupport

/// The server as an operator runs it: a child process, signals, restarts.
@Suite("Server process", .enabled(if: bulkheadExecutable != nil, "the bulkhead executable is not built"))
struct ProcessTests {
  private static func serve(_ database: URL) throws -> (ChildProcess, String) {
    let child = try ChildProcess(["serve", "--port", "0", "--db", database.path])
    return (child, try child.serverURL())
  }

  private static func login(_ base: String) async throws -> String {
    let answer = try await ServerHarness.request(
      "POST", base + "/api/auth/login", body: #"{"username":"ops","password":"kill-nine-proof"}"#)
    return try #require(answer.json["token"]?.stringValue)
  }

  @Test("accounts: add with --password-stdin, list; a short password is refused")
  func accountsCommand() throws {
    let database = try temporaryFolder().appendingPathComponent("db.sqlite").path
    let added = try ChildProcess.run(
      ["accounts", "add", "ops", "--db", database, "--password-stdin"], stdin: "kill-nine-proof\n")
    #expect(added.status == 0, "\(added.err)")
    let short = try ChildProcess.run(["accounts", "add", "x", "--db", database, "--password-stdin"], stdin: "short\n")
    #expect(short.status != 0)
    #expect(short.err.contains("at least 8 characters"))
    let list = try ChildProcess.run(["accounts", "list", "--db", database])
    #expect(list.out == "ops\n")
  }

  @Test("broadcasts and CHARON lines survive kill -9 and a restart")
  func messagesSurviveKill() async throws {
    let database = try temporaryFolder().appendingPathComponent("db.sqlite")
    _ = try ChildProcess.run(
      ["accounts", "add", "ops", "--db", database.path, "--password-stdin"], stdin: "kill-nine-proof\n")
    let (first, base) = try Self.serve(database)
    let token = try await Self.login(base)
    for index in 1...20 {
      let answer = try await ServerHarness.request(
        "POST", base + "/api/gm/broadcast/", body: #"{"content":"line \#(index)"}"#, token: token)
      #expect(answer.status == 200)
    }
    let charon = try await ServerHarness.request(
      "POST", base + "/api/gm/charon/send/", body: #"{"content":"DO NOT OPEN C-9"}"#, token: token)
    #expect(charon.status == 200)
    #expect(first.signal(SIGKILL, timeout: 5) != nil)

    let (second, restarted) = try Self.serve(database)
    defer { _ = second.signal(SIGKILL, timeout: 5) }
    let messages = try await ServerHarness.request("GET", restarted + "/api/messages/")
    #expect(messages.json["count"] == .int(20))
    #expect(messages.json["messages"]?.arrayValue?.first?["content"] == "line 20")
    let story = try await ServerHarness.request("GET", restarted + "/api/charon/story/conversation/")
    #expect(story.json["messages"]?.arrayValue?.first?["content"] == "DO NOT OPEN C-9")
    let payload = try await ServerHarness.request("GET", restarted + "/api/active-view/")
    #expect(payload.json["view_type"] == "STANDBY")
    #expect(payload.json["version"] == .int(0))
    // The login made before the crash still works.
    let write = try await ServerHarness.request(
      "POST", restarted + "/api/gm/charon/mode/", body: #"{"mode":"QUERY"}"#, token: token)
    #expect(write.status == 200)
  }

  @Test("SIGTERM with open streams: exit within a second, streams ended cleanly", arguments: [SIGTERM, SIGINT])
  func gracefulShutdown(_ signal: Int32) async throws {
    let database = try temporaryFolder().appendingPathComponent("db.sqlite")
    let (child, base) = try Self.serve(database)
    let streams = [try await EventStreamReader.open(base), try await EventStreamReader.open(base)]
    for stream in streams { #expect(await stream.nextEvent()?.version == 0) }
    let seconds = try #require(child.signal(signal, timeout: 5), "the server did not exit")
    #expect(seconds < 1.0, "took \(seconds) s")
    #expect(child.process.terminationStatus == 0)
    for stream in streams {
      var ended = stream.ended.makeAsyncIterator()
      #expect(await ended.next() != nil)
      #expect(stream.endedCleanly)
    }
  }

  @Test("a broken campaign stops startup with the file and key at fault")
  func brokenCampaign() throws {
    let folder = try temporaryFolder()
    let galaxy = folder.appendingPathComponent("galaxy/sys/ship/map")
    try FileManager.default.createDirectory(at: galaxy, withIntermediateDirectories: true)
    try "grid: {width: 10, height: 10}\nrooms:\n  - id: a\n    x: 1\n    y: 1\n    height: 2\n".write(
      to: galaxy.appendingPathComponent("deck.yaml"), atomically: true, encoding: .utf8)
    let result = try ChildProcess.run([
      "serve", "--port", "0", "--campaign", folder.path, "--db", folder.appendingPathComponent("db.sqlite").path,
    ])
    #expect(result.status != 0)
    #expect(result.err.contains("galaxy/sys/ship/map/deck.yaml"))
    #expect(result.err.contains("rooms.0.width"))
    #expect(!result.err.contains("Fatal error"))
  }

  @Test("SIGTERM while a client reads nothing: the server still exits promptly")
  func shutdownWithStalledClient() async throws {
    let database = try temporaryFolder().appendingPathComponent("db.sqlite")
    _ = try ChildProcess.run(
      ["accounts", "add", "ops", "--db", database.path, "--password-stdin"], stdin: "kill-nine-proof\n")
    let (child, base) = try Self.serve(database)
    let token = try await Self.login(base)
    let stalled = try StalledClient(port: Int(base.split(separator: ":").last!)!)
    defer { stalled.close() }
    _ = try await ServerHarness.request(
      "POST", base + "/api/gm/switch-view/", body: #"{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn"}"#,
      token: token)
    for index in 0..<400 {
      let answer = try await ServerHarness.request(
        "POST", base + "/api/gm/encounter/toggle-room/",
        body: #"{"room_id":"bridge","visible":\#(index % 2 == 0)}"#, token: token)
      #expect(answer.status == 200)
    }
    let seconds = try #require(child.signal(SIGTERM, timeout: 10), "the server did not exit")
    #expect(seconds < 2.0, "took \(seconds) s")
  }

  @Test("--keepalive outside 0.05...16 s is refused with a message, not a crash", arguments: ["100", "1e17", "0"])
  func keepaliveBounds(_ value: String) throws {
    let result = try ChildProcess.run(["serve", "--port", "0", "--keepalive", value, "--db", "/nonexistent/x.sqlite"])
    #expect(result.status != 0)
    #expect(result.err.contains("--keepalive must be between 0.05 and 16 seconds"))
  }
}
