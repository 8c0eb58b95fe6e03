/// A live change to one ship system, laid over `ship.yaml` by the GM.
public struct ShipSystemOverride: Sendable, Codable, Equatable {
  public var status: ShipSystemStatus
  /// Condition in percent, when the GM set one.
  public var condition: Int?
  public var info: String?

  /// Creates an override.
  public init(status: ShipSystemStatus, condition: Int? = nil, info: String? = nil) {
    self.status = status
    self.condition = condition
    self.info = info
  }

  /// The override as a JSON object, without the fields left unset.
  public var json: JSONValue {
    var members: [String: JSONValue] = ["status": .string(status.rawValue)]
    if let condition { members["condition"] = .int(condition) }
    if let info { members["info"] = .string(info) }
    return .object(members)
  }
}
