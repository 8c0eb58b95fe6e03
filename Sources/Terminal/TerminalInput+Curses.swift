import BulkheadCanvas
import CNCursesW

extension TerminalInput {
  /// One result of ncurses' `get_wch`: a key code (status `KEY_CODE_YES`) or a wide character (status `OK`).
  public enum Read: Sendable, Hashable {
    /// A special key, by its ncurses key code (`KEY_UP`, `KEY_F0 + n`, `KEY_RESIZE`, …).
    case keyCode(Int32)
    /// A character, by its code point.
    case character(UInt32)
  }

  /// The input a `get_wch` result means, or `nil` when it means none: `KEY_RESIZE` (resizes are reported
  /// separately) or a value that is not a Unicode scalar.
  public static func decode(_ read: Read) -> TerminalInput? {
    switch read {
    case .keyCode(let code):
      return decode(keyCode: code)
    case .character(let value):
      return decode(character: value)
    }
  }

  static func decode(keyCode: Int32) -> TerminalInput? {
    switch keyCode {
    case KEY_UP: .up
    case KEY_DOWN: .down
    case KEY_LEFT: .left
    case KEY_RIGHT: .right
    case KEY_ENTER: .enter
    case KEY_BACKSPACE: .backspace
    case KEY_RESIZE: nil
    default: .key(keyCode)
    }
  }

  static func decode(character value: UInt32) -> TerminalInput? {
    switch value {
    case 0x0A, 0x0D: return .enter
    case 0x09: return .tab
    case 0x1B: return .escape
    case 0x08, 0x7F: return .backspace
    case 0x0C: return .repaint
    case 0x00..<0x20, 0x80...0x9F: return .control(UInt8(value))
    default:
      guard let scalar = Unicode.Scalar(value) else { return nil }
      return .character(Character(scalar))
    }
  }
}
