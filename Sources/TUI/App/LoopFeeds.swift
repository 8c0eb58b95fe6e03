import BulkheadCanvas
import SSEClient

/// The tasks that feed a display's loop (``PlayerApp``, ``GMConsoleApp``): the event stream's updates, a tick every
/// second, and the terminal's events when the output has a terminal.
enum LoopFeeds {
  /// Starts the feeds into `continuation`, each wrapped into the loop's input; cancel the tasks to stop them.
  static func start<Input: Sendable>(
    _ configuration: EventSourceConfiguration, output: any FrameOutput,
    into continuation: AsyncStream<Input>.Continuation, stream: @escaping @Sendable (EventSourceUpdate) -> Input,
    tick: Input, terminal: @escaping @Sendable (TerminalEvent) -> Input
  ) -> [Task<Void, Never>] {
    let source = EventSource(configuration: configuration)
    var tasks = [
      Task { for await update in source.updates() { continuation.yield(stream(update)) } },
      Task {
        while !Task.isCancelled {
          try? await Task.sleep(for: .seconds(1))
          continuation.yield(tick)
        }
      },
    ]
    if let events = output.events {
      tasks.append(Task { for await event in events { continuation.yield(terminal(event)) } })
    }
    return tasks
  }
}
