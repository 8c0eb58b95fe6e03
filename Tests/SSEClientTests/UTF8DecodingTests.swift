import Testing

@testable import SSEClient

/// The UTF-8 decoder of the WHATWG Encoding Standard (§8.1.1), transcribed step by step, as the reference.
enum WHATWGReferenceDecoder {
  static func decode(_ bytes: [UInt8]) -> [Unicode.Scalar] {
    var output: [Unicode.Scalar] = []
    var codePoint: UInt32 = 0
    var bytesSeen = 0
    var bytesNeeded = 0
    var lowerBoundary: UInt8 = 0x80
    var upperBoundary: UInt8 = 0xBF
    var index = 0
    while true {
      guard index < bytes.count else {
        if bytesNeeded != 0 { output.append("\u{FFFD}") }  // step 1: end of queue inside a sequence
        return output
      }
      let byte = bytes[index]
      index += 1
      if bytesNeeded == 0 {  // step 3
        switch byte {
        case 0x00...0x7F:
          output.append(Unicode.Scalar(byte))
        case 0xC2...0xDF:
          bytesNeeded = 1
          codePoint = UInt32(byte & 0x1F)
        case 0xE0...0xEF:
          if byte == 0xE0 { lowerBoundary = 0xA0 }
          if byte == 0xED { upperBoundary = 0x9F }
          bytesNeeded = 2
          codePoint = UInt32(byte & 0x0F)
        case 0xF0...0xF4:
          if byte == 0xF0 { lowerBoundary = 0x90 }
          if byte == 0xF4 { upperBoundary = 0x8F }
          bytesNeeded = 3
          codePoint = UInt32(byte & 0x07)
        default:
          output.append("\u{FFFD}")
        }
        continue
      }
      guard (lowerBoundary...upperBoundary).contains(byte) else {  // step 4: error, and the byte is read again
        codePoint = 0
        bytesNeeded = 0
        bytesSeen = 0
        lowerBoundary = 0x80
        upperBoundary = 0xBF
        index -= 1
        output.append("\u{FFFD}")
        continue
      }
      lowerBoundary = 0x80  // steps 5–8
      upperBoundary = 0xBF
      codePoint = codePoint << 6 | UInt32(byte & 0x3F)
      bytesSeen += 1
      if bytesSeen == bytesNeeded {
        output.append(Unicode.Scalar(codePoint)!)
        codePoint = 0
        bytesNeeded = 0
        bytesSeen = 0
      }
    }
  }

  /// Random byte strings drawn mostly from the bytes where UTF-8 decoders differ.
  static func randomInputs(count: Int, seed: UInt64, excludingLineEnds: Bool = false) -> [[UInt8]] {
    let interesting: [UInt8] = [
      0x00, 0x0A, 0x0D, 0x20, 0x3A, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
      0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7, 0xF8, 0xFE, 0xFF, 0xBB, 0xBE,
    ]
    var generator = SSEH.SplitMix64(seed: seed)
    return (0..<count).map { _ in
      let length = Int(generator.next() % 14)
      return (0..<length).map { _ in
        var byte: UInt8
        repeat {
          byte =
            generator.next() % 4 == 0
            ? UInt8(truncatingIfNeeded: generator.next()) : interesting[Int(generator.next() % 34)]
        } while excludingLineEnds && (byte == 0x0A || byte == 0x0D)
        return byte
      }
    }
  }
}

/// R1: decoding gives the WHATWG number of U+FFFD; the BOM is removed once, at the start only.
@Suite struct UTF8DecodingTests {
  /// Ill-formed sequences and the scalars the Encoding Standard decodes them to.
  static let table: [(name: String, bytes: [UInt8], scalars: [UInt32])] = [
    ("ASCII", [0x61, 0x00, 0x7F], [0x61, 0x00, 0x7F]),
    ("2, 3 and 4 bytes", [0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80], [0xE9, 0x20AC, 0x1F600]),
    ("overlong 2-byte", [0xC0, 0x80], [0xFFFD, 0xFFFD]),
    ("overlong C1", [0xC1, 0xBF], [0xFFFD, 0xFFFD]),
    ("overlong 3-byte", [0xE0, 0x80, 0xAF], [0xFFFD, 0xFFFD, 0xFFFD]),
    ("overlong 4-byte", [0xF0, 0x80, 0x80, 0xAF], [0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD]),
    ("surrogate D800", [0xED, 0xA0, 0x80], [0xFFFD, 0xFFFD, 0xFFFD]),
    ("surrogate DFFF", [0xED, 0xBF, 0xBF], [0xFFFD, 0xFFFD, 0xFFFD]),
    ("last before surrogates", [0xED, 0x9F, 0xBF], [0xD7FF]),
    ("above U+10FFFF", [0xF4, 0x90, 0x80, 0x80], [0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD]),
    ("U+10FFFF", [0xF4, 0x8F, 0xBF, 0xBF], [0x10FFFF]),
    ("F5 to FF", [0xF5, 0xF8, 0xFC, 0xFE, 0xFF], [0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD]),
    ("lone continuation", [0x80], [0xFFFD]),
    ("invalid continuation", [0xE2, 0x28, 0xA1], [0xFFFD, 0x28, 0xFFFD]),
    ("truncated at the end", [0x61, 0xE2, 0x82], [0x61, 0xFFFD]),
    ("truncated 4-byte at the end", [0xF0, 0x9F, 0x98], [0xFFFD]),
    ("truncated, then a character", [0xE2, 0x82, 0xE2, 0x82, 0xAC], [0xFFFD, 0x20AC]),
    ("truncated before ASCII", [0xF1, 0x80, 0x41], [0xFFFD, 0x41]),
    ("BOM is kept by decode", [0xEF, 0xBB, 0xBF, 0x61], [0xFEFF, 0x61]),
  ]

  @Test(arguments: table.indices)
  func illFormed(_ index: Int) {
    let (name, bytes, scalars) = Self.table[index]
    let decoded = WHATWGUTF8.decode(bytes).unicodeScalars.map(\.value)
    #expect(decoded == scalars, "\(name)")
    #expect(WHATWGReferenceDecoder.decode(bytes).map(\.value) == scalars, "reference: \(name)")
  }

  /// The decoder agrees with the standard's algorithm on many random inputs.
  @Test func agreesWithTheStandard() {
    for bytes in WHATWGReferenceDecoder.randomInputs(count: 20_000, seed: 1) {
      let expected = WHATWGReferenceDecoder.decode(bytes)
      #expect(Array(WHATWGUTF8.decode(bytes).unicodeScalars) == expected, "\(bytes)")
    }
  }

  /// The parser delivers a value's bytes as the standard decodes them, however the stream is split.
  @Test func parserAgreesWithTheStandard() {
    for (number, value) in WHATWGReferenceDecoder.randomInputs(count: 400, seed: 2, excludingLineEnds: true)
      .enumerated()
    {
      // A leading "v" keeps a leading space in the value.
      var text = "v"
      text.unicodeScalars.append(contentsOf: WHATWGReferenceDecoder.decode(value))
      let input = SSEH.bytes("data:v") + value + SSEH.bytes("\nid:v") + value + SSEH.bytes("\n\n")
      // An id containing U+0000 is ignored (R11).
      let id = value.contains(0) ? "" : text
      SSEH.check(
        SSEH.Case("random value \(number)", input, [SSEH.event(text, id: id)], lastEventID: id, seed: "\(value)"))
    }
  }

  @Test func bomSnifferRemovesOneBOM() {
    var sniffer = WHATWGUTF8.BOMSniffer()
    let input: [UInt8] = [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF]
    input.withUnsafeBufferPointer { bytes in
      var index = 0
      #expect(sniffer.sniff(bytes, from: &index) == 0)
      #expect(index == 3)
      #expect(sniffer.isDone)
      #expect(sniffer.sniff(bytes, from: &index) == 0)
      #expect(index == 3)
    }
  }

  @Test func bomSnifferAcrossReads() {
    var sniffer = WHATWGUTF8.BOMSniffer()
    for byte: UInt8 in [0xEF, 0xBB] {
      [byte].withUnsafeBufferPointer { bytes in
        var index = 0
        #expect(sniffer.sniff(bytes, from: &index) == 0)
        #expect(index == 1)
      }
    }
    #expect(sniffer.matched == 2)
    #expect(!sniffer.isDone)
    // Not a BOM after all: the two held-back bytes are text, before the byte that broke the match.
    [UInt8(0x61)].withUnsafeBufferPointer { bytes in
      var index = 0
      #expect(sniffer.sniff(bytes, from: &index) == 2)
      #expect(index == 0)
    }
    #expect(sniffer.isDone)
    sniffer.reset()
    #expect(!sniffer.isDone)
    #expect(sniffer.matched == 0)
  }

  @Test func bomSnifferWithoutBOM() {
    var sniffer = WHATWGUTF8.BOMSniffer()
    SSEH.bytes("data").withUnsafeBufferPointer { bytes in
      var index = 0
      #expect(sniffer.sniff(bytes, from: &index) == 0)
      #expect(index == 0)
      #expect(sniffer.isDone)
    }
  }
}
