/// Finds the line ends of an event stream: CRLF, a lone LF, or a lone CR (R2).
///
/// Only those two bytes end lines; U+2028, U+0085, VT and FF are text. A CR at the end of one read is remembered, so an
/// LF at the start of the next read completes the same CRLF instead of ending a second (blank) line.
struct SSELineSplitter: Sendable {
  /// A part of a read.
  enum Piece: Sendable, Equatable {
    /// Bytes of a line (never empty, never containing CR or LF), at these indices of the read.
    case text(Range<Int>)
    /// The end of a line.
    case lineEnd
  }

  static let lineFeed: UInt8 = 0x0A
  static let carriageReturn: UInt8 = 0x0D

  /// Whether the last read ended with a CR, so that an LF starting the next read belongs to it.
  private(set) var pendingCR = false

  /// Forgets a pending CR, for a new stream.
  mutating func reset() {
    pendingCR = false
  }

  /// The next piece of `bytes` from `index` on, moving `index` past it; `nil` once the read is used up.
  ///
  /// The scan for line ends looks at each byte once, so splitting a read takes time linear in its size.
  @inline(__always)
  mutating func next(in bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> Piece? {
    let count = bytes.count
    guard index < count else { return nil }
    if pendingCR {
      pendingCR = false
      if bytes[index] == Self.lineFeed {
        index += 1
        guard index < count else { return nil }
      }
    }
    let byte = bytes[index]
    if byte == Self.lineFeed {
      index += 1
      return .lineEnd
    }
    if byte == Self.carriageReturn {
      index += 1
      if index == count {
        pendingCR = true
      } else if bytes[index] == Self.lineFeed {
        index += 1
      }
      return .lineEnd
    }
    let start = index
    index = Self.firstLineEnd(in: bytes, from: index + 1)
    return .text(start..<index)
  }

  /// The index of the first CR or LF in `bytes` at or after `start`, or `bytes.count` when there is none.
  ///
  /// Eight bytes at a time: a word has a CR or LF byte exactly when one of its bytes XOR the pattern is zero, which the
  /// classic "has a zero byte" test finds without false positives for the lowest such byte.
  @inline(__always)
  static func firstLineEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    let count = bytes.count
    var index = start
    guard let base = bytes.baseAddress else { return count }
    let raw = UnsafeRawPointer(base)
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let lineFeeds = ones &* UInt64(lineFeed)
    let carriageReturns = ones &* UInt64(carriageReturn)
    while index &+ 8 <= count {
      let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
      let lf = word ^ lineFeeds
      let cr = word ^ carriageReturns
      let found = ((lf &- ones) & ~lf | (cr &- ones) & ~cr) & highs
      if found != 0 {
        return index &+ found.trailingZeroBitCount / 8
      }
      index &+= 8
    }
    while index < count {
      let byte = bytes[index]
      if byte == lineFeed || byte == carriageReturn { return index }
      index &+= 1
    }
    return count
  }
}
