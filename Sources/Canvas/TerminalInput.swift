/// What a key press means to the app (the terminal backend decodes it from what the terminal reports).
public enum TerminalInput: Sendable, Hashable {
  /// A printable character (any Unicode scalar that is not a control character).
  case character(Character)
  /// The up arrow.
  case up
  /// The down arrow.
  case down
  /// The left arrow.
  case left
  /// The right arrow.
  case right
  /// Enter or Return (CR, LF or the keypad's Enter).
  case enter
  /// A lone Escape.
  case escape
  /// Backspace or DEL.
  case backspace
  /// Tab.
  case tab
  /// Ctrl-L: the player asks for the screen to be repainted.
  case repaint
  /// Any other control byte (C0 or C1), e.g. 3 for Ctrl-C or 26 for Ctrl-Z.
  case control(UInt8)
  /// A function key or another special key the app does not interpret, by its key code (ncurses numbering).
  case key(Int32)
  /// A mouse button pressed or released over a cell, where the terminal reports the mouse.
  case mouse(MouseInput)
}
