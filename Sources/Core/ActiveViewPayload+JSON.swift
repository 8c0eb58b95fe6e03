import Foundation

extension ActiveViewPayload {
  /// Reads a payload as ``init(json:previous:)`` does, with the same defaults and errors.
  public init(from decoder: any Decoder) throws {
    try self.init(json: JSONValue(from: decoder))
  }

  /// Reads a payload from parsed JSON: Bulkhead's own, and the original tool's as it sends it.
  ///
  /// Keys are those of `CodingKeys`; unknown keys are ignored. Only `view_type` is required. A key the original
  /// leaves out (`version` and `epoch`, which only Bulkhead sends; the location keys outside ENCOUNTER; any other
  /// key an older server lacks), or sends as `null`, takes its default: `""`, `false`, an empty object or list,
  /// `DISPLAY` for `charon_mode`, 1 for `encounter_level`, 0 for `version`, nil for the optional fields. A key that is there with the
  /// wrong JSON type or an unknown spelling is an error. Tokens default `name`, `status`, `image_url` and `room_id`
  /// as `Token.init(from:)` does. Integers may be given as whole doubles (`3.0`), as `JSONDecoder` accepts.
  ///
  /// A payload of the lean stream (`"compact": true`) lacks `location_data` and `encounter_npc_data`: they are
  /// taken from `previous`, the payload of the event before it.
  ///
  /// - Throws: `PayloadError` naming the key that is missing or wrong (`compact` when a lean payload comes with no
  ///   previous one).
  public init(json: JSONValue, previous: ActiveViewPayload? = nil) throws(PayloadError) {
    guard case .object(let members) = json else {
      throw PayloadError(key: "", problem: .wrongType(expected: "an object"))
    }
    let root = PayloadFields(members)
    let carried: ActiveViewPayload?
    if members["compact"] == .bool(true) {
      guard let previous else { throw PayloadError(key: "compact", problem: .missing) }
      carried = previous
    } else {
      carried = nil
    }
    viewType = try root.choice("view_type", ViewType.self)
    locationSlug = try root.optionalString("location_slug") ?? ""
    viewSlug = try root.optionalString("view_slug") ?? ""
    overlayLocationSlug = try root.optionalString("overlay_location_slug") ?? ""
    overlayTerminalSlug = try root.optionalString("overlay_terminal_slug") ?? ""
    charonMode = try root.optionalChoice("charon_mode", CharonMode.self) ?? .display
    charonLocationPath = try root.optionalString("charon_location_path") ?? ""
    charonActiveChannel = try root.optionalString("charon_active_channel") ?? ""
    charonDialogOpen = try root.optionalBool("charon_dialog_open") ?? false
    encounterLevel = try root.optionalInt("encounter_level") ?? 1
    encounterDeckID = try root.optionalString("encounter_deck_id") ?? ""
    encounterRoomVisibility = try root.dictionary("encounter_room_visibility") { value throws(PayloadError) in
      try PayloadFields.bool(value, key: "")
    }
    encounterDoorStatus = try root.dictionary("encounter_door_status") { value throws(PayloadError) in
      try PayloadFields.choice(value, DoorStatus.self, key: "")
    }
    encounterTokens = try root.dictionary("encounter_tokens") { value throws(PayloadError) in
      let token = try PayloadFields(value)
      return Token(
        type: try token.choice("type", Token.Kind.self),
        name: try token.optionalString("name") ?? "",
        x: try token.int("x"),
        y: try token.int("y"),
        status: try token.optionalStrings("status") ?? [],
        imageURL: try token.optionalString("image_url") ?? "",
        roomID: try token.optionalString("room_id") ?? "")
    }
    encounterActivePortraits = try root.optionalStrings("encounter_active_portraits") ?? []
    shipSystemOverrides = try root.dictionary("ship_system_overrides") { value throws(PayloadError) in
      let override = try PayloadFields(value)
      return ShipSystemOverride(
        status: try override.choice("status", ShipSystemStatus.self),
        condition: try override.optionalInt("condition"),
        info: try override.optionalString("info"))
    }
    if let carried {
      encounterNPCData = carried.encounterNPCData
    } else {
      encounterNPCData = try root.dictionary("encounter_npc_data") { value throws(PayloadError) in
        let card = try PayloadFields(value)
        return NPCCard(
          id: try card.string("id"), name: try card.string("name"), portrait: try card.string("portrait"),
          role: try card.optionalString("role") ?? "", portraitText: try card.optionalString("portrait_text") ?? "")
      }
    }
    locationType = try root.optionalString("location_type")
    locationName = try root.optionalString("location_name")
    locationData = carried.map(\.locationData) ?? root.optional("location_data")
    locationPath = try root.optionalStrings("location_path")
    encounterTotalDecks = try root.optionalInt("encounter_total_decks")
    encounterDeckName = try root.optionalString("encounter_deck_name")
    version = try root.optionalInt("version") ?? 0
    epoch = try root.optionalString("epoch") ?? ""
  }

  /// Parses and reads a payload with `JSONParser`, much faster than `JSONDecoder`.
  ///
  /// - Throws: `JSONParseError` when the bytes are not JSON, `PayloadError` when the JSON
  ///   is not a payload.
  public static func decode(_ bytes: [UInt8]) throws -> ActiveViewPayload {
    try ActiveViewPayload(json: JSONParser.parse(bytes))
  }

  /// Parses and reads a payload of the stream whose previous event carried `previous`: a lean payload
  /// (`"compact": true`) takes `location_data` and `encounter_npc_data` from it.
  ///
  /// - Throws: `JSONParseError` when the bytes are not JSON, `PayloadError` when the JSON is not a payload.
  public static func decode(_ bytes: [UInt8], after previous: ActiveViewPayload?) throws -> ActiveViewPayload {
    try ActiveViewPayload(json: JSONParser.parse(bytes), previous: previous)
  }

  /// Parses and reads a payload with `JSONParser`, much faster than `JSONDecoder`.
  ///
  /// - Throws: `JSONParseError` when the bytes are not JSON, `PayloadError` when the JSON
  ///   is not a payload.
  public static func decode(_ data: Data) throws -> ActiveViewPayload {
    try ActiveViewPayload(json: JSONParser.parse(data))
  }
}

/// Why JSON could not be read as an `ActiveViewPayload`, naming the key.
public struct PayloadError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong with the key.
  public enum Problem: Sendable, Equatable {
    /// The key is absent.
    case missing
    /// The value has the wrong JSON type (or is `null` where a value is required).
    case wrongType(expected: String)
    /// The value has the right type but is not allowed, such as an unknown enumeration value.
    case invalidValue(String)
  }

  /// The key, with the keys that lead to it joined by dots: `view_type`,
  /// `encounter_tokens.00000001.x`; `""` for the payload itself.
  public var key: String
  /// What is wrong.
  public var problem: Problem

  /// Creates an error.
  public init(key: String, problem: Problem) {
    self.key = key
    self.problem = problem
  }

  public var description: String {
    let name = key.isEmpty ? "the payload" : key
    switch problem {
    case .missing: return "\(name) is required"
    case .wrongType(let expected): return "\(name) must be \(expected)"
    case .invalidValue(let message): return "\(name): \(message)"
    }
  }
}

extension PayloadError {
  /// The error with `prefix` put before the key: the path of the object that holds it.
  func nested(in prefix: String) -> PayloadError {
    PayloadError(key: key.isEmpty ? prefix : "\(prefix).\(key)", problem: problem)
  }
}

/// The members of one JSON object, read with errors that name the key.
///
/// Keys in errors are relative to this object; `dictionary` puts the path before them, so
/// no path is built unless something is wrong.
private struct PayloadFields {
  let members: [String: JSONValue]

  init(_ members: [String: JSONValue]) {
    self.members = members
  }

  /// The object `value`.
  init(_ value: JSONValue) throws(PayloadError) {
    guard case .object(let members) = value else {
      throw PayloadError(key: "", problem: .wrongType(expected: "an object"))
    }
    self.init(members)
  }

  /// The value of a required key; `null` is refused.
  func required(_ key: String, _ expected: String) throws(PayloadError) -> JSONValue {
    switch members[key] {
    case nil: throw PayloadError(key: key, problem: .missing)
    case .null?: throw PayloadError(key: key, problem: .wrongType(expected: expected))
    case let value?: return value
    }
  }

  /// The value of an optional key; absent and `null` read as nil.
  func optional(_ key: String) -> JSONValue? {
    guard let value = members[key], value != .null else { return nil }
    return value
  }

  func string(_ key: String) throws(PayloadError) -> String {
    try Self.string(required(key, "a string"), key: key)
  }

  func optionalString(_ key: String) throws(PayloadError) -> String? {
    guard let value = optional(key) else { return nil }
    return try Self.string(value, key: key)
  }

  func int(_ key: String) throws(PayloadError) -> Int {
    try Self.int(required(key, "an integer"), key: key)
  }

  func optionalInt(_ key: String) throws(PayloadError) -> Int? {
    guard let value = optional(key) else { return nil }
    return try Self.int(value, key: key)
  }

  func optionalBool(_ key: String) throws(PayloadError) -> Bool? {
    guard let value = optional(key) else { return nil }
    return try Self.bool(value, key: key)
  }

  func choice<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type) throws(PayloadError) -> T
  where T.RawValue == String {
    try Self.choice(required(key, "a string"), T.self, key: key)
  }

  func optionalChoice<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type) throws(PayloadError) -> T?
  where T.RawValue == String {
    guard let value = optional(key) else { return nil }
    return try Self.choice(value, T.self, key: key)
  }

  func optionalStrings(_ key: String) throws(PayloadError) -> [String]? {
    guard let value = optional(key) else { return nil }
    return try Self.strings(value, key: key)
  }

  /// An object whose every member is read by `read`; absent or `null` reads as empty.
  func dictionary<T>(_ key: String, _ read: (JSONValue) throws(PayloadError) -> T) throws(PayloadError) -> [String: T] {
    guard let value = optional(key) else { return [:] }
    guard case .object(let object) = value else {
      throw PayloadError(key: key, problem: .wrongType(expected: "an object"))
    }
    var result: [String: T] = [:]
    result.reserveCapacity(object.count)
    for (member, value) in object {
      do {
        result[member] = try read(value)
      } catch {
        throw error.nested(in: "\(key).\(member)")
      }
    }
    return result
  }

  static func string(_ value: JSONValue, key: String) throws(PayloadError) -> String {
    guard case .string(let text) = value else {
      throw PayloadError(key: key, problem: .wrongType(expected: "a string"))
    }
    return text
  }

  /// An integer, also from a whole double such as `3.0`.
  static func int(_ value: JSONValue, key: String) throws(PayloadError) -> Int {
    switch value {
    case .int(let number): return number
    case .double(let number):
      guard let whole = Int(exactly: number) else {
        throw PayloadError(key: key, problem: .wrongType(expected: "an integer"))
      }
      return whole
    default: throw PayloadError(key: key, problem: .wrongType(expected: "an integer"))
    }
  }

  static func bool(_ value: JSONValue, key: String) throws(PayloadError) -> Bool {
    guard case .bool(let flag) = value else {
      throw PayloadError(key: key, problem: .wrongType(expected: "true or false"))
    }
    return flag
  }

  static func choice<T: RawRepresentable & CaseIterable>(_ value: JSONValue, _: T.Type, key: String)
    throws(PayloadError)
    -> T
  where T.RawValue == String {
    let raw = try string(value, key: key)
    guard let choice = T(rawValue: raw) else {
      let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
      throw PayloadError(key: key, problem: .invalidValue("'\(raw)' is not one of \(allowed)"))
    }
    return choice
  }

  static func strings(_ value: JSONValue, key: String) throws(PayloadError) -> [String] {
    guard case .array(let elements) = value else {
      throw PayloadError(key: key, problem: .wrongType(expected: "an array of strings"))
    }
    var result: [String] = []
    result.reserveCapacity(elements.count)
    for (position, element) in elements.enumerated() {
      guard case .string(let text) = element else {
        throw PayloadError(key: "\(key).\(position)", problem: .wrongType(expected: "a string"))
      }
      result.append(text)
    }
    return result
  }
}
