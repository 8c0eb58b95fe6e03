/// The shared screen: which view it shows and the comm-terminal overlay over it.
extension Reducer {
  /// `switch-view`: shows `viewType`, clears the overlay and sets the CHARON channel of the view. ENCOUNTER needs
  /// a location; on a location other than the open encounter's it fogs every room, opens the default deck and
  /// clears the portraits.
  ///
  /// - Throws: `invalid` when ENCOUNTER has no location, `notFound` for a location not in the campaign.
  public static func switchView(
    to viewType: ViewType, locationSlug: String, viewSlug: String, in state: ActiveViewState, _ campaign: Campaign
  ) throws(CommandError) -> ActiveViewState {
    if viewType == .encounter && locationSlug.isEmpty {
      throw .invalid("location_slug is required for ENCOUNTER")
    }
    if !locationSlug.isEmpty { _ = try location(locationSlug, campaign) }
    var next = state
    next.viewType = viewType
    next.locationSlug = locationSlug
    next.viewSlug = viewSlug
    next.overlayLocationSlug = ""
    next.overlayTerminalSlug = ""
    switch viewType {
    case .charonTerminal: next.charonActiveChannel = "story"
    case .bridge: next.charonActiveChannel = "bridge"
    case .encounter:
      next.charonActiveChannel = "encounter-\(locationSlug)"
      if locationSlug != state.encounterLocationSlug { openEncounter(locationSlug, in: &next, campaign) }
    default: break
    }
    return next
  }

  /// `show-terminal`: lays the inbox of `terminalSlug` at `locationSlug` over the current view.
  ///
  /// - Throws: `notFound` for a location or a terminal the campaign does not have.
  public static func showTerminal(
    _ terminalSlug: String, locationSlug: String, in state: ActiveViewState, _ campaign: Campaign
  ) throws(CommandError) -> ActiveViewState {
    let location = try location(locationSlug, campaign)
    guard location.terminals[terminalSlug] != nil else {
      throw CommandError(.notFound, "Terminal not found: terminal_slug '\(terminalSlug)' is not in '\(locationSlug)'")
    }
    var next = state
    next.overlayLocationSlug = locationSlug
    next.overlayTerminalSlug = terminalSlug
    return next
  }

  /// `terminal/hide` (a player action): removes the comm-terminal overlay.
  public static func hideTerminal(in state: ActiveViewState) -> ActiveViewState {
    var next = state
    next.overlayLocationSlug = ""
    next.overlayTerminalSlug = ""
    return next
  }

  /// A new ENCOUNTER location: every room of every deck fogged, the default deck, no portraits.
  private static func openEncounter(_ slug: String, in state: inout ActiveViewState, _ campaign: Campaign) {
    state.encounterLocationSlug = slug
    state.activePortraits = []
    state.roomVisibility = [:]
    state.encounterLevel = 1
    state.encounterDeckID = ""
    guard let map = campaign.locations[slug]?.map else { return }
    for deck in map.decks {
      for room in deck.rooms { state.roomVisibility[room.id] = false }
    }
    let deck = map.deck(map.defaultDeckID)
    state.encounterDeckID = map.defaultDeckID
    state.encounterLevel = deck?.level ?? 1
  }
}
