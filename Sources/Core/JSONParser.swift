import Foundation

/// A strict, fast JSON parser that reads bytes into a `JSONValue`.
///
/// `JSONDecoder().decode(JSONValue.self, …)` tries each type in turn and catches the
/// errors, which is slow; this parser reads the bytes once. It follows RFC 8259 exactly:
///
/// - Any value may stand at the top level; whitespace is space, tab, line feed and carriage
///   return; anything but whitespace after the value is refused. A leading UTF-8 byte order
///   mark is skipped, as RFC 8259 §8.1 allows.
/// - Numbers follow the RFC grammar: no `+`, no leading zeros, no `.5` or `5.`, no `NaN` or
///   `Infinity`. An integer without fraction or exponent that fits in `Int` becomes `.int`;
///   every other number (`-0`, `1.0`, `1e2`, integers beyond `Int`) becomes `.double`,
///   correctly rounded. A number too large for `Double` is refused.
/// - Strings take every escape of the RFC; `\uXXXX` surrogate pairs are combined. A lone
///   surrogate escape becomes U+FFFD, as do invalid UTF-8 sequences. Unescaped control
///   characters (below U+0020) are refused.
/// - Objects and arrays may nest `maximumDepth` deep. When a key repeats, the last one wins.
public enum JSONParser {
  /// The deepest nesting of arrays and objects accepted; a deeper document is refused.
  public static let maximumDepth = 512

  /// Parses one JSON document.
  ///
  /// - Throws: `JSONParseError` giving the byte offset and the reason.
  public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
    try bytes.withUnsafeBufferPointer { buffer throws(JSONParseError) -> JSONValue in try parse(buffer) }
  }

  /// Parses one JSON document.
  ///
  /// - Throws: `JSONParseError` giving the byte offset and the reason.
  public static func parse(_ data: Data) throws(JSONParseError) -> JSONValue {
    let result = data.withUnsafeBytes { raw in
      Result { () throws(JSONParseError) -> JSONValue in try parse(raw.assumingMemoryBound(to: UInt8.self)) }
    }
    return try result.get()
  }

  /// Parses one JSON document given as text.
  ///
  /// - Throws: `JSONParseError` giving the byte offset (in UTF-8) and the reason.
  public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
    try parse(text.utf8)
  }

  /// Parses one JSON document from any collection of bytes; contiguous ones are read in place.
  ///
  /// - Throws: `JSONParseError` giving the byte offset and the reason.
  public static func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
    let result = bytes.withContiguousStorageIfAvailable { buffer in
      Result { () throws(JSONParseError) -> JSONValue in try parse(buffer) }
    }
    if let result { return try result.get() }
    return try parse(Array(bytes))
  }

  /// Parses one JSON document held in `buffer`.
  ///
  /// - Throws: `JSONParseError` giving the byte offset and the reason.
  public static func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
    var reader = JSONReader(buffer)
    reader.skipByteOrderMark()
    let value = try reader.value(depth: 0)
    reader.skipWhitespace()
    if reader.index < reader.end { throw reader.failure(.trailingData) }
    return value
  }
}
