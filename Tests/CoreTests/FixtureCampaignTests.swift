import Foundation
import Testing

@testable import BulkheadCore

/// Loading the original tool's campaign data (`../shared/fixtures/mothership-data`).
@Suite(.enabled(if: fixturesAvailable, fixturesAbsent))
struct FixtureCampaignTests {
  /// The slugs of the location folders, found by walking `galaxy/` independently of the loader:
  /// every folder except `comms/`, `map/`, `maps/` and what is under them.
  static func locationFolders(in galaxy: URL) throws -> [String] {
    var slugs: [String] = []
    func walk(_ folder: URL) throws {
      let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      for name in names.sorted() where !name.hasPrefix(".") {
        let url = folder.appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
          isDirectory.boolValue, !["comms", "map", "maps"].contains(name)
        else { continue }
        slugs.append(name)
        try walk(url)
      }
    }
    try walk(galaxy)
    return slugs
  }

  @Test func theCampaignLoads() throws {
    do {
      _ = try Campaign.load(from: TestPaths.fixture)
    } catch {
      Issue.record("the fixture campaign does not load: \(error)")
    }
  }

  @Test func everyLocationFolderIsALocation() throws {
    let campaign = try Campaigns.fixture()
    let folders = try Self.locationFolders(in: TestPaths.fixture.appendingPathComponent("galaxy"))
    #expect(folders.count > 30)
    #expect(campaign.locations.count == folders.count)
    #expect(Set(campaign.locations.keys) == Set(folders))
  }

  @Test func locationPathsFollowTheTree() throws {
    let campaign = try Campaigns.fixture()
    let morrigan = try #require(campaign.locations["uscss_morrigan"])
    #expect(morrigan.path == ["sol", "earth", "uscss_morrigan"])
    #expect(morrigan.pathString == "sol/earth/uscss_morrigan")
    #expect(morrigan.name == "USCSS Morrigan")
    #expect(morrigan.type == "ship")
    let earth = try #require(campaign.locations["earth"])
    #expect(Set(earth.children) == ["luna", "research_base_alpha", "uscss_morrigan"])
    #expect(earth.bridgeMaps["orbit_map.yaml"] != nil)
    #expect(campaign.locations["sol"]?.bridgeMaps["system_map.yaml"] != nil)
    let baseAlpha = try #require(campaign.locations["base_alpha"])
    #expect(baseAlpha.children.isEmpty, "comms/ and map/ are not child locations")
    let shipGamma = try #require(campaign.locations["ship_gamma"])
    #expect(shipGamma.children == ["deck_1", "deck_2"])
    #expect(
      campaign.locations["deck_2"]?.path == ["kepler-442", "kepler-442c", "ship_gamma", "deck_2"])
  }

  @Test func morriganHasATwoDeckMap() throws {
    let campaign = try Campaigns.fixture()
    let map = try #require(campaign.locations["uscss_morrigan"]?.map)
    #expect(map.isMultiDeck)
    #expect(map.decks.map(\.id) == ["deck_1", "deck_2"])
    #expect(map.decks.map(\.level) == [1, 2])
    #expect(map.decks.map(\.name) == ["Main Deck", "Lower Deck"])
    #expect(map.defaultDeckID == "deck_1")
    #expect(map.manifest["total_decks"] == .int(2))
    #expect(map.deck(level: 2)?.id == "deck_2")
  }

  @Test func morriganMainDeckHasRoomsDoorsLadderTerminalsAndPOIs() throws {
    let campaign = try Campaigns.fixture()
    let deck = try #require(campaign.locations["uscss_morrigan"]?.map?.deck("deck_1"))
    #expect(deck.width == 28)
    #expect(deck.height == 18)
    #expect(
      deck.rooms.map(\.id) == [
        "bridge", "crew_quarters", "medical", "engineering", "cargo_bay", "airlock_bay",
        "life_support",
      ])
    let bridge = try #require(deck.room("bridge"))
    #expect((bridge.x, bridge.y, bridge.width, bridge.height) == (1, 1, 5, 3))
    #expect(bridge.status == "OPERATIONAL")
    #expect(deck.connections.count == 7)
    let door = try #require(deck.connection("conn_bridge_crew"))
    #expect(door.from == "bridge")
    #expect(deck.interDeckConnections.count == 1)
    let ladder = try #require(deck.interDeckConnections.first)
    #expect(ladder.id == "ladder_eng_maint")
    #expect(ladder.fromRoom == "engineering")
    #expect(ladder.toDeck == "deck_2")
    #expect(ladder.toRoom == "maintenance")
    #expect(ladder.type == "ladder")
    #expect(
      deck.terminals.map(\.id).sorted() == [
        "bridge_comm", "bridge_nav", "cargo_manifest", "eng_reactor", "med_terminal",
      ])
    #expect(deck.terminals.first { $0.id == "bridge_nav" }?.terminalSlug == "nav-console")
    #expect(deck.pointsOfInterest.count == 5)
    #expect(deck.pointsOfInterest.first { $0.id == "breach_site" }?.type == "hazard")
    #expect(deck.pointsOfInterest.allSatisfy { deck.room($0.room) != nil })
  }

  @Test func morriganLowerDeckLeadsBackUp() throws {
    let campaign = try Campaigns.fixture()
    let deck = try #require(campaign.locations["uscss_morrigan"]?.map?.deck("deck_2"))
    #expect(deck.rooms.count == 5)
    #expect(deck.room("maintenance") != nil)
    #expect(deck.connections.count == 4)
    #expect(deck.interDeckConnections.map(\.toDeck) == ["deck_1"])
    #expect(deck.interDeckConnections.first?.toRoom == "engineering")
    #expect(deck.terminals.count == 2)
    #expect(deck.pointsOfInterest.count == 2)
  }

  @Test func legacyMapsLoadAsEmptyDecks() throws {
    let campaign = try Campaigns.fixture()
    let map = try #require(campaign.locations["base_alpha"]?.map)
    #expect(!map.isMultiDeck)
    #expect(map.manifest == .null)
    #expect(map.decks.count == 1)
    let deck = try #require(map.decks.first)
    #expect(deck.id == "main_facility")
    #expect(map.defaultDeckID == "main_facility")
    #expect(deck.name == "Main Facility")
    #expect(deck.width == 30)
    #expect(deck.height == 20)
    #expect(deck.rooms.isEmpty)
    #expect(deck.connections.isEmpty)
    let gammaBridge = try #require(campaign.locations["deck_1"]?.map?.decks.first)
    #expect((gammaBridge.width, gammaBridge.height) == (15, 12))
    #expect(gammaBridge.rooms.isEmpty)
  }

  @Test func centralMessageStoreIsFilteredByOwner() throws {
    let campaign = try Campaigns.fixture()
    let terminals = try #require(campaign.locations["uscss_morrigan"]?.terminals)
    #expect(terminals.keys.sorted() == ["bridge_terminal", "engineering_terminal"])
    let bridge = try #require(terminals["bridge_terminal"])
    #expect(bridge.owner == "Captain Morrison")
    #expect(bridge.terminalID == "BRIDGE-001")
    #expect(bridge.accessLevel == "RESTRICTED")
    #expect(
      bridge.inbox.map(\.messageID) == [
        "msg_station_001", "msg_eng_bridge_001", "msg_eng_bridge_002", "msg_eng_bridge_003",
      ])
    #expect(bridge.sent.map(\.messageID) == ["msg_bridge_eng_001", "msg_bridge_all_001"])
    #expect(bridge.inbox.allSatisfy { $0.folder == "inbox" && $0.contact == $0.from })
    #expect(bridge.sent.allSatisfy { $0.folder == "sent" && $0.contact == $0.to })
    let engineering = try #require(terminals["engineering_terminal"])
    #expect(engineering.owner == "Chief Engineer Hayes")
    #expect(engineering.inbox.map(\.messageID) == ["msg_bridge_eng_001", "msg_ai_eng_001"])
    #expect(engineering.sent.count == 3)
    #expect(engineering.inbox.allSatisfy { $0.to.lowercased().contains("hayes") })
    let first = try #require(bridge.inbox.first)
    #expect(first.timestamp == "2183-07-01 08:00:00")
    #expect(first.from == "Station Control")
    #expect(!first.content.isEmpty)
    #expect(!first.content.hasPrefix("---"), "the front matter is not part of the body")
  }

  @Test func perTerminalFoldersUseTheContactFolderName() throws {
    let campaign = try Campaigns.fixture()
    let terminals = try #require(campaign.locations["research_base_alpha"]?.terminals)
    #expect(terminals.keys.sorted() == ["commanders_terminal", "science_lab_07"])
    let commander = try #require(terminals["commanders_terminal"])
    #expect(commander.owner == "Commander Drake")
    #expect(commander.accessLevel == "CLASSIFIED")
    #expect(
      commander.inbox.map(\.messageID) == [
        "msg_charon_001", "msg_chen_001", "msg_charon_002", "msg_chen_003",
      ], "sorted by timestamp across contact folders")
    #expect(commander.inbox.map(\.contact) == ["charon", "dr_chen", "charon", "dr_chen"])
    #expect(commander.inbox.allSatisfy { $0.folder == "inbox" })
    #expect(commander.sent.map(\.messageID) == ["msg_drake_002"])
    #expect(commander.sent.map(\.contact) == ["dr_chen"])
    #expect(commander.sent.first?.folder == "sent")
    let lab = try #require(terminals["science_lab_07"])
    #expect(lab.inbox.map(\.contact) == ["commander_drake"])
    #expect(lab.sent.map(\.messageID) == ["msg_chen_001", "msg_chen_003"])
  }

  @Test func npcsCarryTheirPortraits() throws {
    let campaign = try Campaigns.fixture()
    #expect(campaign.npcs.count == 4)
    #expect(campaign.npcs.first?.id == "lucia_vance")
    #expect(campaign.npc("lucia_vance")?.name == "Dr. Lucia Vance")
    let withPortraits = campaign.npcs.filter { $0.portrait != nil }
    #expect(withPortraits.map(\.id) == ["lucia_vance", "ewan_mcgregor"])
    for npc in withPortraits {
      let path = try #require(npc.portrait)
      #expect(path.hasPrefix("/data/campaign/NPCs/images/"))
      let file = TestPaths.fixture.appendingPathComponent(String(path.dropFirst("/data/".count)))
      #expect(FileManager.default.fileExists(atPath: file.path), "\(npc.id): \(path)")
    }
    #expect(campaign.npc("nobody") == nil)
  }

  @Test func shipSystemsAndStarMap() throws {
    let campaign = try Campaigns.fixture()
    #expect(campaign.shipSystems == ["comms", "engines", "life_support", "weapons"])
    #expect(campaign.shipName == "USCSS Morrigan")
    #expect(campaign.ship["ship"]?["hull"]?["max"] == .int(60))
    #expect(campaign.starMap.objectValue?.isEmpty == false)
    #expect(campaign.crew != .null)
    #expect(campaign.charonContext != .null)
  }
}
