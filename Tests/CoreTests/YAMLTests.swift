import Foundation
import Testing

@testable import BulkheadCore

/// Converting YAML into JSON values, as the original tool's `yaml.safe_load` reads it.
struct YAMLTests {
  func parse(_ text: String) throws -> JSONValue {
    try YAMLFile.parse(text, file: "test.yaml")
  }

  @Test func quotedNumbersStayStrings() throws {
    let value = try parse("a: \"001\"\nb: '002'\nc: \"true\"\n")
    #expect(value["a"] == .string("001"))
    #expect(value["b"] == .string("002"))
    #expect(value["c"] == .string("true"))
  }

  @Test func plainScalarsAreTyped() throws {
    let value = try parse(
      "int: 1\nneg: -7\ndouble: 2.5\nyes: true\nno: false\nnothing: null\ntilde: ~\n")
    #expect(value["int"] == .int(1))
    #expect(value["neg"] == .int(-7))
    #expect(value["double"] == .double(2.5))
    #expect(value["yes"] == .bool(true))
    #expect(value["no"] == .bool(false))
    #expect(value["nothing"] == .null)
    #expect(value["tilde"] == .null)
  }

  @Test func hexIsAnInteger() throws {
    #expect(try parse("color: 0xFF\n")["color"] == .int(255))
  }

  @Test func plainTextIsAString() throws {
    let value = try parse("name: MSV Kestrel Dawn\ndate: 2186-03-10 04:02:00\n")
    #expect(value["name"] == .string("MSV Kestrel Dawn"))
    #expect(value["date"] == .string("2186-03-10 04:02:00"), "a timestamp stays text")
  }

  @Test func blockScalarsAreStrings() throws {
    let value = try parse(
      """
      literal: |
        line one
        42
      folded: >
        folded
        text
      number_like: |
        12

      """)
    #expect(value["literal"] == .string("line one\n42\n"))
    #expect(value["folded"] == .string("folded text\n"))
    #expect(value["number_like"] == .string("12\n"))
  }

  @Test func nestedSequencesAndMappings() throws {
    let value = try parse(
      """
      rooms:
        - {id: a, x: 1}
        - id: b
          x: 2.0
      tags: [ship, 3]
      """)
    #expect(
      value
        == [
          "rooms": [["id": "a", "x": 1], ["id": "b", "x": .double(2.0)]],
          "tags": ["ship", 3],
        ])
  }

  @Test func emptyDocumentIsNull() throws {
    #expect(try parse("") == .null)
    #expect(try parse("# only a comment\n") == .null)
  }

  @Test func aliasesAreResolvedAsPyYAMLDoes() throws {
    let value = try parse("base: &b {x: 1, tag: \"007\"}\nroom:\n  copy: *b\n")
    #expect(value["room"]?["copy"] == ["x": 1, "tag": "007"])
  }

  @Test func invalidYAMLNamesTheFile() {
    let error = #expect(throws: CampaignError.self) { try parse("a: [1, 2\nb: c\n") }
    #expect(error?.file == "test.yaml")
    #expect(error?.problem.contains("invalid YAML") == true)
  }

  /// The original tool reads a repeated key with the last value winning (PyYAML);
  /// the fixture's `ship_gamma/deck_2/map/cargo_bay.yaml` repeats `grid_size_x`.
  @Test func aRepeatedKeyIsReadAsPyYAMLReadsIt() throws {
    let value = try parse("grid_size_x: 20\ngrid_size_x: 25\n")
    #expect(value["grid_size_x"] == .int(25))
  }
}
