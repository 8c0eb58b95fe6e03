import BulkheadCanvas

extension RGBAImage {
  /// The image fitted inside `width` × `height` pixels with its proportions kept, centred on an opaque
  /// `background` that also shows through its transparent pixels: the bitmap a terminal picture is sent as.
  public func letterboxed(
    width boxWidth: Int, height boxHeight: Int, background: RGBA = RGBA(red: 0, green: 0, blue: 0)
  )
    -> RGBAImage
  {
    let boxWidth = max(1, boxWidth)
    let boxHeight = max(1, boxHeight)
    var result = [UInt8](repeating: 0, count: boxWidth * boxHeight * 4)
    for offset in stride(from: 0, to: result.count, by: 4) {
      result[offset] = background.red
      result[offset + 1] = background.green
      result[offset + 2] = background.blue
      result[offset + 3] = 255
    }
    guard width > 0, height > 0 else { return RGBAImage(width: boxWidth, height: boxHeight, pixels: result) }
    let scale = min(Double(boxWidth) / Double(width), Double(boxHeight) / Double(height))
    let fitWidth = min(boxWidth, max(1, Int((Double(width) * scale).rounded())))
    let fitHeight = min(boxHeight, max(1, Int((Double(height) * scale).rounded())))
    let fitted = scaled(width: fitWidth, height: fitHeight)
    let left = (boxWidth - fitWidth) / 2
    let top = (boxHeight - fitHeight) / 2
    for y in 0..<fitHeight {
      for x in 0..<fitWidth {
        let source = (y * fitWidth + x) * 4
        let target = ((top + y) * boxWidth + left + x) * 4
        let alpha = Int(fitted.pixels[source + 3])
        for channel in 0..<3 {
          let over = Int(fitted.pixels[source + channel]) * alpha
          let under = Int(result[target + channel]) * (255 - alpha)
          result[target + channel] = UInt8((over + under + 127) / 255)
        }
      }
    }
    return RGBAImage(width: boxWidth, height: boxHeight, pixels: result)
  }
}
