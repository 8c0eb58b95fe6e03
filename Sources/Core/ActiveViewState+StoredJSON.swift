extension ActiveViewState {
  /// The state as the session store keeps it: the keys and values of its `Codable` form (property names, enums as
  /// their raw values, unset override fields left out), written with ``JSONWriter`` (compact, sorted keys) instead
  /// of `JSONEncoder`, which costs a GM write several times more. `JSONDecoder` reads it back.
  public var storedJSON: [UInt8] {
    let members: [String: JSONValue] = [
      "viewType": .string(viewType.rawValue), "locationSlug": .string(locationSlug),
      "encounterLocationSlug": .string(encounterLocationSlug), "viewSlug": .string(viewSlug),
      "overlayLocationSlug": .string(overlayLocationSlug), "overlayTerminalSlug": .string(overlayTerminalSlug),
      "charonMode": .string(charonMode.rawValue), "charonLocationPath": .string(charonLocationPath),
      "charonActiveChannel": .string(charonActiveChannel), "charonDialogOpen": .bool(charonDialogOpen),
      "encounterLevel": .int(encounterLevel), "encounterDeckID": .string(encounterDeckID),
      "roomVisibility": .object(roomVisibility.mapValues(JSONValue.bool)),
      "doorStatus": .object(doorStatus.mapValues { .string($0.rawValue) }),
      "tokens": .object(tokens.mapValues { decks in .object(decks.mapValues { .object($0.mapValues(\.json)) }) }),
      "activePortraits": .array(activePortraits.map(JSONValue.string)),
      "shipSystemOverrides": .object(shipSystemOverrides.mapValues(\.json)), "tokensPlaced": .int(tokensPlaced),
    ]
    return JSONWriter.encode(.object(members))
  }
}
