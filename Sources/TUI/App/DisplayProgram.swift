import BulkheadCanvas
import SSEClient

/// What a display's controller is to the one ``DisplayLoop``: a model folded from inputs, the effects each input asks
/// for, and the frame drawn from the model. The player display (``PlayerProgram``) and the GM console
/// (``GMConsoleProgram``) are the two programs.
public protocol DisplayProgram: Sendable {
  /// What a frame is drawn from; a frame is drawn only when it changed.
  associatedtype Model: Equatable & Sendable
  /// What the controller asks the loop to do.
  associatedtype Effect: Sendable
  /// The answer to a request an effect started, fed back to the controller as an input.
  associatedtype Answer: Sendable

  /// The state the next frame shows.
  var model: Model { get }

  /// The effects of starting at local time `hour`:`minute`.
  mutating func start(hour: Int, minute: Int, now: ContinuousClock.Instant) -> [Effect]
  /// Folds in an update of the event stream; returns the effects and the frame's reason.
  mutating func handle(_ update: EventSourceUpdate, now: ContinuousClock.Instant) -> (effects: [Effect], reason: String)
  /// Folds in a key or a mouse report on a `width` × `height` terminal; returns the effects and the frame's reason.
  mutating func input(_ input: TerminalInput, width: Int, height: Int) -> (effects: [Effect], reason: String)
  /// The one-second tick at local time `hour`:`minute`.
  mutating func tick(hour: Int, minute: Int, now: ContinuousClock.Instant) -> [Effect]
  /// Folds in the answer to a request; returns the effects and the frame's reason.
  mutating func answered(_ answer: Answer, now: ContinuousClock.Instant) -> (effects: [Effect], reason: String)

  /// The frame of the current model on a `width` × `height` output.
  func render(width: Int, height: Int, glyphs: GlyphSet, portraitMode: PortraitMode) -> Canvas

  /// What the loop does with `effect` itself; ``LoopAction/request`` sends it to the loop's requests.
  static func action(for effect: Effect) -> LoopAction
}

/// What the loop does with an effect.
public enum LoopAction: Sendable, Equatable {
  /// End the loop.
  case quit
  /// Clear the output and draw the next frame in full.
  case repaint
  /// Write a diagnostic line.
  case log(String)
  /// Start the effect's request in a child task; its answer comes back as an input.
  case request
}
