import Foundation
import Testing

@testable import BulkheadCore

/// The one JSON object reader: key paths in errors, absent and `null` alike, campaign leniency.
struct JSONObjectTests {
  @Test func anErrorInsideADictionaryNamesTheWholePath() throws {
    let object = try JSONObject(JSONParser.parse(#"{"encounter_tokens": {"0001": {"x": "3"}}}"#))
    let error = #expect(throws: JSONReadError.self) {
      try object.dictionary("encounter_tokens") { value throws(JSONReadError) in try JSONObject(value).int("x") }
    }
    #expect(error?.description == "encounter_tokens.0001.x: expected an integer")
  }

  @Test func objectsThatKnowTheirPathNameIt() throws {
    let object = try JSONObject(["decks": [["id": "a"], ["id": 2]]], path: "manifest")
    let decks = try object.objects("decks")
    #expect(decks.map(\.path) == ["manifest.decks.0", "manifest.decks.1"])
    #expect(throws: JSONReadError(path: "manifest.decks.1.id", problem: .wrongType(expected: "a string"))) {
      try decks[1].string("id")
    }
    #expect(throws: JSONReadError(path: "manifest.decks.1.file", problem: .missing)) { try decks[1].string("file") }
  }

  @Test func absentAndNullAreTheSame() throws {
    let object = try JSONObject(["a": .null])
    #expect(try object.optionalString("a") == nil)
    #expect(try object.optionalString("b") == nil)
    #expect(throws: JSONReadError(path: "a", problem: .missing)) { try object.int("a") }
    #expect(try object.list("a").isEmpty)
    #expect(try object.dictionary("a") { value throws(JSONReadError) in value }.isEmpty)
  }

  @Test func integersMayBeWholeDoubles() throws {
    let object = try JSONObject(["whole": .double(3), "half": .double(3.5)])
    #expect(try object.int("whole") == 3)
    #expect(throws: JSONReadError(path: "half", problem: .wrongType(expected: "an integer"))) { try object.int("half") }
  }

  @Test func scalarsReadAsTextOnlyWhenAsked() throws {
    let strict = try JSONObject(["id": 7])
    #expect(throws: JSONReadError(path: "id", problem: .wrongType(expected: "a string"))) { try strict.string("id") }
    let campaign = try JSONObject(["id": 7, "flag": true], scalarsAsText: true)
    #expect(try campaign.string("id") == "7")
    #expect(try campaign.string("flag") == "true")
  }

  @Test func textMustNotBeBlank() throws {
    let object = try JSONObject(["name": "  Ash  ", "blank": " "])
    #expect(try object.text("name") == "Ash")
    #expect(throws: JSONReadError(path: "blank", problem: .invalidValue("must not be blank"))) {
      try object.text("blank")
    }
  }

  @Test func textIsTrimmedOfUnicodeWhiteSpaceAsFoundationTrimsIt() throws {
    let samples = [
      "Ash", "  Ash  ", "\t\nAsh\r\n", "\u{3000}Ash\u{00A0}", "\u{2028}A s h\u{2029}\u{0085}", "\u{200B}Ash",
      "\u{200A}Ash\u{200C}",
      "Ash\u{0301} ", "\u{1680}\u{202F}\u{205F}", "", "e\u{0301}\u{2003}",
    ]
    for sample in samples {
      #expect(
        JSONObject.trimmed(sample) == sample.trimmingCharacters(in: .whitespacesAndNewlines),
        "\(sample.debugDescription)")
    }
  }

  @Test func requestBodiesGoThroughTheParser() throws {
    #expect(try JSONObject.requestBody(Data(" \n".utf8)).members.isEmpty)
    #expect(try JSONObject.requestBody(Data(#"{"a":1}"#.utf8)).int("a") == 1)
    let notJSON = #expect(throws: CommandError.self) { try JSONObject.requestBody(Data("{a".utf8)) }
    #expect(notJSON?.message.hasPrefix("Invalid JSON at byte") == true, "\(notJSON?.message ?? "")")
    let notObject = #expect(throws: CommandError.self) { try JSONObject.requestBody(Data("[1]".utf8)) }
    #expect(notObject?.message == "Invalid JSON: the body must be an object")
  }
}
