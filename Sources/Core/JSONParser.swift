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
    var reader = Reader(buffer)
    reader.skipByteOrderMark()
    let value = try reader.value(depth: 0)
    reader.skipWhitespace()
    if reader.index < reader.end { throw reader.failure(.trailingData) }
    return value
  }
}

/// Why `JSONParser` refused a document, and where.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong.
  public enum Reason: Sendable, Equatable, CustomStringConvertible {
    /// The input ends inside a value, or holds no value at all.
    case unexpectedEnd
    /// A value was expected: the byte cannot start one (`+`, `.`, `N`, `]` after a comma, …).
    case expectedValue
    /// A word starting with `t`, `f` or `n` that is not `true`, `false` or `null`.
    case invalidLiteral
    /// A number that breaks the grammar: no digit after `-`, `.`, `e` or the exponent sign.
    case invalidNumber
    /// A digit after a leading `0`.
    case leadingZero
    /// A number too large for `Double`.
    case numberOutOfRange
    /// A byte below 0x20 inside a string.
    case controlCharacter
    /// A backslash followed by something other than `" \ / b f n r t u`.
    case invalidEscape
    /// `\u` not followed by four hexadecimal digits.
    case invalidUnicodeEscape
    /// In an object, something other than a string where a key belongs.
    case expectedKey
    /// In an object, something other than `:` after a key.
    case expectedColon
    /// In an object, something other than `,` or `}` after a member.
    case expectedCommaOrBrace
    /// In an array, something other than `,` or `]` after an element.
    case expectedCommaOrBracket
    /// Arrays and objects nested deeper than `JSONParser.maximumDepth`.
    case tooDeep
    /// Something other than whitespace after the value.
    case trailingData

    public var description: String {
      switch self {
      case .unexpectedEnd: "unexpected end of input"
      case .expectedValue: "expected a value"
      case .invalidLiteral: "invalid literal (expected true, false or null)"
      case .invalidNumber: "invalid number"
      case .leadingZero: "leading zeros are not allowed"
      case .numberOutOfRange: "number out of range"
      case .controlCharacter: "unescaped control character in a string"
      case .invalidEscape: "invalid escape sequence"
      case .invalidUnicodeEscape: "\\u must be followed by four hexadecimal digits"
      case .expectedKey: "expected a string key"
      case .expectedColon: "expected ':' after the key"
      case .expectedCommaOrBrace: "expected ',' or '}'"
      case .expectedCommaOrBracket: "expected ',' or ']'"
      case .tooDeep: "nested deeper than \(JSONParser.maximumDepth) levels"
      case .trailingData: "unexpected data after the value"
      }
    }
  }

  /// The offset of the first byte that cannot be accepted (the input's length when it ends
  /// too early); for `numberOutOfRange`, the offset of the number.
  public var offset: Int
  /// What is wrong.
  public var reason: Reason

  /// Creates an error.
  public init(offset: Int, reason: Reason) {
    self.offset = offset
    self.reason = reason
  }

  public var description: String { "Invalid JSON at byte \(offset): \(reason)" }
}

/// The parser's cursor over the input.
private struct Reader {
  let bytes: UnsafeBufferPointer<UInt8>
  let end: Int
  var index = 0
  /// Reused for strings with escapes.
  var scratch: [UInt8] = []
  /// The members of the objects being read, innermost last; each object's dictionary is
  /// made once at its end, at its final size, so that it is never rehashed as it grows.
  var members: [(key: String, value: JSONValue)] = []
  /// The elements of the arrays being read, innermost last; each array is copied out at its
  /// final size.
  var elements: [JSONValue] = []

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    end = bytes.count
  }

  /// Exact powers of ten, for the fast path of number conversion.
  static let powersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
    1e19, 1e20, 1e21, 1e22,
  ]

  func failure(_ reason: JSONParseError.Reason) -> JSONParseError {
    JSONParseError(offset: index, reason: reason)
  }

  mutating func skipByteOrderMark() {
    if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
  }

  @inline(__always)
  mutating func skipWhitespace() {
    while index < end {
      switch bytes[index] {
      case 0x20, 0x0A, 0x0D, 0x09: index += 1
      default: return
      }
    }
  }

  mutating func value(depth: Int) throws(JSONParseError) -> JSONValue {
    skipWhitespace()
    guard index < end else { throw failure(.unexpectedEnd) }
    switch bytes[index] {
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "{"): return try object(depth: depth + 1)
    case UInt8(ascii: "["): return try array(depth: depth + 1)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    case UInt8(ascii: "t"):
      try literal("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try literal("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try literal("null")
      return .null
    default: throw failure(.expectedValue)
    }
  }

  mutating func literal(_ word: StaticString) throws(JSONParseError) {
    let count = word.utf8CodeUnitCount
    guard end - index >= count else { throw failure(.invalidLiteral) }
    let expected = word.utf8Start
    for offset in 1..<count where bytes[index + offset] != expected[offset] {
      throw failure(.invalidLiteral)
    }
    index += count
  }

  mutating func array(depth: Int) throws(JSONParseError) -> JSONValue {
    guard depth <= JSONParser.maximumDepth else { throw failure(.tooDeep) }
    index += 1
    skipWhitespace()
    if index < end, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array([])
    }
    let base = elements.count
    while true {
      let element = try value(depth: depth)
      elements.append(element)
      skipWhitespace()
      guard index < end else { throw failure(.unexpectedEnd) }
      switch bytes[index] {
      case UInt8(ascii: ","):
        index += 1
      case UInt8(ascii: "]"):
        index += 1
        let array = Array(elements[base...])
        elements.removeSubrange(base...)
        return .array(array)
      default:
        throw failure(.expectedCommaOrBracket)
      }
    }
  }

  mutating func object(depth: Int) throws(JSONParseError) -> JSONValue {
    guard depth <= JSONParser.maximumDepth else { throw failure(.tooDeep) }
    index += 1
    skipWhitespace()
    if index < end, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object([:])
    }
    let base = members.count
    while true {
      skipWhitespace()
      guard index < end else { throw failure(.unexpectedEnd) }
      guard bytes[index] == UInt8(ascii: "\"") else { throw failure(.expectedKey) }
      let key = try string()
      skipWhitespace()
      guard index < end else { throw failure(.unexpectedEnd) }
      guard bytes[index] == UInt8(ascii: ":") else { throw failure(.expectedColon) }
      index += 1
      let member = try value(depth: depth)
      members.append((key, member))
      skipWhitespace()
      guard index < end else { throw failure(.unexpectedEnd) }
      switch bytes[index] {
      case UInt8(ascii: ","):
        index += 1
      case UInt8(ascii: "}"):
        index += 1
        var object = [String: JSONValue](minimumCapacity: members.count - base)
        for member in members[base...] {
          object[member.key] = member.value  // the last of duplicate keys wins
        }
        members.removeSubrange(base...)
        return .object(object)
      default:
        throw failure(.expectedCommaOrBrace)
      }
    }
  }

  /// Reads a string; `index` is at the opening quote.
  ///
  /// Without escapes the raw bytes are decoded directly (invalid UTF-8 becomes U+FFFD).
  mutating func string() throws(JSONParseError) -> String {
    index += 1
    let start = index
    while index < end {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        index += 1
        return text
      }
      if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
      if byte < 0x20 { throw failure(.controlCharacter) }
      index += 1
    }
    throw failure(.unexpectedEnd)
  }

  /// Reads the rest of a string that has escapes; `index` is at the first backslash.
  ///
  /// Escapes are written to `scratch` as complete UTF-8 sequences, so an invalid raw
  /// sequence next to them is replaced by U+FFFD exactly as if it stood alone.
  mutating func escapedString(from start: Int) throws(JSONParseError) -> String {
    scratch.removeAll(keepingCapacity: true)
    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
    while index < end {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        return String(decoding: scratch, as: UTF8.self)
      case UInt8(ascii: "\\"):
        try escape()
      case 0..<0x20:
        throw failure(.controlCharacter)
      default:
        scratch.append(byte)
        index += 1
      }
    }
    throw failure(.unexpectedEnd)
  }

  /// Reads one escape sequence into `scratch`; `index` is at the backslash.
  mutating func escape() throws(JSONParseError) {
    index += 1
    guard index < end else { throw failure(.unexpectedEnd) }
    switch bytes[index] {
    case UInt8(ascii: "\""): scratch.append(0x22)
    case UInt8(ascii: "\\"): scratch.append(0x5C)
    case UInt8(ascii: "/"): scratch.append(0x2F)
    case UInt8(ascii: "b"): scratch.append(0x08)
    case UInt8(ascii: "f"): scratch.append(0x0C)
    case UInt8(ascii: "n"): scratch.append(0x0A)
    case UInt8(ascii: "r"): scratch.append(0x0D)
    case UInt8(ascii: "t"): scratch.append(0x09)
    case UInt8(ascii: "u"):
      index += 1
      try unicodeEscape()
      return
    default:
      throw failure(.invalidEscape)
    }
    index += 1
  }

  /// Reads the four digits of a `\u` escape, and the low half of a surrogate pair after it.
  mutating func unicodeEscape() throws(JSONParseError) {
    let unit = try hexDigits()
    if UTF16.isTrailSurrogate(unit) {
      appendScalar(0xFFFD)
    } else if UTF16.isLeadSurrogate(unit) {
      guard end - index >= 6, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
        appendScalar(0xFFFD)
        return
      }
      let next = index
      index += 2
      let low = try hexDigits()
      if UTF16.isTrailSurrogate(low) {
        appendScalar(0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(low - 0xDC00))
      } else {
        appendScalar(0xFFFD)
        index = next  // the second escape is read on its own
      }
    } else {
      appendScalar(UInt32(unit))
    }
  }

  mutating func hexDigits() throws(JSONParseError) -> UInt16 {
    var unit: UInt16 = 0
    for _ in 0..<4 {
      guard index < end else { throw failure(.unexpectedEnd) }
      let byte = bytes[index]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw failure(.invalidUnicodeEscape)
      }
      unit = unit << 4 | UInt16(digit)
      index += 1
    }
    return unit
  }

  /// Appends a scalar (never a surrogate) to `scratch` as UTF-8.
  mutating func appendScalar(_ scalar: UInt32) {
    switch scalar {
    case 0..<0x80:
      scratch.append(UInt8(scalar))
    case 0x80..<0x800:
      scratch.append(UInt8(0xC0 | scalar >> 6))
      scratch.append(UInt8(0x80 | scalar & 0x3F))
    case 0x800..<0x10000:
      scratch.append(UInt8(0xE0 | scalar >> 12))
      scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      scratch.append(UInt8(0x80 | scalar & 0x3F))
    default:
      scratch.append(UInt8(0xF0 | scalar >> 18))
      scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
      scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      scratch.append(UInt8(0x80 | scalar & 0x3F))
    }
  }

  @inline(__always)
  func isDigit(at position: Int) -> Bool {
    position < end && bytes[position] &- UInt8(ascii: "0") < 10
  }

  /// Reads a number; `index` is at `-` or a digit.
  ///
  /// Up to 19 significant digits are gathered in an integer; when it and the power of ten
  /// are both exact in a `Double`, one multiplication or division gives the correctly
  /// rounded value (Clinger's fast path). Otherwise the text goes to `Double(_:)`.
  mutating func number() throws(JSONParseError) -> JSONValue {
    let start = index
    let negative = bytes[index] == UInt8(ascii: "-")
    if negative { index += 1 }
    guard isDigit(at: index) else { throw failure(.invalidNumber) }
    var significand: UInt64 = 0
    var exact = true  // `significand` holds every digit read
    var scale = 0  // the power of ten that `significand` is to be multiplied by
    var isInteger = true

    func accumulate(_ byte: UInt8) {
      let (product, overflow) = significand.multipliedReportingOverflow(by: 10)
      let (sum, carry) = product.addingReportingOverflow(UInt64(byte &- UInt8(ascii: "0")))
      if overflow || carry { exact = false } else { significand = sum }
    }

    if bytes[index] == UInt8(ascii: "0") {
      index += 1
      if isDigit(at: index) { throw failure(.leadingZero) }
    } else {
      repeat {
        if exact { accumulate(bytes[index]) }
        index += 1
      } while isDigit(at: index)
    }
    if index < end, bytes[index] == UInt8(ascii: ".") {
      isInteger = false
      index += 1
      guard isDigit(at: index) else { throw failure(.invalidNumber) }
      repeat {
        if exact {
          accumulate(bytes[index])
          scale -= 1
        }
        index += 1
      } while isDigit(at: index)
    }
    if index < end, bytes[index] | 0x20 == UInt8(ascii: "e") {
      isInteger = false
      index += 1
      var exponentIsNegative = false
      if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
        exponentIsNegative = bytes[index] == UInt8(ascii: "-")
        index += 1
      }
      guard isDigit(at: index) else { throw failure(.invalidNumber) }
      var exponent = 0
      repeat {
        if exponent < 1_000_000 { exponent = exponent * 10 + Int(bytes[index] &- UInt8(ascii: "0")) }
        index += 1
      } while isDigit(at: index)
      scale += exponentIsNegative ? -exponent : exponent
    }

    if isInteger && exact {
      if !negative {
        if significand <= UInt64(Int.max) { return .int(Int(significand)) }
      } else if significand == 0 {
        return .double(-0.0)
      } else if significand <= UInt64(Int.max) + 1 {
        return .int(Int(truncatingIfNeeded: 0 &- significand))
      }
    }
    if exact, significand <= 1 << 53, scale >= -22, scale <= 22 {
      var value = Double(significand)
      if scale < 0 {
        value /= Self.powersOfTen[-scale]
      } else {
        value *= Self.powersOfTen[scale]
      }
      return .double(negative ? -value : value)
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    guard let value = Double(text), value.isFinite else {
      throw JSONParseError(offset: start, reason: .numberOutOfRange)
    }
    return .double(value)
  }
}
