import BulkheadCore
import Foundation

/// The ENCOUNTER the benchmarks measure, as a GM sets one up on a ship's map: every other room of the current deck
/// revealed, three tokens in the first revealed rooms and two NPC portraits shown.
public struct BenchEncounter {
  /// The location whose map is shown.
  public let locationSlug: String
  /// The deck shown: the map's default deck.
  public let deck: Deck
  /// The commands that set the encounter up from the start state, in order.
  public let commands: [Command]

  /// The encounter on `locationSlug`'s map in `campaign`.
  public init(campaign: Campaign, locationSlug: String) throws {
    guard let map = campaign.locations[locationSlug]?.map, let deck = map.deck(map.defaultDeckID) ?? map.decks.first
    else { throw BenchError("the location \(locationSlug) has no deck map") }
    self.locationSlug = locationSlug
    self.deck = deck
    let revealed = deck.rooms.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
    let kinds: [Token.Kind] = [.player, .npc, .creature]
    let tokens = zip(kinds, revealed).map { kind, room in
      Token(
        type: kind, name: "\(kind.rawValue.capitalized) \(room.id)", x: room.x + room.width / 2,
        y: room.y + room.height / 2, roomID: room.id)
    }
    commands =
      [.switchView(.encounter, locationSlug: locationSlug, viewSlug: "")]
      + revealed.map { .toggleRoom(roomID: $0.id, visible: true) }
      + tokens.map { .placeToken($0) }
      + campaign.npcs.prefix(2).map { .togglePortrait(npcID: $0.id) }
  }

  /// The state the commands lead to.
  public func state(in campaign: Campaign) throws -> ActiveViewState {
    var state = ActiveViewState()
    for command in commands {
      state = try Reducer.apply(command, to: state, campaign: campaign).state
    }
    return state
  }

  /// The first ship location with a deck map in `campaign`: `preferred` when it has one, otherwise the first by slug.
  public static func shipSlug(in campaign: Campaign, preferred: String) -> String? {
    if campaign.locations[preferred]?.map?.decks.isEmpty == false { return preferred }
    return campaign.locations.keys.sorted().first { campaign.locations[$0]?.map?.decks.isEmpty == false }
  }

  /// The original tool's campaign data, `../shared/fixtures/mothership-data` next to the current folder or next to
  /// the checkout holding the bundled demo campaign, when it is there.
  public static func fixtureFolder() -> URL? {
    var roots = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
    if let demo = Paths.demoCampaign() {
      roots.append(demo.resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent())
    }
    return roots.map { $0.appendingPathComponent("../shared/fixtures/mothership-data").standardizedFileURL }
      .first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("galaxy").path) }
  }
}
