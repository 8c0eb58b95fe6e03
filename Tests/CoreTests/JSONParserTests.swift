import Foundation
import Testing

@testable import BulkheadCore

/// The JSON parser: RFC 8259 acceptance and rejection, strings, numbers, round trips, parity.
struct JSONParserTests {
  func parse(_ text: String) throws(JSONParseError) -> JSONValue {
    try JSONParser.parse(Array(text.utf8))
  }

  func parse(bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
    try JSONParser.parse(bytes)
  }

  /// The error for `text`, or nil when it parses.
  func failure(_ text: String) -> JSONParseError? {
    failure(bytes: Array(text.utf8))
  }

  func failure(bytes: [UInt8]) -> JSONParseError? {
    do {
      _ = try JSONParser.parse(bytes)
      return nil
    } catch {
      return error
    }
  }

  /// What `JSONDecoder` makes of `bytes` through `JSONValue`'s `Codable` conformance.
  func foundation(_ bytes: [UInt8]) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
  }

  // MARK: Literals and structure

  @Test func literalsAndTopLevelScalars() throws {
    #expect(try parse("true") == .bool(true))
    #expect(try parse("false") == .bool(false))
    #expect(try parse("null") == .null)
    #expect(try parse("\"hi\"") == .string("hi"))
    #expect(try parse("42") == .int(42))
    #expect(try parse(" \t\r\n 42 \r\n\t ") == .int(42))
    #expect(try parse("[]") == .array([]))
    #expect(try parse("{}") == .object([:]))
    #expect(try parse("[ ]") == .array([]))
    #expect(try parse("{ \n }") == .object([:]))
  }

  @Test func nestedStructures() throws {
    let text = """
      {
        "a": [1, -2, 3.5, true, false, null, "x", {"b": []}],
        "c" : { "d" : { "e" : [ [ ] , { } ] } },
        "": ""
      }
      """
    let expected: JSONValue = [
      "a": [1, -2, .double(3.5), true, false, .null, "x", ["b": []]],
      "c": ["d": ["e": [[], [:]]]],
      "": "",
    ]
    #expect(try parse(text) == expected)
  }

  @Test func duplicateKeysLastWins() throws {
    #expect(try parse(#"{"a":1,"b":2,"a":3}"#) == ["a": 3, "b": 2])
    #expect(try parse(#"{"a":{"x":1},"a":[2]}"#) == ["a": [2]])
  }

  @Test func byteOrderMarkIsSkippedAtTheStartOnly() throws {
    #expect(try parse(bytes: [0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == [1])
    #expect(failure(bytes: [0x20, 0xEF, 0xBB, 0xBF, 0x31]) == JSONParseError(offset: 1, reason: .expectedValue))
    #expect(failure(bytes: [0xEF, 0xBB, 0xBF]) == JSONParseError(offset: 3, reason: .unexpectedEnd))
  }

  // MARK: Numbers

  @Test func integersThatFitAreInts() throws {
    #expect(try parse("0") == .int(0))
    #expect(try parse("-1") == .int(-1))
    #expect(try parse("1234567890") == .int(1_234_567_890))
    #expect(try parse("9223372036854775807") == .int(Int.max))
    #expect(try parse("-9223372036854775808") == .int(Int.min))
    #expect(try parse("[0,-0,1]") == [.int(0), .double(-0.0), .int(1)])
  }

  @Test func integersBeyondIntAreDoubles() throws {
    #expect(try parse("9223372036854775808") == .double(9_223_372_036_854_775_808.0))
    #expect(try parse("-9223372036854775809") == .double(-9_223_372_036_854_775_809.0))
    let huge = "123456789012345678901234567890"
    #expect(try parse(huge) == .double(Double(huge)!))
    let long = String(repeating: "9", count: 400)
    #expect(try parse("1" + String(repeating: "0", count: 308)) == .double(1e308))
    #expect(failure(long) == JSONParseError(offset: 0, reason: .numberOutOfRange))
  }

  @Test func fractionsExponentsAndNegativeZeroAreDoubles() throws {
    let negativeZero = try parse("-0")
    #expect(negativeZero == .double(0))
    #expect(negativeZero.doubleValue?.sign == .minus)
    #expect(try parse("-0.0").doubleValue?.sign == .minus)
    #expect(try parse("0.0") == .double(0))
    #expect(try parse("1.0") == .double(1))
    #expect(try parse("1e2") == .double(100))
    #expect(try parse("1E2") == .double(100))
    #expect(try parse("1e+2") == .double(100))
    #expect(try parse("1e-2") == .double(0.01))
    #expect(try parse("-2.5E-3") == .double(-0.0025))
    #expect(try parse("0.1") == .double(0.1))
    #expect(try parse("0e0") == .double(0))
    #expect(try parse("1.7976931348623157e308") == .double(.greatestFiniteMagnitude))
    #expect(try parse("-1.7976931348623157e308") == .double(-.greatestFiniteMagnitude))
    #expect(try parse("5e-324") == .double(.leastNonzeroMagnitude))
    #expect(try parse("2.2250738585072014e-308") == .double(.leastNormalMagnitude))
    #expect(try parse("1e-400") == .double(0), "underflow rounds to zero")
    #expect(try parse("1e0000000000000000000002") == .double(100))
    #expect(try parse("9007199254740993") == .int(9_007_199_254_740_993))
    #expect(try parse("9007199254740993.0") == .double(9_007_199_254_740_992))
  }

  @Test func numbersAreCorrectlyRounded() throws {
    let texts = [
      "3.141592653589793238462643383279502884197", "0.30000000000000004", "2.718281828459045",
      "1.00000000000000011102230246251565404236316680908203125", "123456.789e-3", "0.000000000000000000001",
      "1e22", "1e23", "9007199254740992e22", "4.9406564584124654e-324", "2.4703282292062328e-324",
      "1.7976931348623158e308",
      "179769313486231570814527423731704356798070567525844996598917476803157260780028538760"
        + "58955863276687817154045895351438246423432132688946418276846754670353751698604991057655128207624549009038932"
        + "894407586850845513394230458323690322294816580855933212334827479782620414472316873817718091929988125040402618"
        + "4124858368", "0.1e-22", "12345678901234567890e-5", "-0.000001234",
    ]
    for text in texts {
      #expect(try parse(text) == .double(Double(text)!), "\(text)")
    }
  }

  @Test func randomNumbersMatchTheStandardLibrary() throws {
    var random = SplitMix64(seed: 0x5EED)
    for _ in 0..<5000 {
      let value = Double(bitPattern: random.next())
      guard value.isFinite else { continue }
      let text = "\(value)"
      #expect(try parse(text).doubleValue == value, "\(text)")
    }
    for _ in 0..<5000 {
      let text = randomNumberText(using: &random)
      let expected = try #require(Double(text))
      guard expected.isFinite else {
        #expect(failure(text) == JSONParseError(offset: 0, reason: .numberOutOfRange), "\(text)")
        continue
      }
      switch try parse(text) {
      case .int(let integer):
        #expect(String(integer) == text)
      case .double(let double):
        #expect(double == expected, "\(text)")
        #expect(double.sign == expected.sign, "\(text)")
        #expect(text.contains { ".eE".contains($0) } || text == "-0" || Int(text) == nil)
      case let other:
        Issue.record("\(text) parsed as \(other)")
      }
    }
  }

  /// A random number in JSON syntax: up to 20 integer digits, 20 fraction digits, an exponent.
  func randomNumberText(using random: inout SplitMix64) -> String {
    func digit(_ range: ClosedRange<Int> = 0...9) -> String { String(Int.random(in: range, using: &random)) }
    var text = Bool.random(using: &random) ? "-" : ""
    let integerDigits = Int.random(in: 0...20, using: &random)
    text += integerDigits == 0 ? "0" : digit(1...9)
    for _ in 1..<max(integerDigits, 1) { text += digit() }
    let fractionDigits = Int.random(in: -10...20, using: &random)
    if fractionDigits > 0 {
      text += "."
      for _ in 0..<fractionDigits { text += digit() }
    }
    if Bool.random(using: &random) {
      text += ["e", "E"].randomElement(using: &random)! + ["", "+", "-"].randomElement(using: &random)!
      text += String(Int.random(in: 0...330, using: &random))
    }
    return text
  }

  // MARK: Rejections

  @Test func rejectionsGiveTheOffsetAndTheReason() {
    let cases: [(String, Int, JSONParseError.Reason)] = [
      ("", 0, .unexpectedEnd),
      ("   ", 3, .unexpectedEnd),
      ("01", 1, .leadingZero),
      ("-01", 2, .leadingZero),
      ("00", 1, .leadingZero),
      ("[007]", 2, .leadingZero),
      ("+1", 0, .expectedValue),
      (".5", 0, .expectedValue),
      ("-.5", 1, .invalidNumber),
      ("1.", 2, .invalidNumber),
      ("1.e3", 2, .invalidNumber),
      ("1e", 2, .invalidNumber),
      ("1e+", 3, .invalidNumber),
      ("1E-x", 3, .invalidNumber),
      ("-", 1, .invalidNumber),
      ("- 1", 1, .invalidNumber),
      ("NaN", 0, .expectedValue),
      ("-NaN", 1, .invalidNumber),
      ("Infinity", 0, .expectedValue),
      ("-Infinity", 1, .invalidNumber),
      ("1e400", 0, .numberOutOfRange),
      ("[1, -1e400]", 4, .numberOutOfRange),
      ("0x10", 1, .trailingData),
      ("1 2", 2, .trailingData),
      ("1.5.2", 3, .trailingData),
      ("tru", 0, .invalidLiteral),
      ("trUe", 0, .invalidLiteral),
      ("nul", 0, .invalidLiteral),
      ("fals", 0, .invalidLiteral),
      ("True", 0, .expectedValue),
      ("truex", 4, .trailingData),
      ("[", 1, .unexpectedEnd),
      ("[1", 2, .unexpectedEnd),
      ("[1,", 3, .unexpectedEnd),
      ("[1,]", 3, .expectedValue),
      ("[,1]", 1, .expectedValue),
      ("[1 2]", 3, .expectedCommaOrBracket),
      ("[1:2]", 2, .expectedCommaOrBracket),
      ("[}", 1, .expectedValue),
      ("{", 1, .unexpectedEnd),
      (#"{"a""#, 4, .unexpectedEnd),
      (#"{"a":"#, 5, .unexpectedEnd),
      (#"{"a":1"#, 6, .unexpectedEnd),
      (#"{"a":1,}"#, 7, .expectedKey),
      ("{,}", 1, .expectedKey),
      ("{a:1}", 1, .expectedKey),
      ("{1:1}", 1, .expectedKey),
      (#"{"a" 1}"#, 5, .expectedColon),
      (#"{"a"=1}"#, 4, .expectedColon),
      (#"{"a":1 "b":2}"#, 7, .expectedCommaOrBrace),
      (#"{"a":1]"#, 6, .expectedCommaOrBrace),
      ("\"abc", 4, .unexpectedEnd),
      ("\"a\\", 3, .unexpectedEnd),
      (#""\x""#, 2, .invalidEscape),
      (#""\U0041""#, 2, .invalidEscape),
      (#""\'""#, 2, .invalidEscape),
      (#""\u12G4""#, 5, .invalidUnicodeEscape),
      (#""\u12""#, 5, .invalidUnicodeEscape),
      (#""\u12"#, 5, .unexpectedEnd),
      (#""\ud83d\u12""#, 11, .invalidUnicodeEscape),
      (#""\ud83d\uZZZZ""#, 9, .invalidUnicodeEscape),
      ("\"a\nb\"", 2, .controlCharacter),
      ("\"\t\"", 1, .controlCharacter),
      ("\"\u{0}\"", 1, .controlCharacter),
      ("\"ok\\n\u{1F}\"", 5, .controlCharacter),
      ("[1]x", 3, .trailingData),
      ("{}}", 2, .trailingData),
      ("[] []", 3, .trailingData),
      ("/* c */ 1", 0, .expectedValue),
      ("'a'", 0, .expectedValue),
      ("\u{A0}1", 0, .expectedValue),
      ("\u{FEFF}\u{FEFF}1", 3, .expectedValue),
    ]
    for (text, offset, reason) in cases {
      #expect(failure(text) == JSONParseError(offset: offset, reason: reason), "\(text.debugDescription)")
    }
  }

  @Test func errorsDescribeTheOffsetAndTheReason() {
    let error = failure("[1,]")
    #expect(error?.description == "Invalid JSON at byte 3: expected a value")
    #expect(JSONParseError(offset: 0, reason: .tooDeep).description.contains("512"))
  }

  @Test func nestingIsLimitedTo512Levels() throws {
    let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
    var value = try parse(deepest)
    var depth = 0
    while case .array(let elements) = value {
      depth += 1
      value = elements.first ?? .null
    }
    #expect(depth == 512)
    let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
    #expect(failure(tooDeep) == JSONParseError(offset: 512, reason: .tooDeep))
    let objects = String(repeating: #"{"a":"#, count: 512) + "1" + String(repeating: "}", count: 512)
    #expect(try parse(objects) != .null)
    let deepObjects = String(repeating: #"{"a":"#, count: 513) + "1" + String(repeating: "}", count: 513)
    #expect(failure(deepObjects) == JSONParseError(offset: 512 * 5, reason: .tooDeep))
    let mixed = String(repeating: #"[{"k":"#, count: 256) + "[]" + String(repeating: "}]", count: 256)
    #expect(failure(mixed) == JSONParseError(offset: 256 * 6, reason: .tooDeep))
    let unclosed = String(repeating: "[", count: 100_000)
    #expect(failure(unclosed) == JSONParseError(offset: 512, reason: .tooDeep))
  }

  // MARK: Strings

  @Test func everySimpleEscape() throws {
    #expect(try parse(#""\"\\\/\b\f\n\r\t""#) == .string("\"\\/\u{8}\u{C}\n\r\t"))
    #expect(try parse(#""a\nb""#) == "a\nb")
    #expect(try parse(#""\u0041\u00e9\u00E9\u20AC\uffff""#) == "Aéé€\u{FFFF}")
    #expect(try parse(#""\u0000""#) == .string("\u{0}"))
  }

  @Test func everyControlCharacterEscapedAndRaw() throws {
    for code in 0..<0x20 {
      let scalar = Unicode.Scalar(UInt8(code))
      let lower = String(format: "\"\\u%04x\"", code)
      let upper = String(format: "\"\\u%04X\"", code)
      #expect(try parse(lower) == .string(String(scalar)), "\(lower)")
      #expect(try parse(upper) == .string(String(scalar)), "\(upper)")
      #expect(failure(bytes: [0x22, UInt8(code), 0x22]) == JSONParseError(offset: 1, reason: .controlCharacter))
    }
    let all = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }) + "\u{7F}"
    #expect(try parse(bytes: JSONWriter.encode(.string(all))) == .string(all))
    #expect(try parse(bytes: [0x22, 0x7F, 0x22]) == .string("\u{7F}"), "DEL needs no escape")
  }

  @Test func emojiAndSurrogatePairs() throws {
    let text = "héllo 😀 世界 👩‍👩‍👧 🇫🇷 \u{10FFFF}"
    #expect(try parse(bytes: JSONWriter.encode(.string(text))) == .string(text))
    #expect(try parse(#""\ud83d\ude00""#) == "😀")
    #expect(try parse(#""\uD83D\uDE00!""#) == "😀!")
    #expect(try parse(#""\ud800\udc00""#) == .string("\u{10000}"))
    #expect(try parse(#""\udbff\udfff""#) == .string("\u{10FFFF}"))
    #expect(try parse(#""\ud83d\udc69\u200d\ud83d\udc67""#) == "👩‍👧")
    #expect(try parse(#"{"\ud83d\ude00":1}"#) == ["😀": 1])
  }

  @Test func loneSurrogatesBecomeReplacementCharacters() throws {
    #expect(try parse(#""\ud800""#) == "\u{FFFD}")
    #expect(try parse(#""\udc00""#) == "\u{FFFD}")
    #expect(try parse(#""a\ud800b""#) == "a\u{FFFD}b")
    #expect(try parse(#""\ud800\u0041""#) == "\u{FFFD}A")
    #expect(try parse(#""\ud800\ud83d\ude00""#) == "\u{FFFD}😀")
    #expect(try parse(#""\ude00\ud83d""#) == "\u{FFFD}\u{FFFD}")
    #expect(try parse(#""\ud800\n""#) == "\u{FFFD}\n")
    #expect(try parse(#""\ud800\ud800""#) == "\u{FFFD}\u{FFFD}")
    #expect(try parse(#""\ud83d\u12ab""#) == "\u{FFFD}\u{12AB}")
  }

  @Test func invalidUTF8BecomesReplacementCharacters() throws {
    let sequences: [[UInt8]] = [
      [0xFF], [0x80], [0xC0, 0xAF], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
      [0x61, 0xFE, 0x62], [0xE2, 0x82, 0xAC, 0xE2], [0xC3],
    ]
    for raw in sequences {
      let expected = String(decoding: raw, as: UTF8.self)
      #expect(expected.unicodeScalars.contains("\u{FFFD}"))
      #expect(try parse(bytes: [0x22] + raw + [0x22]) == .string(expected), "\(raw)")
      let escapedAfter = [0x22] + raw + Array(#"\u0041"#.utf8) + [0x22]
      #expect(try parse(bytes: escapedAfter) == .string(expected + "A"), "\(raw) before an escape")
      let escapedBefore = [0x22] + Array(#"\u00e9"#.utf8) + raw + [0x22]
      #expect(try parse(bytes: escapedBefore) == .string("é" + expected), "\(raw) after an escape")
    }
    #expect(try parse(bytes: [0x22, 0xE2, 0x82, 0x5C, 0x6E, 0x82, 0x22]) == "\u{FFFD}\n\u{FFFD}")
  }

  @Test func longStringsWithAndWithoutEscapes() throws {
    let plain = String(repeating: "abcdefghé😀", count: 10_000)
    #expect(try parse(bytes: JSONWriter.encode(.string(plain))) == .string(plain))
    let escaped = String(repeating: "line\t\"quoted\"\\\n", count: 10_000)
    #expect(try parse(bytes: JSONWriter.encode(.string(escaped))) == .string(escaped))
  }

  // MARK: Round trips

  @Test func writerOutputRoundTrips() throws {
    let value: JSONValue = [
      "null": .null, "true": true, "false": false, "int": 42, "negative": -7, "max": .int(.max), "min": .int(.min),
      "double": .double(3.25), "tiny": .double(1e-300), "huge": .double(1.5e300), "whole": .double(2),
      "negativeZero": .double(-0.0), "string": "tab\there \"q\" \\ / é 😀 \u{0}\u{1F}\u{7F}",
      "array": [1, "two", [3, [4, [:]]], ["five": 5]], "empty": [], "object": ["nested": ["deeper": ["k": "v"]]],
      "": "empty key", "key with \"quotes\" and \n": 1,
    ]
    #expect(try parse(bytes: JSONWriter.encode(value)) == value)
  }

  @Test func randomValuesRoundTrip() throws {
    var random = SplitMix64(seed: 42)
    for _ in 0..<300 {
      let value = randomValue(depth: 0, using: &random, wholeDoubles: true)
      #expect(try parse(bytes: JSONWriter.encode(value)) == value)
    }
  }

  @Test func oneMegabyteArrayParses() throws {
    var elements: [JSONValue] = []
    var index = 0
    var size = 0
    while size < 1_048_576 {
      let element: JSONValue = [
        "id": .int(index), "name": .string("token \(index) é😀"), "x": .double(Double(index) / 4 + 0.125),
        "flags": [true, false, .null], "tags": ["a\\b", "c\"d"],
      ]
      size += JSONWriter.encode(element).count + 1
      elements.append(element)
      index += 1
    }
    let bytes = JSONWriter.encode(.array(elements))
    #expect(bytes.count >= 1_048_576)
    let parsed = try parse(bytes: bytes)
    #expect(parsed.arrayValue?.count == elements.count)
    #expect(parsed == .array(elements))
  }

  // MARK: Entry points

  @Test func everyEntryPointGivesTheSameValue() throws {
    let text = #" {"a": [1, 2.5, "é😀"], "b": null} "#
    let expected: JSONValue = ["a": [1, .double(2.5), "é😀"], "b": .null]
    #expect(try JSONParser.parse(Array(text.utf8)) == expected)
    #expect(try JSONParser.parse(Data(text.utf8)) == expected)
    #expect(try JSONParser.parse(text) == expected)
    #expect(try JSONParser.parse(text.utf8) == expected)
    #expect(try JSONParser.parse(Array(text.utf8)[...]) == expected)
    #expect(try JSONParser.parse(Array(text.utf8).lazy.map { $0 }) == expected, "non-contiguous")
    #expect(try JSONParser.parse(ContiguousArray(text.utf8)) == expected)
    let sliced = Array("xx[1]".utf8)[2...]
    #expect(try JSONParser.parse(sliced) == [1])
    #expect(throws: JSONParseError(offset: 0, reason: .unexpectedEnd)) { try JSONParser.parse(Data()) }
    #expect(throws: JSONParseError(offset: 3, reason: .expectedValue)) {
      try JSONParser.parse(Data("x[1,]".utf8)[1...])
    }
  }

  // MARK: Parity with JSONDecoder

  static let parityDocuments: [String] = [
    "null", "true", "false", "0", "-1", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
    "-9223372036854775809", "123456789012345678901234567890", "0.5", "-0.25", "3.14159", "1.5e-7", "2.5E-2",
    "1e-7", "6.02214076e-23", "1.7976931348623157e308", "5e-324", #""""#, #""plain""#, #""\u00e9\u20ac\ud83d\ude00""#,
    #""\"\\\/\b\f\n\r\t""#, #""\u0000\u001f\u007f""#, "\"é 😀 世界\"", "[]", "{}", "[[[[]]]]", #"[1,"a",null,true,{}]"#,
    #"{"a":{"b":{"c":[1,2,{"d":null}]}},"e":[],"f":{}}"#, " \n\t[ 1 , 2 ]\r\n ",
    #"{"view_type":"ENCOUNTER","encounter_tokens":{"00000001":{"x":2,"y":3,"status":["wounded"]}}}"#,
    #"[0.1,0.2,0.30000000000000004,-0.000001,1.25e-10]"#,
  ]

  @Test func parityWithJSONDecoder() throws {
    for text in Self.parityDocuments {
      let bytes = Array(text.utf8)
      #expect(try parse(bytes: bytes) == foundation(bytes), "\(text)")
    }
  }

  @Test func parityWithJSONDecoderOnRandomValues() throws {
    var random = SplitMix64(seed: 7)
    for _ in 0..<200 {
      let bytes = JSONWriter.encode(randomValue(depth: 0, using: &random, wholeDoubles: false))
      #expect(try parse(bytes: bytes) == foundation(bytes))
    }
  }

  /// Where `JSONDecoder` differs, by design: it reads whole numbers written as doubles as
  /// `.int`, accepts a trailing comma, keeps the first of duplicate keys and refuses lone
  /// surrogates; this parser keeps what was written, follows the RFC and replaces.
  @Test func knownDifferencesFromJSONDecoder() throws {
    for text in ["1.0", "1e2", "-0", "1e-400"] {
      let bytes = Array(text.utf8)
      guard case .double(let parsed) = try parse(bytes: bytes) else {
        Issue.record("\(text) must be a double")
        continue
      }
      #expect(try foundation(bytes) == .int(Int(parsed)))
    }
    #expect(failure("[1,]") != nil)
    #expect(try foundation(Array("[1,]".utf8)) == [1])
    #expect(try parse(#"{"a":1,"a":2}"#) == ["a": 2])
    #expect(try foundation(Array(#"{"a":1,"a":2}"#.utf8)) == ["a": 1])
    #expect(try parse(#""\ud800""#) == "\u{FFFD}")
    #expect(throws: (any Error).self) { try foundation(Array(#""\ud800""#.utf8)) }
  }
}

/// A small, seeded generator, so that random tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// A random string: ASCII, control characters, quotes, backslashes, accents, emoji, planes.
func randomString(using random: inout SplitMix64) -> String {
  let pool: [Unicode.Scalar] = [
    "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}", "\u{7F}", "é", "ß", "€", "世", "😀",
    "\u{10FFFF}", "\u{FEFF}", "\u{200D}", "\u{2028}",
  ]
  var text = String.UnicodeScalarView()
  for _ in 0..<Int.random(in: 0...12, using: &random) {
    text.append(pool.randomElement(using: &random)!)
  }
  return String(text)
}

/// A random JSON value; `wholeDoubles: false` leaves out doubles without a fraction, which
/// `JSONDecoder` reads as integers.
func randomValue(depth: Int, using random: inout SplitMix64, wholeDoubles: Bool) -> JSONValue {
  let kind = Int.random(in: 0..<(depth >= 4 ? 5 : 7), using: &random)
  switch kind {
  case 0: return .null
  case 1: return .bool(Bool.random(using: &random))
  case 2:
    let choices = [
      0, 1, -1, Int.max, Int.min, Int.random(in: -1000...1000, using: &random), Int(bitPattern: UInt(random.next())),
    ]
    return .int(choices.randomElement(using: &random)!)
  case 3:
    while true {
      let value: Double =
        Bool.random(using: &random)
        ? Double(bitPattern: random.next()) : Double.random(in: -1e6...1e6, using: &random)
      guard value.isFinite else { continue }
      if !wholeDoubles && value.rounded() == value { continue }
      return .double(value)
    }
  case 4: return .string(randomString(using: &random))
  case 5:
    return .array(
      (0..<Int.random(in: 0...5, using: &random)).map { _ in
        randomValue(depth: depth + 1, using: &random, wholeDoubles: wholeDoubles)
      })
  default:
    var members: [String: JSONValue] = [:]
    for _ in 0..<Int.random(in: 0...5, using: &random) {
      members[randomString(using: &random)] = randomValue(depth: depth + 1, using: &random, wholeDoubles: wholeDoubles)
    }
    return .object(members)
  }
}
