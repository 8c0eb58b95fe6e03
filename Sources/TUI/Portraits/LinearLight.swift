import BulkheadCanvas
import Foundation

/// Converts libpng's 16-bit linear light, premultiplied RGBA into 8-bit sRGB with straight alpha.
///
/// libpng linearises sRGB with a plain 2.2 gamma (its `PNG_GAMMA_sRGB`), so the same curve is inverted here: an
/// sRGB value survives the round trip.
enum LinearLight {
  /// The sRGB byte of each 16-bit linear value.
  private static let encoding: [UInt8] = (0...65_535).map { value in
    UInt8((pow(Double(value) / 65_535, 1 / 2.2) * 255).rounded())
  }

  /// `samples` (R, G, B premultiplied by A, then A; 0–65535, linear) as 8-bit sRGB RGBA with straight alpha.
  static func eightBitSRGB(_ samples: [UInt16]) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: samples.count)
    var index = 0
    while index + 3 < samples.count {
      let alpha = Int(samples[index + 3])
      if alpha > 0 {
        for channel in 0..<3 {
          let straight = min(65_535, (Int(samples[index + channel]) * 65_535 + alpha / 2) / alpha)
          bytes[index + channel] = encoding[straight]
        }
      }
      bytes[index + 3] = UInt8((alpha * 255 + 32_767) / 65_535)
      index += 4
    }
    return bytes
  }
}
