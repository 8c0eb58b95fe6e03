import BulkheadCanvas
import Glibc

/// Asks the terminal what pictures it can show, never guessing from `TERM`: a kitty graphics query, the cell size
/// in pixels (`ESC[16t`) and, last, the primary device attributes (DA1, `ESC[c`), which every terminal answers, so
/// its reply ends the wait. Sixel support is a `4` among DA1's parameters; kitty support is an `OK` to the query.
public enum GraphicsProbe {
  /// What the terminal answered.
  public struct Answer: Sendable, Equatable {
    /// Whether the terminal answered DA1 (the last query) before the timeout.
    public var answered = false
    /// DA1 lists sixel graphics (parameter 4).
    public var sixel = false
    /// The kitty graphics query was answered `OK`.
    public var kitty = false
    /// The size of a cell in pixels (width, height), when the terminal said.
    public var cellSize: (width: Int, height: Int)?

    /// An answer.
    public init(
      answered: Bool = false, sixel: Bool = false, kitty: Bool = false, cellSize: (width: Int, height: Int)? = nil
    ) {
      self.answered = answered
      self.sixel = sixel
      self.kitty = kitty
      self.cellSize = cellSize
    }

    public static func == (lhs: Answer, rhs: Answer) -> Bool {
      lhs.answered == rhs.answered && lhs.sixel == rhs.sixel && lhs.kitty == rhs.kitty
        && lhs.cellSize?.width == rhs.cellSize?.width && lhs.cellSize?.height == rhs.cellSize?.height
    }
  }

  /// The id of the kitty query's one-pixel test picture.
  static let queryID = 31

  /// The queries, in the order they are sent.
  public static let query: [UInt8] = Array(
    "\u{1B}_Gi=\(queryID),s=1,v=1,a=q,t=d,f=24;AAAA\u{1B}\\\u{1B}[16t\u{1B}[c".utf8)

  /// How long a silent terminal is waited for.
  public static let defaultTimeout: Duration = .milliseconds(400)

  /// Sends the queries on `output`, reads the replies from `input` (put in non-canonical, no-echo mode meanwhile
  /// when it is a terminal) until DA1's reply or `timeout`, and restores `input`'s mode.
  public static func ask(input: Int32, output: Int32, timeout: Duration = defaultTimeout) -> Answer {
    var saved = termios()
    let isTerminal = tcgetattr(input, &saved) == 0
    if isTerminal {
      var raw = saved
      raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
      raw.c_cc.6 = 0  // VMIN
      raw.c_cc.5 = 0  // VTIME
      tcsetattr(input, TCSANOW, &raw)
    }
    defer { if isTerminal { tcsetattr(input, TCSANOW, &saved) } }
    guard writeAll(query, to: output) else { return Answer() }
    var received: [UInt8] = []
    let deadline = ContinuousClock.now + timeout
    var buffer = [UInt8](repeating: 0, count: 512)
    while ContinuousClock.now < deadline {
      let left = deadline - ContinuousClock.now
      let milliseconds = max(
        1, Int32(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
      var poller = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
      let ready = poll(&poller, 1, milliseconds)
      if ready < 0 && errno == EINTR { continue }
      guard ready > 0, poller.revents & Int16(POLLIN) != 0 else { break }
      let count = read(input, &buffer, buffer.count)
      guard count > 0 else { break }
      received.append(contentsOf: buffer[0..<count])
      let answer = parse(received)
      if answer.answered { return answer }
    }
    return parse(received)
  }

  /// What `replies` (the bytes read back so far) say.
  public static func parse(_ replies: [UInt8]) -> Answer {
    var answer = Answer()
    var index = 0
    while index < replies.count {
      guard replies[index] == 0x1B, index + 1 < replies.count else {
        index += 1
        continue
      }
      if replies[index + 1] == UInt8(ascii: "_") {
        guard let end = stringTerminator(in: replies, from: index + 2) else { break }
        let body = String(decoding: replies[(index + 2)..<end], as: UTF8.self)
        if body.hasPrefix("G"), body.contains("i=\(queryID)"), body.hasSuffix(";OK") { answer.kitty = true }
        index = end + 2
      } else if replies[index + 1] == UInt8(ascii: "[") {
        var end = index + 2
        while end < replies.count, !(0x40...0x7E).contains(replies[end]) { end += 1 }
        guard end < replies.count else { break }
        let parameters = String(decoding: replies[(index + 2)..<end], as: UTF8.self)
        switch replies[end] {
        case UInt8(ascii: "c") where parameters.hasPrefix("?"):
          answer.answered = true
          answer.sixel = parameters.dropFirst().split(separator: ";").contains("4")
        case UInt8(ascii: "t"):
          let numbers = parameters.split(separator: ";").compactMap { Int($0) }
          if numbers.count == 3, numbers[0] == 6, numbers[1] > 0, numbers[2] > 0 {
            answer.cellSize = (width: numbers[2], height: numbers[1])
          }
        default: break
        }
        index = end + 1
      } else {
        index += 1
      }
    }
    return answer
  }

  /// The index of the `ESC \` that ends a string begun before `start`, if it has arrived.
  private static func stringTerminator(in bytes: [UInt8], from start: Int) -> Int? {
    var index = start
    while index + 1 < bytes.count {
      if bytes[index] == 0x1B && bytes[index + 1] == UInt8(ascii: "\\") { return index }
      index += 1
    }
    return nil
  }

  /// Writes all of `bytes` to `fd`; `false` on an error.
  static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { return false }
      offset += written
    }
    return true
  }
}
