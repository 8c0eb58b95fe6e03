import BulkheadCanvas
import BulkheadCore
import Foundation
import Synchronization

/// Writes an asciicast v2 file (`asciinema play` replays it): a header with the terminal's size, then one
/// `[seconds, "o", text]` line per output and `[seconds, "r", "WxH"]` per resize. Thread-safe: events from several
/// threads are written whole, one after the other.
public final class CastRecorder: OutputRecorder {
  /// The terminal size in the header.
  public let size: (width: Int, height: Int)
  private let handle: FileHandle
  private let start = ContinuousClock.now
  private let state = Mutex(State())
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
    size = (width, height)
    self.onFailure = onFailure
    let header: JSONValue = .object([
      "version": .int(2), "width": .int(width), "height": .int(height),
      "timestamp": .int(Int(Date().timeIntervalSince1970)), "title": .string(title),
      "env": .object(["TERM": .string(ProcessInfo.processInfo.environment["TERM"] ?? "xterm-256color")]),
    ])
    state.withLock { append(JSONWriter.encode(header), &$0) }
  }

  /// What the lock guards.
  private struct State {
    /// Whether a write failed (the recording then stops).
    var failed = false
    /// The start of a UTF-8 sequence whose end has not been output yet.
    var pendingBytes: [UInt8] = []
  }

  /// Records `text` as sent to the terminal now.
  public func output(_ text: String) {
    state.withLock { event("o", text, &$0) }
  }

  /// Records `bytes` (UTF-8) as sent to the terminal now. A character split across two calls is recorded whole with
  /// the second, since an event's text must be valid UTF-8.
  public func output(bytes: [UInt8]) {
    state.withLock { state in
      let all = state.pendingBytes + bytes
      let end = Self.completeUTF8Length(all)
      state.pendingBytes = Array(all[end...])
      guard end > 0 else { return }
      event("o", String(decoding: all[..<end], as: UTF8.self), &state)
    }
  }

  /// Records that the terminal became `width` × `height`.
  public func resize(width: Int, height: Int) {
    state.withLock { event("r", "\(width)x\(height)", &$0) }
  }

  /// Records what is left of a split character, flushes the file to disk and closes it.
  public func close() {
    state.withLock { state in
      guard !state.pendingBytes.isEmpty else { return }
      event("o", String(decoding: state.pendingBytes, as: UTF8.self), &state)
      state.pendingBytes = []
    }
    try? handle.synchronize()
    try? handle.close()
  }

  /// The length of the longest prefix of `bytes` that does not end inside a UTF-8 sequence: all of it, unless its
  /// last lead byte starts a sequence longer than the bytes after it.
  static func completeUTF8Length(_ bytes: [UInt8]) -> Int {
    guard let lead = bytes.indices.suffix(4).last(where: { bytes[$0] & 0xC0 != 0x80 }) else { return bytes.count }
    let length =
      switch bytes[lead] {
      case 0xC0...0xDF: 2
      case 0xE0...0xEF: 3
      case 0xF0...0xF7: 4
      default: 1
      }
    return bytes.count - lead < length ? lead : bytes.count
  }

  private func event(_ code: String, _ data: String, _ state: inout State) {
    let elapsed = start.duration(to: .now)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    append(
      JSONWriter.encode(.array([.double((seconds * 1e6).rounded() / 1e6), .string(code), .string(data)])), &state)
  }

  private func append(_ json: [UInt8], _ state: inout State) {
    guard !state.failed else { return }
    do {
      try handle.write(contentsOf: Data(json + [UInt8(ascii: "\n")]))
    } catch {
      state.failed = true
      onFailure("the recording stopped: \(error)")
    }
  }
}

/// A recording that cannot be started, with the file and the reason.
public struct CastRecorderError: Error, CustomStringConvertible {
  public let description: String
}
