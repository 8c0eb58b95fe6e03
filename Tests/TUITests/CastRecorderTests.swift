import BulkheadCore
import Foundation
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// The asciicast writer: raw terminal bytes become "o" events of valid UTF-8, whatever the reads split.
@Suite struct CastRecorderTests {
  /// The events of the cast at `path` after its header, as (code, data).
  static func events(_ path: String) throws -> [(String, String)] {
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst()
    return try lines.map { line in
      let event = try #require(try JSONParser.parse(Array(line.utf8)).arrayValue)
      return (try #require(event[1].stringValue), try #require(event[2].stringValue))
    }
  }

  @Test("a character split across two writes is recorded whole with the second")
  func splitCharacter() throws {
    let path = try ThemeTests.temporaryFolder().appendingPathComponent("split.cast").path
    let recorder = try CastRecorder(path: path, width: 10, height: 2, title: "t")
    let line = Array("A─B".utf8)  // "─" is E2 94 80
    recorder.output(bytes: Array(line[0..<2]))
    recorder.output(bytes: Array(line[2...]))
    recorder.resize(width: 20, height: 4)
    recorder.close()
    let events = try Self.events(path)
    #expect(events.map(\.0) == ["o", "o", "r"])
    #expect(events.map(\.1) == ["A", "─B", "20x4"])
  }

  @Test("bytes left inside a character at the end are still recorded when the recorder closes")
  func danglingBytes() throws {
    let path = try ThemeTests.temporaryFolder().appendingPathComponent("dangling.cast").path
    let recorder = try CastRecorder(path: path, width: 10, height: 2, title: "t")
    recorder.output(bytes: [0x41, 0xF0, 0x9F])
    recorder.close()
    let events = try Self.events(path)
    #expect(events.map(\.1) == ["A", "\u{FFFD}"])
  }

  @Test(
    "the complete UTF-8 prefix stops before an unfinished sequence only",
    arguments: [
      ([UInt8](), 0), ([0x41], 1), ([0x41, 0xC3], 1), ([0xC3, 0xA9], 2), ([0x41, 0xE2, 0x94], 1),
      ([0xE2, 0x94, 0x80], 3), ([0xF0, 0x9F, 0x98], 0), ([0xF0, 0x9F, 0x98, 0x80], 4), ([0x41, 0xFF], 2),
    ])
  func completePrefix(bytes: [UInt8], length: Int) {
    #expect(CastRecorder.completeUTF8Length(bytes) == length)
  }
}
