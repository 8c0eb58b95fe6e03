import Testing

@testable import SSEClient

/// Bounded memory: a line or block over `maxEventBytes` is dropped, reported once, and parsing resumes after it.
@Suite struct SSEParserLimitTests {
  /// Feeds `input` in reads of `chunk` bytes, checking after each read that the parser holds no more than its limit.
  static func feedInChunks(_ input: [UInt8], chunk: Int, parser: inout SSEParser) -> [String] {
    var items: [String] = []
    var start = 0
    while start < input.count {
      let end = min(start + chunk, input.count)
      items += input[start..<end].withUnsafeBytes { parser.feed($0) }.map(SSEH.render)
      #expect(parser.retainedBytes <= parser.maxEventBytes)
      start = end
    }
    return items
  }

  /// A 10 MB line in 64 KiB reads with the default 1 MiB limit: reported once, and the next event is intact.
  @Test func tenMegabyteLine() {
    let line = SSEH.bytes("data: ") + [UInt8](repeating: 0x78, count: 10_000_000)
    let input = line + SSEH.bytes("\n\ndata: ok\n\n")
    var parser = SSEParser()
    let items = Self.feedInChunks(input, chunk: 64 * 1024, parser: &parser)
    #expect(items == [SSEH.oversized(line.count), SSEH.event("ok")])
  }

  /// The dropped block's `id` and `event` fields go with it, also those before the overflow.
  @Test func tenMegabyteLineWithIDAndType() {
    let big = SSEH.bytes("data:") + [UInt8](repeating: 0x78, count: 10_000_000)
    let input = SSEH.bytes("id: 1\ndata: a\n\nid: bad\nevent: big\n") + big + SSEH.bytes("\nid: worse\n\ndata: ok\n\n")
    var parser = SSEParser()
    let items = Self.feedInChunks(input, chunk: 64 * 1024, parser: &parser)
    let dropped = "id: bad".utf8.count + "event: big".utf8.count + big.count + "id: worse".utf8.count
    #expect(items == [SSEH.event("a", id: "1"), SSEH.oversized(dropped), SSEH.event("ok", id: "1")])
    #expect(parser.lastEventID == "1")
  }

  /// An event of many small data lines that together pass the limit.
  @Test func manySmallDataLines() {
    let dataLine = SSEH.bytes("data: ") + [UInt8](repeating: 0x79, count: 100) + [0x0A]
    var input: [UInt8] = []
    for _ in 0..<20_000 { input += dataLine }  // 2 020 000 bytes of data buffer
    input += SSEH.bytes("\ndata: ok\n\n")
    var parser = SSEParser()
    let items = Self.feedInChunks(input, chunk: 64 * 1024, parser: &parser)
    #expect(items == [SSEH.oversized(20_000 * (dataLine.count - 1)), SSEH.event("ok")])
  }

  /// Events up to the limit are delivered whole, in any reads.
  @Test func largeEventUnderTheLimit() {
    let payload = [UInt8](repeating: 0x7A, count: (1 << 20) - 8)
    let input = SSEH.bytes("data:") + payload + SSEH.bytes("\n\n")
    for chunk in [1 << 20, 64 * 1024, 4096, 1000] {
      var parser = SSEParser()
      let items = Self.feedInChunks(input, chunk: chunk, parser: &parser)
      #expect(items == [SSEH.event(String(decoding: payload, as: UTF8.self))])
    }
  }

  /// With a raised limit, one 12 MB event of 1 KB lines arrives whole.
  @Test func raisedLimit() {
    let dataLine = SSEH.bytes("data: ") + [UInt8](repeating: 0x79, count: 1000 - 7) + [0x0A]
    var input: [UInt8] = []
    for _ in 0..<12_000 { input += dataLine }
    input += [0x0A]
    var parser = SSEParser(maxEventBytes: 64 << 20)
    let items = Self.feedInChunks(input, chunk: 16 * 1024, parser: &parser)
    let line = String(repeating: "y", count: 1000 - 7)
    #expect(items == [SSEH.event(Array(repeating: line, count: 12_000).joined(separator: "\n"))])
  }

  /// Exact boundaries with a 16-byte limit, each case run with every splitting.
  static let cases: [SSEH.Case] = [
    SSEH.Case("line of 16 bytes", SSEH.bytes("data:0123456789A\n\n"), [SSEH.event("0123456789A")], maxEventBytes: 16),
    SSEH.Case(
      "line of 17 bytes", SSEH.bytes("data:0123456789AB\n\ndata:ok\n\n"), [SSEH.oversized(17), SSEH.event("ok")],
      maxEventBytes: 16),
    SSEH.Case(
      "data of 16 bytes", SSEH.bytes("data:1234567\ndata:1234567\n\n"), [SSEH.event("1234567\n1234567")],
      maxEventBytes: 16),
    SSEH.Case(
      "data of 17 bytes", SSEH.bytes("data:12345678\ndata:1234567\n\ndata:ok\n\n"),
      [SSEH.oversized(25), SSEH.event("ok")],
      maxEventBytes: 16),
    SSEH.Case(
      "type and data of 16 bytes", SSEH.bytes("event:12345678\ndata:1234567\n\n"),
      [SSEH.event("1234567", type: "12345678")], maxEventBytes: 16),
    SSEH.Case(
      "type and data of 17 bytes", SSEH.bytes("event:123456789\ndata:1234567\n\ndata:ok\n\n"),
      [SSEH.oversized(27), SSEH.event("ok")], maxEventBytes: 16),
    SSEH.Case(
      "id and data of 17 bytes", SSEH.bytes("id:123456789\ndata:1234567\n\ndata:ok\n\n"),
      [SSEH.oversized(24), SSEH.event("ok")], maxEventBytes: 16),
    SSEH.Case(
      "a long comment drops its block", SSEH.bytes(":xxxxxxxxxxxxxxxxxxxx\ndata:a\n\ndata:b\n\n"),
      [SSEH.oversized(27), SSEH.event("b")], maxEventBytes: 16),
    SSEH.Case(
      "a long unknown field drops its block", SSEH.bytes("data:a\nfoo:xxxxxxxxxxxxxxxxxxxx\n\ndata:b\n\n"),
      [SSEH.oversized(30), SSEH.event("b")], maxEventBytes: 16),
    SSEH.Case(
      "retry after the overflow is skipped", SSEH.bytes("data:xxxxxxxxxxxxxxxxxxxx\nretry:5\n:c\n\ndata:b\n\n"),
      [SSEH.oversized(34), SSEH.event("b")], maxEventBytes: 16),
    SSEH.Case(
      "retry before the overflow counts", SSEH.bytes("retry:5\ndata:xxxxxxxxxxxxxxxxxxxx\n\ndata:b\n\n"),
      [SSEH.retry(5), SSEH.oversized(32), SSEH.event("b")], retry: 5, maxEventBytes: 16),
    SSEH.Case(
      "an id before the overflow is not committed", SSEH.bytes("id:1\n\nid:2\ndata:xxxxxxxxxxxxxxxxxxxx\n\ndata:b\n\n"),
      [SSEH.oversized(29), SSEH.event("b", id: "1")], lastEventID: "1", maxEventBytes: 16),
    SSEH.Case(
      "CRLF line ends", SSEH.bytes("data:xxxxxxxxxxxxxxxxxxxx\r\n\r\ndata:b\r\n\r\n"),
      [SSEH.oversized(25), SSEH.event("b")],
      maxEventBytes: 16),
    SSEH.Case(
      "an oversized block cut off by the end of the stream",
      connections: [SSEH.bytes("data:xxxxxxxxxxxxxxxxxxxx\n"), SSEH.bytes("data:b\n\n")],
      [SSEH.endMarker, SSEH.event("b"), SSEH.endMarker], maxEventBytes: 16),
    SSEH.Case(
      "several oversized blocks", SSEH.bytes("data:xxxxxxxxxxxxxxxxxxxx\n\ndata:yyyyyyyyyyyyyyyyyyyy\n\ndata:b\n\n"),
      [SSEH.oversized(25), SSEH.oversized(25), SSEH.event("b")], maxEventBytes: 16),
    SSEH.Case(
      "limit of one byte", SSEH.bytes("data\n\n:\n\nx\n\nxy\n\n"),
      [SSEH.oversized(4), SSEH.comment(""), SSEH.oversized(2)],
      maxEventBytes: 1),
  ]

  @Test(arguments: cases)
  func boundaries(_ testCase: SSEH.Case) {
    SSEH.check(testCase)
  }
}
