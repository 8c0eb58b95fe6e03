/// A fast, allocation-light JSON serializer with sorted object keys.
///
/// `JSONEncoder` is general but slow for large trees; the payload is encoded once per
/// change and must take well under a millisecond, so Bulkhead writes JSON bytes itself.
/// Output is compact (no whitespace, no raw newlines), keys are sorted, so equal values
/// give equal bytes.
public struct JSONWriter: Sendable {
  /// The bytes written so far.
  public private(set) var bytes: [UInt8] = []

  /// Creates an empty writer, reserving `capacity` bytes.
  public init(capacity: Int = 1024) {
    bytes.reserveCapacity(capacity)
  }

  /// Appends already-encoded JSON bytes verbatim.
  public mutating func appendRaw(_ raw: [UInt8]) {
    bytes.append(contentsOf: raw)
  }

  /// Appends one ASCII punctuation byte such as `{`, `,` or `:`.
  public mutating func append(_ byte: UInt8) {
    bytes.append(byte)
  }

  /// Writes a JSON string literal with the escapes JSON requires. C1 control characters (U+0080–U+009F) and the
  /// bidirectional formatting characters (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) are escaped too, so
  /// no raw terminal control byte is ever written and a line of JSON cannot reorder itself on a terminal.
  public mutating func write(_ string: String) {
    bytes.append(UInt8(ascii: "\""))
    var string = string
    string.withUTF8 { utf8 in
      var index = 0
      while index < utf8.count {
        let byte = utf8[index]
        if let escaped = Self.escapedScalar(utf8, at: index) {
          appendEscape(escaped.value)
          index += escaped.length
          continue
        }
        switch byte {
        case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
        case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        case 0..<0x20, 0x7F: appendEscape(UInt16(byte))
        default: bytes.append(byte)
        }
        index += 1
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// The scalar starting at `index` when it is a C1 control or a bidirectional formatting character, with the
  /// length of its UTF-8 form.
  private static func escapedScalar(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt16, length: Int)?
  {
    let lead = utf8[index]
    guard lead == 0xC2 || lead == 0xD8 || lead == 0xE2, index + 1 < utf8.count else { return nil }
    let second = utf8[index + 1]
    switch lead {
    case 0xC2 where (0x80...0x9F).contains(second):
      return (UInt16(second), 2)
    case 0xD8 where second == 0x9C:
      return (0x061C, 2)
    case 0xE2 where index + 2 < utf8.count:
      let value = UInt16(lead & 0x0F) << 12 | UInt16(second & 0x3F) << 6 | UInt16(utf8[index + 2] & 0x3F)
      switch value {
      case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return (value, 3)
      default: return nil
      }
    default:
      return nil
    }
  }

  private mutating func appendEscape(_ value: UInt16) {
    let hex: [UInt8] = Array("0123456789abcdef".utf8)
    bytes.append(contentsOf: [
      0x5C, UInt8(ascii: "u"), hex[Int(value >> 12)], hex[Int(value >> 8 & 0xF)], hex[Int(value >> 4 & 0xF)],
      hex[Int(value & 0xF)],
    ])
  }

  /// Writes an integer.
  public mutating func write(_ value: Int) {
    bytes.append(contentsOf: String(value).utf8)
  }

  /// Writes a Boolean.
  public mutating func write(_ value: Bool) {
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
  }

  /// Writes a number; JSON has no infinities or NaN, so those become `null`.
  public mutating func write(_ value: Double) {
    if value.isFinite {
      bytes.append(contentsOf: "\(value)".utf8)
    } else {
      bytes.append(contentsOf: "null".utf8)
    }
  }

  /// Writes any JSON value, object keys in sorted order.
  public mutating func write(_ value: JSONValue) {
    switch value {
    case .null: bytes.append(contentsOf: "null".utf8)
    case .bool(let flag): write(flag)
    case .int(let number): write(number)
    case .double(let number): write(number)
    case .string(let text): write(text)
    case .array(let elements):
      bytes.append(UInt8(ascii: "["))
      for (index, element) in elements.enumerated() {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        write(element)
      }
      bytes.append(UInt8(ascii: "]"))
    case .object(let members):
      var object = ObjectWriter()
      for key in members.keys.sorted() {
        object.key(key, in: &self)
        write(members[key]!)
      }
      object.close(in: &self)
    }
  }

  /// Serializes one value.
  public static func encode(_ value: JSONValue) -> [UInt8] {
    var writer = JSONWriter()
    writer.write(value)
    return writer.bytes
  }
}

/// Writes the members of one JSON object; the caller gives keys in the order wanted.
public struct ObjectWriter: Sendable {
  private var count = 0

  /// Starts an object; the opening brace is written with the first key or on close.
  public init() {}

  /// Writes the separator, the key and the colon; the caller then writes the value.
  public mutating func key(_ name: String, in writer: inout JSONWriter) {
    writer.append(count == 0 ? UInt8(ascii: "{") : UInt8(ascii: ","))
    writer.write(name)
    writer.append(UInt8(ascii: ":"))
    count += 1
  }

  /// Closes the object (writing `{}` when it had no member).
  public func close(in writer: inout JSONWriter) {
    if count == 0 { writer.append(UInt8(ascii: "{")) }
    writer.append(UInt8(ascii: "}"))
  }
}
