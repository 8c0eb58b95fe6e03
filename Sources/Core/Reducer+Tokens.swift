/// Tokens on the current deck of the open encounter: placed, moved, marked, removed, cleared.
extension Reducer {
  /// The token statuses the display knows how to show.
  public static let tokenStatuses: Set<String> = [
    "wounded", "dead", "panicked", "stressed", "unconscious", "infected",
  ]

  /// `encounter/place-token`: puts `token` on the current deck under the next counted id. Its room is the one
  /// given, else the room at its cell (`""` when the cell is in none).
  ///
  /// - Returns: the new state and the id the token was given.
  /// - Throws: `invalid` when no encounter is open, the deck is full (``WriteLimits/tokensPerDeck``), the name or
  ///   image URL is too long, the cell is off the grid or the given room is not on the current deck.
  public static func placeToken(
    _ token: Token, in state: ActiveViewState, _ campaign: Campaign
  ) throws(CommandError) -> (state: ActiveViewState, tokenID: String) {
    try WriteLimits.check(token.name, "name", atMost: WriteLimits.tokenNameCharacters)
    try WriteLimits.check(token.imageURL, "image_url", atMost: WriteLimits.imageURLCharacters)
    guard state.currentTokens.count < WriteLimits.tokensPerDeck else {
      throw .invalid(
        "this deck already has \(WriteLimits.tokensPerDeck) tokens, the most it may hold: remove one first")
    }
    let deck = try currentDeck(state, campaign)
    try checkCell(x: token.x, y: token.y, deck)
    var placed = token
    placed.roomID = try roomID(token.roomID.isEmpty ? nil : token.roomID, x: token.x, y: token.y, deck)
    var next = state
    next.tokensPlaced += 1
    let id = tokenID(next.tokensPlaced)
    next.currentTokens[id] = placed
    return (next, id)
  }

  /// `encounter/move-token`: moves token `id` of the current deck to cell (`x`, `y`), in `roomID` when given,
  /// else in the room at that cell.
  ///
  /// - Throws: `notFound` for an unknown token; `invalid` when no encounter is open, the cell is off the grid or
  ///   the given room is not on the current deck.
  public static func moveToken(
    _ id: String, x: Int, y: Int, roomID: String?, in state: ActiveViewState, _ campaign: Campaign
  ) throws(CommandError) -> ActiveViewState {
    let deck = try currentDeck(state, campaign)
    guard var token = state.currentTokens[id] else { throw CommandError(.notFound, "Token not found: \(id)") }
    try checkCell(x: x, y: y, deck)
    token.x = x
    token.y = y
    token.roomID = try Self.roomID(roomID, x: x, y: y, deck)
    var next = state
    next.currentTokens[id] = token
    return next
  }

  /// `encounter/remove-token`: takes token `id` off the current deck.
  ///
  /// - Throws: `notFound` for an unknown token.
  public static func removeToken(_ id: String, in state: ActiveViewState) throws(CommandError) -> ActiveViewState {
    guard state.currentTokens[id] != nil else { throw CommandError(.notFound, "Token not found: \(id)") }
    var next = state
    next.currentTokens[id] = nil
    return next
  }

  /// `encounter/update-token-status`: replaces the status marks of token `id`, lowercased, each once, in the
  /// order given.
  ///
  /// - Throws: `notFound` for an unknown token, `invalid` for a status not in ``tokenStatuses``.
  public static func updateTokenStatus(
    _ id: String, to status: [String], in state: ActiveViewState
  ) throws(CommandError) -> ActiveViewState {
    guard var token = state.currentTokens[id] else { throw CommandError(.notFound, "Token not found: \(id)") }
    token.status = try tokenStatus(status)
    var next = state
    next.currentTokens[id] = token
    return next
  }

  /// `encounter/clear-tokens`: removes every token of the open encounter's location, on every deck.
  ///
  /// - Throws: `invalid` when no encounter is open.
  public static func clearTokens(in state: ActiveViewState, _ campaign: Campaign) throws(CommandError)
    -> ActiveViewState
  {
    _ = try encounterMap(state, campaign)
    var next = state
    next.tokens[state.encounterLocationSlug] = nil
    return next
  }

  /// Token ids: eight hex digits, as the original tool's, counted rather than random.
  static func tokenID(_ serial: Int) -> String {
    let hex = String(serial, radix: 16)
    return String(repeating: "0", count: max(0, 8 - hex.count)) + hex
  }

  private static func checkCell(x: Int, y: Int, _ deck: Deck) throws(CommandError) {
    guard (0..<deck.width).contains(x), (0..<deck.height).contains(y) else {
      throw .invalid("x and y must be inside the deck grid (0...\(deck.width - 1), 0...\(deck.height - 1))")
    }
  }

  /// The room `given` when it is on `deck`, else (nothing given) the room at (`x`, `y`) or `""`.
  private static func roomID(_ given: String?, x: Int, y: Int, _ deck: Deck) throws(CommandError) -> String {
    if let given {
      guard deck.room(given) != nil else { throw .invalid("room_id '\(given)' is not a room of deck \(deck.id)") }
      return given
    }
    return deck.room(atX: x, y: y)?.id ?? ""
  }

  /// `status` lowercased and without repeats, every mark one of ``tokenStatuses``.
  private static func tokenStatus(_ status: [String]) throws(CommandError) -> [String] {
    var result: [String] = []
    for raw in status {
      let value = raw.lowercased()
      guard tokenStatuses.contains(value) else {
        throw .invalid("Invalid status '\(raw)'. Must be among: \(tokenStatuses.sorted().joined(separator: ", "))")
      }
      if !result.contains(value) { result.append(value) }
    }
    return result
  }
}
