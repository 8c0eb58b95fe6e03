import BulkheadCanvas

/// A look for the player display: the colours and attributes of every ``ColorRole`` and the frames' box style.
///
/// A theme holds each role's colour twice, as a 256-colour index and as a fallback among the basic terminal
/// colours, and resolves to the ``Palette`` a terminal of a given ``ColorDepth`` can show. Themes are read from
/// `themes/NAME.yaml` by ``ThemeFile``; ``ThemeLibrary`` finds them.
public struct Theme: Sendable, Hashable {
  /// The glyphs panel frames are drawn with on a UTF-8 terminal.
  public enum BoxStyle: String, Sendable, Hashable, CaseIterable {
    /// Light box drawing: `─│┌┐└┘`.
    case light
    /// Heavy box drawing: `━┃┏┓┗┛`.
    case heavy
  }

  /// One of the eight basic terminal colours, optionally in its bright variant (a 16-colour terminal's 8–15).
  public struct BasicColor: Sendable, Hashable {
    /// The basic colours' names in index order, as theme files spell them.
    public static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// The colour's index among the eight basic colours, 0–7.
    public var index: Int
    /// Whether a 16-colour terminal shows the bright variant.
    public var bright: Bool

    /// Creates a basic colour from its index (0–7) and brightness.
    public init(index: Int, bright: Bool = false) {
      precondition((0..<8).contains(index), "a basic colour index is 0–7")
      self.index = index
      self.bright = bright
    }

    /// Reads a colour name as theme files write it, `red` or `bright red`; nil for any other text.
    public init?(name: String) {
      var words = name.split(separator: " ").map(String.init)
      let bright = words.first == "bright"
      if bright { words.removeFirst() }
      guard words.count == 1, let index = Self.names.firstIndex(of: words[0]) else { return nil }
      self.init(index: index, bright: bright)
    }

    /// The colour's index on a 16-colour terminal: the bright variants are 8–15.
    public var index16: Int { bright ? index + 8 : index }
  }

  /// A colour as a 256-colour index with a basic colour for terminals that have fewer.
  public struct Color: Sendable, Hashable {
    /// The 256-colour index, 0–255.
    public var index: Int
    /// The colour shown by 8- and 16-colour terminals.
    public var fallback: BasicColor

    /// Creates a colour from its 256-colour index (0–255) and its fallback.
    public init(index: Int, fallback: BasicColor) {
      precondition((0..<256).contains(index), "a 256-colour index is 0–255")
      self.index = index
      self.fallback = fallback
    }
  }

  /// How the theme draws one role: colours (nil for the terminal's default) and attributes.
  public struct Role: Sendable, Hashable {
    /// The text colour, or nil for the terminal's default.
    public var foreground: Color?
    /// The cell background, or nil for the terminal's default.
    public var background: Color?
    /// Whether the role is drawn bold.
    public var bold: Bool
    /// Whether the role is drawn dim.
    public var dim: Bool

    /// Creates a role's look; by default the terminal's colours with no attributes.
    public init(foreground: Color? = nil, background: Color? = nil, bold: Bool = false, dim: Bool = false) {
      self.foreground = foreground
      self.background = background
      self.bold = bold
      self.dim = dim
    }
  }

  /// The theme's name, as given to `--theme`.
  public var name: String
  /// One line saying what the theme looks like.
  public var description: String
  /// The look of each role; a role without an entry is drawn in the terminal's default colours.
  public var roles: [ColorRole: Role]
  /// The glyphs panel frames are drawn with on a UTF-8 terminal.
  public var box: BoxStyle

  /// Creates a theme.
  public init(name: String, description: String, roles: [ColorRole: Role], box: BoxStyle = .light) {
    self.name = name
    self.description = description
    self.roles = roles
    self.box = box
  }

  /// The theme resolved for a terminal that shows `depth` colours.
  ///
  /// - ``ColorDepth/full``: the 256-colour indexes.
  /// - ``ColorDepth/sixteen``: the fallbacks, bright ones as 8–15.
  /// - ``ColorDepth/eight``: the fallbacks as 0–7, bright or not.
  /// - ``ColorDepth/none`` (also the caller's answer to `NO_COLOR`): ``Palette/monochrome`` with the theme's
  ///   bold and dim kept, since they still set roles apart.
  ///
  /// Roles drawn in the terminal's defaults are left out, so equal looks give equal palettes.
  public func palette(for depth: ColorDepth) -> Palette {
    func resolve(_ color: Color?) -> Int {
      guard let color else { return -1 }
      switch depth {
      case .none: return -1
      case .eight: return color.fallback.index
      case .sixteen: return color.fallback.index16
      case .full: return color.index
      }
    }
    var appearances: [ColorRole: RoleAppearance] = [:]
    for (role, look) in roles {
      let appearance = RoleAppearance(
        foreground: resolve(look.foreground), background: resolve(look.background), bold: look.bold, dim: look.dim)
      if appearance != RoleAppearance() { appearances[role] = appearance }
    }
    return Palette(appearances)
  }

  /// The glyphs for panel frames in `glyphs`: the theme's box style on UTF-8 terminals, ASCII otherwise.
  public func boxGlyphs(for glyphs: GlyphSet) -> BoxGlyphs {
    switch (glyphs, box) {
    case (.ascii, _): .ascii
    case (.unicode, .light): .unicode
    case (.unicode, .heavy): .heavy
    }
  }

  /// The theme the display falls back on when no theme files are found: every role in the terminal's default
  /// colours, light frames; glyphs alone carry status.
  public static let builtInMono = Theme(
    name: "mono", description: "Terminal colours only (built in; used when no theme files are found).", roles: [:])
}
