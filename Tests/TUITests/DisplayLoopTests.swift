import BulkheadCanvas
import SSEClient
import Synchronization
import Testing

@testable import BulkheadTUI

/// The one display loop owns what it starts: when it returns, no request, stream or tick task is left running.
struct DisplayLoopTests {
  /// A program that asks for a request that never answers on start, and quits on any key.
  struct HangingProgram: DisplayProgram {
    enum Effect: Sendable, Equatable {
      case hang
      case quit
    }

    var model = 0

    mutating func start(hour: Int, minute: Int, now: ContinuousClock.Instant) -> [Effect] { [.hang] }
    mutating func handle(_ update: EventSourceUpdate, now: ContinuousClock.Instant) -> (
      effects: [Effect], reason: String
    ) { ([], "event") }
    mutating func input(_ input: TerminalInput, width: Int, height: Int) -> (effects: [Effect], reason: String) {
      ([.quit], "key")
    }
    mutating func tick(hour: Int, minute: Int, now: ContinuousClock.Instant) -> [Effect] { [] }
    mutating func answered(_ answer: Int, now: ContinuousClock.Instant) -> (effects: [Effect], reason: String) {
      model = answer
      return ([], "answer")
    }
    func render(width: Int, height: Int, glyphs: GlyphSet, portraitMode: PortraitMode) -> Canvas {
      Canvas(width: width, height: height)
    }
    static func action(for effect: Effect) -> LoopAction { effect == .quit ? .quit : .request }
  }

  /// An output whose terminal sends one key once the first frame is shown.
  final class KeyAfterFirstFrame: FrameOutput {
    let size = (width: 20, height: 5)
    let glyphs = GlyphSet.ascii
    let colorDepth = ColorDepth.none
    let events: AsyncStream<TerminalEvent>?
    private let continuation: AsyncStream<TerminalEvent>.Continuation
    let frames = Mutex(0)

    init() {
      let (events, continuation) = AsyncStream.makeStream(of: TerminalEvent.self)
      self.events = events
      self.continuation = continuation
    }

    func show(_ canvas: Canvas, reason: String) -> Bool {
      if frames.withLock({ count in
        count += 1
        return count == 1
      }) {
        continuation.yield(.input(.character("q")))
      }
      return true
    }

    func repaint() {}
  }

  @Test("quitting ends the loop, and the request still waiting for its answer is cancelled before run() returns")
  func nothingOutlivesTheLoop() async {
    let cancelled = Mutex(false)
    let started = Mutex(false)
    let output = KeyAfterFirstFrame()
    let loop = DisplayLoop(
      program: HangingProgram(), eventSource: EventSourceConfiguration(url: "http://127.0.0.1:9/"), output: output,
      perform: { _ in
        started.withLock { $0 = true }
        await withTaskCancellationHandler {
          try? await Task.sleep(for: .seconds(3600))
        } onCancel: {
          cancelled.withLock { $0 = true }
        }
        return nil
      })
    let why = await loop.run()
    #expect(why == "quit")
    #expect(output.frames.withLock { $0 } >= 1)
    #expect(started.withLock { $0 })
    #expect(cancelled.withLock { $0 })
  }
}
