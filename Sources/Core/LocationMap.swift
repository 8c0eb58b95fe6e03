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
    var decks: [Deck] = []
    var defaultID: String?
    let entries: [JSONObject]
    do {
      entries = try JSONObject.campaignFile(manifest).objects("decks")
    } catch {
      throw CampaignError(file: manifestFile, error)
    }
    for (index, entry) in entries.enumerated() {
      let deck = try loadDeck(entry, index: index, folder: folder, relative: relative, manifestFile, &warnings)
      if decks.contains(where: { $0.id == deck.id }) {
        throw CampaignError(file: manifestFile, entry.invalid("id", "deck id '\(deck.id)' is used twice"))
      }
      do {
        if try entry.optionalBool("default") == true, defaultID == nil { defaultID = deck.id }
      } catch {
        throw CampaignError(file: manifestFile, error)
      }
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

  /// The deck a manifest `entry` names: its file inside `folder`, with the entry's id, name and level.
  private static func loadDeck(
    _ entry: JSONObject, index: Int, folder: URL, relative: String, _ manifestFile: String,
    _ warnings: inout [String]
  ) throws(CampaignError) -> Deck {
    let fileName: String
    let id: String
    let name: String?
    let level: Int
    do throws(JSONReadError) {
      fileName = try entry.string("file")
      guard !fileName.contains("/"), !fileName.hasPrefix(".") else {
        throw entry.invalid("file", "must name a file inside map/")
      }
      guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(fileName).path) else {
        throw entry.invalid("file", "the deck file '\(fileName)' does not exist")
      }
      id = try entry.string("id")
      name = try entry.optionalString("name")
      level = try entry.optionalInt("level") ?? index + 1
    } catch {
      throw CampaignError(file: manifestFile, error)
    }
    let deckFile = "\(relative)/\(fileName)"
    return try Deck(
      data: try YAMLFile.load(folder.appendingPathComponent(fileName), file: deckFile, warnings: &warnings),
      file: deckFile, id: id, name: name, level: level)
  }
}
