/// The "UTF-8 decode" algorithm of the WHATWG Encoding Standard, which an event stream is always read with (R1).
///
/// It has two parts:
/// - ``BOMSniffer`` removes one byte order mark (EF BB BF) at the very start of a stream, even when its bytes arrive in
///   different reads. A second BOM, or one later in the stream, is text (U+FEFF).
/// - ``decode(_:)-(UnsafeBufferPointer<UInt8>)`` turns bytes into text, replacing each maximal ill-formed subsequence
///   with one U+FFFD.
///
/// The parser decodes each field value on its own once the value is complete, rather than the whole stream as it
/// arrives. The text is the same: every byte that bounds a value (LF, CR, `:` and space) is ASCII, and the decoder never
/// makes an ASCII byte part of an ill-formed sequence; it ends the sequence in progress (one U+FFFD) and then decodes the
/// ASCII byte as itself. Waiting for the whole value also means that a character split across reads is never broken,
/// and that an ill-formed byte at the end of a read is never held back: nothing is delivered before its line ends, and
/// the line end settles every sequence.
enum WHATWGUTF8 {
  /// The UTF-8 byte order mark, U+FEFF.
  static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// Decodes `bytes` as UTF-8, replacing each maximal ill-formed subsequence with one U+FFFD; a BOM is kept as U+FEFF.
  ///
  /// Swift's `String(decoding:as:)` repairs ill-formed input with exactly this rule ("U+FFFD substitution of maximal
  /// subparts" in Unicode §3.9, which the Encoding Standard's decoder implements); the tests check it against a
  /// transcription of the standard's algorithm.
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    String(decoding: bytes, as: UTF8.self)
  }

  /// Decodes `bytes` as UTF-8, replacing each maximal ill-formed subsequence with one U+FFFD; a BOM is kept as U+FEFF.
  static func decode(_ bytes: [UInt8]) -> String {
    String(decoding: bytes, as: UTF8.self)
  }

  /// Removes a single byte order mark at the start of a stream, whose bytes may arrive in separate reads.
  struct BOMSniffer: Sendable {
    /// How many bytes of a BOM have been read so far and are held back.
    private(set) var matched = 0
    /// Whether the start of the stream is settled: the BOM was removed, or the stream does not start with one.
    private(set) var isDone = false

    /// Starts over, for a new stream.
    mutating func reset() {
      self = BOMSniffer()
    }

    /// Reads the BOM bytes at the front of `bytes`, from `index` on, and moves `index` past them.
    ///
    /// - Returns: How many bytes, held back from earlier reads as the start of a BOM, turned out not to be one; they
    ///   (the first bytes of ``WHATWGUTF8/byteOrderMark``) are text and come before `bytes[index...]`.
    mutating func sniff(_ bytes: UnsafeBufferPointer<UInt8>, from index: inout Int) -> Int {
      while !isDone, index < bytes.count {
        guard bytes[index] == WHATWGUTF8.byteOrderMark[matched] else {
          isDone = true
          defer { matched = 0 }
          return matched
        }
        matched += 1
        index += 1
        if matched == WHATWGUTF8.byteOrderMark.count {
          isDone = true
          matched = 0
        }
      }
      return 0
    }
  }
}
