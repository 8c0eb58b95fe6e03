import BulkheadCanvas
import CNCursesW
import Glibc

/// Owns ncurses for the process's terminal and outputs ``Canvas``es on it.
///
/// Not thread-safe, like ncurses itself: create, use and end it on one thread (``TerminalSession`` does).
///
/// The terminal is put in raw mode in both kiosk and normal use, so Ctrl-C, Ctrl-Z, Ctrl-\ and Ctrl-S/Ctrl-Q arrive
/// as bytes instead of raising signals or freezing the output (XON/XOFF); ``TerminalSession`` decides what Ctrl-C
/// means. Every frame blits the whole canvas into curses' virtual screen and ``refresh()`` sends only what changed.
final class CursesScreen {
  /// The terminal's screen, from `newterm`.
  private let screen: OpaquePointer
  /// `stdscr` of that screen.
  private let window: UnsafeMutablePointer<WINDOW>
  /// The stream curses writes to: standard output, or a relay's pseudo-terminal.
  private let output: UnsafeMutablePointer<FILE>
  /// Only ASCII is written when the locale's codeset is not UTF-8: ncurses would drop anything else.
  private let asciiOnly: Bool
  /// Whether colour pairs are used at all.
  private let colorsEnabled: Bool
  /// Whether −1 (the terminal's default colour) is allowed in colour pairs.
  private let defaultColorsAllowed: Bool
  /// The number of colours the terminal has.
  private let colorCount: Int
  /// The colour pairs handed out, on demand and reused when the terminal's run out.
  private var pairs: ColorPairTable
  /// The NUL-terminated wide characters of the cell being written.
  private var glyph: [wchar_t] = []
  /// Whether ``end()`` ran.
  private var ended = false

  /// The most wide characters (a spacing character and its combining marks) one ncurses cell holds: CCHARW_MAX.
  private static let maxCharactersPerCell = 5
  /// The time ncurses waits after a lone Escape for the rest of an escape sequence, in milliseconds.
  private static let escapeDelay: Int32 = 100

  /// Opens curses on standard input and output (with `newterm`, never `initscr`, which exits on failure), or on
  /// `output` instead of standard output when given (a ``PseudoTerminalRelay``'s).
  ///
  /// Checks first what ``TerminalProbe`` checks (terminals on both ends, `TERM` set, known and able to address the
  /// cursor) and throws ``TerminalSession/OpenError`` with the reason when curses cannot run. Colours are enabled
  /// only when the terminal has them and `NO_COLOR` is unset. With `reportsMouse`, presses and releases of the first
  /// mouse button are read as ``TerminalInput/mouse(_:)`` where the terminal reports them.
  init(reportsMouse: Bool = false, output: UnsafeMutablePointer<FILE>? = nil) throws(TerminalSession.OpenError) {
    let choice = TerminalProbe.choose(TerminalProbe.detect(forceHeadless: false))
    guard choice.screen == .curses else { throw TerminalSession.OpenError(reason: choice.reason) }
    guard let output = output ?? bh_stdout(), let screen = newterm(nil, output, bh_stdin()),
      let window = bh_stdscr()
    else {
      throw TerminalSession.OpenError(reason: "curses could not open the terminal")
    }
    self.screen = screen
    self.window = window
    self.output = output
    asciiOnly = choice.glyphs == .ascii
    raw()
    noecho()
    noqiflush()
    intrflush(window, false)
    keypad(window, true)
    nodelay(window, true)
    curs_set(0)
    set_escdelay(Self.escapeDelay)
    if reportsMouse {
      mousemask(bh_button1_pressed() | bh_button1_released(), nil)
      mouseinterval(0)
    }
    if choice.colorDepth != .none && has_colors() && start_color() == OK {
      colorsEnabled = true
      defaultColorsAllowed = use_default_colors() == OK
      colorCount = Int(bh_colors())
      pairs = ColorPairTable(capacity: min(Int(bh_color_pairs()) - 1, Int(Int16.max)))
    } else {
      colorsEnabled = false
      defaultColorsAllowed = false
      colorCount = 0
      pairs = ColorPairTable(capacity: 0)
    }
  }

  /// The screen size curses works with.
  var size: (width: Int, height: Int) {
    (Int(bh_screen_cols()), Int(bh_screen_rows()))
  }

  /// Reads the terminal's window size (TIOCGWINSZ) and, when it differs from ``size``, resizes curses to it.
  ///
  /// - Returns: the new size, or `nil` when it did not change or cannot be read.
  func adoptWindowSize() -> (width: Int, height: Int)? {
    var rows: Int32 = 0
    var columns: Int32 = 0
    guard bh_window_size(STDOUT_FILENO, &rows, &columns) == 0 else { return nil }
    let current = size
    guard Int(columns) != current.width || Int(rows) != current.height else { return nil }
    resizeterm(rows, columns)
    return size
  }

  /// Writes every cell of `canvas` (clipped to the screen) into curses' virtual screen; nothing is sent yet.
  ///
  /// The screen is erased first, so parts the canvas does not cover are blank. Continuation cells are skipped: the
  /// wide grapheme left of them covers them. Attributes are the cell's bold, dim, reverse and underline, plus the
  /// palette's bold and dim for its role; colours are the cell's explicit ones, else its role's.
  func draw(_ canvas: Canvas, palette: Palette) {
    werase(window)
    pairs.beginFrame()
    let screenSize = size
    let columns = min(canvas.width, screenSize.width)
    for row in 0..<min(canvas.height, screenSize.height) {
      for column in 0..<columns {
        let cell = canvas[x: column, y: row]
        if cell.isContinuation { continue }
        let isWide = column + 1 < canvas.width && canvas[x: column + 1, y: row].isContinuation
        let fits = !isWide || column + 1 < columns
        put(fits ? cell.grapheme : " ", style: cell.style, palette: palette, x: column, y: row)
      }
    }
  }

  /// Sends the changes since the last refresh to the terminal.
  func refresh() {
    wrefresh(window)
  }

  /// Makes the next ``refresh()`` clear the terminal and send the whole screen again (Ctrl-L).
  func repaint() {
    clearok(window, true)
  }

  /// Makes the next ``refresh()`` send `rows` in full, whatever curses believes they show (a sixel picture there
  /// is taken away only by text written over it).
  func repaintRows(_ rows: [Int]) {
    for row in rows { wredrawln(window, Int32(row), 1) }
  }

  /// Writes `bytes` to the terminal past curses (pictures), after everything curses has sent.
  func writeDirectly(_ bytes: [UInt8]) {
    guard !bytes.isEmpty else { return }
    // Where curses writes, so the bytes keep their place among curses' own (and a recording has them).
    fflush(output)
    _ = GraphicsProbe.writeAll(bytes, to: fileno(output))
  }

  /// Every key press waiting in the input, decoded; empty when there is none.
  ///
  /// ncurses reports "no input" and "the terminal is gone" alike, so the caller must watch for the hangup itself.
  func readInputs() -> [TerminalInput] {
    var inputs: [TerminalInput] = []
    var value: wint_t = 0
    while true {
      let status = wget_wch(window, &value)
      if status == ERR { break }
      if status == bh_key_code_yes(), Int32(bitPattern: value) == KEY_MOUSE {
        inputs += readMouse().map(TerminalInput.mouse)
        continue
      }
      let read: TerminalInput.Read =
        status == bh_key_code_yes() ? .keyCode(Int32(bitPattern: value)) : .character(UInt32(value))
      if let input = TerminalInput.decode(read) { inputs.append(input) }
    }
    return inputs
  }

  /// The first button's presses and releases that ncurses has queued, oldest first (`getmouse` hands out the newest
  /// first, and one `KEY_MOUSE` may stand for several events).
  private func readMouse() -> [MouseInput] {
    var events: [MouseInput] = []
    var event = MEVENT()
    while getmouse(&event) == OK {
      if event.bstate & bh_button1_pressed() != 0 {
        events.append(MouseInput(x: Int(event.x), y: Int(event.y), action: .press))
      } else if event.bstate & bh_button1_released() != 0 {
        events.append(MouseInput(x: Int(event.x), y: Int(event.y), action: .release))
      }
    }
    return events.reversed()
  }

  /// Restores the terminal (cooked mode, cursor visible, alternate screen left) and frees curses; idempotent.
  func end() {
    guard !ended else { return }
    ended = true
    endwin()
    delscreen(screen)
  }

  // MARK: - Internals

  /// Writes one grapheme at a cell.
  private func put(_ grapheme: String, style: CellStyle, palette: Palette, x: Int, y: Int) {
    let appearance = palette[style.role]
    var attributes: attr_t = 0
    if style.bold || appearance.bold { attributes |= bh_a_bold() }
    if style.dim || appearance.dim { attributes |= bh_a_dim() }
    if style.reverse { attributes |= bh_a_reverse() }
    if style.underline { attributes |= bh_a_underline() }
    let pair = colorPair(
      foreground: style.foreground.map(Int.init) ?? appearance.foreground,
      background: style.background.map(Int.init) ?? appearance.background)
    var character = cchar_t()
    fillGlyph(grapheme)
    if setcchar(&character, glyph, attributes, pair, nil) != OK {
      glyph = [wchar_t(UInt8(ascii: "?")), 0]
      setcchar(&character, glyph, attributes, pair, nil)
    }
    mvwadd_wch(window, Int32(y), Int32(x), &character)
  }

  /// Fills ``glyph`` with `grapheme` as NUL-terminated wide characters: at most ``maxCharactersPerCell`` scalars,
  /// a space for an empty grapheme, and `?` for anything outside printable ASCII when only ASCII may be written.
  private func fillGlyph(_ grapheme: String) {
    glyph.removeAll(keepingCapacity: true)
    for scalar in grapheme.unicodeScalars.prefix(Self.maxCharactersPerCell) {
      let printableASCII = (0x20...0x7E).contains(scalar.value)
      if asciiOnly && !printableASCII {
        glyph = [wchar_t(UInt8(ascii: "?"))]
        break
      }
      glyph.append(wchar_t(bitPattern: scalar.value))
    }
    if glyph.isEmpty { glyph.append(wchar_t(UInt8(ascii: " "))) }
    glyph.append(0)
  }

  /// The colour pair for a combination, defined on first use (see ``ColorPairTable``); pair 0 (the terminal's
  /// default colours) when colours are off or no pair is free.
  private func colorPair(foreground: Int, background: Int) -> Int16 {
    guard colorsEnabled else { return 0 }
    let combination = ColorPairTable.Combination(
      foreground: colorIndex(foreground, fallback: Int(COLOR_WHITE)),
      background: colorIndex(background, fallback: Int(COLOR_BLACK)))
    if combination.foreground == -1 && combination.background == -1 { return 0 }
    guard let assignment = pairs.pair(for: combination) else { return 0 }
    let pair = Int16(assignment.number)
    if assignment.isNew { init_pair(pair, Int16(combination.foreground), Int16(combination.background)) }
    return pair
  }

  /// A palette colour index the terminal can show: itself when in range, else the default colour (−1, or
  /// `fallback` when the terminal has no default colours).
  private func colorIndex(_ index: Int, fallback: Int) -> Int {
    if index >= 0 && index < colorCount { return index }
    return defaultColorsAllowed ? -1 : fallback
  }
}
