import ArgumentParser
import BulkheadClient
import BulkheadCore

/// `bulkhead gm level`: POST /api/gm/encounter/switch-level/.
struct GMLevel: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "level", abstract: "Show another deck of the encounter's map.")

  @Option(help: "The deck's level, 1-based.")
  var level: Int?

  @Option(name: .customLong("deck-id"), help: "The deck's id (wins over --level).")
  var deckID: String?

  @OptionGroup var options: GMWriteOptions

  func validate() throws {
    guard level != nil || deckID != nil else { throw ValidationError("give --level or --deck-id") }
  }

  func run() async throws {
    let client = try GMClient(options)
    let answer = try await client.send(.switchLevel(level: level, deckID: deckID))
    options.report(answer, "deck \(answer.text("deck_id")) (level \(answer.text("level")))")
  }
}

/// The rooms `reveal` and `hide` act on: one room, or every room of the current deck.
struct GMRoomSelection: ParsableArguments {
  @Option(name: .customLong("room-id"), help: "The room.")
  var roomID: String?

  @Flag(help: "Every room of the current deck.")
  var all = false

  func validate() throws {
    guard (roomID != nil) != all else { throw ValidationError("give either --room-id or --all") }
  }

  /// Shows (`visible`) or fogs the selected rooms and prints what changed.
  func apply(visible: Bool, _ options: GMWriteOptions) async throws(GMFailure) {
    let client = try GMClient(options)
    let done = visible ? "revealed" : "hidden"
    if let roomID {
      let answer = try await client.send(.toggleRoom(roomID: roomID, visible: visible))
      options.report(answer, "room \(answer.text("room_id")) \(done)")
      return
    }
    let view = try await client.get("/api/active-view/")
    guard let rooms = view["location_data"]?["map"]?["current_deck"]?["rooms"]?.arrayValue else {
      throw .refused("the shared screen shows no encounter map: switch to one with `bulkhead gm view`")
    }
    let roomIDs = rooms.compactMap { $0["id"]?.stringValue }
    var visibility = (view["encounter_room_visibility"]?.objectValue ?? [:]).compactMapValues(\.boolValue)
    for id in roomIDs { visibility[id] = visible }
    let answer = try await client.send(.setRoomVisibility(visibility))
    options.report(answer, "\(roomIDs.count) rooms of deck \(view.text("encounter_deck_id")) \(done)")
  }
}

/// `bulkhead gm reveal`: POST /api/gm/encounter/toggle-room/ (or room-visibility with --all).
struct GMReveal: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reveal", abstract: "Lift the fog from a room, or from every room of the current deck.")

  @OptionGroup var rooms: GMRoomSelection

  @OptionGroup var options: GMWriteOptions

  func run() async throws {
    try await rooms.apply(visible: true, options)
  }
}

/// `bulkhead gm hide`: POST /api/gm/encounter/toggle-room/ (or room-visibility with --all).
struct GMHide: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hide", abstract: "Fog a room, or every room of the current deck.")

  @OptionGroup var rooms: GMRoomSelection

  @OptionGroup var options: GMWriteOptions

  func run() async throws {
    try await rooms.apply(visible: false, options)
  }
}

/// `bulkhead gm door`: POST /api/gm/encounter/set-door-status/.
struct GMDoor: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "door", abstract: "Open, close, lock, seal or break a door of the encounter's map.")

  @Option(name: .customLong("connection-id"), help: "The door: a connection of the map.")
  var connectionID: String

  @Option(name: [.customLong("door-status"), .customLong("status")], help: "The door's new status.")
  var doorStatus: DoorStatus

  @OptionGroup var options: GMWriteOptions

  func run() async throws {
    let client = try GMClient(options)
    let answer = try await client.send(.setDoorStatus(connectionID: connectionID, status: doorStatus))
    options.report(answer, "door \(answer.text("connection_id")) \(answer.text("door_status"))")
  }
}

/// `bulkhead gm portrait`: POST /api/gm/encounter/toggle-portrait/.
struct GMPortrait: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "portrait", abstract: "Show an NPC's portrait, or hide it when it is shown.")

  @Option(name: .customLong("npc-id"), help: "The NPC, as named in the campaign.")
  var npcID: String

  @OptionGroup var options: GMWriteOptions

  func run() async throws {
    let client = try GMClient(options)
    let answer = try await client.send(.togglePortrait(npcID: npcID))
    let shown = (answer["active_portraits"]?.arrayValue ?? []).compactMap(\.stringValue)
    let sentence = "portrait \(UntrustedText.sanitize(npcID)) \(shown.contains(npcID) ? "shown" : "hidden")"
    let list = shown.isEmpty ? "none" : shown.map { UntrustedText.sanitize($0) }.joined(separator: ", ")
    options.report(answer, "\(sentence); showing: \(list)")
  }
}
