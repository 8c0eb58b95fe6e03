import BulkheadCore
import Foundation
import Testing

@testable import TestSupport

/// `bulkhead play --headless` against servers that are not Bulkhead: the original tool's recorded wire, and servers
/// whose events the display cannot take. What the display cannot take it says on screen and in `--log`.
@Suite(
  "The display on other servers' wires", .enabled(if: bulkheadExecutable != nil, "the bulkhead executable is not built")
)
struct DisplayWireTests {
  /// The original tool's recorded session, next to the project.
  static let originalWire = projectRoot.deletingLastPathComponent().appendingPathComponent(
    "shared/fixtures/original-wire")
  static let originalWireAvailable = FileManager.default.fileExists(
    atPath: originalWire.appendingPathComponent("rest.json").path)

  @Test(
    "the original's stream and reads are drawn: deck 2 with its revealed room, not CONNECTING",
    .enabled(if: originalWireAvailable, "../shared/fixtures/original-wire is absent: skipped"))
  func originalSession() async throws {
    let lines = try String(contentsOf: Self.originalWire.appendingPathComponent("stream-events.jsonl"), encoding: .utf8)
      .split(separator: "\n")
    let blocks = try lines.prefix(10).map { line in
      let data = try #require(try JSONParser.parse(String(line))["data"])
      return WireServer.event(String(decoding: JSONWriter.encode(data), as: UTF8.self))
    }
    let rest = try JSONParser.parse(Data(contentsOf: Self.originalWire.appendingPathComponent("rest.json")))
    let answers = (rest.objectValue ?? [:]).compactMapValues { $0["body"] }
    let server = try await WireServer.start(blocks: blocks, answers: answers)
    let log = try temporaryFolder().appendingPathComponent("play.log")
    let display = try HeadlessDisplay(server: server.base, width: 100, height: 30, arguments: ["--log", log.path])
    defer { display.stop() }
    try display.waitFor("deck 2 of the Morrigan with the original's messages") {
      $0.text.contains("Lower Deck") && $0.text.contains("DECK 2/2") && $0.text.contains("MAINTENANCE")
        && $0.text.contains("Hull breach on deck 2")
    }
    display.stop()
    await server.stop()
    let logged = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    #expect(!logged.contains("cannot read"), "\(logged)")
  }

  @Test("a view the display cannot read is named on screen instead of CONNECTING, and logged once")
  func unreadableView() async throws {
    let bad = WireServer.event(#"{"view_type": "HYPERSPACE"}"#)
    let server = try await WireServer.start(blocks: [bad, bad, bad])
    let log = try temporaryFolder().appendingPathComponent("play.log")
    let display = try HeadlessDisplay(server: server.base, width: 100, height: 30, arguments: ["--log", log.path])
    defer { display.stop() }
    let frame = try display.waitFor(text: "CANNOT READ")
    #expect(frame.text.contains("view_type"), "\(frame.text)")
    #expect(frame.text.contains("HYPERSPACE"), "\(frame.text)")
    #expect(!frame.text.contains("CONNECTING"))
    display.stop()
    await server.stop()
    let logged = try String(contentsOf: log, encoding: .utf8)
    let lines = logged.split(separator: "\n").filter { $0.contains("cannot read") }
    #expect(lines.count == 1, "logged once per kind of problem:\n\(logged)")
    #expect(lines.first?.contains("view_type") == true, "\(logged)")
  }

  @Test("an event over the display's limit is dropped and said on screen and in the log, with the size and the limit")
  func oversizedEvent() async throws {
    let limit = 1 << 20
    let name = String(repeating: "x", count: limit + 200_000)
    let huge = WireServer.event(#"{"view_type": "STANDBY", "location_name": "\#(name)"}"#)
    let server = try await WireServer.start(blocks: [huge])
    let log = try temporaryFolder().appendingPathComponent("play.log")
    let display = try HeadlessDisplay(server: server.base, width: 100, height: 30, arguments: ["--log", log.path])
    defer { display.stop() }
    let frame = try display.waitFor(text: "TOO LARGE")
    #expect(frame.text.contains("\(limit)"), "the limit: \(frame.text)")
    #expect(!frame.text.contains("CONNECTING"))
    display.stop()
    await server.stop()
    let logged = try String(contentsOf: log, encoding: .utf8)
    let line = try #require(logged.split(separator: "\n").first { $0.contains("too large") }, "\(logged)")
    #expect(line.contains("\(limit)"), "the limit: \(line)")
    #expect(line.contains("bytes"), "\(line)")
  }
}
