/// What the shared screen shows.
public enum ViewType: String, Sendable, Codable, CaseIterable {
  case standby = "STANDBY"
  case bridge = "BRIDGE"
  case encounter = "ENCOUNTER"
  case commTerminal = "COMM_TERMINAL"
  case messages = "MESSAGES"
  case shipDashboard = "SHIP_DASHBOARD"
  case charonTerminal = "CHARON_TERMINAL"
}

/// Whether the CHARON terminal only displays, or also takes the players' queries.
public enum CharonMode: String, Sendable, Codable, CaseIterable {
  case display = "DISPLAY"
  case query = "QUERY"
}
