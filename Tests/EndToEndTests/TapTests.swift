import BulkheadCore
import Foundation
import Testing

@testable import TestSupport

/// `bulkhead tap` against a real server: the client library seen from outside.
@Suite("bulkhead tap", .enabled(if: bulkheadExecutable != nil, "the bulkhead executable is not built"))
struct TapTests {
  @Test("--once --json prints each event as a JSON line and an end line when the stream ends")
  func onceJSON() async throws {
    let harness = try await ServerHarness.start(
      keepalive: .seconds(15), listenerBufferBytes: 64 * 1024, databaseFolder: nil, campaign: demoCampaign)
    let tap = try ChildProcess(["tap", "--once", "--json", harness.base + "/api/active-view/stream/"])
    let first = try #require(tap.readLine(), "tap printed nothing: \(tap.errorText())")
    let snapshot = try JSONParser.parse(Array(first.utf8))
    #expect(snapshot["type"] == "activeview")
    let payload = try ActiveViewPayload.decode(Array((snapshot["data"]?.stringValue ?? "").utf8))
    #expect(snapshot["id"] == .string("\(payload.epoch).0"))
    _ = try await harness.gm("/api/gm/switch-view/", #"{"view_type":"BRIDGE"}"#)
    let second = try JSONParser.parse(Array(try #require(tap.readLine()).utf8))
    #expect(second["id"] == .string("\(payload.epoch).1"))
    await harness.stop()
    let end = try JSONParser.parse(Array(try #require(tap.readLine()).utf8))
    #expect(end["end"] == .bool(true))
    #expect(end["last_event_id"] == .string("\(payload.epoch).1"))
    #expect(end["retry_ms"] == .int(3000))
    tap.process.waitUntilExit()
    #expect(tap.process.terminationStatus == 0)
  }

  @Test("--once exits non-zero with a message for a refused connection, a 404 and a wrong content type")
  func onceFailures() async throws {
    try await ServerHarness.with { server in
      for (url, mention) in [
        ("http://127.0.0.1:1/", "cannot connect"), (server.base + "/api/nothing/", "404"),
        (server.base + "/api/active-view/", "content type"),
      ] {
        let result = try ChildProcess.run(["tap", "--once", url])
        #expect(result.status != 0, "\(url)")
        #expect(result.err.contains(mention), "\(url): \(result.err)")
      }
    }
  }
}

/// `bulkhead tap` piped into a reader and stopped by a signal.
@Suite("bulkhead tap through a pipe", .enabled(if: bulkheadExecutable != nil, "the bulkhead executable is not built"))
struct TapSignalTests {
  @Test(
    "stopped by SIGTERM or SIGINT, it has written every event it received, whole lines in order, and exits 128 + the signal",
    arguments: [SIGTERM, SIGINT])
  func stoppedBySignal(_ signal: Int32) async throws {
    try await ServerHarness.with { harness in
      let tap = try ChildProcess(["tap", "--json", harness.base + "/api/active-view/stream/"])
      let (lines, continuation) = AsyncStream.makeStream(of: String.self)
      let reader = Thread {
        while let line = tap.readLine() { continuation.yield(line) }
        continuation.finish()
      }
      reader.start()
      var received = lines.makeAsyncIterator()
      let snapshot = try #require(await received.next(), "tap printed nothing")
      var read = [snapshot]
      for index in 0..<12 {
        let view = index % 2 == 0 ? "BRIDGE" : "STANDBY"
        #expect(try await harness.gm("/api/gm/switch-view/", #"{"view_type":"\#(view)"}"#).status == 200)
      }
      #expect(tap.signal(signal, timeout: 10) != nil, "tap did not end within 10 s of the signal")
      while let line = await received.next() { read.append(line) }
      #expect(tap.process.terminationReason == .exit)
      #expect(tap.process.terminationStatus == 128 + signal)
      let errors = tap.errorText()
      #expect(errors.contains("stopped by signal \(signal): \(read.count) event(s) written"), "\(errors)")
      var versions: [Int] = []
      for line in read {
        let event = try JSONParser.parse(line)
        let id = try #require(event["id"]?.stringValue, "a whole JSON line with an id: \(line.prefix(80))")
        versions.append(try #require(Int(id.split(separator: ".").last ?? "")))
      }
      #expect(versions == Array(versions[0]..<(versions[0] + versions.count)), "no event missing between: \(versions)")
    }
  }
}
