import BulkheadCore
import Foundation

/// One figure `bulkhead bench` reports: what it measures, its unit, how many samples it has and their spread.
public struct BenchFigure: Sendable {
  /// A stable name for the JSON output, such as `payload.demo`.
  public var key: String
  /// What the figure measures, for the table.
  public var label: String
  /// The unit of `p50`, `p99` and `max`: `µs`, `ms`, `MB/s`, `KiB` or `B`.
  public var unit: String
  /// How many samples the figure is made of.
  public var samples: Int
  /// The median sample.
  public var p50: Double
  /// The 99th percentile: for times the slow end; for throughputs the throughput of the 99th-percentile run time.
  public var p99: Double
  /// The largest sample, for latencies, where the worst case matters.
  public var max: Double?
  /// Counts that go with the figure, such as missed deliveries or event bytes.
  public var counts: [String: Int] = [:]

  /// A figure of durations (at least one), in `unit` (`µs` or `ms`).
  public init(
    key: String, label: String, unit: String, durations: [Duration], showsMax: Bool = false,
    counts: [String: Int] = [:]
  ) {
    let scale = unit == "ms" ? 1e3 : 1e6
    self.init(
      key: key, label: label, unit: unit, values: durations.map { $0.seconds * scale }, showsMax: showsMax,
      counts: counts)
  }

  /// A throughput figure in MB/s (10^6 bytes per second): `bytes` read in each of `durations` (at least one).
  public init(key: String, label: String, bytes: Int, durations: [Duration], counts: [String: Int] = [:]) {
    let sorted = durations.map(\.seconds).sorted()
    let megabytes = Double(bytes) / 1e6
    self.key = key
    self.label = label
    unit = "MB/s"
    samples = sorted.count
    p50 = megabytes / Self.percentile(0.5, of: sorted)
    p99 = megabytes / Self.percentile(0.99, of: sorted)
    max = nil
    self.counts = counts.merging(["bytes": bytes]) { _, added in added }
  }

  /// The nearest-rank percentile of `sorted` (ascending, not empty): the smallest value with at least `fraction` of
  /// the values at or below it.
  public static func percentile(_ fraction: Double, of sorted: [Double]) -> Double {
    let rank = Int((fraction * Double(sorted.count)).rounded(.up))
    return sorted[Swift.min(Swift.max(rank, 1), sorted.count) - 1]
  }

  /// The figure as a JSON object; values are rounded to three decimals.
  public var json: JSONValue {
    var members: [String: JSONValue] = [
      "key": .string(key), "label": .string(label), "unit": .string(unit), "samples": .int(samples),
      "p50": .double(Self.rounded(p50)), "p99": .double(Self.rounded(p99)),
    ]
    if let max { members["max"] = .double(Self.rounded(max)) }
    for (name, count) in counts { members[name] = .int(count) }
    return .object(members)
  }

  private static func rounded(_ value: Double) -> Double {
    (value * 1000).rounded() / 1000
  }

  /// `figures` as a text table: one row per figure with its unit, samples, p50, p99, max and counts.
  public static func table(_ figures: [BenchFigure]) -> String {
    let labelWidth = figures.map(\.label.count).max().map { Swift.max($0, 6) } ?? 6
    func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
      let fill = String(repeating: " ", count: Swift.max(0, width - text.count))
      return left ? text + fill : fill + text
    }
    func number(_ value: Double?) -> String {
      guard let value else { return "-" }
      return String(format: value >= 100 ? "%.0f" : "%.2f", value)
    }
    var lines = [
      pad("figure", labelWidth, left: true) + "  " + pad("unit", 4, left: true) + pad("samples", 9) + pad("p50", 10)
        + pad("p99", 10) + pad("max", 10) + "  notes"
    ]
    for figure in figures {
      let notes = figure.counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
      lines.append(
        pad(figure.label, labelWidth, left: true) + "  " + pad(figure.unit, 4, left: true)
          + pad(String(figure.samples), 9) + pad(number(figure.p50), 10) + pad(number(figure.p99), 10)
          + pad(number(figure.max), 10) + (notes.isEmpty ? "" : "  " + notes))
    }
    return lines.joined(separator: "\n")
  }
}

extension Duration {
  /// The duration in seconds.
  public var seconds: Double {
    let parts = components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
  }
}
