import Foundation

/// `bulkhead` run on a pseudo-terminal that the test plays itself: everything the display writes is captured, and
/// the test answers (or does not answer) the display's questions to the terminal.
final class PlayerTerminal: @unchecked Sendable {
  private let process = Process()
  private let master: Int32
  /// Everything the display has written so far.
  private(set) var output: [UInt8] = []

  /// Starts `bulkhead arguments` on a new `width` × `height` pty with `TERM=xterm-256color` and a UTF-8 locale.
  init(_ arguments: [String], width: Int = 100, height: Int = 30) throws {
    guard let bulkheadExecutable else { throw HarnessError("the bulkhead executable is not built") }
    var master: Int32 = -1
    var slave: Int32 = -1
    var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw HarnessError("openpty failed") }
    _ = fcntl(master, F_SETFD, FD_CLOEXEC)
    self.master = master
    let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
    process.executableURL = bulkheadExecutable
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(
      ["TERM": "xterm-256color", "LANG": "C.UTF-8", "NO_COLOR": "", "SWIFT_BACKTRACE": "enable=no"]
    ) { _, new in new }
    process.standardInput = terminal
    process.standardOutput = terminal
    process.standardError = terminal
    try process.run()
    try terminal.close()
  }

  /// Reads until `condition` holds for everything written so far, or `seconds` pass; returns whether it held.
  @discardableResult
  func read(for seconds: Double, until condition: ([UInt8]) -> Bool = { _ in false }) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while Date() < deadline {
      if condition(output) { return true }
      var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
      guard poll(&poller, 1, 50) > 0 else { continue }
      let count = Glibc.read(master, &buffer, buffer.count)
      guard count > 0 else { break }
      output += buffer[0..<count]
    }
    return condition(output)
  }

  /// Writes `text` as the terminal: a reply to a query, or keys.
  func answer(_ text: String) {
    _ = Array(text.utf8).withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
  }

  /// Ends the display with SIGTERM (SIGKILL after 5 s), reads what it wrote on the way out and closes the pty.
  func end() {
    if process.isRunning { kill(process.processIdentifier, SIGTERM) }
    let deadline = Date().addingTimeInterval(5)
    while process.isRunning, Date() < deadline { read(for: 0.05) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    read(for: 0.2)
    close(master)
  }

  /// Whether `bytes` contain `text`.
  static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
    range(of: Array(text.utf8), in: bytes, from: 0) != nil
  }

  /// The first place `needle` occurs in `bytes` from `start`.
  static func range(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Range<Int>? {
    guard !needle.isEmpty, bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
    for index in start...(bytes.count - needle.count) where bytes[index] == needle[0] {
      if Array(bytes[index..<index + needle.count]) == needle { return index..<index + needle.count }
    }
    return nil
  }

  /// Every `ESC <introducer> … ESC \` string in `bytes` (sixel `P`, kitty `_`), whole, in order.
  static func strings(introducedBy introducer: Character, in bytes: [UInt8]) -> [[UInt8]] {
    var found: [[UInt8]] = []
    var start = 0
    let opening = [UInt8(0x1B), UInt8(ascii: introducer.unicodeScalars.first!)]
    while let open = range(of: opening, in: bytes, from: start) {
      guard let close = range(of: [0x1B, UInt8(ascii: "\\")], in: bytes, from: open.upperBound) else { break }
      found.append(Array(bytes[open.lowerBound..<close.upperBound]))
      start = close.upperBound
    }
    return found
  }
}
