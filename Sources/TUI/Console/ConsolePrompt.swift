import BulkheadCanvas
import BulkheadCore

/// A question the GM console asks on its prompt line: a text to type, or one key to choose.
public struct ConsolePrompt: Sendable, Equatable {
  /// What the answer is for.
  public enum Purpose: Sendable, Equatable {
    /// The type of a new token (one key: p, n, c, o) at a cell.
    case tokenType(at: GMConsoleModel.GridPoint)
    /// The name of a new token of a type at a cell.
    case tokenName(Token.Kind, at: GMConsoleModel.GridPoint)
    /// The text of a broadcast.
    case broadcastContent
    /// The priority of a broadcast (one key: l, n, h, c; Enter for NORMAL).
    case broadcastPriority(content: String)
    /// A message CHARON sends on the active channel.
    case charonMessage
    /// A ship system's condition, 0–100, sent with a status.
    case shipCondition(system: String, status: ShipSystemStatus)
    /// The GM's user name, to log in.
    case loginUser
    /// The GM's password, to log in as a user.
    case loginPassword(user: String)
  }

  /// What the answer is for.
  public var purpose: Purpose
  /// What has been typed so far.
  public var text = ""

  /// The longest answer accepted.
  public static let limit = 500

  /// A prompt for `purpose` with nothing typed.
  public init(_ purpose: Purpose) {
    self.purpose = purpose
  }

  /// The question, as the prompt line shows it.
  public var label: String {
    switch purpose {
    case .tokenType: "Token type: p player, n npc, c creature, o object"
    case .tokenName(let kind, _): "Name of the new \(kind.rawValue)"
    case .broadcastContent: "Broadcast"
    case .broadcastPriority: "Priority: l low, n normal, h high, c critical (Enter: normal)"
    case .charonMessage: "CHARON says"
    case .shipCondition(let system, let status): "Condition of \(system) (\(status.rawValue)), 0-100"
    case .loginUser: "Log in: user"
    case .loginPassword(let user): "Password for \(user)"
    }
  }

  /// Whether the answer is one key rather than a line of text.
  public var isChoice: Bool {
    switch purpose {
    case .tokenType, .broadcastPriority: true
    default: false
    }
  }

  /// Whether what is typed is hidden.
  public var isSecret: Bool {
    if case .loginPassword = purpose { return true }
    return false
  }
}

/// A yes/no question the GM console asks before an action that cannot be undone.
public enum ConsoleConfirmation: Sendable, Equatable {
  /// Remove every token of the encounter.
  case clearTokens(count: Int)
  /// Leave the console.
  case quit

  /// The question.
  public var question: String {
    switch self {
    case .clearTokens(let count): "Remove all \(count) tokens? y/n"
    case .quit: "Quit the GM console? y/n"
    }
  }
}
