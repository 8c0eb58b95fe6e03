import Foundation
import Testing

@testable import TestSupport

/// `bulkhead demo`: the scripted session a newcomer runs first.
@Suite("bulkhead demo", .enabled(if: bulkheadExecutable != nil, "the bulkhead executable is not built"))
struct DemoTests {
  @Test("--headless --speed 20 runs to the end and shows standby, the map, portraits, the banner and its clearing")
  func headlessDemo() throws {
    let run = try ChildProcess.run(["demo", "--headless", "--speed", "20", "--size", "100x30"])
    #expect(run.status == 0, "\(run.err)")
    let frames = run.out.components(separatedBy: "--- frame ").dropFirst().map { String($0) }
    #expect(frames.count > 10)
    #expect(frames.prefix(3).contains { $0.contains("STANDBY") }, "the demo opens on standby")
    #expect(frames.contains { $0.contains("DECK 1/2") && $0.contains("BRIDGE") && $0.contains("@") })
    #expect(frames.contains { $0.contains("DECK 2/2") })
    #expect(frames.contains { $0.contains("Captain Imre Sallow") && $0.contains("Dr. Oona Reyes") })
    #expect(frames.contains { $0.contains("CRITICAL") })
    #expect(frames.contains { $0.contains("SHIP STATUS") })
    let lost = try #require(frames.firstIndex { $0.contains("CONNECTION LOST") }, "the banner never showed")
    let cleared = frames[(lost + 1)...].contains { !$0.contains("CONNECTION LOST") }
    #expect(cleared, "the banner never went away")
    #expect(frames.last?.contains("CONNECTION LOST") == false)
  }

  @Test("a bad --speed is a usage error")
  func badSpeed() throws {
    let run = try ChildProcess.run(["demo", "--headless", "--speed", "0"])
    #expect(run.status != 0)
    #expect(run.err.contains("--speed"))
  }
}
