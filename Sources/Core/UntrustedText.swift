/// Makes text from the server or a campaign file safe to put on a terminal.
public enum UntrustedText {
  /// `text` without control characters (C0, DEL, C1), escape sequences or bidirectional
  /// formatting characters (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069); each line
  /// break becomes `lineBreak` and each tab a space.
  ///
  /// An escape sequence is removed whole (CSI `ESC [ … final`, OSC `ESC ] … BEL/ST`, and
  /// two-character `ESC x`), so no part of it reaches the terminal.
  public static func sanitize(_ text: String, lineBreak: String = " ") -> String {
    var result = String.UnicodeScalarView()
    var scalars = text.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      switch scalar.value {
      case 0x0A:
        result.append(contentsOf: lineBreak.unicodeScalars)
      case 0x09:
        result.append(" ")
      case 0x1B:
        skipEscape(&scalars)
      case 0x9B:
        skipUntilFinal(&scalars)
      case 0x9D, 0x90, 0x98, 0x9E, 0x9F:
        skipString(&scalars)
      case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
        continue
      default:
        result.append(scalar)
      }
    }
    return String(result)
  }

  private static func skipEscape(_ scalars: inout String.UnicodeScalarView.Iterator) {
    guard let next = scalars.next() else { return }
    switch next {
    case "[": skipUntilFinal(&scalars)
    case "]", "P", "X", "^", "_": skipString(&scalars)
    default: return
    }
  }

  /// Skips a control sequence's parameters up to its final byte (0x40–0x7E).
  private static func skipUntilFinal(_ scalars: inout String.UnicodeScalarView.Iterator) {
    while let scalar = scalars.next() {
      if (0x40...0x7E).contains(scalar.value) { return }
    }
  }

  /// Skips a string command up to BEL or ST (`ESC \` or U+009C).
  private static func skipString(_ scalars: inout String.UnicodeScalarView.Iterator) {
    while let scalar = scalars.next() {
      switch scalar.value {
      case 0x07, 0x9C: return
      case 0x1B:
        _ = scalars.next()
        return
      default: continue
      }
    }
  }
}
