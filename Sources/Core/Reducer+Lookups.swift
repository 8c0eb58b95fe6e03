/// The campaign lookups every command shares: a location, the open encounter's map and its current deck.
extension Reducer {
  /// The location `slug` of the campaign.
  ///
  /// - Throws: `notFound` naming `location_slug`.
  static func location(_ slug: String, _ campaign: Campaign) throws(CommandError) -> Location {
    guard let location = campaign.locations[slug] else {
      throw CommandError(.notFound, "Location not found: location_slug '\(slug)'")
    }
    return location
  }

  /// The map of the open ENCOUNTER location.
  ///
  /// - Throws: `invalid` when no encounter is open or its location has no map.
  static func encounterMap(_ state: ActiveViewState, _ campaign: Campaign) throws(CommandError) -> LocationMap {
    guard !state.encounterLocationSlug.isEmpty else {
      throw .invalid("No ENCOUNTER location is open: switch the view to ENCOUNTER first")
    }
    guard let map = campaign.locations[state.encounterLocationSlug]?.map else {
      throw .invalid("\(state.encounterLocationSlug) has no map")
    }
    return map
  }

  /// The deck the encounter shows: the current one, else the map's default.
  ///
  /// - Throws: `invalid` when no encounter is open or the map has neither deck.
  static func currentDeck(_ state: ActiveViewState, _ campaign: Campaign) throws(CommandError) -> Deck {
    let map = try encounterMap(state, campaign)
    guard let deck = map.deck(state.encounterDeckID) ?? map.deck(map.defaultDeckID) else {
      throw .invalid("\(state.encounterLocationSlug) has no deck '\(state.encounterDeckID)'")
    }
    return deck
  }
}
