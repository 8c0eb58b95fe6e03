/// Why `JSONParser` refused a document, and where.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong.
  public enum Reason: Sendable, Equatable, CustomStringConvertible {
    /// The input ends inside a value, or holds no value at all.
    case unexpectedEnd
    /// A value was expected: the byte cannot start one (`+`, `.`, `N`, `]` after a comma, …).
    case expectedValue
    /// A word starting with `t`, `f` or `n` that is not `true`, `false` or `null`.
    case invalidLiteral
    /// A number that breaks the grammar: no digit after `-`, `.`, `e` or the exponent sign.
    case invalidNumber
    /// A digit after a leading `0`.
    case leadingZero
    /// A number too large for `Double`.
    case numberOutOfRange
    /// A byte below 0x20 inside a string.
    case controlCharacter
    /// A backslash followed by something other than `" \ / b f n r t u`.
    case invalidEscape
    /// `\u` not followed by four hexadecimal digits.
    case invalidUnicodeEscape
    /// In an object, something other than a string where a key belongs.
    case expectedKey
    /// In an object, something other than `:` after a key.
    case expectedColon
    /// In an object, something other than `,` or `}` after a member.
    case expectedCommaOrBrace
    /// In an array, something other than `,` or `]` after an element.
    case expectedCommaOrBracket
    /// Arrays and objects nested deeper than `JSONParser.maximumDepth`.
    case tooDeep
    /// Something other than whitespace after the value.
    case trailingData

    public var description: String {
      switch self {
      case .unexpectedEnd: "unexpected end of input"
      case .expectedValue: "expected a value"
      case .invalidLiteral: "invalid literal (expected true, false or null)"
      case .invalidNumber: "invalid number"
      case .leadingZero: "leading zeros are not allowed"
      case .numberOutOfRange: "number out of range"
      case .controlCharacter: "unescaped control character in a string"
      case .invalidEscape: "invalid escape sequence"
      case .invalidUnicodeEscape: "\\u must be followed by four hexadecimal digits"
      case .expectedKey: "expected a string key"
      case .expectedColon: "expected ':' after the key"
      case .expectedCommaOrBrace: "expected ',' or '}'"
      case .expectedCommaOrBracket: "expected ',' or ']'"
      case .tooDeep: "nested deeper than \(JSONParser.maximumDepth) levels"
      case .trailingData: "unexpected data after the value"
      }
    }
  }

  /// The offset of the first byte that cannot be accepted (the input's length when it ends
  /// too early); for `numberOutOfRange`, the offset of the number.
  public var offset: Int
  /// What is wrong.
  public var reason: Reason

  /// Creates an error.
  public init(offset: Int, reason: Reason) {
    self.offset = offset
    self.reason = reason
  }

  public var description: String { "Invalid JSON at byte \(offset): \(reason)" }
}
