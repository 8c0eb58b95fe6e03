import BulkheadCanvas
import Dispatch
import Glibc
import Synchronization

/// Catches the process's terminal-related signals (once, for the life of the process) and routes them to the open
/// session's mailbox.
///
/// Each signal is set to SIG_IGN before its Dispatch source is made, so ncurses never installs handlers of its own
/// and no signal takes its default action in between.
final class SignalRouter: Sendable {
  /// The router, made when the first session opens.
  static let shared = SignalRouter()

  /// The signals routed to a session.
  static let handled: [Int32] = [SIGTERM, SIGHUP, SIGQUIT, SIGINT, SIGWINCH, SIGTSTP, SIGTTIN, SIGTTOU]
  /// The signals that end the process when no session is open.
  static let terminating: Set<Int32> = [SIGTERM, SIGHUP, SIGQUIT, SIGINT]

  /// The open session's mailbox.
  private let target = Mutex<SessionMailbox?>(nil)
  /// The Dispatch sources; kept so they stay alive.
  private nonisolated(unsafe) let sources: [any DispatchSourceSignal]

  private init() {
    signal(SIGPIPE, SIG_IGN)
    let queue = DispatchQueue(label: "bulkhead.terminal-signals")
    sources = Self.handled.map { signalNumber in
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
      source.setEventHandler { SignalRouter.shared.route(signalNumber) }
      source.resume()
      return source
    }
  }

  /// Hands a caught signal to the open session, or exits on a terminating signal when none is open.
  private func route(_ signalNumber: Int32) {
    if let mailbox = target.withLock({ $0 }) {
      mailbox.post(signal: signalNumber)
    } else if Self.terminating.contains(signalNumber) {
      _exit(128 + signalNumber)
    }
  }

  /// Routes signals to `mailbox`; `false` when another session's mailbox is attached.
  func attach(_ mailbox: SessionMailbox) -> Bool {
    target.withLock { target in
      guard target == nil else { return false }
      target = mailbox
      return true
    }
  }

  /// Stops routing signals to `mailbox`.
  func detach(_ mailbox: SessionMailbox) {
    target.withLock { target in
      if target === mailbox { target = nil }
    }
  }

  /// Blocks the handled signals on the calling thread, so they never interrupt its terminal output.
  static func blockHandledSignals() {
    var set = sigset_t()
    sigemptyset(&set)
    for signalNumber in handled { sigaddset(&set, signalNumber) }
    pthread_sigmask(SIG_BLOCK, &set, nil)
  }

  /// The conventional name of a signal the router handles, e.g. "SIGTERM".
  static func name(of signalNumber: Int32) -> String {
    switch signalNumber {
    case SIGTERM: "SIGTERM"
    case SIGHUP: "SIGHUP"
    case SIGQUIT: "SIGQUIT"
    case SIGINT: "SIGINT"
    default: "signal \(signalNumber)"
    }
  }
}
