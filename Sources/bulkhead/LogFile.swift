import Foundation

/// A file that diagnostics are appended to, one timestamped line each.
final class LogFile: Sendable {
  private let handle: FileHandle

  /// Opens (creating when needed) `path` for appending.
  init(path: String) throws {
    if !FileManager.default.fileExists(atPath: path) {
      guard FileManager.default.createFile(atPath: path, contents: nil) else {
        throw CLIError("cannot create the log file \(path)")
      }
    }
    guard let handle = FileHandle(forWritingAtPath: path) else { throw CLIError("cannot open the log file \(path)") }
    handle.seekToEndOfFile()
    self.handle = handle
  }

  /// Sends the process's standard error to the log too, so nothing (not even a runtime failure report) is written
  /// over the screen being drawn.
  func captureStandardError() {
    dup2(handle.fileDescriptor, STDERR_FILENO)
  }

  /// Appends `line` with the UTC time.
  func append(_ line: String) {
    handle.write(Data((ISO8601DateFormatter().string(from: Date()) + " " + line + "\n").utf8))
  }
}
