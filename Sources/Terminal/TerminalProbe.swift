import BulkheadCanvas
import CNCursesW
import Glibc

extension ColorDepth {
  /// The depth a terminal with `count` colours (terminfo `colors`) supports: fewer than 8 is ``none``, fewer than
  /// 16 is ``eight``, fewer than 256 is ``sixteen``, otherwise ``full``.
  public init(colorCount count: Int) {
    switch count {
    case ..<8: self = .none
    case 8..<16: self = .eight
    case 16..<256: self = .sixteen
    default: self = .full
    }
  }
}

/// What the terminal can do and which screen to use for it: curses or headless text.
///
/// ``detect(forceHeadless:)`` reads the live environment; ``choose(_:)`` is the pure decision on what it read.
public enum TerminalProbe {
  /// What `setupterm` said about the terminal type in `TERM`.
  public enum Capability: Sendable, Hashable {
    /// The type is known and can address the cursor (`cup`); `colors` is its terminfo colour count (0 if none).
    case addressable(colors: Int)
    /// The type is known but cannot address the cursor, e.g. `dumb`: curses would draw garbage.
    case noCursorAddressing
    /// The type is not in the terminfo database.
    case unknownType
    /// Not probed, because an earlier check already ruled curses out.
    case notProbed
  }

  /// The facts the decision is made from.
  public struct Facts: Sendable, Hashable {
    /// Whether standard input is a terminal.
    public var stdinIsTerminal: Bool
    /// Whether standard output is a terminal.
    public var stdoutIsTerminal: Bool
    /// The `TERM` environment variable; `nil` when unset or empty.
    public var term: String?
    /// What probing `TERM` found.
    public var capability: Capability
    /// Whether the locale's codeset (`nl_langinfo(CODESET)` after `setlocale(LC_ALL, "")`) is UTF-8.
    public var codesetIsUTF8: Bool
    /// Whether `NO_COLOR` is set to a non-empty value (no-color.org).
    public var noColor: Bool
    /// Whether headless mode was asked for (`--headless`).
    public var forceHeadless: Bool

    /// Creates the facts.
    public init(
      stdinIsTerminal: Bool, stdoutIsTerminal: Bool, term: String?, capability: Capability, codesetIsUTF8: Bool,
      noColor: Bool, forceHeadless: Bool
    ) {
      self.stdinIsTerminal = stdinIsTerminal
      self.stdoutIsTerminal = stdoutIsTerminal
      self.term = term
      self.capability = capability
      self.codesetIsUTF8 = codesetIsUTF8
      self.noColor = noColor
      self.forceHeadless = forceHeadless
    }
  }

  /// The screen to output frames on.
  public enum Screen: Sendable, Hashable {
    /// Full-screen curses (``TerminalSession``).
    case curses
    /// Plain text frames on standard output (``TextScreen``).
    case headless
  }

  /// The decision: screen, why, and how to draw.
  public struct Choice: Sendable, Hashable {
    /// The screen to use.
    public var screen: Screen
    /// Why, for a log or a note on standard error, e.g. "standard output is not a terminal".
    public var reason: String
    /// The glyph set: ``GlyphSet/unicode`` only when the codeset is UTF-8.
    public var glyphs: GlyphSet
    /// The colour depth to resolve the theme for.
    public var colorDepth: ColorDepth
  }

  /// Decides the screen, glyph set and colour depth.
  ///
  /// Headless when asked for, when standard output or input is not a terminal, when `TERM` is unset, unknown or
  /// cannot address the cursor; curses otherwise. The colour depth is ``ColorDepth/none`` under `NO_COLOR`, else the
  /// terminal's colour count for curses, and ``ColorDepth/full`` for headless frames (whose `--ansi` output uses
  /// 256-colour codes).
  public static func choose(_ facts: Facts) -> Choice {
    let glyphs: GlyphSet = facts.codesetIsUTF8 ? .unicode : .ascii
    func headless(_ reason: String) -> Choice {
      Choice(screen: .headless, reason: reason, glyphs: glyphs, colorDepth: facts.noColor ? .none : .full)
    }
    if facts.forceHeadless { return headless("headless mode was requested") }
    if !facts.stdoutIsTerminal { return headless("standard output is not a terminal") }
    if !facts.stdinIsTerminal { return headless("standard input is not a terminal") }
    guard let term = facts.term else { return headless("TERM is not set") }
    switch facts.capability {
    case .unknownType, .notProbed:
      return headless("unknown terminal type \"\(term)\"")
    case .noCursorAddressing:
      return headless("terminal type \"\(term)\" cannot address the cursor")
    case .addressable(let colors):
      let depth = facts.noColor ? ColorDepth.none : ColorDepth(colorCount: colors)
      let colorNote = facts.noColor ? "NO_COLOR set" : "\(colors) colours"
      let codeset = facts.codesetIsUTF8 ? "UTF-8" : "ASCII"
      return Choice(
        screen: .curses, reason: "terminal \"\(term)\" (\(colorNote), \(codeset))", glyphs: glyphs,
        colorDepth: depth)
    }
  }

  /// Reads the facts from the live process: `isatty` on file descriptors 0 and 1, `TERM` and `NO_COLOR`, the
  /// locale's codeset (after `setlocale(LC_ALL, "")`), and — only when both are terminals and `TERM` is set — the
  /// terminfo entry via `setupterm`.
  ///
  /// Call it before any ``TerminalSession`` is open: `setupterm` must not run while curses is active.
  public static func detect(forceHeadless: Bool) -> Facts {
    let stdinIsTerminal = isatty(STDIN_FILENO) == 1
    let stdoutIsTerminal = isatty(STDOUT_FILENO) == 1
    let term = environment("TERM")
    var capability = Capability.notProbed
    if stdinIsTerminal, stdoutIsTerminal, term != nil, !forceHeadless {
      var colors: Int32 = 0
      switch bh_probe_terminal(STDOUT_FILENO, &colors) {
      case 1: capability = .addressable(colors: Int(colors))
      case 0: capability = .noCursorAddressing
      default: capability = .unknownType
      }
    }
    return Facts(
      stdinIsTerminal: stdinIsTerminal, stdoutIsTerminal: stdoutIsTerminal, term: term, capability: capability,
      codesetIsUTF8: localeIsUTF8(), noColor: environment("NO_COLOR") != nil, forceHeadless: forceHeadless)
  }

  /// The window size of the terminal on standard output (TIOCGWINSZ), or `nil` when it cannot be read.
  public static func windowSize() -> (width: Int, height: Int)? {
    var rows: Int32 = 0
    var columns: Int32 = 0
    guard bh_window_size(STDOUT_FILENO, &rows, &columns) == 0 else { return nil }
    return (Int(columns), Int(rows))
  }

  /// Adopts the environment's locale (`setlocale(LC_ALL, "")`) and tells whether its codeset is UTF-8.
  public static func localeIsUTF8() -> Bool {
    setlocale(LC_ALL, "")
    guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
    let name = String(cString: codeset).uppercased()
    return name == "UTF-8" || name == "UTF8"
  }

  /// The value of an environment variable, or `nil` when it is unset or empty.
  static func environment(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    let text = String(cString: value)
    return text.isEmpty ? nil : text
  }
}
