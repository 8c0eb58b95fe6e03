/// The kinds of campaign file `GET /data/…` serves: images recognised by extension and signature, and the
/// text portraits the campaign's NPCs name.
enum CampaignFileType: Equatable, Sendable {
  case png
  case jpeg
  case gif
  case webp
  /// A hand-drawn text portrait, named by some NPC's `portrait_text`.
  case text

  /// The image type that `fileName`'s extension names (case-insensitively), or nil for any other file.
  init?(imageFileName fileName: String) {
    guard let dot = fileName.lastIndex(of: ".") else { return nil }
    switch fileName[fileName.index(after: dot)...].lowercased() {
    case "png": self = .png
    case "jpg", "jpeg": self = .jpeg
    case "gif": self = .gif
    case "webp": self = .webp
    default: return nil
    }
  }

  /// The `Content-Type` header value.
  var contentType: String {
    switch self {
    case .png: "image/png"
    case .jpeg: "image/jpeg"
    case .gif: "image/gif"
    case .webp: "image/webp"
    case .text: "text/plain; charset=utf-8"
    }
  }

  /// How the type is named in refusals.
  var name: String {
    switch self {
    case .png: "a PNG image"
    case .jpeg: "a JPEG image"
    case .gif: "a GIF image"
    case .webp: "a WebP image"
    case .text: "UTF-8 text"
    }
  }

  /// Whether `content` is of this type: an image starts with its format's signature; text is UTF-8 without NUL.
  func matches(_ content: [UInt8]) -> Bool {
    switch self {
    case .png: content.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    case .jpeg: content.starts(with: [0xFF, 0xD8, 0xFF])
    case .gif: content.starts(with: Array("GIF87a".utf8)) || content.starts(with: Array("GIF89a".utf8))
    case .webp: content.starts(with: Array("RIFF".utf8)) && content.dropFirst(8).starts(with: Array("WEBP".utf8))
    case .text: !content.contains(0) && String(validating: content, as: UTF8.self) != nil
    }
  }
}
