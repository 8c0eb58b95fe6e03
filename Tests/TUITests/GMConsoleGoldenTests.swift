import BulkheadCore
import Foundation
import SSEClient
import Testing

@testable import BulkheadCanvas
@testable import BulkheadTUI

/// Whole GM console frames compared exactly with the text files in `Golden/` (`gm-console-<scene>-<W>x<H>-<glyphs>`),
/// at 120×40 and 160×48, following ``GoldenFrameTests``' convention: a missing file, or `BULKHEAD_RECORD_GOLDEN=1`,
/// records the frame and fails the test.
///
/// The models are built as the console gets them: the demo campaign's commands go through the ``Reducer``, the
/// payload reaches the controller as a stream event, and keys go through ``GMConsoleController/key(_:)``.
struct GMConsoleGoldenTests {
  /// A state of the console.
  enum Scene: String, CaseIterable, Sendable {
    /// The demo encounter, cursor on the creature in the fogged EVA PREP, after its reveal was sent.
    case encounter
    /// A token picked up and carried two cells, with the broadcast ticker below the map.
    case carry
    /// The location list focused on the Kestrel Dawn.
    case locations
    /// The NPC list with a portrait shown.
    case npcs
    /// A broadcast being typed.
    case broadcastPrompt = "broadcast-prompt"
    /// The key help.
    case help
    /// STANDBY without a login: the console asks for the user.
    case login
    /// A refused write's message on the status line while the connection is lost: the GM banner.
    case connectionLost = "connection-lost"
  }

  /// The sizes every scene is drawn at.
  static let sizes = [(width: 120, height: 40), (width: 160, height: 48)]

  @Test(arguments: Scene.allCases)
  func frames(_ scene: Scene) throws {
    let model = try Self.model(scene)
    for size in Self.sizes {
      try Self.compare(model, scene: scene.rawValue, width: size.width, height: size.height, glyphs: .unicode)
    }
  }

  @Test func asciiFrames() throws {
    let model = try Self.model(.encounter)
    for size in Self.sizes {
      try Self.compare(model, scene: "encounter", width: size.width, height: size.height, glyphs: .ascii)
    }
  }

  @Test func tooSmall() throws {
    try Self.compare(try Self.model(.encounter), scene: "too-small", width: 90, height: 24, glyphs: .unicode)
  }

  /// The console's model in `scene`.
  static func model(_ scene: Scene) throws -> GMConsoleModel {
    var fixture = try GMConsoleFixture(loggedIn: scene != .login)
    switch scene {
    case .login:
      _ = fixture.type("gm")
    case .encounter, .carry, .locations, .npcs, .broadcastPrompt, .help, .connectionLost:
      for command in GoldenFrameTests.demoEncounter { try fixture.publish(command) }
    }
    switch scene {
    case .encounter:
      for _ in 0..<19 { _ = fixture.press(.right) }
      for _ in 0..<7 { _ = fixture.press(.down) }
      _ = fixture.press(.character("r"))
    case .carry:
      _ = fixture.controller.fetched(
        .messages(since: 0), .success(try JSONParser.parse(Self.messages)), now: PlayerControllerTests.at(1))
      _ = fixture.press(.left, .down)
      _ = fixture.press(.character("m"), .right, .right, .down)
    case .locations:
      _ = fixture.press(.character("v"))
    case .npcs:
      _ = fixture.press(.character("p"), .down)
    case .broadcastPrompt:
      _ = fixture.press(.character("b"))
      _ = fixture.type("All hands: seal the bulkheads on deck 2 and report to the galley")
    case .help:
      _ = fixture.press(.character("?"))
    case .connectionLost:
      let write = try #require(GMConsoleFixture.writes(fixture.press(.character("d"))).first)
      _ = fixture.controller.written(write, .failure(.refused(status: 400, message: "Unknown connection")))
      var health = ConnectionHealth(threshold: ConnectionHealth.gmThreshold)
      health.recordFailure()
      health.recordFailure()
      _ = fixture.controller.handle(.health(health), now: PlayerControllerTests.at(2))
      _ = fixture.controller.handle(
        .state(.waiting(attempt: 3, delay: .seconds(4), reason: "refused")), now: PlayerControllerTests.at(2))
    case .login:
      break
    }
    return fixture.controller.model
  }

  /// Two broadcasts, newest first, as `GET /api/messages/` answers.
  static let messages = """
    {"count": 2, "messages": [
    {"id": 2, "sender": "CHARON", "priority": "HIGH", "created_at": "2025-11-28 21:01:40",
     "content": "Unidentified motion in EVA PREP."},
    {"id": 1, "sender": "CHARON", "priority": "LOW", "created_at": "2025-11-28 20:41:09",
     "content": "Galley dispenser restocked."}]}
    """

  /// Renders `model` and compares it with `Golden/gm-console-<scene>-<W>x<H>-<glyphs>.txt`; records the file (and
  /// fails) when it is missing or `BULKHEAD_RECORD_GOLDEN=1`.
  static func compare(_ model: GMConsoleModel, scene: String, width: Int, height: Int, glyphs: GlyphSet) throws {
    let frame = TextScreen.plain(GMConsoleFrame.render(model, width: width, height: height, glyphs: glyphs)) + "\n"
    let name = "gm-console-\(scene)-\(width)x\(height)-\(glyphs).txt"
    let file = GoldenFrameTests.goldenFolder.appendingPathComponent(name)
    let recording = ProcessInfo.processInfo.environment["BULKHEAD_RECORD_GOLDEN"] == "1"
    guard !recording, let golden = try? String(contentsOf: file, encoding: .utf8) else {
      try FileManager.default.createDirectory(at: GoldenFrameTests.goldenFolder, withIntermediateDirectories: true)
      try frame.write(to: file, atomically: true, encoding: .utf8)
      Issue.record("recorded Golden/\(name): review the frame, then run the tests again without recording")
      return
    }
    #expect(
      frame == golden, "\(name) differs from its golden file:\n\(GoldenFrameTests.firstDifference(frame, golden))")
  }
}
