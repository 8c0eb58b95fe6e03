import BulkheadClient
import Dispatch
import Foundation

/// Reads a password from the controlling terminal with echo off.
///
/// The terminal's settings come back on every path: after the line, at end of input, on an error, and when
/// SIGINT, SIGTERM, SIGHUP or SIGQUIT arrives while the prompt waits (the signal then ends the process as it
/// would have). Ctrl-Z does nothing while the prompt waits, so the shell never gets a terminal without echo.
enum PasswordPrompt {
  /// The signals that end the process while the prompt waits.
  private static let endingSignals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

  /// Writes `prompt` to `/dev/tty` and reads one line from it without echo.
  ///
  /// - Throws: ``GMFailure`` (usage) without a terminal or when the input ends before a line.
  static func ask(_ prompt: String) throws(GMFailure) -> String {
    let terminal = open("/dev/tty", O_RDWR | O_CLOEXEC)
    guard terminal >= 0 else {
      throw .usage("no terminal to read the password from: pass --password-stdin and give it on standard input")
    }
    defer { close(terminal) }
    var saved = termios()
    guard tcgetattr(terminal, &saved) == 0 else {
      throw .usage("cannot read the terminal's settings: pass --password-stdin and give it on standard input")
    }
    var quiet = saved
    quiet.c_lflag &= ~tcflag_t(ECHO)
    quiet.c_lflag |= tcflag_t(ECHONL)
    withUnsafeMutableBytes(of: &quiet.c_cc) { $0[Int(VSUSP)] = 0 }
    let original = saved
    let watchers = endingSignals.map { signalNumber in
      let previous = signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber)
      source.setEventHandler {
        var restored = original
        tcsetattr(terminal, TCSANOW, &restored)
        signal(signalNumber, SIG_DFL)
        kill(getpid(), signalNumber)
      }
      source.resume()
      return (signalNumber, previous, source)
    }
    defer {
      tcsetattr(terminal, TCSANOW, &saved)
      for (signalNumber, previous, source) in watchers {
        source.cancel()
        signal(signalNumber, previous)
      }
    }
    writeAll(prompt, to: terminal)
    tcsetattr(terminal, TCSAFLUSH, &quiet)
    guard let line = readLine(from: terminal) else { throw .usage("no password given") }
    return line
  }

  /// One line from `descriptor` without its line break; nil when the input ends first.
  private static func readLine(from descriptor: Int32) -> String? {
    var bytes: [UInt8] = []
    var byte: UInt8 = 0
    while read(descriptor, &byte, 1) == 1 {
      if byte == UInt8(ascii: "\n") {
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
      }
      bytes.append(byte)
    }
    return nil
  }

  private static func writeAll(_ text: String, to descriptor: Int32) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
  }
}
