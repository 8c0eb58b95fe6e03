import BulkheadCanvas
import BulkheadCore

/// Fetches a portrait through the display's ``ServerAPI`` and decodes it, off the display's loop.
struct PortraitLoader: Sendable {
  /// The REST side of the server.
  let api: any ServerAPI
  /// Where the one line about a portrait that cannot be shown goes.
  let log: @Sendable (String) -> Void

  /// The largest side an image is kept at: decoded portraits are shrunk to it once, so frames scale less.
  static let keptSide = 256

  /// The portrait of `source`: its image or text, ``PortraitArt/unavailable`` (logged) when the server refuses it or
  /// it does not decode, `nil` (logged) when the server cannot be reached — the display tries again later.
  func load(_ source: PortraitSource) async -> PortraitArt? {
    let shown = UntrustedText.sanitize(source.path)
    guard let path = source.requestPath else {
      log("portrait \(shown): not a path on the server")
      return .unavailable
    }
    let bytes: [UInt8]
    do throws(ServerAPIError) {
      bytes = try await api.file(path)
    } catch {
      log("portrait \(shown): \(error)")
      if case .unreachable = error { return nil }
      return .unavailable
    }
    if source.isText { return PortraitArt.text(fromFile: bytes) }
    do throws(PortraitImageError) {
      return .image(try PNGDecoder.decode(bytes).fitted(within: Self.keptSide))
    } catch {
      log("portrait \(shown): \(error)")
      return .unavailable
    }
  }
}
