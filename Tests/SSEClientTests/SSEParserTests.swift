import Testing

@testable import SSEClient

/// Runs event-stream inputs through `SSEParser` whole, split at every byte, one byte per read, and split at seeded
/// random points, and checks that every way gives the expected items.
enum SSEParserHarness {
  /// One input: the bodies of one or more connections, parsed by one parser with `endOfStream()` after each.
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var connections: [[UInt8]]
    /// The items, rendered with ``render(_:)``; ``endMarker`` after each connection.
    var items: [String]
    /// The parser's last event ID after the last connection.
    var lastEventID: String
    /// The parser's retry time after the last connection.
    var retry: Int?
    var seed: String
    var maxEventBytes: Int

    var testDescription: String { name }

    /// A case of one connection whose items end with ``endMarker``.
    init(
      _ name: String, _ input: [UInt8], _ items: [String], lastEventID: String = "", retry: Int? = nil,
      seed: String = "", maxEventBytes: Int = 1 << 20
    ) {
      self.init(
        name, connections: [input], items + [endMarker], lastEventID: lastEventID, retry: retry, seed: seed,
        maxEventBytes: maxEventBytes)
    }

    /// A case of several connections; `items` must include an ``endMarker`` after each.
    init(
      _ name: String, connections: [[UInt8]], _ items: [String], lastEventID: String = "", retry: Int? = nil,
      seed: String = "", maxEventBytes: Int = 1 << 20
    ) {
      self.name = name
      self.connections = connections
      self.items = items
      self.lastEventID = lastEventID
      self.retry = retry
      self.seed = seed
      self.maxEventBytes = maxEventBytes
    }
  }

  /// What a run produced, exactly (strings compared scalar by scalar).
  struct Transcript: Equatable, CustomStringConvertible {
    var items: [String]
    var lastEventID: String
    var retry: Int?

    var description: String {
      "items \(items), lastEventID \(lastEventID), retry \(retry.map(String.init) ?? "nil")"
    }
  }

  /// The rendering of the end of a connection in a transcript.
  static let endMarker = "end of stream"

  // MARK: Rendering

  /// `text` with every scalar outside printable ASCII (and `\`) written as `\u{…}`, so that `==` compares scalars.
  static func escaped(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      if scalar.value >= 0x20, scalar.value < 0x7F, scalar != "\\" {
        result.unicodeScalars.append(scalar)
      } else {
        result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
      }
    }
    return result
  }

  static func render(_ item: SSEParser.Item) -> String {
    switch item {
    case .event(let event): Self.event(event.data, type: event.type, id: event.lastEventID)
    case .retry(let milliseconds): Self.retry(milliseconds)
    case .comment(let text): Self.comment(text)
    case .oversized(let bytes): Self.oversized(bytes)
    }
  }

  static func event(_ data: String, type: String = "message", id: String = "") -> String {
    "event type=\"\(escaped(type))\" data=\"\(escaped(data))\" id=\"\(escaped(id))\""
  }

  static func retry(_ milliseconds: Int) -> String { "retry \(milliseconds)" }

  static func comment(_ text: String) -> String { "comment \"\(escaped(text))\"" }

  static func oversized(_ bytes: Int) -> String { "oversized \(bytes)" }

  // MARK: Inputs

  /// The UTF-8 bytes of `text`.
  static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

  /// What WPT's `resources/message.py` sends for `message`: the message, `\n\n` unless `newline=none`, then `\n`.
  static func wpt(_ message: String, newlineNone: Bool = false) -> [UInt8] {
    bytes(message + (newlineNone ? "" : "\n\n") + "\n")
  }

  // MARK: Splitting

  /// How a connection's body is cut into reads.
  enum Splitting: CustomStringConvertible {
    case whole
    /// Two reads, the first `n` bytes long (either may be empty).
    case at(Int)
    case bytewise
    case random(UInt64)

    var description: String {
      switch self {
      case .whole: "whole"
      case .at(let index): "split at \(index)"
      case .bytewise: "one byte per read"
      case .random(let seed): "random split, seed \(seed)"
      }
    }

    func reads(_ input: [UInt8]) -> [[UInt8]] {
      switch self {
      case .whole:
        return [input]
      case .at(let index):
        let index = Swift.min(index, input.count)
        return [Array(input[..<index]), Array(input[index...])]
      case .bytewise:
        return input.map { [$0] }
      case .random(let seed):
        var generator = SplitMix64(seed: seed)
        var reads: [[UInt8]] = []
        var start = 0
        while start < input.count {
          // Mostly short reads, some empty ones, now and then a long one.
          let length =
            switch generator.next() % 8 {
            case 0: 0
            case 1: Int(generator.next() % 64)
            default: Int(generator.next() % 7) + 1
            }
          let end = Swift.min(start + length, input.count)
          reads.append(Array(input[start..<end]))
          start = end
        }
        return reads
      }
    }
  }

  /// How reads are handed to the parser.
  enum Feeding: CaseIterable {
    /// `feed(_: UnsafeRawBufferPointer)`.
    case raw
    /// `feed(_: some Sequence<UInt8>)` with an `Array`.
    case array
    /// `feed(_: some Sequence<UInt8>)` with a sequence that has no contiguous storage.
    case sequence
  }

  /// Parses `connections`, each split by `splitting`, with one parser.
  static func run(
    _ connections: [[UInt8]], splitting: Splitting, feeding: Feeding = .raw, lastEventID: String = "",
    maxEventBytes: Int = 1 << 20
  ) -> Transcript {
    var parser = SSEParser(lastEventID: lastEventID, maxEventBytes: maxEventBytes)
    var items: [String] = []
    for connection in connections {
      for read in splitting.reads(connection) {
        let produced =
          switch feeding {
          case .raw: read.withUnsafeBytes { parser.feed($0) }
          case .array: parser.feed(read)
          case .sequence: parser.feed(read.lazy.map { $0 })
          }
        items += produced.map(render)
        #expect(parser.retainedBytes <= parser.maxEventBytes)
      }
      parser.endOfStream()
      items.append(endMarker)
    }
    return Transcript(items: items, lastEventID: escaped(parser.lastEventID), retry: parser.retryMilliseconds)
  }

  /// The splittings every case is run with: whole, at every byte, one byte per read and 4 seeded random ones.
  static func splittings(of connections: [[UInt8]], seed: String) -> [Splitting] {
    let longest = connections.map(\.count).max() ?? 0
    var seedValue: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a of the case's name
    for byte in seed.utf8 { seedValue = (seedValue ^ UInt64(byte)) &* 0x100_0000_01B3 }
    return [.whole, .bytewise] + (0...longest).map { .at($0) } + (0..<4).map { .random(seedValue &+ UInt64($0)) }
  }

  /// Checks `testCase` with every splitting and every way of feeding.
  static func check(_ testCase: Case, lastEventID: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
    let expected = Transcript(
      items: testCase.items, lastEventID: escaped(testCase.lastEventID), retry: testCase.retry)
    var failures: [String] = []
    for (number, splitting) in splittings(of: testCase.connections, seed: testCase.name + testCase.seed).enumerated() {
      let feeding = Feeding.allCases[number % Feeding.allCases.count]
      let result = run(
        testCase.connections, splitting: splitting, feeding: feeding, lastEventID: lastEventID,
        maxEventBytes: testCase.maxEventBytes)
      if result != expected {
        failures.append("\(splitting), \(feeding): \(result)")
      }
    }
    #expect(
      failures.isEmpty, "expected \(expected)\n\(failures.prefix(3).joined(separator: "\n"))",
      sourceLocation: sourceLocation)
  }

  /// A seeded pseudo-random generator (SplitMix64), so that the random splittings are the same on every run.
  struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }
}

/// A short name for the harness in the parser's tests.
typealias SSEH = SSEParserHarness

/// R1: the body is UTF-8, decoded like the WHATWG decoder, with one BOM removed at the start of the stream.
@Suite struct SSEParserUTF8Tests {
  static let cases: [SSEH.Case] = [
    // WPT format-utf-8 (the `charset=windows-1252` parameter is the connection's business; the parser never looks).
    SSEH.Case("format-utf-8", SSEH.wpt("data:ok…"), [SSEH.event("ok…")]),
    SSEH.Case("2-, 3- and 4-byte characters", SSEH.bytes("data:é€😀\n\n"), [SSEH.event("é€😀")]),
    // WPT format-bom and format-bom-2.
    SSEH.Case(
      "format-bom", SSEH.wpt("\u{FEFF}data:1\n\n\u{FEFF}data:2\n\ndata:3"), [SSEH.event("1"), SSEH.event("3")]),
    SSEH.Case(
      "format-bom-2", SSEH.wpt("\u{FEFF}\u{FEFF}data:1\n\ndata:2\n\ndata:3"), [SSEH.event("2"), SSEH.event("3")]),
    SSEH.Case("BOM then a blank line", SSEH.bytes("\u{FEFF}\ndata:1\n\n"), [SSEH.event("1")]),
    SSEH.Case("BOM inside a value is kept", SSEH.bytes("data:\u{FEFF}x\n\n"), [SSEH.event("\u{FEFF}x")]),
    SSEH.Case("only a BOM", SSEH.bytes("\u{FEFF}"), []),
    SSEH.Case("two bytes of a BOM are text", [0xEF, 0xBB] + SSEH.bytes("data:1\n\ndata:2\n\n"), [SSEH.event("2")]),
    SSEH.Case("one byte of a BOM is text", [0xEF] + SSEH.bytes("data:1\n\ndata:2\n\n"), [SSEH.event("2")]),
    SSEH.Case(
      "BOM prefix then LF", [0xEF, 0xBB, 0x0A] + SSEH.bytes("data:1\n\n"), [SSEH.event("1")]),
    SSEH.Case(
      "a BOM again after endOfStream",
      connections: [SSEH.bytes("\u{FEFF}data:1\n\n"), SSEH.bytes("\u{FEFF}data:2\n\n")],
      [SSEH.event("1"), SSEH.endMarker, SSEH.event("2"), SSEH.endMarker]),
    // Ill-formed sequences inside a value: one U+FFFD per maximal subpart.
    SSEH.Case("lone 0xFF", SSEH.bytes("data:a") + [0xFF] + SSEH.bytes("b\n\n"), [SSEH.event("a\u{FFFD}b")]),
    SSEH.Case("0xFF 0xFE", SSEH.bytes("data:") + [0xFF, 0xFE] + SSEH.bytes("\n\n"), [SSEH.event("\u{FFFD}\u{FFFD}")]),
    SSEH.Case(
      "lone continuation bytes", SSEH.bytes("data:") + [0x80, 0xBF, 0x80] + SSEH.bytes("\n\n"),
      [SSEH.event("\u{FFFD}\u{FFFD}\u{FFFD}")]),
    SSEH.Case(
      "overlong 2-byte NUL", SSEH.bytes("data:") + [0xC0, 0x80] + SSEH.bytes("\n\n"), [SSEH.event("\u{FFFD}\u{FFFD}")]),
    SSEH.Case(
      "overlong 3-byte slash", SSEH.bytes("data:") + [0xE0, 0x80, 0xAF] + SSEH.bytes("\n\n"),
      [SSEH.event("\u{FFFD}\u{FFFD}\u{FFFD}")]),
    SSEH.Case(
      "overlong 4-byte slash", SSEH.bytes("data:") + [0xF0, 0x80, 0x80, 0xAF] + SSEH.bytes("\n\n"),
      [SSEH.event("\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}")]),
    SSEH.Case(
      "encoded surrogate D800", SSEH.bytes("data:") + [0xED, 0xA0, 0x80] + SSEH.bytes("\n\n"),
      [SSEH.event("\u{FFFD}\u{FFFD}\u{FFFD}")]),
    SSEH.Case(
      "encoded surrogate pair", SSEH.bytes("data:") + [0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80] + SSEH.bytes("\n\n"),
      [SSEH.event(String(repeating: "\u{FFFD}", count: 6))]),
    SSEH.Case(
      "above U+10FFFF", SSEH.bytes("data:") + [0xF4, 0x90, 0x80, 0x80] + SSEH.bytes("\n\n"),
      [SSEH.event("\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}")]),
    SSEH.Case(
      "F5 lead byte", SSEH.bytes("data:") + [0xF5, 0x80, 0x80, 0x80] + SSEH.bytes("\n\n"),
      [SSEH.event("\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}")]),
    SSEH.Case(
      "invalid continuation", SSEH.bytes("data:") + [0xE2, 0x28, 0xA1] + SSEH.bytes("\n\n"),
      [SSEH.event("\u{FFFD}(\u{FFFD}")]),
    SSEH.Case(
      "truncated 3-byte before text", SSEH.bytes("data:") + [0xE2, 0x82] + SSEH.bytes("x\n\n"),
      [SSEH.event("\u{FFFD}x")]),
    SSEH.Case(
      "truncated 4-byte at line end", SSEH.bytes("data:") + [0xF0, 0x9F, 0x98] + SSEH.bytes("\n\n"),
      [SSEH.event("\u{FFFD}")]),
    SSEH.Case(
      "truncated 4-byte before a CR", SSEH.bytes("data:") + [0xF0, 0x9F] + SSEH.bytes("\r\r"), [SSEH.event("\u{FFFD}")]),
    SSEH.Case(
      "truncated then a whole character", SSEH.bytes("data:") + [0xE2, 0x82, 0xE2, 0x82, 0xAC] + SSEH.bytes("\n\n"),
      [SSEH.event("\u{FFFD}€")]),
    SSEH.Case(
      "truncated before a colon", SSEH.bytes("data:") + [0xC3] + SSEH.bytes(":x\n\n"), [SSEH.event("\u{FFFD}:x")]),
    SSEH.Case(
      "ill-formed id and type",
      SSEH.bytes("id:") + [0xFF] + SSEH.bytes("\nevent:") + [0xC3] + SSEH.bytes("\ndata:x\n\n"),
      [SSEH.event("x", type: "\u{FFFD}", id: "\u{FFFD}")], lastEventID: "\u{FFFD}"),
    SSEH.Case(
      "ill-formed field name", SSEH.bytes("dat") + [0xE1] + SSEH.bytes(":x\n\ndata:y\n\n"), [SSEH.event("y")]),
    // A truncated sequence at the end of the stream belongs to an unfinished line, which is dropped (R14); the next
    // connection starts clean.
    SSEH.Case(
      "truncated at the end of the stream",
      connections: [SSEH.bytes("data:ok") + [0xE2, 0x82], SSEH.bytes("data:x\n\n")],
      [SSEH.endMarker, SSEH.event("x"), SSEH.endMarker]),
    SSEH.Case(
      "truncated in the last line of the stream", SSEH.bytes("data:ok") + [0xE2, 0x82] + SSEH.bytes("\n\n"),
      [SSEH.event("ok\u{FFFD}")]),
  ]

  @Test(arguments: cases)
  func utf8(_ testCase: SSEH.Case) {
    SSEH.check(testCase)
  }

  /// The LaunchDarkly bug: an ill-formed byte at the end of a read must not hold back or lose anything.
  @Test func illFormedBytesAtTheEndOfAReadAreNotHeldBack() {
    var parser = SSEParser()
    let first = parser.feed(SSEH.bytes("data:1\n\ndata:") + [0xFF])
    #expect(first.map(SSEH.render) == [SSEH.event("1")])
    let second = parser.feed(SSEH.bytes("\n\n"))
    #expect(second.map(SSEH.render) == [SSEH.event("\u{FFFD}")])
    // A whole line with a truncated sequence at its end is delivered by the read that holds it.
    let third = parser.feed(SSEH.bytes("data:a") + [0xE2, 0x82] + SSEH.bytes("\n\ndata:b\n\n"))
    #expect(third.map(SSEH.render) == [SSEH.event("a\u{FFFD}"), SSEH.event("b")])
  }

  /// A character split across reads is delivered whole.
  @Test func characterSplitAcrossReads() {
    var parser = SSEParser()
    #expect(parser.feed(SSEH.bytes("data:") + [0xF0, 0x9F]).isEmpty)
    #expect(parser.feed([0x98]).isEmpty)
    #expect(parser.feed([0x80, 0x0A, 0x0A]).map(SSEH.render) == [SSEH.event("😀")])
  }

  /// A BOM split across reads at the start of the stream is still removed.
  @Test func bomSplitAcrossReads() {
    var parser = SSEParser()
    #expect(parser.feed([0xEF]).isEmpty)
    #expect(parser.feed([0xBB]).isEmpty)
    #expect(parser.feed([0xBF, 0x64]).isEmpty)
    #expect(parser.feed(SSEH.bytes("ata:1\n\n")).map(SSEH.render) == [SSEH.event("1")])
  }
}

/// R2: lines end at CRLF, LF or CR, also when a CRLF is split across reads; nothing else ends a line.
@Suite struct SSEParserLineEndTests {
  static let cases: [SSEH.Case] = [
    // WPT format-newlines.
    SSEH.Case(
      "format-newlines", SSEH.wpt("data:test\r\ndata\ndata:test\r\n\r", newlineNone: true), [SSEH.event("test\n\ntest")]
    ),
    SSEH.Case("CR only", SSEH.bytes("data:1\rdata:2\r\r"), [SSEH.event("1\n2")]),
    SSEH.Case("CRLF only", SSEH.bytes("data:1\r\ndata:2\r\n\r\n"), [SSEH.event("1\n2")]),
    SSEH.Case("CR then CRLF", SSEH.bytes("data:a\r\r\n"), [SSEH.event("a")]),
    SSEH.Case("LF then CR", SSEH.bytes("data:a\n\rdata:b\n\n"), [SSEH.event("a"), SSEH.event("b")]),
    SSEH.Case("LF then CRLF", SSEH.bytes("data:a\n\r\n"), [SSEH.event("a")]),
    SSEH.Case("CRLF, CR, CRLF", SSEH.bytes("data:a\r\n\r\r\ndata:b\r\n\r\n"), [SSEH.event("a"), SSEH.event("b")]),
    SSEH.Case("LF CR LF CR", SSEH.bytes("data:a\n\r\n\rdata:b\n\n"), [SSEH.event("a"), SSEH.event("b")]),
    SSEH.Case(
      "other line breaks are text", SSEH.bytes("data:a\u{2028}b\u{85}c\u{0B}d\u{0C}e\u{2029}f\n\n"),
      [SSEH.event("a\u{2028}b\u{85}c\u{0B}d\u{0C}e\u{2029}f")]),
    SSEH.Case("CR at the end of the stream", SSEH.bytes("data:a\n\r"), [SSEH.event("a")]),
    SSEH.Case(
      "a final CR then a new connection starting with LF",
      connections: [SSEH.bytes("data:a\n\r"), SSEH.bytes("\ndata:b\n\n")],
      [SSEH.event("a"), SSEH.endMarker, SSEH.event("b"), SSEH.endMarker]),
  ]

  @Test(arguments: cases)
  func lineEnds(_ testCase: SSEH.Case) {
    SSEH.check(testCase)
  }

  /// A CRLF split between two reads is one line end, not a line end and a blank line (eventsource-parser #17).
  @Test func crlfSplitAcrossReads() {
    var parser = SSEParser()
    #expect(parser.feed(SSEH.bytes("data:a\r")).isEmpty)
    #expect(parser.feed(SSEH.bytes("\ndata:b\r")).isEmpty)  // had the LF ended a blank line, "a" would be out
    #expect(parser.feed(SSEH.bytes("\n")).isEmpty)
    #expect(parser.feed(SSEH.bytes("\r")).map(SSEH.render) == [SSEH.event("a\nb")])
    #expect(parser.feed(SSEH.bytes("")).isEmpty)
    #expect(parser.feed(SSEH.bytes("\ndata:c\r")).isEmpty)
    #expect(parser.feed(SSEH.bytes("\n\r")).map(SSEH.render) == [SSEH.event("c")])
  }
}

/// R3: field names and values are split on code points, not `Character`s.
@Suite struct SSEParserCodePointTests {
  static let cases: [SSEH.Case] = [
    SSEH.Case("colon followed by a combining mark", SSEH.bytes("data:\u{301}x\n\n"), [SSEH.event("\u{301}x")]),
    SSEH.Case("space followed by a combining mark", SSEH.bytes("data: \u{301}x\n\n"), [SSEH.event("\u{301}x")]),
    SSEH.Case("two spaces, the second combining", SSEH.bytes("data:  \u{301}\n\n"), [SSEH.event(" \u{301}")]),
    SSEH.Case(
      "event type starting with a combining mark", SSEH.bytes("event:\u{301}\ndata:y\n\n"),
      [SSEH.event("y", type: "\u{301}")]),
    SSEH.Case(
      "id starting with a combining mark", SSEH.bytes("id: \u{301}\ndata:z\n\n"), [SSEH.event("z", id: "\u{301}")],
      lastEventID: "\u{301}"),
    SSEH.Case(
      "field name ending with a combining mark", SSEH.bytes("data\u{301}:x\n\ndata\u{301}\n\ndata:ok\n\n"),
      [SSEH.event("ok")]),
    SSEH.Case("comment starting with a combining mark", SSEH.bytes(":\u{301}c\n"), [SSEH.comment("\u{301}c")]),
    SSEH.Case("decomposed text is not normalised", SSEH.bytes("data:e\u{301}\n\n"), [SSEH.event("e\u{301}")]),
    SSEH.Case("precomposed text is not decomposed", SSEH.bytes("data:é\n\n"), [SSEH.event("é")]),
    SSEH.Case("CR followed by a combining mark", SSEH.bytes("data:a\r\u{301}\n\n"), [SSEH.event("a")]),
  ]

  @Test(arguments: cases)
  func codePoints(_ testCase: SSEH.Case) {
    SSEH.check(testCase)
  }
}

/// R4 and R5: a blank line dispatches; a line starting with `:` is a comment.
@Suite struct SSEParserBlankLineAndCommentTests {
  static let long = String(repeating: "x", count: 2 * 1024)

  static let cases: [SSEH.Case] = [
    SSEH.Case("blank lines dispatch", SSEH.bytes("data:a\n\ndata:b\n\n"), [SSEH.event("a"), SSEH.event("b")]),
    SSEH.Case("no blank line, no event", SSEH.bytes("data:a\n"), []),
    SSEH.Case("extra blank lines do nothing", SSEH.bytes("\n\ndata:a\n\n\n\n\r\n"), [SSEH.event("a")]),
    // WPT format-comments.
    SSEH.Case(
      "format-comments",
      SSEH.wpt("data:1\r:\0\n:\r\ndata:2\n:\(long)\rdata:3\n:data:fail\r:\(long)\ndata:4\n", newlineNone: true),
      [
        SSEH.comment("\0"), SSEH.comment(""), SSEH.comment(long), SSEH.comment("data:fail"), SSEH.comment(long),
        SSEH.event("1\n2\n3\n4"),
      ]),
    SSEH.Case("comment text keeps its space", SSEH.bytes(": ping\n"), [SSEH.comment(" ping")]),
    SSEH.Case("a comment does not dispatch", SSEH.bytes("data:a\n:\n"), [SSEH.comment("")]),
    SSEH.Case(
      "keepalives between events", SSEH.bytes(":\n\ndata:a\n\n:ka\n"),
      [SSEH.comment(""), SSEH.event("a"), SSEH.comment("ka")]),
  ]

  @Test(arguments: cases)
  func blankLinesAndComments(_ testCase: SSEH.Case) {
    SSEH.check(testCase)
  }
}

/// R6–R8: the colon split, one leading space removed, lines without a colon, exact field names.
@Suite struct SSEParserFieldTests {
  static let cases: [SSEH.Case] = [
    // WPT format-leading-space.
    SSEH.Case("format-leading-space", SSEH.wpt("data:\ttest\rdata: \ndata:test"), [SSEH.event("\ttest\n\ntest")]),
    SSEH.Case("first colon splits", SSEH.bytes("data:a:b: c\n\n"), [SSEH.event("a:b: c")]),
    SSEH.Case("one space removed", SSEH.bytes("data:  two\n\n"), [SSEH.event(" two")]),
    SSEH.Case("no space after the colon", SSEH.bytes("data:x\n\n"), [SSEH.event("x")]),
    SSEH.Case("a tab is kept", SSEH.bytes("data:\t\n\n"), [SSEH.event("\t")]),
    SSEH.Case("trailing spaces are kept", SSEH.bytes("data: x \n\n"), [SSEH.event("x ")]),
    // WPT format-field-data.
    SSEH.Case(
      "format-field-data", SSEH.wpt("data:\n\ndata\ndata\n\ndata:test"),
      [SSEH.event(""), SSEH.event("\n"), SSEH.event("test")]),
    SSEH.Case("bare event resets the type", SSEH.bytes("event:a\nevent\ndata:x\n\n"), [SSEH.event("x")]),
    SSEH.Case("bare retry is ignored", SSEH.bytes("retry\ndata:x\n\n"), [SSEH.event("x")]),
    // WPT format-field-parsing.
    SSEH.Case(
      "format-field-parsing",
      SSEH.wpt(
        "data:\0\ndata:  2\rData:1\ndata\0:2\ndata:1\r\0data:4\nda-ta:3\rdata_5\ndata:3\rdata:\r\n data:32\ndata:4\n",
        newlineNone: true),
      [SSEH.event("\0\n 2\n1\n3\n\n4")]),
    // WPT format-field-unknown.
    SSEH.Case(
      "format-field-unknown",
      SSEH.wpt("data:test\n data\ndata\nfoobar:xxx\njustsometext\n:thisisacommentyay\ndata:test"),
      [SSEH.comment("thisisacommentyay"), SSEH.event("test\n\ntest")]),
    SSEH.Case(
      "names are case-sensitive", SSEH.bytes("DATA:x\nEvent:y\nID:z\nRetry:5\nData\n\ndata:ok\n\n"), [SSEH.event("ok")]),
    SSEH.Case(
      "near-miss names", SSEH.bytes("dat:1\ndatas:2\nevents:3\nidd:4\ni:5\nretr:6\nretryy:7\n\ndata:ok\n\n"),
      [SSEH.event("ok")]),
    SSEH.Case(
      "long unknown names", SSEH.bytes("averyveryverylongfieldname:data\naveryveryverylongbareword\n\ndata:ok\n\n"),
      [SSEH.event("ok")]),
    SSEH.Case("NUL around names", SSEH.bytes("\0data:1\ndata\0:2\nid\0:3\n\ndata:ok\n\n"), [SSEH.event("ok")]),
    SSEH.Case("leading space before the name", SSEH.bytes(" data:1\n\ndata:ok\n\n"), [SSEH.event("ok")]),
  ]

  @Test(arguments: cases)
  func fields(_ testCase: SSEH.Case) {
    SSEH.check(testCase)
  }
}

/// R9 and R10: `event` sets the type (last wins; empty means message); `data` appends its value and an LF.
@Suite struct SSEParserEventAndDataTests {
  static let cases: [SSEH.Case] = [
    // WPT format-field-event and format-field-event-empty.
    SSEH.Case(
      "format-field-event", SSEH.wpt("event:test\ndata:x\n\ndata:x"), [SSEH.event("x", type: "test"), SSEH.event("x")]),
    SSEH.Case("format-field-event-empty", SSEH.wpt("event: \ndata:data"), [SSEH.event("data")]),
    SSEH.Case("last event field wins", SSEH.bytes("event:a\nevent:b\ndata:x\n\n"), [SSEH.event("x", type: "b")]),
    SSEH.Case(
      "type resets after a block without data", SSEH.bytes("event:a\n\ndata:x\n\n"), [SSEH.event("x")]),
    SSEH.Case(
      "type resets after dispatch", SSEH.bytes("event:a\ndata:x\n\ndata:y\n\n"),
      [SSEH.event("x", type: "a"), SSEH.event("y")]),
    SSEH.Case("type after data", SSEH.bytes("data:x\nevent:late\n\n"), [SSEH.event("x", type: "late")]),
    SSEH.Case("data lines joined", SSEH.bytes("data:a\ndata:b\ndata:c\n\n"), [SSEH.event("a\nb\nc")]),
    SSEH.Case("only one trailing LF removed", SSEH.bytes("data:a\ndata:\n\n"), [SSEH.event("a\n")]),
    SSEH.Case("two empty data lines", SSEH.bytes("data:\ndata:\n\n"), [SSEH.event("\n")]),
    SSEH.Case("NUL in data", SSEH.bytes("data:\0\n\n"), [SSEH.event("\0")]),
    // WPT format-null-character.
    SSEH.Case("format-null-character", SSEH.wpt("data:\0\n\n"), [SSEH.event("\0")]),
  ]

  @Test(arguments: cases)
  func eventAndData(_ testCase: SSEH.Case) {
    SSEH.check(testCase)
  }
}

/// R11: `id` sets the last event ID buffer, `""` resets it, and an id containing U+0000 is ignored.
@Suite struct SSEParserIDTests {
  static let cases: [SSEH.Case] = [
    // WPT format-field-id-3 (resources/last-event-id2.py).
    SSEH.Case(
      "format-field-id-3 persists", SSEH.bytes("id: 1\ndata: 1\n\ndata:2\n\n"),
      [SSEH.event("1", id: "1"), SSEH.event("2", id: "1")], lastEventID: "1"),
    SSEH.Case(
      "format-field-id-3 changes and persists", SSEH.bytes("id: 1\ndata: 1\n\nid: 2\ndata:2\n\ndata:3\n\n"),
      [SSEH.event("1", id: "1"), SSEH.event("2", id: "2"), SSEH.event("3", id: "2")], lastEventID: "2"),
    SSEH.Case(
      "format-field-id-3 resets", SSEH.bytes("id: 1\ndata: 1\n\nid:\ndata:2\n\ndata:3\n\n"),
      [SSEH.event("1", id: "1"), SSEH.event("2"), SSEH.event("3")]),
    // WPT format-field-id (resources/last-event-id.php, first connection).
    SSEH.Case(
      "format-field-id", SSEH.bytes("id: …\nretry: 200\ndata: hello\n\n"),
      [SSEH.retry(200), SSEH.event("hello", id: "…")],
      lastEventID: "…", retry: 200),
    // WPT format-field-id-null, as fixed by wpt#14095: the id is ignored.
    SSEH.Case(
      "format-field-id-null", SSEH.bytes("id: \0\0\nretry: 200\ndata: hello\n\n"),
      [SSEH.retry(200), SSEH.event("hello")],
      retry: 200),
    SSEH.Case(
      "an id with NUL keeps the previous one", SSEH.bytes("id:a\ndata:1\n\nid:b\0c\ndata:2\n\n"),
      [SSEH.event("1", id: "a"), SSEH.event("2", id: "a")], lastEventID: "a"),
    SSEH.Case(
      "an id of just NUL does not reset", SSEH.bytes("id:a\n\nid:\0\ndata:x\n\n"), [SSEH.event("x", id: "a")],
      lastEventID: "a"),
    SSEH.Case(
      "a bare id resets", SSEH.bytes("id:a\ndata:1\n\nid\ndata:2\n\n"), [SSEH.event("1", id: "a"), SSEH.event("2")]),
    SSEH.Case(
      "last id in a block wins", SSEH.bytes("id:1\nid:2\ndata:x\n\n"), [SSEH.event("x", id: "2")], lastEventID: "2"),
    SSEH.Case("id after data", SSEH.bytes("data:x\nid:9\n\n"), [SSEH.event("x", id: "9")], lastEventID: "9"),
    SSEH.Case(
      "spaces in ids are kept", SSEH.bytes("id:  a b \ndata:x\n\n"), [SSEH.event("x", id: " a b ")],
      lastEventID: " a b "),
  ]

  @Test(arguments: cases)
  func ids(_ testCase: SSEH.Case) {
    SSEH.check(testCase)
  }
}

/// R12: `retry` counts only as a non-empty run of ASCII digits, in base 10, applied when its line is read.
@Suite struct SSEParserRetryTests {
  static let cases: [SSEH.Case] = [
    // WPT format-field-retry, -retry-bogus and -retry-empty.
    SSEH.Case("format-field-retry", SSEH.wpt("retry:02000\ndata:x"), [SSEH.retry(2000), SSEH.event("x")], retry: 2000),
    SSEH.Case(
      "format-field-retry-bogus", SSEH.wpt("retry:2000\nretry:1000x\ndata:x"), [SSEH.retry(2000), SSEH.event("x")],
      retry: 2000),
    SSEH.Case("format-field-retry-empty", SSEH.wpt("retry\ndata:test"), [SSEH.event("test")]),
    SSEH.Case("retry with one space", SSEH.bytes("retry: 1000\n"), [SSEH.retry(1000)], retry: 1000),
    SSEH.Case("retry zero", SSEH.bytes("retry:0\n"), [SSEH.retry(0)], retry: 0),
    SSEH.Case("leading zeros", SSEH.bytes("retry:00000000000000000000000000001\n"), [SSEH.retry(1)], retry: 1),
    SSEH.Case("largest Int", SSEH.bytes("retry:9223372036854775807\n"), [SSEH.retry(Int.max)], retry: Int.max),
    SSEH.Case(
      "last valid retry wins", SSEH.bytes("retry:1\nretry:2\nretry:x\n"), [SSEH.retry(1), SSEH.retry(2)], retry: 2),
    // Applied when the line is read, even if its block is never dispatched.
    SSEH.Case("retry in an unfinished block", SSEH.bytes("retry:1500\ndata:x"), [SSEH.retry(1500)], retry: 1500),
  ]

  static let bogus = [
    "1000x", " 1000", "+5", "1e3", "-1", "1.5", "", "0x10", "１０", "1000 ", "1_000", "\t5",
    "9223372036854775808", "99999999999999999999999999",
  ]

  @Test(arguments: cases)
  func retry(_ testCase: SSEH.Case) {
    SSEH.check(testCase)
  }

  /// Anything but digits, and a number too large for `Int`, is ignored and keeps the previous value.
  @Test(arguments: bogus)
  func bogusRetry(_ value: String) {
    SSEH.check(
      SSEH.Case(
        "retry:\(value)", SSEH.bytes("retry:7\nretry: \(value)\ndata:x\n\n"), [SSEH.retry(7), SSEH.event("x")], retry: 7
      ))
  }
}

/// R13 and R14: dispatch commits the ID even without data; the end of the stream drops an unfinished block.
@Suite struct SSEParserDispatchTests {
  static let cases: [SSEH.Case] = [
    SSEH.Case(
      "the block's id is on its event", SSEH.bytes("id:5\ndata:x\n\n"), [SSEH.event("x", id: "5")], lastEventID: "5"),
    SSEH.Case(
      "a block without data commits its id", SSEH.bytes("event:foo\nid:3\n\ndata:y\n\n"), [SSEH.event("y", id: "3")],
      lastEventID: "3"),
    SSEH.Case("an id-only block", SSEH.bytes("id:7\n\n"), [], lastEventID: "7"),
    // WPT format-data-before-final-empty-line, with the reconnection it triggers.
    SSEH.Case(
      "format-data-before-final-empty-line",
      connections: [
        SSEH.wpt("retry:1000\ndata:test1\n\nid:test\ndata:test2", newlineNone: true),
        SSEH.wpt("retry:1000\ndata:test1\n\nid:test\ndata:test2", newlineNone: true),
      ],
      [
        SSEH.retry(1000), SSEH.event("test1"), SSEH.endMarker,
        SSEH.retry(1000), SSEH.event("test1"), SSEH.endMarker,
      ], retry: 1000),
    SSEH.Case("no blank line at the end", SSEH.bytes("data:a"), []),
    SSEH.Case(
      "an unfinished block's type does not leak", connections: [SSEH.bytes("event:x\n"), SSEH.bytes("data:y\n\n")],
      [SSEH.endMarker, SSEH.event("y"), SSEH.endMarker]),
    SSEH.Case(
      "an unfinished block's data does not leak", connections: [SSEH.bytes("data:x\n"), SSEH.bytes("data:y\n\n")],
      [SSEH.endMarker, SSEH.event("y"), SSEH.endMarker]),
    SSEH.Case(
      "an unfinished line does not leak", connections: [SSEH.bytes("data:x"), SSEH.bytes("data:y\n\n")],
      [SSEH.endMarker, SSEH.event("y"), SSEH.endMarker]),
  ]

  @Test(arguments: cases)
  func dispatch(_ testCase: SSEH.Case) {
    SSEH.check(testCase)
  }

  /// `lastEventID` changes when a block is dispatched, not when its `id` line is read.
  @Test func idCommittedAtDispatch() {
    var parser = SSEParser(lastEventID: "old")
    _ = parser.feed(SSEH.bytes("id:new\ndata:x\n"))
    #expect(parser.lastEventID == "old")
    _ = parser.feed(SSEH.bytes("\n"))
    #expect(parser.lastEventID == "new")
    _ = parser.feed(SSEH.bytes("id:newer\n"))
    parser.endOfStream()
    #expect(parser.lastEventID == "new")
  }
}

/// R22: the last event ID (and the retry time) carry over into the next connection.
@Suite struct SSEParserReconnectionTests {
  /// WPT format-field-id and format-field-id-2: the second connection's events carry the first one's ID.
  @Test func idCarriesOverAcrossEndOfStream() {
    SSEH.check(
      SSEH.Case(
        "format-field-id-2",
        connections: [
          SSEH.bytes("id: …\nretry: 200\ndata: hello\n\n"), SSEH.bytes("data: …\n\n"), SSEH.bytes("data: …\n\n"),
        ],
        [
          SSEH.retry(200), SSEH.event("hello", id: "…"), SSEH.endMarker,
          SSEH.event("…", id: "…"), SSEH.endMarker, SSEH.event("…", id: "…"), SSEH.endMarker,
        ], lastEventID: "…", retry: 200))
  }

  /// A parser seeded with a previous connection's ID reports it on events without an `id`.
  @Test func seededID() {
    SSEH.check(
      SSEH.Case("seeded", SSEH.bytes("data:a\n\nid:\ndata:b\n\n"), [SSEH.event("a", id: "7"), SSEH.event("b")]),
      lastEventID: "7")
    SSEH.check(
      SSEH.Case("seeded and kept", SSEH.bytes("data:a\n\n"), [SSEH.event("a", id: "7")], lastEventID: "7"),
      lastEventID: "7")
  }

  @Test func endOfStreamKeepsIDAndRetry() {
    var parser = SSEParser()
    _ = parser.feed(SSEH.bytes("id:5\nretry:300\ndata:a\n\nid:6\nretry:400\ndata:b\n"))
    parser.endOfStream()
    #expect(parser.lastEventID == "5")
    #expect(parser.retryMilliseconds == 400)
    #expect(parser.feed(SSEH.bytes("data:c\n\n")).map(SSEH.render) == [SSEH.event("c", id: "5")])
    #expect(parser.retryMilliseconds == 400)
  }

  @Test func endOfStreamResetsStreamState() {
    var parser = SSEParser()
    // A pending CR, an unfinished name and a half-read BOM are all forgotten.
    _ = parser.feed(SSEH.bytes("data:a\n\r"))
    parser.endOfStream()
    #expect(parser.feed(SSEH.bytes("\ndata:b\n\n")).map(SSEH.render) == [SSEH.event("b")])
    _ = parser.feed(SSEH.bytes("dat"))
    parser.endOfStream()
    #expect(parser.feed(SSEH.bytes("a:c\n\ndata:d\n\n")).map(SSEH.render) == [SSEH.event("d")])
    parser.endOfStream()
    _ = parser.feed([0xEF, 0xBB])
    parser.endOfStream()
    #expect(parser.feed([0xEF, 0xBB, 0xBF] + SSEH.bytes("data:e\n\n")).map(SSEH.render) == [SSEH.event("e")])
    #expect(parser.retainedBytes == 0)
  }

  @Test func freshParser() {
    let parser = SSEParser()
    #expect(parser.lastEventID == "")
    #expect(parser.retryMilliseconds == nil)
    #expect(parser.maxEventBytes == 1 << 20)
    var empty = SSEParser()
    #expect(empty.feed([UInt8]()).isEmpty)
    #expect(empty.feed(UnsafeRawBufferPointer(start: nil, count: 0)).isEmpty)
  }

  @Test func eventDefaults() {
    let event = SSEEvent(data: "x")
    #expect(event.type == "message")
    #expect(event.lastEventID == "")
    #expect(Set([event, SSEEvent(type: "message", data: "x", lastEventID: "")]).count == 1)
  }
}
