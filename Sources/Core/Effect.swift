/// A record the server must store for a command, beyond the active view.
public enum Effect: Sendable, Equatable {
  /// A broadcast message for every screen (`/api/messages/`).
  case broadcast(sender: String, content: String, priority: MessagePriority)
  /// A line of a CHARON conversation: `role` is `charon` for the GM, `user` for a player's query.
  case charonMessage(channel: String, role: String, content: String)
}
