import BulkheadCanvas
import BulkheadCore
import SSEClient

/// The GM console as a ``DisplayProgram``: the ``GMConsoleController`` and the frame drawn from its model.
public struct GMConsoleProgram: DisplayProgram {
  /// The answers to the console's requests.
  public enum Answer: Sendable {
    /// A read of the live view answered (or failed).
    case fetched(PlayerResource, Result<JSONValue, ServerAPIError>)
    /// A read of the console's own lists answered (or failed).
    case loaded(GMConsoleResource, Result<JSONValue, ServerAPIError>)
    /// A GM write answered (or failed).
    case written(GMWrite, Result<JSONValue, ServerAPIError>)
    /// The login as `user` succeeded or failed.
    case loggedIn(user: String, Result<Void, ServerAPIError>)
    /// A portrait was loaded (`nil`: it could not be).
    case portrait(PortraitSource, PortraitArt?)
  }

  /// The controller the inputs go to.
  public private(set) var controller: GMConsoleController
  /// Whether a token is stored; without one the console asks for the user and password first.
  public let loggedIn: Bool
  /// The frames of the live view's panels: the theme's choice.
  public let panels: BoxGlyphs?

  /// The program of `controller`, logged in or not, framing the live view's panels with `panels`.
  public init(controller: GMConsoleController, loggedIn: Bool, panels: BoxGlyphs?) {
    self.controller = controller
    self.loggedIn = loggedIn
    self.panels = panels
  }

  public var model: GMConsoleModel { controller.model }

  public mutating func start(hour: Int, minute: Int, now: ContinuousClock.Instant) -> [GMConsoleEffect] {
    controller.start(hour: hour, minute: minute, now: now, loggedIn: loggedIn)
  }

  public mutating func handle(
    _ update: EventSourceUpdate, now: ContinuousClock.Instant
  ) -> (effects: [GMConsoleEffect], reason: String) {
    let before = controller.model.view
    let effects = controller.handle(update, now: now)
    return (effects, PlayerProgram.reason(for: update, before: before, after: controller.model.view))
  }

  public mutating func input(
    _ input: TerminalInput, width: Int, height: Int
  ) -> (effects: [GMConsoleEffect], reason: String) {
    if case .mouse(let mouse) = input { return (controller.mouse(mouse, width: width, height: height), "mouse") }
    return (controller.key(input), "key")
  }

  public mutating func tick(hour: Int, minute: Int, now: ContinuousClock.Instant) -> [GMConsoleEffect] {
    controller.tick(hour: hour, minute: minute, now: now)
  }

  public mutating func answered(_ answer: Answer, now: ContinuousClock.Instant) -> (
    effects: [GMConsoleEffect], reason: String
  ) {
    switch answer {
    case .fetched(let resource, let result):
      return (Self.logged(result, resource.path) + controller.fetched(resource, result, now: now), "fetched")
    case .loaded(let resource, let result):
      return (Self.logged(result, resource.path) + controller.loaded(resource, result), "fetched")
    case .written(let write, let result):
      return (Self.logged(result, write.endpoint.rawValue) + controller.written(write, result), "answer")
    case .loggedIn(let user, let result):
      return (controller.loggedIn(user: user, result), "login")
    case .portrait(let source, let art):
      return (controller.portraitLoaded(source, art), "portrait")
    }
  }

  public func render(width: Int, height: Int, glyphs: GlyphSet, portraitMode: PortraitMode) -> Canvas {
    GMConsoleFrame.render(
      controller.model, width: width, height: height, glyphs: glyphs, panels: panels, portraitMode: portraitMode)
  }

  public static func action(for effect: GMConsoleEffect) -> LoopAction {
    switch effect {
    case .view(.quit), .quit: .quit
    case .view(.repaint), .repaint: .repaint
    case .view(.log(let line)): .log(line)
    case .view(.fetch), .view(.fetchPortrait), .view(.send), .load, .write, .logIn: .request
    }
  }

  /// A log line for a failed request to `path`, as an effect; none when it succeeded.
  private static func logged(_ result: Result<JSONValue, ServerAPIError>, _ path: String) -> [GMConsoleEffect] {
    guard case .failure(let error) = result else { return [] }
    return [.view(.log("\(path): \(error)"))]
  }
}
