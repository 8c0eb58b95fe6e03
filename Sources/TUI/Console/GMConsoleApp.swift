import BulkheadCanvas
import BulkheadCore
import Foundation
import SSEClient

/// The GM console's loop: stream updates, REST answers, clock ticks, keys and mouse reports are folded into the
/// model in one place, and frames are drawn — the same shape as ``PlayerApp``.
///
/// Bursts coalesce: a frame is drawn once the inputs already queued are handled, so the last state is always drawn.
/// Between inputs the loop sleeps; the only timer is a one-second tick.
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

  /// One input of the loop.
  enum Input: Sendable {
    case stream(EventSourceUpdate)
    case terminal(TerminalEvent)
    case tick
    case fetched(PlayerResource, Result<JSONValue, ServerAPIError>)
    case loaded(GMConsoleResource, Result<JSONValue, ServerAPIError>)
    case written(GMWrite, Result<JSONValue, ServerAPIError>)
    case loggedIn(user: String, Result<Void, ServerAPIError>)
    case portrait(PortraitSource, PortraitArt?)
    case render
  }

  /// Runs until the GM quits, the terminal ends, the output wants no more frames or the task is cancelled; returns
  /// why it stopped.
  @discardableResult
  public func run() async -> String {
    let (inputs, continuation) = AsyncStream.makeStream(of: Input.self)
    let tasks = LoopFeeds.start(
      configuration.eventSource, output: output, into: continuation, stream: { .stream($0) }, tick: .tick,
      terminal: { .terminal($0) })
    defer {
      for task in tasks { task.cancel() }
      continuation.finish()
    }
    var controller = GMConsoleController(
      pollInterval: configuration.pollInterval, eventLimit: configuration.maxEventBytes)
    let time = PlayerApp.localTime()
    perform(controller.start(hour: time.hour, minute: time.minute, now: .now, loggedIn: loggedIn), continuation)
    var schedule = FrameSchedule<GMConsoleModel>()
    continuation.yield(.render)
    for await input in inputs {
      let now = ContinuousClock.now
      var effects: [GMConsoleEffect] = []
      switch input {
      case .render:
        let size = output.size
        let canvas = GMConsoleFrame.render(
          controller.model, width: size.width, height: size.height, glyphs: output.glyphs, panels: panels,
          portraitMode: PortraitMode.choose(depth: output.colorDepth, glyphs: output.glyphs))
        if !output.show(canvas, reason: schedule.drawing(controller.model)) { return "frame limit reached" }
        continue
      case .stream(let update):
        if let line = update.logLine { log(line) }
        let before = controller.model.view
        effects = controller.handle(update, now: now)
        schedule.note(PlayerApp.reason(for: update, before: before, after: controller.model.view))
      case .terminal(.input(.mouse(let mouse))):
        let size = output.size
        effects = controller.mouse(mouse, width: size.width, height: size.height)
        schedule.note("mouse")
      case .terminal(.input(let key)):
        effects = controller.key(key)
        schedule.note("key")
      case .terminal(.resized):
        schedule.invalidate()
        schedule.note("resize")
      case .terminal(.ended(let why)):
        return why
      case .tick:
        let time = PlayerApp.localTime()
        effects = controller.tick(hour: time.hour, minute: time.minute, now: now)
        schedule.note("clock")
      case .fetched(let resource, let result):
        if case .failure(let error) = result { log("\(resource.path): \(error)") }
        effects = controller.fetched(resource, result, now: now)
        schedule.note("fetched")
      case .loaded(let resource, let result):
        if case .failure(let error) = result { log("\(resource.path): \(error)") }
        effects = controller.loaded(resource, result)
        schedule.note("fetched")
      case .written(let write, let result):
        if case .failure(let error) = result { log("\(write.endpoint.rawValue): \(error)") }
        effects = controller.written(write, result)
        schedule.note("answer")
      case .loggedIn(let user, let result):
        effects = controller.loggedIn(user: user, result)
        schedule.note("login")
      case .portrait(let source, let art):
        effects = controller.portraitLoaded(source, art)
        schedule.note("portrait")
      }
      if effects.contains(.quit) { return "quit" }
      if effects.contains(.repaint) { schedule.invalidate() }
      perform(effects, continuation)
      if schedule.needsFrame(for: controller.model) { continuation.yield(.render) }
    }
    return "cancelled"
  }

  /// Starts the requests `effects` ask for; their answers come back as inputs.
  private func perform(_ effects: [GMConsoleEffect], _ continuation: AsyncStream<Input>.Continuation) {
    for effect in effects {
      switch effect {
      case .view(.fetch(let resource)):
        Task { continuation.yield(.fetched(resource, await api.result(ofGet: resource.path))) }
      case .view(.fetchPortrait(let source)):
        let loader = PortraitLoader(api: api, log: log)
        Task { continuation.yield(.portrait(source, await loader.load(source))) }
      case .view(.send(let command, let refresh)):
        Task {
          let path = command.endpoint.rawValue
          if case .failure(let error) = await post(path, body: command.body, authenticated: false) {
            log("\(path): \(error)")
          }
          if let refresh { continuation.yield(.fetched(refresh, await api.result(ofGet: refresh.path))) }
        }
      case .load(let resource):
        Task { continuation.yield(.loaded(resource, await api.result(ofGet: resource.path))) }
      case .write(let write):
        Task {
          continuation.yield(
            .written(write, await post(write.endpoint.rawValue, body: write.body, authenticated: true)))
        }
      case .logIn(let user, let password):
        Task { continuation.yield(.loggedIn(user: user, await logIn(user: user, password: password))) }
      case .view(.log(let line)):
        log(line)
      case .view(.repaint), .repaint:
        output.repaint()
      case .view(.quit), .quit:
        break
      }
    }
  }

  /// `POST path` with `body` — a GM write when `authenticated`, else a public action — as a `Result`.
  private func post(_ path: String, body: JSONValue, authenticated: Bool) async -> Result<JSONValue, ServerAPIError> {
    do throws(ServerAPIError) {
      return .success(authenticated ? try await api.write(path, body: body) : try await api.post(path, body: body))
    } catch {
      return .failure(error)
    }
  }

  /// The login as a `Result`.
  private func logIn(user: String, password: String) async -> Result<Void, ServerAPIError> {
    do throws(ServerAPIError) {
      try await api.logIn(user: user, password: password)
      return .success(())
    } catch {
      return .failure(error)
    }
  }
}
