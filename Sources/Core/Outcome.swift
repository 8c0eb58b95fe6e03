/// What a command did, in domain terms: the new state, what the caller needs to answer it, and what to store.
///
/// The server builds the success response from the command and this outcome.
public struct Outcome: Sendable, Equatable {
  /// The state after the command (the state before it when the command changes none, as a broadcast).
  public var state: ActiveViewState
  /// The id a placed token was given (`placeToken` only).
  public var placedTokenID: String?
  /// A record to store, if the command makes one.
  public var effect: Effect?

  /// An outcome of `state`, with the placed token's id and the record to store when the command has them.
  public init(state: ActiveViewState, placedTokenID: String? = nil, effect: Effect? = nil) {
    self.state = state
    self.placedTokenID = placedTokenID
    self.effect = effect
  }
}
