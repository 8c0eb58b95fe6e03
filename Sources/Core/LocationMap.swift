import Foundation

/// The map of a location: one deck, or several decks listed by a manifest.
public struct LocationMap: Sendable, Equatable {
  /// Whether a `manifest.yaml` lists the decks.
  public var isMultiDeck: Bool
  /// The manifest's whole content (`null` for a single-deck map).
  public var manifest: JSONValue
  /// The decks in manifest order.
  public var decks: [Deck]
  /// The deck shown when the location is opened: the manifest's `default: true`, else the first.
  public var defaultDeckID: String

  /// The deck with `id`, if the map has it.
  public func deck(_ id: String) -> Deck? {
    decks.first { $0.id == id }
  }

  /// The deck at 1-based `level`, if the map has one.
  public func deck(level: Int) -> Deck? {
    decks.first { $0.level == level }
  }

  /// Loads `map/` of a location folder; `relative` is the folder's path inside the campaign.
  static func load(folder: URL, relative: String, warnings: inout [String]) throws(CampaignError)
    -> LocationMap?
  {
    let files = YAMLFolder.yamlFiles(in: folder)
    let manifestName = files.first { $0 == "manifest.yaml" || $0 == "manifest.yml" }
    if let manifestName {
      return try loadManifest(folder: folder, relative: relative, manifestName: manifestName, warnings: &warnings)
    }
    guard let single = files.first else { return nil }
    let file = "\(relative)/\(single)"
    let data = try YAMLFile.load(folder.appendingPathComponent(single), file: file, warnings: &warnings)
    let deck = try Deck(data: data, file: file)
    return LocationMap(isMultiDeck: false, manifest: .null, decks: [deck], defaultDeckID: deck.id)
  }

  private static func loadManifest(
    folder: URL, relative: String, manifestName: String, warnings: inout [String]
  ) throws(CampaignError) -> LocationMap {
    let manifestFile = "\(relative)/\(manifestName)"
    let manifest = try YAMLFile.load(
      folder.appendingPathComponent(manifestName), file: manifestFile, warnings: &warnings)
    let fields = try Fields(manifest, file: manifestFile)
    var decks: [Deck] = []
    var defaultID: String?
    for (index, entry) in try fields.objects("decks").enumerated() {
      let fileName = try entry.string("file")
      let deckFile = "\(relative)/\(fileName)"
      guard !fileName.contains("/"), !fileName.hasPrefix(".") else {
        throw entry.failure("file", "must name a file inside map/")
      }
      let deckURL = folder.appendingPathComponent(fileName)
      guard FileManager.default.fileExists(atPath: deckURL.path) else {
        throw entry.failure("file", "the deck file '\(fileName)' does not exist")
      }
      let deck = try Deck(
        data: try YAMLFile.load(deckURL, file: deckFile, warnings: &warnings), file: deckFile,
        id: try entry.string("id"), name: try entry.optionalString("name"),
        level: try entry.optionalInt("level") ?? index + 1)
      if decks.contains(where: { $0.id == deck.id }) {
        throw entry.failure("id", "deck id '\(deck.id)' is used twice")
      }
      if try entry.optionalBool("default") == true, defaultID == nil { defaultID = deck.id }
      decks.append(deck)
    }
    guard let first = decks.first else {
      throw CampaignError(file: manifestFile, key: "decks", problem: "the manifest lists no deck")
    }
    for deck in decks {
      for (index, ladder) in deck.interDeckConnections.enumerated() {
        guard let target = decks.first(where: { $0.id == ladder.toDeck }) else {
          throw CampaignError(
            file: manifestFile, key: "decks",
            problem: "deck '\(deck.id)' inter_deck_connections[\(index)] leads to unknown deck '\(ladder.toDeck)'")
        }
        guard target.room(ladder.toRoom) != nil, deck.room(ladder.fromRoom) != nil else {
          throw CampaignError(
            file: manifestFile, key: "decks",
            problem: "deck '\(deck.id)' inter_deck_connections[\(index)] names an unknown room")
        }
      }
    }
    return LocationMap(isMultiDeck: true, manifest: manifest, decks: decks, defaultDeckID: defaultID ?? first.id)
  }
}
