import BulkheadCanvas
import CNCursesW
import Dispatch
import Foundation
import Glibc

/// Carries what curses sends to the terminal through a pseudo-terminal, so every byte can be copied to a recording.
///
/// ncurses writes its output with write(2) on the output stream's descriptor (a stdio hook such as `fopencookie`
/// never sees it) and sets the terminal's modes on that same descriptor. So a recorded session gives curses the
/// pseudo-terminal's slave as its output: curses sets its modes there, and a relay thread reads the master, writes
/// every byte to the real terminal and then hands the same bytes to `sink`. ``mirrorModes()`` copies curses' input
/// modes (raw, no echo, no signals) to the real terminal, with output processing off there since the pseudo-terminal
/// already did it; ``finish()`` restores the real terminal's modes as they were.
final class PseudoTerminalRelay: Sendable {
  /// The slave as a stream, for `newterm`.
  nonisolated(unsafe) let output: UnsafeMutablePointer<FILE>
  /// The master, read by the relay thread.
  private let master: Int32
  /// The real terminal's descriptor.
  private let terminal: Int32
  /// The real terminal's modes before the relay changed them.
  private let originalModes: termios
  /// Signalled when the relay thread has written everything curses sent.
  private let drained = DispatchSemaphore(value: 0)

  /// The most bytes read from the master at once.
  private static let chunkSize = 16_384

  /// Opens a pseudo-terminal of the real terminal's window size and starts the relay thread.
  ///
  /// - Parameters:
  ///   - terminal: the real terminal's descriptor.
  ///   - size: the window size the pseudo-terminal starts with.
  ///   - sink: gets every byte written to the real terminal, in order, after it was written.
  /// - Throws: ``TerminalSession/OpenError`` when the terminal's modes cannot be read or no pseudo-terminal opens.
  init(
    terminal: Int32 = STDOUT_FILENO, size: (width: Int, height: Int),
    sink: @escaping @Sendable ([UInt8]) -> Void
  ) throws(TerminalSession.OpenError) {
    var modes = termios()
    guard tcgetattr(terminal, &modes) == 0 else {
      throw TerminalSession.OpenError(reason: "cannot read the terminal's modes: \(String(cString: strerror(errno)))")
    }
    var master: Int32 = -1
    var slave: Int32 = -1
    guard bh_open_pty(Int32(size.height), Int32(size.width), &master, &slave) == 0 else {
      throw TerminalSession.OpenError(
        reason: "cannot open a pseudo-terminal for the recording: \(String(cString: strerror(errno)))")
    }
    _ = fcntl(master, F_SETFD, FD_CLOEXEC)
    _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
    guard let output = fdopen(slave, "w") else {
      let reason = String(cString: strerror(errno))
      Glibc.close(master)
      Glibc.close(slave)
      throw TerminalSession.OpenError(reason: "cannot open a pseudo-terminal for the recording: \(reason)")
    }
    self.output = output
    self.master = master
    self.terminal = terminal
    originalModes = modes
    let drained = drained
    let source = master
    Thread.detachNewThread {
      Self.relay(from: source, to: terminal, sink: sink)
      drained.signal()
    }
  }

  /// Gives the real terminal the input and local modes curses set on the pseudo-terminal, without output
  /// processing (the pseudo-terminal already turned curses' output into what the terminal must receive).
  ///
  /// - Throws: ``TerminalSession/OpenError`` when the modes cannot be read or set.
  func mirrorModes() throws(TerminalSession.OpenError) {
    var modes = termios()
    var terminalModes = originalModes
    guard tcgetattr(fileno(output), &modes) == 0 else {
      throw TerminalSession.OpenError(reason: "cannot read curses' terminal modes: \(String(cString: strerror(errno)))")
    }
    terminalModes.c_iflag = modes.c_iflag
    terminalModes.c_lflag = modes.c_lflag
    terminalModes.c_cc = modes.c_cc
    terminalModes.c_oflag &= ~tcflag_t(OPOST)
    guard tcsetattr(terminal, TCSADRAIN, &terminalModes) == 0 else {
      throw TerminalSession.OpenError(reason: "cannot set the terminal's modes: \(String(cString: strerror(errno)))")
    }
  }

  /// Makes the pseudo-terminal's window `size`, like the real terminal's.
  func resize(to size: (width: Int, height: Int)) {
    _ = bh_set_window_size(master, Int32(size.height), Int32(size.width))
  }

  /// Closes the slave (call it after curses ended), waits until the relay thread has written everything curses
  /// sent, and restores the real terminal's modes.
  func finish() {
    fclose(output)
    drained.wait()
    Glibc.close(master)
    var modes = originalModes
    _ = tcsetattr(terminal, TCSADRAIN, &modes)
  }

  /// Copies the master to `terminal` and `sink` until every slave descriptor is closed (the master then reads EIO).
  /// A terminal that cannot be written any more (hung up) is skipped, and the master is still drained so curses
  /// never blocks on it.
  private static func relay(from master: Int32, to terminal: Int32, sink: @Sendable ([UInt8]) -> Void) {
    var buffer = [UInt8](repeating: 0, count: chunkSize)
    var terminalWritable = true
    while true {
      let count = read(master, &buffer, buffer.count)
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { return }
      let bytes = Array(buffer[0..<count])
      if terminalWritable { terminalWritable = writeAll(bytes, to: terminal) }
      sink(bytes)
    }
  }

  /// Writes all of `bytes` to `fd`, through partial writes, interruptions and a full non-blocking descriptor;
  /// `false` when the descriptor fails.
  private static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      if written > 0 {
        offset += written
      } else if written < 0 && errno == EINTR {
        continue
      } else if written < 0 && errno == EAGAIN {
        var descriptor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        _ = poll(&descriptor, 1, -1)
      } else {
        return false
      }
    }
    return true
  }
}
