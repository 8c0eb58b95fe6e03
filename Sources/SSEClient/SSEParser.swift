/// An incremental parser for `text/event-stream` bodies, as the WHATWG HTML Standard (§9.2.5–9.2.6) defines them.
///
/// Feed it a response body's bytes as they arrive, in reads of any size; each ``feed(_:)-(UnsafeRawBufferPointer)``
/// returns what those bytes completed, in stream order. However the body is split into reads, the items are the same.
/// Call ``endOfStream()`` when the body ends, and keep the parser for the next connection: it carries the last event ID
/// and the server's retry time over.
///
/// The parser follows the standard exactly:
/// - It decodes UTF-8 like a browser: one U+FFFD for each maximal ill-formed subsequence, and one byte order mark
///   removed at the start of the stream only (see ``WHATWGUTF8``).
/// - Lines end at CRLF, LF or CR, also when a CRLF is split between reads.
/// - It works on bytes, never on `Character`s, so a combining mark after the colon or the space does not change how a
///   line splits into field name and value.
/// - A line starting with `:` is a comment, a field name is compared exactly, and one space after the colon is
///   removed. `data` values are joined with LF; the last `event` sets the type; an `id` sets the last event ID unless it
///   contains U+0000, and an empty one resets it; `retry` counts only when it is all ASCII digits.
/// - A blank line dispatches the block: it commits the last event ID, even when there is no data, and yields an event
///   when the block had a `data` field. At the end of the stream an unfinished block is dropped, and its `id` is not
///   committed.
///
/// Memory is bounded by `maxEventBytes`:
/// - A line longer than the limit, or a block whose held bytes (data, event type and `id` values, and the value being
///   read) would pass it, is dropped. Nothing else in that block counts: its `data`, `event` and `id` fields, those
///   before the overflow included, and its later lines, comments and `retry` fields included, are skipped up to the
///   next blank line. That blank line reports ``Item/oversized(bytes:)`` once, and parsing goes on normally after it.
///   (A `retry` field or a comment read before the overflow was already reported.) Reporting at the blank line gives
///   the whole block's size and the same items however the stream is split; a block cut off by the end of the stream
///   is dropped without a report, like any unfinished block.
/// - The parser holds the current block's data and at most one partial line, never more than about `maxEventBytes`;
///   unknown fields and skipped lines are counted, not stored.
///
/// Time is linear in the input, also for one huge event in many small reads: bytes are looked at once and appended
/// to buffers, and a block's data is decoded once, when it is dispatched.
public struct SSEParser: Sendable {
  /// What a read produced, in stream order.
  public enum Item: Sendable, Equatable {
    /// A dispatched event (R13).
    case event(SSEEvent)
    /// A valid `retry` field (R12): the server's reconnection time in milliseconds, applied when its line was read,
    /// whether or not its block is later dispatched.
    case retry(milliseconds: Int)
    /// A comment line's text after the `:`, unchanged (a leading space is kept). The standard ignores comments;
    /// callers can use them to see a server's keepalives.
    case comment(String)
    /// A block that passed `maxEventBytes` was dropped. `bytes` counts all of its lines' bytes, without line ends,
    /// from the start of the block to the blank line that ended it.
    case oversized(bytes: Int)
  }

  /// The largest line, and the most bytes of one block, that the parser holds (see ``SSEParser``).
  public let maxEventBytes: Int

  /// The last event ID: committed when a block is dispatched (R13 step 1), and carried into the next connection (R22).
  ///
  /// An `id` field in a block that is not dispatched (cut off by the end of the stream, or too large) is never
  /// committed. This is the value to send as `Last-Event-ID` when reconnecting.
  public private(set) var lastEventID: String

  /// The last valid `retry` value read, in milliseconds; `nil` while the stream has sent none.
  public private(set) var retryMilliseconds: Int?

  // The start of the stream and its line ends.
  private var bom = WHATWGUTF8.BOMSniffer()
  private var lines = SSELineSplitter()

  // The line being read.
  private var line = LineState.start
  /// The bytes of the line read so far.
  private var lineLength = 0
  /// The field name read so far, one byte per 8 bits; only its first few bytes matter.
  private var nameBits: UInt64 = 0
  private var nameLength = 0
  /// The value of an `event`, `id`, `retry` or comment line read so far (`data` values go to `data` directly).
  private var value: [UInt8] = []

  // The block being read.
  /// The bytes of the block's lines read so far, for ``Item/oversized(bytes:)``.
  private var blockLength = 0
  /// The data buffer: each `data` value followed by LF.
  private var data: [UInt8] = []
  /// The event type buffer.
  private var eventType: [UInt8] = []
  /// The last event ID buffer, when the block has set it (`hasPendingID`); otherwise it equals `lastEventID`.
  private var pendingID: [UInt8] = []
  private var hasPendingID = false
  /// Whether the block has passed the limit and is skipped up to its blank line.
  private var isSkipping = false

  private var output: [Item] = []

  /// Creates a parser for a new stream.
  /// - Parameters:
  ///   - lastEventID: The previous connection's last event ID, so that events without an `id` report it (R22).
  ///   - maxEventBytes: The largest line, and the most bytes of one block, to hold; at least 1. The default is 1 MiB.
  ///     A line counts all of its bytes (field name and colon included), so one `data` line carries a little less.
  public init(lastEventID: String = "", maxEventBytes: Int = 1 << 20) {
    precondition(maxEventBytes >= 1, "maxEventBytes must be at least 1")
    self.lastEventID = lastEventID
    self.maxEventBytes = maxEventBytes
  }

  /// Parses the next bytes of the stream.
  /// - Returns: The events, retry values, comments and dropped blocks that these bytes completed, in stream order.
  public mutating func feed(_ bytes: UnsafeRawBufferPointer) -> [Item] {
    bytes.withMemoryRebound(to: UInt8.self) { feedBytes($0) }
    defer { output = [] }
    return output
  }

  /// Parses the next bytes of the stream.
  /// - Returns: The events, retry values, comments and dropped blocks that these bytes completed, in stream order.
  public mutating func feed(_ bytes: some Sequence<UInt8>) -> [Item] {
    if let items = bytes.withContiguousStorageIfAvailable({ feed(UnsafeRawBufferPointer($0)) }) {
      return items
    }
    return Array(bytes).withUnsafeBytes { feed($0) }
  }

  /// Ends the stream (R14): an unfinished block is dropped without being dispatched, and its `id` is not committed.
  ///
  /// The parser is then ready for the next connection's body. It keeps ``lastEventID`` (R22) and
  /// ``retryMilliseconds``; everything else starts over, including the removal of a byte order mark.
  public mutating func endOfStream() {
    self = SSEParser(lastEventID: lastEventID, maxEventBytes: maxEventBytes, retryMilliseconds: retryMilliseconds)
  }

  private init(lastEventID: String, maxEventBytes: Int, retryMilliseconds: Int?) {
    self.init(lastEventID: lastEventID, maxEventBytes: maxEventBytes)
    self.retryMilliseconds = retryMilliseconds
  }

  /// The bytes held for the current block: its data, event type and `id`, and the value being read.
  var retainedBytes: Int {
    data.count + eventType.count + (hasPendingID ? pendingID.count : 0) + value.count
  }

  // MARK: - Reading bytes

  private mutating func feedBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
    var start = 0
    if !bom.isDone {
      let heldBack = bom.sniff(bytes, from: &start)
      if heldBack > 0 {
        WHATWGUTF8.byteOrderMark.withUnsafeBufferPointer { scan(UnsafeBufferPointer(rebasing: $0[..<heldBack])) }
      }
    }
    scan(UnsafeBufferPointer(rebasing: bytes[start...]))
  }

  private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
    var index = 0
    while let piece = lines.next(in: bytes, at: &index) {
      switch piece {
      case .text(let range): consume(UnsafeBufferPointer(rebasing: bytes[range]))
      case .lineEnd: endLine()
      }
    }
  }

  // MARK: - Lines

  /// Where the current line is.
  private enum LineState: Sendable {
    /// Nothing read yet.
    case start
    /// Reading the field name.
    case name
    /// Just after the colon, where one space is to be removed.
    case valueStart(Field)
    /// Reading the value.
    case value(Field)
    /// An unknown field (R8), or a line being skipped: its bytes are only counted.
    case ignored
  }

  /// The kinds of line the parser acts on.
  private enum Field: Sendable {
    case data, event, id, retry, comment
  }

  private static let colon: UInt8 = 0x3A
  private static let space: UInt8 = 0x20

  /// Reads part of a line: `text` has no CR or LF.
  private mutating func consume(_ text: UnsafeBufferPointer<UInt8>) {
    lineLength += text.count
    blockLength += text.count
    if isSkipping { return }
    guard lineLength <= maxEventBytes else { return overflow() }
    var rest = text[...]
    while let first = rest.first {
      switch line {
      case .start:
        if first == Self.colon {  // R5
          line = .value(.comment)
          rest = rest.dropFirst()
        } else {
          line = .name
        }
      case .name:
        rest = readName(rest)
      case .valueStart(let field):
        if first == Self.space {  // R6: exactly one space
          rest = rest.dropFirst()
        }
        line = .value(field)
      case .value(let field):
        return append(UnsafeBufferPointer(rebasing: rest), to: field)
      case .ignored:
        return
      }
    }
  }

  /// Reads field-name bytes up to the first colon (R6) and returns the bytes after it.
  ///
  /// The name is compared as bytes, which is the same as comparing code points (R3, R8). Only names of up to five
  /// bytes can be known, so a longer one is dropped at its sixth byte.
  private mutating func readName(
    _ text: Slice<UnsafeBufferPointer<UInt8>>
  ) -> Slice<UnsafeBufferPointer<UInt8>> {
    var index = text.startIndex
    while index < text.endIndex {
      let byte = text[index]
      index += 1
      if byte == Self.colon {
        line = namedField.map { .valueStart($0) } ?? .ignored
        break
      }
      guard nameLength < 5 else {
        line = .ignored
        break
      }
      nameBits = nameBits << 8 | UInt64(byte)
      nameLength += 1
    }
    return text[index...]
  }

  /// The field the name read so far names, if it is one the parser acts on.
  private var namedField: Field? {
    switch (nameLength, nameBits) {
    case (4, 0x6461_7461): .data  // "data"
    case (5, 0x65_7665_6E74): .event  // "event"
    case (2, 0x6964): .id  // "id"
    case (5, 0x72_6574_7279): .retry  // "retry"
    default: nil
    }
  }

  /// Stores value bytes, unless the block would pass the limit.
  private mutating func append(_ text: UnsafeBufferPointer<UInt8>, to field: Field) {
    guard retainedBytes + text.count <= maxEventBytes else { return overflow() }
    if case .data = field {
      let needed = data.count + text.count
      if needed > data.capacity {
        // Quadruple, up to the limit: a huge event is copied fewer times than with the Array's doubling.
        data.reserveCapacity(Swift.min(maxEventBytes, Swift.max(needed, data.capacity * 4)))
      }
      data.append(contentsOf: text)
    } else {
      value.append(contentsOf: text)
    }
  }

  /// Acts on the line that just ended.
  private mutating func endLine() {
    defer {
      line = .start
      lineLength = 0
      nameBits = 0
      nameLength = 0
      Self.clear(&value)
    }
    if isSkipping {
      if lineLength == 0 {
        output.append(.oversized(bytes: blockLength))
        isSkipping = false
        blockLength = 0
      }
      return
    }
    switch line {
    case .start:  // R4
      dispatch()
      blockLength = 0
    case .name:  // R7: the whole line names the field, and the value is empty
      if let field = namedField { process(field) }
    case .valueStart(let field), .value(let field):
      process(field)
    case .ignored:
      break
    }
  }

  /// Processes a field whose value is in `value` (R9–R12), or a comment (R5).
  private mutating func process(_ field: Field) {
    switch field {
    case .data:  // R10
      guard retainedBytes + 1 <= maxEventBytes else { return overflow() }
      data.append(SSELineSplitter.lineFeed)
    case .event:  // R9
      swap(&eventType, &value)
    case .id:  // R11
      if !value.contains(0) {
        swap(&pendingID, &value)
        hasPendingID = true
      }
    case .retry:  // R12
      if let milliseconds = Self.milliseconds(value) {
        retryMilliseconds = milliseconds
        output.append(.retry(milliseconds: milliseconds))
      }
    case .comment:
      output.append(.comment(WHATWGUTF8.decode(value)))
    }
  }

  /// The value of a `retry` field: a non-empty run of ASCII digits in base 10.
  ///
  /// Anything else is not a retry time (`1000x`, ` 1000`, `+5`, `1e3`, `-1`, `""`). Neither is a number too large for
  /// `Int`: the standard sets no bound, but no client can wait that long, and ignoring the field keeps the previous
  /// time, as for any other value the client cannot use.
  static func milliseconds(_ value: [UInt8]) -> Int? {
    guard !value.isEmpty else { return nil }
    var result = 0
    for byte in value {
      guard (0x30...0x39).contains(byte) else { return nil }
      let (tens, overflowed) = result.multipliedReportingOverflow(by: 10)
      let (sum, carried) = tens.addingReportingOverflow(Int(byte - 0x30))
      guard !overflowed, !carried else { return nil }
      result = sum
    }
    return result
  }

  // MARK: - Blocks

  /// Dispatches the block at a blank line (R13).
  private mutating func dispatch() {
    if hasPendingID {
      lastEventID = WHATWGUTF8.decode(pendingID)
      hasPendingID = false
      Self.clear(&pendingID)
    }
    guard !data.isEmpty else {
      Self.clear(&eventType)
      return
    }
    let text = data.withUnsafeBufferPointer { WHATWGUTF8.decode(UnsafeBufferPointer(rebasing: $0.dropLast())) }
    let type = eventType.isEmpty ? "message" : WHATWGUTF8.decode(eventType)
    output.append(.event(SSEEvent(type: type, data: text, lastEventID: lastEventID)))
    Self.clear(&data)
    Self.clear(&eventType)
  }

  /// Drops the block, which has passed the limit, and skips the rest of it.
  private mutating func overflow() {
    isSkipping = true
    line = .ignored
    data = []
    eventType = []
    pendingID = []
    hasPendingID = false
    value = []
  }

  /// Empties a buffer, keeping its storage for the next line or block unless it has grown large.
  private static func clear(_ buffer: inout [UInt8]) {
    if buffer.capacity <= 1 << 16 {
      buffer.removeAll(keepingCapacity: true)
    } else {
      buffer = []
    }
  }
}
