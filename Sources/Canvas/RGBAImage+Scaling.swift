extension RGBAImage {
  /// The image resized to `width` × `height` by area averaging: each new pixel is the mean of the source pixels its
  /// area covers, colours weighted by their alpha so transparent pixels do not darken the edges. Enlarging repeats
  /// pixels.
  public func scaled(width newWidth: Int, height newHeight: Int) -> RGBAImage {
    guard newWidth > 0, newHeight > 0, width > 0, height > 0 else {
      return RGBAImage(
        width: max(0, newWidth), height: max(0, newHeight),
        pixels: [UInt8](
          repeating: 0, count: max(0, newWidth) * max(0, newHeight) * 4))
    }
    let columns = Self.spans(source: width, target: newWidth)
    let rows = Self.spans(source: height, target: newHeight)
    var result = [UInt8](repeating: 0, count: newWidth * newHeight * 4)
    pixels.withUnsafeBufferPointer { source in
      for (targetY, rowSpan) in rows.enumerated() {
        for (targetX, columnSpan) in columns.enumerated() {
          var red = 0
          var green = 0
          var blue = 0
          var alpha = 0
          for y in rowSpan {
            var offset = (y * width + columnSpan.lowerBound) * 4
            for _ in columnSpan {
              let weight = Int(source[offset + 3])
              red += Int(source[offset]) * weight
              green += Int(source[offset + 1]) * weight
              blue += Int(source[offset + 2]) * weight
              alpha += weight
              offset += 4
            }
          }
          let target = (targetY * newWidth + targetX) * 4
          let count = rowSpan.count * columnSpan.count
          if alpha > 0 {
            result[target] = UInt8((red + alpha / 2) / alpha)
            result[target + 1] = UInt8((green + alpha / 2) / alpha)
            result[target + 2] = UInt8((blue + alpha / 2) / alpha)
          }
          result[target + 3] = UInt8((alpha + count / 2) / count)
        }
      }
    }
    return RGBAImage(width: newWidth, height: newHeight, pixels: result)
  }

  /// The image shrunk (never enlarged) so that neither side exceeds `side`, keeping its proportions.
  public func fitted(within side: Int) -> RGBAImage {
    guard width > side || height > side else { return self }
    let scale = Double(side) / Double(max(width, height))
    return scaled(
      width: max(1, Int((Double(width) * scale).rounded())), height: max(1, Int((Double(height) * scale).rounded())))
  }

  /// For each of `target` cells along an axis, the source cells it covers (at least one).
  private static func spans(source: Int, target: Int) -> [Range<Int>] {
    (0..<target).map { index in
      let start = index * source / target
      let end = max(start + 1, (index + 1) * source / target)
      return start..<min(end, source)
    }
  }
}
