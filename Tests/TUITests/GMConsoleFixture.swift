import BulkheadCore
import SSEClient

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// The GM console's side of the demo campaign for the console's tests: the server's state as commands change it,
/// the events the stream delivers for it, and the console's REST answers.
struct GMConsoleFixture {
  let campaign: Campaign
  var state = ActiveViewState()
  var version = 0
  /// The console under test.
  var controller = GMConsoleController()

  /// A console that has started logged in and received the demo's STANDBY screen.
  init(loggedIn: Bool = true) throws {
    campaign = try PlayerFrameTests.loadCampaign()
    _ = controller.start(hour: 21, minute: 7, now: PlayerControllerTests.start, loggedIn: loggedIn)
    _ = controller.loaded(.locations, .success(locationsJSON()))
    _ = try publish()
  }

  /// Applies `commands` to the server's state and delivers the resulting event to the console.
  @discardableResult
  mutating func publish(_ commands: Command...) throws -> [GMConsoleEffect] {
    for command in commands { state = try Reducer.apply(command, to: state, campaign: campaign).state }
    version += 1
    let bytes = PayloadBuilder(campaign: campaign).encode(state, version: version, epoch: "e1")
    let event = EventSourceUpdate.event(SSEEvent(type: "activeview", data: String(decoding: bytes, as: UTF8.self)))
    return controller.handle(event, now: PlayerControllerTests.at(1))
  }

  /// Opens the Kestrel Dawn's first deck with the bridge revealed.
  mutating func openEncounter(_ more: Command...) throws {
    try publish(.switchView(.encounter, locationSlug: "kestrel_dawn", viewSlug: ""))
    for command in more { try publish(command) }
  }

  /// Presses `keys` in order and returns every effect they asked for.
  mutating func press(_ keys: TerminalInput...) -> [GMConsoleEffect] {
    keys.flatMap { controller.key($0) }
  }

  /// Types `text` character by character.
  mutating func type(_ text: String) -> [GMConsoleEffect] {
    text.flatMap { controller.key(.character($0)) }
  }

  /// The writes among `effects`.
  static func writes(_ effects: [GMConsoleEffect]) -> [GMWrite] {
    effects.compactMap { effect in
      if case .write(let write) = effect { return write }
      return nil
    }
  }

  /// `GET /api/locations/` for the campaign, as the server answers it.
  func locationsJSON() -> JSONValue {
    let entries: [JSONValue] = campaign.locations.values.sorted { $0.slug < $1.slug }.map { location in
      [
        "slug": .string(location.slug), "name": .string(location.name), "path": .string(location.pathString),
        "has_map": .bool(location.map != nil),
        "terminals": .array(
          location.terminals.values.sorted { $0.slug < $1.slug }.map { terminal in
            ["slug": .string(terminal.slug), "owner": .string(terminal.owner)]
          }),
      ]
    }
    return ["locations": .array(entries)]
  }
}
