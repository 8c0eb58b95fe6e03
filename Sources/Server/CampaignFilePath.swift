/// A `/data/…` request path checked segment by segment before it touches the file system.
///
/// The check works on the raw, still percent-encoded path: every segment is decoded on its own, so an
/// encoded separator (`%2F`, `%5C`) or dot segment (`%2e%2e`) can never join or climb out of its segment.
struct CampaignFilePath: Sendable {
  /// The URL prefix under which the campaign folder is served.
  static let prefix = "/data/"

  /// The decoded segments, relative to the campaign folder.
  let segments: [String]

  /// The path relative to the campaign folder (`campaign/NPCs/images/x.png`).
  var relativePath: String { segments.joined(separator: "/") }

  /// Checks `rawPath`, a request path as it came over the wire (`/data/campaign/NPCs/images/x.png`).
  ///
  /// - Throws: `APIError` 400 for an invalid percent escape or non-UTF-8 bytes, 404 for a path outside
  ///   `/data/`, 403 for a segment that is empty, `.`, `..`, hidden (`.name`) or holds `/`, `\` or NUL.
  init(rawPath: Substring) throws(APIError) {
    guard rawPath.hasPrefix(Self.prefix) else {
      throw APIError(.notFound, "only paths under \(Self.prefix) name campaign files")
    }
    let rawSegments = rawPath.dropFirst(Self.prefix.count).split(separator: "/", omittingEmptySubsequences: false)
    segments = try rawSegments.map { raw throws(APIError) in try Self.checkedSegment(raw) }
  }

  /// The decoded `raw` segment, or the reason it is refused.
  private static func checkedSegment(_ raw: Substring) throws(APIError) -> String {
    guard let segment = percentDecoded(raw) else {
      throw APIError(.badRequest, "the path has an invalid percent escape or is not UTF-8")
    }
    if segment.isEmpty {
      throw APIError(.forbidden, "the path has an empty segment")
    }
    if segment == "." || segment == ".." || segment.contains(where: { $0 == "/" || $0 == "\\" }) {
      throw APIError(.forbidden, "path escapes the campaign folder")
    }
    if segment.contains("\u{0}") {
      throw APIError(.forbidden, "the path holds a NUL character")
    }
    if segment.hasPrefix(".") {
      throw APIError(.forbidden, "hidden files are not served")
    }
    return segment
  }

  /// `raw` with every `%XX` escape decoded, or nil when an escape is malformed or the bytes are not UTF-8.
  static func percentDecoded(_ raw: Substring) -> String? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(raw.utf8.count)
    var iterator = raw.utf8.makeIterator()
    while let byte = iterator.next() {
      guard byte == UInt8(ascii: "%") else {
        bytes.append(byte)
        continue
      }
      guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
        return nil
      }
      bytes.append(high << 4 | low)
    }
    return String(validating: bytes, as: UTF8.self)
  }

  private static func hexValue(_ digit: UInt8) -> UInt8? {
    switch digit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
