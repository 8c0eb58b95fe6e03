import Foundation
import Testing

/// `bulkhead play --headless` as a child process, read frame by frame with a deadline.
final class HeadlessDisplay: @unchecked Sendable {
  /// One printed frame: its number, its reason and its text.
  struct Frame {
    var number: Int
    var reason: String
    var text: String
  }

  let process = Process()
  private let output = Pipe()
  private let errors = Pipe()
  private var pending = ""
  /// Every frame read so far.
  private(set) var frames: [Frame] = []

  /// The rows of every frame.
  let height: Int

  /// Starts a display of `width` × `height` on `server` with extra `arguments`.
  init(server: String, width: Int = 100, height: Int = 30, arguments: [String] = []) throws {
    self.height = height
    guard let bulkheadExecutable else { throw HarnessError("the bulkhead executable is not built") }
    process.executableURL = bulkheadExecutable
    process.arguments = ["play", "--headless", "--server", server, "--size", "\(width)x\(height)"] + arguments
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
  }

  /// Checks the latest frame, then reads new ones until one satisfies `condition`, for at most `timeout` seconds;
  /// throws with the last frame when none does.
  @discardableResult
  func waitFor(
    _ what: String, timeout: Double = 20, _ condition: (Frame) -> Bool
  ) throws -> Frame {
    let deadline = Date().addingTimeInterval(timeout)
    var checked = max(0, frames.count - 1)
    while true {
      while checked < frames.count {
        if condition(frames[checked]) { return frames[checked] }
        checked += 1
      }
      let left = deadline.timeIntervalSinceNow
      guard left > 0, process.isRunning || hasUnreadOutput else {
        throw HarnessError(
          "no frame with \(what) in \(timeout) s; last frame:\n\(frames.last?.text ?? "(none)")")
      }
      readAvailable(waitingUpTo: min(left, 0.5))
    }
  }

  /// A frame whose text contains `text`.
  @discardableResult
  func waitFor(text: String, timeout: Double = 20) throws -> Frame {
    try waitFor("'\(text)'", timeout: timeout) { $0.text.contains(text) }
  }

  private var hasUnreadOutput: Bool {
    var descriptor = pollfd(fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
    return poll(&descriptor, 1, 0) > 0
  }

  /// Reads what standard output has within `seconds` and splits it into frames.
  private func readAvailable(waitingUpTo seconds: Double) {
    var descriptor = pollfd(fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, Int32(seconds * 1000)) > 0 else { return }
    let data = output.fileHandleForReading.availableData
    pending += String(decoding: data, as: UTF8.self)
    splitFrames()
  }

  /// Moves every complete frame of `pending` into `frames`: a header line and then `height` lines.
  private func splitFrames() {
    var lines = pending.components(separatedBy: "\n")
    let partial = lines.removeLast()
    while lines.count > height {
      let header = lines.removeFirst()
      precondition(header.hasPrefix("--- frame "), "not a frame header: \(header)")
      let fields = header.dropFirst("--- frame ".count).split(separator: " ")
      let text = lines.prefix(height).joined(separator: "\n")
      lines.removeFirst(height)
      frames.append(
        Frame(number: Int(fields.first ?? "") ?? 0, reason: fields.count > 1 ? String(fields[1]) : "", text: text))
    }
    pending = (lines + [partial]).joined(separator: "\n")
  }

  /// Stops the display with SIGTERM; one still running 5 s later is a bug: recorded, then killed.
  func stop() {
    guard process.isRunning else { return }
    kill(process.processIdentifier, SIGTERM)
    let deadline = Date().addingTimeInterval(5)
    while process.isRunning && Date() < deadline { usleep(10_000) }
    guard process.isRunning else { return }
    Issue.record("the display was still running 5 s after SIGTERM")
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }

  deinit {
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
  }
}
