import Foundation
import Testing

@testable import BulkheadCore

/// Loading the bundled demo campaign (`campaigns/demo`).
struct DemoCampaignTests {
  @Test func theDemoCampaignLoads() throws {
    let campaign = try Campaign.load(from: TestPaths.demo)
    #expect(campaign.root == TestPaths.demo)
    #expect(campaign.locations.count >= 8)
    #expect(campaign.shipName == "MSV Kestrel Dawn")
    #expect(campaign.shipSystems == ["comms", "engines", "life_support", "weapons"])
    #expect(campaign.starMap != .null)
  }

  @Test func kestrelDawnHasTwoFullDecks() throws {
    let campaign = try Campaigns.demo()
    let kestrel = try #require(campaign.locations["kestrel_dawn"])
    #expect(kestrel.path == ["haldens-reach", "kestrel_dawn"])
    #expect(kestrel.type == "ship")
    let map = try #require(kestrel.map)
    #expect(map.isMultiDeck)
    #expect(map.decks.map(\.id) == ["deck_1", "deck_2"])
    #expect(map.decks.map(\.name) == ["Command Deck", "Engineering Deck"])
    #expect(map.defaultDeckID == "deck_1")
    for deck in map.decks {
      #expect(deck.rooms.count >= 6, "\(deck.id)")
      #expect(!deck.terminals.isEmpty, "\(deck.id)")
      #expect(!deck.pointsOfInterest.isEmpty, "\(deck.id)")
      #expect(deck.width > 0 && deck.height > 0)
      for room in deck.rooms {
        #expect(room.x >= 0 && room.x + room.width <= deck.width, "\(room.id) fits the grid")
        #expect(room.y >= 0 && room.y + room.height <= deck.height, "\(room.id) fits the grid")
      }
    }
  }

  @Test func kestrelDawnRoomIDsAreUniqueAcrossDecks() throws {
    let map = try #require(try Campaigns.demo().locations["kestrel_dawn"]?.map)
    let ids = map.decks.flatMap { $0.rooms.map(\.id) }
    #expect(Set(ids).count == ids.count)
  }

  @Test func kestrelDawnUsesEveryDoorStatusAndType() throws {
    let map = try #require(try Campaigns.demo().locations["kestrel_dawn"]?.map)
    let doors = map.decks.flatMap(\.connections)
    #expect(Set(doors.map(\.doorStatus)) == Set(DoorStatus.allCases))
    #expect(Set(doors.map(\.doorType)) == ["standard", "blast_door", "airlock", "emergency"])
  }

  @Test func kestrelDawnDecksAreLinkedByALadder() throws {
    let map = try #require(try Campaigns.demo().locations["kestrel_dawn"]?.map)
    let down = try #require(map.deck("deck_1")?.interDeckConnections.first)
    #expect(down.type == "ladder")
    #expect(down.toDeck == "deck_2")
    #expect(map.deck("deck_2")?.room(down.toRoom) != nil)
    #expect(map.deck("deck_1")?.room(down.fromRoom) != nil)
  }

  @Test func kestrelDawnCentralMessages() throws {
    let terminals = try #require(try Campaigns.demo().locations["kestrel_dawn"]?.terminals)
    #expect(
      terminals.keys.sorted() == ["bridge_terminal", "engineering_terminal", "medbay_terminal"])
    let bridge = try #require(terminals["bridge_terminal"])
    #expect(bridge.owner == "Captain Imre Sallow")
    #expect(
      bridge.inbox.map(\.messageID) == [
        "msg_kord_001", "msg_charon_001", "msg_reyes_001", "msg_pell_001", "msg_charon_003",
      ])
    #expect(bridge.sent.map(\.messageID) == ["msg_sallow_001"])
    #expect(terminals["medbay_terminal"]?.inbox.map(\.messageID).contains("msg_charon_003") == true)
  }

  @Test func calyxRelayHasASingleDeckAndPerTerminalComms() throws {
    let campaign = try Campaigns.demo()
    let relay = try #require(campaign.locations["calyx-relay"])
    let map = try #require(relay.map)
    #expect(!map.isMultiDeck)
    #expect(map.manifest == .null)
    #expect(map.decks.count == 1)
    #expect(map.defaultDeckID == "relay_core")
    #expect(map.decks.first?.rooms.count == 6)
    #expect(relay.terminals.keys.sorted() == ["keeper_terminal", "signals_lab"])
    let keeper = try #require(relay.terminals["keeper_terminal"])
    #expect(keeper.owner == "Keeper Ansel Mott")
    #expect(keeper.inbox.map(\.messageID) == ["clx_charon_001", "clx_wren_001", "clx_wren_002"])
    #expect(keeper.inbox.map(\.contact) == ["charon", "wren_halloran", "wren_halloran"])
    #expect(keeper.sent.map(\.messageID) == ["clx_mott_001", "clx_mott_002"])
    #expect(keeper.sent.map(\.contact) == ["wren_halloran", "vesna_kord"])
    #expect(keeper.sent.allSatisfy { $0.folder == "sent" })
  }

  @Test func legacyMapWithoutRoomsLoads() throws {
    let deck = try #require(try Campaigns.demo().locations["grayline-camp"]?.map?.decks.first)
    #expect(deck.rooms.isEmpty)
    #expect((deck.width, deck.height) == (24, 16))
  }

  @Test func npcsHavePortraitFiles() throws {
    let campaign = try Campaigns.demo()
    let withPortraits = campaign.npcs.filter { $0.portrait != nil }
    #expect(withPortraits.count >= 3)
    for npc in withPortraits {
      let path = try #require(npc.portrait)
      #expect(path.hasPrefix("/data/campaign/NPCs/images/"), "\(npc.id)")
      let file = TestPaths.demo.appendingPathComponent(String(path.dropFirst("/data/".count)))
      #expect(FileManager.default.fileExists(atPath: file.path), "\(npc.id): \(path)")
    }
    #expect(Set(campaign.npcs.map(\.id)).count == campaign.npcs.count)
  }

  @Test func locationsWithoutAFileAreNamedAfterTheirFolder() throws {
    let campaign = try Campaigns.demo()
    for location in campaign.locations.values {
      #expect(location.slug == location.path.last)
      #expect(!location.name.isEmpty)
    }
    #expect(campaign.locations["tessaly"]?.map == nil)
    #expect(campaign.locations["tessaly"]?.terminals.isEmpty == true)
  }
}
