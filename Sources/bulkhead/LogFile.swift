import Foundation

/// A file that diagnostics are appended to, one timestamped line each.
final class LogFile: Sendable {
  private let handle: FileHandle

  /// Opens (creating when needed) `path` for appending; several processes may share it.
  init(path: String) throws {
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw CLIError("cannot open the log file \(path): \(String(cString: strerror(errno)))")
    }
    handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
  }

  /// Sends the process's standard error to the log too, so nothing (not even a runtime failure report) is written
  /// over the screen being drawn.
  private func captureStandardError() {
    dup2(handle.fileDescriptor, STDERR_FILENO)
  }

  /// Keeps standard error off a curses screen: into `log` when there is one, else nowhere.
  static func keepStandardErrorOffScreen(_ log: LogFile?) {
    if let log {
      log.captureStandardError()
    } else {
      discardStandardError()
    }
  }

  /// Sends the process's standard error nowhere: a curses display without `--log` must not have anything written
  /// over it.
  private static func discardStandardError() {
    let null = open("/dev/null", O_WRONLY)
    guard null >= 0 else { return }
    dup2(null, STDERR_FILENO)
    close(null)
  }

  /// Appends `line` with the UTC time.
  func append(_ line: String) {
    handle.write(Data((ISO8601DateFormatter().string(from: Date()) + " " + line + "\n").utf8))
  }
}
