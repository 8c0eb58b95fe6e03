import BulkheadCanvas
import Foundation
import SSEClient

/// The one loop of the player display and the GM console: stream updates, answers, clock ticks and terminal input
/// are folded into the program's model in one place, and frames are drawn.
///
/// Bursts coalesce: a frame is drawn once the inputs already queued are handled, so the last state is always drawn
/// and a burst of events costs one frame. Between inputs the loop sleeps; the only timer is a one-second tick.
/// Everything the loop starts — the stream, the tick, the terminal's events, each request — is a child task of its
/// task group: when ``run()`` returns, none of them is left running.
public struct DisplayLoop<Program: DisplayProgram>: Sendable {
  /// The event stream to follow.
  public let eventSource: EventSourceConfiguration
  /// Where frames go.
  public let output: any FrameOutput
  /// Where one-line diagnostics go (never the terminal the display draws on).
  public let log: @Sendable (String) -> Void
  /// Called with the model of every frame drawn, e.g. by a scripted demo that waits for the display.
  public let onFrame: @Sendable (Program.Model) -> Void
  /// Carries out a request effect (a REST call, a portrait load) and returns its answer, if it has one.
  public let perform: @Sendable (Program.Effect) async -> Program.Answer?
  private let program: Program

  /// A loop running `program` on `output`, following `eventSource`, with `perform` for its requests.
  public init(
    program: Program, eventSource: EventSourceConfiguration, output: any FrameOutput,
    perform: @escaping @Sendable (Program.Effect) async -> Program.Answer?,
    log: @escaping @Sendable (String) -> Void = { _ in },
    onFrame: @escaping @Sendable (Program.Model) -> Void = { _ in }
  ) {
    self.program = program
    self.eventSource = eventSource
    self.output = output
    self.perform = perform
    self.log = log
    self.onFrame = onFrame
  }

  /// One input of the loop.
  private enum Input: Sendable {
    case stream(EventSourceUpdate)
    case terminal(TerminalEvent)
    case tick
    case answer(Program.Answer)
    case render
  }

  /// Runs until the output wants no more frames, the user quits, the terminal ends, or the task is cancelled;
  /// returns why it stopped. Every task it started has ended when it returns.
  @discardableResult
  public func run() async -> String {
    let (inputs, continuation) = AsyncStream.makeStream(of: Input.self)
    return await withTaskGroup(of: Void.self) { group in
      defer { continuation.finish() }
      let source = EventSource(configuration: eventSource)
      group.addTask { for await update in source.updates() { continuation.yield(.stream(update)) } }
      group.addTask {
        while !Task.isCancelled {
          try? await Task.sleep(for: .seconds(1))
          continuation.yield(.tick)
        }
      }
      if let events = output.events {
        group.addTask { for await event in events { continuation.yield(.terminal(event)) } }
      }
      let why = await loop(inputs, continuation, &group)
      group.cancelAll()
      return why
    }
  }

  private func loop(
    _ inputs: AsyncStream<Input>, _ continuation: AsyncStream<Input>.Continuation,
    _ group: inout TaskGroup<Void>
  ) async -> String {
    var program = program
    let time = Self.localTime()
    start(program.start(hour: time.hour, minute: time.minute, now: .now), continuation, &group)
    var schedule = FrameSchedule<Program.Model>()
    continuation.yield(.render)
    for await input in inputs {
      let now = ContinuousClock.now
      let effects: [Program.Effect]
      switch input {
      case .render:
        let size = output.size
        let canvas = program.render(
          width: size.width, height: size.height, glyphs: output.glyphs,
          portraitMode: PortraitMode.choose(depth: output.colorDepth, glyphs: output.glyphs))
        let more = output.show(canvas, reason: schedule.drawing(program.model))
        onFrame(program.model)
        if !more { return "frame limit reached" }
        continue
      case .stream(let update):
        if let line = update.logLine { log(line) }
        let handled = program.handle(update, now: now)
        effects = handled.effects
        schedule.note(handled.reason)
      case .terminal(.input(let key)):
        let size = output.size
        let handled = program.input(key, width: size.width, height: size.height)
        effects = handled.effects
        schedule.note(handled.reason)
      case .terminal(.resized):
        schedule.invalidate()
        schedule.note("resize")
        effects = []
      case .terminal(.ended(let why)):
        return why
      case .tick:
        let time = Self.localTime()
        effects = program.tick(hour: time.hour, minute: time.minute, now: now)
        schedule.note("clock")
      case .answer(let answer):
        let handled = program.answered(answer, now: now)
        effects = handled.effects
        schedule.note(handled.reason)
      }
      if effects.contains(where: { Program.action(for: $0) == .quit }) { return "quit" }
      if effects.contains(where: { Program.action(for: $0) == .repaint }) { schedule.invalidate() }
      start(effects, continuation, &group)
      if schedule.needsFrame(for: program.model) { continuation.yield(.render) }
    }
    return "cancelled"
  }

  /// Carries out `effects` (the loop has looked for ``LoopAction/quit`` already): requests start as child tasks whose
  /// answers come back as inputs.
  private func start(
    _ effects: [Program.Effect], _ continuation: AsyncStream<Input>.Continuation, _ group: inout TaskGroup<Void>
  ) {
    for effect in effects {
      switch Program.action(for: effect) {
      case .quit:
        break
      case .repaint:
        output.repaint()
      case .log(let line):
        log(line)
      case .request:
        let perform = perform
        group.addTask {
          if let answer = await perform(effect) { continuation.yield(.answer(answer)) }
        }
      }
    }
  }

  /// The local hour and minute.
  static func localTime() -> (hour: Int, minute: Int) {
    let parts = Calendar.current.dateComponents([.hour, .minute], from: Date())
    return (parts.hour ?? 0, parts.minute ?? 0)
  }
}
