import Dispatch
import Foundation

/// Ends a headless display at once on SIGTERM, SIGHUP, SIGINT or SIGQUIT, with status 128 + the signal number.
///
/// SIGQUIT is among them so that the Swift runtime's crash report (which would hold the process for 30 s) never
/// shows; the curses display has its own handling in `TerminalSession`.
enum SignalExit {
  /// The signals handled.
  static let signals: [Int32] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT]

  /// The Dispatch sources, made once and kept for the life of the process.
  private nonisolated(unsafe) static let sources: [any DispatchSourceSignal] = signals.map { signalNumber in
    signal(signalNumber, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
    source.setEventHandler { exit(128 + signalNumber) }
    source.resume()
    return source
  }

  /// Starts handling the signals (idempotent).
  static func install() {
    _ = sources
  }
}
