/// The status of one of the ship's systems.
public enum ShipSystemStatus: String, Sendable, Codable, CaseIterable {
  case online = "ONLINE"
  case stressed = "STRESSED"
  case damaged = "DAMAGED"
  case critical = "CRITICAL"
  case offline = "OFFLINE"
}
