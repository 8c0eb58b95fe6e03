import BulkheadCanvas
import BulkheadCore

/// A problem with what the server sent on the active-view stream, shown on the display until a payload reads again.
///
/// Its text names what is wrong for the people at the table: before the first payload it takes the place of
/// `CONNECTING…`, afterwards it is the top line over the last view that read. Its ``detail`` comes from the server
/// (a key path, a value) and is drawn through ``UntrustedText``.
public struct StreamNotice: Sendable, Equatable {
  /// What happened, in a few words: e.g. `SERVER SENT A VIEW THIS DISPLAY CANNOT READ`.
  public var headline: String
  /// The field and the reason, or the size and the limit.
  public var detail: String
  /// Identifies the kind of problem, so that each kind is logged once: the key path and the reason.
  public var kind: String

  /// A notice of `headline` with `detail`, of the kind `kind`.
  public init(headline: String, detail: String, kind: String) {
    self.headline = headline
    self.detail = detail
    self.kind = kind
  }

  /// An `activeview` event whose data is not a payload this display can read.
  public static func unreadable(_ error: any Error) -> StreamNotice {
    let detail: String
    let kind: String
    switch error {
    case let error as JSONReadError:
      detail = error.description
      kind = "payload \(error.path): \(error.problem.kind)"
    case let error as JSONParseError:
      detail = "not JSON: \(error.description)"
      kind = "payload: not JSON"
    default:
      detail = "\(error)"
      kind = "payload: \(detail)"
    }
    return StreamNotice(headline: "SERVER SENT A VIEW THIS DISPLAY CANNOT READ", detail: detail, kind: kind)
  }

  /// An event the stream's parser dropped because it held `bytes` bytes, over `limit`.
  public static func oversized(bytes: Int, limit: Int) -> StreamNotice {
    StreamNotice(
      headline: "AN UPDATE TOO LARGE FOR THIS DISPLAY WAS DROPPED",
      detail: "the server sent an event of \(bytes) bytes; this display reads at most \(limit) bytes",
      kind: "oversized")
  }

  /// The line written to the display's log.
  public var logLine: String {
    "\(headline.lowercased()): \(UntrustedText.sanitize(detail))"
  }
}

extension JSONReadError.Problem {
  /// The problem without its value: what makes two payload errors of the same kind.
  var kind: String {
    switch self {
    case .missing: "missing"
    case .wrongType(let expected): "not \(expected)"
    case .invalidValue: "not an allowed value"
    }
  }
}
