import BulkheadCore
import Foundation
import SSEClient

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// What the original Django server sent during one scripted GM session (`../shared/fixtures/original-wire`): every
/// event of its stream, in order, and its answers to the public reads.
struct OriginalWire {
  /// The folder, next to the project.
  static var root: URL {
    DeckMapViewTests.projectRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures/original-wire")
  }

  /// Whether the fixture is there; the tests that read it are skipped otherwise.
  static let available = FileManager.default.fileExists(atPath: root.appendingPathComponent("rest.json").path)

  /// The stream's events as the display's event source delivers them: type `activeview`, the data's JSON text.
  let events: [SSEEvent]
  /// The bodies of the public reads, by request path.
  let rest: [String: JSONValue]

  /// Reads the fixture.
  init() throws {
    let lines = try String(contentsOf: Self.root.appendingPathComponent("stream-events.jsonl"), encoding: .utf8)
      .split(separator: "\n")
    events = try lines.map { line in
      let record = try JSONParser.parse(String(line))
      guard let type = record["type"]?.stringValue, let data = record["data"] else {
        throw FixtureError("an event line without type or data: \(line.prefix(80))")
      }
      return SSEEvent(type: type, data: String(decoding: JSONWriter.encode(data), as: UTF8.self))
    }
    let answers = try JSONParser.parse(Data(contentsOf: Self.root.appendingPathComponent("rest.json")))
    var rest: [String: JSONValue] = [:]
    for (path, answer) in answers.objectValue ?? [:] {
      guard answer["status"] == .int(200), let body = answer["body"] else {
        throw FixtureError("\(path): not a 200 answer with a body")
      }
      rest[path] = body
    }
    self.rest = rest
  }

  /// The answer to `path`, or a 404 for a read the fixture did not record.
  func answer(_ path: String) -> Result<JSONValue, ServerAPIError> {
    rest[path].map { .success($0) } ?? .failure(.refused(status: 404, message: "not recorded"))
  }

  /// A fixture that is not what the test expects.
  struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
  }
}
