import ArgumentParser
import BulkheadClient
import BulkheadCore

/// `bulkhead gm view`: POST /api/gm/switch-view/.
struct GMView: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "view",
    abstract: "Switch the shared screen to another view.",
    discussion: """
      Clears a terminal overlay. Switching to the ENCOUNTER of a new location fogs every room, shows its \
      default deck and hides the portraits.
      """)

  @Option(name: .customLong("view-type"), help: "The view.")
  var viewType: ViewType

  @Option(name: .customLong("location-slug"), help: "The location (needed for ENCOUNTER and COMM_TERMINAL).")
  var locationSlug: String?

  @Option(name: .customLong("view-slug"), help: "The view within the location, e.g. a terminal.")
  var viewSlug: String?

  @OptionGroup var options: GMWriteOptions

  func run() async throws {
    let client = try GMClient(options)
    let answer = try await client.send(
      .switchView(viewType, locationSlug: locationSlug ?? "", viewSlug: viewSlug ?? ""))
    let location = answer.text("location_slug")
    options.report(answer, "view \(answer.text("view_type"))" + (location.isEmpty ? "" : " at \(location)"))
  }
}

/// `bulkhead gm show-terminal`: POST /api/gm/show-terminal/.
struct GMShowTerminal: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show-terminal", abstract: "Show a comm terminal over the current view.")

  @Option(name: .customLong("location-slug"), help: "The terminal's location.")
  var locationSlug: String

  @Option(name: .customLong("terminal-slug"), help: "The terminal.")
  var terminalSlug: String

  @OptionGroup var options: GMWriteOptions

  func run() async throws {
    let client = try GMClient(options)
    let answer = try await client.send(.showTerminal(locationSlug: locationSlug, terminalSlug: terminalSlug))
    options.report(answer, "terminal \(answer.text("overlay_terminal_slug")) shown")
  }
}

/// `bulkhead gm hide-terminal`: POST /api/terminal/hide/.
struct GMHideTerminal: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hide-terminal", abstract: "Hide the comm terminal overlay.")

  @OptionGroup var options: GMWriteOptions

  func run() async throws {
    let client = try GMClient(options)
    let answer = try await client.send(.hideTerminal)
    options.report(answer, "terminal overlay hidden")
  }
}

/// `bulkhead gm broadcast`: POST /api/gm/broadcast/.
struct GMBroadcast: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "broadcast", abstract: "Send a message to every screen's message list.")

  @Option(help: "The message.")
  var content: String

  @Option(help: "Who sends it (the server's default: CHARON).")
  var sender: String?

  @Option(help: "How urgent it is (the server's default: NORMAL).")
  var priority: MessagePriority?

  @OptionGroup var options: GMWriteOptions

  func run() async throws {
    let client = try GMClient(options)
    let answer = try await client.send(
      .broadcast(content: content, sender: sender ?? "CHARON", priority: priority ?? .normal))
    options.report(answer, "broadcast \(answer.text("message_id")) sent")
  }
}

/// `bulkhead gm ship`: POST /api/gm/ship-status/toggle/.
struct GMShip: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ship", abstract: "Set the status of one of the ship's systems.")

  @Option(help: "The system, as named in the campaign's ship.yaml (e.g. engines).")
  var system: String

  @Option(help: "The system's status.")
  var status: ShipSystemStatus

  @Option(help: "Its condition in percent, 0 to 100.")
  var condition: Int?

  @Option(help: "A short note shown with it.")
  var info: String?

  @OptionGroup var options: GMWriteOptions

  func run() async throws {
    let client = try GMClient(options)
    let answer = try await client.send(
      .setShipSystem(system: system, ShipSystemOverride(status: status, condition: condition, info: info)))
    let override = answer["override"] ?? .null
    var sentence = "\(answer.text("system")) \(override.text("status"))"
    if override["condition"] != nil { sentence += ", condition \(override.text("condition"))" }
    if override["info"] != nil { sentence += ": \(override.text("info"))" }
    options.report(answer, sentence)
  }
}
