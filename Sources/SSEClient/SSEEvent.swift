/// One event dispatched from a `text/event-stream` body: what a browser's `EventSource` delivers as a `MessageEvent`.
///
/// Equality and hashing are those of Swift's `String`, which treats canonically equivalent text as equal (`"e\u{301}"`
/// equals `"é"`). The parser itself never normalises: compare `unicodeScalars` or `utf8` to tell such strings apart.
public struct SSEEvent: Sendable, Equatable, Hashable {
  /// The event type: the value of the block's last `event` field, or `"message"` when it had none or an empty one.
  public var type: String
  /// The values of the block's `data` fields, joined with LF (U+000A).
  public var data: String
  /// The stream's last event ID when the event was dispatched: the block's `id`, or the one before it.
  public var lastEventID: String

  /// Creates an event.
  /// - Parameters:
  ///   - type: The event type; `"message"` for events sent without an `event` field.
  ///   - data: The event's data.
  ///   - lastEventID: The last event ID; `""` when the stream has set none.
  public init(type: String = "message", data: String, lastEventID: String = "") {
    self.type = type
    self.data = data
    self.lastEventID = lastEventID
  }
}
