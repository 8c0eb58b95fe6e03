/// Reads typed fields out of a YAML/JSON object, naming the file and key path in errors.
struct Fields {
  let file: String
  let path: String
  let members: [String: JSONValue]

  /// Wraps `value`, which must be an object (`null` reads as an empty object).
  init(_ value: JSONValue, file: String, path: String = "") throws(CampaignError) {
    self.file = file
    self.path = path
    switch value {
    case .object(let members): self.members = members
    case .null: self.members = [:]
    default: throw CampaignError(file: file, key: path, problem: "expected a mapping")
    }
  }

  func keyPath(_ key: String) -> String {
    path.isEmpty ? key : "\(path).\(key)"
  }

  func failure(_ key: String, _ problem: String) -> CampaignError {
    CampaignError(file: file, key: keyPath(key), problem: problem)
  }

  func has(_ key: String) -> Bool {
    if let value = members[key], value != .null { return true }
    return false
  }

  /// A required text field; numbers and Booleans are read as their text.
  func string(_ key: String) throws(CampaignError) -> String {
    guard let value = try optionalString(key) else { throw failure(key, "missing") }
    return value
  }

  /// An optional text field; numbers and Booleans are read as their text.
  func optionalString(_ key: String) throws(CampaignError) -> String? {
    switch members[key] {
    case nil, .null?: return nil
    case .string(let text)?: return text
    case .int(let number)?: return String(number)
    case .double(let number)?: return String(number)
    case .bool(let flag)?: return flag ? "true" : "false"
    default: throw failure(key, "expected text")
    }
  }

  /// A required integer field.
  func int(_ key: String) throws(CampaignError) -> Int {
    guard let value = try optionalInt(key) else { throw failure(key, "missing") }
    return value
  }

  /// An optional integer field (a whole-valued float is accepted).
  func optionalInt(_ key: String) throws(CampaignError) -> Int? {
    guard let value = members[key], value != .null else { return nil }
    guard let number = value.intValue else { throw failure(key, "expected a whole number") }
    return number
  }

  /// A required number field.
  func double(_ key: String) throws(CampaignError) -> Double {
    guard let value = members[key], value != .null else { throw failure(key, "missing") }
    guard let number = value.doubleValue else { throw failure(key, "expected a number") }
    return number
  }

  /// An optional Boolean field.
  func optionalBool(_ key: String) throws(CampaignError) -> Bool? {
    guard let value = members[key], value != .null else { return nil }
    guard let flag = value.boolValue else { throw failure(key, "expected true or false") }
    return flag
  }

  /// A list field; absent or `null` is an empty list.
  func list(_ key: String) throws(CampaignError) -> [JSONValue] {
    switch members[key] {
    case nil, .null?: return []
    case .array(let elements)?: return elements
    default: throw failure(key, "expected a list")
    }
  }

  /// The elements of a list field, each read as an object.
  func objects(_ key: String) throws(CampaignError) -> [Fields] {
    var result: [Fields] = []
    for (index, element) in try list(key).enumerated() {
      result.append(try Fields(element, file: file, path: "\(keyPath(key))[\(index)]"))
    }
    return result
  }

  /// A nested object field; absent is an empty object.
  func object(_ key: String) throws(CampaignError) -> Fields {
    try Fields(members[key] ?? .null, file: file, path: keyPath(key))
  }
}
