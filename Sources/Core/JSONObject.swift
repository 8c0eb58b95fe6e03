import Foundation

/// The one reader of JSON objects: request bodies, stream payloads, REST answers and campaign files.
///
/// Each accessor reads one key and throws ``JSONReadError`` naming the key path and the reason. An absent key and
/// `null` are the same: an optional accessor gives nil, a required one `missing`. Integers may be given as whole
/// doubles (`3.0`). An object knows its ``path`` in the document; the readers that take a closure give their
/// elements an empty path and put the element's path before any error the closure throws, so that no path is built
/// while everything reads.
public struct JSONObject: Sendable {
  /// The object's members.
  public let members: [String: JSONValue]
  /// Where the object is in the document (`""` for the top or an element read through a closure).
  public let path: String
  /// Whether a number or Boolean is read as its text where a string is asked for (YAML campaign files).
  public let scalarsAsText: Bool

  /// The object `value`; anything else is an error at `path`.
  public init(_ value: JSONValue, path: String = "", scalarsAsText: Bool = false) throws(JSONReadError) {
    guard case .object(let members) = value else {
      throw JSONReadError(path: path, problem: .wrongType(expected: "an object"))
    }
    self.init(members: members, path: path, scalarsAsText: scalarsAsText)
  }

  /// An object of `members` already parsed.
  public init(members: [String: JSONValue], path: String = "", scalarsAsText: Bool = false) {
    self.members = members
    self.path = path
    self.scalarsAsText = scalarsAsText
  }

  /// Parses `bytes` with ``JSONParser``; they must hold one JSON object. Blank bytes read as `{}` when
  /// `blankIsEmpty` (an empty request body).
  ///
  /// - Throws: `JSONParseError` when the bytes are not JSON, `JSONReadError` when they are not an object.
  public static func parse(_ bytes: some Collection<UInt8>, blankIsEmpty: Bool = false) throws -> JSONObject {
    if blankIsEmpty, bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      return JSONObject(members: [:])
    }
    return try JSONObject(JSONParser.parse(bytes))
  }

  /// The path of `key` inside this object.
  public func path(of key: String) -> String {
    path.isEmpty ? key : "\(path).\(key)"
  }

  /// An error about the value of `key`.
  public func failure(_ key: String, _ problem: JSONReadError.Problem) -> JSONReadError {
    JSONReadError(path: path(of: key), problem: problem)
  }

  /// An error about the value of `key` that has the right type but is not allowed.
  public func invalid(_ key: String, _ message: String) -> JSONReadError {
    failure(key, .invalidValue(message))
  }

  /// Whether `key` is there and not `null`.
  public func has(_ key: String) -> Bool {
    value(key) != nil
  }

  /// The value of `key`; nil when absent or `null`.
  public func value(_ key: String) -> JSONValue? {
    guard let value = members[key], value != .null else { return nil }
    return value
  }

  /// The value of a required key.
  public func required(_ key: String) throws(JSONReadError) -> JSONValue {
    guard let value = value(key) else { throw failure(key, .missing) }
    return value
  }

  // MARK: - Scalars

  /// A required string.
  public func string(_ key: String) throws(JSONReadError) -> String {
    let value = try required(key)
    return try within(key) { () throws(JSONReadError) in try string(of: value) }
  }

  /// An optional string.
  public func optionalString(_ key: String) throws(JSONReadError) -> String? {
    guard let value = value(key) else { return nil }
    return try within(key) { () throws(JSONReadError) in try string(of: value) }
  }

  /// A required string that must not be blank, returned trimmed of white space and newlines at both ends.
  public func text(_ key: String) throws(JSONReadError) -> String {
    let text = Self.trimmed(try string(key))
    guard !text.isEmpty else { throw invalid(key, "must not be blank") }
    return text
  }

  /// `string` without the Unicode white space (which includes the newlines) and U+200B at its ends: the same as
  /// Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)`, without bridging through `NSString` on every GM
  /// write.
  static func trimmed(_ string: String) -> String {
    let kept = { (scalar: Unicode.Scalar) in !scalar.properties.isWhitespace && scalar != "\u{200B}" }
    let scalars = string.unicodeScalars
    guard let first = scalars.firstIndex(where: kept), let last = scalars.lastIndex(where: kept) else { return "" }
    if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return string }
    return String(scalars[first...last])
  }

  /// A required integer.
  public func int(_ key: String) throws(JSONReadError) -> Int {
    let value = try required(key)
    return try within(key) { () throws(JSONReadError) in try Self.int(value) }
  }

  /// An optional integer.
  public func optionalInt(_ key: String) throws(JSONReadError) -> Int? {
    guard let value = value(key) else { return nil }
    return try within(key) { () throws(JSONReadError) in try Self.int(value) }
  }

  /// A required number.
  public func double(_ key: String) throws(JSONReadError) -> Double {
    guard let number = try required(key).doubleValue else { throw failure(key, .wrongType(expected: "a number")) }
    return number
  }

  /// An optional Boolean.
  public func optionalBool(_ key: String) throws(JSONReadError) -> Bool? {
    guard let value = value(key) else { return nil }
    return try within(key) { () throws(JSONReadError) in try Self.bool(value) }
  }

  /// A required enumeration value, matched case-sensitively against the raw values.
  public func choice<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type) throws(JSONReadError) -> T
  where T.RawValue == String {
    let value = try required(key)
    return try within(key) { () throws(JSONReadError) in try Self.choice(value, T.self) }
  }

  /// An optional enumeration value.
  public func optionalChoice<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type) throws(JSONReadError) -> T?
  where T.RawValue == String {
    guard let value = value(key) else { return nil }
    return try within(key) { () throws(JSONReadError) in try Self.choice(value, T.self) }
  }

  // MARK: - Lists and objects

  /// A required list of strings.
  public func strings(_ key: String) throws(JSONReadError) -> [String] {
    guard let strings = try optionalStrings(key) else { throw failure(key, .missing) }
    return strings
  }

  /// An optional list of strings.
  public func optionalStrings(_ key: String) throws(JSONReadError) -> [String]? {
    guard value(key) != nil else { return nil }
    return try array(key) { value throws(JSONReadError) in try Self.string(value) }
  }

  /// The elements of a list; absent or `null` is an empty list.
  public func list(_ key: String) throws(JSONReadError) -> [JSONValue] {
    guard let value = value(key) else { return [] }
    guard case .array(let elements) = value else { throw failure(key, .wrongType(expected: "an array")) }
    return elements
  }

  /// Each element of a list read by `read`; absent or `null` is an empty list. An error names the element
  /// (`messages.3.priority`).
  public func array<T>(_ key: String, _ read: (JSONValue) throws(JSONReadError) -> T) throws(JSONReadError) -> [T] {
    let elements = try list(key)
    var result: [T] = []
    result.reserveCapacity(elements.count)
    for (index, element) in elements.enumerated() {
      do {
        result.append(try read(element))
      } catch {
        throw error.nested(in: path(of: "\(key).\(index)"))
      }
    }
    return result
  }

  /// Each element of a list read as an object by `read`; absent or `null` is an empty list.
  public func objects<T>(_ key: String, _ read: (JSONObject) throws(JSONReadError) -> T) throws(JSONReadError) -> [T] {
    try array(key) { value throws(JSONReadError) in try read(JSONObject(value, scalarsAsText: scalarsAsText)) }
  }

  /// The elements of a list as objects that know their path; absent or `null` is an empty list.
  public func objects(_ key: String) throws(JSONReadError) -> [JSONObject] {
    var result: [JSONObject] = []
    for (index, element) in try list(key).enumerated() {
      result.append(try JSONObject(element, path: path(of: "\(key).\(index)"), scalarsAsText: scalarsAsText))
    }
    return result
  }

  /// A nested object that knows its path; absent or `null` is an empty object.
  public func object(_ key: String) throws(JSONReadError) -> JSONObject {
    try JSONObject(value(key) ?? .object([:]), path: path(of: key), scalarsAsText: scalarsAsText)
  }

  /// An object whose every member is read by `read`; absent or `null` is empty. An error names the member
  /// (`encounter_tokens.00000001.x`).
  public func dictionary<T>(
    _ key: String, _ read: (JSONValue) throws(JSONReadError) -> T
  ) throws(JSONReadError) -> [String: T] {
    guard let value = value(key) else { return [:] }
    guard case .object(let members) = value else { throw failure(key, .wrongType(expected: "an object")) }
    var result: [String: T] = [:]
    result.reserveCapacity(members.count)
    for (member, value) in members {
      do {
        result[member] = try read(value)
      } catch {
        throw error.nested(in: path(of: "\(key).\(member)"))
      }
    }
    return result
  }

  /// A required object of Booleans.
  public func flags(_ key: String) throws(JSONReadError) -> [String: Bool] {
    guard value(key) != nil else { throw failure(key, .missing) }
    return try dictionary(key) { value throws(JSONReadError) in try Self.bool(value) }
  }

  // MARK: - Values

  /// `value` as a string (as text when it is a number or Boolean and ``scalarsAsText``).
  private func string(of value: JSONValue) throws(JSONReadError) -> String {
    guard scalarsAsText else { return try Self.string(value) }
    switch value {
    case .string(let text): return text
    case .int(let number): return String(number)
    case .double(let number): return String(number)
    case .bool(let flag): return flag ? "true" : "false"
    default: throw JSONReadError(path: "", problem: .wrongType(expected: "a string"))
    }
  }

  /// Runs `read` on the value of `key`, putting the key's path before the error it throws.
  private func within<T>(_ key: String, _ read: () throws(JSONReadError) -> T) throws(JSONReadError) -> T {
    do {
      return try read()
    } catch {
      throw error.nested(in: path(of: key))
    }
  }

  /// `value` as a string.
  public static func string(_ value: JSONValue) throws(JSONReadError) -> String {
    guard case .string(let text) = value else {
      throw JSONReadError(path: "", problem: .wrongType(expected: "a string"))
    }
    return text
  }

  /// `value` as an integer, also from a whole double such as `3.0`.
  public static func int(_ value: JSONValue) throws(JSONReadError) -> Int {
    switch value {
    case .int(let number): return number
    case .double(let number):
      guard let whole = Int(exactly: number) else {
        throw JSONReadError(path: "", problem: .wrongType(expected: "an integer"))
      }
      return whole
    default: throw JSONReadError(path: "", problem: .wrongType(expected: "an integer"))
    }
  }

  /// `value` as a Boolean.
  public static func bool(_ value: JSONValue) throws(JSONReadError) -> Bool {
    guard case .bool(let flag) = value else {
      throw JSONReadError(path: "", problem: .wrongType(expected: "true or false"))
    }
    return flag
  }

  /// `value` as one of an enumeration's raw values.
  public static func choice<T: RawRepresentable & CaseIterable>(_ value: JSONValue, _: T.Type) throws(JSONReadError)
    -> T
  where T.RawValue == String {
    let raw = try string(value)
    guard let choice = T(rawValue: raw) else {
      let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
      throw JSONReadError(path: "", problem: .invalidValue("'\(raw)' is not one of \(allowed)"))
    }
    return choice
  }
}
