import BulkheadCanvas
import Dispatch
import Glibc
import Synchronization

/// The work handed to the session thread by other threads, and the size it saw; wakes the thread on every post.
final class SessionMailbox: Sendable {
  /// Pending work; the thread takes all of it at once.
  struct Work: Sendable {
    /// The latest canvas not yet drawn.
    var canvas: Canvas?
    /// A new palette not yet drawn with.
    var palette: Palette?
    /// Ctrl-L or ``TerminalSession/repaint()`` asked for a full repaint.
    var repaint = false
    /// SIGWINCH arrived.
    var resize = false
    /// Why the session must end (a signal), if it must.
    var endReason: String?
    /// ``TerminalSession/close()`` asked the thread to stop.
    var stop = false
  }

  /// Everything guarded by the lock.
  private struct State: Sendable {
    var work = Work()
    var size = (width: 0, height: 0)
    var pipeOpen = true
  }

  /// Whether SIGINT and SIGQUIT are ignored and Ctrl-C is an ordinary key.
  let kiosk: Bool
  /// The palette the session starts with.
  let initialPalette: Palette
  /// The read end of the wake-up pipe, polled by the session thread.
  let wakeReader: Int32
  /// The write end of the wake-up pipe; written only under the lock, and never after ``closePipe()``.
  private let wakeWriter: Int32
  private let state: Mutex<State>

  init(palette: Palette, kiosk: Bool, wakeReader: Int32, wakeWriter: Int32) {
    self.kiosk = kiosk
    initialPalette = palette
    self.wakeReader = wakeReader
    self.wakeWriter = wakeWriter
    state = Mutex(State())
  }

  /// Records work and wakes the session thread.
  func post(_ change: (inout Work) -> Void) {
    state.withLock { state in
      change(&state.work)
      guard state.pipeOpen else { return }
      var byte: UInt8 = 1
      _ = write(wakeWriter, &byte, 1)  // a full pipe (EAGAIN) already wakes the thread
    }
  }

  /// Takes all pending work.
  func take() -> Work {
    state.withLock { state in
      defer { state.work = Work() }
      return state.work
    }
  }

  /// Reads and discards every pending wake-up byte.
  func drainWakeUps() {
    var buffer = [UInt8](repeating: 0, count: 256)
    while read(wakeReader, &buffer, buffer.count) > 0 {}
  }

  /// The size the session thread last saw.
  var size: (width: Int, height: Int) {
    state.withLock { $0.size }
  }

  /// Records the size the session thread sees.
  func setSize(_ size: (width: Int, height: Int)) {
    state.withLock { $0.size = size }
  }

  /// Closes both ends of the wake-up pipe; later posts no longer wake anything.
  func closePipe() {
    state.withLock { state in
      guard state.pipeOpen else { return }
      state.pipeOpen = false
      Glibc.close(wakeReader)
      Glibc.close(wakeWriter)
    }
  }

  /// Records what a caught signal means for the session.
  func post(signal: Int32) {
    switch signal {
    case SIGWINCH:
      post { $0.resize = true }
    case SIGTERM, SIGHUP:
      post { $0.endReason = $0.endReason ?? SignalRouter.name(of: signal) }
    case SIGINT, SIGQUIT:
      guard !kiosk else { return }
      post { $0.endReason = $0.endReason ?? SignalRouter.name(of: signal) }
    default:
      break
    }
  }
}
