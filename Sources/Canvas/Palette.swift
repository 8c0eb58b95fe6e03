/// How one ``ColorRole`` looks on a terminal: colour indexes and the attributes the theme adds.
public struct RoleAppearance: Sendable, Hashable {
  /// The foreground colour index (0–255), or −1 for the terminal's default.
  public var foreground: Int
  /// The background colour index (0–255), or −1 for the terminal's default.
  public var background: Int
  /// Whether the theme draws this role bold, whatever the cell's own style says.
  public var bold: Bool
  /// Whether the theme draws this role dim, whatever the cell's own style says.
  public var dim: Bool

  /// Creates an appearance; by default the terminal's colours with no attributes.
  public init(foreground: Int = -1, background: Int = -1, bold: Bool = false, dim: Bool = false) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.dim = dim
  }
}

/// Colour roles resolved for one terminal: what a screen needs to output a ``Canvas`` in colour.
///
/// A role missing from the palette takes the terminal's default colours; the empty palette is monochrome.
public struct Palette: Sendable, Hashable {
  /// The appearance of each role that has one.
  public var appearances: [ColorRole: RoleAppearance]

  /// Creates a palette from the appearance of each role.
  public init(_ appearances: [ColorRole: RoleAppearance] = [:]) {
    self.appearances = appearances
  }

  /// The appearance of `role`: its entry, else the terminal's default colours.
  public subscript(role: ColorRole) -> RoleAppearance {
    appearances[role] ?? RoleAppearance()
  }

  /// Every role in the terminal's default colours: status is carried by glyphs and attributes alone.
  public static let monochrome = Palette()
}
