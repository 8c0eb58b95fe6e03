import BulkheadCore
import Foundation
import Testing

@testable import TestSupport

/// `bulkhead bench` as CI runs it: the command works and reports every figure. No timing is asserted.
@Suite("bulkhead bench", .enabled(if: bulkheadExecutable != nil, "the bulkhead executable is not built"))
struct BenchTests {
  /// The figures every run reports, by key, with their units.
  static let expectedUnits = [
    "payload.demo": "µs", "render.encounter": "µs", "parser.small_events": "MB/s", "parser.large_event": "MB/s",
    "latency.listeners_1": "ms", "latency.listeners_100": "ms", "capacity.idle": "KiB", "capacity.burst": "ms",
    "terminal.token_move": "B", "terminal.door_change": "B", "latency.lean.listeners_100": "ms",
    "portrait.half_blocks": "µs", "portrait.ramp": "µs", "json.parser.encounter": "µs",
    "json.foundation.encounter": "µs", "json.parser.write_body": "µs", "json.foundation.write_body": "µs",
  ]

  /// The cluster figures, measured when PostgreSQL is installed.
  static let clusterUnits = [
    "cluster.latency.same_server": "ms", "cluster.latency.other_server": "ms", "cluster.write": "ms",
  ]

  @Test(
    "--quick --json: one JSON object with every figure (the cluster's with PostgreSQL), positive values and sample counts"
  )
  func quickJSON() throws {
    let postgres = PostgresCluster.binaries == nil ? nil : try PostgresCluster()
    defer { postgres?.remove() }
    let run = try ChildProcess.run(["bench", "--quick", "--json"] + (postgres.map { ["--cluster", $0.url] } ?? []))
    #expect(run.status == 0, "\(run.err)")
    let report = try JSONParser.parse(Array(run.out.utf8))
    #expect(report["quick"]?.boolValue == true)
    let figures = try #require(report["figures"]?.arrayValue)
    let keyed = figures.compactMap { figure in figure["key"]?.stringValue.map { ($0, figure) } }
    let byKey = Dictionary(keyed) { first, _ in first }
    #expect(byKey.count == figures.count, "figure keys are unique")
    for (key, unit) in Self.expectedUnits.merging(
      postgres == nil ? [:] : Self.clusterUnits, uniquingKeysWith: { a, _ in a })
    {
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
    if postgres != nil {
      for key in ["cluster.latency.same_server", "cluster.latency.other_server"] {
        #expect(byKey[key]?["missed"]?.intValue == 0, "\(key): every listener on each server receives every move")
      }
      #expect((byKey["cluster.write"]?["writes_per_second"]?.intValue ?? 0) > 0)
    }
    let lean = try #require(byKey["latency.lean.listeners_100"])
    #expect(lean["missed"]?.intValue == 0, "every listener of the lean stream receives every token move")
    let leanBytes = try #require(lean["event_bytes"]?.intValue)
    let fullBytes = try #require(byKey["latency.listeners_100"]?["event_bytes"]?.intValue)
    #expect(leanBytes * 3 < fullBytes, "a lean token move (\(leanBytes) B) leaves the map out (\(fullBytes) B)")
    #expect(byKey["portrait.half_blocks"]?["cells_drawn"]?.intValue == 24 * 12, "the portrait fills 24x12 cells")
    #expect((byKey["parser.small_events"]?["events"]?.intValue ?? 0) > 1000)
    #expect(byKey["latency.listeners_1000"] == nil, "--quick leaves out 1000 listeners")
    try checkCapacity(byKey)
    try checkTerminalBytes(byKey)
  }

  /// Every idle stream --quick asks for is held, and every connect of the burst is accounted for.
  private func checkCapacity(_ byKey: [String: JSONValue]) throws {
    let idle = try #require(byKey["capacity.idle"])
    #expect(idle["requested"]?.intValue == 1000, "--quick opens 1000 idle streams")
    #expect(idle["held"]?.intValue == 1000, "every idle stream is held: \(idle["label"]?.stringValue ?? "")")
    #expect(idle["samples"]?.intValue == 1000)
    #expect((idle["server_fds"]?.intValue ?? 0) >= 1000, "the server holds a descriptor per stream")
    #expect((idle["rss_before_kib"]?.intValue ?? 0) > 0)
    #expect((idle["event_bytes"]?.intValue ?? 0) > 1000, "the first event carries the map")
    let burst = try #require(byKey["capacity.burst"])
    let served = try #require(burst["served"]?.intValue)
    #expect(burst["connects"]?.intValue == 1000)
    #expect(served > 0 && served + (burst["failed"]?.intValue ?? -1) == 1000)
    #expect(burst["samples"]?.intValue == served)
    #expect((burst["within_1s"]?.intValue).map { (0...served).contains($0) } == true)
    let p99 = try #require(burst["p99"]?.doubleValue)
    #expect((burst["max"]?.doubleValue).map { $0 >= p99 } == true)
  }

  /// The curses display writes some bytes for each of the five token moves and door changes of --quick.
  private func checkTerminalBytes(_ byKey: [String: JSONValue]) throws {
    for key in ["terminal.token_move", "terminal.door_change"] {
      let figure = try #require(byKey[key])
      #expect(figure["samples"]?.intValue == 5, "\(key)")
      #expect((figure["p50"]?.doubleValue ?? 0) > 0, "\(key): an update writes bytes")
      #expect((figure["first_paint_bytes"]?.intValue ?? 0) > 1000, "\(key): the first paint draws the map")
      let parts = ["cursor_bytes", "sgr_bytes", "other_escape_bytes", "text_bytes"].compactMap { figure[$0]?.intValue }
      #expect(parts.count == 4, "\(key): the median update's bytes by kind")
      #expect(Double(parts.reduce(0, +)) == figure["p50"]?.doubleValue, "\(key): the kinds add up to the median")
      let p99 = try #require(figure["p99"]?.doubleValue)
      #expect((figure["max"]?.doubleValue).map { $0 >= p99 } == true, "\(key)")
    }
  }

  @Test("--cluster-only: one server's figure and the cluster's, round by round, every event delivered")
  func clusterOnly() throws {
    let refused = try ChildProcess.run(["bench", "--cluster-only"], environment: ["BULKHEAD_DATABASE_URL": ""])
    #expect(refused.status != 0)
    #expect(refused.err.contains("--cluster-only needs --cluster"), "\(refused.err)")
    guard PostgresCluster.binaries != nil else { return }
    let postgres = try PostgresCluster()
    defer { postgres.remove() }
    let run = try ChildProcess.run(
      ["bench", "--cluster-only", "--quick", "--json", "--samples", "25", "--cluster", postgres.url])
    #expect(run.status == 0, "\(run.err)")
    let report = try JSONParser.parse(Array(run.out.utf8))
    let figures = try #require(report["figures"]?.arrayValue)
    let keys = figures.compactMap { $0["key"]?.stringValue }
    #expect(
      keys == [
        "round_1.latency.listeners_100", "round_1.cluster.latency.same_server",
        "round_1.cluster.latency.other_server", "round_1.cluster.write",
      ])
    // Five token moves: to 100 listeners on one server, to 50 on each server of the cluster.
    for (index, figure) in figures.prefix(3).enumerated() {
      #expect(figure["samples"]?.intValue == (index == 0 ? 500 : 250), "\(figure)")
      #expect(figure["missed"]?.intValue == 0, "\(figure)")
    }
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
    let idle = try #require(lines.first { $0.hasPrefix("server RSS per idle stream, 1000 of 1000 streams held") })
    #expect(idle.contains(" KiB ") && idle.contains("held=1000"), "\(idle)")
    let move = try #require(lines.first { $0.hasPrefix("terminal bytes, one token move of one cell") })
    #expect(move.contains(" B ") && move.contains(" 5 "), "\(move)")
  }

  @Test(
    "--peer nchan --quick: both servers side by side with ratios, every write delivered",
    .enabled(
      if: FileManager.default.fileExists(atPath: "/usr/lib/nginx/modules/ngx_nchan_module.so"),
      "nginx with nchan is not installed (apt-get install nginx-light libnginx-mod-nchan)"))
  func peerNchan() throws {
    let run = try ChildProcess.run(["bench", "--peer", "nchan", "--quick", "--samples", "50"])
    #expect(run.status == 0, "\(run.err)")
    let lines = run.out.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("fan-out, ") == true, "\(run.out)")
    for figure in ["write -> event p50 (ms)", "write -> event p99 (ms)", "server CPU per write (ms)"] {
      for listeners in [1, 100] {
        let row = try #require(
          lines.first { $0.hasPrefix(figure) && $0.dropFirst(26).hasPrefix(String(format: "%5d", listeners)) },
          "no row \(figure) at \(listeners)")
        #expect(row.hasSuffix("x"), "a row without its ratio: \(row)")
      }
    }
    #expect(lines.contains { $0.hasPrefix("memory per stream (KiB)") })
    #expect(lines.last == "missed deliveries: 0")
  }

  @Test("--peer other than nchan is refused")
  func badPeer() throws {
    let run = try ChildProcess.run(["bench", "--peer", "pushpin"])
    #expect(run.status != 0)
    #expect(run.err.contains("--peer must be nchan"))
  }

  @Test("--samples must be at least 1")
  func badSamples() throws {
    let run = try ChildProcess.run(["bench", "--samples", "0"])
    #expect(run.status != 0)
    #expect(run.err.contains("--samples must be from 1 to 1000000"))
  }
}
