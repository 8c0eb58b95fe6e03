import BulkheadCanvas

/// Encodes a picture as a DEC sixel sequence (`ESC P 0;1;0 q … ESC \`), as xterm, foot, WezTerm, mlterm and others
/// draw it.
///
/// Colours are the 6 × 6 × 6 cube (216 colour registers, each component one of 0, 20, 40, 60, 80, 100 %); the
/// raster attributes (`"1;1;W;H`) give square pixels and the exact size; runs of four or more equal sixels are
/// compressed (`!n`). Transparency is not encoded: the picture should be opaque (``RGBAImage/letterboxed(width:height:background:)``).
public enum SixelEncoder {
  /// The sixel sequence of `image`.
  public static func encode(_ image: RGBAImage) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(image.width * image.height / 2)
    append("\u{1B}P0;1;0q\"1;1;\(image.width);\(image.height)", to: &out)
    let indexes = quantized(image)
    var defined = [Bool](repeating: false, count: 216)
    for index in indexes where !defined[Int(index)] { defined[Int(index)] = true }
    for index in 0..<216 where defined[index] {
      let (red, green, blue) = (index / 36, index / 6 % 6, index % 6)
      append("#\(index);2;\(red * 20);\(green * 20);\(blue * 20)", to: &out)
    }
    var band = 0
    while band < image.height {
      let rows = min(6, image.height - band)
      var used: [Int] = []
      var seen = [Bool](repeating: false, count: 216)
      for y in band..<band + rows {
        for x in 0..<image.width where !seen[Int(indexes[y * image.width + x])] {
          seen[Int(indexes[y * image.width + x])] = true
          used.append(Int(indexes[y * image.width + x]))
        }
      }
      for (position, colour) in used.sorted().enumerated() {
        if position > 0 { out.append(UInt8(ascii: "$")) }
        append("#\(colour)", to: &out)
        var run: (byte: UInt8, count: Int)?
        for x in 0..<image.width {
          var bits: UInt8 = 0
          for row in 0..<rows where Int(indexes[(band + row) * image.width + x]) == colour { bits |= 1 << row }
          let byte = 63 + bits
          if let current = run, current.byte == byte {
            run = (byte, current.count + 1)
          } else {
            if let current = run { flush(current, to: &out) }
            run = (byte, 1)
          }
        }
        if let current = run { flush(current, to: &out) }
      }
      band += 6
      if band < image.height { out.append(UInt8(ascii: "-")) }
    }
    append("\u{1B}\\", to: &out)
    return out
  }

  /// The colour register (0–215) of each pixel, row by row: its nearest cube colour.
  static func quantized(_ image: RGBAImage) -> [UInt8] {
    var indexes = [UInt8](repeating: 0, count: image.width * image.height)
    for pixel in 0..<indexes.count {
      let offset = pixel * 4
      let levels = (0..<3).map { (Int(image.pixels[offset + $0]) * 5 + 127) / 255 }
      indexes[pixel] = UInt8(levels[0] * 36 + levels[1] * 6 + levels[2])
    }
    return indexes
  }

  /// The colour a register stands for, as 8-bit components (what a decoder gets back).
  public static func colour(ofRegister index: Int) -> RGBA {
    func component(_ level: Int) -> UInt8 { UInt8((level * 20 * 255 + 50) / 100) }
    return RGBA(red: component(index / 36), green: component(index / 6 % 6), blue: component(index % 6))
  }

  private static func flush(_ run: (byte: UInt8, count: Int), to out: inout [UInt8]) {
    if run.count >= 4 {
      append("!\(run.count)", to: &out)
      out.append(run.byte)
    } else {
      out.append(contentsOf: repeatElement(run.byte, count: run.count))
    }
  }

  private static func append(_ text: String, to out: inout [UInt8]) {
    out.append(contentsOf: text.utf8)
  }
}
