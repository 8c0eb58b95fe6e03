/// What a client does with a response's status and content type (before reading its body).
public enum ResponseDecision: Sendable, Equatable {
  /// 200 with `text/event-stream`: read events.
  case open
  /// Do not reconnect, for `reason` (204, most 4xx, a wrong content type, other statuses).
  case close(reason: String)
  /// Reconnect later (5xx, 408, 429); `after` is the server's `Retry-After`, when it gave one.
  case retry(reason: String, after: Duration?)

  /// The decision for `status` with `contentType` and `retryAfter` header values.
  public static func decide(status: Int, contentType: String?, retryAfter: String?) -> ResponseDecision {
    switch status {
    case 200:
      guard let contentType, isEventStream(contentType) else {
        return .close(reason: "the server answered with content type \(contentType ?? "none"), not text/event-stream")
      }
      return .open
    case 204:
      return .close(reason: "the server asked the client to stop (204 No Content)")
    case 408, 429, 500...599:
      return .retry(reason: "the server answered \(status)", after: retryAfter.flatMap(parseRetryAfter))
    case 400...499:
      return .close(reason: "the server refused the request (\(status))")
    default:
      return .close(reason: "unexpected status \(status)")
    }
  }

  /// Whether a `Content-Type` value is `text/event-stream` (parameters allowed, case-insensitive).
  public static func isEventStream(_ contentType: String) -> Bool {
    let essence = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
    return essence.trimmingSpaces().lowercased() == "text/event-stream"
  }

  /// A `Retry-After` of delay-seconds; an HTTP date or anything else is ignored.
  static func parseRetryAfter(_ value: String) -> Duration? {
    let trimmed = Substring(value).trimmingSpaces()
    guard !trimmed.isEmpty, trimmed.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let seconds = Int(trimmed)
    else { return nil }
    return .seconds(min(seconds, 3600))
  }
}

extension Substring {
  /// Without leading and trailing spaces and tabs.
  func trimmingSpaces() -> Substring {
    var result = self
    while let first = result.first, first == " " || first == "\t" { result.removeFirst() }
    while let last = result.last, last == " " || last == "\t" { result.removeLast() }
    return result
  }
}
