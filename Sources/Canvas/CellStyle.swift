/// How a cell is drawn: its colour role and its text attributes, and for pictures explicit colours.
public struct CellStyle: Sendable, Hashable {
  /// The semantic colour role, resolved to a colour by the theme.
  public var role: ColorRole
  /// An explicit foreground colour index (xterm palette, 0–255) that replaces the role's, for picture cells such as
  /// portraits; `nil` keeps the role's.
  public var foreground: UInt8?
  /// An explicit background colour index that replaces the role's; `nil` keeps the role's (the theme's background
  /// shows through).
  public var background: UInt8?
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
    underline: Bool = false, foreground: UInt8? = nil, background: UInt8? = nil
  ) {
    self.role = role
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.dim = dim
    self.reverse = reverse
    self.underline = underline
  }

  /// Ordinary text with no attributes.
  public static let plain = CellStyle()
}
