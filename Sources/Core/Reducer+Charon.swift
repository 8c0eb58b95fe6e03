/// CHARON, the ship's AI: its mode, the location it speaks for, its dialog and the lines of its conversation.
extension Reducer {
  /// `charon/mode`: DISPLAY (the GM speaks) or QUERY (players may ask).
  public static func setCharonMode(_ mode: CharonMode, in state: ActiveViewState) -> ActiveViewState {
    var next = state
    next.charonMode = mode
    return next
  }

  /// `charon/location`: the location CHARON speaks for, as its path (`""` for none).
  ///
  /// - Throws: `invalid` for a path that is no location of the campaign.
  public static func setCharonLocation(
    _ path: String, in state: ActiveViewState, _ campaign: Campaign
  ) throws(CommandError) -> ActiveViewState {
    guard path.isEmpty || campaign.locations.values.contains(where: { $0.pathString == path }) else {
      throw .invalid("location_path '\(path)' is not a location of the campaign")
    }
    var next = state
    next.charonLocationPath = path
    return next
  }

  /// `charon/send`: a line CHARON says on the active channel; the state does not change.
  ///
  /// - Returns: the line to store.
  /// - Throws: `invalid` for content over ``WriteLimits/messageCharacters``.
  public static func sendCharonMessage(_ content: String, in state: ActiveViewState) throws(CommandError) -> Effect {
    try WriteLimits.check(content, "content", atMost: WriteLimits.messageCharacters)
    return .charonMessage(channel: state.charonActiveChannel, role: "charon", content: content)
  }

  /// `charon/toggle-dialog` (a player action): opens or closes the CHARON dialog; flips it when `open` is `nil`.
  public static func toggleCharonDialog(open: Bool?, in state: ActiveViewState) -> ActiveViewState {
    var next = state
    next.charonDialogOpen = open ?? !state.charonDialogOpen
    return next
  }

  /// `charon/submit-query` (a player action): a player's question on the active channel; the state does not
  /// change.
  ///
  /// - Returns: the line to store.
  /// - Throws: `forbidden` unless CHARON is in QUERY mode, `invalid` for a query over
  ///   ``WriteLimits/messageCharacters``.
  public static func submitCharonQuery(_ query: String, in state: ActiveViewState) throws(CommandError) -> Effect {
    guard state.charonMode == .query else { throw CommandError(.forbidden, "Terminal not in query mode") }
    try WriteLimits.check(query, "query", atMost: WriteLimits.messageCharacters)
    return .charonMessage(channel: state.charonActiveChannel, role: "user", content: query)
  }
}
