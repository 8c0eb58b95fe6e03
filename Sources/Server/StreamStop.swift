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
  ///
  /// - Returns: true when a stop cut the operation off in the middle (a write that was
  ///   waiting on a client that does not read), false when it ended by itself.
  func run(_ operation: () async throws -> Void) async throws -> Bool {
    try await withoutActuallyEscaping(operation) { operation in
      let transfer = UncheckedTransfer(operation)
      let signal = signal
      return try await withThrowingTaskGroup(of: Bool.self) { group in
        group.addTask {
          for await _ in signal {}
          return true
        }
        group.addTask {
          do {
            try await transfer.value()
            return false
          } catch is CancellationError {
            return true
          }
        }
        let first: Bool?
        do {
          first = try await group.next()
        } catch {
          group.cancelAll()
          throw error
        }
        group.cancelAll()
        var interrupted = false
        while let result = try? await group.next() {
          // The side that did not finish first was cancelled: the operation reports whether
          // it was interrupted; the signal side's `true` only means it was cancelled.
          interrupted = result && first == true
        }
        return interrupted
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
