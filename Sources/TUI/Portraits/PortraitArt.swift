import BulkheadCanvas
import BulkheadCore

/// What the display has of one NPC's portrait.
public enum PortraitArt: Sendable, Equatable {
  /// A decoded image.
  case image(RGBAImage)
  /// A hand-drawn text portrait (the NPC's `portrait_text`), one sanitised line per row.
  case text([String])
  /// The portrait could not be fetched or decoded: a placeholder with the NPC's initials is drawn.
  case unavailable
}

extension PortraitArt {
  /// The most rows of a text portrait kept.
  public static let maximumTextRows = 200
  /// The most characters of a text portrait's row kept.
  public static let maximumTextColumns = 400

  /// A text portrait from a file's bytes: UTF-8 (invalid bytes replaced), lines split at LF, CRLF or CR, each
  /// sanitised (control characters and escape sequences removed, a tab becomes a space), trailing spaces and
  /// trailing empty lines dropped, and bounded to ``maximumTextRows`` × ``maximumTextColumns``.
  public static func text(fromFile bytes: [UInt8]) -> PortraitArt {
    var lines = String(decoding: bytes, as: UTF8.self)
      .split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
      .prefix(maximumTextRows).map { line in
        var clean = UntrustedText.sanitize(String(line.prefix(maximumTextColumns)))
        while clean.last == " " { clean.removeLast() }
        return clean
      }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return .text(lines)
  }
}
