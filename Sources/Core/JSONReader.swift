/// `JSONParser`'s cursor over the input: values, literals, arrays and objects here; strings in
/// `JSONReader+Strings.swift`, numbers in `JSONReader+Numbers.swift`.
struct JSONReader {
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
}
