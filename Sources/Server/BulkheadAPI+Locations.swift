import BulkheadCore

extension BulkheadAPI {
  /// `GET /api/locations/` (a Bulkhead addition for the GM console): every location of the campaign, ordered by
  /// path, with `slug`, `name`, `path` (slugs joined with `/`), `type`, `has_map`, `decks` (how many) and
  /// `terminals` (`[{slug, owner, terminal_id}]` by slug).
  func locationList() -> JSONValue {
    let locations = store.campaign.locations.values.sorted { ($0.pathString, $0.slug) < ($1.pathString, $1.slug) }
    let entries: [JSONValue] = locations.map { location in
      let terminals: [JSONValue] = location.terminals.values.sorted { $0.slug < $1.slug }.map { terminal in
        [
          "slug": .string(terminal.slug), "owner": .string(terminal.owner),
          "terminal_id": .string(terminal.terminalID),
        ]
      }
      return [
        "slug": .string(location.slug), "name": .string(location.name), "path": .string(location.pathString),
        "type": .string(location.type), "has_map": .bool(location.map.map { !$0.decks.isEmpty } ?? false),
        "decks": .int(location.map?.decks.count ?? 0), "terminals": .array(terminals),
      ]
    }
    return ["locations": .array(entries), "count": .int(entries.count)]
  }
}
