import BulkheadCanvas
import BulkheadCore
import Foundation
import SSEClient

/// The player display's loop: one place where stream updates, REST answers, clock ticks and terminal input are
/// folded into the model, and where frames are drawn.
///
/// Bursts coalesce: a frame is drawn once the inputs already queued are handled, so the last state is always
/// drawn and a burst of events costs one frame. Between inputs the loop sleeps; the only timer is a one-second
/// tick for the clock, the retry countdown and the polls.
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

  /// One input of the loop.
  enum Input: Sendable {
    case stream(EventSourceUpdate)
    case terminal(TerminalEvent)
    case tick
    case fetched(PlayerResource, Result<JSONValue, ServerAPIError>)
    case portrait(PortraitSource, PortraitArt?)
    case render
  }

  /// Runs until the output wants no more frames, the user quits, the terminal ends, or the task is cancelled;
  /// returns why it stopped.
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
    var controller = PlayerController(
      role: configuration.role, allowsQuit: configuration.allowsQuit, pollInterval: configuration.pollInterval,
      eventLimit: configuration.maxEventBytes)
    let time = Self.localTime()
    perform(controller.start(hour: time.hour, minute: time.minute, now: .now), continuation)
    var schedule = FrameSchedule<PlayerModel>()
    continuation.yield(.render)
    for await input in inputs {
      let before = controller.model
      let now = ContinuousClock.now
      var effects: [PlayerEffect] = []
      switch input {
      case .render:
        let size = output.size
        let canvas = PlayerFrame.render(
          controller.model, width: size.width, height: size.height, glyphs: output.glyphs, panels: panels,
          portraitMode: PortraitMode.choose(depth: output.colorDepth, glyphs: output.glyphs))
        let more = output.show(canvas, reason: schedule.drawing(controller.model))
        onFrame(controller.model)
        if !more { return "frame limit reached" }
        continue
      case .stream(let update):
        if let line = update.logLine { log(line) }
        effects = controller.handle(update, now: now)
        schedule.note(Self.reason(for: update, before: before, after: controller.model))
      case .terminal(.input(let key)):
        effects = controller.key(key)
        schedule.note("key")
      case .terminal(.resized):
        schedule.invalidate()
        schedule.note("resize")
      case .terminal(.ended(let why)):
        return why
      case .tick:
        let time = Self.localTime()
        effects = controller.tick(hour: time.hour, minute: time.minute, now: now)
        schedule.note("clock")
      case .fetched(let resource, let result):
        if case .failure(let error) = result { log("\(resource.path): \(error)") }
        effects = controller.fetched(resource, result, now: now)
        schedule.note("fetched")
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
  private func perform(_ effects: [PlayerEffect], _ continuation: AsyncStream<Input>.Continuation) {
    for effect in effects {
      switch effect {
      case .fetch(let resource):
        Task { continuation.yield(.fetched(resource, await api.result(ofGet: resource.path))) }
      case .send(let command, let refresh):
        Task {
          let path = command.endpoint.rawValue
          do throws(ServerAPIError) {
            _ = try await api.post(path, body: command.body)
          } catch {
            log("\(path): \(error)")
          }
          if let refresh { continuation.yield(.fetched(refresh, await api.result(ofGet: refresh.path))) }
        }
      case .fetchPortrait(let source):
        let loader = PortraitLoader(api: api, log: log)
        Task { continuation.yield(.portrait(source, await loader.load(source))) }
      case .log(let line):
        log(line)
      case .repaint:
        output.repaint()
      case .quit:
        break
      }
    }
  }

  /// The local hour and minute.
  static func localTime() -> (hour: Int, minute: Int) {
    let parts = Calendar.current.dateComponents([.hour, .minute], from: Date())
    return (parts.hour ?? 0, parts.minute ?? 0)
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
