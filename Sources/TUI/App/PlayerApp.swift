import BulkheadCanvas
import BulkheadCore
import Foundation
import SSEClient

/// The player display: a ``PlayerProgram`` run by the ``DisplayLoop``, its requests sent through ``api``.
public struct PlayerApp: Sendable {
  /// How to connect.
  public let configuration: PlayerConfiguration
  /// The REST side of the server.
  public let api: any ServerAPI
  /// Where frames go.
  public let output: any FrameOutput
  /// The frames of the standby panel and the portrait cards: the theme's choice.
  public let panels: BoxGlyphs?
  /// Where one-line diagnostics go (never the terminal the display draws on).
  public let log: @Sendable (String) -> Void
  /// Called with the model of every frame drawn, e.g. by a scripted demo that waits for the display.
  public let onFrame: @Sendable (PlayerModel) -> Void

  /// A display for `configuration` that reads REST through `api` and draws into `output`, framing its panels with
  /// `panels` (the glyph set's own box when `nil`).
  public init(
    configuration: PlayerConfiguration, api: any ServerAPI, output: any FrameOutput, panels: BoxGlyphs? = nil,
    log: @escaping @Sendable (String) -> Void = { _ in }, onFrame: @escaping @Sendable (PlayerModel) -> Void = { _ in }
  ) {
    self.configuration = configuration
    self.api = api
    self.output = output
    self.panels = panels
    self.log = log
    self.onFrame = onFrame
  }

  /// Runs until the output wants no more frames, the user quits, the terminal ends, or the task is cancelled;
  /// returns why it stopped.
  @discardableResult
  public func run() async -> String {
    let program = PlayerProgram(
      controller: PlayerController(
        role: configuration.role, allowsQuit: configuration.allowsQuit, pollInterval: configuration.pollInterval,
        eventLimit: configuration.maxEventBytes),
      panels: panels)
    let requests = PlayerRequests(api: api, log: log)
    return await DisplayLoop(
      program: program, eventSource: configuration.eventSource, output: output, perform: requests.perform,
      log: log, onFrame: onFrame
    ).run()
  }
}
