import BulkheadCanvas

/// Why a portrait image could not be decoded.
public enum PortraitImageError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The bytes do not start with the PNG signature.
  case notPNG
  /// The header claims more pixels than a portrait may have; refused before any pixel memory is allocated.
  case tooLarge(width: Int, height: Int)
  /// libpng could not read the file; its message.
  case corrupt(String)

  public var description: String {
    switch self {
    case .notPNG: "not a PNG file"
    case .tooLarge(let width, let height): "\(width)x\(height) is too large for a portrait"
    case .corrupt(let message): "corrupt PNG: \(message)"
    }
  }
}
