/// Why a `bulkhead gm` command did not do its work, with the exit status that says so.
///
/// The statuses are the gm commands' contract: 1 the server (or the local setup) refused, 2 the command line
/// was wrong, 3 the server could not be reached.
public struct GMFailure: Error, CustomStringConvertible {
  /// The process's exit status.
  public let status: Int32
  /// One line for standard error.
  public let description: String

  /// The server or the local setup refused: an error answer, a missing or expired login.
  public static func refused(_ message: String) -> GMFailure { GMFailure(status: 1, description: message) }

  /// The command line was wrong.
  public static func usage(_ message: String) -> GMFailure { GMFailure(status: 2, description: message) }

  /// The server could not be reached or did not answer with JSON.
  public static func unreachable(_ message: String) -> GMFailure { GMFailure(status: 3, description: message) }
}
