import BulkheadCore
import Foundation
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// Whole player frames compared exactly with the text files in `Golden/`, for every view at 80×24, 100×30 and
/// 160×48 in UTF-8 and ASCII, and the encounter's layouts (the token key under the map below 120 columns, the
/// legend beside it from there) also at 120×40 and 200×60.
///
/// The models are built as the display gets them: the campaign is loaded, the GM's commands go through the
/// ``Reducer``, the payload is encoded and decoded as the stream carries it, and the REST data has the shape the
/// server answers. A missing golden file, or `BULKHEAD_RECORD_GOLDEN=1`, records the frame and fails the test, so
/// a golden never passes unreviewed.
struct GoldenFrameTests {
  // MARK: - Scenes

  /// A scene of the demo campaign.
  enum DemoScene: String, CaseIterable, Sendable {
    case standby
    case encounter
    case encounterGM = "encounter-gm"
    case encounterDeck2 = "encounter-deck2"
    case shipDashboard = "ship-dashboard"
    case bridge
    case messages
    case charonQuery = "charon-query"
    case encounterCharonDialog = "encounter-charon-dialog"
    case encounterTerminal = "encounter-terminal"
    case encounterCriticalPopover = "encounter-critical-popover"
    case encounterConnectionLost = "encounter-connection-lost"
    case encounterCrowd = "encounter-crowd"
  }

  /// A scene of the fixture campaign (the original tool's data).
  enum FixtureScene: String, CaseIterable, Sendable {
    case standby
    case encounter
    case shipDashboard = "ship-dashboard"
  }

  /// The sizes every scene is drawn at.
  static let sizes = [(width: 80, height: 24), (width: 100, height: 30), (width: 160, height: 48)]

  /// The further sizes the encounter's layouts are drawn at.
  static let layoutSizes = [(width: 120, height: 40), (width: 200, height: 60)]

  /// The scenes drawn at ``layoutSizes`` too.
  static let layoutScenes: [DemoScene] = [.encounter, .encounterGM, .encounterDeck2, .encounterCrowd]

  /// The clock every model shows.
  static let clock = "21:07"

  @Test(arguments: DemoScene.allCases)
  func demoFrames(_ scene: DemoScene) throws {
    try Self.compareAtEverySize(try Self.demoModel(scene), scene: "demo-\(scene.rawValue)")
  }

  @Test(arguments: layoutScenes)
  func demoEncounterLayouts(_ scene: DemoScene) throws {
    try Self.compareAtEverySize(try Self.demoModel(scene), scene: "demo-\(scene.rawValue)", sizes: Self.layoutSizes)
  }

  @Test(.enabled(if: fixtureAvailable, "../shared/fixtures/mothership-data is absent: fixture golden frames skipped"))
  func fixtureEncounterLayouts() throws {
    try Self.compareAtEverySize(try Self.fixtureModel(.encounter), scene: "fixture-encounter", sizes: Self.layoutSizes)
  }

  @Test func demoTooSmall() throws {
    let model = try Self.demoModel(.encounter)
    for glyphs in GlyphSet.allCases {
      try Self.compare(model, scene: "demo-too-small", width: 50, height: 15, glyphs: glyphs)
    }
  }

  @Test(
    .enabled(if: fixtureAvailable, "../shared/fixtures/mothership-data is absent: fixture golden frames skipped"),
    arguments: FixtureScene.allCases)
  func fixtureFrames(_ scene: FixtureScene) throws {
    try Self.compareAtEverySize(try Self.fixtureModel(scene), scene: "fixture-\(scene.rawValue)")
  }

  // MARK: - Golden files

  /// Compares `model`'s frames at every size of `sizes` (``sizes`` unless given) in both glyph sets.
  static func compareAtEverySize(
    _ model: PlayerModel, scene: String, sizes: [(width: Int, height: Int)] = sizes
  ) throws {
    for size in sizes {
      for glyphs in GlyphSet.allCases {
        try compare(model, scene: scene, width: size.width, height: size.height, glyphs: glyphs)
      }
    }
  }

  /// The folder of the golden files, next to this source file.
  static var goldenFolder: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
  }

  /// Renders `model` and compares it with `Golden/<scene>-<W>x<H>-<glyphs>.txt`; records the file (and fails)
  /// when it is missing or `BULKHEAD_RECORD_GOLDEN=1`.
  static func compare(_ model: PlayerModel, scene: String, width: Int, height: Int, glyphs: GlyphSet) throws {
    let frame = TextScreen.plain(PlayerFrame.render(model, width: width, height: height, glyphs: glyphs)) + "\n"
    let name = "\(scene)-\(width)x\(height)-\(glyphs).txt"
    let file = goldenFolder.appendingPathComponent(name)
    let recording = ProcessInfo.processInfo.environment["BULKHEAD_RECORD_GOLDEN"] == "1"
    guard !recording, let golden = try? String(contentsOf: file, encoding: .utf8) else {
      try FileManager.default.createDirectory(at: goldenFolder, withIntermediateDirectories: true)
      try frame.write(to: file, atomically: true, encoding: .utf8)
      Issue.record("recorded Golden/\(name): review the frame, then run the tests again without recording")
      return
    }
    #expect(frame == golden, "\(name) differs from its golden file:\n\(firstDifference(frame, golden))")
  }

  /// The first line where `frame` and `golden` differ, both versions shown.
  static func firstDifference(_ frame: String, _ golden: String) -> String {
    let drawn = frame.split(separator: "\n", omittingEmptySubsequences: false)
    let expected = golden.split(separator: "\n", omittingEmptySubsequences: false)
    for row in 0..<max(drawn.count, expected.count) {
      let mine = row < drawn.count ? String(drawn[row]) : "<none>"
      let theirs = row < expected.count ? String(expected[row]) : "<none>"
      if mine != theirs { return "line \(row + 1)\n  drawn:  \(mine)\n  golden: \(theirs)" }
    }
    return "no line differs"
  }

  // MARK: - Demo campaign

  static func demoCampaign() throws -> Campaign {
    try Campaign.load(from: DeckMapViewTests.projectRoot.appendingPathComponent("campaigns/demo"))
  }

  /// The GM's commands that open the Kestrel Dawn's first deck: five of its nine rooms revealed, six tokens of
  /// every type and status (the creature in EVA PREP stands in the fog) and two portraits.
  static let demoEncounter: [Command] = [
    .switchView(.encounter, locationSlug: "kestrel_dawn", viewSlug: ""),
    .toggleRoom(roomID: "bridge", visible: true),
    .toggleRoom(roomID: "comms_array", visible: true),
    .toggleRoom(roomID: "medbay", visible: true),
    .toggleRoom(roomID: "galley", visible: true),
    .toggleRoom(roomID: "crew_berths", visible: true),
    .placeToken(Token(type: .player, name: "Vex", x: 3, y: 3)),
    .placeToken(Token(type: .player, name: "Kade", x: 4, y: 9, status: ["wounded"])),
    .placeToken(Token(type: .npc, name: "Imre Sallow", x: 14, y: 2, status: ["panicked"])),
    .placeToken(Token(type: .creature, name: "Tomas Greer", x: 24, y: 3, status: ["dead"])),
    .placeToken(Token(type: .creature, name: "Stowaway", x: 23, y: 9)),
    .placeToken(Token(type: .object, name: "Container C-9", x: 15, y: 9)),
    .togglePortrait(npcID: "imre_sallow"),
    .togglePortrait(npcID: "oona_reyes"),
  ]

  /// The encounter with a crowd on its first deck: nineteen more tokens, some with long names, so that the key
  /// below 120 columns wraps to two lines and ends in `+N`, and the legend from 120 columns in `+N more`.
  static let demoCrowd: [Command] =
    demoEncounter
    + [
      .placeToken(Token(type: .player, name: "Ash", x: 5, y: 2)),
      .placeToken(Token(type: .player, name: "Dr. Reyes-Okonkwo-Vanterpool, Ship's Surgeon", x: 6, y: 8)),
      .placeToken(Token(type: .player, name: "Mori", x: 2, y: 8, status: ["stressed"])),
      .placeToken(Token(type: .npc, name: "Quartermaster Abelard Tenzing-Hollis", x: 13, y: 3)),
      .placeToken(Token(type: .npc, name: "Pell", x: 16, y: 8, status: ["unconscious"])),
    ]
    + (1...14).map { index in
      .placeToken(Token(type: .creature, name: "Drone \(index)", x: 12 + index % 6, y: 8 + index % 3))
    }

  /// The model of a demo scene.
  static func demoModel(_ scene: DemoScene) throws -> PlayerModel {
    let campaign = try demoCampaign()
    var commands: [Command] = []
    switch scene {
    case .standby: break
    case .encounter, .encounterGM, .encounterCriticalPopover, .encounterConnectionLost: commands = demoEncounter
    case .encounterCrowd: commands = demoCrowd
    case .encounterDeck2:
      commands =
        demoEncounter + [
          .switchLevel(level: 2, deckID: nil),
          .toggleRoom(roomID: "spine_base", visible: true),
          .toggleRoom(roomID: "reactor", visible: true),
          .placeToken(Token(type: .player, name: "Vex", x: 15, y: 10)),
        ]
    case .shipDashboard:
      commands = [
        .switchView(.shipDashboard, locationSlug: "", viewSlug: ""),
        .setShipSystem(
          system: "life_support",
          ShipSystemOverride(status: .damaged, condition: 40, info: "Scrubber bank 2 failed, CO2 rising")),
      ]
    case .bridge: commands = [.switchView(.bridge, locationSlug: "kestrel_dawn", viewSlug: "")]
    case .messages: commands = [.switchView(.messages, locationSlug: "", viewSlug: "")]
    case .charonQuery:
      commands = [.switchView(.charonTerminal, locationSlug: "", viewSlug: ""), .setCharonMode(.query)]
    case .encounterCharonDialog: commands = demoEncounter + [.toggleCharonDialog(open: true)]
    case .encounterTerminal:
      commands = demoEncounter + [.showTerminal(locationSlug: "kestrel_dawn", terminalSlug: "bridge_terminal")]
    }
    let state = try replay(commands, campaign: campaign)
    var model = PlayerModel(
      payload: try payload(state, campaign: campaign), role: scene == .encounterGM ? .gm : .player, clock: clock)
    model.ship = try ShipStatus(json: shipStatusJSON(campaign, overrides: state.shipSystemOverrides))
    model.portraits = try portraits(of: model, campaign: campaign)
    switch scene {
    case .standby, .encounter, .encounterGM, .encounterCrowd: break
    case .encounterDeck2:
      model.messages = try broadcasts()
      model.portraits["/data/campaign/NPCs/images/oona_reyes.png"] = .unavailable
    case .shipDashboard, .messages: model.messages = try broadcasts()
    case .bridge:
      model.messages = try broadcasts()
      model.starMap = try StarMap(starMap: campaign.starMap, locationSystems: campaign.locationSystems)
    case .charonQuery:
      model.charon = try storyConversation()
      model.query = "where is tomas greer"
    case .encounterCharonDialog: model.charon = try encounterConversation()
    case .encounterTerminal:
      model.terminal = try TerminalInbox(json: terminalJSON(campaign, "kestrel_dawn", "bridge_terminal"))
      model.inboxSelection = 2
      model.messageOpen = true
    case .encounterCriticalPopover:
      model.messages = try broadcasts()
      model.popover = model.messages.first
    case .encounterConnectionLost:
      model.messages = try broadcasts()
      model.connectionLost = true
      model.attempt = 3
      model.secondsToRetry = 8
    }
    return model
  }

  // MARK: - Fixture campaign

  /// The original tool's campaign data, next to the project (`../shared/fixtures/mothership-data`).
  static var fixtureRoot: URL {
    DeckMapViewTests.projectRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures/mothership-data")
  }

  /// Whether the fixture campaign is present; its scenes are skipped otherwise.
  static let fixtureAvailable = FileManager.default.fileExists(
    atPath: fixtureRoot.appendingPathComponent("campaign/ship.yaml").path)

  /// The model of a fixture scene: the USCSS Morrigan's main deck with four of its seven rooms revealed, six
  /// tokens of every type and status (the creature in CARGO BAY stands in the fog) and two portraits.
  static func fixtureModel(_ scene: FixtureScene) throws -> PlayerModel {
    let campaign = try Campaign.load(from: fixtureRoot)
    let commands: [Command]
    switch scene {
    case .standby: commands = []
    case .shipDashboard: commands = [.switchView(.shipDashboard, locationSlug: "", viewSlug: "")]
    case .encounter:
      commands = [
        .switchView(.encounter, locationSlug: "uscss_morrigan", viewSlug: ""),
        .toggleRoom(roomID: "bridge", visible: true),
        .toggleRoom(roomID: "crew_quarters", visible: true),
        .toggleRoom(roomID: "medical", visible: true),
        .toggleRoom(roomID: "engineering", visible: true),
        .placeToken(Token(type: .player, name: "Ripley", x: 3, y: 2)),
        .placeToken(Token(type: .player, name: "Parker", x: 13, y: 2, status: ["wounded"])),
        .placeToken(Token(type: .npc, name: "Lucia Vance", x: 23, y: 2, status: ["panicked"])),
        .placeToken(Token(type: .creature, name: "Husk", x: 3, y: 9, status: ["dead"])),
        .placeToken(Token(type: .creature, name: "Shape", x: 14, y: 9)),
        .placeToken(Token(type: .object, name: "Tool Crate", x: 2, y: 8)),
        .togglePortrait(npcID: "lucia_vance"),
        .togglePortrait(npcID: "ewan_mcgregor"),
      ]
    }
    let state = try replay(commands, campaign: campaign)
    var model = PlayerModel(payload: try payload(state, campaign: campaign), clock: clock)
    model.ship = try ShipStatus(json: shipStatusJSON(campaign, overrides: state.shipSystemOverrides))
    model.portraits = try portraits(of: model, campaign: campaign)
    return model
  }

  /// The active portraits of `model`'s payload as the display keeps them: read from the campaign folder (where the
  /// server's `/data/` paths point), decoded and shrunk like ``PortraitLoader`` does.
  static func portraits(of model: PlayerModel, campaign: Campaign) throws -> [String: PortraitArt] {
    var portraits: [String: PortraitArt] = [:]
    for id in model.payload?.encounterActivePortraits ?? [] {
      guard let source = model.payload?.encounterNPCData[id].flatMap(PortraitSource.init) else { continue }
      let file = campaign.root.appendingPathComponent(String(source.path.dropFirst("/data/".count)))
      let image = try PNGDecoder.decode(Array(Data(contentsOf: file)))
      portraits[source.path] = .image(image.fitted(within: PortraitLoader.keptSide))
    }
    return portraits
  }

  // MARK: - What the server sends

  /// The state after the GM's `commands`, from a fresh start.
  static func replay(_ commands: [Command], campaign: Campaign) throws -> ActiveViewState {
    var state = ActiveViewState()
    for command in commands { state = try Reducer.apply(command, to: state, campaign: campaign).state }
    return state
  }

  /// The payload of `state` as the stream carries it.
  static func payload(_ state: ActiveViewState, campaign: Campaign) throws -> ActiveViewPayload {
    try ActiveViewPayload.decode(PayloadBuilder(campaign: campaign).encode(state, version: 12, epoch: "golden"))
  }

  /// `GET /api/ship-status/`: the campaign's ship with the GM's overrides merged into `ship.systems`.
  static func shipStatusJSON(_ campaign: Campaign, overrides: [String: ShipSystemOverride]) -> JSONValue {
    guard case .object(var file) = campaign.ship, case .object(var ship)? = file["ship"],
      case .object(var systems)? = ship["systems"]
    else { return campaign.ship }
    for (name, override) in overrides {
      guard case .object(var system)? = systems[name], case .object(let changes) = override.json else { continue }
      system.merge(changes) { _, new in new }
      systems[name] = .object(system)
    }
    ship["systems"] = .object(systems)
    file["ship"] = .object(ship)
    return .object(file)
  }

  /// `GET /api/terminal/<location>/<terminal>/`: the comm terminal with its inbox and sent messages.
  static func terminalJSON(_ campaign: Campaign, _ locationSlug: String, _ terminalSlug: String) throws -> JSONValue {
    let location = try #require(campaign.locations[locationSlug])
    let terminal = try #require(location.terminals[terminalSlug])
    func json(_ message: TerminalMessage) -> JSONValue {
      [
        "message_id": .string(message.messageID), "subject": .string(message.subject), "from": .string(message.from),
        "to": .string(message.to), "content": .string(message.content),
        "timestamp": message.timestamp.map(JSONValue.string) ?? .null, "priority": .string(message.priority),
        "read": .bool(message.read), "folder": .string(message.folder), "contact": .string(message.contact),
        "conversation_id": .string(message.conversationID), "in_reply_to": .string(message.inReplyTo),
      ]
    }
    return [
      "slug": .string(terminal.slug), "owner": .string(terminal.owner), "terminal_id": .string(terminal.terminalID),
      "access_level": .string(terminal.accessLevel), "description": .string(terminal.description),
      "location_name": .string(location.name), "inbox": .array(terminal.inbox.map(json)),
      "sent": .array(terminal.sent.map(json)),
    ]
  }

  /// `GET /api/messages/`: two broadcasts of each priority, newest first.
  static func broadcasts() throws -> [BroadcastMessage] {
    try BroadcastMessage.list(
      json: JSONParser.parse(
        """
        {"count": 8, "messages": [
        {"id": 8, "sender": "CHARON", "priority": "CRITICAL", "created_at": "2025-11-28 21:06:02",
         "content": "HULL BREACH ON DECK 2 AT THE COOLANT LOOP. SEAL THE BULKHEADS."},
        {"id": 7, "sender": "CHARON", "priority": "HIGH", "created_at": "2025-11-28 21:01:40",
         "content": "Unidentified motion in EVA PREP."},
        {"id": 6, "sender": "Varga Yards", "priority": "NORMAL", "created_at": "2025-11-28 20:55:13",
         "content": "Docking window moved to 06:00 ship time. Have the container C-9 ready at the cargo lock, \
        sealed and unscanned, or the fee is void under clause 7 of contract HV-4471."},
        {"id": 5, "sender": "CHARON", "priority": "LOW", "created_at": "2025-11-28 20:41:09",
         "content": "Galley dispenser restocked."},
        {"id": 4, "sender": "CHARON", "priority": "CRITICAL", "created_at": "2025-11-28 20:30:00",
         "content": "Reactor scram. Running on batteries."},
        {"id": 3, "sender": "CHARON", "priority": "HIGH", "created_at": "2025-11-28 20:12:51",
         "content": "Comms array fused: long-range lost."},
        {"id": 2, "sender": "Vesna Kord", "priority": "NORMAL", "created_at": "2025-11-28 19:58:27",
         "content": "Keep the container sealed. No scans."},
        {"id": 1, "sender": "CHARON", "priority": "LOW", "created_at": "2025-11-28 19:40:00",
         "content": "Crew rotation posted for the next watch."}
        ]}
        """))
  }

  /// `GET /api/charon/conversation/` on the CHARON terminal in QUERY mode (channel `story`).
  static func storyConversation() throws -> CharonConversation {
    try CharonConversation(
      json: JSONParser.parse(
        """
        {"mode": "QUERY", "channel": "story", "charon_location_path": "", "active_location_path": "",
         "messages": [
        {"message_id": "0b7e", "role": "charon", "timestamp": "2025-11-28T20:58:00", "pending_approval": false,
         "content": "CHARON ONLINE. KESTREL DAWN SHIPBOARD INTELLIGENCE. STATE YOUR QUERY."},
        {"message_id": "1c2f", "role": "user", "timestamp": "2025-11-28T20:59:12", "pending_approval": false,
         "content": "status of container C-9"},
        {"message_id": "2d40", "role": "charon", "timestamp": "2025-11-28T21:00:31", "pending_approval": false,
         "content": "CONTAINER C-9 IS SECURED IN THE CARGO HOLD. SEAL INTACT. INTERNAL TEMPERATURE UP 4.1 \
        DEGREES OVER SIX HOURS. NO SCAN AUTHORISED UNDER CONTRACT HV-4471."},
        {"message_id": "3e51", "role": "user", "timestamp": "2025-11-28T21:03:44", "pending_approval": false,
         "content": "who cut the medbay restraints"},
        {"message_id": "4f62", "role": "charon", "timestamp": "2025-11-28T21:04:20", "pending_approval": false,
         "content": "MEDBAY CAMERA LOG FOR 02:14 TO 02:54 IS MISSING. THE RESTRAINTS WERE CUT FROM THE INSIDE."}
        ]}
        """))
  }

  /// `GET /api/charon/conversation/` during the encounter (channel `encounter-kestrel_dawn`, DISPLAY mode).
  static func encounterConversation() throws -> CharonConversation {
    try CharonConversation(
      json: JSONParser.parse(
        """
        {"mode": "DISPLAY", "channel": "encounter-kestrel_dawn", "charon_location_path": "",
         "active_location_path": "haldens-reach/kestrel_dawn",
         "messages": [
        {"message_id": "5a01", "role": "charon", "timestamp": "2025-11-28T21:05:00", "pending_approval": false,
         "content": "MOTION DETECTED IN EVA PREP. NO CREW TRANSPONDER MATCHES."},
        {"message_id": "5a02", "role": "charon", "timestamp": "2025-11-28T21:05:40", "pending_approval": false,
         "content": "BLAST DOOR COMMS ARRAY / MEDBAY: SEALED. HOLDING."}
        ]}
        """))
  }
}
