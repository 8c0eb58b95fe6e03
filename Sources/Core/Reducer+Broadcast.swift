/// Broadcast messages: stored for every screen, not part of the active view.
extension Reducer {
  /// `broadcast`: a message for every screen; the state does not change.
  ///
  /// - Returns: the message to store.
  /// - Throws: `invalid` for content over ``WriteLimits/messageCharacters`` or a sender over
  ///   ``WriteLimits/tokenNameCharacters``.
  public static func broadcast(
    _ content: String, sender: String, priority: MessagePriority
  ) throws(CommandError) -> Effect {
    try WriteLimits.check(content, "content", atMost: WriteLimits.messageCharacters)
    try WriteLimits.check(sender, "sender", atMost: WriteLimits.tokenNameCharacters)
    return .broadcast(sender: sender, content: content, priority: priority)
  }
}
