import Dispatch
import Foundation

/// Ends `bulkhead serve` when a graceful shutdown does not finish in time.
///
/// SIGTERM and SIGINT start the server's graceful shutdown (ServiceLifecycle handles them on its own). This adds a
/// second handler for the same signals, on a Dispatch queue outside Swift's cooperative pool, that exits the process
/// if it is still running `grace` later: a task stuck on a lock, or a pool whose threads are all blocked, can no
/// longer keep a server alive that was told to stop. A second signal exits at once.
enum ShutdownDeadline {
  /// The queue the handlers run on: a Dispatch worker, never a cooperative-pool thread.
  private static let queue = DispatchQueue(label: "bulkhead.shutdown-deadline")

  /// The Dispatch sources, made once and kept for the life of the process.
  private nonisolated(unsafe) static var sources: [any DispatchSourceSignal] = []

  /// Arms the deadline for SIGTERM and SIGINT; `warn` is told, once, why the process exits.
  static func install(grace: DispatchTimeInterval, warn: @escaping @Sendable (String) -> Void) {
    queue.sync {
      guard sources.isEmpty else { return }
      var signalled = 0
      sources = [SIGTERM, SIGINT].map { signalNumber in
        signal(signalNumber, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
        source.setEventHandler {
          signalled += 1
          if signalled > 1 {
            warn("a second signal during shutdown: exiting now")
            _exit(128 + signalNumber)
          }
          queue.asyncAfter(deadline: .now() + grace) {
            warn("the graceful shutdown did not finish in time: exiting")
            _exit(128 + signalNumber)
          }
        }
        source.resume()
        return source
      }
    }
  }
}
