import BulkheadCore
import Foundation
import Testing

/// `bulkhead bench` as CI runs it: the command works and reports every figure. No timing is asserted.
@Suite("bulkhead bench", .enabled(if: bulkheadExecutable != nil, "the bulkhead executable is not built"))
struct BenchTests {
  /// The figures every run reports, by key, with their units.
  static let expectedUnits = [
    "payload.demo": "µs", "render.encounter": "µs", "parser.small_events": "MB/s", "parser.large_event": "MB/s",
    "latency.listeners_1": "ms", "latency.listeners_100": "ms",
  ]

  @Test("--quick --json: one JSON object with every figure, positive values and sample counts")
  func quickJSON() throws {
    let run = try ChildProcess.run(["bench", "--quick", "--json"])
    #expect(run.status == 0, "\(run.err)")
    let report = try JSONParser.parse(Array(run.out.utf8))
    #expect(report["quick"]?.boolValue == true)
    let figures = try #require(report["figures"]?.arrayValue)
    let keyed = figures.compactMap { figure in figure["key"]?.stringValue.map { ($0, figure) } }
    let byKey = Dictionary(keyed) { first, _ in first }
    #expect(byKey.count == figures.count, "figure keys are unique")
    for (key, unit) in Self.expectedUnits {
      let figure = try #require(byKey[key], "no figure \(key)")
      #expect(figure["unit"]?.stringValue == unit, "\(key)")
    }
    for figure in figures {
      let key = figure["key"]?.stringValue ?? "?"
      #expect(figure["label"]?.stringValue?.isEmpty == false, "\(key)")
      let samples = try #require(figure["samples"]?.intValue, "\(key)")
      #expect(samples > 0, "\(key)")
      let p50 = try #require(figure["p50"]?.doubleValue, "\(key)")
      let p99 = try #require(figure["p99"]?.doubleValue, "\(key)")
      #expect(p50 > 0, "\(key)")
      #expect(p99 > 0, "\(key)")
      if figure["unit"]?.stringValue == "MB/s" {
        #expect(p99 <= p50, "\(key): the 99th-percentile run is the slow one")
      } else {
        #expect(p99 >= p50, "\(key)")
      }
    }
    for key in ["latency.listeners_1", "latency.listeners_100"] {
      let figure = try #require(byKey[key])
      let p99 = try #require(figure["p99"]?.doubleValue)
      #expect((figure["max"]?.doubleValue).map { $0 >= p99 } == true, "\(key)")
      #expect(figure["missed"]?.intValue == 0, "\(key): every listener receives every token move")
      #expect((figure["event_bytes"]?.intValue ?? 0) > 1000, "\(key): the event carries the map")
    }
    #expect((byKey["parser.small_events"]?["events"]?.intValue ?? 0) > 1000)
    #expect(byKey["latency.listeners_1000"] == nil, "--quick leaves out 1000 listeners")
  }

  @Test("the table names each figure's unit and sample count")
  func table() throws {
    let run = try ChildProcess.run(["bench", "--quick", "--samples", "10"])
    #expect(run.status == 0, "\(run.err)")
    let lines = run.out.split(separator: "\n").map(String.init)
    let header = try #require(lines.first)
    for column in ["figure", "unit", "samples", "p50", "p99", "max"] {
      #expect(header.contains(column), "\(column)")
    }
    let payload = try #require(lines.first { $0.hasPrefix("payload build + encode, demo ship") })
    #expect(payload.contains(" µs ") && payload.contains(" 10 "), "\(payload)")
    let latency = try #require(lines.first { $0.hasPrefix("write -> event, 100 listeners, 2 token moves") })
    #expect(latency.contains(" ms ") && latency.contains(" 200 ") && latency.contains("missed=0"), "\(latency)")
  }

  @Test("--samples must be at least 1")
  func badSamples() throws {
    let run = try ChildProcess.run(["bench", "--samples", "0"])
    #expect(run.status != 0)
    #expect(run.err.contains("--samples must be from 1 to 1000000"))
  }
}
