import BulkheadCore
import Testing

@testable import BulkheadBench

/// The harness's own arithmetic and checks, without taking a benchmark.
struct BenchHarnessTests {
  @Test("percentiles are nearest-rank: p50 of 1…100 is 50, p99 is 99, one value is every percentile")
  func nearestRankPercentiles() {
    let values = (1...100).map(Double.init)
    #expect(BenchFigure.percentile(0.5, of: values) == 50)
    #expect(BenchFigure.percentile(0.99, of: values) == 99)
    #expect(BenchFigure.percentile(0.99, of: [7]) == 7)
  }

  @Test("a duration figure in ms scales seconds by 1000 and keeps its counts; its JSON rounds to three decimals")
  func durationFigure() throws {
    let figure = BenchFigure(
      key: "k", label: "label", unit: "ms", durations: [.microseconds(1500), .microseconds(22_504)],
      counts: ["missed": 0])
    #expect(figure.samples == 2)
    #expect(figure.p50 == 1.5)
    #expect(abs(figure.p99 - 22.504) < 1e-9)
    let json = figure.json
    #expect(json["unit"]?.stringValue == "ms")
    #expect(json["missed"] == .int(0))
    #expect(json["p99"] == .double(22.504))
  }

  @Test("a throughput figure is megabytes over the time: 2 MB in 0.5 s is 4 MB/s")
  func throughputFigure() {
    let figure = BenchFigure(key: "t", label: "throughput", bytes: 2_000_000, durations: [.milliseconds(500)])
    #expect(figure.unit == "MB/s")
    #expect(figure.p50 == 4)
    #expect(figure.counts["bytes"] == 2_000_000)
  }

  @Test("the table has a row per figure naming its unit and sample count")
  func table() throws {
    let figures = [
      BenchFigure(key: "a", label: "first figure", unit: "µs", durations: [.microseconds(3), .microseconds(4)]),
      BenchFigure(key: "b", label: "second figure", bytes: 1_000_000, durations: [.seconds(1)]),
    ]
    let rows = BenchFigure.table(figures).split(separator: "\n")
    #expect(rows.count == 3)
    let first = try #require(rows.first { $0.contains("first figure") })
    let second = try #require(rows.first { $0.contains("second figure") })
    #expect(first.split(separator: " ").prefix(4) == ["first", "figure", "µs", "2"])
    #expect(second.split(separator: " ").prefix(4) == ["second", "figure", "MB/s", "1"])
  }

  @Test("the parser bench's streams hold what they say: every small event delivered, one large event")
  func parserStreams() throws {
    let small = BenchParser.smallEvents(bytes: 64 << 10)
    #expect(small.stream.count >= 64 << 10)
    _ = try BenchParser.time(small.stream, events: small.events)
    #expect(throws: BenchError.self) { try BenchParser.time(small.stream, events: small.events + 1) }
    let large = BenchParser.largeEvent(bytes: 300_000)
    _ = try BenchParser.time(large, events: 1)
  }

  @Test("time runs the body once per run, with the run's index")
  func timeRunsEachIndex() {
    var seen: [Int] = []
    let durations = BenchSuite.time(5) { seen.append($0) }
    #expect(durations.count == 5)
    #expect(seen == [0, 1, 2, 3, 4])
  }
}
