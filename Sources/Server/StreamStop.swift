import Synchronization

/// Ends one stream's write loop promptly: when its client goes away, when the broadcaster
/// drops it as too slow, or at shutdown, even while a write waits on a client that does not read.
final class StreamStop: Sendable {
  /// Why the stream stopped.
  enum Reason: Sendable {
    case clientGone
    case dropped
    case shutdown
  }

  private let state = Mutex<Reason?>(nil)
  private let signal: AsyncStream<Void>
  private let source: AsyncStream<Void>.Continuation

  init() {
    (signal, source) = AsyncStream.makeStream(of: Void.self)
  }

  /// The first reason given, if the stream was stopped.
  var reason: Reason? { state.withLock { $0 } }

  /// Stops the stream; the first reason wins.
  func stop(_ reason: Reason) {
    state.withLock { if $0 == nil { $0 = reason } }
    source.finish()
  }

  /// Runs `operation` until it returns or the stream is stopped; a stop cancels it.
  func run(_ operation: () async throws -> Void) async throws {
    try await withoutActuallyEscaping(operation) { operation in
      let transfer = UncheckedTransfer(operation)
      let signal = signal
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { for await _ in signal {} }
        group.addTask { try await transfer.value() }
        do {
          try await group.next()
        } catch {
          group.cancelAll()
          throw error
        }
        group.cancelAll()
        while !group.isEmpty {
          // The cancelled side ends with CancellationError or returns; either way it is done.
          _ = try? await group.next()
        }
      }
    }
  }
}

/// Moves a non-Sendable closure into a child task that ends before the closure's owner does.
private struct UncheckedTransfer<Value>: @unchecked Sendable {
  let value: Value

  init(_ value: Value) {
    self.value = value
  }
}
