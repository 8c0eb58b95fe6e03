import BulkheadCanvas
import BulkheadCore

/// A REST answer that does not read: the line the display or the GM console logs, once per ``kind``.
struct UnreadableAnswer: Sendable, Equatable {
  /// What is wrong, for the log: the request path, then the key path and the reason.
  let logLine: String
  /// The resource, the key path and the kind of problem without its value: two answers of the same kind are logged
  /// once.
  let kind: String

  /// The answer to the request for `path` that `error` says does not read.
  init(path: String, error: any Error) {
    let resource = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
    switch error {
    case let error as JSONReadError: kind = "\(resource) \(error.path): \(error.problem.kind)"
    default: kind = "\(resource) \(error)"
    }
    logLine =
      "cannot read the server's answer to \(UntrustedText.sanitize(resource)): "
      + UntrustedText.sanitize(String(describing: error))
  }
}
