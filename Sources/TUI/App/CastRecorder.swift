import BulkheadCore
import Foundation
import Synchronization

/// Writes an asciicast v2 file (`asciinema play` replays it): a header with the terminal's size, then one
/// `[seconds, "o", text]` line per output and `[seconds, "r", "WxH"]` per resize.
public final class CastRecorder: Sendable {
  private let handle: FileHandle
  private let start = ContinuousClock.now
  private let failed = Mutex(false)
  /// Called once with the reason when a write fails (the recording then stops; the display goes on).
  private let onFailure: @Sendable (String) -> Void

  /// Creates (or truncates) `path` and writes the header for a `width` × `height` terminal.
  ///
  /// - Throws: ``CastRecorderError`` when the file cannot be created.
  public init(
    path: String, width: Int, height: Int, title: String, onFailure: @escaping @Sendable (String) -> Void = { _ in }
  ) throws(CastRecorderError) {
    guard FileManager.default.createFile(atPath: path, contents: nil),
      let handle = FileHandle(forWritingAtPath: path)
    else {
      throw CastRecorderError(description: "cannot create the recording \(path): \(String(cString: strerror(errno)))")
    }
    self.handle = handle
    self.onFailure = onFailure
    let header: JSONValue = .object([
      "version": .int(2), "width": .int(width), "height": .int(height),
      "timestamp": .int(Int(Date().timeIntervalSince1970)), "title": .string(title),
      "env": .object(["TERM": .string(ProcessInfo.processInfo.environment["TERM"] ?? "xterm-256color")]),
    ])
    append(JSONWriter.encode(header))
  }

  /// Records `text` as sent to the terminal now.
  public func output(_ text: String) {
    event("o", text)
  }

  /// Records that the terminal became `width` × `height`.
  public func resize(width: Int, height: Int) {
    event("r", "\(width)x\(height)")
  }

  /// Flushes the file to disk and closes it.
  public func close() {
    try? handle.synchronize()
    try? handle.close()
  }

  private func event(_ code: String, _ data: String) {
    let elapsed = start.duration(to: .now)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    append(JSONWriter.encode(.array([.double((seconds * 1e6).rounded() / 1e6), .string(code), .string(data)])))
  }

  private func append(_ json: [UInt8]) {
    guard !failed.withLock({ $0 }) else { return }
    do {
      try handle.write(contentsOf: Data(json + [UInt8(ascii: "\n")]))
    } catch {
      let first = failed.withLock { failed in
        defer { failed = true }
        return !failed
      }
      if first { onFailure("the recording stopped: \(error)") }
    }
  }
}

/// A recording that cannot be started, with the file and the reason.
public struct CastRecorderError: Error, CustomStringConvertible {
  public let description: String
}
