import BulkheadCore
import Foundation

/// Reading JSON: Bulkhead's `JSONParser` against Foundation's `JSONDecoder` (through `JSONValue`'s `Codable`
/// conformance), on the demo ship's ENCOUNTER payload and on a GM write body. `JSONParser` is kept only while it is
/// the faster (docs/benchmarks.md).
public enum BenchJSON {
  /// The body of a `place-token` write, as the GM console sends it.
  public static let writeBody = JSONWriter.encode(
    Command.placeToken(Token(type: .player, name: "Vasquez", x: 3, y: 2, roomID: "bridge")).body)

  /// Four figures: each reader on the payload and on the body; `runs` samples each (ten times as many for the body).
  public static func figures(campaign: Campaign, runs: Int) throws -> [BenchFigure] {
    let encounter = try BenchEncounter(campaign: campaign, locationSlug: "kestrel_dawn")
    let payload = PayloadBuilder(campaign: campaign).encode(try encounter.state(in: campaign), version: 1, epoch: "b")
    var figures: [BenchFigure] = []
    for (name, bytes, count) in [("encounter", payload, runs), ("write_body", writeBody, runs * 10)] {
      let data = Data(bytes)
      guard try JSONParser.parse(bytes) == JSONDecoder().decode(JSONValue.self, from: data) else {
        throw BenchError("the two readers disagree on the \(name) JSON")
      }
      let parser = try time(count) { _ = try JSONParser.parse(bytes) }
      let foundation = try time(count) { _ = try JSONDecoder().decode(JSONValue.self, from: data) }
      figures.append(
        BenchFigure(
          key: "json.parser.\(name)", label: "JSONParser, \(name) (\(bytes.count) B)", unit: "µs",
          durations: parser, counts: ["json_bytes": bytes.count]))
      figures.append(
        BenchFigure(
          key: "json.foundation.\(name)", label: "Foundation JSONDecoder, \(name) (\(bytes.count) B)", unit: "µs",
          durations: foundation, counts: ["json_bytes": bytes.count]))
    }
    return figures
  }

  private static func time(_ runs: Int, _ body: () throws -> Void) throws -> [Duration] {
    let clock = ContinuousClock()
    return try (0..<runs).map { _ in try clock.measure(body) }
  }
}
