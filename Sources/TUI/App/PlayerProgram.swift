import BulkheadCanvas
import BulkheadCore
import SSEClient

/// The player display as a ``DisplayProgram``: the ``PlayerController`` and the frame drawn from its model.
public struct PlayerProgram: DisplayProgram {
  /// The answers to the display's requests.
  public enum Answer: Sendable {
    /// A REST read answered (or failed).
    case fetched(PlayerResource, Result<JSONValue, ServerAPIError>)
    /// A portrait was loaded (`nil`: it could not be).
    case portrait(PortraitSource, PortraitArt?)
  }

  /// The controller the inputs go to.
  public private(set) var controller: PlayerController
  /// The frames of the standby panel and the portrait cards: the theme's choice.
  public let panels: BoxGlyphs?

  /// The program of `controller`, framing its panels with `panels` (the glyph set's own box when `nil`).
  public init(controller: PlayerController, panels: BoxGlyphs?) {
    self.controller = controller
    self.panels = panels
  }

  public var model: PlayerModel { controller.model }

  public mutating func start(hour: Int, minute: Int, now: ContinuousClock.Instant) -> [PlayerEffect] {
    controller.start(hour: hour, minute: minute, now: now)
  }

  public mutating func handle(
    _ update: EventSourceUpdate, now: ContinuousClock.Instant
  ) -> (effects: [PlayerEffect], reason: String) {
    let before = controller.model
    let effects = controller.handle(update, now: now)
    return (effects, Self.reason(for: update, before: before, after: controller.model))
  }

  public mutating func input(
    _ input: TerminalInput, width: Int, height: Int
  ) -> (effects: [PlayerEffect], reason: String) {
    (controller.key(input), "key")
  }

  public mutating func tick(hour: Int, minute: Int, now: ContinuousClock.Instant) -> [PlayerEffect] {
    controller.tick(hour: hour, minute: minute, now: now)
  }

  public mutating func answered(_ answer: Answer, now: ContinuousClock.Instant) -> (
    effects: [PlayerEffect], reason: String
  ) {
    switch answer {
    case .fetched(let resource, let result):
      var effects: [PlayerEffect] = []
      if case .failure(let error) = result { effects.append(.log("\(resource.path): \(error)")) }
      return (effects + controller.fetched(resource, result, now: now), "fetched")
    case .portrait(let source, let art):
      return (controller.portraitLoaded(source, art), "portrait")
    }
  }

  public func render(width: Int, height: Int, glyphs: GlyphSet, portraitMode: PortraitMode) -> Canvas {
    PlayerFrame.render(
      controller.model, width: width, height: height, glyphs: glyphs, panels: panels, portraitMode: portraitMode)
  }

  public static func action(for effect: PlayerEffect) -> LoopAction {
    switch effect {
    case .quit: .quit
    case .repaint: .repaint
    case .log(let line): .log(line)
    case .fetch, .fetchPortrait, .send: .request
    }
  }

  /// What a stream update changed, as a frame's reason.
  static func reason(for update: EventSourceUpdate, before: PlayerModel, after: PlayerModel) -> String {
    if before.connectionLost != after.connectionLost { return after.connectionLost ? "lost" : "restored" }
    switch update {
    case .event: return "event"
    case .state(.waiting): return "waiting"
    default: return "connection"
    }
  }
}
