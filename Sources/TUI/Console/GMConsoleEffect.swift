import BulkheadCanvas
import BulkheadCore

/// Something the GM console's loop must do for its controller: the only way the controller reaches the world.
public enum GMConsoleEffect: Sendable, Equatable {
  /// What the live view needs (fetches of messages, terminals, the CHARON conversation, the ship, the star map);
  /// answers go back through ``GMConsoleController/fetched(_:_:now:)``.
  case view(PlayerEffect)
  /// One authenticated GM write; its answer goes back through ``GMConsoleController/written(_:_:)``.
  case write(GMWrite)
  /// A read only the console makes; its answer goes back through ``GMConsoleController/loaded(_:_:)``.
  case load(GMConsoleResource)
  /// Log in with a user name and password, store the new token and use it from now on; the answer goes back
  /// through ``GMConsoleController/loggedIn(user:_:)``.
  case logIn(user: String, password: String)
  /// Clear the screen and draw everything again (Ctrl-L).
  case repaint
  /// Leave the console.
  case quit
}

/// One GM write of API.md: a ``Command`` sent to its endpoint, and what it does in a few words for the status line.
public struct GMWrite: Sendable, Equatable {
  /// What the write asks of the server.
  public var command: Command
  /// What the write does, e.g. `reveal bridge`.
  public var summary: String

  /// A write of `command`, described by `summary`.
  public init(_ command: Command, summary: String) {
    self.command = command
    self.summary = summary
  }

  /// The write's endpoint.
  public var endpoint: Endpoint { command.endpoint }
  /// The JSON body.
  public var body: JSONValue { command.body }
}

/// A REST resource only the GM console reads.
public enum GMConsoleResource: Sendable, Hashable {
  /// The campaign's locations with their maps and terminals (`/api/locations/`).
  case locations
  /// The active CHARON channel's conversation, for the GM's CHARON panel.
  case charon

  /// The request path.
  public var path: String {
    switch self {
    case .locations: "/api/locations/"
    case .charon: "/api/charon/conversation/"
    }
  }
}
