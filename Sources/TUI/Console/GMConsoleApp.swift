import BulkheadCanvas
import BulkheadCore
import Foundation
import SSEClient

/// The GM console: a ``GMConsoleProgram`` run by the same ``DisplayLoop`` as the player display, its reads and
/// writes sent through ``api``.
public struct GMConsoleApp: Sendable {
  /// How to connect; the role is the GM's, so the banner comes after ``ConnectionHealth/gmThreshold`` failures.
  public let configuration: PlayerConfiguration
  /// The REST side of the server.
  public let api: any GMServerAPI
  /// Whether a token is stored; without one the console asks for the user and password first.
  public let loggedIn: Bool
  /// Where frames go.
  public let output: any FrameOutput
  /// The frames of the live view's panels: the theme's choice.
  public let panels: BoxGlyphs?
  /// Where one-line diagnostics go (never the terminal the console draws on).
  public let log: @Sendable (String) -> Void

  /// A console for `configuration` that reads and writes through `api` and draws into `output`.
  public init(
    configuration: PlayerConfiguration, api: any GMServerAPI, loggedIn: Bool, output: any FrameOutput,
    panels: BoxGlyphs? = nil, log: @escaping @Sendable (String) -> Void = { _ in }
  ) {
    var configuration = configuration
    configuration.role = .gm
    self.configuration = configuration
    self.api = api
    self.loggedIn = loggedIn
    self.output = output
    self.panels = panels
    self.log = log
  }

  /// Runs until the GM quits, the terminal ends, the output wants no more frames or the task is cancelled; returns
  /// why it stopped.
  @discardableResult
  public func run() async -> String {
    let program = GMConsoleProgram(
      controller: GMConsoleController(
        pollInterval: configuration.pollInterval, eventLimit: configuration.maxEventBytes),
      loggedIn: loggedIn, panels: panels)
    let requests = GMConsoleRequests(api: api, log: log)
    return await DisplayLoop(
      program: program, eventSource: configuration.eventSource, output: output, perform: requests.perform, log: log
    ).run()
  }
}
