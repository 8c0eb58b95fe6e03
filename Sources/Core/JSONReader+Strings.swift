/// Strings: raw bytes decoded in place, escapes (surrogate pairs combined) written to `scratch`.
extension JSONReader {
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
  private mutating func escapedString(from start: Int) throws(JSONParseError) -> String {
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
  private mutating func escape() throws(JSONParseError) {
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
  private mutating func unicodeEscape() throws(JSONParseError) {
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

  private mutating func hexDigits() throws(JSONParseError) -> UInt16 {
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
  private mutating func appendScalar(_ scalar: UInt32) {
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
}
