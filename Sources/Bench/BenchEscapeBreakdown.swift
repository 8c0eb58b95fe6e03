/// What the bytes a terminal program writes are spent on: cursor movement, SGR (colours and attributes), other
/// escape sequences, and text.
public struct BenchEscapeBreakdown {
  /// Bytes of CSI sequences that move the cursor (`H`, `f`, `A`–`G`, `d`, `` ` ``).
  public var cursor = 0
  /// Bytes of SGR sequences (`ESC [ … m`).
  public var sgr = 0
  /// Bytes of every other escape sequence (character set selection, modes, erasing).
  public var otherEscapes = 0
  /// Bytes of text, including control characters such as carriage return.
  public var text = 0

  private static let escape: UInt8 = 0x1B

  /// Splits `bytes` into the four kinds.
  public init(_ bytes: [UInt8]) {
    var index = 0
    while index < bytes.count {
      guard bytes[index] == Self.escape, index + 1 < bytes.count else {
        text += 1
        index += 1
        continue
      }
      let start = index
      if bytes[index + 1] == UInt8(ascii: "[") {
        // CSI: parameters and intermediates, then one final byte from 0x40 to 0x7E.
        index += 2
        while index < bytes.count, !(0x40...0x7E).contains(bytes[index]) { index += 1 }
        let final = index < bytes.count ? bytes[index] : 0
        index += 1
        let length = Swift.min(index, bytes.count) - start
        if final == UInt8(ascii: "m") {
          sgr += length
        } else if Array("HfABCDEFGd`".utf8).contains(final) {
          cursor += length
        } else {
          otherEscapes += length
        }
      } else {
        // Two- or three-byte escapes such as ESC ( B.
        index += bytes[index + 1] == UInt8(ascii: "(") || bytes[index + 1] == UInt8(ascii: ")") ? 3 : 2
        otherEscapes += Swift.min(index, bytes.count) - start
      }
    }
  }

  /// The four counts, keyed for a bench figure.
  public var counts: [String: Int] {
    ["cursor_bytes": cursor, "sgr_bytes": sgr, "other_escape_bytes": otherEscapes, "text_bytes": text]
  }
}
