/// The state of a door between two rooms.
public enum DoorStatus: String, Sendable, Codable, CaseIterable {
  case open = "OPEN"
  case closed = "CLOSED"
  case locked = "LOCKED"
  case sealed = "SEALED"
  case damaged = "DAMAGED"
}
