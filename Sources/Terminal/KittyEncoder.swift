import BulkheadCanvas
import Foundation

/// Encodes pictures for the kitty graphics protocol (kitty, WezTerm, Ghostty, Konsole): raw 32-bit RGBA, base64 in
/// chunks of at most 4096 characters, transmitted and placed at the cursor in one command (`a=T`), scaled by the
/// terminal to a number of cells; and the commands that delete placed pictures.
public enum KittyEncoder {
  /// The most base64 characters in one escape sequence (the protocol's limit).
  static let chunkSize = 4096

  /// The sequences that transmit `image` as picture `id` and place it at the cursor over `columns` × `rows` cells,
  /// without moving the cursor (`C=1`) and without replies (`q=2`).
  public static func place(_ image: RGBAImage, id: UInt32, columns: Int, rows: Int) -> [UInt8] {
    let payload = Data(image.pixels).base64EncodedString()
    var out: [UInt8] = []
    var start = payload.startIndex
    var first = true
    repeat {
      let end = payload.index(start, offsetBy: chunkSize, limitedBy: payload.endIndex) ?? payload.endIndex
      let more = end < payload.endIndex ? 1 : 0
      let keys =
        first
        ? "a=T,f=32,s=\(image.width),v=\(image.height),i=\(id),c=\(columns),r=\(rows),C=1,q=2,m=\(more)"
        : "m=\(more)"
      out.append(contentsOf: "\u{1B}_G\(keys);\(payload[start..<end])\u{1B}\\".utf8)
      start = end
      first = false
    } while start < payload.endIndex
    return out
  }

  /// Deletes picture `id` and frees its data.
  public static func delete(id: UInt32) -> [UInt8] {
    Array("\u{1B}_Ga=d,d=I,i=\(id),q=2\u{1B}\\".utf8)
  }

  /// Deletes every picture on the screen and frees their data.
  public static let deleteAll: [UInt8] = Array("\u{1B}_Ga=d,d=A,q=2\u{1B}\\".utf8)
}
