import BulkheadCore
import Foundation
import Testing

@testable import TestSupport

/// `serve --log-format json` and the request line of every write.
@Suite("Server logs", .enabled(if: bulkheadExecutable != nil, "the bulkhead executable is not built"))
struct LogFormatTests {
  /// Runs a server with `format`, logs in, makes one write that succeeds and one that is refused, stops it, and
  /// returns what it wrote to standard error.
  private static func session(format: String) async throws -> String {
    let database = try temporaryFolder().appendingPathComponent("db.sqlite").path
    _ = try ChildProcess.run(
      ["accounts", "add", "ops", "--db", database, "--password-stdin"], stdin: "secret-password-42\n")
    let child = try ChildProcess(["serve", "--port", "0", "--db", database, "--log-format", format])
    let base = try child.serverURL()
    let login = try await ServerHarness.request(
      "POST", base + "/api/auth/login", body: #"{"username":"ops","password":"secret-password-42"}"#)
    let token = try #require(login.json["token"]?.stringValue)
    let written = try await ServerHarness.request(
      "POST", base + "/api/gm/switch-view/", body: #"{"view_type":"SHIP_DASHBOARD"}"#, token: token)
    #expect(written.status == 200)
    let refused = try await ServerHarness.request(
      "POST", base + "/api/gm/encounter/toggle-room/", body: #"{"room_id":"nowhere"}"#, token: token)
    #expect(refused.status >= 400)
    #expect(child.signal(SIGTERM, timeout: 10) != nil)
    let said = child.errorText()
    #expect(!said.contains("secret-password-42"), "the password must never be logged")
    #expect(!said.contains(token), "the token must never be logged")
    return said
  }

  @Test("json: every line is one object with time, level, message and metadata; a write logs who, what, status, time")
  func jsonLines() async throws {
    let said = try await Self.session(format: "json")
    let lines = said.split(separator: "\n")
    #expect(!lines.isEmpty)
    var writes: [JSONValue] = []
    for line in lines {
      let object = try JSONParser.parse(Array(line.utf8))
      #expect(object["time"]?.stringValue?.hasSuffix("Z") == true, "\(line)")
      #expect(object["level"]?.stringValue != nil, "\(line)")
      #expect(object["message"]?.stringValue != nil, "\(line)")
      #expect(object["metadata"]?.objectValue != nil, "\(line)")
      if object["message"] == "write" { writes.append(object) }
    }
    #expect(writes.count == 2)
    let ok = try #require(writes.first { $0["metadata"]?["status"] == "200" })
    #expect(ok["metadata"]?["who"] == "ops")
    #expect(ok["metadata"]?["command"] == "switchView")
    #expect(ok["metadata"]?["path"] == "/api/gm/switch-view/")
    #expect(ok["metadata"]?["duration_ms"]?.stringValue.flatMap(Double.init).map { $0 >= 0 } == true)
    let refused = try #require(writes.first { $0["metadata"]?["status"] != "200" })
    #expect(refused["metadata"]?["command"] == "toggleRoom")
    #expect(refused["metadata"]?["status"]?.stringValue.flatMap(Int.init).map { (400..<500).contains($0) } == true)
  }

  @Test("text: the same request line, readable")
  func textLines() async throws {
    let said = try await Self.session(format: "text")
    let line = try #require(said.split(separator: "\n").first { $0.contains("command=switchView") })
    #expect(line.contains("who=ops"))
    #expect(line.contains("status=200"))
    #expect(line.contains("duration_ms="))
  }

  @Test("an unknown --log-format is a usage error")
  func unknownFormat() throws {
    let run = try ChildProcess.run(["serve", "--port", "0", "--log-format", "xml"])
    #expect(run.status != 0)
    #expect(run.err.contains("log-format"))
  }
}
