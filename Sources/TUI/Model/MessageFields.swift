import BulkheadCore

/// The members of one JSON object from a message endpoint, read leniently: an absent or `null` key takes its
/// default, a value of the wrong JSON type is an error that names the key.
struct MessageFields {
  let members: [String: JSONValue]

  /// The object `value`; anything else is an error.
  init(_ value: JSONValue) throws(PayloadError) {
    guard case .object(let members) = value else {
      throw PayloadError(key: "", problem: .wrongType(expected: "an object"))
    }
    self.members = members
  }

  /// The value of `key`, or nil when it is absent or `null`.
  private func value(_ key: String) -> JSONValue? {
    guard let value = members[key], value != .null else { return nil }
    return value
  }

  /// The string at `key`, or `fallback` when it is absent or `null`.
  func string(_ key: String, default fallback: String = "") throws(PayloadError) -> String {
    try optionalString(key) ?? fallback
  }

  /// The string at `key`, or nil when it is absent or `null`.
  func optionalString(_ key: String) throws(PayloadError) -> String? {
    guard let value = value(key) else { return nil }
    guard case .string(let text) = value else {
      throw PayloadError(key: key, problem: .wrongType(expected: "a string"))
    }
    return text
  }

  /// The Boolean at `key`, or `fallback` when it is absent or `null`.
  func bool(_ key: String, default fallback: Bool) throws(PayloadError) -> Bool {
    guard let value = value(key) else { return fallback }
    guard case .bool(let flag) = value else { throw PayloadError(key: key, problem: .wrongType(expected: "a Boolean")) }
    return flag
  }

  /// The integer at `key` (a whole double is accepted); absent or `null` is an error.
  func int(_ key: String) throws(PayloadError) -> Int {
    guard let value = value(key) else { throw PayloadError(key: key, problem: .missing) }
    guard let number = value.intValue else { throw PayloadError(key: key, problem: .wrongType(expected: "an integer")) }
    return number
  }

  /// The enumeration value spelled by the string at `key`, or `fallback` when it is absent or `null`.
  func choice<Choice: RawRepresentable & CaseIterable>(
    _ key: String, _ type: Choice.Type, default fallback: Choice
  ) throws(PayloadError) -> Choice where Choice.RawValue == String {
    guard let text = try optionalString(key) else { return fallback }
    guard let choice = Choice(rawValue: text) else {
      let allowed = Choice.allCases.map(\.rawValue).joined(separator: ", ")
      throw PayloadError(key: key, problem: .invalidValue("'\(text)' is not one of \(allowed)"))
    }
    return choice
  }

  /// Each element of the array at `key` read by `read`, or `[]` when the key is absent or `null`; an error inside
  /// an element names the element as `key.index`.
  func array<Element>(
    _ key: String, _ read: (JSONValue) throws(PayloadError) -> Element
  ) throws(PayloadError) -> [Element] {
    guard let value = value(key) else { return [] }
    guard case .array(let elements) = value else {
      throw PayloadError(key: key, problem: .wrongType(expected: "an array"))
    }
    var result: [Element] = []
    result.reserveCapacity(elements.count)
    for (index, element) in elements.enumerated() {
      do {
        result.append(try read(element))
      } catch {
        let inner = error.key.isEmpty ? "\(key).\(index)" : "\(key).\(index).\(error.key)"
        throw PayloadError(key: inner, problem: error.problem)
      }
    }
    return result
  }
}
