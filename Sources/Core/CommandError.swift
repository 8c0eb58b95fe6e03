/// Why a request was refused; the server maps `kind` to the HTTP status.
public struct CommandError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The class of refusal.
  public enum Kind: Sendable, Equatable {
    /// Bad JSON, a missing or invalid field, an id unknown to the campaign (400).
    case invalid
    /// Not allowed in the current state (403).
    case forbidden
    /// An unknown token, location or terminal (404).
    case notFound
  }

  public var kind: Kind
  /// What is wrong, naming the field.
  public var message: String

  /// Creates an error of `kind` with `message`.
  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  /// A 400-class error.
  public static func invalid(_ message: String) -> CommandError { CommandError(.invalid, message) }

  public var description: String { message }
}
