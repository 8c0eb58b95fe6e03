import BulkheadCanvas
import CLibPNG
import Foundation

/// Decodes PNG files with libpng's simplified API into ``RGBAImage``s.
///
/// Every PNG the format allows is read: grey, grey + alpha, RGB, RGBA and palette images, bit depths 1 to 16,
/// transparency chunks and interlacing; libpng converts them all to 8-bit sRGB RGBA. 16-bit images without gamma
/// information are read as sRGB, like every image editor writes them. The header is read first: an image with more
/// than ``maximumPixels`` pixels is refused before its pixels are allocated.
///
/// libpng 1.6.39's simplified API puts rows in the wrong place when it turns an interlaced 16-bit image into 8-bit
/// output, so 16-bit images are read as 16-bit linear (premultiplied) RGBA, which it gets right, and converted to
/// 8-bit sRGB here.
public enum PNGDecoder {
  /// The most pixels a portrait may have: 4096 × 4096.
  public static let maximumPixels = 4096 * 4096

  /// The eight bytes every PNG file starts with.
  static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

  /// Decodes `bytes`, a whole PNG file.
  ///
  /// - Parameter maximumPixels: the largest `width × height` accepted.
  /// - Throws: ``PortraitImageError``.
  public static func decode(
    _ bytes: [UInt8], maximumPixels: Int = maximumPixels
  ) throws(PortraitImageError) -> RGBAImage {
    guard bytes.count > signature.count, Array(bytes.prefix(signature.count)) == signature else {
      throw .notPNG
    }
    let result: Result<RGBAImage, PortraitImageError> = bytes.withUnsafeBytes { memory in
      var image = png_image()
      image.version = bh_png_image_version()
      defer { png_image_free(&image) }
      guard png_image_begin_read_from_memory(&image, memory.baseAddress, memory.count) != 0 else {
        return .failure(.corrupt(message(of: &image)))
      }
      let width = Int(image.width)
      let height = Int(image.height)
      guard width > 0, height > 0, width <= maximumPixels, height <= maximumPixels, width * height <= maximumPixels
      else {
        return .failure(.tooLarge(width: width, height: height))
      }
      let sixteenBit = image.format & bh_png_format_flag_linear() != 0
      image.flags |= bh_png_image_flag_16bit_srgb()
      if sixteenBit {
        image.format = bh_png_format_linear_rgba()
        var linear = [UInt16](repeating: 0, count: width * height * 4)
        let finished = linear.withUnsafeMutableBytes { buffer in
          png_image_finish_read(&image, nil, buffer.baseAddress, 0, nil)
        }
        guard finished != 0 else { return .failure(.corrupt(message(of: &image))) }
        return .success(RGBAImage(width: width, height: height, pixels: LinearLight.eightBitSRGB(linear)))
      }
      image.format = bh_png_format_rgba()
      var pixels = [UInt8](repeating: 0, count: width * height * 4)
      let finished = pixels.withUnsafeMutableBytes { buffer in
        png_image_finish_read(&image, nil, buffer.baseAddress, 0, nil)
      }
      guard finished != 0 else { return .failure(.corrupt(message(of: &image))) }
      return .success(RGBAImage(width: width, height: height, pixels: pixels))
    }
    return try result.get()
  }

  /// libpng's message for the last failure of `image`.
  private static func message(of image: inout png_image) -> String {
    withUnsafeBytes(of: &image.message) { raw in
      String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
    }
  }
}
