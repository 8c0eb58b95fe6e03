import Foundation
import Testing

@testable import BulkheadCore

/// Broken campaign folders are refused with an error naming the file and the key at fault.
struct BrokenCampaignTests {
  /// A valid single-deck deck file with two rooms and one door, to be spoilt by each test.
  static func deck(
    rooms: String = Self.rooms, connections: String = Self.connections
  ) -> String {
    """
    deck_id: deck
    name: Test Deck
    grid:
      width: 20
      height: 10
    rooms:
    \(rooms)
    connections:
    \(connections)
    """
  }

  static let rooms = """
      - {id: alpha, name: ALPHA, x: 1, y: 1, width: 4, height: 3}
      - {id: beta, name: BETA, x: 8, y: 1, width: 4, height: 3}
    """

  static let connections = """
      - {id: door_ab, from: alpha, to: beta, door_type: standard, door_status: OPEN}
    """

  /// Writes a campaign with `files` (besides a minimal `campaign/` folder) and loads it.
  func load(_ files: [String: String], name: String = #function) throws -> CampaignError? {
    let folder = try makeTemporaryFolder(name)
    defer { try? FileManager.default.removeItem(at: folder) }
    try write(["campaign/npcs.yaml": "npcs: []\n"].merging(files) { $1 }, under: folder)
    do throws(CampaignError) {
      _ = try Campaign.load(from: folder)
      return nil
    } catch {
      return error
    }
  }

  @Test func aValidTemporaryCampaignLoads() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try write(
      [
        "galaxy/sys/location.yaml": "name: System\ntype: system\n",
        "galaxy/sys/outpost/map/deck.yaml": Self.deck(),
      ], under: folder)
    let campaign = try Campaign.load(from: folder)
    #expect(campaign.locations.keys.sorted() == ["outpost", "sys"])
    #expect(campaign.locations["outpost"]?.name == "outpost")
    #expect(campaign.locations["outpost"]?.map?.decks.first?.rooms.count == 2)
    #expect(campaign.ship == .null)
    #expect(campaign.shipSystems.isEmpty)
  }

  @Test func invalidYAMLNamesTheFile() throws {
    let error = try #require(
      try load(["galaxy/sys/location.yaml": "name: [unclosed\ntype: system\n"]))
    #expect(error.file == "galaxy/sys/location.yaml")
    #expect(error.key == nil, "the whole file is at fault")
    #expect(error.problem.contains("invalid YAML"))
    #expect(error.description.hasPrefix("galaxy/sys/location.yaml: "))
  }

  @Test func aRoomWithoutWidthNamesTheKey() throws {
    let rooms = """
        - {id: alpha, name: ALPHA, x: 1, y: 1, width: 4, height: 3}
        - {id: beta, name: BETA, x: 8, y: 1, height: 3}
      """
    let error = try #require(
      try load(["galaxy/sys/outpost/map/deck.yaml": Self.deck(rooms: rooms)]))
    #expect(error.file == "galaxy/sys/outpost/map/deck.yaml")
    #expect(error.key == "rooms.1.width")
    #expect(error.problem.contains("missing"))
    #expect(error.description.contains("rooms.1.width"))
  }

  @Test func aConnectionToAnUnknownRoomNamesTheConnection() throws {
    let connections = """
        - {id: door_ab, from: alpha, to: beta, door_type: standard, door_status: OPEN}
        - {id: door_bx, from: beta, to: ghost, door_type: standard, door_status: OPEN}
      """
    let error = try #require(
      try load(["galaxy/sys/outpost/map/deck.yaml": Self.deck(connections: connections)]))
    #expect(error.file == "galaxy/sys/outpost/map/deck.yaml")
    #expect(error.key?.hasPrefix("connections.1") == true, "key: \(error.key ?? "nil")")
    #expect(error.problem.contains("ghost"))
  }

  @Test func anUnknownDoorStatusNamesTheKey() throws {
    let connections = """
        - {id: door_ab, from: alpha, to: beta, door_type: standard, door_status: AJAR}
      """
    let error = try #require(
      try load(["galaxy/sys/outpost/map/deck.yaml": Self.deck(connections: connections)]))
    #expect(error.file == "galaxy/sys/outpost/map/deck.yaml")
    #expect(error.key == "connections.0.door_status")
    #expect(error.problem.contains("AJAR"))
  }

  @Test func aLowercaseDoorStatusIsAccepted() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let connections = """
        - {id: door_ab, from: alpha, to: beta, door_type: standard, door_status: locked}
      """
    try write(["galaxy/sys/map/deck.yaml": Self.deck(connections: connections)], under: folder)
    let campaign = try Campaign.load(from: folder)
    #expect(campaign.locations["sys"]?.map?.decks.first?.connections.first?.doorStatus == .locked)
  }

  @Test func aManifestNamingAMissingDeckFileNamesTheEntry() throws {
    let manifest = """
      name: Ship
      total_decks: 2
      decks:
        - {id: deck_1, name: Upper, file: deck_1.yaml, level: 1, default: true}
        - {id: deck_2, name: Lower, file: deck_2.yaml, level: 2}
      """
    let error = try #require(
      try load([
        "galaxy/sys/ship/map/manifest.yaml": manifest,
        "galaxy/sys/ship/map/deck_1.yaml": Self.deck(),
      ]))
    #expect(error.file == "galaxy/sys/ship/map/manifest.yaml")
    #expect(error.key == "decks.1.file")
    #expect(error.problem.contains("deck_2.yaml"))
  }

  @Test func aDuplicateSlugNamesBothFolders() throws {
    let error = try #require(
      try load([
        "galaxy/alpha/outpost/location.yaml": "name: Outpost A\n",
        "galaxy/beta/outpost/location.yaml": "name: Outpost B\n",
      ]))
    #expect(error.file == "galaxy/beta/outpost")
    #expect(error.key == nil, "the folder as a whole is at fault")
    #expect(error.problem.contains("outpost"))
    #expect(error.problem.contains("galaxy/alpha/outpost"))
  }

  @Test func aMissingGalaxyFolderIsRefused() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(throws: CampaignError.self) { try Campaign.load(from: folder) }
    let absent = folder.appendingPathComponent("nowhere")
    let error = #expect(throws: CampaignError.self) { try Campaign.load(from: absent) }
    #expect(error?.file == absent.path)
  }

  @Test func duplicateNPCIDsNameTheSecondEntry() throws {
    let npcs = "npcs:\n  - {id: kim, name: Kim}\n  - {id: kim, name: Kim Again}\n"
    let error = try #require(
      try load(["campaign/npcs.yaml": npcs, "galaxy/sys/location.yaml": "name: Sys\n"]))
    #expect(error.file == "campaign/npcs.yaml")
    #expect(error.key == "npcs.1.id")
  }

  @Test func aPOIInAnUnknownRoomNamesTheKey() throws {
    let deck = Self.deck() + "\npoi:\n  - {id: p, room: nowhere, position: {x: 2, y: 2}}\n"
    let error = try #require(try load(["galaxy/sys/outpost/map/deck.yaml": deck]))
    #expect(error.file == "galaxy/sys/outpost/map/deck.yaml")
    #expect(error.key == "poi.0.room")
  }
}
