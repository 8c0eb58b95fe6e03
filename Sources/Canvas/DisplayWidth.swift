/// The number of terminal columns a grapheme cluster takes, computed from Unicode scalar properties.
///
/// Follows the classic `wcwidth` tables: 0 for combining marks, format characters and control characters,
/// 2 for East Asian Wide and Fullwidth characters and emoji shown in emoji presentation (including a text-style
/// emoji followed by VARIATION SELECTOR-16), 1 otherwise. Needs no Foundation and no C library, so the result
/// does not depend on the process locale.
public enum DisplayWidth {
  /// Scalar ranges that take two columns (East Asian Wide/Fullwidth and emoji blocks).
  static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F,  // Hangul Jamo initial consonants
    0x2329...0x232A,  // angle brackets
    0x2E80...0x303E,  // CJK radicals, Kangxi, CJK symbols and punctuation
    0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, CJK compatibility
    0x3400...0x4DBF,  // CJK extension A
    0x4E00...0x9FFF,  // CJK unified ideographs
    0xA000...0xA4CF,  // Yi
    0xAC00...0xD7A3,  // Hangul syllables
    0xF900...0xFAFF,  // CJK compatibility ideographs
    0xFE30...0xFE4F,  // CJK compatibility forms
    0xFF00...0xFF60,  // fullwidth forms
    0xFFE0...0xFFE6,  // fullwidth signs
    0x1F300...0x1F64F,  // miscellaneous symbols and pictographs, emoticons
    0x1F900...0x1F9FF,  // supplemental symbols and pictographs
    0x20000...0x3FFFD,  // CJK extensions B and later
  ]

  /// Scalar ranges that take no column although their general category would say otherwise.
  static let zeroRanges: [ClosedRange<UInt32>] = [
    0x1160...0x11FF,  // Hangul Jamo medial vowels and final consonants (join the initial)
    0xD7B0...0xD7FF,  // Hangul Jamo extended B
  ]

  /// VARIATION SELECTOR-16: requests emoji presentation for the preceding scalar.
  static let emojiPresentationSelector: UInt32 = 0xFE0F

  /// The columns a single scalar takes on its own: 0, 1 or 2.
  public static func of(scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x20 || (0x7F...0x9F).contains(value) { return 0 }
    if value < 0x300 { return 1 }  // Latin; includes SOFT HYPHEN, shown as a hyphen by terminals
    if zeroRanges.contains(where: { $0.contains(value) }) { return 0 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control:
      return 0
    default:
      break
    }
    if wideRanges.contains(where: { $0.contains(value) }) { return 2 }
    if scalar.properties.isEmojiPresentation { return 2 }
    return 1
  }

  /// The columns a grapheme cluster takes: the width of its first spacing scalar, widened to 2 when an emoji
  /// is followed by VARIATION SELECTOR-16; 0 when the cluster holds only zero-width scalars.
  public static func of(_ character: Character) -> Int {
    var base: Int?
    var baseIsEmoji = false
    var wantsEmojiPresentation = false
    for scalar in character.unicodeScalars {
      if scalar.value == emojiPresentationSelector {
        wantsEmojiPresentation = true
        continue
      }
      if base == nil {
        let width = of(scalar: scalar)
        if width > 0 {
          base = width
          baseIsEmoji = scalar.properties.isEmoji
        }
      }
    }
    guard let width = base else { return 0 }
    if width == 1 && wantsEmojiPresentation && baseIsEmoji { return 2 }
    return width
  }

  /// The columns a string takes: the sum over its grapheme clusters.
  public static func of(_ string: String) -> Int {
    string.reduce(0) { $0 + of($1) }
  }
}
