import Foundation

/// A JSON request body, read field by field with errors that name the field.
public struct CommandBody: Sendable {
  /// The body's members.
  public let members: [String: JSONValue]

  /// Parses `data`: it must be a JSON object (an empty body reads as `{}`).
  public init(_ data: Data) throws(CommandError) {
    if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      members = [:]
      return
    }
    let value: JSONValue
    do {
      value = try JSONDecoder().decode(JSONValue.self, from: data)
    } catch {
      throw .invalid("Invalid JSON")
    }
    guard case .object(let members) = value else {
      throw .invalid("Invalid JSON: the body must be an object")
    }
    self.members = members
  }

  /// Wraps members already parsed.
  public init(members: [String: JSONValue]) {
    self.members = members
  }

  /// A required string field.
  public func string(_ key: String) throws(CommandError) -> String {
    guard let value = try optionalString(key) else { throw .invalid("\(key) is required") }
    return value
  }

  /// A required string field that must not be blank; returned trimmed.
  public func text(_ key: String) throws(CommandError) -> String {
    let value = try string(key).trimmingCharacters(in: .whitespacesAndNewlines)
    guard !value.isEmpty else { throw .invalid("\(key) must not be empty") }
    return value
  }

  /// An optional string field (`null` counts as absent).
  public func optionalString(_ key: String) throws(CommandError) -> String? {
    switch members[key] {
    case nil, .null?: return nil
    case .string(let value)?: return value
    default: throw .invalid("\(key) must be a string")
    }
  }

  /// A required integer field.
  public func int(_ key: String) throws(CommandError) -> Int {
    guard let value = try optionalInt(key) else { throw .invalid("\(key) is required") }
    return value
  }

  /// An optional integer field.
  public func optionalInt(_ key: String) throws(CommandError) -> Int? {
    switch members[key] {
    case nil, .null?: return nil
    case .int(let value)?: return value
    default: throw .invalid("\(key) must be an integer")
    }
  }

  /// An optional Boolean field.
  public func optionalBool(_ key: String) throws(CommandError) -> Bool? {
    switch members[key] {
    case nil, .null?: return nil
    case .bool(let value)?: return value
    default: throw .invalid("\(key) must be true or false")
    }
  }

  /// A required list of strings.
  public func strings(_ key: String) throws(CommandError) -> [String] {
    guard case .array(let elements)? = members[key] else {
      if members[key] == nil { throw .invalid("\(key) is required") }
      throw .invalid("\(key) must be an array of strings")
    }
    var result: [String] = []
    for element in elements {
      guard case .string(let value) = element else { throw .invalid("\(key) must be an array of strings") }
      result.append(value)
    }
    return result
  }

  /// A required object of Booleans.
  public func flags(_ key: String) throws(CommandError) -> [String: Bool] {
    guard case .object(let object)? = members[key] else {
      if members[key] == nil { throw .invalid("\(key) is required") }
      throw .invalid("\(key) must be an object of true/false values")
    }
    var result: [String: Bool] = [:]
    for (name, value) in object {
      guard case .bool(let flag) = value else { throw .invalid("\(key).\(name) must be true or false") }
      result[name] = flag
    }
    return result
  }

  /// A required enumeration field, matched case-sensitively against its raw values.
  public func choice<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type) throws(CommandError) -> T
  where T.RawValue == String {
    guard let value = try optionalChoice(key, T.self) else { throw .invalid("\(key) is required") }
    return value
  }

  /// An optional enumeration field.
  public func optionalChoice<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type) throws(CommandError)
    -> T?
  where T.RawValue == String {
    guard let raw = try optionalString(key) else { return nil }
    guard let value = T(rawValue: raw) else {
      let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
      throw .invalid("Invalid \(key) '\(raw)'. Must be one of: \(allowed)")
    }
    return value
  }
}
