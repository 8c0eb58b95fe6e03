import BulkheadCanvas
import BulkheadCore

/// The ship as `GET /api/ship-status/` reports it: `ship.yaml` with the GM's overrides merged into `ship.systems`.
///
/// Parsing is tolerant below the `ship` object: a field that is missing or of the wrong type is left unset (or the
/// system skipped, when it is not an object or a status string), and unknown keys are ignored. Only a body whose
/// shape cannot describe a ship is rejected. Text is kept as received; views sanitise it before drawing.
public struct ShipStatus: Sendable, Equatable {
  /// A quantity with a maximum, such as the hull's points.
  public struct Gauge: Sendable, Equatable {
    /// The current value.
    public var current: Int
    /// The maximum, when known and positive.
    public var maximum: Int?

    /// Creates a gauge.
    public init(current: Int, maximum: Int? = nil) {
      self.current = current
      self.maximum = maximum
    }

    /// `current / maximum` clamped to 0…1, or `nil` without a maximum.
    public var fraction: Double? {
      guard let maximum, maximum > 0 else { return nil }
      return min(1, max(0, Double(current) / Double(maximum)))
    }
  }

  /// One of the ship's systems.
  public struct System: Sendable, Equatable {
    /// The key in `ship.systems` (`life_support`).
    public var key: String
    /// The name to show: the system's `name` field, else the key with `_` and `-` as spaces, upper-cased.
    public var name: String
    /// The status, or `nil` when it is missing or not one of the five known ones.
    public var status: ShipSystemStatus?
    /// The condition in percent, clamped to 0…100, when given.
    public var condition: Int?
    /// The info line (`""` when absent).
    public var info: String

    /// Creates a system.
    public init(key: String, name: String, status: ShipSystemStatus?, condition: Int?, info: String) {
      self.key = key
      self.name = name
      self.status = status
      self.condition = condition
      self.info = info
    }
  }

  /// Why a body could not be read as a ship status.
  public struct FormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, naming the field.
    public var problem: String

    /// Creates an error.
    public init(_ problem: String) { self.problem = problem }

    /// `ship status: <problem>`.
    public var description: String { "ship status: \(problem)" }
  }

  /// `ship.name`, when present.
  public var name: String?
  /// `ship.class`, when present.
  public var shipClass: String?
  /// `ship.hull` (`{current, max}`), when present.
  public var hull: Gauge?
  /// `ship.armor` (or `ship.armour`), when present.
  public var armour: Gauge?
  /// `ship.crew_count` over `ship.crew_capacity`, when the count is present.
  public var crew: Gauge?
  /// The systems, ordered by key.
  public var systems: [System]

  /// Creates a ship status.
  public init(
    name: String? = nil, shipClass: String? = nil, hull: Gauge? = nil, armour: Gauge? = nil, crew: Gauge? = nil,
    systems: [System] = []
  ) {
    self.name = name
    self.shipClass = shipClass
    self.hull = hull
    self.armour = armour
    self.crew = crew
    self.systems = systems
  }

  /// Reads the body of `GET /api/ship-status/` (or the content of `ship.yaml`).
  ///
  /// - Throws: ``FormatError`` when the body is not an object, when `ship` is missing, `null` (the campaign has no
  ///   ship) or not an object, or when `ship.systems` is neither an object nor a list.
  public init(json: JSONValue) throws(FormatError) {
    guard case .object(let body) = json else {
      throw FormatError("expected an object with a 'ship' object, got \(Self.kind(of: json))")
    }
    guard let shipValue = body["ship"], shipValue != .null else {
      throw FormatError("'ship' is missing or null: the campaign has no ship")
    }
    guard case .object(let ship) = shipValue else {
      throw FormatError("'ship' must be an object, got \(Self.kind(of: shipValue))")
    }
    name = ship["name"].flatMap(Self.text)
    shipClass = ship["class"].flatMap(Self.text)
    hull = ship["hull"].flatMap(Self.gauge)
    armour = (ship["armor"] ?? ship["armour"]).flatMap(Self.gauge)
    crew = ship["crew_count"].flatMap(Self.number).map {
      Gauge(current: $0, maximum: ship["crew_capacity"].flatMap(Self.number).flatMap { $0 > 0 ? $0 : nil })
    }
    switch ship["systems"] ?? .null {
    case .null:
      systems = []
    case .object(let members):
      systems = members.compactMap { Self.system(key: $0.key, value: $0.value) }
    case .array(let elements):
      systems = elements.compactMap { element in
        guard let key = (element["key"] ?? element["name"]).flatMap(Self.text) else { return nil }
        return Self.system(key: key, value: element)
      }
    case let other:
      throw FormatError("'ship.systems' must be an object or a list, got \(Self.kind(of: other))")
    }
    systems.sort { $0.key < $1.key }
  }

  // MARK: - Fields

  /// A system from its entry: an object, or a bare status string.
  static func system(key: String, value: JSONValue) -> System? {
    let fallbackName = String(key.map { $0 == "_" || $0 == "-" ? " " : $0 }).uppercased()
    if let status = value.stringValue {
      return System(
        key: key, name: fallbackName, status: ShipSystemStatus(rawValue: status.uppercased()), condition: nil,
        info: "")
    }
    guard case .object = value else { return nil }
    let condition = value["condition"].flatMap(Self.number).map { min(100, max(0, $0)) }
    return System(
      key: key,
      name: value["name"].flatMap(Self.text).map { $0.uppercased() } ?? fallbackName,
      status: value["status"].flatMap(Self.text).flatMap { ShipSystemStatus(rawValue: $0.uppercased()) },
      condition: condition,
      info: value["info"].flatMap(Self.text) ?? "")
  }

  /// `{current, max}`, or a bare number taken as the current value.
  static func gauge(_ value: JSONValue) -> Gauge? {
    if let current = number(value) { return Gauge(current: current) }
    guard let current = value["current"].flatMap(number) else { return nil }
    let maximum = value["max"].flatMap(number) ?? value["maximum"].flatMap(number)
    return Gauge(current: current, maximum: maximum.flatMap { $0 > 0 ? $0 : nil })
  }

  /// A number rounded to an integer, or a string holding one.
  static func number(_ value: JSONValue) -> Int? {
    if let double = value.doubleValue, double.isFinite, abs(double) < 1e12 { return Int(double.rounded()) }
    return value.stringValue.flatMap { Int($0) }
  }

  /// A string, or a number or Boolean written as text; `nil` for anything else.
  static func text(_ value: JSONValue) -> String? {
    switch value {
    case .string(let string): string
    case .int(let int): String(int)
    case .double(let double): String(double)
    case .bool(let bool): String(bool)
    default: nil
    }
  }

  /// A JSON value's kind, for error messages.
  static func kind(of value: JSONValue) -> String {
    switch value {
    case .null: "null"
    case .bool: "a Boolean"
    case .int, .double: "a number"
    case .string: "a string"
    case .array: "a list"
    case .object: "an object"
    }
  }
}
