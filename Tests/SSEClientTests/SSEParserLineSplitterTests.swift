import Testing

@testable import SSEClient

/// R2 at the byte level: the line splitter finds every CR and LF, and nothing else, wherever it sits in a word.
@Suite struct SSEParserLineSplitterTests {
  /// Splits `bytes` into pieces with a fresh splitter.
  static func pieces(_ reads: [[UInt8]]) -> [String] {
    var splitter = SSELineSplitter()
    var result: [String] = []
    for read in reads {
      read.withUnsafeBufferPointer { bytes in
        var index = 0
        while let piece = splitter.next(in: bytes, at: &index) {
          switch piece {
          case .text(let range): result.append(String(decoding: bytes[range], as: UTF8.self))
          case .lineEnd: result.append("⏎")
          }
        }
      }
    }
    return result
  }

  @Test func lineEnds() {
    #expect(Self.pieces([SSEH.bytes("a\rb\nc\r\nd")]) == ["a", "⏎", "b", "⏎", "c", "⏎", "d"])
    #expect(Self.pieces([SSEH.bytes("\r\r\n\n\r")]) == ["⏎", "⏎", "⏎", "⏎"])
    #expect(Self.pieces([SSEH.bytes("a\r"), SSEH.bytes("\nb")]) == ["a", "⏎", "b"])
    #expect(Self.pieces([SSEH.bytes("a\r"), [], SSEH.bytes("\nb")]) == ["a", "⏎", "b"])
    #expect(Self.pieces([SSEH.bytes("a\r"), SSEH.bytes("\r\n")]) == ["a", "⏎", "⏎"])
    #expect(Self.pieces([SSEH.bytes("a\n"), SSEH.bytes("\n")]) == ["a", "⏎", "⏎"])
    #expect(Self.pieces([SSEH.bytes("a\u{0B}\u{0C}\u{85}\u{2028}b")]) == ["a\u{0B}\u{0C}\u{85}\u{2028}b"])
  }

  /// The word-at-a-time scan finds the first CR or LF at every offset, next to bytes that look alike.
  @Test func scanFindsEveryLineEnd() {
    let lookalikes: [UInt8] = [0x0A, 0x0D, 0x00, 0x01, 0x09, 0x0B, 0x0C, 0x0E, 0x8A, 0x8D, 0x2A, 0x2D, 0xFF, 0x61]
    var generator = SSEH.SplitMix64(seed: 3)
    for _ in 0..<20_000 {
      let length = Int(generator.next() % 40)
      let bytes = (0..<length).map { _ in
        generator.next() % 5 == 0 ? lookalikes[Int(generator.next() % 14)] : UInt8(truncatingIfNeeded: generator.next())
      }
      let start = length == 0 ? 0 : Int(generator.next() % UInt64(length + 1))
      let expected = bytes[start...].firstIndex { $0 == 0x0A || $0 == 0x0D } ?? length
      let found = bytes.withUnsafeBufferPointer { SSELineSplitter.firstLineEnd(in: $0, from: start) }
      #expect(found == expected, "\(bytes) from \(start)")
    }
  }
}
