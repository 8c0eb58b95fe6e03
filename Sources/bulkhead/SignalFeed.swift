import Dispatch
import Foundation

/// Turns SIGINT and SIGTERM into calls of a handler instead of ending the process at once, so that a command can
/// finish what it was writing and then exit with 128 + the signal's number (130, 143).
final class SignalFeed: Sendable {
  /// The signals handled.
  static let signals: [Int32] = [SIGINT, SIGTERM]

  private nonisolated(unsafe) let sources: [any DispatchSourceSignal]

  /// Calls `handler` with the signal's number each time one of ``signals`` arrives, until ``stop()``.
  init(_ handler: @escaping @Sendable (Int32) -> Void) {
    sources = Self.signals.map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { handler(number) }
      source.resume()
      return source
    }
  }

  /// Stops handling the signals and gives them back their default action.
  func stop() {
    for source in sources { source.cancel() }
    for number in Self.signals { signal(number, SIG_DFL) }
  }
}
