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

  /// Writes a JSON string literal with the escapes JSON requires; C1 control characters
  /// (U+0080–U+009F) are escaped too, so no raw terminal control byte is ever written.
  public mutating func write(_ string: String) {
    bytes.append(UInt8(ascii: "\""))
    var utf8 = string.utf8.makeIterator()
    var pending: UInt8?
    while let byte = pending ?? utf8.next() {
      pending = nil
      switch byte {
      case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
      case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
      case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
      case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
      case 0..<0x20, 0x7F: appendEscape(byte)
      case 0xC2:
        guard let next = utf8.next() else {
          bytes.append(byte)
          break
        }
        if (0x80...0x9F).contains(next) {
          appendEscape(next)
        } else {
          bytes.append(byte)
          pending = next
        }
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private mutating func appendEscape(_ value: UInt8) {
    let hex: [UInt8] = Array("0123456789abcdef".utf8)
    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(value >> 4)], hex[Int(value & 0xF)]])
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
