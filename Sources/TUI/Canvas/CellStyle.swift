/// How a cell is drawn: its colour role and its text attributes.
public struct CellStyle: Sendable, Hashable {
  /// The semantic colour role, resolved to a colour by the theme.
  public var role: ColorRole
  /// Bold (or bright) text.
  public var bold: Bool
  /// Dim (faint) text.
  public var dim: Bool
  /// Reverse video: foreground and background swapped.
  public var reverse: Bool
  /// Underlined text.
  public var underline: Bool

  /// Creates a style; every attribute is off unless given.
  public init(
    role: ColorRole = .text, bold: Bool = false, dim: Bool = false, reverse: Bool = false,
    underline: Bool = false
  ) {
    self.role = role
    self.bold = bold
    self.dim = dim
    self.reverse = reverse
    self.underline = underline
  }

  /// Ordinary text with no attributes.
  public static let plain = CellStyle()
}
