/// A record the server must store for a command, beyond the active view.
public enum Effect: Sendable, Equatable {
  /// A broadcast message for every screen (`/api/messages/`).
  case broadcast(sender: String, content: String, priority: MessagePriority)
  /// A line of a CHARON conversation: `role` is `charon` for the GM, `user` for a player's query.
  case charonMessage(channel: String, role: String, content: String)
}

/// What a command did: the new state, the fields of the success response, and what to store.
public struct Outcome: Sendable {
  /// The state after the command.
  public var state: ActiveViewState
  /// The response fields besides `success: true`.
  public var response: [String: JSONValue]
  /// A record to store, if the command makes one.
  public var effect: Effect?
}
