import Foundation
import Testing

@testable import BulkheadCore

/// The hand-written JSON serializer.
struct JSONWriterTests {
  func text(_ value: JSONValue) -> String {
    String(decoding: JSONWriter.encode(value), as: UTF8.self)
  }

  @Test func escapesQuotesAndBackslashes() {
    #expect(text(#"say "hi" \o/"#) == #""say \"hi\" \\o/""#)
  }

  @Test func escapesNewlinesTabsAndReturns() {
    #expect(text("a\nb\tc\rd") == #""a\nb\tc\rd""#)
    #expect(!text("a\nb").contains("\n"), "no raw newline in the output")
  }

  @Test func escapesOtherControlCharacters() {
    #expect(text("a\u{01}b") == #""a\u0001b""#)
    #expect(text("\u{1B}[31m") == #""\u001b[31m""#)
    #expect(text("\u{1F}\u{7F}") == #""\u001f\u007f""#)
    #expect(text("\u{00}") == #""\u0000""#)
  }

  @Test func leavesUnicodeAsUTF8() {
    #expect(text("é漢😀") == "\"é漢😀\"")
    #expect(
      text("\u{2010}\u{2030}\u{2065}\u{206A}\u{0610}") == "\"\u{2010}\u{2030}\u{2065}\u{206A}\u{0610}\"",
      "neighbours stay")
  }

  @Test("bidirectional formatting characters are escaped, so a JSON line cannot reorder itself on a terminal")
  func escapesBidirectionalControls() throws {
    let controls: [UInt32] = [0x061C, 0x200E, 0x200F] + Array(0x202A...0x202E) + Array(0x2066...0x2069)
    for value in controls {
      let scalar = try #require(Unicode.Scalar(value))
      let encoded = text(.string("a\(Character(scalar))b"))
      let hex = String(value, radix: 16)
      #expect(encoded == "\"a\\u" + String(repeating: "0", count: 4 - hex.count) + hex + "b\"", "U+\(hex)")
      #expect(encoded.unicodeScalars.allSatisfy { $0.isASCII })
      #expect(try JSONParser.parse(encoded) == .string("a\(Character(scalar))b"), "it reads back")
    }
    #expect(text("\u{202E}\u{2066}") == #""\u202e\u2066""#)
  }

  @Test func nonFiniteDoublesBecomeNull() {
    #expect(text(.double(.infinity)) == "null")
    #expect(text(.double(-.infinity)) == "null")
    #expect(text(.double(.nan)) == "null")
    #expect(text([.double(.nan), 1]) == "[null,1]")
    #expect(text(.double(2.5)) == "2.5")
  }

  @Test func scalars() {
    #expect(text(.null) == "null")
    #expect(text(true) == "true")
    #expect(text(false) == "false")
    #expect(text(-42) == "-42")
    #expect(text(.int(Int.max)) == "9223372036854775807")
  }

  @Test func objectKeysAreSortedAtEveryLevel() {
    let value: JSONValue = ["b": 1, "a": ["z": 1, "y": [["d": 1, "c": 2]]], "_": .null]
    #expect(text(value) == #"{"_":null,"a":{"y":[{"c":2,"d":1}],"z":1},"b":1}"#)
  }

  @Test func emptyContainers() {
    #expect(text([:]) == "{}")
    #expect(text([]) == "[]")
    var writer = JSONWriter()
    let object = ObjectWriter()
    object.close(in: &writer)
    #expect(writer.bytes == Array("{}".utf8))
  }

  @Test func objectWriterKeepsTheGivenOrder() {
    var writer = JSONWriter()
    var object = ObjectWriter()
    object.key("z", in: &writer)
    writer.write(1)
    object.key("a\"", in: &writer)
    writer.appendRaw(Array("[true]".utf8))
    object.close(in: &writer)
    #expect(String(decoding: writer.bytes, as: UTF8.self) == #"{"z":1,"a\"":[true]}"#)
  }

  @Test func nestedValueRoundTripsThroughJSONDecoder() throws {
    let value: JSONValue = [
      "name": "Kestrel \"Dawn\"\n\u{01}\\",
      "decks": [
        ["id": "deck_1", "level": 1, "scale": .double(2.5)], ["id": "deck_2", "level": -2],
      ],
      "flags": [true, false, .null],
      "empty": [:],
      "list": [],
      "unicode": "é漢😀",
      "fraction": .double(-0.125),
      "big": .int(Int.max),
    ]
    let bytes = JSONWriter.encode(value)
    let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    #expect(decoded == value)
    let viaFoundation = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
    #expect(viaFoundation?["name"] as? String == "Kestrel \"Dawn\"\n\u{01}\\")
  }

  @Test func equalValuesGiveEqualBytes() {
    var forward: [String: JSONValue] = [:]
    var backward: [String: JSONValue] = [:]
    let keys = (0..<50).map { "key\($0)" }
    for key in keys { forward[key] = .string(key) }
    for key in keys.reversed() { backward[key] = .string(key) }
    #expect(JSONWriter.encode(.object(forward)) == JSONWriter.encode(.object(backward)))
  }

  @Test func tokenJSONHasTheAPIKeys() throws {
    let token = Token(
      type: .npc, name: "Greer", x: 3, y: 4, status: ["infected"], imageURL: "/g.png",
      roomID: "medbay")
    #expect(
      text(token.json)
        == #"{"image_url":"/g.png","name":"Greer","room_id":"medbay","status":["infected"],"#
        + #""type":"npc","x":3,"y":4}"#)
    let decoded = try JSONDecoder().decode(Token.self, from: Data(JSONWriter.encode(token.json)))
    #expect(decoded == token)
  }
}
